/* search.c — GET /v1/search: full-text search across articles, figures,
 * sources and locations (store_search has the ranking and the snippet markers;
 * db/fts_arabic.h how Arabic words are matched).
 *
 * Parameters: q (required, FTS5 query syntax), kind (article, figure,
 * source or location; all when absent), limit (1..STORE_MAX_SEARCH, default
 * SEARCH_DEFAULT_LIMIT). Not paged: the best `limit` hits, with `counts`
 * of every match per kind.
 */
#include "server/handlers.h"

#include "server/params.h"

#include <stdio.h>
#include <string.h>

#define SEARCH_DEFAULT_LIMIT 20

/* Only blanks (ASCII white space)? */
static bool blank(const char *s)
{
    return s[strspn(s, " \t\r\n\f\v")] == '\0';
}

void handle_search(request *rq, reply *r)
{
    static const char *const allowed[] = {"q", "kind", "limit", NULL};
    static const char *const kinds[] = {"article", "figure", "source", "location", NULL};
    static const unsigned bits[] = {STORE_SEARCH_ARTICLES, STORE_SEARCH_FIGURES,
                                    STORE_SEARCH_SOURCES, STORE_SEARCH_LOCATIONS};
    if (!params_only_or_reply(rq, allowed, r))
        return;
    const char *q = request_arg(rq, "q");
    if (!q) {
        reply_bad_param(r, "q", "is required (a full-text query)");
        return;
    }
    if (blank(q)) {
        reply_bad_param(r, "q", "must not be empty");
        return;
    }
    const char *kind = NULL;
    store_search_query sq = {.q = q};
    if (!params_enum_or_reply(rq, "kind", kinds, &kind, r) ||
        !params_int_or_reply(rq, "limit", 1, STORE_MAX_SEARCH, SEARCH_DEFAULT_LIMIT, &sq.limit, r))
        return;
    for (size_t i = 0; kind && kinds[i]; i++)
        if (!strcmp(kind, kinds[i]))
            sq.kinds = bits[i];
    json_t *out = NULL;
    store_status st = store_search(rq->db, &sq, &out);
    if (st != STORE_OK) {
        handlers_store_failure(rq, r, st, RES_ARTICLES);
        return;
    }
    reply_json(r, 200, out);
}
