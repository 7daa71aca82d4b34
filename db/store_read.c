/* store_read.c — items by id and facts about the database, as jansson
 * values in the API's shapes.
 *
 * One function per resource turns a row into its item; store_list uses the
 * same ones, so list items and GET-by-id items never drift apart. An article
 * by id also embeds its figures, and its places and parties each with their
 * mentions, read in the same transaction.
 *
 * Left out: embedded collections for sources and locations (their articles
 * are a list query away: ?source=, ?location=).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store_int.h"

/* ---- fixed read statements ---------------------------------------------- */

static const char *const SQL_GET_ARTICLE =
    "SELECT " ARTICLE_COLS ", t.body FROM " ARTICLE_FROM " WHERE t.id = ?1";
static const char *const SQL_GET_SOURCE = "SELECT " SOURCE_COLS " FROM " SOURCE_FROM " WHERE t.id = ?1";
static const char *const SQL_GET_LOCATION =
    "SELECT " LOCATION_COLS " FROM " LOCATION_FROM " WHERE t.id = ?1";
static const char *const SQL_GET_FIGURE = "SELECT " FIGURE_COLS " FROM " FIGURE_FROM " WHERE t.id = ?1";
static const char *const SQL_ARTICLE_FIGURES =
    "SELECT " FIGURE_COLS " FROM " FIGURE_FROM " WHERE t.article_id = ?1 ORDER BY t.ordinal";
/* One row per mention, grouped by place, places in order of first mention. */
static const char *const SQL_ARTICLE_LOCATIONS =
    "SELECT " LOCATION_COLS ", m.start, m.\"end\", m.text"
    " FROM location_mentions m JOIN locations t ON t.id = m.location_id"
    " LEFT JOIN locations p ON p.id = t.parent_id"
    " WHERE m.article_id = ?1"
    " ORDER BY (SELECT min(x.start) FROM location_mentions x"
    "           WHERE x.article_id = m.article_id AND x.location_id = m.location_id),"
    " t.id, m.start, m.\"end\"";
static const char *const SQL_ARTICLE_SOURCES =
    "SELECT " SOURCE_COLS ", m.start, m.\"end\", m.text, m.role"
    " FROM source_mentions m JOIN sources t ON t.id = m.source_id"
    " LEFT JOIN sources p ON p.id = t.parent_id"
    " WHERE m.article_id = ?1"
    " ORDER BY (SELECT min(x.start) FROM source_mentions x"
    "           WHERE x.article_id = m.article_id AND x.source_id = m.source_id),"
    " t.id, m.start, m.\"end\"";
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

/* ---- rows to JSON ------------------------------------------------------- */

/* Adds k = v to o, taking v; a NULL v (a failed build) or no memory clears
 * *ok. */
static void put(json_t *o, const char *k, json_t *v, bool *ok) {
    if (json_object_set_new(o, k, v) != 0)
        *ok = false;
}

static json_t *done(json_t *o, bool ok) {
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *store_col_str(sqlite3_stmt *st, int c) {
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    const char *p = (const char *)sqlite3_column_text(st, c);
    return p ? json_stringn(p, (size_t)sqlite3_column_bytes(st, c)) : NULL;
}

static json_t *col_int(sqlite3_stmt *st, int c) {
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    return json_integer(sqlite3_column_int64(st, c));
}

static json_t *col_real(sqlite3_stmt *st, int c) {
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    return json_real(sqlite3_column_double(st, c));
}

/* A figure's value: an integer when the number is integral. */
json_t *store_col_num(sqlite3_stmt *st, int c) {
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_NULL:
        return json_null();
    case SQLITE_INTEGER:
        return json_integer(sqlite3_column_int64(st, c));
    default: {
        double d = sqlite3_column_double(st, c);
        if (isfinite(d) && d == floor(d) && fabs(d) < 9007199254740992.0)
            return json_integer((json_int_t)d);
        return json_real(d);
    }
    }
}

/* {"id","name"} from two columns, or null when the id is NULL. */
static json_t *ref(sqlite3_stmt *st, int c_id, int c_name) {
    if (sqlite3_column_type(st, c_id) == SQLITE_NULL)
        return json_null();
    bool ok = true;
    json_t *o = json_object();
    if (!o)
        return NULL;
    put(o, "id", store_col_str(st, c_id), &ok);
    put(o, "name", store_col_str(st, c_name), &ok);
    return done(o, ok);
}

json_t *store_article_json(sqlite3_stmt *st, int c) {
    bool ok = true;
    json_t *o = json_object(), *counts = json_object();
    if (!o || !counts) {
        json_decref(o);
        json_decref(counts);
        return NULL;
    }
    put(o, "id", store_col_str(st, c), &ok);
    put(o, "title", store_col_str(st, c + 1), &ok);
    /* The first 160 characters, for lists of articles without a title. */
    put(o, "excerpt", store_col_str(st, c + 11), &ok);
    put(o, "outlet", ref(st, c + 2, c + 3), &ok);
    put(o, "url", store_col_str(st, c + 4), &ok);
    put(o, "published_at", store_col_str(st, c + 5), &ok);
    put(o, "language", store_col_str(st, c + 6), &ok);
    put(o, "n_chars", col_int(st, c + 7), &ok);
    put(counts, "figures", col_int(st, c + 8), &ok);
    put(counts, "locations", col_int(st, c + 9), &ok);
    put(counts, "sources", col_int(st, c + 10), &ok);
    put(o, "counts", counts, &ok);
    return done(o, ok);
}

json_t *store_source_json(sqlite3_stmt *st, int c) {
    bool ok = true;
    json_t *o = json_object(), *counts = json_object();
    if (!o || !counts) {
        json_decref(o);
        json_decref(counts);
        return NULL;
    }
    put(o, "id", store_col_str(st, c), &ok);
    put(o, "name", store_col_str(st, c + 1), &ok);
    put(o, "name_en", store_col_str(st, c + 2), &ok);
    put(o, "kind", store_col_str(st, c + 3), &ok);
    put(o, "affiliation", store_col_str(st, c + 4), &ok);
    put(o, "parent", ref(st, c + 5, c + 6), &ok);
    put(counts, "mentions", col_int(st, c + 7), &ok);
    put(counts, "figures", col_int(st, c + 8), &ok);
    put(counts, "articles", col_int(st, c + 9), &ok);
    put(o, "counts", counts, &ok);
    return done(o, ok);
}

json_t *store_location_json(sqlite3_stmt *st, int c) {
    bool ok = true;
    json_t *o = json_object(), *counts = json_object();
    if (!o || !counts) {
        json_decref(o);
        json_decref(counts);
        return NULL;
    }
    put(o, "id", store_col_str(st, c), &ok);
    put(o, "name", store_col_str(st, c + 1), &ok);
    put(o, "name_en", store_col_str(st, c + 2), &ok);
    put(o, "kind", store_col_str(st, c + 3), &ok);
    put(o, "lat", col_real(st, c + 4), &ok);
    put(o, "lon", col_real(st, c + 5), &ok);
    put(o, "approximate", json_boolean(sqlite3_column_int(st, c + 6) != 0), &ok);
    put(o, "parent", ref(st, c + 7, c + 8), &ok);
    put(counts, "mentions", col_int(st, c + 9), &ok);
    put(o, "counts", counts, &ok);
    return done(o, ok);
}

json_t *store_figure_json(sqlite3_stmt *st, int c) {
    bool ok = true;
    json_t *o = json_object();
    if (!o)
        return NULL;
    put(o, "id", store_col_str(st, c), &ok);
    put(o, "article_id", store_col_str(st, c + 1), &ok);
    put(o, "value", store_col_num(st, c + 2), &ok);
    put(o, "value_max", store_col_num(st, c + 3), &ok);
    put(o, "qualifier", store_col_str(st, c + 4), &ok);
    put(o, "type", store_col_str(st, c + 5), &ok);
    put(o, "object", store_col_str(st, c + 6), &ok);
    json_t *subject = json_object();
    if (subject) {
        put(subject, "category", store_col_str(st, c + 7), &ok);
        put(subject, "side", store_col_str(st, c + 8), &ok);
    }
    put(o, "subject", subject, &ok);
    json_t *claimant = json_null();
    if (sqlite3_column_type(st, c + 9) != SQLITE_NULL && (claimant = json_object())) {
        put(claimant, "id", store_col_str(st, c + 9), &ok);
        put(claimant, "name", store_col_str(st, c + 10), &ok);
        put(claimant, "kind", store_col_str(st, c + 11), &ok);
        put(claimant, "affiliation", store_col_str(st, c + 12), &ok);
    }
    put(o, "claimant", claimant, &ok);
    put(o, "stance", store_col_str(st, c + 13), &ok);
    json_t *loc = json_null();
    if (sqlite3_column_type(st, c + 14) != SQLITE_NULL && (loc = json_object())) {
        put(loc, "id", store_col_str(st, c + 14), &ok);
        put(loc, "name", store_col_str(st, c + 15), &ok);
        put(loc, "lat", col_real(st, c + 16), &ok);
        put(loc, "lon", col_real(st, c + 17), &ok);
    }
    put(o, "location", loc, &ok);
    json_t *span = json_object();
    if (span) {
        put(span, "start", col_int(st, c + 18), &ok);
        put(span, "end", col_int(st, c + 19), &ok);
        put(span, "text", store_col_str(st, c + 20), &ok);
    }
    put(o, "span", span, &ok);
    put(o, "quote", store_col_str(st, c + 21), &ok);
    json_t *qspan = json_object();
    if (qspan) {
        put(qspan, "start", col_int(st, c + 22), &ok);
        put(qspan, "end", col_int(st, c + 23), &ok);
    }
    put(o, "quote_span", qspan, &ok);
    return done(o, ok);
}

/* ---- store_get ----------------------------------------------------------- */

/* Appends to arr the article's places or parties, each with a "mentions"
 * array; st's rows are one mention each, grouped by item (ncols item
 * columns, then start, end, text and, when with_role, role). */
static store_status add_grouped(store *s, sqlite3_stmt *st, json_t *arr, int ncols,
                                json_t *(*row)(sqlite3_stmt *, int), bool with_role) {
    json_t *mentions = NULL;
    const char *cur_id = NULL;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        if (!id)
            continue;
        if (!cur_id || strcmp(cur_id, id) != 0) {
            json_t *item = row(st, 0);
            /* The _new calls take their value even when they fail. */
            if (!item || json_array_append_new(arr, item) != 0 || !(mentions = json_array()) ||
                json_object_set_new(item, "mentions", mentions) != 0)
                goto oom;
            cur_id = json_string_value(json_object_get(item, "id"));
        }
        bool ok = true;
        json_t *m = json_object();
        if (!m)
            goto oom;
        put(m, "start", col_int(st, ncols), &ok);
        put(m, "end", col_int(st, ncols + 1), &ok);
        put(m, "text", store_col_str(st, ncols + 2), &ok);
        if (with_role)
            put(m, "role", store_col_str(st, ncols + 3), &ok);
        if (!ok) {
            json_decref(m);
            goto oom;
        }
        if (json_array_append_new(mentions, m) != 0)
            goto oom;
    }
    return r == SQLITE_DONE ? STORE_OK : store_sql_fail(s, r, "article items");
oom:
    store_set_err(s, "out of memory or invalid UTF-8");
    return STORE_ERR;
}

static store_status get_article(store *s, const char *id, json_t **out) {
    store_status rc = STORE_OK;
    json_t *o = NULL, *arr = NULL;
    sqlite3_stmt *st = store_stmt(s, ST_GET_ARTICLE, SQL_GET_ARTICLE);
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
    bool ok = true;
    if ((o = store_article_json(st, 0)))
        put(o, "body", store_col_str(st, ARTICLE_NCOLS), &ok);
    sqlite3_reset(st);
    if (!o || !ok)
        goto oom;

    if (!(st = store_stmt(s, ST_ARTICLE_FIGURES, SQL_ARTICLE_FIGURES)))
        goto fail;
    if (!(arr = json_array()) || json_object_set_new(o, "figures", arr) != 0)
        goto oom;
    store_bind_text(st, 1, id);
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *f = store_figure_json(st, 0);
        if (!f || json_array_append_new(arr, f) != 0) {
            sqlite3_reset(st);
            goto oom;
        }
    }
    if (r != SQLITE_DONE) {
        rc = store_sql_fail(s, r, "figures");
        sqlite3_reset(st);
        goto out;
    }
    sqlite3_reset(st);

    if (!(st = store_stmt(s, ST_ARTICLE_LOCATIONS, SQL_ARTICLE_LOCATIONS)))
        goto fail;
    if (!(arr = json_array()) || json_object_set_new(o, "locations", arr) != 0)
        goto oom;
    store_bind_text(st, 1, id);
    rc = add_grouped(s, st, arr, LOCATION_NCOLS, store_location_json, false);
    sqlite3_reset(st);
    if (rc != STORE_OK)
        goto out;

    if (!(st = store_stmt(s, ST_ARTICLE_SOURCES, SQL_ARTICLE_SOURCES)))
        goto fail;
    if (!(arr = json_array()) || json_object_set_new(o, "sources", arr) != 0)
        goto oom;
    store_bind_text(st, 1, id);
    rc = add_grouped(s, st, arr, SOURCE_NCOLS, store_source_json, true);
    sqlite3_reset(st);
    goto out;
oom:
    store_set_err(s, "out of memory or invalid UTF-8");
fail:
    rc = STORE_ERR;
out:
    if (rc != STORE_OK) {
        json_decref(o);
        o = NULL;
    }
    *out = o;
    return rc;
}

/* A source, location or figure by id: the item alone. */
static store_status get_one(store *s, store_resource r, const char *id, json_t **out) {
    static const struct {
        const char *name;
        store_stmt_id stmt;
        const char *sql;
        json_t *(*row)(sqlite3_stmt *st, int c);
    } by[RES__COUNT] = {
        [RES_SOURCES] = {"source", ST_GET_SOURCE, SQL_GET_SOURCE, store_source_json},
        [RES_LOCATIONS] = {"location", ST_GET_LOCATION, SQL_GET_LOCATION, store_location_json},
        [RES_FIGURES] = {"figure", ST_GET_FIGURE, SQL_GET_FIGURE, store_figure_json},
    };
    store_status rc = STORE_OK;
    sqlite3_stmt *st = store_stmt(s, by[r].stmt, by[r].sql);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    int k = sqlite3_step(st);
    if (k == SQLITE_ROW) {
        if (!(*out = by[r].row(st, 0))) {
            store_set_err(s, "out of memory or invalid UTF-8");
            rc = STORE_ERR;
        }
    } else if (k == SQLITE_DONE) {
        store_set_err(s, "no %s '%s'", by[r].name, id);
        rc = STORE_NOTFOUND;
    } else {
        rc = store_sql_fail(s, k, by[r].name);
    }
    sqlite3_reset(st);
    return rc;
}

store_status store_get(store *s, store_resource r, const char *id, json_t **out) {
    *out = NULL;
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
    rc = r == RES_ARTICLES ? get_article(s, id, out) : get_one(s, r, id, out);
    rc = store_tx_end(s, rc);
    if (rc != STORE_OK) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

/* ---- store_meta ---------------------------------------------------------- */

store_status store_meta(store *s, json_t **out) {
    static const char *const names[] = {"articles",  "figures",         "sources",
                                        "locations", "source_mentions", "location_mentions"};
    *out = NULL;
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        return rc;
    json_t *o = NULL;
    sqlite3_stmt *st = store_stmt(s, ST_META_COUNTS, SQL_META_COUNTS);
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
        put(o, "generation", col_int(st, 6), &ok);
        if (counts)
            for (int i = 0; i < 6; i++)
                put(counts, names[i], col_int(st, i), &ok);
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
