/* test_store_compare.c — claims side by side (db/store_compare.c): coarse
 * groups (type, subject category and bloc or side, area, month; the object
 * for things), events inside them (dates, places, causes), one row per
 * claimant with its headline, parts, superseded counts and carriers, the
 * spread over headlines, the filters, and claim_cells kept in step.
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
    {"atarib", "الأتارب", "Atarib", "town", "aleppo-gov", 36.1, 36.8, false},
    {"idlib-gov", "محافظة إدلب", "Idlib Governorate", "governorate", "syria", 35.9, 36.6, true},
};
#define N_LOCS (sizeof LOCS / sizeof LOCS[0])
static const store_source_rec SRCS[] = {
    {"faction", "فصيل", NULL, "armed_group", "opposition", NULL, "sy.opposition"},
    {"other-faction", "فصيل آخر", NULL, "armed_group", "opposition", NULL, "sy.opposition"},
    {"army", "الجيش", NULL, "military", "government", NULL, "sy.government"},
    {"militia", "ميليشيا", NULL, "armed_group", "government", NULL, "sy.government"},
    {"monitor", "المرصد", NULL, "ngo", "independent", NULL, "independent"},
    {"civil-defence", "الدفاع المدني", NULL, "civil_defence", "independent", NULL, "independent"},
    {"agency-a", "وكالة أ", NULL, "agency", "independent", NULL, "independent"},
    {"agency-b", "وكالة ب", NULL, "agency", "independent", NULL, "independent"},
};
#define N_SRCS (sizeof SRCS / sizeof SRCS[0])

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

/* A figure of civilians killed in Atarib on the days from..to. */
static store_figure_rec toll(const char *body, const char *span, double v, const char *claimant,
                             const char *from, const char *to)
{
    store_figure_rec f = killed(body, span, v, claimant, NULL, "aleppo-gov");
    f.subject_category = "civilians";
    f.location_id = "atarib";
    f.date_start = from;
    f.date_end = to;
    f.date_precision = strcmp(from, to) ? "span" : "day";
    return f;
}

static void put_from(store *s, const char *id, const char *body, store_figure_rec *figs, size_t n,
                     const char *published, const char *outlet)
{
    store_doc d = {.id = id,
                   .body = body,
                   .language = "ar",
                   .content_hash = id,
                   .published_at = published,
                   .outlet_id = outlet,
                   .figures = figs,
                   .n_figures = n};
    cr_assert_eq(store_put_document(s, &d), STORE_OK, "%s", store_errmsg(s));
}

static void put(store *s, const char *id, const char *body, store_figure_rec *figs, size_t n,
                const char *published)
{
    put_from(s, id, body, figs, n, published, NULL);
}

static store *empty(void)
{
    store *s = fx_open();
    cr_assert_eq(store_sync_locations(s, LOCS, N_LOCS), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_sync_sources(s, SRCS, N_SRCS), STORE_OK, "%s", store_errmsg(s));
    return s;
}

/* The faction: 80 soldiers, 20 officers among them; the monitor: 200; the
 * army: 50 fighters (the other side) and 9 soldiers in Idlib. */
static store *loaded(void)
{
    store *s = empty();
    static const char a[] = "قتل 80 جنديا وبينهم 20 ضابطا";
    store_figure_rec fa[] = {killed(a, "80 جنديا", 80, "faction", "government", "aleppo-gov"),
                             killed(a, "20 ضابطا", 20, "faction", "government", "aleppo-gov")};
    fa[1].part_of = "a-f1";
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
    if (!q.figures_limit)
        q.figures_limit = 50;
    cr_assert_eq(store_compare(s, &q, &out), STORE_OK, "%s", store_errmsg(s));
    return out;
}

static json_t *group(json_t *out, size_t i)
{
    return json_array_get(json_object_get(out, "groups"), i);
}

/* The claimant row of group g whose claimant id is id (NULL: nobody). */
static json_t *row_of(json_t *g, const char *id)
{
    json_t *rows = json_object_get(g, "claimants");
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *c = json_object_get(json_array_get(rows, i), "claimant");
        const char *cid = json_string_value(json_object_get(c, "id"));
        if ((!id && json_is_null(c)) || (id && cid && !strcmp(cid, id)))
            return json_array_get(rows, i);
    }
    cr_assert_fail("no row for claimant %s", id ? id : "(none)");
    return NULL;
}

static long long headline_value(json_t *row)
{
    json_t *h = json_object_get(row, "headline");
    cr_assert(json_is_object(h), "a headline");
    return json_integer_value(json_object_get(h, "value"));
}

/* The values of a claimant's list (parts, superseded) as "v v v". */
static void assert_values(json_t *row, const char *list, const char *expected)
{
    char got[256] = "";
    size_t len = 0;
    json_t *a = json_object_get(row, list);
    for (size_t i = 0; i < json_array_size(a); i++)
        len += (size_t)snprintf(
            got + len, sizeof got - len, "%s%lld", i ? " " : "",
            (long long)json_integer_value(json_object_get(json_array_get(a, i), "value")));
    cr_assert_str_eq(got, expected, "%s", list);
}

Test(compare, one_row_per_claimant_and_parts_apart)
{
    store *s = loaded();
    json_t *out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_assert_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_t *g = group(out, 0);
    json_t *key = json_object_get(g, "key");
    cr_expect_str_eq(json_string_value(json_object_get(key, "type")), "killed");
    json_t *subject = json_object_get(key, "subject");
    cr_expect_str_eq(json_string_value(json_object_get(subject, "side")), "government");
    cr_expect(json_is_null(json_object_get(subject, "bloc")));
    cr_expect(json_is_null(json_object_get(subject, "party")));
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(key, "area"), "id")),
                     "aleppo-gov");
    cr_expect(json_is_null(json_object_get(key, "date")), "no figure is dated");
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 3);
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claimants")), 2);
    /* the spread is over headlines (80 and 200), not the breakdown (20) */
    json_t *spread = json_object_get(g, "spread");
    cr_expect_eq(json_integer_value(json_object_get(spread, "min")), 80);
    cr_expect_eq(json_integer_value(json_object_get(spread, "max")), 200);
    cr_expect_float_eq(json_number_value(json_object_get(spread, "ratio")), 2.5, 1e-9);
    cr_expect_str_eq(json_string_value(json_object_get(spread, "min_claimant")), "faction");
    cr_expect_str_eq(json_string_value(json_object_get(spread, "max_claimant")), "monitor");
    /* the largest headline first */
    json_t *first = json_array_get(json_object_get(g, "claimants"), 0);
    cr_expect_eq(headline_value(first), 200);
    json_t *faction = row_of(g, "faction");
    cr_expect_eq(headline_value(faction), 80);
    assert_values(faction, "parts", "20");
    assert_values(faction, "superseded", "");
    cr_expect_eq(json_integer_value(json_object_get(faction, "n_claims")), 2);
    json_t *who = json_object_get(faction, "claimant");
    cr_expect_str_eq(json_string_value(json_object_get(who, "kind")), "armed_group");
    cr_expect_str_eq(json_string_value(json_object_get(who, "bloc")), "sy.opposition");
    json_t *carriers = json_object_get(faction, "carriers");
    cr_assert_eq(json_array_size(carriers), 1);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(carriers, 0), "article_id")),
                     "a");
    json_decref(out);
    store_close(s);
}

Test(compare, min_claimants_filters_and_limits)
{
    store *s = loaded();
    json_t *out = compare(s, (store_compare_query){.min_claimants = 1});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 3,
                 "idlib and opposition groups too");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .location = "idlib-gov"});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_decref(out);

    out = compare(
        s, (store_compare_query){.min_claimants = 1, .location = "syria", .type = "injured"});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 0);
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .affiliation = "government"});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 2, "only the army's claims");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .claimant = "monitor"});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 1, "the monitor claims in one");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 1, .groups_limit = 1});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 1, "groups_limit lists one");
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 3, "total counts all");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 2, .claims_limit = 1});
    json_t *g = group(out, 0);
    cr_expect_eq(json_array_size(json_object_get(g, "claimants")), 1);
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claimants")), 2,
                 "n_claimants counts all");
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 3, "n_claims counts them all");
    json_decref(out);
    store_close(s);
}

Test(compare, things_compare_only_with_the_same_things)
{
    store *s = empty();
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

/* A toll that rises across two articles, relayed by two agencies, with a
 * breakdown, beside another claimant's count of the same strikes; the same
 * town three weeks later is another event. */
Test(compare, updates_relays_and_events)
{
    store *s = empty();
    static const char d1[] = "قتل 17 مدنيا في غارات على الأتارب";
    store_figure_rec f1[] = {toll(d1, "17 مدنيا", 17, "monitor", "2016-08-01", "2016-08-01")};
    f1[0].cause = "airstrike";
    put_from(s, "d1", d1, f1, 1, "2016-08-01T18:00:00Z", "agency-a");
    static const char d2[] = "ارتفع عدد القتلى إلى 23 مدنيا بينهم 7 أطفال";
    store_figure_rec f2[] = {toll(d2, "23 مدنيا", 23, "monitor", "2016-08-01", "2016-08-01"),
                             toll(d2, "7 أطفال", 7, "monitor", "2016-08-01", "2016-08-01")};
    f2[1].part_of = "d2-f1";
    put_from(s, "d2", d2, f2, 2, "2016-08-02T09:00:00Z", "agency-a");
    store_figure_rec f3[] = {toll(d2, "23 مدنيا", 23, "monitor", "2016-08-01", "2016-08-01"),
                             toll(d2, "7 أطفال", 7, "monitor", "2016-08-01", "2016-08-01")};
    f3[1].part_of = "d3-f1";
    put_from(s, "d3", d2, f3, 2, "2016-08-02T11:00:00Z", "agency-b");
    static const char d4[] = "انتشل الدفاع المدني 20 قتيلا من تحت الأنقاض";
    store_figure_rec f4[] = {toll(d4, "20 قتيلا", 20, "civil-defence", "2016-08-01", "2016-08-01")};
    f4[0].location_id = "aleppo-gov"; /* a coarser place holds the town */
    put_from(s, "d4", d4, f4, 1, "2016-08-02T08:00:00Z", "agency-b");
    static const char d5[] = "قتل 4 مدنيين بقصف مدفعي على الأتارب وقتل 6 آخرون";
    store_figure_rec f5[] = {toll(d5, "4 مدنيين", 4, "monitor", "2016-08-22", "2016-08-22"),
                             toll(d5, "6 آخرون", 6, "civil-defence", "2016-08-22", "2016-08-22")};
    f5[0].cause = f5[1].cause = "shelling";
    put_from(s, "d5", d5, f5, 2, "2016-08-22T20:00:00Z", "agency-a");

    json_t *out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 2, "two events");
    json_t *g = NULL;
    for (size_t i = 0; i < 2; i++) {
        json_t *date = json_object_get(json_object_get(group(out, i), "key"), "date");
        if (!strcmp(json_string_value(json_object_get(date, "start")), "2016-08-01"))
            g = group(out, i);
    }
    cr_assert_not_null(g, "the strikes of 1 August");
    json_t *date = json_object_get(json_object_get(g, "key"), "date");
    cr_expect_str_eq(json_string_value(json_object_get(date, "end")), "2016-08-01");
    cr_expect_str_eq(json_string_value(json_object_get(date, "precision")), "day");
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claimants")), 2);
    json_t *monitor = row_of(g, "monitor");
    cr_expect_eq(headline_value(monitor), 23);
    assert_values(monitor, "superseded", "17");
    assert_values(monitor, "parts", "7");
    json_t *carriers = json_object_get(monitor, "carriers");
    cr_assert_eq(json_array_size(carriers), 2, "both agencies carry the 23");
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(carriers, 0), "article_id")),
                     "d3", "the latest first");
    cr_expect_str_eq(json_string_value(json_object_get(
                         json_object_get(json_array_get(carriers, 0), "outlet"), "id")),
                     "agency-b");
    cr_expect_str_eq(
        json_string_value(json_object_get(json_array_get(carriers, 1), "published_at")),
        "2016-08-02T09:00:00Z");
    cr_expect_eq(headline_value(row_of(g, "civil-defence")), 20);
    json_t *spread = json_object_get(g, "spread");
    cr_expect_eq(json_integer_value(json_object_get(spread, "min")), 20);
    cr_expect_eq(json_integer_value(json_object_get(spread, "max")), 23);
    json_decref(out);

    /* by week, the two events stay apart (three weeks); by month they meet */
    out = compare(s, (store_compare_query){.min_claimants = 2, .group = STORE_GROUP_WEEK});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 2);
    json_t *week = json_object_get(json_object_get(group(out, 0), "key"), "date");
    cr_expect_str_eq(json_string_value(json_object_get(week, "precision")), "week");
    json_decref(out);
    out = compare(s, (store_compare_query){.min_claimants = 2, .group = STORE_GROUP_MONTH});
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 1);
    json_t *month = json_object_get(json_object_get(group(out, 0), "key"), "date");
    cr_expect_str_eq(json_string_value(json_object_get(month, "start")), "2016-08-01");
    cr_expect_str_eq(json_string_value(json_object_get(month, "end")), "2016-08-31");
    cr_expect_eq(headline_value(row_of(group(out, 0), "monitor")), 4, "its latest count");
    json_decref(out);

    /* dates filter figures: only the later event is left */
    out = compare(s, (store_compare_query){.min_claimants = 2, .date_gte = "2016-08-15"});
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 1);
    date = json_object_get(json_object_get(group(out, 0), "key"), "date");
    cr_expect_str_eq(json_string_value(json_object_get(date, "start")), "2016-08-22");
    json_decref(out);
    out = compare(s, (store_compare_query){.min_claimants = 2, .date_lte = "2016-07-31"});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 0);
    json_decref(out);
    store_close(s);
}

/* Two different named causes the same day are two counts; so are two towns
 * of one governorate. An undated figure joins the one dated event of its
 * month, never two. */
Test(compare, causes_places_and_undated_figures)
{
    store *s = empty();
    static const char a[] = "قتل 7 مدنيين اختناقا وقتل 13 مدنيا في غارات";
    store_figure_rec fa[] = {toll(a, "7 مدنيين", 7, "monitor", "2016-08-03", "2016-08-03"),
                             toll(a, "13 مدنيا", 13, "civil-defence", "2016-08-03", "2016-08-03")};
    fa[0].cause = "toxic_gas";
    fa[1].cause = "airstrike";
    put(s, "a", a, fa, 2, "2016-08-03");
    json_t *out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 0, "not one count");
    json_decref(out);

    static const char b[] = "قتل 9 مدنيين في حلب وقتل 11 مدنيا";
    store_figure_rec fb[] = {toll(b, "9 مدنيين", 9, "army", "2016-08-05", "2016-08-05"),
                             toll(b, "11 مدنيا", 11, "militia", "2016-08-05", "2016-08-05")};
    fb[0].location_id = "aleppo"; /* the city and Atarib: two places */
    put(s, "b", b, fb, 2, "2016-08-05");
    out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 0, "two towns");
    json_decref(out);

    /* an undated figure of August: the month has several dated events */
    static const char c[] = "قتل 30 مدنيا";
    store_figure_rec fc[] = {killed(c, "30 مدنيا", 30, "faction", NULL, "aleppo-gov")};
    fc[0].subject_category = "civilians";
    put(s, "c", c, fc, 1, "2016-08-06");
    out = compare(s, (store_compare_query){.min_claimants = 1, .claimant = "faction"});
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 1);
    cr_expect(json_is_null(json_object_get(json_object_get(group(out, 0), "key"), "date")),
              "a group of its own, undated");
    cr_expect_eq(json_integer_value(json_object_get(group(out, 0), "n_claimants")), 1);
    json_decref(out);
    store_close(s);
}

/* Blocs: a party inside the group's bloc is a part, shown but outside the
 * spread; the bloc filter; the same rule without dates (claim_cells). */
static void assert_bloc_group(store *s)
{
    json_t *out = compare(s, (store_compare_query){.min_claimants = 2, .bloc = "sy.government"});
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 1);
    json_t *g = group(out, 0);
    json_t *subject = json_object_get(json_object_get(g, "key"), "subject");
    cr_expect_str_eq(json_string_value(json_object_get(subject, "bloc")), "sy.government");
    cr_expect(json_is_null(json_object_get(subject, "party")), "several parties");
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claimants")), 4);
    json_t *spread = json_object_get(g, "spread");
    cr_expect_eq(json_integer_value(json_object_get(spread, "min")), 80);
    cr_expect_eq(json_integer_value(json_object_get(spread, "max")), 200);
    json_t *monitor = row_of(g, "monitor");
    cr_expect_eq(headline_value(monitor), 90);
    assert_values(monitor, "parts", "24");
    json_t *other = row_of(g, "other-faction");
    cr_expect(json_is_null(json_object_get(other, "headline")), "a party's loss only");
    assert_values(other, "parts", "20");
    json_t *party = json_object_get(
        json_object_get(json_array_get(json_object_get(other, "parts"), 0), "subject"), "party");
    cr_expect_str_eq(json_string_value(json_object_get(party, "id")), "militia");
    cr_expect_str_eq(json_string_value(json_object_get(party, "name")), "ميليشيا");
    json_decref(out);
    out = compare(s, (store_compare_query){.min_claimants = 1, .bloc = "sy.opposition"});
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 0);
    json_decref(out);
}

static void put_bloc_claims(store *s, const char *published)
{
    static const char a[] = "قتل أكثر من 80 عنصرا من قوات النظام وقتل 200 وقتل 90 بينهم 24 ضابطا"
                            " وقتل 20 من الميليشيا";
    store_figure_rec f[] = {killed(a, "80 عنصرا", 80, "faction", NULL, "aleppo-gov"),
                            killed(a, "200", 200, "other-faction", NULL, "aleppo-gov"),
                            killed(a, "90", 90, "monitor", NULL, "aleppo-gov"),
                            killed(a, "24 ضابطا", 24, "monitor", NULL, "aleppo-gov"),
                            killed(a, "20 من", 20, "other-faction", NULL, "aleppo-gov")};
    for (size_t i = 0; i < 5; i++)
        f[i].subject_bloc = "sy.government";
    f[1].claimant_id = "army"; /* 200 by a third claimant */
    f[3].part_of = "x-f3";
    f[4].subject_party = "militia";
    put(s, "x", a, f, 5, published);
}

Test(compare, parties_inside_a_bloc_are_parts)
{
    store *s = empty();
    put_bloc_claims(s, "2016-08-07");
    assert_bloc_group(s);
    store_close(s);
}

Test(compare, parties_inside_a_bloc_are_parts_without_dates)
{
    store *s = empty();
    put_bloc_claims(s, NULL);
    assert_bloc_group(s);
    store_close(s);
}

/* claim_cells against compare_keys, the one definition of the key, and
 * claim_groups against claim_cells: the rows each must hold. */
static long long cells_out_of_step(void)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    static const char sql[] =
        "WITH want AS (SELECT type, category, bloc, side, area_id, month, object, claimant_id,"
        " count(*), max(CASE WHEN whole THEN amount END) FROM compare_keys"
        " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)"
        " , groups AS (SELECT type, category, bloc, side, area_id, period, object, count(*),"
        " sum(n) FROM claim_cells GROUP BY 1, 2, 3, 4, 5, 6, 7)"
        " SELECT (SELECT count(*) FROM (SELECT * FROM want EXCEPT SELECT * FROM claim_cells))"
        " + (SELECT count(*) FROM (SELECT * FROM claim_cells EXCEPT SELECT * FROM want))"
        " + (SELECT count(*) FROM (SELECT * FROM groups EXCEPT SELECT * FROM claim_groups))"
        " + (SELECT count(*) FROM (SELECT * FROM claim_groups EXCEPT SELECT * FROM groups))";
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
    put(s, "a", a, fa, 1, "2016-08-07"); /* the faction's 80 goes: 50 is its latest */
    cr_assert_eq(cells_out_of_step(), 0);
    json_t *out = compare(s, (store_compare_query){.min_claimants = 2});
    json_t *spread = json_object_get(group(out, 0), "spread");
    cr_expect_eq(json_integer_value(json_object_get(spread, "min")), 50);
    json_decref(out);
    cr_assert_eq(store_delete_article(s, "e"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_delete_article(s, "b"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(cells_out_of_step(), 0);
    out = compare(s, (store_compare_query){.min_claimants = 2});
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 0, "one claimant left");
    json_decref(out);
    put_bloc_claims(s, NULL);
    cr_assert_eq(cells_out_of_step(), 0);
    cr_assert_eq(store_delete_article(s, "x"), STORE_OK, "%s", store_errmsg(s));
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
    json_t *g = group(out, 0);
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 1);
    json_t *h = json_object_get(row_of(g, "army"), "headline");
    cr_expect_str_eq(json_string_value(json_object_get(h, "id")), "d-f1");
    json_decref(out);

    out = compare(s, (store_compare_query){.min_claimants = 3, .location = "aleppo-gov"});
    g = group(out, 0);
    cr_assert_not_null(g, "faction, monitor and army in Aleppo governorate");
    cr_expect_eq(json_integer_value(json_object_get(g, "n_claims")), 4);
    cr_expect_eq(json_array_size(json_object_get(g, "claimants")), 3);
    json_decref(out);
    store_close(s);
}

/* The schema's indexes serve compare's two heaviest reads: a place's cells
 * from figures_location alone (it holds every column of compare_keys' group
 * key), and a claimant's largest figures of a group in figures_group's
 * order, without sorting them. A key column added to the view and not to
 * the indexes fails here. */
Test(compare, indexes_serve_the_place_cells_and_the_largest_figures)
{
    store_close(fx_open());
    char *cells = fx_plan("SELECT type, category, bloc, side, area_id, month, object, claimant_id,"
                          " count(*) FROM compare_keys WHERE location_id = 'aleppo'"
                          " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8");
    cr_assert(strstr(cells, "COVERING INDEX figures_location"), "%s", cells);
    free(cells);
    char *largest = fx_plan("SELECT figure_rowid, id, amount FROM compare_keys"
                            " WHERE type = 'killed' AND category = 'people' AND bloc = ''"
                            " AND side = 'unknown' AND area_id = 'aleppo-gov' AND month = ''"
                            " AND object = '' AND claimant_id = 'monitor'"
                            " ORDER BY amount DESC, location_id DESC, figure_rowid DESC"
                            " LIMIT 500");
    cr_assert(strstr(largest, "INDEX figures_group"), "%s", largest);
    cr_assert_null(strstr(largest, "TEMP B-TREE"), "%s", largest);
    free(largest);
}
