/* test_search.c — end-to-end tests of full-text search against the real
 * binary serving the five seed documents: /v1/articles?q= with the forms
 * people type (harakat, proclitics, hamza, ى, ة, tatweel, digits), and
 * /v1/search for each kind (locations by their English names too), its snippets with <mark> markers, phrases,
 * prefixes, limits, the kind filter and every 400 it answers.
 *
 * Like test_api.c, the tests check the API against itself (a variant must
 * find exactly the articles of the plain word; a hit's snippet must mark
 * words of its item) rather than against numbers written down here.
 */
#include "tests/e2e/api_helpers.h"

static void start_seeded(void)
{
    e2e_start(NULL);
    cr_assert_eq(e2e_articles(), N_SEEDS, "the listening line says %lld articles", e2e_articles());
}

TestSuite(search, .init = start_seeded, .fini = e2e_teardown);

#define PARAM_PROBLEM "/problems/invalid-parameter"

static void expect_bad_param(const char *path, const char *param)
{
    e2e_response *r = e2e_get(path);
    assert_problem(r, 400, PARAM_PROBLEM, param, path);
    e2e_response_free(r);
}

/* The ids /v1/articles?q=word finds (a set, see id_set). */
static json_t *articles_q(const char *word)
{
    char *enc = url_encode(word);
    json_t *all = fetch_all("/v1/articles?q=%s", enc);
    json_t *set = id_set(all);
    json_decref(all);
    free(enc);
    return set;
}

/* GET /v1/search?q=Q&REST (Q encoded here), 200 with the envelope checked. */
static json_t *search(const char *q, const char *rest)
{
    char *enc = url_encode(q);
    json_t *out = get_ok("/v1/search?q=%s%s%s", enc, rest ? "&" : "", rest ? rest : "");
    free(enc);
    cr_assert(json_is_array(json_object_get(out, "data")), "no data array");
    cr_assert(json_is_integer(json_object_get(out, "total")), "no total");
    cr_assert(json_is_object(json_object_get(out, "counts")), "no counts");
    cr_assert(json_is_boolean(json_object_get(out, "total_exact")), "no total_exact");
    cr_assert(json_is_array(json_object_get(out, "estimated")), "no estimated");
    cr_assert_eq(json_is_true(json_object_get(out, "total_exact")),
                 json_array_size(json_object_get(out, "estimated")) == 0,
                 "total_exact says whether any count is estimated");
    long long sum = 0;
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(out, "counts"), k, v) sum += json_integer_value(v);
    cr_assert_eq(sum, jint(out, "total"), "total is the sum of counts");
    return out;
}

/* Every <mark>...</mark> of snippet, each checked to be non-empty and
 * closed; calls fn on each marked text. Returns how many. */
static size_t marked(const char *snippet, void (*fn)(const char *w, size_t n, void *ctx), void *ctx)
{
    size_t n = 0;
    for (const char *p = strstr(snippet, "<mark>"); p; p = strstr(p, "<mark>")) {
        p += 6;
        const char *e = strstr(p, "</mark>");
        cr_assert_not_null(e, "an unclosed <mark> in %s", snippet);
        cr_assert_gt(e - p, 0, "an empty <mark> in %s", snippet);
        cr_assert_null(memchr(p, '<', (size_t)(e - p)), "nested markers in %s", snippet);
        if (fn)
            fn(p, (size_t)(e - p), ctx);
        n++;
        p = e + 7;
    }
    return n;
}

/* The snippet with its markers and the ellipsis removed. */
static char *unmarked(const char *snippet)
{
    char *out = strdup(snippet), *o = out;
    for (const char *p = snippet; *p;) {
        if (!strncmp(p, "<mark>", 6))
            p += 6;
        else if (!strncmp(p, "</mark>", 7))
            p += 7;
        else if (!strncmp(p, "…", strlen("…")))
            p += strlen("…");
        else
            *o++ = *p++;
    }
    *o = '\0';
    return out;
}

/* ---- /v1/articles?q= through the marsad_ar tokenizer ---------------------- */

Test(search, articles_q_finds_the_forms_people_type)
{
    static const char *const variants[][2] = {
        {"حلب", "حَلَب"},
        {"حلب", "بحلب"},
        {"حلب", "وحلب"},
        {"حلب", "حـلـب"},
        {"القتلى", "قتلى"},
        {"القتلى", "القتلي"},
        {"الراموسة", "بالراموسه"},
        {"الإسلامية", "الاسلامية"},
        {"1070", "١٠٧٠"},
        {"دبابات", "دبابتين"},
        {"الجيش", "للجيش"},
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        json_t *a = articles_q(variants[i][0]), *b = articles_q(variants[i][1]);
        cr_assert_gt(json_object_size(a), 0, "q=%s finds nothing", variants[i][0]);
        cr_assert_eq(json_object_size(a), json_object_size(b), "q=%s: %zu articles, q=%s: %zu",
                     variants[i][0], json_object_size(a), variants[i][1], json_object_size(b));
        const char *k;
        json_t *v;
        json_object_foreach(a, k, v)
            cr_assert_not_null(json_object_get(b, k), "q=%s finds %s, q=%s does not",
                               variants[i][0], k, variants[i][1]);
        json_decref(a);
        json_decref(b);
    }
    /* حلب is in every seed. */
    char *w = url_encode("بِحَلَب");
    cr_assert_eq(total_of("/v1/articles?q=%s", w), N_SEEDS);
    free(w);
}

Test(search, articles_q_bad_syntax_is_still_a_400)
{
    expect_bad_param("/v1/articles?q=%22unbalanced", "q");
    expect_bad_param("/v1/articles?q=%D8%AD%D9%84%D8%A8%20AND", "q"); /* حلب AND */
}

/* ---- /v1/search ------------------------------------------------------------- */

static void check_kind(const char *kind, const char *q)
{
    char rest[64];
    snprintf(rest, sizeof rest, "kind=%s&limit=100", kind);
    json_t *out = search(q, rest);
    json_t *counts = json_object_get(out, "counts");
    cr_assert_eq(json_object_size(counts), 1, "kind=%s: counts of one kind", kind);
    long long n = json_integer_value(json_object_get(counts, kind));
    cr_assert_gt(n, 0, "q=%s&kind=%s finds nothing", q, kind);
    json_t *data = json_object_get(out, "data");
    cr_assert_eq((long long)json_array_size(data), n < 100 ? n : 100);
    size_t i;
    json_t *h;
    double prev = 1e300;
    json_array_foreach(data, i, h)
    {
        cr_assert_str_eq(jstr(h, "kind"), kind);
        cr_assert_not_null(jstr(h, "id"));
        cr_assert(json_is_number(json_object_get(h, "score")));
        double sc = json_number_value(json_object_get(h, "score"));
        cr_assert_leq(sc, prev, "hits ordered by score");
        prev = sc;
        const char *snip = jstr(h, "snippet");
        cr_assert(snip && marked(snip, NULL, NULL) > 0, "hit %s: snippet without a mark: %s",
                  jstr(h, "id"), snip ? snip : "null");
        /* The hit is an item of its list, and the snippet is its text. */
        char *text = unmarked(snip);
        if (!strcmp(kind, "article")) {
            json_t *a = get_ok("/v1/articles/%s", jstr(h, "id"));
            const char *title = jstr(a, "title");
            cr_assert(strstr(jstr(a, "body"), text) || (title && strstr(title, text)),
                      "article %s: the snippet '%s' is not its text", jstr(h, "id"), text);
            json_decref(a);
        } else if (!strcmp(kind, "figure")) {
            json_t *f = get_ok("/v1/figures/%s", jstr(h, "id"));
            cr_assert_str_eq(jstr(h, "article_id"), jstr(f, "article_id"));
            cr_assert(strstr(jstr(f, "quote"), text), "figure %s: '%s' is not in its quote",
                      jstr(h, "id"), text);
            json_decref(f);
        } else {
            bool loc = !strcmp(kind, "location");
            json_t *src = get_ok(loc ? "/v1/locations/%s" : "/v1/sources/%s", jstr(h, "id"));
            const char *name = jstr(src, "name"), *name_en = jstr(src, "name_en");
            cr_assert_str_eq(jstr(h, "name"), name);
            cr_assert(strstr(name, text) || (name_en && strstr(name_en, text)),
                      "%s %s: '%s' is not its name", kind, jstr(h, "id"), text);
            json_decref(src);
        }
        free(text);
    }
    json_decref(out);
}

Test(search, each_kind)
{
    check_kind("article", "حلب");
    check_kind("figure", "الجيش");
    check_kind("source", "حلب");
    check_kind("source", "Army");
    check_kind("location", "حلب");
    check_kind("location", "Aleppo");
}

/* The gazetteer's English names find its places: "Aleppo" is حلب, on
 * /v1/search and on the locations' q. */
Test(search, english_names_find_the_places)
{
    json_t *out = search("Aleppo", "kind=location");
    json_t *first = json_array_get(json_object_get(out, "data"), 0);
    cr_assert_not_null(first, "Aleppo finds no location");
    cr_assert_str_eq(jstr(first, "id"), "aleppo");
    cr_assert_str_eq(jstr(first, "name"), "حلب");
    cr_assert_str_eq(jstr(first, "location_kind"), "city");
    cr_assert(json_is_true(json_object_get(first, "resolved")));
    json_decref(out);
    json_t *all = fetch_all("/v1/locations?q=Aleppo");
    json_t *ids = id_set(all);
    cr_assert_not_null(json_object_get(ids, "aleppo"), "locations?q=Aleppo leaves out حلب");
    cr_assert_not_null(json_object_get(ids, "aleppo-gov"));
    json_decref(ids);
    json_decref(all);
    expect_bad_param("/v1/locations?q=%22Aleppo", "q");
}

Test(search, all_kinds_merged_by_score)
{
    json_t *out = search("حلب", "limit=100");
    json_t *counts = json_object_get(out, "counts");
    cr_assert_eq(json_object_size(counts), 4);
    cr_assert_eq(jint(counts, "article"), N_SEEDS);
    json_t *seen = json_object();
    size_t i;
    json_t *h;
    double prev = 1e300;
    json_array_foreach(json_object_get(out, "data"), i, h)
    {
        json_object_set_new(seen, jstr(h, "kind"), json_true());
        double sc = json_number_value(json_object_get(h, "score"));
        cr_assert_leq(sc, prev);
        prev = sc;
    }
    cr_assert_eq(json_object_size(seen), 4, "hits of every kind");
    json_decref(seen);
    json_decref(out);
}

static void is_raamousa(const char *w, size_t n, void *ctx)
{
    (void)ctx;
    char *word = strndup(w, n);
    /* الراموسة, للراموسة, بالراموسة...: the whole word as written */
    cr_assert(strstr(word, "راموس"), "marked '%s' for الراموسة", word);
    free(word);
}

Test(search, snippets_mark_the_matched_words)
{
    json_t *out = search("بالراموسه", "kind=article");
    cr_assert_gt(json_array_size(json_object_get(out, "data")), 0);
    size_t i;
    json_t *h;
    json_array_foreach(json_object_get(out, "data"), i, h)
        cr_assert_gt(marked(jstr(h, "snippet"), is_raamousa, NULL), 0);
    json_decref(out);
}

Test(search, phrases)
{
    json_t *out = search("\"فك الحصار\"", "kind=article&limit=100");
    json_t *data = json_object_get(out, "data");
    cr_assert_gt(json_array_size(data), 0);
    size_t i;
    json_t *h;
    json_array_foreach(data, i, h)
    {
        /* فك الحصار, or فك حصار (the article is stripped): in the text and
         * marked whole in the snippet */
        json_t *a = get_ok("/v1/articles/%s", jstr(h, "id"));
        cr_assert(strstr(jstr(a, "body"), "فك الحصار") || strstr(jstr(a, "body"), "فك حصار"),
                  "%s lacks the phrase", jstr(h, "id"));
        json_decref(a);
        cr_assert(strstr(jstr(h, "snippet"), "<mark>فك الحصار</mark>") ||
                      strstr(jstr(h, "snippet"), "<mark>فك حصار</mark>"),
                  "the phrase is marked whole: %s", jstr(h, "snippet"));
    }
    json_decref(out);
    /* The same words the other way round are another phrase. */
    out = search("\"الحصار فك\"", "kind=article");
    cr_assert_eq(jint(out, "total"), 0);
    json_decref(out);
}

Test(search, prefixes)
{
    json_t *word = search("المدفعية", "kind=article&limit=100");
    json_t *prefix = search("مدفع*", "kind=article&limit=100");
    cr_assert_gt(jint(word, "total"), 0);
    cr_assert_geq(jint(prefix, "total"), jint(word, "total"));
    json_t *ids = id_set(json_object_get(prefix, "data"));
    size_t i;
    json_t *h;
    json_array_foreach(json_object_get(word, "data"), i, h)
        cr_assert_not_null(json_object_get(ids, jstr(h, "id")), "مدفع* misses %s", jstr(h, "id"));
    json_decref(ids);
    json_decref(word);
    json_decref(prefix);
    /* حل* finds every article (all say حلب); with a proclitic too. */
    json_t *out = search("حل*", "kind=article");
    cr_assert_eq(jint(out, "total"), N_SEEDS);
    json_decref(out);
    out = search("وحل*", "kind=article");
    cr_assert_eq(jint(out, "total"), N_SEEDS);
    json_decref(out);
    /* A quoted word with a star, as people type it, is the same prefix. */
    out = search("\"حل\"*", "kind=article");
    cr_assert_eq(jint(out, "total"), N_SEEDS);
    json_decref(out);
}

Test(search, limit_bounds)
{
    json_t *out = search("حلب", "limit=1");
    cr_assert_eq(json_array_size(json_object_get(out, "data")), 1);
    cr_assert_gt(jint(out, "total"), 1, "total counts beyond the limit");
    json_decref(out);
    out = search("حلب", "limit=100");
    cr_assert_leq(json_array_size(json_object_get(out, "data")), 100);
    json_decref(out);
    out = search("حلب", NULL); /* the default, 20 */
    cr_assert_eq(json_array_size(json_object_get(out, "data")),
                 jint(out, "total") < 20 ? (size_t)jint(out, "total") : 20u);
    json_decref(out);
    expect_bad_param("/v1/search?q=x&limit=0", "limit");
    expect_bad_param("/v1/search?q=x&limit=101", "limit");
    expect_bad_param("/v1/search?q=x&limit=-1", "limit");
    expect_bad_param("/v1/search?q=x&limit=ten", "limit");
    expect_bad_param("/v1/search?q=x&limit=", "limit");
}

Test(search, kind_filter)
{
    expect_bad_param("/v1/search?q=x&kind=place", "kind");
    expect_bad_param("/v1/search?q=x&kind=", "kind");
    expect_bad_param("/v1/search?q=x&kind=article&kind=figure", "kind");
    json_t *out = search("حلب", "kind=figure&limit=100");
    size_t i;
    json_t *h;
    json_array_foreach(json_object_get(out, "data"), i, h)
        cr_assert_str_eq(jstr(h, "kind"), "figure");
    json_decref(out);
}

Test(search, bad_queries)
{
    expect_bad_param("/v1/search", "q");
    expect_bad_param("/v1/search?kind=article", "q");
    expect_bad_param("/v1/search?q=", "q");
    expect_bad_param("/v1/search?q=%20%20", "q");
    expect_bad_param("/v1/search?q=%22unbalanced", "q");
    expect_bad_param("/v1/search?q=AND", "q");
    expect_bad_param("/v1/search?q=(x", "q");
    expect_bad_param("/v1/search?q=*", "q");
    expect_bad_param("/v1/search?q=nosuchcolumn:x", "q");
    expect_bad_param("/v1/search?q=%FF", "q");
    expect_bad_param("/v1/search?q=x&bogus=1", "bogus");
    expect_bad_param("/v1/search?q=x&q=y", "q");
    /* The server still answers. */
    json_t *out = search("حلب", NULL);
    json_decref(out);
}

/* An English place or party name finds the Arabic articles naming it, on
 * the articles' q= and on /v1/search: Aleppo is حلب, Hezbollah حزب الله. */
Test(search, english_names_find_arabic_articles)
{
    json_t *ar = get_ok("/v1/articles?q=%s", "%D8%AD%D9%84%D8%A8"); /* حلب */
    json_t *en = get_ok("/v1/articles?q=%s", "Aleppo");
    cr_assert_gt(jint(ar, "total"), 0);
    cr_expect_eq(jint(en, "total"), jint(ar, "total"), "Aleppo finds what حلب finds");
    json_decref(ar);
    json_decref(en);
    json_t *out = search("Hezbollah", "kind=article");
    json_t *arabic = search("\"حزب الله\"", "kind=article");
    cr_assert_gt(jint(arabic, "total"), 0);
    cr_expect_eq(jint(out, "total"), jint(arabic, "total"));
    json_decref(out);
    json_decref(arabic);
    /* a word that names nothing is searched as it is: no Arabic text has it */
    out = search("Atlantis", "kind=article");
    cr_expect_eq(jint(out, "total"), 0);
    json_decref(out);
}
