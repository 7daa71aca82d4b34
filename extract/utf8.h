/* utf8.h — strict UTF-8: decoding one code point, validating a buffer, and
 * encoding. Strict means no overlong forms, no surrogates, nothing above
 * U+10FFFF, and (for validation of text) no NUL.
 */
#ifndef MARSAD_UTF8_H
#define MARSAD_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s (n bytes available). Returns its length in
 * bytes (1-4) and sets *cp, or 0 when the bytes there are not valid UTF-8. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* The length (1-4) of the valid sequence at s (n >= 1 bytes available), 0
 * when there is none. ASCII and two-byte sequences, which are every Arabic
 * letter, are checked here inline; the rest by utf8_decode. NUL counts as
 * valid (callers that refuse it test for it). */
static inline size_t utf8_next(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) /* 0xC0 and 0xC1 only start overlong forms */
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    uint32_t cp;
    return utf8_decode(s, n, &cp);
}

/* True when s[0..len) is valid UTF-8 without NUL bytes. When not, and where
 * is not NULL, *where is the byte offset of the first invalid sequence. */
bool utf8_valid(const char *s, size_t len, size_t *where);

/* Encode cp into out (4 bytes available); returns the length, 0 if cp is not
 * a scalar value. */
size_t utf8_encode(uint32_t cp, char *out);

/* Make s[0..len) valid UTF-8 in place: every byte that does not start a
 * valid sequence (a cut character, a stray byte, a NUL) becomes '?'.
 * Returns how many bytes were replaced. */
size_t utf8_repair(char *s, size_t len);

/* Number of code points in valid UTF-8 s[0..len). */
size_t utf8_count(const char *s, size_t len);

#endif
