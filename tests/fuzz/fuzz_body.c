/* fuzz_body.c — the body of an article write on any bytes.
 *
 * body_parse_article as the write handlers call it (an error buffer of 256
 * bytes), with Content-Type application/json, text/plain (with a charset
 * parameter), a type from the input itself, and none.
 *
 * Invariants: no Content-Type is a 415, and application/json or
 * text/plain is never one; on success the text is what ingest accepts
 * (non-empty, valid UTF-8, no NUL) and every optional field is valid UTF-8
 * of at most BODY_MAX_FIELD bytes; on a refusal the reason is non-empty,
 * NUL-terminated within its buffer and valid UTF-8, because the handler
 * sends it as the detail of a problem+json (an invalid byte there made the
 * reply a 500).
 */
#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif
#include "tests/fuzz/fuzz.h"

#include "extract/utf8.h"
#include "server/body.h"

#include <stdbool.h>
#include <string.h>

int FUZZ_ENTRY(const uint8_t *data, size_t size);

static void body_check_field(const char *f, const char *what)
{
    if (!f)
        return;
    size_t n = strlen(f);
    fuzz_check(utf8_count(f, n) <= BODY_MAX_FIELD, "%s of %zu characters", what, utf8_count(f, n));
    fuzz_check(utf8_valid(f, n, NULL), "%s is not valid UTF-8", what);
}

/* known: the type is one the parser must take (application/json or
 * text/plain), so it must not be refused as a bad type. */
static void body_one(const char *body, size_t len, const char *type, bool known)
{
    article_input in;
    char err[256]; /* as server/handlers_write.c put_job */
    memset(err, 0x7f, sizeof err);
    body_status st = body_parse_article(body, len, type, &in, err, sizeof err);
    bool plain = known && strncmp(type, "text/plain", 10) == 0;
    if (st == BODY_OK) {
        fuzz_check(type != NULL, "accepted with no Content-Type");
        fuzz_check(in.text && in.len > 0 && strlen(in.text) == in.len, "text of %zu bytes", in.len);
        fuzz_check(utf8_valid(in.text, in.len, NULL), "the text is not valid UTF-8");
        fuzz_check(!memchr(in.text, '\r', in.len), "a CR left in the text");
        body_check_field(in.title, "title");
        body_check_field(in.outlet, "outlet");
        body_check_field(in.url, "url");
        body_check_field(in.published_at, "published_at");
        if (plain)
            fuzz_check(!in.title && !in.outlet && !in.url && !in.published_at,
                       "fields from a plain-text body");
        article_input_free(&in);
        return;
    }
    fuzz_check(st == BODY_BAD_TYPE || st == BODY_INVALID || st == BODY_TOO_LARGE, "status %d",
               (int)st);
    if (!type)
        fuzz_check(st == BODY_BAD_TYPE, "no Content-Type gave status %d", (int)st);
    if (known)
        fuzz_check(st != BODY_BAD_TYPE, "%s refused as a bad type", type);
    size_t n = strnlen(err, sizeof err);
    fuzz_check(n > 0 && n < sizeof err, "the reason is empty or not terminated");
    fuzz_check(utf8_valid(err, n, NULL),
               "the reason is not valid UTF-8 (it becomes a problem+json detail): %s", err);
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
    /* A copy of exactly size bytes, so ASan sees any read past the body. */
    char *body = malloc(size ? size : 1);
    fuzz_check(body != NULL, "out of memory");
    memcpy(body, data, size);
    body_one(body, size, "application/json", true);
    body_one(body, size, "text/plain; charset=utf-8", true);
    body_one(body, size, NULL, false);
    /* The first line as a Content-Type of its own (what a client may send),
     * the rest as the body. */
    const char *nl = memchr(body, '\n', size);
    if (nl) {
        size_t tlen = (size_t)(nl - body);
        char *type = malloc(tlen + 1);
        fuzz_check(type != NULL, "out of memory");
        memcpy(type, body, tlen);
        type[tlen] = '\0';
        body_one(nl + 1, size - tlen - 1, type, false);
        free(type);
    }
    free(body);
    return 0;
}
