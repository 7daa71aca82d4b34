/* charset.c — declared character sets and their conversion to UTF-8.
 *
 * The declaration is looked for in the bytes themselves (a BOM, a <meta>
 * tag, the XML prolog), never guessed from the content: a page that
 * declares nothing is read as UTF-8, and invalid bytes make it a skip with
 * the offset of the first one, rather than text with holes in it.
 */
#include "ingest/charset.h"

#include "extract/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SNIFF_BYTES 8192

static bool has_utf8_bom(const char *buf, size_t len)
{
    return len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
}

/* Case-insensitive search of needle in [p, end). */
static const char *find_ci(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; p + n <= end; p++)
        if (strncasecmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* The name after `key` (then optional spaces, '=', quotes) in [p, end). */
static const char *name_after(const char *p, const char *end, char *out, size_t outsz)
{
    while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
        p++;
    size_t w = 0;
    while (p < end && w + 1 < outsz &&
           (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
        out[w++] = (char)tolower((unsigned char)*p++);
    out[w] = '\0';
    return w ? out : NULL;
}

const char *charset_html(const char *buf, size_t len, char *out, size_t outsz)
{
    if (has_utf8_bom(buf, len))
        return snprintf(out, outsz, "utf-8"), out;
    const char *end = buf + (len < SNIFF_BYTES ? len : SNIFF_BYTES);
    for (const char *p = buf; (p = find_ci(p, end, "<meta")); p += 5) {
        const char *close = memchr(p, '>', (size_t)(end - p));
        const char *tag_end = close ? close : end;
        const char *cs = find_ci(p, tag_end, "charset");
        if (cs && name_after(cs + 7, tag_end, out, outsz))
            return out;
    }
    return NULL;
}

const char *charset_xml(const char *buf, size_t len, char *out, size_t outsz)
{
    if (has_utf8_bom(buf, len))
        return snprintf(out, outsz, "utf-8"), out;
    if (len < 5 || strncmp(buf, "<?xml", 5) != 0)
        return NULL;
    const char *end = buf + (len < 512 ? len : 512);
    const char *close = find_ci(buf, end, "?>");
    const char *enc = find_ci(buf, close ? close : end, "encoding");
    return enc ? name_after(enc + 8, close ? close : end, out, outsz) : NULL;
}

static bool is_utf8_name(const char *cs)
{
    return !cs || strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0;
}

char *charset_to_utf8(const char *buf, size_t len, const char *charset, size_t *outlen, char *why,
                      size_t whysz)
{
    if (has_utf8_bom(buf, len) && is_utf8_name(charset)) {
        buf += 3;
        len -= 3;
    }
    if (is_utf8_name(charset) || strcasecmp(charset, "us-ascii") == 0) {
        size_t where;
        if (!utf8_valid(buf, len, &where)) {
            snprintf(why, whysz, "invalid UTF-8 at byte %zu", where);
            return NULL;
        }
        char *out = malloc(len + 1);
        if (!out) {
            snprintf(why, whysz, "out of memory");
            return NULL;
        }
        memcpy(out, buf, len);
        out[len] = '\0';
        *outlen = len;
        return out;
    }
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) {
        snprintf(why, whysz, "unknown charset '%.40s'", charset);
        return NULL;
    }
    /* A single-byte Arabic character becomes at most 3 bytes of UTF-8. */
    size_t cap = len * 3 + 1;
    char *out = malloc(cap);
    char *in = (char *)buf, *w = out;
    size_t in_left = len, out_left = cap - 1;
    if (!out) {
        iconv_close(cd);
        snprintf(why, whysz, "out of memory");
        return NULL;
    }
    size_t r = iconv(cd, &in, &in_left, &w, &out_left);
    if (r != (size_t)-1)
        r = iconv(cd, NULL, NULL, &w, &out_left);
    int err = errno;
    iconv_close(cd);
    if (r == (size_t)-1) {
        if (err == E2BIG)
            snprintf(why, whysz, "text too large after conversion from %.40s", charset);
        else
            snprintf(why, whysz, "invalid %.40s at byte %zu", charset, (size_t)(in - buf));
        free(out);
        return NULL;
    }
    *w = '\0';
    *outlen = (size_t)(w - out);
    size_t where;
    if (memchr(out, '\0', *outlen) || !utf8_valid(out, *outlen, &where)) {
        snprintf(why, whysz, "invalid %.40s (a NUL byte)", charset);
        free(out);
        return NULL;
    }
    return out;
}
