/* test_fuzz_regressions.c — the extractor's fuzz targets replayed in
 * `make test`: every input under tests/fuzz/regressions/{numbers,extract}/
 * (inputs that once crashed a target or broke one of its invariants; see
 * tests/fuzz/README.md) and the seed corpora tests/fuzz/corpus/{numbers,
 * extract}/, through the very code libFuzzer runs (tests/fuzz/fuzz_*.c,
 * included here under other entry-point names). A crash or a broken
 * invariant aborts, which fails the test and names the input.
 */
#define FUZZ_ENTRY fuzz_numbers_one
#include "tests/fuzz/fuzz_numbers.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_extract_one
#include "tests/fuzz/fuzz_extract.c"
#undef FUZZ_ENTRY

#include "tests/fuzz/replay.h"

/* Inputs that once broke the numbers target (none yet is fine). */
Test(fuzz_regressions, numbers)
{
    replay_dir("tests/fuzz/regressions/numbers", fuzz_numbers_one, false);
}

/* Its seeds: they must all pass (libFuzzer starts from them). */
Test(fuzz_seeds, numbers)
{
    cr_expect_gt(replay_dir("tests/fuzz/corpus/numbers", fuzz_numbers_one, true), 0,
                 "no seed inputs in tests/fuzz/corpus/numbers");
}

/* Inputs that once broke the extract target (none yet is fine). */
Test(fuzz_regressions, extract)
{
    replay_dir("tests/fuzz/regressions/extract", fuzz_extract_one, false);
}

/* Its seeds: they must all pass (libFuzzer starts from them). */
Test(fuzz_seeds, extract)
{
    cr_expect_gt(replay_dir("tests/fuzz/corpus/extract", fuzz_extract_one, true), 0,
                 "no seed inputs in tests/fuzz/corpus/extract");
}
