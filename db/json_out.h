/* json_out.h — JSON written straight into a growing byte buffer, for the
 * answers that are rendered on every request (an article by id, a page of
 * a list): no tree of values is built and freed per field.
 *
 * The bytes are those reply_json gives for the same values, i.e. jansson's
 * json_dumps with JSON_COMPACT | JSON_REAL_PRECISION(10): strings escape
 * only '"', '\\' and control characters (\b \f \n \r \t, else \u00XX in
 * upper case), UTF-8 is written as is; integers in decimal; reals with ten
 * significant digits, ".0" added when they would read as an integer, the
 * exponent without '+' or leading zeros. tests/db/test_json_out.c holds
 * the two to the same bytes.
 *
 * The caller writes the punctuation ({ , : }); the buffer has a maximum set
 * at init, and any failure (no memory, past the maximum, a text that is not
 * UTF-8, a real that is not finite) sets `failed`, after which writes are
 * ignored, so a caller checks once at the end.
 */
#ifndef MARSAD_JSON_OUT_H
#define MARSAD_JSON_OUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct json_out {
    char *p;
    size_t len, cap, max;
    bool failed;
} json_out;

/* An empty buffer that may grow to max bytes. Nothing is allocated yet. */
void json_out_init(json_out *o, size_t max);

/* Frees the bytes (o itself is the caller's); NULL is fine. */
void json_out_free(json_out *o);

/* Appends n bytes as they are (punctuation, JSON written elsewhere). */
void json_out_raw(json_out *o, const char *s, size_t n);

/* Appends a NUL-terminated literal as it is. */
void json_out_lit(json_out *o, const char *s);

/* Appends s[0..n) as a JSON string (quotes included); fails on invalid
 * UTF-8 or a NUL byte. */
void json_out_str(json_out *o, const char *s, size_t n);

/* Appends "key": for a key that needs no escaping (the column tables'). */
void json_out_key(json_out *o, const char *key);

void json_out_int(json_out *o, long long v);

/* Appends a real as jansson writes it at ten significant digits; fails on
 * infinities and NaN, which JSON cannot hold. */
void json_out_real(json_out *o, double v);

/* Hands the bytes over, NUL-terminated (the caller frees them), and leaves
 * o empty; NULL when a write failed. */
char *json_out_take(json_out *o, size_t *len);

#endif
