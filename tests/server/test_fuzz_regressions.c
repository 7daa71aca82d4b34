/* test_fuzz_regressions.c — the server's fuzz targets replayed in
 * `make test`: every input under tests/fuzz/regressions/{query,body,page,feed}/
 * (inputs that once crashed a target or broke one of its invariants; see
 * tests/fuzz/README.md) and the seed corpora tests/fuzz/corpus/{query,
 * body,page,feed}/, through the very code libFuzzer runs (tests/fuzz/fuzz_*.c,
 * included here under other entry-point names). A crash or a broken
 * invariant aborts, which fails the test and names the input.
 */
#define FUZZ_ENTRY fuzz_query_one
#include "tests/fuzz/fuzz_query.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_body_one
#include "tests/fuzz/fuzz_body.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_page_one
#include "tests/fuzz/fuzz_page.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_feed_one
#include "tests/fuzz/fuzz_feed.c"
#undef FUZZ_ENTRY

#include "tests/fuzz/replay.h"

/* Inputs that once broke the query target (none yet is fine). */
Test(fuzz_regressions, query)
{
    replay_dir("tests/fuzz/regressions/query", fuzz_query_one, false);
}

/* Its seeds: they must all pass (libFuzzer starts from them). */
Test(fuzz_seeds, query)
{
    cr_expect_gt(replay_dir("tests/fuzz/corpus/query", fuzz_query_one, true), 0,
                 "no seed inputs in tests/fuzz/corpus/query");
}

/* Inputs that once broke the body target (none yet is fine). */
Test(fuzz_regressions, body)
{
    replay_dir("tests/fuzz/regressions/body", fuzz_body_one, false);
}

/* Its seeds: they must all pass (libFuzzer starts from them). */
Test(fuzz_seeds, body)
{
    cr_expect_gt(replay_dir("tests/fuzz/corpus/body", fuzz_body_one, true), 0,
                 "no seed inputs in tests/fuzz/corpus/body");
}

/* The page and feed readers: inputs that once broke them (none yet is
 * fine), and their seeds (hostile ones among them: entity expansion,
 * external entities, deep nesting, bad bytes in a declared charset). */
Test(fuzz_regressions, page)
{
    replay_dir("tests/fuzz/regressions/page", fuzz_page_one, false);
}

Test(fuzz_seeds, page)
{
    cr_expect_gt(replay_dir("tests/fuzz/corpus/page", fuzz_page_one, true), 0,
                 "no seed inputs in tests/fuzz/corpus/page");
    cr_expect_gt(replay_dir("tests/data/pages", fuzz_page_one, true), 0,
                 "no seed inputs in tests/data/pages");
}

Test(fuzz_regressions, feed)
{
    replay_dir("tests/fuzz/regressions/feed", fuzz_feed_one, false);
}

Test(fuzz_seeds, feed)
{
    cr_expect_gt(replay_dir("tests/fuzz/corpus/feed", fuzz_feed_one, true), 0,
                 "no seed inputs in tests/fuzz/corpus/feed");
    cr_expect_gt(replay_dir("tests/data/pages", fuzz_feed_one, true), 0,
                 "no seed inputs in tests/data/pages");
}
