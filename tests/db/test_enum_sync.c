/* test_enum_sync.c — one list per enumeration: the store's filter catalogue
 * (store_filters, which openapi.yaml is held to by test_openapi_sync.c) is
 * the list, and schema.sql's CHECK constraints and the explorer's
 * vocabulary in web/app.js must name exactly the same values; the blocs
 * /v1/meta serves are those of data/blocs.tsv, which the explorer never
 * names itself. A value added
 * in one place and not the others fails here, not at import time.
 *
 * Run from the repository root (as `make unit` does).
 */
#include "db/store.h"
#include "extract/extract.h"

#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUES 64
#define VALUE_LEN 64

typedef struct value_set {
    char v[MAX_VALUES][VALUE_LEN];
    size_t n;
} value_set;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s (run from the repository root)", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    cr_assert(n > 0);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void add_value(value_set *set, const char *start, size_t len)
{
    cr_assert_lt(set->n, (size_t)MAX_VALUES);
    cr_assert_lt(len, (size_t)VALUE_LEN);
    memcpy(set->v[set->n], start, len);
    set->v[set->n][len] = '\0';
    set->n++;
}

static bool has_value(const value_set *set, const char *v)
{
    for (size_t i = 0; i < set->n; i++)
        if (!strcmp(set->v[i], v))
            return true;
    return false;
}

/* The quoted values of `column`'s CHECK (... IN (...)) inside CREATE TABLE
 * `table` of schema.sql. */
static value_set schema_check(const char *schema, const char *table, const char *column)
{
    char head[128];
    snprintf(head, sizeof head, "CREATE TABLE %s (", table);
    const char *t = strstr(schema, head);
    cr_assert_not_null(t, "schema.sql has no table %s", table);
    const char *end = strstr(t, "\n);");
    cr_assert_not_null(end);
    char col[128];
    snprintf(col, sizeof col, "\n    %s ", column);
    const char *c = strstr(t, col);
    cr_assert(c && c < end, "schema.sql: %s has no column %s", table, column);
    const char *in = strstr(c, " IN");
    cr_assert(in && in < end, "schema.sql: %s.%s has no IN list", table, column);
    const char *p = strchr(in, '(');
    cr_assert_not_null(p);
    value_set set = {.n = 0};
    for (p++; *p && *p != ')'; p++) {
        if (*p != '\'')
            continue;
        const char *q = strchr(p + 1, '\'');
        cr_assert_not_null(q);
        add_value(&set, p + 1, (size_t)(q - p - 1));
        p = q;
    }
    return set;
}

/* The keys of `const NAME = { key: '...', 'two words': '...' };` in app.js. */
static value_set app_keys(const char *app, const char *name)
{
    char head[64];
    snprintf(head, sizeof head, "const %s = {", name);
    const char *p = strstr(app, head);
    cr_assert_not_null(p, "web/app.js has no %s", name);
    p += strlen(head);
    const char *end = strstr(p, "};");
    cr_assert_not_null(end);
    value_set set = {.n = 0};
    while (p < end) {
        while (p < end && strchr(" \n,", *p))
            p++;
        if (p >= end)
            break;
        const char *key = p;
        size_t len;
        if (*p == '\'') {
            const char *q = strchr(p + 1, '\'');
            key = p + 1;
            len = (size_t)(q - key);
            p = q + 1;
        } else {
            while (p < end && *p != ':')
                p++;
            len = (size_t)(p - key);
        }
        add_value(&set, key, len);
        /* skip the value: a quoted string */
        const char *open = strchr(p, '\'');
        cr_assert(open && open < end);
        p = strchr(open + 1, '\'') + 1;
    }
    return set;
}

static value_set filter_enum(store_resource res, const char *name)
{
    size_t n;
    const store_filter_def *defs = store_filters(res, &n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(defs[i].name, name) || defs[i].type != FIELD_ENUM)
            continue;
        value_set set = {.n = 0};
        for (const char *const *v = defs[i].enum_values; *v; v++)
            add_value(&set, *v, strlen(*v));
        return set;
    }
    cr_assert_fail("no enum filter %s", name);
    return (value_set){.n = 0};
}

static void assert_same(const value_set *want, const value_set *got, const char *what)
{
    for (size_t i = 0; i < want->n; i++)
        cr_expect(has_value(got, want->v[i]), "%s lacks '%s'", what, want->v[i]);
    for (size_t i = 0; i < got->n; i++)
        cr_expect(has_value(want, got->v[i]), "%s has '%s', which the store's list lacks", what,
                  got->v[i]);
}

typedef struct enum_case {
    store_resource res;
    const char *filter;
    const char *table, *column; /* schema.sql */
    const char *app_object;     /* web/app.js, NULL when the explorer does not name them */
} enum_case;

static const enum_case CASES[] = {
    {RES_FIGURES, "type", "figures", "type", "TYPE"},
    {RES_FIGURES, "qualifier", "figures", "qualifier", "QUAL_NAME"},
    {RES_FIGURES, "stance", "figures", "stance", "STANCE"},
    {RES_FIGURES, "subject_category", "figures", "subject_category", "CATEGORY"},
    {RES_FIGURES, "subject_side", "figures", "subject_side", "SIDE"},
    {RES_SOURCES, "kind", "sources", "kind", "SRC_KIND"},
    {RES_SOURCES, "affiliation", "sources", "affiliation", "AFF"},
    {RES_LOCATIONS, "kind", "locations", "kind", "LOC_KIND"},
};

Test(enum_sync, schema_and_explorer_name_the_store_lists)
{
    char *schema = slurp("schema.sql");
    char *app = slurp("web/app.js");
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        const enum_case *c = &CASES[i];
        value_set want = filter_enum(c->res, c->filter);
        cr_assert_gt(want.n, 0u);
        value_set in_schema = schema_check(schema, c->table, c->column);
        char what[128];
        snprintf(what, sizeof what, "schema.sql %s.%s", c->table, c->column);
        assert_same(&want, &in_schema, what);
        if (c->app_object) {
            value_set in_app = app_keys(app, c->app_object);
            snprintf(what, sizeof what, "web/app.js %s", c->app_object);
            assert_same(&want, &in_app, what);
        }
    }
    free(schema);
    free(app);
}

/* Roles have no filter: the extractor's names are the list. */
Test(enum_sync, roles_match_the_extractor)
{
    char *schema = slurp("schema.sql");
    char *app = slurp("web/app.js");
    value_set want = {.n = 0};
    for (source_role r = ROLE_OUTLET; r <= ROLE_MENTIONED; r++)
        add_value(&want, source_role_name(r), strlen(source_role_name(r)));
    value_set in_schema = schema_check(schema, "source_mentions", "role");
    assert_same(&want, &in_schema, "schema.sql source_mentions.role");
    value_set in_app = app_keys(app, "ROLE");
    assert_same(&want, &in_app, "web/app.js ROLE");
    free(schema);
    free(app);
}

/* The reader itself can fail: a list with a value too many is caught. */
Test(enum_sync, a_stray_value_is_caught)
{
    value_set want = {.n = 0}, got = {.n = 0};
    add_value(&want, "a", 1);
    add_value(&got, "a", 1);
    add_value(&got, "b", 1);
    cr_assert(!has_value(&want, "b"));
    value_set keys = app_keys("const X = { a: 'x', 'b c': 'y' };", "X");
    cr_assert_eq(keys.n, 2u);
    cr_assert_str_eq(keys.v[1], "b c");
    value_set check =
        schema_check("CREATE TABLE t (\n    k TEXT CHECK (k IN ('p', 'q'))\n);", "t", "k");
    cr_assert_eq(check.n, 2u);
    cr_assert_str_eq(check.v[1], "q");
}

/* The blocs have one list, data/blocs.tsv: /v1/meta serves it from the
 * model (extract_model_camp gives every bloc, in file order), and the
 * explorer takes its bloc names from there, naming none itself. */
Test(enum_sync, blocs_come_from_data_blocs_tsv_only)
{
    char *blocs = slurp("data/blocs.tsv");
    char *app = slurp("web/app.js");
    value_set want = {.n = 0};
    for (char *line = blocs; line && *line;
         line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (*line == '#' || *line == '\n')
            continue;
        const char *id = strchr(line, '\t');
        const char *kind = id ? strchr(id + 1, '\t') : NULL;
        cr_assert(id && kind, "data/blocs.tsv: a line without id and kind");
        if (strncmp(kind + 1, "bloc\t", 5) != 0)
            continue;
        add_value(&want, id + 1, (size_t)(kind - id - 1));
        char quoted[80];
        snprintf(quoted, sizeof quoted, "'%.*s'", (int)(kind - id - 1), id + 1);
        cr_expect_null(strstr(app, quoted), "web/app.js names the bloc %s itself", quoted);
    }
    cr_assert_gt(want.n, 10u);
    char err[256];
    extract_model *m = extract_model_new(err, sizeof err);
    cr_assert_not_null(m, "%s", err);
    value_set served = {.n = 0};
    extract_camp c;
    for (size_t i = 0; extract_model_camp(m, i, &c); i++) {
        cr_expect(c.name && *c.name && c.name_en && *c.name_en, "%s without its names", c.id);
        if (c.conflict)
            add_value(&served, c.id, strlen(c.id));
    }
    assert_same(&want, &served, "the blocs /v1/meta serves");
    extract_model_free(m);
    free(blocs);
    free(app);
}
