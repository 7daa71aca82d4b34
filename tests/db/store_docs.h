/* store_docs.h — the small hand-made Arabic fixture the store's tests
 * share (test_store_open.c, test_store_read.c, test_store_filters.c): a
 * gazetteer, a source list, three documents, and query and SQL helpers.
 * Header-only (static inline) like store_fixture.h.
 */
#ifndef MARSAD_TESTS_STORE_DOCS_H
#define MARSAD_TESTS_STORE_DOCS_H

#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>

#include "db/fts_arabic.h"
#include "tests/db/store_fixture.h"

/* ---- the fixture ---------------------------------------------------------- */

__attribute__((unused)) static const store_location_rec LOCATIONS[] = {
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

__attribute__((unused)) static const store_source_rec SOURCES[] = {
    {"sana", "سانا", "SANA", "outlet", "government", NULL, NULL},
    {"smart", "سمارت", "SMART News", "outlet", "opposition", NULL, NULL},
    {"syrian_army", "الجيش السوري", "Syrian Army", "military", "government", NULL, NULL},
    {"jaish_alfath", "جيش الفتح", "Army of Conquest", "armed_group", "opposition", NULL, NULL},
    {"sohr", "المرصد السوري لحقوق الإنسان", "SOHR", "ngo", "independent", NULL, NULL},
    {"white_helmets", "الدفاع المدني", "White Helmets", "civil_defence", "opposition", NULL, NULL},
    {"army_spokesman", "المتحدث باسم الجيش", NULL, "role", "government", "syrian_army", NULL},
};
#define N_SOURCES (sizeof SOURCES / sizeof SOURCES[0])

__attribute__((unused)) static const char A1_BODY[] =
    "قتل 12 مدنيا وأصيب أكثر من 20 آخرين في قصف على حي الحمدانية في "
    "مدينة حلب، بحسب المرصد السوري لحقوق الإنسان.";
__attribute__((unused)) static const char A2_BODY[] =
    "دمشق - سانا: أعلن الجيش السوري مقتل 150 مسلحا في ريف إدلب وتدمير "
    "3 دبابات قرب سراقب. من جهته نفى جيش الفتح سقوط قتلى في صفوفه.";
__attribute__((unused)) static const char A3_BODY[] =
    "قال الدفاع المدني إن عشرات المدنيين قتلوا في غارات جوية على "
    "دوما، وإن نحو 1500 عائلة نزحت من المدينة. ونفذت الطائرات بين 30 "
    "و40 غارة، وألقت 2.5 طن من المتفجرات على تلة مجهولة قرب الأكاديمية "
    "العسكرية.";

/* Each document's arrays live in one of these so a test may edit them. */
typedef struct fx_doc {
    store_doc d;
    store_mention sm[8], lm[8];
    store_figure_rec f[8];
} fx_doc;

static inline void doc_a1(fx_doc *x)
{
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
static inline void doc_a2(fx_doc *x)
{
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
static inline void doc_a3(fx_doc *x)
{
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

static inline void load_gazetteer(store *s)
{
    cr_assert_eq(store_sync_locations(s, LOCATIONS, N_LOCATIONS), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_sync_sources(s, SOURCES, N_SOURCES), STORE_OK, "%s", store_errmsg(s));
}

static inline void load_all(store *s)
{
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

#define assert_ids(s, q, expected)          \
    do {                                    \
        char *ids_ = list_ids((s), (q));    \
        cr_assert_str_eq(ids_, (expected)); \
        free(ids_);                         \
    } while (0)

/* The same query paged with limits 1, 2 and 500 must give the same ids. */
#define assert_ids_paged(s, q, expected)          \
    do {                                          \
        store_query qq_ = (q);                    \
        static const int limits_[] = {1, 2, 500}; \
        for (size_t li_ = 0; li_ < 3; li_++) {    \
            qq_.limit = limits_[li_];             \
            assert_ids((s), qq_, (expected));     \
        }                                         \
    } while (0)

static inline json_t *get(store *s, store_resource r, const char *id)
{
    json_t *o = NULL;
    store_status st = store_get(s, r, id, &o);
    cr_assert_eq(st, STORE_OK, "store_get %s: %s", id, store_errmsg(s));
    return o;
}

static inline int64_t data_version(store *s)
{
    int64_t v = -1;
    cr_assert_eq(store_data_version(s, &v), STORE_OK, "%s", store_errmsg(s));
    return v;
}

static inline long long sql_int(const char *sql)
{
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

static inline void sql_exec(const char *sql)
{
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
static inline void assert_fts_intact(void)
{
    sql_exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
             "INSERT INTO figures_fts (figures_fts) VALUES ('integrity-check');"
             "INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')");
}

/* row_counts, kept by triggers, against counting the rows. */
static inline void assert_row_counts(void)
{
    static const char *const tables[] = {"articles", "figures", "sources", "locations"};
    for (size_t i = 0; i < 4; i++) {
        char sql[160];
        snprintf(sql, sizeof sql,
                 "SELECT (SELECT n FROM row_counts WHERE name = '%s') - (SELECT count(*) FROM %s)",
                 tables[i], tables[i]);
        cr_assert_eq(sql_int(sql), 0, "row_counts of %s is off", tables[i]);
    }
}

#endif
