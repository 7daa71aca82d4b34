/* test_lifecycle.c — end-to-end tests of the process rather than the API:
 * the command line (help, usage errors, `extract`, `import`), the seed
 * import at start (idempotent restarts, changed, bad and removed files) and
 * shutdown on SIGTERM.
 *
 * Each test works in its own temporary folder (e2e_dir) holding a copy of
 * the seeds, so it can change files without touching data/seeds.
 */
#include "tests/e2e/api_helpers.h"

#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

TestSuite(cli, .fini = e2e_teardown);
TestSuite(lifecycle, .fini = e2e_teardown);

/* DIR/seeds with the five seeds; returns the path (static buffer). */
static const char *seeds_dir(void)
{
    static char path[4096];
    e2e_path(path, sizeof path, "seeds");
    struct stat st;
    if (stat(path, &st) != 0)
        cr_assert_eq(e2e_copy_seeds(path), N_SEEDS);
    return path;
}

static char *seed_path(const char *id)
{
    return fmt_str("%s/%s.txt", seeds_dir(), id);
}

static void assert_contains(const char *hay, const char *needle, const char *what)
{
    cr_assert(hay && strstr(hay, needle), "%s: expected to find \"%s\" in:\n%s", what, needle,
              hay ? hay : "(null)");
}

/* ---- command line -------------------------------------------------------- */

Test(cli, help_exits_0_and_prints_usage)
{
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "--help"), 0);
    assert_contains(out, "usage", "--help");
    assert_contains(out, "serve", "--help");
    assert_contains(out, "import", "--help");
    assert_contains(out, "extract", "--help");
    assert_contains(out, "--port", "--help lists the options");
    free(out);
    free(err);
    cr_assert_eq(e2e_run(&out, &err, "serve", "--help"), 0, "serve --help");
    assert_contains(out, "--cors", "serve --help");
    free(out);
    free(err);
    cr_assert_eq(e2e_run(&out, &err, "--version"), 0);
    assert_contains(out, "marsad ", "--version");
    free(out);
    free(err);
}

Test(cli, usage_errors_exit_2)
{
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "bogus"), 2, "an unknown command");
    assert_contains(err, "bogus", "the message names the command");
    free(out);
    free(err);

    cr_assert_eq(e2e_run(&out, &err), 2, "no command at all");
    free(out);
    free(err);

    /* Options are checked before anything is opened. */
    char db[4096];
    e2e_path(db, sizeof db, "never.db");
    cr_assert_eq(e2e_run(&out, &err, "serve", "--port", "99999", "--db", db, "--seeds", ""), 2,
                 "--port 99999");
    assert_contains(err, "99999", "the message names the value");
    free(out);
    free(err);
    cr_assert_eq(e2e_run(&out, &err, "serve", "--port", "-1", "--db", db), 2, "--port -1");
    free(out);
    free(err);
    cr_assert_eq(e2e_run(&out, &err, "serve", "--no-such-flag", "--db", db), 2, "unknown flag");
    assert_contains(err, "no-such-flag", "the message names the flag");
    free(out);
    free(err);
    cr_assert_eq(e2e_run(&out, &err, "serve", "--port"), 2, "--port without a value");
    free(out);
    free(err);
    struct stat st;
    cr_assert_neq(stat(db, &st), 0, "a usage error must not create the database");

    cr_assert_eq(e2e_run(&out, &err, "import", seeds_dir()), 2, "import without --db");
    free(out);
    free(err);
    cr_assert_eq(e2e_run(&out, &err, "extract", "a", "b"), 2, "extract takes one file");
    free(out);
    free(err);
}

Test(cli, extract_prints_json_of_a_seed)
{
    char *path = seed_path(SEED_000);
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "extract", path), 0, "extract: %s", err);
    json_error_t jerr;
    json_t *j = json_loads(out, 0, &jerr);
    cr_assert(json_is_object(j), "extract printed no JSON object: %s (%.200s)", jerr.text, out);
    cr_assert_str_eq(jstr(j, "id"), SEED_000);
    const char *arrays[] = {"figures", "locations", "sources", "numbers"};
    for (int k = 0; k < 4; k++)
        cr_assert(json_is_array(json_object_get(j, arrays[k])), "no %s array", arrays[k]);
    cr_assert_gt(json_array_size(json_object_get(j, "figures")), 0);
    cr_assert_geq(json_array_size(json_object_get(j, "numbers")),
                  json_array_size(json_object_get(j, "figures")),
                  "every figure stands on a number (or a dual noun)");
    size_t i;
    json_t *l;
    bool aleppo = false;
    json_array_foreach(json_object_get(j, "locations"), i, l)
    {
        aleppo |= strcmp(item_id(l), "aleppo") == 0;
    }
    cr_assert(aleppo, "extract finds Aleppo in the first seed");
    json_decref(j);
    free(out);
    free(err);
    free(path);
}

/* What `extract` prints is what `serve` stores. */
Test(cli, extract_agrees_with_the_served_article)
{
    e2e_start(seeds_dir());
    for (size_t k = 0; k < N_SEEDS; k++) {
        char *path = seed_path(SEED_IDS[k]), *out, *err;
        cr_assert_eq(e2e_run(&out, &err, "extract", path), 0);
        json_t *x = json_loads(out, 0, NULL);
        cr_assert_not_null(x);
        json_t *a = get_ok("/v1/articles/%s", SEED_IDS[k]);
        json_t *xf = json_object_get(x, "figures"), *af = json_object_get(a, "figures");
        cr_assert_eq(json_array_size(xf), json_array_size(af),
                     "%s: %zu figures extracted, %zu served", SEED_IDS[k], json_array_size(xf),
                     json_array_size(af));
        for (size_t i = 0; i < json_array_size(af); i++) {
            json_t *p = json_array_get(xf, i), *q = json_array_get(af, i);
            cr_assert_str_eq(jstr(p, "id"), jstr(q, "id"));
            cr_assert_str_eq(jstr(p, "type"), jstr(q, "type"), "%s", jstr(q, "id"));
            cr_assert(json_equal(json_object_get(p, "value"), json_object_get(q, "value")), "%s",
                      jstr(q, "id"));
            cr_assert(json_equal(json_object_get(p, "span"), json_object_get(q, "span")), "%s",
                      jstr(q, "id"));
        }
        json_t *xl = id_set(json_object_get(x, "locations"));
        assert_ids(json_object_get(a, "locations"), xl, "served vs extracted locations");
        json_decref(xl);
        json_decref(a);
        json_decref(x);
        free(out);
        free(err);
        free(path);
    }
    e2e_stop();
}

/* `extract` names whose people a figure counts as the API does: subject
 * {bloc, party: {id, name} | null}, and the claimant's bloc. */
Test(cli, extract_prints_subject_blocs_and_parties)
{
    char path[4096];
    e2e_path(path, sizeof path, "blocs.txt");
    static const char doc[] = "وقالت حركة أحرار الشام إنها قتلت 15 عنصرا من حزب الله، "
                              "و20 عنصرا من قوات النظام، في ريف حلب الجنوبي.\n";
    e2e_write_file(path, doc, sizeof doc - 1);
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "extract", path), 0, "extract: %s", err);
    json_t *j = json_loads(out, 0, NULL);
    cr_assert(json_is_object(j), "extract printed no JSON object: %.200s", out);
    json_t *figures = json_object_get(j, "figures");
    cr_assert_eq(json_array_size(figures), 2, "%.400s", out);
    json_t *hezbollah = json_object_get(json_array_get(figures, 0), "subject");
    cr_assert_str_eq(jstr(hezbollah, "bloc"), "sy.government");
    json_t *party = json_object_get(hezbollah, "party");
    cr_assert_str_eq(jstr(party, "id"), "hezbollah");
    cr_assert_str_eq(jstr(party, "name"), "حزب الله");
    json_t *army = json_object_get(json_array_get(figures, 1), "subject");
    cr_assert_str_eq(jstr(army, "bloc"), "sy.government");
    cr_assert(json_is_null(json_object_get(army, "party")),
              "the regime forces stand for their whole bloc");
    json_t *claimant = json_object_get(json_array_get(figures, 0), "claimant");
    cr_assert_str_eq(jstr(claimant, "id"), "ahrar-al-sham");
    cr_assert_str_eq(jstr(claimant, "bloc"), "sy.opposition");
    json_decref(j);
    free(out);
    free(err);
}

/* A place the gazetteer lacks is printed as serve stores it: one location
 * per folded name, unresolved, with every mention. */
Test(cli, extract_prints_unresolved_places)
{
    static const char doc[] =
        "قصفت الطائرات قرية زعفرانة الصغرى، ثم عادت إلى قرية زَعفرانة الصغرى.\n";
    char path[4096];
    e2e_path(path, sizeof path, "unresolved.txt");
    e2e_write_file(path, doc, sizeof doc - 1);
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "extract", path), 0, "extract: %s", err);
    json_t *j = json_loads(out, 0, NULL);
    cr_assert_not_null(j);
    json_t *locs = json_object_get(j, "locations");
    cr_assert_eq(json_array_size(locs), 1, "%s", out);
    json_t *l = json_array_get(locs, 0);
    cr_expect_eq(strncmp(item_id(l), "u-", 2), 0);
    cr_expect_str_eq(jstr(l, "name"), "زعفرانة الصغرى");
    cr_expect_str_eq(jstr(l, "kind"), "village");
    cr_expect(json_is_false(json_object_get(l, "resolved")));
    cr_expect(json_is_null(json_object_get(l, "lat")));
    cr_expect_eq(json_array_size(json_object_get(l, "mentions")), 2);
    json_decref(j);
    free(out);
    free(err);
}

/* A saved page is read as the import reads it: its article, not its
 * furniture, with the title, date, address and outlet the page gives; a
 * feed prints an array, an article per item. */
Test(cli, extract_reads_pages_and_feeds_as_the_import_does)
{
    static const char page[] =
        "<html><head><meta charset=\"utf-8\"><title>قصف على ريف إدلب | موقع الخبر</title>"
        "<meta property=\"og:site_name\" content=\"موقع الخبر\">"
        "<meta property=\"article:published_time\" content=\"2025-03-14T09:30:00Z\">"
        "<link rel=\"canonical\" href=\"https://example.org/a/1\"></head><body>"
        "<nav><a href=\"/\">الرئيسية</a></nav><article><h1>قصف على ريف إدلب</h1>"
        "<p>قتل 9 مدنيين في قصف مدفعي على بلدة سرمين، بحسب الدفاع المدني السوري.</p>"
        "<div class=\"related\"><h3>اقرأ أيضا</h3><ul><li><a href=\"/b\">مقتل 40 في انفجار"
        "</a></li></ul></div></article></body></html>";
    char path[4096];
    e2e_path(path, sizeof path, "story.html");
    e2e_write_file(path, page, sizeof page - 1);
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "extract", path), 0, "extract: %s", err);
    json_t *j = json_loads(out, 0, NULL);
    cr_assert(json_is_object(j), "no JSON object: %.200s", out);
    cr_expect_str_eq(jstr(j, "id"), "story");
    cr_expect_str_eq(jstr(j, "format"), "html");
    cr_expect_str_eq(jstr(j, "title"), "قصف على ريف إدلب");
    cr_expect_str_eq(jstr(j, "published_at"), "2025-03-14T09:30:00Z");
    cr_expect_str_eq(jstr(j, "url"), "https://example.org/a/1");
    cr_expect_str_eq(jstr(json_object_get(j, "outlet"), "name"), "موقع الخبر");
    json_t *figures = json_object_get(j, "figures");
    cr_expect_eq(json_array_size(figures), 1, "the related link's 40 is no figure: %s", out);
    cr_expect_eq(json_integer_value(json_object_get(json_array_get(figures, 0), "value")), 9);
    json_decref(j);
    free(out);
    free(err);

    static const char feed[] =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
        "<title>موقع الخبر</title>"
        "<item><title>أ</title><link>https://example.org/a/2</link>"
        "<description>قتل 4 أشخاص في غارة على مدينة حلب.</description></item>"
        "<item><title>ب</title><link>https://example.org/a/3</link>"
        "<description>أصيب 7 أشخاص في قصف على مدينة حماة.</description></item>"
        "</channel></rss>";
    e2e_path(path, sizeof path, "wire.xml");
    e2e_write_file(path, feed, sizeof feed - 1);
    cr_assert_eq(e2e_run(&out, &err, "extract", path), 0, "extract: %s", err);
    j = json_loads(out, 0, NULL);
    cr_assert(json_is_array(j), "no JSON array: %.200s", out);
    cr_assert_eq(json_array_size(j), 2);
    cr_expect_str_eq(jstr(json_array_get(j, 0), "format"), "feed");
    cr_expect_str_eq(jstr(json_array_get(j, 1), "url"), "https://example.org/a/3");
    cr_expect_eq(strncmp(jstr(json_array_get(j, 0), "id"), "wire-", 5), 0);
    json_decref(j);
    free(out);
    free(err);
}

Test(cli, extract_refuses_invalid_utf8_and_missing_files)
{
    char bad[4096];
    e2e_path(bad, sizeof bad, "bad.txt");
    static const char bytes[] = "\xd8\xa3\xd8\xb9\xd9\x84\xd9\x86 \xff\xfe text";
    e2e_write_file(bad, bytes, sizeof bytes - 1);
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "extract", bad), 1);
    assert_contains(err, "bad.txt", "the message names the file");
    assert_contains(err, "UTF-8", "the message says why");
    cr_assert_str_eq(out, "", "nothing on stdout");
    free(out);
    free(err);

    char missing[4096];
    e2e_path(missing, sizeof missing, "missing.txt");
    cr_assert_eq(e2e_run(&out, &err, "extract", missing), 1);
    assert_contains(err, "missing.txt", "the message names the file");
    free(out);
    free(err);
}

Test(cli, import_fills_a_database_without_serving)
{
    char db[4096];
    e2e_path(db, sizeof db, "marsad.db"); /* the database e2e_start serves */
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "import", "--db", db, seeds_dir()), 0, "import: %s", err);
    assert_contains(err, "imported 5 articles", "the import summary");
    free(out);
    free(err);
    /* Again: nothing new. Not on a terminal: the summary alone, no progress line. */
    cr_assert_eq(e2e_run(&out, &err, "import", "--db", db, seeds_dir()), 0);
    assert_contains(err, "imported 0 articles", "a second import");
    assert_contains(err, "5 unchanged", "a second import");
    cr_expect(strchr(err, '\r') == NULL && strstr(err, "files,") == NULL,
              "progress off a terminal: %s", err);
    free(out);
    free(err);
    /* --json: the summary as one JSON object on standard output */
    cr_assert_eq(e2e_run(&out, &err, "import", "--db", db, "--json", seeds_dir()), 0);
    json_error_t jerr;
    json_t *summary = json_loads(out, 0, &jerr);
    cr_assert(json_is_object(summary), "--json: %s (%s)", out, jerr.text);
    cr_expect_eq(json_integer_value(json_object_get(summary, "unchanged")), 5);
    cr_expect_eq(json_integer_value(json_object_get(summary, "files")), 5);
    cr_expect_gt(json_integer_value(json_object_get(summary, "bytes")), 1000);
    cr_expect_eq(strstr(err, "imported"), NULL, "--json: no text summary");
    json_decref(summary);
    free(out);
    free(err);
    /* One file more, by name. */
    char *one = seed_path(SEED_002);
    cr_assert_eq(e2e_run(&out, &err, "import", "--db", db, one), 0);
    assert_contains(err, "1 unchanged", "importing one known file");
    free(out);
    free(err);
    free(one);

    /* Served without seeds, the imported articles are there. */
    e2e_start("");
    cr_assert_eq(e2e_articles(), N_SEEDS);
    cr_assert_eq(total_of("/v1/articles"), N_SEEDS);
    json_t *a = get_ok("/v1/articles/%s", SEED_000);
    cr_assert(strncmp(jstr(a, "body"), "أعلن تحالف", strlen("أعلن تحالف")) == 0);
    json_decref(a);
    e2e_stop();
}

/* What the API says of a database: its counts, and the lists whose totals
 * and n_* columns the bulk import counts at its end. */
static json_t *served_state(void)
{
    static const char *const paths[] = {
        "/v1/sources?limit=500",   "/v1/locations?limit=500&sort=-n_mentions",
        "/v1/figures?type=killed", "/v1/figures?location=idlib-gov",
        "/v1/figures/compare",     "/v1/articles?q=%D8%AD%D9%84%D8%A8",
    };
    json_t *state = json_object();
    json_t *meta = get_ok("/v1/meta");
    json_object_set(state, "counts", json_object_get(meta, "counts"));
    json_decref(meta);
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        json_object_set_new(state, paths[i], get_ok_path(paths[i]));
    return state;
}

/* --bulk builds indexes and counts at its end: what is served is what a
 * plain import gives. */
Test(cli, a_bulk_import_serves_what_a_plain_one_does)
{
    e2e_start(seeds_dir());
    json_t *plain = served_state();
    e2e_stop();
    char db[4096], wal[4200], shm[4200];
    e2e_path(db, sizeof db, "marsad.db");
    snprintf(wal, sizeof wal, "%s-wal", db);
    snprintf(shm, sizeof shm, "%s-shm", db);
    unlink(db);
    unlink(wal);
    unlink(shm);
    char *out, *err;
    cr_assert_eq(e2e_run(&out, &err, "import", "--db", db, "--bulk", seeds_dir()), 0,
                 "import --bulk: %s", err);
    assert_contains(err, "imported 5 articles", "the bulk import's summary");
    free(out);
    free(err);
    e2e_start("");
    json_t *bulk = served_state();
    e2e_stop();
    const char *key;
    json_t *v;
    json_object_foreach(plain, key, v)
    {
        char *want = json_dumps(v, JSON_SORT_KEYS | JSON_COMPACT),
             *got = json_dumps(json_object_get(bulk, key), JSON_SORT_KEYS | JSON_COMPACT);
        cr_assert_str_eq(got, want, "%s differs after a bulk import", key);
        free(want);
        free(got);
    }
    json_decref(plain);
    json_decref(bulk);
}

/* ---- start, restart, stop ------------------------------------------------ */

Test(lifecycle, sigterm_exits_0_and_says_so)
{
    e2e_start(seeds_dir());
    e2e_response *r = e2e_get("/healthz");
    cr_assert_eq(r->status, 200);
    e2e_response_free(r);
    e2e_stop(); /* asserts exit status 0 */
    char *log = e2e_log();
    assert_contains(log, "SIGTERM received", "the log of a stop");
    assert_contains(log, "imported 5 articles", "the import summary");
    free(log);
}

Test(lifecycle, restart_on_the_same_database_changes_nothing)
{
    e2e_start(seeds_dir());
    json_t *meta1 = get_ok("/v1/meta");
    e2e_response *list1 = e2e_get("/v1/figures?limit=500");
    e2e_stop();

    e2e_start(seeds_dir());
    cr_assert_eq(e2e_articles(), N_SEEDS);
    char *log = e2e_log();
    assert_contains(log, "imported 0 articles", "the second start imports nothing");
    assert_contains(log, "5 unchanged", "the second start");
    assert_contains(log, "0 skipped", "the second start");
    free(log);
    json_t *meta2 = get_ok("/v1/meta");
    cr_assert(json_equal(json_object_get(meta1, "counts"), json_object_get(meta2, "counts")),
              "counts changed across a restart");
    cr_assert(
        json_equal(json_object_get(meta1, "generation"), json_object_get(meta2, "generation")),
        "an unchanged import must not touch the data (generation %lld -> %lld)",
        json_integer_value(json_object_get(meta1, "generation")),
        json_integer_value(json_object_get(meta2, "generation")));
    e2e_response *list2 = e2e_get("/v1/figures?limit=500");
    cr_assert_eq(list2->len, list1->len);
    cr_assert(memcmp(list1->body, list2->body, list1->len) == 0, "the figures changed");
    cr_assert_str_eq(e2e_header_get(list2, "ETag"), e2e_header_get(list1, "ETag"));
    e2e_response_free(list1);
    e2e_response_free(list2);
    json_decref(meta1);
    json_decref(meta2);
    e2e_stop();
}

Test(lifecycle, a_changed_seed_replaces_its_article)
{
    e2e_start(seeds_dir());
    e2e_response *before = e2e_get("/v1/articles/" SEED_003);
    cr_assert_eq(before->status, 200);
    e2e_stop();

    static const char text[] =
        "قالت مصادر محلية إن 12 مدنيا قتلوا وأصيب 30 آخرون في قصف على حلب.\n";
    char *path = seed_path(SEED_003);
    e2e_write_file(path, text, sizeof text - 1);
    free(path);

    e2e_start(seeds_dir());
    char *log = e2e_log();
    assert_contains(log, "imported 1 articles", "one changed file");
    assert_contains(log, "4 unchanged", "the other four");
    free(log);
    cr_assert_eq(total_of("/v1/articles"), N_SEEDS);
    e2e_response *after = e2e_get("/v1/articles/" SEED_003);
    cr_assert_eq(after->status, 200);
    cr_assert_str_neq(e2e_header_get(after, "ETag"), e2e_header_get(before, "ETag"));
    const char *body = jstr(after->json, "body");
    cr_assert_str_eq(body, "قالت مصادر محلية إن 12 مدنيا قتلوا وأصيب 30 آخرون في قصف على حلب.\n");
    /* Everything extracted now comes from the new text. */
    size_t i;
    json_t *f;
    long long n = (long long)cp_count(body);
    json_array_foreach(json_object_get(after->json, "figures"), i, f)
    {
        cr_assert_leq(jint(json_object_get(f, "span"), "end"), n, "%s points past the new body",
                      item_id(f));
    }
    cr_assert_eq(total_of("/v1/figures?article=" SEED_003),
                 (long long)json_array_size(json_object_get(after->json, "figures")),
                 "old figures of the article remain");
    /* Meta counts agree with the articles. */
    json_t *all = fetch_all("/v1/articles");
    long long figures = 0;
    json_t *a;
    json_array_foreach(all, i, a)
    {
        figures += jint(json_object_get(a, "counts"), "figures");
    }
    json_t *meta = get_ok("/v1/meta");
    cr_assert_eq(jint(json_object_get(meta, "counts"), "figures"), figures);
    json_decref(meta);
    json_decref(all);
    e2e_response_free(before);
    e2e_response_free(after);
    e2e_stop();
}

Test(lifecycle, bad_seed_files_are_skipped_and_named_in_the_log)
{
    const char *dir = seeds_dir();
    static const char bin[] = "\xd8\xa3 abc\0def";
    static const char bad[] = "\xd8\xa3\xd8\xb9 \xc3\x28 text";
    size_t big = (1u << 20) + 10;
    char *huge = malloc(big);
    cr_assert_not_null(huge);
    for (size_t i = 0; i < big; i++)
        huge[i] = i % 80 == 79 ? '\n' : 'a';
    const struct {
        const char *name, *data;
        size_t len;
    } files[] = {{"empty.txt", "", 0},
                 {"binary.txt", bin, sizeof bin - 1},
                 {"badutf8.txt", bad, sizeof bad - 1},
                 {"huge.txt", huge, big}};
    for (int k = 0; k < 4; k++) {
        char *path = fmt_str("%s/%s", dir, files[k].name);
        e2e_write_file(path, files[k].data, files[k].len);
        free(path);
    }
    free(huge);

    e2e_start(dir);
    cr_assert_eq(e2e_articles(), N_SEEDS, "the good seeds are served");
    char *log = e2e_log();
    for (int k = 0; k < 4; k++) {
        char *line = fmt_str("skipped %s/%s", dir, files[k].name);
        assert_contains(log, line, "a skipped file is named in the log");
        free(line);
    }
    assert_contains(log, "4 skipped", "the summary");
    free(log);
    cr_assert_eq(total_of("/v1/articles"), N_SEEDS);
    const char *ids[] = {"empty", "binary", "badutf8", "huge"};
    for (int k = 0; k < 4; k++) {
        e2e_response *r = e2e_getf("/v1/articles/%s", ids[k]);
        cr_assert_eq(r->status, 404, "%s was stored", ids[k]);
        e2e_response_free(r);
    }
    e2e_stop();
}

Test(lifecycle, a_removed_seed_is_reported_and_its_article_kept)
{
    e2e_start(seeds_dir());
    e2e_stop();
    char *path = seed_path(SEED_004);
    cr_assert_eq(unlink(path), 0);

    e2e_start(seeds_dir());
    char *log = e2e_log();
    assert_contains(log, SEED_004 ".txt is gone from disk", "the removal is reported");
    assert_contains(log, "1 gone from disk", "the summary");
    free(log);
    cr_assert_eq(e2e_articles(), N_SEEDS);
    cr_assert_eq(total_of("/v1/articles"), N_SEEDS);
    json_t *a = get_ok("/v1/articles/%s", SEED_004);
    cr_assert_str_eq(item_id(a), SEED_004);
    json_decref(a);
    e2e_stop();
    free(path);
}

Test(lifecycle, serving_without_seeds_starts_empty)
{
    e2e_start("");
    cr_assert_eq(e2e_articles(), 0);
    json_t *page = get_ok("/v1/articles");
    cr_assert_eq(jint(page, "total"), 0);
    cr_assert_eq(json_array_size(json_object_get(page, "data")), 0);
    cr_assert(json_is_null(json_object_get(page, "next")));
    json_decref(page);
    /* The gazetteer is there without any article. */
    cr_assert_gt(total_of("/v1/locations?limit=1"), 0);
    cr_assert_eq(total_of("/v1/locations?mentioned=true"), 0);
    cr_assert_eq(total_of("/v1/figures"), 0);
    e2e_response *r = e2e_get("/readyz");
    cr_assert_eq(r->status, 200);
    cr_assert_eq(jint(r->json, "articles"), 0);
    e2e_response_free(r);
    e2e_stop();
}

Test(lifecycle, a_port_in_use_is_a_runtime_error)
{
    e2e_start(seeds_dir());
    char port[16], db[4096];
    snprintf(port, sizeof port, "%d", e2e_port());
    e2e_path(db, sizeof db, "second.db");
    char *out, *err;
    int rc = e2e_run(&out, &err, "serve", "--port", port, "--db", db, "--seeds", "", "--create");
    cr_assert_eq(rc, 1, "a second server on port %s: exit %d, stdout %s", port, rc, out);
    assert_contains(err, "cannot listen", "the reason");
    free(out);
    free(err);
    e2e_stop();
}

/* ---- a missing database is made only where none was (17.1) ---------------- */

Test(lifecycle, a_missing_database_is_created_only_in_an_empty_folder_or_when_asked)
{
    char data[4096], db[4096], moved[4096], empty[4096], fresh[4096], gone[4096];
    e2e_path(data, sizeof data, "data");
    cr_assert(mkdir(data, 0700) == 0);
    e2e_path(db, sizeof db, "data/marsad.db");
    e2e_path(moved, sizeof moved, "data/marsad.db.old");
    char *out = NULL, *err = NULL;
    cr_assert_eq(e2e_run(&out, &err, "import", "--db", db, seeds_dir()), 0, "%s", err);
    assert_contains(err, "created a new, empty database", "import says it made the file");
    free(out);
    free(err);
    cr_assert(rename(db, moved) == 0);

    /* the file moved away: its folder is not empty, so no fresh database */
    cr_assert_eq(e2e_run(&out, &err, "serve", "--port", "0", "--db", db, "--seeds", ""), 1);
    assert_contains(err, "holds other files", "the reason");
    assert_contains(err, "--create", "the way out");
    struct stat st;
    cr_expect(stat(db, &st) != 0, "nothing was created");
    free(out);
    free(err);
    /* a folder that is gone is not made again either */
    e2e_path(gone, sizeof gone, "data/gone/marsad.db");
    cr_assert_eq(e2e_run(&out, &err, "serve", "--port", "0", "--db", gone, "--seeds", ""), 1);
    assert_contains(err, "and so is its folder", "the reason");
    free(out);
    free(err);

    /* an empty folder is a first run: the database is made, and the log says so */
    e2e_path(empty, sizeof empty, "empty");
    cr_assert(mkdir(empty, 0700) == 0);
    e2e_path(fresh, sizeof fresh, "empty/marsad.db");
    e2e_start("", "--db", fresh, "--create=false");
    e2e_stop();
    cr_expect(stat(fresh, &st) == 0);
    char *log = e2e_log();
    assert_contains(log, "created a new, empty database", "first run");
    free(log);

    /* --create asks for one anywhere; an existing file is opened as it is */
    e2e_start("", "--db", db);
    e2e_stop();
    cr_expect(stat(db, &st) == 0);
    e2e_start("", "--db", moved, "--create=false");
    cr_expect_eq(e2e_articles(), N_SEEDS, "the moved database is served as it is");
    e2e_stop();
}

/* ---- a full disk (17.10) --------------------------------------------------- */

static char small_disk[4096]; /* a 4 MiB tmpfs, when it could be mounted */

static void unmount_small_disk(void)
{
    if (small_disk[0])
        umount2(small_disk, MNT_DETACH);
    small_disk[0] = '\0';
    e2e_teardown();
}

TestSuite(disk_full, .fini = unmount_small_disk, .timeout = 180);

static long long articles_in(const char *db_path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM articles", -1, &st, NULL), SQLITE_OK,
                 "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* text of about `bytes` bytes: one sentence of ours, repeated (malloc'd). */
static char *long_text(size_t bytes)
{
    static const char sentence[] =
        "قال مصدر محلي إن قصفا مدفعيا استهدف أحياء المدينة الشرقية صباح اليوم وأدى إلى مقتل "
        "أربعة مدنيين وإصابة عشرة آخرين بجروح متفاوتة.\n";
    size_t n = bytes / (sizeof sentence - 1);
    char *text = malloc(n * (sizeof sentence - 1) + 1);
    cr_assert(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * (sizeof sentence - 1), sentence, sizeof sentence - 1);
    text[n * (sizeof sentence - 1)] = '\0';
    return text;
}

/* A tmpfs of `size` (mount syntax: "4m") at small_disk. */
static bool mount_small_disk(const char *size)
{
    e2e_path(small_disk, sizeof small_disk, "small");
    cr_assert(mkdir(small_disk, 0700) == 0);
    char opts[32];
    snprintf(opts, sizeof opts, "size=%s", size);
    if (mount("tmpfs", small_disk, "tmpfs", 0, opts) == 0)
        return true;
    small_disk[0] = '\0';
    return false;
}

/* Writes onto an 8 MiB file system until it is full (a fresh database with
 * the gazetteer takes about 4 MiB of write-ahead log before its first
 * checkpoint): 503 with Retry-After,
 * nothing of the refused write stored, what was answered 201 still there. */
Test(disk_full, a_write_on_a_full_disk_is_503_with_retry_after)
{
    if (!mount_small_disk("8m"))
        cr_skip_test("cannot mount a tmpfs (not root?)");
    char token[4096];
    e2e_path(token, sizeof token, "token");
    e2e_write_file(token, "disk-full-token-0123456789\n", 27);
    char *db = fmt_str("%s/marsad.db", small_disk);
    e2e_start("", "--db", db, "--token-file", token);
    char *text = long_text(300000);
    int stored = 0;
    long status = 0;
    for (int i = 0; i < 30 && status != 503; i++) {
        char *path = fmt_str("/v1/articles/big-%02d", i);
        e2e_response *r = e2e_send("PUT", path, text, strlen(text), "Content-Type: text/plain",
                                   "Authorization: Bearer disk-full-token-0123456789");
        status = r->status;
        if (status == 201)
            stored++;
        else {
            cr_assert_eq(status, 503, "PUT %s: %ld %.200s", path, status, r->body);
            cr_expect_not_null(e2e_header_get(r, "Retry-After"), "503 without Retry-After");
            cr_expect(strstr(r->body, "disk is full") != NULL, "%s", r->body);
            e2e_response *g = e2e_get(path);
            cr_expect_eq(g->status, 404, "the refused write was not stored: %ld", g->status);
            e2e_response_free(g);
        }
        e2e_response_free(r);
        free(path);
    }
    free(text);
    cr_assert_eq(status, 503, "the disk never filled");
    cr_expect_gt(stored, 0);
    cr_expect_eq(total_of("/v1/articles"), stored, "what was answered 201 is kept");
    e2e_stop();
    free(db);
}

/* Twenty documents of 100 KB onto a 4 MiB file system: a batch fails to
 * commit, and the summary counts only what the database holds. Needs root
 * (a tmpfs is mounted); skipped otherwise. */
Test(disk_full, import_counts_only_what_committed)
{
    if (e2e_wrapped())
        cr_skip_test("under valgrind extracting 2 MB of text outlasts the command's time limit");
    if (!mount_small_disk("4m"))
        cr_skip_test("cannot mount a tmpfs (not root?)");
    char docs[4096];
    e2e_path(docs, sizeof docs, "docs");
    cr_assert(mkdir(docs, 0700) == 0);
    char *text = long_text(100000);
    for (int i = 0; i < 20; i++) {
        char *path = fmt_str("%s/doc%02d.txt", docs, i);
        e2e_write_file(path, text, strlen(text));
        free(path);
    }
    free(text);
    char *db = fmt_str("%s/marsad.db", small_disk), *out = NULL, *err = NULL;
    int rc = e2e_run(&out, &err, "import", "--db", db, docs);
    cr_expect_eq(rc, 1, "a full disk fails the import: %s", err);
    long long stored = articles_in(db);
    cr_expect_lt(stored, 20, "the disk was meant to fill: %s", err);
    char *summary = fmt_str("imported %lld articles", stored);
    cr_expect(strstr(err, summary) != NULL, "the summary says %s (the database holds %lld):\n%s",
              summary, stored, err);
    cr_expect(strstr(err, "rolled back, none of them imported") != NULL, "%s", err);
    free(summary);
    free(out);
    free(err);
    free(db);
}
