/* test_store_open.c — opening the store (db/store.c): creating, read-only
 * and busy handles, refusing a newer database, the forward migrations from
 * each earlier schema (tests/data/schema_v*.sql), the schema text check;
 * data versions across handles, the time limit on reads, meta. Every test
 * works in its own mkdtemp folder.
 */
#include "db/store_int.h" /* STORE_SCHEMA_VERSION */
#include "tests/db/store_docs.h"

#include <sys/stat.h>

TestSuite(store_open, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

/* ---- opening --------------------------------------------------------------- */

Test(store_open, create_sets_version_wal_and_reopens)
{
    store *s = fx_open();
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
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

Test(store_open, read_only)
{
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
Test(store_open, busy_writer)
{
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

Test(store_open, newer_version_refused)
{
    store_close(fx_open());
    sql_exec("PRAGMA user_version = 99");
    char err[256] = "";
    cr_assert_null(store_open(fx_path, 0, 100, fx_schema, err, sizeof err));
    cr_assert(strstr(err, "newer") != NULL, "%s", err);
    cr_assert_null(store_open(fx_path, STORE_READONLY, 100, NULL, err, sizeof err));
    cr_assert(strstr(err, "newer") != NULL, "%s", err);
}

/* tests/data/NAME (MARSAD_TEST_DATA names the folder), malloc'd. */
static char *test_data(const char *name)
{
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

/* Applies tests/data/schema_vN.sql, the schema as it was at that version,
 * to the test database and marks it with that version. */
static void apply_old_schema(int version)
{
    char name[32], line[32];
    snprintf(name, sizeof name, "schema_v%d.sql", version);
    int n = snprintf(line, sizeof line, "-- version %d\n", version);
    char *old = test_data(name);
    cr_assert(strncmp(old, line, (size_t)n) == 0, "%s starts with its version line", name);
    sql_exec(old + n);
    free(old);
    char pragma[48];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", version);
    sql_exec(pragma);
}

/* A version 1 database (figures without area_id) is migrated forward on
 * open, keeping its rows. It is made from the version 2 schema
 * (tests/data/schema_v2.sql, schema.sql as it was then). */
Test(store_open, migrates_version_1_forward)
{
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
    cr_assert_eq(
        sql_int("SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'area_id'"), 0);

    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    cr_assert_eq(
        sql_int("SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'area_id'"), 1);
    /* version 2's index, replaced in version 4 */
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'figures_area'"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'figures_group'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'figures_fts'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE id = 'x'"), 1);
}

/* A version 2 database (articles_fts tokenised by unicode61, no figures_fts
 * or sources_fts) is migrated to 3: articles_fts rebuilt with marsad_ar,
 * the figures and sources indexed, their rows and fts_no kept or set. */
Test(store_open, migrates_version_2_forward)
{
    char *v2 = test_data("schema_v2.sql");
    cr_assert(strncmp(v2, "-- version 2\n", 13) == 0);
    cr_assert_not_null(strstr(v2, "tokenize = 'unicode61 remove_diacritics 2'"));
    sql_exec(strchr(v2, '\n') + 1);
    free(v2);
    sql_exec(
        "PRAGMA user_version = 2;"
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
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
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
        {"حلب", "old1"},  {"12", "old1"},     {"١٢", "old1"},   {"قتل", "old1"},
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
Test(store_open, migrates_version_3_forward)
{
    apply_old_schema(3);
    sql_exec("INSERT INTO sources (id, name, kind, fts_no) VALUES"
             " ('army', 'الجيش', 'military', 1), ('faction', 'فصيل', 'armed_group', 2);"
             "INSERT INTO locations (id, name, kind, lat, lon) VALUES ('gov', 'محافظة', "
             "'governorate', 1, 2);"
             "INSERT INTO articles (id, doc_no, body, published_at) VALUES"
             " ('a', 1, 'نص', '2016-08-07T10:00:00Z'), ('b', 2, 'نص', NULL);"
             "INSERT INTO figures (id, article_id, ordinal, value, value_max, qualifier, type,"
             " subject_category, subject_side, claimant_id, area_id, start, \"end\", fts_no) VALUES"
             " ('a-f1', 'a', 1, 80, NULL, 'more_than', 'killed', 'combatants', 'government', "
             "'faction', 'gov', 0, 1, 1),"
             " ('a-f2', 'a', 2, 20, NULL, 'exact', 'killed', 'combatants', 'government', "
             "'faction', 'gov', 1, 2, 2),"
             " ('a-f3', 'a', 3, 100, 150, 'range', 'killed', 'combatants', 'government', 'army', "
             "'gov', 2, 3, 3),"
             " ('b-f1', 'b', 1, 5, NULL, 'exact', 'killed', 'combatants', 'government', NULL, "
             "NULL, 0, 1, 4),"
             " ('b-f2', 'b', 2, 3, NULL, 'exact', 'count', NULL, NULL, NULL, NULL, 1, 2, 5);");
    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    cr_assert_eq(
        sql_int("SELECT count(*) FROM figures WHERE article_id = 'a' AND period = '2016-08'"), 3);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE article_id = 'b' AND period IS NULL"),
                 2);
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
    cr_assert_eq(
        sql_int("SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                " AND name IN ('figures_group', 'figures_type_value', 'claim_cells_area')"),
        3);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'articles'"), 2);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures'"), 5);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'sources'"), 2);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'locations'"), 1);
    /* the triggers work on the migrated database */
    sql_exec("DELETE FROM figures WHERE id = 'a-f1'");
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures'"), 4);
    cr_assert_eq(
        sql_int("SELECT n * 1000 + headline FROM claim_cells WHERE claimant_id = 'faction'"), 1020);
}

Test(store_open, migrates_version_4_forward)
{
    apply_old_schema(4);
    sql_exec("INSERT INTO sources (id, name, kind, fts_no) VALUES ('army', 'الجيش', 'military', 1);"
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
    store_compare_query q = {
        .location = "city", .groups_limit = 10, .claims_limit = 5, .min_claimants = 1};
    json_t *out = NULL;
    cr_assert_eq(store_compare(s, &q, &out), STORE_OK, "%s", store_errmsg(s));
    cr_assert_eq(json_integer_value(json_object_get(out, "total")), 1);
    json_decref(out);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    cr_assert_eq(sql_int("SELECT count(*) FROM pragma_index_info('figures_location')"), 12);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures INDEXED BY figures_location"
                         " WHERE location_id = 'city'"),
                 1);
}

Test(store_open, migrates_version_5_forward)
{
    apply_old_schema(5);
    sql_exec("INSERT INTO articles (id, doc_no, body) VALUES ('a', 1, 'نص');"
             "INSERT INTO figures (id, article_id, ordinal, value, qualifier, type, start, \"end\","
             " fts_no) VALUES ('a-f1', 'a', 1, 80, 'exact', 'killed', 0, 1, 1);");
    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    /* the figure is kept; breakdowns and updates are empty until re-extraction */
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE id = 'a-f1' AND part_of IS NULL"
                         " AND supersedes IS NULL AND date_start IS NULL AND cause IS NULL"),
                 1);
}

/* Through every step since 6: locations rebuilt, formats and copies, and a
 * quote of 1,000 code points (a sentence of "كلمة ", 5 each) around a
 * figure at 500..510 cut to the 400 centred on it, the rest kept. */
Test(store_open, migrates_version_6_forward)
{
    apply_old_schema(6);
    sql_exec(
        "INSERT INTO locations (id, name, name_en, kind, lat, lon) VALUES"
        " ('gov', 'محافظة حلب', 'Aleppo Governorate', 'governorate', 36.2, 37.1),"
        " ('city', 'حلب', 'Aleppo', 'city', 36.2, 37.16);"
        "UPDATE locations SET parent_id = 'gov', n_mentions = 1 WHERE id = 'city';"
        "UPDATE row_counts SET n = 2 WHERE name = 'locations';"
        "INSERT INTO articles (id, doc_no, body, origin) VALUES ('a', 1, 'في حلب', 'seeds/a.txt');"
        "INSERT INTO articles (id, doc_no, body) VALUES ('api-1', 2, 'نص آخر');"
        "INSERT INTO location_mentions (article_id, location_id, start, \"end\", text)"
        " VALUES ('a', 'city', 3, 6, 'حلب');"
        "INSERT INTO figures (id, article_id, ordinal, value, qualifier, type, location_id,"
        " area_id, start, \"end\", fts_no) VALUES"
        " ('a-f1', 'a', 1, 80, 'exact', 'killed', 'city', 'gov', 0, 1, 1);"
        "INSERT INTO figures (id, article_id, ordinal, value, qualifier, type, start, \"end\","
        " quote_start, quote_end, quote, fts_no) VALUES"
        " ('a-f2', 'a', 2, 80, 'exact', 'killed', 500, 510, 0, 1000,"
        "  (WITH RECURSIVE w(n, t) AS (SELECT 1, 'كلمة ' UNION ALL"
        "   SELECT n + 1, t || 'كلمة ' FROM w WHERE n < 200) SELECT t FROM w WHERE n = 200), 2),"
        " ('a-f3', 'a', 3, 3, 'exact', 'killed', 1000, 1001, 1000, 1010, 'جملة قصيرة', 3);"
        "INSERT INTO figures_fts (figures_fts) VALUES ('rebuild');");
    cr_assert_eq(sql_int("SELECT length(quote) FROM figures WHERE id = 'a-f2'"), 1000);
    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    /* every location is kept, as a resolved one, with what refers to it */
    cr_assert_eq(
        sql_int("SELECT count(*) FROM locations WHERE resolved = 1 AND fts_no IS NOT NULL"), 2);
    cr_assert_eq(sql_int("SELECT count(*) FROM locations WHERE id = 'city' AND parent_id = 'gov'"
                         " AND n_mentions = 1 AND lat = 36.2"),
                 1);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'locations'"), 2);
    cr_assert_eq(sql_int("SELECT count(*) FROM location_mentions WHERE location_id = 'city'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE location_id = 'city'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    /* the names are in the full-text index; the new kinds are allowed */
    cr_assert_eq(sql_int("SELECT count(*) FROM locations_fts WHERE locations_fts MATCH 'aleppo'"),
                 2);
    sql_exec(
        "INSERT INTO locations (id, name, kind, resolved) VALUES ('u-1', 'الكرامة', 'camp', 0)");
    /* the triggers that count locations are back */
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'locations'"), 3);
    /* a file's article was a .txt, the others came through the API */
    cr_assert_eq(sql_int("SELECT count(*) FROM articles WHERE id = 'a' AND format = 'txt'"), 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM articles WHERE id = 'api-1' AND format = 'api'"), 1);
    /* no SimHash until extracted again, so no copies */
    cr_assert_eq(sql_int("SELECT count(*) FROM article_copies"), 0);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE id = 'a-f2' AND quote_cut = 1"
                         " AND quote_start = 305 AND quote_end = 705 AND length(quote) = 400"),
                 1);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE id = 'a-f3' AND quote_cut = 0"
                         " AND quote = 'جملة قصيرة' AND quote_start = 1000 AND quote_end = 1010"),
                 1);
    /* the full-text index holds the cut quote, as a fresh import would */
    sql_exec("INSERT INTO figures_fts (figures_fts, rank) VALUES ('integrity-check', 1)");
    cr_assert_eq(sql_int("SELECT count(*) FROM figures_fts WHERE figures_fts MATCH 'كلمة'"), 1);
}

/* A migration's writes are copied from the WAL into the database before
 * store_open returns: the -wal file is empty while the store is open. */
Test(store_open, migration_leaves_no_wal_behind)
{
    apply_old_schema(6);
    sql_exec("PRAGMA journal_mode = WAL;");
    store *s = fx_open();
    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", fx_path);
    struct stat st;
    cr_assert_eq(stat(wal, &st), 0, "the WAL file is there while the store is open");
    cr_assert_eq(st.st_size, 0);
    store_close(s);
}

/* The indexes, views and triggers of the database at path, with their SQL,
 * one per line in name order. */
static char *objects_of(const char *path)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT group_concat(type || ' ' || name || ': ' || sql,"
                                    " char(10)) FROM (SELECT * FROM sqlite_schema"
                                    " WHERE type IN ('index', 'view', 'trigger')"
                                    " AND sql IS NOT NULL ORDER BY name)",
                                    -1, &st, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    char *out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    cr_assert_not_null(out);
    return out;
}

/* A database migrated from version 6 has every index, view and trigger of
 * a new one, each as schema.sql now spells it: a migration that changes an
 * object recreates it. (Tables are left out: ALTER TABLE spells the columns
 * it adds its own way.) */
Test(store_open, migrated_objects_are_the_new_ones)
{
    apply_old_schema(6);
    store *s = fx_open();
    store_close(s);
    char fresh_path[400], err[256] = "";
    snprintf(fresh_path, sizeof fresh_path, "%s/other.db", fx_dir);
    s = store_open(fresh_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    char *migrated = objects_of(fx_path), *fresh = objects_of(fresh_path);
    cr_assert_str_eq(migrated, fresh);
    free(migrated);
    free(fresh);
}

/* quick_check finds nothing in a sound file; random bytes over a page in
 * the middle are named (one line), and a budget of 0 means none. */
Test(store_open, check_finds_damage_mid_file)
{
    store *s = fx_open();
    load_all(s);
    char problem[256];
    cr_assert_eq(store_check(s, 0, problem, sizeof problem), STORE_OK, "%s", problem);
    cr_assert_eq(store_check(s, 5000, problem, sizeof problem), STORE_OK, "%s", problem);
    store_close(s);
    long long pages = sql_int("PRAGMA page_count"), size = sql_int("PRAGMA page_size");
    FILE *f = fopen(fx_path, "r+b");
    cr_assert(f);
    cr_assert_eq(fseek(f, (long)(pages / 2 * size), SEEK_SET), 0);
    for (long long i = 0; i < size; i++)
        fputc((int)((i * 151 + 7) % 251), f);
    fclose(f);
    s = fx_open();
    cr_assert_eq(store_check(s, 0, problem, sizeof problem), STORE_CORRUPT);
    cr_assert(problem[0] && !strchr(problem, '\n'), "one line: %s", problem);
    store_close(s);
}

/* The budget holds for the page walk, which SQLite runs inside one step of
 * quick_check: 40 MB of overflow pages in a few rows, so that little else
 * runs after the walk, take far longer than 1 ms, and the check is left
 * unfinished (STORE_BUSY) rather than run whole; the store is usable after.
 * A server then opens a large file at once. */
Test(store_open, check_stops_at_its_budget)
{
    store *s = fx_open();
    store_close(s);
    sql_exec("CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
             " SELECT i + 1 FROM n WHERE i < 40) INSERT INTO filler SELECT randomblob(1000000)"
             " FROM n");
    s = fx_open();
    char problem[256];
    cr_assert_eq(store_check(s, 1, problem, sizeof problem), STORE_BUSY, "%s", problem);
    cr_assert_eq(store_article_count(s), 0, "usable after: %s", store_errmsg(s));
    cr_assert_eq(store_check(s, 0, problem, sizeof problem), STORE_OK, "%s", problem);
    store_close(s);
}

/* Version 6 forward: blocs on sources and figures (NULL until re-extraction)
 * and claim_cells rebuilt from compare_keys, with the side where no bloc
 * is known; the triggers that keep it work on the migrated database. */
Test(store_open, migrates_version_6_forward_blocs_and_compare_keys)
{
    apply_old_schema(6);
    sql_exec(
        "INSERT INTO sources (id, name, kind, fts_no) VALUES"
        " ('army', 'الجيش', 'military', 1), ('faction', 'فصيل', 'armed_group', 2);"
        "INSERT INTO locations (id, name, kind, lat, lon) VALUES ('gov', 'محافظة', 'governorate', "
        "1, 2);"
        "INSERT INTO articles (id, doc_no, body, published_at) VALUES"
        " ('a', 1, 'نص', '2016-08-07T10:00:00Z');"
        "INSERT INTO figures (id, article_id, ordinal, value, qualifier, type, subject_category,"
        " subject_side, claimant_id, area_id, period, part_of, date_start, date_end,"
        " date_precision, start, \"end\", fts_no) VALUES"
        " ('a-f1', 'a', 1, 80, 'exact', 'killed', 'combatants', 'government', 'faction', 'gov',"
        " '2016-08', NULL, '2016-07-30', '2016-07-30', 'day', 0, 1, 1),"
        " ('a-f2', 'a', 2, 20, 'exact', 'killed', 'combatants', 'government', 'faction', 'gov',"
        " '2016-08', 'a-f1', '2016-07-30', '2016-07-30', 'day', 1, 2, 2),"
        " ('a-f3', 'a', 3, 200, 'exact', 'killed', 'combatants', 'government', 'army', 'gov',"
        " '2016-08', NULL, NULL, NULL, NULL, 2, 3, 3);");
    cr_assert_eq(sql_int("SELECT count(*) FROM claim_cells"), 2);
    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    cr_assert_eq(sql_int("SELECT count(*) FROM sources WHERE bloc IS NULL"), 2);
    cr_assert_eq(sql_int("SELECT count(*) FROM figures WHERE subject_bloc IS NULL"
                         " AND subject_party IS NULL"),
                 3);
    /* the month is the event date's: the faction's cell is July's; its
     * headline leaves the part out */
    cr_assert_eq(sql_int("SELECT n * 1000 + headline FROM claim_cells WHERE claimant_id = 'faction'"
                         " AND period = '2016-07' AND side = 'government' AND bloc = ''"),
                 2080);
    cr_assert_eq(sql_int("SELECT headline FROM claim_cells WHERE claimant_id = 'army'"
                         " AND period = '2016-08'"),
                 200);
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name IN ('compare_keys',"
                         " 'figures_group', 'figures_cell_add', 'figures_cell_remove',"
                         " 'figures_date')"),
                 5);
    sql_exec("DELETE FROM figures WHERE id = 'a-f1'");
    cr_assert_eq(sql_int("SELECT n * 1000 + coalesce(headline, 0) FROM claim_cells"
                         " WHERE claimant_id = 'faction'"),
                 1000);
    sql_exec("INSERT INTO figures (id, article_id, ordinal, value, qualifier, type,"
             " subject_category, subject_bloc, claimant_id, area_id, start, \"end\", fts_no)"
             " VALUES ('a-f4', 'a', 4, 90, 'exact', 'killed', 'combatants', 'sy.government',"
             " 'army', 'gov', 3, 4, 4)");
    cr_assert_eq(sql_int("SELECT headline FROM claim_cells WHERE claimant_id = 'army'"
                         " AND bloc = 'sy.government' AND side = ''"),
                 90);
}

/* Version 6 forward: the kept counts behind list totals are filled. */
Test(store_open, migrates_version_6_forward_kept_counts)
{
    apply_old_schema(6);
    sql_exec(
        "INSERT INTO locations (id, name, kind, lat, lon) VALUES ('p', 'مكان', 'city', 36, 37);"
        "INSERT INTO sources (id, name, kind, fts_no) VALUES ('o', 'منفذ', 'outlet', 1);"
        "INSERT INTO articles (id, doc_no, body, outlet_id) VALUES ('a', 1, 'نص', 'o');"
        "INSERT INTO figures (id, article_id, ordinal, value, qualifier, type, location_id,"
        " start, \"end\", fts_no) VALUES ('a-f1', 'a', 1, 80, 'exact', 'killed', 'p', 0, 1, 1),"
        " ('a-f2', 'a', 2, 3, 'exact', 'killed', NULL, 2, 3, 2);");
    char err[256] = "";
    store *s = store_open(fx_path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    store_close(s);
    cr_assert_eq(sql_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    /* the kept counts start from the rows already there, and follow them */
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures?type=killed'"), 2);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures?location=p'"), 1);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'articles?outlet=o'"), 1);
    sql_exec("DELETE FROM figures WHERE id = 'a-f1';");
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures?type=killed'"), 1);
    cr_assert_eq(sql_int("SELECT n FROM row_counts WHERE name = 'figures?location=p'"), 0);
    /* the sources' counts are the triggers' from now on: an article counts
     * once however often it names a source */
    sql_exec("INSERT INTO source_mentions (article_id, source_id, start, \"end\")"
             " VALUES ('a', 'o', 0, 1), ('a', 'o', 2, 3);");
    cr_assert_eq(sql_int("SELECT n_mentions * 10 + n_articles FROM sources WHERE id = 'o'"), 21);
    sql_exec("DELETE FROM source_mentions WHERE start = 0;");
    cr_assert_eq(sql_int("SELECT n_mentions * 10 + n_articles FROM sources WHERE id = 'o'"), 11);
    sql_exec("DELETE FROM source_mentions;");
    cr_assert_eq(sql_int("SELECT n_mentions * 10 + n_articles FROM sources WHERE id = 'o'"), 0);
}

Test(store_open, schema_text_checked)
{
    char err[256] = "";
    cr_assert_null(
        store_open(fx_path, 0, 100, "-- version 99\nCREATE TABLE t (a);", err, sizeof err));
    cr_assert(strstr(err, "version") != NULL, "%s", err);
    cr_assert_null(store_open(fx_path, 0, 100, "CREATE TABLE t (a);", err, sizeof err));
    cr_assert_null(store_open(fx_path, 0, 100, NULL, err, sizeof err));
    store_close(NULL); /* fine */
}

/* ---- versions, limits, meta -------------------------------------------------------- */

Test(store_open, data_version_across_handles)
{
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

Test(store_open, time_limit_interrupts_reads)
{
    store *s = fx_open();
    load_all(s);
    /* A long chain under Syria makes the "places inside" walk slow. */
    enum { N = 30000 };
    store_location_rec *chain = calloc(N, sizeof *chain);
    char(*ids)[16] = calloc(N, sizeof *ids);
    cr_assert(chain && ids);
    for (int i = 0; i < N; i++) {
        snprintf(ids[i], sizeof ids[i], "c%05d", i);
        chain[i] = (store_location_rec){ids[i], "قرية", NULL, "village", i ? ids[i - 1] : "syria",
                                        35.0,   38.0,   false};
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

Test(store_open, meta)
{
    store *s = fx_open();
    load_all(s);
    json_t *m = NULL;
    cr_assert_eq(store_meta(s, &m), STORE_OK, "%s", store_errmsg(s));
    fx_assert_keys(m, "schema_version,sqlite_version,generation,counts");
    fx_assert_int(m, "schema_version", STORE_SCHEMA_VERSION);
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
