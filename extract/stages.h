/* stages.h — inside the extractor: the per-document state that the stages
 * (sources.c, places.c, figures.c) fill in turn, driven by extract.c.
 * Private to extract/.
 */
#ifndef MARSAD_STAGES_H
#define MARSAD_STAGES_H

#include "extract/model.h"

typedef struct mention_toks {
    size_t first, end; /* tokens covered */
} mention_toks;

typedef struct doc_state {
    const extract_model *m;
    extract_result *r;
    const text *t;
    /* sources.c */
    size_t cap_sources, cap_smentions;
    mention_toks *smention_toks; /* parallel to r->source_mentions */
    size_t *speaker; /* per token: index into r->sources credited with it, or EXTRACT_NO_INDEX */
    bool *denied;    /* per token: the speaker denies what is said there */
    bool *in_source; /* per token: inside a source mention */
    /* tokens [0, narrated_lead_end) were credited to no one before the
     * outlet narrated them: the lead, when an outlet narrates the text */
    size_t narrated_lead_end;
    size_t *model_to_result; /* model source index → r->sources index, or EXTRACT_NO_INDEX */
    /* places.c */
    size_t cap_places;
    mention_toks *place_toks; /* parallel to r->places */
    size_t cap_unresolved;
} doc_state;

/* Each returns 0, or -1 when memory runs out. */
int sources_find(doc_state *d);
int places_find(doc_state *d);
int places_find_unresolved(doc_state *d); /* after places_find */
int figures_find(doc_state *d);

/* Does a phrase of data/lexicon/place_context.tsv that introduces a place
 * (قرية، مدينة، ريف، شرق ...) end right before token i? */
bool places_after_context(const doc_state *d, size_t i);

/* Do tokens [first, end) follow في opening their sentence and stand before a
 * comma ("وفي حلب، ..."): a place fronted as the frame of the sentence's
 * news? */
bool places_fronted(const doc_state *d, size_t first, size_t end);

/* A generic party of one war (sources.tsv: "المسلحين" for the Syrian
 * opposition) named in a report of another war (`conflict`, the war the
 * document reports, by where its figures or else its places lie; NULL when
 * untold: nothing changes) names the armed men, activists or media of that
 * war, no party of the list. Merely named, it is dropped: who they are the
 * figure reads from its place, and such a phrase is no party of the text;
 * when it speaks, claims or has a speaker of its own, it stays, named as
 * the text writes it, of no bloc. 0, or -1 out of memory. */
int sources_bind_generics(doc_state *d, const char *conflict);
/* Merges source `from` of the document into source `to` (its mentions and
 * claims go with it) and renumbers what points into r->sources. 0, or -1
 * out of memory. */
int sources_merge_into(doc_state *d, size_t from, size_t to);

/* Append to a growable array of elem_size items with capacity *cap; NULL
 * when out of memory or past EXTRACT_MAX_ITEMS. */
void *stages_push(void **items, size_t *n, size_t *cap, size_t elem_size);

/* Is token i a word whose normalised form is one of the NULL-terminated list? */
bool stages_word_is(const text *t, size_t i, const char *const *words);

/* Is token i of d's text a word of `set` of data/lexicon/function_words.tsv? */
bool stages_word_in(const doc_state *d, size_t i, word_set set);

/* ... with the proclitics a noun takes (و ف ب ل ك, the article kept):
 * "لقناة" is قناة? */
bool stages_word_in_forms(const doc_state *d, size_t i, word_set set);

/* Is token a a bullet ("-", "•", "*") that may open a line of a list? */
bool stages_bulleted(const text *t, size_t a);

#endif
