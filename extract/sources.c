/* sources.c — who speaks in a document, and who publishes it.
 *
 * One pass over the tokens finds three kinds of source mention:
 *  - known parties and outlets of data/sources.tsv ("جيش الفتح", "سانا");
 *  - generic speakers of data/lexicon/speakers.tsv, extended by the party
 *    they belong to ("مصدر عسكري", "مصادر للجزيرة", "مصدر في جبهة فتح
 *    الشام"), which become sources of their own named by those words;
 *  - named persons, recognised only as the subject of an attribution verb
 *    with an appositive or a kunya ("أبو يوسف المهاجر، الناطق باسم ...").
 * The same pass follows attribution (data/lexicon/attribution.tsv): the
 * subject of قال / أفاد / نفى ... (after the verb, or just before it), the
 * object of نقلا عن / بحسب, or "X:" becomes the current speaker. A speaker
 * holds until another is named or the paragraph ends. Anaphors refer back:
 * المصدر, البيان to the last speaker of their kind; a bare party noun of
 * data/lexicon/party_anaphors.tsv (الحزب, الحركة, الجبهة, التنظيم, الجيش)
 * to the nearest party named before it, within a few sentences, whose name
 * begins with that noun (حزب الله; or "فصيل جيش الإسلام" for الفصيل), so that
 * "خسر الحزب 20 مسلحا" after "حزب الله" names Hezbollah: as a speaker, as the
 * party a speaker belongs to ("مصدر في الحركة"), and as the owner of what a
 * figure counts. Every token learns who is credited with it; tokens no
 * statement covers fall to the narrator: the outlet, or else the first
 * speaker of the article.
 *
 * The outlet comes only from signatures (a closing "المصدر : X", "مراسل X",
 * "لـX" after a speaker, "كاميرا X", a trailing link naming X); a party
 * merely quoted is not the publisher, and nothing is guessed.
 *
 * Left out: pronoun resolution beyond those anaphors, speakers named only by
 * a noun phrase the lists do not know ("الإحصاءات غير الرسمية"), parties the
 * source list does not know (a bare الحركة after Hamas refers to nothing).
 */
#include "extract/stages.h"

#include "extract/grow.h"
#include "extract/fnv1a.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Normalised function words (text.h folding: أ إ آ → ا, ة → ه). */
static const char *const complementizers[] = {"ان", "انه", "انها", "بان", "بانه", "بانها", "وان",
                                              "انهم", "بانهم", "لان", NULL};
static const char *const before_verb_fillers[] = {"قد", "كان", "كانت", "وكانت", "وكان", "لقد", NULL};
static const char *const belong_words[] = {"في", "من", "داخل", "لدي", "ضمن", "مقرب", "مقربه",
                                           "مقربين", "مقربون", "موالين", "موالون", "مواليه",
                                           "موالي", "معارضين", "معارضه", "تابع", "تابعه",
                                           "التابع", "التابعه", "باسم", "عن", NULL};
static const char *const person_titles[] = {"ابو", "ابي", "ام", "عبد", "الشيخ", "الدكتور",
                                            "العميد", "اللواء", "العقيد", "النقيب", "المقدم",
                                            "الرائد", NULL};
static const char *const appositive_heads[] = {"الناطق", "المتحدث", "القائد", "قائد", "مسؤول",
                                               "المسؤول", "عضو", "احد", "رئيس", "مدير", "وهو",
                                               "وهي", "امين", "الامين", "نائب", "مستشار", NULL};
static const char *const citing_words[] = {"وفقا", "طبقا", "نقلا", "بحسب", "حسب", NULL};
static const char *const signature_words[] = {"كاميرا", "عدسه", "موفد", "موفده", NULL};
/* Words after which a source name that is also an ordinary word (flagged
 * ambiguous in sources.tsv: العربية, حلب اليوم) is read as the source. */
static const char *const source_context[] = {"قناه", "موقع", "وكاله", "صحيفه", "شبكه", "مراسل",
                                             "مراسله", "تلفزيون", "اذاعه", "جريده", NULL};

/* Relative pronouns: definite words that do not make a noun phrase with the
 * noun before them ("الحزب الذي"). */
static const char *const relative_pronouns[] = {"الذي", "التي", "الذين", "اللذين", "اللتين",
                                                "اللواتي", "اللاتي", NULL};

#define SUBJECT_WINDOW 8          /* words after a verb in which its subject may stand */
#define PARTY_ANAPHOR_SENTENCES 5 /* sentences back in which a bare party noun's party may stand */
#define PARTY_ANAPHOR_MENTIONS 64 /* and source mentions back, to bound the search */

void *stages_push(void **items, size_t *n, size_t *cap, size_t elem_size)
{
    if (*n >= EXTRACT_MAX_ITEMS || grow(items, cap, *n + 1, elem_size) != 0)
        return NULL;
    char *slot = (char *)*items + (*n)++ * elem_size;
    memset(slot, 0, elem_size);
    return slot;
}

bool stages_word_is(const text *t, size_t i, const char *const *words)
{
    if (i >= t->n_tok || t->tok[i].kind != TOK_WORD)
        return false;
    for (const char *const *w = words; *w; w++)
        if (strcmp(t->tok[i].norm, *w) == 0)
            return true;
    return false;
}

static bool is_punct(const text *t, size_t i, uint32_t cp)
{
    return i < t->n_tok && t->tok[i].kind == TOK_PUNCT && t->cp[t->tok[i].sp.start] == cp;
}

static bool is_comma(const text *t, size_t i)
{
    return is_punct(t, i, ',') || is_punct(t, i, 0x060C);
}

/* Next word token at or after i within sentence s, skipping punctuation
 * such as quotes; t->n_tok when none. */
static size_t next_word(const text *t, size_t i, uint32_t s)
{
    while (i < t->n_tok && t->tok[i].sentence == s && t->tok[i].kind == TOK_PUNCT &&
           !is_comma(t, i) && !is_punct(t, i, ':'))
        i++;
    return i < t->n_tok && t->tok[i].sentence == s && t->tok[i].kind != TOK_PUNCT ? i : t->n_tok;
}

static uint64_t fnv(const char *s)
{
    return fnv1a64(FNV1A64_IDS_SEED, s, strlen(s));
}

static char *keep(doc_state *d, char *s)
{
    extract_result *r = d->r;
    if (!s)
        return NULL;
    char **grown = realloc(r->owned, (r->n_owned + 1) * sizeof *grown);
    if (!grown) {
        free(s);
        return NULL;
    }
    r->owned = grown;
    return r->owned[r->n_owned++] = s;
}

/* r->sources index of model source mi, added on first use. */
static size_t known_source(doc_state *d, size_t mi)
{
    if (d->model_to_result[mi] != EXTRACT_NO_INDEX)
        return d->model_to_result[mi];
    extract_source *s = stages_push((void **)&d->r->sources, &d->r->n_sources, &d->cap_sources,
                                    sizeof *s);
    if (!s)
        return EXTRACT_NO_INDEX;
    *s = d->m->sources[mi];
    return d->model_to_result[mi] = d->r->n_sources - 1;
}

/* A source the list does not know, named by the words at sp. Two mentions
 * with the same words (after normalisation) are the same source. */
static size_t discovered_source(doc_state *d, span sp, const char *kind, size_t parent)
{
    char *name = text_slice(d->t, sp);
    if (!name)
        return EXTRACT_NO_INDEX;
    char norm[256], id[48];
    text_normalize(name, strlen(name), norm, sizeof norm);
    snprintf(id, sizeof id, "%s-%08llx", kind, (unsigned long long)(fnv(norm) & 0xffffffffu));
    for (size_t i = 0; i < d->r->n_sources; i++)
        if (strcmp(d->r->sources[i].id, id) == 0) {
            free(name);
            return i;
        }
    if (!keep(d, name))
        return EXTRACT_NO_INDEX;
    char *owned_id = keep(d, strdup(id));
    extract_source *s = owned_id ? stages_push((void **)&d->r->sources, &d->r->n_sources,
                                               &d->cap_sources, sizeof *s)
                                 : NULL;
    if (!s)
        return EXTRACT_NO_INDEX;
    const extract_source *p = parent == EXTRACT_NO_INDEX ? NULL : &d->r->sources[parent];
    *s = (extract_source){.id = owned_id,
                          .name = name,
                          .kind = kind,
                          .affiliation = p ? p->affiliation : "unknown",
                          .parent_id = p ? p->id : NULL};
    return d->r->n_sources - 1;
}

static bool add_mention(doc_state *d, size_t src, span sp, size_t first, size_t end,
                        source_role role)
{
    if (src == EXTRACT_NO_INDEX)
        return false;
    size_t cap = d->cap_smentions;
    extract_source_mention *m = stages_push((void **)&d->r->source_mentions,
                                            &d->r->n_source_mentions, &d->cap_smentions,
                                            sizeof *m);
    if (!m)
        return false;
    if (cap != d->cap_smentions) {
        mention_toks *grown = realloc(d->smention_toks, d->cap_smentions * sizeof *grown);
        if (!grown) {
            d->r->n_source_mentions--;
            return false;
        }
        d->smention_toks = grown;
    }
    *m = (extract_source_mention){sp, src, role};
    d->smention_toks[d->r->n_source_mentions - 1] = (mention_toks){first, end};
    for (size_t k = first; k < end && k < d->t->n_tok; k++)
        d->in_source[k] = true;
    return true;
}

/* What a mention found at a token is. */
typedef struct found {
    size_t source;    /* r->sources index */
    size_t mention;   /* r->source_mentions index */
    size_t end;       /* one past its last token */
    bool anaphor;     /* it referred back (المصدر): nothing new was named */
} found;

/* Per-document bookkeeping of the pass. */
typedef struct pass {
    size_t current;         /* the paragraph's speaker */
    size_t first_speaker;   /* the article's first speaker */
    size_t last_anonymous;  /* for المصدر / المصادر */
    size_t last_role;       /* for المراسل */
    int *outlet_score;      /* per r->sources index, score_cap of them */
    size_t score_cap;
    size_t covered_until;   /* tokens before it belong to a recorded mention */
} pass;

static bool is_outlet_kind(const extract_source *s)
{
    return strcmp(s->kind, "outlet") == 0 || strcmp(s->kind, "agency") == 0;
}

/* A known source at i; fills f. */
static bool known_at(doc_state *d, size_t i, found *f, lexicon_match *lm)
{
    if (!lexicon_match_at(d->m->source_list, d->t, i, PROCLITICS_NAME, lm))
        return false;
    size_t mi = model_entry_index(d->m->source_list, lm->entry);
    f->source = known_source(d, mi);
    f->end = lm->tok_end;
    f->anaphor = false;
    return f->source != EXTRACT_NO_INDEX;
}

/* Records the anaphor matched at am as a mention of `to`, the source it
 * refers back to. */
static bool refer_back(doc_state *d, size_t to, const lexicon_match *am, found *f)
{
    if (!add_mention(d, to, am->sp, am->tok_first, am->tok_end, ROLE_MENTIONED))
        return false;
    *f = (found){to, d->r->n_source_mentions - 1, am->tok_end, true};
    return true;
}

/* Does the '|'-separated list hold word w? */
static bool list_has(const char *list, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && memcmp(p, w, n) == 0)
            return true;
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

/* Is token k a word that is one of list's words, possibly with و ف ب ل ك
 * attached ("وعلى")? */
static bool word_in_list(const text *t, size_t k, const char *list)
{
    if (k >= t->n_tok || t->tok[k].kind != TOK_WORD || !*list)
        return false;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t n = text_proclitic_forms(t->tok[k].norm, true, forms, NULL, TEXT_PROCLITIC_MAX);
    for (size_t f = 0; f < n; f++)
        if (list_has(list, forms[f]))
            return true;
    return false;
}

/* Token i is a definite nisba adjective (الغربية, الشيوعي) in sentence s:
 * the article, and a final ي or ية as written (not ئة: التعبئة, الهيئة). */
static bool definite_nisba(const text *t, size_t i, uint32_t s)
{
    if (i >= t->n_tok || t->tok[i].sentence != s || t->tok[i].kind != TOK_WORD ||
        stages_word_is(t, i, relative_pronouns) || strncmp(t->tok[i].norm, "ال", strlen("ال")) != 0)
        return false;
    uint32_t last[2] = {0, 0}; /* the last two letters, harakat and tatweel skipped */
    size_t letters = 0;
    for (uint32_t c = t->tok[i].sp.end; c-- > t->tok[i].sp.start && letters < 2;) {
        uint32_t cp = t->cp[c];
        if (cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670)
            continue;
        last[letters++] = cp;
    }
    return letters == 2 && strlen(t->tok[i].norm) > strlen("ال") + 2 * strlen("ي") &&
           (last[0] == 0x064A || (last[0] == 0x0629 && last[1] == 0x064A));
}

/* Is result source src one of the model's? */
static bool is_known(const doc_state *d, size_t src)
{
    for (size_t mi = 0; mi < d->m->n_sources; mi++)
        if (d->model_to_result[mi] == src)
            return true;
    return false;
}

/* A bare party noun at i ("الحزب", "للحركة") and the party it refers back
 * to: the source of the nearest mention before it, within
 * PARTY_ANAPHOR_SENTENCES sentences, that names a party by the same head
 * noun: a known party with a name of that head (party_heads), a known party
 * the text introduced with the head noun ("فصيل جيش الإسلام"), or an earlier
 * anaphor of the same noun. When that party is of a kind the noun cannot
 * mean, the noun is ambiguous and refers to nothing. Fills f (no mention
 * recorded) and am. */
static bool party_anaphor_at(doc_state *d, size_t i, found *f, lexicon_match *am)
{
    const text *t = d->t;
    const extract_model *m = d->m;
    if (!lexicon_match_at(m->party_anaphors, t, i, PROCLITICS_NAME, am))
        return false;
    const party_head *ph = &m->party_heads[model_entry_index(m->party_anaphors, am->entry)];
    uint32_t s = t->tok[i].sentence;
    /* "الجبهة الغربية", "على الجبهة": an ordinary noun. */
    if (definite_nisba(t, am->tok_end, s) ||
        (i > 0 && t->tok[i - 1].sentence == s && word_in_list(t, i - 1, ph->not_after)))
        return false;
    uint32_t from = s > PARTY_ANAPHOR_SENTENCES ? s - PARTY_ANAPHOR_SENTENCES : 0;
    size_t seen = 0;
    for (size_t k = d->r->n_source_mentions; k-- > 0 && seen++ < PARTY_ANAPHOR_MENTIONS;) {
        const mention_toks *mt = &d->smention_toks[k];
        if (mt->first >= i)
            continue;
        if (t->tok[mt->first].sentence < from)
            break;
        size_t src = d->r->source_mentions[k].source;
        bool named = false;
        for (size_t q = 0; q < ph->n_sources && !named; q++)
            named = d->model_to_result[ph->sources[q]] == src;
        lexicon_match prev;
        if (!named && lexicon_match_at(m->party_anaphors, t, mt->first, PROCLITICS_NAME, &prev))
            named = prev.entry == am->entry;
        if (!named && mt->first > 0 && t->tok[mt->first - 1].sentence == t->tok[mt->first].sentence)
            named = word_in_list(t, mt->first - 1, ph->head) && is_known(d, src);
        if (!named)
            continue;
        const char *kinds = model_field(am->entry, 3);
        if (*kinds && !list_has(kinds, d->r->sources[src].kind))
            return false;
        *f = (found){src, EXTRACT_NO_INDEX, am->tok_end, true};
        return true;
    }
    return false;
}

/* A party at i: a known one, or a bare party noun referring back to one. */
static bool party_at(doc_state *d, size_t i, found *f, lexicon_match *lm)
{
    return known_at(d, i, f, lm) || party_anaphor_at(d, i, f, lm);
}

static void score_outlet(doc_state *d, pass *p, size_t src, int points)
{
    if (src == EXTRACT_NO_INDEX || !is_outlet_kind(&d->r->sources[src]))
        return;
    if (src < p->score_cap)
        p->outlet_score[src] += points;
}

/* A generic speaker at i, extended by the party it belongs to. */
static bool generic_at(doc_state *d, pass *p, size_t i, found *f)
{
    const text *t = d->t;
    lexicon_match gm;
    if (!lexicon_match_at(d->m->speakers, t, i, PROCLITICS_ALL, &gm))
        return false;
    const char *kind = model_field(gm.entry, 1);
    const char *role = model_field(gm.entry, 2);
    bool anaphor = strcmp(model_field(gm.entry, 3), "yes") == 0;
    if (anaphor) {
        size_t to = strcmp(role, "statement") == 0   ? p->current
                    : strcmp(role, "correspondent") == 0 ? p->last_role
                                                         : p->last_anonymous;
        if (to == EXTRACT_NO_INDEX)
            to = p->current;
        return to != EXTRACT_NO_INDEX && refer_back(d, to, &gm, f);
    }
    /* The party it belongs to: directly after ("مراسل الجزيرة") or after a
     * linking word ("مصدر في جبهة فتح الشام"). A party attached with ل is
     * whom it spoke to ("مصادر للجزيرة", "مصدر عسكري لوكالة سانا"): part of
     * its name, and a signature of the outlet, but not its side. */
    size_t parent = EXTRACT_NO_INDEX, end = gm.tok_end;
    size_t j = next_word(t, gm.tok_end, t->tok[i].sentence);
    lexicon_match km;
    found pf;
    if (j < t->n_tok && !stages_word_is(t, j, complementizers)) {
        size_t k = j;
        if (stages_word_is(t, j, belong_words)) {
            k = next_word(t, j + 1, t->tok[i].sentence);
            if (stages_word_is(t, k, belong_words))
                k = next_word(t, k + 1, t->tok[i].sentence);
        }
        if (k < t->n_tok && party_at(d, k, &pf, &km)) {
            bool told = k == j && (stages_word_is(t, k, (const char *const[]){"ل", NULL}) ||
                                   (km.stripped && strncmp(t->tok[k].norm, "ل", strlen("ل")) == 0));
            if (told)
                score_outlet(d, p, pf.source, 1);
            else
                parent = pf.source;
            end = pf.end;
            add_mention(d, pf.source, km.sp, k, km.tok_end, ROLE_MENTIONED);
        }
    }
    span sp = {gm.sp.start, t->tok[end - 1].sp.end};
    f->source = discovered_source(d, sp, kind, parent);
    f->end = end;
    f->anaphor = false;
    if (!add_mention(d, f->source, sp, gm.tok_first, end, ROLE_MENTIONED))
        return false;
    f->mention = d->r->n_source_mentions - 1;
    if (strcmp(kind, "anonymous") == 0)
        p->last_anonymous = f->source;
    else
        p->last_role = f->source;
    if (strcmp(role, "correspondent") == 0 && parent != EXTRACT_NO_INDEX)
        score_outlet(d, p, parent, 1); /* "مراسل الجزيرة": the outlet's own reporter */
    return true;
}

/* A person named as the subject of a verb: a name of two to four words
 * closed by a comma and an appositive ("، الناطق باسم ..."), or a kunya or
 * title ("أبو ...") closed by a comma. */
static bool person_at(doc_state *d, size_t i, found *f)
{
    const text *t = d->t;
    uint32_t s = t->tok[i].sentence;
    size_t c = i, words = 0;
    while (c < t->n_tok && t->tok[c].sentence == s && t->tok[c].kind == TOK_WORD && words < 5) {
        if (stages_word_is(t, c, complementizers))
            return false;
        c++;
        words++;
    }
    if (words < 2 || words > 4 || !is_comma(t, c))
        return false;
    size_t a = next_word(t, c + 1, s);
    bool titled = stages_word_is(t, i, person_titles);
    bool appositive = stages_word_is(t, a, appositive_heads);
    if (!titled && !appositive)
        return false;
    /* The party it speaks for: a known source in the appositive, recorded
     * here so the appositive ("الناطق باسم ...") is not read again as a
     * speaker of its own. */
    size_t parent = EXTRACT_NO_INDEX, resume = c;
    lexicon_match pm;
    for (size_t k = a; k < t->n_tok && k < a + 8 && t->tok[k].sentence == s; k++) {
        found pf;
        if (t->tok[k].kind != TOK_PUNCT && party_at(d, k, &pf, &pm)) {
            parent = pf.source;
            resume = pf.end;
            break;
        }
    }
    span sp = {t->tok[i].sp.start, t->tok[c - 1].sp.end};
    f->source = discovered_source(d, sp, "person", parent);
    f->end = resume;
    f->anaphor = false;
    if (!add_mention(d, f->source, sp, i, c, ROLE_MENTIONED))
        return false;
    f->mention = d->r->n_source_mentions - 1;
    if (parent != EXTRACT_NO_INDEX)
        add_mention(d, parent, pm.sp, pm.tok_first, pm.tok_end, ROLE_MENTIONED);
    return true;
}

/* Any mention starting at token i; records it. A subject of speech may be
 * an ambiguous name or a person; elsewhere neither is read. */
static bool mention_at(doc_state *d, pass *p, size_t i, bool as_subject, found *f)
{
    lexicon_match km, gm;
    bool known = lexicon_match_at(d->m->source_list, d->t, i, PROCLITICS_NAME, &km);
    if (known && !as_subject && strstr(model_field(km.entry, 6), "ambiguous") &&
        !(i > 0 && stages_word_is(d->t, i - 1, source_context)))
        known = false;
    bool generic = lexicon_match_at(d->m->speakers, d->t, i, PROCLITICS_ALL, &gm);
    if (generic && (!known || gm.tok_end > km.tok_end))
        return generic_at(d, p, i, f);
    if (known) {
        if (!known_at(d, i, f, &km) ||
            !add_mention(d, f->source, km.sp, km.tok_first, km.tok_end, ROLE_MENTIONED))
            return false;
        f->mention = d->r->n_source_mentions - 1;
        return true;
    }
    lexicon_match am;
    if (party_anaphor_at(d, i, f, &am))
        return refer_back(d, f->source, &am, f);
    return as_subject && person_at(d, i, f);
}

/* The subject of the attribution phrase am, or false. */
static bool subject_of(doc_state *d, pass *p, const lexicon_match *am, found *f)
{
    const text *t = d->t;
    const char *kind = model_field(am->entry, 2);
    uint32_t s = t->tok[am->tok_first].sentence;
    bool verb = strcmp(kind, "verb") == 0;
    /* Before the verb: "وكانت مصادر للجزيرة قد أفادت". */
    if (verb && d->r->n_source_mentions) {
        size_t k = am->tok_first;
        while (k > 0 && stages_word_is(t, k - 1, before_verb_fillers))
            k--;
        for (size_t m = d->r->n_source_mentions; m-- > 0;) {
            const mention_toks *mt = &d->smention_toks[m];
            if (mt->end == k && t->tok[mt->first].sentence == s) {
                *f = (found){d->r->source_mentions[m].source, m, mt->end, false};
                return true;
            }
            if (mt->end < k)
                break;
        }
    }
    size_t window = verb ? SUBJECT_WINDOW : strcmp(kind, "prep") == 0 ? 3 : 2;
    size_t words = 0;
    for (size_t j = am->tok_end; j < t->n_tok && t->tok[j].sentence == s && words < window; j++) {
        if (t->tok[j].kind == TOK_PUNCT) {
            if (is_punct(t, j, ':'))
                break;
            continue;
        }
        if (stages_word_is(t, j, complementizers))
            break;
        if (j < p->covered_until) {
            /* Already recorded (a mention inside the verb's own phrase). */
            for (size_t m = d->r->n_source_mentions; m-- > 0;)
                if (d->smention_toks[m].first == j) {
                    *f = (found){d->r->source_mentions[m].source, m, d->smention_toks[m].end,
                                 false};
                    return true;
                }
            words++;
            continue;
        }
        if (mention_at(d, p, j, words == 0, f)) {
            p->covered_until = f->end;
            return true;
        }
        words++;
    }
    return false;
}

/* The outlet from the scores; NO_INDEX when nothing signs the article. */
static size_t choose_outlet(doc_state *d, const pass *p)
{
    size_t best = EXTRACT_NO_INDEX;
    int best_score = 0;
    for (size_t i = 0; i < d->r->n_sources && i < p->score_cap; i++)
        if (p->outlet_score[i] > best_score) {
            best = i;
            best_score = p->outlet_score[i];
        }
    return best;
}

/* Signatures around a known outlet mention at tokens [first, end). */
static void score_signatures(doc_state *d, pass *p, size_t src, size_t first, size_t end,
                             bool stripped)
{
    const text *t = d->t;
    if (!is_outlet_kind(&d->r->sources[src]))
        return;
    /* "المصدر : الجزيرة" at the start of a line. */
    if (first >= 2 && is_punct(t, first - 1, ':') && strcmp(t->tok[first - 2].norm, "المصدر") == 0 &&
        (first == 2 || t->tok[first - 2].newline_before))
        score_outlet(d, p, src, 10);
    /* "كاميرا الجزيرة". */
    if (first >= 1 && stages_word_is(t, first - 1, signature_words))
        score_outlet(d, p, src, 1);
    /* "لـRT", "للجزيرة": told to the outlet, unless it is cited ("وفقا للجزيرة"). */
    bool lam = stripped && t->tok[first].norm[0] != '\0' &&
               strncmp(t->tok[first].norm, "ل", strlen("ل")) == 0;
    if (!lam && first >= 1 && strcmp(t->tok[first - 1].norm, "ل") == 0)
        lam = true;
    if (lam && !(first >= 1 && stages_word_is(t, first - 1, citing_words)) &&
        !(first >= 2 && stages_word_is(t, first - 2, citing_words)))
        score_outlet(d, p, src, 1);
    /* A trailing line that is a link naming the outlet. */
    bool last_line = true;
    for (size_t k = end; k < t->n_tok && last_line; k++)
        last_line = !t->tok[k].newline_before;
    if (last_line) {
        size_t k = first;
        while (k > 0 && !t->tok[k].newline_before)
            k--;
        for (; k < first; k++)
            if (strcmp(t->tok[k].norm, "https") == 0 || strcmp(t->tok[k].norm, "http") == 0 ||
                strcmp(t->tok[k].norm, "www") == 0) {
                score_outlet(d, p, src, 1);
                break;
            }
    }
}

int sources_find(doc_state *d)
{
    const text *t = d->t;
    size_t n = t->n_tok;
    pass p = {EXTRACT_NO_INDEX, EXTRACT_NO_INDEX, EXTRACT_NO_INDEX, EXTRACT_NO_INDEX, NULL, 0, 0};
    d->model_to_result = malloc((d->m->n_sources + 1) * sizeof *d->model_to_result);
    if (!d->model_to_result)
        return -1;
    for (size_t i = 0; i < d->m->n_sources; i++)
        d->model_to_result[i] = EXTRACT_NO_INDEX;
    /* Scores are kept per r->sources index; sources never exceed the
     * model's list plus one discovered source per token. */
    p.score_cap = d->m->n_sources + n + 1;
    p.outlet_score = calloc(p.score_cap, sizeof *p.outlet_score);
    if (!p.outlet_score)
        return -1;

    bool sentence_denied = false;
    uint32_t sentence = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        const token *tk = &t->tok[i];
        if (tk->newline_before)
            p.current = EXTRACT_NO_INDEX; /* a new paragraph: the narrator speaks again */
        if (tk->sentence != sentence) {
            sentence = tk->sentence;
            sentence_denied = false;
        }
        if (tk->kind != TOK_PUNCT && i >= p.covered_until) {
            lexicon_match am;
            found f;
            size_t before = d->r->n_source_mentions;
            if (lexicon_match_at(d->m->attribution, t, i, PROCLITICS_ALL, &am)) {
                bool denied = strcmp(model_field(am.entry, 1), "denied") == 0;
                if (subject_of(d, &p, &am, &f)) {
                    p.current = f.source;
                    d->r->source_mentions[f.mention].role = ROLE_SPEAKER;
                    if (p.first_speaker == EXTRACT_NO_INDEX)
                        p.first_speaker = f.source;
                }
                if (p.current != EXTRACT_NO_INDEX || denied)
                    sentence_denied = denied;
                if (p.covered_until < am.tok_end)
                    p.covered_until = am.tok_end;
            } else if (mention_at(d, &p, i, false, &f)) {
                p.covered_until = f.end;
                /* "حميميم: ..." — a source and a colon introduce its words. */
                if (is_punct(t, f.end, ':')) {
                    p.current = f.source;
                    d->r->source_mentions[f.mention].role = ROLE_SPEAKER;
                    if (p.first_speaker == EXTRACT_NO_INDEX)
                        p.first_speaker = f.source;
                }
            }
            for (size_t m = before; m < d->r->n_source_mentions; m++) {
                const extract_source_mention *sm = &d->r->source_mentions[m];
                const mention_toks *mt = &d->smention_toks[m];
                bool stripped = sm->sp.start != t->tok[mt->first].sp.start;
                score_signatures(d, &p, sm->source, mt->first, mt->end, stripped);
            }
        }
        d->speaker[i] = p.current;
        d->denied[i] = sentence_denied;
    }

    d->r->outlet = choose_outlet(d, &p);
    if (d->r->outlet != EXTRACT_NO_INDEX)
        for (size_t m = 0; m < d->r->n_source_mentions; m++)
            if (d->r->source_mentions[m].source == d->r->outlet &&
                d->r->source_mentions[m].role == ROLE_MENTIONED)
                d->r->source_mentions[m].role = ROLE_OUTLET;
    size_t narrator = d->r->outlet != EXTRACT_NO_INDEX ? d->r->outlet : p.first_speaker;
    for (size_t i = 0; i < n; i++)
        if (d->speaker[i] == EXTRACT_NO_INDEX)
            d->speaker[i] = narrator;
    free(p.outlet_score);
    return 0;
}
