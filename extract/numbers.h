/* numbers.h — the number reader: every numeric expression of a text, with its
 * value, its qualifier and its code-point span.
 *
 * Reads digits (ASCII, Arabic-Indic ٠-٩ and Eastern ۰-۹, separators , ٬ and
 * decimal . ٫), number words (units to millions, compounds with و, all case
 * and gender forms, with or without hamza and harakat, with attached
 * proclitics), digit-word mixes (10 آلاف), ranges (بين 15 و20, 15-20),
 * qualifier phrases (أكثر من, على الأقل, نحو, ...) and vague amounts
 * (عشرات, مئات, آلاف, عدد من, بضعة, العديد من).
 *
 * It flags, but still reports, numbers that are not counts: ordinals, years,
 * dates, times, durations, definite number words (الثلاثة) and digits in
 * names (مشروع 1070); the figure stage drops them. Dual nouns
 * (دبابتين) are left to the figure stage, which knows the counted nouns.
 *
 * Pure: no I/O. Qualifier phrases come from a lexicon given by the caller.
 */
#ifndef MARSAD_NUMBERS_H
#define MARSAD_NUMBERS_H

#include "lexicon.h"
#include "text.h"

typedef enum qualifier {
    QUAL_EXACT,
    QUAL_MORE_THAN,
    QUAL_AT_LEAST,
    QUAL_ABOUT,
    QUAL_UP_TO,
    QUAL_LESS_THAN,
    QUAL_RANGE,
    QUAL_TENS,      /* عشرات: value unknown */
    QUAL_HUNDREDS,  /* مئات */
    QUAL_THOUSANDS, /* آلاف */
    QUAL_SOME,      /* عدد من, بضعة, العديد من */
    QUAL__COUNT
} qualifier;

/* The API name of a qualifier ("exact", "more_than", ...). */
const char *qualifier_name(qualifier q);
/* Parse an API name; returns false when unknown. */
bool qualifier_parse(const char *name, qualifier *out);

typedef enum number_form {
    NUMFORM_DIGITS, /* 80, ٨٠, 1,500 */
    NUMFORM_WORDS,  /* ثمانين, ألف وخمسمئة */
    NUMFORM_MIXED,  /* 10 آلاف, 2 مليون */
    NUMFORM_VAGUE,  /* عشرات, عدد من */
} number_form;

/* Why a number is not a count. */
enum {
    NUMFLAG_ORDINAL = 1u << 0,  /* الأولى, الثالث, أول */
    NUMFLAG_YEAR = 1u << 1,     /* 2016, عام 2016 */
    NUMFLAG_DATE = 1u << 2,     /* 7 آب, 2016/8/7 */
    NUMFLAG_TIME = 1u << 3,     /* الساعة 5 */
    NUMFLAG_DURATION = 1u << 4, /* ثلاثة أسابيع, خلال يومين */
    NUMFLAG_DECIMAL = 1u << 5,  /* has a fractional part */
    NUMFLAG_IN_NAME = 1u << 6,  /* a digit run glued into a name (مشروع 1070,
                                 * اللواء 47, F16, T-72) */
    NUMFLAG_DEFINITE = 1u << 7, /* a number word with the article (الأيام الثلاثة,
                                 * القتلى الخمسة): it refers back to a set already
                                 * counted, or names a day (الاثنين); a vague
                                 * amount with it (العشرات) is a noun phrase of
                                 * its own */
};

typedef struct number {
    span sp;          /* the whole expression, qualifier phrase included */
    span value_sp;    /* the number itself (first to last number word or digit) */
    size_t tok_first; /* tokens of sp: [tok_first, tok_end) */
    size_t tok_end;
    double value;     /* meaningful when has_value */
    double value_max; /* meaningful when has_max (ranges) */
    bool has_value;
    bool has_max;
    qualifier qual;
    number_form form;
    unsigned flags; /* NUMFLAG_* */
} number;

/* Find the numbers of t, in text order, writing at most max into out.
 * `qualifiers` is the qualifier lexicon (data/lexicon/qualifiers.tsv; field 1
 * is the qualifier name, field 2 "before", "after" or "both": where the
 * phrase stands relative to the number); it may be NULL, then no qualifier
 * phrases are read. Returns how many were found (it may exceed max; only max
 * were written). Same as numbers_find_ex(t, qualifiers, NULL, out, max). */
size_t numbers_find(const text *t, const lexicon *qualifiers, number *out, size_t max);

/* numbers_find, also flagging NUMFLAG_IN_NAME for digits right after a phrase
 * of `name_words` (data/lexicon/name_numbers.tsv: مشروع, شارع, اللواء...; may
 * be NULL). Digits glued to a Latin word (F16, T-72) are flagged either way. */
size_t numbers_find_ex(const text *t, const lexicon *qualifiers, const lexicon *name_words,
                       number *out, size_t max);

/* Read a single expression such as "ثلاثمئة وخمسون" or "١٬٥٠٠" in full.
 * Returns true and sets *value when the whole string is one number. Besides
 * what numbers_find reads it accepts a leading minus sign (-1200), a leading
 * decimal point (.77, ٫٧٧), a fraction of two digit runs (١١/١٠) and
 * فاصلة as a spoken decimal point (واحد فاصلة واحد); it does not accept
 * ranges, vague amounts, ordinals or dates. */
bool numbers_parse(const char *utf8, size_t len, double *value);

#endif
