/* feed.h — an RSS 2.0, RSS 1.0 (RDF) or Atom feed as articles, one per item.
 *
 * Pure: bytes in, articles out, no I/O. Parsed with libxml2's XML reader
 * without network access, DTD loading or entity substitution; a feed that
 * declares a DTD or entities is refused outright, so neither entity
 * expansion (billion laughs) nor external entities can happen.
 */
#ifndef MARSAD_FEED_H
#define MARSAD_FEED_H

#include "ingest/reader.h"

/* Read a feed into b (empty on entry; free with reader_batch_free). Each
 * item: title; link as url; pubDate, dc:date, Atom published or updated as
 * published_at (ISO 8601 UTC); content:encoded or description (Atom content
 * or summary) as body with markup removed; outlet from the item's <source>,
 * else the channel's title; key from guid (Atom id), else link, else title,
 * so the item's id stays the same when the feed is imported again. An item
 * without text is a skip in b with its reason. Returns 0, or -1 with the
 * reason the whole file is refused in why (not XML, a DTD, not a feed,
 * larger than 8 MiB, invalid bytes in its charset). */
int feed_read(const char *buf, size_t len, reader_batch *b, char *why, size_t whysz);

#endif
