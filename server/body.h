/* body.h — the body of a write request (POST/PUT /v1/articles), parsed and
 * validated: JSON {title?, body, outlet?, url?, published_at?}, plain text,
 * or a saved article page (text/html, read by ingest/page.h: its article's
 * text and metadata). Pure (no I/O), so it can be unit-tested and fuzzed
 * alone.
 *
 * Limits: BODY_MAX_BYTES of body; each optional field at most
 * BODY_MAX_FIELD characters (code points, as OpenAPI's maxLength counts);
 * the text as ingest_check_text accepts it.
 */
#ifndef MARSAD_BODY_H
#define MARSAD_BODY_H

#include <stdbool.h>
#include <stddef.h>

#define BODY_MAX_BYTES (1u << 20)
#define BODY_MAX_FIELD 2048

typedef enum body_status {
    BODY_OK,
    BODY_BAD_TYPE,  /* 415: not application/json, text/plain or text/html */
    BODY_INVALID,   /* 400: not UTF-8, not JSON, wrong fields; err says where */
    BODY_TOO_LARGE, /* 413 */
} body_status;

typedef struct article_input {
    char *text; /* the article's text, normalised (BOM removed, CRLF → LF) */
    size_t len;
    char *title, *outlet, *url, *published_at; /* NULL when absent */
    const char *format;                        /* "html" for a page, else "api" (static) */
} article_input;

/* Parse `len` bytes of a request body sent with Content-Type `content_type`
 * (parameters such as charset=utf-8 allowed; NULL is BODY_BAD_TYPE). On
 * BODY_OK fills *in (free with article_input_free); otherwise writes a
 * reason into err (size errsz) naming the field or the byte, line and
 * column. */
body_status body_parse_article(const char *body, size_t len, const char *content_type,
                               article_input *in, char *err, size_t errsz);
void article_input_free(article_input *in);

/* Is content_type one an article body may come in? If not, a reason in err
 * (checked on the headers, before the body is read). */
bool body_type_accepted(const char *content_type, char *err, size_t errsz);

#endif
