/* http.c — marsad's libmicrohttpd glue.
 *
 * Mode: epoll with a thread pool (MHD_USE_EPOLL_INTERNAL_THREAD +
 * MHD_OPTION_THREAD_POOL_SIZE): it scales past FD_SETSIZE connections and
 * costs about half the CPU per request of thread-per-connection.
 *
 * A request is answered on the second call of the access handler, never the
 * first: libmicrohttpd 0.9.75 closes the connection when a GET is answered
 * on the first call, and keep-alive is lost.
 *
 * Each polling thread keeps its own read-only store connection (a pthread
 * key), opened on first use; the server remembers them all to close them at
 * shutdown. The request context is created in the URI-log callback, so the
 * raw request target is known for the 414 check and the access log.
 *
 * Left out here: request bodies (no route takes one yet; bodies are
 * discarded), response caching.
 */
#include "server/http.h"

#include "extract/utf8.h"
#include "server/reply.h"
#include "server/routes.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_STORES 256
#define LOG_TARGET_MAX 512

struct http_server {
    struct MHD_Daemon *daemon;
    http_config cfg;
    app *app;
    pthread_key_t store_key;
    pthread_mutex_t lock; /* guards stores */
    store *stores[MAX_STORES];
    size_t n_stores;
    atomic_int in_flight;
};

typedef struct req_ctx {
    struct timespec t0;
    bool started;            /* the access handler has been called once */
    size_t target_len;       /* bytes of the raw request target */
    char target[LOG_TARGET_MAX];
    unsigned status;
    size_t bytes;
} req_ctx;

static int64_t elapsed_us(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (int64_t)(t1.tv_sec - t0->tv_sec) * 1000000 + (t1.tv_nsec - t0->tv_nsec) / 1000;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)c;
    http_server *s = cls;
    req_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL; /* the access handler then answers 500 */
    clock_gettime(CLOCK_MONOTONIC, &ctx->t0);
    ctx->target_len = strlen(uri);
    snprintf(ctx->target, sizeof ctx->target, "%s", uri);
    atomic_fetch_add(&s->in_flight, 1);
    return ctx;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)c;
    http_server *s = cls;
    req_ctx *ctx = *req_cls;
    if (!ctx)
        return;
    if (s->cfg.access_log) {
        /* One fprintf per line: stdio's lock keeps lines whole across threads. */
        fprintf(stderr, "%s %u %zu %lldus%s\n", ctx->target, ctx->status, ctx->bytes,
                (long long)elapsed_us(&ctx->t0),
                toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
    }
    free(ctx);
    *req_cls = NULL;
    atomic_fetch_sub(&s->in_flight, 1);
}

static void close_store(void *p)
{
    (void)p; /* stores are closed by http_stop, which owns the registry */
}

/* This thread's read connection, opened on first use. */
static store *thread_store(http_server *s)
{
    store *db = pthread_getspecific(s->store_key);
    if (db)
        return db;
    char err[256];
    db = store_open(s->cfg.db_path, STORE_READONLY, s->cfg.busy_timeout_ms, s->cfg.schema_sql,
                    err, sizeof err);
    if (!db) {
        fprintf(stderr, "marsad: cannot open %s for reading: %s\n", s->cfg.db_path, err);
        return NULL;
    }
    store_set_time_limit(db, s->cfg.query_timeout_ms);
    pthread_mutex_lock(&s->lock);
    bool kept = s->n_stores < MAX_STORES;
    if (kept)
        s->stores[s->n_stores++] = db;
    pthread_mutex_unlock(&s->lock);
    if (!kept) {
        store_close(db);
        return NULL;
    }
    pthread_setspecific(s->store_key, db);
    return db;
}

/* With lengths, so a %00 inside a name or value is seen rather than
 * silently cutting it short. */
static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                   size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    request *rq = cls;
    if ((key && strlen(key) != key_size) || (value && strlen(value) != value_size)) {
        rq->nul_in_args = true;
        rq->nul_arg = key && strlen(key) == key_size ? key : NULL;
        return MHD_NO;
    }
    if (rq->n_args == REQUEST_MAX_ARGS) {
        rq->too_many_args = true;
        return MHD_NO;
    }
    rq->args[rq->n_args].name = key ? key : "";
    rq->args[rq->n_args].value = value ? value : "";
    rq->n_args++;
    return MHD_YES;
}

/* Is this Origin allowed by --cors? */
static bool origin_allowed(const http_server *s, const char *origin)
{
    if (!s->cfg.cors || !origin)
        return false;
    if (strcmp(s->cfg.cors, "*") == 0)
        return true;
    size_t n = strlen(origin);
    for (const char *p = s->cfg.cors; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, origin, n) == 0)
            return true;
        p += len;
        if (*p == ',')
            p++;
    }
    return false;
}

static void preflight(http_server *s, struct MHD_Connection *c, const char *path, reply *r)
{
    const route *rt;
    char id[REQUEST_MAX_ID], allow[64];
    route_result m = routes_match("OPTIONS", path, &rt, id, sizeof id, allow, sizeof allow);
    if (m == ROUTE_NO_PATH) {
        reply_problem(r, 404, "no route for %s", path);
        return;
    }
    (void)s;
    (void)c;
    reply_static(r, 204, NULL, "", 0);
    size_t n = strlen(allow);
    if (n + sizeof ", OPTIONS" <= sizeof r->allow) {
        memcpy(r->allow, allow, n);
        memcpy(r->allow + n, ", OPTIONS", sizeof ", OPTIONS");
    }
    r->no_etag = true;
}

static void dispatch(http_server *s, struct MHD_Connection *c, req_ctx *ctx, const char *url,
                     const char *method, reply *r)
{
    if (ctx->target_len > s->cfg.max_url) {
        reply_problem(r, 414, "the request target is longer than %zu bytes", s->cfg.max_url);
        return;
    }
    size_t where;
    if (!utf8_valid(url, strlen(url), &where)) {
        reply_problem(r, 400, "the path is not valid UTF-8 once decoded (byte %zu)", where);
        return;
    }
    if (strcmp(method, "OPTIONS") == 0) {
        preflight(s, c, url, r);
        return;
    }
    request rq;
    memset(&rq, 0, sizeof rq);
    rq.method = method;
    rq.path = url;
    rq.app = s->app;
    const route *rt;
    route_result m = routes_match(method, url, &rt, rq.id, sizeof rq.id, r->allow, sizeof r->allow);
    if (m == ROUTE_NO_PATH) {
        reply_problem(r, 404, "no route for %s", url);
        return;
    }
    if (m == ROUTE_NO_METHOD) {
        reply_problem(r, 405, "%s is not allowed on %s; allowed: %s", method, url, r->allow);
        return;
    }
    r->allow[0] = '\0';
    if (rt->needs_ready && !atomic_load(&s->app->ready)) {
        r->retry_after = 1;
        reply_problem(r, 503, "the seeds are still being imported");
        return;
    }
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, collect_arg, &rq);
    if (rt->needs_ready) {
        rq.db = thread_store(s);
        if (!rq.db) {
            r->retry_after = 1;
            reply_problem(r, 503, "the database cannot be opened right now");
            return;
        }
    }
    rt->handler(&rq, r);
}

/* FNV-1a over the body: a strong validator for the exact bytes sent. */
static void etag_of(const char *body, size_t len, char out[24])
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)body[i];
        h *= 1099511628211ull;
    }
    snprintf(out, 24, "\"%016llx\"", (unsigned long long)h);
}

/* Does If-None-Match (a list of entity tags, or *) name etag? Weak tags
 * compare by their opaque part (RFC 9110 weak comparison). */
static bool etag_matches(const char *header, const char *etag)
{
    if (!header)
        return false;
    size_t n = strlen(etag);
    for (const char *p = header; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == '*')
            return true;
        if (strncmp(p, "W/", 2) == 0)
            p += 2;
        size_t len = strcspn(p, ",");
        while (len && p[len - 1] == ' ')
            len--;
        if (len == n && strncmp(p, etag, n) == 0)
            return true;
        p += strcspn(p, ",");
    }
    return false;
}

/* A streamed reply's bytes, as libmicrohttpd asks for them. */
typedef struct stream_state {
    reply_stream_fn fn;
    void *ctx;
    void (*free_ctx)(void *);
    size_t *bytes; /* the request's byte count, for the access log */
} stream_state;

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    stream_state *st = cls;
    size_t n = st->fn(st->ctx, buf, max);
    if (n == REPLY_STREAM_ERROR)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    if (n == 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    *st->bytes += n;
    return (ssize_t)n;
}

static void stream_free(void *cls)
{
    stream_state *st = cls;
    if (st->free_ctx)
        st->free_ctx(st->ctx);
    free(st);
}

static enum MHD_Result send_reply(http_server *s, struct MHD_Connection *c, req_ctx *ctx,
                                  const char *method, reply *r)
{
    char etag[24] = "";
    bool is_get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    if (is_get && r->status == 200 && !r->no_etag) {
        etag_of(r->body, r->len, etag);
        const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
        if (etag_matches(inm, etag)) {
            reply_free(r);
            reply_static(r, 304, NULL, "", 0);
        }
    }
    struct MHD_Response *resp;
    if (r->stream) {
        stream_state *st = malloc(sizeof *st);
        if (!st)
            return MHD_NO;
        *st = (stream_state){r->stream, r->stream_ctx, r->stream_free, &ctx->bytes};
        resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, stream_read, st,
                                                 stream_free);
        if (!resp) {
            free(st);
            return MHD_NO;
        }
        r->stream_ctx = NULL; /* the response owns it now */
        r->stream = NULL;
    } else if (r->body_static || r->len == 0) {
        resp = MHD_create_response_from_buffer(r->len, r->body ? r->body : (char *)"",
                                               MHD_RESPMEM_PERSISTENT);
    } else {
        resp = MHD_create_response_from_buffer_with_free_callback(r->len, r->body, free);
        if (resp)
            r->body = NULL; /* the response owns it now */
    }
    if (!resp)
        return MHD_NO;
    if (r->content_type && r->status != 304)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
    if (etag[0]) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    }
    if (r->link[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LINK, r->link);
    if (r->allow[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->location[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
    if (r->disposition[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, r->disposition);
    if (r->retry_after > 0) {
        char secs[16];
        snprintf(secs, sizeof secs, "%d", r->retry_after);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, secs);
    }
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (origin_allowed(s, origin)) {
        bool any = strcmp(s->cfg.cors, "*") == 0;
        MHD_add_response_header(resp, "Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any)
            MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
        MHD_add_response_header(resp, "Access-Control-Expose-Headers", "Link, ETag");
        if (strcmp(method, "OPTIONS") == 0) {
            MHD_add_response_header(resp, "Access-Control-Allow-Methods", r->allow);
            MHD_add_response_header(resp, "Access-Control-Allow-Headers",
                                    "Content-Type, Authorization, If-None-Match");
            MHD_add_response_header(resp, "Access-Control-Max-Age", "600");
        }
    }
    ctx->status = r->status;
    ctx->bytes += r->len;
    enum MHD_Result ok = MHD_queue_response(c, r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **req_cls)
{
    (void)version;
    (void)upload_data;
    http_server *s = cls;
    req_ctx *ctx = *req_cls;
    if (!ctx)
        return MHD_NO; /* out of memory in on_uri: drop the connection */
    if (!ctx->started) {
        ctx->started = true; /* answer on the next call, keeping keep-alive */
        return MHD_YES;
    }
    if (*upload_data_size) {
        *upload_data_size = 0; /* no route reads a body yet */
        return MHD_YES;
    }
    reply r;
    reply_init(&r);
    dispatch(s, c, ctx, url, method, &r);
    enum MHD_Result ok = send_reply(s, c, ctx, method, &r);
    reply_free(&r);
    return ok;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    fprintf(stderr, "marsad: http: %s\n", line);
}

http_server *http_start(const http_config *cfg, app *a, char *err, size_t errsz)
{
    http_server *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    s->cfg = *cfg;
    s->app = a;
    pthread_mutex_init(&s->lock, NULL);
    if (pthread_key_create(&s->store_key, close_store) != 0) {
        snprintf(err, errsz, "cannot create a thread key");
        pthread_mutex_destroy(&s->lock);
        free(s);
        return NULL;
    }

    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addr;
    if (inet_pton(AF_INET, cfg->bind, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)cfg->port);
    } else if (inet_pton(AF_INET6, cfg->bind, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)cfg->port);
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(err, errsz, "--bind %s is not an IPv4 or IPv6 address", cfg->bind);
        goto fail;
    }

    s->daemon = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, on_request, s,
        /* The logger first, so that no option's complaint goes elsewhere. */
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_SOCK_ADDR, &addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads ? cfg->threads : 1),
        MHD_OPTION_CONNECTION_LIMIT, cfg->max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        cfg->max_per_ip, MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s,
        /* Bounds the request line and headers a client may send. */
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_URI_LOG_CALLBACK,
        on_uri, s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(err, errsz, "cannot listen on %s port %d (in use, or not permitted)", cfg->bind,
                 cfg->port);
        goto fail;
    }
    return s;
fail:
    pthread_key_delete(s->store_key);
    pthread_mutex_destroy(&s->lock);
    free(s);
    return NULL;
}

int http_port(const http_server *s)
{
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : -1;
}

void http_stop(http_server *s, int grace_ms)
{
    if (!s)
        return;
    MHD_socket fd = MHD_quiesce_daemon(s->daemon); /* stop accepting */
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
    for (int waited = 0; atomic_load(&s->in_flight) > 0 && waited < grace_ms; waited += 10) {
        struct timespec ten_ms = {0, 10 * 1000 * 1000};
        nanosleep(&ten_ms, NULL);
    }
    MHD_stop_daemon(s->daemon);
    for (size_t i = 0; i < s->n_stores; i++)
        store_close(s->stores[i]);
    pthread_key_delete(s->store_key);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
