/* model.h — inside the extractor: the parsed data every stage reads.
 * Private to extract/ (the public face is extract.h).
 */
#ifndef MARSAD_MODEL_H
#define MARSAD_MODEL_H

#include "extract/blobs.h"
#include "extract/extract.h"
#include "extract/lexicon.h"
#include "extract/schema.h"

/* A head noun of party_anaphors.tsv and the known parties it may refer back
 * to by their names. */
typedef struct party_head {
    char head[TOKEN_NORM_MAX]; /* normalised, without the article: حزب */
    size_t *sources;           /* model sources with a name of the form the entry allows */
    size_t n_sources;
    char *not_after; /* normalised words separated by '|'; "" for none */
} party_head;

/* A bloc of blocs.tsv: the strings are the lexicon's. */
typedef struct model_bloc {
    const char *id, *conflict, *side; /* side "" for none (the blocs of other wars) */
    const char *whole;                /* source ids separated by '|'; "" for none */
    const char *elsewhere;            /* its blocs in other conflicts, ids separated by '|'; "" */
    size_t line;                      /* in blocs.tsv, for errors */
} model_bloc;

/* A conflict of blocs.tsv. */
typedef struct model_conflict {
    const char *id;
    const char *countries; /* gazetteer ids separated by '|' */
} model_conflict;

struct extract_model {
    lexicon *
        gazetteer; /* gazetteer.tsv: names, id, kind, parent, lat, lon, precision, name_en, flags */
    lexicon
        *source_list; /* sources.tsv: names, id, kind, affiliation, parent, name_en, flags, bloc */
    lexicon *qualifiers; /* lexicon/qualifiers.tsv */
    lexicon
        *name_numbers;    /* lexicon/name_numbers.tsv: words a number may be part of a name after */
    lexicon *triggers;    /* lexicon/triggers.tsv */
    lexicon *nouns;       /* lexicon/nouns.tsv */
    lexicon *duals;       /* the dual column of nouns.tsv, field 1 = noun entry index */
    lexicon *attribution; /* lexicon/attribution.tsv */
    lexicon *speakers;    /* lexicon/speakers.tsv */
    lexicon *speaker_forms; /* lexicon/speaker_forms.tsv: phrases, form, kind */
    lexicon *place_context; /* lexicon/place_context.tsv */
    lexicon
        *party_anaphors; /* lexicon/party_anaphors.tsv: phrases, head, names, kinds, not_after */
    lexicon *dates;      /* lexicon/dates.tsv: phrases, kind, value */
    lexicon *causes;     /* lexicon/causes.tsv: phrases, cause id */
    party_head *party_heads; /* parallel to party_anaphors' entries */
    extract_place *places;   /* parallel to the gazetteer's entries */
    size_t n_places;
    size_t *
        governorate_of; /* per place: the governorate it lies in (itself for one), or EXTRACT_NO_INDEX */
    size_t
        *country_of; /* per place: the country it lies in (itself for one), or EXTRACT_NO_INDEX */
    size_t *homonym_of; /* per place: the next place in a ring of places sharing a name with it,
                         * or EXTRACT_NO_INDEX (build_homonyms) */
    extract_source *sources; /* parallel to the source list's entries */
    size_t n_sources;
    char *duals_text;     /* the generated duals lexicon's source text */
    lexicon *local_names; /* sources.tsv column local, field 1 = source index */
    char *local_text;     /* its generated source text */
    uint64_t fingerprint;
    lexicon *figure_links;   /* lexicon/figure_links.tsv: words that tie one figure to another */
    lexicon *function_words; /* lexicon/function_words.tsv: words, set */
    const char **word_sets[FW__COUNT]; /* each set's normalised words, NULL-terminated */
    lexicon *window_list;              /* lexicon/windows.tsv: window, size */
    size_t windows[WIN__COUNT];        /* each window's size */
    const data_blob *blobs;            /* the data files it was built from (not owned) */
    size_t n_blobs;
    lexicon *bloc_list; /* blocs.tsv: names, id, kind, conflict, name_en, side, whole, countries,
                             * elsewhere */
    model_bloc *blocs;  /* the entries of kind bloc, in file order */
    size_t n_blocs;
    model_conflict *conflicts; /* the entries of kind conflict, in file order */
    size_t n_conflicts;
};

/* The model built from the data files `blobs` (n_blobs of them, named by
 * their path below data/) rather than those compiled in: the data checker
 * (tools/check_data) builds it from data/ before the files are embedded.
 * The blobs must outlive the model. NULL with FILE:LINE: reason in err on a
 * malformed file. */
extract_model *model_new_from(const data_blob *blobs, size_t n_blobs, char *err, size_t errsz);

/* Data file `name` (path below data/, e.g. "lexicon/triggers.tsv") parsed
 * from data[0..len) and checked against its schema (extract/schema.c).
 * NULL with "data/NAME:LINE: reason" in err when a line is malformed, a
 * value is outside its column's type or set, or the file has no schema. */
lexicon *model_load_file(const char *name, const char *data, size_t len, char *err, size_t errsz);

/* Does source s stand for its bloc as a whole (blocs.tsv column whole:
 * "قوات النظام" for the government camp)? */
bool model_source_is_bloc_whole(const extract_model *m, const extract_source *s);

/* Is `bloc` one of the blocs of `conflict` (not one of another war)? */
bool model_bloc_fights_in(const extract_model *m, const char *bloc, const char *conflict);

/* Is s a generic party of one war: a common noun of its reporting ("the
 * armed groups", "loyalist media") that sources.tsv binds to a bloc of that
 * war (a -generic id or "(generic)" in its English name)? */
bool model_source_is_war_generic(const extract_model *m, const extract_source *s);

/* Is the name written at tokens [first, end) of t a name of source `id`
 * that names no war (sources.tsv column local: "القوات الحكومية", not
 * "الجيش السوري"), so read as that party only in a report of its war? */
bool model_name_is_local(const extract_model *m, const text *t, size_t first, size_t end,
                         const char *id);

/* The conflict fought in the country whose gazetteer id is `country`, or
 * NULL (none, or country NULL). */
const char *model_conflict_in(const extract_model *m, const char *country);

/* The first bloc whose side is `side` (government, opposition) in
 * `conflict`, or NULL: the camp a counted noun's own side names there. */
const char *model_side_bloc(const extract_model *m, const char *conflict, const char *side);

/* The bloc that the people of bloc `bloc` count in within `conflict`: the
 * bloc itself, the one its `elsewhere` column names there, or NULL. */
const char *model_bloc_in(const extract_model *m, const char *bloc, const char *conflict);

/* Index of an entry of lx (entries are numbered in file order). */
size_t model_entry_index(const lexicon *lx, const lexicon_entry *e);

/* Field i of e, or "" when the line has fewer fields or the field is "-". */
const char *model_field(const lexicon_entry *e, size_t i);

#endif
