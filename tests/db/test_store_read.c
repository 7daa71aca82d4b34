/* test_store_read.c — the store's catalogue, the gazetteer and source lists
 * and documents in and out (db/store_read.c, db/store_columns.c,
 * db/store_write.c): item shapes, text-order figure numbers, replace,
 * rollback, delete, content hashes and origins.
 */
#include "tests/db/store_docs.h"

TestSuite(store_read, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

/* ---- the catalogue ------------------------------------------------------------ */

static void assert_names(store_resource r, const char *expected)
{
    size_t n;
    char got[512] = "";
    size_t len = 0;
    const store_filter_def *defs = store_filters(r, &n);
    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? " " : "", defs[i].name);
        cr_assert_not_null(defs[i].doc);
        cr_assert(defs[i].type != FIELD_ENUM || defs[i].enum_values != NULL);
    }
    cr_assert_str_eq(got, expected);
}

static void assert_sorts(store_resource r, const char *expected)
{
    size_t n;
    char got[512] = "";
    size_t len = 0;
    const char *const *f = store_sort_fields(r, &n);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? " " : "", f[i]);
    cr_assert_str_eq(got, expected);
}

Test(store_read, catalogue)
{
    assert_names(RES_ARTICLES, "outlet source location type q copy_of date__gte date__lte "
                               "published_at__gte published_at__lte");
    assert_names(RES_SOURCES, "kind affiliation article parent");
    assert_names(RES_LOCATIONS, "article kind parent bbox near mentioned resolved q");
    assert_names(RES_FIGURES, "article type qualifier claimant location stance value__gte "
                              "value__lte subject_side subject_category date__gte date__lte "
                              "published_at__gte published_at__lte");
    assert_sorts(RES_ARTICLES, "id title published_at n_figures");
    assert_sorts(RES_SOURCES, "id name n_mentions n_figures");
    assert_sorts(RES_LOCATIONS, "id name name_en n_mentions");
    assert_sorts(RES_FIGURES, "id value article");
    size_t n;
    const store_filter_def *d = store_filters(RES_FIGURES, &n);
    cr_assert_eq(d[filter_index(RES_FIGURES, "value__gte")].type, FIELD_NUMBER);
    cr_assert_eq(d[filter_index(RES_FIGURES, "type")].type, FIELD_ENUM);
    const char *const *types = d[filter_index(RES_FIGURES, "type")].enum_values;
    size_t k = 0;
    while (types[k])
        k++;
    cr_assert_eq(k, 13);
    cr_assert_str_eq(types[12], "count");
    d = store_filters(RES_LOCATIONS, &n);
    cr_assert_eq(d[filter_index(RES_LOCATIONS, "bbox")].type, FIELD_BBOX);
    cr_assert_eq(d[filter_index(RES_LOCATIONS, "near")].type, FIELD_NEAR);
    d = store_filters(RES_ARTICLES, &n);
    cr_assert_eq(d[filter_index(RES_ARTICLES, "q")].type, FIELD_SEARCH);
}

/* ---- the gazetteer and sources -------------------------------------------------- */

Test(store_read, sync_upserts_and_bumps_generation_only_on_change)
{
    store *s = fx_open();
    cr_assert_eq(data_version(s), 0);
    load_gazetteer(s);
    int64_t v = data_version(s);
    cr_assert_eq(v, 2);
    load_gazetteer(s); /* the same records: nothing changes */
    cr_assert_eq(data_version(s), v);

    store_source_rec changed = SOURCES[4];
    changed.name_en = "Syrian Observatory for Human Rights";
    cr_assert_eq(store_sync_sources(s, &changed, 1), STORE_OK);
    cr_assert_eq(data_version(s), v + 1);
    json_t *o = get(s, RES_SOURCES, "sohr");
    fx_assert_str(o, "name_en", "Syrian Observatory for Human Rights");
    json_decref(o);

    /* A parent named before it exists in the same batch is fine (deferred). */
    store_location_rec two[] = {
        {"child", "طفل", NULL, "village", "later", 36.0, 37.0, false},
        {"later", "لاحق", NULL, "district", NULL, 36.1, 37.1, false},
    };
    cr_assert_eq(store_sync_locations(s, two, 2), STORE_OK, "%s", store_errmsg(s));
    /* An unknown parent fails the whole batch. */
    store_location_rec bad[] = {
        {"ok_one", "قرية", NULL, "village", NULL, 36.0, 37.0, false},
        {"orphan", "يتيم", NULL, "village", "nowhere", 36.0, 37.0, false},
    };
    v = data_version(s);
    cr_assert_eq(store_sync_locations(s, bad, 2), STORE_ERR);
    cr_assert(strstr(store_errmsg(s), "FOREIGN KEY") != NULL, "%s", store_errmsg(s));
    json_t *none = NULL;
    cr_assert_eq(store_get(s, RES_LOCATIONS, "ok_one", &none), STORE_NOTFOUND);
    cr_assert_null(none);
    cr_assert_eq(data_version(s), v);
    /* A kind outside the catalogue is refused (CHECK). */
    store_location_rec odd = {"odd", "غريب", NULL, "planet", NULL, 0, 0, false};
    cr_assert_eq(store_sync_locations(s, &odd, 1), STORE_ERR);
    cr_assert(strstr(store_errmsg(s), "odd") != NULL, "%s", store_errmsg(s));
    store_location_rec noname = {"x", NULL, NULL, "town", NULL, 0, 0, false};
    cr_assert_eq(store_sync_locations(s, &noname, 1), STORE_ERR);
    store_close(s);
}

Test(store_read, location_and_source_shapes)
{
    store *s = fx_open();
    load_all(s);
    json_t *o = get(s, RES_LOCATIONS, "hamdaniya");
    fx_assert_keys(o, "id,name,name_en,kind,lat,lon,approximate,resolved,parent,counts");
    cr_assert(json_is_true(json_object_get(o, "resolved")), "a gazetteer place is resolved");
    fx_assert_str(o, "id", "hamdaniya");
    fx_assert_str(o, "name", "حي الحمدانية");
    fx_assert_str(o, "name_en", "Hamdaniya");
    fx_assert_str(o, "kind", "neighbourhood");
    cr_assert_float_eq(json_real_value(json_object_get(o, "lat")), 36.18, 1e-9);
    cr_assert_float_eq(json_real_value(json_object_get(o, "lon")), 37.12, 1e-9);
    cr_assert(json_is_false(json_object_get(o, "approximate")));
    json_t *parent = json_object_get(o, "parent");
    fx_assert_keys(parent, "id,name");
    fx_assert_str(parent, "id", "aleppo");
    fx_assert_str(parent, "name", "حلب");
    fx_assert_keys(json_object_get(o, "counts"), "mentions");
    fx_assert_int(json_object_get(o, "counts"), "mentions", 1);
    json_decref(o);

    o = get(s, RES_LOCATIONS, "unknown_hill");
    fx_assert_null(o, "lat");
    fx_assert_null(o, "lon");
    fx_assert_null(o, "name_en");
    fx_assert_null(o, "parent");
    cr_assert(json_is_true(json_object_get(o, "approximate")));
    json_decref(o);

    o = get(s, RES_SOURCES, "syrian_army");
    fx_assert_keys(o, "id,name,name_en,kind,affiliation,bloc,parent,counts");
    fx_assert_str(o, "name", "الجيش السوري");
    fx_assert_str(o, "kind", "military");
    fx_assert_str(o, "affiliation", "government");
    fx_assert_null(o, "parent");
    json_t *c = json_object_get(o, "counts");
    fx_assert_keys(c, "mentions,figures,articles");
    fx_assert_int(c, "mentions", 1);
    fx_assert_int(c, "figures", 2);
    fx_assert_int(c, "articles", 1);
    json_decref(o);

    o = get(s, RES_SOURCES, "army_spokesman");
    fx_assert_str(json_object_get(o, "parent"), "id", "syrian_army");
    fx_assert_str(json_object_get(o, "parent"), "name", "الجيش السوري");
    fx_assert_int(json_object_get(o, "counts"), "mentions", 0);
    json_decref(o);

    json_t *none = NULL;
    cr_assert_eq(store_get(s, RES_SOURCES, "nobody", &none), STORE_NOTFOUND);
    cr_assert_eq(store_get(s, RES_LOCATIONS, "nowhere", &none), STORE_NOTFOUND);
    cr_assert_eq(store_get(s, RES_FIGURES, "a1-f9", &none), STORE_NOTFOUND);
    cr_assert_eq(store_get(s, RES_ARTICLES, "zz", &none), STORE_NOTFOUND);
    cr_assert(strstr(store_errmsg(s), "zz") != NULL);
    cr_assert_null(none);
    store_close(s);
}

/* ---- documents ------------------------------------------------------------------- */

Test(store_read, article_shape)
{
    store *s = fx_open();
    load_all(s);
    json_t *o = get(s, RES_ARTICLES, "a1");
    fx_assert_keys(o, "id,title,excerpt,outlet,url,published_at,language,format,copy_of,n_chars,"
                      "counts,body,figures,"
                      "locations,sources");
    fx_assert_str(o, "id", "a1");
    fx_assert_str(o, "title", "مقتل مدنيين في حلب");
    json_t *outlet = json_object_get(o, "outlet");
    fx_assert_keys(outlet, "id,name");
    fx_assert_str(outlet, "id", "smart");
    fx_assert_str(outlet, "name", "سمارت");
    fx_assert_str(o, "url", "https://example.org/a1");
    fx_assert_str(o, "published_at", "2016-08-01");
    fx_assert_str(o, "language", "ar");
    fx_assert_int(o, "n_chars", fx_cps(A1_BODY, strlen(A1_BODY)));
    cr_assert_lt(json_integer_value(json_object_get(o, "n_chars")), (json_int_t)strlen(A1_BODY));
    json_t *counts = json_object_get(o, "counts");
    fx_assert_keys(counts, "figures,locations,sources");
    fx_assert_int(counts, "figures", 2);
    fx_assert_int(counts, "locations", 2);
    fx_assert_int(counts, "sources", 1);
    fx_assert_str(o, "body", A1_BODY);

    json_t *figs = json_object_get(o, "figures");
    cr_assert_eq(json_array_size(figs), 2);
    json_t *f = json_array_get(figs, 0);
    fx_assert_keys(f,
                   "id,article_id,value,value_max,qualifier,type,object,subject,claimant,"
                   "stance,location,span,quote,quote_span,quote_cut,part_of,supersedes,date,cause");
    fx_assert_str(f, "id", "a1-f1");
    fx_assert_str(f, "article_id", "a1");
    fx_assert_int(f, "value", 12); /* integral: a JSON integer */
    fx_assert_null(f, "value_max");
    fx_assert_str(f, "qualifier", "exact");
    fx_assert_str(f, "type", "killed");
    fx_assert_str(f, "object", "مدني");
    json_t *subj = json_object_get(f, "subject");
    fx_assert_keys(subj, "category,side,bloc,party");
    fx_assert_str(subj, "category", "civilians");
    fx_assert_null(subj, "side");
    fx_assert_null(subj, "bloc");
    fx_assert_null(subj, "party");
    json_t *cl = json_object_get(f, "claimant");
    fx_assert_keys(cl, "id,name,kind,affiliation,bloc");
    fx_assert_str(cl, "id", "sohr");
    fx_assert_str(cl, "name", "المرصد السوري لحقوق الإنسان");
    fx_assert_str(cl, "kind", "ngo");
    fx_assert_str(cl, "affiliation", "independent");
    fx_assert_str(f, "stance", "claimed");
    json_t *loc = json_object_get(f, "location");
    fx_assert_keys(loc, "id,name,lat,lon");
    fx_assert_str(loc, "id", "hamdaniya");
    fx_assert_str(loc, "name", "حي الحمدانية");
    cr_assert_float_eq(json_real_value(json_object_get(loc, "lat")), 36.18, 1e-9);
    json_t *span = json_object_get(f, "span");
    fx_assert_keys(span, "start,end,text");
    fx_assert_int(span, "start", 0);
    fx_assert_int(span, "end", fx_cps("قتل 12 مدنيا", strlen("قتل 12 مدنيا")));
    fx_assert_str(span, "text", "قتل 12 مدنيا");
    fx_assert_str(f, "quote", A1_BODY);
    json_t *qs = json_object_get(f, "quote_span");
    fx_assert_keys(qs, "start,end");
    fx_assert_int(qs, "start", 0);
    fx_assert_int(qs, "end", fx_cps(A1_BODY, strlen(A1_BODY)));
    fx_assert_str(json_array_get(figs, 1), "id", "a1-f2");
    fx_assert_str(json_array_get(figs, 1), "qualifier", "more_than");

    /* Places in order of first mention, each with its mentions. */
    json_t *locs = json_object_get(o, "locations");
    cr_assert_eq(json_array_size(locs), 2);
    json_t *l0 = json_array_get(locs, 0);
    fx_assert_keys(l0, "id,name,name_en,kind,lat,lon,approximate,resolved,parent,counts,mentions");
    fx_assert_str(l0, "id", "hamdaniya");
    json_t *m = json_array_get(json_object_get(l0, "mentions"), 0);
    fx_assert_keys(m, "start,end,text");
    fx_assert_int(m, "start", fx_at(A1_BODY, "حي الحمدانية"));
    fx_assert_str(m, "text", "حي الحمدانية");
    fx_assert_str(json_array_get(locs, 1), "id", "aleppo");

    json_t *srcs = json_object_get(o, "sources");
    cr_assert_eq(json_array_size(srcs), 1);
    json_t *s0 = json_array_get(srcs, 0);
    fx_assert_keys(s0, "id,name,name_en,kind,affiliation,bloc,parent,counts,mentions");
    fx_assert_str(s0, "id", "sohr");
    m = json_array_get(json_object_get(s0, "mentions"), 0);
    fx_assert_keys(m, "start,end,text,role");
    fx_assert_str(m, "role", "speaker");
    fx_assert_str(m, "text", "المرصد السوري لحقوق الإنسان");
    json_decref(o);

    /* a3: nulls, a range, a real value, a place without coordinates. */
    o = get(s, RES_ARTICLES, "a3");
    fx_assert_null(o, "title");
    fx_assert_null(o, "outlet");
    fx_assert_null(o, "url");
    fx_assert_null(o, "published_at");
    figs = json_object_get(o, "figures");
    cr_assert_eq(json_array_size(figs), 4);
    f = json_array_get(figs, 2);
    fx_assert_str(f, "type", "airstrikes");
    fx_assert_int(f, "value", 30);
    fx_assert_int(f, "value_max", 40);
    f = json_array_get(figs, 3);
    cr_assert(json_is_real(json_object_get(f, "value")));
    cr_assert_float_eq(json_real_value(json_object_get(f, "value")), 2.5, 1e-12);
    fx_assert_null(f, "claimant");
    loc = json_object_get(f, "location");
    fx_assert_str(loc, "id", "unknown_hill");
    fx_assert_null(loc, "lat");
    json_decref(o);

    /* The figure by id has the same shape as inside the article. */
    o = get(s, RES_FIGURES, "a2-f3");
    fx_assert_keys(o,
                   "id,article_id,value,value_max,qualifier,type,object,subject,claimant,"
                   "stance,location,span,quote,quote_span,quote_cut,part_of,supersedes,date,cause");
    fx_assert_null(o, "value");
    fx_assert_str(o, "stance", "denied");
    fx_assert_str(o, "qualifier", "some");
    fx_assert_null(o, "location");
    fx_assert_str(json_object_get(o, "subject"), "side", "opposition");
    json_decref(o);
    store_close(s);
}

static void append(char *buf, size_t size, const char *sep, const char *s)
{
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s", sep, s ? s : "(null)");
}

/* An article's places and parties come in order of their first mention,
 * each with its mentions in text order, however the rows are stored or
 * indexed (by id: aleppo < idlib < saraqib, sana < white_helmets). */
Test(store_read, items_in_order_of_first_mention)
{
    static const char body[] = "قال الدفاع المدني إن القصف طال سراقب ثم إدلب، وعاد إلى بلدة سراقب "
                               "قبل أن يمتد إلى حلب ومدينة إدلب، بحسب سانا. وأضاف الدفاع "
                               "المدني السوري أن فرقه تعمل.";
    store *s = fx_open();
    load_all(s);
    fx_doc x;
    doc_a1(&x);
    x.d.id = "a4";
    x.d.body = body;
    x.d.content_hash = "hash-a4";
    x.d.n_figures = 0;
    /* given out of text order on purpose */
    x.lm[0] = fx_mention(body, "idlib", "مدينة إدلب", NULL);
    x.lm[1] = fx_mention(body, "aleppo", "حلب", NULL);
    x.lm[2] = fx_mention(body, "saraqib", "بلدة سراقب", NULL);
    x.lm[3] = fx_mention(body, "idlib", "إدلب", NULL);
    x.lm[4] = fx_mention(body, "saraqib", "سراقب", NULL);
    x.d.n_location_mentions = 5;
    x.sm[0] = fx_mention(body, "sana", "سانا", "mentioned");
    x.sm[1] = fx_mention(body, "white_helmets", "الدفاع المدني السوري", "speaker");
    x.sm[2] = fx_mention(body, "white_helmets", "الدفاع المدني", "speaker");
    x.d.n_source_mentions = 3;
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));

    json_t *o = get(s, RES_ARTICLES, "a4");
    static const struct {
        const char *key, *ids, *texts;
    } want[] = {
        {"locations", "saraqib idlib aleppo", "سراقب|بلدة سراقب/إدلب|مدينة إدلب/حلب"},
        {"sources", "white_helmets sana", "الدفاع المدني|الدفاع المدني السوري/سانا"},
    };
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        char ids[200] = "", texts[400] = "";
        json_t *items = json_object_get(o, want[w].key), *item, *m;
        size_t i, j;
        json_array_foreach(items, i, item)
        {
            append(ids, sizeof ids, i ? " " : "", json_string_value(json_object_get(item, "id")));
            json_array_foreach(json_object_get(item, "mentions"), j, m)
                append(texts, sizeof texts,
                       j   ? "|"
                       : i ? "/"
                           : "",
                       json_string_value(json_object_get(m, "text")));
        }
        cr_assert_str_eq(ids, want[w].ids, "%s", want[w].key);
        cr_assert_str_eq(texts, want[w].texts, "%s", want[w].key);
    }
    json_decref(o);
    store_close(s);
}

/* An article's places and parties, with every mention, are read from the
 * mentions' by-article indexes alone, grouped and in order without a sort
 * and without a look-up in the table per mention: the reads of
 * db/store_read.c. */
Test(store_read, mentions_are_read_from_their_indexes_alone)
{
    store_close(fx_open());
    static const char *const reads[] = {
        "SELECT m.location_id, m.start, m.\"end\", m.text FROM location_mentions m"
        " WHERE m.article_id = 'a1' ORDER BY m.location_id, m.start, m.\"end\", m.text",
        "SELECT m.source_id, m.start, m.\"end\", m.text, m.role FROM source_mentions m"
        " WHERE m.article_id = 'a1' ORDER BY m.source_id, m.start, m.\"end\", m.role, m.text",
    };
    for (size_t i = 0; i < sizeof reads / sizeof reads[0]; i++) {
        char *plan = fx_plan(reads[i]);
        cr_expect(strstr(plan, "COVERING INDEX") && !strstr(plan, "TEMP B-TREE"), "%s", plan);
        free(plan);
    }
}

/* The two walks over the figure columns give the same bytes: the one
 * that writes a stored figure (the API) and the one that builds a figure
 * not stored (`marsad extract`). */
Test(store_read, a_figure_is_the_same_stored_or_not)
{
    store *s = fx_open();
    load_all(s);
    fx_doc x;
    doc_a1(&x);
    char *stored;
    size_t len;
    cr_assert_eq(store_get_json(s, RES_FIGURES, "a1-f1", &stored, &len), STORE_OK, "%s",
                 store_errmsg(s));
    cr_assert_eq(strlen(stored), len);
    const store_figure_item item = {
        .id = "a1-f1",
        .article_id = "a1",
        .f = &x.f[0],
        .claimant_name = "المرصد السوري لحقوق الإنسان",
        .claimant_kind = "ngo",
        .claimant_affiliation = "independent",
        .location_name = "حي الحمدانية",
        .location_lat = 36.18,
        .location_lon = 37.12,
    };
    json_t *built = store_figure_item_json(&item);
    cr_assert_not_null(built);
    char *dumped = json_dumps(built, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(built);
    cr_assert_str_eq(stored, dumped);
    free(dumped);
    free(stored);
    store_close(s);
}

Test(store_read, figures_numbered_in_text_order)
{
    store *s = fx_open();
    load_all(s);
    /* doc_a2 lists "سقوط قتلى" first, but it comes last in the text. */
    json_t *o = get(s, RES_FIGURES, "a2-f1");
    fx_assert_int(o, "value", 150);
    json_decref(o);
    o = get(s, RES_FIGURES, "a2-f2");
    fx_assert_str(o, "type", "destroyed");
    json_decref(o);
    o = get(s, RES_FIGURES, "a2-f3");
    fx_assert_str(json_object_get(o, "span"), "text", "سقوط قتلى");
    json_decref(o);
    store_close(s);
}

Test(store_read, replace_document)
{
    store *s = fx_open();
    load_all(s);
    int64_t v = data_version(s);
    fx_doc x;
    doc_a2(&x);
    /* The new version: only the destroyed tanks, claimed by the spokesman
     * (a source the document introduces), no Jaish al-Fath. */
    store_source_rec intro[] = {
        {"new_agency", "وكالة جديدة", NULL, "agency", "unknown", NULL, NULL},
    };
    x.d.sources = intro;
    x.d.n_sources = 1;
    x.f[0] = x.f[2];
    x.f[0].claimant_id = "new_agency";
    x.d.n_figures = 1;
    x.sm[2] = fx_mention(A2_BODY, "new_agency", "الجيش السوري", "speaker");
    x.d.n_location_mentions = 2;
    x.d.title = "عنوان جديد";
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(data_version(s), v + 1);

    json_t *o = get(s, RES_ARTICLES, "a2");
    fx_assert_str(o, "title", "عنوان جديد");
    fx_assert_int(json_object_get(o, "counts"), "figures", 1);
    fx_assert_int(json_object_get(o, "counts"), "locations", 2);
    fx_assert_int(json_object_get(o, "counts"), "sources", 3);
    json_decref(o);
    json_t *none = NULL;
    cr_assert_eq(store_get(s, RES_FIGURES, "a2-f2", &none), STORE_NOTFOUND);
    cr_assert_eq(store_get(s, RES_FIGURES, "a2-f3", &none), STORE_NOTFOUND);
    o = get(s, RES_FIGURES, "a2-f1");
    fx_assert_str(o, "type", "destroyed");
    json_decref(o);

    o = get(s, RES_SOURCES, "jaish_alfath"); /* no longer mentioned or claiming */
    fx_assert_int(json_object_get(o, "counts"), "mentions", 0);
    fx_assert_int(json_object_get(o, "counts"), "figures", 0);
    fx_assert_int(json_object_get(o, "counts"), "articles", 0);
    json_decref(o);
    o = get(s, RES_SOURCES, "syrian_army");
    fx_assert_int(json_object_get(o, "counts"), "mentions", 1);
    fx_assert_int(json_object_get(o, "counts"), "figures", 0);
    json_decref(o);
    o = get(s, RES_SOURCES, "new_agency");
    fx_assert_int(json_object_get(o, "counts"), "mentions", 1);
    fx_assert_int(json_object_get(o, "counts"), "figures", 1);
    fx_assert_int(json_object_get(o, "counts"), "articles", 1);
    json_decref(o);
    o = get(s, RES_LOCATIONS, "saraqib");
    fx_assert_int(json_object_get(o, "counts"), "mentions", 0);
    json_decref(o);

    /* The old text is gone from the index, the new title is in it. */
    store_query q = query(RES_ARTICLES);
    add_text(&q, "q", "سراقب");
    assert_ids(s, q, "a2");  /* still in the body */
    q = query(RES_ARTICLES); /* a phrase of the old title only (its words stem like body words) */
    add_text(&q, "q", "\"يعلن مقتل\"");
    assert_ids(s, q, "");
    q = query(RES_ARTICLES);
    add_text(&q, "q", "جديد");
    assert_ids(s, q, "a2");
    store_close(s);
    assert_fts_intact();
    assert_row_counts();
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE article_id = 'a2'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM source_mentions WHERE article_id = 'a2'"), 3);
}

/* A document that names an unknown id stores nothing, and an older version
 * of it stays as it was. */
Test(store_read, failed_document_rolls_back)
{
    store *s = fx_open();
    load_all(s);
    int64_t v = data_version(s);
    long long figures = sql_int("SELECT count(*) FROM figures");

    fx_doc x;
    doc_a2(&x); /* replacing a2 with a figure claimed by an unknown source */
    x.d.title = "يجب ألا يحفظ";
    x.f[1].claimant_id = "ghost";
    cr_assert_eq(store_put_document(s, &x.d), STORE_ERR);
    cr_assert(strstr(store_errmsg(s), "FOREIGN KEY") != NULL, "%s", store_errmsg(s));
    cr_assert(strstr(store_errmsg(s), "ghost") != NULL, "%s", store_errmsg(s));

    doc_a1(&x); /* a new article with an unknown place */
    x.d.id = "a9";
    x.lm[1].ref_id = "atlantis";
    cr_assert_eq(store_put_document(s, &x.d), STORE_ERR);

    doc_a1(&x); /* an unknown outlet */
    x.d.id = "a10";
    x.d.outlet_id = "nobody";
    cr_assert_eq(store_put_document(s, &x.d), STORE_ERR);

    doc_a1(&x); /* a source introduced with an unknown parent (deferred key) */
    x.d.id = "a11";
    store_source_rec intro = {"orphan", "يتيم", NULL, "person", "unknown", "no_parent", NULL};
    x.d.sources = &intro;
    x.d.n_sources = 1;
    cr_assert_eq(store_put_document(s, &x.d), STORE_ERR);
    json_t *none = NULL;
    cr_assert_eq(store_get(s, RES_SOURCES, "orphan", &none), STORE_NOTFOUND);

    doc_a1(&x); /* a bad qualifier (CHECK) */
    x.d.id = "a12";
    x.f[1].qualifier = "lots";
    cr_assert_eq(store_put_document(s, &x.d), STORE_ERR);

    doc_a1(&x); /* a span that ends before it starts */
    x.d.id = "a13";
    x.lm[0].end = 0;
    x.lm[0].start = 5;
    cr_assert_eq(store_put_document(s, &x.d), STORE_ERR);

    cr_assert_eq(data_version(s), v);
    cr_assert_eq(store_get(s, RES_ARTICLES, "a9", &none), STORE_NOTFOUND);
    cr_assert_eq(store_get(s, RES_ARTICLES, "a10", &none), STORE_NOTFOUND);
    json_t *o = get(s, RES_ARTICLES, "a2");
    fx_assert_str(o, "title", "الجيش يعلن مقتل مسلحين في إدلب");
    fx_assert_int(json_object_get(o, "counts"), "figures", 3);
    cr_assert_eq(json_array_size(json_object_get(o, "figures")), 3);
    json_decref(o);
    o = get(s, RES_SOURCES, "syrian_army");
    fx_assert_int(json_object_get(o, "counts"), "figures", 2);
    json_decref(o);
    store_query q = query(RES_ARTICLES);
    add_text(&q, "q", "مسلحين");
    assert_ids(s, q, "a2");
    /* The handle still works after the failures. */
    doc_a1(&x);
    x.d.id = "a14";
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    store_close(s);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures"), figures + 2);
    cr_assert_eq(sql_int("SELECT count(*) FROM articles"), 4);
    assert_fts_intact();
    assert_row_counts();
}

Test(store_read, delete_article)
{
    store *s = fx_open();
    load_all(s);
    int64_t v = data_version(s);
    cr_assert_eq(store_delete_article(s, "a2"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(data_version(s), v + 1);
    json_t *none = NULL;
    cr_assert_eq(store_get(s, RES_ARTICLES, "a2", &none), STORE_NOTFOUND);
    cr_assert_eq(store_get(s, RES_FIGURES, "a2-f1", &none), STORE_NOTFOUND);
    cr_assert_eq(store_delete_article(s, "a2"), STORE_NOTFOUND);
    cr_assert_eq(data_version(s), v + 1);
    json_t *o = get(s, RES_SOURCES, "syrian_army");
    fx_assert_int(json_object_get(o, "counts"), "mentions", 0);
    fx_assert_int(json_object_get(o, "counts"), "figures", 0);
    fx_assert_int(json_object_get(o, "counts"), "articles", 0);
    json_decref(o);
    o = get(s, RES_LOCATIONS, "idlib_gov");
    fx_assert_int(json_object_get(o, "counts"), "mentions", 0);
    json_decref(o);
    store_query q = query(RES_ARTICLES);
    add_text(&q, "q", "سراقب");
    assert_ids(s, q, "");
    assert_ids(s, query(RES_ARTICLES), "a1 a3");
    store_close(s);
    cr_assert_eq(sql_int("SELECT count(*) FROM source_mentions WHERE article_id = 'a2'"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM location_mentions WHERE article_id = 'a2'"), 0);
    assert_fts_intact();
    assert_row_counts();
}

static bool collect_origin(void *ctx, const char *id, const char *origin)
{
    char *buf = ctx;
    size_t n = strlen(buf);
    snprintf(buf + n, 256 - n, "%s=%s;", id, origin);
    return true;
}

static bool stop_at_first(void *ctx, const char *id, const char *origin)
{
    (void)origin;
    (*(int *)ctx)++;
    return strcmp(id, "a1") != 0;
}

static bool delete_each(void *ctx, const char *id, const char *origin)
{
    (void)origin;
    cr_assert_eq(store_delete_article(ctx, id), STORE_OK, "%s", store_errmsg(ctx));
    return true;
}

Test(store_read, hash_and_origins)
{
    store *s = fx_open();
    load_all(s);
    char h[32];
    cr_assert_eq(store_article_hash(s, "a2", h, sizeof h), STORE_OK);
    cr_assert_str_eq(h, "hash-a2");
    cr_assert_eq(store_article_hash(s, "nope", h, sizeof h), STORE_NOTFOUND);
    char tiny[4];
    cr_assert_eq(store_article_hash(s, "a2", tiny, sizeof tiny), STORE_ERR);

    char buf[256] = "";
    cr_assert_eq(store_each_origin(s, collect_origin, buf), STORE_OK);
    cr_assert_str_eq(buf, "a1=data/seeds/a1.txt;a2=data/seeds/a2.txt;"); /* a3 has none */
    int calls = 0;
    cr_assert_eq(store_each_origin(s, stop_at_first, &calls), STORE_OK);
    cr_assert_eq(calls, 1);
    /* The callback may write through the same handle. */
    cr_assert_eq(store_each_origin(s, delete_each, s), STORE_OK);
    assert_ids(s, query(RES_ARTICLES), "a3");
    store_close(s);
}
