/* test_write.c — the write API against the real server: POST, PUT and
 * DELETE of articles, extraction on write, bearer-token auth, read-only
 * mode, and the refusals (401, 403, 413, 415, 400) that leave the data
 * as it was.
 */
#include "../support/e2e.h"
#include "api_helpers.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#define TOKEN "test-token-0123456789abcdef"
#define AUTH "Authorization: Bearer " TOKEN
#define JSON "Content-Type: application/json"
#define TEXT "Content-Type: text/plain; charset=utf-8"

static void start_with_token(void)
{
    char path[512];
    e2e_path(path, sizeof path, "token");
    e2e_write_file(path, TOKEN "\n", strlen(TOKEN) + 1);
    e2e_start(NULL, "--token-file", path);
}

TestSuite(write, .init = start_with_token, .fini = e2e_teardown, .timeout = 120);

static const char report[] =
    "{\"title\":\"قصف على إدلب\",\"outlet\":\"رويترز\",\"published_at\":\"2016-08-07\","
    "\"body\":\"قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في قصف على مدينة إدلب.\"}";

Test(write, post_extracts_and_answers_201_with_location)
{
    long long before = total_of("/v1/articles");
    e2e_response *r = e2e_send("POST", "/v1/articles", report, strlen(report), AUTH, JSON);
    cr_assert_eq(r->status, 201, "%s", r->body);
    const char *loc = e2e_header_get(r, "Location");
    cr_assert_not_null(loc);
    cr_assert(strncmp(loc, "/v1/articles/api-", 17) == 0, "%s", loc);
    cr_expect_str_eq(jstr(r->json, "title"), "قصف على إدلب");
    cr_expect_str_eq(jstr2(r->json, "outlet", "id"), "reuters");
    json_t *figs = json_object_get(r->json, "figures");
    cr_assert_eq(json_array_size(figs), 1);
    cr_expect_eq(jint(json_array_get(figs, 0), "value"), 12);
    cr_expect_str_eq(jstr(json_array_get(figs, 0), "type"), "killed");
    char *location = strdup(loc);
    e2e_response_free(r);

    json_t *a = get_ok("%s", location);
    cr_expect_str_eq(jstr(a, "published_at"), "2016-08-07");
    json_decref(a);
    cr_expect_eq(total_of("/v1/articles"), before + 1);

    /* The same text again: the same article, 200 */
    r = e2e_send("POST", "/v1/articles", report, strlen(report), AUTH, JSON);
    cr_expect_eq(r->status, 200);
    cr_expect_str_eq(e2e_header_get(r, "Location"), location);
    e2e_response_free(r);
    cr_expect_eq(total_of("/v1/articles"), before + 1);
    free(location);
}

Test(write, put_creates_then_replaces_and_delete_removes)
{
    static const char one[] = "أعلنت وزارة الدفاع الروسية تدمير 5 دبابات قرب حماة.";
    e2e_response *r = e2e_send("PUT", "/v1/articles/my-report", one, strlen(one), AUTH, TEXT);
    cr_assert_eq(r->status, 201, "%s", r->body);
    e2e_response_free(r);
    static const char two[] = "قالت مصادر محلية إن 3 مدنيين قتلوا وأصيب 9 آخرون في درعا.";
    r = e2e_send("PUT", "/v1/articles/my-report", two, strlen(two), AUTH, TEXT);
    cr_assert_eq(r->status, 200, "%s", r->body);
    e2e_response_free(r);
    json_t *a = get_ok("/v1/articles/my-report");
    cr_expect_str_eq(jstr(a, "body"), two);
    cr_expect_eq(json_array_size(json_object_get(a, "figures")), 2, "the old figures are gone");
    json_decref(a);
    cr_expect_eq(total_of("/v1/figures?article=my-report&type=destroyed"), 0);

    r = e2e_request("DELETE", "/v1/articles/my-report", AUTH);
    cr_expect_eq(r->status, 204);
    e2e_response_free(r);
    r = e2e_get("/v1/articles/my-report");
    cr_expect_eq(r->status, 404);
    e2e_response_free(r);
    cr_expect_eq(total_of("/v1/figures?article=my-report"), 0);
    r = e2e_request("DELETE", "/v1/articles/my-report", AUTH);
    assert_problem(r, 404, "/problems/not-found", NULL, "deleting twice");
    e2e_response_free(r);
}

Test(write, refusals_change_nothing)
{
    json_t *meta = get_ok("/v1/meta");
    long long generation = jint(meta, "generation");
    json_decref(meta);

    e2e_response *r = e2e_send("POST", "/v1/articles", report, strlen(report), JSON);
    assert_problem(r, 401, "/problems/unauthorized", NULL, "no token");
    cr_expect_not_null(e2e_header_get(r, "WWW-Authenticate"));
    e2e_response_free(r);
    r = e2e_send("POST", "/v1/articles", report, strlen(report), JSON,
                 "Authorization: Bearer wrong-token-0123456789ab");
    assert_problem(r, 401, "/problems/unauthorized", NULL, "wrong token");
    e2e_response_free(r);
    r = e2e_request("DELETE", "/v1/articles/" SEED_000, "Authorization: Bearer " TOKEN "x");
    assert_problem(r, 401, "/problems/unauthorized", NULL, "a longer token");
    e2e_response_free(r);
    r = e2e_send("POST", "/v1/articles", "x", 1, AUTH, "Content-Type: application/xml");
    assert_problem(r, 415, "/problems/unsupported-media-type", NULL, "wrong type");
    e2e_response_free(r);
    r = e2e_send("POST", "/v1/articles", "{\"body\": 5", 10, AUTH, JSON);
    assert_problem(r, 400, NULL, NULL, "broken JSON");
    cr_expect(strstr(jstr(r->json, "detail"), "line 1") != NULL, "%s", r->body);
    e2e_response_free(r);
    r = e2e_send("POST", "/v1/articles", "\xff\xfe", 2, AUTH, TEXT);
    assert_problem(r, 400, NULL, NULL, "invalid UTF-8");
    cr_expect(strstr(jstr(r->json, "detail"), "byte 0") != NULL, "%s", r->body);
    e2e_response_free(r);
    size_t n = (1u << 20) + 16;
    char *big = malloc(n);
    memset(big, 'a', n);
    r = e2e_send("POST", "/v1/articles", big, n, AUTH, TEXT);
    assert_problem(r, 413, "/problems/body-too-large", NULL, "over 1 MiB");
    e2e_response_free(r);
    free(big);
    r = e2e_send("PUT", "/v1/articles/bad%20id", "ن", strlen("ن"), AUTH, TEXT);
    assert_problem(r, 400, NULL, NULL, "an id with a space");
    e2e_response_free(r);

    meta = get_ok("/v1/meta");
    cr_expect_eq(jint(meta, "generation"), generation, "nothing was written");
    json_decref(meta);
    r = e2e_get("/healthz");
    cr_expect_eq(r->status, 200);
    e2e_response_free(r);
}

Test(write, read_only_and_tokenless_servers_refuse_writes)
{
    e2e_stop();
    e2e_start(NULL, "--read-only", "--token-file", e2e_path((char[512]){0}, 512, "token"));
    e2e_response *r = e2e_send("POST", "/v1/articles", report, strlen(report), AUTH, JSON);
    assert_problem(r, 403, "/problems/forbidden", NULL, "read-only");
    e2e_response_free(r);
    e2e_stop();
    e2e_start(NULL);
    r = e2e_request("DELETE", "/v1/articles/" SEED_000, AUTH);
    assert_problem(r, 403, "/problems/forbidden", NULL, "no token configured");
    e2e_response_free(r);
    cr_expect_eq(total_of("/v1/articles"), N_SEEDS);
}

/* CSV for spreadsheets: an empty title is "" and an absent URL (null) is an
 * empty field, so the two stay apart. */
Test(write, csv_tells_an_empty_string_from_null)
{
    static const char untitled[] =
        "{\"title\":\"\",\"body\":\"قال شهود إن 4 مدنيين قتلوا في قصف على بلدة قرب حماة.\"}";
    e2e_response *r = e2e_send("POST", "/v1/articles", untitled, strlen(untitled), AUTH, JSON);
    cr_assert_eq(r->status, 201, "%s", r->body);
    cr_assert_str_eq(jstr(r->json, "title"), "");
    cr_assert(json_is_null(json_object_get(r->json, "url")));
    char *row = fmt_str("\r\n%s,\"\",", jstr(r->json, "id"));
    e2e_response_free(r);
    r = e2e_get("/v1/articles?format=csv");
    cr_assert_eq(r->status, 200);
    const char *at = strstr(r->body, row);
    cr_assert(at, "no row with an empty title as \"\"");
    /* id, title, excerpt, outlet.id, outlet.name, url: the URL is empty. */
    cr_expect(strstr(at + strlen(row), ",,,,"), "null outlet and url are not empty fields");
    e2e_response_free(r);
    free(row);
}

/* Breakdowns and updates come back as figure ids of the same article. */
Test(write, breakdowns_and_updates_are_served_as_figure_ids)
{
    static const char doc[] = "قال الدفاع المدني إن 20 شخصا قتلوا بينهم 5 أطفال في قصف على إدلب."
                              " وارتفعت الحصيلة لاحقا إلى 23 قتيلا.";
    e2e_response *r = e2e_send("PUT", "/v1/articles/tolls", doc, strlen(doc), AUTH, TEXT);
    cr_assert_eq(r->status, 201, "%s", r->body);
    e2e_response_free(r);
    json_t *a = get_ok("/v1/articles/tolls");
    json_t *figs = json_object_get(a, "figures");
    cr_assert_eq(json_array_size(figs), 3, "20, 5 and 23");
    json_t *whole = json_array_get(figs, 0), *part = json_array_get(figs, 1),
           *update = json_array_get(figs, 2);
    cr_expect(json_is_null(json_object_get(whole, "part_of")));
    cr_expect_str_eq(jstr(part, "part_of"), "tolls-f1");
    cr_expect(json_is_null(json_object_get(part, "supersedes")));
    cr_expect_str_eq(jstr(update, "supersedes"), "tolls-f1");
    json_decref(a);
    /* the figures list and its CSV say the same */
    json_t *list = get_ok("/v1/figures?article=tolls&sort=value");
    cr_expect_str_eq(jstr(json_array_get(json_object_get(list, "data"), 0), "part_of"), "tolls-f1");
    json_decref(list);
    r = e2e_get("/v1/figures?article=tolls&format=csv");
    cr_assert_eq(r->status, 200);
    cr_expect(strstr(r->body, "part_of") != NULL && strstr(r->body, "supersedes") != NULL, "%s",
              r->body);
    e2e_response_free(r);
}

/* A place the gazetteer lacks, named by its context, is served without
 * coordinates (resolved false) in the article and the lists, by its
 * name in full text, and left off the map; it goes with the article that
 * named it. */
Test(write, unknown_places_are_served_unresolved)
{
    static const char doc[] = "قصفت الطائرات مخيم السنديانة للنازحين قرب إدلب فجر اليوم.";
    e2e_response *r = e2e_send("PUT", "/v1/articles/camp", doc, strlen(doc), AUTH, TEXT);
    cr_assert_eq(r->status, 201, "%s", r->body);
    e2e_response_free(r);
    json_t *a = get_ok("/v1/articles/camp");
    json_t *camp = NULL, *l;
    size_t i;
    json_array_foreach(json_object_get(a, "locations"), i,
                       l) if (!json_is_true(json_object_get(l, "resolved"))) camp = l;
    cr_assert_not_null(camp, "the camp is not among the article's places");
    cr_expect_str_eq(jstr(camp, "name"), "السنديانة");
    cr_expect_str_eq(jstr(camp, "kind"), "camp");
    cr_expect(json_is_null(json_object_get(camp, "lat")) &&
              json_is_null(json_object_get(camp, "lon")));
    char *id = strdup(jstr(camp, "id"));
    json_decref(a);

    json_t *list = get_ok("/v1/locations?resolved=false");
    cr_expect_str_eq(jstr(json_array_get(json_object_get(list, "data"), 0), "id"), id);
    json_decref(list);
    list = get_ok(
        "/v1/locations?q=%%D8%%A7%%D9%%84%%D8%%B3%%D9%%86%%D8%%AF%%D9%%8A%%D8%%A7%%D9%%86%%D8%%A9");
    cr_expect_eq(jint(list, "total"), 1, "locations?q=السنديانة");
    json_decref(list);
    json_t *geo = get_ok("/v1/locations?mentioned=true&format=geojson");
    json_array_foreach(json_object_get(geo, "features"), i, l)
        cr_expect(strcmp(jstr(l, "id"), id) != 0, "an unresolved place on the map");
    json_decref(geo);
    json_t *one = get_ok("/v1/locations/%s", id);
    cr_expect_eq(jint(json_object_get(one, "counts"), "mentions"), 1);
    json_decref(one);

    r = e2e_request("DELETE", "/v1/articles/camp", AUTH);
    cr_assert_eq(r->status, 204);
    e2e_response_free(r);
    char path[128];
    snprintf(path, sizeof path, "/v1/locations/%s", id);
    r = e2e_get(path);
    cr_expect_eq(r->status, 404, "an unnamed place is still served");
    e2e_response_free(r);
    list = get_ok("/v1/"
                  "search?q=%%D8%%A7%%D9%%84%%D8%%B3%%D9%%86%%D8%%AF%%D9%%8A%%D8%%A7%%D9%%86%%D8%%"
                  "A9&kind=location");
    cr_expect_eq(jint(list, "total"), 0, "its name is still indexed");
    json_decref(list);
    free(id);
}

/* A relative date is read against the article's published_at; the cause is
 * what the sentence says did it. */
Test(write, event_date_and_cause_are_read_against_publication)
{
    static const char doc[] =
        "{\"published_at\":\"2016-08-07T10:00:00Z\",\"body\":"
        "\"قال الدفاع المدني إن 12 مدنيا قتلوا أمس في غارات جوية على مدينة إدلب.\"}";
    e2e_response *r = e2e_send("PUT", "/v1/articles/dated", doc, strlen(doc), AUTH, JSON);
    cr_assert_eq(r->status, 201, "%s", r->body);
    e2e_response_free(r);
    json_t *a = get_ok("/v1/articles/dated");
    json_t *f = json_array_get(json_object_get(a, "figures"), 0);
    cr_assert_not_null(f);
    json_t *date = json_object_get(f, "date");
    cr_expect_str_eq(jstr(date, "start"), "2016-08-06");
    cr_expect_str_eq(jstr(date, "end"), "2016-08-06");
    cr_expect_str_eq(jstr(date, "precision"), "day");
    cr_expect_str_eq(jstr(f, "cause"), "airstrike");
    json_decref(a);
}
