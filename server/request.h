/* request.h — a request as handlers see it: method, path, the captured path
 * id, the decoded query arguments and the application. It hides
 * libmicrohttpd, so handlers and parameter parsing are plain functions that
 * unit tests can call.
 */
#ifndef MARSAD_REQUEST_H
#define MARSAD_REQUEST_H

#include "db/store.h"

struct writer;

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define REQUEST_MAX_ARGS 32 /* more query parameters is a 400 */
#define REQUEST_MAX_ID 256  /* bytes of a path id */

typedef struct query_arg {
    const char *name;  /* decoded, borrowed */
    const char *value; /* decoded, borrowed; "" for a bare `name` */
} query_arg;

/* What every request shares: set up once at start, read-only afterwards
 * except for the ready flag and the article count. */
/* Why the store can no longer be trusted with writes (app.fault). */
enum app_fault {
    APP_FAULT_NONE = 0,
    APP_FAULT_CORRUPT, /* SQLite found the file damaged */
    APP_FAULT_MOVED,   /* the file was deleted, renamed or replaced while serving */
};

typedef struct app {
    const char *version;
    const struct extract_model *model; /* the extractor's data: /v1/meta's conflicts */
    const char *openapi;               /* the OpenAPI document, as it is */
    size_t openapi_len;
    atomic_bool ready; /* the seeds are imported */
    atomic_llong n_articles;
    struct writer *writer; /* NULL until the seeds are in */
    const char *token;     /* bearer token for writes; NULL: writes refused */
    bool read_only;        /* --read-only: writes refused */
    size_t max_url;        /* --max-url: no link longer than this is given out */
    atomic_int fault;      /* enum app_fault: set once, never cleared */
    const char *db_path;   /* the database file, and its identity at start; */
    dev_t db_dev;          /* NULL path: not checked (read-only) */
    ino_t db_ino;
} app;

/* Is the database file still the one opened at start? If not, records
 * APP_FAULT_MOVED. False when a fault is recorded, whichever. */
bool app_store_sound(app *a);

/* Record a fault (the first one wins) and log it once. */
void app_set_fault(atomic_int *fault, int why);

/* What a fault means, for answers and logs; NULL for APP_FAULT_NONE. */
const char *app_fault_text(int why);

typedef struct request {
    const char *method;
    const char *path;
    char id[REQUEST_MAX_ID]; /* the {id} segment of the route, decoded */
    query_arg args[REQUEST_MAX_ARGS];
    size_t n_args;
    bool too_many_args;
    bool nul_in_args;    /* a decoded name or value holds a NUL (%00) */
    const char *nul_arg; /* the name whose value holds it, when the name is whole */
    store *db;           /* this thread's connection */
    app *app;
    const char *body; /* the request body (write routes), borrowed */
    size_t body_len;
    const char *content_type; /* header values, NULL when absent */
    const char *authorization;
} request;

/* The value of the query argument `name`, or NULL. */
const char *request_arg(const request *rq, const char *name);

#endif
