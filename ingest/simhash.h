/* simhash.h — a 64-bit SimHash of an article's text, to recognise wire
 * copies: the same agency story re-published by several sites with their
 * own header and footer lines differs in a few bits, two different stories
 * in about half of them.
 *
 * Pure: no I/O. The text is normalised as the extractor normalises tokens
 * (text_normalize: harakat, hamza forms and Arabic-Indic digits folded),
 * punctuation is dropped, and every run of SIMHASH_SHINGLE words is one
 * feature of weight 1.
 */
#ifndef MARSAD_SIMHASH_H
#define MARSAD_SIMHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIMHASH_SHINGLE 3    /* words per shingle */
#define SIMHASH_NEAR_BITS 12 /* at most this many differing bits: a copy */

/* The SimHash of len bytes of UTF-8 (at most the 1 MiB document limit is
 * read). 0 for a text of no words. */
uint64_t simhash_text(const char *utf8, size_t len);

/* How many bits differ. */
int simhash_distance(uint64_t a, uint64_t b);

/* Are a and b the hashes of copies of one text (at most
 * SIMHASH_NEAR_BITS bits apart, and neither the hash of an empty text)? */
bool simhash_near(uint64_t a, uint64_t b);

#endif
