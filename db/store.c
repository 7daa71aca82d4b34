/* store.c — opening marsad's SQLite store, and the plumbing every other
 * db/ file uses: statement caches, error recording, transactions, the time
 * limit.
 *
 * Opening sets the connection up (WAL, foreign keys, synchronous=NORMAL, a
 * busy timeout, the marsad_km() SQL function, the marsad_ar full-text
 * tokenizer of db/fts_arabic.h), applies schema.sql to a new
 * database and runs the forward migrations below on an older one, all in
 * one transaction, and refuses a database newer than this build.
 *
 * Left out: downgrades (a newer database is refused, never rewritten), and
 * opening the same handle from two threads at once (SQLITE_OPEN_NOMUTEX:
 * one handle, one thread at a time).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/fts_arabic.h"
#include "db/store_int.h"

#include <pthread.h>

/* ---- forward migrations --------------------------------------------------
 * Each step turns a database of version from_version into from_version + 1.
 * schema.sql always builds the newest version directly; a step is added here
 * whenever schema.sql changes, e.g.
 *     { 1, "ALTER TABLE figures ADD COLUMN confidence REAL;" },
 * The list ends with { 0, NULL } (C has no empty arrays). */
typedef struct store_migration {
    int from_version;
    const char *sql;
    /* schema objects then created as schema.sql defines them (named by
     * their CREATE statement), so their text is written once */
    const char *const *objects;
    const char *after; /* run once they exist (filling a new table); may be NULL */
} store_migration;

/* compare's objects (figures_group, claim_cells and its triggers) came in
 * version 4 and changed in 7: they are made once, by step 7, from the view
 * that defines the group key now. */
static const char *const V4_OBJECTS[] = {"figures_type_value",
                                         "row_counts",
                                         "articles_count_add",
                                         "articles_count_remove",
                                         "figures_count_add",
                                         "figures_count_remove",
                                         "sources_count_add",
                                         "sources_count_remove",
                                         "locations_count_add",
                                         "locations_count_remove",
                                         NULL};

static const char *const V7_OBJECTS[] = {"locations",
                                         "locations_kind",
                                         "locations_parent",
                                         "locations_latlon",
                                         "locations_name",
                                         "locations_name_en",
                                         "locations_n_mentions",
                                         "locations_resolved",
                                         "locations_fts_no",
                                         "locations_fts",
                                         "locations_count_add",
                                         "locations_count_remove",
                                         NULL};

static const char *const V10_OBJECTS[] = {
    "compare_keys",     "figures_group",       "claim_cells",  "claim_cells_area",
    "figures_cell_add", "figures_cell_remove", "figures_date", NULL};
static const char *const V11_OBJECTS[] = {"figures_kept_add",
                                          "figures_kept_remove",
                                          "figures_kept_move",
                                          "articles_kept_add",
                                          "articles_kept_remove",
                                          "articles_kept_move",
                                          "source_mentions_count_add",
                                          "source_mentions_count_remove",
                                          "location_mentions_count_add",
                                          "location_mentions_count_remove",
                                          "figures_claim_count_add",
                                          "figures_claim_count_remove",
                                          NULL};

static const char *const V12_OBJECTS[] = {"articles_fts", "figures_fts", NULL};
static const char *const V13_OBJECTS[] = {"claim_groups",
                                          "claim_groups_rank",
                                          "claim_cells_group_add",
                                          "claim_cells_group_count",
                                          "claim_cells_group_remove",
                                          NULL};
static const char *const V14_OBJECTS[] = {"articles_fts", "figures_fts", "compare_keys",
                                          "articles_id_published", NULL};
static const char *const V15_OBJECTS[] = {"figures_group", "figures_location", NULL};
/* The mentions' by-article indexes, rebuilt as schema.sql spells them by
 * versions 16 (grouped by party or place) and 17 (covering the read). */
static const char *const MENTIONS_BY_ARTICLE[] = {"source_mentions_article",
                                                  "location_mentions_article", NULL};

/* What triggers keep, counted from the rows at once: by the migrations that
 * bring in a trigger and by the end of a bulk import (store_bulk_end). */
#define ROW_COUNTS_FROM_ROWS                                                                     \
    "INSERT INTO row_counts (name, n) VALUES ('articles', (SELECT count(*) FROM articles)),"     \
    " ('figures', (SELECT count(*) FROM figures)), ('sources', (SELECT count(*) FROM sources))," \
    " ('locations', (SELECT count(*) FROM locations));"
#define KEPT_COUNTS_FROM_ROWS                                                                \
    "INSERT INTO row_counts (name, n) SELECT 'figures?type=' || type, count(*) FROM figures" \
    " GROUP BY type;"                                                                        \
    "INSERT INTO row_counts (name, n) SELECT 'figures?location=' || location_id, count(*)"   \
    " FROM figures WHERE location_id IS NOT NULL GROUP BY location_id;"                      \
    "INSERT INTO row_counts (name, n) SELECT 'articles?outlet=' || outlet_id, count(*)"      \
    " FROM articles WHERE outlet_id IS NOT NULL GROUP BY outlet_id;"
#define CLAIM_CELLS_FROM_FIGURES                                                         \
    "INSERT INTO claim_cells SELECT type, category, bloc, side, area_id, month, object," \
    " claimant_id, count(*), max(CASE WHEN whole THEN amount END) FROM compare_keys"     \
    " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;"
#define CLAIM_GROUPS_FROM_CELLS                                                            \
    "INSERT INTO claim_groups SELECT type, category, bloc, side, area_id, period, object," \
    " count(*), sum(n) FROM claim_cells GROUP BY 1, 2, 3, 4, 5, 6, 7;"

static const store_migration MIGRATIONS[] = {
    /* 2: the area a figure is about, for /v1/figures/compare */
    {1,
     "ALTER TABLE figures ADD COLUMN area_id TEXT REFERENCES locations (id);"
     "CREATE INDEX figures_area ON figures (type, subject_category, subject_side, area_id);",
     NULL, NULL},
    /* 3: the marsad_ar tokenizer (db/fts_arabic.h) for articles_fts, rebuilt
     * from the articles; full-text indexes of figures' quotes and sources'
     * names (keyed by a column of their own, as articles by doc_no), for
     * /v1/search */
    {2,
     "DROP TABLE articles_fts;"
     "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = 'articles',"
     " content_rowid = 'doc_no', tokenize = 'marsad_ar');"
     "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
     "ALTER TABLE sources ADD COLUMN fts_no INTEGER;"
     "UPDATE sources SET fts_no = rowid;"
     "CREATE UNIQUE INDEX sources_fts_no ON sources (fts_no);"
     "CREATE VIRTUAL TABLE sources_fts USING fts5 (name, name_en, content = 'sources',"
     " content_rowid = 'fts_no', tokenize = 'marsad_ar');"
     "INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');"
     "ALTER TABLE figures ADD COLUMN fts_no INTEGER;"
     "UPDATE figures SET fts_no = rowid;"
     "CREATE UNIQUE INDEX figures_fts_no ON figures (fts_no);"
     "CREATE VIRTUAL TABLE figures_fts USING fts5 (quote, content = 'figures',"
     " content_rowid = 'fts_no', tokenize = 'marsad_ar');"
     "INSERT INTO figures_fts (figures_fts) VALUES ('rebuild');",
     NULL, NULL},
    /* 4: the publication month on each figure and the claim_cells summary
     * that /v1/figures/compare reads instead of every figure */
    {3,
     "ALTER TABLE figures ADD COLUMN period TEXT;"
     "UPDATE figures SET period = (SELECT substr(a.published_at, 1, 7) FROM articles a"
     " WHERE a.id = figures.article_id);"
     "DROP INDEX figures_area;",
     V4_OBJECTS, ROW_COUNTS_FROM_ROWS},
    /* 5: figures_location grew to cover compare's sums for a place below
     * governorate level; it is built once more, as schema.sql spells it, by
     * version 15 (its columns include some that come later) */
    {4, "DROP INDEX figures_location;", NULL, NULL},
    /* 6: breakdowns and updates between figures, event dates and causes (filled as articles are
     * extracted again: the model's fingerprint changed with them) */
    {5,
     "ALTER TABLE figures ADD COLUMN part_of TEXT;"
     "ALTER TABLE figures ADD COLUMN supersedes TEXT;"
     "ALTER TABLE figures ADD COLUMN date_start TEXT;"
     "ALTER TABLE figures ADD COLUMN date_end TEXT;"
     "ALTER TABLE figures ADD COLUMN date_precision TEXT CHECK (date_precision IS NULL OR"
     " date_precision IN ('day', 'week', 'month', 'year', 'span'));"
     "ALTER TABLE figures ADD COLUMN cause TEXT;",
     NULL, NULL},
    /* 7: places the gazetteer lacks (resolved 0, kinds camp, river, other) and
     * locations by name in full text. SQLite cannot widen a CHECK in place, so
     * the table is built anew from a copy; the rows that refer to it are
     * checked at commit (defer_foreign_keys), when every location is back. */
    {6,
     "PRAGMA defer_foreign_keys = ON;"
     "CREATE TEMP TABLE locations_v6 AS SELECT * FROM locations;"
     "DROP TABLE locations;",
     V7_OBJECTS,
     "INSERT INTO locations (id, name, name_en, kind, parent_id, lat, lon, approximate, n_mentions,"
     " resolved, fts_no) SELECT id, name, name_en, kind, parent_id, lat, lon, approximate,"
     " n_mentions, 1, rowid FROM temp.locations_v6;"
     "DROP TABLE temp.locations_v6;"
     "INSERT INTO locations_fts (locations_fts) VALUES ('rebuild');"
     "UPDATE row_counts SET n = (SELECT count(*) FROM locations) WHERE name = 'locations';"},
    /* 8: the reader that took each article (those before were .txt files or
     * written through the API); wire copies (an article stored before has
     * no SimHash until it is extracted again) */
    {7,
     "ALTER TABLE articles ADD COLUMN format TEXT CHECK (format IS NULL OR format IN ('txt',"
     " 'html', 'feed', 'jsonl', 'csv', 'api'));"
     "UPDATE articles SET format = CASE WHEN origin IS NULL THEN 'api' ELSE 'txt' END;"
     "CREATE TABLE article_copies (article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles (id)"
     " ON DELETE CASCADE, simhash INTEGER NOT NULL, band0 INTEGER NOT NULL, band1 INTEGER NOT NULL,"
     " band2 INTEGER NOT NULL, band3 INTEGER NOT NULL, published_at TEXT, doc_no INTEGER NOT NULL,"
     " copy_of TEXT) WITHOUT ROWID;"
     "CREATE INDEX article_copies_band0 ON article_copies (band0, simhash);"
     "CREATE INDEX article_copies_band1 ON article_copies (band1, simhash);"
     "CREATE INDEX article_copies_band2 ON article_copies (band2, simhash);"
     "CREATE INDEX article_copies_band3 ON article_copies (band3, simhash);"
     "CREATE INDEX article_copies_copy_of ON article_copies (copy_of);",
     NULL, NULL},
    /* 9: a quote longer than STORE_QUOTE_MAX (400) code points becomes the
     * window of that many around its figure, as ingest_quote_window cuts it;
     * out of the figures' full-text index first and back in after */
    {8,
     "ALTER TABLE figures ADD COLUMN quote_cut INTEGER NOT NULL DEFAULT 0"
     " CHECK (quote_cut IN (0, 1));"
     "INSERT INTO figures_fts (figures_fts, rowid, quote) SELECT 'delete', fts_no, quote"
     " FROM figures WHERE quote_end - quote_start > 400 AND fts_no IS NOT NULL;"
     "UPDATE figures SET"
     " quote = substr(quote, max(quote_start, min((start + \"end\") / 2 - 200, quote_end - 400))"
     "                       - quote_start + 1, 400),"
     " quote_start = max(quote_start, min((start + \"end\") / 2 - 200, quote_end - 400)),"
     " quote_end = max(quote_start, min((start + \"end\") / 2 - 200, quote_end - 400)) + 400,"
     " quote_cut = 1"
     " WHERE quote_end - quote_start > 400;"
     "INSERT INTO figures_fts (rowid, quote) SELECT fts_no, quote FROM figures"
     " WHERE quote_cut = 1 AND fts_no IS NOT NULL;",
     NULL, NULL},
    /* 10: blocs of sources and of what figures count, and compare's group key
     * defined once (compare_keys), its cells rebuilt from it */
    {9,
     "ALTER TABLE sources ADD COLUMN bloc TEXT;"
     "ALTER TABLE figures ADD COLUMN subject_bloc TEXT;"
     "ALTER TABLE figures ADD COLUMN subject_party TEXT REFERENCES sources (id);"
     "DROP TRIGGER IF EXISTS figures_cell_add;"
     "DROP TRIGGER IF EXISTS figures_cell_remove;"
     "DROP TABLE IF EXISTS claim_cells;"
     "DROP INDEX IF EXISTS figures_group;",
     V10_OBJECTS, CLAIM_CELLS_FROM_FIGURES},
    /* 11: kept counts behind the totals of lists filtered by type, place or
     * outlet; the sources' and locations' counts kept by triggers (the
     * counts stored are right already: only who keeps them changes) */
    {10, "", V11_OBJECTS, KEPT_COUNTS_FROM_ROWS},
    /* 12: the two-letter prefix index of articles_fts and figures_fts,
     * rebuilt from their content */
    {11, "DROP TABLE articles_fts; DROP TABLE figures_fts;", V12_OBJECTS,
     "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
     "INSERT INTO figures_fts (figures_fts) VALUES ('rebuild');"},
    /* 13: claim_groups, compare's coarse groups kept with their counts */
    {12, "", V13_OBJECTS, CLAIM_GROUPS_FROM_CELLS},
    /* 14: a one-letter prefix index besides the two-letter one, rebuilt as
     * in 12; compare_keys passes on the figure's columns compare reads, and
     * an article's date is read by id from an index */
    {13, "DROP TABLE articles_fts; DROP TABLE figures_fts; DROP VIEW compare_keys;", V14_OBJECTS,
     "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
     "INSERT INTO figures_fts (figures_fts) VALUES ('rebuild');"},
    /* 15: figures_group ends with the amount, so that a claimant's largest
     * figures of a group are read without sorting all of them, and the
     * place; figures_location covers compare's whole group key */
    {14, "DROP INDEX figures_group; DROP INDEX IF EXISTS figures_location;", V15_OBJECTS, NULL},
    /* 16: the mentions' by-article indexes go on by party or place, so that
     * an article's are read grouped without sorting */
    {15, "DROP INDEX source_mentions_article; DROP INDEX location_mentions_article;",
     MENTIONS_BY_ARTICLE, NULL},
    /* 17: the same indexes hold each mention's text (and a party's role) */
    {16, "DROP INDEX source_mentions_article; DROP INDEX location_mentions_article;",
     MENTIONS_BY_ARTICLE, NULL},
    {0, NULL, NULL, NULL},
};

/* ---- fixed statements used here ----------------------------------------- */

/* This file's fixed statements (prepared on first use, kept until
 * store_close). */
enum {
    ST_BEGIN,
    ST_BEGIN_IMMEDIATE,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_SAVEPOINT,
    ST_RELEASE,
    ST_ROLLBACK_TO,
    ST_LOCAL_VERSION,
    C__COUNT
};

static const char *const SQL[C__COUNT] = {
    [ST_BEGIN] = "BEGIN",
    [ST_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SAVEPOINT] = "SAVEPOINT nested",
    [ST_RELEASE] = "RELEASE nested",
    [ST_ROLLBACK_TO] = "ROLLBACK TO nested",
};

static sqlite3_stmt *stmt(store *s, int id)
{
    return store_stmt(s, STMTS_CORE, C__COUNT, (size_t)id, SQL[id]);
}

/* ---- small helpers ------------------------------------------------------ */

bool store_same_text(const unsigned char *a, const char *b)
{
    if (!a || !b)
        return !a && !b;
    return strcmp((const char *)a, b) == 0;
}

/* ---- errors ------------------------------------------------------------- */

void store_set_err(store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
}

store_status store_sql_fail(store *s, int rc, const char *ctx)
{
    store_status st = STORE_ERR;
    const char *msg = sqlite3_errmsg(s->db);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: st = STORE_BUSY; break;
    case SQLITE_FULL: st = STORE_FULL; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: st = STORE_CORRUPT; break;
    case SQLITE_INTERRUPT:
        st = STORE_BUSY;
        if (s->time_limit_ms > 0)
            msg = "query ran past the time limit";
        break;
    default: break;
    }
    if (ctx)
        store_set_err(s, "%s: %s", ctx, msg);
    else
        store_set_err(s, "%s", msg);
    return st;
}

bool store_file_moved(store *s)
{
    int moved = 0;
    return sqlite3_file_control(s->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
           moved;
}

/* A budget for one long step: quick_check walks the pages inside a single
 * VDBE opcode, where the progress handler (store_set_time_limit) is never
 * called, so a thread interrupts it once budget_ms have passed. An
 * interrupt that lands after the step ended is cleared by SQLite at the
 * next step. */
typedef struct watchdog {
    sqlite3 *db;
    int ms;
    bool done;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} watchdog;

static void *watch(void *arg)
{
    watchdog *w = arg;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += w->ms / 1000;
    until.tv_nsec += (long)(w->ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&w->mu);
    int rc = 0;
    while (!w->done && rc == 0)
        rc = pthread_cond_timedwait(&w->cv, &w->mu, &until);
    if (!w->done)
        sqlite3_interrupt(w->db);
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

/* sqlite3_step(st), interrupted after budget_ms (0: no budget; without a
 * thread to spare, the progress handler's limit alone). */
static int step_within(sqlite3 *db, sqlite3_stmt *st, int budget_ms)
{
    watchdog w = {.db = db, .ms = budget_ms};
    pthread_t t;
    if (budget_ms <= 0 || pthread_mutex_init(&w.mu, NULL) != 0)
        return sqlite3_step(st);
    if (pthread_cond_init(&w.cv, NULL) != 0) {
        pthread_mutex_destroy(&w.mu);
        return sqlite3_step(st);
    }
    bool watched = pthread_create(&t, NULL, watch, &w) == 0;
    int rc = sqlite3_step(st);
    if (watched) {
        pthread_mutex_lock(&w.mu);
        w.done = true;
        pthread_cond_signal(&w.cv);
        pthread_mutex_unlock(&w.mu);
        pthread_join(t, NULL);
    }
    pthread_cond_destroy(&w.cv);
    pthread_mutex_destroy(&w.mu);
    return rc;
}

store_status store_check(store *s, int budget_ms, char *problem, size_t problemsz)
{
    problem[0] = '\0';
    int limit = s->time_limit_ms;
    store_set_time_limit(s, budget_ms);
    store_status st = store_read_begin(s);
    sqlite3_stmt *check = NULL;
    if (st == STORE_OK) {
        /* no bound parameter: a fixed statement, prepared once per call */
        int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &check, NULL);
        if (rc == SQLITE_OK)
            rc = step_within(s->db, check, budget_ms);
        if (rc == SQLITE_ROW) {
            const char *line = (const char *)sqlite3_column_text(check, 0);
            if (line && strcmp(line, "ok") != 0) {
                snprintf(problem, problemsz, "%s", line);
                for (char *p = problem; *p; p++) /* one log line */
                    if (*p == '\n')
                        *p = ' ';
                st = STORE_CORRUPT;
            }
        } else {
            st = store_sql_fail(s, rc, "quick_check");
            if (st == STORE_CORRUPT)
                snprintf(problem, problemsz, "%s", s->err);
        }
        sqlite3_finalize(check);
        st = store_tx_end(s, st);
    } else if (st == STORE_CORRUPT) {
        snprintf(problem, problemsz, "%s", s->err);
    }
    store_set_time_limit(s, limit);
    return st;
}

void store_interrupt(store *s)
{
    if (s)
        sqlite3_interrupt(s->db);
}

const char *store_errmsg(const store *s)
{
    return s ? s->err : "no store";
}

/* ---- statement caches --------------------------------------------------- */

sqlite3_stmt *store_stmt(store *s, store_stmt_set set, size_t n, size_t id, const char *sql)
{
    if (!s->stmts[set]) {
        if (!(s->stmts[set] = calloc(n, sizeof *s->stmts[set]))) {
            store_oom(s);
            return NULL;
        }
        s->n_stmts[set] = n;
    }
    sqlite3_stmt *st = s->stmts[set][id];
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return st;
    }
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        store_sql_fail(s, rc, "prepare");
        sqlite3_finalize(st);
        return NULL;
    }
    s->stmts[set][id] = st;
    return st;
}

bool store_stmt_ready(const store *s, store_stmt_set set, size_t id)
{
    return s->stmts[set] && s->stmts[set][id];
}

sqlite3_stmt *store_dyn_stmt_get(store *s, const char *sql)
{
    size_t victim = 0;
    for (size_t i = 0; i < STORE_DYN_CACHE; i++) {
        store_dyn_stmt *d = &s->dyn[i];
        if (d->sql && strcmp(d->sql, sql) == 0) {
            sqlite3_reset(d->st);
            sqlite3_clear_bindings(d->st);
            d->used = ++s->dyn_clock;
            return d->st;
        }
        if (!s->dyn[victim].sql)
            continue; /* already have a free slot */
        if (!d->sql || d->used < s->dyn[victim].used)
            victim = i;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        store_sql_fail(s, rc, "prepare");
        sqlite3_finalize(st);
        return NULL;
    }
    char *copy = strdup(sql);
    if (!copy) {
        sqlite3_finalize(st);
        store_set_err(s, "out of memory");
        return NULL;
    }
    store_dyn_stmt *d = &s->dyn[victim];
    sqlite3_finalize(d->st);
    free(d->sql);
    d->sql = copy;
    d->st = st;
    d->used = ++s->dyn_clock;
    return st;
}

store_status store_exec_stmt(store *s, sqlite3_stmt *st, const char *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    store_status out = rc == SQLITE_DONE ? STORE_OK : store_sql_fail(s, rc, ctx);
    sqlite3_reset(st);
    return out;
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

/* ---- transactions and the time limit ------------------------------------ */

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Called by SQLite every few thousand VM steps; non-zero interrupts. */
static int on_progress(void *ctx)
{
    store *s = ctx;
    return s->deadline_armed && now_ns() > s->deadline_ns;
}

void store_set_time_limit(store *s, int ms)
{
    if (!s)
        return;
    s->time_limit_ms = ms > 0 ? ms : 0;
    if (s->time_limit_ms)
        sqlite3_progress_handler(s->db, 1000, on_progress, s);
    else
        sqlite3_progress_handler(s->db, 0, NULL, NULL);
}

int store_time_limit(const store *s)
{
    return s ? s->time_limit_ms : 0;
}

void store_set_page_cache(store *s, int mb)
{
    if (!s || mb <= 0)
        return;
    /* A PRAGMA takes no bound parameter; mb is an int formatted here. */
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%lld", (long long)mb * 1024);
    sqlite3_exec(s->db, pragma, NULL, NULL, NULL);
}

static store_status run(store *s, int id, const char *ctx)
{
    sqlite3_stmt *st = stmt(s, id);
    return st ? store_exec_stmt(s, st, ctx) : STORE_ERR;
}

/* Are deferred foreign keys unsatisfied in the open transaction? */
static bool deferred_fks_pending(store *s)
{
    int cur = 0, high = 0;
    return sqlite3_db_status(s->db, SQLITE_DBSTATUS_DEFERRED_FKS, &cur, &high, 0) == SQLITE_OK &&
           cur != 0;
}

/* Transactions nest: the outermost begin is a real BEGIN, an inner one (a
 * document inside an import batch) a savepoint, so each keeps its
 * all-or-nothing contract. */
static store_status begin(store *s, int outer, const char *what)
{
    if (s->tx_depth)
        s->fks_clean_at_savepoint = !deferred_fks_pending(s);
    store_status rc = run(s, s->tx_depth ? ST_SAVEPOINT : outer, what);
    if (rc == STORE_OK)
        s->tx_depth++;
    return rc;
}

store_status store_read_begin(store *s)
{
    store_status rc = begin(s, ST_BEGIN, "begin");
    if (rc == STORE_OK && s->time_limit_ms > 0 && s->tx_depth == 1) {
        s->deadline_ns = now_ns() + (long long)s->time_limit_ms * 1000000LL;
        s->deadline_armed = true;
    }
    return rc;
}

store_status store_write_begin(store *s)
{
    if (s->readonly) {
        store_set_err(s, "the store was opened read-only");
        return STORE_ERR;
    }
    return begin(s, ST_BEGIN_IMMEDIATE, "begin immediate");
}

store_status store_tx_end(store *s, store_status st)
{
    if (s->tx_depth == 0)
        return st;
    s->tx_depth--;
    if (s->tx_depth > 0) { /* a savepoint inside a batch */
        if (sqlite3_get_autocommit(s->db)) {
            s->tx_depth = 0; /* SQLite rolled the whole transaction back */
            return st == STORE_OK ? STORE_ERR : st;
        }
        if (st == STORE_OK && s->fks_clean_at_savepoint && deferred_fks_pending(s)) {
            /* SQLite checks deferred keys only at COMMIT, where one document's
             * dangling reference would roll back every document of its batch:
             * it is refused here, alone. */
            store_set_err(s, "the document refers to a source or place that is not stored "
                             "(FOREIGN KEY constraint failed)");
            st = STORE_ERR;
        }
        if (st == STORE_OK)
            return run(s, ST_RELEASE, "release");
        char saved[sizeof s->err];
        memcpy(saved, s->err, sizeof saved);
        run(s, ST_ROLLBACK_TO, "rollback to");
        run(s, ST_RELEASE, "release");
        memcpy(s->err, saved, sizeof saved);
        return st;
    }
    s->deadline_armed = false; /* or COMMIT/ROLLBACK could be interrupted too */
    if (sqlite3_get_autocommit(s->db))
        return st; /* SQLite already rolled back (e.g. after an interrupt) */
    if (st == STORE_OK) {
        st = run(s, ST_COMMIT, "commit");
        if (st == STORE_OK)
            return st;
        if (sqlite3_get_autocommit(s->db))
            return st;
    }
    char saved[sizeof s->err];
    memcpy(saved, s->err, sizeof saved);
    run(s, ST_ROLLBACK, "rollback");
    memcpy(s->err, saved, sizeof saved);
    return st;
}

/* ---- opening ------------------------------------------------------------ */

/* marsad_km(lat1, lon1, lat2, lon2): great-circle distance in kilometres
 * (haversine on a sphere of the mean Earth radius); NULL if any is NULL. */
static void sql_km(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    double v[4];
    for (int i = 0; i < argc && i < 4; i++) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
            sqlite3_result_null(cx);
            return;
        }
        v[i] = sqlite3_value_double(argv[i]);
    }
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (v[2] - v[0]) * rad, dlon = (v[3] - v[1]) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(v[0] * rad) * cos(v[2] * rad) * sin(dlon / 2) * sin(dlon / 2);
    if (a > 1)
        a = 1;
    sqlite3_result_double(cx, 2 * 6371.0088 * asin(sqrt(a)));
}

/* The N of the "-- version N" first line of schema.sql; 0 if malformed. */
static int schema_file_version(const char *sql)
{
    static const char tag[] = "-- version ";
    if (!sql || strncmp(sql, tag, sizeof tag - 1) != 0)
        return 0;
    char *end = NULL;
    long v = strtol(sql + sizeof tag - 1, &end, 10);
    if (end == sql + sizeof tag - 1 || v <= 0 || v > 1000000 ||
        (*end && *end != '\n' && *end != '\r'))
        return 0;
    return (int)v;
}

static int user_version(sqlite3 *db, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

static int count_tables(sqlite3 *db, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Does the one-parameter query `sql`, given `value`, return a row? */
static int row_exists(sqlite3 *db, const char *sql, const char *value, bool *found)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        *found = rc == SQLITE_ROW;
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The CREATE statement of the schema object `name` in schema.sql, a new
 * string (NULL when absent): from "CREATE ... name" to its ";", or for a
 * trigger to its "END;". */
static char *schema_statement(const char *schema_sql, const char *name)
{
    size_t len = strlen(name);
    for (const char *p = schema_sql; (p = strstr(p, "\nCREATE ")) != NULL; p++) {
        const char *eol = strchr(p + 1, '\n');
        const char *hit = strstr(p + 1, name);
        if (!hit || (eol && hit > eol) || hit[-1] != ' ' ||
            (hit[len] != ' ' && hit[len] != '\n' && hit[len] != '('))
            continue;
        bool trigger = strncmp(p + 1, "CREATE TRIGGER", 14) == 0;
        const char *end = trigger ? strstr(p, "\nEND;") : strchr(p, ';');
        if (!end)
            return NULL;
        end += trigger ? 5 : 1;
        return strndup(p + 1, (size_t)(end - (p + 1)));
    }
    return NULL;
}

/* Builds each of the schema objects `names` (NULL-terminated) as schema.sql
 * spells it; with `missing_only`, those the database lacks only. */
static int create_objects(sqlite3 *db, const char *schema_sql, const char *const *names,
                          bool missing_only)
{
    int rc = SQLITE_OK;
    for (const char *const *o = names; rc == SQLITE_OK && o && *o; o++) {
        bool there = false;
        if (missing_only && (rc = row_exists(db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", *o,
                                             &there)) != SQLITE_OK)
            break;
        if (there)
            continue;
        char *sql = schema_statement(schema_sql, *o);
        rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_ERROR;
        free(sql);
    }
    return rc;
}

static int run_migration(sqlite3 *db, const store_migration *m, const char *schema_sql)
{
    int rc = sqlite3_exec(db, m->sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = create_objects(db, schema_sql, m->objects, false);
    if (rc == SQLITE_OK && m->after)
        rc = sqlite3_exec(db, m->after, NULL, NULL, NULL);
    return rc;
}

/* Brings the database to version `target`: schema.sql on an empty one, the
 * migration steps on an older one; all in one transaction, re-reading the
 * version under the write lock in case another process did it first. */
static bool migrate(store *s, const char *schema_sql, int target, char *err, size_t errsz)
{
    bool ok = false, in_tx = false;
    int v = 0, rc;
    if ((rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
        goto sqlfail;
    in_tx = true;
    if ((rc = user_version(s->db, &v)) != SQLITE_OK)
        goto sqlfail;
    if (v > target) {
        snprintf(err, errsz, "database schema version %d is newer than this program knows (%d)", v,
                 target);
        goto out;
    }
    if (v == 0) {
        int n = 0;
        if ((rc = count_tables(s->db, &n)) != SQLITE_OK)
            goto sqlfail;
        if (n > 0) {
            snprintf(err, errsz, "not a marsad database (tables present, user_version 0)");
            goto out;
        }
        if ((rc = sqlite3_exec(s->db, schema_sql, NULL, NULL, NULL)) != SQLITE_OK)
            goto sqlfail;
        v = target;
    }
    while (v < target) {
        const store_migration *m = MIGRATIONS;
        while (m->sql && m->from_version != v)
            m++;
        if (!m->sql) {
            snprintf(err, errsz, "no migration from schema version %d to %d", v, target);
            goto out;
        }
        if ((rc = run_migration(s->db, m, schema_sql)) != SQLITE_OK)
            goto sqlfail;
        v++;
    }
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
    if ((rc = sqlite3_exec(s->db, pragma, NULL, NULL, NULL)) != SQLITE_OK)
        goto sqlfail;
    if ((rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
        goto sqlfail;
    in_tx = false;
    ok = true;
    goto out;
sqlfail:
    snprintf(err, errsz, "applying the schema: %s", sqlite3_errmsg(s->db));
out:
    if (in_tx && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return ok;
}

/* ---- bulk imports ------------------------------------------------------- */

/* What a bulk import goes without until its end: the secondary indexes of
 * the tables that grow by tens of rows per article and the triggers that
 * keep counts and compare's cells, about two thirds of an import's writing.
 * Kept: figures_fts_no (new figures are numbered from its maximum) and the
 * mentions' by-article indexes (replacing an article deletes its mentions
 * by them). */
static const char *const BULK_DEFERRED_INDEXES[] = {"source_mentions_source",
                                                    "location_mentions_location",
                                                    "figures_type",
                                                    "figures_qualifier",
                                                    "figures_claimant",
                                                    "figures_location",
                                                    "figures_stance",
                                                    "figures_subject_side",
                                                    "figures_subject_category",
                                                    "figures_value",
                                                    "figures_type_value",
                                                    "figures_date",
                                                    "figures_group",
                                                    NULL};
static const char *const BULK_DEFERRED_TRIGGERS[] = {"figures_count_add",
                                                     "figures_count_remove",
                                                     "figures_kept_add",
                                                     "figures_kept_remove",
                                                     "figures_kept_move",
                                                     "source_mentions_count_add",
                                                     "source_mentions_count_remove",
                                                     "location_mentions_count_add",
                                                     "location_mentions_count_remove",
                                                     "figures_claim_count_add",
                                                     "figures_claim_count_remove",
                                                     "figures_cell_add",
                                                     "figures_cell_remove",
                                                     "claim_cells_group_add",
                                                     "claim_cells_group_count",
                                                     "claim_cells_group_remove",
                                                     NULL};

/* The end of a bulk import, between its indexes and its triggers coming
 * back: what the triggers would have done. A place the gazetteer lacks goes
 * with its last mention (location_mentions_count_remove), then every count
 * and compare's cells and groups are made from the rows (row_counts' rows
 * at 0 are not kept: a missing one reads as 0). */
static const char BULK_FINISH_SQL[] =
    "INSERT INTO locations_fts (locations_fts, rowid, name, name_en)"
    " SELECT 'delete', fts_no, name, name_en FROM locations l WHERE resolved = 0"
    " AND NOT EXISTS (SELECT 1 FROM location_mentions m WHERE m.location_id = l.id);"
    "DELETE FROM locations WHERE resolved = 0"
    " AND NOT EXISTS (SELECT 1 FROM location_mentions m WHERE m.location_id = locations.id);"
    "DELETE FROM row_counts;" ROW_COUNTS_FROM_ROWS KEPT_COUNTS_FROM_ROWS "UPDATE sources SET"
    " n_mentions = (SELECT count(*) FROM source_mentions m WHERE m.source_id = sources.id),"
    " n_articles = (SELECT count(DISTINCT m.article_id) FROM source_mentions m"
    "               WHERE m.source_id = sources.id),"
    " n_figures = (SELECT count(*) FROM figures f WHERE f.claimant_id = sources.id);"
    "UPDATE locations SET"
    " n_mentions = (SELECT count(*) FROM location_mentions m WHERE m.location_id = locations.id);"
    "DELETE FROM claim_cells;" CLAIM_CELLS_FROM_FIGURES
    "DELETE FROM claim_groups;" CLAIM_GROUPS_FROM_CELLS;

/* Is a bulk import under way or left unfinished in this database? */
static int bulk_pending(sqlite3 *db, bool *pending)
{
    return row_exists(db, "SELECT 1 FROM meta WHERE key = ?1", "bulk_import", pending);
}

/* Drops each of `names` (NULL-terminated), an INDEX or TRIGGER by `kind`;
 * the names come from the lists above, not from input: no value to bind. */
static int drop_objects(sqlite3 *db, const char *kind, const char *const *names)
{
    int rc = SQLITE_OK;
    for (const char *const *o = names; rc == SQLITE_OK && *o; o++) {
        char sql[128];
        snprintf(sql, sizeof sql, "DROP %s IF EXISTS %s", kind, *o);
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    return rc;
}

/* The objects back and everything counted, in one transaction: a crash in
 * the middle leaves the bulk import unfinished, for the next open. */
static store_status finish_bulk(store *s)
{
    if (!s->schema_sql) {
        store_set_err(s, "finishing a bulk import needs the schema");
        return STORE_ERR;
    }
    store_status st = store_write_begin(s);
    if (st != STORE_OK)
        return st;
    bool pending = false;
    int rc = bulk_pending(s->db, &pending);
    if (rc == SQLITE_OK && pending)
        rc = create_objects(s->db, s->schema_sql, BULK_DEFERRED_INDEXES, true);
    if (rc == SQLITE_OK && pending)
        rc = sqlite3_exec(s->db, BULK_FINISH_SQL, NULL, NULL, NULL);
    if (rc == SQLITE_OK && pending)
        rc = create_objects(s->db, s->schema_sql, BULK_DEFERRED_TRIGGERS, true);
    if (rc == SQLITE_OK && pending)
        rc = sqlite3_exec(s->db, "DELETE FROM meta WHERE key = 'bulk_import'", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        st = store_sql_fail(s, rc, "finishing the bulk import");
    st = store_tx_end(s, st);
    if (st == STORE_OK) /* the indexes were written to the WAL: into the file while nobody reads */
        sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    return st;
}

store_status store_bulk_begin(store *s)
{
    if (s->bulk || s->tx_depth) {
        store_set_err(s, "a bulk import begins outside any transaction, once");
        return STORE_ERR;
    }
    /* Held from the first write on, until store_bulk_end sets it back. */
    int rc = sqlite3_exec(s->db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_sql_fail(s, rc, "locking the database");
    store_status st = store_write_begin(s);
    if (st == STORE_OK) {
        rc = sqlite3_exec(s->db,
                          "INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk_import', 1)",
                          NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = drop_objects(s->db, "INDEX", BULK_DEFERRED_INDEXES);
        if (rc == SQLITE_OK)
            rc = drop_objects(s->db, "TRIGGER", BULK_DEFERRED_TRIGGERS);
        if (rc != SQLITE_OK)
            st = store_sql_fail(s, rc, "beginning the bulk import");
        st = store_tx_end(s, st);
    }
    if (st != STORE_OK) {
        sqlite3_exec(s->db, "PRAGMA locking_mode = NORMAL", NULL, NULL, NULL);
        return st;
    }
    s->bulk = true;
    return STORE_OK;
}

store_status store_bulk_end(store *s)
{
    if (!s->bulk) {
        store_set_err(s, "no bulk import to end");
        return STORE_ERR;
    }
    store_status st = finish_bulk(s);
    if (st != STORE_OK)
        return st;
    s->bulk = false;
    /* The lock goes at the next access in the normal mode. */
    sqlite3_exec(s->db, "PRAGMA locking_mode = NORMAL; SELECT 1 FROM meta LIMIT 1", NULL, NULL,
                 NULL);
    return STORE_OK;
}

bool store_finished_bulk(const store *s)
{
    return s && s->finished_bulk;
}

/* SQLite's memory statistics take a global mutex on every allocation
 * (about 30 % of a small read here); marsad does not read them. They can
 * only be turned off before SQLite initialises, so once, before the first
 * connection. */
static void configure_sqlite(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int64_t store_local_version(store *s)
{
    sqlite3_stmt *st = store_stmt(s, STMTS_CORE, C__COUNT, ST_LOCAL_VERSION, "PRAGMA data_version");
    int64_t v = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    if (st)
        sqlite3_reset(st);
    return v;
}

store *store_open(const char *path, unsigned flags, int busy_ms, const char *schema_sql, char *err,
                  size_t errsz)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, configure_sqlite);
    char dummy[8];
    if (!err || errsz == 0) {
        err = dummy;
        errsz = sizeof dummy;
    }
    err[0] = '\0';
    store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    s->readonly = (flags & STORE_READONLY) != 0;
    int target = STORE_SCHEMA_VERSION;
    if (schema_sql || !s->readonly) {
        int fv = schema_file_version(schema_sql);
        if (fv != STORE_SCHEMA_VERSION) {
            snprintf(err, errsz, "schema.sql must start with \"-- version %d\" (found %s %d)",
                     STORE_SCHEMA_VERSION, fv ? "version" : "no version line", fv);
            goto fail;
        }
    }
    /* A read-only open takes a file: URI (the server's --read-only on
     * read-only media asks for immutable=1). */
    int oflags = SQLITE_OPEN_NOMUTEX | (s->readonly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
                                                    : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errsz, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, busy_ms > 0 ? busy_ms : 0);
    /* A 64 MiB page cache and reads through mmap: an import touches the same
     * index pages over and over, and readers share the mapped pages. The
     * map asks for 64 GiB and SQLite clamps it to its build's maximum (2 GiB
     * in Debian's): beyond the map every page a connection's cache misses is
     * a pread, half of a compare's time on a 3.4 GB database.
     * Checkpoints (each an fsync) every 16 MiB of WAL rather than 4. */
    rc = sqlite3_exec(s->db,
                      "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                      " PRAGMA cache_size = -65536; PRAGMA mmap_size = 68719476736;"
                      " PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 4096",
                      NULL, NULL, NULL);
    if (rc == SQLITE_OK && !s->readonly)
        rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "marsad_km", 4,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        sql_km, NULL, NULL, NULL);
    if (rc == SQLITE_OK) /* before any statement reads a full-text index */
        rc = fts_arabic_register(s->db);
    if (rc != SQLITE_OK) {
        snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(s->db));
        goto fail;
    }
    int v = 0;
    if ((rc = user_version(s->db, &v)) != SQLITE_OK) {
        snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(s->db));
        goto fail;
    }
    if (v > target) {
        snprintf(err, errsz, "%s: database schema version %d is newer than this program knows (%d)",
                 path, v, target);
        goto fail;
    }
    if (s->readonly && v == 0) {
        snprintf(err, errsz, "%s: not an initialised marsad database", path);
        goto fail;
    }
    if (s->readonly && v < target) {
        snprintf(err, errsz, "%s: schema version %d needs migrating to %d; open it read-write once",
                 path, v, target);
        goto fail;
    }
    if (v < target) {
        char why[400];
        if (!migrate(s, schema_sql, target, why, sizeof why)) {
            snprintf(err, errsz, "%s: %s", path, why);
            goto fail;
        }
        /* A migration may rewrite much of the database into the WAL (105 MB
         * at 10k reports for version 15): copied back now, while no reader
         * holds it, or every page read looks in the WAL's index until a
         * later write's checkpoint gets through. A busy database is left to
         * that checkpoint. */
        sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
        v = target;
    }
    s->schema_version = v;
    s->schema_sql = s->readonly ? NULL : schema_sql;
    bool pending = false;
    if ((rc = bulk_pending(s->db, &pending)) != SQLITE_OK) {
        snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(s->db));
        goto fail;
    }
    if (pending && s->readonly) {
        snprintf(err, errsz, "%s: a bulk import into it was cut short; open it read-write once",
                 path);
        goto fail;
    }
    if (pending && !(flags & STORE_BULK)) { /* else store_bulk_begin carries it on */
        if (finish_bulk(s) != STORE_OK) {
            snprintf(err, errsz, "%s: %s", path, s->err);
            goto fail;
        }
        s->finished_bulk = true;
    }
    return s;
fail:
    store_close(s);
    return NULL;
}

void store_close(store *s)
{
    if (!s)
        return;
    for (size_t set = 0; set < STMTS__COUNT; set++) {
        for (size_t i = 0; i < s->n_stmts[set]; i++)
            sqlite3_finalize(s->stmts[set][i]);
        free(s->stmts[set]);
    }
    for (size_t i = 0; i < STORE_DYN_CACHE; i++) {
        sqlite3_finalize(s->dyn[i].st);
        free(s->dyn[i].sql);
    }
    /* A read-write handle copies the WAL into the database file as it goes:
     * only the last connection to close does it by itself, and when that
     * one is a reader (read-only) it cannot, which would leave a file that
     * is incomplete without its -wal (copied alone, or opened immutable).
     * PASSIVE: no waiting on readers; what they still read stays in the WAL. */
    if (s->db && !sqlite3_db_readonly(s->db, "main"))
        sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    sqlite3_close(s->db);
    free(s);
}

store_status store_oom(store *s)
{
    store_set_err(s, "out of memory");
    return STORE_ERR;
}

void sb_add(sbuf *b, const char *s)
{
    if (!s) /* another buffer that ran out of memory: its own flag says so */
        return;
    size_t n = strlen(s);
    if (b->oom)
        return;
    if (b->len + n + 1 > SBUF_MAX) { /* no statement is this long: a bug, not data */
        b->oom = true;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 512;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}
