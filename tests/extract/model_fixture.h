/* model_fixture.h — what the extractor's tests share: one model per suite
 * (TestSuite(name, .init = load_model, .fini = free_model)) and run(), which
 * extracts a document that must be read. Header-only (static) because each
 * tests/extract/test_*.c is its own program.
 */
#ifndef MARSAD_TESTS_MODEL_FIXTURE_H
#define MARSAD_TESTS_MODEL_FIXTURE_H

#include "extract/extract.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static extract_model *model;

static void load_model(void)
{
    char err[256];
    model = extract_model_new(err, sizeof err);
    cr_assert_not_null(model, "%s", err);
}

static void free_model(void)
{
    extract_model_free(model);
}

/* Extracts doc into r (free it with extract_result_free). */
static inline void run(const char *doc, extract_result *r)
{
    cr_assert_eq(extract_document(model, doc, strlen(doc), r), 0);
}

/* The figure whose span contains needle, or NULL. */
static inline const extract_figure *figure_with(const extract_result *r, const char *needle)
{
    for (size_t i = 0; i < r->n_figures; i++) {
        char *s = text_slice(&r->txt, r->figures[i].sp);
        cr_assert_not_null(s);
        bool hit = strstr(s, needle) != NULL;
        free(s);
        if (hit)
            return &r->figures[i];
    }
    return NULL;
}

#endif
