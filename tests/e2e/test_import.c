/* test_import.c — what people collect, imported by the real server: saved
 * pages in four layouts (a WordPress-style theme, a news CMS with JSON-LD,
 * an AMP page, a legacy table layout in windows-1256), an RSS 2.0 and an
 * Atom feed, a JSONL and a CSV export (tests/data/pages/, written for the
 * reader tests), and one story re-published by two other sites (written
 * here): every article with its title, date, outlet, url and the article's
 * text as body; the story one original and two copies; a page POSTed as
 * text/html stored as the import stores it.
 */
#include "../support/e2e.h"
#include "api_helpers.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TOKEN "test-token-0123456789abcdef"
#define AUTH "Authorization: Bearer " TOKEN

static const char *const PAGE_FILES[] = {"wordpress.html", "jsonld.html",  "amp.html",
                                         "legacy.html",    "feed_rss.xml", "feed_atom.atom",
                                         "export.jsonl",   "export.csv"};

/* One story, as three sites put it on their pages: the same paragraphs,
 * each site's own dateline, furniture and footer. */
#define STORY                                                                                                                                                              \
    "<p>أعلنت مديرية الصحة أن ثمانية أشخاص قتلوا وأصيب أكثر من عشرين آخرين في انفجار وقع صباح "      \
    "اليوم قرب سوق شعبي مزدحم في وسط المدينة.</p>"                                                                                         \
    "<p>وقال مسؤول في الدفاع المدني إن فرق الإنقاذ نقلت المصابين إلى ثلاثة مستشفيات قريبة، وإن "   \
    "بين القتلى امرأتين وطفلا.</p>"                                                                                                                   \
    "<p>وأضاف المسؤول أن الانفجار ألحق أضرارا كبيرة بعدد من المحال التجارية والسيارات المتوقفة " \
    "في الشارع.</p>"                                                                                                                                               \
    "<p>ولم تعلن أي جهة مسؤوليتها عن الانفجار حتى الآن، فيما فتحت السلطات تحقيقا لمعرفة "                \
    "ملابساته.</p>"                                                                                                                                                \
    "<p>وطوقت قوات الأمن المنطقة ومنعت الاقتراب من موقع الانفجار، بينما تجمع عشرات من الأهالي "    \
    "أمام المستشفيات للسؤال عن ذويهم.</p>"

static const struct {
    const char *file, *html;
} WIRE[] = {
    /* imported first (name order), published after the original */
    {"wire-1.html",
     "<html><head><title>ثمانية قتلى في انفجار قرب سوق - موقع الشرق</title>"
     "<meta property=\"article:published_time\" content=\"2024-07-01T12:00:00Z\"></head><body>"
     "<nav><a href=\"/\">الرئيسية</a> <a href=\"/news\">أخبار</a></nav><article>"
     "<h1>ثمانية قتلى في انفجار قرب سوق</h1><p>المدينة (وكالات) -</p>" STORY
     "<p>تابعوا آخر الأخبار على موقعنا.</p></article><footer>جميع الحقوق "
     "محفوظة</footer></body></html>"},
    {"wire-2.html",
     "<html><head><title>انفجار في وسط المدينة</title>"
     "<meta property=\"article:published_time\" content=\"2024-07-01T09:00:00Z\"></head><body>"
     "<article><h1>انفجار في وسط المدينة</h1>" STORY "</article></body></html>"},
    {"wire-3.html", "<html><head><title>قتلى وجرحى في انفجار</title>"
                    "<meta property=\"article:published_time\" content=\"2024-07-02\"></head><body>"
                    "<div class=\"sidebar\"><a href=\"/x\">الأكثر قراءة</a></div><article><h1>قتلى "
                    "وجرحى في انفجار</h1>"
                    "<p>عاجل | متابعة</p>" STORY "<p>المصدر: وكالات</p></article></body></html>"},
};

static char *data_file(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/pages/%s",
             getenv("MARSAD_TEST_DATA") ? getenv("MARSAD_TEST_DATA") : "tests/data", name);
    char *s = e2e_read_file(path, len);
    cr_assert_not_null(s, "cannot read %s", path);
    return s;
}

static void start_with_collection(void)
{
    char seeds[1024], path[1200];
    e2e_path(seeds, sizeof seeds, "seeds");
    cr_assert_eq(mkdir(seeds, 0755), 0);
    for (size_t i = 0; i < sizeof PAGE_FILES / sizeof PAGE_FILES[0]; i++) {
        size_t len;
        char *s = data_file(PAGE_FILES[i], &len);
        snprintf(path, sizeof path, "%s/%s", seeds, PAGE_FILES[i]);
        e2e_write_file(path, s, len);
        free(s);
    }
    for (size_t i = 0; i < sizeof WIRE / sizeof WIRE[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", seeds, WIRE[i].file);
        e2e_write_file(path, WIRE[i].html, strlen(WIRE[i].html));
    }
    e2e_path(path, sizeof path, "token");
    e2e_write_file(path, TOKEN "\n", strlen(TOKEN) + 1);
    e2e_start(NULL, "--token-file", path);
}

TestSuite(import, .init = start_with_collection, .fini = e2e_teardown, .timeout = 120);

/* The article whose field key is value, among items; fails when none. */
static json_t *find(json_t *items, const char *key, const char *value)
{
    size_t i;
    json_t *a;
    json_array_foreach(items, i, a)
    {
        const char *v = jstr(a, key);
        if (v && strcmp(v, value) == 0)
            return a;
    }
    cr_assert_fail("no article with %s = %s", key, value);
    return NULL;
}

static void expect_article(json_t *a, const char *format, const char *title,
                           const char *published_at, const char *outlet, const char *url)
{
    const char *id = jstr(a, "id");
    cr_expect_str_eq(jstr(a, "format"), format, "%s: format", id);
    if (title)
        cr_expect_str_eq(jstr(a, "title"), title, "%s: title", id);
    if (published_at)
        cr_expect_str_eq(jstr(a, "published_at"), published_at, "%s: published_at", id);
    if (outlet)
        cr_expect(jstr2(a, "outlet", "name") && strcmp(jstr2(a, "outlet", "name"), outlet) == 0,
                  "%s: outlet %s, want %s", id, jstr2(a, "outlet", "name"), outlet);
    else
        cr_expect(json_is_null(json_object_get(a, "outlet")), "%s: an outlet", id);
    if (url)
        cr_expect_str_eq(jstr(a, "url"), url, "%s: url", id);
    else
        cr_expect(json_is_null(json_object_get(a, "url")), "%s: a url", id);
}

/* The body served for article id equals the text in want. */
static void expect_body(const char *id, const char *want)
{
    json_t *a = get_ok("/v1/articles/%s", id);
    cr_expect_str_eq(jstr(a, "body"), want, "%s: body", id);
    json_decref(a);
}

static void expect_body_file(const char *id, const char *expected_file)
{
    size_t len;
    char *want = data_file(expected_file, &len);
    while (len && (want[len - 1] == '\n' || want[len - 1] == '\r'))
        want[--len] = '\0';
    expect_body(id, want);
    free(want);
}

Test(import, pages_in_four_layouts)
{
    json_t *all = fetch_all("/v1/articles?limit=500");
    expect_article(find(all, "id", "wordpress"), "html", "قصف مدفعي على أطراف بلدة في ريف حلب",
                   "2024-03-05T06:15:00Z", "شبكة الرصد المحلية",
                   "https://rasd.example/2024/03/shelling-aleppo/");
    expect_article(find(all, "id", "jsonld"), "html", "غارات جوية تستهدف مواقع قرب دير الزور",
                   "2023-11-20T14:05:00Z", "وكالة الأنباء الشرقية",
                   "https://east-news.example/news/2023/11/20/airstrikes");
    expect_article(find(all, "id", "amp"), "html", "انفجار عبوة ناسفة بسيارة في مدينة درعا",
                   "2024-01-14", "صحيفة الجنوب اليومية", "http://south-daily.example/article/8812");
    expect_article(find(all, "id", "legacy"), "html", "مقتل مدنيين في قصف على حماة", "2019-06-12",
                   NULL, NULL);
    expect_body_file("wordpress", "wordpress.expected");
    expect_body_file("jsonld", "jsonld.expected");
    expect_body_file("amp", "amp.expected");
    expect_body_file("legacy", "legacy.expected");
    json_decref(all);
}

Test(import, feeds_and_exports_item_by_item)
{
    json_t *all = fetch_all("/v1/articles?limit=500");
    size_t n_feed = 0, n_jsonl = 0, n_csv = 0, i;
    json_t *a;
    json_array_foreach(all, i, a)
    {
        const char *f = jstr(a, "format");
        n_feed += f && strcmp(f, "feed") == 0;
        n_jsonl += f && strcmp(f, "jsonl") == 0;
        n_csv += f && strcmp(f, "csv") == 0;
    }
    cr_expect_eq(n_feed, 4, "two items of each feed (one RSS item has no text)");
    cr_expect_eq(n_jsonl, 2, "two good lines of the JSONL export");
    cr_expect_eq(n_csv, 2, "two rows with a body");
    json_t *rss = find(all, "url", "https://sahel-news.example/2024/02/10/clashes");
    expect_article(rss, "feed", "اشتباكات على أطراف مدينة جبلة", "2024-02-10T16:45:00Z",
                   "موقع أخبار الساحل", /* the channel's title */
                   "https://sahel-news.example/2024/02/10/clashes");
    cr_expect(strncmp(jstr(rss, "id"), "feed_rss-", 9) == 0, "%s", jstr(rss, "id"));
    json_t *atom = find(all, "url", "https://north.example/a/501");
    expect_article(atom, "feed", "نزوح عشرات العائلات من قرى حدودية", "2024-04-02T07:30:00Z",
                   "مرصد الشمال", "https://north.example/a/501");
    expect_body(jstr(atom, "id"), "نزحت عشرات العائلات من قرى حدودية بعد قصف متواصل.\n"
                                  "وتحدث الأهالي عن نقص في الخيام.");
    expect_article(find(all, "id", "exp-001"), "jsonl", "قصف على بلدة في ريف إدلب",
                   "2024-05-01T05:00:00Z", "مرصد الجنوب", "https://south.example/n/1");
    expect_body("exp-001",
                "قتل مدنيان في قصف مدفعي على بلدة في ريف إدلب الجنوبي.\nوأصيب خمسة آخرون.");
    json_t *row = find(all, "url", "https://city.example/p/77");
    expect_article(row, "csv", "انقطاع الكهرباء عن أحياء المدينة", "2024-06-10T14:30:00",
                   "صحيفة المدينة", "https://city.example/p/77");
    expect_body(jstr(row, "id"), "انقطعت الكهرباء عن معظم أحياء المدينة منذ الصباح.\n"
                                 "وقال سكان إن المولدات توقفت بسبب نقص الوقود.");
    json_decref(all);
}

Test(import, a_story_republished_twice_is_one_original_and_two_copies)
{
    json_t *original = get_ok("/v1/articles/wire-2");
    cr_expect(json_is_null(json_object_get(original, "copy_of")), "the earliest is the original");
    json_decref(original);
    for (const char *const *id = (const char *const[]){"wire-1", "wire-3", NULL}; *id; id++) {
        json_t *copy = get_ok("/v1/articles/%s", *id);
        cr_expect(jstr(copy, "copy_of") && strcmp(jstr(copy, "copy_of"), "wire-2") == 0,
                  "%s: copy_of %s", *id, jstr(copy, "copy_of"));
        json_decref(copy);
    }
    json_t *copies = get_ok("/v1/articles/wire-2/copies");
    cr_expect_eq(jint(copies, "total"), 2);
    json_decref(copies);
    json_t *originals = fetch_all("/v1/articles?copy_of=null&limit=500");
    json_t *all = fetch_all("/v1/articles?limit=500");
    cr_expect_eq(json_array_size(originals) + 2, json_array_size(all), "all but the two copies");
    json_decref(originals);
    json_decref(all);
    e2e_response *r = e2e_get("/v1/articles/no-such-article/copies");
    cr_expect_eq(r->status, 404);
    e2e_response_free(r);
}

Test(import, a_page_posted_as_text_html)
{
    size_t len;
    char *page = data_file("jsonld.html", &len);
    e2e_response *r = e2e_send("POST", "/v1/articles", page, len, AUTH, "Content-Type: text/html");
    free(page);
    cr_assert_eq(r->status, 201, "%s", r->body);
    expect_article(r->json, "html", "غارات جوية تستهدف مواقع قرب دير الزور", "2023-11-20T14:05:00Z",
                   "وكالة الأنباء الشرقية", "https://east-news.example/news/2023/11/20/airstrikes");
    /* the same text as the imported page: its copy */
    cr_expect_str_eq(jstr(r->json, "copy_of"), "jsonld");
    e2e_response_free(r);
}
