/* test_http_conventions.c — issue 18's HTTP conventions against the real
 * binary: gzip compression (and its cached form), security headers, CORS.
 */
#include "../support/e2e.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void start(void)
{
    e2e_start(NULL);
}

TestSuite(conventions, .init = start, .fini = e2e_teardown, .timeout = 120);

/* The bytes a gzip body inflates to (malloc'd, NUL-terminated). */
static char *gunzip(const char *in, size_t len, size_t *out_len)
{
    size_t cap = 1 << 22;
    char *out = malloc(cap + 1);
    cr_assert(out);
    z_stream z;
    memset(&z, 0, sizeof z);
    cr_assert(inflateInit2(&z, 15 + 16) == Z_OK);
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    cr_assert(inflate(&z, Z_FINISH) == Z_STREAM_END, "not a whole gzip stream");
    *out_len = z.total_out;
    inflateEnd(&z);
    out[*out_len] = '\0';
    return out;
}

static bool has_token(const char *list, const char *token)
{
    return list && strstr(list, token) != NULL;
}

Test(conventions, gzip_when_asked_same_bytes_own_etag)
{
    const char *path = "/v1/articles?limit=20";
    e2e_response *plain = e2e_get(path);
    cr_assert_eq(plain->status, 200);
    cr_assert_null(e2e_header_get(plain, "Content-Encoding"));
    cr_assert(has_token(e2e_header_get(plain, "Vary"), "Accept-Encoding"));
    cr_assert_gt(plain->len, 1024);
    /* Twice: the second answer comes from the cache and must be the same. */
    for (int pass = 0; pass < 2; pass++) {
        e2e_response *gz = e2e_get(path, "Accept-Encoding: gzip, deflate");
        cr_assert_eq(gz->status, 200);
        cr_assert_str_eq(e2e_header_get(gz, "Content-Encoding"), "gzip");
        cr_assert(has_token(e2e_header_get(gz, "Vary"), "Accept-Encoding"));
        cr_assert_lt(gz->len, plain->len / 2, "gzip: %zu of %zu bytes", gz->len, plain->len);
        size_t n;
        char *body = gunzip(gz->body, gz->len, &n);
        cr_assert_eq(n, plain->len);
        cr_assert(memcmp(body, plain->body, n) == 0, "pass %d: other bytes", pass);
        free(body);
        const char *etag = e2e_header_get(gz, "ETag");
        cr_assert(etag);
        cr_assert_str_neq(etag, e2e_header_get(plain, "ETag"), "the gzip form shares the tag");
        char inm[96];
        snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
        e2e_response *nm = e2e_get(path, "Accept-Encoding: gzip", inm);
        cr_assert_eq(nm->status, 304);
        e2e_response_free(nm);
        /* The plain tag does not validate the gzip form. */
        snprintf(inm, sizeof inm, "If-None-Match: %s", e2e_header_get(plain, "ETag"));
        nm = e2e_get(path, "Accept-Encoding: gzip", inm);
        cr_assert_eq(nm->status, 200);
        e2e_response_free(nm);
        e2e_response_free(gz);
    }
    /* The plain form is still served plain after the gzip one was cached. */
    e2e_response *again = e2e_get(path);
    cr_assert_null(e2e_header_get(again, "Content-Encoding"));
    cr_assert_eq(again->len, plain->len);
    e2e_response_free(again);
    e2e_response_free(plain);
}

Test(conventions, gzip_only_when_accepted_and_worth_it)
{
    static const struct {
        const char *path, *accept;
        bool gzip;
    } cases[] = {
        {"/v1/articles?limit=20", "Accept-Encoding: gzip;q=0", false},
        {"/v1/articles?limit=20", "Accept-Encoding: identity", false},
        {"/v1/articles?limit=20", "Accept-Encoding: br;q=1, *;q=0.1", true},
        {"/v1/articles?limit=20", "Accept-Encoding: GZIP;q=0.5", true},
        {"/healthz", "Accept-Encoding: gzip", false},          /* under 1 KiB */
        {"/v1/articles/nope", "Accept-Encoding: gzip", false}, /* a small problem */
        {"/openapi.yaml", "Accept-Encoding: gzip", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        e2e_response *r = e2e_get(cases[i].path, cases[i].accept);
        const char *enc = e2e_header_get(r, "Content-Encoding");
        cr_expect_eq(enc != NULL, cases[i].gzip, "%s with %s: Content-Encoding %s", cases[i].path,
                     cases[i].accept, enc ? enc : "none");
        e2e_response_free(r);
    }
}
