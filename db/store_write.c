/* store_write.c — every write to the store: the gazetteer and source
 * lists, documents with everything extracted from them, deletions; and the
 * small reads ingest needs beside them (content hash, origins, data version).
 *
 * Each write is one BEGIN IMMEDIATE transaction that also keeps the
 * denormalised counts, the full-text indexes (through store_fts.c) and the
 * generation counter in step with the rows, because only the store can
 * promise that they never disagree; any failure (an unknown id, a CHECK)
 * rolls all of it back. The article's own counts (n_figures, distinct
 * places and sources) are worked out from the document; every count kept
 * across articles (rows, per type, place and outlet, the sources' and
 * locations' n_*) is kept by schema.sql's triggers as the rows come and go,
 * never by a recount.
 *
 * Left out: deleting sources or gazetteer locations (the gazetteer only
 * grows or changes in place); a place the gazetteer lacks goes with the last
 * mention of it (schema.sql's location_mentions_count_remove).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store_int.h"
#include "extract/grow.h"

/* ---- statements used here ------------------------------------------------ */

/* This file's fixed statements (prepared on first use, kept until
 * store_close); a document's rows: the INSERT of k rows is the first of
 * each range + k - 1. */
enum {
    ST_GENERATION,
    ST_BUMP_GENERATION,
    ST_UPSERT_SOURCE,
    ST_UPSERT_LOCATION,
    ST_INSERT_DOC_LOCATION,
    ST_OLD_ARTICLE,
    ST_DELETE_ARTICLE,
    ST_INSERT_ARTICLE,
    ST_INSERT_SOURCE_MENTIONS,
    ST_INSERT_SOURCE_MENTIONS_END = ST_INSERT_SOURCE_MENTIONS + STORE_ROWS_MAX - 1,
    ST_INSERT_LOCATION_MENTIONS,
    ST_INSERT_LOCATION_MENTIONS_END = ST_INSERT_LOCATION_MENTIONS + STORE_ROWS_MAX - 1,
    ST_INSERT_FIGURES,
    ST_INSERT_FIGURES_END = ST_INSERT_FIGURES + STORE_ROWS_MAX - 1,
    ST_MAX_FIGURE_FTS_NO,
    ST_SOURCE_AS_STORED,
    ST_ARTICLE_HASH,
    ST_EACH_ORIGIN,
    W__COUNT
};

static const char *const SQL[W__COUNT] = {
    [ST_GENERATION] = "SELECT value FROM meta WHERE key = 'generation'",
    [ST_BUMP_GENERATION] = "UPDATE meta SET value = value + 1 WHERE key = 'generation'",
    /* The WHERE of DO UPDATE makes an unchanged record a no-op, so
     * sqlite3_changes() tells whether anything changed. */
    [ST_UPSERT_SOURCE] =
        "INSERT INTO sources (id, name, name_en, kind, affiliation, parent_id, bloc, fts_no)"
        " VALUES (?1, ?2, ?3, ?4, COALESCE(?5, 'unknown'), ?6, ?7,"
        " (SELECT COALESCE(max(fts_no), 0) + 1 FROM sources))"
        " ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,"
        " kind = excluded.kind, affiliation = excluded.affiliation, parent_id = excluded.parent_id,"
        " bloc = excluded.bloc"
        " WHERE name IS NOT excluded.name OR name_en IS NOT excluded.name_en"
        " OR kind IS NOT excluded.kind OR affiliation IS NOT excluded.affiliation"
        " OR parent_id IS NOT excluded.parent_id OR bloc IS NOT excluded.bloc",
    [ST_UPSERT_LOCATION] =
        "INSERT INTO locations (id, name, name_en, kind, parent_id, lat, lon, approximate,"
        " resolved, fts_no)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
        " (SELECT COALESCE(max(fts_no), 0) + 1 FROM locations))"
        " ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,"
        " kind = excluded.kind, parent_id = excluded.parent_id, lat = excluded.lat,"
        " lon = excluded.lon, approximate = excluded.approximate, resolved = excluded.resolved"
        " WHERE name IS NOT excluded.name OR name_en IS NOT excluded.name_en"
        " OR kind IS NOT excluded.kind OR parent_id IS NOT excluded.parent_id"
        " OR lat IS NOT excluded.lat OR lon IS NOT excluded.lon"
        " OR approximate IS NOT excluded.approximate OR resolved IS NOT excluded.resolved",
    /* A place a document introduces: the first document to name it makes
     * its row, which later ones (and a gazetteer row of that id) keep. */
    [ST_INSERT_DOC_LOCATION] =
        "INSERT INTO locations (id, name, name_en, kind, parent_id, lat, lon, approximate,"
        " resolved, fts_no)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
        " (SELECT COALESCE(max(fts_no), 0) + 1 FROM locations))"
        " ON CONFLICT (id) DO NOTHING",
    [ST_OLD_ARTICLE] = "SELECT doc_no, title, body FROM articles WHERE id = ?1",
    [ST_DELETE_ARTICLE] = "DELETE FROM articles WHERE id = ?1",
    [ST_INSERT_ARTICLE] =
        "INSERT INTO articles (id, title, body, outlet_id, url, published_at, language,"
        " content_hash, origin, n_chars, n_figures, n_locations, n_sources, format, doc_no)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
        " (SELECT COALESCE(max(doc_no), 0) + 1 FROM articles))"
        " RETURNING doc_no",
    /* A document's rows: see insert_rows. */
    [ST_MAX_FIGURE_FTS_NO] = "SELECT COALESCE(max(fts_no), 0) FROM figures",
    [ST_SOURCE_AS_STORED] =
        "SELECT name, name_en, kind, affiliation, parent_id, bloc FROM sources WHERE id = ?1",
    [ST_ARTICLE_HASH] = "SELECT content_hash FROM articles WHERE id = ?1",
    [ST_EACH_ORIGIN] = "SELECT id, origin FROM articles WHERE origin IS NOT NULL ORDER BY id",
};

static sqlite3_stmt *stmt(store *s, int id)
{
    return store_stmt(s, STMTS_WRITE, W__COUNT, (size_t)id, SQL[id]);
}

static store_status run(store *s, int id, const char *ctx)
{
    sqlite3_stmt *st = stmt(s, id);
    return st ? store_exec_stmt(s, st, ctx) : STORE_ERR;
}

/* ---- writes ------------------------------------------------------------- */

static store_status bump_generation(store *s)
{
    return run(s, ST_BUMP_GENERATION, "generation");
}

/* Is source r stored with these very values? Then its upsert would change
 * nothing, and is skipped: documents name the same few sources again and
 * again. */
static store_status source_as_stored(store *s, const store_source_rec *r, bool *same)
{
    *same = false;
    sqlite3_stmt *st = stmt(s, ST_SOURCE_AS_STORED);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, r->id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *same = store_same_text(sqlite3_column_text(st, 0), r->name) &&
                store_same_text(sqlite3_column_text(st, 1), r->name_en) &&
                store_same_text(sqlite3_column_text(st, 2), r->kind) &&
                store_same_text(sqlite3_column_text(st, 3),
                                r->affiliation ? r->affiliation : "unknown") &&
                store_same_text(sqlite3_column_text(st, 4), r->parent_id) &&
                store_same_text(sqlite3_column_text(st, 5), r->bloc);
    store_status out =
        rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : store_sql_fail(s, rc, "source");
    sqlite3_reset(st);
    return out;
}

static store_status upsert_source(store *s, const store_source_rec *r, size_t i, int *changed)
{
    if (!r->id || !*r->id || !r->name || !r->kind) {
        store_set_err(s, "source %zu: id, name and kind are required", i);
        return STORE_ERR;
    }
    bool same = false, reindex = false;
    store_status rc = source_as_stored(s, r, &same);
    if (rc != STORE_OK || same)
        return rc;
    rc = store_fts_source_before(s, r, &reindex);
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *st = stmt(s, ST_UPSERT_SOURCE);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, r->id);
    store_bind_text(st, 2, r->name);
    store_bind_text(st, 3, r->name_en);
    store_bind_text(st, 4, r->kind);
    store_bind_text(st, 5, r->affiliation);
    store_bind_text(st, 6, r->parent_id);
    store_bind_text(st, 7, r->bloc);
    char ctx[300];
    snprintf(ctx, sizeof ctx, "source %s", r->id);
    rc = store_exec_stmt(s, st, ctx);
    if (rc == STORE_OK && changed)
        *changed += sqlite3_changes(s->db);
    if (rc == STORE_OK && reindex)
        rc = store_fts_source_after(s, r->id);
    return rc;
}

/* Upserts location r of the gazetteer, or inserts (insert_only) one a
 * document introduces, unresolved (ST_INSERT_DOC_LOCATION); and keeps its
 * names' full-text row in step. */
static store_status write_location(store *s, const store_location_rec *r, size_t i, int *changed,
                                   bool insert_only)
{
    if (!r->id || !*r->id || !r->name || !r->kind) {
        store_set_err(s, "location %zu: id, name and kind are required", i);
        return STORE_ERR;
    }
    bool reindex = false;
    store_status rc = store_fts_location_before(s, r, &reindex);
    if (rc != STORE_OK)
        return rc;
    if (insert_only && !reindex)
        return STORE_OK; /* stored already: kept as it is */
    sqlite3_stmt *st = stmt(s, insert_only ? ST_INSERT_DOC_LOCATION : ST_UPSERT_LOCATION);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, r->id);
    store_bind_text(st, 2, r->name);
    store_bind_text(st, 3, r->name_en);
    store_bind_text(st, 4, r->kind);
    store_bind_text(st, 5, r->parent_id);
    /* Non-finite coordinates mean "unknown". */
    if (isfinite(r->lat) && isfinite(r->lon)) {
        sqlite3_bind_double(st, 6, r->lat);
        sqlite3_bind_double(st, 7, r->lon);
    }
    sqlite3_bind_int(st, 8, r->approximate ? 1 : 0);
    sqlite3_bind_int(st, 9, insert_only ? 0 : 1);
    char ctx[300];
    snprintf(ctx, sizeof ctx, "location %s", r->id);
    rc = store_exec_stmt(s, st, ctx);
    if (rc == STORE_OK && changed)
        *changed += sqlite3_changes(s->db);
    if (rc == STORE_OK && reindex)
        rc = store_fts_location_after(s, r->id);
    return rc;
}

static store_status upsert_location(store *s, const store_location_rec *r, size_t i, int *changed)
{
    return write_location(s, r, i, changed, false);
}

store_status store_sync_locations(store *s, const store_location_rec *recs, size_t n)
{
    int changed = 0;
    store_status rc = store_write_begin(s);
    if (rc != STORE_OK)
        return rc;
    for (size_t i = 0; i < n && rc == STORE_OK; i++)
        rc = upsert_location(s, &recs[i], i, &changed);
    if (rc == STORE_OK && changed)
        rc = bump_generation(s);
    return store_tx_end(s, rc);
}

store_status store_sync_sources(store *s, const store_source_rec *recs, size_t n)
{
    int changed = 0;
    store_status rc = store_write_begin(s);
    if (rc != STORE_OK)
        return rc;
    for (size_t i = 0; i < n && rc == STORE_OK; i++)
        rc = upsert_source(s, &recs[i], i, &changed);
    if (rc == STORE_OK && changed)
        rc = bump_generation(s);
    return store_tx_end(s, rc);
}

/* ---- documents ------------------------------------------------------------
 * Inside a batch, a document's full-text rows wait for the batch's end
 * (store_fts.c says why); s->fts_articles_from and s->fts_figures_from mark
 * the rows that wait. */

/* A document's write ends: a failed one is undone with its savepoint, and
 * the marks go back with it. */
static store_status end_document(store *s, store_status rc, const sqlite3_int64 marks[2])
{
    rc = store_tx_end(s, rc);
    if (rc != STORE_OK) {
        s->fts_articles_from = marks[0];
        s->fts_figures_from = marks[1];
    }
    return rc;
}

store_status store_batch_begin(store *s)
{
    if (s->tx_depth) {
        store_set_err(s, "a batch cannot start inside a transaction");
        return STORE_ERR;
    }
    return store_write_begin(s);
}

store_status store_batch_end(store *s)
{
    return store_tx_end(s, store_fts_batch_flush(s));
}

bool store_batch_open(const store *s)
{
    return s->tx_depth > 0 && !sqlite3_get_autocommit(s->db);
}

/* Removes article id and its index entry (mentions and figures go by
 * cascade). *existed says whether there was one. */
static store_status remove_article(store *s, const char *id, bool *existed)
{
    *existed = false;
    sqlite3_stmt *old = stmt(s, ST_OLD_ARTICLE);
    if (!old)
        return STORE_ERR;
    store_bind_text(old, 1, id);
    int rc = sqlite3_step(old);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(old);
        return STORE_OK;
    }
    if (rc != SQLITE_ROW) {
        store_status st = store_sql_fail(s, rc, "article");
        sqlite3_reset(old);
        return st;
    }
    *existed = true;
    /* External content: the index needs the exact old values to unindex. */
    store_status st =
        store_fts_article_unindex(s, sqlite3_column_int64(old, 0), sqlite3_column_value(old, 1),
                                  sqlite3_column_value(old, 2));
    sqlite3_reset(old);
    if (st == STORE_OK) /* its figures go by cascade: out of their index first */
        st = store_fts_figures_unindex(s, id);
    if (st != STORE_OK)
        return st;
    sqlite3_stmt *del = stmt(s, ST_DELETE_ARTICLE);
    if (!del)
        return STORE_ERR;
    store_bind_text(del, 1, id);
    return store_exec_stmt(s, del, "delete article");
}

static long long utf8_code_points(const char *p)
{
    long long n = 0;
    for (; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    return n;
}

typedef struct fig_order {
    uint32_t start, end;
    size_t idx;
} fig_order;

static int cmp_fig_order(const void *a, const void *b)
{
    const fig_order *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* ---- counts ------------------------------------------------------------------
 * The article's own counts, worked out from the document itself: the same
 * numbers its rows would give when counted (refs compared byte for byte,
 * as SQL's DISTINCT compares them), without reading them back. */

/* Refs of n items, sorted so that equal ones are next to each other. */
typedef struct ref_item {
    const char *ref;
} ref_item;

static int cmp_ref_item(const void *a, const void *b)
{
    const ref_item *x = a, *y = b;
    return strcmp(x->ref, y->ref);
}

/* Appends the non-NULL refs of mentions m[0..n) to buf[0..k); the new k. */
static size_t add_mention_refs(ref_item *buf, size_t k, const store_mention *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (m[i].ref_id)
            buf[k++] = (ref_item){m[i].ref_id};
    return k;
}

/* The distinct non-NULL refs of mentions m[0..n). */
static size_t distinct_refs(const store_mention *m, size_t n, ref_item *buf)
{
    size_t k = add_mention_refs(buf, 0, m, n), out = 0;
    qsort(buf, k, sizeof *buf, cmp_ref_item);
    for (size_t i = 0; i < k; i++)
        out += i == 0 || strcmp(buf[i].ref, buf[i - 1].ref) != 0;
    return out;
}

static store_status insert_article(store *s, const store_doc *d)
{
    size_t nm = d->n_source_mentions > d->n_location_mentions ? d->n_source_mentions
                                                              : d->n_location_mentions;
    ref_item *buf = malloc((nm ? nm : 1) * sizeof *buf);
    if (!buf)
        return store_oom(s);
    size_t n_locations = distinct_refs(d->location_mentions, d->n_location_mentions, buf);
    size_t n_sources = distinct_refs(d->source_mentions, d->n_source_mentions, buf);
    free(buf);
    sqlite3_stmt *st = stmt(s, ST_INSERT_ARTICLE);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, d->id);
    store_bind_text(st, 2, d->title);
    store_bind_text(st, 3, d->body);
    store_bind_text(st, 4, d->outlet_id);
    store_bind_text(st, 5, d->url);
    store_bind_text(st, 6, d->published_at);
    store_bind_text(st, 7, d->language);
    store_bind_text(st, 8, d->content_hash);
    store_bind_text(st, 9, d->origin);
    sqlite3_bind_int64(st, 10, utf8_code_points(d->body));
    sqlite3_bind_int64(st, 11, (sqlite3_int64)d->n_figures);
    sqlite3_bind_int64(st, 12, (sqlite3_int64)n_locations);
    sqlite3_bind_int64(st, 13, (sqlite3_int64)n_sources);
    store_bind_text(st, 14, d->format);
    char ctx[300];
    snprintf(ctx, sizeof ctx, "article %s (outlet %s)", d->id,
             d->outlet_id ? d->outlet_id : "none");
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        store_status e = store_sql_fail(s, rc, ctx);
        sqlite3_reset(st);
        return e;
    }
    sqlite3_int64 doc_no = sqlite3_column_int64(st, 0);
    store_status e = store_exec_stmt(s, st, ctx); /* finishes the RETURNING statement */
    if (e != STORE_OK)
        return e;
    return store_fts_article_index(s, doc_no, d->title, d->body);
}

/* ---- a document's rows ------------------------------------------------------
 * Figures and mentions go in one INSERT per document and table (of
 * STORE_ROWS_MAX rows at most), not one statement per row: every statement
 * journals each page it changes anew (a statement journal, as the figures'
 * trigger makes their INSERT a multi-write), syncs each full-text table the
 * transaction has written and builds anew the IN lists of the tables' CHECK
 * constraints, which together cost more than the rows themselves. The
 * INSERT of k rows is prepared the first time a document has k. The values
 * shared by every row are ?1 (and ?2); each row then has per_row anonymous
 * parameters of its own. A multi-row INSERT that fails is undone whole (the
 * statement journal); its rows then go again one at a time, so the error
 * names the row that fails, as it did when every row was a statement of its
 * own. */

typedef struct rows_def {
    const char *head; /* "INSERT INTO t (columns) VALUES " */
    const char *row;  /* one row's values */
    int per_row;      /* its anonymous parameters */
    int stmt;         /* the INSERT of one row; of k rows, stmt + k - 1 */
    /* binds row i from parameter p on */
    void (*bind)(sqlite3_stmt *st, int p, const void *ctx, size_t i);
    /* names row i in an error message */
    void (*name)(char *out, size_t outsz, const void *ctx, size_t i);
} rows_def;

static sqlite3_stmt *rows_stmt(store *s, const rows_def *def, size_t k)
{
    int id = def->stmt + (int)(k - 1);
    if (store_stmt_ready(s, STMTS_WRITE, (size_t)id))
        return stmt(s, id);
    sbuf b = {0};
    sb_add(&b, def->head);
    for (size_t i = 0; i < k; i++) {
        sb_add(&b, i ? ", " : "");
        sb_add(&b, def->row);
    }
    if (b.oom) {
        free(b.p);
        store_oom(s);
        return NULL;
    }
    sqlite3_stmt *st = store_stmt(s, STMTS_WRITE, W__COUNT, (size_t)id, b.p);
    free(b.p);
    return st;
}

/* Inserts rows [from, from + k) with one statement; shared binds ?1.. of
 * it. */
static store_status insert_chunk(store *s, const rows_def *def, size_t k, size_t from,
                                 void (*shared)(sqlite3_stmt *st, const void *ctx), const void *ctx)
{
    sqlite3_stmt *st = rows_stmt(s, def, k);
    if (!st)
        return STORE_ERR;
    shared(st, ctx);
    int first = sqlite3_bind_parameter_count(st) - (int)k * def->per_row + 1;
    for (size_t j = 0; j < k; j++)
        def->bind(st, first + (int)j * def->per_row, ctx, from + j);
    store_status rc = store_exec_stmt(s, st, NULL);
    if (rc == STORE_OK || k > 1)
        return rc;
    char what[300], why[sizeof s->err];
    def->name(what, sizeof what, ctx, from);
    memcpy(why, s->err, sizeof why);
    store_set_err(s, "%s: %s", what, why);
    return rc;
}

static store_status insert_rows(store *s, const rows_def *def, size_t n,
                                void (*shared)(sqlite3_stmt *st, const void *ctx), const void *ctx)
{
    for (size_t i = 0, k; i < n; i += k) {
        k = n - i < STORE_ROWS_MAX ? n - i : STORE_ROWS_MAX;
        store_status rc = insert_chunk(s, def, k, i, shared, ctx);
        if (rc == STORE_OK)
            continue;
        if (k == 1)
            return rc;
        for (size_t j = 0; j < k; j++) /* again, one by one */
            if ((rc = insert_chunk(s, def, 1, i + j, shared, ctx)) != STORE_OK)
                return rc;
    }
    return STORE_OK;
}

static void bind_doc_id(sqlite3_stmt *st, const void *ctx)
{
    store_bind_text(st, 1, ((const store_doc *)ctx)->id);
}

/* The columns both kinds of mention have: what is mentioned, where, how. */
static void bind_mention(sqlite3_stmt *st, int p, const store_mention *m)
{
    store_bind_text(st, p, m->ref_id);
    sqlite3_bind_int64(st, p + 1, m->start);
    sqlite3_bind_int64(st, p + 2, m->end);
    store_bind_text(st, p + 3, m->text);
}

static void name_mention(char *out, size_t outsz, const char *kind, size_t i,
                         const store_mention *m)
{
    snprintf(out, outsz, "%s mention %zu (%s)", kind, i, m->ref_id ? m->ref_id : "null");
}

static void bind_source_mention(sqlite3_stmt *st, int p, const void *ctx, size_t i)
{
    const store_mention *m = &((const store_doc *)ctx)->source_mentions[i];
    bind_mention(st, p, m);
    store_bind_text(st, p + 4, m->role);
}

static void name_source_mention(char *out, size_t outsz, const void *ctx, size_t i)
{
    name_mention(out, outsz, "source", i, &((const store_doc *)ctx)->source_mentions[i]);
}

static void bind_location_mention(sqlite3_stmt *st, int p, const void *ctx, size_t i)
{
    bind_mention(st, p, &((const store_doc *)ctx)->location_mentions[i]);
}

static void name_location_mention(char *out, size_t outsz, const void *ctx, size_t i)
{
    name_mention(out, outsz, "location", i, &((const store_doc *)ctx)->location_mentions[i]);
}

static const rows_def SOURCE_MENTION_ROWS = {
    "INSERT INTO source_mentions (article_id, source_id, start, \"end\", text, role) VALUES ",
    "(?1, ?, ?, ?, ?, COALESCE(?, 'mentioned'))",
    5,
    ST_INSERT_SOURCE_MENTIONS,
    bind_source_mention,
    name_source_mention};

static const rows_def LOCATION_MENTION_ROWS = {
    "INSERT INTO location_mentions (article_id, location_id, start, \"end\", text) VALUES ",
    "(?1, ?, ?, ?, ?)",
    4,
    ST_INSERT_LOCATION_MENTIONS,
    bind_location_mention,
    name_location_mention};

static store_status insert_mentions(store *s, const store_doc *d)
{
    store_status rc = insert_rows(s, &SOURCE_MENTION_ROWS, d->n_source_mentions, bind_doc_id, d);
    if (rc == STORE_OK)
        rc = insert_rows(s, &LOCATION_MENTION_ROWS, d->n_location_mentions, bind_doc_id, d);
    return rc;
}

/* A document's figures in text order, with their ids and full-text
 * numbers. */
typedef struct fig_rows {
    const store_doc *d;
    const fig_order *ord;
    char *ids; /* n ids of id_size bytes: article id "-f" ordinal */
    size_t id_size;
    sqlite3_int64 fts_no; /* the largest before them */
} fig_rows;

static void bind_fig_shared(sqlite3_stmt *st, const void *ctx)
{
    const store_doc *d = ((const fig_rows *)ctx)->d;
    store_bind_text(st, 1, d->id);
    store_bind_text(st, 2, d->published_at);
}

static void bind_figure(sqlite3_stmt *st, int p, const void *ctx, size_t k)
{
    const fig_rows *fr = ctx;
    const char *f = (const char *)&fr->d->figures[fr->ord[k].idx];
    store_bind_text(st, p, fr->ids + k * fr->id_size);
    sqlite3_bind_int64(st, p + 1, (sqlite3_int64)k + 1);
    p += 2;
    for (size_t i = 0; i < FIGURE_NWRITES; i++, p++) {
        const char *at = f + store_figure_binds[i].at;
        switch (store_figure_binds[i].kind) {
        case STORE_BIND_TEXT: store_bind_text(st, p, *(const char *const *)(const void *)at); break;
        case STORE_BIND_U32: sqlite3_bind_int64(st, p, *(const uint32_t *)(const void *)at); break;
        case STORE_BIND_BOOL:
            sqlite3_bind_int(st, p, *(const bool *)(const void *)at ? 1 : 0);
            break;
        case STORE_BIND_NUM:
            if (*(const bool *)(const void *)(f + store_figure_binds[i].has_at))
                sqlite3_bind_double(st, p, *(const double *)(const void *)at);
            break;
        }
    }
    sqlite3_bind_int64(st, p, fr->fts_no + (sqlite3_int64)k + 1);
}

static void name_figure(char *out, size_t outsz, const void *ctx, size_t k)
{
    const fig_rows *fr = ctx;
    const store_figure_rec *f = &fr->d->figures[fr->ord[k].idx];
    snprintf(out, outsz, "figure %zu (type %s, claimant %s, location %s)", fr->ord[k].idx,
             f->type ? f->type : "null", f->claimant_id ? f->claimant_id : "none",
             f->location_id ? f->location_id : "none");
}

/* id is article_id || '-f' || ordinal and period the month of publication,
 * as schema.sql says; fts_no numbers on from the largest. */
static const rows_def FIGURE_ROWS = {
    "INSERT INTO figures (article_id, period, id, ordinal" FIGURE_WRITES(
        STORE_W_NAME, STORE_WN_NAME) ", fts_no) VALUES ",
    "(?1, substr(?2, 1, 7), ?, ?" FIGURE_WRITES(STORE_W_PARAM, STORE_WN_PARAM) ", ?)",
    2 + FIGURE_NWRITES + 1,
    ST_INSERT_FIGURES,
    bind_figure,
    name_figure};

void store_figure_id(char *out, size_t outsz, const char *article_id, size_t i)
{
    snprintf(out, outsz, "%s-f%zu", article_id, i + 1);
}

/* Figures get ordinals in text order (by span, then as given), whatever
 * order the caller lists them in. */
static store_status insert_figures(store *s, const store_doc *d)
{
    store_status rc = STORE_OK;
    if (d->n_figures == 0)
        return STORE_OK;
    fig_rows fr = {d, NULL, NULL, strlen(d->id) + STORE_FIGURE_ID_MAX, 0};
    fig_order *ord = malloc(d->n_figures * sizeof *ord);
    fr.ids = malloc(d->n_figures * fr.id_size);
    if (!ord || !fr.ids) {
        rc = store_oom(s);
        goto out;
    }
    for (size_t i = 0; i < d->n_figures; i++)
        ord[i] = (fig_order){d->figures[i].start, d->figures[i].end, i};
    qsort(ord, d->n_figures, sizeof *ord, cmp_fig_order);
    fr.ord = ord;
    for (size_t k = 0; k < d->n_figures; k++)
        store_figure_id(fr.ids + k * fr.id_size, fr.id_size, d->id, k);
    sqlite3_stmt *st = stmt(s, ST_MAX_FIGURE_FTS_NO);
    if (!st) {
        rc = STORE_ERR;
        goto out;
    }
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW) {
        rc = store_sql_fail(s, r, "figures");
        sqlite3_reset(st);
        goto out;
    }
    fr.fts_no = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    rc = insert_rows(s, &FIGURE_ROWS, d->n_figures, bind_fig_shared, &fr);
    if (rc == STORE_OK)
        rc = store_fts_figures_index(s, d->id, fr.fts_no + 1);
out:
    free(ord);
    free(fr.ids);
    return rc;
}

/* Whether article id is stored. */
static store_status article_exists(store *s, const char *id, bool *existed)
{
    sqlite3_stmt *st = stmt(s, ST_ARTICLE_HASH);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    *existed = rc == SQLITE_ROW;
    store_status out =
        rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : store_sql_fail(s, rc, "article");
    sqlite3_reset(st);
    return out;
}

/* A replaced article goes first, with everything extracted from it (the
 * triggers take its counts away), then the new version is stored. */
store_status store_put_document(store *s, const store_doc *d)
{
    store_status rc;
    bool existed;
    if (!d || !d->id || !*d->id || !d->body) {
        store_set_err(s, "a document needs an id and a body");
        return STORE_ERR;
    }
    if ((rc = store_write_begin(s)) != STORE_OK)
        return rc;
    const sqlite3_int64 marks[2] = {s->fts_articles_from, s->fts_figures_from};
    if ((rc = article_exists(s, d->id, &existed)) != STORE_OK)
        goto out;
    if (existed && (rc = remove_article(s, d->id, &existed)) != STORE_OK)
        goto out;
    for (size_t i = 0; i < d->n_sources; i++)
        if ((rc = upsert_source(s, &d->sources[i], i, NULL)) != STORE_OK)
            goto out;
    for (size_t i = 0; i < d->n_locations; i++)
        if ((rc = write_location(s, &d->locations[i], i, NULL, true)) != STORE_OK)
            goto out;
    if ((rc = insert_article(s, d)) != STORE_OK)
        goto out;
    if ((rc = insert_mentions(s, d)) != STORE_OK)
        goto out;
    if ((rc = insert_figures(s, d)) != STORE_OK)
        goto out;
    if (existed && (rc = store_copies_unlink(s, d->id)) != STORE_OK)
        goto out;
    if ((rc = store_copies_link(s, d->id, d->simhash, d->published_at)) != STORE_OK)
        goto out;
    rc = bump_generation(s);
out:
    return end_document(s, rc, marks);
}

store_status store_delete_article(store *s, const char *id)
{
    store_status rc;
    bool existed;
    if (!id) {
        store_set_err(s, "no id");
        return STORE_ERR;
    }
    if ((rc = store_write_begin(s)) != STORE_OK)
        return rc;
    const sqlite3_int64 marks[2] = {s->fts_articles_from, s->fts_figures_from};
    if ((rc = remove_article(s, id, &existed)) != STORE_OK)
        goto out;
    if (!existed) {
        store_set_err(s, "no article '%s'", id);
        rc = STORE_NOTFOUND;
        goto out;
    }
    if ((rc = store_copies_unlink(s, id)) != STORE_OK)
        goto out;
    rc = bump_generation(s);
out:
    return end_document(s, rc, marks);
}

/* ---- small reads that belong with the writers ---------------------------- */

store_status store_article_hash(store *s, const char *id, char *out, size_t outsz)
{
    store_status rc = STORE_OK;
    sqlite3_stmt *st = stmt(s, ST_ARTICLE_HASH);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    int r = sqlite3_step(st);
    if (r == SQLITE_DONE) {
        store_set_err(s, "no article '%s'", id ? id : "");
        rc = STORE_NOTFOUND;
    } else if (r != SQLITE_ROW) {
        rc = store_sql_fail(s, r, "article hash");
    } else {
        const char *h = (const char *)sqlite3_column_text(st, 0);
        size_t n = h ? strlen(h) : 0;
        if (!out || n >= outsz) {
            store_set_err(s, "hash buffer too small (%zu bytes needed)", n + 1);
            rc = STORE_ERR;
        } else {
            memcpy(out, h ? h : "", n + 1);
        }
    }
    sqlite3_reset(st);
    return rc;
}

store_status store_each_origin(store *s, bool (*fn)(void *ctx, const char *id, const char *origin),
                               void *ctx)
{
    /* Collected first so fn may write through the same handle (e.g. delete
     * the articles whose files are gone) without a statement in flight. */
    store_status rc = STORE_OK;
    char **pairs = NULL;
    size_t n = 0, cap = 0;
    sqlite3_stmt *st = stmt(s, ST_EACH_ORIGIN);
    if (!st)
        return STORE_ERR;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (grow((void **)&pairs, &cap, n + 2, sizeof *pairs) != 0) {
            rc = store_oom(s);
            goto out;
        }
        pairs[n] = strdup((const char *)sqlite3_column_text(st, 0));
        pairs[n + 1] = strdup((const char *)sqlite3_column_text(st, 1));
        n += 2;
        if (!pairs[n - 2] || !pairs[n - 1]) {
            store_set_err(s, "out of memory");
            rc = STORE_ERR;
            goto out;
        }
    }
    if (r != SQLITE_DONE) {
        rc = store_sql_fail(s, r, "origins");
        goto out;
    }
    sqlite3_reset(st);
    for (size_t i = 0; i < n; i += 2)
        if (!fn(ctx, pairs[i], pairs[i + 1]))
            break;
out:
    sqlite3_reset(st);
    for (size_t i = 0; i < n; i++)
        free(pairs[i]);
    free(pairs);
    return rc;
}

store_status store_data_version(store *s, int64_t *out)
{
    sqlite3_stmt *st = stmt(s, ST_GENERATION);
    if (!st)
        return STORE_ERR;
    store_status rc = STORE_OK;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
    } else if (r == SQLITE_DONE) {
        store_set_err(s, "the meta table has no generation row");
        rc = STORE_ERR;
    } else {
        rc = store_sql_fail(s, r, "data version");
    }
    sqlite3_reset(st);
    return rc;
}
