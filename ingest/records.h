/* records.h — exports of articles as JSONL (one JSON object a line) or CSV
 * (a header row naming the columns, RFC 4180 quoting, fields over several
 * lines). The names are body (required), title, outlet, url, published_at
 * and id; others are ignored.
 *
 * Pure: bytes in, articles out, no I/O. At most READER_MAX_EXPORT bytes;
 * UTF-8 only (exports are written by programs).
 */
#ifndef MARSAD_RECORDS_H
#define MARSAD_RECORDS_H

#include "ingest/reader.h"

/* Read every line of a JSONL file into b (empty on entry; free with
 * reader_batch_free). A line that is not an object with a non-empty string
 * body, or whose published_at is not a date or url not http(s), is a skip
 * with its reason; blank lines are ignored. Returns 0, or -1 with the
 * reason in why when the whole file is refused. */
int records_read_jsonl(const char *buf, size_t len, reader_batch *b, char *why, size_t whysz);

/* The same for a CSV file whose first row names the columns (a body column
 * is required). */
int records_read_csv(const char *buf, size_t len, reader_batch *b, char *why, size_t whysz);

#endif
