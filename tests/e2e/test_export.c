/* test_export.c — facets counted under the filters, and CSV / NDJSON
 * exports that stream every page, against the real server.
 */
#include "../support/e2e.h"
#include "api_helpers.h"

#include <criterion/criterion.h>
#include <string.h>

static void start(void)
{
    e2e_start(NULL);
}

TestSuite(export, .init = start, .fini = e2e_teardown, .timeout = 120);

/* The sum of a facet's counts equals what filtering by each value gives. */
Test(export, facets_count_under_the_filters)
{
    json_t *page = get_ok("/v1/figures?type=killed&facet=claimant,location,type,outlet&limit=1");
    json_t *facets = json_object_get(page, "facets");
    cr_assert(json_is_object(facets));
    json_t *types = json_object_get(facets, "type");
    cr_assert_eq(json_array_size(types), 1, "filtered to killed: one type");
    cr_expect_str_eq(jstr(json_array_get(types, 0), "value"), "killed");
    cr_expect_eq(jint(json_array_get(types, 0), "count"), jint(page, "total"));
    size_t i;
    json_t *v;
    long long sum = 0;
    json_array_foreach(json_object_get(facets, "claimant"), i, v)
    {
        sum += jint(v, "count");
        const char *id = jstr(v, "value");
        if (id)
            cr_expect_eq(total_of("/v1/figures?type=killed&claimant=%s", id), jint(v, "count"),
                         "claimant %s", id);
    }
    cr_expect_eq(sum, jint(page, "total"));
    json_decref(page);

    page = get_ok("/v1/articles?facet=type&type=killed");
    json_t *t = json_array_get(json_object_get(json_object_get(page, "facets"), "type"), 0);
    cr_expect_str_eq(jstr(t, "value"), "killed");
    cr_expect_eq(jint(t, "count"), jint(page, "total"), "articles counted once each");
    json_decref(page);
}

Test(export, facets_are_validated)
{
    e2e_response *r = e2e_get("/v1/figures?facet=colour");
    assert_problem(r, 400, "/problems/invalid-parameter", "facet", "unknown facet");
    e2e_response_free(r);
    r = e2e_get("/v1/figures?facet=type,type");
    assert_problem(r, 400, "/problems/invalid-parameter", "facet", "facet twice");
    e2e_response_free(r);
    r = e2e_get("/v1/sources?facet=type");
    assert_problem(r, 400, "/problems/invalid-parameter", "facet", "no facets on sources");
    e2e_response_free(r);
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

Test(export, csv_streams_every_page)
{
    long long total = total_of("/v1/figures");
    e2e_response *r = e2e_get("/v1/figures?format=csv&limit=3");
    cr_assert_eq(r->status, 200);
    cr_expect(strncmp(e2e_header_get(r, "Content-Type"), "text/csv", 8) == 0);
    cr_expect_eq((long long)count_lines(r->body), total + 1, "a header and every figure");
    cr_expect(strncmp(r->body, "id,article_id,value,value_max,qualifier,type,", 45) == 0, "%.60s", r->body);
    cr_expect(strstr(r->body, "\r\n") != NULL, "RFC 4180 line ends");
    /* quotes in a quoted field are doubled */
    cr_expect(strstr(r->body, "\"\"") != NULL, "the seeds' quotes hold quotation marks");
    e2e_response_free(r);

    r = e2e_get("/v1/articles?format=csv&outlet=aljazeera");
    cr_assert_eq(r->status, 200);
    cr_expect_eq((long long)count_lines(r->body), total_of("/v1/articles?outlet=aljazeera") + 1);
    e2e_response_free(r);
}

Test(export, ndjson_streams_every_page)
{
    e2e_response *r = e2e_get("/v1/locations?format=ndjson&mentioned=true&limit=2");
    cr_assert_eq(r->status, 200);
    cr_expect_str_eq(e2e_header_get(r, "Content-Type"), "application/x-ndjson");
    cr_expect_eq((long long)count_lines(r->body), total_of("/v1/locations?mentioned=true"));
    char *line = r->body, *nl;
    while ((nl = strchr(line, '\n'))) {
        json_error_t err;
        json_t *j = json_loadb(line, (size_t)(nl - line), 0, &err);
        cr_assert(json_is_object(j), "line is not a JSON object: %s", err.text);
        cr_expect_not_null(json_object_get(j, "lat"));
        json_decref(j);
        line = nl + 1;
    }
    e2e_response_free(r);
}

Test(export, export_errors_are_problems)
{
    e2e_response *r = e2e_get("/v1/figures?format=csv&cursor=bogus");
    assert_problem(r, 400, "/problems/invalid-parameter", "cursor", "bad cursor before streaming");
    e2e_response_free(r);
    r = e2e_get("/v1/figures?format=xml");
    assert_problem(r, 400, "/problems/invalid-parameter", "format", "unknown format");
    e2e_response_free(r);
    r = e2e_get("/v1/figures?format=csv&facet=type");
    assert_problem(r, 400, "/problems/invalid-parameter", "facet", "facets are not exported");
    e2e_response_free(r);
}
