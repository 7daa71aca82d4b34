/* feed.c — RSS and Atom feeds as articles (see feed.h).
 *
 * Elements are matched by local name, so prefixes need not be the usual
 * ones (content:encoded, dc:date). Only text and CDATA children are read,
 * never entity references, and the bytes are converted to UTF-8 from the
 * charset of the XML prolog before libxml2 sees them.
 */
#include "ingest/feed.h"

#include "ingest/charset.h"
#include "ingest/page.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (named(c, name))
            return c;
    return NULL;
}

/* The text and CDATA directly inside n, concatenated (a new string, or
 * NULL when empty). */
static char *own_text(const xmlNode *n)
{
    if (!n)
        return NULL;
    size_t total = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            total += strlen((const char *)c->content);
    if (total == 0 || total > READER_MAX_FILE)
        return NULL;
    char *s = malloc(total + 1), *w = s;
    if (!s)
        return NULL;
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            size_t k = strlen((const char *)c->content);
            memcpy(w, c->content, k);
            w += k;
        }
    *w = '\0';
    return s;
}

static char *field_of(const xmlNode *n)
{
    char *s = own_text(n);
    char *f = s ? reader_field(s, strlen(s)) : NULL;
    free(s);
    return f;
}

static const char *prop(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

/* Atom: the href of the alternate link (a link without rel is one). */
static char *atom_link(const xmlNode *entry)
{
    for (const xmlNode *c = entry->children; c; c = c->next) {
        if (!named(c, "link"))
            continue;
        const char *rel = prop(c, "rel");
        if (!rel || strcmp(rel, "alternate") == 0)
            return reader_url(prop(c, "href"));
    }
    return NULL;
}

/* The item's text as lines: an XHTML Atom content is serialised first,
 * other content is HTML (escaped or CDATA) or plain text. */
static char *item_text(const xmlNode *n, size_t *len, bool *over)
{
    *len = 0;
    *over = false;
    const char *type = prop(n, "type");
    char *html = NULL;
    if (type && strcmp(type, "xhtml") == 0) {
        xmlBufferPtr xb = xmlBufferCreate();
        for (xmlNode *c = n->children; xb && c; c = c->next)
            xmlNodeDump(xb, n->doc, c, 0, 0);
        if (xb && xmlBufferContent(xb))
            html = strdup((const char *)xmlBufferContent(xb));
        xmlBufferFree(xb);
    } else {
        html = own_text(n);
    }
    if (!html)
        return NULL;
    char *text = page_fragment_text(html, strlen(html), len, over);
    free(html);
    return text;
}

static char *item_date(const xmlNode *item)
{
    static const char *const NAMES[] = {"pubDate", "published", "date", "updated",
                                        "issued",  "modified",  NULL};
    for (size_t i = 0; NAMES[i]; i++) {
        char *s = own_text(child(item, NAMES[i]));
        char iso[32];
        bool ok = s && reader_date(s, iso);
        free(s);
        if (ok)
            return strdup(iso);
    }
    return NULL;
}

/* One item or entry into b, or a skip with its reason. */
static int read_item(const xmlNode *item, size_t index, const char *channel_title, bool atom,
                     reader_batch *b)
{
    reader_article a = {0};
    a.title = field_of(child(item, "title"));
    if (atom) {
        a.url = atom_link(item);
    } else {
        char *link = own_text(child(item, "link"));
        a.url = reader_url(link);
        free(link);
    }
    a.published_at = item_date(item);
    const xmlNode *source = child(item, "source");
    a.outlet = atom ? field_of(child(source, "title")) : field_of(source);
    if (!a.outlet && channel_title)
        a.outlet = strdup(channel_title);
    a.key = field_of(child(item, atom ? "id" : "guid"));
    if (!a.key && a.url)
        a.key = strdup(a.url);
    if (!a.key && a.title)
        a.key = strdup(a.title);
    const xmlNode *content = atom ? child(item, "content") : child(item, "encoded");
    const xmlNode *summary = atom ? child(item, "summary") : child(item, "description");
    bool over = false;
    a.body = content ? item_text(content, &a.len, &over) : NULL;
    if (!a.body && !over && summary)
        a.body = item_text(summary, &a.len, &over);
    const char *why = over      ? "text larger than 1 MiB"
                      : !a.body ? "no text (no content or description)"
                                : NULL;
    if (why) {
        int rc = reader_batch_skip(b, index, a.title ? a.title : a.key, why);
        reader_article_free(&a);
        return rc;
    }
    return reader_batch_add(b, &a);
}

int feed_read(const char *buf, size_t len, reader_batch *b, char *why, size_t whysz)
{
    memset(b, 0, sizeof *b);
    if (len > READER_MAX_FILE) {
        snprintf(why, whysz, "larger than 8 MiB");
        return -1;
    }
    char cs[64];
    const char *charset = charset_xml(buf, len, cs, sizeof cs);
    size_t ulen;
    char *utf8 = charset_to_utf8(buf, len, charset, &ulen, why, whysz);
    if (!utf8)
        return -1;
    int rc = -1;
    xmlDocPtr doc = NULL;
    /* A feed needs no DTD; refusing one refuses entity expansion and
     * external entities before the parser could see them. */
    if (memmem(utf8, ulen, "<!DOCTYPE", 9) || memmem(utf8, ulen, "<!ENTITY", 8)) {
        snprintf(why, whysz, "a DTD or entity declaration (refused: feeds need none)");
        goto out;
    }
    doc = xmlReadMemory(utf8, (int)ulen, NULL, "UTF-8",
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                            XML_PARSE_RECOVER);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        snprintf(why, whysz, "not well-formed XML");
        goto out;
    }
    bool atom = named(root, "feed");
    const xmlNode *channel = atom ? root : child(root, "channel");
    if (!channel || !(atom || named(root, "rss") || named(root, "RDF"))) {
        snprintf(why, whysz, "not an RSS or Atom feed (root element <%.40s>)",
                 (const char *)root->name);
        goto out;
    }
    char *channel_title = field_of(child(channel, "title"));
    /* RSS 2.0 items are in the channel, RSS 1.0 items beside it */
    const xmlNode *holder = named(root, "RDF") ? root : channel;
    size_t index = 0;
    rc = 0;
    for (const xmlNode *c = holder->children; c && rc == 0; c = c->next)
        if (named(c, atom ? "entry" : "item"))
            rc = read_item(c, ++index, channel_title, atom, b);
    free(channel_title);
    if (rc != 0) {
        snprintf(why, whysz, "out of memory");
        reader_batch_free(b);
    }
out:
    xmlFreeDoc(doc);
    free(utf8);
    return rc;
}
