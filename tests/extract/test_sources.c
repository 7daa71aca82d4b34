/* test_sources.c — who is credited with a figure (extract/sources.c): the
 * subject of a reporting verb read by its form when the source list does not
 * know it, whom a statement was told, post-posed attribution, relays, and
 * how far a statement carries. One table per class of error; every sentence
 * is written for these tests.
 */
#include "extract/extract.h"
#include "tests/extract/model_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(sources, .init = load_model, .fini = free_model);

typedef struct claimant_case {
    const char *doc;
    const char *needle;   /* text inside the figure's span */
    const char *claimant; /* the claimant's name */
    const char *kind;     /* its kind, NULL: not checked */
} claimant_case;

static void check_claimants(const claimant_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const claimant_case *c = &cases[i];
        extract_result r;
        cr_assert_eq(extract_document(model, c->doc, strlen(c->doc), &r), 0);
        const extract_figure *f = figure_with(&r, c->needle);
        cr_assert_not_null(f, "no figure with \"%s\" in: %s", c->needle, c->doc);
        const char *got = f->claimant == EXTRACT_NO_INDEX ? "(none)" : r.sources[f->claimant].name;
        cr_expect_str_eq(got, c->claimant, "\"%s\" in: %s", c->needle, c->doc);
        if (c->kind && f->claimant != EXTRACT_NO_INDEX)
            cr_expect_str_eq(r.sources[f->claimant].kind, c->kind, "kind of %s", got);
        extract_result_free(&r);
    }
}

/* The subject of a reporting verb that no list names: a body, a function
 * with its holder, a titled person; read by its form, up to where the
 * phrase ends. */
Test(sources, a_subject_read_by_its_form)
{
    static const claimant_case cases[] = {
        /* a spokesman with his function's adjective before باسم */
        {"وقال المتحدث العسكري باسم الجيش السوداني إن قواته قتلت 80 مسلحا.", "80 مسلحا",
         "المتحدث العسكري باسم الجيش السوداني", NULL},
        {"وقال الناطق العسكري باسم كتائب القسام إن مقاتليه دمروا 5 دبابات.", "5 دبابات",
         "الناطق العسكري باسم كتائب القسام", NULL},
        {"قالت وزارة الزراعة في غزة إن 12 شخصا قتلوا في غارة على مخيم جباليا.", "12 شخصا",
         "وزارة الزراعة في غزة", "government"},
        {"وأعلنت دائرة صحة نينوى، اليوم الأحد، أن 14 مدنيا أصيبوا بجروح.", "14 مدنيا",
         "دائرة صحة نينوى", "government"},
        {"وقال وزير الداخلية العراقي قاسم الأعرجي إن 9 عناصر من الشرطة قتلوا.", "9 عناصر",
         "قاسم الأعرجي", "person"},
        {"وأعلن العميد تركي المالكي تدمير 4 طائرات مسيرة فوق مأرب.", "4 طائرات",
         "العميد تركي المالكي", "person"},
        {"وذكرت لجنة أطباء كردفان في بيان أن 30 مدنيا قتلوا في قصف مدفعي على الأبيض.", "30 مدنيا",
         "لجنة أطباء كردفان", "ngo"},
        {"وقال مدير مستشفى العودة إن 25 جريحا وصلوا إلى المستشفى.", "25 جريحا",
         "مدير مستشفى العودة", "role"},
        /* a state's governor (Sudan), quoted through an agency */
        {"ونقلت وكالة السودان للأنباء عن والي ولاية سنار قوله إن 40 مدنيا قتلوا.", "40 مدنيا",
         "والي ولاية سنار", "role"},
        /* a coordination of the displaced; the UN's missions and funds */
        {"وقالت منسقية مخيمات شرق تشاد إن 8 لاجئين قتلوا.", "8 لاجئين", "منسقية مخيمات شرق تشاد",
         "activists"},
        {"وقالت بعثة الأمم المتحدة في جنوب السودان إن 33 مدنيا قتلوا.", "33 مدنيا",
         "بعثة الأمم المتحدة في جنوب السودان", "un"},
        {"وقال صندوق الأمم المتحدة للسكان إن 12 ألف امرأة نزحن.", "12 ألف",
         "صندوق الأمم المتحدة للسكان", "un"},
        /* وزارة begins with و but is no conjunction */
        {"وقال ضابط في وزارة الزراعة، إن 17 شخصا أصيبوا.", "17 شخصا", "ضابط في وزارة الزراعة",
         "role"},
        /* a quoted name after a head of two words */
        {"ونشرت غرفة عمليات «نصر الله» تسجيلا يظهر أسر 4 عناصر.", "4 عناصر",
         "غرفة عمليات «نصر الله»", "military"},
        /* a body named after a titled person keeps the name */
        {"وأعلن مستشفى الشيخ زايد أن 16 جريحا وصلوا إليه.", "16 جريحا", "مستشفى الشيخ زايد", NULL},
        /* a body's name ends before its affiliation (التابع لـ) */
        {"وكشف مصدر طبي في مستشفى الرازي التابع لوزارة الصحة أن 21 جريحا وصلوا.", "21 جريحا",
         "مصدر طبي في مستشفى الرازي", "anonymous"},
        /* a definite body keeps its article */
        {"وأقر الجيش الأمريكي بأن وحداته أطلقت 35 قذيفة مدفعية على المدينة.", "35 قذيفة",
         "الجيش الأمريكي", "military"},
        /* the known name in quotes is the body's own; وكالة has no article */
        {"وذكرت وكالة إعلام المعارضة “سمارت”، أن 11 عنصرا قتلوا.", "11 عنصرا", "سمارت", NULL},
        /* a spokesman's body is followed by where it is, not by his name */
        {"وأعلن متحدث باسم الثوار في مصراتة أن 14 مقاتلا قتلوا.", "14 مقاتلا", "متحدث باسم الثوار",
         NULL},
        {"وقال ناطق باسم الجيش من مأرب إن 6 جنود أصيبوا.", "6 جنود", "ناطق باسم الجيش", NULL},
        /* the verb's preposition before what is said is no adjective of
         * the speaker, though it ends in the same letter as one */
        {"وأشار مصدر إلى أن 7 عناصر قتلوا.", "7 عناصر", "مصدر", "anonymous"},
        {"ولفت مسؤول عسكري إلى أن 9 جنود أصيبوا.", "9 جنود", "مسؤول عسكري", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Where a speaker's name ends: before the statement it issued ("بيانا قال
 * فيه"), before whom it was told (ل and an outlet's noun), after a rank of
 * two words and a number that closes a name; a spokesman for a function
 * keeps the function, one the list knows is that person. */
Test(sources, a_speakers_name_ends_where_it_should)
{
    static const claimant_case cases[] = {
        {"أصدرت مديرية صحة حماة بيانا جاء فيه أن 7 مدنيين أصيبوا بجروح.", "7 مدنيين",
         "مديرية صحة حماة", "government"},
        {"وأصدرت لجنة أهالي الحي بيانا قالت فيه إن 9 منازل دمرت.", "9 منازل", "لجنة أهالي الحي",
         NULL},
        {"وقالت مصادر محلية لموقع تلفزيون سوريا إن 4 مدنيين قتلوا.", "4 مدنيين", "مصادر محلية",
         NULL},
        {"وقال مصدر في قيادة شرطة حمص لمراسل سانا إن 3 مدنيين قتلوا.", "3 مدنيين",
         "مصدر في قيادة شرطة حمص", NULL},
        {"وقال مصدر طبي في مستشفى صور للوكالة الوطنية إن 6 أشخاص قتلوا.", "6 أشخاص",
         "مصدر طبي في مستشفى صور", NULL},
        {"وقال الناطق باسم القائد العام للقوات المسلحة، اللواء فلان الفلاني، إن 6 مسلحين قتلوا.",
         "6 مسلحين", "الناطق باسم القائد العام للقوات المسلحة", NULL},
        {"وقالت شبكة حوران 24 إن 3 مدنيين قتلوا برصاص مجهولين.", "3 مدنيين", "شبكة حوران 24", NULL},
        {"وقال العميد الركن سامر الحسن إن 5 طائرات مسيرة أسقطت.", "5 طائرات",
         "العميد الركن سامر الحسن", "person"},
        {"وقال المتحدث باسم الجيش أفيخاي أدرعي إن 7 مسلحين قتلوا.", "7 مسلحين", "أفيخاي أدرعي",
         "person"},
        {"وقال المتحدث العسكري باسم الحوثيين يحيى سريع إن 9 جنود قتلوا.", "9 جنود", "يحيى سريع",
         "person"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A woman's function or title is a speaker's as a man's is. */
Test(sources, feminine_functions_speak)
{
    static const claimant_case cases[] = {
        {"وقالت منسقة الشؤون الإنسانية في اليمن إن 40 مدنيا قتلوا.", "40 مدنيا",
         "منسقة الشؤون الإنسانية في اليمن", "role"},
        {"وقالت المنسقة الأممية إن 12 طفلا قتلوا.", "12 طفلا", "المنسقة الأممية", "role"},
        {"وقالت الممثلة الخاصة للأمين العام إن 30 مدنيا قتلوا.", "30 مدنيا",
         "الممثلة الخاصة للأمين العام", "role"},
        {"وقالت المفوضة السامية لحقوق الإنسان إن 18 مدنيا قتلوا.", "18 مدنيا",
         "مفوضية الأمم المتحدة السامية لحقوق الإنسان", "un"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Reporting inside a participle or a relative clause after a verb that
 * reports nothing: the subject of that verb says it ("وقصفت X المواقع،
 * مؤكدة ...", "في بيان قالت فيه إن ..."); with no subject read, nothing. */
Test(sources, a_participle_says_what_its_subject_says)
{
    static const claimant_case cases[] = {
        {"وتبنت حركة الشباب الهجوم في بيان قالت فيه إنها قتلت 11 جنديا.", "11 جنديا", "حركة الشباب",
         NULL},
        {"وقصفت قوات سوريا الديمقراطية مواقع التنظيم، مؤكدة مقتل 14 عنصرا.", "14 عنصرا",
         "قوات سوريا الديمقراطية", NULL},
        {"وتفقد وزير الصحة المستشفى، مؤكدا أن 60 جريحا وصلوا إليه.", "60 جريحا", "وزير الصحة",
         "role"},
        {"وزار وزير الصحة مستشفى الأمل، مؤكدا أن 45 جريحا وصلوا إليه.", "45 جريحا", "وزير الصحة",
         "role"},
        /* a preposition after a complete name begins what is said of it */
        {"وحذر وزير الصحة الليبي من كارثة، لافتا إلى أن 70 جريحا وصلوا.", "70 جريحا",
         "وزير الصحة الليبي", "role"},
        {"قتل 5 مدنيين في القصف، مؤكدا أن 3 منازل دمرت.", "3 منازل", "(none)", NULL},
        /* warning and stressing say as confirming does */
        {"ودعت منظمة أطباء بلا حدود إلى فتح المعابر، محذرة من أن 900 مريض ينتظرون الإجلاء.",
         "900 مريض", "أطباء بلا حدود", NULL},
        {"وطالب وزير الصحة بوقف القصف، مشددا على أن 70 جريحا وصلوا.", "70 جريحا", "وزير الصحة",
         "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Iraq's and Lebanon's district head writes his title in two words or in
 * one, with one م or two (قائمقام، قائم مقام، قائممقام). */
Test(sources, the_district_head_in_every_spelling)
{
    static const claimant_case cases[] = {
        {"وقتل 3 رعاة بقصف تركي، وفق ما ذكر قائممقام القضاء.", "3 رعاة", "قائممقام القضاء", "role"},
        {"وقتل 3 رعاة بقصف تركي، وفق ما ذكر قائمقام القضاء.", "3 رعاة", "قائمقام القضاء", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "من جانبها، قالت X إن ...": another party answers the first; what it
 * says is its own, or no one's when it is not read, never the party it
 * answers. */
Test(sources, an_answer_is_not_the_first_speaker_s)
{
    static const claimant_case cases[] = {
        {"أعلنت القوات الحكومية مقتل 9 مسلحين في الاشتباكات.\nمن جانبها، قالت عملية درع "
         "الصحراء إن مقاتليها قتلوا 12 جنديا.\n",
         "12 جنديا", "عملية درع الصحراء", "military"},
        {"أعلنت القوات الحكومية مقتل 9 مسلحين في الاشتباكات.\nفي المقابل، قالت أوساط المعارضة إن "
         "مقاتليها قتلوا 15 جنديا. وأضافت أن 3 آليات دمرت.\n",
         "3 آليات", "(none)", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A body every country has, named bare, is the one of the report's war: a
 * civil defence seated in a country of another war than the list's is that
 * country's, and "وزارة الصحة" in reports of two wars names two parties. */
Test(sources, a_bare_body_is_the_one_of_its_war)
{
    static const claimant_case cases[] = {
        {"قال الدفاع المدني في صنعاء إن 6 أشخاص قتلوا في غارة.", "6 أشخاص",
         "الدفاع المدني في صنعاء", "civil_defence"},
        {"قال الدفاع المدني في إدلب إن 8 أشخاص قتلوا في غارة.", "8 أشخاص", "الدفاع المدني السوري",
         "civil_defence"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    static const char *const docs[] = {
        "غزة - قالت وزارة الصحة إن 30 فلسطينيا قتلوا في غارات إسرائيلية على القطاع.\n",
        "الخرطوم - قالت وزارة الصحة إن 30 مدنيا قتلوا في قصف قوات الدعم السريع على أم درمان.\n",
    };
    char ids[2][64];
    for (size_t i = 0; i < 2; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, docs[i], strlen(docs[i]), &r), 0);
        const extract_figure *f = figure_with(&r, "30 ");
        cr_assert(f && f->claimant != EXTRACT_NO_INDEX, "no claimant in: %s", docs[i]);
        cr_expect_str_eq(r.sources[f->claimant].name, "وزارة الصحة");
        snprintf(ids[i], sizeof ids[i], "%s", r.sources[f->claimant].id);
        extract_result_free(&r);
    }
    cr_expect_str_neq(ids[0], ids[1], "one id for the health ministries of two wars");
}

/* "وقال المبعوث إن ...": a definite head alone with no speaker of that
 * head before it refers to one named in full with it in passing, where
 * no one spoke; the object of the narrated verb is not part of the name. */
Test(sources, a_head_alone_refers_to_one_named_in_passing)
{
    static const claimant_case cases[] = {
        {"وصل المبعوث الأوروبي إلى عدن. وقال المبعوث إن 200 شخص قتلوا منذ الصباح.", "200 شخص",
         "المبعوث الأوروبي", "role"},
        {"زار وزير الصحة مستشفى الشفاء أمس. وقال الوزير إن 40 جريحا وصلوا إلى المستشفى.",
         "40 جريحا", "وزير الصحة", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The subject is the first phrase after the verb: a party named inside the
 * object or the quoted words is not the speaker. */
Test(sources, the_subject_is_the_first_phrase)
{
    static const claimant_case cases[] = {
        {"وأكد قائد الشرطة المحلية، \"تحييد 40 عنصرا تابعا لحزب الله\".", "40 عنصرا",
         "قائد الشرطة المحلية", NULL},
        {"وأعلن الجيش السوري مقتل 15 مسلحا من جبهة النصرة في ريف حماة.", "15 مسلحا", "الجيش السوري",
         NULL},
        {"وقالت هيئة البث الرسمية، مساء الاثنين، إن 3 صواريخ سقطت قرب الحدود.", "3 صواريخ",
         "هيئة البث الرسمية", NULL},
        /* a definite head takes no genitive: the counted noun with the
         * article after it is the verb's object */
        {"ودعت المديرية المدنيين إلى الابتعاد، مؤكدة أن 14 شخصا قتلوا.", "14 شخصا", "المديرية",
         NULL},
        {"وطالبت الشرطة السكان بالبقاء في منازلهم، مشيرة إلى أن 9 أشخاص أصيبوا.", "9 أشخاص",
         "الشرطة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Whom it was told is a carrier, never the speaker; a relayed statement
 * belongs to who is relayed. */
Test(sources, told_to_and_relayed)
{
    static const claimant_case cases[] = {
        {"وقال مدير مستشفى الشفاء لوكالة فرانس برس إن 20 جريحا وصلوا.", "20 جريحا",
         "مدير مستشفى الشفاء", NULL},
        {"وقال لوكالة رويترز مسؤول في وزارة الصحة إن 11 شخصا قتلوا.", "11 شخصا",
         "مسؤول في وزارة الصحة", NULL},
        {"ونقلت وكالة رويترز عن مصدر أمني أن 6 جنود قتلوا في كمين.", "6 جنود", "مصدر أمني", NULL},
        /* the relaying outlet described before عن */
        {"ونقل موقع \"الجبهة نت\" التابع لوزارة الدفاع عن قائد ميداني قوله إن 24 مسلحا قتلوا.",
         "24 مسلحا", "قائد ميداني", NULL},
        {"ونقلت الإذاعة الرسمية عن مصدر عسكري أن 13 جنديا أصيبوا.", "13 جنديا", "مصدر عسكري", NULL},
        /* a verb after the description: the outlet itself speaks */
        {"ونقلت قناة المسيرة التابعة للجماعة صورا قالت إن 8 مدنيين قتلوا فيها.", "8 مدنيين",
         "قناة المسيرة", NULL},
        /* an agency cited after the speaker carries his words */
        {"وقال مصدر أمني - بحسب رويترز - إن 3 جنود قتلوا في الهجوم.", "3 جنود", "مصدر أمني", NULL},
        {"قتل 4 جنود في هجوم على حاجز عسكري، بحسب رويترز.", "4 جنود", "رويترز", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* After إن / أن the subject stands before its verb: one who reports inside
 * what a relay says is named there, and asserts the figure; the relay does
 * not. A verb that says nothing (نقل of people) makes no reporter. */
Test(sources, a_reporter_inside_what_is_said)
{
    static const claimant_case cases[] = {
        {"وذكرت صحيفة محلية أن وزارة الصحة أكدت مقتل 7 أشخاص في القصف.", "7 أشخاص", "وزارة الصحة",
         "government"},
        {"وقالت وكالة الصحافة الفرنسية إن وزارة الداخلية أعلنت اعتقال 15 مطلوبا.", "15 مطلوبا",
         "وزارة الداخلية", "government"},
        {"وأفادت قناة محلية بأن إدارة مستشفى الكرامة قالت إن 9 جرحى وصلوا إليها.", "9 جرحى",
         "إدارة مستشفى الكرامة", NULL},
        /* counter-examples: the relay is the one who speaks */
        {"وقالت وكالة سانا إن لجنة محلية نقلت 300 عائلة إلى مخيم قريب.", "300 عائلة", "سانا", NULL},
        {"قالت وكالة سانا إن مجموعة مسلحة هاجمت حاجزا وقتلت 5 عناصر، وأكدت أن الجيش رد.", "5 عناصر",
         "سانا", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A reporting verb in a relative clause with no subject of its own is
 * said by the noun the clause hangs on ("المرصد الذي قال إن"): a party
 * denying another's figure gives its own. Not when the verb has its own
 * subject, nor when it does not agree with the pronoun. */
Test(sources, a_relative_clause_reports_for_its_noun)
{
    static const claimant_case cases[] = {
        {"وزعم الجيش الروسي أن طائراته قتلت 70 مسلحا، وهو ما نفاه المرصد السوري لحقوق الإنسان "
         "الذي قال إن القصف قتل 12 مدنيا.",
         "12 مدنيا", "المرصد السوري لحقوق الإنسان", NULL},
        {"وزعم الجيش الروسي أن طائراته قتلت 70 مسلحا، وهو ما نفاه المرصد السوري لحقوق الإنسان "
         "الذي قال إن القصف قتل 12 مدنيا.",
         "70 مسلحا", "الجيش الروسي", NULL},
        {"وقالت وزارة الدفاع الروسية إن قواتها قتلت 50 مسلحا، وهو ما نفته فصائل المعارضة التي "
         "قالت إن 4 من مقاتليها قتلوا.",
         "4 من مقاتليها", "المعارضة السورية", NULL},
        /* the verb has a subject of its own */
        {"وقال المرصد السوري إن الطائرات قصفت مواقع هيئة تحرير الشام التي قال ناشطون إن 10 من "
         "عناصرها قتلوا.",
         "10 من", "ناشطون", NULL},
        /* a singular verb after الذين: its subject is the army, hidden */
        {"وقال الجيش الروسي إن طائراته قصفت مقرات هيئة تحرير الشام الذين يقول إنهم قتلوا 9 جنود "
         "سوريين.",
         "9 جنود", "الجيش الروسي", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "وقال المسؤول" after "مسؤول محلي" is the same official, with or without
 * his adjective again; after an unnamed speaker of another word it is one
 * of its own. */
Test(sources, a_definite_unnamed_speaker_refers_back)
{
    static const claimant_case cases[] = {
        {"وقال مسؤول محلي لرويترز إن 30 منزلا دمرت. وقال المسؤول إن 100 عائلة نزحت.", "100 عائلة",
         "مسؤول محلي", "anonymous"},
        {"وقال مسؤول محلي إن 30 منزلا دمرت. وأضاف المسؤول المحلي أن 100 عائلة نزحت.", "100 عائلة",
         "مسؤول محلي", "anonymous"},
        {"وقال مصدر عسكري إن 30 مسلحا قتلوا. وقال المسؤول إن 100 عائلة نزحت.", "100 عائلة", "مسؤول",
         "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A spokeswoman speaks as a spokesman does: the role is the speaker,
 * named with the body she speaks for. */
Test(sources, a_spokeswoman_is_a_spokesperson)
{
    static const claimant_case cases[] = {
        {"وقالت المتحدثة باسم مفوضية اللاجئين إن 15 ألف لاجئ عبروا الحدود.", "15 ألف",
         "المتحدثة باسم مفوضية اللاجئين", "role"},
        {"وقالت الناطقة باسم منظمة أطباء بلا حدود إن 40 جريحا وصلوا إلى المستشفى.", "40 جريحا",
         "الناطقة باسم منظمة أطباء بلا حدود", "role"},
        {"وقالت متحدثة باسم الصليب الأحمر إن 12 متطوعا أصيبوا.", "12 متطوعا",
         "متحدثة باسم الصليب الأحمر", "role"},
        /* as a spokesman is */
        {"وقال المتحدث باسم مفوضية اللاجئين إن 15 ألف لاجئ عبروا الحدود.", "15 ألف",
         "المتحدث باسم مفوضية اللاجئين", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "وهو ما نفته X": a reporting verb with the pronoun of what was said
 * before has its subject after it; what X says next is X's own figure,
 * and the figure it denies stays with who gave it. */
Test(sources, a_verb_with_the_pronoun_of_what_was_said)
{
    static const claimant_case cases[] = {
        {"وقالت وزارة الدفاع الروسية إن قواتها قتلت 50 مسلحا. وهو ما نفته فصائل المعارضة، وقالت "
         "إن 4 من مقاتليها قتلوا.",
         "4 من مقاتليها", "المعارضة السورية", NULL},
        {"وقالت وزارة الدفاع الروسية إن قواتها قتلت 50 مسلحا. وهو ما نفته فصائل المعارضة، وقالت "
         "إن 4 من مقاتليها قتلوا.",
         "50 مسلحا", "وزارة الدفاع الروسية", NULL},
        {"قال الجيش الإسرائيلي إنه قتل 6 مسلحين. وهو ما أكده مصدر طبي، مضيفا أن 3 مدنيين قتلوا "
         "أيضا.",
         "3 مدنيين", "مصدر طبي", NULL},
        /* the lead it denies is the narrator's */
        {"دمشق - سانا\nقتل 9 جنود في هجوم للمسلحين على حاجز، وهو ما نفاه الجيش السوري.", "9 جنود",
         "سانا", NULL},
        /* ... and with no outlet, not the denier's: who answers a claim
         * does not narrate it */
        {"قتلت القوات 90 مسلحا في الهجوم، وهو ما نفته فصائل المعارضة.", "90 مسلحا", "(none)", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "ضابط لم يكشف اسمه", "قائد رفض الكشف عن اسمه": what is said of an
 * unnamed speaker is no part of his name. */
Test(sources, a_withheld_name_is_no_part_of_the_speaker)
{
    static const claimant_case cases[] = {
        {"وقال ضابط في الجيش السوري لم يكشف اسمه إن 11 جنديا قتلوا.", "11 جنديا",
         "ضابط في الجيش السوري", "role"},
        {"وقال قائد ميداني رفض الكشف عن اسمه إن 11 جنديا قتلوا.", "11 جنديا", "قائد ميداني",
         "role"},
        {"وقال طبيب في مستشفى الشفاء لم يذكر اسمه لوكالة رويترز إن 20 جريحا وصلوا.", "20 جريحا",
         "طبيب في مستشفى الشفاء", "role"},
        /* as it already was after an unnamed source */
        {"وقال مصدر عسكري فضل عدم ذكر اسمه إن 11 جنديا قتلوا.", "11 جنديا", "مصدر عسكري",
         "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The paper breaks one statement into paragraphs: a paragraph no one is
 * credited with, between the speaker's paragraph and one that opens with
 * the same speaker's verb, is the speaker's. Not between two speakers, nor
 * before a paragraph that only credits him at its end. */
Test(sources, a_statement_goes_on_across_a_paragraph)
{
    static const claimant_case cases[] = {
        {"بيروت - الأناضول\nقال وزير الصحة اللبناني فراس الأبيض إن 50 شخصا قتلوا في "
         "الغارات.\nوبخصوص الجرحى فقد بلغ عددهم 200 جريح منذ بداية الأسبوع.\nوأشار الأبيض إلى "
         "أن 10 مسعفين قتلوا.\n",
         "200 جريح", "فراس الأبيض", NULL},
        {"بيروت - الأناضول\nقال المرصد السوري لحقوق الإنسان إن 50 شخصا قتلوا.\nوقتل 20 عنصرا "
         "من قوات النظام في هجوم على البادية.\nوقالت وكالة سانا إن 10 إرهابيين قتلوا.\n",
         "20 عنصرا", "الأناضول", NULL},
        {"بيروت - الأناضول\nقال مصدر محلي إن 5 مدنيين قتلوا في القصف.\nوتقصف الجماعة الأحياء "
         "السكنية منذ أشهر، ما أدى إلى مقتل 40 مدنيا.\nوتتجدد الاشتباكات في الريف الغربي، بحسب "
         "المصدر.\n",
         "40 مدنيا", "الأناضول", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "وأضاف البيان" opening a paragraph goes on with the statement of the
 * last party that spoke, not the outlet's and not the first speaker's. */
Test(sources, the_statement_goes_on_in_a_new_paragraph)
{
    static const claimant_case cases[] = {
        {"صنعاء - الأناضول\nقالت وزارة الصحة في بيان إن 12 شخصا قتلوا في الغارات.\nوأضاف "
         "البيان أن 30 شخصا أصيبوا.\n",
         "30 شخصا", "وزارة الصحة", NULL},
        {"قالت الجماعة إن مقاتليها قتلوا 8 جنود.\nوقال الجيش في بيان إن جنديا قتل في "
         "الاشتباك.\nوأشار البيان إلى أن 5 جنود أصيبوا.\n",
         "5 جنود", "الجيش", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An outlet's unattributed lead that a named party states again is that
 * party's claim; a lead the body does not state again stays the outlet's. */
Test(sources, a_lead_takes_the_party_that_states_it_again)
{
    static const claimant_case cases[] = {
        {"حمص - سانا\nاستشهد أربعة مدنيين بينهم طفلان جراء قذائف على حي الزهراء.\nوذكر مصدر في "
         "قيادة الشرطة أن قذائف سقطت على الحي ما أدى إلى استشهاد أربعة مدنيين.\n",
         "أربعة مدنيين", "مصدر في قيادة الشرطة", NULL},
        {"حمص - سانا\nاستشهد أربعة مدنيين بينهم طفلان جراء قذائف على حي الزهراء.\nوذكر مصدر في "
         "قيادة الشرطة أن قذائف سقطت على الحي ما أدى إلى استشهاد أربعة مدنيين.\n",
         "طفلان", "مصدر في قيادة الشرطة", NULL},
        {"حمص - سانا\nاستشهد أربعة مدنيين جراء قذائف على حي الزهراء.\nوذكر مصدر في قيادة "
         "الشرطة أن قذائف سقطت على الحي ما أدى إلى إصابة 6 مدنيين.\n",
         "أربعة مدنيين", "سانا", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An unnamed woman speaks as an unnamed man does: an official, an
 * activist, a witness. */
Test(sources, unnamed_women_speak)
{
    static const claimant_case cases[] = {
        {"وقالت مسؤولة في الأمم المتحدة إن 300 عائلة نزحت.", "300 عائلة", "مسؤولة في الأمم المتحدة",
         "anonymous"},
        {"وقالت ناشطة حقوقية إن 12 امرأة اعتقلن.", "12 امرأة", "ناشطة حقوقية", "activists"},
        {"وقالت شاهدة عيان إن 6 قذائف سقطت على السوق.", "6 قذائف", "شاهدة عيان", "anonymous"},
        {"وقالت مسؤولة محلية إن 40 منزلا دمرت. وأضافت المسؤولة أن 100 عائلة نزحت.", "100 عائلة",
         "مسؤولة محلية", "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Israel's channels are named by their numbers ("القناة 12"): a speaker,
 * and the number no count. */
Test(sources, channels_named_by_their_numbers)
{
    static const claimant_case cases[] = {
        {"وقالت القناة 12 الإسرائيلية إن 5 جنود أصيبوا بجروح خطيرة.", "5 جنود",
         "القناة 12 الإسرائيلية", "outlet"},
        {"وأفادت القناة الـ12 الإسرائيلية بإصابة 7 جنود.", "7 جنود", "القناة 12 الإسرائيلية",
         "outlet"},
        {"وذكرت القناة 13 الإسرائيلية أن 4 جنود قتلوا في كمين.", "4 جنود", "القناة 13 الإسرائيلية",
         "outlet"},
        {"وقالت صحيفة معاريف إن 20 صاروخا سقطت في الجليل.", "20 صاروخا", "صحيفة معاريف", "outlet"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("وقالت القناة 12 الإسرائيلية إن 5 جنود أصيبوا.", &r);
    cr_expect_eq(r.n_figures, 1, "the channel's number is no figure");
    extract_result_free(&r);
}

/* "جماعة «أنصار الله»" and then "الجماعة": the head describes a party the
 * list knows, and its definite form refers back to that party. The head of
 * a function does not ("رئيس الهيئة" and then "الرئيس" is the man). */
Test(sources, a_head_before_a_known_name_refers_back)
{
    static const claimant_case cases[] = {
        {"صنعاء - الأناضول\nأعلنت جماعة «أنصار الله» أنها أسقطت طائرة مسيرة أمريكية.\nوقالت "
         "الجماعة إن 4 جنود سعوديين قتلوا في جيزان.\n",
         "4 جنود", "جماعة الحوثي", NULL},
        {"بيروت - الأناضول\nتبنت جماعة «نصرة الإسلام والمسلمين» هجوما أسفر عن مقتل 20 "
         "جنديا.\nوقالت الجماعة إن 3 من مقاتليها قتلوا.\n",
         "3 من", "جماعة نصرة الإسلام والمسلمين", NULL},
        {"بيروت - الأناضول\nوقال رئيس هيئة التفاوض السورية إن 5 معتقلين أفرج عنهم.\nوقال "
         "الرئيس إن 30 معتقلا ما زالوا في السجون.\n",
         "30 معتقلا", "رئيس هيئة التفاوض السورية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "أبلغ مسؤول عسكري وكالة رويترز أن ...": no genitive follows an
 * adjective, so the outlet after an unnamed speaker's adjective is whom he
 * told, no part of his name; a correspondent's outlet right after him is
 * his own. */
Test(sources, an_outlet_after_the_adjective_was_told)
{
    static const claimant_case cases[] = {
        {"وأبلغ مسؤول عسكري وكالة رويترز أن 14 جنديا قتلوا.", "14 جنديا", "مسؤول عسكري",
         "anonymous"},
        {"وأبلغ مصدر أمني رويترز أن 6 جنود قتلوا.", "6 جنود", "مصدر أمني", "anonymous"},
        {"وأبلغ مصدر عسكري سوري وكالة سانا بأن 12 إرهابيا قتلوا.", "12 إرهابيا", "مصدر عسكري سوري",
         "anonymous"},
        {"وقال مراسل الجزيرة إن 6 جنود قتلوا.", "6 جنود", "مراسل الجزيرة", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A relative clause of a few words may stand between a subject and its
 * verb ("فصائل المعارضة التي نفت ذلك قالت إن"); not when the verb has its
 * own subject after it. */
Test(sources, a_relative_clause_between_subject_and_verb)
{
    static const claimant_case cases[] = {
        {"وقالت وزارة الدفاع الروسية إن قواتها قتلت 50 مسلحا. لكن فصائل المعارضة التي نفت ذلك "
         "قالت إن 4 من مقاتليها قتلوا.",
         "4 من مقاتليها", "المعارضة السورية", NULL},
        {"وقالت وزارة الدفاع الروسية إن قواتها قتلت 50 مسلحا. لكن فصائل المعارضة التي نفت ذلك "
         "قالت إن 4 من مقاتليها قتلوا.",
         "50 مسلحا", "وزارة الدفاع الروسية", NULL},
        {"وقالت وزارة الدفاع الروسية إن قواتها قصفت مواقع فصائل المعارضة التي تسيطر على البلدة، "
         "وقالت مصادر طبية إن 20 مدنيا قتلوا.",
         "20 مدنيا", "مصادر طبية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A definite head named by where it sits ("السلطات في شرق ليبيا") is a
 * body of its own where nothing before it has that head; after a body
 * with that head it still refers back to it. */
Test(sources, a_definite_head_seated_in_a_place)
{
    static const claimant_case cases[] = {
        {"وارتفعت الحصيلة إلى 2300 قتيل، وفق ما أعلنته السلطات في شرق ليبيا.", "2300 قتيل",
         "السلطات في شرق ليبيا", "government"},
        {"وقالت الحكومة في عدن إن 17 جنديا قتلوا.", "17 جنديا", "الحكومة في عدن", NULL},
        {"قالت وزارة الداخلية في غزة إن 5 أشخاص قتلوا.\nوقالت الوزارة في غزة إن 9 آخرين "
         "أصيبوا.",
         "9 آخرين", "وزارة الداخلية في غزة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Estimates, statistics and reports as the subject speak for the party in
 * their genitive ("تشير تقديرات X إلى أن"), as they do for one after ل;
 * and تقدر X is X's estimate. */
Test(sources, a_document_speaks_for_its_owner)
{
    static const claimant_case cases[] = {
        {"عدن - المصدر أونلاين\nوتشير تقديرات المنظمة الدولية للهجرة إلى أن 3200 أسرة نزحت.",
         "3200 أسرة", "المنظمة الدولية للهجرة", NULL},
        {"عدن - المصدر أونلاين\nوأشارت إحصاءات وزارة الصحة إلى أن 27 طفلا قتلوا.", "27 طفلا",
         "وزارة الصحة", NULL},
        {"عدن - المصدر أونلاين\nوتقدر الأمم المتحدة عدد النازحين بنحو 90 ألف شخص.", "90 ألف",
         "الأمم المتحدة", NULL},
        /* a document of no named owner leaves the narrator's */
        {"عدن - المصدر أونلاين\nوتشير تقديرات أولية إلى أن 45 مبنى دمرت بالكامل.", "45 مبنى",
         "المصدر أونلاين", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* After أفاد and its kin, ب and what is reported (a verbal noun of
 * triggers.tsv, or a `stop` of speaker_forms.tsv: باستقبال) ends the
 * speaker's name, and the trigger still types the figure; ب and a place
 * stays in a body's name. */
Test(sources, what_is_reported_after_bi_ends_the_name)
{
    static const claimant_case cases[] = {
        {"وأفادت وزارة الصحة بمقتل 19 شخصا في القصف.", "19 شخصا", "وزارة الصحة", NULL},
        {"أفادت نقابة المحامين باعتقال 23 مدنيا خلال الأسبوع.", "23 مدنيا", "نقابة المحامين", NULL},
        {"وأفاد مستشفى الرازي باستقبال 11 جريحا مساء اليوم.", "11 جريحا", "مستشفى الرازي", NULL},
        {"وأفادت هيئة الإغاثة بوصول 40 أسرة نازحة إلى المخيم.", "40 أسرة", "هيئة الإغاثة", NULL},
        /* ب and a place is where the body sits */
        {"وقال المجلس المحلي بالفاشر إن 26 مدنيا قتلوا.", "26 مدنيا", "المجلس المحلي بالفاشر",
         NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    run("وأفادت وزارة الصحة بمقتل 19 شخصا في القصف.", &r);
    const extract_figure *f = figure_with(&r, "19 شخصا");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->type, "killed");
    extract_result_free(&r);
}

/* A verb with a hidden subject carries the last speaker on past how and to
 * whom it was said ("وأضاف في حديث لرويترز أن"), also in a published
 * article whose narrator is its outlet; a party named there is the
 * subject itself. */
Test(sources, a_hidden_subject_past_the_medium_and_whom_it_was_told)
{
    static const char *const lead = "صنعاء - الأناضول\nقال مدير مكتب الصحة في المدينة إن الغارات "
                                    "استهدفت سوقا شعبية.\n";
    static const char *const follow[][3] = {
        {"وأضاف في تصريح لرويترز أن 16 مدنيا قتلوا في الغارة.", "16 مدنيا",
         "مدير مكتب الصحة في المدينة"},
        {"وأضاف للصحفيين أن 21 جريحا نقلوا إلى المستشفى.", "21 جريحا",
         "مدير مكتب الصحة في المدينة"},
        {"وأشار في مؤتمر صحفي عقده مساء اليوم إلى أن 8 منازل دمرت.", "8 منازل",
         "مدير مكتب الصحة في المدينة"},
        /* a party after the medium is the subject: not carried on */
        {"وقال في بيان الأمم المتحدة إن 30 ألف شخص نزحوا.", "30 ألف", "الأمم المتحدة"},
    };
    for (size_t c = 0; c < sizeof follow / sizeof follow[0]; c++) {
        char doc[1024];
        snprintf(doc, sizeof doc, "%s%s\n", lead, follow[c][0]);
        extract_result r;
        cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
        const extract_figure *f = figure_with(&r, follow[c][1]);
        cr_assert_not_null(f, "no figure with \"%s\" in: %s", follow[c][1], doc);
        const char *got = f->claimant == EXTRACT_NO_INDEX ? "(none)" : r.sources[f->claimant].name;
        cr_expect_str_eq(got, follow[c][2], "\"%s\" in: %s", follow[c][1], doc);
        extract_result_free(&r);
    }
}

/* A post-posed attribution covers its whole sentence. */
Test(sources, a_post_posed_attribution_covers_its_sentence)
{
    static const claimant_case cases[] = {
        {"قتل 7 مدنيين في قصف على بلدة كفرنبل، بحسب المرصد السوري لحقوق الإنسان.", "7 مدنيين",
         "المرصد السوري لحقوق الإنسان", NULL},
        {"أصيب 16 شخصا بجروح في انفجار عبوة، وفق مصادر طبية.", "16 شخصا", "مصادر طبية", NULL},
        {"قتل 12 مدنيا في قصف على مدينة دوما، في حصيلة أولية أوردها المرصد السوري لحقوق الإنسان.",
         "12 مدنيا", "المرصد السوري لحقوق الإنسان", NULL},
        {"وجاء في بيان لمديرية صحة حماة أن 30 شخصا أصيبوا.", "30 شخصا", "مديرية صحة حماة", NULL},
        {"نزح أكثر من 3000 شخص من المدينة، حسب منظمة الهجرة الدولية.", "3000 شخص",
         "المنظمة الدولية للهجرة", NULL},
        /* after a speaker, one put after a clause that فيما or بينما opens
         * covers that clause, and the speaker keeps what came before */
        {"وقالت لجنة الإنقاذ إن 15 مدنيا قتلوا، فيما نزح 250 ألف شخص من المدينة، وفق منظمة "
         "الهجرة الدولية.",
         "250 ألف شخص", "المنظمة الدولية للهجرة", NULL},
        {"وقالت لجنة الإنقاذ إن 15 مدنيا قتلوا، فيما نزح 250 ألف شخص من المدينة، وفق منظمة "
         "الهجرة الدولية.",
         "15 مدنيا", "لجنة الإنقاذ", NULL},
        {"وقالت لجنة الإنقاذ إن 15 مدنيا قتلوا، بينما أصيب 40 آخرون، بحسب مصادر طبية.", "40 آخرون",
         "مصادر طبية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A definite head alone refers back to the speaker named with that head. */
Test(sources, a_definite_head_refers_back)
{
    static const claimant_case cases[] = {
        {"أعلنت مديرية صحة إدلب وصول جرحى إلى المستشفى. وأضافت المديرية أن 8 منهم في حالة حرجة "
         "بين 19 مصابا.",
         "19 مصابا", "مديرية صحة إدلب", NULL},
        {"قال وزير الصحة اللبناني فراس علوان إن الغارات لم تتوقف. وذكر الوزير أن 31 شخصا قتلوا.",
         "31 شخصا", "فراس علوان", NULL},
        /* a body of two-word head (غرفة عمليات، غرفة طوارئ) is called back by its first word,
         * past another speaker in between */
        {"أعلنت غرفة عمليات النصر المؤزر صد هجوم على ريف البلدة. من جهته قال المرصد السوري "
         "لحقوق الإنسان إن 9 مقاتلين قتلوا. وقالت الغرفة إن 14 عنصرا من المهاجمين قتلوا.",
         "14 عنصرا", "غرفة عمليات النصر المؤزر", NULL},
        {"قالت غرفة طوارئ الأحياء الجنوبية إن القصف لم يتوقف. وذكر مصدر طبي أن 4 أشخاص أصيبوا. "
         "وأضافت الغرفة أن 11 شخصا قتلوا.",
         "11 شخصا", "غرفة طوارئ الأحياء الجنوبية", NULL},
        {"قالت هيئة الإغاثة المحلية إن القصف لم يتوقف. وذكر الدفاع المدني أن 7 أشخاص أصيبوا. "
         "وأكدت الهيئة أن 30 منزلا دمرت.",
         "30 منزلا", "هيئة الإغاثة المحلية", NULL},
        /* ... and by its head made definite by its complement */
        {"أعلنت غرفة عمليات النصر المؤزر صد هجوم. وقال المرصد السوري لحقوق الإنسان إن 9 "
         "مقاتلين قتلوا. وقالت غرفة العمليات إن 14 عنصرا من المهاجمين قتلوا.",
         "14 عنصرا", "غرفة عمليات النصر المؤزر", NULL},
        {"أعلنت مديرية صحة إدلب وصول جرحى. وقالت مديرية الصحة إن 19 شخصا أصيبوا.", "19 شخصا",
         "مديرية صحة إدلب", NULL},
        {"أعلنت غرفة عمليات النصر المؤزر صد هجوم. وقالت غرفة الطوارئ إن 6 مسعفين أصيبوا.",
         "6 مسعفين", "غرفة الطوارئ", NULL},
        /* ... the nearest of them; and a room of a house is no body */
        {"أعلنت غرفة عمليات النصر المؤزر صد هجوم. وقالت غرفة طوارئ الأحياء الجنوبية إن المسعفين "
         "لم يصلوا. وأضافت الغرفة أن 11 شخصا قتلوا.",
         "11 شخصا", "غرفة طوارئ الأحياء الجنوبية", NULL},
        {"قال المرصد السوري لحقوق الإنسان إن قذيفة سقطت في الغرفة وإن 3 أطفال قتلوا.", "3 أطفال",
         "المرصد السوري لحقوق الإنسان", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* ... and with none named before it, a body's head alone is a party of its
 * own, named by the word, rather than no one: the figure would fall to the
 * report's first speaker. */
Test(sources, a_definite_body_alone_speaks)
{
    static const claimant_case cases[] = {
        {"وقالت الحكومة إن 12 مدنيا قتلوا في القصف.", "12 مدنيا", "الحكومة", "government"},
        {"ونفت الفصائل ذلك وقالت إن 3 من مقاتليها فقط قتلوا.", "3 من", "الفصائل", NULL},
        /* the one who denies does not take the claim of the one who spoke */
        {"قالت الحكومة إن قواتها قتلت 90 مسلحا، وهو ما نفته فصائل المعارضة التي أكدت مقتل 10 من "
         "عناصرها فقط.",
         "90 مسلحا", "الحكومة", NULL},
        /* a head named before still refers back; a name of its own is read whole */
        {"قالت وزارة الصحة إن 30 شخصا قتلوا. وأضافت الوزارة أن 50 شخصا أصيبوا.", "50 شخصا",
         "وزارة الصحة", NULL},
        {"وقالت الحكومة المحلية إن 8 مدنيين قتلوا.", "8 مدنيين", "الحكومة المحلية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "...، وأعلنت X مقتل N": a report joined to the sentence by و after a
 * comma is the speaker's own; what the sentence told before it is not,
 * when no outlet narrates. A verb that details it (وأوضح) owns it too. */
Test(sources, a_coordinated_report_owns_its_own_object)
{
    static const claimant_case cases[] = {
        {"ارتفعت حصيلة قتلى القصف على ريف إدلب إلى 35 شخصا، وأعلنت مصادر طبية مقتل 6 مسعفين "
         "في غارة على مستشفى.",
         "35 شخصا", "(none)", NULL},
        {"ارتفعت حصيلة قتلى القصف على ريف إدلب إلى 35 شخصا، وأعلنت مصادر طبية مقتل 6 مسعفين "
         "في غارة على مستشفى.",
         "6 مسعفين", "مصادر طبية", NULL},
        {"قتل 4 أشخاص في قصف على مدينة تعز، وأوضح مصدر طبي أن اثنين منهم طفلان.", "4 أشخاص",
         "مصدر طبي", NULL},
        /* a post-posed speaker still covers what came before it */
        {"قتل 9 مدنيين في غارة على بلدة سراقب، بحسب الدفاع المدني.", "9 مدنيين",
         "الدفاع المدني السوري", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The parties of the region's wars are known by their names and variants. */
Test(sources, parties_of_the_region)
{
    static const struct {
        const char *doc, *needle, *id;
    } cases[] = {
        {"وقالت وزارة الصحة في قطاع غزة إن 40 شخصا قتلوا خلال يوم.", "40 شخصا",
         "palestinian-health-ministry"},
        {"وأعلنت قوات الدعم السريع مقتل 30 جنديا من الجيش في هجوم شمال الفاشر.", "30 جنديا", "rsf"},
        {"وقالت جماعة الحوثي إنها أسقطت 2 طائرات مسيرة.", "2 طائرات", "houthis"},
        {"وأفادت خلية الإعلام الأمني بمقتل 5 إرهابيين في صحراء الأنبار.", "5 إرهابيين",
         "security-media-cell"},
        {"وأعلنت حركة الشباب مقتل 12 جنديا في هجوم على قاعدة عسكرية.", "12 جنديا", "al-shabaab"},
        {"وذكرت الوكالة الوطنية للإعلام أن 4 أشخاص أصيبوا في غارة على بلدة جنوبية.", "4 أشخاص",
         "nna"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        const extract_figure *f = figure_with(&r, cases[i].needle);
        cr_assert_not_null(f, "no figure with \"%s\"", cases[i].needle);
        cr_assert_neq(f->claimant, EXTRACT_NO_INDEX, "no claimant in: %s", cases[i].doc);
        cr_expect_str_eq(r.sources[f->claimant].id, cases[i].id, "in: %s", cases[i].doc);
        extract_result_free(&r);
    }
}

/* The humanitarian voices of the Syrian war's north-west: a monitor of the
 * camps is a party, not the country its name ends with; the Secretary-General
 * speaks for the UN. A mere mention of either claims nothing. */
Test(sources, humanitarian_voices)
{
    static const claimant_case cases[] = {
        {"وبحسب منسقي استجابة سوريا، فإن 1200 عائلة نزحت من القرى الجنوبية خلال أسبوع.",
         "1200 عائلة", "منسقو استجابة سوريا", "ngo"},
        {"وقال فريق منسقو استجابة سوريا إن 640 خيمة تضررت بفعل العاصفة.", "640 خيمة",
         "منسقو استجابة سوريا", "ngo"},
        {"وقال المتحدث باسم الأمين العام للأمم المتحدة إن 40 شاحنة عبرت الحدود صباحا.", "40 شاحنة",
         "المتحدث باسم الأمين العام للأمم المتحدة", NULL},
        /* a monitor by the short name headlines give it */
        {"الشبكة السورية: مقتل 40 مدنيا في آذار\n\nوثقت الشبكة السورية لحقوق الإنسان مقتل 40 "
         "مدنيا.\n",
         "40 مدنيا", "الشبكة السورية لحقوق الإنسان", "ngo"},
        /* named, not speaking: the claimant is who speaks */
        {"ودعا الأمين العام للأمم المتحدة إلى التهدئة بعد مقتل 9 مدنيين، بحسب الدفاع المدني.",
         "9 مدنيين", "الدفاع المدني السوري", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "X التابع لـ Y": a body affiliated to a ministry, an army, a government
 * is that owner's office and speaks for it, whatever its own head noun
 * (مركز، لجنة) would make it. */
Test(sources, a_body_affiliated_to_a_ministry_speaks_for_it)
{
    static const claimant_case cases[] = {
        {"وقال مركز عمليات طوارئ الصحة العامة التابع لوزارة الصحة اللبنانية إن 14 شخصا "
         "قتلوا في غارة على بلدة عيتا الشعب.",
         "14 شخصا", "مركز عمليات طوارئ الصحة العامة", "government"},
        /* an owner the list does not know, read by its head */
        {"وقالت لجنة الطوارئ التابعة لوزارة الزراعة إن 35 أسرة نزحت من قرى السهل.", "35 أسرة",
         "لجنة الطوارئ", "government"},
        {"وقال المركز الإعلامي التابع للجيش السوداني إن 45 مسلحا قتلوا قرب الفاشر.", "45 مسلحا",
         "المركز الإعلامي", "military"},
        /* one definite word of a head, its owner after it */
        {"وقال الإسعاف التابع لوزارة الصحة في غزة إن 27 شهيدا وصلوا إلى مستشفى ناصر.", "27 شهيدا",
         "الإسعاف", "government"},
        /* a head of a kind of its own keeps it */
        {"وأفادت الشرطة التابعة لحكومة الوحدة الوطنية بمقتل 6 أشخاص في مدينة الزاوية.", "6 أشخاص",
         "الشرطة", "military"},
        /* a body of an NGO stays an NGO */
        {"وقال مركز الإسعاف التابع للهلال الأحمر الفلسطيني إن 19 جريحا نقلوا إلى المستشفى.",
         "19 جريحا", "مركز الإسعاف", "ngo"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "أعلن X في تقرير ..." then "وأضاف التقرير": the report is X's, however
 * many sentences or speakers lie between; the outlet only carries it. */
Test(sources, the_report_goes_on_for_its_author)
{
    static const claimant_case cases[] = {
        {"عنوان\nعمّان - بترا\nأعلنت منظمة الصحة العالمية في تقرير نشرته الاثنين أن 26 "
         "مركزا صحيا توقفت.\nوتدور اشتباكات متقطعة في أطراف المدينة منذ أسابيع.\nوأضاف "
         "التقرير أن 73 ممرضا قتلوا منذ الربيع.\n",
         "73 ممرضا", "منظمة الصحة العالمية", "un"},
        {"عنوان\nالقاهرة - أ ش أ\nقالت مفوضية الأمم المتحدة لشؤون اللاجئين في تقريرها "
         "الدوري، الخميس، إن 6 آلاف لاجئ عبروا المعبر.\nوقال الجيش إن 8 جنود قتلوا.\n"
         "وذكر التقرير أن 410 خيام نصبت قرب الحدود.\n",
         "410 خيام", "مفوضية الأمم المتحدة لشؤون اللاجئين", "un"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "حتى ساعة إعداد التقرير": the report in the genitive of another noun is
 * the text's own, no mention of the last statement's author. */
Test(sources, the_text_s_own_report_is_no_statement)
{
    const char *doc = "قالت لجنة الإنقاذ الدولية في بيان إن 22 عاملا قتلوا.\nوما زالت الاشتباكات "
                      "مستمرة حتى لحظة كتابة التقرير.\n";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    const extract_figure *f = figure_with(&r, "22 عاملا");
    cr_assert_not_null(f);
    cr_assert_neq(f->claimant, EXTRACT_NO_INDEX);
    size_t mentions = 0;
    for (size_t m = 0; m < r.n_source_mentions; m++)
        mentions += r.source_mentions[m].source == f->claimant;
    cr_expect_eq(mentions, 1, "%zu mentions of %s", mentions, r.sources[f->claimant].name);
    extract_result_free(&r);
}

/* "وأوضح المكتب" after OCHA, however it was named (its acronym alone; or
 * a full name with the UN in its genitive and the acronym in brackets):
 * OCHA, not the UN and no office of its own; "المكتب الأممي" too. */
Test(sources, the_office_after_ocha_is_ocha)
{
    static const claimant_case cases[] = {
        {"قال مكتب الأمم المتحدة المعني بتنسيق الشؤون الإنسانية (أوتشا) إن 7 آلاف شخص فروا "
         "من الضواحي.\nوأوضح المكتب أن 48 بئرا توقفت.",
         "48 بئرا", "مكتب تنسيق الشؤون الإنسانية", "un"},
        {"وقالت أوتشا إن 7 آلاف شخص فروا من الضواحي.\nوأوضح المكتب أن 48 بئرا توقفت.", "48 بئرا",
         "مكتب تنسيق الشؤون الإنسانية", "un"},
        {"وقالت أوتشا إن 7 آلاف شخص فروا من الضواحي.\nوأشار المكتب الأممي إلى تضرر 48 بئرا.",
         "48 بئرا", "مكتب تنسيق الشؤون الإنسانية", "un"},
        {"قالت وكالة الأونروا إن 11 موظفا قتلوا.\nوأضافت الوكالة الأممية أن 23 مدرسة تضررت.",
         "23 مدرسة", "الأونروا", "un"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "وكانت X قد أحصت": the subject of a pluperfect verb of counting stands
 * between كان and قد, a body or function read by its form there. */
Test(sources, the_subject_of_a_pluperfect_count)
{
    static const claimant_case cases[] = {
        {"عنوان\nطرابلس - الوسط\nتجددت الاشتباكات في ضواحي المدينة.\nوكانت السلطات قد أحصت "
         "61 قتيلا في الجولة السابقة.\n",
         "61 قتيلا", "السلطات", "government"},
        {"عنوان\nطرابلس - الوسط\nتجددت الاشتباكات في ضواحي المدينة.\nوكان مدير مستشفى "
         "الزهراء قد سجل 37 إصابة بالرصاص.\n",
         "37 إصابة", "مدير مستشفى الزهراء", "role"},
        {"عنوان\nطرابلس - الوسط\nتجددت الاشتباكات في ضواحي المدينة.\nوكانت هيئة الإغاثة "
         "المحلية قد وثقت نزوح 900 أسرة.\n",
         "900 أسرة", "هيئة الإغاثة المحلية", "government"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "الجيش الوطني" names no war: in a Syrian report it is the Turkish-backed
 * الجيش الوطني السوري, in a Yemeni one Yemen's army. */
Test(sources, the_national_army_by_the_report_s_war)
{
    static const claimant_case cases[] = {
        {"قال الجيش الوطني إن 14 عنصرا من قسد قتلوا في هجوم قرب مدينة جرابلس.", "14 عنصرا",
         "الجيش الوطني السوري", "armed_group"},
        {"سقطت قذائف على قرية قرب منبج.\nوقالت قوات الجيش الوطني إن 9 عناصر من قسد قتلوا.",
         "9 عناصر", "الجيش الوطني السوري", "armed_group"},
        {"قال الجيش الوطني إن 14 حوثيا قتلوا في هجوم على مواقعه غرب تعز.", "14 حوثيا",
         "الجيش اليمني", "military"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The publisher: a dateline, a signature line, "(OUTLET)" opening the text;
 * an outlet told is reporting itself, an agency told is only cited. */
typedef struct outlet_case {
    const char *doc, *outlet; /* outlet id, NULL: none; "outlet-": one read from the text */
} outlet_case;

static void check_outlets(const outlet_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        if (!cases[i].outlet)
            cr_expect_eq(r.outlet, EXTRACT_NO_INDEX, "in: %s", cases[i].doc);
        else if (r.outlet == EXTRACT_NO_INDEX)
            cr_expect_fail("no outlet in: %s", cases[i].doc);
        else if (cases[i].outlet[strlen(cases[i].outlet) - 1] == '-')
            /* "outlet-": one the list does not know, read from the text */
            cr_expect(strncmp(r.sources[r.outlet].id, cases[i].outlet, strlen(cases[i].outlet)) ==
                          0,
                      "outlet %s in: %s", r.sources[r.outlet].id, cases[i].doc);
        else
            cr_expect_str_eq(r.sources[r.outlet].id, cases[i].outlet, "in: %s", cases[i].doc);
        extract_result_free(&r);
    }
}

Test(sources, outlets_from_datelines)
{
    static const outlet_case cases[] = {
        {"دمشق - زمان الوصل\nقتل 4 مدنيين في قصف على بلدة معرة النعمان.\n", "zaman-al-wasl"},
        {"شبكة قدس\nأصيب 9 شبان برصاص الاحتلال في مدينة نابلس.\n", "quds-news-network"},
        {"متابعات - الترا سودان\nقتل 11 شخصا في قصف على مدينة الأبيض.\n", "ultra-sudan"},
        {"حلب (رويترز) - قتل 6 مدنيين في غارة على حي الشعار.\n", "reuters"},
        /* a date between the place and the bracket */
        {"دمشق، 12 آذار/مارس 2024 (أ ف ب) - قتل 14 مدنيا في غارات على سراقب.\n", "afp"},
        {"قتل 3 مدنيين في غارة على مدينة إدلب.\nسمارت - رصد\n", "smart"},
        {"وقال مصدر طبي لوكالة فرانس برس إن 8 أشخاص قتلوا.\n", NULL},
        {"وقال مصدر محلي لشبكة شام إن 8 أشخاص قتلوا.\n", "shaam-network"},
        /* an agency signed by its abbreviation; outlets of Sudan and Yemen */
        {"الموصل - واع\nقتل 3 جنود بانفجار عبوة ناسفة قرب المدينة.\n", "ina"},
        {"نيالا - سودان تربيون\nقتل 12 شخصا في قصف على سوق المدينة.\n", "sudan-tribune"},
        /* a reporter's byline is not an outlet */
        {"حلب - سامر العلي\nقتل 5 مدنيين في قصف على حي الشعار.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* "PLACE / REPORTER / OUTLET": the wire signs after its reporter's byline. */
Test(sources, an_outlet_signs_after_the_byline)
{
    static const outlet_case cases[] = {
        {"الموصل/ محمد الجبوري/ الأناضول\nقتل 9 من عناصر الشرطة في هجوم غربي الموصل.\n", "anadolu"},
        {"حلب - سامر العلي - زمان الوصل\nقتل 5 مدنيين في قصف على حي الشعار.\n", "zaman-al-wasl"},
        /* two names and no outlet; an outlet with more words after it */
        {"حلب - سامر العلي - أحمد حسن\nقتل 5 مدنيين في قصف على حي الشعار.\n", NULL},
        {"الموصل/ محمد الجبوري/ رويترز وكالات\nقتل 9 من عناصر الشرطة.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* Outlets of the region's papers and networks sign datelines; an agency's
 * own run-in dateline ("PLACE DATE X-") signs the report; an agency named
 * with its acronym in brackets inside a sentence is cited, not signing. */
Test(sources, outlets_of_the_region_and_run_in_datelines)
{
    static const outlet_case cases[] = {
        {"القامشلي - نورث برس\nقتل 4 مدنيين بقصف مدفعي على قرية قرب الحدود.\n", "north-press"},
        {"درعا - درعا 24\nقتل شابان برصاص مجهولين في بلدة طفس.\n", "daraa24"},
        {"الناصرة - عرب 48\nأصيب 6 شبان في مواجهات قرب الحاجز.\n", "arab48"},
        {"بيروت - \"النهار\"\nقتل 3 أشخاص في غارة على بلدة جنوبية.\n", "annahar"},
        {"عمّان - \"الغد\"\nقتل 7 أشخاص في قصف على سوق المدينة.\n", "alghad"},
        {"القاهرة - أ ش أ\nقتل 4 جنود في هجوم على كمين أمني.\n", "mena"},
        {"عدن (سبأنت) - قتل 5 جنود في هجوم على مواقع الجيش.\n", "saba"},
        {"جنين 4-5-2024 وفا- استشهد 3 شبان برصاص قوات الاحتلال.\n", "wafa"},
        {"طولكرم-وفا- أصيب 5 مواطنين برصاص الاحتلال في المخيم.\n", "wafa"},
        {"وذكرت وكالة الأنباء السعودية (واس) أن 4 جنود قتلوا في هجوم.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* "CITY - AGENCY -": the city of a dateline is a place, though its name
 * with an outlet noun is a paper's (صحيفة القدس); the word after the dash is
 * the outlet, an agency's short name (معا, Ma'an) read there and not as the
 * adverb elsewhere. */
Test(sources, the_city_of_a_dateline_is_no_outlet)
{
    static const outlet_case cases[] = {
        {"اعتقال خمسة شبان في الخليل\nالقدس - معا -\nاعتقلت قوات الاحتلال 5 شبان من بلدة "
         "بيت أمر.\n",
         "maan-news"},
        {"إصابات برصاص الاحتلال\nالقدس - معا - أصيب 7 شبان برصاص الاحتلال قرب قلقيلية.\n",
         "maan-news"},
        {"عنوان الخبر\nالقدس - وفا -\nهدمت قوات الاحتلال 3 منازل في بلدة سلوان.\n", "wafa"},
        /* the daily, written out, is still the daily */
        {"عنوان الخبر\nصحيفة القدس\nهدمت جرافات الاحتلال 6 منازل في سلوان.\n", "al-quds-daily"},
        /* the adverb: no outlet */
        {"وقال المسعفون إنهم نقلوا معًا 13 جريحا إلى مستشفى رفيديا.\n", NULL},
        /* a Khartoum daily named by an adjective, in the outlet's slot only */
        {"عنوان الخبر\nالخرطوم - السوداني\nقتل 8 مدنيين في قصف على سوق ليبيا.\n", "alsudani-daily"},
        {"وقال الجيش السوداني إن 8 مدنيين قتلوا في قصف على السوق.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* "PLACE - «X»": a name the list does not know, quoted after the place's
 * dash, is the outlet (a byline is never quoted); unquoted it may be a
 * reporter's. */
Test(sources, a_quoted_name_in_a_dateline_is_an_outlet)
{
    static const outlet_case cases[] = {
        {"دمشق - «الميزان»\nقتل 5 مدنيين في قصف على بلدة في ريف حماة.\n", "outlet-"},
        {"دمشق - الميزان\nقتل 5 مدنيين في قصف على بلدة في ريف حماة.\n", NULL},
        {"دمشق - \"سامر العلي\"\nقتل 5 مدنيين في قصف على بلدة في ريف حماة.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* The name in a dateline is one mention of the outlet, however many
 * rules read it. */
Test(sources, a_dateline_s_outlet_is_mentioned_once)
{
    static const char *const docs[] = {
        "جنيف - رويترز\nقال مسؤول إن 16 شخصا قتلوا في القصف.\n",
        "بيروت ـ أ ف ب\nقتل 5 أشخاص في غارة على جنوب لبنان.\n",
    };
    for (size_t c = 0; c < sizeof docs / sizeof docs[0]; c++) {
        extract_result r;
        run(docs[c], &r);
        cr_assert_neq(r.outlet, EXTRACT_NO_INDEX, "no outlet in: %s", docs[c]);
        size_t n = 0;
        for (size_t m = 0; m < r.n_source_mentions; m++)
            n += r.source_mentions[m].source == r.outlet;
        cr_expect_eq(n, 1, "%zu mentions of the outlet in: %s", n, docs[c]);
        extract_result_free(&r);
    }
}

/* The papers print a tatweel standing alone as the dash of a dateline. */
Test(sources, a_tatweel_separates_a_dateline)
{
    static const outlet_case cases[] = {
        {"بيروت ـ أ ف ب\nقتل 5 أشخاص في غارة على جنوب لبنان.\n", "afp"},
        {"دمشق ـ «القدس العربي»:\nقتل 12 مدنيا في قصف على الغوطة الشرقية.\n", "al-quds-al-arabi"},
        {"دمشق ـ زمان الوصل\nقتل 4 مدنيين في قصف على بلدة معرة النعمان.\n", "zaman-al-wasl"},
        /* a byline after it is no outlet, and a tatweel inside a word splits nothing */
        {"حلب ـ سامر العلي\nقتل 5 مدنيين في قصف على حي الشعار.\n", NULL},
        {"قتـــل 5 مدنيين في قصف على حي الشعار.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* How far a statement reaches: a country as a subject, before or after its
 * verb; a paragraph opened by a verb with a hidden subject continues the
 * last speaker; a sentence opened by كان recounts earlier events and is the
 * narrator's. */
Test(sources, scope_of_a_statement)
{
    static const claimant_case cases[] = {
        {"وكانت تركيا أعلنت أن 40 مسلحا قتلوا في الهجوم.", "40 مسلحا", "تركيا", "government"},
        {"وأعلنت روسيا أن 14 طائرة مسيرة أسقطت قرب القاعدة.", "14 طائرة", "روسيا", "government"},
        /* ... opening a clause joined by و, as headlines pair two parties' claims */
        {"الحوثيون يعلنون إسقاط مسيرة وأمريكا تقول إنها دمرت 6 صواريخ قبل إطلاقها\n\nنص.\n",
         "6 صواريخ", "أمريكا", "government"},
        {"حزب الله يعلن استهداف موقع، وإسرائيل تقول إنها قتلت 3 عناصر من الحزب.", "3 عناصر",
         "إسرائيل", "government"},
        {"حماس تنفي ومصر تعلن مقتل 4 مسلحين في سيناء\n\nنص.\n", "4 مسلحين", "مصر", "government"},
        {"الحوثيون يعلنون استهداف سفينتين والجيش الأمريكي يعلن إسقاط 7 مسيرات\n\nنص.\n", "7 مسيرات",
         "الجيش الأمريكي", "military"},
        /* ... not a country in a list before a verb with its own subject */
        {"وعلى الحدود بين لبنان وسوريا أعلن الجيش اللبناني توقيف 12 شخصا.", "12 شخصا",
         "الجيش اللبناني", NULL},
        {"وفي غزة وإسرائيل قال مسؤولون إن 12 شخصا قتلوا.", "12 شخصا", "مسؤولون", NULL},
        /* a body no list names before its verb, or before a colon in a headline */
        {"وكانت صحيفة “البلد” اليومية اللبنانية، ذكرت أن 6 مسلحين قتلوا.", "6 مسلحين",
         "صحيفة “البلد” اليومية اللبنانية", "outlet"},
        {"مديرية صحة درعا: 15 جريحا في قصف على مدينة درعا.\n", "15 جريحا", "مديرية صحة درعا",
         "government"},
        {"قال الدفاع المدني السوري إن فرقه تعمل في المدينة.\nوأضاف أن 9 أشخاص قتلوا في القصف.\n",
         "9 أشخاص", "الدفاع المدني السوري", NULL},
        {"قال الدفاع المدني السوري إن فرقه تعمل في المدينة.\nوكانت 12 عائلة نزحت من البلدة في "
         "الشهر "
         "الماضي.\n",
         "12 عائلة", "(none)", NULL},
        /* a quote inside a statement keeps its inner speaker to its end */
        {"وقال المرصد السوري لحقوق الإنسان إن \"مصادر طبية أفادت بمقتل 5 مدنيين\"، وإن 9 مقاتلين "
         "قتلوا أيضا.",
         "5 مدنيين", "مصادر طبية", NULL},
        {"وقال المرصد السوري لحقوق الإنسان إن \"مصادر طبية أفادت بمقتل 5 مدنيين\"، وإن 9 مقاتلين "
         "قتلوا أيضا.",
         "9 مقاتلين", "المرصد السوري لحقوق الإنسان", NULL},
        {"أعلن «جيش الفرقان» مقتل 11 عنصرا من القوات النظامية.", "11 عنصرا", "جيش الفرقان", NULL},
        /* a party set against the lead ("في حين أعلنت X") does not own it */
        {"قتل 13 شخصا في اشتباكات بريف دير الزور، في حين أعلن الجيش السوري استمرار عملياته.\n"
         "وقال المرصد السوري لحقوق الإنسان إن الاشتباكات مستمرة.\n",
         "13 شخصا", "المرصد السوري لحقوق الإنسان", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "وكان ... قد" inside the paragraph of a statement goes on with what the
 * speaker recounts (the guideline carries a speaker over the following
 * sentences of the same statement); opening a paragraph of its own, or
 * after a sentence no one is quoted in, it is the narrator's background. */
Test(sources, a_background_sentence_inside_a_statement)
{
    static const claimant_case cases[] = {
        {"قال المرصد السوري لحقوق الإنسان إن 7 مدنيين قتلوا في غارة على بلدة سرمين. وكانت غارة "
         "مماثلة قد أدت إلى مقتل 4 مدنيين في البلدة نفسها الأسبوع الماضي.\n",
         "4 مدنيين", "المرصد السوري لحقوق الإنسان", NULL},
        {"أعلنت مصادر طبية في تعز أن 3 مدنيين قتلوا برصاص قناص في حي الجحملية. وكان 5 أطفال قد "
         "أصيبوا برصاص القناصة في الحي ذاته يوم الجمعة.\n",
         "5 أطفال", "مصادر طبية", NULL},
        {"وقال الناطق باسم وزارة الداخلية العراقية إن 6 من عناصر الشرطة قتلوا في الهجوم. وكان "
         "قد قتل 2 من المهاجمين في اشتباك سابق.\n",
         "2 من المهاجمين", "الناطق باسم وزارة الداخلية العراقية", NULL},
        /* opening a paragraph, or after the narrator's own sentence */
        {"قال المرصد السوري لحقوق الإنسان إن 7 مدنيين قتلوا في غارة على بلدة سرمين.\nوكانت "
         "غارة مماثلة قد أدت إلى مقتل 4 مدنيين في البلدة الأسبوع الماضي.\n",
         "4 مدنيين", "(none)", NULL},
        {"قتل 5 أشخاص في قصف على مدينة دوما. وكان 3 أطفال قد قتلوا في قصف مماثل أمس.\n", "3 أطفال",
         "(none)", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A paragraph opened by "وكان ... قد" recounts the background; the
 * sentences after it that quote no one go on with it, not with the
 * article's first speaker (unless the text is a body's own release). */
Test(sources, a_background_paragraph_goes_on)
{
    static const claimant_case cases[] = {
        {"أعلن مصدر عسكري سوري أن الجيش حرر 10 مختطفين في البادية.\n\nوكان 15 مدنيا قد خطفوا "
         "في هجوم على قرية بريف حمص الشرقي في آب الماضي. وقتل في الهجوم نفسه 30 شخصا بينهم "
         "نساء.\n",
         "30 شخصا", "(none)", NULL},
        {"قال المتحدث باسم الجيش الليبي إن 8 مسلحين قتلوا في اشتباكات جنوب سرت.\nوكانت "
         "المعارك قد اندلعت قبل أسبوعين. وأصيب فيها 12 جنديا.\n",
         "12 جنديا", "(none)", NULL},
        /* a sentence of the paragraph that quotes someone is theirs, and a
         * paragraph after it is the statement's again */
        {"أعلن مصدر عسكري سوري أن الجيش حرر 10 مختطفين.\nوكان 15 مدنيا قد خطفوا في آب الماضي. "
         "وبحسب مصادر محلية فإن 4 من المخطوفين ما زالوا مفقودين.\n",
         "4 من المخطوفين", "مصادر محلية", NULL},
        {"قال المتحدث باسم الجيش الليبي إن 8 مسلحين قتلوا في اشتباكات جنوب سرت.\nوكانت "
         "المعارك قد اندلعت قبل أسبوعين.\nوأضاف أن 12 جنديا أصيبوا.\n",
         "12 جنديا", "المتحدث باسم الجيش الليبي", NULL},
        /* a body's own release, no outlet signing it: its background is its own */
        {"أعلنت منظمة الصحة العالمية أن 4 مستشفيات تعرضت للقصف في إدلب.\nوكانت المستشفيات "
         "تخدم آلاف المرضى. وترك القصف أكثر من 3000 مريض دون رعاية.\n",
         "3000 مريض", "منظمة الصحة العالمية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The preposition لـ standing alone after a body's name opens whom the
 * statement was told: the name ends before it, unless a participle of
 * affiliation leads into it ("التابع لـ"). */
Test(sources, a_name_ends_before_whom_it_was_told)
{
    static const claimant_case cases[] = {
        {"وقال مصدر طبي في مستشفى الشفاء لـ«العربي الجديد» إن 14 شهيدا وصلوا إلى المستشفى.",
         "14 شهيدا", "مصدر طبي في مستشفى الشفاء", NULL},
        {"وقالت منظمة أطباء بلا حدود لـ\"الأناضول\" إن 23 جريحا نقلوا إلى مستشفى ناصر.", "23 جريحا",
         "أطباء بلا حدود", NULL},
        /* the party a hospital belongs to is still its name */
        {"وقال مدير مستشفى الرازي التابع لـ\"الهلال الأحمر\" إن 9 جرحى وصلوا إلى المستشفى.",
         "9 جرحى", "مدير مستشفى الرازي التابع لـ\"الهلال الأحمر\"", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An outlet the list does not know (or does), named by a dateline whose
 * order tells it from a byline. */
Test(sources, unknown_outlets_from_datelines)
{
    static const struct {
        const char *doc, *outlet; /* the outlet's name */
    } cases[] = {
        {"متابعات - النهار العربي\nقتل 5 مدنيين في قصف على مدينة إدلب.\n", "النهار العربي"},
        {"صدى الشام - حلب\nقتل 5 مدنيين في قصف على حي الشعار.\n", "صدى الشام"},
        {"حماة _ نبض الوطن\nقتل 5 مدنيين في قصف على مدينة حماة.\n", "نبض الوطن"},
        /* a site's address in the dateline */
        {"كتب سامر خليل - midan24. Net\nقتل 5 مدنيين في قصف على مدينة إدلب.\n", "midan24"},
        /* told by a speaker, in quotes: its own reporting */
        {"وقال مصدر محلي لـ\"صدى الجنوب\" إن 4 مدنيين قتلوا في القصف.\n", "صدى الجنوب"},
        /* a dateline run into the report, the outlet quoted before the colon */
        {"بيروت ـ «الأفق»: قتل 5 أشخاص في غارة على بلدة في الجنوب.\n", "الأفق"},
        {"عدن - \"صوت الساحل\": قتل 4 جنود في هجوم على معسكر.\n", "صوت الساحل"},
        /* ... on the line after the headline */
        {"مقتل 6 مدنيين في قصف على سوق\n\nحمص - «المرصد اليومي»: قتل 6 مدنيين في قصف على "
         "سوق المدينة.\n",
         "المرصد اليومي"},
        /* digits glued to its name are part of it */
        {"نيالا - «كردفان24»: قتل 6 مدنيين في قصف على سوق المدينة.\n", "كردفان24"},
        /* a name that opens with a place is no reporter's, quoted or not */
        {"سبها - ليبيا الغد\nقتل 6 مدنيين في قصف على سوق المدينة.\n", "ليبيا الغد"},
        {"الجنينة - كردفان24\nقتل 6 مدنيين في قصف على سوق المدينة.\n", "كردفان24"},
        /* ... or a known outlet, quoted or not */
        {"القاهرة - بوابة الأهرام: أعلنت وزارة الصحة مقتل 7 أشخاص في الحادث.\n", "صحيفة الأهرام"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        if (r.outlet == EXTRACT_NO_INDEX)
            cr_expect_fail("no outlet in: %s", cases[i].doc);
        else {
            cr_expect_str_eq(r.sources[r.outlet].name, cases[i].outlet, "in: %s", cases[i].doc);
            cr_expect_str_eq(r.sources[r.outlet].kind, "outlet");
        }
        extract_result_free(&r);
    }
}

/* ... but a name after the place and dash that is not quoted may be the
 * reporter's: no outlet. */
Test(sources, an_unquoted_name_after_a_dateline_is_no_outlet)
{
    extract_result r;
    const char *doc = "دمشق - سامر خليل: قتل 4 جنود في هجوم على حاجز.\n";
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    cr_expect_eq(r.outlet, EXTRACT_NO_INDEX, "an outlet in: %s", doc);
    extract_result_free(&r);
    /* nor is a place after a place: where the report was filed, twice */
    static const char *const places[] = {
        "حماة - سوريا\nقتل 4 جنود في هجوم على حاجز.\n",
        "صور - جنوب لبنان\nقتل 4 أشخاص في غارة على بلدة.\n",
    };
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        cr_assert_eq(extract_document(model, places[i], strlen(places[i]), &r), 0);
        cr_expect_eq(r.outlet, EXTRACT_NO_INDEX, "an outlet in: %s", places[i]);
        extract_result_free(&r);
    }
}

/* A person named with the function he holds: after the name and a comma,
 * after a spokesman's party, or relayed by his party. */
Test(sources, persons_and_their_functions)
{
    static const claimant_case cases[] = {
        {"وقالت سلمى الخطيب، مديرة البرامج في المنظمة، إن 60 طفلا قتلوا.", "60 طفلا", "سلمى الخطيب",
         "person"},
        {"وقال المتحدث باسم قوات سوريا الديمقراطية جوان ريناس خلال مؤتمر صحفي إن 70 مسلحا "
         "استسلموا.",
         "70 مسلحا", "جوان ريناس", "person"},
        /* before the verb, with his function between */
        {"وكان سامر الجمعة رئيس اللجنة المحلية في البلدة قد صرح بأن 51 مدنيا قتلوا.", "51 مدنيا",
         "سامر الجمعة", "person"},
        /* a name ends where a function begins: قائم مقام */
        {"كما أفاد هشام داود قائم مقام القضاء، بأن 13 مدنيا قتلوا في القصف.", "13 مدنيا",
         "هشام داود", "person"},
        /* a long function, then the name, begun after a place */
        {"وقال قائد الشرطة العسكرية التابعة للجيش السوري في درعا ناجي بوحمدان في تصريحات، إن 22 "
         "عنصرا قتلوا.",
         "22 عنصرا", "ناجي بوحمدان", "person"},
        {"تصريح صادر عن منظمة أطباء العالم بشأن 45 مستشفى تعرضت للقصف.", "45 مستشفى",
         "منظمة أطباء العالم", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The preposition على is not the given name علي it folds to. */
Test(sources, a_preposition_is_no_name)
{
    extract_result r;
    const char *doc = "وأعلنت على حساباتها الرسمية مقتل 6 عناصر.";
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    for (size_t i = 0; i < r.n_sources; i++)
        cr_expect(strcmp(r.sources[i].kind, "person") != 0, "no person: %s", r.sources[i].name);
    extract_result_free(&r);
}

/* Unnamed speakers keep the adjectives that say who they are. */
Test(sources, unnamed_speakers_and_their_adjectives)
{
    static const claimant_case cases[] = {
        {"وقال سكان محليون إن 6 قذائف سقطت على الحي.", "6 قذائف", "سكان محليون", "anonymous"},
        {"وقال ناشطون سوريون إن 19 معتقلا أفرج عنهم.", "19 معتقلا", "ناشطون سوريون", "activists"},
        {"وأفادت مصادر حقوقية بمقتل 8 أشخاص في المدينة.", "8 أشخاص", "مصادر حقوقية", "anonymous"},
        {"وأعلن مصدر أمني كردي أن 5 أشخاص قتلوا.", "5 أشخاص", "مصدر أمني كردي", "anonymous"},
        {"وقال مسؤول في وزارة الزراعة لوكالة رويترز إن 7 مدنيين قتلوا.", "7 مدنيين",
         "مسؤول في وزارة الزراعة", "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A text that quotes nobody and names no publisher, whose lead's subject is
 * a body reporting its own work, is that body's release; an army acting in
 * the lead is reported on, and the figures stay unattributed. */
Test(sources, a_release_is_its_author_s_statement)
{
    static const claimant_case cases[] = {
        {"تمكنت منظمة الأمل الإنسانية من نزع 310 ألغام في ريف إدلب خلال الأسبوع الماضي.\n"
         "ونزعت فرقها 12 عبوة ناسفة في مدينة سراقب.\n",
         "12 عبوة", "منظمة الأمل الإنسانية", NULL},
        {"قصف الجيش السوري بلدة كفرنبل بأكثر من 40 قذيفة مدفعية.\n", "40 قذيفة", "(none)", NULL},
        /* a body's head after a number is what it counts, not the author */
        {"قصف الطيران 3 مستشفيات و5 مدارس في المدينة خلال يوم واحد.\n", "3 مستشفيات", "(none)",
         NULL},
        {"خرج 17 مستشفى عن الخدمة في القطاع بسبب نفاد الوقود.\n", "17 مستشفى", "(none)", NULL},
        {"استقبل مستشفى الشفاء 40 جريحا خلال ساعات.\n", "40 جريحا", "مستشفى الشفاء", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A source the list does not know speaks for the party it is placed in, and
 * so takes that party's bloc; one placed in none has none. */
Test(sources, a_discovered_source_takes_its_party_s_bloc)
{
    static const struct {
        const char *doc, *needle, *claimant, *bloc; /* bloc NULL: none */
    } cases[] = {
        {"وقال مصدر في حزب الله إن 7 من مقاتلي الحزب قتلوا قرب القصير.", "7 من", "مصدر في حزب الله",
         "sy.government"},
        {"وقال قيادي في قوات الدعم السريع إن 40 جنديا قتلوا في الهجوم على الفاشر.", "40 جنديا",
         "قيادي في قوات الدعم السريع", "sd.rsf"},
        {"وقال مصدر عسكري إن 12 مسلحا قتلوا في الاشتباكات.", "12 مسلحا", "مصدر عسكري", NULL},
        /* a spokesman named after his party's name speaks for its bloc */
        {"وقال المتحدث باسم قوات سوريا الديمقراطية جوان ريناس إن 70 مسلحا قتلوا.", "70 مسلحا",
         "جوان ريناس", "sy.sdf"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        const extract_figure *f = figure_with(&r, cases[i].needle);
        cr_assert_not_null(f, "no figure with \"%s\" in: %s", cases[i].needle, cases[i].doc);
        cr_assert_neq(f->claimant, EXTRACT_NO_INDEX, "no claimant in: %s", cases[i].doc);
        const extract_source *s = &r.sources[f->claimant];
        cr_expect_str_eq(s->name, cases[i].claimant, "in: %s", cases[i].doc);
        if (cases[i].bloc)
            cr_expect(s->bloc && !strcmp(s->bloc, cases[i].bloc), "%s: bloc %s, want %s", s->name,
                      s->bloc ? s->bloc : "(none)", cases[i].bloc);
        else
            cr_expect_null(s->bloc, "%s: bloc %s, want none", s->name, s->bloc);
        extract_result_free(&r);
    }
}

/* The source of r named `name`, or NULL. */
static const extract_source *source_named(const extract_result *r, const char *name)
{
    for (size_t i = 0; i < r->n_sources; i++)
        if (!strcmp(r->sources[i].name, name))
            return &r->sources[i];
    return NULL;
}

static bool has_source_id(const extract_result *r, const char *id)
{
    for (size_t i = 0; i < r->n_sources; i++)
        if (!strcmp(r->sources[i].id, id))
            return true;
    return false;
}

/* The figure of doc with needle in its span is claimed by a source named
 * claimant, of bloc (NULL: of none). */
static void expect_claimant(const extract_result *r, const char *doc, const char *needle,
                            const char *claimant, const char *bloc)
{
    const extract_figure *f = figure_with(r, needle);
    cr_assert_not_null(f, "no figure with \"%s\" in: %s", needle, doc);
    cr_assert_lt(f->claimant, r->n_sources, "no claimant in: %s", doc);
    const extract_source *s = &r->sources[f->claimant];
    cr_expect_str_eq(s->name, claimant, "in: %s", doc);
    if (bloc)
        cr_expect(s->bloc && !strcmp(s->bloc, bloc), "%s: bloc %s, want %s", s->name,
                  s->bloc ? s->bloc : "(none)", bloc);
    else
        cr_expect_null(s->bloc, "%s: bloc %s, want none", s->name, s->bloc);
}

/* The list binds common nouns of one war's reporting to a party of it
 * (المسلحين, الجماعات المسلحة: the Syrian opposition; ناشطون معارضون,
 * وسائل إعلام موالية likewise). In a report of another war, told by where
 * its figures lie, the words name that war's armed men, activists or
 * media: merely named, they are no party; speaking, they are a party named
 * as the text writes it, of no bloc. Where no figure tells the war, as
 * before. */
Test(sources, a_generic_party_only_in_its_war)
{
    static const struct {
        const char *doc;
        const char *generic; /* the list's generic party that must remain, or NULL: none */
        const char *needle;  /* a figure, and its claimant: */
        const char *claimant;
        const char *bloc; /* the claimant's bloc, NULL: none */
    } cases[] = {
        /* named before the speaker: what follows it is renumbered */
        {"اشتبكت قوات الحكومة مع المسلحين جنوب سرت، وقال مصدر عسكري إن 15 عنصرا من القوات قتلوا.",
         NULL, "15 عنصرا", "مصدر عسكري", NULL},
        {"وأفادت مصادر أمنية بمقتل 4 جنود لبنانيين في اشتباك مع الجماعات المسلحة في مخيم عين "
         "الحلوة قرب صيدا.",
         NULL, "4 جنود", "مصادر أمنية", NULL},
        {"وقالت الجماعات المسلحة في بيان إنها قتلت 20 جنديا في هجوم على مدينة الفاشر.", NULL,
         "20 جنديا", "الجماعات المسلحة", NULL},
        {"وقال ناشطون معارضون إن 8 مدنيين قتلوا بقصف على مدينة الموصل.", NULL, "8 مدنيين",
         "ناشطون معارضون", NULL},
        {"وذكرت وسائل إعلام موالية أن 9 مقاتلين قتلوا في بنغازي.", NULL, "9 مقاتلين",
         "وسائل إعلام موالية", NULL},
        /* named first, then speaking under other words of the list: the
         * party is named as it speaks */
        {"اشتبكت قوات الحكومة مع المسلحين جنوب سرت. وقالت الجماعات المسلحة إنها قتلت 20 جنديا "
         "في سرت.",
         NULL, "20 جنديا", "الجماعات المسلحة", NULL},
        /* counter-examples: a report of the war itself, and one whose war
         * no figure tells */
        {"وقالت مصادر محلية إن 6 مدنيين قتلوا بقصف للمسلحين على أحياء حلب الغربية.",
         "opposition-generic", "6 مدنيين", "مصادر محلية", NULL},
        {"وقال ناشطون معارضون إن 8 مدنيين قتلوا بقصف على مدينة إدلب.", "opposition-activists",
         "8 مدنيين", "ناشطون معارضون", "sy.opposition"},
        {"قال مصدر أمني إن 3 عناصر قتلوا في هجوم للمسلحين.", "opposition-generic", "3 عناصر",
         "مصدر أمني", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        static const char *const generics[] = {"opposition-generic", "opposition-activists",
                                               "media-generic-government"};
        for (size_t g = 0; g < sizeof generics / sizeof generics[0]; g++)
            cr_expect_eq(has_source_id(&r, generics[g]),
                         cases[i].generic && !strcmp(cases[i].generic, generics[g]), "%s in: %s",
                         generics[g], cases[i].doc);
        for (size_t m = 0; m < r.n_source_mentions; m++)
            cr_assert_lt(r.source_mentions[m].source, r.n_sources);
        expect_claimant(&r, cases[i].doc, cases[i].needle, cases[i].claimant, cases[i].bloc);
        extract_result_free(&r);
    }
}

/* A name of a party of one war that names no war (sources.tsv column
 * local: القوات الحكومية، القيادة العامة للقوات المسلحة) is that party only
 * in a report of its war: elsewhere it is dropped when merely named, and
 * named as written, of no bloc, when it speaks. */
Test(sources, a_name_of_no_war_only_in_its_war)
{
    static const struct {
        const char *doc;
        const char *present, *absent; /* source ids, NULL: none */
        const char *needle;           /* a figure, and its claimant: */
        const char *claimant;
        const char *bloc; /* the claimant's bloc, NULL: none */
    } cases[] = {
        {"وقالت مصادر محلية إن 5 مدنيين قتلوا في اشتباكات بين القوات الحكومية والحوثيين في "
         "مدينة تعز.",
         NULL, "syrian-army", "5 مدنيين", "مصادر محلية", NULL},
        {"وقالت القيادة العامة للقوات المسلحة في بيان إنها قتلت 40 عنصرا من قوات الدعم السريع "
         "في الفاشر.",
         NULL, "syrian-army-general-command", "40 عنصرا", "القوات المسلحة السودانية", "sd.saf"},
        {"وأعلن الجيش النظامي مقتل 7 من عناصره في اشتباكات جنوب مدينة سرت.", NULL, "syrian-army",
         "7 من عناصره", "الجيش النظامي", NULL},
        {"وقالت المخابرات العسكرية إن 6 مسلحين قتلوا في غارة قرب مدينة الموصل.", NULL,
         "military-intelligence", "6 مسلحين", "المخابرات العسكرية", NULL},
        /* counter-examples: a report of the party's own war, one whose war
         * nothing tells, and a name that names the war in another's report */
        {"وقالت مصادر محلية إن 5 مدنيين قتلوا في اشتباكات بين القوات الحكومية والمسلحين في "
         "ريف حماة.",
         "syrian-army", NULL, "5 مدنيين", "مصادر محلية", NULL},
        {"وقالت القوات الحكومية إن 5 مسلحين قتلوا في الاشتباكات.", "syrian-army", NULL, "5 مسلحين",
         "الجيش السوري", "sy.government"},
        {"وقالت القوات الحكومية السورية إن 9 عناصر من الحشد الشعبي قتلوا قرب مدينة الموصل.",
         "syrian-army", NULL, "9 عناصر", "الجيش السوري", "sy.government"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        if (cases[i].present)
            cr_expect(has_source_id(&r, cases[i].present), "no %s in: %s", cases[i].present,
                      cases[i].doc);
        if (cases[i].absent)
            cr_expect(!has_source_id(&r, cases[i].absent), "%s in: %s", cases[i].absent,
                      cases[i].doc);
        expect_claimant(&r, cases[i].doc, cases[i].needle, cases[i].claimant, cases[i].bloc);
        extract_result_free(&r);
    }
}

/* A report that counts nothing tells its war by the places it names: the
 * generic party of one war and the bare civil defence are read by them. */
Test(sources, the_war_of_a_report_that_counts_nothing)
{
    static const struct {
        const char *doc;
        const char *present, *absent; /* source ids */
    } cases[] = {
        {"واندلعت اشتباكات عنيفة بين قوات الجيش والمسلحين في مدينة درنة.", NULL,
         "opposition-generic"},
        {"وقال الدفاع المدني إن طواقمه تواصل العمل في خان يونس رغم القصف.",
         "palestinian-civil-defence", "syria-civil-defence"},
        /* counter-examples: a report of the war itself, one that names no
         * place */
        {"واندلعت اشتباكات عنيفة بين قوات النظام والمسلحين في ريف حماة.", "opposition-generic",
         NULL},
        {"وقال الدفاع المدني إن طواقمه تواصل العمل في ريف إدلب رغم القصف.", "syria-civil-defence",
         NULL},
        {"واندلعت اشتباكات عنيفة بين قوات الجيش والمسلحين.", "opposition-generic", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        if (cases[i].present)
            cr_expect(has_source_id(&r, cases[i].present), "no %s in: %s", cases[i].present,
                      cases[i].doc);
        if (cases[i].absent)
            cr_expect(!has_source_id(&r, cases[i].absent), "%s in: %s", cases[i].absent,
                      cases[i].doc);
        extract_result_free(&r);
    }
}

/* A name tried where an outlet may stand and refused is no source of the
 * document: "وأم" in a list of villages opening the text reads as وام (the
 * Emirates' agency) until the dateline rule refuses it. Every source
 * listed is named somewhere; the agency named is still one. */
Test(sources, a_name_tried_and_refused_is_no_source)
{
    static const struct {
        const char *doc;
        bool wam;
    } cases[] = {
        {"قصفت المدفعية (الحارة وأم المياذن ونصيب) بريف درعا، بحسب ناشطين.", false},
        {"وقالت وكالة أنباء الإمارات (وام) إن 3 جنود إماراتيين قتلوا في مأرب.", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        cr_expect_eq(has_source_id(&r, "wam"), cases[i].wam, "wam in: %s", cases[i].doc);
        for (size_t s = 0; s < r.n_sources; s++) {
            bool named = false;
            for (size_t m = 0; m < r.n_source_mentions; m++)
                named |= r.source_mentions[m].source == s;
            cr_expect(named, "%s without a mention in: %s", r.sources[s].id, cases[i].doc);
        }
        extract_result_free(&r);
    }
}

/* A speaker of a generic party of another war ("متحدث باسم الفصائل
 * المسلحة") speaks for a party of that text, not for the war the list
 * binds the words to. */
Test(sources, a_generic_party_s_speaker_in_another_war)
{
    extract_result r;
    run("وقال متحدث باسم الفصائل المسلحة إن 20 جنديا قتلوا في هجوم على مدينة الفاشر.", &r);
    const extract_source *party = source_named(&r, "الفصائل المسلحة");
    const extract_source *speaker = source_named(&r, "متحدث باسم الفصائل المسلحة");
    cr_assert_not_null(party);
    cr_assert_not_null(speaker);
    cr_expect_null(party->bloc);
    cr_expect_str_eq(party->affiliation, "unknown");
    cr_expect_str_neq(party->id, "opposition-generic");
    cr_assert_not_null(speaker->parent_id);
    cr_expect_str_eq(speaker->parent_id, party->id);
    cr_expect_null(speaker->bloc);
    extract_result_free(&r);
}

/* النظام names the Syrian government only as the owner of a counted noun
 * ("عناصر النظام"); elsewhere it is an ordinary word. */
Test(sources, an_owner_name_only_after_a_counted_noun)
{
    static const struct {
        const char *doc;
        bool regime;
    } cases[] = {
        {"وقال المرصد إن 12 من عناصر النظام قتلوا في ريف حماة.", true},
        {"وقال المرصد إن 12 من قتلى النظام سقطوا في ريف حماة.", true},
        {"وأضاف أن النظام الداخلي للمجلس لم يتغير منذ 2012.", false},
        {"وقالت الهيئة إن النظام الانتخابي الجديد يضم 40 مقعدا.", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        bool found = false;
        for (size_t k = 0; k < r.n_sources; k++)
            found |= strcmp(r.sources[k].id, "syrian-regime") == 0;
        cr_expect_eq(found, cases[i].regime, "syrian-regime %s in: %s", found ? "found" : "missed",
                     cases[i].doc);
        extract_result_free(&r);
    }
}

/* An outlet's name that is also a place's (الجزيرة: the Gezira state of
 * Sudan, the Jazira of Syria and Iraq, the Arabian peninsula) names the
 * place after a noun of a region or province (ولاية، إقليم، منطقة، شبه)
 * or its dual or plural (ولايتي، محافظات);
 * elsewhere it stays the outlet. */
Test(sources, an_outlet_s_name_after_a_region_noun_is_the_place)
{
    static const struct {
        const char *doc;
        bool outlet;
    } cases[] = {
        {"وقالت لجان المقاومة إن 40 شخصا قتلوا في قرية بولاية الجزيرة وسط السودان.", false},
        {"وأفاد ناشطون بنزوح 600 عائلة من قرى منطقة الجزيرة السورية.", false},
        {"وقال المرصد إن 5 مدنيين قتلوا في قصف على قرية في إقليم الجزيرة.", false},
        /* the dual or plural heads a list of places */
        {"وقالت منظمة إغاثية إن 30 شخصا قتلوا في هجمات على قرى في ولايتي الجزيرة وسنار.", false},
        {"وأفادت الأمم المتحدة بنزوح 2000 أسرة من محافظات الجزيرة والنيل الأبيض.", false},
        /* after any word that introduces a place, though the gazetteer
         * knows the state only as "ولاية الجزيرة" */
        {"وقال شهود إن قوات الدعم السريع اقتحمت 4 قرى شرق الجزيرة.", false},
        {"وأفاد ناشطون بمقتل 13 شخصا في قرية بريف الجزيرة.", false},
        {"وقال مسؤول محلي لقناة الجزيرة إن 7 مدنيين قتلوا في ولاية سنار.", true},
        {"وأفادت الجزيرة بمقتل 9 مدنيين في قصف على مدينة الفاشر.", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        cr_expect_eq(has_source_id(&r, "aljazeera"), cases[i].outlet, "aljazeera in: %s",
                     cases[i].doc);
        extract_result_free(&r);
    }
}

/* An outlet named after a town (الميادين, the channel and the town of Deir
 * ez-Zor) names the town after a word that introduces a place (مدينة، بلدة،
 * أحياء، ريف، شرق); as a speaker or after قناة it stays the outlet. */
Test(sources, an_outlet_s_name_after_a_place_word_is_the_town)
{
    static const struct {
        const char *doc;
        bool outlet;
    } cases[] = {
        {"قتل 6 عناصر من الميليشيات في غارة على مدينة الميادين شرقي دير الزور.", false},
        {"وأصيب 3 أطفال بانفجار لغم في بلدة الميادين صباح اليوم.", false},
        {"وقال ناشطون إن القصف طال أحياء الميادين وأوقع 4 قتلى.", false},
        {"ونزحت 200 عائلة من ريف الميادين نحو الحسكة.", false},
        {"وقالت قناة الميادين إن 5 أشخاص قتلوا في غارة على بلدة الخيام.", true},
        {"وأفادت الميادين بسقوط 4 شهداء في قصف على مدينة بنت جبيل.", true},
        {"وقال مراسل الميادين إن 8 جرحى نقلوا إلى مستشفى صور.", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        cr_expect_eq(has_source_id(&r, "al-mayadeen"), cases[i].outlet, "al-mayadeen in: %s",
                     cases[i].doc);
        extract_result_free(&r);
    }
}

/* مسؤول before عن is "responsible for", not an official who speaks:
 * "الحوثيون مسؤولون عن 20 ضحية" names no source; the subject of a
 * reporting verb still speaks ("قال مسؤول عن الملف"). */
Test(sources, responsible_for_is_no_official)
{
    static const struct {
        const char *doc;
        bool official;
    } cases[] = {
        {"وأوضح التقرير أن الحوثيين مسؤولون عن 20 ضحية خلال الشهر.", false},
        {"وقالت المنظمة إن القوات الحكومية مسؤولة عن مقتل 8 مدنيين.", false},
        {"وقال مسؤول عن الملف الإنساني إن 300 عائلة نزحت من البلدة.", true},
        {"وقال مسؤول محلي إن 300 عائلة نزحت من البلدة.", true},
        {"وقال مسؤولون إن 12 مدنيا قتلوا في القصف.", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        bool found = false;
        for (size_t k = 0; k < r.n_sources; k++)
            found |= strstr(r.sources[k].name, "مسؤول") != NULL;
        cr_expect_eq(found, cases[i].official, "an official %s in: %s", found ? "found" : "missed",
                     cases[i].doc);
        extract_result_free(&r);
    }
}

/* A civil defence named in full and then bare ("الدفاع المدني في غزة" ...
 * "وأضاف الدفاع المدني"): the bare name repeats the one named, not the
 * list's civil defence of another war. */
Test(sources, a_bare_civil_defence_repeats_the_one_named)
{
    static const struct {
        const char *doc;
        const char *needle, *claimant;
    } cases[] = {
        {"قال الدفاع المدني في غزة إن 20 فلسطينيا قتلوا في غارات على مدينة غزة. وأضاف الدفاع "
         "المدني أن طواقمه انتشلت جثامين 4 أشخاص في خان يونس.",
         "4 أشخاص", "الدفاع المدني الفلسطيني"},
        {"وقال الدفاع المدني اللبناني إن 3 مسعفين أصيبوا في غارة على صور. وأفاد الدفاع المدني "
         "بإصابة 5 مدنيين في النبطية.",
         "5 مدنيين", "الدفاع المدني اللبناني"},
        /* counter-example: in the war of the list's own, it stays */
        {"وقال الدفاع المدني السوري إن 6 مدنيين قتلوا في إدلب. وأضاف الدفاع المدني أن 9 آخرين "
         "أصيبوا في أريحا.",
         "9 آخرين", "الدفاع المدني السوري"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        const extract_figure *f = figure_with(&r, cases[i].needle);
        cr_assert_not_null(f, "no figure with \"%s\" in: %s", cases[i].needle, cases[i].doc);
        cr_assert_lt(f->claimant, r.n_sources, "no claimant in: %s", cases[i].doc);
        cr_expect_str_eq(r.sources[f->claimant].name, cases[i].claimant, "in: %s", cases[i].doc);
        size_t n_cd = 0;
        for (size_t k = 0; k < r.n_sources; k++)
            n_cd += !strcmp(r.sources[k].kind, "civil_defence");
        cr_expect_eq(n_cd, 1, "%zu civil defences in: %s", n_cd, cases[i].doc);
        extract_result_free(&r);
    }
}

/* مصدر before a definite noun is the origin of something ("مصدر
 * الانفجار", "مصادر النيران"), no unnamed source; one that belongs to a
 * party ("مصادر المعارضة") or speaks still is. */
Test(sources, the_origin_of_a_thing_is_no_source)
{
    static const struct {
        const char *doc;
        bool source;
    } cases[] = {
        {"وقالت القوة في بيان إنها تحقق في مصدر الانفجار الذي أصاب 4 من جنودها.", false},
        {"ولم تحدد الشرطة مصدر النيران التي قتلت 3 مدنيين.", false},
        {"وأفاد مصدر طبي بمقتل 3 مدنيين في القصف.", true},
        {"وقال مصدر إن 3 مدنيين قتلوا في القصف.", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        run(cases[i].doc, &r);
        bool found = false;
        for (size_t k = 0; k < r.n_sources; k++)
            found |= strstr(r.sources[k].name, "مصدر") != NULL;
        cr_expect_eq(found, cases[i].source, "a source %s in: %s", found ? "found" : "missed",
                     cases[i].doc);
        extract_result_free(&r);
    }
}

/* The coalition's planes are the Saudi-led coalition's when the text says
 * who leads it, the US-led one's when it does not. */
Test(sources, the_coalition_by_its_leader)
{
    extract_result r;
    const char *yemen = "وشن طيران التحالف بقيادة السعودية 18 غارة على مواقع الحوثيين.";
    cr_assert_eq(extract_document(model, yemen, strlen(yemen), &r), 0);
    cr_expect(has_source_id(&r, "saudi-coalition"));
    cr_expect_not(has_source_id(&r, "coalition"));
    extract_result_free(&r);
    const char *syria = "وشن طيران التحالف 18 غارة على مواقع التنظيم في الرقة.";
    cr_assert_eq(extract_document(model, syria, strlen(syria), &r), 0);
    cr_expect(has_source_id(&r, "coalition"));
    extract_result_free(&r);
}

/* A party that claims an attack (تبنى) asserts the attack, not its toll: the
 * toll stays with who gives it, a "بحسب" after it or the outlet; what the
 * party goes on to say itself is its own. */
Test(sources, a_claim_of_an_attack_is_not_its_toll)
{
    static const claimant_case cases[] = {
        {"مقديشو (رويترز) - تبنت حركة الشباب الهجوم على قاعدة عسكرية جنوبي البلاد، والذي "
         "أسفر عن مقتل 15 جنديا بحسب الجيش الصومالي.",
         "15 جنديا", "الجيش الصومالي", NULL},
        {"باماكو (الأناضول) - تبنى تنظيم داعش الهجوم الذي استهدف دورية للجيش قرب ميناكا "
         "وأوقع 9 قتلى في صفوفها، وفق مصادر أمنية.",
         "9 قتلى", "مصادر أمنية", NULL},
        {"مقديشو (رويترز) - تبنت حركة الشباب تفجير سيارة مفخخة قرب مقر حكومي أودى بحياة 7 "
         "أشخاص.",
         "7 أشخاص", "رويترز", NULL},
        /* what the claimer says itself */
        {"وتبنت كتائب القسام في بيان مقتضب تفجير عبوة ناسفة بقوة إسرائيلية شرق خان يونس، "
         "مؤكدة إصابة 5 جنود.",
         "5 جنود", "كتائب القسام", NULL},
        {"بغداد - تبنى تنظيم داعش الهجوم، وقال إن مقاتليه قتلوا 12 عنصرا من الحشد الشعبي.",
         "12 عنصرا", "تنظيم الدولة الإسلامية", NULL},
        {"أعلنت كتائب القسام تبنيها عملية تفجير نفق أسفرت عن مقتل 4 جنود إسرائيليين في رفح.",
         "4 جنود", "كتائب القسام", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An outlet told between quotation marks is told all the same: the publisher
 * reporting itself; an agency told, quoted or not, is only cited. */
Test(sources, an_outlet_told_between_quotation_marks)
{
    static const outlet_case cases[] = {
        {"وقال مصدر طبي لـ«العربي الجديد» إن 4 أشخاص قتلوا في قصف على حي الشجاعية.",
         "al-araby-al-jadeed"},
        {"وأوضح مسؤول محلي لـ\"العربي الجديد\" أن 60 عائلة نزحت من القرية.", "al-araby-al-jadeed"},
        {"وأكد قيادي في الفصيل لـ«الجزيرة نت» أن مقاتليه أسروا 3 عناصر.", "aljazeera"},
        /* after the speaker's place */
        {"وقال مصدر محلي في مدينة سرت لـ«بوابة الوسط» إن 3 عناصر من الشرطة قتلوا.",
         "alwasat-libya"},
        {"وقال مصدر أمني لـ\"فرانس برس\" إن 4 أشخاص قتلوا في الانفجار.", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* "نقلت وكالة X (ABBR) عن Y قوله": the relaying agency's abbreviation in
 * brackets stands between it and عن; the claimant is still whom it relays. */
Test(sources, a_relay_past_the_agency_s_abbreviation)
{
    static const claimant_case cases[] = {
        {"نقلت وكالة الأنباء العراقية (واع) عن قائد عمليات الأنبار قوله إن القوات الأمنية قتلت "
         "7 إرهابيين.",
         "7 إرهابيين", "قائد عمليات الأنبار", NULL},
        {"ونقلت وكالة الأنباء الليبية (وال) عن مصدر عسكري قوله إن 5 أشخاص قتلوا في الاشتباكات.",
         "5 أشخاص", "مصدر عسكري", NULL},
        /* no abbreviation: as before */
        {"ونقلت وكالة رويترز عن مسؤول أمني قوله إن 9 أشخاص قتلوا.", "9 أشخاص", "مسؤول أمني", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A body named bare is given its war's id once the figures tell the war:
 * a source inside it ("مصادر طبية في وزارة الصحة") names it by that id, as
 * the store's foreign key wants. */
Test(sources, a_child_names_its_parent_by_its_final_id)
{
    static const char *const docs[] = {
        "قالت مصادر طبية في وزارة الصحة إن 5 أشخاص قتلوا في غارة على حلب.",
        "قالت مصادر طبية في وزارة الصحة إن 5 أشخاص قتلوا في غارة على خان يونس.",
    };
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        extract_result r;
        cr_assert_eq(extract_document(model, docs[d], strlen(docs[d]), &r), 0);
        size_t children = 0;
        for (size_t i = 0; i < r.n_sources; i++) {
            if (!r.sources[i].parent_id)
                continue;
            children++;
            bool found = false;
            for (size_t k = 0; k < r.n_sources && !found; k++)
                found = !strcmp(r.sources[k].id, r.sources[i].parent_id);
            cr_expect(found, "%s: parent %s of %s is no source of the text", docs[d],
                      r.sources[i].parent_id, r.sources[i].name);
        }
        cr_expect_gt(children, 0, "no source with a parent in: %s", docs[d]);
        extract_result_free(&r);
    }
}

/* The office of a party (its media office, its political bureau) speaks
 * for the party and is of its kind: an armed group's media centre is no
 * outlet or NGO. A party's outlet keeps the outlet's kind, and the office of
 * a person keeps its head's. */
Test(sources, an_office_of_a_party_is_of_its_kind)
{
    static const claimant_case cases[] = {
        {"وقال المركز الإعلامي لحركة أنصار الله إن 15 مدنيا قتلوا في الغارات.", "15 مدنيا",
         "المركز الإعلامي لحركة أنصار الله", "armed_group"},
        {"وأعلن المكتب الإعلامي لحركة حماس مقتل 6 أشخاص في القصف.", "6 أشخاص",
         "المكتب الإعلامي لحركة حماس", "armed_group"},
        {"وقالت دائرة الإعلام في حركة الجهاد الإسلامي إن 4 من مقاتليها قتلوا.", "4 من",
         "دائرة الإعلام في حركة الجهاد الإسلامي", "armed_group"},
        /* counter-examples */
        {"وقال مكتب قناة الجزيرة في بغداد إن 3 صحفيين أصيبوا.", "3 صحفيين",
         "مكتب قناة الجزيرة في بغداد", "outlet"},
        {"وقال مكتب وزير الداخلية إن 9 عناصر قتلوا.", "9 عناصر", "مكتب وزير الداخلية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "الناطق بلسان X" is "الناطق باسم X", as Palestinian and Israeli Arabic
 * reporting writes it; "جيش الدفاع" is the Israeli army's own Arabic name
 * in its statements, and "جيش الدفاع الوطني" is none of it. */
Test(sources, a_spokesman_bi_lisan_and_the_army_s_own_name)
{
    static const claimant_case cases[] = {
        {"وقال الناطق بلسان الجيش الإسرائيلي إن 25 هدفا قصفت خلال الليل.", "25 هدفا",
         "الناطق بلسان الجيش الإسرائيلي", "role"},
        {"وقالت الناطقة بلسان الشرطة إن 4 أشخاص أصيبوا في الحادث.", "4 أشخاص",
         "الناطقة بلسان الشرطة", "role"},
        {"وقال جيش الدفاع في بيان إن 8 مسلحين قتلوا في الغارة.", "8 مسلحين", "الجيش الإسرائيلي",
         "military"},
        /* counter-example */
        {"وقال جيش الدفاع الوطني إن 3 من عناصره قتلوا في ريف حماة.", "3 من", "قوات الدفاع الوطني",
         "armed_group"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* UN agencies as Arabic reporting names them: without the article (يونيسف،
 * أونروا), by their office (مكتب أوتشا), or without منظمة (الصحة العالمية). */
Test(sources, un_agencies_by_their_short_names)
{
    static const claimant_case cases[] = {
        {"وقالت يونيسف إن 9 أطفال قتلوا في القصف.", "9 أطفال", "اليونيسف", "un"},
        {"وقالت أونروا إن 14 من موظفيها قتلوا منذ بدء الحرب.", "14 من", "الأونروا", "un"},
        {"وقالت الصحة العالمية إن 11 مستشفى خرجت عن الخدمة.", "11 مستشفى", "منظمة الصحة العالمية",
         "un"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    /* the office by its short name is the listed office (by id: its
     * display name is the one sources.tsv gives) */
    static const char doc[] = "وقال مكتب أوتشا إن 300 ألف شخص نزحوا خلال أسبوع.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    const extract_figure *f = figure_with(&r, "300 ألف");
    cr_assert_not_null(f);
    cr_assert_neq(f->claimant, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.sources[f->claimant].id, "ocha");
    cr_expect_str_eq(r.sources[f->claimant].kind, "un");
    extract_result_free(&r);
}

/* An unnamed source in the genitive of a body named before ("مصادر
 * المرصد", "مصادر الوزارة") is that body's, as one linked by في is; a
 * head with no body before it names none. */
Test(sources, unnamed_sources_of_a_body_named_before)
{
    static const claimant_case cases[] = {
        {"وثق المرصد السوري لحقوق الإنسان مقتل 6 عناصر. وقالت مصادر المرصد إن 4 عربات دمرت.",
         "4 عربات", "مصادر المرصد", "anonymous"},
        {"أعلنت وزارة الصحة في غزة مقتل 20 شخصا. وقالت مصادر الوزارة إن 7 مستشفيات خرجت عن الخدمة.",
         "7 مستشفيات", "مصادر الوزارة", "anonymous"},
        /* counter-example */
        {"وقالت مصادر المرصد إن 3 عربات دمرت.", "3 عربات", "مصادر", "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    const char *doc = "وثق المرصد السوري لحقوق الإنسان مقتل 6 عناصر. وقالت مصادر المرصد إن 4 "
                      "عربات دمرت.";
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    const extract_figure *f = figure_with(&r, "4 عربات");
    cr_assert_not_null(f);
    cr_assert_neq(f->claimant, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.sources[f->claimant].parent_id ? r.sources[f->claimant].parent_id : "(none)",
                     "sohr");
    extract_result_free(&r);
}

/* A site signs its datelines with its address: "العربية.نت", "الجزيرة.نت",
 * "الميادين نت"; the full stop glued between the name and نت ends no
 * dateline. A line of the outlet's nouns and name ("موقع قناة المنار") is
 * its signature. */
Test(sources, a_dateline_signed_with_the_site_s_address)
{
    static const outlet_case cases[] = {
        {"دبي - العربية.نت\nقتل 8 أشخاص في قصف على مدينة الفاشر.\n", "alarabiya"},
        {"الجزيرة.نت - غزة\nاستشهد 6 فلسطينيين في غارة على مخيم النصيرات.\n", "aljazeera"},
        /* the address as a word of its own, the outlet's nouns before it */
        {"الميادين نت\nقتل 5 جنود في هجوم على موقع عسكري.\n", "al-mayadeen"},
        {"موقع قناة المنار\nاستشهد 4 مدنيين في غارة على بلدة الخيام.\n", "al-manar"},
        /* counter-example: a stop and a space end the sentence */
        {"دبي - العربية. نت قتل 8 أشخاص في قصف على المدينة.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* Two functions joined by و before one name ("نائب رئيس الوزراء ووزير
 * الخارجية فلان"): the person named holds both and speaks; two functions
 * with no name stay the first's. */
Test(sources, one_holder_of_two_functions)
{
    static const claimant_case cases[] = {
        {"وقال نائب رئيس الوزراء ووزير الخارجية أيمن الصفدي إن 3 مواطنين أصيبوا.", "3 مواطنين",
         "أيمن الصفدي", "person"},
        {"وقال رئيس الوفد المفاوض والمتحدث باسم أنصار الله محمد عبد السلام إن 9 غارات استهدفت "
         "المدينة.",
         "9 غارات", "محمد عبد السلام", "person"},
        /* counter-example */
        {"وقال وزير الداخلية ووزير الدفاع إن 3 جنود قتلوا.", "3 جنود", "وزير الداخلية", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Israeli Army Radio is an outlet of the army, not the army speaking. */
Test(sources, the_army_s_radio_is_an_outlet)
{
    static const claimant_case cases[] = {
        {"وقالت إذاعة الجيش الإسرائيلي إن القبة الحديدية اعترضت 6 صواريخ.", "6 صواريخ",
         "إذاعة الجيش الإسرائيلي", "outlet"},
        /* counter-example */
        {"وقال الجيش الإسرائيلي إن القبة الحديدية اعترضت 6 صواريخ.", "6 صواريخ", "الجيش الإسرائيلي",
         "military"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* الجماعة refers back to the nearest armed group named with جماعة (جماعة
 * الحوثي), however the text named it first (الحوثيين); الجمعية to a
 * society named with جمعية. */
Test(sources, al_jamaa_refers_back_to_its_group)
{
    static const claimant_case cases[] = {
        {"قال المتحدث العسكري للحوثيين إن قواتهم أسقطت طائرة أمريكية. وأكدت الجماعة لاحقا أن 3 "
         "من مقاتليها قتلوا.",
         "3 من", "جماعة الحوثي", "armed_group"},
        {"قال الحوثيون إن 5 سفن استهدفت. وقالت حركة حماس إن 4 أسرى قتلوا. وقالت الجماعة إن 8 "
         "مسيرات أطلقت.",
         "8 مسيرات", "جماعة الحوثي", "armed_group"},
        /* الجمعية likewise, for a society named with جمعية */
        {"قال الهلال الأحمر الفلسطيني إن طواقمه نقلت 25 مصابا. وأوضحت الجمعية أن 4 من المصابين "
         "في حالة خطيرة.",
         "4 من", "جمعية الهلال الأحمر الفلسطيني", "ngo"},
        /* counter-example: a name of its own */
        {"قال الحوثيون إن 5 سفن استهدفت. وقالت الجماعة الإسلامية في لبنان إن 3 من عناصرها قتلوا.",
         "3 من", "الجماعة الإسلامية في لبنان", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A party the list names by one of its functions (الأمين العام لحزب الله،
 * وزير الخارجية السوري) and the name of who holds it: that person speaks,
 * for the party; the function alone is the party's. */
Test(sources, the_holder_of_a_party_s_function_speaks)
{
    static const claimant_case cases[] = {
        {"وقال وزير الخارجية السوري فيصل المقداد إن 5 جنود قتلوا.", "5 جنود", "فيصل المقداد",
         "person"},
        {"وقال الأمين العام لحزب الله الشيخ نعيم قاسم إن 4 مقاتلين قتلوا.", "4 مقاتلين",
         "الشيخ نعيم قاسم", "person"},
        {"وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن 220 من موظفي المنظمة قتلوا.", "220 من",
         "أنطونيو غوتيريش", "person"},
        /* counter-example */
        {"وقال الأمين العام لحزب الله في كلمة إن 4 مقاتلين قتلوا.", "4 مقاتلين", "حزب الله",
         "armed_group"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    const char *doc = "وقال وزير الخارجية السوري فيصل المقداد إن 5 جنود قتلوا.";
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    const extract_figure *f = figure_with(&r, "5 جنود");
    cr_assert_not_null(f);
    cr_assert_neq(f->claimant, EXTRACT_NO_INDEX);
    cr_expect_str_eq(r.sources[f->claimant].bloc ? r.sources[f->claimant].bloc : "(none)",
                     "sy.government");
    extract_result_free(&r);
}

/* Two unnamed sources: مصدران، and مصدرين after a preposition (نقلا عن
 * مصدرين), with their dual adjectives (أمنيان، طبيين): they speak, not
 * the agency that relays them. */
Test(sources, two_unnamed_sources)
{
    static const claimant_case cases[] = {
        {"وذكرت وكالة رويترز، نقلا عن مصدرين أمنيين، أن 6 عناصر قتلوا.", "6 عناصر", "مصدرين أمنيين",
         "anonymous"},
        {"ونقلت الوكالة عن مصدرين طبيين أن 9 أشخاص قتلوا.", "9 أشخاص", "مصدرين طبيين", "anonymous"},
        {"وقال مصدران أمنيان إن 4 جنود قتلوا.", "4 جنود", "مصدران أمنيان", "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The health ministry seated in Ramallah is the Palestinian Authority's,
 * not the Gaza authorities' ministry that carries the same name. */
Test(sources, the_ministry_in_ramallah_is_the_authority_s)
{
    static const struct {
        const char *doc, *needle, *id;
    } cases[] = {
        {"وأعلنت وزارة الصحة الفلسطينية في رام الله أن 3 شبان استشهدوا برصاص الاحتلال في جنين.",
         "3 شبان", "palestinian-health-ministry-ramallah"},
        {"وقالت وزارة الصحة في رام الله إن 5 شبان أصيبوا في نابلس.", "5 شبان",
         "palestinian-health-ministry-ramallah"},
        /* counter-example */
        {"وقالت وزارة الصحة في غزة إن 30 شخصا استشهدوا.", "30 شخصا", "palestinian-health-ministry"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        const extract_figure *f = figure_with(&r, cases[i].needle);
        cr_assert_not_null(f, "no figure in: %s", cases[i].doc);
        cr_expect_str_eq(f->claimant == EXTRACT_NO_INDEX ? "(none)" : r.sources[f->claimant].id,
                         cases[i].id, "in: %s", cases[i].doc);
        extract_result_free(&r);
    }
}

/* The outlet that received a copy of the statement it reports (تلقت X
 * نسخة منه، حصلت X على نسخة منه) publishes the text, as one told does. */
Test(sources, an_outlet_that_received_a_copy)
{
    static const outlet_case cases[] = {
        {"وقالت الحركة في بيان تلقت الجزيرة نت نسخة منه إن 5 من مقاتليها قتلوا.\n", "aljazeera"},
        {"وقالت الوزارة في بيان حصلت سكاي نيوز عربية على نسخة منه إن 8 مسلحين قتلوا.\n",
         "sky-news-arabia"},
        /* counter-example: what else it received */
        {"وقالت الوزارة إن 8 مسلحين قتلوا، وتلقت الجزيرة اتصالات من الأهالي.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* The claimant of the figure with `needle` has the id `id`. */
static void check_claimant_ids(const char *const (*cases)[3], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i][0], strlen(cases[i][0]), &r), 0);
        const extract_figure *f = figure_with(&r, cases[i][1]);
        cr_assert_not_null(f, "no figure with \"%s\" in: %s", cases[i][1], cases[i][0]);
        cr_expect_str_eq(f->claimant == EXTRACT_NO_INDEX ? "(none)" : r.sources[f->claimant].id,
                         cases[i][2], "in: %s", cases[i][0]);
        extract_result_free(&r);
    }
}

/* Libya's and Syria's parties by the names their own media give them: the
 * LNA's general command by its full title (القوات المسلحة العربية
 * الليبية), the GNA's operation Volcano of Anger and its spokesman (المتحدث
 * باسم العملية), the civil defence by its centres and teams. */
Test(sources, parties_by_the_names_their_media_give_them)
{
    static const char *const cases[][3] = {
        {"وأعلنت القيادة العامة للقوات المسلحة العربية الليبية مقتل 15 عنصرا من الميليشيات "
         "جنوب طرابلس.",
         "15 عنصرا", "lna"},
        {"وقالت القوات المسلحة العربية الليبية إن سلاح الجو شن 12 غارة على مواقع في غريان.",
         "12 غارة", "lna"},
        {"وأعلن المركز الإعلامي لعملية بركان الغضب أسر 23 عنصرا من قوات حفتر في عين زارة.",
         "23 عنصرا", "volcano-of-anger"},
        {"ووثقت مراكز الدفاع المدني مقتل 8 مدنيين في قصف جوي على بلدة الأتارب.", "8 مدنيين",
         "syria-civil-defence"},
        {"وقالت فرق الدفاع المدني إنها انتشلت 6 جثث من تحت الأنقاض في أريحا.", "6 جثث",
         "syria-civil-defence"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* العملية refers back to a military operation named with عملية: the
 * spokesman of the operation speaks for the GNA's operation. */
Test(sources, the_operation_refers_back_to_its_name)
{
    const char *doc = "وأطلقت حكومة الوفاق عملية بركان الغضب قبل أسبوعين. وقال المتحدث باسم "
                      "العملية إن قواتهم سيطرت على 4 آليات مسلحة قرب طرابلس.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    const extract_figure *f = figure_with(&r, "4 آليات");
    cr_assert_not_null(f);
    cr_assert_neq(f->claimant, EXTRACT_NO_INDEX);
    const extract_source *s = &r.sources[f->claimant];
    cr_expect(s->bloc && !strcmp(s->bloc, "ly.gna"), "%s: bloc %s", s->name,
              s->bloc ? s->bloc : "(none)");
    extract_result_free(&r);
}

/* A command no war's name tells (قيادة الجيش، القيادة العامة) is that of
 * the army of the report's war: the army the report names, else the one
 * army that stands for a bloc of a war fought in one country (Lebanon's,
 * Sudan's); not the Syrian command the list binds it to. */
Test(sources, the_army_s_command_is_of_the_report_s_war)
{
    static const char *const cases[][3] = {
        {"وأعلن الجيش اللبناني توقيف 5 أشخاص في البقاع. وقالت قيادة الجيش في بيان إن دورية "
         "أوقفت 3 مطلوبين في بلدة بريتال.",
         "3 مطلوبين", "lebanese-army"},
        {"أغار الطيران الإسرائيلي على بلدة الخيام في جنوب لبنان. وقالت قيادة الجيش في بيان إن 3 "
         "جنود أصيبوا بجروح في مرجعيون.",
         "3 جنود", "lebanese-army"},
        {"وأعلنت قيادة الجيش - مديرية التوجيه أن وحدات الجيش أوقفت 12 شخصا في وادي خالد.",
         "12 شخصا", "lebanese-army"},
        /* counter-examples: Syria's own command; a war of two armies */
        {"وقالت قيادة الجيش إن وحداتها قتلت 20 إرهابيا في ريف حماة.", "20 إرهابيا",
         "syrian-army-general-command"},
        {"وقالت قيادة الجيش إن 6 من عناصر أنصار الله قتلوا في مأرب.", "6 من", "military-cd24a342"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* A party that mourns its dead (نعى، نعت، تنعى) asserts how many they are. */
Test(sources, who_mourns_counts_its_dead)
{
    static const char *const cases[][3] = {
        {"ونعى حزب الله في بيان 3 من مقاتليه سقطوا في جنوب لبنان.", "3 من", "hezbollah"},
        {"أفادت مصادر محلية بأن غارة استهدفت بلدة الخيام. ونعت حركة حماس 4 من قادتها في "
         "الغارة.",
         "4 من", "hamas"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* البيان refers back to the last party that spoke in a statement, not to
 * one that spoke since without one; with لل, "للبيان" is ل and البيان. */
Test(sources, the_statement_is_the_last_one_made)
{
    static const claimant_case cases[] = {
        {"وقال الجيش السوداني في بيان إنه قتل 80 من عناصر الميليشيا. في المقابل، زعمت قوات "
         "الدعم السريع أنها سيطرت على 3 مواقع. ووفقا للبيان، دمرت القوات 12 عربة قتالية.",
         "12 عربة", "القوات المسلحة السودانية", NULL},
        {"وقال الجيش السوداني في بيان إنه قتل 80 من عناصر الميليشيا. وزعمت قوات الدعم السريع "
         "أنها سيطرت على 3 مواقع. ودمرت القوات 12 عربة قتالية، وفقا للبيان.",
         "12 عربة", "القوات المسلحة السودانية", NULL},
        /* the statement named as the subject: "أفاد بيان X" */
        {"وأفاد بيان لوزارة الدفاع اللبنانية أن 4 جنود أصيبوا. وقال مصدر أمني إن الهجوم وقع "
         "ليلا. وبحسب البيان، أوقفت الوحدات 6 مشتبه بهم.",
         "6 مشتبه", "وزارة الدفاع اللبنانية", NULL},
        /* counter-example: the later statement is the one referred to */
        {"وقال الجيش السوداني في بيان إنه قتل 80 مسلحا. وقالت قوات الدعم السريع في بيان إنها "
         "سيطرت على 3 مواقع. وبحسب البيان، أسرت القوات 12 جنديا.",
         "12 جنديا", "قوات الدعم السريع", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "المصدر: X" closing the text: the monitor or body that signs its foot so
 * publishes the report, as an outlet does; not a source line above the
 * text's end, nor one that opens the text. */
Test(sources, a_monitor_signs_the_foot_of_its_report)
{
    static const outlet_case cases[] = {
        {"قتل 9 مدنيين وأصيب 14 آخرون في قصف جوي على بلدة كفرنبل.\nالمصدر: المرصد السوري\n",
         "sohr"},
        {"أصيب 6 أطفال في قصف على مدرسة في بلدة الأتارب.\nالمصدر : اليونيسف", "unicef"},
        /* counter-examples: a line above the end; the text's first line */
        {"قتل 9 مدنيين في قصف جوي على بلدة كفرنبل.\nالمصدر: المرصد السوري\nوأصيب 4 آخرون في "
         "القصف.\n",
         NULL},
        {"المصدر: المرصد السوري\nقتل 9 مدنيين في قصف جوي على بلدة كفرنبل.\n", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* A name that is also an ordinary word (الحرة "free", الغد "tomorrow")
 * right after a place is that place's adjective, not the outlet: the
 * opposition's councils and directorates of "free" provinces. */
Test(sources, free_after_a_place_is_no_outlet)
{
    static const char *const docs[] = {
        "وقال مدير المكتب الإعلامي لمجلس محافظة إدلب الحرة إن 7 مدنيين قتلوا في قصف على معرة "
        "مصرين.",
        "وذكرت مديرية صحة حماة الحرة أن 8 مدنيين أصيبوا في قصف على كفرزيتا.",
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, docs[i], strlen(docs[i]), &r), 0);
        cr_expect(!has_source_id(&r, "alhurra"), "alhurra in: %s", docs[i]);
        extract_result_free(&r);
    }
    /* counter-example: the channel */
    const char *doc = "وقالت قناة الحرة إن 5 مدنيين قتلوا في حلب.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    cr_expect(has_source_id(&r, "alhurra"), "no alhurra in: %s", doc);
    extract_result_free(&r);
}

/* Yemen's south: the STC's forces by the name its media give them (القوات
 * الجنوبية: the STC's in a Yemeni report, no one's known party elsewhere),
 * and Aden al-Ghad, whose name holds another outlet's (الغد). */
Test(sources, the_south_of_yemen_by_its_own_names)
{
    static const char *const cases[][3] = {
        {"وقالت القوات الجنوبية إنها صدت هجوما للحوثيين في الضالع وقتلت 9 منهم.", "9 منهم", "stc"},
        {"وذكر موقع عدن الغد أن 3 من أفراد الحزام الأمني جرحوا في هجوم على نقطة في عدن.", "3 من",
         "aden-alghad"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
    /* counter-example: southern forces in another war */
    const char *doc = "وقالت القوات الجنوبية إن 5 جنود قتلوا في قصف على رفح.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    cr_expect(!has_source_id(&r, "stc"), "stc in: %s", doc);
    extract_result_free(&r);
}

/* A time adverbial of several words between a verb and what it says ("في
 * وقت سابق", "مساء اليوم") is skipped whole: the verb still has no subject
 * of its own, and a relative clause's verb is said by its noun. */
Test(sources, a_time_of_several_words_before_what_is_said)
{
    static const claimant_case cases[] = {
        {"ولم يصدر تعليق من حزب الله، الذي قال في وقت سابق إن مقاتليه استهدفوا 4 مواقع "
         "إسرائيلية.",
         "4 مواقع", "حزب الله", NULL},
        {"وقالت الوكالة الوطنية للإعلام إن 2 من المارة أصيبوا. ولم يعلق حزب الله الذي قال في "
         "وقت سابق إن مقاتليه استهدفوا 3 مواقع.",
         "3 مواقع", "حزب الله", NULL},
        {"وقال الجيش اللبناني إن 4 جنود أصيبوا.\nوقال في وقت لاحق إن 6 مطلوبين أوقفوا.",
         "6 مطلوبين", "الجيش اللبناني", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The definite source with its adjectives ("المصدر الطبي", "المصادر
 * الأمنية") is the unnamed source named before with those words, though
 * another unnamed speaker spoke since. */
Test(sources, the_source_by_its_adjectives)
{
    static const claimant_case cases[] = {
        {"قال مصدر طبي إن 7 مدنيين قتلوا. وقال مسؤول محلي إن 20 منزلا دمرت. وأضاف المصدر "
         "الطبي أن 15 جريحا نقلوا إلى المستشفى.",
         "15 جريحا", "مصدر طبي", NULL},
        {"قالت مصادر أمنية عراقية إن 6 عناصر من الشرطة قتلوا. وقال مسؤول محلي إن المهاجمين "
         "فروا. وقالت المصادر الأمنية العراقية إن القوات قتلت 4 من المهاجمين.",
         "4 من", "مصادر أمنية عراقية", NULL},
        /* counter-example: no such source named before */
        {"قال مصدر طبي إن 7 مدنيين قتلوا. وقال مسؤول محلي إن 20 منزلا دمرت. وأضاف المصدر "
         "الأمني أن 15 جريحا نقلوا إلى المستشفى.",
         "15 جريحا", "مسؤول محلي", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "المنظمة الدولية" names the UN, but after another organisation named
 * with منظمة it is that organisation called the second time. */
Test(sources, the_international_organisation_named_before)
{
    static const char *const cases[][3] = {
        {"ذكرت المنظمة الدولية للهجرة أن آلاف الأسر نزحت من الفاشر. وقالت المنظمة الدولية، في "
         "تقرير، إن 7 آلاف شخص فروا إلى تشاد.",
         "7 آلاف", "iom"},
        {"وطالبت منظمة العفو الدولية بالإفراج عن المعتقلين. وقالت المنظمة الدولية إن 12 معتقلا "
         "توفوا تحت التعذيب.",
         "12 معتقلا", "amnesty"},
        /* counter-example: named alone, the UN */
        {"وقالت المنظمة الدولية إن 40 ألف شخص نزحوا من مدينة ود مدني.", "40 ألف", "un"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* وتابعت، وتابعوا go on as وتابع does: the speaker after them speaks
 * ("وتابعت المصادر أن"), else the last one goes on. */
Test(sources, she_went_on)
{
    static const claimant_case cases[] = {
        {"قالت مصادر أمنية عراقية إن 6 عناصر من الشرطة قتلوا. وقال محافظ الأنبار علي فرحان إن "
         "المهاجمين فروا. وتابعت المصادر أن القوات قتلت 4 من المهاجمين.",
         "4 من", "مصادر أمنية عراقية", NULL},
        {"قالت وزارة الصحة اللبنانية إن 3 أشخاص قتلوا في الغارة.\nوتابعت أن 9 جرحى نقلوا إلى "
         "المستشفيات.",
         "9 جرحى", "وزارة الصحة اللبنانية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Saba under each government: the agency the Houthis run in Sanaa by the
 * names reporters give it (سبأ الحوثية، التابعة للحوثيين), the
 * government's by its own. */
Test(sources, saba_of_each_government)
{
    static const char *const cases[][3] = {
        {"وقالت وكالة سبأ الحوثية إن 6 مدنيين قتلوا في غارة على الحديدة.", "6 مدنيين",
         "saba-sanaa"},
        {"وذكرت وكالة سبأ التابعة للحوثيين أن 9 مدنيين أصيبوا في قصف على صعدة.", "9 مدنيين",
         "saba-sanaa"},
        /* counter-example */
        {"وقالت وكالة سبأ إن 6 مدنيين قتلوا في غارة على الحديدة.", "6 مدنيين", "saba"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* "المصدر الأول" and "المصدر الثاني / الآخر": of two unnamed sources,
 * the one named first or second, not the last one that spoke. */
Test(sources, the_first_and_the_other_source)
{
    static const claimant_case cases[] = {
        {"قال مصدر عسكري إن 3 عناصر من الفصائل قتلوا. وقال مصدر آخر إن 5 عناصر أصيبوا. وأضاف "
         "المصدر الأول أن قوات النظام قصفت 4 قرى.",
         "4 قرى", "مصدر عسكري", NULL},
        {"قال مصدر ميداني إن 3 عناصر قتلوا. وقال مصدر طبي إن 5 عناصر أصيبوا. وقال مسؤول محلي "
         "إن 20 منزلا دمرت. وأضاف المصدر الثاني أن 7 جرحى نقلوا إلى تركيا.",
         "7 جرحى", "مصدر طبي", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A function named in more words than an unnamed official (مسؤول إعلام،
 * مسؤول المكتب الإعلامي، مسؤول العلاقات العامة) is read by its form, with
 * the person who holds it. */
Test(sources, an_official_s_function_and_its_holder)
{
    static const claimant_case cases[] = {
        {"قال مسؤول إعلام قوات سوريا الديمقراطية فرهاد شامي إن 5 من مقاتليهم قتلوا.", "5 من",
         "فرهاد شامي", "person"},
        {"وقال مسؤول العلاقات العامة في الدفاع المدني أحمد الشيخو إن 5 مدنيين قتلوا.", "5 مدنيين",
         "أحمد الشيخو", "person"},
        /* counter-example: an unnamed official with his adjectives */
        {"وقال مسؤول أمني عراقي إن 6 عناصر قتلوا.", "6 عناصر", "مسؤول أمني عراقي", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The Kurdistan Region's media and ministry: Rudaw by its Arabic spelling
 * (روداو) and the ministry of Peshmerga affairs, a party of its own. */
Test(sources, the_kurdistan_region_s_media_and_ministry)
{
    static const outlet_case outlets[] = {
        {"أربيل (روداو) - قتل 3 من عناصر البيشمركة بهجوم لمسلحي داعش في قضاء مخمور.\n", "rudaw"},
        {"روداو - أربيل\nقتل 3 من عناصر البيشمركة بهجوم في قضاء مخمور.\n", "rudaw"},
    };
    check_outlets(outlets, sizeof outlets / sizeof outlets[0]);
    static const char *const cases[][3] = {
        {"وقالت وزارة شؤون البيشمركة في إقليم كوردستان إن 3 من عناصرها قتلوا في مخمور.", "3 من",
         "peshmerga-ministry"},
        {"وقالت وزارة البيشمركة إن 5 من مقاتليها أصيبوا في هجوم لداعش.", "5 من",
         "peshmerga-ministry"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* "مراسلنا", the publisher's own correspondent, is the outlet speaking:
 * the outlet claims what he reports; with no outlet he stays himself. */
Test(sources, our_correspondent_is_the_outlet)
{
    static const claimant_case cases[] = {
        {"الدرر الشامية - خاص\nتمكنت الفصائل من قتل 15 عنصرا من قوات النظام على محور الفطيرة، "
         "بحسب ما أفاد مراسلنا.",
         "15 عنصرا", "الدرر الشامية", NULL},
        {"حلب - عنب بلدي\nقالت مراسلتنا في حلب إن 7 مدنيين قتلوا في قصف على حي الشعار.", "7 مدنيين",
         "عنب بلدي", NULL},
        /* the correspondent of our agency */
        {"ريف حلب - هاوار\nاستهدف الجيش التركي قرى الشهباء بأكثر من 50 قذيفة، بحسب ما أفاد به "
         "مراسل وكالتنا في المنطقة.",
         "50 قذيفة", "وكالة هاوار", NULL},
        /* counter-examples: no outlet; another agency's correspondent */
        {"قال مراسلنا في حلب إن 7 مدنيين قتلوا في قصف على حي الشعار.", "7 مدنيين", "مراسلنا", NULL},
        {"حلب - هاوار\nوقال مراسل سانا إن 7 مدنيين قتلوا في قصف على حي الشعار.", "7 مدنيين",
         "مراسل سانا", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The Syrian paper al-Watan by its bare name where an outlet stands (a
 * dateline, after صحيفة); the ordinary word الوطن elsewhere is no one. */
Test(sources, al_watan_by_its_bare_name)
{
    static const outlet_case outlets[] = {
        {"دمشق - الوطن\nقتل 6 مسلحين في اشتباكات مع الجيش في ريف درعا.\n", "al-watan"},
        {"قتل 6 مسلحين في اشتباكات في ريف درعا، دفاعا عن الوطن.\n", NULL},
    };
    check_outlets(outlets, sizeof outlets / sizeof outlets[0]);
    static const char *const cases[][3] = {
        {"وذكرت صحيفة الوطن أن 6 مسلحين قتلوا في ريف درعا.", "6 مسلحين", "al-watan"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* Sudan's resistance committees of a town or district (لجان مقاومة أم
 * درمان) are activists, not an armed group. */
Test(sources, resistance_committees_of_a_town_are_activists)
{
    static const claimant_case cases[] = {
        {"وقالت لجان مقاومة أم درمان إن 30 متظاهرا اعتقلوا في مظاهرات الخرطوم.", "30 متظاهرا",
         "لجان مقاومة أم درمان", "activists"},
        {"وأعلنت تنسيقية لجان مقاومة مدني أن 4 متظاهرين قتلوا.", "4 متظاهرين",
         "تنسيقية لجان مقاومة مدني", "activists"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The command of the Syrian factions' offensive of 2024 is an armed group
 * of the opposition, not a government's directorate. */
Test(sources, the_factions_operations_command_is_opposition)
{
    static const claimant_case cases[] = {
        {"وأعلنت إدارة العمليات العسكرية أسر 35 عنصرا في ريف حماة.", "35 عنصرا",
         "إدارة العمليات العسكرية", "armed_group"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A release's heading near the top (بيان صادر عن X، تصريح صحفي صادر عن
 * فلان، ممثل X) names who publishes it: X, or the body its author speaks
 * for; the same words inside the story name no publisher. */
Test(sources, a_release_heading_names_its_publisher)
{
    static const outlet_case cases[] = {
        {"مقتل 3 أطفال في قصف على ريف إدلب\n\nبيان صادر عن منظمة أطباء بلا حدود\n\nإدلب، 3 آذار "
         "2021 - قتل 3 أطفال وأصيب 5 آخرون في قصف على مخيم قرب سرمدا.\n",
         "msf"},
        {"تصريح صحفي صادر عن هنرييتا فور، المديرة التنفيذية لليونيسف\n\nعمان، 3 آذار 2021 - قتل 3 "
         "أطفال وأصيب 5 آخرون في قصف على مخيم قرب سرمدا.\n",
         "unicef"},
        /* counter-example: a statement the story quotes */
        {"قتل 3 أطفال في قصف على مخيم قرب سرمدا.\nوجاء في بيان صادر عن منظمة أطباء بلا حدود أن 5 "
         "آخرين أصيبوا.\n",
         NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* Military regions and divisions speak as bodies (الناطق باسم المنطقة
 * العسكرية الغربية، شعبة الاستخبارات); the LNA's war media division is
 * the LNA's. */
Test(sources, military_regions_and_divisions)
{
    static const claimant_case cases[] = {
        {"وقال الناطق باسم المنطقة العسكرية الغربية إن قواتهم أسرت 9 مسلحين في ترهونة.", "9 مسلحين",
         "الناطق باسم المنطقة العسكرية الغربية", "role"},
        {"وأعلنت المنطقة العسكرية الرابعة مقتل 11 حوثيا في جبهة حيفان.", "11 حوثيا",
         "المنطقة العسكرية الرابعة", "military"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    static const char *const ids[][3] = {
        {"وقالت شعبة الإعلام الحربي إن سلاح الجو نفذ 8 طلعات على مواقع في مرزق.", "8 طلعات",
         "lna-war-media"},
    };
    check_claimant_ids(ids, sizeof ids / sizeof ids[0]);
}

/* اللواء before a definite adjective is a brigade, not the
 * rank: "القيادي في اللواء الثامن فلان" is a leader of the brigade named
 * after it; the rank before a name stays a title. */
Test(sources, a_brigade_is_no_rank)
{
    static const claimant_case cases[] = {
        {"وقال القيادي في اللواء الثامن أبو علي المحاميد إن مقاتليه أسروا 3 عناصر.", "3 عناصر",
         "أبو علي المحاميد", "person"},
        /* counter-example: the rank */
        {"وقال قائد العمليات اللواء قاسم الخطيب إن قواته قتلت 9 مسلحين.", "9 مسلحين",
         "اللواء قاسم الخطيب", "person"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A surname of two words (عبد الرحمن، أبو زيد) after the full name is the
 * person named before, not a new person named عبد; a longer name that
 * begins with it is someone else. */
Test(sources, a_surname_of_two_words)
{
    static const claimant_case cases[] = {
        {"قال مدير المرصد السوري رامي عبد الرحمن إن حصيلة القتلى ارتفعت إلى 37. وأوضح عبد "
         "الرحمن أن بين القتلى 9 أطفال.",
         "9 أطفال", "رامي عبد الرحمن", NULL},
        {"قال الناطق باسم الفصيل العقيد مصطفى أبو زيد إن 4 عناصر قتلوا. وأضاف أبو زيد أن "
         "مقاتليه أسروا 6 عناصر.",
         "6 عناصر", "العقيد مصطفى أبو زيد", NULL},
        /* counter-example */
        {"قال مدير المرصد السوري رامي عبد الرحمن إن 37 شخصا قتلوا. وقال عبد الرحمن الخطيب، وهو "
         "ناشط محلي، إن 9 أطفال بين القتلى.",
         "9 أطفال", "عبد الرحمن الخطيب", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* اتهم with a hidden subject, while a speaker holds: the party named
 * right after the verb, then بـ and the charge, is the accused; the count
 * is the accuser's. A subject and an object both named keep the subject. */
Test(sources, the_accused_is_no_claimant)
{
    static const claimant_case cases[] = {
        {"نفت حركة حماس الاتهامات، واتهمت الجيش الإسرائيلي بقتل 11 مدنيا.", "11 مدنيا", "حركة حماس",
         NULL},
        {"قالت وزارة الدفاع التركية إنها لم تستهدف المدنيين، واتهمت وحدات حماية الشعب "
         "بتهجير 300 عائلة من القرية.",
         "300 عائلة", "وزارة الدفاع التركية", NULL},
        /* counter-example: the subject named, then the accused */
        {"واتهم الجيش الإسرائيلي حركة حماس بإطلاق 11 صاروخا.", "11 صاروخا", "الجيش الإسرائيلي",
         NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A navy is a speaker: the US Navy the list knows, another read by its
 * form (البحرية and its nisba), so that a new sentence with its own
 * reporting verb takes that subject, not the last sentence's sources. */
Test(sources, a_navy_speaks)
{
    static const claimant_case cases[] = {
        {"قالت مصادر عسكرية إن الحوثيين أطلقوا صواريخ باتجاه السفن. وأعلنت البحرية الأمريكية "
         "أنها اعترضت 3 صواريخ فوق البحر الأحمر.",
         "3 صواريخ", "البحرية الأمريكية", "military"},
        {"أفادت مصادر ملاحية بتعرض سفينة لهجوم. وقالت البحرية البريطانية إن فرقاطتها أسقطت 4 "
         "طائرات مسيرة.",
         "4 طائرات", "البحرية البريطانية", "military"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A command named by no war's name (القيادة العامة) is, in a report of
 * another war, the one party of that war the list names by those words and
 * more: in Libya Haftar's general command; in Syria it stays Syria's. */
Test(sources, a_general_command_of_the_report_s_war)
{
    static const char *const cases[][3] = {
        {"بنغازي - قالت القيادة العامة للقوات المسلحة في بيان إن وحداتها قتلت 6 إرهابيين في "
         "درنة.",
         "6 إرهابيين", "lna"},
        {"وأعلنت القيادة العامة أن سلاح الجو شن 4 غارات على مواقع للمسلحين جنوب سبها.", "4 غارات",
         "lna"},
        /* counter-example */
        {"وأعلنت القيادة العامة للجيش مقتل 12 مسلحا في ريف حماة الشمالي.", "12 مسلحا",
         "syrian-army-general-command"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* An office of a known body named with its purpose after لـ ("مكتب الأمم
 * المتحدة للشؤون ...") is the office the list knows by its head and
 * purpose alone; an office of a body the list knows by its own name is
 * that body. An office of the UN named by its seat stays an office. */
Test(sources, an_office_of_a_known_body)
{
    static const char *const cases[][3] = {
        {"قال مكتب الأمم المتحدة للشؤون الإنسانية إن 40 ألف شخص نزحوا من رفح.", "40 ألف شخص",
         "ocha"},
        {"وأفاد مكتب الأمم المتحدة للشؤون الإنسانية في تقرير أن 9 قوافل دخلت القطاع.", "9 قوافل",
         "ocha"},
        {"وقال مكتب المفوضية السامية لحقوق الإنسان إن 12 مدنيا قتلوا في الفاشر.", "12 مدنيا",
         "ohchr"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
    static const claimant_case named[] = {
        /* counter-example */
        {"قال مكتب الأمم المتحدة في جنيف إن 40 ألف شخص نزحوا.", "40 ألف شخص",
         "مكتب الأمم المتحدة في جنيف", "un"},
    };
    check_claimants(named, sizeof named / sizeof named[0]);
}

/* An outlet in a dateline that the list also knows seated in the
 * dateline's place ("وكالة سبأ في صنعاء") is that one: Saba under Sanaa's
 * dateline is the Houthis' agency, under Aden's the government's. */
Test(sources, an_outlet_seated_in_its_dateline)
{
    static const outlet_case cases[] = {
        {"صنعاء - سبأ\nأعلن المتحدث باسم القوات المسلحة أن 3 مدنيين قتلوا في غارة على صعدة.",
         "saba-sanaa"},
        /* counter-example */
        {"عدن - سبأ\nأعلن الجيش اليمني مقتل 12 حوثيا في جبهة مأرب.", "saba"},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    const char *doc = "صنعاء - سبأ\nقال مصدر طبي إن 4 مدنيين أصيبوا في قصف على حجة.";
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    for (size_t i = 0; i < r.n_sources; i++)
        cr_expect_str_neq(r.sources[i].id, "saba", "the government's Saba is not named");
    extract_result_free(&r);
}

/* "الناطق باسم القائد العام للقوات المسلحة اللواء فلان": the function a
 * spokesman speaks for ends before a title or a given name, which names
 * the spokesman himself, not who holds the function. */
Test(sources, a_spokesman_of_a_function_named_after_it)
{
    static const claimant_case cases[] = {
        {"وقال الناطق باسم القائد العام للقوات المسلحة اللواء يحيى رسول إن الطيران العراقي نفذ 4 "
         "ضربات.",
         "4 ضربات", "اللواء يحيى رسول", "person"},
        {"وقال المتحدث باسم رئيس الوزراء العميد سعد معن إن القوات اعتقلت 7 مطلوبين.", "7 مطلوبين",
         "العميد سعد معن", "person"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An outlet the list knows opening the text, a slash or a dash, then the
 * report run in ("شفق نيوز/ أفاد مصدر ..."): the outlet's own dateline. */
Test(sources, an_outlet_runs_its_report_in)
{
    static const outlet_case cases[] = {
        {"شفق نيوز/ أفاد مصدر أمني في محافظة ديالى، يوم الأحد، بمقتل 2 من عناصر الحشد الشعبي "
         "وإصابة 3 آخرين بهجوم مسلح.",
         "shafaq-news"},
        {"السومرية نيوز - أعلنت خلية الإعلام الأمني، اليوم الثلاثاء، مقتل 5 إرهابيين بضربة جوية "
         "في وادي الشاي جنوب كركوك.",
         "alsumaria"},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* الأخبار ("the news") and المسيرة ("the march") are outlets only where
 * the text marks them so: with their noun (صحيفة، قناة) or in a dateline;
 * bare, they are the common words. */
Test(sources, outlet_names_that_are_common_words)
{
    static const outlet_case cases[] = {
        {"صنعاء - المسيرة\nأعلن المتحدث باسم القوات المسلحة استهداف 3 سفن في البحر الأحمر.",
         "al-masirah"},
        {"بيروت - الأخبار\nقال مصدر أمني إن 4 عناصر من الجيش قتلوا في اشتباك قرب الحدود.",
         "al-akhbar"},
        /* counter-examples */
        {"وأفادت الأخبار الواردة من المدينة بأن 7 مدنيين قتلوا في غارة.", NULL},
        {"آخر الأخبار\nقال مصدر أمني إن 4 عناصر قتلوا في اشتباك.", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
    static const claimant_case named[] = {
        {"وذكرت صحيفة الأخبار أن 7 عناصر أصيبوا في الاشتباك.", "7 عناصر", "الأخبار اللبنانية",
         "outlet"},
    };
    check_claimants(named, sizeof named / sizeof named[0]);
}

/* A function the list knows, then within a few words a person the list
 * knows as its holder, between commas or after whom he speaks to: the
 * person speaks ("الناطق باسم الجيش الإسرائيلي للإعلام العربي، أفيخاي
 * أدرعي"). */
Test(sources, a_listed_function_and_its_listed_holder)
{
    static const claimant_case cases[] = {
        {"زعم الناطق باسم الجيش الإسرائيلي، أفيخاي أدرعي، أن قواته دمرت 6 أنفاق في رفح.", "6 أنفاق",
         "أفيخاي أدرعي", "person"},
        {"وقال المتحدث باسم الجيش الإسرائيلي للإعلام العربي، أفيخاي أدرعي، إن الطائرات أغارت "
         "على 12 هدفا.",
         "12 هدفا", "أفيخاي أدرعي", "person"},
        /* counter-example: the function alone */
        {"وقال المتحدث باسم الجيش الإسرائيلي إن قواته دمرت 6 أنفاق.", "6 أنفاق",
         "المتحدث باسم الجيش الإسرائيلي", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The definite official ("المسؤول الأممي") with no unnamed official named
 * before refers back to the one holding a function who spoke last, across
 * the paragraph, not to a new unnamed official. */
Test(sources, the_official_is_who_holds_a_function)
{
    static const claimant_case cases[] = {
        {"قال المفوض العام للأونروا إن 14 منشأة تابعة للوكالة تعرضت للقصف.\nوأضاف المسؤول "
         "الأممي أن أكثر من مليون نازح يحتمون في مدارس الوكالة.",
         "مليون نازح", "المفوض العام للأونروا", NULL},
        {"قال وزير الصحة اللبناني فراس الأبيض إن 4 أشخاص قتلوا. وأوضح المسؤول اللبناني أن 9 "
         "آخرين أصيبوا.",
         "9 آخرين", "فراس الأبيض", NULL},
        /* counter-example: a body spoke; an official is someone else */
        {"قالت وزارة الصحة إن 4 أشخاص قتلوا. وقال المسؤول إن 9 آخرين أصيبوا.", "9 آخرين", "مسؤول",
         NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* الحرس refers back to a guard named before with حرس (الحرس الثوري). */
Test(sources, the_guard_refers_back)
{
    static const char *const cases[][3] = {
        {"أطلق الحرس الثوري 12 صاروخا على مقرات في أربيل. وقال بيان للحرس إن الضربات أسفرت عن "
         "تدمير 4 مقرات.",
         "4 مقرات", "irgc"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* A body's head alone after لـ, which took the article's alef ("بيان
 * للشرطة"), is named with its article: الشرطة, the same party as "وقالت
 * الشرطة". */
Test(sources, a_body_alone_after_lam)
{
    static const claimant_case cases[] = {
        {"وقال بيان للشرطة إن 4 مطلوبين اعتقلوا في حي الجهاد.", "4 مطلوبين", "الشرطة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Iraqi and Palestinian outlets by their datelines: Baghdad Today (also
 * "Baghdad today": only where a source stands), the Jerusalem daily al-Quds
 * by its site (the city alone is no outlet). */
Test(sources, iraqi_and_palestinian_outlets)
{
    static const outlet_case cases[] = {
        {"بغداد اليوم - ديالى\nأفاد مصدر أمني، اليوم الأحد، بإصابة 2 من عناصر الحشد الشعبي بهجوم "
         "في قاطع عمليات ديالى.",
         "baghdad-today"},
        {"جنين - القدس دوت كوم\nأفادت مصادر محلية بأن قوات الاحتلال اعتقلت 15 مواطنا خلال "
         "اقتحام مخيم جنين.",
         "al-quds-daily"},
        /* counter-example */
        {"قتل 5 أشخاص في بغداد اليوم بانفجار سيارة مفخخة قرب سوق شعبي.", NULL},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
    static const char *const ids[][3] = {
        {"وأفادت وكالة شهاب بأن 7 شبان أصيبوا برصاص الاحتلال في نابلس.", "7 شبان", "shehab-news"},
    };
    check_claimant_ids(ids, sizeof ids / sizeof ids[0]);
}

/* المقاومة refers back to a resistance named before with its article
 * (المقاومة الإسلامية في لبنان: Hezbollah). */
Test(sources, the_resistance_refers_back)
{
    static const char *const cases[][3] = {
        {"بيروت - المنار\nأعلنت المقاومة الإسلامية في لبنان أنها استهدفت موقع المالكية.\nوقالت "
         "المقاومة في "
         "بيان ثان إنها دمرت 3 دبابات ميركافا.",
         "3 دبابات", "hezbollah"},
        {"طهران - تسنيم\nأعلنت المقاومة الإسلامية في العراق استهداف قاعدة عين الأسد.\nوقالت "
         "المقاومة الإسلامية في بيان لاحق إن 4 طائرات مسيرة شاركت في الهجوم.",
         "4 طائرات", "islamic-resistance-iraq"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
}

/* A body described by its function, then named by a name the list knows
 * (no preposition between): the known party speaks ("خدمة الإسعاف
 * الإسرائيلية نجمة داود الحمراء"); an ambulance service is a body. */
Test(sources, a_described_body_and_its_listed_name)
{
    static const claimant_case cases[] = {
        {"قال الجيش الإسرائيلي إنه اعترض 5 صواريخ، فيما قالت خدمة الإسعاف الإسرائيلية نجمة داود "
         "الحمراء إن 2 من المستوطنين أصيبا بجروح طفيفة.",
         "2 من المستوطنين", "نجمة داود الحمراء", "ngo"},
        {"قال الجيش إنه اعترض 5 صواريخ. وقال الإسعاف الإسرائيلي إن 3 أشخاص أصيبوا بشظايا.",
         "3 أشخاص", "الإسعاف الإسرائيلي", "ngo"},
        /* counter-example: a preposition, the body's own name */
        {"وقالت المديرية العامة للدفاع المدني إن 3 أشخاص أصيبوا.", "3 أشخاص",
         "المديرية العامة للدفاع المدني", NULL},
        /* the UN's human rights office without السامية */
        {"وقالت مفوضية الأمم المتحدة لحقوق الإنسان إنها وثقت مقتل 8 مدنيين في الضفة الغربية.",
         "8 مدنيين", "مفوضية الأمم المتحدة السامية لحقوق الإنسان", "un"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An unnamed speaker after لـ that took the article's alef ("وفقا
 * للمتحدث باسم ...") keeps its article: the same speaker as when named
 * bare. */
Test(sources, a_speaker_after_lam_keeps_its_article)
{
    static const claimant_case cases[] = {
        {"ووفقا للمتحدث باسم وزارة الصحة في غزة، فإن 21 شخصا قتلوا في الغارات الأخيرة.", "21 شخصا",
         "المتحدث باسم وزارة الصحة في غزة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A spokesman's name between commas after his party ("المتحدثة باسم
 * اليونيسف، تيس إنغرام،"), two or three words no list knows: the person
 * speaks, and his surname refers back to him. */
Test(sources, a_spokesman_named_between_commas)
{
    static const claimant_case cases[] = {
        {"قالت المتحدثة باسم اليونيسف، تيس إنغرام، إن 14 ألف طفل قتلوا في غزة. وأضافت إنغرام أن "
         "17 ألف طفل آخرين باتوا بلا مرافق.",
         "17 ألف", "تيس إنغرام", "person"},
        /* counter-example: a time between commas */
        {"وقال المتحدث باسم الجيش، مساء أمس، إن 5 جنود قتلوا.", "5 جنود", "المتحدث باسم الجيش",
         NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Inside a function's or body's name, a name that is also an ordinary
 * phrase (الشرق الأوسط "the Middle East") is a party only quoted, after its
 * outlet noun or an office ("مكتب العربية"). */
Test(sources, an_ambiguous_name_inside_a_function)
{
    static const struct {
        const char *doc, *id;
        bool named;
    } cases[] = {
        {"قال مدير إدارة الشرق الأوسط في وزارة الخارجية الروسية إن 40 مواطنا روسيا غادروا "
         "القطاع.",
         "asharq-al-awsat", false},
        {"وقال مدير مكتب العربية في بغداد إن 5 أشخاص قتلوا في التفجير.", "alarabiya", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        bool named = false;
        for (size_t k = 0; k < r.n_sources; k++)
            named |= strcmp(r.sources[k].id, cases[i].id) == 0;
        cr_expect_eq(named, cases[i].named, "%s in: %s", cases[i].id, cases[i].doc);
        extract_result_free(&r);
    }
}

/* A ministry by its short name and the country's adjective ("الخارجية
 * القطرية", "الداخلية العراقية") and an embassy are bodies that speak; a
 * body's head alone that is a word of the last speaker's name ("وقالت
 * الخارجية" after "وزارة الخارجية العراقية") refers back to it. */
Test(sources, ministries_by_their_short_names)
{
    static const claimant_case cases[] = {
        {"قالت مصادر محلية إن 4 أشخاص قتلوا. وأعلنت الخارجية القطرية أن 3 مواطنين أصيبوا في "
         "الحادث.",
         "3 مواطنين", "الخارجية القطرية", "government"},
        {"قالت مصادر محلية إن 4 أشخاص قتلوا. وقالت الداخلية العراقية إن 3 من منتسبيها أصيبوا.",
         "3 من منتسبيها", "الداخلية العراقية", "government"},
        {"قالت مصادر محلية إن 4 أشخاص قتلوا. وقالت السفارة الأمريكية في بغداد إن 3 صواريخ سقطت "
         "قربها.",
         "3 صواريخ", "السفارة الأمريكية في بغداد", "government"},
        {"قالت وزارة الخارجية العراقية إن 4 أشخاص قتلوا.\nوقالت الخارجية إن 3 صواريخ سقطت قرب "
         "المطار.",
         "3 صواريخ", "وزارة الخارجية العراقية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A body of the speaker's own (its parent in the list) cited after the
 * speaker's words gives the count the speaker relays ("قالت الأمم المتحدة
 * إن ...، بحسب تقديرات أوتشا"); another party cited leaves the speaker its
 * words. */
Test(sources, a_body_of_the_speaker_s_own_cited)
{
    static const claimant_case cases[] = {
        {"قالت الأمم المتحدة إن 1.7 مليون شخص نزحوا في غزة، بحسب تقديرات مكتب تنسيق الشؤون "
         "الإنسانية (أوتشا).",
         "1.7 مليون", "مكتب تنسيق الشؤون الإنسانية", "un"},
        /* counter-example */
        {"قالت الأمم المتحدة إن 40 شخصا قتلوا في القصف، بحسب مصادر طبية.", "40 شخصا",
         "الأمم المتحدة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An update, a bulletin or a briefing is what a statement is made in: after
 * في it ends the speaker's name ("وزارة الدفاع البريطانية في تحديثها
 * الاستخباراتي اليومي"). */
Test(sources, an_update_is_a_medium)
{
    static const claimant_case cases[] = {
        {"وقالت وزارة الدفاع البريطانية في تحديثها الاستخباراتي اليومي إن روسيا خسرت نحو 1200 "
         "جندي يوميا.",
         "1200 جندي", "وزارة الدفاع البريطانية", "government"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A word of what a statement is made in, definite in the genitive of a
 * function ("مدير الاتصال"), names the function; after a complete name or
 * indefinite ("قال الجيش بيانا") it does not. */
Test(sources, a_medium_word_naming_a_function)
{
    static const claimant_case cases[] = {
        {"وقال مدير الاتصال في الرئاسة التركية إن 11 إرهابيا حيدوا في شمالي العراق.", "11 إرهابيا",
         "مدير الاتصال في الرئاسة التركية", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "مصادر خاصة", "مصدر موثوق": the unnamed source keeps its adjective in
 * its name; a quote opened in a speaker's name closes it. */
Test(sources, unnamed_sources_with_their_adjectives)
{
    static const claimant_case cases[] = {
        {"قالت مصادر خاصة للجزيرة نت إن 13 من عناصر الأمن قتلوا في كمين قرب الحدود.", "13 من",
         "مصادر خاصة", "anonymous"},
        {"وقال مراسل \"سكاي نيوز عربية\" في الخرطوم إن 20 مدنيا قتلوا في قصف مدفعي.", "20 مدنيا",
         "مراسل \"سكاي نيوز عربية\"", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A body's spokesman named between commas by his title ("المتحدث باسم
 * القيادة، اللواء فلان الفلاني، إن") speaks, and his surname refers back
 * to him; a function's spokesman so named keeps the function. */
Test(sources, a_body_s_spokesman_titled_between_commas)
{
    static const claimant_case cases[] = {
        {"أعلنت قيادة العمليات المشتركة حصيلة عمليات الأسبوع. وقال المتحدث باسم القيادة، اللواء "
         "تحسين الخفاجي، إن القطعات قتلت 17 إرهابيا.\nوأضاف الخفاجي أن الطيران نفذ 11 طلعة "
         "جوية.",
         "11 طلعة", "اللواء تحسين الخفاجي", "person"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Libya's news agency split in two: under Benghazi's dateline it is the
 * eastern one (listed seated in بنغازي), under Tripoli's the GNA's. */
Test(sources, the_libyan_agency_by_its_dateline)
{
    static const outlet_case cases[] = {
        {"بنغازي - وكالة الأنباء الليبية\nأعلنت القيادة العامة مقتل 6 إرهابيين في درنة.",
         "lana-east"},
        {"طرابلس - وكالة الأنباء الليبية\nأعلنت وزارة الداخلية مقتل 6 من عناصرها في اشتباكات.",
         "lana"},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
}

/* A function with its adjective ("المفوض العام", "المدير العام") calls
 * back the one named with both before it; another adjective names someone
 * else, and with none before it is a function of its own. */
Test(sources, a_function_with_its_adjective_refers_back)
{
    static const claimant_case cases[] = {
        {"قال المفوض العام للأونروا فيليب لازاريني إن 190 موظفا قتلوا.\nوأضاف المفوض العام أن "
         "150 منشأة تعرضت للقصف.",
         "150 منشأة", "فيليب لازاريني", "person"},
        {"قال المدير العام للدفاع المدني إن 4 أشخاص قتلوا. وقال المدير العام إن 9 آخرين أصيبوا.",
         "9 آخرين", "المدير العام للدفاع المدني", NULL},
        /* counter-examples */
        {"قال المفوض العام للأونروا إن 190 موظفا قتلوا. وقال المفوض الأوروبي إن 150 منشأة "
         "تضررت.",
         "150 منشأة", "المفوض الأوروبي", NULL},
        {"وقال المدير العام إن 9 أشخاص أصيبوا.", "9 أشخاص", "المدير العام", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "الوكالة" alone refers back to the agency the list knows by its name
 * alone (a dateline's); under Sanaa's dateline that is the Houthis' Saba. */
Test(sources, the_agency_refers_back_to_the_dateline_s)
{
    static const char *const cases[][3] = {
        {"صنعاء - سبأ\nوقالت الوكالة إن 4 مدنيين قتلوا في غارة على صعدة.", "4 مدنيين",
         "saba-sanaa"},
        {"دمشق - سانا\nوقالت الوكالة إن 4 مدنيين قتلوا بقذائف على حي سكني.", "4 مدنيين", "sana"},
        {"وذكرت النسخة الحوثية من وكالة سبأ أن 4 مدنيين قتلوا في غارة.", "4 مدنيين", "saba-sanaa"},
    };
    check_claimant_ids(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    const char *doc = "صنعاء - سبأ\nنقلت الوكالة عن مصدر طبي أن 4 مدنيين قتلوا.";
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    for (size_t i = 0; i < r.n_sources; i++)
        cr_expect_str_neq(r.sources[i].id, "saba", "the government's Saba is not named");
    extract_result_free(&r);
}

/* A definite noun of people after a body's name is whom the verb reaches,
 * not part of the name: الأهالي ends in ـي as a nisba does, but is a
 * plural noun ("أبلغ الجيش الأهالي بضرورة الإخلاء"). */
Test(sources, whom_a_body_warned_is_not_its_name)
{
    static const claimant_case cases[] = {
        {"أبلغ الجيش الأهالي بضرورة مغادرة القرية، وقال إن 14 مسلحا قتلوا.", "14 مسلحا", "الجيش",
         NULL},
        {"أبلغت قوات الأمن الأهالي بإخلاء الحي، وقالت إن 6 مطلوبين اعتقلوا.", "6 مطلوبين",
         "قوات الأمن", NULL},
        {"وأبلغت قيادة الشرطة المدنيين بخطر الألغام، وقالت إن 3 أطفال أصيبوا.", "3 أطفال",
         "قيادة الشرطة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Residents who speak are written indefinite with من ("سكان من البلدة"):
 * they are the residents, named without the preposition; the definite
 * residents with من are the people a figure counts, who say nothing. */
Test(sources, residents_from_a_place)
{
    static const claimant_case cases[] = {
        {"قال سكان من القرية إن 9 مدنيين قتلوا في القصف المدفعي.", "9 مدنيين", "سكان", "anonymous"},
        {"وأفاد أهالي من حي الزهور بأن 3 أطفال أصيبوا بشظايا.", "3 أطفال", "أهالي", "anonymous"},
        {"وقال سكان في حي الشجاعية إن 5 منازل دمرت.", "5 منازل", "سكان", "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    const char *docs[] = {
        "وفر مئات الأهالي من القرية بعد القصف الليلي.", "ونزح آلاف السكان من المخيم خلال يومين.",
        "ويعيش آلاف السكان في المخيم منذ 3 أعوام.", "وأصيب سكان في الحي بحالات اختناق بعد القصف.",
        "ونزح سكان من القرى المجاورة نحو المدينة."};
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        extract_result r;
        cr_assert_eq(extract_document(model, docs[k], strlen(docs[k]), &r), 0);
        cr_expect_eq(r.n_sources, 0, "no speaker in: %s (%s)", docs[k],
                     r.n_sources ? r.sources[0].name : "");
        extract_result_free(&r);
    }
}

/* A body the list knows as one party's by a name any party's body may
 * carry ("الإعلام الحربي", Hezbollah's) is another's when its owner follows
 * (في X, التابع لـX, لـX): the office of that owner, not the listed one. */
Test(sources, an_office_s_owner_after_its_name)
{
    static const claimant_case cases[] = {
        {"قال مكتب الإعلام الحربي في الحشد الشعبي إن 7 من عناصر داعش قتلوا في جرف النصر.", "7 من",
         "مكتب الإعلام الحربي في الحشد الشعبي", NULL},
        {"وذكر الإعلام الحربي التابع للحشد الشعبي أن 5 إرهابيين قتلوا في وادي حوران.", "5 إرهابيين",
         "الإعلام الحربي التابع للحشد الشعبي", NULL},
        {"وأفاد الإعلام الحربي للحشد الشعبي بأن 4 أوكار دمرت.", "4 أوكار",
         "الإعلام الحربي للحشد الشعبي", NULL},
        /* its own owner, or a country where it works: the listed body */
        {"وقال الإعلام الحربي في حزب الله إن 3 دبابات دمرت.", "3 دبابات", "الإعلام الحربي المركزي",
         NULL},
        {"وقال الإعلام الحربي في سوريا إن 3 دبابات دمرت.", "3 دبابات", "الإعلام الحربي المركزي",
         NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    const char *doc = "وذكر الإعلام الحربي التابع للحشد الشعبي أن 5 إرهابيين قتلوا.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    for (size_t i = 0; i < r.n_sources; i++)
        cr_expect_str_neq(r.sources[i].id, "war-media", "Hezbollah's war media is not named");
    extract_result_free(&r);
}

/* An outlet's unattributed lead that the next sentence's statement goes on
 * to detail is that statement's party's; not when the party denies it, nor
 * when it gives a count of its own (the lead is then the outlet's toll). */
Test(sources, a_lead_the_next_statement_develops)
{
    static const claimant_case cases[] = {
        {"بغداد - رويترز\nقتل 5 عناصر من تنظيم داعش في ضربة جوية شمال بغداد.\nوذكرت خلية الإعلام "
         "الأمني أن الضربة استهدفت وكرا للتنظيم في وادي الشاي.",
         "5 عناصر", "خلية الإعلام الأمني", NULL},
        {"أنقرة - الأناضول\nتم تحييد 7 إرهابيين شمالي العراق.\nوأوضحت وزارة الدفاع التركية في بيان "
         "أن العملية جرت في منطقة متينا.",
         "7 إرهابيين", "وزارة الدفاع التركية", NULL},
        /* counter-examples */
        {"الخرطوم - الأناضول\nقتل 12 مدنيا في قصف مدفعي على أحياء في الفاشر.\nونفت قوات الدعم "
         "السريع في بيان على تلغرام مسؤوليتها عن القصف.",
         "12 مدنيا", "الأناضول", NULL},
        {"مقديشو - رويترز\nقتل 9 جنود في هجوم على قاعدة عسكرية جنوبي الصومال.\nوقالت حركة الشباب "
         "إن مقاتليها قتلوا 30 جنديا.",
         "9 جنود", "رويترز", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A name the list gives one war's party as a common noun ("الجيش الوطني",
 * "القيادة العامة للقوات المسلحة") followed by an adjective of no place, or
 * of a country where the list knows no war, names another body: read by
 * its form. A ministry's genitive names its portfolio, not an armed group
 * of the same words (وزارة الدفاع الوطني, not قوات الدفاع الوطني). */
Test(sources, another_country_s_body_by_its_adjective)
{
    static const claimant_case cases[] = {
        {"وقال الجيش الوطني الشعبي في بيان إن مفارزه قضت على 4 إرهابيين.", "4 إرهابيين",
         "الجيش الوطني الشعبي", "military"},
        {"وقال مصدر في القيادة العامة للقوات المسلحة الأردنية إن 5 مهربين قتلوا على الحدود.",
         "5 مهربين", "مصدر في القيادة العامة للقوات المسلحة الأردنية", NULL},
        {"وأعلنت وزارة الدفاع الوطني توقيف 19 مهربا في الجنوب.", "19 مهربا", "وزارة الدفاع الوطني",
         "government"},
        {"وحسب بيان لوزارة الدفاع الوطني، فقد ضبطت 6 مركبات.", "6 مركبات", "وزارة الدفاع الوطني",
         "government"},
        /* counter-examples: a country at war, the group itself */
        {"وقالت القوات الحكومية السورية إن 5 مسلحين قتلوا.", "5 مسلحين", "الجيش السوري", NULL},
        {"وقالت قوات الدفاع الوطني إن 3 مسلحين قتلوا.", "3 مسلحين", "قوات الدفاع الوطني", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    const char *doc = "وقال مصدر في القيادة العامة للقوات المسلحة الأردنية إن 5 مهربين قتلوا.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    for (size_t i = 0; i < r.n_sources; i++)
        cr_expect_str_neq(r.sources[i].id, "syrian-army-general-command", "not Syria's command");
    extract_result_free(&r);
}

/* "مسؤول" after an unnamed source describes it ("مصدر عسكري مسؤول"): one
 * source, no official of its own. */
Test(sources, a_responsible_source_is_one_source)
{
    static const claimant_case cases[] = {
        {"وقال مصدر عسكري مسؤول إن 4 مهربين قتلوا خلال الاشتباك.", "4 مهربين", "مصدر عسكري مسؤول",
         "anonymous"},
        {"وأفادت مصادر أمنية مسؤولة بأن 7 مطلوبين اعتقلوا.", "7 مطلوبين", "مصادر أمنية مسؤولة",
         "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
    const char *doc = "وقال مصدر عسكري مسؤول إن 4 مهربين قتلوا خلال الاشتباك.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    cr_expect_eq(r.n_sources, 1, "one source, got %zu", r.n_sources);
    extract_result_free(&r);
}

/* A toll a party publishes is what its statement is made in, as بيان is:
 * "أفادت حصيلة X" credits X, "قال X في حصيلة" ends X's name. */
Test(sources, a_toll_published_by_a_party)
{
    static const claimant_case cases[] = {
        {"وأفادت حصيلة الجيش السوداني بأن 13 مسلحا قتلوا في المعارك.", "13 مسلحا",
         "القوات المسلحة السودانية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A verb of saying with إلى right after it ("وأشار إلى مقتل ...") has a
 * hidden subject, the last speaker, also in a paragraph of its own. */
Test(sources, pointing_to_an_event_carries_the_speaker)
{
    static const claimant_case cases[] = {
        {"القاهرة - أ ش أ\nأعلن المتحدث العسكري العقيد فلان الفلاني أن 18 عنصرا قتلوا في "
         "مداهمات.\nوأشار إلى مقتل ضابط و3 جنود خلال الاشتباكات.",
         "3 جنود", "العقيد فلان الفلاني", NULL},
        {"مقديشو - الأناضول\nقال الجيش الصومالي إن قواته قتلت 23 مسلحا.\nولفت إلى إصابة 4 جنود "
         "بجروح طفيفة.",
         "4 جنود", "الجيش الصومالي", NULL},
        /* counter-example: نُقل إلى moves the wounded, it says nothing */
        {"دمشق - سانا\nقال الدفاع المدني إن 3 أشخاص قتلوا.\nونقل إلى المستشفى 5 جرحى.", "5 جرحى",
         "سانا", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Where the relaying outlet works may stand before عن: "نقلت وكالة X في
 * PLACE عن Y" credits Y. */
Test(sources, a_relay_seated_in_a_place)
{
    static const claimant_case cases[] = {
        {"ونقلت وكالة سانا في دمشق عن مصدر عسكري أن 4 مسلحين قتلوا.", "4 مسلحين", "مصدر عسكري",
         NULL},
        {"ونقلت وكالة الأناضول في مقديشو عن مسؤول محلي أن 6 مدنيين قتلوا.", "6 مدنيين",
         "مسؤول محلي", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The state agencies of Jordan and Algeria sign their datelines; al-Shabab's
 * radio is the group's. */
Test(sources, agencies_of_jordan_and_algeria)
{
    static const outlet_case cases[] = {
        {"عمان - بترا\nأحبطت القوات المسلحة محاولة تهريب وقتلت 4 مهربين على الحدود الشمالية.",
         "petra"},
        {"الجزائر - واج\nقضت مفارز الجيش على 3 إرهابيين وأوقفت 9 عناصر دعم.", "aps"},
    };
    check_outlets(cases, sizeof cases / sizeof cases[0]);
    const char *doc = "وقالت حركة الشباب عبر إذاعة الأندلس إن مقاتليها قتلوا 15 جنديا.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    bool radio = false;
    for (size_t i = 0; i < r.n_sources; i++)
        radio |= !strcmp(r.sources[i].id, "andalus-radio");
    cr_expect(radio, "al-Andalus radio is named");
    extract_result_free(&r);
}

/* A toll summing up a party's operations names its owner after what it
 * sums up ("حصيلة عمليات الجيش"); a period it covers is no part of the
 * owner's name. */
Test(sources, a_toll_of_a_party_s_operations)
{
    static const claimant_case cases[] = {
        {"أفادت حصيلة عمليات الجيش الوطني الشعبي للفترة الممتدة من 3 إلى 9 مارس بأن مفارزه قضت "
         "على 5 إرهابيين.",
         "5 إرهابيين", "الجيش الوطني الشعبي", NULL},
        {"وأفادت حصيلة عمليات الجيش السوداني بأن 13 مسلحا قتلوا.", "13 مسلحا",
         "القوات المسلحة السودانية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Whom a statement was told ends the speaker's name: the publisher's own
 * correspondent too ("لمراسلنا"). */
Test(sources, told_to_our_correspondent)
{
    static const claimant_case cases[] = {
        {"وقال مصدر في المجلس العسكري لدير الزور لمراسلنا إن اثنين من المقاتلين أصيبا.", "اثنين من",
         "مصدر في المجلس العسكري لدير الزور", NULL},
        {"وقال قائد الشرطة لمراسلتنا إن 3 مطلوبين اعتقلوا.", "3 مطلوبين", "قائد الشرطة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* The office of a spokesman (باسم, also a given name, ties him to whom he
 * speaks for), and a function held in a party ("الباحثة في المنظمة"). */
Test(sources, a_spokesman_s_office_and_a_function_in_a_party)
{
    static const claimant_case cases[] = {
        {"وأفاد مكتب الناطق الرسمي باسم القوات المسلحة بأن الجيش دمر 8 عربات.", "8 عربات",
         "مكتب الناطق الرسمي باسم القوات المسلحة", NULL},
        {"وأفاد مكتب المتحدث باسم الأمين العام بأن 8 مدنيين قتلوا.", "8 مدنيين",
         "مكتب المتحدث باسم الأمين العام", NULL},
        {"بيروت - أ ف ب\nجاء في تقرير لمنظمة هيومن رايتس ووتش أن 40 مدنيا قتلوا.\nوقالت الباحثة في "
         "المنظمة لوكالة فرانس برس إن 30 عائلة نزحت.",
         "30 عائلة", "الباحثة في المنظمة", NULL},
        {"بيروت - أ ف ب\nوقال الباحث في منظمة العفو الدولية إن 30 عائلة نزحت.", "30 عائلة",
         "الباحث في منظمة العفو الدولية", NULL},
        /* counter-example: a governor's office and his name */
        {"وقال مكتب المحافظ باسم الخطيب إن 8 مدنيين قتلوا.", "8 مدنيين", "مكتب المحافظ", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A party's page or account is where its statement is made, as its بيان
 * is: "قالت صفحة X على فيسبوك" credits X. */
Test(sources, a_party_s_page_or_account)
{
    static const claimant_case cases[] = {
        {"وقالت صفحة القوات المسلحة السودانية على فيسبوك إن 12 مسيرة أسقطت.", "12 مسيرة",
         "القوات المسلحة السودانية", NULL},
        {"وذكر حساب قوات الدعم السريع على تلغرام أن 25 جنديا أسروا.", "25 جنديا",
         "قوات الدعم السريع", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A spokesman's name after the party he speaks for may close with a family
 * name that carries the article ("تركي المالكي"). */
Test(sources, a_spokesman_s_family_name_with_the_article)
{
    static const claimant_case cases[] = {
        {"وقال المتحدث باسم التحالف تركي المالكي إن الدفاعات الجوية دمرت 4 طائرات مسيرة.",
         "4 طائرات", "تركي المالكي", "person"},
        {"وقال المتحدث باسم الجيش الصومالي صالح الحسني لإذاعة مقديشو إن 20 مسلحا قتلوا.",
         "20 مسلحا", "صالح الحسني", "person"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "يدعى" before the name of who holds a function is no word of his name. */
Test(sources, a_holder_named_after_the_verb_of_naming)
{
    static const claimant_case cases[] = {
        {"وقال ضابط في الجيش الصومالي يدعى محمد حسن لرويترز إن 12 جنديا قتلوا.", "12 جنديا",
         "محمد حسن", "person"},
        /* the whole name, whatever its first word also names (سارة, فاطمة:
         * towns too) */
        {"وقالت ممرضة في المستشفى تدعى سارة أحمد إن 20 جريحا وصلوا خلال الليل.", "20 جريحا",
         "سارة أحمد", "person"},
        {"وقالت مسعفة في الهلال الأحمر تدعى فاطمة يوسف إن 9 جثث انتشلت.", "9 جثث", "فاطمة يوسف",
         "person"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A nurse or a paramedic serving in a body speaks as a function does. */
Test(sources, a_nurse_or_paramedic_in_a_body)
{
    static const claimant_case cases[] = {
        {"وقال مسعف في الهلال الأحمر إن 7 جثث انتشلت من تحت الأنقاض.", "7 جثث",
         "مسعف في الهلال الأحمر", "role"},
        {"وقال ممرض في مستشفى كمال عدوان إن 12 جريحا وصلوا.", "12 جريحا",
         "ممرض في مستشفى كمال عدوان", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "استنادا إلى" after a party credited in its sentence names what that
 * party drew on: the tally is the party's, the data's owner only
 * mentioned. */
Test(sources, a_basis_after_a_credited_party)
{
    static const claimant_case cases[] = {
        {"قتل 35 شخصا في الغارات على المدينة، بحسب إحصاء لوكالة فرانس برس استنادا إلى بيانات "
         "الوزارة.",
         "35 شخصا", "فرانس برس", NULL},
        {"وأحصت رويترز مقتل 18 مدنيا في القصف مستندة إلى بيانات وزارة الصحة.", "18 مدنيا", "رويترز",
         NULL},
        /* and the next sentence stays with that party */
        {"وأفاد المرصد السوري لحقوق الإنسان بمقتل 9 مقاتلين استنادا إلى مصادر طبية. وأضاف أن 4 "
         "آخرين أصيبوا.",
         "4 آخرين", "المرصد السوري لحقوق الإنسان", NULL},
        /* alone, the basis is who gives the count */
        {"قتل 12 شخصا في القصف، استنادا إلى بيانات وزارة الصحة.", "12 شخصا", "وزارة الصحة", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A local outlet's dateline ("درعا - تجمع أحرار حوران") names the
 * publisher, and its correspondent, named or referred back to by the head
 * of its name ("مراسل التجمع", "مراسل الشبكة"), is the publisher speaking;
 * another outlet's correspondent stays himself. */
Test(sources, the_dateline_outlet_s_correspondent_is_the_outlet)
{
    static const claimant_case cases[] = {
        {"درعا - تجمع أحرار حوران\nقتل مدنيان برصاص مجهولين في بلدة طفس. وأفاد مراسل التجمع "
         "بأن 4 آخرين أصيبوا بجروح.",
         "4 آخرين", "تجمع أحرار حوران", "outlet"},
        {"درعا - تجمع أحرار حوران\nقتل 3 مدنيين برصاص مجهولين في بلدة طفس.", "3 مدنيين",
         "تجمع أحرار حوران", "outlet"},
        {"درعا - درعا 24\nوقال مراسل الشبكة إن 6 عناصر من الأمن العسكري قتلوا في كمين.", "6 عناصر",
         "درعا 24", "outlet"},
        /* however far from the dateline */
        {"درعا - تجمع أحرار حوران\nاعتقلت الأجهزة الأمنية 5 شبان من بلدة الحراك. وجاءت الحملة "
         "بعد هجوم على حاجز. وشهدت البلدة توترا. وأغلقت المحال أبوابها. وانتشرت دوريات في "
         "الشوارع. وتوقفت المدارس عن العمل.\nوأفاد مراسل التجمع بأن 2 من المعتقلين أطلق "
         "سراحهما.",
         "2 من المعتقلين", "تجمع أحرار حوران", "outlet"},
        {"درعا - تجمع أحرار حوران\nوقال مراسل سانا إن 7 مدنيين قتلوا في قصف على بصرى الشام.",
         "7 مدنيين", "مراسل سانا", NULL},
        /* the network referred back to may be a monitor */
        {"أحصت الشبكة السورية لحقوق الإنسان مقتل 20 مدنيا. وأوضحت الشبكة أن 113 شخصا اعتقلوا.",
         "113 شخصا", "الشبكة السورية لحقوق الإنسان", "ngo"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "المسؤولة" after a definite noun is its adjective ("الجهات المسؤولة",
 * "السلطات المسؤولة"): no official speaks; "المسؤول" after a verb does. */
Test(sources, responsible_after_a_definite_noun_is_no_official)
{
    static const claimant_case cases[] = {
        {"قتل 12 شخصا بانفجار سيارة ملغومة وسط السوق، بحسب الجهات المسؤولة.", "12 شخصا", "(none)",
         NULL},
        {"وأعلنت السلطات المسؤولة عن المعبر توقيف 8 أشخاص.", "8 أشخاص", "السلطات", NULL},
        {"قال مسؤول محلي إن 5 مدنيين قتلوا. وأضاف المسؤول أن 12 شخصا أصيبوا.", "12 شخصا",
         "مسؤول محلي", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A unit's number after its definite head is its name ("الفرقة 22",
 * "الكتيبة 16"), who speaks; not the head alone referring back. */
Test(sources, a_numbered_unit_speaks)
{
    static const claimant_case cases[] = {
        {"قالت الفرقة 22 إنها أسرت 15 عنصرا من قوات النظام في ريف حماة.", "15 عنصرا", "الفرقة 22",
         "military"},
        {"وأعلنت الكتيبة 16، أن مقاتليها دمروا 3 دبابات.", "3 دبابات", "الكتيبة 16", "military"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A person who goes on (وأضاف) with the words of a spokesman no one was
 * named for is that spokesman: one claimant, not two; another function
 * before him stays another party. */
Test(sources, a_named_person_going_on_for_a_spokesman)
{
    static const claimant_case cases[] = {
        {"وقال المتحدث العسكري إن قواته قتلت 40 مسلحا. وأضاف العقيد أحمد المسماري أن 5 جنود "
         "قتلوا.",
         "40 مسلحا", "العقيد أحمد المسماري", "person"},
        {"وقال الناطق باسم الجيش إن الدفاعات الجوية أسقطت 6 طائرات مسيرة.\nوأضاف العميد خالد "
         "يوسف أن 3 جنود أصيبوا.",
         "6 طائرات", "العميد خالد يوسف", "person"},
        {"وقال وزير الخارجية إن 40 مدنيا قتلوا. وأضاف العقيد أحمد المسماري أن 5 جنود قتلوا.",
         "40 مدنيا", "وزير الخارجية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A verb of saying joined to its clause by "، و" with its subject hidden
 * says what the subject of the clause's verb says, not the speaker before:
 * a retraction ("تراجعت الوزارة عن حصيلتها، وقالت إن"), an attack. */
Test(sources, a_joined_verb_of_saying_takes_its_clause_s_subject)
{
    static const claimant_case cases[] = {
        {"قال الجيش إن 5 جنود قتلوا. وتراجعت وزارة الصحة عن حصيلتها السابقة، وقالت إن 12 شخصا "
         "قتلوا.",
         "12 شخصا", "وزارة الصحة", NULL},
        {"قال الجيش إن 5 جنود قتلوا. وهاجمت قوات الدعم السريع مواقع الجيش، وأعلنت أنها قتلت 12 "
         "جنديا.",
         "12 جنديا", "قوات الدعم السريع", NULL},
        /* the clause's verb says it: the speaker stays */
        {"وأكد الجيش مقتل 5 جنود، وقال إن 9 آخرين أصيبوا.", "9 آخرين", "الجيش", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A fact-check sets a claim against its correction: an account on a
 * platform ("زعم حساب على منصة إكس أن") asserts the claim, not the body
 * whose count corrects it; "على حساب" (at the expense of) is no one. */
Test(sources, an_account_on_a_platform_claims)
{
    static const claimant_case cases[] = {
        {"زعم حساب على منصة إكس أن 300 شخص قتلوا في القصف على مخيم جباليا. والصحيح أن وزارة "
         "الصحة في غزة أعلنت مقتل 45 شخصا في القصف.",
         "300 شخص", "حساب على منصة إكس", "anonymous"},
        {"وزعمت حسابات على تلغرام أن 40 جنديا أسروا.", "40 جنديا", "حسابات", "anonymous"},
        {"قتل 12 مدنيا في القصف، وجاء التقدم على حساب المدنيين.", "12 مدنيا", "(none)", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An interview or statement put first ("وفي مقابلة مع قناة الجزيرة،",
 * "في تصريح خاص لعنب بلدي،"): the outlet it was given to, before the
 * comma, is whom the words were told; the subject after the verb speaks. */
Test(sources, an_interview_put_first_names_whom_it_was_told)
{
    static const claimant_case cases[] = {
        {"وفي مقابلة مع قناة الجزيرة، قال وزير الدفاع التركي إن قواته أسرت 200 مقاتل.", "200 مقاتل",
         "وزير الدفاع التركي", NULL},
        {"وفي حديث لقناة الجزيرة، قال المتحدث باسم الجيش إن قواته دمرت 5 دبابات.", "5 دبابات",
         "المتحدث باسم الجيش", NULL},
        /* a subject before the comma still speaks */
        {"وكانت صحيفة الوطن السورية، ذكرت أن 7 عناصر قتلوا.", "7 عناصر", "الوطن السورية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A journalist is a function like another: "وكتب الصحفي فلان على حسابه
 * في إكس أن" is said by the journalist named; "المؤتمر الصحفي" is no
 * journalist. */
Test(sources, a_journalist_speaks_as_a_function)
{
    static const claimant_case cases[] = {
        {"وكتب الصحفي محمد الحسن على حسابه في إكس أن 30 عائلة نزحت من القرية.", "30 عائلة",
         "محمد الحسن", "person"},
        /* the press conference is no journalist */
        {"قال مدير الصحة في المدينة إن الغارات استهدفت سوقا.\nوأشار في المؤتمر الصحفي الذي عقده "
         "مساء اليوم إلى أن 8 منازل دمرت.",
         "8 منازل", "مدير الصحة في المدينة", NULL},
        {"وقالت الصحفية ريم أحمد إن 30 عائلة نزحت من القرية.", "30 عائلة", "ريم أحمد", "person"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Speakers in turn at a press conference: an adverb between the verb and
 * its subject ("وتحدث بعده وزير الصحة"، "وقال بدوره المتحدث") is passed
 * over as time is, and the subject after it speaks. */
Test(sources, an_adverb_between_the_verb_and_its_subject)
{
    static const claimant_case cases[] = {
        {"وقال الناطق باسم الحكومة في مؤتمر صحفي إن 17 مدنيا قتلوا. وتحدث بعده وزير الصحة، "
         "فأوضح أن 43 جريحا يتلقون العلاج.",
         "43 جريحا", "وزير الصحة", NULL},
        {"قال الجيش إن 5 جنود قتلوا. وقال بدوره مدير مستشفى الشفاء إن 9 جثث وصلت.", "9 جثث",
         "مدير مستشفى الشفاء", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* Pages and accounts of social media that circulate a report (تداولت،
 * تناقلت) assert it: "تداولت صفحات محلية أنباء عن مقتل 6". */
Test(sources, pages_that_circulate_a_report)
{
    static const claimant_case cases[] = {
        {"وتداولت صفحات محلية على فيسبوك أنباء عن مقتل 6 عناصر من الأمن في كمين.", "6 عناصر",
         "صفحات محلية", "anonymous"},
        {"وتناقلت حسابات موالية صورا تظهر 20 جثة.", "20 جثة", "حسابات موالية", "anonymous"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* "PLACE - X" names an outlet the list does not know when the text calls
 * X by its correspondent ("وقال مراسل صوت العاصمة"): a reporter has none;
 * that correspondent is the outlet speaking. A byline stays no outlet. */
Test(sources, a_dateline_name_called_by_its_correspondent)
{
    static const claimant_case cases[] = {
        {"ريف دمشق - صوت العاصمة\nقتل شاب وأصيب اثنان آخران بانفجار عبوة ناسفة في مدينة دوما. "
         "وقال مراسل صوت العاصمة إن 4 منازل تضررت.",
         "4 منازل", "صوت العاصمة", "outlet"},
        {"ريف دمشق - صوت العاصمة\nقتل شاب وأصيب اثنان آخران بانفجار عبوة ناسفة في مدينة دوما. "
         "وقال مراسل صوت العاصمة إن 4 منازل تضررت.",
         "اثنان آخران", "صوت العاصمة", "outlet"},
        {"دوما - محمد الأحمد\nقال مراسل محمد الأحمد إن 4 منازل تضررت.", "4 منازل", "مراسل", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A spokesman is always someone's: whom he speaks for, a party no list
 * or form knows, is part of his name ("المتحدث باسم المحتجين"). */
Test(sources, a_spokesman_for_a_party_no_list_knows)
{
    static const claimant_case cases[] = {
        {"وقال رئيس الوزراء إن 60 عنصرا من قوات الأمن قتلوا، فيما قال المتحدث باسم المحتجين إن "
         "130 متظاهرا قتلوا.",
         "130 متظاهرا", "المتحدث باسم المحتجين", "role"},
        {"وقال المتحدث باسم العشائر العربية إن 13 مقاتلا قتلوا.", "13 مقاتلا",
         "المتحدث باسم العشائر العربية", "role"},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* An interview in questions and answers: who it was held with ("حوارا مع
 * القائد فلان") answers each "ج:", the narrator asks each "س:". */
Test(sources, the_answers_of_an_interview_are_the_interviewee_s)
{
    static const claimant_case cases[] = {
        {"أجرت عنب بلدي حوارا مع القائد العسكري في فيلق الشام أبو عمر الإدلبي.\nس: ما حصيلة "
         "المعارك الأخيرة؟\nج: قتلنا أكثر من 30 عنصرا من قوات النظام ودمرنا 4 دبابات.",
         "4 دبابات", "أبو عمر الإدلبي", "person"},
        {"أجرت عنب بلدي حوارا مع القائد العسكري في فيلق الشام أبو عمر الإدلبي.\nس: هل صحيح أن "
         "12 مقاتلا قتلوا؟\nج: لا.",
         "12 مقاتلا", "(none)", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}

/* A sound plural that keeps its nun heads no genitive: "اتهم ناشطون قوات
 * النظام" names the accused after the activists, not their party; "ناشطون
 * في X" still belong to X. */
Test(sources, a_nun_plural_speaker_heads_no_genitive)
{
    static const struct {
        const char *doc, *name;
        bool present;
    } cases[] = {
        {"وقالت وكالة سانا إن مسلحين قتلوا 4 مدنيين، فيما اتهم ناشطون قوات النظام بقتلهم.",
         "ناشطون", true},
        {"وقالت وكالة سانا إن مسلحين قتلوا 4 مدنيين، فيما اتهم ناشطون قوات النظام بقتلهم.",
         "ناشطون قوات النظام بقتلهم", false},
        {"وقال مسؤولون في وزارة الصحة إن 5 مدنيين قتلوا.", "مسؤولون في وزارة الصحة", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        extract_result r;
        cr_assert_eq(extract_document(model, cases[i].doc, strlen(cases[i].doc), &r), 0);
        bool found = false;
        for (size_t s = 0; s < r.n_sources; s++)
            found |= strcmp(r.sources[s].name, cases[i].name) == 0;
        cr_expect_eq(found, cases[i].present, "source \"%s\" in: %s", cases[i].name, cases[i].doc);
        extract_result_free(&r);
    }
}

/* Two parties' claims set against each other in one sentence ("ففي حين
 * تقول الحكومة إن ...، تؤكد المعارضة أن ..."): the bare "المعارضة" is a
 * party, the Syrian opposition in a report of Syria's war. */
Test(sources, the_opposition_answers_the_government)
{
    static const claimant_case cases[] = {
        {"وفي حين تقول الحكومة السورية إن 20 مسلحا قتلوا، تؤكد المعارضة أن 35 مدنيا سقطوا في "
         "القصف على حلب.",
         "35 مدنيا", "المعارضة السورية", NULL},
        {"وفي حين تقول الحكومة السورية إن 20 مسلحا قتلوا، تؤكد المعارضة أن 35 مدنيا سقطوا في "
         "القصف على حلب.",
         "20 مسلحا", "الحكومة السورية", NULL},
    };
    check_claimants(cases, sizeof cases / sizeof cases[0]);
}
