/* test_errors.c — end-to-end tests of every error the API answers: 404 for
 * unknown routes and ids, 405 with Allow, 400 naming the parameter for each
 * kind of bad query, 414 for a huge request target, and CORS (preflight
 * and simple requests, with --cors '*' and with a list of origins).
 *
 * Every error must be an RFC 9457 problem: application/problem+json with
 * type, title, status and detail, and invalid_params[0].name for a bad
 * parameter.
 */
#include "tests/e2e/api_helpers.h"

static void start_seeded(void)
{
    e2e_start(NULL);
}

TestSuite(errors, .init = start_seeded, .fini = e2e_teardown);
TestSuite(cors, .fini = e2e_teardown);

#define PARAM_PROBLEM "/problems/invalid-parameter"

/* GET path must be a 400 naming param. */
static void expect_bad_param(const char *path, const char *param)
{
    e2e_response *r = e2e_get(path);
    assert_problem(r, 400, PARAM_PROBLEM, param, path);
    e2e_response_free(r);
}

/* ---- 404 ----------------------------------------------------------------- */

Test(errors, unknown_route_is_a_404_problem)
{
    const char *paths[] = {"/nope",
                           "/v1",
                           "/v1/",
                           "/v2/articles",
                           "/v1/articles/x/y",
                           "/v1/figures/x/figures",
                           "/healthz/x",
                           "/V1/ARTICLES"};
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        e2e_response *r = e2e_get(paths[k]);
        assert_problem(r, 404, "/problems/not-found", NULL, paths[k]);
        cr_assert_str_eq(jstr(r->json, "title"), "Not Found");
        cr_assert_null(json_object_get(r->json, "invalid_params"));
        e2e_response_free(r);
    }
}

Test(errors, unknown_ids_are_404_problems)
{
    const char *paths[] = {"/v1/articles/nope",        "/v1/sources/nope",
                           "/v1/locations/nope",       "/v1/figures/nope",
                           "/v1/sources/nope/figures", "/v1/figures/" SEED_000 "-f100000"};
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        e2e_response *r = e2e_get(paths[k]);
        assert_problem(r, 404, "/problems/not-found", NULL, paths[k]);
        cr_assert(strstr(jstr(r->json, "detail"), "nope") ||
                      strstr(jstr(r->json, "detail"), "f100000"),
                  "%s: the detail should name the id: %s", paths[k], jstr(r->json, "detail"));
        e2e_response_free(r);
    }
    /* An id is case-sensitive and taken whole. */
    e2e_response *r = e2e_get("/v1/locations/ALEPPO");
    assert_problem(r, 404, "/problems/not-found", NULL, "/v1/locations/ALEPPO");
    e2e_response_free(r);
    r = e2e_get("/v1/articles/000_e1e3e40d7f5e5c9");
    assert_problem(r, 404, "/problems/not-found", NULL, "a prefix of an id");
    e2e_response_free(r);
}

/* ---- 405 ----------------------------------------------------------------- */

Test(errors, other_methods_are_405_with_allow)
{
    const char *cases[][2] = {{"DELETE", "/v1/articles"},
                              {"PATCH", "/v1/articles"},
                              {"POST", "/v1/articles/" SEED_000},
                              {"PATCH", "/v1/figures"},
                              {"DELETE", "/v1/sources/x/figures"},
                              {"POST", "/healthz"},
                              {"DELETE", "/"},
                              {"POST", "/v1/figures/compare"},
                              {"PUT", "/web/app.js"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        e2e_response *r = e2e_request(cases[k][0], cases[k][1]);
        char what[128];
        snprintf(what, sizeof what, "%s %s", cases[k][0], cases[k][1]);
        assert_problem(r, 405, "/problems/method-not-allowed", NULL, what);
        const char *allow = e2e_header_get(r, "Allow");
        cr_assert_not_null(allow, "%s: no Allow header", what);
        cr_assert(strstr(allow, "GET") && strstr(allow, "HEAD"), "%s: Allow: %s", what, allow);
        cr_assert_null(strstr(allow, cases[k][0]), "%s: Allow lists the refused method: %s", what,
                       allow);
        e2e_response_free(r);
    }
    /* An unknown path stays a 404 whatever the method. */
    e2e_response *r = e2e_request("DELETE", "/nope");
    assert_problem(r, 404, "/problems/not-found", NULL, "DELETE /nope");
    e2e_response_free(r);
}

Test(errors, options_without_cors_answers_allow)
{
    e2e_response *r = e2e_request("OPTIONS", "/v1/articles");
    cr_assert_eq(r->status, 204, "OPTIONS: %ld", r->status);
    const char *allow = e2e_header_get(r, "Allow");
    cr_assert(allow && strstr(allow, "GET") && strstr(allow, "OPTIONS"), "Allow: %s",
              allow ? allow : "none");
    cr_assert_null(e2e_header_get(r, "Access-Control-Allow-Origin"));
    e2e_response_free(r);
    r = e2e_request("OPTIONS", "/nope");
    assert_problem(r, 404, "/problems/not-found", NULL, "OPTIONS /nope");
    e2e_response_free(r);
}

/* ---- 400 ----------------------------------------------------------------- */

Test(errors, unknown_filters_are_400)
{
    expect_bad_param("/v1/articles?bogus=1", "bogus");
    expect_bad_param("/v1/articles?kind=city", "kind"); /* a filter of another list */
    expect_bad_param("/v1/sources?type=killed", "type");
    expect_bad_param("/v1/locations?claimant=x", "claimant");
    expect_bad_param("/v1/figures?outlet=x", "outlet");
    expect_bad_param("/v1/figures?limit=5&Type=killed", "Type"); /* names are case-sensitive */
    /* /v1/sources/{id}/figures fixes the claimant itself. */
    json_t *page = get_ok("/v1/sources?limit=1");
    char *id = url_encode(item_id(json_array_get(json_object_get(page, "data"), 0)));
    char *path = fmt_str("/v1/sources/%s/figures?claimant=%s", id, id);
    expect_bad_param(path, "claimant");
    free(path);
    path = fmt_str("/v1/sources/%s/figures?q=x", id);
    expect_bad_param(path, "q");
    free(path);
    free(id);
    json_decref(page);
}

Test(errors, bad_enum_values_are_400)
{
    expect_bad_param("/v1/articles?type=exploded", "type");
    expect_bad_param("/v1/figures?type=KILLED", "type");
    expect_bad_param("/v1/figures?qualifier=lots", "qualifier");
    expect_bad_param("/v1/figures?stance=maybe", "stance");
    expect_bad_param("/v1/figures?subject_side=both", "subject_side");
    expect_bad_param("/v1/figures?subject_category=animals", "subject_category");
    expect_bad_param("/v1/sources?kind=alien", "kind");
    expect_bad_param("/v1/sources?affiliation=neutral", "affiliation");
    expect_bad_param("/v1/locations?kind=planet", "kind");
    expect_bad_param("/v1/locations?mentioned=yes", "mentioned");
    /* The reason lists the accepted values. */
    e2e_response *r = e2e_get("/v1/figures?stance=maybe");
    const char *reason =
        jstr(json_array_get(json_object_get(r->json, "invalid_params"), 0), "reason");
    cr_assert(reason && strstr(reason, "claimed") && strstr(reason, "denied"), "reason: %s",
              reason ? reason : "none");
    e2e_response_free(r);
}

Test(errors, bad_limits_are_400)
{
    const char *bad[] = {"501", "0", "abc", "-1", "1.5", "", "50x", "99999999999999999999", "+"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        char *path = fmt_str("/v1/articles?limit=%s", bad[k]);
        expect_bad_param(path, "limit");
        free(path);
    }
    e2e_response *r = e2e_get("/v1/figures?limit=500");
    cr_assert_eq(r->status, 200, "limit=500 is allowed");
    e2e_response_free(r);
}

Test(errors, bad_sorts_are_400)
{
    expect_bad_param("/v1/articles?sort=bogus", "sort");
    expect_bad_param("/v1/articles?sort=name", "sort"); /* a field of sources */
    expect_bad_param("/v1/sources?sort=-title", "sort");
    expect_bad_param("/v1/locations?sort=value", "sort");
    expect_bad_param("/v1/figures?sort=type", "sort");
    expect_bad_param("/v1/articles?sort=id,id", "sort");
    expect_bad_param("/v1/articles?sort=id,-id", "sort");
    expect_bad_param("/v1/articles?sort=id,", "sort");
    expect_bad_param("/v1/articles?sort=", "sort");
    expect_bad_param("/v1/articles?sort=-", "sort");
    expect_bad_param("/v1/articles?sort=title,,id", "sort");
    expect_bad_param("/v1/articles?sort=ID", "sort");
}

Test(errors, bad_bbox_and_near_are_400)
{
    const char *bboxes[] = {"1,2,3",      "a,b,c,d",   "10,0,5,1",  "0,10,1,5",
                            "-200,0,0,1", "0,-91,1,0", "0,0,1,91",  "1,2,3,4,5",
                            "1,2,3,",     "nan,0,1,1", "inf,0,1,1", ""};
    for (size_t k = 0; k < sizeof bboxes / sizeof bboxes[0]; k++) {
        char *path = fmt_str("/v1/locations?bbox=%s", bboxes[k]);
        expect_bad_param(path, "bbox");
        free(path);
    }
    const char *nears[] = {"1,2",         "36,37,0", "95,37,10",   "36,190,10", "36,37,-5",
                           "36,37,30000", "a,b,c",   "36,37,10,1", ""};
    for (size_t k = 0; k < sizeof nears / sizeof nears[0]; k++) {
        char *path = fmt_str("/v1/locations?near=%s", nears[k]);
        expect_bad_param(path, "near");
        free(path);
    }
}

Test(errors, bad_numbers_are_400)
{
    expect_bad_param("/v1/figures?value__gte=abc", "value__gte");
    expect_bad_param("/v1/figures?value__lte=inf", "value__lte");
    expect_bad_param("/v1/figures?value__lte=nan", "value__lte");
    expect_bad_param("/v1/figures?value__gte=", "value__gte");
    expect_bad_param("/v1/figures?value__gte=1e999", "value__gte");
    expect_bad_param("/v1/figures?value__gte=5x", "value__gte");
}

Test(errors, bad_cursors_are_400)
{
    expect_bad_param("/v1/articles?cursor=garbage", "cursor");
    expect_bad_param("/v1/articles?cursor=", "cursor");
    expect_bad_param("/v1/articles?cursor=%21%21%21", "cursor");

    /* A real cursor, then used elsewhere or tampered with. */
    json_t *page = get_ok("/v1/articles?limit=2");
    const char *next = jstr(page, "next");
    cr_assert_not_null(next);
    char *enc = url_encode(next);
    char *path = fmt_str("/v1/articles?limit=2&cursor=%s", enc);
    json_t *ok = get_ok_path(path); /* the genuine cursor works */
    json_decref(ok);
    free(path);
    path = fmt_str("/v1/articles?limit=2&sort=-id&cursor=%s", enc);
    expect_bad_param(path, "cursor"); /* another sort order */
    free(path);
    path = fmt_str("/v1/sources?limit=2&cursor=%s", enc);
    expect_bad_param(path, "cursor"); /* another resource */
    free(path);
    char *tampered = strdup(enc);
    size_t n = strlen(tampered);
    tampered[n / 2] = tampered[n / 2] == 'A' ? 'B' : 'A';
    path = fmt_str("/v1/articles?limit=2&cursor=%s", tampered);
    expect_bad_param(path, "cursor");
    free(path);
    free(tampered);
    free(enc);
    json_decref(page);
}

Test(errors, repeated_parameters_are_400)
{
    expect_bad_param("/v1/articles?limit=1&limit=2", "limit");
    expect_bad_param("/v1/figures?type=killed&type=killed", "type");
    expect_bad_param("/v1/figures?type=killed&type=injured", "type");
    expect_bad_param("/v1/locations?sort=id&kind=city&sort=name", "sort");
}

Test(errors, invalid_utf8_is_400)
{
    expect_bad_param("/v1/articles?q=%FF", "q");
    expect_bad_param("/v1/sources?article=%FF", "article");
    expect_bad_param("/v1/figures?claimant=ab%C3", "claimant");
    expect_bad_param("/v1/articles?outlet=%C0%AF", "outlet"); /* overlong '/' */
    expect_bad_param("/v1/locations?kind=%ED%A0%80", "kind"); /* a surrogate */
    /* A NUL must not cut the value short: aljazeera%00zzz is not aljazeera. */
    expect_bad_param("/v1/articles?outlet=aljazeera%00zzz", "outlet");
    /* In a parameter name, or in the path: a bad request without a name. */
    e2e_response *r = e2e_get("/v1/articles?%FF=1");
    assert_problem(r, 400, "/problems/invalid-request", NULL, "invalid UTF-8 in a name");
    e2e_response_free(r);
    r = e2e_get("/v1/articles/%FF");
    assert_problem(r, 400, "/problems/invalid-request", NULL, "invalid UTF-8 in the path");
    e2e_response_free(r);
}

Test(errors, search_syntax_errors_are_400_naming_q)
{
    expect_bad_param("/v1/articles?q=%22unbalanced", "q");
    expect_bad_param("/v1/articles?q=AND", "q");
    expect_bad_param("/v1/articles?q=", "q");
    e2e_response *r = e2e_get("/v1/articles?q=%22unbalanced");
    cr_assert_null(strstr(r->body, "SELECT"), "the problem leaks SQL: %s", r->body);
    e2e_response_free(r);
}

/* A search's cost in prefix expansions: a one-letter prefix (most of the
 * index) or more than four prefixes are refused before they run. */
Test(errors, costly_prefix_searches_are_400_naming_q)
{
    static const char *const refused[] = {
        "/v1/search?q=%D8%AD*", /* ح* */
        "/v1/articles?q=%D8%AD*",
        "/v1/search?q=a*",
        "/v1/search?q=%D8%AD%D9%84*%20OR%20%22x%22%20*", /* a lone * after a phrase */
        "/v1/search?q=ab*%20cd*%20ef*%20gh*%20ij*",      /* five prefixes */
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        expect_bad_param(refused[i], "q");
    static const char *const allowed[] = {
        "/v1/search?q=%D8%AD%D9%84*", /* حل* */
        "/v1/search?q=ab*%20cd*%20ef*%20gh*",
        "/v1/articles?q=%D8%AD%D9%84%D8%A8*",
    };
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        e2e_response *r = e2e_get(allowed[i]);
        cr_expect_eq(r->status, 200, "%s: %ld %s", allowed[i], r->status, r->body);
        e2e_response_free(r);
    }
}

Test(errors, other_bad_values_are_400)
{
    expect_bad_param("/v1/articles?format=geojson", "format"); /* articles have no points */
    expect_bad_param("/v1/sources?format=geojson", "format");
    expect_bad_param("/v1/figures?format=xml", "format");
    expect_bad_param("/v1/articles?outlet=", "outlet");
    char *big = malloc(301);
    memset(big, 'x', 300);
    big[300] = '\0';
    char *path = fmt_str("/v1/articles?outlet=%s", big);
    expect_bad_param(path, "outlet"); /* over 256 characters */
    free(path);
    free(big);
}

Test(errors, parameters_on_routes_that_take_none_are_400)
{
    expect_bad_param("/v1/meta?x=1", "x");
    expect_bad_param("/v1/articles/" SEED_000 "?limit=1", "limit");
    expect_bad_param("/v1/locations/aleppo?format=geojson", "format");
    expect_bad_param("/?a=1", "a");
    expect_bad_param("/openapi.yaml?v=2", "v");
    expect_bad_param("/web/app.js?v=2", "v");
}

Test(errors, too_many_parameters_are_400)
{
    char path[1024] = "/v1/figures?";
    size_t used = strlen(path);
    for (int i = 0; i < 33; i++)
        used += (size_t)snprintf(path + used, sizeof path - used, "%sp%d=1", i ? "&" : "", i);
    e2e_response *r = e2e_get(path);
    assert_problem(r, 400, "/problems/invalid-request", NULL, "33 parameters");
    e2e_response_free(r);
}

Test(errors, bad_compare_parameters_are_400)
{
    expect_bad_param("/v1/figures/compare?type=exploded", "type");
    expect_bad_param("/v1/figures/compare?affiliation=neutral", "affiliation");
    expect_bad_param("/v1/figures/compare?min_claimants=0", "min_claimants");
    expect_bad_param("/v1/figures/compare?min_claimants=101", "min_claimants");
    expect_bad_param("/v1/figures/compare?min_claimants=two", "min_claimants");
    expect_bad_param("/v1/figures/compare?claims=0", "claims");
    expect_bad_param("/v1/figures/compare?claims=501", "claims");
    expect_bad_param("/v1/figures/compare?location=", "location");
    expect_bad_param("/v1/figures/compare?sort=value", "sort"); /* groups have their own order */
    expect_bad_param("/v1/figures/compare?cursor=x", "cursor");
    expect_bad_param("/v1/figures/compare?format=geojson", "format");
    expect_bad_param("/v1/figures/compare?type=killed&type=injured", "type");
    expect_bad_param("/v1/figures/compare?location=%FF", "location");
    expect_bad_param("/v1/figures/compare?group=year", "group");
    expect_bad_param("/v1/figures/compare?date__gte=2016-13-01", "date__gte");
    expect_bad_param("/v1/figures/compare?date__lte=2016-02-30", "date__lte");
    expect_bad_param("/v1/figures/compare?date__lte=1.8.2016", "date__lte");
    expect_bad_param("/v1/figures/compare?bloc=", "bloc");
    expect_bad_param("/v1/figures/compare?claimant=", "claimant");
    expect_bad_param("/v1/figures/compare?figures=-1", "figures");
    expect_bad_param("/v1/figures/compare?figures=501", "figures");
    expect_bad_param("/v1/figures?date__gte=2016-8-1", "date__gte");
    expect_bad_param("/v1/articles?published_at__lte=2016-02-29T00:00", "published_at__lte");
    /* Each documented parameter is accepted. */
    const char *ok[] = {"type=killed",     "location=aleppo",      "affiliation=government",
                        "min_claimants=1", "claims=500",           "bloc=sy.government",
                        "claimant=sohr",   "date__gte=2016-02-29", "date__lte=2016-08-31",
                        "group=week",      "figures=500"};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
        e2e_response *r = e2e_getf("/v1/figures/compare?%s", ok[k]);
        cr_assert_eq(r->status, 200, "compare?%s: %ld %s", ok[k], r->status, r->body);
        e2e_response_free(r);
    }
}

/* ---- 414 ----------------------------------------------------------------- */

Test(errors, a_huge_request_target_is_414)
{
    size_t n = 9000;
    char *path = malloc(n + 64);
    int k = snprintf(path, n + 64, "/v1/articles?q=");
    memset(path + k, 'a', n);
    path[k + (int)n] = '\0';
    e2e_response *r = e2e_get(path);
    assert_problem(r, 414, "/problems/uri-too-long", NULL, "a 9 KB request target");
    e2e_response_free(r);
    /* Just under the limit (8192) it is read, and q is too long: a 400. */
    path[8000] = '\0';
    r = e2e_get(path);
    assert_problem(r, 400, PARAM_PROBLEM, "q", "an 8000-byte request target");
    e2e_response_free(r);
    free(path);
    /* The server still answers. */
    r = e2e_get("/healthz");
    cr_assert_eq(r->status, 200);
    e2e_response_free(r);
}

/* ---- CORS ---------------------------------------------------------------- */

Test(cors, preflight_with_cors_star)
{
    e2e_start(NULL, "--cors", "*");
    e2e_response *r = e2e_request("OPTIONS", "/v1/articles", "Origin: http://example.org",
                                  "Access-Control-Request-Method: GET");
    cr_assert_eq(r->status, 204, "preflight: %ld %s", r->status, r->body);
    cr_assert_eq(r->len, 0);
    cr_assert_str_eq(e2e_header_get(r, "Access-Control-Allow-Origin"), "*");
    const char *expose = e2e_header_get(r, "Access-Control-Expose-Headers");
    cr_assert(expose && strstr(expose, "Link") && strstr(expose, "ETag"), "expose: %s",
              expose ? expose : "none");
    const char *methods = e2e_header_get(r, "Access-Control-Allow-Methods");
    cr_assert(methods && strstr(methods, "GET"), "Allow-Methods: %s", methods ? methods : "none");
    const char *headers = e2e_header_get(r, "Access-Control-Allow-Headers");
    cr_assert(headers && strstr(headers, "If-None-Match"), "Allow-Headers: %s",
              headers ? headers : "none");
    e2e_response_free(r);

    /* Item routes too. */
    r = e2e_request("OPTIONS", "/v1/articles/" SEED_000, "Origin: http://example.org",
                    "Access-Control-Request-Method: GET");
    cr_assert_eq(r->status, 204);
    cr_assert_str_eq(e2e_header_get(r, "Access-Control-Allow-Origin"), "*");
    e2e_response_free(r);

    /* A simple request gets the origin and exposed headers. */
    r = e2e_get("/v1/articles?limit=1", "Origin: http://example.org");
    cr_assert_eq(r->status, 200);
    cr_assert_str_eq(e2e_header_get(r, "Access-Control-Allow-Origin"), "*");
    expose = e2e_header_get(r, "Access-Control-Expose-Headers");
    cr_assert(expose && strstr(expose, "Link") && strstr(expose, "ETag"));
    cr_assert_not_null(e2e_header_get(r, "Link"));
    e2e_response_free(r);

    /* Errors carry it too, so browsers can read the problem. */
    r = e2e_get("/v1/articles?limit=0", "Origin: http://example.org");
    cr_assert_eq(r->status, 400);
    cr_assert_str_eq(e2e_header_get(r, "Access-Control-Allow-Origin"), "*");
    e2e_response_free(r);
    e2e_stop();
}

Test(cors, only_listed_origins_are_allowed)
{
    e2e_start(NULL, "--cors", "http://a.example,http://b.example");
    e2e_response *r = e2e_get("/v1/meta", "Origin: http://b.example");
    cr_assert_eq(r->status, 200);
    cr_assert_str_eq(e2e_header_get(r, "Access-Control-Allow-Origin"), "http://b.example");
    const char *vary = e2e_header_get(r, "Vary");
    cr_assert(vary && strstr(vary, "Origin"), "Vary: %s", vary ? vary : "none");
    e2e_response_free(r);

    r = e2e_get("/v1/meta", "Origin: http://c.example");
    cr_assert_eq(r->status, 200);
    cr_assert_null(e2e_header_get(r, "Access-Control-Allow-Origin"));
    e2e_response_free(r);

    r = e2e_get("/v1/meta", "Origin: http://a.example.evil");
    cr_assert_null(e2e_header_get(r, "Access-Control-Allow-Origin"), "a prefix is not a match");
    e2e_response_free(r);

    r = e2e_request("OPTIONS", "/v1/figures", "Origin: http://a.example",
                    "Access-Control-Request-Method: GET");
    cr_assert_eq(r->status, 204);
    cr_assert_str_eq(e2e_header_get(r, "Access-Control-Allow-Origin"), "http://a.example");
    e2e_response_free(r);
    e2e_stop();
}

Test(cors, no_cors_headers_by_default)
{
    e2e_start(NULL);
    e2e_response *r = e2e_get("/v1/meta", "Origin: http://example.org");
    cr_assert_eq(r->status, 200);
    cr_assert_null(e2e_header_get(r, "Access-Control-Allow-Origin"));
    cr_assert_null(e2e_header_get(r, "Access-Control-Expose-Headers"));
    e2e_response_free(r);
    e2e_stop();
}
