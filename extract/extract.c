/* extract.c — the extractor's pipeline: decode the text, read its numbers,
 * then find sources (who speaks where), places, and figures, in that order
 * because each stage reads what the earlier ones found. Also reads a
 * headline: a short first line set apart by a blank line, without a full
 * stop. A related-stories box pasted inside the text is read as blank.
 */
#include "extract/dates.h"
#include "extract/stages.h"
#include "extract/utf8.h"

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

/* Tokens [a, end) of the line that starts at token a: end is returned. */
static size_t line_end(const text *t, size_t a)
{
    size_t end = a + 1;
    while (end < t->n_tok && !t->tok[end].newline_before)
        end++;
    return end;
}

/* Is line [a, b) a related-stories box's heading: two words or more, each
 * a heading's word (function_words.tsv: box_heading), perhaps a colon? */
static bool box_heading(const extract_model *m, const text *t, size_t a, size_t b)
{
    size_t words = 0;
    for (size_t k = a; k < b; k++) {
        if (t->tok[k].kind == TOK_PUNCT && k + 1 == b && t->cp[t->tok[k].sp.start] == ':')
            continue;
        if (t->tok[k].kind != TOK_WORD || !stages_word_is(t, k, m->word_sets[FW_BOX_HEADING]))
            return false;
        words++;
    }
    return words >= 2;
}

/* Is line [a, b) a headline: at most max_words words, ending no sentence? */
static bool headline_line(const text *t, size_t a, size_t b, size_t max_words)
{
    size_t words = 0;
    for (size_t k = a; k < b; k++)
        words += t->tok[k].kind != TOK_PUNCT;
    uint32_t last = t->cp[t->tok[b - 1].sp.start];
    return words <= max_words && last != '.' && last != '!' && last != '?' && last != 0x061F &&
           last != 0x061B && last != 0x2026;
}

/* A related-stories box pasted with an article ("اقرأ أيضا" and the
 * headlines under it) is not the article: a headline's toll would pass for
 * its own, and its places and parties for the article's. The box is its
 * heading's line and the headline-like lines after it; its code points
 * become spaces, so every offset still points into the text as given.
 * Returns 0 (t is the text again, without the box, when there was one), or
 * text_init's error. */
static int blank_boxes(const extract_model *m, text *t)
{
    bool *blank = NULL;
    size_t a = 0;
    while (a < t->n_tok) {
        size_t b = line_end(t, a);
        if (!box_heading(m, t, a, b)) {
            a = b;
            continue;
        }
        if (!blank && !(blank = calloc(t->n_cp, sizeof *blank)))
            return -3;
        do {
            for (uint32_t c = t->tok[a].sp.start; c < t->tok[b - 1].sp.end; c++)
                blank[c] = true;
            a = b;
            b = a < t->n_tok ? line_end(t, a) : a;
        } while (a < t->n_tok && headline_line(t, a, b, m->windows[WIN_TITLE_MAX_WORDS]));
    }
    if (!blank)
        return 0;
    char *utf8 = malloc(t->n_cp * 4 + 1);
    size_t len = 0;
    for (size_t c = 0; utf8 && c < t->n_cp; c++) {
        if (blank[c])
            utf8[len++] = ' ';
        else
            len += utf8_encode(t->cp[c], utf8 + len);
    }
    free(blank);
    if (!utf8)
        return -3;
    text_free(t);
    int rc = text_init(t, utf8, len);
    free(utf8);
    return rc;
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
    if (rc == 0)
        rc = blank_boxes(m, &r->txt);
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
