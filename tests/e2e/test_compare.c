/* test_compare.c — /v1/figures/compare end to end, the acceptance cases of
 * issue 15: articles written here with sidecars (publication time and
 * outlet), imported by the real binary, then compared. A monitor's toll
 * rises from 17 to 23 between two articles, the 23 is relayed by two
 * agencies, "7 children among them" is a part, a civil defence count of 20
 * for the same strikes sits beside it; the same town's shelling three
 * weeks later is another group. The seeds' case (blocs) is at the end.
 */
#include "tests/e2e/api_helpers.h"

#include <stdio.h>
#include <sys/stat.h>

/* The texts are this test's own sentences, not published reporting. */
static const struct {
    const char *name, *text, *sidecar;
} DOCS[] = {
    {"d1",
     "قال المرصد السوري لحقوق الإنسان إن 17 مدنيا قتلوا اليوم في غارات جوية على بلدة"
     " الأتارب بريف حلب.\n",
     "{\"published_at\": \"2016-08-01T17:00:00Z\", \"outlet\": \"وكالة فرانس برس\"}"},
    {"d2",
     "ارتفعت حصيلة قتلى الغارات الجوية على بلدة الأتارب أمس إلى 23 مدنيا بينهم 7 أطفال،"
     " بحسب ما أفاد المرصد السوري لحقوق الإنسان.\n",
     "{\"published_at\": \"2016-08-02T09:00:00Z\", \"outlet\": \"وكالة فرانس برس\"}"},
    {"d3",
     "ارتفعت حصيلة قتلى الغارات الجوية على بلدة الأتارب أمس إلى 23 مدنيا بينهم 7 أطفال،"
     " بحسب ما أفاد المرصد السوري لحقوق الإنسان.\n",
     "{\"published_at\": \"2016-08-02T11:30:00Z\", \"outlet\": \"رويترز\"}"},
    {"d4",
     "قال الدفاع المدني إن فرقه انتشلت جثث 20 مدنيا من تحت الأنقاض بعد الغارات الجوية على"
     " بلدة الأتارب أمس.\n",
     "{\"published_at\": \"2016-08-02T08:00:00Z\", \"outlet\": \"رويترز\"}"},
    {"d5",
     "قال المرصد السوري لحقوق الإنسان إن 4 مدنيين قتلوا اليوم في قصف مدفعي على بلدة"
     " الأتارب. وقال الدفاع المدني إن 6 مدنيين قتلوا في القصف المدفعي على الأتارب اليوم.\n",
     "{\"published_at\": \"2016-08-22T19:00:00Z\", \"outlet\": \"وكالة فرانس برس\"}"},
};

static void put_file(const char *dir, const char *name, const char *text)
{
    char *path = fmt_str("%s/%s", dir, name);
    e2e_write_file(path, text, strlen(text));
    free(path);
}

static void start_dated(void)
{
    char dir[4096];
    e2e_path(dir, sizeof dir, "dated");
    cr_assert(mkdir(dir, 0700) == 0);
    for (size_t i = 0; i < sizeof DOCS / sizeof DOCS[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s.txt", DOCS[i].name);
        put_file(dir, name, DOCS[i].text);
        snprintf(name, sizeof name, "%s.json", DOCS[i].name);
        put_file(dir, name, DOCS[i].sidecar);
    }
    e2e_start(dir);
}

TestSuite(compare_dated, .init = start_dated, .fini = e2e_teardown, .timeout = 120);

/* The row of group g whose claimant id is id. */
static json_t *row_of(json_t *g, const char *id)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(g, "claimants"), i, r)
    {
        const char *cid = jstr2(r, "claimant", "id");
        if (cid && !strcmp(cid, id))
            return r;
    }
    return NULL;
}

/* The group whose event date starts on day. */
static json_t *group_on(json_t *out, const char *day)
{
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(out, "groups"), i, g)
    {
        const char *start = jstr2(json_object_get(g, "key"), "date", "start");
        if (start && !strcmp(start, day))
            return g;
    }
    return NULL;
}

static double headline(json_t *row)
{
    json_t *h = json_object_get(row, "headline");
    cr_assert(json_is_object(h), "a headline");
    return json_number_value(json_object_get(h, "value"));
}

/* The values of list (parts, superseded) of row, as "v v". */
static char *values(json_t *row, const char *list)
{
    char *out = calloc(1, 256);
    cr_assert_not_null(out);
    size_t i, len = 0;
    json_t *f;
    json_array_foreach(json_object_get(row, list), i, f)
    {
        len += (size_t)snprintf(out + len, 256 - len, "%s%g", i ? " " : "",
                                json_number_value(json_object_get(f, "value")));
    }
    return out;
}

Test(compare_dated, a_rising_toll_its_relays_and_its_parts_are_one_claim)
{
    json_t *out = get_ok("/v1/figures/compare?figures=10");
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 2, "two events");
    json_t *g = group_on(out, "2016-08-01");
    cr_assert_not_null(g, "the air strikes of 1 August, read from اليوم and أمس");
    json_t *key = json_object_get(g, "key");
    cr_expect_str_eq(jstr(key, "type"), "killed");
    cr_expect_str_eq(jstr2(key, "subject", "category"), "civilians");
    cr_expect_str_eq(jstr2(key, "area", "id"), "aleppo-gov");
    cr_expect_str_eq(jstr2(key, "date", "precision"), "day");
    cr_expect_eq(jint(g, "n_claimants"), 2);

    json_t *monitor = row_of(g, "sohr");
    cr_assert_not_null(monitor, "the monitor's row");
    cr_expect_float_eq(headline(monitor), 23, 1e-9);
    char *v = values(monitor, "superseded");
    cr_expect_str_eq(v, "17", "the earlier toll stays visible");
    free(v);
    v = values(monitor, "parts");
    cr_expect_str_eq(v, "7", "the children are a part, once");
    free(v);
    json_t *carriers = json_object_get(monitor, "carriers");
    cr_assert_eq(json_array_size(carriers), 2, "both agencies carry the 23");
    cr_expect_str_eq(jstr(json_array_get(carriers, 0), "article_id"), "d3");
    cr_expect_str_eq(jstr2(json_array_get(carriers, 0), "outlet", "id"), "reuters");
    cr_expect_str_eq(jstr(json_array_get(carriers, 0), "published_at"), "2016-08-02T11:30:00Z");
    cr_expect_str_eq(jstr(json_array_get(carriers, 1), "article_id"), "d2");
    cr_expect_str_eq(jstr2(json_array_get(carriers, 1), "outlet", "id"), "afp");
    cr_expect_eq(jint(monitor, "n_claims"), 3);

    json_t *cd = row_of(g, "syria-civil-defence");
    cr_assert_not_null(cd, "the civil defence's row");
    cr_expect_float_eq(headline(cd), 20, 1e-9);
    json_t *spread = json_object_get(g, "spread");
    cr_expect_float_eq(json_number_value(json_object_get(spread, "min")), 20, 1e-9);
    cr_expect_float_eq(json_number_value(json_object_get(spread, "max")), 23, 1e-9);
    cr_expect_str_eq(jstr(spread, "max_claimant"), "sohr");
    cr_expect_str_eq(jstr(spread, "min_claimant"), "syria-civil-defence");

    json_t *later = group_on(out, "2016-08-22");
    cr_assert_not_null(later, "the shelling three weeks later is another group");
    cr_expect_float_eq(headline(row_of(later, "sohr")), 4, 1e-9);
    json_decref(out);

    /* figures=0: the counts alone */
    out = get_ok("/v1/figures/compare?figures=0");
    monitor = row_of(group_on(out, "2016-08-01"), "sohr");
    cr_assert_not_null(monitor);
    cr_expect_eq(json_array_size(json_object_get(monitor, "parts")), 0);
    cr_expect_eq(json_array_size(json_object_get(monitor, "carriers")), 0);
    cr_expect_eq(jint(monitor, "n_parts"), 1);
    cr_expect_eq(jint(monitor, "n_superseded"), 1);
    cr_expect_eq(jint(monitor, "n_carriers"), 2);
    json_decref(out);
}

Test(compare_dated, grouping_and_dates_narrow_the_groups)
{
    json_t *out = get_ok("/v1/figures/compare?group=month");
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 1, "one month");
    json_t *key = json_object_get(json_array_get(json_object_get(out, "groups"), 0), "key");
    cr_expect_str_eq(jstr2(key, "date", "start"), "2016-08-01");
    cr_expect_str_eq(jstr2(key, "date", "end"), "2016-08-31");
    json_decref(out);
    out = get_ok("/v1/figures/compare?group=week");
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 2);
    json_decref(out);
    out = get_ok("/v1/figures/compare?date__gte=2016-08-10");
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 1);
    cr_expect_not_null(group_on(out, "2016-08-22"));
    json_decref(out);
    out = get_ok("/v1/figures/compare?date__lte=2016-08-01&claimant=syria-civil-defence");
    cr_assert_eq(json_array_size(json_object_get(out, "groups")), 1);
    cr_expect_not_null(group_on(out, "2016-08-01"));
    json_decref(out);
    out = get_ok("/v1/figures/compare?bloc=sy.government");
    cr_expect_eq(json_array_size(json_object_get(out, "groups")), 0, "civilians of no bloc");
    json_decref(out);

    /* the lists: event dates and publication days */
    cr_expect_eq(total_of("/v1/figures?date__gte=2016-08-02"), 2, "the shelling's two figures");
    cr_expect_eq(total_of("/v1/figures?date__lte=2016-08-01"), 6);
    cr_expect_eq(total_of("/v1/figures?published_at__lte=2016-08-01"), 1, "d1's 17");
    cr_expect_eq(total_of("/v1/articles?published_at__gte=2016-08-02"), 4);
    cr_expect_eq(total_of("/v1/articles?published_at__gte=2016-08-02&published_at__lte=2016-08-02"),
                 3);
    cr_expect_eq(total_of("/v1/articles?date__gte=2016-08-22"), 1);
}

Test(compare_dated, figures_show_dates_causes_and_subjects)
{
    json_t *f = get_ok("/v1/figures/d2-f2");
    cr_expect_str_eq(jstr(f, "part_of"), "d2-f1");
    cr_expect_str_eq(jstr2(f, "date", "start"), "2016-08-01");
    cr_expect_str_eq(jstr(f, "cause"), "airstrike");
    json_t *subject = json_object_get(f, "subject");
    cr_expect(json_object_get(subject, "bloc") != NULL, "subject.bloc is served");
    cr_expect(json_object_get(subject, "party") != NULL, "subject.party is served");
    cr_expect(json_object_get(json_object_get(f, "claimant"), "bloc") != NULL);
    json_decref(f);
}

/* ---- the seeds (blocs) ------------------------------------------------------
 * Needs the blocs of data/blocs.tsv read by the extractor (branch h/blocs):
 * until sources carry a bloc, the test says so on stderr and checks
 * nothing. */

static void start_seeded(void)
{
    e2e_start(NULL);
}

TestSuite(compare_seeds, .init = start_seeded, .fini = e2e_teardown, .timeout = 120);

Test(compare_seeds, government_losses_at_aleppo_one_row_per_claimant)
{
    json_t *ahrar = get_ok("/v1/sources/ahrar-al-sham");
    bool blocs = json_is_string(json_object_get(ahrar, "bloc"));
    json_decref(ahrar);
    if (!blocs) { /* not cr_skip_test nor cr_log_warn: either fails the program's exit status */
        fprintf(stderr,
                "compare_seeds: SKIPPED, sources carry no bloc yet (data/blocs.tsv, h/blocs)\n");
        return;
    }
    json_t *out =
        get_ok("/v1/figures/compare?type=killed&location=aleppo-gov&claims=50&figures=50&limit=50");
    json_t *g = NULL;
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(out, "groups"), i, x)
    {
        if (row_of(x, "ahrar-al-sham") && row_of(x, "suqour-al-sham"))
            g = x;
    }
    cr_assert_not_null(g, "one group holds Ahrar al-Sham's and Suqour al-Sham's counts");
    json_t *key = json_object_get(g, "key");
    cr_expect_str_eq(jstr2(key, "subject", "category"), "combatants");
    cr_expect_str_eq(jstr2(key, "area", "id"), "aleppo-gov");
    cr_expect_float_eq(headline(row_of(g, "ahrar-al-sham")), 80, 1e-9);
    cr_expect_str_eq(jstr2(row_of(g, "ahrar-al-sham"), "headline", "qualifier"), "more_than");
    cr_expect_float_eq(headline(row_of(g, "suqour-al-sham")), 200, 1e-9);
    /* Al Jazeera's sources: 90 at least, with its breakdown as parts */
    json_t *ninety = NULL, *party_only = NULL, *r;
    json_array_foreach(json_object_get(g, "claimants"), i, r)
    {
        json_t *h = json_object_get(r, "headline");
        if (json_is_object(h) && json_number_value(json_object_get(h, "value")) == 90)
            ninety = r;
        if (json_is_null(h))
            party_only = r;
    }
    cr_assert_not_null(ninety, "a claimant whose headline is 90");
    cr_expect_str_eq(jstr2(ninety, "headline", "qualifier"), "at_least");
    char *v = values(ninety, "parts");
    cr_expect(strstr(v, "24") && strstr(v, "6") && strstr(v, "4"), "parts of the 90: %s", v);
    free(v);
    cr_assert_not_null(party_only, "Fateh al-Sham's source: a party's loss, outside the spread");
    v = values(party_only, "parts");
    cr_expect(strstr(v, "20") != NULL, "its parts: %s", v);
    free(v);
    json_t *spread = json_object_get(g, "spread");
    cr_expect_float_eq(json_number_value(json_object_get(spread, "min")), 80, 1e-9);
    cr_expect_float_eq(json_number_value(json_object_get(spread, "max")), 200, 1e-9);
    cr_expect_float_eq(json_number_value(json_object_get(spread, "ratio")), 2.5, 1e-9);
    json_decref(out);

    /* the 7 dead of toxic gas and the 13 of air strikes are not one count */
    out = get_ok("/v1/figures/compare?min_claimants=1&claims=50&figures=0&limit=500");
    json_array_foreach(json_object_get(out, "groups"), i, x)
    {
        bool seven = false, thirteen = false;
        size_t k;
        json_array_foreach(json_object_get(x, "claimants"), k, r)
        {
            json_t *h = json_object_get(r, "headline");
            double hv = json_is_object(h) ? json_number_value(json_object_get(h, "value")) : -1;
            seven |= hv == 7;
            thirteen |= hv == 13;
        }
        cr_expect(!(seven && thirteen), "7 and 13 side by side in group %zu", i);
    }
    json_decref(out);
}
