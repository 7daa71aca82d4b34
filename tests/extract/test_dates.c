/* test_dates.c — the event date and the cause of figures (extract/dates.c),
 * on sentences written for these tests, each relative to a publication date.
 */
#include "extract/extract.h"
#include "tests/extract/model_fixture.h"

#include <criterion/criterion.h>
#include <string.h>

TestSuite(dates, .init = load_model, .fini = free_model);

typedef struct date_case {
    const char *doc;
    int32_t published; /* 0: unknown */
    int32_t start, end;
    date_precision precision;
} date_case;

/* The last figure of each case's document has the case's date. */
static void check_date_cases(const date_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const date_case *c = &cases[i];
        extract_result r;
        cr_assert_eq(extract_document_dated(model, c->doc, strlen(c->doc), c->published, &r), 0);
        cr_assert_geq(r.n_figures, 1, "no figure in: %s", c->doc);
        const extract_figure *f = &r.figures[r.n_figures - 1];
        cr_expect(f->date.precision == c->precision && f->date.start == c->start &&
                      f->date.end == c->end,
                  "%s: %d-%d (%d), expected %d-%d (%d)", c->doc, f->date.start, f->date.end,
                  f->date.precision, c->start, c->end, c->precision);
        extract_result_free(&r);
    }
}

/* 2018-07-29 is a Sunday; 2019-01-01 a Tuesday. */
static const date_case date_cases[] = {
    {"قتل 12 مدنيا اليوم في قصف على المدينة.", 20180729, 20180729, 20180729, DATE_DAY},
    {"قتل 12 مدنيا أمس في قصف على المدينة.", 20180729, 20180728, 20180728, DATE_DAY},
    {"قتل 12 مدنيا أمس الأول في قصف على المدينة.", 20180729, 20180727, 20180727, DATE_DAY},
    {"قتل 12 مدنيا الليلة الماضية في قصف على المدينة.", 20180729, 20180728, 20180728, DATE_DAY},
    {"قتل 12 مدنيا يوم الجمعة في قصف على المدينة.", 20180729, 20180727, 20180727, DATE_DAY},
    {"قتل 12 مدنيا فجر الأحد في قصف على المدينة.", 20180729, 20180729, 20180729, DATE_DAY},
    {"قتل 12 مدنيا مساء السبت في قصف على المدينة.", 20180729, 20180728, 20180728, DATE_DAY},
    /* the weekday before a Tuesday 1 January is in the year before */
    {"قتل 12 مدنيا صباح الخميس في قصف على المدينة.", 20190101, 20181227, 20181227, DATE_DAY},
    {"قتل 12 مدنيا يوم الاثنين في قصف على المدينة.", 20190101, 20181231, 20181231, DATE_DAY},
    {"قتل 12 مدنيا في 25 يوليو 2018 في قصف على المدينة.", 20200101, 20180725, 20180725, DATE_DAY},
    {"قتل 12 مدنيا في 25 يوليو 2018 في قصف على المدينة.", 0, 20180725, 20180725, DATE_DAY},
    {"قتل ١٢ مدنيا في ٢٥ تموز في قصف على المدينة.", 20180729, 20180725, 20180725, DATE_DAY},
    {"قتل 12 مدنيا في 6 آب/أغسطس في قصف على المدينة.", 20180810, 20180806, 20180806, DATE_DAY},
    {"قتل 12 مدنيا في 3 كانون الثاني 2017 في قصف على المدينة.", 0, 20170103, 20170103, DATE_DAY},
    {"قتل 12 مدنيا في 15 تشرين الأول في قصف على المدينة.", 20181020, 20181015, 20181015, DATE_DAY},
    {"قتل 12 مدنيا في 14 شباط في قصف على المدينة.", 20180729, 20180214, 20180214, DATE_DAY},
    {"قتل 12 مدنيا في 14 أيار في قصف على المدينة.", 20180729, 20180514, 20180514, DATE_DAY},
    /* a year-less date after publication is last year's */
    {"قتل 12 مدنيا في 28 ديسمبر في قصف على المدينة.", 20190105, 20181228, 20181228, DATE_DAY},
    {"قتل 12 مدنيا في 10 أيلول في قصف على المدينة.", 20180729, 20170910, 20170910, DATE_DAY},
    {"قتل 12 مدنيا بتاريخ 25/7/2018 في قصف على المدينة.", 0, 20180725, 20180725, DATE_DAY},
    {"قتل 12 مدنيا في آذار 2016 في قصف على المدينة.", 0, 20160301, 20160331, DATE_MONTH},
    {"قتل 12 مدنيا خلال الأيام الثلاثة الماضية في قصف على المدينة.", 20180729, 20180726, 20180729,
     DATE_SPAN},
    {"قتل 12 مدنيا خلال الأسبوع الماضي في قصف على المدينة.", 20180729, 20180722, 20180729,
     DATE_WEEK},
    /* the last 24 or 48 hours after في as after خلال; the week so far */
    {"وفي الساعات الـ24 الماضية قتل 4 عناصر في هجمات متفرقة.", 20180729, 20180728, 20180729,
     DATE_SPAN},
    {"قتل 9 مسلحين خلال الـ48 ساعة الماضية في ريف المدينة.", 20180729, 20180727, 20180729,
     DATE_SPAN},
    {"اعتقلت القوات 30 شابا خلال الأسبوع الجاري في حملة دهم.", 20180729, 20180722, 20180729,
     DATE_WEEK},
    {"سقط 14 قتيلا منذ بداية الأسبوع في المعارك.", 20180729, 20180722, 20180729, DATE_WEEK},
    /* after على مدى or في غضون as after خلال; المنصرم for الماضي */
    {"قتل 7 مدنيين على مدى الأيام الثلاثة الماضية في القصف.", 20180729, 20180726, 20180729,
     DATE_SPAN},
    {"قتل 9 عناصر في غضون 24 ساعة في هجمات متفرقة.", 20180729, 20180728, 20180729, DATE_SPAN},
    {"اعتقلت القوات 22 شخصا خلال الأسبوعين الماضيين في المدينة.", 20180729, 20180715, 20180729,
     DATE_SPAN},
    {"قتل 12 مدنيا الأسبوع المنصرم في قصف على المدينة.", 20180729, 20180722, 20180729, DATE_WEEK},
    {"قتل 40 مدنيا الشهر المنصرم في قصف على المدينة.", 20180105, 20171201, 20171231, DATE_MONTH},
    /* a month after شهر: the last one begun by publication */
    {"قتل 17 مدنيا خلال شهر شباط الماضي في القصف.", 20180729, 20180201, 20180228, DATE_MONTH},
    {"قتل 17 مدنيا خلال شهر آب في القصف.", 20180729, 20170801, 20170831, DATE_MONTH},
    {"قتل 120 مدنيا منذ بداية الشهر في قصف على المدينة.", 20180729, 20180701, 20180729, DATE_SPAN},
    {"قتل 1200 مدني منذ مطلع العام في قصف على المدينة.", 20180729, 20180101, 20180729, DATE_SPAN},
    {"قتل 12 مدنيا الشهر الماضي في قصف على المدينة.", 20180105, 20171201, 20171231, DATE_MONTH},
    {"قتل 350 ألف شخص منذ 2011 في الحرب.", 20180729, 20110101, 20180729, DATE_SPAN},
    {"قتل 350 ألف شخص منذ عام 2011 في الحرب.", 20180729, 20110101, 20180729, DATE_SPAN},
    /* the date of the sentence before, in the same paragraph */
    {"شن الطيران غارات يوم الجمعة على المدينة. وقتل 12 مدنيا في القصف.", 20180729, 20180727,
     20180727, DATE_DAY},
    /* the nearest of two */
    {"بعد غارات أمس، قتل 12 مدنيا اليوم في قصف على المدينة.", 20180729, 20180729, 20180729,
     DATE_DAY},
    /* an ordinal day ("السابع من تموز"); since a day, up to publication */
    {"قتل 12 مدنيا في السابع من تموز في قصف على المدينة.", 20180729, 20180707, 20180707, DATE_DAY},
    {"قتل 1200 مدني منذ 7 تموز 2018 في قصف على المدينة.", 20180729, 20180707, 20180729, DATE_SPAN},
    {"قتل 1200 مدني منذ السابع من تموز 2018 في قصف على المدينة.", 20180729, 20180707, 20180729,
     DATE_SPAN},
    /* an ordinal day past the tenth: the tens, after the units' ordinal and و */
    {"قتل 14 مدنيا في الحادي والعشرين من تموز في قصف على المدينة.", 20180729, 20180721, 20180721,
     DATE_DAY},
    {"قتل 14 مدنيا في الثالث والعشرين من تموز في قصف على المدينة.", 20180729, 20180723, 20180723,
     DATE_DAY},
    {"قتل 14 مدنيا في العشرين من تموز في قصف على المدينة.", 20180729, 20180720, 20180720, DATE_DAY},
    {"قتل 14 مدنيا في الحادي والثلاثين من كانون الأول في قصف على المدينة.", 20190105, 20181231,
     20181231, DATE_DAY},
    /* ... a day of a siege, not of a month */
    {"قتل 14 مدنيا في الشهر الحادي والعشرين من الحصار على المدينة.", 20180729, 0, 0, DATE_NONE},
    /* a weekday told with its date is that date (29 February 2024 was a
     * Thursday; the Thursday before 12 March, the 7th) */
    {"قتل 12 مدنيا يوم الخميس 29 شباط في قصف على المدينة.", 20240312, 20240229, 20240229, DATE_DAY},
    {"قتل 12 مدنيا يوم الخميس التاسع والعشرين من شباط في قصف على المدينة.", 20240312, 20240229,
     20240229, DATE_DAY},
    {"قتل 12 مدنيا يوم الخميس في قصف على المدينة.", 20240312, 20240307, 20240307, DATE_DAY},
    /* a year after عام: that whole year, with or without publication */
    {"قتل 4360 شخصا خلال عام 2023 في سوريا.", 20240101, 20230101, 20231231, DATE_YEAR},
    {"قتل 35 مدنيا في العام 2016 في قصف على المدينة.", 0, 20160101, 20161231, DATE_YEAR},
    /* ... since a year so told, or a month of it: from then */
    {"قتل 267 عنصرا منذ تأسيس المنظمة أواخر عام 2012.", 20190101, 20120901, 20190101, DATE_SPAN},
    {"قتل 162 ألف شخص منذ انطلاق الأحداث في آذار من العام 2011.", 20140520, 20110301, 20140520,
     DATE_SPAN},
    {"قتل 12 مدنيا في آذار عام 2016 في قصف على المدينة.", 0, 20160301, 20160331, DATE_MONTH},
    /* ... not a year after publication, nor a count of years */
    {"قتل 35 مدنيا في قصف على المدينة، وتتوقع الوزارة الإعمار عام 2030.", 20240101, 0, 0,
     DATE_NONE},
    {"قتل 35 مدنيا في قصف على المدينة قبل عام.", 20240101, 0, 0, DATE_NONE},
    /* a range of days of one month */
    {"قتل 12 مدنيا بين 3 و5 آب في قصف على المخيم.", 20240825, 20240803, 20240805, DATE_SPAN},
    {"قتل 12 مدنيا في الفترة من 3 إلى 5 آب/أغسطس في قصف على المخيم.", 20240825, 20240803, 20240805,
     DATE_SPAN},
    {"قتل 40 مدنيا بين 28 و31 كانون الأول في قصف على المخيم.", 20190105, 20181228, 20181231,
     DATE_SPAN},
    /* ... not a count before the day */
    {"قتل 12 مدنيا بين 3 قرى في 5 آب في قصف على المخيم.", 20240825, 20240805, 20240805, DATE_DAY},
    /* since what began in a month: from its first day */
    {"قتل 9 آلاف شخص منذ اندلاع الحرب في نيسان 2023.", 20240825, 20230401, 20240825, DATE_SPAN},
    {"قتل 9 آلاف شخص منذ بدء الحرب في 7 أكتوبر 2023.", 20240825, 20231007, 20240825, DATE_SPAN},
    /* "بين <date> و<date>": the span between them, however far the figure */
    {"قتل 275 شخصا بين 3 شباط 2022 و20 آذار 2023 في الغارات.", 20230401, 20220203, 20230320,
     DATE_SPAN},
    {"وسجلت الحصيلة خلال المدة الممتدة بين الثالث من شباط 2022 والـ20 من آذار 2023 نحو 275 "
     "قتيلا.",
     20230401, 20220203, 20230320, DATE_SPAN},
    /* ... not two dates of two clauses */
    {"قتل 12 شخصا في 3 آب 2024 ووقع الاتفاق بين الطرفين في 6 آب 2024.", 20240924, 20240803,
     20240803, DATE_DAY},
    /* a day's number with the article before من (الـ7 من أكتوبر) */
    {"قتل 5 أشخاص في الـ7 من أكتوبر في غارة على المدينة.", 20240924, 20231007, 20231007, DATE_DAY},
    {"قتل 1200 شخص منذ الـ7 من أكتوبر في غارات على القطاع.", 20240924, 20231007, 20240924,
     DATE_SPAN},
    /* ... the war named with its party and its place */
    {"قتل 24100 فلسطيني منذ بدء العدوان الإسرائيلي على القطاع في السابع من أكتوبر الماضي.",
     20240115, 20231007, 20240115, DATE_SPAN},
    {"نزح 1.7 مليون شخص منذ اندلاع الحرب بين الجيش والدعم السريع في 15 أبريل 2023.", 20240825,
     20230415, 20240825, DATE_SPAN},
    {"قتل 120 مدنيا منذ مطلع آب في قصف على المدينة.", 20240825, 20240801, 20240825, DATE_SPAN},
    /* a day told after منذ, by its weekday or relative to publication:
     * from then to publication (2024-09-25 is a Wednesday) */
    {"قتل 558 شخصا منذ صباح الاثنين في الغارات.", 20240925, 20240923, 20240925, DATE_SPAN},
    {"قتل 20 شخصا منذ مساء أمس في الغارات.", 20240925, 20240924, 20240925, DATE_SPAN},
    {"قتل 7 أشخاص منذ يوم الأحد في الغارات.", 20240925, 20240922, 20240925, DATE_SPAN},
    /* ... today is that day, and so is "since midnight" */
    {"قتل 6 أشخاص منذ منتصف الليل في الغارات.", 20240925, 20240925, 20240925, DATE_DAY},
    {"قتل 6 أشخاص منذ منتصف ليل أمس في الغارات.", 20240925, 20240925, 20240925, DATE_DAY},
    {"قتل 3 أشخاص منذ صباح اليوم في الغارات.", 20240925, 20240925, 20240925, DATE_DAY},
    /* ... not a month told after منذ and its own words */
    {"قتل 12 شخصا في نيسان 2023 في القصف.", 20240825, 20230401, 20230430, DATE_MONTH},
    {"قتل 12 شخصا منذ وصوله، في نيسان 2023.", 20240825, 20230401, 20230430, DATE_MONTH},
    /* ... with no publication date the span's end is unknown: no date */
    {"قتل 1200 مدني منذ 7 تموز 2018 في قصف على المدينة.", 0, 0, 0, DATE_NONE},
    {"قتل 350 ألف شخص منذ 2011 في الحرب.", 0, 0, 0, DATE_NONE},
    {"قتل 9 آلاف شخص منذ اندلاع الحرب في نيسان 2023.", 0, 0, 0, DATE_NONE},
    /* with no publication date, an agency's dateline dates the report; its
     * own date is an event's only when the sentence names no other */
    {"دمشق، 12 آذار/مارس 2024 (أ ف ب) - قتل 14 مدنيا أمس في قصف على المدينة.", 0, 20240311,
     20240311, DATE_DAY},
    {"الخرطوم 3 يونيو 2023: قتل 25 شخصا يوم الخميس في قصف على المدينة.", 0, 20230601, 20230601,
     DATE_DAY},
    {"بيروت، 20 نوفمبر 2023 - وفي 15 أكتوبر، قتل 40 شخصا في قصف على المخيم.", 0, 20231015, 20231015,
     DATE_DAY},
    {"دمشق، 12 آذار/مارس 2024 (أ ف ب) - قتل 14 مدنيا في قصف على المدينة.", 0, 20240312, 20240312,
     DATE_DAY},
    /* ... not a total since a start the text does not date */
    {"غزة، 12 آذار/مارس 2024 (أ ف ب) - قالت الوزارة إن 31 ألف شخص قتلوا منذ بدء الحرب.", 0, 0, 0,
     DATE_NONE},
    {"شن الطيران غارات يوم الجمعة على المدينة. ومنذ بدء الحملة قتل 40 مدنيا.", 20180729, 0, 0,
     DATE_NONE},
    /* a date the text opens with, no dash or colon after it: no dateline */
    {"في 25 يوليو 2018، قتل 12 مدنيا أمس في قصف على المدينة.", 0, 20180725, 20180725, DATE_DAY},
    /* never guessed: no publication date, no relative date */
    {"قتل 12 مدنيا أمس في قصف على المدينة.", 0, 0, 0, DATE_NONE},
    {"قتل 12 مدنيا يوم الجمعة في قصف على المدينة.", 0, 0, 0, DATE_NONE},
    {"قتل 12 مدنيا في 25 تموز في قصف على المدينة.", 0, 0, 0, DATE_NONE},
    {"قتل 12 مدنيا منذ بداية الشهر في قصف على المدينة.", 0, 0, 0, DATE_NONE},
    /* no date in the sentence; a date in another paragraph does not count */
    {"قتل 12 مدنيا في قصف على المدينة.", 20180729, 0, 0, DATE_NONE},
    {"شن الطيران غارات أمس على المدينة.\nوقتل 12 مدنيا في القصف.", 20180729, 0, 0, DATE_NONE},
    /* a month name alone, or a weekday without a lead word, is no date */
    {"قتل 12 مدنيا في تموز في قصف على المدينة.", 20180729, 0, 0, DATE_NONE},
    /* a Hijri date with its year (tabular calendar: 1 رمضان 1445 is 11 March
     * 2024), a Hijri month before a year marked هـ, and a dateline's */
    {"قتل 12 مدنيا في 20 شعبان 1445 في قصف على المدينة.", 0, 20240301, 20240301, DATE_DAY},
    {"قتل 12 مدنيا في 3 ذي القعدة 1445 هـ في قصف على المدينة.", 0, 20240511, 20240511, DATE_DAY},
    {"قتل 12 مدنيا خلال رمضان 1445 هـ في قصف على المدينة.", 0, 20240311, 20240409, DATE_MONTH},
    {"صنعاء في 12 رمضان 1445 هـ - قتل 5 أشخاص في غارة على المدينة.", 0, 20240322, 20240322,
     DATE_DAY},
    /* a Hijri day without its year: the last such day by publication; a
     * day after من (شهر): "9 من شهر رمضان", "العاشر من رمضان" */
    {"قتل 6 مواطنين في 5 رمضان في غارات على المدينة.", 20240320, 20240315, 20240315, DATE_DAY},
    {"قتل 6 مواطنين في العاشر من رمضان في غارات على المدينة.", 20240320, 20240320, 20240320,
     DATE_DAY},
    {"قتل 6 مواطنين يوم 9 من شهر رمضان المبارك في غارات.", 20240320, 20240319, 20240319, DATE_DAY},
    {"قتل 6 مواطنين في 20 رمضان في غارات على المدينة.", 20240320, 20230411, 20230411, DATE_DAY},
    {"قتل 12 مدنيا في 9 من شهر رمضان 1445 في قصف على المدينة.", 0, 20240319, 20240319, DATE_DAY},
    {"قتل 60 مواطنا منذ الأول من رمضان في غارات على المدينة.", 20240320, 20240311, 20240320,
     DATE_SPAN},
    /* ... never without a publication date, nor صفر ("zero") */
    {"قتل 6 مواطنين في 5 رمضان في غارات على المدينة.", 0, 0, 0, DATE_NONE},
    {"قتل 6 مواطنين في 3 صفر في غارات على المدينة.", 20240820, 0, 0, DATE_NONE},
    /* a word of part takes the first, middle or last third of a year or a
     * month (ended at publication): أواخر عام، مطلع الشهر الجاري */
    {"قتل 12 مدنيا أواخر عام 2023 في قصف على المدينة.", 20240312, 20230901, 20231231, DATE_SPAN},
    {"قتل 12 مدنيا في مطلع عام 2024 في قصف على المدينة.", 20240312, 20240101, 20240312, DATE_SPAN},
    {"قتل 12 مدنيا مطلع الشهر الجاري في قصف على المدينة.", 20240312, 20240301, 20240310, DATE_SPAN},
    {"قتل 12 مدنيا في أواخر الشهر الماضي في قصف على المدينة.", 20240312, 20240221, 20240229,
     DATE_SPAN},
    {"قتل 12 مدنيا في منتصف آذار 2023 في قصف على المدينة.", 0, 20230311, 20230320, DATE_SPAN},
    {"قتل 120 مدنيا منذ أواخر عام 2023 في قصف على المدينة.", 20240312, 20230901, 20240312,
     DATE_SPAN},
    /* the year before publication, and the month so far */
    {"قتل 12 مدنيا في نهاية العام الماضي في قصف على المدينة.", 20240312, 20230901, 20231231,
     DATE_SPAN},
    {"قتل 12 مدنيا العام الماضي في قصف على المدينة.", 20240312, 20230101, 20231231, DATE_YEAR},
    {"قتل 12 مدنيا خلال الشهر الجاري في قصف على المدينة.", 20240312, 20240301, 20240312, DATE_SPAN},
    /* ... and a whole year not over yet is still the year */
    {"قتل 12 مدنيا خلال عام 2024 في قصف على المدينة.", 20240312, 20240101, 20241231, DATE_YEAR},
    /* a day of the month so named, a past weekday (2024-03-12 is a
     * Tuesday), the part of the day before yesterday, two days ago */
    {"قتل 12 مدنيا يوم 10 من الشهر الجاري في قصف على المدينة.", 20240312, 20240310, 20240310,
     DATE_DAY},
    {"قتل 12 مدنيا في السابع من الشهر الماضي في قصف على المدينة.", 20240312, 20240207, 20240207,
     DATE_DAY},
    {"قتل 12 مدنيا الخميس الماضي في قصف على المدينة.", 20240312, 20240307, 20240307, DATE_DAY},
    {"قتل 12 مدنيا يوم الثلاثاء الماضي في قصف على المدينة.", 20240312, 20240305, 20240305,
     DATE_DAY},
    {"قتل 12 مدنيا مساء أمس الأول في قصف على المدينة.", 20240312, 20240310, 20240310, DATE_DAY},
    {"قتل 12 مدنيا قبل يومين في قصف على المدينة.", 20240312, 20240310, 20240310, DATE_DAY},
    /* ... not a name before a number with no Hijri mark, nor a month alone */
    {"قتل 12 مدنيا في قصف على حي رمضان 1445 في المدينة.", 0, 0, 0, DATE_NONE},
    {"قتل 12 مدنيا في رمضان في قصف على المدينة.", 20240825, 0, 0, DATE_NONE},
    /* a day counted from a start the text does not date is not today
     * (2024-01-14 is a Sunday) ... */
    {"قتل 12 شخصا في اليوم الـ99 للحرب في قصف على المدينة.", 20240114, 0, 0, DATE_NONE},
    {"قتل 12 شخصا في اليوم العاشر من العدوان في قصف على المدينة.", 20240114, 0, 0, DATE_NONE},
    {"قتل 12 شخصا في اليوم 100 للحرب في قصف على المدينة.", 20240114, 0, 0, DATE_NONE},
    /* ... but the second day running is today */
    {"وفي اليوم الثاني على التوالي، قتل 12 شخصا في قصف على المدينة.", 20240114, 20240114, 20240114,
     DATE_DAY},
    /* the weekend: the last Friday to Sunday begun by publication */
    {"قتل 40 شخصا خلال عطلة نهاية الأسبوع في قصف على المدينة.", 20240114, 20240112, 20240114,
     DATE_SPAN},
    {"قتل 40 شخصا خلال عطلة نهاية الأسبوع في قصف على المدينة.", 20240117, 20240112, 20240114,
     DATE_SPAN},
    {"قتل 40 شخصا في نهاية الأسبوع في قصف على المدينة.", 20240113, 20240112, 20240113, DATE_SPAN},
    /* a week or two ago; for a week now */
    {"قتل 12 شخصا قبل أسبوع في قصف على المدينة.", 20240116, 20240109, 20240109, DATE_DAY},
    {"قتل 12 شخصا قبل أسبوعين في قصف على المدينة.", 20240116, 20240102, 20240102, DATE_DAY},
    {"قتل 120 شخصا منذ أسبوع في قصف على المدينة.", 20240116, 20240109, 20240116, DATE_WEEK},
    /* a half, a quarter or a week of a period, in the periodic reports: of
     * this year when the year is bare; the ordinal before من is no day */
    {"أوقفت الوحدات 800 مهرب في النصف الأول من العام.", 20241105, 20240101, 20240630, DATE_SPAN},
    {"أوقفت الوحدات 800 مهرب في النصف الأول من العام.", 20240410, 20240101, 20240410, DATE_SPAN},
    {"أوقفت الوحدات 800 مهرب في النصف الثاني من العام.", 20240410, 0, 0, DATE_NONE},
    {"أحصى المرصد 60 غارة خلال الربع الثالث من عام 2023.", 20240410, 20230701, 20230930, DATE_SPAN},
    {"أوقفت الوحدات 55 شخصا في النصف الثاني من الشهر الماضي.", 20241210, 20241116, 20241130,
     DATE_SPAN},
    {"أوقفت الوحدات 12 شخصا خلال الأسبوع الأول من الشهر الجاري.", 20241210, 20241201, 20241207,
     DATE_SPAN},
    {"أوقفت الوحدات 12 شخصا خلال الأسبوع الثالث من نوفمبر.", 20241210, 20241115, 20241121,
     DATE_SPAN},
    {"أوقفت الوحدات 12 شخصا خلال الأسبوع الأول من العام.", 20241210, 0, 0, DATE_NONE},
    {"أوقفت الوحدات 20 شخصا خلال الأيام العشرة الأولى من الشهر الجاري.", 20241215, 20241201,
     20241210, DATE_SPAN},
    {"أوقفت الوحدات 20 شخصا خلال الأيام العشرة الماضية.", 20241215, 20241205, 20241215, DATE_SPAN},
    /* الفائت "gone by", as الماضي */
    {"أوقفت الوحدات 31 شخصا خلال الشهر الفائت.", 20241210, 20241101, 20241130, DATE_MONTH},
    {"أوقفت الوحدات 32 شخصا خلال الأسبوع الفائت.", 20241210, 20241203, 20241210, DATE_WEEK},
    {"أوقفت الوحدات 33 شخصا خلال العام الفائت.", 20241210, 20230101, 20231231, DATE_YEAR},
    /* a range of days across two months, in a weekly report */
    {"أوقفت الوحدات 19 شخصا خلال الفترة الممتدة من 28 تشرين الثاني إلى 4 كانون الأول.", 20241210,
     20241128, 20241204, DATE_SPAN},
    {"أوقفت الوحدات 19 شخصا في الفترة من 29 يناير حتى 3 فبراير 2024.", 20240210, 20240129, 20240203,
     DATE_SPAN},
    /* من <date> (و)حتى <date>: one span, whatever the precision of each */
    {"وثق المرصد مقتل 120 عنصرا من مطلع أكتوبر وحتى نهاية نوفمبر.", 20241210, 20241001, 20241130,
     DATE_SPAN},
    {"وثق المرصد مقتل 120 عنصرا من 1 أكتوبر وحتى 30 نوفمبر.", 20241210, 20241001, 20241130,
     DATE_SPAN},
    {"وثق المرصد مقتل 120 عنصرا من أيار 2023 إلى آب 2024.", 20241210, 20230501, 20240831,
     DATE_SPAN},
    /* a word of part before a month names it (مطلع أكتوبر: its first ten
     * days) */
    {"قتل 12 مدنيا في أواخر أكتوبر.", 20241210, 20241021, 20241031, DATE_SPAN},
    /* منذ leads a weekday as يوم does, and counts back days (2025-03-10 is
     * a Monday): from then to publication */
    {"قال المرصد إن 1225 مدنيا قتلوا منذ الخميس في مدن الساحل.", 20250310, 20250306, 20250310,
     DATE_SPAN},
    {"قتل 40 مدنيا منذ الاثنين الماضي.", 20250310, 20250303, 20250310, DATE_SPAN},
    {"قتل 40 مدنيا منذ 4 أيام في ريف جبلة.", 20250310, 20250306, 20250310, DATE_SPAN},
    {"قتل 40 مدنيا منذ ثلاثة أيام في ريف جبلة.", 20250310, 20250307, 20250310, DATE_SPAN},
    {"قتل 40 مدنيا في الأيام الثلاثة الأخيرة.", 20250310, 20250307, 20250310, DATE_SPAN},
    {"قتل 40 مدنيا قبل أربعة أيام.", 20250310, 20250306, 20250306, DATE_DAY},
    {"وقال المرصد إن 40 مدنيا قتلوا قبل 3 أيام في ريف جبلة.", 20250310, 20250307, 20250307,
     DATE_DAY},
    {"قتل 40 مدنيا قبل 3 أيام من الهدنة.", 20250310, 0, 0, DATE_NONE},
    /* the last hours, as a live blog tells a toll: the last 24 */
    {"قالت وزارة الصحة إن 40 شخصا استشهدوا خلال الساعات الماضية.", 20241110, 20241109, 20241110,
     DATE_SPAN},
    {"وأفاد الدفاع المدني بانتشال 9 جثامين في الساعات الأخيرة.", 20241110, 20241109, 20241110,
     DATE_SPAN},
    {"قتل 12 مدنيا خلال الـ24 ساعة الأخيرة.", 20241110, 20241109, 20241110, DATE_SPAN},
    /* the last months up to publication */
    {"نزح نحو 3 آلاف شخص خلال الأشهر الثلاثة الماضية.", 20241210, 20240910, 20241210, DATE_SPAN},
    {"وصل أكثر من 20 ألف لاجئ خلال الشهرين الماضيين.", 20241210, 20241010, 20241210, DATE_SPAN},
    {"قتل 40 مدنيا في الأشهر الستة الأخيرة، بحسب الأمم المتحدة.", 20241210, 20240610, 20241210,
     DATE_SPAN},
    /* a total told as of the telling (حتى الآن) takes no year of a clause
     * before it */
    {"وقال إن التنظيم قتل المدنيين عام 2014، موضحا أن الفرق فتحت حتى الآن 12 مقبرة.", 20241210, 0,
     0, DATE_NONE},
    {"وذكر أن المسلحين هاجموا القرية في عام 2017، وأن الفرق انتشلت لغاية الآن 40 جثة.", 20241210, 0,
     0, DATE_NONE},
    {"وأشار إلى أن المعارك اندلعت عام 2019، وأن الفرق فتحت حتى هذه اللحظة 15 مقبرة.", 20241210, 0,
     0, DATE_NONE},
};

Test(dates, table)
{
    for (size_t i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
        const date_case *c = &date_cases[i];
        extract_result r;
        cr_assert_eq(extract_document_dated(model, c->doc, strlen(c->doc), c->published, &r), 0);
        cr_assert_geq(r.n_figures, 1, "no figure in: %s", c->doc);
        const extract_figure *f = &r.figures[r.n_figures - 1];
        cr_expect_eq(f->date.precision, c->precision, "%s: precision %d, expected %d", c->doc,
                     f->date.precision, c->precision);
        cr_expect_eq(f->date.start, c->start, "%s: start %d, expected %d", c->doc, f->date.start,
                     c->start);
        cr_expect_eq(f->date.end, c->end, "%s: end %d, expected %d", c->doc, f->date.end, c->end);
        extract_result_free(&r);
    }
}

Test(dates, undated_document_reads_no_date)
{
    const char *doc = "قتل 12 مدنيا أمس في قصف على المدينة.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    cr_assert_geq(r.n_figures, 1);
    cr_expect_eq(r.figures[0].date.precision, DATE_NONE);
    /* the sentence says when, unread for want of a publication date: not
     * the year of the sentence before */
    const char *doc2 = "وسيطرت القوات على المحافظة عام 2018. وقال المرصد إن 5 مدنيين قتلوا أمس.";
    extract_result r2;
    cr_assert_eq(extract_document(model, doc2, strlen(doc2), &r2), 0);
    cr_assert_geq(r2.n_figures, 1);
    cr_expect_eq(r2.figures[r2.n_figures - 1].date.precision, DATE_NONE);
    extract_result_free(&r2);
    cr_expect_str_eq(date_precision_name(DATE_WEEK), "week");
    cr_expect_null(date_precision_name(DATE_NONE));
    extract_result_free(&r);
}

typedef struct cause_case {
    const char *doc;
    const char *cause; /* NULL: none */
} cause_case;

static const cause_case cause_cases[] = {
    {"قتل 12 مدنيا في غارات جوية على المدينة.", "airstrike"},
    {"قتل 12 مدنيا بغارة على المدينة.", "airstrike"},
    {"قتل 12 مدنيا في قصف مدفعي على المدينة.", "shelling"},
    {"قتل 12 مدنيا جراء القصف على المدينة.", "shelling"},
    {"قتل 12 مدنيا بقصف صاروخي على المدينة.", "missile"},
    {"قتل 12 مدنيا بالبراميل المتفجرة على المدينة.", "barrel_bomb"},
    {"قتل 12 مدنيا ببراميل متفجرة ألقتها المروحيات.", "barrel_bomb"},
    {"توفي 7 أشخاص اختناقا بغاز سام في البلدة.", "chemical"},
    {"قتل 12 مدنيا بمواد سامة في البلدة.", "chemical"},
    {"قتل 3 مدنيين برصاص قناص في الحي.", "sniper"},
    {"قتل 3 مدنيين قنصا في الحي.", NULL},
    {"قتل 9 أشخاص بانفجار سيارة مفخخة في السوق.", "car_bomb"},
    {"قتل 4 جنود بعبوة ناسفة على الطريق.", "ied"},
    {"قتل 20 شخصا في هجوم انتحاري على الحاجز.", "suicide_attack"},
    {"قتل طفلان و3 نساء بانفجار لغم أرضي قرب القرية.", "landmine"},
    {"قتل 15 مقاتلا في اشتباكات مع القوات الحكومية.", "clashes"},
    {"قتل 5 مقاتلين بطائرة مسيرة قرب الحدود.", "drone"},
    {"قتل 8 مدنيين بصواريخ أطلقت على المدينة.", "missile"},
    {"قتل 6 معتقلين تحت التعذيب في السجن.", "torture"},
    {"قتل 10 أسرى في إعدام ميداني قرب البلدة.", "execution"},
    {"لقي 30 شخصا حتفهم غرقا قبالة الساحل.", "drowning"},
    {"قتل 12 مدنيا في تفجير في المدينة.", "bombing"},
    {"قتل 12 مدنيا في المدينة.", NULL},
};

Test(dates, causes)
{
    for (size_t i = 0; i < sizeof cause_cases / sizeof cause_cases[0]; i++) {
        const cause_case *c = &cause_cases[i];
        extract_result r;
        cr_assert_eq(extract_document(model, c->doc, strlen(c->doc), &r), 0);
        cr_assert_geq(r.n_figures, 1, "no figure in: %s", c->doc);
        const char *got = r.figures[0].cause;
        if (c->cause)
            cr_expect(got && strcmp(got, c->cause) == 0, "%s: cause %s, expected %s", c->doc,
                      got ? got : "(null)", c->cause);
        else
            cr_expect_null(got, "%s: cause %s, expected none", c->doc, got);
        extract_result_free(&r);
    }
}

Test(dates, nearest_cause_in_sentence)
{
    const char *doc = "بعد اشتباكات عنيفة، قتل 12 مدنيا بغارات على المدينة.";
    extract_result r;
    cr_assert_eq(extract_document(model, doc, strlen(doc), &r), 0);
    cr_assert_geq(r.n_figures, 1);
    cr_expect_str_eq(r.figures[0].cause, "airstrike");
    extract_result_free(&r);
}

/* "11 أيار (مايو) 2024": the month glossed by its other name in brackets,
 * as after a slash; the year after the bracket is the date's, also in an
 * agency's dateline. */
Test(dates, a_month_glossed_in_brackets)
{
    static const date_case cases[] = {
        {"قتل 19 مدنيا في 11 أيار (مايو) 2024 في قصف على السوق.", 0, 20240511, 20240511, DATE_DAY},
        {"نزحت 300 أسرة في 4 سبتمبر (أيلول) 2023 من القرى الحدودية.", 0, 20230904, 20230904,
         DATE_DAY},
        {"قتل 70 مدنيا خلال تشرين الثاني (نوفمبر) 2022 في الغارات.", 0, 20221101, 20221130,
         DATE_MONTH},
        {"بيروت، 3 آذار (مارس) 2024 (أ ف ب) - قتل 6 أشخاص في غارة على سيارة.", 0, 20240303,
         20240303, DATE_DAY},
    };
    check_date_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "يومي 11 و12 أيار": the dual of يوم before two days of one month names
 * both, the span from the first to the second, as بين 11 و12 does. */
Test(dates, the_dual_of_day_before_two_days)
{
    static const date_case cases[] = {
        {"قتل 26 مدنيا يومي 8 و9 آب في قصف على الأحياء الشرقية.", 20180829, 20180808, 20180809,
         DATE_SPAN},
        {"اعتقلت القوات 41 شخصا يومي 20 و21 تشرين الأول 2019 في حملة دهم.", 0, 20191020, 20191021,
         DATE_SPAN},
    };
    check_date_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "ليل الجمعة-السبت", "ليلة السبت/الأحد": the night between a weekday and
 * the next spans both, the second the last such day by publication
 * (2018-07-29 is a Sunday). */
Test(dates, the_night_between_two_weekdays)
{
    static const date_case cases[] = {
        {"قتل 6 مدنيين في غارات ليل الجمعة-السبت على الأحياء الغربية.", 20180729, 20180727,
         20180728, DATE_SPAN},
        {"أصيب 10 أشخاص بقصف ليلة السبت/الأحد على السوق.", 20180729, 20180728, 20180729, DATE_SPAN},
    };
    check_date_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "بتاريخ 9-11-2022": a day-first numeric date with dashes, as with
 * slashes; a range of counts (3-5) is no date. */
Test(dates, a_numeric_date_with_dashes)
{
    static const date_case cases[] = {
        {"قتل 13 مدنيا بتاريخ 9-11-2022 في قصف على البلدة.", 0, 20221109, 20221109, DATE_DAY},
        {"أصيب 21 شخصا في انفجار وقع يوم 27-3-2021 قرب المعبر.", 0, 20210327, 20210327, DATE_DAY},
    };
    check_date_cases(cases, sizeof cases / sizeof cases[0]);
}
