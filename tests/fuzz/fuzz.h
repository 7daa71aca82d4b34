/* fuzz.h — what marsad's libFuzzer targets share.
 *
 * Each tests/fuzz/fuzz_*.c defines its entry point as FUZZ_ENTRY, which is
 * LLVMFuzzerTestOneInput unless the includer names it otherwise (static
 * helpers carry a per-target prefix so two targets fit in one file): the
 * Criterion tests tests/extract/test_fuzz_regressions.c and
 * tests/server/test_fuzz_regressions.c #include the targets under other
 * names and replay tests/fuzz/regressions/<target>/ and the seed corpora
 * through the very same code, in `make test` (without libFuzzer).
 *
 * A target checks the invariants of what it calls (spans inside the text,
 * a refused query answered with a 400 problem+json that is valid JSON,
 * next URLs that fit their buffer...) and calls fuzz_fail on a violation:
 * it prints the reason and aborts, which libFuzzer reports as a crash (and
 * saves the input) and Criterion as a failed test.
 */
#ifndef MARSAD_TESTS_FUZZ_H
#define MARSAD_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define fuzz_check(cond, ...)                                                                    \
    do {                                                                                         \
        if (!(cond)) {                                                                           \
            fprintf(stderr, "fuzz: invariant broken at %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                                        \
            fputc('\n', stderr);                                                                 \
            abort();                                                                             \
        }                                                                                        \
    } while (0)

#endif
