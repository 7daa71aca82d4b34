/* test_records.c — JSONL and CSV exports written for these tests
 * (tests/data/pages/export.*): each record with its fields, dates as ISO
 * 8601 UTC, RFC 4180 quoting with quotes, commas and line breaks inside a
 * field, and every unusable record a skip naming its line and reason.
 */
#include "ingest/records.h"
#include "tests/ingest/pages_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rec_case {
    const char *id, *title, *outlet, *url, *published_at, *body;
} rec_case;

static void check(const reader_batch *b, const rec_case *want, size_t n, const char *const *skips,
                  size_t n_skips)
{
    cr_assert_eq(b->n, n, "%zu records, want %zu", b->n, n);
    for (size_t i = 0; i < n; i++) {
        const reader_article *a = &b->items[i];
        const char *got[6] = {a->id, a->title, a->outlet, a->url, a->published_at, a->body};
        const char *exp[6] = {want[i].id,  want[i].title,        want[i].outlet,
                              want[i].url, want[i].published_at, want[i].body};
        for (size_t k = 0; k < 6; k++) {
            if (!exp[k])
                cr_assert_null(got[k], "record %zu field %zu: '%s'", i, k, got[k]);
            else
                cr_assert(got[k] && strcmp(got[k], exp[k]) == 0,
                          "record %zu field %zu: '%s', want '%s'", i, k, got[k] ? got[k] : "(null)",
                          exp[k]);
        }
        cr_assert_eq(a->len, strlen(a->body));
    }
    cr_assert_eq(b->n_skips, n_skips, "%zu skips", b->n_skips);
    for (size_t i = 0; i < n_skips; i++)
        cr_assert(strstr(b->skips[i], skips[i]), "skip %zu: '%s', want '%s'", i, b->skips[i],
                  skips[i]);
}

Test(records, jsonl)
{
    static const rec_case want[] = {
        {"exp-001", "قصف على بلدة في ريف إدلب", "مرصد الجنوب", "https://south.example/n/1",
         "2024-05-01T05:00:00Z",
         "قتل مدنيان في قصف مدفعي على بلدة في ريف إدلب الجنوبي.\nوأصيب خمسة آخرون."},
        {NULL, NULL, NULL, "https://south.example/n/3", "2024-05-03",
         "أعلنت السلطات فتح معبر إنساني جديد."},
    };
    static const char *const skips[] = {"item 2 (سطر بلا نص): no body", "item 5: not a JSON object",
                                        "item 6: published_at: not a date"};
    size_t len;
    char *buf = slurp("export.jsonl", &len);
    reader_batch b;
    char why[128];
    cr_assert_eq(records_read_jsonl(buf, len, &b, why, sizeof why), 0, "%s", why);
    check(&b, want, 2, skips, 3);
    reader_batch_free(&b);
    free(buf);
}

Test(records, csv)
{
    static const rec_case want[] = {
        {NULL, "انقطاع الكهرباء عن أحياء المدينة", "صحيفة المدينة", "https://city.example/p/77",
         "2024-06-10T14:30:00",
         "انقطعت الكهرباء عن معظم أحياء المدينة منذ الصباح.\nوقال سكان إن المولدات توقفت بسبب نقص "
         "الوقود."},
        {NULL, "عنوان فيه فاصلة", NULL, NULL, NULL, "نص قصير عن \"المعبر\", مع علامات اقتباس."},
    };
    static const char *const skips[] = {"item 4 (بلا نص): no body"};
    size_t len;
    char *buf = slurp("export.csv", &len);
    reader_batch b;
    char why[128];
    cr_assert_eq(records_read_csv(buf, len, &b, why, sizeof why), 0, "%s", why);
    check(&b, want, 2, skips, 1);
    reader_batch_free(&b);
    free(buf);
}

Test(records, csv_refused)
{
    static const struct {
        const char *csv, *reason;
    } cases[] = {
        {"title,text\nأ,ب\n", "no body column"},
        {"\"title,body\n", "unterminated quote"},
        {"body\n\xff\n", "invalid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        reader_batch b;
        char why[128] = "";
        cr_assert_eq(records_read_csv(cases[i].csv, strlen(cases[i].csv), &b, why, sizeof why), -1);
        cr_assert(strstr(why, cases[i].reason), "case %zu: '%s'", i, why);
    }
}

Test(records, csv_unterminated_quote_in_a_record_is_a_skip)
{
    const char *csv = "body,title\n\"نص أول\",أ\n\"نص لا ينتهي,ب\n";
    reader_batch b;
    char why[128];
    cr_assert_eq(records_read_csv(csv, strlen(csv), &b, why, sizeof why), 0, "%s", why);
    cr_assert_eq(b.n, 1);
    cr_assert_str_eq(b.items[0].body, "نص أول");
    cr_assert_eq(b.n_skips, 1);
    cr_assert_str_eq(b.skips[0], "item 3: unterminated quote");
    reader_batch_free(&b);
}
