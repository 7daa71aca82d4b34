/* access_log.c — the access-log line (see access_log.h). */
#include "server/access_log.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool access_log_parse(const char *v, access_log_format *fmt)
{
    static const char *const on[] = {"1", "true", "yes", "on", "text"};
    static const char *const off[] = {"0", "false", "no", "off"};
    if (!v) {
        *fmt = ACCESS_LOG_TEXT;
        return true;
    }
    for (size_t i = 0; i < sizeof on / sizeof on[0]; i++)
        if (strcmp(v, on[i]) == 0) {
            *fmt = ACCESS_LOG_TEXT;
            return true;
        }
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++)
        if (strcmp(v, off[i]) == 0) {
            *fmt = ACCESS_LOG_OFF;
            return true;
        }
    if (strcmp(v, "json") == 0) {
        *fmt = ACCESS_LOG_JSON;
        return true;
    }
    return false;
}

/* Names whose values are secrets, compared without case and without the
 * percent-decoding a client may have applied to other characters. */
static bool secret_name(const char *name, size_t len)
{
    static const char *const names[] = {"token", "access_token", "api_key", "apikey",
                                        "key",   "password",     "auth",    "authorization"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == len && strncasecmp(names[i], name, len) == 0)
            return true;
    return false;
}

void access_log_redact(const char *target, char *out, size_t outsz)
{
    if (outsz == 0)
        return;
    size_t n = 0;
#define PUT(s, len)               \
    do {                          \
        size_t l_ = (len);        \
        if (l_ > outsz - 1 - n)   \
            l_ = outsz - 1 - n;   \
        memcpy(out + n, (s), l_); \
        n += l_;                  \
    } while (0)
    size_t path = strcspn(target, "?");
    PUT(target, path);
    for (const char *p = target + path; *p;) {
        PUT(p, 1); /* '?' or a separator */
        p++;
        size_t piece = strcspn(p, "&;");
        size_t name = strcspn(p, "=&;");
        if (name < piece && secret_name(p, name)) {
            PUT(p, name + 1);
            PUT("REDACTED", 8);
        } else {
            PUT(p, piece);
        }
        p += piece;
    }
#undef PUT
    out[n] = '\0';
}

void access_log_write(FILE *out, access_log_format fmt, const access_log_entry *e)
{
    if (fmt == ACCESS_LOG_OFF)
        return;
    char when[40];
    struct tm tm;
    gmtime_r(&e->at.tv_sec, &tm);
    size_t w = strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(when + w, sizeof when - w, ".%03ldZ", e->at.tv_nsec / 1000000);
    char target[1024];
    access_log_redact(e->target ? e->target : "", target, sizeof target);
    if (fmt == ACCESS_LOG_TEXT) {
        fprintf(out, "%s %s %s %s %u %zu %lldus%s\n", when, e->client, e->method, target, e->status,
                e->bytes, (long long)e->micros, e->aborted ? " (aborted)" : "");
        return;
    }
    /* jansson escapes what a raw target may hold; invalid UTF-8 in it is
     * written as its bytes' Latin-1 reading rather than lost. */
    json_t *t = json_stringn(target, strlen(target));
    if (!t) {
        size_t len = strlen(target);
        char *latin = malloc(2 * len + 1);
        size_t k = 0;
        for (size_t i = 0; latin && i < len; i++) {
            unsigned char ch = (unsigned char)target[i];
            if (ch < 0x80) {
                latin[k++] = (char)ch;
            } else {
                latin[k++] = (char)(0xC0 | (ch >> 6));
                latin[k++] = (char)(0x80 | (ch & 0x3F));
            }
        }
        t = latin ? json_stringn(latin, k) : json_string("");
        free(latin);
    }
    json_t *line =
        json_pack("{s:s, s:s, s:s, s:o, s:i, s:I, s:I, s:b}", "time", when, "client", e->client,
                  "method", e->method, "target", t, "status", (int)e->status, "bytes",
                  (json_int_t)e->bytes, "us", (json_int_t)e->micros, "aborted", e->aborted);
    char *text = line ? json_dumps(line, JSON_COMPACT) : NULL;
    if (text)
        fprintf(out, "%s\n", text);
    free(text);
    json_decref(line);
}
