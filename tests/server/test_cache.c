/* test_cache.c — the per-thread response cache: a hit only for the same
 * target at the same data version, replacement in a slot, the size limits,
 * and that a response handed out stays alive when its slot is reused
 * (libmicrohttpd's reference count). */
#include "server/cache.h"

#include <criterion/criterion.h>
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

static struct MHD_Response *response(const char *body)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
    cr_assert_not_null(r);
    return r;
}

Test(cache, hit_only_for_the_same_target_and_version)
{
    resp_cache *c = cache_new(1u << 20);
    cr_assert_not_null(c);
    struct MHD_Response *r = response("{\"a\":1}");
    cr_assert(cache_put(c, "/v1/articles", 12, 7, r, "\"e1\"", 7));
    cache_hit hit;
    cr_assert(cache_get(c, "/v1/articles", 12, 7, &hit));
    cr_expect_eq(hit.resp, r);
    cr_expect_str_eq(hit.etag, "\"e1\"");
    cr_expect_eq(hit.len, 7);
    cr_expect_not(cache_get(c, "/v1/articles", 12, 8, &hit), "the data changed");
    cr_expect_not(cache_get(c, "/v1/articlez", 12, 7, &hit), "another target");
    cr_expect_not(cache_get(c, "/v1/articles?x", 14, 7, &hit));
    cache_free(c);
}

Test(cache, a_new_version_replaces_the_entry)
{
    resp_cache *c = cache_new(1u << 20);
    cr_assert(cache_put(c, "/a", 2, 1, response("old"), "\"o\"", 3));
    struct MHD_Response *fresh = response("new");
    cr_assert(cache_put(c, "/a", 2, 2, fresh, "\"n\"", 3));
    cache_hit hit;
    cr_expect_not(cache_get(c, "/a", 2, 1, &hit));
    cr_assert(cache_get(c, "/a", 2, 2, &hit));
    cr_expect_eq(hit.resp, fresh);
    cache_free(c);
}

Test(cache, limits)
{
    resp_cache *c = cache_new(1u << 20);
    char target[CACHE_MAX_TARGET + 2];
    memset(target, 'a', sizeof target);
    struct MHD_Response *r = response("x");
    cr_expect_not(cache_put(c, target, CACHE_MAX_TARGET + 1, 1, r, "\"x\"", 1), "target too long");
    cr_expect_not(cache_put(c, "/b", 2, 1, r, "\"x\"", CACHE_MAX_BODY + 1), "body too large");
    cache_hit hit;
    cr_expect_not(cache_get(c, target, CACHE_MAX_TARGET + 1, 1, &hit));
    MHD_destroy_response(r); /* never taken by the cache */
    cache_free(c);
    cache_free(NULL);
}

Test(cache, keeps_bodies_within_its_budget)
{
    resp_cache *c = cache_new(10);
    cache_hit hit;
    cr_assert(cache_put(c, "/a", 2, 1, response("1234567"), "\"a\"", 7));
    /* 7 + 7 bytes exceed 10: the older entry makes room. */
    cr_assert(cache_put(c, "/b", 2, 1, response("1234567"), "\"b\"", 7));
    cr_expect_not(cache_get(c, "/a", 2, 1, &hit));
    cr_expect(cache_get(c, "/b", 2, 1, &hit));
    /* The slot's own entry leaves room for its replacement. */
    cr_expect(cache_put(c, "/b", 2, 2, response("123456789"), "\"b2\"", 9));
    struct MHD_Response *big = response("12345678901");
    cr_expect_not(cache_put(c, "/c", 2, 1, big, "\"c\"", 11), "over the whole budget");
    MHD_destroy_response(big);
    cr_expect(cache_get(c, "/b", 2, 2, &hit), "a refused entry drops nothing");
    cache_free(c);

    resp_cache *none = cache_new(0);
    struct MHD_Response *r = response("x");
    cr_expect_not(cache_put(none, "/a", 2, 1, r, "\"x\"", 1), "a budget of 0 keeps nothing");
    MHD_destroy_response(r);
    cache_free(none);
}

/* When the budget is spent, what was asked for again stays and what was
 * not goes: new targets cannot lock the cache, nor push out the hot ones. */
Test(cache, evicts_what_was_not_asked_for_again)
{
    resp_cache *c = cache_new(20);
    cache_hit hit;
    cr_assert(cache_put(c, "/hot", 4, 1, response("1234567"), "\"h\"", 7));
    cr_assert(cache_put(c, "/cold", 5, 1, response("1234567"), "\"c\"", 7));
    cr_assert(cache_get(c, "/hot", 4, 1, &hit));
    for (int i = 0; i < 50; i++) { /* a burst of new targets, each asked once */
        char target[16];
        int n = snprintf(target, sizeof target, "/new%d", i);
        cr_assert(cache_put(c, target, (size_t)n, 1, response("1234567"), "\"n\"", 7),
                  "%s not kept", target);
        /* asked again before the hand comes round: it keeps its place */
        cr_assert(cache_get(c, "/hot", 4, 1, &hit), "the hot entry went at %d", i);
    }
    cr_expect_not(cache_get(c, "/cold", 5, 1, &hit));
    cr_expect(cache_get(c, "/new49", 6, 1, &hit));
    cache_free(c);
}
