/* repeated.h — long documents for the extractor's tests: one piece of text
 * written many times over. Header-only (static) because each
 * tests/extract/test_*.c is its own program.
 */
#ifndef MARSAD_TESTS_REPEATED_H
#define MARSAD_TESTS_REPEATED_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* n copies of `piece`, then `tail` (NULL: nothing), in one string
 * (malloc'd). */
static inline char *repeated(const char *piece, size_t n, const char *tail)
{
    size_t len = strlen(piece), tail_len = tail ? strlen(tail) : 0;
    char *s = malloc(n * len + tail_len + 1);
    cr_assert(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * len, piece, len);
    memcpy(s + n * len, tail ? tail : "", tail_len);
    s[n * len + tail_len] = '\0';
    return s;
}

#endif
