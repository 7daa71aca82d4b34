/* extract.c — the extractor's pipeline: decode the text, read its numbers,
 * then find sources (who speaks where), places, and figures, in that order
 * because each stage reads what the earlier ones found. Also reads a
 * headline: a short first line set apart by a blank line, without a full
 * stop.
 */
#include "extract/dates.h"
#include "extract/stages.h"

#include <stdlib.h>
#include <string.h>

/* A headline: the first line is followed by a blank line, is at most
 * max_words words (windows.tsv: title_max_words), and does not end a
 * sentence. */
static char *find_title(const text *t, size_t max_words)
{
    if (t->n_tok == 0)
        return NULL;
    size_t end = 1, words = 0;
    while (end < t->n_tok && !t->tok[end].newline_before)
        end++;
    if (end == t->n_tok)
        return NULL;
    for (size_t i = 0; i < end; i++)
        words += t->tok[i].kind != TOK_PUNCT;
    uint32_t last = t->cp[t->tok[end - 1].sp.start];
    if (words > max_words || last == '.' || last == '!' || last == 0x061F || last == '?' ||
        last == ':')
        return NULL;
    /* A blank line between: two line breaks in the gap. */
    unsigned breaks = 0;
    for (uint32_t c = t->tok[end - 1].sp.end; c < t->tok[end].sp.start; c++)
        breaks += t->cp[c] == '\n';
    if (breaks < 2)
        return NULL;
    return text_slice(t, (span){t->tok[0].sp.start, t->tok[end - 1].sp.end});
}

const char *source_role_name(source_role role)
{
    switch (role) {
    case ROLE_OUTLET: return "outlet";
    case ROLE_SPEAKER: return "speaker";
    default: return "mentioned";
    }
}

int extract_document(const extract_model *m, const char *utf8, size_t len, extract_result *r)
{
    return extract_document_dated(m, utf8, len, 0, r);
}

int extract_document_dated(const extract_model *m, const char *utf8, size_t len, int32_t published,
                           extract_result *r)
{
    memset(r, 0, sizeof *r);
    r->outlet = EXTRACT_NO_INDEX;
    int rc = text_init(&r->txt, utf8, len);
    if (rc != 0)
        return rc;
    doc_state d = {.m = m, .r = r, .t = &r->txt};
    size_t n = r->txt.n_tok;
    size_t max_numbers = n < EXTRACT_MAX_ITEMS ? n : EXTRACT_MAX_ITEMS;
    r->numbers = malloc((max_numbers + 1) * sizeof *r->numbers);
    r->number_is_figure = calloc(max_numbers + 1, sizeof *r->number_is_figure);
    d.speaker = malloc((n + 1) * sizeof *d.speaker);
    d.denied = calloc(n + 1, sizeof *d.denied);
    d.in_source = calloc(n + 1, sizeof *d.in_source);
    rc = -3;
    if (!r->numbers || !r->number_is_figure || !d.speaker || !d.denied || !d.in_source)
        goto out;
    size_t found =
        numbers_find_ex(&r->txt, m->qualifiers, m->name_numbers, r->numbers, max_numbers);
    r->n_numbers = found < max_numbers ? found : max_numbers;
    r->truncated += found - r->n_numbers;
    /* unknown places before figures: a sentence naming one is where a
     * figure of it happened, no place carried from the lead */
    if (sources_find(&d) != 0 || places_find(&d) != 0 || places_find_unresolved(&d) != 0 ||
        figures_find(&d) != 0 || dates_find(&d, published) != 0)
        goto out;
    r->title = find_title(&r->txt, m->windows[WIN_TITLE_MAX_WORDS]);
    rc = 0;
out:
    free(d.speaker);
    free(d.denied);
    free(d.in_source);
    free(d.smention_toks);
    free(d.model_to_result);
    free(d.place_toks);
    if (rc != 0)
        extract_result_free(r);
    return rc;
}

void extract_result_free(extract_result *r)
{
    if (!r)
        return;
    text_free(&r->txt);
    free(r->numbers);
    free(r->number_is_figure);
    free(r->figures);
    free(r->places);
    free(r->unresolved_places);
    free(r->sources);
    free(r->source_mentions);
    free(r->title);
    for (size_t i = 0; i < r->n_owned; i++)
        free(r->owned[i]);
    free(r->owned);
    memset(r, 0, sizeof *r);
    r->outlet = EXTRACT_NO_INDEX;
}
