/* test_ingest.c — documents from disk into the store: validation of text and
 * names, the import of a folder with good and bad files, idempotence, a
 * changed file replacing its article, a removed file being reported, and
 * sidecars. Uses a real store in a temporary folder.
 */
#include "ingest/ingest.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256], seeds[300], db_path[300];
static char *schema;
static extract_model *model;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void write_file(const char *name, const void *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", seeds, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/marsad-ingest-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(seeds, sizeof seeds, "%s/seeds", dir);
    snprintf(db_path, sizeof db_path, "%s/test.db", dir);
    cr_assert_eq(mkdir(seeds, 0755), 0);
    schema = slurp("schema.sql");
    char err[256];
    model = extract_model_new(err, sizeof err);
    cr_assert_not_null(model, "%s", err);
}

static void teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    extract_model_free(model);
    free(schema);
}

static store *open_store(void)
{
    char err[256];
    store *db = store_open(db_path, 0, 1000, schema, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    cr_assert_eq(ingest_sync_reference(db, model, err, sizeof err), 0, "%s", err);
    return db;
}

static const char report[] =
    "قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في قصف على مدينة إدلب، "
    "وأصيب أكثر من 30 آخرين.\n";

Test(ingest_text, normalises_bom_and_crlf)
{
    char buf[] = "\xEF\xBB\xBFسطر\r\nثان\r\n";
    size_t len = sizeof buf - 1;
    char why[64];
    cr_assert_null(ingest_check_text(buf, &len, why, sizeof why));
    cr_assert_str_eq(buf, "سطر\nثان\n");
    cr_assert_eq(len, strlen("سطر\nثان\n"));
}

/* Normalising is idempotent: a text stored once hashes the same when it
 * comes back, so "\r\r\n" is two line ends at once, not "\r\n" then. */
Test(ingest_text, normalising_twice_changes_nothing)
{
    char buf[] = "أ\r\r\nب\rج\r\n\r\nد";
    size_t len = sizeof buf - 1;
    char why[64];
    cr_assert_null(ingest_check_text(buf, &len, why, sizeof why));
    cr_assert_str_eq(buf, "أ\n\nب\nج\n\nد");
    char again[sizeof buf];
    memcpy(again, buf, len + 1);
    size_t len2 = len;
    cr_assert_null(ingest_check_text(again, &len2, why, sizeof why));
    cr_assert_eq(len2, len);
    cr_assert_str_eq(again, buf);
}

Test(ingest_text, rejects_bad_documents)
{
    char why[64];
    char empty[] = " \n\t\n";
    size_t len = sizeof empty - 1;
    cr_assert_str_eq(ingest_check_text(empty, &len, why, sizeof why), "empty");
    char nul[] = "abc\0def";
    len = sizeof nul - 1;
    cr_assert_str_eq(ingest_check_text(nul, &len, why, sizeof why), "binary (NUL byte)");
    char bad[] = "حلب \xC3\x28";
    len = sizeof bad - 1;
    const char *reason = ingest_check_text(bad, &len, why, sizeof why);
    cr_assert_not_null(reason);
    cr_assert(strstr(reason, "invalid UTF-8 at byte 7") != NULL, "%s", reason);
    char overlong[] = "\xC0\xAF";
    len = sizeof overlong - 1;
    cr_assert_not_null(ingest_check_text(overlong, &len, why, sizeof why));
    len = INGEST_MAX_BYTES + 1;
    cr_assert_str_eq(ingest_check_text(empty, &len, why, sizeof why), "larger than 1 MiB");
}

Test(ingest_text, only_http_urls)
{
    static const struct {
        const char *url;
        bool ok;
    } cases[] = {
        {"https://example.org/a", true},
        {"http://example.org", true},
        {"HTTPS://EXAMPLE.ORG/ع", true},
        {"javascript:alert(1)", false},
        {"JavaScript:alert(1)", false},
        {" https://example.org", false},
        {"data:text/html,x", false},
        {"file:///etc/passwd", false},
        {"https://", false},
        {"http:///path", false},
        {"//example.org", false},
        {"https://exa mple.org", false},
        {"https://example.org/\n", false},
        {"https://example.org/\x01", false},
        {"", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_eq(ingest_valid_url(cases[i].url), cases[i].ok, "%s", cases[i].url);
}

Test(ingest_text, article_ids)
{
    cr_assert(ingest_valid_id("000_e1e3e40d7f5e5c95"));
    cr_assert(ingest_valid_id("a-b.c"));
    cr_assert_not(ingest_valid_id(""));
    cr_assert_not(ingest_valid_id(".hidden"));
    cr_assert_not(ingest_valid_id("a/b"));
    cr_assert_not(ingest_valid_id("حلب"));
    cr_assert_not(ingest_valid_id("a b"));
}

TestSuite(ingest_dir, .init = setup, .fini = teardown);

Test(ingest_dir, imports_good_files_and_skips_bad_ones)
{
    write_file("good.txt", report, sizeof report - 1);
    write_file("empty.txt", "", 0);
    write_file("binary.txt", "ab\0cd", 5);
    write_file("badutf8.txt", "\xff\xfe\xfd", 3);
    write_file("notes.md", "ignored", 7);
    char *big = malloc(INGEST_MAX_BYTES + 10);
    memset(big, 'a', INGEST_MAX_BYTES + 10);
    write_file("big.txt", big, INGEST_MAX_BYTES + 10);
    free(big);

    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    cr_assert_eq(c.articles, 1);
    cr_assert_eq(c.skipped, 4);
    cr_assert_geq(c.figures, 2, "figures: %zu", c.figures);
    cr_assert_geq(c.place_mentions, 1);
    rewind(log);
    char lines[4096] = "";
    size_t n = fread(lines, 1, sizeof lines - 1, log);
    lines[n] = '\0';
    fclose(log);
    cr_assert(strstr(lines, "empty.txt: empty") != NULL, "%s", lines);
    cr_assert(strstr(lines, "binary.txt: binary") != NULL, "%s", lines);
    cr_assert(strstr(lines, "badutf8.txt: invalid UTF-8") != NULL, "%s", lines);
    cr_assert(strstr(lines, "big.txt: larger than 1 MiB") != NULL, "%s", lines);

    json_t *a = NULL;
    cr_assert_eq(store_get(db, RES_ARTICLES, "good", &a), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(a, "body")), report);
    cr_assert_gt(json_array_size(json_object_get(a, "figures")), 0);
    json_decref(a);
    store_close(db);
}

Test(ingest_dir, restart_is_idempotent_and_changes_replace)
{
    write_file("a.txt", report, sizeof report - 1);
    write_file("b.txt", report, sizeof report - 1);
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    cr_assert_eq(c.articles, 2);
    char first_hash[64];
    cr_assert_eq(store_article_hash(db, "a", first_hash, sizeof first_hash), STORE_OK);

    ingest_counts again = {0};
    cr_assert_eq(ingest_path(db, model, seeds, &again, log), 0);
    cr_assert_eq(again.articles, 0);
    cr_assert_eq(again.unchanged, 2);

    static const char changed[] = "أعلنت وزارة الدفاع الروسية تدمير 5 دبابات قرب حماة.\n";
    write_file("a.txt", changed, sizeof changed - 1);
    ingest_counts third = {0};
    cr_assert_eq(ingest_path(db, model, seeds, &third, log), 0);
    cr_assert_eq(third.articles, 1);
    cr_assert_eq(third.unchanged, 1);
    char hash[64];
    cr_assert_eq(store_article_hash(db, "a", hash, sizeof hash), STORE_OK);
    cr_assert_str_neq(hash, first_hash);
    json_t *a = NULL;
    cr_assert_eq(store_get(db, RES_ARTICLES, "a", &a), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(a, "body")), changed);
    json_t *figs = json_object_get(a, "figures");
    cr_assert_eq(json_array_size(figs), 1, "old figures must be gone");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(figs, 0), "type")),
                     "destroyed");
    json_decref(a);

    char path[512];
    snprintf(path, sizeof path, "%s/b.txt", seeds);
    cr_assert_eq(unlink(path), 0);
    ingest_counts fourth = {0};
    cr_assert_eq(ingest_path(db, model, seeds, &fourth, log), 0);
    cr_assert_eq(fourth.removed, 1);
    json_t *b = NULL;
    cr_assert_eq(store_get(db, RES_ARTICLES, "b", &b), STORE_OK,
                 "a removed file's article is kept");
    json_decref(b);
    fclose(log);
    store_close(db);
}

Test(ingest_dir, sidecar_gives_title_and_outlet)
{
    write_file("s.txt", report, sizeof report - 1);
    static const char sidecar[] =
        "{\"title\": \"قصف على إدلب\", \"outlet\": \"رويترز\", \"url\": \"https://example.org/a\", "
        "\"published_at\": \"2016-08-07\"}";
    write_file("s.json", sidecar, sizeof sidecar - 1);
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    fclose(log);
    json_t *a = NULL;
    cr_assert_eq(store_get(db, RES_ARTICLES, "s", &a), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(a, "title")), "قصف على إدلب");
    cr_assert_str_eq(json_string_value(json_object_get(a, "url")), "https://example.org/a");
    cr_assert_str_eq(json_string_value(json_object_get(a, "published_at")), "2016-08-07");
    json_t *outlet = json_object_get(a, "outlet");
    cr_assert(json_is_object(outlet));
    cr_assert_str_eq(json_string_value(json_object_get(outlet, "name")), "رويترز");
    json_decref(a);
    store_close(db);
}

/* Places the gazetteer lacks are stored unresolved, one location per
 * name however it is written, with the kind of their context word. */
Test(ingest_dir, unknown_places_become_unresolved_locations)
{
    static const char one[] = "قصفت الطائرات قرية زعفرانة الصغرى صباحا في ريف إدلب.\n";
    static const char two[] = "عاد الأهالي إلى قرية زَعفرانة الصغرى بعد الهدنة.\n";
    write_file("one.txt", one, sizeof one - 1);
    write_file("two.txt", two, sizeof two - 1);
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    fclose(log);
    store_query q = {.res = RES_LOCATIONS, .limit = 10};
    size_t n;
    const store_filter_def *defs = store_filters(RES_LOCATIONS, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(defs[i].name, "resolved") == 0)
            q.filters[q.n_filters++] = (store_filter){.def = i, .text = "false"};
    cr_assert_eq(q.n_filters, 1);
    store_page page;
    cr_assert_eq(store_list(db, &q, &page), STORE_OK, "%s", store_errmsg(db));
    cr_assert_eq(page.total, 1);
    json_t *l = json_array_get(page.data, 0);
    cr_assert_eq(strncmp(json_string_value(json_object_get(l, "id")), "u-", 2), 0);
    cr_assert_str_eq(json_string_value(json_object_get(l, "name")), "زعفرانة الصغرى");
    cr_assert_str_eq(json_string_value(json_object_get(l, "kind")), "village");
    cr_assert(json_is_false(json_object_get(l, "resolved")));
    cr_assert(json_is_null(json_object_get(l, "lat")));
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(l, "counts"), "mentions")), 2);
    store_page_free(&page);
    store_close(db);
}

Test(ingest_dir, broken_sidecar_is_ignored_not_fatal)
{
    write_file("t.txt", report, sizeof report - 1);
    write_file("t.json", "{not json", 9);
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    cr_assert_eq(c.articles, 1);
    fclose(log);
    store_close(db);
}

Test(ingest_dir, links_out_of_the_folder_and_script_urls_are_refused)
{
    write_file("ok.txt", report, sizeof report - 1);
    static const char sidecar[] = "{\"url\": \"javascript:alert(1)\", \"title\": \"ع\"}";
    write_file("ok.json", sidecar, sizeof sidecar - 1);
    char outside[512], link[512];
    snprintf(outside, sizeof outside, "%s/outside.txt", dir);
    FILE *f = fopen(outside, "wb");
    cr_assert_not_null(f);
    fputs(report, f);
    fclose(f);
    snprintf(link, sizeof link, "%s/out.txt", seeds);
    cr_assert_eq(symlink(outside, link), 0);
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    cr_expect_eq(c.articles, 1);
    cr_expect_eq(c.skipped, 1, "the link out of the folder");
    json_t *a = NULL;
    cr_assert_eq(store_get(db, RES_ARTICLES, "ok", &a), STORE_OK);
    cr_expect(json_is_null(json_object_get(a, "url")));
    json_decref(a);
    cr_expect_eq(store_get(db, RES_ARTICLES, "out", &a), STORE_NOTFOUND);
    char logged[2048] = "";
    rewind(log);
    size_t n = fread(logged, 1, sizeof logged - 1, log);
    logged[n] = 0;
    cr_expect(strstr(logged, "out.txt: a link to outside the folder"), "%s", logged);
    cr_expect(strstr(logged, "'url' ignored"), "%s", logged);
    fclose(log);
    store_close(db);
}

/* The string field key of article id, or NULL when it is null. */
static char *article_field(store *db, const char *id, const char *key)
{
    json_t *a = NULL;
    cr_assert_eq(store_get(db, RES_ARTICLES, id, &a), STORE_OK, "no article %s", id);
    json_t *v = json_object_get(a, key);
    char *out = json_is_string(v) ? strdup(json_string_value(v)) : NULL;
    json_decref(a);
    return out;
}

static void expect_field(store *db, const char *id, const char *key, const char *want)
{
    char *got = article_field(db, id, key);
    if (want)
        cr_expect(got && strcmp(got, want) == 0, "%s.%s: '%s', want '%s'", id, key,
                  got ? got : "(null)", want);
    else
        cr_expect_null(got, "%s.%s: '%s', want null", id, key, got);
    free(got);
}

Test(ingest_dir, pages_feeds_and_exports_each_by_their_reader)
{
    static const char page[] =
        "<html><head><title>قصف على إدلب | موقع</title>"
        "<meta property=\"article:published_time\" content=\"2016-08-07T10:00:00+03:00\">"
        "<meta property=\"og:site_name\" content=\"موقع الشمال\"></head><body>"
        "<nav><a href=\"/\">الرئيسية</a> <a href=\"/a\">أخبار</a></nav><article><h1>قصف على "
        "إدلب</h1>"
        "<p>قال المرصد السوري إن 12 مدنيا قتلوا في قصف على مدينة إدلب.</p></article></body></html>";
    static const char sidecar[] = "{\"title\": \"عنوان من الملف المرافق\"}";
    static const char feed[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>وكالة "
        "الجنوب</title>"
        "<item><title>خبر أول</title><link>https://south.example/1</link><guid>g-1</guid>"
        "<pubDate>Sun, 07 Aug 2016 10:00:00 +0300</pubDate>"
        "<description>&lt;p&gt;قتل 5 عناصر في اشتباكات.&lt;/p&gt;</description></item>"
        "<item><title>بلا نص</title><guid>g-2</guid></item></channel></rss>";
    static const char jsonl[] =
        "{\"id\": \"rec-1\", \"body\": \"أصيب 3 مدنيين.\", \"outlet\": \"سانا\"}\n"
        "{\"title\": \"لا نص\"}\n";
    static const char csv[] =
        "title,body,url\nعنوان,\"قتل جندي، وأصيب آخر.\",https://x.example/c\n";
    write_file("p.html", page, sizeof page - 1);
    write_file("p.json", sidecar, sizeof sidecar - 1);
    write_file("f.rss", feed, sizeof feed - 1);
    write_file("e.jsonl", jsonl, sizeof jsonl - 1);
    write_file("e.csv", csv, sizeof csv - 1);
    write_file("notes.md", "x", 1);
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    cr_expect_eq(c.articles, 4);
    cr_expect_eq(c.skipped, 2, "the feed item and the line without text");
    char logged[2048] = "";
    rewind(log);
    size_t n = fread(logged, 1, sizeof logged - 1, log);
    logged[n] = 0;
    fclose(log);
    cr_expect(strstr(logged, "f.rss item 2 (بلا نص)") != NULL, "%s", logged);
    cr_expect(strstr(logged, "e.jsonl item 2") != NULL, "%s", logged);

    expect_field(db, "p", "format", "html");
    expect_field(db, "p", "title", "عنوان من الملف المرافق"); /* the sidecar wins */
    expect_field(db, "p", "published_at", "2016-08-07T07:00:00Z");
    char *body = article_field(db, "p", "body");
    cr_expect_str_eq(body, "قال المرصد السوري إن 12 مدنيا قتلوا في قصف على مدينة إدلب.");
    free(body);
    expect_field(db, "rec-1", "format", "jsonl");

    /* the feed item's id is the file's name and the hash of its guid */
    store_query q = {.res = RES_ARTICLES, .limit = 10};
    store_page pg;
    cr_assert_eq(store_list(db, &q, &pg), STORE_OK);
    size_t feeds = 0, csvs = 0;
    for (size_t i = 0; i < json_array_size(pg.data); i++) {
        json_t *a = json_array_get(pg.data, i);
        const char *id = json_string_value(json_object_get(a, "id"));
        const char *format = json_string_value(json_object_get(a, "format"));
        if (strcmp(format, "feed") == 0) {
            feeds++;
            cr_expect(strncmp(id, "f-", 2) == 0 && strlen(id) == 18, "%s", id);
            cr_expect_str_eq(json_string_value(json_object_get(a, "published_at")),
                             "2016-08-07T07:00:00Z");
            cr_expect_str_eq(
                json_string_value(json_object_get(json_object_get(a, "outlet"), "name")),
                "وكالة الجنوب");
        } else if (strcmp(format, "csv") == 0) {
            csvs++;
            cr_expect_str_eq(json_string_value(json_object_get(a, "url")), "https://x.example/c");
        }
    }
    cr_expect_eq(feeds, 1);
    cr_expect_eq(csvs, 1);
    store_page_free(&pg);

    /* a second import finds every item again, unchanged */
    ingest_counts again = {0};
    log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &again, log), 0);
    fclose(log);
    cr_expect_eq(again.articles, 0);
    cr_expect_eq(again.unchanged, 4);
    store_close(db);
}

/* A folder is read ahead of what is stored (the next documents are
 * extracted meanwhile), so whether a document is stored unchanged is asked
 * again when its turn comes: here a.html, read and stored first, replaces
 * article a, and a.txt, unchanged from the first import when it was read,
 * must then put a back as it says. */
Test(ingest_dir, an_id_named_twice_ends_as_the_last_file_says)
{
    static const char page[] = "<html><head><title>خبر</title></head><body><article>"
                               "<p>أعلنت وزارة الدفاع الروسية تدمير 5 دبابات قرب حماة.</p>"
                               "</article></body></html>";
    write_file("a.txt", report, sizeof report - 1);
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    cr_assert_eq(c.articles, 1);

    write_file("a.html", page, sizeof page - 1); /* sorts before a.txt */
    ingest_counts again = {0};
    cr_assert_eq(ingest_path(db, model, seeds, &again, log), 0);
    fclose(log);
    cr_expect_eq(again.articles, 2, "a.html, then a.txt over it");
    cr_expect_eq(again.unchanged, 0);
    char *body = article_field(db, "a", "body");
    cr_expect_str_eq(body, report);
    free(body);
    store_close(db);
}

/* What reading a file logs is held until the file is stored, so the lines
 * come out in the files' order however far ahead the reading runs: r00's
 * line, written when it is stored, comes before the later files' skips,
 * written when they are read. */
Test(ingest_dir, many_files_log_in_name_order)
{
    enum { N_FILES = 90 };
    static const char place[] = "حلب ";
    size_t long_len = (EXTRACT_MAX_ITEMS + 4) * (sizeof place - 1);
    char *names_too_many = malloc(long_len + 1);
    for (size_t at = 0; at < long_len; at += sizeof place - 1)
        memcpy(names_too_many + at, place, sizeof place - 1);
    write_file("r00.txt", names_too_many, long_len);
    free(names_too_many);
    for (int i = 1; i < N_FILES; i++) {
        char name[32];
        snprintf(name, sizeof name, "r%02d.txt", i);
        if (i % 3 == 0)
            write_file(name, "", 0);
        else
            write_file(name, report, sizeof report - 1);
    }
    store *db = open_store();
    ingest_counts c = {0};
    FILE *log = tmpfile();
    cr_assert_eq(ingest_path(db, model, seeds, &c, log), 0);
    cr_expect_eq(c.articles, N_FILES - N_FILES / 3 + 1);
    cr_expect_eq(c.skipped, N_FILES / 3 - 1);
    cr_expect_eq(c.files, N_FILES);
    rewind(log);
    char logged[16384] = "";
    size_t n = fread(logged, 1, sizeof logged - 1, log);
    logged[n] = 0;
    fclose(log);
    const char *at = strstr(logged, "r00.txt: 4 items past the limit");
    cr_assert_not_null(at, "%s", logged);
    for (int i = 3; i < N_FILES; i += 3) {
        char line[64];
        snprintf(line, sizeof line, "r%02d.txt: empty\n", i);
        const char *found = strstr(at, line);
        cr_assert_not_null(found, "%s missing or out of order in:\n%s", line, logged);
        at = found + strlen(line);
    }
    store_close(db);
}
