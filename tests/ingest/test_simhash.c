/* test_simhash.c — wire copies: one story re-published with another
 * dateline, byline and footer is near; two different stories, even of the
 * same kind and place, are not.
 */
#include "ingest/simhash.h"

#include <criterion/criterion.h>
#include <string.h>

/* One agency story, as its first publisher wrote it. */
static const char STORY[] =
    "دمشق (وكالة الأنباء) - قتل ثلاثة مدنيين وأصيب سبعة آخرون اليوم الثلاثاء في قصف مدفعي "
    "استهدف أطراف بلدة في ريف حلب الغربي، بحسب ما أفاد الدفاع المدني.\n"
    "وقال مسؤول في الدفاع المدني إن فرق الإسعاف نقلت المصابين إلى مستشفى ميداني قريب، "
    "مشيراً إلى أن بين الجرحى طفلين وامرأة.\n"
    "وأضاف أن القصف ألحق أضراراً بعدد من المنازل ومدرسة ابتدائية، وأن الأهالي بدأوا "
    "بمغادرة الأحياء الشرقية من البلدة خوفاً من تجدد القصف.\n"
    "ولم يصدر تعليق فوري من الجهة التي يتهمها السكان بتنفيذ القصف، فيما تشهد المنطقة "
    "تصعيداً منذ مطلع الشهر الجاري أدى إلى نزوح مئات العائلات.";

/* The same story on another site: its own opening line and footer, the
 * dateline dropped, one word changed, hamza and harakat written otherwise. */
static const char COPY[] =
    "خاص - موقع المرصد اليومي\n"
    "قُتل ثلاثة مدنيين وأصيب سبعة آخرون اليوم الثلاثاء في قصف مدفعي "
    "استهدف أطراف بلدة في ريف حلب الغربي، بحسب ما أفاد الدفاع المدني.\n"
    "وقال مسؤول في الدفاع المدني إن فرق الاسعاف نقلت المصابين إلى مستشفى ميداني قريب، "
    "مشيرا إلى أن بين الجرحى طفلين وامرأة.\n"
    "وأضاف أن القصف ألحق أضراراً بعدد من البيوت ومدرسة ابتدائية، وأن الأهالي بدأوا "
    "بمغادرة الأحياء الشرقية من البلدة خوفاً من تجدد القصف.\n"
    "ولم يصدر تعليق فوري من الجهة التي يتهمها السكان بتنفيذ القصف، فيما تشهد المنطقة "
    "تصعيداً منذ مطلع الشهر الجاري أدى إلى نزوح مئات العائلات.\n"
    "تابعوا آخر الأخبار على قناتنا.";

/* Another story of the same kind, place and vocabulary. */
static const char OTHER[] =
    "حلب - أعلنت مديرية الصحة أن خمسة أشخاص قتلوا وجرح أحد عشر آخرون في انفجار سيارة "
    "مفخخة قرب سوق شعبي في مدينة الباب بريف حلب الشرقي مساء الاثنين.\n"
    "وأوضحت المديرية في بيان أن بين القتلى امرأتين، وأن حالة ثلاثة من الجرحى خطرة.\n"
    "وأشار شهود إلى أن الانفجار وقع في ساعة الذروة، وأن النيران امتدت إلى محال تجارية "
    "مجاورة قبل أن تتمكن فرق الإطفاء من إخمادها.\n"
    "ولم تتبن أي جهة التفجير حتى الآن، وهو الثالث من نوعه في المدينة خلال شهر.";

Test(simhash, a_republished_copy_is_near)
{
    uint64_t a = simhash_text(STORY, strlen(STORY)), b = simhash_text(COPY, strlen(COPY));
    cr_assert(simhash_near(a, b), "distance %d", simhash_distance(a, b));
}

Test(simhash, different_stories_are_not_near)
{
    uint64_t a = simhash_text(STORY, strlen(STORY)), c = simhash_text(OTHER, strlen(OTHER));
    uint64_t b = simhash_text(COPY, strlen(COPY));
    cr_assert(!simhash_near(a, c), "distance %d", simhash_distance(a, c));
    cr_assert(!simhash_near(b, c), "distance %d", simhash_distance(b, c));
}

Test(simhash, same_text_same_hash_and_empty_is_never_near)
{
    cr_assert_eq(simhash_text(STORY, strlen(STORY)), simhash_text(STORY, strlen(STORY)));
    cr_assert_eq(simhash_distance(0x0Full, 0xF0ull), 8);
    cr_assert_eq(simhash_text("", 0), 0);
    cr_assert_eq(simhash_text("، . !", 7), 0);
    cr_assert(!simhash_near(0, 0));
}
