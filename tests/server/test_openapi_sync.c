/* test_openapi_sync.c — openapi.yaml against the code: every route of the
 * table in server/routes.c is a documented path and method and every
 * documented operation is a route; each list route documents exactly the
 * store's filters (store_filters) plus limit, cursor, sort, format, bom and facet, with
 * the same enumerations and the same sort fields (store_sort_fields); item
 * routes take only their id. Also checks that the document compiled into
 * the server is the file in the repository.
 *
 * The YAML is read as text with a reader for the subset openapi.yaml is
 * written in (block mappings, `- $ref:` list items, one-line or multi-line
 * flow sequences, `|` block scalars); it is not a general YAML parser.
 *
 * MARSAD_OPENAPI names the file (default openapi.yaml, from the repository
 * root where `make unit` runs).
 */
#include "db/store.h"
#include "server/assets.h"
#include "server/routes.h"

#include <criterion/criterion.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ITEMS 64
#define MAX_OPS 64
#define MAX_PARAMS 96
#define MAX_DEPTH 16
#define NAME_LEN 128

typedef struct str_list {
    char v[MAX_ITEMS][NAME_LEN];
    size_t n;
} str_list;

typedef struct doc_param {
    char key[NAME_LEN]; /* components/parameters/KEY */
    char name[NAME_LEN];
    char in[16];
    char type[16]; /* schema type, "" when a $ref */
    char schema_ref[NAME_LEN];
    str_list enums;       /* schema enum */
    str_list sort_fields; /* x-sort-fields */
} doc_param;

typedef struct doc_schema {
    char key[NAME_LEN];
    str_list enums;
} doc_schema;

typedef struct doc_op {
    char path[NAME_LEN];
    char method[16]; /* as in the YAML: get, post, ... */
    str_list refs;   /* parameter keys */
} doc_op;

typedef struct doc {
    doc_op ops[MAX_OPS];
    size_t n_ops;
    doc_param params[MAX_PARAMS];
    size_t n_params;
    doc_schema schemas[MAX_PARAMS];
    size_t n_schemas;
    char *text;
    size_t len;
} doc;

/* ---- reading the YAML subset --------------------------------------------- */

/* dst = src; asserts that it fits. */
static void set(char *dst, size_t dstsz, const char *src)
{
    size_t n = strlen(src);
    cr_assert(n < dstsz, "openapi.yaml: '%s' is too long", src);
    memcpy(dst, src, n + 1);
}

static void copy(char *dst, size_t dstsz, const char *src, size_t n)
{
    if (n >= dstsz)
        n = dstsz - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* A scalar without its quotes and surrounding blanks. */
static void scalar(char *dst, size_t dstsz, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0]) {
        s++;
        n -= 2;
    }
    copy(dst, dstsz, s, n);
}

static void list_add(str_list *l, const char *s, size_t n)
{
    cr_assert(l->n < MAX_ITEMS, "openapi.yaml: a list longer than %d", MAX_ITEMS);
    scalar(l->v[l->n], NAME_LEN, s, n);
    l->n++;
}

/* Items of a flow sequence "[a, b, 'c']". */
static void flow_list(str_list *l, const char *s)
{
    const char *open = strchr(s, '['), *close = strrchr(s, ']');
    cr_assert(open && close && close > open, "openapi.yaml: not a flow sequence: %s", s);
    l->n = 0;
    for (const char *p = open + 1; p < close;) {
        size_t n = strcspn(p, ",]");
        if (p + n > close)
            n = (size_t)(close - p);
        char item[NAME_LEN];
        scalar(item, sizeof item, p, n);
        if (item[0])
            list_add(l, p, n);
        p += n + 1;
    }
}

static doc_param *param_of(doc *d, const char *key)
{
    for (size_t i = 0; i < d->n_params; i++)
        if (strcmp(d->params[i].key, key) == 0)
            return &d->params[i];
    cr_assert(d->n_params < MAX_PARAMS, "openapi.yaml: too many parameters");
    doc_param *p = &d->params[d->n_params++];
    memset(p, 0, sizeof *p);
    set(p->key, sizeof p->key, key);
    return p;
}

static doc_schema *schema_of(doc *d, const char *key)
{
    for (size_t i = 0; i < d->n_schemas; i++)
        if (strcmp(d->schemas[i].key, key) == 0)
            return &d->schemas[i];
    cr_assert(d->n_schemas < MAX_PARAMS, "openapi.yaml: too many schemas");
    doc_schema *s = &d->schemas[d->n_schemas++];
    memset(s, 0, sizeof *s);
    set(s->key, sizeof s->key, key);
    return s;
}

static bool is_method(const char *k)
{
    static const char *const methods[] = {"get",  "put",   "post",  "delete", "options",
                                          "head", "patch", "trace", NULL};
    for (const char *const *m = methods; *m; m++)
        if (strcmp(*m, k) == 0)
            return true;
    return false;
}

/* The key of "#/components/parameters/KEY" after prefix, or NULL. */
static const char *ref_tail(const char *ref, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(ref, prefix, n) == 0 ? ref + n : NULL;
}

/* What a `key: value` line at stack[0..depth) (keys) means to us. */
static void record(doc *d, char stack[][NAME_LEN], size_t depth, const char *key, const char *value)
{
    char v[NAME_LEN * 4];
    scalar(v, sizeof v, value, strlen(value));
    if (depth == 2 && !strcmp(stack[0], "paths") && is_method(key)) {
        cr_assert(d->n_ops < MAX_OPS, "openapi.yaml: too many operations");
        doc_op *op = &d->ops[d->n_ops++];
        memset(op, 0, sizeof *op);
        set(op->path, sizeof op->path, stack[1]);
        set(op->method, sizeof op->method, key);
    }
    if (depth >= 2 && !strcmp(stack[0], "components") && !strcmp(stack[1], "parameters")) {
        if (depth == 3) {
            doc_param *p = param_of(d, stack[2]);
            if (!strcmp(key, "name"))
                set(p->name, sizeof p->name, v);
            else if (!strcmp(key, "in"))
                set(p->in, sizeof p->in, v);
            else if (!strcmp(key, "x-sort-fields"))
                flow_list(&p->sort_fields, value);
        } else if (depth == 4 && !strcmp(stack[3], "schema")) {
            doc_param *p = param_of(d, stack[2]);
            const char *tail = ref_tail(v, "#/components/schemas/");
            if (!strcmp(key, "$ref") && tail)
                set(p->schema_ref, sizeof p->schema_ref, tail);
            else if (!strcmp(key, "type"))
                set(p->type, sizeof p->type, v);
            else if (!strcmp(key, "enum"))
                flow_list(&p->enums, value);
        }
    }
    if (depth == 3 && !strcmp(stack[0], "components") && !strcmp(stack[1], "schemas") &&
        !strcmp(key, "enum"))
        flow_list(&schema_of(d, stack[2])->enums, value);
}

static void parse(doc *d, const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert(f != NULL, "cannot open %s (run from the repository root or set MARSAD_OPENAPI)",
              path);
    d->text = malloc(1 << 20);
    cr_assert_not_null(d->text);
    d->len = fread(d->text, 1, (1 << 20) - 1, f);
    cr_assert(!ferror(f) && d->len > 0 && d->len < (1 << 20) - 1, "cannot read %s", path);
    fclose(f);
    d->text[d->len] = '\0';

    char stack[MAX_DEPTH][NAME_LEN];
    int indents[MAX_DEPTH];
    size_t depth = 0;
    int block = -1;  /* indent of a key whose value is a block scalar */
    char flow[4096]; /* a flow sequence spanning lines, being collected */
    size_t flow_len = 0;
    char flow_key[NAME_LEN] = "";
    int lineno = 0;

    for (char *line = d->text; line && *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        char buf[1024];
        lineno++;
        cr_assert(n < sizeof buf, "openapi.yaml:%d: line too long", lineno);
        copy(buf, sizeof buf, line, n);
        line = nl ? nl + 1 : NULL;
        int indent = 0;
        while (buf[indent] == ' ')
            indent++;
        cr_assert(buf[indent] != '\t', "openapi.yaml:%d: a tab in the indentation", lineno);
        const char *s = buf + indent;
        if (block >= 0) {
            if (!*s || indent > block)
                continue;
            block = -1;
        }
        if (flow_len) { /* continuation of a multi-line flow sequence */
            cr_assert(flow_len + n + 2 < sizeof flow, "openapi.yaml:%d: flow too long", lineno);
            flow[flow_len++] = ' ';
            memcpy(flow + flow_len, s, strlen(s) + 1);
            flow_len += strlen(s);
            if (strchr(s, ']')) {
                record(d, stack, depth - 1, flow_key, flow);
                flow_len = 0;
            }
            continue;
        }
        if (!*s || *s == '#')
            continue;
        while (depth && indents[depth - 1] >= indent)
            depth--;
        if (s[0] == '-' && s[1] == ' ') {
            /* A list item: only `- $ref: X` under an operation's parameters matters. */
            const char *item = s + 2;
            if (!strncmp(item, "$ref:", 5) && depth == 4 && !strcmp(stack[0], "paths") &&
                !strcmp(stack[3], "parameters")) {
                char ref[NAME_LEN];
                scalar(ref, sizeof ref, item + 5, strlen(item + 5));
                const char *tail = ref_tail(ref, "#/components/parameters/");
                cr_assert(tail, "openapi.yaml:%d: parameters are $refs to components: %s", lineno,
                          ref);
                list_add(&d->ops[d->n_ops - 1].refs, tail, strlen(tail));
            } else if (depth == 4 && !strcmp(stack[0], "paths") &&
                       !strcmp(stack[3], "parameters")) {
                cr_assert_fail("openapi.yaml:%d: an inline parameter; $ref one from components",
                               lineno);
            }
            continue;
        }
        /* key: value */
        const char *colon = NULL;
        for (const char *p = s; *p; p++)
            if (*p == ':' && (p[1] == ' ' || p[1] == '\0')) {
                colon = p;
                break;
            }
        cr_assert(colon != NULL, "openapi.yaml:%d: not a key: %s", lineno, s);
        char key[NAME_LEN];
        scalar(key, sizeof key, s, (size_t)(colon - s));
        const char *value = colon + 1;
        while (*value == ' ')
            value++;
        cr_assert(depth < MAX_DEPTH, "openapi.yaml:%d: nested too deep", lineno);
        if (value[0] == '|' || value[0] == '>') {
            block = indent;
        } else if (value[0] == '[' && !strchr(value, ']')) {
            set(flow, sizeof flow, value);
            flow_len = strlen(flow);
            set(flow_key, sizeof flow_key, key);
        } else {
            record(d, stack, depth, key, value);
        }
        snprintf(stack[depth], NAME_LEN, "%s", key);
        indents[depth] = indent;
        depth++;
    }
    cr_assert_eq(flow_len, 0, "openapi.yaml: an unterminated flow sequence");
}

static const doc_op *find_op(const doc *d, const char *path, const char *method)
{
    for (size_t i = 0; i < d->n_ops; i++)
        if (!strcmp(d->ops[i].path, path) && !strcasecmp(d->ops[i].method, method))
            return &d->ops[i];
    return NULL;
}

static const doc_param *find_param(const doc *d, const char *key)
{
    for (size_t i = 0; i < d->n_params; i++)
        if (!strcmp(d->params[i].key, key))
            return &d->params[i];
    return NULL;
}

/* The enum of a parameter: its own, or that of the schema it refers to. */
static const str_list *param_enum(const doc *d, const doc_param *p)
{
    if (p->enums.n)
        return &p->enums;
    for (size_t i = 0; p->schema_ref[0] && i < d->n_schemas; i++)
        if (!strcmp(d->schemas[i].key, p->schema_ref))
            return &d->schemas[i].enums;
    return NULL;
}

static const doc_param *op_param(const doc *d, const doc_op *op, const char *name, const char *in)
{
    for (size_t i = 0; i < op->refs.n; i++) {
        const doc_param *p = find_param(d, op->refs.v[i]);
        cr_assert(p && p->name[0], "%s %s: $ref to an undefined parameter %s", op->method, op->path,
                  op->refs.v[i]);
        if (!strcmp(p->name, name) && !strcmp(p->in, in))
            return p;
    }
    return NULL;
}

static doc D;

static void load(void)
{
    const char *path = getenv("MARSAD_OPENAPI") ? getenv("MARSAD_OPENAPI") : "openapi.yaml";
    memset(&D, 0, sizeof D);
    parse(&D, path);
    cr_assert_gt(D.n_ops, 0, "no operations read from %s", path);
}

static void unload(void)
{
    free(D.text);
}

TestSuite(openapi_sync, .init = load, .fini = unload);

/* ---- routes <-> paths ---------------------------------------------------- */

Test(openapi_sync, every_route_is_a_documented_operation)
{
    size_t n = 0;
    for (const route *rt = routes; rt->pattern; rt++, n++)
        cr_assert_not_null(find_op(&D, rt->pattern, rt->method),
                           "route %s %s is missing from openapi.yaml", rt->method, rt->pattern);
    cr_assert_gt(n, 10);
}

Test(openapi_sync, every_documented_operation_is_a_route)
{
    for (size_t i = 0; i < D.n_ops; i++) {
        const doc_op *op = &D.ops[i];
        bool found = false;
        if (!strcmp(op->method, "options")) {
            /* OPTIONS is answered by the HTTP layer on every path of the table. */
            for (const route *rt = routes; rt->pattern && !found; rt++)
                found = !strcmp(rt->pattern, op->path);
            cr_assert(found, "openapi.yaml documents OPTIONS %s, a path no route has", op->path);
            continue;
        }
        for (const route *rt = routes; rt->pattern && !found; rt++)
            found = !strcmp(rt->pattern, op->path) && !strcasecmp(rt->method, op->method);
        cr_assert(found, "openapi.yaml documents %s %s, which no route answers", op->method,
                  op->path);
        /* Dispatch agrees: the concrete path matches that route. */
        char concrete[NAME_LEN], id[REQUEST_MAX_ID], allow[64];
        const char *brace = strstr(op->path, "{id}");
        if (brace)
            snprintf(concrete, sizeof concrete, "%.*sX1%s", (int)(brace - op->path), op->path,
                     brace + 4);
        else
            set(concrete, sizeof concrete, op->path);
        char method[16];
        size_t k = 0;
        for (; op->method[k] && k + 1 < sizeof method; k++)
            method[k] = (char)toupper((unsigned char)op->method[k]);
        method[k] = '\0';
        const route *rt = NULL;
        cr_assert_eq(routes_match(method, concrete, &rt, id, sizeof id, allow, sizeof allow),
                     ROUTE_FOUND, "%s %s does not dispatch", method, concrete);
        cr_assert_str_eq(rt->pattern, op->path);
        if (brace)
            cr_assert_str_eq(id, "X1");
    }
}

/* ---- list parameters <-> the store's catalogue --------------------------- */

typedef struct list_route {
    const char *pattern;
    store_resource res;
    const char *preset; /* a filter the route fixes itself */
    bool geojson;
} list_route;

static const list_route LISTS[] = {
    {"/v1/articles", RES_ARTICLES, NULL, false},
    {"/v1/sources", RES_SOURCES, NULL, false},
    {"/v1/locations", RES_LOCATIONS, NULL, true},
    {"/v1/figures", RES_FIGURES, NULL, true},
    {"/v1/sources/{id}/figures", RES_FIGURES, "claimant", true},
    {"/v1/articles/{id}/copies", RES_ARTICLES, "copy_of", false},
};

static bool is_common(const char *name)
{
    return !strcmp(name, "limit") || !strcmp(name, "cursor") || !strcmp(name, "sort") ||
           !strcmp(name, "format") || !strcmp(name, "facet") || !strcmp(name, "bom");
}

/* A route whose last segment names a resource is a list; this test must
 * know it. */
Test(openapi_sync, every_list_route_is_known_here)
{
    static const char *const names[] = {"/articles", "/sources", "/locations", "/figures"};
    for (const route *rt = routes; rt->pattern; rt++) {
        size_t n = strlen(rt->pattern);
        for (size_t k = 0; k < 4; k++) {
            size_t m = strlen(names[k]);
            if (n < m || strcmp(rt->pattern + n - m, names[k]) != 0)
                continue;
            bool known = false;
            for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++)
                known |= !strcmp(LISTS[i].pattern, rt->pattern);
            cr_assert(known, "list route %s: add it to LISTS in this test", rt->pattern);
        }
    }
}

Test(openapi_sync, list_routes_document_exactly_the_store_filters)
{
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        const list_route *lr = &LISTS[i];
        const doc_op *op = find_op(&D, lr->pattern, "get");
        cr_assert_not_null(op, "%s is not documented", lr->pattern);
        size_t n_defs;
        const store_filter_def *defs = store_filters(lr->res, &n_defs);
        cr_assert_gt(n_defs, 0);

        /* Each filter of the store is a query parameter, typed alike. */
        for (size_t k = 0; k < n_defs; k++) {
            const store_filter_def *def = &defs[k];
            const doc_param *p = op_param(&D, op, def->name, "query");
            if (lr->preset && !strcmp(lr->preset, def->name)) {
                cr_assert_null(p, "%s documents %s, which the route fixes", lr->pattern, def->name);
                continue;
            }
            cr_assert_not_null(p, "%s: filter '%s' is not documented", lr->pattern, def->name);
            if (def->type == FIELD_ENUM) {
                const str_list *e = param_enum(&D, p);
                cr_assert_not_null(e, "%s: %s has no enum", lr->pattern, def->name);
                size_t n = 0;
                for (const char *const *v = def->enum_values; v && *v; v++, n++) {
                    cr_assert_lt(n, e->n, "%s: %s: '%s' is missing from the enum", lr->pattern,
                                 def->name, *v);
                    cr_assert_str_eq(e->v[n], *v, "%s: %s: enum value %zu", lr->pattern, def->name,
                                     n);
                }
                cr_assert_eq(n, e->n, "%s: %s documents %zu values, the store has %zu", lr->pattern,
                             def->name, e->n, n);
            } else if (def->type == FIELD_NUMBER) {
                cr_assert_str_eq(p->type, "number", "%s: %s is a number", lr->pattern, def->name);
            } else {
                cr_assert_null(param_enum(&D, p), "%s: %s is not an enumeration", lr->pattern,
                               def->name);
            }
        }
        /* ... and every documented query parameter is a filter or common. */
        for (size_t r = 0; r < op->refs.n; r++) {
            const doc_param *p = find_param(&D, op->refs.v[r]);
            cr_assert_not_null(p);
            if (strcmp(p->in, "query") != 0 || is_common(p->name))
                continue;
            bool known = false;
            for (size_t k = 0; k < n_defs; k++)
                known |=
                    !strcmp(defs[k].name, p->name) && !(lr->preset && !strcmp(lr->preset, p->name));
            cr_assert(known, "%s documents '%s', which is not a filter of the store", lr->pattern,
                      p->name);
        }
        /* The common parameters. */
        const doc_param *limit = op_param(&D, op, "limit", "query"),
                        *cursor = op_param(&D, op, "cursor", "query"),
                        *sort = op_param(&D, op, "sort", "query"),
                        *format = op_param(&D, op, "format", "query");
        cr_assert(limit && cursor && sort && format, "%s lacks limit, cursor, sort or format",
                  lr->pattern);
        cr_assert_str_eq(limit->type, "integer");
        const str_list *fmts = param_enum(&D, format);
        cr_assert_not_null(fmts);
        cr_assert_eq(fmts->n, lr->geojson ? 4u : 3u, "%s: format values", lr->pattern);
        cr_assert_str_eq(fmts->v[0], "json");
        size_t f = 1;
        if (lr->geojson)
            cr_assert_str_eq(fmts->v[f++], "geojson");
        cr_assert_str_eq(fmts->v[f++], "csv");
        cr_assert_str_eq(fmts->v[f], "ndjson");

        /* facet where the store has facets, and only there */
        size_t n_facets;
        const char *const *facets = store_facets(lr->res, &n_facets);
        const doc_param *facet = op_param(&D, op, "facet", "query");
        cr_assert_eq(facet != NULL, n_facets > 0, "%s: facet documented %s", lr->pattern,
                     n_facets ? "missing" : "but the store has none");
        for (size_t k = 0; k < n_facets; k++) {
            char quoted[64];
            snprintf(quoted, sizeof quoted, "`%s`", facets[k]);
            cr_assert_not_null(strstr(D.text, quoted), "facet %s undocumented", facets[k]);
        }

        /* The sort fields, in the store's order. */
        size_t n_sorts;
        const char *const *fields = store_sort_fields(lr->res, &n_sorts);
        cr_assert_eq(sort->sort_fields.n, n_sorts,
                     "%s: x-sort-fields has %zu fields, the store %zu", lr->pattern,
                     sort->sort_fields.n, n_sorts);
        for (size_t k = 0; k < n_sorts; k++) {
            cr_assert_str_eq(sort->sort_fields.v[k], fields[k], "%s: sort field %zu", lr->pattern,
                             k);
            cr_assert_not_null(strstr(D.text, fields[k]));
        }
    }
}

/* Routes with query parameters of their own (not a list's filters): their
 * documented parameters, and which enumerations come from the store. */
typedef struct own_param {
    const char *name;
    store_resource enum_res; /* the enum is this resource's filter of the same name */
    bool is_enum;
} own_param;

static const struct {
    const char *pattern;
    own_param params[14];
} OWN_PARAMS[] = {
    {"/v1/figures/compare",
     {{"type", RES_FIGURES, true},
      {"location", RES__COUNT, false},
      {"affiliation", RES_SOURCES, true},
      {"bloc", RES__COUNT, false},
      {"claimant", RES__COUNT, false},
      {"date__gte", RES__COUNT, false},
      {"date__lte", RES__COUNT, false},
      {"group", RES__COUNT, false},
      {"min_claimants", RES__COUNT, false},
      {"claims", RES__COUNT, false},
      {"figures", RES__COUNT, false},
      {"limit", RES__COUNT, false},
      {NULL, RES__COUNT, false}}},
    {"/v1/search",
     {{"q", RES__COUNT, false},
      {"kind", RES__COUNT, false},
      {"limit", RES__COUNT, false},
      {NULL, RES__COUNT, false}}},
};

static void assert_enum_is_store_filter(const doc_op *op, const doc_param *p, store_resource res)
{
    size_t n_defs;
    const store_filter_def *defs = store_filters(res, &n_defs);
    const store_filter_def *def = NULL;
    for (size_t k = 0; k < n_defs; k++)
        if (!strcmp(defs[k].name, p->name))
            def = &defs[k];
    cr_assert(def && def->type == FIELD_ENUM, "%s: no store enum for %s", op->path, p->name);
    const str_list *e = param_enum(&D, p);
    cr_assert_not_null(e, "%s: %s has no enum", op->path, p->name);
    size_t n = 0;
    for (const char *const *v = def->enum_values; *v; v++, n++) {
        cr_assert_lt(n, e->n, "%s: %s lacks '%s'", op->path, p->name, *v);
        cr_assert_str_eq(e->v[n], *v, "%s: %s: enum value %zu", op->path, p->name, n);
    }
    cr_assert_eq(n, e->n, "%s: %s documents %zu values, the store %zu", op->path, p->name, e->n, n);
}

/* Item routes and the service routes take no query parameter; the routes
 * of OWN_PARAMS take exactly theirs. */
Test(openapi_sync, other_routes_document_their_query_parameters)
{
    for (size_t i = 0; i < D.n_ops; i++) {
        const doc_op *op = &D.ops[i];
        bool is_list = false;
        for (size_t k = 0; k < sizeof LISTS / sizeof LISTS[0]; k++)
            is_list |= !strcmp(LISTS[k].pattern, op->path);
        if (!strcmp(op->method, "options"))
            continue; /* answered by the HTTP layer: no parameters */
        bool has_id = strstr(op->path, "{id}") != NULL;
        cr_assert_eq(op_param(&D, op, "id", "path") != NULL, has_id,
                     "%s: a path with {id} documents the id, and only then", op->path);
        if (is_list)
            continue;
        const own_param *own = NULL;
        for (size_t k = 0; k < sizeof OWN_PARAMS / sizeof OWN_PARAMS[0]; k++)
            if (!strcmp(OWN_PARAMS[k].pattern, op->path))
                own = OWN_PARAMS[k].params;
        size_t n_own = 0;
        for (const own_param *o = own; o && o->name; o++, n_own++) {
            const doc_param *p = op_param(&D, op, o->name, "query");
            cr_assert_not_null(p, "%s does not document '%s'", op->path, o->name);
            if (o->is_enum)
                assert_enum_is_store_filter(op, p, o->enum_res);
        }
        size_t n_query = 0;
        for (size_t r = 0; r < op->refs.n; r++) {
            const doc_param *p = find_param(&D, op->refs.v[r]);
            n_query += !strcmp(p->in, "query");
        }
        cr_assert_eq(n_query, n_own, "%s documents %zu query parameters, expected %zu", op->path,
                     n_query, n_own);
    }
}

/* The server serves what the repository holds. */
Test(openapi_sync, the_compiled_in_document_is_the_file)
{
    const data_blob *b = assets_find("openapi.yaml");
    cr_assert_not_null(b, "openapi.yaml is not compiled into the server");
    cr_assert_eq(b->len, D.len, "compiled-in %zu bytes, file %zu: rebuild", (size_t)b->len, D.len);
    cr_assert(memcmp(b->data, D.text, D.len) == 0, "the compiled-in openapi.yaml is stale");
}
