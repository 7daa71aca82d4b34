/* test_store_filters.c — list queries on the small fixture (db/store_list.c,
 * db/store_cursor.c): every filter, facets with their null bucket, article
 * search, sorts with NULLs and mixed directions, bad cursors. Paging
 * exactness over a larger generated data set is in test_store_list.c.
 */
#include "tests/db/store_docs.h"

TestSuite(store_filters, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

/* ---- filters ---------------------------------------------------------------------- */

Test(store_filters, article_filters)
{
    store *s = fx_open();
    load_all(s);
    store_query q = query(RES_ARTICLES);
    assert_ids(s, q, "a1 a2 a3");
    add_text(&q, "outlet", "smart");
    assert_ids(s, q, "a1");
    q = query(RES_ARTICLES);
    add_text(&q, "source", "sana"); /* the outlet's byline mention counts */
    assert_ids(s, q, "a2");
    q = query(RES_ARTICLES);
    add_text(&q, "source", "sohr");
    assert_ids(s, q, "a1");
    /* A place and everything inside it. */
    q = query(RES_ARTICLES);
    add_text(&q, "location", "syria");
    assert_ids(s, q, "a1 a2 a3");
    q = query(RES_ARTICLES);
    add_text(&q, "location", "aleppo_gov"); /* a3 names a site inside Hamdaniya */
    assert_ids(s, q, "a1 a3");
    q = query(RES_ARTICLES);
    add_text(&q, "location", "idlib_gov");
    assert_ids(s, q, "a2");
    q = query(RES_ARTICLES);
    add_text(&q, "location", "military_academy");
    assert_ids(s, q, "a3");
    q = query(RES_ARTICLES);
    add_text(&q, "type", "destroyed");
    assert_ids(s, q, "a2");
    q = query(RES_ARTICLES);
    add_text(&q, "type", "killed");
    assert_ids(s, q, "a1 a2 a3");
    add_text(&q, "outlet", "sana");
    assert_ids(s, q, "a2");
    q = query(RES_ARTICLES);
    add_text(&q, "type", "captured");
    assert_ids(s, q, "");
    store_close(s);
}

/* Each facet's values as "value:count ..." in the order given (null as
 * "null"). */
static char *facet_counts(store *s, store_query q, size_t facet)
{
    store_page page = {0};
    q.facets[0] = facet;
    q.n_facets = 1;
    cr_assert_eq(store_list(s, &q, &page), STORE_OK, "%s", store_errmsg(s));
    char *out = calloc(1, 1024);
    cr_assert_not_null(out);
    size_t i;
    json_t *v;
    json_t *values = json_object_get(page.facets, store_facets(q.res, &(size_t){0})[facet]);
    cr_assert(json_is_array(values));
    json_array_foreach(values, i, v)
    {
        const char *value = json_string_value(json_object_get(v, "value"));
        size_t len = strlen(out);
        snprintf(out + len, 1024 - len, "%s%s:%lld", i ? " " : "", value ? value : "null",
                 (long long)json_integer_value(json_object_get(v, "count")));
    }
    store_page_free(&page);
    return out;
}

/* Articles without any figure, place or claimed figure fall in the null
 * bucket of the type, location and claimant facets, as figures without a
 * claimant or place do in the figures' facets. */
Test(store_filters, article_facets_count_the_null_bucket)
{
    store *s = fx_open();
    load_all(s);
    fx_doc x;
    memset(&x, 0, sizeof x);
    const char *b4 = "أصيب 5 أشخاص في حادث سير على الطريق العام.";
    x.f[0] = fx_figure(b4, "أصيب 5", "injured", "exact", true, 5);
    x.d = (store_doc){.id = "a4",
                      .body = b4,
                      .language = "ar",
                      .content_hash = "hash-a4",
                      .figures = x.f,
                      .n_figures = 1};
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    memset(&x, 0, sizeof x);
    x.d = (store_doc){.id = "a5",
                      .body = "لم ترد أنباء عن ضحايا اليوم.",
                      .language = "ar",
                      .content_hash = "hash-a5"};
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));

    static const struct {
        const char *type_filter; /* NULL: none */
        size_t facet;            /* 1 type, 2 location, 3 claimant */
        const char *expected;
    } cases[] = {
        {NULL, 1, "killed:3 injured:2 null:1 airstrikes:1 count:1 destroyed:1 displaced:1"},
        {NULL, 2,
         "null:2 aleppo:1 damascus:1 douma:1 hamdaniya:1 idlib_gov:1 military_academy:1 saraqib:1"
         " unknown_hill:1"},
        {NULL, 3, "null:2 jaish_alfath:1 sohr:1 syrian_army:1 white_helmets:1"},
        {"killed", 3, "jaish_alfath:1 sohr:1 syrian_army:1 white_helmets:1"},
        {"injured", 3, "null:1 sohr:1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        store_query q = query(RES_ARTICLES);
        if (cases[i].type_filter)
            add_text(&q, "type", cases[i].type_filter);
        char *got = facet_counts(s, q, cases[i].facet);
        cr_expect_str_eq(got, cases[i].expected, "case %zu", i);
        free(got);
    }
    store_close(s);
}

Test(store_filters, article_search)
{
    store *s = fx_open();
    load_all(s);
    static const struct {
        const char *q, *ids;
    } cases[] = {
        {"الحمدانية", "a1"},
        {"حلب", "a1"}, /* in the title and the body */
        {"إدلب", "a2"},
        {"دوما", "a3"},
        {"جيش", "a2"}, /* جيش الفتح, and الجيش with its article stripped */
        {"الجيش", "a2"},
        {"بحلب", "a1"},     /* the tokenizer (db/fts_arabic.h): proclitics, */
        {"حَلَب", "a1"},      /* harakat, */
        {"الجيـــش", "a2"}, /* tatweel, */
        {"ادلب", "a2"},     /* hamza, */
        {"دبابة", "a2"},    /* singular for plural (دبابات), */
        {"١٥٠", "a2"},      /* Arabic-Indic digits */
        {"\"المرصد السوري\"", "a1"},
        {"مقتل", "a1 a2"},
        {"مقتل NOT حلب", "a2"},
        {"title:مقتل", "a1 a2"},
        {"body:مقتل", "a2"},
        {"الدفاع*", "a3"},
        {"دمشق OR دوما", "a2 a3"},
        {"غير_موجود", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        store_query q = query(RES_ARTICLES);
        add_text(&q, "q", cases[i].q);
        char *ids = list_ids(s, q);
        cr_assert_str_eq(ids, cases[i].ids, "q=%s", cases[i].q);
        free(ids);
    }
    /* Combined with another filter and paged. */
    store_query q = query(RES_ARTICLES);
    add_text(&q, "q", "مقتل");
    add_text(&q, "location", "syria");
    assert_ids_paged(s, q, "a1 a2");

    static const char *const bad[] = {"\"غير مغلق", "AND", "حلب AND", "nosuchcolumn:حلب",
                                      "(حلب",       "",    "NEAR(",   "*"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        q = query(RES_ARTICLES);
        add_text(&q, "q", bad[i]);
        store_page p;
        store_status st = store_list(s, &q, &p);
        cr_assert_eq(st, STORE_BADQUERY, "q=%s gave %d (%s)", bad[i], st, store_errmsg(s));
        cr_assert_null(p.data);
        cr_assert(strlen(store_errmsg(s)) > 0);
    }
    /* The handle is fine afterwards. */
    assert_ids(s, query(RES_ARTICLES), "a1 a2 a3");
    store_close(s);
}

Test(store_filters, source_filters)
{
    store *s = fx_open();
    load_all(s);
    store_query q = query(RES_SOURCES);
    add_text(&q, "kind", "outlet");
    assert_ids(s, q, "sana smart");
    q = query(RES_SOURCES);
    add_text(&q, "affiliation", "government");
    assert_ids(s, q, "army_spokesman sana syrian_army");
    q = query(RES_SOURCES);
    add_text(&q, "article", "a2");
    assert_ids(s, q, "jaish_alfath sana syrian_army");
    q = query(RES_SOURCES);
    add_text(&q, "parent", "syrian_army");
    assert_ids(s, q, "army_spokesman");
    q = query(RES_SOURCES);
    add_text(&q, "affiliation", "opposition");
    add_text(&q, "kind", "outlet");
    assert_ids(s, q, "smart");
    /* Values outside an enumeration are refused, not silently empty. */
    q = query(RES_SOURCES);
    add_text(&q, "kind", "dragon");
    store_page p;
    cr_assert_eq(store_list(s, &q, &p), STORE_ERR);
    store_close(s);
}

Test(store_filters, location_filters)
{
    store *s = fx_open();
    load_all(s);
    store_query q = query(RES_LOCATIONS);
    add_text(&q, "article", "a1");
    assert_ids(s, q, "aleppo hamdaniya");
    q = query(RES_LOCATIONS);
    add_text(&q, "kind", "governorate");
    assert_ids(s, q, "aleppo_gov idlib_gov");
    q = query(RES_LOCATIONS);
    add_text(&q, "parent", "idlib_gov");
    assert_ids(s, q, "idlib saraqib");
    q = query(RES_LOCATIONS); /* around Aleppo: minLon,minLat,maxLon,maxLat */
    add_nums(&q, "bbox", 37.0, 36.1, 37.3, 36.3);
    assert_ids(s, q, "aleppo aleppo_gov hamdaniya military_academy");
    q = query(RES_LOCATIONS); /* across the antimeridian: nothing here */
    add_nums(&q, "bbox", 170, -10, -170, 10);
    assert_ids(s, q, "");
    q = query(RES_LOCATIONS); /* lat,lon,km */
    add_nums(&q, "near", 36.2021, 37.1343, 5, 0);
    assert_ids(s, q, "aleppo aleppo_gov hamdaniya");
    q = query(RES_LOCATIONS);
    add_nums(&q, "near", 36.2021, 37.1343, 10, 0);
    assert_ids(s, q, "aleppo aleppo_gov hamdaniya military_academy");
    q = query(RES_LOCATIONS); /* Damascus to Douma is about 14 km */
    add_nums(&q, "near", 33.5138, 36.2765, 13, 0);
    assert_ids(s, q, "damascus");
    q = query(RES_LOCATIONS);
    add_nums(&q, "near", 33.5138, 36.2765, 16, 0);
    assert_ids(s, q, "damascus douma");
    q = query(RES_LOCATIONS); /* Aleppo to Idlib is about 56 km */
    add_nums(&q, "near", 36.2021, 37.1343, 60, 0);
    add_text(&q, "kind", "city");
    assert_ids(s, q, "aleppo idlib");
    q = query(RES_LOCATIONS);
    add_text(&q, "mentioned", "true");
    assert_ids(s, q,
               "aleppo damascus douma hamdaniya idlib_gov military_academy saraqib "
               "unknown_hill");
    q = query(RES_LOCATIONS);
    add_text(&q, "mentioned", "false");
    assert_ids(s, q, "aleppo_gov idlib syria");
    q = query(RES_LOCATIONS);
    add_nums(&q, "near", 95, 0, 1, 0);
    store_page p;
    cr_assert_eq(store_list(s, &q, &p), STORE_ERR);
    store_close(s);
}

Test(store_filters, figure_filters)
{
    store *s = fx_open();
    load_all(s);
    static const struct {
        const char *name, *value, *ids;
    } cases[] = {
        {"article", "a2", "a2-f1 a2-f2 a2-f3"},
        {"type", "killed", "a1-f1 a2-f1 a2-f3 a3-f1"},
        {"qualifier", "some", "a2-f3"},
        {"qualifier", "range", "a3-f3"},
        {"claimant", "syrian_army", "a2-f1 a2-f2"},
        {"location", "idlib_gov", "a2-f1 a2-f2"}, /* Saraqib is inside Idlib */
        {"location", "aleppo", "a1-f1 a1-f2"},
        {"location", "syria", "a1-f1 a1-f2 a2-f1 a2-f2 a3-f1 a3-f2"},
        {"location", "unknown_hill", "a3-f4"},
        {"stance", "denied", "a2-f3"},
        {"stance", "claimed", "a1-f1 a1-f2 a2-f1 a2-f2 a3-f1 a3-f2 a3-f3 a3-f4"},
        {"subject_side", "opposition", "a2-f1 a2-f2 a2-f3"},
        {"subject_category", "civilians", "a1-f1 a3-f1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        store_query q = query(RES_FIGURES);
        add_text(&q, cases[i].name, cases[i].value);
        char *ids = list_ids(s, q);
        cr_assert_str_eq(ids, cases[i].ids, "%s=%s", cases[i].name, cases[i].value);
        free(ids);
    }
    store_query q = query(RES_FIGURES);
    add_nums(&q, "value__gte", 100, 0, 0, 0);
    assert_ids(s, q, "a2-f1 a3-f2");
    q = query(RES_FIGURES);
    add_nums(&q, "value__lte", 3, 0, 0, 0);
    assert_ids(s, q, "a2-f2 a3-f4");
    q = query(RES_FIGURES);
    add_nums(&q, "value__gte", 10, 0, 0, 0);
    add_nums(&q, "value__lte", 30, 0, 0, 0);
    assert_ids_paged(s, q, "a1-f1 a1-f2 a3-f1 a3-f3");
    q = query(RES_FIGURES);
    add_text(&q, "type", "killed");
    add_text(&q, "claimant", "syrian_army");
    add_text(&q, "location", "syria");
    assert_ids(s, q, "a2-f1");
    store_close(s);
}

/* Event dates (a figure's span of days) and publication days: a day filter
 * keeps what reaches it, a publication day counts whole. */
Test(store_filters, date_filters)
{
    store *s = fx_open();
    fx_doc x;
    load_gazetteer(s);
    doc_a1(&x);
    x.f[0].date_start = "2016-07-30";
    x.f[0].date_end = "2016-07-31";
    x.f[0].date_precision = "span";
    x.f[1].date_start = x.f[1].date_end = "2016-08-01";
    x.f[1].date_precision = "day";
    x.d.published_at = "2016-08-01T21:30:00Z";
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    doc_a2(&x);
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    doc_a3(&x);
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    static const struct {
        store_resource r;
        const char *name, *value, *ids;
    } cases[] = {
        {RES_FIGURES, "date__gte", "2016-08-01", "a1-f2"},
        {RES_FIGURES, "date__gte", "2016-07-31", "a1-f1 a1-f2"},
        {RES_FIGURES, "date__lte", "2016-07-30", "a1-f1"},
        {RES_FIGURES, "date__lte", "2016-07-29", ""},
        {RES_FIGURES, "published_at__gte", "2016-08-02", "a2-f1 a2-f2 a2-f3"},
        {RES_FIGURES, "published_at__lte", "2016-08-01", "a1-f1 a1-f2"},
        {RES_ARTICLES, "date__gte", "2016-08-01", "a1"},
        {RES_ARTICLES, "date__lte", "2016-08-01", "a1"},
        {RES_ARTICLES, "date__gte", "2016-08-02", ""},
        {RES_ARTICLES, "published_at__gte", "2016-08-01", "a1 a2"},
        {RES_ARTICLES, "published_at__lte", "2016-08-01", "a1"},
        {RES_ARTICLES, "published_at__gte", "2016-08-03", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        store_query q = query(cases[i].r);
        add_text(&q, cases[i].name, cases[i].value);
        char *ids = list_ids(s, q);
        cr_assert_str_eq(ids, cases[i].ids, "%s=%s", cases[i].name, cases[i].value);
        free(ids);
    }
    /* the store asserts a day, whatever the layer above let through */
    store_query q = query(RES_FIGURES);
    add_text(&q, "date__gte", "2016-02-30");
    store_page page = {0};
    cr_assert_eq(store_list(s, &q, &page), STORE_ERR);
    store_close(s);
}

/* ---- sorts ------------------------------------------------------------------------- */

Test(store_filters, sorts_with_nulls_and_mixed_directions)
{
    store *s = fx_open();
    load_all(s);
    static const struct {
        store_resource r;
        const char *sort[4];
        const char *ids;
    } cases[] = {
        /* NULL first ascending, last descending. */
        {RES_ARTICLES, {"title"}, "a3 a2 a1"},
        {RES_ARTICLES, {"-title"}, "a1 a2 a3"},
        {RES_ARTICLES, {"-published_at"}, "a2 a1 a3"},
        {RES_ARTICLES, {"published_at"}, "a3 a1 a2"},
        {RES_ARTICLES, {"-n_figures"}, "a3 a2 a1"},
        {RES_ARTICLES, {"-id"}, "a3 a2 a1"},
        {RES_FIGURES, {"-value"}, "a3-f2 a2-f1 a3-f3 a1-f2 a1-f1 a3-f1 a2-f2 a3-f4 a2-f3"},
        {RES_FIGURES, {"value"}, "a2-f3 a3-f4 a2-f2 a3-f1 a1-f1 a1-f2 a3-f3 a2-f1 a3-f2"},
        /* Ties by id in the last field's direction: within an article too. */
        {RES_FIGURES, {"-article"}, "a3-f4 a3-f3 a3-f2 a3-f1 a2-f3 a2-f2 a2-f1 a1-f2 a1-f1"},
        {RES_FIGURES,
         {"article", "-value"},
         "a1-f2 a1-f1 a2-f1 a2-f2 a2-f3 a3-f2 a3-f3 a3-f1 a3-f4"},
        {RES_FIGURES,
         {"-article", "value"},
         "a3-f4 a3-f1 a3-f3 a3-f2 a2-f3 a2-f2 a2-f1 a1-f1 a1-f2"},
        {RES_FIGURES, {"-id"}, "a3-f4 a3-f3 a3-f2 a3-f1 a2-f3 a2-f2 a2-f1 a1-f2 a1-f1"},
        {RES_LOCATIONS,
         {"name_en"},
         "douma military_academy unknown_hill aleppo aleppo_gov damascus hamdaniya idlib "
         "idlib_gov saraqib syria"},
        {RES_LOCATIONS,
         {"-n_mentions", "-name_en"},
         "saraqib idlib_gov hamdaniya damascus aleppo unknown_hill military_academy douma syria "
         "idlib aleppo_gov"},
        {RES_SOURCES,
         {"-n_figures", "name"},
         "white_helmets syrian_army sohr jaish_alfath army_spokesman sana smart"},
        {RES_SOURCES,
         {"n_mentions", "-id"},
         "smart army_spokesman white_helmets syrian_army sohr sana jaish_alfath"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        static const int limits[] = {1, 2, 3, 500};
        for (size_t l = 0; l < 4; l++) {
            store_query q = query(cases[i].r);
            for (size_t k = 0; k < 4 && cases[i].sort[k]; k++)
                add_sort(&q, cases[i].sort[k]);
            q.limit = limits[l];
            char *ids = list_ids(s, q);
            cr_assert_str_eq(ids, cases[i].ids, "case %zu limit %d: %s", i, limits[l], ids);
            free(ids);
        }
    }
    store_close(s);
}

/* ---- cursors ----------------------------------------------------------------------- */

Test(store_filters, bad_cursors)
{
    store *s = fx_open();
    load_all(s);
    store_query q = query(RES_FIGURES);
    add_sort(&q, "-value");
    q.limit = 2;
    store_page p;
    cr_assert_eq(store_list(s, &q, &p), STORE_OK);
    cr_assert_not_null(p.next);
    char *good = strdup(p.next);
    store_page_free(&p);
    store_page_free(&p); /* twice is fine */
    store_page_free(NULL);

    q.cursor = good;
    cr_assert_eq(store_list(s, &q, &p), STORE_OK);
    fx_assert_str(json_array_get(p.data, 0), "id", "a3-f3");
    store_page_free(&p);

    static const char *const garbage[] = {
        "", "!!!!", "abc", "AAAAAAAAAAAAAAAAAAAA", "eyJ0ZXN0IjoxfQ", "a b c", "====="};
    for (size_t i = 0; i < sizeof garbage / sizeof garbage[0]; i++) {
        q.cursor = garbage[i];
        cr_assert_eq(store_list(s, &q, &p), STORE_BADCURSOR, "cursor '%s'", garbage[i]);
        cr_assert_null(p.data);
    }
    /* Any single changed character is caught. */
    size_t n = strlen(good);
    char *t = strdup(good);
    for (size_t i = 0; i < n; i++) {
        static const char swap[] = {'A', 'B', '-', '_', 'z'};
        for (size_t k = 0; k < sizeof swap; k++) {
            if (good[i] == swap[k])
                continue;
            memcpy(t, good, n + 1);
            t[i] = swap[k];
            q.cursor = t;
            cr_assert_eq(store_list(s, &q, &p), STORE_BADCURSOR, "tampered at %zu", i);
        }
    }
    /* Truncated or extended. */
    memcpy(t, good, n + 1);
    t[n - 1] = '\0';
    q.cursor = t;
    cr_assert_eq(store_list(s, &q, &p), STORE_BADCURSOR);
    free(t);
    /* From another sort order, direction, or resource. */
    store_query other = query(RES_FIGURES);
    add_sort(&other, "value");
    other.limit = 2;
    other.cursor = good;
    cr_assert_eq(store_list(s, &other, &p), STORE_BADCURSOR);
    cr_assert(strstr(store_errmsg(s), "another") != NULL, "%s", store_errmsg(s));
    other = query(RES_FIGURES);
    other.cursor = good;
    cr_assert_eq(store_list(s, &other, &p), STORE_BADCURSOR);
    other = query(RES_ARTICLES);
    add_sort(&other, "-n_figures");
    other.cursor = good;
    cr_assert_eq(store_list(s, &other, &p), STORE_BADCURSOR);
    /* A different filter keeps the position (the sort is what is checked). */
    add_text(&q, "type", "killed");
    q.cursor = good;
    cr_assert_eq(store_list(s, &q, &p), STORE_OK);
    store_page_free(&p);
    free(good);

    /* Bad queries are refused, not guessed at. */
    q = query(RES_FIGURES);
    q.limit = 0;
    cr_assert_eq(store_list(s, &q, &p), STORE_ERR);
    q.limit = STORE_MAX_LIMIT + 1;
    cr_assert_eq(store_list(s, &q, &p), STORE_ERR);
    q = query(RES_FIGURES);
    q.sort[0].field = 99;
    q.n_sort = 1;
    cr_assert_eq(store_list(s, &q, &p), STORE_ERR);
    store_close(s);
}

/* ---- totals ------------------------------------------------------------------------ */

/* A list's total and whether it is exact, against the items it pages
 * through (at most 500 on the fixture: one page). */
static void assert_total(store *s, store_query q, const char *what)
{
    store_page p = {0};
    q.limit = STORE_MAX_LIMIT;
    cr_assert_eq(store_list(s, &q, &p), STORE_OK, "%s", store_errmsg(s));
    cr_assert_null(p.next);
    cr_assert(p.total_exact, "%s", what);
    cr_assert_eq(p.total, (long long)json_array_size(p.data), "%s: total %lld, %zu items", what,
                 p.total, json_array_size(p.data));
    store_page_free(&p);
}

/* Filters whose totals come from kept counts (and one that is counted),
 * through stores, replaces and deletes. */
Test(store_filters, totals_match_the_items)
{
    static const struct {
        store_resource res;
        const char *filter, *value;
    } cases[] = {
        {RES_ARTICLES, "outlet", "smart"},      {RES_ARTICLES, "outlet", "sana"},
        {RES_ARTICLES, "outlet", "nobody"},     {RES_ARTICLES, "source", "sana"},
        {RES_ARTICLES, "source", "sohr"},       {RES_FIGURES, "type", "killed"},
        {RES_FIGURES, "type", "destroyed"},     {RES_FIGURES, "type", "captured"},
        {RES_FIGURES, "claimant", "sohr"},      {RES_FIGURES, "claimant", "syrian_army"},
        {RES_FIGURES, "location", "syria"},     {RES_FIGURES, "location", "aleppo_gov"},
        {RES_FIGURES, "location", "idlib_gov"}, {RES_FIGURES, "article", "a2"},
        {RES_FIGURES, "qualifier", "exact"},    {RES_ARTICLES, "type", "killed"},
    };
    store *s = fx_open();
    load_all(s);
    for (int round = 0; round < 3; round++) {
        if (round == 1) { /* a2 stored again: its counts move out and back */
            fx_doc x;
            doc_a2(&x);
            cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
        } else if (round == 2) {
            cr_assert_eq(store_delete_article(s, "a1"), STORE_OK, "%s", store_errmsg(s));
        }
        assert_total(s, query(RES_ARTICLES), "articles");
        assert_total(s, query(RES_FIGURES), "figures");
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            store_query q = query(cases[i].res);
            add_text(&q, cases[i].filter, cases[i].value);
            char what[128];
            snprintf(what, sizeof what, "round %d: %s=%s", round, cases[i].filter, cases[i].value);
            assert_total(s, q, what);
        }
    }
    store_close(s);
}

/* Past STORE_EXACT_TOTAL matches under filters without a kept count, the
 * total is an estimate from a sample, flagged; paging stays exact. Here
 * every figure matches, so the sample says all of them. */
Test(store_filters, totals_past_the_exact_limit_are_estimates)
{
    enum { N_DOCS = 21, PER_DOC = 500 };
    store *s = fx_open();
    load_all(s);
    store_page p = {0};
    store_query q = query(RES_FIGURES);
    add_text(&q, "type", "killed");
    cr_assert_eq(store_list(s, &q, &p), STORE_OK, "%s", store_errmsg(s));
    long long killed_before = p.total;
    store_page_free(&p);
    fx_doc base;
    doc_a1(&base);
    store_figure_rec *f = calloc(PER_DOC, sizeof *f);
    cr_assert_not_null(f);
    for (int i = 0; i < PER_DOC; i++) {
        f[i] = base.f[0];
        f[i].claimant_id = NULL;
        f[i].location_id = NULL;
        f[i].type = i % 2 ? "killed" : "injured";
    }
    char ids[N_DOCS][16];
    cr_assert_eq(store_batch_begin(s), STORE_OK);
    for (int k = 0; k < N_DOCS; k++) {
        snprintf(ids[k], sizeof ids[k], "big%02d", k);
        store_doc d = base.d;
        d.id = ids[k];
        d.figures = f;
        d.n_figures = PER_DOC;
        cr_assert_eq(store_put_document(s, &d), STORE_OK, "%s", store_errmsg(s));
    }
    cr_assert_eq(store_batch_end(s), STORE_OK, "%s", store_errmsg(s));
    free(f);
    q = query(RES_FIGURES);
    cr_assert_eq(store_list(s, &q, &p), STORE_OK, "%s", store_errmsg(s));
    long long all = p.total;
    cr_assert_gt(all, N_DOCS * PER_DOC);
    store_page_free(&p);

    q = query(RES_FIGURES);
    add_text(&q, "stance", "claimed");
    cr_assert_eq(store_list(s, &q, &p), STORE_OK, "%s", store_errmsg(s));
    cr_assert_not(p.total_exact);
    cr_assert_gt(p.total, STORE_EXACT_TOTAL);
    cr_assert_leq(p.total, all);
    cr_assert_not_null(p.next, "paging goes on");
    store_page_free(&p);

    /* Kept counts stay exact at any size; a narrower filter is counted. */
    q = query(RES_FIGURES);
    add_text(&q, "type", "killed");
    cr_assert_eq(store_list(s, &q, &p), STORE_OK, "%s", store_errmsg(s));
    cr_assert(p.total_exact);
    cr_assert_eq(p.total, killed_before + N_DOCS * (PER_DOC / 2));
    store_page_free(&p);
    q = query(RES_FIGURES);
    add_text(&q, "article", "big03");
    add_text(&q, "stance", "claimed");
    cr_assert_eq(store_list(s, &q, &p), STORE_OK, "%s", store_errmsg(s));
    cr_assert(p.total_exact);
    cr_assert_eq(p.total, PER_DOC);
    store_page_free(&p);
    store_close(s);
}
