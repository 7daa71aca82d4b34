/* test_store_copies.c — wire copies in the store: copy_of is the earliest
 * article near each (by published_at, then import order), found through
 * the banded index, kept when articles arrive out of order, are replaced
 * or deleted.
 */
#include "db/store.h"
#include "store_fixture.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

TestSuite(store_copies, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

static const uint64_t ORIGINAL = 0x0123456789abcdefull;

static void put(store *s, const char *id, const char *published_at, uint64_t hash)
{
    store_doc d = {.id = id,
                   .body = "نص الخبر",
                   .language = "ar",
                   .content_hash = id,
                   .published_at = published_at,
                   .simhash = hash};
    cr_assert_eq(store_put_document(s, &d), STORE_OK, "%s: %s", id, store_errmsg(s));
}

/* copy_of of article id, "-" when null. */
static char *copy_of(store *s, const char *id)
{
    json_t *a = NULL;
    cr_assert_eq(store_get(s, RES_ARTICLES, id, &a), STORE_OK);
    json_t *v = json_object_get(a, "copy_of");
    cr_assert(json_is_string(v) || json_is_null(v), "%s: copy_of missing", id);
    char *out = strdup(json_is_string(v) ? json_string_value(v) : "-");
    json_decref(a);
    return out;
}

static void expect_copy_of(store *s, const char *id, const char *want)
{
    char *got = copy_of(s, id);
    cr_expect_str_eq(got, want, "%s.copy_of", id);
    free(got);
}

Test(store_copies, the_earliest_near_article_is_the_original)
{
    store *s = fx_open();
    /* bits apart: 3 in one band, 9 spread over all four bands (each band
     * two or three), 20 (too far), and one identical */
    put(s, "late", "2024-03-06", ORIGINAL ^ 0x7ull);
    put(s, "first", "2024-03-05T08:00:00Z", ORIGINAL);
    put(s, "spread", "2024-03-07", ORIGINAL ^ 0x0003000300030007ull);
    put(s, "far", "2024-03-04", ORIGINAL ^ 0x000fffff00000000ull);
    put(s, "undated", NULL, ORIGINAL);
    put(s, "none", "2024-01-01", 0);
    expect_copy_of(s, "first", "-");
    expect_copy_of(s, "late", "first"); /* imported before it, published after */
    expect_copy_of(s, "undated", "first");
    expect_copy_of(s, "far", "-");
    expect_copy_of(s, "none", "-");
    /* 9 bits from first (no band within one bit: found through two), 10
     * from late: its earliest near one is first */
    expect_copy_of(s, "spread", "first");

    store_query q = query(RES_ARTICLES);
    add_text(&q, "copy_of", "null");
    char *ids = list_ids(s, q);
    cr_expect_str_eq(ids, "far first none");
    free(ids);
    q = query(RES_ARTICLES);
    add_text(&q, "copy_of", "first");
    ids = list_ids(s, q);
    cr_expect_str_eq(ids, "late spread undated");
    free(ids);
    store_close(s);
}

Test(store_copies, deleting_or_replacing_the_original_moves_its_copies)
{
    store *s = fx_open();
    put(s, "a", "2024-03-05", ORIGINAL);
    put(s, "b", "2024-03-06", ORIGINAL ^ 0x1ull);
    put(s, "c", "2024-03-07", ORIGINAL ^ 0x2ull);
    expect_copy_of(s, "b", "a");
    expect_copy_of(s, "c", "a");
    cr_assert_eq(store_delete_article(s, "a"), STORE_OK, "%s", store_errmsg(s));
    expect_copy_of(s, "b", "-");
    expect_copy_of(s, "c", "b");
    /* b rewritten as a different story: c stands alone */
    put(s, "b", "2024-03-06", ~ORIGINAL);
    expect_copy_of(s, "b", "-");
    expect_copy_of(s, "c", "-");
    /* and back: the copy follows again */
    put(s, "b", "2024-03-06", ORIGINAL);
    expect_copy_of(s, "c", "b");
    store_close(s);
}

Test(store_copies, the_lookup_uses_the_band_indexes)
{
    store *s = fx_open();
    put(s, "a", "2024-03-05", ORIGINAL);
    store_close(s);
    char *plan = fx_plan("SELECT article_id, simhash FROM article_copies WHERE band0 IN (1, 2)"
                         " UNION SELECT article_id, simhash FROM article_copies"
                         " WHERE band3 IN (5, 6)");
    cr_expect(strstr(plan, "COVERING INDEX article_copies_band0") != NULL &&
                  strstr(plan, "COVERING INDEX article_copies_band3") != NULL,
              "%s", plan);
    free(plan);
}
