/* test_store_bulk.c — a bulk import (store_bulk_begin / store_bulk_end)
 * leaves the database a plain import leaves: the same indexes and
 * triggers, the same counts, the same full-text rows; cut short, it is
 * finished by the next read-write open; meanwhile nobody else reads it.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "db/fts_arabic.h"
#include "store_docs.h"
#include "store_fixture.h"

TestSuite(store_bulk, .init = fx_setup, .fini = fx_teardown, .timeout = 60);

static void put(store *s, const store_doc *d)
{
    cr_assert_eq(store_put_document(s, d), STORE_OK, "%s", store_errmsg(s));
}

/* The same writes for every database of these tests: three articles, the
 * third naming a place the gazetteer lacks, then that article replaced
 * without the place and with a figure fewer (the place goes with its last
 * mention), and the first deleted. */
static void write_all(store *s)
{
    fx_doc x;
    load_gazetteer(s);
    doc_a1(&x);
    put(s, &x.d);
    doc_a2(&x);
    put(s, &x.d);
    store_location_rec camp = {"u-1", "مخيم الأمل", NULL, "camp", NULL, NAN, NAN, false};
    doc_a3(&x);
    x.lm[3] = (store_mention){"u-1", 2, 6, "تلة", NULL};
    x.d.n_location_mentions = 4;
    x.d.locations = &camp;
    x.d.n_locations = 1;
    put(s, &x.d);
    doc_a3(&x);
    x.d.content_hash = "hash-a3-2";
    x.d.n_figures = 3;
    put(s, &x.d);
    cr_assert_eq(store_delete_article(s, "a1"), STORE_OK, "%s", store_errmsg(s));
}

/* Everything the deferred triggers keep (counts, compare's cells and
 * groups), and the schema's objects, as text. */
static char *state_of(const char *path)
{
    static const char *const parts[] = {
        "SELECT group_concat(name || '=' || n, ' ') FROM"
        " (SELECT * FROM row_counts WHERE n > 0 ORDER BY name)",
        "SELECT group_concat(id || ':' || n_mentions || '/' || n_articles || '/' || n_figures, ' ')"
        " FROM (SELECT * FROM sources ORDER BY id)",
        "SELECT group_concat(id || ':' || n_mentions || '/' || resolved, ' ')"
        " FROM (SELECT * FROM locations ORDER BY id)",
        "SELECT group_concat(type || ',' || category || ',' || bloc || ',' || side || ',' ||"
        " area_id || ',' || period || ',' || object || ',' || claimant_id || ',' || n || ',' ||"
        " coalesce(headline, '-'), ' ') FROM (SELECT * FROM claim_cells ORDER BY 1, 2, 3, 4, 5,"
        " 6, 7, 8)",
        "SELECT group_concat(type || ',' || category || ',' || bloc || ',' || side || ',' ||"
        " area_id || ',' || period || ',' || object || ',' || n_claimants || ',' || n_figures, ' ')"
        " FROM (SELECT * FROM claim_groups ORDER BY 1, 2, 3, 4, 5,"
        " 6, 7)",
        "SELECT group_concat(type || ' ' || name || ': ' || sql, char(10)) FROM"
        " (SELECT * FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name)",
        "SELECT group_concat(key, ' ') FROM (SELECT key FROM meta WHERE key <> 'generation')",
    };
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    size_t cap = 1 << 16, len = 0;
    char *out = calloc(1, cap);
    cr_assert_not_null(out);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        sqlite3_stmt *st;
        cr_assert_eq(sqlite3_prepare_v2(db, parts[i], -1, &st, NULL), SQLITE_OK, "%s",
                     sqlite3_errmsg(db));
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        const char *v = (const char *)sqlite3_column_text(st, 0);
        int n = snprintf(out + len, cap - len, "%s\n", v ? v : "(none)");
        cr_assert(n > 0 && (size_t)n < cap - len, "state_of: grow the buffer");
        len += (size_t)n;
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

/* The reference: the same writes without a bulk import, in other.db. */
static char *plain_state(void)
{
    char path[400], err[256] = "";
    snprintf(path, sizeof path, "%s/other.db", fx_dir);
    store *s = store_open(path, 0, 100, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    write_all(s);
    store_close(s);
    return state_of(path);
}

/* The test database opened for a bulk import, and the import begun. */
static store *begin_bulk(void)
{
    store *s = fx_open_flags(STORE_BULK);
    cr_assert_eq(store_bulk_begin(s), STORE_OK, "%s", store_errmsg(s));
    return s;
}

static void assert_full_text_intact(void)
{
    assert_fts_intact();
    sql_exec("INSERT INTO locations_fts (locations_fts) VALUES ('integrity-check')");
}

Test(store_bulk, ends_as_a_plain_import_does)
{
    char *plain = plain_state();
    store *s = begin_bulk();
    write_all(s);
    cr_assert_eq(store_bulk_end(s), STORE_OK, "%s", store_errmsg(s));
    char *bulk = state_of(fx_path);
    cr_assert_str_eq(bulk, plain);
    cr_assert(strstr(bulk, "u-1") == NULL, "the place named by no article is gone");
    assert_full_text_intact();
    assert_row_counts();
    /* plain writes after it keep the counts again */
    static const char killed[] = "SELECT n FROM row_counts WHERE name = 'figures?type=killed'";
    long long before = sql_int(killed);
    fx_doc x;
    doc_a1(&x);
    put(s, &x.d);
    cr_assert_eq(sql_int(killed), before + 1);
    store_close(s);
    free(bulk);
    free(plain);
}

/* kill -9 between the two: the next read-write open finishes the work; a
 * read-only one refuses the half-built database until then. */
Test(store_bulk, cut_short_is_finished_by_the_next_open)
{
    char *plain = plain_state();
    store *s = begin_bulk();
    write_all(s);
    store_close(s); /* no store_bulk_end: as if the process died */

    char err[256] = "";
    cr_assert_null(store_open(fx_path, STORE_READONLY, 100, NULL, err, sizeof err));
    cr_assert(strstr(err, "bulk import") != NULL, "%s", err);

    s = fx_open();
    cr_assert(store_finished_bulk(s));
    store_close(s);
    char *finished = state_of(fx_path);
    cr_assert_str_eq(finished, plain);
    assert_full_text_intact();
    s = fx_open();
    cr_assert_not(store_finished_bulk(s), "finished once");
    store_close(s);
    free(finished);
    free(plain);
}

/* A bulk import cut short by a binary of the schema before (16: the
 * mentions' by-article indexes without their text) is migrated
 * and finished by the next open, and ends as a plain import does. */
Test(store_bulk, cut_short_at_the_version_before_is_migrated_and_finished)
{
    char *plain = plain_state();
    store *s = begin_bulk();
    write_all(s);
    store_close(s);
    sql_exec("DROP INDEX source_mentions_article; DROP INDEX location_mentions_article;"
             "CREATE INDEX source_mentions_article ON source_mentions"
             " (article_id, source_id, start, \"end\");"
             "CREATE INDEX location_mentions_article ON location_mentions"
             " (article_id, location_id, start, \"end\");"
             "PRAGMA user_version = 16;");

    s = fx_open();
    cr_assert(store_finished_bulk(s));
    store_close(s);
    char *finished = state_of(fx_path);
    cr_assert_str_eq(finished, plain);
    assert_full_text_intact();
    free(finished);
    free(plain);
}

/* Opened for a bulk import, an unfinished one goes on as it was: nothing is
 * built only to be dropped again. */
Test(store_bulk, cut_short_goes_on_under_another_bulk_import)
{
    char *plain = plain_state();
    store *s = begin_bulk();
    load_gazetteer(s);
    store_close(s);
    s = fx_open_flags(STORE_BULK);
    cr_assert_not(store_finished_bulk(s));
    cr_assert_eq(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'figures_type'"), 0);
    cr_assert_eq(store_bulk_begin(s), STORE_OK, "%s", store_errmsg(s));
    write_all(s);
    cr_assert_eq(store_bulk_end(s), STORE_OK, "%s", store_errmsg(s));
    store_close(s);
    char *bulk = state_of(fx_path);
    cr_assert_str_eq(bulk, plain);
    free(bulk);
    free(plain);
}

/* While a bulk import runs nobody else reads the database (its counts are
 * behind), and one cannot begin while another connection reads it. */
Test(store_bulk, holds_the_database_to_itself)
{
    store *s = fx_open();
    load_gazetteer(s);
    sqlite3 *reader;
    cr_assert_eq(sqlite3_open_v2(fx_path, &reader, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM meta", NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(reader));
    cr_assert_eq(store_bulk_begin(s), STORE_BUSY, "a reader has the database open");
    sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(reader);

    cr_assert_eq(store_bulk_begin(s), STORE_OK, "%s", store_errmsg(s));
    char err[256] = "";
    cr_assert_null(store_open(fx_path, STORE_READONLY, 50, NULL, err, sizeof err));
    cr_assert_eq(store_bulk_end(s), STORE_OK, "%s", store_errmsg(s));
    store *other = store_open(fx_path, STORE_READONLY, 50, NULL, err, sizeof err);
    cr_assert_not_null(other, "after the end the database is shared again: %s", err);
    store_close(other);
    cr_assert_eq(store_bulk_end(s), STORE_ERR, "ended once");
    store_close(s);
}
