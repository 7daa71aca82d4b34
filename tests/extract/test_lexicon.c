/* test_lexicon.c — extract/lexicon.c: parsing the TSV format, errors,
 * exact lookup and longest match over tokens (proclitics, sentences,
 * punctuation), and the compiled-in qualifier and name-number tables. */
#include "extract/blobs.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lexicon *LX;
static text T;

static void fini(void)
{
    lexicon_free(LX);
    LX = NULL;
    text_free(&T);
}

TestSuite(lexicon, .fini = fini);

static lexicon *load(const char *data)
{
    char err[256] = "";
    lexicon *lx = lexicon_new("t.tsv", data, strlen(data), err, sizeof err);
    cr_assert_not_null(lx, "lexicon_new: %s", err);
    return lx;
}

static void expect_error(const char *data, size_t len, const char *want)
{
    char err[256] = "";
    lexicon *lx = lexicon_new("t.tsv", data, len, err, sizeof err);
    cr_expect_null(lx, "accepted, want \"%s\"", want);
    cr_expect(strstr(err, want) != NULL, "error \"%s\", want \"%s\"", err, want);
    lexicon_free(lx);
}

static void init_text(const char *s)
{
    cr_assert_eq(text_init(&T, s, strlen(s)), 0);
}

/* ---- parsing ---- */

static const char SAMPLE[] = "# a comment\n"
                             "\n"
                             "جيش الفتح|جيش فتح\tgroup\tsy\r\n"
                             "حلب\tcity\n"
                             "مدينة حلب\tcity\textra\n"
                             "  \n"
                             "أحرار الشام\tgroup"; /* no final newline */

Test(lexicon, parses_entries_and_fields)
{
    LX = load(SAMPLE);
    cr_assert_eq(lexicon_size(LX), 4);
    const lexicon_entry *e = lexicon_entry_at(LX, 0);
    cr_expect_eq(e->n_fields, 3);
    cr_expect_str_eq(e->fields[0], "جيش الفتح"); /* first phrase as written */
    cr_expect_str_eq(e->fields[1], "group");
    cr_expect_str_eq(e->fields[2], "sy"); /* CR dropped */
    cr_expect_eq(e->line, 3);
    e = lexicon_entry_at(LX, 2);
    cr_expect_eq(e->line, 5);
    cr_expect_str_eq(e->fields[2], "extra");
    e = lexicon_entry_at(LX, 3); /* the blank line between was skipped */
    cr_expect_str_eq(e->fields[0], "أحرار الشام");
    cr_expect_eq(e->line, 7);
    cr_expect_null(lexicon_entry_at(LX, 4));
}

Test(lexicon, find_is_normalised_and_exact)
{
    LX = load("جيش الفتح|جيش فتح\tgroup\nمدينة حلب\tcity\nأحرار الشام\tgroup\n");
    cr_expect_eq(lexicon_find(LX, "جيش الفتح"), lexicon_entry_at(LX, 0));
    cr_expect_eq(lexicon_find(LX, "جيش فتح"), lexicon_entry_at(LX, 0)); /* second phrase */
    cr_expect_eq(lexicon_find(LX, "مدينه حلب"), lexicon_entry_at(LX, 1));
    cr_expect_eq(lexicon_find(LX, "احرار الشام"), lexicon_entry_at(LX, 2));
    cr_expect_null(lexicon_find(LX, "جيش"));
    cr_expect_null(lexicon_find(LX, "جيش الفتح الاسلامي"));
    cr_expect_null(lexicon_find(LX, ""));
    cr_expect_null(lexicon_find(NULL, "حلب"));
}

Test(lexicon, every_phrase_of_every_entry_in_file_order)
{
    LX = load(
        "جيش الفتح|جيش فتح\tgroup\n# a comment\nمدينة حلب\tcity\nأحرار الشام|الأحرار\tgroup\n");
    static const struct {
        const char *phrase;
        size_t entry;
    } want[] = {
        {"جيش الفتح", 0}, {"جيش فتح", 0}, {"مدينه حلب", 1}, {"احرار الشام", 2}, {"الاحرار", 2}};
    size_t entry = 99;
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        const char *p = lexicon_phrase_at(LX, k, &entry);
        cr_assert_not_null(p, "phrase %zu", k);
        cr_expect_str_eq(p, want[k].phrase, "phrase %zu is normalised", k);
        cr_expect_eq(entry, want[k].entry, "phrase %zu", k);
    }
    cr_expect_null(lexicon_phrase_at(LX, 5, &entry));
    cr_expect_null(lexicon_phrase_at(NULL, 0, &entry));
    cr_expect_str_eq(lexicon_phrase_at(LX, 0, NULL), "جيش الفتح");
}

Test(lexicon, errors_name_the_file_and_line)
{
    expect_error("حلب\tcity\na||b\tx\n", 16, "t.tsv:2: empty phrase");
    expect_error("حلب\n\tx\n", strlen("حلب\n\tx\n"), "t.tsv:2: empty phrase");
    expect_error("حلب\n \u064B \tx\n", strlen("حلب\n \u064B \tx\n"), "t.tsv:2: empty phrase");
    expect_error("ا ب ت ث ج ح خ د ذ\tx\n", strlen("ا ب ت ث ج ح خ د ذ\tx\n"),
                 "t.tsv:1: phrase of more than 8 words");
    expect_error("a\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\tm\n", 26, "t.tsv:1: more than 12 fields");
    expect_error("# ok\nab\xFF\tx\n", 10, "t.tsv:2: invalid UTF-8");
    expect_error("a\0b\tx\n", 6, "t.tsv:1: invalid UTF-8");

    size_t n = LEXICON_MAX_LINE + 10;
    char *big = malloc(n + 16);
    cr_assert_not_null(big);
    memcpy(big, "ok\n", 3);
    memset(big + 3, 'x', n);
    big[3 + n] = '\n';
    expect_error(big, n + 4, "t.tsv:2: line longer than 4096 bytes");
    free(big);

    /* err may be NULL */
    cr_expect_null(lexicon_new("t.tsv", "a||b", 4, NULL, 0));
}

Test(lexicon, limits_are_inclusive)
{
    LX = load("ا ب ت ث ج ح خ د\ta\tb\tc\td\te\tf\tg\th\ti\tj\tk\n");
    cr_expect_eq(lexicon_entry_at(LX, 0)->n_fields, 12);
    cr_expect_not_null(lexicon_find(LX, "ا ب ت ث ج ح خ د"));
}

Test(lexicon, empty_lexicon)
{
    LX = load("# nothing\n\n");
    cr_expect_eq(lexicon_size(LX), 0);
    init_text("حلب");
    lexicon_match m;
    cr_expect(!lexicon_match_at(LX, &T, 0, PROCLITICS_ALL, &m));
    cr_expect_null(lexicon_find(LX, "حلب"));
    lexicon_free(NULL);
    cr_expect_eq(lexicon_size(NULL), 0);
}

Test(lexicon, many_entries)
{
    size_t n = 5000, cap = n * 16;
    char *data = malloc(cap), phrase[32];
    cr_assert_not_null(data);
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(data + o, cap - o, "w%zu x%zu\t%zu\n", i, i % 7, i);
    LX = lexicon_new("many", data, o, NULL, 0);
    free(data);
    cr_assert_not_null(LX);
    cr_assert_eq(lexicon_size(LX), n);
    for (size_t i = 0; i < n; i += 37) {
        char norm[64];
        snprintf(phrase, sizeof phrase, "w%zu x%zu", i, i % 7);
        text_normalize(phrase, strlen(phrase), norm, sizeof norm); /* "w 12 x 5" */
        const lexicon_entry *e = lexicon_find(LX, norm);
        cr_assert_not_null(e, "%s", phrase);
        cr_expect_eq(strtoul(e->fields[1], NULL, 10), i);
    }
}

/* ---- matching ---- */

Test(lexicon, longest_match_wins)
{
    LX = load("جيش\tA\nجيش الفتح\tB\nجيش الفتح الإسلامي\tC\nالفتح\tD\n");
    init_text("قال جيش الفتح الإسلامي إن جيش الفتح انسحب وجيش آخر");
    lexicon_match m;
    cr_assert(lexicon_match_at(LX, &T, 1, PROCLITICS_NONE, &m));
    cr_expect_str_eq(m.entry->fields[1], "C");
    cr_expect_eq(m.tok_first, 1);
    cr_expect_eq(m.tok_end, 4);
    cr_expect_eq(m.sp.start, 4);
    cr_expect_eq(m.sp.end, 22);
    cr_expect(!m.stripped);
    cr_assert(lexicon_match_at(LX, &T, 5, PROCLITICS_NONE, &m));
    cr_expect_str_eq(m.entry->fields[1], "B");
    cr_expect(!lexicon_match_at(LX, &T, 0, PROCLITICS_ALL, &m));
    cr_expect(!lexicon_match_at(LX, &T, 99, PROCLITICS_ALL, &m));
}

Test(lexicon, punctuation_and_sentences_end_a_phrase)
{
    LX = load("جيش\tA\nجيش الفتح\tB\n");
    lexicon_match m;
    init_text("جيش، الفتح");
    cr_assert(lexicon_match_at(LX, &T, 0, PROCLITICS_NONE, &m));
    cr_expect_str_eq(m.entry->fields[1], "A");
    text_free(&T);
    init_text("جيش. الفتح");
    cr_assert(lexicon_match_at(LX, &T, 0, PROCLITICS_NONE, &m));
    cr_expect_str_eq(m.entry->fields[1], "A");
    text_free(&T);
    init_text("جيش\nالفتح");
    cr_assert(lexicon_match_at(LX, &T, 0, PROCLITICS_NONE, &m));
    cr_expect_eq(m.tok_end, 1);
}

Test(lexicon, punctuation_inside_a_phrase_matches_itself)
{
    LX = load("T-72\tmodel\n");
    lexicon_match m;
    init_text("دبابة T-72 روسية");
    cr_assert(lexicon_match_at(LX, &T, 1, PROCLITICS_NONE, &m));
    cr_expect_eq(m.tok_end, 4);
    cr_expect_eq(m.sp.start, 6);
    cr_expect_eq(m.sp.end, 10);
}

Test(lexicon, proclitics_are_stripped_from_the_first_word_only)
{
    LX = load("جيش الفتح\tB\nالراموسة\tR1\nراموسة\tR2\nلواء\tL\n");
    lexicon_match m;
    init_text("وبجيش الفتح وَبِجَيْش الفتح جيش والفتح");
    cr_expect(!lexicon_match_at(LX, &T, 0, PROCLITICS_NONE, &m));
    cr_assert(lexicon_match_at(LX, &T, 0, PROCLITICS_ALL, &m));
    cr_expect(m.stripped);
    cr_expect_eq(m.sp.start, 2); /* after و ب */
    cr_expect_eq(m.sp.end, 11);
    cr_assert(lexicon_match_at(LX, &T, 2, PROCLITICS_ALL, &m));
    cr_expect_eq(m.sp.start, T.tok[2].sp.start + 4); /* و َ ب ِ */
    cr_expect(
        !lexicon_match_at(LX, &T, 4, PROCLITICS_ALL, &m)); /* والفتح is not الفتح's second word */
    text_free(&T);

    init_text("الراموسة بالراموسة للواء");
    cr_assert(lexicon_match_at(LX, &T, 0, PROCLITICS_ALL, &m));
    cr_expect_str_eq(m.entry->fields[1], "R1"); /* unstripped first */
    cr_expect(!m.stripped);
    cr_assert(lexicon_match_at(LX, &T, 1, PROCLITICS_ALL, &m));
    cr_expect_str_eq(m.entry->fields[1], "R1"); /* بالراموسة: ب off, الراموسة tried before راموسة */
    cr_expect_eq(m.sp.start, T.tok[1].sp.start + 1);
    cr_assert(lexicon_match_at(LX, &T, 2, PROCLITICS_ALL, &m));
    cr_expect_str_eq(m.entry->fields[1], "L");
    cr_expect_eq(m.sp.start, T.tok[2].sp.start + 1);
}

Test(lexicon, normalised_matching)
{
    LX = load("مِئة\tH\nإحدى عشرة\tE\n");
    lexicon_match m;
    init_text("مائة مئه احدي عشره");
    cr_expect(!lexicon_match_at(LX, &T, 0, PROCLITICS_NONE, &m)); /* مايه is not ميه */
    cr_assert(lexicon_match_at(LX, &T, 1, PROCLITICS_NONE, &m));
    cr_assert(lexicon_match_at(LX, &T, 2, PROCLITICS_NONE, &m));
    cr_expect_str_eq(m.entry->fields[1], "E");
}

Test(lexicon, earlier_line_wins_a_tie)
{
    LX = load("حلب\tfirst\nحلب\tsecond\n");
    lexicon_match m;
    init_text("حلب");
    cr_assert(lexicon_match_at(LX, &T, 0, PROCLITICS_ALL, &m));
    cr_expect_str_eq(m.entry->fields[1], "first");
    cr_expect_str_eq(lexicon_find(LX, "حلب")->fields[1], "first");
}

/* ---- the compiled-in tables ---- */

Test(lexicon, qualifier_table)
{
    const data_blob *b = data_blob_find("lexicon/qualifiers.tsv");
    cr_assert_not_null(b);
    char err[256] = "";
    LX = lexicon_new("qualifiers.tsv", b->data, b->len, err, sizeof err);
    cr_assert_not_null(LX, "%s", err);
    for (size_t i = 0; i < lexicon_size(LX); i++) {
        const lexicon_entry *e = lexicon_entry_at(LX, i);
        qualifier q;
        cr_expect_eq(e->n_fields, 3, "line %zu", e->line);
        cr_expect(qualifier_parse(e->fields[1], &q), "line %zu: %s", e->line, e->fields[1]);
        cr_expect(strcmp(e->fields[2], "before") == 0 || strcmp(e->fields[2], "after") == 0 ||
                      strcmp(e->fields[2], "both") == 0,
                  "line %zu: %s", e->line, e->fields[2]);
    }
    static const struct {
        const char *phrase, *qual;
    } need[] = {
        {"أكثر من", "more_than"},
        {"ما يزيد عن", "more_than"},
        {"ما يزيد على", "more_than"},
        {"يزيد عن", "more_than"},
        {"فوق", "more_than"},
        {"أزيد من", "more_than"},
        {"على الأقل", "at_least"},
        {"ما لا يقل عن", "at_least"},
        {"لا يقل عن", "at_least"},
        {"نحو", "about"},
        {"حوالي", "about"},
        {"حوالى", "about"},
        {"قرابة", "about"},
        {"زهاء", "about"},
        {"ما يقارب", "about"},
        {"يقارب", "about"},
        {"تقريبا", "about"},
        {"تقريبًا", "about"},
        {"ما يناهز", "about"},
        {"يناهز", "about"},
        {"حتى", "up_to"},
        {"ما يصل إلى", "up_to"},
        {"يصل إلى", "up_to"},
        {"أقل من", "less_than"},
        {"ما دون", "less_than"},
        {"دون", "less_than"},
    };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        char norm[128];
        text_normalize(need[i].phrase, strlen(need[i].phrase), norm, sizeof norm);
        const lexicon_entry *e = lexicon_find(LX, norm);
        cr_expect_not_null(e, "%s missing", need[i].phrase);
        if (e)
            cr_expect_str_eq(e->fields[1], need[i].qual, "%s", need[i].phrase);
    }
    const lexicon_entry *e = lexicon_find(LX, "تقريبا");
    cr_assert_not_null(e);
    cr_expect_str_neq(e->fields[2], "before");
}

Test(lexicon, name_number_table)
{
    const data_blob *b = data_blob_find("lexicon/name_numbers.tsv");
    cr_assert_not_null(b);
    char err[256] = "";
    LX = lexicon_new("name_numbers.tsv", b->data, b->len, err, sizeof err);
    cr_assert_not_null(LX, "%s", err);
    static const char *const need[] = {"مشروع", "شارع", "طريق",  "لواء",
                                       "فرقه",  "فوج",  "كتيبه", "قطاع"};
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
        cr_expect_not_null(lexicon_find(LX, need[i]), "%s missing", need[i]);
}
