/* test_api.c — end-to-end tests of every route of API v1 and every filter,
 * sort field and format, against the real binary serving the five seed
 * documents.
 *
 * The tests check the API against itself rather than against numbers
 * written down here: a filter must return exactly the items that the
 * unfiltered list (or the article details) say match it, totals over all
 * values of an enumeration must add up, every page of a list must follow
 * the full list's order, spans must cut their text out of the body. Where a
 * fact of the seeds is fixed (five articles, the first body's opening
 * words, Aleppo's coordinates) it is asserted directly.
 *
 * Left to test_errors.c: every 4xx; to test_lifecycle.c: the command line,
 * restarts and imports.
 */
#include "tests/e2e/api_helpers.h"

#include <dirent.h>
#include <math.h>

static void start_seeded(void)
{
    e2e_start(NULL);
    cr_assert_eq(e2e_articles(), N_SEEDS, "the listening line says %lld articles", e2e_articles());
}

TestSuite(api, .init = start_seeded, .fini = e2e_teardown);

/* ---- helpers ------------------------------------------------------------- */

static const char *const FIGURE_TYPES[] = {
    "killed",  "injured",   "casualties", "suffocated", "captured",   "displaced", "evacuated",
    "trapped", "destroyed", "seized",     "fired",      "airstrikes", "count",     NULL};
static const char *const QUALIFIERS[] = {"exact",    "more_than", "at_least", "about",
                                         "up_to",    "less_than", "range",    "tens",
                                         "hundreds", "thousands", "some",     NULL};
static const char *const STANCES[] = {"claimed", "denied", NULL};
static const char *const SIDES[] = {"government", "opposition", "unknown", NULL};
static const char *const CATEGORIES[] = {"combatants", "civilians", "people",
                                         "materiel",   "munitions", NULL};
static const char *const SOURCE_KINDS[] = {
    "outlet",        "armed_group", "military",  "government", "agency", "ngo",   "un",
    "civil_defence", "activists",   "anonymous", "person",     "role",   "other", NULL};
static const char *const AFFILIATIONS[] = {"government", "opposition", "independent", "unknown",
                                           NULL};
static const char *const LOCATION_KINDS[] = {
    "country",       "governorate",   "district", "city", "town",     "village",
    "neighbourhood", "military_site", "hill",     "road", "facility", "region",
    "camp",          "river",         "other",    NULL};

/* Every article's detail, by id. */
static json_t *article_details(void)
{
    json_t *list = fetch_all("/v1/articles");
    json_t *out = json_object();
    size_t i;
    json_t *a;
    json_array_foreach(list, i, a)
    {
        json_t *d = get_ok("/v1/articles/%s", item_id(a));
        json_object_set_new(out, item_id(a), d);
    }
    json_decref(list);
    return out;
}

/* Does the array of {id...} items contain id? */
static bool has_id(json_t *items, const char *id)
{
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        if (jstr(it, "id") && strcmp(jstr(it, "id"), id) == 0)
            return true;
    }
    return false;
}

/* location id → parent id (string or null), for every location. */
static json_t *location_parents(void)
{
    json_t *all = fetch_all("/v1/locations?limit=500");
    json_t *m = json_object();
    size_t i;
    json_t *l;
    json_array_foreach(all, i, l)
    {
        const char *p = jstr2(l, "parent", "id");
        json_object_set_new(m, item_id(l), p ? json_string(p) : json_null());
    }
    json_decref(all);
    return m;
}

/* Is place id the location ancestor or inside it (through parent links)? */
static bool is_within(json_t *parents, const char *id, const char *ancestor)
{
    for (int depth = 0; id && depth < 64; depth++) {
        if (strcmp(id, ancestor) == 0)
            return true;
        id = json_string_value(json_object_get(parents, id));
    }
    return false;
}

/* A JSON value of an item field compared as SQLite orders it: NULL first,
 * numbers numerically, text bytewise. */
static int cmp_values(json_t *a, json_t *b)
{
    bool an = !a || json_is_null(a), bn = !b || json_is_null(b);
    if (an || bn)
        return an == bn ? 0 : an ? -1 : 1;
    if (json_is_number(a) && json_is_number(b)) {
        double x = json_number_value(a), y = json_number_value(b);
        return x < y ? -1 : x > y;
    }
    cr_assert(json_is_string(a) && json_is_string(b), "cannot compare these values");
    int c = strcmp(json_string_value(a), json_string_value(b));
    return c < 0 ? -1 : c > 0;
}

/* The ordinal N of a figure id ARTICLE-fN. */
static long long figure_ordinal(const char *id)
{
    const char *f = strrchr(id, 'f');
    cr_assert(f && f > id && f[-1] == '-', "figure id %s is not ARTICLE-fN", id);
    char *end;
    long long n = strtoll(f + 1, &end, 10);
    cr_assert(*end == '\0' && n >= 1, "figure id %s is not ARTICLE-fN", id);
    return n;
}

/* Compare items a and b by sort field of resource res (ascending). */
static int cmp_field(const char *res, const char *field, json_t *a, json_t *b)
{
    if (strcmp(res, "figures") == 0 && strcmp(field, "id") == 0) {
        int c = cmp_values(json_object_get(a, "article_id"), json_object_get(b, "article_id"));
        if (c)
            return c;
        long long x = figure_ordinal(item_id(a)), y = figure_ordinal(item_id(b));
        return x < y ? -1 : x > y;
    }
    if (strcmp(res, "figures") == 0 && strcmp(field, "article") == 0)
        return cmp_values(json_object_get(a, "article_id"), json_object_get(b, "article_id"));
    if (strncmp(field, "n_", 2) == 0)
        return cmp_values(json_object_get(json_object_get(a, "counts"), field + 2),
                          json_object_get(json_object_get(b, "counts"), field + 2));
    return cmp_values(json_object_get(a, field), json_object_get(b, field));
}

/* Asserts items are in the order of sort spec ("-a,b") with ties broken by
 * id in the direction of the last field, NULLs first ascending and last
 * descending. */
static void assert_sorted(const char *res, const char *spec, json_t *items)
{
    for (size_t i = 1; i < json_array_size(items); i++) {
        json_t *a = json_array_get(items, i - 1), *b = json_array_get(items, i);
        int c = 0;
        bool desc = false;
        for (const char *p = spec; *p && !c;) {
            desc = *p == '-';
            if (*p == '-' || *p == '+')
                p++;
            size_t len = strcspn(p, ",");
            char field[64];
            snprintf(field, sizeof field, "%.*s", (int)len, p);
            c = cmp_field(res, field, a, b);
            if (desc)
                c = -c;
            p += len;
            if (*p == ',')
                p++;
        }
        if (!c) /* desc: the last field's direction (every one compared equal) */
            c = desc ? -cmp_field(res, "id", a, b) : cmp_field(res, "id", a, b);
        cr_assert(c < 0, "/v1/%s?sort=%s: %s comes before %s", res, spec, item_id(a), item_id(b));
    }
}

/* Asserts two item arrays hold the same ids in the same order. */
static void assert_same_sequence(json_t *got, json_t *want, const char *what)
{
    cr_assert_eq(json_array_size(got), json_array_size(want), "%s: %zu items, expected %zu", what,
                 json_array_size(got), json_array_size(want));
    for (size_t i = 0; i < json_array_size(want); i++)
        cr_assert_str_eq(item_id(json_array_get(got, i)), item_id(json_array_get(want, i)),
                         "%s: item %zu", what, i);
}

/* Great-circle distance in km (the server's sphere, R = 6371.0088). */
static double km_between(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = 3.14159265358979323846 / 180, R = 6371.0088;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * R * asin(sqrt(h < 1 ? h : 1));
}

/* Checks a list filter by enumeration: for each value, every item has it
 * (get(item) equals it), the total equals the count in `all`, and the
 * totals of all values add up to the items that have any value. */
static void check_enum_filter(const char *res, const char *param, const char *const *values,
                              json_t *all, const char *(*get)(json_t *item))
{
    long long sum = 0, with_value = 0;
    size_t i;
    json_t *it;
    json_array_foreach(all, i, it)
    {
        with_value += get(it) != NULL;
    }
    for (const char *const *v = values; *v; v++) {
        json_t *items = fetch_all("/v1/%s?%s=%s&limit=500", res, param, *v);
        long long want = 0;
        json_array_foreach(all, i, it)
        {
            want += get(it) && strcmp(get(it), *v) == 0;
        }
        json_array_foreach(items, i, it)
        {
            cr_assert(get(it) && strcmp(get(it), *v) == 0, "/v1/%s?%s=%s returned %s with %s", res,
                      param, *v, item_id(it), get(it) ? get(it) : "null");
        }
        cr_assert_eq((long long)json_array_size(items), want,
                     "/v1/%s?%s=%s: %zu items, the full list has %lld", res, param, *v,
                     json_array_size(items), want);
        sum += want;
        json_decref(items);
    }
    cr_assert_eq(sum, with_value, "/v1/%s: the %s totals add up to %lld, expected %lld", res, param,
                 sum, with_value);
}

static const char *get_type(json_t *f)
{
    return jstr(f, "type");
}
static const char *get_qualifier(json_t *f)
{
    return jstr(f, "qualifier");
}
static const char *get_stance(json_t *f)
{
    return jstr(f, "stance");
}
static const char *get_side(json_t *f)
{
    return jstr2(f, "subject", "side");
}
static const char *get_category(json_t *f)
{
    return jstr2(f, "subject", "category");
}
static const char *get_kind(json_t *s)
{
    return jstr(s, "kind");
}
static const char *get_affiliation(json_t *s)
{
    return jstr(s, "affiliation");
}

/* ---- service routes ------------------------------------------------------ */

/* The explorer: / is web/index.html, /web/NAME every other file of web/,
 * byte for byte from the repository, with its media type. */
Test(api, explorer_page_and_files_are_served_as_they_are)
{
    static const struct {
        const char *ext, *type;
    } types[] = {{".html", "text/html"},
                 {".css", "text/css"},
                 {".js", "text/javascript"},
                 {".svg", "image/svg+xml"}};
    const char *dir = getenv("MARSAD_WEB_DIR") ? getenv("MARSAD_WEB_DIR") : "web";
    size_t len;
    char *path = fmt_str("%s/index.html", dir);
    char *index = e2e_read_file(path, &len);
    cr_assert_not_null(index, "cannot read %s (run from the repository root)", path);
    free(path);
    e2e_response *r = e2e_get("/");
    cr_assert_eq(r->status, 200);
    cr_assert(content_type_is(r, "text/html"), "/: Content-Type %s",
              e2e_header_get(r, "Content-Type"));
    cr_assert(r->len == len && memcmp(r->body, index, len) == 0, "/ is not web/index.html");
    cr_assert_not_null(e2e_header_get(r, "ETag"));
    e2e_response_free(r);
    free(index);

    DIR *d = opendir(dir);
    cr_assert_not_null(d, "cannot list %s", dir);
    struct dirent *e;
    size_t served = 0;
    while ((e = readdir(d))) {
        const char *dot = strrchr(e->d_name, '.');
        const char *type = NULL;
        for (size_t k = 0; dot && k < sizeof types / sizeof types[0]; k++)
            if (!strcmp(dot, types[k].ext))
                type = types[k].type;
        if (!type || e->d_name[0] == '.')
            continue;
        path = fmt_str("%s/%s", dir, e->d_name);
        char *file = e2e_read_file(path, &len);
        cr_assert_not_null(file);
        r = e2e_getf("/web/%s", e->d_name);
        cr_assert_eq(r->status, 200, "/web/%s: %ld", e->d_name, r->status);
        cr_assert(content_type_is(r, type), "/web/%s: Content-Type %s, expected %s", e->d_name,
                  e2e_header_get(r, "Content-Type"), type);
        cr_assert(r->len == len && memcmp(r->body, file, len) == 0, "/web/%s differs from %s",
                  e->d_name, path);
        e2e_response_free(r);
        free(file);
        free(path);
        served++;
    }
    closedir(d);
    cr_assert_geq(served, 2, "web/ has the page and at least a script or a style sheet");

    /* Only compiled-in names: nothing else is reachable. */
    const char *missing[] = {"/web/nope.js", "/web/..%2Fschema.sql", "/web/%2E%2E%2Fopenapi.yaml",
                             "/web/", "/web/app.js/x"};
    for (size_t k = 0; k < sizeof missing / sizeof missing[0]; k++) {
        r = e2e_get(missing[k]);
        assert_problem(r, 404, "/problems/not-found", NULL, missing[k]);
        e2e_response_free(r);
    }
}

Test(api, healthz_and_readyz_answer_200_without_etag)
{
    e2e_response *r = e2e_get("/healthz");
    cr_assert_eq(r->status, 200);
    cr_assert(content_type_is(r, "application/json"));
    cr_assert_str_eq(jstr(r->json, "status"), "ok");
    cr_assert_null(e2e_header_get(r, "ETag"), "/healthz must not be cached");
    e2e_response_free(r);

    r = e2e_get("/readyz");
    cr_assert_eq(r->status, 200, "/readyz after the listening line: %ld %s", r->status, r->body);
    cr_assert_str_eq(jstr(r->json, "status"), "ready");
    cr_assert_eq(jint(r->json, "articles"), N_SEEDS);
    cr_assert_null(e2e_header_get(r, "ETag"), "/readyz must not be cached");
    e2e_response_free(r);
}

/* The conflicts and their blocs, with the names the explorer shows: every
 * bloc a figure of the seeds names is among them. */
Test(api, meta_lists_the_conflicts_and_their_blocs)
{
    json_t *meta = get_ok("/v1/meta");
    json_t *conflicts = json_object_get(meta, "conflicts");
    cr_assert(json_array_size(conflicts) >= 9, "the nine conflicts of data/blocs.tsv");
    json_t *syria = json_array_get(conflicts, 0);
    cr_assert_str_eq(jstr(syria, "id"), "syria");
    cr_assert_str_eq(jstr(syria, "name"), "سوريا");
    const char *want[] = {"sy.government", "sy.opposition", "sy.isis"};
    for (size_t k = 0; k < 3; k++) {
        bool found = false;
        size_t i;
        json_t *b;
        json_array_foreach(json_object_get(syria, "blocs"), i, b)
        {
            found |= !strcmp(jstr(b, "id"), want[k]);
            cr_assert_gt(strlen(jstr(b, "name")), 0);
        }
        cr_expect(found, "Syria lists %s", want[k]);
    }
    /* every bloc the seeds' figures name is described */
    json_t *figs = get_ok("/v1/figures?limit=500");
    size_t i, j, k;
    json_t *f, *c, *b;
    json_array_foreach(json_object_get(figs, "data"), i, f)
    {
        const char *bloc =
            json_string_value(json_object_get(json_object_get(f, "subject"), "bloc"));
        if (!bloc)
            continue;
        bool found = false;
        json_array_foreach(conflicts, j, c) json_array_foreach(json_object_get(c, "blocs"), k, b)
            found |= !strcmp(jstr(b, "id"), bloc);
        cr_expect(found, "%s is not in /v1/meta", bloc);
    }
    json_decref(figs);
    json_decref(meta);
}

Test(api, meta_counts_agree_with_the_lists)
{
    json_t *meta = get_ok("/v1/meta");
    json_t *counts = json_object_get(meta, "counts");
    cr_assert_eq(jint(counts, "articles"), N_SEEDS);
    cr_assert_eq(jint(counts, "articles"), total_of("/v1/articles?limit=1"));
    cr_assert_eq(jint(counts, "figures"), total_of("/v1/figures?limit=1"));
    cr_assert_eq(jint(counts, "sources"), total_of("/v1/sources?limit=1"));
    cr_assert_eq(jint(counts, "locations"), total_of("/v1/locations?limit=1"));
    cr_assert_gt(jint(counts, "figures"), 0, "the seeds report figures");
    cr_assert_gt(jint(counts, "location_mentions"), 0, "the seeds mention places");
    cr_assert_gt(jint(counts, "source_mentions"), 0, "the seeds mention sources");
    cr_assert_geq(jint(meta, "schema_version"), 1);
    cr_assert(json_is_integer(json_object_get(meta, "generation")));
    cr_assert(json_is_string(json_object_get(meta, "sqlite_version")));

    /* The version of the binary. */
    char *out;
    cr_assert_eq(e2e_run(&out, NULL, "--version"), 0);
    char *want = fmt_str("marsad %s\n", jstr(meta, "version"));
    cr_assert_str_eq(out, want);
    free(want);
    free(out);

    /* Mentions add up with the articles' own counts. */
    json_t *details = article_details();
    long long loc_mentions = 0, src_mentions = 0, figures = 0;
    const char *id;
    json_t *d;
    json_object_foreach(details, id, d)
    {
        size_t i;
        json_t *it;
        figures += (long long)json_array_size(json_object_get(d, "figures"));
        json_array_foreach(json_object_get(d, "locations"), i, it)
        {
            loc_mentions += (long long)json_array_size(json_object_get(it, "mentions"));
        }
        json_array_foreach(json_object_get(d, "sources"), i, it)
        {
            src_mentions += (long long)json_array_size(json_object_get(it, "mentions"));
        }
    }
    cr_assert_eq(jint(counts, "figures"), figures);
    cr_assert_eq(jint(counts, "location_mentions"), loc_mentions);
    cr_assert_eq(jint(counts, "source_mentions"), src_mentions);
    json_decref(details);
    json_decref(meta);
}

Test(api, openapi_yaml_is_the_repository_file_byte_for_byte)
{
    const char *path = getenv("MARSAD_OPENAPI") ? getenv("MARSAD_OPENAPI") : "openapi.yaml";
    size_t len;
    char *file = e2e_read_file(path, &len);
    cr_assert(file != NULL, "cannot read %s (run from the repository root)", path);
    e2e_response *r = e2e_get("/openapi.yaml");
    cr_assert_eq(r->status, 200);
    cr_assert(content_type_is(r, "application/yaml"), "Content-Type %s",
              e2e_header_get(r, "Content-Type"));
    cr_assert_eq(r->len, len, "served %zu bytes, the file has %zu", r->len, len);
    cr_assert(memcmp(r->body, file, len) == 0, "the served document differs from %s", path);
    cr_assert_not_null(e2e_header_get(r, "ETag"));
    e2e_response_free(r);
    free(file);
}

/* ---- articles ------------------------------------------------------------ */

Test(api, articles_list_is_the_five_seeds_in_id_order)
{
    e2e_response *r = e2e_get("/v1/articles");
    cr_assert_eq(r->status, 200);
    cr_assert(content_type_is(r, "application/json"));
    cr_assert_eq(jint(r->json, "total"), N_SEEDS);
    cr_assert(json_is_null(json_object_get(r->json, "next")));
    cr_assert(json_is_null(json_object_get(r->json, "next_url")));
    cr_assert_null(e2e_header_get(r, "Link"), "a single page has no Link header");
    json_t *data = json_object_get(r->json, "data");
    cr_assert_eq(json_array_size(data), N_SEEDS);
    for (size_t i = 0; i < N_SEEDS; i++) {
        json_t *a = json_array_get(data, i);
        cr_assert_str_eq(item_id(a), SEED_IDS[i]);
        cr_assert_gt(jint(a, "n_chars"), 1000, "%s: n_chars", SEED_IDS[i]);
        json_t *counts = json_object_get(a, "counts");
        cr_assert_geq(jint(counts, "figures"), 0);
        cr_assert_gt(jint(counts, "locations"), 0, "%s mentions places", SEED_IDS[i]);
        cr_assert_gt(jint(counts, "sources"), 0, "%s mentions sources", SEED_IDS[i]);
        cr_assert(json_object_get(a, "body") == NULL, "list items carry no body");
        cr_assert(json_object_get(a, "outlet") != NULL);
    }
    e2e_response_free(r);
}

Test(api, article_detail_has_body_and_embedded_items)
{
    json_t *first = get_ok("/v1/articles?limit=1");
    json_t *list_item = json_array_get(json_object_get(first, "data"), 0);
    json_t *a = get_ok("/v1/articles/" SEED_000);
    cr_assert_str_eq(item_id(a), SEED_000);
    const char *body = jstr(a, "body");
    cr_assert_not_null(body);
    cr_assert(strncmp(body, "أعلن تحالف", strlen("أعلن تحالف")) == 0, "body starts: %.40s", body);
    cr_assert_eq(jint(a, "n_chars"), (long long)cp_count(body));

    json_t *figures = json_object_get(a, "figures"), *locations = json_object_get(a, "locations"),
           *sources = json_object_get(a, "sources");
    cr_assert(json_is_array(figures) && json_is_array(locations) && json_is_array(sources));
    json_t *counts = json_object_get(a, "counts");
    cr_assert_eq((long long)json_array_size(figures), jint(counts, "figures"));
    cr_assert_eq((long long)json_array_size(locations), jint(counts, "locations"));
    cr_assert_eq((long long)json_array_size(sources), jint(counts, "sources"));
    cr_assert_gt(json_array_size(figures), 0, "the first seed reports figures");

    /* The list item is the detail without body and embedded arrays. */
    json_t *stripped = json_deep_copy(a);
    json_object_del(stripped, "body");
    json_object_del(stripped, "figures");
    json_object_del(stripped, "locations");
    json_object_del(stripped, "sources");
    cr_assert(json_equal(stripped, list_item), "the list item differs from the detail");
    json_decref(stripped);

    /* Figures in text order, numbered from 1, all of this article. */
    size_t i;
    json_t *f;
    json_array_foreach(figures, i, f)
    {
        cr_assert_str_eq(jstr(f, "article_id"), SEED_000);
        char want[64];
        snprintf(want, sizeof want, "%s-f%zu", SEED_000, i + 1);
        cr_assert_str_eq(item_id(f), want);
        cr_assert(json_is_string(json_object_get(f, "type")));
        cr_assert(json_is_string(json_object_get(f, "qualifier")));
        cr_assert(json_is_string(json_object_get(f, "stance")));
        if (i > 0)
            cr_assert_geq(jint(json_object_get(f, "span"), "start"),
                          jint(json_object_get(json_array_get(figures, i - 1), "span"), "start"));
    }
    /* Aleppo is mentioned. */
    cr_assert(has_id(locations, "aleppo"), "the first seed mentions Aleppo (حلب)");
    json_decref(a);
    json_decref(first);
}

/* Every span of every article cuts its own text out of the body. */
Test(api, article_spans_cut_their_text_out_of_the_body)
{
    json_t *details = article_details();
    cr_assert_eq(json_object_size(details), N_SEEDS);
    const char *id;
    json_t *d;
    json_object_foreach(details, id, d)
    {
        const char *body = jstr(d, "body");
        long long n = (long long)cp_count(body);
        size_t i, j;
        json_t *it, *m;
        json_array_foreach(json_object_get(d, "figures"), i, it)
        {
            json_t *span = json_object_get(it, "span");
            long long s = jint(span, "start"), e = jint(span, "end");
            cr_assert(0 <= s && s < e && e <= n, "%s: span [%lld, %lld) of %lld", item_id(it), s, e,
                      n);
            char *cut = cp_slice(body, s, e);
            cr_assert_str_eq(jstr(span, "text"), cut, "%s: span text", item_id(it));
            free(cut);
            json_t *qs = json_object_get(it, "quote_span");
            if (json_is_integer(json_object_get(qs, "start"))) {
                long long qa = jint(qs, "start"), qb = jint(qs, "end");
                cr_assert(qa <= s && e <= qb && qb <= n, "%s: the quote holds the span",
                          item_id(it));
                cut = cp_slice(body, qa, qb);
                cr_assert_str_eq(jstr(it, "quote"), cut, "%s: quote text", item_id(it));
                free(cut);
            }
        }
        const char *arrays[] = {"locations", "sources"};
        for (int k = 0; k < 2; k++) {
            json_array_foreach(json_object_get(d, arrays[k]), i, it)
            {
                json_t *mentions = json_object_get(it, "mentions");
                cr_assert_gt(json_array_size(mentions), 0, "%s: %s %s without mentions", id,
                             arrays[k], item_id(it));
                json_array_foreach(mentions, j, m)
                {
                    long long s = jint(m, "start"), e = jint(m, "end");
                    cr_assert(0 <= s && s < e && e <= n, "%s: %s mention [%lld, %lld)", id,
                              item_id(it), s, e);
                    char *cut = cp_slice(body, s, e);
                    cr_assert_str_eq(jstr(m, "text"), cut, "%s: mention of %s", id, item_id(it));
                    free(cut);
                    if (k == 1) {
                        const char *role = jstr(m, "role");
                        cr_assert(role && (!strcmp(role, "outlet") || !strcmp(role, "speaker") ||
                                           !strcmp(role, "mentioned")),
                                  "%s: role %s", item_id(it), role ? role : "null");
                    }
                }
            }
        }
    }
    json_decref(details);
}

Test(api, item_routes_agree_with_the_lists)
{
    json_t *a = get_ok("/v1/articles/" SEED_001);
    size_t i;
    json_t *it;
    /* Figures: the embedded figure is the figure route's answer. */
    json_array_foreach(json_object_get(a, "figures"), i, it)
    {
        json_t *f = get_ok("/v1/figures/%s", item_id(it));
        cr_assert(json_equal(f, it), "/v1/figures/%s differs from the article's", item_id(it));
        json_decref(f);
    }
    /* Sources and locations: the embedded item less its mentions. */
    const char *arrays[] = {"sources", "locations"};
    for (int k = 0; k < 2; k++) {
        json_array_foreach(json_object_get(a, arrays[k]), i, it)
        {
            json_t *one = get_ok("/v1/%s/%s", arrays[k], item_id(it));
            json_t *copy = json_deep_copy(it);
            json_object_del(copy, "mentions");
            cr_assert(json_equal(one, copy), "/v1/%s/%s differs from the article's", arrays[k],
                      item_id(it));
            json_decref(copy);
            json_decref(one);
        }
    }
    json_decref(a);
    /* Every list item equals its item route, for one page of each list. */
    const char *lists[] = {"sources", "locations", "figures"};
    for (int k = 0; k < 3; k++) {
        json_t *page = get_ok("/v1/%s?limit=20", lists[k]);
        json_array_foreach(json_object_get(page, "data"), i, it)
        {
            json_t *one = get_ok("/v1/%s/%s", lists[k], item_id(it));
            cr_assert(json_equal(one, it), "/v1/%s/%s differs from the list item", lists[k],
                      item_id(it));
            json_decref(one);
        }
        json_decref(page);
    }
}

Test(api, aleppo_is_a_located_place)
{
    json_t *l = get_ok("/v1/locations/aleppo");
    cr_assert_str_eq(item_id(l), "aleppo");
    cr_assert_str_eq(jstr(l, "name"), "حلب");
    double lat = json_number_value(json_object_get(l, "lat")),
           lon = json_number_value(json_object_get(l, "lon"));
    cr_assert(fabs(lat - 36.2) < 0.3 && fabs(lon - 37.15) < 0.3, "Aleppo at lat %f lon %f", lat,
              lon);
    cr_assert_gt(jint(json_object_get(l, "counts"), "mentions"), 0);
    json_decref(l);
}

Test(api, articles_filter_outlet)
{
    json_t *all = fetch_all("/v1/articles");
    json_t *outlets = json_object();
    size_t i;
    json_t *a;
    json_array_foreach(all, i, a)
    {
        const char *o = jstr2(a, "outlet", "id");
        if (o)
            json_object_set_new(outlets, o, json_true());
    }
    cr_assert_gt(json_object_size(outlets), 0, "no seed has an outlet (001 names الجزيرة)");
    const char *o;
    json_t *unused;
    json_object_foreach(outlets, o, unused)
    {
        json_t *want = json_object();
        json_array_foreach(all, i, a)
        {
            if (jstr2(a, "outlet", "id") && strcmp(jstr2(a, "outlet", "id"), o) == 0)
                json_object_set(want, item_id(a), a);
        }
        char *enc = url_encode(o);
        json_t *got = fetch_all("/v1/articles?outlet=%s", enc);
        assert_ids(got, want, "articles?outlet");
        free(enc);
        json_decref(got);
        json_decref(want);
    }
    cr_assert_eq(total_of("/v1/articles?outlet=no-such-outlet"), 0);
    json_decref(outlets);
    json_decref(all);
}

Test(api, articles_filter_source)
{
    json_t *details = article_details();
    json_t *sources = json_object();
    const char *id;
    json_t *d;
    size_t i;
    json_t *s;
    json_object_foreach(details, id, d)
    {
        json_array_foreach(json_object_get(d, "sources"), i, s)
        {
            json_object_set_new(sources, item_id(s), json_true());
        }
    }
    cr_assert_gt(json_object_size(sources), 0);
    const char *sid;
    json_t *unused;
    json_object_foreach(sources, sid, unused)
    {
        json_t *want = json_object();
        json_object_foreach(details, id, d)
        {
            if (has_id(json_object_get(d, "sources"), sid))
                json_object_set_new(want, id, json_true());
        }
        char *enc = url_encode(sid);
        json_t *got = fetch_all("/v1/articles?source=%s", enc);
        assert_ids(got, want, "articles?source");
        free(enc);
        json_decref(got);
        json_decref(want);
    }
    cr_assert_eq(total_of("/v1/articles?source=no-such-source"), 0);
    json_decref(sources);
    json_decref(details);
}

/* location=X: articles that mention X or a place inside it. */
Test(api, articles_filter_location_includes_places_inside)
{
    json_t *details = article_details();
    json_t *parents = location_parents();
    /* Every place mentioned, and every place they lie in. */
    json_t *candidates = json_object();
    const char *id;
    json_t *d;
    size_t i;
    json_t *l;
    json_object_foreach(details, id, d)
    {
        json_array_foreach(json_object_get(d, "locations"), i, l)
        {
            const char *p = item_id(l);
            for (int depth = 0; p && depth < 64; depth++) {
                json_object_set_new(candidates, p, json_true());
                p = json_string_value(json_object_get(parents, p));
            }
        }
    }
    cr_assert(json_object_get(candidates, "aleppo") != NULL);
    const char *x;
    json_t *unused;
    json_object_foreach(candidates, x, unused)
    {
        json_t *want = json_object();
        json_object_foreach(details, id, d)
        {
            bool hit = false;
            json_array_foreach(json_object_get(d, "locations"), i, l)
            {
                hit |= is_within(parents, item_id(l), x);
            }
            if (hit)
                json_object_set_new(want, id, json_true());
        }
        char *enc = url_encode(x);
        json_t *got = fetch_all("/v1/articles?location=%s", enc);
        assert_ids(got, want, "articles?location");
        if (strcmp(x, "aleppo") == 0)
            cr_assert_eq(json_array_size(got), N_SEEDS, "every seed mentions Aleppo");
        free(enc);
        json_decref(got);
        json_decref(want);
    }
    cr_assert_eq(total_of("/v1/articles?location=no-such-place"), 0);
    json_decref(candidates);
    json_decref(parents);
    json_decref(details);
}

Test(api, articles_filter_type)
{
    json_t *details = article_details();
    long long any = 0;
    for (const char *const *t = FIGURE_TYPES; *t; t++) {
        json_t *want = json_object();
        const char *id;
        json_t *d;
        json_object_foreach(details, id, d)
        {
            size_t i;
            json_t *f;
            json_array_foreach(json_object_get(d, "figures"), i, f)
            {
                if (strcmp(jstr(f, "type"), *t) == 0)
                    json_object_set_new(want, id, json_true());
            }
        }
        any += (long long)json_object_size(want);
        json_t *got = fetch_all("/v1/articles?type=%s", *t);
        assert_ids(got, want, "articles?type");
        json_decref(got);
        json_decref(want);
    }
    cr_assert_gt(any, 0, "some article has a figure of some type");
    json_decref(details);
}

Test(api, articles_filter_q_is_a_full_text_search)
{
    /* سراقب occurs in the first seed. */
    char *word = url_encode("سراقب");
    json_t *got = fetch_all("/v1/articles?q=%s", word);
    cr_assert(has_id(got, SEED_000), "q=سراقب misses the article that says it");
    size_t i;
    json_t *a;
    json_array_foreach(got, i, a)
    {
        json_t *d = get_ok("/v1/articles/%s", item_id(a));
        const char *title = jstr(d, "title");
        cr_assert(strstr(jstr(d, "body"), "سراقب") || (title && strstr(title, "سراقب")),
                  "q=سراقب returned %s, which does not contain it", item_id(a));
        json_decref(d);
    }
    json_decref(got);
    free(word);

    /* حلب is in every seed; a made-up word in none. */
    word = url_encode("حلب");
    cr_assert_eq(total_of("/v1/articles?q=%s", word), N_SEEDS);
    free(word);
    cr_assert_eq(total_of("/v1/articles?q=zzqqxxnotaword"), 0);

    /* Combined with another filter: an intersection. */
    word = url_encode("سراقب");
    long long both = total_of("/v1/articles?q=%s&location=aleppo", word);
    cr_assert_eq(both, total_of("/v1/articles?q=%s", word));
    free(word);
}

/* ---- sources ------------------------------------------------------------- */

Test(api, sources_filter_kind_and_affiliation)
{
    json_t *all = fetch_all("/v1/sources?limit=500");
    cr_assert_gt(json_array_size(all), 0);
    check_enum_filter("sources", "kind", SOURCE_KINDS, all, get_kind);
    check_enum_filter("sources", "affiliation", AFFILIATIONS, all, get_affiliation);
    /* Every source has both. */
    size_t i;
    json_t *s;
    json_array_foreach(all, i, s)
    {
        cr_assert_not_null(get_kind(s), "%s without kind", item_id(s));
        cr_assert_not_null(get_affiliation(s), "%s without affiliation", item_id(s));
    }
    json_decref(all);
}

Test(api, sources_filter_article)
{
    json_t *details = article_details();
    const char *id;
    json_t *d;
    json_object_foreach(details, id, d)
    {
        json_t *want = id_set(json_object_get(d, "sources"));
        json_t *got = fetch_all("/v1/sources?article=%s&limit=500", id);
        assert_ids(got, want, "sources?article");
        json_decref(got);
        json_decref(want);
    }
    cr_assert_eq(total_of("/v1/sources?article=no-such-article"), 0);
    json_decref(details);
}

Test(api, sources_filter_parent)
{
    json_t *all = fetch_all("/v1/sources?limit=500");
    json_t *parents = json_object();
    size_t i;
    json_t *s;
    json_array_foreach(all, i, s)
    {
        const char *p = jstr2(s, "parent", "id");
        if (p)
            json_object_set_new(parents, p, json_true());
    }
    /* A source with children, and one that has none (expects nothing). */
    json_object_set_new(parents, item_id(json_array_get(all, 0)), json_true());
    const char *p;
    json_t *unused;
    json_object_foreach(parents, p, unused)
    {
        json_t *want = json_object();
        json_array_foreach(all, i, s)
        {
            if (jstr2(s, "parent", "id") && strcmp(jstr2(s, "parent", "id"), p) == 0)
                json_object_set(want, item_id(s), s);
        }
        char *enc = url_encode(p);
        json_t *got = fetch_all("/v1/sources?parent=%s&limit=500", enc);
        assert_ids(got, want, "sources?parent");
        free(enc);
        json_decref(got);
        json_decref(want);
    }
    json_decref(parents);
    json_decref(all);
}

/* ---- locations ----------------------------------------------------------- */

Test(api, locations_filter_article)
{
    json_t *details = article_details();
    const char *id;
    json_t *d;
    json_object_foreach(details, id, d)
    {
        json_t *want = id_set(json_object_get(d, "locations"));
        json_t *got = fetch_all("/v1/locations?article=%s&limit=500", id);
        assert_ids(got, want, "locations?article");
        json_decref(got);
        json_decref(want);
    }
    json_decref(details);
}

Test(api, locations_filter_kind)
{
    json_t *all = fetch_all("/v1/locations?limit=500");
    check_enum_filter("locations", "kind", LOCATION_KINDS, all, get_kind);
    json_decref(all);
}

Test(api, locations_filter_parent_is_direct_children)
{
    json_t *all = fetch_all("/v1/locations?limit=500");
    json_t *parents = json_object();
    size_t i;
    json_t *l;
    json_array_foreach(all, i, l)
    {
        const char *p = jstr2(l, "parent", "id");
        if (p)
            json_object_set_new(parents, p, json_true());
    }
    cr_assert_gt(json_object_size(parents), 0, "the gazetteer has no nesting");
    const char *p;
    json_t *unused;
    json_object_foreach(parents, p, unused)
    {
        json_t *want = json_object();
        json_array_foreach(all, i, l)
        {
            if (jstr2(l, "parent", "id") && strcmp(jstr2(l, "parent", "id"), p) == 0)
                json_object_set(want, item_id(l), l);
        }
        char *enc = url_encode(p);
        json_t *got = fetch_all("/v1/locations?parent=%s&limit=500", enc);
        assert_ids(got, want, "locations?parent");
        free(enc);
        json_decref(got);
        json_decref(want);
    }
    json_decref(parents);
    json_decref(all);
}

Test(api, locations_filter_bbox_returns_only_points_inside)
{
    json_t *all = fetch_all("/v1/locations?limit=500");
    static const double boxes[][4] = {
        {36.9, 36.0, 37.4, 36.4},     /* around Aleppo */
        {35.5, 32.0, 42.5, 37.5},     /* Syria */
        {-10.0, -10.0, -9.0, -9.0},   /* the sea: nothing */
        {-180.0, -90.0, 180.0, 90.0}, /* everything with coordinates */
    };
    for (size_t b = 0; b < sizeof boxes / sizeof boxes[0]; b++) {
        const double *x = boxes[b];
        json_t *want = json_object();
        size_t i;
        json_t *l;
        json_array_foreach(all, i, l)
        {
            json_t *lat = json_object_get(l, "lat"), *lon = json_object_get(l, "lon");
            if (json_is_number(lat) && json_is_number(lon) && json_number_value(lon) >= x[0] &&
                json_number_value(lat) >= x[1] && json_number_value(lon) <= x[2] &&
                json_number_value(lat) <= x[3])
                json_object_set(want, item_id(l), l);
        }
        json_t *got = fetch_all("/v1/locations?bbox=%g,%g,%g,%g&limit=500", x[0], x[1], x[2], x[3]);
        json_array_foreach(got, i, l)
        {
            double lat = json_number_value(json_object_get(l, "lat")),
                   lon = json_number_value(json_object_get(l, "lon"));
            cr_assert(lon >= x[0] && lat >= x[1] && lon <= x[2] && lat <= x[3],
                      "bbox %g,%g,%g,%g returned %s at %f,%f", x[0], x[1], x[2], x[3], item_id(l),
                      lat, lon);
        }
        assert_ids(got, want, "locations?bbox");
        if (b == 0)
            cr_assert(has_id(got, "aleppo"), "the box around Aleppo misses it");
        json_decref(got);
        json_decref(want);
    }
    json_decref(all);
}

Test(api, locations_filter_near_returns_only_points_within_the_radius)
{
    json_t *all = fetch_all("/v1/locations?limit=500");
    static const double circles[][3] = {{36.2, 37.15, 25}, {36.2, 37.15, 100}, {0, 0, 1}};
    for (size_t c = 0; c < sizeof circles / sizeof circles[0]; c++) {
        const double *x = circles[c];
        json_t *got = fetch_all("/v1/locations?near=%g,%g,%g&limit=500", x[0], x[1], x[2]);
        json_t *gotset = id_set(got);
        size_t i;
        json_t *l;
        json_array_foreach(all, i, l)
        {
            json_t *lat = json_object_get(l, "lat"), *lon = json_object_get(l, "lon");
            bool in_got = json_object_get(gotset, item_id(l)) != NULL;
            if (!json_is_number(lat) || !json_is_number(lon)) {
                cr_assert(!in_got, "near returned %s, which has no coordinates", item_id(l));
                continue;
            }
            double km = km_between(x[0], x[1], json_number_value(lat), json_number_value(lon));
            if (fabs(km - x[2]) < 0.01)
                continue; /* on the edge: rounding may go either way */
            cr_assert_eq(in_got, km < x[2], "near=%g,%g,%g: %s at %.3f km is %s", x[0], x[1], x[2],
                         item_id(l), km, in_got ? "returned" : "missing");
        }
        if (c == 0)
            cr_assert(json_object_get(gotset, "aleppo") != NULL, "25 km around Aleppo misses it");
        json_decref(gotset);
        json_decref(got);
    }
    json_decref(all);
}

Test(api, locations_filter_mentioned)
{
    json_t *all = fetch_all("/v1/locations?limit=500");
    json_t *yes = fetch_all("/v1/locations?mentioned=true&limit=500");
    json_t *no = fetch_all("/v1/locations?mentioned=false&limit=500");
    cr_assert_eq(json_array_size(yes) + json_array_size(no), json_array_size(all));
    cr_assert_gt(json_array_size(yes), 0);
    json_t *want_yes = json_object(), *want_no = json_object();
    size_t i;
    json_t *l;
    json_array_foreach(all, i, l)
    {
        bool m = jint(json_object_get(l, "counts"), "mentions") > 0;
        json_object_set(m ? want_yes : want_no, item_id(l), l);
    }
    assert_ids(yes, want_yes, "locations?mentioned=true");
    assert_ids(no, want_no, "locations?mentioned=false");
    json_decref(want_yes);
    json_decref(want_no);
    json_decref(yes);
    json_decref(no);
    json_decref(all);
}

/* resolved splits the places: the gazetteer's have coordinates, the
 * others none, and only the gazetteer's are on the GeoJSON map. */
Test(api, locations_filter_resolved)
{
    json_t *all = fetch_all("/v1/locations?limit=500");
    json_t *yes = fetch_all("/v1/locations?resolved=true&limit=500");
    json_t *no = fetch_all("/v1/locations?resolved=false&limit=500");
    cr_assert_eq(json_array_size(yes) + json_array_size(no), json_array_size(all));
    cr_assert_gt(json_array_size(yes), 0);
    size_t i;
    json_t *l;
    json_array_foreach(yes, i, l)
    {
        cr_assert(json_is_true(json_object_get(l, "resolved")), "%s", item_id(l));
        cr_assert(json_is_number(json_object_get(l, "lat")), "%s has no lat", item_id(l));
    }
    json_array_foreach(no, i, l)
    {
        cr_assert(json_is_false(json_object_get(l, "resolved")), "%s", item_id(l));
        cr_assert(json_is_null(json_object_get(l, "lat")) &&
                      json_is_null(json_object_get(l, "lon")),
                  "%s has coordinates", item_id(l));
        cr_assert_eq(strncmp(item_id(l), "u-", 2), 0, "%s", item_id(l));
    }
    json_t *geo = get_ok("/v1/locations?format=geojson&limit=500");
    cr_assert_eq(jint(geo, "total"), (long long)json_array_size(yes));
    json_array_foreach(json_object_get(geo, "features"), i, l)
        cr_assert(json_is_object(json_object_get(l, "geometry")), "a feature without a point");
    json_decref(geo);
    json_decref(yes);
    json_decref(no);
    json_decref(all);
}

/* ---- figures ------------------------------------------------------------- */

Test(api, figures_filter_enumerations_add_up)
{
    json_t *all = fetch_all("/v1/figures?limit=500");
    cr_assert_gt(json_array_size(all), 0);
    check_enum_filter("figures", "type", FIGURE_TYPES, all, get_type);
    check_enum_filter("figures", "qualifier", QUALIFIERS, all, get_qualifier);
    check_enum_filter("figures", "stance", STANCES, all, get_stance);
    check_enum_filter("figures", "subject_side", SIDES, all, get_side);
    check_enum_filter("figures", "subject_category", CATEGORIES, all, get_category);
    /* type, qualifier and stance are never null. */
    size_t i;
    json_t *f;
    json_array_foreach(all, i, f)
    {
        cr_assert(get_type(f) && get_qualifier(f) && get_stance(f), "%s lacks a field", item_id(f));
    }
    json_decref(all);
}

Test(api, figures_filter_article_matches_the_article)
{
    for (size_t k = 0; k < N_SEEDS; k++) {
        json_t *d = get_ok("/v1/articles/%s", SEED_IDS[k]);
        json_t *got = fetch_all("/v1/figures?article=%s&limit=500", SEED_IDS[k]);
        assert_same_sequence(got, json_object_get(d, "figures"), "figures?article");
        size_t i;
        json_t *f;
        json_array_foreach(got, i, f)
        {
            cr_assert(json_equal(f, json_array_get(json_object_get(d, "figures"), i)));
        }
        json_decref(got);
        json_decref(d);
    }
}

Test(api, figures_filter_claimant_matches_source_figures)
{
    json_t *all = fetch_all("/v1/figures?limit=500");
    json_t *claimants = json_object();
    size_t i;
    json_t *f;
    json_array_foreach(all, i, f)
    {
        const char *c = jstr2(f, "claimant", "id");
        if (c)
            json_object_set_new(claimants, c, json_true());
    }
    cr_assert_gt(json_object_size(claimants), 0, "no figure has a claimant");
    const char *c;
    json_t *unused;
    json_object_foreach(claimants, c, unused)
    {
        json_t *want = json_object();
        json_array_foreach(all, i, f)
        {
            if (jstr2(f, "claimant", "id") && strcmp(jstr2(f, "claimant", "id"), c) == 0)
                json_object_set(want, item_id(f), f);
        }
        char *enc = url_encode(c);
        json_t *got = fetch_all("/v1/figures?claimant=%s&limit=500", enc);
        assert_ids(got, want, "figures?claimant");
        json_t *via_source = fetch_all("/v1/sources/%s/figures?limit=500", enc);
        assert_same_sequence(via_source, got, "sources/{id}/figures");
        json_t *source = get_ok("/v1/sources/%s", enc);
        cr_assert_eq(jint(json_object_get(source, "counts"), "figures"),
                     (long long)json_array_size(got), "%s: counts.figures", c);
        json_decref(source);
        json_decref(via_source);
        free(enc);
        json_decref(got);
        json_decref(want);
    }
    json_decref(claimants);
    json_decref(all);
}

/* location=X on figures: placed at X or inside it. */
Test(api, figures_filter_location_includes_places_inside)
{
    json_t *all = fetch_all("/v1/figures?limit=500");
    json_t *parents = location_parents();
    json_t *candidates = json_object();
    size_t i;
    json_t *f;
    json_array_foreach(all, i, f)
    {
        const char *p = jstr2(f, "location", "id");
        for (int depth = 0; p && depth < 64; depth++) {
            json_object_set_new(candidates, p, json_true());
            p = json_string_value(json_object_get(parents, p));
        }
    }
    cr_assert_gt(json_object_size(candidates), 0, "no figure is placed");
    json_object_set_new(candidates, "aleppo", json_true());
    const char *x;
    json_t *unused;
    json_object_foreach(candidates, x, unused)
    {
        json_t *want = json_object();
        json_array_foreach(all, i, f)
        {
            const char *at = jstr2(f, "location", "id");
            if (at && is_within(parents, at, x))
                json_object_set(want, item_id(f), f);
        }
        char *enc = url_encode(x);
        json_t *got = fetch_all("/v1/figures?location=%s&limit=500", enc);
        assert_ids(got, want, "figures?location");
        free(enc);
        json_decref(got);
        json_decref(want);
    }
    json_decref(candidates);
    json_decref(parents);
    json_decref(all);
}

Test(api, figures_filter_value_bounds_hold)
{
    json_t *all = fetch_all("/v1/figures?limit=500&sort=value");
    /* Thresholds: every distinct value, and values between them. */
    double thresholds[64];
    size_t n = 0;
    size_t i;
    json_t *f;
    json_array_foreach(all, i, f)
    {
        json_t *v = json_object_get(f, "value");
        if (json_is_number(v) && n < 62 && (n == 0 || thresholds[n - 1] != json_number_value(v)))
            thresholds[n++] = json_number_value(v);
    }
    cr_assert_gt(n, 1, "the seeds have figures with at least two values");
    double lowest = thresholds[0], highest = thresholds[n - 1];
    thresholds[n++] = lowest - 0.5;
    thresholds[n++] = highest + 0.5;
    for (size_t t = 0; t < n; t++) {
        double v = thresholds[t];
        json_t *ge = fetch_all("/v1/figures?value__gte=%.17g&limit=500", v);
        json_t *le = fetch_all("/v1/figures?value__lte=%.17g&limit=500", v);
        json_t *want_ge = json_object(), *want_le = json_object();
        json_array_foreach(all, i, f)
        {
            json_t *x = json_object_get(f, "value");
            if (json_is_number(x) && json_number_value(x) >= v)
                json_object_set(want_ge, item_id(f), f);
            if (json_is_number(x) && json_number_value(x) <= v)
                json_object_set(want_le, item_id(f), f);
        }
        json_array_foreach(ge, i, f)
        {
            cr_assert(json_number_value(json_object_get(f, "value")) >= v,
                      "value__gte=%g returned %s", v, item_id(f));
        }
        json_array_foreach(le, i, f)
        {
            cr_assert(json_number_value(json_object_get(f, "value")) <= v,
                      "value__lte=%g returned %s", v, item_id(f));
        }
        assert_ids(ge, want_ge, "figures?value__gte");
        assert_ids(le, want_le, "figures?value__lte");
        json_decref(want_ge);
        json_decref(want_le);
        json_decref(ge);
        json_decref(le);
    }
    /* Both bounds: the figures in between. */
    double lo = lowest, hi = thresholds[(n - 2) / 2];
    json_t *mid = fetch_all("/v1/figures?value__gte=%.17g&value__lte=%.17g&limit=500", lo, hi);
    long long want = 0;
    json_array_foreach(all, i, f)
    {
        json_t *x = json_object_get(f, "value");
        want += json_is_number(x) && json_number_value(x) >= lo && json_number_value(x) <= hi;
    }
    cr_assert_eq((long long)json_array_size(mid), want);
    cr_assert_gt(want, 0);
    json_decref(mid);
    json_decref(all);
}

/* Filters combine with AND. */
Test(api, figures_filters_combine)
{
    json_t *all = fetch_all("/v1/figures?limit=500");
    for (const char *const *t = FIGURE_TYPES; *t; t++) {
        for (const char *const *st = STANCES; *st; st++) {
            long long want = 0;
            size_t i;
            json_t *f;
            json_array_foreach(all, i, f)
            {
                json_t *v = json_object_get(f, "value");
                want += !strcmp(get_type(f), *t) && !strcmp(get_stance(f), *st) &&
                        json_is_number(v) && json_number_value(v) >= 2;
            }
            cr_assert_eq(total_of("/v1/figures?type=%s&stance=%s&value__gte=2&limit=1", *t, *st),
                         want, "type=%s&stance=%s&value__gte=2", *t, *st);
        }
    }
    json_decref(all);
}

Test(api, source_figures_takes_the_figure_filters)
{
    json_t *top = get_ok("/v1/sources?sort=-n_figures&limit=1");
    json_t *s = json_array_get(json_object_get(top, "data"), 0);
    long long n = jint(json_object_get(s, "counts"), "figures");
    cr_assert_gt(n, 0, "no source claims a figure");
    char *enc = url_encode(item_id(s));
    json_t *figs = fetch_all("/v1/sources/%s/figures?limit=500", enc);
    cr_assert_eq((long long)json_array_size(figs), n);
    size_t i;
    json_t *f;
    json_array_foreach(figs, i, f)
    {
        cr_assert_str_eq(jstr2(f, "claimant", "id"), item_id(s));
    }
    /* A filter narrows it like the same filter on /v1/figures?claimant=. */
    for (const char *const *t = FIGURE_TYPES; *t; t++)
        cr_assert_eq(total_of("/v1/sources/%s/figures?type=%s", enc, *t),
                     total_of("/v1/figures?claimant=%s&type=%s", enc, *t), "type=%s", *t);
    cr_assert_eq(total_of("/v1/sources/%s/figures?value__gte=1&stance=claimed", enc),
                 total_of("/v1/figures?claimant=%s&value__gte=1&stance=claimed", enc));
    free(enc);
    json_decref(figs);
    json_decref(top);
}

/* ---- comparison ---------------------------------------------------------- */

/* A group's key as text, to compare groups across queries. */
static char *group_key(json_t *g)
{
    char *k = json_dumps(json_object_get(g, "key"), JSON_SORT_KEYS | JSON_COMPACT);
    cr_assert_not_null(k);
    return k;
}

/* A figure's headline amount: value_max, else value. */
static double amount_of(json_t *f)
{
    json_t *v = json_object_get(f, "value_max");
    if (!json_is_number(v))
        v = json_object_get(f, "value");
    return json_is_number(v) ? json_number_value(v) : NAN;
}

/* Calls fn on every figure a claimant row lists (headline, parts,
 * superseded). */
static void each_listed(json_t *row, void (*fn)(json_t *f, const char *list, void *ctx), void *ctx)
{
    static const char *const lists[] = {"parts", "superseded"};
    if (json_is_object(json_object_get(row, "headline")))
        fn(json_object_get(row, "headline"), "headline", ctx);
    for (int l = 0; l < 2; l++) {
        size_t i;
        json_t *f;
        json_array_foreach(json_object_get(row, lists[l]), i, f)
        {
            fn(f, lists[l], ctx);
        }
    }
}

/* What a listed figure must share with its group and row. */
typedef struct listed_ctx {
    json_t *key, *seen, *claims; /* claims: "claimant|type|category|value" seen */
    const char *claimant;
} listed_ctx;

static void check_listed(json_t *f, const char *list, void *vctx)
{
    listed_ctx *c = vctx;
    const char *fid = jstr(f, "id");
    cr_assert_null(json_object_get(c->seen, fid), "figure %s is listed twice", fid);
    json_object_set_new(c->seen, fid, json_true());
    cr_assert_str_eq(jstr(c->key, "type"), jstr(f, "type"), "%s", fid);
    cr_assert_str_eq(jstr2(c->key, "subject", "category"), jstr2(f, "subject", "category"), "%s",
                     fid);
    const char *cat = jstr2(f, "subject", "category");
    if (!strcmp(cat, "materiel") || !strcmp(cat, "munitions"))
        cr_assert(json_equal(json_object_get(c->key, "object"), json_object_get(f, "object")));
    const char *who = jstr2(f, "claimant", "id") ? jstr2(f, "claimant", "id") : "";
    cr_assert_str_eq(who, c->claimant, "%s is listed under another claimant", fid);
    if (!strcmp(list, "headline"))
        cr_assert(json_is_null(json_object_get(f, "part_of")), "a part as headline: %s", fid);
    char *k = fmt_str("%s|%s|%s|%g", who, jstr(f, "type"), cat,
                      json_number_value(json_object_get(f, "value")));
    json_object_set_new(c->claims, k, json_true());
    free(k);
}

/* Every comparable figure is listed in one group (or is the same claim as
 * one listed: a relay, a repeated part), each listed figure once, under its
 * own claimant and its group's key; headlines are not parts; the spread
 * runs over headlines; groups come most claimants first. */
Test(api, compare_lists_every_comparable_figure_once)
{
    json_t *all = fetch_all("/v1/figures?limit=500");
    json_t *cmp = get_ok("/v1/figures/compare?min_claimants=1&claims=500&figures=500&limit=500");
    json_t *groups = json_object_get(cmp, "groups");
    cr_assert_eq(jint(cmp, "total"), (long long)json_array_size(groups));
    cr_assert_gt(json_array_size(groups), 0);
    json_t *seen = json_object(), *claims = json_object();
    size_t i, j;
    json_t *g, *r;
    double prev_claimants = INFINITY;
    json_array_foreach(groups, i, g)
    {
        json_t *rows = json_object_get(g, "claimants");
        cr_assert_eq(jint(g, "n_claimants"), (long long)json_array_size(rows));
        double lo = INFINITY, hi = -INFINITY;
        long long n_claims = 0;
        json_array_foreach(rows, j, r)
        {
            const char *who = jstr2(r, "claimant", "id");
            listed_ctx c = {json_object_get(g, "key"), seen, claims, who ? who : ""};
            each_listed(r, check_listed, &c);
            n_claims += jint(r, "n_claims");
            json_t *h = json_object_get(r, "headline");
            if (json_is_object(h) && !isnan(amount_of(h))) {
                lo = fmin(lo, amount_of(h));
                hi = fmax(hi, amount_of(h));
                cr_assert_gt(json_array_size(json_object_get(r, "carriers")), 0,
                             "a headline has its article");
            }
        }
        cr_assert_eq(jint(g, "n_claims"), n_claims);
        json_t *spread = json_object_get(g, "spread");
        if (lo <= hi) {
            cr_assert_float_eq(json_number_value(json_object_get(spread, "min")), lo, 1e-9);
            cr_assert_float_eq(json_number_value(json_object_get(spread, "max")), hi, 1e-9);
        } else {
            cr_assert(json_is_null(json_object_get(spread, "min")));
        }
        double nc = (double)jint(g, "n_claimants");
        cr_assert(nc <= prev_claimants, "group %zu is out of order", i);
        prev_claimants = nc;
    }
    /* Comparable: not a count, with a known subject category. */
    json_t *f;
    json_array_foreach(all, i, f)
    {
        bool comparable =
            strcmp(jstr(f, "type"), "count") != 0 && jstr2(f, "subject", "category") != NULL;
        const char *who = jstr2(f, "claimant", "id") ? jstr2(f, "claimant", "id") : "";
        char *k = fmt_str("%s|%s|%s|%g", who, jstr(f, "type"),
                          comparable ? jstr2(f, "subject", "category") : "-",
                          json_number_value(json_object_get(f, "value")));
        bool listed = json_object_get(seen, item_id(f)) || json_object_get(claims, k);
        free(k);
        cr_assert_eq(listed, comparable, "figure %s (type %s) is %s the comparison", item_id(f),
                     jstr(f, "type"), comparable ? "missing from" : "wrongly in");
    }
    json_decref(seen);
    json_decref(claims);
    json_decref(cmp);
    json_decref(all);
}

/* Has group g a row for claimant id? */
static bool has_row(json_t *g, const char *id)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(g, "claimants"), i, r)
    {
        const char *who = jstr2(r, "claimant", "id");
        if (who && !strcmp(who, id))
            return true;
    }
    return false;
}

static void check_affiliation(json_t *f, const char *list, void *ctx)
{
    (void)list;
    cr_assert_str_eq(jstr2(f, "claimant", "affiliation"), (const char *)ctx);
}

typedef struct place_ctx {
    json_t *parents;
    const char *place, *area;
    long long n;
} place_ctx;

static void check_place(json_t *f, const char *list, void *vctx)
{
    (void)list;
    place_ctx *c = vctx;
    const char *at = jstr2(f, "location", "id");
    cr_assert((at && is_within(c->parents, at, c->place)) ||
                  (c->area && is_within(c->parents, c->area, c->place)),
              "location=%s returned %s (at %s, area %s)", c->place, jstr(f, "id"), at ? at : "-",
              c->area ? c->area : "-");
    c->n++;
}

Test(api, compare_parameters_narrow_the_groups)
{
    json_t *base = get_ok("/v1/figures/compare?min_claimants=1&claims=500&figures=500&limit=500");
    json_t *groups = json_object_get(base, "groups");
    size_t i, j;
    json_t *g, *r;

    /* The defaults are group=event, min_claimants=2, claims=3, figures=0 and limit=20. */
    json_t *dflt = get_ok("/v1/figures/compare");
    json_t *two =
        get_ok("/v1/figures/compare?group=event&min_claimants=2&claims=3&figures=0&limit=20");
    cr_assert(json_equal(dflt, two),
              "the defaults are not group=event, min_claimants=2, claims=3, figures=0, limit=20");
    long long want = 0;
    json_array_foreach(groups, i, g)
    {
        want += jint(g, "n_claimants") >= 2;
    }
    cr_assert_eq(jint(dflt, "total"), want);
    cr_assert_gt(want, 0, "the seeds have claims that disagree");

    /* type=T: exactly the groups of that type. */
    static const char *const types[] = {"killed", "destroyed", "seized", "injured", NULL};
    for (const char *const *t = types; *t; t++) {
        json_t *only = get_ok(
            "/v1/figures/compare?min_claimants=1&claims=500&figures=500&limit=500&type=%s", *t);
        long long n = 0;
        json_array_foreach(groups, i, g)
        {
            n += !strcmp(jstr(json_object_get(g, "key"), "type"), *t);
        }
        cr_assert_eq(jint(only, "total"), n, "type=%s", *t);
        json_array_foreach(json_object_get(only, "groups"), i, g)
        {
            cr_assert_str_eq(jstr(json_object_get(g, "key"), "type"), *t);
        }
        json_decref(only);
    }

    /* claims=1: one claimant listed, all counted. */
    json_t *one = get_ok("/v1/figures/compare?min_claimants=1&claims=1&figures=500&limit=500");
    cr_assert_eq(jint(one, "total"), jint(base, "total"));
    json_array_foreach(json_object_get(one, "groups"), i, g)
    {
        cr_assert_eq(json_array_size(json_object_get(g, "claimants")), 1);
        char *k = group_key(g);
        bool found = false;
        json_t *h;
        json_array_foreach(groups, j, h)
        {
            char *kh = group_key(h);
            if (!strcmp(k, kh) && jint(g, "n_claimants") == jint(h, "n_claimants"))
                found = true;
            free(kh);
        }
        cr_assert(found, "group %s only with claims=1", k);
        free(k);
    }

    /* claimant=C: the groups C claims in. */
    json_t *only = get_ok(
        "/v1/figures/compare?min_claimants=1&claims=500&figures=500&limit=500&claimant=sohr");
    long long n = 0;
    json_array_foreach(groups, i, g)
    {
        n += has_row(g, "sohr");
    }
    cr_assert_eq(jint(only, "total"), n);
    json_array_foreach(json_object_get(only, "groups"), i, g)
    {
        cr_assert(has_row(g, "sohr"));
    }
    json_decref(only);

    /* affiliation=A: only claims of such claimants. */
    static const char *const affs[] = {"government", "opposition", "independent", "unknown", NULL};
    for (const char *const *a = affs; *a; a++) {
        only = get_ok(
            "/v1/figures/compare?min_claimants=1&claims=500&figures=500&limit=500&affiliation=%s",
            *a);
        json_array_foreach(json_object_get(only, "groups"), i, g)
        {
            json_array_foreach(json_object_get(g, "claimants"), j, r)
            {
                each_listed(r, check_affiliation, (void *)*a);
            }
        }
        json_decref(only);
    }

    /* location=X: figures about X or inside it (by place or by area). */
    json_t *parents = location_parents();
    static const char *const places[] = {"aleppo", "aleppo-gov", "syria", "no-such-place", NULL};
    for (const char *const *x = places; *x; x++) {
        only = get_ok(
            "/v1/figures/compare?min_claimants=1&claims=500&figures=500&limit=500&location=%s", *x);
        place_ctx c = {parents, *x, NULL, 0};
        json_array_foreach(json_object_get(only, "groups"), i, g)
        {
            c.area = jstr2(json_object_get(g, "key"), "area", "id");
            json_array_foreach(json_object_get(g, "claimants"), j, r)
            {
                each_listed(r, check_place, &c);
            }
        }
        if (!strcmp(*x, "aleppo") || !strcmp(*x, "syria"))
            cr_assert_gt(c.n, 0, "location=%s", *x);
        if (!strcmp(*x, "no-such-place"))
            cr_assert_eq(c.n, 0);
        json_decref(only);
    }

    /* Seeds without a sidecar have no publication date: a date filter keeps
     * only figures with an event date. */
    only = get_ok("/v1/figures/compare?min_claimants=1&date__gte=2999-01-01");
    cr_assert_eq(jint(only, "total"), 0);
    json_decref(only);
    json_decref(parents);
    json_decref(one);
    json_decref(two);
    json_decref(dflt);
    json_decref(base);
}

/* ---- sorting ------------------------------------------------------------- */

Test(api, sort_minus_id_reverses_the_default_order)
{
    const char *lists[] = {"articles", "sources", "locations", "figures"};
    for (int k = 0; k < 4; k++) {
        json_t *fwd = fetch_all("/v1/%s?limit=500", lists[k]);
        json_t *asc = fetch_all("/v1/%s?limit=500&sort=id", lists[k]);
        json_t *rev = fetch_all("/v1/%s?limit=500&sort=-id", lists[k]);
        assert_same_sequence(asc, fwd, "sort=id is the default");
        size_t n = json_array_size(fwd);
        cr_assert_eq(json_array_size(rev), n);
        cr_assert_gt(n, 0);
        for (size_t i = 0; i < n; i++)
            cr_assert_str_eq(item_id(json_array_get(rev, i)),
                             item_id(json_array_get(fwd, n - 1 - i)), "/v1/%s?sort=-id item %zu",
                             lists[k], i);
        assert_sorted(lists[k], "id", fwd);
        json_decref(fwd);
        json_decref(asc);
        json_decref(rev);
    }
}

static const struct {
    const char *res, *sort;
} SORTS[] = {
    {"articles", "title"},
    {"articles", "-title"},
    {"articles", "published_at"},
    {"articles", "-published_at"},
    {"articles", "n_figures"},
    {"articles", "-n_figures"},
    {"articles", "-n_figures,title"},
    {"articles", "+title,-id"},
    {"sources", "name"},
    {"sources", "-name"},
    {"sources", "n_mentions"},
    {"sources", "-n_mentions"},
    {"sources", "-n_figures,name"},
    {"locations", "name"},
    {"locations", "-name"},
    {"locations", "name_en"},
    {"locations", "-name_en"},
    {"locations", "-n_mentions"},
    {"locations", "n_mentions,-name_en"},
    {"figures", "value"},
    {"figures", "-value"},
    {"figures", "article"},
    {"figures", "-article,-value"},
    {"figures", "-id"},
};

Test(api, sort_orders_hold_for_every_field)
{
    for (size_t k = 0; k < sizeof SORTS / sizeof SORTS[0]; k++) {
        char *sort = url_encode(SORTS[k].sort); /* '+' must travel as %2B */
        json_t *items = fetch_all("/v1/%s?limit=500&sort=%s", SORTS[k].res, sort);
        assert_sorted(SORTS[k].res, SORTS[k].sort, items);
        json_decref(items);
        free(sort);
    }
    /* -n_figures puts the article with the most figures first. */
    json_t *all = fetch_all("/v1/articles");
    long long most = 0;
    size_t i;
    json_t *a;
    json_array_foreach(all, i, a)
    {
        long long n = jint(json_object_get(a, "counts"), "figures");
        most = n > most ? n : most;
    }
    json_t *first = get_ok("/v1/articles?sort=-n_figures&limit=1");
    cr_assert_eq(jint(json_object_get(json_array_get(json_object_get(first, "data"), 0), "counts"),
                      "figures"),
                 most);
    json_decref(first);
    json_decref(all);
}

/* ---- paging -------------------------------------------------------------- */

Test(api, paging_with_small_limits_visits_every_item_once_in_order)
{
    const char *lists[] = {"articles", "sources", "locations", "figures"};
    for (int k = 0; k < 4; k++) {
        json_t *whole = fetch_all("/v1/%s?limit=500", lists[k]);
        for (int limit = 1; limit <= 3; limit++) {
            /* fetch_all follows next_url and checks the Link header. */
            json_t *paged = fetch_all("/v1/%s?limit=%d", lists[k], limit);
            char what[64];
            snprintf(what, sizeof what, "/v1/%s?limit=%d", lists[k], limit);
            assert_same_sequence(paged, whole, what);
            json_t *set = id_set(paged); /* asserts each id once */
            json_decref(set);
            json_decref(paged);
        }
        json_decref(whole);
    }
}

Test(api, paging_keeps_the_sort_order_and_filters)
{
    for (size_t k = 0; k < sizeof SORTS / sizeof SORTS[0]; k++) {
        char *sort = url_encode(SORTS[k].sort);
        json_t *whole = fetch_all("/v1/%s?limit=500&sort=%s", SORTS[k].res, sort);
        json_t *paged = fetch_all("/v1/%s?sort=%s&limit=2", SORTS[k].res, sort);
        free(sort);
        char what[96];
        snprintf(what, sizeof what, "/v1/%s?sort=%s&limit=2", SORTS[k].res, SORTS[k].sort);
        assert_same_sequence(paged, whole, what);
        json_decref(whole);
        json_decref(paged);
    }
    json_t *whole = fetch_all("/v1/figures?location=aleppo&sort=-value&limit=500");
    json_t *paged = fetch_all("/v1/figures?location=aleppo&sort=-value&limit=1");
    assert_same_sequence(paged, whole, "figures?location=aleppo&sort=-value&limit=1");
    json_decref(whole);
    json_decref(paged);
}

/* next, next_url and Link name the same page. */
Test(api, next_cursor_next_url_and_link_agree)
{
    e2e_response *r = e2e_get("/v1/figures?type=killed&limit=1&sort=-value");
    cr_assert_eq(r->status, 200);
    const char *next = jstr(r->json, "next"), *next_url = jstr(r->json, "next_url");
    cr_assert(next && next_url, "one figure per page leaves a next page");
    cr_assert(strncmp(next_url, "/v1/figures?", 12) == 0, "next_url %s", next_url);
    cr_assert(strstr(next_url, "type=killed") && strstr(next_url, "limit=1") &&
                  strstr(next_url, "sort=-value"),
              "next_url %s drops the query", next_url);
    char *enc = url_encode(next);
    char *tail = fmt_str("cursor=%s", enc);
    cr_assert(strstr(next_url, tail), "next_url %s does not carry the cursor %s", next_url, next);
    char *link = fmt_str("<%s>; rel=\"next\"", next_url);
    cr_assert_str_eq(e2e_header_get(r, "Link"), link);

    json_t *a = get_ok_path(next_url);
    json_t *b = get_ok("/v1/figures?type=killed&limit=1&sort=-value&cursor=%s", enc);
    cr_assert(json_equal(a, b), "next_url and the cursor give different pages");
    cr_assert_str_neq(item_id(json_array_get(json_object_get(a, "data"), 0)),
                      item_id(json_array_get(json_object_get(r->json, "data"), 0)));
    json_decref(a);
    json_decref(b);
    free(link);
    free(tail);
    free(enc);
    e2e_response_free(r);
}

Test(api, limit_defaults_to_50_and_accepts_1_to_500)
{
    long long total = total_of("/v1/locations?limit=1");
    json_t *page = get_ok("/v1/locations");
    size_t want = total < 50 ? (size_t)total : 50;
    cr_assert_eq(json_array_size(json_object_get(page, "data")), want);
    json_decref(page);
    page = get_ok("/v1/locations?limit=1");
    cr_assert_eq(json_array_size(json_object_get(page, "data")), 1);
    json_decref(page);
    page = get_ok("/v1/locations?limit=500");
    cr_assert_eq(json_array_size(json_object_get(page, "data")), total < 500 ? (size_t)total : 500);
    json_decref(page);
}

/* ---- GeoJSON ------------------------------------------------------------- */

/* Checks a FeatureCollection against the JSON page of the same query. */
static void check_geojson(const char *path_geo, const char *path_json, bool own_coordinates)
{
    e2e_response *r = e2e_get(path_geo);
    cr_assert_eq(r->status, 200, "%s: %ld %s", path_geo, r->status, r->body);
    cr_assert(content_type_is(r, "application/geo+json"), "%s: Content-Type %s", path_geo,
              e2e_header_get(r, "Content-Type"));
    cr_assert(json_is_object(r->json), "%s: not JSON", path_geo);
    cr_assert_str_eq(jstr(r->json, "type"), "FeatureCollection");
    json_t *plain = get_ok_path(path_json);
    cr_assert_eq(jint(r->json, "total"), jint(plain, "total"));
    cr_assert(json_equal(json_object_get(r->json, "next"), json_object_get(plain, "next")));
    cr_assert(json_object_get(r->json, "next_url") != NULL);
    json_t *features = json_object_get(r->json, "features"), *data = json_object_get(plain, "data");
    cr_assert_eq(json_array_size(features), json_array_size(data));
    size_t i, points = 0;
    json_t *feat;
    json_array_foreach(features, i, feat)
    {
        json_t *props = json_object_get(feat, "properties");
        cr_assert_str_eq(jstr(feat, "type"), "Feature");
        cr_assert(json_equal(props, json_array_get(data, i)), "feature %zu differs from the item",
                  i);
        cr_assert(json_equal(json_object_get(feat, "id"), json_object_get(props, "id")));
        json_t *place = own_coordinates ? props : json_object_get(props, "location");
        json_t *lat = json_object_get(place, "lat"), *lon = json_object_get(place, "lon");
        json_t *geometry = json_object_get(feat, "geometry");
        cr_assert(geometry != NULL, "a Feature must have a geometry member (null allowed)");
        if (json_is_number(lat) && json_is_number(lon)) {
            cr_assert_str_eq(jstr(geometry, "type"), "Point");
            json_t *c = json_object_get(geometry, "coordinates");
            cr_assert_eq(json_array_size(c), 2);
            cr_assert_float_eq(json_number_value(json_array_get(c, 0)), json_number_value(lon),
                               1e-9, "coordinates are [lon, lat]");
            cr_assert_float_eq(json_number_value(json_array_get(c, 1)), json_number_value(lat),
                               1e-9, "coordinates are [lon, lat]");
            points++;
        } else {
            cr_assert(json_is_null(geometry), "an item without coordinates has a null geometry");
        }
    }
    cr_assert_gt(points, 0, "%s: no Point at all", path_geo);
    json_decref(plain);
    e2e_response_free(r);
}

Test(api, geojson_of_locations)
{
    check_geojson("/v1/locations?format=geojson&limit=500&mentioned=true",
                  "/v1/locations?limit=500&mentioned=true", true);
    check_geojson("/v1/locations?format=geojson&limit=3", "/v1/locations?limit=3&format=json",
                  true);
    /* Aleppo's point is [lon, lat]. */
    json_t *fc = get_ok("/v1/locations?format=geojson&bbox=36.9,36.0,37.4,36.4&limit=500");
    size_t i;
    json_t *f;
    bool seen = false;
    json_array_foreach(json_object_get(fc, "features"), i, f)
    {
        if (strcmp(jstr(f, "id"), "aleppo") != 0)
            continue;
        json_t *c = json_object_get(json_object_get(f, "geometry"), "coordinates");
        cr_assert(fabs(json_number_value(json_array_get(c, 0)) - 37.15) < 0.3);
        cr_assert(fabs(json_number_value(json_array_get(c, 1)) - 36.2) < 0.3);
        seen = true;
    }
    cr_assert(seen);
    json_decref(fc);
}

Test(api, geojson_of_figures)
{
    check_geojson("/v1/figures?format=geojson&limit=500", "/v1/figures?limit=500", false);
    check_geojson("/v1/figures?format=geojson&limit=2&type=killed",
                  "/v1/figures?limit=2&type=killed", false);
}

Test(api, geojson_of_source_figures_and_its_paging)
{
    json_t *top = get_ok("/v1/sources?sort=-n_figures&limit=1");
    char *enc = url_encode(item_id(json_array_get(json_object_get(top, "data"), 0)));
    char *geo = fmt_str("/v1/sources/%s/figures?format=geojson&limit=500", enc);
    char *plain = fmt_str("/v1/sources/%s/figures?limit=500", enc);
    check_geojson(geo, plain, false);
    /* Paging keeps the format: every page is a FeatureCollection. */
    json_t *whole = fetch_all("/v1/figures?format=geojson&limit=500");
    json_t *paged = fetch_all("/v1/figures?format=geojson&limit=3");
    assert_same_sequence(paged, whole, "geojson paging");
    json_t *first = get_ok("/v1/figures?format=geojson&limit=3");
    cr_assert(strstr(jstr(first, "next_url"), "format=geojson"), "next_url %s",
              jstr(first, "next_url"));
    json_decref(first);
    json_decref(whole);
    json_decref(paged);
    free(geo);
    free(plain);
    free(enc);
    json_decref(top);
}

/* ---- caching and HEAD ---------------------------------------------------- */

Test(api, etag_and_if_none_match_give_304)
{
    const char *paths[] = {"/v1/articles",
                           ("/v1/articles/" SEED_000),
                           "/v1/figures?type=killed",
                           "/v1/locations/aleppo",
                           "/v1/meta",
                           "/openapi.yaml",
                           "/"};
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        e2e_response *r = e2e_get(paths[k]);
        cr_assert_eq(r->status, 200);
        const char *etag = e2e_header_get(r, "ETag");
        cr_assert_not_null(etag, "%s: no ETag", paths[k]);
        cr_assert(strlen(etag) == 18 && etag[0] == '"' && etag[17] == '"', "%s: ETag %s", paths[k],
                  etag);
        cr_assert_str_eq(e2e_header_get(r, "Cache-Control"), "no-cache");

        e2e_response *again = e2e_get(paths[k]);
        cr_assert_str_eq(e2e_header_get(again, "ETag"), etag, "%s: the ETag is not stable",
                         paths[k]);
        e2e_response_free(again);

        char *inm = fmt_str("If-None-Match: %s", etag);
        e2e_response *nm = e2e_get(paths[k], inm);
        cr_assert_eq(nm->status, 304, "%s with If-None-Match: %ld", paths[k], nm->status);
        cr_assert_eq(nm->len, 0, "a 304 has no body");
        cr_assert_str_eq(e2e_header_get(nm, "ETag"), etag);
        e2e_response_free(nm);
        free(inm);

        inm = fmt_str("If-None-Match: \"0000000000000000\", W/%s", etag);
        nm = e2e_get(paths[k], inm);
        cr_assert_eq(nm->status, 304, "%s: a weak tag in a list matches", paths[k]);
        e2e_response_free(nm);
        free(inm);

        nm = e2e_get(paths[k], "If-None-Match: \"0000000000000000\"");
        cr_assert_eq(nm->status, 200, "%s: another tag must not match", paths[k]);
        cr_assert_eq(nm->len, r->len);
        e2e_response_free(nm);

        nm = e2e_get(paths[k], "If-None-Match: *");
        cr_assert_eq(nm->status, 304, "%s: * matches", paths[k]);
        e2e_response_free(nm);
        e2e_response_free(r);
    }
    /* Different bodies, different tags. */
    e2e_response *a = e2e_get("/v1/articles?limit=1"), *b = e2e_get("/v1/articles?limit=2");
    cr_assert_str_neq(e2e_header_get(a, "ETag"), e2e_header_get(b, "ETag"));
    e2e_response_free(a);
    e2e_response_free(b);
}

Test(api, head_sends_the_headers_of_get_without_a_body)
{
    const char *paths[] = {"/v1/articles", "/v1/figures?format=geojson", "/v1/sources/nope",
                           "/healthz", "/openapi.yaml"};
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        e2e_response *g = e2e_get(paths[k]);
        e2e_response *h = e2e_request("HEAD", paths[k]);
        cr_assert_eq(h->status, g->status, "HEAD %s: %ld, GET %ld", paths[k], h->status, g->status);
        cr_assert_eq(h->len, 0, "HEAD %s has a body", paths[k]);
        cr_assert_str_eq(e2e_header_get(h, "Content-Type"), e2e_header_get(g, "Content-Type"));
        const char *ge = e2e_header_get(g, "ETag"), *he = e2e_header_get(h, "ETag");
        cr_assert((ge == NULL) == (he == NULL), "HEAD %s: ETag presence differs", paths[k]);
        if (ge)
            cr_assert_str_eq(he, ge);
        const char *cl = e2e_header_get(h, "Content-Length");
        if (cl)
            cr_assert_eq(strtoul(cl, NULL, 10), g->len, "HEAD %s: Content-Length %s, GET %zu",
                         paths[k], cl, g->len);
        e2e_response_free(g);
        e2e_response_free(h);
    }
}
