/* eval.c — scores the extractor against the gold annotations of the seed
 * documents (tests/data/gold_seeds.json, copied from the shared gold) and
 * prints the figures `make eval` reports.
 *
 * Scoring, as the gold's README says: a predicted figure matches a gold
 * figure of the same document when the values are equal (both null for a
 * vague amount) and the spans overlap. Recall = matched required / required;
 * precision = predicted figures matching any gold figure (required or
 * optional) / predicted. Attributes (qualifier, type, claimant) are scored
 * over the matched required figures; a claimant is right when its name, or
 * the text of one of its mentions in the document, is one of the gold names.
 * Places: a gold place is found when a predicted place mention overlaps one
 * of its occurrences in the text; a predicted mention that overlaps no gold
 * place (required or optional) is a false positive. Sources: a gold source is
 * found when a predicted source mention overlaps one of its occurrences.
 *
 * Usage: eval [--check] GOLD.json SEEDS_DIR. With --check, exits 1 when a
 * measure is below its acceptance bar (issues 3 and 4).
 */
#include "extract/extract.h"
#include "ingest/ingest.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tally {
    size_t required, matched_required, predicted, predicted_ok;
    size_t qual_ok, type_ok, claimant_ok;
    size_t places_required, places_found, place_mentions, place_mentions_ok;
    size_t sources_required, sources_found;
    size_t outlets, outlets_ok;
} tally;

static bool verbose;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(INGEST_MAX_BYTES + 2);
    *len = buf ? fread(buf, 1, INGEST_MAX_BYTES + 1, f) : 0;
    fclose(f);
    return buf;
}

static bool same_norm(const char *a, const char *b)
{
    char na[512], nb[512];
    text_normalize(a, strlen(a), na, sizeof na);
    text_normalize(b, strlen(b), nb, sizeof nb);
    return strcmp(na, nb) == 0;
}

/* Every occurrence of needle (UTF-8) in the decoded text, as code-point
 * spans. A name with the article is also found after the preposition ل,
 * which takes the article's alef (الراموسة in للراموسة). */
static size_t occurrences(const text *t, const char *needle, span *out, size_t max)
{
    text nt;
    if (text_init(&nt, needle, strlen(needle)) != 0)
        return 0;
    size_t n = 0;
    const uint32_t *p = nt.cp;
    size_t len = nt.n_cp;
    for (size_t i = 0; len && i + len <= t->n_cp && n < max; i++)
        if (memcmp(t->cp + i, p, len * sizeof *p) == 0)
            out[n++] = (span){(uint32_t)i, (uint32_t)(i + len)};
    if (len > 2 && p[0] == 0x0627 && p[1] == 0x0644) /* ال: look for لل + rest */
        for (size_t i = 1; i + len - 1 <= t->n_cp && n < max; i++)
            if (t->cp[i - 1] == 0x0644 && memcmp(t->cp + i, p + 1, (len - 1) * sizeof *p) == 0)
                out[n++] = (span){(uint32_t)i, (uint32_t)(i + len - 1)};
    text_free(&nt);
    return n;
}

static bool overlaps(span a, span b)
{
    return a.start < b.end && b.start < a.end;
}

static bool any_name_in(const json_t *names, const char *name)
{
    size_t i;
    json_t *v;
    json_array_foreach(names, i, v) if (json_is_string(v) && same_norm(json_string_value(v), name))
        return true;
    return false;
}

/* Is source src of r known under one of names (its name or a mention text)? */
static bool source_named(const extract_result *r, size_t src, const json_t *names)
{
    if (any_name_in(names, r->sources[src].name))
        return true;
    for (size_t m = 0; m < r->n_source_mentions; m++) {
        if (r->source_mentions[m].source != src)
            continue;
        char *s = text_slice(&r->txt, r->source_mentions[m].sp);
        bool ok = s && any_name_in(names, s);
        free(s);
        if (ok)
            return true;
    }
    return false;
}

static bool value_equal(const json_t *gold, const extract_figure *f)
{
    if (json_is_null(gold))
        return !f->has_value;
    return f->has_value && json_number_value(gold) == f->value;
}

static void score_figures(const extract_result *r, const json_t *figures, const char *doc, tally *t)
{
    size_t i;
    json_t *g;
    bool *hit = calloc(r->n_figures + 1, sizeof *hit);
    json_array_foreach(figures, i, g)
    {
        if (strcmp(json_string_value(json_object_get(g, "doc")), doc) != 0)
            continue;
        span gs = {(uint32_t)json_integer_value(json_object_get(g, "start")),
                   (uint32_t)json_integer_value(json_object_get(g, "end"))};
        bool required = json_is_true(json_object_get(g, "required"));
        const extract_figure *match = NULL;
        for (size_t k = 0; k < r->n_figures; k++) {
            if (!overlaps(gs, r->figures[k].sp) || !value_equal(json_object_get(g, "value"), &r->figures[k]))
                continue;
            hit[k] = true;
            if (!match)
                match = &r->figures[k];
        }
        if (!required)
            continue;
        t->required++;
        const char *span_text = json_string_value(json_object_get(g, "span"));
        if (!match) {
            if (verbose)
                printf("  MISSED %s [%u,%u) %s\n", doc, gs.start, gs.end, span_text);
            continue;
        }
        t->matched_required++;
        bool q = strcmp(qualifier_name(match->qual), json_string_value(json_object_get(g, "qualifier"))) == 0;
        bool ty = strcmp(match->type, json_string_value(json_object_get(g, "type"))) == 0;
        bool cl = match->claimant != EXTRACT_NO_INDEX &&
                  source_named(r, match->claimant, json_object_get(g, "claimant"));
        t->qual_ok += q;
        t->type_ok += ty;
        t->claimant_ok += cl;
        if (verbose && (!q || !ty || !cl))
            printf("  WRONG  %s %s:%s%s%s (got %s %s, claimant %s)\n", doc, span_text,
                   q ? "" : " qualifier", ty ? "" : " type", cl ? "" : " claimant",
                   qualifier_name(match->qual), match->type,
                   match->claimant == EXTRACT_NO_INDEX ? "none" : r->sources[match->claimant].name);
    }
    for (size_t k = 0; k < r->n_figures; k++) {
        t->predicted++;
        t->predicted_ok += hit[k];
        if (verbose && !hit[k]) {
            char *s = text_slice(&r->txt, r->figures[k].sp);
            printf("  EXTRA  %s [%u,%u) %s (%s)\n", doc, r->figures[k].sp.start, r->figures[k].sp.end,
                   s ? s : "", r->figures[k].type);
            free(s);
        }
    }
    free(hit);
}

#define MAX_OCC 64

/* Resolved mentions first, then the unresolved ones (named by context). */
static const extract_place_mention *place_mention(const extract_result *r, size_t k)
{
    return k < r->n_places ? &r->places[k] : &r->unresolved_places[k - r->n_places];
}

static void score_places(const extract_model *m, const extract_result *r, const json_t *d, tally *t)
{
    const char *doc = json_string_value(json_object_get(d, "doc"));
    const json_t *req = json_object_get(d, "places_required"), *opt = json_object_get(d, "places_optional");
    const extract_place *places;
    extract_model_places(m, &places);
    size_t n_mentions = r->n_places + r->n_unresolved_places;
    bool *ok = calloc(n_mentions + 1, sizeof *ok);
    const json_t *lists[2] = {req, opt};
    for (int l = 0; l < 2; l++) {
        size_t i;
        json_t *name;
        json_array_foreach(lists[l], i, name)
        {
            span occ[MAX_OCC];
            size_t n = occurrences(&r->txt, json_string_value(name), occ, MAX_OCC);
            bool found = false;
            for (size_t k = 0; k < n_mentions; k++)
                for (size_t o = 0; o < n; o++)
                    if (overlaps(occ[o], place_mention(r, k)->sp))
                        found = ok[k] = true;
            if (l == 0) {
                t->places_required++;
                t->places_found += found;
                if (verbose && !found)
                    printf("  PLACE MISSED %s %s\n", doc, json_string_value(name));
            }
        }
    }
    for (size_t k = 0; k < n_mentions; k++) {
        t->place_mentions++;
        t->place_mentions_ok += ok[k];
        if (verbose && !ok[k]) {
            const extract_place_mention *pm = place_mention(r, k);
            char *s = text_slice(&r->txt, pm->sp);
            printf("  PLACE EXTRA %s %s (%s)\n", doc, s ? s : "",
                   pm->place == EXTRACT_NO_INDEX ? "unresolved" : places[pm->place].id);
            free(s);
        }
    }
    free(ok);
}

static void score_sources(const extract_result *r, const json_t *d, tally *t)
{
    const char *doc = json_string_value(json_object_get(d, "doc"));
    size_t i;
    json_t *name;
    json_array_foreach(json_object_get(d, "sources_required"), i, name)
    {
        span occ[MAX_OCC];
        size_t n = occurrences(&r->txt, json_string_value(name), occ, MAX_OCC);
        bool found = false;
        for (size_t k = 0; k < r->n_source_mentions && !found; k++)
            for (size_t o = 0; o < n && !found; o++)
                found = overlaps(occ[o], r->source_mentions[k].sp);
        t->sources_required++;
        t->sources_found += found;
        if (verbose && !found)
            printf("  SOURCE MISSED %s %s\n", doc, json_string_value(name));
    }
    const json_t *outlet = json_object_get(d, "outlet");
    bool right = json_is_null(outlet) ? r->outlet == EXTRACT_NO_INDEX
                                      : r->outlet != EXTRACT_NO_INDEX && source_named(r, r->outlet, outlet);
    t->outlets++;
    t->outlets_ok += right;
    if (verbose && !right)
        printf("  OUTLET WRONG %s: got %s\n", doc,
               r->outlet == EXTRACT_NO_INDEX ? "none" : r->sources[r->outlet].name);
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 1.0;
}

int main(int argc, char **argv)
{
    bool check = false;
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (!strcmp(argv[a], "--check"))
            check = true;
        else if (!strcmp(argv[a], "-v"))
            verbose = true;
    }
    if (argc - a != 2) {
        fprintf(stderr, "usage: eval [--check] [-v] GOLD.json SEEDS_DIR\n");
        return 2;
    }
    json_error_t jerr;
    json_t *gold = json_load_file(argv[a], 0, &jerr);
    char err[256];
    extract_model *m = extract_model_new(err, sizeof err);
    if (!gold || !m) {
        fprintf(stderr, "eval: %s\n", gold ? err : jerr.text);
        return 2;
    }
    tally t = {0};
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(gold, "documents"), i, d)
    {
        const char *doc = json_string_value(json_object_get(d, "doc"));
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[a + 1], doc);
        size_t len;
        char *body = read_file(path, &len);
        char why[64];
        extract_result r;
        if (!body || ingest_check_text(body, &len, why, sizeof why) ||
            extract_document(m, body, len, &r) != 0) {
            fprintf(stderr, "eval: cannot read %s\n", path);
            return 2;
        }
        score_figures(&r, json_object_get(gold, "figures"), doc, &t);
        score_places(m, &r, d, &t);
        score_sources(&r, d, &t);
        extract_result_free(&r);
        free(body);
    }
    struct {
        const char *name;
        double value, bar;
        size_t num, den;
    } rows[] = {
        {"figures recall (required)", ratio(t.matched_required, t.required), 0.97, t.matched_required, t.required},
        {"figures precision", ratio(t.predicted_ok, t.predicted), 0.97, t.predicted_ok, t.predicted},
        {"qualifier accuracy", ratio(t.qual_ok, t.matched_required), 0.95, t.qual_ok, t.matched_required},
        {"type accuracy", ratio(t.type_ok, t.matched_required), 0.95, t.type_ok, t.matched_required},
        {"claimant accuracy", ratio(t.claimant_ok, t.matched_required), 0.90, t.claimant_ok, t.matched_required},
        {"places recall (required)", ratio(t.places_found, t.places_required), 0.97, t.places_found, t.places_required},
        {"places precision", ratio(t.place_mentions_ok, t.place_mentions), 0.95, t.place_mentions_ok, t.place_mentions},
        {"sources recall (required)", ratio(t.sources_found, t.sources_required), 0.95, t.sources_found, t.sources_required},
        {"outlets right", ratio(t.outlets_ok, t.outlets), 1.0, t.outlets_ok, t.outlets},
    };
    bool pass = true;
    printf("%-28s %7s %9s %6s\n", "measure", "value", "count", "bar");
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        bool ok = rows[k].value + 1e-9 >= rows[k].bar;
        pass &= ok;
        printf("%-28s %7.3f %4zu/%-4zu %6.2f %s\n", rows[k].name, rows[k].value, rows[k].num,
               rows[k].den, rows[k].bar, ok ? "ok" : "BELOW");
    }
    json_decref(gold);
    extract_model_free(m);
    return check && !pass ? 1 : 0;
}
