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

/* CSV records end in CRLF; a field (an excerpt) may hold a bare LF. */
static size_t count_records(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += s[0] == '\r' && s[1] == '\n';
    return n;
}

Test(export, csv_streams_every_page)
{
    long long total = total_of("/v1/figures");
    e2e_response *r = e2e_get("/v1/figures?format=csv&limit=3");
    cr_assert_eq(r->status, 200);
    cr_expect(strncmp(e2e_header_get(r, "Content-Type"), "text/csv", 8) == 0);
    cr_expect_eq((long long)count_records(r->body), total + 1, "a header and every figure");
    cr_expect(strncmp(r->body, "id,article_id,value,value_max,qualifier,type,", 45) == 0, "%.60s",
              r->body);
    cr_expect(strstr(r->body, "\r\n") != NULL, "RFC 4180 line ends");
    /* quotes in a quoted field are doubled */
    cr_expect(strstr(r->body, "\"\"") != NULL, "the seeds' quotes hold quotation marks");
    e2e_response_free(r);

    r = e2e_get("/v1/articles?format=csv&outlet=aljazeera");
    cr_assert_eq(r->status, 200);
    cr_expect_eq((long long)count_records(r->body), total_of("/v1/articles?outlet=aljazeera") + 1);
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

/* An export that matches nothing is a complete, empty stream: no rows in
 * NDJSON, the header row alone in CSV (it once read from no buffer at all). */
Test(export, an_empty_export_ends_cleanly)
{
    e2e_response *r = e2e_get("/v1/figures?format=ndjson&value__gte=999999999");
    cr_assert_eq(r->status, 200);
    cr_expect_eq(r->len, 0, "an empty NDJSON export has %zu bytes", r->len);
    e2e_response_free(r);
    r = e2e_get("/v1/figures?format=csv&value__gte=999999999");
    cr_assert_eq(r->status, 200);
    cr_expect_eq(count_lines(r->body), 1, "an empty CSV export is its header row");
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

/* ---- CSV for spreadsheets (issue 18) -------------------------------------- */

/* Adds to paths every leaf path of v ("claimant.name"); a null where other
 * items have an object is left to the object's own leaves. */
static void leaf_paths(json_t *v, const char *prefix, json_t *paths)
{
    if (json_is_object(v)) {
        const char *key;
        json_t *child;
        json_object_foreach(v, key, child)
        {
            char *p = prefix[0] ? fmt_str("%s.%s", prefix, key) : strdup(key);
            leaf_paths(child, p, paths);
            free(p);
        }
        return;
    }
    json_object_set_new(paths, prefix, json_true());
}

Test(export, csv_has_a_column_for_every_json_field)
{
    static const char *const lists[] = {"/v1/articles", "/v1/sources", "/v1/locations",
                                        "/v1/figures"};
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        json_t *items = fetch_all("%s?limit=500", lists[k]);
        json_t *paths = json_object();
        size_t i;
        json_t *item;
        json_array_foreach(items, i, item) leaf_paths(item, "", paths);
        e2e_response *r = e2e_getf("%s?format=csv", lists[k]);
        cr_assert_eq(r->status, 200);
        size_t header_len = strcspn(r->body, "\r");
        char *header = fmt_str(",%.*s,", (int)header_len, r->body);
        const char *path;
        json_t *ignored;
        json_object_foreach(paths, path, ignored)
        {
            char *col = fmt_str(",%s,", path);
            char *prefix = fmt_str(",%s.", path); /* a null object: its fields are columns */
            cr_expect(strstr(header, col) || strstr(header, prefix), "%s: no column for %s (%s)",
                      lists[k], path, header);
            free(col);
            free(prefix);
        }
        free(header);
        e2e_response_free(r);
        json_decref(paths);
        json_decref(items);
    }
}

Test(export, csv_bom_only_when_asked_and_only_for_csv)
{
    e2e_response *r = e2e_get("/v1/figures?format=csv&bom=true");
    cr_assert_eq(r->status, 200);
    cr_assert(r->len > 3 && memcmp(r->body,
                                   "\xEF\xBB\xBF"
                                   "id,",
                                   6) == 0,
              "no BOM first");
    e2e_response *plain = e2e_get("/v1/figures?format=csv&bom=false");
    cr_assert_eq(plain->status, 200);
    cr_expect(strncmp(plain->body, "id,", 3) == 0, "a BOM without bom=true");
    cr_expect_eq(r->len, plain->len + 3, "the same rows after the mark");
    cr_expect(memcmp(r->body + 3, plain->body, plain->len) == 0);
    e2e_response_free(plain);
    e2e_response_free(r);

    static const char *const refused[] = {"/v1/figures?bom=true",
                                          "/v1/figures?format=ndjson&bom=true",
                                          "/v1/figures?format=csv&bom=yes"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        r = e2e_get(refused[i]);
        assert_problem(r, 400, "/problems/invalid-parameter", "bom", refused[i]);
        e2e_response_free(r);
    }
}

Test(export, csv_null_is_empty_and_empty_string_is_quoted)
{
    /* Seed articles have no title: null, an empty field right after the id. */
    json_t *page = get_ok("/v1/articles?limit=1");
    json_t *first = json_array_get(json_object_get(page, "data"), 0);
    cr_assert(json_is_null(json_object_get(first, "title")));
    char *row = fmt_str("\r\n%s,,", item_id(first));
    e2e_response *r = e2e_get("/v1/articles?format=csv");
    cr_expect(strstr(r->body, row), "null title not an empty field");
    e2e_response_free(r);
    free(row);
    json_decref(page);
}
