/* store_compare.c — claims side by side: figures that count the same thing,
 * grouped across the parties that claim them.
 *
 * Grouping rule: same type, same subject category and side (and, for
 * materiel and munitions, the same object: tanks with tanks), same area (the
 * governorate the figure is about) and same period (month of publication;
 * articles without a date share one). The spread compares claimants: each
 * claimant's headline (its largest figure in the group), minimum and
 * maximum over claimants.
 *
 * Cost: the groups come from claim_cells (schema.sql), one row per group
 * and claimant that triggers keep, so a comparison reads those rows, not
 * every figure; the claims of each group shown are read in value order
 * from the figures_group index, claims_limit of them. A location that
 * holds governorates (a country, a governorate) filters the cells by area;
 * a smaller place (a city, a neighbourhood) has no cells of its own, so its
 * groups are summed from the figures placed inside it.
 *
 * Left out: grouping across types (killed vs casualties) and across nested
 * areas (a city's figures are in its governorate's group already).
 */
#include "db/store_int.h"
#include "extract/grow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Claimant '' is "nobody named": every key column uses '' for NULL. */
#define CELL_COLS "k.type, k.category, k.side, k.area_id, k.period, k.object, k.claimant_id"

/* The figures of a place below governorate level, summed as cells are. */
#define FIGURE_CELLS                                                                              \
    STORE_CELLS_SELECT " AND f.location_id IN " STORE_PLACES_WITHIN("?2")                         \
    " AND (?1 IS NULL OR f.type = ?1) GROUP BY 1, 2, 3, 4, 5, 6, 7"

typedef enum scope { SCOPE_ALL, SCOPE_AREAS, SCOPE_PLACES } scope;

/* Groups: the six key columns, then claims, claimants, min and max
 * headline, the area's name. ?1 type, ?2 location, ?3 affiliation, ?4
 * min_claimants; a NULL ?1 or ?3 is no filter (one plan serves both: the
 * cells are few). */
static void groups_sql(sbuf *b, scope where)
{
    sb_add(b, "WITH cells AS (");
    if (where == SCOPE_PLACES)
        sb_add(b, FIGURE_CELLS);
    else
        sb_add(b, "SELECT " CELL_COLS ", k.n, k.headline FROM claim_cells k"
                    " WHERE (?1 IS NULL OR k.type = ?1)");
    if (where == SCOPE_AREAS)
        sb_add(b, " AND k.area_id IN " STORE_PLACES_WITHIN("?2"));
    sb_add(b, ") SELECT k.type, k.category, k.side, k.area_id, k.period, k.object, sum(k.n),"
                " count(*), min(k.headline), max(k.headline), ar.name FROM cells k"
                " LEFT JOIN sources c ON c.id = k.claimant_id"
                " LEFT JOIN locations ar ON ar.id = k.area_id"
                " WHERE (?3 IS NULL OR c.affiliation = ?3)"
                " GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) >= ?4");
}

/* The first claims of one group in value order (unknown values last),
 * along the figures_group index. ?1-?5 the key, ?6 the object (materiel
 * and munitions), ?7 affiliation, ?8 location, ?9 the limit. */
static void claims_sql(sbuf *b, scope where, bool by_object)
{
    sb_add(b, "SELECT " CLAIM_COLS " FROM figures f"
                " LEFT JOIN sources c ON c.id = f.claimant_id"
                " WHERE f.type = ?1 AND f.subject_category = ?2 AND f.subject_side IS ?3"
                " AND f.area_id IS ?4 AND f.period IS ?5 AND (?7 IS NULL OR c.affiliation = ?7)");
    if (by_object)
        sb_add(b, " AND f.object IS ?6");
    if (where == SCOPE_PLACES)
        sb_add(b, " AND f.location_id IN " STORE_PLACES_WITHIN("?8"));
    /* Ties in storage order (rowid, the index's own last column): by id,
     * SQLite would sort every claim of the group sharing a value, 0.6 s
     * for a group of 427k figures at 1M reports; this way it reads 5. */
    sb_add(b, " ORDER BY f.value IS NULL, f.value, f.rowid LIMIT ?9");
}

typedef struct group {
    json_t *obj;     /* the group as served */
    char *key[6];    /* type, category, side, area, period, object; "" for none */
    long long n_claimants, n_claims;
    double ratio;    /* NAN when unknown */
    size_t order;    /* as the query returned it: the last tie-break */
} group;

static int by_interest(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->n_claimants != y->n_claimants)
        return x->n_claimants > y->n_claimants ? -1 : 1;
    double rx = isnan(x->ratio) ? 0 : x->ratio, ry = isnan(y->ratio) ? 0 : y->ratio;
    if (rx != ry)
        return rx > ry ? -1 : 1;
    if (x->n_claims != y->n_claims)
        return x->n_claims > y->n_claims ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* A key column as served: null for ''. */
static json_t *key_json(const char *v)
{
    return *v ? json_string(v) : json_null();
}

static void bind_key(sqlite3_stmt *st, int i, const char *v)
{
    if (*v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Where the location filter looks: nowhere, the areas (cells) when the
 * place holds a governorate, else the figures placed inside it. */
static store_status location_scope(store *s, const char *location, scope *out)
{
    *out = SCOPE_ALL;
    if (!location)
        return STORE_OK;
    sqlite3_stmt *st = store_dyn_stmt_get(
        s, "SELECT EXISTS (SELECT 1 FROM locations l WHERE l.kind = 'governorate'"
           " AND l.id IN " STORE_PLACES_WITHIN("?1") ")");
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, location);
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW) {
        store_status rc = store_sql_fail(s, r, "compare location");
        sqlite3_reset(st);
        return rc;
    }
    *out = sqlite3_column_int(st, 0) ? SCOPE_AREAS : SCOPE_PLACES;
    sqlite3_reset(st);
    return STORE_OK;
}

static store_status read_groups(store *s, const store_compare_query *q, scope where,
                                group **out, size_t *n_out)
{
    group *groups = NULL;
    size_t n = 0, cap = 0;
    sbuf sql = {0};
    groups_sql(&sql, where);
    sqlite3_stmt *st = sql.oom ? NULL : store_dyn_stmt_get(s, sql.p);
    free(sql.p);
    if (!st)
        return sql.oom ? store_oom(s) : STORE_ERR;
    store_bind_text(st, 1, q->type);
    store_bind_text(st, 2, q->location);
    store_bind_text(st, 3, q->affiliation);
    sqlite3_bind_int(st, 4, q->min_claimants < 1 ? 1 : q->min_claimants);
    store_status rc = STORE_OK;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (grow((void **)&groups, &cap, n + 1, sizeof *groups) != 0) {
            rc = store_oom(s);
            break;
        }
        group *g = &groups[n];
        memset(g, 0, sizeof *g);
        g->order = n;
        n++;
        bool oom = false;
        for (int i = 0; i < 6; i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            oom |= !(g->key[i] = strdup(v ? v : ""));
        }
        if (oom) {
            rc = store_oom(s);
            break;
        }
        bool have = sqlite3_column_type(st, 8) != SQLITE_NULL;
        double lo = sqlite3_column_double(st, 8), hi = sqlite3_column_double(st, 9);
        g->ratio = have && lo > 0 ? hi / lo : NAN;
        g->n_claims = sqlite3_column_int64(st, 6);
        g->n_claimants = sqlite3_column_int64(st, 7);
        json_t *area = *g->key[3] ? json_pack("{s:s, s:o}", "id", g->key[3], "name",
                                              store_col_str(st, 10))
                                  : json_null();
        g->obj = json_pack(
            "{s:{s:o, s:{s:o, s:o}, s:o, s:o, s:o}, s:[], s:I, s:I, s:{s:o, s:o, s:o}}", "key",
            "type", key_json(g->key[0]), "subject", "category", key_json(g->key[1]), "side",
            key_json(g->key[2]), "object", key_json(g->key[5]), "area", area ? area : json_null(),
            "period", key_json(g->key[4]), "claims", "n_claims", (json_int_t)g->n_claims,
            "n_claimants", (json_int_t)g->n_claimants, "spread", "min", store_col_num(st, 8),
            "max", store_col_num(st, 9), "ratio",
            isnan(g->ratio) ? json_null() : json_real(round(g->ratio * 1000) / 1000));
        if (!g->obj) {
            rc = store_oom(s);
            break;
        }
    }
    if (rc == STORE_OK && r != SQLITE_DONE)
        rc = store_sql_fail(s, r, "compare groups");
    sqlite3_reset(st);
    *out = groups;
    *n_out = n;
    return rc;
}

static store_status read_claims(store *s, const store_compare_query *q, scope where, group *g)
{
    bool by_object = !strcmp(g->key[1], "materiel") || !strcmp(g->key[1], "munitions");
    sbuf sql = {0};
    claims_sql(&sql, where, by_object);
    sqlite3_stmt *st = sql.oom ? NULL : store_dyn_stmt_get(s, sql.p);
    free(sql.p);
    if (!st)
        return sql.oom ? store_oom(s) : STORE_ERR;
    for (int i = 0; i < 6; i++)
        bind_key(st, i + 1, g->key[i]);
    store_bind_text(st, 7, q->affiliation);
    store_bind_text(st, 8, q->location);
    sqlite3_bind_int(st, 9, q->claims_limit);
    json_t *claims = json_object_get(g->obj, "claims");
    store_status rc = STORE_OK;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (json_array_append_new(claims, store_claim_json(st)) != 0) {
            rc = store_oom(s);
            break;
        }
    }
    if (rc == STORE_OK && r != SQLITE_DONE)
        rc = store_sql_fail(s, r, "compare claims");
    sqlite3_reset(st);
    return rc;
}

store_status store_compare(store *s, const store_compare_query *q, json_t **out)
{
    *out = NULL;
    group *groups = NULL;
    size_t n = 0;
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        return rc;
    scope where;
    if ((rc = location_scope(s, q->location, &where)) != STORE_OK)
        goto out;
    if ((rc = read_groups(s, q, where, &groups, &n)) != STORE_OK)
        goto out;
    if (n > 1)
        qsort(groups, n, sizeof *groups, by_interest);
    size_t shown = q->groups_limit > 0 && (size_t)q->groups_limit < n ? (size_t)q->groups_limit : n;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < shown && rc == STORE_OK; i++) {
        if ((rc = read_claims(s, q, where, &groups[i])) == STORE_OK &&
            json_array_append(arr, groups[i].obj) != 0)
            rc = store_oom(s);
    }
    if (rc != STORE_OK) {
        json_decref(arr);
        goto out;
    }
    *out = arr ? json_pack("{s:o, s:I}", "groups", arr, "total", (json_int_t)n) : NULL;
    if (!*out)
        rc = store_oom(s);
out:
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < 6; k++)
            free(groups[i].key[k]);
        json_decref(groups[i].obj);
    }
    free(groups);
    return store_tx_end(s, rc);
}
