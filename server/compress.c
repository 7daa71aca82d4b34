/* compress.c — gzip through zlib (see compress.h). */
#include "server/compress.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* The q-value of one Accept-Encoding member ("gzip;q=0.5"): 1 when absent. */
static double q_value(const char *params, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if ((params[i] == 'q' || params[i] == 'Q') && params[i + 1] == '=') {
            char num[8] = "";
            size_t n = 0;
            for (size_t j = i + 2; j < len && n + 1 < sizeof num; j++)
                num[n++] = params[j];
            num[n] = '\0';
            return strtod(num, NULL);
        }
    }
    return 1.0;
}

bool compress_accepts_gzip(const char *header)
{
    if (!header)
        return false;
    double gzip_q = -1, any_q = -1;
    for (const char *p = header; *p;) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        size_t member = strcspn(p, ",");
        size_t name = strcspn(p, ";, \t");
        if (name > member)
            name = member;
        double q = q_value(p + name, member - name);
        if ((name == 4 && strncasecmp(p, "gzip", 4) == 0) ||
            (name == 6 && strncasecmp(p, "x-gzip", 6) == 0))
            gzip_q = q;
        else if (name == 1 && *p == '*')
            any_q = q;
        p += member;
    }
    return gzip_q >= 0 ? gzip_q > 0 : any_q > 0;
}

bool compress_type_ok(const char *content_type)
{
    if (!content_type)
        return false;
    return strncmp(content_type, "text/", 5) == 0 || strstr(content_type, "json") ||
           strstr(content_type, "yaml") || strstr(content_type, "javascript") ||
           strstr(content_type, "svg");
}

bool compress_gzip(const char *in, size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (len < COMPRESS_MIN_BYTES || len > UINT_MAX / 2)
        return false;
    z_stream z;
    memset(&z, 0, sizeof z);
    /* 15 + 16: a gzip wrapper rather than zlib's; level 6, zlib's default
     * balance, is paid once per cached answer. */
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return false;
    uLong cap = deflateBound(&z, (uLong)len);
    char *buf = malloc(cap);
    if (!buf) {
        deflateEnd(&z);
        return false;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)buf;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t n = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END || n >= len) {
        free(buf);
        return false;
    }
    *out = buf;
    *out_len = n;
    return true;
}
