/* formats.c — a file's format from its name, and its bytes through the
 * reader of that format (see formats.h).
 */
#include "ingest/formats.h"

#include "ingest/feed.h"
#include "ingest/page.h"
#include "ingest/records.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *ext;
    ingest_format format;
} EXTENSIONS[] = {
    {"txt", INGEST_FMT_TXT},     {"html", INGEST_FMT_HTML},    {"htm", INGEST_FMT_HTML},
    {"xml", INGEST_FMT_FEED},    {"rss", INGEST_FMT_FEED},     {"atom", INGEST_FMT_FEED},
    {"jsonl", INGEST_FMT_JSONL}, {"ndjson", INGEST_FMT_JSONL}, {"csv", INGEST_FMT_CSV},
};

ingest_format format_of_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name || dot[1] == '\0')
        return INGEST_FMT_NONE;
    for (size_t i = 0; i < sizeof EXTENSIONS / sizeof EXTENSIONS[0]; i++)
        if (strcasecmp(dot + 1, EXTENSIONS[i].ext) == 0)
            return EXTENSIONS[i].format;
    return INGEST_FMT_NONE;
}

const char *format_name(ingest_format f)
{
    switch (f) {
    case INGEST_FMT_TXT: return "txt";
    case INGEST_FMT_HTML: return "html";
    case INGEST_FMT_FEED: return "feed";
    case INGEST_FMT_JSONL: return "jsonl";
    case INGEST_FMT_CSV: return "csv";
    default: return NULL;
    }
}

size_t format_max_bytes(ingest_format f)
{
    switch (f) {
    case INGEST_FMT_HTML:
    case INGEST_FMT_FEED: return READER_MAX_FILE;
    case INGEST_FMT_JSONL:
    case INGEST_FMT_CSV: return READER_MAX_EXPORT;
    default: return READER_MAX_TEXT;
    }
}

int format_read(ingest_format f, const char *buf, size_t len, reader_batch *b, char *why,
                size_t whysz)
{
    switch (f) {
    case INGEST_FMT_HTML: {
        reader_article a = {0};
        if (page_read(buf, len, &a, why, whysz) != 0)
            return -1;
        if (reader_batch_add(b, &a) != 0) {
            snprintf(why, whysz, "out of memory");
            return -1;
        }
        return 0;
    }
    case INGEST_FMT_FEED: return feed_read(buf, len, b, why, whysz);
    case INGEST_FMT_JSONL: return records_read_jsonl(buf, len, b, why, whysz);
    case INGEST_FMT_CSV: return records_read_csv(buf, len, b, why, whysz);
    default: snprintf(why, whysz, "not a page, feed or export"); return -1;
    }
}
