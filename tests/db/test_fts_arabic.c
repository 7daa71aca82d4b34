/* test_fts_arabic.c — the marsad_ar FTS5 tokenizer (db/fts_arabic.c): the
 * terms it gives FTS5 for sample words (folding, proclitics, stems, digits,
 * Latin), colocated forms, prefix queries, byte offsets, and what FTS5 does
 * with them (MATCH, highlight, snippet), on in-memory databases; and that a
 * store opened read-only can search.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/fts_arabic.h"
#include "tests/db/store_fixture.h"

static sqlite3 *DB;
static fts5_tokenizer TOK;
static Fts5Tokenizer *T;

static void setup(void)
{
    cr_assert_eq(sqlite3_open(":memory:", &DB), SQLITE_OK);
    cr_assert_eq(fts_arabic_register(DB), SQLITE_OK);
    fts5_api *api = NULL;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(DB, "SELECT fts5(?1)", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    cr_assert_not_null(api);
    void *ud = NULL;
    cr_assert_eq(api->xFindTokenizer(api, FTS_ARABIC_NAME, &ud, &TOK), SQLITE_OK);
    cr_assert_eq(TOK.xCreate(ud, NULL, 0, &T), SQLITE_OK);
}

static void teardown(void)
{
    TOK.xDelete(T);
    sqlite3_close(DB);
}

TestSuite(fts_arabic, .init = setup, .fini = teardown);

/* ---- the tokens ------------------------------------------------------------ */

typedef struct collected {
    const char *text;
    char out[2048]; /* "term term +colocated ..." */
    size_t len;
    int starts[64], ends[64], n;
} collected;

static int on_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
    collected *c = ctx;
    cr_assert_lt(c->n, 64);
    cr_assert(start >= 0 && start < end && (size_t)end <= strlen(c->text), "offsets %d..%d", start,
              end);
    int k = snprintf(c->out + c->len, sizeof c->out - c->len, "%s%s%.*s", c->len ? " " : "",
                     (tflags & FTS5_TOKEN_COLOCATED) ? "+" : "", ntok, tok);
    cr_assert(k > 0 && (size_t)k < sizeof c->out - c->len);
    c->len += (size_t)k;
    c->starts[c->n] = start;
    c->ends[c->n++] = end;
    return SQLITE_OK;
}

static collected *run(const char *text, int flags)
{
    static collected c;
    memset(&c, 0, sizeof c);
    c.text = text;
    cr_assert_eq(TOK.xTokenize(T, &c, flags, text, (int)strlen(text), on_token), SQLITE_OK);
    return &c;
}

/* The terms of a document text. */
static const char *terms(const char *text)
{
    return run(text, FTS5_TOKENIZE_DOCUMENT)->out;
}

/* The terms of a prefix query token (what FTS5 passes for word*). */
static const char *prefix_terms(const char *text)
{
    return run(text, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX)->out;
}

#define expect_terms(text, want) cr_expect_str_eq(terms(text), (want), "terms of %s", (text))
#define expect_same(a, b)                                      \
    do {                                                       \
        char a_[2048];                                         \
        snprintf(a_, sizeof a_, "%s", terms(a));               \
        cr_expect_str_eq(a_, terms(b), "%s and %s", (a), (b)); \
    } while (0)

/* Do the terms of a and b (one word each) have one in common? */
static bool shares(const char *a, const char *b)
{
    char ta[2100], tb[2048];
    snprintf(ta, sizeof ta, " %s ", terms(a));
    snprintf(tb, sizeof tb, "%s", terms(b));
    char *save = NULL;
    for (char *w = strtok_r(tb, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char needle[256];
        snprintf(needle, sizeof needle, " %s ", w[0] == '+' ? w + 1 : w);
        if (strstr(ta, needle))
            return true;
        snprintf(needle, sizeof needle, " +%s ", w[0] == '+' ? w + 1 : w);
        if (strstr(ta, needle))
            return true;
    }
    return false;
}

Test(fts_arabic, folds_like_the_extractor)
{
    expect_terms("حلب", "حلب");
    expect_same("حَلَب", "حلب");     /* harakat */
    expect_same("حـلـب", "حلب");   /* tatweel */
    expect_same("أحرار", "احرار"); /* hamza forms */
    expect_same("إحرار", "احرار");
    expect_same("آليات", "اليات");
    expect_same("القتلى", "القتلي"); /* ى / ي */
    expect_same("معركة", "معركه");   /* ة / ه */
    expect_same("مؤسسات", "موسسات"); /* ؤ / و */
    expect_same("ﺣﻠﺐ", "حلب");       /* presentation forms */
}

Test(fts_arabic, punctuation_is_not_indexed)
{
    expect_terms("حلب، دمشق. «إدلب»!", "حلب دمشق ادلب");
    expect_terms("... ، ؛ «»", "");
    expect_terms("", "");
}

Test(fts_arabic, strips_proclitics_into_colocated_forms)
{
    /* The word's own stem first, then the stripped forms' (3 letters or
     * more), each term once. */
    expect_terms("بحلب", "حلب");        /* the stemmer strips ب itself: one term */
    expect_terms("كتيبة", "كتيب +تيب"); /* ك could be a proclitic: both kept */
    expect_terms("الكتيبة", "كتيب");
    expect_terms("للجيش", "جيش +لجيش");
    expect_terms("وبالراموسة", "راموس");
    expect_terms("والمعارضة", "والمعارض +معارض");
    expect_terms("ولد", "ولد"); /* لد is too short to be offered */
    /* A query word and a text word match when they share a term. */
    expect_same("وحلب", "حلب");
    expect_same("الجيش", "جيش");
    cr_expect(shares("والمعارضة", "المعارضة"));
    cr_expect(shares("للجيش", "الجيش"));
    cr_expect(shares("كتيبة", "الكتيبة"));
    cr_expect_not(shares("ولد", "بلد"));
}

Test(fts_arabic, stems_until_the_stem_stops_changing)
{
    expect_terms("دبابات", "دباب"); /* دبابات → دبابا → دباب */
    expect_same("دبابتين", "دبابات");
    expect_same("دبابة", "دبابات");
    expect_same("مقاتلين", "مقاتل");
    expect_same("مقاتلي", "مقاتلون");
    expect_same("مدنيين", "مدني");
    expect_same("الاشتباكات", "اشتباك");
    /* Broken plurals stay apart: a light stemmer cannot join them. */
    cr_expect_str_neq(terms("صواريخ"), "صاروخ");
}

Test(fts_arabic, digits_fold_to_ascii_without_group_separators)
{
    expect_terms("١٠٧٠", "1070");
    expect_terms("۱۰۷۰", "1070"); /* Extended Arabic-Indic */
    expect_terms("١٬٥٠٠ 1,500 1500", "1500 1500 1500");
    expect_terms("٢٫٥ 2.5", "2.5 2.5"); /* the decimal point stays */
    expect_terms("80عنصرا", "80 عنصر");
}

Test(fts_arabic, latin_is_lower_cased_and_stemmed_in_english)
{
    expect_terms("RT Fighters KILLED", "rt fighter kill");
    expect_terms("Reuters", "reuter");
}

Test(fts_arabic, prefixes_are_stripped_and_stemmed_only_to_widen)
{
    cr_expect_str_eq(prefix_terms("حل"), "حل");
    cr_expect_str_eq(prefix_terms("وحل"), "وحل +حل"); /* stripped forms of 2 letters too */
    cr_expect_str_eq(prefix_terms("الف"), "الف +ف");  /* and of one: الف* is ال + ف* */
    cr_expect_str_eq(prefix_terms("ال"), "ال");
    cr_expect_str_eq(prefix_terms("قتلى"), "قتل"); /* the stem is a prefix: used */
    cr_expect_str_eq(prefix_terms("الدبابات"), "الدبابات +دباب");
    /* Without the prefix flag the same word is stemmed. */
    cr_expect_str_eq(terms("الدبابات"), "دباب");
}

Test(fts_arabic, offsets_are_bytes_of_the_whole_word)
{
    static const char s[] = "قال: وبِحَلَبَ ١٢ قتيلاً";
    collected *c = run(s, FTS5_TOKENIZE_DOCUMENT);
    cr_assert_eq(c->n, 4, "%s", c->out);
    /* قال */
    cr_expect_eq(c->starts[0], 0);
    cr_expect_eq(c->ends[0], 6);
    /* وبِحَلَبَ: from its و to its last haraka */
    const char *w = strstr(s, "وبِحَلَبَ");
    cr_expect_eq(c->starts[1], (int)(w - s));
    cr_expect_eq(c->ends[1], (int)(w - s + strlen("وبِحَلَبَ")));
    /* ١٢ */
    const char *d = strstr(s, "١٢");
    cr_expect_eq(c->starts[2], (int)(d - s));
    cr_expect_eq(c->ends[2], (int)(d - s + strlen("١٢")));
    cr_expect_eq(c->ends[3], (int)strlen(s));
    /* Colocated forms share the word's offsets. */
    c = run("للجيش", FTS5_TOKENIZE_DOCUMENT);
    cr_assert_eq(c->n, 2);
    cr_expect_eq(c->starts[0], c->starts[1]);
    cr_expect_eq(c->ends[0], c->ends[1]);
}

Test(fts_arabic, long_words_and_invalid_bytes)
{
    char longw[201];
    for (int i = 0; i < 100; i++)
        memcpy(longw + 2 * i, "ب", 2);
    longw[200] = '\0';
    collected *c = run(longw, FTS5_TOKENIZE_DOCUMENT);
    cr_assert_geq(c->n, 1);
    cr_expect_eq(c->ends[0], (int)strlen(longw));
    c = run("حلب\xFF"
            "دمشق",
            FTS5_TOKENIZE_DOCUMENT);
    cr_expect_str_eq(c->out, "حلب دمشق");
    cr_expect_eq(c->starts[1], 7);
}

Test(fts_arabic, options_are_refused)
{
    char *err = NULL;
    cr_expect_neq(sqlite3_exec(DB,
                               "CREATE VIRTUAL TABLE x USING fts5 (a, tokenize = 'marsad_ar yes')",
                               NULL, NULL, &err),
                  SQLITE_OK);
    sqlite3_free(err);
}

/* ---- through FTS5 -------------------------------------------------------------- */

static void exec(const char *sql)
{
    char *err = NULL;
    int rc = sqlite3_exec(DB, sql, NULL, NULL, &err);
    cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, err ? err : "");
    sqlite3_free(err);
}

/* The rowids MATCH q finds, "1 3", or "error". */
static char *match(const char *q)
{
    static char out[128];
    sqlite3_stmt *st;
    size_t o = 0;
    out[0] = '\0';
    cr_assert_eq(sqlite3_prepare_v2(DB, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1,
                                    &st, NULL),
                 SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%lld", o ? " " : "",
                              sqlite3_column_int64(st, 0));
    if (rc != SQLITE_DONE)
        snprintf(out, sizeof out, "error");
    sqlite3_finalize(st);
    return out;
}

static void load_table(void)
{
    exec("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'marsad_ar');"
         "INSERT INTO t (rowid, body) VALUES"
         " (1, 'وقُتِلَ ١٢ مدنياً بحلبَ اليوم'),"
         " (2, 'دمرت قوات النظام ثلاث دبابات قرب الراموسة'),"
         " (3, 'أعلن جيش الفتح السيطرة على كلية المدفعية'),"
         " (4, 'Reuters: fighters killed near Aleppo')");
}

Test(fts_arabic, match_finds_the_forms_people_type)
{
    load_table();
    cr_expect_str_eq(match("حلب"), "1");
    cr_expect_str_eq(match("بحلب"), "1");
    cr_expect_str_eq(match("حَلَب"), "1");
    cr_expect_str_eq(match("12"), "1");
    cr_expect_str_eq(match("مدنيين"), "1");
    cr_expect_str_eq(match("دبابة"), "2");
    cr_expect_str_eq(match("بالراموسه"), "2");
    cr_expect_str_eq(match("الجيش"), "3");
    cr_expect_str_eq(match("للمدفعيه"), "3");
    cr_expect_str_eq(match("fighter KILL"), "4");
    /* Phrases, prefixes, operators. */
    cr_expect_str_eq(match("\"مدني حلب\""), "1");
    cr_expect_str_eq(match("\"حلب مدني\""), "");
    cr_expect_str_eq(match("حل*"), "1");
    cr_expect_str_eq(match("وحل*"), "1");
    cr_expect_str_eq(match("دباب*"), "2");
    cr_expect_str_eq(match("الفت*"), "3");
    cr_expect_str_eq(match("الف*"), "3");
    cr_expect_str_eq(match("حلب OR دبابات"), "1 2");
    cr_expect_str_eq(match("\"غير مغلق"), "error");
}

Test(fts_arabic, highlight_and_snippet_mark_whole_words)
{
    load_table();
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(DB,
                                    "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1"
                                    " ORDER BY rowid",
                                    -1, &st, NULL),
                 SQLITE_OK);
    sqlite3_bind_text(st, 1, "حلب OR ١٢ OR دبابة", -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_str_eq((const char *)sqlite3_column_text(st, 0), "وقُتِلَ [١٢] مدنياً [بحلبَ] اليوم");
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_str_eq((const char *)sqlite3_column_text(st, 0),
                     "دمرت قوات النظام ثلاث [دبابات] قرب الراموسة");
    sqlite3_finalize(st);
    cr_assert_eq(sqlite3_prepare_v2(DB,
                                    "SELECT snippet(t, 0, '<mark>', '</mark>', '…', 3) FROM t"
                                    " WHERE t MATCH ?1",
                                    -1, &st, NULL),
                 SQLITE_OK);
    sqlite3_bind_text(st, 1, "الراموسة", -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_str_eq((const char *)sqlite3_column_text(st, 0), "…دبابات قرب <mark>الراموسة</mark>");
    sqlite3_finalize(st);
}

/* ---- on every connection a store opens ------------------------------------------- */

TestSuite(fts_store, .init = fx_setup, .fini = fx_teardown);

Test(fts_store, a_read_only_store_searches_too)
{
    store *w = fx_open();
    static const store_source_rec src[] = {
        {"sana", "سانا", "SANA", "outlet", "government", NULL, NULL}};
    cr_assert_eq(store_sync_sources(w, src, 1), STORE_OK, "%s", store_errmsg(w));
    store_doc d = {.id = "a", .title = "حلب", .body = "قُتِلَ ١٢ مدنياً بحلبَ", .language = "ar"};
    cr_assert_eq(store_put_document(w, &d), STORE_OK, "%s", store_errmsg(w));
    store_close(w);
    char err[256];
    store *r = store_open(fx_path, STORE_READONLY, 100, NULL, err, sizeof err);
    cr_assert_not_null(r, "%s", err);
    size_t n;
    const store_filter_def *defs = store_filters(RES_ARTICLES, &n);
    size_t qi = 0;
    while (qi < n && strcmp(defs[qi].name, "q") != 0)
        qi++;
    store_query q = {.res = RES_ARTICLES, .n_filters = 1, .limit = 10};
    q.filters[0] = (store_filter){.def = qi, .text = "وحلب"};
    store_page p;
    cr_assert_eq(store_list(r, &q, &p), STORE_OK, "%s", store_errmsg(r));
    cr_expect_eq(p.total, 1);
    store_page_free(&p);
    json_t *out = NULL;
    store_search_query sq = {.q = "سانا", .limit = 5};
    cr_assert_eq(store_search(r, &sq, &out), STORE_OK, "%s", store_errmsg(r));
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_decref(out);
    store_close(r);
}

static int on_hash(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
    unsigned long long *h = ctx;
    *h = *h * 1099511628211ull + (unsigned)tflags * 31u + (unsigned)start * 7u + (unsigned)end;
    for (int i = 0; i < ntok; i++)
        *h = (*h ^ (unsigned char)tok[i]) * 1099511628211ull;
    return SQLITE_OK;
}

/* The word memo (fts_arabic.c) gives a repeated word the terms it got the
 * first time, and a prefix query never takes a word's memoised terms. */
Test(fts_arabic, repeated_words_keep_their_terms)
{
    static const char text[] = "والمعارضة كتيبة بحلب للجيش القتلى 1,500 Fighters والمعارضة";
    char first[2048];
    snprintf(first, sizeof first, "%s", terms(text));
    cr_expect_str_eq(terms(text), first);
    cr_expect_str_eq(first, "والمعارض +معارض كتيب +تيب حلب جيش +لجيش قتل 1500 fighter "
                            "والمعارض +معارض");
    expect_terms("الف", "الف");
    cr_expect_str_eq(prefix_terms("الف"), prefix_terms("الف"));
    expect_terms("الف الف", "الف الف");
    /* Many distinct words (memo slots shared and replaced): the same
     * terms on the second pass. */
    static char many[200000];
    size_t len = 0;
    for (int i = 0; i < 9000; i++)
        len += (size_t)snprintf(many + len, sizeof many - len, "%sكتاب%c%c%c ", i % 2 ? "وال" : "ب",
                                'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676);
    unsigned long long h[2] = {0, 0};
    for (int pass = 0; pass < 2; pass++)
        cr_assert_eq(TOK.xTokenize(T, &h[pass], FTS5_TOKENIZE_DOCUMENT, many, (int)len, on_hash),
                     SQLITE_OK);
    cr_expect_eq(h[0], h[1]);
}

/* The prefix lengths the schema indexes for table (its prefix = '...'). */
static void prefix_lengths(sqlite3 *db, const char *table, bool has[8])
{
    sqlite3_stmt *st;
    cr_assert_eq(
        sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = ?1", -1, &st, NULL),
        SQLITE_OK);
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", table);
    const char *sql = (const char *)sqlite3_column_text(st, 0);
    const char *p = strstr(sql, "prefix = '");
    cr_assert_not_null(p, "%s has no prefix index", table);
    for (p += strlen("prefix = '"); *p && *p != '\''; p++)
        if (*p >= '1' && *p <= '7')
            has[*p - '0'] = true;
    sqlite3_finalize(st);
}

/* A prefix FTS5 finds in no prefix index is expanded into every indexed
 * word it starts, merged per query: a one-letter term (what وع* and الف*
 * leave once the proclitic goes) took 1.3 s at 100k articles. So every
 * term of at most two letters that a prefix query of two letters or more
 * (the shortest the server accepts) can give has an index of its length. */
Test(fts_store, every_short_prefix_term_has_its_prefix_index)
{
    store_close(fx_open());
    setup(); /* the tokenizer, as the fts_arabic suite has it */
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    bool articles[8] = {0}, figures[8] = {0};
    prefix_lengths(db, "articles_fts", articles);
    prefix_lengths(db, "figures_fts", figures);
    sqlite3_close(db);
    static const char *const typed[] = {"حل", "وع", "فع", "بق", "الف", "لل", "وال", "كم", "ab"};
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
        char out[2048];
        snprintf(out, sizeof out, "%s", prefix_terms(typed[i]));
        char *save = NULL;
        for (char *t = strtok_r(out, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
            if (*t == '+')
                t++;
            size_t letters = 0;
            for (const char *c = t; *c; c++)
                letters += ((unsigned char)*c & 0xC0) != 0x80;
            if (letters > 2)
                continue;
            cr_expect(articles[letters] && figures[letters],
                      "%s* gives the %zu-letter term %s, which no prefix index holds", typed[i],
                      letters, t);
        }
    }
    teardown();
}
