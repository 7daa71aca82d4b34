/* search_eval.c — Arabic search as people type it, measured: pairs of
 * queries that must find the same articles (tests/data/search_pairs.tsv:
 * with and without harakat, hamza forms, ى/ي, ة/ه, tatweel, proclitics,
 * singular and plural where the stemmer joins them, Arabic-Indic and ASCII
 * digits), run over the seed corpus through marsad's tokenizer (the store's
 * own q filter of /v1/articles) and, for comparison, through a plain FTS5
 * unicode61 table (remove_diacritics 2, what the store used before schema
 * version 3) over the same titles and bodies.
 *
 * Prints one line per pair (articles found by each query, whether they
 * agree, for both tokenizers) and the agreement counts. Exits 1 when a pair
 * disagrees under marsad, or finds no article there (a pair that finds
 * nothing proves nothing); 2 on a usage or setup error.
 *
 * Usage: search_eval PAIRS.tsv SEEDS_DIR [SCHEMA.sql]   (schema.sql by default)
 * The seeds are imported into a database in a temporary folder, removed at
 * the end.
 */
#include "db/store.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PAIRS 256
#define MAX_LINE 2048
#define MAX_IDS 1024

typedef struct pair {
    char *a, *b, *note;
    int line;
} pair;

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t k = fread(buf + n, 1, cap - n - 1, f);
        n += k;
        if (k == 0)
            break;
        if (n + 1 == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p)
                free(buf);
            buf = p;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* Pairs from the TSV: query_a TAB query_b TAB note; '#' lines and blank
 * lines are skipped. The strings point into buf (modified). */
static size_t read_pairs(char *buf, pair *out, size_t max)
{
    size_t n = 0;
    int line = 0;
    for (char *p = buf; p && *p && n < max;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        line++;
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[len - 1] = '\0';
        if (*p && *p != '#') {
            char *t1 = strchr(p, '\t');
            char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t1) {
                fprintf(stderr, "search_eval: line %d: no tab\n", line);
                exit(2);
            }
            *t1 = '\0';
            if (t2)
                *t2 = '\0';
            out[n++] = (pair){p, t1 + 1, t2 ? t2 + 1 : "", line};
        }
        p = nl ? nl + 1 : NULL;
    }
    return n;
}

/* Ids found, sorted, joined by ' ' (the first 3 characters of each id: the
 * seeds are numbered 000_, 001_, ...), into out; the count, or -1 for a
 * query the engine refused. */
typedef struct found {
    int n;
    char ids[MAX_LINE];
} found;

static void add_id(found *f, const char *id)
{
    size_t used = strlen(f->ids);
    snprintf(f->ids + used, sizeof f->ids - used, "%s%.3s", used ? " " : "", id);
    f->n++;
}

static void by_marsad(store *db, size_t q_filter, const char *q, found *f)
{
    memset(f, 0, sizeof *f);
    store_query sq = {.res = RES_ARTICLES, .n_filters = 1, .limit = STORE_MAX_LIMIT};
    sq.filters[0] = (store_filter){.def = q_filter, .text = q};
    char *cursor = NULL;
    for (;;) {
        store_page page;
        sq.cursor = cursor;
        store_status st = store_list(db, &sq, &page);
        free(cursor);
        cursor = NULL;
        if (st != STORE_OK) {
            f->n = -1;
            snprintf(f->ids, sizeof f->ids, "error: %s", store_errmsg(db));
            return;
        }
        size_t i;
        json_t *a;
        json_array_foreach(page.data, i, a) add_id(f, json_string_value(json_object_get(a, "id")));
        cursor = page.next ? strdup(page.next) : NULL;
        store_page_free(&page);
        if (!cursor)
            break;
    }
}

static void by_unicode61(sqlite3 *db, const char *q, found *f)
{
    memset(f, 0, sizeof *f);
    sqlite3_stmt *st = NULL;
    int rc =
        sqlite3_prepare_v2(db,
                           "SELECT a.id FROM temp.plain p JOIN articles a ON a.doc_no = p.rowid"
                           " WHERE plain MATCH ?1 ORDER BY a.id",
                           -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            add_id(f, (const char *)sqlite3_column_text(st, 0));
    }
    if (rc != SQLITE_DONE) {
        f->n = -1;
        snprintf(f->ids, sizeof f->ids, "error: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
}

static bool agree(const found *x, const found *y)
{
    return x->n > 0 && y->n >= 0 && x->n == y->n && strcmp(x->ids, y->ids) == 0;
}

/* Pads UTF-8 s to w columns (code points) for the table. */
static void put_cell(const char *s, int w)
{
    int n = 0;
    for (const char *p = s; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    fputs(s, stdout);
    for (; n < w; n++)
        putchar(' ');
}

static void cleanup(const char *dir)
{
    static const char *const files[] = {"search.db", "search.db-wal", "search.db-shm",
                                        "search.db-journal"};
    char p[600];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    rmdir(dir);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: search_eval PAIRS.tsv SEEDS_DIR [SCHEMA.sql]\n");
        return 2;
    }
    char *tsv = read_all(argv[1]);
    char *schema = read_all(argc == 4 ? argv[3] : "schema.sql");
    if (!tsv || !schema) {
        fprintf(stderr, "search_eval: cannot read %s\n", !tsv ? argv[1] : "the schema");
        return 2;
    }
    static pair pairs[MAX_PAIRS];
    size_t n_pairs = read_pairs(tsv, pairs, MAX_PAIRS);

    char dir[512], path[600], err[512];
    snprintf(dir, sizeof dir, "%s/marsad-search-eval-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) {
        perror("search_eval: mkdtemp");
        return 2;
    }
    snprintf(path, sizeof path, "%s/search.db", dir);
    int status = 2;
    sqlite3 *plain = NULL;
    extract_model *m = NULL;
    store *db = store_open(path, 0, 2000, schema, err, sizeof err);
    if (!db) {
        fprintf(stderr, "search_eval: %s\n", err);
        goto out;
    }
    if (!(m = extract_model_new(err, sizeof err)) ||
        ingest_sync_reference(db, m, err, sizeof err) != 0) {
        fprintf(stderr, "search_eval: %s\n", err);
        goto out;
    }
    ingest_counts c = {0};
    if (ingest_path(db, m, argv[2], &c, stderr) != 0 || c.articles == 0) {
        fprintf(stderr, "search_eval: importing %s failed (%zu articles)\n", argv[2], c.articles);
        goto out;
    }
    /* The plain side: the same titles and bodies, tokenised by unicode61. */
    if (sqlite3_open_v2(path, &plain, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
        sqlite3_exec(plain,
                     "CREATE VIRTUAL TABLE temp.plain USING fts5 (title, body,"
                     " tokenize = 'unicode61 remove_diacritics 2');"
                     "INSERT INTO temp.plain (rowid, title, body)"
                     " SELECT doc_no, title, body FROM articles",
                     NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "search_eval: %s\n", sqlite3_errmsg(plain));
        goto out;
    }
    size_t n_filters, q_filter = 0;
    const store_filter_def *defs = store_filters(RES_ARTICLES, &n_filters);
    while (q_filter < n_filters && strcmp(defs[q_filter].name, "q") != 0)
        q_filter++;
    if (q_filter == n_filters) {
        fprintf(stderr, "search_eval: /v1/articles has no q filter\n");
        goto out;
    }

    printf("Search pairs over %zu seed articles (%s): articles each query finds (seed numbers)\n\n",
           c.articles, argv[1]);
    printf("%-4s ", "#");
    put_cell("query a", 14);
    put_cell("query b", 14);
    put_cell("marsad a", 16);
    put_cell("marsad b", 16);
    put_cell("agree", 7);
    put_cell("unicode61 a", 16);
    put_cell("unicode61 b", 16);
    put_cell("agree", 7);
    printf("note\n");
    size_t ok_marsad = 0, ok_plain = 0;
    for (size_t i = 0; i < n_pairs; i++) {
        const pair *p = &pairs[i];
        found ma, mb, pa, pb;
        by_marsad(db, q_filter, p->a, &ma);
        by_marsad(db, q_filter, p->b, &mb);
        by_unicode61(plain, p->a, &pa);
        by_unicode61(plain, p->b, &pb);
        bool am = agree(&ma, &mb), ap = agree(&pa, &pb);
        ok_marsad += am;
        ok_plain += ap;
        char cell[64];
        printf("%-4zu ", i + 1);
        put_cell(p->a, 14);
        put_cell(p->b, 14);
        snprintf(cell, sizeof cell, "%d", ma.n);
        put_cell(cell, 16);
        snprintf(cell, sizeof cell, "%d", mb.n);
        put_cell(cell, 16);
        put_cell(am ? "yes" : "NO", 7);
        snprintf(cell, sizeof cell, "%d", pa.n);
        put_cell(cell, 16);
        snprintf(cell, sizeof cell, "%d", pb.n);
        put_cell(cell, 16);
        put_cell(ap ? "yes" : "no", 7);
        printf("%s\n", p->note);
        if (!am)
            printf("     marsad: line %d: a [%s] / b [%s]\n", p->line, ma.ids, mb.ids);
    }
    printf("\nmarsad_ar: %zu of %zu pairs agree; unicode61: %zu of %zu\n", ok_marsad, n_pairs,
           ok_plain, n_pairs);
    status = ok_marsad == n_pairs && n_pairs > 0 ? 0 : 1;
    if (n_pairs == 0)
        fprintf(stderr, "search_eval: no pairs in %s\n", argv[1]);
out:
    sqlite3_close(plain);
    store_close(db);
    extract_model_free(m);
    cleanup(dir);
    free(tsv);
    free(schema);
    return status;
}
