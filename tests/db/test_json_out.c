/* test_json_out.c — db/json_out.c writes the bytes jansson's json_dumps
 * (JSON_COMPACT | JSON_REAL_PRECISION(10), as server/reply.c serialises)
 * gives for the same values, and fails where jansson would.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
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

/* Strings are checked sixteen bytes at a time where the machine allows:
 * random texts of every length mix plain runs (ASCII, Arabic) with what a
 * block cannot take (escapes, three- and four-byte characters, bytes that
 * are no UTF-8, a lead cut by the text's end), at every offset of a block.
 * Each must give jansson's bytes, or fail where jansson refuses the text. */
Test(json_out, random_strings_as_jansson_writes_them)
{
    static const char *const pieces[] = {
        "a",
        "z ",
        "0",
        "\"",
        "\\",
        "\n",
        "\x01",
        "\x1f",
        "\x7f",
        "\u062d",
        "\u0645\u0635",
        "\u00e9",
        "\u07ff",
        "\u20ac",
        "\U0001F600",
        "\xc0\x80",
        "\xff",
        "\x80",
        "\xd8",
        "\xe2\x82",
        "\xed\xa0\x80",
        "\u0642\u062a\u0644 \u0663\u0660",
        "\u0627\u0644\u0645\u0631\u0635\u062f",
    };
    enum { N_PIECES = sizeof pieces / sizeof pieces[0], CASES = 20000 };
    unsigned long long state = 0x9E3779B97F4A7C15ull;
    char text[160];
    for (int c = 0; c < CASES; c++) {
        size_t len = 0;
        state ^= state << 13, state ^= state >> 7, state ^= state << 17;
        size_t want = state % 120;
        /* Mostly Arabic, as stored text is, so long plain runs occur. */
        while (len < want) {
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;
            const char *p = state % 4 ? pieces[9 + state % 2] : pieces[(state >> 8) % N_PIECES];
            size_t k = strlen(p);
            if (len + k >= sizeof text)
                break;
            memcpy(text + len, p, k);
            len += k;
        }
        json_out o;
        json_out_init(&o, 1 << 16);
        json_out_str(&o, text, len);
        size_t out_len;
        char *ours = json_out_take(&o, &out_len);
        json_t *v = json_stringn(text, len);
        if (!v) {
            cr_assert_null(ours, "case %d: jansson refuses the text, json_out wrote %s", c, ours);
            continue;
        }
        cr_assert_not_null(ours, "case %d: json_out failed a text jansson takes", c);
        assert_same(v, ours, out_len);
        free(ours);
    }
}

/* One real through json_out, compared with jansson. */
static void check_real(double v)
{
    json_out o;
    json_out_init(&o, 1 << 10);
    json_out_real(&o, v);
    size_t len;
    char *ours = json_out_take(&o, &len);
    assert_same(json_real(v), ours, len);
    free(ours);
}

/* json_out writes reals from 1 to 1e9 without printf: its digits must be
 * printf's for coordinates with any number of decimals, for values of every
 * magnitude, and where the tenth significant digit is a rounding away from
 * a change of length (9.99999999995) or a half (1.00000000005). */
Test(json_out, reals_of_every_magnitude_as_jansson_writes_them)
{
    static const double edges[] = {1.0,           -1.0,           9.99999999995, 9.999999999949,
                                   1.00000000005, 1.000000000049, 999999999.5,   999999999.4,
                                   99999.999995,  123456.7890125, 1e9,           999999999.99999,
                                   35.0,          -0.99999999999};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        check_real(edges[i]);
    unsigned long long seed = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        int decimals = (int)(seed >> 60) % 9;
        long long units = (long long)((seed >> 20) % 36000000000ULL) - 18000000000LL;
        double coordinate = (double)units / 1e8; /* -180..180 with 8 decimals */
        double p10 = 1.0;
        for (int d = 0; d < decimals; d++)
            p10 *= 10.0;
        check_real(round(coordinate * p10) / p10);
        double any = ldexp((double)(seed >> 11) / 9007199254740992.0, (int)(seed % 40) - 5);
        check_real(seed & 1 ? any : -any);
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
