/* test_places.c — places of the whole region, names that are not places, and
 * unknown places named by their context, on sentences written for these
 * tests.
 */
#include "tests/extract/model_fixture.h"

#include <stdlib.h>

static const extract_place *places;
static size_t n_model_places;

static void load_model_and_places(void)
{
    load_model();
    n_model_places = extract_model_places(model, &places);
}

TestSuite(places, .init = load_model_and_places, .fini = free_model);

/* Is there a resolved mention of place `id` whose text is `as_written`? */
static bool has_place(const extract_result *r, const char *id, const char *as_written)
{
    for (size_t i = 0; i < r->n_places; i++) {
        char *s = text_slice(&r->txt, r->places[i].sp);
        bool hit =
            strcmp(places[r->places[i].place].id, id) == 0 && s && strcmp(s, as_written) == 0;
        free(s);
        if (hit)
            return true;
    }
    return false;
}

static bool has_text(const extract_place_mention *m, size_t n, const extract_result *r,
                     const char *want)
{
    for (size_t i = 0; i < n; i++) {
        char *s = text_slice(&r->txt, m[i].sp);
        bool hit = s && strcmp(s, want) == 0;
        free(s);
        if (hit)
            return true;
    }
    return false;
}

typedef struct place_case {
    const char *doc, *id, *as_written;
} place_case;

/* Each case's text names its place (id, as written). */
static void check_place_cases(const place_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_place(&r, cases[c].id, cases[c].as_written), "%s: no %s (%s)", cases[c].doc,
                  cases[c].id, cases[c].as_written);
        extract_result_free(&r);
    }
}

typedef struct word_case {
    const char *doc, *word; /* a text, and a word of it that is no place */
} word_case;

/* No case's word is read as a place: a resolved one, or with
 * also_unresolved one the gazetteer lacks either. */
static void check_no_place(const word_case *cases, size_t n, bool also_unresolved)
{
    for (size_t c = 0; c < n; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(!has_text(r.places, r.n_places, &r, cases[c].word) &&
                      !(also_unresolved &&
                        has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].word)),
                  "%s: %s read as a place", cases[c].doc, cases[c].word);
        extract_result_free(&r);
    }
}

/* Places of the region, from GeoNames and the reviewed lists. */
Test(places, region_places_resolve)
{
    static const place_case cases[] = {
        {"قصفت الطائرات أحياء في مدينة الموصل أمس.", "mosul", "الموصل"},
        {"وصل النازحون إلى أربيل بعد أيام من المشي.", "erbil", "أربيل"},
        {"اندلعت اشتباكات عنيفة في تعز وفي محافظة مأرب.", "marib-gov", "محافظة مأرب"},
        {"دخلت شاحنات المساعدات إلى خان يونس عبر معبر رفح.", "khan-yunis", "خان يونس"},
        {"أعلن الجيش السيطرة على بنغازي بعد معارك طويلة.", "benghazi", "بنغازي"},
        {"هاجم مسلحون قرية قرب غاو في شمال مالي.", "gao", "غاو"},
        {"نزح آلاف المدنيين من الفاشر في ولاية شمال دارفور.", "el-fasher", "الفاشر"},
        {"انفجرت سيارة مفخخة في مقديشو ظهر اليوم.", "mogadishu", "مقديشو"},
        {"أطلقت الجماعة طائرات مسيرة نحو الرياض.", "riyadh", "الرياض"},
        {"شيّع أهالي النبطية ضحايا الغارة.", "nabatieh", "النبطية"},
        {"عاد وفد الوساطة إلى القاهرة مساء الخميس.", "cairo", "القاهرة"},
        /* the same name as a place: after a preposition, as an object, with a count after it */
        {"قتل 5 جنود في هجوم على تدمر فجراً.", "palmyra", "تدمر"},
        {"دخل الوفد العسكري تدمر مساء أمس.", "palmyra", "تدمر"},
        {"وصلت من تدمر 300 عائلة نازحة.", "palmyra", "تدمر"},
        /* a region named with the adjective of its direction */
        {"قتل 7 أشخاص في غارات على جنوبي لبنان.", "south-lebanon", "جنوبي لبنان"},
        /* not a country's name: جنوبي السودان is the south of Sudan */
        {"نزح 500 شخص من جنوبي السودان.", "sudan", "السودان"},
        /* regions named by a river or a sea, not by the town inside the name */
        {"سيطرت قوات سوريا الديمقراطية على بلدات شرق الفرات.", "east-euphrates", "شرق الفرات"},
        {"نقل الجرحى من مناطق شرقي الفرات إلى القامشلي.", "east-euphrates", "شرقي الفرات"},
        {"سيطرت القوات على مناطق شرقي نهر الفرات.", "east-euphrates", "شرقي نهر الفرات"},
        {"قتل 3 على الضفة الشرقية لنهر الفرات.", "east-euphrates", "الضفة الشرقية لنهر الفرات"},
        {"استهدف صاروخ سفينة شحن في خليج عدن فجر الأحد.", "gulf-of-aden", "خليج عدن"},
        {"أصيب 2 من البحارة في هجوم قرب مضيق باب المندب.", "bab-el-mandeb", "مضيق باب المندب"},
        /* the town itself */
        {"قتل 3 أشخاص في اشتباكات داخل مدينة عدن.", "aden", "عدن"},
        /* villages of Lebanon's border strip, reviewed (region.tsv) */
        {"أصيب 4 مدنيين في غارة على بلدة عيتا الشعب.", "aita-al-shaab", "عيتا الشعب"},
        {"سقطت 6 قذائف على أطراف كفركلا والعديسة.", "kfar-kila", "كفركلا"},
        {"سقطت 6 قذائف على أطراف كفركلا والعديسة.", "odaisseh", "العديسة"},
        {"قصفت المدفعية قرية الضهيرة وأصيب 3 مدنيين.", "dhayra", "الضهيرة"},
        {"دمرت الغارة 3 منازل في بلدة الخيام.", "khiam", "الخيام"},
        /* neighbourhoods of Gaza City and camps of the Strip, reviewed */
        {"استشهد 4 مواطنين في قصف على حي الشجاعية شرق مدينة غزة.", "shujaiya", "حي الشجاعية"},
        {"أصيب 9 أشخاص في غارة على مخيم المغازي وسط القطاع.", "maghazi", "مخيم المغازي"},
        {"نزحت 100 عائلة من مخيم الشاطئ غرب غزة.", "beach-camp", "مخيم الشاطئ"},
        /* the Strip's parts, named by the Strip as القطاع */
        {"استشهد 15 فلسطينيا في غارات على جنوبي القطاع.", "gaza-strip", "جنوبي القطاع"},
        {"تقدمت الدبابات في شمال القطاع فجر اليوم.", "gaza-strip", "شمال القطاع"},
        /* a village of south Lebanon whose name is also "by air", with its noun */
        {"أغارت مسيرة على بلدة جويا في قضاء صور.", "jouaiya", "جويا"},
        /* Morocco's capital, not the Yemeni town GeoNames also names so */
        {"الرباط (رويترز) - قالت السلطات إن 14 شخصا قتلوا في الحادث.", "rabat", "الرباط"},
    };
    check_place_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Names that are not places here: the word, as written, yields no mention. */
Test(places, names_that_are_not_places)
{
    static const word_case cases[] = {
        {"التقى الوزير مواطنًا روسيًا في الفندق.", "روسيًا"},       /* tanween: adjective */
        {"قالت قناة ليبيا الوطنية إن الوفد وصل.", "ليبيا"},      /* an outlet's name */
        {"ونشر التنظيم في مجلة دابق صورا للمقاتلين.", "دابق"},   /* a magazine's name */
        {"وورد الخبر في العدد الأخير من جريدة حلب.", "حلب"},     /* a paper's name */
        {"بدأت العملية عند الخامسة بتوقيت القدس.", "القدس"},     /* a time zone */
        {"أعلنت قوات سوريا الديمقراطية حظر التجول.", "سوريا"},   /* an organisation */
        {"أفرج عن ممرضة سورية كانت محتجزة.", "سورية"},           /* adjective of a noun */
        {"أسر الجيش مقاتلاً سوريا قرب الحدود.", "سوريا"},         /* after tanween */
        {"قال إن المسلحين من جنسيات غير سورية.", "سورية"},       /* after غير */
        {"قتل 55 مسلحا من جنسيات سورية وأجنبية.", "سورية"},      /* after a plural in ـات */
        {"وكان بينهم مسلحون سوريون وغير سورية.", "سورية"},       /* after وغير */
        {"انتشرت الدوريات في حيان من أحياء المدينة.", "حيان"},   /* dual of حي */
        {"دمرت الغارات جسرين رئيسيين على النهر.", "جسرين"},      /* dual of جسر */
        {"وهدمت الجرافات بيتين في البلدة.", "بيتين"},            /* dual of بيت */
        {"تراجع الاقتصاد في شمال البلاد بعد الحرب.", "البلاد"},  /* a common noun */
        {"قال الناطق إن الفصائل انسحبت من المواقع.", "الفصائل"}, /* a common noun */
        {"وأضاف أن الهجرة ازدادت هذا العام.", "الهجرة"},         /* a common noun */
        {"وتشهد المنطقة حالة تأهب عالية منذ أيام.", "عالية"},    /* an adjective */
        {"وقال إن معنويات الجنود عالية.", "عالية"},              /* an adjective */
        {"وأنهكت الحرب الطويلة سكان المدينة.", "الطويلة"},       /* an adjective */
        {"وقامت القوات بحركة التفاف حول المدينة.", "بحركة"},     /* ب and a noun */
        {"وقال إن المجموعات الخارجة عن القانون هاجمت الحاجز.", "الخارجة"},
        {"وعلى الصعيد الميداني، قتل 5 جنود في اشتباكات.", "الصعيد"},
        {"ووافته المنية متأثرا بجراحه.", "المنية"},
        {"واستهدفت الغارة المنشأة النووية.", "المنشأة"},
        {"وتلا ذلك قصف مدفعي عنيف.", "تلا"},
        {"وتفوح رائحة الموت من المكان.", "تفوح"},
        {"وقال إن العالم بلا ضمير.", "ضمير"},
        /* ... and Syrian towns named by words: the movement, important,
         * regarding, behaviour, a given name, rough, present, flows */
        {"وأكد دعم الحراك الشعبي السلمي.", "الحراك"},
        {"وقال إن الجيش استهدف المواقع الهامة للتنظيم.", "الهامة"},
        {"وقال إن الحكومة بصدد إعداد خطة.", "بصدد"},
        {"وانتقد سلوك الجنود على الحواجز.", "سلوك"},
        {"وقال الشاب جاسم محمد إن منزله دمر.", "جاسم"},
        {"وسلك الرتل الطريق الوعر نحو الجبل.", "الوعر"},
        {"وقال إنه حاضر للتفاوض.", "حاضر"},
        {"وتسيل الدماء في الشوارع.", "تسيل"},
        {"وقال إن هذا الموقف ينبع من الحرص على المدنيين.", "ينبع"},
        {"ومن الأمور الجديرة بالذكر أن القصف توقف.", "الجديرة"},
        {"ونقل الجرحى إلى قسم الباطنة في المستشفى.", "الباطنة"},
        {"وانتقدت المنظمة الحجب المتكرر للمواقع الإخبارية.", "الحجب"},
        {"قال الشيخ في خطبته إن من يقاتل معهم كفر بالله.", "كفر"}, /* a verb */
        /* جويا, a village of south Lebanon, is "by air" */
        {"وشن الطيران 30 هجوما جويا على الأحياء.", "جويا"},
        {"ونفذت القوات هجمات برية وجويا.", "جويا"},
        /* ك + a place is another name that begins with ك */
        {"تقدمت القوات على محور كبانة في ريف اللاذقية.", "بانة"},
        /* a town's name that is a verb's form, between its subject and its count */
        {"المدفعية الثقيلة تدمر 14 دبابة في يومين", "تدمر"},
        {"المسيرات التابعة للجيش تدمر أكثر من 25 مركبة", "تدمر"},
        /* the name of a military operation, even for the area it took */
        {"عادت عائلات نازحة إلى منطقة نبع السلام هذا الأسبوع.", "نبع"},
        {"توترت الأوضاع في مناطق غصن الزيتون ودرع الفرات منذ الصيف.", "غصن الزيتون"},
        {"شارك اللواء في معارك منطقة فجر الحرية شرق حلب.", "فجر الحرية"},
        /* the town inside a sea's name */
        {"استهدف صاروخ سفينة شحن في خليج عدن فجر الأحد.", "عدن"},
        /* الخيام "the tents" outside a place context */
        {"نصب 200 نازح الخيام في ساحة المدرسة.", "الخيام"},
        /* a common word that names a Gaza camp only with its noun */
        {"جلس 30 نازحا على الشاطئ قرب الميناء.", "الشاطئ"},
        /* the make of a missile or a drone */
        {"أطلقت الجماعة 3 صواريخ من نوع فلسطين 2 على المدينة.", "فلسطين"},
        {"أسقطت الدفاعات طائرة مسيرة من طراز يافا.", "يافا"},
        /* the city named before, and its quarters by their direction */
        {"قصفت الطائرات أحياء المدينة الجنوبية والشرقية.", "الجنوبية"},
        /* the article before a number, and a participle read as a town */
        {"تقدمت القوات إلى منطقة الـ55 كيلومترا.", "الـ"},
        {"أغلقت القوات 3 طرق مؤدية إلى الحدود.", "مؤدية"},
        /* what a camp shelters is no camp's name */
        {"يعيش الآلاف في مخيمات النزوح قرب الساحل.", "النزوح"},
    };
    check_no_place(cases, sizeof cases / sizeof cases[0], true);
}

/* Seas, straits, crossings and camps are places of the reporting: ships are struck in
 * a sea, aid enters by a crossing, camps are shelled. A town's common second
 * spelling is the same town. Their common-word halves are no place: المصنع
 * "the factory", زمزم "the well of Mecca", الحكومة "the government". */
Test(places, seas_crossings_and_camps)
{
    static const place_case found[] = {
        {"أعلنت الجماعة استهداف سفينة نفط في البحر الأحمر بصاروخين.", "red-sea", "البحر الأحمر"},
        {"قالت الجماعة إنها أطلقت 4 مسيرات على سفينة في بحر العرب.", "arabian-sea", "بحر العرب"},
        {"احتجزت البحرية ناقلة نفط في مضيق هرمز فجر اليوم.", "strait-of-hormuz", "مضيق هرمز"},
        {"عبرت 60 شاحنة مساعدات من معبر كرم أبو سالم إلى القطاع.", "kerem-shalom-crossing",
         "معبر كرم أبو سالم"},
        {"أغلقت السلطات معبر رفح أمام المسافرين لليوم الثالث.", "rafah-crossing", "معبر رفح"},
        {"قصفت قوات الدعم السريع مخيم زمزم جنوب الفاشر.", "zamzam-camp", "زمزم"},
        {"فرّ آلاف النازحين من معسكر أبو شوك شمال الفاشر.", "abu-shouk-camp", "معسكر أبو شوك"},
        {"عبر 1200 لاجئ سوري معبر المصنع باتجاه لبنان.", "masnaa-crossing", "معبر المصنع"},
        {"سقطت قذائف على أحياء في مدينة كادوقلي أمس.", "kadugli", "كادوقلي"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"وزعت الجمعية عبوات من ماء زمزم على المصلين.", "زمزم"},
        {"قتل 12 من عناصر القوات الموالية للحكومة في الهجوم.", "لحكومة"},
        {"أعلنت الحكومة أن 30 عاملا أصيبوا في المصنع.", "الحكومة"},
        {"أعلنت الحكومة أن 30 عاملا أصيبوا في المصنع.", "المصنع"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* Towns GeoNames lists without an Arabic name, named in
 * data/places/arabic_names.tsv; those that are also common words count only
 * in a place context. */
Test(places, towns_named_in_arabic_by_review)
{
    static const place_case found[] = {
        {"قتل 4 أشخاص في اشتباكات بمدينة ترهونة جنوب شرق طرابلس.", "tarhuna", "ترهونة"},
        {"نزحت مئات الأسر من المناقل إلى ولايات مجاورة.", "al-manaqil", "المناقل"},
        {"سقطت قذائف على سوق الدلنج صباح اليوم.", "dilling", "الدلنج"},
        {"استعادت القوات الحكومية مدينة جوهر بعد معارك.", "jawhar", "جوهر"},
        {"اقتحمت القوات بلدة بيتا جنوب نابلس فجرا.", "bayta-al-fawqa", "بيتا"},
        {"قتل 8 أشخاص في قصف على مدينة الأبيض بولاية شمال كردفان.", "el-obeid", "الأبيض"},
    };
    for (size_t c = 0; c < sizeof found / sizeof found[0]; c++) {
        extract_result r;
        run(found[c].doc, &r);
        cr_expect(has_place(&r, found[c].id, found[c].as_written), "%s: no %s (%s)", found[c].doc,
                  found[c].id, found[c].as_written);
        extract_result_free(&r);
    }
    static const word_case not_found[] = {
        {"هدمت الجرافات 12 بيتا في القرية خلال أسبوع.", "بيتا"},
        {"وصف المتحدث جوهر الخلاف بأنه سياسي.", "جوهر"},
        {"تبنت جبهة تحرير ماسينا الهجوم على القافلة.", "ماسينا"},
        {"أعلن البيت الأبيض إرسال 200 جندي إضافي.", "الأبيض"},
        {"اتهمت المنظمة الجيش باستخدام الفسفور الأبيض.", "الأبيض"},
    };
    check_no_place(not_found, sizeof not_found / sizeof not_found[0], false);
}

/* After a hospital, school or mosque comes its own name, often a person's:
 * a name that is also a word or a given name (ambiguous in the gazetteer)
 * is then no place; the facility is where the text puts it. A place name
 * after the noun (a hospital named after its town) stays a place, and the
 * same name after a noun of places stays one. */
Test(places, a_facility_is_named_after_a_person_not_a_town)
{
    static const struct {
        const char *doc, *word, *id, *as_written; /* word: no place; id: a place */
    } cases[] = {
        {"نقل المسعفون الجرحى إلى مستشفى ناصر في خان يونس.", "ناصر", "khan-yunis", "خان يونس"},
        {"لجأت مئات العائلات إلى مدرسة عكرمة في المدينة.", "عكرمة", NULL, NULL},
        {"سقطت قذيفة قرب مسجد القاسم وسط السوق.", "القاسم", NULL, NULL},
        {"وأفاد مدير مستشفى سالم بوصول 4 جرحى.", "سالم", NULL, NULL},
        /* counter-examples: a town's hospital; a given name after a noun of places */
        {"قصفت الطائرات مدرسة درعا الثانوية.", NULL, "daraa", "درعا"},
        {"قصفت الطائرات حي عكرمة في حمص.", NULL, "akrama", "عكرمة"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        if (cases[c].word)
            cr_expect(!has_text(r.places, r.n_places, &r, cases[c].word) &&
                          !has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].word),
                      "%s: %s read as a place", cases[c].doc, cases[c].word);
        if (cases[c].id)
            cr_expect(has_place(&r, cases[c].id, cases[c].as_written), "%s: no %s (%s)",
                      cases[c].doc, cases[c].id, cases[c].as_written);
        extract_result_free(&r);
    }
}

/* Unknown places named by their context are served, unresolved. */
Test(places, unknown_places_by_their_context)
{
    static const struct {
        const char *doc, *name;
    } cases[] = {
        {"سقطت قذيفة على قرية زعفرانة الصغرى صباحاً.", "زعفرانة الصغرى"},
        {"داهمت دورية منزلاً في حي الورود الجديد.", "الورود الجديد"},
        {"نقل المعتقلون إلى سجن عوفر العسكري.", "عوفر"},
        {"اندلع حريق في مخيم الكرامة للنازحين.", "الكرامة"},
        /* a word of an operation's name, alone, may still name a place */
        {"داهمت دورية منزلا في حي الزيتون ليلا.", "الزيتون"},
        {"تقدمت القوات نحو تل الزعرور وتل سلمو.", "تل الزعرور"},
        {"تقدمت القوات نحو تل الزعرور وتل سلمو.", "تل سلمو"},
        {"قصفت المدفعية مواقع في مديرية باقم الحدودية.", "باقم"},
        {"نفذت الطائرات غارة على بلدة أبو الخنادق.", "أبو الخنادق"},
        /* roads, streets and squares are named by a definite name */
        {"انفجرت عبوة في شارع النخيل وسط المدينة.", "النخيل"},
        {"قطع المسلحون طريق الرصافة الدولي مساء السبت.", "الرصافة"},
        {"اشتبك الطرفان في حي طريق المطار ليلاً.", "طريق المطار"},
        /* lists after a plural or dual noun, with و glued or apart */
        {"نزح السكان من قرى (الزيتونة والعرقوب وعين الورد) شمالاً.", "العرقوب"},
        {"نزح السكان من قرى (الزيتونة والعرقوب وعين الورد) شمالاً.", "عين الورد"},
        {"سقطت قذائف على بلدتي كفرزيتون ومرج الخوخ صباحاً.", "كفرزيتون"},
        {"سقطت قذائف على بلدتي كفرزيتون ومرج الخوخ صباحاً.", "مرج الخوخ"},
        {"انسحب المقاتلون من قرى وبلدات (الرمانة، والشعيرات، والقصور) بعد الهدنة.", "الشعيرات"},
        {"انسحب المقاتلون من قرى وبلدات (الرمانة، والشعيرات، والقصور) بعد الهدنة.", "القصور"},
        /* دير and كفر open a village's or a monastery's name by themselves */
        {"سقطت قذيفة على دير عامص ظهر الأحد.", "دير عامص"},
        {"أغارت مسيرة على كفر دبين وقتلت راعيا.", "كفر دبين"},
        /* a name in ـي is no nisba when a definite direction or size closes it */
        {"هاجم مسلحون قرية مرعي الشرقية فجراً.", "مرعي الشرقية"},
        {"دارت اشتباكات في منطقة بكولي السفلى طوال الليل.", "بكولي السفلى"},
        /* an item named with a noun of its own (مزرعة، حي) does not end the list */
        {"امتد القصف إلى قرى الرويشد ومزرعة الغدير والعكيرشي شرقاً.", "الغدير"},
        {"امتد القصف إلى قرى الرويشد ومزرعة الغدير والعكيرشي شرقاً.", "العكيرشي"},
        {"فر الأهالي من قرى (السويدية ومزرعة الحسون وأم الطيور) ليلاً.", "أم الطيور"},
        /* a front is named by the place it runs through */
        {"اندلعت اشتباكات عنيفة على محور الكسارات غرب المدينة.", "الكسارات"},
        {"صدت القوات هجوما على محور عين الباردة فجرا.", "عين الباردة"},
        {"قتل جنديان على محور كرمنة شرق البلدة.", "كرمنة"},
        /* a list whose first item the gazetteer reads with its noun */
        {"استهدفت الغارات حيي الشجاعية والمنطار فجرا.", "المنطار"},
        /* a definite name joined by و after a name in ـة is a further item */
        {"سقطت قذائف على حماة والسلمية ليلا.", "السلمية"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].name) ||
                      has_text(r.places, r.n_places, &r, cases[c].name),
                  "%s: %s not served", cases[c].doc, cases[c].name);
        for (size_t i = 0; i < r.n_unresolved_places; i++)
            cr_expect_eq(r.unresolved_places[i].place, EXTRACT_NO_INDEX);
        extract_result_free(&r);
    }
}

/* An unknown name after its noun is a construct of two words when an
 * indefinite word has a definite one after it (an indefinite word takes no
 * definite adjective); a definite adjective, participle, nisba or day
 * after a one-word name agrees with the whole name and is no part of it. */
Test(places, a_construct_name_after_its_noun)
{
    static const struct {
        const char *doc, *name;
    } cases[] = {
        {"أصيب 6 مواطنين بقصف على بلدة عيتا الفخار في جنوب لبنان.", "عيتا الفخار"},
        {"قتل راعيان في قرية حوش الضواهرة فجرا.", "حوش الضواهرة"},
        {"اشتبك الطرفان في منطقة كسارة الحجر ليلا.", "كسارة الحجر"},
        /* an adjective of the named place, a day: one word */
        {"سقطت قذائف على بلدة كفرزيتون المحاصرة.", "كفرزيتون"},
        {"سقطت قذائف على بلدة كفرزيتون الحدودية.", "كفرزيتون"},
        {"سقطت قذائف على بلدة كفرزيتون الساحلية.", "كفرزيتون"},
        {"سقطت قذائف على قرية كفرزيتون الأحد.", "كفرزيتون"},
        {"سقطت قذائف على قرية كفرزيتون المجاورة.", "كفرزيتون"},
        /* a definite name takes a definite adjective */
        {"سقطت قذائف على قرية الزيتونة الكرمية.", "الزيتونة"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].name),
                  "%s: %s not served", cases[c].doc, cases[c].name);
        extract_result_free(&r);
    }
}

/* Places of Sudan and Yemen the reporting names (region.tsv): Wad
 * al-Nourah, and Tawila and Nihm, which are also common words ("long",
 * "greed"): places only in a place context, a front (جبهة نهم) among them. */
Test(places, sudan_and_yemen_places_of_the_reporting)
{
    static const place_case cases[] = {
        {"قتل 4 أشخاص في هجوم على ود النورة بولاية الجزيرة.", "wad-al-nourah", "ود النورة"},
        {"نزح المئات إلى منطقة طويلة بشمال دارفور.", "tawila", "طويلة"},
        {"قتل 7 جنود في مواجهات على جبهة نهم.", "nihm", "نهم"},
    };
    check_place_cases(cases, sizeof cases / sizeof cases[0]);
    static const char *const no_place[] = {
        "استمرت المعارك فترة طويلة وقتل فيها 5 أشخاص.",
        "يقرأ الأطفال بنهم رغم مقتل 4 من أقاربهم.",
        "وقالت جبهة النصرة إنها قتلت 5 جنود.",
    };
    for (size_t c = 0; c < sizeof no_place / sizeof no_place[0]; c++) {
        extract_result r;
        run(no_place[c], &r);
        cr_expect_eq(r.n_places, 0, "%s: %zu places", no_place[c], r.n_places);
        cr_expect_eq(r.n_unresolved_places, 0, "%s: %zu unresolved places", no_place[c],
                     r.n_unresolved_places);
        extract_result_free(&r);
    }
}

/* "مديرية X" is both a Yemeni district and a directorate: where it says
 * nothing and nothing stands between the noun and the name, it is the
 * district and X is a place; a directorate that speaks, or of a service
 * (مديرية صحة X), is a body. */
Test(places, a_district_read_as_a_directorate)
{
    static const place_case cases[] = {
        {"قتل 3 مدنيين في مديرية باقم.", "baqim-as-suq", "باقم"},
        {"قتل 3 في مديرية باقم.", "baqim-as-suq", "باقم"},
        {"سقطت قذائف على مديرية نهم مساء الأحد.", "nihm", "نهم"},
    };
    check_place_cases(cases, sizeof cases / sizeof cases[0]);
    static const char *const bodies[] = {
        "وقالت مديرية باقم إن الطرق مقطوعة.",
        "وأعلنت مديرية صحة صعدة مقتل 3 مدنيين.",
    };
    for (size_t c = 0; c < sizeof bodies / sizeof bodies[0]; c++) {
        extract_result r;
        run(bodies[c], &r);
        cr_expect_eq(r.n_places, 0, "%s: %zu places", bodies[c], r.n_places);
        extract_result_free(&r);
    }
}

/* An unknown name of two indefinite words (طير X، مجدل X) is whole when the
 * phrase ends after it: at punctuation, a preposition, or a word of place
 * (شمال، بريف). A day, a time adverb, a verb or an event after a one-word
 * name is no part of it. */
Test(places, a_two_word_indefinite_name_is_whole)
{
    static const struct {
        const char *doc, *name;
        bool whole;
    } cases[] = {
        {"قتل 4 مدنيين بقصف على قرية طير زعتر في ريف حمص.", "طير زعتر", true},
        {"أصيب راعيان في بلدة مجدل سلوم شمال المدينة.", "مجدل سلوم", true},
        {"سقطت قذائف على قرية عرب شحادة بريف حماة.", "عرب شحادة", true},
        {"داهمت القوات قرية عطيرة سلمان، واعتقلت 3 شبان.", "عطيرة سلمان", true},
        {"سقطت قذائف على قرية كفرزيتون أمس في الصباح.", "كفرزيتون", false},
        {"سقطت قذائف على قرية كفرزيتون مساء الأحد.", "كفرزيتون", false},
        {"سقطت قذائف على قرية كفرزيتون أيضا في ريف حماة.", "كفرزيتون", false},
        {"سقطت قذائف على قرية كفرزيتون وقتل راع.", "كفرزيتون", false},
        {"هاجم المسلحون قرية زيزون فجر اليوم.", "زيزون", false},
        {"قصفت المدفعية قرية زيزون مرتين، ثم انسحبت.", "زيزون", false},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].name),
                  "%s: %s not served", cases[c].doc, cases[c].name);
        if (!cases[c].whole)
            for (size_t i = 0; i < r.n_unresolved_places; i++) {
                char *s = text_slice(&r.txt, r.unresolved_places[i].sp);
                size_t n = strlen(cases[c].name);
                cr_expect(s && !(strncmp(s, cases[c].name, n) == 0 && strlen(s) > n),
                          "%s: served %s", cases[c].doc, s);
                free(s);
            }
        extract_result_free(&r);
    }
}

/* A known name that is another place of that name here: not read as the
 * known one (`wrong`), served unresolved. */
typedef struct other_place_case {
    const char *doc, *name, *wrong;
} other_place_case;

static void check_other_places(const other_place_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(!has_place(&r, cases[c].wrong, cases[c].name), "%s: %s read as %s", cases[c].doc,
                  cases[c].name, cases[c].wrong);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].name),
                  "%s: %s not served", cases[c].doc, cases[c].name);
        extract_result_free(&r);
    }
}

/* Places of the fronts as their press names them: Gaza's main road, the
 * Nineveh plain and its
 * district of الحمدانية (Aleppo's quarter of that name in an Aleppo
 * report), Suwayda's mountain. */
Test(places, salah_al_din_road_nineveh_plain_and_jabal_al_arab)
{
    static const place_case found[] = {
        {"قتل 3 في قصف على طريق صلاح الدين شرق دير البلح.", "salah-al-din-road", "طريق صلاح الدين"},
        {"عاد مئات النازحين إلى بلدات سهل نينوى.", "nineveh-plains", "سهل نينوى"},
        {"عاد مئات النازحين إلى الحمدانية وبرطلة في سهل نينوى.", "al-hamdaniya", "الحمدانية"},
        {"الموصل - عاد 300 نازح إلى الحمدانية.", "al-hamdaniya", "الحمدانية"},
        {"قتل 3 في الحمدانية غرب حلب.", "hamdaniyah", "الحمدانية"},
        {"قتل 20 مسلحا في اشتباكات بمنطقة جبل العرب.", "jabal-al-arab", "جبل العرب"},
        /* towns named by words, after their noun or placed */
        {"قتل 3 في بلدة الحراك بريف درعا.", "hirak", "الحراك"},
        {"قتل 3 في الحراك شرق درعا.", "hirak", "الحراك"},
        {"قتل 3 في مدينة جاسم.", "jasim", "جاسم"},
        {"دخلت القوات بلدة صدد.", "sadad", "صدد"},
        {"استهدف الحوثيون منشأة نفطية في ينبع غرب السعودية.", "yanbu", "ينبع"},
        {"سيطرت القوات على الحاضر وخان طومان.", "hadher", "الحاضر"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* A known name opening a longer one after the noun of a town, before a
 * second word the phrase ends with ("بلدة عدن يابال بإقليم شبيلي"), is
 * another place, served whole; a time word, a verb, an event or a place
 * word after the name leaves it the known one. */
Test(places, a_known_name_opening_a_longer_one)
{
    static const other_place_case cases[] = {
        {"قتلت الحركة 11 جنديا في هجوم على قاعدة في بلدة عدن يابال بإقليم شبيلي الوسطى.",
         "عدن يابال", "aden"},
        {"استعادت القوات الحكومية بلدة عدن يابال.", "عدن يابال", "aden"},
    };
    check_other_places(cases, sizeof cases / sizeof cases[0]);
    static const place_case found[] = {
        {"قصف الجيش مدينة عدن يوم الجمعة.", "aden", "عدن"},
        {"هاجم مسلحون بلدة شهبا مساء.", "shahba", "شهبا"},
        {"قتل 4 أشخاص في قرية جبلة ليلا.", "jableh", "جبلة"},
        {"قتل 3 في بلدة صلخد حسب المرصد.", "salkhad", "صلخد"},
        {"قصفت الطائرات بلدة كفرنبل جراء القصف.", "kafr-nabl", "كفرنبل"},
        {"تعرضت مدينة تعز لقصف عنيف.", "taiz", "تعز"},
        {"اقتحم الجيش مدينة جنين صباح.", "jenin", "جنين"},
        /* a noun in apposition that heads a place after it */
        {"هاجمت القوات مدينة سنجة عاصمة ولاية سنار.", "singa", "سنجة"},
        {"قصف الطيران مدينة عدن مقر الحكومة.", "aden", "عدن"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* A name the gazetteer gives one place, said to lie inside a city,
 * governorate or country that does not hold it, is another place of that
 * name: served unresolved, not as the known one. Inside its own, or placed
 * by a direction from another, it stays the known one. */
Test(places, a_name_inside_an_area_that_does_not_hold_it)
{
    static const other_place_case cases[] = {
        {"قتل 6 أشخاص في اشتباكات بحي الروضة في مدينة تعز.", "الروضة", "ar-rawdah"},
        {"قتل 2 من عناصر الشرطة في انفجار عبوة في منطقة الجيزة بمحافظة درعا.", "الجيزة", "giza"},
        {"قتل 18 شخصا في هجوم على قرية النصر بولاية جنوب دارفور.", "النصر", "an-nasr"},
        /* inside a district of another country */
        {"قصف الحوثيون قرية الضهيرة في مديرية حيس وقتل 3 مدنيين.", "الضهيرة", "dhayra"},
        /* the bare noun of a division in apposition, as Lebanese and Iraqi
         * reports write it */
        {"استهدفت غارة إسرائيلية بلدة العامرية قضاء صور.", "العامرية", "amiriyah"},
        {"قتل 3 في غارة على بلدة المنصورة قضاء صور.", "المنصورة", "mansoura-aleppo"},
    };
    check_other_places(cases, sizeof cases / sizeof cases[0]);
    static const place_case kept[] = {
        {"قتل 7 أشخاص في حي الوعر بمدينة حمص.", "waer", "الوعر"},
        {"قتل 3 مدنيين في غارة على مديرية باقم بمحافظة صعدة.", "baqim-as-suq", "باقم"},
        {"قتل 4 جنود بهجوم في قضاء الطارمية شمال بغداد.", "at-tarmiyah", "الطارمية"},
        {"سقطت قذائف على مدينة الأبيض بولاية شمال كردفان.", "el-obeid", "الأبيض"},
        {"أصيب 5 أشخاص في الجيزة جنوب القاهرة.", "giza", "الجيزة"},
        {"قتل 4 جنود في ذيبان بريف دير الزور الشرقي.", "dhiban", "ذيبان"},
        {"قصفت المدفعية قرية الضهيرة في قضاء صور.", "dhayra", "الضهيرة"},
    };
    check_place_cases(kept, sizeof kept / sizeof kept[0]);
}

/* A name the gazetteer gives one place, said to lie in a direction from a
 * place of another country or in a region of one named by its direction
 * ("الطيبة جنوب لبنان"), is another place of that name: served unresolved.
 * From a place of its own country it stays the known one. */
Test(places, a_name_placed_from_another_country)
{
    static const other_place_case cases[] = {
        {"سقطت قذائف على بلدة الطيبة شرق سوريا فجرا.", "الطيبة", "at-taybah"},
        {"قتل 3 أشخاص في حي الروضة شمال بغداد.", "الروضة", "ar-rawdah"},
    };
    check_other_places(cases, sizeof cases / sizeof cases[0]);
    static const place_case kept[] = {
        {"استشهد شاب في بلدة الطيبة شمال رام الله.", "at-taybah", "الطيبة"},
        {"قتل 4 جنود بهجوم في قضاء الطارمية شمال بغداد.", "at-tarmiyah", "الطارمية"},
        {"أصيب 5 أشخاص في الجيزة جنوب القاهرة.", "giza", "الجيزة"},
        {"قصفت المدفعية قرية الضهيرة جنوب لبنان.", "dhayra", "الضهيرة"},
        {"قتل 3 أشخاص في حي الروضة شمال تعز.", "ar-rawdah", "الروضة"},
    };
    check_place_cases(kept, sizeof kept / sizeof kept[0]);
}

/* A street, square or roundabout named after a place names the street: the
 * name is served unresolved, the place it recalls is not; a road is named
 * by the place it leads to, which stays a place. */
Test(places, a_street_named_after_a_place)
{
    static const struct {
        const char *doc, *street, *place;
    } cases[] = {
        {"انفجرت عبوة في شارع الخضر وسط البلدة.", "الخضر", "الخضر"},
        {"سقطت قذيفة على دوار الرمادي في المدينة.", "الرمادي", "الرمادي"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].street),
                  "%s: %s not served as a street", cases[c].doc, cases[c].street);
        cr_expect(!has_text(r.places, r.n_places, &r, cases[c].place), "%s: %s resolved",
                  cases[c].doc, cases[c].place);
        extract_result_free(&r);
    }
    static const struct {
        const char *doc, *place;
    } places_kept[] = {
        {"قتل 4 على طريق حلب قرب الأتارب.", "حلب"},
        {"انفجرت سيارة في الشارع الرئيسي لمدينة إدلب.", "مدينة إدلب"},
    };
    for (size_t c = 0; c < sizeof places_kept / sizeof places_kept[0]; c++) {
        extract_result r;
        run(places_kept[c].doc, &r);
        cr_expect(has_text(r.places, r.n_places, &r, places_kept[c].place), "%s: %s not resolved",
                  places_kept[c].doc, places_kept[c].place);
        extract_result_free(&r);
    }
}

/* A known name after the word that opens a compound name (تل, عين, كفر) is
 * part of another place's name: the compound is served, unresolved, and
 * the known place inside it is not. */
Test(places, a_compound_name_is_not_the_known_name_inside_it)
{
    static const struct {
        const char *doc, *compound, *inside;
    } cases[] = {
        {"تقدمت القوات على محور تل ملح شمالي المدينة.", "تل ملح", "ملح"},
        {"اشتبك الطرفان على محوري الزلاقيات وتل ملح.", "تل ملح", "ملح"},
        {"سقطت قذائف على قرية عين سلمى صباحاً.", "عين سلمى", "سلمى"},
        /* a tribe's villages in Iraq and Yemen: البو, آل */
        {"داهمت القوات قرية البو جواري قرب بيجي.", "البو جواري", "جواري"},
        {"قصفت الطائرات منطقة آل سالم في المديرية.", "آل سالم", "سالم"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].compound),
                  "%s: %s not served", cases[c].doc, cases[c].compound);
        cr_expect(!has_text(r.places, r.n_places, &r, cases[c].inside), "%s: %s resolved alone",
                  cases[c].doc, cases[c].inside);
        extract_result_free(&r);
    }
}

/* An unknown place takes its kind from the word that names it as a place. */
Test(places, unknown_places_take_the_kind_of_their_context)
{
    static const struct {
        const char *doc, *name, *kind;
    } cases[] = {
        {"سقطت قذيفة على قرية زعفرانة الصغرى صباحاً.", "زعفرانة الصغرى", "village"},
        {"نفذت الطائرات غارة على بلدة أبو الخنادق.", "أبو الخنادق", "town"},
        {"داهمت دورية منزلاً في حي الورود الجديد.", "الورود الجديد", "neighbourhood"},
        {"اندلع حريق في مخيم السنديانة للنازحين.", "السنديانة", "camp"},
        {"نقل المعتقلون إلى سجن عوفر العسكري.", "عوفر", "facility"},
        {"قصفت المدفعية مواقع في مديرية الزرنيخ الحدودية.", "الزرنيخ", "district"},
        {"تقدمت القوات نحو تل الزعرور وتل سلمو.", "تل سلمو", "hill"},
        {"انفجرت عبوة في شارع النخيل وسط المدينة.", "النخيل", "road"},
        /* every item of a list takes the kind of the plural before it */
        {"سقطت قذائف على بلدتي كفرزيتون ومرج الخوخ صباحاً.", "مرج الخوخ", "town"},
        {"نزح السكان من قرى (الزيتونة والعرقوب وعين الورد) شمالاً.", "عين الورد", "village"},
        /* a name after قرية that opens with تل is a village, not a hill */
        {"هاجم المسلحون قرية تل الورد فجراً.", "تل الورد", "village"},
        /* an item with a noun of its own takes that noun's kind */
        {"امتد القصف إلى بلدات الرويشد ومزرعة الغدير والعكيرشي شرقاً.", "الغدير", "village"},
        {"امتد القصف إلى بلدات الرويشد ومزرعة الغدير والعكيرشي شرقاً.", "العكيرشي", "town"},
        {"اندلعت اشتباكات عنيفة على محور الكسارات غرب المدينة.", "الكسارات", "region"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        const char *kind = NULL;
        bool found = false;
        for (size_t i = 0; i < r.n_unresolved_places && !found; i++) {
            char *s = text_slice(&r.txt, r.unresolved_places[i].sp);
            found = s && strcmp(s, cases[c].name) == 0;
            if (found)
                kind = r.unresolved_places[i].kind;
            free(s);
        }
        cr_expect(found, "%s: %s not served unresolved", cases[c].doc, cases[c].name);
        if (found)
            cr_expect(kind && strcmp(kind, cases[c].kind) == 0, "%s: %s is %s, not %s",
                      cases[c].doc, cases[c].name, kind ? kind : "NULL", cases[c].kind);
        for (size_t i = 0; i < r.n_places; i++)
            cr_expect_null(r.places[i].kind, "gazetteer places have no context kind");
        extract_result_free(&r);
    }
}

/* After a context noun, adjectives, verbs and nisbas are not names. */
Test(places, context_nouns_without_a_name)
{
    static const char *const docs[] = {
        "تعرضت قرية صغيرة للقصف.",
        "سيطر المسلحون على مدينة سورية حدودية.",
        "دمر الانفجار مبنى في حي سكني مكتظ.",
        "أغلقت السلطات معبر حدودي مع الجارة.",
        "تقع البلدة قرب مدينة تبعد عشرين كيلومتراً.",
        "حفر الأهالي حفرة جماعية قرب البئر.",
        "قصفت المدفعية مناطق تسيطر عليها الفصائل.",
        "أحصت اللجنة قتلى في منطقة خفض التصعيد.",
        "قطعت القوات طريق إمداد رئيسياً للمسلحين.",
        "سقط قتلى في ساحة المعركة.",
        /* after a list, a verb with و or a clause after a comma is no item */
        "تجول المراسل في أحياء مدينة حمص، بات المشهد هادئاً.",
        "سقطت قذيفة على قريتي كفرزيتون وأصيب راعٍ في المرعى.",
        /* a party after the noun owns the sites, it does not name them */
        "سيطرت الفصائل على حاجزي النظام في المنطقة.",
        "قصفت المدفعية الإسرائيلية مخيمات حزب الله في الجنوب.",
        /* a nisba with a definite word after it that closes no name */
        "دمر القصف مستودعا في حي سكني الليلة الماضية.",
        /* a noun inside a list still needs a name after it */
        "سقطت قذائف على قريتي كفرزيتون ومزرعة صغيرة قربها.",
        "سقطت قذائف على قرى كفرزيتون وحي سكني مجاور.",
        /* ل with the article names the owner, even of a short word */
        "شن مسلحون هجوما على معسكر للجيش قرب الحدود.",
        "انفجرت عبوة قرب مقر للأمن في البلدة.",
        /* participles and other adjectives that agree with the noun */
        "سقطت معظم الصواريخ في مناطق مفتوحة.",
        "عاد الأهالي إلى قرى محررة جنوب المدينة.",
        "تفقد الوفد أحياء مدمرة في المدينة القديمة.",
        /* a verb written with a hamza is not the noun its folded spelling
         * matches (وأدى "and led", not وادي "valley") */
        "وأدى القصف إلى مقتل 4 أشخاص في البلدة.",
        "وأدت الغارة إلى دمار واسع، وأدى القصف إلى نزوح الأهالي.",
        /* the areas of an event: no name */
        "وأجلت فرق الإسعاف 234 عائلة من مناطق الاشتباكات جنوب العاصمة.",
        "وفر الأهالي من مناطق المواجهات والقصف.",
        /* a headline's next clause after the noun: و and a definite word */
        "الدعم السريع تعلن السيطرة على مدينة والجيش ينفي",
        "قوات النظام تقتحم بلدة والفصائل تنسحب منها",
        /* an axis that is an alliance, or the movement it is of */
        "وقال المتحدث إن محور المقاومة سيرد على الهجوم.",
        "قتل 3 جنود على محور الهجوم الرئيسي.",
        "وتقدمت القوات على محور التقدم نفسه.",
        "وقتل عنصران على محور رئيسي للقتال.",
    };
    for (size_t c = 0; c < sizeof docs / sizeof docs[0]; c++) {
        extract_result r;
        run(docs[c], &r);
        size_t extra = 0;
        for (size_t i = 0; i < r.n_unresolved_places; i++) {
            char *s = text_slice(&r.txt, r.unresolved_places[i].sp);
            extra += s && strcmp(s, "كفرزيتون") != 0; /* the one name in these sentences */
            free(s);
        }
        cr_expect_eq(extra, 0, "%s: %zu unresolved places", docs[c], extra);
        extract_result_free(&r);
    }
}

/* A source's name is not read again as a place, but for a site that also
 * speaks named where it is only a site ("هاجموا قاعدة X"), and for a place
 * glued to بـ that closes a body's name: where the body sits. A party's
 * name that holds a place without بـ, or a site that speaks, is no place. */
Test(places, places_inside_a_source_name)
{
    static const struct {
        const char *doc, *id, *as_written;
        bool place;
    } cases[] = {
        {"قالت موسكو إن مسلحين أطلقوا طائرات مسيرة نحو قاعدة حميميم فجر الأحد.", "hmeimim",
         "قاعدة حميميم", true},
        {"ذكر المجلس المحلي بالفاشر أن القصف طال سوق المدينة.", "el-fasher", "الفاشر", true},
        {"قال مدير مستشفى الشفاء بغزة إن عشرين جريحا وصلوا ليلاً.", "gaza", "غزة", true},
        /* the area of a function, and of the person who holds it */
        {"وقال محافظ الأنبار إن الطرق أغلقت.", "anbar-gov", "الأنبار", true},
        {"وقال قائد عمليات نينوى، أحمد الجبوري، إن القوات تقدمت.", "nineveh-gov", "نينوى", true},
        /* a municipality is its town's council */
        {"أفاد مسؤول في بلدية سبها بمقتل 4 أشخاص في اشتباكات.", "sabha", "سبها", true},
        {"قال عميد بلدية سبها إن الاشتباكات توقفت.", "sabha", "سبها", true},
        {"أعلنت قاعدة حميميم إسقاط طائرتين مسيرتين.", "hmeimim", "قاعدة حميميم", false},
        {"قالت غرفة عمليات فتح حلب إن مقاتليها تقدموا.", "aleppo", "حلب", false},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_place(&r, cases[c].id, cases[c].as_written) == cases[c].place, "%s: %s %s",
                  cases[c].doc, cases[c].as_written,
                  cases[c].place ? "not read as a place" : "read as a place");
        extract_result_free(&r);
    }
}

/* A weekday after a place and a comma is the dateline's day, not a further
 * item of a list of places; after a place noun it is still the town. */
Test(places, a_weekday_after_a_place_is_the_day)
{
    extract_result r;
    run("اندلعت اشتباكات قبلية في محافظة ذمار، الجمعة، وأغلقت الطريق الرئيسي.", &r);
    cr_expect(!has_place(&r, "al-jum-ah", "الجمعة"), "the day read as a place");
    cr_expect(has_place(&r, "dhamar-gov", "محافظة ذمار"));
    extract_result_free(&r);
    run("قصفت الطائرات بلدة الجمعة في محافظة ذمار.", &r);
    cr_expect(has_place(&r, "al-jum-ah", "الجمعة"), "the town after its noun");
    extract_result_free(&r);
}

typedef struct figure_place_case {
    const char *doc, *needle, *id; /* id NULL: no place */
} figure_place_case;

/* The figure with `needle` in its span lies at place `id`. */
static void check_figure_places(const figure_place_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        const extract_figure *f = figure_with(&r, cases[c].needle);
        cr_assert_not_null(f, "no figure %s in: %s", cases[c].needle, cases[c].doc);
        if (!cases[c].id)
            cr_expect_eq(f->place, EXTRACT_NO_INDEX, "%s has a place: %s", cases[c].needle,
                         cases[c].doc);
        else
            cr_expect(f->place != EXTRACT_NO_INDEX && !strcmp(places[f->place].id, cases[c].id),
                      "%s is not in %s: %s", cases[c].needle, cases[c].id, cases[c].doc);
        extract_result_free(&r);
    }
}

/* "طرابلس (ليبيا) -": the country in brackets after a dateline's city says
 * which city it is; the figure falls back to the city, not the country. */
Test(places, a_dateline_s_country_in_brackets)
{
    static const figure_place_case cases[] = {
        {"طرابلس (ليبيا) - قال جهاز الإسعاف إن 7 أشخاص قتلوا في اشتباكات بين مجموعتين مسلحتين.",
         "7 أشخاص", "tripoli"},
        {"بنغازي (ليبيا) - أعلن الجيش مقتل 4 جنود في هجوم انتحاري.", "4 جنود", "benghazi"},
        /* a place of its own in brackets, not after a dateline */
        {"طرابلس (أ ف ب) - قتل 5 أشخاص في اشتباكات في مدينة الزاوية (غرب ليبيا) بحسب الهلال "
         "الأحمر.",
         "5 أشخاص", "az-zawiyah"},
        {"قال مسؤول إن 3 أشخاص قتلوا في غارة على (عيترون) جنوب لبنان.", "3 أشخاص", "aitaroun"},
    };
    check_figure_places(cases, sizeof cases / sizeof cases[0]);
}

/* "150 شهيدا، بينهم 40 في مخيم X": the place of a part set out after a
 * breakdown word is the part's, not the whole's; a place of the whole event
 * after its parts ("بينهم 3 أطفال في غارة على بلدة X") is still the whole's. */
Test(places, a_part_s_place_is_not_the_whole_s)
{
    static const figure_place_case cases[] = {
        {"غزة - أعلنت وزارة الصحة ارتفاع الحصيلة إلى 150 شهيدا منذ الفجر، بينهم 40 في مخيم "
         "النصيرات.",
         "150 شهيدا", "gaza"},
        {"غزة - أعلنت وزارة الصحة ارتفاع الحصيلة إلى 150 شهيدا منذ الفجر، بينهم 40 في مخيم "
         "النصيرات.",
         "40", "an-nusayrat"},
        {"وأفاد المرصد بمقتل 60 شخصا في التفجيرات، بينهم 35 في جبلة و25 في طرطوس.", "60 شخصا",
         NULL},
        {"قتل 12 مدنيا في ريف إدلب، منهم 5 في بلدة سرمين و7 في معرة النعمان.", "12 مدنيا",
         "idlib-countryside"},
        {"قتل 10 أشخاص بينهم 3 أطفال في غارة على بلدة سرمين.", "10 أشخاص", "sarmin"},
        {"قتل 9 أشخاص بينهم 4 أطفال، في قصف على بلدة سرمين.", "9 أشخاص", "sarmin"},
    };
    check_figure_places(cases, sizeof cases / sizeof cases[0]);
}

/* When the only other place of the sentence is in a clause of another party
 * set against the figure's, the sentence places its events away from the
 * dateline: the figure has no place rather than the dateline's city. */
Test(places, no_dateline_fallback_past_a_contrasted_place)
{
    static const figure_place_case cases[] = {
        {"بيروت (رويترز) - قال حزب الله في بيان إن مقاتليه استهدفوا 11 موقعا إسرائيليا على "
         "الحدود، فيما قال الجيش الإسرائيلي إنه قتل 5 من عناصر الحزب في جنوب لبنان.",
         "11 موقعا", NULL},
        {"بيروت (رويترز) - قال حزب الله في بيان إن مقاتليه استهدفوا 11 موقعا إسرائيليا على "
         "الحدود، فيما قال الجيش الإسرائيلي إنه قتل 5 من عناصر الحزب في جنوب لبنان.",
         "5 من", "south-lebanon"},
        /* no place set against: the dateline as before */
        {"بيروت (رويترز) - قال حزب الله في بيان إن مقاتليه استهدفوا 11 موقعا إسرائيليا على "
         "الحدود.",
         "11 موقعا", "beirut"},
    };
    check_figure_places(cases, sizeof cases / sizeof cases[0]);
}

/* Quarters and towns the reporting names that GeoNames lacks or spells
 * otherwise: Sadr City, Ain Zara, Ganfouda, Babanusa, al-Shifa hospital,
 * التحيتا without its final hamza. */
Test(places, quarters_and_towns_the_reporting_names)
{
    static const place_case cases[] = {
        {"انفجرت عبوة ناسفة في سوق شعبي بمدينة الصدر شرقي بغداد.", "sadr-city", "مدينة الصدر"},
        {"اندلعت اشتباكات بين مجموعتين مسلحتين في منطقة عين زارة جنوبي العاصمة.", "ain-zara",
         "منطقة عين زارة"},
        {"قتل 4 جنود في اشتباكات بمحور قنفودة غرب المدينة.", "ganfouda", "قنفودة"},
        {"دمر الجيش 20 عربة قتالية في محور بابنوسة.", "babanusa", "بابنوسة"},
        {"وصلت 22 جثة إلى مستشفى الشفاء خلال الساعات الماضية.", "al-shifa-hospital",
         "مستشفى الشفاء"},
        {"قتل 6 مسلحين في هجوم على مواقع القوات في مديرية التحيتا.", "at-tuhayta", "التحيتا"},
    };
    check_place_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A dual names two places: the second item is named by the dual's singular
 * and the item, as the gazetteer lists a quarter whose bare name is a common
 * word (حيي الشجاعية والتفاح: حي التفاح); a verb after the second item and a
 * comma starts the next clause, and is no third place. */
Test(places, a_dual_names_two_places)
{
    static const place_case found[] = {
        {"قتل 8 فلسطينيين في غارات على حيي الشجاعية والتفاح شرقي المدينة.", "tuffah", "التفاح"},
        {"اشتباكات عنيفة في حيي الرمال والدرج وسط المدينة.", "daraj", "الدرج"},
        {"قصفت الطائرات مخيمي النصيرات والشاطئ فجر اليوم.", "beach-camp", "الشاطئ"},
        /* a singular noun the writer lets stand for both */
        {"تواصل القصف المدفعي على حي الشجاعية والتفاح.", "tuffah", "التفاح"},
        {"أغلقت السلطات معبر رفح والمصنع أمام المسافرين.", "masnaa-crossing", "المصنع"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"استهدفت غارة أطراف بلدتي عيتا الشعب وكفركلا، وأسفرت عن إصابة 5 بجروح.", "أسفرت"},
        {"قصفت المدفعية قريتي الحمرا والبيضا، وأدى القصف إلى دمار واسع.", "أدى"},
        /* a bare common word after a place that no dual opens */
        {"وصلت شحنة إلى بلدة بيت لاهيا والتفاح.", "التفاح"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* A town said to lie in a Lebanese city (بعلبك، الهرمل) lies in its
 * governorate: the town keeps its name. */
Test(places, a_town_in_a_city_of_no_governorate)
{
    static const place_case cases[] = {
        {"شنت الطائرات غارة على بلدة بريتال في قضاء بعلبك.", "brital", "بريتال"},
        {"قصفت المدفعية أطراف بلدة القصر في قضاء الهرمل.", "hermel", "الهرمل"},
    };
    check_place_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Towns, districts and quarters of the fronts that GeoNames lacks or names
 * otherwise: Rabak apart from Kosti across the White Nile, Sennar town by
 * its noun, Janzour, the Taiz fronts, the Bekaa's Shmustar, al-Alam, the
 * Jericho governorate; their common-word names (ربك "your Lord", العلم
 * "the flag") only in a place context. */
Test(places, fronts_the_gazetteer_names)
{
    static const place_case found[] = {
        {"سقطت قذائف على مدينتي كوستي وربك في ولاية النيل الأبيض.", "rabak", "ربك"},
        {"سقطت قذائف على مدينتي كوستي وربك في ولاية النيل الأبيض.", "kosti", "كوستي"},
        {"وصل آلاف النازحين إلى مدينة سنار هربا من المعارك.", "sinnar", "مدينة سنار"},
        {"اندلعت اشتباكات مسلحة في منطقة جنزور غربي العاصمة.", "janzour", "منطقة جنزور"},
        {"قتل مدنيان بقذيفة في حي الجحملية شرقي المدينة.", "jahmaliya", "حي الجحملية"},
        {"قتل 3 جنود في هجوم على مواقعهم في مديرية الوازعية غرب تعز.", "waziiyah",
         "مديرية الوازعية"},
        {"تجددت المواجهات في جبل حبشي غربي المدينة.", "jabal-habashi", "جبل حبشي"},
        {"تجددت المعارك في جبهة رحبة جنوبي مأرب.", "rahabah", "رحبة"},
        {"شنت الطائرات غارة على بلدة شمسطار في البقاع.", "shmustar", "شمسطار"},
        {"اعتقلت القوات 3 مطلوبين في ناحية العلم شرقي تكريت.", "al-alam-iraq", "العلم"},
        {"اقتحم الجيش مخيم عين السلطان في محافظة أريحا.", "jericho-gov", "محافظة أريحا"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"وقال الخطيب إن ربك لا يظلم أحدا.", "ربك"},
        {"رفع المقاتلون العلم فوق مبنى البلدية.", "العلم"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* الثورة "the revolution" names a quarter of many cities (El Fasher,
 * Omdurman): never resolved to one town of that name far away. */
Test(places, a_quarter_many_cities_share_is_no_known_town)
{
    static const char *const docs[] = {
        "قتل 15 مدنيا في قصف على أحياء أولاد الريف والثورة ومعسكر أبو شوك في الفاشر.",
        "سقطت قذائف على حي الثورة في أم درمان.",
    };
    for (size_t c = 0; c < sizeof docs / sizeof docs[0]; c++) {
        extract_result r;
        run(docs[c], &r);
        cr_expect(!has_text(r.places, r.n_places, &r, "الثورة") &&
                      !has_text(r.places, r.n_places, &r, "حي الثورة"),
                  "%s: الثورة resolved", docs[c]);
        extract_result_free(&r);
    }
}

/* Where a body sits, told with في at the end of its name ("مستشفى الشفاء
 * في غزة", "لجان المقاومة في ود مدني"), is a place named in the text, as
 * with بـ ("المجلس المحلي بالفاشر"): its figures happened there when the
 * sentence names no other place. */
Test(places, where_a_body_sits_closes_its_name)
{
    static const place_case found[] = {
        {"أعلن مستشفى الشفاء في غزة استقبال 25 مصابا.", "gaza", "غزة"},
        {"قالت لجان المقاومة في ود مدني إن 30 شخصا قتلوا.", "wad-medani", "ود مدني"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const figure_place_case figures[] = {
        {"قالت لجان المقاومة في ود مدني إن 30 شخصا قتلوا.", "30 شخصا", "wad-medani"},
    };
    check_figure_places(figures, sizeof figures / sizeof figures[0]);
}

/* A role is no town (لعب دورا: Dura of Hebron only after its noun), and what
 * an axis is of (محور اهتمام) no place; the fronts of a dual (جبهتي X وY)
 * are. */
Test(places, a_role_and_an_axis_of_interest_are_no_places)
{
    static const word_case not_places[] = {
        {"لعبت تركيا دورا كبيرا في الوساطة بين الطرفين.", "دورا"},
        {"بات ملف الأسرى محور اهتمام الوسطاء.", "اهتمام"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"اقتحم الجيش بلدة دورا جنوب الخليل فجر اليوم.", "dura", "دورا"},
        {"تجددت المعارك في جبهتي صرواح ورحبة جنوبي مأرب.", "rahabah", "رحبة"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Gaza's corridors and wadi, quarters of its north and of Khan Yunis, the
 * camps of Tyre, the villages of Marjayoun and the suburbs of Beirut that the
 * rounds of 2024 named; الحدث "the event" only in a place context. */
Test(places, corridors_camps_and_villages_of_2024)
{
    static const place_case found[] = {
        {"قتل 5 فلسطينيين في قصف قرب محور نتساريم.", "netzarim-corridor", "محور نتساريم"},
        {"انسحبت القوات من محور فيلادلفيا على الحدود مع مصر.", "philadelphi-corridor",
         "محور فيلادلفيا"},
        {"نزح الآلاف إلى جنوب وادي غزة.", "wadi-gaza", "وادي غزة"},
        {"قصفت الطائرات حي التوام شمالي القطاع.", "tawam", "التوام"},
        {"دمر القصف مباني في مدينة حمد.", "hamad-city", "مدينة حمد"},
        {"استهدفت غارة مخيم الرشيدية جنوب صور.", "rashidieh-camp", "مخيم الرشيدية"},
        {"شنت الطائرات غارات على بلدتي برج الملوك وإبل السقي.", "ibl-al-saqi", "إبل السقي"},
        {"استهدفت غارة مبنى في منطقة الحدث.", "hadath", "الحدث"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    extract_result r;
    run("نقل مراسلنا تفاصيل الحدث من موقعه.", &r);
    cr_expect(!has_text(r.places, r.n_places, &r, "الحدث"), "الحدث read as a place");
    extract_result_free(&r);
}

/* Quarters and sites of Khartoum, Omdurman and Baghdad, and Ardamata by El
 * Geneina; their common-word names only in a place context (الدورة "the
 * session", بيت المال "the treasury"). A quarter of Khartoum North spelt with
 * the article is not Hama's Halfaya. */
Test(places, quarters_of_the_capitals)
{
    static const place_case found[] = {
        {"قصفت المسيرات محطة كهرباء في الحلفايا شمالي بحري.", "halfaya-khartoum", "الحلفايا"},
        {"قصف الجيش تجمعات الدعم السريع في أمبدة غربي أم درمان.", "ombada", "أمبدة"},
        {"اندلعت اشتباكات عنيفة في محيط سلاح المدرعات جنوبي الخرطوم.", "armoured-corps",
         "سلاح المدرعات"},
        {"قتل 10 مدنيين في هجوم على أردمتا.", "ardamata", "أردمتا"},
        {"قتل 5 أشخاص في انفجار بمنطقة البياع جنوبي بغداد.", "bayaa", "البياع"},
        {"قتل 5 أشخاص في انفجار بمنطقة الدورة جنوبي بغداد.", "dora-baghdad", "الدورة"},
        {"قصفت قوات النظام بلدة حلفايا بريف حماة.", "halfaya", "بلدة حلفايا"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"حضر الدورة التدريبية 30 ضابطا من الجيش.", "الدورة"},
        {"أعلنت الوزارة أن بيت المال لم يصرف رواتب 3 أشهر.", "بيت المال"},
        {"قال قائد سلاح المدرعات في الجيش السوري إن 20 دبابة دمرت.", "سلاح المدرعات"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], false);
}

/* A state joined by و to the forces named before it is a party that
 * shells and advances with them, not a place; the place they strike is. */
Test(places, a_state_beside_the_forces_is_a_party)
{
    static const word_case not_places[] = {
        {"صعّدت قوات النظام وروسيا غاراتها على قرى الريف الجنوبي.", "روسيا"},
        {"تحشد قوات النظام وإيران وروسيا عناصرها منذ أيام.", "إيران"},
        {"تحشد قوات النظام وإيران وروسيا عناصرها منذ أيام.", "روسيا"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"صعّدت قوات النظام وروسيا غاراتها على سراقب.", "saraqib", "سراقب"},
        {"وصل وفد من تركيا وروسيا إلى دمشق.", "russia", "روسيا"},
        {"فرّ المدنيون من قصف قوات النظام نحو تركيا.", "turkey", "تركيا"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Places that share a name are told apart by the text: the place said to
 * hold it ("في الضفة الغربية", "غرب جنين"), else the governorate and
 * country its other places (the dateline among them) name. */
Test(places, namesakes_are_told_apart_by_their_context)
{
    static const place_case found[] = {
        {"إدلب - قتل 3 مدنيين بقصف مدفعي على أطراف أريحا.", "ariha", "أريحا"},
        {"رام الله - اقتحمت قوات الاحتلال مدينة أريحا فجر اليوم واعتقلت 4 شبان.", "jericho",
         "مدينة أريحا"},
        {"اعتقل الجيش 5 شبان في أريحا بالضفة الغربية.", "jericho", "أريحا"},
        {"أصيب طفلان بقصف على أريحا وسراقب.", "ariha", "أريحا"},
        {"بيروت - استهدفت غارة بلدة الطيبة في قضاء مرجعيون.", "taybeh-lebanon", "الطيبة"},
        {"اقتحمت قوات الاحتلال بلدة الطيبة غرب جنين.", "at-taybah", "الطيبة"},
        /* الشامية, the west bank of Deir ez-Zor, and the town of Iraq */
        {"دير الزور - قصفت قوات النظام المتمركزة في بلدات الشامية قرى الضفة الأخرى.",
         "deir-shamiyah", "الشامية"},
        {"الديوانية - قتل 3 أشخاص في قضاء الشامية.", "ash-shamiyah", "الشامية"},
        /* الحميدية of Quneitra and of Tartus, by the dateline's governorate */
        {"القنيطرة - توغلت قوة إسرائيلية في قرية الحميدية.", "hamidiyah-quneitra", "الحميدية"},
        {"طرطوس - قتل 3 في حادث سير في بلدة الحميدية.", "al-hamidiyah", "الحميدية"},
        {"قصفت المدفعية بلدة الطيبة جنوبي لبنان.", "taybeh-lebanon", "الطيبة"},
        {"قتل 2 من المقاتلين في غارة على بلدة الطيبة جنوب لبنان.", "taybeh-lebanon", "الطيبة"},
        /* Egypt's رفح by the towns of North Sinai; Gaza's beside مصر,
         * the country named alone */
        {"العريش - قال مصدر أمني إن 4 مسلحين قتلوا في اشتباك جنوب رفح.", "rafah-egypt", "رفح"},
        {"قتل مسلحان في الشيخ زويد، وامتدت الحملة الأمنية إلى رفح.", "rafah-egypt", "رفح"},
        {"قصفت طائرات إسرائيلية مدينة رفح، وقالت مصر إنها تتابع الوضع.", "rafah", "رفح"},
        {"قتل 5 أشخاص في قصف على رفح قرب الحدود مع مصر.", "rafah", "رفح"},
        {"دخلت 50 شاحنة من العريش إلى غزة عبر رفح.", "rafah", "رفح"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Where forces stand and where a front runs are no place's name after
 * منطقة، and the field of a directorate is no district after مديرية; a
 * district of Yemen is. */
Test(places, a_position_a_line_and_a_directorate_are_no_places)
{
    static const word_case not_places[] = {
        {"سقطت قذيفة في منطقة تمركز للقوات قرب البلدة.", "تمركز"},
        {"تقدمت الوحدات نحو منطقة خط الدفاع الأول.", "خط الدفاع"},
        {"وزعت مديرية الزراعة 300 سلة على المزارعين.", "الزراعة"},
        {"زار الوفد مديرية الصحة ومديرية الأوقاف.", "الصحة"},
        {"نشرت مديرية التوجيه صورا للعملية.", "التوجيه"},
        /* where places lie, not their name */
        {"قصفت المدفعية مناطق محاذية للحدود مع تركيا.", "محاذية"},
        {"تقدمت القوات في مناطق خارج سيطرتها.", "خارج"},
        {"انتشرت الدوريات في مناطق متاخمة للطريق الدولي.", "متاخمة"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"سقطت قذائف على مديرية باقم الحدودية.", "baqim-as-suq", "باقم"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* A town's name in ـية right after the noun of a district, town or city is
 * the place, unless it is the nisba of a place, the noun's adjective. */
Test(places, a_name_in_iya_after_its_noun)
{
    static const place_case found[] = {
        {"قتل 6 مسلحين في اشتباكات بمديرية مودية شرقي أبين.", "mudiyah", "مودية"},
        {"سيطرت القوات على بلدة مودية بعد معارك.", "mudiyah", "مودية"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"نزحت العائلة إلى قرية لبنانية قرب الحدود.", "لبنانية"},
        {"قصفت الطائرات مدينة سورية على الحدود.", "سورية"},
        {"قصفت طائرات روسية وسورية البلدة.", "سورية"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* Aden's districts: المنصورة of Aden is not the village of west Aleppo
 * that shares its name, دار سعد is a district, and المعلا is written
 * without its hamza. */
Test(places, the_districts_of_aden)
{
    static const place_case found[] = {
        {"عدن - قتل جنديان في هجوم على نقطة أمنية في مديرية المنصورة.", "al-mansurah", "المنصورة"},
        {"انفجرت عبوة في مديرية المنصورة بعدن صباح اليوم.", "al-mansurah", "المنصورة"},
        {"اندلعت اشتباكات في مديرية دار سعد شمال عدن.", "dar-saad", "دار سعد"},
        {"أغلقت القوات الطرق المؤدية إلى المعلا والتواهي.", "al-ma-alla", "المعلا"},
        {"تقدمت الفصائل نحو بلدة المنصورة غرب حلب.", "mansoura-aleppo", "بلدة المنصورة"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Villages of Jabal al-Zawiya and of the west Aleppo front; بليون
 * "billion" and تقاد "is led" only as places after a place word or in a
 * list of places, and ذيبان and الكسرة as the press writes them. */
Test(places, villages_of_jabal_al_zawiya_and_west_aleppo)
{
    static const place_case found[] = {
        {"قصفت المدفعية بلدتي البارة وبليون في جبل الزاوية.", "balyun", "بليون"},
        {"سقطت قذائف على قرية إبلين صباح اليوم.", "iblin", "قرية إبلين"},
        {"قتل عنصران باستهداف على محور كفرتعال وتقاد غرب حلب.", "kafr-taal", "كفرتعال"},
        {"قتل عنصران باستهداف على محور كفرتعال وتقاد غرب حلب.", "taqad", "تقاد"},
        {"قتل مدنيان برصاص مجهولين في بلدة ذيبان شرقي دير الزور.", "dhiban", "ذيبان"},
        {"هاجمت خلايا التنظيم نقطة في محيط الكسرة بريف دير الزور.", "al-kasrah", "الكسرة"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"بلغت خسائر القطاع الزراعي بليون دولار هذا العام.", "بليون"},
        {"قال إن الحملة التي تقاد من الخارج فشلت.", "تقاد"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* A town's name after أبي or أبا, the kunya's other cases, is the second
 * word of another name (ناحية أبي صيدا in Diyala), not the town. */
Test(places, a_town_after_abi_is_another_name)
{
    static const word_case not_places[] = {
        {"قتل 3 بانفجار عبوة في بساتين ناحية أبي صيدا.", "صيدا"},
        {"قتل 3 في أبي صيدا شمال بعقوبة.", "صيدا"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"قتل 3 في أبي صيدا شمال بعقوبة.", "baqubah", "بعقوبة"},
        {"سقطت قذيفة قرب مدينة صيدا جنوبي لبنان.", "sidon", "صيدا"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* A quarter named like a town of a country the text names no other place
 * of is a quarter of that name where the text is: "حي المنشية" in Sabha is
 * no town of Khartoum, and is served unresolved; in Khartoum it is. */
Test(places, a_quarter_named_like_a_foreign_town)
{
    static const char *const doc = "سبها - قتل 5 أشخاص في اشتباكات قبلية بحي المنشية.";
    extract_result r;
    run(doc, &r);
    cr_expect(!has_place(&r, "al-manshiya", "المنشية"), "%s: read as Khartoum's", doc);
    cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, "المنشية"),
              "%s: the quarter not served", doc);
    extract_result_free(&r);
    /* a village named like a foreign city */
    static const char *const iraq = "كركوك - قصفت الطائرات قرى الرياض والعباسي جنوب غربي كركوك.";
    run(iraq, &r);
    cr_expect(!has_place(&r, "riyadh", "الرياض"), "%s: read as Riyadh", iraq);
    cr_expect(has_place(&r, "al-abbasi", "العباسي"), "%s: no al-Abbasi", iraq);
    extract_result_free(&r);
    static const place_case found[] = {
        {"الخرطوم - قصفت الطائرات حي المنشية شرق المدينة.", "al-manshiya", "المنشية"},
        {"قصفت الطائرات حي المنشية.", "al-manshiya", "المنشية"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Villages of Daraa and of Hasakah; نصيب "a share" only after its noun. */
Test(places, villages_of_daraa_and_hasakah)
{
    static const place_case found[] = {
        {"قتل شاب برصاص مجهولين في بلدة نصيب شرقي درعا.", "nasib", "نصيب"},
        {"انفجرت عبوة ناسفة على أطراف عتمان شمال مدينة درعا.", "utman", "عتمان"},
        {"اقتحمت دورية بلدة تل شهاب في ريف درعا الغربي.", "tall-shihab", "بلدة تل شهاب"},
        {"قتل عنصران في هجوم على حاجز في كفرشمس.", "kafr-shams", "كفرشمس"},
        {"قصفت المسيرات محيط تل براك وتل حلف.", "tall-brak", "تل براك"},
        {"قصفت المسيرات محيط تل براك وتل حلف.", "tall-halaf", "تل حلف"},
        {"عبرت الشاحنات معبر نصيب الحدودي.", "nasib-crossing", "معبر نصيب الحدودي"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"حصل كل منهم على نصيب من المساعدات.", "نصيب"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* Towns of Libya's south; a town after a place whose name opens with a
 * kunya word (أم الأرانب) is a further place, not a person's nisba. */
Test(places, towns_of_the_libyan_south)
{
    static const place_case found[] = {
        {"نزح مئات السكان من أم الأرانب وتراغن نحو سبها.", "umm-al-aranib", "أم الأرانب"},
        {"نزح مئات السكان من أم الأرانب وتراغن نحو سبها.", "traghan", "تراغن"},
        {"اندلعت اشتباكات في زويلة شرق مرزق.", "zuwaylah", "زويلة"},
        {"سيطرت القوات على قاعدة تمنهنت الجوية.", "tamanhint-airbase", "قاعدة تمنهنت الجوية"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Quarters of Beirut by the old Damascus road, villages of Deir ez-Zor's
 * east bank, Saada's border districts and Omdurman's al-Thawra, named as
 * reporters write them; منبه "an alarm" and الثورة "the revolution" stay
 * words alone. */
Test(places, beirut_quarters_deir_villages_saada_districts)
{
    static const place_case found[] = {
        {"اندلعت اشتباكات في الطيونة بين عين الرمانة والشياح.", "tayouneh", "الطيونة"},
        {"اندلعت اشتباكات في الطيونة بين عين الرمانة والشياح.", "ain-el-remmaneh", "عين الرمانة"},
        {"اندلعت اشتباكات في الطيونة بين عين الرمانة والشياح.", "chiyah", "الشياح"},
        {"امتد القنص إلى شارع بدارو.", "badaro", "شارع بدارو"},
        {"اندلعت اشتباكات في بلدات الشحيل والحوايج والطيانة.", "shuhayl", "الشحيل"},
        {"اندلعت اشتباكات في بلدات الشحيل والحوايج والطيانة.", "hawayij", "الحوايج"},
        {"اندلعت اشتباكات في بلدات الشحيل والحوايج والطيانة.", "tayyana", "الطيانة"},
        {"قتل 6 مواطنين بقصف على مديريتي شدا وقطابر.", "shada", "شدا"},
        {"قتل 6 مواطنين بقصف على مديريتي شدا وقطابر.", "qatabir", "قطابر"},
        {"أصيب 3 مواطنين بقصف مدفعي على مديرية منبه.", "munabbih", "منبه"},
        {"قتل 5 أشخاص في قصف على سوق بالثورة الحارة الـ21.", "thawra-omdurman", "الثورة الحارة"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"تناول المنبه قبل النوم يضر بالصحة ولكن القهوة منبه معروف.", "منبه"},
        {"اندلعت الثورة في أم درمان قبل سنوات.", "الثورة"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* After a plural of places a preposition says where they lie from the
 * place that follows; it names no village of its own. */
Test(places, a_preposition_after_villages_is_no_name)
{
    static const word_case not_places[] = {
        {"قصفت قوات الحركة الشعبية قرى حول كادقلي.", "حول"},
        {"تسللت المجموعات إلى مناطق عبر الحدود.", "عبر"},
        {"نزح السكان من قرى تحت سيطرة الدعم السريع.", "تحت"},
        {"قصفت المدفعية بلدات خلف خطوط التماس.", "خلف"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"قصفت قوات الحركة الشعبية قرى حول كادقلي.", "kadugli", "كادقلي"},
        /* the towns these prepositions name with the article */
        {"نقلت العائلات إلى مخيم الحول شرق الحسكة.", "al-hawl", "الحول"},
        {"قتل 3 أشخاص في مدينة العبر بحضرموت.", "al-abr", "العبر"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* A name two places share, once said where it lies ("أريحا بريف إدلب"),
 * is that place wherever else the text names it bare, whatever the other
 * places and the dateline name most; named in both, the bare ones follow
 * the text's places. */
Test(places, a_namesake_placed_once_holds_for_the_text)
{
    static const place_case found[] = {
        {"رام الله - اقتحمت قوات الاحتلال جنين ونابلس. وقصفت طائرات روسية أريحا بريف إدلب "
         "الجنوبي، وقتل 3 مدنيين في أريحا.",
         "ariha", "أريحا"},
        {"إدلب - قصفت الطائرات سراقب ومعرة النعمان. واقتحمت قوات الاحتلال أريحا في الضفة "
         "الغربية. وقال شهود إن المواجهات في أريحا استمرت.",
         "jericho", "أريحا"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const char *const docs[] = {
        "رام الله - اقتحمت قوات الاحتلال جنين ونابلس. وقصفت طائرات روسية أريحا بريف إدلب "
        "الجنوبي، وقتل 3 مدنيين في أريحا.",
        "إدلب - قصفت الطائرات سراقب ومعرة النعمان. واقتحمت قوات الاحتلال أريحا في الضفة "
        "الغربية. وقال شهود إن المواجهات في أريحا استمرت.",
    };
    static const char *const wrong[] = {"jericho", "ariha"};
    for (size_t c = 0; c < 2; c++) {
        extract_result r;
        run(docs[c], &r);
        cr_expect(!has_place(&r, wrong[c], "أريحا"), "%s: a bare أريحا read as %s", docs[c],
                  wrong[c]);
        extract_result_free(&r);
    }
}

/* "العاشر من رمضان" is a date far more often than the Egyptian city,
 * which is named with its noun. */
Test(places, the_tenth_of_ramadan_is_a_date)
{
    static const word_case not_places[] = {
        {"وكان 4 أشخاص قد أصيبوا في العاشر من رمضان.", "العاشر من رمضان"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"قتل شخصان في انفجار بمدينة العاشر من رمضان.", "al-ashir-min-ramadan", "العاشر من رمضان"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Villages of south Lebanon, camps and towns of the West Bank and areas of
 * the Gaza Strip as the reports name them; those that are also words
 * (أنصار، السودانية، العباسية، كفرا) count only after their noun or in a
 * list of places. */
Test(places, villages_of_south_lebanon_camps_of_the_west_bank)
{
    static const place_case found[] = {
        {"قتل 4 أشخاص في غارة على بلدة طيردبا في قضاء صور.", "tayr-debba", "طيردبا"},
        {"قصفت المدفعية بلدات عيتيت والمجادل وصديقين.", "majadel", "المجادل"},
        {"قصفت المدفعية بلدات عيتيت والمجادل وصديقين.", "siddiqin", "صديقين"},
        {"استهدفت غارة بلدة أنصار في قضاء النبطية.", "ansar-lebanon", "أنصار"},
        {"استهدفت غارات كفررمان وميفدون وزوطر.", "mayfadoun", "ميفدون"},
        {"اقتحمت القوات مخيم العين في نابلس ومخيم عسكر الجديد.", "ein-camp", "مخيم العين"},
        {"اقتحمت القوات مخيم الفوار جنوب الخليل.", "fawwar-camp", "مخيم الفوار"},
        {"اقتحمت القوات بلدة عقابا شمال طوباس.", "aqqaba", "عقابا"},
        {"قصفت الطائرات منطقة السودانية شمال غرب غزة.", "sudaniya", "السودانية"},
        {"توغلت الدبابات في منطقة قيزان النجار جنوب خان يونس.", "qizan-an-najjar", "قيزان النجار"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"قال إن المقاتلين أنصار الحركة وصلوا.", "أنصار"},
        {"وصل السفير إلى العاصمة السودانية.", "السودانية"},
        {"عرفت الدولة العباسية عصرا ذهبيا.", "العباسية"},
        {"ارتاح المواطنون بعد انتهاء القصف.", "ارتاح"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* Quarters of Khartoum, Bahri and Omdurman, towns of Darfur and districts of
 * Tripoli; Tripoli's صلاح الدين in a Libyan text, Aleppo's in a Syrian one,
 * the Iraqi governorate in an Iraqi one;
 * بري "by land" and a man's name stay words. */
Test(places, quarters_of_khartoum_and_tripoli)
{
    static const place_case found[] = {
        {"قتل 3 أشخاص في اشتباكات في حي بري شرق الخرطوم.", "burri", "بري"},
        {"استهدفت المسيرات أحياء العمارات والديم.", "amarat", "العمارات"},
        {"قصفت المدفعية حي شمبات والصافية في الخرطوم بحري.", "shambat", "شمبات"},
        {"قصفت المدفعية سوق ليبيا في أم درمان.", "suq-libya", "سوق ليبيا"},
        {"أعلنت قوات الدعم السريع سيطرتها على مدينة كرينك ومورني.", "mornei", "مورني"},
        {"طرابلس - امتدت الاشتباكات من أبو سليم إلى عين زارة وصلاح الدين.", "salah-al-din-tripoli",
         "صلاح الدين"},
        {"حلب - قصفت الطائرات حي صلاح الدين والأنصاري.", "salah-al-din", "حي صلاح الدين"},
        {"تكريت - قتل 5 جنود في هجوم لداعش في صلاح الدين وكركوك.", "salahuddin-gov", "صلاح الدين"},
        {"قتل 5 جنود في هجوم على الحدود بين صلاح الدين وديالى.", "salahuddin-gov", "صلاح الدين"},
        {"اندلعت اشتباكات في منطقة السواني وورشفانة جنوب غرب طرابلس.", "warshefana", "ورشفانة"},
        {"اندلعت اشتباكات في غوط الشعال وقرقارش غرب طرابلس.", "gargaresh", "قرقارش"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"نقلت الشاحنات البضائع عبر الطريق البري.", "البري"},
        {"قال فايز السراج إن الحكومة مستعدة للحوار.", "السراج"},
        {"وأكد الباحث بن عاشور أن الأزمة طويلة.", "بن عاشور"},
        {"ارتفعت العمارات الشاهقة في وسط المدينة.", "العمارات"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* Towns of western Anbar and west of Mosul; Mosul, Baghdad and al-Qaim lie
 * in their governorates, not in Iraq alone; القائم "the one in charge" only
 * after its noun or in a list. */
Test(places, towns_of_anbar_and_nineveh)
{
    static const place_case found[] = {
        {"الأنبار - قتل 3 في هجوم على حصيبة والكرابلة قرب القائم.", "husaybah", "حصيبة"},
        {"قصفت الطائرات أوكار داعش في جزيرة الخالدية ووادي الثرثار.", "khalidiya-island",
         "جزيرة الخالدية"},
        {"قتل جندي قرب ناحية زمار شمال غرب الموصل.", "zummar", "ناحية زمار"},
        {"اعتقلت القوات 4 مطلوبين في كبيسة غرب هيت.", "kubaysa", "كبيسة"},
        {"قتل 3 أشخاص في قضاء القائم غرب الأنبار.", "al-qaim", "القائم"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const char *const placed[][2] = {
        {"mosul", "nineveh-gov"}, {"baghdad", "baghdad-gov"}, {"al-qaim", "anbar-gov"}};
    for (size_t c = 0; c < 3; c++) {
        const char *parent = NULL;
        for (size_t k = 0; k < n_model_places; k++)
            if (!strcmp(places[k].id, placed[c][0]))
                parent = places[k].parent_id;
        cr_expect(parent && !strcmp(parent, placed[c][1]), "%s lies in %s, not %s", placed[c][0],
                  placed[c][1], parent ? parent : "(none)");
    }
    static const word_case not_places[] = {
        {"قال الوليد بن طلال إن الشركة ستستثمر.", "الوليد"},
        {"وأشار إلى أن القائم بأعمال السفارة التقى المسؤولين.", "القائم"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* Quarters of Beirut and Baalbek and Omdurman's الملازمين; a definite road
 * noun takes a definite word after it as its adjective ("الطريق الجديدة"
 * "the new road"), not as the name of a place. */
Test(places, quarters_of_beirut_and_the_road_adjective)
{
    static const place_case found[] = {
        {"قتل 22 شخصا في غارة على منطقتي رأس النبع والنويري في قلب بيروت.", "nuwayri", "النويري"},
        {"قتل 6 أشخاص في غارة على حي الشراونة في بعلبك.", "sharawneh", "حي الشراونة"},
        {"استهدفت غارة شقة في منطقة الجناح قرب الأوزاعي.", "jnah", "الجناح"},
        {"قصفت الطائرات حي الطريق الجديدة في بيروت.", "tariq-al-jdideh", "الطريق الجديدة"},
        {"قصفت المدفعية حي الملازمين بأم درمان.", "mulazmin", "الملازمين"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"سلكت السيارة الطريق الجديدة نحو المطار.", "الجديدة"},
        {"قال الإمام الأوزاعي إن العلم نور.", "الأوزاعي"},
        {"افتتح المعرض في الجناح اللبناني.", "الجناح"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* Camps of Nyala, El Geneina and Zalingei named with their noun (كلمة is
 * "a word"), Jebel Marra and towns of the Kordofan fronts; Buram with its
 * noun, as برام الله is ب + رام الله. */
Test(places, camps_of_darfur_and_kordofan_towns)
{
    static const place_case found[] = {
        {"قتل 12 نازحا في قصف على معسكر كلمة شرق نيالا.", "kalma-camp", "معسكر كلمة"},
        {"فر الآلاف إلى مخيم كريندنق في الجنينة.", "krinding-camp", "مخيم كريندنق"},
        {"اندلعت معارك في جبل مرة.", "jebel-marra", "جبل مرة"},
        {"قصفت المسيرات حقل هجليج النفطي.", "heglig", "حقل هجليج"},
        {"سيطرت القوات على مدينة برام جنوب دارفور.", "buram", "مدينة برام"},
        {"اعتقلت القوات 5 شبان برام الله.", "ramallah", "رام الله"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"ألقى الرئيس كلمة أمام البرلمان.", "كلمة"},
        {"اعتقلت القوات 5 شبان برام الله.", "برام"},
        {"قالت الشركة الموردة إن الشحنة وصلت.", "الموردة"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* "جنين ومخيمها": the town and its camp, which the gazetteer names مخيم
 * and the town's name. */
Test(places, a_town_and_its_camp)
{
    static const place_case found[] = {
        {"قالت الوزارة إن 12 مواطنا استشهدوا في العدوان على مدينة جنين ومخيمها.", "jenin-camp",
         "مخيمها"},
        {"قالت الوزارة إن 12 مواطنا استشهدوا في العدوان على مدينة جنين ومخيمها.", "jenin", "جنين"},
        {"انسحبت القوات من طولكرم ومخيمه بعد ثلاثة أيام.", "tulkarm-camp", "مخيمه"},
        /* a list after the plural or dual of camps names each town's camp */
        {"نزح 40 ألفا من مخيمات جنين وطولكرم ونور شمس.", "jenin-camp", "جنين"},
        {"نزح 40 ألفا من مخيمات جنين وطولكرم ونور شمس.", "tulkarm-camp", "طولكرم"},
        {"نزح 40 ألفا من مخيمات جنين، طولكرم، ونور شمس.", "nur-shams-camp", "نور شمس"},
        {"تواصل القوات عمليتها في مخيمي نور شمس وطولكرم.", "tulkarm-camp", "طولكرم"},
        /* ... the town after the list, or without the noun, is the town */
        {"نزح الآلاف من مخيمات جنين وطولكرم إلى مدينة نابلس.", "nablus", "نابلس"},
        {"اقتحمت القوات جنين وطولكرم فجر اليوم.", "tulkarm", "طولكرم"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Places of 2025's fronts: Suwayda's western villages (عرى is also "bonds"),
 * Hodeidah city's districts (الحالي is also "current"), Jabal Sabir over
 * Taiz, Sidakan, and Sulaymaniyah, Iraq's city, which shares its name with a
 * quarter of Aleppo. */
Test(places, suwayda_villages_hodeidah_districts_and_kurdistan)
{
    static const place_case found[] = {
        {"قتل 30 شخصا في اشتباكات في الثعلة والمزرعة وولغا.", "thaala", "الثعلة"},
        {"قتل 30 شخصا في اشتباكات في الثعلة والمزرعة وولغا.", "walgha", "ولغا"},
        {"سيطرت العشائر على حي المقوس في مدينة السويداء.", "maqwas", "حي المقوس"},
        {"طال القصف بلدة عرى جنوب غرب السويداء.", "ara-suwayda", "عرى"},
        {"نزح السكان من بلدة الصورة الكبرى شمال السويداء.", "sawra-kabira", "الصورة الكبرى"},
        {"استهدفت الغارات مديريتي الحالي والحوك في الحديدة.", "hali-hudaydah", "الحالي"},
        {"استهدفت الغارات مديريتي الحالي والحوك في الحديدة.", "hawak-hudaydah", "الحوك"},
        {"قصف الحوثيون جبل صبر جنوب تعز.", "jabal-sabir", "جبل صبر"},
        {"قصفت مسيرة تركية قرية قرب سيدكان في أربيل.", "sidakan", "سيدكان"},
        {"دارت اشتباكات في صرواح ورحبة والجوبة.", "rahabah", "رحبة"},
        {"أعلنت السليمانية حالة التأهب في إقليم كردستان.", "as-sulaymaniyah", "السليمانية"},
        {"سقطت قذيفة في حي السليمانية بحلب.", "sulaymaniyah", "حي السليمانية"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"قال المتحدث إن الوضع الحالي لا يسمح بعودة النازحين.", "الحالي"},
        {"أكد الوزير متانة عرى الصداقة بين البلدين.", "عرى"},
        {"يحتاج الناس إلى صبر طويل.", "صبر"},
        {"أكد المتحدث أن الصورة الكبرى للأحداث لم تتضح بعد.", "الصورة الكبرى"},
        {"استقبل الأهالي الضيوف في رحبة المسجد.", "رحبة"},
        {"تحدث الوزير عن آفاق رحبة للتعاون بين البلدين.", "رحبة"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* قضاء is also "spending, fulfilling" (قضاء الحوائج، لقضاء العطلة): what
 * follows it there is no district, known (الحوايج) or unknown; and داخل
 * "inside" is no place context ("داخل الخيام": inside the tents), while
 * قضاء before a town still names its district. */
Test(places, qadaa_as_a_verbal_noun_and_inside)
{
    static const word_case not_places[] = {
        {"قال الأهالي إنهم يسعون إلى قضاء الحوائج في الدوائر الرسمية.", "الحوائج"},
        {"ويذهب الموظفون لقضاء العطلة مع عائلاتهم.", "العطلة"},
        {"قال إنه خرج من المنزل لقضاء حاجته قبل أن يصاب.", "حاجته"},
        {"يعيش آلاف النازحين داخل الخيام منذ أشهر.", "الخيام"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"قصفت الطائرات أطراف قضاء صور جنوب لبنان.", "tyre", "صور"},
        {"شنت القوات حملة تفتيش في قضاء حديثة غرب الأنبار.", "hadithah", "حديثة"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* A quarter's word wants a quarter or a town: "حي صلاح الدين" in a report
 * from Baghdad or Mosul is none of its namesakes (Iraq's governorate,
 * quarters of Aleppo and Tripoli) but a quarter of the text's city; where
 * the text is in Aleppo or Tripoli it is their quarter. */
Test(places, a_quarter_word_wants_a_quarter)
{
    static const word_case not_resolved[] = {
        {"بغداد - قالت خلية الإعلام الأمني إن 3 من عناصر داعش قتلوا في حي صلاح الدين.",
         "حي صلاح الدين"},
        {"بغداد - قالت خلية الإعلام الأمني إن 3 من عناصر داعش قتلوا في حي صلاح الدين.",
         "صلاح الدين"},
    };
    check_no_place(not_resolved, sizeof not_resolved / sizeof not_resolved[0], false);
    static const place_case found[] = {
        {"حلب - سقطت قذائف على حي صلاح الدين.", "salah-al-din", "حي صلاح الدين"},
        {"طرابلس - اندلعت اشتباكات في حي صلاح الدين جنوب العاصمة الليبية.", "salah-al-din-tripoli",
         "حي صلاح الدين"},
        {"بغداد - قتل 3 جنود في هجوم في صلاح الدين.", "salahuddin-gov", "صلاح الدين"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Quarters of east Rafah named with حي; bare, الجنينة is Darfur's city. */
Test(places, quarters_of_rafah)
{
    static const place_case found[] = {
        {"غزة - قتل 20 شخصا في حي الجنينة شرق رفح.", "jeneina-rafah", "حي الجنينة"},
        {"دمرت القوات منازل في حي البرازيل جنوب رفح.", "brazil-rafah", "حي البرازيل"},
        {"قصفت الدعم السريع الجنينة عاصمة غرب دارفور.", "geneina", "الجنينة"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* The name shown is the press's, not a Kurdish spelling (ئاميدى) or a
 * transliteration GeoNames lists first (كستران ستي اسماعيل). */
Test(places, kurdistan_towns_shown_by_their_arabic_names)
{
    static const char *const shown[][2] = {
        {"al-amadiyah", "العمادية"}, {"kasnazan", "كسنزان"}, {"koysinceq", "كويسنجق"},
        {"at-tuhayta", "التحيتا"},   {"adana", "أضنة"},
    };
    for (size_t c = 0; c < sizeof shown / sizeof shown[0]; c++) {
        const char *name = NULL;
        for (size_t i = 0; i < n_model_places; i++)
            if (!strcmp(places[i].id, shown[c][0]))
                name = places[i].name;
        cr_expect(name && !strcmp(name, shown[c][1]), "%s shown as %s, not %s", shown[c][0],
                  name ? name : "(none)", shown[c][1]);
    }
}

/* Baalbek and Hermel lie in their governorate, Baalbek-Hermel, so that
 * their figures count in its area. */
Test(places, baalbek_and_hermel_in_their_governorate)
{
    static const char *const in_gov[] = {"baalbek", "hermel"};
    for (size_t c = 0; c < sizeof in_gov / sizeof in_gov[0]; c++) {
        const char *parent = NULL;
        for (size_t i = 0; i < n_model_places; i++)
            if (!strcmp(places[i].id, in_gov[c]))
                parent = places[i].parent_id;
        cr_expect(parent && !strcmp(parent, "baalbek-hermel-gov"), "%s in %s", in_gov[c],
                  parent ? parent : "(none)");
    }
}

/* Town names that are also words: an adjective of a noun of extent (على
 * المدى القصير), a verb of news spreading (وسرت شائعات), and common words
 * (مخمور "drunk", الفولة "the bean"), which count after a place word, in a
 * list, or after a preposition when what follows places them (على مخمور
 * جنوب غرب أربيل، في الفولة بولاية ...). */
Test(places, town_names_that_are_words)
{
    static const word_case not_places[] = {
        {"يرى الخبراء أن التهدئة صعبة على المدى القصير.", "القصير"},
        {"لا حل للأزمة في الأجل القصير بحسب المحللين.", "القصير"},
        {"وسرت شائعات في الحي عن انسحاب المسلحين.", "سرت"},
        {"سرت أنباء عن اتفاق وشيك لوقف إطلاق النار.", "سرت"},
        {"وقد سرت مخاوف بين السكان من هجوم جديد.", "سرت"},
        {"وسرت في الأوساط الشعبية مخاوف من تجدد القتال.", "سرت"},
        {"وكانت الفولة تباع في السوق بأسعار مضاعفة.", "الفولة"},
        {"وصفه الشهود بأنه كان مخمور العينين.", "مخمور"},
        /* a word with the article fronted after في is the word */
        {"وفي الميدان، تواصلت المعارك طوال الليل.", "الميدان"},
        /* a given name that is also a town's, placed after a person's noun */
        {"قتل الشاب خطاب شرق دمشق برصاص مجهولين.", "خطاب"},
        {"قتلت سلمى قرب حمص بشظايا قذيفة.", "سلمى"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
    static const place_case found[] = {
        {"قتل 3 مدنيين في قصف على القصير بريف حمص.", "qusayr", "القصير"},
        {"دخلت القوات سرت وسط ليبيا بعد معارك.", "sirte", "سرت"},
        {"وتدور اشتباكات في سرت منذ أيام.", "sirte", "سرت"},
        {"ويسود الهدوء بنغازي وسرت في حالة ترقب.", "sirte", "سرت"},
        {"قتل جنديان في الفولة بولاية غرب كردفان.", "el-fula", "الفولة"},
        {"سيطرت القوات على بابنوسة والفولة.", "el-fula", "الفولة"},
        {"قتل 4 عناصر في قضاء مخمور.", "mexmur", "مخمور"},
        {"شن التنظيم هجوما على مخمور جنوب غرب أربيل.", "mexmur", "مخمور"},
        /* fronted after في, opening its sentence, by a comma */
        {"وفي مخمور، أصيب 3 جنود بانفجار عبوة.", "mexmur", "مخمور"},
        {"قتل مدنيان في الموصل.\nوفي مخمور، أصيب 3 جنود بانفجار عبوة.", "mexmur", "مخمور"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Places of the army statements of Algeria, of Jordan's north-eastern
 * border, of North Sinai, of Somalia's federal states, of Syria's desert
 * camps and of Sudan's Kordofan and White Nile fronts. */
Test(places, borders_of_algeria_jordan_sinai_and_somalia)
{
    static const place_case found[] = {
        {"أوقفت مفارز الجيش 50 منقبا عن الذهب بتمنراست وعين قزام.", "tamanrasset", "تمنراست"},
        {"أوقفت مفارز الجيش 50 منقبا عن الذهب بتمنراست وعين قزام.", "in-guezzam", "عين قزام"},
        {"ضبطت مفرزة للجيش 4 بنادق في برج باجي مختار.", "bordj-badji-mokhtar", "برج باجي مختار"},
        {"كشفت مفرزة مخبأ للذخيرة بولاية تيبازة.", "tipaza-gov", "ولاية تيبازة"},
        {"أحبط حرس الحدود محاولة تسلل قرب الرويشد.", "ar-ruwayshid", "الرويشد"},
        {"قتل مهرب في اشتباك بمحافظة المفرق.", "mafraq-gov", "محافظة المفرق"},
        {"دمرت القوات أنفاقا جنوب رفح المصرية.", "rafah-egypt", "رفح المصرية"},
        {"قتل جنود في هجوم بولاية غلمدغ وسط البلاد.", "galmudug", "ولاية غلمدغ"},
        {"توفي طفلان في مخيم الركبان لنقص الدواء.", "rukban-camp", "مخيم الركبان"},
        {"قصفت الدعم السريع مواقع الجيش في لقاوة والدلنج.", "al-lagowa", "لقاوة"},
        {"نزح آلاف إلى مدينة الكوة بولاية النيل الأبيض.", "al-kawa", "الكوة"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"توقفت الحافلة عند المفرق المؤدي إلى القرية.", "المفرق"},
        {"تسلل الضوء من الكوة الصغيرة في الجدار.", "الكوة"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* A range named by its plural (جبال قنديل) is a place context: a range
 * whose bare name is also a word or a name counts after it. */
Test(places, a_range_named_by_its_mountains)
{
    static const place_case found[] = {
        {"قصفت المقاتلات التركية مواقع في جبال قنديل شمالي العراق.", "qandil", "قنديل"},
        {"دمرت الغارات 12 هدفا في سلسلة جبال قنديل.", "qandil", "قنديل"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* An unknown place named after a notable keeps his given name after the
 * title (حوش السيد علي, قبر الشيخ حسن), but not what follows it. */
Test(places, a_given_name_after_a_title_closes_the_name)
{
    static const struct {
        const char *doc, *name;
    } cases[] = {
        {"انتشر الجيش في بلدة حوش السيد علي الحدودية.", "حوش السيد علي"},
        {"نزح السكان من قرية قبر الشيخ حسن، بحسب مصادر محلية.", "قبر الشيخ حسن"},
        {"قصفت المدفعية قرية حوش السيد علي في قضاء الهرمل.", "حوش السيد علي"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        extract_result r;
        run(cases[c].doc, &r);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, cases[c].name),
                  "%s: %s not served", cases[c].doc, cases[c].name);
        extract_result_free(&r);
    }
}

/* Towns of the Sahel's wars and of the Darfur refugees' crossing into Chad
 * (Djibo, Tillabéri, Diffa, Maiduguri, Adré); أدري is also "I know". */
Test(places, towns_of_the_sahel)
{
    static const place_case found[] = {
        {"قتل 20 جنديا في هجوم قرب مدينة جيبو شمال بوركينا فاسو.", "djibo", "جيبو"},
        {"قتل 12 جنديا في كمين بمنطقة تيلابيري غرب النيجر.", "tillaberi", "تيلابيري"},
        {"نزح آلاف السكان من قرى حول ديفا جنوب شرق النيجر.", "diffa", "ديفا"},
        {"قتل 5 أشخاص في تفجير انتحاري في مايدوغوري عاصمة ولاية بورنو.", "maiduguri", "مايدوغوري"},
        {"وصل ألفا لاجئ سوداني إلى مدينة أدري شرقي تشاد.", "adre", "أدري"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"وقال أحد السكان: لا أدري كم قتل من جيراننا.", "أدري"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* The Yazidi village of the mass-grave reports south of Sinjar. */
Test(places, the_villages_of_sinjar)
{
    static const place_case found[] = {
        {"فتحت الفرق مقبرة في قرية كوجو التابعة لقضاء سنجار.", "kocho", "كوجو"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* Tuz Khurmatu by the short name the Iraqi press gives it (قضاء الطوز). */
Test(places, tuz_khurmatu_by_its_short_name)
{
    static const place_case found[] = {
        {"قتل 3 من عناصر الحشد في هجوم قرب قضاء الطوز شرقي صلاح الدين.", "tuz-khurmatu", "الطوز"},
        {"أصيب شرطيان في انفجار عبوة في الطوز.", "tuz-khurmatu", "الطوز"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* "أقضية X وY", "قضائي X وY": the plural and dual of قضاء before a list of
 * districts; its first name is a district though it is also a common word
 * (صور "pictures"), as after قرى or بلدتي. */
Test(places, the_plural_of_qada_before_its_names)
{
    static const place_case found[] = {
        {"شنت المسيرات غارات على أقضية صور ومرجعيون فجر الثلاثاء.", "tyre", "صور"},
        {"نزحت 60 عائلة من قضائي صور وحاصبيا خلال الليل.", "tyre", "صور"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* "لقناة X", "بصحيفة X": a medium's noun keeps its proclitic, and the town
 * named after it is still the medium's name, no place. */
Test(places, a_medium_s_noun_with_its_proclitic)
{
    static const word_case not_places[] = {
        {"وأكد قائد اللواء في حديث لقناة حمص أن 14 مسلحا قتلوا.", "حمص"},
        {"وكان الخبر قد نشر بصحيفة الحسكة قبل يومين.", "الحسكة"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], false);
}

/* A Gaza report datelined in Cairo, where the bureau sits: the parties of
 * Gaza's war it names (حماس، the Israeli army) count for Gaza's رفح over
 * Egypt's; a report from Sinai naming none of them keeps Egypt's. */
Test(places, the_parties_of_a_war_tell_namesakes_apart)
{
    static const figure_place_case cases[] = {
        {"القاهرة - أعلن الجيش الإسرائيلي أنه قتل 9 من عناصر حماس في اشتباكات شرق رفح.",
         "9 من عناصر", "rafah"},
        {"القاهرة - قتل 3 مجندين مصريين في هجوم على نقطة تفتيش قرب رفح.", "3 مجندين",
         "rafah-egypt"},
    };
    check_figure_places(cases, sizeof cases / sizeof cases[0]);
}

/* Villages and towns the genre names that the gazetteer lacked: Sinjar's
 * north and the Nineveh plain, east Gezira, north Sinai, the Kurdish name
 * of al-Yarubiyah (تل كوجر). نخل is also "palm trees". */
Test(places, villages_of_sinjar_nineveh_gezira_and_sinai)
{
    static const place_case found[] = {
        {"عادت 85 عائلة إيزيدية إلى ناحية سنوني هذا الأسبوع.", "sinune", "سنوني"},
        {"سقطت قذيفة على قرية خانصور دون إصابات.", "khanasor", "خانصور"},
        {"وصل 70 نازحا إلى ألقوش وتل أسقف من الموصل.", "tesqopa", "تل أسقف"},
        {"نزحت 40 أسرة من بلدة ود رواح إلى القضارف.", "wad-rawah", "ود رواح"},
        {"قتل 3 جنود في كمين قرب جبل الحلال.", "jabal-al-halal", "جبل الحلال"},
        {"أغلقت القوات معبر تل كوجر أمام الشاحنات.", "yarubiyah", "تل كوجر"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
    static const word_case not_places[] = {
        {"اقتلع الجنود نخل المزارعين في الوادي.", "نخل"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], false);
}

/* The West Bank's camps by the names the press gives them: مخيم بلاطة
 * (the camp, inside Nablus), مخيم قلنديا (not Qalandiya village), مخيم عين
 * بيت الماء (مخيم العين). */
Test(places, west_bank_camps_by_their_names)
{
    static const place_case found[] = {
        {"اعتقلت القوات 8 شبان خلال اقتحام مخيم بلاطة ليلا.", "balata-camp", "مخيم بلاطة"},
        {"أصيب 4 شبان بالرصاص المطاطي في مخيم قلنديا.", "qalandia-camp", "مخيم قلنديا"},
        {"داهمت القوات منازل في مخيم عين بيت الماء واعتقلت 2.", "ein-camp", "مخيم عين بيت الماء"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* "في الصالحين بحلب": a quarter whose name is also a common word, named
 * after a preposition with the town the gazetteer puts it in (بـ or في),
 * is the quarter, as with a governorate after it. */
Test(places, a_quarter_named_with_its_town)
{
    static const place_case found[] = {
        {"أصيب 5 مدنيين بقذيفة سقطت في الصالحين بحلب.", "salhin", "الصالحين"},
        {"قتل شابان برصاص قناص في الوعر في حمص.", "waer", "الوعر"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* "قرى البلاد", "مناطق البلاد": the country the text is about after the
 * plural noun of its places, not an unknown place's name. */
Test(places, the_country_after_a_plural_of_places)
{
    static const word_case not_places[] = {
        {"امتدت موجة الحر إلى معظم مناطق البلاد هذا الأسبوع.", "البلاد"},
        {"نزحت 90 عائلة من قرى البلاد الحدودية.", "البلاد"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}

/* "مديريات X وY": the plural of مديرية (Yemen's districts) opens a list of
 * districts, its first name a place though also a common word (نهم). */
Test(places, the_plural_of_mudiriya_before_its_names)
{
    static const place_case found[] = {
        {"شنت الطائرات 16 غارة على مديريات نهم وخولان خلال يومين.", "nihm", "نهم"},
    };
    check_place_cases(found, sizeof found / sizeof found[0]);
}

/* "في محلية X": Sudan's locality after a preposition names the place (an
 * unknown one is served unresolved); محلية is otherwise the adjective
 * "local" ("مصادر محلية متطابقة"), after which no name follows. */
Test(places, a_sudanese_locality_after_a_preposition)
{
    static const word_case unresolved[] = {
        {"أحرقت القوات 11 منزلا في محلية ود الفاضل شرق الولاية.", "ود الفاضل"},
    };
    for (size_t c = 0; c < sizeof unresolved / sizeof unresolved[0]; c++) {
        extract_result r;
        run(unresolved[c].doc, &r);
        cr_expect(has_text(r.unresolved_places, r.n_unresolved_places, &r, unresolved[c].word),
                  "%s: no unresolved %s", unresolved[c].doc, unresolved[c].word);
        extract_result_free(&r);
    }
    static const word_case not_places[] = {
        {"أكدت مصادر محلية متطابقة مقتل 4 رعاة.", "متطابقة"},
    };
    check_no_place(not_places, sizeof not_places / sizeof not_places[0], true);
}
