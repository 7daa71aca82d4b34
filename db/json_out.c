/* json_out.c — JSON bytes straight into a buffer (json_out.h says which
 * bytes and why they match jansson's).
 *
 * Left out: pretty printing, escaping of '/' or of non-ASCII, and reading
 * JSON (jansson stays for bodies and files).
 */
#include "db/json_out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract/utf8.h"

void json_out_init(json_out *o, size_t max)
{
    memset(o, 0, sizeof *o);
    o->max = max;
}

void json_out_free(json_out *o)
{
    if (!o)
        return;
    free(o->p);
    o->p = NULL;
    o->len = o->cap = 0;
}

/* Room for n more bytes and a NUL; false (and failed) when there is none. */
static bool reserve(json_out *o, size_t n)
{
    if (o->failed)
        return false;
    if (n >= o->max || o->len >= o->max - n) {
        o->failed = true;
        return false;
    }
    if (o->len + n < o->cap)
        return true;
    size_t cap = o->cap ? o->cap : 4096;
    while (cap <= o->len + n)
        cap *= 2;
    if (cap > o->max + 1)
        cap = o->max + 1;
    char *p = realloc(o->p, cap);
    if (!p) {
        o->failed = true;
        return false;
    }
    o->p = p;
    o->cap = cap;
    return true;
}

void json_out_raw(json_out *o, const char *s, size_t n)
{
    if (!reserve(o, n))
        return;
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

void json_out_lit(json_out *o, const char *s)
{
    json_out_raw(o, s, strlen(s));
}

/* From u[i] on, skips 16-byte blocks that hold only bytes written as they
 * are: ASCII other than controls, '"' and '\\', and whole two-byte UTF-8
 * sequences (every Arabic letter). Returns the start of the first block
 * that holds anything else, or of the tail shorter than a block; always at
 * a character's start. Without SSE2 it skips nothing. */
static size_t skip_plain_blocks(const unsigned char *u, size_t i, size_t n)
{
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i below_lead = _mm_set1_epi8((char)0xC1), past_lead = _mm_set1_epi8((char)0xE0);
    const __m128i past_cont = _mm_set1_epi8((char)0xC0);
    while (n - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        unsigned high = (unsigned)_mm_movemask_epi8(x);
        /* As signed bytes every byte >= 0x80 is below 0x20 too. */
        unsigned control = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, space)) & ~high;
        unsigned escaped = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
        if (control | escaped)
            break;
        if (high) {
            /* 0xC2..0xDF lead, 0x80..0xBF continue; each lead is followed by
             * one continuation, within the block or as the next block's first
             * byte (the block then ends before that lead). */
            unsigned lead = (unsigned)_mm_movemask_epi8(
                _mm_and_si128(_mm_cmpgt_epi8(x, below_lead), _mm_cmplt_epi8(x, past_lead)));
            unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, past_cont));
            if ((lead | cont) != high || cont != ((lead << 1) & 0xFFFFu))
                break;
            if (lead & 0x8000u) {
                i += 15;
                continue;
            }
        }
        i += 16;
    }
#endif
    (void)u;
    (void)n;
    return i;
}

void json_out_str(json_out *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    if (o->failed)
        return;
    /* Most texts need no escape: room for them and the quotes at once. */
    if (!reserve(o, n + 2))
        return;
    o->p[o->len++] = '"';
    /* One pass checks the UTF-8 (strict, no NUL: a failed text fails the
     * whole output) and finds what needs an escape: whole blocks of plain
     * bytes at once, then a block's worth one character at a time. */
    const unsigned char *u = (const unsigned char *)s;
    size_t from = 0, i = 0;
    while (i < n) {
        i = skip_plain_blocks(u, i, n);
        size_t block_end = n - i > 16 ? i + 16 : n;
        while (i < block_end) {
            unsigned char c = u[i];
            if (c >= 0x20 && c != '"' && c != '\\') {
                size_t k = utf8_next(u + i, n - i);
                if (!k) {
                    o->failed = true;
                    return;
                }
                i += k;
                continue;
            }
            if (c == 0) {
                o->failed = true;
                return;
            }
            json_out_raw(o, s + from, i - from);
            char esc[6] = {'\\', 0};
            size_t k = 2;
            switch (c) {
            case '"': esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            case '\n': esc[1] = 'n'; break;
            case '\r': esc[1] = 'r'; break;
            case '\t': esc[1] = 't'; break;
            default:
                memcpy(esc + 1, "u00", 3);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                k = 6;
            }
            json_out_raw(o, esc, k);
            from = ++i;
        }
    }
    if (from == 0) { /* no escape: the room reserved above holds it all */
        memcpy(o->p + o->len, s, n);
        o->len += n;
        o->p[o->len++] = '"';
        return;
    }
    json_out_raw(o, s + from, n - from);
    json_out_raw(o, "\"", 1);
}

void json_out_key(json_out *o, const char *key)
{
    size_t n = strlen(key);
    if (!reserve(o, n + 3))
        return;
    o->p[o->len++] = '"';
    memcpy(o->p + o->len, key, n);
    o->len += n;
    o->p[o->len++] = '"';
    o->p[o->len++] = ':';
}

/* By hand, not snprintf: a list page writes hundreds of integers, and
 * printf's format parsing was a tenth of its time. */
void json_out_int(json_out *o, long long v)
{
    char buf[24];
    char *at = buf + sizeof buf;
    /* in unsigned arithmetic, so that LLONG_MIN's magnitude fits */
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--at = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0)
        *--at = '-';
    json_out_raw(o, at, (size_t)(buf + sizeof buf - at));
}

/* %.10g of v into buf for 1 <= |v| < 1e9 without printf, whose decimal
 * conversion of a double was a tenth of a rendered figures page (each
 * figure's place has a latitude and a longitude). The ten significant digits
 * are |v| scaled and rounded; the product's error is far below 1e-3 of a
 * unit of the last digit, so the rounding is printf's unless the scaled value
 * lies that close to a half, which is left to printf. Returns the length, or
 * 0 when printf must decide. */
static size_t real_digits(double v, char *buf)
{
    double mag = fabs(v);
    if (!(mag >= 1.0 && mag < 1e9))
        return 0;
    int int_digits = 1;
    double scale = 1e9; /* 10^(10 - int_digits) */
    for (double bound = 10.0; mag >= bound; bound *= 10.0) {
        int_digits++;
        scale /= 10.0;
    }
    double scaled = mag * scale;
    double whole = floor(scaled);
    double frac = scaled - whole;
    if (fabs(frac - 0.5) < 1e-3)
        return 0;
    unsigned long long digits = (unsigned long long)whole + (frac > 0.5);
    if (digits >= 10000000000ULL) /* rounded up to one more digit */
        return 0;
    char ten[10];
    for (int i = 9; i >= 0; i--, digits /= 10)
        ten[i] = (char)('0' + digits % 10);
    int last = 9; /* trailing zeros of the fraction go, as %g drops them */
    while (last >= int_digits && ten[last] == '0')
        last--;
    size_t n = 0;
    if (v < 0)
        buf[n++] = '-';
    memcpy(buf + n, ten, (size_t)int_digits);
    n += (size_t)int_digits;
    if (last >= int_digits) {
        buf[n++] = '.';
        memcpy(buf + n, ten + int_digits, (size_t)(last + 1 - int_digits));
        n += (size_t)(last + 1 - int_digits);
    }
    buf[n] = '\0';
    return n;
}

void json_out_real(json_out *o, double v)
{
    if (!isfinite(v)) {
        o->failed = true;
        return;
    }
    char buf[40];
    size_t fast = real_digits(v, buf);
    if (fast) {
        if (!memchr(buf, '.', fast)) { /* a real must not read back as an integer */
            memcpy(buf + fast, ".0", 3);
            fast += 2;
        }
        json_out_raw(o, buf, fast);
        return;
    }
    int n = snprintf(buf, sizeof buf, "%.10g", v);
    if (n <= 0 || (size_t)n >= sizeof buf - 3) {
        o->failed = true;
        return;
    }
    size_t len = (size_t)n;
    /* A real must not read back as an integer. */
    if (!memchr(buf, '.', len) && !memchr(buf, 'e', len)) {
        memcpy(buf + len, ".0", 3);
        len += 2;
    }
    /* "1e+20" and "1e-07" as "1e20" and "1e-7". */
    char *e = memchr(buf, 'e', len);
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - buf) + 1);
            len -= (size_t)(end - start);
        }
    }
    json_out_raw(o, buf, len);
}

char *json_out_take(json_out *o, size_t *len)
{
    if (!o->failed && !reserve(o, 0))
        o->failed = true;
    if (o->failed) {
        json_out_free(o);
        return NULL;
    }
    o->p[o->len] = '\0';
    char *p = o->p;
    *len = o->len;
    o->p = NULL;
    o->len = o->cap = 0;
    return p;
}
