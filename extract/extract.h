/* extract.h — the extractor: one Arabic document in, everything marsad reads
 * from it out (numbers, reported figures, place mentions, the parties that
 * speak and the outlet that publishes).
 *
 * The model holds the gazetteer, the source list and the lexicons, parsed
 * once from the data files compiled in from data/. It is immutable after
 * extract_model_new, so any number of threads may extract with one model.
 *
 * Pure: no I/O. Limits: TEXT_MAX_BYTES of input, EXTRACT_MAX_ITEMS of each
 * kind of result per document (more are dropped and counted in `truncated`).
 */
#ifndef MARSAD_EXTRACT_H
#define MARSAD_EXTRACT_H

#include "extract/numbers.h"
#include "extract/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EXTRACT_MAX_ITEMS 4096
#define EXTRACT_NO_INDEX ((size_t)-1)

typedef struct extract_model extract_model;

/* A gazetteer entry (data/gazetteer.tsv). */
typedef struct extract_place {
    const char *id, *name, *name_en, *kind, *parent_id; /* parent_id NULL for none */
    double lat, lon;
    bool approximate;
    bool ambiguous; /* also a common word: counts only in a place context */
} extract_place;

/* A known outlet or party (data/sources.tsv), or one found in a document. */
typedef struct extract_source {
    const char *id;          /* stable ASCII id */
    const char *name;        /* Arabic display name */
    const char *name_en;     /* NULL when unknown */
    const char *kind;        /* outlet, armed_group, military, ..., anonymous, person */
    const char *affiliation; /* government, opposition, independent, unknown */
    const char *parent_id;   /* the party a person or role speaks for; NULL for none */
    const char *bloc;        /* the bloc of its conflict it belongs to (data/blocs.tsv id),
                              * "independent" (monitors, UN, NGOs, media), or NULL when unknown */
} extract_source;

/* Parse the compiled-in data. NULL on failure, with a reason in err. */
extract_model *extract_model_new(char *err, size_t errsz);
void extract_model_free(extract_model *m);

/* A fingerprint of the rules and data the model was built from: it changes
 * whenever the extractor would read a document differently, so stored
 * extractions can be refreshed. */
uint64_t extract_model_fingerprint(const extract_model *m);

/* A conflict or a bloc of data/blocs.tsv, as the API describes it: strings
 * owned by the model. conflict is NULL for a conflict. */
typedef struct extract_camp {
    const char *id;       /* syria; sy.government */
    const char *conflict; /* a bloc's conflict id; NULL for a conflict */
    const char *name;     /* Arabic display name */
    const char *name_en;  /* English display name */
} extract_camp;

/* The entries of data/blocs.tsv in file order, each conflict before its
 * blocs: false when i is past the last. */
bool extract_model_camp(const extract_model *m, size_t i, extract_camp *out);

/* The known source whose id or one of whose names is name_or_id (names
 * compared after normalisation), or NULL. */
const extract_source *extract_model_find_source(const extract_model *m, const char *name_or_id);

/* The gazetteer and the source list, for the store to mirror. */
size_t extract_model_places(const extract_model *m, const extract_place **out);
size_t extract_model_sources(const extract_model *m, const extract_source **out);

typedef struct extract_place_mention {
    span sp;
    size_t place;     /* index into extract_model_places; EXTRACT_NO_INDEX in
                   * extract_result.unresolved_places */
    const char *kind; /* unresolved places: the kind their context word names
                       * (data/lexicon/place_context.tsv: village, camp, ...),
                       * NULL when it names none; NULL for gazetteer places */
} extract_place_mention;

typedef enum source_role {
    ROLE_OUTLET,    /* publishes the article */
    ROLE_SPEAKER,   /* is quoted or credited with a statement */
    ROLE_MENTIONED, /* is named, says nothing */
} source_role;

/* "outlet", "speaker" or "mentioned": the API's name of a role. */
const char *source_role_name(source_role role);

typedef struct extract_source_mention {
    span sp;
    size_t source; /* index into extract_result.sources */
    source_role role;
} extract_source_mention;

/* An event date: packed yyyymmdd (20180725), start <= end, both inclusive. */
typedef enum date_precision {
    DATE_NONE, /* no date: start and end are 0 */
    DATE_DAY,
    DATE_WEEK,
    DATE_MONTH,
    DATE_YEAR,
    DATE_SPAN,
} date_precision;

typedef struct extract_date {
    int32_t start, end;
    date_precision precision;
} extract_date;

/* "day", "week", "month", "year", "span"; NULL for DATE_NONE. */
const char *date_precision_name(date_precision p);
/* A packed date as ISO yyyy-mm-dd into out (11 bytes at least). */
void extract_date_iso(int32_t packed, char out[11]);
/* The packed date of an ISO 8601 text that starts yyyy-mm-dd, else 0. */
int32_t extract_date_parse_iso(const char *iso);

typedef struct extract_figure {
    span sp;    /* the number expression with its counted noun */
    span quote; /* its sentence */
    double value, value_max;
    bool has_value, has_max;
    qualifier qual;
    const char *type;             /* killed, injured, casualties, ..., count */
    const char *object;           /* what is counted (English), NULL when unknown */
    const char *subject_category; /* combatants, civilians, people, materiel, munitions; NULL */
    const char *subject_side;     /* government, opposition, unknown; NULL */
    const char *subject_bloc;     /* the bloc whose people or things are counted (data/blocs.tsv
                                   * id), in the war fought where the figure lies; NULL when the
                                   * text does not say */
    size_t subject_party; /* the party the text names as the counted ones ("عناصر حزب
                                   * الله"): index into sources, or EXTRACT_NO_INDEX, also when
                                   * the name stands for its whole bloc ("قوات النظام": blocs.tsv,
                                   * column whole), so a figure with a party counts a part of
                                   * its bloc */
    size_t claimant;      /* index into sources, or EXTRACT_NO_INDEX */
    bool denied;          /* the claimant denies it */
    size_t place;         /* index into model places, or EXTRACT_NO_INDEX */
    size_t area;          /* the governorate of its place, else the one the document
                                   * names most; index into model places, or EXTRACT_NO_INDEX */
    size_t number;        /* index into numbers, or EXTRACT_NO_INDEX for a dual noun */
    size_t part_of;       /* the figure it is a part of ("بينهم 5 أطفال"): index into
                                   * figures, or EXTRACT_NO_INDEX */
    size_t supersedes;    /* the earlier figure of the same count by the same party that
                                   * it updates ("ارتفعت الحصيلة إلى 23"): index into figures,
                                   * or EXTRACT_NO_INDEX */
    extract_date date;    /* the event date (extract/dates.c); precision DATE_NONE when unread */
    const char *cause;    /* airstrike, shelling, ... (data/lexicon/causes.tsv); NULL */
} extract_figure;

typedef struct extract_result {
    text txt; /* the decoded document: spans index its code points */
    number *numbers;
    size_t n_numbers;
    bool *number_is_figure; /* parallel to numbers */
    extract_figure *figures;
    size_t n_figures;
    extract_place_mention *places;
    size_t n_places;
    /* Places named by their context but not in the gazetteer ("قرية X"):
     * sp is the name as written (with تل/جبل when they begin it), place is
     * EXTRACT_NO_INDEX; no coordinates. Kept apart from `places` so that
     * consumers of model places never see them. */
    extract_place_mention *unresolved_places;
    size_t n_unresolved_places;
    /* The document's sources: known ones point into the model's strings;
     * discovered ones (anonymous, persons) own theirs. */
    extract_source *sources;
    size_t n_sources;
    extract_source_mention *source_mentions;
    size_t n_source_mentions;
    size_t outlet; /* index into sources, or EXTRACT_NO_INDEX when the text names none */
    char *title;   /* a headline line at the top, or NULL */
    size_t truncated;
    /* private: storage for discovered sources' strings */
    char **owned;
    size_t n_owned;
} extract_result;

/* Extract from `len` bytes of UTF-8 (BOM already removed, LF line ends).
 * Returns 0, or the error of text_init (-1 invalid UTF-8, -2 too big,
 * -3 out of memory). On success free *r with extract_result_free. */
int extract_document(const extract_model *m, const char *utf8, size_t len, extract_result *r);
/* As extract_document, with the publication date (packed yyyymmdd, e.g.
 * 20180725; 0 when unknown) that relative dates (أمس, يوم الجمعة) read from. */
int extract_document_dated(const extract_model *m, const char *utf8, size_t len, int32_t published,
                           extract_result *r);
void extract_result_free(extract_result *r);

#endif
