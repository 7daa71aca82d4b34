/* test_extract.c — the extractor on sentences written for these tests (not
 * taken from the seeds): other governorates, outlets and NGOs, Arabic-Indic
 * digits, ranges, denials, duals, anaphors. Each case names the text of a
 * figure and what must be read from it.
 */
#include "extract/extract.h"
#include "tests/extract/model_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

TestSuite(extract, .init = load_model, .fini = free_model);

static char *slice(const extract_result *r, span sp)
{
    char *s = text_slice(&r->txt, sp);
    cr_assert_not_null(s);
    return s;
}

static const char *claimant_name(const extract_result *r, const extract_figure *f)
{
    return f->claimant == EXTRACT_NO_INDEX ? "(none)" : r->sources[f->claimant].name;
}

typedef struct figure_case {
    const char *doc;
    const char *needle; /* text inside the figure's span */
    double value;       /* -1: no value (vague) */
    double value_max;   /* 0: none */
    const char *qualifier;
    const char *type;
    const char *claimant; /* the claimant's name, NULL: not checked */
    bool denied;
} figure_case;

static void check_case(const figure_case *c)
{
    extract_result r;
    run(c->doc, &r);
    const extract_figure *f = figure_with(&r, c->needle);
    cr_assert_not_null(f, "no figure with \"%s\" in: %s", c->needle, c->doc);
    if (c->value < 0)
        cr_expect_not(f->has_value, "\"%s\": expected no value", c->needle);
    else
        cr_expect(f->has_value && f->value == c->value, "\"%s\": value %g, want %g", c->needle,
                  f->value, c->value);
    if (c->value_max > 0)
        cr_expect(f->has_max && f->value_max == c->value_max, "\"%s\": max %g, want %g", c->needle,
                  f->value_max, c->value_max);
    cr_expect_str_eq(qualifier_name(f->qual), c->qualifier, "\"%s\" qualifier", c->needle);
    cr_expect_str_eq(f->type, c->type, "\"%s\" type", c->needle);
    if (c->claimant)
        cr_expect_str_eq(claimant_name(&r, f), c->claimant, "\"%s\" claimant", c->needle);
    cr_expect_eq(f->denied, c->denied, "\"%s\" stance", c->needle);
    extract_result_free(&r);
}

Test(extract, figure_types_and_qualifiers)
{
    static const figure_case cases[] = {
        {"قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في قصف على مدينة إدلب.", "12 مدنيا", 12,
         0, "exact", "killed", "المرصد السوري لحقوق الإنسان", false},
        {"أعلنت وزارة الصحة مقتل نحو ٣٥ شخصا في دير الزور.", "٣٥ شخصا", 35, 0, "about", "killed",
         NULL, false},
        {"وأفاد الدفاع المدني بإصابة ما لا يقل عن 40 مدنيا بجروح في حي الشعار.", "40 مدنيا", 40, 0,
         "at_least", "injured", NULL, false},
        {"وقالت الأمم المتحدة إن ما بين 15 و20 ألف شخص نزحوا من ريف حماة الشمالي.", "شخص", 15000,
         20000, "range", "displaced", NULL, false},
        {"وذكرت وكالة سانا أن الجيش دمر 7 دبابات وأسقط طائرتين مسيرتين قرب تدمر.", "7 دبابات", 7, 0,
         "exact", "destroyed", NULL, false},
        {"وشنت الطائرات الحربية أكثر من 30 غارة على بلدات ريف إدلب الجنوبي.", "30 غارة", 30, 0,
         "more_than", "airstrikes", NULL, false},
        {"وقال ناشطون إن قوات النظام أطلقت عشرات القذائف على مدينة دوما.", "القذائف", -1, 0, "tens",
         "fired", NULL, false},
        {"وأعلن فصيل جيش الإسلام أسر 9 عناصر من قوات النظام في الغوطة الشرقية.", "9 عناصر", 9, 0,
         "exact", "captured", NULL, false},
        {"قالت منظمة أطباء بلا حدود إن أكثر من 200 شخص سقطوا بين قتيل وجريح في درعا.", "200 شخص",
         200, 0, "more_than", "casualties", NULL, false},
        {"واستولى المقاتلون على ثلاث دبابات وعربتين مدرعتين في ريف حلب الشمالي.", "عربتين", 2, 0,
         "exact", "seized", NULL, false},
        {"قتل 12 مدنيا وأصيب 30 آخرون في قصف على مدينة حمص.", "30 آخرون", 30, 0, "exact", "injured",
         NULL, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

Test(extract, attribution_and_denial)
{
    static const figure_case cases[] = {
        /* the subject after the verb */
        {"وقال مصدر عسكري لوكالة سانا إن الجيش قتل 25 مسلحا في ريف اللاذقية.", "25 مسلحا", 25, 0,
         "exact", "killed", "مصدر عسكري", false},
        /* the subject before the verb */
        {"وكانت مصادر محلية قد أفادت بمقتل 6 أطفال في بلدة سراقب.", "6 أطفال", 6, 0, "exact",
         "killed", "مصادر محلية", false},
        /* ... an unlisted one, whose name ends before قد */
        {"وكانت وكالة ستارلايت قد نقلت عن شهود أن 17 شخصا قتلوا في الانفجار.", "17 شخصا", 17, 0,
         "exact", "killed", "وكالة ستارلايت", false},
        /* نقلا عن */
        {"وأضاف المراسل نقلا عن الهلال الأحمر العربي السوري أن 150 عائلة نزحت من البلدة.",
         "150 عائلة", 150, 0, "exact", "displaced", "الهلال الأحمر العربي السوري", false},
        /* a denial */
        {"ونفت وزارة الدفاع الروسية مقتل 30 مدنيا في الغارات على إدلب.", "30 مدنيا", 30, 0, "exact",
         "killed", "وزارة الدفاع الروسية", true},
        /* ... of reports, told by a verb of theirs */
        {"ونفى الجيش الأردني تقارير تحدثت عن مقتل 40 جنديا في الاشتباك.", "40 جنديا", 40, 0,
         "exact", "killed", "الجيش الأردني", true},
        {"ونفت الحركة أنباء عن أسر 7 من مقاتليها، وقالت إن 3 منهم قتلوا.", "3 منهم", 3, 0, "exact",
         "killed", "الحركة", false},
        /* "X:" */
        {"المرصد السوري: مقتل 18 عنصرا من قوات النظام في ريف حماة.", "18 عنصرا", 18, 0, "exact",
         "killed", "المرصد السوري لحقوق الإنسان", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

Test(extract, the_speaker_carries_within_a_paragraph)
{
    static const char doc[] =
        "وقال مصدر في الدفاع المدني لقناة الجزيرة إن القصف استهدف سوقا شعبية في مدينة الباب.\n"
        "وأضاف المصدر أن 14 شخصا قتلوا وأصيب 22 آخرون.\n"
        "من جهة أخرى، أعلنت وزارة الدفاع التركية تحييد 5 مسلحين.\n";
    extract_result r;
    run(doc, &r);
    const extract_figure *f = figure_with(&r, "14 شخصا");
    cr_assert_not_null(f);
    cr_expect_str_eq(claimant_name(&r, f), "مصدر في الدفاع المدني");
    cr_expect_str_eq(f->type, "killed");
    f = figure_with(&r, "22 آخرون");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->type, "injured");
    cr_expect_str_eq(claimant_name(&r, f), "مصدر في الدفاع المدني");
    cr_assert(r.outlet != EXTRACT_NO_INDEX, "لقناة الجزيرة names the outlet");
    cr_expect_str_eq(r.sources[r.outlet].id, "aljazeera");
    extract_result_free(&r);
}

Test(extract, a_dual_adjective_is_part_of_its_noun)
{
    extract_result r;
    run("وأسقط الجيش طائرتين مسيرتين قرب حماة.\n", &r);
    cr_assert_eq(r.n_figures, 1);
    char *s = slice(&r, r.figures[0].sp);
    cr_expect_str_eq(s, "طائرتين مسيرتين");
    free(s);
    cr_expect_eq(r.figures[0].value, 2);
    cr_expect_str_eq(r.figures[0].type, "destroyed");
    extract_result_free(&r);
}

/* A nisba in the dual may stand between the noun and its dual adjective:
 * still one figure of two. */
Test(extract, a_dual_adjective_after_a_dual_nisba)
{
    extract_result r;
    run("وأعلنت الدفاعات الجوية إسقاط طائرتين إيرانيتين مسيرتين فوق الساحل.\n", &r);
    cr_assert_eq(r.n_figures, 1);
    char *s = slice(&r, r.figures[0].sp);
    cr_expect_str_eq(s, "طائرتين إيرانيتين مسيرتين");
    free(s);
    cr_expect_eq(r.figures[0].value, 2);
    extract_result_free(&r);
    /* joined by و, the second dual is a second thing counted */
    run("ودمر الجيش دبابتين حديثتين وناقلتين قرب الحدود.\n", &r);
    cr_expect_eq(r.n_figures, 2);
    extract_result_free(&r);
}

Test(extract, coordinated_duals_are_two_figures)
{
    extract_result r;
    run("وغنم المقاتلون دبابتين وناقلتين قرب حماة.\n", &r);
    cr_assert_eq(r.n_figures, 2);
    char *first = slice(&r, r.figures[0].sp), *second = slice(&r, r.figures[1].sp);
    cr_expect_str_eq(first, "دبابتين");
    cr_expect_str_eq(second, "ناقلتين");
    free(first);
    free(second);
    cr_expect_eq(r.figures[1].value, 2);
    extract_result_free(&r);
}

Test(extract, not_figures)
{
    static const char doc[] =
        "بدأت المرحلة الثانية من الهجوم في 7 آب 2016 بعد حصار دام ثلاثة أسابيع، "
        "وسيطرت الفصائل على مشروع 3000 شقة خلال يومين، وهي أول قافلة تدخل المدينة.\n";
    extract_result r;
    run(doc, &r);
    for (size_t i = 0; i < r.n_figures; i++) {
        char *s = slice(&r, r.figures[i].sp);
        cr_expect_fail("not a figure: \"%s\"", s);
        free(s);
    }
    extract_result_free(&r);
}

Test(extract, vague_counts_without_an_event_are_not_figures)
{
    static const char doc[] =
        "وتضم غرفة العمليات عددا من الفصائل، وشارك العديد من المقاتلين في الاجتماع.\n";
    extract_result r;
    run(doc, &r);
    cr_expect_eq(r.n_figures, 0);
    extract_result_free(&r);
}

/* ---- places ---- */

static bool has_place(const extract_result *r, const char *id)
{
    const extract_place *places;
    extract_model_places(model, &places);
    for (size_t i = 0; i < r->n_places; i++)
        if (strcmp(places[r->places[i].place].id, id) == 0)
            return true;
    return false;
}

static size_t place_count(const extract_result *r)
{
    return r->n_places;
}

Test(extract, places_with_proclitics_and_longest_match)
{
    static const char doc[] =
        "دارت اشتباكات بحلب وفي ريف حلب الغربي، وامتدت لحمص واللاذقية وبالقرب من مناشر منيان.\n";
    extract_result r;
    run(doc, &r);
    cr_expect(has_place(&r, "aleppo"));
    cr_expect(has_place(&r, "homs"));
    cr_expect(has_place(&r, "latakia"));
    cr_expect(has_place(&r, "minyan-sawmills"), "the longest name wins over منيان");
    cr_expect_not(has_place(&r, "minyan"));
    /* ريف حلب الغربي is one place, not حلب */
    size_t aleppo = 0;
    const extract_place *places;
    extract_model_places(model, &places);
    for (size_t i = 0; i < r.n_places; i++)
        aleppo += strcmp(places[r.places[i].place].id, "aleppo") == 0;
    cr_expect_eq(aleppo, 1);
    /* spans leave the proclitic out: بحلب → حلب */
    char *s = slice(&r, r.places[0].sp);
    cr_expect_str_eq(s, "حلب");
    free(s);
    extract_result_free(&r);
}

Test(extract, ambiguous_names_need_a_place_context)
{
    extract_result r;
    run("نشرت الصفحة الصورة ووضعتها في المستودع.\n", &r);
    cr_expect_eq(place_count(&r), 0, "ordinary words are not places");
    extract_result_free(&r);
    run("سيطر المقاتلون على حاجز الصورة.\n", &r);
    cr_expect_eq(place_count(&r), 1);
    extract_result_free(&r);
}

Test(extract, adjectives_and_names_are_not_places)
{
    extract_result r;
    run("قصفت الطائرات السورية والروسية مواقع للفصائل، وقال أبو محمد إدلب إن الهجوم فشل. "
        "وشاركت طائرات روسية وسورية في الغارات.\n",
        &r);
    cr_expect_not(has_place(&r, "syria"), "السورية is an adjective");
    cr_expect_not(has_place(&r, "idlib"), "part of a person's name");
    extract_result_free(&r);
}

Test(extract, figure_gets_the_place_of_its_sentence)
{
    extract_result r;
    run("أفاد ناشطون بمقتل 4 مدنيين في قصف على مدينة معرة النعمان.\n", &r);
    const extract_figure *f = figure_with(&r, "4 مدنيين");
    cr_assert_not_null(f);
    cr_assert(f->place != EXTRACT_NO_INDEX);
    const extract_place *places;
    extract_model_places(model, &places);
    cr_expect_str_eq(places[f->place].id, "maarat-al-numan");
    extract_result_free(&r);
}

/* A dateline's place is where the report was filed: a figure takes the
 * place its sentence names past it, and the dateline's only when it names
 * none (the sentence a dateline opens is the figure's own). */
Test(extract, figure_place_is_not_the_dateline)
{
    static const struct {
        const char *doc, *figure, *place;
    } cases[] = {
        {"بيروت (رويترز) - أحصى المرصد 14 قتيلا من المقاتلين في معارك حول مدينة سراقب.\n",
         "14 قتيلا", "saraqib"},
        {"دمشق - قال مسعفون إن 6 مدنيين أصيبوا بقذائف سقطت على حي في معرة النعمان.\n", "6 مدنيين",
         "maarat-al-numan"},
        /* a dateline alone still places the figure */
        {"إدلب - أصيب 6 مدنيين بقذائف سقطت على حي سكني.\n", "6 مدنيين", "idlib"},
        /* a place opening a line before a colon lists a toll by place: it is no dateline */
        {"وتوزع القتلى كالآتي:\nسراقب: 5 قتلى في قصف على معرة النعمان وأطرافها.\n", "5 قتلى",
         "saraqib"},
    };
    const extract_place *places;
    extract_model_places(model, &places);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        const extract_figure *f = figure_with(&r, cases[k].figure);
        cr_assert_not_null(f, "no figure %s in: %s", cases[k].figure, cases[k].doc);
        cr_assert(f->place != EXTRACT_NO_INDEX, "no place in: %s", cases[k].doc);
        cr_expect_str_eq(places[f->place].id, cases[k].place, "in: %s", cases[k].doc);
        extract_result_free(&r);
    }
}

/* ---- sources and outlets ---- */

static const extract_source *source_named(const extract_result *r, const char *name)
{
    for (size_t i = 0; i < r->n_sources; i++)
        if (strcmp(r->sources[i].name, name) == 0)
            return &r->sources[i];
    return NULL;
}

Test(extract, generic_speakers_and_persons)
{
    extract_result r;
    run("وقال مراسل العربية إن الهجوم بدأ فجرا. وصرح أبو خالد الشامي، المتحدث باسم فيلق الشام، "
        "بأن الفصائل تقدمت. وقال ناشطون معارضون إن القصف مستمر.\n",
        &r);
    const extract_source *s = source_named(&r, "مراسل العربية");
    cr_assert_not_null(s, "a correspondent of an outlet");
    cr_expect_str_eq(s->kind, "role");
    cr_expect_str_eq(s->parent_id, "alarabiya");
    s = source_named(&r, "أبو خالد الشامي");
    cr_assert_not_null(s, "a named spokesman");
    cr_expect_str_eq(s->kind, "person");
    cr_expect_str_eq(s->parent_id, "faylaq-al-sham");
    cr_expect_str_eq(s->affiliation, "opposition");
    for (size_t i = 0; i < r.n_sources; i++)
        cr_expect(strcmp(r.sources[i].kind, "role") != 0 ||
                      strstr(r.sources[i].name, "المتحدث") == NULL,
                  "the appositive is not a speaker of its own: %s", r.sources[i].name);
    extract_result_free(&r);
}

Test(extract, told_to_is_not_belonging_to)
{
    extract_result r;
    run("وقال مصدر عسكري لوكالة سانا إن الجيش تقدم. وقال مصدر في حركة أحرار الشام إن الهجوم صد.\n",
        &r);
    const extract_source *told = source_named(&r, "مصدر عسكري");
    cr_assert_not_null(told);
    cr_expect_null(told->parent_id, "speaking to SANA does not make it SANA's");
    cr_expect_str_eq(told->affiliation, "unknown");
    const extract_source *inside = source_named(&r, "مصدر في حركة أحرار الشام");
    cr_assert_not_null(inside);
    cr_expect_str_eq(inside->parent_id, "ahrar-al-sham");
    cr_expect_str_eq(inside->affiliation, "opposition");
    cr_expect_eq(r.outlet, EXTRACT_NO_INDEX,
                 "a news agency told (لوكالة سانا) is the wire cited, not the publisher");
    extract_result_free(&r);
}

Test(extract, outlet_comes_from_signatures_only)
{
    extract_result r;
    run("قالت وكالة رويترز إن 5 أشخاص قتلوا في درعا.\n", &r);
    cr_expect_eq(r.outlet, EXTRACT_NO_INDEX, "a cited agency is not the publisher");
    extract_result_free(&r);

    run("قتل 5 أشخاص في درعا.\n\nالمصدر : وكالة الأناضول\n", &r);
    cr_assert(r.outlet != EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.sources[r.outlet].id, "anadolu");
    extract_result_free(&r);

    run("وأفاد مراسل سكاي نيوز عربية بوصول التعزيزات إلى منبج.\n", &r);
    cr_assert(r.outlet != EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.sources[r.outlet].id, "sky-news-arabia");
    extract_result_free(&r);
}

Test(extract, claimant_falls_back_to_the_outlet)
{
    extract_result r;
    run("أفاد مراسل الجزيرة بأن القصف تواصل.\n\nوسقط 9 قتلى في بلدة خان شيخون.\n\nالمصدر : "
        "الجزيرة\n",
        &r);
    const extract_figure *f = figure_with(&r, "9 قتلى");
    cr_assert_not_null(f);
    cr_expect_str_eq(claimant_name(&r, f), "الجزيرة");
    extract_result_free(&r);
}

Test(extract, title_is_a_headline_line)
{
    extract_result r;
    run("غارات على ريف إدلب\n\nشنت الطائرات غارات على ريف إدلب.\n", &r);
    cr_assert_not_null(r.title);
    cr_expect_str_eq(r.title, "غارات على ريف إدلب");
    extract_result_free(&r);
    run("شنت الطائرات غارات على ريف إدلب.\n\nوقتل 3 مدنيين.\n", &r);
    cr_expect_null(r.title, "a sentence is not a headline");
    extract_result_free(&r);
}

/* The code points [start, end) of a UTF-8 string, as a new string. */
static char *cp_slice(const char *s, uint32_t start, uint32_t end)
{
    text t;
    cr_assert_eq(text_init(&t, s, strlen(s)), 0);
    char *out = text_slice(&t, (span){start, end});
    text_free(&t);
    return out;
}

Test(extract, a_related_stories_box_is_not_the_article)
{
    static const char doc[] =
        "قال الدفاع المدني إن 12 شخصا قتلوا في غارة على منزل في دير البلح.\n\n"
        "اقرأ أيضاً:\n\n"
        "مقتل 20 شخصا في غارات على مخيم في رفح\n"
        "الجيش يعتقل 15 شابا في طولكرم\n\n"
        "وأضاف أن 5 أطفال بين القتلى.\n";
    extract_result r;
    run(doc, &r);
    cr_assert_eq(r.n_figures, 2, "the box's 20 and 15 are read: %zu figures", r.n_figures);
    const extract_figure *children = &r.figures[1];
    cr_expect_eq(children->value, 5);
    /* offsets still point into the text as given */
    char *given = cp_slice(doc, children->sp.start, children->sp.end),
         *read = slice(&r, children->sp);
    cr_expect_str_eq(read, given);
    free(given);
    free(read);
    cr_expect(!has_place(&r, "rafah"), "a headline's place");
    cr_expect(has_place(&r, "deir-al-balah"));
    extract_result_free(&r);

    /* one word is no heading, and a heading's box ends at the first sentence */
    run("أخبار\nقتل 4 مدنيين في قصف على دوما\n", &r);
    cr_expect_eq(r.n_figures, 1);
    extract_result_free(&r);
    run("الأكثر قراءة\nقتل 4 مدنيين في قصف على دوما\nوقال المرصد إن 7 مسلحين قتلوا في المعارك.\n",
        &r);
    cr_expect_eq(r.n_figures, 1, "the sentence after the box is the article's");
    cr_expect(r.n_figures && r.figures[0].value == 7);
    extract_result_free(&r);
}

Test(extract, bad_input)
{
    extract_result r;
    cr_expect_eq(extract_document(model, "\xff\xfe", 2, &r), -1);
    cr_expect_eq(extract_document(model, "", 0, &r), 0);
    cr_expect_eq(r.n_figures, 0);
    extract_result_free(&r);
}
