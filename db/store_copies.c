/* store_copies.c — wire copies: articles whose texts are nearly the same
 * (their 64-bit SimHashes, computed by ingest/simhash.h, at most
 * STORE_COPY_MAX_BITS apart). A copy's copy_of is the earliest of the
 * articles near it, itself included: by published_at (articles without a
 * date last), then import order (doc_no); the earliest has copy_of NULL.
 *
 * Everything lives in article_copies, a table of small rows, so that
 * finding and ordering copies never reads an article's text.
 *
 * The lookup is not a scan: each hash is cut into four 16-bit bands, each
 * indexed with the hash (bandN, simhash) so that the index answers alone,
 * and the candidates are the articles whose band equals one of the hash's
 * or differs from it in one or two bits (137 values per band, 548 index
 * probes, about 1 % of the articles read). Two hashes 11 bits apart or less
 * always share such a band (pigeonhole: four bands of three differing bits
 * or more make 12); at exactly 12 only a pair with three in every band is
 * missed. Each candidate is then held to the threshold.
 *
 * Kept by the writer in the document's own transaction: a new article
 * takes the earliest near it, and becomes the original of those it
 * precedes; a deleted or replaced article's copies look again.
 */
#include "db/store_int.h"

#include <stdlib.h>
#include <string.h>

#define BANDS 4
#define BAND_BITS 16
#define MAX_NEAR 256 /* copies taken into account at once */

/* 137 parameters: a band's value and those one or two bits away */
#define Q8 "?,?,?,?,?,?,?,?"
#define Q16 Q8 "," Q8
#define Q137 Q16 "," Q16 "," Q16 "," Q16 "," Q16 "," Q16 "," Q16 "," Q16 "," Q8 ",?"
#define BAND_IN(n) "SELECT article_id, simhash FROM article_copies WHERE band" #n " IN (" Q137 ")"

enum { ST_DOC_NO, ST_INSERT, ST_NEAR, ST_KEY, ST_SET_COPY_OF, ST_COPIES_OF, C__COUNT };

static const char *const SQL[C__COUNT] = {
    [ST_DOC_NO] = "SELECT doc_no FROM articles WHERE id = ?1",
    [ST_INSERT] = "INSERT INTO article_copies (article_id, simhash, band0, band1, band2, band3,"
                  " published_at, doc_no) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    /* UNION ALL, not OR: each branch reads its covering index alone; an
     * article found by two bands is passed over by find_near, not by a
     * temporary b-tree of every candidate */
    [ST_NEAR] =
        BAND_IN(0) " UNION ALL " BAND_IN(1) " UNION ALL " BAND_IN(2) " UNION ALL " BAND_IN(3),
    [ST_KEY] = "SELECT published_at, doc_no, simhash, copy_of FROM article_copies"
               " WHERE article_id = ?1",
    [ST_SET_COPY_OF] = "UPDATE article_copies SET copy_of = ?2 WHERE article_id = ?1"
                       " AND copy_of IS NOT ?2",
    [ST_COPIES_OF] = "SELECT article_id FROM article_copies WHERE copy_of = ?1",
};

static sqlite3_stmt *stmt(store *s, int id)
{
    return store_stmt(s, STMTS_COPIES, C__COUNT, (size_t)id, SQL[id]);
}

/* Where an article stands in the order of publication. */
typedef struct copy_key {
    char *id, *copy_of, *published_at; /* owned */
    sqlite3_int64 doc_no;
} copy_key;

static void key_free(copy_key *k)
{
    free(k->id);
    free(k->copy_of);
    free(k->published_at);
    memset(k, 0, sizeof *k);
}

/* Is a published before b: dated before undated, then by date, then by
 * import order? */
static bool earlier(const copy_key *a, const copy_key *b)
{
    if (!a->published_at != !b->published_at)
        return a->published_at != NULL;
    int c = a->published_at ? strcmp(a->published_at, b->published_at) : 0;
    return c != 0 ? c < 0 : a->doc_no < b->doc_no;
}

static char *col_dup(sqlite3_stmt *st, int c)
{
    const unsigned char *t = sqlite3_column_text(st, c);
    return t ? strdup((const char *)t) : NULL;
}

static int popcount64(uint64_t x)
{
    return __builtin_popcountll(x);
}

/* The key of article id into *k, with its hash in *hash (0: none).
 * STORE_NOTFOUND when it is not stored. */
static store_status key_of(store *s, const char *id, copy_key *k, uint64_t *hash)
{
    sqlite3_stmt *st = stmt(s, ST_KEY);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    store_status out = STORE_OK;
    memset(k, 0, sizeof *k);
    if (rc == SQLITE_ROW) {
        k->id = strdup(id);
        k->published_at = col_dup(st, 0);
        k->doc_no = sqlite3_column_int64(st, 1);
        k->copy_of = col_dup(st, 3);
        if (hash)
            *hash = (uint64_t)sqlite3_column_int64(st, 2);
        if (!k->id)
            out = store_oom(s);
    } else {
        out = rc == SQLITE_DONE ? STORE_NOTFOUND : store_sql_fail(s, rc, "copies");
    }
    sqlite3_reset(st);
    return out;
}

static bool already_found(char *const *ids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

/* The articles other than id whose hash is near hash, with their keys,
 * into near[] (at most MAX_NEAR; the rest are left out). */
static store_status find_near(store *s, const char *id, uint64_t hash, copy_key *near, size_t *n)
{
    *n = 0;
    sqlite3_stmt *st = stmt(s, ST_NEAR);
    if (!st)
        return STORE_ERR;
    int p = 1;
    for (int b = 0; b < BANDS; b++) {
        unsigned chunk = (unsigned)(hash >> (b * BAND_BITS)) & 0xffffu;
        sqlite3_bind_int(st, p++, (int)chunk);
        for (int i = 0; i < BAND_BITS; i++) {
            sqlite3_bind_int(st, p++, (int)(chunk ^ (1u << i)));
            for (int j = i + 1; j < BAND_BITS; j++)
                sqlite3_bind_int(st, p++, (int)(chunk ^ (1u << i) ^ (1u << j)));
        }
    }
    /* ids first: their keys are read by another statement */
    char *ids[MAX_NEAR];
    size_t m = 0;
    int rc;
    store_status out = STORE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && m < MAX_NEAR) {
        uint64_t other = (uint64_t)sqlite3_column_int64(st, 1);
        const char *other_id = (const char *)sqlite3_column_text(st, 0);
        if (other == 0 || popcount64(other ^ hash) > STORE_COPY_MAX_BITS || !other_id ||
            strcmp(other_id, id) == 0 || already_found(ids, m, other_id))
            continue;
        if (!(ids[m] = strdup(other_id))) {
            out = store_oom(s);
            break;
        }
        m++;
    }
    if (out == STORE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        out = store_sql_fail(s, rc, "copies");
    sqlite3_reset(st);
    for (size_t i = 0; i < m; i++) {
        if (out == STORE_OK) {
            store_status k = key_of(s, ids[i], &near[*n], NULL);
            if (k == STORE_OK)
                (*n)++;
            else if (k != STORE_NOTFOUND)
                out = k;
        }
        free(ids[i]);
    }
    return out;
}

static store_status set_copy_of(store *s, const char *id, const char *original)
{
    sqlite3_stmt *st = stmt(s, ST_SET_COPY_OF);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, original);
    return store_exec_stmt(s, st, "copies");
}

/* Points article id at the earliest article near it (NULL when that is
 * itself). Returns the near ones in near[0..*n) for the caller. */
static store_status settle(store *s, const copy_key *self, uint64_t hash, copy_key *near, size_t *n)
{
    store_status rc = find_near(s, self->id, hash, near, n);
    if (rc != STORE_OK)
        return rc;
    const copy_key *best = self;
    for (size_t i = 0; i < *n; i++)
        if (earlier(&near[i], best))
            best = &near[i];
    return set_copy_of(s, self->id, best == self ? NULL : best->id);
}

store_status store_copies_link(store *s, const char *id, uint64_t hash, const char *published_at)
{
    if (!hash)
        return STORE_OK;
    sqlite3_stmt *st = stmt(s, ST_DOC_NO);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    int step = sqlite3_step(st);
    sqlite3_int64 doc_no = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (step != SQLITE_ROW)
        return store_sql_fail(s, step == SQLITE_DONE ? SQLITE_NOTFOUND : step, "copies");
    if (!(st = stmt(s, ST_INSERT)))
        return STORE_ERR;
    store_bind_text(st, 1, id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)hash);
    for (int b = 0; b < BANDS; b++)
        sqlite3_bind_int(st, 3 + b, (int)((hash >> (b * BAND_BITS)) & 0xffffu));
    store_bind_text(st, 7, published_at);
    sqlite3_bind_int64(st, 8, doc_no);
    store_status rc = store_exec_stmt(s, st, "copies");
    if (rc != STORE_OK)
        return rc;
    copy_key self = {.id = strdup(id),
                     .published_at = published_at ? strdup(published_at) : NULL,
                     .doc_no = doc_no};
    copy_key *near = calloc(MAX_NEAR, sizeof *near);
    size_t n = 0;
    if (!near || !self.id || (published_at && !self.published_at)) {
        free(near);
        key_free(&self);
        return store_oom(s);
    }
    rc = settle(s, &self, hash, near, &n);
    /* Those it precedes now have it as their earliest, unless their
     * original is earlier still (articles come mostly in order: the new
     * one seldom precedes anything). */
    copy_key original = {0};
    for (size_t i = 0; i < n && rc == STORE_OK; i++) {
        if (!earlier(&self, &near[i]))
            continue;
        const copy_key *theirs = &near[i];
        if (near[i].copy_of) {
            if (!original.id || strcmp(original.id, near[i].copy_of) != 0) {
                key_free(&original);
                store_status k = key_of(s, near[i].copy_of, &original, NULL);
                if (k != STORE_OK && k != STORE_NOTFOUND) {
                    rc = k;
                    break;
                }
            }
            if (original.id)
                theirs = &original;
        }
        if (earlier(&self, theirs))
            rc = set_copy_of(s, near[i].id, self.id);
    }
    key_free(&original);
    for (size_t i = 0; i < n; i++)
        key_free(&near[i]);
    free(near);
    key_free(&self);
    return rc;
}

store_status store_copies_unlink(store *s, const char *id)
{
    sqlite3_stmt *st = stmt(s, ST_COPIES_OF);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, id);
    /* Collected first: settling runs statements of its own. */
    char **ids = NULL;
    size_t n = 0, cap = 0;
    int rc;
    store_status out = STORE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t grown = cap ? cap * 2 : 16;
            char **more = realloc(ids, grown * sizeof *more);
            if (!more) {
                out = store_oom(s);
                break;
            }
            ids = more;
            cap = grown;
        }
        if (!(ids[n] = col_dup(st, 0))) {
            out = store_oom(s);
            break;
        }
        n++;
    }
    if (out == STORE_OK && rc != SQLITE_DONE)
        out = store_sql_fail(s, rc, "copies");
    sqlite3_reset(st);
    copy_key *near = out == STORE_OK && n ? calloc(MAX_NEAR, sizeof *near) : NULL;
    if (n && !near && out == STORE_OK)
        out = store_oom(s);
    for (size_t i = 0; i < n && out == STORE_OK; i++) {
        copy_key self;
        uint64_t hash = 0;
        if ((out = key_of(s, ids[i], &self, &hash)) != STORE_OK)
            break;
        size_t m = 0;
        out = settle(s, &self, hash, near, &m);
        for (size_t k = 0; k < m; k++)
            key_free(&near[k]);
        key_free(&self);
    }
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    free(near);
    return out;
}
