/* test_store_write.c — the write path of db/store_write.c on documents
 * larger than store_docs.h's fixture: figures and mentions in multi-row
 * INSERTs (one per table, several past STORE_ROWS_MAX rows), the row a
 * failed INSERT is reported by, counts worked out from the document against
 * the rows counted, and sources whose upsert changes nothing.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>

#include "db/fts_arabic.h"
#include "tests/db/store_fixture.h"

static const store_location_rec LOCS[] = {
    {"syria", "سوريا", "Syria", "country", NULL, 35.0, 38.5, true},
    {"aleppo_gov", "محافظة حلب", NULL, "governorate", "syria", 36.2, 37.15, true},
    {"aleppo", "حلب", "Aleppo", "city", "aleppo_gov", 36.2, 37.13, false},
    {"idlib", "إدلب", "Idlib", "city", "syria", 35.93, 36.63, false},
    {"douma", "دوما", NULL, "town", "syria", 33.57, 36.4, false},
};
static const store_source_rec SRCS[] = {
    {"sana", "سانا", "SANA", "outlet", "government", NULL, NULL},
    {"sohr", "المرصد السوري", "SOHR", "ngo", "independent", NULL, NULL},
    {"army", "الجيش السوري", NULL, "military", "government", NULL, NULL},
    {"fath", "جيش الفتح", NULL, "armed_group", "opposition", NULL, NULL},
};
#define N_OF(a) (sizeof(a) / sizeof(a)[0])

static const char BODY[] = "قتل 12 مدنيا في حلب وأصيب 30 آخرون في إدلب بحسب المرصد السوري، "
                           "وأعلن الجيش السوري تدمير 4 دبابات قرب دوما.";

static const char *const TYPES[] = {"killed", "injured", "destroyed", "count"};
static const char *const QUALS[] = {"exact", "about", "at_least"};

/* A document of nf figures, ns source and nl location mentions, each row
 * with ids taken in turn from the lists above (so refs repeat), spans given
 * in reverse text order. */
typedef struct big_doc {
    store_doc d;
    store_figure_rec f[64];
    store_mention sm[64], lm[64];
} big_doc;

static void make_doc(big_doc *x, const char *id, size_t nf, size_t ns, size_t nl)
{
    memset(x, 0, sizeof *x);
    cr_assert(nf <= 64 && ns <= 64 && nl <= 64);
    for (size_t i = 0; i < nf; i++) {
        store_figure_rec *f = &x->f[i];
        f->has_value = i % 5 != 0;
        f->value = (double)(i + 1);
        f->qualifier = QUALS[i % N_OF(QUALS)];
        f->type = TYPES[i % N_OF(TYPES)];
        f->subject_category = i % 2 ? "civilians" : NULL;
        f->claimant_id = i % 3 ? SRCS[i % N_OF(SRCS)].id : NULL;
        f->stance = i % 7 ? "claimed" : "denied";
        f->location_id = LOCS[i % N_OF(LOCS)].id;
        f->area_id = "aleppo_gov";
        f->start = (uint32_t)(200 - 2 * i);
        f->end = f->start + 1;
        f->span_text = "12";
        f->quote_start = 0;
        f->quote_end = 40;
        f->quote = i % 2 ? "قتل 12 مدنيا في حلب" : "وأعلن الجيش السوري تدمير 4 دبابات";
    }
    for (size_t i = 0; i < ns; i++)
        x->sm[i] = (store_mention){SRCS[(i * 7) % N_OF(SRCS)].id, (uint32_t)i, (uint32_t)i + 3,
                                   "سانا", i % 4 ? "mentioned" : "speaker"};
    for (size_t i = 0; i < nl; i++)
        x->lm[i] = (store_mention){LOCS[(i * 3) % N_OF(LOCS)].id, (uint32_t)i, (uint32_t)i + 2,
                                   "حلب", NULL};
    x->d = (store_doc){.id = id,
                       .title = "عنوان",
                       .body = BODY,
                       .outlet_id = "sana",
                       .published_at = "2016-08-03",
                       .language = "ar",
                       .content_hash = id,
                       .source_mentions = x->sm,
                       .n_source_mentions = ns,
                       .location_mentions = x->lm,
                       .n_location_mentions = nl,
                       .figures = x->f,
                       .n_figures = nf};
}

static sqlite3 *raw_open(void)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    return db;
}

static long long sql_int(const char *sql)
{
    sqlite3 *db = raw_open();
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sqlite3_errmsg(db));
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* Every kept count equals the rows counted. */
static void assert_counts_recounted(void)
{
    static const char *const checks[] = {
        "SELECT count(*) FROM articles a WHERE n_figures <>"
        " (SELECT count(*) FROM figures WHERE article_id = a.id)"
        " OR n_locations <> (SELECT count(DISTINCT location_id) FROM location_mentions"
        "                    WHERE article_id = a.id)"
        " OR n_sources <> (SELECT count(DISTINCT source_id) FROM source_mentions"
        "                  WHERE article_id = a.id)",
        "SELECT count(*) FROM sources s WHERE n_mentions <>"
        " (SELECT count(*) FROM source_mentions WHERE source_id = s.id)"
        " OR n_figures <> (SELECT count(*) FROM figures WHERE claimant_id = s.id)"
        " OR n_articles <> (SELECT count(DISTINCT article_id) FROM source_mentions"
        "                   WHERE source_id = s.id)",
        ("SELECT count(*) FROM locations l WHERE n_mentions <>"
         " (SELECT count(*) FROM location_mentions WHERE location_id = l.id)"),
    };
    for (size_t i = 0; i < N_OF(checks); i++)
        cr_assert_eq(sql_int(checks[i]), 0, "counts off: %s", checks[i]);
}

static store *open_loaded(void)
{
    store *s = fx_open();
    cr_assert_eq(store_sync_locations(s, LOCS, N_OF(LOCS)), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_sync_sources(s, SRCS, N_OF(SRCS)), STORE_OK, "%s", store_errmsg(s));
    return s;
}

TestSuite(store_write, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

/* Row counts that use every chunk size and leave remainders. */
Test(store_write, many_rows_stored_whole_and_counted)
{
    store *s = open_loaded();
    static const size_t sizes[][3] = {{0, 0, 0},    {1, 1, 1},    {5, 4, 3},
                                      {16, 17, 15}, {37, 64, 21}, {64, 33, 64}};
    big_doc *x = malloc(sizeof *x);
    cr_assert_not_null(x);
    for (size_t k = 0; k < N_OF(sizes); k++) {
        char id[16];
        snprintf(id, sizeof id, "d%zu", k);
        make_doc(x, id, sizes[k][0], sizes[k][1], sizes[k][2]);
        cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM figures WHERE article_id = '%s'", id);
        cr_assert_eq(sql_int(sql), (long long)sizes[k][0]);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM source_mentions WHERE article_id = '%s'",
                 id);
        cr_assert_eq(sql_int(sql), (long long)sizes[k][1]);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM location_mentions WHERE article_id = '%s'",
                 id);
        cr_assert_eq(sql_int(sql), (long long)sizes[k][2]);
    }
    /* The figures were given in reverse text order: f1 is the last given. */
    cr_assert_eq(sql_int("SELECT value FROM figures WHERE id = 'd4-f1'"), 37);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE id <> article_id || '-f' || ordinal"),
                 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE period IS NOT '2016-08'"), 0);
    cr_assert_eq(sql_int("SELECT count(DISTINCT fts_no) - count(*) FROM figures"), 0);
    cr_assert_eq(sql_int("SELECT max(fts_no) - count(*) FROM figures"), 0);
    long long denied = 0, speakers = 0; /* as make_doc gives them */
    for (size_t k = 0; k < N_OF(sizes); k++) {
        denied += (long long)(sizes[k][0] + 6) / 7;
        speakers += (long long)(sizes[k][1] + 3) / 4;
    }
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE stance = 'denied'"), denied);
    cr_assert_eq(sql_int("SELECT count(*) FROM source_mentions WHERE role = 'speaker'"), speakers);
    assert_counts_recounted();

    /* Replaced by a smaller and then a larger version, counts follow. */
    make_doc(x, "d4", 3, 2, 1);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    assert_counts_recounted();
    make_doc(x, "d4", 40, 50, 60);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    assert_counts_recounted();
    cr_assert_eq(store_delete_article(s, "d5"), STORE_OK, "%s", store_errmsg(s));
    assert_counts_recounted();
    /* /v1/meta's counts, summed from the kept ones, are the rows' own. */
    json_t *m = NULL;
    cr_assert_eq(store_meta(s, &m), STORE_OK, "%s", store_errmsg(s));
    json_t *c = json_object_get(m, "counts");
    static const char *const tables[] = {"articles", "figures", "source_mentions",
                                         "location_mentions"};
    for (size_t i = 0; i < N_OF(tables); i++) {
        char sql[80];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
        cr_assert_eq(json_integer_value(json_object_get(c, tables[i])), sql_int(sql), "%s",
                     tables[i]);
    }
    /* d1 to d3 as made, d4 as replaced last, d5 gone: 1 + 4 + 17 + 50 */
    cr_assert_eq(json_integer_value(json_object_get(c, "source_mentions")), 72);
    json_decref(m);
    free(x);
    store_close(s);
}

/* A bad row inside a multi-row INSERT: nothing of the document stays, and
 * the error names that row, as when each row was a statement of its own. */
Test(store_write, failed_row_named_and_rolled_back)
{
    store *s = open_loaded();
    big_doc *x = malloc(sizeof *x);
    cr_assert_not_null(x);
    make_doc(x, "bad", 40, 40, 40);
    x->f[30].claimant_id = "ghost"; /* given 31st, so 10th in text order */
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    cr_assert(strstr(store_errmsg(s),
                     "figure 30 (type destroyed, claimant ghost, location syria)") != NULL,
              "%s", store_errmsg(s));
    cr_assert(strstr(store_errmsg(s), "FOREIGN KEY") != NULL, "%s", store_errmsg(s));

    make_doc(x, "bad", 40, 40, 40);
    x->f[3].qualifier = "lots";
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    cr_assert(strstr(store_errmsg(s), "figure 3 (type count") != NULL, "%s", store_errmsg(s));
    cr_assert(strstr(store_errmsg(s), "CHECK") != NULL, "%s", store_errmsg(s));

    make_doc(x, "bad", 40, 40, 40);
    x->sm[21].ref_id = "nobody";
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    cr_assert(strstr(store_errmsg(s), "source mention 21 (nobody)") != NULL, "%s", store_errmsg(s));

    make_doc(x, "bad", 40, 40, 40);
    x->lm[39].ref_id = "atlantis";
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    cr_assert(strstr(store_errmsg(s), "location mention 39 (atlantis)") != NULL, "%s",
              store_errmsg(s));

    cr_assert_eq(sql_int("SELECT count(*) FROM articles"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM source_mentions"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM location_mentions"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM claim_cells"), 0);
    cr_assert_eq(sql_int("SELECT sum(n_mentions + n_figures + n_articles) FROM sources"), 0);

    /* In a batch, the failed document goes and the others stay. */
    cr_assert_eq(store_batch_begin(s), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "good1", 20, 20, 20);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "bad", 20, 20, 20);
    x->f[19].location_id = "atlantis";
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    make_doc(x, "good2", 20, 20, 20);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_batch_end(s), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT count(*) FROM figures"), 40);
    cr_assert_eq(sql_int("SELECT count(*) FROM articles WHERE id = 'bad'"), 0);
    assert_counts_recounted();

    /* A source whose parent is stored nowhere breaks a deferred key, which
     * SQLite checks only at the batch's commit: the document is refused on
     * its own, and the batch around it commits. */
    store_source_rec orphan = {"medics", "مصادر طبية",   NULL, "anonymous",
                               NULL,     "no-such-body", NULL};
    cr_assert_eq(store_batch_begin(s), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "good3", 20, 20, 20);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "orphaned", 20, 20, 20);
    x->d.sources = &orphan;
    x->d.n_sources = 1;
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    cr_assert(strstr(store_errmsg(s), "FOREIGN KEY") != NULL, "%s", store_errmsg(s));
    cr_assert(store_batch_open(s));
    make_doc(x, "good4", 20, 20, 20);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_batch_end(s), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT count(*) FROM articles WHERE id IN ('good3', 'good4')"), 2);
    cr_assert_eq(sql_int("SELECT count(*) FROM articles WHERE id = 'orphaned'"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM sources WHERE id = 'medics'"), 0);
    assert_counts_recounted();
    free(x);
    store_close(s);
}

/* A document may restate a source exactly as stored (nothing changes, the
 * generation included) or change it (stored, reindexed by name). */
Test(store_write, restated_and_changed_sources)
{
    store *s = open_loaded();
    int64_t v0 = 0, v1 = 0;
    cr_assert_eq(store_data_version(s, &v0), STORE_OK);
    cr_assert_eq(store_sync_sources(s, SRCS, N_OF(SRCS)), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_data_version(s, &v1), STORE_OK);
    cr_assert_eq(v1, v0, "an unchanged source list bumped the generation");

    big_doc *x = malloc(sizeof *x);
    cr_assert_not_null(x);
    store_source_rec again[] = {
        {"sohr", "المرصد السوري", "SOHR", "ngo", NULL, NULL,
         NULL}, /* NULL affiliation: 'unknown' */
        {"army", "الجيش السوري", NULL, "military", "government", NULL, NULL},
    };
    make_doc(x, "d1", 4, 4, 4);
    x->d.sources = again;
    x->d.n_sources = 2;
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT affiliation = 'unknown' FROM sources WHERE id = 'sohr'"), 1);
    cr_assert_eq(sql_int("SELECT affiliation = 'government' FROM sources WHERE id = 'army'"), 1);

    store_source_rec renamed = {"army", "القوات المسلحة", NULL, "military", "government", NULL,
                                NULL};
    make_doc(x, "d2", 4, 4, 4);
    x->d.sources = &renamed;
    x->d.n_sources = 1;
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    store_search_query q = {.q = "القوات", .limit = 10, .kinds = STORE_SEARCH_SOURCES};
    json_t *out = NULL;
    cr_assert_eq(store_search(s, &q, &out), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(out, "counts"), "source")), 1);
    json_decref(out);
    assert_counts_recounted();
    free(x);
    store_close(s);
}

/* ---- places the gazetteer lacks --------------------------------------------- */

static sqlite3 *fts_check_open(void)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    cr_assert_eq(fts_arabic_register(db), SQLITE_OK);
    return db;
}

static void expect_ids(store *s, store_query q, const char *want)
{
    char *got = list_ids(s, q);
    cr_expect_str_eq(got, want);
    free(got);
}

/* A document's unresolved places: stored without coordinates as resolved
 * false, once for every article that names them, never over a row that
 * exists; listed, searched and counted like the gazetteer's, left out of
 * maps. */
Test(store_write, unresolved_places_stored_once_and_kept)
{
    store *s = open_loaded();
    big_doc *x = malloc(sizeof *x);
    cr_assert_not_null(x);
    store_location_rec camp = {"u-1", "مخيم الأمل", NULL, "camp", NULL, NAN, NAN, false};
    make_doc(x, "d1", 2, 2, 2);
    x->lm[2] = (store_mention){"u-1", 50, 55, "الأمل", NULL};
    x->d.n_location_mentions = 3;
    x->d.locations = &camp;
    x->d.n_locations = 1;
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE id = 'u-1' AND resolved = 0"
                         " AND kind = 'camp' AND lat IS NULL AND lon IS NULL AND n_mentions = 1"),
                 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE resolved = 1"),
                 (long long)N_OF(LOCS));

    /* a second article names it otherwise: the first row stays */
    store_location_rec again = {"u-1", "مخيمِ الأمل", NULL, "village", NULL, NAN, NAN, false};
    make_doc(x, "d2", 1, 1, 0);
    x->lm[0] = (store_mention){"u-1", 50, 55, "الأمل", NULL};
    x->d.n_location_mentions = 1;
    x->d.locations = &again;
    x->d.n_locations = 1;
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE id = 'u-1' AND kind = 'camp'"
                         " AND name = 'مخيم الأمل' AND n_mentions = 2"),
                 1);
    /* nor may an article turn a gazetteer place into an unresolved one */
    store_location_rec over = {"idlib", "إدلب", NULL, "other", NULL, NAN, NAN, false};
    make_doc(x, "d3", 1, 1, 1);
    x->d.locations = &over;
    x->d.n_locations = 1;
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE id = 'idlib' AND resolved = 1"
                         " AND kind = 'city' AND lat IS NOT NULL"),
                 1);
    assert_counts_recounted();

    store_query q = query(RES_LOCATIONS);
    add_text(&q, "resolved", "false");
    expect_ids(s, q, "u-1");
    q = query(RES_LOCATIONS);
    add_text(&q, "q", "الامل");
    expect_ids(s, q, "u-1");
    q = query(RES_LOCATIONS);
    add_text(&q, "q", "Aleppo");
    expect_ids(s, q, "aleppo");
    q = query(RES_LOCATIONS);
    add_nums(&q, "bbox", -180, -90, 180, 90);
    char *boxed = list_ids(s, q);
    cr_assert_null(strstr(boxed, "u-1"), "an unresolved place on a map: %s", boxed);
    free(boxed);
    /* /v1/search finds places by their English names too */
    store_search_query sq = {.q = "Aleppo", .limit = 10, .kinds = STORE_SEARCH_LOCATIONS};
    json_t *out = NULL;
    cr_assert_eq(store_search(s, &sq, &out), STORE_OK, "%s", store_errmsg(s));
    json_t *hit = json_array_get(json_object_get(out, "data"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(hit, "id")), "aleppo");
    cr_expect_str_eq(json_string_value(json_object_get(hit, "kind")), "location");
    cr_expect_str_eq(json_string_value(json_object_get(hit, "name")), "حلب");
    cr_expect(json_is_true(json_object_get(hit, "resolved")));
    json_decref(out);

    /* it goes with the last article that names it, out of the index too;
     * gazetteer places stay unmentioned */
    cr_assert_eq(store_delete_article(s, "d1"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT n_mentions FROM locations WHERE id = 'u-1'"), 1);
    make_doc(x, "d2", 1, 1, 0); /* d2 again, without the camp */
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE id = 'u-1'"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM locations"), (long long)N_OF(LOCS));
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'locations'"),
                 (long long)N_OF(LOCS));
    sq = (store_search_query){.q = "الامل", .limit = 10, .kinds = STORE_SEARCH_LOCATIONS};
    cr_assert_eq(store_search(s, &sq, &out), STORE_OK, "%s", store_errmsg(s));
    cr_expect_eq(json_integer_value(json_object_get(out, "total")), 0);
    json_decref(out);
    sqlite3 *db = fts_check_open();
    cr_assert_eq(
        sqlite3_exec(db, "INSERT INTO locations_fts (locations_fts) VALUES ('integrity-check')",
                     NULL, NULL, NULL),
        SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    assert_counts_recounted();
    free(x);
    store_close(s);
}

/* ---- full-text rows at a batch's end -------------------------------------- */

static sqlite3 *fts_open(void)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    cr_assert_eq(fts_arabic_register(db), SQLITE_OK);
    return db;
}

/* The row count an FTS5 table keeps for bm25: the first varint of its
 * averages record (id 1 of its _data table). */
static long long fts_rows(sqlite3 *db, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT block FROM %s_data WHERE id = 1", table);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sqlite3_errmsg(db));
    const unsigned char *p = sqlite3_column_blob(st, 0);
    int n = sqlite3_column_bytes(st, 0);
    unsigned long long v = 0;
    for (int i = 0; i < n && i < 9; i++) {
        if (i == 8) {
            v = (v << 8) | p[i];
            break;
        }
        v = (v << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80))
            break;
    }
    sqlite3_finalize(st);
    return (long long)v;
}

/* The indexes agree with their tables, and hold each row once. */
static void assert_fts_exact(void)
{
    sqlite3 *db = fts_open();
    cr_assert_eq(fts_rows(db, "articles_fts"), sql_int("SELECT count(*) FROM articles"));
    cr_assert_eq(fts_rows(db, "figures_fts"), sql_int("SELECT count(*) FROM figures"));
    char *msg = NULL;
    int rc = sqlite3_exec(db,
                          "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
                          "INSERT INTO figures_fts (figures_fts) VALUES ('integrity-check');"
                          "INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')",
                          NULL, NULL, &msg);
    cr_assert_eq(rc, SQLITE_OK, "%s", msg ? msg : "");
    static const char *const same[] = {
        "SELECT (SELECT count(*) FROM articles_fts_docsize) - (SELECT count(*) FROM articles)",
        "SELECT (SELECT count(*) FROM figures_fts_docsize) - (SELECT count(*) FROM figures)",
        "SELECT count(*) FROM articles a WHERE NOT EXISTS"
        " (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.doc_no)",
        "SELECT count(*) FROM figures f WHERE NOT EXISTS"
        " (SELECT 1 FROM figures_fts_docsize d WHERE d.id = f.fts_no)",
    };
    for (size_t i = 0; i < N_OF(same); i++) {
        sqlite3_stmt *st = NULL;
        cr_assert_eq(sqlite3_prepare_v2(db, same[i], -1, &st, NULL), SQLITE_OK, "%s",
                     sqlite3_errmsg(db));
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        cr_assert_eq(sqlite3_column_int64(st, 0), 0, "%s", same[i]);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
}

/* Articles and figures found by a full-text query. */
static long long hits(store *s, unsigned kinds, const char *q)
{
    store_search_query sq = {.q = q, .limit = 100, .kinds = kinds};
    json_t *out = NULL;
    cr_assert_eq(store_search(s, &sq, &out), STORE_OK, "%s", store_errmsg(s));
    long long n = json_integer_value(json_object_get(out, "total"));
    json_decref(out);
    return n;
}

/* Within a batch: new articles, replaced ones (stored before the batch and
 * within it), a deleted one, failed documents (one that had replaced the
 * article of the highest doc_no, which then comes back); after it, each row
 * is in its index exactly once, and searches find what is stored. */
Test(store_write, batch_indexes_at_its_end)
{
    store *s = open_loaded();
    big_doc *x = malloc(sizeof *x);
    cr_assert_not_null(x);
    for (int k = 0; k < 3; k++) { /* before the batch: indexed at once */
        char id[16];
        snprintf(id, sizeof id, "p%d", k);
        make_doc(x, id, 5, 3, 2);
        cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    }
    assert_fts_exact();

    cr_assert_eq(store_batch_begin(s), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "p2", 4, 2, 2);    /* the highest doc_no, replaced... */
    x->f[3].claimant_id = "ghost"; /* ...by a version that fails */
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    make_doc(x, "b0", 6, 2, 2);
    x->d.title = "كلمةفريدة";
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "p0", 7, 2, 2); /* stored before the batch */
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "b0", 3, 2, 2); /* stored within the batch */
    x->d.title = "عنوانثان";
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "b1", 2, 1, 1);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_delete_article(s, "b1"), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_delete_article(s, "p1"), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "b2", 1, 1, 1);
    x->f[0].quote = "نصفريد في حلب";
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "b3", 2, 1, 1);
    x->sm[0].ref_id = "nobody"; /* fails after b2 */
    cr_assert_eq(store_put_document(s, &x->d), STORE_ERR);
    cr_assert_eq(store_batch_end(s), STORE_OK, "%s", store_errmsg(s));

    assert_fts_exact();
    cr_assert_eq(sql_int("SELECT count(*) FROM articles"), 4); /* p0 p2 b0 b2 */
    cr_assert_eq(hits(s, STORE_SEARCH_ARTICLES, "كلمةفريدة"), 0);
    cr_assert_eq(hits(s, STORE_SEARCH_ARTICLES, "عنوانثان"), 1);
    cr_assert_eq(hits(s, STORE_SEARCH_FIGURES, "نصفريد"), 1);
    cr_assert_eq(hits(s, STORE_SEARCH_ARTICLES, "عنوان"), 3);
    cr_assert_eq(hits(s, STORE_SEARCH_FIGURES, "دبابات"),
                 sql_int("SELECT count(*) FROM figures WHERE quote LIKE '%دبابات%'"));

    /* A second batch on top, and a document outside any batch. */
    cr_assert_eq(store_batch_begin(s), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "b2", 3, 1, 1);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "c0", 33, 1, 1);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(store_batch_end(s), STORE_OK, "%s", store_errmsg(s));
    make_doc(x, "c1", 2, 1, 1);
    cr_assert_eq(store_put_document(s, &x->d), STORE_OK, "%s", store_errmsg(s));
    assert_fts_exact();
    cr_assert_eq(hits(s, STORE_SEARCH_FIGURES, "نصفريد"), 0);
    cr_assert_eq(hits(s, STORE_SEARCH_ARTICLES, "عنوان"), 5); /* all but b0 */
    assert_counts_recounted();
    free(x);
    store_close(s);
}
