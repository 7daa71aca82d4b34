/* test_page.c — saved article pages in four common layouts (a WordPress
 * theme, a news CMS with JSON-LD, an AMP page, a legacy table layout in
 * windows-1256), written for these tests in tests/data/pages/: the body is
 * the article text only, and title, date, outlet and url come from the
 * page's metadata in its order. Hostile and broken pages are refused or
 * read without crashing.
 */
#include "ingest/page.h"
#include "tests/ingest/pages_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct page_case {
    const char *file, *expected, *title, *published_at, *outlet, *url;
} page_case;

static const page_case LAYOUTS[] = {
    {"wordpress.html", "wordpress.expected", "قصف مدفعي على أطراف بلدة في ريف حلب",
     "2024-03-05T06:15:00Z", "شبكة الرصد المحلية", "https://rasd.example/2024/03/shelling-aleppo/"},
    {"jsonld.html", "jsonld.expected", "غارات جوية تستهدف مواقع قرب دير الزور",
     "2023-11-20T14:05:00Z", "وكالة الأنباء الشرقية",
     "https://east-news.example/news/2023/11/20/airstrikes"},
    {"amp.html", "amp.expected", "انفجار عبوة ناسفة بسيارة في مدينة درعا", "2024-01-14",
     "صحيفة الجنوب اليومية", "http://south-daily.example/article/8812"},
    {"legacy.html", "legacy.expected", "مقتل مدنيين في قصف على حماة", "2019-06-12", NULL, NULL},
};

static void assert_field(const char *got, const char *want, const char *what, const char *file)
{
    if (!want)
        cr_assert_null(got, "%s: %s should be absent, got '%s'", file, what, got);
    else
        cr_assert(got && strcmp(got, want) == 0, "%s: %s '%s', want '%s'", file, what,
                  got ? got : "(null)", want);
}

static void check_layout(const page_case *pc)
{
    size_t len, elen;
    char *html = slurp(pc->file, &len);
    char *expected = slurp(pc->expected, &elen);
    while (elen && expected[elen - 1] == '\n')
        expected[--elen] = '\0';
    reader_article a;
    char why[128];
    cr_assert_eq(page_read(html, len, &a, why, sizeof why), 0, "%s: %s", pc->file, why);
    cr_assert_str_eq(a.body, expected, "%s: body\n%s\n--- want\n%s", pc->file, a.body, expected);
    cr_assert_eq(a.len, strlen(a.body));
    assert_field(a.title, pc->title, "title", pc->file);
    assert_field(a.published_at, pc->published_at, "published_at", pc->file);
    assert_field(a.outlet, pc->outlet, "outlet", pc->file);
    assert_field(a.url, pc->url, "url", pc->file);
    cr_assert_null(a.key);
    reader_article_free(&a);
    free(html);
    free(expected);
}

Test(page, layouts)
{
    for (size_t i = 0; i < sizeof LAYOUTS / sizeof *LAYOUTS; i++)
        check_layout(&LAYOUTS[i]);
}

typedef struct bad_case {
    const char *html, *reason;
} bad_case;

static const bad_case REFUSED[] = {
    {"<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", "no article text found"},
    {"<html><head><meta charset='utf-8'></head><body><p>نص \xff\xfe</p></body></html>",
     "invalid UTF-8 at byte"},
    {"<html><head><meta charset=\"iso-8859-6\"></head><body><p>\xc7\xe1\xa1\xff</p></body></html>",
     "invalid iso-8859-6 at byte"},
    {"<html><head><meta charset='x-no-such-set'></head><body><p>a</p></body></html>",
     "unknown charset"},
    {"", "not an HTML page"},
};

Test(page, refused)
{
    for (size_t i = 0; i < sizeof REFUSED / sizeof *REFUSED; i++) {
        const bad_case *bc = &REFUSED[i];
        reader_article a;
        char why[128] = "";
        cr_assert_eq(page_read(bc->html, strlen(bc->html), &a, why, sizeof why), -1, "accepted: %s",
                     bc->html);
        cr_assert(strstr(why, bc->reason), "reason '%s', want '%s'", why, bc->reason);
        cr_assert_null(a.body);
    }
}

Test(page, title_suffix_and_http_only_urls)
{
    const char *html =
        "<html><head><title>عنوان الخبر | الموقع</title>"
        "<link rel='canonical' href='javascript:alert(1)'>"
        "<meta property='og:url' content='ftp://x.example/a'></head>"
        "<body><div><p>جملة أولى من نص الخبر.</p><p>جملة ثانية.</p></div></body></html>";
    reader_article a;
    char why[128];
    cr_assert_eq(page_read(html, strlen(html), &a, why, sizeof why), 0, "%s", why);
    cr_assert_str_eq(a.title, "عنوان الخبر");
    cr_assert_null(a.url);
    cr_assert_str_eq(a.body, "جملة أولى من نص الخبر.\nجملة ثانية.");
    reader_article_free(&a);
}

Test(page, deep_nesting_is_bounded)
{
    size_t depth = 100000, n = 0;
    char *html = malloc(depth * 11 + 64);
    for (size_t i = 0; i < depth; i++)
        memcpy(html + n, "<div>", 5), n += 5;
    n += (size_t)snprintf(html + n, 64, "<p>نص عميق</p>");
    reader_article a;
    char why[128];
    int rc = page_read(html, n, &a, why, sizeof why); /* read or refused; never a crash */
    if (rc == 0)
        reader_article_free(&a);
    free(html);
}
