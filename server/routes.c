/* routes.c — matching a method and path against the route table.
 *
 * Linear over a table of a few dozen entries: cheaper than any index at this
 * size, and the table reads as the API's table of contents.
 */
#include "server/routes.h"

#include "server/handlers.h"

#include <stdio.h>
#include <string.h>

const route routes[] = {
    {"GET", "/", handle_index, false},
    {"GET", "/healthz", handle_healthz, false},
    {"GET", "/readyz", handle_readyz, false},
    {"GET", "/openapi.yaml", handle_openapi, false},
    {"GET", "/web/{id}", handle_web_asset, false},
    {"GET", "/problems/{id}", handle_problem_page, false},
    {"GET", "/v1/meta", handle_meta, true},
    {"GET", "/v1/articles", handle_articles, true},
    {"POST", "/v1/articles", handle_post_article, true},
    {"GET", "/v1/articles/{id}", handle_article, true},
    {"PUT", "/v1/articles/{id}", handle_put_article, true},
    {"DELETE", "/v1/articles/{id}", handle_delete_article, true},
    {"GET", "/v1/articles/{id}/copies", handle_article_copies, true},
    {"GET", "/v1/sources", handle_sources, true},
    {"GET", "/v1/sources/{id}", handle_source, true},
    {"GET", "/v1/sources/{id}/figures", handle_source_figures, true},
    {"GET", "/v1/locations", handle_locations, true},
    {"GET", "/v1/locations/{id}", handle_location, true},
    {"GET", "/v1/figures", handle_figures, true},
    {"GET", "/v1/figures/compare", handle_compare, true}, /* before {id} */
    {"GET", "/v1/figures/{id}", handle_figure, true},
    {"GET", "/v1/search", handle_search, true},
    {NULL, NULL, NULL, false},
};

/* Does path match pattern? Copies the {id} segment into id. */
static bool match_path(const char *pattern, const char *path, char *id, size_t idsz)
{
    const char *p = pattern, *s = path;
    while (*p && *s) {
        if (strncmp(p, "{id}", 4) == 0) {
            size_t n = strcspn(s, "/");
            if (n == 0 || n >= idsz)
                return false;
            memcpy(id, s, n);
            id[n] = '\0';
            s += n;
            p += 4;
            continue;
        }
        if (*p != *s)
            return false;
        p++;
        s++;
    }
    return *p == '\0' && *s == '\0';
}

/* The path's route pattern is the first in the table that matches it
 * (literal routes come before {id} ones), and its methods are those of the
 * entries with that same pattern: /v1/figures/compare is not also
 * /v1/figures/{id}. */
route_result routes_match(const char *method, const char *path, const route **out, char *id,
                          size_t idsz, char *allow, size_t allowsz)
{
    const char *want = strcmp(method, "HEAD") == 0 ? "GET" : method;
    if (allowsz)
        allow[0] = '\0';
    char scratch[REQUEST_MAX_ID];
    const route *first = NULL;
    for (const route *rt = routes; rt->pattern && !first; rt++) {
        scratch[0] = '\0';
        if (match_path(rt->pattern, path, scratch, sizeof scratch < idsz ? sizeof scratch : idsz))
            first = rt;
    }
    if (!first)
        return ROUTE_NO_PATH;
    size_t used = 0;
    for (const route *rt = first; rt->pattern; rt++) {
        if (strcmp(rt->pattern, first->pattern) != 0)
            continue;
        if (strcmp(rt->method, want) == 0) {
            snprintf(id, idsz, "%s", scratch);
            *out = rt;
            return ROUTE_FOUND;
        }
        if (used < allowsz) {
            int n = snprintf(allow + used, allowsz - used, "%s%s%s", used ? ", " : "", rt->method,
                             strcmp(rt->method, "GET") == 0 ? ", HEAD" : "");
            used += n > 0 ? (size_t)n : 0;
        }
    }
    if (used < allowsz)
        snprintf(allow + used, allowsz - used, "%s", used ? ", OPTIONS" : "OPTIONS");
    return ROUTE_NO_METHOD;
}
