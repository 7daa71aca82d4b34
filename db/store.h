/* store.h — marsad's SQLite store: the only module that knows SQL.
 *
 * It keeps articles and everything extracted from them (figures, source and
 * location mentions), the gazetteer (locations) and the parties and outlets
 * (sources). Reads come back in the shapes of the API, as JSON bytes ready
 * to send (items by id, list pages) or jansson values, so the HTTP layer
 * only frames them; the store knows nothing of HTTP.
 *
 * Threads: a store handle is one SQLite connection and belongs to one thread
 * at a time. Open one handle per thread (WAL lets readers run beside a writer).
 * Every SQL statement binds its parameters.
 */
#ifndef MARSAD_STORE_H
#define MARSAD_STORE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct store store;

typedef enum store_status {
    STORE_OK = 0,
    STORE_NOTFOUND,  /* no such id */
    STORE_BADCURSOR, /* a cursor that this store did not issue, or for another query */
    STORE_BADQUERY,  /* a search query the full-text engine rejects (syntax) */
    STORE_BUSY, /* the database stayed locked past the busy timeout, or a query ran past its time limit */
    STORE_ERR,     /* anything else; store_errmsg says what */
    STORE_FULL,    /* the disk (or the database's size limit) is full: nothing was written */
    STORE_CORRUPT, /* the file is damaged or not a database (SQLITE_CORRUPT, SQLITE_NOTADB) */
} store_status;

enum {
    STORE_READONLY = 1u << 0, /* open an existing database for reading only */
    STORE_BULK = 1u << 1,     /* opening for a bulk import: one left unfinished goes on */
};

#define STORE_MAX_FILTERS 16
#define STORE_MAX_SORT 4
#define STORE_MAX_LIMIT 500
#define STORE_MAX_FACETS 4
#define STORE_FACET_VALUES 50
#define STORE_EXACT_TOTAL 10000        /* a list's total is exact up to this many matches */
#define STORE_EXACT_TOTAL_TEXT "10000" /* values listed per facet, most frequent first */

/* Open (creating when needed, unless STORE_READONLY) the database at path:
 * WAL, foreign keys on, a busy timeout of busy_ms, schema applied and migrated
 * forward to the current version. `schema_sql` is the text of schema.sql
 * (its first line "-- version N" names the version it builds). On failure
 * returns NULL and writes a reason into err (size errsz). */
store *store_open(const char *path, unsigned flags, int busy_ms, const char *schema_sql, char *err,
                  size_t errsz);
void store_close(store *s); /* NULL is fine */

/* A bulk import: between store_bulk_begin and store_bulk_end the writes
 * (batches, as ever) go without the secondary indexes of figures and
 * mentions and without the triggers that keep counts; store_bulk_end
 * builds those indexes as schema.sql spells them and counts everything
 * once. Meanwhile the connection holds the database to itself (no reader
 * sees a count that is behind): STORE_BUSY when another connection has it
 * open. The state is committed, so a bulk import cut short (kill -9) is
 * finished by the next read-write store_open, or carried on by one with
 * STORE_BULK; a read-only open refuses such a database until then. */
store_status store_bulk_begin(store *s);
store_status store_bulk_end(store *s);
/* Did store_open finish a bulk import left unfinished? */
bool store_finished_bulk(const store *s);

/* Is the file s was opened on no longer at its path (deleted, renamed or
 * replaced)? What is written then goes where nobody will find it. */
bool store_file_moved(store *s);

/* SQLite's quick_check of the whole file (every page and record, not the
 * indexes against their tables): STORE_OK when it finds nothing,
 * STORE_CORRUPT with the first problem in problem (size problemsz),
 * STORE_BUSY when budget_ms (0: none) ran out first or store_interrupt
 * stopped it. Takes time in proportion to the file's size. */
store_status store_check(store *s, int budget_ms, char *problem, size_t problemsz);

/* Stops what s is running (store_check, a read) from another thread: it
 * returns STORE_BUSY. */
void store_interrupt(store *s);

/* The last error of s as text (valid until the next call on s). */
const char *store_errmsg(const store *s);

/* Caps the time each read (store_list, store_get, store_meta) may run: a read
 * still running after ms milliseconds is interrupted and returns STORE_BUSY.
 * 0 (the default) means no limit. Writes are never interrupted. */
void store_set_time_limit(store *s, int ms);
int store_time_limit(const store *s); /* the limit set, 0 for none */

/* Sizes the connection's page cache to mb MiB (store_open gives 64: an
 * import touches the same index pages over and over). Reads of the first
 * 256 MiB of the file go through a memory map instead and do not count. */
void store_set_page_cache(store *s, int mb);

/* ---- the vocabulary of list queries ------------------------------------- */

typedef enum store_resource {
    RES_ARTICLES,
    RES_SOURCES,
    RES_LOCATIONS,
    RES_FIGURES,
    RES__COUNT
} store_resource;

typedef enum store_field_type {
    FIELD_TEXT,   /* any string up to 256 bytes (ids, names) */
    FIELD_ENUM,   /* one of enum_values */
    FIELD_NUMBER, /* a finite number */
    FIELD_BBOX,   /* minLon,minLat,maxLon,maxLat */
    FIELD_NEAR,   /* lat,lon,km */
    FIELD_SEARCH, /* a full-text query */
    FIELD_DATE,   /* an ISO day, YYYY-MM-DD */
} store_field_type;

typedef struct store_filter_def {
    const char *name; /* the query parameter, e.g. "value__gte" */
    store_field_type type;
    const char *const *enum_values; /* NULL-terminated, for FIELD_ENUM */
    const char *doc;                /* one line for humans */
} store_filter_def;

/* The filters, sortable fields and facets of a resource. Static, never
 * NULL (a resource without facets gives n = 0). A facet counts the items
 * matching the filters by one of their attributes (an article's outlet, a
 * figure's type...). */
const store_filter_def *store_filters(store_resource r, size_t *n);

/* Is s a calendar day written YYYY-MM-DD (the form of FIELD_DATE)? */
bool store_is_iso_day(const char *s);
const char *const *store_sort_fields(store_resource r, size_t *n);
const char *const *store_facets(store_resource r, size_t *n);

/* The columns of a resource's items (db/store_columns.h lists them): where
 * each sits in the item's JSON, as object[group][key] or object[key] when
 * group is "", and whether the CSV export carries it (as "group.key"). In
 * item order; static, never NULL. */
typedef enum store_col_kind {
    STORE_COL_TEXT, /* a string or null */
    STORE_COL_INT,  /* an integer or null */
    STORE_COL_REAL, /* a real or null */
    STORE_COL_NUM,  /* a figure's value: an integer when integral, else a real; or null */
    STORE_COL_BOOL, /* true or false (NULL is false) */
} store_col_kind;

enum {
    STORE_COL_CSV = 1u << 0,        /* a column of the CSV export */
    STORE_COL_NULL_GROUP = 1u << 1, /* the first of a group that is null when this is NULL */
};

typedef struct store_column {
    const char *group; /* "" at the top level */
    const char *key;
    const char *sql; /* its expression over the resource's FROM (base table t) */
    store_col_kind kind;
    unsigned flags;
} store_column;

const store_column *store_columns(store_resource r, size_t *n);

typedef struct store_filter {
    size_t def;       /* index into store_filters(res) */
    const char *text; /* FIELD_TEXT, FIELD_ENUM, FIELD_SEARCH (borrowed) */
    double num[4];    /* FIELD_NUMBER: num[0]; FIELD_BBOX: 4; FIELD_NEAR: lat, lon, km */
} store_filter;

typedef struct store_sort {
    size_t field; /* index into store_sort_fields(res) */
    bool desc;
} store_sort;

typedef struct store_query {
    store_resource res;
    store_filter filters[STORE_MAX_FILTERS];
    size_t n_filters;
    store_sort sort[STORE_MAX_SORT]; /* empty: the resource's id order */
    size_t n_sort;
    int limit;                       /* 1..STORE_MAX_LIMIT */
    const char *cursor;              /* NULL for the first page (borrowed) */
    size_t facets[STORE_MAX_FACETS]; /* indexes into store_facets(res), counted under the filters */
    size_t n_facets;
    bool items_only; /* fill page->items only, leave page->data NULL */
} store_query;

typedef struct store_page {
    json_t *data; /* array of items (owned by the page); NULL with items_only */
    char *items;  /* the same array as JSON bytes (store_get_json's form), NUL-terminated */
    size_t items_len;
    char *next;       /* cursor of the next page, NULL on the last one */
    long long total;  /* rows matching the filters, all pages (see total_exact) */
    bool total_exact; /* false: total is an estimate (more than STORE_EXACT_TOTAL matches) */
    json_t *facets;   /* {name: [{"value","label","count"}...]} when facets were asked, else NULL */
} store_page;

/* One page of a list. Ties in the sort order are broken by id, so keyset
 * paging visits every row exactly once. On success fills *page; free it with
 * store_page_free. */
store_status store_list(store *s, const store_query *q, store_page *page);
void store_page_free(store_page *page);

/* One item by id, with what belongs to it (an article embeds its figures,
 * locations and sources with their mentions). *out is a new reference. */
store_status store_get(store *s, store_resource r, const char *id, json_t **out);

/* The same item as JSON bytes (json_dumps' compact form, reals at ten
 * digits), written straight from the rows without building values: what
 * the server sends. *body is malloc'd and NUL-terminated (*len bytes
 * before the NUL), NULL on failure; at most STORE_JSON_MAX bytes. */
#define STORE_JSON_MAX (64u << 20)
store_status store_get_json(store *s, store_resource r, const char *id, char **body, size_t *len);

/* Counts, versions and other facts about the database (new reference). */
store_status store_meta(store *s, json_t **out);
/* The number of stored articles (as store_meta counts them), -1 on failure. */
long long store_article_count(store *s);

/* A number that changes whenever the data changes (any connection). */
store_status store_data_version(store *s, int64_t *out);

/* A cheap version for caches kept beside one read connection: it changes
 * when another connection commits (PRAGMA data_version, no transaction, no
 * page read). Comparable only with earlier values from the same handle;
 * -1 on error. */
int64_t store_local_version(store *s);

/* ---- claims side by side ----------------------------------------------- */

#define STORE_MAX_CLAIMS 500

typedef enum store_compare_group {
    STORE_GROUP_EVENT, /* one incident: overlapping dates, places, causes (the default) */
    STORE_GROUP_DAY,
    STORE_GROUP_WEEK, /* ISO weeks, Monday to Sunday */
    STORE_GROUP_MONTH,
} store_compare_group;

typedef struct store_compare_query {
    const char *type;        /* a figure type, NULL for all */
    const char *location;    /* a location id, NULL for all: for a place that holds governorates,
                              * the groups whose area is inside it; for a smaller one, the
                              * figures placed in it or inside it */
    const char *affiliation; /* only claimants of this affiliation; NULL for all */
    const char *bloc;        /* only groups whose subject is this bloc; NULL for all */
    const char *claimant;    /* only groups in which this source claims; NULL for all */
    const char *date_gte, *date_lte; /* ISO days: only figures whose event date (else their
                                      * publication day) meets the range; NULL for none */
    store_compare_group group;
    int min_claimants; /* groups with fewer distinct claimants are left out (>= 1) */
    int claims_limit;  /* claimants listed per group, 1..STORE_MAX_CLAIMS */
    int figures_limit; /* figures listed in each claimant's parts, superseded and
                              * carriers, 0..STORE_MAX_CLAIMS (n_parts... count them all) */
    int groups_limit;  /* groups listed, most claimants first, 1..STORE_MAX_LIMIT; 0: all */
} store_compare_query;

/* Figures that count the same thing, grouped across claimants, with one
 * row per claimant: its headline, its parts, its superseded counts and the
 * articles that carry its headline (store_compare.c has the grouping
 * rule). Figures of type count, and those whose subject is unknown, are
 * left out. The spread runs over the claimants' headlines. *out is a new
 * reference:
 * {"groups":[{"key":{"type","subject":{"category","bloc","party"},"object",
 * "area","date"},"claimants":[{"claimant","headline","parts","superseded",
 * "carriers","n_claims"}],"spread":{"min","max","ratio","min_claimant",
 * "max_claimant"},"n_claimants","n_claims"}],"total"} with the groups of
 * most claimants first, then the widest spread, then the most claims;
 * "total" counts the groups found (a coarse group not split into events
 * counts as one), the list stops at groups_limit. */
store_status store_compare(store *s, const store_compare_query *q, json_t **out);

/* ---- full-text search across kinds ------------------------------------- */

#define STORE_MAX_SEARCH 100

enum {
    STORE_SEARCH_ARTICLES = 1u << 0,  /* title and body */
    STORE_SEARCH_FIGURES = 1u << 1,   /* the sentence a figure comes from (quote) */
    STORE_SEARCH_SOURCES = 1u << 2,   /* name and name_en */
    STORE_SEARCH_LOCATIONS = 1u << 3, /* name and name_en ("Aleppo" finds حلب) */
};

typedef struct store_search_query {
    const char *q;  /* FTS5 query syntax: words, "phrases", prefix*, AND OR NOT, NEAR() */
    unsigned kinds; /* STORE_SEARCH_* bits; 0 for all */
    int limit;      /* hits, 1..STORE_MAX_SEARCH */
} store_search_query;

/* The best hits for q across the kinds asked, tokenised by marsad_ar (see
 * db/fts_arabic.h), ranked by bm25 (score = -bm25: higher is better; title
 * words weigh twice body words). *out is a new reference:
 * {"data":[{"kind":"article"|"figure"|"source","id","score",...,"snippet"}],
 * "total", "total_exact", "counts":{"article":n,...}, "estimated":[kind...]},
 * where snippet is the matched text with each matched word between <mark>
 * and </mark> (… where text was cut), counts has the matches of each kind
 * asked and total their sum. A kind with more than STORE_EXACT_TOTAL
 * matches is in `estimated`: its count is estimated and its hits are the
 * best of its STORE_EXACT_TOTAL most recently stored matches; total_exact
 * is false when any kind is. A query FTS5 cannot parse (or a column filter
 * a kind lacks) is STORE_BADQUERY. */
store_status store_search(store *s, const store_search_query *q, json_t **out);

/* q, a full-text query, with each English place or party name in it joined
 * by OR to its Arabic names: `Aleppo` becomes `(Aleppo OR "حلب")`, so the
 * Arabic text of articles and figures is found by the English names of the
 * gazetteer and sources.tsv. A name is a location's or a source's name_en
 * (at most three Arabic names, the most mentioned), written as up to four words
 * outside quotes or as a quoted phrase, case, hyphens and apostrophes
 * aside; operators, prefixes (word*) and columns (title:) are left alone.
 * *out is NULL when nothing was added (or the result would pass 4 KiB),
 * else a new string the caller frees. STORE_OK or STORE_ERR. */
store_status store_search_place_names(store *s, const char *q, char **out);

/* ---- writes -------------------------------------------------------------- */

typedef struct store_location_rec {
    const char *id;   /* stable ASCII id from the gazetteer, e.g. "aleppo" */
    const char *name; /* Arabic display name */
    const char *name_en;
    const char *kind;      /* governorate, city, town, village, neighbourhood, ... */
    const char *parent_id; /* NULL for none */
    double lat, lon;       /* non-finite: unknown (stored as NULL) */
    bool approximate;      /* coordinates estimated rather than surveyed */
} store_location_rec;

typedef struct store_source_rec {
    const char *id;      /* stable ASCII id */
    const char *name;    /* Arabic display name */
    const char *name_en; /* may be NULL */
    const char *
        kind; /* outlet, armed_group, military, government, agency, ngo, activists, anonymous, person, ... */
    const char *affiliation; /* government, opposition, independent, unknown */
    const char *parent_id;   /* the party a person or role speaks for; NULL for none */
    const char *bloc;        /* its bloc (data/blocs.tsv id), "independent", or NULL when unknown */
} store_source_rec;

typedef struct store_mention {
    const char *ref_id;  /* location or source id */
    uint32_t start, end; /* code points into the body, end exclusive */
    const char *text;    /* the text at that span */
    const char *role;    /* sources: "outlet", "speaker" or "mentioned"; NULL for locations */
} store_mention;

/* A figure's quote is its sentence, or, when the sentence is longer, a
 * window of this many code points around the figure: a long sentence holding
 * many figures must not be stored (and served) once per figure. */
#define STORE_QUOTE_MAX 400

typedef struct store_figure_rec {
    double value, value_max;
    bool has_value, has_max;
    const char *qualifier; /* exact, more_than, ... */
    const char *type;      /* killed, injured, ... */
    const char *object;    /* what is counted, may be NULL */
    const char
        *subject_category;    /* combatants, civilians, people, materiel, munitions; may be NULL */
    const char *subject_side; /* government, opposition, unknown; may be NULL */
    const char *subject_bloc; /* the bloc whose people or things are counted; may be NULL */
    const char *subject_party; /* source id of the party counted ("عناصر حزب الله"); may be NULL */
    const char *claimant_id; /* source id, may be NULL */
    const char *stance;      /* claimed or denied */
    const char *location_id; /* may be NULL */
    uint32_t start, end;     /* the span */
    const char *span_text;
    uint32_t quote_start, quote_end; /* its sentence, or the window of it cut around the figure */
    const char *quote;
    bool quote_cut;                    /* quote is a window of a longer sentence */
    const char *area_id;               /* the governorate it is about, may be NULL */
    const char *part_of;               /* id of the figure it breaks down, may be NULL */
    const char *supersedes;            /* id of the earlier toll it updates, may be NULL */
    const char *date_start, *date_end; /* the event date, ISO days; NULL when unread */
    const char *date_precision;        /* day, week, month, year, span; NULL when unread */
    const char *cause;                 /* airstrike, shelling, ...; may be NULL */
} store_figure_rec;

/* The id of the figure at index i (0-based, in text order: by start, then
 * end, as the extractor orders them) of article article_id: its ordinal is
 * i + 1. Written into out (size outsz), cut if it does not fit. */
void store_figure_id(char *out, size_t outsz, const char *article_id, size_t i);
#define STORE_FIGURE_ID_MAX 24 /* bytes a figure id adds to its article's id, NUL included */

/* A figure as the API would serve it once stored, without storing it (for
 * `marsad extract`): its record and what the store joins to it. Built by
 * the same column table as the API's figures, so the two cannot differ. */
typedef struct store_figure_item {
    const char *id, *article_id;
    const store_figure_rec *f;
    const char *claimant_name, *claimant_kind, *claimant_affiliation; /* when f->claimant_id */
    const char *claimant_bloc;                                        /* when f->claimant_id */
    const char *subject_party_name;                                   /* when f->subject_party */
    const char *location_name;                                        /* when f->location_id */
    double location_lat, location_lon;
} store_figure_item;

/* The figure's JSON; a new reference, NULL when out of memory. */
json_t *store_figure_item_json(const store_figure_item *item);

typedef struct store_doc {
    const char *id;           /* stable article id (file name without .txt) */
    const char *title;        /* may be NULL */
    const char *body;         /* UTF-8, as imported */
    const char *outlet_id;    /* source id, may be NULL */
    const char *url;          /* may be NULL */
    const char *published_at; /* ISO 8601, may be NULL */
    const char *language;     /* "ar" */
    const char *content_hash; /* hex digest of what was imported (body + sidecar) */
    const char *origin;       /* where it came from (a file path), may be NULL */
    const char *format; /* the reader that took it: txt, html, feed, jsonl, csv, api; may be NULL */
    uint64_t simhash;   /* SimHash of its text (ingest/simhash.h) for wire copies; 0: none */
    const store_source_rec *sources; /* sources this document introduces (upserted) */
    size_t n_sources;
    /* places this document names that the gazetteer lacks: stored as
     * unresolved (resolved false) when new, an existing location of that id
     * kept as it is */
    const store_location_rec *locations;
    size_t n_locations;
    const store_mention *source_mentions;
    size_t n_source_mentions;
    const store_mention *location_mentions;
    size_t n_location_mentions;
    const store_figure_rec *figures;
    size_t n_figures;
} store_doc;

/* Two articles whose SimHashes differ in at most this many bits are copies
 * of one text (db/store_copies.c; ingest/simhash.h computes the hashes). */
#define STORE_COPY_MAX_BITS 12

/* Upsert the gazetteer / the source list, all in one transaction. */
store_status store_sync_locations(store *s, const store_location_rec *recs, size_t n);
store_status store_sync_sources(store *s, const store_source_rec *recs, size_t n);

/* Insert or replace an article and everything extracted from it, in one
 * transaction: either all of it is stored or none. */
store_status store_put_document(store *s, const store_doc *d);

/* A batch: the writes until store_batch_end share one transaction, each
 * still all-or-nothing on its own (a savepoint), so a failed document
 * leaves the others of the batch in place. Much less is written to the WAL
 * than with a transaction per document; a crash loses at most the batch in
 * flight. store_batch_end commits what succeeded. */
store_status store_batch_begin(store *s);
store_status store_batch_end(store *s);
/* Is a batch still open? False after SQLite rolled the whole transaction
 * back under a failed document (a full disk, an I/O error): the batch's
 * earlier documents are then gone too. */
bool store_batch_open(const store *s);

/* Delete an article and everything extracted from it. */
store_status store_delete_article(store *s, const char *id);

/* The content hash stored for article id (into out, size outsz). */
store_status store_article_hash(store *s, const char *id, char *out, size_t outsz);

/* Calls fn for every stored article that has an origin; stops early when fn
 * returns false. */
store_status store_each_origin(store *s, bool (*fn)(void *ctx, const char *id, const char *origin),
                               void *ctx);

#endif
