/* test_fuzz_regressions.c — the server's fuzz targets replayed in
 * `make test`: every input under tests/fuzz/regressions/{query,body}/
 * (inputs that once crashed a target or broke one of its invariants; see
 * tests/fuzz/README.md) and the seed corpora tests/fuzz/corpus/{query,
 * body}/, through the very code libFuzzer runs (tests/fuzz/fuzz_*.c,
 * included here under other entry-point names). A crash or a broken
 * invariant aborts, which fails the test and names the input.
 */
#define FUZZ_ENTRY fuzz_query_one
#include "tests/fuzz/fuzz_query.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_body_one
#include "tests/fuzz/fuzz_body.c"
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
