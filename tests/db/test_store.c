/* test_store.c — the SQLite store (db/store.c, db/store_read.c) on a small
 * hand-made Arabic fixture: opening and versions, the gazetteer and source
 * lists, documents in and out (shapes, replace, rollback, delete), every
 * filter, sorts with NULLs, cursors, data versions, the time limit, meta.
 *
 * Paging exactness over a larger generated data set is in
 * test_store_list.c. Every test works in its own mkdtemp folder.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>

#include "db/fts_arabic.h"
#include "tests/db/store_fixture.h"

/* ---- the fixture ---------------------------------------------------------- */

static const store_location_rec LOCATIONS[] = {
    {"syria", "سوريا", "Syria", "country", NULL, 35.0, 38.5, true},
    {"aleppo_gov", "محافظة حلب", "Aleppo Governorate", "governorate", "syria", 36.2, 37.15, true},
    {"aleppo", "حلب", "Aleppo", "city", "aleppo_gov", 36.2021, 37.1343, false},
    {"hamdaniya", "حي الحمدانية", "Hamdaniya", "neighbourhood", "aleppo", 36.18, 37.12, false},
    {"military_academy", "الأكاديمية العسكرية", NULL, "military_site", "hamdaniya", 36.16, 37.08,
     true},
    {"idlib_gov", "محافظة إدلب", "Idlib Governorate", "governorate", "syria", 35.8, 36.6, true},
    {"idlib", "إدلب", "Idlib", "city", "idlib_gov", 35.9306, 36.6339, false},
    {"saraqib", "سراقب", "Saraqib", "town", "idlib_gov", 35.8622, 36.8006, false},
    {"damascus", "دمشق", "Damascus", "city", "syria", 33.5138, 36.2765, false},
    {"douma", "دوما", NULL, "town", "syria", 33.5711, 36.4019, false},
    {"unknown_hill", "تلة مجهولة", NULL, "hill", NULL, NAN, NAN, true},
};
#define N_LOCATIONS (sizeof LOCATIONS / sizeof LOCATIONS[0])

static const store_source_rec SOURCES[] = {
    {"sana", "سانا", "SANA", "outlet", "government", NULL},
    {"smart", "سمارت", "SMART News", "outlet", "opposition", NULL},
    {"syrian_army", "الجيش السوري", "Syrian Army", "military", "government", NULL},
    {"jaish_alfath", "جيش الفتح", "Army of Conquest", "armed_group", "opposition", NULL},
    {"sohr", "المرصد السوري لحقوق الإنسان", "SOHR", "ngo", "independent", NULL},
    {"white_helmets", "الدفاع المدني", "White Helmets", "civil_defence", "opposition", NULL},
    {"army_spokesman", "المتحدث باسم الجيش", NULL, "role", "government", "syrian_army"},
};
#define N_SOURCES (sizeof SOURCES / sizeof SOURCES[0])

static const char A1_BODY[] = "قتل 12 مدنيا وأصيب أكثر من 20 آخرين في قصف على حي الحمدانية في "
                              "مدينة حلب، بحسب المرصد السوري لحقوق الإنسان.";
static const char A2_BODY[] = "دمشق - سانا: أعلن الجيش السوري مقتل 150 مسلحا في ريف إدلب وتدمير "
                              "3 دبابات قرب سراقب. من جهته نفى جيش الفتح سقوط قتلى في صفوفه.";
static const char A3_BODY[] = "قال الدفاع المدني إن عشرات المدنيين قتلوا في غارات جوية على "
                              "دوما، وإن نحو 1500 عائلة نزحت من المدينة. ونفذت الطائرات بين 30 "
                              "و40 غارة، وألقت 2.5 طن من المتفجرات على تلة مجهولة قرب الأكاديمية "
                              "العسكرية.";

/* Each document's arrays live in one of these so a test may edit them. */
typedef struct fx_doc {
    store_doc d;
    store_mention sm[8], lm[8];
    store_figure_rec f[8];
} fx_doc;

static void doc_a1(fx_doc *x) {
    const char *b = A1_BODY;
    memset(x, 0, sizeof *x);
    x->sm[0] = fx_mention(b, "sohr", "المرصد السوري لحقوق الإنسان", "speaker");
    x->lm[0] = fx_mention(b, "hamdaniya", "حي الحمدانية", NULL);
    x->lm[1] = fx_mention(b, "aleppo", "حلب", NULL);
    x->f[0] = fx_figure(b, "قتل 12 مدنيا", "killed", "exact", true, 12);
    x->f[0].subject_category = "civilians";
    x->f[0].object = "مدني";
    x->f[0].claimant_id = "sohr";
    x->f[0].location_id = "hamdaniya";
    x->f[1] = fx_figure(b, "أكثر من 20", "injured", "more_than", true, 20);
    x->f[1].subject_category = "people";
    x->f[1].claimant_id = "sohr";
    x->f[1].location_id = "hamdaniya";
    x->d = (store_doc){.id = "a1",
                       .title = "مقتل مدنيين في حلب",
                       .body = b,
                       .outlet_id = "smart",
                       .url = "https://example.org/a1",
                       .published_at = "2016-08-01",
                       .language = "ar",
                       .content_hash = "hash-a1",
                       .origin = "data/seeds/a1.txt",
                       .source_mentions = x->sm,
                       .n_source_mentions = 1,
                       .location_mentions = x->lm,
                       .n_location_mentions = 2,
                       .figures = x->f,
                       .n_figures = 2};
}

/* a2's figures are given out of text order on purpose. */
static void doc_a2(fx_doc *x) {
    const char *b = A2_BODY;
    memset(x, 0, sizeof *x);
    x->sm[0] = fx_mention(b, "sana", "سانا", "outlet");
    x->sm[1] = fx_mention(b, "syrian_army", "الجيش السوري", "speaker");
    x->sm[2] = fx_mention(b, "jaish_alfath", "جيش الفتح", "speaker");
    x->lm[0] = fx_mention(b, "damascus", "دمشق", NULL);
    x->lm[1] = fx_mention(b, "idlib_gov", "ريف إدلب", NULL);
    x->lm[2] = fx_mention(b, "saraqib", "سراقب", NULL);
    x->f[0] = fx_figure(b, "سقوط قتلى", "killed", "some", false, 0);
    x->f[0].stance = "denied";
    x->f[0].claimant_id = "jaish_alfath";
    x->f[0].subject_category = "combatants";
    x->f[0].subject_side = "opposition";
    x->f[1] = fx_figure(b, "مقتل 150 مسلحا", "killed", "exact", true, 150);
    x->f[1].claimant_id = "syrian_army";
    x->f[1].location_id = "idlib_gov";
    x->f[1].subject_category = "combatants";
    x->f[1].subject_side = "opposition";
    x->f[2] = fx_figure(b, "تدمير 3 دبابات", "destroyed", "exact", true, 3);
    x->f[2].claimant_id = "syrian_army";
    x->f[2].location_id = "saraqib";
    x->f[2].object = "دبابة";
    x->f[2].subject_category = "materiel";
    x->f[2].subject_side = "opposition";
    x->d = (store_doc){.id = "a2",
                       .title = "الجيش يعلن مقتل مسلحين في إدلب",
                       .body = b,
                       .outlet_id = "sana",
                       .published_at = "2016-08-02",
                       .language = "ar",
                       .content_hash = "hash-a2",
                       .origin = "data/seeds/a2.txt",
                       .source_mentions = x->sm,
                       .n_source_mentions = 3,
                       .location_mentions = x->lm,
                       .n_location_mentions = 3,
                       .figures = x->f,
                       .n_figures = 3};
}

/* a3: no title, outlet, date or origin; a range and a non-integral value;
 * a figure placed at a location without coordinates. */
static void doc_a3(fx_doc *x) {
    const char *b = A3_BODY;
    memset(x, 0, sizeof *x);
    x->sm[0] = fx_mention(b, "white_helmets", "الدفاع المدني", "speaker");
    x->lm[0] = fx_mention(b, "douma", "دوما", NULL);
    x->lm[1] = fx_mention(b, "unknown_hill", "تلة مجهولة", NULL);
    x->lm[2] = fx_mention(b, "military_academy", "الأكاديمية العسكرية", NULL);
    x->f[0] = fx_figure(b, "عشرات المدنيين", "killed", "tens", true, 10);
    x->f[0].claimant_id = "white_helmets";
    x->f[0].location_id = "douma";
    x->f[0].subject_category = "civilians";
    x->f[1] = fx_figure(b, "نحو 1500 عائلة", "displaced", "about", true, 1500);
    x->f[1].claimant_id = "white_helmets";
    x->f[1].location_id = "douma";
    x->f[1].subject_category = "people";
    x->f[2] = fx_figure(b, "بين 30 و40 غارة", "airstrikes", "range", true, 30);
    x->f[2].value_max = 40;
    x->f[2].has_max = true;
    x->f[2].claimant_id = "white_helmets";
    x->f[3] = fx_figure(b, "2.5 طن", "count", "exact", true, 2.5);
    x->f[3].object = "طن من المتفجرات";
    x->f[3].subject_category = "munitions";
    x->f[3].location_id = "unknown_hill";
    x->d = (store_doc){.id = "a3",
                       .body = b,
                       .language = "ar",
                       .content_hash = "hash-a3",
                       .source_mentions = x->sm,
                       .n_source_mentions = 1,
                       .location_mentions = x->lm,
                       .n_location_mentions = 3,
                       .figures = x->f,
                       .n_figures = 4};
}

static void load_gazetteer(store *s) {
    cr_assert_eq(store_sync_locations(s, LOCATIONS, N_LOCATIONS), STORE_OK, "%s",
                 store_errmsg(s));
    cr_assert_eq(store_sync_sources(s, SOURCES, N_SOURCES), STORE_OK, "%s", store_errmsg(s));
}

static void load_all(store *s) {
    fx_doc x;
    load_gazetteer(s);
    doc_a1(&x);
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    doc_a2(&x);
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    doc_a3(&x);
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
}

/* ---- query helpers ---------------------------------------------------------- */

#define assert_ids(s, q, expected)                                                                \
    do {                                                                                          \
        char *ids_ = list_ids((s), (q));                                                          \
        cr_assert_str_eq(ids_, (expected));                                                       \
        free(ids_);                                                                               \
    } while (0)

/* The same query paged with limits 1, 2 and 500 must give the same ids. */
#define assert_ids_paged(s, q, expected)                                                          \
    do {                                                                                          \
        store_query qq_ = (q);                                                                    \
        static const int limits_[] = {1, 2, 500};                                                \
        for (size_t li_ = 0; li_ < 3; li_++) {                                                    \
            qq_.limit = limits_[li_];                                                             \
            assert_ids((s), qq_, (expected));                                                     \
        }                                                                                         \
    } while (0)

static json_t *get(store *s, store_resource r, const char *id) {
    json_t *o = NULL;
    store_status st = store_get(s, r, id, &o);
    cr_assert_eq(st, STORE_OK, "store_get %s: %s", id, store_errmsg(s));
    return o;
}

static int64_t data_version(store *s) {
    int64_t v = -1;
    cr_assert_eq(store_data_version(s, &v), STORE_OK, "%s", store_errmsg(s));
    return v;
}

static long long sql_int(const char *sql) {
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(fts_arabic_register(db), SQLITE_OK); /* the full-text tables need it */
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sqlite3_errmsg(db));
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void sql_exec(const char *sql) {
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                 SQLITE_OK);
    cr_assert_eq(fts_arabic_register(db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    cr_assert_eq(rc, SQLITE_OK, "%s", msg ? msg : "");
    sqlite3_free(msg);
    sqlite3_close(db);
}

/* The external-content full-text indexes agree with their tables. */
static void assert_fts_intact(void) {
    sql_exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
             "INSERT INTO figures_fts (figures_fts) VALUES ('integrity-check');"
             "INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')");
}

TestSuite(store, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

/* ---- opening --------------------------------------------------------------- */

/* row_counts, kept by triggers, against counting the rows. */
static void assert_row_counts(void) {
    static const char *const tables[] = {"articles", "figures", "sources", "locations"};
    for (size_t i = 0; i < 4; i++) {
        char sql[160];
        snprintf(sql, sizeof sql,
                 "SELECT (SELECT n FROM row_counts WHERE name = '%s') - (SELECT count(*) FROM %s)",
                 tables[i], tables[i]);
        cr_assert_eq(sql_int(sql), 0, "row_counts of %s is off", tables[i]);
    }
}

Test(store, create_sets_version_wal_and_reopens) {
    store *s = fx_open();
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), 5);
    cr_assert_eq(sql_int("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'"), 1);
    cr_assert_eq(sql_int("SELECT value FROM meta WHERE key = 'generation'"), 0);

    s = fx_open(); /* the schema is not applied twice */
    load_gazetteer(s);
    store_close(s);
    s = fx_open();
    json_t *o = get(s, RES_LOCATIONS, "aleppo");
    fx_assert_str(o, "name", "حلب");
    json_decref(o);
    store_close(s);
    cr_assert_eq(sql_int("SELECT count(*) FROM meta"), 1);
}

Test(store, read_only) {
    char err[256];
    cr_assert_null(store_open(fx_path, STORE_READONLY, 100, fx_schema, err, sizeof err),
                   "a missing database opens read-only");
    cr_assert(strlen(err) > 0);

    sql_exec("CREATE TABLE x (a)"); /* exists, but not ours */
    cr_assert_null(store_open(fx_path, STORE_READONLY, 100, fx_schema, err, sizeof err));
    cr_assert(strstr(err, "not an initialised") != NULL, "%s", err);
    cr_assert_null(store_open(fx_path, 0, 100, fx_schema, err, sizeof err));
    cr_assert(strstr(err, "not a marsad database") != NULL, "%s", err);
    sql_exec("DROP TABLE x");

    store *w = fx_open();
    load_all(w);
    store *r = store_open(fx_path, STORE_READONLY, 100, NULL, err, sizeof err);
    cr_assert_not_null(r, "%s", err);
    json_t *o = get(r, RES_ARTICLES, "a1");
    fx_assert_str(o, "id", "a1");
    json_decref(o);
    cr_assert_eq(store_sync_sources(r, SOURCES, 1), STORE_ERR);
    cr_assert(strstr(store_errmsg(r), "read-only") != NULL, "%s", store_errmsg(r));
    fx_doc x;
    doc_a1(&x);
    cr_assert_eq(store_put_document(r, &x.d), STORE_ERR);
    store_close(r);
    store_close(w);

    /* Also once the writer is gone (no -wal/-shm files left behind). */
    r = store_open(fx_path, STORE_READONLY, 100, NULL, err, sizeof err);
    cr_assert_not_null(r, "%s", err);
    store_page p;
    store_query q = query(RES_FIGURES);
    cr_assert_eq(store_list(r, &q, &p), STORE_OK, "%s", store_errmsg(r));
    cr_assert_eq(p.total, 9);
    store_page_free(&p);
    store_close(r);
}

/* A write that cannot get the lock within the busy timeout is STORE_BUSY,
 * and reads go on beside the writer (WAL). */
Test(store, busy_writer) {
    store *s = fx_open();
    load_all(s);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(fx_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "BEGIN IMMEDIATE; DELETE FROM figures WHERE article_id = 'a1'",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    char err[256];
    store *w = store_open(fx_path, 0, 50, fx_schema, err, sizeof err);
    cr_assert_not_null(w, "%s", err);
    cr_assert_eq(store_sync_sources(w, SOURCES, 1), STORE_BUSY, "%s", store_errmsg(w));
    fx_doc x;
    doc_a1(&x);
    cr_assert_eq(store_put_document(w, &x.d), STORE_BUSY);
    cr_assert_eq(store_delete_article(w, "a1"), STORE_BUSY);
    json_t *o = get(w, RES_ARTICLES, "a1"); /* the last committed state */
    cr_assert_eq(json_array_size(json_object_get(o, "figures")), 2);
    json_decref(o);
    cr_assert_eq(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    cr_assert_eq(store_delete_article(w, "a1"), STORE_OK, "%s", store_errmsg(w));
    store_close(w);
    store_close(s);
}

Test(store, newer_version_refused) {
    store_close(fx_open());
    sql_exec("PRAGMA user_version = 99");
    char err[256] = "";
    cr_assert_null(store_open(fx_path, 0, 100, fx_schema, err, sizeof err));
    cr_assert(strstr(err, "newer") != NULL, "%s", err);
    cr_assert_null(store_open(fx_path, STORE_READONLY, 100, NULL, err, sizeof err));
    cr_assert(strstr(err, "newer") != NULL, "%s", err);
}

/* tests/data/NAME (MARSAD_TEST_DATA names the folder), malloc'd. */
static char *test_data(const char *name) {
    const char *dir = getenv("MARSAD_TEST_DATA") ? getenv("MARSAD_TEST_DATA") : "tests/data";
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s: cannot open (run from the repository root)", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* A version 1 database (figures without area_id) is migrated forward on
 * open, keeping its rows. It is made from the version 2 schema
 * (tests/data/schema_v2.sql, schema.sql as it was then). */
Test(store, migrates_version_1_forward) {
    char *v2 = test_data("schema_v2.sql");
    const char *body = strchr(v2, '\n');
    cr_assert_not_null(body);
    char *v1 = strdup(body + 1);
    free(v2);
    char *col = strstr(v1, "area_id          TEXT REFERENCES locations (id),");
    cr_assert_not_null(col, "schema.sql changed: update this test");
    memset(col, ' ', strlen("area_id          TEXT REFERENCES locations (id),"));
    char *idx = strstr(v1, "CREATE INDEX figures_area");
    cr_assert_not_null(idx);
    memcpy(idx, "-- ", 3);
    sql_exec(v1);
    free(v1);
    sql_exec("PRAGMA user_version = 1");
    sql_exec("INSERT INTO locations (id, name, kind, lat, lon) VALUES ('x', 'س', 'city', 1, 2)");
    cr_assert_eq(sql_int("SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'area_id'"), 0);

    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), 5);
    cr_assert_eq(sql_int("SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'area_id'"), 1);
    /* version 2's index, replaced in version 4 */
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'figures_area'"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'figures_group'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'figures_fts'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE id = 'x'"), 1);
}

/* A version 2 database (articles_fts tokenised by unicode61, no figures_fts
 * or sources_fts) is migrated to 3: articles_fts rebuilt with marsad_ar,
 * the figures and sources indexed, their rows and fts_no kept or set. */
Test(store, migrates_version_2_forward) {
    char *v2 = test_data("schema_v2.sql");
    cr_assert(strncmp(v2, "-- version 2\n", 13) == 0);
    cr_assert_not_null(strstr(v2, "tokenize = 'unicode61 remove_diacritics 2'"));
    sql_exec(strchr(v2, '\n') + 1);
    free(v2);
    sql_exec("PRAGMA user_version = 2;"
             "INSERT INTO sources (id, name, name_en, kind) VALUES"
             " ('jaish', 'جيش الفتح', 'Army of Conquest', 'armed_group'),"
             " ('sana', 'سانا', 'SANA', 'outlet');"
             "INSERT INTO articles (id, doc_no, title, body, outlet_id) VALUES"
             " ('old1', 7, 'معارك حلب', 'قصفٌ عنيف على حلب وريفها، وقُتِلَ ١٢ مدنياً بحلب.', 'sana'),"
             " ('old2', 9, NULL, 'اشتباكات في إدلب.', NULL);"
             "INSERT INTO articles_fts (rowid, title, body) SELECT doc_no, title, body FROM articles;"
             "INSERT INTO figures (id, article_id, ordinal, value, qualifier, type, claimant_id,"
             " start, \"end\", span_text, quote) VALUES"
             " ('old1-f1', 'old1', 1, 12, 'exact', 'killed', 'jaish', 30, 40, 'قُتِلَ ١٢',"
             "  'وقُتِلَ ١٢ مدنياً بحلب.');");
    /* Under unicode61, بحلب and the Arabic-Indic digits are other words. */
    cr_assert_eq(sql_int("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '12'"), 0);

    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    cr_assert_eq(sql_int("PRAGMA user_version"), 5);
    cr_assert_not_null(strstr(fx_schema, "tokenize = 'marsad_ar'"));
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'"
                         " AND sql LIKE '%marsad_ar%'"),
                 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name IN ('figures_fts',"
                         " 'sources_fts', 'figures_fts_no', 'sources_fts_no')"),
                 4);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE fts_no IS NULL"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM sources WHERE fts_no IS NULL"), 0);
    assert_fts_intact();

    /* The old rows are found the new way: folded, stripped, stemmed. */
    static const struct {
        const char *q, *ids;
    } cases[] = {
        {"حلب", "old1"}, {"12", "old1"},   {"١٢", "old1"},  {"قتل", "old1"},
        {"ادلب", "old2"}, {"اشتباك", "old2"}, {"مدني", "old1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        store_query q = query(RES_ARTICLES);
        add_text(&q, "q", cases[i].q);
        char *ids = list_ids(s, q);
        cr_assert_str_eq(ids, cases[i].ids, "q=%s", cases[i].q);
        free(ids);
    }
    json_t *out = NULL;
    store_search_query sq = {.q = "بحلب", .kinds = STORE_SEARCH_FIGURES, .limit = 5};
    cr_assert_eq(store_search(s, &sq, &out), STORE_OK, "%s", store_errmsg(s));
    json_t *hit = json_array_get(json_object_get(out, "data"), 0);
    fx_assert_str(hit, "id", "old1-f1");
    json_decref(out);
    sq = (store_search_query){.q = "جيش", .kinds = STORE_SEARCH_SOURCES, .limit = 5};
    cr_assert_eq(store_search(s, &sq, &out), STORE_OK, "%s", store_errmsg(s));
    hit = json_array_get(json_object_get(out, "data"), 0);
    fx_assert_str(hit, "id", "jaish");
    json_decref(out);

    /* New rows after the migration take fts_no after the old ones. */
    load_gazetteer(s);
    fx_doc x;
    doc_a1(&x);
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    store_close(s);
    assert_fts_intact();
    cr_assert_eq(sql_int("SELECT count(DISTINCT fts_no) FROM figures"), 3);
}

/* A version 3 database (figures without period, no claim_cells) is
 * migrated to 4: each figure gets its article's month, and claim_cells
 * holds one row per compare group and claimant, built from the figures
 * there are; the triggers keep it from then on. */
Test(store, migrates_version_3_forward) {
    char *v3 = test_data("schema_v3.sql");
    cr_assert(strncmp(v3, "-- version 3\n", 13) == 0);
    sql_exec(strchr(v3, '\n') + 1);
    free(v3);
    sql_exec("PRAGMA user_version = 3;"
             "INSERT INTO sources (id, name, kind, fts_no) VALUES"
             " ('army', 'الجيش', 'military', 1), ('faction', 'فصيل', 'armed_group', 2);"
             "INSERT INTO locations (id, name, kind, lat, lon) VALUES ('gov', 'محافظة', 'governorate', 1, 2);"
             "INSERT INTO articles (id, doc_no, body, published_at) VALUES"
             " ('a', 1, 'نص', '2016-08-07T10:00:00Z'), ('b', 2, 'نص', NULL);"
             "INSERT INTO figures (id, article_id, ordinal, value, value_max, qualifier, type,"
             " subject_category, subject_side, claimant_id, area_id, start, \"end\", fts_no) VALUES"
             " ('a-f1', 'a', 1, 80, NULL, 'more_than', 'killed', 'combatants', 'government', 'faction', 'gov', 0, 1, 1),"
             " ('a-f2', 'a', 2, 20, NULL, 'exact', 'killed', 'combatants', 'government', 'faction', 'gov', 1, 2, 2),"
             " ('a-f3', 'a', 3, 100, 150, 'range', 'killed', 'combatants', 'government', 'army', 'gov', 2, 3, 3),"
             " ('b-f1', 'b', 1, 5, NULL, 'exact', 'killed', 'combatants', 'government', NULL, NULL, 0, 1, 4),"
             " ('b-f2', 'b', 2, 3, NULL, 'exact', 'count', NULL, NULL, NULL, NULL, 1, 2, 5);");
    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), 5);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE article_id = 'a' AND period = '2016-08'"), 3);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE article_id = 'b' AND period IS NULL"), 2);
    cr_assert_eq(sql_int("SELECT count(*) FROM claim_cells"), 3);
    cr_assert_eq(sql_int("SELECT n * 1000 + headline FROM claim_cells WHERE claimant_id = 'faction'"
                         " AND period = '2016-08' AND area_id = 'gov'"),
                 2080);
    cr_assert_eq(sql_int("SELECT headline FROM claim_cells WHERE claimant_id = 'army'"), 150);
    cr_assert_eq(sql_int("SELECT n FROM claim_cells WHERE claimant_id = '' AND area_id = ''"
                         " AND period = ''"),
                 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                         " AND name IN ('figures_cell_add', 'figures_cell_remove')"),
                 2);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                         " AND name IN ('figures_group', 'figures_type_value', 'claim_cells_area')"),
                 3);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'articles'"), 2);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures'"), 5);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'sources'"), 2);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'locations'"), 1);
    /* the triggers work on the migrated database */
    sql_exec("DELETE FROM figures WHERE id = 'a-f1'");
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures'"), 4);
    cr_assert_eq(sql_int("SELECT n * 1000 + headline FROM claim_cells WHERE claimant_id = 'faction'"),
                 1020);
}

Test(store, migrates_version_4_forward) {
    char *v4 = test_data("schema_v4.sql");
    cr_assert(strncmp(v4, "-- version 4\n", 13) == 0);
    sql_exec(strchr(v4, '\n') + 1);
    free(v4);
    sql_exec("PRAGMA user_version = 4;"
             "INSERT INTO sources (id, name, kind, fts_no) VALUES ('army', 'الجيش', 'military', 1);"
             "INSERT INTO locations (id, name, kind, lat, lon) VALUES"
             " ('gov', 'محافظة', 'governorate', 1, 2), ('city', 'مدينة', 'city', 1, 2);"
             "UPDATE locations SET parent_id = 'gov' WHERE id = 'city';"
             "INSERT INTO articles (id, doc_no, body) VALUES ('a', 1, 'نص');"
             "INSERT INTO figures (id, article_id, ordinal, value, qualifier, type,"
             " subject_category, subject_side, claimant_id, location_id, area_id, start, \"end\","
             " fts_no) VALUES"
             " ('a-f1', 'a', 1, 80, 'exact', 'killed', 'combatants', 'government', 'army', 'city',"
             " 'gov', 0, 1, 1);");
    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    /* the new index answers compare for the city */
    store_compare_query q = {.location = "city", .groups_limit = 10, .claims_limit = 5,
                             .min_claimants = 1};
    json_t *out = NULL;
    cr_assert_eq(store_compare(s, &q, &out), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_decref(out);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), 5);
    cr_assert_eq(sql_int("SELECT count(*) FROM pragma_index_info('figures_location')"), 10);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures INDEXED BY figures_location"
                         " WHERE location_id = 'city'"),
                 1);
}

Test(store, schema_text_checked) {
    char err[256] = "";
    cr_assert_null(store_open(fx_path, 0, 100, "-- version 99\nCREATE TABLE t (a);", err, sizeof err));
    cr_assert(strstr(err, "version") != NULL, "%s", err);
    cr_assert_null(store_open(fx_path, 0, 100, "CREATE TABLE t (a);", err, sizeof err));
    cr_assert_null(store_open(fx_path, 0, 100, NULL, err, sizeof err));
    store_close(NULL); /* fine */
}

/* ---- the catalogue ------------------------------------------------------------ */

static void assert_names(store_resource r, const char *expected) {
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

static void assert_sorts(store_resource r, const char *expected) {
    size_t n;
    char got[512] = "";
    size_t len = 0;
    const char *const *f = store_sort_fields(r, &n);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? " " : "", f[i]);
    cr_assert_str_eq(got, expected);
}

Test(store, catalogue) {
    assert_names(RES_ARTICLES, "outlet source location type q");
    assert_names(RES_SOURCES, "kind affiliation article parent");
    assert_names(RES_LOCATIONS, "article kind parent bbox near mentioned");
    assert_names(RES_FIGURES, "article type qualifier claimant location stance value__gte "
                              "value__lte subject_side subject_category");
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

Test(store, sync_upserts_and_bumps_generation_only_on_change) {
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

Test(store, location_and_source_shapes) {
    store *s = fx_open();
    load_all(s);
    json_t *o = get(s, RES_LOCATIONS, "hamdaniya");
    fx_assert_keys(o, "id,name,name_en,kind,lat,lon,approximate,parent,counts");
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
    fx_assert_keys(o, "id,name,name_en,kind,affiliation,parent,counts");
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

Test(store, article_shape) {
    store *s = fx_open();
    load_all(s);
    json_t *o = get(s, RES_ARTICLES, "a1");
    fx_assert_keys(o, "id,title,excerpt,outlet,url,published_at,language,n_chars,counts,body,figures,"
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
    fx_assert_keys(f, "id,article_id,value,value_max,qualifier,type,object,subject,claimant,"
                      "stance,location,span,quote,quote_span");
    fx_assert_str(f, "id", "a1-f1");
    fx_assert_str(f, "article_id", "a1");
    fx_assert_int(f, "value", 12); /* integral: a JSON integer */
    fx_assert_null(f, "value_max");
    fx_assert_str(f, "qualifier", "exact");
    fx_assert_str(f, "type", "killed");
    fx_assert_str(f, "object", "مدني");
    json_t *subj = json_object_get(f, "subject");
    fx_assert_keys(subj, "category,side");
    fx_assert_str(subj, "category", "civilians");
    fx_assert_null(subj, "side");
    json_t *cl = json_object_get(f, "claimant");
    fx_assert_keys(cl, "id,name,kind,affiliation");
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
    fx_assert_keys(l0, "id,name,name_en,kind,lat,lon,approximate,parent,counts,mentions");
    fx_assert_str(l0, "id", "hamdaniya");
    json_t *m = json_array_get(json_object_get(l0, "mentions"), 0);
    fx_assert_keys(m, "start,end,text");
    fx_assert_int(m, "start", fx_at(A1_BODY, "حي الحمدانية"));
    fx_assert_str(m, "text", "حي الحمدانية");
    fx_assert_str(json_array_get(locs, 1), "id", "aleppo");

    json_t *srcs = json_object_get(o, "sources");
    cr_assert_eq(json_array_size(srcs), 1);
    json_t *s0 = json_array_get(srcs, 0);
    fx_assert_keys(s0, "id,name,name_en,kind,affiliation,parent,counts,mentions");
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
    fx_assert_keys(o, "id,article_id,value,value_max,qualifier,type,object,subject,claimant,"
                      "stance,location,span,quote,quote_span");
    fx_assert_null(o, "value");
    fx_assert_str(o, "stance", "denied");
    fx_assert_str(o, "qualifier", "some");
    fx_assert_null(o, "location");
    fx_assert_str(json_object_get(o, "subject"), "side", "opposition");
    json_decref(o);
    store_close(s);
}

Test(store, figures_numbered_in_text_order) {
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

Test(store, replace_document) {
    store *s = fx_open();
    load_all(s);
    int64_t v = data_version(s);
    fx_doc x;
    doc_a2(&x);
    /* The new version: only the destroyed tanks, claimed by the spokesman
     * (a source the document introduces), no Jaish al-Fath. */
    store_source_rec intro[] = {
        {"new_agency", "وكالة جديدة", NULL, "agency", "unknown", NULL},
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
    assert_ids(s, q, "a2"); /* still in the body */
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
Test(store, failed_document_rolls_back) {
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
    store_source_rec intro = {"orphan", "يتيم", NULL, "person", "unknown", "no_parent"};
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

Test(store, delete_article) {
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

static bool collect_origin(void *ctx, const char *id, const char *origin) {
    char *buf = ctx;
    size_t n = strlen(buf);
    snprintf(buf + n, 256 - n, "%s=%s;", id, origin);
    return true;
}

static bool stop_at_first(void *ctx, const char *id, const char *origin) {
    (void)origin;
    (*(int *)ctx)++;
    return strcmp(id, "a1") != 0;
}

static bool delete_each(void *ctx, const char *id, const char *origin) {
    (void)origin;
    cr_assert_eq(store_delete_article(ctx, id), STORE_OK, "%s", store_errmsg(ctx));
    return true;
}

Test(store, hash_and_origins) {
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

/* ---- filters ---------------------------------------------------------------------- */

Test(store, article_filters) {
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
static char *facet_counts(store *s, store_query q, size_t facet) {
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
    json_array_foreach(values, i, v) {
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
Test(store, article_facets_count_the_null_bucket) {
    store *s = fx_open();
    load_all(s);
    fx_doc x;
    memset(&x, 0, sizeof x);
    const char *b4 = "أصيب 5 أشخاص في حادث سير على الطريق العام.";
    x.f[0] = fx_figure(b4, "أصيب 5", "injured", "exact", true, 5);
    x.d = (store_doc){.id = "a4", .body = b4, .language = "ar", .content_hash = "hash-a4",
                      .figures = x.f, .n_figures = 1};
    cr_assert_eq(store_put_document(s, &x.d), STORE_OK, "%s", store_errmsg(s));
    memset(&x, 0, sizeof x);
    x.d = (store_doc){.id = "a5", .body = "لم ترد أنباء عن ضحايا اليوم.", .language = "ar",
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

Test(store, article_search) {
    store *s = fx_open();
    load_all(s);
    static const struct {
        const char *q, *ids;
    } cases[] = {
        {"الحمدانية", "a1"},
        {"حلب", "a1"},           /* in the title and the body */
        {"إدلب", "a2"},
        {"دوما", "a3"},
        {"جيش", "a2"},           /* جيش الفتح, and الجيش with its article stripped */
        {"الجيش", "a2"},
        {"بحلب", "a1"},          /* the tokenizer (db/fts_arabic.h): proclitics, */
        {"حَلَب", "a1"},          /* harakat, */
        {"الجيـــش", "a2"},       /* tatweel, */
        {"ادلب", "a2"},          /* hamza, */
        {"دبابة", "a2"},         /* singular for plural (دبابات), */
        {"١٥٠", "a2"},           /* Arabic-Indic digits */
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

    static const char *const bad[] = {"\"غير مغلق", "AND", "حلب AND", "nosuchcolumn:حلب", "(حلب",
                                      "", "NEAR(", "*"};
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

Test(store, source_filters) {
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

Test(store, location_filters) {
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
    assert_ids(s, q, "aleppo damascus douma hamdaniya idlib_gov military_academy saraqib "
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

Test(store, figure_filters) {
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

/* ---- sorts ------------------------------------------------------------------------- */

Test(store, sorts_with_nulls_and_mixed_directions) {
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
        {RES_FIGURES, {"-value"},
         "a3-f2 a2-f1 a3-f3 a1-f2 a1-f1 a3-f1 a2-f2 a3-f4 a2-f3"},
        {RES_FIGURES, {"value"},
         "a2-f3 a3-f4 a2-f2 a3-f1 a1-f1 a1-f2 a3-f3 a2-f1 a3-f2"},
        /* Ties by id in the last field's direction: within an article too. */
        {RES_FIGURES, {"-article"},
         "a3-f4 a3-f3 a3-f2 a3-f1 a2-f3 a2-f2 a2-f1 a1-f2 a1-f1"},
        {RES_FIGURES, {"article", "-value"},
         "a1-f2 a1-f1 a2-f1 a2-f2 a2-f3 a3-f2 a3-f3 a3-f1 a3-f4"},
        {RES_FIGURES, {"-article", "value"},
         "a3-f4 a3-f1 a3-f3 a3-f2 a2-f3 a2-f2 a2-f1 a1-f1 a1-f2"},
        {RES_FIGURES, {"-id"}, "a3-f4 a3-f3 a3-f2 a3-f1 a2-f3 a2-f2 a2-f1 a1-f2 a1-f1"},
        {RES_LOCATIONS, {"name_en"},
         "douma military_academy unknown_hill aleppo aleppo_gov damascus hamdaniya idlib "
         "idlib_gov saraqib syria"},
        {RES_LOCATIONS, {"-n_mentions", "-name_en"},
         "saraqib idlib_gov hamdaniya damascus aleppo unknown_hill military_academy douma syria "
         "idlib aleppo_gov"},
        {RES_SOURCES, {"-n_figures", "name"},
         "white_helmets syrian_army sohr jaish_alfath army_spokesman sana smart"},
        {RES_SOURCES, {"n_mentions", "-id"},
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

Test(store, bad_cursors) {
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

    static const char *const garbage[] = {"", "!!!!", "abc", "AAAAAAAAAAAAAAAAAAAA",
                                          "eyJ0ZXN0IjoxfQ", "a b c", "====="};
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

/* ---- versions, limits, meta -------------------------------------------------------- */

Test(store, data_version_across_handles) {
    store *a = fx_open();
    store *b = fx_open();
    load_gazetteer(b);
    int64_t v0 = data_version(a);
    cr_assert_eq(v0, data_version(b));
    fx_doc x;
    doc_a1(&x);
    cr_assert_eq(store_put_document(b, &x.d), STORE_OK, "%s", store_errmsg(b));
    int64_t v1 = data_version(a);
    cr_assert_neq(v1, v0);
    /* a sees b's write in reads too */
    json_t *o = get(a, RES_ARTICLES, "a1");
    json_decref(o);
    cr_assert_eq(store_delete_article(a, "a1"), STORE_OK);
    cr_assert_neq(data_version(b), v1);
    store_close(a);
    store_close(b);
}

Test(store, time_limit_interrupts_reads) {
    store *s = fx_open();
    load_all(s);
    /* A long chain under Syria makes the "places inside" walk slow. */
    enum { N = 30000 };
    store_location_rec *chain = calloc(N, sizeof *chain);
    char(*ids)[16] = calloc(N, sizeof *ids);
    cr_assert(chain && ids);
    for (int i = 0; i < N; i++) {
        snprintf(ids[i], sizeof ids[i], "c%05d", i);
        chain[i] = (store_location_rec){ids[i], "قرية", NULL, "village",
                                        i ? ids[i - 1] : "syria", 35.0, 38.0, false};
    }
    cr_assert_eq(store_sync_locations(s, chain, N), STORE_OK, "%s", store_errmsg(s));
    free(chain);
    free(ids);

    store_query q = query(RES_FIGURES);
    add_text(&q, "location", "syria");
    store_page p;
    store_set_time_limit(s, 1);
    cr_assert_eq(store_list(s, &q, &p), STORE_BUSY, "%s", store_errmsg(s));
    cr_assert(strstr(store_errmsg(s), "time limit") != NULL, "%s", store_errmsg(s));
    cr_assert_null(p.data);
    store_set_time_limit(s, 0);
    assert_ids(s, q, "a1-f1 a1-f2 a2-f1 a2-f2 a3-f1 a3-f2");
    store_set_time_limit(s, 60000);
    assert_ids(s, q, "a1-f1 a1-f2 a2-f1 a2-f2 a3-f1 a3-f2");
    store_close(s);
}

Test(store, meta) {
    store *s = fx_open();
    load_all(s);
    json_t *m = NULL;
    cr_assert_eq(store_meta(s, &m), STORE_OK, "%s", store_errmsg(s));
    fx_assert_keys(m, "schema_version,sqlite_version,generation,counts");
    fx_assert_int(m, "schema_version", 5);
    fx_assert_str(m, "sqlite_version", sqlite3_libversion());
    fx_assert_int(m, "generation", data_version(s));
    json_t *c = json_object_get(m, "counts");
    fx_assert_keys(c, "articles,figures,sources,locations,source_mentions,location_mentions");
    fx_assert_int(c, "articles", 3);
    fx_assert_int(c, "figures", 9);
    fx_assert_int(c, "sources", N_SOURCES);
    fx_assert_int(c, "locations", N_LOCATIONS);
    fx_assert_int(c, "source_mentions", 5);
    fx_assert_int(c, "location_mentions", 8);
    json_decref(m);
    store_close(s);
}
