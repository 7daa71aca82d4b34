/* test_genre.c — the extractor on the genre, not on one corpus: the same
 * facts phrased as wire services, official agencies and local outlets of
 * the region's wars phrase them (Syria, Yemen, Iraq, Gaza, Lebanon, Libya,
 * Sudan, Somalia, the Sahel), with varied verb forms, word order and
 * spelling. One table per error class of issue 14; every sentence is
 * written for these tests.
 */
#include "extract/extract.h"
#include "tests/extract/model_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

TestSuite(genre, .init = load_model, .fini = free_model);

/* The figure whose span contains needle, or NULL. */
static const extract_figure *figure_with(const extract_result *r, const char *needle)
{
    for (size_t i = 0; i < r->n_figures; i++) {
        char *s = text_slice(&r->txt, r->figures[i].sp);
        cr_assert_not_null(s);
        bool hit = strstr(s, needle) != NULL;
        free(s);
        if (hit)
            return &r->figures[i];
    }
    return NULL;
}

typedef struct genre_case {
    const char *doc;
    const char *needle;   /* text inside the figure's span */
    double value;
    const char *type;
    const char *claimant; /* the claimant's name; "(none)": unattributed; NULL: not checked */
} genre_case;

static void check_figures(const genre_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const genre_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        const extract_figure *f = figure_with(&r, c->needle);
        cr_expect_not_null(f, "no figure with \"%s\" in: %s", c->needle, c->doc);
        if (f) {
            cr_expect(f->has_value && f->value == c->value, "\"%s\": value %g, want %g in: %s",
                      c->needle, f->value, c->value, c->doc);
            cr_expect_str_eq(f->type, c->type, "\"%s\" type in: %s", c->needle, c->doc);
            if (c->claimant) {
                const char *got = f->claimant == EXTRACT_NO_INDEX ? "(none)" : r.sources[f->claimant].name;
                cr_expect_str_eq(got, c->claimant, "\"%s\" claimant in: %s", c->needle, c->doc);
            }
        }
        extract_result_free(&r);
    }
}

/* 1. Attribution: pre-posed and post-posed (حسب، بحسب، وفقاً لـ، طبقاً لـ،
 * نقلاً عن), told-to carriers that are never the claimant, statements that
 * carry over the sentences that develop them. */
Test(genre, attribution)
{
    static const genre_case cases[] = {
        {"قتل 14 مدنيا في غارة جوية على سوق شعبي في مدينة إدلب، حسب الدفاع المدني السوري.",
         "14 مدنيا", 14, "killed", "الدفاع المدني السوري"},
        {"قُتل 14 مدنياً بغارة على سوق المدينة، بحسب ما أفاد المرصد السوري لحقوق الإنسان.",
         "14 مدنيا", 14, "killed", "المرصد السوري لحقوق الإنسان"},
        {"أصيب 23 شخصا بجروح في قصف مدفعي على مدينة تعز، وفقاً لمصادر طبية.", "23 شخصا", 23,
         "injured", "مصادر طبية"},
        {"قتل سبعة جنود في هجوم انتحاري غرب الموصل، نقلاً عن مصدر أمني عراقي.", "سبعة جنود", 7,
         "killed", "مصدر أمني عراقي"},
        {"استشهد 9 أشخاص في قصف على مخيم النصيرات، طبقا لوزارة الصحة في غزة.", "9 أشخاص", 9,
         "killed", "وزارة الصحة الفلسطينية"},
        /* told-to: the wire or channel carries the words, the speaker keeps
         * his own name */
        {"وقال مصدر طبي لوكالة فرانس برس إن 12 شخصا قتلوا في غارة على حي الشعار.", "12 شخصا", 12,
         "killed", "مصدر طبي"},
        {"وقال مسؤول محلي للأناضول إن 40 عائلة نزحت من القرية.", "40 عائلة", 40, "displaced",
         "مسؤول محلي"},
        {"وقالت مصادر محلية لـ\"العربي الجديد\" إن 11 مدنيا قتلوا في قصف على بلدة كفرنبل.",
         "11 مدنيا", 11, "killed", "مصادر محلية"},
        {"وأكد شاهد عيان في اتصال مع الجزيرة نت سقوط 6 قتلى في القصف.", "6 قتلى", 6, "killed",
         "شاهد عيان"},
        {"وصرح مدير مستشفى الشفاء لوكالة الأناضول بأن 30 جريحا وصلوا إلى المستشفى.", "30 جريحا", 30,
         "injured", "مدير مستشفى الشفاء"},
        {"وقال المتحدث باسم الجيش الليبي أحمد المسماري لرويترز إن 18 مقاتلا قتلوا في الاشتباكات.",
         "18 مقاتلا", 18, "killed", "أحمد المسماري"},
        /* a statement carries over the sentences that develop it */
        {"وقالت وزارة الصحة الفلسطينية في بيان إن 27 شخصا استشهدوا في غارات على قطاع غزة. وأضافت "
         "أن 60 آخرين أصيبوا بجروح.",
         "60 آخرين", 60, "injured", "وزارة الصحة الفلسطينية"},
        {"أصدرت قوات سوريا الديمقراطية بيانا قالت فيه إنها قتلت 35 عنصرا من تنظيم الدولة. كما أسرت "
         "12 آخرين خلال العملية.",
         "12 آخرين", 12, "captured", "قوات سوريا الديمقراطية"},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}
