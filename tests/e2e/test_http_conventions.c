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

Test(conventions, nosniff_everywhere_page_policy_on_the_page)
{
    static const char *const paths[] = {"/",        "/v1/articles?limit=1", "/v1/nowhere",
                                        "/healthz", "/web/app.js",          "/openapi.yaml"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        for (int pass = 0; pass < 2; pass++) { /* the second may come from the cache */
            e2e_response *r = e2e_get(paths[i]);
            const char *nosniff = e2e_header_get(r, "X-Content-Type-Options");
            cr_expect(nosniff && strcmp(nosniff, "nosniff") == 0, "%s: %s", paths[i],
                      nosniff ? nosniff : "none");
            const char *csp = e2e_header_get(r, "Content-Security-Policy");
            cr_expect_eq(csp != NULL, strcmp(paths[i], "/") == 0, "%s: CSP %s", paths[i],
                         csp ? csp : "none");
            e2e_response_free(r);
        }
    }
    e2e_response *r = e2e_get("/");
    const char *csp = e2e_header_get(r, "Content-Security-Policy");
    cr_assert(csp);
    cr_expect(strstr(csp, "default-src 'none'"), "%s", csp);
    cr_expect(strstr(csp, "script-src 'self'"), "%s", csp);
    cr_expect(strstr(csp, "style-src 'self'"), "%s", csp);
    cr_expect(strstr(csp, "connect-src 'self'"), "%s", csp);
    cr_expect(strstr(csp, "frame-ancestors 'none'"), "%s", csp);
    cr_expect_not(strstr(csp, "unsafe-inline"), "%s", csp);
    cr_expect_str_eq(e2e_header_get(r, "Referrer-Policy"), "no-referrer");
    /* The policy is kept with the page: no inline script or style in it. */
    cr_expect_not(strstr(r->body, "<script>"), "an inline script would be refused");
    cr_expect_not(strstr(r->body, "<style"), "an inline style would be refused");
    cr_expect_not(strstr(r->body, " style="), "an inline style would be refused");
    char inm[96];
    snprintf(inm, sizeof inm, "If-None-Match: %s", e2e_header_get(r, "ETag"));
    e2e_response *nm = e2e_get("/", inm);
    cr_expect_eq(nm->status, 304);
    cr_expect_str_eq(e2e_header_get(nm, "X-Content-Type-Options"), "nosniff");
    e2e_response_free(nm);
    e2e_response_free(r);
}

TestSuite(conventions_cors, .fini = e2e_teardown, .timeout = 120);

Test(conventions_cors, exposes_what_scripts_need_and_answers_requested_headers)
{
    e2e_start(NULL, "--cors", "*");
    e2e_response *r = e2e_get("/v1/articles?limit=1", "Origin: http://example.org");
    const char *expose = e2e_header_get(r, "Access-Control-Expose-Headers");
    cr_assert(expose);
    static const char *const names[] = {
        "Link", "ETag", "Location", "Retry-After", "Content-Disposition", "WWW-Authenticate"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        cr_expect(strstr(expose, names[i]), "%s not exposed: %s", names[i], expose);
    cr_expect_null(
        e2e_header_get(r, "Vary") && strstr(e2e_header_get(r, "Vary"), "Origin") ? "Origin" : NULL,
        "any origin: the answer does not vary by it");
    e2e_response_free(r);

    static const struct {
        const char *requested, *allowed, *refused;
    } cases[] = {
        {"Access-Control-Request-Headers: authorization, content-type", "Authorization", "X-"},
        {"Access-Control-Request-Headers: if-none-match,x-evil", "If-None-Match", "x-evil"},
        {"Access-Control-Request-Headers: x-evil", NULL, "x-evil"},
        {"X-Nothing: requested", "Content-Type", "x-evil"}, /* none named: the whole list */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        r = e2e_request("OPTIONS", "/v1/articles", "Origin: http://example.org",
                        "Access-Control-Request-Method: POST", cases[i].requested);
        cr_assert_eq(r->status, 204);
        const char *h = e2e_header_get(r, "Access-Control-Allow-Headers");
        if (cases[i].allowed)
            cr_expect(h && strstr(h, cases[i].allowed), "%s: %s", cases[i].requested,
                      h ? h : "none");
        cr_expect(!h || !strcasestr(h, cases[i].refused), "%s: %s", cases[i].requested, h);
        e2e_response_free(r);
    }
    e2e_stop();
}

Test(conventions_cors, vary_origin_on_every_answer_with_an_origin_list)
{
    e2e_start(NULL, "--cors", "http://a.example");
    static const char *const paths[] = {"/v1/meta", "/v1/meta", "/v1/nowhere", "/healthz"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        e2e_response *r = e2e_get(paths[i]); /* no Origin asked: a shared cache still must vary */
        const char *vary = e2e_header_get(r, "Vary");
        cr_expect(vary && strstr(vary, "Origin"), "%s: Vary %s", paths[i], vary ? vary : "none");
        e2e_response_free(r);
    }
    e2e_stop();
}

/* ---- access log ----------------------------------------------------------- */

TestSuite(access_log, .fini = e2e_teardown, .timeout = 120);

#define SECRET "s3cret-token-0123456789abcdef"

static void requests_with_secrets(void)
{
    e2e_response_free(e2e_get("/v1/articles?limit=1&token=" SECRET "&x=1"));
    e2e_response_free(e2e_get("/v1/meta", "Authorization: Bearer " SECRET));
    e2e_response_free(e2e_get("/v1/meta?access_token=" SECRET));
}

Test(access_log, json_lines_for_machines_without_the_token)
{
    e2e_start(NULL, "--access-log=json");
    requests_with_secrets();
    e2e_stop();
    char *log = e2e_log();
    cr_assert_null(strstr(log, SECRET), "the token is in the log");
    size_t lines = 0;
    bool saw_meta = false;
    for (char *line = log, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        if (*line != '{')
            continue;
        json_error_t err;
        json_t *j = json_loadb(line, (size_t)(nl - line), 0, &err);
        cr_assert(json_is_object(j), "not JSON: %.*s", (int)(nl - line), line);
        lines++;
        const char *when = json_string_value(json_object_get(j, "time"));
        cr_assert(when && strlen(when) == 24 && when[4] == '-' && when[10] == 'T' &&
                      when[23] == 'Z',
                  "time %s is not RFC 3339", when ? when : "none");
        cr_expect_str_eq(json_string_value(json_object_get(j, "client")), "127.0.0.1");
        cr_expect_str_eq(json_string_value(json_object_get(j, "method")), "GET");
        cr_expect(json_is_integer(json_object_get(j, "status")));
        cr_expect(json_is_integer(json_object_get(j, "bytes")));
        cr_expect(json_integer_value(json_object_get(j, "us")) > 0);
        const char *target = json_string_value(json_object_get(j, "target"));
        cr_assert(target);
        if (strcmp(target, "/v1/meta") == 0) {
            saw_meta = true;
            cr_expect_eq(json_integer_value(json_object_get(j, "status")), 200);
            cr_expect_gt(json_integer_value(json_object_get(j, "bytes")), 0);
        }
        if (strncmp(target, "/v1/articles", 12) == 0)
            cr_expect_str_eq(target, "/v1/articles?limit=1&token=REDACTED&x=1");
        json_decref(j);
    }
    cr_expect_eq(lines, 3, "one line per request");
    cr_expect(saw_meta);
    free(log);
}

Test(access_log, text_lines_for_people)
{
    e2e_start(NULL);
    requests_with_secrets();
    e2e_stop();
    char *log = e2e_log();
    cr_assert_null(strstr(log, SECRET), "the token is in the log");
    const char *line = strstr(log, " GET /v1/meta 200 ");
    cr_assert(line, "no line for /v1/meta:\n%s", log);
    while (line > log && line[-1] != '\n')
        line--;
    /* 2026-01-02T03:04:05.678Z 127.0.0.1 GET /v1/meta 200 BYTES USus */
    cr_expect(line[4] == '-' && line[10] == 'T' && line[23] == 'Z' && line[24] == ' ', "%.80s",
              line);
    cr_expect(strncmp(line + 25, "127.0.0.1 GET /v1/meta 200 ", 27) == 0, "%.80s", line);
    const char *end = strchr(line, '\n');
    cr_expect(end && end - line > 3 && strncmp(end - 2, "us", 2) == 0, "%.80s", line);
    free(log);
}

Test(access_log, off_writes_no_line)
{
    e2e_start(NULL, "--access-log=off");
    e2e_response_free(e2e_get("/v1/meta"));
    e2e_stop();
    char *log = e2e_log();
    cr_expect_null(strstr(log, "/v1/meta"), "%s", log);
    free(log);
}

/* ---- problem types resolve ------------------------------------------------ */

Test(conventions, problem_types_resolve_to_a_page)
{
    static const struct {
        const char *method, *path;
    } failures[] = {
        {"GET", "/v1/nowhere"},              /* not-found */
        {"GET", "/v1/articles?limit=0"},     /* invalid-parameter */
        {"DELETE", "/v1/figures"},           /* method-not-allowed */
        {"POST", "/v1/articles"},            /* forbidden: no token */
        {"GET", "/v1/articles?limit=1&%ff"}, /* invalid-request or -parameter */
    };
    for (size_t i = 0; i < sizeof failures / sizeof failures[0]; i++) {
        e2e_response *r = e2e_request(failures[i].method, failures[i].path);
        cr_assert(r->json, "%s %s: no problem body", failures[i].method, failures[i].path);
        const char *type = json_string_value(json_object_get(r->json, "type"));
        cr_assert(type && strncmp(type, "/problems/", 10) == 0, "%s", type ? type : "none");
        e2e_response *page = e2e_get(type);
        cr_expect_eq(page->status, 200, "%s does not resolve", type);
        cr_expect(strncmp(e2e_header_get(page, "Content-Type"), "text/html", 9) == 0);
        cr_expect(strstr(page->body, "<h1>"), "%s: %s", type, page->body);
        e2e_response_free(page);
        e2e_response_free(r);
    }
    e2e_response *r = e2e_get("/problems/no-such-problem");
    cr_expect_eq(r->status, 404);
    e2e_response_free(r);
    r = e2e_get("/problems/not-found?x=1");
    cr_expect_eq(r->status, 400, "no query parameters");
    e2e_response_free(r);
}
