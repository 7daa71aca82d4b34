/* schema.c — the columns of every data file (names, types, closed sets of
 * values) and the check of a parsed file against them (see schema.h).
 *
 * The closed sets are the values the C rules react to: a value outside one
 * would otherwise fall through to a default without a word. Columns that
 * are free text for review (an English gloss, the kind of a name) stay
 * COL_TEXT. Cross-column and cross-file rules (a speaker form's kind, a
 * party anaphor's one-word head, a gazetteer parent) stay with the model
 * code that builds on them.
 *
 * Left out: uniqueness of ids and names (tests/data/check_data.py checks
 * those for the gazetteer and the source list).
 */
#include "extract/schema.h"
#include "extract/place_kinds.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(cols) (sizeof cols / sizeof cols[0])

/* ---- closed sets ---- */

static const char *const trigger_types[] = {"killed",    "injured",   "casualties", "suffocated",
                                            "captured",  "displaced", "evacuated",  "trapped",
                                            "destroyed", "seized",    "fired",      "airstrikes",
                                            "losses",    "falls",     "count",      NULL};
static const char *const positions[] = {"before", "after", "both", NULL};
/* a trigger may also stand only right before the number: an intransitive
 * verb whose one argument is what it counts ("غرق 40 مهاجرا", but "غرق قارب
 * يقل 80 مهاجرا" says what befell the boat) */
static const char *const trigger_positions[] = {"before", "after", "both", "adjacent", NULL};
static const char *const categories[] = {"combatants", "civilians", "people", "materiel",
                                         "munitions",  "other",     "=",      NULL};
static const char *const sides[] = {"government", "opposition", NULL};
static const char *const link_roles[] = {
    "breakdown", "update",     "clause",     "of",           "ranks",   "after_noun", "persons",
    "toll_link", "toll_head",  "death_toll", "unit_head",    "percent", "every",      "unit",
    "moved",     "abroad",     "means",      "population",   "because", "out_of",     "addition",
    "may_reach", "agent",      "only",       "circumstance", "earlier", "aside",      "former",
    "extent",    "distribute", NULL};
static const char *const stances[] = {"claimed", "denied", NULL};
static const char *const attribution_kinds[] = {"verb", "prep", "carry", "report", NULL};
static const char *const causes[] = {
    "airstrike", "shelling",       "barrel_bomb", "chemical", "sniper", "car_bomb",
    "ied",       "suicide_attack", "landmine",    "clashes",  "drone",  "missile",
    "execution", "torture",        "drowning",    "bombing",  NULL};
static const char *const cause_ranks[] = {"generic", NULL};
static const char *const date_kinds[] = {
    "month",       "weekday",       "lead",         "day",        "days",
    "week",        "month_to_date", "year_to_date", "last_month", "since",
    "ordinal_one", "year",          "part",         "hijri_mark", NULL};
static const char *const number_kinds[] = {
    "none",      "zero",    "unit",     "teen_unit", "tens",        "hundred",
    "hundreds",  "mult",    "mult_acc", "mult_dual", "mult_plural", "vague",
    "vague_min", "ordinal", "ord_teen", "time_dual", "fraction",    NULL};
static const char *const number_quals[] = {"some", "tens", "hundreds", "thousands", NULL};
static const char *const number_contexts[] = {
    "time_unit",   "year_before",   "clock",        "month",      "month_head",
    "month_tail",  "daypart",       "not_number",   "hamza_only", "and",
    "teen_closer", "between",       "between_lead", "from",       "to",
    "or",          "decimal_point", "large",        "day_name",   NULL};
static const char *const anaphor_names[] = {"construct", "definite", "both", NULL};
static const char *const party_kinds[] = {"outlet",     "agency", "armed_group", "military",
                                          "government", "un",     "ngo",         "civil_defence",
                                          "activists",  "role",   NULL};
static const char *const place_contexts[] = {"site", "street",   "names",      "name", "part",
                                             "not",  "facility", "allegiance", NULL};
static const char *const qualifiers[] = {"more_than", "at_least",  "about",
                                         "up_to",     "less_than", NULL};
static const char *const speaker_forms[] = {"party",  "role", "title", "given",
                                            "medium", "stop", "time",  NULL};
static const char *const speaker_kinds[] = {"anonymous", "role", "activists", NULL};
static const char *const yes_no[] = {"yes", "no", NULL};
static const char *const source_kinds[] = {"outlet",     "agency", "armed_group", "military",
                                           "government", "ngo",    "un",          "civil_defence",
                                           "activists",  "person", NULL};
static const char *const affiliations[] = {"government", "opposition", "independent", "unknown",
                                           NULL};
/* the gazetteer's kinds and those an unresolved place takes (place_kinds.h) */
static const char *const place_kinds[] = {PLACE_KINDS, NULL};
static const char *const precisions[] = {"exact", "approx", NULL};
static const char *const name_flags[] = {"ambiguous", "owner", NULL};
static const char *const bloc_kinds[] = {"conflict", "bloc", NULL};
static const char *const bloc_sides[] = {"government", "opposition", "unknown", NULL};
const char *const schema_windows[WIN__COUNT + 1] = {
    [WIN_SPEAKER_PHRASE_WORDS] = "speaker_phrase_words",
    [WIN_PERSON_NAME_WORDS] = "person_name_words",
    [WIN_PARTY_ANAPHOR_SENTENCES] = "party_anaphor_sentences",
    [WIN_DATELINE_LINES] = "dateline_lines",
    [WIN_DATELINE_MAX_TOKENS] = "dateline_max_tokens",
    [WIN_DATELINE_PAREN_AT] = "dateline_paren_at",
    [WIN_RELEASE_SUBJECT_AT] = "release_subject_at",
    [WIN_TRIGGER_BACK_WORDS] = "trigger_back_words",
    [WIN_TRIGGER_AFTER_WORDS] = "trigger_after_words",
    [WIN_ASIDE_WORDS] = "aside_words",
    [WIN_COUNT_SUBJECT_WORDS] = "count_subject_words",
    [WIN_UPDATE_REACH_WORDS] = "update_reach_words",
    [WIN_TITLE_MAX_WORDS] = "title_max_words",
    [WIN__COUNT] = NULL,
};
const char *const schema_word_sets[FW__COUNT + 1] = {
    [FW_COMPLEMENTIZER] = "complementizer",
    [FW_PERSON_TITLE] = "person_title",
    [FW_NAME_LINK] = "name_link",
    [FW_APPOSITIVE_HEAD] = "appositive_head",
    [FW_BELONG] = "belong",
    [FW_BEFORE_VERB] = "before_verb",
    [FW_CITING] = "citing",
    [FW_SIGNATURE] = "signature",
    [FW_OUTLET_NOUN] = "outlet_noun",
    [FW_DESK] = "desk",
    [FW_BACKGROUND_OPENER] = "background_opener",
    [FW_RELATIVE_PRONOUN] = "relative_pronoun",
    [FW_CONTRAST] = "contrast",
    [FW_KUNYA] = "kunya",
    [FW_NAME_BEFORE_PLACE] = "name_before_place",
    [FW_NAME_AFTER_PLACE] = "name_after_place",
    [FW_COMPOUND_OPENER] = "compound_opener",
    [FW_COMPOUND_CLOSER] = "compound_closer",
    [FW_AFFILIATED] = "affiliated",
    [FW_CLAUSE_OPENER] = "clause_opener",
    [FW_TOPIC_OPENER] = "topic_opener",
    [FW_CONFLICT_NOUN] = "conflict_noun",
    [FW_OWNER_LINK] = "owner_link",
    [FW_ISSUED] = "issued",
    [FW_AGREEMENT_TERMS] = "agreement_terms",
    [FW_POINT_IN_PERIOD] = "point_in_period",
    [FW_PERIOD_NOUN] = "period_noun",
    [FW_PAST_MARKER] = "past_marker",
    [FW_AUDIENCE] = "audience",
    [FW_REGION_NOUN] = "region_noun",
    [FW_RESPONSIBLE_FOR] = "responsible_for",
    [FW_ELABORATING] = "elaborating",
    [FW_BOX_HEADING] = "box_heading",
    [FW_CLAIMS_ATTACK] = "claims_attack",
    [FW_CUMULATIVE] = "cumulative",
    [FW_FIRE_ORIGIN] = "fire_origin",
    [FW__COUNT] = NULL,
};

/* ---- the files ---- */

#define PHRASES                                   \
    {                                             \
        "phrases", COL_PHRASES, NULL, false, 0, 0 \
    }
#define ENUM(name, set)                  \
    {                                    \
        name, COL_ENUM, set, false, 0, 0 \
    }
#define ENUM_OPT(name, set)             \
    {                                   \
        name, COL_ENUM, set, true, 0, 0 \
    }
#define TEXT(name)                        \
    {                                     \
        name, COL_TEXT, NULL, false, 0, 0 \
    }
#define TEXT_OPT(name)                   \
    {                                    \
        name, COL_TEXT, NULL, true, 0, 0 \
    }

static const column_spec attribution[] = {PHRASES, ENUM("stance", stances),
                                          ENUM("kind", attribution_kinds)};
static const column_spec causes_cols[] = {PHRASES, ENUM("cause", causes),
                                          ENUM_OPT("rank", cause_ranks)};
/* value: a day of the month, an offset of days back, or the days of a span
 * up to publication, which a count of months makes a season long (الأشهر
 * الستة الماضية: 183) */
static const column_spec dates[] = {
    PHRASES, ENUM("kind", date_kinds), {"value", COL_INT, NULL, true, -31, 366}};
static const column_spec function_words[] = {{"words", COL_PHRASES, NULL, false, 0, 0},
                                             ENUM("set", schema_word_sets)};
static const column_spec windows[] = {ENUM("window", schema_windows),
                                      {"size", COL_INT, NULL, false, 1, 1000}};
static const column_spec figure_links[] = {PHRASES, ENUM("role", link_roles)};
static const column_spec name_numbers[] = {PHRASES, TEXT("kind")};
static const column_spec nouns[] = {PHRASES,
                                    TEXT("object"),
                                    ENUM("category", categories),
                                    ENUM_OPT("itype", trigger_types),
                                    ENUM_OPT("dtype", trigger_types),
                                    ENUM_OPT("side", sides),
                                    {"duals", COL_PHRASES, NULL, true, 0, 0}};
static const column_spec number_words[] = {{"word", COL_WORD, NULL, false, 0, 0},
                                           ENUM("kind", number_kinds),
                                           ENUM_OPT("qualifier", number_quals),
                                           {"context", COL_ENUM_SET, number_contexts, true, 0, 0},
                                           {"value", COL_NUMBER, NULL, false, 0, 1e15}};
static const column_spec party_anaphors[] = {PHRASES, TEXT("head"), ENUM("names", anaphor_names),
                                             TEXT_OPT("kinds"), TEXT_OPT("not_after")};
static const column_spec place_context[] = {PHRASES, ENUM_OPT("follows", place_contexts),
                                            ENUM_OPT("kind", place_kinds)};
static const column_spec qualifiers_cols[] = {PHRASES, ENUM("qualifier", qualifiers),
                                              ENUM("position", positions)};
static const column_spec speaker_forms_cols[] = {PHRASES, ENUM("form", speaker_forms),
                                                 ENUM_OPT("kind", party_kinds)};
static const column_spec speakers[] = {PHRASES, ENUM("kind", speaker_kinds), TEXT("role"),
                                       ENUM("anaphor", yes_no)};
static const column_spec triggers[] = {PHRASES, ENUM("type", trigger_types),
                                       ENUM("position", trigger_positions)};
static const column_spec sources[] = {{"names", COL_PHRASES, NULL, false, 0, 0},
                                      {"id", COL_ID, NULL, false, 0, 0},
                                      ENUM("kind", source_kinds),
                                      ENUM("affiliation", affiliations),
                                      {"parent", COL_ID, NULL, true, 0, 0},
                                      TEXT_OPT("name_en"),
                                      ENUM_OPT("flags", name_flags),
                                      /* a blocs.tsv id or independent: checked by the model */
                                      TEXT("bloc"),
                                      /* some of names: checked by the model */
                                      {"local", COL_PHRASES, NULL, true, 0, 0}};
/* ids with a dot (sy.government) and lists of ids: checked by the model */
static const column_spec blocs[] = {PHRASES,
                                    TEXT("id"),
                                    ENUM("kind", bloc_kinds),
                                    TEXT_OPT("conflict"),
                                    TEXT("name_en"),
                                    ENUM_OPT("side", bloc_sides),
                                    TEXT_OPT("whole"),
                                    TEXT_OPT("countries"),
                                    TEXT_OPT("elsewhere")};
static const column_spec gazetteer[] = {{"names", COL_PHRASES, NULL, false, 0, 0},
                                        {"id", COL_ID, NULL, false, 0, 0},
                                        ENUM("kind", place_kinds),
                                        {"parent", COL_ID, NULL, true, 0, 0},
                                        {"lat", COL_NUMBER, NULL, false, -90, 90},
                                        {"lon", COL_NUMBER, NULL, false, -180, 180},
                                        ENUM("precision", precisions),
                                        TEXT_OPT("name_en"),
                                        ENUM_OPT("flags", name_flags)};

const file_schema schema_files[] = {
    {"blocs.tsv", blocs, N(blocs)},
    {"gazetteer.tsv", gazetteer, N(gazetteer)},
    {"sources.tsv", sources, N(sources)},
    {"lexicon/attribution.tsv", attribution, N(attribution)},
    {"lexicon/causes.tsv", causes_cols, N(causes_cols)},
    {"lexicon/dates.tsv", dates, N(dates)},
    {"lexicon/figure_links.tsv", figure_links, N(figure_links)},
    {"lexicon/function_words.tsv", function_words, N(function_words)},
    {"lexicon/name_numbers.tsv", name_numbers, N(name_numbers)},
    {"lexicon/nouns.tsv", nouns, N(nouns)},
    {"lexicon/number_words.tsv", number_words, N(number_words)},
    {"lexicon/party_anaphors.tsv", party_anaphors, N(party_anaphors)},
    {"lexicon/place_context.tsv", place_context, N(place_context)},
    {"lexicon/qualifiers.tsv", qualifiers_cols, N(qualifiers_cols)},
    {"lexicon/speaker_forms.tsv", speaker_forms_cols, N(speaker_forms_cols)},
    {"lexicon/speakers.tsv", speakers, N(speakers)},
    {"lexicon/triggers.tsv", triggers, N(triggers)},
    {"lexicon/windows.tsv", windows, N(windows)},
};
const size_t schema_files_count = N(schema_files);

const file_schema *schema_find(const char *file)
{
    for (size_t i = 0; i < schema_files_count; i++)
        if (strcmp(schema_files[i].file, file) == 0)
            return &schema_files[i];
    return NULL;
}

size_t schema_column(const file_schema *fs, const char *name)
{
    for (size_t c = 0; c < fs->n_columns; c++)
        if (strcmp(fs->columns[c].name, name) == 0)
            return c;
    return SIZE_MAX;
}

static bool in_set(const char *const *set, const char *v, size_t len)
{
    for (; *set; set++)
        if (strlen(*set) == len && memcmp(*set, v, len) == 0)
            return true;
    return false;
}

/* The allowed values of a set, for the message: "a, b, c". */
static void list_set(const char *const *set, char *out, size_t outsz)
{
    size_t used = 0;
    out[0] = '\0';
    for (; *set && used < outsz; set++)
        used += (size_t)snprintf(out + used, outsz - used, "%s%s", used ? ", " : "", *set);
}

/* Is v a plain decimal ("-12", "36.202"; no exponent, no '+', a fraction
 * only when !integer)? *x gets its value, near enough for a range check.
 * Written out rather than strtod: the gazetteer has thousands of
 * coordinates, and strtod's exact rounding made the check cost as much as
 * the parse the model does after it. */
static bool plain_decimal(const char *v, bool integer, double *x)
{
    const char *p = v + (*v == '-');
    double whole = 0, scale = 1, frac = 0;
    size_t digits = 0;
    for (; *p >= '0' && *p <= '9' && digits < 18; p++, digits++)
        whole = whole * 10 + (*p - '0');
    if (digits == 0)
        return false;
    if (*p == '.' && !integer) {
        size_t fd = 0;
        for (p++; *p >= '0' && *p <= '9' && fd < 18; p++, fd++)
            frac += (*p - '0') * (scale /= 10);
        if (fd == 0)
            return false;
    }
    if (*p)
        return false;
    *x = (*v == '-' ? -1 : 1) * (whole + frac);
    return true;
}

/* Why value v cannot stand in column c, or NULL. `why` holds room for a
 * message built here. */
static const char *check_value(const column_spec *c, const char *v, char *why, size_t whysz)
{
    char set[512];
    switch (c->type) {
    case COL_PHRASES:
    case COL_TEXT: return NULL; /* the lexicon parser has checked the phrases and the UTF-8 */
    case COL_WORD: {
        char norm[256];
        size_t n = text_normalize(v, strlen(v), norm, sizeof norm);
        if (n != strlen(v) || strcmp(norm, v) != 0 || strchr(v, ' '))
            return "not one word in normalised form (as text_normalize writes it)";
        return NULL;
    }
    case COL_ID:
        for (const char *p = v; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
                return "not an id (lowercase ASCII letters, digits and '-')";
        return NULL;
    case COL_ENUM:
        if (in_set(c->values, v, strlen(v)))
            return NULL;
        list_set(c->values, set, sizeof set);
        snprintf(why, whysz, "\"%s\" is not one of %s", v, set);
        return why;
    case COL_ENUM_SET:
        for (const char *p = v;;) {
            const char *plus = strchr(p, '+');
            size_t len = plus ? (size_t)(plus - p) : strlen(p);
            if (!in_set(c->values, p, len)) {
                list_set(c->values, set, sizeof set);
                snprintf(why, whysz, "\"%.*s\" is not one of %s", (int)len, p, set);
                return why;
            }
            if (!plus)
                return NULL;
            p = plus + 1;
        }
    case COL_NUMBER:
    case COL_INT: {
        double x;
        if (!plain_decimal(v, c->type == COL_INT, &x) || x < c->min || x > c->max) {
            snprintf(why, whysz, "\"%s\" is not %s from %g to %g", v,
                     c->type == COL_INT ? "an integer" : "a number", c->min, c->max);
            return why;
        }
        return NULL;
    }
    }
    return "unknown column type";
}

int schema_check(const file_schema *fs, const lexicon *lx, char *err, size_t errsz)
{
    char why[768];
    for (size_t i = 0; i < lexicon_size(lx); i++) {
        const lexicon_entry *e = lexicon_entry_at(lx, i);
        if (e->n_fields > fs->n_columns) {
            char names[512];
            size_t used = 0;
            names[0] = '\0';
            for (size_t c = 0; c < fs->n_columns && used < sizeof names; c++)
                used += (size_t)snprintf(names + used, sizeof names - used, "%s%s", c ? ", " : "",
                                         fs->columns[c].name);
            snprintf(err, errsz,
                     "data/%s:%zu: field %zu is an unknown column (the file has %zu: %s)", fs->file,
                     e->line, fs->n_columns + 1, fs->n_columns, names);
            return -1;
        }
        /* Field 0 holds phrases in most files; where it is a word or a name
         * of a closed set, it is checked as written. */
        if (fs->columns[0].type != COL_PHRASES) {
            const char *bad = check_value(&fs->columns[0], e->fields[0], why, sizeof why);
            if (bad) {
                snprintf(err, errsz, "data/%s:%zu: column %s: %s", fs->file, e->line,
                         fs->columns[0].name, bad);
                return -1;
            }
        }
        for (size_t c = 1; c < fs->n_columns; c++) {
            const column_spec *col = &fs->columns[c]; /* field 0 is checked above */
            const char *v = c < e->n_fields ? e->fields[c] : NULL;
            const char *bad = NULL;
            if (!v || !*v || strcmp(v, "-") == 0)
                bad = col->optional ? NULL : "is missing (required)";
            else
                bad = check_value(col, v, why, sizeof why);
            if (bad) {
                snprintf(err, errsz, "data/%s:%zu: column %s: %s", fs->file, e->line, col->name,
                         bad);
                return -1;
            }
        }
    }
    return 0;
}
