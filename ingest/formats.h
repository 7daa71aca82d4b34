/* formats.h — which reader takes a file, by its name, and a file's bytes as
 * the articles it holds: a plain text (.txt), a saved page (.html, .htm),
 * a feed (.xml, .rss, .atom) or an export (.jsonl, .ndjson, .csv).
 *
 * Pure: bytes in, articles out, no I/O.
 */
#ifndef MARSAD_FORMATS_H
#define MARSAD_FORMATS_H

#include "ingest/reader.h"

typedef enum ingest_format {
    INGEST_FMT_NONE, /* not a file marsad imports */
    INGEST_FMT_TXT,
    INGEST_FMT_HTML,
    INGEST_FMT_FEED,
    INGEST_FMT_JSONL,
    INGEST_FMT_CSV,
} ingest_format;

/* The format a file name's extension (any case) names; INGEST_FMT_NONE for
 * others (a sidecar NAME.json among them). */
ingest_format format_of_name(const char *name);

/* The name stored in an article's `format`: txt, html, feed, jsonl, csv. */
const char *format_name(ingest_format f);

/* The largest file of format f that is read (1 MiB for text, 8 MiB for a
 * page or feed, 64 MiB for an export). */
size_t format_max_bytes(ingest_format f);

/* The articles of a file of format f (not INGEST_FMT_TXT) into b (empty on
 * entry; free with reader_batch_free). Returns 0, or -1 with the reason
 * the whole file is refused in why. */
int format_read(ingest_format f, const char *buf, size_t len, reader_batch *b, char *why,
                size_t whysz);

#endif
