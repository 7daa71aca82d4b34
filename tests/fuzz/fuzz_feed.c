/* fuzz_feed.c — the feed reader (ingest/feed.h) on any bytes.
 *
 * feed_read as the import calls it. Invariants: no crash, hang or leak; a
 * DTD or entity declaration is refused (no entity expansion, no external
 * entity); every item read has a non-empty valid UTF-8 body within the
 * document limit and fields within theirs; each skip and a refusal say why.
 */
#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif
#include "tests/fuzz/fuzz_reader.h"

#include "ingest/feed.h"

#include <stdlib.h>

int FUZZ_ENTRY(const uint8_t *data, size_t size);

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
    char *feed = malloc(size ? size : 1);
    fuzz_check(feed != NULL, "out of memory");
    memcpy(feed, data, size);
    reader_batch b = {0};
    char why[256];
    memset(why, 0x7f, sizeof why);
    if (feed_read(feed, size, &b, why, sizeof why) == 0) {
        fuzz_check(!memmem(feed, size, "<!ENTITY", 8), "a feed declaring entities was read");
        for (size_t i = 0; i < b.n; i++)
            reader_check_article(&b.items[i]);
        for (size_t i = 0; i < b.n_skips; i++)
            fuzz_check(b.skips[i] && b.skips[i][0], "an empty skip reason");
    } else {
        reader_check_why(why, sizeof why);
    }
    reader_batch_free(&b);
    free(feed);
    return 0;
}
