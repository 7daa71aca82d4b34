/* dates.c — the event date and the cause of each figure, read from its
 * sentence after the figure stage.
 *
 * Date forms (data/lexicon/dates.tsv): days relative to publication (اليوم،
 * أمس، أمس الأول، الليلة الماضية، قبل 3 أيام), a weekday after a lead word (يوم/فجر/صباح
 * الجمعة: the last such day on or before publication), day + month name
 * (Arabic, Syriac and paired: 6 آب/أغسطس, 6 آب (أغسطس)) with or without a year, a month
 * name with a year (month precision), a year after عام (خلال عام 2023: year
 * precision), day-first numeric dates (25/7/2018, 25-7-2018), and spans (بين 3 و5 آب،
 * من 3 إلى 5 آب، خلال الأيام الثلاثة الماضية، خلال الأسبوع الماضي، منذ بداية
 * الشهر/العام، الشهر الماضي، منذ 2011، منذ 7 أكتوبر 2023، منذ اندلاع الحرب في
 * أبريل 2023، منذ صباح الاثنين، منذ الخميس، منذ مساء أمس، منذ 4 أيام: to
 * publication; with no
 * publication date, none: its end is unknown).
 * The night between two weekdays (ليل الاثنين-الثلاثاء) spans both.
 * A day may be an ordinal (السابع من أكتوبر، الحادي والعشرين من آب); a
 * weekday told with its date is that date. A month name alone is not read
 * (آب is also "father"), but after شهر or a word of part it is the month
 * (خلال شهر شباط، مطلع أكتوبر: the last one begun by publication). Two dates
 * "من <date> (و)حتى/إلى <date>" are one span from the first's start to the
 * second's end (من مطلع أكتوبر وحتى نهاية نوفمبر). A phrase of "so far"
 * (حتى الآن، لغاية الآن) dates nothing: a figure nearest to it takes none. A word of part before a month with its year, a
 * year, the last month or the month or year so far (مطلع، منتصف، أواخر عام
 * 2023، مطلع الشهر الجاري) takes its first, middle or last third (days
 * 1-10, 11-20, 21-; January-April, May-August, September-December), ended
 * at publication; العام الماضي is the year before publication. A day "من
 * الشهر الجاري/الماضي" is that day of the month; a weekday told with
 * الماضي needs no lead word (الخميس الماضي: the last before publication,
 * a week back on that very weekday); the weekend (عطلة نهاية الأسبوع) the
 * last Friday to Sunday begun by publication. A Hijri date is read with its year (12 رمضان 1445),
 * and a Hijri month with a year marked Hijri (رمضان 1445 هـ: the month), by
 * the tabular calendar (a day off the sighted month at most); a month never
 * without its year (رمضان, رجب are also names), a day without it the last
 * such day by publication (العاشر من رمضان). A year-less date takes the publication's year, or the year
 * before when that would put it after publication.
 * Never guessed: without a publication date only a full explicit date is read;
 * an agency's dateline ("دمشق، 12 آذار/مارس 2024 (أ ف ب) -") gives one.
 * Which date applies: the expression in the figure's sentence nearest to the
 * figure; else none when the sentence counts since a start it does not date
 * (منذ بدء الحرب) or says when by a phrase no publication date lets it read
 * (أمس); else the one nearest the end of the sentence before, when
 * no line break separates the two (same paragraph); else none.
 * Cause (data/lexicon/causes.tsv): the cause phrase of the figure's sentence
 * nearest to the figure (a generic one, an explosion, only when the sentence
 * names no other), or NULL.
 */
#include "extract/dates.h"

#include "extract/grow.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *date_precision_name(date_precision p)
{
    static const char *const names[] = {NULL, "day", "week", "month", "year", "span"};
    return p <= DATE_SPAN ? names[p] : NULL;
}

void extract_date_iso(int32_t packed, char out[11])
{
    unsigned p = packed > 0 ? (unsigned)packed : 0;
    snprintf(out, 11, "%04u-%02u-%02u", p / 10000 % 10000, p / 100 % 100, p % 100);
}

int32_t extract_date_parse_iso(const char *iso)
{
    if (!iso)
        return 0;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? iso[i] != '-' : !(iso[i] >= '0' && iso[i] <= '9'))
            return 0;
    int y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
    int m = (iso[5] - '0') * 10 + (iso[6] - '0'), d = (iso[8] - '0') * 10 + (iso[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    return y * 10000 + m * 100 + d;
}

/* Howard Hinnant's days_from_civil. */
int32_t dates_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t dates_from_days(int32_t z)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    return (y + (m <= 2)) * 10000 + m * 100 + d;
}

static int days_in_month(int y, int m)
{
    int next = m == 12 ? dates_days(y + 1, 1, 1) : dates_days(y, m + 1, 1);
    return next - dates_days(y, m, 1);
}

static bool valid_ymd(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static int32_t pack(int y, int m, int d)
{
    return y * 10000 + m * 100 + d;
}

/* The value of an all-digit number token, or -1. */
static int tok_int(const text *t, size_t i)
{
    if (i >= t->n_tok || t->tok[i].kind != TOK_NUMBER)
        return -1;
    const char *s = t->tok[i].norm;
    if (!*s || strlen(s) > 4)
        return -1;
    int v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

static bool tok_is(const text *t, size_t i, uint32_t sentence, const char *norm)
{
    return i < t->n_tok && t->tok[i].sentence == sentence && strcmp(t->tok[i].norm, norm) == 0;
}

/* dates.tsv's week of this many days is the weekend (عطلة نهاية الأسبوع) */
enum { WEEKEND_DAYS = 3 };

static const char *kind_of(const lexicon_match *lm)
{
    return lm->entry->n_fields > 1 ? lm->entry->fields[1] : "";
}

static int value_of(const lexicon_match *lm)
{
    return lm->entry->n_fields > 2 ? (int)strtol(lm->entry->fields[2], NULL, 10) : 0;
}

/* A day (yyyymmdd) with the publication's year, or the year before when that
 * would fall after publication; 0 when invalid. */
static int32_t yearless(int m, int d, int32_t pub)
{
    int y = pub / 10000;
    if (!valid_ymd(y, m, d) && !valid_ymd(y - 1, m, d))
        return 0;
    if (!valid_ymd(y, m, d) || pack(y, m, d) > pub)
        y--;
    return valid_ymd(y, m, d) ? pack(y, m, d) : 0;
}

static int32_t shift(int32_t ymd, int days)
{
    return dates_from_days(dates_days(ymd / 10000, ymd / 100 % 100, ymd % 100) + days);
}

/* Per token: the day of the month (1-31) an ordinal of the text that ends
 * there says ("السابع"، "الحادي والعشرين"), 0 for none, and its first token. */
typedef struct day_word {
    uint8_t day;
    size_t first;
    size_t ordinal_end; /* at an ordinal's first token: the token after it */
} day_word;

/* An ordinal day above the tenth is said with the tens in their definite
 * cardinal form: "العشرين من آب" alone, "الحادي والعشرين" or "الثالث
 * والثلاثين" after the ordinal of its units, joined by و. The number reader
 * reads the tens as a plain 20 or 30 and الحادي not at all (it opens a
 * compound ordinal only, dates.tsv kind ordinal_one); the day ends at the
 * tens. */
static void compound_day(const extract_model *m, const text *t, const number *num, day_word *days)
{
    if (!num->has_value || (num->value != 20 && num->value != 30) ||
        num->tok_end != num->tok_first + 1 || num->form != NUMFORM_WORDS)
        return;
    size_t k = num->tok_first;
    const char *w = t->tok[k].norm;
    bool waw = !strncmp(w, "و", strlen("و"));
    if (strncmp(waw ? w + strlen("و") : w, "ال", strlen("ال")) != 0)
        return;
    int tens = (int)num->value;
    if (!waw) {
        days[k].day = (uint8_t)tens;
        days[k].first = k;
        return;
    }
    if (k == 0 || t->tok[k - 1].sentence != t->tok[k].sentence)
        return;
    int units = days[k - 1].day;
    size_t first = days[k - 1].first;
    lexicon_match lm;
    if (!units && lexicon_match_at(m->dates, t, k - 1, PROCLITICS_NONE, &lm) && lm.tok_end == k &&
        !strcmp(kind_of(&lm), "ordinal_one")) {
        units = 1;
        first = k - 1;
    }
    if (units >= 1 && units <= 9 && tens + units <= 31) {
        days[k].day = (uint8_t)(tens + units);
        days[k].first = first;
    }
}

/* Does منذ stand before token `first` of sentence s, right before it or
 * before the few words that name what began then ("منذ اندلاع الحرب في"،
 * "منذ بدء العدوان الإسرائيلي على القطاع في")? No number or mark between. */
static bool since_before(const text *t, size_t first, uint32_t s)
{
    enum { SINCE_EVENT_WORDS = 8 };
    for (size_t back = 1; back <= SINCE_EVENT_WORDS + 1 && back <= first; back++) {
        size_t k = first - back;
        if (t->tok[k].sentence != s || t->tok[k].kind != TOK_WORD)
            return false;
        const char *w = t->tok[k].norm;
        if (!strcmp(w, "منذ") || !strcmp(w, "ومنذ"))
            return true;
    }
    return false;
}

/* A day before publication after منذ ("منذ صباح الاثنين"، "منذ مساء أمس"):
 * from that day to publication. */
static void since_that_day(const text *t, size_t i, uint32_t s, int32_t pub, extract_date *d)
{
    if (d->precision == DATE_DAY && pub && d->start < pub && since_before(t, i, s))
        *d = (extract_date){d->start, pub, DATE_SPAN};
}

/* The first day of a range of days of one month that ends with the day
 * (`day`, in digits) at token `last`: "بين 3 و5 آب", "من 3 إلى 5 آب",
 * "يومي 3 و4 آب".
 * 0 when no range ends there. */
static int range_start(const text *t, size_t last, uint32_t s, int day)
{
    if (last < 3 || t->tok[last].kind != TOK_NUMBER)
        return 0;
    bool between = tok_is(t, last - 1, s, "و") &&
                   (tok_is(t, last - 3, s, "بين") || tok_is(t, last - 3, s, "وبين"));
    bool from_to = (tok_is(t, last - 1, s, "الي") || tok_is(t, last - 1, s, "حتي")) &&
                   (tok_is(t, last - 3, s, "من") || tok_is(t, last - 3, s, "ومن"));
    /* "يومي 11 و12 أيار": the dual of يوم names two days, the span of both */
    bool two_days = tok_is(t, last - 1, s, "و") &&
                    (tok_is(t, last - 3, s, "يومي") || tok_is(t, last - 3, s, "ويومي"));
    int first = tok_int(t, last - 2);
    return (between || from_to || two_days) && first >= 1 && first < day ? first : 0;
}

/* A span from `start` to publication. With no publication date its end is
 * unknown, and a span that ended on its first day would say what the text
 * does not: none. None too when it would start after publication. */
static extract_date since_then(int32_t start, int32_t pub)
{
    if (!pub || start > pub)
        return (extract_date){0, 0, DATE_NONE};
    return (extract_date){start, pub, DATE_SPAN};
}

static bool read_at(const extract_model *m, const text *t, size_t i, uint32_t s, int32_t pub,
                    const day_word *days, extract_date *out, size_t *next);

/* Is token k of sentence s the mark of a Hijri year (هـ، هجري، للهجرة)? */
static bool hijri_mark(const extract_model *m, const text *t, size_t k, uint32_t s)
{
    lexicon_match lm;
    return k < t->n_tok && t->tok[k].sentence == s &&
           lexicon_match_at(m->dates, t, k, PROCLITICS_NONE, &lm) &&
           !strcmp(kind_of(&lm), "hijri_mark");
}

/* Days from 1970-01-01 of the first of Hijri month `month` of year y, by
 * the tabular calendar: 1 رمضان 1445 is 11 March 2024. */
static int32_t hijri_first(int month, int y)
{
    return (59 * (month - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 - 492148;
}

/* A date of the Hijri calendar: the month at tokens [i, end) of sentence s
 * (number `month`), after its day and before its year (12 رمضان 1445), or
 * before a year marked Hijri (رمضان 1445 هـ: the month). The calendar is
 * the tabular one, which the sighted month may leave by a day. A day with
 * no year (15 رمضان، العاشر من رمضان) is the last such day on or before
 * publication, after منذ from then to publication; not صفر, which is also
 * "zero" (3 صفر). */
static bool read_hijri(const extract_model *m, const text *t, size_t i, size_t end, uint32_t s,
                       int month, int32_t pub, const day_word *days, extract_date *out,
                       size_t *next)
{
    int y = end < t->n_tok && t->tok[end].sentence == s ? tok_int(t, end) : -1;
    /* the day: "15 رمضان", "9 من شهر رمضان", "العاشر من رمضان" */
    size_t k = i > 0 && tok_is(t, i - 1, s, "شهر") ? i - 1 : i;
    int day = k > 0 && t->tok[k - 1].sentence == s ? tok_int(t, k - 1) : -1;
    size_t day_first = k > 0 ? k - 1 : 0;
    if (day < 1 && k >= 2 && tok_is(t, k - 1, s, "من") && t->tok[k - 2].sentence == s) {
        day_first = k - 2;
        day = tok_int(t, k - 2);
        if (day < 1 && days && days[k - 2].day) {
            day = days[k - 2].day;
            day_first = days[k - 2].first;
        }
    }
    if (y < 1350 || y > 1500) {
        if (day < 1 || day > 30 || !pub || month == 2)
            return false;
        int32_t pd = dates_days(pub / 10000, pub / 100 % 100, pub % 100);
        int y0 = (pub / 10000 - 622) * 33 / 32 + 1;
        for (int c = y0 + 1; c >= y0 - 2; c--) {
            int32_t d = hijri_first(month, c) + day - 1;
            if (d > pd)
                continue;
            *out = (extract_date){dates_from_days(d), dates_from_days(d), DATE_DAY};
            if (since_before(t, day_first, s))
                *out = since_then(out->start, pub);
            *next = end;
            return out->precision != DATE_NONE;
        }
        return false;
    }
    bool mark = hijri_mark(m, t, end + 1, s);
    if ((day < 1 || day > 30) && !mark)
        return false;
    int32_t first = hijri_first(month, y);
    *next = end + 1 + (mark ? 1 : 0);
    if (day >= 1 && day <= 30) {
        int32_t d = dates_from_days(first + day - 1);
        *out = (extract_date){d, d, DATE_DAY};
    } else {
        int32_t next_first = hijri_first(month % 12 + 1, y + (month == 12));
        *out = (extract_date){dates_from_days(first), dates_from_days(next_first - 1), DATE_MONTH};
    }
    return true;
}

/* A weekday told with its date ("يوم الخميس 29 شباط", "الخميس التاسع
 * والعشرين من شباط") is that date, not the last such weekday before
 * publication: the day and month that start at token `at`. */
static bool day_after_weekday(const extract_model *m, const text *t, size_t at, uint32_t s,
                              int32_t pub, const day_word *days, extract_date *out, size_t *next)
{
    size_t month = EXTRACT_NO_INDEX;
    if (tok_int(t, at) > 0)
        month = at + 1;
    for (size_t e = at; days && month == EXTRACT_NO_INDEX && e < at + 4 && e < t->n_tok; e++)
        if (days[e].day && days[e].first == at && tok_is(t, e + 1, s, "من"))
            month = e + 2;
    if (month == EXTRACT_NO_INDEX || month >= t->n_tok || t->tok[month].sentence != s)
        return false;
    extract_date d;
    size_t end;
    lexicon_match lm;
    if (!lexicon_match_at(m->dates, t, month, PROCLITICS_ALL, &lm) ||
        strcmp(kind_of(&lm), "month") != 0 || !read_at(m, t, month, s, pub, days, &d, &end) ||
        d.precision != DATE_DAY)
        return false;
    *out = d;
    *next = end;
    return true;
}

/* Which part of a period the phrase right before token i of sentence s
 * names (dates.tsv's parts): 1-3 its first, middle or last third (مطلع،
 * منتصف، أواخر); 4-5 its first or second half (النصف الأول من); 6-9 its
 * quarters (الربع الثالث من); 10-13 the weeks of a month (الأسبوع الأول
 * من); 14-16 its first, middle or last ten days (الأيام العشرة الأولى
 * من); 0 none. A و or ب may lead it (بمطلع، وأواخر). */
static int period_part(const extract_model *m, const text *t, size_t i, uint32_t s)
{
    enum { PART_TOKENS = 4 };
    for (size_t back = 1; back <= PART_TOKENS && back <= i; back++) {
        size_t f = i - back;
        if (t->tok[f].sentence != s || t->tok[f].kind != TOK_WORD)
            return 0;
        lexicon_match lm;
        if (!lexicon_match_at(m->dates, t, f, PROCLITICS_ALL, &lm) || lm.tok_end != i ||
            strcmp(kind_of(&lm), "part") != 0)
            continue;
        const char *w = t->tok[f].norm;
        size_t n = strlen("و");
        if (lm.stripped && back == 1 &&
            !(strlen(w) > n && (!strncmp(w, "و", n) || !strncmp(w, "ب", n)) &&
              lexicon_find(m->dates, w + n) == lm.entry))
            return 0;
        return value_of(&lm);
    }
    return 0;
}

/* Does the part name a half, a quarter or a week, whose phrase closes with
 * من ("النصف الأول من الشهر"): the ordinal before من is no day of it? */
static bool piece_part(int part)
{
    return part >= 4;
}

/* The part `part` (period_part) of the month or year *d spans, ended at
 * publication when pub falls in it: thirds are days 1-10, 11-20, 21- of a
 * month and January-April, May-August, September-December of a year;
 * halves days 1-15, 16- and January-June, July-December; quarters and
 * weeks days 1-7, 8-14, 15-21, 22- of a month, quarters the three months
 * of a year; ten days as thirds of a month (a week or ten days of a year
 * are not read). */
static void take_part(extract_date *d, int part, int32_t pub)
{
    if (!part || d->precision == DATE_NONE || !d->start || !d->end)
        return;
    int y = d->start / 10000, m = d->start / 100 % 100;
    int32_t start, end;
    if (d->start / 100 == d->end / 100 ||
        (d->precision == DATE_SPAN && d->start % 100 == 1 && d->start / 100 == pub / 100)) {
        int last = days_in_month(y, m);
        if (part <= 3 || part >= 14) {
            int third = part <= 3 ? part : part - 13;
            start = pack(y, m, third == 1 ? 1 : third == 2 ? 11 : 21);
            end = pack(y, m, third == 1 ? 10 : third == 2 ? 20 : last);
        } else if (part <= 5) {
            start = pack(y, m, part == 4 ? 1 : 16);
            end = pack(y, m, part == 4 ? 15 : last);
        } else {
            int q = (part - 6) % 4; /* 6-9 and 10-13 alike */
            start = pack(y, m, 1 + 7 * q);
            end = pack(y, m, q == 3 ? last : 7 * (q + 1));
        }
    } else if (d->start % 10000 == 101 && part <= 9) {
        int first = part <= 3   ? (part - 1) * 4 + 1
                    : part <= 5 ? (part - 4) * 6 + 1
                                : (part - 6) * 3 + 1;
        int months = part <= 3 ? 4 : part <= 5 ? 6 : 3;
        start = pack(y, first, 1);
        end = pack(y, first + months - 1, days_in_month(y, first + months - 1));
    } else {
        if (piece_part(part)) /* "الأسبوع الأول من العام": not read */
            *d = (extract_date){0, 0, DATE_NONE};
        return;
    }
    if (pub && start > pub) {
        if (piece_part(part))
            *d = (extract_date){0, 0, DATE_NONE};
        return;
    }
    if (pub && end > pub)
        end = pub;
    *d = (extract_date){start, end, DATE_SPAN};
}

/* A day after و that closes "بين <date> و<date>" ("بين الثامن من تشرين
 * الأول 2023 والـ15 من أيلول 2024"), or after إلى or حتى that closes "من
 * <date> إلى <date>" (the first date right after من, its day within three
 * tokens: "من 28 تشرين الثاني إلى 4 كانون الأول"): the span from the first date, read at
 * its month, to the day *d. A few tokens back at most; the first date's own
 * day is after بين, not after و, so the search does not recur. */
static void between_dates(const extract_model *m, const text *t, size_t day_first, uint32_t s,
                          int32_t pub, const day_word *days, extract_date *d)
{
    enum { BETWEEN_TOKENS = 12 };
    if (day_first == 0 || t->tok[day_first - 1].sentence != s)
        return;
    /* "من 28 تشرين الثاني إلى 4 كانون الأول": the first date right after من */
    bool to = tok_is(t, day_first - 1, s, "الي") || tok_is(t, day_first - 1, s, "حتي");
    if (!to && !tok_is(t, day_first - 1, s, "و") && !tok_is(t, day_first - 1, s, "وال"))
        return;
    size_t and_at = day_first - 1;
    for (size_t back = 1; back <= BETWEEN_TOKENS && back <= and_at; back++) {
        size_t b = and_at - back;
        if (t->tok[b].sentence != s)
            return;
        if (to ? !tok_is(t, b, s, "من") && !tok_is(t, b, s, "ومن")
               : !tok_is(t, b, s, "بين") && !tok_is(t, b, s, "وبين"))
            continue;
        for (size_t q = b + 1; q < and_at && (!to || q <= b + 3); q++) {
            lexicon_match lm;
            extract_date first;
            size_t end;
            if (lexicon_match_at(m->dates, t, q, PROCLITICS_ALL, &lm) &&
                !strcmp(kind_of(&lm), "month") && read_at(m, t, q, s, pub, days, &first, &end) &&
                (first.precision == DATE_DAY || first.precision == DATE_MONTH) &&
                first.start < d->start) {
                *d = (extract_date){first.start, d->end, DATE_SPAN};
                return;
            }
        }
        return;
    }
}

/* The date expression starting at token i (one of sentence s), or none;
 * *next is the token after it. days: the ordinals of the text (NULL: none
 * read). */
static bool read_at(const extract_model *m, const text *t, size_t i, uint32_t s, int32_t pub,
                    const day_word *days, extract_date *out, size_t *next)
{
    *next = i + 1;
    *out = (extract_date){0, 0, DATE_NONE};
    int py = pub / 10000, pm = pub / 100 % 100;
    /* "قبل 3 أيام": that day before publication, as قبل ثلاثة أيام; not
     * before another day (قبل 3 أيام من الهدنة) */
    int ago = tok_int(t, i + 1);
    if (pub && ago >= 1 && ago <= 31 && (tok_is(t, i, s, "قبل") || tok_is(t, i, s, "وقبل")) &&
        (tok_is(t, i + 2, s, "ايام") || tok_is(t, i + 2, s, "يوما")) &&
        !tok_is(t, i + 3, s, "من") && !tok_is(t, i + 3, s, "علي")) {
        *out = (extract_date){shift(pub, -ago), shift(pub, -ago), DATE_DAY};
        *next = i + 3;
        return true;
    }
    /* 25/7/2018, 25-7-2018 (day first; the year, 1900-2100, tells the
     * dashes of a date from a range of counts, 3-5) */
    int a = tok_int(t, i);
    bool dashes = tok_is(t, i + 1, s, "-") && tok_is(t, i + 3, s, "-");
    if (a > 0 && ((tok_is(t, i + 1, s, "/") && tok_is(t, i + 3, s, "/")) || dashes)) {
        int mo = tok_int(t, i + 2), y = tok_int(t, i + 4);
        if (t->tok[i + 4].sentence == s && valid_ymd(y, mo, a)) {
            *out = (extract_date){pack(y, mo, a), pack(y, mo, a), DATE_DAY};
            *next = i + 5;
            return true;
        }
    }
    lexicon_match lm;
    if (!lexicon_match_at(m->dates, t, i, PROCLITICS_ALL, &lm))
        return false;
    *next = lm.tok_end;
    const char *kind = kind_of(&lm);
    int v = value_of(&lm);
    if (strcmp(kind, "month") == 0 && v > 12)
        return read_hijri(m, t, i, lm.tok_end, s, v - 12, pub, days, out, next);
    if (strcmp(kind, "month") == 0) {
        int day = i > 0 && t->tok[i - 1].sentence == s ? tok_int(t, i - 1) : -1;
        size_t day_first = i > 0 ? i - 1 : 0;
        /* "السابع من أكتوبر": an ordinal, then من; "الـ7 من أكتوبر": its
         * number */
        int part = period_part(m, t, i, s);
        if (day < 1 && days && i >= 2 && tok_is(t, i - 1, s, "من") && days[i - 2].day &&
            t->tok[i - 2].sentence == s && !piece_part(part)) {
            day = days[i - 2].day;
            day_first = days[i - 2].first;
        } else if (day < 1 && i >= 2 && tok_is(t, i - 1, s, "من") && t->tok[i - 2].sentence == s &&
                   tok_int(t, i - 2) >= 1 && tok_int(t, i - 2) <= 31 && !piece_part(part)) {
            day = tok_int(t, i - 2);
            day_first = i - 2;
        }
        /* "منذ 7 أكتوبر 2023", "منذ اندلاع الحرب في أبريل 2023": from
         * then to publication */
        bool since = since_before(t, day >= 1 ? day_first : i, s);
        size_t k = lm.tok_end;
        lexicon_match pair;
        if (tok_is(t, k, s, "/") && lexicon_match_at(m->dates, t, k + 1, PROCLITICS_NONE, &pair) &&
            strcmp(kind_of(&pair), "month") == 0)
            k = pair.tok_end;
        /* "11 أيار (مايو) 2024": the month glossed by its other name in
         * brackets, as after a slash; the year follows the bracket */
        else if (tok_is(t, k, s, "(") &&
                 lexicon_match_at(m->dates, t, k + 1, PROCLITICS_NONE, &pair) &&
                 strcmp(kind_of(&pair), "month") == 0 && tok_is(t, pair.tok_end, s, ")"))
            k = pair.tok_end + 1;
        /* "آذار من العام 2011", "آذار عام 2011" */
        if (tok_is(t, k, s, "من") && (tok_is(t, k + 1, s, "عام") || tok_is(t, k + 1, s, "العام")))
            k += 2;
        else if (tok_is(t, k, s, "عام") || tok_is(t, k, s, "العام"))
            k += 1;
        int y = k < t->n_tok && t->tok[k].sentence == s ? tok_int(t, k) : -1;
        if (y >= 1900 && y <= 2100)
            *next = k + 1;
        else
            y = -1;
        if (day >= 1 && day <= 31 && y > 0 && valid_ymd(y, v, day))
            *out = (extract_date){pack(y, v, day), pack(y, v, day), DATE_DAY};
        else if (day >= 1 && day <= 31 && y < 0 && pub && yearless(v, day, pub))
            *out = (extract_date){yearless(v, day, pub), yearless(v, day, pub), DATE_DAY};
        else if (y > 0 && (day < 1 || day > 31))
            *out = (extract_date){pack(y, v, 1), pack(y, v, days_in_month(y, v)), DATE_MONTH};
        else if (since && pub && yearless(v, 1, pub)) /* "منذ مطلع آب" */
            *out = (extract_date){yearless(v, 1, pub), 0, DATE_MONTH};
        else if (!since && y < 0 && day < 1 && pub && i > 0 && yearless(v, 1, pub) &&
                 (tok_is(t, i - 1, s, "شهر") || tok_is(t, i - 1, s, "بشهر") ||
                  tok_is(t, i - 1, s, "وشهر") || tok_is(t, i - 1, s, "لشهر") || part)) {
            /* "خلال شهر شباط (الماضي)": after شهر or a word of part
             * (مطلع أكتوبر) the word is the month, the last one begun by
             * publication */
            int32_t first = yearless(v, 1, pub);
            *out = (extract_date){first, pack(first / 10000, v, days_in_month(first / 10000, v)),
                                  DATE_MONTH};
        }
        if (!since && out->precision == DATE_MONTH)
            take_part(out, part, pub); /* "أواخر آذار 2023" */
        if (since && out->precision != DATE_NONE)
            *out = since_then(out->start, pub);
        int from = out->precision == DATE_DAY ? range_start(t, day_first, s, day) : 0;
        if (from)
            *out = (extract_date){shift(out->end, from - day), out->end, DATE_SPAN};
        else if (!since && out->precision == DATE_DAY)
            between_dates(m, t, day_first, s, pub, days, out);
        return out->precision != DATE_NONE;
    }
    if (strcmp(kind, "lead") == 0) {
        lexicon_match wd;
        if (lm.tok_end < t->n_tok && t->tok[lm.tok_end].sentence == s &&
            lexicon_match_at(m->dates, t, lm.tok_end, PROCLITICS_NONE, &wd) &&
            strcmp(kind_of(&wd), "weekday") == 0 &&
            day_after_weekday(m, t, wd.tok_end, s, pub, days, out, next))
            return true;
        if (lm.tok_end < t->n_tok && t->tok[lm.tok_end].sentence == s &&
            lexicon_match_at(m->dates, t, lm.tok_end, PROCLITICS_NONE, &wd) &&
            strcmp(kind_of(&wd), "weekday") == 0 && pub) {
            *next = wd.tok_end;
            int32_t pd = dates_days(py, pm, pub % 100);
            int pub_wd = (int)(((pd % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
            /* "ليل الاثنين-الثلاثاء", "ليلة السبت/الأحد": the night between
             * a day and the next, both; the second is the last such day on
             * or before publication */
            lexicon_match wd2;
            if ((tok_is(t, wd.tok_end, s, "-") || tok_is(t, wd.tok_end, s, "/")) &&
                lexicon_match_at(m->dates, t, wd.tok_end + 1, PROCLITICS_NONE, &wd2) &&
                strcmp(kind_of(&wd2), "weekday") == 0 &&
                value_of(&wd2) == (value_of(&wd) + 1) % 7) {
                int32_t second = pd - (pub_wd - value_of(&wd2) + 7) % 7;
                *out =
                    (extract_date){dates_from_days(second - 1), dates_from_days(second), DATE_SPAN};
                *next = wd2.tok_end;
                return true;
            }
            int back = (pub_wd - value_of(&wd) + 7) % 7;
            if (!back && tok_is(t, wd.tok_end, s, "الماضي"))
                back = 7; /* "يوم الثلاثاء الماضي" told on a Tuesday */
            int32_t day = dates_from_days(pd - back);
            *out = (extract_date){day, day, DATE_DAY};
            since_that_day(t, i, s, pub, out); /* "منذ صباح الاثنين" */
            return true;
        }
        return false;
    }
    if (strcmp(kind, "year") == 0) {
        int y =
            lm.tok_end < t->n_tok && t->tok[lm.tok_end].sentence == s ? tok_int(t, lm.tok_end) : -1;
        /* "العام الماضي", "العام المنصرم", "العام الفائت": the year before
         * publication */
        if (y < 0 && pub &&
            (tok_is(t, lm.tok_end, s, "الماضي") || tok_is(t, lm.tok_end, s, "المنصرم") ||
             tok_is(t, lm.tok_end, s, "الفايت")))
            y = py - 1;
        /* "النصف الأول من العام", "الربع الثالث من العام": of this year */
        int part = period_part(m, t, i, s);
        bool this_year = y < 0 && pub && piece_part(part) && lm.tok_end == i + 1 &&
                         (tok_is(t, i, s, "العام") || tok_is(t, i, s, "السنه"));
        if (this_year)
            y = py;
        if (y < 1900 || y > 2100 || (pub && y > py))
            return false;
        /* "منذ تأسيسها أواخر عام 2012": since then */
        *out = (extract_date){pack(y, 1, 1), pack(y, 12, 31), DATE_YEAR};
        take_part(out, part, 0); /* "أواخر عام 2023" */
        if (this_year && (out->precision != DATE_SPAN || out->start > pub))
            return false; /* a part of this year not begun */
        if (since_before(t, i, s))
            *out = since_then(out->start, pub);
        else if (pub && out->precision == DATE_SPAN && out->end > pub)
            out->end = pub; /* a part of the year not over yet */
        *next = lm.tok_end + 1;
        return out->precision != DATE_NONE;
    }
    if (!pub && strcmp(kind, "since") != 0)
        return false;
    /* "10 من الشهر الجاري", "العاشر من الشهر الماضي": that day of it */
    int day_of = -1;
    if ((!strcmp(kind, "month_to_date") || !strcmp(kind, "last_month")) && i >= 2 &&
        tok_is(t, i - 1, s, "من") && t->tok[i - 2].sentence == s &&
        !piece_part(period_part(m, t, i, s))) {
        day_of = tok_int(t, i - 2);
        if (day_of < 1 && days && days[i - 2].day)
            day_of = days[i - 2].day;
    }
    if (strcmp(kind, "weekday") == 0 && tok_is(t, lm.tok_end, s, "الماضي")) {
        /* "الخميس الماضي": the last such day before publication */
        int32_t pd = dates_days(py, pm, pub % 100);
        int pub_wd = (int)(((pd % 7) + 7 + 4) % 7);
        int back = (pub_wd - v + 7) % 7;
        int32_t day = dates_from_days(pd - (back ? back : 7));
        *out = (extract_date){day, day, DATE_DAY};
        *next = lm.tok_end + 1;
    } else if (day_of >= 1 && day_of <= 31) {
        int y = py, mo = pm;
        if (!strcmp(kind, "last_month")) {
            y = pm == 1 ? py - 1 : py;
            mo = pm == 1 ? 12 : pm - 1;
        }
        if (valid_ymd(y, mo, day_of) && pack(y, mo, day_of) <= pub)
            *out = (extract_date){pack(y, mo, day_of), pack(y, mo, day_of), DATE_DAY};
    } else if (strcmp(kind, "day") == 0) {
        int32_t day = shift(pub, v);
        *out = (extract_date){day, day, DATE_DAY};
        since_that_day(t, i, s, pub, out); /* "منذ مساء أمس" */
    } else if (strcmp(kind, "days") == 0) {
        *out = (extract_date){shift(pub, -v), pub, DATE_SPAN};
    } else if (strcmp(kind, "week") == 0 && v != WEEKEND_DAYS) {
        *out = (extract_date){shift(pub, -7), pub, DATE_WEEK};
    } else if (strcmp(kind, "week") == 0) {
        /* "خلال عطلة نهاية الأسبوع": the last Friday to Sunday begun by
         * publication (the region rests Friday and Saturday, the agencies
         * Saturday and Sunday), ended at publication */
        int32_t pd = dates_days(py, pm, pub % 100);
        int pub_wd = (int)(((pd % 7) + 7 + 4) % 7);
        int32_t friday = pd - (pub_wd - 5 + 7) % 7;
        *out = (extract_date){dates_from_days(friday),
                              dates_from_days(friday + 2 < pd ? friday + 2 : pd), DATE_SPAN};
    } else if (strcmp(kind, "month_to_date") == 0) {
        *out = (extract_date){pack(py, pm, 1), pub, DATE_SPAN};
        take_part(out, period_part(m, t, i, s), pub); /* "مطلع الشهر الجاري" */
    } else if (strcmp(kind, "year_to_date") == 0) {
        *out = (extract_date){pack(py, 1, 1), pub, DATE_SPAN};
        take_part(out, period_part(m, t, i, s), pub);
    } else if (strcmp(kind, "last_month") == 0) {
        int y = pm == 1 ? py - 1 : py, mo = pm == 1 ? 12 : pm - 1;
        *out = (extract_date){pack(y, mo, 1), pack(y, mo, days_in_month(y, mo)), DATE_MONTH};
        take_part(out, period_part(m, t, i, s), pub); /* "أواخر الشهر الماضي" */
    } else if (strcmp(kind, "since") == 0) {
        int y =
            lm.tok_end < t->n_tok && t->tok[lm.tok_end].sentence == s ? tok_int(t, lm.tok_end) : -1;
        lexicon_match wd;
        bool bare =
            lm.tok_end == i + 1 && lm.tok_end < t->n_tok && t->tok[lm.tok_end].sentence == s;
        if (y >= 1900 && (!pub || y <= py)) {
            *out = since_then(pack(y, 1, 1), pub);
            *next = lm.tok_end + 1;
        } else if (pub && bare && lexicon_match_at(m->dates, t, lm.tok_end, PROCLITICS_NONE, &wd) &&
                   strcmp(kind_of(&wd), "weekday") == 0) {
            /* "منذ الخميس": منذ leads a weekday as يوم does, from the last
             * such day (a week back told on that weekday with الماضي) */
            int32_t pd = dates_days(py, pm, pub % 100);
            int pub_wd = (int)(((pd % 7) + 7 + 4) % 7);
            int back = (pub_wd - value_of(&wd) + 7) % 7;
            if (!back && tok_is(t, wd.tok_end, s, "الماضي"))
                back = 7;
            *out = since_then(dates_from_days(pd - back), pub);
            *next = wd.tok_end;
        } else if (pub && bare && y >= 1 && y <= 31 &&
                   (tok_is(t, lm.tok_end + 1, s, "ايام") || tok_is(t, lm.tok_end + 1, s, "يوما"))) {
            /* "منذ 4 أيام": the last 4 days up to publication */
            *out = (extract_date){shift(pub, -y), pub, DATE_SPAN};
            *next = lm.tok_end + 2;
        }
    }
    return out->precision != DATE_NONE;
}

/* First token of sentence s (tokens are in sentence order). */
static size_t sentence_first(const text *t, size_t s)
{
    size_t lo = 0, hi = t->n_tok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->tok[mid].sentence < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Code points between an expression and the figure (0 when they overlap). */
static uint32_t distance(span sp, span near)
{
    return sp.end <= near.start   ? near.start - sp.end
           : sp.start >= near.end ? sp.start - near.end
                                  : 0;
}

/* What one sentence names that dates or causes a figure: every date
 * expression and every cause phrase, read once for all of its figures (a
 * sentence of a thousand figures, read again for each, took seconds). */
typedef struct dated_span {
    span sp;
    extract_date date;
    size_t first, end; /* its tokens */
} dated_span;

typedef struct cause_span {
    span sp;
    const char *cause;
    bool generic; /* an explosion: yields to any specific cause */
} cause_span;

/* Does a date phrase of this kind say when against the publication date
 * (اليوم، أمس، الأسبوع الماضي، يوم الجمعة)? */
static bool relative_kind(const char *kind)
{
    static const char *const relative[] = {"day", "days", "week", "last_month", "weekday", NULL};
    for (const char *const *k = relative; *k; k++)
        if (!strcmp(kind, *k))
            return true;
    return false;
}

/* Does اليوم at token i of sentence s count a day from a start ("في اليوم
 * الـ100 للحرب"، "اليوم العاشر من العدوان"، "اليوم 100 للحرب") rather than
 * name the day of publication? Its ordinal follows: a number drawn out with
 * the article (الـ100), an ordinal word, or digits before ل. Not "لليوم
 * الثاني على التوالي", which is today again. */
static bool counted_day(const text *t, size_t i, uint32_t s, const day_word *days)
{
    static const char *const forms[] = {"اليوم", "واليوم", "باليوم", "فاليوم", "لليوم", NULL};
    const char *const *f = forms;
    while (*f && strcmp(t->tok[i].norm, *f) != 0)
        f++;
    size_t k = i + 1;
    if (!*f || k >= t->n_tok || t->tok[k].sentence != s)
        return false;
    size_t end = 0;
    if (tok_is(t, k, s, "ال") && k + 1 < t->n_tok && t->tok[k + 1].sentence == s &&
        t->tok[k + 1].kind == TOK_NUMBER)
        end = k + 2;
    else if (days && days[k].ordinal_end > k)
        end = days[k].ordinal_end;
    else if (t->tok[k].kind == TOK_NUMBER && k + 1 < t->n_tok && t->tok[k + 1].sentence == s &&
             !strncmp(t->tok[k + 1].norm, "لل", strlen("لل")))
        end = k + 1;
    if (!end)
        return false;
    return !(tok_is(t, end, s, "علي") && tok_is(t, end + 1, s, "التوالي")) &&
           !tok_is(t, end, s, "تواليا");
}

/* Does token i of sentence s open a phrase of "so far" (حتى الآن، لغاية
 * الآن، إلى الآن، لحد الآن، حتى هذه اللحظة)? It tells a total as of the
 * telling, no event's date: a figure nearest to it takes none, not the year
 * of a clause before it ("الذين قتلهم التنظيم عام 2014، ... فتحت حتى الآن
 * 93 مقبرة"). Returns the token after the phrase, or 0. */
static size_t so_far_end(const text *t, size_t i, uint32_t s)
{
    static const char *const leads[] = {"حتي",  "وحتي", "لغايه", "ولغايه", "الي",
                                        "والي", "لحد",  "ولحد",  NULL};
    const char *const *l = leads;
    while (*l && strcmp(t->tok[i].norm, *l) != 0)
        l++;
    if (!*l)
        return 0;
    size_t k = i + 1;
    if (tok_is(t, k, s, "هذه") && tok_is(t, k + 1, s, "اللحظه"))
        return k + 2;
    if (tok_is(t, k, s, "الان") || tok_is(t, k, s, "اللحظه"))
        return k + 1;
    return 0;
}

/* Do the date expressions of tokens [a_first, a_end) and from b_first of
 * sentence s (its first token sentence_first) read "من <a> (و)حتى/إلى <b>"?
 * A few tokens may stand between من and the first (مطلع، 1، شهر) and
 * between حتى and the second (نهاية، 30), none between the first and حتى. */
static bool from_to(const text *t, uint32_t s, size_t sentence_first_tok, size_t a_first,
                    size_t a_end, size_t b_first)
{
    enum { LEAD_TOKENS = 3 };
    static const char *const tos[] = {"حتي", "وحتي", "الي", "والي", "لغايه", "ولغايه", NULL};
    bool to = false;
    for (size_t q = a_end; q < b_first && q <= a_end + 1 && !to; q++)
        for (const char *const *w = tos; *w && !to; w++)
            to = tok_is(t, q, s, *w) && b_first - q <= LEAD_TOKENS;
    if (!to)
        return false;
    for (size_t back = 1; back <= LEAD_TOKENS && back <= a_first - sentence_first_tok; back++)
        if (tok_is(t, a_first - back, s, "من") || tok_is(t, a_first - back, s, "ومن"))
            return true;
    return false;
}

typedef struct sentence_reading {
    size_t sentence; /* SIZE_MAX until one is read */
    dated_span *dates;
    size_t n_dates, dates_cap;
    cause_span *causes;
    size_t n_causes, causes_cap;
    bool since_unstated;  /* counts since a start: منذ */
    bool relative_unread; /* says when against a publication date not given */
} sentence_reading;

/* Reads sentence s into r unless r holds it already. False when out of
 * memory. */
static bool read_sentence(const extract_model *m, const text *t, size_t s, int32_t pub,
                          const day_word *days, sentence_reading *r)
{
    if (r->sentence == s)
        return true;
    r->sentence = SIZE_MAX;
    r->n_dates = r->n_causes = 0;
    r->since_unstated = r->relative_unread = false;
    size_t first = sentence_first(t, s);
    for (size_t i = first; i < t->n_tok && t->tok[i].sentence == s;) {
        extract_date d;
        size_t next;
        lexicon_match lm;
        if (counted_day(t, i, (uint32_t)s, days)) {
            r->since_unstated = true; /* "اليوم الـ100 للحرب": not today */
            i++;
            continue;
        }
        size_t so_far = so_far_end(t, i, (uint32_t)s);
        if (so_far) {
            if (grow((void **)&r->dates, &r->dates_cap, r->n_dates + 1, sizeof *r->dates))
                return false;
            r->dates[r->n_dates++] = (dated_span){{t->tok[i].sp.start, t->tok[so_far - 1].sp.end},
                                                  (extract_date){0, 0, DATE_NONE},
                                                  i,
                                                  so_far};
            i = so_far;
            continue;
        }
        if (read_at(m, t, i, (uint32_t)s, pub, days, &d, &next)) {
            if (grow((void **)&r->dates, &r->dates_cap, r->n_dates + 1, sizeof *r->dates))
                return false;
            r->dates[r->n_dates++] =
                (dated_span){{t->tok[i].sp.start, t->tok[next - 1].sp.end}, d, i, next};
        } else if (!pub && lexicon_match_at(m->dates, t, i, PROCLITICS_ALL, &lm) &&
                   relative_kind(kind_of(&lm))) {
            r->relative_unread = true; /* "أمس" with no publication date */
        }
        i = next > i ? next : i + 1;
    }
    /* "من مطلع أكتوبر وحتى نهاية نوفمبر": two dates, the first after من,
     * the second after حتى or إلى, are one span from the first's start to
     * the second's end */
    for (size_t k = 1; k < r->n_dates; k++) {
        dated_span *a = &r->dates[k - 1], *b = &r->dates[k];
        if (a->date.precision != DATE_NONE && b->date.precision != DATE_NONE &&
            b->date.start > a->date.start && b->date.end >= a->date.end &&
            from_to(t, (uint32_t)s, first, a->first, a->end, b->first))
            a->date = b->date = (extract_date){a->date.start, b->date.end, DATE_SPAN};
    }
    /* "بين <date> و<date>": the first date names the span too */
    for (size_t k = 1; k < r->n_dates; k++)
        if (r->dates[k].date.precision == DATE_SPAN &&
            r->dates[k - 1].date.precision != DATE_SPAN &&
            r->dates[k].date.start == r->dates[k - 1].date.start)
            r->dates[k - 1].date = r->dates[k].date;
    for (size_t i = first; i < t->n_tok && t->tok[i].sentence == s;) {
        lexicon_match lm;
        if (!lexicon_match_at(m->causes, t, i, PROCLITICS_ALL, &lm)) {
            i++;
            continue;
        }
        if (lm.entry->n_fields > 1) {
            if (grow((void **)&r->causes, &r->causes_cap, r->n_causes + 1, sizeof *r->causes))
                return false;
            r->causes[r->n_causes++] =
                (cause_span){lm.sp, lm.entry->fields[1],
                             lm.entry->n_fields > 2 && strcmp(lm.entry->fields[2], "generic") == 0};
        }
        i = lm.tok_end;
    }
    for (size_t i = first; i < t->n_tok && t->tok[i].sentence == s; i++)
        if (!strcmp(t->tok[i].norm, "منذ") || !strcmp(t->tok[i].norm, "ومنذ"))
            r->since_unstated = true;
    r->sentence = s;
    return true;
}

/* Of the sentence's date expressions that end after code point `after`,
 * the nearest to `near`; false when there is none. */
static bool nearest_date(const sentence_reading *r, span near, uint32_t after, extract_date *out)
{
    bool found = false;
    uint32_t best = UINT32_MAX;
    for (size_t k = 0; k < r->n_dates; k++) {
        const dated_span *ds = &r->dates[k];
        if (ds->sp.end > after && distance(ds->sp, near) < best) {
            best = distance(ds->sp, near);
            *out = ds->date;
            found = true;
        }
    }
    return found;
}

/* The sentence's cause phrase nearest to `near`, a generic one only when
 * it names no other; NULL when it names none. */
static const char *nearest_cause(const sentence_reading *r, span near)
{
    const char *cause = NULL;
    uint64_t best = UINT64_MAX;
    for (size_t k = 0; k < r->n_causes; k++) {
        const cause_span *cs = &r->causes[k];
        uint64_t rank = (uint64_t)cs->generic << 32 | distance(cs->sp, near);
        if (rank < best) {
            best = rank;
            cause = cs->cause;
        }
    }
    return cause;
}

static void sentence_reading_free(sentence_reading *r)
{
    free(r->dates);
    free(r->causes);
}

/* Sentence of the token that holds code point cp. */
static size_t sentence_at(const text *t, uint32_t cp)
{
    size_t lo = 0, hi = t->n_tok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->tok[mid].sp.end <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->n_tok ? t->tok[lo].sentence : 0;
}

/* Is token i a dash or a colon, the mark that ends a dateline? */
static bool dateline_mark(const text *t, size_t i)
{
    if (i >= t->n_tok || t->tok[i].kind != TOK_PUNCT)
        return false;
    uint32_t c = t->cp[t->tok[i].sp.start];
    return c == '-' || c == ':' || c == 0x2013 || c == 0x2014 || c == 0x0640;
}

/* An agency's dateline gives the day it was filed: "دمشق، 12 آذار/مارس
 * 2024 (أ ف ب) - ...", "الخرطوم 3 يونيو 2023: ...". A full date among the
 * first words of the text, then at most a bracketed agency, then a dash or
 * a colon. Its date and the code point where the dateline ends. */
static bool dateline_date(const extract_model *m, const text *t, int32_t *date, uint32_t *end)
{
    enum { DATELINE_WORDS = 8, AGENCY_WORDS = 8 };
    for (size_t i = 0; i < t->n_tok && i < DATELINE_WORDS && t->tok[i].sentence == 0; i++) {
        extract_date d;
        size_t next;
        if (!read_at(m, t, i, 0, 0, NULL, &d, &next) || d.precision != DATE_DAY)
            continue;
        size_t k = next;
        if (tok_is(t, k, 0, "(")) {
            size_t close = k + 1;
            while (close < t->n_tok && close <= k + AGENCY_WORDS && !tok_is(t, close, 0, ")"))
                close++;
            k = close + 1;
        }
        if (!dateline_mark(t, k))
            return false;
        *date = d.start;
        *end = t->tok[k].sp.end;
        return true;
    }
    return false;
}

int dates_find(doc_state *d, int32_t pub)
{
    const text *t = d->t;
    if (pub && !valid_ymd(pub / 10000, pub / 100 % 100, pub % 100))
        pub = 0;
    /* With no publication date given, a dateline's is the day relative
     * dates count from; its date is an event's only when the sentence
     * names no other. */
    int32_t filed = 0;
    uint32_t dateline_end = 0;
    if (dateline_date(d->m, t, &filed, &dateline_end) && !pub)
        pub = filed;
    day_word *days = calloc(t->n_tok + 1, sizeof *days);
    if (!days)
        return -1;
    for (size_t k = 0; k < d->r->n_numbers; k++) {
        const number *num = &d->r->numbers[k];
        if ((num->flags & NUMFLAG_ORDINAL) && num->has_value && num->value >= 1 &&
            num->value <= 31 && num->value == (int)num->value && num->tok_end > num->tok_first)
            days[num->tok_end - 1] = (day_word){(uint8_t)num->value, num->tok_first, 0};
        if ((num->flags & NUMFLAG_ORDINAL) && num->tok_end > num->tok_first)
            days[num->tok_first].ordinal_end = num->tok_end;
    }
    for (size_t k = 0; k < d->r->n_numbers; k++)
        compound_day(d->m, t, &d->r->numbers[k], days);
    /* the figure's sentence, and the one before for a figure it leaves undated */
    sentence_reading here = {.sentence = SIZE_MAX}, before = {.sentence = SIZE_MAX};
    int rc = 0;
    for (size_t k = 0; k < d->r->n_figures; k++) {
        extract_figure *f = &d->r->figures[k];
        f->date = (extract_date){0, 0, DATE_NONE};
        f->cause = NULL;
        if (t->n_tok == 0)
            continue;
        size_t s = sentence_at(t, f->sp.start);
        if (!read_sentence(d->m, t, s, pub, days, &here)) {
            rc = -1;
            break;
        }
        f->cause = nearest_cause(&here, f->sp);
        if (nearest_date(&here, f->sp, dateline_end, &f->date))
            continue;
        /* "منذ بدء الحرب" with no date: a total since a start the text does
         * not give, not an event of the day it was filed */
        if (here.since_unstated)
            continue;
        /* "قتل 5 مدنيين أمس" unread for want of a publication date: the
         * sentence says when, so not the date of the sentence before */
        if (here.relative_unread)
            continue;
        if (nearest_date(&here, f->sp, 0, &f->date))
            continue;
        size_t first = sentence_first(t, s);
        if (s == 0 || first >= t->n_tok || t->tok[first].newline_before)
            continue;
        if (!read_sentence(d->m, t, s - 1, pub, days, &before)) {
            rc = -1;
            break;
        }
        uint32_t start = t->tok[first].sp.start;
        nearest_date(&before, (span){start, start}, 0, &f->date);
    }
    sentence_reading_free(&here);
    sentence_reading_free(&before);
    free(days);
    return rc;
}
