/* params.c — turning query arguments into a validated store_query.
 *
 * The vocabulary (which filters a resource has, their types, the sortable
 * fields) belongs to the store and is read from its catalogue, so a filter
 * added there is accepted here and listed by the OpenAPI test without a
 * second table. This file checks shapes and ranges; it never builds SQL.
 */
#include "server/params.h"

#include "extract/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *request_arg(const request *rq, const char *name)
{
    for (size_t i = 0; i < rq->n_args; i++)
        if (strcmp(rq->args[i].name, name) == 0)
            return rq->args[i].value;
    return NULL;
}

static size_t max_value_len(const char *name)
{
    if (strcmp(name, "cursor") == 0)
        return PARAMS_MAX_CURSOR;
    if (strcmp(name, "q") == 0)
        return PARAMS_MAX_SEARCH;
    return PARAMS_MAX_VALUE;
}

/* Is q's cost in prefix expansions within bounds (PARAMS_MAX_PREFIXES,
 * PARAMS_MIN_PREFIX)? A prefix is the word before a star, or the last word
 * of a quoted phrase before one ("مدينة حل"*). A one-letter prefix expands to most of the index, and
 * many of them in one query multiply the work; both are refused on the
 * spot, where the time limit would only stop them after using it all. */
static bool prefixes_ok_or_reply(const char *q, reply *r)
{
    size_t n = 0;
    for (const char *star = strchr(q, '*'); star; star = strchr(star + 1, '*')) {
        size_t letters = 0;
        const char *end = star;
        if (end > q && end[-1] == '"')
            end--; /* "a phrase"*: the prefix is the phrase's last word */
        for (const char *p = end; p > q;) {
            const char *prev = p - 1;
            while (prev > q && ((unsigned char)*prev & 0xC0) == 0x80)
                prev--; /* back to the code point's first byte */
            unsigned char c = (unsigned char)*prev;
            if (c < 0x80 && !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
                break;
            letters++;
            p = prev;
        }
        if (letters < PARAMS_MIN_PREFIX) {
            reply_bad_param(r, "q", "a prefix (word*) needs at least %d letters before the *",
                            PARAMS_MIN_PREFIX);
            return false;
        }
        if (++n > PARAMS_MAX_PREFIXES) {
            reply_bad_param(r, "q", "at most %d prefixes (word*) in one query",
                            PARAMS_MAX_PREFIXES);
            return false;
        }
    }
    return true;
}

bool params_check_or_reply(const request *rq, bool allow_none, reply *r)
{
    if (rq->nul_in_args) {
        if (rq->nul_arg)
            reply_bad_param(r, rq->nul_arg, "holds a NUL byte (%%00)");
        else
            reply_problem(r, 400, "a query parameter name holds a NUL byte (%%00)");
        return false;
    }
    if (rq->too_many_args) {
        reply_problem(r, 400, "at most %d query parameters are accepted", REQUEST_MAX_ARGS);
        return false;
    }
    for (size_t i = 0; i < rq->n_args; i++) {
        const query_arg *a = &rq->args[i];
        size_t where;
        if (!utf8_valid(a->name, strlen(a->name), &where)) {
            reply_problem(r, 400, "a query parameter name is not valid UTF-8 (byte %zu)", where);
            return false;
        }
        if (allow_none) {
            reply_bad_param(r, a->name, "this route takes no query parameters");
            return false;
        }
        size_t len = strlen(a->value);
        if (!utf8_valid(a->value, len, &where)) {
            reply_bad_param(r, a->name, "not valid UTF-8 (byte %zu of the decoded value)", where);
            return false;
        }
        /* Characters (code points), as the OpenAPI maxLength counts. */
        if (utf8_count(a->value, len) > max_value_len(a->name)) {
            reply_bad_param(r, a->name, "longer than %zu characters", max_value_len(a->name));
            return false;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(rq->args[j].name, a->name) == 0) {
                reply_bad_param(r, a->name, "given more than once");
                return false;
            }
        if (strcmp(a->name, "q") == 0 && !prefixes_ok_or_reply(a->value, r))
            return false;
    }
    return true;
}

/* A decimal number as people write one: -12, 3.5, 1e3; no spaces, no
 * hex, no inf or nan (all of which strtod would take). */
static bool decimal_syntax(const char *s)
{
    if (*s == '-')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    if (*s == '.') {
        s++;
        if (!isdigit((unsigned char)*s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        if (!isdigit((unsigned char)*s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return *s == '\0' || *s == ',';
}

/* Parse exactly n comma-separated finite numbers. */
static bool parse_numbers(const char *s, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!decimal_syntax(s))
            return false;
        char *end;
        errno = 0;
        out[i] = strtod(s, &end);
        if (end == s || errno || !isfinite(out[i]))
            return false;
        if (i + 1 < n) {
            if (*end != ',')
                return false;
            s = end + 1;
        } else if (*end != '\0') {
            return false;
        }
    }
    return true;
}

/* names[0..n) (n = SIZE_MAX: up to a NULL) joined by ", " into out. */
static const char *join_names(const char *const *names, size_t n, char *out, size_t outsz)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && names[i] && used < outsz; i++) {
        int w = snprintf(out + used, outsz - used, "%s%s", i ? ", " : "", names[i]);
        used += w > 0 ? (size_t)w : 0;
    }
    return out;
}

static bool parse_filter(const store_filter_def *d, const char *v, store_filter *f, reply *r)
{
    f->text = v;
    switch (d->type) {
    case FIELD_TEXT:
    case FIELD_SEARCH:
        if (!*v) {
            reply_bad_param(r, d->name, "must not be empty");
            return false;
        }
        return true;
    case FIELD_ENUM:
        for (const char *const *e = d->enum_values; e && *e; e++)
            if (strcmp(*e, v) == 0)
                return true;
        {
            char list[512];
            reply_bad_param(r, d->name, "must be one of: %s",
                            d->enum_values ? join_names(d->enum_values, SIZE_MAX, list, sizeof list)
                                           : "");
        }
        return false;
    case FIELD_DATE:
        if (!store_is_iso_day(v)) {
            reply_bad_param(r, d->name, "must be a day, YYYY-MM-DD");
            return false;
        }
        return true;
    case FIELD_NUMBER:
        if (!parse_numbers(v, f->num, 1)) {
            reply_bad_param(r, d->name, "must be a finite number");
            return false;
        }
        return true;
    case FIELD_BBOX:
        if (!parse_numbers(v, f->num, 4)) {
            reply_bad_param(r, d->name, "must be minLon,minLat,maxLon,maxLat");
            return false;
        }
        if (f->num[0] < -180 || f->num[2] > 180 || f->num[1] < -90 || f->num[3] > 90 ||
            f->num[0] > f->num[2] || f->num[1] > f->num[3]) {
            reply_bad_param(
                r, d->name,
                "needs -180 <= minLon <= maxLon <= 180 and -90 <= minLat <= maxLat <= 90");
            return false;
        }
        return true;
    case FIELD_NEAR:
        if (!parse_numbers(v, f->num, 3)) {
            reply_bad_param(r, d->name, "must be lat,lon,km");
            return false;
        }
        if (f->num[0] < -90 || f->num[0] > 90 || f->num[1] < -180 || f->num[1] > 180 ||
            !(f->num[2] > 0) || f->num[2] > 20040) {
            reply_bad_param(r, d->name,
                            "needs -90 <= lat <= 90, -180 <= lon <= 180, 0 < km <= 20040");
            return false;
        }
        return true;
    }
    return false;
}

static bool parse_sort(store_resource res, const char *v, store_query *q, reply *r)
{
    size_t n_fields;
    const char *const *fields = store_sort_fields(res, &n_fields);
    const char *p = v;
    while (*p) {
        bool desc = *p == '-';
        if (*p == '-' || *p == '+')
            p++;
        size_t len = strcspn(p, ",");
        size_t k = 0;
        while (k < n_fields && !(strlen(fields[k]) == len && strncmp(fields[k], p, len) == 0))
            k++;
        if (k == n_fields) {
            char list[256];
            reply_bad_param(r, "sort", "unknown field '%.*s'; sortable: %s", (int)len, p,
                            join_names(fields, n_fields, list, sizeof list));
            return false;
        }
        for (size_t i = 0; i < q->n_sort; i++)
            if (q->sort[i].field == k) {
                reply_bad_param(r, "sort", "field '%s' given twice", fields[k]);
                return false;
            }
        if (q->n_sort == STORE_MAX_SORT) {
            reply_bad_param(r, "sort", "at most %d fields", STORE_MAX_SORT);
            return false;
        }
        q->sort[q->n_sort].field = k;
        q->sort[q->n_sort].desc = desc;
        q->n_sort++;
        p += len;
        if (*p == ',') {
            p++;
            if (!*p) {
                reply_bad_param(r, "sort", "ends with a comma");
                return false;
            }
        }
    }
    if (q->n_sort == 0) {
        reply_bad_param(r, "sort", "must name at least one field");
        return false;
    }
    return true;
}

/* facet=a,b: names of the resource's facets, each once, at most
 * STORE_MAX_FACETS. */
static bool parse_facets(store_resource res, const char *v, store_query *q, reply *r)
{
    size_t n;
    const char *const *names = store_facets(res, &n);
    if (n == 0) {
        reply_bad_param(r, "facet", "this list has no facets");
        return false;
    }
    for (const char *p = v;;) {
        size_t len = strcspn(p, ",");
        size_t k = 0;
        while (k < n && !(strlen(names[k]) == len && strncmp(names[k], p, len) == 0))
            k++;
        if (k == n) {
            char list[128];
            reply_bad_param(r, "facet", "unknown facet '%.*s'; facets: %s", (int)len, p,
                            join_names(names, n, list, sizeof list));
            return false;
        }
        for (size_t i = 0; i < q->n_facets; i++)
            if (q->facets[i] == k) {
                reply_bad_param(r, "facet", "facet '%s' given twice", names[k]);
                return false;
            }
        if (q->n_facets == STORE_MAX_FACETS) {
            reply_bad_param(r, "facet", "at most %d facets", STORE_MAX_FACETS);
            return false;
        }
        q->facets[q->n_facets++] = k;
        p += len;
        if (!*p)
            return true;
        p++;
    }
}

static bool parse_int(const char *name, const char *v, int lo, int hi, int *out, reply *r)
{
    const char *digits = *v == '-' ? v + 1 : v;
    if (!isdigit((unsigned char)*digits) || strspn(digits, "0123456789") != strlen(digits)) {
        reply_bad_param(r, name, "must be an integer");
        return false;
    }
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || *end || errno) {
        reply_bad_param(r, name, "must be an integer");
        return false;
    }
    if (n < lo || n > hi) {
        reply_bad_param(r, name, "must be between %d and %d", lo, hi);
        return false;
    }
    *out = (int)n;
    return true;
}

static bool parse_limit(const char *v, store_query *q, reply *r)
{
    return parse_int("limit", v, 1, STORE_MAX_LIMIT, &q->limit, r);
}

bool params_only_or_reply(const request *rq, const char *const *allowed, reply *r)
{
    if (!params_check_or_reply(rq, false, r))
        return false;
    for (size_t i = 0; i < rq->n_args; i++) {
        const char *const *a = allowed;
        while (*a && strcmp(*a, rq->args[i].name) != 0)
            a++;
        if (!*a) {
            reply_bad_param(r, rq->args[i].name, "unknown parameter for this route");
            return false;
        }
    }
    return true;
}

bool params_int_or_reply(const request *rq, const char *name, int lo, int hi, int def, int *out,
                         reply *r)
{
    const char *v = request_arg(rq, name);
    *out = def;
    return !v || parse_int(name, v, lo, hi, out, r);
}

bool params_enum_or_reply(const request *rq, const char *name, const char *const *values,
                          const char **out, reply *r)
{
    store_filter_def def = {name, FIELD_ENUM, values, NULL};
    store_filter f;
    const char *v = request_arg(rq, name);
    *out = NULL;
    if (!v)
        return true;
    if (!parse_filter(&def, v, &f, r))
        return false;
    *out = v;
    return true;
}

static bool add_filter(store_query *q, const store_filter_def *defs, size_t def, const char *value,
                       reply *r)
{
    if (q->n_filters == STORE_MAX_FILTERS) {
        reply_problem(r, 400, "at most %d filters", STORE_MAX_FILTERS);
        return false;
    }
    store_filter *f = &q->filters[q->n_filters];
    memset(f, 0, sizeof *f);
    f->def = def;
    if (!parse_filter(&defs[def], value, f, r))
        return false;
    q->n_filters++;
    return true;
}

bool params_query_or_reply(const request *rq, store_resource res, bool allow_geojson,
                           const char *preset, const char *preset_value, store_query *q,
                           output_format *fmt, reply *r)
{
    memset(q, 0, sizeof *q);
    q->res = res;
    q->limit = PARAMS_DEFAULT_LIMIT;
    *fmt = FORMAT_JSON;
    if (!params_check_or_reply(rq, false, r))
        return false;

    size_t n_defs;
    const store_filter_def *defs = store_filters(res, &n_defs);
    if (preset) {
        size_t k = 0;
        while (k < n_defs && strcmp(defs[k].name, preset) != 0)
            k++;
        if (k == n_defs || !add_filter(q, defs, k, preset_value, r))
            return false;
    }
    bool bom = false;
    for (size_t i = 0; i < rq->n_args; i++) {
        const char *name = rq->args[i].name, *value = rq->args[i].value;
        if (strcmp(name, "limit") == 0) {
            if (!parse_limit(value, q, r))
                return false;
        } else if (strcmp(name, "bom") == 0) {
            if (strcmp(value, "true") != 0 && strcmp(value, "false") != 0) {
                reply_bad_param(r, "bom", "must be true or false");
                return false;
            }
            bom = strcmp(value, "true") == 0;
        } else if (strcmp(name, "cursor") == 0) {
            if (!*value) {
                reply_bad_param(r, "cursor", "must not be empty");
                return false;
            }
            q->cursor = value;
        } else if (strcmp(name, "sort") == 0) {
            if (!parse_sort(res, value, q, r))
                return false;
        } else if (strcmp(name, "format") == 0) {
            if (strcmp(value, "json") == 0) {
                *fmt = FORMAT_JSON;
            } else if (strcmp(value, "csv") == 0) {
                *fmt = FORMAT_CSV;
            } else if (strcmp(value, "ndjson") == 0) {
                *fmt = FORMAT_NDJSON;
            } else if (allow_geojson && strcmp(value, "geojson") == 0) {
                *fmt = FORMAT_GEOJSON;
            } else {
                reply_bad_param(r, "format", "must be %s",
                                allow_geojson ? "json, csv, ndjson or geojson"
                                              : "json, csv or ndjson");
                return false;
            }
        } else if (strcmp(name, "facet") == 0) {
            if (!parse_facets(res, value, q, r))
                return false;
        } else {
            size_t k = 0;
            while (k < n_defs && strcmp(defs[k].name, name) != 0)
                k++;
            if (k == n_defs || (preset && strcmp(preset, name) == 0)) {
                reply_bad_param(r, name, "unknown parameter for this route");
                return false;
            }
            if (!add_filter(q, defs, k, value, r))
                return false;
        }
    }
    if (bom && *fmt != FORMAT_CSV) {
        reply_bad_param(r, "bom", "applies to format=csv only");
        return false;
    }
    if (bom)
        *fmt = FORMAT_CSV_BOM;
    return true;
}

/* RFC 3986 unreserved characters pass; everything else is %XX. */
static bool append_encoded(char *out, size_t outsz, size_t *used, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool plain = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                     (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' || *p == '~';
        size_t need = plain ? 1 : 3;
        if (*used + need >= outsz)
            return false;
        if (plain) {
            out[(*used)++] = (char)*p;
        } else {
            out[(*used)++] = '%';
            out[(*used)++] = hex[*p >> 4];
            out[(*used)++] = hex[*p & 15];
        }
    }
    out[*used] = '\0';
    return true;
}

static bool append_raw(char *out, size_t outsz, size_t *used, const char *s)
{
    size_t n = strlen(s);
    if (*used + n >= outsz)
        return false;
    memcpy(out + *used, s, n + 1);
    *used += n;
    return true;
}

bool params_next_url(const request *rq, const char *cursor, char *out, size_t outsz)
{
    size_t used = 0;
    if (outsz == 0 || !append_raw(out, outsz, &used, rq->path))
        return false;
    char sep[2] = "?";
    for (size_t i = 0; i < rq->n_args; i++) {
        if (strcmp(rq->args[i].name, "cursor") == 0)
            continue;
        if (!append_raw(out, outsz, &used, sep) ||
            !append_encoded(out, outsz, &used, rq->args[i].name) ||
            !append_raw(out, outsz, &used, "=") ||
            !append_encoded(out, outsz, &used, rq->args[i].value))
            return false;
        sep[0] = '&';
    }
    return append_raw(out, outsz, &used, sep) && append_raw(out, outsz, &used, "cursor=") &&
           append_encoded(out, outsz, &used, cursor);
}
