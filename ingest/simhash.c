/* simhash.c — SimHash over word shingles (Charikar 2002; the 64-bit form
 * Manku, Jain and Das Sarma used for near-duplicate web pages).
 *
 * Each shingle is hashed with FNV-1a and mixed (splitmix64's finaliser) so
 * that every bit is equally likely; bit i of the result is set when more
 * shingles have it set than not. Shingles of three words keep word order
 * (a bag of words would call two reports of the same kind copies); a few
 * changed lines at the top and bottom of a page move a few bits.
 *
 * The threshold, 12 of 64 bits: two unrelated texts differ in 32 bits on
 * average (binomial, standard deviation 4), so 12 is five deviations away
 * (about 3 in 10 million pairs), while a short copy (about a hundred
 * words) with a changed dateline, opening line, footer and one word moves
 * 9 (tests/ingest/test_simhash.c); a longer one moves fewer.
 */
#include "ingest/simhash.h"

#include "extract/fnv1a.h"
#include "extract/text.h"

#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* A word is a token with a letter or digit: a lone punctuation mark is not. */
static bool is_word(const char *w, size_t n)
{
    if (n != 1)
        return true;
    char c = w[0];
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

uint64_t simhash_text(const char *utf8, size_t len)
{
    if (len > TEXT_MAX_BYTES)
        len = TEXT_MAX_BYTES;
    /* a mark becomes a word of its own with spaces around it: at most 3x */
    size_t cap = len * 3 + 16;
    char *norm = malloc(cap);
    if (!norm)
        return 0;
    size_t n = text_normalize(utf8, len, norm, cap);
    int counts[64] = {0};
    const char *words[SIMHASH_SHINGLE];
    size_t lens[SIMHASH_SHINGLE];
    size_t seen = 0;
    bool any = false;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && norm[j] != ' ')
            j++;
        if (j > i && is_word(norm + i, j - i)) {
            memmove(words, words + 1, (SIMHASH_SHINGLE - 1) * sizeof *words);
            memmove(lens, lens + 1, (SIMHASH_SHINGLE - 1) * sizeof *lens);
            words[SIMHASH_SHINGLE - 1] = norm + i;
            lens[SIMHASH_SHINGLE - 1] = j - i;
            if (++seen >= SIMHASH_SHINGLE) {
                uint64_t h = 1469598103934665603ull;
                for (size_t k = 0; k < SIMHASH_SHINGLE; k++)
                    h = fnv1a64(fnv1a64(h, words[k], lens[k]), " ", 1);
                h = mix(h);
                for (int b = 0; b < 64; b++)
                    counts[b] += (h >> b) & 1 ? 1 : -1;
                any = true;
            }
        }
        i = j + 1;
    }
    free(norm);
    if (!any)
        return 0;
    uint64_t out = 0;
    for (int b = 0; b < 64; b++)
        if (counts[b] > 0)
            out |= 1ull << b;
    return out;
}

int simhash_distance(uint64_t a, uint64_t b)
{
    return __builtin_popcountll(a ^ b);
}

bool simhash_near(uint64_t a, uint64_t b)
{
    return a != 0 && b != 0 && simhash_distance(a, b) <= SIMHASH_NEAR_BITS;
}
