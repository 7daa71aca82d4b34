/* test_json_out.c — db/json_out.c writes the bytes jansson's json_dumps
 * (JSON_COMPACT | JSON_REAL_PRECISION(10), as server/reply.c serialises)
 * gives for the same values, and fails where jansson would.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "db/json_out.h"

#define DUMP_FLAGS (JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(10))

/* jansson's bytes for v (taken), and json_out's for the same value. */
static void assert_same(json_t *v, const char *ours, size_t len)
{
    char *theirs = json_dumps(v, DUMP_FLAGS);
    json_decref(v);
    cr_assert_not_null(theirs);
    cr_assert_not_null(ours);
    cr_assert_eq(strlen(theirs), len, "jansson: %s, json_out: %s", theirs, ours);
    cr_assert_str_eq(ours, theirs);
    free(theirs);
}

Test(json_out, strings_escape_as_jansson_does)
{
    static const char *const texts[] = {
        "",
        "قتل ثلاثة مدنيين في القصف",
        "a \"quoted\" word and a back\\slash",
        "tab\there, line\nbreak, return\r, feed\f, bell\b",
        "\x01\x1f control bytes \x7f and a slash /",
        "mixed: ٣٠ قتيلاً — «مصدر»",
        "three and four bytes: \u20ac \u2014 \U0001F600 at the end \u0800\uFFFD",
        "two bytes at the edges: \xc2\x80 \u07FF \u00e9",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        json_out o;
        json_out_init(&o, 1 << 16);
        json_out_str(&o, texts[i], strlen(texts[i]));
        size_t len;
        char *ours = json_out_take(&o, &len);
        assert_same(json_string(texts[i]), ours, len);
        free(ours);
    }
}

Test(json_out, numbers_as_jansson_writes_them)
{
    static const double reals[] = {36.2, 37.123456789,   0.1,        2.0,     -0.0,         1e20,
                                   1e-7, 123456789012.5, -33.000001, 1.5e300, 35.9999999999};
    for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
        json_out o;
        json_out_init(&o, 1 << 16);
        json_out_real(&o, reals[i]);
        size_t len;
        char *ours = json_out_take(&o, &len);
        assert_same(json_real(reals[i]), ours, len);
        free(ours);
    }
    static const long long ints[] = {0,
                                     -1,
                                     42,
                                     9007199254740993LL,
                                     -9223372036854775807LL - 1,
                                     10,
                                     -10,
                                     9223372036854775807LL,
                                     1000000};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        json_out o;
        json_out_init(&o, 1 << 16);
        json_out_int(&o, ints[i]);
        size_t len;
        char *ours = json_out_take(&o, &len);
        assert_same(json_integer(ints[i]), ours, len);
        free(ours);
    }
}

Test(json_out, an_object_written_by_hand)
{
    json_out o;
    json_out_init(&o, 1 << 16);
    json_out_lit(&o, "{");
    json_out_key(&o, "id");
    json_out_str(&o, "a1", 2);
    json_out_lit(&o, ",");
    json_out_key(&o, "lat");
    json_out_real(&o, 36.2);
    json_out_lit(&o, "}");
    size_t len;
    char *ours = json_out_take(&o, &len);
    assert_same(json_pack("{s:s, s:f}", "id", "a1", "lat", 36.2), ours, len);
    free(ours);
}

Test(json_out, failures_stick)
{
    static const struct {
        const char *text;
        size_t len;
    } bad[] = {
        {"\xff\xfe", 2},                /* not UTF-8 */
        {"cut \xd8", 5},                /* a character cut in two */
        {"nul \0 inside", 12},          /* jansson's strings may hold it; stored text never does */
        {"over\xc0\xaflong", 10},       /* '/' in two bytes */
        {"\xc1\xbf", 2},                /* overlong DEL */
        {"\xe0\x80\xaf", 3},            /* '/' in three bytes */
        {"\xed\xa0\x80 surrogate", 13}, /* U+D800 */
        {"\xf4\x90\x80\x80", 4},        /* above U+10FFFF */
        {"\x80 alone", 7},              /* a continuation byte first */
        {"\xd8"
         "A",
         2},             /* a lead byte, then ASCII */
        {"\xe2\x82", 2}, /* three bytes cut at two */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_out o;
        json_out_init(&o, 1 << 16);
        json_out_str(&o, bad[i].text, bad[i].len);
        json_out_lit(&o, "more");
        if (!memchr(bad[i].text, 0, bad[i].len)) /* jansson refuses the same, NUL aside */
            cr_assert_null(json_stringn(bad[i].text, bad[i].len), "case %zu", i);
        size_t len;
        cr_assert_null(json_out_take(&o, &len), "case %zu", i);
        json_out_free(&o);
    }
    json_out o;
    json_out_init(&o, 1 << 16);
    json_out_real(&o, 1.0 / 0.0);
    size_t len;
    cr_assert_null(json_out_take(&o, &len));
}

Test(json_out, the_maximum_holds)
{
    json_out o;
    json_out_init(&o, 8);
    json_out_lit(&o, "1234567");
    cr_assert_not(o.failed);
    json_out_lit(&o, "89");
    cr_assert(o.failed);
    size_t len;
    cr_assert_null(json_out_take(&o, &len));
    json_out_free(&o);
    json_out_free(NULL);
}
