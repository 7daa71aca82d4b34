/* lexicon.h — phrase tables read from marsad's reviewable data files, and
 * longest-match lookup of those phrases over a token stream.
 *
 * A lexicon file is UTF-8 text, one entry a line, fields separated by TAB.
 * Empty lines (or lines of only spaces and tabs) and lines starting with
 * '#' are ignored. Field 0 holds one or
 * more phrases separated by '|'; a phrase is one or more words separated by
 * spaces. The remaining fields are the entry's attributes, kept verbatim.
 * Phrases are stored normalised (text_normalize), so lookups fold harakat,
 * tatweel, hamza forms, ى/ي and ة/ه.
 *
 * Pure: the file's bytes come from the caller (compiled in at build time, or
 * read by a test); nothing here touches the file system.
 * Limits: LEXICON_MAX_LINE bytes per line, LEXICON_MAX_WORDS words per phrase.
 */
#ifndef MARSAD_LEXICON_H
#define MARSAD_LEXICON_H

#include "text.h"

#define LEXICON_MAX_LINE 4096
#define LEXICON_MAX_WORDS 8
#define LEXICON_MAX_FIELDS 12

typedef struct lexicon lexicon;

/* Which attached proclitics the first word of a phrase may carry. */
typedef enum proclitics {
    PROCLITICS_NONE, /* the word as written */
    PROCLITICS_ALL,  /* و ف, ب ل ك and the article: nouns, verbs, triggers */
    PROCLITICS_NAME, /* و ف, ب ل ك, لل as ل + ال: names keep their article */
} proclitics;

typedef struct lexicon_entry {
    const char *fields[LEXICON_MAX_FIELDS]; /* fields[0] is the first phrase as written */
    size_t n_fields;
    size_t line; /* 1-based line in the source file */
} lexicon_entry;

typedef struct lexicon_match {
    const lexicon_entry *entry;
    span sp;          /* code points covered, proclitics of the first word excluded */
    size_t tok_first; /* first and one-past-last token index covered */
    size_t tok_end;
    bool stripped; /* the first word matched only after removing a proclitic */
} lexicon_match;

/* Parse a lexicon file. Returns NULL on out-of-memory or on a malformed line
 * (a line over the limit, a phrase of more than LEXICON_MAX_WORDS words); in
 * that case, when err is not NULL, a message naming `name` and the line is
 * written to err (size errsz). The lexicon keeps its own copy of the data. */
lexicon *lexicon_new(const char *name, const char *data, size_t len, char *err, size_t errsz);
void lexicon_free(lexicon *lx);

size_t lexicon_size(const lexicon *lx);
const lexicon_entry *lexicon_entry_at(const lexicon *lx, size_t i);

/* Longest phrase of lx that starts at token i of t and spans consecutive
 * tokens of one sentence, each equal to the phrase's word (so a PUNCT token
 * ends a phrase unless the phrase has that very mark: "T-72"). The first
 * word may carry the proclitics `mode` allows (text_proclitic_forms); the
 * unstripped form is tried first, and the first form that starts any phrase
 * wins. Among phrases of equal length the earlier line wins. Returns true
 * and fills *m on a match. */
bool lexicon_match_at(const lexicon *lx, const text *t, size_t i, proclitics mode,
                      lexicon_match *m);

/* Phrase k of lx, normalised (words separated by one space), counting every
 * phrase of every entry in file order; *entry gets the index of its entry.
 * NULL when k is past the last phrase. Lets a caller look at all the names of
 * an entry, where fields[0] holds only the first. */
const char *lexicon_phrase_at(const lexicon *lx, size_t k, size_t *entry);

/* Exact lookup of one already-normalised phrase (words separated by one space). */
const lexicon_entry *lexicon_find(const lexicon *lx, const char *norm_phrase);

#endif
