/* test_party_anaphors.c — bare party nouns that refer back to a party named
 * before them (data/lexicon/party_anaphors.tsv, read by extract/sources.c):
 * "الحزب" after "حزب الله", "الحركة" after "حركة أحرار الشام". Sentences
 * written for these tests, not taken from the seeds.
 */
#include "extract/extract.h"
#include "tests/extract/model_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

TestSuite(party_anaphors, .init = load_model, .fini = free_model);

static bool span_is(const extract_result *r, span sp, const char *want)
{
    char *s = text_slice(&r->txt, sp);
    cr_assert_not_null(s);
    bool same = strcmp(s, want) == 0;
    free(s);
    return same;
}

/* The id of the source of the nth (0-based) source mention whose text is
 * exactly `words`, or NULL when there is none. */
static const char *mention_source(const extract_result *r, const char *words, size_t nth)
{
    for (size_t m = 0; m < r->n_source_mentions; m++)
        if (span_is(r, r->source_mentions[m].sp, words) && nth-- == 0)
            return r->sources[r->source_mentions[m].source].id;
    return NULL;
}

static const char *claimant_id(const extract_result *r, const extract_figure *f)
{
    return f->claimant == EXTRACT_NO_INDEX ? "(none)" : r->sources[f->claimant].id;
}

Test(party_anaphors, hezbollah_as_the_party_owns_its_losses)
{
    /* مسلح alone reads as opposition fighters; the party that lost them is
     * Hezbollah, on the government side. */
    extract_result r;
    run("قال مصدر ميداني إن مقاتلي حزب الله شاركوا في الهجوم على بلدة الزبداني. "
        "وفقد الحزب أكثر من 30 مسلحا في معارك ريف حلب الجنوبي.\n",
        &r);
    const char *id = mention_source(&r, "الحزب", 0);
    cr_assert_not_null(id, "الحزب is a mention");
    cr_expect_str_eq(id, "hezbollah");
    const extract_figure *f = figure_with(&r, "30 مسلحا");
    cr_expect_str_eq(f->type, "killed");
    cr_expect_str_eq(f->subject_category, "combatants");
    cr_expect_str_eq(f->subject_side, "government");
    extract_result_free(&r);
}

Test(party_anaphors, the_movement_after_ahrar_al_sham_is_opposition)
{
    extract_result r;
    run("سيطرت حركة أحرار الشام على تلة قرب بلدة كفرنبل. وخسرت الحركة 12 مقاتلا في الهجوم، "
        "وأعلنت الحركة أسر 4 جنود من قوات النظام.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "الحركة", 0), "ahrar-al-sham");
    const extract_figure *f = figure_with(&r, "12 مقاتلا");
    cr_expect_str_eq(f->type, "killed");
    cr_expect_str_eq(f->subject_category, "combatants");
    cr_expect_str_eq(f->subject_side, "opposition");
    /* As the subject of أعلنت, the movement is the claimant. */
    f = figure_with(&r, "4 جنود");
    cr_expect_str_eq(f->type, "captured");
    cr_expect_str_eq(claimant_id(&r, f), "ahrar-al-sham");
    cr_expect_str_eq(f->subject_side, "government");
    extract_result_free(&r);
}

Test(party_anaphors, a_speaker_belongs_to_the_party_referred_to)
{
    extract_result r;
    run("تقدم حزب الله نحو التلال. وقال مصدر مقرب من الحزب إن 6 عناصر قتلوا.\n", &r);
    const extract_figure *f = figure_with(&r, "6 عناصر");
    cr_assert(f->claimant != EXTRACT_NO_INDEX);
    const extract_source *s = &r.sources[f->claimant];
    cr_expect_str_eq(s->name, "مصدر مقرب من الحزب");
    cr_expect_str_eq(s->parent_id, "hezbollah");
    cr_expect_str_eq(s->affiliation, "government");
    extract_result_free(&r);
}

Test(party_anaphors, no_antecedent_no_resolution)
{
    extract_result r;
    /* Nothing named before. */
    run("خسر الحزب 20 مسلحا في المعارك.\n", &r);
    cr_expect_null(mention_source(&r, "الحزب", 0));
    cr_expect_eq(r.n_sources, 0);
    cr_expect_str_eq(figure_with(&r, "20 مسلحا")->subject_side, "opposition",
                     "the noun's own side, as before");
    extract_result_free(&r);

    /* Only a party of another head noun before it. */
    run("تقدم جيش الفتح في ريف حلب. وخسرت الحركة 8 مقاتلين.\n", &r);
    cr_expect_null(mention_source(&r, "الحركة", 0));
    cr_expect_str_eq(figure_with(&r, "8 مقاتلين")->subject_side, "unknown");
    extract_result_free(&r);

    /* A party the source list does not know: nothing, not some other movement. */
    run("قصفت حركة رجال الكرامة مواقع قرب السويداء. وخسرت الحركة 3 مقاتلين.\n", &r);
    cr_expect_null(mention_source(&r, "الحركة", 0));
    extract_result_free(&r);

    /* Named too long before (more than five sentences). */
    run("أرسل حزب الله تعزيزات. وصلت القافلة. بدأ الهجوم. اشتد القصف. انقطعت الكهرباء. "
        "توقفت الاتصالات. وخسر الحزب 5 عناصر.\n",
        &r);
    cr_expect_null(mention_source(&r, "الحزب", 0));
    extract_result_free(&r);
}

Test(party_anaphors, the_nearest_party_of_that_head_noun_wins)
{
    extract_result r;
    run("تقدمت حركة أحرار الشام في ريف إدلب. وفي حلب، دفعت حركة النجباء بتعزيزات جديدة. "
        "وخسرت الحركة 9 مقاتلين في اشتباكات الراموسة.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "الحركة", 0), "nujaba");
    cr_expect_str_eq(figure_with(&r, "9 مقاتلين")->subject_side, "government");
    extract_result_free(&r);

    run("دفعت حركة النجباء بتعزيزات جديدة إلى حلب. وتقدمت حركة أحرار الشام في ريف إدلب. "
        "وخسرت الحركة 9 مقاتلين في اشتباكات الراموسة.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "الحركة", 0), "ahrar-al-sham");
    cr_expect_str_eq(figure_with(&r, "9 مقاتلين")->subject_side, "opposition");
    extract_result_free(&r);

    /* A definite name (الحزب الإسلامي التركستاني) and a construct one (حزب الله). */
    run("قاتل الحزب الإسلامي التركستاني إلى جانب الفصائل، بينما أرسل حزب الله تعزيزات. "
        "وخسر الحزب 11 عنصرا.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "الحزب", 0), "hezbollah");
    extract_result_free(&r);
    run("أرسل حزب الله تعزيزات، بينما قاتل الحزب الإسلامي التركستاني إلى جانب الفصائل. "
        "وخسر الحزب 11 عنصرا.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "الحزب", 0), "tip");
    cr_expect_str_eq(figure_with(&r, "11 عنصرا")->subject_side, "opposition");
    extract_result_free(&r);
}

Test(party_anaphors, a_reference_carries_a_reference_on)
{
    /* The second الحزب is six sentences after حزب الله but two after the
     * first الحزب, which named it again. */
    extract_result r;
    run("أرسل حزب الله تعزيزات. وصلت القافلة. بدأ الهجوم. اشتد القصف. وأعلن الحزب التعبئة. "
        "انقطعت الاتصالات. وخسر الحزب 5 عناصر.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "الحزب", 0), "hezbollah");
    cr_expect_str_eq(mention_source(&r, "الحزب", 1), "hezbollah");
    extract_result_free(&r);
}

Test(party_anaphors, a_party_introduced_by_its_head_noun)
{
    /* جيش الإسلام has no name beginning with فصيل, but the text calls it one. */
    extract_result r;
    run("أعلن فصيل جيش الإسلام صد الهجوم على دوما. وخسر الفصيل 7 مقاتلين.\n", &r);
    cr_expect_str_eq(mention_source(&r, "الفصيل", 0), "jaysh-al-islam");
    cr_expect_str_eq(figure_with(&r, "7 مقاتلين")->subject_side, "opposition");
    extract_result_free(&r);
}

Test(party_anaphors, a_rank_that_is_a_team_with_no_name_after_it)
{
    /* الفريق is a general's rank and a team: with no name after it, the
     * team named before, across a paragraph and under an outlet's dateline. */
    extract_result r;
    run("حلب - عنب بلدي\nرصد فريق منسقو استجابة سوريا نزوح 900 عائلة من ريف حلب.\n"
        "وذكر الفريق في تقريره أن 16 مدنيا قتلوا بقصف مدفعي.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "الفريق", 0), "syria-response-coordinators");
    cr_expect_str_eq(claimant_id(&r, figure_with(&r, "16 مدنيا")), "syria-response-coordinators");
    extract_result_free(&r);
    /* With his name after it, the rank is a man's. */
    run("رصد فريق منسقو استجابة سوريا نزوح 900 عائلة من ريف حلب. "
        "وقال الفريق محمود سالم إن 16 مسلحا قتلوا.\n",
        &r);
    cr_expect_null(mention_source(&r, "الفريق", 0));
    cr_expect_str_neq(claimant_id(&r, figure_with(&r, "16 مسلحا")), "syria-response-coordinators");
    extract_result_free(&r);
}

Test(party_anaphors, the_organisation_after_one_named_without_a_head_noun)
{
    /* هيومن رايتس ووتش and اليونيسف carry no head noun; المنظمة calls them
     * back all the same. */
    extract_result r;
    run("قالت هيومن رايتس ووتش إن الغارات قتلت 21 مدنيا في القرية. "
        "وأضافت المنظمة أن 45 منزلا سويت بالأرض.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "المنظمة", 0), "hrw");
    cr_expect_str_eq(claimant_id(&r, figure_with(&r, "45 منزلا")), "hrw");
    extract_result_free(&r);
    /* Another head (المركز) does not reach it. */
    run("قالت هيومن رايتس ووتش إن الغارات قتلت 21 مدنيا. وقال المركز إن 45 منزلا سويت بالأرض.\n",
        &r);
    const char *other = mention_source(&r, "المركز", 0);
    cr_expect(!other || strcmp(other, "hrw") != 0, "المركز is not HRW");
    extract_result_free(&r);
}

Test(party_anaphors, a_name_cut_short_is_the_body_named_in_full)
{
    /* A body named again without the words that end its name is the body
     * named in full before, whatever kind its head alone would give. */
    extract_result r;
    run("وقالت وزارة الدفاع الروسية إن طائراتها دمرت 6 مستودعات للذخيرة. "
        "وأضافت وزارة الدفاع أن 19 مسلحا قتلوا في الغارات.\n",
        &r);
    cr_expect_str_eq(mention_source(&r, "وزارة الدفاع", 0), "russian-mod");
    cr_expect_str_eq(claimant_id(&r, figure_with(&r, "19 مسلحا")), "russian-mod");
    extract_result_free(&r);
    run("قالت هيئة الإغاثة الإنسانية التركية إن 250 أسرة نزحت إلى المخيمات. "
        "وذكرت هيئة الإغاثة أن 35 خيمة احترقت.\n",
        &r);
    cr_expect_str_eq(claimant_id(&r, figure_with(&r, "35 خيمة")), "ihh");
    extract_result_free(&r);
    /* ... but not a name that only begins like it */
    run("قالت وزارة الدفاع الروسية إن 6 مستودعات دمرت. وقالت وزارة الداخلية إن 19 شخصا اعتقلوا.\n",
        &r);
    cr_expect_str_neq(claimant_id(&r, figure_with(&r, "19 شخصا")), "russian-mod");
    extract_result_free(&r);
}

Test(party_anaphors, ordinary_nouns_are_not_references)
{
    extract_result r;
    /* الجبهة with an adjective, or after على, is a front line. */
    run("تقدمت جبهة فتح الشام قرب حلب. واشتدت المعارك على الجبهة الجنوبية وعلى الجبهة.\n", &r);
    cr_expect_null(mention_source(&r, "الجبهة", 0));
    extract_result_free(&r);
    /* A relative pronoun is not an adjective: الحزب الذي is the party. */
    run("أرسل حزب الله تعزيزات. وقال الحزب الذي يقاتل في حلب إن 4 عناصر قتلوا.\n", &r);
    cr_expect_str_eq(mention_source(&r, "الحزب", 0), "hezbollah");
    cr_expect_str_eq(claimant_id(&r, figure_with(&r, "4 عناصر")), "hezbollah");
    extract_result_free(&r);
}

Test(party_anaphors, the_army_is_a_state_army)
{
    extract_result r;
    /* After the regime's forces, الجيش is the Syrian army. */
    run("قصفت قوات النظام أحياء حلب الشرقية. وقال الجيش إن 15 مسلحا قتلوا.\n", &r);
    cr_expect_str_eq(mention_source(&r, "الجيش", 0), "syrian-army");
    cr_expect_str_eq(claimant_id(&r, figure_with(&r, "15 مسلحا")), "syrian-army");
    extract_result_free(&r);
    /* Jaysh al-Fatah is not "the army": the army that speaks is a party
     * of its own, named by the word, and the 15 are its claim. */
    run("تقدم جيش الفتح في ريف حلب. وقال الجيش إن 15 مسلحا قتلوا.\n", &r);
    const char *army = mention_source(&r, "الجيش", 0);
    cr_assert_not_null(army);
    cr_expect_str_neq(army, "jaysh-al-fatah");
    cr_expect_str_eq(claimant_id(&r, figure_with(&r, "15 مسلحا")), army);
    extract_result_free(&r);
    /* After the Free Syrian Army, الجيش may be it or the Syrian army:
     * unresolved, even with the Syrian army named earlier. */
    run("قصفت قوات النظام المدينة. وقال الجيش السوري الحر إن مقاتليه صدوا الهجوم. "
        "وأضاف أن الجيش خسر 6 دبابات.\n",
        &r);
    cr_expect_null(mention_source(&r, "الجيش", 0));
    extract_result_free(&r);
}
