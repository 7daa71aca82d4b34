/* reader.c — the pieces every reader shares (see reader.h): owned article
 * records, the list of a file's articles and skipped items, a bounded text
 * builder, and dates written as ISO 8601 in UTC.
 *
 * Dates: an offset given with a time is applied (so +03:00 becomes UTC); a
 * time without an offset stays as written, without Z, because its zone is
 * unknown. Numeric dates of bylines are read day first (05/03/2024 is 5
 * March), as Arabic outlets write them.
 */
#include "ingest/reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

void reader_article_free(reader_article *a)
{
    if (!a)
        return;
    free(a->id);
    free(a->key);
    free(a->title);
    free(a->outlet);
    free(a->url);
    free(a->published_at);
    free(a->body);
    memset(a, 0, sizeof *a);
}

void reader_batch_free(reader_batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        reader_article_free(&b->items[i]);
    free(b->items);
    for (size_t i = 0; i < b->n_skips; i++)
        free(b->skips[i]);
    free(b->skips);
    memset(b, 0, sizeof *b);
}

int reader_batch_add(reader_batch *b, reader_article *a)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        reader_article *items = realloc(b->items, cap * sizeof *items);
        if (!items) {
            reader_article_free(a);
            return -1;
        }
        b->items = items;
        b->cap = cap;
    }
    b->items[b->n++] = *a;
    memset(a, 0, sizeof *a);
    return 0;
}

int reader_batch_skip(reader_batch *b, size_t item, const char *what, const char *why)
{
    if (b->n_skips == b->cap_skips) {
        size_t cap = b->cap_skips ? b->cap_skips * 2 : 8;
        char **skips = realloc(b->skips, cap * sizeof *skips);
        if (!skips)
            return -1;
        b->skips = skips;
        b->cap_skips = cap;
    }
    char line[512];
    if (what && *what)
        snprintf(line, sizeof line, "item %zu (%.200s): %s", item, what, why);
    else
        snprintf(line, sizeof line, "item %zu: %s", item, why);
    if (!(b->skips[b->n_skips] = strdup(line)))
        return -1;
    b->n_skips++;
    return 0;
}

/* ---- text builder --------------------------------------------------------- */

static void tb_put(textbuf *t, const char *s, size_t n)
{
    if (t->over || t->oom)
        return;
    if (t->n + n + 1 > READER_MAX_TEXT) {
        t->over = true;
        return;
    }
    if (t->n + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->n + n + 1)
            cap *= 2;
        char *s2 = realloc(t->s, cap);
        if (!s2) {
            t->oom = true;
            return;
        }
        t->s = s2;
        t->cap = cap;
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
}

void textbuf_add(textbuf *t, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII white space and U+00A0 (no-break space) separate words */
        bool nbsp = i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0;
        if (nbsp || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' ||
            s[i] == '\v') {
            t->pending_space = true;
            i += nbsp ? 2 : 1;
            continue;
        }
        size_t j = i;
        while (j < n &&
               !(s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r' || s[j] == '\f' ||
                 s[j] == '\v' ||
                 (j + 1 < n && (unsigned char)s[j] == 0xC2 && (unsigned char)s[j + 1] == 0xA0)))
            j++;
        if (t->pending_space && t->n > 0 && t->s[t->n - 1] != '\n')
            tb_put(t, " ", 1);
        t->pending_space = false;
        tb_put(t, s + i, j - i);
        i = j;
    }
}

void textbuf_break(textbuf *t)
{
    if (t->n > 0 && t->s[t->n - 1] != '\n')
        tb_put(t, "\n", 1);
    t->pending_space = false;
}

char *textbuf_take(textbuf *t, size_t *len)
{
    while (t->n > 0 && (t->s[t->n - 1] == '\n' || t->s[t->n - 1] == ' '))
        t->s[--t->n] = '\0';
    if (t->n == 0) {
        textbuf_free(t);
        *len = 0;
        return NULL;
    }
    char *s = t->s;
    *len = t->n;
    memset(t, 0, sizeof *t);
    return s;
}

void textbuf_free(textbuf *t)
{
    free(t->s);
    memset(t, 0, sizeof *t);
}

char *reader_field(const char *s, size_t n)
{
    if (!s)
        return NULL;
    textbuf t = {0};
    textbuf_add(&t, s, n < 4 * READER_MAX_FIELD ? n : 4 * READER_MAX_FIELD);
    size_t len;
    char *out = textbuf_take(&t, &len);
    if (out && len > READER_MAX_FIELD) {
        size_t cut = READER_MAX_FIELD;
        while (cut > 0 && ((unsigned char)out[cut] & 0xC0) == 0x80)
            cut--; /* never inside a character */
        out[cut] = '\0';
    }
    return out;
}

char *reader_url(const char *url)
{
    if (!url)
        return NULL;
    char *u = reader_field(url, strlen(url));
    if (u && strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0) {
        free(u);
        return NULL;
    }
    if (u && strchr(u, ' ')) { /* a URL has no spaces */
        free(u);
        return NULL;
    }
    /* The scheme is case-insensitive (RFC 3986 3.1); its canonical form is
     * lower case, which is what the API and the explorer's links expect. */
    for (char *c = u; c && *c != ':'; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    return u;
}

/* ---- dates ---------------------------------------------------------------- */

/* n digits at *p as a number; moves *p. -1 when they are not all digits. */
static int digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return v;
}

/* 1 or 2 digits (not followed by a third). */
static int small_number(const char **p)
{
    const char *s = *p;
    if (!isdigit((unsigned char)s[0]))
        return -1;
    int v = s[0] - '0';
    int n = 1;
    if (isdigit((unsigned char)s[1])) {
        v = v * 10 + (s[1] - '0');
        n = 2;
    }
    if (isdigit((unsigned char)s[n]))
        return -1;
    *p += n;
    return v;
}

static bool valid_ymd(int y, int mo, int d)
{
    return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* (unsigned % 100: the compiler then knows each part fits its width) */
static void write_date(char out[32], int y, int mo, int d)
{
    snprintf(out, 32, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u,
             (unsigned)d % 100u);
}

static void write_stamp(char out[32], int y, int mo, int d, int h, int mi, int s, const char *z)
{
    snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%02u%s", (unsigned)y % 10000u, (unsigned)mo % 100u,
             (unsigned)d % 100u, (unsigned)h % 100u, (unsigned)mi % 100u, (unsigned)s % 100u, z);
}

/* A time "HH:MM[:SS[.frac]]" then an optional zone, written after the date;
 * *p is at the hour. Returns false when no time is there (out keeps the date). */
static bool time_part(const char **pp, int y, int mo, int d, char out[32], bool rfc822)
{
    const char *p = *pp;
    int h = digits(&p, 2), mi = -1, s = 0;
    if (h < 0 || *p != ':')
        return false;
    p++;
    if ((mi = digits(&p, 2)) < 0)
        return false;
    if (*p == ':') {
        p++;
        if ((s = digits(&p, 2)) < 0)
            return false;
        if (*p == '.' || *p == ',')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    if (h > 23 || mi > 59 || s > 60)
        return false;
    while (rfc822 && *p == ' ')
        p++;
    int off = 0; /* minutes east of UTC */
    bool zoned = true;
    if (*p == 'Z' || strncmp(p, "GMT", 3) == 0 || strncmp(p, "UT", 2) == 0) {
        off = 0;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1;
        p++;
        int oh = digits(&p, 2), om = 0;
        if (oh < 0)
            return false;
        if (*p == ':')
            p++;
        if (isdigit((unsigned char)*p) && (om = digits(&p, 2)) < 0)
            return false;
        off = sign * (oh * 60 + om);
    } else {
        zoned = false;
    }
    *pp = p;
    if (!zoned) {
        write_stamp(out, y, mo, d, h, mi, s, "");
        return true;
    }
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mo - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi,
                    .tm_sec = s > 59 ? 59 : s};
    time_t t = timegm(&tm) - (time_t)off * 60;
    struct tm u;
    if (!gmtime_r(&t, &u))
        return false;
    write_stamp(out, u.tm_year + 1900, u.tm_mon + 1, u.tm_mday, u.tm_hour, u.tm_min, u.tm_sec, "Z");
    return true;
}

static const char *const MONTHS[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};

/* RFC 822 as in RSS: [Day, ] D Mon YYYY HH:MM[:SS] zone. */
static bool rfc822(const char *p, char out[32])
{
    const char *comma = strchr(p, ',');
    if (comma && comma - p <= 10)
        p = comma + 1;
    while (*p == ' ')
        p++;
    int d = small_number(&p);
    if (d < 0 || *p != ' ')
        return false;
    p++;
    int mo = 0;
    for (int i = 0; i < 12; i++)
        if (strncasecmp(p, MONTHS[i], 3) == 0)
            mo = i + 1;
    if (!mo)
        return false;
    while (*p && *p != ' ')
        p++;
    while (*p == ' ')
        p++;
    int y = digits(&p, 4);
    if (!valid_ymd(y, mo, d))
        return false;
    while (*p == ' ')
        p++;
    write_date(out, y, mo, d);
    time_part(&p, y, mo, d, out, true);
    return true;
}

/* A date starting exactly at p: ISO (with an optional time), Y/M/D, or
 * D/M/Y with / - or . between the parts. */
static bool date_at(const char *p, char out[32])
{
    const char *s = p;
    int y = digits(&s, 4);
    if (y >= 0) {
        char sep = *s;
        if (sep != '-' && sep != '/' && sep != '.')
            return false;
        s++;
        int mo = small_number(&s);
        if (mo < 0 || *s != sep)
            return false;
        s++;
        int d = small_number(&s);
        if (!valid_ymd(y, mo, d))
            return false;
        write_date(out, y, mo, d);
        if (sep == '-' && (*s == 'T' || *s == ' ')) {
            s++;
            time_part(&s, y, mo, d, out, false);
        }
        return true;
    }
    s = p;
    int d = small_number(&s);
    char sep = *s;
    if (d < 0 || (sep != '-' && sep != '/' && sep != '.'))
        return false;
    s++;
    int mo = small_number(&s);
    if (mo < 0 || *s != sep)
        return false;
    s++;
    if ((y = digits(&s, 4)) < 0 || isdigit((unsigned char)*s) || !valid_ymd(y, mo, d))
        return false;
    write_date(out, y, mo, d);
    return true;
}

/* Arabic-Indic digits (U+0660..U+0669) as ASCII, in a bounded copy. */
static void ascii_digits(const char *s, char *out, size_t outsz)
{
    size_t w = 0;
    for (size_t i = 0; s[i] && w + 1 < outsz; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        if (u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9) {
            out[w++] = (char)('0' + (u[1] - 0xA0));
            i++;
        } else {
            out[w++] = s[i];
        }
    }
    out[w] = '\0';
}

bool reader_date(const char *s, char out[32])
{
    if (!s)
        return false;
    char buf[128];
    ascii_digits(s, buf, sizeof buf);
    const char *p = buf;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    return date_at(p, out) || rfc822(p, out);
}

bool reader_date_in_text(const char *s, char out[32])
{
    if (!s)
        return false;
    char buf[1024];
    ascii_digits(s, buf, sizeof buf);
    for (const char *p = buf; *p; p++)
        if (isdigit((unsigned char)*p) && (p == buf || !isdigit((unsigned char)p[-1])) &&
            date_at(p, out))
            return true;
    return false;
}
