/* config.h — marsad's settings: defaults, then environment variables
 * (MARSAD_*), then command-line flags, each later one winning. One table in
 * config.c lists every setting once, with its flag, variable and help line.
 */
#ifndef MARSAD_CONFIG_H
#define MARSAD_CONFIG_H

#include "server/access_log.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct config {
    const char *bind;
    int port;
    const char *db_path;
    const char *seeds_dir;
    const char *cors; /* NULL: no CORS headers */
    bool read_only;
    bool create;       /* make the database when missing, wherever (see may_create) */
    int threads;       /* 0: one per core */
    int query_workers; /* -1: as many as polling threads, at least 2; 0: none */
    int max_connections;
    int max_per_ip;
    int body_memory_mb;
    int grace_s;
    int request_deadline_s;
    int timeout_s;
    int busy_timeout_ms;
    int query_timeout_ms;
    int max_url;
    int max_headers;
    int cache_mb;                 /* finished responses kept, in all threads together */
    int page_cache_mb;            /* SQLite page cache of each database connection */
    access_log_format access_log; /* off, text or json */
    const char *token_file;       /* the write token's file; MARSAD_TOKEN gives it directly */
} config;

void config_defaults(config *c);

/* Apply MARSAD_* environment variables, then the flags argv[0..argc) (argv
 * being the arguments after the command name). Returns 0, or -1 with a
 * message in err for an unknown flag or a bad value (a usage error). Strings
 * point into argv or the environment. */
int config_load(config *c, int argc, char **argv, char *err, size_t errsz);

/* The settings table as help text. */
void config_print_help(FILE *out);

#endif
