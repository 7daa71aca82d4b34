/* test_body.c — parsing article write bodies: JSON and plain text, the
 * fields, and every refusal with a reason that says where.
 */
#include "server/body.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static body_status parse(const char *body, const char *type, article_input *in, char *err)
{
    return body_parse_article(body, strlen(body), type, in, err, 256);
}

Test(body, json_with_every_field)
{
    article_input in;
    char err[256];
    cr_assert_eq(
        parse("{\"title\":\"ع\",\"body\":\"\\ufeffسطر\\r\\nثان\",\"outlet\":\"سانا\","
              "\"url\":\"https://x.org/a\",\"published_at\":\"2016-08-07T10:00:00+03:00\"}",
              "application/json; charset=utf-8", &in, err),
        BODY_OK, "%s", err);
    cr_expect_str_eq(in.text, "سطر\nثان", "BOM removed, CRLF turned to LF");
    cr_expect_eq(in.len, strlen("سطر\nثان"));
    cr_expect_str_eq(in.title, "ع");
    cr_expect_str_eq(in.outlet, "سانا");
    cr_expect_str_eq(in.url, "https://x.org/a");
    cr_expect_str_eq(in.published_at, "2016-08-07T10:00:00+03:00");
    article_input_free(&in);
}

Test(body, plain_text_and_nulls)
{
    article_input in;
    char err[256];
    cr_assert_eq(parse("قتل 3 جنود", "text/plain", &in, err), BODY_OK, "%s", err);
    cr_expect_str_eq(in.text, "قتل 3 جنود");
    cr_expect_null(in.title);
    article_input_free(&in);
    cr_assert_eq(parse("{\"body\":\"ن\",\"title\":null}", "APPLICATION/JSON", &in, err), BODY_OK,
                 "%s", err);
    cr_expect_null(in.title);
    article_input_free(&in);
    cr_assert_eq(
        parse("{\"body\":\"ن\",\"published_at\":\"2016-08-07\"}", "application/json", &in, err),
        BODY_OK);
    article_input_free(&in);
}

Test(body, html_page_read_for_its_article)
{
    article_input in;
    char err[256];
    cr_assert_eq(
        parse("<html><head><title>عنوان الخبر - موقع</title>"
              "<meta property=\"og:site_name\" content=\"موقع المثال\">"
              "<link rel=\"canonical\" href=\"https://example.org/n/1\"></head>"
              "<body><nav><a href=\"/\">الرئيسية</a></nav><article><h1>عنوان الخبر</h1>"
              "<p>قتل ثلاثة مدنيين في قصف على البلدة.</p><p>وأصيب خمسة آخرون.</p></article>"
              "<script>var x = 1;</script></body></html>",
              "text/html; charset=utf-8", &in, err),
        BODY_OK, "%s", err);
    cr_expect_str_eq(in.text, "قتل ثلاثة مدنيين في قصف على البلدة.\nوأصيب خمسة آخرون.");
    cr_expect_str_eq(in.title, "عنوان الخبر");
    cr_expect_str_eq(in.outlet, "موقع المثال");
    cr_expect_str_eq(in.url, "https://example.org/n/1");
    cr_expect_str_eq(in.format, "html");
    article_input_free(&in);
    cr_assert_eq(parse("قتل 3 جنود", "text/plain", &in, err), BODY_OK, "%s", err);
    cr_expect_str_eq(in.format, "api");
    article_input_free(&in);
}

static void expect(const char *body, const char *type, body_status want, const char *needle)
{
    article_input in;
    char err[256] = "";
    body_status got = parse(body, type, &in, err);
    cr_expect_eq(got, want, "%s (%s): status %d, want %d, err %s", body, type ? type : "-", got,
                 want, err);
    if (needle)
        cr_expect(strstr(err, needle) != NULL, "%s: err '%s' lacks '%s'", body, err, needle);
    if (got == BODY_OK)
        article_input_free(&in);
}

Test(body, refusals_say_why)
{
    expect("x", NULL, BODY_BAD_TYPE, "Content-Type");
    expect("x", "application/xml", BODY_BAD_TYPE, "application/xml");
    expect("<html><body><nav><a href=\"/\">x</a></nav></body></html>", "text/html", BODY_INVALID,
           "the page");
    expect("x", "application/jsonx", BODY_BAD_TYPE, NULL);
    expect("{\"body\": 5", "application/json", BODY_INVALID, "line 1, column");
    expect("[1,2]", "application/json", BODY_INVALID, "object");
    expect("{}", "application/json", BODY_INVALID, "body");
    expect("{\"body\":5}", "application/json", BODY_INVALID, "body");
    expect("{\"body\":\"ن\",\"titel\":\"x\"}", "application/json", BODY_INVALID, "titel");
    expect("{\"body\":\"ن\",\"body\":\"م\"}", "application/json", BODY_INVALID, "duplicate");
    expect("{\"body\":\"ن\",\"title\":7}", "application/json", BODY_INVALID, "title");
    expect("{\"body\":\"ن\",\"published_at\":\"yesterday\"}", "application/json", BODY_INVALID,
           "published_at");
    expect("{\"body\":\"ن\",\"published_at\":\"2016-8-7\"}", "application/json", BODY_INVALID,
           "published_at");
    expect("{\"body\":\"  \\n \"}", "application/json", BODY_INVALID, "empty");
    expect("{\"body\":\"a\\u0000b\"}", "application/json", BODY_INVALID, "u0000");
    expect("{\"body\":\"ن\",\"url\":\"a\\u0000b\"}", "application/json", BODY_INVALID, "u0000");
    expect("", "text/plain", BODY_INVALID, "empty");
    expect("ab\xc3", "text/plain", BODY_INVALID, "byte 2");
    expect("\xed\xa0\x80", "text/plain", BODY_INVALID, "UTF-8");
}

Test(body, nul_in_plain_text)
{
    article_input in;
    char err[256];
    cr_expect_eq(body_parse_article("a\0b", 3, "text/plain", &in, err, sizeof err), BODY_INVALID);
    cr_expect(strstr(err, "NUL") != NULL, "%s", err);
}

Test(body, size_limits)
{
    size_t n = BODY_MAX_BYTES + 1;
    char *big = malloc(n + 1);
    memset(big, 'a', n);
    big[n] = '\0';
    article_input in;
    char err[256];
    cr_expect_eq(body_parse_article(big, n, "text/plain", &in, err, sizeof err), BODY_TOO_LARGE);
    free(big);
    char field[BODY_MAX_FIELD + 40];
    memcpy(field, "{\"body\":\"ن\",\"title\":\"", 22);
    memset(field + 22, 'a', BODY_MAX_FIELD + 1);
    memcpy(field + 22 + BODY_MAX_FIELD + 1, "\"}", 3);
    cr_expect_eq(parse(field, "application/json", &in, err), BODY_INVALID);
    cr_expect(strstr(err, "title") != NULL, "%s", err);
}

/* A field's limit counts characters, as OpenAPI's maxLength does: 1500
 * Arabic letters (3000 bytes) are within 2048, 2049 are not. */
Test(body, field_limits_count_characters)
{
    size_t n = 2049 * 2 + 64;
    char *json = malloc(n + 32);
    cr_assert(json);
    for (size_t letters = 1500; letters <= 2049; letters += 549) {
        size_t used = (size_t)snprintf(json, n, "{\"body\":\"ن\",\"title\":\"");
        for (size_t k = 0; k < letters; k++) {
            memcpy(json + used, "ع", 2);
            used += 2;
        }
        memcpy(json + used, "\"}", 3);
        article_input in;
        char err[256] = "";
        body_status st = parse(json, "application/json", &in, err);
        if (letters <= BODY_MAX_FIELD) {
            cr_expect_eq(st, BODY_OK, "%zu letters: %s", letters, err);
            if (st == BODY_OK)
                article_input_free(&in);
        } else {
            cr_expect_eq(st, BODY_INVALID, "%zu letters", letters);
            cr_expect(strstr(err, "2048 characters") != NULL, "%s", err);
        }
    }
    free(json);
}
