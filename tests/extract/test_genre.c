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

typedef struct genre_case {
    const char *doc;
    const char *needle; /* text inside the figure's span */
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
                const char *got =
                    f->claimant == EXTRACT_NO_INDEX ? "(none)" : r.sources[f->claimant].name;
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
        /* an event noun after a function is what was announced, not the
         * name of who holds the function */
        {"وأعلن وزير الدفاع الصومالي مقتل 30 مسلحا من حركة الشباب.", "30 مسلحا", 30, "killed",
         "وزير الدفاع الصومالي"},
        {"وأعلن الناطق الرسمي للقوات المسلحة تدمير 3 دبابات.", "3 دبابات", 3, "destroyed",
         "الناطق الرسمي للقوات المسلحة"},
        /* no name runs into a count: the word right before it is the event */
        {"وأعلن مدير الدفاع المدني في المحافظة انتشال 9 جثث من تحت الأنقاض.", "9 جثث", 9, "killed",
         "مدير الدفاع المدني في المحافظة"},
        {"وأعلن المتحدث باسم الجيش العقيد خالد يوسف مقتل 5 جنود في الكمين.", "5 جنود", 5, "killed",
         NULL},
        /* volunteers and rescuers speak; the wire of the dateline only carries them */
        {"الخرطوم (أ ف ب) - قتل 40 مدنيا على الأقل في قصف على سوق في جنوب الخرطوم، بحسب ما أفاد "
         "متطوعون محليون.",
         "40 مدنيا", 40, "killed", "متطوعون محليون"},
        {"وقال مسعفون لرويترز إن 12 شخصا قتلوا في الغارة على المخيم.", "12 شخصا", 12, "killed",
         "مسعفون"},
        {"صنعاء (سبأ) - استشهد 4 مواطنين وأصيب 6 آخرون في غارات على مديرية صرواح.", "4 مواطنين", 4,
         "killed", "وكالة الأنباء اليمنية سبأ"},
        {"بغداد (رويترز) - قالت مصادر أمنية وطبية إن 5 أشخاص قتلوا في انفجار قنبلة بسوق في بغداد.",
         "5 أشخاص", 5, "killed", "مصادر أمنية وطبية"},
        /* reporting verbs of the genre: tweeted, recorded, claimed */
        {"وغرد المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي بأن 3 صواريخ أطلقت من لبنان.", "3 صواريخ",
         3, "fired", "أفيخاي أدرعي"},
        /* a contrast inside what is said stays in the statement */
        {"وقالت منظمة العفو الدولية في تصريح لـ\"الأناضول\" إن قوات النظام قتلت 240 شخصا، في حين "
         "قتلت "
         "جهات غير معروفة 27 آخرين.",
         "27 آخرين", 27, "killed", "منظمة العفو الدولية"},
        /* ل took the article's alef: the body is still "المجلس العسكري" */
        {"وجاء في بيان للمجلس العسكري أن 8 جنود قتلوا في الهجوم.", "8 جنود", 8, "killed",
         "المجلس العسكري"},
        /* whom a body is close to is not part of its name (the Syrian
         * paper, known by its bare name after صحيفة) */
        {"قتل 6 جنود في كمين بريف درعا، حسبما ذكرت صحيفة الوطن المقربة من الحكومة.", "6 جنود", 6,
         "killed", "الوطن السورية"},
        /* a quote inside a quote keeps its inner speaker */
        {"وقال مسؤول في الأمم المتحدة: \"أبلغتنا وزارة الصحة أن 40 شخصا قتلوا\".", "40 شخصا", 40,
         "killed", "وزارة الصحة"},
        /* a bare civil defence is the one of the war reported */
        {"وقال الدفاع المدني إن 12 شخصا قتلوا في غارة على مدينة غزة.", "12 شخصا", 12, "killed",
         "الدفاع المدني الفلسطيني"},
        {"وقال الدفاع المدني إن 5 أشخاص قتلوا في غارة على النبطية.", "5 أشخاص", 5, "killed",
         "الدفاع المدني اللبناني"},
        {"وقال الدفاع المدني إن 9 أشخاص قتلوا في غارة على إدلب.", "9 أشخاص", 9, "killed",
         "الدفاع المدني السوري"},
        /* a statement as the subject speaks for its owner */
        {"قال بيان للقوات المسلحة إن 12 مسلحا قتلوا في غارة ليلية.", "12 مسلحا", 12, "killed",
         "القوات المسلحة"},
        {"وذكر تقرير صادر عن وزارة الصحة العراقية أن 8 مدنيين قتلوا في تفجير.", "8 مدنيين", 8,
         "killed", "وزارة الصحة العراقية"},
        {"وقال بيان للجيش العراقي إن 4 جنود أصيبوا في اشتباك.", "4 جنود", 4, "injured",
         "الجيش العراقي"},
        /* first person: the speaker counts the kills and the losses of its own side */
        {"وقال قائد في الفصائل إن \"قتلنا 50 من عناصر العدو في الهجوم\".", "50", 50, "killed",
         "قائد في الفصائل"},
        {"وقال المتحدث باسم الفصائل إننا خسرنا 4 مقاتلين في المعارك.", "4 مقاتلين", 4, "killed",
         "المتحدث باسم الفصائل"},
        /* another story: the statement before does not cover it */
        {"وقالت الأمم المتحدة إن 300 ألف شخص نزحوا. وفي سياق منفصل، قتل 3 جنود أتراك في هجوم.",
         "3 جنود", 3, "killed", "(none)"},
        {"وقالت الأمم المتحدة إن 40 مدنيا نزحوا. على صعيد آخر، أصيب 7 أطفال بانفجار لغم.",
         "7 أطفال", 7, "injured", "(none)"},
        {"وقالت الأمم المتحدة إن 300 ألف شخص نزحوا. ومن جهة أخرى، قال الجيش التركي إن 3 جنود "
         "قتلوا.",
         "3 جنود", 3, "killed", "الجيش التركي"},
        /* a statement carries over the sentences that develop it */
        {"وقالت وزارة الصحة الفلسطينية في بيان إن 27 شخصا استشهدوا في غارات على قطاع غزة. وأضافت "
         "أن 60 آخرين أصيبوا بجروح.",
         "60 آخرين", 60, "injured", "وزارة الصحة الفلسطينية"},
        {"أصدرت قوات سوريا الديمقراطية بيانا قالت فيه إنها قتلت 35 عنصرا من تنظيم الدولة. كما أسرت "
         "12 آخرين خلال العملية.",
         "12 آخرين", 12, "captured", "قوات سوريا الديمقراطية"},
        /* the war's own toll, in a relative clause no party is quoted in, is
         * the narrator's background; said by a party, it stays the party's */
        {"وقالت الأمم المتحدة إن 20 مدنيا قتلوا في القصف. وتعيش البلاد منذ 2015 على وقع الحرب "
         "الأهلية التي أودت بحياة أكثر من 150 ألف شخص.",
         "150 ألف", 150000, "killed", "(none)"},
        {"وقال مسؤول محلي إن 12 أسرة نزحت. ويعاني الإقليم من آثار النزاع المسلح الذي أدى إلى نزوح "
         "أكثر من مليوني شخص.",
         "مليوني شخص", 2000000, "displaced", "(none)"},
        {"وقالت الأمم المتحدة إن الحرب التي اندلعت قبل عامين أودت بحياة أكثر من 15 ألف شخص.",
         "15 ألف", 15000, "killed", "الأمم المتحدة"},
        /* whom a speaker told, with لـ, is not part of the speaker's name: the
         * press after any speaker, a medium or a definite noun after a
         * person's name; a body's genitive with لـ stays in its name */
        {"وقال النقيب عمر فارح لوكالة الأنباء المحلية إن 4 جنود قتلوا في الكمين.", "4 جنود", 4,
         "killed", "النقيب عمر فارح"},
        {"وقال العقيد خالد العلي للأهالي إن قواته أسرت 9 مسلحين.", "9 مسلحين", 9, "captured",
         "العقيد خالد العلي"},
        {"وقال وزير الدفاع الصومالي للصحفيين إن 70 مسلحا قتلوا.", "70 مسلحا", 70, "killed",
         "وزير الدفاع الصومالي"},
        {"وقال المفوض العام لوكالة الأونروا إن 40 موظفا قتلوا منذ بدء الحرب.", "40 موظفا", 40,
         "killed", "المفوض العام لوكالة الأونروا"},
        /* a function's holder named between commas after it speaks, and so
         * does one relayed after a comma ("ونقلت X، عن Y"); a comma before
         * a medium names no one */
        {"ونقلت وكالة رويترز، عن قائد شرطة المحافظة، أحمد الجبوري، قوله إن 5 مسلحين قتلوا.",
         "5 مسلحين", 5, "killed", "أحمد الجبوري"},
        {"وقال مدير المستشفى، الدكتور سامر الخطيب، إن 14 جريحا وصلوا.", "14 جريحا", 14, "injured",
         "الدكتور سامر الخطيب"},
        {"وقال قائد الشرطة، في بيان، إن 5 مسلحين قتلوا.", "5 مسلحين", 5, "killed", "قائد الشرطة"},
        /* the terms of a deal, in a sentence no party is quoted in, are what
         * was agreed: not a claim of the last speaker; said by a party, or in
         * a sentence that goes on with its words (وأضاف أن), they stay its */
        {"أعلن الجيش الإسرائيلي تسلم أربع رهائن عبر الصليب الأحمر مساء الأحد. وتأتي العملية ضمن "
         "الهدنة المؤقتة التي يتم بموجبها تبادل 30 رهينة مقابل 90 أسيرا فلسطينيا.",
         "90 أسيرا", 90, "count", "(none)"},
        {"قالت حركة حماس في بيان إنها سلمت جثتي أسيرين صباح اليوم. ويقضي الاتفاق بالإفراج عن 250 "
         "معتقلا على دفعات.",
         "250 معتقلا", 250, "count", "(none)"},
        {"قال المتحدث باسم الحركة إن الاتفاق ينص على الإفراج عن 50 أسيرا خلال أسبوع.", "50 أسيرا",
         50, "count", "المتحدث باسم الحركة"},
        {"أعلنت الأمم المتحدة وصول 20 شاحنة إلى المعبر. وأضافت أن الاتفاق يقضي بدخول 200 شاحنة "
         "يوميا.",
         "200 شاحنة", 200, "count", "الأمم المتحدة"},
        /* an event dated to a point of an earlier month or year, in a sentence
         * no party is quoted in, is background; a span of it is a tally that
         * develops the statement, and a party may date its own claim */
        {"قالت مصادر عسكرية إن التنظيم يحتجز 30 رهينة. وأفرج التنظيم أواخر الشهر الماضي عن 6 "
         "نساء مقابل 20 معتقلة.",
         "6 نساء", 6, "count", "(none)"},
        {"أكدت مصادر محلية سقوط قذائف على البلدة. وقتل مطلع العام المنصرم 14 مدنيا في قصف مماثل.",
         "14 مدنيا", 14, "killed", "(none)"},
        {"أحصى المرصد السوري لحقوق الإنسان مقتل 12 مدنيا أمس. وقتل خلال الشهر الماضي 300 مدني "
         "في المحافظة.",
         "300 مدني", 300, "killed", "المرصد السوري لحقوق الإنسان"},
        {"قالت مصادر عسكرية إن التنظيم أفرج منتصف الشهر الماضي عن 6 نساء.", "6 نساء", 6, "count",
         "مصادر عسكرية"},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

typedef struct holder_case {
    const char *doc;
    const char *needle;
    const char *person; /* the claimant: the person holding the role */
    const char *party;  /* the id of the party he speaks for; NULL: none known */
} holder_case;

/* Each case's figure is claimed by its person, who speaks for its party. */
static void check_holders(const holder_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const holder_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        const extract_figure *f = figure_with(&r, c->needle);
        cr_expect_not_null(f, "no figure with \"%s\" in: %s", c->needle, c->doc);
        if (f) {
            cr_assert_neq(f->claimant, EXTRACT_NO_INDEX, "no claimant in: %s", c->doc);
            const extract_source *who = &r.sources[f->claimant];
            cr_expect_str_eq(who->name, c->person, "claimant in: %s", c->doc);
            if (c->party)
                cr_expect(who->parent_id && !strcmp(who->parent_id, c->party),
                          "%s speaks for %s, want %s", who->name,
                          who->parent_id ? who->parent_id : "(none)", c->party);
        }
        extract_result_free(&r);
    }
}

/* A party cited after a news outlet's statement ("وفقا لـ" after "أفادت
 * وكالة X بأن ...") asserts what the outlet relays; a party that speaks
 * keeps its words, and a citation after a contrast covers that clause. */
Test(genre, a_party_cited_after_an_outlet_asserts_what_it_relays)
{
    static const genre_case cases[] = {
        {"وأفادت وكالة الأنباء الأردنية بأن 30 شخصا قتلوا في الانفجار، وفقا لمديرية الأمن العام.",
         "30 شخصا", 30, "killed", "مديرية الأمن العام"},
        {"وقالت قناة الجزيرة إن 12 مدنيا قتلوا في القصف، نقلا عن مصادر طبية.", "12 مدنيا", 12,
         "killed", "مصادر طبية"},
        /* counter-examples: a party that speaks asserts, whoever it cites */
        {"وقال المرصد السوري لحقوق الإنسان إن 30 شخصا قتلوا في الغارة، بحسب مصادر طبية.", "30 شخصا",
         30, "killed", "المرصد السوري لحقوق الإنسان"},
        /* ... and after a contrast the cited party owns that clause alone */
        {"وقالت وكالة الأنباء الليبية إن 15 مسلحا قتلوا، فيما نزح 2500 شخص، وفق الهلال الأحمر "
         "الليبي.",
         "15 مسلحا", 15, "killed", "وكالة الأنباء الليبية"},
        {"وقالت وكالة الأنباء الليبية إن 15 مسلحا قتلوا، فيما نزح 2500 شخص، وفق الهلال الأحمر "
         "الليبي.",
         "2500 شخص", 2500, "displaced", "الهلال الأحمر الليبي"},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

/* An outlet relays what the party after its عن says: "نقلت وكالة X عن Y",
 * "بحسب ما أوردته X عن Y", "بحسب ما نقلته X عن Y". */
Test(genre, the_party_after_a_relay_asserts)
{
    static const genre_case cases[] = {
        {"وقتل 12 شخصا في قصف على البلدة، بحسب ما أوردته وكالة الأناضول عن مصادر طبية.", "12 شخصا",
         12, "killed", "مصادر طبية"},
        {"وبحسب ما نقلته وكالة رويترز عن مسؤول محلي، قتل 9 أشخاص في القصف.", "9 أشخاص", 9, "killed",
         "مسؤول محلي"},
        {"وأوردت وكالة الأناضول عن مصادر طبية أن 7 أشخاص قتلوا في الغارة.", "7 أشخاص", 7, "killed",
         "مصادر طبية"},
        /* counter-examples: عن after a verb of saying is what was spoken of;
         * an outlet that relays no one's words ("بحسب ما نقلته X") asserts
         * them, as the object of بحسب does, unless a speaker of the sentence
         * said them, whose words the outlet only carries */
        {"وأوردت وكالة الأناضول عن الهجوم أن 7 أشخاص قتلوا في الغارة.", "7 أشخاص", 7, "killed",
         "الأناضول"},
        {"وبحسب ما نقلته قناة الجزيرة، قتل 12 شخصا في القصف.", "12 شخصا", 12, "killed", "الجزيرة"},
        {"وقتل 8 جنود في الهجوم على الحاجز، وفقا لما نقلته وكالة رويترز.", "8 جنود", 8, "killed",
         "رويترز"},
        {"وقال مصدر أمني - وفقا لما نقلته قناة العربية - إن 14 مسلحا قتلوا.", "14 مسلحا", 14,
         "killed", "مصدر أمني"},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

/* After an adjective a body's name is complete: the counted noun after it
 * is what the body counts, not part of its name; a demonym or a genitive
 * before any adjective still is. */
Test(genre, a_body_s_name_ends_before_what_it_counts)
{
    static const genre_case cases[] = {
        {"وأحصت منظمة محلية المصابين بـ 40 شخصا.", "40 شخصا", 40, "injured", "منظمة محلية"},
        {"وأحصت لجنة التنسيق المحلية القتلى بـ 35 شخصا.", "35 شخصا", 35, "killed",
         "لجنة التنسيق المحلية"},
        /* counter-examples */
        {"وقال مصدر طبي في المستشفى الميداني الليبي إن 12 جريحا وصلوا إلى المستشفى.", "12 جريحا",
         12, "injured", "مصدر طبي في المستشفى الميداني الليبي"},
        {"وقال مدير مستشفى الأطفال إن 40 شخصا قتلوا في القصف.", "40 شخصا", 40, "killed",
         "مدير مستشفى الأطفال"},
        {"وقالت منظمة حماية الأطفال إن 9 أطفال قتلوا في القصف.", "9 أطفال", 9, "killed",
         "منظمة حماية الأطفال"},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

/* A title after a complete definite body begins the person who speaks for
 * it; a title in the genitive of a body noun names the body. */
Test(genre, a_title_begins_the_holder_or_names_the_body)
{
    static const genre_case cases[] = {
        {"وقال المتحدث باسم الجيش العقيد أحمد المسماري إن 12 مسلحا قتلوا.", "12 مسلحا", 12,
         "killed", "العقيد أحمد المسماري"},
        {"وقال مدير مركز الملك سلمان إن 40 شخصا أصيبوا.", "40 شخصا", 40, "injured",
         "مدير مركز الملك سلمان"},
        {"وقال مدير مستشفى الشيخ زايد إن 30 شخصا أصيبوا.", "30 شخصا", 30, "injured",
         "مدير مستشفى الشيخ زايد"},
        /* counter-examples: after the body's name, or a definite body, the
         * holder is named */
        {"وقال مدير مستشفى كمال عدوان الدكتور حسام أبو صفية إن 20 شخصا أصيبوا.", "20 شخصا", 20,
         "injured", "الدكتور حسام أبو صفية"},
        {"وقال مدير المستشفى الدكتور محمد أبو سلمية إن 25 شخصا أصيبوا.", "25 شخصا", 25, "injured",
         "الدكتور محمد أبو سلمية"},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

/* 1. A person with a role speaks for the party of the role: named after a
 * party, after a body named before (الوزارة), or after a body no list
 * knows; a name may begin with the article (الفاتح). */
Test(genre, person_with_role)
{
    static const holder_case cases[] = {
        {"وقالت وزارة الصحة في غزة إن 45 شخصا استشهدوا. وقال المتحدث باسم الوزارة أشرف القدرة إن "
         "120 آخرين أصيبوا.",
         "120 آخرين", "أشرف القدرة", "palestinian-health-ministry"},
        {"وقال المتحدث باسم الوزارة أشرف القدرة إن 45 شخصا استشهدوا خلال الساعات الماضية.",
         "45 شخصا", "أشرف القدرة", NULL},
        {"وقال الناطق باسم قوات الدعم السريع الفاتح قرشي إن قواته أسرت 150 جنديا من الجيش "
         "السوداني.",
         "150 جنديا", "الفاتح قرشي", "rsf"},
        {"وقال المتحدث باسم الجيش السوداني العميد نبيل عبد الله إن 40 من الدعم السريع قتلوا.", "40",
         "العميد نبيل عبد الله", "saf"},
        {"وقال الناطق باسم حركة الشباب عبد العزيز أبو مصعب إن 30 جنديا قتلوا.", "30 جنديا",
         "عبد العزيز أبو مصعب", "al-shabaab"},
        {"وقال المتحدث باسم الدفاع المدني الفلسطيني محمود بصل إن 12 شخصا قتلوا.", "12 شخصا",
         "محمود بصل", "palestinian-civil-defence"},
        /* a function or a title, the force he serves in, then his name */
        {"وقال الضابط محمد حسن لرويترز إن 9 أشخاص قتلوا في الهجوم على الفندق.", "9 أشخاص",
         "محمد حسن", NULL},
        {"وقال العقيد في الشرطة أحمد الجبوري إن 7 جنود قتلوا.", "7 جنود", "أحمد الجبوري", NULL},
        {"وأوضح النقيب في الجيش العراقي، أحمد الجبوري، للأناضول، أن 7 جنود قتلوا.", "7 جنود",
         "أحمد الجبوري", "iraqi-army"},
        {"وأوضح النقيب في الجيش العراقي أحمد الجبوري للأناضول أن 7 جنود قتلوا.", "7 جنود",
         "أحمد الجبوري", "iraqi-army"},
        /* a title and the surname of a person named before */
        {"وقال العميد يحيى سريع إن قواته أطلقت 5 صواريخ. وقال العميد سريع إن 3 طائرات مسيرة أسقطت.",
         "3 طائرات", "يحيى سريع", "houthi-armed-forces"},
    };
    check_holders(cases, sizeof cases / sizeof cases[0]);
}

/* An abbreviated title ("د." doctor, "م." engineer, "أ. د." professor) is
 * part of the speaker's name, not the end of a sentence; nor do the dots of
 * an abbreviated agency ("أ.ف.ب") end its dateline. */
Test(genre, abbreviated_titles_and_agencies)
{
    static const holder_case speakers[] = {
        {"وقال د. سامر الحلبي، مدير المستشفى الوطني في درعا، إن 14 جريحا وصلوا إلى المستشفى.",
         "14 جريحا", "د. سامر الحلبي", NULL},
        {"وقال م. عادل الشامي، رئيس بلدية دير البلح، إن 60 منزلا دمرت كليا.", "60 منزلا",
         "م. عادل الشامي", NULL},
        {"وأكد أ. د. هشام الراوي، الطبيب في مستشفى الموصل، أن 9 مصابين نقلوا إلى بغداد.",
         "9 مصابين", "أ. د. هشام الراوي", NULL},
    };
    check_holders(speakers, sizeof speakers / sizeof speakers[0]);
    static const struct {
        const char *doc, *outlet_id;
    } datelines[] = {
        {"بيروت (أ.ف.ب) - قتل 6 أشخاص في غارة على بلدة في جنوب لبنان.", "afp"},
        {"الخرطوم (ا. ف. ب.) - قتل 11 مدنيا في قصف على سوق في أم درمان.", "afp"},
        {"صنعاء (د.ب.أ) - قتل 7 صيادين في غارة قرب الحديدة.", "dpa"},
        {"رام الله (أ.ب) - قتل 3 فلسطينيين برصاص الجيش في طولكرم.", "ap"},
    };
    for (size_t k = 0; k < sizeof datelines / sizeof datelines[0]; k++) {
        extract_result r;
        run(datelines[k].doc, &r);
        cr_assert_neq(r.outlet, EXTRACT_NO_INDEX, "no outlet in: %s", datelines[k].doc);
        cr_expect(r.sources[r.outlet].id && !strcmp(r.sources[r.outlet].id, datelines[k].outlet_id),
                  "outlet %s in: %s", r.sources[r.outlet].name, datelines[k].doc);
        cr_expect_eq(r.n_figures, 1, "%zu figures in: %s", r.n_figures, datelines[k].doc);
        extract_result_free(&r);
    }
}

/* An item of a bulleted list continues its heading (the line before the
 * list, ending in a colon): the heading's toll types the item's count. */
Test(genre, bulleted_items_continue_their_heading)
{
    static const genre_case cases[] = {
        {"وأفادت لجان التنسيق بأن حصيلة القتلى ارتفعت:\n• 17 مدنيا في دوما\n• 6 عناصر من "
         "الفصائل في حرستا",
         "6 عناصر", 6, "killed", NULL},
        {"وقالت مصادر طبية في تعز إن عدد الجرحى بلغ:\n- 23 طفلا في حي الروضة\n- 11 امرأة",
         "11 امرأة", 11, "injured", "مصادر طبية"},
        /* an item's noun left out: it counts people the heading's toll befell */
        {"وتوزع القتلى على النحو الآتي:\n- 12 مدنيا في الرقة\n- 7 في دير الزور", "7", 7, "killed",
         NULL},
        /* no colon: the line before is a sentence of its own */
        {"وارتفعت حصيلة القتلى.\n- 17 مدنيا وصلوا إلى مدينة إدلب", "17 مدنيا", 17, "count", NULL},
        /* no bullet: a line of its own is no item */
        {"وارتفعت حصيلة القتلى:\nووصل 17 مدنيا إلى مدينة إدلب", "17 مدنيا", 17, "count", NULL},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
    extract_result r;
    /* a bare number under a heading of what befalls no people is none */
    run("وقال الجيش إنه دمر:\n- 3 في الجنوب\n- 6 دبابات", &r);
    cr_expect_null(figure_with(&r, "3"), "a bare number of destroyed things");
    extract_result_free(&r);
    run("وأفادت لجان التنسيق بأن حصيلة القتلى ارتفعت:\n• 17 مدنيا في دوما\n• 6 عناصر من الفصائل "
        "في حرستا",
        &r);
    const extract_figure *f = figure_with(&r, "6 عناصر");
    cr_assert_not_null(f);
    cr_assert_neq(f->place, EXTRACT_NO_INDEX);
    const extract_place *places;
    extract_model_places(model, &places);
    cr_expect_str_eq(places[f->place].name, "حرستا", "each item keeps its own place");
    extract_result_free(&r);
}

/* Numbers set after a figure's comma tell where, why or how its count fell:
 * they are its parts (found though their noun is left out), never tolls
 * that disagree with it. */
Test(genre, numbers_set_after_a_figure_are_its_parts)
{
    static const struct {
        const char *doc, *whole, *part, *whole_place; /* whole_place NULL: none */
        bool linked;
    } cases[] = {
        {"وقتل 31 شخصا، 17 في بيت لاهيا و14 في جباليا.", "31 شخصا", "14", NULL, true},
        {"وقتل 31 شخصا، 17 في بيت لاهيا و14 في جباليا.", "31 شخصا", "17", NULL, true},
        {"وقتل 31 شخصا في شمال غزة، 17 في بيت لاهيا و14 في جباليا.", "31 شخصا", "17", "غزة", true},
        {"وأصيب 26 مدنيا، 9 في حالة حرجة.", "26 مدنيا", "9", NULL, true},
        /* a colon or the pronoun هم sets the breakdown after it as a comma does */
        {"واستشهد 11 فلسطينيا هم 6 أطفال و5 نساء.", "11 فلسطينيا", "5 نساء", NULL, true},
        {"وبلغت حصيلة القتلى 40: 15 في الرستن و25 في تلبيسة.", "40", "25", NULL, true},
        {"ونزح 450 شخصا، 200 في مخيمات أطمة و130 بسبب القصف.", "450 شخصا", "130", NULL, true},
        /* since when, or the toll named after its number, may stand before the comma */
        {"وقتل 1245 شخصا منذ مطلع العام، وهم 1190 مدنيا و55 مقاتلا.", "1245 شخصا", "55 مقاتلا",
         NULL, true},
        {"وبذلك يرتفع إلى 1245 عدد قتلى قوات النظام منذ مطلع العام، وهم 1190 من قوات النظام و55 "
         "من المسلحين الموالين لها.",
         "1245", "1190", NULL, true},
        /* the whole names its own place and the numbers do not add up to it:
         * another place's toll */
        {"وقتل 31 شخصا في غزة، 4 في الضفة الغربية.", "31 شخصا", "4", "غزة", false},
        /* more than the whole: no part */
        {"وأصيب 6 أشخاص، 9 في حالة حرجة.", "6 أشخاص", "9", NULL, false},
    };
    const extract_place *places;
    extract_model_places(model, &places);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        const extract_figure *whole = figure_with(&r, cases[k].whole);
        const extract_figure *part = figure_with(&r, cases[k].part);
        cr_assert_not_null(whole, "no \"%s\" in: %s", cases[k].whole, cases[k].doc);
        if (cases[k].linked || part) {
            cr_assert_not_null(part, "no \"%s\" in: %s", cases[k].part, cases[k].doc);
            size_t w = (size_t)(whole - r.figures);
            cr_expect_eq(part->part_of == w, cases[k].linked, "\"%s\" part of \"%s\" in: %s",
                         cases[k].part, cases[k].whole, cases[k].doc);
        }
        const char *got = whole->place == EXTRACT_NO_INDEX ? NULL : places[whole->place].name;
        if (cases[k].whole_place)
            cr_expect(got && !strcmp(got, cases[k].whole_place), "the whole's place %s in: %s",
                      got ? got : "(none)", cases[k].doc);
        else
            cr_expect_null(got, "the whole's place %s in: %s", got, cases[k].doc);
        extract_result_free(&r);
    }
}

/* A total the day's toll brings about ("ما يرفع الحصيلة إلى", "وبذلك ترتفع",
 * "لترتفع") replaces nothing: the day's toll is what it rose by, not an
 * earlier toll. A toll raised later in its own sentence does replace. */
Test(genre, a_total_brought_about_replaces_nothing)
{
    static const struct {
        const char *doc, *total;
        bool replaces;
    } cases[] = {
        {"وقالت الوزارة إن 38 شخصا قتلوا أمس، ما يرفع الحصيلة إلى 2140 قتيلا.", "2140", false},
        {"وقتل 38 شخصا أمس، مما يرفع عدد القتلى إلى 2140.", "2140", false},
        {"وقتل 38 شخصا أمس، وبذلك ترتفع الحصيلة إلى 2140 قتيلا.", "2140", false},
        {"وقتل 38 شخصا في القصف. وارتفعت الحصيلة مساء إلى 41 قتيلا.", "41", true},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        const extract_figure *total = figure_with(&r, cases[k].total);
        cr_assert_not_null(total, "no total in: %s", cases[k].doc);
        cr_expect_eq(total->supersedes != EXTRACT_NO_INDEX, cases[k].replaces,
                     "the total replaces the day's toll in: %s", cases[k].doc);
        extract_result_free(&r);
    }
}

/* 2. The type from the governing word, before or after the number, in
 * coordinated clauses, and with the people of a force counted without a
 * noun ("30 من الدعم السريع"). */
Test(genre, types)
{
    static const genre_case cases[] = {
        {"استشهدت 4 نساء في قصف إسرائيلي على رفح.", "4 نساء", 4, "killed", NULL},
        {"قتلت ثلاث طفلات في انفجار لغم أرضي شرق حماة.", "ثلاث طفلات", 3, "killed", NULL},
        {"لقي 13 شخصا مصرعهم في غرق مركب قبالة سواحل ليبيا.", "13 شخصا", 13, "killed", NULL},
        {"سقط 5 قتلى و12 جريحا في قصف على حي الصابون.", "12 جريحا", 12, "injured", NULL},
        {"نزحت 1200 أسرة من مدينة الجنينة خلال أسبوع.", "1200 أسرة", 1200, "displaced", NULL},
        {"اعتقلت قوات الاحتلال 22 فلسطينيا في الضفة الغربية.", "22 فلسطينيا", 22, "captured", NULL},
        {"أسقطت الدفاعات الجوية 3 طائرات مسيرة فوق قاعدة الجفرة.", "3 طائرات", 3, "destroyed",
         NULL},
        {"شن طيران التحالف 25 غارة على مواقع الحوثيين في صعدة.", "25 غارة", 25, "airstrikes", NULL},
        {"أطلقت سرايا القدس أكثر من 150 صاروخا باتجاه المدن الإسرائيلية.", "150 صاروخا", 150,
         "fired", NULL},
        /* what is coordinated with the instrument was launched with it */
        {"واستهدفت القوات السفينة بصاروخ باليستي و3 طائرات مسيرة.", "3 طائرات", 3, "fired", NULL},
        {"واستهدف الحزب الموقع بصاروخين و4 مسيرات انقضاضية.", "4 مسيرات", 4, "fired", NULL},
        {"وقتل 3 أشخاص بقصف على السوق و5 في غارة على المدرسة.", "5", 5, "killed", NULL},
        /* munitions after بـ are the instrument, also when the letter stands apart */
        {"وأعلنت الجماعة استهداف سفينة تجارية بـ 3 صواريخ بحرية.", "3 صواريخ", 3, "fired", NULL},
        /* drones too: the instrument of a strike was launched, not destroyed */
        {"وأعلنت الجماعة استهداف مطار جازان بثلاث طائرات مسيرة.", "ثلاث طائرات", 3, "fired", NULL},
        {"ودمرت القوات الموقع بطائرتين مسيرتين.", "طائرتين", 2, "fired", NULL},
        /* "by means of" before the number says the same */
        {"وقصفت الجماعة الميناء مستخدمة 14 صاروخا مجنحا.", "14 صاروخا", 14, "fired", NULL},
        {"واستهدف الحزب الثكنة باستخدام 6 طائرات مسيرة.", "6 طائرات", 6, "fired", NULL},
        /* without it, drones the verb befalls were destroyed */
        {"واستهدفت الدفاعات الجوية 6 طائرات مسيرة فوق الميناء.", "6 طائرات", 6, "destroyed", NULL},
        {"وأسقطت الدفاعات الجوية 3 طائرات مسيرة فوق المدينة.", "3 طائرات", 3, "destroyed", NULL},
        {"وصلت حصيلة ضحايا الهجوم إلى 19 قتيلا.", "19 قتيلا", 19, "killed", NULL},
        /* 11-99 count a singular in the accusative (منزلا، جثمانا، زورقا) */
        {"ودمر القصف 63 منزلا في الحي الشرقي.", "63 منزلا", 63, "destroyed", NULL},
        {"وانتشلت فرق الإنقاذ 14 جثمانا من تحت الركام.", "14 جثمانا", 14, "killed", NULL},
        {"وأعلنت البحرية تدمير 11 زورقا مفخخا قبالة الساحل.", "11 زورقا", 11, "destroyed", NULL},
        {"قتل 16 مدنيا وأصيب 7 آخرون بجروح في قصف على مدينة الفاشر.", "7 آخرون", 7, "injured",
         NULL},
        {"أسفرت الغارة عن استشهاد 6 وجرح 15 آخرين.", "15 آخرين", 15, "injured", NULL},
        {"تم تدمير 4 دبابات وعربتين مدرعتين للجيش.", "عربتين", 2, "destroyed", NULL},
        /* deaths counted as cases (وفيات، حالة وفاة) are the dead */
        {"وأعلنت السلطات الصحية أن عدد الوفيات بلغ 210 حالات.", "210 حالات", 210, "killed", NULL},
        {"وسجلت الوزارة 45 حالة وفاة بين الجرحى.", "45 حالة", 45, "killed", NULL},
        {"وأكد المستشفى تسجيل 3 وفيات جديدة.", "3 وفيات", 3, "killed", NULL},
        /* died of their wounds, abducted */
        {"وأعلنت الوزارة وفاة 3 أشخاص متأثرين بجروحهم.", "3 أشخاص", 3, "killed", NULL},
        {"وقتل 3 أشخاص وتوفي 2 متأثرين بجروحهم.", "2", 2, "killed", NULL},
        {"وخطف مسلحون 5 أطفال من المدرسة.", "5 أطفال", 5, "captured", NULL},
        /* arrests in the idiom of police statements, and who is arrested */
        {"وألقت قوة أمنية القبض على 6 أشخاص في مدينة البصرة.", "6 أشخاص", 6, "captured", NULL},
        {"وأعلنت الداخلية القبض على 11 متهما بالإرهاب.", "11 متهما", 11, "captured", NULL},
        {"واعتقلت القوات 4 مطلوبين في حملة دهم.", "4 مطلوبين", 4, "captured", NULL},
        {"واختطف مسلحون 14 راكبا على الطريق بين المدينتين.", "14 راكبا", 14, "captured", NULL},
        /* the missing are counted (count), not lost (killed); remains
         * recovered are the dead; attackers are fighters */
        {"وفُقد أثر 5 جنود بعد الهجوم على الدورية.", "5 جنود", 5, "count", NULL},
        {"وانتشلت الفرق 4 جثث، فيما لا يزال 11 شخصا في عداد المفقودين.", "11 شخصا", 11, "count",
         NULL},
        {"وقالت البلدية إن 20 شخصا ما زالوا مفقودين بعد السيول.", "20 شخصا", 20, "count", NULL},
        {"وعثر على رفات 37 شخصا في مقبرة جماعية قرب المدينة.", "37 شخصا", 37, "killed", NULL},
        {"وقتلت القوات 6 مهاجمين في الاشتباك.", "6 مهاجمين", 6, "killed", NULL},
        /* workers counted after من, and a plural in -ين after a number */
        {"وأفادت المنظمة بأن 19 من العاملين الصحيين قتلوا منذ بداية التصعيد.", "19 من العاملين", 19,
         "killed", NULL},
        {"وقتل 8 من موظفي الإغاثة في القصف.", "8 من موظفي", 8, "killed", NULL},
        {"وقتل 4 سائحين في الهجوم على الفندق.", "4 سائحين", 4, "killed", NULL},
        {"وأصيب عاملان في القصف على المصنع.", "عاملان", 2, "injured", NULL},
        /* munitions found in a cache are seized, not fired */
        {"وضبطت قوات الأمن 25 قذيفة هاون في مخزن مهجور.", "25 قذيفة", 25, "seized", NULL},
        {"وصادرت القوات 3 أحزمة ناسفة في المداهمة.", "3 أحزمة", 3, "seized", NULL},
        /* dead and wounded counted together */
        {"وأسفر القصف عن سقوط 12 قتيلا وجريحا.", "12 قتيلا وجريحا", 12, "casualties", NULL},
        {"وسقط 40 شهيدا وجريحا في المجزرة.", "40 شهيدا وجريحا", 40, "casualties", NULL},
        /* the displaced are displaced unless a verb of theirs says otherwise */
        {"وقالت تنسيقية النازحين إن 14 نازحا قتلوا في قصف على المخيم.", "14 نازحا", 14, "killed",
         NULL},
        {"وأصيب 12 نازحا في قصف على مخيم زمزم.", "12 نازحا", 12, "injured", NULL},
        {"قتل 5 أشخاص، فيما بلغ عدد النازحين 20 ألف نازح.", "20 ألف نازح", 20000, "displaced",
         NULL},
        {"وأعلنت الهيئة الطبية الدولية أن 5 من موظفيها قتلوا.", "5 من موظفيها", 5, "killed", NULL},
        /* fighters named by their side or their act */
        {"وقالت خلية الإعلام الأمني إن 5 انتحاريين قتلوا قبل وصولهم إلى الهدف.", "5 انتحاريين", 5,
         "killed", "خلية الإعلام الأمني"},
        {"وقالت ألوية العمالقة إن 20 حوثيا قتلوا في المعارك جنوب مأرب.", "20 حوثيا", 20, "killed",
         "ألوية العمالقة"},
        /* the people of a force, counted without a noun */
        {"وقالت القوات المسلحة السودانية إن 200 من الدعم السريع قتلوا.", "200", 200, "killed",
         "القوات المسلحة السودانية"},
        {"وأسر الجيش 30 من الدعم السريع في أم درمان.", "30", 30, "captured", NULL},
        {"وقال إن 4 من الحشد الشعبي أصيبوا في القصف.", "4", 4, "injured", NULL},
        /* the wounded evacuated, or moved to another country for treatment, are
         * evacuated; moved to a hospital, they are the injured */
        {"وأعلن الهلال الأحمر إجلاء 45 جريحا من الحي المحاصر مساء الجمعة.", "45 جريحا", 45,
         "evacuated", NULL},
        {"وأفاد مسؤول صحي بأن 18 جريحا تم نقلهم عبر المعبر إلى مصر لاستكمال علاجهم.", "18 جريحا",
         18, "evacuated", NULL},
        {"وتم نقل 9 مصابين بحالة حرجة إلى الأردن بطائرة إخلاء طبي.", "9 مصابين", 9, "evacuated",
         NULL},
        {"وقال الطبيب إن 11 جريحا نقلوا للعلاج في الخارج.", "11 جريحا", 11, "evacuated", NULL},
        {"وقال الطبيب إن 11 جريحا نقلوا إلى مستشفى الولادة في المدينة.", "11 جريحا", 11, "injured",
         NULL},
        {"وأصيب 23 شخصا في القصف ونقل 6 جرحى منهم إلى المستشفى الميداني.", "6 جرحى", 6, "injured",
         NULL},
        /* a toll broken down by place carries its type down the list, past
         * the reach of the word that typed it; an item with a verb of its
         * own, or a clause that is no item, does not take it */
        {"وأوضحت المنظمة أن ضحايا كوادرها توزعوا على المحافظات على النحو الآتي: في إدلب 40 "
         "عنصرا، وفي درعا 12 عنصرا، حماة 9 عناصر، حلب 30 عنصرا، دمشق 4 عناصر، حمص 7 عناصر، "
         "اللاذقية 3 عناصر، طرطوس 5 عناصر.",
         "5 عناصر", 5, "killed", NULL},
        {"وأوضحت المنظمة أن ضحايا كوادرها توزعوا على المحافظات على النحو الآتي: في إدلب 40 "
         "عنصرا، وفي درعا 12 عنصرا، حماة 9 عناصر، حلب 30 عنصرا، دمشق 4 عناصر، حمص 7 عناصر، "
         "اللاذقية 3 عناصر، وأصيب في طرطوس 5 عناصر.",
         "5 عناصر", 5, "injured", NULL},
        {"وأوضحت المنظمة أن ضحايا كوادرها توزعوا على المحافظات على النحو الآتي: في إدلب 40 "
         "عنصرا، وفي درعا 12 عنصرا، حماة 9 عناصر، حلب 30 عنصرا، دمشق 4 عناصر، حمص 7 عناصر، "
         "اللاذقية 3 عناصر، ويعمل في طرطوس اليوم 250 عنصرا.",
         "250 عنصرا", 250, "count", NULL},
        /* and the noun is left out as the list goes on: "PLACE N،" */
        {"وأوضحت المنظمة أن ضحايا كوادرها توزعوا على المحافظات على النحو الآتي: في إدلب 40 "
         "عنصرا، وفي درعا 12 عنصرا، حماة 9 عناصر، حلب 30 عنصرا، طرطوس 6، القنيطرة 5.",
         "5", 5, "killed", NULL},
        /* two named sites that something befell are counted */
        {"وتمكنت الفصائل من السيطرة على حاجزي المداجن والزلاقيات.", "حاجزي", 2, "seized", NULL},
        /* fighters who lay down their arms are counted as such, those who
         * give themselves up surrendered, not what befell those before them */
        {"أعلن الجيش خروج 500 مدني من الحي، كما أن 80 مسلحا ألقوا أسلحتهم.", "80 مسلحا", 80,
         "count", NULL},
        {"أعلنت الوزارة إجلاء 300 مدني من البلدة و60 مسلحا سلموا أنفسهم مع أسلحتهم.", "60 مسلحا",
         60, "captured", NULL},
        {"وقال المصدر إن 20 مسلحا قتلوا بعدما رفضوا إلقاء السلاح.", "20 مسلحا", 20, "killed", NULL},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

/* Numbers that count nothing: the second number of two units named
 * together ("لوائي 17 و18"), members of an assembly. */
Test(genre, not_figures)
{
    static const struct {
        const char *doc;
        const char *number;
    } cases[] = {
        {"وشاركت قوات من لوائي 17 و18 من الحشد الشعبي في العملية.", "18"},
        {"وانتشرت قوات الفوجين 46 و47 على الطريق.", "47"},
        {"وصوت 40 من أعضاء البرلمان على القرار.", "40"},
        /* a number after a place that is no item of a list by place */
        {"وقتل 12 مدنيا في حلب عام 2016، وفي حمص 2015.", "2015"},
        {"وأصيب 30 شخصا في إدلب، وقال الدفاع المدني في حماة 5 إن الفرق تعمل.", "5"},
        /* two sites named after their dual, where nothing befell them */
        {"وقصفت قوات النظام البلدة من حاجزي المداجن والزلاقيات.", "حاجزي"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        cr_expect_null(figure_with(&r, cases[k].number), "\"%s\" read as a figure in: %s",
                       cases[k].number, cases[k].doc);
        extract_result_free(&r);
    }
}

/* A plural in -ين spelled as a dual (عاملين) after a number is that
 * number's noun, not a second figure of 2. */
Test(genre, plural_not_dual)
{
    extract_result r;
    run("وقتل 3 عاملين في القصف على المصنع.", &r);
    cr_expect_eq(r.n_figures, 1, "%zu figures, want 1", r.n_figures);
    if (r.n_figures == 1)
        cr_expect(r.figures[0].value == 3, "value %g, want 3", r.figures[0].value);
    extract_result_free(&r);
}

/* 7. Parties of these conflicts, from the list or by their form. */
Test(genre, parties)
{
    static const genre_case cases[] = {
        {"وقال الجيش الوطني السوري إن 9 من عناصر قسد قتلوا في ريف منبج.", "9 من عناصر", 9, "killed",
         "الجيش الوطني السوري"},
        {"وقال الجيش الوطني الليبي إن 12 مسلحا قتلوا في بنغازي.", "12 مسلحا", 12, "killed",
         "الجيش الوطني الليبي"},
        {"وقالت غرفة طوارئ مخيم زمزم إن 25 مدنيا قتلوا في القصف.", "25 مدنيا", 25, "killed",
         "غرفة طوارئ مخيم زمزم"},
        /* a headline names the ministry by its field and country */
        {"الصحة بغزة: 27 شهيدا و60 جريحا خلال 24 ساعة", "60 جريحا", 60, "injured",
         "وزارة الصحة الفلسطينية"},
        {"الجيش السوداني: تدمير 40 مركبة للدعم السريع في الفاشر", "40 مركبة", 40, "destroyed",
         "القوات المسلحة السودانية"},
        {"وأعلنت قوات الحزام الأمني مقتل 3 من عناصرها في هجوم على نقطة تفتيش.", "3 من عناصرها", 3,
         "killed", "قوات الحزام الأمني"},
        {"وقالت حركة العدل والمساواة إن مقاتليها أسروا 40 عنصرا من الدعم السريع.", "40 عنصرا", 40,
         "captured", "حركة العدل والمساواة"},
        {"وأكدت الحركة الشعبية لتحرير السودان - شمال مقتل 11 مدنيا في قصف جوي على كاودا.",
         "11 مدنيا", 11, "killed", "الحركة الشعبية لتحرير السودان - شمال"},
        {"وقالت المقاومة الإسلامية في العراق إنها أطلقت 3 طائرات مسيرة نحو أهداف في الجولان.",
         "3 طائرات", 3, "fired", "المقاومة الإسلامية في العراق"},
        {"وقالت بعثة الاتحاد الأفريقي الانتقالية في الصومال إن 4 من جنودها أصيبوا.", "4 من جنودها",
         4, "injured", "بعثة الاتحاد الأفريقي الانتقالية في الصومال"},
        {"وأفادت هيئة البث الإسرائيلية بإصابة 8 جنود في كمين.", "8 جنود", 8, "injured",
         "هيئة البث الإسرائيلية"},
        {"وأعلن الجيش البوركيني مقتل 50 إرهابيا في عملية شمال البلاد.", "50 إرهابيا", 50, "killed",
         "جيش بوركينا فاسو"},
        {"وقال مركز طب الطوارئ والدعم إن 27 شخصا قتلوا في الاشتباكات.", "27 شخصا", 27, "killed",
         "مركز طب الطوارئ والدعم"},
        /* the event a body announces ends its name: "القبض على", "الإفراج عن"
         * are what it did, not words of "قوات الأمن الداخلي القبض" */
        {"وأعلنت قوات الأمن الداخلي القبض على 7 مطلوبين في الحسكة.", "7 مطلوبين", 7, "captured",
         "قوات الأمن الداخلي"},
        {"وأعلنت مديرية الأمن العام الإفراج عن 12 شخصا.", "12 شخصا", 12, "count",
         "مديرية الأمن العام"},
        {"وأعلنت الشرطة القبض على 6 أشخاص.", "6 أشخاص", 6, "captured", NULL},
        /* وام, the Emirates agency, as the subject of speech */
        {"وذكرت وام أن 5 جنود إماراتيين أصيبوا في الهجوم.", "5 جنود", 5, "injured",
         "وكالة أنباء الإمارات"},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

/* 3. Numbers as printed: Hindi digits and harakat, tatweel, missing hamza
 * and ة written ه, number words, glued و with the noun left out and the
 * verb or agent after it. */
Test(genre, number_forms)
{
    static const genre_case cases[] = {
        {"قُتِلَ ١٢ مدنياً وأُصيبَ ٣٠ آخرون في قصفٍ على المدينة.", "٣٠ آخرون", 30, "injured", NULL},
        {"قتـــل 12 مدنيا في القصف على القرية.", "12 مدنيا", 12, "killed", NULL},
        {"واصيب 8 اشخاص بجروح في انفجار سياره مفخخه.", "8 اشخاص", 8, "injured", NULL},
        {"وادى القصف الى مقتل 6 اطفال.", "6 اطفال", 6, "killed", NULL},
        {"وقتل اثنا عشر شخصا في الهجوم على السوق.", "اثنا عشر شخصا", 12, "killed", NULL},
        {"وقتل ثلاثمائة وخمسون شخصا منذ بداية الشهر.", "ثلاثمائة وخمسون", 350, "killed", NULL},
        {"وبلغ عدد النازحين 1٬200٬000 شخص.", "1٬200٬000", 1200000, "displaced", NULL},
        {"وقتل 35 ألفا و500 شخص منذ بدء الحرب.", "35 ألفا و500", 35500, "killed", NULL},
        /* duals of demonyms and fighters, with their agreeing adjective */
        {"وقتل فلسطينيان برصاص الاحتلال قرب نابلس.", "فلسطينيان", 2, "killed", NULL},
        {"وقتل مقاتلان ليبيان في المعارك جنوب طرابلس.", "مقاتلان ليبيان", 2, "killed", NULL},
        {"واعتقل عراقيان في المداهمة.", "عراقيان", 2, "captured", NULL},
        /* و + number + its own verb, the noun left out */
        {"قتل 5 جنود و3 أصيبوا بجروح في الكمين.", "3", 3, "injured", NULL},
        {"استشهد 7 فلسطينيين و20 أصيبوا برصاص الاحتلال.", "20", 20, "injured", NULL},
        /* و + number + whose hands */
        {"اعتقلت قوات النظام 120 شخصا و37 على يد قوات سوريا الديمقراطية.", "37", 37, "captured",
         NULL},
    };
    check_figures(cases, sizeof cases / sizeof cases[0]);
}

typedef struct part_case {
    const char *doc;
    const char *part;  /* the part (or the update) */
    const char *whole; /* the figure it belongs to (or supersedes) */
    const char *type;  /* the part's type */
} part_case;

static void check_links(const part_case *cases, size_t n, bool updates)
{
    for (size_t k = 0; k < n; k++) {
        const part_case *c = &cases[k];
        extract_result r;
        run(c->doc, &r);
        const extract_figure *part = figure_with(&r, c->part);
        const extract_figure *whole = figure_with(&r, c->whole);
        cr_expect_not_null(part, "no figure \"%s\" in: %s", c->part, c->doc);
        cr_expect_not_null(whole, "no figure \"%s\" in: %s", c->whole, c->doc);
        if (part && whole) {
            size_t link = updates ? part->supersedes : part->part_of;
            cr_expect_eq(link, (size_t)(whole - r.figures), "\"%s\" %s %zu, want \"%s\" in: %s",
                         c->part, updates ? "supersedes" : "part_of", link, c->whole, c->doc);
            cr_expect_str_eq(part->type, c->type, "\"%s\" type in: %s", c->part, c->doc);
        }
        extract_result_free(&r);
    }
}

/* 4. Breakdowns: the parts after بينهم، منهم، من بينهم، من ضمنهم, with
 * or without their noun. */
Test(genre, breakdowns)
{
    static const part_case cases[] = {
        {"قتل 25 شخصا، بينهم 9 أطفال و4 نساء، في قصف على الحي.", "4 نساء", "25 شخصا", "killed"},
        {"أصيب 40 شخصا، منهم 15 في حالة خطرة.", "15", "40 شخصا", "injured"},
        {"اعتقل 30 شخصا، من بينهم 4 قاصرين.", "4", "30 شخصا", "captured"},
        {"قتل 18 مسلحا، منهم 6 من قادة الجماعة.", "6 من قادة", "18 مسلحا", "killed"},
        {"قتل 30 شخصا، من ضمنهم 12 من عناصر الأمن.", "12 من عناصر", "30 شخصا", "killed"},
        /* the last part makes up the rest of its whole, past the clause of
         * the part before it */
        {"وقال المتحدث العسكري إن العملية نفذت بصاروخين و20 طائرة مسيرة منها 12 طائرة نوع صقر "
         "استهدفت مطار المدينة و8 طائرات مسيرة نوع نسر استهدفت قاعدة عسكرية.",
         "8 طائرات", "20 طائرة", "fired"},
    };
    check_links(cases, sizeof cases / sizeof cases[0], false);
}

/* A figure joined to a part that does not make up the rest of the whole is
 * a figure of its own. */
Test(genre, not_a_last_part)
{
    extract_result r;
    run("قتل 20 شخصا بينهم 5 أشخاص من عائلة واحدة في حلب، و8 أشخاص في قصف على إدلب.", &r);
    const extract_figure *f = figure_with(&r, "8 أشخاص");
    cr_assert_not_null(f);
    cr_expect_eq(f->part_of, EXTRACT_NO_INDEX, "\"8 أشخاص\" read as a part");
    extract_result_free(&r);
}

/* 5. Tolls that change: the later toll supersedes the earlier one, past
 * an adverb of time, and an update that names no event ("ارتفع العدد")
 * counts what the earlier figure counted. */
Test(genre, updates)
{
    static const part_case cases[] = {
        {"قتل 10 أشخاص في الانفجار. وارتفع عدد القتلى في وقت لاحق إلى 17.", "17", "10 أشخاص",
         "killed"},
        {"قتل 5 جنود في الكمين. ثم ارتفع العدد إلى 9 جنود.", "9 جنود", "5 جنود", "killed"},
        {"قتل 20 شخصا في القصف. وقالت الوزارة إن عدد القتلى ارتفع إلى 26.", "26", "20 شخصا",
         "killed"},
        {"أصيب 15 شخصا في القصف. وارتفع عدد المصابين إلى 22 مصابا.", "22 مصابا", "15 شخصا",
         "injured"},
        {"استشهد 6 مدنيين في الغارة. وقفزت حصيلة الشهداء إلى 11.", "11", "6 مدنيين", "killed"},
    };
    check_links(cases, sizeof cases / sizeof cases[0], true);
}

/* Is there a place mention (resolved or named by its context) whose text
 * is name? */
static bool has_place(const extract_result *r, const char *name)
{
    for (size_t k = 0; k < r->n_places + r->n_unresolved_places; k++) {
        span sp = k < r->n_places ? r->places[k].sp : r->unresolved_places[k - r->n_places].sp;
        char *s = text_slice(&r->txt, sp);
        cr_assert_not_null(s);
        bool same = strcmp(s, name) == 0;
        free(s);
        if (same)
            return true;
    }
    return false;
}

/* 6. Places of the whole region, places named by their context only, and
 * adjectives that are no places. */
Test(genre, places)
{
    static const struct {
        const char *doc;
        const char *place;     /* must be found */
        const char *not_place; /* must not be found, or NULL */
    } cases[] = {
        {"وقتل 6 في هجوم على مدينة نيالا بجنوب دارفور.", "نيالا", NULL},
        {"وقتل 9 في تفجير في مدينة كيسمايو جنوبي الصومال.", "كيسمايو", NULL},
        {"وقتل 9 في هجوم قرب مدينة غاو شمالي مالي.", "غاو", NULL},
        {"وقتل 12 في قصف على مدينة دير البلح وسط قطاع غزة.", "دير البلح", NULL},
        {"وقتل 12 في انفجار في قضاء سنجار غربي نينوى.", "سنجار", NULL},
        {"وقتل 12 في قصف على مديرية حرض بمحافظة حجة.", "حرض", NULL},
        {"وقتل 12 في اشتباكات في مدينة سبها جنوب ليبيا.", "سبها", NULL},
        /* named by its context: not in the gazetteer, served without coordinates */
        {"قتل 5 أشخاص في قصف على حي الزهور في مدينة دير الزور.", "الزهور", NULL},
        {"قتل 5 أشخاص في غارة على مخيم الرحمة للنازحين.", "الرحمة", NULL},
        {"وقتل 4 عناصر في هجوم على تل الأحمر.", "تل الأحمر", NULL},
        {"وقتل 7 مدنيين في قريتي الكرك والنعيمة.", "النعيمة", NULL},
        {"قتل 6 أشخاص في قصف على منطقة المواصي غرب خان يونس.", "المواصي", NULL},
        /* علي with ي is the name in a compound, and the list goes on after it */
        {"فقد استهدفت القوات قرى (الحمرة والشيخ علي والدرداوية).", "الدرداوية", NULL},
        {"وقصفت القوات قرية أبو علي.", "أبو علي", NULL},
        /* وأم opens the next item of a list (not the agency وام) */
        {"وقتل مدنيان في قصف على بلدتي الزهيرات وأم الخرائب.", "أم الخرائب", NULL},
        /* adjectives, not places */
        {"واعترضت الدفاعات الجوية السعودية 4 صواريخ أطلقت نحو جازان.", "جازان", "السعودية"},
        {"وأعلنت القوات السعودية إسقاط طائرتين مسيرتين فوق نجران.", "نجران", "السعودية"},
        {"وقتل 3 مقاتلين سوريين في ليبيا.", "ليبيا", NULL},
        {"وقتل 3 في غارة على السعودية.", "السعودية", NULL},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        extract_result r;
        run(cases[k].doc, &r);
        cr_expect(has_place(&r, cases[k].place), "\"%s\" not read as a place in: %s",
                  cases[k].place, cases[k].doc);
        if (cases[k].not_place)
            cr_expect(!has_place(&r, cases[k].not_place), "\"%s\" read as a place in: %s",
                      cases[k].not_place, cases[k].doc);
        extract_result_free(&r);
    }
}
