/* page.h — a saved article page (HTML) as one article: the article's text
 * only, and its title, date, outlet and URL from the page's metadata.
 *
 * Pure: bytes in, an article out, no I/O. Parsed with libxml2's HTML reader
 * (no network, recovering from malformed markup), at most READER_MAX_FILE
 * bytes of page, READER_MAX_TEXT of text, READER_MAX_DEPTH of nesting.
 */
#ifndef MARSAD_PAGE_H
#define MARSAD_PAGE_H

#include "ingest/reader.h"

/* Read one page. The charset is the one the page declares (<meta charset>
 * or http-equiv), UTF-8 when it declares none. Returns 0 and fills *out
 * (free with reader_article_free; key is NULL), or -1 with the reason in why
 * (invalid bytes in the charset, no article text, too large...). */
int page_read(const char *buf, size_t len, reader_article *out, char *why, size_t whysz);

/* The text of an HTML fragment (a feed item's description or content):
 * markup removed, blocks and <br> as lines, scripts, styles and the page
 * furniture page_read drops left out. A new string (its length in *len), or
 * NULL when no text is left, when it exceeds READER_MAX_TEXT (then *over is
 * set) or when memory runs out. The fragment is UTF-8 already. */
char *page_fragment_text(const char *html, size_t len, size_t *outlen, bool *over);

#endif
