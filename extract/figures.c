/* figures.c — reported figures: numbers that count something a party
 * asserts about the conflict.
 *
 * A number (numbers.c) becomes a figure when a counted noun of
 * data/lexicon/nouns.tsv follows it bare or with the article ("80 عنصرًا",
 * "(130) طفلا", "أربعة من مقاتلي", "مئات الغارات"), precedes a vague amount
 * ("عدد القتلى بالعشرات") or a number word after it ("امرأة واحدة",
 * "مدنيين اثنين"). With no noun, a number is still a figure of people after
 * a verb or a toll that says what happened ("وأصيب 33", "عدد الجرحى بلغ
 * 850", "الحصيلة 120"), of what the figure before counts when it is "N
 * منهم", glued to و with the noun left out ("و48 في حمص"), or next after
 * a place in a list by place ("حلب 30 عنصرا، طرطوس 6،"). A dual noun
 * (دبابتين) is a figure of 2 by itself, unless it has the article
 * (الحاجزين refers back) or, with nothing said to befall them, it names two
 * sites ("من حاجزي X وY").
 * What happened to what is counted, in order of strength:
 *   1. a noun that says it itself (قتيل: killed; غارة: airstrikes), but
 *      for the displaced (نازح), whom a verb of their own or right before
 *      them may say were killed or injured ("14 نازحا قتلوا"), and for the
 *      wounded, evacuated when an evacuation word takes them away or a
 *      verb that moves them (نقل) takes them abroad ("نقل 20 جريحا إلى
 *      الأردن");
 *   2. the first trigger of data/lexicon/triggers.tsv just after the noun
 *      ("13 شخصا قتلوا", "5 أشخاص (3 أطفال) عادوا"), unless it opens a
 *      clause of its own ("قتل 12 شخصا وأصيب 30");
 *   3. the nearest trigger before the number in its sentence whose type can
 *      befall what is counted (people are killed, things destroyed,
 *      munitions fired) — this carries a verb over coordinated objects
 *      ("الاستيلاء على دبابتين وناقلتين وثماني سيارات");
 *   4. the noun's default (قذيفة: fired); else `count`;
 *   but a figure of a toll broken down by place ("في إدلب 40 عنصرا، حماة 9
 *   عناصر، ...") that nothing typed takes the type of the item before it.
 * A trigger inside a party's name (هيئة تحرير الشام) is none.
 * Numbers flagged as ordinals, years, dates, times, durations or parts of
 * names are never figures, nor are percentages and ratios, and a vague
 * amount of a mere count ("عدد من الفصائل") is not either: no one asserts it.
 * Once in text order, a figure after بينهم/منهم or in brackets is a part of
 * the figure before it (part_of) and takes its type unless a word of its
 * own typed it; a figure after an update word (ارتفعت الحصيلة إلى)
 * supersedes the latest earlier figure of the same type, object and
 * claimant, or the one the next sentence recounts ("وكان المرصد قد أفاد
 * بمقتل 13"). A sentence opening with the toll named again ("ومن بين
 * القتلى 98") breaks down the toll of the sentence before. A headline's
 * toll that the lead under it tells again, the same count of the same
 * thing, is one claim, the lead's; a larger toll of it there updates it.
 * The small words these rules read are in
 * data/lexicon/figure_links.tsv.
 * Claimant and stance come from sources.c (who is credited with each
 * token), the place from the nearest place mention of the sentence, or,
 * in a sentence that names none, from the figure before it (carry_places).
 *
 * Left out: figures whose counted noun is far from the number, and counts
 * implied without a number ("آلية عسكرية" for one vehicle).
 */
#include "extract/grow.h"
#include "extract/stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct trigger {
    size_t first, end;
    const char *type;
    bool before, after;         /* where it may stand relative to the number */
    bool adjacent;              /* before it only with nothing between (triggers.tsv "adjacent") */
    bool conj;                  /* carries و or ف: it opens a clause of its own ("وأصيب") */
    const lexicon_entry *entry; /* its line of triggers.tsv */
} trigger;

/* What the stage knows of each figure besides what it serves, parallel to
 * r->figures. */
typedef struct fig_aux {
    size_t first, end; /* tokens of the figure's span */
    bool weak_type;    /* typed by a trigger before it or by default: a part of
                        * a breakdown takes the type of its whole instead */
    bool update;       /* an update word ("ارتفعت الحصيلة إلى") governs it */
    bool result;       /* ... with the ل of result ("ليرتفع العدد إلى"): the toll
                        * the figures before it in its sentence bring about */
    bool thereby;      /* ... after "وبذلك": the tolls just told, in the
                        * sentences before it too, are what it rose by */
    bool restate;      /* a link verb restates the toll ("وصل عدد النازحين إلى",
                        * "بلغ عدد القتلى"): it replaces a smaller one before it */
    bool toll_noun;    /* counts by a noun that says what happened (قتيلا), or
                        * by none: a toll of anyone, not of one kind of people */
    bool of_them;      /* "30 منهم": a part of the figure before it */
    size_t own_verb;   /* first token of the trigger before it that typed it, or EXTRACT_NO_INDEX */
    bool since;        /* counts since a start (since_counted) */
    bool cumulative;   /* ... named a total (الحصيلة التراكمية) */
} fig_aux;

typedef struct fig_state {
    const trigger *tr;
    size_t n_tr;
    size_t cap_fig, cap_aux, n_aux;
    fig_aux *aux;
    bool *covered;                    /* per token: part of a figure's number or counted noun */
    const lexicon_entry *others;      /* the "=" noun (آخرون) */
    const lexicon_entry *people;      /* شخص: what a bare toll counts */
    const lexicon_entry *dead;        /* قتيل: what a bare "الحصيلة" counts */
    const lexicon_entry *wounded;     /* جريح: others than the wounded are people */
    const lexicon_entry *members;     /* عنصر: what "N من <a force>" counts */
    const lexicon_entry *handover;    /* تسليم: the line of release, exchange and handover */
    const lexicon_entry *giving_back; /* إعادة: the line of return */
    const lexicon_entry *bodies;      /* جثث: the line of bodies recovered */
    const lexicon_entry *finding;     /* عثر على: the line of what is found */
} fig_state;

typedef struct counted {
    const lexicon_entry *noun;
    size_t first, end; /* the noun's tokens */
    span sp;
} counted;

/* The word lists of these rules are in data/lexicon/figure_links.tsv, each
 * under its role: see word_role. */

/* Is token j one of the punctuation marks of `marks` (code points)? */
static bool mark_in(const text *t, size_t j, const uint32_t *marks)
{
    if (j >= t->n_tok || t->tok[j].kind != TOK_PUNCT)
        return false;
    for (; *marks; marks++)
        if (t->cp[t->tok[j].sp.start] == *marks)
            return true;
    return false;
}

static bool is_open_mark(const text *t, size_t j)
{
    static const uint32_t open[] = {'(', '/', '"', 0x00AB, 0x201C, '[', 0};
    return mark_in(t, j, open);
}

static bool is_close_mark(const text *t, size_t j)
{
    static const uint32_t close[] = {')', '/', '"', 0x00BB, 0x201D, ']', 0};
    return mark_in(t, j, close);
}

/* The last token that starts at or before code point cp (tokens are in
 * text order); `from` is a token known to start at or before it. */
static size_t token_holding(const text *t, uint32_t cp, size_t from)
{
    size_t lo = from, hi = t->n_tok; /* tok[lo] starts at or before cp; answer in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->tok[mid].sp.start <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static bool link_is(const doc_state *d, size_t i, const char *role, lexicon_match *m)
{
    return i < d->t->n_tok && d->t->tok[i].kind != TOK_PUNCT &&
           lexicon_match_at(d->m->figure_links, d->t, i, PROCLITICS_ALL, m) &&
           !strcmp(model_field(m->entry, 1), role);
}

/* Is token i, by itself, a word of `role` in figure_links.tsv? */
static bool word_role(const doc_state *d, size_t i, const char *role)
{
    lexicon_match m;
    return link_is(d, i, role, &m) && m.tok_end == i + 1;
}

/* و ف ب ل ك: proclitics that a counted noun right after its number never carries. */
static const uint32_t preposition_letters[] = {0x0648, 0x0641, 0x0628, 0x0644, 0x0643, 0};

static bool strchr_cp(const uint32_t *set, uint32_t c)
{
    for (; *set; set++)
        if (*set == c)
            return true;
    return false;
}

/* The noun counted by a number whose value ends before token j. */
static bool force_after(const doc_state *d, size_t j);

/* Is token j a counted noun with a possessive pronoun (منشآتها، مدارسهم،
 * عناصره)? The feminine ـة is written ت before it (مدرستها). */
static bool possessed_noun(const doc_state *d, size_t j, counted *c)
{
    static const char *const pronouns[] = {"هما", "هم", "هن", "ها", "ه", NULL};
    const text *t = d->t;
    const char *w = t->tok[j].norm;
    size_t n = strlen(w);
    for (const char *const *p = pronouns; *p; p++) {
        size_t k = strlen(*p);
        if (n <= k + 2 * strlen("ا") || strcmp(w + n - k, *p) != 0)
            continue;
        char stem[TOKEN_NORM_MAX];
        snprintf(stem, sizeof stem, "%.*s", (int)(n - k), w);
        const lexicon_entry *e = lexicon_find(d->m->nouns, stem);
        size_t m = strlen(stem);
        if (!e && m > strlen("ت") && !strcmp(stem + m - strlen("ت"), "ت")) {
            snprintf(stem + m - strlen("ت"), sizeof stem - (m - strlen("ت")), "ه");
            e = lexicon_find(d->m->nouns, stem);
        }
        if (e && strcmp(model_field(e, 1), "=") != 0) {
            *c = (counted){e, j, j + 1, t->tok[j].sp};
            return true;
        }
        return false;
    }
    return false;
}

static bool noun_after(const doc_state *d, size_t j, counted *c)
{
    const text *t = d->t;
    lexicon_match nm;
    /* "3 فقط من عناصره": only, then the noun */
    if (word_role(d, j, "only"))
        j++;
    for (int tries = 0; tries < 2 && j < t->n_tok; tries++) {
        if (t->tok[j].kind == TOK_PUNCT)
            return false;
        /* The counted noun follows its number bare or with the article: with
         * a preposition (بمدارس, للمدنيين) it belongs to another phrase. */
        if (lexicon_match_at(d->m->nouns, t, j, PROCLITICS_ALL, &nm) &&
            !(nm.stripped && strchr_cp(preposition_letters, t->cp[t->tok[j].sp.start]))) {
            /* "36 من الفصائل": after من, a force the list knows counts its
             * members (force_after), not the bodies the noun names */
            if (tries == 1 && !strcmp(model_field(nm.entry, 2), "other") && force_after(d, j - 1))
                return false;
            *c = (counted){nm.entry, nm.tok_first, nm.tok_end, nm.sp};
            return true;
        }
        /* "190 من منشآتها", "12 من مدارسها": a noun with its owner's
         * pronoun after من */
        if (tries == 1 && possessed_noun(d, j, c))
            return true;
        if (!word_role(d, j, "of")) /* "أربعة من مقاتلي" */
            return false;
        j++;
    }
    return false;
}

/* A vague amount that names no noun and needs none: with the article
 * (العشرات, المئات, الآلاف: definite, so never a construct before its
 * noun) or closing its clause ("قتل 5 وأصيب عشرات."). What it counts
 * is then whom its event word governs: people. "عدد من" and "بضعة" always
 * take their noun. */
static bool vague_alone(const doc_state *d, const number *num, size_t after)
{
    const text *t = d->t;
    if (num->qual == QUAL_SOME)
        return false;
    /* "عشرات الآلاف من الدولارات": an amount of a measure, not of people */
    if (after + 1 < t->n_tok && stages_word_is(t, after, (const char *const[]){"من", NULL}) &&
        word_role(d, after + 1, "unit"))
        return false;
    if (num->flags & NUMFLAG_DEFINITE)
        return true;
    /* "عشرات الآلاف", "مئات الآلاف": the construct is whole, its last word
     * definite */
    if (num->tok_end > num->tok_first + 1 &&
        !strncmp(t->tok[num->tok_end - 1].norm, "ال", strlen("ال")))
        return true;
    return after >= t->n_tok || t->tok[after].kind == TOK_PUNCT ||
           t->tok[after].sentence != t->tok[num->tok_first].sentence;
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
        if (lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &nm) && nm.tok_end == i && k > 0 &&
            (word_role(d, k - 1, "toll_head") || word_role(d, k - 1, "death_toll"))) {
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
static bool type_fits(const char *type, const char *category);

/* Were the wounded counted at [num_first, c->end) taken elsewhere: by an
 * evacuation word right before them or their own after them ("إجلاء 40
 * جريحا", "40 جريحا تم إجلاؤهم"), or by a verb that moves them (نقل) to
 * another country ("نقل 20 جريحا إلى الأردن", "30 جريحا نقلوا للعلاج في
 * الخارج")? Moved to a hospital they are still the injured. */
static bool wounded_moved(const doc_state *d, const trigger *tr, size_t n_tr, const counted *c,
                          size_t num_first)
{
    const text *t = d->t;
    uint32_t s = t->tok[num_first].sentence;
    bool evacuated = false, moved = false;
    size_t from = num_first > 2 ? num_first - 2 : 0; /* "تم نقل 20", "إجلاء 20" */
    for (size_t k = 0; k < n_tr; k++)
        if (!strcmp(tr[k].type, "evacuated") && t->tok[tr[k].first].sentence == s &&
            ((tr[k].end <= num_first && tr[k].end + 1 >= num_first) ||
             (tr[k].first >= c->end && tr[k].first <= c->end + 1 && !tr[k].conj)))
            evacuated = true;
    if (evacuated)
        return true;
    for (size_t k = from; k < c->end + 2 && k < t->n_tok; k++)
        if ((k < num_first || k >= c->end) && t->tok[k].sentence == s && word_role(d, k, "moved"))
            moved = true;
    if (!moved)
        return false;
    for (size_t k = c->end; k < c->end + 12 && k < t->n_tok && t->tok[k].sentence == s; k++)
        if (word_role(d, k, "abroad"))
            return true;
    for (size_t p = 0; p < d->r->n_places; p++) {
        size_t at = d->place_toks[p].first;
        if (at >= c->end && at < c->end + 12 && t->tok[at].sentence == s &&
            !strcmp(d->m->places[d->r->places[p].place].kind, "country"))
            return true;
    }
    return false;
}

/* Does a toll with no noun (الحصيلة) govern the number at token first,
 * right before it or before its إلى? */
static bool death_toll_before(const doc_state *d, size_t first)
{
    if (first > 0 && word_role(d, first - 1, "death_toll"))
        return true;
    return first > 1 && !strcmp(d->t->tok[first - 1].norm, "الي") &&
           word_role(d, first - 1, "toll_link") && word_role(d, first - 2, "death_toll");
}

/* Is the noun counted at c a whole the number takes a part of ("3 من
 * الجرحى"): من alone between the number, which starts at num_first, and
 * the noun? */
static bool partitive(const text *t, const counted *c, size_t num_first)
{
    return c->first >= num_first + 2 && !strcmp(t->tok[c->first - 1].norm, "من") &&
           c->first - 1 > num_first;
}

/* Does a part of what was counted follow the verb that ends at token
 * `from`, a number and منها/منهم after at most its own subject, definite
 * or a party's name ("أطلقوا 4 صواريخ اعترضت الدفاعات 3 منها")? The verb then tells what befell the
 * part, not the whole. */
static bool part_follows(const doc_state *d, size_t from)
{
    const text *t = d->t;
    if (from == 0 || from >= t->n_tok)
        return false;
    uint32_t s = t->tok[from - 1].sentence;
    for (size_t k = 0; k < d->r->n_numbers; k++) {
        const number *n = &d->r->numbers[k];
        if (n->tok_first < from)
            continue;
        if (n->tok_first > from + 4 || n->tok_end >= t->n_tok || t->tok[n->tok_first].sentence != s)
            return false;
        for (size_t j = from; j < n->tok_first; j++) /* the subject: definite or a party */
            if (t->tok[j].kind != TOK_WORD || word_role(d, j, "clause") ||
                (strncmp(t->tok[j].norm, "ال", strlen("ال")) != 0 && !d->in_source[j]))
                return false;
        const char *w = t->tok[n->tok_end].norm;
        return !strcmp(w, "منها") || !strcmp(w, "منهم") || !strcmp(w, "منهن");
    }
    return false;
}

/* Is cause a verb that intercepts, shoots down or seizes, in the clause of
 * the number at num_first (past other objects joined to it: "أسقطت 4
 * طائرات مسيرة وصاروخين")? Then a "fired" verb after the munitions is their
 * attribute: "اعترضت الدفاعات الجوية 7 صواريخ أطلقت من غزة" (rockets that
 * were fired) tells 7 destroyed. */
static bool acted_on_in_clause(const doc_state *d, const trigger *cause, size_t num_first)
{
    if (!cause || (strcmp(cause->type, "destroyed") != 0 && strcmp(cause->type, "seized") != 0))
        return false;
    for (size_t j = cause->end; j < num_first; j++)
        if (d->t->tok[j].kind == TOK_PUNCT || word_role(d, j, "clause"))
            return false;
    return true;
}

static const extract_figure *previous_in_sentence(const doc_state *d, size_t first);
static size_t number_starting_at(const doc_state *d, size_t k);
static size_t number_ending_at(const doc_state *d, size_t k);
static bool glued_to_waw(const text *t, const number *num);

/* Is the number at num_first joined by و to the figure right before it,
 * which was shot down, intercepted or seized ("أسقطت 4 طائرات مسيرة و3
 * صواريخ أطلقت من اليمن")? It is that verb's object too, and a "fired"
 * verb after it is its attribute, as acted_on_in_clause says. */
static bool listed_after_acted_on(const doc_state *d, size_t num_first)
{
    enum { LIST_GAP_WORDS = 8 };
    const text *t = d->t;
    size_t num = number_starting_at(d, num_first);
    const extract_figure *prev = num != EXTRACT_NO_INDEX && glued_to_waw(t, &d->r->numbers[num])
                                     ? previous_in_sentence(d, num_first)
                                     : NULL;
    if (!prev || (strcmp(prev->type, "destroyed") != 0 && strcmp(prev->type, "seized") != 0))
        return false;
    size_t from = t->tok[num_first].kind == TOK_NUMBER ? num_first - 1 : num_first; /* past و */
    for (size_t j = from; j-- > 0 && from - j <= LIST_GAP_WORDS;) {
        if (t->tok[j].sp.start < prev->sp.end)
            return true;
        if (t->tok[j].kind == TOK_PUNCT || word_role(d, j, "clause"))
            return false;
    }
    return false;
}

/* The first trigger that starts at or after token `tok` (n_tr when none):
 * triggers are in text order. */
static size_t trigger_from(const trigger *tr, size_t n_tr, size_t tok)
{
    size_t lo = 0, hi = n_tr;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tr[mid].first < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Is the strikes trigger g the noun of a figure already read ("15 غارة"), with
 * على, the preposition of its target, between it and num_first? */
static bool targets_of_counted_strikes(const doc_state *d, const trigger *g, size_t num_first)
{
    const text *t = d->t;
    bool counted_strikes = false;
    /* figures are added in text order: those ending before g are past it */
    for (size_t f = d->r->n_figures;
         f-- > 0 && !counted_strikes && d->r->figures[f].sp.end > t->tok[g->first].sp.start;)
        counted_strikes = d->r->figures[f].sp.start <= t->tok[g->first].sp.start &&
                          d->r->figures[f].sp.end >= t->tok[g->end - 1].sp.end;
    if (!counted_strikes)
        return false;
    for (size_t j = g->end; j < num_first; j++)
        if (stages_word_is(t, j, (const char *const[]){"علي", NULL}))
            return true;
    return false;
}

/* Does token i carry the article, bare ("المحاصر") or behind a preposition
 * letter ("بالمحاصرين")? */
static bool definite(const text *t, size_t i)
{
    const char *w = t->tok[i].norm;
    if (!strncmp(w, "لل", strlen("لل")))
        return true;
    if (!strncmp(w, "ب", strlen("ب")) || !strncmp(w, "ك", strlen("ك")))
        w += strlen("ب");
    return !strncmp(w, "ال", strlen("ال"));
}

/* A participle with the article right after a definite noun that stands
 * between the counted noun and it is that noun's attribute: in "أجلت 120
 * مريضا من المستشفى المحاصر" the hospital is besieged, not the patients.
 * Only a verb before the number then says what befell them: "400 ألف مدني
 * في المناطق المحاصرة" alone are besieged with their areas. */
static bool attribute_of_noun_between(const text *t, size_t end, const trigger *g)
{
    if (g->first <= end || t->tok[g->first - 1].kind != TOK_WORD)
        return false;
    return !strncmp(t->tok[g->first].norm, "ال", strlen("ال")) && definite(t, g->first - 1);
}

/* The first token of the line token i is on. */
static size_t line_start(const text *t, size_t i)
{
    while (i > 0 && !t->tok[i].newline_before)
        i--;
    return i;
}

/* The colon that ends the heading of the bulleted item whose count opens at
 * token num_first, or EXTRACT_NO_INDEX when it opens none. */
static size_t list_heading_colon(const text *t, size_t num_first)
{
    /* the item's line starts at most 3 tokens back: no walk along a long line */
    size_t a = num_first;
    while (a > 0 && !t->tok[a].newline_before && num_first - a < 3)
        a--;
    if ((a > 0 && !t->tok[a].newline_before) || !stages_bulleted(t, a))
        return EXTRACT_NO_INDEX;
    while (a > 0 && stages_bulleted(t, line_start(t, a - 1)))
        a = line_start(t, a - 1);
    if (a == 0 || t->tok[a - 1].kind != TOK_PUNCT || t->cp[t->tok[a - 1].sp.start] != ':')
        return EXTRACT_NO_INDEX;
    return a - 1;
}

/* "وبلغت حصيلة القتلى:" then "- 12 مدنيا في إدلب" and "- 8 عناصر في حماة"
 * on lines of their own: an item of a bulleted list continues its heading,
 * the line before the list that ends in a colon (`colon`, from
 * list_heading_colon), so a trigger at the end of the heading says what
 * befell the count that opens the item. */
static bool list_heading_governs(const doc_state *d, const trigger *g, size_t colon)
{
    const text *t = d->t;
    return colon != EXTRACT_NO_INDEX && g->end <= colon &&
           colon - g->end <= d->m->windows[WIN_TRIGGER_BACK_WORDS] &&
           g->first >= line_start(t, colon);
}

/* Is the losses trigger g the passive فُقد/فُقدت: opening its clause (at
 * the sentence start, after a mark, or with و/ف) right before the number,
 * with no subject to have lost anything ("وفقد 3 جنود في المعارك")? Those
 * counted went missing. With a subject it is losses: "فقد الجيش 3 جنود",
 * "إن الجيش فقد 3 جنود". */
static bool passive_lost(const doc_state *d, const trigger *g, size_t num_first)
{
    const text *t = d->t;
    if (strcmp(g->type, "losses") != 0 || g->end != num_first || g->end != g->first + 1 ||
        !stages_word_is(t, g->first,
                        (const char *const[]){"فقد", "فقدت", "وفقد", "وفقدت", "ففقد", NULL}))
        return false;
    return g->conj || g->first == 0 || t->tok[g->first - 1].kind == TOK_PUNCT ||
           t->tok[g->first - 1].sentence != t->tok[g->first].sentence;
}

/* Is the first trigger after the noun at c, in its clause, one of the
 * trapped that may only follow it ("ما زالوا تحت الأنقاض")? */
static bool still_trapped_after(const doc_state *d, const trigger *tr, size_t n_tr,
                                const counted *c)
{
    const text *t = d->t;
    for (size_t k = 0; k < n_tr; k++) {
        const trigger *g = &tr[k];
        if (g->first < c->end)
            continue;
        if (g->before || !g->after || g->conj || strcmp(g->type, "trapped") != 0 ||
            g->first > c->end + d->m->windows[WIN_TRIGGER_AFTER_WORDS] ||
            t->tok[g->first].sentence != t->tok[c->first].sentence)
            return false;
        for (size_t j = c->end; j < g->first; j++)
            if (t->tok[j].kind != TOK_WORD || word_role(d, j, "clause"))
                return false;
        return true;
    }
    return false;
}

/* "40 شخصا، بينهم 12 طفلا، قتلوا", "610 أشخاص بينهم 38 امرأة و17 طفلا
 * استشهدوا", "1.9 مليون شخص، أي 90 في المئة من السكان، نزحوا": a breakdown
 * or an aside between a counted noun (ending before token `end`) and its
 * verb. Where the verb stands, when the first trigger after the aside
 * opens no clause of its own and nothing but the aside and one closing
 * comma comes between; else `end`. */
static size_t past_aside(const doc_state *d, const trigger *tr, size_t n_tr, size_t end)
{
    const text *t = d->t;
    size_t open = end;
    if (open < t->n_tok && t->tok[open].kind == TOK_PUNCT && !strcmp(t->tok[open].norm, "،"))
        open++;
    lexicon_match am;
    if (open >= t->n_tok || t->tok[open].sentence != t->tok[end - 1].sentence ||
        !(link_is(d, open, "breakdown", &am) || link_is(d, open, "aside", &am)))
        return end;
    for (size_t k = trigger_from(tr, n_tr, am.tok_end); k < n_tr; k++) {
        const trigger *g = &tr[k];
        if (!g->after || g->conj || g->first > am.tok_end + d->m->windows[WIN_ASIDE_WORDS] ||
            t->tok[g->first].sentence != t->tok[open].sentence)
            return end;
        /* a clause word may only join the parts ("38 امرأة و17 طفلا") */
        for (size_t j = am.tok_end; j < g->first; j++)
            if (t->tok[j].kind == TOK_PUNCT
                    ? j + 1 != g->first || open == end
                    : word_role(d, j, "clause") && t->tok[j + 1].kind != TOK_NUMBER)
                return end;
        return g->first;
    }
    return end;
}

/* "14 عنصرا من الجيش وقوات حفظ النظام قتلوا": a من-phrase of nouns that
 * names whose the counted are, ending in a noun with the article, stands
 * between the counted noun (ending before token `end`) and the verb at
 * `verb`, however many words the owners take. A preposition or a mark
 * within, outside a party's name, opens a phrase of place, means or time
 * instead. */
static bool owner_phrase_between(const doc_state *d, size_t end, size_t verb)
{
    enum { OWNER_PHRASE_WORDS = 6 };
    static const char *const prepositions[] = {"في",  "علي", "الي", "عن", "مع",
                                               "عند", "قرب", "بين", "من", NULL}; /* as normalised */
    const text *t = d->t;
    if (verb < end + 3 || verb > end + 1 + OWNER_PHRASE_WORDS || t->tok[end].kind != TOK_WORD ||
        !stages_word_is(t, end, (const char *const[]){"من", NULL}) || !definite(t, verb - 1))
        return false;
    for (size_t j = end + 1; j < verb; j++) {
        const char *w = t->tok[j].norm;
        if (t->tok[j].kind != TOK_WORD || t->tok[j].sentence != t->tok[end].sentence)
            return false;
        /* a party's name may hold any word ("الجبهة الوطنية للتحرير") */
        if (!d->in_source[j] &&
            (stages_word_is(t, j, prepositions) || !strncmp(w, "بال", strlen("بال")) ||
             !strncmp(w, "لل", strlen("لل")) || !strncmp(w, "كال", strlen("كال"))))
            return false;
    }
    return true;
}

/* "وفارق 2 من الجرحى الحياة": a verb and its object that make one phrase
 * of triggers.tsv (فارق الحياة) standing on either side of what they count,
 * the verb right before the number, the object right after the noun. Its
 * line, or NULL. A word of what happened after the noun is a verb of its
 * own ("مقتل 4 أطفال وإصابة طفلين"), no object. */
static const lexicon_entry *split_trigger(const doc_state *d, const trigger *tr, size_t n_tr,
                                          const counted *c, size_t num_first)
{
    const text *t = d->t;
    size_t k0 = trigger_from(tr, n_tr, c->end);
    if (k0 < n_tr && tr[k0].first == c->end)
        return NULL;
    if (num_first == 0 || c->end >= t->n_tok || t->tok[num_first - 1].kind != TOK_WORD ||
        t->tok[c->end].kind != TOK_WORD ||
        t->tok[num_first - 1].sentence != t->tok[c->end].sentence)
        return NULL;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t n =
        text_proclitic_forms(t->tok[num_first - 1].norm, true, forms, NULL, TEXT_PROCLITIC_MAX);
    for (size_t k = 0; k < n; k++) {
        char phrase[2 * TOKEN_NORM_MAX + 2];
        snprintf(phrase, sizeof phrase, "%s %s", forms[k], t->tok[c->end].norm);
        const lexicon_entry *e = lexicon_find(d->m->triggers, phrase);
        if (e)
            return e;
    }
    return NULL;
}

static bool befalls_people(const char *type);

static const char *figure_type(const doc_state *d, const trigger *tr, size_t n_tr, const counted *c,
                               const char *category, size_t num_first, const bool *covered,
                               const trigger **cause, bool *weak)
{
    *weak = false;
    *cause = NULL;
    const text *t = d->t;
    uint32_t s = t->tok[num_first].sentence;
    size_t heading_colon = list_heading_colon(t, num_first);
    /* "برصاص 2 من عناصر الأمن": those who did it; what befell is others' */
    for (size_t back = 1; back <= 2 && back <= num_first; back++) {
        lexicon_match am;
        if (link_is(d, num_first - back, "agent", &am) && am.tok_end == num_first)
            return "count";
    }
    const lexicon_entry *split = split_trigger(d, tr, n_tr, c, num_first);
    if (split && type_fits(model_field(split, 1), category))
        return model_field(split, 1);
    /* The nearest trigger before the number whose type can befall what is
     * counted: in "ارتفع عدد ضحايا القصف إلى 50 شخصا" the shelling fired
     * nothing at the people, the victims word says what they are. */
    const trigger *nearest = NULL;
    /* only triggers within reach of the number, or of its list's heading,
     * are read: the work per figure stays bounded on long runs of text */
    size_t back = d->m->windows[WIN_TRIGGER_BACK_WORDS] + LEXICON_MAX_WORDS;
    size_t from = num_first > back ? num_first - back : 0;
    if (heading_colon != EXTRACT_NO_INDEX && line_start(t, heading_colon) < from)
        from = line_start(t, heading_colon);
    for (size_t k = trigger_from(tr, n_tr, from); k < n_tr; k++) {
        const trigger *g = &tr[k];
        if (g->end > num_first)
            break;
        bool within = (t->tok[g->first].sentence == s &&
                       num_first - g->end <= d->m->windows[WIN_TRIGGER_BACK_WORDS]) ||
                      list_heading_governs(d, g, heading_colon);
        if (!within)
            continue;
        /* "انتشلت جثامين 11 شهيدا، فيما لا يزال نحو عشرة مفقودين": a word of
         * what happened does not reach past a contrasting clause, unless
         * that clause names the toll again ("بينما أعلن الجيش أن الحصيلة
         * 23 جنديا") */
        /* ... nor does a verb past وأن, وإن opening the next thing said ("إن
         * 400 ألف نزحوا، وإن 1.7 مليون يواجهون المجاعة"); a counted noun
         * that says what befell ("نقل 20 جريحا، وإن عددا من الحالات") still
         * reaches it */
        lexicon_match gm;
        bool verb = !lexicon_match_at(d->m->nouns, t, g->first, PROCLITICS_ALL, &gm);
        bool contrasted = false;
        for (size_t j = g->end; j < num_first; j++)
            if (stages_word_in(d, j, FW_CONTRAST) ||
                (verb && stages_word_in(d, j, FW_COMPLEMENTIZER) &&
                 t->cp[t->tok[j].sp.start] == 0x0648))
                contrasted = true;
            else if (word_role(d, j, "death_toll") || word_role(d, j, "toll_head"))
                contrasted = false;
        if (contrasted)
            continue;
        /* "شن 20 غارة على 5 قرى": what is after على past strikes counted by
         * a number of their own is their target, not more strikes */
        if (!strcmp(g->type, "airstrikes") && targets_of_counted_strikes(d, g, num_first)) {
            if (nearest && !strcmp(nearest->type, "airstrikes"))
                nearest = NULL;
            if (*cause && !strcmp((*cause)->type, "airstrikes"))
                *cause = NULL;
            continue;
        }
        /* "أفرجت عن 90 أسيرا مقابل 3 رهائن": a noun that says what befell
         * it (أسيرا) counts its own figure, it says nothing of the next
         * noun; a number whose noun is left out ("و3255 بمخيمات") counts
         * what it does, cases ("نقل 20 جريحا، وإن عددا من الحالات") are
         * cases of it, and a noun with a type of its own when nothing
         * befalls it ("و17 مفقودا") is read below; so is a part after a
         * word of breakdown ("القتلى بالعشرات، بينهم العديد من القادة"),
         * which is of its whole's kind */
        if (covered[g->first] && c->end > c->first && !*model_field(c->noun, 4) &&
            !(num_first > 0 && word_role(d, num_first - 1, "breakdown")) &&
            strcmp(model_field(c->noun, 1), "=") != 0 &&
            strcmp(model_field(c->noun, 1), "cases") != 0)
            continue;
        if (g->before &&
            ((t->tok[g->first].sentence == s &&
              num_first - g->end <= (g->adjacent ? 0 : d->m->windows[WIN_TRIGGER_BACK_WORDS])) ||
             list_heading_governs(d, g, heading_colon))) {
            nearest = g;
            if (!strcmp(g->type, "losses") || !strcmp(g->type, "falls") ||
                type_fits(g->type, category))
                *cause = g;
        }
    }
    if (!*cause)
        *cause = nearest;
    const char *itype = model_field(c->noun, 3);
    /* ... and so are the sick ("نقل 40 مريضا إلى مصر لتلقي العلاج") */
    if ((!strcmp(itype, "injured") || !strcmp(model_field(c->noun, 1), "patients")) &&
        wounded_moved(d, tr, n_tr, c, num_first))
        return "evacuated";
    /* "وفاة 3 من الجرحى": a part of those the noun names (N من), whom a
     * word right before the number says what befell */
    if (*itype && partitive(t, c, num_first) && *cause && (*cause)->end == num_first &&
        strcmp((*cause)->type, "losses") != 0 && type_fits((*cause)->type, category))
        return (*cause)->type;
    bool displaced = !strcmp(itype, "displaced");
    /* "عددا من الضحايا ما زالوا تحت الأنقاض": victims still under the
     * rubble are not yet counted dead; their own verb says trapped */
    if (!strcmp(itype, "killed") && still_trapped_after(d, tr, n_tr, c))
        return "trapped";
    /* "12 ضحية بين قتيل وجريح": victims the next words say are dead and
     * wounded */
    for (size_t k = trigger_from(tr, n_tr, c->end);
         k < n_tr && tr[k].first == c->end && !strcmp(itype, "killed"); k++)
        if (!strcmp(tr[k].type, "casualties"))
            return "casualties";
    /* "3 من الجرحى توفوا": the wounded whose own verb says they died are
     * dead; any other verb of theirs leaves them wounded */
    bool wounded = !strcmp(itype, "injured");
    if (*itype && !displaced && !wounded)
        return itype;
    /* "أصيب 12 نازحا": a verb right before the displaced says what befell them */
    if (displaced && *cause && (*cause)->end == num_first &&
        strcmp((*cause)->type, "losses") != 0 && type_fits((*cause)->type, category))
        return (*cause)->type;
    /* Only the first trigger after the noun may govern it, and not when it
     * opens a clause of its own: "قتل 12 شخصا وأصيب 30 بجروح" — the verb
     * after و, a comma or فيما says what happened to the next number. */
    /* "400 مدني (120 امرأة و150 طفلا) نزحوا": a breakdown in brackets
     * stands between the noun and its verb. */
    size_t end = c->end;
    if (end < t->n_tok && t->tok[end].kind == TOK_PUNCT && !strcmp(t->tok[end].norm, "(")) {
        size_t k = end + 1;
        while (k < t->n_tok && k < end + 20 && t->tok[k].sentence == s &&
               strcmp(t->tok[k].norm, ")") != 0)
            k++;
        if (k < t->n_tok && !strcmp(t->tok[k].norm, ")"))
            end = k + 1;
    }
    end = past_aside(d, tr, n_tr, end);
    for (size_t k = 0; k < n_tr; k++) {
        const trigger *g = &tr[k];
        if (g->first < end)
            continue;
        bool own = g->after && !g->conj &&
                   (g->first <= end + d->m->windows[WIN_TRIGGER_AFTER_WORDS] ||
                    owner_phrase_between(d, end, g->first)) &&
                   t->tok[g->first].sentence == s;
        /* ... nor behind a preposition of cause or time: "أفرج عن 12 صيادا
         * بعد احتجاز", "ارتفع إلى 15 بسبب خطورة الإصابات", nor when it is
         * another toll's: "عدد القتلى بلغ 1250 وعدد الجرحى 300" */
        lexicon_match pm;
        for (size_t j = end; j < g->first && own; j++)
            own = t->tok[j].kind == TOK_WORD && !word_role(d, j, "clause") &&
                  !word_role(d, j, "circumstance") && !link_is(d, j, "because", &pm) &&
                  !word_role(d, j, "toll_head");
        /* "3 مدنيين بقذائف أطلقت": what was fired is the shells, not the
         * people; "اعتراض 4 صواريخ أطلقت": the object of the verb-noun right
         * before it, the verb after is an attribute ("that were fired") */
        if (own && !strcmp(g->type, "fired") &&
            (!type_fits(g->type, category) || (*cause && (*cause)->end + 1 >= num_first) ||
             acted_on_in_clause(d, *cause, num_first) || listed_after_acted_on(d, num_first)))
            own = false;
        if (own && *cause && type_fits((*cause)->type, category) &&
            attribute_of_noun_between(t, end, g))
            own = false;
        /* "12 صاروخا انفجرت": a verb of bursting after the noun is said of
         * things, never of people; of an elliptic part ("أسقطت 3 مسيرات،
         * و3 انفجرت") the verb before its whole says what befell it */
        if (own && !strcmp(g->type, "falls") &&
            (type_fits("killed", category) || (*cause && !strcmp(model_field(c->noun, 1), "="))))
            own = false;
        /* "قتل 5 أطفال يعانون من سوء التغذية": a state of those counted
         * told after them (a count word that only follows them) says who
         * they were; a verb of death or wounds before says what befell
         * them */
        if (own && !strcmp(g->type, "count") && !g->before && *cause &&
            (!strcmp((*cause)->type, "killed") || !strcmp((*cause)->type, "injured") ||
             !strcmp((*cause)->type, "casualties")) &&
            type_fits((*cause)->type, category))
            own = false;
        /* "إن 7 أطفال يعانون من سوء التغذية توفوا": after that state, a
         * verb of people right after it is what befell them */
        if (own && !strcmp(g->type, "count") && !g->before && k + 1 < n_tr &&
            tr[k + 1].first == g->end && tr[k + 1].after && !tr[k + 1].conj &&
            befalls_people(tr[k + 1].type) && type_fits(tr[k + 1].type, category))
            return tr[k + 1].type;
        if (own && !part_follows(d, g->end) && (!wounded || !strcmp(g->type, "killed")))
            return g->type;
        break;
    }
    /* "14 نازحا قتلوا": the displaced are displaced unless a verb of their
     * own says what befell them */
    if (*itype)
        return itype;
    *weak = true;
    if (*cause && passive_lost(d, *cause, num_first))
        return "count";
    /* "4186 مصابا و39 مفقودا": a noun with a type of its own when nothing
     * befalls it (the missing are counted) is not typed by the counted noun
     * of a figure before it, only by a verb or a noun of what befell */
    const char *dtype = model_field(c->noun, 4);
    lexicon_match nm;
    if (*cause && *dtype && (*cause)->first > 0 && t->tok[(*cause)->first - 1].kind == TOK_NUMBER &&
        lexicon_match_at(d->m->nouns, t, (*cause)->first, PROCLITICS_ALL, &nm))
        return dtype;
    if (*cause)
        return (*cause)->type;
    return *dtype ? dtype : "count";
}

/* Is token i shaped as a dual adjective (تركيتين، روسيتين، حديثتين): no
 * article, no و, ending in تين? */
static bool dual_adjective(const text *t, size_t i)
{
    const char *w = t->tok[i].norm;
    size_t n = strlen(w);
    return t->tok[i].kind == TOK_WORD && n > strlen("تين") + 2 &&
           strcmp(w + n - strlen("تين"), "تين") == 0 && strncmp(w, "ال", strlen("ال")) != 0 &&
           strncmp(w, "و", strlen("و")) != 0;
}

/* Is token i shaped as a dual in the nominative of a masculine noun or
 * adjective (مصدران، أمنيان، لبنانيان): no article, no و, ending in ان past a
 * stem of three letters? */
static bool nominative_dual_shape(const text *t, size_t i)
{
    const char *w = t->tok[i].norm;
    size_t n = strlen(w);
    return t->tok[i].kind == TOK_WORD && n > strlen("ان") + 6 &&
           strcmp(w + n - strlen("ان"), "ان") == 0 && strncmp(w, "ال", strlen("ال")) != 0 &&
           strncmp(w, "و", strlen("و")) != 0;
}

/* The case a dual's ending shows: 'n' for the nominative (ـان), 'o' for
 * the accusative and genitive (ـين), 0 when it shows none. */
static char dual_case(const text *t, size_t i)
{
    const char *w = t->tok[i].norm;
    size_t n = strlen(w);
    if (t->tok[i].kind != TOK_WORD || n <= strlen("ان"))
        return 0;
    if (!strcmp(w + n - strlen("ان"), "ان"))
        return 'n';
    if (!strcmp(w + n - strlen("ين"), "ين"))
        return 'o';
    return 0;
}

/* Does the dual at dm introduce two places by their names ("من حاجزي
 * المداجن والزلاقيات", "معبري X وY"): a dual of place_context.tsv's
 * `names` nouns followed by a name and a second one joined by و? */
static bool dual_names_places(const doc_state *d, const lexicon_match *dm)
{
    const text *t = d->t;
    lexicon_match cm;
    size_t e = dm->tok_end;
    if (!lexicon_match_at(d->m->place_context, t, dm->tok_first, PROCLITICS_ALL, &cm) ||
        cm.tok_end != e || strcmp(cm.entry->n_fields > 1 ? cm.entry->fields[1] : "-", "names") ||
        e >= t->n_tok || t->tok[e].kind != TOK_WORD || d->in_source[e] ||
        t->tok[e].sentence != t->tok[dm->tok_first].sentence)
        return false;
    for (size_t k = e + 1; k < t->n_tok && k <= e + 3; k++) {
        if (t->tok[k].kind != TOK_WORD || t->tok[k].sentence != t->tok[e].sentence)
            return false;
        if (strncmp(t->tok[k].norm, "و", strlen("و")) == 0 && !d->in_source[k])
            return true;
    }
    return false;
}

/* "losses" says killed of people, destroyed of things; "falls" says killed
 * of people, fired of anything else ("سقوط 30 جنديا", "سقوط 4 صواريخ"). */
static const char *resolve_losses(const char *type, const char *category)
{
    bool falls = !strcmp(type, "falls");
    if (strcmp(type, "losses") != 0 && !falls)
        return type;
    if (!strcmp(category, "combatants") || !strcmp(category, "civilians") ||
        !strcmp(category, "people"))
        return "killed";
    if (falls)
        return "fired";
    if (!strcmp(category, "materiel"))
        return "destroyed";
    return "count";
}

static bool military_kind(const char *kind)
{
    return !strcmp(kind, "military") || !strcmp(kind, "armed_group");
}

static bool civilian_kind(const char *kind)
{
    return !strcmp(kind, "civil_defence") || !strcmp(kind, "ngo") || !strcmp(kind, "un");
}

/* Does word i end in a pronoun of the third person, ـه، ـها، ـهم، ـهن، ـهما
 * (خسارته، خسائرهم، عددهن; not the ـة of خسارة)? */
static bool possessive(const text *t, size_t i)
{
    uint32_t last[3] = {0, 0, 0};
    size_t n = 0, letters = 0;
    for (uint32_t k = t->tok[i].sp.end; k > t->tok[i].sp.start;) {
        uint32_t c = t->cp[--k];
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
            continue; /* harakat, tatweel */
        if (n < 3)
            last[n++] = c;
        letters++;
    }
    const uint32_t heh = 0x0647, alef = 0x0627, meem = 0x0645, noon = 0x0646;
    /* ـهما only after a stem of three letters: "متهما" is a noun, not "مت" */
    return t->tok[i].kind == TOK_WORD && letters > 3 &&
           (last[0] == heh ||
            (last[1] == heh && (last[0] == alef || last[0] == meem || last[0] == noon)) ||
            (letters > 5 && last[2] == heh && last[1] == meem && last[0] == alef));
}

/* The source mention that ends last before token i in i's sentence, or
 * EXTRACT_NO_INDEX. */
static size_t party_named_last_before(const doc_state *d, size_t i)
{
    const text *t = d->t;
    size_t last = EXTRACT_NO_INDEX;
    for (size_t m = 0; m < d->r->n_source_mentions; m++)
        if (d->smention_toks[m].end <= i &&
            t->tok[d->smention_toks[m].first].sentence == t->tok[i].sentence &&
            (last == EXTRACT_NO_INDEX || d->smention_toks[m].first > d->smention_toks[last].first))
            last = m;
    return last;
}

/* The mention of a party that owns what is counted: named right after the
 * noun ("عنصرًا من الجيش السوري", "قتلى قوات النظام", "سقطوا قتلى في صفوف
 * قوات النظام", "مركبة تابعة لقوات الدعم السريع"), or right after the word before the number that makes it
 * the owner: a loss ("خسائر الجيش السوري وحلفائه وصلت إلى 200 قتيل", "خسر
 * الحزب 20 مسلحا"), the firing of the munitions counted ("وجهت الفصائل 100
 * قذيفة", "شن الطيران الروسي 30 غارة"; not "قصفت 30 مركزا": the centres
 * struck are someone else's), or a toll noun in construct with it ("قتلى
 * قوات النظام، بينهم 24 ضابطا"). The subject of any other verb did it to
 * what is counted ("قتلت قوات النظام 10 مدنيين"): not theirs.
 * EXTRACT_NO_INDEX when none. */
static size_t owner_mention(const doc_state *d, const counted *c, size_t num_first,
                            uint32_t num_end, const trigger *cause, const char *category)
{
    const text *t = d->t;
    uint32_t s = t->tok[c->first].sentence;
    for (size_t m = 0; m < d->r->n_source_mentions; m++) {
        size_t first = d->smention_toks[m].first;
        if (first < c->end || first > c->end + 8 || t->tok[first].sentence != s)
            continue;
        bool linked = true; /* only linking words, triggers and punctuation between */
        for (size_t k = c->end; k < first && linked; k++)
            linked = t->tok[k].sp.start < num_end || t->tok[k].kind == TOK_PUNCT ||
                     word_role(d, k, "of") || word_role(d, k, "ranks") ||
                     stages_word_in(d, k, FW_OWNER_LINK); /* "عنصرا تابعا للنظام" */
        /* "قتلت قوات النظام 31 مدنيا، والقوات الروسية 6": a party joined by
         * و after a comma begins the next item of a list, not the owner */
        static const uint32_t commas[] = {',', 0x060C, ';', 0x061B, 0};
        if (linked && first > c->end && t->tok[first - 1].kind == TOK_PUNCT &&
            strchr_cp(commas, t->cp[t->tok[first - 1].sp.start]) &&
            t->cp[t->tok[first].sp.start] == 0x0648)
            linked = false;
        if (linked)
            return m;
        break;
    }
    lexicon_match nm;
    bool fires = !strcmp(category, "munitions") && cause &&
                 (!strcmp(cause->type, "fired") || !strcmp(cause->type, "falls") ||
                  !strcmp(cause->type, "airstrikes"));
    bool owns =
        cause && (!strcmp(cause->type, "losses") || fires ||
                  /* a noun in construct with its owner: "قتلى قوات النظام، بينهم 24 ضابطا" */
                  (lexicon_match_at(d->m->nouns, t, cause->first, PROCLITICS_ALL, &nm) &&
                   nm.tok_end == cause->end) ||
                  /* ... also as a toll's last word: "حصيلة القتلى في صفوف ..." */
                  (cause->end > cause->first + 1 &&
                   lexicon_match_at(d->m->nouns, t, cause->end - 1, PROCLITICS_ALL, &nm) &&
                   nm.tok_end == cause->end));
    if (owns && cause->end < num_first) {
        /* ... or past the ranks it is counted in: "حصيلة القتلى في صفوف قوات
         * النظام ارتفعت إلى 9", "عدد القتلى من عناصر الجيش بلغ 12" */
        size_t at = cause->end;
        while (at < num_first && at < cause->end + 3 && t->tok[at].kind == TOK_WORD &&
               (word_role(d, at, "of") || word_role(d, at, "ranks") ||
                stages_word_in(d, at, FW_OWNER_LINK)))
            at++;
        for (size_t m = 0; m < d->r->n_source_mentions; m++)
            if (d->smention_toks[m].first == cause->end || d->smention_toks[m].first == at)
                return m;
    }
    /* "أعلنت المنظمة خسارتها 267 عنصرا", "أقرت قوات النظام بخسارته": a loss
     * word with a possessive pronoun is the loss of the party named last
     * before it in its sentence. */
    size_t last = EXTRACT_NO_INDEX;
    if (cause && !strcmp(cause->type, "losses") && cause->end <= num_first &&
        possessive(t, cause->end - 1))
        last = party_named_last_before(d, cause->first);
    /* "أعلنت قسد أن 6 من مقاتليها قتلوا", "قالت الوزارة إن 3 من جنودها
     * أصيبوا": a counted noun with a possessive pronoun belongs to the party
     * named last before it in its sentence when that party is the speaker;
     * a party named between is the likelier owner, or whoever did it, so
     * none then ("كبد الجيش قوات الدعم السريع خسائر وقتل 150 من عناصرها",
     * "أكدت المنظمة أن النظام قتل 240 من أفرادها"). */
    if (last == EXTRACT_NO_INDEX && c->end > c->first && possessive(t, c->end - 1)) {
        last = party_named_last_before(d, c->first);
        /* ... under any of its names: "أعلنت قوات سوريا الديمقراطية (قسد) أن" */
        bool speaks = false;
        for (size_t m = 0; last != EXTRACT_NO_INDEX && m <= last && !speaks; m++)
            speaks = d->r->source_mentions[m].source == d->r->source_mentions[last].source &&
                     d->r->source_mentions[m].role == ROLE_SPEAKER &&
                     t->tok[d->smention_toks[m].first].sentence == t->tok[c->first].sentence;
        if (!speaks)
            last = EXTRACT_NO_INDEX;
    }
    return last;
}

/* Whose people or things a figure counts. */
typedef struct subject {
    const char *side; /* government, opposition, unknown */
    const char *bloc; /* blocs.tsv id, or NULL */
    size_t party;     /* index into sources, or EXTRACT_NO_INDEX */
} subject;

/* The party that owns them gives the side (its affiliation), the bloc, and
 * the party itself unless its name stands for its whole bloc ("قوات
 * النظام"); else the noun's own side (مسلح), which names no bloc: soldiers
 * are the government's in Syrian reporting, Israel's in Gaza's. People of an
 * army or a faction are combatants. */
static subject subject_of(const doc_state *d, const counted *c, size_t num_first, uint32_t num_end,
                          const trigger *cause, const char **category)
{
    const char *side = model_field(c->noun, 5);
    subject sub = {*side ? side : "unknown", NULL, EXTRACT_NO_INDEX};
    size_t m = owner_mention(d, c, num_first, num_end, cause, *category);
    if (m == EXTRACT_NO_INDEX)
        return sub;
    size_t party = d->r->source_mentions[m].source;
    const extract_source *owner = &d->r->sources[party];
    /* the members of a rescue, relief or UN body are civilians, whatever
     * side it is counted on ("ثلاثة من عناصر الدفاع المدني") */
    if (civilian_kind(owner->kind) &&
        (!strcmp(*category, "people") || !strcmp(*category, "combatants")))
        *category = "civilians";
    if (!strcmp(owner->affiliation, "government") || !strcmp(owner->affiliation, "opposition")) {
        if (military_kind(owner->kind) && !strcmp(*category, "people"))
            *category = "combatants";
        sub.side = owner->affiliation;
    }
    if (owner->bloc && strcmp(owner->bloc, "independent") != 0)
        sub.bloc = owner->bloc;
    if (!model_source_is_bloc_whole(d->m, owner))
        sub.party = party;
    return sub;
}

/* Is place mention p a dateline's, opening its line before a bracket or a
 * dash ("بيروت (رويترز) -", "دمشق - سانا"), or a date and then one? It
 * says where the report was filed, not where what it counts happened. */
static bool dateline_place(const doc_state *d, size_t p)
{
    static const uint32_t marks[] = {'(', '-', 0x2013, 0x2014, 0};
    static const uint32_t ends[] = {'(', '-', 0x2013, 0x2014, ':', 0};
    const text *t = d->t;
    size_t pf = d->place_toks[p].first, k = d->place_toks[p].end;
    if (pf != 0 && !t->tok[pf].newline_before)
        return false;
    if (mark_in(t, k, marks))
        return true;
    /* ... or a date between ("بيروت، 20 نوفمبر 2023:", "الخرطوم 3 يونيو
     * 2023 -"): digits, then a dash, a bracket or a colon on the line */
    static const uint32_t commas[] = {',', 0x060C, 0};
    if (mark_in(t, k, commas))
        k++;
    bool digits = false;
    for (size_t end = k + 8; k < t->n_tok && k < end && !t->tok[k].newline_before; k++) {
        if (mark_in(t, k, ends))
            return digits;
        digits = digits || t->tok[k].kind == TOK_NUMBER;
    }
    return false;
}

/* Is place mention p the country in brackets after a dateline's city
 * ("طرابلس (ليبيا) -", "صور (لبنان) -")? It tells which city the dateline
 * names: no place of its own, nearer the figures than the city though. */
static bool dateline_country(const doc_state *d, size_t p)
{
    static const uint32_t open_bracket[] = {'(', 0};
    const text *t = d->t;
    size_t pf = d->place_toks[p].first;
    if (pf < 2 || t->tok[pf].newline_before || !mark_in(t, pf - 1, open_bracket))
        return false;
    for (size_t q = 0; q < p; q++)
        if (d->place_toks[q].end == pf - 1)
            return dateline_place(d, q);
    return false;
}

/* Does place mention p name an end of a road or of a stretch between two
 * places ("على طريق X-Y", "الطريق بين X وY")? What happened there lies on
 * the way, not in X: a place named for itself in the sentence is where. */
static bool way_end(const doc_state *d, size_t p)
{
    static const uint32_t dashes[] = {'-', 0x2013, 0x2014, 0};
    const text *t = d->t;
    size_t pf = d->place_toks[p].first;
    if (pf == 0 || t->tok[pf - 1].sentence != t->tok[pf].sentence)
        return false;
    lexicon_match cm;
    for (size_t back = 1; back <= 2 && back <= pf; back++)
        if (lexicon_match_at(d->m->place_context, t, pf - back, PROCLITICS_ALL, &cm) &&
            cm.tok_end == pf && cm.entry->n_fields > 2 && !strcmp(cm.entry->fields[1], "site") &&
            !strcmp(cm.entry->fields[2], "road"))
            return true;
    if (stages_word_is(t, pf - 1, (const char *const[]){"بين", NULL}))
        return true;
    /* the second end: after a dash, or after و, of a place that is the first */
    bool waw = !strncmp(t->tok[pf].norm, "و", strlen("و")) ||
               stages_word_is(t, pf - 1, (const char *const[]){"و", NULL});
    bool dash = mark_in(t, pf - 1, dashes);
    size_t before_end =
        stages_word_is(t, pf - 1, (const char *const[]){"و", NULL}) || dash ? pf - 1 : pf;
    if (!waw && !dash)
        return false;
    for (size_t q = 0; q < p; q++)
        if (d->place_toks[q].end == before_end)
            return way_end(d, q);
    return false;
}

/* The token where the name of a place after في at token `fi` begins: past
 * the noun that says what kind of place it is ("في مديرية صرواح", "في ريف
 * X"), which the gazetteer's mention may leave out. */
static size_t name_after_fi(const doc_state *d, size_t fi)
{
    lexicon_match cm;
    if (lexicon_match_at(d->m->place_context, d->t, fi + 1, PROCLITICS_NONE, &cm) &&
        cm.tok_first == fi + 1 && cm.tok_end < d->t->n_tok &&
        d->t->tok[cm.tok_end].sentence == d->t->tok[fi].sentence && cm.entry->n_fields > 1 &&
        strcmp(cm.entry->fields[1], "not") != 0)
        return cm.tok_end;
    return fi + 1;
}

/* Does place mention p stand before the إن or أن that opens what is said,
 * the figure at token `first` after it ("قال مراسل القناة في جنوب لبنان إن
 * 4 شهداء سقطوا في غارة على بلدة يارون")? It is where the speaker is, so
 * ranked like a dateline: taken only when what is said names no place. */
static bool before_said(const doc_state *d, size_t p, size_t first)
{
    for (size_t k = d->place_toks[p].end; k < first; k++)
        if (stages_word_in(d, k, FW_COMPLEMENTIZER)) /* إن، أن، بأن، وأن ... */
            return true;
    return false;
}

/* Does place mention p name the side a party is on ("الفصائل الموالية
 * لتركيا", "المدعومة من إيران"), a place_context word of allegiance right
 * before it? Nothing happened there: no figure's place. */
static bool allegiance_place(const doc_state *d, size_t p)
{
    const text *t = d->t;
    size_t pf = d->place_toks[p].first;
    lexicon_match cm;
    for (size_t back = 1; back <= 2 && back <= pf; back++)
        if (t->tok[pf - back].sentence == t->tok[pf].sentence &&
            lexicon_match_at(d->m->place_context, t, pf - back, PROCLITICS_ALL, &cm) &&
            cm.tok_end == pf && cm.entry->n_fields > 1 &&
            !strcmp(cm.entry->fields[1], "allegiance"))
            return true;
    return false;
}

/* Does place mention p name a country as the subject of a verb of attack
 * right after it ("تركيا قصفت قرية برخ", "إسرائيل شنت غارات"), or as the
 * one who launches or fires right after the verb ("شنت إسرائيل 16 غارة على
 * درعا", "أطلقت إيران 180 صاروخا")? The country struck; nothing befell
 * anyone there: no figure's place. (After other verbs, "قصفت تركيا", "دمرت
 * سوريا", a country may as well be what was struck; one launches or fires
 * at a country with على or نحو, never as the verb's object.) */
static bool attack_word_at(const doc_state *d, size_t k, bool launch_only)
{
    lexicon_match m;
    if (k >= d->t->n_tok || d->t->tok[k].kind != TOK_WORD ||
        !lexicon_match_at(d->m->triggers, d->t, k, PROCLITICS_ALL, &m) || m.entry->n_fields < 3)
        return false;
    const char *type = m.entry->fields[1];
    if (launch_only)
        return m.tok_end == k + 1 && (!strcmp(type, "fired") || !strcmp(type, "airstrikes"));
    return !strcmp(type, "fired") || !strcmp(type, "airstrikes") || !strcmp(type, "destroyed");
}

static bool attacking_country(const doc_state *d, size_t p)
{
    const text *t = d->t;
    size_t pf = d->place_toks[p].first, pe = d->place_toks[p].end;
    if (strcmp(d->m->places[d->r->places[p].place].kind, "country") != 0)
        return false;
    /* "شنت الولايات المتحدة وبريطانيا 400 غارة": the country joined to
     * one who launched launched with it */
    if (p > 0 && d->place_toks[p - 1].end == pf && d->r->places[p].sp.start > t->tok[pf].sp.start &&
        !strncmp(t->tok[pf].norm, "و", strlen("و")) && attacking_country(d, p - 1))
        return true;
    if (pf > 0 && t->tok[pf - 1].sentence == t->tok[pf].sentence &&
        d->r->places[p].sp.start == t->tok[pf].sp.start && attack_word_at(d, pf - 1, true))
        return true;
    return pe < t->n_tok && t->tok[pe].sentence == t->tok[pf].sentence &&
           attack_word_at(d, pe, false);
}

/* Is model place `kind` a wide one, an area rather than a spot? */
static bool wide_place(const extract_place *pl)
{
    static const char *const wide[] = {"country", "governorate", "district", "region", NULL};
    for (size_t i = 0; wide[i]; i++)
        if (!strcmp(pl->kind, wide[i]))
            return true;
    return false;
}

/* Does wide place `at` span more than wide place `spot` of its country?
 * A country spans its governorates and regions; a part of a country named
 * by its direction ("جنوبي سوريا", a region whose parent is the country)
 * spans its governorates and districts, not another such part. */
static bool spans_more(const extract_model *m, size_t at, size_t spot)
{
    const extract_place *a = &m->places[at], *b = &m->places[spot];
    if (!strcmp(b->kind, "country"))
        return false;
    if (!strcmp(a->kind, "country"))
        return true;
    size_t country = m->country_of[at];
    bool part_of_country = !strcmp(a->kind, "region") && a->parent_id &&
                           country != EXTRACT_NO_INDEX &&
                           !strcmp(a->parent_id, m->places[country].id);
    bool spot_part_of_country =
        !strcmp(b->kind, "region") && b->parent_id && !strcmp(b->parent_id, m->places[country].id);
    return part_of_country && !spot_part_of_country;
}

/* The place mention that mention p locates, else p itself: a wide place
 * right after a spot of its own country, or after a narrower wide one,
 * joined by nothing or by في or a word of direction or nearness ("قرية X
 * جنوب لبنان", "X بريف حلب", "X في محافظة Y", "محافظة X جنوبي سوريا"),
 * says where that spot lies; what happened there happened at the spot. So
 * does a town right after a quarter, camp or village the gazetteer puts
 * in it ("حي الشجاعية شرق مدينة غزة", "مخيم بلاطة شرق نابلس"), or after
 * any spot of its country with a word of direction or nearness between
 * ("مخيم زمزم جنوب الفاشر"; not the end of a way: "طريق حلب - دمشق قرب
 * سراقب" is near Saraqib). */
static size_t located_by(const doc_state *d, size_t p)
{
    const text *t = d->t;
    const extract_model *m = d->m;
    size_t pf = d->place_toks[p].first, at = d->r->places[p].place;
    /* "ومحافظة حماة": a further place of a list, not where the one before lies */
    bool after_waw = d->r->places[p].sp.start > t->tok[pf].sp.start &&
                     !strncmp(t->tok[pf].norm, "و", strlen("و"));
    if (pf == 0 || after_waw)
        return p;
    bool wide = wide_place(&m->places[at]);
    size_t before = pf;
    lexicon_match cm;
    bool in = false, direction = false;
    if (t->tok[pf - 1].kind == TOK_WORD && t->tok[pf - 1].sentence == t->tok[pf].sentence) {
        in = stages_word_is(t, pf - 1, (const char *const[]){"في", NULL});
        direction = !in && lexicon_match_at(m->place_context, t, pf - 1, PROCLITICS_NONE, &cm) &&
                    cm.tok_end == pf && cm.entry->n_fields > 1 && !strcmp(cm.entry->fields[1], "-");
        if (in || direction)
            before = pf - 1;
    }
    for (size_t q = 0; q < d->r->n_places; q++) {
        size_t spot = d->r->places[q].place;
        if (d->place_toks[q].end != before && d->place_toks[q].end != pf)
            continue;
        /* "مخيم زمزم جنوب الفاشر": a town after a word of direction or
         * nearness is where the spot before it lies from */
        if (!wide)
            return (direction && m->country_of[spot] == m->country_of[at] &&
                    !wide_place(&m->places[spot]) && !way_end(d, q)) ||
                           (m->places[spot].parent_id &&
                            !strcmp(m->places[spot].parent_id, m->places[at].id))
                       ? q
                       : p;
        if (m->country_of[spot] != m->country_of[at] ||
            (wide_place(&m->places[spot]) && !spans_more(m, at, spot)))
            return p;
        return located_by(d, q);
    }
    return p;
}

/* The token after a list of unknown places that goes on at token k ("مخيمات
 * X وY و\"Z\""): where what locates the whole list stands. */
static size_t past_unknown_list(const doc_state *d, size_t k, uint32_t sentence)
{
    const text *t = d->t;
    size_t item_end = k;
    for (size_t guard = 0; guard < 64 && k < t->n_tok && t->tok[k].sentence == sentence; guard++) {
        uint32_t c = t->cp[t->tok[k].sp.start];
        if (t->tok[k].kind == TOK_PUNCT && (c == 0x060C || c == ',' || c == '"' || c == 0x201C ||
                                            c == 0x201D || c == 0x00AB || c == 0x00BB)) {
            k++;
            continue;
        }
        if (t->tok[k].kind == TOK_WORD && !strcmp(t->tok[k].norm, "و")) {
            k++;
            continue;
        }
        uint32_t end = 0;
        for (size_t u = 0; u < d->r->n_unresolved_places && !end; u++) {
            span sp = d->r->unresolved_places[u].sp;
            if (sp.start >= t->tok[k].sp.start && sp.start < t->tok[k].sp.end)
                end = sp.end;
        }
        if (!end)
            break;
        while (k < t->n_tok && t->tok[k].sp.start < end)
            k++;
        item_end = k;
    }
    /* a closing quote ends the last item; a comma or و stepped over at the
     * end belongs to no item */
    for (size_t q = item_end; q < k; q++)
        if (t->tok[q].kind != TOK_PUNCT || t->cp[t->tok[q].sp.start] == 0x060C ||
            t->cp[t->tok[q].sp.start] == ',')
            return item_end;
    return k;
}

/* When an unknown place (served unresolved) starts at token k, what
 * happened there happened in the known place that locates it right after
 * ("قرية X في ريف حمص"، "مخيم X بطولكرم"، "X جنوب لبنان"): that place, or
 * EXTRACT_NO_INDEX when none does; not the place of another clause. False
 * when no unknown place starts at k. */
static bool unresolved_at(const doc_state *d, size_t k, size_t *place)
{
    const text *t = d->t;
    *place = EXTRACT_NO_INDEX;
    if (k >= t->n_tok)
        return false;
    for (size_t u = 0; u < d->r->n_unresolved_places; u++) {
        span sp = d->r->unresolved_places[u].sp;
        if (sp.start < t->tok[k].sp.start || sp.start >= t->tok[k].sp.end)
            continue;
        size_t after = k;
        while (after < t->n_tok && t->tok[after].sp.start < sp.end)
            after++;
        after = past_unknown_list(d, after, t->tok[k].sentence);
        lexicon_match cm;
        for (size_t p = 0; p < d->r->n_places; p++) {
            size_t pf = d->place_toks[p].first;
            if (pf == after ||
                (pf == after + 1 && t->tok[after].sentence == t->tok[pf].sentence &&
                 (stages_word_is(t, after, (const char *const[]){"في", NULL}) ||
                  (lexicon_match_at(d->m->place_context, t, after, PROCLITICS_NONE, &cm) &&
                   cm.tok_end == pf && cm.entry->n_fields > 1 &&
                   !strcmp(cm.entry->fields[1], "-"))))) {
                *place = d->r->places[p].place;
                break;
            }
        }
        return true;
    }
    return false;
}

/* The place of a figure spanning tokens [first, end) (see figure_place),
 * an end of a way (way_end) ranked with the datelines' when `ways`. */
/* Does token pf, after token first in its sentence, stand in the words of
 * another party than first's, in a clause a contrast opens between them
 * ("، فيما أعلن X", "بينما قال Y")? */
static bool other_party_set_against(const doc_state *d, size_t first, size_t pf)
{
    size_t said = d->speaker[first], other = d->speaker[pf];
    if (said == EXTRACT_NO_INDEX || other == EXTRACT_NO_INDEX || said == other)
        return false;
    for (size_t k = first + 1; k < pf; k++)
        if (stages_word_in(d, k, FW_CONTRAST))
            return true;
    return false;
}

/* Does place mention p, after the figure ending at token `end`, stand
 * where the parts of it are set out after a breakdown word, each with its
 * own place ("148 شخصا، بينهم 100 في جبلة جنوب اللاذقية و48 في طرطوس":
 * neither جبلة nor اللاذقية is where the 148 died)? */
static bool place_of_a_part(const doc_state *d, size_t end, size_t p)
{
    const text *t = d->t;
    size_t pf = d->place_toks[p].first, k = end;
    lexicon_match m;
    while (k < pf && !link_is(d, k, "breakdown", &m))
        k++;
    if (k >= pf)
        return false;
    /* a part: a number after the breakdown word, at most a counted noun,
     * then في and a place ("بينهم 40 في مخيم X") */
    for (size_t i = 0; i < d->r->n_numbers; i++) {
        const number *n = &d->r->numbers[i];
        if (n->tok_first <= k || n->tok_end > pf)
            continue;
        for (size_t fi = n->tok_end; fi < pf && fi <= n->tok_end + 1; fi++) {
            if (t->tok[fi].kind != TOK_WORD)
                break;
            if (strcmp(t->tok[fi].norm, "في") != 0)
                continue;
            size_t named = name_after_fi(d, fi);
            for (size_t q = 0; q < d->r->n_places; q++)
                if (d->place_toks[q].first == fi + 1 || d->place_toks[q].first == named)
                    return true;
        }
    }
    return false;
}

/* Is the place mention starting at token pf where the shelling or fire came
 * from ("قصف مصدره مواقع قوات النظام في X", "قذائف مصدرها X"): within a
 * few words after a word of function_words.tsv's fire_origin with no mark
 * between? Those it struck are not there. */
static bool origin_of_fire(const doc_state *d, size_t pf)
{
    enum { ORIGIN_WORDS = 6 };
    const text *t = d->t;
    for (size_t k = pf; k-- > 0 && pf - k <= ORIGIN_WORDS;) {
        if (t->tok[k].kind == TOK_PUNCT || t->tok[k].sentence != t->tok[pf].sentence)
            return false;
        if (stages_word_in(d, k, FW_FIRE_ORIGIN))
            return true;
    }
    return false;
}

/* The first place mention in sentence s or after it: the places stage
 * adds mentions in text order, so a binary search finds it. */
static size_t places_from_sentence(const doc_state *d, uint32_t s)
{
    size_t lo = 0, hi = d->r->n_places;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->t->tok[d->place_toks[mid].first].sentence < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool number_starts_at(const doc_state *d, size_t k);

/* Is place mention p said to be where the news of the figure at token
 * first happened: after في, على, بـ or a word of place (قرية، حي، مديرية), and
 * not past a contrast ("قتيلين في اشتباكات، بينما نزح آلاف من الجنينة")? */
static bool where_of_news(const doc_state *d, size_t first, size_t p)
{
    const text *t = d->t;
    size_t pf = d->place_toks[p].first;
    bool marked =
        places_after_context(d, pf) ||
        (pf > 0 && stages_word_is(t, pf - 1, (const char *const[]){"في", "وفي", "علي", NULL})) ||
        (d->r->places[p].sp.start > t->tok[pf].sp.start && t->cp[t->tok[pf].sp.start] == 0x0628);
    for (size_t k = first; marked && k < pf; k++)
        if (stages_word_in(d, k, FW_CONTRAST))
            return false;
    return marked;
}

/* "اشتبكوا مع قوة في مستوطنة X، ودمروا 4 دبابات عند أطراف بلدة Y": does the
 * figure spanning [first, end) stand in a clause of its own, a comma then a
 * verb with و between the place mention ending at pe and it, that names a
 * place after the figure with no mark between? Then that place is where
 * the figure is, not the nearer one of the clause before. */
static bool own_clause_after(const doc_state *d, size_t pe, size_t first, size_t end)
{
    enum { OWN_PLACE_WORDS = 6 };
    const text *t = d->t;
    size_t comma = EXTRACT_NO_INDEX;
    for (size_t k = pe; k < first; k++)
        if (t->tok[k].kind == TOK_PUNCT)
            comma = t->cp[t->tok[k].sp.start] == 0x060C || t->cp[t->tok[k].sp.start] == ','
                        ? k
                        : EXTRACT_NO_INDEX;
    if (comma == EXTRACT_NO_INDEX || comma + 1 >= first || t->tok[comma + 1].kind != TOK_WORD ||
        t->cp[t->tok[comma + 1].sp.start] != 0x0648 || word_role(d, comma + 1, "clause"))
        return false;
    for (size_t k = end; k < t->n_tok && k < end + OWN_PLACE_WORDS; k++) {
        if (t->tok[k].kind != TOK_WORD || t->tok[k].sentence != t->tok[first].sentence)
            return false;
        for (size_t q = 0; q < d->r->n_places; q++)
            if (d->place_toks[q].first == k)
                return true;
    }
    return false;
}

static size_t nearest_place(const doc_state *d, size_t first, size_t end, bool ways)
{
    const text *t = d->t;
    bool fi_after = end + 1 < t->n_tok && t->tok[end].sentence == t->tok[first].sentence &&
                    !strcmp(t->tok[end].norm, "في");
    size_t named_after = fi_after ? name_after_fi(d, end) : 0;
    size_t unknown_place;
    if (fi_after && unresolved_at(d, named_after, &unknown_place))
        return unknown_place;
    /* how far a place is only a fallback: a dateline's (3); in a sentence
     * framed by a place fronted before its news ("وفي النيجر، قتل 12 جنديا
     * في هجوم في منطقة تيلابيري"), a place not said to be where the news
     * is ("نزحت 200 عائلة إلى أوباري": 2), then the frame (1); where the
     * news is (0). The lowest rank, then the nearest, wins. */
    size_t best = EXTRACT_NO_INDEX, best_dist = (size_t)-1;
    int best_rank = 0;
    bool set_against = false;
    uint32_t s = t->tok[first].sentence;
    size_t opening = places_from_sentence(d, s);
    bool framed = opening < d->r->n_places && t->tok[d->place_toks[opening].first].sentence == s &&
                  places_fronted(d, d->place_toks[opening].first, d->place_toks[opening].end);
    for (size_t p = places_from_sentence(d, s); p < d->r->n_places; p++) {
        size_t pf = d->place_toks[p].first;
        if (t->tok[pf].sentence != s)
            break;
        size_t dist = pf > first ? pf - first : first - pf;
        /* a place no nearer than a best that is no dateline's cannot win:
         * its checks, which walk the words between, are skipped */
        if (best != EXTRACT_NO_INDEX && best_rank == 0 && dist >= best_dist &&
            !(fi_after && (pf == end + 1 || pf == named_after)))
            continue;
        if (allegiance_place(d, p) || dateline_country(d, p) || attacking_country(d, p))
            continue;
        /* "استهدفوا 11 موقعا، فيما أعلن الجيش أنه قتل 3 في غارة على بلدة
         * X": a place in the words of another party set against it is theirs */
        if (pf > first && other_party_set_against(d, first, pf)) {
            set_against = true;
            continue;
        }
        if (pf > end && place_of_a_part(d, end, p))
            continue;
        /* "درعا الحصيلة بـ 23 مدنيا، تلتها إدلب بـ 18": a place after the
         * figure with a share of its own (ب and a number) is that share's */
        size_t pe = d->place_toks[p].end;
        if (pf > end && pe + 1 < t->n_tok && !strcmp(t->tok[pe].norm, "ب") &&
            number_starts_at(d, pe + 1))
            continue;
        if (origin_of_fire(d, pf))
            continue;
        bool dateline = dateline_place(d, p) || (ways && way_end(d, p)) || before_said(d, p, first);
        if (fi_after && (pf == end + 1 || pf == named_after) && !dateline)
            return d->r->places[p].place;
        int rank = dateline ? 3 : pf < first && places_fronted(d, pf, pe) ? 1 : 0;
        if (rank == 0 && framed && !where_of_news(d, first, p))
            rank = 2;
        /* "اشتبكوا مع قوة في مستوطنة X، ودمروا 4 دبابات عند أطراف بلدة Y":
         * a place of an earlier clause, a comma between, is where the
         * figure is only when its own clause names none after it */
        if (rank == 0 && pf < first && own_clause_after(d, pe, first, end))
            rank = 2;
        if (best == EXTRACT_NO_INDEX || rank < best_rank ||
            (rank == best_rank && dist < best_dist)) {
            best = d->r->places[located_by(d, p)].place;
            best_dist = dist;
            best_rank = rank;
        }
    }
    /* "قال حزب الله (بيروت) إن مقاتليه استهدفوا 11 موقعا على الحدود، فيما
     * قال الجيش إنه قتل 5 في جنوب لبنان": the sentence places its events
     * away from the dateline, in the clause set against; the dateline's
     * city, where the report was filed, is no fallback then */
    if (best_rank == 3 && set_against)
        return EXTRACT_NO_INDEX;
    return best;
}

/* The place of a figure spanning tokens [first, end): the one right after
 * it with في ("و48 في طرطوس" after "100 شخص في جبلة", "و4 في مديرية
 * صرواح"), else the nearest place mention of its sentence; a dateline's
 * place or an end of a way ("على طريق X-Y قرب Z": Z) only when no other
 * is named, and the place near a way only in the way's country (a name of
 * the way's country the gazetteer resolved abroad is no better). */
static size_t figure_place(const doc_state *d, size_t first, size_t end)
{
    size_t near_way = nearest_place(d, first, end, true),
           plain = nearest_place(d, first, end, false);
    if (near_way == plain || near_way == EXTRACT_NO_INDEX || plain == EXTRACT_NO_INDEX)
        return near_way;
    const size_t *country = d->m->country_of;
    return country[near_way] == country[plain] ? near_way : plain;
}

/* The last figure of the sentence before the one of token `first`, or NULL. */
static const extract_figure *last_of_sentence_before(const doc_state *d, size_t first)
{
    const text *t = d->t;
    uint32_t s = t->tok[first].sentence;
    if (s == 0)
        return NULL;
    uint32_t sent = t->sentences[s - 1].start;
    const extract_figure *best = NULL;
    for (size_t i = 0; i < d->r->n_figures; i++) {
        const extract_figure *f = &d->r->figures[i];
        if (f->quote.start == sent && (!best || f->sp.start > best->sp.start))
            best = f;
    }
    return best;
}

/* The figure an "others" noun refers to: the previous one of the sentence. */
static const extract_figure *previous_in_sentence(const doc_state *d, size_t first)
{
    const text *t = d->t;
    uint32_t at = t->tok[first].sp.start, sent = t->sentences[t->tok[first].sentence].start;
    const extract_figure *best = NULL;
    for (size_t i = 0; i < d->r->n_figures; i++) {
        const extract_figure *f = &d->r->figures[i];
        if (f->quote.start == sent && f->sp.start < at && (!best || f->sp.start > best->sp.start))
            best = f;
    }
    return best;
}

/* The update word before token `first` in its clause, or EXTRACT_NO_INDEX:
 * "ارتفعت حصيلة القتلى إلى 106", "ارتفع عدد القتلى في وقت لاحق إلى 17". */
static size_t governed_by_update(const doc_state *d, size_t first)
{
    const text *t = d->t;
    for (size_t back = 1; back <= 8 && back <= first; back++) {
        size_t k = first - back;
        lexicon_match m;
        if (t->tok[k].sentence != t->tok[first].sentence || t->tok[k].kind == TOK_PUNCT)
            return EXTRACT_NO_INDEX;
        if (link_is(d, k, "update", &m))
            return k;
    }
    /* Farther back, the update must rise with its toll as subject and reach
     * the number by its link: "ارتفعت حصيلة القتلى جراء القصف الذي استهدف
     * السوق صباح اليوم إلى 23". A phrase of what the toll is of lies
     * between; a mark or a clause word ends it. */
    size_t link = EXTRACT_NO_INDEX;
    for (size_t back = 1; back <= 4 && back <= first; back++) { /* past أكثر من */
        size_t k = first - back;
        if (t->tok[k].sentence != t->tok[first].sentence || t->tok[k].kind == TOK_PUNCT)
            return EXTRACT_NO_INDEX;
        if (word_role(d, k, "toll_link")) {
            link = k;
            break;
        }
    }
    size_t reach = d->m->windows[WIN_UPDATE_REACH_WORDS];
    for (size_t back = 1; link != EXTRACT_NO_INDEX && back <= reach && back <= link; back++) {
        size_t k = link - back;
        lexicon_match m, head;
        if (t->tok[k].sentence != t->tok[first].sentence || t->tok[k].kind == TOK_PUNCT ||
            word_role(d, k, "clause"))
            return EXTRACT_NO_INDEX;
        if (link_is(d, k, "update", &m))
            return link_is(d, m.tok_end, "toll_head", &head) ||
                           link_is(d, m.tok_end, "death_toll", &head)
                       ? k
                       : EXTRACT_NO_INDEX;
    }
    return EXTRACT_NO_INDEX;
}

/* "قد يصل عدد القتلى إلى 50", "يخشى أن ترتفع الحصيلة إلى 30": is the
 * number whose first token is first the end a toll may reach (may_reach,
 * within eight words of its sentence, no mark or clause word between)? A
 * ceiling feared: up to, and no update of the toll before it. */
static bool feared_ceiling(const doc_state *d, size_t first)
{
    const text *t = d->t;
    for (size_t back = 1; back <= 8 && back <= first; back++) {
        size_t k = first - back;
        lexicon_match m;
        if (t->tok[k].sentence != t->tok[first].sentence || t->tok[k].kind == TOK_PUNCT ||
            word_role(d, k, "clause"))
            return false;
        if (link_is(d, k, "may_reach", &m) && m.tok_end <= first)
            return true;
    }
    return false;
}

/* The token of the link verb that restates a toll, with no update word,
 * before the number whose first token is first: "وصل عدد النازحين إلى
 * 5000", "بلغ عدد القتلى 40". The verb, the toll's head (عدد، حصيلة), its
 * noun, إلى or nothing, then the number: any other word narrows the toll
 * to a place, a time or a thing of its own ("بلغ عدد القتلى في البلدة
 * المجاورة", "التي بلغ عدد القتلى فيها"). EXTRACT_NO_INDEX when none. */
static size_t restated_toll_here(const doc_state *d, size_t first)
{
    const text *t = d->t;
    if (first < 3)
        return EXTRACT_NO_INDEX;
    size_t noun =
        first -
        (word_role(d, first - 1, "toll_link") && !strcmp(t->tok[first - 1].norm, "الي") ? 2 : 1);
    if (noun < 2)
        return EXTRACT_NO_INDEX;
    for (size_t k = noun - 2; k < first; k++)
        if (t->tok[k].sentence != t->tok[first].sentence || t->tok[k].kind != TOK_WORD)
            return EXTRACT_NO_INDEX;
    size_t head = noun - 1, verb = noun - 2;
    if ((!word_role(d, head, "toll_head") && !word_role(d, head, "death_toll")) ||
        !word_role(d, verb, "toll_link") || !strcmp(t->tok[verb].norm, "الي")) {
        /* "عدد القتلى بلغ 14", "الحصيلة بلغت 14": the toll, then its link */
        verb = first - 1;
        if (!word_role(d, verb, "toll_link") || !strcmp(t->tok[verb].norm, "الي"))
            return EXTRACT_NO_INDEX;
        if (word_role(d, verb - 1, "death_toll") ||
            (word_role(d, verb - 2, "toll_head") && t->tok[verb - 2].kind == TOK_WORD &&
             t->tok[verb - 2].sentence == t->tok[first].sentence))
            return verb;
        return EXTRACT_NO_INDEX;
    }
    return verb;
}

/* "بلغ عدد القتلى 9 والجرحى 22": a toll noun glued to و after the number
 * of a restated toll shares its link. The link verb's token, or
 * EXTRACT_NO_INDEX. */
static size_t restated_toll(const doc_state *d, size_t first)
{
    enum { JOINED_TOLLS = 4 };
    const text *t = d->t;
    for (int hop = 0; hop < JOINED_TOLLS; hop++) {
        size_t verb = restated_toll_here(d, first);
        if (verb != EXTRACT_NO_INDEX || first < 2)
            return verb;
        size_t noun = first - 1;
        lexicon_match nm;
        if (t->tok[noun].kind != TOK_WORD || t->tok[noun].sentence != t->tok[first].sentence ||
            strncmp(t->tok[noun].norm, "و", strlen("و")) != 0 ||
            !lexicon_match_at(d->m->nouns, t, noun, PROCLITICS_ALL, &nm) || nm.tok_end != first ||
            !*model_field(nm.entry, 3) || t->tok[noun - 1].kind != TOK_NUMBER)
            return EXTRACT_NO_INDEX;
        size_t before = number_ending_at(d, noun);
        if (before == EXTRACT_NO_INDEX)
            return EXTRACT_NO_INDEX;
        first = d->r->numbers[before].tok_first;
    }
    return EXTRACT_NO_INDEX;
}

/* Is token k part of a number the reader found? */
static bool in_a_number(const doc_state *d, size_t k)
{
    for (size_t n = 0; n < d->r->n_numbers; n++)
        if (d->r->numbers[n].tok_first <= k && k < d->r->numbers[n].tok_end)
            return true;
    return false;
}

/* Does a population (a toll head, then سكان) govern the number whose first
 * token is first, across what the toll is of, up to a mark, a clause word
 * or another number: "وارتفع عدد سكان المخيم إلى 5000 نسمة", "يبلغ عدد
 * سكانه 5000"? What a place holds is no toll of what befell anyone there;
 * a number after the population's own ("يبلغ عدد سكانها 50 ألف نسمة وقتل
 * 3 أشخاص") counts something else. */
static bool population_toll(const doc_state *d, size_t first)
{
    const text *t = d->t;
    size_t reach = d->m->windows[WIN_UPDATE_REACH_WORDS];
    for (size_t back = 1; back <= reach && back < first; back++) {
        size_t k = first - back;
        if (t->tok[k].sentence != t->tok[first].sentence || t->tok[k].kind == TOK_PUNCT ||
            word_role(d, k, "clause") || in_a_number(d, k))
            return false;
        if (word_role(d, k, "population"))
            return word_role(d, k - 1, "toll_head");
    }
    return false;
}

/* Is a trigger's type one that can befall what the noun's category counts?
 * People are killed, injured, captured, displaced; things are destroyed and
 * seized; munitions are fired. "قصفت 30 مركزا" fires nothing at the centres:
 * it counts them. */
static bool type_fits(const char *type, const char *category)
{
    static const char *const of_people[] = {"killed",     "injured",  "casualties",
                                            "suffocated", "captured", "displaced",
                                            "evacuated",  "trapped",  NULL};
    bool people = !strcmp(category, "combatants") || !strcmp(category, "civilians") ||
                  !strcmp(category, "people");
    for (size_t k = 0; of_people[k]; k++)
        if (!strcmp(type, of_people[k]))
            return people;
    if (!strcmp(type, "destroyed") || !strcmp(type, "seized"))
        return !people;
    if (!strcmp(type, "fired"))
        return !strcmp(category, "munitions");
    if (!strcmp(type, "airstrikes")) /* "شن 8 هجمات" */
        return !strcmp(category, "munitions") || !strcmp(category, "other");
    return true;
}

/* Does the count word `cause` govern the number at token `first`: right
 * before it ("فككت 3 عبوات"), or past its subject ("فككت فرق الهندسة 12
 * عبوة ناسفة") with no other word of what happened nor a new clause
 * between ("عاد القصف بعشرين قذيفة": the shelling fired them)? */
static bool count_verb_of(const doc_state *d, const trigger *tr, size_t n_tr, const trigger *cause,
                          size_t first)
{
    const text *t = d->t;
    if (cause->end > first || first - cause->end > d->m->windows[WIN_COUNT_SUBJECT_WORDS])
        return false;
    for (size_t k = cause->end; k < first; k++)
        if (t->tok[k].kind != TOK_WORD || word_role(d, k, "clause"))
            return false;
    for (size_t k = 0; k < n_tr; k++)
        if (tr[k].first >= cause->end && tr[k].first < first)
            return false;
    return true;
}

/* Is the verb of seizure `g` one of taking back (استعاد، استعادة،
 * استعدنا), whose people are returned rather than taken? */
static bool taken_back(const text *t, const trigger *g)
{
    const char *w = t->tok[g->first].norm;
    return strstr(w, "ستعاد") != NULL || strstr(w, "ستعد") != NULL || strstr(w, "سترجاع") != NULL ||
           strstr(w, "سترجع") != NULL;
}

/* Is the trigger `g` one of aiming at (استهدف، استهداف، استهدفنا)? */
static bool aims_at(const text *t, const trigger *g)
{
    const char *w = t->tok[g->first].norm;
    return strstr(w, "ستهدف") != NULL || strstr(w, "ستهداف") != NULL;
}

/* Is `g` a word of handing over or giving back (سلمت، أعادت، تسلم) that
 * governs token `first`: before it, past its subject at most, with no
 * other word of what happened and no new clause between? */
static bool handed_over(const doc_state *d, const fig_state *fs, const trigger *g, size_t first)
{
    const text *t = d->t;
    if (!g || (g->entry != fs->handover && g->entry != fs->giving_back) || g->end > first ||
        first - g->end > d->m->windows[WIN_COUNT_SUBJECT_WORDS] ||
        t->tok[g->first].sentence != t->tok[first].sentence)
        return false;
    for (size_t k = g->end; k < first; k++)
        if (t->tok[k].kind != TOK_WORD || word_role(d, k, "clause"))
            return false;
    size_t next = trigger_from(fs->tr, fs->n_tr, g->end);
    return next == fs->n_tr || fs->tr[next].first >= first;
}

/* The noun does not carry its own type (قتيل does: no trigger overrides it). */
static bool weak_or_trigger_typed(const counted *c)
{
    return !*model_field(c->noun, 3);
}

/* Does the expression starting at code point `start` in token i carry the
 * preposition بـ (بأكثر من 300, ب300, بقذيفتي)? */
static bool instrument(const text *t, size_t i, uint32_t start)
{
    const token *k = &t->tok[i];
    if (start > k->sp.start)
        return t->cp[k->sp.start] == 0x0628 ||
               (t->cp[k->sp.start] == 0x0648 && k->sp.end > k->sp.start + 1 &&
                t->cp[k->sp.start + 1] == 0x0628);
    /* "ب300", or "بـ 300" with the tatweel that lets the letter stand apart */
    return i > 0 && t->tok[i - 1].kind == TOK_WORD &&
           (t->tok[i - 1].sp.end == k->sp.start || t->cp[t->tok[i - 1].sp.end - 1] == 0x0640) &&
           (!strcmp(t->tok[i - 1].norm, "ب") || !strcmp(t->tok[i - 1].norm, "وب"));
}

static bool number_starts_at(const doc_state *d, size_t k);

/* Is the figure at token `first` joined by و to an instrument phrase
 * before it in its clause: بـ + munitions ("بصاروخ باليستي و15 طائرة",
 * "بعدد من الصواريخ و4 طائرات")? */
static bool coordinated_instrument(const doc_state *d, size_t first)
{
    const text *t = d->t;
    bool waw = (first > 0 && !strcmp(t->tok[first - 1].norm, "و")) ||
               t->cp[t->tok[first].sp.start] == 0x0648;
    if (!waw)
        return false;
    size_t stop = first > 0 && !strcmp(t->tok[first - 1].norm, "و") ? first - 1 : first;
    bool munition = false;
    for (size_t back = 1; back <= 8 && back <= stop; back++) {
        size_t k = stop - back;
        lexicon_match m;
        if (t->tok[k].sentence != t->tok[first].sentence || t->tok[k].kind == TOK_PUNCT ||
            lexicon_match_at(d->m->triggers, t, k, PROCLITICS_ALL, &m))
            return false;
        /* the ب is the preposition only on the munition itself, on a number
         * or standing apart ("بـ 11"); a word that begins with the letter
         * ("منذ بداية العام 430 صاروخا و851 طائرة") is none */
        bool bi =
            !strcmp(t->tok[k].norm, "ب") || !strcmp(t->tok[k].norm, "وب") || number_starts_at(d, k);
        if (lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &m) &&
            !strcmp(model_field(m.entry, 2), "munitions")) {
            munition = true;
            bi |= m.stripped;
        }
        if (lexicon_match_at(d->m->duals, t, k, PROCLITICS_ALL, &m)) { /* بصاروخين */
            const lexicon_entry *noun =
                lexicon_entry_at(d->m->nouns, (size_t)strtoul(model_field(m.entry, 1), NULL, 10));
            bool dual_munition = noun && !strcmp(model_field(noun, 2), "munitions");
            munition |= dual_munition;
            bi |= dual_munition && m.stripped;
        }
        if (munition && bi && t->cp[t->tok[k].sp.start] == 0x0628)
            return true;
    }
    return false;
}

/* Can what a list counts after a figure of category `was` be owned by the
 * same party? Its fighters and its equipment, yes, and the munitions after
 * its munitions; civilians and people are more often those its fighters or
 * munitions struck. */
static bool owned_alike(const char *was, const char *is)
{
    if (!was || !is)
        return false;
    if (!strcmp(was, "munitions") || !strcmp(is, "munitions"))
        return !strcmp(was, is);
    return (!strcmp(was, "combatants") || !strcmp(was, "materiel")) &&
           (!strcmp(is, "combatants") || !strcmp(is, "materiel"));
}

/* The last place mention opening at or before token k, or
 * EXTRACT_NO_INDEX: the places stage adds mentions in text order, so a
 * binary search finds it. */
static size_t place_from(const doc_state *d, size_t k)
{
    size_t lo = 0, hi = d->r->n_places;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->place_toks[mid].first <= k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : EXTRACT_NO_INDEX;
}

/* The place mention that opens at token k, or EXTRACT_NO_INDEX. */
static size_t place_opening_at(const doc_state *d, size_t k)
{
    size_t p = place_from(d, k);
    return p != EXTRACT_NO_INDEX && d->place_toks[p].first == k ? p : EXTRACT_NO_INDEX;
}

/* The place mention that holds token k, or EXTRACT_NO_INDEX. */
static size_t place_holding(const doc_state *d, size_t k)
{
    size_t p = place_from(d, k);
    return p != EXTRACT_NO_INDEX && d->place_toks[p].end > k ? p : EXTRACT_NO_INDEX;
}

/* Is the figure at token `first` the next item of a list by place after
 * the figure that ends at token `end`: nothing between but commas, و, في
 * and the names of places ("في إدلب 40 عنصرا، وفي درعا 12 عنصرا، حماة 9
 * عناصر")? */
static bool next_by_place(const doc_state *d, size_t end, size_t first)
{
    const text *t = d->t;
    if (end >= first || first - end > 8)
        return false;
    bool place = false;
    for (size_t k = end; k < first; k++) {
        if (t->tok[k].kind == TOK_PUNCT) {
            if (t->cp[t->tok[k].sp.start] != ',' && t->cp[t->tok[k].sp.start] != 0x060C)
                return false;
            continue;
        }
        if (stages_word_is(t, k, (const char *const[]){"و", "في", "وفي", NULL}))
            continue;
        size_t p = place_holding(d, k);
        if (p == EXTRACT_NO_INDEX)
            return false;
        k = d->place_toks[p].end - 1;
        place = true;
    }
    return place;
}

/* Does a phrase of `role` in figure_links.tsv end right before token i, in
 * its sentence? */
static size_t link_ending_at(const doc_state *d, size_t i, const char *role)
{
    for (size_t back = 1; back <= LEXICON_MAX_WORDS && back <= i; back++) {
        lexicon_match m;
        if (d->t->tok[i - back].sentence == d->t->tok[i].sentence &&
            link_is(d, i - back, role, &m) && m.tok_end == i)
            return i - back;
    }
    return EXTRACT_NO_INDEX;
}

static bool link_ends_at(const doc_state *d, size_t i, const char *role)
{
    return link_ending_at(d, i, role) != EXTRACT_NO_INDEX;
}

/* Does a link of the former value ("بعد أن كانت") end right before token
 * i? */
static bool after_former(const doc_state *d, size_t i)
{
    return link_ends_at(d, i, "former");
}

static bool breakdown_between(const doc_state *d, size_t from, size_t to);
static bool only_marks_between(const text *t, size_t from, size_t to);

/* The whole that figure f is a part of: the figure before it with a
 * breakdown word (بينهم) between them, or before a part that f follows with
 * nothing but marks between ("بينهم 4 نساء و10 أطفال"); else f. Figures
 * are still in text order here. */
static const extract_figure *whole_of_part(const doc_state *d, const fig_state *fs,
                                           const extract_figure *f)
{
    size_t i = (size_t)(f - d->r->figures);
    if (i >= fs->n_aux)
        return f;
    uint32_t s = d->t->tok[fs->aux[i].first].sentence;
    while (i > 0 && d->t->tok[fs->aux[i - 1].first].sentence == s &&
           fs->aux[i - 1].end <= fs->aux[i].first) {
        if (breakdown_between(d, fs->aux[i - 1].end, fs->aux[i].first))
            return &d->r->figures[i - 1];
        if (!only_marks_between(d->t, fs->aux[i - 1].end, fs->aux[i].first))
            break;
        i--;
    }
    return f;
}

/* The number (a count, a date, an ordinal) that begins at token k, or
 * EXTRACT_NO_INDEX: numbers are in text order. */
static size_t number_starting_at(const doc_state *d, size_t k)
{
    size_t lo = 0, hi = d->r->n_numbers;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->r->numbers[mid].tok_first < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->r->n_numbers && d->r->numbers[lo].tok_first == k ? lo : EXTRACT_NO_INDEX;
}

/* The number that ends right before token k, or EXTRACT_NO_INDEX. */
static size_t number_ending_at(const doc_state *d, size_t k)
{
    size_t lo = 0, hi = d->r->n_numbers;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->r->numbers[mid].tok_end <= k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && d->r->numbers[lo - 1].tok_end == k ? lo - 1 : EXTRACT_NO_INDEX;
}

static bool number_starts_at(const doc_state *d, size_t k)
{
    return number_starting_at(d, k) != EXTRACT_NO_INDEX;
}

/* Does منذ at token k open a start a total counts from: a date or year
 * ("منذ 7 أكتوبر"، "منذ 2011"), a point of a period ("منذ مطلع العام"), the
 * war's start ("منذ بدء الحرب")? Not a time of day ("منذ الفجر"). */
static bool since_start_at(const doc_state *d, size_t k)
{
    const text *t = d->t;
    if (!stages_word_is(t, k, (const char *const[]){"منذ", "ومنذ", NULL}) || k + 1 >= t->n_tok ||
        t->tok[k + 1].sentence != t->tok[k].sentence)
        return false;
    if (t->tok[k + 1].kind == TOK_NUMBER || stages_word_in(d, k + 1, FW_POINT_IN_PERIOD) ||
        number_starts_at(d, k + 1)) /* "منذ السابع من أكتوبر" */
        return true;
    for (size_t w = k + 1; w <= k + 2 && w < t->n_tok && t->tok[w].sentence == t->tok[k].sentence;
         w++)
        if (stages_word_in(d, w, FW_CONFLICT_NOUN))
            return true;
    return false;
}

/* Does the figure on tokens [first, end) count since a start (since_start_at)
 * in its clause: among the words before it ("حصيلة الشهداء منذ مطلع العام
 * ارتفعت إلى 312", "الحصيلة التراكمية ارتفعت إلى 3583") or right after it
 * ("312 شهيدا منذ بدء الحرب")? */
static bool since_counted(const doc_state *d, size_t first, size_t end, bool *cumulative)
{
    *cumulative = false;
    /* after it, past a toll joined to it ("إلى 44211 شهيدا و104567 مصابا
     * منذ السابع من أكتوبر") */
    enum { BEFORE = 10, AFTER = 12 };
    const text *t = d->t;
    uint32_t s = t->tok[first].sentence;
    for (size_t k = first;
         k-- > 0 && first - k <= BEFORE && t->tok[k].sentence == s && t->tok[k].kind != TOK_PUNCT;)
        if (stages_word_in(d, k, FW_CUMULATIVE))
            return *cumulative = true;
        else if (since_start_at(d, k))
            return true;
    for (size_t k = end;
         k < t->n_tok && k - end < AFTER && t->tok[k].sentence == s && t->tok[k].kind != TOK_PUNCT;
         k++)
        if (since_start_at(d, k))
            return true;
    return false;
}

/* Does a trigger that befalls only people ("قتلت", "اعتقلت") end right at
 * token first? */
static bool verb_of_people_right_before(const fig_state *fs, size_t first)
{
    for (size_t k = 0; k < fs->n_tr && fs->tr[k].first < first; k++)
        if (fs->tr[k].end == first && fs->tr[k].before && type_fits(fs->tr[k].type, "people") &&
            !type_fits(fs->tr[k].type, "other"))
            return true;
    return false;
}

/* "اشتبكت مع مجموعة من المهربين، ما أدى إلى مقتل 4 منهم": the people
 * named with no number of their own before "N منهم" in its sentence, whom
 * the pronoun names; NULL when none is within reach. */
static const lexicon_entry *people_named_before(const doc_state *d, const fig_state *fs,
                                                size_t first)
{
    const text *t = d->t;
    size_t reach = d->m->windows[WIN_TRIGGER_BACK_WORDS];
    for (size_t k = first;
         k-- > 0 && first - k <= reach && t->tok[k].sentence == t->tok[first].sentence;) {
        lexicon_match m;
        if (fs->covered[k] || !lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &m) ||
            m.tok_end > first)
            continue;
        const char *category = model_field(m.entry, 2);
        if (!strcmp(model_field(m.entry, 1), "="))
            continue;
        if (!strcmp(category, "combatants") || !strcmp(category, "civilians") ||
            !strcmp(category, "people"))
            return m.entry;
    }
    return NULL;
}

/* The counted noun of a dual of people that ends right before the word of
 * what happened ending at token `first` ("مقتل جنديين وإصابة 7 آخرين"),
 * or NULL: duals are read after numbers, so no figure of it is there yet. */
static const lexicon_entry *dual_before_trigger(const doc_state *d, const fig_state *fs,
                                                size_t first)
{
    const text *t = d->t;
    size_t g =
        trigger_from(fs->tr, fs->n_tr, first > LEXICON_MAX_WORDS ? first - LEXICON_MAX_WORDS : 0);
    for (; g < fs->n_tr && fs->tr[g].first < first && fs->tr[g].end != first; g++)
        ;
    if (g == fs->n_tr || fs->tr[g].end != first || !fs->tr[g].conj)
        return NULL;
    size_t end = fs->tr[g].first;
    for (size_t k = end > LEXICON_MAX_WORDS ? end - LEXICON_MAX_WORDS : 0; k < end; k++) {
        lexicon_match dm;
        if (t->tok[k].kind == TOK_PUNCT || t->tok[k].sentence != t->tok[first].sentence ||
            !lexicon_match_at(d->m->duals, t, k, PROCLITICS_ALL, &dm) || dm.tok_end != end)
            continue;
        const lexicon_entry *noun =
            lexicon_entry_at(d->m->nouns, (size_t)strtoul(model_field(dm.entry, 1), NULL, 10));
        const char *category = noun ? model_field(noun, 2) : "";
        if (!strcmp(category, "combatants") || !strcmp(category, "civilians") ||
            !strcmp(category, "people"))
            return noun;
    }
    return NULL;
}

static bool add_figure(doc_state *d, fig_state *fs, const counted *c, span sp, size_t first,
                       const number *num, size_t num_index)
{
    const trigger *tr = fs->tr;
    size_t n_tr = fs->n_tr;
    const char *category = model_field(c->noun, 2);
    const char *object = *model_field(c->noun, 1) ? model_field(c->noun, 1) : NULL;
    subject sub = {NULL, NULL, EXTRACT_NO_INDEX};
    bool other_ones = false; /* "3 آخرون": others than those named before */
    if (object && strcmp(object, "=") == 0) {
        const extract_figure *like = previous_in_sentence(d, first);
        /* "... تحييد 17 مسلحا. وذكرت أن 12 منهم": a part of the figure the
         * sentence before ended with */
        lexicon_match bm;
        bool of_them = c->end > c->first && link_is(d, c->first, "breakdown", &bm);
        other_ones = !of_them;
        const lexicon_entry *named = !like && of_them ? people_named_before(d, fs, first) : NULL;
        if (!like && of_them && !named)
            like = last_of_sentence_before(d, first);
        /* "قتل 42 نازحا بينهم 8 أطفال، وأصيب 70 آخرون": others are like the
         * whole, not its last part */
        if (like && !of_them)
            like = whole_of_part(d, fs, like);
        /* ... and others than "32 قتيلا" are people, not the dead */
        size_t li = like ? (size_t)(like - d->r->figures) : EXTRACT_NO_INDEX;
        bool toll = li < fs->n_aux && !of_them && like->object &&
                    ((fs->dead && !strcmp(like->object, model_field(fs->dead, 1))) ||
                     (fs->wounded && !strcmp(like->object, model_field(fs->wounded, 1))));
        if (named) {
            object = model_field(named, 1);
            category = model_field(named, 2);
        } else if (like && toll) {
            object = "people";
            category = "people";
        } else if (like) {
            object = like->object;
            category = like->subject_category ? like->subject_category : "other";
            sub = (subject){like->subject_side, like->subject_bloc, like->subject_party};
        } else if (c->end > c->first && word_role(d, c->first, "persons")) {
            /* "مقتل طفل وإصابة ثلاثة آخرين": آخرون is a plural of persons;
             * after a dual, others of its kind ("مقتل جنديين وإصابة 7 آخرين") */
            const lexicon_entry *dual = dual_before_trigger(d, fs, first);
            object = dual ? model_field(dual, 1) : "people";
            category = dual ? model_field(dual, 2) : "people";
        } else if (of_them && verb_of_people_right_before(fs, first)) {
            /* "هاجم مواقع التنظيم وقتل 8 منهم": people of those the pronoun names */
            object = "people";
            category = "people";
        } else {
            return true; /* "others" with nothing before it: not a count we can read */
        }
    }
    const trigger *cause;
    bool weak;
    const char *type = figure_type(d, tr, n_tr, c, category, first, fs->covered, &cause, &weak);
    /* "إن طفلا قتل وأصيب 3 آخرون": the first verb of the pair is said of
     * the one named before it, the second of the others right after it */
    lexicon_match second;
    if (other_ones && cause && !strcmp(type, "casualties") && cause->end == first &&
        cause->end - cause->first >= 2 &&
        lexicon_match_at(d->m->triggers, d->t, cause->end - 1, PROCLITICS_ALL, &second) &&
        second.tok_end == cause->end && second.entry->n_fields >= 2 &&
        strcmp(model_field(second.entry, 1), "casualties") != 0)
        type = model_field(second.entry, 1);
    /* "خرقت إسرائيل وقف إطلاق النار 40 مرة", "قصفت القرية مرتين": the
     * times an attack, a launch, a destruction or a violation was repeated
     * are a count; times of anything else ("نزح 3 مرات") or of nothing ("أكبر
     * بثلاث مرات") are none */
    if (!strcmp(model_field(c->noun, 1), "times")) {
        if (!cause || !(type_fits(cause->type, "materiel") || type_fits(cause->type, "munitions")))
            return true;
        type = "count";
        weak = false;
    }
    if (!sub.side)
        sub = subject_of(d, c, first, sp.end, cause, &category);
    /* A list names the owner once: "قتل 80 عنصرًا من الجيش السوري، وتدمير
     * خمس آليات" — the vehicles are the army's too; not the people its
     * munitions kill ("أطلقت 100 قذيفة ... أدت لمقتل 20 مدنيا"). */
    const extract_figure *before = previous_in_sentence(d, first);
    /* ... and the members of a civilian body stay its members down the list */
    bool civil_before = before && before->subject_party < d->r->n_sources &&
                        civilian_kind(d->r->sources[before->subject_party].kind) &&
                        before->subject_category &&
                        !strcmp(before->subject_category, "civilians") &&
                        (!strcmp(category, "combatants") || !strcmp(category, "people"));
    /* ... unless the figure names an owner of its own after من, one not
     * told apart ("قتل 9 من قوات النظام، فيما قتل 5 من الفصائل") */
    size_t of_at = c->end > c->first ? c->end : num ? num->tok_end : c->end;
    bool own_owner = of_at + 1 < d->t->n_tok && word_role(d, of_at, "of") &&
                     d->t->tok[of_at + 1].sentence == d->t->tok[first].sentence &&
                     d->t->tok[of_at + 1].kind == TOK_WORD && definite(d->t, of_at + 1);
    if (!strcmp(sub.side, "unknown") && !sub.bloc && before && before->subject_side &&
        before->denied == d->denied[first] && !own_owner &&
        (owned_alike(before->subject_category, category) || civil_before)) {
        sub = (subject){before->subject_side, before->subject_bloc, before->subject_party};
        if (civil_before)
            category = "civilians";
    }
    type = resolve_losses(type, category);
    /* "سلمت الحركة جثث 4 رهائن", "أعادت السلطات 15 جثمانا": bodies handed
     * over or given back are counted as handed over, not as a toll */
    if (!strcmp(type, "killed") && cause &&
        ((!strcmp(model_field(c->noun, 1), "bodies") && handed_over(d, fs, cause, first)) ||
         (cause > fs->tr && cause->entry == fs->bodies &&
          handed_over(d, fs, cause - 1, cause->first))))
        type = "count";
    /* "ضبطت القوات 8 أشخاص": a verb of seizure that governs people takes
     * them into custody, as a loss kills people and destroys things; but
     * people taken back (استعاد) are returned ("استعادت العائلات 12 طفلا") */
    if (!strcmp(type, "seized") && cause && !strcmp(cause->type, "seized") &&
        type_fits("captured", category) && count_verb_of(d, tr, n_tr, cause, first) &&
        !taken_back(d->t, cause))
        type = "captured";
    /* "عثرت القوات على 12 صاروخا": weapons and munitions found are seized;
     * anything else found is counted ("العثور على 3 مقابر جماعية") */
    if (!strcmp(type, "count") && cause && fs->finding && cause->entry == fs->finding &&
        (!strcmp(category, "materiel") || !strcmp(category, "munitions")))
        type = "seized";
    /* "استهدفت 3 سفن", "استهدفت الغارات 12 عيادة": what is aimed at is
     * counted as targets struck, not destroyed (أغرقت، دمرت say that); what
     * is aimed at in the air is intercepted ("استهدفت الدفاعات الجوية 6
     * طائرات مسيرة"): destroyed */
    if (weak && !strcmp(type, "destroyed") && cause && aims_at(d->t, cause) && object &&
        strcmp(object, "aircraft") != 0 && strcmp(category, "munitions") != 0)
        type = "count";
    /* A toll broken down by place carries its type over the list, past the
     * reach of the word that typed it. */
    if (!strcmp(type, "count") && before && before->type && strcmp(before->type, "count") &&
        object && before->object && !strcmp(object, before->object) &&
        next_by_place(d, fs->aux[before - d->r->figures].end, first))
        type = before->type;
    /* "عاد القصف بعشرين قذيفة": a return or release counts people, not
     * shells; but a count word right before the munitions counts them
     * ("فككت 3 عبوات ناسفة"). Drones are things that are also launched at
     * a target ("أطلقت 3 طائرات مسيرة"): fired. */
    bool drone = !strcmp(model_field(c->noun, 1), "aircraft");
    bool launched = !strcmp(type, "fired") && drone;
    bool counted_here =
        cause && !strcmp(cause->type, "count") && count_verb_of(d, tr, n_tr, cause, first);
    /* ... and the next object joined by و to what it counted ("فككت 820
     * لغما مضادا للدبابات و34 عبوة ناسفة") */
    if (!counted_here && cause && !strcmp(cause->type, "count") && num && before &&
        glued_to_waw(d->t, num) && !strcmp(before->type, "count") &&
        fs->aux[before - d->r->figures].own_verb == cause->first)
        counted_here = true;
    if (weak_or_trigger_typed(c) &&
        ((!type_fits(type, category) && !launched) ||
         (!strcmp(type, "count") && !strcmp(category, "munitions") && !counted_here))) {
        const char *dtype = model_field(c->noun, 4);
        type = *dtype ? dtype : "count";
    }
    /* "تفجير 320 لغما": mines, which no one fires nor intercepts, are
     * cleared when they are destroyed or detonated: a count (explosive
     * devices destroyed stay destroyed: they may be an attack's) */
    if (!strcmp(type, "destroyed") && !strcmp(model_field(c->noun, 1), "mines"))
        type = "count";
    /* "استهدف القرى بأكثر من 300 قذيفة", "استهدف المطار بثلاث طائرات
     * مسيرة": munitions, and drones the verb would have destroyed, that are
     * the instrument (بـ, or a word of `means`: مستخدمة، باستخدام) of the
     * verb were fired; what the verb did is done to its object. */
    bool munition = !strcmp(category, "munitions") && *model_field(c->noun, 4);
    size_t opens = num ? num->tok_first : first;
    if ((munition || (drone && !strcmp(type, "destroyed"))) &&
        ((num ? instrument(d->t, num->tok_first, num->sp.start)
              : instrument(d->t, first, sp.start)) ||
         (opens > 0 && word_role(d, opens - 1, "means"))))
        type = munition ? model_field(c->noun, 4) : "fired";
    /* "استهدفت سفينة بصاروخين و4 طائرات مسيرة": what is coordinated with
     * the munitions of the instrument was launched with them. */
    if ((!strcmp(category, "munitions") || drone) && coordinated_instrument(d, first))
        type = "fired";
    bool population = num && population_toll(d, num->tok_first);
    if (population)
        type = "count";
    bool vague = num && !num->has_value;
    if (vague && (!strcmp(type, "count") || !strcmp(category, "other")))
        return true; /* "عدد من الفصائل": nobody asserts a count of that */
    const text *t = d->t;
    if (d->r->n_figures >= EXTRACT_MAX_ITEMS) {
        d->r->truncated++; /* past the limit: dropped and counted, as numbers are */
        return true;
    }
    fig_aux *aux = stages_push((void **)&fs->aux, &fs->n_aux, &fs->cap_aux, sizeof *aux);
    if (!aux)
        return false;
    extract_figure *f =
        stages_push((void **)&d->r->figures, &d->r->n_figures, &fs->cap_fig, sizeof *f);
    if (!f) {
        fs->n_aux--;
        return false;
    }
    aux->first = token_holding(t, sp.start, 0);
    aux->end = token_holding(t, sp.end - 1, aux->first) + 1;
    aux->weak_type = weak;
    aux->of_them = false;
    aux->own_verb = cause ? cause->first : EXTRACT_NO_INDEX;
    aux->since = since_counted(d, aux->first, aux->end, &aux->cumulative);
    size_t update =
        governed_by_update(d, token_holding(t, num ? num->value_sp.start : sp.start, first));
    bool feared = num && feared_ceiling(d, num->tok_first);
    aux->update = update != EXTRACT_NO_INDEX && !population && !feared;
    size_t restate = aux->update || !num || population || feared ? EXTRACT_NO_INDEX
                                                                 : restated_toll(d, num->tok_first);
    aux->restate = restate != EXTRACT_NO_INDEX;
    if (aux->restate)
        update = restate;
    /* ليرتفع، لترتفع، ليصل: the lam of purpose and result on the verb; "ما
     * يرفع", "مما يرفع", "وبذلك ترتفع": a relative or a "thereby" before it */
    bool word_before = (aux->update || aux->restate) && update > 0 &&
                       t->tok[update - 1].sentence == t->tok[update].sentence;
    aux->thereby = word_before &&
                   stages_word_is(t, update - 1,
                                  (const char *const[]){"بذلك", "وبذلك", "وبهذا", "بهذا", NULL});
    aux->result =
        (aux->update || aux->restate) &&
        (t->cp[t->tok[update].sp.start] == 0x0644 || aux->thereby ||
         (word_before && stages_word_is(t, update - 1, (const char *const[]){"ما", "مما", NULL})));
    aux->toll_noun =
        !object || *model_field(c->noun, 3) || c->noun == fs->people || c->noun == fs->dead;
    for (size_t k = aux->first; k < aux->end && k < t->n_tok; k++)
        fs->covered[k] = true;
    f->sp = sp;
    /* from the sentence it starts in to the one it ends in: a long
     * sentence's cut (TEXT_SENTENCE_MAX_TOKENS) may fall inside a figure */
    f->quote = t->sentences[t->tok[first].sentence];
    if (aux->end > aux->first && aux->end <= t->n_tok) {
        span last = t->sentences[t->tok[aux->end - 1].sentence];
        if (last.end > f->quote.end)
            f->quote.end = last.end;
    }
    f->value = num ? num->value : 2;
    f->has_value = num ? num->has_value : true;
    f->value_max = num ? num->value_max : 0;
    f->has_max = num && num->has_max;
    f->qual = num ? num->qual : QUAL_EXACT;
    f->type = type;
    f->object = object;
    f->subject_category = !strcmp(category, "other") ? NULL : category;
    f->subject_side = sub.side;
    f->subject_bloc = sub.bloc;
    f->subject_party = sub.party;
    f->claimant = d->speaker[first];
    f->denied = d->denied[first];
    f->place = figure_place(d, aux->first, aux->end);
    f->number = num ? num_index : EXTRACT_NO_INDEX;
    f->part_of = EXTRACT_NO_INDEX;
    f->supersedes = EXTRACT_NO_INDEX;
    if (num)
        d->r->number_is_figure[num_index] = true;
    return true;
}

/* The sentence of the token that holds code point `cp`. */
static uint32_t sentence_of_cp(const text *t, uint32_t cp)
{
    return t->n_tok ? t->tok[token_holding(t, cp, 0)].sentence : 0;
}

/* Is the place mention at token pf an item after و ("بلدة X ومدينة Y"): a
 * second place, not one that locates the first? */
static bool coordinated(const text *t, size_t pf)
{
    return !strncmp(t->tok[pf].norm, "و", strlen("و")) ||
           (pf > 0 && stages_word_is(t, pf - 1, (const char *const[]){"و", NULL}));
}

/* Is model place q the city that gives governorate g its name (إدلب of
 * محافظة إدلب)? Named after a town ("سرمين شرق إدلب"), it stands for the
 * governorate. */
static bool names_its_governorate(const extract_model *m, size_t q, size_t g)
{
    const char *city = m->places[q].name, *gov = m->places[g].name;
    size_t nc = strlen(city), ng = strlen(gov);
    return !strcmp(m->places[q].kind, "city") && m->governorate_of[q] == g && ng > nc &&
           !strcmp(gov + ng - nc, city) && gov[ng - nc - 1] == ' ';
}

/* Does the sentence of figure f name only its place and what holds it (its
 * governorate, or the city it is named after, a region of it, its
 * country): one place, as a lead names it ("في بلدة X بريف Y"), not a list
 * of places ("مدينتي X وY") or a path between them? */
static bool names_one_place(const doc_state *d, const fig_aux *aux, size_t f)
{
    const extract_model *m = d->m;
    const text *t = d->t;
    size_t at = d->r->figures[f].place, g = m->governorate_of[at];
    uint32_t s = t->tok[aux[f].first].sentence;
    for (size_t p = 0; p < d->r->n_places; p++) {
        size_t q = d->r->places[p].place;
        const char *kind = m->places[q].kind;
        if (t->tok[d->place_toks[p].first].sentence != s || q == at || !strcmp(kind, "country"))
            continue;
        if (g == EXTRACT_NO_INDEX || m->governorate_of[q] != g ||
            (strcmp(kind, "governorate") != 0 && strcmp(kind, "region") != 0 &&
             (!names_its_governorate(m, q, g) || coordinated(t, d->place_toks[p].first))))
            return false;
    }
    return true;
}

/* A figure whose sentence names no place happened where the report's
 * figure before it did: the lead names the place, the sentences that
 * develop it do not repeat it ("قتل 5 مدنيين في قصف على بلدة X. وقال
 * الدفاع المدني إن بينهم طفلين"). Only in a report whose lead, the first
 * sentence with a placed figure, names one place (names_one_place: not a
 * report on several towns, whose totals lie in none of them), only from a
 * sentence that names one place, and not past a sentence that names a
 * place of its own, known or not: the report has moved there. 0, or -1
 * out of memory. */
static int carry_places(doc_state *d, const fig_aux *aux)
{
    const text *t = d->t;
    const extract_result *r = d->r;
    if (r->n_figures < 2 || t->n_sentences == 0)
        return 0;
    bool *names_place = calloc(t->n_sentences, sizeof *names_place);
    if (!names_place)
        return -1;
    for (size_t p = 0; p < r->n_places; p++)
        names_place[t->tok[d->place_toks[p].first].sentence] = true;
    for (size_t p = 0; p < r->n_unresolved_places; p++)
        names_place[sentence_of_cp(t, r->unresolved_places[p].sp.start)] = true;
    /* "ومن بين القتلى 12 طفلا": a part with no place of its own happened
     * where its whole did */
    for (size_t f = 0; f < r->n_figures; f++) {
        size_t whole = r->figures[f].part_of;
        if (r->figures[f].place == EXTRACT_NO_INDEX && whole != EXTRACT_NO_INDEX &&
            !names_place[t->tok[aux[f].first].sentence])
            d->r->figures[f].place = r->figures[whole].place;
    }
    /* "وفي وقت لاحق، أعلنت الوزارة ارتفاع الحصيلة إلى 38 قتيلا": an update
     * with no place of its own is of the toll it replaces, where that was */
    for (size_t f = 0; f < r->n_figures; f++) {
        size_t was = r->figures[f].supersedes;
        if (r->figures[f].place == EXTRACT_NO_INDEX && was != EXTRACT_NO_INDEX && was < f &&
            !names_place[t->tok[aux[f].first].sentence])
            d->r->figures[f].place = r->figures[was].place;
    }
    size_t from = EXTRACT_NO_INDEX; /* the last figure with a place */
    size_t lead = 0;
    while (lead < r->n_figures && r->figures[lead].place == EXTRACT_NO_INDEX)
        lead++;
    bool one_place_report = lead < r->n_figures && names_one_place(d, aux, lead);
    for (size_t f = 0; f < r->n_figures && one_place_report; f++) {
        uint32_t s = t->tok[aux[f].first].sentence;
        if (r->figures[f].place == EXTRACT_NO_INDEX && from != EXTRACT_NO_INDEX) {
            uint32_t s_from = t->tok[aux[from].first].sentence;
            bool moved = false;
            for (uint32_t k = s_from + 1; k <= s && !moved; k++)
                moved = names_place[k];
            if (!moved && names_one_place(d, aux, from))
                d->r->figures[f].place = r->figures[from].place;
        }
        if (r->figures[f].place != EXTRACT_NO_INDEX)
            from = f;
    }
    free(names_place);
    return 0;
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

/* Where a figure lies: its place, else its area (a model place index, or
 * EXTRACT_NO_INDEX). */
static size_t figure_site(const extract_figure *f)
{
    return f->place != EXTRACT_NO_INDEX ? f->place : f->area;
}

/* The conflict fought in the country of model place `at`, or NULL (none,
 * or at is EXTRACT_NO_INDEX). */
static const char *conflict_at(const extract_model *m, size_t at)
{
    size_t country = at != EXTRACT_NO_INDEX ? m->country_of[at] : EXTRACT_NO_INDEX;
    return country != EXTRACT_NO_INDEX ? model_conflict_in(m, m->places[country].id) : NULL;
}

/* The war a figure is about is the one fought in the country of its place,
 * else of its area. There a noun's own side (جندي: the state's soldiers,
 * مسلح: the armed groups fighting it) names the camp of that side
 * (blocs.tsv): sy.opposition in Aleppo, ye.government in Marib, none where
 * that war's nouns name no one camp; and the people of a bloc of another war
 * count in the bloc it has there (blocs.tsv, elsewhere): Hezbollah's
 * fighters killed in south Lebanon in lb.hezbollah, or in none. */
static void place_blocs(doc_state *d)
{
    const extract_model *m = d->m;
    for (size_t i = 0; i < d->r->n_figures; i++) {
        extract_figure *f = &d->r->figures[i];
        const char *conflict = conflict_at(m, figure_site(f));
        if (!conflict)
            continue;
        if (f->subject_bloc)
            f->subject_bloc = model_bloc_in(m, f->subject_bloc, conflict);
        else if (f->subject_side && strcmp(f->subject_side, "unknown") != 0)
            f->subject_bloc = model_side_bloc(m, conflict, f->subject_side);
    }
}

/* The conflict most of the document's figures lie in (by their place,
 * else their area), the one named first on a tie; where no figure lies in
 * a war (a report of clashes or of a statement that counts nothing), the
 * one most of the places it names lie in; NULL when neither tells. */
static const char *document_conflict(const doc_state *d)
{
    const extract_model *m = d->m;
    const extract_result *r = d->r;
    for (int by_places = 0; by_places < 2; by_places++) {
        size_t n_sites = by_places ? r->n_places : r->n_figures;
        const char *best = NULL;
        size_t best_n = 0, best_first = SIZE_MAX;
        for (size_t k = 0; k < m->n_conflicts; k++) {
            size_t n = 0, first = SIZE_MAX;
            for (size_t i = 0; i < n_sites; i++) {
                size_t at = by_places ? r->places[i].place : figure_site(&r->figures[i]);
                if (conflict_at(m, at) == m->conflicts[k].id && n++ == 0)
                    first = i;
            }
            if (n > best_n || (n && n == best_n && first < best_first)) {
                best = m->conflicts[k].id;
                best_n = n;
                best_first = first;
            }
        }
        if (best)
            return best;
    }
    return NULL;
}

/* A civil defence named bare ("الدفاع المدني") is the one of the war the
 * document reports: every country has its own, and the list resolves the
 * bare name to one of them. Swapped when the document's conflict has
 * exactly one national civil defence (kind civil_defence, no parent); when
 * the text names that one too, the bare name repeats it ("الدفاع المدني في
 * غزة" ... "وأضاف الدفاع المدني") and is merged into it. 0, or -1 out of
 * memory. */
static int local_civil_defence(doc_state *d, const char *conflict)
{
    const extract_model *m = d->m;
    if (!conflict)
        return 0;
    const extract_source *local = NULL;
    size_t n_local = 0;
    for (size_t i = 0; i < m->n_sources; i++) {
        const extract_source *s = &m->sources[i];
        if (!strcmp(s->kind, "civil_defence") && !s->parent_id &&
            model_bloc_fights_in(m, s->bloc, conflict)) {
            local = s;
            n_local++;
        }
    }
    if (n_local != 1)
        return 0;
    size_t named = EXTRACT_NO_INDEX;
    for (size_t i = 0; i < d->r->n_sources; i++)
        if (!strcmp(d->r->sources[i].id, local->id))
            named = i;
    for (size_t i = 0; i < d->r->n_sources; i++) {
        extract_source *s = &d->r->sources[i];
        if (!strcmp(s->kind, "civil_defence") && !s->parent_id && s->bloc &&
            !model_bloc_fights_in(m, s->bloc, conflict)) {
            if (named == EXTRACT_NO_INDEX)
                *s = *local;
            else if (sources_merge_into(d, i, named) != 0)
                return -1;
            return 0;
        }
    }
    return 0;
}

static bool with_article(const text *t, const lexicon_match *m);

/* The noun right before a number word that follows it ("امرأة واحدة",
 * "مدنيين اثنين", "عسكريين روسيين اثنين": one adjective may stand between). */
/* A number word after its noun agrees with it: "الجنديان الاثنان" but
 * "جنديان اثنان". With the article after a noun without it, it is no
 * number of that noun: "قتل 14 مدنيا الاثنين" (on Monday). */
static bool agrees_in_definiteness(const doc_state *d, const number *num, const counted *c)
{
    const text *t = d->t;
    lexicon_match nm = {NULL, num->sp, num->tok_first, num->tok_end, false};
    if (!with_article(t, &nm))
        return true;
    if (lexicon_match_at(d->m->nouns, t, c->first, PROCLITICS_ALL, &nm) ||
        lexicon_match_at(d->m->duals, t, c->first, PROCLITICS_ALL, &nm))
        /* an adjective between agrees too: "الجنديين السوريين الاثنين" */
        return with_article(t, &nm) && (nm.tok_end == num->tok_first ||
                                        (nm.tok_end < num->tok_first &&
                                         !strncmp(t->tok[nm.tok_end].norm, "ال", strlen("ال"))));
    return false;
}

/* Does token i end as a sound plural with its ن (مواطنين، يمنيون)? */
static bool sound_plural(const text *t, size_t i)
{
    const char *w = t->tok[i].norm;
    size_t n = strlen(w);
    return t->tok[i].kind == TOK_WORD && n > strlen("ين") + 2 &&
           (!strcmp(w + n - strlen("ين"), "ين") || !strcmp(w + n - strlen("ون"), "ون"));
}

static bool noun_just_before(const doc_state *d, size_t i, counted *c)
{
    const text *t = d->t;
    for (size_t back = 1; back <= 3 && back <= i; back++) {
        size_t k = i - back;
        lexicon_match nm;
        if (t->tok[k].sentence != t->tok[i].sentence || t->tok[k].kind == TOK_PUNCT)
            return false;
        if (nm.tok_end = 0, lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &nm) ||
                                lexicon_match_at(d->m->duals, t, k, PROCLITICS_ALL, &nm)) {
            /* "من عائلة واحدة": of one family, not a count of families;
             * "أفراد عائلة واحدة": nor after a noun it completes in
             * construct, which has no article (and no و: "طفل وامرأة
             * واحدة" counts her) */
            lexicon_match head, dual_head;
            /* "مواطنين يمنيين اثنين": a sound plural that keeps its ن is no
             * construct head (that drops it: مواطني); the noun after it is
             * its attribute, and it is what the number counts */
            if (k > 0 && nm.tok_end == i && t->cp[t->tok[k].sp.start] != 0x0648 &&
                t->tok[k - 1].sentence == t->tok[k].sentence &&
                lexicon_match_at(d->m->nouns, t, k - 1, PROCLITICS_ALL, &head) &&
                head.tok_end == k && !with_article(t, &head) && sound_plural(t, k - 1) &&
                sound_plural(t, k) && strcmp(model_field(head.entry, 1), "=") != 0 &&
                !lexicon_match_at(d->m->duals, t, k - 1, PROCLITICS_ALL, &dual_head)) {
                *c = (counted){head.entry, k - 1, k + 1, {head.sp.start, t->tok[k].sp.end}};
                return true;
            }
            /* "دمر 200 منزل في قرية واحدة": in one village, where it
             * happened, not a count of villages */
            if (k > 0 && t->tok[k - 1].sentence == t->tok[k].sentence &&
                stages_word_is(t, k - 1, (const char *const[]){"في", "وفي", NULL}))
                return false;
            if (nm.tok_end + 1 < i || nm.tok_end > i || (k > 0 && word_role(d, k - 1, "of")) ||
                (k > 0 && t->cp[t->tok[k].sp.start] != 0x0648 &&
                 t->tok[k - 1].sentence == t->tok[k].sentence &&
                 lexicon_match_at(d->m->nouns, t, k - 1, PROCLITICS_ALL, &head) &&
                 head.tok_end == k && !with_article(t, &head) &&
                 strncmp(t->tok[k - 1].norm, "ال", strlen("ال")) != 0))
                return false;
            const lexicon_entry *noun = nm.entry;
            if (lexicon_match_at(d->m->duals, t, k, PROCLITICS_ALL, &nm) && nm.entry == noun)
                noun = lexicon_entry_at(d->m->nouns,
                                        (size_t)strtoul(model_field(nm.entry, 1), NULL, 10));
            if (!strcmp(model_field(noun, 1), "="))
                return false; /* "اثنان آخران" is read the other way round */
            /* "جنديين سوريين اثنين": a nisba plural right after a dual noun
             * (no و between) is its attribute; the number word repeats the
             * dual, which is what it counts */
            lexicon_match dual;
            if (k > 0 && t->cp[t->tok[k].sp.start] != 0x0648 &&
                t->tok[k - 1].sentence == t->tok[k].sentence &&
                lexicon_match_at(d->m->duals, t, k - 1, PROCLITICS_ALL, &dual) &&
                dual.tok_end == k && !with_article(t, &dual)) {
                noun = lexicon_entry_at(d->m->nouns,
                                        (size_t)strtoul(model_field(dual.entry, 1), NULL, 10));
                *c = (counted){noun, k - 1, nm.tok_end, {dual.sp.start, nm.sp.end}};
                return true;
            }
            *c = (counted){noun, k, nm.tok_end, nm.sp};
            return true;
        }
    }
    return false;
}

/* The people a possessed plural names before number word i with the
 * article: "وأطفاله الثلاثة" (his three children), "أبناؤه الأربعة". The
 * pronoun is taken off and the plural looked up among the counted nouns of
 * people; the hamza the pronoun moved onto و or ي (أبناؤه، أبنائه) goes
 * back to the line, the ة it made ت (إخوته) comes back, and the ن of a
 * sound plural it dropped (مقاتليه) is put back. */
static bool possessed_people(const doc_state *d, size_t i, counted *c)
{
    static const char *const pronouns[] = {"هما", "هم", "هن", "ها", "ه", "نا", NULL};
    const text *t = d->t;
    if (i == 0 || t->tok[i - 1].sentence != t->tok[i].sentence || t->tok[i - 1].kind != TOK_WORD)
        return false;
    size_t k = i - 1;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t letters[TEXT_PROCLITIC_MAX];
    size_t n = text_proclitic_forms(t->tok[k].norm, true, forms, letters, TEXT_PROCLITIC_MAX);
    for (size_t f = 0; f < n; f++)
        for (size_t p = 0; pronouns[p]; p++) {
            size_t len = strlen(forms[f]), plen = strlen(pronouns[p]);
            /* a stem of two letters at least (two bytes each) */
            if (len < plen + 4 || strcmp(forms[f] + len - plen, pronouns[p]) != 0)
                continue;
            char stem[TOKEN_NORM_MAX + 2];
            size_t sl = len - plen;
            memcpy(stem, forms[f], sl);
            stem[sl] = '\0';
            char *last = stem + sl - 2;
            bool after_alef = sl >= 4 && !strncmp(last - 2, "ا", 2);
            const char *repair = NULL;
            if (after_alef && (!strcmp(last, "و") || !strcmp(last, "ي")))
                repair = "ء";
            else if (!strcmp(last, "ت"))
                repair = "ه";
            const lexicon_entry *noun = lexicon_find(d->m->nouns, stem);
            if (!noun && repair) {
                memcpy(last, repair, strlen(repair) + 1); /* two bytes for two */
                noun = lexicon_find(d->m->nouns, stem);
            } else if (!noun && !strcmp(last, "ي")) {
                memcpy(stem + sl, "ن", sizeof "ن"); /* room: stem has two bytes more */
                noun = lexicon_find(d->m->nouns, stem);
            }
            if (!noun)
                continue;
            const char *category = model_field(noun, 2);
            if (strcmp(category, "people") && strcmp(category, "civilians") &&
                strcmp(category, "combatants"))
                return false;
            uint32_t start = text_skip_letters(t, k, letters[f]);
            *c = (counted){noun, k, i, {start, t->tok[k].sp.end}};
            return true;
        }
    return false;
}

/* Does a verb that qualifies a number (qualifiers.tsv, before it: تجاوز،
 * لم يتجاوز، ناهز) end right before token head? The longest phrase first:
 * لم يتجاوز caps, يتجاوز exceeds. */
static bool qualifying_verb_before(const doc_state *d, size_t head, qualifier *q)
{
    const text *t = d->t;
    for (size_t back_verb = LEXICON_MAX_WORDS; back_verb >= 1; back_verb--) {
        lexicon_match m;
        size_t at = head - back_verb;
        if (back_verb <= head && t->tok[at].sentence == t->tok[head].sentence &&
            lexicon_match_at(d->m->qualifiers, t, at, PROCLITICS_ALL, &m) && m.tok_end == head &&
            strcmp(model_field(m.entry, 2), "after") != 0 &&
            qualifier_parse(model_field(m.entry, 1), q))
            return true;
    }
    return false;
}

/* The first token of the date, year, time or span of time that holds
 * token k, or EXTRACT_NO_INDEX. */
static size_t time_number_holding(const doc_state *d, size_t k)
{
    const unsigned when = NUMFLAG_DATE | NUMFLAG_YEAR | NUMFLAG_TIME | NUMFLAG_DURATION;
    for (size_t n = 0; n < d->r->n_numbers; n++) {
        const number *num = &d->r->numbers[n];
        if (num->tok_first > k)
            break;
        if (k < num->tok_end && (num->flags & when))
            return num->tok_first;
    }
    return EXTRACT_NO_INDEX;
}

/* Is a trigger's type one a toll of people counts (killed, injured,
 * casualties, captured, displaced)? */
static bool toll_of_people(const char *type)
{
    static const char *const people_types[] = {"killed",   "injured",   "casualties",
                                               "captured", "displaced", NULL};
    for (size_t p = 0; people_types[p]; p++)
        if (!strcmp(type, people_types[p]))
            return true;
    return false;
}

/* The type of a toll named right after its number, the link before it
 * ("يرتفع إلى 1245 عدد قتلى قوات النظام", "وارتفع إلى 30 عدد الشهداء"): a
 * toll head, then a trigger of people; NULL when the number is no such. */
static const char *toll_after_its_number(const doc_state *d, const fig_state *fs, const number *num)
{
    const text *t = d->t;
    size_t i = num->tok_first, head = num->tok_end;
    if (i == 0 || head + 1 >= t->n_tok || t->tok[i - 1].sentence != t->tok[i].sentence ||
        t->tok[head + 1].sentence != t->tok[i].sentence || !word_role(d, i - 1, "toll_link") ||
        !word_role(d, head, "toll_head"))
        return NULL;
    /* "عدد المدنيين الذين قتلوا": the people, then what befell them */
    size_t said = head + 1;
    lexicon_match nm;
    if (lexicon_match_at(d->m->nouns, t, head + 1, PROCLITICS_ALL, &nm) &&
        nm.tok_first == head + 1 && nm.tok_end + 1 < t->n_tok &&
        t->tok[nm.tok_end + 1].sentence == t->tok[i].sentence &&
        stages_word_in(d, nm.tok_end, FW_RELATIVE_PRONOUN))
        said = nm.tok_end + 1;
    for (size_t k = 0; k < fs->n_tr && fs->tr[k].first <= said; k++)
        if (fs->tr[k].first == said && toll_of_people(fs->tr[k].type))
            return fs->tr[k].type;
    return NULL;
}

/* "عدد المفقودين بلغ 8000", "عدد غارات العدوان بلغ 17", "إجمالي الألغام
 * المنزوعة إلى 471506": a toll head at token k whose counted noun follows
 * it at once names what the bare number at token i counts (*of). */
static bool toll_noun_after_head(const doc_state *d, size_t k, size_t i, counted *of)
{
    lexicon_match nm;
    if (k + 1 >= i || word_role(d, k + 1, "population") /* "عدد سكان المخيم" */ ||
        !lexicon_match_at(d->m->nouns, d->t, k + 1, PROCLITICS_ALL, &nm) || nm.tok_first != k + 1 ||
        nm.tok_end > i || !strcmp(model_field(nm.entry, 1), "="))
        return false;
    *of = (counted){nm.entry, nm.tok_first, nm.tok_end, nm.sp};
    return true;
}

/* "القتلى وعددهم 40", "المعتقلين البالغ عددهم 25", "الجرحى، وعددهم 12،": a
 * toll head with the pronoun of a toll or a counted noun named right before
 * it (past a comma, a link such as البالغ or both) heads the bare number at
 * token i: it counts what that toll names, or that noun (*of). */
static bool count_of_the_named(const doc_state *d, const fig_state *fs, size_t i, counted *of)
{
    const text *t = d->t;
    size_t k = i - 1;
    uint32_t s = t->tok[i].sentence;
    if (!word_role(d, k, "toll_head") || !possessive(t, k))
        return false;
    size_t p = k;
    if (p > 0 && t->tok[p - 1].sentence == s && word_role(d, p - 1, "toll_link"))
        p--;
    static const uint32_t commas[] = {',', 0x060C, 0};
    if (p > 0 && mark_in(t, p - 1, commas))
        p--;
    if (p == 0 || t->tok[p - 1].sentence != s)
        return false;
    /* عددهم، عددهن، عددهما count persons: not the bus or the house of "ركاب
     * الحافلة وعددهم 6", "من كان في المنزل وعددهم 9" */
    const char *pn = t->tok[k].norm;
    size_t pl = strlen(pn);
    bool persons = (pl > 4 && (!strcmp(pn + pl - 4, "هم") || !strcmp(pn + pl - 4, "هن"))) ||
                   (pl > 6 && !strcmp(pn + pl - 6, "هما"));
    enum { NAMED_BACK = 6 }; /* "قتل جميع من كان في المنزل وعددهم 9" */
    size_t reach = persons ? NAMED_BACK : 0;
    size_t from = p > LEXICON_MAX_WORDS + reach ? p - LEXICON_MAX_WORDS - reach : 0;
    for (size_t g = trigger_from(fs->tr, fs->n_tr, from); g < fs->n_tr && fs->tr[g].first < p; g++)
        if (fs->tr[g].end == p && toll_of_people(fs->tr[g].type))
            return true;
    for (size_t q = from; q < p; q++) {
        lexicon_match nm;
        if (!lexicon_match_at(d->m->nouns, t, q, PROCLITICS_ALL, &nm) || t->tok[q].sentence != s ||
            !strcmp(model_field(nm.entry, 1), "="))
            continue;
        const char *cat = model_field(nm.entry, 2);
        bool of_persons =
            !strcmp(cat, "combatants") || !strcmp(cat, "civilians") || !strcmp(cat, "people");
        /* ... the people of a thing named after them: "ركاب الحافلة" */
        if ((nm.tok_end == p && (!persons || of_persons)) ||
            (persons && of_persons && nm.tok_end + 1 == p && definite(t, p - 1))) {
            *of = (counted){nm.entry, nm.tok_first, nm.tok_end, nm.sp};
            return true;
        }
    }
    /* "قتل جميع من فيه وعددهم 6": the persons whom the last word of what
     * happened befell, a toll of people, named by a few words of their own */
    const trigger *last = NULL;
    for (size_t g = trigger_from(fs->tr, fs->n_tr, from);
         persons && g < fs->n_tr && fs->tr[g].end < p; g++)
        last = &fs->tr[g];
    if (!last || !toll_of_people(last->type) || t->tok[last->first].sentence != s)
        return false;
    for (size_t j = last->end; j < p; j++)
        if (t->tok[j].kind != TOK_WORD || fs->covered[j] ||
            (word_role(d, j, "clause") && strcmp(t->tok[j - 1].norm, "من") != 0)) /* من كانوا */
            return false;
    return true;
}

static bool after_colon(const text *t, size_t i);

/* "- الشهداء: 112", "المنازل المدمرة: 86": in a bulletin, a toll of people
 * or a counted noun (and its adjective) heads its line and a colon gives its
 * number, which closes the line or its clause. */
static bool toll_before_colon(const doc_state *d, const fig_state *fs, size_t i, size_t next,
                              counted *of)
{
    static const uint32_t closers[] = {',', 0x060C, '.', ';', 0x061B, 0};
    const text *t = d->t;
    if (!after_colon(t, i) || i < 2 || t->tok[i - 2].sentence != t->tok[i].sentence ||
        t->tok[i - 2].kind != TOK_WORD)
        return false;
    if (next < t->n_tok && t->tok[next].sentence == t->tok[i].sentence &&
        !mark_in(t, next, closers))
        return false;
    size_t colon = i - 1, from = colon > LEXICON_MAX_WORDS ? colon - LEXICON_MAX_WORDS : 0;
    /* the heading starts its line: a bullet or nothing before it */
    size_t start = colon - 1;
    while (start > 0 && t->tok[start - 1].kind == TOK_WORD &&
           t->tok[start - 1].sentence == t->tok[i].sentence && colon - start < 3)
        start--;
    bool heads_line =
        start == 0 || t->tok[start].newline_before ||
        (stages_bulleted(t, start - 1) && (start == 1 || t->tok[start - 1].newline_before));
    if (!heads_line)
        return false;
    /* "- الشهداء: 112", "- عدد الشهداء: 112" */
    size_t named = start;
    if (named + 1 < colon &&
        (word_role(d, named, "toll_head") || word_role(d, named, "death_toll")))
        named++;
    for (size_t g = trigger_from(fs->tr, fs->n_tr, from); g < fs->n_tr && fs->tr[g].first < colon;
         g++)
        if (fs->tr[g].first == named && fs->tr[g].end == colon && toll_of_people(fs->tr[g].type))
            return true;
    lexicon_match nm;
    if (lexicon_match_at(d->m->nouns, t, start, PROCLITICS_ALL, &nm) &&
        (nm.tok_end == colon || nm.tok_end + 1 == colon) &&
        strcmp(model_field(nm.entry, 1), "=") != 0) {
        *of = (counted){nm.entry, nm.tok_first, nm.tok_end, nm.sp};
        return true;
    }
    return false;
}

/* A bare number after a toll named before it in its clause ("عدد الجرحى
 * بلغ 8408", "ارتفعت حصيلة القتلى إلى 106", "والإصابات 197"), or right
 * after a verb of what happens to people ("وأصيب 33 بجروح"): it counts
 * people, or the noun a toll head names (*of). */
static bool bare_toll(const doc_state *d, const fig_state *fs, const number *num, counted *of)
{
    of->noun = NULL;
    const text *t = d->t;
    size_t i = num->tok_first;
    size_t next = num->tok_end;
    /* "بلغ /29600/", "والجرحى (40)": the number in slashes or brackets */
    if (i > 0 && is_open_mark(t, i - 1) && is_close_mark(t, next) &&
        t->tok[next].sentence == t->tok[i].sentence) {
        i--;
        next++;
    }
    if (i == 0 || t->tok[i - 1].sentence != t->tok[i].sentence)
        return false;
    if (count_of_the_named(d, fs, i, of) || toll_before_colon(d, fs, i, next, of))
        return true;
    for (size_t k = 0; k < fs->n_tr; k++) {
        const trigger *g = &fs->tr[k];
        if (g->end > i)
            break;
        if (g->end != i && !(g->end + 1 == i && word_role(d, i - 1, "toll_link")))
            continue;
        if (toll_of_people(g->type))
            return true;
    }
    bool linked = word_role(d, i - 1, "toll_link");
    /* "عدد القتلى ... بلغ": a toll head and a trigger before the link; a
     * date may stand between ("عدد المستسلمين منذ 9 يناير بلغ", "حصيلة
     * الشهداء منذ السابع من تشرين الأول الماضي إلى"). */
    enum { TOLL_HEAD_BACK = 10 };
    for (size_t back = 2; linked && back <= TOLL_HEAD_BACK && back <= i; back++) {
        size_t k = i - back;
        size_t when = time_number_holding(d, k);
        if (when != EXTRACT_NO_INDEX && t->tok[when].sentence == t->tok[i].sentence) {
            back = i - when;
            continue;
        }
        if (t->tok[k].sentence != t->tok[i].sentence || t->tok[k].kind != TOK_WORD)
            break;
        if (word_role(d, k, "toll_head") || word_role(d, k, "death_toll")) {
            for (size_t g = 0; g < fs->n_tr; g++)
                if (fs->tr[g].first >= k && fs->tr[g].end < i) /* "حصيلة القتلى لاحقا إلى" */
                    if (toll_of_people(fs->tr[g].type))
                        return true;
            return toll_noun_after_head(d, k, i, of);
        }
    }
    /* Farther, or with no link right before the number, the toll's noun
     * follows its head at once and only what the toll is of, where or when
     * lies between: "وارتفع عدد النازحين جراء القصف الذي استهدف البلدة ظهر
     * اليوم إلى 5000". With no link, a link verb opens the toll: "بلغ عدد
     * القتلى مساء أمس 20", "وصل عدد الجرحى في المدينة 40". A mark, a clause
     * word or another number ends the search: the number counts something
     * else then. With no link, the number closes its clause (a mark, و or
     * ف, a qualifier after it): one that goes on is a day, a floor or a
     * name ("حتى يوم 15 الشهر الجاري"). */
    lexicon_match qm;
    if (!linked && next < t->n_tok && t->tok[next].kind == TOK_WORD &&
        t->tok[next].sentence == t->tok[i].sentence && t->cp[t->tok[next].sp.start] != 0x0648 &&
        t->cp[t->tok[next].sp.start] != 0x0641 &&
        !lexicon_match_at(d->m->qualifiers, t, next, PROCLITICS_ALL, &qm))
        return false;
    size_t reach = d->m->windows[WIN_UPDATE_REACH_WORDS];
    for (size_t back = 1; back <= reach && back <= i; back++) {
        size_t k = i - back;
        if (t->tok[k].sentence != t->tok[i].sentence || t->tok[k].kind != TOK_WORD ||
            fs->covered[k] || word_role(d, k, "clause"))
            return false;
        if (!word_role(d, k, "toll_head") && !word_role(d, k, "death_toll"))
            continue;
        /* ... or a verb that qualifies it: "تجاوز عدد القتلى المدنيين 70" */
        qualifier vq;
        if (!linked &&
            (k == 0 || !word_role(d, k - 1, "toll_link") || !strcmp(t->tok[k - 1].norm, "الي")) &&
            !qualifying_verb_before(d, k, &vq))
            return false;
        for (size_t g = 0; g < fs->n_tr; g++)
            if ((fs->tr[g].first == k + 1 || fs->tr[g].first == k) /* "حصيلة القتلى" */ &&
                fs->tr[g].end < i)
                if (toll_of_people(fs->tr[g].type))
                    return true;
        return toll_noun_after_head(d, k, i, of);
    }
    return false;
}

/* Do the tokens [from, to) hold a breakdown word with the masculine plural
 * pronoun (بينهم, من بينهم, منهم), which a whole of women never takes? */
static bool masculine_breakdown_between(const doc_state *d, size_t from, size_t to)
{
    lexicon_match m;
    for (size_t k = from; k < to; k++)
        if (link_is(d, k, "breakdown", &m)) {
            const char *n = d->t->tok[m.tok_end - 1].norm;
            size_t len = strlen(n);
            return len > strlen("هم") && !strcmp(n + len - strlen("هم"), "هم");
        }
    return false;
}

/* Do the tokens [from, to) hold a breakdown word (بينهم, منهم)? */
static bool breakdown_between(const doc_state *d, size_t from, size_t to)
{
    lexicon_match m;
    for (size_t k = from; k < to; k++)
        if (link_is(d, k, "breakdown", &m))
            return true;
    return false;
}

/* Does a word of what happened, joined by و or ف and without the article,
 * stand in the tokens [from, to)? "قتل 20 مدنيا بينهم نساء وتدمير 7
 * منازل": the houses are another event's count, no part of the dead
 * ("وبين القتلى والمصابين 12 طفلا" names the toll broken down). */
static bool event_joined_between(const doc_state *d, size_t from, size_t to)
{
    const text *t = d->t;
    lexicon_match m;
    for (size_t k = from; k < to; k++) {
        const char *w = t->tok[k].norm;
        if (t->tok[k].kind == TOK_WORD &&
            (!strncmp(w, "و", strlen("و")) || !strncmp(w, "ف", strlen("ف"))) &&
            strncmp(w + strlen("و"), "ال", strlen("ال")) != 0 &&
            lexicon_match_at(d->m->triggers, t, k, PROCLITICS_ALL, &m) &&
            m.sp.start > t->tok[k].sp.start)
            return true;
    }
    return false;
}

/* Only punctuation, brackets and و between: "3 أطفال وامرأة", "(67 امرأة". */
static bool only_marks_between(const text *t, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (t->tok[k].kind != TOK_PUNCT && strcmp(t->tok[k].norm, "و") != 0)
            return false;
    return true;
}

/* Is figure i, joined by و to the part p before it and counting the same,
 * the last part of p's whole, its value making up the rest of it ("20
 * طائرة منها 12 طائرة ... استهدفت X و8 طائرات ... استهدفت Y"), though a
 * clause of the part before stands between? */
static bool completes_breakdown(const doc_state *d, const fig_aux *aux, size_t p, size_t i)
{
    const text *t = d->t;
    const extract_figure *f = d->r->figures;
    size_t h = f[p].part_of, k = aux[i].first;
    bool waw = (k > 0 && !strcmp(t->tok[k - 1].norm, "و")) || t->cp[t->tok[k].sp.start] == 0x0648;
    if (h == EXTRACT_NO_INDEX || !waw || !f[h].has_value || !f[i].has_value || !f[i].object ||
        !f[p].object || strcmp(f[i].object, f[p].object) != 0)
        return false;
    double sum = f[i].value;
    for (size_t j = h + 1; j < i; j++)
        if (f[j].part_of == h && f[j].has_value)
            sum += f[j].value;
    return sum == f[h].value;
}

/* Is token j shaped as a nisba adjective after a counted noun ("3600 معتقل
 * إداري و250 طفلا", "30 طفلا فلسطينيا و10 نساء"): a bare word, no
 * preposition, no word of what happened, ending in the nisba (ي، ية، يا،
 * يين، يون، يات)? */
static bool nisba_adjective(const doc_state *d, size_t j)
{
    static const char *const endings[] = {"ي", "يه", "يا", "يين", "يون", "يات", NULL};
    const text *t = d->t;
    const char *n = t->tok[j].norm;
    size_t len = strlen(n);
    lexicon_match m;
    if (t->tok[j].kind != TOK_WORD || lexicon_match_at(d->m->triggers, t, j, PROCLITICS_ALL, &m) ||
        word_role(d, j, "clause") || !strcmp(n, "في"))
        return false;
    for (size_t e = 0; endings[e]; e++) {
        size_t el = strlen(endings[e]);
        if (len > el + strlen("ال") && !strcmp(n + len - el, endings[e]))
            return true;
    }
    return false;
}

/* Is figure i, joined by و or an additive connective (إضافة إلى) to the
 * part p before it, a further item of p's list, with only p's owner
 * between them ("بينهم 98 عنصرا من قوات النظام و76 مقاتلا من الفصائل",
 * "بينهم 16 عنصرا من أبناء العشائر، إضافة إلى 13 مدنيا"), the parts still
 * no more than their whole? After من, the owner is any noun phrase. */
static bool further_part(const doc_state *d, const fig_aux *aux, size_t p, size_t i)
{
    const text *t = d->t;
    const extract_figure *f = d->r->figures;
    size_t h = f[p].part_of, k = aux[i].first;
    if (h == EXTRACT_NO_INDEX || k <= aux[p].end || k >= t->n_tok)
        return false;
    size_t stop = k, added = link_ending_at(d, k, "addition");
    if (!strcmp(t->tok[k - 1].norm, "و"))
        stop = k - 1;
    else if (added != EXTRACT_NO_INDEX)
        stop = added;
    else if (t->cp[t->tok[k].sp.start] != 0x0648)
        return false;
    /* a comma may stand before the و or the connective */
    if (stop > aux[p].end + 1 && t->tok[stop - 1].kind == TOK_PUNCT &&
        (t->cp[t->tok[stop - 1].sp.start] == 0x060C || t->cp[t->tok[stop - 1].sp.start] == ','))
        stop--;
    if (stop <= aux[p].end || stop - aux[p].end > 8)
        return false;
    /* "بينهم 16 قتيلا من الأمن، إضافة إلى 30 جريحا": a toll of its own
     * kind is another toll, not a part of this one */
    if (!aux[i].weak_type && strcmp(f[i].type, f[h].type) != 0 &&
        strcmp(f[h].type, "casualties") != 0)
        return false;
    /* the owner's noun phrase opens with من, in the part ("16 من عناصر
     * الأمن") or after it */
    bool owner = false;
    for (size_t j = aux[p].first; j < aux[p].end && !owner; j++)
        owner = word_role(d, j, "of");
    for (size_t j = aux[p].end; j < stop; j++) {
        lexicon_match m;
        if (t->tok[j].kind != TOK_WORD)
            return false;
        if (word_role(d, j, "of")) {
            owner = true;
            continue;
        }
        /* "بينهم 23 في درعا و18 في إدلب", "توزعوا على النحو الآتي: 17 في
         * حمص، و10 في حماة": where the part was, right after it */
        size_t q = j > aux[p].end || strcmp(t->tok[j].norm, "في") ? EXTRACT_NO_INDEX
                                                                  : place_opening_at(d, j + 1);
        if (q != EXTRACT_NO_INDEX && d->place_toks[q].end <= stop) {
            j = d->place_toks[q].end - 1;
            continue;
        }
        if (owner && !lexicon_match_at(d->m->triggers, t, j, PROCLITICS_ALL, &m) &&
            !word_role(d, j, "clause") && strcmp(t->tok[j].norm, "في") != 0)
            continue;
        if (!d->in_source[j] && !word_role(d, j, "ranks") &&
            !(stop == aux[p].end + 1 && nisba_adjective(d, j)))
            return false;
    }
    if (!f[h].has_value || !f[i].has_value)
        return true;
    double sum = f[i].value;
    for (size_t j = h + 1; j < i; j++)
        if (f[j].part_of == h && f[j].has_value)
            sum += f[j].value;
    return sum <= f[h].value;
}

/* The type of the toll a breakdown names right before token `first`, or
 * NULL: "ومن بين القتلى 12" killed, "وبين القتلى والجرحى 7" casualties
 * (the toll noun may open a longer trigger that joins the killed and the
 * injured). */
enum { TOLL_NAMED_TAIL_WORDS = 3, TOLL_DISTRIBUTION_WORDS = 12 };

static const char *toll_named(const doc_state *d, size_t first)
{
    const text *t = d->t;
    size_t sent = t->tok[first].sentence;
    for (size_t k = first > 4 ? first - 4 : 0; k < first; k++) {
        lexicon_match m, tm;
        if (t->tok[k].sentence != sent || !link_is(d, k, "breakdown", &m) || m.tok_end <= k + 1)
            continue;
        size_t noun = m.tok_end - 1, end = m.tok_end;
        const char *type = NULL;
        if (lexicon_match_at(d->m->triggers, t, noun, PROCLITICS_ALL, &tm) && tm.tok_end >= end) {
            type = model_field(tm.entry, 1);
            end = tm.tok_end;
        }
        /* "ومن بين القتلى في المدينة 12", "وبين القتلى أيضا 7": a few
         * words of where or of "also" may follow the toll; a mark ends the
         * phrase, and so does a clause word */
        for (size_t words = 0; end < first && words < TOLL_NAMED_TAIL_WORDS; words++, end++)
            if (t->tok[end].kind != TOK_WORD || word_role(d, end, "clause") || in_a_number(d, end))
                break;
        while (end < first && t->tok[end].kind == TOK_PUNCT)
            end++;
        if (type && end == first)
            return type;
    }
    return NULL;
}

static bool after_colon(const text *t, size_t i);

/* Is token `first` the first of a list a colon opens in a sentence that
 * begins with a word of distribution ("وتوزعت حصيلة الضحايا على النحو
 * التالي: 21 ...")? */
static bool distributes_before(const doc_state *d, size_t first)
{
    const text *t = d->t;
    size_t start = first;
    while (start > 0 && t->tok[start - 1].sentence == t->tok[first].sentence &&
           first - start < TOLL_DISTRIBUTION_WORDS)
        start--;
    if (!after_colon(t, first) ||
        (start > 0 && t->tok[start - 1].sentence == t->tok[first].sentence))
        return false;
    return word_role(d, start, "distribute");
}

/* Is the figure at token first a share told with the ب of measure: right
 * after the toll ("تصدرت درعا الحصيلة بـ 23 مدنيا"), or after a place
 * that follows a share of it ("تلتها إدلب بـ 18 مدنيا"), unless
 * after_toll? */
static bool befalls_people(const char *type);

static bool share_of_toll(const doc_state *d, size_t first, bool after_toll)
{
    const text *t = d->t;
    if (first < 2 || strcmp(t->tok[first - 1].norm, "ب") != 0 ||
        t->tok[first - 2].sentence != t->tok[first].sentence)
        return false;
    if (word_role(d, first - 2, "death_toll"))
        return true;
    return !after_toll && place_holding(d, first - 2) != EXTRACT_NO_INDEX;
}

/* How far back a row's label and a list of rows may reach: the rows of a
 * table by perpetrator or by governorate are short lines. */
enum { ROW_LABEL_TOKENS = 10, ROW_LIST_TOKENS = 400 };

/* "وتوزعت الحصيلة بحسب الجهات الفاعلة:" then "- قوات النظام: 42 مدنيا" on
 * lines of their own: is the number at token first the count of a row, a
 * bulleted line whose label (who did it, or where) ends in a colon right
 * before it, under a heading of distribution ending in a colon? The
 * heading's colon, or EXTRACT_NO_INDEX. */
static size_t distribution_row(const doc_state *d, size_t first)
{
    const text *t = d->t;
    if (!first || t->tok[first - 1].kind != TOK_PUNCT || t->cp[t->tok[first - 1].sp.start] != ':')
        return EXTRACT_NO_INDEX;
    size_t a = first - 1;
    while (a > 0 && !t->tok[a].newline_before && first - a < ROW_LABEL_TOKENS)
        a--;
    if (!t->tok[a].newline_before || !stages_bulleted(t, a))
        return EXTRACT_NO_INDEX;
    /* up the rows before it, to the heading: within a bounded reach */
    while (a > 0 && first - a < ROW_LIST_TOKENS) {
        size_t up = a - 1;
        while (up > 0 && !t->tok[up].newline_before && a - up < ROW_LIST_TOKENS)
            up--;
        if (!t->tok[up].newline_before || !stages_bulleted(t, up))
            break;
        a = up;
    }
    if (a == 0 || first - a >= ROW_LIST_TOKENS || t->tok[a - 1].kind != TOK_PUNCT ||
        t->cp[t->tok[a - 1].sp.start] != ':')
        return EXTRACT_NO_INDEX;
    /* the heading opens its line or follows the toll in its sentence
     * ("وثقت مقتل 87 مدنيا، وتوزعت الحصيلة بحسب الجهات:") */
    size_t colon = a - 1;
    for (size_t head = colon; head-- > 0 && colon - head <= TOLL_DISTRIBUTION_WORDS;) {
        if (word_role(d, head, "distribute"))
            return colon;
        if (t->tok[head].newline_before)
            break;
    }
    return EXTRACT_NO_INDEX;
}

/* A sentence that opens its figures with the toll named again ("ومن بين
 * القتلى 98 عنصرا") breaks down the toll of the sentence before it: the
 * latest whole figure there of the type the toll names, no smaller than
 * the part. Its index, or EXTRACT_NO_INDEX. */
static size_t toll_named_again(const doc_state *d, const fig_aux *aux, size_t i)
{
    const text *t = d->t;
    const extract_figure *f = d->r->figures;
    size_t first = aux[i].first, sent = t->tok[first].sentence;
    const char *type = toll_named(d, first);
    if (!type && distributes_before(d, first))
        type = f[i].type;
    if (!type)
        return EXTRACT_NO_INDEX;
    for (size_t j = i; j-- > 0;) {
        size_t js = t->tok[aux[j].first].sentence;
        if (js + 1 < sent)
            break;
        /* "... بعد أن كانت 30 قتيلا": the value a toll had is no longer it */
        if (js == sent || strcmp(f[j].type, type) != 0 || after_former(d, aux[j].first))
            continue;
        /* a part told before ("ومن بين القتلى 12 طفلا. وبين القتلى 7
         * نساء") is a sibling: both are parts of its whole */
        size_t whole = f[j].part_of == EXTRACT_NO_INDEX ? j : f[j].part_of;
        if (strcmp(f[whole].type, type) != 0)
            return EXTRACT_NO_INDEX;
        return f[whole].has_value && f[i].has_value && f[i].value > f[whole].value
                   ? EXTRACT_NO_INDEX
                   : whole;
    }
    return EXTRACT_NO_INDEX;
}

/* The whole a breakdown that names its toll ("وبين القتلى 7") breaks down
 * in the sentence of figure i: the latest figure before it of that type,
 * past tolls of other kinds ("قتل 30 وأصيب 50، وبين القتلى 4"), or the
 * whole of a part of it (parts of one whole are siblings: "ومن بين القتلى
 * 12 طفلا، وبين القتلى 7 نساء"); no smaller than the part.
 * EXTRACT_NO_INDEX when none. */
static size_t named_toll_within(const doc_state *d, const fig_aux *aux, size_t i, const char *type,
                                size_t sentences_back)
{
    const text *t = d->t;
    const extract_figure *f = d->r->figures;
    size_t sent = t->tok[aux[i].first].sentence;
    for (size_t j = i; j-- > 0 && t->tok[aux[j].first].sentence + sentences_back >= sent;) {
        if (strcmp(f[j].type, type) != 0 || aux[j].end > aux[i].first)
            continue;
        size_t whole = f[j].part_of == EXTRACT_NO_INDEX ? j : f[j].part_of;
        if (strcmp(f[whole].type, type) != 0 ||
            (f[whole].has_value && f[i].has_value && f[i].value > f[whole].value))
            return EXTRACT_NO_INDEX;
        return whole;
    }
    return EXTRACT_NO_INDEX;
}

static size_t named_toll_in_sentence(const doc_state *d, const fig_aux *aux, size_t i,
                                     const char *type)
{
    return named_toll_within(d, aux, i, type, 0);
}

/* The type of the toll a breakdown names right after a figure that ends at
 * token `end` ("بمقتل 3 أطفال بين القتلى", "4 نساء من بين الضحايا"), or
 * NULL. */
static const char *toll_named_after(const doc_state *d, size_t end)
{
    const text *t = d->t;
    lexicon_match m, tm;
    if (end == 0 || end >= t->n_tok || t->tok[end].sentence != t->tok[end - 1].sentence ||
        !link_is(d, end, "breakdown", &m) || m.tok_end <= end + 1)
        return NULL;
    if (!lexicon_match_at(d->m->triggers, t, m.tok_end - 1, PROCLITICS_ALL, &tm) ||
        tm.tok_end < m.tok_end)
        return NULL;
    return model_field(tm.entry, 1);
}

/* Does figure j's sentence open by recounting what came before ("وكان
 * المرصد قد أفاد بمقتل 13")? */
static bool in_background(const doc_state *d, const fig_aux *aux, size_t j)
{
    const text *t = d->t;
    size_t k = aux[j].first, sent = t->tok[k].sentence;
    while (k > 0 && t->tok[k - 1].sentence == sent)
        k--;
    while (k < aux[j].first && t->tok[k].kind == TOK_PUNCT)
        k++;
    /* ... or a word that says its toll was told before, fronted ("وفي
     * حصيلة سابقة، أعلنت الوزارة", "وفي وقت سابق، ...") */
    lexicon_match m;
    return k < aux[j].first &&
           (stages_word_in(d, k, FW_BACKGROUND_OPENER) || link_is(d, k, "earlier", &m));
}

enum { EARLIER_TOLD_WITHIN = 3 }; /* sentences after the update */

/* Does a verb that details what was told before (وأوضح، وأشار، وأضاف)
 * stand in token k's sentence before it? */
static bool details_before(const doc_state *d, size_t k)
{
    const text *t = d->t;
    for (size_t j = k; j-- > 0 && t->tok[j].sentence == t->tok[k].sentence;)
        if (stages_word_in(d, j, FW_ELABORATING))
            return true;
    return false;
}

/* Does figure j count what figure i counts: the same object, or anyone when
 * i is a toll of anyone (toll_noun)? */
static bool counts_same(const extract_figure *f, const fig_aux *aux, size_t i, size_t j)
{
    return f[j].object == f[i].object || aux[i].toll_noun ||
           (f[j].object && f[i].object && !strcmp(f[j].object, f[i].object));
}

/* The next whole figure of figure i's type from figure `from` on, told in a
 * later sentence within EARLIER_TOLD_WITHIN of i's; EXTRACT_NO_INDEX past
 * them. What develops i (its breakdown, a toll of another kind, the day's
 * part of it: "وصل منها للمستشفيات 51 شهيدا") is passed over. */
static size_t next_toll_told_after(const doc_state *d, const fig_aux *aux, size_t i, size_t from)
{
    const text *t = d->t;
    const extract_figure *f = d->r->figures;
    size_t sent = t->tok[aux[i].first].sentence;
    for (size_t j = from; j < d->r->n_figures; j++) {
        size_t js = t->tok[aux[j].first].sentence;
        if (js == sent)
            continue;
        if (js > sent + EARLIER_TOLD_WITHIN)
            return EXTRACT_NO_INDEX;
        if (f[j].part_of == EXTRACT_NO_INDEX && !strcmp(f[j].type, f[i].type))
            return j;
    }
    return EXTRACT_NO_INDEX;
}

/* The earlier toll an update (figure i) replaces when the text tells it
 * after the update ("ارتفعت الحصيلة إلى 19. وكان المرصد قد أفاد بمقتل
 * 13"): the next whole figure of its type, within a few sentences, when
 * its sentence recounts what came before and it counts the same by the
 * same party, no larger; smaller or vague tolls the same party details
 * between ("وأوضحت الوزارة أن ... 51 شهيدا": the day's share of a running
 * total) do not stop the search. Its
 * index, or EXTRACT_NO_INDEX. */
static size_t earlier_told_after(const doc_state *d, const fig_aux *aux, size_t i)
{
    const extract_figure *f = d->r->figures;
    for (size_t j = next_toll_told_after(d, aux, i, i + 1); j != EXTRACT_NO_INDEX;
         j = next_toll_told_after(d, aux, i, j + 1)) {
        if (!in_background(d, aux, j)) {
            if ((!f[j].has_value || (f[i].has_value && f[j].value < f[i].value)) &&
                f[j].claimant == f[i].claimant && details_before(d, aux[j].first))
                continue;
            return EXTRACT_NO_INDEX;
        }
        if (counts_same(f, aux, i, j) && f[j].claimant == f[i].claimant &&
            (!f[j].has_value || !f[i].has_value || f[j].value <= f[i].value))
            return j;
        return EXTRACT_NO_INDEX;
    }
    return EXTRACT_NO_INDEX;
}

/* Does a word that says its toll was told before (حصيلة سابقة، في وقت
 * سابق) stand in token k's sentence? */
static bool told_earlier_in_sentence(const doc_state *d, size_t k)
{
    const text *t = d->t;
    size_t first = k;
    while (first > 0 && t->tok[first - 1].sentence == t->tok[k].sentence)
        first--;
    lexicon_match m;
    for (size_t j = first; j < t->n_tok && t->tok[j].sentence == t->tok[k].sentence; j++)
        if (link_is(d, j, "earlier", &m))
            return true;
    return false;
}

/* The earlier toll a figure i with no update word replaces when the text
 * tells it after, saying it was told before ("قتل 36 شخصا. وكانت الوزارة
 * قد أعلنت في حصيلة سابقة مقتل 22 شخصا"): the next whole figure of its
 * type within a few sentences whose sentence recounts what came before
 * and names it an earlier toll, of the same thing, smaller, by the same
 * claimant or one unnamed. Its index, or EXTRACT_NO_INDEX. */
static size_t earlier_toll_named_after(const doc_state *d, const fig_aux *aux, size_t i)
{
    const extract_figure *f = d->r->figures;
    size_t j = next_toll_told_after(d, aux, i, i + 1);
    if (j == EXTRACT_NO_INDEX)
        return EXTRACT_NO_INDEX;
    bool same_claimant = f[j].claimant == f[i].claimant || f[j].claimant == EXTRACT_NO_INDEX ||
                         f[i].claimant == EXTRACT_NO_INDEX;
    return in_background(d, aux, j) && told_earlier_in_sentence(d, aux[j].first) &&
                   counts_same(f, aux, i, j) && same_claimant && f[j].has_value && f[i].has_value &&
                   f[j].value < f[i].value
               ? j
               : EXTRACT_NO_INDEX;
}

/* The toll a restated total ("ووصل عدد النازحين إلى 5000") replaces: the
 * nearest earlier whole figure of its type, when no other toll of that type
 * is told before it (two tolls may add up to the total) but those it
 * updated itself, by the same claimant, of the same thing, not of another
 * place, and smaller. With the ل of result, a toll of its type before it in
 * its sentence is what the total rose by: none. */
static size_t restated(const doc_state *d, const fig_aux *aux, size_t i)
{
    const text *t = d->t;
    const extract_figure *f = d->r->figures;
    size_t cand = EXTRACT_NO_INDEX, skip = EXTRACT_NO_INDEX;
    for (size_t j = i; j-- > 0;) {
        if (f[j].part_of != EXTRACT_NO_INDEX || strcmp(f[j].type, f[i].type) != 0 ||
            (aux[i].thereby && !aux[j].update && !aux[j].restate && !aux[j].since))
            continue;
        if (cand == EXTRACT_NO_INDEX) {
            if (aux[i].result && t->tok[aux[j].first].sentence == t->tok[aux[i].first].sentence)
                return EXTRACT_NO_INDEX;
            cand = j;
            skip = f[j].supersedes;
        } else if (j == skip) {
            skip = f[j].supersedes;
        } else {
            return EXTRACT_NO_INDEX;
        }
    }
    if (cand == EXTRACT_NO_INDEX)
        return EXTRACT_NO_INDEX;
    if (!counts_same(f, aux, i, cand) || f[cand].claimant != f[i].claimant || !f[cand].has_value ||
        !f[i].has_value || f[cand].value >= f[i].value ||
        (f[cand].place != EXTRACT_NO_INDEX && f[i].place != EXTRACT_NO_INDEX &&
         f[cand].place != f[i].place))
        return EXTRACT_NO_INDEX;
    return cand;
}

/* "قال إن 45 مسلحا و12 جنديا قتلوا": subjects joined by و before one
 * verb, which follows the last; it says what befell each. A figure typed
 * by nothing takes the type of the next one when only words (no verb, no
 * mark) and و stand between them and that one's verb follows its noun. */
static void type_coordinated_subjects(doc_state *d, const fig_state *fs)
{
    const text *t = d->t;
    extract_figure *f = d->r->figures;
    const fig_aux *aux = fs->aux;
    for (size_t j = d->r->n_figures; j-- > 1;) {
        size_t i = j - 1;
        if (!aux[i].weak_type || strcmp(f[i].type, "count") != 0 || !strcmp(f[j].type, "count") ||
            aux[i].end > aux[j].first || aux[j].first - aux[i].end > 3 ||
            t->tok[aux[i].first].sentence != t->tok[aux[j].first].sentence)
            continue;
        bool words_only = true;
        for (size_t k = aux[i].end; k < aux[j].first && words_only; k++)
            words_only = t->tok[k].kind == TOK_WORD;
        uint32_t at = f[j].sp.start;
        while (at > 0 && t->cp[at - 1] == ' ')
            at--;
        if (!words_only || at == 0 || t->cp[at - 1] != 0x0648 /* و */)
            continue;
        /* "85 حالة اختفاء و32 حالة إعدام": the same noun twice, each with
         * the word of its kind after it; the second's is no verb of both */
        if (f[i].object && f[j].object && !strcmp(f[i].object, f[j].object) &&
            aux[i].end < aux[j].first && t->tok[aux[i].end].kind == TOK_WORD &&
            strcmp(t->tok[aux[i].end].norm, "و") != 0 && !word_role(d, aux[i].end, "of") &&
            !word_role(d, aux[i].end, "ranks"))
            continue;
        /* the first verb after the last subject's noun phrase */
        bool verb_after = false;
        size_t reach = aux[j].end + d->m->windows[WIN_TRIGGER_AFTER_WORDS];
        for (size_t g = 0; g < fs->n_tr; g++) {
            if (fs->tr[g].first < aux[j].end)
                continue;
            bool phrase = fs->tr[g].first <= reach;
            for (size_t k = aux[j].end; k < fs->tr[g].first && phrase; k++)
                phrase = t->tok[k].kind == TOK_WORD;
            verb_after =
                phrase && fs->tr[g].after && !fs->tr[g].conj && !strcmp(fs->tr[g].type, f[j].type);
            break;
        }
        if (verb_after)
            f[i].type = f[j].type;
    }
}

/* Do tokens [from, to) close a figure's clause, after at most a few words
 * of where, since when or what the toll is ("29 شخصا في قطاع غزة،", "1245
 * شخصا منذ مطلع العام،", "إلى 1245 عدد القتلى،"), with what sets numbers
 * after it to tell of it: a comma, a colon, or the pronoun هم ("12 شخصا هم
 * 5 أطفال و7 رجال")? */
static bool apposition_after(const text *t, size_t from, size_t to)
{
    if (to <= from || to > t->n_tok)
        return false;
    size_t sep = to - 1;
    if (stages_word_is(t, sep, (const char *const[]){"هم", "وهم", NULL})) {
        if (sep > from && t->tok[sep - 1].kind == TOK_PUNCT)
            sep--;
    } else if (t->tok[sep].kind != TOK_PUNCT) {
        return false;
    }
    if (t->tok[sep].kind == TOK_PUNCT) {
        uint32_t c = t->cp[t->tok[sep].sp.start];
        if (c != ',' && c != 0x060C && c != ':')
            return false;
    }
    if (sep == from)
        return true;
    if (!stages_word_is(t, from, (const char *const[]){"في", "منذ", "خلال", "عدد", NULL}) ||
        sep - from > 8)
        return false;
    for (size_t k = from; k < sep; k++)
        if (t->tok[k].kind != TOK_WORD)
            return false;
    return true;
}

/* Is the place `place` named in tokens [from, to)? */
static bool place_named_in(const doc_state *d, size_t place, size_t from, size_t to)
{
    const text *t = d->t;
    for (size_t m = 0; m < d->r->n_places; m++) {
        const extract_place_mention *pm = &d->r->places[m];
        if (pm->place == place && pm->sp.start >= t->tok[from].sp.start &&
            pm->sp.end <= t->tok[to - 1].sp.end)
            return true;
    }
    return false;
}

/* "قتل 29 شخصا، 14 في خان يونس و9 في رفح و6 في دير البلح", "أصيب 40
 * شخصا، 12 في حالة خطرة", "قتل 12 شخصا: 5 أطفال و7 رجال": numbers set
 * after a figure's comma (colon, هم), joined by و,
 * tell where, why or how its count fell: they are its parts, as long as they
 * add up to no more than it. When the figure's clause names a place of its
 * own ("29 شخصا في غزة، 3 في الضفة"), the numbers after it may be other
 * places' tolls, so they are parts only if they add up to it exactly. The
 * whole's place read from its first part's words is not its own. */
static void link_apposed_parts(doc_state *d, const fig_aux *aux)
{
    const text *t = d->t;
    extract_figure *f = d->r->figures;
    for (size_t i = 1; i < d->r->n_figures; i++) {
        size_t p = i - 1;
        if (!apposition_after(t, aux[p].end, aux[i].first) ||
            t->cp[t->tok[aux[i].first].sp.start] == 0x0648 || /* "، و2": listed, not set after */
            t->tok[aux[p].first].sentence != t->tok[aux[i].first].sentence ||
            f[p].part_of != EXTRACT_NO_INDEX || !f[p].has_value)
            continue;
        uint32_t s = t->tok[aux[p].first].sentence;
        size_t from = aux[p].first;
        while (from > 0 && t->tok[from - 1].sentence == s)
            from--;
        bool own_place =
            f[p].place != EXTRACT_NO_INDEX && place_named_in(d, f[p].place, from, aux[i].first);
        double sum = 0;
        size_t last = EXTRACT_NO_INDEX;
        for (size_t j = i; j < d->r->n_figures; j++) {
            size_t k = aux[j].first;
            bool joined = j == i || (k > 0 && !strcmp(t->tok[k - 1].norm, "و")) ||
                          t->cp[t->tok[k].sp.start] == 0x0648;
            if (!joined || !f[j].has_value || strcmp(f[j].type, f[p].type) != 0 ||
                t->tok[k].sentence != s || sum + f[j].value > f[p].value)
                break;
            sum += f[j].value;
            last = j;
        }
        if (last == EXTRACT_NO_INDEX || (own_place && (last == i || sum != f[p].value)))
            continue;
        for (size_t j = i; j <= last; j++) {
            f[j].part_of = p;
            if (f[j].claimant == EXTRACT_NO_INDEX) {
                f[j].claimant = f[p].claimant;
                f[j].denied = f[p].denied;
            }
        }
        if (!own_place && f[p].place == f[i].place)
            f[p].place = EXTRACT_NO_INDEX;
        i = last;
    }
}

static size_t updated_toll(const doc_state *d, const fig_aux *aux, size_t i, bool untyped,
                           bool same_claimant);

/* Breakdowns and updates, once the figures are in text order:
 *  - after بينهم/منهم (or in brackets right after it) a figure is a part
 *    of the figure before it, and so are the figures listed with it, and
 *    one joined by و that makes up the rest of the whole past a clause,
 *    or past only the owner of the part before ("و76 مقاتلا");
 *    a part no smaller word typed takes the type of its whole;
 *  - numbers set after a figure by a comma, a colon or هم are its parts
 *    while they add up to it (link_apposed_parts);
 *  - a figure governed by an update word supersedes the latest earlier
 *    figure of the same type by the same claimant that counts the same
 *    thing: the same object, or anyone when the update is a bare toll
 *    ("قتل 9 مدنيين ... وارتفعت الحصيلة إلى 11 قتيلا"); with the ل of
 *    result (ليرتفع) a figure of its type before it in its sentence is what
 *    the toll rose by, and it replaces nothing;
 *  - a total restated by a link verb with no update word ("وصل عدد
 *    النازحين إلى 5000") replaces a smaller toll of it (see restated). */
static void link_figures(doc_state *d, const fig_aux *aux)
{
    const text *t = d->t;
    extract_figure *f = d->r->figures;
    const lexicon_entry *w = lexicon_find(d->m->nouns, "امراه"),
                        *g = lexicon_find(d->m->nouns, "فتاه");
    const char *women = w ? model_field(w, 1) : NULL, *girls = g ? model_field(g, 1) : NULL;
    link_apposed_parts(d, aux);
    for (size_t i = 1; i < d->r->n_figures; i++) {
        size_t p = i - 1;
        /* "وأفادت مصادر بمقتل 3 أطفال بين القتلى": the breakdown after the
         * part names its whole, in its sentence or the one before */
        const char *named_after = toll_named_after(d, aux[i].end);
        size_t told = named_after ? named_toll_within(d, aux, i, named_after, 1) : EXTRACT_NO_INDEX;
        if (told != EXTRACT_NO_INDEX) {
            f[i].part_of = told;
            if (f[i].claimant == EXTRACT_NO_INDEX) {
                f[i].claimant = f[told].claimant;
                f[i].denied = f[told].denied;
            }
            continue;
        }
        /* the rows under a heading of distribution are parts of the toll
         * told before the heading (its whole, if a part), in the sentence
         * of the heading or the one before, and of its type; whom a row
         * names did it or is where, and asserts nothing: the toll's party
         * does */
        size_t heading = distribution_row(d, aux[i].first);
        if (heading != EXTRACT_NO_INDEX) {
            size_t whole = aux[p].first > heading             ? f[p].part_of
                           : f[p].part_of == EXTRACT_NO_INDEX ? p
                                                              : f[p].part_of;
            if (whole != EXTRACT_NO_INDEX && aux[whole].first < heading &&
                t->tok[aux[whole].first].sentence + 1 >= t->tok[heading].sentence &&
                (!f[whole].has_value || !f[i].has_value || f[i].value <= f[whole].value) &&
                (aux[i].weak_type || !strcmp(f[i].type, f[whole].type))) {
                f[i].part_of = whole;
                f[i].type = f[whole].type;
                f[i].claimant = f[whole].claimant;
                f[i].denied = f[whole].denied;
                continue;
            }
        }
        /* "وتصدرت محافظة درعا الحصيلة بـ 23 مدنيا، تلتها إدلب بـ 18 مدنيا":
         * a share of the toll told before (ب of measure after the toll),
         * and the shares after it in its sentence, are parts of that toll */
        bool next_sentence = t->tok[aux[p].first].sentence != t->tok[aux[i].first].sentence;
        if (share_of_toll(d, aux[i].first, next_sentence) && aux[i].weak_type &&
            (next_sentence || (f[p].part_of != EXTRACT_NO_INDEX && aux[p].first > 1 &&
                               !strcmp(t->tok[aux[p].first - 1].norm, "ب")))) {
            size_t whole = f[p].part_of == EXTRACT_NO_INDEX ? p : f[p].part_of;
            /* the toll told last: in the sentence before, or past the rows
             * of its table (parts of it, which end on the line before); a
             * share after a share in its sentence is of that share's toll */
            bool near =
                t->tok[aux[whole].first].sentence + 1 >= t->tok[aux[i].first].sentence ||
                !next_sentence ||
                (p != whole && t->tok[aux[p].first].sentence + 1 >= t->tok[aux[i].first].sentence &&
                 distribution_row(d, aux[p].first) != EXTRACT_NO_INDEX);
            if (near && befalls_people(f[whole].type) && f[i].object && f[whole].object &&
                !strcmp(f[i].object, f[whole].object) &&
                (!f[whole].has_value || !f[i].has_value || f[i].value <= f[whole].value)) {
                f[i].part_of = whole;
                f[i].type = f[whole].type;
                if (f[i].claimant == EXTRACT_NO_INDEX) {
                    f[i].claimant = f[whole].claimant;
                    f[i].denied = f[whole].denied;
                }
                continue;
            }
        }
        if (t->tok[aux[p].first].sentence != t->tok[aux[i].first].sentence) {
            size_t whole = toll_named_again(d, aux, i);
            /* "... 17 مسلحا. وذكرت أن 12 منهم": of the figure just before,
             * in the same statement: after another speaker's words منهم
             * are of whom that speaker names. */
            if (whole == EXTRACT_NO_INDEX && aux[i].of_them &&
                t->tok[aux[p].first].sentence + 1 == t->tok[aux[i].first].sentence &&
                (f[i].claimant == EXTRACT_NO_INDEX || f[i].claimant == f[p].claimant) &&
                (!f[p].has_value || !f[i].has_value || f[i].value <= f[p].value)) {
                whole = p;
                if (aux[i].weak_type)
                    f[i].type = f[p].type;
            }
            if (whole != EXTRACT_NO_INDEX) {
                f[i].part_of = whole;
                if (f[i].claimant == EXTRACT_NO_INDEX) {
                    f[i].claimant = f[whole].claimant;
                    f[i].denied = f[whole].denied;
                }
            }
            continue;
        }
        if (aux[p].end > aux[i].first)
            continue;
        size_t head = EXTRACT_NO_INDEX;
        bool bracket = aux[i].first > aux[p].end && is_open_mark(t, aux[i].first - 1) &&
                       !strcmp(t->tok[aux[i].first - 1].norm, "(");
        if (aux[i].of_them || (breakdown_between(d, aux[p].end, aux[i].first) &&
                               !event_joined_between(d, aux[p].end, aux[i].first)))
            head = p;
        else if (only_marks_between(t, aux[p].end, aux[i].first))
            /* "224 لاجئا (67 امرأة و114 طفلا)": a bracket opens the parts of
             * the figure before it; "5 أطفال وامرأتان" lists parts side by side. */
            head = bracket ? p : f[p].part_of;
        /* "120 مدنيا بينهم 30 طفلا و15 سيدة، بينهم 4 ...": the masculine
         * pronoun cannot be of the women before it, but is of their whole */
        if (head == p && f[p].part_of != EXTRACT_NO_INDEX && f[p].object &&
            (f[p].object == women || f[p].object == girls) &&
            masculine_breakdown_between(d, aux[p].end, aux[i].first)) {
            head = f[p].part_of;
            if (aux[i].of_them || f[i].object == f[p].object)
                f[i].object = f[head].object;
        }
        bool completes = head == EXTRACT_NO_INDEX && completes_breakdown(d, aux, p, i);
        if (completes || (head == EXTRACT_NO_INDEX && further_part(d, aux, p, i)))
            head = f[p].part_of;
        if (head == EXTRACT_NO_INDEX)
            continue;
        /* "156 حالة بينها 8 أطفال، تحولت 97 منها": more than the part before
         * it, "of them" is of that part's whole, and counts what it counts. */
        if (aux[i].of_them && head == p && f[p].part_of != EXTRACT_NO_INDEX && f[p].has_value &&
            f[i].has_value && f[i].value > f[p].value) {
            head = f[p].part_of;
            f[i].object = f[head].object;
        }
        /* A part is never more than its whole, nor of another toll than the
         * one its breakdown names: "قتل 10 وأصيب 20، ومن بين القتلى والجرحى 7"
         * breaks down both, not the injured. The toll it names is a whole,
         * not a part of it told before. */
        const char *named = toll_named(d, aux[i].first);
        if (named && strcmp(f[head].type, "casualties") != 0 &&
            (strcmp(named, f[head].type) != 0 || f[head].part_of != EXTRACT_NO_INDEX)) {
            head = named_toll_in_sentence(d, aux, i, named);
            if (head == EXTRACT_NO_INDEX)
                continue;
        }
        if (f[head].has_value && f[i].has_value && f[i].value > f[head].value)
            continue;
        /* "119 جريحا موزعين على 8 مراكز صحية": a part of a toll of people
         * is people; what the toll cannot befall is where it is spread */
        if (f[i].subject_category && type_fits(f[head].type, "people") &&
            !type_fits(f[head].type, "other") && !type_fits(f[head].type, f[i].subject_category))
            continue;
        f[i].part_of = head;
        /* a breakdown is told in the same statement as its whole */
        if (f[i].claimant == EXTRACT_NO_INDEX) {
            f[i].claimant = f[head].claimant;
            f[i].denied = f[head].denied;
        }
        /* "بينهم 5 أطفال" is what its whole is; "اعترض 30 منها" has a verb of its own. */
        if (aux[i].weak_type &&
            (completes || aux[i].own_verb == EXTRACT_NO_INDEX || aux[i].own_verb < aux[head].end))
            f[i].type = f[head].type;
        /* "شن 120 غارة بينها 30 على منصات": strikes do not befall the
         * targets they list; a part the whole's type cannot befall is counted */
        if (aux[i].weak_type && f[i].subject_category && !strcmp(f[head].type, "airstrikes") &&
            !strcmp(f[i].type, "airstrikes") && !type_fits(f[i].type, f[i].subject_category))
            f[i].type = "count";
    }
    for (size_t i = 0; i < d->r->n_figures; i++) {
        if (aux[i].restate && f[i].part_of == EXTRACT_NO_INDEX)
            f[i].supersedes = restated(d, aux, i);
        if (!aux[i].update && f[i].part_of == EXTRACT_NO_INDEX &&
            f[i].supersedes == EXTRACT_NO_INDEX)
            f[i].supersedes = earlier_toll_named_after(d, aux, i);
        if (!aux[i].update || f[i].part_of != EXTRACT_NO_INDEX)
            continue;
        /* "ثم ارتفع العدد إلى 9 جنود": an update that names no event
         * updates the count of the same thing before it, and is what it was. */
        bool untyped = aux[i].weak_type && !strcmp(f[i].type, "count");
        /* "إلى 43 قتيلا و70 جريحا بعد أن كانت 30 قتيلا": the value a toll
         * of its own kind had, the one of that kind the sentence updated */
        if (i + 1 < d->r->n_figures && after_former(d, aux[i + 1].first) &&
            t->tok[aux[i + 1].first].sentence == t->tok[aux[i].first].sentence &&
            f[i + 1].part_of == EXTRACT_NO_INDEX && !aux[i + 1].weak_type &&
            strcmp(f[i].type, f[i + 1].type) != 0) {
            for (size_t j = i;
                 j-- > 0 && t->tok[aux[j].first].sentence == t->tok[aux[i].first].sentence;)
                if (aux[j].update && f[j].part_of == EXTRACT_NO_INDEX &&
                    !strcmp(f[j].type, f[i + 1].type) && counts_same(f, aux, j, i + 1) &&
                    (!f[i + 1].has_value || !f[j].has_value || f[i + 1].value <= f[j].value)) {
                    f[j].supersedes = i + 1;
                    break;
                }
        }
        /* "إلى 27 قتيلا بعد أن كانت 19": the value it had, told after it */
        else if (i + 1 < d->r->n_figures && after_former(d, aux[i + 1].first) &&
                 t->tok[aux[i + 1].first].sentence == t->tok[aux[i].first].sentence &&
                 f[i + 1].part_of == EXTRACT_NO_INDEX && counts_same(f, aux, i, i + 1) &&
                 (!f[i + 1].has_value || !f[i].has_value || f[i + 1].value <= f[i].value)) {
            f[i].supersedes = i + 1;
            f[i + 1].type = f[i].type;
            continue;
        }
        f[i].supersedes = updated_toll(d, aux, i, untyped, true);
        /* "ارتفعت الحصيلة إلى 33، بحسب الدفاع المدني" after the ministry's
         * 27: the text says the toll rose, so it replaces the one told
         * before, whoever told it, when its own party told none */
        if (f[i].supersedes == EXTRACT_NO_INDEX)
            f[i].supersedes = updated_toll(d, aux, i, untyped, false);
        if (f[i].supersedes != EXTRACT_NO_INDEX)
            f[i].type = f[f[i].supersedes].type;
        /* what it replaces may be the same toll told before (a headline the
         * lead restates): the earlier toll told after it is what it updates */
        size_t was = f[i].supersedes;
        if (was == EXTRACT_NO_INDEX ||
            (f[was].has_value && f[i].has_value && f[was].value == f[i].value)) {
            size_t told_after = earlier_told_after(d, aux, i);
            if (told_after != EXTRACT_NO_INDEX)
                f[i].supersedes = told_after;
        }
    }
}

/* The earlier toll the update figure i replaces: the latest whole figure
 * before it of the same type (or, for an update that names no event, of
 * the same thing) that counts the same thing, no larger; told by the same
 * claimant when same_claimant. EXTRACT_NO_INDEX when none. */
static size_t updated_toll_of(const doc_state *d, const fig_aux *aux, size_t i, bool untyped,
                              bool same_claimant, bool same_bloc)
{
    const text *t = d->t;
    const extract_figure *f = d->r->figures;
    for (size_t j = i; j-- > 0;) {
        /* "قتل 14 شخصا، ليرتفع الإجمالي إلى 320": the 14 were added to
             * a running total whose earlier value is not given */
        if (aux[i].result && t->tok[aux[j].first].sentence == t->tok[aux[i].first].sentence) {
            if (!strcmp(f[j].type, f[i].type))
                return EXTRACT_NO_INDEX;
            continue;
        }
        /* "قتل شخصان في غارة ... وبذلك يرتفع العدد منذ وقف إطلاق النار
         * إلى 330": a toll told before that is no total itself is one the
         * total rose by, not an earlier value of it */
        if (aux[i].thereby && !aux[j].update && !aux[j].restate && !aux[j].since)
            continue;
        bool named_same = f[j].object && f[i].object && !strcmp(f[j].object, f[i].object);
        /* "قتل 12 شخصا ... وارتفع عدد القتلى إلى 15 مدنيا": a toll of
         * people told again of a kind of people, or the other way round */
        bool of_people = f[j].object && f[i].object &&
                         (!strcmp(f[j].object, "people") || !strcmp(f[i].object, "people")) &&
                         strcmp(f[i].type, "count") != 0 && f[j].subject_category &&
                         f[i].subject_category && type_fits("killed", f[j].subject_category) &&
                         type_fits("killed", f[i].subject_category);
        /* "قالت الوكالة إن 258 من موظفيها قتلوا ... وارتفعت حصيلة الشهداء
         * إلى 43 ألفا، بحسب الوزارة": another party's toll of anyone is no
         * update of a party's count of its own people (a noun with its
         * pronoun) */
        bool own_people = aux[j].end > 0 && possessive(t, aux[j].end - 1);
        bool of_anyone =
            aux[i].toll_noun && (f[j].claimant == f[i].claimant || aux[j].toll_noun || !own_people);
        bool same_object = f[j].object == f[i].object || of_anyone || named_same || of_people;
        bool same_type = !strcmp(f[j].type, f[i].type) || (untyped && named_same);
        /* "استشهد شابان في جنين ... ارتفعت حصيلة الشهداء منذ مطلع العام إلى
         * 312": a total since a start adds the day's toll up; it replaces
         * only a total told since a start too */
        if (aux[i].since && !aux[j].since)
            continue;
        /* "بلغت الحصيلة منذ استئناف العدوان 1249، فيما ارتفعت الحصيلة
         * التراكمية إلى 50609": the total and a toll since another start,
         * told side by side, are two counts */
        if (aux[i].cumulative && aux[j].since && !aux[j].cumulative &&
            t->tok[aux[j].first].sentence == t->tok[aux[i].first].sentence)
            continue;
        /* "ارتفع العدد إلى 35 بعد وفاة عدد من الجرحى": a vague amount after
         * the new toll tells why it rose */
        if (!f[i].has_value && f[j].has_value &&
            t->tok[aux[j].first].sentence == t->tok[aux[i].first].sentence)
            return EXTRACT_NO_INDEX;
        bool other_bloc = f[j].subject_bloc && f[i].subject_bloc &&
                          strcmp(f[j].subject_bloc, f[i].subject_bloc) != 0;
        if (other_bloc || (same_bloc && !f[j].subject_bloc))
            continue;
        /* "أعلنت الوزارة مقتل 9 من جنودها ... وقال المرصد إن الحصيلة ارتفعت
         * إلى 41 قتيلا من الطرفين": another party's toll replaces no count a
         * party gave of one side's own people unless it is of that side too */
        bool own_side_of_other =
            f[j].claimant != f[i].claimant && f[j].subject_side &&
            strcmp(f[j].subject_side, "unknown") != 0 &&
            (!f[i].subject_side || strcmp(f[j].subject_side, f[i].subject_side));
        if (f[j].part_of == EXTRACT_NO_INDEX && same_type && same_object && !own_side_of_other &&
            (!same_claimant || f[j].claimant == f[i].claimant) &&
            (!f[j].has_value || !f[i].has_value || f[j].value <= f[i].value))
            return j;
    }
    return EXTRACT_NO_INDEX;
}

/* A toll said to be a party's ("ارتفعت حصيلة القتلى في صفوف قسد إلى 9")
 * first updates that party's toll, not a later one of its enemies; then
 * any toll not said to be another party's. */
static size_t updated_toll(const doc_state *d, const fig_aux *aux, size_t i, bool untyped,
                           bool same_claimant)
{
    size_t j = EXTRACT_NO_INDEX;
    if (d->r->figures[i].subject_bloc)
        j = updated_toll_of(d, aux, i, untyped, same_claimant, true);
    return j != EXTRACT_NO_INDEX ? j : updated_toll_of(d, aux, i, untyped, same_claimant, false);
}

/* Put the figures (and their aux records) in text order. */
static int sort_figures(doc_state *d, fig_aux *aux)
{
    size_t n = d->r->n_figures;
    if (n < 2)
        return 0;
    size_t *order = malloc(n * sizeof *order);
    extract_figure *figs = malloc(n * sizeof *figs);
    fig_aux *aux2 = malloc(n * sizeof *aux2);
    if (!order || !figs || !aux2) {
        free(order);
        free(figs);
        free(aux2);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    /* insertion sort, stable: figures are nearly in order already */
    for (size_t i = 1; i < n; i++) {
        size_t o = order[i], k = i;
        /* by start, then end: the order in which the store numbers them */
        const span so = d->r->figures[o].sp;
        while (k > 0 && (d->r->figures[order[k - 1]].sp.start > so.start ||
                         (d->r->figures[order[k - 1]].sp.start == so.start &&
                          d->r->figures[order[k - 1]].sp.end > so.end))) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = o;
    }
    for (size_t i = 0; i < n; i++) {
        figs[i] = d->r->figures[order[i]];
        aux2[i] = aux[order[i]];
    }
    memcpy(d->r->figures, figs, n * sizeof *figs);
    memcpy(aux, aux2, n * sizeof *aux2);
    free(order);
    free(figs);
    free(aux2);
    return 0;
}

/* Does the word matched at m carry the article (الحاجزين, بالمحورين,
 * للمحورين)? */
static bool with_article(const text *t, const lexicon_match *m)
{
    uint32_t start = t->tok[m->tok_first].sp.start, k = m->sp.start;
    uint32_t letters[2];
    size_t n = 0;
    while (k > start && n < 2) {
        uint32_t c = t->cp[--k];
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
            continue; /* harakat, tatweel */
        letters[n++] = c;
    }
    return n == 2 && letters[0] == 0x0644 && (letters[1] == 0x0627 || letters[1] == 0x0644);
}

/* A number glued to و whose noun is left out because the figure before
 * names it: "و48 في طرطوس", "و7 بالدفاعات الجوية", "و37 على يد X". */
static bool glued_to_waw(const text *t, const number *num)
{
    size_t i = num->tok_first;
    return (t->tok[i].kind == TOK_NUMBER && i > 0 && !strcmp(t->tok[i - 1].norm, "و") &&
            t->tok[i - 1].sp.end == t->tok[i].sp.start) ||
           (t->tok[i].kind == TOK_WORD && num->sp.start > t->tok[i].sp.start &&
            t->cp[t->tok[i].sp.start] == 0x0648);
}

/* Does token i open a list, right after a colon of its sentence? */
static bool after_colon(const text *t, size_t i)
{
    return i > 0 && t->tok[i - 1].kind == TOK_PUNCT && t->cp[t->tok[i - 1].sp.start] == ':' &&
           t->tok[i - 1].sentence == t->tok[i].sentence;
}

/* Does what a trigger of this type tells befall people? A bare number it
 * governs counts people. */
static bool befalls_people(const char *type)
{
    static const char *const of_people[] = {"killed",    "injured",   "casualties", "captured",
                                            "displaced", "evacuated", "trapped",    NULL};
    for (size_t p = 0; of_people[p]; p++)
        if (!strcmp(type, of_people[p]))
            return true;
    return false;
}

/* "قتل 3 و12 أصيبوا": a number glued to و, its noun left out, whose own
 * verb follows it at once; so too the first of a list a colon opens
 * ("توزعت الحصيلة على النحو التالي: 38 قتلوا برصاص القناصة"). */
static bool elliptic_subject(const doc_state *d, const fig_state *fs, const number *num,
                             size_t after)
{
    const text *t = d->t;
    size_t i = num->tok_first;
    /* "مؤكدا أن 3 فقط قتلوا": the subject of what is said, too; not "إن
     * الثلاثة قتلوا", the three named before */
    lexicon_match nm = {NULL, num->sp, num->tok_first, num->tok_end, false};
    bool said = i > 0 && t->tok[i - 1].sentence == t->tok[i].sentence &&
                stages_word_in(d, i - 1, FW_COMPLEMENTIZER) && !with_article(t, &nm);
    if (said && after < t->n_tok && word_role(d, after, "only"))
        after++;
    /* "لا يزال 112 ألفا قيد الاختفاء القسري": a state the number is under
     * (قيد، رهن) is said of people, whatever stands before */
    bool state = false;
    /* ... past a verb of remaining ("إن 112 ألفا ما زالوا قيد الاختفاء
     * القسري"): two words at most */
    for (size_t k = after; k < after + 3 && k < t->n_tok && t->tok[k].kind == TOK_WORD &&
                           t->tok[k].sentence == t->tok[i].sentence && !state;
         k++)
        if (!strcmp(t->tok[k].norm, "قيد") || !strcmp(t->tok[k].norm, "رهن")) {
            state = true;
            if (said)
                after = k;
        }
    if ((!glued_to_waw(t, num) && !after_colon(t, i) && !said && !state) || after >= t->n_tok ||
        t->tok[after].sentence != t->tok[i].sentence)
        return false;
    for (size_t k = 0; k < fs->n_tr; k++) {
        if (fs->tr[k].first != after)
            continue;
        /* what is said of a bare number: of people only, as a verb of
         * what befalls them is, or one that only ever follows those it is
         * said of ("إن 640 ألفا يواجهون خطر المجاعة") */
        return fs->tr[k].after && !fs->tr[k].conj &&
               (state || !said || befalls_people(fs->tr[k].type) || !fs->tr[k].before);
    }
    return false;
}

static bool elliptic_after(const doc_state *d, size_t i, size_t after);

/* "أطلقت 20 قذيفة اعترض 8 منها، فيما سقطت 4 في مناطق مفتوحة": a bare number
 * right after a verb of what befalls things, with where or why after it,
 * counts what the figure before it in its sentence counts (people after
 * their verb are bare tolls already). */
static bool elliptic_after_its_verb(const doc_state *d, const fig_state *fs, const number *num,
                                    size_t after)
{
    size_t i = num->tok_first;
    if (i == 0 || !elliptic_after(d, i, after))
        return false;
    size_t from = i > LEXICON_MAX_WORDS ? i - LEXICON_MAX_WORDS : 0;
    for (size_t k = trigger_from(fs->tr, fs->n_tr, from); k < fs->n_tr && fs->tr[k].first < i; k++)
        if (fs->tr[k].end == i && fs->tr[k].before && !befalls_people(fs->tr[k].type))
            return previous_in_sentence(d, i) != NULL;
    return false;
}

/* Does an additive connective (figure_links.tsv: إضافة إلى, فضلا عن) end
 * right before the number? It joins a number to the figure before as و
 * does. */
static bool after_addition(const doc_state *d, const number *num)
{
    return link_ends_at(d, num->tok_first, "addition");
}

/* "قتل 29 شخصا، 14 في خان يونس و9 في رفح": a number right after the comma
 * (or colon, or هم) that closes a figure's clause begins to say where (or why) its count
 * fell, its noun left out as in a list with و. */
static bool after_figure_comma(const doc_state *d, const number *num)
{
    const text *t = d->t;
    size_t i = num->tok_first;
    const extract_figure *before = i > 0 ? previous_in_sentence(d, i) : NULL;
    if (!before || t->tok[i - 1].sentence != t->tok[i].sentence)
        return false;
    size_t end = i - 1; /* the first token past the figure */
    while (end > 0 && t->tok[end - 1].sp.start >= before->sp.end)
        end--;
    return apposition_after(t, end, i);
}

static bool elliptic(const doc_state *d, const number *num, size_t after)
{
    /* "ارتفعت الحصيلة إلى 27 قتيلا بعد أن كانت 19": the value before */
    if (after_former(d, num->tok_first) && previous_in_sentence(d, num->tok_first))
        return true;
    return (glued_to_waw(d->t, num) || after_addition(d, num) || after_figure_comma(d, num)) &&
           elliptic_after(d, num->tok_first, after);
}

/* "وتوزع القتلى على النحو التالي: 20 في دير الزور، و12 في الرقة": the first
 * number of a list a colon opens after a toll (a trigger before the colon,
 * in its sentence), followed by where or why as an elliptic number is. */
static bool opens_toll_list(const doc_state *d, const fig_state *fs, const number *num,
                            size_t after)
{
    const text *t = d->t;
    size_t i = num->tok_first;
    if (!after_colon(t, i) || !elliptic_after(d, i, after))
        return false;
    for (size_t k = 0; k < fs->n_tr && fs->tr[k].end < i; k++)
        if (fs->tr[k].before && t->tok[fs->tr[k].first].sentence == t->tok[i].sentence)
            return true;
    return false;
}

/* "وتوزع القتلى على النحو التالي:" then "- 9 في رفح" on a line of its own:
 * a bare number opening an item of a list whose heading tells what befell
 * people, where or why after it as an elliptic number has. */
static bool item_of_toll_list(const doc_state *d, const fig_state *fs, const number *num,
                              size_t after)
{
    const text *t = d->t;
    size_t i = num->tok_first;
    size_t colon = list_heading_colon(t, i);
    if (colon == EXTRACT_NO_INDEX || !elliptic_after(d, i, after))
        return false;
    for (size_t k = 0; k < fs->n_tr; k++)
        if (fs->tr[k].before && befalls_people(fs->tr[k].type) &&
            list_heading_governs(d, &fs->tr[k], colon))
            return true;
    return false;
}

/* Does the word at after (past the number at token i) carry what an
 * elliptic number needs: where, at whose hands, or why? */
static bool elliptic_after(const doc_state *d, size_t i, size_t after)
{
    const text *t = d->t;
    /* "و13 مساء الثلاثاء في إدلب": when it was stands between the number
     * and where; a few words of time at most */
    lexicon_match wm;
    for (size_t k = 0;
         k < 3 && after < t->n_tok && t->tok[after].kind == TOK_WORD &&
         lexicon_match_at(d->m->dates, t, after, PROCLITICS_NONE, &wm) &&
         (!strcmp(model_field(wm.entry, 1), "lead") || !strcmp(model_field(wm.entry, 1), "day") ||
          !strcmp(model_field(wm.entry, 1), "weekday"));
         k++)
        after = wm.tok_end;
    if (after >= t->n_tok || t->tok[after].kind != TOK_WORD ||
        t->tok[after].sentence != t->tok[i].sentence || word_role(d, after, "percent"))
        return false;
    const char *w = t->tok[after].norm;
    /* "و37 على يد قسد": whose hands, as the figure before said what */
    if (!strcmp(w, "علي") && after + 1 < t->n_tok && !strcmp(t->tok[after + 1].norm, "يد"))
        return true;
    if (!strcmp(w, "في"))
        return !(after + 1 < t->n_tok && word_role(d, after + 1, "percent"));
    /* "و45 ألفا إلى جنوب السودان": where they went, as "في" says where */
    if (!strcmp(w, "الي"))
        return true;
    /* "و9 جراء القصف", "و4 إثر انفجار لغم": the cause, as the figure
     * before said what; "و200 ألف جزئيا": how far, as it said what */
    if (word_role(d, after, "because") || word_role(d, after, "extent"))
        return true;
    /* بمخيمات, بالدفاعات: a word with the preposition بـ */
    return !strncmp(w, "ب", strlen("ب")) && strlen(w) > strlen("بال");
}

/* "... حلب 30 عنصرا، طرطوس 6، القنيطرة 5": a bare number right after a
 * place, next in a list by place after a figure, closed by punctuation:
 * the noun is left out as the list goes on. */
static bool listed_by_place(const doc_state *d, const fig_state *fs, const number *num,
                            size_t after)
{
    const text *t = d->t;
    const extract_figure *before = previous_in_sentence(d, num->tok_first);
    if (!before || (after < t->n_tok && t->tok[after].kind != TOK_PUNCT &&
                    t->tok[after].sentence == t->tok[num->tok_first].sentence))
        return false;
    return next_by_place(d, fs->aux[before - d->r->figures].end, num->tok_first);
}

/* The colon a few words before the number at token i ("كالآتي: النبطية
 * 1285"), or EXTRACT_NO_INDEX. */
static size_t colon_before_item(const text *t, size_t i)
{
    for (size_t back = 2; back <= LEXICON_MAX_WORDS + 1 && back <= i; back++)
        if (after_colon(t, i - back + 1))
            return i - back;
    return EXTRACT_NO_INDEX;
}

/* "كالآتي: الجنوب 987، البقاع 412": is the number at token i, after a
 * word or two right after the colon at token `colon`, the first of a list
 * by place whose first item is a region named by a bare common word (no
 * place of the gazetteer)? The next item, a place and its number after a
 * comma, shows it. */
static bool opened_by_a_bare_region(const doc_state *d, size_t colon, size_t i, size_t after)
{
    const text *t = d->t;
    if (i - colon > 3 || after + 1 >= t->n_tok || t->tok[after].kind != TOK_PUNCT ||
        (t->cp[t->tok[after].sp.start] != ',' && t->cp[t->tok[after].sp.start] != 0x060C))
        return false;
    for (size_t j = colon + 1; j < i; j++)
        if (t->tok[j].kind != TOK_WORD || in_a_number(d, j))
            return false;
    size_t q = place_opening_at(d, after + 1);
    return q != EXTRACT_NO_INDEX && number_starts_at(d, d->place_toks[q].end);
}

/* "وتوزع الشهداء على المحافظات كالآتي: النبطية 1285، الجنوب 987": a bare
 * number right after the place that opens a list a colon opens after a
 * toll of people (a trigger before the colon, in its sentence), closed by
 * punctuation: the first item of a list by place, its noun left out
 * (listed_by_place reads the items after it). */
static bool opens_place_list(const doc_state *d, const fig_state *fs, const number *num,
                             size_t after)
{
    const text *t = d->t;
    size_t i = num->tok_first;
    if (after < t->n_tok && t->tok[after].kind != TOK_PUNCT &&
        t->tok[after].sentence == t->tok[i].sentence)
        return false;
    size_t colon = colon_before_item(t, i);
    if (colon == EXTRACT_NO_INDEX)
        return false;
    size_t p = place_opening_at(d, colon + 1);
    if (p == EXTRACT_NO_INDEX ? !opened_by_a_bare_region(d, colon, i, after)
                              : d->place_toks[p].end != i)
        return false;
    for (size_t k = 0; k < fs->n_tr && fs->tr[k].end <= colon; k++)
        if (fs->tr[k].before && befalls_people(fs->tr[k].type) &&
            t->tok[fs->tr[k].first].sentence == t->tok[i].sentence)
            return true;
    return false;
}

/* "قتلت قوات النظام 31 مدنيا، والقوات الروسية 6، وقسد 19", "فيما قتلت
 * القوات الروسية 6.": a bare number right after a party, closed by
 * punctuation, after a figure of its sentence: who did it is listed and
 * the verb and the noun are left out (a perpetrator's share in a monthly
 * tally). */
static bool listed_by_party(const doc_state *d, const fig_state *fs, const number *num,
                            size_t after)
{
    const text *t = d->t;
    size_t i = num->tok_first;
    const extract_figure *before = i > 0 ? previous_in_sentence(d, i) : NULL;
    if (!before || !d->in_source[i - 1] || d->in_source[i] ||
        t->tok[i - 1].sentence != t->tok[i].sentence ||
        (after < t->n_tok && t->tok[after].kind != TOK_PUNCT &&
         t->tok[after].sentence == t->tok[i].sentence))
        return false;
    size_t party = i - 1; /* the party's first word */
    while (party > 0 && i - party < LEXICON_MAX_WORDS && d->in_source[party - 1] &&
           t->tok[party - 1].kind == TOK_WORD)
        party--;
    /* the next item of the list ("والقوات الروسية 6") ... */
    if (t->cp[t->tok[party].sp.start] == 0x0648 && party > 0 && t->tok[party - 1].kind == TOK_PUNCT)
        return true;
    /* ... or a clause of the same verb ("فيما قتلت القوات الروسية 6"), not
     * of saying ("وأعلن الدفاع المدني 12") */
    size_t from = party > LEXICON_MAX_WORDS ? party - LEXICON_MAX_WORDS : 0;
    for (size_t k = trigger_from(fs->tr, fs->n_tr, from); k < fs->n_tr && fs->tr[k].first < party;
         k++)
        if (fs->tr[k].end == party && fs->tr[k].before && !strcmp(fs->tr[k].type, before->type))
            return true;
    return false;
}

/* "على الأقل" within the clause after a noun phrase (its owner may stand
 * between), before any other number or punctuation. */
static bool at_least_after(const doc_state *d, size_t from)
{
    const text *t = d->t;
    for (size_t k = from; k < from + 6 && k < t->n_tok; k++) {
        lexicon_match m;
        if (t->tok[k].kind != TOK_WORD || t->tok[k].sentence != t->tok[from].sentence ||
            word_role(d, k, "clause"))
            return false;
        if (lexicon_match_at(d->m->qualifiers, t, k, PROCLITICS_ALL, &m) &&
            !strcmp(model_field(m.entry, 1), "at_least") &&
            strcmp(model_field(m.entry, 2), "before") != 0)
            return true;
    }
    return false;
}

/* Is number k a percent word (بالمئة, read as 100) right after a number, or
 * after one and في? "نحو المئة شخص" is a hundred people: the definite
 * hundred counts when no number comes before it. */
static bool percent_word_after_number(const doc_state *d, size_t k)
{
    const text *t = d->t;
    const number *num = &d->r->numbers[k];
    size_t v = token_holding(t, num->value_sp.start, num->tok_first);
    if (!word_role(d, v, "percent") || k == 0)
        return false;
    const number *prev = &d->r->numbers[k - 1];
    return prev->tok_end == v ||
           (prev->tok_end + 1 == v &&
            stages_word_is(t, prev->tok_end, (const char *const[]){"في", NULL}));
}

/* "تجاوز عدد القتلى 300", "لم يتجاوز عدد الجرحى 5": a verb that qualifies
 * a number (qualifiers.tsv, before it) comes first in a verbal sentence,
 * and its subject, the toll (عدد, حصيلة and what it is of), stands between
 * it and the number, with no mark or clause word in it; past four words
 * (what the toll is of, where or when: "تخطت حصيلة القتلى منذ فجر اليوم
 * 45"), up to update_reach_words, no number either. */
static bool verb_before_toll(const doc_state *d, size_t first, qualifier *q)
{
    const text *t = d->t;
    size_t reach = d->m->windows[WIN_UPDATE_REACH_WORDS];
    for (size_t back = 2; back <= reach + 1 && back <= first; back++) {
        size_t head = first - back;
        if (t->tok[head].kind != TOK_WORD || t->tok[head].sentence != t->tok[first].sentence ||
            word_role(d, head, "clause") || (back > 5 && in_a_number(d, head)))
            return false;
        if (!word_role(d, head, "toll_head") && !word_role(d, head, "death_toll"))
            continue;
        return qualifying_verb_before(d, head, q);
    }
    return false;
}

/* Is token i the head of a unit's name in construct (لواء شهداء X, كتائب
 * شهداء X)? With the article it is a noun of its own: "أعلنت الحركة أسر 4". */
static bool unit_name_head(const doc_state *d, size_t i)
{
    lexicon_match m;
    return link_is(d, i, "unit_head", &m) && m.tok_end == i + 1 && !with_article(d->t, &m);
}

/* Does a breakdown word (منهم, من بينهم) end right before token i, after
 * a figure of the same sentence? */
static bool after_breakdown(const doc_state *d, size_t i)
{
    const text *t = d->t;
    const extract_result *r = d->r;
    if (r->n_figures == 0 ||
        r->figures[r->n_figures - 1].quote.start != t->sentences[t->tok[i].sentence].start)
        return false;
    for (size_t back = 1; back <= 3 && back <= i; back++) {
        lexicon_match m;
        /* "23 جريحا توزعوا بين 14 في خان يونس و9 في رفح": a verb of
         * distribution reaches its number past بين or على */
        if (t->tok[i - back].sentence == t->tok[i].sentence &&
            link_is(d, i - back, "breakdown", &m) &&
            (m.tok_end == i ||
             (m.tok_end + 1 == i &&
              stages_word_is(t, i - 1, (const char *const[]){"بين", "علي", NULL}))))
            return true;
    }
    return false;
}

/* Does "من" at token j lead straight to an army or an armed group
 * ("30 من الدعم السريع", "12 من الجيش")? Its people are counted without
 * a noun. */
static bool force_after(const doc_state *d, size_t j)
{
    if (j + 1 >= d->t->n_tok || !word_role(d, j, "of") ||
        d->t->tok[j + 1].sentence != d->t->tok[j].sentence)
        return false;
    for (size_t m = 0; m < d->r->n_source_mentions; m++)
        if (d->smention_toks[m].first == j + 1)
            return military_kind(d->r->sources[d->r->source_mentions[m].source].kind);
    return false;
}

/* Digits flagged as part of a name after a definite name word that are a
 * count all the same: the word is the subject, and a counted noun in the
 * singular accusative follows, as a count of 11 and more takes it
 * ("وانتزع المشروع 87 لغما", "وأسر اللواء 15 عنصرا"); a name keeps its
 * own words after it ("اللواء 47 مواقع"). */
static bool subject_before_count(const doc_state *d, const number *num)
{
    const text *t = d->t;
    if (num->flags != NUMFLAG_IN_NAME || !num->has_value || num->value < 11 ||
        num->tok_first == 0 || num->tok_end >= t->n_tok ||
        t->tok[num->tok_end].sentence != t->tok[num->tok_first].sentence)
        return false;
    lexicon_match nm;
    if (!lexicon_match_at(d->m->name_numbers, t, num->tok_first - 1, PROCLITICS_ALL, &nm) ||
        !with_article(t, &nm) ||
        !lexicon_match_at(d->m->nouns, t, num->tok_end, PROCLITICS_NONE, &nm))
        return false;
    uint32_t c = t->tok[num->tok_end].sp.end;
    while (c > t->tok[num->tok_end].sp.start && t->cp[c - 1] >= 0x064B && t->cp[c - 1] <= 0x0652)
        c--; /* tanween and other harakat */
    return c > t->tok[num->tok_end].sp.start && t->cp[c - 1] == 0x0627 &&
           nm.tok_end == num->tok_end + 1;
}

/* Number k as a figure, when it counts something (see the top of the
 * file). With others_only, only numbers counting "others" (آخرون), whose
 * figure before may be a dual found after the first pass. False when
 * memory runs out. */
/* "5 أشخاص أو 6", "10 جنود أو 12": the number k+1 right after أو after the
 * noun of number k, a little above it (at most twice it) and with no noun of
 * its own, is the other end of what the writer does not know to one: a
 * range. "3 دبابات أو 5 آليات" counts two things; "4 أو 40" is two claims. */
static const number *alternative_after(const doc_state *d, size_t k, const counted *c)
{
    const text *t = d->t;
    const number *x = &d->r->numbers[k];
    if (k + 1 >= d->r->n_numbers || c->end <= c->first || c->first < x->tok_end || !x->has_value ||
        x->has_max || x->qual != QUAL_EXACT || x->value < 1 ||
        !stages_word_is(t, c->end, (const char *const[]){"او", NULL}))
        return NULL;
    const number *y = &d->r->numbers[k + 1];
    if (y->tok_first != c->end + 1 || t->tok[y->tok_first].sentence != t->tok[c->end].sentence ||
        !y->has_value || y->has_max || y->qual != QUAL_EXACT || y->flags ||
        !(y->value > x->value && y->value <= 2 * x->value))
        return NULL;
    counted own;
    if (noun_after(d, token_at_or_after(t, y->value_sp.end, y->tok_first), &own))
        return NULL;
    return y;
}

/* Is number k the other end of the range the figure before made of it? */
static bool inside_figure_before(const doc_state *d, size_t k)
{
    const extract_figure *last = d->r->n_figures ? &d->r->figures[d->r->n_figures - 1] : NULL;
    return last && k > 0 && last->number == k - 1 && last->has_max &&
           last->sp.end >= d->r->numbers[k].sp.end;
}

static bool number_figure(doc_state *d, fig_state *fs, size_t k, bool others_only)
{
    if (inside_figure_before(d, k))
        return true;
    const text *t = d->t;
    const unsigned not_counts = NUMFLAG_ORDINAL | NUMFLAG_YEAR | NUMFLAG_DATE | NUMFLAG_TIME |
                                NUMFLAG_DURATION | NUMFLAG_IN_NAME;
    const number *num = &d->r->numbers[k];
    /* A four-digit number from 1900 to 2100 reads as a year unless a
     * counted noun follows it at once: "2056 جريحا" is no year. */
    bool year_like = (num->flags & not_counts) == NUMFLAG_YEAR;
    if ((num->flags & not_counts) && !year_like && !subject_before_count(d, num))
        return true;
    /* "لوائي 17 و18": the number joined by و to the first number of a dual
     * unit name names the second unit. */
    lexicon_match um;
    if (k > 0 && (d->r->numbers[k - 1].flags & NUMFLAG_IN_NAME) &&
        d->r->numbers[k - 1].tok_first > 0 &&
        lexicon_match_at(d->m->name_numbers, t, d->r->numbers[k - 1].tok_first - 1, PROCLITICS_ALL,
                         &um) &&
        !strcmp(model_field(um.entry, 1), "two units") &&
        ((d->r->numbers[k - 1].tok_end == num->tok_first && t->cp[num->sp.start] == 0x0648) ||
         (d->r->numbers[k - 1].tok_end + 1 == num->tok_first &&
          stages_word_is(t, num->tok_first - 1, (const char *const[]){"و", NULL}))))
        return true;
    size_t vtok = token_holding(t, num->value_sp.start, num->tok_first);
    /* "90 بالمئة", "90 في المئة", "90 %": a percentage (the number before
     * the percent word as well as the word, read as 100, itself); "واحد من
     * كل خمسة مقاتلين": a ratio; "5 كم", "3 مرات": a measure. */
    size_t next = token_at_or_after(t, num->value_sp.end, num->tok_first);
    bool percent_next = next < t->n_tok && t->tok[next].sentence == t->tok[vtok].sentence &&
                        (word_role(d, next, "percent") ||
                         (stages_word_is(t, next, (const char *const[]){"في", NULL}) &&
                          next + 1 < t->n_tok && word_role(d, next + 1, "percent")));
    if (percent_word_after_number(d, k) || percent_next ||
        (num->tok_first > 0 && word_role(d, num->tok_first - 1, "every")) ||
        (next < t->n_tok && t->tok[next].sentence == t->tok[vtok].sentence &&
         (word_role(d, next, "unit") || t->cp[t->tok[next].sp.start] == '%' ||
          t->cp[t->tok[next].sp.start] == 0x066A)))
        return true;
    size_t after = token_at_or_after(t, num->value_sp.end, num->tok_first);
    size_t vfirst = token_holding(t, num->value_sp.start, num->tok_first);
    /* (130) طفلا, /520/ عنصرا: the number in brackets or slashes. */
    if (vfirst > 0 && is_open_mark(t, vfirst - 1) && is_close_mark(t, after))
        after++;
    counted c;
    bool found = noun_after(d, after, &c);
    /* "مقتل 4 من الفصائل", "قتل 12 جنديا و4 من الفصائل": after a verb that
     * befalls people only, or down a list of people's tolls, the factions
     * of the story count their members; "وقع 3 من الفصائل" counts bodies */
    if (found && fs->members && c.first == after + 1 && word_role(d, after, "of") &&
        definite(t, c.first) && !strcmp(model_field(c.noun, 1), "factions")) {
        const extract_figure *before = previous_in_sentence(d, num->tok_first);
        if (verb_of_people_right_before(fs, num->tok_first) ||
            (before && before->subject_category &&
             (!strcmp(before->subject_category, "combatants") ||
              !strcmp(before->subject_category, "people")) &&
             type_fits(before->type, "people") && !type_fits(before->type, "other")))
            c = (counted){fs->members, after, after, num->sp};
    }
    /* "أسقطت 5 من أصل 8 طائرات": the part counts the noun of its whole
     * and the verb befell it; the whole (the next number) is what there
     * was: a count, unless its noun says what happened (جثة). */
    lexicon_match om;
    bool part_of_whole = false;
    const lexicon_entry *own_noun = NULL; /* the whole's noun, when it types itself */
    if (!found && num->has_value && link_is(d, after, "out_of", &om) && k + 1 < d->r->n_numbers &&
        d->r->numbers[k + 1].tok_first == om.tok_end && d->r->numbers[k + 1].has_value &&
        !(d->r->numbers[k + 1].flags & not_counts)) {
        const number *whole = &d->r->numbers[k + 1];
        found = part_of_whole =
            noun_after(d, token_at_or_after(t, whole->value_sp.end, whole->tok_first), &c) &&
            *model_field(c.noun, 1) && strcmp(model_field(c.noun, 1), "=") != 0;
        /* "توفي 3 من أصل 7 جرحى": what the whole's noun says befell the
         * whole; the part is people the verb befell */
        if (found && *model_field(c.noun, 3) && fs->people) {
            own_noun = c.noun;
            c.noun = fs->people;
        }
    }
    bool whole_of_part = k > 0 && num->tok_first >= 2 &&
                         link_is(d, num->tok_first - 2, "out_of", &om) &&
                         om.tok_end == num->tok_first && fs->n_aux && d->r->n_figures &&
                         d->r->figures[d->r->n_figures - 1].number == k - 1 &&
                         fs->aux[fs->n_aux - 1].end == num->tok_first - 2;
    if (!found && whole_of_part && num->has_value) {
        /* "اعترضت 40 صاروخا من أصل 65 أطلقت": the whole whose noun is
         * left out counts the part's noun */
        const number *part = &d->r->numbers[k - 1];
        counted pc;
        if (noun_after(d, token_at_or_after(t, part->value_sp.end, part->tok_first), &pc) &&
            *model_field(pc.noun, 1) && strcmp(model_field(pc.noun, 1), "=") != 0) {
            c = (counted){pc.noun, after, after, num->sp};
            found = true;
        }
    }
    if (year_like && (!found || c.first != after))
        return true;
    if (others_only && (!found || c.noun != fs->others))
        return true;
    if (!found && !num->has_value)
        found = noun_before(d, num->tok_first, &c);
    if (!found && !num->has_value && fs->people && vague_alone(d, num, after)) {
        /* "وأصيب العشرات", "نزح الآلاف": the amount stands for the people */
        c = (counted){fs->people, after, after, num->sp};
        found = true;
    }
    if (!found && num->has_value && num->form == NUMFORM_WORDS &&
        num->tok_end == num->tok_first + 1 && word_role(d, num->tok_first, "after_noun"))
        found = noun_just_before(d, num->tok_first, &c) && agrees_in_definiteness(d, num, &c);
    if (!found && num->has_value && (num->flags & NUMFLAG_DEFINITE) && num->form == NUMFORM_WORDS &&
        num->tok_end == num->tok_first + 1 && possessed_people(d, num->tok_first, &c)) {
        /* "قتل أبناؤه الأربعة": a count when a word says what befell them;
         * "كان أطفاله الثلاثة في المدرسة" reports nothing */
        const trigger *cause;
        bool weak;
        found = strcmp(figure_type(d, fs->tr, fs->n_tr, &c, model_field(c.noun, 2), num->tok_first,
                                   fs->covered, &cause, &weak),
                       "count") != 0;
    }
    lexicon_match lm;
    bool of_them = false;
    if (!found && num->has_value && fs->others && link_is(d, after, "breakdown", &lm) &&
        lm.tok_end == after + 1 && !number_starts_at(d, lm.tok_end)) {
        /* "30 منهم": a part of the figure before, counting what it counts;
         * but "قتل 40 بينهم 12 طفلا", "عدد الجرحى 30 منهم 5 نساء": a number
         * after the word is a part of this one, which a toll names */
        c = (counted){fs->others, lm.tok_first, lm.tok_end, lm.sp};
        found = of_them = true;
    }
    if (!found && num->has_value && fs->members && force_after(d, after)) {
        /* "أسر 30 من الدعم السريع": members of the force named */
        c = (counted){fs->members, after, after, num->sp};
        found = true;
    }
    if (!found && num->has_value && fs->others && after_breakdown(d, num->tok_first)) {
        /* "أصيب 40 شخصا، منهم 15 في حالة خطرة": the noun left out */
        c = (counted){fs->others, after, after, num->sp};
        found = of_them = true;
    }
    if (!found && num->has_value && fs->dead && death_toll_before(d, num->tok_first)) {
        /* "الحصيلة 1030", "ارتفعت الحصيلة إلى 11": a toll with no noun is a
         * death toll */
        c = (counted){fs->dead, after, after, num->sp};
        found = true;
    }
    const char *named_after = NULL;
    counted of = {0};
    if (!found && num->has_value && fs->people &&
        ((named_after = toll_after_its_number(d, fs, num)) || bare_toll(d, fs, num, &of))) {
        /* the toll's own noun when it names one, else people */
        c = (counted){named_after || !of.noun ? fs->people : of.noun, after, after, num->sp};
        found = true;
    }
    /* a qualified number too, when its own verb follows ("إن أكثر من 50
     * قتلوا") */
    if (!found && num->has_value && fs->others &&
        ((num->qual == QUAL_EXACT &&
          (elliptic(d, num, after) || opens_toll_list(d, fs, num, after) ||
           listed_by_place(d, fs, num, after) || listed_by_party(d, fs, num, after) ||
           item_of_toll_list(d, fs, num, after) || opens_place_list(d, fs, num, after))) ||
         elliptic_subject(d, fs, num, after) ||
         (num->qual == QUAL_EXACT && elliptic_after_its_verb(d, fs, num, after)))) {
        /* "قتل 100 شخص في جبلة و48 في طرطوس": the noun is not repeated;
         * with no figure before it, a number whose verb of people follows
         * counts people ("الحصيلة كالتالي: 38 قتلوا") */
        c = (counted){fs->others, after, after, num->sp};
        if (fs->people && !previous_in_sentence(d, num->tok_first) &&
            (elliptic_subject(d, fs, num, after) || opens_toll_list(d, fs, num, after) ||
             item_of_toll_list(d, fs, num, after) || opens_place_list(d, fs, num, after)))
            c.noun = fs->people;
        found = true;
    }
    /* "- جهات أخرى: 9" in a table under a heading of distribution: the
     * row's count ends its line, its noun left out; it counts people when
     * the rows do (the parts are linked to the toll in link_figures) */
    if (!found && num->has_value && num->qual == QUAL_EXACT && fs->people && fs->n_aux &&
        (after >= t->n_tok || t->tok[after].newline_before) &&
        distribution_row(d, num->tok_first) != EXTRACT_NO_INDEX &&
        d->r->figures[d->r->n_figures - 1].subject_category &&
        type_fits("killed", d->r->figures[d->r->n_figures - 1].subject_category)) {
        c = (counted){fs->people, after, after, num->sp};
        found = true;
    }
    if (!found)
        return true;
    span sp = {num->sp.start < c.sp.start ? num->sp.start : c.sp.start,
               num->sp.end > c.sp.end ? num->sp.end : c.sp.end};
    if (part_of_whole)
        sp = num->sp; /* the noun is its whole's */
    size_t n_before = d->r->n_figures;
    if (!add_figure(d, fs, &c, sp, num->tok_first, num, k))
        return false;
    /* the bare region that opens a list by place is none of the places of
     * the items after it */
    size_t colon = c.noun == fs->others || c.noun == fs->people
                       ? colon_before_item(t, num->tok_first)
                       : EXTRACT_NO_INDEX;
    if (d->r->n_figures > n_before && colon != EXTRACT_NO_INDEX &&
        place_opening_at(d, colon + 1) == EXTRACT_NO_INDEX &&
        opened_by_a_bare_region(d, colon, num->tok_first, after))
        d->r->figures[d->r->n_figures - 1].place = EXTRACT_NO_INDEX;
    if (fs->n_aux && d->r->figures[d->r->n_figures - 1].number == k) {
        /* "... مع مجموعة من المهربين، ما أدى إلى مقتل 4 منهم": of people its
         * own sentence names, no part of the figure before */
        fs->aux[fs->n_aux - 1].of_them = of_them && (previous_in_sentence(d, num->tok_first) ||
                                                     !people_named_before(d, fs, num->tok_first));
        extract_figure *g = &d->r->figures[d->r->n_figures - 1];
        if (named_after && !strcmp(g->type, "count"))
            g->type = named_after;
        if (own_noun && !strcmp(g->type, "count")) {
            /* "انتشل 51 من أصل 200 جثة": no verb says otherwise */
            g->type = model_field(own_noun, 3);
            g->object = model_field(own_noun, 1);
        }
        if (whole_of_part) {
            /* munitions of which some were intercepted were fired */
            const char *itype = model_field(c.noun, 3);
            bool munitions = !strcmp(model_field(c.noun, 2), "munitions");
            g->type = *itype                                 ? itype
                      : munitions && *model_field(c.noun, 4) ? model_field(c.noun, 4)
                                                             : "count";
        }
        /* "100 عنصر من التنظيم على الأقل": the qualifier closes the noun phrase */
        extract_figure *f = &d->r->figures[d->r->n_figures - 1];
        if (f->qual == QUAL_EXACT && c.end > c.first && at_least_after(d, c.end))
            f->qual = QUAL_AT_LEAST;
        qualifier vq;
        if (f->qual == QUAL_EXACT && verb_before_toll(d, num->tok_first, &vq))
            f->qual = vq;
        if (f->qual == QUAL_EXACT && feared_ceiling(d, num->tok_first))
            f->qual = QUAL_UP_TO;
        const number *other_end = f->qual == QUAL_EXACT ? alternative_after(d, k, &c) : NULL;
        if (other_end) {
            f->value_max = other_end->value;
            f->has_max = true;
            f->qual = QUAL_RANGE;
            f->sp.end = other_end->sp.end;
            fs->aux[fs->n_aux - 1].end = other_end->tok_end;
        }
    }
    return true;
}

/* "دمشق - سانا: استشهد 3 مدنيين ... . وذكر مصدر في الشرطة أن ... ما أدى إلى
 * استشهاد 3 مدنيين": the outlet's unattributed lead sums up a statement
 * the body then gives. A lead figure that a named party states again, the
 * same count of the same thing, is that party's claim; its parts go with
 * it. */
static void lead_developed(doc_state *d, const fig_aux *aux)
{
    extract_figure *f = d->r->figures;
    size_t n = d->r->n_figures, outlet = d->r->outlet;
    if (outlet == EXTRACT_NO_INDEX)
        return;
    for (size_t i = 0; i < n && aux[i].first < d->narrated_lead_end; i++) {
        if (f[i].claimant != outlet)
            continue;
        if (f[i].part_of != EXTRACT_NO_INDEX && f[i].part_of < i) {
            size_t whole = f[i].part_of;
            if (f[whole].claimant != outlet && aux[whole].first < d->narrated_lead_end)
                f[i].claimant = f[whole].claimant;
            continue;
        }
        if (!f[i].has_value)
            continue;
        for (size_t j = i + 1; j < n; j++)
            if (aux[j].first >= d->narrated_lead_end && f[j].has_value &&
                f[j].value == f[i].value && !strcmp(f[j].type, f[i].type) &&
                counts_same(f, aux, i, j) && f[j].claimant != EXTRACT_NO_INDEX &&
                f[j].claimant != outlet && !f[j].denied) {
                f[i].claimant = f[j].claimant;
                break;
            }
    }
}

/* The end of the headline, a short first line set apart by a blank line
 * without a full stop (extract.c reads the title so, after the figures),
 * or 0 when the text opens with none. */
static size_t headline_end(const doc_state *d)
{
    const text *t = d->t;
    size_t end = 1, words = 0;
    if (t->n_tok == 0)
        return 0;
    while (end < t->n_tok && !t->tok[end].newline_before)
        end++;
    if (end == t->n_tok)
        return 0;
    for (size_t i = 0; i < end; i++)
        words += t->tok[i].kind != TOK_PUNCT;
    uint32_t last = t->cp[t->tok[end - 1].sp.start];
    if (words > d->m->windows[WIN_TITLE_MAX_WORDS] || last == '.' || last == '!' ||
        last == 0x061F || last == '?' || last == ':')
        return 0;
    unsigned breaks = 0;
    for (uint32_t c = t->tok[end - 1].sp.end; c < t->tok[end].sp.start; c++)
        breaks += t->cp[c] == '\n';
    return breaks >= 2 ? end : 0;
}

/* "مقتل 12 شخصا بقصف على دير البلح" over "قالت الوزارة إن 12 شخصا قتلوا
 * ...": the lead (the first paragraphs after the headline that tell figures)
 * tells again the headline's toll, the same count of the same thing: one claim, the
 * lead's, which says who tells it; what the headline's figure had (its
 * parts, what updates it or what it updates) goes to the lead's. */
static void merge_headline_repeats(doc_state *d, fig_aux *aux)
{
    const text *t = d->t;
    extract_figure *f = d->r->figures;
    size_t n = d->r->n_figures, head = headline_end(d), outlet = d->r->outlet;
    if (!head || !n || aux[0].first >= head)
        return;
    size_t n_head = 0;
    while (n_head < n && aux[n_head].first < head)
        n_head++;
    if (n_head == n)
        return;
    /* the lead is the first paragraph that tells a figure (a first
     * paragraph that only sets the scene, "أحبطت القوات محاولة تهريب",
     * leaves the toll to the next) and the paragraph after it, which
     * tells the rest of a headline of two tolls ("مقتل 4 مهربين وضبط
     * 600 ألف حبة") */
    size_t lead_end = aux[n_head].first + 1;
    for (int para = 0; para < 2 && lead_end < t->n_tok; para++) {
        if (para)
            lead_end++;
        while (lead_end < t->n_tok && !t->tok[lead_end].newline_before)
            lead_end++;
    }
    size_t *same = malloc(n * sizeof *same); /* a headline figure's lead figure */
    size_t *to = malloc(n * sizeof *to);
    if (!same || !to) {
        free(same);
        free(to);
        return;
    }
    for (size_t i = 0; i < n; i++)
        same[i] = EXTRACT_NO_INDEX;
    for (size_t i = 0; i < n_head; i++) {
        if (!f[i].has_value)
            continue;
        size_t whole = f[i].part_of == EXTRACT_NO_INDEX ? EXTRACT_NO_INDEX : same[f[i].part_of];
        if (f[i].part_of != EXTRACT_NO_INDEX && whole == EXTRACT_NO_INDEX)
            continue;
        for (size_t j = n_head; j < n && aux[j].first < lead_end; j++) {
            bool taken = false;
            for (size_t k = 0; k < i && !taken; k++)
                taken = same[k] == j;
            bool parties = f[i].claimant != EXTRACT_NO_INDEX && f[i].claimant != outlet &&
                           f[j].claimant != EXTRACT_NO_INDEX && f[j].claimant != outlet;
            if (taken || !f[j].has_value || f[i].value != f[j].value ||
                strcmp(f[i].type, f[j].type) != 0 || !f[i].object || !f[j].object ||
                strcmp(f[i].object, f[j].object) != 0 || f[j].part_of != whole ||
                (f[i].supersedes != EXTRACT_NO_INDEX && f[j].supersedes != EXTRACT_NO_INDEX) ||
                (parties && f[i].claimant != f[j].claimant) || f[i].denied != f[j].denied)
                continue;
            same[i] = j;
            if (f[j].claimant == EXTRACT_NO_INDEX || f[j].claimant == outlet)
                f[j].claimant = f[i].claimant != EXTRACT_NO_INDEX ? f[i].claimant : f[j].claimant;
            if (f[j].place == EXTRACT_NO_INDEX)
                f[j].place = f[i].place;
            if (f[j].supersedes == EXTRACT_NO_INDEX && f[i].supersedes != j)
                f[j].supersedes = f[i].supersedes;
            break;
        }
    }
    /* "مقتل 12 شخصا" over "إن 15 شخصا قتلوا": a larger toll of the same
     * count by the same party in the lead updates the headline's */
    for (size_t i = 0; i < n_head; i++) {
        if (same[i] != EXTRACT_NO_INDEX || !f[i].has_value || f[i].part_of != EXTRACT_NO_INDEX)
            continue;
        for (size_t j = n_head; j < n && aux[j].first < lead_end; j++)
            if (f[j].has_value && f[j].part_of == EXTRACT_NO_INDEX &&
                !strcmp(f[i].type, f[j].type) && f[i].object && f[j].object &&
                !strcmp(f[i].object, f[j].object) && f[i].claimant == f[j].claimant &&
                f[i].denied == f[j].denied) {
                if (f[j].value > f[i].value && f[j].supersedes == EXTRACT_NO_INDEX)
                    f[j].supersedes = i;
                break; /* the first toll of that count in the lead, only */
            }
    }
    /* drop the headline's, and renumber what points at figures */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        to[i] = same[i] != EXTRACT_NO_INDEX ? EXTRACT_NO_INDEX : kept++;
    for (size_t i = 0; i < n; i++)
        if (same[i] != EXTRACT_NO_INDEX)
            to[i] = to[same[i]];
    for (size_t i = 0, w = 0; i < n; i++) {
        if (same[i] != EXTRACT_NO_INDEX)
            continue;
        f[w] = f[i];
        aux[w] = aux[i];
        if (f[w].part_of != EXTRACT_NO_INDEX)
            f[w].part_of = to[f[w].part_of];
        if (f[w].supersedes != EXTRACT_NO_INDEX)
            f[w].supersedes = to[f[w].supersedes];
        if (f[w].supersedes == w)
            f[w].supersedes = EXTRACT_NO_INDEX;
        w++;
    }
    d->r->n_figures = kept;
    free(to);
    free(same);
}

/* Does a number or a counted noun end right before token k ("7 قتلوا",
 * "5 أشخاص قتلوا", "جنديين قتلا"), so that a verb at k is said of it? */
static bool counted_ends_at(const doc_state *d, size_t k)
{
    if (number_ending_at(d, k) != EXTRACT_NO_INDEX)
        return true;
    lexicon_match nm, dm;
    for (size_t j = k >= 3 ? k - 3 : 0; j < k; j++)
        if ((lexicon_match_at(d->m->nouns, d->t, j, PROCLITICS_ALL, &nm) && nm.tok_end == k) ||
            (lexicon_match_at(d->m->duals, d->t, j, PROCLITICS_ALL, &dm) && dm.tok_end == k))
            return true;
    return false;
}

/* Does a counted noun end at token k, or before its owner that ends at k:
 * a party's name, a word with its pronoun or with the article, itself or
 * after من ("11 من عناصر قواته قتلوا", "5 من مقاتلي الجيش قتلوا", "5 جنود
 * من الجيش قتلوا")? The verb at k is then that noun's own. */
static bool counted_or_owner_ends_at(const doc_state *d, size_t k)
{
    enum { OWNER_WORDS = 4 };
    const text *t = d->t;
    static const char *const of[] = {"من", NULL};
    bool after_owner = false; /* the word past w is an owner stepped over */
    for (size_t j = k; j > 0 && k - j <= OWNER_WORDS; j--) {
        if (counted_ends_at(d, j))
            return true;
        size_t w = j - 1;
        if (t->tok[w].kind != TOK_WORD || t->tok[w].sentence != t->tok[k - 1].sentence)
            return false;
        bool owner =
            d->in_source[w] || possessive(t, w) || !strncmp(t->tok[w].norm, "ال", strlen("ال"));
        if (!owner && !(after_owner && stages_word_is(t, w, of)))
            return false;
        after_owner = owner;
    }
    return false;
}

/* Does token k follow an aside set off by commas right after a counted
 * noun ("3 مدنيين، بينهم طفلان، قتلوا", "40 شخصا، معظمهم نساء، نزحوا")?
 * The verb at k is then that noun's own. */
static bool after_aside_of_counted(const doc_state *d, size_t k)
{
    static const uint32_t commas[] = {',', 0x060C, 0};
    const text *t = d->t;
    if (k < 3 || !mark_in(t, k - 1, commas))
        return false;
    size_t reach = d->m->windows[WIN_ASIDE_WORDS];
    for (size_t j = k - 2; j > 0 && k - 2 - j <= reach && t->tok[j].sentence == t->tok[k].sentence;
         j--) {
        if (!mark_in(t, j, commas))
            continue;
        lexicon_match am;
        return counted_ends_at(d, j) &&
               (link_is(d, j + 1, "breakdown", &am) || link_is(d, j + 1, "aside", &am));
    }
    return false;
}

/* Is token k the last word of a clause: the sentence ends, a mark follows,
 * or the next word is no counted noun nor a number ("وأصيب آخر بجروح")? */
static bool stands_alone(const doc_state *d, size_t k)
{
    const text *t = d->t;
    lexicon_match nm;
    return k + 1 >= t->n_tok || t->tok[k + 1].kind == TOK_PUNCT ||
           t->tok[k + 1].sentence != t->tok[k].sentence ||
           (!lexicon_match_at(d->m->nouns, t, k + 1, PROCLITICS_NONE, &nm) &&
            !number_starts_at(d, k + 1));
}

/* "قتل 3 مدنيين وأصيب آخر", "وجرح ثالث": "another" in the singular (the
 * "=" noun of nouns.tsv, not its plural or dual) or an indefinite ordinal
 * (a second, a third one) standing alone as what a verb of what befell
 * people governs is one more of those counted before it in the sentence, a
 * count of 1; with no figure before it, one person. With the article
 * (الثالث) or before a noun (آخر القادة, ثالث مرة) it is no count, nor
 * after a noun (جثث أخرى), which it qualifies. */
static bool one_more_figures(doc_state *d, fig_state *fs)
{
    const text *t = d->t;
    for (size_t g = 0; g < fs->n_tr; g++) {
        const trigger *tr = &fs->tr[g];
        size_t k = tr->end;
        /* a counted noun that says what befell it (جثث أخرى) takes "other"
         * as its adjective: no one more */
        lexicon_match own;
        if (!tr->before || !befalls_people(tr->type) || k >= t->n_tok || definite(t, tr->first) ||
            lexicon_match_at(d->m->nouns, t, tr->first, PROCLITICS_ALL, &own) ||
            t->tok[k].kind == TOK_PUNCT || t->tok[k].sentence != t->tok[tr->first].sentence ||
            definite(t, k) || !stands_alone(d, k))
            continue;
        size_t n = number_starting_at(d, k);
        lexicon_match nm, dm;
        bool ordinal = n != EXTRACT_NO_INDEX && (d->r->numbers[n].flags & NUMFLAG_ORDINAL) &&
                       d->r->numbers[n].tok_end == k + 1 && d->r->numbers[n].value >= 2 &&
                       !d->r->number_is_figure[n];
        bool another = n == EXTRACT_NO_INDEX && !fs->covered[k] &&
                       lexicon_match_at(d->m->nouns, t, k, PROCLITICS_NONE, &nm) &&
                       nm.entry == fs->others && nm.tok_end == k + 1 &&
                       !word_role(d, k, "persons") &&
                       !lexicon_match_at(d->m->duals, t, k, PROCLITICS_NONE, &dm);
        if (!ordinal && !another)
            continue;
        counted c = {previous_in_sentence(d, k) ? fs->others : fs->people, k, k + 1, t->tok[k].sp};
        size_t before = d->r->n_figures;
        if (!add_figure(d, fs, &c, t->tok[k].sp, k, NULL, 0))
            return false;
        if (d->r->n_figures > before)
            d->r->figures[before].value = 1;
    }
    return true;
}

int figures_find(doc_state *d)
{
    const text *t = d->t;
    trigger *tr = NULL;
    size_t n_tr = 0, cap_tr = 0;
    fig_state fs = {0};
    int rc = -1;
    /* "رمى 900 مسلح أسلحتهم": arms laid down, right after whom they were
     * of; with a preposition ("اعتقل 5 مسلحين بأسلحتهم") they are what
     * those were taken with, nothing said to befall anyone; so are those
     * who hand themselves over ("سلم 17 مسلحا أنفسهم", not "بأنفسهم");
     * after a noun with the article the word is of emphasis ("قتل 3 من
     * المهاجمين أنفسهم": the attackers themselves) */
    const lexicon_entry *their_arms = lexicon_find(d->m->triggers, "اسلحتهم"),
                        *themselves = lexicon_find(d->m->triggers, "انفسهم");
    for (size_t i = 0; i < t->n_tok;) {
        lexicon_match tm;
        /* a trigger word inside a party's name (هيئة تحرير الشام, لواء
         * شهداء دوما, كتائب شهداء الأقصى) says nothing happened */
        if (t->tok[i].kind == TOK_PUNCT || d->in_source[i] || (i > 0 && unit_name_head(d, i - 1)) ||
            !lexicon_match_at(d->m->triggers, t, i, PROCLITICS_ALL, &tm)) {
            i++;
            continue;
        }
        /* "نجا 3 أشخاص من محاولة اغتيال": a trigger word inside a counted
         * noun that says nothing befell (an attempt) is that noun's */
        lexicon_match nm;
        if ((i > 0 && lexicon_match_at(d->m->nouns, t, i - 1, PROCLITICS_ALL, &nm) &&
             nm.tok_end >= tm.tok_end && !*model_field(nm.entry, 3)) ||
            ((tm.entry == their_arms || tm.entry == themselves) &&
             (tm.sp.start > t->tok[tm.tok_first].sp.start ||
              (tm.tok_first > 0 && definite(t, tm.tok_first - 1))))) {
            i = tm.tok_end;
            continue;
        }
        /* as many triggers as the text holds: not a served item, no cap */
        if (grow((void **)&tr, &cap_tr, n_tr + 1, sizeof *tr) != 0)
            goto out;
        trigger *g = &tr[n_tr++];
        const char *pos = model_field(tm.entry, 2);
        const char *w = t->tok[tm.tok_first].norm;
        bool conj = tm.sp.start > t->tok[tm.tok_first].sp.start &&
                    (!strncmp(w, "و", strlen("و")) || !strncmp(w, "ف", strlen("ف")));
        bool adjacent = strcmp(pos, "adjacent") == 0;
        *g = (trigger){tm.tok_first,
                       tm.tok_end,
                       model_field(tm.entry, 1),
                       strcmp(pos, "after") != 0,
                       strcmp(pos, "before") != 0 && !adjacent,
                       adjacent,
                       conj,
                       tm.entry};
        /* "استشهاد وإصابة 14"، "مقتل وجرح العشرات": the dead and the
         * wounded named together, each with its own word, count both */
        if (n_tr >= 2 && conj && g->before && tr[n_tr - 2].end == tm.tok_first &&
            !counted_or_owner_ends_at(d, tr[n_tr - 2].first) &&
            !after_aside_of_counted(d, tr[n_tr - 2].first) && tr[n_tr - 2].before &&
            strcmp(pos, "adjacent") != 0 &&
            ((!strcmp(g->type, "injured") && !strcmp(tr[n_tr - 2].type, "killed")) ||
             (!strcmp(g->type, "killed") && !strcmp(tr[n_tr - 2].type, "injured")))) {
            tr[n_tr - 2].end = tm.tok_end;
            tr[n_tr - 2].type = "casualties";
            tr[n_tr - 2].after &= g->after;
            n_tr--;
        }
        i = tm.tok_end;
    }
    fs.tr = tr;
    fs.n_tr = n_tr;

    /* Tokens inside numbers: a dual noun there is part of that number. */
    fs.covered = calloc(t->n_tok + 1, sizeof *fs.covered);
    if (!fs.covered)
        goto out;
    for (size_t k = 0; k < d->r->n_numbers; k++)
        for (size_t i = d->r->numbers[k].tok_first; i < d->r->numbers[k].tok_end && i < t->n_tok;
             i++)
            fs.covered[i] = true;

    fs.others = lexicon_find(d->m->nouns, "اخر");
    fs.people = lexicon_find(d->m->nouns, "شخص");
    fs.dead = lexicon_find(d->m->nouns, "قتيل");
    fs.wounded = lexicon_find(d->m->nouns, "جريح");
    fs.members = lexicon_find(d->m->nouns, "عنصر");
    fs.handover = lexicon_find(d->m->triggers, "تسليم");
    fs.giving_back = lexicon_find(d->m->triggers, "اعاده");
    fs.bodies = lexicon_find(d->m->triggers, "جثث");
    fs.finding = lexicon_find(d->m->triggers, "عثر علي");
    for (size_t k = 0; k < d->r->n_numbers; k++)
        if (!number_figure(d, &fs, k, false))
            goto out;

    /* Dual nouns standing alone: "دبابتين" is two tanks. */
    for (size_t i = 0; i < t->n_tok;) {
        lexicon_match dm;
        if (t->tok[i].kind == TOK_PUNCT || fs.covered[i] ||
            !lexicon_match_at(d->m->duals, t, i, PROCLITICS_ALL, &dm)) {
            i++;
            continue;
        }
        /* A dual with the article refers back to two things already
         * named ("من نفس الحاجزين", "من المحورين"): no new count. */
        if (with_article(t, &dm)) {
            i = dm.tok_end;
            continue;
        }
        /* A construct dual (دبابتي، قذيفتي) is one before what it is of;
         * with no word after it, its ي is "my" ("طائرتي"). */
        const char *last_word = t->tok[dm.tok_end - 1].norm;
        size_t lw = strlen(last_word);
        if (lw >= strlen("ي") && !strcmp(last_word + lw - strlen("ي"), "ي") &&
            (dm.tok_end >= t->n_tok || t->tok[dm.tok_end].kind != TOK_WORD ||
             t->tok[dm.tok_end].sentence != t->tok[dm.tok_first].sentence)) {
            i = dm.tok_end;
            continue;
        }
        /* A dual adjective agrees with the dual before it ("طائرتين
         * مسيرتين"): one figure, whose span grows over it. A dual joined by
         * a conjunction is a second thing counted ("دبابتين وناقلتين"). */
        extract_figure *last = d->r->n_figures ? &d->r->figures[d->r->n_figures - 1] : NULL;
        /* other dual adjectives may come between ("طائرتين تركيتين
         * مسيرتين") */
        size_t prev = dm.tok_first;
        while (prev > 0 && dm.tok_first - prev < 2 && dual_adjective(t, prev - 1) && last &&
               last->sp.end < t->tok[prev - 1].sp.end)
            prev--;
        /* ... in its case: "هاجم مسلحان جنديين" counts two and two */
        if (last && last->number == EXTRACT_NO_INDEX && prev > 0 && !dm.stripped &&
            last->sp.end == t->tok[prev - 1].sp.end &&
            !(dual_case(t, prev - 1) && dual_case(t, dm.tok_end - 1) &&
              dual_case(t, prev - 1) != dual_case(t, dm.tok_end - 1))) {
            last->sp.end = dm.sp.end;
            fs.aux[fs.n_aux - 1].end = dm.tok_end;
            i = dm.tok_end;
            continue;
        }
        /* ... and agrees so with a dual that counts nothing read ("قال
         * مصدران أمنيان لبنانيان"): no count of its own */
        if (prev > 0 && !dm.stripped && nominative_dual_shape(t, dm.tok_first) &&
            nominative_dual_shape(t, prev - 1) &&
            t->tok[prev - 1].sentence == t->tok[dm.tok_first].sentence &&
            !(last && last->sp.end >= t->tok[prev - 1].sp.end &&
              last->sp.start <= t->tok[prev - 1].sp.start)) {
            i = dm.tok_end;
            continue;
        }
        size_t noun_index = (size_t)strtoul(model_field(dm.entry, 1), NULL, 10);
        counted c = {lexicon_entry_at(d->m->nouns, noun_index), dm.tok_first, dm.tok_end, dm.sp};
        size_t before = d->r->n_figures;
        if (!add_figure(d, &fs, &c, dm.sp, dm.tok_first, NULL, 0))
            goto out;
        /* "قتل مسلحان جنديين", "أصاب مسلحان 4 جنود": a dual in the
         * nominative before the verb's object, a dual in the accusative or a
         * number, is its subject: who did it is counted, nothing befell them */
        lexicon_match om;
        if (d->r->n_figures > before && !dm.stripped && dual_case(t, dm.tok_end - 1) == 'n' &&
            dm.tok_end < t->n_tok && t->tok[dm.tok_end].sentence == t->tok[dm.tok_first].sentence &&
            (number_starts_at(d, dm.tok_end) ||
             (dual_case(t, dm.tok_end) == 'o' &&
              lexicon_match_at(d->m->duals, t, dm.tok_end, PROCLITICS_NONE, &om))))
            d->r->figures[before].type = "count";
        /* "قصفت البلدة من حاجزي X وY": two sites named, where nothing befell
         * them, are named, not counted ("السيطرة على حاجزي X وY" counts) */
        if (d->r->n_figures > before && !strcmp(d->r->figures[before].type, "count") &&
            dual_names_places(d, &dm)) {
            d->r->n_figures = before;
            fs.n_aux--;
            i = dm.tok_end;
            continue;
        }
        /* "ما لا يقل عن مجزرتين", "أكثر من طائرتين": a qualifier before the
         * dual */
        lexicon_match qm;
        /* the longest first: "ما لا يقل عن" before "لا يقل عن" */
        for (size_t back = LEXICON_MAX_WORDS; back >= 1; back--) {
            if (back > dm.tok_first)
                continue;
            size_t q = dm.tok_first - back;
            qualifier qual;
            if (t->tok[q].sentence == t->tok[dm.tok_first].sentence &&
                lexicon_match_at(d->m->qualifiers, t, q, PROCLITICS_ALL, &qm) &&
                qm.tok_end == dm.tok_first && strcmp(model_field(qm.entry, 2), "after") != 0 &&
                qualifier_parse(model_field(qm.entry, 1), &qual) && d->r->n_figures > before) {
                d->r->figures[d->r->n_figures - 1].qual = qual;
                d->r->figures[d->r->n_figures - 1].sp.start = qm.sp.start;
                break;
            }
        }
        /* "قتيلين على الأقل": a qualifier after the dual. */
        if (dm.tok_end < t->n_tok &&
            lexicon_match_at(d->m->qualifiers, t, dm.tok_end, PROCLITICS_ALL, &qm) &&
            strcmp(model_field(qm.entry, 2), "before") != 0 &&
            !strcmp(model_field(qm.entry, 1), "at_least")) {
            d->r->figures[d->r->n_figures - 1].qual = QUAL_AT_LEAST;
            d->r->figures[d->r->n_figures - 1].sp.end = qm.sp.end;
        }
        i = dm.tok_end;
    }
    if (!one_more_figures(d, &fs))
        goto out;
    /* "وإصابة 19 آخرين" after a dual ("قتيلين"), found only now. */
    for (size_t k = 0; k < d->r->n_numbers; k++)
        if (!d->r->number_is_figure[k] && !number_figure(d, &fs, k, true))
            goto out;
    if (sort_figures(d, fs.aux) != 0)
        goto out;
    type_coordinated_subjects(d, &fs);
    link_figures(d, fs.aux);
    lead_developed(d, fs.aux);
    merge_headline_repeats(d, fs.aux);
    if (carry_places(d, fs.aux) != 0)
        goto out;
    assign_areas(d);
    place_blocs(d);
    const char *conflict = document_conflict(d);
    if (local_civil_defence(d, conflict) != 0 || sources_bind_generics(d, conflict) != 0)
        goto out;
    rc = 0;
out:
    free(tr);
    free(fs.covered);
    free(fs.aux);
    return rc;
}
