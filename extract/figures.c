/* figures.c — reported figures: numbers that count something a party
 * asserts about the conflict.
 *
 * A number (numbers.c) becomes a figure when a counted noun of
 * data/lexicon/nouns.tsv follows it ("80 عنصرًا", "أربعة من مقاتلي", "مئات
 * الغارات") or, for a vague amount written after it, precedes it ("عدد
 * القتلى بالعشرات"). A dual noun (دبابتين) is a figure of 2 by itself.
 * What happened to what is counted, in order of strength:
 *   1. a noun that says it itself (قتيل: killed; غارة: airstrikes);
 *   2. a trigger of data/lexicon/triggers.tsv just after the noun
 *      ("13 شخصا قتلوا");
 *   3. the nearest trigger before the number in its sentence — this carries
 *      a verb over coordinated objects ("الاستيلاء على دبابتين وناقلتين
 *      وثماني سيارات");
 *   4. the noun's default (قذيفة: fired); else `count`.
 * Numbers flagged as ordinals, years, dates, times, durations or parts of
 * names are never figures, and a vague amount of a mere count ("عدد من
 * الفصائل") is not either: no one asserts it.
 * Claimant and stance come from sources.c (who is credited with each
 * token), the place from the nearest place mention of the sentence.
 *
 * Left out: figures whose counted noun is far from the number, and counts
 * implied without a number ("آلية عسكرية" for one vehicle).
 */
#include "extract/stages.h"

#include <stdlib.h>
#include <string.h>

#define TRIGGER_BACK_WORDS 30 /* how far back in its sentence a trigger may stand */
#define TRIGGER_AFTER_WORDS 3 /* how far after the noun a trigger may stand */

typedef struct trigger {
    size_t first, end;
    const char *type;
    bool before, after; /* where it may stand relative to the number */
} trigger;

typedef struct counted {
    const lexicon_entry *noun;
    size_t first, end; /* the noun's tokens */
    span sp;
} counted;

static const char *const of_words[] = {"من", NULL};
static const char *const count_words[] = {"عدد", "حصيله", NULL};
static const char *const ranks_words[] = {"صفوف", "بين", "عناصر", NULL};

/* The noun counted by a number whose value ends before token j. */
static bool noun_after(const doc_state *d, size_t j, counted *c)
{
    const text *t = d->t;
    lexicon_match nm;
    for (int tries = 0; tries < 2 && j < t->n_tok; tries++) {
        if (t->tok[j].kind == TOK_PUNCT)
            return false;
        if (lexicon_match_at(d->m->nouns, t, j, PROCLITICS_ALL, &nm)) {
            *c = (counted){nm.entry, nm.tok_first, nm.tok_end, nm.sp};
            return true;
        }
        if (!stages_word_is(t, j, of_words)) /* "أربعة من مقاتلي" */
            return false;
        j++;
    }
    return false;
}

/* The noun before a vague amount written after it: "عدد القتلى بالعشرات". */
static bool noun_before(const doc_state *d, size_t i, counted *c)
{
    const text *t = d->t;
    for (size_t back = 1; back <= 3 && back <= i; back++) {
        lexicon_match nm;
        size_t k = i - back;
        if (t->tok[k].sentence != t->tok[i].sentence)
            return false;
        if (lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &nm) && nm.tok_end == i &&
            k > 0 && stages_word_is(t, k - 1, count_words)) {
            *c = (counted){nm.entry, nm.tok_first, nm.tok_end, nm.sp};
            return true;
        }
    }
    return false;
}

static size_t token_at_or_after(const text *t, uint32_t cp, size_t from)
{
    size_t i = from;
    while (i < t->n_tok && t->tok[i].sp.start < cp)
        i++;
    return i;
}

/* Types of the figure in the order of strength described above; *cause is
 * the trigger before the number that decided it, if one did. */
static const char *figure_type(const doc_state *d, const trigger *tr, size_t n_tr,
                               const counted *c, size_t num_first, const trigger **cause)
{
    *cause = NULL;
    const text *t = d->t;
    uint32_t s = t->tok[num_first].sentence;
    for (size_t k = 0; k < n_tr; k++) {
        const trigger *g = &tr[k];
        if (g->end > num_first)
            break;
        if (g->before && t->tok[g->first].sentence == s && num_first - g->end <= TRIGGER_BACK_WORDS)
            *cause = g;
    }
    const char *itype = model_field(c->noun, 3);
    if (*itype)
        return itype;
    for (size_t k = 0; k < n_tr; k++) {
        const trigger *g = &tr[k];
        if (g->after && g->first >= c->end && g->first <= c->end + TRIGGER_AFTER_WORDS &&
            t->tok[g->first].sentence == s)
            return g->type;
    }
    if (*cause)
        return (*cause)->type;
    const char *dtype = model_field(c->noun, 4);
    return *dtype ? dtype : "count";
}

/* "losses" says killed of people, destroyed of things. */
static const char *resolve_losses(const char *type, const char *category)
{
    if (strcmp(type, "losses") != 0)
        return type;
    if (!strcmp(category, "combatants") || !strcmp(category, "civilians") ||
        !strcmp(category, "people"))
        return "killed";
    if (!strcmp(category, "materiel"))
        return "destroyed";
    return "count";
}

static bool military_kind(const char *kind)
{
    return !strcmp(kind, "military") || !strcmp(kind, "armed_group");
}

/* The mention of a party that owns what is counted: named right after the
 * noun ("عنصرًا من الجيش السوري", "قتلى قوات النظام", "سقطوا قتلى في صفوف
 * قوات النظام"), or right after the loss word before the number ("خسائر
 * الجيش السوري وحلفائه وصلت إلى 200 قتيل"). EXTRACT_NO_INDEX when none. */
static size_t owner_mention(const doc_state *d, const counted *c, size_t num_first,
                            uint32_t num_end, const trigger *cause)
{
    const text *t = d->t;
    uint32_t s = t->tok[c->first].sentence;
    for (size_t m = 0; m < d->r->n_source_mentions; m++) {
        size_t first = d->smention_toks[m].first;
        if (first < c->end || first > c->end + 8 || t->tok[first].sentence != s)
            continue;
        bool linked = true; /* only linking words, triggers and punctuation between */
        for (size_t k = c->end; k < first && linked; k++)
            linked = t->tok[k].sp.start < num_end || t->tok[k].kind == TOK_PUNCT || stages_word_is(t, k, of_words) ||
                     stages_word_is(t, k, ranks_words) ||
                     stages_word_is(t, k, (const char *const[]){"في", "سقطوا", "قتلي", "قتلوا", NULL});
        if (linked)
            return m;
        break;
    }
    if (cause && cause->end < num_first)
        for (size_t m = 0; m < d->r->n_source_mentions; m++)
            if (d->smention_toks[m].first == cause->end)
                return m;
    return EXTRACT_NO_INDEX;
}

/* Whose people or things: the affiliation of the party that owns them,
 * else the noun's own side (مسلح). People of an army or a faction are
 * combatants. */
static const char *subject_side(const doc_state *d, const counted *c, size_t num_first,
                                uint32_t num_end, const trigger *cause, const char **category)
{
    const char *side = model_field(c->noun, 5);
    size_t m = owner_mention(d, c, num_first, num_end, cause);
    if (m != EXTRACT_NO_INDEX) {
        const extract_source *owner = &d->r->sources[d->r->source_mentions[m].source];
        if (!strcmp(owner->affiliation, "government") || !strcmp(owner->affiliation, "opposition")) {
            if (military_kind(owner->kind) && !strcmp(*category, "people"))
                *category = "combatants";
            return owner->affiliation;
        }
    }
    return *side ? side : "unknown";
}

/* The place of a figure: the nearest place mention of its sentence. */
static size_t figure_place(const doc_state *d, size_t first)
{
    const text *t = d->t;
    size_t best = EXTRACT_NO_INDEX, best_dist = (size_t)-1;
    for (size_t p = 0; p < d->r->n_places; p++) {
        size_t pf = d->place_toks[p].first;
        if (t->tok[pf].sentence != t->tok[first].sentence)
            continue;
        size_t dist = pf > first ? pf - first : first - pf;
        if (dist < best_dist) {
            best = d->r->places[p].place;
            best_dist = dist;
        }
    }
    return best;
}

/* The figure an "others" noun refers to: the previous one of the sentence. */
static const extract_figure *previous_in_sentence(const doc_state *d, size_t first)
{
    if (d->r->n_figures == 0)
        return NULL;
    const extract_figure *f = &d->r->figures[d->r->n_figures - 1];
    const text *t = d->t;
    return f->quote.start == t->sentences[t->tok[first].sentence].start ? f : NULL;
}

static bool add_figure(doc_state *d, size_t *cap, const trigger *tr, size_t n_tr,
                       const counted *c, span sp, size_t first, const number *num, size_t num_index)
{
    const char *category = model_field(c->noun, 2);
    const char *object = *model_field(c->noun, 1) ? model_field(c->noun, 1) : NULL;
    const char *side = NULL;
    if (object && strcmp(object, "=") == 0) {
        const extract_figure *like = previous_in_sentence(d, first);
        if (!like)
            return true; /* "others" with nothing before it: not a count we can read */
        object = like->object;
        category = like->subject_category ? like->subject_category : "other";
        side = like->subject_side;
    }
    const trigger *cause;
    const char *type = figure_type(d, tr, n_tr, c, first, &cause);
    if (!side)
        side = subject_side(d, c, first, sp.end, cause, &category);
    /* A list names the owner once: "قتل 80 عنصرًا من الجيش السوري، وتدمير
     * خمس آليات" — the vehicles are the army's too. */
    const extract_figure *before = previous_in_sentence(d, first);
    if (!strcmp(side, "unknown") && before && before->subject_side && before->denied == d->denied[first])
        side = before->subject_side;
    type = resolve_losses(type, category);
    bool vague = num && !num->has_value;
    if (vague && (!strcmp(type, "count") || !strcmp(category, "other")))
        return true; /* "عدد من الفصائل": nobody asserts a count of that */
    extract_figure *f = stages_push((void **)&d->r->figures, &d->r->n_figures, cap, sizeof *f);
    if (!f)
        return false;
    const text *t = d->t;
    f->sp = sp;
    f->quote = t->sentences[t->tok[first].sentence];
    f->value = num ? num->value : 2;
    f->has_value = num ? num->has_value : true;
    f->value_max = num ? num->value_max : 0;
    f->has_max = num && num->has_max;
    f->qual = num ? num->qual : QUAL_EXACT;
    f->type = type;
    f->object = object;
    f->subject_category = !strcmp(category, "other") ? NULL : category;
    f->subject_side = side;
    f->claimant = d->speaker[first];
    f->denied = d->denied[first];
    f->place = figure_place(d, first);
    f->number = num ? num_index : EXTRACT_NO_INDEX;
    if (num)
        d->r->number_is_figure[num_index] = true;
    return true;
}

/* The area of each figure: the governorate of its place, else the one the
 * document names most (by its place mentions), so that figures of one
 * battle compare whether or not their sentence names a place. */
static void assign_areas(doc_state *d)
{
    const extract_model *m = d->m;
    size_t best = EXTRACT_NO_INDEX, best_n = 0;
    for (size_t i = 0; i < d->r->n_places; i++) {
        size_t g = m->governorate_of[d->r->places[i].place];
        if (g == EXTRACT_NO_INDEX || g == best)
            continue;
        size_t n = 0;
        for (size_t k = 0; k < d->r->n_places; k++)
            n += m->governorate_of[d->r->places[k].place] == g;
        if (n > best_n) {
            best = g;
            best_n = n;
        }
    }
    for (size_t f = 0; f < d->r->n_figures; f++) {
        size_t p = d->r->figures[f].place;
        size_t g = p == EXTRACT_NO_INDEX ? EXTRACT_NO_INDEX : m->governorate_of[p];
        d->r->figures[f].area = g != EXTRACT_NO_INDEX ? g : best;
    }
}

static int by_start(const void *a, const void *b)
{
    const extract_figure *x = a, *y = b;
    return x->sp.start < y->sp.start ? -1 : x->sp.start > y->sp.start;
}

int figures_find(doc_state *d)
{
    const text *t = d->t;
    const unsigned not_counts =
        NUMFLAG_ORDINAL | NUMFLAG_YEAR | NUMFLAG_DATE | NUMFLAG_TIME | NUMFLAG_DURATION | NUMFLAG_IN_NAME;
    trigger *tr = NULL;
    bool *in_number = NULL;
    size_t n_tr = 0, cap_tr = 0, cap_fig = 0;
    int rc = -1;
    for (size_t i = 0; i < t->n_tok;) {
        lexicon_match tm;
        if (t->tok[i].kind == TOK_PUNCT || !lexicon_match_at(d->m->triggers, t, i, PROCLITICS_ALL, &tm)) {
            i++;
            continue;
        }
        trigger *g = stages_push((void **)&tr, &n_tr, &cap_tr, sizeof *g);
        if (!g)
            goto out;
        const char *pos = model_field(tm.entry, 2);
        *g = (trigger){tm.tok_first, tm.tok_end, model_field(tm.entry, 1),
                       strcmp(pos, "after") != 0, strcmp(pos, "before") != 0};
        i = tm.tok_end;
    }

    for (size_t k = 0; k < d->r->n_numbers; k++) {
        const number *num = &d->r->numbers[k];
        if (num->flags & not_counts)
            continue;
        size_t after = token_at_or_after(t, num->value_sp.end, num->tok_first);
        counted c;
        bool found = noun_after(d, after, &c);
        if (!found && !num->has_value)
            found = noun_before(d, num->tok_first, &c);
        if (!found)
            continue;
        span sp = {num->sp.start < c.sp.start ? num->sp.start : c.sp.start,
                   num->sp.end > c.sp.end ? num->sp.end : c.sp.end};
        if (!add_figure(d, &cap_fig, tr, n_tr, &c, sp, num->tok_first, num, k))
            goto out;
    }

    /* Tokens inside numbers: a dual noun there is part of that number. */
    in_number = calloc(t->n_tok + 1, sizeof *in_number);
    if (!in_number)
        goto out;
    for (size_t k = 0; k < d->r->n_numbers; k++)
        for (size_t i = d->r->numbers[k].tok_first; i < d->r->numbers[k].tok_end && i < t->n_tok; i++)
            in_number[i] = true;

    /* Dual nouns standing alone: "دبابتين" is two tanks. */
    for (size_t i = 0; i < t->n_tok;) {
        lexicon_match dm;
        if (t->tok[i].kind == TOK_PUNCT || in_number[i] ||
            !lexicon_match_at(d->m->duals, t, i, PROCLITICS_ALL, &dm)) {
            i++;
            continue;
        }
        /* A dual adjective agrees with the dual before it ("طائرتين
         * مسيرتين"): one figure, whose span grows over it. A dual joined by
         * a conjunction is a second thing counted ("دبابتين وناقلتين"). */
        extract_figure *last = d->r->n_figures ? &d->r->figures[d->r->n_figures - 1] : NULL;
        if (last && last->number == EXTRACT_NO_INDEX && dm.tok_first > 0 && !dm.stripped &&
            last->sp.end == t->tok[dm.tok_first - 1].sp.end) {
            last->sp.end = dm.sp.end;
            i = dm.tok_end;
            continue;
        }
        size_t noun_index = (size_t)strtoul(model_field(dm.entry, 1), NULL, 10);
        counted c = {lexicon_entry_at(d->m->nouns, noun_index), dm.tok_first, dm.tok_end, dm.sp};
        if (!add_figure(d, &cap_fig, tr, n_tr, &c, dm.sp, dm.tok_first, NULL, 0))
            goto out;
        i = dm.tok_end;
    }
    if (d->r->n_figures > 1)
        qsort(d->r->figures, d->r->n_figures, sizeof *d->r->figures, by_start);
    assign_areas(d);
    rc = 0;
out:
    free(tr);
    free(in_number);
    return rc;
}
