/* test_figures.c — reported figures read as Arabic reporting prints them, on
 * sentences written for these tests. One table per class of error: the type
 * from the governing word, number forms, duals and numbers after their
 * noun, breakdowns (part_of) and updates (supersedes), and numbers that are
 * no figures.
 */
#include "extract/extract.h"
#include "tests/extract/model_fixture.h"
#include "tests/extract/repeated.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

TestSuite(figures, .init = load_model, .fini = free_model);

/* Index of the figure whose span contains `needle` (the n-th such one,
 * counting from 0), or EXTRACT_NO_INDEX. */
static size_t figure_nth(const extract_result *r, const char *needle, int n)
{
    for (size_t i = 0; i < r->n_figures; i++) {
        char *s = text_slice(&r->txt, r->figures[i].sp);
        cr_assert_not_null(s);
        bool hit = strstr(s, needle) != NULL;
        free(s);
        if (hit && n-- == 0)
            return i;
    }
    return EXTRACT_NO_INDEX;
}

static size_t figure_at(const extract_result *r, const char *needle)
{
    return figure_nth(r, needle, 0);
}

typedef struct figure_case {
    const char *doc;
    const char *needle; /* text inside the figure's span */
    double value;
    const char *qualifier;
    const char *type;
} figure_case;

static void check_cases(const figure_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const figure_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t i = figure_at(&r, c->needle);
        cr_expect_neq(i, EXTRACT_NO_INDEX, "no figure with \"%s\" in: %s", c->needle, c->doc);
        if (i != EXTRACT_NO_INDEX) {
            const extract_figure *f = &r.figures[i];
            if (isnan(c->value))
                cr_expect(!f->has_value, "\"%s\": a value, want none", c->needle);
            else
                cr_expect(f->has_value && f->value == c->value, "\"%s\": value %g, want %g",
                          c->needle, f->value, c->value);
            cr_expect_str_eq(qualifier_name(f->qual), c->qualifier, "\"%s\" qualifier in: %s",
                             c->needle, c->doc);
            cr_expect_str_eq(f->type, c->type, "\"%s\" type in: %s", c->needle, c->doc);
        }
        extract_result_free(&r);
    }
}

/* A figure `now` of a document and the figure it supersedes, `was` (NULL:
 * none). */
typedef struct supersede_case {
    const char *doc, *now, *was;
} supersede_case;

static void check_supersedes(const supersede_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        size_t now = figure_at(&r, cases[k].now);
        cr_assert_neq(now, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", cases[k].now, cases[k].doc);
        size_t was = cases[k].was ? figure_at(&r, cases[k].was) : EXTRACT_NO_INDEX;
        cr_expect_eq(r.figures[now].supersedes, was, "\"%s\" supersedes %zu, want %zu in: %s",
                     cases[k].now, r.figures[now].supersedes, was, cases[k].doc);
        extract_result_free(&r);
    }
}

/* A sentence, the text of a figure's number in it, and the id of the place
 * that figure is in (NULL: none). */
typedef struct place_case {
    const char *doc;
    const char *number;
    const char *place;
} place_case;

static void check_places(const place_case *cases, size_t n)
{
    const extract_place *places;
    extract_model_places(model, &places);
    for (size_t k = 0; k < n; k++) {
        const place_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t i = figure_at(&r, c->number);
        cr_assert_neq(i, EXTRACT_NO_INDEX, "no %s in: %s", c->number, c->doc);
        if (c->place)
            cr_expect(r.figures[i].place != EXTRACT_NO_INDEX &&
                          !strcmp(places[r.figures[i].place].id, c->place),
                      "%s is not in %s: %s", c->number, c->place, c->doc);
        else
            cr_expect_eq(r.figures[i].place, EXTRACT_NO_INDEX, "%s has a place: %s", c->number,
                         c->doc);
        extract_result_free(&r);
    }
}

/* A sentence and the text of a number in it that is no figure. */
typedef struct no_figure_case {
    const char *doc;
    const char *number;
} no_figure_case;

static void check_no_figures(const no_figure_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        cr_expect_eq(figure_at(&r, cases[k].number), EXTRACT_NO_INDEX,
                     "\"%s\" read as a figure in: %s", cases[k].number, cases[k].doc);
        extract_result_free(&r);
    }
}

/* The type comes from the word that governs the number, before or after it;
 * in coordinated clauses each number takes its own verb. */
Test(figures, types_from_the_governing_word)
{
    static const figure_case cases[] = {
        /* bodies recovered are the dead */
        {"وانتشلت فرق الإنقاذ جثث 9 مدنيين من تحت الأنقاض.", "9 مدنيين", 9, "exact", "killed"},
        /* the lives a verb took, its subject between them */
        {"وأودى الانفجار بحياة 12 شخصا في السوق.", "12 شخصا", 12, "exact", "killed"},
        {"واستهدفت الغارة منزلا وراح ضحيتها 3 أطفال.", "3 أطفال", 3, "exact", "killed"},
        {"وأنقذت الطواقم أرواح 12 شخصا من تحت الأنقاض.", "12 شخصا", 12, "exact", "count"},
        /* the slaughtered, hanged and liquidated are killed */
        {"وذبح عناصر التنظيم 7 رهائن في البادية.", "7 رهائن", 7, "exact", "killed"},
        {"وشنقت السلطات 3 معتقلين فجر اليوم.", "3 معتقلين", 3, "exact", "killed"},
        {"وصفت الميليشيا 12 معتقلا في السجن.", "12 معتقلا", 12, "exact", "killed"},
        /* those eliminated (القضاء على) are killed */
        {"وأكد المتحدث أن قواته تمكنت من القضاء على 35 إرهابيا.", "35 إرهابيا", 35, "exact",
         "killed"},
        {"قتل 12 مدنيا وأصيب 30 آخرون في قصف على البلدة.", "12 مدنيا", 12, "exact", "killed"},
        {"قتل 12 مدنيا وأصيب 30 آخرون في قصف على البلدة.", "30 آخرون", 30, "exact", "injured"},
        {"أسفر القصف عن مقتل 9 أشخاص بينهم طفلان وإصابة 14 آخرين.", "9 أشخاص", 9, "exact",
         "killed"},
        {"أسفر القصف عن مقتل 9 أشخاص بينهم طفلان وإصابة 14 آخرين.", "طفلان", 2, "exact", "killed"},
        {"أسفر القصف عن مقتل 9 أشخاص بينهم طفلان وإصابة 14 آخرين.", "14 آخرين", 14, "exact",
         "injured"},
        {"وقالت الشرطة إن 11 شخصا قتلوا في الانفجار.", "11 شخصا", 11, "exact", "killed"},
        /* the dead and the wounded named together, each by its own word */
        {"وأفاد مصدر طبي باستشهاد وإصابة 14 مواطنا في القصف.", "14 مواطنا", 14, "exact",
         "casualties"},
        {"وأسفر الهجوم عن مقتل وجرح 20 عنصرا من القوات.", "20 عنصرا", 20, "exact", "casualties"},
        {"وأسفر القصف عن مصرع وإصابة 7 أشخاص.", "7 أشخاص", 7, "exact", "casualties"},
        {"وبلغت الحصيلة 12 ضحية بين قتيل وجريح.", "12 ضحية", 12, "exact", "casualties"},
        {"وأعلنت الوزارة مقتل 5 أشخاص وإصابة 12 آخرين.", "12 آخرين", 12, "exact", "injured"},
        /* verbs and nouns of the genre */
        {"وارتقى 3 مواطنين في القصف على الحي.", "3 مواطنين", 3, "exact", "killed"},
        {"وقالت الكتائب إن مقاتليها أجهزوا على 7 جنود.", "7 جنود", 7, "exact", "killed"},
        {"وقال إن 3 من عناصر التنظيم سلموا أنفسهم.", "3 من", 3, "exact", "captured"},
        {"وقال إن 40 مدنيا محاصرون في المبنى.", "40 مدنيا", 40, "exact", "trapped"},
        {"وقالت المنظمة إن 12 ألف شخص عبروا الحدود.", "12 ألف شخص", 12000, "exact", "displaced"},
        {"وفقد الاتصال بحوالي 12 عنصرا من الدورية.", "12 عنصرا", 12, "about", "count"},
        {"وضبطت القوة 3 بنادق و4 مسدسات.", "4 مسدسات", 4, "exact", "seized"},
        {"ووثق التقرير 4 حوادث اعتداء على مراكز طبية.", "4 حوادث", 4, "exact", "count"},
        /* Iraq's word for a vehicle, and its dual */
        {"وقالت القيادة إن القوات دمرت 6 عجلات مفخخة.", "6 عجلات", 6, "exact", "destroyed"},
        {"وأعلنت الخلية تدمير عجلتين للتنظيم.", "عجلتين", 2, "exact", "destroyed"},
        /* a part of a possessed construct plural, and a dual verb after it */
        {"وقال الجيش إن 2 من عسكرييه استشهدا في الكمين.", "2 من", 2, "exact", "killed"},
        {"وقالت الشرطة إن اثنين من المهاجمين اعتقلا.", "اثنين", 2, "exact", "captured"},
        /* a word that counts munitions, past its subject; munitions found are seized */
        {"وفككت فرق الهندسة 12 عبوة ناسفة.", "12 عبوة", 12, "exact", "count"},
        {"وعثرت القوات على 9 صواريخ في المخزن.", "9 صواريخ", 9, "exact", "seized"},
        /* a qualifier before a dual */
        {"ووثقت الشبكة ما لا يقل عن مجزرتين في الريف.", "مجزرتين", 2, "at_least", "count"},
        {"وأسقطت الدفاعات أكثر من طائرتين مسيرتين.", "طائرتين", 2, "more_than", "destroyed"},
        /* a noun with its owner's pronoun after من; how far, its noun left out */
        {"وقالت الوكالة إن 190 من منشآتها تعرضت للقصف.", "190 من", 190, "exact", "count"},
        {"ودمر القصف 150 ألف منزل كليا و200 ألف جزئيا.", "200 ألف", 200000, "exact", "destroyed"},
        /* a word of what happened does not reach past a contrasting clause,
         * unless it names the toll again */
        {"وانتشلت الطواقم جثامين 11 شهيدا، فيما لا يزال نحو عشرة مفقودين تحت الركام.",
         "عشرة مفقودين", 10, "about", "count"},
        {"وأعلنت الجماعة مقتل 30 جنديا، بينما قال الجيش إن الحصيلة 23 جنديا فقط.", "23 جنديا", 23,
         "exact", "killed"},
        /* a trigger word inside a counted noun of what did not happen (an
         * attempt) types nothing */
        {"ونجا 3 أشخاص من محاولة اغتيال استهدفت موكبهم.", "3 أشخاص", 3, "exact", "count"},
        {"وأصدرت المحكمة 4 أحكام إعدام بحق 4 متهمين.", "4 متهمين", 4, "exact", "count"},
        /* the missing are counted, whatever the counted noun before them */
        {"وبلغ عدد الضحايا 120 قتيلا و340 جريحا و25 مفقودا.", "25 مفقودا", 25, "exact", "count"},
        {"وقالت الوزارة إن 48 شخصا قتلوا، إضافة إلى 210 مصابين و17 مفقودا.", "17 مفقودا", 17,
         "exact", "count"},
        /* duals in the nominative count two whatever the noun */
        {"واعتقلت الدورية 6 شبان بينهم قاصران.", "قاصران", 2, "exact", "captured"},
        {"وأصيب مسعفان بشظايا القذيفة.", "مسعفان", 2, "exact", "injured"},
        {"وشنت الطائرات غارتان على البلدة.", "غارتان", 2, "exact", "airstrikes"},
        {"وسقط صاروخان في أرض زراعية.", "صاروخان", 2, "exact", "fired"},
        {"وأضاف أن ستة جنود أصيبوا بجروح خطيرة.", "ستة جنود", 6, "exact", "injured"},
        {"نزح أكثر من 3 آلاف شخص من القرى الحدودية.", "3 آلاف شخص", 3000, "more_than", "displaced"},
        {"واعتقلت القوات 25 شابا خلال المداهمات.", "25", 25, "exact", "captured"},
        {"وأعلن الجيش اعتراض 4 صواريخ أطلقت من الجنوب.", "4 صواريخ", 4, "exact", "destroyed"},
        {"وقال الجيش إن 5 طائرات مسيرة على الأقل دمرت قرب القاعدة.", "5 طائرات", 5, "at_least",
         "destroyed"},
        {"وقتل وأصيب نحو 20 عنصرا في الكمين.", "20 عنصرا", 20, "about", "casualties"},
        {"وتم إطلاق سراح 40 معتقلا من السجن المركزي.", "40 معتقلا", 40, "exact", "count"},
        {"وقال المركز إن 300 لاجئ عادوا إلى قراهم هذا الأسبوع.", "300 لاجئ", 300, "exact", "count"},
        {"وقصفت الطائرات 12 مدرسة في المحافظة.", "12 مدرسة", 12, "exact", "count"},
        {"وقصفت المدفعية البلدة بأكثر من 90 قذيفة.", "90 قذيفة", 90, "more_than", "fired"},
        {"وأفرج التنظيم عن 8 أشخاص كانوا محتجزين لديه.", "8 أشخاص", 8, "exact", "count"},
        {"واعتقلت هيئة تحرير الشام 7 أشخاص في المدينة.", "7 أشخاص", 7, "exact", "captured"},
        {"وارتفع عدد القتلى إلى 58 بحسب الدفاع المدني.", "58", 58, "exact", "killed"},
        {"وقتل 3 أشخاص وأصيب 17 في الغارة.", "17", 17, "exact", "injured"},
        {"وأوضح أن عدد الجرحى بلغ 2031 جريحا حتى المساء.", "2031 جريحا", 2031, "exact", "injured"},
        {"وبلغ عدد الضحايا 14 مدنيا منذ الصباح.", "14 مدنيا", 14, "exact", "killed"},
        {"وارتفع عدد ضحايا القصف إلى 50 شخصا.", "50 شخصا", 50, "exact", "killed"},
        {"وأعلنت الوزارة مقتل 5 وإصابة 10 في القصف.", "10", 10, "exact", "injured"},
        {"ودمر القصف 7 مبانٍ سكنية.", "7 مبان", 7, "exact", "destroyed"},
        {"ونزح نحو 50 ألفا من سكان المدينة.", "50 ألفا", 50000, "about", "displaced"},
        {"وقال إن 420 شخصا (150 امرأة و200 طفل) عادوا إلى المدينة.", "420 شخصا", 420, "exact",
         "count"},
        {"وأفرج لواء شهداء البلدة عن 9 جنود.", "9 جنود", 9, "exact", "count"},
        {"وأعلن اللواء أسر 6 عناصر من التنظيم.", "6 عناصر", 6, "exact", "captured"},
        /* a verb in the dual after a pair of people says what befell both */
        {"وقال المسعفون إن اثنين من الأطفال توفيا من شدة البرد في المخيم.", "اثنين من الأطفال", 2,
         "exact", "killed"},
        {"وذكرت الإدارة أن سيدتين مسنتين توفيتا في خيمتهما.", "سيدتين", 2, "exact", "killed"},
        {"وأضاف أن امرأتين أصيبتا بشظايا القذيفة.", "امرأتين", 2, "exact", "injured"},
        {"وأكد المسعف أن 3 أطفال نجوا، وأن شقيقتيهم توفيتا لاحقا.", "3 أطفال", 3, "exact", "count"},
        /* camps are counted as the humanitarian reports count them */
        {"وقال الفريق إن 73 مخيما غمرتها مياه الأمطار.", "73 مخيما", 73, "exact", "count"},
        /* medical staff with the article, after من */
        {"ووثق التقرير مقتل 4 من الكوادر الطبية خلال الشهر.", "الكوادر الطبية", 4, "exact",
         "killed"},
        {"وأصيب ثلاثة من الكادر الطبي في المستشفى.", "الكادر الطبي", 3, "exact", "injured"},
        /* ... but the staff named before a number are not what it counts */
        {"وأسعف الكادر الطبي 4 مصابين في المستشفى.", "4 مصابين", 4, "exact", "injured"},
        {"ودمر القصف مخيمين قرب الحدود.", "مخيمين", 2, "exact", "destroyed"},
        /* a verb after the noun with a subject of its own and a part of the
         * number after it tells what befell the part, not the whole */
        {"وقال الجيش إن المسلحين أطلقوا 5 قذائف صاروخية أسقطت المنظومة 4 منها.", "5 قذائف", 5,
         "exact", "fired"},
        {"وقال الجيش إن المسلحين أطلقوا 5 قذائف صاروخية أسقطت المنظومة 4 منها.", "4 منها", 4,
         "exact", "destroyed"},
        /* ... but with no part after it, the verb after the noun governs it */
        {"وقال المتحدث إن 5 طائرات مسيرة أسقطت فوق القاعدة ليلا.", "5 طائرات", 5, "exact",
         "destroyed"},
        {"وأكد أن 7 صواريخ اعترضت قبل وصولها إلى 3 منها أحياء سكنية.", "7 صواريخ", 7, "exact",
         "destroyed"},
        /* the verb's feminine, for a group or a state */
        {"أعدمت الجماعة 5 أشخاص بتهمة التجسس.", "5 أشخاص", 5, "exact", "killed"},
        /* a verb after a plural of things agrees in the feminine singular or the
         * dual, and says what befell them, whatever trigger stands before */
        {"وقال الجيش إن طائراته قتلت 3 عناصر في غارة على البلدة، مشيرا إلى أن صاروخين أطلقا "
         "من الجنوب سقطا في أرض خالية.",
         "صاروخين", 2, "exact", "fired"},
        {"وشن الطيران غارة على الموقع، وقال الجيش إن 4 قذائف سقطت قرب الحدود.", "4 قذائف", 4,
         "exact", "fired"},
        {"وشنت الطائرات غارات على المدينة، وقال الدفاع المدني إن 6 سيارات احترقت في القصف.",
         "6 سيارات", 6, "exact", "destroyed"},
        /* ... unless a verb that intercepts or seizes them stands before the
         * number in its clause: the verb after is then their attribute */
        {"اعترضت الدفاعات الجوية 7 صواريخ أطلقت من الجنوب.", "7 صواريخ", 7, "exact", "destroyed"},
        {"وضبطت الشرطة 12 قذيفة أطلقت سابقا ولم تنفجر.", "12 قذيفة", 12, "exact", "seized"},
        /* ... past the objects joined to the munitions before them */
        {"وأسقطت الدفاعات 4 طائرات مسيرة وصاروخين أطلقت من الجنوب.", "صاروخين", 2, "exact",
         "destroyed"},
        /* ... a counted one joined by و too, its number and noun its own */
        {"وأسقطت الدفاعات 6 طائرات مسيرة و4 صواريخ أطلقت من الجنوب.", "4 صواريخ", 4, "exact",
         "destroyed"},
        {"وصادرت القوات 9 بنادق وثلاث قذائف أطلقت سابقا.", "ثلاث قذائف", 3, "exact", "seized"},
        {"اعترضت الدفاعات 3 صواريخ، و5 صواريخ أطلقت سقطت في مناطق مفتوحة.", "5 صواريخ", 5, "exact",
         "fired"},
        /* ... but what befell people stays theirs */
        {"وقتل 3 مدنيين بقذائف أطلقت من الجنوب.", "3 مدنيين", 3, "exact", "killed"},
        {"وأصيب 4 جنود بصواريخ سقطت على الموقع.", "4 جنود", 4, "exact", "injured"},
        {"وأكد المرصد مقتل 10 أشخاص في القصف، مشيرا إلى أن بينهم 4 أطفال.", "4 أطفال", 4, "exact",
         "killed"},
        /* killed or injured, killed or maimed (the UN's children and armed
         * conflict reports): casualties */
        {"وقالت المنظمة إن أكثر من 9 آلاف طفل قتلوا أو أصيبوا منذ بداية النزاع.", "9 آلاف طفل",
         9000, "more_than", "casualties"},
        {"ووثق التقرير قتل أو تشويه 430 طفلا خلال العام الماضي.", "430 طفلا", 430, "exact",
         "casualties"},
        {"وأدى القصف إلى مقتل أو إصابة نحو 40 شخصا في السوق.", "40 شخصا", 40, "about",
         "casualties"},
        /* the pair in the active voice: casualties */
        {"وقال المتحدث إن قواته قتلت وأصابت أكثر من 60 من عناصر الميليشيا.", "60 من عناصر", 60,
         "more_than", "casualties"},
        /* a spokesman speaks in the first person plural */
        {"الجيش: قضينا على 40 مسلحا في رفح\n\nنص.\n", "40 مسلحا", 40, "exact", "killed"},
        {"وقال المتحدث: دمرنا 6 دبابات وأسرنا 11 جنديا واغتنمنا 4 عربات.", "6 دبابات", 6, "exact",
         "destroyed"},
        {"وقال المتحدث: دمرنا 6 دبابات وأسرنا 11 جنديا واغتنمنا 4 عربات.", "11 جنديا", 11, "exact",
         "captured"},
        {"وقال المتحدث: دمرنا 6 دبابات وأسرنا 11 جنديا واغتنمنا 4 عربات.", "4 عربات", 4, "exact",
         "seized"},
        /* what is aimed at is counted as struck: the guideline's targets
         * struck; what is sunk or destroyed is destroyed */
        {"وقالت الكتائب إن مقاتليها استهدفوا 4 دبابات بقذائف مضادة للدروع.", "4 دبابات", 4, "exact",
         "count"},
        {"وقال المتحدث إن القوات البحرية استهدفت 3 سفن تجارية وأغرقت سفينتين.", "3 سفن", 3, "exact",
         "count"},
        {"وقال المتحدث إن القوات البحرية استهدفت 3 سفن تجارية وأغرقت سفينتين.", "سفينتين", 2,
         "exact", "destroyed"},
        {"وأعلن الجيش استهداف 70 موقعا للحزب خلال الليل.", "70 موقعا", 70, "exact", "count"},
        {"وأعلنت الدفاعات الجوية استهداف 5 طائرات مسيرة فوق المدينة.", "5 طائرات", 5, "exact",
         "destroyed"},
        /* a definite name word before digits is a subject when a count's noun
         * follows them (11 and more take the singular accusative) */
        {"وانتزع المشروع 87 لغما من الأراضي الزراعية.", "87 لغما", 87, "exact", "count"},
        {"وأسر اللواء 15 عنصرا من الميليشيا في الهجوم.", "15 عنصرا", 15, "exact", "captured"},
        /* "N من الفصائل المسلحة": members of a force the list knows, not factions */
        {"وقال الجيش إن قواته قتلت 12 من الفصائل المسلحة.", "12", 12, "exact", "killed"},
        {"وأسرت القوات 9 من الفصائل المسلحة قرب البلدة.", "9", 9, "exact", "captured"},
        /* ... and the factions of the story after a verb that befalls
         * people, or down a list of tolls of people */
        {"ووثق المرصد مقتل 6 من الفصائل الموالية لأنقرة.", "6", 6, "exact", "killed"},
        {"وقتل 15 جنديا و7 من الفصائل في الاشتباكات.", "7", 7, "exact", "killed"},
        /* ... but the bodies where no force is named and nothing befalls people */
        {"ووقع 3 من الفصائل على الاتفاق في أنقرة.", "3 من الفصائل", 3, "exact", "count"},
        /* the verbal noun with its subject's pronoun: "أعلن الجيش تدميره ..." */
        {"وأعلن الجيش تدميره 7 آليات عسكرية للمتمردين.", "7 آليات", 7, "exact", "destroyed"},
        {"وأعلنت القوات استيلاءها على 12 عربة قتالية.", "12 عربة", 12, "exact", "seized"},
        {"وأعلنت الدفاعات الجوية إسقاطها 5 طائرات مسيرة.", "5 طائرات", 5, "exact", "destroyed"},
        {"وأعلنت الشرطة اعتقالها 14 مطلوبا في المدينة.", "14 مطلوبا", 14, "exact", "captured"},
        /* the drowned of a migrants' boat are dead; the boat that sank is no
         * word of theirs */
        {"وقالت المنظمة إن 61 مهاجرا غرقوا قبالة السواحل الليبية.", "61 مهاجرا", 61, "exact",
         "killed"},
        {"وأنقذ خفر السواحل 40 مهاجرا وانتشل جثث 12 آخرين.", "40 مهاجرا", 40, "exact", "count"},
        /* the rescued others of a toll of the dead are no dead */
        {"وانتشل خفر السواحل جثث 12 مهاجرا، فيما تم إنقاذ 80 آخرين.", "80 آخرين", 80, "exact",
         "count"},
        {"وغرق قارب كان يقل 80 مهاجرا قبالة السواحل.", "80 مهاجرا", 80, "exact", "count"},
        /* bodies are the dead whatever the figure beside them is */
        {"ووصل إلى المستشفى 25 مصابا و3 جثث.", "3 جثث", 3, "exact", "killed"},
        /* communities are counted as people */
        {"ولا يزال نحو 2700 إيزيدي في عداد المفقودين.", "2700 إيزيدي", 2700, "about", "count"},
        /* explosives dismantled or mines cleared are counted, not fired */
        {"وقال الجيش إن وحداته فككت 3 عبوات ناسفة في المنطقة.", "3 عبوات", 3, "exact", "count"},
        {"وأعلن المركز نزع 450 لغما من الأراضي الزراعية.", "450 لغما", 450, "exact", "count"},
        /* ... but a return is not what befalls the shells it brings */
        {"وعاد القصف صباحا بعشرين قذيفة على البلدة.", "عشرين قذيفة", 20, "exact", "fired"},
        /* the forcibly disappeared are counted as such; the detained named near
         * the words stay detained */
        {"ووثقت الشبكة 45 حالة اختفاء قسري خلال الشهر.", "45 حالة", 45, "exact", "count"},
        {"واعتقلت القوات 30 شخصا في حملة دهم، وطالبت المنظمة بالكشف عن مصير المختفين قسريا.",
         "30 شخصا", 30, "exact", "captured"},
        {"وسجل التقرير اعتقال 25 شخصا وسط مخاوف من تعرضهم للإخفاء القسري.", "25 شخصا", 25, "exact",
         "captured"},
        /* the released are counted as such, also with the subject between the
         * verb and its preposition (VSO), and named by what they were */
        {"وأفرجت السلطات عن 90 معتقلا بموجب مرسوم العفو.", "90 معتقلا", 90, "exact", "count"},
        {"وأفرج الجيش أمس عن 14 أسيرا.", "14 أسيرا", 14, "exact", "count"},
        {"وأفرجت الحركة عن 4 محتجزات مقابل 200 أسير.", "4 محتجزات", 4, "exact", "count"},
        {"وأفرج عن 200 أسير، بينهم 121 من المحكومين بالمؤبد.", "121 من المحكومين", 121, "exact",
         "count"},
        /* a verb of the thing said before وأن, وإن does not reach the next */
        {"وقالت المنظمة إن 300 ألف شخص نزحوا من المدينة، وإن 90 ألف طفل يعانون من الجوع.",
         "90 ألف طفل", 90000, "exact", "count"},
        {"وأوضح أن 40 عائلة هجرت منازلها وأن 15 طفلا يحتاجون إلى علاج.", "15 طفلا", 15, "exact",
         "count"},
        /* bodies handed over or given back are counted so, not as a toll;
         * bodies recovered still count the dead */
        {"وسلمت الفصائل جثث 3 أسرى عبر الصليب الأحمر.", "3 أسرى", 3, "exact", "count"},
        {"وأعادت السلطات رفات 6 جنود إلى بلادهم.", "6 جنود", 6, "exact", "count"},
        {"وأعادت السلطات 15 جثمانا إلى القطاع.", "15 جثمانا", 15, "exact", "count"},
        {"وانتشلت الطواقم جثث 9 مدنيين من تحت الركام.", "9 مدنيين", 9, "exact", "killed"},
        {"وقالت إن السلطات تفرج اليوم عن 40 سجينا.", "40 سجينا", 40, "exact", "count"},
        /* demolished houses are destroyed; those made homeless or who took
         * refuge are displaced */
        {"وهدمت الجرافات 14 منزلا في البلدة.", "14 منزلا", 14, "exact", "destroyed"},
        {"وأدت المعارك إلى تشريد 500 عائلة من القرى.", "500 عائلة", 500, "exact", "displaced"},
        {"ولجأ 3000 شخص إلى المدارس بعد تدمير منازلهم.", "3000 شخص", 3000, "exact", "displaced"},
        /* an intransitive verb right before the number says what befell what
         * it counts; with a noun between, it befell that noun */
        {"وغرق 40 مهاجرا قبالة السواحل.", "40 مهاجرا", 40, "exact", "killed"},
        {"وغرق نحو 12 طفلا في البحر.", "12 طفلا", 12, "about", "killed"},
        {"غرق قارب يقل 80 مهاجرا قبالة السواحل.", "80 مهاجرا", 80, "exact", "count"},
        {"غرق مركب على متنه 50 شخصا.", "50 شخصا", 50, "exact", "count"},
        /* a part of the wounded (N من الجرحى) takes what a word right before
         * the number says befell it */
        {"وارتفعت الحصيلة بعد وفاة 3 من الجرحى متأثرين بإصاباتهم.", "3 من الجرحى", 3, "exact",
         "killed"},
        {"واستشهد 2 من الجرحى في المستشفى.", "2 من الجرحى", 2, "exact", "killed"},
        {"وقال الطبيب إن 3 من الجرحى في حالة حرجة.", "3 من الجرحى", 3, "exact", "injured"},
        /* a pair of verbs after one named: the first is said of that one,
         * the second of the others after it; with no one before, both */
        {"وقالت الوكالة إن رجلا قتل وجرح 3 آخرون بقصف على البلدة.", "3 آخرون", 3, "exact",
         "injured"},
        {"وأفاد المستشفى بأن شابا استشهد وجرح 4 آخرون بانفجار لغم.", "4 آخرون", 4, "exact",
         "injured"},
        {"قتل وأصيب 7 أشخاص بانفجار لغم من مخلفات الحرب.", "7 أشخاص", 7, "exact", "casualties"},
        /* weapons and munitions found are seized; other things found are
         * counted, bodies by their noun */
        {"وعثرت دورية على 9 صواريخ مخبأة في كهف.", "9 صواريخ", 9, "exact", "seized"},
        {"وعثر الجنود خلال التمشيط على 6 قطع سلاح.", "6 قطع سلاح", 6, "exact", "seized"},
        {"وعثرت الفرق على مقبرتين و4 جثث.", "4 جثث", 4, "exact", "killed"},
        {"عثر الأهالي على 3 مقابر جماعية قرب القرية.", "3 مقابر", 3, "exact", "count"},
        /* neutralized, with the pronoun of whom or of who did it: killed,
         * as تحييد is */
        {"وبلغ عدد المسلحين الذين تم تحييدهم خلال الشهر 310 مسلحين.", "310 مسلحين", 310, "exact",
         "killed"},
        {"وأكدت الوزارة تحييدها 8 إرهابيين في منطقة جبلية.", "8 إرهابيين", 8, "exact", "killed"},
        /* arms laid down right after whom they were of, the verb before:
         * counted, as "ألقوا أسلحتهم" is; with a preposition they are
         * what those were taken with */
        {"وأفاد المركز بأن 3 آلاف مدني نزحوا عن المدينة، ورمى 640 مسلحا أسلحتهم.", "640 مسلحا", 640,
         "exact", "count"},
        {"واعتقلت الشرطة 5 مسلحين بأسلحتهم في الحي.", "5 مسلحين", 5, "exact", "captured"},
        /* those who hand themselves over, the verb before them: surrendered;
         * after a noun with the article the word is of emphasis */
        {"وأفادت الوزارة بأن الأسبوع شهد أيضا تسليم 11 مسلحا أنفسهم للجيش.", "11 مسلحا", 11,
         "exact", "captured"},
        {"فيما سلم مسلحان نفسيهما للسلطات العسكرية في الجنوب.", "مسلحان", 2, "exact", "captured"},
        {"وقتل 4 من المهاجمين أنفسهم في تبادل إطلاق النار.", "4 من المهاجمين", 4, "exact",
         "killed"},
        /* the Egyptian army's word for the men it fights */
        {"وأعلن المتحدث العسكري مقتل 9 تكفيريين في مداهمة.", "9 تكفيريين", 9, "exact", "killed"},
        /* a bare number under a state (قيد، رهن) counts people */
        {"وقال التقرير إنه لا يزال 87 ألفا قيد الاختفاء القسري في البلاد.", "87 ألفا", 87000,
         "exact", "count"},
        {"ولا يزال 3400 رهن الاعتقال في السجون المركزية.", "3400", 3400, "exact", "captured"},
        {"وأكد التقرير أن 41 ألفا ما زالوا قيد الاختفاء القسري.", "41 ألفا", 41000, "exact",
         "count"},
        /* seized (حجز) and recovered (استرجاع) in an army's weekly results */
        {"وتم خلال العملية استرجاع 3 بنادق رشاشة وكمية من الذخيرة.", "3 بنادق", 3, "exact",
         "seized"},
        {"كما تم توقيف 9 أشخاص وحجز 14 مركبة رباعية الدفع.", "14 مركبة", 14, "exact", "seized"},
        /* drug dealers and minefields are counted nouns */
        {"وأوقفت الوحدات 17 تاجر مخدرات في الولايات الحدودية.", "17 تاجر مخدرات", 17, "exact",
         "captured"},
        {"وطهرت فرق نزع الألغام 23 حقلا ملغما في الريف.", "23 حقلا", 23, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A vague amount with the article, or closing its clause, needs no noun:
 * it counts the people its event word governs. With a noun that is no
 * count of people, or no event word, it is no figure. */
Test(figures, vague_amounts_alone)
{
    static const figure_case cases[] = {
        {"قتل 4 مدنيين وأصيب العشرات في القصف.", "عشرات", NAN, "tens", "injured"},
        {"وأسفر الانفجار عن مقتل العشرات.", "عشرات", NAN, "tens", "killed"},
        {"واعتقلت القوات المئات خلال الحملة.", "مئات", NAN, "hundreds", "captured"},
        {"ونزح الآلاف باتجاه الحدود.", "آلاف", NAN, "thousands", "displaced"},
        {"وقالت المصادر إن الجرحى بالعشرات.", "عشرات", NAN, "tens", "injured"},
        {"قتل 3 جنود وجرح عشرات.", "عشرات", NAN, "tens", "injured"},
        /* the dead and the wounded counted together, with the article */
        {"وأوقع التفجير المزدوج عشرات القتلى والمصابين قرب الجامع.", "عشرات", NAN, "tens",
         "casualties"},
        {"وخلفت الغارات مئات القتلى والجرحى في الأحياء الشرقية.", "مئات", NAN, "hundreds",
         "casualties"},
        {"ونقل إلى المشافي عدد من الشهداء والجرحى بعد الاستهداف.", "عدد من", NAN, "some",
         "casualties"},
        /* ... but the dead alone, the wounded told in a clause of their own */
        {"وخلفت الغارات الليلية عشرات القتلى في الحي، فيما نقل الجرحى إلى المشفى.", "عشرات", NAN,
         "tens", "killed"},
        /* residents and the people of a place are counted people */
        {"ونزح آلاف السكان من القرى الحدودية.", "آلاف السكان", NAN, "thousands", "displaced"},
        {"وفر مئات الأهالي من البلدة بعد القصف.", "مئات الأهالي", NAN, "hundreds", "displaced"},
        {"واعتقلت القوات عشرات من أهالي الحي.", "عشرات", NAN, "tens", "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    static const char *const none[] = {
        "وتجمع العشرات أمام مبنى البلدية.",
        "ووصلت عشرات الأطنان من المساعدات إلى المدينة.",
        "وقتل العديد في القصف.",
        /* a share of the residents, and a resident who speaks */
        "وغادر نصف السكان المدينة.",
        "وقال أحد السكان إن القصف لم يتوقف.",
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        extract_result r;
        run(none[k], &r);
        cr_expect_eq(r.n_figures, 0, "%zu figures in: %s", r.n_figures, none[k]);
        extract_result_free(&r);
    }
}

/* Numbers as printed: glued to words, grouped with , . ٬, decimal thousands
 * and millions, compounds with or without و, in brackets and slashes, and
 * واحد after the noun. */
Test(figures, number_forms)
{
    static const figure_case cases[] = {
        {"أدى القصف إلى مقتل 4 مدنيين واصابة9 آخرين.", "9 آخرين", 9, "exact", "injured"},
        {"ونزح أكثر من4200 شخص من المخيم.", "4200 شخص", 4200, "more_than", "displaced"},
        {"وبلغ عدد القتلى 13,408 قتيلا منذ بداية العام.", "13,408", 13408, "exact", "killed"},
        {"ونزع الفريق (1.250) لغما من الحقول.", "1.250", 1250, "exact", "count"},
        {"ونزح 2.4 مليون شخص داخل البلاد.", "2.4 مليون شخص", 2400000, "exact", "displaced"},
        {"وخرج 1.5 ألف مسلح من الأحياء الشرقية.", "1.5 ألف مسلح", 1500, "exact", "evacuated"},
        {"وبلغت الحصيلة 31 ألفا 406 قتلى.", "31 ألفا 406", 31406, "exact", "killed"},
        {"وبلغت الحصيلة 31 ألفا و406 قتلى.", "31 ألفا و406", 31406, "exact", "killed"},
        {"وقتل (17) مدنيا في القصف.", "17", 17, "exact", "killed"},
        {"واعتقلت القوات نحو /640/ عنصرا من التنظيم.", "640", 640, "about", "captured"},
        {"وأصيب شخص واحد في الانفجار.", "شخص واحد", 1, "exact", "injured"},
        {"واستقبل المستشفى قتيلا واحدا و6 جرحى.", "قتيلا واحدا", 1, "exact", "killed"},
        {"منذ أكتوبر 2023 إلى 12 ألفا و300 قتيل.", "12 ألفا و300", 12300, "exact", "killed"},
        {"واستقبل المستشفى العام 17 جريحا.", "17 جريحا", 17, "exact", "injured"},
        {"وقتل 60 عنصرا من التنظيم على الأقل في المعارك.", "60 عنصرا", 60, "at_least", "killed"},
        {"وقال إن الحصيلة تجاوزت ال140 ألف قتيل.", "140 ألف قتيل", 140000, "more_than", "killed"},
        {"وقتل 5 أشخاص وأصيب 10 على الأقل.", "5 أشخاص", 5, "exact", "killed"},
        {"وقالت الوزارة إن 2041 جريحا وصلوا إلى المستشفيات.", "2041 جريحا", 2041, "exact",
         "injured"},
        {"وأعلنت الوزارة أن الحصيلة 320 حتى الآن.", "320", 320, "exact", "killed"},
        {"قتل 100 شخص في حمص و45 في حماة.", "45", 45, "exact", "killed"},
        {"ونزح 300 شخص إلى المخيمات و120 بمدارس المدينة.", "120", 120, "exact", "displaced"},
        {"ما أدى إلى مقتل طفل وجرح ثلاثة آخرين.", "ثلاثة آخرين", 3, "exact", "injured"},
        /* a noun and واحدة after و counts one, coordinated, not in construct */
        {"وقتل 3 أطفال وامرأة واحدة في الغارة.", "امرأة واحدة", 1, "exact", "killed"},
        /* the definite hundred with no number before it is a count */
        {"وقتل قرابة المئة شخص في الهجوم.", "المئة", 100, "about", "killed"},
        {"ونزح نحو المائة عائلة من القرية.", "المائة", 100, "about", "displaced"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Duals are figures of 2 wherever they stand; coordinated duals are
 * separate figures; اثنين after a noun is 2 of it. */
Test(figures, duals)
{
    static const figure_case cases[] = {
        {"قتل مدنيان وأصيب آخران في القصف.", "مدنيان", 2, "exact", "killed"},
        {"قتل مدنيان وأصيب آخران في القصف.", "آخران", 2, "exact", "injured"},
        {"وقتلت امرأتان في الغارة.", "امرأتان", 2, "exact", "killed"},
        {"وأصيب مدنيين اثنين بجروح.", "مدنيين اثنين", 2, "exact", "injured"},
        {"واستهدفت الفصائل البلدة بقذيفتي هاون.", "قذيفتي", 2, "exact", "fired"},
        {"وأفاد المصدر بوقوع قتيلين على الأقل.", "قتيلين", 2, "at_least", "killed"},
        {"وأصيب ممرضان في قصف المستشفى.", "ممرضان", 2, "exact", "injured"},
        {"وقتل قناصان في المعارك.", "قناصان", 2, "exact", "killed"},
        {"وأغرقت البحرية زورقين قرب الساحل.", "زورقين", 2, "exact", "destroyed"},
        {"وهدمت الجرافات بيتين في البلدة.", "بيتين", 2, "exact", "destroyed"},
        {"ودمر القصف بنايتين سكنيتين.", "بنايتين", 2, "exact", "destroyed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);

    extract_result r;
    run("ودمر المقاتلون دبابتين وناقلتين للجيش.", &r);
    size_t tanks = figure_at(&r, "دبابتين"), carriers = figure_at(&r, "ناقلتين");
    cr_assert_neq(tanks, EXTRACT_NO_INDEX);
    cr_assert_neq(carriers, EXTRACT_NO_INDEX);
    cr_expect_neq(tanks, carriers, "two coordinated duals are two figures");
    extract_result_free(&r);

    /* a dual of another case is no adjective of the dual before it: the
     * nominative subject and the accusative object are two figures, and
     * what the verb did befell the object, not the two who did it */
    static const figure_case subject_object[] = {
        {"وقتل مسلحان جنديين عند مدخل البلدة.", "جنديين", 2, "exact", "killed"},
        {"وقتل مسلحان جنديين عند مدخل البلدة.", "مسلحان", 2, "exact", "count"},
        {"واعتقل مسلحان 3 صحفيين قرب الحاجز.", "مسلحان", 2, "exact", "count"},
        {"وهاجم مقاتلان جنديين قرب المعبر.", "جنديين", 2, "exact", "count"},
    };
    check_cases(subject_object, sizeof subject_object / sizeof subject_object[0]);
    run("وهاجم مقاتلان جنديين قرب المعبر.", &r);
    cr_expect_eq(r.n_figures, 2, "%zu figures", r.n_figures);
    extract_result_free(&r);

    /* others after a dual of people are of its kind */
    run("وأعلن الجيش مقتل جنديين وإصابة 7 آخرين بجروح.", &r);
    size_t others = figure_at(&r, "7 آخرين");
    cr_assert_neq(others, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.figures[others].object, "soldiers");
    extract_result_free(&r);
}

typedef struct link_case {
    const char *doc;
    const char *part;  /* the figure that is a part (or an update) */
    const char *whole; /* the figure it belongs to (or updates); NULL: none */
    const char *type;  /* the part's type */
} link_case;

/* بينهم, منهم, من بينهم, من ضمنهم: the figures after it are parts of the
 * figure before, and so are those listed with them. */
Test(figures, breakdowns)
{
    static const link_case cases[] = {
        {"قتل 20 شخصا بينهم 5 أطفال وامرأتان.", "5 أطفال", "20 شخصا", "killed"},
        {"قتل 20 شخصا بينهم 5 أطفال وامرأتان.", "امرأتان", "20 شخصا", "killed"},
        {"واعتقلت القوات 60 شخصا من بينهم 8 نساء.", "8 نساء", "60 شخصا", "captured"},
        {"وأصيب 40 مدنيا، من ضمنهم 12 طفلا.", "12 طفلا", "40 مدنيا", "injured"},
        /* women counted as citizens (مواطنة), as monitors write them */
        {"ووثق المرصد مقتل 30 مدنيا، بينهم 6 أطفال و4 مواطنات.", "4 مواطنات", "30 مدنيا", "killed"},
        {"وأصيب 12 مدنيا بينهم مواطنتان في القصف.", "مواطنتان", "12 مدنيا", "injured"},
        {"وعاد 500 لاجئ (200 امرأة و150 طفلا) إلى البلاد.", "150 طفلا", "500 لاجئ", "count"},
        {"وعاد 900 لاجئ من بينهم 500 شخص (200 امرأة و150 طفلا) من الأردن.", "200 امرأة", "500 شخص",
         "count"},
        {"وأطلقت الفصائل 60 صاروخا اعترض 45 منها.", "45 منها", "60 صاروخا", "destroyed"},
        {"وأسر المقاتلون 30 جنديا قتل 4 منهم لاحقا.", "4 منهم", "30 جنديا", "killed"},
        /* "N منهم" opening what the next sentence says is a part of the figure
         * the sentence before ended with */
        {"وأعلنت الوزارة تحييد 17 مسلحا خلال الأسبوع. وذكرت في بيان أن 12 منهم حيدوا في منطقة "
         "جبلية.",
         "12 منهم", "17 مسلحا", "killed"},
        /* ... in the same statement: after another party's words, منهم are
         * of whom that party names (a counter-claim, not a part) */
        {"وقالت وزارة الصحة إن 40 مدنيا قتلوا في الغارة. في المقابل، قال الجيش الإسرائيلي إن "
         "الغارة استهدفت مقاتلين وإن 6 منهم قتلوا.",
         "6 منهم", NULL, "killed"},
        {"وقالت وزارة الصحة إن 40 مدنيا قتلوا في الغارة. وأضافت الوزارة أن 9 منهم أطفال.", "9 منهم",
         "40 مدنيا", "killed"},
        /* "N منها" more than the part before it is a part of that part's whole */
        {"ووثقت الشبكة 150 حالة اعتقال، بينها 9 أطفال، تحولت 80 منها إلى حالات اختفاء قسري.",
         "80 منها", "150 حالة", "count"},
        {"وقتل 20 شخصا بينهم 10 أطفال، 4 منهم دون الخامسة.", "4 منهم", "10 أطفال", "killed"},
        /* detainees who became forcibly disappeared: a part, counted as such */
        {"ووثق التقرير 120 حالة اعتقال تحولت 70 منها إلى حالات اختفاء قسري.", "70 منها", "120 حالة",
         "count"},
        {"واعتقلت الأجهزة الأمنية 90 شخصا تحول 40 منهم إلى مختفين قسريا.", "40 منهم", "90 شخصا",
         "count"},
        /* parts by place side by side, the noun left out */
        {"ووثق المكتب مقتل 64 مدنيا في الشهر، بينهم 19 في حمص و11 في حماة.", "11", "64 مدنيا",
         "killed"},
        /* shares told with the ب of measure, after the toll named again
         * and after the places that follow it */
        {"وثق المكتب مقتل 70 مدنيا في الشهر. وتصدرت محافظة حمص الحصيلة بـ 21 مدنيا، تلتها حماة "
         "بـ 16 مدنيا.",
         "21 مدنيا", "70 مدنيا", "killed"},
        {"وثق المكتب مقتل 70 مدنيا في الشهر. وتصدرت محافظة حمص الحصيلة بـ 21 مدنيا، تلتها حماة "
         "بـ 16 مدنيا.",
         "16 مدنيا", "70 مدنيا", "killed"},
        {"قتل 12 مدنيا وأصيب 30 آخرون.", "30 آخرون", NULL, "injured"},
        {"قتل 3 مدنيين بينهم 7 مسلحين.", "7 مسلحين", NULL, "killed"},
        /* the toll named again: "بين القتلى" */
        {"قتل 37 مدنيا في القصف، وبين القتلى 9 نساء و11 طفلا.", "11 طفلا", "37 مدنيا", "killed"},
        {"أصيب 50 شخصا، ومن بين الجرحى 6 مسعفين.", "6 مسعفين", "50 شخصا", "injured"},
        /* the toll named again opening the next sentence breaks down the toll before */
        {"وثق المرصد مقتل 45 شخصا في المعارك. ومن بين القتلى 12 عنصرا من قوات النظام.", "12 عنصرا",
         "45 شخصا", "killed"},
        {"أصيب 60 مدنيا في القصف. وأوضح المسعفون أن من بين الجرحى 9 أطفال.", "9 أطفال", "60 مدنيا",
         "injured"},
        /* ... only a toll of the kind it names, and no smaller than its part */
        {"قتل 45 شخصا في المعارك. ومن بين الجرحى 12 عنصرا.", "12 عنصرا", NULL, "injured"},
        {"قتل 8 أشخاص في الغارة. ومن بين القتلى 20 مدنيا خلال الأسبوع.", "20 مدنيا", NULL,
         "killed"},
        /* a toll of the killed and the injured together breaks down into casualties */
        {"سقط 30 قتيلا وجريحا في القصف. ومن بين القتلى والجرحى 7 أطفال.", "7 أطفال", "30 قتيلا",
         "casualties"},
        {"وصل إلى المستشفى 40 قتيلا وجريحا، وبين القتلى والمصابين 12 طفلا.", "12 طفلا", "40 قتيلا",
         "casualties"},
        {"قتل 10 أشخاص وأصيب 20 آخرون في القصف، ومن بين القتلى والجرحى 7 أطفال.", "7 أطفال", NULL,
         "casualties"},
        /* ... unless it says which */
        {"قتل 10 أشخاص وأصيب 20 آخرون في القصف، ومن بين الجرحى 7 أطفال.", "7 أطفال", "20 آخرون",
         "injured"},
        {"سقط 30 قتيلا وجريحا في القصف. ومن بين القتلى 4 أطفال.", "4 أطفال", NULL, "killed"},
        /* a further part joined by و past the owner of the one before */
        {"وقضى 40 شخصا في الهجمات. ومن بين القتلى 22 عنصرا من قوات النظام و11 مقاتلا من هيئة "
         "تحرير الشام.",
         "11 مقاتلا", "40 شخصا", "killed"},
        {"وارتفعت حصيلة القتلى إلى 63 شخصا، بينهم 30 عنصرا من قوات النظام و19 مقاتلا من الفصائل.",
         "19 مقاتلا", "63 شخصا", "killed"},
        /* ... but not when the parts would be more than their whole */
        {"وقتل 9 أشخاص بينهم 5 عناصر من قوات النظام و12 مدنيا في قرية أخرى.", "12 مدنيا", NULL,
         "killed"},
        /* a breakdown or an aside between the noun and its verb: the verb
         * says what befell the whole, and its parts */
        {"وقالت اللجنة إن 40 شخصا، بينهم 12 طفلا، قتلوا في الغارة.", "12 طفلا", "40 شخصا",
         "killed"},
        {"وقالت اللجنة إن 40 شخصا، بينهم 12 طفلا، قتلوا في الغارة.", "40 شخصا", NULL, "killed"},
        {"وأكد المكتب أن 215 شخصا بينهم 31 امرأة و44 طفلا استشهدوا منذ الصباح.", "31 امرأة",
         "215 شخصا", "killed"},
        {"وأكد المكتب أن 215 شخصا بينهم 31 امرأة و44 طفلا استشهدوا منذ الصباح.", "215 شخصا", NULL,
         "killed"},
        {"وقالت المفوضية إن 600 ألف شخص، أي ثلث سكان الولاية، نزحوا خلال شهر.", "600 ألف شخص", NULL,
         "displaced"},
        {"وقال إن 25 مدنيا، معظمهم من النساء، أصيبوا بجروح.", "25 مدنيا", NULL, "injured"},
        /* a sentence that distributes the toll before it by a list */
        {"ووثقت الشبكة مقتل 84 مدنيا. وتوزعت حصيلة الضحايا على النحو التالي: 21 على يد قوات "
         "النظام، و63 على يد القوات الروسية.",
         "63", "84 مدنيا", "killed"},
        /* an event joined after the breakdown counts on its own */
        {"وأسفرت الغارة عن مقتل 15 مسلحا بينهم قيادي وتدمير 4 آليات.", "4 آليات", NULL,
         "destroyed"},
        {"وأعلن الجيش قتل 6 إرهابيين بينهم انتحاري واعتقال 3 آخرين.", "3 آخرين", NULL, "captured"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const link_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t part = figure_at(&r, c->part);
        cr_assert_neq(part, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->part, c->doc);
        size_t whole = c->whole ? figure_at(&r, c->whole) : EXTRACT_NO_INDEX;
        if (c->whole)
            cr_assert_neq(whole, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->whole, c->doc);
        cr_expect_eq(r.figures[part].part_of, whole, "\"%s\" part_of %zu, want %zu in: %s", c->part,
                     r.figures[part].part_of, whole, c->doc);
        cr_expect_str_eq(r.figures[part].type, c->type, "\"%s\" type in: %s", c->part, c->doc);
        cr_expect_eq(r.figures[whole == EXTRACT_NO_INDEX ? part : whole].supersedes,
                     EXTRACT_NO_INDEX);
        extract_result_free(&r);
    }
}

/* ارتفعت الحصيلة إلى N: the new toll supersedes the earlier one of the same
 * count by the same party. */
Test(figures, updates)
{
    static const link_case cases[] = {
        {"قتل 12 شخصا في الانفجار. ثم ارتفعت حصيلة القتلى إلى 23 شخصا.", "23 شخصا", "12 شخصا",
         "killed"},
        {"أصيب 30 مدنيا في القصف. وارتفع عدد الجرحى إلى 41 مدنيا.", "41 مدنيا", "30 مدنيا",
         "injured"},
        /* a different count is not updated */
        {"قتل 12 شخصا وأصيب 20. ثم ارتفع عدد القتلى إلى 15 شخصا.", "15 شخصا", "12 شخصا", "killed"},
        {"أصيب 30 مدنيا في القصف. وارتفع عدد القتلى إلى 41 مدنيا.", "41 مدنيا", NULL, "killed"},
        /* the value before, told after the update in its sentence */
        {"وارتفعت حصيلة قتلى التفجير إلى 27 قتيلا، بعد أن كانت 19 قتيلا.", "27 قتيلا", "19 قتيلا",
         "killed"},
        {"وارتفعت حصيلة قتلى التفجير إلى 27 قتيلا بعد أن كانت 19.", "27 قتيلا", "19", "killed"},
        /* a vague amount after the new toll tells why it rose */
        {"وارتفع عدد القتلى إلى 35 قتيلا بعد وفاة عدد من الجرحى.", "عدد من", NULL, "killed"},
        {"قتل 27 مدنيا في القصف. وارتفعت حصيلة القتلى إلى 35 قتيلا بعد وفاة عدد من الجرحى.",
         "عدد من", NULL, "killed"},
        /* a total since the war began, or a cumulative one, adds the day's
         * toll up: it replaces no toll of a day */
        {"واستقبلت المستشفيات 52 شهيدا خلال 24 ساعة. وارتفعت حصيلة الشهداء منذ بدء العدوان إلى "
         "44211 شهيدا.",
         "44211 شهيدا", NULL, "killed"},
        {"واستقبلت المستشفيات 52 شهيدا خلال 24 ساعة. وارتفعت حصيلة الشهداء منذ السابع من أكتوبر "
         "إلى 44211 شهيدا.",
         "44211 شهيدا", NULL, "killed"},
        {"وأدت الغارة على البلدة إلى استشهاد 5 أشخاص. وارتفعت الحصيلة التراكمية إلى 3583 شهيدا.",
         "3583 شهيدا", NULL, "killed"},
        {"واستقبلت المستشفيات 52 شهيدا. وأعلنت الوزارة ارتفاع حصيلة الشهداء إلى 44 ألفا و211 "
         "شهيدا و104 آلاف و567 مصابا منذ السابع من أكتوبر.",
         "44 ألفا و211 شهيدا", NULL, "killed"},
        /* ... nor a toll since another start told beside it */
        {"وقالت الوزارة إن حصيلة الشهداء منذ استئناف العدوان بلغت 830 شهيدا، فيما ارتفعت "
         "الحصيلة التراكمية إلى 50 ألفا و21 شهيدا.",
         "50 ألفا و21 شهيدا", NULL, "killed"},
        /* no update word: two figures side by side */
        {"قتل 12 شخصا في حلب. وقتل 23 شخصا في إدلب.", "23 شخصا", NULL, "killed"},
        /* a bare toll updates whatever its count counted, past an adverb */
        {"قتل 9 مدنيين في الغارة. وارتفعت حصيلة القتلى لاحقا إلى 11.", "11", "9 مدنيين", "killed"},
        {"قتل 9 مدنيين في الغارة. وارتفعت الحصيلة إلى 11 قتيلا.", "11 قتيلا", "9 مدنيين", "killed"},
        /* a toll with no noun before إلى is the death toll */
        {"قتل 9 مدنيين في الغارة. وارتفعت الحصيلة إلى 11.", "11", "9 مدنيين", "killed"},
        {"وارتفعت الحصيلة إلى 14 بعد وفاة اثنين من الجرحى.", "14", NULL, "killed"},
        /* the update reads across what the toll is of, up to its إلى */
        {"قتل 12 شخصا في قصف على السوق. ثم ارتفعت حصيلة القتلى جراء القصف المدفعي الذي استهدف "
         "سوق المدينة ظهر اليوم إلى 20 قتيلا.",
         "20 قتيلا", "12 شخصا", "killed"},
        {"أصيب 30 مدنيا في الغارات. وارتفع عدد الجرحى في الغارات التي شنتها الطائرات على أحياء "
         "المدينة الشرقية منذ الفجر إلى أكثر من 45 مدنيا.",
         "45 مدنيا", "30 مدنيا", "injured"},
        /* تعداد heads a toll as عدد does, near its number and far from it */
        {"نزح 800 شخص من القرية أمس. وارتفع تعداد النازحين إلى 1200 شخص.", "1200 شخص", "800 شخص",
         "displaced"},
        {"قتل 12 شخصا في قصف على السوق. ثم ارتفع تعداد القتلى جراء القصف المدفعي الذي استهدف "
         "سوق المدينة ظهر اليوم إلى 20 قتيلا.",
         "20 قتيلا", "12 شخصا", "killed"},
        {"قتل 12 شخصا في القصف. وارتفع تعداد القتلى جراء القصف على السوق إلى 20.", "20", "12 شخصا",
         "killed"},
        /* ... and with a bare number far from its toll */
        {"نزح 800 شخص من البلدة أمس. وارتفع عدد النازحين جراء القصف الذي استهدف البلدة ظهر اليوم "
         "إلى 5000.",
         "5000", "800 شخص", "displaced"},
        {"قتل 12 شخصا في قصف على السوق. ثم ارتفعت حصيلة القتلى جراء القصف المدفعي الذي استهدف "
         "سوق المدينة ظهر اليوم إلى 20.",
         "20", "12 شخصا", "killed"},
        /* ... but not past a comma into another clause, nor from a rise of no toll */
        {"قتل 12 شخصا في القصف. وارتفعت حصيلة القتلى في المدينة مع انتشال الجثث من تحت الأنقاض، "
         "ووصل عدد القتلى في البلدة المجاورة إلى 20 شخصا.",
         "20 شخصا", NULL, "killed"},
        {"قتل 12 شخصا في القصف. وارتفعت وتيرة الغارات على الأحياء الشرقية للمدينة منذ ساعات الفجر "
         "الأولى التي بلغ عدد القتلى فيها إلى 20 شخصا.",
         "20 شخصا", NULL, "killed"},
        /* the ل of result: a figure before it in its sentence is what the
         * toll rose by; the report then gives no toll that it replaces */
        {"قتل 60 شخصا في أنحاء البلاد أمس. وقتل 14 شخصا في القصف على المدينة اليوم، ليرتفع "
         "إجمالي القتلى فيها منذ بدء الهجوم إلى 320 شخصا.",
         "320 شخصا", NULL, "killed"},
        /* ... and with none, it replaces the toll before it */
        {"قتل 9 مدنيين في غارة على البلدة صباحا. وانتشل المسعفون جثثا أخرى من تحت الأنقاض ليرتفع "
         "عدد القتلى إلى 15.",
         "15", "9 مدنيين", "killed"},
        /* a total restated by a link verb (وصل عدد، بلغ عدد) replaces a
         * smaller toll of it, and the update before it */
        {"نزح 3000 شخص من البلدة بسبب القصف. ووصل عدد النازحين إلى 5000 شخص.", "5000 شخص",
         "3000 شخص", "displaced"},
        {"قتل 12 شخصا في القصف على السوق. وبلغ عدد القتلى 40.", "40", "12 شخصا", "killed"},
        {"أصيب 30 مدنيا في الغارات. وبلغت حصيلة الجرحى 45 مدنيا.", "45 مدنيا", "30 مدنيا",
         "injured"},
        {"قتل 12 شخصا في القصف. ثم ارتفع عدد القتلى إلى 15. وبلغ عدد القتلى 20 شخصا.", "20 شخصا",
         "15", "killed"},
        /* ... but not a toll of another place, two tolls it may add up, a
         * larger one, another type, nor with the ل of result a toll it rose by */
        {"قتل 12 شخصا في القصف على حلب. وبلغ عدد القتلى في إدلب 40 شخصا.", "40 شخصا", NULL,
         "killed"},
        {"قتل 12 شخصا في القصف على السوق وقتل 8 في غارة على المدرسة. وبلغ عدد القتلى 20.", "20",
         NULL, "killed"},
        {"قتل 40 شخصا في القصف. وبلغ عدد القتلى 12.", "12", NULL, "killed"},
        {"قتل 12 شخصا في القصف. وبلغ عدد الجرحى 40.", "40", NULL, "injured"},
        {"قتل 4 أشخاص في القصف، ليصل عدد القتلى إلى 40.", "40", NULL, "killed"},
        /* "وبذلك" (thereby) opening the next sentence: the tolls just told
         * are what the total rose by, a total told before is what it was */
        {"قتل 3 أشخاص في غارة على القرية. وبذلك يرتفع عدد القتلى إلى 75.", "75", NULL, "killed"},
        {"قتل 3 أشخاص في غارة على القرية. وبذلك يصل عدد القتلى إلى 75.", "75", NULL, "killed"},
        {"ارتفع عدد القتلى إلى 72. ثم قتل 3 أشخاص في غارة على القرية. وبذلك يرتفع عدد القتلى "
         "إلى 75.",
         "75", "72", "killed"},
        /* a total since the truce adds the day's tolls up */
        {"قتل 3 أشخاص في غارة على القرية. وارتفع عدد القتلى منذ وقف إطلاق النار إلى 75.", "75",
         NULL, "killed"},
        {"قتل 3 أشخاص في غارة على القرية. وارتفع عدد القتلى منذ سريان الهدنة إلى 75.", "75", NULL,
         "killed"},
        /* ... nor a toll narrowed to a place of its own */
        {"قتل 12 شخصا في القصف. وبلغ عدد القتلى في القرية المجاورة 40 شخصا.", "40 شخصا", NULL,
         "killed"},
        /* a population (عدد سكان) is what a place holds: a count that
         * replaces no toll; a toll of its residents is still a toll */
        {"نزح 800 شخص من البلدة أمس. وارتفع عدد سكان المخيم إلى 5000 نسمة.", "5000 نسمة", NULL,
         "count"},
        {"نزح 800 شخص من البلدة إلى المخيم الذي يبلغ عدد سكانه 5000 نسمة.", "5000 نسمة", NULL,
         "count"},
        {"قتل 12 شخصا في القصف. ووصل عدد قاطني الحي إلى 3000 نسمة.", "3000 نسمة", NULL, "count"},
        {"نزح 800 شخص من البلدة أمس. وارتفع عدد النازحين من سكان القرى إلى 5000 شخص.", "5000 شخص",
         "800 شخص", "displaced"},
        {"قتل 12 شخصا في القصف. وارتفع عدد القتلى من سكان الحي إلى 20.", "20", "12 شخصا", "killed"},
        /* the earlier toll recounted after the update ("وكان ... قد أفاد") */
        {"وارتفعت حصيلة ضحايا التفجير إلى 27 شخصا. وكانت المصادر قد تحدثت صباحا عن مقتل 18 شخصا.",
         "27 شخصا", "18 شخصا", "killed"},
        /* ... when the update restates a headline's toll, which it would
         * otherwise replace */
        {"ارتفاع حصيلة ضحايا القصف على البلدة إلى 45 قتيلا\n\nارتفعت حصيلة ضحايا القصف إلى 45 "
         "شخصا، وفق الدفاع المدني. وكان الدفاع المدني قد أعلن في وقت سابق مقتل 28 شخصا.",
         "45 شخصا", "28 شخصا", "killed"},
        /* ... past the sentences that break the update down or count another toll */
        {"وارتفعت حصيلة قتلى القصف إلى 45 شخصا و90 جريحا. ومن بين القتلى 14 طفلا. وأشارت "
         "المصادر إلى أن عشرات الجرحى في حالة خطيرة. وكانت المصادر قد تحدثت صباحا عن مقتل 20 "
         "شخصا.",
         "45 شخصا", "20 شخصا", "killed"},
        /* ... past the day's share of it the same party details */
        {"وارتفعت حصيلة القتلى إلى 450 شخصا. وأوضحت الوزارة أن الغارات قتلت 35 شخصا خلال اليوم "
         "الأخير. وكانت الوزارة قد أعلنت أمس مقتل 415 شخصا.",
         "450 شخصا", "415 شخصا", "killed"},
        /* ... but not a toll the next sentence tells as news, nor a larger one */
        {"وارتفعت حصيلة ضحايا التفجير إلى 27 شخصا. وقتل 18 شخصا آخرون في قصف على بلدة مجاورة.",
         "27 شخصا", NULL, "killed"},
        {"وارتفعت حصيلة ضحايا التفجير إلى 27 شخصا. وكان 40 شخصا قد قتلوا في تفجير مماثل العام "
         "الماضي.",
         "27 شخصا", NULL, "killed"},
        /* ... nor one past a new toll of the same kind, or too far on */
        {"وارتفعت حصيلة قتلى القصف إلى 45 شخصا. وقتل 6 أشخاص في بلدة مجاورة. وكانت المصادر قد "
         "تحدثت صباحا عن مقتل 20 شخصا.",
         "45 شخصا", NULL, "killed"},
        {"وارتفعت حصيلة قتلى القصف إلى 45 شخصا. وعاد الهدوء إلى المدينة. وفتحت المحال أبوابها. "
         "وخرج الأهالي إلى الشوارع. وكانت المصادر قد تحدثت صباحا عن مقتل 20 شخصا.",
         "45 شخصا", NULL, "killed"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const link_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t now = figure_at(&r, c->part);
        cr_assert_neq(now, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->part, c->doc);
        size_t before = c->whole ? figure_at(&r, c->whole) : EXTRACT_NO_INDEX;
        cr_expect_eq(r.figures[now].supersedes, before, "\"%s\" supersedes %zu, want %zu in: %s",
                     c->part, r.figures[now].supersedes, before, c->doc);
        cr_expect_str_eq(r.figures[now].type, c->type, "\"%s\" type in: %s", c->part, c->doc);
        cr_expect_eq(r.figures[now].part_of, EXTRACT_NO_INDEX);
        extract_result_free(&r);
    }
}

/* A bare number after a toll whose place, time or cause stands between the
 * toll and the number: the toll's noun follows its head at once, and a
 * link verb opens the toll when none stands right before the number. */
Test(figures, bare_toll_past_its_place_or_time)
{
    static const figure_case cases[] = {
        {"وبلغ عدد القتلى في المدينة 35.", "35", 35, "exact", "killed"},
        {"وارتفعت حصيلة الشهداء منذ السابع من تشرين الأول الماضي إلى 44211.", "44211", 44211,
         "exact", "killed"},
        {"وقالت الوزارة إن عدد القتلى هو 40.", "40", 40, "exact", "killed"},
        /* a toll head with a counted noun of its own names what it counts */
        {"وقالت اللجنة إن عدد المفقودين بلغ 8000.", "8000", 8000, "exact", "count"},
        {"وأضاف أن عدد غارات الطيران على المحافظة بلغ 17.", "17", 17, "exact", "airstrikes"},
        {"وبذلك يرتفع إجمالي الألغام المنزوعة منذ بداية المشروع إلى 4506.", "4506", 4506, "exact",
         "count"},
        {"بلغ عدد القتلى مساء أمس 20.", "20", 20, "exact", "killed"},
        {"ووصل عدد الجرحى في المدينة منذ الصباح 45.", "45", 45, "exact", "injured"},
        {"وبلغت حصيلة القتلى في القرى الشرقية حتى مساء اليوم 18.", "18", 18, "exact", "killed"},
        {"وبلغ عدد النازحين من القرى الحدودية هذا الأسبوع 7000.", "7000", 7000, "exact",
         "displaced"},
        {"بلغ عدد القتلى مساء أمس 20 على الأقل.", "20", 20, "at_least", "killed"},
        /* a party's own dead and wounded, named with its pronoun */
        {"ليرتفع عدد قتلاه منذ بدء العملية البرية إلى 250.", "250", 250, "exact", "killed"},
        {"وبلغ عدد جرحاها 40.", "40", 40, "exact", "injured"},
        {"وارتفعت حصيلة شهدائهم إلى 120.", "120", 120, "exact", "killed"},
        {"وارتفع عدد النازحين جراء القصف على البلدة ظهر اليوم إلى 5000 خلال يومين.", "5000", 5000,
         "exact", "displaced"},
        {"وارتفع عدد الجرحى جراء الغارات التي استهدفت أحياء المدينة منذ الفجر إلى 60.", "60", 60,
         "exact", "injured"},
        /* a toll of things counts its noun */
        {"وبلغ عدد الغارات على المدينة أمس 40.", "40", 40, "exact", "airstrikes"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);

    static const no_figure_case none[] = {
        /* no link verb, another number between */
        {"وأحصى المرصد عدد القتلى في المدينة 40 مرة.", "40"},
        {"وبلغ عدد القتلى في الهجوم على 3 قرى 40.", "40"},
        /* with no link, a number that does not close its clause: a day */
        {"وبلغ عدد القتلى في صفوف القوات حتى يوم 15 الشهر الجاري 80.", "15"},
        /* a mark or a clause word between */
        {"وبلغ عدد القتلى في المدينة، بحسب المرصد، حتى الآن 40.", "40"},
        {"وبلغ عدد القتلى في المدينة فيما نزح 40.", "نزح"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
}

/* A verb that qualifies a number may open a verbal sentence, the toll its
 * subject between it and the number: the number takes its qualifier. */
Test(figures, qualifier_verb_before_its_toll)
{
    static const figure_case cases[] = {
        {"وتجاوز عدد القتلى 300 شخص منذ بدء الهجوم.", "300", 300, "more_than", "killed"},
        {"وتخطت حصيلة القتلى 500 قتيل.", "500", 500, "more_than", "killed"},
        {"ولم يتجاوز عدد الجرحى 5 أشخاص.", "5", 5, "up_to", "injured"},
        {"وناهز عدد النازحين إلى المخيمات 9 آلاف شخص.", "9", 9000, "about", "displaced"},
        /* with no noun after the number: the toll's noun counts it */
        {"وتجاوز عدد القتلى المدنيين 70.", "70", 70, "more_than", "killed"},
        {"وتخطت حصيلة القتلى منذ فجر اليوم 45، بحسب الدفاع المدني.", "45", 45, "more_than",
         "killed"},
        {"ولم يتجاوز عدد الجرحى في المدينة 12، وفق مصدر طبي.", "12", 12, "up_to", "injured"},
        /* no qualifying verb, or one that is not the toll's */
        {"وبلغ عدد القتلى 40 شخصا.", "40", 40, "exact", "killed"},
        {"وتجاوزت القوات الحاجز وقتلت 3 جنود.", "3", 3, "exact", "killed"},
        {"وتجاوزت الدبابات الحاجز، وبلغ عدد القتلى 12 شخصا.", "12", 12, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A population (عدد سكان) governs its own number, not one after it: the
 * next number has its own verb. */
Test(figures, population_ends_at_its_number)
{
    static const figure_case cases[] = {
        {"ويبلغ عدد سكان البلدة 40 ألف نسمة وقتل فيها 6 أشخاص أمس.", "6 أشخاص", 6, "exact",
         "killed"},
        {"ويقدر عدد سكان الحي بنحو 9 آلاف نسمة ونزح منهم 700 شخص.", "700", 700, "exact",
         "displaced"},
        /* the population's own number is a count of what the place holds */
        {"ووصل عدد سكان المخيم إلى 5000 نسمة.", "5000", 5000, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* An additive connective (إضافة إلى, فضلا عن) joins a number whose noun is
 * left out to the figure before, as a glued و does: where or why follows. */
Test(figures, elliptic_after_an_additive_connective)
{
    static const figure_case cases[] = {
        {"وقتل 20 شخصا في حلب، إضافة إلى 12 في إدلب.", "12", 12, "exact", "killed"},
        {"واعتقلت الشرطة 30 شخصا، بالإضافة إلى 8 في الريف الغربي.", "8", 8, "exact", "captured"},
        {"وأصيب 15 مدنيا بالغارات، فضلا عن 6 جراء القصف المدفعي.", "6", 6, "exact", "injured"},
        {"وقتل 9 عناصر من الشرطة، علاوة على 4 على يد مسلحين مجهولين.", "4", 4, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);

    static const no_figure_case none[] = {
        /* nothing after it says where or why: a year */
        {"وقتل 10 أشخاص في حلب إضافة إلى 2016.", "2016"},
        /* no figure before it */
        {"وقال إن المدينة تضم إضافة إلى 40 في المخيمات.", "40"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
}

/* A list after a toll leaves out the noun: each number after the first,
 * glued to و, gives only its cause (جراء، إثر، بـ) and repeats the first
 * one's type and counted thing; the first, after a colon, may give only
 * its own verb. */
Test(figures, elliptic_list_after_a_toll)
{
    static const figure_case cases[] = {
        {"وتوزعت الحصيلة على النحو التالي: 38 قتلوا برصاص القناصة، و17 بانفجار عبوة، و9 جراء "
         "القصف.",
         "38", 38, "exact", "killed"},
        {"وتوزعت الحصيلة على النحو التالي: 38 قتلوا برصاص القناصة، و17 بانفجار عبوة، و9 جراء "
         "القصف.",
         "17", 17, "exact", "killed"},
        {"وتوزعت الحصيلة على النحو التالي: 38 قتلوا برصاص القناصة، و17 بانفجار عبوة، و9 جراء "
         "القصف.",
         "9", 9, "exact", "killed"},
        {"وقتل 5 جنود بنيران القناصة، و3 إثر انفجار لغم.", "3", 3, "exact", "killed"},
        {"وأصيب 14 مدنيا، توزعوا كالتالي: 8 أصيبوا بشظايا القذائف، و6 نتيجة انهيار المبنى.", "8", 8,
         "exact", "injured"},
        {"وأصيب 14 مدنيا، توزعوا كالتالي: 8 أصيبوا بشظايا القذائف، و6 نتيجة انهيار المبنى.", "6", 6,
         "exact", "injured"},
        {"وجاء في البيان: 5 قتلوا في الاشتباكات.", "5", 5, "exact", "killed"},
        /* a toll named before the colon, the list by place */
        {"وتوزع القتلى على النحو التالي: 20 في دير الزور، و12 في الرقة.", "20", 20, "exact",
         "killed"},
        {"وتوزع القتلى على النحو التالي: 20 في دير الزور، و12 في الرقة.", "12", 12, "exact",
         "killed"},
        /* the list by place with each place before its number */
        {"وتوزع الجرحى على المحافظات كالآتي: حمص 31، حماة 12، طرطوس 4.", "31", 31, "exact",
         "injured"},
        {"وتوزع الجرحى على المحافظات كالآتي: حمص 31، حماة 12، طرطوس 4.", "4", 4, "exact",
         "injured"},
        /* ... whose first item is a region named by a bare common word */
        {"وتوزع الجرحى على المحافظات كالآتي: الشمال 54، حماة 12، طرطوس 4.", "54", 54, "exact",
         "injured"},
        {"وتوزع الجرحى على المحافظات كالآتي: الشمال 54، حماة 12، طرطوس 4.", "12", 12, "exact",
         "injured"},
        /* when it was stands between the number and where or why */
        {"وأصيب 7 مدنيين في دوما و11 مساء الجمعة في حرستا.", "11", 11, "exact", "injured"},
        {"واعتقلت الشرطة 4 شبان في الحي و9 يوم الأحد جراء الاحتجاجات.", "9", 9, "exact",
         "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result visits;
    run("وزارت البعثة المحافظات التالية: حمص 2023، حماة 2024.", &visits);
    cr_expect_eq(visits.n_figures, 0, "a list under no toll counts nothing");
    extract_result_free(&visits);

    /* each number of a list by place is in the place after it */
    static const place_case where[] = {
        {"قتل 100 شخص في جبلة و48 في طرطوس.", "48", "tartus"},
        {"وتوزع الجرحى كالتالي: 7 في حلب و3 في إدلب.", "3", "idlib"},
        {"وتوزع الجرحى كالتالي: 7 في حلب و3 في إدلب.", "7", "aleppo"},
        {"وتوزع الجرحى على المحافظات كالآتي: حمص 31، حماة 12، طرطوس 4.", "31", "homs"},
        {"وتوزع الجرحى على المحافظات كالآتي: حمص 31، حماة 12، طرطوس 4.", "12", "hama"},
    };
    check_places(where, sizeof where / sizeof where[0]);

    /* the bare region is none of the places of the items after it */
    extract_result r;
    run("وتوزع الجرحى على المحافظات كالآتي: الشمال 54، حماة 12، طرطوس 4.", &r);
    size_t north = figure_at(&r, "54");
    cr_assert_neq(north, EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[north].place, EXTRACT_NO_INDEX, "the north is no place of the list's");
    extract_result_free(&r);

    run("وقتل 5 جنود بنيران القناصة، و3 إثر انفجار لغم.", &r);
    size_t i = figure_at(&r, "3");
    cr_assert_neq(i, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.figures[i].object, "soldiers", "the list counts what its first counts");
    extract_result_free(&r);

    static const no_figure_case none[] = {
        /* a time after و, not a cause; a list of no verb and no noun */
        {"أصيب 20 شخصا في القصف و3 بعد يومين.", "3"},
        {"وتوزعت الغارات كالتالي: 12 على المدينة و5 على الريف.", "12"},
        /* a colon with no toll before it */
        {"وقال المتحدث: 5 في المنطقة الشمالية.", "5"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
}

/* The place of a figure: the one of a place noun after في that follows
 * it, its kind's noun between them ("في مديرية X", "في قرية X"). */
Test(figures, place_after_fi_past_its_kind)
{
    static const place_case where[] = {
        {"قتل 8 مسلحين على جبهة مأرب، بينما قتل 4 آخرون في مديرية صرواح.", "4", "suq-sirwah"},
        {"قتل 5 أشخاص في درعا، بينما قتل 2 في قرية المسيفرة.", "2", "al-musayfirah"},
        {"أصيب 7 عناصر قرب حماة، و3 في ناحية جنديرس.", "3", "jindires"},
        /* a place after the figure with a share of its own is that share's */
        {"وقال التقرير إن محافظة حمص تصدرت الحصيلة بـ 21 مدنيا، تلتها حماة بـ 16 مدنيا.",
         "21 مدنيا", "homs-gov"},
        /* the nearest place still, with no في after the figure */
        {"قتل 8 مسلحين على جبهة مأرب، بينما قتل 4 آخرون بقصف على مديرية صرواح.", "8", "marib"},
        {"أصيب 7 عناصر قرب حماة، و3 جراء القصف.", "3", "hama"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A figure whose sentence names no place takes the place of the figure
 * before it, as the sentences that develop a lead do not repeat its place;
 * not past a sentence naming a place of its own, not from a sentence that
 * names several, not in a report on several places. */
Test(figures, place_carried_from_the_lead)
{
    static const place_case where[] = {
        {"قتل 5 مدنيين في قصف جوي على مدينة معرة النعمان بريف إدلب الجنوبي. وقال الدفاع المدني "
         "إن بين القتلى طفلين، وأصيب 12 آخرون بجروح.",
         "12", "maarat-al-numan"},
        {"أفاد المرصد بمقتل 8 عناصر في هجوم على بلدة السخنة بريف حمص الشرقي. وأضاف أن 3 من "
         "المهاجمين قتلوا أيضا.",
         "3", "sukhnah"},
        {"قتل 3 جنود في هجوم على حاجز قرب مدينة الرمادي. وقال مصدر أمني إن 4 مسلحين قتلوا في "
         "الاشتباك.",
         "4", "ramadi"},
        /* the city a governorate is named after stands for it */
        {"قتل 4 مدنيين في قصف على بلدة سرمين شرق إدلب. وقال الدفاع المدني إن 3 آخرين أصيبوا.", "3",
         "sarmin"},
        /* ... but not as a second place of a list */
        {"قتل 4 مدنيين في قصف على بلدة سرمين ومدينة إدلب. وقال الدفاع المدني إن 3 آخرين "
         "أصيبوا.",
         "3", NULL},
        /* a lead on two towns */
        {"قتل 7 أشخاص في غارات على مدينتي دوما وحرستا. وقال الدفاع المدني إن 20 آخرين أصيبوا.",
         "20", NULL},
        /* a sentence in between names a place the lead did not */
        {"قتل 4 أشخاص في قصف على مدينة غزة. وسقطت قذائف على حي الزيتون ليلا. وأصيب 3 آخرون.", "3",
         NULL},
        /* a report on several places: its totals lie in none */
        {"قتل 5 أشخاص في بلدة الحارة بريف درعا، و3 في مدينة حلب. وقال المرصد إن 10 آخرين أصيبوا.",
         "10", NULL},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A place that names an end of a road or of a stretch between two places
 * is where a figure happened only when the sentence names no other. */
Test(figures, place_near_a_way)
{
    static const place_case where[] = {
        {"قتل 9 من قوات النظام على طريق حلب-دمشق الدولي قرب سراقب.", "9", "saraqib"},
        {"قتل 9 من قوات النظام على طريق حلب - دمشق قرب سراقب.", "9", "saraqib"},
        {"قتل 3 جنود بكمين على طريق الرمادي في بلدة هيت.", "3", "hit"},
        /* only the ends named: the nearest */
        {"قتل 7 مسلحين بين دير الزور والميادين.", "7", "deir-ez-zor"},
        {"قتل 5 أشخاص في حلب ودمشق.", "5", "aleppo"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A wide place right after a spot of its country, alone or after في or a
 * word of direction, says where the spot lies: a figure after both happened
 * at the spot. Joined by و, or in another country, the wide place is a
 * place of its own. */
Test(figures, a_wide_place_that_locates_a_spot)
{
    static const place_case where[] = {
        {"قصفت المدفعية قرية الضهيرة جنوب لبنان، ما أدى إلى إصابة 3 مدنيين.", "3", "dhayra"},
        {"استهدفت غارة مدينة الميادين بريف دير الزور الشرقي وقتل فيها 6 عناصر.", "6", "mayadin"},
        {"سقطت قذيفة على بلدة حيس في محافظة الحديدة ما أسفر عن مقتل طفلين و4 نساء.", "4", "hays"},
        {"شنت الطائرات غارات على أريحا شمال غرب سوريا وأوقعت 8 قتلى.", "8", "ariha"},
        /* a place of its own */
        {"قصفت الطائرات مدينة أريحا ومحافظة حماة وقتل 8 مدنيين.", "8", "hama-gov"},
        {"سقطت قذائف على مدينة عدن والضالع، وفي محافظة لحج قتل 4 مدنيين.", "4", "lahij-gov"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A figure followed by في and an unknown place (served unresolved) happened
 * there: in the known place that locates it right after (بطولكرم، في ريف
 * حمص، شرق حماة), else in no known place; never in the place of another
 * clause. */
Test(figures, a_figure_in_an_unknown_place)
{
    static const place_case where[] = {
        {"قتل 4 مدنيين في قرية عطيرة سلمان، بينما أصيب 3 آخرون في مدينة حمص.", "4", NULL},
        {"قتل 4 مدنيين في قرية عطيرة سلمان، بينما أصيب 3 آخرون في مدينة حمص.", "3", "homs"},
        {"قتل 3 شبان في مخيم جنين، وأصيب 5 في مخيم عين زيتون بطولكرم.", "5", "tulkarm"},
        {"أصيب 6 أطفال في قرية خشيبة في ريف حمص جراء القصف.", "6", "homs-countryside"},
        {"نزح 40 ألفا في مخيمات الريحان والسنديان و\"كرم زيتون\" شرق حماة.", "40 ألفا", "hama"},
        /* a known place after في is the figure's place as before */
        {"قتل 5 مدنيين في حلب، وأصيب 7 في مدينة إدلب.", "7", "idlib"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A place before the إن or أن that opens what is said is where the speaker
 * is: the figure said takes a place named in what is said, and the
 * speaker's only when what is said names none. */
Test(figures, the_speaker_s_place_is_not_the_figure_s)
{
    static const place_case where[] = {
        {"قال مراسل الميادين في جنوب لبنان إن 4 شهداء سقطوا في غارة على بلدة يارون.", "4",
         "yaroun"},
        {"وقال مسؤول في محافظة إدلب أن 6 مدنيين قتلوا بقصف على مدينة سراقب.", "6", "saraqib"},
        /* what is said names no place */
        {"قال مصدر طبي في الموصل إن 9 مدنيين قتلوا في القصف.", "9", "mosul"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A part of a toll whose sentence names no place happened where its whole
 * did, in a report of several places too. */
Test(figures, a_part_happened_where_its_whole_did)
{
    static const place_case where[] = {
        {"الخرطوم - قالت الشبكة إن 45 مدنيا قتلوا في قصف على مدينة الفاشر. وأضافت أن من بين "
         "القتلى 12 طفلا.",
         "12", "el-fasher"},
        {"الخرطوم - قالت الشبكة إن 45 مدنيا قتلوا في قصف على مدينة الفاشر. وأضافت أن من بين "
         "القتلى 12 طفلا. وقتل 20 شخصا في غارة على نيالا.",
         "20", "nyala"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A dateline with a date before its mark ("بيروت، 20 نوفمبر 2023:") is
 * where the report was filed: a place the sentence names is the figure's. */
Test(figures, a_dated_dateline_is_no_figure_s_place)
{
    static const place_case where[] = {
        {"بيروت، 20 نوفمبر 2023: قتل 40 شخصا في 15 تشرين الأول في قصف على مخيم جباليا.", "40",
         "jabalia"},
        {"الخرطوم 3 يونيو 2023 - قتل 25 شخصا يوم السبت في قصف على أحياء مدينة الأبيض.", "25",
         "el-obeid"},
        /* nothing else named: the dateline's place */
        {"الخرطوم 3 يونيو 2023 - قتل 25 شخصا في قصف على الأحياء.", "25", "khartoum"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A place named after a figure in the words of another party, set against
 * its own by a contrast (فيما، بينما), is that party's, not the figure's. */
Test(figures, a_place_in_the_words_set_against_it)
{
    static const place_case where[] = {
        {"أعلن حزب الله أن مقاتليه استهدفوا 11 موقعا للجيش الإسرائيلي على الحدود، فيما أعلن "
         "الجيش الإسرائيلي أنه قتل 3 عناصر من الحزب في غارة على بلدة عيتا الشعب.",
         "11", NULL},
        {"أعلن حزب الله أن مقاتليه استهدفوا 11 موقعا للجيش الإسرائيلي على الحدود، فيما أعلن "
         "الجيش الإسرائيلي أنه قتل 3 عناصر من الحزب في غارة على بلدة عيتا الشعب.",
         "3", "aita-al-shaab"},
        /* the same speaker's contrast: one event */
        {"وقال المرصد إن 5 مدنيين قتلوا، فيما أصيب 12 آخرون في قصف على مدينة سراقب.", "5",
         "saraqib"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A country after a word of allegiance (الموالية لـ، المدعومة من) names a
 * side, not where anything happened: no figure is placed there. */
Test(figures, a_side_named_by_its_allegiance_is_no_place)
{
    static const place_case where[] = {
        {"وقتل 5 عناصر من الميليشيات المدعومة من إيران في غارة على البوكمال.", "5", "abu-kamal"},
        {"وقتل 4 عناصر من الفصائل الموالية لتركيا في الاشتباكات.", "4", NULL},
        /* the seat of the party that speaks */
        {"وأفاد المرصد، ومقره بريطانيا، بأن 12 مدنيا قتلوا في القصف.", "12", NULL},
        /* what a thing is tied to */
        {"وأعلنت الجماعة تنفيذ 6 عمليات ضد سفن مرتبطة بإسرائيل.", "6", NULL},
        /* a country named for itself still is */
        {"وقتل 3 مدنيين في قصف على قرية حدودية في تركيا.", "3", "turkey"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* "N من عناصر قواته قتلوا وأصيب M آخرون": the verb after the counted noun
 * and its owner is that noun's own; the wounded after و are the others. */
Test(figures, own_verb_past_the_owner_before_the_wounded)
{
    static const figure_case cases[] = {
        {"وقال المتحدث إن 13 من عناصر قواته قتلوا وأصيب 21 آخرون في المعارك.", "13 من", 13, "exact",
         "killed"},
        {"وقال المتحدث إن 13 من عناصر قواته قتلوا وأصيب 21 آخرون في المعارك.", "21 آخرون", 21,
         "exact", "injured"},
        /* the owner a noun with the article, or after من */
        {"وقالت الشرطة إن 4 من عناصر الأمن قتلوا وأصيب 6 آخرون.", "4 من", 4, "exact", "killed"},
        {"وقال المصدر إن اثنين من عناصر الجيش استشهدا وأصيب 5 بجروح.", "اثنين", 2, "exact",
         "killed"},
        {"وذكر المصدر أن ثلاثة جنود من الجيش قتلوا وأصيب سبعة آخرون.", "ثلاثة جنود", 3, "exact",
         "killed"},
        /* a من-phrase of several owners, each a noun with the article */
        {"وقال المصدر إن 11 عنصرا من الجيش وقوات الدفاع الوطني قتلوا في الكمين.", "11 عنصرا", 11,
         "exact", "killed"},
        {"وأفاد الناشطون بأن 6 مقاتلين من فصائل الجبهة الوطنية للتحرير أصيبوا.", "6 مقاتلين", 6,
         "exact", "injured"},
        /* ... and a dual, which is its own number */
        {"وقالت مصادر أمنية إن جنديين قتلا وأصيب 3 آخرون في الهجوم.", "جنديين", 2, "exact",
         "killed"},
        /* counter-example: the dead and the wounded named together before the number */
        {"وأعلن المتحدث مقتل وإصابة 30 من عناصر قواته.", "30 من", 30, "exact", "casualties"},
        {"وأعلنت الوزارة مقتل وإصابة 12 شخصا في القصف.", "12 شخصا", 12, "exact", "casualties"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "ارتفعت الحصيلة إلى 43 قتيلا و70 جريحا، بعد أن كانت 30 قتيلا": the value
 * a toll had is that of the toll of its own kind the sentence updates, and
 * keeps its own kind; a breakdown after it breaks down the toll it is now. */
static void check_links(const link_case *cases, size_t n);

Test(figures, the_former_value_of_a_toll_of_its_own_kind)
{
    static const char *doc = "وقالت النقابة إن الحصيلة ارتفعت إلى 52 قتيلا و84 جريحا، بعد أن كانت "
                             "37 قتيلا في الصباح. وأوضحت أن بين القتلى 13 امرأة.";
    extract_result r;
    run(doc, &r);
    size_t now = figure_at(&r, "52 قتيلا"), wounded = figure_at(&r, "84 جريحا"),
           was = figure_at(&r, "37 قتيلا"), women = figure_at(&r, "13 امرأة");
    cr_assert(now != EXTRACT_NO_INDEX && wounded != EXTRACT_NO_INDEX && was != EXTRACT_NO_INDEX &&
              women != EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.figures[was].type, "killed");
    cr_expect_eq(r.figures[now].supersedes, was, "52 supersedes %zu, want %zu",
                 r.figures[now].supersedes, was);
    cr_expect_eq(r.figures[wounded].supersedes, EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[women].part_of, now, "13 part_of %zu, want %zu",
                 r.figures[women].part_of, now);
    extract_result_free(&r);
    static const link_case parts[] = {
        {"وارتفعت الحصيلة إلى 52 قتيلا، بعد أن كانت 37 قتيلا. وبين القتلى 13 امرأة.", "13 امرأة",
         "52 قتيلا", "killed"},
    };
    check_links(parts, sizeof parts / sizeof parts[0]);
}

/* Those whose fate is unknown (مصير، مجهولي المصير) are missing: counted,
 * not the detained or the dead named before them. */
Test(figures, those_whose_fate_is_unknown_are_counted)
{
    static const figure_case cases[] = {
        {"وقالت المنظمة إن 2400 شخص اعتقلوا، وإن مصير 350 آخرين مجهول.", "350 آخرين", 350, "exact",
         "count"},
        {"وأفاد ذووهم بأن 26 شابا مجهولي المصير منذ المداهمة.", "26 شابا", 26, "exact", "count"},
        /* those who went missing, their verb after them */
        {"وقالت الوزارة إن 300 عائلة نزحت، وإن 40 شخصا فقدوا في الفيضان.", "40 شخصا", 40, "exact",
         "count"},
        {"وقال إن 9 صيادين فقدوا قبالة الساحل.", "9 صيادين", 9, "exact", "count"},
        /* counter-example: the verb before the dead is theirs, not the fate after */
        {"وقتل 7 جنود وبقي مصير 4 آخرين مجهولا.", "7 جنود", 7, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "N منهم" counts of the people its sentence names before it with no number
 * of their own, not of the figure the sentence before ended with. */
Test(figures, of_them_names_the_people_of_its_sentence)
{
    static const figure_case cases[] = {
        {"وضبطت الدورية 5 بنادق. واشتبكت القوات مع مجموعة من المهربين، ما أدى إلى مقتل 3 منهم.",
         "3 منهم", 3, "exact", "killed"},
        /* counter-example: with none named, of the figure just before */
        {"وقالت الوزارة إنه تم تحييد 17 مسلحا. وذكرت أن 12 منهم أجانب.", "12 منهم", 12, "exact",
         "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("وضبطت الدورية 5 بنادق. واشتبكت القوات مع مجموعة من المهربين، ما أدى إلى مقتل 3 منهم.", &r);
    size_t i = figure_at(&r, "3 منهم");
    cr_assert_neq(i, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.figures[i].object, "smugglers and infiltrators");
    cr_expect_eq(r.figures[i].part_of, EXTRACT_NO_INDEX);
    extract_result_free(&r);
}

/* An execution is a death, a sentence of death a count, and those freed
 * after their noun (أفرج عنهم) are released: counted. */
Test(figures, executions_sentences_and_the_freed)
{
    static const figure_case cases[] = {
        {"ووثقت المنظمة 94 عملية إعدام في السجون خلال العام.", "94 عملية إعدام", 94, "exact",
         "killed"},
        {"وأصدرت المحاكم 28 حكما بالإعدام بحق معارضين.", "28 حكما بالإعدام", 28, "exact", "count"},
        {"وقالت اللجنة إن 15 معتقلا أفرج عنهم أمس.", "15 معتقلا", 15, "exact", "count"},
        /* counter-example: detainees with nothing said after them are held */
        {"وقالت اللجنة إن 15 معتقلا ما زالوا في السجن.", "15 معتقلا", 15, "exact", "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* An update that names no place is of the toll it replaces, where that
 * one was, even when the lead names a dateline's town as well. */
Test(figures, an_update_happened_where_its_toll_did)
{
    static const place_case where[] = {
        {"صنعاء - قالت الوزارة إن حصيلة الغارات على ميناء رأس عيسى بلغت 20 قتيلا. وفي وقت "
         "لاحق، أعلنت الوزارة ارتفاع الحصيلة إلى 38 قتيلا.",
         "38", "ras-isa"},
        /* counter-example: an update with a place of its own */
        {"قتل 9 مدنيين في قصف على مدينة الفاشر. وارتفع عدد القتلى إلى 14 في مدينة نيالا.", "14",
         "nyala"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* "بلغ عدد القتلى 9 والجرحى 22": the toll joined to a restated one by و
 * restates its own count too and replaces it. */
Test(figures, a_toll_joined_to_a_restated_one)
{
    static const link_case cases[] = {
        {"قتل 6 أشخاص وأصيب 15 آخرون في الاشتباكات. وأفاد الجهاز بأن عدد القتلى بلغ 11 والجرحى "
         "27.",
         "27", "15 آخرون", "injured"},
        {"قتل 6 أشخاص وأصيب 15 آخرون في الاشتباكات. وأفاد الجهاز بأن عدد القتلى بلغ 11 والجرحى "
         "27.",
         "11", "6 أشخاص", "killed"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        size_t now = figure_at(&r, cases[k].part), was = figure_at(&r, cases[k].whole);
        cr_assert(now != EXTRACT_NO_INDEX && was != EXTRACT_NO_INDEX);
        cr_expect_eq(r.figures[now].supersedes, was, "\"%s\" supersedes %zu, want %zu",
                     cases[k].part, r.figures[now].supersedes, was);
        cr_expect_str_eq(r.figures[now].type, cases[k].type);
        extract_result_free(&r);
    }
}

/* A country named as the subject of a verb of attack right after it is who
 * struck, not where anything befell anyone. */
Test(figures, the_attacking_country_is_no_place)
{
    static const place_case where[] = {
        {"وقال رئيس البلدية إن تركيا قصفت قرية سركلي وقتلت 3 رعاة.", "3", NULL},
        {"وقالت المصادر إن إسرائيل شنت 14 غارة على لبنان.", "14", "lebanon"},
        /* a country struck still is the place */
        {"وقتل 6 مدنيين في قصف إسرائيلي على لبنان.", "6", "lebanon"},
        /* after a verb of launching or firing, the country is who launched */
        {"وشنت إسرائيل نحو 30 غارة على مواقع في درعا.", "30", "daraa"},
        {"وأطلقت إيران 200 صاروخ خلال الليل.", "200", NULL},
        {"وأطلقت الفصائل 12 قذيفة على إسرائيل.", "12", "israel"},
        /* and so does a country joined to the one who launched */
        {"وشنت الولايات المتحدة وبريطانيا أكثر من 40 غارة على مواقع في اليمن.", "40", "yemen"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* "محافظة X جنوبي سوريا": a country, or a part of one named by its
 * direction, after a governorate says where the governorate lies; what
 * happened happened in the governorate. */
Test(figures, a_governorate_located_by_its_country_part)
{
    static const place_case where[] = {
        {"وارتفع عدد القتلى في محافظة درعا جنوبي سوريا إلى 41.", "41", "daraa-gov"},
        {"وارتفع عدد القتلى في محافظة حماة وسط سوريا إلى 12.", "12", "hama-gov"},
        /* a countryside is located by its country part too */
        {"قتل 4 في ريف إدلب شمالي سوريا.", "4", "idlib-countryside"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* "5 من أصل 8 طائرات": the part counts the noun of its whole, and the
 * verb before it befell the part; the whole is what there was: a count,
 * unless its noun says what befell it (جثة, جرحى), munitions fired. */
Test(figures, part_out_of_a_whole)
{
    static const struct {
        const char *doc, *needle, *type, *object;
    } cases[] = {
        {"وأسقطت الدفاعات الجوية 5 من أصل 8 طائرات مسيرة.", "5", "destroyed", "aircraft"},
        {"وأسقطت الدفاعات الجوية 5 من أصل 8 طائرات مسيرة.", "8 طائرات", "count", "aircraft"},
        {"وقتل 3 من أصل 7 جنود كانوا في الدورية.", "3", "killed", "soldiers"},
        {"وقتل 3 من أصل 7 جنود كانوا في الدورية.", "7 جنود", "count", "soldiers"},
        {"واعتقلت القوات 4 من مجموع 9 مطلوبين.", "4", "captured", "suspects"},
        {"واعترضت الدفاعات 12 صاروخا من أصل 15 صاروخا.", "15 صاروخا", "fired", "rockets"},
        /* the whole's noun types the whole, not the part */
        {"وتوفي 3 من أصل 7 جرحى نقلوا إلى المستشفى.", "3", "killed", "people"},
        {"وتوفي 3 من أصل 7 جرحى نقلوا إلى المستشفى.", "7 جرحى", "injured", "injured"},
        /* ... and the part when no verb says otherwise */
        {"وانتشل الفريق 51 من أصل 200 جثة.", "51", "killed", "bodies"},
        {"وانتشل الفريق 51 جثة من أصل 200 جثة.", "200 جثة", "killed", "bodies"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        size_t i = figure_at(&r, cases[k].needle);
        cr_assert_neq(i, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", cases[k].needle,
                      cases[k].doc);
        cr_expect_str_eq(r.figures[i].type, cases[k].type, "\"%s\" type in: %s", cases[k].needle,
                         cases[k].doc);
        cr_expect(r.figures[i].object && !strcmp(r.figures[i].object, cases[k].object),
                  "\"%s\" counts %s, want %s in: %s", cases[k].needle,
                  r.figures[i].object ? r.figures[i].object : "(none)", cases[k].object,
                  cases[k].doc);
        extract_result_free(&r);
    }
    /* counter-examples: a breakdown (من بين القتلى) and a whole of no noun */
    extract_result r;
    run("وقتل 20 شخصا في القصف، وكان 3 من بين القتلى أطفالا.", &r);
    cr_expect_eq(figure_at(&r, "20 شخصا"), 0);
    extract_result_free(&r);
    run("وامتد القتال إلى 12 ولاية من أصل 18 في البلاد.", &r);
    cr_expect_eq(r.n_figures, 0, "a whole of no counted noun gave a figure");
    extract_result_free(&r);
}

/* A plural with a possessive pronoun and a number word with the article
 * after it ("أطفاله الثلاثة") counts the people it names: his three
 * children. The number word with the article after a plain definite noun
 * refers back to a set already counted, and after a time word is a
 * duration: neither is a figure. */
Test(figures, possessed_plural_with_definite_number)
{
    static const figure_case cases[] = {
        {"أسفرت الغارة على المنزل عن مقتل رجل وزوجته وأطفاله الثلاثة.", "الثلاثة", 3, "exact",
         "killed"},
        {"وقتل أبناؤه الأربعة في القصف على الحي.", "الأربعة", 4, "exact", "killed"},
        {"وأصيب أشقاؤها الخمسة بجروح في الانفجار.", "الخمسة", 5, "exact", "injured"},
        {"واعتقلت القوات الأمنية أبناءهم الستة عند الحاجز.", "الستة", 6, "exact", "captured"},
        {"ونزحت العائلة مع بناتها الثلاث إلى المخيم.", "الثلاث", 3, "exact", "displaced"},
        {"وقتل القيادي مع عناصره العشرة في الكمين.", "العشرة", 10, "exact", "killed"},
        /* the ة the pronoun made ت; a trigger after the count */
        {"وقتل إخوته الثلاثة في الغارة على القرية.", "إخوته الثلاثة", 3, "exact", "killed"},
        {"ولقي أطفالها الأربعة حتفهم في الغارة.", "أطفالها الأربعة", 4, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);

    static const no_figure_case none[] = {
        /* a duration, a reference back, a set of parties */
        {"وقتل 5 مدنيين في القصف خلال الأيام الثلاثة الماضية.", "الثلاثة"},
        {"وقتل 3 أطفال في الغارة. ودفن الأطفال الثلاثة في مقبرة البلدة.", "الأطفال الثلاثة"},
        {"واتفقت الأطراف الثلاثة على وقف القتال.", "الثلاثة"},
        /* no word of what befell them */
        {"وقال إن أطفاله الثلاثة كانوا في المدرسة.", "الثلاثة"},
        /* a possessed plural that counts no people */
        {"وقتل المزارع في القصف الذي دمر بيوته الثلاثة.", "بيوته"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
}

/* Those still under the rubble are trapped, whatever the verb before them:
 * the figure counts the living or dead the rescuers have not reached. Dying
 * under the rubble, or bodies pulled from it, stays a toll of the dead. */
Test(figures, still_under_the_rubble)
{
    static const figure_case cases[] = {
        {"وقال الدفاع المدني إن 14 شخصا ما زالوا تحت الأنقاض في الحي.", "14", 14, "exact",
         "trapped"},
        {"وأفادت مصادر طبية بمقتل 20 مدنيا، فيما لا يزال 8 آخرون تحت الأنقاض.", "20", 20, "exact",
         "killed"},
        {"ويعتقد أن 30 فردا من العائلة لا يزالون تحت ركام منزلهم.", "30", 30, "exact", "trapped"},
        /* counter-examples: killed under it, bodies pulled from it */
        {"وقتل 6 أشخاص تحت أنقاض منزلهم في القصف.", "6", 6, "exact", "killed"},
        {"وانتشلت فرق الإنقاذ 11 جثة من تحت الأنقاض.", "11", 11, "exact", "killed"},
        {"واستشهد 4 أطفال وما زالت أمهم تحت الأنقاض.", "4", 4, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "5 أشخاص أو 6": a second number after the noun, joined by أو and a little
 * above the first, says the writer does not know which: one figure, a
 * range. A number with a noun of its own, or far above the first, is no
 * such alternative. */
Test(figures, alternative_number_after_the_noun)
{
    static const struct {
        const char *doc, *needle;
        double lo, hi; /* hi NaN: not a range */
        const char *type;
    } cases[] = {
        {"وأصيب 5 أشخاص أو 6 في انفجار عبوة ناسفة.", "5", 5, 6, "injured"},
        {"وقتل 10 جنود أو 12 في الكمين، بحسب مصدر عسكري.", "10", 10, 12, "killed"},
        {"واعتقلت القوات 20 مدنيا أو 25 عند الحاجز، وفق شهود.", "20", 20, 25, "captured"},
        /* counter-examples */
        {"ودمرت الغارة 3 دبابات أو 5 آليات بحسب روايتين.", "3", 3, NAN, "destroyed"},
        {"ودمرت الغارة 3 دبابات أو 5 آليات بحسب روايتين.", "5", 5, NAN, "destroyed"},
        {"وقتل 4 أشخاص أو 40 بحسب مصادر محلية متضاربة.", "4", 4, NAN, "killed"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        size_t i = figure_at(&r, cases[k].needle);
        cr_assert_neq(i, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", cases[k].needle,
                      cases[k].doc);
        const extract_figure *f = &r.figures[i];
        cr_expect_eq(f->value, cases[k].lo, "\"%s\": value %g in: %s", cases[k].needle, f->value,
                     cases[k].doc);
        if (isnan(cases[k].hi)) {
            cr_expect(!f->has_max, "\"%s\": a range in: %s", cases[k].needle, cases[k].doc);
        } else {
            cr_expect(f->has_max && f->value_max == cases[k].hi && f->qual == QUAL_RANGE,
                      "\"%s\": no range to %g in: %s", cases[k].needle, cases[k].hi, cases[k].doc);
            cr_expect_eq(r.n_figures, 1, "%zu figures in: %s", r.n_figures, cases[k].doc);
        }
        cr_expect_str_eq(f->type, cases[k].type, "\"%s\" type in: %s", cases[k].needle,
                         cases[k].doc);
        extract_result_free(&r);
    }
}

/* A toll that may reach a number (قد يصل، يخشى أن ترتفع) is a ceiling feared,
 * not a count: up to, and it updates no toll before it. قد before a past
 * verb asserts ("وقد ارتفع"): the number stays exact. */
Test(figures, toll_that_may_reach)
{
    static const figure_case cases[] = {
        {"وقال مسؤول في وزارة الصحة إن عدد القتلى قد يصل إلى 50 شخصا.", "50", 50, "up_to",
         "killed"},
        {"قتل 12 شخصا في الغارة، وقد يرتفع عدد القتلى إلى 20 خلال الساعات المقبلة.", "20", 20,
         "up_to", "killed"},
        {"ويخشى أن ترتفع حصيلة القتلى إلى 30 قتيلا.", "30", 30, "up_to", "killed"},
        /* counter-examples: a toll that rose, and one said to have risen */
        {"وارتفع عدد القتلى إلى 50 شخصا.", "50", 50, "exact", "killed"},
        {"وقد ارتفع عدد القتلى إلى 50 شخصا.", "50", 50, "exact", "killed"},
        {"قتل 12 شخصا في الغارة. ومن المتوقع أن يصل وفد أممي اليوم، وقتل 3 آخرون.", "3", 3, "exact",
         "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("قتل 12 شخصا في الغارة، وقد يرتفع عدد القتلى إلى 20 خلال الساعات المقبلة.", &r);
    size_t i = figure_at(&r, "20");
    cr_assert_neq(i, EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[i].supersedes, EXTRACT_NO_INDEX, "a feared toll updates the 12");
    extract_result_free(&r);
    run("قتل 12 شخصا في الغارة، وقد يصل عدد القتلى إلى 20 خلال الساعات المقبلة.", &r);
    i = figure_at(&r, "20");
    cr_assert_neq(i, EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[i].supersedes, EXTRACT_NO_INDEX, "a feared toll restates the 12");
    extract_result_free(&r);
}

/* سقوط and سقط say two things by what falls: people fall dead ("سقوط 30
 * جنديا"), munitions fall where they were fired ("سقوط 4 صواريخ"). */
Test(figures, people_who_fall_are_killed)
{
    static const figure_case cases[] = {
        {"وأعلن الجيش سقوط 30 جنديا في المعارك على الحدود.", "30", 30, "exact", "killed"},
        {"وسقط 7 مدنيين في قصف على السوق.", "7", 7, "exact", "killed"},
        {"وأكد المتحدث سقوط 12 عنصرا من المهاجمين.", "12", 12, "exact", "killed"},
        /* counter-examples: munitions that fall were fired */
        {"وأفاد شهود بسقوط 4 صواريخ على الحي.", "4", 4, "exact", "fired"},
        {"وسقطت 9 قذائف هاون قرب المستشفى.", "9", 9, "exact", "fired"},
        {"وسقط 3 جنود في الأسر خلال الهجوم.", "3", 3, "exact", "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "15 غارة على 7 بلدات": a strikes noun counted by its own number is that
 * figure's noun; it does not type the targets after it as strikes. */
Test(figures, counted_strikes_do_not_type_their_targets)
{
    static const figure_case cases[] = {
        {"وأعلنت الوزارة مقتل 3 أشخاص في 15 غارة على 7 بلدات.", "7", 7, "exact", "count"},
        {"وأعلنت الوزارة مقتل 3 أشخاص في 15 غارة على 7 بلدات.", "15", 15, "exact", "airstrikes"},
        {"وشن الطيران الحربي 20 غارة على 5 قرى في الريف الجنوبي.", "5 قرى", 5, "exact", "count"},
        /* counter-example: the verb that launched them still types what it launched */
        {"وشن الطيران 12 غارة و3 هجمات بالمسيرات.", "3", 3, "exact", "airstrikes"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A number right after the word of an agent (برصاص، بنيران، على يد) counts
 * those who did it: the verb before befell others. */
Test(figures, agents_are_not_their_victims)
{
    static const figure_case cases[] = {
        {"وقتل 3 أشخاص برصاص 2 من عناصر الأمن في المدينة.", "2 من", 2, "exact", "count"},
        {"واستشهد 6 مدنيين بنيران 4 جنود عند الحاجز.", "4 جنود", 4, "exact", "count"},
        {"وقتل 5 مدنيين على يد 3 مسلحين مجهولين.", "3 مسلحين", 3, "exact", "count"},
        /* counter-examples: the victims themselves */
        {"وقتل 3 أشخاص برصاص 2 من عناصر الأمن في المدينة.", "3 أشخاص", 3, "exact", "killed"},
        {"وقتل شاب برصاص قناص، وأصيب 4 آخرون.", "4", 4, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A force that besieges people traps them: the verb says it as the
 * participle (محاصرين) does. */
Test(figures, besieged_by_the_verb)
{
    static const figure_case cases[] = {
        {"وتحاصر قوات الدعم السريع نحو 200 ألف مدني داخل المدينة.", "200", 200000, "about",
         "trapped"},
        {"وقال مسؤول محلي إن المسلحين حاصروا 60 عائلة في الحي الشرقي.", "60", 60, "exact",
         "trapped"},
        /* counter-example: what a besieging force lost is still its loss */
        {"وحاصرت القوات البلدة وقتلت 9 مسلحين.", "9", 9, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "N منهم" with no figure before it to be a part of: when a verb that befalls
 * people stands right before it, it counts people of those the pronoun
 * names. */
Test(figures, of_them_after_a_verb_of_people)
{
    static const figure_case cases[] = {
        {"هاجمت القوات مواقع التنظيم وقتلت 8 منهم.", "8", 8, "exact", "killed"},
        {"وطاردت الشرطة عصابة التهريب واعتقلت 5 منهم قرب الحدود.", "5", 5, "exact", "captured"},
        /* a part of the figure before keeps what it counts */
        {"ووصل 40 جريحا إلى المستشفى، وتوفي 6 منهم.", "6", 6, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    /* no verb of people before it: nothing is counted */
    extract_result r;
    run("وزار الوفد المخيمات وتحدث إلى 3 منهم.", &r);
    cr_expect_eq(figure_at(&r, "3"), EXTRACT_NO_INDEX, "a count of nothing");
    extract_result_free(&r);
}

/* فقط (only) may stand between a number and its noun: the noun still
 * counts the number. */
Test(figures, only_between_a_number_and_its_noun)
{
    static const figure_case cases[] = {
        {"ولم ينج سوى 3 فقط من عناصر الكتيبة.", "عناصر", 3, "exact", "count"},
        {"وأصيب 5 فقط من الجنود في الهجوم على الحاجز.", "الجنود", 5, "exact", "injured"},
        {"ودمرت الغارات 2 فقط من الدبابات السبع.", "الدبابات", 2, "exact", "destroyed"},
        /* counter-example: فقط closing the figure, a noun of another phrase after it */
        {"وأصيب 4 أشخاص فقط في القصف.", "4 أشخاص", 4, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Hideouts and military bases are counted: "تدمير 3 أوكار", "السيطرة
 * على 3 قواعد عسكرية". A base must be named military or air: قاعدة alone
 * is also a rule. */
Test(figures, hideouts_and_bases)
{
    static const figure_case cases[] = {
        {"وأعلنت الوزارة مقتل 6 مسلحين وتدمير 3 أوكار في الصحراء.", "3 أوكار", 3, "exact",
         "destroyed"},
        {"واستولت القوات على 3 قواعد عسكرية في الإقليم.", "3 قواعد", 3, "exact", "seized"},
        {"ودمرت الطائرات 4 مضافات للتنظيم.", "4 مضافات", 4, "exact", "destroyed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("ووضعت اللجنة 3 قواعد جديدة لتوزيع المساعدات.", &r);
    cr_expect_eq(figure_at(&r, "3"), EXTRACT_NO_INDEX, "rules counted as bases");
    extract_result_free(&r);
}

/* The verbal noun of taking control carries its subject's pronoun
 * ("أعلنت القوات سيطرتها على 3 قواعد عسكرية"), as استيلاءها does. */
Test(figures, control_with_the_pronoun_of_its_subject)
{
    static const figure_case cases[] = {
        {"وأعلنت القوات سيطرتها على 3 قواعد عسكرية في الإقليم.", "3 قواعد", 3, "exact", "seized"},
        {"وأكد الفصيل سيطرته على 5 مقرات للشرطة.", "5 مقرات", 5, "exact", "seized"},
        /* counter-example: the people killed while taking control */
        {"وأعلنت القوات سيطرتها على البلدة بعد مقتل 7 مسلحين.", "7", 7, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A word of what happens after the counted noun governs it only as its
 * predicate: behind a preposition of cause or time (بعد احتجاز، بسبب خطورة
 * الإصابات) it tells the circumstance, and the word before says what befell. */
Test(figures, trigger_behind_a_preposition_is_a_circumstance)
{
    static const figure_case cases[] = {
        {"وأفرجت الجماعة عن 12 صيادا يمنيا بعد احتجاز دام أشهرا.", "12", 12, "exact", "count"},
        {"وقال مسؤول إن عدد القتلى ارتفع إلى 15 بسبب خطورة الإصابات.", "15", 15, "exact", "killed"},
        {"وتوفي 4 أطفال عقب إصابتهم في القصف.", "4", 4, "exact", "killed"},
        /* counter-examples: the predicate right after its noun */
        {"وقال الشهود إن 13 شخصا قتلوا بعد منتصف الليل.", "13", 13, "exact", "killed"},
        {"وأكدت المصادر أن 9 مدنيين أصيبوا بجروح.", "9", 9, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A bare number as the subject of what is said, before a verb of people:
 * "مؤكدا أن 3 فقط قتلوا" counts who the figure before counts. */
Test(figures, a_bare_number_said_to_have_been_killed)
{
    static const figure_case cases[] = {
        {"ونفى الجيش مقتل 40 من جنوده، مؤكدا أن 3 فقط قتلوا.", "3", 3, "exact", "killed"},
        {"وقال الدفاع المدني إن 7 قتلوا وأصيب 20 في القصف.", "7", 7, "exact", "killed"},
        /* qualified, and vague amounts whose construct is whole */
        {"وقالت الشبكة إن أكثر من 60 قتلوا في الهجوم.", "60", 60, "more_than", "killed"},
        {"وأضافت المنظمة أن نحو 9 آلاف فروا إلى الحدود.", "9 آلاف", 9000, "about", "displaced"},
        {"وقالت الوكالة إن عشرات الآلاف نزحوا من الإقليم.", "عشرات الآلاف", NAN, "thousands",
         "displaced"},
        {"وأدى القتال إلى نزوح مئات الآلاف من الولاية.", "مئات الآلاف", NAN, "thousands",
         "displaced"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    /* nor what falls, nor "the three" named before, nor an amount of money */
    static const no_figure_case none[] = {
        {"وأكدت الوزارة أن 4 سقطت في البحر.", "4"},
        {"قتل 3 جنود. وقالت المصادر إن الثلاثة قتلوا في المعارك.", "الثلاثة"},
        {"وقال المدير إن عدد سكان المخيم يبلغ 5000.", "5000"},
        {"وقدرت الخسائر بعشرات الآلاف من الدولارات.", "عشرات"},
        {"وأكد أن أكثر من 3 أعوام مرت على الحصار.", "3"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
}

/* Subjects joined by و before one verb: what befell the last befell each. */
Test(figures, coordinated_subjects_share_their_verb)
{
    static const figure_case cases[] = {
        {"وقال إن 45 مسلحا و12 جنديا قتلوا في المعارك.", "45 مسلحا", 45, "exact", "killed"},
        {"وقال إن 45 من المتمردين و12 من عناصر القوات الحكومية قتلوا.", "45 من", 45, "exact",
         "killed"},
        {"وأكد أن 30 مدنيا و8 من عناصر الشرطة أصيبوا بجروح.", "30 مدنيا", 30, "exact", "injured"},
        /* counter-examples: a verb of its own, or none after the last */
        {"وقتل 45 مسلحا و12 جنديا أصيبوا.", "12 جنديا", 12, "exact", "injured"},
        {"وقتل 45 مسلحا و12 جنديا أصيبوا.", "45 مسلحا", 45, "exact", "killed"},
        {"وانتشر 45 مسلحا و12 قتيلا في الحي.", "45 مسلحا", 45, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A toll's bare number: in the slashes of official agencies or brackets,
 * past a date inside the toll; a second toll's noun after it is not its
 * verb; those who surrendered are captured. */
Test(figures, bare_tolls_as_agencies_write_them)
{
    static const figure_case cases[] = {
        {"وقالت الوزارة إن عدد القتلى بلغ /1250/.", "1250", 1250, "exact", "killed"},
        {"وقالت الوزارة إن عدد الجرحى بلغ (40) حتى الآن.", "40", 40, "exact", "injured"},
        {"وقالت الوزارة إن عدد القتلى بلغ 1250 وعدد الجرحى 300.", "1250", 1250, "exact", "killed"},
        {"وقالت الوزارة إن عدد القتلى بلغ 1250 وعدد الجرحى 300.", "300", 300, "exact", "injured"},
        {"وأفاد البيان بأن عدد المسلحين المستسلمين لقواتها منذ 9 يناير بلغ 1250.", "1250", 1250,
         "exact", "captured"},
        {"وقالت المصادر إن 60 مسلحا مستسلمين نقلوا إلى السجن.", "60", 60, "exact", "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Dates, years, percentages, ratios, references back and numbers in names
 * are no figures. */
Test(figures, not_figures)
{
    static const no_figure_case cases[] = {
        /* the text must be in no figure */
        {"وقال إن أكثر من 90 بالمئة من الغارات استهدفت الأحياء.", "مئة"},
        {"وأصاب صاروخ من كل خمسة صواريخ هدفه.", "خمسة"},
        {"وقصفت المدفعية البلدة من نفس الحاجزين.", "الحاجزين"},
        {"وقتل ثلاثة أشقاء من عائلة واحدة في القصف.", "عائلة واحدة"},
        /* the second term of a construct: members of one family */
        {"وقتل خمسة من أفراد عائلة واحدة، بينهم طفلان.", "عائلة واحدة"},
        {"وقتل أبناء قرية واحدة في المجزرة.", "قرية واحدة"},
        /* where: in one village, in a single raid */
        {"وأحرقت الميليشيا 90 منزلا في قرية واحدة.", "قرية واحدة"},
        {"وقتل 14 شخصا في هجوم واحد على الحافلة.", "هجوم واحد"},
        {"وهاجم اللواء 47 مواقع المعارضة.", "47"},
        /* a batch of an exchange or a phase by its number */
        {"وأفرج الاحتلال عن الدفعة 7 من الأسرى.", "7"},
        {"وتنص المرحلة 2 من الاتفاق على انسحاب القوات.", "2"},
        {"وقال قائد الفرقة 25 مهام خاصة إن قواته تقدمت.", "25"},
        {"وانتشرت قوات مشروع 17 عنصرا في الحي.", "17"},
        {"وقتل 5 مدنيين في عام 2016 وفق التقرير.", "2016"},
        {"وقتل 5 مدنيين في 2016 وفق التقرير.", "2016"},
        {"وقتل 4 مدنيين بنسبة 30 في المئة من الضحايا.", "المئة"},
        {"ونزح 3 مرات خلال الحرب.", "3"},
        {"وأصيب 5 كم شمال المدينة.", "5"},
        {"واعتقل 40 % من الشبان.", "40"},
        {"ونزح ستون بالمئة من السكان.", "المئة"},
        {"ونزح ستون في المئة من السكان.", "المئة"},
        /* a percentage of people, after a verb that counts people bare */
        {"وأصيب 20 بالمئة من سكان المخيم بالحصبة.", "20"},
        {"ونزح 65 في المائة من أهالي البلدة.", "65"},
        {"وقتل 12 بالمائة من الضحايا برصاص القناصة.", "12"},
        /* "N منهم" with no figure before it in its sentence or the one before */
        {"وأعلنت الوزارة تحييد 17 مسلحا. وشهدت المنطقة هدوءا. وأضافت أن 12 منهم في الجبال.",
         "12 منهم"},
        /* a census (تعداد السكان) counts no victims */
        {"قتل 12 شخصا في القصف. وارتفع تعداد سكان المخيم إلى 5000.", "5000"},
        /* a camp named is a place, not a count */
        {"ووصلت العائلات إلى مخيم 17 تشرين قرب البلدة.", "مخيم"},
        /* الاثنين after an indefinite noun is Monday, not two of it */
        {"وقتل 14 مدنيا الاثنين في غارات على الريف.", "الاثنين"},
        {"وقتل 14 مدنيا أمس الاثنين في غارات على الريف.", "الاثنين"},
    };
    check_no_figures(cases, sizeof cases / sizeof cases[0]);
    /* ... while a definite number word agrees with a definite noun */
    static const figure_case agreeing[] = {
        {"وأصيب الجنديان الاثنان بجروح.", "الاثنان", 2, "exact", "injured"},
        {"وقتل جنديان اثنان في الهجوم.", "اثنان", 2, "exact", "killed"},
    };
    check_cases(agreeing, sizeof agreeing / sizeof agreeing[0]);
}

/* A long report: more trigger words than EXTRACT_MAX_ITEMS and more
 * figures than it can hold; the figures past the limit are dropped and
 * counted, the document is still read. */
Test(figures, long_document_is_read)
{
    char *doc = repeated("قتل 3 أشخاص وأصيب 2 وأسر 4 جنود. ", 1500, NULL);
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    cr_expect_eq(r.n_figures, EXTRACT_MAX_ITEMS);
    cr_expect_gt(r.truncated, 0);
    extract_result_free(&r);
    free(doc);
}

typedef struct subject_case {
    const char *doc;
    const char *needle; /* text inside the figure's span */
    const char *bloc;   /* NULL: none */
    const char *party;  /* the counted party's id; NULL: none */
} subject_case;

static void check_subjects(const subject_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const subject_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t i = figure_at(&r, c->needle);
        cr_expect_neq(i, EXTRACT_NO_INDEX, "no figure with \"%s\" in: %s", c->needle, c->doc);
        if (i != EXTRACT_NO_INDEX) {
            const extract_figure *f = &r.figures[i];
            const char *bloc = f->subject_bloc ? f->subject_bloc : "(none)";
            const char *party =
                f->subject_party != EXTRACT_NO_INDEX ? r.sources[f->subject_party].id : "(none)";
            cr_expect_str_eq(bloc, c->bloc ? c->bloc : "(none)", "\"%s\" bloc in: %s", c->needle,
                             c->doc);
            cr_expect_str_eq(party, c->party ? c->party : "(none)", "\"%s\" party in: %s",
                             c->needle, c->doc);
        }
        extract_result_free(&r);
    }
}

/* Whose people or things are counted: the party named in the noun phrase
 * gives the bloc, and is the counted party unless its name stands for its
 * whole bloc (قوات النظام, قسد, جيش الاحتلال); the party after a loss word,
 * or the one that fires the munitions, owns them, while the subject of any
 * other verb is who did it. */
Test(figures, subject_bloc_and_party_in_syria)
{
    static const subject_case cases[] = {
        {"قتل 15 عنصرا من حزب الله في معارك ريف حلب الجنوبي.", "15 عنصرا", "sy.government",
         "hezbollah"},
        {"وأكد المصدر مقتل 20 عنصراً من قوات النظام قرب خان طومان.", "20 عنصرا", "sy.government",
         NULL},
        {"وأعلنت الفصائل مقتل 30 من جنود الجيش السوري في المعركة.", "30 من", "sy.government", NULL},
        {"وقتل 12 من مقاتلي قسد في هجوم شرق دير الزور.", "12 من", "sy.sdf", NULL},
        {"وقتل 40 من مسلحي داعش في غارات على البادية.", "40 من", "sy.isis", NULL},
        {"ودمرت الفصائل ثلاث دبابات للجيش التركي قرب الباب.", "ثلاث دبابات", "sy.turkey", NULL},
        /* the party a bare party noun refers back to (الحزب: حزب الله) */
        {"قاتل حزب الله في القصير طويلا. وخسر الحزب أكثر من 25 مسلحا في المعارك.", "25 مسلحا",
         "sy.government", "hezbollah"},
        /* a loss with a possessive is the loss of the party named before it */
        {"أعلنت حركة أحرار الشام خسارتها 12 مقاتلا في معارك ريف حماة.", "12 مقاتلا",
         "sy.opposition", "ahrar-al-sham"},
        {"وأقرت قوات النظام بخسارتها 20 عنصرا في ريف حماة، بحسب المرصد.", "20 عنصرا",
         "sy.government", NULL},
        {"وتحدث المرصد عن خسارة 20 عنصرا في ريف حماة.", "20 عنصرا", NULL, NULL},
        /* "تابع لـ" ties what is counted to its owner */
        {"ودمر الجيش 40 مركبة تابعة لقوات الدعم السريع في الخرطوم.", "40 مركبة", "sd.rsf", NULL},
        /* a list names the owner once, for its fighters and equipment */
        {"أعلنت الحركة قتل 50 عنصرا من الحرس الثوري وتدمير 4 آليات.", "4 آليات", "sy.government",
         "irgc"},
        /* whoever kills or fires is not whose the dead are */
        {"قتلت قوات النظام 10 مدنيين في قصف على معرة النعمان.", "10 مدنيين", NULL, NULL},
        {"وقصفت القوات الروسية 30 مركزا في ريف إدلب.", "30 مركزا", NULL, NULL},
        {"وقصفت القوات الروسية 30 مركزا للدفاع المدني في ريف إدلب.", "30 مركزا", "sy.opposition",
         "syria-civil-defence"},
        {"أطلقت الفصائل المسلحة 60 قذيفة على الأحياء، ما أدى إلى مقتل 9 مدنيين.", "60 قذيفة",
         "sy.opposition", NULL},
        {"أطلقت الفصائل المسلحة 60 قذيفة على الأحياء، ما أدى إلى مقتل 9 مدنيين.", "9 مدنيين", NULL,
         NULL},
        /* how each side's media name the other: النظام only as an owner */
        {"وقتل 50 من عناصر النظام في ريف حماة.", "50 من", "sy.government", NULL},
        {"ودمرت الفصائل 3 دبابات للنظام في ريف حماة.", "3 دبابات", "sy.government", NULL},
        {"وقتل 7 من جنود الاحتلال التركي في ريف الحسكة.", "7 من", "sy.turkey", NULL},
        {"وقتل 5 من جنود العدو الإسرائيلي في جنوب لبنان.", "5 من", "lb.israel", NULL},
        /* a noun's own side names a Syrian camp only for a figure in Syria */
        {"قتل 30 مسلحا في اشتباكات بريف حلب.", "30 مسلحا", "sy.opposition", NULL},
    };
    check_subjects(cases, sizeof cases / sizeof cases[0]);
}

/* A number, من and a plural of people before a body's name counts its
 * members; those of a rescue, relief or UN body are civilians, of an army or
 * a faction combatants. */
Test(figures, members_of_a_body)
{
    static const struct {
        const char *doc, *needle;
        double value;
        const char *type, *category, *party;
    } cases[] = {
        {"وأدى القصف إلى مقتل اثنين من كوادر الدفاع المدني في البلدة.", "اثنين من كوادر", 2,
         "killed", "civilians", "syria-civil-defence"},
        {"وأصيب ثلاثة من عناصر الدفاع المدني أثناء إخماد الحريق.", "ثلاثة من عناصر", 3, "injured",
         "civilians", "syria-civil-defence"},
        /* a list by place keeps the body's members */
        {"وتوزع ضحايا الدفاع المدني في إدلب 12 عنصرا، وفي حماة 5 عناصر.", "5 عناصر", 5, "killed",
         "civilians", "syria-civil-defence"},
        /* ... but the members of an army are combatants */
        {"وقتل أربعة من عناصر الفرقة الرابعة في الكمين.", "أربعة من عناصر", 4, "killed",
         "combatants", "fourth-division"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        size_t i = figure_at(&r, cases[k].needle);
        cr_expect_neq(i, EXTRACT_NO_INDEX, "no figure with \"%s\" in: %s", cases[k].needle,
                      cases[k].doc);
        if (i != EXTRACT_NO_INDEX) {
            const extract_figure *f = &r.figures[i];
            cr_expect(f->has_value && f->value == cases[k].value, "%s: value %g", cases[k].doc,
                      f->value);
            cr_expect_str_eq(f->type, cases[k].type, "type in: %s", cases[k].doc);
            cr_expect_str_eq(f->subject_category ? f->subject_category : "(none)",
                             cases[k].category, "category in: %s", cases[k].doc);
            cr_expect_str_eq(f->subject_party != EXTRACT_NO_INDEX ? r.sources[f->subject_party].id
                                                                  : "(none)",
                             cases[k].party, "party in: %s", cases[k].doc);
        }
        extract_result_free(&r);
    }
}

Test(figures, subject_bloc_and_party_in_other_wars)
{
    static const subject_case cases[] = {
        {"وأعلن التحالف العربي مقتل 45 من عناصر ميليشيا الحوثي في غارات على مأرب.", "45 من",
         "ye.houthis", NULL},
        {"وقتل 8 جنود من الجيش اليمني في هجوم بطائرة مسيرة.", "8 جنود", "ye.government", NULL},
        /* a noun's own side names the camp of the war fought where the figure is */
        {"وقتل 5 جنود في هجوم على موقع عسكري في مأرب.", "5 جنود", "ye.government", NULL},
        {"وقتل 23 جنديا في هجوم على معسكر قرب موبتي.", "23 جنديا", "sahel.states", NULL},
        {"وقتل 30 مسلحا في غارة شمال غزة.", "30 مسلحا", "gz.factions", NULL},
        {"وقتل 4 جنود في اشتباكات في سرت.", "4 جنود", NULL, NULL},
        /* a party of several wars: its people count in the bloc it has where they fell */
        {"وقتل 6 من مقاتلي حزب الله في غارة على بنت جبيل.", "6 من", "lb.hezbollah", "hezbollah"},
        {"وقتل 3 جنود من جيش الاحتلال في اشتباك قرب القنيطرة.", "3 جنود", "sy.israel", NULL},
        {"وقتل 15 من مسلحي داعش في غارات قرب الموصل.", "15 من", "iq.isis", NULL},
        {"وقتل 20 من مسلحي داعش في اشتباكات في سرت.", "20 من", NULL, NULL},
        {"وقال الجيش السوداني إنه قتل 200 من عناصر الدعم السريع في الفاشر.", "200 من", "sd.rsf",
         NULL},
        {"وأعلنت كتائب القسام قتل 9 جنود من جيش الاحتلال في خان يونس.", "9 جنود", "gz.israel",
         NULL},
        {"واستشهد 4 من عناصر سرايا القدس في غارة على رفح.", "4 من", "gz.factions",
         "saraya-al-quds"},
        {"وقتل 11 من مقاتلي الحشد الشعبي في هجوم غرب الموصل.", "11 من", "iq.government", "pmf"},
        {"وأصيب 3 جنود من الجيش اللبناني بقصف إسرائيلي.", "3 جنود", "lb.state", NULL},
        {"وقتل 17 من مقاتلي حركة الشباب في غارة جنوب الصومال.", "17 من", "so.shabaab", NULL},
    };
    check_subjects(cases, sizeof cases / sizeof cases[0]);
}

/* Whose a toll is when its noun says it: a possessive pronoun names the
 * speaker's own people ("6 من مقاتليها"), not those of a party named
 * between, nor of whoever did it; a toll head owns the party of the ranks
 * after it ("حصيلة القتلى في صفوف ..."). */
Test(figures, subject_by_a_pronoun_or_the_ranks_of_a_toll)
{
    static const subject_case cases[] = {
        {"أعلنت قسد أن 5 من مقاتليها قتلوا في هجوم قرب الشدادي.", "5 من", "sy.sdf", NULL},
        {"وقالت حركة أحرار الشام في بيان إن 7 من عناصرها قتلوا في ريف إدلب.", "7 من",
         "sy.opposition", "ahrar-al-sham"},
        {"وأعلنت قوات سوريا الديمقراطية (قسد) أن 4 من مقاتليها أصيبوا.", "4 من", "sy.sdf", NULL},
        /* the party named between owns them, or did it: no owner is read */
        {"وأكد الجيش السوداني أنه هاجم قوات الدعم السريع وقتل 90 من عناصرها.", "90 من", NULL, NULL},
        {"وأعلنت الحركة أن قوات النظام قتلت 11 من مقاتليها.", "11 من", NULL, NULL},
        /* an accusative noun ending like a dual pronoun is no pronoun */
        {"وقالت الحركة إن القوات اعتقلت 12 متهما بالسرقة.", "12 متهما", NULL, NULL},
        /* the ranks a toll head is of */
        {"وقال المرصد إن حصيلة القتلى في صفوف قوات النظام بلغت 17.", "17", "sy.government", NULL},
        {"وقال المرصد إن عدد القتلى من عناصر حزب الله ارتفع إلى 8.", "8", "sy.government",
         "hezbollah"},
    };
    check_subjects(cases, sizeof cases / sizeof cases[0]);
}

/* An update said to be one party's replaces that party's toll, not a later
 * one of its enemies. */
Test(figures, an_update_of_one_partys_toll)
{
    extract_result r;
    run("أعلنت قسد أن 6 من مقاتليها قتلوا في هجوم لداعش. وقالت إن مقاتليها قتلوا 4 من "
        "المهاجمين. وذكر المرصد أن حصيلة القتلى في صفوف قسد ارتفعت إلى 9.",
        &r);
    size_t six = figure_at(&r, "6 من"), nine = figure_at(&r, "9");
    cr_assert_neq(six, EXTRACT_NO_INDEX);
    cr_assert_neq(nine, EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[nine].supersedes, six, "the 9 supersedes %zu, want the 6 (%zu)",
                 r.figures[nine].supersedes, six);
    extract_result_free(&r);
}

/* "آخرون" after a breakdown counts what the whole counts, not its last
 * part: "قتل 42 نازحا بينهم 8 أطفال، وأصيب 70 آخرون" — 70 displaced people,
 * not 70 children. "N منهم" after a part is still of that part. */
Test(figures, others_after_a_breakdown)
{
    static const struct {
        const char *doc, *needle, *object;
    } cases[] = {
        {"وقتل 42 نازحا بينهم 8 أطفال، فيما أصيب أكثر من 70 آخرين.", "70 آخرين",
         "displaced people"},
        {"أسفر القصف عن مقتل 9 جنود بينهم ضابطان و3 مجندين، وإصابة 14 آخرين.", "14 آخرين",
         "soldiers"},
        {"وقتل 20 مدنيا بينهم 10 أطفال، 4 منهم رضع.", "4 منهم", "children"},
        {"وقتل 6 أطفال وأصيب 9 آخرون.", "9 آخرون", "children"},
        {"وارتفعت الحصيلة إلى 32 قتيلا بينهم 4 نساء و10 أطفال، وأصيب 17 آخرون.", "17 آخرون",
         "people"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        size_t i = figure_at(&r, cases[k].needle);
        cr_assert_neq(i, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", cases[k].needle,
                      cases[k].doc);
        cr_expect(r.figures[i].object && !strcmp(r.figures[i].object, cases[k].object),
                  "\"%s\" counts %s, want %s in: %s", cases[k].needle,
                  r.figures[i].object ? r.figures[i].object : "(none)", cases[k].object,
                  cases[k].doc);
        extract_result_free(&r);
    }
}

/* The nouns that humanitarian and military reporting counts: experts and
 * advisers, activists, teachers, the elderly, infants and farmers; health
 * facilities (a noun with صحي/طبي is one thing counted, not a centre or a
 * facility of any kind), housing units, shops, tunnels, wells, ambulances. */
Test(figures, nouns_of_the_genre)
{
    static const struct {
        const char *doc, *needle, *type, *object;
    } cases[] = {
        {"وقتل 5 خبراء روس في الغارة على القاعدة الجوية.", "5 خبراء", "killed",
         "experts and advisers"},
        {"وقتل 4 مستشارين عسكريين في القصف على المطار.", "4 مستشارين", "killed",
         "experts and advisers"},
        {"واعتقلت قوات الأمن 20 ناشطا خلال الاحتجاجات.", "20 ناشطا", "captured", "activists"},
        {"وقتل 7 معلمين في الغارات على المدارس.", "7 معلمين", "killed", "teachers"},
        {"وأصيب 3 مسنين بجروح في القصف.", "3 مسنين", "injured", "elderly people"},
        {"وقتل 40 شخصا بينهم 6 رضع في القصف.", "6 رضع", "killed", "infants"},
        {"وقتل 3 مزارعين بقذائف المدفعية.", "3 مزارعين", "killed", "farmers"},
        /* what a seizure counts: launchers, rounds, pills of a drug */
        {"وضبطت القوات 12 قاذفا و5000 طلقة في المستودع.", "12 قاذفا", "seized", "weapons"},
        {"وضبطت القوات 12 قاذفا و5000 طلقة في المستودع.", "5000 طلقة", "seized", "rounds"},
        {"وصادرت الجمارك 6 ملايين حبة مخدرة في المعبر.", "6 ملايين حبة", "seized", "pills"},
        {"وأطلق القناص 3 طلقات على السيارة.", "3 طلقات", "fired", "rounds"},
        /* whom a border force stops, and the areas a force is deployed in */
        {"وقتل الجيش 4 مهربين على الحدود.", "4 مهربين", "killed", "smugglers and infiltrators"},
        /* the crew of a ship struck at sea, and the armed pickups of Libya and Sudan */
        {"وقالت الهيئة إن 5 بحارة أصيبوا في الهجوم على الناقلة.", "5 بحارة", "injured", "sailors"},
        {"وتم إجلاء 19 بحارا من السفينة المنكوبة.", "19 بحارا", "evacuated", "sailors"},
        /* a boat without crew launched at a ship is a munition */
        {"وتعرضت الناقلة لهجوم بـ4 زوارق مسيرة قبالة الحديدة.", "4 زوارق مسيرة", "fired",
         "drone boats"},
        {"وقالت البحرية إنها دمرت 6 زوارق مفخخة قرب المضيق.", "6 زوارق مفخخة", "destroyed",
         "drone boats"},
        {"وأنقذت البحرية 3 زوارق للصيادين.", "3 زوارق", "count", "boats"},
        {"ودمرت القوات 9 تاتشرات للمتمردين جنوب المدينة.", "9 تاتشرات", "destroyed",
         "armed pickups"},
        {"وأحبط حرس الحدود تسلل 6 متسللين.", "6 متسللين", "count", "smugglers and infiltrators"},
        {"وحررت القوات 4 رهائن واعتقلت 5 خاطفين في المزرعة.", "5 خاطفين", "captured", "kidnappers"},
        {"وقصفت القوات 143 منطقة تمركز للعدو.", "143 منطقة تمركز", "count", "positions"},
        {"وقتل 45 من المتمردين في المعارك.", "45 من المتمردين", "killed", "fighters"},
        {"وقتل 20 جهاديا في الغارة.", "20 جهاديا", "killed", "fighters"},
        {"وأسرت القوات 7 انفصاليين قرب الميناء.", "7 انفصاليين", "captured", "fighters"},
        {"وأصيب 4 مستوطنين في عملية إطلاق نار.", "4 مستوطنين", "injured", "settlers"},
        {"وقتل 12 مجندا في الهجوم على الثكنة.", "12 مجندا", "killed", "conscripts"},
        {"وقتل 3 رعاة بانفجار لغم في البادية.", "3 رعاة", "killed", "shepherds"},
        /* Iraq's official word for a member of the security forces */
        {"وأصيب 9 منتسبين بجروح في الهجوم على السيطرة.", "9 منتسبين", "injured",
         "security personnel"},
        {"واستشهد منتسبان في انفجار عبوة ناسفة.", "منتسبان", "killed", "security personnel"},
        /* a crew alone is anyone's; طبي names the medical staff */
        {"وأصيبت الناقلة بصاروخ، وجرح 5 من طاقمها.", "5 من", "injured", "crews"},
        {"وقتل 4 من الطواقم الطبية في الغارة.", "4 من", "killed", "medical staff"},
        /* the Israeli army's word for the armed men it fights; القضاء على kills */
        {"وقال الجيش إن قواته قضت على 14 مخربا في المنطقة.", "14 مخربا", "killed", "fighters"},
        {"وأعلن الجيش القضاء على 9 مسلحين في الاشتباك.", "9 مسلحين", "killed", "fighters"},
        {"وقتل حارسان في الهجوم على المصرف.", "حارسان", "killed", "guards"},
        /* livestock are counted, never people killed */
        {"وقتل 30 رأسا من الماشية في القصف.", "30 رأسا", "count", "livestock"},
        {"ودمر القصف 46 مرفقا صحيا في القطاع.", "46 مرفقا صحيا", "destroyed", "health facilities"},
        {"واستهدفت الغارات 12 عيادة و8 مراكز صحية.", "8 مراكز صحية", "count", "health facilities"},
        {"ودمرت الطائرات 500 وحدة سكنية في الحي.", "500 وحدة سكنية", "destroyed", "housing units"},
        /* مسكن, a dwelling: a building like منزل */
        {"وأظهرت الصور إحراق 70 مسكنا في القرية.", "70 مسكنا", "destroyed", "buildings"},
        /* contractors, who may fight or build */
        {"وأكدت الشركة مقتل 12 متعاقدا في القصف على المطار.", "12 متعاقدا", "killed",
         "contractors"},
        /* Yemen's armed pickups */
        {"وأعلن الجيش تدمير 3 أطقم وطقمين آخرين للمليشيا.", "طقمين", "destroyed", "technicals"},
        {"ودمرت المدفعية 5 طقم عسكري في الجبهة.", "5 طقم", "destroyed", "technicals"},
        {"وأحرق المسلحون 15 محلا تجاريا في السوق.", "15 محلا تجاريا", "destroyed", "shops"},
        {"ودمر الجيش 30 نفقا على الحدود.", "30 نفقا", "destroyed", "tunnels"},
        {"ودمرت الضربة 3 أوكار للتنظيم في الوادي.", "3 أوكار", "destroyed", "hideouts"},
        {"وأجلت الطواقم 120 مريضا من المستشفى الميداني.", "120 مريضا", "evacuated", "patients"},
        {"وفجرت القوات 4 مضافات للمسلحين في الصحراء.", "4 مضافات", "destroyed", "hideouts"},
        {"ودمرت الغارة سيارتي إسعاف قرب المستشفى.", "سيارتي إسعاف", "destroyed", "ambulances"},
        {"وقتل 20 مصليا في الهجوم على المسجد.", "20 مصليا", "killed", "worshippers"},
        {"واعتقلت الشرطة 35 متظاهرا أمام البرلمان.", "35 متظاهرا", "captured", "protesters"},
        {"وأسقطت الدفاعات الجوية 3 مقاتلات حربية.", "3 مقاتلات حربية", "destroyed", "aircraft"},
        {"واستهدفت الغارات 6 أفران في المدينة.", "6 أفران", "count", "bakeries"},
        {"ودمر القصف 10 مضخات مياه.", "10 مضخات مياه", "destroyed", "water tanks and pumps"},
        {"ودمرت الغارات 12 مولدة كهرباء.", "12 مولدة كهرباء", "destroyed", "generators"},
        /* weapons are counted by the piece */
        {"وضبطت الشرطة 200 قطعة سلاح في مستودع.", "200 قطعة سلاح", "seized", "weapons"},
        {"وصادرت القوات 35 قطعة من الأسلحة الخفيفة.", "35 قطعة من الأسلحة", "seized", "weapons"},
        /* the shafts of tunnels an army blows up; cases of a disease; the
         * released named by their release; explosives treated are cleared */
        {"ودمرت القوات 5 فتحات أنفاق في المنطقة.", "5 فتحات أنفاق", "destroyed", "tunnel shafts"},
        {"وقتل 9 أشخاص وسجلت 60 حالة إصابة بالكوليرا في المخيم.", "60 حالة", "count",
         "disease cases"},
        {"وقالت الهيئة إن 17 من المفرج عنهم أبعدوا إلى مصر.", "17 من المفرج عنهم", "count",
         "released prisoners"},
        {"وقتلت القوات 3 مسلحين وعالجت 9 عبوات ناسفة في الوادي.", "9 عبوات", "count",
         "explosive devices"},
        /* projectiles an army counts crossing over, salvoes a resistance counts */
        {"وقال الجيش إن نحو 25 مقذوفا أطلقت من الشمال.", "نحو 25 مقذوفا", "fired", "projectiles"},
        {"وقصفت المقاومة الموقع بـ4 صليات صاروخية.", "4 صليات", "fired", "salvoes"},
        {"وقصفت السرايا المستوطنات بـ5 رشقات صاروخية.", "5 رشقات", "fired", "salvoes"},
        /* warships and an army's targets of infrastructure */
        {"وقالت الجماعة إنها استهدفت 3 بارجات أمريكية.", "3 بارجات", "count", "warships"},
        {"وقال الجيش إن طائراته هاجمت 12 بنية تحتية للحركة.", "12 بنية تحتية", "count",
         "infrastructure sites"},
        {"وضبطت القوات 4 قاذفات وكمية من الذخيرة.", "4 قاذفات", "seized", "launchers"},
        /* the members of one family, not families */
        {"وقتل 6 من عائلة واحدة في الغارة على المنزل.", "6 من عائلة", "killed", "family members"},
        {"واعتقلت القوات 35 مشتبها بهم في المخيم.", "35 مشتبها بهم", "captured", "suspects"},
        /* hashish by the slab, as seizure communiqués count it */
        {"وضبطت مفرزة المكافحة 480 كف حشيش في مستودع.", "480 كف حشيش", "seized", "hashish slabs"},
        {"وصادرت الشرطة 36 كفا من الحشيش في سيارة.", "36 كفا", "seized", "hashish slabs"},
        /* counter-examples: a centre alone is a centre, farms are no farmers */
        {"واستهدفت الغارات 8 مراكز للشرطة.", "8 مراكز", "count", "centres"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        size_t i = figure_at(&r, cases[k].needle);
        cr_assert_neq(i, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", cases[k].needle,
                      cases[k].doc);
        cr_expect_str_eq(r.figures[i].type, cases[k].type, "\"%s\" type in: %s", cases[k].needle,
                         cases[k].doc);
        cr_expect(r.figures[i].object && !strcmp(r.figures[i].object, cases[k].object),
                  "\"%s\" counts %s, want %s in: %s", cases[k].needle,
                  r.figures[i].object ? r.figures[i].object : "(none)", cases[k].object,
                  cases[k].doc);
        extract_result_free(&r);
    }
    extract_result r;
    run("ودمر القصف 5 مزارع للدواجن في الريف.", &r);
    size_t i = figure_at(&r, "مزارع");
    cr_expect(i == EXTRACT_NO_INDEX || strcmp(r.figures[i].object, "farmers") != 0,
              "farms read as farmers");
    extract_result_free(&r);
    /* women fighters are no fighter jets: only مقاتلة حربية is one */
    run("وقتل 3 مقاتلات من وحدات حماية المرأة.", &r);
    i = figure_at(&r, "3");
    cr_assert_neq(i, EXTRACT_NO_INDEX);
    cr_expect(strcmp(r.figures[i].object, "aircraft") != 0, "women fighters read as aircraft");
    extract_result_free(&r);
}

/* "lost their lives" says killed after the counted noun as before it; a unit
 * or a party that loses men, equipment or ground still says losses. */
Test(figures, lost_their_lives_after_the_noun)
{
    static const figure_case cases[] = {
        {"وقالت وزارة الصحة إن 12 شخصا فقدوا حياتهم في القصف.", "12 شخصا", 12, "exact", "killed"},
        {"وأفاد مصدر طبي بأن طفلين فقدا حياتهما في الغارة.", "طفلين", 2, "exact", "killed"},
        {"وذكرت الأمم المتحدة أن 40 مهاجرا فقدوا أرواحهم قبالة السواحل.", "40 مهاجرا", 40, "exact",
         "killed"},
        {"وأكدت مصادر محلية أن 5 نساء فقدن حياتهن في الانفجار.", "5 نساء", 5, "exact", "killed"},
        /* counter-examples: the idiom before the number, and losses of materiel */
        {"وفقد 3 أشخاص حياتهم في الحريق.", "3 أشخاص", 3, "exact", "killed"},
        {"وقال الجيش إن العدو فقد 4 دبابات في المعركة.", "4 دبابات", 4, "exact", "destroyed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A participle with the article after a definite noun describes that noun,
 * not what the figure counts: the verb before the number types it. */
Test(figures, attribute_of_a_place_is_not_the_figure_type)
{
    static const figure_case cases[] = {
        {"وقالت الوزارة إن الطواقم أجلت 120 مريضا من المستشفى المحاصر.", "120 مريضا", 120, "exact",
         "evacuated"},
        {"وأجلت فرق الهلال الأحمر 45 مدنيا من الأحياء المحاصرة في المدينة.", "45 مدنيا", 45,
         "exact", "evacuated"},
        {"وقال الدفاع المدني إن القصف قتل 9 مدنيين في البلدة المحاصرة.", "9 مدنيين", 9, "exact",
         "killed"},
        /* counter-example: the participle without the article is the people's */
        {"وذكرت الوزارة أن 200 شخص ما زالوا محاصرين في المستشفى.", "200 شخص", 200, "exact",
         "trapped"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Operations carried out and massacres committed are counted as such
 * (count), whatever verb carries them out; a number inside a name is none. */
Test(figures, operations_and_massacres_are_counted)
{
    static const figure_case cases[] = {
        {"وأعلنت الفصائل أنها نفذت 14 عملية ضد مواقع الجيش خلال الأسبوع.", "14 عملية", 14, "exact",
         "count"},
        {"وقال المكتب الإعلامي إن القوات ارتكبت 4 مجازر في ريف المدينة.", "4 مجازر", 4, "exact",
         "count"},
        {"وأكد الناطق العسكري تنفيذ عمليتين نوعيتين على خطوط التماس.", "عمليتين", 2, "exact",
         "count"},
        /* counter-examples: a verb of strikes does not make operations airstrikes, and the
         * toll of a massacre stays killed */
        {"وشنت الجماعة 6 عمليات على نقاط الشرطة.", "6 عمليات", 6, "exact", "count"},
        {"وارتكبت الطائرات مجزرة راح ضحيتها 11 مدنيا.", "11 مدنيا", 11, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A number word after a dual noun and its nisba attribute repeats the dual:
 * one figure of two, counting the dual's noun. */
Test(figures, number_word_repeating_a_dual_with_its_attribute)
{
    static const figure_case cases[] = {
        {"وأكدت المصادر مقتل جنديين عراقيين اثنين في الهجوم.", "جنديين", 2, "exact", "killed"},
        {"وأصيب طفلين فلسطينيين اثنين برصاص الاحتلال.", "طفلين", 2, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    const char *docs[] = {
        "وأكدت المصادر مقتل جنديين عراقيين اثنين في الهجوم.",
        "وأصيب طفلين فلسطينيين اثنين برصاص الاحتلال.",
    };
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        extract_result r;
        run(docs[k], &r);
        cr_expect_eq(r.n_figures, 1, "%zu figures, want 1, in: %s", r.n_figures, docs[k]);
        if (r.n_figures == 1)
            cr_expect_str_neq(r.figures[0].object, "people", "the nisba counted in: %s", docs[k]);
        extract_result_free(&r);
    }
    /* counter-example: joined by و, a second group is counted */
    extract_result r;
    run("وقتل جنديين ومدنيين اثنين في القصف.", &r);
    cr_expect_eq(r.n_figures, 2, "%zu figures, want 2", r.n_figures);
    extract_result_free(&r);
}

/* فُقد opening its clause right before the number is the passive: those
 * counted went missing (count). With a subject it says losses, and their
 * lives after the noun say killed. */
Test(figures, passive_lost_is_missing)
{
    static const figure_case cases[] = {
        {"وفقد 5 جنود خلال الاشتباكات في محيط المدينة.", "5 جنود", 5, "exact", "count"},
        {"وقتل 7 عناصر، وفقد 4 آخرون في الهجوم.", "4 آخرون", 4, "exact", "count"},
        /* counter-examples */
        {"وفقدت القوة المهاجمة 6 جنود في المعركة.", "6 جنود", 6, "exact", "killed"},
        {"وقال الناطق إن اللواء فقد 8 مقاتلين.", "8 مقاتلين", 8, "exact", "killed"},
        {"وفقد 9 مدنيين حياتهم جراء القصف.", "9 مدنيين", 9, "exact", "killed"},
        {"ودفع 3 صيادين حياتهم ثمنا للغارة.", "3 صيادين", 3, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Victims still under the rubble are trapped, though the noun says killed:
 * their own verb of continuing after them says they are not yet reached. */
Test(figures, victims_still_under_rubble_are_trapped)
{
    static const figure_case cases[] = {
        {"وأوضح الدفاع المدني أن عددا من الضحايا ما زالوا تحت الأنقاض.", "الضحايا", NAN, "some",
         "trapped"},
        {"وأفادت مصادر طبية بأن 9 ضحايا لا يزالون تحت ركام المبنى.", "9 ضحايا", 9, "exact",
         "trapped"},
        /* counter-examples: a clause of its own, and bodies recovered from the rubble */
        {"وقتل 25 شخصا وما زالوا تحت الأنقاض حتى المساء.", "25 شخصا", 25, "exact", "killed"},
        {"وانتشلت الطواقم جثث 4 ضحايا من تحت الأنقاض.", "4 ضحايا", 4, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Stopping people (أوقف) is detaining them: captured. */
Test(figures, people_stopped_are_captured)
{
    static const figure_case cases[] = {
        {"وقالت الشرطة إنها أوقفت 11 مشتبها به في المدينة.", "11 مشتبها", 11, "exact", "captured"},
        {"وأوقفت الأجهزة الأمنية 6 أشخاص بتهمة التعامل مع العدو.", "6 أشخاص", 6, "exact",
         "captured"},
        /* counter-examples: stopped things are counted, and so is what stopped working */
        {"وأوقف الجيش 3 شاحنات محملة بالذخيرة.", "3 شاحنات", 3, "exact", "count"},
        {"وتوقفت 4 مستشفيات عن العمل بسبب نفاد الوقود.", "4 مستشفيات", 4, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A verb of seizure that governs people takes them into custody (a border
 * guard's bulletin: "ضبطت 8 أشخاص"); things it governs are seized. */
Test(figures, people_seized_are_captured)
{
    static const figure_case cases[] = {
        {"وقالت القوات المسلحة إن دورية حرس الحدود ضبطت 8 أشخاص قرب الساتر.", "8 أشخاص", 8, "exact",
         "captured"},
        {"وتم ضبط 14 شخصا بحوزتهم حبوب مخدرة.", "14 شخصا", 14, "exact", "captured"},
        {"وضبطت الأجهزة الأمنية 5 مهربين في البادية.", "5 مهربين", 5, "exact", "captured"},
        /* counter-examples: things seized, people taken back */
        {"وضبطت الدورية 40 قطعة سلاح في المركبة.", "40 قطعة سلاح", 40, "exact", "seized"},
        {"واستعادت العائلات 7 أطفال من المعسكر.", "7 أطفال", 7, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Captives freed are released: counted, not captured. */
Test(figures, captives_freed_are_counted)
{
    static const figure_case cases[] = {
        {"وأعلنت القوات المشتركة تحرير 14 أسيرا من سجون الجماعة.", "14 أسيرا", 14, "exact",
         "count"},
        {"وحررت وحدات الجيش 6 مختطفين كانوا لدى العصابة.", "6 مختطفين", 6, "exact", "count"},
        /* counter-examples: the verbal noun with its own object governs no later number */
        {"وقتل خلال معارك تحرير البلدة 30 مسلحا.", "30 مسلحا", 30, "exact", "killed"},
        {"وأسرت القوات 8 عناصر خلال تحرير القرية.", "8 عناصر", 8, "exact", "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A verb of reaping or taking lives kills those whose lives follow it, its
 * subject between them; lives saved are counted. */
Test(figures, lives_reaped_are_killed)
{
    static const figure_case cases[] = {
        {"وحصدت الغارات الجوية على الأحياء الشرقية أرواح 17 مدنيا.", "17 مدنيا", 17, "exact",
         "killed"},
        {"وأزهق القصف المدفعي أرواح 8 أطفال في المخيم.", "8 أطفال", 8, "exact", "killed"},
        /* counter-example: lives saved */
        {"وأنقذت فرق الإنقاذ أرواح 12 شخصا من تحت الأنقاض.", "12 شخصا", 12, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* The construct dual of materiel (ن dropped before what it is of) counts
 * two; with nothing after it, its ي is "my". */
Test(figures, construct_dual_of_materiel)
{
    static const figure_case cases[] = {
        {"وأعلنت المقاومة تدمير دبابتي ميركافا شرق المخيم.", "دبابتي", 2, "exact", "destroyed"},
        {"وأسقطت الدفاعات الجوية طائرتي استطلاع فوق المدينة.", "طائرتي", 2, "exact", "destroyed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("وقال الطيار: فقدت السيطرة على طائرتي.", &r);
    cr_expect_eq(r.n_figures, 0, "\"my plane\" read as a figure");
    extract_result_free(&r);
}

/* A sound plural that keeps its ن is no construct head: the nisba after it
 * is its attribute, and the number word after both counts it. */
Test(figures, number_word_after_a_plural_and_its_attribute)
{
    static const figure_case cases[] = {
        {"وأكد مصدر محلي استشهاد مواطنين يمنيين اثنين في القصف.", "مواطنين", 2, "exact", "killed"},
        {"وأصيب مسعفين فلسطينيين اثنين برصاص الجنود.", "مسعفين", 2, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("وأكد مصدر محلي استشهاد مواطنين يمنيين اثنين في القصف.", &r);
    size_t i = figure_at(&r, "مواطنين");
    cr_assert_neq(i, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.figures[i].object, "civilians");
    extract_result_free(&r);
    /* counter-example: a noun in construct ("أفراد عائلة") is no count of the
     * one after it */
    run("وقتل أفراد عائلة واحدة في الغارة.", &r);
    cr_expect_eq(r.n_figures, 0, "a construct read as a count");
    extract_result_free(&r);
}

/* A number glued to و with its noun left out, before where they went
 * (إلى), counts what the figure before counts, as before where (في). */
Test(figures, elided_noun_before_destination)
{
    static const figure_case cases[] = {
        {"وقالت المفوضية إن 90 ألف لاجئ عبروا إلى تشاد، و30 ألفا إلى ليبيا.", "30 ألفا", 30000,
         "exact", "displaced"},
        {"ونزح 500 شخص إلى المدارس و200 إلى المساجد.", "200", 200, "exact", "displaced"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    /* counter-example: a range to a number is none */
    extract_result r;
    run("وقالت الوزارة إن الحصص ارتفعت من 20 و30 إلى 50 كيلوغراما.", &r);
    cr_expect_eq(r.n_figures, 0, "%zu figures, want none", r.n_figures);
    extract_result_free(&r);
}

/* What a force takes back is seized, as what it takes; people taken back
 * are counted. */
Test(figures, materiel_taken_back_is_seized)
{
    static const figure_case cases[] = {
        {"وأعلن الجيش أنه استعاد 5 عربات قتالية من المتمردين.", "5 عربات", 5, "exact", "seized"},
        {"واستعادت القوات 3 مدافع كانت بحوزة المسلحين.", "3 مدافع", 3, "exact", "seized"},
        /* counter-example: children returned to their families */
        {"واستعادت العائلات 12 طفلا من المخيم.", "12 طفلا", 12, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "N حالة X و M حالة Y": each count of cases is of the kind that follows
 * it; the second's kind (إعدام) is no verb the first shares. */
Test(figures, cases_each_of_their_own_kind)
{
    static const figure_case cases[] = {
        {"ووثق التقرير 63 حالة اختفاء قسري و21 حالة إعدام ميداني.", "63 حالة", 63, "exact",
         "count"},
        {"ووثق التقرير 63 حالة اختفاء قسري و21 حالة إعدام ميداني.", "21 حالة", 21, "exact",
         "killed"},
        /* counter-examples: subjects joined before the one verb they share */
        {"وقال إن 18 مسلحا و7 جنود قتلوا في الاشتباك.", "18 مسلحا", 18, "exact", "killed"},
        {"وقال إن 18 مسلحا من الفصائل و7 مسلحين قتلوا.", "18 مسلحا", 18, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Violations recorded are counted. */
Test(figures, violations_are_counted)
{
    static const figure_case cases[] = {
        {"وسجلت اللجنة 40 خرقا لوقف إطلاق النار خلال يومين.", "40 خرقا", 40, "exact", "count"},
        {"ووثق التقرير 215 انتهاكا بحق الصحفيين.", "215 انتهاكا", 215, "exact", "count"},
        /* counter-example: a violation named without a number counts nothing */
        {"وقصفت المدفعية 3 منازل في خرق جديد للهدنة.", "3 منازل", 3, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* The times an attack or a violation was repeated are counted; times of
 * anything else, or of nothing, are no figure. */
Test(figures, times_an_attack_or_violation_was_repeated)
{
    static const figure_case cases[] = {
        {"وقال الجيش إن القوات الإسرائيلية خرقت الهدنة 36 مرة منذ الأحد.", "36 مرة", 36, "exact",
         "count"},
        {"وأضاف أن الطيران المسير خرق الأجواء 19 مرة.", "19 مرة", 19, "exact", "count"},
        {"وقال المختار إن المدفعية قصفت القرية مرتين فجر اليوم.", "مرتين", 2, "exact", "count"},
        {"واستهدفت المسيرات الرتل 4 مرات قرب الجسر.", "4 مرات", 4, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    static const char *const none[] = {
        "ونزحت العائلة 4 مرات منذ بدء الحرب.",
        "وارتفعت أسعار الخبز بثلاث مرات.",
        "وتضاعف عدد القتلى 3 مرات خلال الشهر.",
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        extract_result r;
        run(none[k], &r);
        cr_expect_eq(r.n_figures, 0, "%zu figures, want none: %s", r.n_figures, none[k]);
        extract_result_free(&r);
    }
}

/* A negated verb of exceeding agrees with a plural subject before it: the
 * number is a ceiling (up_to). */
Test(figures, negated_exceeding_agreeing_with_a_plural)
{
    static const figure_case cases[] = {
        {"وقالت الوزارة إن القتلى لا يزيدون عن 35.", "35", 35, "up_to", "killed"},
        {"وأكدت الشرطة أن المعتقلين لم يتجاوزوا 20 شخصا.", "20 شخصا", 20, "up_to", "captured"},
        /* counter-example: the singular form still reads so, and a bare exceeding more */
        {"وقالت الوزارة إن عدد الجرحى لا يتجاوز 60.", "60", 60, "up_to", "injured"},
        {"وقالت الوزارة إن عدد النازحين تجاوز 5000.", "5000", 5000, "more_than", "displaced"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A sentence cut at the hard limit (TEXT_SENTENCE_MAX_TOKENS) right inside
 * a figure ("قتل 3 | جنود"): the figure is read, and its quote runs to the
 * end of the piece it ends in, so the quote holds the whole figure. */
Test(figures, a_figure_a_long_sentence_is_cut_inside_is_quoted_whole)
{
    char *doc = repeated("كلام ", TEXT_SENTENCE_MAX_TOKENS - 2, "قتل 3 جنود في القصف");
    extract_result r;
    run(doc, &r);
    free(doc);
    cr_assert_eq(r.txt.n_sentences, 2, "the cut falls after 3");
    size_t i = figure_at(&r, "3 جنود");
    cr_assert_neq(i, EXTRACT_NO_INDEX);
    const extract_figure *f = &r.figures[i];
    cr_expect_str_eq(f->type, "killed");
    cr_expect(f->quote.start <= f->sp.start && f->sp.end <= f->quote.end,
              "quote %u..%u, figure %u..%u", f->quote.start, f->quote.end, f->sp.start, f->sp.end);
    extract_result_free(&r);
}

/* A toll named right after its number: the update and its link before it,
 * the toll's head and noun after ("يرتفع إلى 1245 عدد قتلى ..."). */
Test(figures, a_toll_named_after_its_number)
{
    static const figure_case cases[] = {
        /* the people counted, then a relative clause says what befell them */
        {"وبذلك يرتفع إلى 214 عدد المدنيين الذين قتلوا في القصف منذ الصيف.", "214", 214, "exact",
         "killed"},
        {"وبذلك يرتفع إلى 1245 عدد قتلى قوات النظام منذ مطلع العام.", "1245", 1245, "exact",
         "killed"},
        {"وارتفع إلى 30 عدد الشهداء في القصف على المخيم.", "30", 30, "exact", "killed"},
        {"وارتفع إلى 300 عدد النازحين من البلدة.", "300", 300, "exact", "displaced"},
        {"ووصل إلى 75 عدد الجرحى في المستشفى.", "75", 75, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* ... and not a count of things after "عدد" ("ووصل إلى 3 عدد المستشفيات
 * العاملة" names no toll of people). */
Test(figures, a_count_of_things_after_its_number_is_no_toll)
{
    extract_result r;
    run("ووصل إلى 3 عدد المستشفيات العاملة في المدينة.", &r);
    cr_expect_eq(r.n_figures, 0, "%zu figures", r.n_figures);
    extract_result_free(&r);
}

/* A munition joined by و to an instrument phrase (بـ + a munition) was
 * launched with it; a word that merely begins with the letter ب (بداية،
 * بعد) is no preposition, and the verb before still types the list. */
Test(figures, a_word_beginning_with_ba_is_no_instrument)
{
    static const figure_case cases[] = {
        {"واعترضت الدفاعات منذ بداية العام 430 صاروخا و851 طائرة مسيرة.", "851", 851, "exact",
         "destroyed"},
        {"وأسقطت الدفاعات منذ بداية الشهر 12 صاروخا و40 قذيفة.", "40", 40, "exact", "destroyed"},
        /* the preposition on a number, on the munition, or apart */
        {"واستهدفت القوات السفينة بـ 11 صاروخا و5 طائرات مسيرة.", "5 طائرات", 5, "exact", "fired"},
        {"واستهدفت القوات السفينة بصواريخ و3 طائرات مسيرة.", "3 طائرات", 3, "exact", "fired"},
        {"وهاجمت القوات القاعدة بعدد من الصواريخ و4 طائرات مسيرة.", "4 طائرات", 4, "exact",
         "fired"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Each part's whole (part_of) and type, as in the breakdowns table. */
static void check_links(const link_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const link_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t part = figure_at(&r, c->part);
        cr_assert_neq(part, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->part, c->doc);
        size_t whole = c->whole ? figure_at(&r, c->whole) : EXTRACT_NO_INDEX;
        if (c->whole)
            cr_assert_neq(whole, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->whole, c->doc);
        cr_expect_eq(r.figures[part].part_of, whole, "\"%s\" part_of %zu, want %zu in: %s", c->part,
                     r.figures[part].part_of, whole, c->doc);
        cr_expect_str_eq(r.figures[part].type, c->type, "\"%s\" type in: %s", c->part, c->doc);
        extract_result_free(&r);
    }
}

/* عدد with the pronoun of a toll or counted noun named right before it
 * heads the bare number after it ("القتلى وعددهم 40", "المعتقلين البالغ
 * عددهم 25"); a number right after بينهم or منهم makes the number before
 * them a whole broken down, not a part "of them". */
Test(figures, a_count_by_the_pronoun_of_a_toll_named_before)
{
    static const figure_case cases[] = {
        {"وقالت مصادر طبية إن القتلى وعددهم 40 سقطوا في قصف على البلدة.", "40", 40, "exact",
         "killed"},
        {"وقال المرصد إن الجرحى، وعددهم 12، نقلوا إلى المستشفى.", "12", 12, "exact", "injured"},
        {"وقالت المصادر إن المدنيين البالغ عددهم 300 نزحوا إلى المخيمات.", "300", 300, "exact",
         "displaced"},
        {"وقال الجيش إن الآليات وعددها 12 دمرت بالكامل.", "12", 12, "exact", "destroyed"},
        /* عددهم counts persons: those a toll of people befell, named by a
         * relative, or the people of a thing named after them */
        {"وقتل جميع من كانوا في السيارة وعددهم 5.", "5", 5, "exact", "killed"},
        {"وأصيب ركاب الحافلة وعددهم 14 بجروح مختلفة.", "14", 14, "exact", "injured"},
        /* what did not happen befalls no one: the passengers are counted */
        {"وانفجرت العبوة قرب الحافلة دون وقوع إصابات بين الركاب البالغ عددهم 31.", "31", 31,
         "exact", "count"},
        {"وسقطت القذيفة في ساحة المدرسة دون إصابات بين التلاميذ وعددهم 150.", "150", 150, "exact",
         "count"},
        /* the family (الأسرة) is no verb of capture */
        {"وقتل أفراد الأسرة البالغ عددهم 7 أشخاص في الغارة.", "7 أشخاص", 7, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    static const link_case links[] = {
        {"وقال المرصد إنه قتل 40 بينهم 12 طفلا في القصف.", "12 طفلا", "40", "killed"},
        {"وبلغ عدد الجرحى 30 بينهم 5 نساء.", "5 نساء", "30", "injured"},
        {"وقالت الوزارة إن الجرحى وعددهم 30 بينهم 5 أطفال نقلوا إلى المستشفى.", "5 أطفال", "30",
         "injured"},
    };
    check_links(links, sizeof links / sizeof links[0]);
    /* a pronoun toll head with no toll before it counts nothing */
    extract_result r;
    run("وقال المسؤول إن عددهم 40 في المدينة.", &r);
    cr_expect_eq(r.n_figures, 0, "%zu figures", r.n_figures);
    extract_result_free(&r);
}

/* A part's parts: the masculine pronoun of a breakdown (بينهم, منهم) after
 * a part that counts women is not of them but of their whole; بينهن is of
 * the women. */
Test(figures, a_breakdown_agrees_with_its_whole)
{
    static const link_case links[] = {
        {"ووثقت الشبكة مقتل 120 مدنيا بينهم 30 طفلا، و15 سيدة، بينهم 4 على يد قوات النظام.", "4",
         "120 مدنيا", "killed"},
        {"وقتل 60 مدنيا بينهم 12 طفلا و8 سيدات، بينهم 7 في حلب.", "7", "60 مدنيا", "killed"},
        {"وأصيب 20 شخصا بينهم 7 فتيات، منهم 3 في حالة حرجة.", "3", "20 شخصا", "injured"},
        {"وقتل 40 مدنيا بينهم 10 أطفال و6 نساء، بينهن 3 مسنات.", "3 مسنات", "6 نساء", "killed"},
    };
    check_links(links, sizeof links / sizeof links[0]);
}

/* Where the shelling came from ("قصف مصدره مواقع ... في X") is not where
 * those it struck were. */
Test(figures, the_origin_of_the_fire_is_not_the_figure_s_place)
{
    static const place_case where[] = {
        {"وقتل 5 مدنيين في قصف مصدره مواقع قوات النظام في مدينة معرة النعمان استهدف بلدة كفرنبل.",
         "5", "kafr-nabl"},
        {"وأصيب 3 أطفال بقذائف مصدرها مواقع الفصائل في ريف حلب الغربي سقطت على حي الحمدانية.", "3",
         "hamdaniyah"},
        /* with no other place named, the origin gives none */
        {"وقتل 4 مدنيين بقصف مصدره مدينة معرة النعمان.", "4", NULL},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A verb after an aside set off by commas right after its counted noun is
 * that noun's own: with a verb of the wounded after و it names two tolls,
 * not casualties ("3 مدنيين، بينهم طفلان، قتلوا وأصيب 9 آخرون"). */
Test(figures, a_verb_past_an_aside_is_its_noun_s_own)
{
    static const figure_case cases[] = {
        /* the plural verbs of both after their subject */
        {"وقال ناشطون إن العشرات قتلوا وجرحوا في المجزرة.", "عشرات", NAN, "tens", "casualties"},
        {"وقال المراسل إن 3 مدنيين، بينهم طفلان، قتلوا وأصيب 9 آخرون بقصف على البلدة.", "3 مدنيين",
         3, "exact", "killed"},
        {"وقال المراسل إن 3 مدنيين، بينهم طفلان، قتلوا وأصيب 9 آخرون بقصف على البلدة.", "9 آخرون",
         9, "exact", "injured"},
        {"وقال المراسل إن 4 عناصر، معظمهم من الحرس، قتلوا وأصيب 6 آخرون في الهجوم.", "4 عناصر", 4,
         "exact", "killed"},
        /* the dead and the wounded named together before their number */
        {"وساد التوتر في المدينة، وقتل وأصيب 14 شخصا.", "14 شخصا", 14, "exact", "casualties"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A total since a start of anything (منذ بدء المعارك، منذ انطلاق العملية)
 * adds a day's toll up, as one since the war began does: it replaces no
 * toll of a day. */
Test(figures, a_total_since_a_start_replaces_no_toll_of_a_day)
{
    static const char *const docs[] = {
        "قتل 23 عنصرا في الاشتباكات. وبذلك يرتفع إلى 130 عدد القتلى منذ بدء المعارك قبل أسبوع.",
        "نزع الفريق 8 ألغام أمس. وبذلك يرتفع إجمالي ما تم نزعه منذ بدء المشروع إلى 4500 لغم.",
        "قتل 7 مدنيين في القصف. وارتفع عدد القتلى منذ انطلاق العملية إلى 90 مدنيا.",
    };
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        extract_result r;
        run(docs[k], &r);
        cr_expect_eq(r.n_figures, 2, "%zu figures in: %s", r.n_figures, docs[k]);
        for (size_t i = 0; i < r.n_figures; i++)
            cr_expect_eq(r.figures[i].supersedes, EXTRACT_NO_INDEX, "figure %zu supersedes in: %s",
                         i, docs[k]);
        extract_result_free(&r);
    }
}

/* A bare toll followed by the day it was told (يوم الاثنين) is still a
 * toll, and the value before an update too. */
Test(figures, a_bare_toll_before_its_day)
{
    static const figure_case cases[] = {
        {"وبلغ عدد القتلى 38 يوم الاثنين.", "38", 38, "exact", "killed"},
        {"وارتفع عدد النازحين إلى 45320 نسمة، بعد أن كان 38 ألفا يوم الاثنين.", "38 ألفا", 38000,
         "exact", "displaced"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("وارتفع عدد النازحين إلى 45320 نسمة، بعد أن كان 38 ألفا يوم الاثنين.", &r);
    size_t now = figure_at(&r, "45320"), before = figure_at(&r, "38 ألفا");
    cr_assert_neq(now, EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[now].supersedes, before);
    extract_result_free(&r);
}

/* Humanitarian reports: families stranded (عالقة, feminine with its noun)
 * are trapped; returnees are counted, and name what a toll of them counts. */
Test(figures, stranded_families_and_returnees)
{
    static const figure_case cases[] = {
        {"وقالت المنظمة إن 120 عائلة لا تزال عالقة قرب الحدود.", "120 عائلة", 120, "exact",
         "trapped"},
        {"وأضافت أن 300 أسرة عالقة في القرى.", "300 أسرة", 300, "exact", "trapped"},
        {"وقالت المفوضية إن عدد العائدين منذ مطلع العام بلغ 45 ألفا.", "45 ألفا", 45000, "exact",
         "count"},
        {"وقال الجيش إن 20 عائدا أصيبوا بانفجار لغم.", "20 عائدا", 20, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* The neutralised (المحيدين), in a toll of them, are killed. */
Test(figures, a_toll_of_the_neutralised)
{
    static const figure_case cases[] = {
        {"وأضافت الوزارة أن عدد الإرهابيين المحيدين منذ بداية العام بلغ 1452 إرهابيا.",
         "1452 إرهابيا", 1452, "exact", "killed"},
        {"وقالت الوزارة إن 9 مسلحين حيدوا في منطقة جبلية.", "9 مسلحين", 9, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A bare number right after a verb of what befalls things, with where or
 * why after it, counts what the figure before it counts. */
Test(figures, a_bare_number_after_a_verb_of_things)
{
    static const figure_case cases[] = {
        {"ورصد الجيش إطلاق 20 قذيفة، اعترض 8 منها، فيما سقطت 4 في مناطق مفتوحة.", "4", 4, "exact",
         "fired"},
        {"وأطلقت الفصائل 30 صاروخا، وسقطت 6 بالقرب من المستوطنات.", "6", 6, "exact", "fired"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    /* ... but not with no figure before it */
    static const char *const none[] = {
        "وسقطت 4 في مناطق مفتوحة.",
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        extract_result r;
        run(none[k], &r);
        cr_expect_eq(r.n_figures, 0, "%zu figures in: %s", r.n_figures, none[k]);
        extract_result_free(&r);
    }
}

/* Strikes do not befall the targets a breakdown of them lists ("شنت 120
 * غارة بينها 30 منصة"): those are counted. */
Test(figures, targets_listed_among_strikes_are_counted)
{
    static const link_case links[] = {
        {"وشنت الطائرات أكثر من 120 غارة على أهداف للحزب، بينها 30 منصة إطلاق.", "30 منصة",
         "120 غارة", "count"},
        {"وشنت الطائرات 40 غارة على أهداف، بينها 10 مستودعات.", "10 مستودعات", "40 غارة", "count"},
        /* strikes broken down by strikes stay strikes */
        {"وشنت الطائرات 40 غارة، بينها 12 غارة على مواقع عسكرية.", "12 غارة", "40 غارة",
         "airstrikes"},
    };
    check_links(links, sizeof links / sizeof links[0]);
}

/* A part whose noun takes a nisba adjective is still followed by further
 * parts of its whole ("بينهم 3600 معتقل إداري و250 طفلا و80 أسيرة"). */
Test(figures, further_parts_past_an_adjective)
{
    static const link_case links[] = {
        {"وبلغ عدد الأسرى نحو 9500 أسير، بينهم 3600 معتقل إداري و250 طفلا و80 أسيرة.", "250 طفلا",
         "9500 أسير", "captured"},
        {"وبلغ عدد الأسرى نحو 9500 أسير، بينهم 3600 معتقل إداري و250 طفلا و80 أسيرة.", "80 أسيرة",
         "9500 أسير", "captured"},
        {"وقتل 40 مدنيا بينهم 12 طفلا فلسطينيا و10 نساء.", "10 نساء", "40 مدنيا", "killed"},
        /* what the parts cannot add up to is no further part */
        {"وقتل 10 مدنيين بينهم 6 أطفال فلسطينيين و30 عنصرا.", "30 عنصرا", NULL, "killed"},
    };
    check_links(links, sizeof links / sizeof links[0]);
}

/* A part whose owner is a noun phrase after من ("بينهم 20 عنصرا من أبناء
 * العشائر", "16 من عناصر الأمن") is still followed by further parts, after و
 * or an additive connective, a comma before either; a toll of another kind
 * after the connective is no part. */
Test(figures, further_parts_past_an_owner)
{
    static const link_case links[] = {
        {"وقتل 60 شخصا بينهم 20 عنصرا من أبناء العشائر و14 مدنيا.", "14 مدنيا", "60 شخصا",
         "killed"},
        {"وقتل 60 شخصا بينهم 20 من عناصر الشرطة المحلية و14 مدنيا.", "14 مدنيا", "60 شخصا",
         "killed"},
        {"وقتل 60 شخصا بينهم 20 عنصرا من الشرطة، و11 من أبناء القرية، إضافة إلى 9 نساء.", "9 نساء",
         "60 شخصا", "killed"},
        {"وقتل 60 شخصا بينهم 20 عنصرا من الشرطة، إضافة إلى 35 جريحا.", "35 جريحا", NULL, "injured"},
    };
    check_links(links, sizeof links / sizeof links[0]);
}

/* A place fronted before the sentence's news ("وفي X، ...") frames it: a
 * place the news is said to happen in (في، على، بـ، a word of place) is
 * where the figure is; one it moves to, or one past a contrast, is not. */
Test(figures, a_fronted_place_frames_its_sentence)
{
    static const place_case where[] = {
        {"وفي حلب، قتل 4 مدنيين في قصف على حي الشعار.", "4 مدنيين", "sha-ar"},
        {"وفي إدلب، قتل 3 مدنيين في غارة على بلدة سرمين.", "3 مدنيين", "sarmin"},
        {"وفي حلب، نزحت 90 عائلة إلى عفرين.", "90 عائلة", "aleppo"},
        {"وفي حلب، قتل 4 مدنيين برصاص قناص، بينما نزحت عائلات من إدلب.", "4 مدنيين", "aleppo"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A toll spread over places (توزعوا، موزعين) is broken down by them: each
 * part's place stands between it and the next. */
Test(figures, parts_by_place)
{
    static const link_case links[] = {
        {"وقتل 31 مدنيا، توزعوا على النحو الآتي: 17 في حمص، و10 في حماة، و4 في طرطوس.", "4",
         "31 مدنيا", "killed"},
        {"وقتل 31 مدنيا، توزعوا على النحو الآتي: 17 في حمص، و10 في حماة، و4 في طرطوس.", "10",
         "31 مدنيا", "killed"},
        {"وأصيب 40 شخصا موزعين على 22 في درعا و18 في السويداء.", "18", "40 شخصا", "injured"},
        {"وقتل 31 مدنيا بينهم 17 في حمص و10 مقاتلين في حماة.", "10 مقاتلين", "31 مدنيا", "killed"},
    };
    check_links(links, sizeof links / sizeof links[0]);
}

/* A verbal noun with the pronoun of what it befell says it after its noun
 * ("طائرتين جرى اعتراضهما"); survivors are counted, brought out alive
 * evacuated. */
Test(figures, intercepted_after_the_noun_and_survivors)
{
    static const figure_case cases[] = {
        {"وقال المسؤول إن طائرتين جرى اعتراضهما فوق القاعدة.", "طائرتين", 2, "exact", "destroyed"},
        {"وقال الجيش إن 3 صواريخ تم إسقاطها قبل وصولها.", "3 صواريخ", 3, "exact", "destroyed"},
        {"وقال المصدر إن فرق الإنقاذ أخرجت 14 ناجيا من تحت الركام.", "14 ناجيا", 14, "exact",
         "evacuated"},
        {"وقالت المنظمة إن 40 ناجيا من المجزرة وصلوا إلى المخيم.", "40 ناجيا", 40, "exact",
         "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A toll restated with its link after it ("عدد القتلى بلغ 14", "الحصيلة
 * بلغت 14") replaces a smaller toll before it, as "بلغ عدد القتلى 14" does. */
Test(figures, a_toll_restated_before_its_link)
{
    static const link_case cases[] = {
        {"قتل 8 مدنيين في غارة على السوق. وفي حصيلة جديدة، قال الدفاع المدني إن عدد القتلى بلغ "
         "14 بينهم 5 أطفال.",
         "14", "8 مدنيين", "killed"},
        {"قتل 8 مدنيين في غارة على السوق. وقال الدفاع المدني إن الحصيلة بلغت 14 قتيلا.", "14 قتيلا",
         "8 مدنيين", "killed"},
        /* ... not a larger one */
        {"قتل 20 مدنيا في الغارة. وقال المسعفون إن عدد القتلى بلغ 14.", "14", NULL, "killed"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const link_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        size_t now = figure_at(&r, c->part);
        cr_assert_neq(now, EXTRACT_NO_INDEX, "no figure \"%s\" in: %s", c->part, c->doc);
        size_t before = c->whole ? figure_at(&r, c->whole) : EXTRACT_NO_INDEX;
        cr_expect_eq(r.figures[now].supersedes, before, "\"%s\" supersedes %zu, want %zu in: %s",
                     c->part, r.figures[now].supersedes, before, c->doc);
        cr_expect_str_eq(r.figures[now].type, c->type, "\"%s\" type in: %s", c->part, c->doc);
        extract_result_free(&r);
    }
}

/* A bulletin's line headed by a toll of people or a counted noun, its
 * number after a colon ("- الشهداء: 112", "المنازل المدمرة: 86"). */
Test(figures, a_bulletin_line_headed_by_its_toll)
{
    static const figure_case cases[] = {
        {"وجاءت الحصيلة على النحو التالي:\n- الشهداء: 112\n- الجرحى: 340\n- المعتقلون: 57\n", "112",
         112, "exact", "killed"},
        {"وجاءت الحصيلة على النحو التالي:\n- الشهداء: 112\n- الجرحى: 340\n- المعتقلون: 57\n", "340",
         340, "exact", "injured"},
        {"وجاءت الحصيلة على النحو التالي:\n- الشهداء: 112\n- الجرحى: 340\n- المعتقلون: 57\n", "57",
         57, "exact", "captured"},
        {"حصيلة الأسبوع:\n- عدد الجرحى: 45\n- المنازل المدمرة: 86\n", "45", 45, "exact", "injured"},
        {"حصيلة الأسبوع:\n- عدد الجرحى: 45\n- المنازل المدمرة: 86\n", "86", 86, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    /* a number after a colon that goes on is no toll's */
    extract_result r;
    run("الجرحى: 45 شارعا في المدينة أغلقت.\n", &r);
    for (size_t i = 0; i < r.n_figures; i++)
        cr_expect(strcmp(r.figures[i].type, "injured") != 0, "an injured toll in a street count");
    extract_result_free(&r);
}

/* A monthly tally lists who did it with the verb and the noun left out:
 * "قتلت قوات النظام 31 مدنيا، والقوات الروسية 6" counts civilians killed
 * by each; a party joined by و after the comma begins the next item, so it
 * owns none of the civilians before it. A number after a party that said
 * something is no such item. */
Test(figures, a_tally_listed_by_who_did_it)
{
    static const figure_case cases[] = {
        {"ووثق التقرير أن قوات النظام قتلت 42 مدنيا، والقوات الروسية 8، وتنظيم داعش 5.", "8", 8,
         "exact", "killed"},
        {"ووثق التقرير أن قوات النظام قتلت 42 مدنيا، والقوات الروسية 8، وتنظيم داعش 5.", "5", 5,
         "exact", "killed"},
        {"وبحسب الشبكة اعتقلت قوات النظام 70 شخصا، فيما اعتقلت قسد 23.", "23", 23, "exact",
         "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    static const subject_case subjects[] = {
        {"ووثق التقرير أن قوات النظام قتلت 42 مدنيا، والقوات الروسية 8.", "42 مدنيا", NULL, NULL},
    };
    check_subjects(subjects, sizeof subjects / sizeof subjects[0]);
    static const no_figure_case none[] = {
        {"وقتل 5 مدنيين في درعا، وأعلن الهلال الأحمر 14.", "14"},
        {"وقتل 6 جنود من الفرقة 17.", "17"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
}

/* A place in the speaker's words before بأن or وإن that opens what is said
 * is where the speaker sits: the place what is said names comes first. */
Test(figures, a_place_before_the_complementizer_is_the_speakers)
{
    static const place_case where[] = {
        {"أفاد مصدر طبي في محافظة صعدة بأن 5 مدنيين قتلوا بغارات جوية على مديرية رازح.", "5",
         "razih"},
        {"وذكر الإسعاف في غزة بأن طواقمه نقلت 9 جرحى أصيبوا بقصف استهدف مخيم جباليا.", "9",
         "jabalia"},
        /* ... and it stays the place when what is said names none */
        {"أفاد مصدر طبي في محافظة صعدة بأن 5 مدنيين قتلوا.", "5", "saada-gov"},
    };
    check_places(where, sizeof where / sizeof where[0]);
}

/* A party that mourns its dead counts them killed; a dual adjective that
 * agrees with a dual counting nothing ("مصدران أمنيان لبنانيان") is no count
 * of its own. */
Test(figures, the_mourned_dead_and_a_dual_adjective)
{
    static const figure_case cases[] = {
        {"ونعت الحركة في بيان 6 من مقاتليها.", "6 من", 6, "exact", "killed"},
        {"وينعى الحزب 2 من عناصره سقطا في الغارة.", "2 من", 2, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    static const no_figure_case none[] = {
        {"وقال مسؤولان عسكريان سوريان إن القصف توقف.", "سوريان"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
    extract_result r;
    run("وقتل جنديان عراقيان في الهجوم.", &r);
    size_t i = figure_at(&r, "جنديان");
    cr_assert_neq(i, EXTRACT_NO_INDEX, "two soldiers not counted");
    cr_expect_eq(r.n_figures, 1, "%zu figures for two soldiers", r.n_figures);
    extract_result_free(&r);
}

/* A headline's toll that the lead under it tells again, the same count of
 * the same thing, is one claim: the lead's, with the headline's parts; a
 * different value in the lead is an update of it. */
Test(figures, a_headline_toll_the_lead_tells_again)
{
    extract_result r;
    run("مقتل 9 أشخاص بينهم 4 أطفال بغارة على خان يونس\n\nقال الدفاع المدني في غزة إن 9 أشخاص "
        "قتلوا في غارة على منزل في خان يونس، بينهم 4 أطفال.\n",
        &r);
    cr_expect_eq(r.n_figures, 2, "%zu figures", r.n_figures);
    size_t all = figure_at(&r, "9 أشخاص"), children = figure_at(&r, "4 أطفال");
    cr_assert(all != EXTRACT_NO_INDEX && children != EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[children].part_of, all);
    cr_expect_str_eq(r.figures[all].type, "killed");
    extract_result_free(&r);

    run("مقتل 9 أشخاص بغارة على خان يونس\n\nقال الدفاع المدني في غزة إن حصيلة الغارة ارتفعت إلى "
        "11 قتيلا.\n",
        &r);
    size_t was = figure_at(&r, "9 أشخاص"), now = figure_at(&r, "11 قتيلا");
    cr_assert(was != EXTRACT_NO_INDEX && now != EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[now].supersedes, was);
    extract_result_free(&r);

    /* ... also with no word of rising: the lead's larger toll is the later */
    run("مقتل 9 أشخاص بغارة على خان يونس\n\nقال الدفاع المدني في غزة إن 13 شخصا قتلوا في "
        "غارة على منزل في خان يونس.\n",
        &r);
    was = figure_at(&r, "9 أشخاص");
    now = figure_at(&r, "13 شخصا");
    cr_assert(was != EXTRACT_NO_INDEX && now != EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[now].supersedes, was);
    extract_result_free(&r);
}

/* The rows of a table by perpetrator or by governorate under a heading of
 * distribution are parts of the toll before the heading, of its type and
 * asserted by its party: whom a row names did it, or is where; a row's
 * count that ends its line leaves its noun out; shares told after the
 * table are of the same toll. */
Test(figures, rows_under_a_heading_of_distribution)
{
    extract_result r;
    run("وثقت اللجنة الحقوقية مقتل 75 مدنيا في البلاد خلال شهر أيار.\n"
        "وتوزعت الحصيلة بحسب الجهات المسؤولة على النحو الآتي:\n"
        "- القوات الحكومية: 38 مدنيا\n"
        "- فصائل المعارضة: 12 مدنيا\n"
        "- مجهولون: 20 مدنيا\n"
        "- جهات أخرى: 4\n"
        "وقالت اللجنة إن محافظة حمص تصدرت الحصيلة بـ 30 مدنيا، تلتها حماة بـ 17 مدنيا.\n",
        &r);
    size_t all = figure_at(&r, "75 مدنيا");
    cr_assert_neq(all, EXTRACT_NO_INDEX);
    const char *rows[] = {"38 مدنيا", "12 مدنيا", "20 مدنيا", "4", "30 مدنيا", "17 مدنيا"};
    for (size_t k = 0; k < 6; k++) {
        size_t i = figure_at(&r, rows[k]);
        cr_assert_neq(i, EXTRACT_NO_INDEX, "no row %s", rows[k]);
        cr_expect_eq(r.figures[i].part_of, all, "%s: part of %zu", rows[k], r.figures[i].part_of);
        cr_expect_str_eq(r.figures[i].type, "killed", "%s: %s", rows[k], r.figures[i].type);
        cr_expect_eq(r.figures[i].claimant, r.figures[all].claimant, "%s: claimant", rows[k]);
    }
    extract_result_free(&r);

    /* ... by governorate, under a toll with parts of its own */
    run("أحصى المرصد اعتقال 90 شخصا بينهم 6 نساء خلال الشهر.\n"
        "وتوزع المعتقلون حسب المحافظات كالتالي:\n"
        "- درعا: 31 شخصا\n"
        "- حمص: 14 شخصا\n",
        &r);
    all = figure_at(&r, "90 شخصا");
    size_t daraa = figure_at(&r, "31 شخصا"), homs = figure_at(&r, "14 شخصا");
    cr_assert(all != EXTRACT_NO_INDEX && daraa != EXTRACT_NO_INDEX && homs != EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[daraa].part_of, all);
    cr_expect_eq(r.figures[homs].part_of, all);
    cr_expect_str_eq(r.figures[homs].type, "captured");
    extract_result_free(&r);

    /* ... and the heading in the toll's own sentence, after a comma; whom a
     * row names is mentioned, not a speaker */
    run("وثقت اللجنة الحقوقية مقتل 75 مدنيا خلال شهر أيار، وتوزعت الحصيلة بحسب الجهات "
        "المسؤولة على النحو الآتي:\n"
        "- قوات سوريا الديمقراطية: 38 مدنيا\n"
        "- مجهولون: 20 مدنيا\n",
        &r);
    all = figure_at(&r, "75 مدنيا");
    size_t row = figure_at(&r, "38 مدنيا");
    cr_assert(all != EXTRACT_NO_INDEX && row != EXTRACT_NO_INDEX);
    cr_expect_eq(r.figures[row].part_of, all);
    cr_expect_str_eq(r.figures[row].type, "killed");
    cr_expect_eq(r.figures[row].claimant, r.figures[all].claimant);
    for (size_t m = 0; m < r.n_source_mentions; m++)
        if (r.source_mentions[m].source == r.figures[all].claimant)
            continue;
        else
            cr_expect_neq(r.source_mentions[m].role, ROLE_SPEAKER, "mention %zu speaks", m);
    extract_result_free(&r);
}

/* A lead that first sets the scene tells the headline's tolls in the
 * paragraphs after it: still one claim each. */
Test(figures, a_headline_toll_told_after_a_scene_setting_lead)
{
    extract_result r;
    run("مقتل 3 مهربين وضبط 200 ألف حبة مخدرة على الحدود\n\nقال مصدر عسكري إن قوات حرس "
        "الحدود أحبطت ليلة أمس محاولة تسلل من الجانب الآخر.\nوأضاف المصدر أن الاشتباك أدى إلى "
        "مقتل 3 مهربين وفرار آخرين.\nوأشار إلى ضبط 200 ألف حبة مخدرة في المكان.\n",
        &r);
    cr_expect_eq(r.n_figures, 2, "%zu figures", r.n_figures);
    size_t killed = figure_at(&r, "3 مهربين"), pills = figure_at(&r, "200 ألف حبة");
    cr_assert(killed != EXTRACT_NO_INDEX && pills != EXTRACT_NO_INDEX);
    cr_expect_gt(r.figures[killed].sp.start, 60, "the headline's toll is kept, not the lead's");
    cr_expect_gt(r.figures[pills].sp.start, 60, "the headline's seizure is kept, not the lead's");
    extract_result_free(&r);
}

/* The wounded whose own verb says they died are dead; a verb and its
 * object may stand on either side of them ("فارق ... الحياة"), but فارق
 * alone is a margin, and a verb after the noun that is joined by و is
 * another clause. */
Test(figures, the_wounded_who_died)
{
    static const figure_case cases[] = {
        {"وقالت الوزارة إن 3 من الجرحى توفوا متأثرين بجروحهم.", "3 من الجرحى", 3, "exact",
         "killed"},
        {"وقال المستشفى إن جريحين فارقا الحياة صباح اليوم.", "جريحين", 2, "exact", "killed"},
        {"وأفاد المرصد بأن 4 جرحى توفوا في المستشفى.", "4 جرحى", 4, "exact", "killed"},
        {"وفارق 2 من الجرحى الحياة صباح اليوم.", "2 من الجرحى", 2, "exact", "killed"},
        {"وقال الطبيب إن 20 جريحا نقلوا إلى المستشفى.", "20 جريحا", 20, "exact", "injured"},
        {"وأسفر القصف عن مقتل 4 أطفال وإصابة طفلين آخرين.", "4 أطفال", 4, "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("وفاز المرشح بفارق 3 أصوات في الجولة الثانية.", &r);
    cr_expect_eq(r.n_figures, 0);
    extract_result_free(&r);
}

/* A verb of distribution reaches the first part past its بين or على: no
 * range, since a place stands between the ends. */
Test(figures, the_first_part_after_a_verb_of_distribution)
{
    static const link_case links[] = {
        {"وقالت الوزارة إن 23 جريحا نقلوا إلى المستشفيات، توزعوا بين 14 في خان يونس و9 في رفح.",
         "14", "23 جريحا", "injured"},
        {"وقتل 30 شخصا، توزعوا على 20 في حلب و10 في إدلب.", "20", "30 شخصا", "killed"},
    };
    check_links(links, sizeof links / sizeof links[0]);
    extract_result r;
    run("وتراوح عدد القتلى بين 14 و20 شخصا.", &r);
    cr_expect_eq(r.n_figures, 1);
    extract_result_free(&r);
}

/* A number glued to و with its verb of bursting after it is an elliptic
 * part, of what the figure before counts, which the verb before its whole
 * types; the verb is said of things, never of people. */
Test(figures, an_elliptic_part_that_burst)
{
    static const figure_case cases[] = {
        {"أطلقت الفصائل 12 صاروخا نحو المستوطنات، و3 انفجرت في الجو.", "3", 3, "exact", "fired"},
        {"وقال الجيش إنه أسقط 4 طائرات مسيرة، و3 انفجرت لدى سقوطها في حقل.", "3", 3, "exact",
         "destroyed"},
        {"وأصيب 5 أشخاص بعبوة ناسفة انفجرت في السوق.", "5 أشخاص", 5, "exact", "injured"},
        {"وقال الجيش إن 6 قذائف انفجرت في مناطق مفتوحة.", "6 قذائف", 6, "exact", "fired"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Mines, which no one fires nor intercepts, are cleared when they are
 * destroyed or detonated: a count; so is the next object of a
 * verb of clearing, joined by و past the reach of its subject. */
Test(figures, mines_and_devices_cleared)
{
    static const figure_case cases[] = {
        {"وأعلن المركز تفجير 320 لغما في محيط المدينة.", "320 لغما", 320, "exact", "count"},
        {"وقال الجيش إن وحدة الهندسة فجرت 12 لغما زرعها التنظيم.", "12 لغما", 12, "exact", "count"},
        {"وأوضح البرنامج أن فرقه فككت 820 لغما مضادا للدبابات و34 عبوة ناسفة.", "34 عبوة", 34,
         "exact", "count"},
        {"وقال الجيش إنه دمر 3 زوارق مفخخة قبالة الساحل.", "3 زوارق", 3, "exact", "destroyed"},
        {"واعترضت الدفاعات الجوية 4 صواريخ فوق المدينة.", "4 صواريخ", 4, "exact", "destroyed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Those who crossed the border are displaced, the verb before them and its
 * object after ("عبر 4 آلاف شخص الحدود"); "via the border" says nothing of
 * what it counts. */
Test(figures, crossing_the_border_around_its_subject)
{
    static const figure_case cases[] = {
        {"وأفادت المفوضية بأن عبر 4 آلاف شخص الحدود إلى تشاد خلال يومين.", "4 آلاف شخص", 4000,
         "exact", "displaced"},
        {"وعبرت 300 عائلة الحدود نحو لبنان.", "300 عائلة", 300, "exact", "displaced"},
        {"ودخلت 120 شاحنة عبر الحدود أمس.", "120 شاحنة", 120, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* People hidden away are the disappeared, counted, even as a part of the
 * detained ("وإخفاء 96 ألفا منهم"). */
Test(figures, the_disappeared_hidden_away)
{
    static const figure_case cases[] = {
        {"وثقت الشبكة اعتقال 150 ألف شخص على يد قوات النظام، وإخفاء 96 ألفا منهم قسريا.", "96 ألفا",
         96000, "exact", "count"},
        {"وقالت الشبكة إن قوات النظام اعتقلت نحو 150 ألف شخص، وأخفت 96 ألفا منهم.", "96 ألفا",
         96000, "exact", "count"},
        {"وقالت الشبكة إن قوات النظام اعتقلت نحو 150 ألف شخص، وأخفت 96 ألفا منهم.", "150 ألف شخص",
         150000, "about", "captured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A toll of people told again of a kind of people (or the other way round)
 * is the same toll updated; two kinds of people are two tolls. */
Test(figures, an_update_of_people_told_of_a_kind_of_people)
{
    static const supersede_case cases[] = {
        {"وقال الدفاع المدني إن 12 شخصا قتلوا في القصف. وارتفع عدد القتلى إلى 15 مدنيا.",
         "15 مدنيا", "12 شخصا"},
        {"وقال الدفاع المدني إن 12 مدنيا قتلوا في القصف. وارتفع عدد القتلى إلى 15 شخصا.", "15 شخصا",
         "12 مدنيا"},
        {"وقال الدفاع المدني إن 12 جنديا قتلوا في القصف. وارتفع عدد القتلى إلى 15 مدنيا.",
         "15 مدنيا", NULL},
    };
    check_supersedes(cases, sizeof cases / sizeof cases[0]);
}

/* A noun that says what befell it (أسيرا) counts its own figure and says
 * nothing of the next noun: hostages freed in exchange for prisoners were
 * released, not taken. */
Test(figures, a_noun_of_what_befell_types_only_its_own_figure)
{
    static const figure_case cases[] = {
        {"وأفرجت إسرائيل فجر اليوم عن 90 أسيرا فلسطينيا مقابل 3 رهائن.", "3 رهائن", 3, "exact",
         "count"},
        {"وأفرجت إسرائيل فجر اليوم عن 90 أسيرا فلسطينيا مقابل 3 رهائن.", "90 أسيرا", 90, "exact",
         "count"},
        /* a part after a word of breakdown is of its whole's kind */
        {"وتقدمت القوات في الحي، فيما عدد القتلى بالعشرات، بينهم العديد من القادة.",
         "العديد من القادة", NAN, "some", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* The whole after من أصل whose noun is left out counts the part's noun:
 * munitions of which some were intercepted were fired. */
Test(figures, a_whole_without_its_noun)
{
    static const figure_case cases[] = {
        {"وقال الجيش إن القبة الحديدية اعترضت نحو 40 صاروخا من أصل 65 أطلقت من جنوب لبنان.", "65",
         65, "exact", "fired"},
        {"وقال الجيش إنه أسقط 12 طائرة مسيرة من أصل 15.", "15", 15, "exact", "count"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A sentence that fronts a word of an earlier toll ("وفي حصيلة سابقة،",
 * "وفي وقت سابق،") tells a toll the update before it replaces. */
Test(figures, an_earlier_toll_fronted)
{
    static const char *const docs[] = {
        "أعلنت وزارة الصحة أن الحصيلة ارتفعت إلى 3289 شهيدا. وفي حصيلة سابقة، كانت الوزارة قد "
        "أعلنت سقوط 3237 شهيدا.",
        "أعلنت وزارة الصحة أن الحصيلة ارتفعت إلى 3289 شهيدا. وفي وقت سابق، أعلنت الوزارة سقوط "
        "3237 شهيدا.",
    };
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        extract_result r;
        run(docs[k], &r);
        size_t now = figure_at(&r, "3289"), was = figure_at(&r, "3237");
        cr_assert_neq(now, EXTRACT_NO_INDEX);
        cr_assert_neq(was, EXTRACT_NO_INDEX);
        cr_expect_eq(r.figures[now].supersedes, was, "3289 supersedes %zu, want %zu in: %s",
                     r.figures[now].supersedes, was, docs[k]);
        extract_result_free(&r);
    }
}

/* The sick taken abroad for treatment are evacuated, as the wounded are,
 * and so are the companions who go with them; moved within a hospital
 * they are only counted. */
Test(figures, the_sick_and_their_companions_evacuated)
{
    static const figure_case cases[] = {
        {"وأعلنت اللجنة الدولية أنها سهلت نقل 40 مريضا من غزة إلى مصر لتلقي العلاج.", "40 مريضا",
         40, "exact", "evacuated"},
        {"وقالت الوزارة إن 30 مريضا نقلوا للعلاج في الخارج.", "30 مريضا", 30, "exact", "evacuated"},
        {"وقال المستشفى إنه نقل 15 مريضا إلى قسم آخر.", "15 مريضا", 15, "exact", "count"},
        {"وأفادت المنظمة بإجلاء 45 مريضا و12 مرافقا للعلاج في الخارج.", "12 مرافقا", 12, "exact",
         "evacuated"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "Another" in the singular or an indefinite ordinal standing alone after a
 * verb of what befell people is one more of those counted before it: a
 * count of 1. With the article or before a noun it counts nothing. */
Test(figures, one_more_counted_by_another_or_an_ordinal)
{
    static const figure_case cases[] = {
        {"قتل 5 عمال في انفجار بمصنع قرب حمص وأصيب آخر بجروح طفيفة.", "آخر", 1, "exact", "injured"},
        {"واستشهد مسعفان بغارة على سيارة إسعاف، واستشهد ثالث لاحقا.", "ثالث", 1, "exact", "killed"},
        {"قتلت ممرضتان في قصف على المستوصف وجرحت أخرى.", "أخرى", 1, "exact", "injured"},
        {"وقال المرصد إن شابا قتل برصاص قناص في الحي وأصيب آخر.", "آخر", 1, "exact", "injured"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    static const no_figure_case none[] = {
        {"وقتل آخر قادة الكتيبة في المعارك.", "آخر"},
        {"وأصيب الثالث في وقت لاحق.", "الثالث"},
        {"وانتشلت فرق الإنقاذ 9 جثث وتبحث عن جثث أخرى تحت الأنقاض.", "أخرى"},
    };
    check_no_figures(none, sizeof none / sizeof none[0]);
}

/* A party's count of one side's own people is replaced only by a toll of
 * that side: another party's toll of both sides is no update of it. */
Test(figures, another_partys_toll_replaces_no_count_of_one_side)
{
    static const supersede_case cases[] = {
        {"وأعلنت قيادة الجيش مقتل 6 من جنودها في معارك الريف الشرقي. وذكر المرصد أن حصيلة المعارك "
         "ارتفعت إلى 57 قتيلا من الطرفين.",
         "57 قتيلا", NULL},
        {"وأعلنت قيادة الجيش مقتل 6 من جنودها في معارك الريف الشرقي. وذكر المرصد أن حصيلة قتلى "
         "قوات النظام ارتفعت إلى 19.",
         "19", "6 من جنودها"},
        /* another party's toll of anyone replaces no count of one kind of
         * people (a body's own staff), but a toll of anyone */
        {"وقالت الهيئة إن 41 من موظفيها قتلوا منذ بدء الحرب. وفي السياق، ارتفعت حصيلة الشهداء إلى "
         "8120 شهيدا، بحسب وزارة الصحة.",
         "8120 شهيدا", NULL},
        {"وقالت وزارة الصحة إن 27 شخصا قتلوا في القصف. وارتفعت الحصيلة إلى 33 قتيلا، بحسب فرق "
         "الإنقاذ.",
         "33 قتيلا", "27 شخصا"},
    };
    check_supersedes(cases, sizeof cases / sizeof cases[0]);
}

/* Munitions disposed of (أتلف، إتلاف) were destroyed, not fired. */
Test(figures, munitions_disposed_of_are_destroyed)
{
    static const figure_case cases[] = {
        {"وذكرت الفرق الهندسية أنها أتلفت 518 قذيفة مدفعية غير منفجرة قرب قرية العريضة.",
         "518 قذيفة", 518, "exact", "destroyed"},
        {"وأعلنت قيادة الشرطة إتلاف 84 صاروخا من مخلفات المعارك.", "84 صاروخا", 84, "exact",
         "destroyed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Those a party says face famine or hunger, or need aid, are a count it
 * asserts, the people left out after a bare number ("إن 640 ألفا يواجهون");
 * a verb of death before them still says what befell them. */
Test(figures, those_facing_famine_are_counted)
{
    static const figure_case cases[] = {
        {"وقالت المنظمة الأممية إن 640 ألفا يواجهون خطر المجاعة في ولايات كردفان.", "640 ألفا",
         640000, "exact", "count"},
        {"وأوضح التقرير أن 3.2 مليون يحتاجون إلى مساعدات غذائية عاجلة.", "3.2 مليون", 3200000,
         "exact", "count"},
        {"وتوفي 4 مسنين يعانون من الجوع في المخيم.", "4 مسنين", 4, "exact", "killed"},
        /* a verb of death right after the state says what befell them */
        {"وقال المسعفون إن 5 رضع يعانون من سوء التغذية توفوا في مستشفى المدينة.", "5 رضع", 5,
         "exact", "killed"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A part fronted by بين or من بين with its whole named again with the
 * article, a participle of release among them, is a part of that whole. */
Test(figures, a_part_among_the_freed_named_again)
{
    static const link_case cases[] = {
        {"وأفرجت السلطات عن 265 موقوفا، ومن بين المفرج عنهم 27 امرأة.", "27 امرأة", "265 موقوفا",
         "count"},
        {"وأطلقت الجماعة سراح 14 رهينة، وبين الرهائن 5 أطفال.", "5 أطفال", "14 رهينة", "count"},
    };
    check_links(cases, sizeof cases / sizeof cases[0]);
}

/* A figure in a clause of its own (a comma, then its verb with و) that
 * names a place after it is there, not at the nearer place of the clause
 * before; with no place of its own it keeps that one. */
Test(figures, a_place_of_the_figures_own_clause)
{
    static const place_case cases[] = {
        {"وقالت الفصائل إنها صدت هجوما في بلدة كفرنبل، وأسرت 6 عناصر عند مدخل مدينة سرمدا.", "6",
         "sarmada"},
        {"وقالت الفصائل إنها صدت هجوما في بلدة كفرنبل، وأسرت 6 عناصر.", "6", "kafr-nabl"},
    };
    check_places(cases, sizeof cases / sizeof cases[0]);
}

/* A camp or quarter named with the town the gazetteer puts it in, or a
 * spot named from a town by a word of direction, is where the figure is:
 * the town only says where it lies. */
Test(figures, a_spot_named_with_its_town_is_the_place)
{
    static const place_case cases[] = {
        {"وفي مخيم بلاطة شرق نابلس، اعتقلت القوات 11 شابا.", "11 شابا", "balata-camp"},
        {"وفي مدينة نابلس، اعتقلت القوات 11 شابا.", "11 شابا", "nablus"},
        /* a spot outside the town, placed from it by a word of direction */
        {"وفي مخيم زمزم جنوب الفاشر، قتل 31 نازحا.", "31 نازحا", "zamzam-camp"},
        {"وفي بلدة سراقب شرق إدلب، أصيب 9 مدنيين.", "9 مدنيين", "saraqib"},
    };
    check_places(cases, sizeof cases / sizeof cases[0]);
}

/* A figure that names an owner of its own after من, one the extractor does
 * not tell apart, does not take the owner of the figure before it. */
Test(figures, an_owner_of_its_own_is_not_carried_over)
{
    extract_result r;
    run("وذكر المرصد مقتل 11 عنصرا من قوات النظام في ريف حماة، بينما قتل 7 من الفصائل.", &r);
    size_t was = figure_at(&r, "11 عنصرا"), now = figure_at(&r, "7");
    cr_assert_neq(was, EXTRACT_NO_INDEX);
    cr_assert_neq(now, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.figures[was].subject_side, "government");
    cr_expect_str_eq(r.figures[now].subject_side, "unknown");
    extract_result_free(&r);
}
