/* http.h — the libmicrohttpd daemon: accepts connections, turns each request
 * into a `request`, dispatches it through the route table, and writes the
 * reply with ETag/304, CORS and an access-log line.
 *
 * Threads: epoll with a pool of `threads` polling threads; each thread opens
 * its own read-only store connection on first use.
 */
#ifndef MARSAD_HTTP_H
#define MARSAD_HTTP_H

#include "server/access_log.h"
#include "server/request.h"
#include "server/writer.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct http_config {
    const char *bind;       /* IPv4 or IPv6 literal */
    int port;               /* 0: any free port (see http_port) */
    unsigned threads;       /* polling threads, >= 1 */
    unsigned query_workers; /* threads that run the data routes' queries; 0: the polling threads */
    const char *db_path;    /* each thread opens it read-only */
    const char *schema_sql;
    int busy_timeout_ms;
    int query_timeout_ms; /* per-query time limit; 503 past it */
    const char *cors;     /* NULL, "*" or comma-separated origins */
    unsigned max_connections;
    unsigned max_per_ip;
    unsigned timeout_s;       /* idle connection timeout */
    int request_deadline_s;   /* a request's line, headers and body must arrive within it */
    size_t max_url;           /* longer request targets are a 414 */
    size_t max_headers;       /* larger request headers (names and values) are a 431 */
    size_t cache_bytes;       /* finished responses kept, shared out between the threads */
    size_t body_budget_bytes; /* request bodies held at once, all connections; past it 503 */
    int page_cache_mb;        /* of each thread's read connection */
    access_log_format access_log;
} http_config;

typedef struct http_server http_server;

/* Start listening. NULL on failure with a reason in err. The config strings
 * must outlive the server. */
http_server *http_start(const http_config *cfg, app *a, char *err, size_t errsz);

/* The port actually bound. */
int http_port(const http_server *s);

/* Hand writes to w from now on (until then they answer 503). */
void http_set_writer(http_server *s, writer *w);

/* Close new connections unanswered and let requests in flight finish, waiting up to
 * grace_ms (again on a second call). Writes in flight need their writer
 * running meanwhile. */
void http_drain(http_server *s, int grace_ms);

/* Drain (if not done), then close every connection and store handle.
 * NULL is fine. */
void http_stop(http_server *s, int grace_ms);

#endif
