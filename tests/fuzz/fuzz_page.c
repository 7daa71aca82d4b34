/* fuzz_page.c — the saved-page reader (ingest/page.h) on any bytes.
 *
 * page_read as the import calls it, and page_fragment_text as the feed
 * reader calls it on an item's markup. Invariants: no crash, hang or leak
 * (libxml2 parses without network, entities left unexpanded); an article
 * read has a non-empty valid UTF-8 body within the document limit and
 * fields within theirs; a refusal says why.
 */
#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif
#include "tests/fuzz/fuzz_reader.h"

#include "ingest/page.h"

#include <stdlib.h>

int FUZZ_ENTRY(const uint8_t *data, size_t size);

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
    /* A copy of exactly size bytes, so ASan sees any read past the page. */
    char *page = malloc(size ? size : 1);
    fuzz_check(page != NULL, "out of memory");
    memcpy(page, data, size);
    reader_article a;
    char why[256];
    memset(why, 0x7f, sizeof why);
    if (page_read(page, size, &a, why, sizeof why) == 0) {
        reader_check_article(&a);
        reader_article_free(&a);
    } else {
        reader_check_why(why, sizeof why);
    }
    if (utf8_valid(page, size, NULL)) {
        size_t len = 0;
        bool over = false;
        char *text = page_fragment_text(page, size, &len, &over);
        if (text) {
            fuzz_check(len > 0 && strlen(text) == len && len <= READER_MAX_TEXT, "%zu bytes", len);
            fuzz_check(utf8_valid(text, len, NULL), "fragment text is not valid UTF-8");
        }
        free(text);
    }
    free(page);
    return 0;
}
