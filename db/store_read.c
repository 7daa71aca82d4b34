/* store_read.c — items by id and facts about the database, in the API's
 * shapes: an item as JSON bytes written straight from its rows (what the
 * server sends; store_get parses them for callers that want values).
 *
 * store_item_write (store_columns.c) turns a row into its item; store_list
 * uses the same, so list items and GET-by-id items never drift apart. An article
 * by id also embeds its figures, and its places and parties each with their
 * mentions, read in the same transaction.
 *
 * Left out: embedded collections for sources and locations (their articles
 * are a list query away: ?source=, ?location=).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/json_out.h"
#include "db/store_int.h"

/* This file's fixed statements (prepared on first use, kept until
 * store_close). */
enum {
    ST_GET_ARTICLE,
    ST_GET_SOURCE,
    ST_GET_LOCATION,
    ST_GET_FIGURE,
    ST_ARTICLE_FIGURES,
    ST_ARTICLE_LOCATIONS,
    ST_ARTICLE_SOURCES,
    ST_META_COUNTS,
    R__COUNT
};

static sqlite3_stmt *stmt(store *s, int id, const char *sql)
{
    return store_stmt(s, STMTS_READ, R__COUNT, (size_t)id, sql);
}

/* ---- fixed read statements ---------------------------------------------- */

static const char *const SQL_GET_ARTICLE =
    "SELECT " ARTICLE_COLS ", t.body FROM " ARTICLE_FROM " WHERE t.id = ?1";
static const char *const SQL_GET_SOURCE =
    "SELECT " SOURCE_COLS " FROM " SOURCE_FROM " WHERE t.id = ?1";
static const char *const SQL_GET_LOCATION =
    "SELECT " LOCATION_COLS " FROM " LOCATION_FROM " WHERE t.id = ?1";
static const char *const SQL_GET_FIGURE =
    "SELECT " FIGURE_COLS " FROM " FIGURE_FROM " WHERE t.id = ?1";
static const char *const SQL_ARTICLE_FIGURES =
    "SELECT " FIGURE_COLS " FROM " FIGURE_FROM " WHERE t.article_id = ?1 ORDER BY t.ordinal";
/* One row per mention, grouped by place or party in id order, which the
 * mentions' by-article index gives without sorting; write_grouped reads
 * each place's or party's item once, by id (a join would read it again for
 * every mention), and puts the groups in order of first mention. */
static const char *const SQL_ARTICLE_LOCATIONS =
    "SELECT m.location_id, m.start, m.\"end\", m.text FROM location_mentions m"
    " WHERE m.article_id = ?1 ORDER BY m.location_id, m.start, m.\"end\", m.text";
static const char *const SQL_ARTICLE_SOURCES =
    "SELECT m.source_id, m.start, m.\"end\", m.text, m.role FROM source_mentions m"
    " WHERE m.article_id = ?1 ORDER BY m.source_id, m.start, m.\"end\", m.role, m.text";
static const char *const SQL_META_COUNTS =
    "SELECT (SELECT n FROM row_counts WHERE name = 'articles'),"
    " (SELECT n FROM row_counts WHERE name = 'figures'),"
    " (SELECT n FROM row_counts WHERE name = 'sources'),"
    " (SELECT n FROM row_counts WHERE name = 'locations'),"
    /* Mentions: the sum of the per-source and per-place counts the writes
     * keep (a few hundred rows), not a count of millions. */
    " (SELECT coalesce(sum(n_mentions), 0) FROM sources),"
    " (SELECT coalesce(sum(n_mentions), 0) FROM locations),"
    " (SELECT value FROM meta WHERE key = 'generation')";

/* ---- store_get ----------------------------------------------------------- */

/* One place or party written into an answer: where its bytes are, and the
 * start of its first mention, which orders it among the others. */
typedef struct written_group {
    long long first_start;
    size_t at, len;
} written_group;

static int by_first_mention(const void *a, const void *b)
{
    const written_group *x = a, *y = b;
    if (x->first_start != y->first_start)
        return x->first_start < y->first_start ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at; /* ties: in id order, as written */
}

/* Rewrites the n comma-separated groups written from o->p + base in order of
 * first mention; the bytes keep their length. */
static void order_by_first_mention(json_out *o, size_t base, written_group *g, size_t n)
{
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = by_first_mention(&g[i - 1], &g[i]) < 0;
    if (sorted || o->failed)
        return;
    qsort(g, n, sizeof *g, by_first_mention);
    size_t total = o->len - base;
    char *tmp = malloc(total);
    if (!tmp) {
        o->failed = true;
        return;
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            tmp[w++] = ',';
        memcpy(tmp + w, o->p + g[i].at, g[i].len);
        w += g[i].len;
    }
    memcpy(o->p + base, tmp, total);
    free(tmp);
}

/* The item of place or party id, from item (the statement that gets one by
 * id), left open for its mentions. */
static store_status write_group_item(store *s, sqlite3_stmt *item, json_out *o, store_resource res,
                                     const char *id)
{
    store_bind_text(item, 1, id);
    int r = sqlite3_step(item);
    if (r == SQLITE_ROW)
        store_item_write(o, res, item, 0, true);
    sqlite3_reset(item);
    if (r == SQLITE_ROW)
        return STORE_OK;
    /* a mention's foreign key names a stored row */
    return r == SQLITE_DONE ? store_sql_fail(s, SQLITE_CORRUPT, "article items")
                            : store_sql_fail(s, r, "article items");
}

/* Writes the article's places or parties, each with a "mentions" array, in
 * order of first mention; st's rows are one mention each, grouped by item
 * (its id, start, end, text and, when with_role, role), and item gets each
 * one's columns by id. */
static store_status write_grouped(store *s, sqlite3_stmt *st, sqlite3_stmt *item, json_out *o,
                                  store_resource res, bool with_role)
{
    if (!item)
        return STORE_ERR;
    const int ncols = 1;
    store_status rc = STORE_OK;
    /* The id of the item being written, copied: the row's text goes with
     * the next step. */
    char *cur_id = NULL;
    written_group *groups = NULL;
    size_t n = 0, cap = 0, base = o->len;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        if (!id)
            continue;
        if (!n || strcmp(cur_id, id) != 0) {
            if (n) {
                json_out_lit(o, "]}");
                groups[n - 1].len = o->len - groups[n - 1].at;
                json_out_raw(o, ",", 1);
            }
            if (n == cap) {
                size_t ncap = cap ? 2 * cap : 16;
                written_group *more = realloc(groups, ncap * sizeof *groups);
                if (!more) {
                    o->failed = true;
                    break;
                }
                groups = more;
                cap = ncap;
            }
            groups[n++] = (written_group){sqlite3_column_int64(st, ncols), o->len, 0};
            free(cur_id);
            if (!(cur_id = strdup(id))) {
                o->failed = true;
                break;
            }
            if ((rc = write_group_item(s, item, o, res, cur_id)) != STORE_OK)
                break;
            json_out_lit(o, ",\"mentions\":[");
        } else {
            json_out_raw(o, ",", 1);
        }
        json_out_lit(o, "{\"start\":");
        store_col_write(o, st, ncols, STORE_COL_INT);
        json_out_lit(o, ",\"end\":");
        store_col_write(o, st, ncols + 1, STORE_COL_INT);
        json_out_lit(o, ",\"text\":");
        store_col_write(o, st, ncols + 2, STORE_COL_TEXT);
        if (with_role) {
            json_out_lit(o, ",\"role\":");
            store_col_write(o, st, ncols + 3, STORE_COL_TEXT);
        }
        json_out_raw(o, "}", 1);
    }
    free(cur_id);
    if (rc == STORE_OK && n && !o->failed) {
        json_out_lit(o, "]}");
        groups[n - 1].len = o->len - groups[n - 1].at;
        order_by_first_mention(o, base, groups, n);
    }
    free(groups);
    if (rc != STORE_OK)
        return rc;
    if (o->failed)
        return store_oom(s);
    return r == SQLITE_DONE ? STORE_OK : store_sql_fail(s, r, "article items");
}

/* Runs st (bound to the article id) and writes ,"key":[...] of its rows:
 * figures one per row, places and parties grouped with their mentions. */
static store_status write_embedded(store *s, sqlite3_stmt *st, json_out *o, const char *key,
                                   store_resource res, const char *id)
{
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    json_out_raw(o, ",", 1);
    json_out_key(o, key);
    json_out_raw(o, "[", 1);
    store_status rc = STORE_OK;
    if (res == RES_FIGURES) {
        int r, n = 0;
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            if (n++)
                json_out_raw(o, ",", 1);
            store_item_write(o, RES_FIGURES, st, 0, false);
        }
        if (r != SQLITE_DONE)
            rc = store_sql_fail(s, r, "figures");
    } else if (res == RES_LOCATIONS) {
        rc = write_grouped(s, st, stmt(s, ST_GET_LOCATION, SQL_GET_LOCATION), o, res, false);
    } else {
        rc = write_grouped(s, st, stmt(s, ST_GET_SOURCE, SQL_GET_SOURCE), o, res, true);
    }
    sqlite3_reset(st);
    json_out_raw(o, "]", 1);
    return rc;
}

static store_status get_article(store *s, const char *id, json_out *o)
{
    store_status rc = STORE_OK;
    sqlite3_stmt *st = stmt(s, ST_GET_ARTICLE, SQL_GET_ARTICLE);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW) {
        if (r == SQLITE_DONE) {
            store_set_err(s, "no article '%s'", id);
            rc = STORE_NOTFOUND;
        } else {
            rc = store_sql_fail(s, r, "article");
        }
        sqlite3_reset(st);
        return rc;
    }
    store_item_write(o, RES_ARTICLES, st, 0, true);
    json_out_lit(o, ",\"body\":");
    store_col_write(o, st, ARTICLE_NCOLS, STORE_COL_TEXT);
    sqlite3_reset(st);
    if ((rc = write_embedded(s, stmt(s, ST_ARTICLE_FIGURES, SQL_ARTICLE_FIGURES), o, "figures",
                             RES_FIGURES, id)) != STORE_OK)
        return rc;
    if ((rc = write_embedded(s, stmt(s, ST_ARTICLE_LOCATIONS, SQL_ARTICLE_LOCATIONS), o,
                             "locations", RES_LOCATIONS, id)) != STORE_OK)
        return rc;
    if ((rc = write_embedded(s, stmt(s, ST_ARTICLE_SOURCES, SQL_ARTICLE_SOURCES), o, "sources",
                             RES_SOURCES, id)) != STORE_OK)
        return rc;
    json_out_raw(o, "}", 1);
    return STORE_OK;
}

/* A source, location or figure by id: the item alone. */
static store_status get_one(store *s, store_resource r, const char *id, json_out *o)
{
    static const struct {
        const char *name;
        int stmt;
        const char *sql;
    } by[RES__COUNT] = {
        [RES_SOURCES] = {"source", ST_GET_SOURCE, SQL_GET_SOURCE},
        [RES_LOCATIONS] = {"location", ST_GET_LOCATION, SQL_GET_LOCATION},
        [RES_FIGURES] = {"figure", ST_GET_FIGURE, SQL_GET_FIGURE},
    };
    store_status rc = STORE_OK;
    sqlite3_stmt *st = stmt(s, by[r].stmt, by[r].sql);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    int k = sqlite3_step(st);
    if (k == SQLITE_ROW) {
        store_item_write(o, r, st, 0, false);
    } else if (k == SQLITE_DONE) {
        store_set_err(s, "no %s '%s'", by[r].name, id);
        rc = STORE_NOTFOUND;
    } else {
        rc = store_sql_fail(s, k, by[r].name);
    }
    sqlite3_reset(st);
    return rc;
}

store_status store_get_json(store *s, store_resource r, const char *id, char **body, size_t *len)
{
    *body = NULL;
    *len = 0;
    if ((unsigned)r >= RES__COUNT) {
        store_set_err(s, "unknown resource");
        return STORE_ERR;
    }
    if (!id) {
        store_set_err(s, "no id");
        return STORE_NOTFOUND;
    }
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        return rc;
    json_out o;
    json_out_init(&o, STORE_JSON_MAX);
    rc = r == RES_ARTICLES ? get_article(s, id, &o) : get_one(s, r, id, &o);
    if (rc == STORE_OK && !(*body = json_out_take(&o, len))) {
        store_set_err(s, "out of memory, too large or invalid UTF-8");
        rc = STORE_ERR;
    }
    json_out_free(&o);
    rc = store_tx_end(s, rc);
    if (rc != STORE_OK) {
        free(*body);
        *body = NULL;
        *len = 0;
    }
    return rc;
}

store_status store_get(store *s, store_resource r, const char *id, json_t **out)
{
    char *body;
    size_t len;
    *out = NULL;
    store_status rc = store_get_json(s, r, id, &body, &len);
    if (rc != STORE_OK)
        return rc;
    *out = json_loadb(body, len, 0, NULL);
    free(body);
    if (!*out)
        return store_oom(s);
    return STORE_OK;
}

/* ---- store_meta ---------------------------------------------------------- */

/* Adds k = v to o, taking v; a NULL v (a failed build) or no memory clears
 * *ok. */
static void put(json_t *o, const char *k, json_t *v, bool *ok)
{
    if (json_object_set_new(o, k, v) != 0)
        *ok = false;
}

long long store_article_count(store *s)
{
    json_t *meta = NULL;
    long long n = -1;
    if (store_meta(s, &meta) == STORE_OK)
        n = json_integer_value(json_object_get(json_object_get(meta, "counts"), "articles"));
    json_decref(meta);
    return n;
}

store_status store_meta(store *s, json_t **out)
{
    static const char *const names[] = {"articles",  "figures",         "sources",
                                        "locations", "source_mentions", "location_mentions"};
    *out = NULL;
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        return rc;
    json_t *o = NULL;
    sqlite3_stmt *st = stmt(s, ST_META_COUNTS, SQL_META_COUNTS);
    if (!st) {
        rc = STORE_ERR;
        goto out;
    }
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW) {
        rc = store_sql_fail(s, r, "meta");
        sqlite3_reset(st);
        goto out;
    }
    bool ok = true;
    json_t *counts = json_object();
    if ((o = json_object())) {
        put(o, "schema_version", json_integer(s->schema_version), &ok);
        put(o, "sqlite_version", json_string(sqlite3_libversion()), &ok);
        put(o, "generation", store_col_int(st, 6), &ok);
        if (counts)
            for (int i = 0; i < 6; i++)
                put(counts, names[i], store_col_int(st, i), &ok);
        put(o, "counts", counts, &ok);
    } else {
        json_decref(counts);
    }
    sqlite3_reset(st);
    if (!o || !ok) {
        store_set_err(s, "out of memory");
        json_decref(o);
        o = NULL;
        rc = STORE_ERR;
    }
out:
    rc = store_tx_end(s, rc);
    if (rc != STORE_OK) {
        json_decref(o);
        o = NULL;
    }
    *out = o;
    return rc;
}
