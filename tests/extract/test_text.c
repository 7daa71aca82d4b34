/* test_text.c — extract/text.c: decoding, tokens, normalisation, sentences,
 * slices, proclitic forms and tokens located in bytes. Sentences are our
 * own, not from the seeds. */
#include "extract/text.h"
#include "tests/extract/repeated.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static text T;

static void init_ok(const char *s)
{
    int rc = text_init(&T, s, strlen(s));
    cr_assert_eq(rc, 0, "text_init(\"%s\") = %d", s, rc);
}

static void fini(void)
{
    text_free(&T);
}

TestSuite(text, .fini = fini);

/* ---- decoding ---- */

Test(text, decodes_code_points)
{
    init_ok("قال: 5");
    cr_assert_eq(T.n_cp, 6);
    cr_assert_eq(T.cp[0], 0x0642);
    cr_assert_eq(T.cp[3], ':');
    cr_assert_eq(T.cp[5], '5');
}

Test(text, rejects_invalid_utf8)
{
    static const struct {
        const char *bytes;
        size_t len;
        const char *why;
    } bad[] = {
        {"\xC0\xAF", 2, "overlong /"},
        {"\xE0\x80\xAF", 3, "overlong three-byte"},
        {"\xED\xA0\x80", 3, "surrogate"},
        {"\xF4\x90\x80\x80", 4, "above U+10FFFF"},
        {"\xD8", 1, "truncated"},
        {"\x80", 1, "lone continuation"},
        {"\xFF", 1, "invalid lead byte"},
        {"ab\0cd", 5, "NUL"},
        {"\xD9\x82\xD8", 3, "truncated after a letter"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        text t;
        cr_expect_eq(text_init(&t, bad[i].bytes, bad[i].len), -1, "%s", bad[i].why);
        cr_expect_eq(t.n_tok, 0);
        cr_expect_null(t.cp);
        text_free(&t); /* harmless */
    }
}

Test(text, rejects_oversized_input)
{
    size_t n = TEXT_MAX_BYTES + 1;
    char *big = malloc(n);
    cr_assert_not_null(big);
    memset(big, 'a', n);
    text t;
    cr_expect_eq(text_init(&t, big, n), -2);
    cr_expect_eq(t.n_cp, 0);
    free(big);
}

Test(text, accepts_exactly_the_limit)
{
    size_t n = TEXT_MAX_BYTES;
    char *big = malloc(n);
    cr_assert_not_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = i % 8 == 7 ? ' ' : 'a';
    cr_assert_eq(text_init(&T, big, n), 0);
    cr_expect_eq(T.n_cp, n);
    cr_expect_eq(T.n_tok, n / 8);
    free(big);
}

Test(text, empty_and_null)
{
    cr_assert_eq(text_init(&T, "", 0), 0);
    cr_expect_eq(T.n_tok, 0);
    cr_expect_eq(T.n_sentences, 0);
    text_free(&T);
    cr_assert_eq(text_init(&T, NULL, 0), 0);
    text_free(NULL);
}

Test(text, drops_a_leading_bom)
{
    init_ok("\xEF\xBB\xBFحلب");
    cr_expect_eq(T.n_cp, 3);
    cr_expect_eq(T.tok[0].sp.start, 0);
}

/* ---- tokens ---- */

typedef struct tok_case {
    token_kind kind;
    const char *norm;
    uint32_t start, end;
} tok_case;

static void expect_tokens(const char *s, const tok_case *want, size_t n)
{
    text t;
    cr_assert_eq(text_init(&t, s, strlen(s)), 0, "%s", s);
    cr_expect_eq(t.n_tok, n, "\"%s\": %zu tokens, want %zu", s, t.n_tok, n);
    for (size_t i = 0; i < n && i < t.n_tok; i++) {
        cr_expect_eq(t.tok[i].kind, want[i].kind, "\"%s\" token %zu kind", s, i);
        cr_expect_str_eq(t.tok[i].norm, want[i].norm, "\"%s\" token %zu", s, i);
        cr_expect_eq(t.tok[i].sp.start, want[i].start, "\"%s\" token %zu start", s, i);
        cr_expect_eq(t.tok[i].sp.end, want[i].end, "\"%s\" token %zu end", s, i);
    }
    text_free(&t);
}

#define EXPECT_TOKENS(s, ...)                           \
    do {                                                \
        static const tok_case w_[] = {__VA_ARGS__};     \
        expect_tokens(s, w_, sizeof w_ / sizeof w_[0]); \
    } while (0)

Test(text, words_and_spaces)
{
    EXPECT_TOKENS("قال  الجيش\tأمس", {TOK_WORD, "قال", 0, 3}, {TOK_WORD, "الجيش", 5, 10},
                  {TOK_WORD, "امس", 11, 14});
}

Test(text, numbers_keep_separators_between_digits)
{
    EXPECT_TOKENS("1,500 و١٬٥٠٠ و٢٫٥ 3.", {TOK_NUMBER, "1,500", 0, 5}, {TOK_WORD, "و", 6, 7},
                  {TOK_NUMBER, "1,500", 7, 12}, {TOK_WORD, "و", 13, 14},
                  {TOK_NUMBER, "2.5", 14, 17}, {TOK_NUMBER, "3", 18, 19}, {TOK_PUNCT, ".", 19, 20});
    EXPECT_TOKENS("۱۲۳ 12,", {TOK_NUMBER, "123", 0, 3}, {TOK_NUMBER, "12", 4, 6},
                  {TOK_PUNCT, ",", 6, 7});
    EXPECT_TOKENS("15-20", {TOK_NUMBER, "15", 0, 2}, {TOK_PUNCT, "-", 2, 3},
                  {TOK_NUMBER, "20", 3, 5});
}

Test(text, punctuation_is_one_code_point_each)
{
    EXPECT_TOKENS("«جيش» “x” \"y\" – ،", {TOK_PUNCT, "«", 0, 1}, {TOK_WORD, "جيش", 1, 4},
                  {TOK_PUNCT, "»", 4, 5}, {TOK_PUNCT, "“", 6, 7}, {TOK_WORD, "x", 7, 8},
                  {TOK_PUNCT, "”", 8, 9}, {TOK_PUNCT, "\"", 10, 11}, {TOK_WORD, "y", 11, 12},
                  {TOK_PUNCT, "\"", 12, 13}, {TOK_PUNCT, "–", 14, 15}, {TOK_PUNCT, "،", 16, 17});
}

Test(text, harakat_and_tatweel_stay_in_the_word_but_not_the_norm)
{
    EXPECT_TOKENS("قُتِلَ قـــتل عدداً", {TOK_WORD, "قتل", 0, 6}, {TOK_WORD, "قتل", 7, 13},
                  {TOK_WORD, "عددا", 14, 19});
}

Test(text, arabic_folding)
{
    EXPECT_TOKENS("أحمد إلى آخر ٱلله مستشفى مدينة مؤسسة مئة مائة", {TOK_WORD, "احمد", 0, 4},
                  {TOK_WORD, "الي", 5, 8}, {TOK_WORD, "اخر", 9, 12}, {TOK_WORD, "الله", 13, 17},
                  {TOK_WORD, "مستشفي", 18, 24}, {TOK_WORD, "مدينه", 25, 30},
                  {TOK_WORD, "موسسه", 31, 36}, {TOK_WORD, "ميه", 37, 40},
                  {TOK_WORD, "مايه", 41, 45});
}

Test(text, presentation_forms_fold_to_letters)
{
    /* ﺍﻟﺠﻴﺶ (presentation forms B) and the lam-alef ligature ﻻ */
    EXPECT_TOKENS("ﺍﻟﺠﻴﺶ ﻻ", {TOK_WORD, "الجيش", 0, 5}, {TOK_WORD, "لا", 6, 7});
}

Test(text, latin_is_lower_cased)
{
    EXPECT_TOKENS("Reuters AFP Ümit F16", {TOK_WORD, "reuters", 0, 7}, {TOK_WORD, "afp", 8, 11},
                  {TOK_WORD, "ümit", 12, 16}, {TOK_WORD, "f", 17, 18}, {TOK_NUMBER, "16", 18, 20});
}

Test(text, long_words_are_cut_at_a_code_point)
{
    char s[200];
    size_t o = 0;
    for (int i = 0; i < 40; i++) {
        memcpy(s + o, "ب", 2);
        o += 2;
    }
    s[o] = '\0';
    init_ok(s);
    cr_assert_eq(T.n_tok, 1);
    cr_expect_eq(strlen(T.tok[0].norm), 62); /* 31 two-byte letters fit in 63 bytes */
    cr_expect_eq(T.tok[0].sp.end, 40);
}

Test(text, arabic_letter_class)
{
    cr_expect(text_is_arabic_letter(0x0628));  /* ب */
    cr_expect(text_is_arabic_letter(0x067E));  /* پ */
    cr_expect(text_is_arabic_letter(0xFE8F));  /* presentation ب */
    cr_expect(text_is_arabic_letter(0x0621));  /* ء */
    cr_expect(!text_is_arabic_letter(0x0640)); /* tatweel */
    cr_expect(!text_is_arabic_letter(0x064E)); /* fatha */
    cr_expect(!text_is_arabic_letter(0x0663)); /* ٣ */
    cr_expect(!text_is_arabic_letter(0x060C)); /* ، */
    cr_expect(!text_is_arabic_letter('a'));
}

/* ---- sentences ---- */

Test(text, sentences_split_after_terminators_and_lines)
{
    /*        0         1         2         3
     *        0123456789012345678901234567890123456 */
    init_ok(" قتل 5. جرح 3! هل؟ نعم؛ لا\n  سطر ثان  ");
    cr_assert_eq(T.n_sentences, 6);
    static const span want[] = {{1, 7}, {8, 14}, {15, 18}, {19, 23}, {24, 26}, {29, 36}};
    for (size_t i = 0; i < 6; i++) {
        cr_expect_eq(T.sentences[i].start, want[i].start, "sentence %zu start", i);
        cr_expect_eq(T.sentences[i].end, want[i].end, "sentence %zu end", i);
    }
    cr_expect_eq(T.tok[0].sentence, 0);
    cr_expect_eq(T.tok[2].sentence, 0); /* the full stop */
    cr_expect_eq(T.tok[3].sentence, 1);
    cr_expect_eq(T.tok[T.n_tok - 1].sentence, 5);
    cr_expect(T.tok[T.n_tok - 2].newline_before);
    cr_expect(!T.tok[T.n_tok - 1].newline_before);
}

Test(text, runs_of_terminators_and_closing_quotes_stay_together)
{
    init_ok("قال «انتهى.» ثم... رحل… وعاد");
    cr_assert_eq(T.n_sentences, 4);
    cr_expect_eq(T.tok[4].kind, TOK_PUNCT); /* » */
    cr_expect_eq(T.tok[4].sentence, 0);
    cr_expect_eq(T.tok[6].sentence, 1); /* the dots after ثم */
    cr_expect_eq(T.tok[8].sentence, 1);
    cr_expect_eq(T.tok[T.n_tok - 1].sentence, 3);
}

Test(text, decimal_point_does_not_end_a_sentence)
{
    init_ok("بلغ 2.5 مليون. ثم");
    cr_expect_eq(T.n_sentences, 2);
    cr_expect_eq(T.tok[1].sentence, 0);
}

Test(text, one_letter_abbreviations_do_not_end_a_sentence)
{
    init_ok("قال د. أحمد إن (أ.ف.ب.) نقلت. ثم");
    cr_expect_eq(T.n_sentences, 2);
    cr_expect_eq(T.tok[T.n_tok - 2].sentence, 0); /* the stop after نقلت ends it */
    text_free(&T);
    /* after a number the letter is a unit or an era, and a Latin letter is
     * no Arabic abbreviation: the stop ends the sentence */
    init_ok("في عام 2024 م. ثم قال د. لا. ثم فيتامين C. ثم");
    cr_expect_eq(T.n_sentences, 4);
    text_free(&T);
    /* a line break still ends it, and two letters are a word */
    init_ok("قال د.\nأحمد ثم قط. ثم");
    cr_expect_eq(T.n_sentences, 3);
}

Test(text, a_stop_inside_a_sites_address_does_not_end_a_sentence)
{
    init_ok("وقال لـ\"العربية.نت\" إن 5 قتلوا. ثم نشر موقع aljazeera.net الخبر. ثم");
    cr_expect_eq(T.n_sentences, 3);
    cr_expect_eq(T.tok[T.n_tok - 2].sentence, 1);
    text_free(&T);
    /* a stop glued to the next word of a sentence still ends it, and an
     * address needs a word before its stop */
    init_ok("قتل 5 أشخاص.وأصيب 3 آخرون. نت");
    cr_expect_eq(T.n_sentences, 3);
}

Test(text, a_sentence_that_runs_on_ends_at_a_comma_past_the_soft_limit)
{
    /* three tokens a piece, the third a comma: no comma ends the sentence
     * before the soft limit, the first one at or past it does */
    char *s = repeated("قصف بلدة، ", TEXT_SENTENCE_SOFT_TOKENS, NULL);
    init_ok(s);
    free(s);
    size_t first_end = 0;
    while (first_end < T.n_tok && T.tok[first_end].sentence == 0)
        first_end++;
    size_t want = (TEXT_SENTENCE_SOFT_TOKENS + 2) / 3 * 3; /* the comma that reaches it, plus one */
    cr_expect_eq(first_end, want, "the first sentence has %zu tokens", first_end);
    cr_expect_eq(T.tok[first_end - 1].kind, TOK_PUNCT);
    cr_expect_gt(T.n_sentences, 2);
    for (size_t i = 0; i + 1 < T.n_tok; i++)
        cr_assert_leq(T.tok[i + 1].sentence, T.tok[i].sentence + 1);
}

Test(text, a_sentence_with_no_stop_or_comma_is_cut_at_the_hard_limit)
{
    char *s = repeated("قتل جندي في ريف البلدة ", TEXT_SENTENCE_MAX_TOKENS, NULL);
    init_ok(s);
    free(s);
    cr_assert_eq(T.n_sentences, 5);
    for (size_t i = 0; i < T.n_tok; i++)
        cr_assert_eq(T.tok[i].sentence, i / TEXT_SENTENCE_MAX_TOKENS, "token %zu", i);
    for (size_t k = 1; k < T.n_sentences; k++)
        cr_expect_eq(T.sentences[k].start, T.tok[k * TEXT_SENTENCE_MAX_TOKENS].sp.start);
    text_free(&T);
    /* a sentence at the soft limit with a comma in it is left whole */
    s = repeated("قتل جندي، ", TEXT_SENTENCE_SOFT_TOKENS / 3, NULL);
    init_ok(s);
    free(s);
    cr_expect_eq(T.n_sentences, 1);
}

Test(text, blank_lines_make_no_empty_sentences)
{
    init_ok("\n\nأ\r\n\r\nب\n");
    cr_expect_eq(T.n_sentences, 2);
    cr_expect(!T.tok[0].newline_before); /* no token before it */
    cr_expect(T.tok[1].newline_before);
}

/* ---- slices and normalisation ---- */

Test(text, slice)
{
    init_ok("قتلَ 80 شخصا");
    char *s = text_slice(&T, T.tok[0].sp);
    cr_expect_str_eq(s, "قتلَ");
    free(s);
    s = text_slice(&T, (span){5, 12});
    cr_expect_str_eq(s, "80 شخصا");
    free(s);
    s = text_slice(&T, (span){9, 999}); /* clamped */
    cr_expect_str_eq(s, "خصا");
    free(s);
    s = text_slice(&T, (span){7, 3});
    cr_expect_str_eq(s, "");
    free(s);
}

Test(text, normalize)
{
    char out[128];
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"  أَحْمَدُ   إلى\tالمدينة  ", "احمد الي المدينه"},
        {"أ.ف.ب", "ا . ف . ب"},
        {"عدداً من", "عددا من"},
        {"١٬٥٠٠ جندي", "1,500 جندي"},
        {"T-72", "t - 72"},
        {"", ""},
        {"  \n ", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = text_normalize(cases[i].in, strlen(cases[i].in), out, sizeof out);
        cr_expect_str_eq(out, cases[i].want, "normalize(\"%s\")", cases[i].in);
        cr_expect_eq(n, strlen(cases[i].want));
    }
}

Test(text, normalize_bounds)
{
    char out[8];
    /* "abc def ghi": cut at a word boundary, always terminated */
    cr_expect_eq(text_normalize("abc def ghi", 11, out, sizeof out), 7);
    cr_expect_str_eq(out, "abc def");
    cr_expect_eq(text_normalize("abcdefghijk", 11, out, sizeof out), 0);
    cr_expect_str_eq(out, "");
    cr_expect_eq(text_normalize("abc", 3, out, 0), 0);
    /* invalid bytes separate words */
    char big[32];
    text_normalize("ab\xFF"
                   "cd",
                   5, big, sizeof big);
    cr_expect_str_eq(big, "ab cd");
    /* a long input takes the heap path */
    char *in = malloc(3000);
    cr_assert_not_null(in);
    for (size_t i = 0; i < 3000; i++)
        in[i] = i % 3 == 2 ? ' ' : 'x';
    cr_expect_eq(text_normalize(in, 3000, big, sizeof big), 29);
    free(in);
}

/* ---- proclitics ---- */

static void expect_forms_mode(const char *word, bool keep_article, const char *const *want,
                              size_t n)
{
    char buf[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    char norm[TOKEN_NORM_MAX];
    text_normalize(word, strlen(word), norm, sizeof norm);
    size_t got = text_proclitic_forms(norm, keep_article, buf, NULL, TEXT_PROCLITIC_MAX);
    cr_expect_eq(got, n, "%s: %zu forms, want %zu", word, got, n);
    for (size_t i = 0; i < n && i < got; i++)
        cr_expect_str_eq(buf[i], want[i], "%s form %zu", word, i);
}

#define EXPECT_FORMS(w, ...)                                       \
    do {                                                           \
        static const char *const f_[] = {__VA_ARGS__};             \
        expect_forms_mode(w, false, f_, sizeof f_ / sizeof f_[0]); \
    } while (0)
#define EXPECT_NAME_FORMS(w, ...)                                 \
    do {                                                          \
        static const char *const f_[] = {__VA_ARGS__};            \
        expect_forms_mode(w, true, f_, sizeof f_ / sizeof f_[0]); \
    } while (0)

Test(text, proclitic_forms)
{
    EXPECT_FORMS("وبالراموسة", "وبالراموسه", "بالراموسه", "الراموسه", "راموسه");
    EXPECT_FORMS("للجيش", "للجيش", "لجيش", "جيش");
    EXPECT_FORMS("للواء", "للواء", "لواء", "واء");
    EXPECT_FORMS("فللواء", "فللواء", "للواء", "لواء", "واء");
    EXPECT_FORMS("كالعادة", "كالعاده", "العاده", "عاده");
    EXPECT_FORMS("والجيش", "والجيش", "الجيش", "جيش");
    EXPECT_FORMS("بخمسة", "بخمسه", "خمسه");
    EXPECT_FORMS("بين", "بين", "ين");
    EXPECT_FORMS("خمسين", "خمسين");
    EXPECT_FORMS("ألف", "الف"); /* ف alone is too short */
    EXPECT_FORMS("وال", "وال", "ال");
    EXPECT_FORMS("ب", "ب");
    EXPECT_FORMS("Reuters", "reuters");
}

/* Names keep their article: السورية is not سورية, للجزيرة is ل + الجزيرة. */
Test(text, proclitic_forms_of_names)
{
    EXPECT_NAME_FORMS("وبالراموسة", "وبالراموسه", "بالراموسه", "الراموسه");
    EXPECT_NAME_FORMS("السورية", "السوريه");
    EXPECT_NAME_FORMS("للجزيرة", "للجزيره", "لجزيره", "الجزيره");
    EXPECT_NAME_FORMS("وللجزيرة", "وللجزيره", "للجزيره", "لجزيره", "الجزيره");
    EXPECT_NAME_FORMS("بحلب", "بحلب", "حلب");
    EXPECT_NAME_FORMS("لحلب", "لحلب", "حلب");
}

Test(text, proclitic_forms_count_stripped_letters)
{
    char buf[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t letters[TEXT_PROCLITIC_MAX];
    size_t n = text_proclitic_forms("وللجزيره", true, buf, letters, TEXT_PROCLITIC_MAX);
    cr_assert_eq(n, 4);
    cr_expect_eq(letters[0], 0);
    cr_expect_eq(letters[1], 1);
    cr_expect_str_eq(buf[3], "الجزيره");
    cr_expect_eq(letters[3], 2, "و and ل are left out; the alef comes back");
}

Test(text, proclitic_forms_respect_max)
{
    char buf[2][TOKEN_NORM_MAX];
    cr_expect_eq(text_proclitic_forms("وبالراموسه", false, buf, NULL, 2), 2);
    cr_expect_str_eq(buf[1], "بالراموسه");
}

Test(text, skip_letters)
{
    init_ok("وَبِخَمْسَةِ ولل");
    cr_expect_eq(text_skip_letters(&T, 0, 0), 0);
    cr_expect_eq(text_skip_letters(&T, 0, 1), 2); /* past و and its fatha */
    cr_expect_eq(text_skip_letters(&T, 0, 2), 4);
    cr_expect_eq(text_skip_letters(&T, 1, 2), T.tok[1].sp.start + 2);
    cr_expect_eq(text_skip_letters(&T, 9, 1), T.n_cp);
}

/* ---- line ends (text_newlines_to_lf) ---- */

/* text_newlines_to_lf on a copy of in[0..len); the result NUL-terminated in
 * out (at least len + 1 bytes). */
static size_t to_lf(const char *in, size_t len, char *out)
{
    memcpy(out, in, len);
    size_t n = text_newlines_to_lf(out, len);
    cr_assert_leq(n, len);
    out[n] = '\0';
    return n;
}

Test(text, newlines_become_lf)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"أ\r\nب", "أ\nب"},       /* CRLF */
        {"أ\rب", "أ\nب"},         /* a lone CR (old Mac) */
        {"أ\r\r\nب", "أ\n\nب"},   /* a lone CR, then a CRLF */
        {"أ\n\rب", "أ\n\nب"},     /* LF CR: two line ends */
        {"أ\r\n\r\nب", "أ\n\nب"}, /* a blank line */
        {"أ\r\r\r\n\nب\r", "أ\n\n\n\nب\n"},
        {"\r", "\n"},
        {"\r\n", "\n"},
        {"", ""},
        {"لا شيء", "لا شيء"},
    };
    char out[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = to_lf(cases[i].in, strlen(cases[i].in), out);
        cr_expect_str_eq(out, cases[i].want, "case %zu", i);
        cr_expect_eq(n, strlen(cases[i].want));
    }
}

Test(text, newline_normalisation_is_idempotent)
{
    /* Fixed cases with every mix of CR, CRLF and CR CR LF, then random
     * strings over CR, LF and two letters: normalise(normalise(x)) is
     * normalise(x), and no CR is left. */
    static const char *const fixed[] = {
        "\r\r\n", "\r\n\r", "\r\r\r\n\n", "أ\r\r\nب\rج\r\nد\n", "\n\r\n\r\r\n\r",
    };
    char once[128], twice[128];
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        size_t n1 = to_lf(fixed[i], strlen(fixed[i]), once);
        size_t n2 = to_lf(once, n1, twice);
        cr_expect_eq(n2, n1, "fixed case %zu", i);
        cr_expect_str_eq(twice, once, "fixed case %zu", i);
        cr_expect_null(memchr(once, '\r', n1), "fixed case %zu keeps a CR", i);
    }
    static const char *const pieces[] = {"\r", "\n", "\r\n", "\r\r\n", "x", "ب"};
    unsigned long s = 7;
    char in[128];
    for (int round = 0; round < 2000; round++) {
        size_t o = 0;
        s = s * 6364136223846793005ul + 1442695040888963407ul;
        size_t n = (s >> 33) % 30;
        for (size_t i = 0; i < n; i++) {
            s = s * 6364136223846793005ul + 1442695040888963407ul;
            const char *p = pieces[(s >> 33) % (sizeof pieces / sizeof pieces[0])];
            memcpy(in + o, p, strlen(p));
            o += strlen(p);
        }
        size_t n1 = to_lf(in, o, once);
        size_t n2 = to_lf(once, n1, twice);
        cr_assert_eq(n2, n1, "round %d", round);
        cr_assert_eq(memcmp(once, twice, n1), 0, "round %d", round);
        cr_assert_null(memchr(once, '\r', n1), "round %d keeps a CR", round);
        /* Each line end is one LF: as many as text_init reads. */
        size_t breaks_in = 0, breaks_out = 0;
        for (size_t k = 0; k < o; k++)
            breaks_in += in[k] == '\r' ? 1 : in[k] == '\n' && !(k > 0 && in[k - 1] == '\r');
        for (size_t k = 0; k < n1; k++)
            breaks_out += once[k] == '\n';
        cr_assert_eq(breaks_out, breaks_in, "round %d", round);
    }
}

/* ---- robustness ---- */

Test(text, random_bytes_never_break_the_invariants)
{
    unsigned long s = 99;
    static const unsigned char pieces[][4] = {
        {0xD8, 0xA8},
        {0xD9, 0x8E},
        {0xD9, 0x80},
        {'1'},
        {','},
        {'.'},
        {' '},
        {'\n'},
        {0xD9, 0xAB},
        {0xD9, 0xA3},
        {0xEF, 0xBB, 0xBB},
        {0xE2, 0x80, 0x8C},
        {0xFF},
        {0xC3},
        {'!'},
    };
    static const size_t plen[] = {2, 2, 2, 1, 1, 1, 1, 1, 2, 2, 3, 3, 1, 1, 1};
    char buf[512];
    for (int round = 0; round < 5000; round++) {
        size_t o = 0;
        s = s * 6364136223846793005ul + 1442695040888963407ul;
        size_t n = (s >> 33) % 60;
        for (size_t i = 0; i < n; i++) {
            s = s * 6364136223846793005ul + 1442695040888963407ul;
            size_t k = (s >> 33) % (sizeof plen / sizeof plen[0]);
            memcpy(buf + o, pieces[k], plen[k]);
            o += plen[k];
        }
        text t;
        int rc = text_init(&t, buf, o);
        cr_assert(rc == 0 || rc == -1);
        uint32_t prev = 0;
        for (size_t i = 0; i < t.n_tok; i++) {
            cr_assert_lt(t.tok[i].sp.start, t.tok[i].sp.end);
            cr_assert_geq(t.tok[i].sp.start, prev);
            cr_assert_leq(t.tok[i].sp.end, t.n_cp);
            cr_assert_lt(t.tok[i].sentence, t.n_sentences);
            cr_assert_lt(strlen(t.tok[i].norm), (size_t)TOKEN_NORM_MAX);
            prev = t.tok[i].sp.end;
        }
        for (size_t i = 0; i < t.n_sentences; i++)
            cr_assert_lt(t.sentences[i].start, t.sentences[i].end);
        char norm[64];
        text_normalize(buf, o, norm, sizeof norm);
        text_free(&t);
    }
}

/* ---- tokens located in bytes (text_next_token) ---- */

/* The norms of every token of s joined by spaces: text_normalize's output. */
static void joined_norms(const char *s, size_t len, char *out, size_t outsz)
{
    size_t pos = 0, o = 0;
    text_btoken tk;
    out[0] = '\0';
    while (text_next_token(s, len, &pos, &tk)) {
        cr_assert_lt(tk.start, tk.end);
        cr_assert_leq(tk.end, len);
        cr_assert_eq(pos, tk.end);
        if (!tk.norm[0])
            continue;
        int k = snprintf(out + o, outsz - o, "%s%s", o ? " " : "", tk.norm);
        cr_assert(k > 0 && (size_t)k < outsz - o);
        o += (size_t)k;
    }
}

Test(text, next_token_cuts_and_folds_like_text_init)
{
    static const char s[] = "قال: وبِحَلَبَ «١٬٥٠٠» قتيلٍ، Fighters  ـ\nالأولى 2.5";
    size_t pos = 0;
    text_btoken tk;
    init_ok(s);
    for (size_t i = 0; i < T.n_tok; i++) {
        cr_assert(text_next_token(s, strlen(s), &pos, &tk), "token %zu", i);
        cr_assert_str_eq(tk.norm, T.tok[i].norm, "token %zu", i);
        cr_assert_eq(tk.kind, T.tok[i].kind, "token %zu", i);
        char *slice = text_slice(&T, T.tok[i].sp);
        cr_assert_eq(strlen(slice), tk.end - tk.start, "token %zu: bytes", i);
        cr_assert(memcmp(slice, s + tk.start, tk.end - tk.start) == 0, "token %zu: offsets", i);
        free(slice);
    }
    cr_assert_not(text_next_token(s, strlen(s), &pos, &tk));
    cr_assert_eq(pos, strlen(s));
}

Test(text, next_token_offsets_are_bytes)
{
    static const char s[] = "أ وبِحَلَب";
    size_t pos = 0;
    text_btoken tk;
    cr_assert(text_next_token(s, strlen(s), &pos, &tk));
    cr_assert_eq(tk.start, 0);
    cr_assert_eq(tk.end, 2);
    cr_assert_str_eq(tk.norm, "ا");
    cr_assert(text_next_token(s, strlen(s), &pos, &tk));
    cr_assert_eq(tk.start, 3);       /* after "أ " */
    cr_assert_eq(tk.end, strlen(s)); /* harakat included */
    cr_assert_str_eq(tk.norm, "وبحلب");
    cr_assert_eq(tk.kind, TOK_WORD);
}

Test(text, next_token_reads_invalid_bytes_and_nul_as_separators)
{
    static const char s[] = "حلب\xFF"
                            "دمشق\0"
                            "12";
    size_t len = sizeof s - 1, pos = 0;
    text_btoken tk;
    cr_assert(text_next_token(s, len, &pos, &tk));
    cr_assert_str_eq(tk.norm, "حلب");
    cr_assert_eq(tk.end, 6);
    cr_assert(text_next_token(s, len, &pos, &tk));
    cr_assert_str_eq(tk.norm, "دمشق");
    cr_assert_eq(tk.start, 7);
    cr_assert(text_next_token(s, len, &pos, &tk));
    cr_assert_str_eq(tk.norm, "12");
    cr_assert_eq(tk.kind, TOK_NUMBER);
    cr_assert_not(text_next_token(s, len, &pos, &tk));
    cr_assert_not(text_next_token(NULL, 0, &pos, &tk));
}

Test(text, next_token_agrees_with_normalize_on_random_bytes)
{
    unsigned long s = 7;
    static const unsigned char pieces[][4] = {
        {0xD8, 0xA8},
        {0xD9, 0x8E},
        {0xD9, 0x80},
        {'1'},
        {','},
        {'.'},
        {' '},
        {'\n'},
        {0xD9, 0xAB},
        {0xD9, 0xA3},
        {0xEF, 0xBB, 0xBB},
        {0xE2, 0x80, 0x8C},
        {0xFF},
        {0xC3},
        {'!'},
        {0xEF, 0xBB, 0xBC},
        {'A'},
        {0},
    };
    static const size_t plen[] = {2, 2, 2, 1, 1, 1, 1, 1, 2, 2, 3, 3, 1, 1, 1, 3, 1, 1};
    char buf[512], want[2048], got[2048];
    for (int round = 0; round < 3000; round++) {
        size_t o = 0;
        s = s * 6364136223846793005ul + 1442695040888963407ul;
        size_t n = (s >> 33) % 80;
        for (size_t i = 0; i < n; i++) {
            s = s * 6364136223846793005ul + 1442695040888963407ul;
            size_t k = (s >> 33) % (sizeof plen / sizeof plen[0]);
            memcpy(buf + o, pieces[k], plen[k]);
            o += plen[k];
        }
        text_normalize(buf, o, want, sizeof want);
        joined_norms(buf, o, got, sizeof got);
        cr_assert_str_eq(got, want, "round %d", round);
    }
}
