/* ingest.h — documents into the store: reading and validating files, running
 * the extractor, and storing an article with everything extracted from it in
 * one transaction. Also renders an extraction as JSON for `marsad extract`.
 *
 * A folder is imported in transactions of INGEST_BATCH documents, or
 * fewer when they take INGEST_BATCH_MS (each document atomic within it):
 * a page of an index is written to the WAL once per transaction however
 * many rows of the batch go to it, so the larger the batch the less is
 * written, while the time bound holds the write lock against other
 * writers (whose busy timeout is 2 s by default) for half a second at
 * most, plus one document. A crash loses at most the batch in flight.
 *
 * A folder's files are read, checked and hashed in name order on the
 * calling thread, which alone writes to the store; when the process may run
 * on more than one CPU, the documents that changed are extracted on a second
 * thread, up to 32 ahead of the one being stored. Log lines and counts come
 * out in the files' order, as from one thread.
 *
 * Idempotent: each article keeps a content hash over its text, its sidecar
 * and the extractor's data, so re-importing an unchanged file does nothing
 * and a changed file (or a changed extractor) replaces the article whole.
 */
#ifndef MARSAD_INGEST_H
#define MARSAD_INGEST_H

#include "db/store.h"
#include "extract/extract.h"

#include <jansson.h>
#include <stdio.h>

#define INGEST_MAX_BYTES (1u << 20)    /* a document larger than 1 MiB is skipped */
#define INGEST_MAX_SIDECAR (64u << 10) /* and a sidecar larger than 64 KiB ignored */
#define INGEST_MAX_ID 128
#define INGEST_BATCH 256    /* documents per transaction in a folder import, */
#define INGEST_BATCH_MS 500 /* or fewer when they take this long (ms) */
#define INGEST_MAX_REFUSED \
    8 /* documents in a row the store refuses before a folder
                                        * import gives up (one is skipped, logged) */

typedef struct ingest_counts {
    size_t articles;  /* imported or replaced */
    size_t unchanged; /* already stored with the same hash */
    size_t skipped;   /* unreadable, empty, binary, invalid UTF-8, too large, bad name */
    size_t removed;   /* stored articles whose file is gone (reported, kept) */
    size_t figures, place_mentions, source_mentions;
    size_t truncated;         /* items past EXTRACT_MAX_ITEMS of one kind, dropped */
    size_t files;             /* files read (whatever became of them) */
    unsigned long long bytes; /* bytes of those files */
} ingest_counts;

/* What a sidecar NAME.json (or a write request) may say about a document. */
typedef struct ingest_meta {
    const char *title, *outlet, *url, *published_at; /* each may be NULL */
    const char *format; /* the reader that took it: txt, html, feed, jsonl, csv, api; may be NULL */
} ingest_meta;

/* Mirror the model's gazetteer and source list into the store. 0, or -1 with
 * a reason in err. */
int ingest_sync_reference(store *db, const extract_model *m, char *err, size_t errsz);

/* Is id usable as an article id? 1-128 of [A-Za-z0-9_.-], not starting with '.'. */
bool ingest_valid_id(const char *id);

/* Is url one an article may carry: http:// or https:// (any case) and a
 * host, without spaces or control characters? Anything else (javascript:,
 * data:, file:...) would be a hazard where it is rendered as a link. */
bool ingest_valid_url(const char *url);

/* Check raw bytes as a document and normalise them in place: a leading BOM is
 * removed, and CRLF and a lone CR become LF. Returns NULL when acceptable,
 * else the reason ("empty", "binary (NUL byte)", "invalid UTF-8 at byte N", "larger than 1 MiB");
 * the reason is static or written into why (size whysz). */
const char *ingest_check_text(char *buf, size_t *len, char *why, size_t whysz);

/* The quote of figure f as stored and served: its sentence, or, when that
 * is longer than STORE_QUOTE_MAX code points, the window of that many
 * centred on the figure (*cut set). Spans count code points. */
span ingest_quote_window(const extract_figure *f, bool *cut);

/* Extract and store one document (already checked). hash may be NULL, then
 * it is computed. Adds to *c. */
store_status ingest_document(store *db, const extract_model *m, const char *id, const char *body,
                             size_t len, const ingest_meta *meta, const char *origin,
                             const char *hash, ingest_counts *c);

/* Import a file, or every file of a folder in name order, that formats.h
 * names: .txt, a saved page (.html, .htm: one article), a feed (.xml,
 * .rss, .atom) or an export (.jsonl, .ndjson, .csv: an article per item).
 * A .txt or page takes its id from its name; a feed's or an export's items
 * take NAME-HASH, the hash of the item's key (guid or link, url) or else
 * its text, so a re-import finds them again (an export's own valid `id`
 * wins). A sidecar NAME.json beside a .txt or a page wins over what the
 * page says. Each skip (a file, or an item of a feed or export) and each
 * removal is one line on log naming the file and the reason; a
 * document the extractor cannot read, or the store refuses, is skipped and
 * the import goes on. Returns 0, or -1 when the store failed (a single file
 * it refused, or INGEST_MAX_REFUSED documents in a row of a folder; the
 * article being imported is then left as it was). */
int ingest_path(store *db, const extract_model *m, const char *path, ingest_counts *c, FILE *log);

/* The same, asking stop(cls) before each document of a folder: when it
 * answers true the import ends there (what the batch holds is committed,
 * the rest is imported by a later run), with a line on log. */
typedef bool (*ingest_stop_fn)(void *cls);
int ingest_path_until(store *db, const extract_model *m, const char *path, ingest_counts *c,
                      FILE *log, ingest_stop_fn stop, void *cls);

/* What the import would read in one file and what the extractor reads in
 * each of its documents, without a database: the file is read as
 * ingest_path reads it (a .txt, or a page, feed or export through its
 * reader, a sidecar beside it), each document printed on out in the shape
 * of ingest_result_json with the title, url, published_at and outlet its
 * file gives (the outlet resolved as the import resolves it) and its
 * `format`: the object of the one document, else an array of them. Skips
 * are lines on log. 0, or -1 when nothing was read or out of memory. */
int ingest_preview_path(const extract_model *m, const char *path, FILE *out, FILE *log);

/* The location id of a place the gazetteer lacks, named `name` in a
 * document: 'u-' and a hash of the folded name, so that every article
 * naming it (حَلفايا, حلفايا) shares one location. */
#define INGEST_UNRESOLVED_ID_SIZE 20
void ingest_unresolved_id(const char *name, char out[INGEST_UNRESOLVED_ID_SIZE]);

/* The same, telling progress(cls, ...) after each file of a folder how
 * many of its files_total files (of bytes_total bytes) are done; c holds
 * the counts so far (c->files, c->bytes over every call). stop and
 * progress may each be NULL. */
typedef void (*ingest_progress_fn)(void *cls, size_t files_done, size_t files_total,
                                   unsigned long long bytes_total, const ingest_counts *c);
int ingest_path_watched(store *db, const extract_model *m, const char *path, ingest_counts *c,
                        FILE *log, ingest_stop_fn stop, ingest_progress_fn progress, void *cls);

/* An extraction in the shapes of the API (article with figures, locations and
 * sources), plus `numbers`: every numeric expression found, with whether it
 * became a figure. Locations are the gazetteer's, then the unresolved ones
 * (resolved false, no coordinates). New reference, NULL when out of memory. */
json_t *ingest_result_json(const extract_model *m, const extract_result *r, const char *id);

#endif
