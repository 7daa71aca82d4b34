/* test_store_search.c — store_search (db/store_search.c): hits of each
 * kind with their shapes, scores and snippets, the kind filter, limits,
 * counts, queries FTS5 refuses; and the figures' and sources' full-text
 * indexes kept in step by every write (replace, delete, renamed sources),
 * checked with FTS5's integrity-check. Every test works in its own mkdtemp
 * folder.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>

#include "db/fts_arabic.h"
#include "tests/db/store_fixture.h"

static const store_source_rec SOURCES[] = {
    {"sana", "سانا", "SANA", "outlet", "government", NULL, NULL},
    {"syrian_army", "الجيش السوري", "Syrian Army", "military", "government", NULL, NULL},
    {"jaish_alfath", "جيش الفتح", "Army of Conquest", "armed_group", "opposition", NULL, NULL},
    {"white_helmets", "الدفاع المدني", "White Helmets", "civil_defence", "opposition", NULL, NULL},
};
#define N_SOURCES (sizeof SOURCES / sizeof SOURCES[0])

static const char B1[] = "أعلن الجيش السوري مقتل 150 مسلحاً في ريف حلب وتدمير 3 دبابات.";
static const char B2[] = "قال الدفاع المدني إن 12 مدنياً قُتلوا بقصف على حلب، ونزحت 40 عائلة.";
static const char B3[] = "قالت مصادر إن جيش الفتح سيطر على كلية المدفعية في الراموسة.";

typedef struct fx_doc {
    store_doc d;
    store_figure_rec f[4];
} fx_doc;

static void doc(fx_doc *x, const char *id, const char *title, const char *body)
{
    memset(x, 0, sizeof *x);
    x->d = (store_doc){.id = id, .title = title, .body = body, .language = "ar", .figures = x->f};
}

static void load(store *s)
{
    cr_assert_eq(store_sync_sources(s, SOURCES, N_SOURCES), STORE_OK, "%s", store_errmsg(s));
    fx_doc x;
    doc(&x, "d1", "الجيش يعلن مقتل مسلحين", B1);
    x.d.outlet_id = "sana";
    x.f[0] = fx_figure(B1, "مقتل 150 مسلحاً", "killed", "exact", true, 150);
    x.f[0].claimant_id = "syrian_army";
    x.f[1] = fx_figure(B1, "تدمير 3 دبابات", "destroyed", "exact", true, 3);
    x.f[1].claimant_id = "syrian_army";
    x.d.n_figures = 2;
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    doc(&x, "d2", NULL, B2);
    x.f[0] = fx_figure(B2, "12 مدنياً", "killed", "exact", true, 12);
    x.f[0].claimant_id = "white_helmets";
    x.f[0].quote = "قال الدفاع المدني إن 12 مدنياً قُتلوا بقصف على حلب";
    x.f[1] = fx_figure(B2, "40 عائلة", "displaced", "exact", true, 40);
    x.f[1].quote = "ونزحت 40 عائلة.";
    x.d.n_figures = 2;
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    doc(&x, "d3", "معارك الراموسة", B3);
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
}

/* FTS5's own check of each external-content index against its table. */
static void assert_fts_intact(void)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(fx_path, &db), SQLITE_OK);
    cr_assert_eq(fts_arabic_register(db), SQLITE_OK);
    char *err = NULL;
    int rc = sqlite3_exec(db,
                          "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
                          "INSERT INTO figures_fts (figures_fts) VALUES ('integrity-check');"
                          "INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')",
                          NULL, NULL, &err);
    cr_assert_eq(rc, SQLITE_OK, "%s", err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

/* store_search that must succeed (a new reference). */
static json_t *search(store *s, const char *q, unsigned kinds, int limit)
{
    store_search_query sq = {.q = q, .kinds = kinds, .limit = limit};
    json_t *out = NULL;
    store_status st = store_search(s, &sq, &out);
    cr_assert_eq(st, STORE_OK, "q=%s: %d %s", q, st, store_errmsg(s));
    cr_assert(json_is_array(json_object_get(out, "data")));
    return out;
}

/* "kind:id kind:id ..." of the hits, in order. */
static char *hit_list(json_t *out)
{
    static char buf[1024];
    size_t o = 0, i;
    json_t *h;
    buf[0] = '\0';
    json_array_foreach(json_object_get(out, "data"), i, h)
    {
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s:%s", o ? " " : "",
                              json_string_value(json_object_get(h, "kind")),
                              json_string_value(json_object_get(h, "id")));
    }
    return buf;
}

/* The hits of q of one kind, sorted by id, "id id". */
static char *ids_of(store *s, const char *q, unsigned kind)
{
    json_t *out = search(s, q, kind, STORE_MAX_SEARCH);
    json_t *data = json_object_get(out, "data");
    size_t n = json_array_size(data);
    const char *ids[STORE_MAX_SEARCH];
    for (size_t i = 0; i < n; i++)
        ids[i] = json_string_value(json_object_get(json_array_get(data, i), "id"));
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            const char *t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    static char buf[1024];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", o ? " " : "", ids[i]);
    json_decref(out);
    return buf;
}

TestSuite(search, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

Test(search, every_kind_with_its_shape)
{
    store *s = fx_open();
    load(s);
    json_t *out = search(s, "الجيش", 0, 20);
    fx_assert_keys(out, "data,total,total_exact,counts,estimated");
    cr_assert(json_is_true(json_object_get(out, "total_exact")));
    cr_assert_eq(json_array_size(json_object_get(out, "estimated")), 0);
    json_t *counts = json_object_get(out, "counts");
    fx_assert_keys(counts, "article,figure,source,location");
    fx_assert_int(counts, "location", 0);
    fx_assert_int(counts, "article", 2); /* d1 (title and body), d3 (جيش الفتح) */
    fx_assert_int(counts, "figure", 2);  /* d1's two figures quote its whole body */
    fx_assert_int(counts, "source", 2);  /* الجيش السوري, جيش الفتح */
    fx_assert_int(out, "total", 6);
    json_t *data = json_object_get(out, "data");
    cr_assert_eq(json_array_size(data), 6);
    double prev = 1e300;
    size_t i;
    json_t *h;
    json_array_foreach(data, i, h)
    {
        const char *kind = json_string_value(json_object_get(h, "kind"));
        cr_assert_not_null(kind);
        if (!strcmp(kind, "article"))
            fx_assert_keys(h, "kind,id,title,outlet_id,outlet_name,published_at,score,snippet");
        else if (!strcmp(kind, "figure"))
            fx_assert_keys(h, "kind,id,article_id,type,value,value_max,qualifier,claimant_id,"
                              "claimant_name,span_text,score,snippet");
        else
            fx_assert_keys(h, "kind,id,name,name_en,source_kind,affiliation,score,snippet");
        double sc = json_real_value(json_object_get(h, "score"));
        cr_assert(json_is_real(json_object_get(h, "score")));
        cr_assert_gt(sc, 0);
        cr_assert_leq(sc, prev, "hits are ordered by score");
        prev = sc;
        const char *snip = json_string_value(json_object_get(h, "snippet"));
        cr_assert(snip && strstr(snip, "<mark>") && strstr(snip, "</mark>"), "%s", snip);
    }
    json_decref(out);
    store_close(s);
}

/* Past STORE_EXACT_TOTAL matches a kind's count is an estimate, flagged, and
 * its hits are the best of its most recent matches: a search that matches
 * millions costs what one that matches ten thousand does. */
Test(search, a_kind_past_the_exact_limit_is_estimated_from_its_latest_matches)
{
    enum { N_DOCS = 21, PER_DOC = 500 };
    store *s = fx_open();
    load(s);
    static const char body[] = "قصفت الطائرات بلدة الهبيط فقتل 5 مدنيين.";
    store_figure_rec *f = calloc(PER_DOC, sizeof *f);
    cr_assert_not_null(f);
    for (int i = 0; i < PER_DOC; i++)
        f[i] = fx_figure(body, "5 مدنيين", "killed", "exact", true, 5);
    char ids[N_DOCS][16];
    cr_assert_eq(store_batch_begin(s), STORE_OK);
    for (int k = 0; k < N_DOCS; k++) {
        fx_doc x;
        snprintf(ids[k], sizeof ids[k], "big%02d", k);
        doc(&x, ids[k], NULL, body);
        x.d.figures = f;
        x.d.n_figures = PER_DOC;
        cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    }
    cr_assert_eq(store_batch_end(s), STORE_OK, "%s", store_errmsg(s));
    free(f);

    json_t *out = search(s, "الهب*", 0, 20);
    cr_assert(json_is_false(json_object_get(out, "total_exact")));
    json_t *estimated = json_object_get(out, "estimated");
    cr_assert_eq(json_array_size(estimated), 1);
    cr_assert_str_eq(json_string_value(json_array_get(estimated, 0)), "figure");
    json_t *counts = json_object_get(out, "counts");
    fx_assert_int(counts, "article", N_DOCS); /* exact: below the limit */
    long long figures = json_integer_value(json_object_get(counts, "figure"));
    cr_assert(figures >= N_DOCS * PER_DOC && figures <= N_DOCS * PER_DOC + 10,
              "estimated %lld figures of %d", figures, N_DOCS * PER_DOC);
    json_decref(out);

    out = search(s, "الهب*", STORE_SEARCH_FIGURES, 20);
    json_t *data = json_object_get(out, "data"), *h;
    size_t i;
    cr_assert_eq(json_array_size(data), 20);
    json_array_foreach(data, i, h)
    {
        const char *snip = json_string_value(json_object_get(h, "snippet"));
        cr_assert(snip && strstr(snip, "<mark>"), "%s", snip);
        /* the oldest document's figures are past the 10,000 latest */
        const char *article = json_string_value(json_object_get(h, "article_id"));
        cr_assert(article && strcmp(article, "big00") != 0, "%s", article);
    }
    json_decref(out);
    store_close(s);
}

Test(search, snippets_mark_the_matched_words_as_written)
{
    store *s = fx_open();
    load(s);
    json_t *out = search(s, "مدني", STORE_SEARCH_FIGURES, 5);
    json_t *h = json_array_get(json_object_get(out, "data"), 0);
    fx_assert_str(h, "id", "d2-f1");
    fx_assert_str(h, "article_id", "d2");
    fx_assert_str(h, "claimant_id", "white_helmets");
    fx_assert_str(h, "claimant_name", "الدفاع المدني");
    fx_assert_int(h, "value", 12);
    /* المدني and مدنياً both stem to مدن: both marked, harakat included. */
    fx_assert_str(h, "snippet",
                  "قال الدفاع <mark>المدني</mark> إن 12 <mark>مدنياً</mark> قُتلوا بقصف على حلب");
    json_decref(out);
    out = search(s, "بالراموسه", STORE_SEARCH_ARTICLES, 5);
    h = json_array_get(json_object_get(out, "data"), 0);
    fx_assert_str(h, "id", "d3");
    fx_assert_str(h, "snippet", "معارك <mark>الراموسة</mark>"); /* the title is the best column */
    json_decref(out);
    out = search(s, "Army", STORE_SEARCH_SOURCES, 5);
    /* bm25 favours the shorter name */
    cr_assert_str_eq(hit_list(out), "source:syrian_army source:jaish_alfath");
    h = json_array_get(json_object_get(out, "data"), 1);
    fx_assert_str(h, "snippet", "<mark>Army</mark> of Conquest");
    fx_assert_str(h, "source_kind", "armed_group");
    json_decref(out);
    store_close(s);
}

Test(search, kinds_phrases_prefixes_and_limits)
{
    store *s = fx_open();
    load(s);
    cr_assert_str_eq(ids_of(s, "حلب", STORE_SEARCH_ARTICLES), "d1 d2");
    cr_assert_str_eq(ids_of(s, "حلب", STORE_SEARCH_FIGURES), "d1-f1 d1-f2 d2-f1");
    cr_assert_str_eq(ids_of(s, "حلب", STORE_SEARCH_SOURCES), "");
    cr_assert_str_eq(ids_of(s, "\"الجيش السوري\"", STORE_SEARCH_SOURCES), "syrian_army");
    cr_assert_str_eq(ids_of(s, "\"السوري الجيش\"", STORE_SEARCH_SOURCES), "");
    cr_assert_str_eq(ids_of(s, "مدفع*", STORE_SEARCH_ARTICLES), "d3");
    cr_assert_str_eq(ids_of(s, "دبابة", STORE_SEARCH_ARTICLES | STORE_SEARCH_FIGURES),
                     "d1 d1-f1 d1-f2");
    cr_assert_str_eq(ids_of(s, "عائله", STORE_SEARCH_FIGURES), "d2-f2");
    /* limit cuts the merged list, counts keep every match */
    json_t *out = search(s, "حلب OR الجيش", 0, 3);
    cr_assert_eq(json_array_size(json_object_get(out, "data")), 3);
    fx_assert_int(out, "total", 8); /* articles d1 d2 d3, figures d1-f1 d1-f2 d2-f1, 2 sources */
    json_decref(out);
    out = search(s, "غير_موجود", 0, 3);
    cr_assert_eq(json_array_size(json_object_get(out, "data")), 0);
    fx_assert_int(out, "total", 0);
    json_decref(out);
    /* With one kind only that kind is counted. */
    out = search(s, "حلب", STORE_SEARCH_SOURCES, 3);
    fx_assert_keys(json_object_get(out, "counts"), "source");
    json_decref(out);
    store_close(s);
}

Test(search, bad_queries_and_arguments)
{
    store *s = fx_open();
    load(s);
    static const char *const bad[] = {"\"غير مغلق", "AND", "حلب AND",         "(حلب",
                                      "NEAR(",      "*",   "nosuchcolumn:حلب"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        store_search_query sq = {.q = bad[i], .limit = 5};
        json_t *out = NULL;
        store_status st = store_search(s, &sq, &out);
        cr_assert_eq(st, STORE_BADQUERY, "q=%s gave %d (%s)", bad[i], st, store_errmsg(s));
        cr_assert_null(out);
        cr_assert(strlen(store_errmsg(s)) > 0);
    }
    /* A column only articles have: fine for articles alone, refused across kinds. */
    cr_assert_str_eq(ids_of(s, "title:الراموسة", STORE_SEARCH_ARTICLES), "d3");
    store_search_query sq = {.q = "title:الراموسة", .limit = 5};
    json_t *out = NULL;
    cr_assert_eq(store_search(s, &sq, &out), STORE_BADQUERY);
    sq = (store_search_query){.q = "حلب", .limit = 0};
    cr_assert_eq(store_search(s, &sq, &out), STORE_ERR);
    sq.limit = STORE_MAX_SEARCH + 1;
    cr_assert_eq(store_search(s, &sq, &out), STORE_ERR);
    /* The handle is fine afterwards. */
    cr_assert_str_eq(ids_of(s, "حلب", STORE_SEARCH_ARTICLES), "d1 d2");
    store_close(s);
}

Test(search, indexes_follow_replaces_and_deletes)
{
    store *s = fx_open();
    load(s);
    assert_fts_intact();
    /* d2 again with another text: its old figures leave the index. */
    static const char NEW_B2[] = "أحصى ناشطون 7 قتلى في إدلب.";
    fx_doc x;
    doc(&x, "d2", NULL, NEW_B2);
    x.f[0] = fx_figure(NEW_B2, "7 قتلى", "killed", "exact", true, 7);
    x.d.n_figures = 1;
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_str_eq(ids_of(s, "عائلة", STORE_SEARCH_FIGURES), "");
    cr_assert_str_eq(ids_of(s, "ادلب", STORE_SEARCH_FIGURES), "d2-f1");
    cr_assert_str_eq(ids_of(s, "حلب", STORE_SEARCH_FIGURES), "d1-f1 d1-f2");
    assert_fts_intact();
    /* Deleting d1 takes its figures out of their index. */
    cr_assert_eq(store_delete_article(s, "d1"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_str_eq(ids_of(s, "حلب", STORE_SEARCH_FIGURES), "");
    cr_assert_str_eq(ids_of(s, "حلب", STORE_SEARCH_ARTICLES), "");
    assert_fts_intact();
    store_close(s);
}

Test(search, sources_index_follows_upserts)
{
    store *s = fx_open();
    load(s);
    /* The same records again: nothing to reindex. */
    cr_assert_eq(store_sync_sources(s, SOURCES, N_SOURCES), STORE_OK, "%s", store_errmsg(s));
    assert_fts_intact();
    /* A renamed source is found by its new names only. */
    store_source_rec renamed = SOURCES[3];
    renamed.name = "الخوذ البيضاء";
    renamed.name_en = NULL;
    cr_assert_eq(store_sync_sources(s, &renamed, 1), STORE_OK, "%s", store_errmsg(s));
    cr_assert_str_eq(ids_of(s, "الخوذ", STORE_SEARCH_SOURCES), "white_helmets");
    cr_assert_str_eq(ids_of(s, "الدفاع", STORE_SEARCH_SOURCES), "");
    cr_assert_str_eq(ids_of(s, "Helmets", STORE_SEARCH_SOURCES), "");
    /* A source a document introduces is indexed in its transaction. */
    store_source_rec intro = {"new_agency", "وكالة الأنباء الجديدة", NULL, "agency", NULL, NULL,
                              NULL};
    fx_doc x;
    doc(&x, "d4", NULL, "خبر قصير.");
    x.d.sources = &intro;
    x.d.n_sources = 1;
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_str_eq(ids_of(s, "وكاله", STORE_SEARCH_SOURCES), "new_agency");
    store_close(s);
    assert_fts_intact();
}

Test(search, a_failed_write_leaves_the_indexes_alone)
{
    store *s = fx_open();
    load(s);
    fx_doc x;
    doc(&x, "d1", NULL, "نص جديد عن حمص.");
    x.f[0] = fx_figure(x.d.body, "حمص", "killed", "exact", true, 1);
    x.f[0].claimant_id = "no_such_source"; /* a foreign key fails at commit */
    x.d.n_figures = 1;
    cr_assert_neq(store_put_document(s, &x.d), STORE_OK);
    cr_assert_str_eq(ids_of(s, "حمص", STORE_SEARCH_FIGURES | STORE_SEARCH_ARTICLES), "");
    cr_assert_str_eq(ids_of(s, "دبابات", STORE_SEARCH_FIGURES), "d1-f1 d1-f2");
    store_close(s);
    assert_fts_intact();
}

/* English names of parties and places stand for their Arabic names in
 * articles and figures: q is rewritten, operators, prefixes and columns
 * left alone, and a name not known leaves q as it is. */
Test(search, english_names_find_the_arabic_text)
{
    store *s = fx_open();
    load(s);
    static const struct {
        const char *q, *want; /* want NULL: q unchanged */
    } cases[] = {
        {"White Helmets", "(White Helmets OR \"الدفاع المدني\")"},
        {"white  HELMETS", "(white  HELMETS OR \"الدفاع المدني\")"},
        {"\"Syrian Army\" حلب", "(\"Syrian Army\" OR \"الجيش السوري\") حلب"},
        {"SANA OR حلب", "(SANA OR \"سانا\") OR حلب"},
        {"Syrian Army NOT سانا", "(Syrian Army OR \"الجيش السوري\") NOT سانا"},
        {"title:SANA", "title:(SANA OR \"سانا\")"},
        {"SANA*", NULL},
        {"Syrian", NULL},
        {"حلب", NULL},
        {"\"غير مغلق", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        cr_assert_eq(store_search_place_names(s, cases[i].q, &out), STORE_OK, "%s",
                     store_errmsg(s));
        if (cases[i].want)
            cr_expect(out && strcmp(out, cases[i].want) == 0, "%s: got %s, want %s", cases[i].q,
                      out ? out : "(unchanged)", cases[i].want);
        else
            cr_expect_null(out, "%s: got %s, want it unchanged", cases[i].q, out);
        free(out);
    }
    /* and the search itself: articles and figures by their Arabic text,
     * sources by their own English name */
    cr_assert_str_eq(ids_of(s, "White Helmets", STORE_SEARCH_ARTICLES), "d2");
    cr_assert_str_eq(ids_of(s, "White Helmets", STORE_SEARCH_FIGURES), "d2-f1");
    cr_assert_str_eq(ids_of(s, "White Helmets", STORE_SEARCH_SOURCES), "white_helmets");
    store_close(s);
}
