/* routes.h — the static route table: which handler answers which method and
 * path. A path pattern is literal segments and at most one `{id}` segment.
 */
#ifndef MARSAD_ROUTES_H
#define MARSAD_ROUTES_H

#include "server/reply.h"
#include "server/request.h"

typedef void (*route_handler)(request *rq, reply *r);

typedef struct route {
    const char *method;  /* "GET", "POST", ... */
    const char *pattern; /* "/v1/articles/{id}" */
    route_handler handler;
    bool needs_ready; /* answers 503 until the seeds are imported */
} route;

/* The table, terminated by an entry with a NULL pattern. */
extern const route routes[];

typedef enum route_result {
    ROUTE_FOUND,
    ROUTE_NO_PATH,   /* 404 */
    ROUTE_NO_METHOD, /* 405: the path exists with other methods */
} route_result;

/* Find the route for method and path. On ROUTE_FOUND sets *out and copies the
 * id segment (decoded by the caller) into id (size idsz); a longer id than
 * idsz is ROUTE_NO_PATH. On ROUTE_NO_METHOD writes the allowed methods,
 * comma-separated, each once and OPTIONS last ("GET, HEAD, PUT, DELETE,
 * OPTIONS"), into allow (size allowsz). HEAD matches GET routes. */
route_result routes_match(const char *method, const char *path, const route **out, char *id,
                          size_t idsz, char *allow, size_t allowsz);

#endif
