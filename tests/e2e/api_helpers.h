/* api_helpers.h — what the end-to-end tests of marsad's API share: GETs
 * that must succeed, following a list to its end, id sets, problem+json
 * checks and code-point slicing of article bodies.
 *
 * Header-only (static functions) because each tests/e2e/test_*.c is its
 * own binary linked with tests/support only; tests/support stays free of
 * anything that knows this API.
 */
#ifndef MARSAD_TESTS_E2E_API_HELPERS_H
#define MARSAD_TESTS_E2E_API_HELPERS_H

#include "tests/support/e2e.h"

#include <criterion/criterion.h>
#include <jansson.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED_000 "000_e1e3e40d7f5e5c95"
#define SEED_001 "001_bad84862245e6541"
#define SEED_002 "002_7db0d509dabf6755"
#define SEED_003 "003_58fc6c4d62a4db5f"
#define SEED_004 "004_67143fa298565c8b"
#define N_SEEDS 5

static const char *const SEED_IDS[N_SEEDS] = {SEED_000, SEED_001, SEED_002, SEED_003, SEED_004};

/* A printf into a fresh string. */
static inline __attribute__((format(printf, 1, 2))) char *fmt_str(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    cr_assert(n >= 0);
    char *s = malloc((size_t)n + 1);
    cr_assert(s != NULL);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* Percent-encoding of a query value (RFC 3986 unreserved pass). */
static inline char *url_encode(const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = malloc(strlen(s) * 3 + 1), *o = out;
    cr_assert(out != NULL);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.' || *p == '~') {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

static inline bool content_type_is(const e2e_response *r, const char *type)
{
    const char *ct = e2e_header_get(r, "Content-Type");
    size_t n = strlen(type);
    return ct && strncmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';');
}

/* GET path (already formatted); asserts 200 and a JSON body; returns a new
 * reference to it. */
static inline json_t *get_ok_path(const char *path)
{
    e2e_response *r = e2e_get(path);
    cr_assert_eq(r->status, 200, "GET %s: status %ld, expected 200; body: %.300s", path, r->status,
                 r->body);
    cr_assert(r->json != NULL, "GET %s: the body is not JSON (Content-Type %s): %.200s", path,
              e2e_header_get(r, "Content-Type") ? e2e_header_get(r, "Content-Type") : "none",
              r->body);
    json_t *j = json_incref(r->json);
    e2e_response_free(r);
    return j;
}

static inline __attribute__((format(printf, 1, 2))) json_t *get_ok(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *path = malloc((size_t)n + 1);
    cr_assert(path != NULL);
    va_start(ap, fmt);
    vsnprintf(path, (size_t)n + 1, fmt, ap);
    va_end(ap);
    json_t *j = get_ok_path(path);
    free(path);
    return j;
}

static inline const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* o[a][b] as a string, NULL when absent or null. */
static inline const char *jstr2(json_t *o, const char *a, const char *b)
{
    return json_string_value(json_object_get(json_object_get(o, a), b));
}

static inline long long jint(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_integer(v), "'%s' is not an integer", key);
    return json_integer_value(v);
}

/* The items of a page: "data", or "features" of a FeatureCollection. */
static inline json_t *page_items(json_t *page)
{
    json_t *items = json_object_get(page, "data");
    if (!items)
        items = json_object_get(page, "features");
    cr_assert(json_is_array(items), "a page without a data or features array");
    return items;
}

/* Every item of a list: follows next_url from path to the last page,
 * checking the envelope on the way (total constant, next and next_url null
 * together, the Link header equal to next_url). Returns a new array of the
 * items (features for GeoJSON) in order. */
static inline json_t *fetch_all_path(const char *path)
{
    json_t *all = json_array();
    char *url = strdup(path);
    long long total = -1;
    int pages = 0;
    while (url) {
        e2e_response *r = e2e_get(url);
        cr_assert_eq(r->status, 200, "GET %s: status %ld; body %.300s", url, r->status, r->body);
        cr_assert(json_is_object(r->json), "GET %s: not a JSON object", url);
        json_t *next = json_object_get(r->json, "next"),
               *next_url = json_object_get(r->json, "next_url");
        cr_assert(next && next_url, "GET %s: next or next_url missing", url);
        cr_assert_eq(json_is_null(next), json_is_null(next_url),
                     "GET %s: next and next_url disagree", url);
        long long t = jint(r->json, "total");
        if (total >= 0)
            cr_assert_eq(t, total, "GET %s: total changed from %lld to %lld between pages", url,
                         total, t);
        total = t;
        json_array_extend(all, page_items(r->json));
        const char *link = e2e_header_get(r, "Link");
        free(url);
        url = NULL;
        if (json_is_string(next_url)) {
            char *want = fmt_str("<%s>; rel=\"next\"", json_string_value(next_url));
            cr_assert(link && strcmp(link, want) == 0, "Link header '%s', expected '%s'",
                      link ? link : "(none)", want);
            free(want);
            url = strdup(json_string_value(next_url));
        } else {
            cr_assert(link == NULL, "the last page has a Link header: %s", link);
        }
        e2e_response_free(r);
        cr_assert(++pages < 10000, "paging does not end");
    }
    cr_assert_eq((long long)json_array_size(all), total,
                 "%s: paging gave %zu items, total says %lld", path, json_array_size(all), total);
    return all;
}

static inline __attribute__((format(printf, 1, 2))) json_t *fetch_all(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *path = malloc((size_t)n + 1);
    cr_assert(path != NULL);
    va_start(ap, fmt);
    vsnprintf(path, (size_t)n + 1, fmt, ap);
    va_end(ap);
    json_t *j = fetch_all_path(path);
    free(path);
    return j;
}

/* The total of a list query (one page of one item); on the seeds every
 * total is exact (far below the 10,000 matches where estimates start). */
static inline __attribute__((format(printf, 1, 2))) long long total_of(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *path = malloc((size_t)n + 1);
    cr_assert(path != NULL);
    va_start(ap, fmt);
    vsnprintf(path, (size_t)n + 1, fmt, ap);
    va_end(ap);
    json_t *page = get_ok_path(path);
    free(path);
    long long t = jint(page, "total");
    cr_assert(json_is_true(json_object_get(page, "total_exact")), "total_exact must be true");
    json_decref(page);
    return t;
}

/* The item's id: items[i].id, or for a Feature its properties' id. */
static inline const char *item_id(json_t *item)
{
    const char *id = jstr(item, "id");
    cr_assert(id != NULL, "an item without a string id");
    return id;
}

/* An object used as a set of ids (values: the items). */
static inline json_t *id_set(json_t *items)
{
    json_t *set = json_object();
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        const char *id = item_id(it);
        cr_assert(json_object_get(set, id) == NULL, "id %s appears twice", id);
        json_object_set(set, id, it);
    }
    return set;
}

/* Asserts that the ids of items are exactly the keys of want. */
static inline void assert_ids(json_t *items, json_t *want, const char *what)
{
    json_t *got = id_set(items);
    const char *k;
    json_t *v;
    json_object_foreach(want, k, v)
    {
        cr_assert(json_object_get(got, k) != NULL, "%s: %s is missing (got %zu, want %zu)", what, k,
                  json_object_size(got), json_object_size(want));
    }
    json_object_foreach(got, k, v)
    {
        cr_assert(json_object_get(want, k) != NULL, "%s: %s should not be there", what, k);
    }
    json_decref(got);
}

/* Asserts an RFC 9457 problem with status and type; param, when not NULL,
 * must be invalid_params[0].name. */
static inline void assert_problem(const e2e_response *r, long status, const char *type,
                                  const char *param, const char *what)
{
    cr_assert_eq(r->status, status, "%s: status %ld, expected %ld; body %.300s", what, r->status,
                 status, r->body);
    cr_assert(content_type_is(r, "application/problem+json"),
              "%s: Content-Type %s, expected application/problem+json", what,
              e2e_header_get(r, "Content-Type") ? e2e_header_get(r, "Content-Type") : "none");
    cr_assert(json_is_object(r->json), "%s: the problem body is not JSON: %.200s", what, r->body);
    cr_assert_eq(json_integer_value(json_object_get(r->json, "status")), status,
                 "%s: problem status field", what);
    const char *title = jstr(r->json, "title"), *detail = jstr(r->json, "detail"),
               *got_type = jstr(r->json, "type");
    cr_assert(title && *title, "%s: problem without a title", what);
    cr_assert(detail && *detail, "%s: problem without a detail", what);
    cr_assert(got_type, "%s: problem without a type", what);
    if (type)
        cr_assert_str_eq(got_type, type, "%s: problem type", what);
    if (param) {
        json_t *inv = json_array_get(json_object_get(r->json, "invalid_params"), 0);
        const char *name = jstr(inv, "name"), *reason = jstr(inv, "reason");
        cr_assert(name != NULL, "%s: no invalid_params[0].name in %s", what, r->body);
        cr_assert_str_eq(name, param, "%s: invalid_params[0].name", what);
        cr_assert(reason && *reason, "%s: invalid_params[0] without a reason", what);
    }
}

/* Code points of UTF-8 s. */
static inline size_t cp_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Code points [start, end) of UTF-8 s, as a new string; NULL when out of
 * range. */
static inline char *cp_slice(const char *s, long long start, long long end)
{
    if (start < 0 || end < start)
        return NULL;
    const char *p = s, *from = NULL;
    long long i = 0;
    for (;; p++) {
        bool boundary = ((unsigned char)*p & 0xC0) != 0x80 || !*p;
        if (boundary) {
            if (i == start)
                from = p;
            if (i == end) {
                size_t n = (size_t)(p - from);
                char *out = malloc(n + 1);
                cr_assert(out != NULL);
                memcpy(out, from, n);
                out[n] = '\0';
                return out;
            }
            i++;
        }
        if (!*p)
            return NULL;
    }
}

#endif
