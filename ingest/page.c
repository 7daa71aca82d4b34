/* page.c — a saved article page as one article (see page.h).
 *
 * The body is the text of one content root: the element marked
 * itemprop=articleBody, else the <article> with the most text outside links,
 * else the element whose own paragraphs and text hold the most characters
 * outside links (text density; this finds the table cell of a legacy layout
 * as well as a CMS's content div). Inside the root, page furniture never
 * reaches the body: script, style, form, nav, header, footer, aside, the
 * h1 (it is the title), elements whose class or id names furniture (menu,
 * sidebar, share, related, comments...), and boxes that open with a heading
 * such as "اقرأ أيضاً" or "الأكثر قراءة" and are mostly links or short.
 * Block elements and <br> end lines, so paragraphs become lines.
 *
 * Metadata, first found wins: title from og:title, the first h1, then
 * <title> without its site suffix; published_at from JSON-LD datePublished,
 * article:published_time, <time datetime>, then a dated byline; outlet
 * from JSON-LD publisher.name, then og:site_name; url from the canonical
 * link, then og:url (http and https only).
 */
#include "ingest/page.h"

#include "extract/text.h"
#include "ingest/charset.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LD_JSON_MAX (256u << 10) /* a JSON-LD block larger than this is not read */

/* What the scoring pass learns about each element (node->_private). */
typedef struct node_stat {
    size_t text, links, own; /* text bytes, of them inside <a>, own paragraphs' and text's */
} node_stat;

typedef struct page_ctx {
    node_stat *stats;
    size_t n_stats, cap_stats;
    xmlNode *root, *article, *body_marked;
    size_t article_score;
    /* metadata, each owned, first found wins */
    char *og_title, *h1, *doc_title, *ld_date, *meta_date, *time_date, *byline_date;
    char *ld_outlet, *og_site, *canonical, *og_url;
} page_ctx;

static bool tag_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool tag_in(const xmlNode *n, const char *const *names)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (size_t i = 0; names[i]; i++)
        if (strcmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

/* The value of attribute name (no allocation), NULL when absent. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE && a->children->content
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

static const char *const DROPPED_TAGS[] = {"script",
                                           "style",
                                           "noscript",
                                           "template",
                                           "nav",
                                           "header",
                                           "footer",
                                           "aside",
                                           "form",
                                           "iframe",
                                           "button",
                                           "select",
                                           "textarea",
                                           "svg",
                                           "menu",
                                           "dialog",
                                           "object",
                                           "embed",
                                           "canvas",
                                           "h1",
                                           "head",
                                           "title",
                                           "figure",
                                           "amp-sidebar",
                                           "amp-social-share",
                                           "amp-ad",
                                           "amp-analytics",
                                           "amp-img",
                                           "img",
                                           "video",
                                           "audio",
                                           NULL};

static const char *const BLOCK_TAGS[] = {
    "p",  "div", "section", "article",    "main",       "h2",     "h3",    "h4",    "h5",  "h6",
    "li", "ul",  "ol",      "blockquote", "tr",         "td",     "th",    "table", "pre", "dd",
    "dt", "dl",  "hr",      "address",    "figcaption", "center", "tbody", NULL};

static const char *const INLINE_TAGS[] = {"span", "b",     "strong", "i",    "em", "font",
                                          "u",    "small", "big",    "mark", "q",  "cite",
                                          "abbr", "sub",   "sup",    "time", NULL};

/* Words of a class or id that name page furniture, not article text. */
static const char *const FURNITURE_WORDS[] = {
    "nav",     "navbar",        "navigation",  "menu",       "sidebar",  "share",
    "sharing", "social",        "related",     "comment",    "comments", "footer",
    "header",  "breadcrumb",    "breadcrumbs", "widget",     "ad",       "ads",
    "advert",  "advertisement", "promo",       "newsletter", "popular",  "subscribe",
    "tags",    "masthead",      "toolbar",     "cookie",     "byline",   "meta",
    "author",  "trending",      "recommended", "mostread",   "most",     "banner",
    "caption", "credit",        "signup",      "print",      NULL};

/* Class or id words that mark a byline, where a date may be written. */
static const char *const DATE_WORDS[] = {"date",   "byline", "time",     "published", "meta",
                                         "posted", "info",   "dateline", NULL};

/* Openings of boxes that are not the article (normalised as text_normalize does). */
static const char *const FURNITURE_OPENINGS[] = {"اقرا ايضا",     "اقرا المزيد",
                                                 "الاكثر قراءه",  "الاكثر مشاهده",
                                                 "الاكثر تداولا", "مواضيع ذات صله",
                                                 "اخبار ذات صله", "مقالات ذات صله",
                                                 "مواضيع مقترحه", "التعليقات",
                                                 "شارك هذا",      "تابعونا",
                                                 "اشترك في",      NULL};

/* Does the class or id of n contain one of words (split on - _ and spaces)? */
static bool names_word(const xmlNode *n, const char *const *words)
{
    const char *vals[2] = {attr(n, "class"), attr(n, "id")};
    for (size_t v = 0; v < 2; v++) {
        const char *p = vals[v];
        while (p && *p) {
            while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                           (*p >= '0' && *p <= '9')))
                p++;
            const char *s = p;
            while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
                p++;
            size_t len = (size_t)(p - s);
            for (size_t i = 0; len && words[i]; i++)
                if (strlen(words[i]) == len && strncasecmp(s, words[i], len) == 0)
                    return true;
        }
    }
    return false;
}

static node_stat *stat_of(const xmlNode *n)
{
    return n->_private;
}

/* The first non-blank text under n, at most a few nodes deep into it. */
static const char *leading_text(const xmlNode *n, int depth)
{
    if (depth > 6)
        return NULL;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            const char *s = (const char *)c->content;
            while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
                s++;
            if (*s)
                return s;
        } else if (c->type == XML_ELEMENT_NODE && !tag_is(c, "script") && !tag_is(c, "style")) {
            const char *s = leading_text(c, depth + 1);
            if (s)
                return s;
        }
    }
    return NULL;
}

static bool opens_as_furniture(const xmlNode *n)
{
    const char *s = leading_text(n, 0);
    if (!s)
        return false;
    char norm[128];
    size_t len = strnlen(s, 96);
    text_normalize(s, len, norm, sizeof norm);
    for (size_t i = 0; FURNITURE_OPENINGS[i]; i++)
        if (strncmp(norm, FURNITURE_OPENINGS[i], strlen(FURNITURE_OPENINGS[i])) == 0)
            return true;
    return false;
}

/* Is element n (not the content root) kept out of the body? */
static bool is_furniture(const xmlNode *n, const xmlNode *root)
{
    if (tag_in(n, DROPPED_TAGS))
        return true;
    if (n == root || tag_is(n, "html") || tag_is(n, "body") || tag_is(n, "main") ||
        tag_is(n, "article"))
        return false;
    if (attr(n, "hidden") || names_word(n, FURNITURE_WORDS))
        return true;
    if (opens_as_furniture(n)) {
        const node_stat *st = stat_of(n);
        /* a box of links or a short one; an article that opens with such a
         * box keeps its text, the box alone goes */
        return !st || st->text < 400 || st->links * 10 > st->text * 3;
    }
    return false;
}

/* ---- scoring ---------------------------------------------------------------- */

static size_t trimmed_len(const char *s)
{
    size_t n = strlen(s), a = 0;
    while (a < n && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t' || s[a] == '\r'))
        a++;
    while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return n - a;
}

static int score(page_ctx *c, xmlNode *n, int depth, bool in_link)
{
    if (depth > READER_MAX_DEPTH)
        return 0;
    if (c->n_stats == c->cap_stats)
        return 0; /* counted first: never happens */
    node_stat *st = &c->stats[c->n_stats++];
    n->_private = st;
    bool link = in_link || tag_is(n, "a");
    for (xmlNode *ch = n->children; ch; ch = ch->next) {
        if (ch->type == XML_TEXT_NODE && ch->content) {
            size_t len = trimmed_len((const char *)ch->content);
            st->text += len;
            if (link)
                st->links += len;
            else
                st->own += len;
        } else if (ch->type == XML_ELEMENT_NODE) {
            if (tag_in(ch, DROPPED_TAGS) || tag_is(ch, "h1"))
                continue;
            score(c, ch, depth + 1, link);
            node_stat *cs = stat_of(ch);
            if (!cs)
                continue;
            st->text += cs->text;
            st->links += cs->links;
            bool paragraph = tag_is(ch, "p") || tag_in(ch, INLINE_TAGS);
            if (paragraph && cs->links * 2 < cs->text)
                st->own += cs->text - cs->links;
        }
    }
    if (tag_is(n, "article") && st->text - st->links > c->article_score) {
        c->article = n;
        c->article_score = st->text - st->links;
    }
    const char *prop = attr(n, "itemprop");
    if (!c->body_marked && prop && strcasecmp(prop, "articleBody") == 0)
        c->body_marked = n;
    return 0;
}

static size_t count_nodes(const xmlNode *n, int depth)
{
    if (depth > READER_MAX_DEPTH)
        return 0;
    size_t k = 1;
    for (const xmlNode *ch = n->children; ch; ch = ch->next)
        if (ch->type == XML_ELEMENT_NODE)
            k += count_nodes(ch, depth + 1);
    return k;
}

/* The element with the most own text outside furniture. */
static void densest(const xmlNode *n, const xmlNode **best, size_t *best_own, int depth)
{
    const node_stat *st = stat_of(n);
    if (!st || depth > READER_MAX_DEPTH || is_furniture(n, NULL))
        return;
    if (st->own > *best_own) {
        *best = n;
        *best_own = st->own;
    }
    for (const xmlNode *ch = n->children; ch; ch = ch->next)
        if (ch->type == XML_ELEMENT_NODE)
            densest(ch, best, best_own, depth + 1);
}

/* ---- the body --------------------------------------------------------------- */

static void emit(const xmlNode *n, const xmlNode *root, textbuf *t, int depth)
{
    if (depth > READER_MAX_DEPTH)
        return;
    for (const xmlNode *ch = n->children; ch; ch = ch->next) {
        if ((ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) && ch->content) {
            textbuf_add(t, (const char *)ch->content, strlen((const char *)ch->content));
        } else if (ch->type == XML_ELEMENT_NODE) {
            if (tag_is(ch, "br")) {
                textbuf_break(t);
                continue;
            }
            if (is_furniture(ch, root))
                continue;
            bool block = tag_in(ch, BLOCK_TAGS);
            if (block)
                textbuf_break(t);
            emit(ch, root, t, depth + 1);
            if (block)
                textbuf_break(t);
        }
    }
}

/* ---- metadata ----------------------------------------------------------------- */

static char *node_text(const xmlNode *n)
{
    textbuf t = {0};
    emit(n, n, &t, 0);
    size_t len;
    char *s = textbuf_take(&t, &len);
    char *f = s ? reader_field(s, len) : NULL;
    free(s);
    return f;
}

static void keep(char **slot, char *value)
{
    if (!*slot)
        *slot = value;
    else
        free(value);
}

static void keep_copy(char **slot, const char *value)
{
    if (!*slot && value)
        *slot = reader_field(value, strlen(value));
}

static void keep_date(char **slot, const char *value)
{
    char iso[32];
    if (!*slot && value && reader_date(value, iso))
        *slot = strdup(iso);
}

static void json_ld(page_ctx *c, const json_t *v, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(v)) {
        size_t i;
        const json_t *x;
        json_array_foreach(v, i, x) json_ld(c, x, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    keep_date(&c->ld_date, json_string_value(json_object_get(v, "datePublished")));
    const json_t *pub = json_object_get(v, "publisher");
    if (json_is_array(pub))
        pub = json_array_get(pub, 0);
    keep_copy(&c->ld_outlet, json_string_value(json_object_get(pub, "name")));
    json_ld(c, json_object_get(v, "@graph"), depth + 1);
}

static bool opens_as_dateline(const xmlNode *n);

static void metadata(page_ctx *c, const xmlNode *n, int depth)
{
    if (depth > READER_MAX_DEPTH)
        return;
    for (const xmlNode *ch = n->children; ch; ch = ch->next) {
        if (ch->type != XML_ELEMENT_NODE)
            continue;
        if (tag_is(ch, "meta")) {
            const char *key = attr(ch, "property");
            if (!key)
                key = attr(ch, "name");
            const char *val = attr(ch, "content");
            if (key && val) {
                if (strcasecmp(key, "og:title") == 0)
                    keep_copy(&c->og_title, val);
                else if (strcasecmp(key, "og:site_name") == 0)
                    keep_copy(&c->og_site, val);
                else if (strcasecmp(key, "og:url") == 0)
                    keep(&c->og_url, reader_url(val));
                else if (strcasecmp(key, "article:published_time") == 0)
                    keep_date(&c->meta_date, val);
            }
        } else if (tag_is(ch, "link")) {
            const char *rel = attr(ch, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0)
                keep(&c->canonical, reader_url(attr(ch, "href")));
        } else if (tag_is(ch, "title")) {
            if (!c->doc_title)
                c->doc_title = node_text(ch);
            continue;
        } else if (tag_is(ch, "h1")) {
            if (!c->h1)
                c->h1 = node_text(ch);
            continue;
        } else if (tag_is(ch, "time")) {
            keep_date(&c->time_date, attr(ch, "datetime"));
        } else if (tag_is(ch, "script")) {
            const char *type = attr(ch, "type");
            const xmlNode *body = ch->children;
            if (type && strcasecmp(type, "application/ld+json") == 0 && body && body->content &&
                strlen((const char *)body->content) <= LD_JSON_MAX) {
                json_t *ld = json_loads((const char *)body->content, 0, NULL);
                json_ld(c, ld, 0);
                json_decref(ld);
            }
            continue;
        }
        if (!c->byline_date && (names_word(ch, DATE_WORDS) || opens_as_dateline(ch))) {
            char *line = node_text(ch);
            char iso[32];
            if (line && reader_date_in_text(line, iso))
                c->byline_date = strdup(iso);
            free(line);
        }
        metadata(c, ch, depth + 1);
    }
}

/* Openings of a dateline written as text ("تاريخ النشر: 2019/06/12"). */
static const char *const DATELINE_OPENINGS[] = {"تاريخ النشر", "نشر في", "نشر بتاريخ", "بتاريخ",
                                                NULL};

static bool opens_as_dateline(const xmlNode *n)
{
    const xmlNode *first = n->children;
    while (first && first->type == XML_TEXT_NODE && first->content &&
           trimmed_len((const char *)first->content) == 0)
        first = first->next;
    if (!first || first->type != XML_TEXT_NODE || !first->content)
        return false;
    char norm[128];
    const char *s = (const char *)first->content;
    text_normalize(s, strnlen(s, 96), norm, sizeof norm);
    for (size_t i = 0; DATELINE_OPENINGS[i]; i++)
        if (strncmp(norm, DATELINE_OPENINGS[i], strlen(DATELINE_OPENINGS[i])) == 0)
            return true;
    return false;
}

/* The body without the lines a layout puts above the article: the title
 * again, and a short dateline. */
static void drop_leading_furniture(reader_article *a)
{
    for (int k = 0; k < 4 && a->len; k++) {
        char *nl = memchr(a->body, '\n', a->len);
        size_t line = nl ? (size_t)(nl - a->body) : a->len;
        char iso[32], head[160];
        bool title = a->title && strlen(a->title) == line && memcmp(a->body, a->title, line) == 0;
        bool dateline = false;
        if (!title && line < sizeof head) {
            memcpy(head, a->body, line);
            head[line] = '\0';
            dateline = line < 100 && reader_date_in_text(head, iso);
        }
        if (!(title || dateline) || !nl)
            return;
        a->len -= line + 1;
        memmove(a->body, nl + 1, a->len + 1);
    }
}

/* <title> without its site suffix: "Headline - Site", "Headline | Site". */
static void strip_site_suffix(char *title)
{
    static const char *const SEPS[] = {" | ", " - ", " – ", " — ", " :: ", NULL};
    char *cut = NULL;
    for (size_t i = 0; SEPS[i]; i++) {
        char *p = title, *last = NULL;
        while ((p = strstr(p, SEPS[i])))
            last = p++;
        if (last && last > title && (!cut || last > cut))
            cut = last;
    }
    if (cut)
        *cut = '\0';
}

static void ctx_free(page_ctx *c)
{
    char **fields[] = {&c->og_title,  &c->h1,        &c->doc_title,   &c->ld_date,
                       &c->meta_date, &c->time_date, &c->byline_date, &c->ld_outlet,
                       &c->og_site,   &c->canonical, &c->og_url};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        free(*fields[i]);
        *fields[i] = NULL;
    }
    free(c->stats);
}

/* The first non-NULL of a, b, c, d; it moves to the result. */
static char *first_of(char **a, char **b, char **c, char **d)
{
    char **all[4] = {a, b, c, d};
    for (size_t i = 0; i < 4; i++)
        if (all[i] && *all[i]) {
            char *v = *all[i];
            *all[i] = NULL;
            return v;
        }
    return NULL;
}

int page_read(const char *buf, size_t len, reader_article *out, char *why, size_t whysz)
{
    memset(out, 0, sizeof *out);
    if (len > READER_MAX_FILE) {
        snprintf(why, whysz, "larger than 8 MiB");
        return -1;
    }
    char cs[64];
    const char *charset = charset_html(buf, len, cs, sizeof cs);
    size_t ulen;
    char *utf8 = charset_to_utf8(buf, len, charset, &ulen, why, whysz);
    if (!utf8)
        return -1;
    int rc = -1;
    page_ctx c = {0};
    htmlDocPtr doc = htmlReadMemory(utf8, (int)ulen, NULL, "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED);
    xmlNode *top = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!top) {
        snprintf(why, whysz, "not an HTML page");
        goto out;
    }
    c.cap_stats = count_nodes(top, 0);
    if (!(c.stats = calloc(c.cap_stats, sizeof *c.stats))) {
        snprintf(why, whysz, "out of memory");
        goto out;
    }
    score(&c, top, 0, false);
    metadata(&c, top, 0);
    const xmlNode *root = c.body_marked ? c.body_marked : c.article;
    if (!root) {
        size_t best = 0;
        densest(top, &root, &best, 0);
    }
    textbuf t = {0};
    if (root)
        emit(root, root, &t, 0);
    if (t.over) {
        textbuf_free(&t);
        snprintf(why, whysz, "article text larger than 1 MiB");
        goto out;
    }
    if (t.oom) {
        textbuf_free(&t);
        snprintf(why, whysz, "out of memory");
        goto out;
    }
    if (!(out->body = textbuf_take(&t, &out->len))) {
        snprintf(why, whysz, "no article text found");
        goto out;
    }
    if (c.doc_title)
        strip_site_suffix(c.doc_title);
    out->title = first_of(&c.og_title, &c.h1, &c.doc_title, NULL);
    out->published_at = first_of(&c.ld_date, &c.meta_date, &c.time_date, &c.byline_date);
    out->outlet = first_of(&c.ld_outlet, &c.og_site, NULL, NULL);
    out->url = first_of(&c.canonical, &c.og_url, NULL, NULL);
    drop_leading_furniture(out);
    if (out->len == 0) {
        snprintf(why, whysz, "no article text found");
        goto out;
    }
    rc = 0;
out:
    if (rc != 0)
        reader_article_free(out);
    ctx_free(&c);
    xmlFreeDoc(doc);
    free(utf8);
    return rc;
}

char *page_fragment_text(const char *html, size_t len, size_t *outlen, bool *over)
{
    *outlen = 0;
    *over = false;
    if (len > READER_MAX_FILE) {
        *over = true;
        return NULL;
    }
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_RECOVER);
    xmlNode *top = doc ? xmlDocGetRootElement(doc) : NULL;
    textbuf t = {0};
    if (top) {
        /* the furniture rules look at each element's text: score it first */
        page_ctx c = {.cap_stats = count_nodes(top, 0)};
        c.stats = calloc(c.cap_stats, sizeof *c.stats);
        if (c.stats) {
            score(&c, top, 0, false);
            emit(top, top, &t, 0);
        } else {
            t.oom = true;
        }
        ctx_free(&c);
    }
    xmlFreeDoc(doc);
    *over = t.over;
    if (t.over || t.oom) {
        textbuf_free(&t);
        return NULL;
    }
    return textbuf_take(&t, outlen);
}
