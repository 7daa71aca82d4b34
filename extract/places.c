/* places.c — place names of the gazetteer in a document.
 *
 * Names are matched after normalisation with attached proclitics (بحلب,
 * والراموسة) and the longest name wins (مناشر منيان over منيان, ريف حلب
 * الغربي over حلب). A name that is also a common word (flagged ambiguous in
 * data/gazetteer.tsv: الصورة, المستودع) counts only in a place context: right
 * after a word of data/lexicon/place_context.tsv (حي, حاجز, منطقة, ...), or
 * as a further item of a list of places ("حاجزي الصورة والمستودع"). Words
 * already read as a source (حلب inside "غرفة عمليات فتح حلب") are not read
 * again as a place.
 *
 * A town name closing a kunya ("أبو عمر سراقب") is part of a person's name,
 * and an indefinite name in ـية after another nisba is an adjective
 * ("طائرات روسية وسورية").
 *
 * Left out: places not in the gazetteer, and telling apart two places that
 * share a name (the gazetteer keeps names unique).
 */
#include "extract/stages.h"

#include <stdlib.h>
#include <string.h>

/* Does a place-context phrase end right before token i (quotes between are
 * fine)? */
static bool after_context(const doc_state *d, size_t i)
{
    const text *t = d->t;
    size_t k = i;
    while (k > 0 && t->tok[k - 1].kind == TOK_PUNCT && t->tok[k - 1].sentence == t->tok[i].sentence &&
           t->cp[t->tok[k - 1].sp.start] != ',' && t->cp[t->tok[k - 1].sp.start] != 0x060C)
        k--;
    for (size_t back = 1; back <= 3 && back <= k; back++) {
        lexicon_match cm;
        if (lexicon_match_at(d->m->place_context, t, k - back, PROCLITICS_ALL, &cm) && cm.tok_end == k)
            return true;
    }
    return false;
}

/* Is token i a further item of a list whose previous item is a place that
 * ends at most two punctuation tokens before it? */
static bool continues_list(const doc_state *d, size_t i, bool stripped_waw)
{
    const extract_result *r = d->r;
    if (r->n_places == 0)
        return false;
    size_t prev_end = d->place_toks[r->n_places - 1].end;
    if (prev_end == 0 || d->t->tok[prev_end - 1].sentence != d->t->tok[i].sentence)
        return false;
    size_t k = i;
    while (k > prev_end && d->t->tok[k - 1].kind == TOK_PUNCT && i - k < 2)
        k--;
    if (k == prev_end)
        return stripped_waw || (k < i); /* "والمستودع" or "، المستودع" */
    return k == prev_end + 1 && stages_word_is(d->t, k - 1, (const char *const[]){"و", NULL});
}

/* Is token i the place part of a person's name: "أبو عمر سراقب", where a
 * kunya and a given name come before a nisba to a town? */
static bool in_kunya(const text *t, size_t i)
{
    static const char *const kunya[] = {"ابو", "ابي", "ابا", "ام", "ابن", "بن", NULL};
    return i >= 2 && t->tok[i - 1].kind == TOK_WORD && stages_word_is(t, i - 2, kunya);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Is the name at token i (matched as `form`) a nisba adjective rather than a
 * place: indefinite, ending in ـية, and coordinated after another nisba
 * ("طائرات روسية وسورية": Syrian, not Syria)? */
static bool adjectival(const text *t, size_t i, const lexicon_match *pm)
{
    const char *w = t->tok[i].norm;
    if (pm->tok_end != i + 1 || !ends_with(w, "يه") || strncmp(w, "ال", strlen("ال")) == 0 ||
        strstr(w, "ال") == w + strlen("و"))
        return false;
    if (i == 0 || t->tok[i - 1].kind != TOK_WORD)
        return false;
    const char *prev = t->tok[i - 1].norm;
    return ends_with(prev, "يه") || ends_with(prev, "يين") || ends_with(prev, "يون");
}

int places_find(doc_state *d)
{
    const text *t = d->t;
    for (size_t i = 0; i < t->n_tok;) {
        lexicon_match pm;
        if (t->tok[i].kind == TOK_PUNCT || d->in_source[i] ||
            !lexicon_match_at(d->m->gazetteer, t, i, PROCLITICS_NAME, &pm)) {
            i++;
            continue;
        }
        bool overlaps_source = false;
        for (size_t k = pm.tok_first; k < pm.tok_end; k++)
            overlaps_source |= d->in_source[k];
        size_t p = model_entry_index(d->m->gazetteer, pm.entry);
        if (overlaps_source || in_kunya(t, i) || adjectival(t, i, &pm)) {
            i++;
            continue;
        }
        if (d->m->places[p].ambiguous) {
            bool waw = pm.stripped && strncmp(t->tok[i].norm, "و", strlen("و")) == 0;
            if (!after_context(d, i) && !continues_list(d, i, waw)) {
                i++;
                continue;
            }
        }
        size_t cap = d->cap_places;
        extract_place_mention *m = stages_push((void **)&d->r->places, &d->r->n_places,
                                               &d->cap_places, sizeof *m);
        if (!m && d->r->n_places >= EXTRACT_MAX_ITEMS) {
            d->r->truncated++; /* past the limit: dropped and counted */
            i = pm.tok_end;
            continue;
        }
        if (!m)
            return -1;
        if (cap != d->cap_places) {
            mention_toks *grown = realloc(d->place_toks, d->cap_places * sizeof *grown);
            if (!grown)
                return -1;
            d->place_toks = grown;
        }
        *m = (extract_place_mention){pm.sp, p};
        d->place_toks[d->r->n_places - 1] = (mention_toks){pm.tok_first, pm.tok_end};
        i = pm.tok_end;
    }
    return 0;
}
