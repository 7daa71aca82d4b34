/* test_store_list.c — keyset paging exactness over a generated data set
 * with many ties and NULLs: for every resource and many sort specs (fixed
 * and pseudo-random, up to four fields, mixed directions), the unpaged list
 * must be in the right order (checked against an independent comparator on
 * the JSON items) and paging with limits 1, 2, 3 and 7 must visit exactly
 * the same rows in the same order.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>

#include "db/store_int.h" /* the connection, for its progress handler */
#include "tests/db/store_fixture.h"

enum { N_LOC = 40, N_SRC = 20, N_ART = 30 };

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(rng_state >> 33) % n;
}

static const char *const AR_NAMES[] = {"حلب", "إدلب", "دوما", "حماة", "الرقة", "درعا"};
static const char *const EN_NAMES[] = {"Aleppo", "Idlib", "Douma", "Hama", "Raqqa"};
static const char *const LOC_KINDS[] = {"city", "town", "village", "neighbourhood", "hill"};
static const char *const SRC_NAMES[] = {"سانا", "المرصد السوري", "الدفاع المدني", "ناشطون",
                                        "مصدر عسكري"};
static const char *const SRC_KINDS[] = {"outlet", "ngo", "military", "activists", "anonymous"};
static const char *const AFFS[] = {"government", "opposition", "independent", "unknown"};
static const char *const TITLES[] = {"قصف على حلب", "اشتباكات في إدلب", "غارات على دوما",
                                     "نزوح من حماة"};
static const char *const TYPES[] = {"killed", "injured", "displaced", "destroyed"};
static const double VALUES[] = {1, 2, 2.5, 10, 10, 100, 150};

static char loc_ids[N_LOC][16], src_ids[N_SRC][16], art_ids[N_ART][16], dates[N_ART][16];

static const char BODY[] = "قتل وأصيب عدد من المدنيين في قصف على المدينة ونزحت عائلات كثيرة "
                           "من الأحياء الشرقية بعد اشتباكات عنيفة استمرت حتى المساء.";

static void generate(store *s)
{
    rng_state = 20160801;
    store_location_rec locs[N_LOC];
    for (int i = 0; i < N_LOC; i++) {
        snprintf(loc_ids[i], sizeof loc_ids[i], "l%02d", i);
        bool no_coords = i % 7 == 3;
        locs[i] = (store_location_rec){loc_ids[i],
                                       AR_NAMES[rnd(6)],
                                       i % 3 == 0 ? NULL : EN_NAMES[rnd(5)],
                                       LOC_KINDS[rnd(5)],
                                       i ? loc_ids[(i - 1) / 3] : NULL,
                                       no_coords ? NAN : 33 + rnd(400) / 100.0,
                                       no_coords ? NAN : 36 + rnd(300) / 100.0,
                                       i % 2 == 0};
    }
    cr_assert_eq(store_sync_locations(s, locs, N_LOC), STORE_OK, "%s", store_errmsg(s));
    store_source_rec srcs[N_SRC];
    for (int i = 0; i < N_SRC; i++) {
        snprintf(src_ids[i], sizeof src_ids[i], "s%02d", i);
        srcs[i] = (store_source_rec){src_ids[i],   SRC_NAMES[rnd(5)],
                                     NULL,         SRC_KINDS[rnd(5)],
                                     AFFS[rnd(4)], i > 10 ? src_ids[rnd(5)] : NULL,
                                     NULL};
    }
    cr_assert_eq(store_sync_sources(s, srcs, N_SRC), STORE_OK, "%s", store_errmsg(s));

    for (int i = 0; i < N_ART; i++) {
        snprintf(art_ids[i], sizeof art_ids[i], "art%02d", i);
        snprintf(dates[i], sizeof dates[i], "2016-08-%02u", 1 + rnd(6));
        store_figure_rec figs[12];
        store_mention lm[4], sm[3];
        size_t nf = i == 7 ? 11 : rnd(6), nl = rnd(4), ns = rnd(3);
        for (size_t k = 0; k < nf; k++) {
            bool has = rnd(5) != 0;
            figs[k] = (store_figure_rec){0};
            figs[k].has_value = has;
            figs[k].value = has ? VALUES[rnd(7)] : 0;
            figs[k].qualifier = has ? "exact" : "some";
            figs[k].type = TYPES[rnd(4)];
            figs[k].stance = rnd(4) ? "claimed" : "denied";
            figs[k].claimant_id = rnd(3) ? src_ids[rnd(N_SRC)] : NULL;
            figs[k].location_id = rnd(3) ? loc_ids[rnd(N_LOC)] : NULL;
            figs[k].start = (uint32_t)k * 4;
            figs[k].end = (uint32_t)k * 4 + 3;
            figs[k].span_text = "عدد";
        }
        for (size_t k = 0; k < nl; k++)
            lm[k] = (store_mention){loc_ids[rnd(N_LOC)], (uint32_t)k * 5, (uint32_t)k * 5 + 4,
                                    "مكان", NULL};
        for (size_t k = 0; k < ns; k++)
            sm[k] = (store_mention){src_ids[rnd(N_SRC)], (uint32_t)k * 6, (uint32_t)k * 6 + 5,
                                    "مصدر", k ? "mentioned" : "speaker"};
        store_doc d = {.id = art_ids[i],
                       .title = i % 4 == 0 ? NULL : TITLES[rnd(4)],
                       .body = BODY,
                       .outlet_id = rnd(2) ? src_ids[rnd(3)] : NULL,
                       .published_at = i % 5 == 0 ? NULL : dates[i],
                       .language = "ar",
                       .content_hash = "h",
                       .source_mentions = sm,
                       .n_source_mentions = ns,
                       .location_mentions = lm,
                       .n_location_mentions = nl,
                       .figures = figs,
                       .n_figures = nf};
        cr_assert_eq(store_put_document(s, &d), STORE_OK, "%s: %s", art_ids[i], store_errmsg(s));
    }
}

/* ---- an independent order on the JSON items -------------------------------- */

static json_t *path(json_t *o, const char *p)
{
    const char *dot = strchr(p, '.');
    if (!dot)
        return json_object_get(o, p);
    char head[32];
    snprintf(head, sizeof head, "%.*s", (int)(dot - p), p);
    return path(json_object_get(o, head), dot + 1);
}

/* NULL below everything; text by bytes (= SQLite's BINARY); numbers. */
static int cmp_json(json_t *a, json_t *b)
{
    cr_assert(a && b, "missing field");
    if (json_is_null(a) || json_is_null(b))
        return json_is_null(b) - json_is_null(a);
    if (json_is_string(a)) {
        int c = strcmp(json_string_value(a), json_string_value(b));
        return (c > 0) - (c < 0);
    }
    double x = json_number_value(a), y = json_number_value(b);
    return (x > y) - (x < y);
}

static long ordinal_of(json_t *item)
{
    const char *id = json_string_value(json_object_get(item, "id"));
    const char *f = strrchr(id, 'f');
    cr_assert(f && f > id && f[-1] == '-', "figure id %s", id);
    return strtol(f + 1, NULL, 10);
}

static int cmp_field(store_resource r, const char *field, json_t *x, json_t *y)
{
    if (r == RES_FIGURES && strcmp(field, "id") == 0) {
        int c = cmp_json(json_object_get(x, "article_id"), json_object_get(y, "article_id"));
        if (c)
            return c;
        long a = ordinal_of(x), b = ordinal_of(y);
        return (a > b) - (a < b);
    }
    static const struct {
        store_resource r;
        const char *field, *path;
    } map[] = {
        {RES_ARTICLES, "n_figures", "counts.figures"},
        {RES_SOURCES, "n_mentions", "counts.mentions"},
        {RES_SOURCES, "n_figures", "counts.figures"},
        {RES_LOCATIONS, "n_mentions", "counts.mentions"},
        {RES_FIGURES, "article", "article_id"},
    };
    const char *p = field;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].r == r && strcmp(map[i].field, field) == 0)
            p = map[i].path;
    return cmp_json(path(x, p), path(y, p));
}

static int cmp_items(const store_query *q, json_t *x, json_t *y)
{
    size_t n;
    const char *const *fields = store_sort_fields(q->res, &n);
    for (size_t i = 0; i < q->n_sort; i++) {
        int c = cmp_field(q->res, fields[q->sort[i].field], x, y);
        if (c)
            return q->sort[i].desc ? -c : c;
    }
    int c = cmp_field(q->res, "id", x, y); /* ties: the last field's direction */
    return q->n_sort && q->sort[q->n_sort - 1].desc ? -c : c;
}

static long long count_rows(const char *table)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void describe(const store_query *q, char *out, size_t outsz)
{
    size_t n, len = 0;
    const char *const *fields = store_sort_fields(q->res, &n);
    out[0] = '\0';
    for (size_t i = 0; i < q->n_sort && len < outsz; i++)
        len += (size_t)snprintf(out + len, outsz - len, "%s%s%s", i ? "," : "",
                                q->sort[i].desc ? "-" : "", fields[q->sort[i].field]);
}

/* The whole list in one page is ordered; paging gives the same rows. */
static void check_paging(store *s, store_query q, long long expect_total)
{
    char what[128];
    describe(&q, what, sizeof what);
    store_page full;
    q.limit = STORE_MAX_LIMIT;
    q.cursor = NULL;
    cr_assert_eq(store_list(s, &q, &full), STORE_OK, "%s", store_errmsg(s));
    cr_assert_null(full.next);
    size_t n = json_array_size(full.data);
    cr_assert_eq((long long)n, full.total);
    if (expect_total >= 0)
        cr_assert_eq(full.total, expect_total, "sort %s", what);
    for (size_t i = 1; i < n; i++) {
        json_t *a = json_array_get(full.data, i - 1), *b = json_array_get(full.data, i);
        cr_assert_lt(cmp_items(&q, a, b), 0, "sort %s: %s then %s", what,
                     json_string_value(json_object_get(a, "id")),
                     json_string_value(json_object_get(b, "id")));
    }
    char *expected = fx_ids(full.data);
    static const int limits[] = {1, 2, 3, 7};
    for (size_t l = 0; l < 4; l++) {
        q.limit = limits[l];
        char *got = list_ids(s, q);
        cr_assert_str_eq(got, expected, "sort %s limit %d", what, limits[l]);
        free(got);
    }
    free(expected);
    store_page_free(&full);
}

static void check_resource(store_resource r, const char *table, const char *filter,
                           const char *value)
{
    store *s = fx_open();
    generate(s);
    long long rows = count_rows(table);
    cr_assert_gt(rows, 10);
    size_t nf;
    store_sort_fields(r, &nf);

    /* Every field alone, both directions, then random combinations. */
    for (size_t f = 0; f < nf; f++)
        for (int desc = 0; desc < 2; desc++) {
            store_query q = query(r);
            q.sort[0] = (store_sort){f, desc != 0};
            q.n_sort = 1;
            check_paging(s, q, rows);
        }
    check_paging(s, query(r), rows);
    rng_state = 7 + (unsigned)r;
    for (int k = 0; k < 14; k++) {
        store_query q = query(r);
        q.n_sort = 1 + rnd(STORE_MAX_SORT);
        for (size_t i = 0; i < q.n_sort; i++)
            q.sort[i] = (store_sort){rnd((unsigned)nf), rnd(2) != 0};
        check_paging(s, q, rows);
        if (filter) { /* and under a filter */
            add_text(&q, filter, value);
            check_paging(s, q, -1);
        }
    }
    store_close(s);
}

TestSuite(store_list, .init = fx_setup, .fini = fx_teardown, .timeout = 300);

Test(store_list, articles)
{
    check_resource(RES_ARTICLES, "articles", "location", "l01");
}

Test(store_list, sources)
{
    check_resource(RES_SOURCES, "sources", "affiliation", "opposition");
}

Test(store_list, locations)
{
    check_resource(RES_LOCATIONS, "locations", "mentioned", "true");
}

Test(store_list, figures)
{
    check_resource(RES_FIGURES, "figures", "type", "killed");
}

/* Ordinals order numerically: art07-f10 follows art07-f9. */
Test(store_list, figure_ordinals_numeric)
{
    store *s = fx_open();
    generate(s);
    store_query q = query(RES_FIGURES);
    add_text(&q, "article", "art07");
    char *ids = list_ids(s, q);
    cr_assert_str_eq(ids, "art07-f1 art07-f2 art07-f3 art07-f4 art07-f5 art07-f6 art07-f7 "
                          "art07-f8 art07-f9 art07-f10 art07-f11");
    free(ids);
    q.sort[0] = (store_sort){sort_index(RES_FIGURES, "id"), true};
    q.n_sort = 1;
    q.limit = 4;
    ids = list_ids(s, q);
    cr_assert_str_eq(ids, "art07-f11 art07-f10 art07-f9 art07-f8 art07-f7 art07-f6 art07-f5 "
                          "art07-f4 art07-f3 art07-f2 art07-f1");
    free(ids);
    store_close(s);
}

/* VM instructions SQLite runs for one store_list call (its progress
 * handler, called at every instruction). */
static int count_instruction(void *n)
{
    ++*(long long *)n;
    return 0;
}

static long long instructions_of(store *s, const store_query *q, char **next)
{
    long long n = 0;
    store_page page;
    sqlite3_progress_handler(s->db, 1, count_instruction, &n);
    cr_assert_eq(store_list(s, q, &page), STORE_OK, "%s", store_errmsg(s));
    sqlite3_progress_handler(s->db, 0, NULL, NULL);
    *next = page.next ? strdup(page.next) : NULL;
    store_page_free(&page);
    return n;
}

enum { SEEK_ARTICLES = 100, SEEK_PER_ARTICLE = 4 };

/* 400 figures of one type in 100 articles; with gaps, every fifth has no
 * value and the others repeat 50 values. */
static void put_many_figures(store *s, bool gaps)
{
    for (int i = 0; i < SEEK_ARTICLES; i++) {
        char id[16];
        snprintf(id, sizeof id, "seek%03d", i);
        store_figure_rec figs[SEEK_PER_ARTICLE];
        for (int k = 0; k < SEEK_PER_ARTICLE; k++) {
            int n = i * SEEK_PER_ARTICLE + k;
            figs[k] = (store_figure_rec){.has_value = !gaps || n % 5 != 0,
                                         .value = gaps ? (n * 7) % 50 : 10 + k,
                                         .qualifier = "exact",
                                         .type = "killed",
                                         .stance = "claimed",
                                         .start = (uint32_t)k * 4,
                                         .end = (uint32_t)k * 4 + 3,
                                         .span_text = "عدد"};
        }
        store_doc d = {.id = id,
                       .body = BODY,
                       .language = "ar",
                       .content_hash = "h",
                       .figures = figs,
                       .n_figures = SEEK_PER_ARTICLE};
        cr_assert_eq(store_put_document(s, &d), STORE_OK, "%s", store_errmsg(s));
    }
}

/* Pages q through to the end, 2 rows a page; no page after a cursor may
 * cost twice what the first of them did (SQLite's instructions). */
static void expect_pages_cost_alike(store *s, store_query q)
{
    q.limit = 2;
    char *cursor = NULL;
    long long first = 0, most = 0;
    instructions_of(s, &q, &cursor);
    int pages = 1;
    while (cursor) {
        char *next;
        q.cursor = cursor;
        long long n = instructions_of(s, &q, &next);
        first = first ? first : n;
        most = n > most ? n : most;
        free(cursor);
        cursor = next;
        pages++;
    }
    cr_assert_eq(pages, SEEK_ARTICLES * SEEK_PER_ARTICLE / 2);
    cr_assert_lt(most, 2 * first, "a page took %lld instructions, the first after a cursor %lld",
                 most, first);
}

/* A page after a cursor seeks to it: its cost does not grow with the rows
 * before it. 400 figures of one type, a page of 2 each; the last page
 * costs what the second does, not the 400 rows before it. */
Test(store_list, a_cursor_page_costs_what_the_first_does)
{
    store *s = fx_open();
    put_many_figures(s, false);
    store_query q = query(RES_FIGURES);
    add_text(&q, "type", "killed");
    expect_pages_cost_alike(s, q);
    store_close(s);
}

/* The same in descending order of a key that may be NULL (sort=-value),
 * where the figures without a value come last: the pages before them seek
 * too, and every figure comes once, in order. */
Test(store_list, a_cursor_page_costs_what_the_first_does_where_nulls_come_last)
{
    store *s = fx_open();
    put_many_figures(s, true);
    store_query q = query(RES_FIGURES);
    q.sort[0] = (store_sort){sort_index(RES_FIGURES, "value"), true};
    q.n_sort = 1;
    expect_pages_cost_alike(s, q);

    q.limit = 7;
    char *ids = list_ids(s, q);
    q.limit = 500;
    char *whole = list_ids(s, q);
    cr_assert_str_eq(ids, whole, "pages of 7 and one page of 500 agree");
    free(ids);
    free(whole);
    store_page page;
    cr_assert_eq(store_list(s, &q, &page), STORE_OK);
    size_t n = json_array_size(page.data), nulls = 0;
    cr_assert_eq(n, SEEK_ARTICLES * SEEK_PER_ARTICLE);
    double before = INFINITY;
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_object_get(json_array_get(page.data, i), "value");
        if (json_is_null(v)) {
            nulls++;
            continue;
        }
        cr_assert_eq(nulls, 0, "a value after the figures without one, at %zu", i);
        cr_assert_leq(json_number_value(v), before);
        before = json_number_value(v);
    }
    cr_assert_eq(nulls, n / 5);
    store_page_free(&page);
    store_close(s);
}

/* The denormalised counts agree with the rows they count. */
Test(store_list, counts_match_rows)
{
    store *s = fx_open();
    generate(s);
    /* Replace and delete some, so the counts have been recomputed. */
    store_doc d = {.id = "art03", .body = BODY, .language = "ar"};
    cr_assert_eq(store_put_document(s, &d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_delete_article(s, "art11"), STORE_OK, "%s", store_errmsg(s));
    store_close(s);
    static const char *const checks[] = {
        "SELECT count(*) FROM articles a WHERE n_figures != (SELECT count(*) FROM figures f"
        " WHERE f.article_id = a.id)",
        "SELECT count(*) FROM articles a WHERE n_locations != (SELECT count(DISTINCT"
        " location_id) FROM location_mentions m WHERE m.article_id = a.id)",
        "SELECT count(*) FROM articles a WHERE n_sources != (SELECT count(DISTINCT source_id)"
        " FROM source_mentions m WHERE m.article_id = a.id)",
        "SELECT count(*) FROM sources s WHERE n_mentions != (SELECT count(*) FROM"
        " source_mentions m WHERE m.source_id = s.id)",
        "SELECT count(*) FROM sources s WHERE n_figures != (SELECT count(*) FROM figures f"
        " WHERE f.claimant_id = s.id)",
        "SELECT count(*) FROM sources s WHERE n_articles != (SELECT count(DISTINCT article_id)"
        " FROM source_mentions m WHERE m.source_id = s.id)",
        "SELECT count(*) FROM locations l WHERE n_mentions != (SELECT count(*) FROM"
        " location_mentions m WHERE m.location_id = l.id)",
        "SELECT count(*) FROM articles WHERE n_chars != length(body)",
    };
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        sqlite3_stmt *st;
        cr_assert_eq(sqlite3_prepare_v2(db, checks[i], -1, &st, NULL), SQLITE_OK, "%s",
                     sqlite3_errmsg(db));
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        cr_assert_eq(sqlite3_column_int(st, 0), 0, "%s", checks[i]);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
}
