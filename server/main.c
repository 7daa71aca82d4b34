/* main.c — the marsad command line: serve, import, extract.
 *
 * Exit codes: 0 done, 2 usage error, 1 runtime failure (one line on stderr
 * saying why).
 *
 * `serve` opens the port first, so /healthz and /readyz can answer while the
 * seeds are imported; data routes answer 503 until the import is done, and
 * only then is the "listening" line printed.
 */
#include "db/store.h"
#include "extract/extract.h"
#include "ingest/formats.h"
#include "ingest/ingest.h"
#include "server/assets.h"
#include "server/config.h"
#include "server/http.h"
#include "server/integrity.h"
#include "server/writer.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef MARSAD_VERSION
#define MARSAD_VERSION "dev"
#endif

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

static void usage(FILE *out)
{
    fprintf(
        out,
        "marsad %s — Arabic war reporting as data you can query and compare\n\n"
        "usage:\n"
        "  marsad serve [options]                serve the API (seeds imported at start)\n"
        "  marsad import --db PATH [--json] [--bulk] FILE|DIR...\n"
        "                                        import .txt, pages, feeds and exports without\n"
        "                                        serving (--json: the summary as JSON; --bulk:\n"
        "                                        indexes and counts built once at the end, the\n"
        "                                        database held to itself meanwhile)\n"
        "  marsad extract [FILE]                 print what the extractor reads in FILE\n"
        "                                        (standard input without FILE) as JSON; a page,\n"
        "                                        feed or export is read as the import reads it\n"
        "                                        (an array when it holds several articles)\n"
        "  marsad --help | --version\n\n"
        "options of serve (each also an environment variable):\n",
        MARSAD_VERSION);
    config_print_help(out);
}

static const char *schema_sql(void)
{
    const data_blob *b = assets_find("schema.sql");
    return b ? b->data : "";
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static void print_summary(const ingest_counts *c, double ms)
{
    fprintf(stderr,
            "marsad: imported %zu articles: %zu figures, %zu place mentions, %zu source mentions "
            "in %.0f ms (%zu unchanged, %zu skipped, %zu gone from disk)\n",
            c->articles, c->figures, c->place_mentions, c->source_mentions, ms, c->unchanged,
            c->skipped, c->removed);
}

/* Create the folder that will hold the database file, when missing. */
static void ensure_parent_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return;
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(dir, 0755);
        *p = '/';
    }
    mkdir(dir, 0755);
}

/* May serve make db_path, which is missing? A database that was in use must
 * never be replaced by an empty one without a word (its folder unmounted,
 * the file moved or deleted: the next start would serve nothing and take
 * writes into the void), so without --create only a first run makes one:
 * its folder exists and is empty (`make run`'s var/, a new Docker volume).
 * NULL when it may, else why not. */
static const char *may_create(const char *db_path, bool create, char *why, size_t whysz)
{
    struct stat st;
    if (create || stat(db_path, &st) == 0 || errno != ENOENT)
        return NULL; /* store_open says what else is wrong */
    const char *slash = strrchr(db_path, '/');
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - db_path) + (slash == db_path) : 1,
             slash ? db_path : ".");
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(why, whysz, "it is missing, and so is its folder %.256s", dir);
        return why;
    }
    bool empty = true;
    for (struct dirent *e; empty && (e = readdir(d));)
        empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
    closedir(d);
    if (empty)
        return NULL;
    snprintf(why, whysz,
             "it is missing, and its folder %.256s holds other files (was it moved or"
             " deleted?)",
             dir);
    return why;
}

/* Opens db_path read-write and checks it (integrity.h) for up to
 * INTEGRITY_START_BUDGET_MS before anything is written: a damaged file is
 * refused; *unfinished (may be NULL) says the check ran out of time. */
static store *open_writer(const char *db_path, unsigned flags, int busy_ms, extract_model **model,
                          bool *unfinished)
{
    char err[512];
    struct stat st;
    bool existed = stat(db_path, &st) == 0;
    ensure_parent_dir(db_path);
    store *db = store_open(db_path, flags, busy_ms, schema_sql(), err, sizeof err);
    if (!db) {
        fprintf(stderr, "marsad: cannot open database %s: %s\n", db_path, err);
        return NULL;
    }
    if (store_finished_bulk(db))
        fprintf(stderr, "marsad: %s: finished a bulk import that was cut short\n", db_path);
    if (!existed)
        fprintf(stderr, "marsad: created a new, empty database %s\n", db_path);
    integrity_result sound = integrity_check_now(db, INTEGRITY_START_BUDGET_MS, err, sizeof err);
    if (sound == INTEGRITY_DAMAGED) {
        fprintf(stderr,
                "marsad: database %s is damaged (%s): not used; restore a backup, or"
                " serve it --read-only to read what is left\n",
                db_path, err);
        store_close(db);
        return NULL;
    }
    if (unfinished)
        *unfinished = sound == INTEGRITY_UNFINISHED;
    *model = extract_model_new(err, sizeof err);
    if (!*model) {
        fprintf(stderr, "marsad: cannot load the extractor's data: %s\n", err);
        store_close(db);
        return NULL;
    }
    if (ingest_sync_reference(db, *model, err, sizeof err) != 0) {
        fprintf(stderr, "marsad: cannot store the gazetteer and source list: %s\n", err);
        extract_model_free(*model);
        store_close(db);
        return NULL;
    }
    return db;
}

/* The name to open the database by for --read-only. On read-only media
 * (the file or its folder not writable) SQLite cannot make the -shm file a
 * WAL database is read through, so the file is opened as immutable: no
 * locks and no WAL, which is what read-only media can promise. Otherwise
 * the path itself, so that a writer elsewhere is still seen. */
static const char *reader_name(const char *db_path, char *out, size_t outsz)
{
    char dir[4096];
    const char *slash = strrchr(db_path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - db_path) + 1 : 1,
             slash ? db_path : ".");
    if (access(db_path, W_OK) == 0 && access(dir, W_OK) == 0)
        return db_path;
    char *abs = realpath(db_path, NULL);
    if (!abs)
        return db_path; /* store_open says why it cannot be opened */
    size_t used = (size_t)snprintf(out, outsz, "file:");
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)abs; *p && used + 4 < outsz; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7f) {
            out[used++] = '%';
            out[used++] = hex[*p >> 4];
            out[used++] = hex[*p & 15];
        } else {
            out[used++] = (char)*p;
        }
    }
    out[used] = '\0';
    snprintf(out + used, outsz - used, "?mode=ro&immutable=1");
    struct stat wal;
    char wal_path[4200];
    snprintf(wal_path, sizeof wal_path, "%s-wal", abs);
    if (stat(wal_path, &wal) == 0 && wal.st_size > 0)
        fprintf(stderr,
                "marsad: %s is not empty and cannot be read on read-only media: what it "
                "holds is not served\n",
                wal_path);
    fprintf(stderr, "marsad: %s is on read-only media: opened as immutable\n", db_path);
    free(abs);
    return out;
}

/* --read-only: the database as it is, opened for reading only; nothing is
 * imported, synchronised or migrated. */
static store *open_reader(const char *name, const char *db_path, int busy_ms)
{
    char err[512];
    store *db = store_open(name, STORE_READONLY, busy_ms, schema_sql(), err, sizeof err);
    if (!db)
        fprintf(stderr, "marsad: cannot open database %s read-only: %s\n", db_path, err);
    return db;
}

/* Descriptors besides the connections: the listening socket, the
 * database files of each polling thread and of the writer (database, WAL,
 * shared memory), the standard streams, the event loops' own. */
#define FILES_BESIDES_CONNECTIONS(threads) (64u + 8u * (threads))

/* Raise the open-file limit to what max_connections needs, as far as the
 * hard limit allows; past it, fewer connections, said once. Otherwise the
 * connection that takes the last descriptor leaves none for the database
 * and every request fails, not only new connections. */
static unsigned fit_open_files(unsigned max_connections, unsigned threads)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return max_connections;
    rlim_t need = (rlim_t)max_connections + FILES_BESIDES_CONNECTIONS(threads);
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < need) {
        rlim_t want = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= need ? need : rl.rlim_max;
        struct rlimit raised = {want, rl.rlim_max};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            rl.rlim_cur = want;
    }
    if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= need)
        return max_connections;
    rlim_t spare = FILES_BESIDES_CONNECTIONS(threads);
    unsigned fit = rl.rlim_cur > spare + 1 ? (unsigned)(rl.rlim_cur - spare) : 1;
    fprintf(stderr,
            "marsad: the open-file limit is %llu (ulimit -n): --max-connections lowered from "
            "%u to %u\n",
            (unsigned long long)rl.rlim_cur, max_connections, fit);
    return fit;
}

/* The write token: MARSAD_TOKEN, else the first line of --token-file.
 * Returns 0 (token NULL when none is configured) or -1 with a reason. */
static int load_token(const config *cfg, char *buf, size_t bufsz, const char **out, char *err,
                      size_t errsz)
{
    *out = NULL;
    const char *env = getenv("MARSAD_TOKEN");
    if (env && *env) {
        snprintf(buf, bufsz, "%s", env);
    } else if (cfg->token_file && *cfg->token_file) {
        FILE *f = fopen(cfg->token_file, "r");
        if (!f) {
            snprintf(err, errsz, "cannot read --token-file %s: %s", cfg->token_file,
                     strerror(errno));
            return -1;
        }
        bool got = fgets(buf, (int)bufsz, f) != NULL;
        fclose(f);
        if (!got) {
            snprintf(err, errsz, "--token-file %s is empty", cfg->token_file);
            return -1;
        }
    } else {
        return 0;
    }
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
        buf[--n] = '\0';
    if (n < 16) {
        snprintf(err, errsz, "the write token must be at least 16 characters");
        return -1;
    }
    *out = buf;
    return 0;
}

/* Is a SIGINT or SIGTERM waiting? They are blocked in every thread (see
 * cmd_serve), so one sent during the seed import stays pending until this
 * sees it; sigwait takes it later. */
static bool stop_pending(void *cls)
{
    (void)cls;
    sigset_t pending;
    return sigpending(&pending) == 0 &&
           (sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1);
}

static int cmd_serve(int argc, char **argv)
{
    config cfg;
    char err[512];
    config_defaults(&cfg);
    if (config_load(&cfg, argc, argv, err, sizeof err) != 0) {
        fprintf(stderr, "marsad: %s (see marsad --help)\n", err);
        return EXIT_USAGE;
    }
    /* Signals are taken by sigwait below; every thread started from here on
     * inherits the mask, so none of them is interrupted by SIGINT/SIGTERM. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    const char *refusal =
        cfg.read_only ? NULL : may_create(cfg.db_path, cfg.create, err, sizeof err);
    if (refusal) {
        fprintf(stderr, "marsad: database %s: %s; start with --create for an empty one\n",
                cfg.db_path, refusal);
        return EXIT_RUNTIME;
    }
    extract_model *model = NULL;
    static char reader_buf[8192];
    const char *db_name =
        cfg.read_only ? reader_name(cfg.db_path, reader_buf, sizeof reader_buf) : cfg.db_path;
    /* Checked before anything is served or written: a damaged file found
     * now is not served at all (read-only, it is served for what can still
     * be read, but never ready); one too large to check within the budget
     * is checked whole while serving. */
    bool unfinished = false;
    store *db = cfg.read_only
                    ? open_reader(db_name, cfg.db_path, cfg.busy_timeout_ms)
                    : open_writer(cfg.db_path, 0, cfg.busy_timeout_ms, &model, &unfinished);
    if (!db)
        return EXIT_RUNTIME;
    if (!model) { /* read-only: no extraction, but /v1/meta describes the conflicts */
        char merr[256];
        if (!(model = extract_model_new(merr, sizeof merr))) {
            fprintf(stderr, "marsad: %s\n", merr);
            store_close(db);
            return EXIT_RUNTIME;
        }
    }
    char problem[512];
    integrity_result sound = unfinished ? INTEGRITY_UNFINISHED : INTEGRITY_SOUND;
    if (cfg.read_only)
        sound = integrity_check_now(db, INTEGRITY_START_BUDGET_MS, problem, sizeof problem);
    store_set_page_cache(db, cfg.page_cache_mb);

    static char token_buf[4096];
    const char *write_token;
    if (load_token(&cfg, token_buf, sizeof token_buf, &write_token, err, sizeof err) != 0) {
        fprintf(stderr, "marsad: %s\n", err);
        extract_model_free(model);
        store_close(db);
        return EXIT_RUNTIME;
    }
    const data_blob *openapi = assets_find("openapi.yaml");
    static app a;
    a.token = write_token;
    a.read_only = cfg.read_only;
    struct stat db_st;
    if (!cfg.read_only && stat(cfg.db_path, &db_st) == 0) {
        a.db_path = cfg.db_path;
        a.db_dev = db_st.st_dev;
        a.db_ino = db_st.st_ino;
    }
    a.max_url = (size_t)cfg.max_url;
    a.version = MARSAD_VERSION;
    a.model = model;
    a.openapi = openapi ? openapi->data : "";
    a.openapi_len = openapi ? openapi->len : 0;
    atomic_store(&a.ready, false);
    if (sound == INTEGRITY_DAMAGED) {
        fprintf(stderr, "marsad: database %s is damaged (%s)\n", cfg.db_path, problem);
        app_set_fault(&a.fault, APP_FAULT_CORRUPT);
    }
    integrity_thread *checker = sound == INTEGRITY_UNFINISHED
                                    ? integrity_background(db_name, cfg.busy_timeout_ms, &a.fault)
                                    : NULL;

    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned threads = (unsigned)(cfg.threads > 0 ? cfg.threads : (cores > 0 ? cores : 1));
    cfg.max_connections = (int)fit_open_files((unsigned)cfg.max_connections, threads);
    http_config hc = {
        .bind = cfg.bind,
        .port = cfg.port,
        .threads = threads,
        /* one slow query then leaves another worker free */
        .query_workers =
            cfg.query_workers >= 0 ? (unsigned)cfg.query_workers : (threads > 2 ? threads : 2),
        .db_path = db_name,
        .schema_sql = schema_sql(),
        .busy_timeout_ms = cfg.busy_timeout_ms,
        .query_timeout_ms = cfg.query_timeout_ms,
        .cors = cfg.cors && *cfg.cors ? cfg.cors : NULL,
        .max_connections = (unsigned)cfg.max_connections,
        .max_per_ip = (unsigned)cfg.max_per_ip,
        .timeout_s = (unsigned)cfg.timeout_s,
        .request_deadline_s = cfg.request_deadline_s,
        .max_url = (size_t)cfg.max_url,
        .max_headers = (size_t)cfg.max_headers,
        .cache_bytes = (size_t)cfg.cache_mb << 20,
        .body_budget_bytes = (size_t)cfg.body_memory_mb << 20,
        .page_cache_mb = cfg.page_cache_mb,
        .access_log = cfg.access_log,
    };
    http_server *srv = http_start(&hc, &a, err, sizeof err);
    if (!srv) {
        fprintf(stderr, "marsad: %s\n", err);
        integrity_stop(checker);
        extract_model_free(model);
        store_close(db);
        return EXIT_RUNTIME;
    }

    int rc = EXIT_OK;
    writer *w = NULL;
    if (cfg.read_only && cfg.seeds_dir && *cfg.seeds_dir) {
        fprintf(stderr, "marsad: --read-only: the seed folder %s is not imported\n", cfg.seeds_dir);
    } else if (cfg.seeds_dir && *cfg.seeds_dir) {
        ingest_counts c = {0};
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (ingest_path_until(db, model, cfg.seeds_dir, &c, stderr, stop_pending, NULL) != 0) {
            fprintf(stderr, "marsad: the seed import failed: %s\n", store_errmsg(db));
            rc = EXIT_RUNTIME;
        }
        print_summary(&c, ms_since(&t0));
    }
    bool stopping = rc == EXIT_OK && stop_pending(NULL);
    if (stopping)
        fprintf(stderr, "marsad: stopped during the seed import; what was imported is kept, "
                        "the rest is imported at the next start\n");
    if (rc == EXIT_OK && !stopping) {
        long long n = store_article_count(db);
        if (n < 0)
            n = 0;
        atomic_store(&a.n_articles, n);
        /* From here on the writer thread owns the read-write connection;
         * read-only, there is no writer and the connection is closed. */
        if (cfg.read_only) {
            store_close(db);
            db = NULL;
        } else if (!(w = writer_start(db, model, &a.n_articles, &a.fault, err, sizeof err))) {
            fprintf(stderr, "marsad: %s\n", err);
            rc = EXIT_RUNTIME;
        }
    }
    if (rc == EXIT_OK && !stopping) {
        long long n = atomic_load(&a.n_articles);
        db = NULL;
        http_set_writer(srv, w);
        atomic_store(&a.ready, true);
        printf("marsad listening on http://%s%s%s:%d (%lld articles)\n",
               strchr(cfg.bind, ':') ? "[" : "", cfg.bind, strchr(cfg.bind, ':') ? "]" : "",
               http_port(srv), n);
        fflush(stdout);
        int sig;
        sigwait(&stop, &sig);
        fprintf(stderr, "marsad: %s received, finishing requests in flight\n",
                sig == SIGINT ? "SIGINT" : "SIGTERM");
    }
    /* Within the grace: requests in flight first (their writes need the
     * writer) for three quarters of it; then the writes still queued answer
     * 503 and the last quarter sends those answers; then the writer (only
     * the job it is running is left) and the daemon. */
    int grace_ms = cfg.grace_s * 1000;
    http_drain(srv, grace_ms * 3 / 4);
    writer_refuse_queued(w, "the server is shutting down");
    http_drain(srv, grace_ms - grace_ms * 3 / 4);
    integrity_stop(checker); /* before the writer: a reader left open keeps WAL frames */
    writer_stop(w);
    http_stop(srv, 0);
    extract_model_free(model);
    store_close(db);
    return rc;
}

/* What `marsad import` shows while it runs, on a terminal only: one line,
 * redrawn at most every PROGRESS_MS, cleared before any log line. */
#define PROGRESS_MS 200

typedef struct import_progress {
    bool on;    /* stderr is a terminal */
    bool shown; /* the line is on screen */
    const char *path;
    struct timespec t0; /* start of this path */
    double last_ms;
    unsigned long long bytes0; /* c->bytes when this path began */
    size_t articles0;
} import_progress;

static ssize_t progress_log_write(void *cookie, const char *buf, size_t size)
{
    import_progress *p = cookie;
    if (p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = false;
    }
    return (ssize_t)fwrite(buf, 1, size, stderr);
}

static void show_progress(void *cls, size_t files_done, size_t files_total,
                          unsigned long long bytes_total, const ingest_counts *c)
{
    import_progress *p = cls;
    double ms = ms_since(&p->t0);
    if (!p->on || (files_done < files_total && ms - p->last_ms < PROGRESS_MS))
        return;
    p->last_ms = ms;
    double secs = ms / 1e3 > 1e-3 ? ms / 1e3 : 1e-3;
    double done = (double)(c->bytes - p->bytes0);
    double rate = done / secs; /* bytes per second */
    double left = rate > 0 && bytes_total > done ? ((double)bytes_total - done) / rate : 0;
    fprintf(stderr,
            "\r\033[Kmarsad: %s: %zu/%zu files, %.1f/%.1f MB, %.0f articles/s, %d:%02d left",
            p->path, files_done, files_total, done / 1e6, (double)bytes_total / 1e6,
            (double)(c->articles - p->articles0) / secs, (int)(left / 60), (int)left % 60);
    fflush(stderr);
    p->shown = true;
}

static void print_summary_json(const ingest_counts *c, double ms)
{
    json_t *o = json_pack(
        "{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "articles",
        (json_int_t)c->articles, "unchanged", (json_int_t)c->unchanged, "skipped",
        (json_int_t)c->skipped, "gone_from_disk", (json_int_t)c->removed, "figures",
        (json_int_t)c->figures, "place_mentions", (json_int_t)c->place_mentions, "source_mentions",
        (json_int_t)c->source_mentions, "truncated", (json_int_t)c->truncated, "files",
        (json_int_t)c->files, "bytes", (json_int_t)c->bytes, "ms", (json_int_t)ms);
    if (o) {
        json_dumpf(o, stdout, JSON_COMPACT);
        fputc('\n', stdout);
        json_decref(o);
    }
}

static int cmd_import(int argc, char **argv)
{
    const char *db_path = getenv("MARSAD_DB");
    bool as_json = false, bulk = false;
    int first = 0;
    while (first < argc && strncmp(argv[first], "--", 2) == 0) {
        if (strcmp(argv[first], "--db") == 0 && first + 1 < argc) {
            db_path = argv[first + 1];
            first += 2;
        } else if (strncmp(argv[first], "--db=", 5) == 0) {
            db_path = argv[first] + 5;
            first++;
        } else if (strcmp(argv[first], "--json") == 0) {
            as_json = true;
            first++;
        } else if (strcmp(argv[first], "--bulk") == 0) {
            bulk = true;
            first++;
        } else {
            fprintf(stderr, "marsad: import: unknown option '%s'\n", argv[first]);
            return EXIT_USAGE;
        }
    }
    if (!db_path || first == argc) {
        fprintf(stderr, "marsad: usage: marsad import --db PATH [--json] [--bulk] FILE|DIR...\n");
        return EXIT_USAGE;
    }
    extract_model *model = NULL;
    store *db = open_writer(db_path, bulk ? STORE_BULK : 0, 5000, &model, NULL);
    if (!db)
        return EXIT_RUNTIME;
    if (bulk && store_bulk_begin(db) != STORE_OK) {
        fprintf(stderr, "marsad: --bulk needs %s to itself: %s\n", db_path, store_errmsg(db));
        extract_model_free(model);
        store_close(db);
        return EXIT_RUNTIME;
    }
    ingest_counts c = {0};
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    import_progress p = {.on = isatty(STDERR_FILENO) == 1};
    /* log lines clear the progress line first */
    FILE *log =
        p.on ? fopencookie(&p, "w", (cookie_io_functions_t){.write = progress_log_write}) : NULL;
    if (log)
        setvbuf(log, NULL, _IOLBF, 0);
    else
        log = stderr;
    int rc = EXIT_OK;
    for (int i = first; i < argc && rc == EXIT_OK; i++) {
        p.path = argv[i];
        clock_gettime(CLOCK_MONOTONIC, &p.t0);
        p.last_ms = -PROGRESS_MS;
        p.bytes0 = c.bytes;
        p.articles0 = c.articles;
        if (ingest_path_watched(db, model, argv[i], &c, log, NULL, show_progress, &p) != 0) {
            fprintf(log, "marsad: import of %s failed: %s\n", argv[i], store_errmsg(db));
            rc = EXIT_RUNTIME;
        }
    }
    if (bulk && store_bulk_end(db) != STORE_OK) {
        /* what was imported stays; the next read-write open builds the rest */
        fprintf(log, "marsad: finishing the bulk import failed: %s\n", store_errmsg(db));
        rc = EXIT_RUNTIME;
    }
    if (log != stderr)
        fclose(log);
    if (p.shown)
        fputs("\r\033[K", stderr);
    if (as_json)
        print_summary_json(&c, ms_since(&t0));
    else
        print_summary(&c, ms_since(&t0));
    extract_model_free(model);
    store_close(db);
    return rc;
}

/* A page, feed or export, read as the import reads it: what each of its
 * documents holds. */
static int extract_through_reader(const char *path)
{
    char err[512];
    extract_model *model = extract_model_new(err, sizeof err);
    if (!model) {
        fprintf(stderr, "marsad: cannot load the extractor's data: %s\n", err);
        return EXIT_RUNTIME;
    }
    int rc = ingest_preview_path(model, path, stdout, stderr) == 0 ? EXIT_OK : EXIT_RUNTIME;
    extract_model_free(model);
    return rc;
}

static int cmd_extract(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, "marsad: usage: marsad extract [FILE]\n");
        return EXIT_USAGE;
    }
    FILE *in = stdin;
    const char *name = "stdin";
    if (argc == 1) {
        const char *base = strrchr(argv[0], '/');
        ingest_format format = format_of_name(base ? base + 1 : argv[0]);
        if (format != INGEST_FMT_NONE && format != INGEST_FMT_TXT)
            return extract_through_reader(argv[0]);
    }
    if (argc == 1) {
        name = argv[0];
        in = fopen(name, "rb");
        if (!in) {
            fprintf(stderr, "marsad: cannot read %s: %s\n", name, strerror(errno));
            return EXIT_RUNTIME;
        }
    }
    char *buf = malloc(INGEST_MAX_BYTES + 2);
    size_t len = buf ? fread(buf, 1, INGEST_MAX_BYTES + 1, in) : 0;
    bool read_failed = !buf || ferror(in);
    if (in != stdin)
        fclose(in);
    int rc = EXIT_RUNTIME;
    extract_model *model = NULL;
    char why[128], err[512];
    const char *bad = read_failed ? "read error" : ingest_check_text(buf, &len, why, sizeof why);
    if (bad) {
        fprintf(stderr, "marsad: %s: %s\n", name, bad);
        goto out;
    }
    model = extract_model_new(err, sizeof err);
    if (!model) {
        fprintf(stderr, "marsad: cannot load the extractor's data: %s\n", err);
        goto out;
    }
    extract_result r;
    if (extract_document(model, buf, len, &r) != 0) {
        fprintf(stderr, "marsad: %s: the extractor could not read it\n", name);
        goto out;
    }
    const char *slash = strrchr(name, '/');
    char id[INGEST_MAX_ID + 1];
    snprintf(id, sizeof id, "%s", slash ? slash + 1 : name);
    char *dot = strrchr(id, '.');
    if (dot && strcmp(dot, ".txt") == 0)
        *dot = '\0';
    json_t *j = ingest_result_json(model, &r, id);
    extract_result_free(&r);
    if (!j || json_dumpf(j, stdout, JSON_INDENT(2)) != 0) {
        json_decref(j);
        fprintf(stderr, "marsad: out of memory\n");
        goto out;
    }
    json_decref(j);
    fputc('\n', stdout);
    rc = EXIT_OK;
out:
    extract_model_free(model);
    free(buf);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("marsad %s\n", MARSAD_VERSION);
        return EXIT_OK;
    }
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return EXIT_OK;
        }
    if (!strcmp(cmd, "serve"))
        return cmd_serve(argc - 2, argv + 2);
    if (!strcmp(cmd, "import"))
        return cmd_import(argc - 2, argv + 2);
    if (!strcmp(cmd, "extract"))
        return cmd_extract(argc - 2, argv + 2);
    fprintf(stderr, "marsad: unknown command '%s' (see marsad --help)\n", cmd);
    return EXIT_USAGE;
}
