/* fuzz_reader.h — the invariants of an article a reader of pages or feeds
 * hands to the import, shared by fuzz_page.c and fuzz_feed.c.
 */
#ifndef MARSAD_TESTS_FUZZ_READER_H
#define MARSAD_TESTS_FUZZ_READER_H

#include "tests/fuzz/fuzz.h"

#include "extract/utf8.h"
#include "ingest/reader.h"

#include <string.h>

static void reader_check_field(const char *f, const char *what)
{
    if (!f)
        return;
    size_t n = strlen(f);
    fuzz_check(n > 0 && n <= READER_MAX_FIELD, "%s of %zu bytes", what, n);
    fuzz_check(utf8_valid(f, n, NULL), "%s is not valid UTF-8", what);
}

/* Every string valid UTF-8 and bounded; the body non-empty, as long as len
 * says, at most the document limit; a url http(s) only. */
static void reader_check_article(const reader_article *a)
{
    fuzz_check(a->body && a->len > 0 && strlen(a->body) == a->len, "a body of %zu bytes", a->len);
    fuzz_check(a->len <= READER_MAX_TEXT, "a body of %zu bytes", a->len);
    fuzz_check(utf8_valid(a->body, a->len, NULL), "the body is not valid UTF-8");
    reader_check_field(a->title, "title");
    reader_check_field(a->outlet, "outlet");
    reader_check_field(a->url, "url");
    reader_check_field(a->published_at, "published_at");
    if (a->url)
        fuzz_check(strncmp(a->url, "http://", 7) == 0 || strncmp(a->url, "https://", 8) == 0,
                   "url %s", a->url);
}

static void reader_check_why(const char *why, size_t whysz)
{
    size_t n = strnlen(why, whysz);
    fuzz_check(n > 0 && n < whysz, "the reason is empty or not terminated");
}

#endif
