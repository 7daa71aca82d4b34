/* fuzz_extract.c — the whole extractor on any bytes.
 *
 * extract_model_new once (the compiled-in data), extract_document per
 * input. Invariants: it succeeds or says why (-1 invalid UTF-8, -2 too
 * big); every span inside the text; every index (figure -> number,
 * claimant, place, area; mention -> place or source; the outlet) inside
 * its array or EXTRACT_NO_INDEX; figure values finite (they are stored and
 * served as JSON numbers, which cannot be NaN or infinite); a type on
 * every figure; the title valid UTF-8.
 */
#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif
#include "tests/fuzz/fuzz.h"

#include "extract/extract.h"
#include "extract/utf8.h"

#include <math.h>
#include <string.h>

int FUZZ_ENTRY(const uint8_t *data, size_t size);

static void extract_check_span(const extract_result *r, span sp, const char *what, size_t i)
{
    fuzz_check(sp.start <= sp.end && sp.end <= r->txt.n_cp,
               "%s %zu: [%u, %u) outside %zu code points", what, i, sp.start, sp.end, r->txt.n_cp);
}

static void extract_check_index(size_t k, size_t n, bool none_ok, const char *what, size_t i)
{
    fuzz_check(k < n || (none_ok && k == EXTRACT_NO_INDEX), "%s of item %zu: %zu of %zu", what, i,
               k, n);
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
    static extract_model *model;
    static size_t n_places;
    if (!model) {
        char err[256];
        model = extract_model_new(err, sizeof err);
        fuzz_check(model != NULL, "extract_model_new: %s", err);
        const extract_place *places;
        n_places = extract_model_places(model, &places);
    }
    extract_result r;
    int rc = extract_document(model, (const char *)data, size, &r);
    fuzz_check(rc == 0 || rc == -1 || rc == -2, "extract_document returned %d", rc);
    if (rc != 0)
        return 0;
    for (size_t i = 0; i < r.n_numbers; i++)
        extract_check_span(&r, r.numbers[i].sp, "number", i);
    for (size_t i = 0; i < r.n_figures; i++) {
        const extract_figure *f = &r.figures[i];
        extract_check_span(&r, f->sp, "figure", i);
        extract_check_span(&r, f->quote, "figure quote", i);
        fuzz_check(f->type && *f->type, "figure %zu without a type", i);
        fuzz_check(!f->has_value || isfinite(f->value), "figure %zu value %g", i, f->value);
        fuzz_check(!f->has_max || isfinite(f->value_max), "figure %zu maximum %g", i, f->value_max);
        fuzz_check((unsigned)f->qual < QUAL__COUNT, "figure %zu qualifier %d", i, (int)f->qual);
        extract_check_index(f->claimant, r.n_sources, true, "claimant", i);
        extract_check_index(f->place, n_places, true, "place", i);
        extract_check_index(f->area, n_places, true, "area", i);
        extract_check_index(f->number, r.n_numbers, true, "number", i);
        if (f->number != EXTRACT_NO_INDEX)
            fuzz_check(r.number_is_figure[f->number], "figure %zu: its number is not marked", i);
    }
    for (size_t i = 0; i < r.n_places; i++) {
        extract_check_span(&r, r.places[i].sp, "place mention", i);
        extract_check_index(r.places[i].place, n_places, false, "place", i);
    }
    for (size_t i = 0; i < r.n_sources; i++) {
        const extract_source *s = &r.sources[i];
        fuzz_check(s->id && *s->id && s->name && s->kind && s->affiliation,
                   "source %zu lacks a field", i);
        fuzz_check(utf8_valid(s->id, strlen(s->id), NULL) &&
                       utf8_valid(s->name, strlen(s->name), NULL),
                   "source %zu: invalid UTF-8", i);
    }
    for (size_t i = 0; i < r.n_source_mentions; i++) {
        extract_check_span(&r, r.source_mentions[i].sp, "source mention", i);
        extract_check_index(r.source_mentions[i].source, r.n_sources, false, "source", i);
    }
    extract_check_index(r.outlet, r.n_sources, true, "outlet", 0);
    if (r.title)
        fuzz_check(utf8_valid(r.title, strlen(r.title), NULL), "the title is not valid UTF-8");
    extract_result_free(&r);
    return 0;
}
