/* store_fixture.h — what the store tests share: a temporary folder per test,
 * the schema text, opening helpers, code-point offsets into Arabic text, and
 * small checks on jansson values. Header-only (static inline) because each
 * tests/db/test_*.c links only build/libdb.a.
 */
#ifndef MARSAD_TESTS_STORE_FIXTURE_H
#define MARSAD_TESTS_STORE_FIXTURE_H

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/store.h"

static char fx_dir[256];
static char fx_path[300];
static char *fx_schema;

/* schema.sql from the repository root (the tests run from there; a parent
 * folder is tried too). */
static inline char *fx_read_schema(void)
{
    static const char *const candidates[] = {"schema.sql", "../schema.sql", "../../schema.sql"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        FILE *f = fopen(candidates[i], "rb");
        if (!f)
            continue;
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
    cr_assert_fail("schema.sql not found (run the tests from the repository root)");
    return NULL;
}

static inline void fx_setup(void)
{
    snprintf(fx_dir, sizeof fx_dir, "%s/marsad-store-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    cr_assert_not_null(mkdtemp(fx_dir));
    snprintf(fx_path, sizeof fx_path, "%s/test.db", fx_dir);
    fx_schema = fx_read_schema();
}

static inline void fx_teardown(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    char p[400];
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(p, sizeof p, "%s%s", fx_path, suffixes[i]);
        unlink(p);
    }
    snprintf(p, sizeof p, "%s/other.db", fx_dir);
    unlink(p);
    rmdir(fx_dir);
    free(fx_schema);
    fx_schema = NULL;
}

static inline store *fx_open_flags(unsigned flags)
{
    char err[512];
    store *s = store_open(fx_path, flags, 2000, fx_schema, err, sizeof err);
    cr_assert_not_null(s, "store_open: %s", err);
    return s;
}

static inline store *fx_open(void)
{
    return fx_open_flags(0);
}

/* The query plan SQLite makes for sql on the test database, its steps one a
 * line (malloc'd): what tests of the schema's indexes look into. */
static inline char *fx_plan(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open_v2(fx_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
    cr_assert_eq(sqlite3_prepare_v2(db, explain, -1, &st, NULL), SQLITE_OK, "%s",
                 sqlite3_errmsg(db));
    sqlite3_free(explain);
    size_t len = 0;
    char *out = calloc(1, 1);
    cr_assert_not_null(out);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *step = (const char *)sqlite3_column_text(st, 3);
        out = realloc(out, len + strlen(step) + 2);
        cr_assert_not_null(out);
        len += (size_t)sprintf(out + len, "%s\n", step);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/* Code points in the first n bytes of UTF-8 text. */
static inline uint32_t fx_cps(const char *p, size_t n)
{
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)p[i] & 0xC0) != 0x80;
    return k;
}

/* Code-point offset of the first occurrence of needle in body. */
static inline uint32_t fx_at(const char *body, const char *needle)
{
    const char *hit = strstr(body, needle);
    cr_assert_not_null(hit, "'%s' not in the body", needle);
    return fx_cps(body, (size_t)(hit - body));
}

static inline store_mention fx_mention(const char *body, const char *ref, const char *text,
                                       const char *role)
{
    uint32_t start = fx_at(body, text);
    return (store_mention){ref, start, start + fx_cps(text, strlen(text)), text, role};
}

/* A figure whose span is the first occurrence of span_text and whose quote
 * is the whole body. */
static inline store_figure_rec fx_figure(const char *body, const char *span_text, const char *type,
                                         const char *qualifier, bool has_value, double value)
{
    uint32_t start = fx_at(body, span_text);
    store_figure_rec f = {0};
    f.value = value;
    f.has_value = has_value;
    f.qualifier = qualifier;
    f.type = type;
    f.stance = "claimed";
    f.start = start;
    f.end = start + fx_cps(span_text, strlen(span_text));
    f.span_text = span_text;
    f.quote_start = 0;
    f.quote_end = fx_cps(body, strlen(body));
    f.quote = body;
    return f;
}

/* The "id" of every item of a JSON array, joined by spaces. */
static inline char *fx_ids(const json_t *arr)
{
    size_t cap = 64, len = 0;
    char *out = malloc(cap);
    cr_assert_not_null(out);
    out[0] = '\0';
    size_t i;
    json_t *it;
    json_array_foreach(arr, i, it)
    {
        const char *id = json_string_value(json_object_get(it, "id"));
        cr_assert_not_null(id);
        size_t n = strlen(id);
        while (len + n + 2 > cap) {
            cap *= 2;
            out = realloc(out, cap);
            cr_assert_not_null(out);
        }
        if (len)
            out[len++] = ' ';
        memcpy(out + len, id, n + 1);
        len += n;
    }
    return out;
}

/* The keys of a JSON object in order, joined by commas. */
static inline void fx_keys(const json_t *o, char *out, size_t outsz)
{
    size_t len = 0;
    out[0] = '\0';
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)o, k, v)
    {
        (void)v;
        int w = snprintf(out + len, outsz - len, "%s%s", len ? "," : "", k);
        cr_assert(w > 0 && (size_t)w < outsz - len);
        len += (size_t)w;
    }
}

#define fx_assert_keys(obj, expected)                    \
    do {                                                 \
        char keys_[512];                                 \
        cr_assert(json_is_object(obj), "not an object"); \
        fx_keys((obj), keys_, sizeof keys_);             \
        cr_assert_str_eq(keys_, (expected));             \
    } while (0)

#define fx_assert_str(obj, key, expected)                                   \
    cr_assert_str_eq(json_string_value(json_object_get((obj), (key)))       \
                         ? json_string_value(json_object_get((obj), (key))) \
                         : "(not a string)",                                \
                     (expected), "key %s", (key))

#define fx_assert_int(obj, key, expected)                                                   \
    do {                                                                                    \
        json_t *v_ = json_object_get((obj), (key));                                         \
        cr_assert(json_is_integer(v_), "key %s is not an integer", (key));                  \
        cr_assert_eq(json_integer_value(v_), (json_int_t)(expected), "key %s: %lld", (key), \
                     (long long)json_integer_value(v_));                                    \
    } while (0)

#define fx_assert_null(obj, key) \
    cr_assert(json_is_null(json_object_get((obj), (key))), "key %s is not null", (key))

/* ---- list queries */

static inline size_t filter_index(store_resource r, const char *name)
{
    size_t n;
    const store_filter_def *defs = store_filters(r, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(defs[i].name, name) == 0)
            return i;
    cr_assert_fail("no filter %s", name);
    return 0;
}

static inline size_t sort_index(store_resource r, const char *name)
{
    size_t n;
    const char *const *f = store_sort_fields(r, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i], name) == 0)
            return i;
    cr_assert_fail("no sort field %s", name);
    return 0;
}

static inline store_query query(store_resource r)
{
    store_query q;
    memset(&q, 0, sizeof q);
    q.res = r;
    q.limit = STORE_MAX_LIMIT;
    return q;
}

static inline void add_text(store_query *q, const char *name, const char *text)
{
    q->filters[q->n_filters].def = filter_index(q->res, name);
    q->filters[q->n_filters].text = text;
    q->n_filters++;
}

static inline void add_nums(store_query *q, const char *name, double a, double b, double c,
                            double d)
{
    store_filter *f = &q->filters[q->n_filters++];
    f->def = filter_index(q->res, name);
    f->num[0] = a;
    f->num[1] = b;
    f->num[2] = c;
    f->num[3] = d;
}

/* "title" ascending, "-value" descending. */
static inline void add_sort(store_query *q, const char *spec)
{
    bool desc = spec[0] == '-';
    q->sort[q->n_sort].field = sort_index(q->res, desc ? spec + 1 : spec);
    q->sort[q->n_sort].desc = desc;
    q->n_sort++;
}

/* The ids of every page of q (paging with q->limit), space separated;
 * checks that totals agree and only the last page is short. */
static inline char *list_ids(store *s, store_query q)
{
    char *all = calloc(1, 1);
    char *cursor = NULL;
    long long total = -1;
    size_t seen = 0;
    for (int guard = 0; guard < 10000; guard++) {
        store_page p;
        q.cursor = cursor;
        store_status st = store_list(s, &q, &p);
        cr_assert_eq(st, STORE_OK, "store_list: %d %s", st, store_errmsg(s));
        if (total < 0)
            total = p.total;
        cr_assert_eq(p.total, total, "total changed between pages");
        seen += json_array_size(p.data);
        char *ids = fx_ids(p.data);
        size_t n = strlen(all), m = strlen(ids);
        all = realloc(all, n + m + 2);
        if (n && m)
            all[n++] = ' ';
        memcpy(all + n, ids, m + 1);
        free(ids);
        free(cursor);
        cursor = p.next ? strdup(p.next) : NULL;
        if (p.next)
            cr_assert_eq(json_array_size(p.data), (size_t)q.limit, "a short page before the end");
        else
            cr_assert(json_array_size(p.data) > 0 || total == 0, "an empty last page");
        store_page_free(&p);
        if (!cursor)
            break;
    }
    cr_assert_eq((long long)seen, total, "items %zu, total %lld", seen, total);
    return all;
}

#endif
