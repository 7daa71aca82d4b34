/* reader.h — what the readers of saved pages, feeds and exports share: the
 * article a reader hands to the import, a list of them with the items it
 * skipped (each with its reason), a text builder that turns markup into
 * lines, and dates in ISO 8601 UTC.
 *
 * Pure: no I/O. Every reader takes bytes already read (at most
 * READER_MAX_FILE, or READER_MAX_EXPORT for JSONL/CSV) and bounds the text it
 * extracts to READER_MAX_TEXT.
 */
#ifndef MARSAD_READER_H
#define MARSAD_READER_H

#include <stdbool.h>
#include <stddef.h>

#define READER_MAX_FILE (8u << 20)    /* a page or feed file larger than 8 MiB is skipped */
#define READER_MAX_EXPORT (64u << 20) /* a JSONL or CSV export larger than 64 MiB is skipped */
#define READER_MAX_TEXT (1u << 20)    /* extracted text of one article (the document limit) */
#define READER_MAX_FIELD 2048         /* title, outlet, url, published_at, id */
#define READER_MAX_DEPTH 256          /* element nesting a reader walks */

/* One article as read. Every string is owned (malloc) and may be NULL but
 * body. id is the article id an export gives; else key names the item
 * within its file (a feed's guid or link, an export's url), from which the
 * import makes a stable id; both NULL for a page, which is named by its
 * file. */
typedef struct reader_article {
    char *id, *key;
    char *title, *outlet, *url, *published_at;
    char *body;
    size_t len;
} reader_article;

void reader_article_free(reader_article *a);

/* The articles of a file in file order, and the items skipped, each a line
 * "item N (what): reason". */
typedef struct reader_batch {
    reader_article *items;
    size_t n, cap;
    char **skips;
    size_t n_skips, cap_skips;
} reader_batch;

void reader_batch_free(reader_batch *b);
/* Moves *a into b (a is zeroed). -1 when out of memory (a is then freed). */
int reader_batch_add(reader_batch *b, reader_article *a);
/* Records a skipped item: "item N (what): why". -1 when out of memory. */
int reader_batch_skip(reader_batch *b, size_t item, const char *what, const char *why);

/* A copy of s (n bytes) with its whitespace collapsed and trimmed, cut at
 * READER_MAX_FIELD bytes on a character boundary; NULL when s is NULL or
 * nothing is left. */
char *reader_field(const char *s, size_t n);
/* A copy of url when it is http:// or https:// (after trimming), else NULL. */
char *reader_url(const char *url);

/* Text builder: words joined by one space, lines by LF, empty lines dropped,
 * at most READER_MAX_TEXT bytes (then `over` is set and text is dropped). */
typedef struct textbuf {
    char *s;
    size_t n, cap;
    bool pending_space, over, oom;
} textbuf;

void textbuf_add(textbuf *t, const char *s, size_t n);
void textbuf_break(textbuf *t);
/* The text, trimmed of its last LF; owned by the caller. NULL if empty. */
char *textbuf_take(textbuf *t, size_t *len);
void textbuf_free(textbuf *t);

/* A date or date-time as readers find them (ISO 8601 with or without an
 * offset, "2024-03-05 10:30", RFC 822 as in RSS "Tue, 05 Mar 2024 10:30:00
 * +0300", and the numeric forms of bylines 2024/03/05, 05/03/2024,
 * 5-3-2024) written as ISO 8601: a date-time in UTC "YYYY-MM-DDTHH:MM:SSZ"
 * or a bare date "YYYY-MM-DD". Returns false when s holds no such date. */
bool reader_date(const char *s, char out[32]);
/* The first numeric or ISO date inside a longer text (a byline). */
bool reader_date_in_text(const char *s, char out[32]);

#endif
