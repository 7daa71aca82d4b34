/* handlers.c — the routes of API v1 and the service routes.
 *
 * Lists share one path (list_resource): validate the parameters against the
 * store's catalogue, fetch one keyset page, frame it as
 * {data, next, next_url, total} with a Link header. Store statuses become
 * HTTP statuses in one place (handlers_store_failure).
 */
#include "server/handlers.h"

#include "db/json_out.h"
#include "extract/extract.h"
#include "server/assets.h"
#include "server/export.h"
#include "server/params.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

const char *app_fault_text(int why)
{
    switch (why) {
    case APP_FAULT_CORRUPT: return "the database file is damaged";
    case APP_FAULT_MOVED: return "the database file was moved, deleted or replaced while serving";
    default: return NULL;
    }
}

void app_set_fault(atomic_int *fault, int why)
{
    int none = APP_FAULT_NONE;
    if (atomic_compare_exchange_strong(fault, &none, why))
        fprintf(stderr,
                "marsad: %s: writes are refused and /readyz answers 503 from now on; "
                "restart on a sound database\n",
                app_fault_text(why));
}

bool app_store_sound(app *a)
{
    struct stat st;
    if (a->db_path &&
        (stat(a->db_path, &st) != 0 || st.st_dev != a->db_dev || st.st_ino != a->db_ino))
        app_set_fault(&a->fault, APP_FAULT_MOVED);
    return atomic_load(&a->fault) == APP_FAULT_NONE;
}

static const char *resource_name(store_resource res)
{
    switch (res) {
    case RES_ARTICLES: return "article";
    case RES_SOURCES: return "source";
    case RES_LOCATIONS: return "location";
    case RES_FIGURES: return "figure";
    default: return "item";
    }
}

void handlers_store_failure(request *rq, reply *r, store_status st, store_resource res)
{
    switch (st) {
    case STORE_NOTFOUND:
        reply_problem(r, 404, "no %s with id '%s'", resource_name(res), rq->id);
        return;
    case STORE_BADCURSOR:
        reply_bad_param(r, "cursor", "not a cursor this server issued for this query");
        return;
    case STORE_BADQUERY:
        reply_bad_param(r, "q", "not a valid search query: %s", store_errmsg(rq->db));
        return;
    case STORE_BUSY:
        r->retry_after = 1;
        reply_problem(r, 503, "the database is busy; try again shortly");
        return;
    case STORE_CORRUPT:
        app_set_fault(&rq->app->fault, APP_FAULT_CORRUPT);
        fprintf(stderr, "marsad: store error on %s: %s\n", rq->path, store_errmsg(rq->db));
        reply_problem(r, 503, "%s", app_fault_text(APP_FAULT_CORRUPT));
        return;
    default:
        fprintf(stderr, "marsad: store error on %s: %s\n", rq->path, store_errmsg(rq->db));
        reply_problem(r, 500, "the store failed to answer");
        return;
    }
}

/* RFC 7946: a Feature per item, Point geometry from lat/lon (null when the
 * item has no place), the rest of the item as properties. */
static json_t *feature_of(json_t *item, store_resource res)
{
    json_t *props = json_deep_copy(item);
    json_t *geometry = json_null();
    json_t *lat = NULL, *lon = NULL;
    if (res == RES_LOCATIONS) {
        lat = json_object_get(item, "lat");
        lon = json_object_get(item, "lon");
    } else {
        json_t *loc = json_object_get(item, "location");
        lat = json_object_get(loc, "lat");
        lon = json_object_get(loc, "lon");
    }
    if (json_is_number(lat) && json_is_number(lon))
        geometry = json_pack("{s:s, s:[f,f]}", "type", "Point", "coordinates",
                             json_number_value(lon), json_number_value(lat));
    return json_pack("{s:s, s:O, s:o, s:o}", "type", "Feature", "id", json_object_get(item, "id"),
                     "geometry", geometry ? geometry : json_null(), "properties",
                     props ? props : json_object());
}

/* A map has no place for an unresolved location (no coordinates): the
 * GeoJSON of locations keeps the resolved ones, as if resolved=true. */
static bool only_resolved(store_query *q, reply *r)
{
    size_t n;
    const store_filter_def *defs = store_filters(RES_LOCATIONS, &n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(defs[i].name, "resolved") != 0)
            continue;
        if (q->n_filters == STORE_MAX_FILTERS) {
            reply_bad_param(r, "format", "too many filters for geojson");
            return false;
        }
        q->filters[q->n_filters++] = (store_filter){.def = i, .text = "true"};
        return true;
    }
    return true;
}

static void list_resource(request *rq, reply *r, store_resource res, bool geojson,
                          const char *preset, const char *preset_value)
{
    store_query q;
    output_format fmt;
    if (!params_query_or_reply(rq, res, geojson, preset, preset_value, &q, &fmt, r))
        return;
    if (fmt == FORMAT_GEOJSON && res == RES_LOCATIONS && !only_resolved(&q, r))
        return;
    if (fmt == FORMAT_CSV || fmt == FORMAT_CSV_BOM || fmt == FORMAT_NDJSON) {
        if (q.n_facets) {
            reply_bad_param(r, "facet", "facets are not exported; ask format=json");
            return;
        }
        export_start(rq, &q, fmt, r, handlers_store_failure);
        return;
    }
    /* JSON pages are framed around the items' bytes; GeoJSON reshapes
     * the items, so it works on values. */
    q.items_only = fmt != FORMAT_GEOJSON;
    store_page page = {0};
    store_status st = store_list(rq->db, &q, &page);
    if (st != STORE_OK) {
        handlers_store_failure(rq, r, st, res);
        return;
    }
    /* The next page's URL, as long as a request may be: a longer one
     * would be refused with a 414 when followed. */
    size_t url_cap = (rq->app && rq->app->max_url ? rq->app->max_url : PARAMS_DEFAULT_MAX_URL) + 1;
    char *url = page.next ? malloc(url_cap) : NULL;
    bool linked = url && params_next_url(rq, page.next, url, url_cap);
    if (fmt == FORMAT_GEOJSON) {
        json_t *next_url = linked ? json_string(url) : json_null();
        json_t *next = page.next ? json_string(page.next) : json_null();
        json_t *features = json_array();
        size_t i;
        json_t *item;
        json_array_foreach(page.data, i, item)
            json_array_append_new(features, feature_of(item, res));
        reply_json(r, 200,
                   json_pack("{s:s, s:o, s:o, s:o, s:I, s:b}", "type", "FeatureCollection",
                             "features", features, "next", next, "next_url", next_url, "total",
                             (json_int_t)page.total, "total_exact", page.total_exact));
    } else {
        json_out o;
        json_out_init(&o, STORE_JSON_MAX);
        json_out_lit(&o, "{\"data\":");
        json_out_raw(&o, page.items, page.items_len);
        json_out_lit(&o, ",\"next\":");
        if (page.next)
            json_out_str(&o, page.next, strlen(page.next));
        else
            json_out_lit(&o, "null");
        json_out_lit(&o, ",\"next_url\":");
        if (linked)
            json_out_str(&o, url, strlen(url));
        else
            json_out_lit(&o, "null");
        json_out_lit(&o, ",\"total\":");
        json_out_int(&o, page.total);
        json_out_lit(&o, ",\"total_exact\":");
        json_out_lit(&o, page.total_exact ? "true" : "false");
        if (page.facets) {
            char *facets = json_dumps(page.facets, JSON_COMPACT | JSON_REAL_PRECISION(10));
            json_out_lit(&o, ",\"facets\":");
            if (facets)
                json_out_lit(&o, facets);
            else
                o.failed = true;
            free(facets);
        }
        json_out_raw(&o, "}", 1);
        size_t len;
        char *body = json_out_take(&o, &len);
        if (body)
            reply_json_bytes(r, 200, body, len);
        else
            reply_problem(r, 500, "the response could not be serialised");
    }
    store_page_free(&page);
    if (r->status == 200 && linked && !reply_link_next(r, url))
        reply_problem(r, 500, "out of memory");
    free(url);
    if (fmt == FORMAT_GEOJSON && r->status == 200)
        r->content_type = "application/geo+json";
}

static void get_resource(request *rq, reply *r, store_resource res)
{
    if (!params_check_or_reply(rq, true, r))
        return;
    char *body;
    size_t len;
    store_status st = store_get_json(rq->db, res, rq->id, &body, &len);
    if (st != STORE_OK) {
        handlers_store_failure(rq, r, st, res);
        return;
    }
    reply_json_bytes(r, 200, body, len);
}

static const char *content_type_of(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return "application/octet-stream";
    if (!strcmp(dot, ".html"))
        return "text/html; charset=utf-8";
    if (!strcmp(dot, ".css"))
        return "text/css; charset=utf-8";
    if (!strcmp(dot, ".js"))
        return "text/javascript; charset=utf-8";
    if (!strcmp(dot, ".svg"))
        return "image/svg+xml";
    return "application/octet-stream";
}

/* The explorer page (web/index.html), or a JSON index of the API when the
 * binary was built without web/. */
void handle_index(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r))
        return;
    const data_blob *page = assets_find("web/index.html");
    if (page) {
        reply_static(r, 200, content_type_of(page->name), page->data, page->len);
        r->page = true;
        return;
    }
    reply_json(r, 200,
               json_pack("{s:s, s:s, s:{s:s, s:s, s:s, s:s, s:s, s:s, s:s}}", "name", "marsad",
                         "version", rq->app->version, "links", "articles", "/v1/articles",
                         "sources", "/v1/sources", "locations", "/v1/locations", "figures",
                         "/v1/figures", "meta", "/v1/meta", "openapi", "/openapi.yaml", "health",
                         "/healthz"));
}

/* A file of web/, compiled in: only names the build embedded are served, so
 * no path can reach anything else. */
void handle_web_asset(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r))
        return;
    char name[REQUEST_MAX_ID + 8];
    snprintf(name, sizeof name, "web/%s", rq->id);
    const data_blob *b = assets_find(name);
    if (!b) {
        reply_problem(r, 404, "no file '%s' in the explorer", rq->id);
        return;
    }
    reply_static(r, 200, content_type_of(b->name), b->data, b->len);
}

void handle_healthz(request *rq, reply *r)
{
    (void)rq;
    static const char ok[] = "{\"status\":\"ok\"}";
    reply_static(r, 200, "application/json", ok, sizeof ok - 1);
    r->no_etag = true;
}

void handle_readyz(request *rq, reply *r)
{
    r->no_etag = true;
    if (!atomic_load(&rq->app->ready)) {
        r->retry_after = 1;
        reply_problem(r, 503, "the seeds are still being imported");
        return;
    }
    if (!app_store_sound(rq->app)) {
        reply_problem(r, 503, "%s", app_fault_text(atomic_load(&rq->app->fault)));
        return;
    }
    reply_json(r, 200,
               json_pack("{s:s, s:I}", "status", "ready", "articles",
                         (json_int_t)atomic_load(&rq->app->n_articles)));
    r->no_etag = true;
}

void handle_openapi(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r))
        return;
    reply_static(r, 200, "application/yaml", rq->app->openapi, rq->app->openapi_len);
}

/* The conflicts of data/blocs.tsv with their blocs, as the extractor reads
 * them: what subject.bloc and claimant.bloc ids name. */
static json_t *conflicts_json(const extract_model *m)
{
    json_t *conflicts = json_array(), *blocs = NULL;
    extract_camp c;
    for (size_t i = 0; m && extract_model_camp(m, i, &c); i++) {
        json_t *o = json_pack("{s:s, s:s, s:s}", "id", c.id, "name", c.name, "name_en", c.name_en);
        if (!c.conflict) {
            blocs = json_array();
            json_object_set_new(o, "blocs", blocs); /* steals blocs; borrowed below */
            json_array_append_new(conflicts, o);
        } else if (blocs) {
            json_array_append_new(blocs, o);
        } else {
            json_decref(o);
        }
    }
    return conflicts;
}

void handle_meta(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r))
        return;
    json_t *meta = NULL;
    store_status st = store_meta(rq->db, &meta);
    if (st != STORE_OK) {
        handlers_store_failure(rq, r, st, RES_ARTICLES);
        return;
    }
    json_object_set_new(meta, "version", json_string(rq->app->version));
    json_object_set_new(meta, "conflicts", conflicts_json(rq->app->model));
    reply_json(r, 200, meta);
}

void handle_articles(request *rq, reply *r)
{
    list_resource(rq, r, RES_ARTICLES, false, NULL, NULL);
}
void handle_article(request *rq, reply *r)
{
    get_resource(rq, r, RES_ARTICLES);
}
void handle_sources(request *rq, reply *r)
{
    list_resource(rq, r, RES_SOURCES, false, NULL, NULL);
}
void handle_source(request *rq, reply *r)
{
    get_resource(rq, r, RES_SOURCES);
}
void handle_locations(request *rq, reply *r)
{
    list_resource(rq, r, RES_LOCATIONS, true, NULL, NULL);
}
void handle_location(request *rq, reply *r)
{
    get_resource(rq, r, RES_LOCATIONS);
}
void handle_figures(request *rq, reply *r)
{
    list_resource(rq, r, RES_FIGURES, true, NULL, NULL);
}
void handle_figure(request *rq, reply *r)
{
    get_resource(rq, r, RES_FIGURES);
}

/* Everything one source claimed: its figures, after checking it exists so
 * that an unknown id is a 404 rather than an empty list. */
void handle_source_figures(request *rq, reply *r)
{
    json_t *source = NULL;
    store_status st = store_get(rq->db, RES_SOURCES, rq->id, &source);
    json_decref(source);
    if (st != STORE_OK) {
        handlers_store_failure(rq, r, st, RES_SOURCES);
        return;
    }
    list_resource(rq, r, RES_FIGURES, true, "claimant", rq->id);
}

/* The wire copies of an article, after checking it exists. */
void handle_article_copies(request *rq, reply *r)
{
    json_t *article = NULL;
    store_status st = store_get(rq->db, RES_ARTICLES, rq->id, &article);
    json_decref(article);
    if (st != STORE_OK) {
        handlers_store_failure(rq, r, st, RES_ARTICLES);
        return;
    }
    list_resource(rq, r, RES_ARTICLES, false, "copy_of", rq->id);
}

/* A text parameter that, when given, must not be empty; *out NULL when
 * absent. */
static bool text_or_reply(request *rq, const char *name, const char **out, reply *r)
{
    *out = request_arg(rq, name);
    if (*out && !**out) {
        reply_bad_param(r, name, "must not be empty");
        return false;
    }
    return true;
}

static bool day_or_reply(request *rq, const char *name, const char **out, reply *r)
{
    *out = request_arg(rq, name);
    if (*out && !store_is_iso_day(*out)) {
        reply_bad_param(r, name, "must be a day, YYYY-MM-DD");
        return false;
    }
    return true;
}

/* By default a group lists its 3 largest headlines and no parts, superseded
 * or carriers (their counts say how many): whole figures weigh about 1 KB
 * each, and the default answer stays about as heavy as compare's was with
 * 5 short claims a group (make bench, cached: the bytes sent decide). */
#define CLAIMS_DEFAULT 3
#define FIGURES_DEFAULT 0

/* Claims side by side (store_compare has the grouping rule). The type and
 * affiliation values are the store's own filter vocabulary. */
void handle_compare(request *rq, reply *r)
{
    static const char *const allowed[] = {
        "type",  "location",      "affiliation", "bloc",    "claimant", "date__gte", "date__lte",
        "group", "min_claimants", "claims",      "figures", "limit",    NULL};
    static const char *const groupings[] = {"event", "day", "week", "month", NULL};
    if (!params_only_or_reply(rq, allowed, r))
        return;
    size_t n_fig, n_src;
    const store_filter_def *fig = store_filters(RES_FIGURES, &n_fig);
    const store_filter_def *src = store_filters(RES_SOURCES, &n_src);
    const char *const *types = NULL, *const *affiliations = NULL;
    for (size_t i = 0; i < n_fig; i++)
        if (!strcmp(fig[i].name, "type"))
            types = fig[i].enum_values;
    for (size_t i = 0; i < n_src; i++)
        if (!strcmp(src[i].name, "affiliation"))
            affiliations = src[i].enum_values;
    store_compare_query q = {0};
    const char *grouping = NULL;
    if (!params_enum_or_reply(rq, "type", types, &q.type, r) ||
        !params_enum_or_reply(rq, "affiliation", affiliations, &q.affiliation, r) ||
        !params_enum_or_reply(rq, "group", groupings, &grouping, r) ||
        !text_or_reply(rq, "location", &q.location, r) || !text_or_reply(rq, "bloc", &q.bloc, r) ||
        !text_or_reply(rq, "claimant", &q.claimant, r) ||
        !day_or_reply(rq, "date__gte", &q.date_gte, r) ||
        !day_or_reply(rq, "date__lte", &q.date_lte, r) ||
        !params_int_or_reply(rq, "min_claimants", 1, 100, 2, &q.min_claimants, r) ||
        !params_int_or_reply(rq, "claims", 1, STORE_MAX_CLAIMS, CLAIMS_DEFAULT, &q.claims_limit,
                             r) ||
        !params_int_or_reply(rq, "figures", 0, STORE_MAX_CLAIMS, FIGURES_DEFAULT, &q.figures_limit,
                             r) ||
        !params_int_or_reply(rq, "limit", 1, STORE_MAX_LIMIT, 20, &q.groups_limit, r))
        return;
    for (size_t i = 0; grouping && groupings[i]; i++)
        if (!strcmp(grouping, groupings[i]))
            q.group = (store_compare_group)i;
    json_t *out = NULL;
    store_status st = store_compare(rq->db, &q, &out);
    if (st != STORE_OK) {
        handlers_store_failure(rq, r, st, RES_FIGURES);
        return;
    }
    reply_json(r, 200, out);
}
