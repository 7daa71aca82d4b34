/* access_log.h — one line per request on standard error, for people
 * (text) or for machines (--access-log=json, one JSON object a line).
 *
 * A line holds the time the request arrived (RFC 3339, UTC, milliseconds),
 * the client's address, the method, the request target, the status, the
 * bytes of body sent and the microseconds taken. Never the write token:
 * headers are not logged, and the value of a query parameter that could
 * carry a secret (token, access_token, api_key, key, password, auth) is
 * replaced by REDACTED.
 */
#ifndef MARSAD_ACCESS_LOG_H
#define MARSAD_ACCESS_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

typedef enum access_log_format {
    ACCESS_LOG_OFF,
    ACCESS_LOG_TEXT,
    ACCESS_LOG_JSON,
} access_log_format;

typedef struct access_log_entry {
    struct timespec at; /* CLOCK_REALTIME when the request arrived */
    const char *client; /* address as text, "-" when unknown */
    const char *method;
    const char *target; /* raw, as sent; redacted here */
    unsigned status;
    size_t bytes;
    int64_t micros;
    bool aborted; /* the connection ended before the answer was sent */
} access_log_entry;

/* The format a --access-log value names: on/1/true/yes/text, off/0/false/
 * no, or json. False for anything else. */
bool access_log_parse(const char *value, access_log_format *fmt);

/* target with every secret-bearing query value replaced (see above), into
 * out (outsz bytes, NUL-terminated, cut short when it does not fit). */
void access_log_redact(const char *target, char *out, size_t outsz);

/* Writes e's line to out in one call (stdio's lock keeps lines whole). */
void access_log_write(FILE *out, access_log_format fmt, const access_log_entry *e);

#endif
