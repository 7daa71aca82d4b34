/* test_numbers.c — extract/numbers.c: every form the reader promises
 * (digits, number words, compounds, proclitics, spelling variants, ranges,
 * qualifiers, vague amounts, flags, spans in code points), and Duckling's
 * Arabic numeral corpus.
 *
 * tests/data/duckling_ar_numeral.tsv comes from Duckling
 * (facebook/duckling, BSD): "value<TAB>text" per line. The sentences below
 * are our own, not taken from the news seeds. */
#include "extract/blobs.h"
#include "extract/numbers.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lexicon *QUAL, *NAMES;

static lexicon *load_blob(const char *name)
{
    const data_blob *b = data_blob_find(name);
    cr_assert_not_null(b, "%s is not compiled in", name);
    char err[256] = "";
    lexicon *lx = lexicon_new(name, b->data, b->len, err, sizeof err);
    cr_assert_not_null(lx, "%s", err);
    return lx;
}

static void setup(void)
{
    QUAL = load_blob("lexicon/qualifiers.tsv");
    NAMES = load_blob("lexicon/name_numbers.tsv");
}

static void teardown(void)
{
    lexicon_free(QUAL);
    lexicon_free(NAMES);
}

TestSuite(numbers, .init = setup, .fini = teardown);

#define MAXN 32

typedef struct found {
    text t;
    number n[MAXN];
    size_t count;
} found;

static void find(found *f, const char *s, bool names)
{
    cr_assert_eq(text_init(&f->t, s, strlen(s)), 0, "%s", s);
    f->count = numbers_find_ex(&f->t, QUAL, names ? NAMES : NULL, f->n, MAXN);
}

static char *slice(found *f, span sp)
{
    char *s = text_slice(&f->t, sp);
    cr_assert_not_null(s);
    return s;
}

/* ---- table-driven cases ---- */

enum { NONE = -1 };

typedef struct ncase {
    const char *text;
    int index;            /* which number of the sentence */
    const char *sp;       /* its sp, as text */
    const char *value_sp; /* its value_sp, as text; NULL: same as sp */
    double value;         /* NAN: no value (vague) */
    double value_max;     /* NONE: no max */
    qualifier qual;
    number_form form;
    unsigned flags;
} ncase;

#define D NUMFORM_DIGITS
#define W NUMFORM_WORDS
#define M NUMFORM_MIXED
#define VG NUMFORM_VAGUE

static void check_cases(const ncase *c, size_t n, bool names)
{
    for (size_t i = 0; i < n; i++, c++) {
        found f;
        find(&f, c->text, names);
        cr_expect_gt(f.count, (size_t)c->index, "\"%s\": only %zu numbers", c->text, f.count);
        if (f.count <= (size_t)c->index) {
            text_free(&f.t);
            continue;
        }
        const number *nb = &f.n[c->index];
        char *sp = slice(&f, nb->sp), *vsp = slice(&f, nb->value_sp);
        cr_expect_str_eq(sp, c->sp, "\"%s\": sp", c->text);
        cr_expect_str_eq(vsp, c->value_sp ? c->value_sp : c->sp, "\"%s\": value_sp", c->text);
        if (isnan(c->value)) {
            cr_expect(!nb->has_value, "\"%s\": has a value", c->text);
        } else {
            cr_expect(nb->has_value, "\"%s\": no value", c->text);
            cr_expect_eq(nb->value, c->value, "\"%s\": value %g, want %g", c->text, nb->value,
                         c->value);
        }
        if (c->value_max == NONE) {
            cr_expect(!nb->has_max, "\"%s\": has a max", c->text);
        } else {
            cr_expect(nb->has_max, "\"%s\": no max", c->text);
            cr_expect_eq(nb->value_max, c->value_max, "\"%s\": max %g", c->text, nb->value_max);
        }
        cr_expect_eq(nb->qual, c->qual, "\"%s\": qual %s, want %s", c->text,
                     qualifier_name(nb->qual), qualifier_name(c->qual));
        cr_expect_eq(nb->form, c->form, "\"%s\": form %d, want %d", c->text, nb->form, c->form);
        cr_expect_eq(nb->flags, c->flags, "\"%s\": flags %#x, want %#x", c->text, nb->flags,
                     c->flags);
        /* the token range covers sp */
        cr_expect_leq(f.t.tok[nb->tok_first].sp.start, nb->sp.start);
        cr_expect_eq(f.t.tok[nb->tok_end - 1].sp.end, nb->sp.end, "\"%s\": tok_end", c->text);
        free(sp);
        free(vsp);
        text_free(&f.t);
    }
}

#define CHECK(names, ...)                                 \
    do {                                                  \
        static const ncase c_[] = {__VA_ARGS__};          \
        check_cases(c_, sizeof c_ / sizeof c_[0], names); \
    } while (0)

/* a plain exact value */
#define V(text, i, sp, value, form, flags)                      \
    {                                                           \
        text, i, sp, NULL, value, NONE, QUAL_EXACT, form, flags \
    }

Test(numbers, digits)
{
    CHECK(false, V("قتل 80 شخصا", 0, "80", 80, D, 0), V("قتل ٨٠ شخصا", 0, "٨٠", 80, D, 0),
          V("قتل ۸۰ شخصا", 0, "۸۰", 80, D, 0), V("نزح 1,500 شخص", 0, "1,500", 1500, D, 0),
          V("نزح ١٬٥٠٠ شخص", 0, "١٬٥٠٠", 1500, D, 0),
          V("نزح 1,250,000 شخص", 0, "1,250,000", 1250000, D, 0),
          V("نزح ١٬٢٥٠٬٠٠٠ شخص", 0, "١٬٢٥٠٬٠٠٠", 1250000, D, 0),
          V("طولها ٢٫٥ كيلومتر", 0, "٢٫٥", 2.5, D, NUMFLAG_DECIMAL),
          V("طولها 2.5 كيلومتر", 0, "2.5", 2.5, D, NUMFLAG_DECIMAL),
          V("طولها 1,500.25 مترا", 0, "1,500.25", 1500.25, D, NUMFLAG_DECIMAL),
          V("طولها 2,5 كيلومتر", 0, "2,5", 2.5, D, NUMFLAG_DECIMAL),
          V("بلغ ١٫٠ بالمئة", 0, "١٫٠", 1, D, 0), V("قتل 13.", 0, "13", 13, D, 0));
}

Test(numbers, digit_word_mixes)
{
    CHECK(false, V("نزح 10 آلاف شخص", 0, "10 آلاف", 10000, M, 0),
          V("نزح ١٠ آلاف شخص", 0, "١٠ آلاف", 10000, M, 0),
          V("نزح 2 مليون شخص", 0, "2 مليون", 2000000, M, 0),
          V("نزح 1.5 مليون شخص", 0, "1.5 مليون", 1500000, M, 0),
          V("نزح 3 ملايين شخص", 0, "3 ملايين", 3000000, M, 0),
          V("نزح 100 ألف شخص", 0, "100 ألف", 100000, M, 0),
          V("نزح 20 ألفا", 0, "20 ألفا", 20000, M, 0),
          V("نزح 2 مليون و500 ألف شخص", 0, "2 مليون و500 ألف", 2500000, M, 0),
          V("كلف 2 مليار دولار", 0, "2 مليار", 2e9, M, 0));
}

Test(numbers, number_words_in_sentences)
{
    CHECK(false, V("قتل ثمانية وعشرون جنديا", 0, "ثمانية وعشرون", 28, W, 0),
          V("قتل ثمانية و عشرين جنديا", 0, "ثمانية و عشرين", 28, W, 0),
          V("نزح ألف وخمسمئة شخص", 0, "ألف وخمسمئة", 1500, W, 0),
          V("قتل ثلاثة آلاف ومئتان وخمسون شخصا", 0, "ثلاثة آلاف ومئتان وخمسون", 3250, W, 0),
          V("دمرت مئة وخمس وعشرون دبابة", 0, "مئة وخمس وعشرون", 125, W, 0),
          V("أسر إحدى عشرة امرأة", 0, "إحدى عشرة", 11, W, 0),
          V("أسر أحد عشر رجلا", 0, "أحد عشر", 11, W, 0),
          V("نزح ثلاثمئة وخمسون ألفا", 0, "ثلاثمئة وخمسون ألفا", 350000, W, 0),
          V("نزح مليون ومئتي ألف شخص", 0, "مليون ومئتي ألف", 1200000, W, 0),
          V("نزح خمسمائة ألف", 0, "خمسمائة ألف", 500000, W, 0),
          V("نزح ثلاث مئة شخص", 0, "ثلاث مئة", 300, W, 0), V("قتل مئتا جندي", 0, "مئتا", 200, W, 0),
          V("قتل مئتا ألف", 0, "مئتا ألف", 200000, W, 0), V("قتل صفر", 0, "صفر", 0, W, 0),
          V("قتل خمسة وجرح عشرين", 1, "عشرين", 20, W, 0),
          V("أسر ثلاثة وأربعة", 1, "أربعة", 4, W, 0), /* و between two units: two numbers */
          V("نزح 10 آلاف و2 مليون", 1, "2 مليون", 2000000, M, 0));
}

/* نصف and ربع count only with a multiplier: before it they are its count,
 * after it (with و) a part of it; alone they are a share of something. */
Test(numbers, halves_and_quarters_of_a_multiplier)
{
    CHECK(false, V("نزح نصف مليون شخص", 0, "نصف مليون", 500000, W, 0),
          V("فر ربع مليون لاجئ", 0, "ربع مليون", 250000, W, 0),
          V("سجلت المفوضية مليون ونصف نازح", 0, "مليون ونصف", 1500000, W, 0),
          V("يعيش مليون ونصف المليون في الخيام", 0, "مليون ونصف المليون", 1500000, W, 0),
          /* the multiplier repeated without the article, or as ألف */
          V("نزح مليون ونصف مليون شخص", 0, "مليون ونصف مليون", 1500000, W, 0),
          V("نزح مليونان ونصف مليون شخص", 0, "مليونان ونصف مليون", 2500000, W, 0),
          V("قتل ثلاثة آلاف ونصف ألف شخص", 0, "ثلاثة آلاف ونصف ألف", 3500, W, 0),
          V("نزح مليونان ونصف من السكان", 0, "مليونان ونصف", 2500000, W, 0),
          V("هجر ثلاثة آلاف وربع شخص", 0, "ثلاثة آلاف وربع", 3250, W, 0),
          V("نزح 2 مليون ونصف شخص", 0, "2 مليون ونصف", 2500000, M, 0),
          V("بقي ألف ونصفهم أطفال", 0, "ألف", 1000, W, 0),
          V("قصفت ساعة ونصف وقتل 4", 0, "4", 4, D, 0));
    static const char *const none[] = {"قتل نصف السكان", "دمر ربع المنازل", "بعد ساعة ونصف",
                                       "نصف الضحايا من الأطفال"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        found f;
        find(&f, none[i], true);
        cr_expect_eq(f.count, 0, "\"%s\": %zu numbers", none[i], f.count);
        text_free(&f.t);
    }
}

Test(numbers, proclitics_spelling_variants)
{
    CHECK(false, V("ودمرت وثماني سيارات", 0, "ثماني", 8, W, 0),
          V("أصيب بخمسة صواريخ", 0, "خمسة", 5, W, 0),
          V("سجن لعشرين شهرا", 0, "عشرين", 20, W, NUMFLAG_DURATION),
          V("فثلاثة منهم قتلوا", 0, "ثلاثة", 3, W, 0), V("دمرت وَبِخَمْسَةِ قذائف", 0, "خَمْسَةِ", 5, W, 0),
          V("قتل ثَلاثَةٌ", 0, "ثَلاثَةٌ", 3, W, 0), V("قتل خمـــسة", 0, "خمـــسة", 5, W, 0),
          V("قتل اربعة", 0, "اربعة", 4, W, 0), V("قتل خمسه", 0, "خمسه", 5, W, 0),
          V("قتل احدى عشره", 0, "احدى عشره", 11, W, 0), V("نزح الف", 0, "الف", 1000, W, 0),
          V("نزح اربعمائة", 0, "اربعمائة", 400, W, 0),
          V("بين الجنود خمسين قتيلا", 0, "خمسين", 50, W, 0), V("قتل عشرين", 0, "عشرين", 20, W, 0));
}

Test(numbers, not_numbers)
{
    static const char *const none[] = {
        "بين الجنود",
        "لست أدري",
        "جاء بعده وفد",
        "عثر عليه ميتا",
        "في كانون الثاني",
        "تشرين الأول",
        "أحد الجنود",
        "إحدى القرى",
        "عن الأحد والخميس",
        "يوم الثلاثاء",
        "",
        "« » - ،",
        "a b c",
        "وكميات من الذخيرة",
        "كميات كبيرة",
        "ضبطت كمية ذخائر",
        "وكمية أسلحة خفيفة",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        found f;
        find(&f, none[i], true);
        cr_expect_eq(f.count, 0, "\"%s\": %zu numbers", none[i], f.count);
        text_free(&f.t);
    }
}

#define R(text, sp, vsp, lo, hi, form)                \
    {                                                 \
        text, 0, sp, vsp, lo, hi, QUAL_RANGE, form, 0 \
    }

Test(numbers, ranges)
{
    CHECK(false, R("أصيب بين 15 و20 مدنيا", "بين 15 و20", "15 و20", 15, 20, D),
          R("أصيب ما بين 15 و 20 مدنيا", "ما بين 15 و 20", "15 و 20", 15, 20, D),
          R("أصيب 15-20 مدنيا", "15-20", NULL, 15, 20, D),
          R("أصيب 15 – 20 مدنيا", "15 – 20", NULL, 15, 20, D),
          R("أصيب 15 إلى 20 مدنيا", "15 إلى 20", NULL, 15, 20, D),
          R("أصيب من 15 إلى 20 مدنيا", "من 15 إلى 20", "15 إلى 20", 15, 20, D),
          R("أصيب من 15 حتى 20 مدنيا", "من 15 حتى 20", "15 حتى 20", 15, 20, D),
          R("أصيب وبين 15 و20 مدنيا", "بين 15 و20", "15 و20", 15, 20, D),
          R("أصيب بين عشرين وثلاثين", "بين عشرين وثلاثين", "عشرين وثلاثين", 20, 30, W),
          R("أصيب خمسة أو ستة جنود", "خمسة أو ستة", NULL, 5, 6, W),
          R("نزح بين 10 و20 ألفا", "بين 10 و20 ألفا", "10 و20 ألفا", 10000, 20000, M),
          R("نزح بين ألف وألفين", "بين ألف وألفين", "ألف وألفين", 1000, 2000, W));
    /* not ranges */
    CHECK(false, V("قتل 15 و20 جريحا", 0, "15", 15, D, 0), V("قتل 15 و20 جريحا", 1, "20", 20, D, 0),
          V("من 20 إلى 15", 0, "20", 20, D, 0), V("من 20 إلى 15", 1, "15", 15, D, 0));
}

#define Q(text, sp, vsp, value, qual, form, flags)       \
    {                                                    \
        text, 0, sp, vsp, value, NONE, qual, form, flags \
    }

Test(numbers, qualifiers_before)
{
    CHECK(false, Q("قتل أكثر من 80 عنصرا", "أكثر من 80", "80", 80, QUAL_MORE_THAN, D, 0),
          Q("قتل ما يزيد عن 100", "ما يزيد عن 100", "100", 100, QUAL_MORE_THAN, D, 0),
          Q("قتل ما يزيد على 100", "ما يزيد على 100", "100", 100, QUAL_MORE_THAN, D, 0),
          Q("قتل يزيد عن 100", "يزيد عن 100", "100", 100, QUAL_MORE_THAN, D, 0),
          Q("أعمارهم فوق 18", "فوق 18", "18", 18, QUAL_MORE_THAN, D, 0),
          Q("قتل أزيد من 30", "أزيد من 30", "30", 30, QUAL_MORE_THAN, D, 0),
          Q("قتل ما يتجاوز 40", "ما يتجاوز 40", "40", 40, QUAL_MORE_THAN, D, 0),
          Q("قتل بأكثر من عشرين", "أكثر من عشرين", "عشرين", 20, QUAL_MORE_THAN, W, 0),
          Q("قتل على الأقل 5 جنود", "على الأقل 5", "5", 5, QUAL_AT_LEAST, D, 0),
          Q("قتل ما لا يقل عن 12", "ما لا يقل عن 12", "12", 12, QUAL_AT_LEAST, D, 0),
          Q("قتل لا يقل عن 12", "لا يقل عن 12", "12", 12, QUAL_AT_LEAST, D, 0),
          Q("قتل نحو 50", "نحو 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل حوالي 50", "حوالي 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل حوالى 50", "حوالى 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل قرابة 50", "قرابة 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل زهاء 50", "زهاء 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل ما يقارب 50", "ما يقارب 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل يقارب 50", "يقارب 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل ما يناهز 50", "ما يناهز 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل يناهز 50", "يناهز 50", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل ونحو ثلاثين", "نحو ثلاثين", "ثلاثين", 30, QUAL_ABOUT, W, 0),
          Q("قتل حتى 40", "حتى 40", "40", 40, QUAL_UP_TO, D, 0),
          Q("قتل ما يصل إلى 40", "ما يصل إلى 40", "40", 40, QUAL_UP_TO, D, 0),
          Q("قتل يصل إلى 40", "يصل إلى 40", "40", 40, QUAL_UP_TO, D, 0),
          /* a negated exceeding verb caps the number: up_to, not more_than */
          Q("الحصيلة لم تتجاوز 4 قتلى", "لم تتجاوز 4", "4", 4, QUAL_UP_TO, D, 0),
          Q("عددهم لا يتجاوز عشرة", "لا يتجاوز عشرة", "عشرة", 10, QUAL_UP_TO, W, 0),
          Q("الجرحى لم يتعد 15", "لم يتعد 15", "15", 15, QUAL_UP_TO, D, 0),
          Q("القتلى لا يزيد عن 20", "لا يزيد عن 20", "20", 20, QUAL_UP_TO, D, 0),
          Q("القتلى تجاوز 20", "تجاوز 20", "20", 20, QUAL_MORE_THAN, D, 0),
          Q("قتل أقل من 10", "أقل من 10", "10", 10, QUAL_LESS_THAN, D, 0),
          Q("قتل ما دون 10", "ما دون 10", "10", 10, QUAL_LESS_THAN, D, 0),
          Q("قتل دون 10", "دون 10", "10", 10, QUAL_LESS_THAN, D, 0),
          Q("قتل أكثر من 2000 شخص", "أكثر من 2000", "2000", 2000, QUAL_MORE_THAN, D, 0),
          Q("حاصروها نحو ثلاثة أسابيع", "نحو ثلاثة", "ثلاثة", 3, QUAL_ABOUT, W, NUMFLAG_DURATION),
          /* the article drawn out with a tatweel, then a space */
          Q("أصيب قرابة الـ 30 شخصا", "قرابة الـ 30", "30", 30, QUAL_ABOUT, D, 0),
          Q("قتل أكثر من الـ 200 شخص", "أكثر من الـ 200", "200", 200, QUAL_MORE_THAN, D, 0));
}

Test(numbers, qualifiers_after)
{
    CHECK(false, Q("قتل 90 على الأقل", "90 على الأقل", "90", 90, QUAL_AT_LEAST, D, 0),
          Q("قتل تسعين شخصا على الأقل", "تسعين شخصا على الأقل", "تسعين", 90, QUAL_AT_LEAST, W, 0),
          Q("قتل 5 جنود سوريين على الأقل", "5 جنود سوريين على الأقل", "5", 5, QUAL_AT_LEAST, D, 0),
          /* as Iraqi and other reporting also write it */
          Q("قتل 12 شخصا في الأقل", "12 شخصا في الأقل", "12", 12, QUAL_AT_LEAST, D, 0),
          Q("قتل 12 مدنيا كحد أدنى", "12 مدنيا كحد أدنى", "12", 12, QUAL_AT_LEAST, D, 0),
          Q("قتل 50 تقريبا", "50 تقريبا", "50", 50, QUAL_ABOUT, D, 0),
          Q("قتل 50 تقريبًا", "50 تقريبًا", "50", 50, QUAL_ABOUT, D, 0),
          Q("سار يومين تقريبا", "يومين تقريبا", "يومين", 2, QUAL_ABOUT, W, NUMFLAG_DURATION),
          /* three words away: not attached */
          V("قتل 5 جنود سوريين آخرين على الأقل", 0, "5", 5, D, 0),
          /* another number in between: not attached to the first */
          V("قتل 5 وجرح 10 على الأقل", 0, "5", 5, D, 0),
          {"قتل 5 وجرح 10 على الأقل", 1, "10 على الأقل", "10", 10, NONE, QUAL_AT_LEAST, D, 0});
}

/* "أو أكثر" after a number or its noun: that many or more; "ونيف": and some,
 * more than the number. */
/* بضعة عشر is a teen of unknown unit: more than ten. */
Test(numbers, some_teen)
{
    CHECK(false, Q("قتل بضعة عشر شخصا", "بضعة عشر", "بضعة عشر", 10, QUAL_MORE_THAN, W, 0),
          Q("أصيبت بضع عشرة امرأة", "بضع عشرة", "بضع عشرة", 10, QUAL_MORE_THAN, W, 0),
          /* بضعة alone, or before عشرات, stays vague: before عشرات or آلاف
           * it is a few of them, one amount */
          {"قتل بضعة جنود", 0, "بضعة", NULL, NAN, NONE, QUAL_SOME, VG, 0},
          {"قتل بضع عشرات", 0, "بضع عشرات", NULL, NAN, NONE, QUAL_TENS, VG, 0},
          {"نزح بضعة آلاف", 0, "بضعة آلاف", NULL, NAN, NONE, QUAL_THOUSANDS, VG, 0});
}

/* نيف or بضع before a tens joined by و is the unit left unknown: "نيف
 * وعشرون", "بضعة وثلاثون" (twenty-some, thirty-some) are more than the tens. */
Test(numbers, some_and_tens)
{
    CHECK(false, Q("قتل نيف وعشرون مدنيا", "نيف وعشرون", "عشرون", 20, QUAL_MORE_THAN, W, 0),
          Q("اعتقل نيفا وثلاثين شابا", "نيفا وثلاثين", "ثلاثين", 30, QUAL_MORE_THAN, W, 0),
          Q("أصيب بضعة وأربعون شخصا", "بضعة وأربعون", "بضعة وأربعون", 40, QUAL_MORE_THAN, W, 0),
          Q("نزح بضع وخمسون أسرة", "بضع وخمسون", "بضع وخمسون", 50, QUAL_MORE_THAN, W, 0),
          /* the tens in digits, its و a token of its own */
          Q("أصيب نيفا و30 مدنيا", "نيفا و30", "30", 30, QUAL_MORE_THAN, D, 0),
          Q("قتل نيف و40 عنصرا", "نيف و40", "40", 40, QUAL_MORE_THAN, D, 0),
          /* a qualifier after the number before it does not reach past و */
          {"قتل 5 على الأقل و30 جريحا", 1, "30", "30", 30, NONE, QUAL_EXACT, D, 0},
          /* a tens read alone, and بضعة before a noun, are what they were */
          Q("قتل عشرون مدنيا", "عشرون", "عشرون", 20, QUAL_EXACT, W, 0),
          {"قتل بضعة جنود وعشرون مدنيا", 0, "بضعة", NULL, NAN, NONE, QUAL_SOME, VG, 0});
}

Test(numbers, or_more_and_odd_after)
{
    CHECK(false, Q("أصيب 40 شخصا أو أكثر", "40 شخصا أو أكثر", "40", 40, QUAL_AT_LEAST, D, 0),
          Q("نزح 12 عائلة أو يزيد", "12 عائلة أو يزيد", "12", 12, QUAL_AT_LEAST, D, 0),
          Q("قتل مئتان ونيف", "مئتان ونيف", "مئتان", 200, QUAL_MORE_THAN, W, 0),
          Q("أسر 30 مقاتلا ونيفا", "30 مقاتلا ونيفا", "30", 30, QUAL_MORE_THAN, D, 0),
          Q("أصيب ما يربو عن 50", "ما يربو عن 50", "50", 50, QUAL_MORE_THAN, D, 0),
          Q("قتل ما ينوف على 50", "ما ينوف على 50", "50", 50, QUAL_MORE_THAN, D, 0),
          Q("نزح ما ينيف على ألف", "ما ينيف على ألف", "ألف", 1000, QUAL_MORE_THAN, W, 0),
          /* أو before another number: a range or a second number */
          R("قتل خمسة أو ستة", "خمسة أو ستة", "خمسة أو ستة", 5, 6, W));
}

#define G(text, sp, qual)                         \
    {                                             \
        text, 0, sp, NULL, NAN, NONE, qual, VG, 0 \
    }

/* with the article: a noun phrase of its own (العشرات) */
#define GD(text, sp, qual)                                       \
    {                                                            \
        text, 0, sp, NULL, NAN, NONE, qual, VG, NUMFLAG_DEFINITE \
    }

Test(numbers, vague_amounts)
{
    CHECK(false, G("قتل عشرات المدنيين", "عشرات", QUAL_TENS),
          GD("سقط القتلى بالعشرات", "عشرات", QUAL_TENS), GD("وأصيب العشرات", "عشرات", QUAL_TENS),
          GD("نزح الآلاف", "آلاف", QUAL_THOUSANDS), G("قتل مئات المدنيين", "مئات", QUAL_HUNDREDS),
          G("قتل آلاف المدنيين", "آلاف", QUAL_THOUSANDS),
          G("نزح عشرات الآلاف", "عشرات الآلاف", QUAL_THOUSANDS),
          G("نزح مئات الآلاف", "مئات الآلاف", QUAL_THOUSANDS),
          G("قتل عدد من الجنود", "عدد من", QUAL_SOME),
          G("قتل عددا من الجنود", "عددا من", QUAL_SOME),
          G("قتل عدداً من الجنود", "عدداً من", QUAL_SOME),
          G("قتل عدد كبير من الجنود", "عدد كبير من", QUAL_SOME),
          G("قتل بضعة جنود", "بضعة", QUAL_SOME), G("قتل بضع نساء", "بضع", QUAL_SOME),
          G("قتل العديد من الجنود", "العديد من", QUAL_SOME),
          G("هاجموا من عدة محاور", "عدة", QUAL_SOME),
          G("هاجموا وعدة مسلحين", "عدة", QUAL_SOME)); /* بعدة is بعده "after him" */
    found f;
    find(&f, "عدد القتلى 13", false); /* عدد without من is not vague */
    cr_expect_eq(f.count, 1);
    cr_expect_eq(f.n[0].value, 13);
    text_free(&f.t);
}

Test(numbers, ordinals_and_definites)
{
    CHECK(false, V("انتهت المرحلة الأولى", 0, "الأولى", 1, W, NUMFLAG_ORDINAL),
          V("الفوج الأول", 0, "الأول", 1, W, NUMFLAG_ORDINAL),
          V("لأول مرة", 0, "أول", 1, W, NUMFLAG_ORDINAL),
          V("اليوم الثاني", 0, "الثاني", 2, W, NUMFLAG_ORDINAL),
          V("المرحلة الثانية", 0, "الثانية", 2, W, NUMFLAG_ORDINAL),
          V("الجيش الثالث", 0, "الثالث", 3, W, NUMFLAG_ORDINAL),
          V("الفرقة الثالثة", 0, "الثالثة", 3, W, NUMFLAG_ORDINAL),
          V("الفيلق الرابع", 0, "الرابع", 4, W, NUMFLAG_ORDINAL),
          V("الفرقة الرابعة", 0, "الرابعة", 4, W, NUMFLAG_ORDINAL),
          V("الفيلق الخامس", 0, "الخامس", 5, W, NUMFLAG_ORDINAL),
          V("اليوم العاشر", 0, "العاشر", 10, W, NUMFLAG_ORDINAL),
          V("اليوم الحادي عشر", 0, "الحادي عشر", 11, W, NUMFLAG_ORDINAL),
          V("المرة الثانية عشرة", 0, "الثانية عشرة", 12, W, NUMFLAG_ORDINAL),
          V("القتلى الخمسة", 0, "خمسة", 5, W, NUMFLAG_DEFINITE),
          V("خلال الأيام الثلاثة الماضية", 0, "ثلاثة", 3, W, NUMFLAG_DEFINITE | NUMFLAG_DURATION));
}

Test(numbers, years_dates_times)
{
    CHECK(false, V("في 2016 قتل", 0, "2016", 2016, D, NUMFLAG_YEAR),
          V("في عام 2016", 0, "2016", 2016, D, NUMFLAG_YEAR),
          V("في العام 1990", 0, "1990", 1990, D, NUMFLAG_YEAR),
          V("منذ سنة 2011", 0, "2011", 2011, D, NUMFLAG_YEAR),
          V("في عام ألفين وستة عشر", 0, "ألفين وستة عشر", 2016, W, NUMFLAG_YEAR),
          V("لعام 2015", 0, "2015", 2015, D, NUMFLAG_YEAR),
          V("بنيت عام 1850", 0, "1850", 1850, D, NUMFLAG_YEAR),
          V("قتل 1850 شخصا", 0, "1850", 1850, D, 0), V("قتل 2150 شخصا", 0, "2150", 2150, D, 0),
          V("قتل 2,000 شخص", 0, "2,000", 2000, D, 0), V("في 7 آب", 0, "7", 7, D, NUMFLAG_DATE),
          V("في 5 أغسطس", 0, "5", 5, D, NUMFLAG_DATE),
          V("في 12 يناير", 0, "12", 12, D, NUMFLAG_DATE),
          V("في آب 2016", 0, "2016", 2016, D, NUMFLAG_DATE | NUMFLAG_YEAR),
          V("في 7 كانون الثاني 2017", 0, "7", 7, D, NUMFLAG_DATE),
          V("في 7 كانون الثاني 2017", 1, "2017", 2017, D, NUMFLAG_DATE | NUMFLAG_YEAR),
          V("في 3 تشرين الأول", 0, "3", 3, D, NUMFLAG_DATE),
          V("في 2016/8/7 قتل", 0, "2016/8/7", 2016, D, NUMFLAG_DATE),
          V("في 7-8-2016 قتل", 0, "7-8-2016", 7, D, NUMFLAG_DATE),
          V("في 7.8.2016 قتل", 0, "7.8.2016", 7, D, NUMFLAG_DATE),
          V("في السابع من آب", 0, "السابع", 7, W, NUMFLAG_ORDINAL | NUMFLAG_DATE),
          V("عند الساعة 5", 0, "5", 5, D, NUMFLAG_TIME),
          V("عند الساعة الخامسة", 0, "الخامسة", 5, W, NUMFLAG_ORDINAL | NUMFLAG_TIME),
          V("عند 5:30 قتل", 0, "5:30", 5, D, NUMFLAG_TIME),
          V("عند 6 مساء", 0, "6", 6, D, NUMFLAG_TIME), V("عند 6 صباحا", 0, "6", 6, D, NUMFLAG_TIME),
          /* a daypart of a named day dates a count: no clock time */
          V("وقتل 13 مساء الثلاثاء", 0, "13", 13, D, 0), V("وأصيب 7 مساء أمس", 0, "7", 7, D, 0),
          V("وقتل 4 صباح اليوم", 0, "4", 4, D, 0));
}

Test(numbers, durations)
{
    CHECK(false, V("حاصروها ثلاثة أسابيع", 0, "ثلاثة", 3, W, NUMFLAG_DURATION),
          V("حاصروها 5 أيام", 0, "5", 5, D, NUMFLAG_DURATION),
          V("خلال 24 ساعة", 0, "24", 24, D, NUMFLAG_DURATION),
          V("سجن عشرين عاما", 0, "عشرين", 20, W, NUMFLAG_DURATION),
          V("بعد 3 أشهر", 0, "3", 3, D, NUMFLAG_DURATION),
          V("منذ 5 سنوات", 0, "5", 5, D, NUMFLAG_DURATION),
          V("خلال 10 دقائق", 0, "10", 10, D, NUMFLAG_DURATION),
          V("خلال يومين", 0, "يومين", 2, W, NUMFLAG_DURATION),
          V("لمدة شهرين", 0, "شهرين", 2, W, NUMFLAG_DURATION),
          V("منذ عامين", 0, "عامين", 2, W, NUMFLAG_DURATION),
          V("دام ساعتين", 0, "ساعتين", 2, W, NUMFLAG_DURATION),
          V("بعد أسبوعين", 0, "أسبوعين", 2, W, NUMFLAG_DURATION),
          V("ليومين", 0, "يومين", 2, W, NUMFLAG_DURATION),
          /* the ordinal الثانية is not the time unit ثانية */
          V("المرحلة الأولى والثانية", 0, "الأولى", 1, W, NUMFLAG_ORDINAL),
          /* يوم before a day of the week or أمس names the day: no count of days */
          V("بلغ عدد القتلى 38 يوم الاثنين", 0, "38", 38, D, 0),
          V("ونزح 40 ألفا يوم أمس", 0, "40 ألفا", 40000, M, 0),
          V("استمر الحصار 100 يوم", 0, "100", 100, D, NUMFLAG_DURATION),
          V("خلال الـ100 يوم الأولى", 0, "100", 100, D, NUMFLAG_DURATION));
}

Test(numbers, numbers_in_names)
{
    CHECK(true, V("قصفت مشروع 1070 شقة", 0, "1070", 1070, D, NUMFLAG_IN_NAME),
          V("في شارع 8", 0, "8", 8, D, NUMFLAG_IN_NAME),
          V("هاجم اللواء 47", 0, "47", 47, D, NUMFLAG_IN_NAME),
          V("أفرج عن الدفعة 7", 0, "7", 7, D, NUMFLAG_IN_NAME),
          V("انضم للواء 47", 0, "47", 47, D, NUMFLAG_IN_NAME),
          V("قائد الفرقة 17", 0, "17", 17, D, NUMFLAG_IN_NAME),
          V("مقر الفوج 46", 0, "46", 46, D, NUMFLAG_IN_NAME),
          V("على طريق 5", 0, "5", 5, D, NUMFLAG_IN_NAME),
          V("في قطاع 3", 0, "3", 3, D, NUMFLAG_IN_NAME),
          V("أسقطت طائرة F16", 0, "16", 16, D, NUMFLAG_IN_NAME),
          V("دمرت دبابة T-72", 0, "72", 72, D, NUMFLAG_IN_NAME),
          V("على طريق M5 قتل 3", 1, "3", 3, D, 0), V("قتل 3 في المشروع", 0, "3", 3, D, 0));
    /* without the name lexicon only Latin glue is seen */
    CHECK(false, V("قصفت مشروع 1070 شقة", 0, "1070", 1070, D, 0),
          V("أسقطت طائرة F16", 0, "16", 16, D, NUMFLAG_IN_NAME));
}

/* ---- spans in code points ---- */

Test(numbers, spans_are_code_points)
{
    found f;
    /* 0 ق 1 ت 2 ل 3 _ 4 أ 5 ك 6 ث 7 ر 8 _ 9 م 10 ن 11 _ 12 8 13 0 */
    find(&f, "قتل أكثر من 80 عنصرا", false);
    cr_assert_eq(f.count, 1);
    cr_expect_eq(f.n[0].sp.start, 4);
    cr_expect_eq(f.n[0].sp.end, 14);
    cr_expect_eq(f.n[0].value_sp.start, 12);
    cr_expect_eq(f.n[0].value_sp.end, 14);
    cr_expect_eq(f.n[0].tok_first, 1);
    cr_expect_eq(f.n[0].tok_end, 4);
    text_free(&f.t);
    /* 0 و 1 َ 2 ب 3 ِ 4 خ: the proclitics and their harakat are outside */
    find(&f, "وَبِخَمْسَةِ قذائف", false);
    cr_assert_eq(f.count, 1);
    cr_expect_eq(f.n[0].sp.start, 4);
    cr_expect_eq(f.n[0].sp.end, 12);
    cr_expect_eq(f.n[0].tok_first, 0);
    text_free(&f.t);
}

Test(numbers, text_order_and_max)
{
    found f;
    find(&f, "قتل 3 وجرح 4 وأسر خمسة ونزح 10 آلاف في 2016", false);
    cr_assert_eq(f.count, 5);
    static const double want[] = {3, 4, 5, 10000, 2016};
    for (size_t i = 0; i < 5; i++) {
        cr_expect_eq(f.n[i].value, want[i]);
        if (i > 0)
            cr_expect_geq(f.n[i].sp.start, f.n[i - 1].sp.end);
    }
    number two[2];
    cr_expect_eq(numbers_find(&f.t, QUAL, two, 2), 5); /* all counted, two written */
    cr_expect_eq(two[1].value, 4);
    cr_expect_eq(numbers_find(&f.t, QUAL, NULL, 0), 5);
    cr_expect_eq(numbers_find(NULL, QUAL, two, 2), 0);
    /* no qualifier lexicon: the phrase is not read */
    text_free(&f.t);
    cr_assert_eq(text_init(&f.t, "أكثر من 80", strlen("أكثر من 80")), 0);
    cr_assert_eq(numbers_find(&f.t, NULL, two, 2), 1);
    cr_expect_eq(two[0].qual, QUAL_EXACT);
    cr_expect_eq(two[0].sp.start, 8);
    text_free(&f.t);
}

Test(numbers, qualifier_names)
{
    static const char *const names[] = {"exact",    "more_than", "at_least", "about",
                                        "up_to",    "less_than", "range",    "tens",
                                        "hundreds", "thousands", "some"};
    cr_assert_eq(sizeof names / sizeof names[0], QUAL__COUNT);
    for (unsigned q = 0; q < QUAL__COUNT; q++) {
        qualifier back;
        cr_expect_str_eq(qualifier_name((qualifier)q), names[q]);
        cr_expect(qualifier_parse(names[q], &back));
        cr_expect_eq(back, (qualifier)q);
    }
    qualifier x;
    cr_expect(!qualifier_parse("many", &x));
    cr_expect(!qualifier_parse("", &x));
    cr_expect(!qualifier_parse(NULL, &x));
}

/* ---- numbers_parse: every word form ---- */

typedef struct pcase {
    const char *text;
    double value;
} pcase;

static void check_parse(const pcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double v = -12345;
        bool ok = numbers_parse(c[i].text, strlen(c[i].text), &v);
        cr_expect(ok, "numbers_parse(\"%s\") failed", c[i].text);
        if (ok)
            cr_expect_eq(v, c[i].value, "numbers_parse(\"%s\") = %g, want %g", c[i].text, v,
                         c[i].value);
    }
}

#define PARSE(...)                                 \
    do {                                           \
        static const pcase p_[] = {__VA_ARGS__};   \
        check_parse(p_, sizeof p_ / sizeof p_[0]); \
    } while (0)

Test(numbers, parse_units)
{
    PARSE({"صفر", 0}, {"واحد", 1}, {"واحدة", 1}, {"اثنان", 2}, {"اثنين", 2}, {"اثنتان", 2},
          {"اثنتين", 2}, {"إثنان", 2}, {"ثلاث", 3}, {"ثلاثة", 3}, {"أربع", 4}, {"أربعة", 4},
          {"خمس", 5}, {"خمسة", 5}, {"ست", 6}, {"ستة", 6}, {"سبع", 7}, {"سبعة", 7}, {"ثمان", 8},
          {"ثماني", 8}, {"ثمانية", 8}, {"ثمانى", 8}, {"تسع", 9}, {"تسعة", 9}, {"عشر", 10},
          {"عشرة", 10});
}

Test(numbers, parse_teens)
{
    PARSE({"إحدى عشرة", 11}, {"أحد عشر", 11}, {"احد عشر", 11}, {"اثنا عشر", 12}, {"اثني عشر", 12},
          {"اثنتا عشرة", 12}, {"اثنتي عشرة", 12}, {"ثلاثة عشر", 13}, {"ثلاث عشرة", 13},
          {"أربعة عشر", 14}, {"أربع عشرة", 14}, {"خمسة عشر", 15}, {"خمس عشرة", 15}, {"ستة عشر", 16},
          {"ست عشرة", 16}, {"سبعة عشر", 17}, {"سبع عشرة", 17}, {"ثمانية عشر", 18},
          {"ثماني عشرة", 18}, {"تسعة عشر", 19}, {"تسع عشرة", 19});
}

Test(numbers, parse_tens)
{
    PARSE({"عشرون", 20}, {"عشرين", 20}, {"ثلاثون", 30}, {"ثلاثين", 30}, {"أربعون", 40},
          {"أربعين", 40}, {"خمسون", 50}, {"خمسين", 50}, {"ستون", 60}, {"ستين", 60}, {"سبعون", 70},
          {"سبعين", 70}, {"ثمانون", 80}, {"ثمانين", 80}, {"تسعون", 90}, {"تسعين", 90});
}

Test(numbers, parse_hundreds)
{
    PARSE({"مئة", 100}, {"مائة", 100}, {"ميه", 100}, {"مية", 100}, {"مئتان", 200}, {"مئتين", 200},
          {"مئتا", 200}, {"ومئتا", 200}, {"مائتان", 200}, {"مائتين", 200}, {"مائتا", 200},
          {"ثلاثمئة", 300}, {"ثلاثمائة", 300}, {"ثلاث مئة", 300}, {"ثلاث مائة", 300},
          {"أربعمئة", 400}, {"أربعمائة", 400}, {"خمسمئة", 500}, {"خمسمائة", 500}, {"ستمئة", 600},
          {"ستمائة", 600}, {"سبعمئة", 700}, {"سبعمائة", 700}, {"ثمانمئة", 800}, {"ثمانمائة", 800},
          {"ثمانيمئة", 800}, {"تسعمئة", 900}, {"تسعمائة", 900}, {"تسع مئة", 900});
}

Test(numbers, parse_thousands_and_millions)
{
    PARSE({"ألف", 1000}, {"ألفان", 2000}, {"ألفين", 2000}, {"ألفا", 2000}, {"ثلاثة آلاف", 3000},
          {"ثلاثة ألوف", 3000}, {"عشرة آلاف", 10000}, {"أحد عشر ألفا", 11000},
          {"عشرون ألفا", 20000}, {"خمسون ألف", 50000}, {"مئة ألف", 100000}, {"مليون", 1e6},
          {"مليونان", 2e6}, {"مليونين", 2e6}, {"ثلاثة ملايين", 3e6}, {"مليار", 1e9},
          {"ملياران", 2e9}, {"ثلاثة مليارات", 3e9});
}

Test(numbers, parse_compounds_and_variants)
{
    PARSE({"ثمانية وعشرين", 28}, {"ثمانية و عشرين", 28}, {"واحدة و عشرون", 21},
          {"ألف وخمسمئة", 1500}, {"ثلاثة آلاف ومئتان وخمسون", 3250}, {"مئة وخمسة وعشرون", 125},
          {"ألفين وستة عشر", 2016}, {"مليون ومئتي ألف", 1200000}, {"ثلاثمئة وخمسون ألفا", 350000},
          {"ألفا ومئتا", 1200}, {"ألفا وخمسمئة", 1500}, {"ألفا و200", 1200},
          {"خمسمائة و خمسة و عشرون", 525}, {"ألف وخمسة", 1005}, {"مليون وألف", 1001000},
          {"ثَلاثَةٌ", 3}, {"خمـــسة", 5}, {"اربعة", 4}, {"الف", 1000}, {"خمسه", 5}, {"احدى عشره", 11},
          {"وثماني", 8}, {"بخمسة", 5}, {"لعشرين", 20}, {"فثلاثة", 3}, {"كألف", 1000},
          {"10 آلاف", 10000}, {"2 مليون", 2e6}, {"1.5 مليون", 1.5e6}, {"٣ ملايين", 3e6},
          {"100 ألف", 100000}, {"2 مليون و500 ألف", 2.5e6}, {"١٬٥٠٠", 1500}, {"-1200", -1200},
          {".5", 0.5}, {"٧٧/١٠٠", 0.77}, {"واحد فاصلة خمسة", 1.5}, {"1 فاصلة 05", 1.05});
}

Test(numbers, parse_rejects)
{
    static const char *const bad[] = {
        "",      "abc",   "15 و20",    "ثلاثة وأربعة", "بين 15 و20",
        "عشرات", "الأول", "بين",       "لست",          "بعده",
        "يومين", "١٢/٠",  "1.2.3.4.5", "5 جنود",       "ميتا",
        "إحدى",  "آلاف",  "2016/8/7",  "ثلاثة آلاف 5", "12345678901234567890",
        "ميتا",  "ميتاً",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = 0;
        cr_expect(!numbers_parse(bad[i], strlen(bad[i]), &v), "accepted \"%s\" = %g", bad[i], v);
    }
    double v;
    cr_expect(!numbers_parse(NULL, 0, &v));
    cr_expect(!numbers_parse("\xFF", 1, &v));
}

/* ---- Duckling's Arabic numeral corpus ---- */

Test(numbers, duckling_corpus)
{
    const char *dir = getenv("MARSAD_TEST_DATA");
    char path[512];
    snprintf(path, sizeof path, "%s/duckling_ar_numeral.tsv", dir && *dir ? dir : "tests/data");
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s", path);
    char line[512];
    size_t lines = 0, integers = 0;
    number out[8];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        const char *txt = tab + 1;
        char *end;
        double want = strtod(line, &end);
        cr_assert_eq(*end, '\0', "bad value %s", line);
        lines++;

        double got = NAN;
        bool ok = numbers_parse(txt, strlen(txt), &got);
        bool integer = want == floor(want);
        integers += integer;
        /* integers must be read; the decimals, fractions and negatives too */
        cr_expect(ok, "numbers_parse(\"%s\") failed, want %g", txt, want);
        if (ok)
            cr_expect(fabs(got - want) < 1e-9, "numbers_parse(\"%s\") = %.17g, want %g", txt, got,
                      want);

        text t;
        cr_assert_eq(text_init(&t, txt, strlen(txt)), 0, "%s", txt);
        size_t n = numbers_find(&t, QUAL, out, 8);
        if (integer && want >= 0) {
            cr_expect_eq(n, 1, "numbers_find(\"%s\"): %zu numbers", txt, n);
            if (n >= 1)
                cr_expect_eq(out[0].value, want, "numbers_find(\"%s\") = %g", txt, out[0].value);
        }
        text_free(&t);
    }
    fclose(f);
    cr_expect_geq(lines, 160, "only %zu lines in %s", lines, path);
    cr_expect_geq(integers, 120);
}

/* ---- robustness: random soups of the reader's own vocabulary ---- */

static unsigned long rng_next(unsigned long *s)
{
    *s = *s * 6364136223846793005ul + 1442695040888963407ul;
    return *s >> 33;
}

Test(numbers, random_soup_keeps_invariants)
{
    static const char *const vocab[] = {
        "و",        "بين",   "ما",    "من",     "إلى",    "أو",     "حتى",   "-",      "–",
        "/",        ":",     ".",     "،",      "\n",     "15",     "2016",  "1,500",  "٢٫٥",
        "7.8.2016", "ثلاثة", "عشر",   "عشرة",   "إحدى",   "مئة",    "ثلاث",  "آلاف",   "ألف",
        "ألفا",     "ألفين", "مليون", "ملايين", "عشرين",  "وعشرين", "وخمسة", "بخمسة",  "الثلاثة",
        "عشرات",    "مئات",  "عدد",   "عددا",   "كبير",   "العديد", "عدة",   "بضعة",   "الأول",
        "الحادي",   "يومين", "أيام",  "عام",    "الساعة", "آب",     "كانون", "الثاني", "مساء",
        "مشروع",    "للواء", "F",     "T",      "أكثر",   "نحو",    "على",   "الأقل",  "تقريبا",
        "شخصا",     "فاصلة", "صفر",   "ميه",    "لست",    "مليار",  "ألوف",  "اثنا",   "أحد",
    };
    const size_t nv = sizeof vocab / sizeof vocab[0];
    unsigned long seed = 12345;
    char buf[2048];
    number out[64];
    for (int round = 0; round < 3000; round++) {
        size_t o = 0, words = 1 + rng_next(&seed) % 30;
        for (size_t w = 0; w < words; w++) {
            const char *v = vocab[rng_next(&seed) % nv];
            size_t l = strlen(v);
            if (o + l + 2 >= sizeof buf)
                break;
            memcpy(buf + o, v, l);
            o += l;
            if (rng_next(&seed) % 4)
                buf[o++] = ' ';
        }
        buf[o] = '\0';
        text t;
        cr_assert_eq(text_init(&t, buf, o), 0);
        size_t n = numbers_find_ex(&t, QUAL, NAMES, out, 64);
        uint32_t prev_end = 0;
        for (size_t i = 0; i < n && i < 64; i++) {
            const number *nb = &out[i];
            cr_assert_leq(nb->sp.start, nb->value_sp.start, "%s", buf);
            cr_assert_leq(nb->value_sp.start, nb->value_sp.end, "%s", buf);
            cr_assert_leq(nb->value_sp.end, nb->sp.end, "%s", buf);
            cr_assert_leq(nb->sp.end, t.n_cp, "%s", buf);
            cr_assert_geq(nb->sp.start, prev_end, "overlap in %s", buf);
            cr_assert_lt(nb->tok_first, nb->tok_end, "%s", buf);
            cr_assert_leq(nb->tok_end, t.n_tok, "%s", buf);
            cr_assert_eq(t.tok[nb->tok_first].sentence, t.tok[nb->tok_end - 1].sentence, "%s", buf);
            cr_assert(!nb->has_max || nb->value < nb->value_max, "%s", buf);
            cr_assert(nb->has_value || nb->form == NUMFORM_VAGUE, "%s", buf);
            cr_assert_lt((unsigned)nb->qual, (unsigned)QUAL__COUNT);
            prev_end = nb->sp.end;
        }
        double v;
        numbers_parse(buf, o, &v); /* must not crash */
        text_free(&t);
    }
}
