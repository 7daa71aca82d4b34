/* reply.h — what a handler answers: status, content type, body and the few
 * headers marsad sets. The one place where an error status becomes an
 * RFC 9457 problem+json body. The HTTP layer (http.c) turns a reply into a
 * libmicrohttpd response and adds ETag, CORS and the access log.
 */
#ifndef MARSAD_REPLY_H
#define MARSAD_REPLY_H

#include "db/store.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* A body produced piece by piece (exports): writes at most max bytes into
 * buf and returns how many; 0 at the end; REPLY_STREAM_ERROR when it
 * cannot go on (the connection is then closed); REPLY_STREAM_FILL when it
 * has nothing until its fill function has run (a query: the HTTP layer runs
 * it off the polling thread, on that thread's own connection db, then asks
 * again). */
#define REPLY_STREAM_ERROR ((size_t)-1)
#define REPLY_STREAM_FILL ((size_t)-2)
typedef size_t (*reply_stream_fn)(void *ctx, char *buf, size_t max);
typedef void (*reply_fill_fn)(void *ctx, store *db);

struct write_job;
struct reply;
/* What a finished write's reply may need of its request. */
typedef struct reply_finish_ctx {
    const char *path;
} reply_finish_ctx;

typedef struct reply {
    unsigned status;
    const char *content_type; /* static string */
    char *body;               /* owned unless body_static */
    size_t len;
    bool body_static;
    bool no_etag;              /* for bodies that must not be cached (health) */
    bool page;                 /* the explorer page: sent with its security policy */
    char *link;                /* Link header (owned), NULL for none */
    char allow[64];            /* Allow header (405, OPTIONS) */
    char location[300];        /* Location header (201): /v1/articles/ and an id */
    int retry_after;           /* seconds, 0 for none (503) */
    char disposition[128];     /* Content-Disposition, empty for none */
    char www_authenticate[64]; /* WWW-Authenticate (401), empty for none */
    /* A write handed to the writer thread: the HTTP layer suspends the
     * connection, submits the job, and when it is done calls finish on the
     * connection's thread to fill the reply. */
    struct write_job *pending;
    void (*finish)(struct write_job *job, store *db, reply_finish_ctx *ctx, struct reply *r);
    reply_stream_fn stream;    /* when set, the body comes from it, not from body */
    reply_fill_fn stream_fill; /* what REPLY_STREAM_FILL asks to run */
    void *stream_ctx;          /* owned by the reply until the response takes it */
    void (*stream_free)(void *ctx);
} reply;

void reply_init(reply *r);
void reply_free(reply *r);

/* 200 (or status) with the compact serialisation of json; steals the
 * reference. Falls back to a 500 problem when serialising fails. */
void reply_json(reply *r, unsigned status, json_t *json);

/* 200 (or status) with JSON already written (body malloc'd, len bytes;
 * the reply takes it). */
void reply_json_bytes(reply *r, unsigned status, char *body, size_t len);

/* Link: <url>; rel="next". Call it after the body is set (setting a body
 * drops the reply's headers of an earlier answer). False when out of memory. */
bool reply_link_next(reply *r, const char *url);

/* A body that lives as long as the process (the OpenAPI file, web assets). */
void reply_static(reply *r, unsigned status, const char *content_type, const char *body,
                  size_t len);

/* A problem+json reply: `title` is the status's fixed phrase unless given;
 * `detail` says what went wrong in this request (printf format). */
void reply_problem(reply *r, unsigned status, const char *detail_fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A 400 that names the offending query parameter in invalid_params. */
void reply_bad_param(reply *r, const char *param, const char *reason_fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A streamed body: the reply owns ctx (freed with free_ctx) until the HTTP
 * layer hands it to the response. */
void reply_stream(reply *r, unsigned status, const char *content_type, reply_stream_fn fn,
                  reply_fill_fn fill, void *ctx, void (*free_ctx)(void *));

/* The standard reason phrase of an HTTP status ("Not Found"). */
const char *reply_status_title(unsigned status);

#endif
