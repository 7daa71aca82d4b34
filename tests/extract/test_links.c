/* test_links.c — how figures are tied to one another (extract/figures.c,
 * link_figures): a breakdown is a part of its total (part_of), an update
 * replaces an earlier toll (supersedes). Sentences written for these tests.
 */
#include "extract/extract.h"
#include "tests/extract/model_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

TestSuite(links, .init = load_model, .fini = free_model);

/* Index of the figure whose span contains `needle`, or EXTRACT_NO_INDEX. */
static size_t figure_index(const extract_result *r, const char *needle)
{
    const extract_figure *f = figure_with(r, needle);
    return f ? (size_t)(f - r->figures) : EXTRACT_NO_INDEX;
}

typedef struct link_case {
    const char *doc;
    const char *figure; /* text inside the figure's span */
    const char *other;  /* the figure it is tied to; NULL: none */
} link_case;

/* Checks that each case's figure is a part of (part_of) or an update of
 * (supersedes) its other figure, or of none. */
static void check_links(const link_case *cases, size_t n, bool parts)
{
    for (size_t k = 0; k < n; k++) {
        const link_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t i = figure_index(&r, c->figure);
        cr_assert_neq(i, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->figure, c->doc);
        size_t want = c->other ? figure_index(&r, c->other) : EXTRACT_NO_INDEX;
        if (c->other)
            cr_assert_neq(want, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->other, c->doc);
        size_t got = parts ? r.figures[i].part_of : r.figures[i].supersedes;
        cr_expect_eq(got, want, "\"%s\" %s %zu, want %zu in: %s", c->figure,
                     parts ? "part_of" : "supersedes", got, want, c->doc);
        extract_result_free(&r);
    }
}

/* A breakdown that names its toll ("وبين القتلى") breaks down the toll of
 * that kind: past a toll of another kind told between, past a few words of
 * where after the toll's name, and never a part of it told before (the
 * parts of one whole are siblings). */
Test(links, named_toll_is_the_whole)
{
    static const link_case cases[] = {
        {"قتل 30 شخصا وأصيب 50 آخرون في القصف، وأوضح المصدر أن بين القتلى 4 أطفال.", "4 أطفال",
         "30 شخصا"},
        {"قتل 40 شخصا في قصف على المدينة أمس. ومن بين القتلى في المدينة 12 طفلا.", "12 طفلا",
         "40 شخصا"},
        {"قتل 40 شخصا في قصف على المدينة أمس. ومن بين القتلى 12 طفلا، وبين القتلى 7 نساء.",
         "7 نساء", "40 شخصا"},
        {"قتل 40 شخصا في قصف على المدينة أمس. ومن بين القتلى 12 طفلا. وبين القتلى أيضا 7 نساء.",
         "7 نساء", "40 شخصا"},
        /* the martyrs, the missing: tolls a breakdown names as well */
        {"استشهد 15 فلسطينيا في غارة على منزل فجر اليوم، من بينهم 6 أطفال. ومن بين الشهداء أيضا 4 "
         "نساء.",
         "4 نساء", "15 فلسطينيا"},
        /* counter-examples: a part is no more than its whole; the injured
         * are not the killed; منهم after a part is of that part */
        {"قتل 5 أشخاص وأصيب 50 آخرون في القصف، وبين القتلى 9 أطفال.", "9 أطفال", NULL},
        {"قتل 30 شخصا وأصيب 50 آخرون في القصف، ومن بين الجرحى 4 أطفال.", "4 أطفال", "50 آخرون"},
        {"قتل 40 شخصا في القصف، بينهم 12 طفلا، منهم 3 رضع.", "3 رضع", "12 طفلا"},
    };
    check_links(cases, sizeof cases / sizeof cases[0], true);
}

/* An update word ("ارتفعت الحصيلة") says the toll rose: it replaces the
 * toll told before by its own party, or, when its party told none, the one
 * another party told; never a larger one, and two parties' tolls with no
 * update word are a disagreement. */
Test(links, update_by_another_party)
{
    static const link_case cases[] = {
        {"أعلنت وزارة الصحة مقتل 27 شخصا في الغارة على المبنى. وارتفعت الحصيلة إلى 33 قتيلا، "
         "بحسب الدفاع المدني.",
         "33 قتيلا", "27 شخصا"},
        {"قال المرصد السوري إن 11 مدنيا قتلوا في القصف. ثم ارتفع عدد القتلى إلى 15 مدنيا، وفق "
         "مصادر طبية.",
         "15 مدنيا", "11 مدنيا"},
        /* its own party's toll first */
        {"أعلنت وزارة الصحة مقتل 27 شخصا. وقال الدفاع المدني إن 30 شخصا قتلوا. وارتفعت الحصيلة "
         "إلى 33 قتيلا، بحسب وزارة الصحة.",
         "33 قتيلا", "27 شخصا"},
        /* counter-examples: no update word; a larger toll before */
        {"أعلنت وزارة الصحة مقتل 27 شخصا. وقال الدفاع المدني إن 33 شخصا قتلوا.", "33 شخصا", NULL},
        {"قال الدفاع المدني إن 40 شخصا قتلوا. وارتفعت الحصيلة إلى 33 قتيلا، بحسب وزارة الصحة.",
         "33 قتيلا", NULL},
    };
    check_links(cases, sizeof cases / sizeof cases[0], false);
}

/* A total counted since a start (منذ in its clause) adds up the day's
 * toll: it replaces only a total told since a start too. */
Test(links, a_total_since_a_start_replaces_only_such_a_total)
{
    static const link_case cases[] = {
        {"استشهد شابان برصاص الجيش في المخيم. وارتفعت حصيلة الشهداء في المحافظة منذ مطلع العام "
         "إلى 312 شهيدا.",
         "312 شهيدا", NULL},
        {"استشهد شابان في المخيم. وارتفعت حصيلة الشهداء إلى 312 شهيدا منذ بدء الحرب.", "312 شهيدا",
         NULL},
        {"وبلغت حصيلة القتلى منذ بدء الحرب 40900 قتيل. ثم ارتفعت حصيلة القتلى منذ بدء الحرب إلى "
         "41000 قتيل.",
         "41000 قتيل", "40900 قتيل"},
        /* counter-examples: a منذ of another clause; no منذ at all */
        {"قتل 25 شخصا في الهجوم المستمر منذ الصباح، ما أدى إلى ارتفاع الحصيلة حتى المساء إلى 32 "
         "قتيلا.",
         "32 قتيلا", "25 شخصا"},
        {"قتل 3 أشخاص في القصف. ثم ارتفعت الحصيلة إلى 5 قتلى.", "5 قتلى", "3 أشخاص"},
    };
    check_links(cases, sizeof cases / sizeof cases[0], false);
}

/* An earlier toll told after the new one, named as earlier ("وكانت
 * الوزارة قد أعلنت في حصيلة سابقة"), is replaced by it even with no update
 * word before the new one. */
Test(links, earlier_toll_told_after)
{
    static const link_case cases[] = {
        {"قتل 36 شخصا في غارات على قرى الجنوب أمس. وكانت وزارة الصحة قد أعلنت في حصيلة سابقة "
         "مقتل 22 شخصا.",
         "36 شخصا", "22 شخصا"},
        {"قتل 40 مدنيا في القصف على المدينة. وكان المرصد قد وثق في وقت سابق مقتل 31 مدنيا.",
         "40 مدنيا", "31 مدنيا"},
        /* counter-examples: a toll recounted, not named as earlier; an
         * earlier toll larger than the new one */
        {"قتل 36 شخصا في غارات على قرى الجنوب أمس. وكانت وزارة الصحة قد أعلنت مقتل 22 شخصا في "
         "غارة على البقاع.",
         "36 شخصا", NULL},
        {"قتل 20 شخصا في غارات على قرى الجنوب أمس. وكانت وزارة الصحة قد أعلنت في حصيلة سابقة "
         "مقتل 22 شخصا.",
         "20 شخصا", NULL},
    };
    check_links(cases, sizeof cases / sizeof cases[0], false);
}

/* A breakdown told after the part ("3 أطفال بين القتلى") names its whole
 * as well, in the part's sentence or the one before. */
Test(links, breakdown_after_the_part)
{
    static const link_case cases[] = {
        {"قتل 7 أشخاص في غارة على المدينة أمس. وأفادت مصادر طبية بمقتل 3 أطفال بين القتلى.",
         "3 أطفال", "7 أشخاص"},
        {"قتل 12 شخصا وأصيب 20 آخرون في القصف، وكان 4 نساء من بين القتلى.", "4 نساء", "12 شخصا"},
        /* counter-examples: more than the toll; no toll of that kind before */
        {"قتل 5 أشخاص في غارة على المدينة أمس. وقالت مصادر إن 9 أطفال بين القتلى.", "9 أطفال",
         NULL},
        {"قتل 7 أشخاص في غارة على المدينة أمس. وأفادت مصادر بإصابة 3 أطفال من بين المصابين.",
         "3 أطفال", NULL},
    };
    check_links(cases, sizeof cases / sizeof cases[0], true);
}
