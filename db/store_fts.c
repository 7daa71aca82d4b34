/* store_fts.c — the upkeep of the four full-text indexes (articles_fts,
 * figures_fts, sources_fts, locations_fts), all of it: store_write.c calls these inside its
 * write transactions so the indexes never disagree with the rows; searching
 * them is store_search.c's.
 *
 * The indexes (schema.sql) are FTS5 tables with external content and the
 * marsad_ar tokenizer (db/fts_arabic.h); a figure, a source or a location
 * is keyed by its fts_no column, an article by doc_no, because VACUUM may renumber
 * implicit rowids. External content means the index holds no text: to
 * unindex a row it must be given the very values it indexed, so those are
 * read from the row before it changes or goes.
 *
 * Full-text rows at the end of a batch: inside a batch, a document's
 * articles_fts and figures_fts rows are not written with it but all at once
 * at the batch's end (store_fts_batch_flush, called by store_batch_end
 * before it commits). FTS5 writes what it has pending as a new segment at
 * every savepoint, and each document of a batch is one: a segment per
 * document and table, then merged again and again, where a batch now makes
 * one. The rows are the same, and they are indexed before the batch
 * commits, so no other connection ever sees a row without its index entry.
 *
 * Which rows wait: every doc_no from s->fts_articles_from on (fts_no from
 * s->fts_figures_from on), every row below is indexed. New rows are numbered
 * max + 1, so they always fall in the waiting range (when the rows above
 * the mark are all gone, a new number may be lower; the mark follows it
 * down, which is right as every row then is below it). A waiting row that
 * goes again before the batch's end (replaced within the batch) was never
 * indexed, so it is not unindexed; a document that fails puts the marks
 * back as they were, with its savepoint (store_write.c end_document).
 */
#include <stdint.h>
#include <string.h>

#include "db/store_int.h"

/* This file's fixed statements (prepared on first use, kept until
 * store_close). */
enum {
    ST_FTS_SOURCE_OLD,
    ST_FTS_SOURCE_DELETE,
    ST_FTS_SOURCE_INSERT,
    ST_FTS_LOCATION_OLD,
    ST_FTS_LOCATION_DELETE,
    ST_FTS_LOCATION_INSERT,
    ST_FTS_FIGURES_DELETE,
    ST_FTS_FIGURES_INSERT,
    ST_FTS_DELETE,
    ST_FTS_INSERT,
    ST_FTS_BATCH_ARTICLES,
    ST_FTS_BATCH_FIGURES,
    F__COUNT
};

static const char *const SQL[F__COUNT] = {
    [ST_FTS_DELETE] =
        "INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?1, ?2, ?3)",
    [ST_FTS_INSERT] = "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
    [ST_FTS_BATCH_ARTICLES] = "INSERT INTO articles_fts (rowid, title, body)"
                              " SELECT doc_no, title, body FROM articles WHERE doc_no >= ?1",
    [ST_FTS_BATCH_FIGURES] = "INSERT INTO figures_fts (rowid, quote)"
                             " SELECT fts_no, quote FROM figures WHERE fts_no >= ?1",
    [ST_FTS_SOURCE_OLD] = "SELECT fts_no, name, name_en FROM sources WHERE id = ?1",
    [ST_FTS_SOURCE_DELETE] =
        "INSERT INTO sources_fts (sources_fts, rowid, name, name_en) VALUES ('delete', ?1, ?2, ?3)",
    [ST_FTS_SOURCE_INSERT] = "INSERT INTO sources_fts (rowid, name, name_en)"
                             " SELECT fts_no, name, name_en FROM sources WHERE id = ?1",
    [ST_FTS_LOCATION_OLD] = "SELECT fts_no, name, name_en FROM locations WHERE id = ?1",
    [ST_FTS_LOCATION_DELETE] = "INSERT INTO locations_fts (locations_fts, rowid, name, name_en)"
                               " VALUES ('delete', ?1, ?2, ?3)",
    [ST_FTS_LOCATION_INSERT] = "INSERT INTO locations_fts (rowid, name, name_en)"
                               " SELECT fts_no, name, name_en FROM locations WHERE id = ?1",
    [ST_FTS_FIGURES_DELETE] = "INSERT INTO figures_fts (figures_fts, rowid, quote)"
                              " SELECT 'delete', fts_no, quote FROM figures WHERE article_id = ?1"
                              " AND fts_no < ?2",
    [ST_FTS_FIGURES_INSERT] = "INSERT INTO figures_fts (rowid, quote)"
                              " SELECT fts_no, quote FROM figures WHERE article_id = ?1",
};

static sqlite3_stmt *stmt(store *s, int id)
{
    return store_stmt(s, STMTS_FTS, F__COUNT, (size_t)id, SQL[id]);
}

static store_status run_with_id(store *s, int id, const char *arg, const char *ctx)
{
    sqlite3_stmt *st = stmt(s, id);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, arg);
    return store_exec_stmt(s, st, ctx);
}

/* ---- batches ------------------------------------------------------------ */

/* Is a document written now part of a batch (its rows' index waits)? */
static bool deferring(const store *s)
{
    return s->tx_depth > 1;
}

static void defer_from(sqlite3_int64 *mark, sqlite3_int64 no)
{
    if (*mark == 0 || no < *mark)
        *mark = no;
}

store_status store_fts_batch_flush(store *s)
{
    sqlite3_int64 marks[2] = {s->fts_articles_from, s->fts_figures_from};
    static const int ids[2] = {ST_FTS_BATCH_ARTICLES, ST_FTS_BATCH_FIGURES};
    s->fts_articles_from = s->fts_figures_from = 0;
    if (s->tx_depth != 1) /* no batch, or SQLite rolled it back whole */
        return STORE_OK;
    for (size_t i = 0; i < 2; i++) {
        if (!marks[i])
            continue;
        sqlite3_stmt *st = stmt(s, ids[i]);
        if (!st)
            return STORE_ERR;
        sqlite3_bind_int64(st, 1, marks[i]);
        store_status rc = store_exec_stmt(s, st, "full-text insert");
        if (rc != STORE_OK)
            return rc;
    }
    return STORE_OK;
}

/* ---- articles ----------------------------------------------------------- */

store_status store_fts_article_index(store *s, sqlite3_int64 doc_no, const char *title,
                                     const char *body)
{
    if (deferring(s)) {
        defer_from(&s->fts_articles_from, doc_no);
        return STORE_OK;
    }
    sqlite3_stmt *st = stmt(s, ST_FTS_INSERT);
    if (!st)
        return STORE_ERR;
    sqlite3_bind_int64(st, 1, doc_no);
    store_bind_text(st, 2, title);
    store_bind_text(st, 3, body);
    return store_exec_stmt(s, st, "full-text insert");
}

store_status store_fts_article_unindex(store *s, sqlite3_int64 doc_no, sqlite3_value *title,
                                       sqlite3_value *body)
{
    if (s->fts_articles_from && doc_no >= s->fts_articles_from)
        return STORE_OK; /* written in this batch: not indexed yet */
    sqlite3_stmt *del = stmt(s, ST_FTS_DELETE);
    if (!del)
        return STORE_ERR;
    sqlite3_bind_int64(del, 1, doc_no);
    sqlite3_bind_value(del, 2, title);
    sqlite3_bind_value(del, 3, body);
    return store_exec_stmt(s, del, "full-text delete");
}

/* ---- figures ------------------------------------------------------------ */

store_status store_fts_figures_unindex(store *s, const char *article_id)
{
    sqlite3_stmt *st = stmt(s, ST_FTS_FIGURES_DELETE);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, article_id);
    /* those from the mark on wait for the batch's end: not indexed yet */
    sqlite3_bind_int64(st, 2, s->fts_figures_from ? s->fts_figures_from : INT64_MAX);
    return store_exec_stmt(s, st, "figures full-text delete");
}

store_status store_fts_figures_index(store *s, const char *article_id, sqlite3_int64 first_fts_no)
{
    if (deferring(s)) {
        defer_from(&s->fts_figures_from, first_fts_no);
        return STORE_OK;
    }
    return run_with_id(s, ST_FTS_FIGURES_INSERT, article_id, "figures full-text insert");
}

/* ---- sources and locations: rows named in two columns -------------------- */

/* Before the row of id is upserted with these names: unindexes its stored
 * names when they change; *reindex says whether the row must be indexed
 * after (new, or new names). old_stmt reads (fts_no, name, name_en). */
static store_status named_before(store *s, int old_stmt, int del_stmt, const char *id,
                                 const char *name, const char *name_en, bool *reindex)
{
    *reindex = false;
    sqlite3_stmt *old = stmt(s, old_stmt);
    if (!old)
        return STORE_ERR;
    store_bind_text(old, 1, id);
    int rc = sqlite3_step(old);
    if (rc == SQLITE_DONE) { /* new: indexed once inserted */
        sqlite3_reset(old);
        *reindex = true;
        return STORE_OK;
    }
    if (rc != SQLITE_ROW) {
        store_status st = store_sql_fail(s, rc, "full-text names");
        sqlite3_reset(old);
        return st;
    }
    if (store_same_text(sqlite3_column_text(old, 1), name) &&
        store_same_text(sqlite3_column_text(old, 2), name_en)) {
        sqlite3_reset(old);
        return STORE_OK; /* the indexed names stay */
    }
    sqlite3_stmt *del = stmt(s, del_stmt);
    if (!del) {
        sqlite3_reset(old);
        return STORE_ERR;
    }
    sqlite3_bind_value(del, 1, sqlite3_column_value(old, 0));
    sqlite3_bind_value(del, 2, sqlite3_column_value(old, 1));
    sqlite3_bind_value(del, 3, sqlite3_column_value(old, 2));
    sqlite3_reset(old);
    *reindex = true;
    return store_exec_stmt(s, del, "full-text delete");
}

store_status store_fts_source_before(store *s, const store_source_rec *r, bool *reindex)
{
    return named_before(s, ST_FTS_SOURCE_OLD, ST_FTS_SOURCE_DELETE, r->id, r->name, r->name_en,
                        reindex);
}

store_status store_fts_source_after(store *s, const char *id)
{
    return run_with_id(s, ST_FTS_SOURCE_INSERT, id, "source full-text insert");
}

store_status store_fts_location_before(store *s, const store_location_rec *r, bool *reindex)
{
    return named_before(s, ST_FTS_LOCATION_OLD, ST_FTS_LOCATION_DELETE, r->id, r->name, r->name_en,
                        reindex);
}

store_status store_fts_location_after(store *s, const char *id)
{
    return run_with_id(s, ST_FTS_LOCATION_INSERT, id, "location full-text insert");
}
