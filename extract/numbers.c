/* numbers.c — the number reader: finds every numeric expression of a text,
 * with its value, qualifier, code-point span and "not a count" flags.
 *
 * Why here and like this: the figure stage needs the numbers of a report in
 * whatever form a journalist wrote them, so the reader works on the shared
 * token stream (text.h) and on normalised word forms, which folds hamza,
 * harakat, tatweel, ى/ي, ة/ه and Arabic-Indic digits once and for all. Number
 * words are looked up by binary search in `words` below (normalised, kept in
 * byte order). Finding a qualifier phrase costs a lexicon lookup only where a
 * number was found (it is looked for backwards from the number).
 *
 * Reads:
 *  - digit runs: ASCII, ٠-٩, ۰-۹; thousands , ٬ (groups of three), decimal
 *    . ٫ (a lone , not followed by three digits is read as a decimal comma);
 *    at most 18 digits;
 *  - number words: صفر; units واحد/ة, اثنان/اثنين/اثنتان/اثنتين, ثلاث/ة ...
 *    عشر/ة; teens (أحد عشر, إحدى عشرة, اثنا/اثني/اثنتا/اثنتي عشر/ة, ثلاثة
 *    عشر ... تسع عشرة); tens عشرون/عشرين ... تسعون/تسعين; hundreds مئة/مائة/
 *    مية, مئتان/مئتين/مئتا/مائتان/مائتين/مائتا, ثلاثمئة ... تسعمائة joined
 *    or apart (ثلاث مئة); ألف, ألفان/ألفين/ألفا, آلاف/ألوف, مليون, مليونان/
 *    مليونين, ملايين, مليار/بليون, ملياران, مليارات;
 *  - compounds joined by و, alone or attached (خمسمائة و خمسة و عشرون,
 *    ثلاثة آلاف ومئتان وخمسون), in Arabic order: hundreds, then units, then
 *    tens, each multiplier (ألف, مليون...) closing a group; a unit directly
 *    before a multiplier multiplies it (ثلاثة آلاف, ١٠ آلاف, 1.5 مليون);
 *  - proclitics و ف ب ل ك and the article on the first word (وثماني, بخمسة,
 *    لعشرين, الثلاثة); the unstripped form is always tried first, so خمسين
 *    is 50 and بين is not ب + a number;
 *  - ranges: بين X و Y, ما بين X و Y, من X إلى/حتى Y, X-Y, X إلى Y, X أو Y
 *    (only when X < Y; X takes Y's multiplier when it has none: بين 10 و20
 *    ألفا is 10000..20000);
 *  - qualifier phrases from the caller's lexicon, before the number or after
 *    it (or after its counted noun, at most two words away);
 *  - vague amounts: عشرات, مئات, آلاف (with no count before it), عشرات/مئات
 *    الآلاف (as thousands), عدد من, عدد كبير من, العديد من, عدة, بضع/بضعة.
 * Flags (the number is still reported): ordinals الأول ... العاشر, أول,
 * الحادي عشر ...; DEFINITE for a number word with the article; years (a
 * 4-digit run in 1900..2100 unless qualified as a count, or anything after
 * عام/سنة); dates (next to a month name, or 2016/8/7, 7-8-2016, 7.8.2016);
 * times (after الساعة, before صباحا/مساء..., or 5:30); durations (before a
 * time unit, or a definite number after one; duals such as يومين are
 * themselves read as 2 with DURATION); names (digits after a name word, or
 * glued to a Latin word: F16, T-72).
 *
 * مئتا normalises to ميتا, mostly "dead" (ميتاً), so it is read only when
 * written with its hamza (ئ), which the token's code points still show.
 *
 *  - نصف and ربع as part of a multiplier: before it (نصف مليون is 500000)
 *    or after it with و (مليون ونصف, ثلاثة آلاف وربع, مليون ونصف المليون).
 * Leaves out: other fractions (ثلث, ثلاثة أرباع), ordinals
 * past العاشر except the teens, أحد/إحدى on their own ("one of"), negative
 * numbers (a minus sign is read by numbers_parse only), dual nouns (دبابتين:
 * the figure stage knows the nouns), and Roman or spelled-out Latin numbers.
 * Folding costs two readings: بعدة "with several" is skipped (it is بعده
 * "after him"), and وأحد عشر is read as واحد عشر (same value, but the span
 * keeps the و).
 */
#include "extract/numbers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum word_kind {
    K_NONE, /* a context word only (see ctx) */
    K_ZERO,
    K_UNIT,      /* 1..10 */
    K_TEEN_UNIT, /* أحد, إحدى, اثنا...: only before عشر/عشرة */
    K_TENS,
    K_HUNDRED,     /* مئة: also closes "ثلاث مئة" */
    K_HUNDREDS,    /* 200..900 in one word */
    K_MULT,        /* ألف, مليون, مليار */
    K_MULT_ACC,    /* ألفا: singular after a count, else a dual construct */
    K_MULT_DUAL,   /* ألفان */
    K_MULT_PLURAL, /* آلاف: after 3..10 (or digits); alone it is vague */
    K_VAGUE,       /* عشرات, مئات, بضعة, عدة: qual says which */
    K_VAGUE_MIN,   /* عدد, العديد: only before من */
    K_ORDINAL,
    K_ORD_TEEN,  /* الحادي: only before عشر */
    K_TIME_DUAL, /* يومين: 2, a duration */
    K_FRACTION,  /* نصف, ربع: only before a multiplier or after one with و */
} word_kind;

/* What a word says about a number next to it. */
enum {
    C_TIME_UNIT = 1u << 0,   /* يوم, أيام, ساعة: a number before it is a duration */
    C_YEAR_BEFORE = 1u << 1, /* عام, سنة: a number after it is a year */
    C_CLOCK = 1u << 2,       /* الساعة: a number after it is a time */
    C_MONTH = 1u << 3,       /* آب, أغسطس */
    C_MONTH_HEAD = 1u << 4,  /* كانون, تشرين (+ الأول/الثاني) */
    C_MONTH_TAIL = 1u << 5,
    C_DAYPART = 1u << 6,    /* صباحا, مساء: a number before it is a time */
    C_NOT_NUMBER = 1u << 7, /* لست, بعده: never ل+ست, ب+عدة */
    C_HAMZA_ONLY = 1u << 8, /* ميتا: 200 only when written مئتا (else "dead") */
    /* The words of a number phrase's own grammar (the word as it stands,
     * never a proclitic form): */
    C_AND = 1u << 9,            /* و between the parts of a compound */
    C_TEEN_CLOSER = 1u << 10,   /* عشر, عشرة: "ثلاثة عشر" */
    C_BETWEEN = 1u << 11,       /* بين: "بين 15 و20" */
    C_BETWEEN_LEAD = 1u << 12,  /* ما of "ما بين" */
    C_FROM = 1u << 13,          /* من: "من 15 إلى 20", "عدد من", "من آب" */
    C_TO = 1u << 14,            /* إلى, حتى: the end of a range */
    C_OR = 1u << 15,            /* أو: "15 أو 20" */
    C_DECIMAL_POINT = 1u << 16, /* فاصلة: "واحد فاصلة خمسة" */
    C_LARGE = 1u << 17,         /* كبير: "عدد كبير من" */
    C_DAY_NAME = 1u << 18,      /* الاثنين, أمس: يوم before it names a day */
};

typedef struct wordent {
    const char *norm;
    unsigned char kind;
    unsigned char qual;
    unsigned ctx;
    double value;
} wordent;

/* The words, normalised (text_normalize) and sorted by bytes for binary
 * search: generated from data/lexicon/number_words.tsv by tools/check_data
 * (test_numbers reads every form). */
#include "number_words.inc"

#define N_WORDS (sizeof words / sizeof words[0])

/* strcmp for the short strings compared here, inlined: a libc call per
 * probe cost more than the comparison itself. */
static inline int cmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static const wordent *lookup(const char *s)
{
    size_t lo = 0, hi = N_WORDS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp(s, words[mid].norm);
        if (c == 0)
            return &words[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* ---- qualifier names ---- */

static const char *const qual_names[QUAL__COUNT] = {
    "exact", "more_than", "at_least", "about",     "up_to", "less_than",
    "range", "tens",      "hundreds", "thousands", "some",
};

const char *qualifier_name(qualifier q)
{
    return (unsigned)q < QUAL__COUNT ? qual_names[q] : "exact";
}

bool qualifier_parse(const char *name, qualifier *out)
{
    if (!name)
        return false;
    for (unsigned q = 0; q < QUAL__COUNT; q++)
        if (strcmp(name, qual_names[q]) == 0) {
            *out = (qualifier)q;
            return true;
        }
    return false;
}

/* ---- token helpers ---- */

/* Is token j, as it stands, a word of the number grammar with context c? */
static bool grammar_is(const text *t, size_t j, unsigned c)
{
    const wordent *e;
    return j < t->n_tok && t->tok[j].kind == TOK_WORD && (e = lookup(t->tok[j].norm)) &&
           (e->ctx & c);
}

/* Is token j, as it stands, a number word of kind k? */
static bool kind_is(const text *t, size_t j, word_kind k)
{
    const wordent *e;
    return j < t->n_tok && t->tok[j].kind == TOK_WORD && (e = lookup(t->tok[j].norm)) &&
           e->kind == k;
}

static bool punct_is(const text *t, size_t j, const char *norm)
{
    return j < t->n_tok && t->tok[j].kind == TOK_PUNCT && cmp(t->tok[j].norm, norm) == 0;
}

static bool same_sent(const text *t, size_t a, size_t b)
{
    return a < t->n_tok && b < t->n_tok && t->tok[a].sentence == t->tok[b].sentence;
}

static bool glued(const text *t, size_t a, size_t b)
{
    return t->tok[a].sp.end == t->tok[b].sp.start;
}

static bool is_dash(const text *t, size_t j)
{
    return punct_is(t, j, "-") || punct_is(t, j, "\u2013") || punct_is(t, j, "\u2014");
}

/* Could the normalised word carry a proclitic or the article? */
static bool may_have_prefix(const char *n)
{
    /* و ف ب ل ك ا: D9 88, D9 81, D8 A8, D9 84, D9 83, D8 A7 */
    unsigned char a = (unsigned char)n[0], b = (unsigned char)n[1];
    return (a == 0xD9 && (b == 0x88 || b == 0x81 || b == 0x84 || b == 0x83)) ||
           (a == 0xD8 && (b == 0xA8 || b == 0xA7));
}

/* ---- words ---- */

typedef enum mode {
    M_FIRST, /* the first word of an expression: proclitics allowed */
    M_PLAIN, /* the word as it stands */
    M_WAW,   /* a word with an attached و and nothing else */
} mode;

typedef struct wread {
    const wordent *e;
    size_t strip;  /* letters of proclitics removed */
    bool definite; /* the article was among them */
} wread;

/* Was token j written with ئ? (The norm folds it to ي.) */
static bool has_yeh_hamza(const text *t, size_t j)
{
    for (uint32_t p = t->tok[j].sp.start; p < t->tok[j].sp.end; p++)
        if (t->cp[p] == 0x0626)
            return true;
    return false;
}

/* read_word without the hamza check. */
static bool read_word_form(const text *t, size_t j, mode m, wread *w)
{
    if (j >= t->n_tok || t->tok[j].kind != TOK_WORD)
        return false;
    const char *norm = t->tok[j].norm;
    const wordent *e;
    w->strip = 0;
    w->definite = false;
    if (m == M_WAW) {
        if (strncmp(norm, "و", strlen("و")) != 0 || !(e = lookup(norm + 2)) || e->kind == K_NONE)
            return false;
        w->e = e;
        w->strip = 1;
        return true;
    }
    e = lookup(norm);
    if (e && (e->ctx & C_NOT_NUMBER))
        return false;
    if (e && e->kind != K_NONE) {
        w->e = e;
        return true;
    }
    if (m == M_PLAIN || !may_have_prefix(norm))
        return false;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t letters[TEXT_PROCLITIC_MAX];
    size_t n = text_proclitic_forms(norm, false, forms, letters, TEXT_PROCLITIC_MAX);
    for (size_t f = 1; f < n; f++) {
        if (!(e = lookup(forms[f])))
            continue;
        /* كمية, كميات ("amount(s)") are not ك + مية, مئات: no vague
         * amount nor hundred written مي after ك. */
        if (strncmp(norm + 2 * (letters[f] - 1), "ك", strlen("ك")) == 0 &&
            (e->kind == K_VAGUE || strncmp(forms[f], "مي", strlen("مي")) == 0))
            continue;
        if (e->ctx & C_NOT_NUMBER)
            return false;
        if (e->kind == K_NONE)
            continue;
        size_t bytes = strlen(norm) - strlen(forms[f]); /* prefix letters are 2 bytes */
        w->e = e;
        w->strip = bytes / 2;
        w->definite = bytes >= 4 && (memcmp(norm + bytes - 4, "ال", 4) == 0 ||
                                     memcmp(norm + bytes - 4, "لل", 4) == 0);
        return true;
    }
    return false;
}

/* The number word (kind != K_NONE) at token j, read in mode m. */
static bool read_word(const text *t, size_t j, mode m, wread *w)
{
    if (!read_word_form(t, j, m, w))
        return false;
    return !(w->e->ctx & C_HAMZA_ONLY) || has_yeh_hamza(t, j);
}

/* The context bits of the word at j; with forms, of all its proclitic forms
 * (a word before a number: لعام 2016, الأيام الثلاثة), else of the word as
 * it stands (a counted noun after a number is bare: 3 أيام, and والثانية is
 * not the time unit ثانية). */
static unsigned ctx_of(const text *t, size_t j, bool forms_too)
{
    if (j >= t->n_tok || t->tok[j].kind != TOK_WORD)
        return 0;
    const char *norm = t->tok[j].norm;
    const wordent *e = lookup(norm);
    unsigned c = e ? e->ctx : 0;
    if (forms_too && may_have_prefix(norm)) {
        char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
        size_t n = text_proclitic_forms(norm, false, forms, NULL, TEXT_PROCLITIC_MAX);
        for (size_t f = 1; f < n; f++)
            if ((e = lookup(forms[f])))
                c |= e->ctx;
    }
    return c & ~(unsigned)(C_NOT_NUMBER | C_HAMZA_ONLY);
}

/* ---- digits ---- */

#define MAX_DIGITS 18
#define MAX_GROUPS 8

static double snap(double v)
{
    double r = nearbyint(v);
    return fabs(v - r) < 1e-6 ? r : v;
}

/* Reads a NUMBER token's norm (ASCII digits with , and .). Returns 0 and the
 * value, 1 for a dotted or comma'd date (7.8.2016), -1 when it is neither. */
static int parse_digits(const char *s, double *v)
{
    size_t gl[MAX_GROUPS], ng = 0, cur = 0, digits = 0;
    char sep[MAX_GROUPS];
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            cur++;
            digits++;
            continue;
        }
        if (ng == MAX_GROUPS - 1)
            return -1;
        gl[ng] = cur;
        sep[ng++] = *p;
        cur = 0;
    }
    gl[ng++] = cur;
    size_t nsep = ng - 1;
    if (digits > MAX_DIGITS)
        return -1;
    long dec = -1; /* index of the decimal separator */
    if (nsep == 1) {
        /* 1.140 groups thousands in much of the Arab press, as 1,140 does;
         * read_value takes it back as 1.14 before a multiplier (1.200 مليون). */
        if (!(gl[0] <= 3 && gl[1] == 3) || (sep[0] == '.' && s[0] == '0'))
            dec = 0;
    } else if (nsep > 1) {
        bool same = true;
        for (size_t k = 1; k < nsep; k++)
            same &= sep[k] == sep[0];
        bool grouped = gl[0] <= 3;
        size_t last = same ? nsep : nsep - 1; /* groups that must have three digits */
        for (size_t k = 1; k <= last; k++)
            grouped &= gl[k] == 3;
        if (same && !grouped)
            return nsep == 2 && ((gl[0] <= 2 && gl[1] <= 2 && (gl[2] == 2 || gl[2] == 4)) ||
                                 (gl[0] == 4 && gl[1] <= 2 && gl[2] <= 2))
                       ? 1
                       : -1;
        if (!same) {
            for (size_t k = 1; k + 1 < nsep; k++)
                if (sep[k] != sep[0])
                    return -1;
            if (sep[nsep - 1] == sep[0] || !grouped)
                return -1;
            dec = (long)nsep - 1;
        }
    }
    double ip = 0, fp = 0, scale = 1;
    long at = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') {
            at++;
            continue;
        }
        if (dec >= 0 && at > dec) {
            fp = fp * 10 + (*p - '0');
            scale *= 10;
        } else {
            ip = ip * 10 + (*p - '0');
        }
    }
    *v = (ip * scale + fp) / scale;
    return 0;
}

/* ---- components and values ---- */

typedef enum comp_kind {
    CK_ZERO,
    CK_GROUP,
    CK_MULT,
    CK_MULT_ACC,
    CK_MULT_DUAL,
    CK_MULT_PLURAL
} comp_kind;
typedef enum group_kind { G_UNIT, G_TEEN, G_TENS, G_HUNDREDS, G_DIGITS, G_FRACTION } group_kind;

/* One piece of a number: a digit run, a unit, a teen (two words), a ten, a
 * hundred (one or two words) or a multiplier. */
typedef struct comp {
    comp_kind ck;
    group_kind gk;
    double value; /* the group's value, or the multiplier */
    size_t end;   /* one past its last token */
    uint32_t start;
    bool digits, definite, plain4;
} comp;

static bool read_comp(const text *t, size_t j, mode m, comp *c)
{
    memset(c, 0, sizeof *c);
    if (j >= t->n_tok)
        return false;
    const token *k = &t->tok[j];
    c->end = j + 1;
    c->start = k->sp.start;
    if (k->kind == TOK_NUMBER) {
        size_t len = strlen(k->norm);
        if (m == M_WAW || len != k->sp.end - k->sp.start || parse_digits(k->norm, &c->value) != 0)
            return false;
        c->ck = CK_GROUP;
        c->gk = G_DIGITS;
        c->digits = true;
        c->plain4 = len == 4 && strspn(k->norm, "0123456789") == 4;
        return true;
    }
    wread w;
    if (!read_word(t, j, m, &w))
        return false;
    if (w.strip)
        c->start = text_skip_letters(t, j, w.strip);
    c->definite = w.definite;
    const wordent *e = w.e;
    c->value = e->value;
    c->ck = CK_GROUP;
    switch ((word_kind)e->kind) {
    case K_ZERO: c->ck = CK_ZERO; return true;
    case K_UNIT:
    case K_TEEN_UNIT:
        if (e->value <= 9 && same_sent(t, j, j + 1) && grammar_is(t, j + 1, C_TEEN_CLOSER)) {
            c->gk = G_TEEN;
            c->value += 10;
            c->end = j + 2;
        } else if (e->kind == K_TEEN_UNIT) {
            return false;
        } else if (e->value >= 3 && e->value <= 9 && same_sent(t, j, j + 1) &&
                   kind_is(t, j + 1, K_HUNDRED)) {
            c->gk = G_HUNDREDS;
            c->value *= 100;
            c->end = j + 2;
        } else {
            c->gk = G_UNIT;
        }
        return true;
    case K_TENS: c->gk = G_TENS; return true;
    case K_FRACTION: c->gk = G_FRACTION; return true;
    case K_HUNDRED:
    case K_HUNDREDS: c->gk = G_HUNDREDS; return true;
    case K_MULT: c->ck = CK_MULT; return true;
    case K_MULT_ACC: c->ck = CK_MULT_ACC; return true;
    case K_MULT_DUAL: c->ck = CK_MULT_DUAL; return true;
    case K_MULT_PLURAL: c->ck = CK_MULT_PLURAL; return true;
    default: return false;
    }
}

enum { B_H = 1, B_U = 2, B_T = 4, B_D = 8 }; /* what the open group holds */

typedef struct acc {
    double total, group, last_mult, tail_mult, unit;
    unsigned bits;
    bool digits, words, has_mult;
} acc;

static bool is_mult(comp_kind k)
{
    return k == CK_MULT || k == CK_MULT_ACC || k == CK_MULT_DUAL || k == CK_MULT_PLURAL;
}

/* A multiplier right after the count it multiplies (ثلاثة آلاف, 10 آلاف). */
static bool legal_direct(const acc *a, const comp *c)
{
    if (a->group <= 0 || !(c->ck == CK_MULT || c->ck == CK_MULT_ACC || c->ck == CK_MULT_PLURAL))
        return false;
    if (a->last_mult > 0 && c->value >= a->last_mult)
        return false;
    /* Words take the plural after 3..10 only; digits take either. */
    if (c->ck == CK_MULT_PLURAL && !(a->bits & B_D) && (a->group < 3 || a->group > 10))
        return false;
    return true;
}

/* A component after و: Arabic order is multiplier groups, then hundreds,
 * then units, then tens, each smaller than the multiplier before it. */
static bool legal_waw(const acc *a, const comp *c)
{
    bool after_mult = a->bits == 0 && a->group == 0 && a->total > 0;
    if (c->ck == CK_ZERO || c->ck == CK_MULT_PLURAL)
        return false;
    if (is_mult(c->ck))
        return after_mult && (c->ck == CK_MULT ? 1 : 2) * c->value < a->last_mult;
    switch (c->gk) {
    case G_DIGITS: return after_mult && c->value < a->last_mult && c->value == floor(c->value);
    case G_HUNDREDS: return after_mult;
    case G_UNIT:
    case G_TEEN: return !(a->bits & (B_U | B_T | B_D)) && ((a->bits & B_H) || after_mult);
    case G_TENS:
        return !(a->bits & (B_T | B_D)) &&
               (((a->bits & B_U) && a->unit <= 9) || (a->bits & B_H) || after_mult);
    /* مليون ونصف, ثلاثة آلاف وربع: a fraction of the multiplier just read. */
    case G_FRACTION: return after_mult && a->tail_mult > 0;
    }
    return false;
}

static void apply(acc *a, const comp *c)
{
    a->tail_mult = 0;
    if (c->digits)
        a->digits = true;
    else
        a->words = true;
    if (c->ck == CK_GROUP) {
        a->group += c->value;
        switch (c->gk) {
        case G_UNIT:
            a->bits |= c->value >= 10 ? (B_U | B_T) : B_U;
            a->unit = c->value;
            break;
        case G_TEEN: a->bits |= B_U | B_T; break;
        case G_TENS: a->bits |= B_T; break;
        case G_HUNDREDS: a->bits |= B_H; break;
        case G_DIGITS: a->bits |= B_H | B_U | B_T | B_D; break;
        case G_FRACTION:
            if (a->total > 0 && a->group == c->value) {
                /* after a multiplier: a part of it; nothing follows */
                a->group = 0;
                a->total = snap(a->total + c->value * a->last_mult);
                a->bits = B_H | B_U | B_T | B_D;
            } else {
                /* before one: نصف مليون; B_D unset, so never before آلاف */
                a->bits |= B_H | B_U | B_T;
            }
            break;
        }
        return;
    }
    double count = a->group > 0 ? a->group : c->ck == CK_MULT ? 1 : 2;
    a->total = snap(a->total + count * c->value);
    a->group = 0;
    a->bits = 0;
    a->last_mult = a->tail_mult = c->value;
    a->has_mult = true;
}

/* ألف وخمسة ملايين, 10 آلاف و2 مليون: what follows و takes a multiplier
 * at least as big as the last one, so it is a second number, not a part. */
static bool bigger_mult_follows(const text *t, size_t i, const acc *a, const comp *d)
{
    comp m;
    /* "مليون ونصف مليون": the fraction's own multiplier, repeated */
    return d->ck == CK_GROUP && same_sent(t, i, d->end) && read_comp(t, d->end, M_PLAIN, &m) &&
           is_mult(m.ck) && a->last_mult > 0 && m.value >= a->last_mult &&
           !(d->gk == G_FRACTION && m.value == a->last_mult);
}

/* A digit run of the form 1.140: one dot before exactly three digits. */
static bool dot_thousands(const text *t, size_t j)
{
    if (j >= t->n_tok || t->tok[j].kind != TOK_NUMBER)
        return false;
    const char *s = t->tok[j].norm, *dot = strchr(s, '.');
    return dot && dot - s >= 1 && dot - s <= 3 && strlen(dot + 1) == 3 && !strpbrk(dot + 1, ".,");
}

/* Is token j the multiplier of value `mult`, with the article or without
 * (المليون، مليون)? */
static bool repeated_mult(const text *t, size_t j, double mult)
{
    const char *n = t->tok[j].norm;
    const wordent *e;
    if (t->tok[j].kind != TOK_WORD)
        return false;
    if ((e = lookup(n)) && e->kind == K_MULT && e->value == mult)
        return true; /* الف (ألف) is not ال + ف */
    return strncmp(n, "ال", strlen("ال")) == 0 && (e = lookup(n + strlen("ال"))) &&
           e->kind == K_MULT && e->value == mult;
}

/* A value expression: digits and/or number words, no qualifier or range. */
typedef struct rval {
    double value;
    size_t first, end; /* tokens */
    uint32_t start;    /* code point, after any proclitic */
    double tail_mult;  /* the multiplier it ends with, or 0 */
    bool digits, words, definite, plain4, has_mult;
} rval;

static bool read_value(const text *t, size_t i, mode m, rval *r)
{
    comp c, d;
    if (!read_comp(t, i, m, &c) || c.ck == CK_MULT_PLURAL)
        return false;
    memset(r, 0, sizeof *r);
    r->first = i;
    r->start = c.start;
    r->definite = c.definite;
    if (c.ck == CK_ZERO) {
        r->end = c.end;
        r->words = true;
        return true;
    }
    if (c.digits && dot_thousands(t, c.end - 1) && read_comp(t, c.end, M_PLAIN, &d) &&
        is_mult(d.ck))
        c.value /= 1000;
    /* نصف alone is "half (of)", a share and not a count: a number only as
     * the count of a multiplier (نصف مليون). */
    if (c.gk == G_FRACTION && c.ck == CK_GROUP &&
        !(same_sent(t, i, c.end) && read_comp(t, c.end, M_PLAIN, &d) && d.ck == CK_MULT))
        return false;
    /* "ألفا ومئتا عائلة": ألفا opening a compound is the accusative
     * singular; the dual construct (ألفا شخص) is followed by what it
     * counts, never by و. */
    if (c.ck == CK_MULT_ACC && same_sent(t, i, c.end) &&
        ((grammar_is(t, c.end, C_AND) && same_sent(t, i, c.end + 1) &&
          read_comp(t, c.end + 1, M_PLAIN, &d)) ||
         read_comp(t, c.end, M_WAW, &d)) &&
        d.ck == CK_GROUP)
        c.ck = CK_MULT;
    acc a = {0};
    apply(&a, &c);
    size_t j = c.end, n = 1;
    while (same_sent(t, i, j)) {
        if (a.group > 0 && read_comp(t, j, M_PLAIN, &d) && legal_direct(&a, &d)) {
        } else if (a.group == 0 && a.has_mult && a.digits && t->tok[j].kind == TOK_NUMBER &&
                   read_comp(t, j, M_PLAIN, &d) && d.ck == CK_GROUP && d.value < 1000 &&
                   legal_waw(&a, &d)) {
            /* 44 ألفا 532: the hundreds may follow the thousands without و. */
        } else if (grammar_is(t, j, C_AND) && same_sent(t, i, j + 1) &&
                   read_comp(t, j + 1, M_PLAIN, &d) && legal_waw(&a, &d) &&
                   !bigger_mult_follows(t, i, &a, &d)) {
        } else if (read_comp(t, j, M_WAW, &d) && legal_waw(&a, &d) &&
                   !bigger_mult_follows(t, i, &a, &d)) {
        } else {
            break;
        }
        apply(&a, &d);
        j = d.end;
        n++;
        /* مليون ونصف المليون, مليونين ونصف مليون: the fraction's
         * multiplier, repeated, belongs to the number. */
        if (d.gk == G_FRACTION && d.ck == CK_GROUP && same_sent(t, i, j) &&
            repeated_mult(t, j, a.last_mult))
            j++;
    }
    r->value = snap(a.total + a.group);
    r->end = j;
    r->tail_mult = a.tail_mult;
    r->digits = a.digits;
    r->words = a.words;
    r->has_mult = a.has_mult;
    r->plain4 = n == 1 && c.plain4;
    return true;
}

/* ---- expressions ---- */

typedef enum found_kind { F_VALUE, F_RANGE, F_VAGUE, F_ORDINAL, F_DUAL, F_COMPOSITE } found_kind;

typedef struct found {
    number nb;
    found_kind kind;
    size_t vfirst, vend; /* tokens of value_sp */
    bool plain4;         /* every value is a bare 4-digit run */
    bool definite;
} found;

typedef struct reader {
    const text *t;
    const lexicon *qual, *names;
} reader;

static void set_span(found *f, const text *t, uint32_t start, size_t first, size_t end)
{
    f->nb.sp.start = f->nb.value_sp.start = start;
    f->nb.sp.end = f->nb.value_sp.end = t->tok[end - 1].sp.end;
    f->nb.tok_first = f->vfirst = first;
    f->nb.tok_end = f->vend = end;
}

static void set_value(found *f, const text *t, const rval *x)
{
    memset(f, 0, sizeof *f);
    f->kind = F_VALUE;
    set_span(f, t, x->start, x->first, x->end);
    f->nb.value = x->value;
    f->nb.has_value = true;
    f->nb.qual = QUAL_EXACT;
    f->nb.form = x->digits && x->words ? NUMFORM_MIXED : x->digits ? NUMFORM_DIGITS : NUMFORM_WORDS;
    f->plain4 = x->plain4;
    f->definite = x->definite;
}

/* Makes f (holding x) the range x..y; false when y is not above x. */
static bool make_range(found *f, const text *t, const rval *x, const rval *y)
{
    double lo = x->value;
    /* بين 10 و20 ألفا: the multiplier belongs to both ends. */
    if (y->tail_mult > 0 && !x->has_mult && lo * y->tail_mult <= y->value)
        lo *= y->tail_mult;
    if (!(lo < y->value) || y->definite)
        return false;
    f->kind = F_RANGE;
    f->nb.value = lo;
    f->nb.value_max = y->value;
    f->nb.has_max = true;
    f->nb.qual = QUAL_RANGE;
    f->nb.value_sp.end = f->nb.sp.end = t->tok[y->end - 1].sp.end;
    f->nb.tok_end = f->vend = y->end;
    bool digits = x->digits || y->digits, wordy = x->words || y->words;
    f->nb.form = digits && wordy ? NUMFORM_MIXED : digits ? NUMFORM_DIGITS : NUMFORM_WORDS;
    f->plain4 = x->plain4 && y->plain4;
    return true;
}

/* The leading digits of a NUMBER norm (7 of "7.8.2016"). */
static double lead_int(const char *s)
{
    double v = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        v = v * 10 + (*s - '0');
    return v;
}

/* 2016/8/7, 7-8-2016, 5:30 and 7.8.2016: one expression, flagged. */
static bool read_composite(const text *t, size_t j, found *f)
{
    if (j >= t->n_tok || t->tok[j].kind != TOK_NUMBER)
        return false;
    double v = 0;
    int pd = parse_digits(t->tok[j].norm, &v);
    size_t end = j + 1;
    unsigned flag = 0;
    if (pd == 1) {
        flag = NUMFLAG_DATE;
        v = lead_int(t->tok[j].norm);
    } else {
        const char *seps[] = {"/", ":", "-"};
        for (size_t s = 0; s < 3 && !flag; s++) {
            size_t k = j, parts = 1;
            while (parts < 3 && k + 2 < t->n_tok && punct_is(t, k + 1, seps[s]) &&
                   t->tok[k + 2].kind == TOK_NUMBER && glued(t, k, k + 1) &&
                   glued(t, k + 1, k + 2)) {
                k += 2;
                parts++;
            }
            /* A dash between two numbers is a range, not a date. */
            if (parts >= (s == 2 ? 3u : 2u)) {
                flag = s == 1 ? NUMFLAG_TIME : NUMFLAG_DATE;
                end = k + 1;
            }
        }
        if (!flag)
            return false;
        if (pd != 0)
            v = lead_int(t->tok[j].norm);
    }
    memset(f, 0, sizeof *f);
    f->kind = F_COMPOSITE;
    set_span(f, t, t->tok[j].sp.start, j, end);
    f->nb.value = v;
    f->nb.has_value = true;
    f->nb.form = NUMFORM_DIGITS;
    f->nb.flags = flag;
    return true;
}

/* A bare four-digit year: "منذ 2023 إلى 62 ألفا" is a date and then a
 * count, not a range from one to the other. */
static bool is_year(const rval *x)
{
    return x->plain4 && x->value >= 1900 && x->value <= 2100;
}

/* A number at j with no qualifier before it: composite, value or range,
 * ordinal, or a time-unit dual. */
static bool read_core(const text *t, size_t j, mode m, found *f)
{
    if (read_composite(t, j, f))
        return true;
    rval x, y;
    if (read_value(t, j, m, &x)) {
        set_value(f, t, &x);
        size_t k = x.end;
        if (!x.definite && same_sent(t, j, k) && same_sent(t, j, k + 1) &&
            (is_dash(t, k) || grammar_is(t, k, C_TO | C_OR)) && read_value(t, k + 1, M_PLAIN, &y) &&
            !(is_year(&x) && !is_year(&y)))
            make_range(f, t, &x, &y);
        return true;
    }
    wread w;
    if (!read_word(t, j, m, &w))
        return false;
    size_t end = j + 1;
    double v = w.e->value;
    unsigned flag;
    found_kind fk;
    if (w.e->kind == K_ORDINAL || w.e->kind == K_ORD_TEEN) {
        bool teen = v <= 9 && same_sent(t, j, j + 1) && grammar_is(t, j + 1, C_TEEN_CLOSER);
        if (teen) {
            v += 10;
            end++;
        } else if (w.e->kind == K_ORD_TEEN) {
            return false;
        }
        flag = NUMFLAG_ORDINAL;
        fk = F_ORDINAL;
    } else if (w.e->kind == K_TIME_DUAL) {
        flag = NUMFLAG_DURATION;
        fk = F_DUAL;
    } else {
        return false;
    }
    memset(f, 0, sizeof *f);
    f->kind = fk;
    set_span(f, t, w.strip ? text_skip_letters(t, j, w.strip) : t->tok[j].sp.start, j, end);
    f->nb.value = v;
    f->nb.has_value = true;
    f->nb.form = NUMFORM_WORDS;
    f->nb.flags = flag;
    return true;
}

/* The qualifier of a lexicon entry when it may stand at `where`. */
static bool entry_qual(const lexicon_entry *e, const char *where, qualifier *q)
{
    if (e->n_fields < 3 || !qualifier_parse(e->fields[1], q) || *q == QUAL_EXACT ||
        *q > QUAL_LESS_THAN)
        return false;
    return strcmp(e->fields[2], where) == 0 || strcmp(e->fields[2], "both") == 0;
}

/* أكثر من 80: a "before" qualifier phrase ending right where f starts (and
 * not before token `floor`, the end of the previous number). Looked for
 * only once a number is found, so ordinary words cost no lexicon lookup. */
static void attach_before(const reader *r, found *f, size_t floor_tok)
{
    const text *t = r->t;
    size_t v = f->nb.tok_first;
    /* نحو /1306/, أكثر من (40): the number may stand in slashes or brackets;
     * تجاوز ال162 ألفا, قرابة الـ 30: or take the article, glued or drawn
     * out with a tatweel before a space. */
    size_t at =
        v > floor_tok && (punct_is(t, v - 1, "/") || punct_is(t, v - 1, "(") ||
                          (t->tok[v - 1].kind == TOK_WORD && !cmp(t->tok[v - 1].norm, "ال") &&
                           (glued(t, v - 1, v) || t->cp[t->tok[v - 1].sp.end - 1] == 0x0640)))
            ? v - 1
            : v;
    for (size_t back = LEXICON_MAX_WORDS; back >= 1; back--) {
        lexicon_match m;
        qualifier q;
        if (back > at || at - back < floor_tok || !same_sent(t, at - back, v))
            continue;
        if (lexicon_match_at(r->qual, t, at - back, PROCLITICS_ALL, &m) && m.tok_end == at &&
            entry_qual(m.entry, "before", &q)) {
            f->nb.qual = q;
            f->nb.sp.start = m.sp.start;
            f->nb.tok_first = at - back;
            return;
        }
    }
    /* نيفا و30: a more-than standing either side (نيف) before a tens
     * in digits, with the و of the tens a token of its own glued to them:
     * the unit is left unknown, as in نيف وثلاثون. */
    if (at != v || v < floor_tok + 2 || t->tok[v].kind != TOK_NUMBER ||
        !grammar_is(t, v - 1, C_AND) || !glued(t, v - 1, v) || !same_sent(t, v - 2, v) ||
        !f->nb.has_value || f->nb.value < 20 || f->nb.value > 90 || fmod(f->nb.value, 10) != 0)
        return;
    lexicon_match m;
    qualifier q;
    if (lexicon_match_at(r->qual, t, v - 2, PROCLITICS_ALL, &m) && m.tok_end == v - 1 &&
        entry_qual(m.entry, "before", &q) && entry_qual(m.entry, "after", &q) &&
        q == QUAL_MORE_THAN) {
        f->nb.qual = q;
        f->nb.sp.start = m.sp.start;
        f->nb.tok_first = v - 2;
    }
}

/* بين 15 و20, ما بين 15 و 20, من 15 إلى 20. */
static bool read_range_phrase(const text *t, size_t i, found *f)
{
    const char *n = t->tok[i].norm;
    bool waw = strncmp(n, "و", strlen("و")) == 0 || strncmp(n, "ف", strlen("ف")) == 0;
    const wordent *lead = lookup(waw ? n + strlen("و") : n);
    unsigned c = lead ? lead->ctx : 0;
    bool bayn = false;
    size_t k = i + 1;
    if (c & C_BETWEEN) {
        bayn = true;
    } else if ((c & C_BETWEEN_LEAD) && grammar_is(t, i + 1, C_BETWEEN)) {
        bayn = true;
        k = i + 2;
    } else if (!(c & C_FROM)) {
        return false;
    }
    rval x, y;
    if (!same_sent(t, i, k) || !read_value(t, k, M_PLAIN, &x) || x.definite)
        return false;
    size_t e = x.end;
    bool ok;
    if (!same_sent(t, i, e))
        return false;
    if (bayn)
        ok = (grammar_is(t, e, C_AND) && same_sent(t, i, e + 1) &&
              read_value(t, e + 1, M_PLAIN, &y)) ||
             read_value(t, e, M_WAW, &y);
    else
        ok = grammar_is(t, e, C_TO) && same_sent(t, i, e + 1) && read_value(t, e + 1, M_PLAIN, &y);
    if (!ok)
        return false;
    set_value(f, t, &x);
    if (!make_range(f, t, &x, &y))
        return false;
    f->nb.sp.start = waw ? text_skip_letters(t, i, 1) : t->tok[i].sp.start;
    f->nb.tok_first = i;
    return true;
}

/* عشرات, مئات الآلاف, آلاف, عدد من, العديد من, عدة, بضعة. */
static bool read_vague(const text *t, size_t i, const wread *w0, found *f)
{
    wread w = *w0, m;
    const wordent *e = w.e;
    qualifier q;
    size_t end = i + 1;
    if (e->kind == K_VAGUE && e->qual == QUAL_SOME && !w.definite && same_sent(t, i, i + 1) &&
        grammar_is(t, i + 1, C_TEEN_CLOSER) &&
        !(same_sent(t, i, i + 2) && (kind_is(t, i + 2, K_MULT) || kind_is(t, i + 2, K_MULT_ACC)))) {
        /* بضعة عشر: a teen, thirteen to nineteen; more than ten (before
         * ألف it is left as it was read) */
        memset(f, 0, sizeof *f);
        f->kind = F_VALUE;
        set_span(f, t, w.strip ? text_skip_letters(t, i, w.strip) : t->tok[i].sp.start, i, i + 2);
        f->nb.value = 10;
        f->nb.has_value = true;
        f->nb.qual = QUAL_MORE_THAN;
        f->nb.form = NUMFORM_WORDS;
        return true;
    }
    rval tens;
    if (e->kind == K_VAGUE && e->qual == QUAL_SOME && !w.definite && same_sent(t, i, i + 1) &&
        read_value(t, i + 1, M_WAW, &tens) && !tens.definite && tens.end == i + 2 &&
        tens.value >= 20 && tens.value <= 90 && fmod(tens.value, 10) == 0) {
        /* بضعة وثلاثون: the unit before the tens left unknown; more than
         * the tens */
        memset(f, 0, sizeof *f);
        f->kind = F_VALUE;
        set_span(f, t, w.strip ? text_skip_letters(t, i, w.strip) : t->tok[i].sp.start, i,
                 tens.end);
        f->nb.value = tens.value;
        f->nb.has_value = true;
        f->nb.qual = QUAL_MORE_THAN;
        f->nb.form = tens.digits ? NUMFORM_MIXED : NUMFORM_WORDS;
        return true;
    }
    wread nx;
    if (e->kind == K_VAGUE && e->qual == QUAL_SOME && !w.definite && same_sent(t, i, i + 1) &&
        read_word(t, i + 1, M_FIRST, &nx) && nx.strip == 0 && !nx.definite &&
        ((nx.e->kind == K_VAGUE && nx.e->qual != QUAL_SOME) ||
         (nx.e->kind == K_MULT_PLURAL && nx.e->value == 1000)) &&
        read_vague(t, i + 1, &nx, f)) {
        /* بضع عشرات, بضعة آلاف: a few tens, a few thousands, read as the
         * tens or the thousands from the first word */
        f->nb.sp.start = f->nb.value_sp.start =
            w.strip ? text_skip_letters(t, i, w.strip) : t->tok[i].sp.start;
        f->nb.tok_first = f->vfirst = i;
        return true;
    }
    if (e->kind == K_VAGUE) {
        q = (qualifier)e->qual;
        if ((q == QUAL_TENS || q == QUAL_HUNDREDS) && same_sent(t, i, i + 1) &&
            read_word(t, i + 1, M_FIRST, &m) && m.e->kind == K_MULT_PLURAL && m.e->value == 1000 &&
            (m.strip == 0 || (m.strip == 2 && m.definite))) {
            q = QUAL_THOUSANDS;
            end = i + 2;
        }
    } else if (e->kind == K_MULT_PLURAL && e->value == 1000) {
        q = QUAL_THOUSANDS;
    } else if (e->kind == K_VAGUE_MIN) {
        size_t k = i + 1;
        if (grammar_is(t, k, C_LARGE))
            k++;
        if (!same_sent(t, i, k) || !grammar_is(t, k, C_FROM))
            return false;
        q = QUAL_SOME;
        end = k + 1;
    } else {
        return false;
    }
    memset(f, 0, sizeof *f);
    f->kind = F_VAGUE;
    set_span(f, t, w.strip ? text_skip_letters(t, i, w.strip) : t->tok[i].sp.start, i, end);
    f->nb.qual = q;
    f->nb.form = NUMFORM_VAGUE;
    f->definite = w.definite; /* العشرات, المئات: a noun phrase of its own */
    return true;
}

static bool read_at(const reader *r, size_t i, found *f, size_t *skip)
{
    const text *t = r->t;
    *skip = 1;
    if (t->tok[i].kind == TOK_PUNCT)
        return false;
    if (t->tok[i].kind == TOK_WORD) {
        wread w;
        if (!read_word(t, i, M_FIRST, &w)) {
            /* كانون الثاني is a month, not an ordinal. */
            if ((ctx_of(t, i, false) & C_MONTH_HEAD) && same_sent(t, i, i + 1) &&
                (ctx_of(t, i + 1, false) & C_MONTH_TAIL))
                *skip = 2;
            return read_range_phrase(t, i, f);
        }
        if (read_vague(t, i, &w, f))
            return true;
    }
    return read_core(t, i, M_FIRST, f);
}

/* 90 على الأقل, تسعين شخصا على الأقل: an "after" qualifier at most two words
 * past the number; the words between must not be numbers. */
static void attach_after(const reader *r, found *f)
{
    const text *t = r->t;
    size_t e = f->nb.tok_end;
    for (size_t k = e; k <= e + 2 && same_sent(t, f->nb.tok_first, k); k++) {
        lexicon_match m;
        qualifier q;
        wread w;
        if (lexicon_match_at(r->qual, t, k, PROCLITICS_ALL, &m) &&
            entry_qual(m.entry, "after", &q)) {
            f->nb.qual = q;
            f->nb.sp.end = m.sp.end;
            f->nb.tok_end = m.tok_end;
            return;
        }
        if (t->tok[k].kind != TOK_WORD || read_word(t, k, M_FIRST, &w))
            return;
    }
}

static bool is_latin_word(const text *t, size_t j)
{
    return t->tok[j].kind == TOK_WORD && t->tok[j].norm[0] >= 'a' && t->tok[j].norm[0] <= 'z';
}

/* Digits at v that belong to a name: after a name_words phrase, or glued to
 * a Latin word (F16, T-72). */
static bool in_name(const reader *r, size_t v)
{
    const text *t = r->t;
    if (v == 0 || !same_sent(t, v - 1, v))
        return false;
    size_t p = v - 1;
    if (is_latin_word(t, p) && glued(t, p, v))
        return true;
    if (is_dash(t, p) && p > 0 && glued(t, p, v) && glued(t, p - 1, p) && is_latin_word(t, p - 1))
        return true;
    for (size_t back = 1; r->names && back <= 3 && back <= v; back++) {
        lexicon_match m;
        if (lexicon_match_at(r->names, t, v - back, PROCLITICS_ALL, &m) && m.tok_end == v)
            return true;
    }
    return false;
}

static bool count_qual(qualifier q)
{
    return q == QUAL_MORE_THAN || q == QUAL_AT_LEAST || q == QUAL_ABOUT || q == QUAL_LESS_THAN;
}

/* Does the time unit at token k name a day rather than count days: يوم
 * before a day of the week or أمس ("بلغ عدد القتلى 38 يوم الاثنين", "نزح
 * 40 ألفا يوم أمس")? A count of days takes يوما or أيام, or an adjective
 * after يوم ("الـ100 يوم الأولى"). */
static bool day_named(const text *t, size_t k)
{
    return same_sent(t, k, k + 1) && t->tok[k].kind == TOK_WORD &&
           strcmp(t->tok[k].norm, "يوم") == 0 && (ctx_of(t, k + 1, false) & C_DAY_NAME);
}

static void add_flags(const reader *r, found *f)
{
    const text *t = r->t;
    number *nb = &f->nb;
    size_t v = f->vfirst, k = f->vend;
    bool hp = v > 0 && same_sent(t, v - 1, v);
    unsigned prev = hp ? ctx_of(t, v - 1, true) : 0;
    unsigned prev2 = hp && v > 1 && same_sent(t, v - 2, v) ? ctx_of(t, v - 2, true) : 0;
    unsigned next = same_sent(t, v, k) ? ctx_of(t, k, false) : 0;
    unsigned next2 = same_sent(t, v, k + 1) ? ctx_of(t, k + 1, false) : 0;
    unsigned fl = 0;
    if (prev & C_YEAR_BEFORE)
        fl |= NUMFLAG_YEAR;
    if (f->plain4 && nb->value >= 1900 && nb->value <= 2100 && !count_qual(nb->qual) &&
        (!nb->has_max || nb->value_max <= 2100))
        fl |= NUMFLAG_YEAR;
    if ((next & C_MONTH) || ((next & C_MONTH_HEAD) && (next2 & C_MONTH_TAIL)) ||
        (grammar_is(t, k, C_FROM) && (next2 & (C_MONTH | C_MONTH_HEAD))) || (prev & C_MONTH) ||
        ((prev & C_MONTH_TAIL) && (prev2 & C_MONTH_HEAD)))
        fl |= NUMFLAG_DATE;
    /* "8 مساء" is a clock time; "13 مساء الثلاثاء" a count and its day */
    if ((prev & C_CLOCK) || ((next & C_DAYPART) && !(next2 & C_DAY_NAME)))
        fl |= NUMFLAG_TIME;
    if (((next & C_TIME_UNIT) && !day_named(t, k)) || (f->definite && (prev & C_TIME_UNIT)))
        fl |= NUMFLAG_DURATION;
    if (f->definite)
        fl |= NUMFLAG_DEFINITE;
    if (nb->has_value &&
        (nb->value != floor(nb->value) || (nb->has_max && nb->value_max != floor(nb->value_max))))
        fl |= NUMFLAG_DECIMAL;
    if (t->tok[v].kind == TOK_NUMBER && f->kind != F_COMPOSITE && in_name(r, v))
        fl |= NUMFLAG_IN_NAME;
    nb->flags |= fl;
}

size_t numbers_find_ex(const text *t, const lexicon *qualifiers, const lexicon *name_words,
                       number *out, size_t max)
{
    if (!t)
        return 0;
    reader r = {t, qualifiers, name_words};
    size_t count = 0, floor_tok = 0;
    for (size_t i = 0; i < t->n_tok;) {
        found f;
        size_t skip;
        if (!read_at(&r, i, &f, &skip)) {
            i += skip;
            continue;
        }
        if (qualifiers && (f.kind == F_VALUE || f.kind == F_DUAL)) {
            attach_before(&r, &f, floor_tok);
            if (f.nb.qual == QUAL_EXACT)
                attach_after(&r, &f);
        }
        add_flags(&r, &f);
        if (out && count < max)
            out[count] = f.nb;
        count++;
        i = f.nb.tok_end > i ? f.nb.tok_end : i + 1;
        floor_tok = i;
    }
    return count;
}

size_t numbers_find(const text *t, const lexicon *qualifiers, number *out, size_t max)
{
    return numbers_find_ex(t, qualifiers, NULL, out, max);
}

/* ---- whole-string parse ---- */

/* Decimal digits after the point that `v` (an integer) stands for, as
 * written in token j when it is a digit run (so "05" keeps its zero). */
static double as_fraction(const text *t, const rval *y)
{
    double scale = 1;
    if (y->digits && y->end == y->first + 1) {
        for (const char *p = t->tok[y->first].norm; *p; p++)
            scale *= 10;
    } else {
        for (double v = y->value; v >= 1; v /= 10)
            scale *= 10;
    }
    return y->value / scale;
}

static bool integral(double v)
{
    return v == floor(v);
}

bool numbers_parse(const char *utf8, size_t len, double *value)
{
    text t;
    if (!utf8 || text_init(&t, utf8, len) != 0)
        return false;
    bool ok = false;
    size_t n = t.n_tok, i = 0;
    double sign = 1, v = 0;
    rval x, y;
    if (n > 1 && (punct_is(&t, 0, "-") || punct_is(&t, 0, "\u2212"))) {
        sign = -1;
        i = 1;
    }
    if (i + 2 == n && punct_is(&t, i, ".") && t.tok[i + 1].kind == TOK_NUMBER &&
        glued(&t, i, i + 1) &&
        strspn(t.tok[i + 1].norm, "0123456789") == strlen(t.tok[i + 1].norm)) {
        /* .77 */
        x.value = 0;
        y.first = i + 1;
        y.end = i + 2;
        y.digits = true;
        y.value = lead_int(t.tok[i + 1].norm);
        v = as_fraction(&t, &y);
        ok = true;
        goto out;
    }
    if (i >= n || !read_value(&t, i, M_FIRST, &x))
        goto out;
    v = x.value;
    if (x.end == n) {
        ok = true;
    } else if (punct_is(&t, x.end, "/") && x.digits && !x.words &&
               read_value(&t, x.end + 1, M_PLAIN, &y) && y.end == n && y.digits && !y.words &&
               y.value != 0 && integral(x.value) && integral(y.value)) {
        v = x.value / y.value; /* ١١/١٠ */
        ok = true;
    } else if (grammar_is(&t, x.end, C_DECIMAL_POINT) && read_value(&t, x.end + 1, M_PLAIN, &y) &&
               y.end == n && integral(x.value) && integral(y.value)) {
        v = x.value + as_fraction(&t, &y); /* واحد فاصلة واحد */
        ok = true;
    }
out:
    if (ok)
        *value = sign * v;
    text_free(&t);
    return ok;
}
