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
 * Request bodies are kept (up to BODY_MAX_BYTES; a larger Content-Length
 * is refused with 413 before it is read) for the write routes. A write is
 * handed to the writer thread while the connection is suspended, so the
 * polling thread goes on serving its other connections; the writer resumes
 * it when the job is done.
 *
 * GET answers are kept per thread, finished, in a response cache keyed by
 * the request target and valid while the database is unchanged (see
 * cache.h): a repeated request is answered without touching the store.
 */
#include "server/http.h"

#include "extract/utf8.h"
#include "server/body.h"
#include "server/cache.h"
#include "server/compress.h"
#include "server/cors.h"
#include "server/handlers.h"
#include "server/query_pool.h"
#include "server/reply.h"
#include "server/routes.h"
#include "server/writer.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#define MAX_STORES 256
#define LOG_TARGET_MAX 512

/* What each polling thread keeps: its read connection and its cache. */
typedef struct thread_state {
    store *db;
    resp_cache *cache;
} thread_state;

struct http_server {
    struct MHD_Daemon *daemon;
    http_config cfg;
    app *app;
    pthread_key_t store_key;
    writer *writer_;      /* set by http_set_writer once the seeds are in */
    query_pool *queries;  /* runs the data routes' GETs off the polling threads */
    pthread_mutex_t lock; /* guards threads */
    thread_state *threads[MAX_STORES];
    size_t n_threads;
    atomic_int in_flight;
    atomic_size_t body_bytes; /* request bodies held or promised (Content-Length) */
    atomic_bool draining;     /* new connections are closed as they are accepted */
    /* The open connections, watched by the reaper thread for requests that
     * take longer than --request-deadline to arrive. */
    pthread_mutex_t slots_lock;
    struct conn_slot *slots;
    pthread_t reaper;
    pthread_cond_t reaper_wake;
    bool reaper_running, reaper_stop;
};

typedef struct req_ctx {
    struct timespec t0;
    struct timespec arrived; /* wall-clock time, for the access log */
    char method[16];
    bool started;        /* the access handler has been called once */
    size_t target_len;   /* bytes of the raw request target */
    bool nul_in_path;    /* the raw path holds %00, which decoding would cut at */
    size_t query_pieces; /* &-separated pieces of the raw query, empty ones too */
    unsigned unescapes;  /* strings libmicrohttpd has unescaped for this request */
    char target[LOG_TARGET_MAX];
    unsigned status;
    size_t bytes;
    char *body; /* the request body so far */
    size_t body_len, body_cap;
    bool body_too_large;
    size_t body_reserved;  /* this request's share of body_bytes */
    bool body_over_budget; /* the bodies in flight left no room: 503 */
    struct MHD_Connection *conn;
    write_job *job; /* submitted to the writer, connection suspended */
    atomic_bool job_done;
    void (*finish)(write_job *job, store *db, reply_finish_ctx *fc, reply *r);
    /* A query handed to the query pool, connection suspended: the request
     * as dispatch read it, and the answer the worker leaves. */
    bool query_queued;
    atomic_bool query_done;
    request query;
    const route *query_route;
    reply query_reply;
    /* An export's next page, handed to the query pool while the stream
     * waits (connection suspended); NULL otherwise. */
    struct stream_state *filling;
    bool active;     /* a request is under way (counted in in_flight) */
    bool cacheable;  /* a GET whose answer may be kept */
    bool gzip;       /* Accept-Encoding takes gzip */
    int64_t version; /* the data version it was answered at */
} req_ctx;

/* A streamed reply's bytes, as libmicrohttpd asks for them. */
typedef struct stream_state {
    reply_stream_fn fn;
    reply_fill_fn fill;
    void *ctx;
    void (*free_ctx)(void *);
    size_t *bytes; /* the request's byte count, for the access log */
    http_server *s;
    req_ctx *owner; /* the request it answers: its connection */
} stream_state;

/* What a connection's context is allocated in: the request's context
 * (reset for each request, so first) and the reaper's view of it. */
typedef struct conn_slot {
    req_ctx ctx;
    int fd;
    atomic_bool receiving; /* the request line, headers or body are still coming */
    atomic_llong since_ms; /* since when (the connection's or last answer's time) */
    struct conn_slot *prev, *next;
} conn_slot;

static conn_slot *slot_of(req_ctx *ctx)
{
    return (conn_slot *)(void *)ctx;
}

static long long monotonic_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A new request may begin: its clock starts now. */
static void start_receiving(req_ctx *ctx)
{
    atomic_store(&slot_of(ctx)->since_ms, monotonic_ms());
    atomic_store(&slot_of(ctx)->receiving, true);
}

/* Closes the connections whose request has been arriving for longer than
 * the deadline: libmicrohttpd's timeout only measures silence, so a client
 * sending a byte a second would hold its connection for ever. shutdown()
 * (not close) ends it under libmicrohttpd's feet, which then sees the end
 * of the stream and closes the connection itself; the lock keeps the
 * descriptor from being closed and reused meanwhile. */
static void *reap(void *arg)
{
    http_server *s = arg;
    long long deadline_ms = (long long)s->cfg.request_deadline_s * 1000;
    pthread_mutex_lock(&s->slots_lock);
    while (!s->reaper_stop) {
        struct timespec wake;
        clock_gettime(CLOCK_REALTIME, &wake);
        wake.tv_nsec += 250 * 1000 * 1000;
        if (wake.tv_nsec >= 1000000000) {
            wake.tv_sec++;
            wake.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&s->reaper_wake, &s->slots_lock, &wake);
        long long now = monotonic_ms();
        for (conn_slot *sl = s->slots; sl; sl = sl->next)
            if (atomic_load(&sl->receiving) && now - atomic_load(&sl->since_ms) > deadline_ms) {
                atomic_store(&sl->receiving, false);
                shutdown(sl->fd, SHUT_RDWR);
                fprintf(stderr,
                        "marsad: closed a connection whose request took more than %d s to arrive\n",
                        s->cfg.request_deadline_s);
            }
    }
    pthread_mutex_unlock(&s->slots_lock);
    return NULL;
}

static int64_t elapsed_us(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (int64_t)(t1.tv_sec - t0->tv_sec) * 1000000 + (t1.tv_nsec - t0->tv_nsec) / 1000;
}

/* Frees what one request held, leaving the context for the next one. */
static void release_request(http_server *s, req_ctx *ctx)
{
    free(ctx->body);
    ctx->body = NULL;
    atomic_fetch_sub(&s->body_bytes, ctx->body_reserved);
    ctx->body_reserved = 0;
    ctx->body_over_budget = false;
    write_job_free(ctx->job);
    ctx->job = NULL;
    /* A query answered but never sent (the connection closed first, as at
     * shutdown): its reply is ours to free. One still running is the
     * worker's until it is done. */
    if (ctx->query_queued && atomic_load(&ctx->query_done)) {
        reply_free(&ctx->query_reply);
        ctx->query_queued = false;
    }
    if (ctx->active) {
        ctx->active = false;
        atomic_fetch_sub(&s->in_flight, 1);
    }
}

/* Once draining, a new connection is closed as soon as it is accepted.
 * MHD_quiesce_daemon would refuse it at the socket instead, but with a
 * thread pool in epoll mode libmicrohttpd 0.9.75 races itself there: the
 * quiescing thread and a worker waking at that moment both take the
 * listening socket out of the worker's epoll set, and the quiescing side
 * panics (abort) when it finds it already gone. */
static enum MHD_Result accept_unless_draining(void *cls, const struct sockaddr *addr,
                                              socklen_t addrlen)
{
    (void)addr;
    (void)addrlen;
    const http_server *s = cls;
    return atomic_load(&s->draining) ? MHD_NO : MHD_YES;
}

/* One context per connection, made when it opens and freed when it closes:
 * libmicrohttpd does not report the end of a request it gave up on itself
 * (a header too big for its pool), but it always reports the close. */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    http_server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        conn_slot *sl = calloc(1, sizeof *sl);
        const union MHD_ConnectionInfo *info =
            sl ? MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD) : NULL;
        if (info) {
            sl->fd = info->connect_fd;
            start_receiving(&sl->ctx);
            pthread_mutex_lock(&s->slots_lock);
            sl->next = s->slots;
            if (s->slots)
                s->slots->prev = sl;
            s->slots = sl;
            pthread_mutex_unlock(&s->slots_lock);
        } else {
            free(sl);
            sl = NULL;
        }
        *socket_context = sl ? &sl->ctx : NULL;
        return;
    }
    req_ctx *ctx = *socket_context;
    if (ctx) {
        release_request(s, ctx);
        conn_slot *sl = slot_of(ctx);
        pthread_mutex_lock(&s->slots_lock);
        if (sl->prev)
            sl->prev->next = sl->next;
        else
            s->slots = sl->next;
        if (sl->next)
            sl->next->prev = sl->prev;
        pthread_mutex_unlock(&s->slots_lock);
        free(sl);
    }
    *socket_context = NULL;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    http_server *s = cls;
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    req_ctx *ctx = info ? info->socket_context : NULL;
    if (!ctx)
        return NULL;         /* out of memory when the connection opened: the handler drops it */
    release_request(s, ctx); /* a request libmicrohttpd abandoned without telling */
    memset(ctx, 0, sizeof *ctx);
    clock_gettime(CLOCK_MONOTONIC, &ctx->t0);
    clock_gettime(CLOCK_REALTIME, &ctx->arrived);
    ctx->target_len = strlen(uri);
    snprintf(ctx->target, sizeof ctx->target, "%s", uri);
    size_t path_len = strcspn(uri, "?");
    if (uri[path_len] == '?')
        for (const char *q = uri + path_len; *q; q++)
            ctx->query_pieces += *q == '&' || *q == '?' || *q == ';';
    /* A query request_ok will refuse anyway is not given to libmicrohttpd
     * to parse. Right after this callback, libmicrohttpd 0.9.75 stores one
     * record per '&'-piece of the query (a struct MHD_HTTP_Header, 64
     * bytes in the pool; the strings stay in the read buffer), so about
     * 1000 pieces fill the 64 KiB pool, and it then loses its own 431:
     * parse_initial_message_line ignores MHD_parse_arguments_'s failure,
     * and the caller sets the state back to reading headers with reading
     * disabled, so the socket sits silent until --timeout. A bigger pool
     * cannot fix this (the request line may take most of any pool, and
     * each of its bytes can cost 64 more: a 60 KB '&&&...' target was
     * parsed, and hung, before --max-url could be checked), and it is
     * zeroed between keep-alive requests. The target is still in
     * libmicrohttpd's read buffer (it ends that string at the '?' itself
     * before parsing), so ending the query right after the '?' leaves it
     * nothing to parse, and the handler answers the 414 or 400. */
    if (uri[path_len] == '?' && uri[path_len + 1] != '\0' &&
        (ctx->query_pieces > REQUEST_MAX_ARGS || ctx->target_len > s->cfg.max_url))
        ((char *)uri)[path_len + 1] = '\0';
    for (size_t i = 0; i + 2 < path_len; i++)
        if (uri[i] == '%' && uri[i + 1] == '0' && uri[i + 2] == '0')
            ctx->nul_in_path = true;
    ctx->active = true;
    atomic_fetch_add(&s->in_flight, 1);
    return ctx;
}

/* Past this many unescaped strings (a name and a value for each of at
 * most REQUEST_MAX_ARGS pieces, and the path), libmicrohttpd is parsing a
 * query on_uri did not see: one after a raw NUL byte in the request line
 * ("GET /x\0?&&&..."), which on_uri's string ends at. Such a request
 * cannot be cut short like the others, and past the pool it would hang:
 * its connection's timeout is cut to HIDDEN_QUERY_TIMEOUT_S instead, and
 * set back should the request reach the handler after all. */
#define HIDDEN_QUERY_UNESCAPES (2 * REQUEST_MAX_ARGS + 2)
#define HIDDEN_QUERY_TIMEOUT_S 1u

/* libmicrohttpd's own unescaping, counting the strings of each request. */
static size_t on_unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    req_ctx *ctx = info ? info->socket_context : NULL;
    if (ctx && ++ctx->unescapes == HIDDEN_QUERY_UNESCAPES)
        MHD_set_connection_option(c, MHD_CONNECTION_OPTION_TIMEOUT, HIDDEN_QUERY_TIMEOUT_S);
    return MHD_http_unescape(s);
}

/* The client's address as text, for the access log. */
static void client_address(struct MHD_Connection *c, char *out, size_t outsz)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = info ? info->client_addr : NULL;
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)outsz);
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)outsz);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)c;
    http_server *s = cls;
    req_ctx *ctx = *req_cls;
    if (!ctx)
        return;
    if (s->cfg.access_log != ACCESS_LOG_OFF) {
        char client[INET6_ADDRSTRLEN] = "-";
        client_address(c, client, sizeof client);
        access_log_entry e = {ctx->arrived,
                              client,
                              ctx->method[0] ? ctx->method : "-",
                              ctx->target,
                              ctx->status,
                              ctx->bytes,
                              elapsed_us(&ctx->t0),
                              toe != MHD_REQUEST_TERMINATED_COMPLETED_OK};
        access_log_write(stderr, s->cfg.access_log, &e);
    }
    release_request(s, ctx);
    start_receiving(ctx); /* the next request on this connection */
    *req_cls = NULL;
}

static void close_thread_state(void *p)
{
    (void)p; /* closed by http_stop, which owns the registry */
}

/* This thread's state (read connection and cache), made on first use. */
static thread_state *thread_get(http_server *s)
{
    thread_state *ts = pthread_getspecific(s->store_key);
    if (ts)
        return ts;
    char err[256];
    store *db = store_open(s->cfg.db_path, STORE_READONLY, s->cfg.busy_timeout_ms,
                           s->cfg.schema_sql, err, sizeof err);
    if (!db) {
        fprintf(stderr, "marsad: cannot open %s for reading: %s\n", s->cfg.db_path, err);
        return NULL;
    }
    store_set_time_limit(db, s->cfg.query_timeout_ms);
    store_set_page_cache(db, s->cfg.page_cache_mb);
    ts = calloc(1, sizeof *ts);
    if (ts)
        ts->cache = cache_new(s->cfg.cache_bytes / s->cfg.threads);
    if (!ts || !ts->cache) {
        free(ts);
        store_close(db);
        return NULL;
    }
    ts->db = db;
    pthread_mutex_lock(&s->lock);
    bool kept = s->n_threads < MAX_STORES;
    if (kept)
        s->threads[s->n_threads++] = ts;
    pthread_mutex_unlock(&s->lock);
    if (!kept) {
        cache_free(ts->cache);
        store_close(db);
        free(ts);
        return NULL;
    }
    pthread_setspecific(s->store_key, ts);
    return ts;
}

static store *thread_store(http_server *s)
{
    thread_state *ts = thread_get(s);
    return ts ? ts->db : NULL;
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

static enum MHD_Result count_header_bytes(void *cls, enum MHD_ValueKind kind, const char *key,
                                          size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    (void)key;
    (void)value;
    *(size_t *)cls += key_size + value_size + 4; /* ": " and CRLF */
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
    snprintf(r->allow, sizeof r->allow, "%s", allow);
    r->no_etag = true;
}

/* What any request must pass before it is answered, from the cache or
 * not: its size, its path, its query. False with the reply set. */
static bool request_ok(http_server *s, struct MHD_Connection *c, req_ctx *ctx, const char *url,
                       reply *r)
{
    if (ctx->target_len > s->cfg.max_url) {
        reply_problem(r, 414, "the request target is longer than %zu bytes", s->cfg.max_url);
        return false;
    }
    if (ctx->nul_in_path) {
        reply_problem(r, 400, "the path holds a NUL byte (%%00)");
        return false;
    }
    if (ctx->query_pieces > REQUEST_MAX_ARGS) {
        reply_problem(r, 400, "at most %d query parameters are accepted", REQUEST_MAX_ARGS);
        return false;
    }
    size_t header_bytes = 0;
    MHD_get_connection_values_n(c, MHD_HEADER_KIND, count_header_bytes, &header_bytes);
    if (header_bytes > s->cfg.max_headers) {
        reply_problem(r, 431, "the request headers are larger than %zu bytes", s->cfg.max_headers);
        return false;
    }
    size_t where;
    if (!utf8_valid(url, strlen(url), &where)) {
        reply_problem(r, 400, "the path is not valid UTF-8 once decoded (byte %zu)", where);
        return false;
    }
    return true;
}

/* The query pool's work: the handler on the worker's own connection, then
 * the connection resumed so that its polling thread sends the answer. */
static void run_query(void *item, void *cls)
{
    req_ctx *ctx = item;
    if (ctx->filling) { /* an export's next page */
        struct stream_state *st = ctx->filling;
        ctx->filling = NULL;
        st->fill(st->ctx, thread_store(cls));
        MHD_resume_connection(ctx->conn);
        return;
    }
    ctx->query.db = thread_store(cls);
    if (ctx->query.db) {
        ctx->query_route->handler(&ctx->query, &ctx->query_reply);
    } else {
        ctx->query_reply.retry_after = 1;
        reply_problem(&ctx->query_reply, 503, "the database cannot be opened right now");
    }
    atomic_store(&ctx->query_done, true);
    MHD_resume_connection(ctx->conn);
}

static void refuse_query(void *item, void *cls)
{
    (void)cls;
    req_ctx *ctx = item;
    if (ctx->filling) { /* no connection: the export ends cut, as the client can see */
        struct stream_state *st = ctx->filling;
        ctx->filling = NULL;
        st->fill(st->ctx, NULL);
        MHD_resume_connection(ctx->conn);
        return;
    }
    ctx->query_reply.retry_after = 1;
    reply_problem(&ctx->query_reply, 503, "the server is shutting down");
    atomic_store(&ctx->query_done, true);
    MHD_resume_connection(ctx->conn);
}

/* Hand a data route's GET to the query pool, so that a slow query never
 * holds the polling thread's other connections (/healthz, /readyz, cached
 * answers). An export's first page is read there too, and each later one
 * as the answer streams (stream_read). False: run it here. */
static bool offloaded(http_server *s, struct MHD_Connection *c, req_ctx *ctx, const request *rq,
                      const route *rt)
{
    if (!s->queries || (strcmp(rq->method, "GET") != 0 && strcmp(rq->method, "HEAD") != 0))
        return false;
    ctx->query = *rq;
    ctx->query_route = rt;
    reply_init(&ctx->query_reply);
    atomic_store(&ctx->query_done, false);
    ctx->query_queued = true;
    /* Suspend first, then submit: a worker may finish at once. */
    MHD_suspend_connection(c);
    if (!query_pool_submit(s->queries, ctx)) {
        ctx->query_reply.retry_after = 1;
        reply_problem(&ctx->query_reply, 503, "too many queries are waiting; try again shortly");
        atomic_store(&ctx->query_done, true);
        MHD_resume_connection(c);
    }
    return true;
}

static void dispatch(http_server *s, struct MHD_Connection *c, req_ctx *ctx, const char *url,
                     const char *method, reply *r)
{
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
    rq.body = ctx->body ? ctx->body : "";
    rq.body_len = ctx->body_len;
    rq.content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    rq.authorization =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (rt->needs_ready && offloaded(s, c, ctx, &rq, rt))
        return;
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

/* XXH3 over the body: a strong validator for the exact bytes sent. Not
 * FNV-1a, which goes a byte at a time: over a 40 KB page of figures it took
 * a twelfth of the render. */
static void etag_of(const char *body, size_t len, char out[24])
{
    uint64_t h = XXH3_64bits(body, len);
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

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    stream_state *st = cls;
    size_t n = st->fn(st->ctx, buf, max);
    while (n == REPLY_STREAM_FILL) {
        if (!st->fill)
            return MHD_CONTENT_READER_END_WITH_ERROR;
        /* The fill is a query: to a worker, the connection suspended until
         * it is done (libmicrohttpd then asks again); here only without
         * workers or with their queue full. */
        if (st->s->queries) {
            st->owner->filling = st;
            MHD_suspend_connection(st->owner->conn);
            if (query_pool_submit(st->s->queries, st->owner))
                return 0;
            st->owner->filling = NULL;
            MHD_resume_connection(st->owner->conn);
        }
        st->fill(st->ctx, thread_store(st->s));
        n = st->fn(st->ctx, buf, max);
    }
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

/* The explorer page loads its script, style and icon from /web/ and talks
 * to the API on the same origin: nothing else, no inline code. */
#define PAGE_CSP                                                                      \
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/* Answers differ by Accept-Encoding, and by Origin when only some origins
 * are allowed (a shared cache must not give one origin's answer to another). */
static const char *vary_of(const http_server *s)
{
    bool by_origin = s->cfg.cors && strcmp(s->cfg.cors, "*") != 0;
    return by_origin ? "Accept-Encoding, Origin" : "Accept-Encoding";
}

/* The cache key: the target, and a leading \x01 for the gzip form (a byte
 * no request line can hold), so both forms are kept side by side. */
static size_t cache_key(const req_ctx *ctx, char key[CACHE_MAX_TARGET + 2])
{
    if (ctx->target_len > CACHE_MAX_TARGET)
        return ctx->target_len + 1; /* too long: the cache refuses it */
    size_t n = 0;
    if (ctx->gzip)
        key[n++] = '\x01';
    memcpy(key + n, ctx->target, ctx->target_len);
    return n + ctx->target_len;
}

/* Replaces a 200's body by its gzip form when the client takes gzip and it
 * is worth it (compress.h). True when it did. */
static bool gzip_reply(struct MHD_Connection *c, reply *r)
{
    if (r->stream || !r->body || !compress_type_ok(r->content_type) ||
        !compress_accepts_gzip(
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING)))
        return false;
    char *gz;
    size_t gz_len;
    if (!compress_gzip(r->body, r->len, &gz, &gz_len))
        return false;
    if (!r->body_static)
        free(r->body);
    r->body = gz;
    r->len = gz_len;
    r->body_static = false;
    return true;
}

static enum MHD_Result send_reply(http_server *s, struct MHD_Connection *c, req_ctx *ctx,
                                  const char *method, reply *r)
{
    char etag[24] = "";
    bool is_get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    bool gzipped = false;
    if (is_get && r->status == 200 && !r->no_etag) {
        etag_of(r->body, r->len, etag);
        gzipped = gzip_reply(c, r);
        if (gzipped) /* the gzip form is other bytes: its own tag */
            memcpy(etag + 17, "-gz\"", 5);
        const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
        if (etag_matches(inm, etag)) {
            reply_free(r);
            reply_static(r, 304, NULL, "", 0);
        }
    }
    struct MHD_Response *resp;
    if (r->stream && strcmp(method, "HEAD") == 0) {
        /* libmicrohttpd 0.9.75 sends a chunked response's terminator even
         * to HEAD, and the next request on the connection reads it as its
         * own start. A HEAD of a streamed body is answered from an empty
         * buffer instead (its headers then say Content-Length: 0, as the
         * length of an export is not known before it is made). */
        if (r->stream_free)
            r->stream_free(r->stream_ctx);
        r->stream_ctx = NULL;
        r->stream = NULL;
    }
    if (r->stream) {
        stream_state *st = malloc(sizeof *st);
        if (!st)
            return MHD_NO;
        *st = (stream_state){
            r->stream, r->stream_fill, r->stream_ctx, r->stream_free, &ctx->bytes, s, ctx};
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
    if (gzipped)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, vary_of(s));
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->page) { /* the explorer: its own files and the API, in no frame */
        MHD_add_response_header(resp, "Content-Security-Policy", PAGE_CSP);
        MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
        MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    }
    if (etag[0]) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    }
    if (r->link)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LINK, r->link);
    if (r->allow[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->location[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
    if (r->disposition[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, r->disposition);
    if (r->www_authenticate[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, r->www_authenticate);
    if (r->retry_after > 0) {
        char secs[16];
        snprintf(secs, sizeof secs, "%d", r->retry_after);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, secs);
    }
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (origin_allowed(s, origin)) {
        bool any = strcmp(s->cfg.cors, "*") == 0;
        MHD_add_response_header(resp, "Access-Control-Allow-Origin", any ? "*" : origin);
        MHD_add_response_header(resp, "Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS);
        if (strcmp(method, "OPTIONS") == 0) {
            char headers[128];
            cors_allow_headers(
                MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Access-Control-Request-Headers"),
                headers, sizeof headers);
            MHD_add_response_header(resp, "Access-Control-Allow-Methods", r->allow);
            MHD_add_response_header(resp, "Access-Control-Allow-Headers", headers);
            MHD_add_response_header(resp, "Access-Control-Max-Age", "600");
        }
    }
    ctx->status = r->status;
    ctx->bytes += r->len;
    enum MHD_Result ok = MHD_queue_response(c, r->status, resp);
    thread_state *ts = ctx->cacheable && r->status == 200 && etag[0] ? thread_get(s) : NULL;
    char key[CACHE_MAX_TARGET + 2];
    size_t key_len = cache_key(ctx, key);
    if (!ts || !cache_put(ts->cache, key, key_len, ctx->version, resp, etag, r->len))
        MHD_destroy_response(resp);
    return ok;
}

/* Called on the writer thread: the job is done, wake the connection. */
static void job_done(write_job *job, void *cls)
{
    (void)job;
    req_ctx *ctx = cls;
    atomic_store(&ctx->job_done, true);
    MHD_resume_connection(ctx->conn);
}

/* Take n more bytes of the global budget for request bodies; false (and
 * nothing taken) when the bodies in flight would go past it. */
static bool reserve_body(http_server *s, req_ctx *ctx, size_t n)
{
    size_t before = atomic_fetch_add(&s->body_bytes, n);
    if (before + n > s->cfg.body_budget_bytes) {
        atomic_fetch_sub(&s->body_bytes, n);
        return false;
    }
    ctx->body_reserved += n;
    return true;
}

/* Keep a piece of the request body; false once it is over the limit. */
static bool keep_body(http_server *s, req_ctx *ctx, const char *data, size_t n)
{
    if (ctx->body_too_large || ctx->body_over_budget || ctx->body_len + n > BODY_MAX_BYTES) {
        if (!ctx->body_over_budget)
            ctx->body_too_large = true;
        return false;
    }
    /* A body without Content-Length (chunked) takes its budget as it comes. */
    if (ctx->body_len + n > ctx->body_reserved &&
        !reserve_body(s, ctx, ctx->body_len + n - ctx->body_reserved)) {
        ctx->body_over_budget = true;
        free(ctx->body);
        ctx->body = NULL;
        ctx->body_len = ctx->body_cap = 0;
        return false;
    }
    if (ctx->body_len + n + 1 > ctx->body_cap) {
        size_t cap = ctx->body_cap ? ctx->body_cap : 4096;
        while (cap < ctx->body_len + n + 1)
            cap *= 2;
        char *grown = realloc(ctx->body, cap);
        if (!grown) {
            ctx->body_too_large = true;
            return false;
        }
        ctx->body = grown;
        ctx->body_cap = cap;
    }
    memcpy(ctx->body + ctx->body_len, data, n);
    ctx->body_len += n;
    ctx->body[ctx->body_len] = '\0';
    return true;
}

/* The Content-Length of a request, 0 when there is none. */
static unsigned long long declared_length(struct MHD_Connection *c)
{
    const char *cl =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (!cl)
        return 0;
    char *end;
    unsigned long long n = strtoull(cl, &end, 10);
    return end != cl ? n : 0;
}

/* Everything that can refuse a request on its headers alone, before its
 * body is read (and before 100 Continue is sent): a body over the limit
 * (413), a write that is not allowed (401, 403, 415, judged as the handler
 * would), no room left in the budget for bodies in flight (503). */
static bool headers_acceptable(http_server *s, struct MHD_Connection *c, req_ctx *ctx,
                               const char *url, const char *method, reply *r)
{
    unsigned long long length = declared_length(c);
    if (length > BODY_MAX_BYTES) {
        reply_problem(r, 413, "the body is larger than %u bytes", BODY_MAX_BYTES);
        return false;
    }
    const route *rt;
    char id[REQUEST_MAX_ID];
    char allow[64];
    if (routes_match(method, url, &rt, id, sizeof id, allow, sizeof allow) == ROUTE_FOUND &&
        (strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0 ||
         strcmp(method, "DELETE") == 0)) {
        request rq;
        memset(&rq, 0, sizeof rq);
        rq.method = method;
        rq.path = url;
        rq.app = s->app;
        rq.authorization =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
        rq.content_type =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
        if (!handlers_write_allowed(&rq, r))
            return false;
    }
    if (length && !reserve_body(s, ctx, (size_t)length)) {
        r->retry_after = 1;
        reply_problem(r, 503, "too many request bodies are being received; try again");
        return false;
    }
    return true;
}

/* Collects the Content-Length values of a request; stops at a second one
 * that differs from the first. */
typedef struct length_headers {
    const char *first;
    bool conflict;
} length_headers;

static enum MHD_Result collect_length(void *cls, enum MHD_ValueKind kind, const char *key,
                                      size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    (void)value_size;
    length_headers *lh = cls;
    if (key_size != sizeof MHD_HTTP_HEADER_CONTENT_LENGTH - 1 ||
        strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) != 0)
        return MHD_YES;
    if (!value || strchr(value, ',')) { /* a list in one header: never one length */
        lh->conflict = true;
        return MHD_NO;
    }
    if (lh->first && strcmp(lh->first, value) != 0) {
        lh->conflict = true;
        return MHD_NO;
    }
    lh->first = value;
    return MHD_YES;
}

/* Two Content-Length headers that disagree: which one frames the body is
 * what request smuggling plays on (libmicrohttpd takes the first), so the
 * request is refused (RFC 9112 6.3). */
static bool conflicting_lengths(struct MHD_Connection *c)
{
    length_headers lh = {NULL, false};
    MHD_get_connection_values_n(c, MHD_HEADER_KIND, collect_length, &lh);
    return lh.conflict;
}

/* A GET already answered at this data version: queue the kept response.
 * Also marks the request cacheable for send_reply when it is not there. */
static bool serve_cached(http_server *s, struct MHD_Connection *c, req_ctx *ctx, const char *method)
{
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    if (!get || !atomic_load(&s->app->ready) || ctx->target_len > CACHE_MAX_TARGET ||
        ctx->nul_in_path)
        return false;
    /* CORS headers depend on the Origin: such answers are not shared. */
    if (s->cfg.cors && MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"))
        return false;
    thread_state *ts = thread_get(s);
    if (!ts)
        return false;
    ctx->gzip = compress_accepts_gzip(
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING));
    ctx->version = store_local_version(ts->db);
    if (ctx->version < 0)
        return false;
    ctx->cacheable = true;
    cache_hit hit;
    char key[CACHE_MAX_TARGET + 2];
    size_t key_len = cache_key(ctx, key);
    if (!cache_get(ts->cache, key, key_len, ctx->version, &hit))
        return false;
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    if (etag_matches(inm, hit.etag)) {
        struct MHD_Response *nm =
            MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        if (!nm)
            return false;
        MHD_add_response_header(nm, MHD_HTTP_HEADER_ETAG, hit.etag);
        MHD_add_response_header(nm, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
        MHD_add_response_header(nm, MHD_HTTP_HEADER_VARY, vary_of(s));
        MHD_add_response_header(nm, "X-Content-Type-Options", "nosniff");
        ctx->status = 304;
        MHD_queue_response(c, 304, nm);
        MHD_destroy_response(nm);
        return true;
    }
    ctx->status = 200;
    ctx->bytes = hit.len;
    return MHD_queue_response(c, 200, hit.resp) == MHD_YES;
}

static enum MHD_Result answer(http_server *s, struct MHD_Connection *c, req_ctx *ctx,
                              const char *method, reply *r)
{
    enum MHD_Result ok = send_reply(s, c, ctx, method, r);
    reply_free(r);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **req_cls)
{
    http_server *s = cls;
    req_ctx *ctx = *req_cls;
    if (!ctx)
        return MHD_NO; /* out of memory in on_uri: drop the connection */
    reply r;
    reply_init(&r);
    if (!ctx->started) {
        ctx->started = true; /* answer on the next call, keeping keep-alive */
        snprintf(ctx->method, sizeof ctx->method, "%s", method);
        ctx->conn = c;
        if (ctx->unescapes >= HIDDEN_QUERY_UNESCAPES) /* the hidden query fitted */
            MHD_set_connection_option(c, MHD_CONNECTION_OPTION_TIMEOUT, (unsigned)s->cfg.timeout_s);
        if (conflicting_lengths(c)) {
            reply_problem(&r, 400, "Content-Length is given more than once, with different values");
            return answer(s, c, ctx, method, &r);
        }
        if (headers_acceptable(s, c, ctx, url, method, &r))
            return MHD_YES;
        return answer(s, c, ctx, method, &r);
    }
    if (*upload_data_size) {
        keep_body(s, ctx, upload_data, *upload_data_size); /* past the limit: read and dropped */
        *upload_data_size = 0;
        return MHD_YES;
    }
    atomic_store(&slot_of(ctx)->receiving, false); /* all of the request is in */
    if (ctx->query_queued) {                       /* resumed: a worker has answered the query */
        if (!atomic_load(&ctx->query_done))
            return MHD_YES;
        ctx->query_queued = false;
        return answer(s, c, ctx, method, &ctx->query_reply);
    }
    if (ctx->job) { /* resumed: the writer has finished the job */
        if (!atomic_load(&ctx->job_done))
            return MHD_YES;
        store *db = thread_store(s);
        reply_finish_ctx fc = {url};
        if (db)
            ctx->finish(ctx->job, db, &fc, &r);
        else
            reply_problem(&r, 503, "the database cannot be opened right now");
        return answer(s, c, ctx, method, &r);
    }
    if (ctx->body_too_large) {
        reply_problem(&r, 413, "the body is larger than %u bytes", BODY_MAX_BYTES);
        return answer(s, c, ctx, method, &r);
    }
    if (ctx->body_over_budget) {
        r.retry_after = 1;
        reply_problem(&r, 503, "too many request bodies are being received; try again");
        return answer(s, c, ctx, method, &r);
    }
    /* A request line libmicrohttpd could only half read (a NUL in it) shows
     * up without its version. */
    if (strcmp(version, "HTTP/1.1") != 0 && strcmp(version, "HTTP/1.0") != 0) {
        reply_problem(&r, 400, "not an HTTP/1.0 or HTTP/1.1 request line");
        return answer(s, c, ctx, method, &r);
    }
    if (!request_ok(s, c, ctx, url, &r))
        return answer(s, c, ctx, method, &r);
    if (serve_cached(s, c, ctx, method))
        return MHD_YES;
    dispatch(s, c, ctx, url, method, &r);
    if (ctx->query_queued) {
        reply_free(&r);
        return MHD_YES;
    }
    if (r.pending) {
        /* Suspend first, then submit: the writer may finish at once. */
        write_job *job = r.pending;
        r.pending = NULL;
        job->done = job_done;
        job->cls = ctx;
        ctx->job = job;
        ctx->finish = r.finish;
        MHD_suspend_connection(c);
        if (!s->writer_ || !writer_submit(s->writer_, job)) {
            job->status = STORE_BUSY;
            snprintf(job->err, sizeof job->err, "the write queue is full");
            job_done(job, ctx);
        }
        reply_free(&r);
        return MHD_YES;
    }
    return answer(s, c, ctx, method, &r);
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

/* libmicrohttpd's per-connection memory: the request line and headers a
 * client may send (our limits answer 414 and 431 within it), the records it
 * keeps for them (64 bytes per header and per query piece; on_uri keeps big
 * queries out of it) and the response headers. Sized from the limits, not
 * more: libmicrohttpd 0.9.75 zeroes the whole pool between two requests of
 * a keep-alive connection, which at 128 KiB was the largest cost of a
 * cached answer (callgrind: 94 % of its instructions). */
static size_t connection_pool_bytes(const http_config *cfg)
{
    size_t bytes = cfg->max_url + cfg->max_headers + 24 * 1024;
    return bytes < 32 * 1024 ? 32 * 1024 : bytes;
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
    pthread_mutex_init(&s->slots_lock, NULL);
    pthread_cond_init(&s->reaper_wake, NULL);
    if (pthread_key_create(&s->store_key, close_thread_state) != 0) {
        snprintf(err, errsz, "cannot create a thread key");
        pthread_mutex_destroy(&s->lock);
        free(s);
        return NULL;
    }

    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    unsigned flags =
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
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
        flags, (uint16_t)cfg->port, accept_unless_draining, s, on_request, s,
        /* The logger first, so that no option's complaint goes elsewhere. */
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_SOCK_ADDR, &addr,
        /* Refuse requests that bend HTTP/1.1 (spaces in header names...). */
        MHD_OPTION_STRICT_FOR_CLIENT, 1, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)(cfg->threads ? cfg->threads : 1), MHD_OPTION_CONNECTION_LIMIT,
        cfg->max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_per_ip,
        MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        connection_pool_bytes(cfg), MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_UNESCAPE_CALLBACK, on_unescape, NULL, MHD_OPTION_NOTIFY_COMPLETED, on_completed,
        s, MHD_OPTION_NOTIFY_CONNECTION, on_connection, s, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(err, errsz, "cannot listen on %s port %d (in use, or not permitted)", cfg->bind,
                 cfg->port);
        goto fail;
    }
    s->queries = cfg->query_workers
                     ? query_pool_start(cfg->query_workers, run_query, refuse_query, s)
                     : NULL;
    if (cfg->query_workers && !s->queries)
        fprintf(stderr, "marsad: cannot start the query workers; queries run on the polling "
                        "threads\n");
    s->reaper_running = pthread_create(&s->reaper, NULL, reap, s) == 0;
    if (!s->reaper_running)
        fprintf(stderr, "marsad: cannot start the request deadline thread; slow requests are "
                        "closed only by --timeout\n");
    return s;
fail:
    pthread_key_delete(s->store_key);
    pthread_mutex_destroy(&s->lock);
    pthread_mutex_destroy(&s->slots_lock);
    pthread_cond_destroy(&s->reaper_wake);
    free(s);
    return NULL;
}

int http_port(const http_server *s)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : -1;
}

void http_set_writer(http_server *s, writer *w)
{
    s->writer_ = w;
}

void http_drain(http_server *s, int grace_ms)
{
    if (!s)
        return;
    atomic_store(&s->draining, true);
    for (int waited = 0; atomic_load(&s->in_flight) > 0 && waited < grace_ms; waited += 10) {
        struct timespec ten_ms = {0, 10 * 1000 * 1000};
        nanosleep(&ten_ms, NULL);
    }
}

void http_stop(http_server *s, int grace_ms)
{
    if (!s)
        return;
    http_drain(s, grace_ms);
    if (s->reaper_running) {
        pthread_mutex_lock(&s->slots_lock);
        s->reaper_stop = true;
        pthread_cond_signal(&s->reaper_wake);
        pthread_mutex_unlock(&s->slots_lock);
        pthread_join(s->reaper, NULL);
    }
    query_pool_stop(s->queries);
    MHD_stop_daemon(s->daemon);
    for (size_t i = 0; i < s->n_threads; i++) {
        cache_free(s->threads[i]->cache);
        store_close(s->threads[i]->db);
        free(s->threads[i]);
    }
    pthread_key_delete(s->store_key);
    pthread_mutex_destroy(&s->lock);
    pthread_mutex_destroy(&s->slots_lock);
    pthread_cond_destroy(&s->reaper_wake);
    free(s);
}
