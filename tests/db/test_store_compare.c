/* test_store_compare.c — claims side by side: the grouping rule (type,
 * subject category and side, area, period; the object for things), the
 * spread over claimants' headline figures, the filters and min_claimants.
 */
#include "db/store.h"
#include "store_fixture.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

TestSuite(compare, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

static const store_location_rec LOCS[] = {
    {"syria", "سوريا", "Syria", "country", NULL, 35, 38, false},
    {"aleppo-gov", "محافظة حلب", "Aleppo Governorate", "governorate", "syria", 36.2, 37.1, true},
    {"aleppo", "حلب", "Aleppo", "city", "aleppo-gov", 36.2, 37.13, false},
    {"idlib-gov", "محافظة إدلب", "Idlib Governorate", "governorate", "syria", 35.9, 36.6, true},
};
static const store_source_rec SRCS[] = {
    {"faction", "فصيل", NULL, "armed_group", "opposition", NULL},
    {"army", "الجيش", NULL, "military", "government", NULL},
    {"monitor", "المرصد", NULL, "ngo", "independent", NULL},
};

static store_figure_rec killed(const char *body, const char *span, double v, const char *claimant,
                               const char *side, const char *area)
{
    store_figure_rec f = fx_figure(body, span, "killed", "exact", true, v);
    f.subject_category = "combatants";
    f.subject_side = side;
    f.claimant_id = claimant;
    f.area_id = area;
    return f;
}

static void put(store *s, const char *id, const char *body, store_figure_rec *figs, size_t n,
                const char *published)
{
    store_doc d = {.id = id, .body = body, .language = "ar", .content_hash = id,
                   .published_at = published, .figures = figs, .n_figures = n};
    cr_assert_eq(store_put_document(s, &d), STORE_OK, "%s", store_errmsg(s));
}

static store *loaded(void)
{
    store *s = fx_open();
    cr_assert_eq(store_sync_locations(s, LOCS, 4), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_sync_sources(s, SRCS, 3), STORE_OK, "%s", store_errmsg(s));
    static const char a[] = "قتل 80 جنديا وبينهم 20 ضابطا";
    store_figure_rec fa[] = {killed(a, "80 جنديا", 80, "faction", "government", "aleppo-gov"),
                             killed(a, "20 ضابطا", 20, "faction", "government", "aleppo-gov")};
    put(s, "a", a, fa, 2, "2016-08-07");
    static const char b[] = "قتل 200 جندي";
    store_figure_rec fb[] = {killed(b, "200 جندي", 200, "monitor", "government", "aleppo-gov")};
    put(s, "b", b, fb, 1, "2016-08-09");
    static const char c[] = "قتل 50 مسلحا وقتل 9 جنود";
    store_figure_rec fc[] = {killed(c, "50 مسلحا", 50, "army", "opposition", "aleppo-gov"),
                             killed(c, "9 جنود", 9, "army", "government", "idlib-gov")};
    put(s, "c", c, fc, 2, "2016-08-10");
    return s;
}

static json_t *compare(store *s, store_compare_query q)
{
    json_t *out = NULL;
    if (!q.claims_limit)
        q.claims_limit = 50;
    cr_assert_eq(store_compare(s, &q, &out), STORE_OK, "%s", store_errmsg(s));
    return out;
}

Test(compare, groups_claims_across_claimants)
{
    store *s = loaded();
    json_t *out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_assert_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_t *g = json_array_get(json_object_get(out, "groups"), 0);
    json_t *key = json_object_get(g, "key");
    cr_expect_str_eq(json_string_value(json_object_get(key, "type")), "killed");
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(key, "subject"), "side")),
                     "government");
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(key, "area"), "id")),
                     "aleppo-gov");
    cr_expect_str_eq(json_string_value(json_object_get(key, "period")), "2016-08");
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 3);
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claimants")), 2);
    /* the spread is over headline figures (80 and 200), not the breakdown (20) */
    json_t *spread = json_object_get(g, "spread");
    cr_expect_eq(json_integer_value(json_object_get(spread, "min")), 80);
    cr_expect_eq(json_integer_value(json_object_get(spread, "max")), 200);
    cr_expect_float_eq(json_number_value(json_object_get(spread, "ratio")), 2.5, 1e-9);
    json_t *claims = json_object_get(g, "claims");
    cr_assert_eq(json_array_size(claims), 3);
    json_t *first = json_array_get(claims, 0);
    cr_expect_eq(json_integer_value(json_object_get(first, "value")), 20, "ordered by value");
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(first, "claimant"), "affiliation")),
                     "opposition");
    json_decref(out);
    store_close(s);
}

Test(compare, min_claimants_filters_and_limits)
{
    store *s = loaded();
    json_t *out = compare(s, (store_compare_query){.min_claimants = 1});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 3, "idlib and opposition groups too");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .location = "idlib-gov"});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .location = "syria", .type = "injured"});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 0);
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .affiliation = "government"});
    json_t *groups = json_object_get(out, "groups");
    cr_expect_eq(json_array_size(groups), 2, "only the army's claims");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .groups_limit = 1});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 1, "groups_limit lists one");
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 3, "total counts all");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 2, .claims_limit = 1});
    json_t *g = json_array_get(json_object_get(out, "groups"), 0);
    cr_expect_eq(json_array_size(json_object_get(g, "claims")), 1);
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 3, "n_claims counts them all");
    json_decref(out);
    store_close(s);
}

Test(compare, things_compare_only_with_the_same_things)
{
    store *s = fx_open();
    cr_assert_eq(store_sync_locations(s, LOCS, 4), STORE_OK);
    cr_assert_eq(store_sync_sources(s, SRCS, 3), STORE_OK);
    static const char a[] = "دمر 5 دبابات";
    store_figure_rec fa = fx_figure(a, "5 دبابات", "destroyed", "exact", true, 5);
    fa.subject_category = "materiel";
    fa.subject_side = "government";
    fa.object = "tanks";
    fa.claimant_id = "faction";
    put(s, "a", a, &fa, 1, NULL);
    static const char b[] = "دمر 3 سيارات";
    store_figure_rec fb = fx_figure(b, "3 سيارات", "destroyed", "exact", true, 3);
    fb.subject_category = "materiel";
    fb.subject_side = "government";
    fb.object = "vehicles";
    fb.claimant_id = "monitor";
    put(s, "b", b, &fb, 1, NULL);
    json_t *out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 0, "tanks are not vehicles");
    json_decref(out);
    store_close(s);
}

/* claim_cells against the figures themselves: the rows it must hold. */
static long long cells_out_of_step(void)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    static const char sql[] =
        "WITH want AS (SELECT type, subject_category, coalesce(subject_side, ''),"
        " coalesce(area_id, ''), coalesce(period, ''),"
        " CASE WHEN subject_category IN ('materiel', 'munitions') THEN coalesce(object, '')"
        " ELSE '' END, coalesce(claimant_id, ''), count(*), max(coalesce(value_max, value))"
        " FROM figures WHERE type <> 'count' AND subject_category IS NOT NULL"
        " GROUP BY 1, 2, 3, 4, 5, 6, 7)"
        " SELECT (SELECT count(*) FROM (SELECT * FROM want EXCEPT SELECT * FROM claim_cells))"
        " + (SELECT count(*) FROM (SELECT * FROM claim_cells EXCEPT SELECT * FROM want))";
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* Replacing and deleting articles keeps the per-claimant summary that
 * compare reads equal to the figures: counts, and the headline when its
 * figure goes. */
Test(compare, cells_follow_every_write)
{
    store *s = loaded();
    static const char e[] = "قتل 50 جنديا";
    store_figure_rec fe[] = {killed(e, "50 جنديا", 50, "faction", "government", "aleppo-gov")};
    put(s, "e", e, fe, 1, "2016-08-08");
    cr_assert_eq(cells_out_of_step(), 0);
    static const char a[] = "قتل 30 جنديا";
    store_figure_rec fa[] = {killed(a, "30 جنديا", 30, "faction", "government", "aleppo-gov")};
    put(s, "a", a, fa, 1, "2016-08-07"); /* the faction's headline 80 goes: 50 it is */
    cr_assert_eq(cells_out_of_step(), 0);
    json_t *out = compare(s, (store_compare_query){.min_claimants = 2});
    json_t *spread = json_object_get(json_array_get(json_object_get(out, "groups"), 0), "spread");
    cr_expect_eq(json_integer_value(json_object_get(spread, "min")), 50);
    json_decref(out);
    cr_assert_eq(store_delete_article(s, "e"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_delete_article(s, "b"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(cells_out_of_step(), 0);
    out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 0, "one claimant left");
    json_decref(out);
    cr_assert_eq(store_delete_article(s, "a"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_delete_article(s, "c"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(cells_out_of_step(), 0);
    store_close(s);
}

/* A governorate filters by the area figures are about; a city has no area
 * of its own, so only the figures placed in it count. */
Test(compare, a_city_counts_the_figures_placed_in_it)
{
    store *s = loaded();
    static const char d[] = "قتل 12 جنديا في حلب";
    store_figure_rec fd[] = {killed(d, "12 جنديا", 12, "army", "government", "aleppo-gov")};
    fd[0].location_id = "aleppo";
    put(s, "d", d, fd, 1, "2016-08-07");
    json_t *out = compare(s, (store_compare_query){.min_claimants = 1, .location = "aleppo"});
    cr_assert_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_t *g = json_array_get(json_object_get(out, "groups"), 0);
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 1);
    json_t *claim = json_array_get(json_object_get(g, "claims"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(claim, "figure_id")), "d-f1");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 3, .location = "aleppo-gov"});
    g = json_array_get(json_object_get(out, "groups"), 0);
    cr_assert_not_null(g, "faction, monitor and army in Aleppo governorate");
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 4);
    cr_expect_eq(json_array_size(json_object_get(g, "claims")), 4);
    json_decref(out);
    store_close(s);
}
