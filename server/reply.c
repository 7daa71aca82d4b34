/* reply.c — building replies, and the problem+json bodies of errors.
 *
 * Problem types are URIs under /problems/ naming the kind of failure
 * (not-found, invalid-parameter, ...) so clients can switch on them; the
 * title is the status phrase and the detail says what this request did wrong.
 */
#include "server/reply.h"

#include "extract/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void reply_init(reply *r)
{
    memset(r, 0, sizeof *r);
    r->status = 500;
}

void reply_free(reply *r)
{
    if (!r)
        return;
    if (!r->body_static)
        free(r->body);
    r->body = NULL;
    r->len = 0;
    if (r->stream_ctx && r->stream_free)
        r->stream_free(r->stream_ctx);
    r->stream_ctx = NULL;
    r->stream = NULL;
    r->stream_fill = NULL;
    free(r->link);
    r->link = NULL;
}

bool reply_link_next(reply *r, const char *url)
{
    static const char pre[] = "<", post[] = ">; rel=\"next\"";
    size_t n = strlen(url);
    char *link = malloc(sizeof pre - 1 + n + sizeof post);
    if (!link)
        return false;
    memcpy(link, pre, sizeof pre - 1);
    memcpy(link + sizeof pre - 1, url, n);
    memcpy(link + sizeof pre - 1 + n, post, sizeof post);
    free(r->link);
    r->link = link;
    return true;
}

void reply_stream(reply *r, unsigned status, const char *content_type, reply_stream_fn fn,
                  reply_fill_fn fill, void *ctx, void (*free_ctx)(void *))
{
    reply_free(r);
    r->status = status;
    r->content_type = content_type;
    r->stream = fn;
    r->stream_fill = fill;
    r->stream_ctx = ctx;
    r->stream_free = free_ctx;
    r->no_etag = true; /* the bytes are not known before they are sent */
}

static void set_body(reply *r, unsigned status, const char *type, char *body, size_t len)
{
    reply_free(r);
    r->status = status;
    r->content_type = type;
    r->body = body;
    r->len = len;
    r->body_static = false;
}

const char *reply_status_title(unsigned status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

static const char *problem_type(unsigned status)
{
    switch (status) {
    case 400: return "/problems/invalid-request";
    case 401: return "/problems/unauthorized";
    case 403: return "/problems/forbidden";
    case 404: return "/problems/not-found";
    case 405: return "/problems/method-not-allowed";
    case 413: return "/problems/body-too-large";
    case 414: return "/problems/uri-too-long";
    case 415: return "/problems/unsupported-media-type";
    case 431: return "/problems/headers-too-large";
    case 503: return "/problems/unavailable";
    default: return "about:blank";
    }
}

void reply_json(reply *r, unsigned status, json_t *json)
{
    /* Ten significant digits keep coordinates to about 1e-6 degrees
     * without the binary noise of %.17g. */
    char *s =
        json ? json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(10)) : NULL;
    json_decref(json);
    if (!s) {
        reply_problem(r, 500, "the response could not be serialised");
        return;
    }
    set_body(r, status, "application/json", s, strlen(s));
}

void reply_json_bytes(reply *r, unsigned status, char *body, size_t len)
{
    set_body(r, status, "application/json", body, len);
}

void reply_static(reply *r, unsigned status, const char *content_type, const char *body, size_t len)
{
    reply_free(r);
    r->status = status;
    r->content_type = content_type;
    r->body = (char *)body; /* never freed: body_static */
    r->len = len;
    r->body_static = true;
}

static void problem(reply *r, unsigned status, const char *type, json_t *invalid,
                    const char *detail)
{
    json_t *p =
        json_pack("{s:s, s:s, s:i, s:s}", "type", type ? type : problem_type(status), "title",
                  reply_status_title(status), "status", (int)status, "detail", detail);
    if (p && invalid)
        json_object_set_new(p, "invalid_params", invalid); /* steals invalid */
    else
        json_decref(invalid);
    char *s = p ? json_dumps(p, JSON_COMPACT) : NULL;
    json_decref(p);
    if (!s) {
        static const char oom[] =
            "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}";
        reply_static(r, 500, "application/problem+json", oom, sizeof oom - 1);
        return;
    }
    set_body(r, status, "application/problem+json", s, strlen(s));
}

/* Problem texts quote what the client sent (a name, a header), and
 * vsnprintf may cut a character in two: make them valid UTF-8 so the JSON
 * can always be written. */
static void repair(char *s)
{
    utf8_repair(s, strlen(s));
}

void reply_problem(reply *r, unsigned status, const char *detail_fmt, ...)
{
    char detail[1024];
    va_list ap;
    va_start(ap, detail_fmt);
    vsnprintf(detail, sizeof detail, detail_fmt, ap);
    va_end(ap);
    repair(detail);
    problem(r, status, NULL, NULL, detail);
}

void reply_bad_param(reply *r, const char *param, const char *reason_fmt, ...)
{
    char reason[512], detail[1024];
    va_list ap;
    va_start(ap, reason_fmt);
    vsnprintf(reason, sizeof reason, reason_fmt, ap);
    va_end(ap);
    char name[300];
    snprintf(name, sizeof name, "%s", param);
    repair(reason);
    repair(name);
    snprintf(detail, sizeof detail, "%s: %s", name, reason);
    repair(detail);
    problem(r, 400, "/problems/invalid-parameter",
            json_pack("[{s:s, s:s}]", "name", name, "reason", reason), detail);
}
