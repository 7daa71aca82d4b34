/* store_search.c — full-text search across articles, figures, sources and
 * locations (store_search). The indexes are kept by store_fts.c.
 *
 * A search runs, in one read transaction, a count and a ranked page per
 * kind asked, then merges the kinds by score. Its cost is bounded whatever
 * the query matches: a kind's count stops at STORE_EXACT_TOTAL and is
 * estimated past it, its ranking weighs its STORE_EXACT_TOTAL most recently
 * stored matches (all of them, below that), and snippet() runs only for the
 * rows returned. Short prefixes (حل*, and the ع* of وع* with its
 * proclitic stripped) read the one- and two-letter prefix indexes
 * (schema.sql) instead of merging every word they start. bm25 scores of
 * different tables are computed over different collections, so across
 * kinds the order is indicative; within a kind it is bm25's.
 *
 * English place names: store_search_place_names adds a place's Arabic names
 * to a query that names it in English ("Aleppo" finds حلب in articles, which
 * are indexed in Arabic only).
 *
 * Left out: paging (limit only: a search asks for the best hits, and
 * `counts` says how many there are), column weights other than title ×2,
 * and highlighting more than the snippet.
 */
#include <stdlib.h>
#include <string.h>

#include "db/store_int.h"

/* The snippet markers (documented in store.h and openapi.yaml). */
#define MARK_OPEN "'<mark>'"
#define MARK_CLOSE "'</mark>'"
#define ELLIPSIS "'\xE2\x80\xA6'"

/* This file's fixed statements (prepared on first use, kept until
 * store_close). */
enum {
    ST_SEARCH_COUNT_ARTICLES,
    ST_SEARCH_COUNT_FIGURES,
    ST_SEARCH_COUNT_SOURCES,
    ST_SEARCH_COUNT_LOCATIONS,
    ST_SEARCH_ARTICLES,
    ST_SEARCH_FIGURES,
    ST_SEARCH_SOURCES,
    ST_SEARCH_LOCATIONS,
    ST_SEARCH_PLACE_NAMES,
    S__COUNT
};

/* A kind's matches, most recently stored first (highest rowid), at most ?2:
 * the count and the oldest rowid reached, from which a count past the cap
 * is estimated (see count_kind). */
#define COUNT_SQL(fts)                                                                 \
    "SELECT count(*), min(r), (SELECT rowid FROM " fts " ORDER BY rowid DESC LIMIT 1)" \
    " FROM (SELECT rowid AS r FROM " fts " WHERE " fts " MATCH ?1 ORDER BY rowid DESC LIMIT ?2)"

/* The ranked page of a kind: the best ?2 by bm25 among its ?3 most recently
 * stored matches (all of them when there are no more), then the snippet of
 * each of those few only, by the same match found again by rowid (with the
 * prefix index, a short prefix costs no merge of its terms there). */
#define RANKED_SQL(fts, bm25_args, snippet_column)                                             \
    "(SELECT best.r AS r, best.score AS score,"                                                \
    "   snippet(" fts ", " snippet_column ", " MARK_OPEN ", " MARK_CLOSE ", " ELLIPSIS ", 24)" \
    "   AS snip"                                                                               \
    " FROM (SELECT r, score FROM (SELECT rowid AS r, -bm25(" fts bm25_args ") AS score"        \
    "   FROM " fts " WHERE " fts " MATCH ?1 ORDER BY rowid DESC LIMIT ?3)"                     \
    "   ORDER BY score DESC, r DESC LIMIT ?2) best"                                            \
    " JOIN " fts " ON " fts ".rowid = best.r AND " fts " MATCH ?1) f"

static const char *const SQL[S__COUNT] = {
    [ST_SEARCH_COUNT_ARTICLES] = COUNT_SQL("articles_fts"),
    [ST_SEARCH_COUNT_FIGURES] = COUNT_SQL("figures_fts"),
    [ST_SEARCH_COUNT_SOURCES] = COUNT_SQL("sources_fts"),
    [ST_SEARCH_COUNT_LOCATIONS] = COUNT_SQL("locations_fts"),
    /* The inner query is the ranked page; the outer one joins the rows it
     * points to. Article title words weigh twice body words. */
    [ST_SEARCH_ARTICLES] =
        "SELECT t.id, t.title, t.outlet_id, o.name, t.published_at, f.score, f.snip"
        " FROM " RANKED_SQL(
            "articles_fts", ", 2.0, 1.0",
            "-1") " JOIN articles t ON t.doc_no = f.r LEFT JOIN sources o ON o.id = t.outlet_id"
                  " ORDER BY f.score DESC, t.id",
    [ST_SEARCH_FIGURES] = "SELECT " FIGURE_HIT_COLS " FROM " RANKED_SQL(
        "figures_fts", "",
        "0") " JOIN figures t ON t.fts_no = f.r LEFT JOIN sources c ON c.id = t.claimant_id"
             " ORDER BY f.score DESC, t.article_id, t.ordinal",
    [ST_SEARCH_SOURCES] =
        "SELECT t.id, t.name, t.name_en, t.kind, t.affiliation, f.score, f.snip"
        " FROM " RANKED_SQL("sources_fts", "", "-1") " JOIN sources t ON t.fts_no = f.r"
                                                     " ORDER BY f.score DESC, t.id",
    [ST_SEARCH_LOCATIONS] =
        "SELECT t.id, t.name, t.name_en, t.kind, t.resolved, f.score, f.snip"
        " FROM " RANKED_SQL("locations_fts", "", "-1") " JOIN locations t ON t.fts_no = f.r"
                                                       " ORDER BY f.score DESC, t.id",
    /* The Arabic names of the places and parties whose English name is ?1
     * once folded (lower case, hyphens and apostrophes as spaces): the most
     * named first. */
    [ST_SEARCH_PLACE_NAMES] =
        "SELECT name FROM ("
        " SELECT name, n_mentions AS n, name_en FROM locations WHERE name_en IS NOT NULL"
        " UNION ALL SELECT name, n_articles, name_en FROM sources WHERE name_en IS NOT NULL)"
        " WHERE lower(replace(replace(replace(name_en, '-', ' '), '''', ' '), '\xE2\x80\x99', ' "
        "')) = ?1"
        " GROUP BY name ORDER BY max(n) DESC LIMIT 3",
};

static sqlite3_stmt *stmt(store *s, int id)
{
    return store_stmt(s, STMTS_SEARCH, S__COUNT, (size_t)id, SQL[id]);
}

/* ---- search ------------------------------------------------------------- */

typedef struct kind_impl {
    unsigned bit;
    const char *name;
    int count, page;
    json_t *(*hit)(sqlite3_stmt *st);
} kind_impl;

static json_t *article_hit(sqlite3_stmt *st)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:f, s:o}", "kind", "article", "id",
                     store_col_str(st, 0), "title", store_col_str(st, 1), "outlet_id",
                     store_col_str(st, 2), "outlet_name", store_col_str(st, 3), "published_at",
                     store_col_str(st, 4), "score", sqlite3_column_double(st, 5), "snippet",
                     store_col_str(st, 6));
}

static json_t *source_hit(sqlite3_stmt *st)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:f, s:o}", "kind", "source", "id",
                     store_col_str(st, 0), "name", store_col_str(st, 1), "name_en",
                     store_col_str(st, 2), "source_kind", store_col_str(st, 3), "affiliation",
                     store_col_str(st, 4), "score", sqlite3_column_double(st, 5), "snippet",
                     store_col_str(st, 6));
}

static json_t *location_hit(sqlite3_stmt *st)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:b, s:f, s:o}", "kind", "location", "id",
                     store_col_str(st, 0), "name", store_col_str(st, 1), "name_en",
                     store_col_str(st, 2), "location_kind", store_col_str(st, 3), "resolved",
                     sqlite3_column_int(st, 4) != 0, "score", sqlite3_column_double(st, 5),
                     "snippet", store_col_str(st, 6));
}

static const kind_impl KINDS[] = {
    {STORE_SEARCH_ARTICLES, "article", ST_SEARCH_COUNT_ARTICLES, ST_SEARCH_ARTICLES, article_hit},
    {STORE_SEARCH_FIGURES, "figure", ST_SEARCH_COUNT_FIGURES, ST_SEARCH_FIGURES,
     store_figure_hit_json},
    {STORE_SEARCH_SOURCES, "source", ST_SEARCH_COUNT_SOURCES, ST_SEARCH_SOURCES, source_hit},
    {STORE_SEARCH_LOCATIONS, "location", ST_SEARCH_COUNT_LOCATIONS, ST_SEARCH_LOCATIONS,
     location_hit},
};
#define N_KINDS (sizeof KINDS / sizeof KINDS[0])

/* A failed step: a query FTS5 rejects (SQLITE_ERROR: syntax, an unknown
 * column) is the caller's; anything else is the store's. */
static store_status step_fail(store *s, int rc)
{
    store_status st = store_sql_fail(s, rc, "search query");
    return (rc & 0xff) == SQLITE_ERROR ? STORE_BADQUERY : st;
}

/* The matches of a kind: exact up to STORE_EXACT_TOTAL (*exact), else
 * estimated from the density of matches among the most recent rowids (the
 * STORE_EXACT_TOTAL + 1 newest matches span rowids newest..oldest of a
 * table whose rowids run 1..newest), so a query that matches millions is
 * not counted through. */
static store_status count_kind(store *s, const kind_impl *k, const char *q, long long *n,
                               bool *exact)
{
    sqlite3_stmt *st = stmt(s, k->count);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, q);
    sqlite3_bind_int(st, 2, STORE_EXACT_TOTAL + 1);
    int rc = sqlite3_step(st);
    store_status out = STORE_OK;
    if (rc == SQLITE_ROW) {
        *n = sqlite3_column_int64(st, 0);
        *exact = *n <= STORE_EXACT_TOTAL;
        long long oldest = sqlite3_column_int64(st, 1), newest = sqlite3_column_int64(st, 2);
        if (!*exact && oldest > 0 && newest >= oldest)
            *n = (long long)((double)*n * (double)newest / (double)(newest - oldest + 1) + 0.5);
    } else {
        out = step_fail(s, rc);
    }
    sqlite3_reset(st);
    return out;
}

static store_status page_kind(store *s, const kind_impl *k, const store_search_query *q,
                              json_t *hits)
{
    sqlite3_stmt *st = stmt(s, k->page);
    if (!st)
        return STORE_ERR;
    store_bind_text(st, 1, q->q);
    sqlite3_bind_int(st, 2, q->limit);
    sqlite3_bind_int(st, 3, STORE_EXACT_TOTAL);
    store_status out = STORE_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *h = k->hit(st);
        if (!h || json_array_append_new(hits, h) != 0) {
            store_set_err(s, "out of memory or invalid UTF-8 in a row");
            out = STORE_ERR;
            break;
        }
    }
    if (out == STORE_OK && rc != SQLITE_DONE)
        out = step_fail(s, rc);
    sqlite3_reset(st);
    return out;
}

/* Higher score first; then articles, figures, sources, locations; then by id. */
static int kind_rank(const json_t *h)
{
    const char *k = json_string_value(json_object_get(h, "kind"));
    for (size_t i = 0; i < N_KINDS; i++)
        if (k && strcmp(k, KINDS[i].name) == 0)
            return (int)i;
    return (int)N_KINDS;
}

static int cmp_hits(const void *a, const void *b)
{
    const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    double sx = json_real_value(json_object_get(x, "score")),
           sy = json_real_value(json_object_get(y, "score"));
    if (sx != sy)
        return sx > sy ? -1 : 1;
    int kx = kind_rank(x), ky = kind_rank(y);
    if (kx != ky)
        return kx - ky;
    const char *ix = json_string_value(json_object_get(x, "id")),
               *iy = json_string_value(json_object_get(y, "id"));
    return strcmp(ix ? ix : "", iy ? iy : "");
}

/* The best `limit` of hits, in order (a new array). */
static json_t *best_hits(json_t *hits, int limit)
{
    size_t n = json_array_size(hits);
    json_t **v = malloc((n ? n : 1) * sizeof *v);
    json_t *out = json_array();
    if (!v || !out) {
        free(v);
        json_decref(out);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = json_array_get(hits, i);
    qsort(v, n, sizeof *v, cmp_hits);
    for (size_t i = 0; i < n && i < (size_t)limit; i++)
        if (json_array_append(out, v[i]) != 0) {
            json_decref(out);
            out = NULL;
            break;
        }
    free(v);
    return out;
}

store_status store_search(store *s, const store_search_query *q, json_t **out)
{
    *out = NULL;
    if (!q || !q->q) {
        store_set_err(s, "no query");
        return STORE_ERR;
    }
    if (q->limit < 1 || q->limit > STORE_MAX_SEARCH) {
        store_set_err(s, "limit must be 1..%d", STORE_MAX_SEARCH);
        return STORE_ERR;
    }
    unsigned kinds = q->kinds ? q->kinds
                              : STORE_SEARCH_ARTICLES | STORE_SEARCH_FIGURES |
                                    STORE_SEARCH_SOURCES | STORE_SEARCH_LOCATIONS;
    json_t *hits = json_array(), *counts = json_object(), *estimated = json_array(), *data = NULL;
    long long total = 0;
    if (!hits || !counts || !estimated) {
        json_decref(hits);
        json_decref(counts);
        json_decref(estimated);
        store_set_err(s, "out of memory");
        return STORE_ERR;
    }
    char *named = NULL; /* q with Arabic names beside English ones */
    store_status rc = store_read_begin(s);
    if (rc != STORE_OK)
        goto out;
    rc = store_search_place_names(s, q->q, &named);
    /* Articles and figures are Arabic text; sources and places also have
     * their English names indexed. */
    store_search_query arabic = *q;
    if (named)
        arabic.q = named;
    for (size_t i = 0; i < N_KINDS && rc == STORE_OK; i++) {
        const kind_impl *k = &KINDS[i];
        const store_search_query *kq =
            k->bit & (STORE_SEARCH_ARTICLES | STORE_SEARCH_FIGURES) ? &arabic : q;
        long long n = 0;
        bool exact = true;
        if (!(kinds & k->bit))
            continue;
        if ((rc = count_kind(s, k, kq->q, &n, &exact)) != STORE_OK)
            break;
        total += n;
        json_object_set_new(counts, k->name, json_integer(n));
        if (!exact)
            json_array_append_new(estimated, json_string(k->name));
        if (n > 0)
            rc = page_kind(s, k, kq, hits);
    }
    rc = store_tx_end(s, rc);
    if (rc != STORE_OK)
        goto out;
    if (!(data = best_hits(hits, q->limit)) ||
        !(*out = json_pack("{s:o, s:I, s:b, s:O, s:O}", "data", data, "total", (json_int_t)total,
                           "total_exact", json_array_size(estimated) == 0, "counts", counts,
                           "estimated", estimated))) {
        store_set_err(s, "out of memory");
        rc = STORE_ERR;
    }
out:
    free(named);
    json_decref(hits);
    json_decref(counts);
    json_decref(estimated);
    return rc;
}

/* ---- English place names ------------------------------------------------ */

#define PLACE_WORDS_MAX 4 /* the longest English name tried, in words */
#define PLACE_KEY_MAX 128 /* bytes of a folded English name */
#define EXPANDED_MAX 4096 /* bytes of the rewritten query */

/* One unit of an FTS5 query: a "quoted string", a bareword, or one other
 * character (parentheses, *, :, ^, +). */
typedef struct query_unit {
    const char *p;
    size_t n;
    char kind; /* 'q' quoted, 'w' bareword, 'o' other, ' ' space */
} query_unit;

static bool is_bare(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '_';
}

static bool latin_word(const char *p, size_t n)
{
    bool letter = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x80)
            return false;
        letter |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    return letter;
}

static bool keyword(const char *p, size_t n)
{
    static const char *const kw[] = {"AND", "OR", "NOT", "NEAR", NULL};
    for (const char *const *k = kw; *k; k++)
        if (strlen(*k) == n && memcmp(*k, p, n) == 0)
            return true;
    return false;
}

/* Appends the folded form of p (lower case; anything not a letter or digit
 * one space, none doubled) to key; false when it does not fit or is not
 * Latin. */
static bool fold_into(char *key, size_t *len, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x80)
            return false;
        bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (!alnum && (*len == 0 || key[*len - 1] == ' '))
            continue;
        if (*len + 2 > PLACE_KEY_MAX)
            return false;
        key[(*len)++] = alnum ? (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c) : ' ';
    }
    key[*len] = '\0';
    return true;
}

/* The rewritten query: a bounded buffer that refuses what does not fit. */
typedef struct expanded {
    char p[EXPANDED_MAX + 1];
    size_t len;
    bool full;
} expanded;

static void put(expanded *e, const char *p, size_t n)
{
    if (e->full || e->len + n > EXPANDED_MAX) {
        e->full = true;
        return;
    }
    memcpy(e->p + e->len, p, n);
    e->len += n;
    e->p[e->len] = '\0';
}

/* Appends ` OR "name"` for each place called key in English (a quote inside
 * a name doubled, as FTS5 strings want); how many. */
static int put_names(store *s, const char *key, expanded *e, store_status *st)
{
    sqlite3_stmt *q = stmt(s, ST_SEARCH_PLACE_NAMES);
    if (!q) {
        *st = STORE_ERR;
        return 0;
    }
    store_bind_text(q, 1, key);
    int n = 0, rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(q, 0);
        if (!name)
            continue;
        put(e, " OR \"", 5);
        for (const char *c = name; *c; c++)
            put(e, *c == '"' ? "\"\"" : c, *c == '"' ? 2 : 1);
        put(e, "\"", 1);
        n++;
    }
    if (rc != SQLITE_DONE)
        *st = store_sql_fail(s, rc, "place names");
    sqlite3_reset(q);
    return n;
}

/* Splits q into units; at most max, false past it (the query is left as
 * it is). A quote left open runs to the end, as FTS5 would refuse it anyway. */
static bool split_query(const char *q, query_unit *u, size_t max, size_t *n)
{
    *n = 0;
    for (const char *p = q; *p;) {
        if (*n == max)
            return false;
        query_unit *x = &u[(*n)++];
        x->p = p;
        if (*p == '"') {
            const char *c = p + 1;
            while (*c && !(*c == '"' && c[1] != '"'))
                c += *c == '"' ? 2 : 1;
            p = *c ? c + 1 : c;
            x->kind = 'q';
        } else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
                p++;
            x->kind = ' ';
        } else if (is_bare((unsigned char)*p)) {
            while (is_bare((unsigned char)*p))
                p++;
            x->kind = 'w';
        } else {
            p++;
            x->kind = 'o';
        }
        x->n = (size_t)(p - x->p);
    }
    return true;
}

/* Can unit i start or continue an English name: a Latin bareword, not an
 * operator, not a prefix (word*) or a column (title:)? */
static bool name_word(const query_unit *u, size_t n, size_t i)
{
    if (u[i].kind != 'w' || !latin_word(u[i].p, u[i].n) || keyword(u[i].p, u[i].n))
        return false;
    return !(i + 1 < n && u[i + 1].kind == 'o' && (*u[i + 1].p == '*' || *u[i + 1].p == ':'));
}

store_status store_search_place_names(store *s, const char *q, char **out)
{
    enum { UNITS_MAX = 512 };
    *out = NULL;
    query_unit *u = malloc(UNITS_MAX * sizeof *u);
    expanded *e = malloc(sizeof *e);
    store_status st = STORE_OK;
    size_t n;
    bool changed = false;
    if (!u || !e) {
        st = store_oom(s);
        goto out;
    }
    e->len = 0;
    e->full = false;
    e->p[0] = '\0';
    if (!split_query(q, u, UNITS_MAX, &n))
        goto out;
    for (size_t i = 0; i < n && st == STORE_OK;) {
        size_t taken = 0;
        char key[PLACE_KEY_MAX];
        if (u[i].kind == 'q' && u[i].n >= 2 && latin_word(u[i].p + 1, u[i].n - 2)) {
            size_t len = 0;
            if (fold_into(key, &len, u[i].p + 1, u[i].n - 2) && len) {
                size_t mark = e->len;
                put(e, "(", 1);
                put(e, u[i].p, u[i].n);
                if (put_names(s, key, e, &st)) {
                    put(e, ")", 1);
                    taken = 1;
                } else {
                    e->len = mark;
                    e->p[mark] = '\0';
                }
            }
        } else if (name_word(u, n, i)) {
            /* the longest run of words (single spaces between) that names a place */
            size_t last[PLACE_WORDS_MAX], words = 0;
            for (size_t j = i; j < n && words < PLACE_WORDS_MAX; j += 2) {
                if (!name_word(u, n, j))
                    break;
                last[words++] = j;
                if (j + 1 >= n || u[j + 1].kind != ' ')
                    break;
            }
            for (size_t w = words; w > 0 && !taken && st == STORE_OK; w--) {
                size_t len = 0;
                bool ok = true;
                for (size_t k = 0; k < w && ok; k++) {
                    if (k)
                        ok = fold_into(key, &len, " ", 1);
                    ok = ok && fold_into(key, &len, u[i + 2 * k].p, u[i + 2 * k].n);
                }
                if (!ok || !len)
                    continue;
                size_t end = last[w - 1] + 1, mark = e->len;
                put(e, "(", 1);
                put(e, u[i].p, (size_t)(u[end - 1].p + u[end - 1].n - u[i].p));
                if (put_names(s, key, e, &st)) {
                    put(e, ")", 1);
                    taken = end - i;
                } else {
                    e->len = mark;
                    e->p[mark] = '\0';
                }
            }
        }
        if (taken) {
            changed = true;
            i += taken;
        } else {
            put(e, u[i].p, u[i].n);
            i++;
        }
    }
    if (st == STORE_OK && changed && !e->full && !(*out = strdup(e->p)))
        st = store_oom(s);
out:
    free(u);
    free(e);
    return st;
}
