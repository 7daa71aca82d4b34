/* store_compare.c — claims side by side: figures that count the same thing,
 * grouped across the parties that claim them.
 *
 * Grouping rule: same type, same subject category and side (and, for
 * materiel and munitions, the same object: tanks with tanks), same area (the
 * governorate the figure is about) and same period (month of publication;
 * articles without a date share one). The spread compares claimants: each
 * claimant's headline (its largest figure in the group), minimum and
 * maximum over claimants. One query aggregates every group over all its
 * claims however many there are; a second lists the first claims of each
 * group by value (a window function), bounded by claims_limit.
 *
 * Left out: grouping across types (killed vs casualties) and across nested
 * areas (a city's figures are in its governorate's group already).
 */
#include "db/store_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define COMPARE_FILTER                                                                            \
    " FROM figures f JOIN articles a ON a.id = f.article_id"                                     \
    " LEFT JOIN sources c ON c.id = f.claimant_id"                                               \
    " LEFT JOIN locations ar ON ar.id = f.area_id"                                               \
    " WHERE f.type <> 'count' AND f.subject_category IS NOT NULL"                                \
    " AND (?1 IS NULL OR f.type = ?1)"                                                           \
    " AND (?2 IS NULL OR f.location_id IN inside OR f.area_id IN inside)"                        \
    " AND (?3 IS NULL OR c.affiliation = ?3)"

#define COMPARE_INSIDE                                                                            \
    "WITH RECURSIVE inside(id) AS (SELECT ?2 UNION"                                              \
    " SELECT l.id FROM locations l JOIN inside ON l.parent_id = inside.id)"

/* Things are compared only with the same things (tanks with tanks); people
 * by category and side, whatever word counts them. */
#define GROUP_OBJECT "CASE WHEN f.subject_category IN ('materiel', 'munitions') THEN f.object END"
#define GROUP_KEY                                                                                 \
    "f.type, f.subject_category, f.subject_side, f.area_id, substr(a.published_at, 1, 7), " GROUP_OBJECT

/* Per group: claims, claimants, and the spread of the claimants' headline
 * figures (each claimant's largest in the group): a breakdown that a
 * claimant gives beside its total ("among them 24 officers") must not pass
 * for a disagreement between parties. */
static const char SQL_GROUPS[] =
    COMPARE_INSIDE ", per AS (SELECT f.type AS t, f.subject_category AS c, f.subject_side AS s,"
    " f.area_id AS area, ar.name AS area_name, substr(a.published_at, 1, 7) AS period,"
    " " GROUP_OBJECT " AS object, coalesce(f.claimant_id, '') AS claimant, count(*) AS n,"
    " max(coalesce(f.value_max, f.value)) AS headline" COMPARE_FILTER
    " GROUP BY " GROUP_KEY ", coalesce(f.claimant_id, ''))"
    " SELECT t, c, s, area, area_name, period, sum(n), count(*), min(headline), max(headline),"
    " object FROM per GROUP BY t, c, s, area, period, object HAVING count(*) >= ?4";

static const char SQL_CLAIMS[] =
    COMPARE_INSIDE
    " SELECT * FROM (SELECT f.type, f.subject_category, f.subject_side, f.area_id,"
    " substr(a.published_at, 1, 7) AS period, " GROUP_OBJECT ", f.id, f.value, f.value_max, f.qualifier, f.stance,"
    " f.object, f.claimant_id, c.name, c.kind, c.affiliation, f.article_id, f.quote, f.start,"
    " f.\"end\", f.span_text, f.quote_start, f.quote_end,"
    " row_number() OVER (PARTITION BY " GROUP_KEY " ORDER BY f.value IS NULL, f.value, f.id) AS rn"
    COMPARE_FILTER ") WHERE rn <= ?5";

/* The six key columns equal, NULL equal to NULL. */
static bool same_key(sqlite3_stmt *st, const json_t *key)
{
    static const char *const names[] = {"type", "category", "side", "area", "period", "object"};
    for (int i = 0; i < 6; i++) {
        const json_t *want = json_object_get(key, names[i]);
        const char *have = (const char *)sqlite3_column_text(st, i);
        if (!have != json_is_null(want))
            return false;
        if (have && strcmp(have, json_string_value(want)) != 0)
            return false;
    }
    return true;
}

static void bind_query(sqlite3_stmt *st, const store_compare_query *q)
{
    store_bind_text(st, 1, q->type);
    store_bind_text(st, 2, q->location);
    store_bind_text(st, 3, q->affiliation);
    sqlite3_bind_int(st, 4, q->min_claimants < 1 ? 1 : q->min_claimants);
    sqlite3_bind_int(st, 5, q->claims_limit);
}

typedef struct group {
    json_t *obj;   /* the group as served */
    json_t *key;   /* type, category, side, area, period: for matching claims */
    long long n_claimants;
    double ratio;  /* NAN when unknown */
} group;

static int by_interest(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->n_claimants != y->n_claimants)
        return x->n_claimants > y->n_claimants ? -1 : 1;
    double rx = isnan(x->ratio) ? 0 : x->ratio, ry = isnan(y->ratio) ? 0 : y->ratio;
    return rx > ry ? -1 : rx < ry;
}

static json_t *claim_json(sqlite3_stmt *st)
{
    json_t *claimant = sqlite3_column_type(st, 12) == SQLITE_NULL
                           ? json_null()
                           : json_pack("{s:o, s:o, s:o, s:o}", "id", store_col_str(st, 12), "name",
                                       store_col_str(st, 13), "kind", store_col_str(st, 14),
                                       "affiliation", store_col_str(st, 15));
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:{s:I, s:I, s:o}, s:{s:I, s:I}}",
                     "figure_id",
                     store_col_str(st, 6), "value", store_col_num(st, 7), "value_max",
                     store_col_num(st, 8), "qualifier", store_col_str(st, 9), "stance",
                     store_col_str(st, 10), "object", store_col_str(st, 11), "claimant",
                     claimant ? claimant : json_null(), "article_id", store_col_str(st, 16), "quote",
                     store_col_str(st, 17), "span", "start", (json_int_t)sqlite3_column_int64(st, 18),
                     "end", (json_int_t)sqlite3_column_int64(st, 19), "text", store_col_str(st, 20),
                     "quote_span", "start", (json_int_t)sqlite3_column_int64(st, 21), "end",
                     (json_int_t)sqlite3_column_int64(st, 22));
}

store_status store_compare(store *s, const store_compare_query *q, json_t **out)
{
    *out = NULL;
    group *groups = NULL;
    size_t n = 0, cap = 0;
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        return rc;
    sqlite3_stmt *st = store_dyn_stmt_get(s, SQL_GROUPS);
    if (!st) {
        rc = STORE_ERR;
        goto out;
    }
    bind_query(st, q);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            group *grown = realloc(groups, cap * sizeof *grown);
            if (!grown) {
                store_set_err(s, "out of memory");
                rc = STORE_ERR;
                break;
            }
            groups = grown;
        }
        group *g = &groups[n];
        double lo = sqlite3_column_double(st, 8), hi = sqlite3_column_double(st, 9);
        bool have = sqlite3_column_type(st, 8) != SQLITE_NULL;
        g->ratio = have && lo > 0 ? hi / lo : NAN;
        g->n_claimants = sqlite3_column_int64(st, 7);
        g->key = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "type", store_col_str(st, 0),
                           "category", store_col_str(st, 1), "side", store_col_str(st, 2), "area",
                           store_col_str(st, 3), "period", store_col_str(st, 5), "object",
                           store_col_str(st, 10));
        json_t *area = sqlite3_column_type(st, 3) == SQLITE_NULL
                           ? json_null()
                           : json_pack("{s:o, s:o}", "id", store_col_str(st, 3), "name",
                                       store_col_str(st, 4));
        g->obj = json_pack(
            "{s:{s:o, s:{s:o, s:o}, s:o, s:o, s:o}, s:[], s:I, s:I, s:{s:o, s:o, s:o}}", "key",
            "type", store_col_str(st, 0), "subject", "category", store_col_str(st, 1), "side",
            store_col_str(st, 2), "object", store_col_str(st, 10), "area", area ? area : json_null(),
            "period", store_col_str(st, 5),
            "claims", "n_claims", (json_int_t)sqlite3_column_int64(st, 6), "n_claimants",
            (json_int_t)g->n_claimants, "spread", "min", store_col_num(st, 8), "max",
            store_col_num(st, 9), "ratio",
            isnan(g->ratio) ? json_null() : json_real(round(g->ratio * 1000) / 1000));
        if (!g->key || !g->obj) {
            json_decref(g->key);
            json_decref(g->obj);
            store_set_err(s, "out of memory");
            rc = STORE_ERR;
            break;
        }
        n++;
    }
    if (rc == STORE_OK && r != SQLITE_DONE)
        rc = store_sql_fail(s, r, "compare groups");
    sqlite3_reset(st);
    if (rc != STORE_OK)
        goto out;

    /* The claims, in group order: each row joins the group with its key
     * (few groups: a linear search is cheaper than a map). */
    st = store_dyn_stmt_get(s, SQL_CLAIMS);
    if (!st) {
        rc = STORE_ERR;
        goto out;
    }
    bind_query(st, q);
    size_t hint = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        size_t k = hint;
        for (size_t tried = 0; tried < n && !same_key(st, groups[k].key); tried++)
            k = (k + 1) % n;
        if (n == 0 || !same_key(st, groups[k].key))
            continue; /* a group below min_claimants */
        hint = k;
        json_t *claim = claim_json(st);
        if (!claim || json_array_append_new(json_object_get(groups[k].obj, "claims"), claim) != 0) {
            store_set_err(s, "out of memory");
            rc = STORE_ERR;
            break;
        }
    }
    if (rc == STORE_OK && r != SQLITE_DONE)
        rc = store_sql_fail(s, r, "compare claims");
    sqlite3_reset(st);
    if (rc != STORE_OK)
        goto out;

    if (n > 1)
        qsort(groups, n, sizeof *groups, by_interest);
    json_t *arr = json_array();
    size_t shown = q->groups_limit > 0 && (size_t)q->groups_limit < n ? (size_t)q->groups_limit : n;
    for (size_t i = 0; arr && i < shown; i++) {
        json_array_append(arr, groups[i].obj);
    }
    *out = arr ? json_pack("{s:o, s:I}", "groups", arr, "total", (json_int_t)n) : NULL;
    if (!*out) {
        store_set_err(s, "out of memory");
        rc = STORE_ERR;
    }
out:
    for (size_t i = 0; i < n; i++) {
        json_decref(groups[i].key);
        json_decref(groups[i].obj);
    }
    free(groups);
    return store_tx_end(s, rc);
}
