/* schema.h — the named, typed columns of every data file of data/, and the
 * check of a parsed file against them.
 *
 * One table (schema.c) says, for each file, what each column is called and
 * what it may hold: phrases, free text, an id, one value of a closed set
 * (an enum), several joined by '+', a number in a range or an integer. The
 * model checks every file it loads against it, and tools/check_data runs the
 * same check over data/ before the files are embedded, so a typo fails
 * `make` with FILE:LINE and the reason rather than reading as a silent
 * default. A line with more fields than the file has columns names an
 * unknown column; a required column left empty is an error.
 */
#ifndef MARSAD_SCHEMA_H
#define MARSAD_SCHEMA_H

#include "extract/lexicon.h"

typedef enum column_type {
    COL_PHRASES,  /* phrases separated by '|' (the lexicon parser checks each) */
    COL_TEXT,     /* any text without a TAB */
    COL_WORD,     /* one word as text_normalize writes it (no hamza seat, ة, ى) */
    COL_ID,       /* a lowercase ASCII slug: a-z, 0-9, '-' */
    COL_ENUM,     /* one of `values` */
    COL_ENUM_SET, /* one or more of `values` joined by '+' */
    COL_NUMBER,   /* a decimal number in [min, max] */
    COL_INT,      /* an integer in [min, max] */
} column_type;

typedef struct column_spec {
    const char *name;
    column_type type;
    const char *const *values; /* COL_ENUM, COL_ENUM_SET: NULL-terminated */
    bool optional;             /* may be "-" or, at the end of a line, left out */
    double min, max;           /* COL_NUMBER, COL_INT */
} column_spec;

typedef struct file_schema {
    const char *file; /* path below data/: "lexicon/triggers.tsv" */
    const column_spec *columns;
    size_t n_columns;
} file_schema;

/* The sets of function_words.tsv, in the order of schema_word_sets (its
 * `set` column): the model keeps each set's words, rules ask by set. */
typedef enum word_set {
    FW_COMPLEMENTIZER,
    FW_PERSON_TITLE,
    FW_NAME_LINK,
    FW_APPOSITIVE_HEAD,
    FW_BELONG,
    FW_BEFORE_VERB,
    FW_CITING,
    FW_SIGNATURE,
    FW_OUTLET_NOUN,
    FW_DESK,
    FW_BACKGROUND_OPENER,
    FW_RELATIVE_PRONOUN,
    FW_CONTRAST,
    FW_KUNYA,
    FW_NAME_BEFORE_PLACE,
    FW_NAME_AFTER_PLACE,
    FW_COMPOUND_OPENER,
    FW_COMPOUND_CLOSER,
    FW_AFFILIATED,
    FW_CLAUSE_OPENER,
    FW_TOPIC_OPENER,
    FW_CONFLICT_NOUN,
    FW_OWNER_LINK,
    FW_ISSUED,
    FW_AGREEMENT_TERMS,
    FW_POINT_IN_PERIOD,
    FW_PERIOD_NOUN,
    FW_PAST_MARKER,
    FW_AUDIENCE,
    FW_REGION_NOUN,
    FW_RESPONSIBLE_FOR,
    FW_ELABORATING,
    FW_BOX_HEADING,
    FW_CLAIMS_ATTACK,
    FW_CUMULATIVE,
    FW_FIRE_ORIGIN,
    FW__COUNT
} word_set;
extern const char *const schema_word_sets[FW__COUNT + 1]; /* NULL-terminated */

/* The windows of windows.tsv, in the order of schema_windows (its `window`
 * column): how far a rule looks, in words, lines or sentences. */
typedef enum window_name {
    WIN_SPEAKER_PHRASE_WORDS,
    WIN_PERSON_NAME_WORDS,
    WIN_PARTY_ANAPHOR_SENTENCES,
    WIN_DATELINE_LINES,
    WIN_DATELINE_MAX_TOKENS,
    WIN_DATELINE_PAREN_AT,
    WIN_RELEASE_SUBJECT_AT,
    WIN_TRIGGER_BACK_WORDS,
    WIN_TRIGGER_AFTER_WORDS,
    WIN_ASIDE_WORDS,
    WIN_COUNT_SUBJECT_WORDS,
    WIN_UPDATE_REACH_WORDS,
    WIN_TITLE_MAX_WORDS,
    WIN__COUNT
} window_name;
extern const char *const schema_windows[WIN__COUNT + 1]; /* NULL-terminated */

/* The schema of the file named `file` (path below data/), or NULL. */
const file_schema *schema_find(const char *file);

/* Column `name` of fs: its index, or SIZE_MAX when fs has no such column. */
size_t schema_column(const file_schema *fs, const char *name);

/* Checks every entry of lx against fs. Returns 0, or -1 with
 * "data/FILE:LINE: column NAME: reason" in err (size errsz); only the first
 * error is reported. */
int schema_check(const file_schema *fs, const lexicon *lx, char *err, size_t errsz);

/* The schemas of every data file, for the checker and the tests. */
extern const file_schema schema_files[];
extern const size_t schema_files_count;

#endif
