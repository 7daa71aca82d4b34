/* store_cursor.c — the opaque cursors of keyset paging.
 *
 * A cursor is base64url (no padding) of 8 bytes of check followed by a JSON
 * array of the last row's sort-key values. The check (FNV-1a 64 over the
 * query's sort spec and the payload) makes a cursor from another resource
 * or sort order, or any edited one, fail as STORE_BADCURSOR instead of
 * silently paging from a wrong place; decoding is strict so that one text
 * maps to one byte string.
 *
 * Left out: secrecy. The check is not a MAC; a client that forges a cursor
 * only chooses where its own page starts, which it could do with filters.
 */
#include <stdlib.h>
#include <string.h>

#include "db/store_int.h"
#include "extract/fnv1a.h"

#define MAX_CURSOR 16384

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static uint64_t cursor_check(const char *spec, const char *payload, size_t n)
{
    uint64_t h = fnv1a64(FNV1A64_OFFSET, spec, strlen(spec) + 1);
    return fnv1a64(h, payload, n);
}

static char *b64_encode(const unsigned char *p, size_t n)
{
    char *out = malloc(n / 3 * 4 + 4 + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    for (; i + 2 < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
        out[o++] = B64[v >> 18 & 63];
        out[o++] = B64[v >> 12 & 63];
        out[o++] = B64[v >> 6 & 63];
        out[o++] = B64[v & 63];
    }
    if (n - i == 1) {
        unsigned v = (unsigned)p[i] << 16;
        out[o++] = B64[v >> 18 & 63];
        out[o++] = B64[v >> 12 & 63];
    } else if (n - i == 2) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
        out[o++] = B64[v >> 18 & 63];
        out[o++] = B64[v >> 12 & 63];
        out[o++] = B64[v >> 6 & 63];
    }
    out[o] = '\0';
    return out;
}

static int b64_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '-' ? 62 : c == '_' ? 63 : -1;
}

/* Strict: only the alphabet, no padding, unused trailing bits zero (so one
 * text decodes to one byte string and back). NULL if malformed. */
static unsigned char *b64_decode(const char *s, size_t len, size_t *n_out)
{
    if (len % 4 == 1)
        return NULL;
    unsigned char *out = malloc(len / 4 * 3 + 3);
    if (!out)
        return NULL;
    unsigned acc = 0;
    int bits = 0;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        int v = b64_value(s[i]);
        if (v < 0) {
            free(out);
            return NULL;
        }
        acc = acc << 6 | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    if (acc != 0) {
        free(out);
        return NULL;
    }
    *n_out = n;
    return out;
}

/* The cursor after the current row of st (key columns from c on). */
char *store_cursor_encode(store *s, const store_keyset *ks, sqlite3_stmt *st, int c)
{
    char *payload = NULL, *out = NULL;
    unsigned char *raw = NULL;
    json_t *a = json_array();
    if (!a)
        goto out;
    for (size_t i = 0; i < ks->n; i++) {
        int k = c + (int)i;
        json_t *v;
        switch (sqlite3_column_type(st, k)) {
        case SQLITE_NULL: v = json_null(); break;
        case SQLITE_INTEGER: v = json_integer(sqlite3_column_int64(st, k)); break;
        case SQLITE_FLOAT: v = json_real(sqlite3_column_double(st, k)); break;
        default: v = store_col_str(st, k); break;
        }
        if (json_array_append_new(a, v) != 0)
            goto out;
    }
    payload = json_dumps(a, JSON_COMPACT | JSON_REAL_PRECISION(17));
    if (!payload)
        goto out;
    size_t n = strlen(payload);
    if (!(raw = malloc(n + 8)))
        goto out;
    uint64_t h = cursor_check(ks->spec, payload, n);
    for (int i = 0; i < 8; i++)
        raw[i] = (unsigned char)(h >> (56 - 8 * i));
    memcpy(raw + 8, payload, n);
    out = b64_encode(raw, n + 8);
out:
    if (!out)
        store_set_err(s, "out of memory (cursor)");
    json_decref(a);
    free(payload);
    free(raw);
    return out;
}

/* The key values a cursor carries, checked against the query's order (a
 * new reference to an array of ks->n values), or NULL. */
json_t *store_cursor_decode(store *s, const store_keyset *ks, const char *cursor)
{
    json_t *a = NULL;
    size_t n = 0, len = strlen(cursor);
    unsigned char *raw = len <= MAX_CURSOR ? b64_decode(cursor, len, &n) : NULL;
    if (!raw || n < 8 + 2)
        goto bad;
    uint64_t h = 0;
    for (int i = 0; i < 8; i++)
        h = h << 8 | raw[i];
    if (h != cursor_check(ks->spec, (const char *)raw + 8, n - 8)) {
        store_set_err(s, "the cursor belongs to another query or sort order");
        goto fail;
    }
    a = json_loadb((const char *)raw + 8, n - 8, JSON_DECODE_ANY, NULL);
    if (!json_is_array(a) || json_array_size(a) != ks->n)
        goto bad;
    for (size_t i = 0; i < ks->n; i++) {
        const store_sort_col *col = ks->k[i].col;
        json_t *v = json_array_get(a, i);
        bool okv = json_is_null(v)    ? col->nullable
                   : col->kind == 't' ? json_is_string(v)
                   : col->kind == 'i' ? json_is_integer(v)
                                      : json_is_number(v);
        if (!okv)
            goto bad;
    }
    free(raw);
    return a;
bad:
    store_set_err(s, "malformed cursor");
fail:
    json_decref(a);
    free(raw);
    return NULL;
}
