/* test_server.c — the HTTP layer's pure parts: route matching, query
 * parameter validation against the store's catalogue, problem replies, and
 * configuration from flags and environment. No socket is opened here; the
 * end-to-end suite covers the daemon.
 */
#include "server/config.h"
#include "server/params.h"
#include "server/reply.h"
#include "server/routes.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static request make_request(const char *path, size_t n, const char *const *kv)
{
    request rq;
    memset(&rq, 0, sizeof rq);
    rq.method = "GET";
    rq.path = path;
    for (size_t i = 0; i < n; i++) {
        rq.args[i].name = kv[2 * i];
        rq.args[i].value = kv[2 * i + 1];
    }
    rq.n_args = n;
    return rq;
}

static json_t *body_json(const reply *r)
{
    json_error_t err;
    json_t *j = json_loadb(r->body, r->len, 0, &err);
    cr_assert_not_null(j, "body is not JSON: %.*s", (int)r->len, r->body);
    return j;
}

/* ---- routes ---- */

Test(routes, finds_literal_and_id_routes)
{
    const route *rt;
    char id[REQUEST_MAX_ID], allow[64];
    cr_assert_eq(routes_match("GET", "/v1/articles", &rt, id, sizeof id, allow, sizeof allow),
                 ROUTE_FOUND);
    cr_assert_str_eq(rt->pattern, "/v1/articles");
    cr_assert_eq(routes_match("GET", "/v1/articles/abc_1", &rt, id, sizeof id, allow, sizeof allow),
                 ROUTE_FOUND);
    cr_assert_str_eq(rt->pattern, "/v1/articles/{id}");
    cr_assert_str_eq(id, "abc_1");
    cr_assert_eq(
        routes_match("GET", "/v1/sources/x/figures", &rt, id, sizeof id, allow, sizeof allow),
        ROUTE_FOUND);
    cr_assert_str_eq(rt->pattern, "/v1/sources/{id}/figures");
    cr_assert_str_eq(id, "x");
}

Test(routes, head_matches_get)
{
    const route *rt;
    char id[REQUEST_MAX_ID], allow[64];
    cr_assert_eq(routes_match("HEAD", "/healthz", &rt, id, sizeof id, allow, sizeof allow),
                 ROUTE_FOUND);
}

Test(routes, unknown_path_and_wrong_method)
{
    const route *rt;
    char id[REQUEST_MAX_ID], allow[64];
    cr_assert_eq(routes_match("GET", "/v1/nowhere", &rt, id, sizeof id, allow, sizeof allow),
                 ROUTE_NO_PATH);
    cr_assert_eq(routes_match("GET", "/v1/articles/", &rt, id, sizeof id, allow, sizeof allow),
                 ROUTE_NO_PATH);
    cr_assert_eq(routes_match("GET", "/v1/articles/a/b", &rt, id, sizeof id, allow, sizeof allow),
                 ROUTE_NO_PATH);
    cr_assert_eq(routes_match("DELETE", "/v1/figures", &rt, id, sizeof id, allow, sizeof allow),
                 ROUTE_NO_METHOD);
    cr_assert_str_eq(allow, "GET, HEAD, OPTIONS");
}

/* Allow names each method of the path once: /v1/figures/compare is a route
 * of its own, not also /v1/figures/{id}. */
Test(routes, allow_lists_each_method_of_the_path_once)
{
    static const char *const cases[][3] = {
        {"POST", "/v1/figures/compare", "GET, HEAD, OPTIONS"},
        {"PATCH", "/v1/articles", "GET, HEAD, POST, OPTIONS"},
        {"POST", "/v1/articles/x", "GET, HEAD, PUT, DELETE, OPTIONS"},
        {"OPTIONS", "/v1/sources/x/figures", "GET, HEAD, OPTIONS"},
        {"DELETE", "/", "GET, HEAD, OPTIONS"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const route *rt;
        char id[REQUEST_MAX_ID], allow[64];
        cr_assert_eq(
            routes_match(cases[i][0], cases[i][1], &rt, id, sizeof id, allow, sizeof allow),
            ROUTE_NO_METHOD, "%s %s", cases[i][0], cases[i][1]);
        cr_expect_str_eq(allow, cases[i][2], "%s %s", cases[i][0], cases[i][1]);
    }
    const route *rt;
    char id[REQUEST_MAX_ID], allow[64];
    cr_assert_eq(
        routes_match("GET", "/v1/figures/compare", &rt, id, sizeof id, allow, sizeof allow),
        ROUTE_FOUND);
    cr_expect_str_eq(rt->pattern, "/v1/figures/compare");
}

Test(routes, id_longer_than_buffer_is_not_found)
{
    const route *rt;
    char id[8], allow[64];
    cr_assert_eq(
        routes_match("GET", "/v1/articles/0123456789", &rt, id, sizeof id, allow, sizeof allow),
        ROUTE_NO_PATH);
}

/* ---- params ---- */

Test(params, defaults)
{
    request rq = make_request("/v1/figures", 0, NULL);
    store_query q;
    output_format fmt;
    reply r;
    reply_init(&r);
    cr_assert(params_query_or_reply(&rq, RES_FIGURES, true, NULL, NULL, &q, &fmt, &r));
    cr_assert_eq(q.limit, PARAMS_DEFAULT_LIMIT);
    cr_assert_eq(q.n_filters, 0);
    cr_assert_eq(q.n_sort, 0);
    cr_assert_null(q.cursor);
    cr_assert_eq(fmt, FORMAT_JSON);
    reply_free(&r);
}

Test(params, filters_sort_limit_and_format)
{
    const char *kv[] = {"type",  "killed", "value__gte", "50",      "sort",     "-value,id",
                        "limit", "500",    "format",     "geojson", "location", "aleppo"};
    request rq = make_request("/v1/figures", 6, kv);
    store_query q;
    output_format fmt;
    reply r;
    reply_init(&r);
    cr_assert(params_query_or_reply(&rq, RES_FIGURES, true, NULL, NULL, &q, &fmt, &r));
    cr_assert_eq(q.limit, 500);
    cr_assert_eq(q.n_filters, 3);
    cr_assert_str_eq(q.filters[0].text, "killed");
    cr_assert_float_eq(q.filters[1].num[0], 50.0, 1e-9);
    cr_assert_eq(q.n_sort, 2);
    cr_assert(q.sort[0].desc);
    cr_assert_not(q.sort[1].desc);
    cr_assert_eq(fmt, FORMAT_GEOJSON);
    size_t n;
    const char *const *fields = store_sort_fields(RES_FIGURES, &n);
    cr_assert_str_eq(fields[q.sort[0].field], "value");
    reply_free(&r);
}

/* Each bad query names the offending parameter in a 400 problem. */
static void expect_bad(store_resource res, const char *name, const char *value, const char *param)
{
    const char *kv[] = {name, value};
    request rq = make_request("/v1/x", 1, kv);
    store_query q;
    output_format fmt;
    reply r;
    reply_init(&r);
    cr_assert_not(params_query_or_reply(&rq, res, false, NULL, NULL, &q, &fmt, &r),
                  "%s=%s accepted", name, value);
    cr_assert_eq(r.status, 400);
    cr_assert_str_eq(r.content_type, "application/problem+json");
    json_t *j = body_json(&r);
    cr_assert_eq(json_integer_value(json_object_get(j, "status")), 400);
    json_t *inv = json_array_get(json_object_get(j, "invalid_params"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(inv, "name")), param, "%s=%s", name, value);
    cr_assert_not_null(json_string_value(json_object_get(j, "detail")));
    json_decref(j);
    reply_free(&r);
}

Test(params, rejects_bad_values)
{
    expect_bad(RES_FIGURES, "limit", "501", "limit");
    expect_bad(RES_FIGURES, "limit", "0", "limit");
    expect_bad(RES_FIGURES, "limit", "-1", "limit");
    expect_bad(RES_FIGURES, "limit", "abc", "limit");
    expect_bad(RES_FIGURES, "limit", "99999999999999999999", "limit");
    expect_bad(RES_FIGURES, "type", "exploded", "type");
    expect_bad(RES_FIGURES, "value__gte", "many", "value__gte");
    expect_bad(RES_FIGURES, "value__gte", "inf", "value__gte");
    expect_bad(RES_FIGURES, "value__lte", "1e999", "value__lte");
    expect_bad(RES_FIGURES, "sort", "nonsense", "sort");
    expect_bad(RES_FIGURES, "sort", "value,value", "sort");
    expect_bad(RES_FIGURES, "sort", "value,", "sort");
    expect_bad(RES_FIGURES, "sort", "", "sort");
    expect_bad(RES_FIGURES, "bogus", "1", "bogus");
    expect_bad(RES_FIGURES, "format", "geojson", "format"); /* not allowed on this route */
    expect_bad(RES_FIGURES, "cursor", "", "cursor");
    expect_bad(RES_LOCATIONS, "bbox", "1,2,3", "bbox");
    expect_bad(RES_LOCATIONS, "bbox", "37,36,36,37", "bbox");
    expect_bad(RES_LOCATIONS, "bbox", "-200,0,0,10", "bbox");
    expect_bad(RES_LOCATIONS, "near", "36.2,37.1", "near");
    expect_bad(RES_LOCATIONS, "near", "36.2,37.1,0", "near");
    expect_bad(RES_LOCATIONS, "near", "95,37.1,5", "near");
    expect_bad(RES_ARTICLES, "outlet", "", "outlet");
    expect_bad(RES_ARTICLES, "outlet", "\xff\xfe", "outlet");
    expect_bad(RES_SOURCES, "affiliation", "neutral", "affiliation");
}

Test(params, rejects_repeated_and_too_long)
{
    const char *kv[] = {"type", "killed", "type", "injured"};
    request rq = make_request("/v1/figures", 2, kv);
    store_query q;
    output_format fmt;
    reply r;
    reply_init(&r);
    cr_assert_not(params_query_or_reply(&rq, RES_FIGURES, false, NULL, NULL, &q, &fmt, &r));
    cr_assert_eq(r.status, 400);
    reply_free(&r);

    char long_value[PARAMS_MAX_VALUE + 2];
    memset(long_value, 'a', sizeof long_value - 1);
    long_value[sizeof long_value - 1] = '\0';
    expect_bad(RES_FIGURES, "article", long_value, "article");

    rq = make_request("/v1/figures", 0, NULL);
    rq.too_many_args = true;
    reply_init(&r);
    cr_assert_not(params_query_or_reply(&rq, RES_FIGURES, false, NULL, NULL, &q, &fmt, &r));
    cr_assert_eq(r.status, 400);
    reply_free(&r);
}

Test(params, preset_filter_is_fixed_by_the_route)
{
    const char *kv[] = {"claimant", "other"};
    request rq = make_request("/v1/sources/x/figures", 1, kv);
    store_query q;
    output_format fmt;
    reply r;
    reply_init(&r);
    cr_assert_not(params_query_or_reply(&rq, RES_FIGURES, true, "claimant", "x", &q, &fmt, &r));
    reply_free(&r);
    rq = make_request("/v1/sources/x/figures", 0, NULL);
    reply_init(&r);
    cr_assert(params_query_or_reply(&rq, RES_FIGURES, true, "claimant", "x", &q, &fmt, &r));
    cr_assert_eq(q.n_filters, 1);
    cr_assert_str_eq(q.filters[0].text, "x");
    reply_free(&r);
}

Test(params, route_without_parameters)
{
    const char *kv[] = {"x", "1"};
    request rq = make_request("/v1/meta", 1, kv);
    reply r;
    reply_init(&r);
    cr_assert_not(params_check_or_reply(&rq, true, &r));
    cr_assert_eq(r.status, 400);
    reply_free(&r);
}

/* A prefix is the word before a star, or the last word of a quoted phrase
 * before one, as people type it; under two letters it is refused. */
Test(params, prefix_lengths)
{
    static const struct {
        const char *q;
        bool ok;
    } cases[] = {
        {"حلب*", true},       {"\"حلب\"*", true}, {"\"مدينة حل\"*", true},
        {"ح*", false},        {"\"ح\"*", false},  {"\"مدينة ح\"*", false},
        {"\"حلب\" *", false}, {"ab*", true},      {"حلب", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *kv[] = {"q", cases[i].q};
        request rq = make_request("/v1/search", 1, kv);
        reply r;
        reply_init(&r);
        cr_expect_eq(params_check_or_reply(&rq, false, &r), cases[i].ok, "%s", cases[i].q);
        reply_free(&r);
    }
}

Test(params, next_url_replaces_cursor_and_encodes)
{
    const char *kv[] = {"q", "حلب", "cursor", "old", "limit", "2"};
    request rq = make_request("/v1/articles", 3, kv);
    char url[512];
    cr_assert(params_next_url(&rq, "Nx_-", url, sizeof url));
    cr_assert_str_eq(url, "/v1/articles?q=%D8%AD%D9%84%D8%A8&limit=2&cursor=Nx_-");
    char tiny[16];
    cr_assert_not(params_next_url(&rq, "Nx_-", tiny, sizeof tiny));
}

/* ---- replies ---- */

Test(reply, problem_has_rfc9457_members)
{
    reply r;
    reply_init(&r);
    reply_problem(&r, 404, "no article with id '%s'", "x");
    cr_assert_eq(r.status, 404);
    cr_assert_str_eq(r.content_type, "application/problem+json");
    json_t *j = body_json(&r);
    cr_assert_str_eq(json_string_value(json_object_get(j, "title")), "Not Found");
    cr_assert_str_eq(json_string_value(json_object_get(j, "detail")), "no article with id 'x'");
    cr_assert_eq(json_integer_value(json_object_get(j, "status")), 404);
    cr_assert_not_null(json_string_value(json_object_get(j, "type")));
    json_decref(j);
    reply_free(&r);
}

Test(reply, json_reply_keeps_arabic_as_utf8)
{
    reply r;
    reply_init(&r);
    reply_json(&r, 200, json_pack("{s:s}", "name", "حلب"));
    cr_assert_eq(r.status, 200);
    cr_assert(strstr(r.body, "حلب") != NULL);
    reply_free(&r);
}

/* ---- config ---- */

Test(config, defaults_env_and_flags)
{
    config c;
    char err[256];
    config_defaults(&c);
    cr_assert_eq(c.port, 8080);
    cr_assert_str_eq(c.bind, "127.0.0.1");
    setenv("MARSAD_PORT", "9090", 1);
    setenv("MARSAD_CORS", "*", 1);
    char *argv[] = {"--port", "7070", "--read-only", "--db=/tmp/x.db"};
    cr_assert_eq(config_load(&c, 4, argv, err, sizeof err), 0, "%s", err);
    unsetenv("MARSAD_PORT");
    unsetenv("MARSAD_CORS");
    cr_assert_eq(c.port, 7070);
    cr_assert(c.read_only);
    cr_assert_str_eq(c.cors, "*");
    cr_assert_str_eq(c.db_path, "/tmp/x.db");
}

Test(config, rejects_bad_input)
{
    config c;
    char err[256];
    config_defaults(&c);
    char *bad_port[] = {"--port", "99999"};
    cr_assert_eq(config_load(&c, 2, bad_port, err, sizeof err), -1);
    cr_assert(strstr(err, "--port") != NULL, "%s", err);
    char *unknown[] = {"--nope"};
    cr_assert_eq(config_load(&c, 1, unknown, err, sizeof err), -1);
    char *missing[] = {"--db"};
    cr_assert_eq(config_load(&c, 1, missing, err, sizeof err), -1);
    char *stray[] = {"serve"};
    cr_assert_eq(config_load(&c, 1, stray, err, sizeof err), -1);
    setenv("MARSAD_THREADS", "many", 1);
    cr_assert_eq(config_load(&c, 0, NULL, err, sizeof err), -1);
    unsetenv("MARSAD_THREADS");
    char *no_page_cache[] = {"--page-cache-mb", "0"};
    cr_assert_eq(config_load(&c, 2, no_page_cache, err, sizeof err), -1);
    cr_assert(strstr(err, "--page-cache-mb") != NULL, "%s", err);
}

Test(config, memory_settings)
{
    config c;
    char err[256];
    config_defaults(&c);
    cr_expect_eq(c.cache_mb, 32);
    cr_expect_eq(c.page_cache_mb, 16);
    setenv("MARSAD_CACHE_MB", "0", 1);
    char *argv[] = {"--page-cache-mb=4"};
    cr_assert_eq(config_load(&c, 1, argv, err, sizeof err), 0, "%s", err);
    unsetenv("MARSAD_CACHE_MB");
    cr_expect_eq(c.cache_mb, 0, "0 turns the response cache off");
    cr_expect_eq(c.page_cache_mb, 4);
}
