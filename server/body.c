/* body.c — parsing the body of an article write.
 *
 * JSON is read by jansson with duplicate keys rejected (and \u0000 refused,
 * jansson's default), then checked field
 * by field: `body` is required, the others optional strings (null allowed),
 * anything else is refused so a typo ("titel") is not silently dropped.
 * UTF-8 is checked before JSON parsing so the error names the byte.
 * published_at must look like an ISO 8601 date or date-time.
 */
#include "server/body.h"

#include "extract/utf8.h"
#include "ingest/ingest.h"
#include "ingest/page.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void article_input_free(article_input *in)
{
    if (!in)
        return;
    free(in->text);
    free(in->title);
    free(in->outlet);
    free(in->url);
    free(in->published_at);
    memset(in, 0, sizeof *in);
}

/* The media type of a Content-Type value, compared without parameters. */
static bool media_type_is(const char *ct, const char *type)
{
    while (*ct == ' ')
        ct++;
    size_t n = strlen(type);
    return strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

bool body_type_accepted(const char *content_type, char *err, size_t errsz)
{
    if (content_type &&
        (media_type_is(content_type, "application/json") ||
         media_type_is(content_type, "text/plain") || media_type_is(content_type, "text/html")))
        return true;
    snprintf(err, errsz, "send application/json, text/plain or text/html, not %s",
             content_type ? content_type : "no Content-Type");
    return false;
}

/* YYYY-MM-DD, optionally followed by THH:MM[:SS[.fff]] and Z or ±HH:MM. */
static bool iso8601(const char *s)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return false;
    if (s[10] == '\0')
        return true;
    if (s[10] != 'T' && s[10] != ' ')
        return false;
    const char *p = s + 11;
    for (int i = 0; i < 5; i++)
        if (i == 2 ? p[i] != ':' : !isdigit((unsigned char)p[i]))
            return false;
    p += 5;
    if (*p == ':') {
        if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
            return false;
        p += 3;
        if (*p == '.')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    if (*p == 'Z')
        return p[1] == '\0';
    if (*p == '+' || *p == '-')
        return isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) && p[3] == ':' &&
               isdigit((unsigned char)p[4]) && isdigit((unsigned char)p[5]) && p[6] == '\0';
    return *p == '\0';
}

static body_status take_text(const char *src, size_t len, article_input *in, char *err,
                             size_t errsz)
{
    char *copy = malloc(len + 1);
    if (!copy) {
        snprintf(err, errsz, "out of memory");
        return BODY_INVALID;
    }
    memcpy(copy, src, len);
    copy[len] = '\0';
    char why[64];
    const char *bad = ingest_check_text(copy, &len, why, sizeof why);
    if (bad) {
        snprintf(err, errsz, "body: %s", bad);
        free(copy);
        return len > BODY_MAX_BYTES ? BODY_TOO_LARGE : BODY_INVALID;
    }
    in->text = copy;
    in->len = len;
    return BODY_OK;
}

static body_status optional_field(json_t *root, const char *key, char **out, char *err,
                                  size_t errsz)
{
    json_t *v = json_object_get(root, key);
    if (!v || json_is_null(v))
        return BODY_OK;
    if (!json_is_string(v)) {
        snprintf(err, errsz, "%s: must be a string", key);
        return BODY_INVALID;
    }
    if (utf8_count(json_string_value(v), json_string_length(v)) > BODY_MAX_FIELD) {
        snprintf(err, errsz, "%s: longer than %u characters", key, BODY_MAX_FIELD);
        return BODY_INVALID;
    }
    if (!(*out = strdup(json_string_value(v)))) {
        snprintf(err, errsz, "out of memory");
        return BODY_INVALID;
    }
    return BODY_OK;
}

static body_status parse(const char *body, size_t len, const char *content_type, article_input *in,
                         char *err, size_t errsz);

/* A saved page: its charset is the one it declares, so its bytes are not
 * held to UTF-8 here; the page reader converts them and says why not. */
static body_status parse_page(const char *body, size_t len, article_input *in, char *err,
                              size_t errsz)
{
    reader_article a = {0};
    char why[200];
    if (page_read(body, len, &a, why, sizeof why) != 0) {
        snprintf(err, errsz, "the page: %s", why);
        return BODY_INVALID;
    }
    body_status st = take_text(a.body, a.len, in, err, errsz);
    if (st == BODY_OK) {
        in->title = a.title;
        in->outlet = a.outlet;
        in->published_at = a.published_at;
        a.title = a.outlet = a.published_at = NULL;
        if (a.url && ingest_valid_url(a.url)) {
            in->url = a.url;
            a.url = NULL;
        }
        in->format = "html";
    }
    reader_article_free(&a);
    return st;
}

/* The reason quotes what the client sent (its Content-Type, a field name),
 * and becomes a problem detail: keep it valid UTF-8. */
body_status body_parse_article(const char *body, size_t len, const char *content_type,
                               article_input *in, char *err, size_t errsz)
{
    if (errsz)
        err[0] = '\0';
    body_status st = parse(body, len, content_type, in, err, errsz);
    if (st != BODY_OK && errsz)
        utf8_repair(err, strlen(err));
    return st;
}

static body_status parse(const char *body, size_t len, const char *content_type, article_input *in,
                         char *err, size_t errsz)
{
    memset(in, 0, sizeof *in);
    if (len > BODY_MAX_BYTES) {
        snprintf(err, errsz, "the body is larger than %u bytes", BODY_MAX_BYTES);
        return BODY_TOO_LARGE;
    }
    bool json = content_type && media_type_is(content_type, "application/json");
    if (!body_type_accepted(content_type, err, errsz))
        return BODY_BAD_TYPE;
    in->format = "api";
    if (media_type_is(content_type, "text/html"))
        return parse_page(body, len, in, err, errsz);
    size_t where;
    const char *nul = memchr(body, '\0', len);
    if (nul) {
        snprintf(err, errsz, "the body holds a NUL byte (byte %zu)", (size_t)(nul - body));
        return BODY_INVALID;
    }
    if (!utf8_valid(body, len, &where)) {
        snprintf(err, errsz, "the body is not valid UTF-8 (byte %zu)", where);
        return BODY_INVALID;
    }
    if (!json)
        return take_text(body, len, in, err, errsz);

    json_error_t jerr;
    json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        snprintf(err, errsz, "invalid JSON at line %d, column %d (byte %d): %s", jerr.line,
                 jerr.column, jerr.position, jerr.text);
        return BODY_INVALID;
    }
    body_status st = BODY_INVALID;
    if (!json_is_object(root)) {
        snprintf(err, errsz, "the JSON body must be an object");
        goto out;
    }
    static const char *const known[] = {"title", "body", "outlet", "url", "published_at", NULL};
    const char *key;
    json_t *value;
    json_object_foreach(root, key, value)
    {
        const char *const *k = known;
        while (*k && strcmp(*k, key) != 0)
            k++;
        if (!*k) {
            snprintf(err, errsz,
                     "unknown field '%.64s' (fields: title, body, outlet, url, published_at)", key);
            goto out;
        }
    }
    json_t *jbody = json_object_get(root, "body");
    if (!json_is_string(jbody)) {
        snprintf(err, errsz, "body: required, a string");
        goto out;
    }
    if ((st = take_text(json_string_value(jbody), json_string_length(jbody), in, err, errsz)) !=
            BODY_OK ||
        (st = optional_field(root, "title", &in->title, err, errsz)) != BODY_OK ||
        (st = optional_field(root, "outlet", &in->outlet, err, errsz)) != BODY_OK ||
        (st = optional_field(root, "url", &in->url, err, errsz)) != BODY_OK ||
        (st = optional_field(root, "published_at", &in->published_at, err, errsz)) != BODY_OK)
        goto out;
    if (in->url && !ingest_valid_url(in->url)) {
        snprintf(err, errsz, "url: must be an http:// or https:// URL with a host");
        st = BODY_INVALID;
        goto out;
    }
    if (in->published_at && !iso8601(in->published_at)) {
        snprintf(err, errsz, "published_at: not an ISO 8601 date or date-time");
        st = BODY_INVALID;
        goto out;
    }
    st = BODY_OK;
out:
    json_decref(root);
    if (st != BODY_OK)
        article_input_free(in);
    return st;
}
