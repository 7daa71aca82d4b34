/* store_columns.c — rows as API items, from the column lists of
 * store_columns.h: one builder walks a resource's columns in order and puts
 * each into the item (or into its group's nested object), so the SELECT
 * list, the JSON and the CSV columns cannot drift apart.
 *
 * Hot path: a list renders up to STORE_MAX_LIMIT rows this way; the walk
 * only compares group names (pointer first) and allocates nothing beyond
 * the jansson values themselves.
 */
#include <math.h>
#include <string.h>

#include "db/store_columns.h"
#include "db/store_int.h"

#define STORE_COL_ROW(group, key, sql, kind, flags) {group, key, sql, kind, flags},

static const store_column ARTICLE_TABLE[] = {ARTICLE_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column SOURCE_TABLE[] = {SOURCE_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column LOCATION_TABLE[] = {LOCATION_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column FIGURE_TABLE[] = {FIGURE_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column CLAIM_TABLE[] = {CLAIM_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column FIGURE_HIT_TABLE[] = {FIGURE_HIT_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const store_column *cols;
    size_t n;
} TABLES[RES__COUNT] = {
    [RES_ARTICLES] = {ARTICLE_TABLE, COUNT_OF(ARTICLE_TABLE)},
    [RES_SOURCES] = {SOURCE_TABLE, COUNT_OF(SOURCE_TABLE)},
    [RES_LOCATIONS] = {LOCATION_TABLE, COUNT_OF(LOCATION_TABLE)},
    [RES_FIGURES] = {FIGURE_TABLE, COUNT_OF(FIGURE_TABLE)},
};

const store_column *store_columns(store_resource r, size_t *n) {
    if ((unsigned)r >= RES__COUNT)
        r = RES_ARTICLES;
    *n = TABLES[r].n;
    return TABLES[r].cols;
}

json_t *store_col_str(sqlite3_stmt *st, int c) {
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    const char *p = (const char *)sqlite3_column_text(st, c);
    return p ? json_stringn(p, (size_t)sqlite3_column_bytes(st, c)) : NULL;
}

json_t *store_col_int(sqlite3_stmt *st, int c) {
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

static json_t *col_value(sqlite3_stmt *st, int c, store_col_kind kind) {
    switch (kind) {
    case STORE_COL_INT: return store_col_int(st, c);
    case STORE_COL_REAL: return col_real(st, c);
    case STORE_COL_NUM: return store_col_num(st, c);
    case STORE_COL_BOOL: return json_boolean(sqlite3_column_int(st, c) != 0);
    default: return store_col_str(st, c);
    }
}

static bool same_group(const char *a, const char *b) {
    return a == b || strcmp(a, b) == 0;
}

/* Builds the item of columns cols[0..n) read from st's columns c... A NULL
 * value (out of memory, invalid UTF-8) fails the whole item. */
static json_t *row_json(const store_column *cols, size_t n, sqlite3_stmt *st, int c) {
    json_t *o = json_object();
    if (!o)
        return NULL;
    const char *group = "";
    json_t *into = o; /* the current group's object; NULL when the group is null */
    for (size_t i = 0; i < n; i++) {
        const store_column *col = &cols[i];
        if (!same_group(col->group, group)) {
            group = col->group;
            if (!group[0]) {
                into = o;
            } else if ((col->flags & STORE_COL_NULL_GROUP) &&
                       sqlite3_column_type(st, c + (int)i) == SQLITE_NULL) {
                into = NULL;
                if (json_object_set_new(o, group, json_null()) != 0)
                    goto fail;
            } else {
                /* o holds the group from here on; into borrows it. */
                into = json_object();
                if (json_object_set_new(o, group, into) != 0)
                    goto fail;
            }
        }
        if (into && json_object_set_new(into, col->key, col_value(st, c + (int)i, col->kind)) != 0)
            goto fail;
    }
    return o;
fail:
    json_decref(o);
    return NULL;
}

json_t *store_article_json(sqlite3_stmt *st, int c) {
    return row_json(ARTICLE_TABLE, COUNT_OF(ARTICLE_TABLE), st, c);
}

json_t *store_source_json(sqlite3_stmt *st, int c) {
    return row_json(SOURCE_TABLE, COUNT_OF(SOURCE_TABLE), st, c);
}

json_t *store_location_json(sqlite3_stmt *st, int c) {
    return row_json(LOCATION_TABLE, COUNT_OF(LOCATION_TABLE), st, c);
}

json_t *store_figure_json(sqlite3_stmt *st, int c) {
    return row_json(FIGURE_TABLE, COUNT_OF(FIGURE_TABLE), st, c);
}

json_t *store_claim_json(sqlite3_stmt *st) {
    return row_json(CLAIM_TABLE, COUNT_OF(CLAIM_TABLE), st, 0);
}

json_t *store_figure_hit_json(sqlite3_stmt *st) {
    return row_json(FIGURE_HIT_TABLE, COUNT_OF(FIGURE_HIT_TABLE), st, 0);
}

_Static_assert(COUNT_OF(ARTICLE_TABLE) == ARTICLE_NCOLS, "article columns");
_Static_assert(COUNT_OF(SOURCE_TABLE) == SOURCE_NCOLS, "source columns");
_Static_assert(COUNT_OF(LOCATION_TABLE) == LOCATION_NCOLS, "location columns");
_Static_assert(COUNT_OF(FIGURE_TABLE) == FIGURE_NCOLS, "figure columns");
