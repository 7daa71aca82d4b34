/* pages_fixture.h — what the reader tests share: the test pages, feeds and
 * exports written for them (tests/data/pages/, or $MARSAD_TEST_DATA/pages/),
 * read whole. Header-only because each tests/ingest/test_*.c is its own
 * program.
 */
#ifndef MARSAD_TESTS_PAGES_FIXTURE_H
#define MARSAD_TESTS_PAGES_FIXTURE_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

/* The file's bytes, NUL-terminated (caller frees); its length in *len. */
static inline char *slurp(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/pages/%s",
             getenv("MARSAD_TEST_DATA") ? getenv("MARSAD_TEST_DATA") : "tests/data", name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

#endif
