/* store_columns.c — rows as API items, from the column lists of
 * store_columns.h: one builder walks a resource's columns in order and puts
 * each into the item (or into its group's nested object), so the SELECT
 * list, the JSON and the CSV columns cannot drift apart.
 *
 * Two walks over the same lists: store_item_write writes a row's JSON
 * bytes straight into a buffer (the hot path: an article by id, a page of
 * a list, rendered on every request that misses the response cache), and
 * build() makes jansson values for what works on trees (compare, search,
 * `marsad extract`). tests/db/test_store_columns.c holds the two to the
 * same bytes for every resource. Neither allocates per field beyond its
 * output; group names are compared pointer first.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "db/json_out.h"
#include "db/store_columns.h"
#include "db/store_int.h"

#define STORE_COL_ROW(group, key, sql, kind, flags) {group, key, sql, kind, flags},

static const store_column ARTICLE_TABLE[] = {ARTICLE_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column SOURCE_TABLE[] = {SOURCE_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column LOCATION_TABLE[] = {LOCATION_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column FIGURE_TABLE[] = {FIGURE_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};
static const store_column FIGURE_HIT_TABLE[] = {FIGURE_HIT_COLUMNS(STORE_COL_ROW, STORE_COL_ROW)};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

#define BIND_ROW(col, param, kind, field) {col, kind, offsetof(store_figure_rec, field), 0},
#define BIND_ROW_NUM(col, field, has) \
    {col, STORE_BIND_NUM, offsetof(store_figure_rec, field), offsetof(store_figure_rec, has)},
const store_bind_def store_figure_binds[FIGURE_NWRITES] = {FIGURE_WRITES(BIND_ROW, BIND_ROW_NUM)};

static const struct {
    const store_column *cols;
    size_t n;
} TABLES[RES__COUNT] = {
    [RES_ARTICLES] = {ARTICLE_TABLE, COUNT_OF(ARTICLE_TABLE)},
    [RES_SOURCES] = {SOURCE_TABLE, COUNT_OF(SOURCE_TABLE)},
    [RES_LOCATIONS] = {LOCATION_TABLE, COUNT_OF(LOCATION_TABLE)},
    [RES_FIGURES] = {FIGURE_TABLE, COUNT_OF(FIGURE_TABLE)},
};

const store_column *store_columns(store_resource r, size_t *n)
{
    if ((unsigned)r >= RES__COUNT)
        r = RES_ARTICLES;
    *n = TABLES[r].n;
    return TABLES[r].cols;
}

json_t *store_col_str(sqlite3_stmt *st, int c)
{
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    const char *p = (const char *)sqlite3_column_text(st, c);
    return p ? json_stringn(p, (size_t)sqlite3_column_bytes(st, c)) : NULL;
}

json_t *store_col_int(sqlite3_stmt *st, int c)
{
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    return json_integer(sqlite3_column_int64(st, c));
}

static json_t *col_real(sqlite3_stmt *st, int c)
{
    if (sqlite3_column_type(st, c) == SQLITE_NULL)
        return json_null();
    return json_real(sqlite3_column_double(st, c));
}

json_t *store_num_json(double d)
{
    if (isfinite(d) && d == floor(d) && fabs(d) < 9007199254740992.0)
        return json_integer((json_int_t)d);
    return json_real(d);
}

/* A figure's value: an integer when the number is integral. */
json_t *store_col_num(sqlite3_stmt *st, int c)
{
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_NULL: return json_null();
    case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, c));
    default: return store_num_json(sqlite3_column_double(st, c));
    }
}

static json_t *col_value(sqlite3_stmt *st, int c, store_col_kind kind)
{
    switch (kind) {
    case STORE_COL_INT: return store_col_int(st, c);
    case STORE_COL_REAL: return col_real(st, c);
    case STORE_COL_NUM: return store_col_num(st, c);
    case STORE_COL_BOOL: return json_boolean(sqlite3_column_int(st, c) != 0);
    default: return store_col_str(st, c);
    }
}

static bool same_group(const char *a, const char *b)
{
    return a == b || strcmp(a, b) == 0;
}

/* Where a row's values come from: st's columns c... or, for a figure not
 * stored (marsad extract), item. */
typedef struct row_src {
    sqlite3_stmt *st;
    int c;
    const store_figure_item *item;
} row_src;

static json_t *str_or_null(const char *p)
{
    return p ? json_string(p) : json_null();
}

/* Column col of a figure not stored: the columns of the figures table from
 * its record (by the name FIGURE_WRITES gives them), the rest from what
 * the store would join. NULL for a column it cannot fill. Not on the hot
 * path: only `marsad extract` builds items this way. */
static json_t *item_value(const store_figure_item *it, const store_column *col)
{
    static const struct {
        const char *sql;
        size_t at;
        bool real;
    } joined[] = {
        {"t.id", offsetof(store_figure_item, id), false},
        {"t.article_id", offsetof(store_figure_item, article_id), false},
        {"c.name", offsetof(store_figure_item, claimant_name), false},
        {"c.kind", offsetof(store_figure_item, claimant_kind), false},
        {"c.affiliation", offsetof(store_figure_item, claimant_affiliation), false},
        {"c.bloc", offsetof(store_figure_item, claimant_bloc), false},
        {"sp.name", offsetof(store_figure_item, subject_party_name), false},
        {"l.name", offsetof(store_figure_item, location_name), false},
        {"l.lat", offsetof(store_figure_item, location_lat), true},
        {"l.lon", offsetof(store_figure_item, location_lon), true},
    };
    const char *base = (const char *)it;
    for (size_t k = 0; k < COUNT_OF(joined); k++)
        if (strcmp(col->sql, joined[k].sql) == 0)
            return joined[k].real
                       ? json_real(*(const double *)(const void *)(base + joined[k].at))
                       : str_or_null(*(const char *const *)(const void *)(base + joined[k].at));
    if (strncmp(col->sql, "t.", 2) != 0)
        return NULL;
    const char *rec = (const char *)it->f;
    for (size_t k = 0; k < FIGURE_NWRITES; k++) {
        const store_bind_def *b = &store_figure_binds[k];
        if (strcmp(col->sql + 2, b->column) != 0)
            continue;
        const char *at = rec + b->at;
        switch (b->kind) {
        case STORE_BIND_TEXT: return str_or_null(*(const char *const *)(const void *)at);
        case STORE_BIND_U32: return json_integer(*(const uint32_t *)(const void *)at);
        case STORE_BIND_BOOL: return json_boolean(*(const bool *)(const void *)at);
        case STORE_BIND_NUM:
            if (!*(const bool *)(const void *)(rec + b->has_at))
                return json_null();
            return store_num_json(*(const double *)(const void *)at);
        }
    }
    return NULL;
}

static json_t *src_value(const row_src *src, size_t i, const store_column *col)
{
    if (src->st)
        return col_value(src->st, src->c + (int)i, col->kind);
    return item_value(src->item, col);
}

/* Builds the item of columns cols[0..n). A NULL value (out of memory,
 * invalid UTF-8, a column an unstored figure cannot fill) fails the whole
 * item. */
static json_t *build(const store_column *cols, size_t n, const row_src *src)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    const char *group = "";
    json_t *into = o; /* the current group's object; NULL when the group is null */
    for (size_t i = 0; i < n; i++) {
        const store_column *col = &cols[i];
        json_t *v = NULL;
        if (!same_group(col->group, group)) {
            group = col->group;
            /* A group "a.b" is the object b inside a (a's columns come first). */
            json_t *parent = o;
            const char *name = group, *dot = strchr(group, '.');
            if (dot) {
                parent = json_object_getn(o, group, (size_t)(dot - group));
                name = dot + 1;
                if (!json_is_object(parent))
                    goto fail;
            }
            into = parent;
            if (group[0]) {
                if (col->flags & STORE_COL_NULL_GROUP) {
                    if (!(v = src_value(src, i, col)))
                        goto fail;
                    if (json_is_null(v)) {
                        into = NULL;
                        if (json_object_set_new(parent, name, v) != 0)
                            goto fail;
                        continue;
                    }
                }
                /* o holds the group from here on; into borrows it. */
                into = json_object();
                if (json_object_set_new(parent, name, into) != 0) {
                    json_decref(v);
                    goto fail;
                }
            }
        }
        if (!into)
            continue;
        if (!v)
            v = src_value(src, i, col);
        if (json_object_set_new(into, col->key, v) != 0) /* takes v, even when it fails */
            goto fail;
    }
    return o;
fail:
    json_decref(o);
    return NULL;
}

/* ---- rows as bytes ------------------------------------------------------ */

/* store_col_write with the column's type already asked (type: its
 * sqlite3_column_type), as store_item_write has it. */
static void col_write_typed(json_out *o, sqlite3_stmt *st, int c, store_col_kind kind, int type)
{
    if (kind == STORE_COL_BOOL) {
        json_out_lit(o, sqlite3_column_int(st, c) ? "true" : "false");
        return;
    }
    if (type == SQLITE_NULL) {
        json_out_lit(o, "null");
        return;
    }
    switch (kind) {
    case STORE_COL_INT: json_out_int(o, sqlite3_column_int64(st, c)); return;
    case STORE_COL_REAL: json_out_real(o, sqlite3_column_double(st, c)); return;
    case STORE_COL_NUM:
        if (type == SQLITE_INTEGER) {
            json_out_int(o, sqlite3_column_int64(st, c));
        } else {
            double d = sqlite3_column_double(st, c);
            /* store_num_json's rule: integral values as integers. */
            if (isfinite(d) && d == floor(d) && fabs(d) < 9007199254740992.0)
                json_out_int(o, (long long)d);
            else
                json_out_real(o, d);
        }
        return;
    default: {
        const char *p = (const char *)sqlite3_column_text(st, c);
        if (!p) {
            o->failed = true; /* out of memory converting the value */
            return;
        }
        json_out_str(o, p, (size_t)sqlite3_column_bytes(st, c));
        return;
    }
    }
}

void store_col_write(json_out *o, sqlite3_stmt *st, int c, store_col_kind kind)
{
    col_write_typed(o, st, c, kind,
                    kind == STORE_COL_BOOL ? SQLITE_INTEGER : sqlite3_column_type(st, c));
}

/* Part of a group name into out, cut to fit as snprintf would. */
static void copy_part(char out[64], const char *from, size_t len)
{
    if (len > 63)
        len = 63;
    memcpy(out, from, len);
    out[len] = '\0';
}

/* A group name "outer.inner" split at its dot into out[0] and out[1]
 * ("" when absent): one level of nesting (a figure's subject.party). Done
 * for every column of every row written, so without printf. */
static void split_group(const char *group, char out[2][64])
{
    const char *dot = strchr(group, '.');
    copy_part(out[0], group, dot ? (size_t)(dot - group) : strlen(group));
    copy_part(out[1], dot ? dot + 1 : "", dot ? strlen(dot + 1) : 0);
}

/* Writes "," unless *first, then clears *first. */
static void separate(json_out *o, bool *first)
{
    if (!*first)
        json_out_raw(o, ",", 1);
    *first = false;
}

/* Where a table's columns open groups is the same for every row: worked
 * out once per table, not by comparing group names at every column of
 * every row written. */
#define MAX_TABLE_COLUMNS 64
typedef struct col_layout {
    bool starts[2];   /* a group begins at this column: outer, nested */
    char name[2][64]; /* the column's group names ("" none) */
    char member[72];  /* ,"key": written at once (the comma skipped when first) */
    size_t member_len;
} col_layout;
static col_layout layouts[RES__COUNT][MAX_TABLE_COLUMNS];
static pthread_once_t layouts_once = PTHREAD_ONCE_INIT;

static void layouts_init(void)
{
    for (int r = 0; r < RES__COUNT; r++) {
        char cur[2][64] = {"", ""};
        for (size_t i = 0; i < TABLES[r].n; i++) {
            col_layout *lay = &layouts[r][i];
            split_group(TABLES[r].cols[i].group, lay->name);
            /* the tables' own ASCII names; one too long is written by parts */
            int len = snprintf(lay->member, sizeof lay->member, ",\"%s\":", TABLES[r].cols[i].key);
            lay->member_len = len > 0 && (size_t)len < sizeof lay->member ? (size_t)len : 0;
            for (int level = 0; level < 2; level++) {
                lay->starts[level] = strcmp(cur[level], lay->name[level]) != 0;
                if (!lay->starts[level])
                    continue;
                cur[1][0] = '\0'; /* a new group at a level ends the nested one */
                memcpy(cur[level], lay->name[level], sizeof cur[level]);
            }
        }
    }
}

void store_item_write(json_out *o, store_resource r, sqlite3_stmt *st, int c, bool leave_open)
{
    pthread_once(&layouts_once, layouts_init);
    const store_column *cols = TABLES[r].cols;
    size_t n = TABLES[r].n;
    bool open[2] = {false, false}, null[2] = {false, false};
    bool first[3] = {true, true, true}; /* the item, the group, the nested group */
    json_out_raw(o, "{", 1);
    for (size_t i = 0; i < n; i++) {
        const store_column *col = &cols[i];
        const col_layout *lay = &layouts[r][i];
        int type = sqlite3_column_type(st, c + (int)i);
        bool is_null = type == SQLITE_NULL;
        for (int level = 0; level < 2; level++) {
            if (!lay->starts[level])
                continue;
            /* a new group at this level: close what was open at it and below */
            for (int k = 1; k >= level; k--) {
                if (open[k])
                    json_out_raw(o, "}", 1);
                open[k] = null[k] = false;
            }
            if (!lay->name[level][0] || (level == 1 && null[0]))
                continue;
            separate(o, &first[level]);
            json_out_key(o, lay->name[level]);
            /* a nullable group's first column decides; an outer one only when
             * the column is its own (not a nested group's) */
            if ((col->flags & STORE_COL_NULL_GROUP) && is_null &&
                (level == 1 || !lay->name[1][0])) {
                json_out_lit(o, "null");
                null[level] = true;
            } else {
                json_out_raw(o, "{", 1);
                open[level] = true;
                first[level + 1] = true;
            }
        }
        if (null[0] || null[1])
            continue;
        bool *lead = &first[open[1] ? 2 : open[0] ? 1 : 0];
        if (lay->member_len) {
            json_out_raw(o, lay->member + *lead, lay->member_len - *lead);
            *lead = false;
        } else { /* a key too long for member */
            separate(o, lead);
            json_out_key(o, col->key);
        }
        col_write_typed(o, st, c + (int)i, col->kind, type);
    }
    for (int k = 1; k >= 0; k--)
        if (open[k])
            json_out_raw(o, "}", 1);
    if (!leave_open)
        json_out_raw(o, "}", 1);
}

/* ---- rows as jansson values --------------------------------------------- */

static json_t *row_json(const store_column *cols, size_t n, sqlite3_stmt *st, int c)
{
    const row_src src = {st, c, NULL};
    return build(cols, n, &src);
}

json_t *store_figure_item_json(const store_figure_item *item)
{
    const row_src src = {NULL, 0, item};
    return build(FIGURE_TABLE, COUNT_OF(FIGURE_TABLE), &src);
}

/* For compare, which still builds its answer as a tree. */
json_t *store_figure_json(sqlite3_stmt *st, int c)
{
    return row_json(FIGURE_TABLE, COUNT_OF(FIGURE_TABLE), st, c);
}

json_t *store_figure_hit_json(sqlite3_stmt *st)
{
    return row_json(FIGURE_HIT_TABLE, COUNT_OF(FIGURE_HIT_TABLE), st, 0);
}

_Static_assert(COUNT_OF(ARTICLE_TABLE) == ARTICLE_NCOLS, "article columns");
_Static_assert(COUNT_OF(SOURCE_TABLE) == SOURCE_NCOLS, "source columns");
_Static_assert(COUNT_OF(LOCATION_TABLE) == LOCATION_NCOLS, "location columns");
_Static_assert(COUNT_OF(FIGURE_TABLE) == FIGURE_NCOLS, "figure columns");
_Static_assert(COUNT_OF(ARTICLE_TABLE) <= MAX_TABLE_COLUMNS &&
                   COUNT_OF(SOURCE_TABLE) <= MAX_TABLE_COLUMNS &&
                   COUNT_OF(LOCATION_TABLE) <= MAX_TABLE_COLUMNS &&
                   COUNT_OF(FIGURE_TABLE) <= MAX_TABLE_COLUMNS,
               "a table's layout fits");
