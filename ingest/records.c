/* records.c — JSONL and CSV exports as articles (see records.h).
 *
 * Both formats become one JSON object per record, checked by the same
 * function, so a field means the same in either. A date is written as
 * ISO 8601 (reader_date); a record with a field marsad cannot use is
 * skipped with the reason rather than stored without it.
 */
#include "ingest/records.h"

#include "extract/text.h"
#include "extract/utf8.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const FIELDS[] = {"body", "title", "outlet", "url", "published_at", "id", NULL};

/* One record into b, or a skip with its reason. -1 when out of memory. */
static int record(const json_t *obj, size_t index, reader_batch *b)
{
    const char *why = NULL;
    reader_article a = {0};
    const json_t *body = json_object_get(obj, "body");
    const char *fields[6] = {0};
    for (size_t i = 0; FIELDS[i]; i++) {
        const json_t *v = json_object_get(obj, FIELDS[i]);
        if (json_is_string(v) && json_string_length(v) > 0)
            fields[i] = json_string_value(v);
        else if (v && !json_is_null(v) && !json_is_string(v) && !why)
            why = i == 0 ? "body: not a string" : "a field that is not a string";
    }
    if (!why && (!json_is_string(body) || !fields[0]))
        why = "no body";
    if (!why && json_string_length(body) > READER_MAX_TEXT)
        why = "body larger than 1 MiB";
    char iso[32];
    if (!why && fields[4] && !reader_date(fields[4], iso))
        why = "published_at: not a date";
    if (!why && fields[3] && !(a.url = reader_url(fields[3])))
        why = "url: not http or https";
    if (!why && fields[5] && strlen(fields[5]) > READER_MAX_FIELD)
        why = "id: too long";
    const char *what = fields[5] ? fields[5] : fields[1];
    if (why) {
        reader_article_free(&a);
        return reader_batch_skip(b, index, what, why);
    }
    a.len = json_string_length(body);
    a.body = malloc(a.len + 1);
    if (!a.body) {
        reader_article_free(&a);
        return -1;
    }
    memcpy(a.body, fields[0], a.len + 1);
    a.len = text_newlines_to_lf(a.body, a.len); /* a CSV field keeps the file's CRLF */
    a.body[a.len] = '\0';
    a.title = reader_field(fields[1], fields[1] ? strlen(fields[1]) : 0);
    a.outlet = reader_field(fields[2], fields[2] ? strlen(fields[2]) : 0);
    a.published_at = fields[4] ? strdup(iso) : NULL;
    a.id = fields[5] ? strdup(fields[5]) : NULL;
    a.key = a.url ? strdup(a.url) : NULL;
    return reader_batch_add(b, &a);
}

static bool too_large(size_t len, char *why, size_t whysz)
{
    if (len <= READER_MAX_EXPORT)
        return false;
    snprintf(why, whysz, "larger than 64 MiB");
    return true;
}

int records_read_jsonl(const char *buf, size_t len, reader_batch *b, char *why, size_t whysz)
{
    memset(b, 0, sizeof *b);
    if (too_large(len, why, whysz))
        return -1;
    size_t line = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        size_t start = pos;
        pos = end + 1;
        line++;
        if (line == 1 && end - start >= 3 && memcmp(buf + start, "\xEF\xBB\xBF", 3) == 0)
            start += 3;
        bool blank = true;
        for (size_t i = start; i < end && blank; i++)
            blank = buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r';
        if (blank)
            continue;
        json_error_t err;
        json_t *obj = json_loadb(buf + start, end - start, JSON_REJECT_DUPLICATES, &err);
        int rc;
        if (!json_is_object(obj)) {
            char reason[200];
            snprintf(reason, sizeof reason, "not a JSON object (%s)",
                     obj ? "another value" : err.text);
            rc = reader_batch_skip(b, line, NULL, reason);
        } else {
            rc = record(obj, line, b);
        }
        json_decref(obj);
        if (rc != 0) {
            reader_batch_free(b);
            snprintf(why, whysz, "out of memory");
            return -1;
        }
    }
    return 0;
}

/* One CSV field from *pos: quoted (with "" for a quote, line breaks
 * inside) or plain up to the next comma or line end. Appends it to out as
 * a new string; sets *row_end when the record ends after it. -1 on an
 * unterminated quote. */
static int csv_field(const char *buf, size_t len, size_t *pos, char **out, bool *row_end)
{
    size_t p = *pos;
    size_t cap = 64, n = 0;
    char *s = malloc(cap);
    if (!s)
        return -2;
    bool quoted = p < len && buf[p] == '"';
    if (quoted)
        p++;
    for (;;) {
        if (p >= len) {
            if (quoted) {
                free(s);
                return -1;
            }
            *row_end = true;
            break;
        }
        char ch = buf[p];
        if (quoted && ch == '"') {
            if (p + 1 < len && buf[p + 1] == '"') {
                p += 2;
                ch = '"';
            } else {
                quoted = false;
                p++;
                continue;
            }
        } else if (!quoted && ch == ',') {
            p++;
            break;
        } else if (!quoted && (ch == '\n' || ch == '\r')) {
            p += ch == '\r' && p + 1 < len && buf[p + 1] == '\n' ? 2 : 1;
            *row_end = true;
            break;
        } else {
            p++;
        }
        if (n + 2 > cap) {
            cap *= 2;
            char *grown = realloc(s, cap);
            if (!grown) {
                free(s);
                return -2;
            }
            s = grown;
        }
        s[n++] = ch;
    }
    s[n] = '\0';
    *out = s;
    *pos = p;
    return 0;
}

#define CSV_MAX_COLUMNS 64

int records_read_csv(const char *buf, size_t len, reader_batch *b, char *why, size_t whysz)
{
    memset(b, 0, sizeof *b);
    if (too_large(len, why, whysz))
        return -1;
    size_t where;
    if (!utf8_valid(buf, len, &where)) {
        snprintf(why, whysz, "invalid UTF-8 at byte %zu", where);
        return -1;
    }
    size_t pos = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    char *columns[CSV_MAX_COLUMNS] = {0};
    size_t n_columns = 0;
    int rc = -1;
    bool row_end = false, has_body = false;
    while (!row_end && pos < len) {
        char *name = NULL;
        int r = csv_field(buf, len, &pos, &name, &row_end);
        if (r != 0 || n_columns == CSV_MAX_COLUMNS) {
            free(name);
            snprintf(why, whysz,
                     r == -2   ? "out of memory"
                     : r == -1 ? "the header row has an unterminated quote"
                               : "more than 64 columns");
            goto out;
        }
        for (char *c = name; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        has_body = has_body || strcmp(name, "body") == 0;
        columns[n_columns++] = name;
    }
    if (!has_body) {
        snprintf(why, whysz, "no body column in the header row");
        goto out;
    }
    size_t row = 1; /* the header is row 1, as a spreadsheet counts */
    while (pos < len) {
        row++;
        json_t *obj = json_object();
        size_t col = 0;
        row_end = false;
        bool empty = true;
        int r = 0;
        while (!row_end && pos < len && r == 0) {
            char *value = NULL;
            if ((r = csv_field(buf, len, &pos, &value, &row_end)) != 0)
                break;
            if (*value)
                empty = false;
            if (col < n_columns && *value)
                json_object_set_new(obj, columns[col], json_string(value));
            free(value);
            col++;
        }
        int added = 0;
        if (r == -1)
            added = reader_batch_skip(b, row, NULL, "unterminated quote");
        else if (r == -2)
            added = -1;
        else if (!empty)
            added = record(obj, row, b);
        json_decref(obj);
        if (added != 0) {
            snprintf(why, whysz, "out of memory");
            reader_batch_free(b);
            goto out;
        }
        if (r == -1)
            break;
    }
    rc = 0;
out:
    for (size_t i = 0; i < n_columns; i++)
        free(columns[i]);
    return rc;
}
