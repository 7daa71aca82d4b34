/* store_search.c — full-text search across articles, figures, sources and
 * locations (store_search). The indexes are kept by store_fts.c.
 *
 * A search runs, in one read transaction, a count and a ranked page per
 * kind asked (ORDER BY rank LIMIT n, so FTS5 sorts and snippet() runs only
 * for the rows returned), then merges the kinds by score. bm25 scores of
 * different tables are computed over different collections, so across
 * kinds the order is indicative; within a kind it is bm25's.
 *
 * Left out: paging (limit only: a search asks for the best hits, and
 * `counts` says how many there are), column weights other than title ×2,
 * and highlighting more than the snippet.
 */
#include <stdlib.h>
#include <string.h>

#include "db/store_int.h"

/* The snippet markers (documented in store.h and openapi.yaml). */
#define MARK_OPEN "'<mark>'"
#define MARK_CLOSE "'</mark>'"
#define ELLIPSIS "'\xE2\x80\xA6'"

/* This file's fixed statements (prepared on first use, kept until
 * store_close). */
enum {
    ST_SEARCH_COUNT_ARTICLES,
    ST_SEARCH_COUNT_FIGURES,
    ST_SEARCH_COUNT_SOURCES,
    ST_SEARCH_COUNT_LOCATIONS,
    ST_SEARCH_ARTICLES,
    ST_SEARCH_FIGURES,
    ST_SEARCH_SOURCES,
    ST_SEARCH_LOCATIONS,
    S__COUNT
};

static const char *const SQL[S__COUNT] = {
    [ST_SEARCH_COUNT_ARTICLES] = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
    [ST_SEARCH_COUNT_FIGURES] = "SELECT count(*) FROM figures_fts WHERE figures_fts MATCH ?1",
    [ST_SEARCH_COUNT_SOURCES] = "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?1",
    [ST_SEARCH_COUNT_LOCATIONS] = "SELECT count(*) FROM locations_fts WHERE locations_fts MATCH ?1",
    /* The inner query is the ranked page (FTS5 consumes ORDER BY rank); the
     * outer one joins the rows it points to. */
    [ST_SEARCH_ARTICLES] =
        "SELECT t.id, t.title, t.outlet_id, o.name, t.published_at, f.score, f.snip"
        " FROM (SELECT rowid AS r, -rank AS score,"
        "   snippet(articles_fts, -1, " MARK_OPEN ", " MARK_CLOSE ", " ELLIPSIS ", 24) AS snip"
        "   FROM articles_fts WHERE articles_fts MATCH ?1 AND rank MATCH 'bm25(2.0, 1.0)'"
        "   ORDER BY rank LIMIT ?2) f"
        " JOIN articles t ON t.doc_no = f.r LEFT JOIN sources o ON o.id = t.outlet_id"
        " ORDER BY f.score DESC, t.id",
    [ST_SEARCH_FIGURES] =
        "SELECT " FIGURE_HIT_COLS " FROM (SELECT rowid AS r, -rank AS score,"
        "   snippet(figures_fts, 0, " MARK_OPEN ", " MARK_CLOSE ", " ELLIPSIS ", 24) AS snip"
        "   FROM figures_fts WHERE figures_fts MATCH ?1 ORDER BY rank LIMIT ?2) f"
        " JOIN figures t ON t.fts_no = f.r LEFT JOIN sources c ON c.id = t.claimant_id"
        " ORDER BY f.score DESC, t.article_id, t.ordinal",
    [ST_SEARCH_SOURCES] =
        "SELECT t.id, t.name, t.name_en, t.kind, t.affiliation, f.score, f.snip"
        " FROM (SELECT rowid AS r, -rank AS score,"
        "   snippet(sources_fts, -1, " MARK_OPEN ", " MARK_CLOSE ", " ELLIPSIS ", 24) AS snip"
        "   FROM sources_fts WHERE sources_fts MATCH ?1 ORDER BY rank LIMIT ?2) f"
        " JOIN sources t ON t.fts_no = f.r"
        " ORDER BY f.score DESC, t.id",
    [ST_SEARCH_LOCATIONS] =
        "SELECT t.id, t.name, t.name_en, t.kind, t.resolved, f.score, f.snip"
        " FROM (SELECT rowid AS r, -rank AS score,"
        "   snippet(locations_fts, -1, " MARK_OPEN ", " MARK_CLOSE ", " ELLIPSIS ", 24) AS snip"
        "   FROM locations_fts WHERE locations_fts MATCH ?1 ORDER BY rank LIMIT ?2) f"
        " JOIN locations t ON t.fts_no = f.r"
        " ORDER BY f.score DESC, t.id",
};

static sqlite3_stmt *stmt(store *s, int id)
{
    return store_stmt(s, STMTS_SEARCH, S__COUNT, (size_t)id, SQL[id]);
}

/* ---- search ------------------------------------------------------------- */

typedef struct kind_impl {
    unsigned bit;
    const char *name;
    int count, page;
    json_t *(*hit)(sqlite3_stmt *st);
} kind_impl;

static json_t *article_hit(sqlite3_stmt *st)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:f, s:o}", "kind", "article", "id",
                     store_col_str(st, 0), "title", store_col_str(st, 1), "outlet_id",
                     store_col_str(st, 2), "outlet_name", store_col_str(st, 3), "published_at",
                     store_col_str(st, 4), "score", sqlite3_column_double(st, 5), "snippet",
                     store_col_str(st, 6));
}

static json_t *source_hit(sqlite3_stmt *st)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:f, s:o}", "kind", "source", "id",
                     store_col_str(st, 0), "name", store_col_str(st, 1), "name_en",
                     store_col_str(st, 2), "source_kind", store_col_str(st, 3), "affiliation",
                     store_col_str(st, 4), "score", sqlite3_column_double(st, 5), "snippet",
                     store_col_str(st, 6));
}

static json_t *location_hit(sqlite3_stmt *st)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:b, s:f, s:o}", "kind", "location", "id",
                     store_col_str(st, 0), "name", store_col_str(st, 1), "name_en",
                     store_col_str(st, 2), "location_kind", store_col_str(st, 3), "resolved",
                     sqlite3_column_int(st, 4) != 0, "score", sqlite3_column_double(st, 5),
                     "snippet", store_col_str(st, 6));
}

static const kind_impl KINDS[] = {
    {STORE_SEARCH_ARTICLES, "article", ST_SEARCH_COUNT_ARTICLES, ST_SEARCH_ARTICLES, article_hit},
    {STORE_SEARCH_FIGURES, "figure", ST_SEARCH_COUNT_FIGURES, ST_SEARCH_FIGURES,
     store_figure_hit_json},
    {STORE_SEARCH_SOURCES, "source", ST_SEARCH_COUNT_SOURCES, ST_SEARCH_SOURCES, source_hit},
    {STORE_SEARCH_LOCATIONS, "location", ST_SEARCH_COUNT_LOCATIONS, ST_SEARCH_LOCATIONS,
     location_hit},
};
#define N_KINDS (sizeof KINDS / sizeof KINDS[0])

/* A failed step: a query FTS5 rejects (SQLITE_ERROR: syntax, an unknown
 * column) is the caller's; anything else is the store's. */
static store_status step_fail(store *s, int rc)
{
    store_status st = store_sql_fail(s, rc, "search query");
    return (rc & 0xff) == SQLITE_ERROR ? STORE_BADQUERY : st;
}

static store_status count_kind(store *s, const kind_impl *k, const char *q, long long *n)
{
    sqlite3_stmt *st = stmt(s, k->count);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, q);
    int rc = sqlite3_step(st);
    store_status out = STORE_OK;
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    else
        out = step_fail(s, rc);
    sqlite3_reset(st);
    return out;
}

static store_status page_kind(store *s, const kind_impl *k, const store_search_query *q,
                              json_t *hits)
{
    sqlite3_stmt *st = stmt(s, k->page);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, q->q);
    sqlite3_bind_int(st, 2, q->limit);
    store_status out = STORE_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *h = k->hit(st);
        if (!h || json_array_append_new(hits, h) != 0) {
            store_set_err(s, "out of memory or invalid UTF-8 in a row");
            out = STORE_ERR;
            break;
        }
    }
    if (out == STORE_OK && rc != SQLITE_DONE)
        out = step_fail(s, rc);
    sqlite3_reset(st);
    return out;
}

/* Higher score first; then articles, figures, sources, locations; then by id. */
static int kind_rank(const json_t *h)
{
    const char *k = json_string_value(json_object_get(h, "kind"));
    for (size_t i = 0; i < N_KINDS; i++)
        if (k && strcmp(k, KINDS[i].name) == 0)
            return (int)i;
    return (int)N_KINDS;
}

static int cmp_hits(const void *a, const void *b)
{
    const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    double sx = json_real_value(json_object_get(x, "score")),
           sy = json_real_value(json_object_get(y, "score"));
    if (sx != sy)
        return sx > sy ? -1 : 1;
    int kx = kind_rank(x), ky = kind_rank(y);
    if (kx != ky)
        return kx - ky;
    const char *ix = json_string_value(json_object_get(x, "id")),
               *iy = json_string_value(json_object_get(y, "id"));
    return strcmp(ix ? ix : "", iy ? iy : "");
}

/* The best `limit` of hits, in order (a new array). */
static json_t *best_hits(json_t *hits, int limit)
{
    size_t n = json_array_size(hits);
    json_t **v = malloc((n ? n : 1) * sizeof *v);
    json_t *out = json_array();
    if (!v || !out) {
        free(v);
        json_decref(out);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = json_array_get(hits, i);
    qsort(v, n, sizeof *v, cmp_hits);
    for (size_t i = 0; i < n && i < (size_t)limit; i++)
        if (json_array_append(out, v[i]) != 0) {
            json_decref(out);
            out = NULL;
            break;
        }
    free(v);
    return out;
}

store_status store_search(store *s, const store_search_query *q, json_t **out)
{
    *out = NULL;
    if (!q || !q->q) {
        store_set_err(s, "no query");
        return STORE_ERR;
    }
    if (q->limit < 1 || q->limit > STORE_MAX_SEARCH) {
        store_set_err(s, "limit must be 1..%d", STORE_MAX_SEARCH);
        return STORE_ERR;
    }
    unsigned kinds = q->kinds ? q->kinds
                              : STORE_SEARCH_ARTICLES | STORE_SEARCH_FIGURES |
                                    STORE_SEARCH_SOURCES | STORE_SEARCH_LOCATIONS;
    json_t *hits = json_array(), *counts = json_object(), *data = NULL;
    long long total = 0;
    if (!hits || !counts) {
        json_decref(hits);
        json_decref(counts);
        store_set_err(s, "out of memory");
        return STORE_ERR;
    }
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        goto out;
    for (size_t i = 0; i < N_KINDS && rc == STORE_OK; i++) {
        const kind_impl *k = &KINDS[i];
        long long n = 0;
        if (!(kinds & k->bit))
            continue;
        if ((rc = count_kind(s, k, q->q, &n)) != STORE_OK)
            break;
        total += n;
        json_object_set_new(counts, k->name, json_integer(n));
        if (n > 0)
            rc = page_kind(s, k, q, hits);
    }
    rc = store_tx_end(s, rc);
    if (rc != STORE_OK)
        goto out;
    if (!(data = best_hits(hits, q->limit)) ||
        !(*out = json_pack("{s:o, s:I, s:O}", "data", data, "total", (json_int_t)total, "counts",
                           counts))) {
        store_set_err(s, "out of memory");
        rc = STORE_ERR;
    }
out:
    json_decref(hits);
    json_decref(counts);
    return rc;
}
