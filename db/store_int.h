/* store_int.h — what the store's files share: the handle, statement
 * caches, error and transaction helpers (store.c), the full-text upkeep
 * (store_fts.c), the row-to-JSON builders (store_columns.c, over the column
 * lists of store_columns.h), and the keyset and cursor types (store_list.c,
 * store_cursor.c). Not part of the API; only db/ includes it.
 */
#ifndef MARSAD_STORE_INT_H
#define MARSAD_STORE_INT_H

#include <sqlite3.h>

#include "db/store.h"
#include "db/store_columns.h"

/* The schema version this build's SQL is written for. schema.sql must say
 * the same on its first line; older databases are migrated up to it. */
#define STORE_SCHEMA_VERSION 17

/* The most rows of one multi-row INSERT (store_write.c). */
#define STORE_ROWS_MAX 32

/* The fixed statements are each db/ file's own (an enum and an SQL table
 * in the file); the handle keeps one lazily allocated array of prepared
 * statements per file, named by its set. */
typedef enum store_stmt_set {
    STMTS_CORE,   /* store.c */
    STMTS_WRITE,  /* store_write.c */
    STMTS_FTS,    /* store_fts.c */
    STMTS_READ,   /* store_read.c */
    STMTS_LIST,   /* store_list.c */
    STMTS_SEARCH, /* store_search.c */
    STMTS_COPIES, /* store_copies.c */
    STMTS__COUNT
} store_stmt_set;

/* Statements built per list query (filters and sort vary); kept by their
 * SQL text, least recently used dropped first. */
#define STORE_DYN_CACHE 32

typedef struct store_dyn_stmt {
    char *sql;
    sqlite3_stmt *st;
    unsigned long long used;
} store_dyn_stmt;

struct store {
    sqlite3 *db;
    bool readonly;
    int schema_version;
    const char *schema_sql;             /* store_open's, for store_bulk_end; NULL for a reader */
    bool bulk;                          /* between store_bulk_begin and store_bulk_end */
    bool finished_bulk;                 /* store_open finished a bulk import left unfinished */
    sqlite3_stmt **stmts[STMTS__COUNT]; /* n_stmts[set] each, allocated on first use */
    size_t n_stmts[STMTS__COUNT];
    store_dyn_stmt dyn[STORE_DYN_CACHE];
    unsigned long long dyn_clock;
    int time_limit_ms; /* 0: none */
    int tx_depth;      /* open transactions: 1 a BEGIN, more savepoints inside it */
    /* The deferred foreign keys were all satisfied when the innermost
     * savepoint began: a document inside a batch must leave them so, or its
     * dangling reference would fail the batch's commit (store_tx_end). */
    bool fks_clean_at_savepoint;
    bool deadline_armed;   /* a read is running under the time limit */
    long long deadline_ns; /* CLOCK_MONOTONIC */
    char err[512];
    /* Inside a batch, the full-text rows of its articles and figures are
     * written at its end (store_write.c): every row from these doc_no and
     * fts_no on is not indexed yet, every row below them is. 0: none. */
    sqlite3_int64 fts_articles_from, fts_figures_from;
};

/* Records a message as the handle's last error. */
void store_set_err(store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Maps an SQLite result code to a status and records sqlite's message,
 * prefixed by ctx when not NULL. */
store_status store_sql_fail(store *s, int rc, const char *ctx);

/* The cached statement id (< n, the set's size) of a file's set, prepared
 * from sql on first use; reset and with bindings cleared. NULL (error
 * recorded) when preparing fails or memory runs out. */
sqlite3_stmt *store_stmt(store *s, store_stmt_set set, size_t n, size_t id, const char *sql);

/* Is statement id of set prepared already? */
bool store_stmt_ready(const store *s, store_stmt_set set, size_t id);

/* The cached statement for a built SQL text, reset and cleared; NULL (error
 * recorded) when preparing fails or memory runs out. */
sqlite3_stmt *store_dyn_stmt_get(store *s, const char *sql);

/* Runs a statement that returns no rows (BEGIN, COMMIT, an UPDATE...) and
 * resets it. */
store_status store_exec_stmt(store *s, sqlite3_stmt *st, const char *ctx);

/* A read transaction: BEGIN (deferred), with the time limit armed. */
store_status store_read_begin(store *s);

/* A write transaction: BEGIN IMMEDIATE (waits up to the busy timeout for
 * the write lock); refused on a read-only handle. */
store_status store_write_begin(store *s);

/* Ends the transaction begun by store_read_begin or a write: commits when st
 * is STORE_OK, otherwise rolls back keeping the error message of the
 * failure; disarms the time limit. Returns the status to report (a failed
 * COMMIT, e.g. a deferred foreign key, rolls back and reports its error). */
store_status store_tx_end(store *s, store_status st);

/* Binds a C string or NULL as text. */
int store_bind_text(sqlite3_stmt *st, int i, const char *v);

/* The location bound at `param` ("?", "?2") and every place whose parent
 * chain reaches it, as a subquery for IN. UNION (not UNION ALL) so a cycle
 * in the gazetteer ends instead of looping. */
#define STORE_PLACES_WITHIN(param)                                                             \
    "(WITH RECURSIVE sub(id) AS (SELECT " param " UNION SELECT l.id FROM locations l JOIN sub" \
    " ON l.parent_id = sub.id) SELECT id FROM sub)"

/* Wire copies (store_copies.c), inside a write transaction: store_copies_link
 * stores article id's SimHash (0: none) and publication date, and sets
 * copy_of on it and on the articles it precedes; store_copies_unlink, after
 * article id is deleted, points its copies at the earliest article still
 * near each. */
store_status store_copies_link(store *s, const char *id, uint64_t hash, const char *published_at);
store_status store_copies_unlink(store *s, const char *id);

/* Sets the error "out of memory"; returns STORE_ERR. */
store_status store_oom(store *s);

/* SQL text built piece by piece (statements that differ by filter), of
 * SBUF_MAX bytes at most; a failed allocation or a text past the maximum
 * sets oom and ignores later pieces. Zero-initialise; free p. */
#define SBUF_MAX (1u << 20)
typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool oom;
} sbuf;
void sb_add(sbuf *b, const char *s); /* s NULL adds nothing */

/* Is a and b the same text (both NULL counts)? */
bool store_same_text(const unsigned char *a, const char *b);

/* ---- full-text upkeep (store_fts.c) --------------------------------------
 * External content: store_write.c calls these inside its write
 * transactions so the indexes never disagree with the rows. Inside a batch
 * the articles' and figures' rows wait for store_fts_batch_flush. */

/* Indexes new article doc_no, or leaves it to the batch's end. */
store_status store_fts_article_index(store *s, sqlite3_int64 doc_no, const char *title,
                                     const char *body);
/* Unindexes article doc_no given its stored title and body (unless it
 * waits for the batch's end, so was never indexed). */
store_status store_fts_article_unindex(store *s, sqlite3_int64 doc_no, sqlite3_value *title,
                                       sqlite3_value *body);
/* Indexes the figures of an article just inserted, numbered from
 * first_fts_no on, or leaves them to the batch's end. */
store_status store_fts_figures_index(store *s, const char *article_id, sqlite3_int64 first_fts_no);
/* Unindexes the figures of an article (before they go with it), those
 * indexed already. */
store_status store_fts_figures_unindex(store *s, const char *article_id);
/* Before source r is upserted: unindexes its stored names when r changes
 * them; *reindex says whether store_fts_source_after must index it (a new
 * source, or new names). */
store_status store_fts_source_before(store *s, const store_source_rec *r, bool *reindex);
store_status store_fts_source_after(store *s, const char *id);
/* The same for location r (locations_fts: name and name_en). */
store_status store_fts_location_before(store *s, const store_location_rec *r, bool *reindex);
store_status store_fts_location_after(store *s, const char *id);
/* Indexes the full-text rows a batch's documents left to its end, before
 * store_batch_end commits. */
store_status store_fts_batch_flush(store *s);

/* ---- rows as API items (store_columns.c) --------------------------------
 * The item columns of each resource (ARTICLE_COLS, ARTICLE_NCOLS,
 * ARTICLE_FROM...) are in store_columns.h; the builders read them starting
 * at column c and return a new reference, or NULL when out of memory or the
 * row holds invalid UTF-8. */
json_t *store_article_json(sqlite3_stmt *st, int c); /* list item, no body */
json_t *store_source_json(sqlite3_stmt *st, int c);
json_t *store_location_json(sqlite3_stmt *st, int c);
json_t *store_figure_json(sqlite3_stmt *st, int c);
json_t *store_figure_hit_json(sqlite3_stmt *st); /* FIGURE_HIT_COLS first */

/* The item of resource r (not articles' body and embedded lists) from st's
 * columns c..., as JSON bytes appended to o: the bytes json_dumps gives
 * the builders' value (JSON_COMPACT, ten digits). With leave_open the
 * closing brace is left out, for the caller to add keys. Failures (no
 * memory, invalid UTF-8) set o->failed. */
struct json_out;
void store_item_write(struct json_out *o, store_resource r, sqlite3_stmt *st, int c,
                      bool leave_open);
/* Column c of st as a value of that kind, as the builders make it. */
void store_col_write(struct json_out *o, sqlite3_stmt *st, int c, store_col_kind kind);

/* A text column as a JSON string, or null. */
json_t *store_col_str(sqlite3_stmt *st, int c);

/* An integer column as a JSON integer, or null. */
json_t *store_col_int(sqlite3_stmt *st, int c);

/* A figure's value: an integer when integral, else a real. */
json_t *store_num_json(double d);

/* How each column FIGURE_WRITES lists is read from a store_figure_rec. */
typedef struct store_bind_def {
    const char *column; /* as in the INSERT, e.g. "qualifier", "\"end\"" */
    store_bind_kind kind;
    size_t at, has_at; /* offsets of the field and, for a number, of its has_ flag */
} store_bind_def;
extern const store_bind_def store_figure_binds[FIGURE_NWRITES];

/* A figure's value column: null, an integer when integral, else a real. */
json_t *store_col_num(sqlite3_stmt *st, int c);

/* ---- keyset paging (store_list.c, store_cursor.c) ---------------------
 * A column a sort field orders by: 't' text, 'i' integer, 'r' real. */
typedef struct store_sort_col {
    const char *expr;
    char kind;
    bool nullable;
} store_sort_col;

/* The columns a query orders by, the requested fields first and the id
 * last, each column once. */
#define STORE_MAX_KEYS (2 * STORE_MAX_SORT + 2)

typedef struct store_key_col {
    const store_sort_col *col;
    bool desc;
} store_key_col;

typedef struct store_keyset {
    store_key_col k[STORE_MAX_KEYS];
    size_t n;
    char spec[512]; /* names the order, for the cursor's check */
} store_keyset;

/* The cursor that follows the current row of st, whose key values are in
 * columns c.. (malloc'd; NULL, error recorded, when out of memory). */
char *store_cursor_encode(store *s, const store_keyset *ks, sqlite3_stmt *st, int c);

/* The key values a cursor carries, checked against ks (a new reference to
 * an array of ks->n values); NULL, error recorded, for a cursor that is
 * malformed, edited, or from another resource or sort order. */
json_t *store_cursor_decode(store *s, const store_keyset *ks, const char *cursor);

#endif
