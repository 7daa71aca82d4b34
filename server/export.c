/* export.c — streaming CSV and NDJSON exports of the lists.
 *
 * CSV columns are fixed per resource: the store's columns marked
 * STORE_COL_CSV (store_columns), each a path into the item's JSON such as
 * claimant.name, so every row has the same columns whatever is null; the
 * header row names them, one for every field of the list's JSON items
 * (tests/e2e/test_export.c checks that none is missing). Values are quoted
 * when they hold a comma, a quote or a line break (RFC 4180); null is an
 * empty field and an empty string is "" (spreadsheets tell them apart);
 * numbers are written as JSON writes them. With bom=true a UTF-8
 * byte-order mark comes first, so spreadsheet programs read Arabic as
 * UTF-8 rather than the locale's code page.
 * NDJSON is each item as compact JSON on its own line.
 *
 * Each page is a store_list call, continuing from the previous page's
 * cursor, so rows are neither repeated nor skipped. The first page is read
 * by the handler (its errors are still a problem answer); each later one
 * by export_fill, which the HTTP layer runs off the polling thread (the
 * query pool) on the connection of the thread that runs it, while the
 * stream waits with REPLY_STREAM_FILL: a page's query never holds the
 * polling thread's other connections.
 */
#include "server/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct export_state {
    store *db;
    app *app;      /* its fault is recorded when a page finds the file damaged */
    store_query q; /* its strings point into `strings` */
    char *strings[STORE_MAX_FILTERS + 1];
    output_format fmt;
    char *out; /* rendered, not yet sent: out[sent..len) */
    size_t len, sent, cap;
    char *next; /* cursor of the next page; NULL when none */
    bool header_done, last_page, failed;
    bool filled;          /* export_fill has run for the page asked */
    store_status fill_st; /* and how it went */
} export_state;

static void state_free(void *p)
{
    export_state *e = p;
    if (!e)
        return;
    for (size_t i = 0; i <= STORE_MAX_FILTERS; i++)
        free(e->strings[i]);
    free(e->out);
    free(e->next);
    free(e);
}

static bool put(export_state *e, const char *s, size_t n)
{
    if (e->len + n + 1 > e->cap) {
        size_t cap = (e->len + n + 1) * 2;
        char *grown = realloc(e->out, cap);
        if (!grown)
            return false;
        e->out = grown;
        e->cap = cap;
    }
    memcpy(e->out + e->len, s, n);
    e->len += n;
    return true;
}

/* The column's value in item; NULL when its group is null. A group
 * "a.b" is the object b inside the object a. */
static json_t *column_of(json_t *item, const store_column *col)
{
    const char *g = col->group, *dot;
    while (*g && item) {
        dot = strchr(g, '.');
        size_t n = dot ? (size_t)(dot - g) : strlen(g);
        item = json_object_getn(item, g, n);
        g += n + (dot != NULL);
    }
    return json_object_get(item, col->key);
}

static bool put_csv_field(export_state *e, json_t *v)
{
    if (!v || json_is_null(v))
        return true;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        if (n > 0 && strcspn(s, ",\"\r\n") == n)
            return put(e, s, n);
        if (!put(e, "\"", 1))
            return false;
        for (size_t i = 0; i < n; i++)
            if (!put(e, &s[i], 1) || (s[i] == '"' && !put(e, "\"", 1)))
                return false;
        return put(e, "\"", 1);
    }
    char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(10));
    bool ok = text && put(e, text, strlen(text));
    free(text);
    return ok;
}

static bool render_page(export_state *e, const store_page *page)
{
    size_t n_cols;
    const store_column *cols = store_columns(e->q.res, &n_cols);
    bool csv = e->fmt == FORMAT_CSV || e->fmt == FORMAT_CSV_BOM;
    if (csv && !e->header_done) {
        if (e->fmt == FORMAT_CSV_BOM && !put(e, "\xEF\xBB\xBF", 3))
            return false;
        bool first = true;
        for (size_t c = 0; c < n_cols; c++) {
            if (!(cols[c].flags & STORE_COL_CSV))
                continue;
            if ((!first && !put(e, ",", 1)) ||
                (cols[c].group[0] &&
                 (!put(e, cols[c].group, strlen(cols[c].group)) || !put(e, ".", 1))) ||
                !put(e, cols[c].key, strlen(cols[c].key)))
                return false;
            first = false;
        }
        if (!put(e, "\r\n", 2))
            return false;
        e->header_done = true;
    }
    size_t i;
    json_t *item;
    json_array_foreach(page->data, i, item)
    {
        if (e->fmt == FORMAT_NDJSON) {
            char *line = json_dumps(item, JSON_COMPACT | JSON_REAL_PRECISION(10));
            bool ok = line && put(e, line, strlen(line)) && put(e, "\n", 1);
            free(line);
            if (!ok)
                return false;
            continue;
        }
        bool first = true;
        for (size_t c = 0; c < n_cols; c++) {
            if (!(cols[c].flags & STORE_COL_CSV))
                continue;
            if ((!first && !put(e, ",", 1)) || !put_csv_field(e, column_of(item, &cols[c])))
                return false;
            first = false;
        }
        if (!put(e, "\r\n", 2))
            return false;
    }
    return true;
}

/* Read and render the next page; false when the store fails. */
static bool next_page(export_state *e, store_status *st)
{
    store_page page = {0};
    e->q.cursor = e->next;
    e->q.n_facets = 0;
    *st = store_list(e->db, &e->q, &page);
    if (*st != STORE_OK)
        return false;
    bool ok = render_page(e, &page);
    free(e->next);
    e->next = page.next; /* the page's cursor is ours now */
    page.next = NULL;
    e->last_page = e->next == NULL;
    store_page_free(&page);
    return ok;
}

/* The next page, read on the connection db of the thread that runs it
 * (a query worker, or the polling thread when there are none). */
static void export_fill(void *ctx, store *db)
{
    export_state *e = ctx;
    e->db = db;
    e->len = e->sent = 0;
    e->fill_st = STORE_OK;
    if (!db) {
        e->fill_st = STORE_BUSY; /* no connection could be opened */
    } else if (!next_page(e, &e->fill_st)) {
        fprintf(stderr, "marsad: export cut short: %s\n",
                e->fill_st == STORE_OK ? "out of memory" : store_errmsg(db));
        if (e->fill_st == STORE_CORRUPT)
            app_set_fault(&e->app->fault, APP_FAULT_CORRUPT);
        if (e->fill_st == STORE_OK)
            e->fill_st = STORE_ERR;
    }
    e->filled = true;
}

static size_t stream(void *ctx, char *buf, size_t max)
{
    export_state *e = ctx;
    if (e->sent == e->len && !e->last_page) {
        if (!e->filled)
            return REPLY_STREAM_FILL;
        e->filled = false;
        /* The 200 and its headers are gone: the stream ends without its
         * last chunk (chunked) and the connection closes, so the client
         * sees a cut transfer, never a clean but short export. */
        if (e->fill_st != STORE_OK)
            return REPLY_STREAM_ERROR;
        if (e->sent == e->len && !e->last_page)
            return REPLY_STREAM_FILL; /* an empty page that is not the last */
    }
    size_t n = e->len - e->sent < max ? e->len - e->sent : max;
    if (n == 0)
        return 0; /* the end; an empty export has no buffer at all */
    memcpy(buf, e->out + e->sent, n);
    e->sent += n;
    return n;
}

void export_start(request *rq, const store_query *q, output_format fmt, reply *r,
                  void (*fail)(request *rq, reply *r, store_status st, store_resource res))
{
    export_state *e = calloc(1, sizeof *e);
    if (!e) {
        reply_problem(r, 500, "out of memory");
        return;
    }
    e->db = rq->db;
    e->app = rq->app;
    e->q = *q;
    e->fmt = fmt;
    for (size_t i = 0; i < q->n_filters; i++)
        if (q->filters[i].text &&
            !(e->q.filters[i].text = e->strings[i] = strdup(q->filters[i].text)))
            goto oom;
    if (q->cursor && !(e->next = strdup(q->cursor)))
        goto oom;
    store_status st;
    if (!next_page(e, &st)) {
        if (st != STORE_OK)
            fail(rq, r, st, q->res);
        else
            reply_problem(r, 500, "out of memory");
        state_free(e);
        return;
    }
    static const char *const names[] = {"articles", "sources", "locations", "figures"};
    bool csv = fmt == FORMAT_CSV || fmt == FORMAT_CSV_BOM;
    e->db = NULL; /* a later page runs on the connection of whichever thread reads it */
    reply_stream(r, 200, csv ? "text/csv; charset=utf-8" : "application/x-ndjson", stream,
                 export_fill, e, state_free);
    snprintf(r->disposition, sizeof r->disposition, "inline; filename=\"%s.%s\"",
             names[q->res < RES__COUNT ? q->res : 0], csv ? "csv" : "ndjson");
    return;
oom:
    state_free(e);
    reply_problem(r, 500, "out of memory");
}
