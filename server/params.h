/* params.h — query parameters: validation against the store's vocabulary and
 * translation into a store_query. Each `_or_reply` function queues a 400
 * problem naming the parameter itself and returns false, so handlers read
 * straight down.
 *
 * Limits: PARAMS_MAX_VALUE characters (code points) per value (cursor and q
 * have their own).
 */
#ifndef MARSAD_PARAMS_H
#define MARSAD_PARAMS_H

#include "db/store.h"
#include "server/reply.h"
#include "server/request.h"

#define PARAMS_MAX_VALUE 256
#define PARAMS_MAX_CURSOR 1024
#define PARAMS_MAX_SEARCH 512
/* A search's cost beside its time limit: prefix terms (word*) in q, each
 * expanded to every indexed term it starts (and, by the marsad_ar
 * tokenizer, to each of its proclitic-stripped forms), at most this many,
 * each of at least PARAMS_MIN_PREFIX letters. */
#define PARAMS_MAX_PREFIXES 4
#define PARAMS_MIN_PREFIX 2
#define PARAMS_DEFAULT_LIMIT 50
#define PARAMS_DEFAULT_MAX_URL 8192 /* --max-url when the app does not say */

typedef enum output_format {
    FORMAT_JSON,
    FORMAT_GEOJSON, /* one page as an RFC 7946 FeatureCollection */
    FORMAT_CSV,     /* every page, streamed (RFC 4180) */
    FORMAT_NDJSON,  /* every page, streamed, one item a line */
    FORMAT_CSV_BOM, /* CSV with a UTF-8 byte-order mark first (bom=true), for spreadsheets */
} output_format;

/* Build q for a list of resource res from rq's arguments: catalogue filters,
 * limit, cursor, sort, `facet` (comma-separated names of store_facets), and
 * `format` (json, csv, ndjson, or geojson when allow_geojson), and `bom`
 * (true or false; true only with format=csv, which it makes FORMAT_CSV_BOM).
 * Unknown or repeated parameters, malformed values and anything over a
 * limit are a 400. `preset` names a filter the route itself fixes (e.g. the
 * claimant of /v1/sources/{id}/figures) and is then not accepted from the
 * query; NULL for none. */
bool params_query_or_reply(const request *rq, store_resource res, bool allow_geojson,
                           const char *preset, const char *preset_value, store_query *q,
                           output_format *fmt, reply *r);

/* Check that every argument of rq is valid UTF-8 of at most the allowed size
 * and that there are at most REQUEST_MAX_ARGS; routes without parameters
 * call it with allow_none = true to reject any argument. */
bool params_check_or_reply(const request *rq, bool allow_none, reply *r);

/* For routes outside the list catalogue: every argument of rq must be one
 * of the NULL-terminated `allowed` names (else a 400 naming it). */
bool params_only_or_reply(const request *rq, const char *const *allowed, reply *r);

/* The argument `name` as an integer in [lo, hi], def when absent. */
bool params_int_or_reply(const request *rq, const char *name, int lo, int hi, int def, int *out,
                         reply *r);

/* The argument `name`, which must be one of the NULL-terminated `values`;
 * *out is NULL when absent. */
bool params_enum_or_reply(const request *rq, const char *name, const char *const *values,
                          const char **out, reply *r);

/* The URL of the next page: rq's path and arguments with `cursor` replaced,
 * percent-encoded, into out (size outsz). False when it does not fit. */
bool params_next_url(const request *rq, const char *cursor, char *out, size_t outsz);

#endif
