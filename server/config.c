/* config.c — settings from the environment and the command line.
 *
 * Every setting appears once in `settings`, which drives the parser, the
 * environment lookup and --help, so they cannot drift apart.
 */
#include "server/config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef enum { SET_STR, SET_INT, SET_BOOL, SET_LOG } set_type;

typedef struct setting {
    const char *flag; /* without the leading -- */
    const char *env;
    set_type type;
    size_t offset;
    int min, max; /* SET_INT */
    const char *help;
} setting;

#define OFF(f) offsetof(config, f)
static const setting settings[] = {
    {"bind", "MARSAD_BIND", SET_STR, OFF(bind), 0, 0, "address to listen on (default 127.0.0.1)"},
    {"port", "MARSAD_PORT", SET_INT, OFF(port), 0, 65535,
     "TCP port, 0 for any free one (default 8080)"},
    {"db", "MARSAD_DB", SET_STR, OFF(db_path), 0, 0,
     "SQLite database file (default var/marsad.db)"},
    {"seeds", "MARSAD_SEEDS", SET_STR, OFF(seeds_dir), 0, 0,
     "folder of *.txt documents imported at start (default data/seeds; empty: none)"},
    {"cors", "MARSAD_CORS", SET_STR, OFF(cors), 0, 0,
     "allowed origins, comma-separated, or * (default: no CORS)"},
    {"create", "MARSAD_CREATE", SET_BOOL, OFF(create), 0, 0,
     "create the database (and its folder) when missing; without it a missing database is created "
     "only in an empty folder"},
    {"read-only", "MARSAD_READ_ONLY", SET_BOOL, OFF(read_only), 0, 0,
     "open the database read-only: no seed import, every write refused"},
    {"threads", "MARSAD_THREADS", SET_INT, OFF(threads), 0, 256,
     "HTTP polling threads (default 0: one per core)"},
    {"query-workers", "MARSAD_QUERY_WORKERS", SET_INT, OFF(query_workers), 0, 256,
     "threads that run queries, so that health checks and cached answers never wait behind one "
     "(default: as many as polling threads, at least 2; 0: queries run on the polling threads)"},
    {"max-connections", "MARSAD_MAX_CONNECTIONS", SET_INT, OFF(max_connections), 1, 100000,
     "open connections at most (default 4096)"},
    {"max-per-ip", "MARSAD_MAX_PER_IP", SET_INT, OFF(max_per_ip), 0, 100000,
     "connections per client address, 0 for no limit (default 1024)"},
    {"body-memory-mb", "MARSAD_BODY_MEMORY_MB", SET_INT, OFF(body_memory_mb), 1, 65536,
     "MiB of request bodies received at once, over all connections; past it a write answers 503 "
     "with Retry-After (default 64)"},
    {"grace", "MARSAD_GRACE", SET_INT, OFF(grace_s), 0, 600,
     "seconds a SIGTERM leaves to answer the requests in flight; writes still queued then answer "
     "503 (default 5)"},
    {"request-deadline", "MARSAD_REQUEST_DEADLINE", SET_INT, OFF(request_deadline_s), 1, 3600,
     "seconds a request's line, headers and body may take to arrive, however steadily they trickle "
     "(default 60)"},
    {"timeout", "MARSAD_TIMEOUT", SET_INT, OFF(timeout_s), 1, 3600,
     "seconds before an idle or slow connection is closed (default 30)"},
    {"busy-timeout", "MARSAD_BUSY_TIMEOUT_MS", SET_INT, OFF(busy_timeout_ms), 0, 600000,
     "ms to wait for a locked database (default 2000)"},
    {"query-timeout", "MARSAD_QUERY_TIMEOUT_MS", SET_INT, OFF(query_timeout_ms), 0, 600000,
     "ms a query may run before a 503 (default 2000; 0: no limit)"},
    {"max-url", "MARSAD_MAX_URL", SET_INT, OFF(max_url), 64, 65536,
     "bytes of a request target before a 414 (default 8192)"},
    {"max-headers", "MARSAD_MAX_HEADERS", SET_INT, OFF(max_headers), 1024, 262144,
     "bytes of request headers before a 431 (default 32768)"},
    {"cache-mb", "MARSAD_CACHE_MB", SET_INT, OFF(cache_mb), 0, 65536,
     "MiB of finished responses kept for repeated requests, shared out between the polling threads "
     "(default 32; 0: none)"},
    {"page-cache-mb", "MARSAD_PAGE_CACHE_MB", SET_INT, OFF(page_cache_mb), 1, 65536,
     "MiB of SQLite page cache per database connection (one per polling thread, one for writes), "
     "besides the database file mapped into memory (default 16)"},
    {"access-log", "MARSAD_ACCESS_LOG", SET_LOG, OFF(access_log), 0, 0,
     "one line per request on stderr: on (text), json (one object a line) or off (default on)"},
    {"token-file", "MARSAD_TOKEN_FILE", SET_STR, OFF(token_file), 0, 0,
     "file holding the bearer token for writes (or the token itself in MARSAD_TOKEN); none: writes "
     "refused"},
};
#undef OFF

void config_defaults(config *c)
{
    memset(c, 0, sizeof *c);
    c->bind = "127.0.0.1";
    c->port = 8080;
    c->db_path = "var/marsad.db";
    c->seeds_dir = "data/seeds";
    c->query_workers = -1;
    c->max_connections = 4096;
    c->max_per_ip = 1024;
    c->body_memory_mb = 64;
    c->grace_s = 5;
    c->request_deadline_s = 60;
    c->timeout_s = 30;
    c->busy_timeout_ms = 2000;
    c->query_timeout_ms = 2000;
    c->max_url = 8192;
    c->max_headers = 32768;
    c->cache_mb = 32;
    c->page_cache_mb = 16;
    c->access_log = ACCESS_LOG_TEXT;
}

static int set_value(config *c, const setting *s, const char *value, const char *origin, char *err,
                     size_t errsz)
{
    char *field = (char *)c + s->offset;
    switch (s->type) {
    case SET_STR: *(const char **)(void *)field = value; return 0;
    case SET_BOOL:
        if (!value || !strcmp(value, "1") || !strcmp(value, "true") || !strcmp(value, "yes") ||
            !strcmp(value, "on")) {
            *(bool *)field = true;
            return 0;
        }
        if (!strcmp(value, "0") || !strcmp(value, "false") || !strcmp(value, "no") ||
            !strcmp(value, "off")) {
            *(bool *)field = false;
            return 0;
        }
        snprintf(err, errsz, "%s: '%s' is not a boolean (1/0, true/false, on/off)", origin, value);
        return -1;
    case SET_LOG:
        if (access_log_parse(value, (access_log_format *)(void *)field))
            return 0;
        snprintf(err, errsz, "%s: '%s' is not on, off or json", origin, value);
        return -1;
    case SET_INT: {
        char *end;
        errno = 0;
        long v = value ? strtol(value, &end, 10) : 0;
        if (!value || end == value || *end || errno || v < s->min || v > s->max) {
            snprintf(err, errsz, "%s: '%s' is not an integer from %d to %d", origin,
                     value ? value : "", s->min, s->max);
            return -1;
        }
        *(int *)(void *)field = (int)v;
        return 0;
    }
    }
    return -1;
}

int config_load(config *c, int argc, char **argv, char *err, size_t errsz)
{
    size_t n = sizeof settings / sizeof settings[0];
    for (size_t i = 0; i < n; i++) {
        const char *v = getenv(settings[i].env);
        if (v && set_value(c, &settings[i], v, settings[i].env, err, errsz) != 0)
            return -1;
    }
    for (int a = 0; a < argc; a++) {
        const char *arg = argv[a];
        if (strncmp(arg, "--", 2) != 0) {
            snprintf(err, errsz, "unexpected argument '%s'", arg);
            return -1;
        }
        const char *name = arg + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const setting *s = NULL;
        for (size_t i = 0; i < n && !s; i++)
            if (strlen(settings[i].flag) == len && strncmp(settings[i].flag, name, len) == 0)
                s = &settings[i];
        if (!s) {
            snprintf(err, errsz, "unknown option '%s'", arg);
            return -1;
        }
        const char *value = eq ? eq + 1 : NULL;
        if (!value && s->type != SET_BOOL && s->type != SET_LOG) {
            if (a + 1 >= argc) {
                snprintf(err, errsz, "option --%s needs a value", s->flag);
                return -1;
            }
            value = argv[++a];
        }
        if (set_value(c, s, value, arg, err, errsz) != 0)
            return -1;
    }
    return 0;
}

void config_print_help(FILE *out)
{
    size_t n = sizeof settings / sizeof settings[0];
    for (size_t i = 0; i < n; i++) {
        char flag[64];
        snprintf(flag, sizeof flag, "--%s%s", settings[i].flag,
                 settings[i].type == SET_BOOL  ? ""
                 : settings[i].type == SET_LOG ? "[=FORMAT]"
                                               : " VALUE");
        fprintf(out, "  %-24s %-24s %s\n", flag, settings[i].env, settings[i].help);
    }
}
