/* store_list.c — list queries: the catalogue of filters and sort fields,
 * the SQL they build, and keyset paging.
 *
 * Why keyset paging: lists must page through live data without skipping or
 * repeating rows, so the cursor carries the sort values of the last row
 * (ties broken by id) and the next page starts strictly after them, instead
 * of an OFFSET that shifts when rows come and go. The WHERE and ORDER BY
 * texts are assembled only from the static catalogue below; every value,
 * the cursor's included, is bound.
 *
 * Full-text filter (articles' q): SQLite would look each match up by
 * doc_no and sort them all for the page, in time proportional to the
 * matches (80-300 ms for a word in a third of 100k reports). When a term
 * matches at least 1 article in SEARCH_SCAN_RATIO, the page instead walks
 * the articles in the order asked and tests each against the matches
 * (materialised once): about SEARCH_SCAN_RATIO rows per row returned, a few
 * ms. A rarer term keeps the lookups, which are then few.
 *
 * Totals: from counts the writes keep (no filter, or one filter whose
 * catalogue row names a kept_total), else counted in the page's read
 * transaction up to STORE_EXACT_TOTAL and estimated from a sample beyond
 * (count_total), flagged by total_exact.
 *
 * Left out: relevance ranking for full-text search (q only filters; the
 * order stays the one asked for); snippets.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/json_out.h"
#include "db/store_int.h"
#include "extract/place_kinds.h"

/* This file's fixed statements (prepared on first use, kept until
 * store_close). */
enum { ST_FTS_CHECK, ST_FTS_CHECK_LOCATIONS, L__COUNT };

static sqlite3_stmt *stmt(store *s, int id, const char *sql)
{
    return store_stmt(s, STMTS_LIST, L__COUNT, (size_t)id, sql);
}

/* ---- the catalogue ------------------------------------------------------ */

static const char *const FIGURE_TYPES[] = {
    "killed",  "injured",   "casualties", "suffocated", "captured",   "displaced", "evacuated",
    "trapped", "destroyed", "seized",     "fired",      "airstrikes", "count",     NULL};
static const char *const QUALIFIERS[] = {"exact",    "more_than", "at_least", "about",
                                         "up_to",    "less_than", "range",    "tens",
                                         "hundreds", "thousands", "some",     NULL};
static const char *const SOURCE_KINDS[] = {
    "outlet",        "armed_group", "military",  "government", "agency", "ngo",   "un",
    "civil_defence", "activists",   "anonymous", "person",     "role",   "other", NULL};
static const char *const AFFILIATIONS[] = {"government", "opposition", "independent", "unknown",
                                           NULL};
static const char *const LOCATION_KINDS[] = {PLACE_KINDS, NULL};
static const char *const BOOLS[] = {"true", "false", NULL};
static const char *const STANCES[] = {"claimed", "denied", NULL};
static const char *const SIDES[] = {"government", "opposition", "unknown", NULL};
static const char *const CATEGORIES[] = {"combatants", "civilians", "people",
                                         "materiel",   "munitions", NULL};

/* The condition a filter adds, with one ? per bound value (FIELD_BBOX and
 * FIELD_NEAR are built in code; a true/false enum has two conditions), and
 * when the filter is the only one, the list's total from counts the writes
 * keep (schema.sql) with its value bound, instead of counting the matches. */
typedef struct filter_impl {
    const char *sql;
    const char *sql_false; /* a true/false enum given false; a text filter given "null" */
    const char *kept_total;
} filter_impl;

#define KEPT_(name) "SELECT coalesce((SELECT n FROM row_counts WHERE name = '" name "' || ?), 0)"

static const store_filter_def ARTICLE_FILTERS[] = {
    {"outlet", FIELD_TEXT, NULL, "articles published by this outlet (a source id)"},
    {"source", FIELD_TEXT, NULL, "articles that mention this source in any role (a source id)"},
    {"location", FIELD_TEXT, NULL,
     "articles that mention this location or a place inside it (a location id)"},
    {"type", FIELD_ENUM, FIGURE_TYPES, "articles with at least one figure of this type"},
    {"q", FIELD_SEARCH, NULL, "full-text search over title and body (FTS5 query syntax)"},
    {"copy_of", FIELD_TEXT, NULL,
     "wire copies of this article (an article id); null: originals only (no copy_of)"},
    {"date__gte", FIELD_DATE, NULL,
     "articles with a figure whose event date reaches this day or later"},
    {"date__lte", FIELD_DATE, NULL,
     "articles with a figure whose event date begins on this day or earlier"},
    {"published_at__gte", FIELD_DATE, NULL, "articles published on this day or later"},
    {"published_at__lte", FIELD_DATE, NULL, "articles published on this day or earlier"},
};
static const filter_impl ARTICLE_FILTER_SQL[] = {
    {"t.outlet_id = ?", NULL, KEPT_("articles?outlet=")},
    {"t.id IN (SELECT article_id FROM source_mentions WHERE source_id = ?)", NULL,
     "SELECT coalesce((SELECT n_articles FROM sources WHERE id = ?), 0)"},
    {"t.id IN (SELECT article_id FROM location_mentions WHERE location_id IN " STORE_PLACES_WITHIN(
         "?") ")",
     NULL, NULL},
    {"t.id IN (SELECT article_id FROM figures WHERE type = ?)", NULL, NULL},
    {"t.doc_no IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", NULL, NULL},
    {"t.id IN (SELECT article_id FROM article_copies WHERE copy_of = ?)",
     "t.id NOT IN (SELECT article_id FROM article_copies WHERE copy_of IS NOT NULL)", NULL},
    {"t.id IN (SELECT article_id FROM figures WHERE date_end >= ?)", NULL, NULL},
    {"t.id IN (SELECT article_id FROM figures WHERE date_start <= ?)", NULL, NULL},
    {"t.published_at >= ?", NULL, NULL},
    /* published_at is a timestamp: the whole day counts */
    {"t.published_at < date(?, '+1 day')", NULL, NULL},
};

static const store_filter_def SOURCE_FILTERS[] = {
    {"kind", FIELD_ENUM, SOURCE_KINDS, "sources of this kind"},
    {"affiliation", FIELD_ENUM, AFFILIATIONS, "sources with this affiliation"},
    {"article", FIELD_TEXT, NULL, "sources mentioned in this article (an article id)"},
    {"parent", FIELD_TEXT, NULL, "sources that speak for this party (a source id)"},
};
static const filter_impl SOURCE_FILTER_SQL[] = {
    {"t.kind = ?", NULL, NULL},
    {"t.affiliation = ?", NULL, NULL},
    {"t.id IN (SELECT source_id FROM source_mentions WHERE article_id = ?)", NULL, NULL},
    {"t.parent_id = ?", NULL, NULL},
};

static const store_filter_def LOCATION_FILTERS[] = {
    {"article", FIELD_TEXT, NULL, "locations mentioned in this article (an article id)"},
    {"kind", FIELD_ENUM, LOCATION_KINDS, "locations of this kind"},
    {"parent", FIELD_TEXT, NULL, "locations directly inside this one (a location id)"},
    {"bbox", FIELD_BBOX, NULL, "locations inside the box minLon,minLat,maxLon,maxLat"},
    {"near", FIELD_NEAR, NULL, "locations within km kilometres of lat,lon (lat,lon,km)"},
    {"mentioned", FIELD_ENUM, BOOLS, "locations with (true) or without (false) any mention"},
    {"resolved", FIELD_ENUM, BOOLS,
     "locations of the gazetteer (true) or named by their context but unknown to it (false)"},
    {"q", FIELD_SEARCH, NULL,
     "full-text search over the Arabic and English names (FTS5 query syntax)"},
};
static const filter_impl LOCATION_FILTER_SQL[] = {
    {"t.id IN (SELECT location_id FROM location_mentions WHERE article_id = ?)", NULL, NULL},
    {"t.kind = ?", NULL, NULL},
    {"t.parent_id = ?", NULL, NULL},
    {NULL, NULL, NULL},
    {NULL, NULL, NULL},
    {"EXISTS (SELECT 1 FROM location_mentions m WHERE m.location_id = t.id)",
     "NOT EXISTS (SELECT 1 FROM location_mentions m WHERE m.location_id = t.id)", NULL},
    {"t.resolved = 1", "t.resolved = 0", NULL},
    {"t.fts_no IN (SELECT rowid FROM locations_fts WHERE locations_fts MATCH ?)", NULL, NULL},
};

static const store_filter_def FIGURE_FILTERS[] = {
    {"article", FIELD_TEXT, NULL, "figures of this article (an article id)"},
    {"type", FIELD_ENUM, FIGURE_TYPES, "figures of this type"},
    {"qualifier", FIELD_ENUM, QUALIFIERS, "figures with this qualifier"},
    {"claimant", FIELD_TEXT, NULL, "figures claimed by this source (a source id)"},
    {"location", FIELD_TEXT, NULL, "figures placed at this location or inside it (a location id)"},
    {"stance", FIELD_ENUM, STANCES, "figures claimed or denied by their claimant"},
    {"value__gte", FIELD_NUMBER, NULL, "figures whose value is at least this"},
    {"value__lte", FIELD_NUMBER, NULL, "figures whose value is at most this"},
    {"subject_side", FIELD_ENUM, SIDES, "figures about people or things of this side"},
    {"subject_category", FIELD_ENUM, CATEGORIES, "figures about this category of subject"},
    {"date__gte", FIELD_DATE, NULL, "figures whose event date reaches this day or later"},
    {"date__lte", FIELD_DATE, NULL, "figures whose event date begins on this day or earlier"},
    {"published_at__gte", FIELD_DATE, NULL, "figures of articles published on this day or later"},
    {"published_at__lte", FIELD_DATE, NULL, "figures of articles published on this day or earlier"},
};
static const filter_impl FIGURE_FILTER_SQL[] = {
    {"t.article_id = ?", NULL, "SELECT coalesce((SELECT n_figures FROM articles WHERE id = ?), 0)"},
    {"t.type = ?", NULL, KEPT_("figures?type=")},
    {"t.qualifier = ?", NULL, NULL},
    {"t.claimant_id = ?", NULL, "SELECT coalesce((SELECT n_figures FROM sources WHERE id = ?), 0)"},
    {"t.location_id IN " STORE_PLACES_WITHIN("?"), NULL,
     "SELECT coalesce(sum(n), 0) FROM row_counts WHERE name IN"
     " (SELECT 'figures?location=' || id FROM " STORE_PLACES_WITHIN("?") ")"},
    {"t.stance = ?", NULL, NULL},
    {"t.value >= ?", NULL, NULL},
    {"t.value <= ?", NULL, NULL},
    {"t.subject_side = ?", NULL, NULL},
    {"t.subject_category = ?", NULL, NULL},
    {"t.date_end >= ?", NULL, NULL},
    {"t.date_start <= ?", NULL, NULL},
    {"t.article_id IN (SELECT id FROM articles WHERE published_at >= ?)", NULL, NULL},
    {"t.article_id IN (SELECT id FROM articles WHERE published_at < date(?, '+1 day'))", NULL,
     NULL},
};

bool store_is_iso_day(const char *s)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    if (s[10])
        return false;
    int y = (int)strtol(s, NULL, 10), m = (int)strtol(s + 5, NULL, 10),
        d = (int)strtol(s + 8, NULL, 10);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= (m == 2 && !leap ? 28 : days[m - 1]);
}

/* A sort field is one or two columns (a figure's id is article, ordinal). */
typedef struct sort_impl {
    store_sort_col col[2];
    size_t n;
} sort_impl;

static const char *const ARTICLE_SORTS[] = {"id", "title", "published_at", "n_figures", NULL};
static const sort_impl ARTICLE_SORT_SQL[] = {
    {{{"t.id", 't', false}}, 1},
    {{{"t.title", 't', true}}, 1},
    {{{"t.published_at", 't', true}}, 1},
    {{{"t.n_figures", 'i', false}}, 1},
};
static const char *const SOURCE_SORTS[] = {"id", "name", "n_mentions", "n_figures", NULL};
static const sort_impl SOURCE_SORT_SQL[] = {
    {{{"t.id", 't', false}}, 1},
    {{{"t.name", 't', false}}, 1},
    {{{"t.n_mentions", 'i', false}}, 1},
    {{{"t.n_figures", 'i', false}}, 1},
};
static const char *const LOCATION_SORTS[] = {"id", "name", "name_en", "n_mentions", NULL};
static const sort_impl LOCATION_SORT_SQL[] = {
    {{{"t.id", 't', false}}, 1},
    {{{"t.name", 't', false}}, 1},
    {{{"t.name_en", 't', true}}, 1},
    {{{"t.n_mentions", 'i', false}}, 1},
};
static const char *const FIGURE_SORTS[] = {"id", "value", "article", NULL};
static const sort_impl FIGURE_SORT_SQL[] = {
    {{{"t.article_id", 't', false}, {"t.ordinal", 'i', false}}, 2},
    {{{"t.value", 'r', true}}, 1},
    {{{"t.article_id", 't', false}}, 1},
};

/* Facets: what each counts, as a SELECT of (value, label, count) over the
 * resource's table aliased t, to which the list's own WHERE is appended,
 * then a GROUP BY. Articles are counted once however many figures or
 * mentions make them match. */
typedef struct facet_impl {
    const char *name;
    const char *select_from; /* "SELECT value, label, count FROM ... t ..." */
    const char *group_by;
} facet_impl;

static const facet_impl ARTICLE_FACETS[] = {
    {"outlet",
     "SELECT t.outlet_id, o.name, count(*) FROM articles t"
     " LEFT JOIN sources o ON o.id = t.outlet_id",
     "t.outlet_id"},
    /* LEFT JOINs whose right side is NULL only when the article has none
     * (no figure, no place mentioned, no claimed figure): the null bucket. */
    {"type",
     "SELECT fc.type, fc.type, count(DISTINCT t.id) FROM articles t"
     " LEFT JOIN figures fc ON fc.article_id = t.id",
     "fc.type"},
    {"location",
     "SELECT mc.location_id, lc.name, count(DISTINCT t.id) FROM articles t"
     " LEFT JOIN location_mentions mc ON mc.article_id = t.id"
     " LEFT JOIN locations lc ON lc.id = mc.location_id",
     "mc.location_id"},
    {"claimant",
     "SELECT fc.claimant_id, cc.name, count(DISTINCT t.id) FROM articles t"
     " LEFT JOIN figures fc ON fc.article_id = t.id AND fc.claimant_id IS NOT NULL"
     " LEFT JOIN sources cc ON cc.id = fc.claimant_id",
     "fc.claimant_id"},
};
static const facet_impl FIGURE_FACETS[] = {
    {"outlet",
     "SELECT ac.outlet_id, oc.name, count(*) FROM figures t"
     " JOIN articles ac ON ac.id = t.article_id"
     " LEFT JOIN sources oc ON oc.id = ac.outlet_id",
     "ac.outlet_id"},
    {"type", "SELECT t.type, t.type, count(*) FROM figures t", "t.type"},
    {"location",
     "SELECT t.location_id, lc.name, count(*) FROM figures t"
     " LEFT JOIN locations lc ON lc.id = t.location_id",
     "t.location_id"},
    {"claimant",
     "SELECT t.claimant_id, cc.name, count(*) FROM figures t"
     " LEFT JOIN sources cc ON cc.id = t.claimant_id",
     "t.claimant_id"},
};
static const char *const ARTICLE_FACET_NAMES[] = {"outlet", "type", "location", "claimant", NULL};
static const char *const FIGURE_FACET_NAMES[] = {"outlet", "type", "location", "claimant", NULL};
static const char *const NO_FACETS[] = {NULL};
#define STR_(x) #x
#define STR(x) STR_(x)
#define STORE_FACET_VALUES_TEXT STR(STORE_FACET_VALUES)

/* How a resource is listed: its filters with their conditions, its sort
 * fields with their columns, and what an item is read from. */
typedef struct resource_impl {
    const char *name;
    const store_filter_def *filters;
    const filter_impl *filter_sql;
    size_t n_filters;
    const char *const *sorts;
    const sort_impl *sort_sql;
    size_t n_sorts;
    const char *cols;
    int n_cols;
    const char *from;
    const char *table;
    const facet_impl *facets;
    const char *const *facet_names;
    size_t n_facets;
} resource_impl;

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const resource_impl RESOURCES[RES__COUNT] = {
    [RES_ARTICLES] = {"articles", ARTICLE_FILTERS, ARTICLE_FILTER_SQL, COUNT_OF(ARTICLE_FILTERS),
                      ARTICLE_SORTS, ARTICLE_SORT_SQL, COUNT_OF(ARTICLE_SORT_SQL), ARTICLE_COLS,
                      ARTICLE_NCOLS, ARTICLE_FROM, "articles", ARTICLE_FACETS, ARTICLE_FACET_NAMES,
                      COUNT_OF(ARTICLE_FACETS)},
    [RES_SOURCES] = {"sources", SOURCE_FILTERS, SOURCE_FILTER_SQL, COUNT_OF(SOURCE_FILTERS),
                     SOURCE_SORTS, SOURCE_SORT_SQL, COUNT_OF(SOURCE_SORT_SQL), SOURCE_COLS,
                     SOURCE_NCOLS, SOURCE_FROM, "sources", NULL, NO_FACETS, 0},
    [RES_LOCATIONS] = {"locations", LOCATION_FILTERS, LOCATION_FILTER_SQL,
                       COUNT_OF(LOCATION_FILTERS), LOCATION_SORTS, LOCATION_SORT_SQL,
                       COUNT_OF(LOCATION_SORT_SQL), LOCATION_COLS, LOCATION_NCOLS, LOCATION_FROM,
                       "locations", NULL, NO_FACETS, 0},
    [RES_FIGURES] = {"figures", FIGURE_FILTERS, FIGURE_FILTER_SQL, COUNT_OF(FIGURE_FILTERS),
                     FIGURE_SORTS, FIGURE_SORT_SQL, COUNT_OF(FIGURE_SORT_SQL), FIGURE_COLS,
                     FIGURE_NCOLS, FIGURE_FROM, "figures", FIGURE_FACETS, FIGURE_FACET_NAMES,
                     COUNT_OF(FIGURE_FACETS)},
};

_Static_assert(COUNT_OF(ARTICLE_FILTERS) == COUNT_OF(ARTICLE_FILTER_SQL), "article filters");
_Static_assert(COUNT_OF(SOURCE_FILTERS) == COUNT_OF(SOURCE_FILTER_SQL), "source filters");
_Static_assert(COUNT_OF(LOCATION_FILTERS) == COUNT_OF(LOCATION_FILTER_SQL), "location filters");
_Static_assert(COUNT_OF(FIGURE_FILTERS) == COUNT_OF(FIGURE_FILTER_SQL), "figure filters");
_Static_assert(COUNT_OF(ARTICLE_SORTS) == COUNT_OF(ARTICLE_SORT_SQL) + 1, "article sorts");
_Static_assert(COUNT_OF(SOURCE_SORTS) == COUNT_OF(SOURCE_SORT_SQL) + 1, "source sorts");
_Static_assert(COUNT_OF(LOCATION_SORTS) == COUNT_OF(LOCATION_SORT_SQL) + 1, "location sorts");
_Static_assert(COUNT_OF(FIGURE_SORTS) == COUNT_OF(FIGURE_SORT_SQL) + 1, "figure sorts");

const store_filter_def *store_filters(store_resource r, size_t *n)
{
    if ((unsigned)r >= RES__COUNT) {
        *n = 0;
        return ARTICLE_FILTERS;
    }
    *n = RESOURCES[r].n_filters;
    return RESOURCES[r].filters;
}

const char *const *store_facets(store_resource r, size_t *n)
{
    if ((unsigned)r >= RES__COUNT) {
        *n = 0;
        return NO_FACETS;
    }
    *n = RESOURCES[r].n_facets;
    return RESOURCES[r].facet_names;
}

const char *const *store_sort_fields(store_resource r, size_t *n)
{
    if ((unsigned)r >= RES__COUNT) {
        *n = 0;
        return ARTICLE_SORTS;
    }
    *n = RESOURCES[r].n_sorts;
    return RESOURCES[r].sorts;
}

#define SEARCH_SCAN_RATIO 20

/* Steps the MATCH so a malformed query fails here, on its own, and counts
 * its matches up to ?2 (the number from which the page scans). */
static const char *const SQL_FTS_CHECK =
    "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT ?2)";
/* Locations are few: their q never scans, the check only parses. */
static const char *const SQL_FTS_CHECK_LOCATIONS =
    "SELECT count(*) FROM (SELECT 1 FROM locations_fts WHERE locations_fts MATCH ?1 LIMIT ?2)";

/* ---- building SQL -------------------------------------------------------- */

#define MAX_BINDS 384 /* a second arm binds the filters again */

typedef struct bind_val {
    char type; /* 't' text, 'r' real, 'i' integer */
    const char *text;
    double num;
    long long i;
} bind_val;

typedef struct binds {
    bind_val v[MAX_BINDS];
    size_t n;
    bool overflow;
} binds;

static void bind_text(binds *b, const char *t)
{
    if (b->n == MAX_BINDS) {
        b->overflow = true;
        return;
    }
    b->v[b->n++] = (bind_val){'t', t, 0, 0};
}

static void bind_real(binds *b, double d)
{
    if (b->n == MAX_BINDS) {
        b->overflow = true;
        return;
    }
    b->v[b->n++] = (bind_val){'r', NULL, d, 0};
}

static void bind_int(binds *b, long long i)
{
    if (b->n == MAX_BINDS) {
        b->overflow = true;
        return;
    }
    b->v[b->n++] = (bind_val){'i', NULL, 0, i};
}

static void apply_binds(sqlite3_stmt *st, const binds *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int k = (int)i + 1;
        switch (b->v[i].type) {
        case 't': sqlite3_bind_text(st, k, b->v[i].text, -1, SQLITE_STATIC); break;
        case 'r': sqlite3_bind_double(st, k, b->v[i].num); break;
        default: sqlite3_bind_int64(st, k, b->v[i].i); break;
        }
    }
}

static void keys_add(store_keyset *ks, const sort_impl *si, bool desc)
{
    for (size_t c = 0; c < si->n; c++) {
        bool seen = false;
        for (size_t j = 0; j < ks->n; j++)
            seen |= strcmp(ks->k[j].col->expr, si->col[c].expr) == 0;
        if (!seen && ks->n < STORE_MAX_KEYS)
            ks->k[ks->n++] = (store_key_col){&si->col[c], desc};
    }
}

static void keys_build(store_keyset *ks, const resource_impl *ri, const store_query *q)
{
    ks->n = 0;
    for (size_t i = 0; i < q->n_sort; i++)
        keys_add(ks, &ri->sort_sql[q->sort[i].field], q->sort[i].desc);
    /* Field 0 is the id everywhere. It breaks ties in the direction of the
     * last sort field, so that a one-field sort, either way, walks the
     * field's (field, id) index instead of sorting every row. */
    keys_add(ks, &ri->sort_sql[0], q->n_sort ? q->sort[q->n_sort - 1].desc : false);
    size_t off = (size_t)snprintf(ks->spec, sizeof ks->spec, "marsad-cursor-1|%s", ri->name);
    for (size_t i = 0; i < ks->n && off < sizeof ks->spec; i++)
        off += (size_t)snprintf(ks->spec + off, sizeof ks->spec - off, "|%s%c", ks->k[i].col->expr,
                                ks->k[i].desc ? '-' : '+');
}

static bool in_enum(const char *const *values, const char *v)
{
    for (; values && *values; values++)
        if (strcmp(*values, v) == 0)
            return true;
    return false;
}

/* Bounds of a circle of km around lat,lon for an index-friendly prefilter
 * (exact on a sphere, J. Matuschek's method); the lon bounds are skipped
 * near the poles or across the antimeridian. The distance test follows. */
static void add_near(sbuf *sb, binds *b, double lat, double lon, double km)
{
    const double R = 6371.0088, deg = 180.0 / 3.14159265358979323846, margin = 1e-6;
    double d = km / R; /* angular radius, radians */
    double lat_r = lat / deg;
    sb_add(sb, "t.lat BETWEEN ? AND ?");
    bind_real(b, lat - d * deg - margin);
    bind_real(b, lat + d * deg + margin);
    if (fabs(lat_r) + d < 3.14159265358979323846 / 2 && sin(d) < cos(lat_r)) {
        double dlon = asin(sin(d) / cos(lat_r)) * deg;
        if (lon - dlon > -180 && lon + dlon < 180) {
            sb_add(sb, " AND t.lon BETWEEN ? AND ?");
            bind_real(b, lon - dlon - margin);
            bind_real(b, lon + dlon + margin);
        }
    }
    sb_add(sb, " AND marsad_km(?, ?, t.lat, t.lon) <= ?");
    bind_real(b, lat);
    bind_real(b, lon);
    bind_real(b, km);
}

/* Appends " AND (cond)" for every filter. Filter values are checked here,
 * the layer above should already have refused bad ones. */
static store_status add_filters(store *s, const resource_impl *ri, const store_query *q, sbuf *sb,
                                binds *b, bool search_scans)
{
    for (size_t i = 0; i < q->n_filters; i++) {
        const store_filter *f = &q->filters[i];
        const store_filter_def *def = &ri->filters[f->def];
        const filter_impl *fi = &ri->filter_sql[f->def];
        sb_add(sb, " AND (");
        switch (def->type) {
        case FIELD_TEXT:
        case FIELD_SEARCH:
        case FIELD_ENUM:
        case FIELD_DATE:
            if (!f->text) {
                store_set_err(s, "filter %s: no value", def->name);
                return STORE_ERR;
            }
            if (def->type == FIELD_DATE && !store_is_iso_day(f->text)) {
                store_set_err(s, "filter %s: '%s' is not a day (YYYY-MM-DD)", def->name, f->text);
                return STORE_ERR;
            }
            if (def->type == FIELD_ENUM && !in_enum(def->enum_values, f->text)) {
                store_set_err(s, "filter %s: '%s' is not one of its values", def->name, f->text);
                return STORE_ERR;
            }
            if (fi->sql_false && def->type == FIELD_ENUM) { /* true/false binds nothing */
                sb_add(sb, strcmp(f->text, "true") == 0 ? fi->sql : fi->sql_false);
            } else if (fi->sql_false && strcmp(f->text, "null") == 0) { /* nor does null */
                sb_add(sb, fi->sql_false);
            } else {
                if (def->type == FIELD_SEARCH && search_scans)
                    sb_add(sb, "+"); /* no index for it: the ORDER BY's (see the top) */
                sb_add(sb, fi->sql);
                bind_text(b, f->text);
            }
            break;
        case FIELD_NUMBER:
            if (!isfinite(f->num[0])) {
                store_set_err(s, "filter %s: not a finite number", def->name);
                return STORE_ERR;
            }
            sb_add(sb, fi->sql);
            bind_real(b, f->num[0]);
            break;
        case FIELD_BBOX:
            for (int k = 0; k < 4; k++)
                if (!isfinite(f->num[k])) {
                    store_set_err(s, "filter %s: not a finite number", def->name);
                    return STORE_ERR;
                }
            sb_add(sb, "t.lat BETWEEN ? AND ?");
            bind_real(b, f->num[1]);
            bind_real(b, f->num[3]);
            /* minLon > maxLon: a box across the antimeridian */
            sb_add(sb, f->num[0] <= f->num[2] ? " AND t.lon BETWEEN ? AND ?"
                                              : " AND (t.lon >= ? OR t.lon <= ?)");
            bind_real(b, f->num[0]);
            bind_real(b, f->num[2]);
            break;
        case FIELD_NEAR:
            if (!isfinite(f->num[0]) || !isfinite(f->num[1]) || !isfinite(f->num[2]) ||
                fabs(f->num[0]) > 90 || fabs(f->num[1]) > 180 || f->num[2] < 0) {
                store_set_err(s, "filter %s: needs lat (-90..90), lon (-180..180), km >= 0",
                              def->name);
                return STORE_ERR;
            }
            add_near(sb, b, f->num[0], f->num[1], f->num[2]);
            break;
        }
        sb_add(sb, ")");
    }
    return STORE_OK;
}

static void bind_json(binds *b, json_t *v)
{
    if (json_is_string(v))
        bind_text(b, json_string_value(v));
    else if (json_is_integer(v))
        bind_int(b, json_integer_value(v));
    else
        bind_real(b, json_number_value(v));
}

/* Appends the keyset condition "the row comes after the cursor row":
 * (k1 after v1) OR (k1 = v1 AND k2 after v2) OR ..., where NULL sorts first
 * ascending and last descending, as SQLite's ORDER BY does. */
static bool add_keyset(sbuf *sb, binds *b, const store_keyset *ks, json_t *vals)
{
    bool any = false, nulls_follow = false;
    /* The first key's bound, which the ORs imply, said once more on its own:
     * SQLite cannot tell that the ORs' separate bindings of v1 are equal,
     * so without it a page seeks to the filter's first row, not the
     * cursor's, and reads every row before (a random page of a type cost
     * ten first pages). Where NULLs follow a descending key the bound
     * leaves them out: the answer is true, and the caller reads them after
     * (store_list's second arm). */
    json_t *first = json_array_get(vals, 0), *second = json_array_get(vals, 1);
    if (ks->n > 1 && !json_is_null(first)) {
        sb_add(sb, " AND ");
        sb_add(sb, ks->k[0].col->expr);
        sb_add(sb, ks->k[0].desc ? " <= ?" : " >= ?");
        bind_json(b, first);
        nulls_follow = ks->k[0].desc && ks->k[0].col->nullable;
    } else if (ks->n > 1 && ks->k[0].desc) { /* after a NULL, descending: NULLs only */
        sb_add(sb, " AND ");
        sb_add(sb, ks->k[0].col->expr);
        sb_add(sb, " IS NULL");
        if (ks->n > 2 && !json_is_null(second) && !ks->k[1].col->nullable) {
            sb_add(sb, " AND ");
            sb_add(sb, ks->k[1].col->expr);
            sb_add(sb, ks->k[1].desc ? " <= ?" : " >= ?");
            bind_json(b, second);
        }
    }
    sb_add(sb, " AND (");
    for (size_t i = 0; i < ks->n; i++) {
        const store_key_col *kc = &ks->k[i];
        json_t *v = json_array_get(vals, i);
        if (json_is_null(v) && kc->desc)
            continue; /* nothing comes after NULL in descending order */
        sb_add(sb, any ? " OR (" : "(");
        any = true;
        for (size_t j = 0; j < i; j++) {
            json_t *w = json_array_get(vals, j);
            sb_add(sb, ks->k[j].col->expr);
            if (json_is_null(w)) {
                sb_add(sb, " IS NULL AND ");
            } else {
                sb_add(sb, " = ? AND ");
                bind_json(b, w);
            }
        }
        if (json_is_null(v)) {
            sb_add(sb, kc->col->expr);
            sb_add(sb, " IS NOT NULL)");
            continue;
        }
        if (kc->desc && kc->col->nullable) { /* parenthesised: AND binds tighter */
            sb_add(sb, "(");
            sb_add(sb, kc->col->expr);
            sb_add(sb, " < ? OR ");
            sb_add(sb, kc->col->expr);
            sb_add(sb, " IS NULL))");
        } else {
            sb_add(sb, kc->col->expr);
            sb_add(sb, kc->desc ? " < ?)" : " > ?)");
        }
        bind_json(b, v);
    }
    sb_add(sb, any ? ")" : "0)");
    return nulls_follow;
}

/* ---- store_list ---------------------------------------------------------- */

static store_status check_query(store *s, const store_query *q)
{
    if ((unsigned)q->res >= RES__COUNT) {
        store_set_err(s, "unknown resource");
        return STORE_ERR;
    }
    const resource_impl *ri = &RESOURCES[q->res];
    if (q->n_filters > STORE_MAX_FILTERS || q->n_sort > STORE_MAX_SORT ||
        q->n_facets > STORE_MAX_FACETS) {
        store_set_err(s, "too many filters or sort fields");
        return STORE_ERR;
    }
    for (size_t i = 0; i < q->n_filters; i++)
        if (q->filters[i].def >= ri->n_filters) {
            store_set_err(s, "unknown filter for %s", ri->name);
            return STORE_ERR;
        }
    for (size_t i = 0; i < q->n_sort; i++)
        if (q->sort[i].field >= ri->n_sorts) {
            store_set_err(s, "unknown sort field for %s", ri->name);
            return STORE_ERR;
        }
    if (q->limit < 1 || q->limit > STORE_MAX_LIMIT) {
        store_set_err(s, "limit must be 1..%d", STORE_MAX_LIMIT);
        return STORE_ERR;
    }
    return STORE_OK;
}

static store_status run_count(store *s, const char *sql, const binds *b, size_t nb,
                              long long *total)
{
    sqlite3_stmt *st = store_dyn_stmt_get(s, sql);
    if (!st)
        return STORE_ERR;
    apply_binds(st, b, nb);
    int rc = sqlite3_step(st);
    store_status out = STORE_OK;
    if (rc == SQLITE_ROW)
        *total = sqlite3_column_int64(st, 0);
    else
        out = store_sql_fail(s, rc, "count");
    sqlite3_reset(st);
    return out;
}

/* The total of a list without kept counts: exact up to STORE_EXACT_TOTAL
 * matches (count_sql stops one past it), beyond that estimated from a
 * sample (SAMPLE_WINDOWS runs of SAMPLE_ROWS rows spread over the table by
 * rowid: the share of them that match, times the table's rows), since
 * counting a million matches takes longer than the page. Never below
 * STORE_EXACT_TOTAL + 1, which is known to match. */
#define SAMPLE_WINDOWS 8
#define SAMPLE_ROWS 1000
static store_status count_total(store *s, const resource_impl *ri, const char *count_sql,
                                const char *where, const binds *b, size_t nb, store_page *page)
{
    store_status rc = run_count(s, count_sql, b, nb, &page->total);
    page->total_exact = page->total <= STORE_EXACT_TOTAL;
    if (rc != STORE_OK || page->total_exact)
        return rc;
    sbuf span = {0}, sample = {0};
    /* min and max each in its own subquery: together in one SELECT they are
     * a scan of the table (SQLite's min/max optimisation takes one alone),
     * 160 ms at 2 million figures, not two index probes. */
    sb_add(&span, "SELECT (SELECT n FROM row_counts WHERE name = '");
    sb_add(&span, ri->table);
    sb_add(&span, "'), (SELECT min(rowid) FROM ");
    sb_add(&span, ri->table);
    sb_add(&span, "), (SELECT max(rowid) FROM ");
    sb_add(&span, ri->table);
    sb_add(&span, ")");
    sb_add(&sample, "SELECT count(*), coalesce(sum(1");
    sb_add(&sample, where);
    sb_add(&sample, "), 0) FROM ");
    sb_add(&sample, ri->table);
    sb_add(&sample, " t WHERE t.rowid BETWEEN ? AND ?");
    sqlite3_stmt *st = NULL;
    long long rows = 0, lo = 0, hi = 0, seen = 0, matched = 0;
    if (span.oom || sample.oom) {
        rc = store_oom(s);
        goto out;
    }
    if (!(st = store_dyn_stmt_get(s, span.p))) {
        rc = STORE_ERR;
        goto out;
    }
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        rows = sqlite3_column_int64(st, 0);
        lo = sqlite3_column_int64(st, 1);
        hi = sqlite3_column_int64(st, 2);
    }
    sqlite3_reset(st);
    if (r != SQLITE_ROW) {
        rc = store_sql_fail(s, r, "count sample");
        goto out;
    }
    if (!(st = store_dyn_stmt_get(s, sample.p))) {
        rc = STORE_ERR;
        goto out;
    }
    long long step = (hi - lo + 1) / SAMPLE_WINDOWS;
    for (int w = 0; w < SAMPLE_WINDOWS && rc == STORE_OK; w++) {
        long long from = lo + w * step;
        apply_binds(st, b, nb);
        sqlite3_bind_int64(st, (int)nb + 1, from);
        sqlite3_bind_int64(st, (int)nb + 2, from + SAMPLE_ROWS - 1);
        if ((r = sqlite3_step(st)) == SQLITE_ROW) {
            seen += sqlite3_column_int64(st, 0);
            matched += sqlite3_column_int64(st, 1);
        } else {
            rc = store_sql_fail(s, r, "count sample");
        }
        sqlite3_reset(st);
    }
    if (rc == STORE_OK && seen > 0) {
        long long estimate = (long long)((double)rows * (double)matched / (double)seen + 0.5);
        if (estimate > page->total)
            page->total = estimate;
    }
out:
    free(span.p);
    free(sample.p);
    return rc;
}

/* Runs the full-text query alone first, so its syntax errors are told
 * apart from everything else (STORE_BADQUERY, not STORE_ERR), and sets
 * *scans when it matches at least 1 article in SEARCH_SCAN_RATIO. */
static store_status check_search(store *s, const resource_impl *ri, const store_query *q,
                                 bool *scans)
{
    *scans = false;
    for (size_t i = 0; i < q->n_filters; i++) {
        if (ri->filters[q->filters[i].def].type != FIELD_SEARCH)
            continue;
        bool articles_q = q->res == RES_ARTICLES;
        long long articles = 0;
        store_status out = articles_q
                               ? run_count(s, "SELECT n FROM row_counts WHERE name = 'articles'",
                                           NULL, 0, &articles)
                               : STORE_OK;
        if (out != STORE_OK)
            return out;
        long long from = articles / SEARCH_SCAN_RATIO > 0 ? articles / SEARCH_SCAN_RATIO : 1;
        sqlite3_stmt *st = articles_q ? stmt(s, ST_FTS_CHECK, SQL_FTS_CHECK)
                                      : stmt(s, ST_FTS_CHECK_LOCATIONS, SQL_FTS_CHECK_LOCATIONS);
        if (!st)
            return STORE_ERR;
        store_bind_text(st, 1, q->filters[i].text);
        sqlite3_bind_int64(st, 2, from);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && articles_q)
            *scans = sqlite3_column_int64(st, 0) >= from;
        if (rc != SQLITE_ROW) {
            out = store_sql_fail(s, rc, "search query");
            if ((rc & 0xff) == SQLITE_ERROR)
                out = STORE_BADQUERY;
        }
        sqlite3_reset(st);
        if (out != STORE_OK)
            return out;
    }
    return STORE_OK;
}

/* Counts of each asked facet under the list's filters (where, with its
 * n_binds bound values): {name: [{"value","label","count"}...]}. */
static store_status run_facets(store *s, const resource_impl *ri, const store_query *q,
                               const char *where, const binds *b, size_t n_binds, json_t **out)
{
    *out = json_object();
    if (!*out) {
        store_set_err(s, "out of memory");
        return STORE_ERR;
    }
    for (size_t i = 0; i < q->n_facets; i++) {
        if (q->facets[i] >= ri->n_facets) {
            store_set_err(s, "unknown facet");
            return STORE_ERR;
        }
        const facet_impl *fi = &ri->facets[q->facets[i]];
        sbuf sql = {0};
        sb_add(&sql, fi->select_from);
        sb_add(&sql, " WHERE 1");
        if (where)
            sb_add(&sql, where);
        sb_add(&sql, " GROUP BY ");
        sb_add(&sql, fi->group_by);
        sb_add(&sql, " ORDER BY 3 DESC, 1 LIMIT " STORE_FACET_VALUES_TEXT);
        if (sql.oom) {
            free(sql.p);
            store_set_err(s, "out of memory (facet)");
            return STORE_ERR;
        }
        sqlite3_stmt *st = store_dyn_stmt_get(s, sql.p);
        free(sql.p);
        if (!st)
            return STORE_ERR;
        apply_binds(st, b, n_binds);
        json_t *values = json_array();
        int r;
        while (values && (r = sqlite3_step(st)) == SQLITE_ROW) {
            json_t *v =
                json_pack("{s:o, s:o, s:I}", "value", store_col_str(st, 0), "label",
                          store_col_str(st, 1), "count", (json_int_t)sqlite3_column_int64(st, 2));
            if (!v || json_array_append_new(values, v) != 0) {
                json_decref(values);
                values = NULL;
            }
        }
        sqlite3_reset(st);
        if (!values) {
            store_set_err(s, "out of memory (facet)");
            return STORE_ERR;
        }
        if (r != SQLITE_DONE) {
            json_decref(values);
            return store_sql_fail(s, r, "facet");
        }
        json_object_set_new(*out, fi->name, values);
    }
    return STORE_OK;
}

store_status store_list(store *s, const store_query *q, store_page *page)
{
    store_status rc;
    sbuf where = {0}, select = {0}, keyset = {0}, order = {0}, sql = {0}, count_sql = {0};
    binds *b = NULL;
    json_t *after = NULL;
    char *named = NULL;
    store_keyset ks;
    bool in_tx = false;
    sqlite3_stmt *st = NULL;

    memset(page, 0, sizeof *page);
    if ((rc = check_query(s, q)) != STORE_OK)
        return rc;
    const resource_impl *ri = &RESOURCES[q->res];
    keys_build(&ks, ri, q);
    if (q->cursor && !(after = store_cursor_decode(s, &ks, q->cursor)))
        return STORE_BADCURSOR;
    if (!(b = calloc(1, sizeof *b))) {
        store_set_err(s, "out of memory");
        rc = STORE_ERR;
        goto out;
    }
    /* The plan for a full-text filter depends on its matches: counted
     * first, in the transaction that reads the page. */
    if ((rc = store_read_begin(s)) != STORE_OK)
        goto out;
    in_tx = true;
    /* Articles are Arabic text: an English place name in q is also looked
     * for by its Arabic names (store_search_place_names). */
    store_query with_names;
    for (size_t i = 0; i < q->n_filters && q->res == RES_ARTICLES && !named; i++) {
        if (ri->filters[q->filters[i].def].type != FIELD_SEARCH || !q->filters[i].text)
            continue;
        if ((rc = store_search_place_names(s, q->filters[i].text, &named)) != STORE_OK)
            goto out;
        if (named) {
            with_names = *q;
            with_names.filters[i].text = named;
            q = &with_names;
        }
    }
    bool search_scans;
    if ((rc = check_search(s, ri, q, &search_scans)) != STORE_OK)
        goto out;
    if ((rc = add_filters(s, ri, q, &where, b, search_scans)) != STORE_OK)
        goto out;
    size_t n_filter_binds = b->n;

    /* The total: kept counts where the filters allow, else the matches
     * counted up to STORE_EXACT_TOTAL and estimated beyond (count_total). */
    const char *kept = NULL;
    bool counted = false; /* total from a count the writes keep */
    if (!where.p) {
        counted = true;
        sb_add(&count_sql, "SELECT n FROM row_counts WHERE name = '");
        sb_add(&count_sql, ri->table);
        sb_add(&count_sql, "'");
    } else if (q->n_filters == 1 && (kept = ri->filter_sql[q->filters[0].def].kept_total)) {
        counted = true;
        sb_add(&count_sql, kept);
    } else {
        sb_add(&count_sql, "SELECT count(*) FROM (SELECT 1 FROM ");
        sb_add(&count_sql, ri->table);
        sb_add(&count_sql, " t WHERE 1");
        sb_add(&count_sql, where.p);
        sb_add(&count_sql, " LIMIT " STORE_EXACT_TOTAL_TEXT " + 1)");
    }

    sb_add(&select, "SELECT ");
    sb_add(&select, ri->cols);
    for (size_t i = 0; i < ks.n; i++) {
        sb_add(&select, ", ");
        sb_add(&select, ks.k[i].col->expr);
    }
    sb_add(&select, " FROM ");
    sb_add(&select, ri->from);
    sb_add(&select, " WHERE 1");
    if (where.p)
        sb_add(&select, where.p);
    /* ASC puts NULLs first and DESC last: the order add_keyset assumes. */
    for (size_t i = 0; i < ks.n; i++) {
        sb_add(&order, i ? ", " : " ORDER BY ");
        sb_add(&order, ks.k[i].col->expr);
        sb_add(&order, ks.k[i].desc ? " DESC" : " ASC");
    }
    sb_add(&order, " LIMIT ?");
    bool nulls_follow = after && add_keyset(&keyset, b, &ks, after);
    /* Each arm a subquery: a compound's arms cannot have their own ORDER BY. */
    sb_add(&sql, nulls_follow ? "SELECT * FROM (" : "");
    sb_add(&sql, select.p);
    sb_add(&sql, keyset.p);
    sb_add(&sql, order.p);
    bind_int(b, (long long)q->limit + 1); /* one more tells whether a next page exists */
    if (nulls_follow) {                   /* the rows whose first key is NULL, after the others */
        sb_add(&sql, ") UNION ALL SELECT * FROM (");
        sb_add(&sql, select.p);
        sb_add(&sql, " AND ");
        sb_add(&sql, ks.k[0].col->expr);
        sb_add(&sql, " IS NULL");
        sb_add(&sql, order.p);
        sb_add(&sql, ")");
        for (size_t i = 0; i < n_filter_binds; i++)
            if (b->n == MAX_BINDS)
                b->overflow = true;
            else
                b->v[b->n++] = b->v[i];
        bind_int(b, (long long)q->limit + 1);
    }
    if (where.oom || select.oom || keyset.oom || order.oom || sql.oom || count_sql.oom ||
        b->overflow) {
        store_set_err(s, "out of memory (query)");
        rc = STORE_ERR;
        goto out;
    }

    if (counted) {
        /* A kept count binds the one filter's value, the first bound. */
        rc = run_count(s, count_sql.p, b, kept ? 1 : 0, &page->total);
        page->total_exact = true;
    } else {
        rc = count_total(s, ri, count_sql.p, where.p, b, n_filter_binds, page);
    }
    if (rc != STORE_OK)
        goto out;
    if (q->n_facets &&
        (rc = run_facets(s, ri, q, where.p, b, n_filter_binds, &page->facets)) != STORE_OK)
        goto out;
    if (!(st = store_dyn_stmt_get(s, sql.p))) {
        rc = STORE_ERR;
        goto out;
    }
    apply_binds(st, b, b->n);
    int r, n = 0;
    char *next = NULL;
    /* The items are written as bytes straight from the rows (what the
     * server sends); callers that work on values get them parsed back. */
    json_out items;
    json_out_init(&items, STORE_JSON_MAX);
    json_out_raw(&items, "[", 1);
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == q->limit) { /* the extra row: the page is full and more follow */
            page->next = next;
            next = NULL;
            break;
        }
        if (n)
            json_out_raw(&items, ",", 1);
        store_item_write(&items, q->res, st, 0, false);
        if (++n == q->limit && !(next = store_cursor_encode(s, &ks, st, ri->n_cols))) {
            rc = STORE_ERR;
            break;
        }
    }
    free(next);
    if (rc == STORE_OK && r != SQLITE_ROW && r != SQLITE_DONE)
        rc = store_sql_fail(s, r, "list");
    sqlite3_reset(st);
    json_out_raw(&items, "]", 1);
    if (rc == STORE_OK && !(page->items = json_out_take(&items, &page->items_len))) {
        store_set_err(s, "out of memory, too large or invalid UTF-8 in a row");
        rc = STORE_ERR;
    }
    json_out_free(&items);
    if (rc == STORE_OK && !q->items_only &&
        !(page->data = json_loadb(page->items, page->items_len, 0, NULL)))
        rc = store_oom(s);
out:
    if (in_tx)
        rc = store_tx_end(s, rc);
    if (rc != STORE_OK)
        store_page_free(page);
    json_decref(after);
    free(where.p);
    free(select.p);
    free(keyset.p);
    free(order.p);
    free(sql.p);
    free(count_sql.p);
    free(b);
    free(named);
    return rc;
}

void store_page_free(store_page *page)
{
    if (!page)
        return;
    json_decref(page->facets);
    page->facets = NULL;
    json_decref(page->data);
    free(page->next);
    free(page->items);
    page->items = NULL;
    page->items_len = 0;
    page->data = NULL;
    page->next = NULL;
    page->total = 0;
}
