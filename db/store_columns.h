/* store_columns.h — the columns of each resource's items, each field once:
 * its place in the item's JSON (group, key), its SQL expression over the
 * resource's FROM (base table aliased t), its JSON kind and whether the CSV
 * export carries it. One list per resource drives the SELECT list
 * (FIGURE_COLS...), the column count (FIGURE_NCOLS...), the table that
 * store_columns() gives out (the CSV columns) and the row-to-JSON builder
 * (store_columns.c), so a field added to a list shows in all of them.
 *
 * Each list is a macro of rows C0(...) C(...) ...: the first row (the id)
 * uses C0 so the SELECT list needs no trailing-comma trick. The columns of a
 * group (a nested object such as "claimant") follow each other; a group
 * whose first column has STORE_COL_NULL_GROUP is null when that column is.
 * A group "a.b" is the object b inside a, right after a's own columns
 * (a figure's subject.party).
 * Not part of the API; only db/ includes it.
 */
#ifndef MARSAD_STORE_COLUMNS_H
#define MARSAD_STORE_COLUMNS_H

#include "db/store.h"

#define CSV_ STORE_COL_CSV
#define NULLG_ STORE_COL_NULL_GROUP

#define ARTICLE_COLUMNS(C0, C)                                                             \
    C0("", "id", "t.id", STORE_COL_TEXT, CSV_)                                             \
    C("", "title", "t.title", STORE_COL_TEXT, CSV_)                                        \
    /* The first 160 characters, for lists of articles without a title. */                 \
    C("", "excerpt", "substr(t.body, 1, 160)", STORE_COL_TEXT, CSV_)                       \
    C("outlet", "id", "t.outlet_id", STORE_COL_TEXT, CSV_ | NULLG_)                        \
    C("outlet", "name", "o.name", STORE_COL_TEXT, CSV_)                                    \
    C("", "url", "t.url", STORE_COL_TEXT, CSV_)                                            \
    C("", "published_at", "t.published_at", STORE_COL_TEXT, CSV_)                          \
    C("", "language", "t.language", STORE_COL_TEXT, CSV_)                                  \
    C("", "format", "t.format", STORE_COL_TEXT, CSV_)                                      \
    C("", "copy_of", "(SELECT c.copy_of FROM article_copies c WHERE c.article_id = t.id)", \
      STORE_COL_TEXT, CSV_)                                                                \
    C("", "n_chars", "t.n_chars", STORE_COL_INT, CSV_)                                     \
    C("counts", "figures", "t.n_figures", STORE_COL_INT, CSV_)                             \
    C("counts", "locations", "t.n_locations", STORE_COL_INT, CSV_)                         \
    C("counts", "sources", "t.n_sources", STORE_COL_INT, CSV_)
#define ARTICLE_FROM "articles t LEFT JOIN sources o ON o.id = t.outlet_id"

#define SOURCE_COLUMNS(C0, C)                                       \
    C0("", "id", "t.id", STORE_COL_TEXT, CSV_)                      \
    C("", "name", "t.name", STORE_COL_TEXT, CSV_)                   \
    C("", "name_en", "t.name_en", STORE_COL_TEXT, CSV_)             \
    C("", "kind", "t.kind", STORE_COL_TEXT, CSV_)                   \
    C("", "affiliation", "t.affiliation", STORE_COL_TEXT, CSV_)     \
    C("", "bloc", "t.bloc", STORE_COL_TEXT, CSV_)                   \
    C("parent", "id", "t.parent_id", STORE_COL_TEXT, CSV_ | NULLG_) \
    C("parent", "name", "p.name", STORE_COL_TEXT, CSV_)             \
    C("counts", "mentions", "t.n_mentions", STORE_COL_INT, CSV_)    \
    C("counts", "figures", "t.n_figures", STORE_COL_INT, CSV_)      \
    C("counts", "articles", "t.n_articles", STORE_COL_INT, CSV_)
#define SOURCE_FROM "sources t LEFT JOIN sources p ON p.id = t.parent_id"

#define LOCATION_COLUMNS(C0, C)                                     \
    C0("", "id", "t.id", STORE_COL_TEXT, CSV_)                      \
    C("", "name", "t.name", STORE_COL_TEXT, CSV_)                   \
    C("", "name_en", "t.name_en", STORE_COL_TEXT, CSV_)             \
    C("", "kind", "t.kind", STORE_COL_TEXT, CSV_)                   \
    C("", "lat", "t.lat", STORE_COL_REAL, CSV_)                     \
    C("", "lon", "t.lon", STORE_COL_REAL, CSV_)                     \
    C("", "approximate", "t.approximate", STORE_COL_BOOL, CSV_)     \
    C("", "resolved", "t.resolved", STORE_COL_BOOL, CSV_)           \
    C("parent", "id", "t.parent_id", STORE_COL_TEXT, CSV_ | NULLG_) \
    C("parent", "name", "p.name", STORE_COL_TEXT, CSV_)             \
    C("counts", "mentions", "t.n_mentions", STORE_COL_INT, CSV_)
#define LOCATION_FROM "locations t LEFT JOIN locations p ON p.id = t.parent_id"

#define FIGURE_COLUMNS(C0, C)                                                  \
    C0("", "id", "t.id", STORE_COL_TEXT, CSV_)                                 \
    C("", "article_id", "t.article_id", STORE_COL_TEXT, CSV_)                  \
    C("", "value", "t.value", STORE_COL_NUM, CSV_)                             \
    C("", "value_max", "t.value_max", STORE_COL_NUM, CSV_)                     \
    C("", "qualifier", "t.qualifier", STORE_COL_TEXT, CSV_)                    \
    C("", "type", "t.type", STORE_COL_TEXT, CSV_)                              \
    C("", "object", "t.object", STORE_COL_TEXT, CSV_)                          \
    C("subject", "category", "t.subject_category", STORE_COL_TEXT, CSV_)       \
    C("subject", "side", "t.subject_side", STORE_COL_TEXT, CSV_)               \
    C("subject", "bloc", "t.subject_bloc", STORE_COL_TEXT, CSV_)               \
    C("subject.party", "id", "t.subject_party", STORE_COL_TEXT, CSV_ | NULLG_) \
    C("subject.party", "name", "sp.name", STORE_COL_TEXT, CSV_)                \
    C("claimant", "id", "t.claimant_id", STORE_COL_TEXT, CSV_ | NULLG_)        \
    C("claimant", "name", "c.name", STORE_COL_TEXT, CSV_)                      \
    C("claimant", "kind", "c.kind", STORE_COL_TEXT, CSV_)                      \
    C("claimant", "affiliation", "c.affiliation", STORE_COL_TEXT, CSV_)        \
    C("claimant", "bloc", "c.bloc", STORE_COL_TEXT, CSV_)                      \
    C("", "stance", "t.stance", STORE_COL_TEXT, CSV_)                          \
    C("location", "id", "t.location_id", STORE_COL_TEXT, CSV_ | NULLG_)        \
    C("location", "name", "l.name", STORE_COL_TEXT, CSV_)                      \
    C("location", "lat", "l.lat", STORE_COL_REAL, CSV_)                        \
    C("location", "lon", "l.lon", STORE_COL_REAL, CSV_)                        \
    C("span", "start", "t.start", STORE_COL_INT, CSV_)                         \
    C("span", "end", "t.\"end\"", STORE_COL_INT, CSV_)                         \
    C("span", "text", "t.span_text", STORE_COL_TEXT, CSV_)                     \
    C("", "quote", "t.quote", STORE_COL_TEXT, CSV_)                            \
    C("quote_span", "start", "t.quote_start", STORE_COL_INT, CSV_)             \
    C("quote_span", "end", "t.quote_end", STORE_COL_INT, CSV_)                 \
    C("", "quote_cut", "t.quote_cut", STORE_COL_BOOL, CSV_)                    \
    C("", "part_of", "t.part_of", STORE_COL_TEXT, CSV_)                        \
    C("", "supersedes", "t.supersedes", STORE_COL_TEXT, CSV_)                  \
    C("date", "start", "t.date_start", STORE_COL_TEXT, CSV_ | NULLG_)          \
    C("date", "end", "t.date_end", STORE_COL_TEXT, CSV_)                       \
    C("date", "precision", "t.date_precision", STORE_COL_TEXT, CSV_)           \
    C("", "cause", "t.cause", STORE_COL_TEXT, CSV_)
#define FIGURE_FROM                                         \
    "figures t LEFT JOIN sources c ON c.id = t.claimant_id" \
    " LEFT JOIN sources sp ON sp.id = t.subject_party"      \
    " LEFT JOIN locations l ON l.id = t.location_id"

/* A figure found by /v1/search (store_search.c), over "figures t LEFT JOIN
 * sources c" and the full-text match f (score, snippet). */
#define FIGURE_HIT_COLUMNS(C0, C)                            \
    C0("", "kind", "'figure'", STORE_COL_TEXT, 0)            \
    C("", "id", "t.id", STORE_COL_TEXT, 0)                   \
    C("", "article_id", "t.article_id", STORE_COL_TEXT, 0)   \
    C("", "type", "t.type", STORE_COL_TEXT, 0)               \
    C("", "value", "t.value", STORE_COL_NUM, 0)              \
    C("", "value_max", "t.value_max", STORE_COL_NUM, 0)      \
    C("", "qualifier", "t.qualifier", STORE_COL_TEXT, 0)     \
    C("", "claimant_id", "t.claimant_id", STORE_COL_TEXT, 0) \
    C("", "claimant_name", "c.name", STORE_COL_TEXT, 0)      \
    C("", "span_text", "t.span_text", STORE_COL_TEXT, 0)     \
    C("", "score", "f.score", STORE_COL_REAL, 0)             \
    C("", "snippet", "f.snip", STORE_COL_TEXT, 0)

/* A list as a SELECT list, and its length. */
#define STORE_COL_SQL0(group, key, sql, kind, flags) sql
#define STORE_COL_SQL(group, key, sql, kind, flags) ", " sql
#define STORE_COL_ONE(group, key, sql, kind, flags) +1

#define ARTICLE_COLS ARTICLE_COLUMNS(STORE_COL_SQL0, STORE_COL_SQL)
#define SOURCE_COLS SOURCE_COLUMNS(STORE_COL_SQL0, STORE_COL_SQL)
#define LOCATION_COLS LOCATION_COLUMNS(STORE_COL_SQL0, STORE_COL_SQL)
#define FIGURE_COLS FIGURE_COLUMNS(STORE_COL_SQL0, STORE_COL_SQL)
#define FIGURE_HIT_COLS FIGURE_HIT_COLUMNS(STORE_COL_SQL0, STORE_COL_SQL)

enum {
    ARTICLE_NCOLS = 0 ARTICLE_COLUMNS(STORE_COL_ONE, STORE_COL_ONE),
    SOURCE_NCOLS = 0 SOURCE_COLUMNS(STORE_COL_ONE, STORE_COL_ONE),
    LOCATION_NCOLS = 0 LOCATION_COLUMNS(STORE_COL_ONE, STORE_COL_ONE),
    FIGURE_NCOLS = 0 FIGURE_COLUMNS(STORE_COL_ONE, STORE_COL_ONE),
};

/* The figure columns an import writes, each from a store_figure_rec field,
 * in the INSERT's order after article_id, period, id and ordinal (bound by
 * store_write.c) and before fts_no. W(column, placeholder, bind, field);
 * WN(column, field, has_field) for a number stored only when has_field. */
#define FIGURE_WRITES(W, WN)                                       \
    WN("value", value, has_value)                                  \
    WN("value_max", value_max, has_max)                            \
    W("qualifier", "?", STORE_BIND_TEXT, qualifier)                \
    W("type", "?", STORE_BIND_TEXT, type)                          \
    W("object", "?", STORE_BIND_TEXT, object)                      \
    W("subject_category", "?", STORE_BIND_TEXT, subject_category)  \
    W("subject_side", "?", STORE_BIND_TEXT, subject_side)          \
    W("subject_bloc", "?", STORE_BIND_TEXT, subject_bloc)          \
    W("subject_party", "?", STORE_BIND_TEXT, subject_party)        \
    W("claimant_id", "?", STORE_BIND_TEXT, claimant_id)            \
    W("stance", "COALESCE(?, 'claimed')", STORE_BIND_TEXT, stance) \
    W("location_id", "?", STORE_BIND_TEXT, location_id)            \
    W("start", "?", STORE_BIND_U32, start)                         \
    W("\"end\"", "?", STORE_BIND_U32, end)                         \
    W("span_text", "?", STORE_BIND_TEXT, span_text)                \
    W("quote_start", "?", STORE_BIND_U32, quote_start)             \
    W("quote_end", "?", STORE_BIND_U32, quote_end)                 \
    W("quote", "?", STORE_BIND_TEXT, quote)                        \
    W("quote_cut", "?", STORE_BIND_BOOL, quote_cut)                \
    W("area_id", "?", STORE_BIND_TEXT, area_id)                    \
    W("part_of", "?", STORE_BIND_TEXT, part_of)                    \
    W("supersedes", "?", STORE_BIND_TEXT, supersedes)              \
    W("date_start", "?", STORE_BIND_TEXT, date_start)              \
    W("date_end", "?", STORE_BIND_TEXT, date_end)                  \
    W("date_precision", "?", STORE_BIND_TEXT, date_precision)      \
    W("cause", "?", STORE_BIND_TEXT, cause)

typedef enum store_bind_kind {
    STORE_BIND_TEXT, /* const char *, NULL stored as NULL */
    STORE_BIND_U32,  /* uint32_t */
    STORE_BIND_BOOL, /* bool, stored as 0 or 1 */
    STORE_BIND_NUM,  /* double, stored only when its has_ flag is set */
} store_bind_kind;

/* A write list as INSERT column names and as placeholders, each item with
 * a leading ", ", and its length. */
#define STORE_W_NAME(col, param, kind, field) ", " col
#define STORE_WN_NAME(col, field, has) ", " col
#define STORE_W_PARAM(col, param, kind, field) ", " param
#define STORE_WN_PARAM(col, field, has) ", ?"
#define STORE_W_ONE(col, param, kind, field) +1
#define STORE_WN_ONE(col, field, has) +1

enum { FIGURE_NWRITES = 0 FIGURE_WRITES(STORE_W_ONE, STORE_WN_ONE) };

#endif
