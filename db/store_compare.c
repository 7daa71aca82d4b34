/* store_compare.c — claims side by side: figures that count the same thing,
 * one row per claimant, parts and updates apart.
 *
 * Grouping rule (the key is schema.sql's compare_keys, defined once):
 *   1. coarse groups: same type, subject category and bloc, area (the
 *      governorate the figure is about), month (of the event date, else of
 *      publication) and, for materiel and munitions, object. claim_cells
 *      keeps one row per coarse group and claimant (count, largest whole
 *      figure), so ranking them reads those rows, not every figure;
 *   2. events (group=event, the default), in C over one coarse group's
 *      figures: dated figures join when their dates overlap, neither names
 *      a cause the other contradicts, and one's place holds the other's
 *      (the finest level both name, inside the governorate). An undated
 *      figure joins the coarse group's one dated event, or, when it has
 *      several, an undated group of its own: never across two dates, and
 *      never beside a figure of another named cause. group=day|week|month buckets by the date (else the
 *      publication day) instead.
 * Per claimant: parts (part_of, or the loss of one named party inside the
 * group's bloc) never compete; the headline is the latest (publication),
 * largest of the rest not explicitly superseded; the same value in other
 * articles is the same claim with its carriers; a smaller value in the
 * headline's own article is a part (only supersedes updates within one
 * report); other values are its superseded (earlier or smaller) counts. The spread runs over headlines.
 *
 * Cost: coarse groups are refined in claimant order (their claimant count
 * bounds their events') until `limit` groups are found that no unrefined
 * group can beat, at most REFINE_MAX of them; each refined group's figures
 * are read once through figures_group, light columns only; full figures are
 * read by rowid for the ones shown.
 */
#include "db/store_columns.h"
#include "db/store_int.h"
#include "extract/grow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Coarse groups refined into events per request, at most (beyond the
 * groups shown): bounds a request's reads whatever the corpus. */
#define REFINE_MAX 200
#define KEY_N 7 /* type, category, bloc, side, area, period, object */
#define KEY_AREA 4
#define KEY_PERIOD 5
/* Figures read per claimant of a group without time (undated_group). */
#define READ_ONE_SQL "500"
#define KEY_OBJECT 6

typedef enum scope { SCOPE_ALL, SCOPE_AREAS, SCOPE_PLACES } scope;

/* ---- strings of one request, freed together ------------------------------ */

typedef struct arena {
    char **blocks;
    size_t n, cap;
    char *at;
    size_t left;
    bool oom;
} arena;

static const char *keep(arena *a, const unsigned char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen((const char *)s) + 1;
    if (n > a->left) {
        size_t sz = n > 16384 ? n : 16384;
        char *b = malloc(sz);
        if (!b || grow((void **)&a->blocks, &a->cap, a->n + 1, sizeof *a->blocks) != 0) {
            free(b);
            a->oom = true;
            return NULL;
        }
        a->blocks[a->n++] = b;
        a->at = b;
        a->left = sz;
    }
    char *out = a->at;
    memcpy(out, s, n);
    a->at += n;
    a->left -= n;
    return out;
}

static void arena_free(arena *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->blocks[i]);
    free(a->blocks);
    memset(a, 0, sizeof *a);
}

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* NULL sorts first. */
static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* ---- the figures of one coarse group ------------------------------------- */

typedef struct fig {
    sqlite3_int64 rowid;
    const char *id, *article_id, *claimant, *part_of, *supersedes, *party;
    const char *date_start, *date_end, *precision, *cause, *location, *published;
    const char *bucket_start, *bucket_end; /* day/week/month grouping */
    double amount;
    bool has_amount, whole, superseded_here; /* superseded_here: named by a supersedes */
    size_t event;
} fig;

typedef struct event {
    const char *start, *end, *precision, *cause, *place;
    bool dated;
} event;

typedef struct figs {
    fig *v;
    size_t n, cap;
    event *ev;
    size_t n_ev, cap_ev;
} figs;

/* A group found: its JSON and what orders it. */
typedef struct found {
    json_t *obj;
    long long n_claimants, n_claims;
    double ratio; /* NAN when unknown */
    size_t order;
} found;

typedef struct results {
    found *v;
    size_t n, cap;
} results;

static int by_interest(const void *a, const void *b)
{
    const found *x = a, *y = b;
    if (x->n_claimants != y->n_claimants)
        return x->n_claimants > y->n_claimants ? -1 : 1;
    double rx = isnan(x->ratio) ? 0 : x->ratio, ry = isnan(y->ratio) ? 0 : y->ratio;
    if (rx != ry)
        return rx > ry ? -1 : 1;
    if (x->n_claims != y->n_claims)
        return x->n_claims > y->n_claims ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* ---- SQL ------------------------------------------------------------------- */

/* Coarse groups: the seven key columns, claimants, figures, the area's name,
 * most claimants first (ties in key order, all descending, so that
 * claim_groups' index gives the order without sorting).
 * ?1 type, ?2 location, ?3 affiliation, ?4 min_claimants, ?5 bloc, ?6
 * claimant, ?7 first month, ?8 last month (NULL: no filter). Without a
 * claimant or affiliation filter or a place below governorate level, the
 * groups' counts are claim_groups' rows; else the matching cells are
 * grouped here. */
#define GROUP_ORDER \
    " ORDER BY 8 DESC, 9 DESC, 1 DESC, 2 DESC, 3 DESC, 4 DESC, 5 DESC, 6 DESC, 7 DESC"
#define GROUP_FILTERS                                                  \
    " AND (?1 IS NULL OR k.type = ?1) AND (?5 IS NULL OR k.bloc = ?5)" \
    " AND (?7 IS NULL OR k.period = '' OR k.period >= ?7)"             \
    " AND (?8 IS NULL OR k.period = '' OR k.period <= ?8)"

static void groups_sql(sbuf *b, scope where, bool by_claimant)
{
    if (!by_claimant && where != SCOPE_PLACES) {
        sb_add(b, "SELECT k.type, k.category, k.bloc, k.side, k.area_id, k.period, k.object,"
                  " k.n_claimants, k.n_figures, ar.name FROM claim_groups k"
                  " LEFT JOIN locations ar ON ar.id = k.area_id"
                  " WHERE k.n_claimants >= ?4 AND ?3 IS NULL AND ?6 IS NULL" GROUP_FILTERS);
        if (where == SCOPE_AREAS)
            sb_add(b, " AND k.area_id IN " STORE_PLACES_WITHIN("?2"));
        sb_add(b, GROUP_ORDER);
        return;
    }
    sb_add(b, "WITH cells AS (");
    if (where == SCOPE_PLACES)
        sb_add(b, "SELECT k.type, k.category, k.bloc, k.side, k.area_id, k.month AS period,"
                  " k.object, k.claimant_id, count(*) AS n FROM compare_keys k"
                  " WHERE k.location_id IN " STORE_PLACES_WITHIN(
                      "?2") " AND (?1 IS NULL OR k.type = ?1) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8");
    else
        sb_add(b, "SELECT k.type, k.category, k.bloc, k.side, k.area_id, k.period, k.object,"
                  " k.claimant_id, k.n FROM claim_cells k WHERE (?1 IS NULL OR k.type = ?1)");
    if (where == SCOPE_AREAS)
        sb_add(b, " AND k.area_id IN " STORE_PLACES_WITHIN("?2"));
    /* Grouped first, named after: the claimant's affiliation is looked up
     * only when asked, the area's name once per group, not per cell. */
    sb_add(b, ") SELECT g.*, ar.name FROM (SELECT k.type, k.category, k.bloc, k.side, k.area_id,"
              " k.period, k.object, count(*) AS n_claimants, sum(k.n) AS n_figures FROM cells k"
              " WHERE (?3 IS NULL OR EXISTS (SELECT 1 FROM sources c WHERE c.id = k.claimant_id"
              " AND c.affiliation = ?3))" GROUP_FILTERS
              " GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) >= ?4"
              " AND (?6 IS NULL OR sum(k.claimant_id = ?6) > 0)) g"
              " LEFT JOIN locations ar ON ar.id = g.area_id" GROUP_ORDER);
}

/* The figures of one coarse group (?1-?7 its key), light columns, with the
 * bucket of the grouping asked (?10: day, week or month; NULL for none).
 * ?8 affiliation, ?9 location. The article's date through
 * articles_id_published by name: left to itself the planner takes the
 * articles' unique key and reads each article's row for it. */
static void figures_sql(sbuf *b, scope where, bool one_claimant)
{
    sb_add(b, "WITH g AS (SELECT k.figure_rowid AS rid, k.id, k.article_id,"
              " nullif(k.claimant_id, '') AS claimant,"
              " k.part_of, k.supersedes, k.subject_party, k.date_start, k.date_end,"
              " k.date_precision, k.cause, k.location_id, a.published_at, k.amount, k.whole,"
              " coalesce(k.date_start, substr(a.published_at, 1, 10)) AS d"
              " FROM compare_keys k JOIN articles a INDEXED BY articles_id_published"
              " ON a.id = k.article_id"
              " WHERE k.type = ?1 AND k.category = ?2 AND k.bloc = ?3 AND k.side = ?4"
              " AND k.area_id = ?5 AND k.month = ?6 AND k.object = ?7"
              " AND (?8 IS NULL OR EXISTS (SELECT 1 FROM sources c WHERE c.id = k.claimant_id"
              " AND c.affiliation = ?8))");
    /* ?11, its READ_ONE largest figures: the end of its range of
     * figures_group, read backwards (ties in the index's order: by place,
     * then the latest stored first) */
    if (one_claimant)
        sb_add(b, " AND k.claimant_id = ?11 ORDER BY k.amount DESC, k.location_id DESC,"
                  " k.figure_rowid DESC LIMIT " READ_ONE_SQL);
    if (where == SCOPE_PLACES)
        sb_add(b, " AND k.location_id IN " STORE_PLACES_WITHIN("?9"));
    sb_add(b, ") SELECT rid, id, article_id, claimant, part_of, supersedes, subject_party,"
              " date_start, date_end, date_precision, cause, location_id, published_at, amount,"
              " whole, CASE ?10 WHEN 'day' THEN d WHEN 'week' THEN date(d, 'weekday 0', '-6 days')"
              " WHEN 'month' THEN date(d, 'start of month') END,"
              " CASE ?10 WHEN 'day' THEN d WHEN 'week' THEN date(d, 'weekday 0')"
              " WHEN 'month' THEN date(d, 'start of month', '+1 month', '-1 day') END"
              " FROM g ORDER BY date_start IS NULL, date_start, published_at, rid");
}

/* ---- reading ------------------------------------------------------------- */

typedef struct ctx {
    store *s;
    const store_compare_query *q;
    scope where;
    arena mem;
} ctx;

static const char *col_keep(ctx *c, sqlite3_stmt *st, int i)
{
    return keep(&c->mem, sqlite3_column_text(st, i));
}

/* The figures of coarse group key (of claimant one_claimant only, when not
 * NULL) into out. */
static store_status read_figures(ctx *c, const char *const key[KEY_N], const char *one_claimant,
                                 figs *out)
{
    sbuf sql = {0};
    figures_sql(&sql, c->where, one_claimant != NULL);
    sqlite3_stmt *st = sql.oom ? NULL : store_dyn_stmt_get(c->s, sql.p);
    free(sql.p);
    if (!st)
        return sql.oom ? store_oom(c->s) : STORE_ERR;
    for (int i = 0; i < KEY_N; i++)
        store_bind_text(st, i + 1, key[i]);
    store_bind_text(st, 8, c->q->affiliation);
    store_bind_text(st, 9, c->q->location);
    static const char *const buckets[] = {[STORE_GROUP_EVENT] = NULL,
                                          [STORE_GROUP_DAY] = "day",
                                          [STORE_GROUP_WEEK] = "week",
                                          [STORE_GROUP_MONTH] = "month"};
    store_bind_text(st, 10, buckets[c->q->group]);
    if (one_claimant)
        store_bind_text(st, 11, one_claimant);
    store_status rc = STORE_OK;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        fig f = {.rowid = sqlite3_column_int64(st, 0)};
        f.id = col_keep(c, st, 1);
        f.article_id = col_keep(c, st, 2);
        f.claimant = col_keep(c, st, 3);
        f.part_of = col_keep(c, st, 4);
        f.supersedes = col_keep(c, st, 5);
        f.party = col_keep(c, st, 6);
        f.date_start = col_keep(c, st, 7);
        f.date_end = col_keep(c, st, 8);
        f.precision = col_keep(c, st, 9);
        f.cause = col_keep(c, st, 10);
        f.location = col_keep(c, st, 11);
        f.published = col_keep(c, st, 12);
        f.has_amount = sqlite3_column_type(st, 13) != SQLITE_NULL;
        f.amount = sqlite3_column_double(st, 13);
        f.whole = sqlite3_column_int(st, 14) != 0;
        f.bucket_start = col_keep(c, st, 15);
        f.bucket_end = col_keep(c, st, 16);
        if (c->mem.oom || grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v) != 0) {
            rc = store_oom(c->s);
            break;
        }
        /* the date filter: the event date, else the publication day */
        const char *from = f.date_start ? f.date_start : f.published;
        const char *to = f.date_start ? f.date_end : f.published;
        if (c->q->date_gte && (!to || strncmp(to, c->q->date_gte, 10) < 0))
            continue;
        if (c->q->date_lte && (!from || strncmp(from, c->q->date_lte, 10) > 0))
            continue;
        out->v[out->n++] = f;
    }
    if (rc == STORE_OK && r != SQLITE_DONE)
        rc = store_sql_fail(c->s, r, "compare figures");
    sqlite3_reset(st);
    return rc;
}

/* Is place inner the place outer or inside it? */
static store_status place_within(ctx *c, const char *outer, const char *inner, bool *out)
{
    *out = same(outer, inner);
    sqlite3_stmt *st = NULL;
    const char *at = inner;
    char buf[256];
    /* the gazetteer is a few levels deep; 16 steps end a cycle */
    for (int depth = 0; !*out && at && depth < 16; depth++) {
        if (!st &&
            !(st = store_dyn_stmt_get(c->s, "SELECT parent_id FROM locations WHERE id = ?1")))
            return STORE_ERR;
        store_bind_text(st, 1, at);
        int r = sqlite3_step(st);
        if (r != SQLITE_ROW && r != SQLITE_DONE) {
            sqlite3_reset(st);
            return store_sql_fail(c->s, r, "compare places");
        }
        const unsigned char *p = r == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
        at = NULL;
        if (p && strlen((const char *)p) < sizeof buf) {
            memcpy(buf, p, strlen((const char *)p) + 1);
            at = buf;
            *out = same(outer, at);
        }
        sqlite3_reset(st);
    }
    return STORE_OK;
}

/* Joins fig f to an open event or starts one. Events of one coarse group
 * are few: each figure looks at all of them. */
static store_status place_in_event(ctx *c, figs *g, fig *f)
{
    for (size_t i = 0; i < g->n_ev; i++) {
        event *e = &g->ev[i];
        if (!e->dated || strcmp(f->date_start, e->end) > 0 || strcmp(f->date_end, e->start) < 0)
            continue;
        if (e->cause && f->cause && strcmp(e->cause, f->cause) != 0)
            continue;
        bool inside = true, holds = true;
        store_status rc;
        if (e->place && f->location) {
            if ((rc = place_within(c, e->place, f->location, &inside)) != STORE_OK)
                return rc;
            if (!inside && (rc = place_within(c, f->location, e->place, &holds)) != STORE_OK)
                return rc;
            if (!inside && !holds)
                continue;
        }
        if (strcmp(f->date_start, e->start) < 0)
            e->start = f->date_start;
        if (strcmp(f->date_end, e->end) > 0)
            e->end = f->date_end;
        if (!same(e->precision, f->precision))
            e->precision = "span";
        if (!e->cause)
            e->cause = f->cause;
        if (f->location && (!e->place || inside))
            e->place = f->location; /* the finer of the two */
        f->event = i;
        return STORE_OK;
    }
    if (grow((void **)&g->ev, &g->cap_ev, g->n_ev + 1, sizeof *g->ev) != 0)
        return store_oom(c->s);
    g->ev[g->n_ev] = (event){f->date_start, f->date_end, f->precision, f->cause, f->location, true};
    f->event = g->n_ev++;
    return STORE_OK;
}

/* Splits a coarse group's figures into events (or buckets): fig.event. */
static store_status split(ctx *c, figs *g)
{
    if (c->q->group != STORE_GROUP_EVENT) {
        for (size_t i = 0; i < g->n; i++) {
            fig *f = &g->v[i];
            size_t e = 0;
            while (e < g->n_ev && !same(g->ev[e].start, f->bucket_start))
                e++;
            if (e == g->n_ev) {
                if (grow((void **)&g->ev, &g->cap_ev, g->n_ev + 1, sizeof *g->ev) != 0)
                    return store_oom(c->s);
                static const char *const names[] = {[STORE_GROUP_DAY] = "day",
                                                    [STORE_GROUP_WEEK] = "week",
                                                    [STORE_GROUP_MONTH] = "month"};
                g->ev[g->n_ev++] =
                    (event){f->bucket_start,        f->bucket_end, names[c->q->group], NULL, NULL,
                            f->bucket_start != NULL};
            }
            f->event = e;
        }
        return STORE_OK;
    }
    /* figures come dated first, by start */
    size_t i = 0;
    for (; i < g->n && g->v[i].date_start; i++) {
        store_status rc = place_in_event(c, g, &g->v[i]);
        if (rc != STORE_OK)
            return rc;
    }
    if (i == g->n)
        return STORE_OK;
    /* An undated figure joins the one dated event, or an undated event, when
     * neither names a cause the other contradicts ("قصف" and "مواد سامة" are
     * two incidents, not two counts of one); else it starts its own. */
    size_t dated = g->n_ev;
    for (; i < g->n; i++) {
        fig *f = &g->v[i];
        size_t e = dated == 1 ? 0 : dated;
        if (dated == 1 && g->ev[0].cause && f->cause && strcmp(g->ev[0].cause, f->cause) != 0)
            e = dated;
        if (e == dated)
            for (; e < g->n_ev; e++)
                if (!g->ev[e].cause || !f->cause || !strcmp(g->ev[e].cause, f->cause))
                    break;
        if (e == g->n_ev) {
            if (grow((void **)&g->ev, &g->cap_ev, g->n_ev + 1, sizeof *g->ev) != 0)
                return store_oom(c->s);
            g->ev[g->n_ev++] = (event){0};
        }
        if (!g->ev[e].cause)
            g->ev[e].cause = f->cause;
        f->event = e;
    }
    return STORE_OK;
}

/* ---- one event's claimants ----------------------------------------------- */

typedef struct claimant {
    const char *id;
    fig *headline;
    fig **parts, **superseded, **carriers;
    size_t n_parts, n_superseded, n_carriers;
} claimant;

static bool is_part(const fig *f, const char *group_party)
{
    return f->part_of || (f->party && !same(f->party, group_party));
}

/* Is a later or, at the same time, larger than b? */
static bool fresher(const fig *a, const fig *b)
{
    int t = cmp_str(a->published, b->published);
    if (t)
        return t > 0;
    if (a->has_amount != b->has_amount)
        return a->has_amount;
    return a->amount > b->amount;
}

static bool same_amount(const fig *a, const fig *b)
{
    return a->has_amount == b->has_amount && (!a->has_amount || a->amount == b->amount);
}

/* Adds f to list unless one of the same value (and party) is there; keeps
 * the fresher of the two. */
static int add_distinct(fig ***list, size_t *n, fig *f)
{
    for (size_t i = 0; i < *n; i++)
        if (same_amount((*list)[i], f) && same((*list)[i]->party, f->party)) {
            if (fresher(f, (*list)[i]))
                (*list)[i] = f;
            return 0;
        }
    fig **p = realloc(*list, (*n + 1) * sizeof **list);
    if (!p)
        return -1;
    p[(*n)++] = f;
    *list = p;
    return 0;
}

static int by_freshness(const void *a, const void *b)
{
    const fig *x = *(fig *const *)a, *y = *(fig *const *)b;
    return fresher(x, y) ? -1 : fresher(y, x) ? 1 : 0;
}

static void claimant_free(claimant *c)
{
    free(c->parts);
    free(c->superseded);
    free(c->carriers);
}

/* The claimant's figures of the event (members, n of them) sorted out. */
static int sort_out(claimant *c, fig **members, size_t n, const char *group_party)
{
    for (size_t i = 0; i < n; i++) {
        fig *f = members[i];
        if (is_part(f, group_party) || f->superseded_here)
            continue;
        if (!c->headline || fresher(f, c->headline))
            c->headline = f;
    }
    for (size_t i = 0; i < n; i++) {
        fig *f = members[i];
        int rc = 0;
        if (is_part(f, group_party))
            rc = add_distinct(&c->parts, &c->n_parts, f);
        else if (c->headline && same_amount(f, c->headline) && !f->superseded_here) {
            bool seen = false;
            for (size_t k = 0; k < c->n_carriers; k++)
                seen |= same(c->carriers[k]->article_id, f->article_id);
            if (!seen) {
                fig **p = realloc(c->carriers, (c->n_carriers + 1) * sizeof *p);
                if (!p)
                    return -1;
                p[c->n_carriers++] = f;
                c->carriers = p;
            }
        } else if (c->headline && same(f->article_id, c->headline->article_id))
            /* In one report only `supersedes` makes an update: a smaller count
             * of the same thing beside it ("...، وبينهم 24 ضابطا" after the
             * toll, a sentence apart) is one of its parts. */
            rc = add_distinct(&c->parts, &c->n_parts, f);
        else
            rc = add_distinct(&c->superseded, &c->n_superseded, f);
        if (rc)
            return rc;
    }
    /* qsort takes no NULL array, even of none */
    if (c->n_parts > 1)
        qsort(c->parts, c->n_parts, sizeof *c->parts, by_freshness);
    if (c->n_superseded > 1)
        qsort(c->superseded, c->n_superseded, sizeof *c->superseded, by_freshness);
    if (c->n_carriers > 1)
        qsort(c->carriers, c->n_carriers, sizeof *c->carriers, by_freshness);
    return 0;
}

static size_t claims_of(const claimant *c)
{
    return (c->headline != NULL) + c->n_parts + c->n_superseded;
}

/* Claimants with a headline first, the largest first. */
static int by_headline(const void *a, const void *b)
{
    const claimant *x = a, *y = b;
    if (!x->headline || !y->headline)
        return (y->headline != NULL) - (x->headline != NULL);
    if (x->headline->has_amount != y->headline->has_amount)
        return x->headline->has_amount ? -1 : 1;
    if (x->headline->amount != y->headline->amount)
        return x->headline->amount > y->headline->amount ? -1 : 1;
    return cmp_str(x->id, y->id);
}

/* ---- JSON ------------------------------------------------------------------ */

static json_t *figure_json(ctx *c, const fig *f)
{
    sqlite3_stmt *st =
        store_dyn_stmt_get(c->s, "SELECT " FIGURE_COLS " FROM " FIGURE_FROM " WHERE t.rowid = ?1");
    if (!st)
        return NULL;
    sqlite3_bind_int64(st, 1, f->rowid);
    json_t *out = NULL;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        out = store_figure_json(st, 0);
    else
        store_sql_fail(c->s, r == SQLITE_DONE ? SQLITE_ERROR : r, "compare figure");
    sqlite3_reset(st);
    return out;
}

static json_t *figures_json(ctx *c, fig *const *list, size_t n)
{
    json_t *a = json_array();
    size_t shown = n < (size_t)c->q->figures_limit ? n : (size_t)c->q->figures_limit;
    for (size_t i = 0; a && i < shown; i++) {
        json_t *f = figure_json(c, list[i]);
        if (!f || json_array_append_new(a, f) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

/* A source as {id, name, kind, bloc} (with_kind) or {id, name}; null for
 * none. */
static json_t *source_json(ctx *c, const char *id, bool with_kind)
{
    if (!id || !*id)
        return json_null();
    sqlite3_stmt *st =
        store_dyn_stmt_get(c->s, "SELECT id, name, kind, bloc FROM sources WHERE id = ?1");
    if (!st)
        return NULL;
    store_bind_text(st, 1, id);
    json_t *out = NULL;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        out = with_kind ? json_pack("{s:o, s:o, s:o, s:o}", "id", store_col_str(st, 0), "name",
                                    store_col_str(st, 1), "kind", store_col_str(st, 2), "bloc",
                                    store_col_str(st, 3))
                        : json_pack("{s:o, s:o}", "id", store_col_str(st, 0), "name",
                                    store_col_str(st, 1));
    else if (r == SQLITE_DONE)
        out = json_pack("{s:s, s:n}", "id", id, "name");
    else
        store_sql_fail(c->s, r, "compare source");
    sqlite3_reset(st);
    return out;
}

static json_t *carriers_json(ctx *c, fig *const *list, size_t n)
{
    sqlite3_stmt *st = store_dyn_stmt_get(
        c->s, "SELECT a.outlet_id, o.name FROM articles a LEFT JOIN sources o ON o.id = a.outlet_id"
              " WHERE a.id = ?1");
    if (!st)
        return NULL;
    json_t *a = json_array();
    size_t shown = n < (size_t)c->q->figures_limit ? n : (size_t)c->q->figures_limit;
    for (size_t i = 0; a && i < shown; i++) {
        store_bind_text(st, 1, list[i]->article_id);
        int r = sqlite3_step(st);
        json_t *outlet =
            r == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL
                ? json_pack("{s:o, s:o}", "id", store_col_str(st, 0), "name", store_col_str(st, 1))
                : json_null();
        sqlite3_reset(st);
        json_t *one = json_pack("{s:s, s:o, s:o}", "article_id", list[i]->article_id, "outlet",
                                outlet, "published_at",
                                list[i]->published ? json_string(list[i]->published) : json_null());
        if (!one || json_array_append_new(a, one) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *claimant_json(ctx *c, const claimant *cl)
{
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:I}", "claimant",
                     source_json(c, cl->id, true), "headline",
                     cl->headline ? figure_json(c, cl->headline) : json_null(), "parts",
                     figures_json(c, cl->parts, cl->n_parts), "superseded",
                     figures_json(c, cl->superseded, cl->n_superseded), "carriers",
                     carriers_json(c, cl->carriers, cl->n_carriers), "n_claims",
                     (json_int_t)claims_of(cl), "n_parts", (json_int_t)cl->n_parts, "n_superseded",
                     (json_int_t)cl->n_superseded, "n_carriers", (json_int_t)cl->n_carriers);
}

static json_t *str_json(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

/* What a group's JSON says besides its claimants. */
typedef struct summary {
    const event *ev;
    const char *party; /* the one party every figure counts, or NULL */
    long long n_claimants, n_claims;
    const fig *lo, *hi; /* the smallest and largest headlines, NULL when none */
    double lo_amount, hi_amount;
    const char *lo_id, *hi_id;
    bool has_spread;
} summary;

/* Adds the group (claimants cls[0..n), the ones listed) to res. */
static store_status add_group(ctx *c, const char *const key[KEY_N], const char *area_name,
                              const summary *sum, const claimant *cls, size_t n, results *res)
{
    bool have = sum->has_spread;
    double lo = sum->lo ? sum->lo->amount : sum->lo_amount;
    double hi = sum->hi ? sum->hi->amount : sum->hi_amount;
    double ratio = have && lo > 0 ? hi / lo : NAN;
    json_t *claimants = json_array();
    size_t shown = n < (size_t)c->q->claims_limit ? n : (size_t)c->q->claims_limit;
    for (size_t k = 0; claimants && k < shown; k++) {
        json_t *one = claimant_json(c, &cls[k]);
        if (!one || json_array_append_new(claimants, one) != 0) {
            json_decref(claimants);
            claimants = NULL;
        }
    }
    json_t *area = *key[KEY_AREA]
                       ? json_pack("{s:s, s:o}", "id", key[KEY_AREA], "name", str_json(area_name))
                       : json_null();
    const event *ev = sum->ev;
    json_t *date = ev && ev->dated
                       ? json_pack("{s:s, s:s, s:s}", "start", ev->start, "end", ev->end,
                                   "precision", ev->precision ? ev->precision : "span")
                       : json_null();
    json_t *obj = json_pack(
        "{s:{s:s, s:{s:s, s:o, s:o, s:o}, s:o, s:o, s:o}, s:o, s:{s:o, s:o, s:o, s:o, s:o}, s:I,"
        " s:I}",
        "key", "type", key[0], "subject", "category", key[1], "side", str_json(key[3]), "bloc",
        str_json(key[2]), "party", source_json(c, sum->party, false), "object",
        str_json(key[KEY_OBJECT]), "area", area, "date", date, "claimants", claimants, "spread",
        "min", have ? store_num_json(lo) : json_null(), "max",
        have ? store_num_json(hi) : json_null(), "ratio",
        isnan(ratio) ? json_null() : json_real(round(ratio * 1000) / 1000), "min_claimant",
        str_json(sum->lo_id), "max_claimant", str_json(sum->hi_id), "n_claimants",
        (json_int_t)sum->n_claimants, "n_claims", (json_int_t)sum->n_claims);
    if (!obj || grow((void **)&res->v, &res->cap, res->n + 1, sizeof *res->v) != 0) {
        json_decref(obj);
        return store_oom(c->s);
    }
    res->v[res->n] = (found){obj, sum->n_claimants, sum->n_claims, ratio, res->n};
    res->n++;
    return STORE_OK;
}

static int by_claimant(const void *a, const void *b)
{
    const fig *x = *(fig *const *)a, *y = *(fig *const *)b;
    int c = cmp_str(x->claimant, y->claimant);
    return c ? c : (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

/* The group of event e of coarse group key (area_name its area's name). */
static store_status event_group(ctx *c, const char *const key[KEY_N], const char *area_name,
                                figs *g, size_t e, results *res)
{
    fig **members = NULL;
    claimant *cls = NULL;
    size_t n_members = 0, n_cls = 0;
    store_status rc = STORE_OK;
    for (size_t i = 0; i < g->n; i++)
        n_members += g->v[i].event == e;
    if (n_members == 0)
        return STORE_OK;
    if (!(members = malloc(n_members * sizeof *members))) {
        rc = store_oom(c->s);
        goto out;
    }
    /* the subject's party: the one party every figure counts, if any */
    const char *party = NULL;
    bool one_party = true;
    size_t m = 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->v[i].event == e) {
            members[m++] = &g->v[i];
            if (!party)
                party = g->v[i].party;
            one_party &= g->v[i].party && same(party, g->v[i].party);
        }
    if (!one_party)
        party = NULL;
    if (n_members > 1)
        qsort(members, n_members, sizeof *members, by_claimant);
    bool named_claimant = !c->q->claimant;
    for (size_t i = 0; i < n_members; i++) {
        if (i == 0 || !same(members[i]->claimant, members[i - 1]->claimant))
            n_cls++;
        named_claimant |= same(c->q->claimant, members[i]->claimant);
    }
    if ((long long)n_cls < c->q->min_claimants || !named_claimant)
        goto out;
    if (!(cls = calloc(n_cls, sizeof *cls))) {
        rc = store_oom(c->s);
        goto out;
    }
    long long n_claims = 0;
    for (size_t i = 0, k = 0; i < n_members; k++) {
        size_t j = i + 1;
        while (j < n_members && same(members[j]->claimant, members[i]->claimant))
            j++;
        cls[k].id = members[i]->claimant;
        if (sort_out(&cls[k], members + i, j - i, party) != 0) {
            rc = store_oom(c->s);
            goto out;
        }
        n_claims += (long long)claims_of(&cls[k]);
        i = j;
    }
    if (n_cls > 1)
        qsort(cls, n_cls, sizeof *cls, by_headline);
    const claimant *lo = NULL, *hi = NULL;
    for (size_t k = 0; k < n_cls; k++) {
        const fig *h = cls[k].headline;
        if (!h || !h->has_amount)
            continue;
        if (!hi)
            hi = &cls[k];
        lo = &cls[k];
    }
    summary sum = {.ev = &g->ev[e],
                   .party = party,
                   .n_claimants = (long long)n_cls,
                   .n_claims = n_claims,
                   .lo = lo ? lo->headline : NULL,
                   .hi = hi ? hi->headline : NULL,
                   .lo_id = lo ? lo->id : NULL,
                   .hi_id = hi ? hi->id : NULL,
                   .has_spread = lo != NULL};
    rc = add_group(c, key, area_name, &sum, cls, n_cls, res);
out:
    for (size_t k = 0; cls && k < n_cls; k++)
        claimant_free(&cls[k]);
    free(cls);
    free(members);
    return rc;
}

static int by_id(const void *a, const void *b)
{
    return strcmp((*(fig *const *)a)->id, (*(fig *const *)b)->id);
}

/* Marks the figures another figure of the group names in its supersedes. */
static store_status mark_superseded(ctx *c, figs *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n; i++)
        n += g->v[i].supersedes != NULL;
    if (n == 0)
        return STORE_OK;
    fig **ids = malloc(g->n * sizeof *ids);
    if (!ids)
        return store_oom(c->s);
    for (size_t i = 0; i < g->n; i++)
        ids[i] = &g->v[i];
    qsort(ids, g->n, sizeof *ids, by_id);
    for (size_t i = 0; i < g->n; i++) {
        if (!g->v[i].supersedes)
            continue;
        fig probe = {.id = g->v[i].supersedes}, *pp = &probe;
        fig **hit = bsearch(&pp, ids, g->n, sizeof *ids, by_id);
        if (hit)
            (*hit)->superseded_here = true;
    }
    free(ids);
    return STORE_OK;
}

/* A coarse group without time: none of its figures has an event date or a
 * publication date, so there is nothing to split it by. Its claimants and
 * their headlines come from claim_cells; only the claimants listed have
 * their figures read (READ_ONE_SQL each at most, the largest). Groups of
 * synthetic or undated reporting can hold thousands of figures: this path
 * serves those over UNDATED_SPLIT_MAX, which are not split by cause. */
static store_status undated_group(ctx *c, const char *const key[KEY_N], const char *area_name,
                                  results *res)
{
    if (c->q->date_gte || c->q->date_lte)
        return STORE_OK; /* no figure of it has a date to meet the filter */
    sqlite3_stmt *st = store_dyn_stmt_get(
        c->s, "SELECT k.claimant_id, k.n, k.headline FROM claim_cells k"
              " LEFT JOIN sources c ON c.id = k.claimant_id"
              " WHERE k.type = ?1 AND k.category = ?2 AND k.bloc = ?3 AND k.side = ?4"
              " AND k.area_id = ?5 AND k.period = ?6 AND k.object = ?7"
              " AND (?8 IS NULL OR c.affiliation = ?8)"
              " ORDER BY k.headline IS NULL, k.headline DESC, k.claimant_id");
    if (!st)
        return STORE_ERR;
    for (int i = 0; i < KEY_N; i++)
        store_bind_text(st, i + 1, key[i]);
    store_bind_text(st, 8, c->q->affiliation);
    claimant *cls = NULL;
    long long *counts = NULL;
    size_t n = 0, cap = 0, cap_counts = 0;
    summary sum = {0};
    bool named = !c->q->claimant;
    store_status rc = STORE_OK;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (grow((void **)&cls, &cap, n + 1, sizeof *cls) != 0 ||
            grow((void **)&counts, &cap_counts, n + 1, sizeof *counts) != 0) {
            rc = store_oom(c->s);
            break;
        }
        memset(&cls[n], 0, sizeof cls[n]);
        const char *id = col_keep(c, st, 0);
        cls[n].id = id && *id ? id : NULL;
        counts[n] = sqlite3_column_int64(st, 1);
        named |= same(c->q->claimant, cls[n].id);
        if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
            double h = sqlite3_column_double(st, 2);
            if (!sum.has_spread) {
                sum.hi_amount = h;
                sum.hi_id = cls[n].id;
            }
            sum.lo_amount = h;
            sum.lo_id = cls[n].id;
            sum.has_spread = true;
        }
        n++;
    }
    if (rc == STORE_OK && r != SQLITE_DONE)
        rc = store_sql_fail(c->s, r, "compare cells");
    sqlite3_reset(st);
    if (c->mem.oom && rc == STORE_OK)
        rc = store_oom(c->s);
    /* each listed claimant's figures, kept until the group's JSON is built */
    figs *per = NULL;
    size_t shown = n < (size_t)c->q->claims_limit ? n : (size_t)c->q->claims_limit;
    if (rc == STORE_OK && named && (long long)n >= c->q->min_claimants &&
        !(per = calloc(shown + 1, sizeof *per)))
        rc = store_oom(c->s);
    if (per) {
        sum.n_claimants = (long long)n;
        for (size_t k = 0; rc == STORE_OK && k < n; k++) {
            if (k >= shown) {
                sum.n_claims += counts[k];
                continue;
            }
            figs *g = &per[k];
            rc = read_figures(c, key, cls[k].id ? cls[k].id : "", g);
            if (rc == STORE_OK)
                rc = mark_superseded(c, g);
            fig **members = rc == STORE_OK ? malloc((g->n + 1) * sizeof *members) : NULL;
            if (rc == STORE_OK && !members)
                rc = store_oom(c->s);
            for (size_t i = 0; members && i < g->n; i++)
                members[i] = &g->v[i];
            if (members && sort_out(&cls[k], members, g->n, NULL) != 0)
                rc = store_oom(c->s);
            free(members);
            sum.n_claims += (long long)claims_of(&cls[k]);
        }
        if (rc == STORE_OK)
            rc = add_group(c, key, area_name, &sum, cls, shown, res);
    }
    for (size_t k = 0; k < n; k++)
        claimant_free(&cls[k]);
    for (size_t k = 0; per && k < shown; k++)
        free(per[k].v);
    free(per);
    free(cls);
    free(counts);
    return rc;
}

/* Undated coarse groups of at most this many figures are split by cause
 * like any other; larger ones take the claim_cells path. */
#define UNDATED_SPLIT_MAX 2000

/* The number of figures of a coarse group, from its claim_cells rows. */
static store_status group_size(ctx *c, const char *const key[KEY_N], long long *n)
{
    sqlite3_stmt *st = store_dyn_stmt_get(
        c->s, "SELECT coalesce(sum(n), 0) FROM claim_cells WHERE type = ?1 AND category = ?2"
              " AND bloc = ?3 AND side = ?4 AND area_id = ?5 AND period = ?6 AND object = ?7");
    if (!st)
        return STORE_ERR;
    for (int i = 0; i < KEY_N; i++)
        store_bind_text(st, i + 1, key[i]);
    int r = sqlite3_step(st);
    *n = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return r == SQLITE_ROW ? STORE_OK : store_sql_fail(c->s, r, "compare group size");
}

static store_status refine(ctx *c, const char *const key[KEY_N], const char *area_name,
                           results *res)
{
    if (!*key[KEY_PERIOD] && c->where != SCOPE_PLACES) {
        long long size = 0;
        store_status rc = group_size(c, key, &size);
        if (rc != STORE_OK)
            return rc;
        if (size > UNDATED_SPLIT_MAX)
            return undated_group(c, key, area_name, res);
    }
    figs g = {0};
    store_status rc = read_figures(c, key, NULL, &g);
    if (rc == STORE_OK)
        rc = split(c, &g);
    if (rc == STORE_OK)
        rc = mark_superseded(c, &g);
    if (rc == STORE_OK) {
        for (size_t e = 0; rc == STORE_OK && e < g.n_ev; e++)
            rc = event_group(c, key, area_name, &g, e, res);
    }
    free(g.v);
    free(g.ev);
    return rc;
}

/* ---- the request ------------------------------------------------------------ */

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

/* The worst n_claimants among the best `limit` groups found so far, or -1
 * when fewer were found. */
static long long kth_best(results *res, int limit)
{
    if (limit <= 0 || res->n < (size_t)limit)
        return -1;
    qsort(res->v, res->n, sizeof *res->v, by_interest);
    return res->v[limit - 1].n_claimants;
}

static store_status run_compare(ctx *c, results *res, long long *total)
{
    const store_compare_query *q = c->q;
    sbuf sql = {0};
    groups_sql(&sql, c->where, q->affiliation || q->claimant);
    sqlite3_stmt *st = sql.oom ? NULL : store_dyn_stmt_get(c->s, sql.p);
    free(sql.p);
    if (!st)
        return sql.oom ? store_oom(c->s) : STORE_ERR;
    char first[8] = "", last[8] = "";
    if (q->date_gte)
        memcpy(first, q->date_gte, 7);
    if (q->date_lte)
        memcpy(last, q->date_lte, 7);
    store_bind_text(st, 1, q->type);
    store_bind_text(st, 2, q->location);
    store_bind_text(st, 3, q->affiliation);
    sqlite3_bind_int(st, 4, q->min_claimants < 1 ? 1 : q->min_claimants);
    store_bind_text(st, 5, q->bloc);
    store_bind_text(st, 6, q->claimant);
    store_bind_text(st, 7, q->date_gte ? first : NULL);
    store_bind_text(st, 8, q->date_lte ? last : NULL);
    /* The statement stays open while groups are refined (other statements
     * run meanwhile): its rows are the coarse groups in claimant order. */
    store_status rc = STORE_OK;
    size_t refined = 0;
    long long unrefined = 0;
    int r;
    bool done = false; /* no later group can be shown: the rest are counted */
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (!done) {
            /* rows come in claimant order: once one cannot beat the k-th
             * best, none after it can */
            long long bound = sqlite3_column_int64(st, KEY_N);
            long long worst = kth_best(res, q->groups_limit);
            done = refined >= REFINE_MAX || (worst >= 0 && bound <= worst);
        }
        if (done) {
            unrefined++;
            continue;
        }
        const char *key[KEY_N];
        for (int i = 0; i < KEY_N; i++)
            key[i] = col_keep(c, st, i);
        const char *area_name = col_keep(c, st, KEY_N + 2);
        if (c->mem.oom) {
            rc = store_oom(c->s);
            break;
        }
        refined++;
        if ((rc = refine(c, key, area_name, res)) != STORE_OK)
            break;
    }
    if (rc == STORE_OK && r != SQLITE_DONE && r != SQLITE_ROW)
        rc = store_sql_fail(c->s, r, "compare groups");
    sqlite3_reset(st);
    *total = (long long)res->n + unrefined;
    return rc;
}

store_status store_compare(store *s, const store_compare_query *q, json_t **out)
{
    *out = NULL;
    ctx c = {.s = s, .q = q};
    results res = {0};
    long long total = 0;
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        return rc;
    if ((rc = location_scope(s, q->location, &c.where)) != STORE_OK)
        goto out;
    if ((rc = run_compare(&c, &res, &total)) != STORE_OK)
        goto out;
    if (res.n > 1)
        qsort(res.v, res.n, sizeof *res.v, by_interest);
    size_t shown =
        q->groups_limit > 0 && (size_t)q->groups_limit < res.n ? (size_t)q->groups_limit : res.n;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < shown; i++)
        if (json_array_append(arr, res.v[i].obj) != 0) {
            json_decref(arr);
            arr = NULL;
        }
    *out = arr ? json_pack("{s:o, s:I}", "groups", arr, "total", (json_int_t)total) : NULL;
    if (!*out)
        rc = store_oom(s);
out:
    for (size_t i = 0; i < res.n; i++)
        json_decref(res.v[i].obj);
    free(res.v);
    arena_free(&c.mem);
    return store_tx_end(s, rc);
}
