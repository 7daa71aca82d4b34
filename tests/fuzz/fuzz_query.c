/* fuzz_query.c — the query-string and filter parser on any bytes.
 *
 * The input is a URL query string. It is split and decoded as
 * libmicrohttpd 0.9.75 does for the server (pieces split on '&', a name
 * and a value on the first '=', '+' as a space, %XX decoded leniently: an
 * invalid escape stays as it is), the decoded arguments collected as
 * server/http.c's collect_arg does (a NUL inside stops the collection and
 * flags nul_in_args; the 33rd argument flags too_many_args), and the
 * request handed to every parameter parser the routes call:
 * params_query_or_reply for each list (and the claimant preset of
 * /v1/sources/{id}/figures), params_check_or_reply as the routes without
 * parameters call it, params_only_or_reply / params_enum_or_reply /
 * params_int_or_reply as /v1/figures/compare and /v1/search call them, and
 * params_next_url for every accepted list query.
 *
 * Invariants: a refusal is a 400 application/problem+json whose body is a
 * JSON object with "status": 400 (never a 500 because a message could not
 * be serialised); an accepted query is within the store's limits; a next
 * URL fits its buffer, starts with the path and decodes back to the same
 * arguments with the cursor last.
 */
#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif
#include "tests/fuzz/fuzz.h"

#include "server/params.h"
#include "server/reply.h"
#include "server/request.h"

#include <jansson.h>
#include <string.h>

int FUZZ_ENTRY(const uint8_t *data, size_t size);

static int query_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* s[0..n) with '+' as space and valid %XX decoded, as a new string;
 * *len is its length (it may hold NULs). */
static char *query_decode(const char *s, size_t n, size_t *len)
{
    char *out = malloc(n + 1);
    fuzz_check(out != NULL, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] == '+') {
            out[k++] = ' ';
        } else if (s[i] == '%' && i + 2 < n && (hi = query_hex(s[i + 1])) >= 0 &&
                   (lo = query_hex(s[i + 2])) >= 0) {
            out[k++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    *len = k;
    return out;
}

typedef struct query_args {
    char *owned[2 * REQUEST_MAX_ARGS + 2];
    size_t n_owned;
} query_args;

/* Split q (NUL-terminated) into rq's arguments, as libmicrohttpd and
 * collect_arg do. */
static void query_parse(const char *q, request *rq, query_args *keep)
{
    const char *p = q;
    while (*p) {
        size_t piece = strcspn(p, "&");
        const char *eq = memchr(p, '=', piece);
        size_t name_len = eq ? (size_t)(eq - p) : piece;
        size_t klen, vlen = 0;
        char *key = query_decode(p, name_len, &klen);
        char *value = eq ? query_decode(eq + 1, piece - name_len - 1, &vlen) : NULL;
        keep->owned[keep->n_owned++] = key;
        if (value)
            keep->owned[keep->n_owned++] = value;
        if (strlen(key) != klen || (value && strlen(value) != vlen)) {
            rq->nul_in_args = true;
            rq->nul_arg = strlen(key) == klen ? key : NULL;
            return;
        }
        if (rq->n_args == REQUEST_MAX_ARGS) {
            rq->too_many_args = true;
            return;
        }
        rq->args[rq->n_args].name = key;
        rq->args[rq->n_args].value = value ? value : "";
        rq->n_args++;
        p += piece;
        if (*p == '&')
            p++;
    }
}

/* A refusal must be a 400 problem the client can read. */
static void query_check_refusal(reply *r, const char *what)
{
    fuzz_check(r->status == 400, "%s: refused with status %u (body %.200s)", what, r->status,
               r->body ? r->body : "(none)");
    fuzz_check(r->content_type && strcmp(r->content_type, "application/problem+json") == 0,
               "%s: content type %s", what, r->content_type ? r->content_type : "(none)");
    json_error_t e;
    json_t *j = r->body ? json_loadb(r->body, r->len, 0, &e) : NULL;
    fuzz_check(json_is_object(j), "%s: the problem is not a JSON object: %.200s", what,
               r->body ? r->body : "(none)");
    fuzz_check(json_integer_value(json_object_get(j, "status")) == 400, "%s: problem status", what);
    json_decref(j);
}

/* next_url must fit, start with the path, and decode to the same
 * arguments (cursor dropped, then the new cursor last). */
static void query_check_next_url(const request *rq, const char *cursor)
{
    char url[PARAMS_DEFAULT_MAX_URL + 1]; /* as server/handlers.c list_resource */
    if (params_next_url(rq, cursor, url, sizeof url)) {
        size_t n = strlen(url), plen = strlen(rq->path);
        fuzz_check(n < sizeof url, "next_url of %zu bytes", n);
        fuzz_check(strncmp(url, rq->path, plen) == 0 && url[plen] == '?', "next_url %.200s", url);
        request back;
        memset(&back, 0, sizeof back);
        query_args keep = {.n_owned = 0};
        query_parse(url + plen + 1, &back, &keep);
        size_t k = 0;
        for (size_t i = 0; i < rq->n_args; i++) {
            if (strcmp(rq->args[i].name, "cursor") == 0)
                continue;
            fuzz_check(k < back.n_args && strcmp(back.args[k].name, rq->args[i].name) == 0 &&
                           strcmp(back.args[k].value, rq->args[i].value) == 0,
                       "next_url %.300s does not give back argument %zu", url, i);
            k++;
        }
        fuzz_check(k + 1 == back.n_args && strcmp(back.args[k].name, "cursor") == 0 &&
                       strcmp(back.args[k].value, cursor) == 0,
                   "next_url %.300s: the cursor is not last or not whole", url);
        for (size_t i = 0; i < keep.n_owned; i++)
            free(keep.owned[i]);
    }
    /* Too small a buffer is refused, never overrun. */
    char tiny[8];
    memset(tiny, 'x', sizeof tiny);
    if (params_next_url(rq, cursor, tiny, sizeof tiny - 1))
        fuzz_check(strlen(tiny) < sizeof tiny - 1, "next_url overran a small buffer");
    fuzz_check(tiny[sizeof tiny - 1] == 'x', "next_url wrote past its buffer");
    fuzz_check(!params_next_url(rq, cursor, tiny, 0), "next_url into no room");
}

static void query_check_accepted(const request *rq, store_resource res, const store_query *q)
{
    size_t n_defs, n_sort, n_facets;
    store_filters(res, &n_defs);
    store_sort_fields(res, &n_sort);
    store_facets(res, &n_facets);
    fuzz_check(q->res == res, "resource");
    fuzz_check(q->limit >= 1 && q->limit <= STORE_MAX_LIMIT, "limit %d", q->limit);
    fuzz_check(q->n_filters <= STORE_MAX_FILTERS, "%zu filters", q->n_filters);
    for (size_t i = 0; i < q->n_filters; i++)
        fuzz_check(q->filters[i].def < n_defs && q->filters[i].text, "filter %zu", i);
    fuzz_check(q->n_sort <= STORE_MAX_SORT, "%zu sort fields", q->n_sort);
    for (size_t i = 0; i < q->n_sort; i++)
        fuzz_check(q->sort[i].field < n_sort, "sort field %zu", i);
    fuzz_check(q->n_facets <= STORE_MAX_FACETS, "%zu facets", q->n_facets);
    for (size_t i = 0; i < q->n_facets; i++)
        fuzz_check(q->facets[i] < n_facets, "facet %zu", i);
    query_check_next_url(rq, q->cursor ? q->cursor : "eyJrIjpbMSwiYSJdfQ");
    query_check_next_url(rq, "a b&c=d%+/é");
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
    static const struct {
        const char *path;
        store_resource res;
        bool geojson;
        const char *preset, *preset_value;
    } lists[] = {
        {"/v1/articles", RES_ARTICLES, false, NULL, NULL},
        {"/v1/sources", RES_SOURCES, false, NULL, NULL},
        {"/v1/locations", RES_LOCATIONS, true, NULL, NULL},
        {"/v1/figures", RES_FIGURES, true, NULL, NULL},
        {"/v1/sources/ahrar-al-sham/figures", RES_FIGURES, true, "claimant", "ahrar-al-sham"},
    };
    /* The raw request target holds no NUL (libmicrohttpd reads it as a C
     * string): the query ends at the first one. */
    char *q = malloc(size + 1);
    fuzz_check(q != NULL, "out of memory");
    memcpy(q, data, size);
    q[size] = '\0';

    request rq;
    memset(&rq, 0, sizeof rq);
    query_args keep = {.n_owned = 0};
    query_parse(q, &rq, &keep);

    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        rq.path = lists[k].path;
        store_query sq;
        output_format fmt;
        reply r;
        reply_init(&r);
        if (params_query_or_reply(&rq, lists[k].res, lists[k].geojson, lists[k].preset,
                                  lists[k].preset_value, &sq, &fmt, &r)) {
            fuzz_check(lists[k].geojson || fmt != FORMAT_GEOJSON, "geojson where not allowed");
            query_check_accepted(&rq, lists[k].res, &sq);
        } else {
            query_check_refusal(&r, lists[k].path);
        }
        reply_free(&r);
    }

    rq.path = "/v1/articles/x";
    reply r;
    reply_init(&r);
    if (!params_check_or_reply(&rq, true, &r))
        query_check_refusal(&r, "a route without parameters");
    else
        fuzz_check(rq.n_args == 0, "arguments accepted where none are");
    reply_free(&r);

    /* As handle_compare and handle_search read their parameters. */
    static const char *const compare_allowed[] = {"type",          "location", "affiliation",
                                                  "min_claimants", "claims",   NULL};
    static const char *const types[] = {"killed", "injured", "destroyed", NULL};
    static const char *const search_allowed[] = {"q", "kind", "limit", NULL};
    static const char *const kinds[] = {"article", "figure", "source", NULL};
    const char *type;
    int n;
    reply_init(&r);
    if (params_only_or_reply(&rq, compare_allowed, &r) &&
        params_enum_or_reply(&rq, "type", types, &type, &r) &&
        params_int_or_reply(&rq, "min_claimants", 1, 100, 2, &n, &r)) {
        fuzz_check(n >= 1 && n <= 100, "min_claimants %d", n);
    } else {
        query_check_refusal(&r, "/v1/figures/compare");
    }
    reply_free(&r);
    reply_init(&r);
    if (params_only_or_reply(&rq, search_allowed, &r) &&
        params_enum_or_reply(&rq, "kind", kinds, &type, &r) &&
        params_int_or_reply(&rq, "limit", 1, 100, 20, &n, &r)) {
        fuzz_check(n >= 1 && n <= 100, "limit %d", n);
    } else {
        query_check_refusal(&r, "/v1/search");
    }
    reply_free(&r);

    for (size_t i = 0; i < keep.n_owned; i++)
        free(keep.owned[i]);
    free(q);
    return 0;
}
