/* sources.c — who speaks in a document, and who publishes it.
 *
 * One pass over the tokens finds four kinds of source mention:
 *  - known parties and outlets of data/sources.tsv ("جيش الفتح", "سانا");
 *  - generic speakers of data/lexicon/speakers.tsv, extended by their
 *    adjectives and the party they belong to ("مصدر أمني كردي", "مصادر
 *    للجزيرة", "مصدر في جبهة فتح الشام"), which become sources of their own
 *    named by those words;
 *  - named persons, as the subject of an attribution verb with an
 *    appositive or a kunya ("أبو يوسف المهاجر، الناطق باسم ...");
 *  - parties and persons no list names, read by their form where a speaker
 *    stands (data/lexicon/speaker_forms.tsv): a body ("وزارة الصحة في
 *    غزة"), a function and who holds it ("وزير الصحة فلان الفلاني"), a
 *    titled person ("العميد فلان"), a country (its government).
 * The same pass follows attribution (data/lexicon/attribution.tsv): the
 * subject of قال / أفاد / نفى ... (the first phrase after the verb, past
 * adverbs of time and whom it was told, or the phrase just before it), the
 * object of نقلا عن / بحسب, or "X:" becomes the current speaker; "نقلت X عن
 * Y" credits Y, and whom a statement was told (لوكالة فرانس برس) is only a
 * carrier; whom اتهم names before بـ and the charge is the accused, not
 * the speaker ("نفت X ...، واتهمت الجيش بقتل 11"). The first attribution of a sentence also covers the words before
 * it when it is post-posed ("قتل 5 ...، بحسب X"), not when it opens a clause
 * of its own ("...، في حين أعلن X"); a party cited after an outlet's
 * statement ("أفادت وكالة X بأن ...، وفقا لـY") asserts what X relays.
 * A participle of saying with no speaker of its own ("وهاجمت X المواقع،
 * مؤكدة ...") says what the subject of its sentence's verb says; a party
 * that answers another ("من جانبها، قالت X") and is not read leaves its
 * words to no one, not to the narrator.
 * A speaker holds until another is named or the paragraph ends; a verb
 * with a hidden subject ("وأضاف أن") carries the last speaker on, and a
 * sentence opened by كان without a speaker of its own is the narrator's
 * background, as are the terms of a deal (بموجبها،
 * يقضي) and an event dated to a point of an earlier month or year (منتصف
 * الشهر الماضي) in a sentence no party is quoted in. Anaphors refer back: المصدر, البيان to
 * the last speaker of their kind (البيان, also as "للبيان", to the last who
 * spoke in a statement); a definite head alone (الوزارة, الوزير) to
 * the last speaker named with it; a bare party noun of
 * data/lexicon/party_anaphors.tsv (الحزب, الحركة, الجبهة, التنظيم, الجيش)
 * to the nearest party named before it, within a few sentences, whose name
 * begins with that noun (حزب الله; or "فصيل جيش الإسلام" for الفصيل), so that
 * "خسر الحزب 20 مسلحا" after "حزب الله" names Hezbollah: as a speaker, as the
 * party a speaker belongs to ("مصدر في الحركة"), and as the owner of what a
 * figure counts. Every token learns who is credited with it; tokens no
 * statement covers fall to the narrator: the outlet, or else the first
 * speaker of the article (a lead takes the statement that develops it).
 *
 * The outlet comes from signatures and datelines: a closing "المصدر : X"
 * (a monitor or body too, at the foot of the text: "المصدر: المرصد السوري"),
 * a release's heading near the top ("بيان صادر عن X"),
 * "مراسل X", an outlet told ("لـ"X"" after a speaker; a news agency told is
 * only the wire cited), "كاميرا X", a trailing link naming X, and datelines
 * ("PLACE - X", "X - PLACE", "متابعات - X", "(X)" opening the text, "X/"
 * running the report in; an
 * outlet the list also knows seated in PLACE, "وكالة سبأ في صنعاء", is
 * that one). A party
 * merely quoted is not the publisher; the publisher's own correspondent
 * (مراسلنا; "مراسل التجمع" under the dateline of تجمع أحرار حوران) is
 * the outlet speaking. A person who goes on (وأضاف) with the words of a
 * spokesman no one was named for is that spokesman; who an interview is
 * held with ("حوارا مع X") answers its "ج:" lines.
 *
 * A name tried where a source may stand and refused leaves no source: the
 * document lists only the sources it mentions, publishes through, or that
 * another speaks for. Once the figures tell the document's war, a generic
 * party the list binds to another war (المسلحين: the Syrian opposition)
 * goes, or stays as a party of the text when it speaks
 * (sources_bind_generics); a command named by no war's name ("قيادة
 * الجيش") is that of the army of the document's war, the one it names or
 * else the one army of a war fought in one country (Lebanon's, Sudan's),
 * and "القيادة العامة" is the one command of the war the list names by
 * those words and more (in Libya Haftar's);
 * a body every country has, named bare ("وزارة
 * الصحة"), is one party per war, and a civil defence the list knows, seated
 * in a country of another war ("الدفاع المدني في صنعاء"), is that
 * country's.
 *
 * Left out: pronoun resolution beyond those anaphors, speakers named only by
 * a noun phrase no list or form knows ("الإحصاءات غير الرسمية"), a bare
 * given name no list knows as a subject ("قال فلان" without a title).
 */
#include "extract/stages.h"

#include "extract/grow.h"
#include "extract/fnv1a.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Normalised function words (text.h folding: أ إ آ → ا, ة → ه). */

#define PARTY_ANAPHOR_MENTIONS 64 /* and source mentions back, to bound the search */

void *stages_push(void **items, size_t *n, size_t *cap, size_t elem_size)
{
    if (*n >= EXTRACT_MAX_ITEMS || grow(items, cap, *n + 1, elem_size) != 0)
        return NULL;
    char *slot = (char *)*items + (*n)++ * elem_size;
    memset(slot, 0, elem_size);
    return slot;
}

/* Is the normalised word w one of `words` (NULL-terminated)? */
static bool word_among(const char *w, const char *const *words)
{
    for (const char *const *x = words; *x; x++)
        if (strcmp(w, *x) == 0)
            return true;
    return false;
}

bool stages_word_is(const text *t, size_t i, const char *const *words)
{
    return i < t->n_tok && t->tok[i].kind == TOK_WORD && word_among(t->tok[i].norm, words);
}

bool stages_word_in(const doc_state *d, size_t i, word_set set)
{
    return stages_word_is(d->t, i, d->m->word_sets[set]);
}

bool stages_word_in_forms(const doc_state *d, size_t i, word_set set)
{
    const text *t = d->t;
    if (i >= t->n_tok || t->tok[i].kind != TOK_WORD)
        return false;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t n = text_proclitic_forms(t->tok[i].norm, true, forms, NULL, TEXT_PROCLITIC_MAX);
    for (size_t f = 0; f < n; f++)
        if (word_among(forms[f], d->m->word_sets[set]))
            return true;
    return false;
}

bool stages_bulleted(const text *t, size_t a)
{
    if (a >= t->n_tok || t->tok[a].kind != TOK_PUNCT)
        return false;
    uint32_t c = t->cp[t->tok[a].sp.start];
    return c == '-' || c == '*' || c == 0x2013 || c == 0x2014 || c == 0x00B7 || c == 0x2022 ||
           c == 0x25AA || c == 0x25CF;
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
    extract_source *s =
        stages_push((void **)&d->r->sources, &d->r->n_sources, &d->cap_sources, sizeof *s);
    if (!s)
        return EXTRACT_NO_INDEX;
    *s = d->m->sources[mi];
    return d->model_to_result[mi] = d->r->n_sources - 1;
}

/* A source the list does not know, named by the words at sp. Two mentions
 * with the same words (after normalisation) are the same source. */
static size_t discovered_named(doc_state *d, char *name, const char *kind, size_t parent);

static size_t discovered_source(doc_state *d, span sp, const char *kind, size_t parent)
{
    char *name = text_slice(d->t, sp);
    if (!name)
        return EXTRACT_NO_INDEX;
    return discovered_named(d, name, kind, parent);
}

/* A party found in the text, named by the allocated string name (owned
 * from here on), merged with one of the same id. */
#define DISCOVERED_ID_MAX 48

/* The id of a party found in the text: its kind and a hash of its name
 * normalised, so that the same words name the same party. */
static void discovered_id(const char *name, const char *kind, char id[DISCOVERED_ID_MAX])
{
    char norm[256];
    text_normalize(name, strlen(name), norm, sizeof norm);
    snprintf(id, DISCOVERED_ID_MAX, "%s-%08llx", kind,
             (unsigned long long)(fnv(norm) & 0xffffffffu));
}

/* Is kind that of a body, not of a person or an unnamed source? */
static bool body_kind(const char *kind)
{
    return strcmp(kind, "person") != 0 && strcmp(kind, "anonymous") != 0 &&
           strcmp(kind, "role") != 0;
}

/* Does the name (as written) begin, normalised, with the words `head`
 * (normalised) and another word after them? */
static bool name_begins_with(const char *name, const char *head)
{
    char norm[256];
    text_normalize(name, strlen(name), norm, sizeof norm);
    size_t n = strlen(head);
    return strncmp(norm, head, n) == 0 && norm[n] == ' ';
}

/* "وأضافت وزارة الدفاع" after "وزارة الدفاع الروسية", "القوات المسلحة"
 * after "القوات المسلحة السودانية": a body's name of two words or more cut
 * short of the words that end it is the body named in full before it (the
 * latest, when two were). Its index, or EXTRACT_NO_INDEX. */
static size_t named_in_full_before(const doc_state *d, const char *name, const char *kind)
{
    char cut[256];
    const char *space;
    if (!body_kind(kind) || !text_normalize(name, strlen(name), cut, sizeof cut) ||
        !(space = strchr(cut, ' ')))
        return EXTRACT_NO_INDEX;
    size_t first_len = (size_t)(space - cut);
    for (size_t k = d->r->n_source_mentions; k-- > 0;) {
        size_t src = d->r->source_mentions[k].source;
        /* only a mention whose first word ends as the name's does (a
         * proclitic may stand before it) is read out and compared */
        const char *w = d->t->tok[d->smention_toks[k].first].norm;
        size_t wl = strlen(w);
        if (!body_kind(d->r->sources[src].kind) || wl < first_len ||
            memcmp(w + wl - first_len, cut, first_len) != 0)
            continue;
        char *said = text_slice(d->t, d->r->source_mentions[k].sp);
        if (!said)
            return EXTRACT_NO_INDEX;
        bool longer = name_begins_with(said, cut);
        free(said);
        if (longer)
            return src;
    }
    return EXTRACT_NO_INDEX;
}

static size_t discovered_named(doc_state *d, char *name, const char *kind, size_t parent)
{
    char id[DISCOVERED_ID_MAX];
    discovered_id(name, kind, id);
    for (size_t i = 0; i < d->r->n_sources; i++)
        if (strcmp(d->r->sources[i].id, id) == 0) {
            free(name);
            return i;
        }
    size_t full = named_in_full_before(d, name, kind);
    if (full != EXTRACT_NO_INDEX) {
        free(name);
        return full;
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
                          .parent_id = p ? p->id : NULL,
                          /* a spokesman or an anonymous source speaks for its party */
                          .bloc = p ? p->bloc : NULL};
    return d->r->n_sources - 1;
}

/* A source found in the text named by the words at sp, which begin at
 * token i: where ل took the article's alef ("للمتحدث", "للشرطة"), the
 * name gets its article back ("المتحدث باسم ...", "الشرطة"), so that it
 * is the same source as when named bare. */
static size_t discovered_definite(doc_state *d, size_t i, span sp, const char *kind, size_t parent)
{
    const text *t = d->t;
    const char *w = t->tok[i].norm;
    bool waw = !strncmp(w, "ولل", strlen("ولل"));
    if (!waw && strncmp(w, "لل", strlen("لل")) != 0)
        return discovered_source(d, sp, kind, parent);
    span rest = {text_skip_letters(t, i, waw ? 3 : 2), sp.end};
    char *tail = text_slice(t, rest);
    size_t n = tail ? strlen(tail) + sizeof "ال" : 0;
    char *name = tail ? malloc(n) : NULL;
    if (name)
        snprintf(name, n, "ال%s", tail);
    free(tail);
    return name ? discovered_named(d, name, kind, parent) : EXTRACT_NO_INDEX;
}

static bool add_mention(doc_state *d, size_t src, span sp, size_t first, size_t end,
                        source_role role)
{
    if (src == EXTRACT_NO_INDEX)
        return false;
    size_t cap = d->cap_smentions;
    extract_source_mention *m = stages_push((void **)&d->r->source_mentions,
                                            &d->r->n_source_mentions, &d->cap_smentions, sizeof *m);
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
    size_t source;  /* r->sources index */
    size_t mention; /* r->source_mentions index */
    size_t end;     /* one past its last token */
    bool anaphor;   /* it referred back (المصدر): nothing new was named */
} found;

/* Per-document bookkeeping of the pass. */
typedef struct pass {
    size_t current;        /* the paragraph's speaker */
    size_t first_speaker;  /* the article's first speaker */
    size_t last_anonymous; /* for المصدر / المصادر */
    size_t last_role;      /* for المراسل */
    int *outlet_score;     /* per r->sources index, score_cap of them */
    size_t score_cap;
    size_t covered_until; /* tokens before it belong to a recorded mention */
    size_t last_speaker;  /* the last speaker named, across paragraphs */
    /* Words before the first speaker's coordinated clause in its sentence
     * ("ارتفع العدد إلى 80، وأعلنت مصادر مقتل 18"): not theirs to narrate. */
    size_t lead_not_theirs_from, lead_not_theirs_to;
    /* form_subject_at reads a function only, not who holds it named
     * between commas after it ("الناطق باسم القائد العام، اللواء X،": X is
     * the spokesman, not the commander) */
    bool function_only;
    /* form_subject_at reads the subject of a verb whose object follows
     * ("زار وزير الصحة المستشفى"): a second definite noun that is no
     * adjective begins the object */
    bool object_follows;
    /* the paragraph's speaker answers another ("من جانبها، قالت X إن")
     * and was not read: its words are no one's, not the narrator's */
    bool unread;
    /* the last speaker who spoke in a statement ("قال X في بيان", "جاء في
     * بيان لـX"): البيان refers back to it */
    size_t last_statement;
    /* the first token of the text's last line, and the first link word
     * (http, https, www) on it or n_tok: read once, not per mention */
    size_t last_line_start, last_line_link;
} pass;

static bool is_outlet_kind(const extract_source *s)
{
    return strcmp(s->kind, "outlet") == 0 || strcmp(s->kind, "agency") == 0;
}

/* Does a counted noun of nouns.tsv end right before token i, in its
 * sentence ("عناصر النظام", "قتلى النظام")? */
static bool after_counted_noun(const doc_state *d, size_t i)
{
    lexicon_match nm;
    for (size_t back = 1; back <= 2 && back <= i; back++)
        if (d->t->tok[i - back].sentence == d->t->tok[i].sentence &&
            lexicon_match_at(d->m->nouns, d->t, i - back, PROCLITICS_ALL, &nm) && nm.tok_end == i)
            return true;
    return false;
}

/* Does a place of the gazetteer end right before token i, in its sentence
 * ("إدلب" before "الحرة")? */
static bool after_place(const doc_state *d, size_t i)
{
    const text *t = d->t;
    lexicon_match gm;
    for (size_t back = 1; back <= 3 && back <= i; back++) {
        size_t k = i - back;
        if (t->tok[k].sentence != t->tok[i].sentence || t->tok[k].kind != TOK_WORD)
            return false;
        if (lexicon_match_at(d->m->gazetteer, t, k, PROCLITICS_NAME, &gm) && gm.tok_end == i)
            return true;
    }
    return false;
}

/* A known source at i; fills f. A name flagged `owner` in sources.tsv
 * (النظام) is one only as the owner of a counted noun. */
/* Where the owner's name begins after the name km (في X, التابع لـX,
 * لX), or t->n_tok. */
static size_t owner_at(const doc_state *d, const lexicon_match *km)
{
    const text *t = d->t;
    size_t k = km->tok_end;
    if (k >= t->n_tok || t->tok[k].sentence != t->tok[km->tok_first].sentence)
        return t->n_tok;
    if (strncmp(t->tok[k].norm, "ل", strlen("ل")) == 0 && !stages_word_in(d, k, FW_AFFILIATED) &&
        !stages_word_is(t, k, (const char *const[]){"ل", "لـ", NULL}))
        return k; /* "للحشد الشعبي" */
    if (!stages_word_is(t, k, (const char *const[]){"في", NULL}) &&
        !stages_word_in(d, k, FW_AFFILIATED))
        return t->n_tok;
    size_t q = k + 1;
    if (stages_word_is(t, q, (const char *const[]){"ل", "لـ", NULL}))
        q++;
    return q < t->n_tok && t->tok[q].sentence == t->tok[k].sentence ? q : t->n_tok;
}

/* "الإعلام الحربي في الحشد الشعبي", "الإعلام الحربي التابع للحشد": a
 * body the list knows as one party's (parent) by a name any party's body
 * may carry, followed by its owner (في, التابع لـ) that is another party
 * that fights (an armed group, an army, a government), is that owner's
 * body and no listed one. */
static bool owned_by_another(const doc_state *d, const lexicon_match *km)
{
    const text *t = d->t;
    const char *parent = model_field(km->entry, 4);
    if (!strcmp(parent, "-"))
        return false;
    size_t q = owner_at(d, km);
    lexicon_match om;
    if (q >= t->n_tok || !lexicon_match_at(d->m->source_list, t, q, PROCLITICS_NAME, &om))
        return false;
    /* "في سوريا": a country's name is where the body works, not its owner */
    lexicon_match gm;
    if (lexicon_match_at(d->m->gazetteer, t, q, PROCLITICS_NAME, &gm) && gm.tok_end >= om.tok_end)
        return false;
    const char *owner = model_field(om.entry, 1), *kind = model_field(om.entry, 2);
    return strcmp(owner, parent) != 0 && strcmp(owner, model_field(km->entry, 1)) != 0 &&
           (!strcmp(kind, "armed_group") || !strcmp(kind, "military") ||
            !strcmp(kind, "government"));
}

static bool definite_nisba(const doc_state *d, size_t i, uint32_t s);

/* "الأردنية", "المصري": the country (its gazetteer index) of which the
 * definite nisba at token i is the adjective, or EXTRACT_NO_INDEX. */
static size_t nisba_country(const doc_state *d, size_t i)
{
    const char *w = d->t->tok[i].norm + strlen("ال");
    size_t n = strlen(w);
    if (n > strlen("يه") && !strcmp(w + n - strlen("يه"), "يه"))
        n -= strlen("يه");
    else if (n > strlen("ي") && !strcmp(w + n - strlen("ي"), "ي"))
        n -= strlen("ي");
    else
        return EXTRACT_NO_INDEX;
    static const char *const tails[] = {"", "يا", "ا", NULL};
    for (const char *const *tail = tails; *tail; tail++)
        for (const char *const *art = (const char *const[]){"", "ال", NULL}; *art; art++) {
            char form[TOKEN_NORM_MAX + 16];
            snprintf(form, sizeof form, "%s%.*s%s", *art, (int)n, w, *tail);
            const lexicon_entry *e = lexicon_find(d->m->gazetteer, form);
            if (e) {
                size_t place = model_entry_index(d->m->gazetteer, e);
                return d->m->country_of[place];
            }
        }
    return EXTRACT_NO_INDEX;
}

/* "الجيش الوطني الشعبي", "القيادة العامة للقوات المسلحة الأردنية": a name
 * the list gives one war's party as a common noun (column local), followed
 * by an adjective that is no place's, or a country's where the list knows
 * no war, is another body's name. */
static bool local_name_qualified(const doc_state *d, const lexicon_match *lm)
{
    uint32_t s = d->t->tok[lm->tok_first].sentence;
    if (!definite_nisba(d, lm->tok_end, s))
        return false;
    const char *id = model_field(lm->entry, 1);
    if (!model_name_is_local(d->m, d->t, lm->tok_first, lm->tok_end, id))
        return false;
    size_t country = nisba_country(d, lm->tok_end);
    return country == EXTRACT_NO_INDEX || !model_conflict_in(d->m, d->m->places[country].id);
}

static bool known_at(doc_state *d, size_t i, found *f, lexicon_match *lm)
{
    if (!lexicon_match_at(d->m->source_list, d->t, i, PROCLITICS_NAME, lm) ||
        (strstr(model_field(lm->entry, 6), "owner") && !after_counted_noun(d, i)))
        return false;
    /* "مجلس محافظة إدلب الحرة", "حلب الحرة": a name that is also an
     * ordinary word (الحرة "free") right after a place is its adjective */
    if (strstr(model_field(lm->entry, 6), "ambiguous") && after_place(d, i))
        return false;
    if (owned_by_another(d, lm) || local_name_qualified(d, lm))
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

/* The last two letters of token i as written, harakat and tatweel
 * skipped, the last first; how many there are (at most 2). */
static size_t last_letters(const text *t, size_t i, uint32_t last[2])
{
    size_t letters = 0;
    last[0] = last[1] = 0;
    for (uint32_t c = t->tok[i].sp.end; c-- > t->tok[i].sp.start && letters < 2;) {
        uint32_t cp = t->cp[c];
        if (cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670)
            continue;
        last[letters++] = cp;
    }
    return letters;
}

/* Token i is a definite nisba adjective (الغربية, الشيوعي) in sentence s:
 * the article, and a final ي or ية as written (not ئة: التعبئة, الهيئة),
 * and no counted noun the list writes with its article (الأهالي, a plural
 * in ـي: "أبلغ الجيش الأهالي" names the army, and whom it told). */
static bool definite_nisba(const doc_state *d, size_t i, uint32_t s)
{
    const text *t = d->t;
    if (i >= t->n_tok || t->tok[i].sentence != s || t->tok[i].kind != TOK_WORD ||
        stages_word_in(d, i, FW_RELATIVE_PRONOUN) ||
        strncmp(t->tok[i].norm, "ال", strlen("ال")) != 0)
        return false;
    lexicon_match nm;
    if (lexicon_match_at(d->m->nouns, t, i, PROCLITICS_NAME, &nm) && nm.tok_end == i + 1 &&
        !nm.stripped)
        return false;
    uint32_t last[2];
    size_t letters = last_letters(t, i, last);
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
 * party_anaphor_sentences (windows.tsv), that names a party by the same head
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
    if (definite_nisba(d, am->tok_end, s) ||
        (i > 0 && t->tok[i - 1].sentence == s && word_in_list(t, i - 1, ph->not_after)))
        return false;
    size_t back = d->m->windows[WIN_PARTY_ANAPHOR_SENTENCES];
    uint32_t from = s > back ? (uint32_t)(s - back) : 0;
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

/* Points toward publishing the text, for any source: a body that signs a
 * report or heads a release publishes it too. */
static void score_publisher(pass *p, size_t src, int points)
{
    if (src < p->score_cap)
        p->outlet_score[src] += points;
}

static void score_outlet(doc_state *d, pass *p, size_t src, int points)
{
    if (src != EXTRACT_NO_INDEX && is_outlet_kind(&d->r->sources[src]))
        score_publisher(p, src, points);
}

typedef enum speaker_form {
    FORM_NONE,
    FORM_PARTY,  /* head noun of a body: وزارة، شبكة، لجنة */
    FORM_ROLE,   /* a function: وزير، مدير، المتحدث */
    FORM_TITLE,  /* before a name: الشيخ، العميد */
    FORM_GIVEN,  /* a given name */
    FORM_MEDIUM, /* بيان، تصريح: "في بيان" ends a speaker's phrase */
    FORM_STOP,   /* cannot continue a speaker's phrase */
    FORM_TIME,   /* a time adverbial; also a stop */
} speaker_form;
static speaker_form form_at(const doc_state *d, size_t i, lexicon_match *lm);
static bool form_subject_at(doc_state *d, pass *p, size_t j, found *f);
static bool has_article(const text *t, size_t i);
static bool phrase_ends_at(const doc_state *d, size_t k, uint32_t s);
static bool told_to_at(doc_state *d, size_t k, found *pf, lexicon_match *pm);
static bool told_outlet_at(const doc_state *d, size_t k, lexicon_match *km);
static bool hidden_subject(const doc_state *d, const lexicon_match *am);
static bool form_anaphor_at(doc_state *d, size_t i, found *f, lexicon_match *am);
static bool body_alone_at(doc_state *d, size_t i, found *f);
static bool named_in_last_speaker(doc_state *d, const pass *p, size_t i, found *f);
static bool told_press_at(const doc_state *d, size_t k);
static bool named_in_passing(doc_state *d, pass *p, size_t i, found *f);

/* Token i is an indefinite nisba adjective (أمني, حقوقية, كردي): no
 * article, three letters or more, ending in ي or ية. */
static bool indefinite_nisba(const text *t, size_t i)
{
    if (i >= t->n_tok || t->tok[i].kind != TOK_WORD || has_article(t, i))
        return false;
    /* prepositions in ى fold to the same ending: "أشار مصدر إلى أن" */
    if (stages_word_is(t, i, (const char *const[]){"الي", "علي", "لدي", "حتي", NULL}))
        return false;
    const char *w = t->tok[i].norm;
    if (strncmp(w, "و", 2) == 0 && strlen(w) > 8)
        w += 2; /* "وإعلامية" */
    size_t len = strlen(w);
    if (len < 6)
        return false;
    if (strcmp(w + len - 2, "ي") == 0 || (len >= 8 && strcmp(w + len - 4, "يه") == 0))
        return true;
    /* plurals and duals: محليون, سوريين, حقوقيات, أمنيان (أمنيين is the
     * plural's form) */
    return len >= 10 && (strcmp(w + len - 6, "يون") == 0 || strcmp(w + len - 6, "يين") == 0 ||
                         strcmp(w + len - 6, "يات") == 0 || strcmp(w + len - 6, "يان") == 0);
}

/* Is token i, as written, a nisba adjective (محلية، الحقوقي)? Not a noun
 * in ـى (مستشفى، مبنى) that folds to the same letter, nor a verbal noun in
 * ـاية (حماية، رعاية). */
static bool nisba_written(const doc_state *d, size_t i, uint32_t s)
{
    const text *t = d->t;
    if (!indefinite_nisba(t, i) && !definite_nisba(d, i, s))
        return false;
    const char *w = t->tok[i].norm;
    size_t len = strlen(w);
    uint32_t last[2];
    last_letters(t, i, last);
    return last[0] != 0x0649 && !(len >= 6 && strcmp(w + len - 6, "ايه") == 0) &&
           !(len >= 6 && strcmp(w + len - 6, "يات") == 0);
}

/* Whom a statement was told: an outlet told ("قال مصدر للجزيرة نت") is
 * reporting it itself, a sign of the publisher; a news agency told
 * ("لوكالة فرانس برس") is the wire that an article reprinting it cites, no
 * sign of who publishes. */
static void score_told(doc_state *d, pass *p, size_t src)
{
    if (src != EXTRACT_NO_INDEX && strcmp(d->r->sources[src].kind, "outlet") == 0)
        score_outlet(d, p, src, 1);
}

/* "قال مصدر لـ"X" إن ...": a quoted name told right after a speaker is
 * an outlet, the one the speaker talked to; one the list does not know is
 * taken as an outlet, and scored as any outlet told. */
static void told_quoted_outlet(doc_state *d, pass *p, size_t k, uint32_t s)
{
    const text *t = d->t;
    if (!stages_word_is(t, k, (const char *const[]){"ل", NULL}) || k + 2 >= t->n_tok ||
        t->tok[k + 1].kind != TOK_PUNCT || t->tok[k + 1].sentence != s)
        return;
    uint32_t c = t->cp[t->tok[k + 1].sp.start];
    if (!(c == '"' || c == 0x00AB || c == 0x201C || c == 0x201D))
        return;
    size_t a = k + 2, b = a;
    while (b < t->n_tok && b < a + 3 && t->tok[b].sentence == s && t->tok[b].kind == TOK_WORD)
        b++;
    if (b == a || b >= t->n_tok || t->tok[b].kind != TOK_PUNCT || is_comma(t, b))
        return;
    lexicon_match km;
    if (lexicon_match_at(d->m->source_list, t, a, PROCLITICS_NAME, &km))
        return; /* a known one is scored with the others (score_signatures) */
    span sp = {t->tok[a].sp.start, t->tok[b - 1].sp.end};
    size_t src = discovered_source(d, sp, "outlet", EXTRACT_NO_INDEX);
    if (src != EXTRACT_NO_INDEX && add_mention(d, src, sp, a, b, ROLE_MENTIONED))
        score_told(d, p, src);
}

/* Does the name of source src begin with the word of token i, its
 * proclitics and article aside ("مسؤول محلي" for "المسؤول")? */
static bool named_with_word(const doc_state *d, size_t src, size_t i)
{
    const char *name = d->r->sources[src].name;
    char first[TOKEN_NORM_MAX];
    if (text_normalize(name, strcspn(name, " "), first, sizeof first) == 0)
        return false;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t n = text_proclitic_forms(d->t->tok[i].norm, false, forms, NULL, TEXT_PROCLITIC_MAX);
    for (size_t k = 0; k < n; k++)
        if (strcmp(forms[k], first) == 0)
            return true;
    return false;
}

/* The function at token k a spokesman speaks for, read by its form
 * without its holder; fills f. */
static bool spoken_for_function(doc_state *d, pass *p, size_t k, found *f)
{
    p->function_only = true;
    bool read = form_subject_at(d, p, k, f);
    p->function_only = false;
    return read && strcmp(d->r->sources[f->source].kind, "person") != 0;
}

/* "المصدر الأول", "المصدر الثاني", "المصدر الآخر": of the unnamed sources
 * the text named with the word `head` (مصدر), the first or the second;
 * *gm is extended over the ordinal. EXTRACT_NO_INDEX when none follows or
 * the text named fewer. */
static size_t ordinal_source(const doc_state *d, lexicon_match *gm, const char *head)
{
    const text *t = d->t;
    size_t k = gm->tok_end;
    if (k >= t->n_tok || t->tok[k].sentence != t->tok[gm->tok_first].sentence)
        return EXTRACT_NO_INDEX;
    size_t want;
    if (stages_word_is(t, k, (const char *const[]){"الاول", NULL}))
        want = 0;
    else if (stages_word_is(t, k, (const char *const[]){"الثاني", "الاخر", NULL}))
        want = 1;
    else
        return EXTRACT_NO_INDEX;
    size_t seen = 0, hlen = strlen(head);
    for (size_t i = 0; i < d->r->n_sources; i++) {
        const extract_source *s = &d->r->sources[i];
        char norm[256];
        if (strcmp(s->kind, "anonymous") != 0)
            continue;
        text_normalize(s->name, strlen(s->name), norm, sizeof norm);
        if (strncmp(norm, head, hlen) != 0 || (norm[hlen] != ' ' && norm[hlen] != '\0'))
            continue;
        if (seen++ == want) {
            gm->tok_end = k + 1;
            gm->sp.end = t->tok[k].sp.end;
            return i;
        }
    }
    return EXTRACT_NO_INDEX;
}

/* "المصدر الطبي", "المصادر الأمنية العراقية": the unnamed source the
 * text named before with the same words without the article ("مصدر
 * طبي"), found by the id such a source takes; *gm is extended over the
 * adjectives. EXTRACT_NO_INDEX when none, or no adjective follows. */
static size_t described_source(const doc_state *d, lexicon_match *gm)
{
    const text *t = d->t;
    uint32_t s = t->tok[gm->tok_first].sentence;
    const char *head = strstr(t->tok[gm->tok_first].norm, "مصادر") ? "مصادر" : "مصدر";
    char name[256];
    size_t len = (size_t)snprintf(name, sizeof name, "%s", head);
    size_t k = gm->tok_end;
    for (; k < gm->tok_end + 2 && definite_nisba(d, k, s); k++) {
        int w = snprintf(name + len, sizeof name - len, " %s", t->tok[k].norm + strlen("ال"));
        if (w < 0 || (size_t)w >= sizeof name - len)
            return EXTRACT_NO_INDEX;
        len += (size_t)w;
    }
    if (k == gm->tok_end)
        return ordinal_source(d, gm, head);
    char id[DISCOVERED_ID_MAX];
    discovered_id(name, "anonymous", id);
    for (size_t i = 0; i < d->r->n_sources; i++)
        if (!strcmp(d->r->sources[i].id, id)) {
            gm->tok_end = k;
            gm->sp.end = t->tok[k - 1].sp.end;
            return i;
        }
    return ordinal_source(d, gm, head); /* الثاني reads as a nisba too */
}

/* A generic speaker at i: with its proclitics and article stripped
 * ("مصدر" in "للمصدر"), or, for a word the list has only with the article,
 * "لل" read as ل and the article ("للبيان": البيان). */
static bool speaker_word_at(const doc_state *d, size_t i, lexicon_match *gm)
{
    return lexicon_match_at(d->m->speakers, d->t, i, PROCLITICS_ALL, gm) ||
           lexicon_match_at(d->m->speakers, d->t, i, PROCLITICS_NAME, gm);
}

/* A generic speaker at i, extended by the party it belongs to. */
static bool generic_at(doc_state *d, pass *p, size_t i, found *f)
{
    const text *t = d->t;
    lexicon_match gm;
    if (!speaker_word_at(d, i, &gm))
        return false;
    const char *kind = model_field(gm.entry, 1);
    const char *role = model_field(gm.entry, 2);
    bool anaphor = strcmp(model_field(gm.entry, 3), "yes") == 0;
    /* "سكان من البلدة", "سكان في الحي" speak; "نزح آلاف السكان من القرى"
     * are counted: the list writes من or في after residents who speak, who
     * are indefinite, and على or في after an account ("حساب على منصة
     * إكس"), which "على حساب" (at the expense of) is not */
    bool partitive =
        gm.tok_end > gm.tok_first + 1 &&
        stages_word_is(t, gm.tok_end - 1, (const char *const[]){"من", "في", "علي", NULL});
    if (partitive && has_article(t, i))
        return false;
    /* "بحسب الجهات المسؤولة", "السلطات المسؤولة عن": the definite word
     * after a definite noun of the same sentence is its adjective
     * (responsible), no official who speaks */
    if (!strcmp(role, "official") && i > 0 && strncmp(t->tok[i].norm, "ال", strlen("ال")) == 0 &&
        t->tok[i - 1].kind == TOK_WORD && t->tok[i - 1].sentence == t->tok[i].sentence &&
        !t->tok[i].newline_before && has_article(t, i - 1))
        return false;
    if (anaphor && !strcmp(role, "source")) {
        /* "وأضاف المصدر الطبي" after "مصدر طبي" and another speaker: the
         * unnamed source named with those words */
        lexicon_match am = gm;
        size_t named = described_source(d, &am);
        if (named != EXTRACT_NO_INDEX)
            return refer_back(d, named, &am, f);
    }
    if (anaphor) {
        /* "ووفقا للبيان" after another party spoke with no statement of
         * its own: the last statement's author */
        size_t to = strcmp(role, "statement") == 0
                        ? (p->last_statement != EXTRACT_NO_INDEX ? p->last_statement : p->current)
                    : strcmp(role, "correspondent") == 0 ? p->last_role
                                                         : p->last_anonymous;
        if (to == EXTRACT_NO_INDEX)
            to = p->current;
        /* "وأضاف البيان" opening a paragraph: the statement of the last
         * party that spoke, not the narrator's */
        if (to == EXTRACT_NO_INDEX && strcmp(role, "statement") == 0)
            to = p->last_speaker;
        return to != EXTRACT_NO_INDEX && refer_back(d, to, &gm, f);
    }
    /* "وقال المسؤول" after "مسؤول محلي": the definite form of an unnamed
     * speaker's word refers back to the last unnamed speaker, when that one
     * was named with the same word. */
    if (has_article(t, i) && p->last_anonymous != EXTRACT_NO_INDEX &&
        named_with_word(d, p->last_anonymous, i))
        return refer_back(d, p->last_anonymous, &gm, f);
    /* "وأضاف المسؤول الأممي" after "قال المفوض العام للأونروا": with no
     * unnamed official before, the definite official is the one who holds
     * a function and spoke last (its adjectives go with it) */
    if (has_article(t, i) && !strcmp(role, "official") && gm.tok_end == i + 1) {
        size_t to = p->current != EXTRACT_NO_INDEX ? p->current : p->last_speaker;
        const char *k = to != EXTRACT_NO_INDEX ? d->r->sources[to].kind : "";
        if (!strcmp(k, "person") || !strcmp(k, "role")) {
            lexicon_match am = gm;
            while (am.tok_end < t->n_tok && am.tok_end < gm.tok_end + 2 &&
                   definite_nisba(d, am.tok_end, t->tok[i].sentence))
                am.tok_end++;
            am.sp.end = t->tok[am.tok_end - 1].sp.end;
            return refer_back(d, to, &am, f);
        }
    }
    /* The party it belongs to: directly after ("مراسل الجزيرة") or after a
     * linking word ("مصدر في جبهة فتح الشام"). A party attached with ل is
     * whom it spoke to ("مصادر للجزيرة", "مصدر عسكري لوكالة سانا"): a
     * signature of the outlet, but not its side; nor part of the name of a
     * speaker described by its own words (the speaker is "مصدر عسكري",
     * whichever wire carried him; "مسعفون"), while a bare "مصادر" is
     * known only by whom it spoke to ("مصادر للجزيرة"). */
    size_t parent = EXTRACT_NO_INDEX, end = gm.tok_end, name_end = 0;
    bool bare_body = false;
    /* Its adjectives: "مصادر حقوقية", "مصدر أمني كردي", "مصادر أمنية
     * وإعلامية سورية". */
    while (end < t->n_tok && end < gm.tok_end + 3 && t->tok[end].sentence == t->tok[i].sentence) {
        lexicon_match km0;
        /* "مصدر عسكري مسؤول": after a source, "responsible" describes it;
         * it is no official of its own */
        bool official = !strcmp(role, "source") && end > gm.tok_first &&
                        lexicon_match_at(d->m->speakers, t, end, PROCLITICS_NONE, &km0) &&
                        km0.tok_end == end + 1 && !strcmp(model_field(km0.entry, 2), "official");
        if (!official && !indefinite_nisba(t, end))
            break;
        if (!official && lexicon_match_at(d->m->source_list, t, end, PROCLITICS_NAME, &km0))
            break; /* "مراسل سكاي نيوز": a name, not an adjective */
        end++;
    }
    size_t j = next_word(t, end, t->tok[i].sentence);
    lexicon_match km;
    found pf;
    /* "اتهم ناشطون قوات النظام بقتلهم": a sound plural that keeps its nun
     * (ناشطون، مسعفين) heads no genitive, so a party right after it is
     * the verb's object, not whom it belongs to (but "ناشطون لـX" were
     * told, "ناشطون في X" belong) */
    const char *lw = t->tok[end - 1].norm;
    size_t lwl = strlen(lw);
    bool nun_plural =
        j < t->n_tok && lwl > 8 && (!strcmp(lw + lwl - 4, "ون") || !strcmp(lw + lwl - 4, "ين")) &&
        !stages_word_in(d, j, FW_BELONG) && strncmp(t->tok[j].norm, "ل", strlen("ل")) != 0;
    if (j < t->n_tok && !stages_word_in(d, j, FW_COMPLEMENTIZER) && !nun_plural) {
        size_t k = j;
        if (stages_word_in(d, j, FW_BELONG)) {
            k = next_word(t, j + 1, t->tok[i].sentence);
            if (stages_word_in(d, k, FW_BELONG))
                k = next_word(t, k + 1, t->tok[i].sentence);
        }
        if (k < t->n_tok && party_at(d, k, &pf, &km)) {
            bool told = k == j && (stages_word_is(t, k, (const char *const[]){"ل", NULL}) ||
                                   (km.stripped && strncmp(t->tok[k].norm, "ل", strlen("ل")) == 0));
            /* "أبلغ مسؤول عسكري وكالة رويترز": no genitive follows an
             * adjective, so an outlet right after one is the verb's
             * object, whom it was told */
            told |= k == j && indefinite_nisba(t, end - 1) && !km.stripped &&
                    is_outlet_kind(&d->r->sources[pf.source]);
            if (told) {
                score_told(d, p, pf.source);
                if (end > gm.tok_first + 1 || strcmp(role, "source") != 0)
                    name_end = end;
            } else {
                parent = pf.source;
            }
            end = pf.end;
            add_mention(d, pf.source, km.sp, k, km.tok_end, ROLE_MENTIONED);
        } else if (k == j && told_press_at(d, k) && form_subject_at(d, p, k, &pf)) {
            /* "مصادر أهلية لموقع تلفزيون سوريا": whom it was told */
            score_told(d, p, pf.source);
            if (end > gm.tok_first + 1 || strcmp(role, "source") != 0)
                name_end = end;
            end = pf.end;
        } else if (k < t->n_tok && form_at(d, k, NULL) == FORM_PARTY &&
                   form_subject_at(d, p, k, &pf)) {
            /* "مسؤول في وزارة الصحة", "مصدر طبي في مستشفى X": a body the
             * list does not know, read by its form. */
            parent = pf.source;
            end = pf.end;
        } else if (k == j && !strcmp(role, "spokesperson") && form_at(d, k, NULL) == FORM_ROLE &&
                   !form_anaphor_at(d, k, &pf, &km) && spoken_for_function(d, p, k, &pf)) {
            /* "الناطق باسم القائد العام للقوات المسلحة": a function's */
            parent = pf.source;
            end = pf.end;
        } else if (k < t->n_tok &&
                   (k > j || !strcmp(role, "spokesperson") || !strcmp(role, "source")) &&
                   form_anaphor_at(d, k, &pf, &km)) {
            /* "المتحدث باسم الوزارة", "مصادر المرصد": the body named before */
            parent = pf.source;
            end = pf.end;
        } else if (k < t->n_tok && (k > j || !strcmp(role, "spokesperson")) && has_article(t, k) &&
                   form_at(d, k, &km) == FORM_PARTY && km.tok_end == k + 1) {
            /* "المتحدث باسم الوزارة" with no ministry named before: a body
             * all the same, whose spokesman may be named next */
            bare_body = true;
            end = k + 1;
        } else if (k == j && !strcmp(role, "spokesperson") && has_article(t, k) &&
                   strncmp(t->tok[k].norm, "ال", strlen("ال")) == 0) {
            /* "المتحدث باسم المحتجين": whom he speaks for is part of his
             * name, a party of no list or form, with its adjectives */
            end = k + 1;
            while (end < t->n_tok && end < k + 3 && definite_nisba(d, end, t->tok[i].sentence))
                end++;
        }
    }
    told_quoted_outlet(d, p, end, t->tok[i].sentence);
    /* "سكان من البلدة": the list writes من to tell residents who speak
     * from a noun that counts them; the speakers are the residents, and no
     * name ends in a preposition */
    if (!name_end && end == gm.tok_end && partitive)
        name_end = gm.tok_end - 1;
    span sp = {gm.sp.start, t->tok[(name_end ? name_end : end) - 1].sp.end};
    /* 'مراسل "سكاي نيوز عربية"': the quote opened in the name closes it */
    size_t close = name_end ? name_end : end;
    if (close < t->n_tok && t->tok[close].kind == TOK_PUNCT &&
        (is_punct(t, close, '"') || is_punct(t, close, 0x00BB) || is_punct(t, close, 0x201D)))
        for (size_t q = gm.tok_first; q < close; q++)
            if (is_punct(t, q, '"') || is_punct(t, q, 0x00AB) || is_punct(t, q, 0x201C)) {
                sp.end = t->tok[close].sp.end;
                break;
            }
    size_t after = next_word(t, end, t->tok[i].sentence);
    lexicon_match hm;
    speaker_form hf = after < t->n_tok ? form_at(d, after, &hm) : FORM_NONE;
    found pf2;
    lexicon_match pk;
    if (strcmp(role, "spokesperson") == 0 && after < t->n_tok && known_at(d, after, &pf2, &pk) &&
        !pk.stripped && strcmp(d->r->sources[pf2.source].kind, "person") == 0) {
        /* "المتحدث باسم الجيش أفيخاي أدرعي": a spokesman the list knows */
        if (!add_mention(d, pf2.source, sp, gm.tok_first, end, ROLE_MENTIONED) ||
            !add_mention(d, pf2.source, pk.sp, after, pk.tok_end, ROLE_MENTIONED))
            return false;
        *f = (found){pf2.source, d->r->n_source_mentions - 1, pk.tok_end, false};
        return true;
    }
    /* "المتحدث باسم القيادة، اللواء فلان الفلاني، إن": a body's spokesman
     * named between commas by a title or given name (a function's keeps
     * the function: "الناطق باسم القائد العام، اللواء X،") */
    size_t titled = after;
    if (after >= t->n_tok && end + 1 < t->n_tok && is_comma(t, end) &&
        t->tok[end + 1].sentence == t->tok[i].sentence &&
        (bare_body ||
         (parent != EXTRACT_NO_INDEX && strcmp(d->r->sources[parent].kind, "role") != 0))) {
        lexicon_match tm2;
        speaker_form tf2 = form_at(d, end + 1, &tm2);
        if (tf2 == FORM_TITLE || (tf2 == FORM_GIVEN && !has_article(t, end + 1))) {
            titled = end + 1;
            hf = tf2;
        }
    }
    size_t covered = p->covered_until, mentions = d->r->n_source_mentions;
    if (strcmp(role, "spokesperson") == 0 && (hf == FORM_TITLE || hf == FORM_GIVEN) &&
        titled < t->n_tok && form_subject_at(d, p, titled, &pf2) &&
        strcmp(d->r->sources[pf2.source].kind, "person") == 0 &&
        (titled == after || is_comma(t, pf2.end))) {
        /* "المتحدث باسم الجيش العميد فلان": the person holding the role
         * speaks, for the party of the role. */
        extract_source *holder = &d->r->sources[pf2.source];
        if (parent != EXTRACT_NO_INDEX && !holder->parent_id && !is_known(d, pf2.source)) {
            holder->parent_id = d->r->sources[parent].id;
            holder->affiliation = d->r->sources[parent].affiliation;
            holder->bloc = d->r->sources[parent].bloc;
        }
        add_mention(d, pf2.source, sp, gm.tok_first, end, ROLE_MENTIONED);
        *f = pf2;
        return true;
    }
    if (titled != after) { /* read, but not closed by a comma: not his name */
        p->covered_until = covered;
        d->r->n_source_mentions = mentions;
    }
    /* "المتحدثة باسم اليونيسف، تيس إنغرام، إن": the name between commas */
    uint32_t si = t->tok[i].sentence;
    bool between_commas = after >= t->n_tok && end + 1 < t->n_tok && is_comma(t, end) &&
                          t->tok[end + 1].sentence == si && t->tok[end + 1].kind == TOK_WORD &&
                          !has_article(t, end + 1);
    if (strcmp(role, "spokesperson") == 0 && (parent != EXTRACT_NO_INDEX || bare_body) &&
        (after < t->n_tok || between_commas)) {
        /* "المتحدث باسم قوات X فلان الفلاني خلال ...": two or three words
         * without the article before the phrase ends are the spokesman's
         * name; its first word may carry the article when it is no
         * adjective ("الفاتح قرشي"). */
        uint32_t s = si;
        if (between_commas)
            after = end + 1;
        size_t q = after;
        if (has_article(t, q) && !definite_nisba(d, q, s) && form_at(d, q, NULL) == FORM_NONE &&
            !stages_word_in(d, q, FW_RELATIVE_PRONOUN) && q + 1 < t->n_tok &&
            t->tok[q + 1].sentence == s && t->tok[q + 1].kind == TOK_WORD && !has_article(t, q + 1))
            q++;
        /* no name runs past a word that ties a speaker to a body or place
         * ("متحدث باسم الثوار في مصراتة أن": في مصراتة names no one) */
        while (q < t->n_tok && q < after + 3 && t->tok[q].sentence == s &&
               t->tok[q].kind == TOK_WORD && !has_article(t, q) &&
               !stages_word_in(d, q, FW_COMPLEMENTIZER) && !stages_word_in(d, q, FW_BELONG) &&
               form_at(d, q, NULL) == FORM_NONE && strncmp(t->tok[q].norm, "ل", 2) != 0)
            q++;
        found tf;
        lexicon_match tm;
        /* a family name with the article closing the name ("تركي المالكي") */
        if (q > after && q < after + 3 && q + 1 < t->n_tok && t->tok[q].sentence == s &&
            t->tok[q].kind == TOK_WORD && has_article(t, q) && !has_article(t, after) &&
            form_at(d, q, NULL) == FORM_NONE && !stages_word_in(d, q, FW_COMPLEMENTIZER) &&
            (between_commas ? is_comma(t, q + 1)
                            : (phrase_ends_at(d, q + 1, s) || told_to_at(d, q + 1, &tf, &tm))))
            q++;
        if (q >= after + 2 &&
            (between_commas ? is_comma(t, q)
                            : (phrase_ends_at(d, q, s) || told_to_at(d, q, &tf, &tm)))) {
            span name = {t->tok[after].sp.start, t->tok[q - 1].sp.end};
            size_t person = discovered_source(d, name, "person", parent);
            if (person != EXTRACT_NO_INDEX &&
                add_mention(d, person, sp, gm.tok_first, end, ROLE_MENTIONED) &&
                add_mention(d, person, name, after, q, ROLE_MENTIONED)) {
                *f = (found){person, d->r->n_source_mentions - 1, q, false};
                return true;
            }
        }
    }
    f->source = discovered_definite(d, gm.tok_first, sp, kind, parent);
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

/* "النقيب في الجيش العراقي، أحمد الجبوري، ...": a title and the force he
 * serves in (tokens [i, c), c a comma), then his name of two to four words
 * from token a, closed by a comma, whom he told or what he said. The name
 * speaks for the force. */
static bool titled_holder(doc_state *d, size_t i, size_t c, size_t a, found *f)
{
    const text *t = d->t;
    uint32_t s = t->tok[i].sentence;
    found pf, tf;
    lexicon_match pm, tm;
    size_t parent = EXTRACT_NO_INDEX;
    if (party_at(d, i + 2, &pf, &pm) && pf.end <= c)
        parent = pf.source;
    if (a >= t->n_tok || has_article(t, a))
        return false;
    size_t e = a;
    while (e < t->n_tok && t->tok[e].sentence == s && t->tok[e].kind == TOK_WORD && e < a + 4 &&
           !stages_word_in(d, e, FW_COMPLEMENTIZER) && !told_to_at(d, e, &tf, &tm))
        e++;
    bool closed = phrase_ends_at(d, e, s) || told_to_at(d, e, &tf, &tm);
    if (e < a + 2 || !closed)
        return false;
    if (parent != EXTRACT_NO_INDEX)
        add_mention(d, parent, pm.sp, pm.tok_first, pm.tok_end, ROLE_MENTIONED);
    span name = {t->tok[a].sp.start, t->tok[e - 1].sp.end};
    f->source = discovered_source(d, name, "person", parent);
    if (!add_mention(d, f->source, (span){t->tok[i].sp.start, t->tok[c - 1].sp.end}, i, c,
                     ROLE_MENTIONED) ||
        !add_mention(d, f->source, name, a, e, ROLE_MENTIONED))
        return false;
    f->mention = d->r->n_source_mentions - 1;
    f->end = e;
    f->anaphor = false;
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
        if (stages_word_in(d, c, FW_COMPLEMENTIZER))
            return false;
        c++;
        words++;
    }
    if (words < 2 || words > 4 || !is_comma(t, c))
        return false;
    size_t a = next_word(t, c + 1, s);
    bool titled = stages_word_in(d, i, FW_PERSON_TITLE);
    if (titled && words >= 3 && stages_word_is(t, i + 1, (const char *const[]){"في", "من", NULL}))
        return titled_holder(d, i, c, a, f);
    bool appositive = stages_word_in(d, a, FW_APPOSITIVE_HEAD) || form_at(d, a, NULL) == FORM_ROLE;
    if (!titled && !appositive)
        return false;
    /* The party it speaks for: a known source in the appositive, recorded
     * here so the appositive ("الناطق باسم ...") is not read again as a
     * speaker of its own. */
    size_t parent = EXTRACT_NO_INDEX, resume = c;
    lexicon_match pm;
    for (size_t k = a; k < t->n_tok && k < a + 8 && t->tok[k].sentence == s; k++) {
        found pf;
        lexicon_match tm;
        if (told_to_at(d, k, &pf, &tm))
            break; /* "، للأناضول": whom he told, not whom he speaks for */
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

/* ---- speakers named by their form (data/lexicon/speaker_forms.tsv) ---- */

static speaker_form form_at(const doc_state *d, size_t i, lexicon_match *lm)
{
    lexicon_match scratch;
    if (!lm)
        lm = &scratch;
    if (i >= d->t->n_tok || d->t->tok[i].kind != TOK_WORD ||
        !lexicon_match_at(d->m->speaker_forms, d->t, i, PROCLITICS_ALL, lm))
        return FORM_NONE;
    static const char *const names[] = {"party",  "role", "title", "given",
                                        "medium", "stop", "time"};
    const char *f = model_field(lm->entry, 1);
    const token *tk = &d->t->tok[i];
    if (strcmp(f, "given") == 0 && d->t->cp[tk->sp.end - 1] == 0x0649 && strstr(tk->norm, "علي"))
        return FORM_NONE; /* على, the preposition, folds to the name علي */
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(f, names[k]) == 0)
            return (speaker_form)(k + 1);
    return FORM_NONE;
}

/* The first token at or after j, in sentence s, past the time adverbials
 * that stand there, each skipped whole ("في وقت سابق", "مساء اليوم"). */
static size_t past_time(const doc_state *d, size_t j, uint32_t s)
{
    lexicon_match xm;
    while (j < d->t->n_tok && d->t->tok[j].sentence == s && form_at(d, j, &xm) == FORM_TIME)
        j = xm.tok_end > j ? xm.tok_end : j + 1;
    return j;
}

/* Does token i carry the article, after و ف and ب ك ل ("والوزارة",
 * "بالجيش", "للجيش")? */
static bool has_article(const text *t, size_t i)
{
    if (i >= t->n_tok || t->tok[i].kind != TOK_WORD)
        return false;
    const char *w = t->tok[i].norm;
    size_t len = strlen(w), o = 0;
    if (len > 6 && (strncmp(w, "و", 2) == 0 || strncmp(w, "ف", 2) == 0))
        o = 2;
    /* at least two letters after the article: "وكالة" is no و + ك + الة */
    if (strncmp(w + o, "لل", 4) == 0 && len >= o + 8)
        return true;
    if (len >= o + 10 && (strncmp(w + o, "ب", 2) == 0 || strncmp(w + o, "ك", 2) == 0) &&
        strncmp(w + o + 2, "ال", 4) == 0)
        return true;
    return strncmp(w + o, "ال", 4) == 0 && len >= o + 8;
}

/* "اللواء الثامن": a word that is also a rank (اللواء "major general")
 * followed by a definite adjective names a unit, not the title of the
 * name after it. */
static bool unit_not_title(const doc_state *d, size_t k)
{
    const text *t = d->t;
    lexicon_match tm;
    if (form_at(d, k, &tm) != FORM_TITLE || tm.tok_end >= t->n_tok ||
        t->tok[tm.tok_end].sentence != t->tok[k].sentence)
        return false;
    size_t n = tm.tok_end;
    speaker_form next = form_at(d, n, NULL);
    return has_article(t, n) && next != FORM_TITLE && next != FORM_GIVEN;
}

/* Is the military head fm, definite, followed by a unit's number and a
 * word that is no counted noun ("الفرقة 22 إنها", "الفوج 46 أسر"), not a
 * count ("الفرقة 5 دبابات")? The number is the unit's name. */
static bool numbered_unit(const doc_state *d, const lexicon_match *fm, uint32_t s)
{
    const text *t = d->t;
    size_t k = fm->tok_end;
    lexicon_match cn;
    return has_article(t, fm->tok_first) && !strcmp(model_field(fm->entry, 2), "military") &&
           k + 1 < t->n_tok && t->tok[k].kind == TOK_NUMBER && t->tok[k].sentence == s &&
           t->tok[k].sp.end - t->tok[k].sp.start <= 3 && t->tok[k + 1].sentence == s &&
           (is_comma(t, k + 1) || (t->tok[k + 1].kind == TOK_WORD &&
                                   !lexicon_match_at(d->m->nouns, t, k + 1, PROCLITICS_ALL, &cn)));
}

/* Is token i a definite verbal noun with its preposition, an event a body
 * announces ("أعلنت الشرطة القبض على 6", "أعلن الجيش الاستيلاء على",
 * "الإفراج عن"): the object of the verb, not a word of the body's name?
 * (على is علي once normalised.) */
static bool announced_event_at(const doc_state *d, size_t i)
{
    const text *t = d->t;
    lexicon_match m;
    return i < t->n_tok && has_article(t, i) &&
           lexicon_match_at(d->m->triggers, t, i, PROCLITICS_NONE, &m) && m.tok_end > i + 1 &&
           stages_word_is(t, m.tok_end - 1, (const char *const[]){"علي", "عن", NULL});
}

/* Does a number expression (its qualifier included) begin at token i? */
static bool number_starts_at(const doc_state *d, size_t i)
{
    for (size_t k = 0; k < d->r->n_numbers; k++)
        if (d->r->numbers[k].tok_first == i)
            return true;
    return false;
}

/* Does a number expression end right before token i ("3 مستشفيات": what
 * follows is what it counts)? */
static bool number_ends_before(const doc_state *d, size_t i)
{
    for (size_t k = 0; k < d->r->n_numbers; k++)
        if (d->r->numbers[k].tok_end == i)
            return true;
    return false;
}

/* Does token i carry the article and continue a noun phrase ("الأحد",
 * "اليوم" do not: they are adverbs of time; "القبض على" is an event)? */
static bool definite_follower(const doc_state *d, size_t i)
{
    speaker_form form = form_at(d, i, NULL);
    return has_article(d->t, i) && form != FORM_STOP && form != FORM_TIME && form != FORM_MEDIUM &&
           !announced_event_at(d, i);
}

/* Is token k ب and a verbal noun of what happened (triggers.tsv): what a
 * verb such as أفاد reports, not a word of the name ("أفادت وزارة الصحة
 * بمقتل 4", "بإصابة", "باعتقال")? */
static bool reported_event_at(const doc_state *d, size_t k)
{
    const text *t = d->t;
    lexicon_match tm;
    return k < t->n_tok && t->tok[k].kind == TOK_WORD &&
           strncmp(t->tok[k].norm, "ب", strlen("ب")) == 0 &&
           lexicon_match_at(d->m->triggers, t, k, PROCLITICS_ALL, &tm) && tm.stripped;
}

/* Does a speaker's phrase end before token k of sentence s: at a mark, a
 * complementizer, a stop word, "في بيان", or the end of the sentence? */
static bool phrase_ends_at(const doc_state *d, size_t k, uint32_t s)
{
    const text *t = d->t;
    if (k < t->n_tok && t->tok[k].sentence == s && t->tok[k].kind == TOK_PUNCT) {
        uint32_t c = t->cp[t->tok[k].sp.start];
        return !(c == 0x00AB || c == 0x201C || c == '(' || c == '"'); /* a name in quotes follows */
    }
    if (k >= t->n_tok || t->tok[k].sentence != s || stages_word_in(d, k, FW_COMPLEMENTIZER))
        return true;
    speaker_form form = form_at(d, k, NULL);
    if (form == FORM_STOP || form == FORM_TIME)
        return true;
    if (reported_event_at(d, k))
        return true;
    return stages_word_is(t, k, (const char *const[]){"في", NULL}) &&
           (form_at(d, k + 1, NULL) == FORM_MEDIUM || form_at(d, k + 1, NULL) == FORM_TIME);
}

/* Where the article of token i begins, after و ف ب ك ("والقوات" → القوات). */
static uint32_t article_start(const text *t, size_t i)
{
    const char *w = t->tok[i].norm;
    size_t letters = 0;
    if (strlen(w) > 6 && (strncmp(w, "و", 2) == 0 || strncmp(w, "ف", 2) == 0) &&
        strncmp(w + 2, "ال", 4) != 0 && strncmp(w + 2, "لل", 4) != 0 && strncmp(w, "ال", 4) != 0) {
        letters++;
        w += 2;
    }
    if (strncmp(w, "ال", 4) != 0)
        letters++; /* ب ك, or the first ل of لل */
    return letters ? text_skip_letters(t, i, letters) : t->tok[i].sp.start;
}

/* The head of a speaker's phrase at token i, proclitics and article removed
 * ("والوزارة" → "وزاره"), in out; false when token i is no head. */
static bool head_key(const doc_state *d, size_t i, char out[TOKEN_NORM_MAX])
{
    const text *t = d->t;
    if (i >= t->n_tok || t->tok[i].kind != TOK_WORD)
        return false;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t n = text_proclitic_forms(t->tok[i].norm, false, forms, NULL, TEXT_PROCLITIC_MAX);
    for (size_t k = 0; k < n; k++) {
        const lexicon_entry *e = lexicon_find(d->m->speaker_forms, forms[k]);
        if (e &&
            (strcmp(model_field(e, 1), "party") == 0 || strcmp(model_field(e, 1), "role") == 0)) {
            memcpy(out, forms[k], TOKEN_NORM_MAX);
            return true;
        }
    }
    return false;
}

static void trim_punct(const text *t, size_t *a, size_t *b);

/* A definite head alone ("الوزارة", "الوزير", "للشبكة"): the source of the
 * nearest mention before it, within party_anaphor_sentences sentences, that
 * began with the same head; or a body's head made definite by its
 * complement ("غرفة العمليات"): the nearest one named with both ("غرفة
 * عمليات X"). Fills f (no mention recorded) and am. */
static bool form_anaphor_at(doc_state *d, size_t i, found *f, lexicon_match *am)
{
    const text *t = d->t;
    speaker_form form = form_at(d, i, am);
    char key[TOKEN_NORM_MAX], other[TOKEN_NORM_MAX];
    lexicon_match pa;
    uint32_t s = t->tok[i].sentence;
    /* "وقال الفريق في بيان" after "فريق منسقو استجابة سوريا": a rank that
     * is also a body's head (الفريق), with no name after it, is the head */
    if (form == FORM_TITLE && am->tok_end == i + 1 && has_article(t, i) &&
        phrase_ends_at(d, i + 1, s))
        form = FORM_PARTY;
    /* a function of two words ("المدير العام", "المفوض العام") */
    bool two = form == FORM_ROLE && am->tok_end == i + 2 && has_article(t, i) &&
               has_article(t, i + 1) && t->tok[i + 1].sentence == s;
    if ((form != FORM_PARTY && form != FORM_ROLE) || (am->tok_end != i + 1 && !two) ||
        (form == FORM_PARTY && numbered_unit(d, am, s)) || /* "الفرقة 22" */
        !head_key(d, i, key) || lexicon_match_at(d->m->party_anaphors, t, i, PROCLITICS_NAME, &pa))
        return false; /* الحزب, الجيش ...: party_anaphors.tsv's rules */
    /* "غرفة العمليات" after "غرفة عمليات X": the head made definite by its
     * complement calls back the body named with that head and complement. */
    const char *complement = NULL;
    if (!has_article(t, i)) {
        const char *w =
            i + 1 < t->n_tok && t->tok[i + 1].sentence == s && t->tok[i + 1].kind == TOK_WORD
                ? t->tok[i + 1].norm
                : "";
        if (form != FORM_PARTY || strncmp(w, "ال", strlen("ال")) != 0 ||
            strlen(w) < 2 * strlen("ال") /* two letters after it */ ||
            definite_nisba(d, i + 2, s) ||
            (i + 2 < t->n_tok && t->tok[i + 2].sentence == s && definite_follower(d, i + 2)))
            return false;
        complement = w + strlen("ال");
    } else if (form == FORM_ROLE && i + 1 < t->n_tok && t->tok[i + 1].sentence == s &&
               (two || definite_nisba(d, i + 1, s) || definite_follower(d, i + 1)) &&
               !definite_nisba(d, i + 2, s) &&
               !(i + 2 < t->n_tok && t->tok[i + 2].sentence == s && definite_follower(d, i + 2))) {
        /* "وأضاف المفوض العام" after "المفوض العام للأونروا فلان": a
         * function with its adjective calls back the one named with both */
        complement = t->tok[i + 1].norm;
    } else if (definite_nisba(d, i + 1, s) ||
               (i + 1 < t->n_tok && t->tok[i + 1].sentence == s && definite_follower(d, i + 1)))
        return false; /* "المركز الروسي", "المدير العام": a name of its own */
    size_t seen = 0;
    for (size_t k = d->r->n_source_mentions; k-- > 0 && seen++ < PARTY_ANAPHOR_MENTIONS;) {
        const mention_toks *mt = &d->smention_toks[k];
        if (mt->first >= i)
            continue;
        /* a body's head may stand before a known name it describes
         * ("منظمة الدفاع المدني السوري", "جماعة «نصرة الإسلام»"): the
         * mention is of the name, the head the word before it (not a
         * function's: "رئيس الائتلاف" and then "الرئيس" is the man) */
        size_t head = mt->first;
        if (form == FORM_PARTY && !head_key(d, head, other) && head > 0) {
            size_t q = head;
            while (q > 0 && q + 2 > head && t->tok[q - 1].kind == TOK_PUNCT && !is_comma(t, q - 1))
                q--;
            if (q > 0 && t->tok[q - 1].kind == TOK_WORD &&
                t->tok[q - 1].sentence == t->tok[mt->first].sentence)
                head = q - 1;
        }
        /* "الوكالة", "الصحيفة" after an agency or outlet the list knows
         * by its name alone ("صنعاء - سبأ"): that one */
        const extract_source *ms = &d->r->sources[d->r->source_mentions[k].source];
        bool same_kind = form == FORM_PARTY && !complement && is_outlet_kind(ms) &&
                         !strcmp(model_field(am->entry, 2), ms->kind) &&
                         is_known(d, d->r->source_mentions[k].source);
        /* "المكتب" after "أوتشا": a body the list knows, named by its
         * acronym or short name, whose full name begins with the head */
        if (form == FORM_PARTY && !complement && is_known(d, d->r->source_mentions[k].source) &&
            name_begins_with(ms->name, key))
            same_kind = true;
        /* "وقالت المنظمة" after "هيومن رايتس ووتش" or "اليونيسف": an
         * organisation the list knows by a name with no head noun of its
         * own is what "المنظمة" calls back */
        bool headless_body = form == FORM_PARTY && !complement && !strcmp(key, "منظمه") &&
                             (!strcmp(ms->kind, "ngo") || !strcmp(ms->kind, "un")) &&
                             !head_key(d, head, other) &&
                             is_known(d, d->r->source_mentions[k].source);
        if (same_kind || headless_body ||
            (head_key(d, head, other) && strcmp(key, other) == 0 &&
             (!complement ||
              (mt->first + 1 < mt->end && !strcmp(t->tok[mt->first + 1].norm, complement))))) {
            size_t end = complement ? i + 2 : i + 1;
            am->tok_end = end;
            am->sp.end = t->tok[end - 1].sp.end;
            *f = (found){d->r->source_mentions[k].source, EXTRACT_NO_INDEX, end, true};
            return true;
        }
    }
    if (form != FORM_ROLE || complement)
        return false;
    /* "الوزير" after a person named without his function: that person. */
    seen = 0;
    for (size_t k = d->r->n_source_mentions; k-- > 0 && seen++ < PARTY_ANAPHOR_MENTIONS;) {
        size_t src = d->r->source_mentions[k].source;
        if (d->smention_toks[k].first < i && strcmp(d->r->sources[src].kind, "person") == 0) {
            *f = (found){src, EXTRACT_NO_INDEX, i + 1, true};
            return true;
        }
    }
    return false;
}

/* Where the name told after a detached لـ at k begins: past a quotation
 * mark, for "لـ«العربي الجديد»" is told as "للعربي الجديد". */
static size_t told_name_start(const text *t, size_t k)
{
    size_t at = k + 1;
    if (at + 1 < t->n_tok && t->tok[at].kind == TOK_PUNCT &&
        t->tok[at + 1].sentence == t->tok[k].sentence) {
        uint32_t c = t->cp[t->tok[at].sp.start];
        if (c == '"' || c == 0x00AB || c == 0x201C || c == 0x201D)
            at++;
    }
    return at;
}

/* Is token k "ل" + a known outlet or agency ("لوكالة فرانس برس", "لـ الجزيرة")?
 * Fills km with the outlet's name (tok_first k). */
static bool told_outlet_at(const doc_state *d, size_t k, lexicon_match *km)
{
    const text *t = d->t;
    size_t at = k;
    if (stages_word_is(t, k, (const char *const[]){"ل", NULL}))
        at = told_name_start(t, k);
    else if (k >= t->n_tok || t->tok[k].kind != TOK_WORD || strncmp(t->tok[k].norm, "ل", 2) != 0)
        return false;
    if (!lexicon_match_at(d->m->source_list, t, at, PROCLITICS_NAME, km))
        return false;
    if (at == k && !km->stripped)
        return false;
    size_t mi = model_entry_index(d->m->source_list, km->entry);
    km->tok_first = k;
    return strcmp(d->m->sources[mi].kind, "outlet") == 0 ||
           strcmp(d->m->sources[mi].kind, "agency") == 0;
}

/* Is token k whom a speaker told ("لوكالة فرانس برس"), not part of the
 * speaker's name? Fills pf, pm. */
static bool told_to_at(doc_state *d, size_t k, found *pf, lexicon_match *pm)
{
    lexicon_match km;
    if (!told_outlet_at(d, k, &km))
        return false;
    size_t at =
        stages_word_is(d->t, k, (const char *const[]){"ل", NULL}) ? told_name_start(d->t, k) : k;
    if (!known_at(d, at, pf, pm))
        return false;
    pm->tok_first = k;
    return true;
}

/* Is the definite head at token j named by where it sits ("السلطات في شرق
 * ليبيا": في and a place of the gazetteer), with no earlier mention of the
 * same head it could refer back to? Then it names a body of its own. */
static bool seated_first_named(const doc_state *d, size_t j, uint32_t s)
{
    const text *t = d->t;
    lexicon_match gm;
    size_t at = j + 1 < t->n_tok && stages_word_is(t, j + 1, (const char *const[]){"في", NULL})
                    ? j + 2
                    : t->n_tok;
    if (at >= t->n_tok || t->tok[at].sentence != s)
        return false;
    /* a direction may come before the place: في شرق ليبيا */
    if (stages_word_is(t, at, (const char *const[]){"شرق", "غرب", "شمال", "جنوب", "وسط", NULL}))
        at++;
    if (at >= t->n_tok || t->tok[at].sentence != s ||
        !lexicon_match_at(d->m->gazetteer, t, at, PROCLITICS_NAME, &gm) || gm.stripped)
        return false;
    char key[TOKEN_NORM_MAX], other[TOKEN_NORM_MAX];
    if (!head_key(d, j, key))
        return false;
    for (size_t k = 0; k < d->r->n_source_mentions; k++)
        if (d->smention_toks[k].first < j && head_key(d, d->smention_toks[k].first, other) &&
            strcmp(key, other) == 0)
            return false;
    return true;
}

/* A speaker the lists do not know, read by its form at token j, the first
 * word after a reporting verb or a post-posed بحسب: a body ("وزارة الصحة في
 * غزة"), a function with the party it serves and perhaps the name of who
 * holds it ("مدير المرصد رامي عبد الرحمن"), or a person ("العميد فلان
 * الفلاني"). The phrase ends at a comma, a complementizer, a stop word, "في"
 * before the medium of the statement, a number, or whom it was told.
 * Records the mentions; fills f. */
/* Is the holder of the function or title at token j named after it, past
 * at most the body he serves in ("الضابط محمد حسن", "العقيد في الشرطة
 * أحمد الجبوري"): a title or a given name before the phrase ends? */
static bool holder_named_after(const doc_state *d, size_t j)
{
    const text *t = d->t;
    uint32_t s = t->tok[j].sentence;
    for (size_t k = j + 1; k < t->n_tok && k < j + 7 && t->tok[k].sentence == s; k++) {
        if (t->tok[k].kind != TOK_WORD || stages_word_in(d, k, FW_COMPLEMENTIZER))
            return false;
        if (stages_word_is(t, k, (const char *const[]){"في", "من", NULL}))
            continue;
        speaker_form form = form_at(d, k, NULL);
        if (form == FORM_TITLE || (form == FORM_GIVEN && !has_article(t, k)))
            return true;
        if (form == FORM_STOP || form == FORM_TIME || form == FORM_MEDIUM)
            return false;
    }
    return false;
}

/* Is token i an indefinite body noun standing alone (مركز، مستشفى), the
 * head of a construct whose genitive names the body? */
static bool body_noun_at(const doc_state *d, size_t i)
{
    lexicon_match bm;
    return !has_article(d->t, i) && form_at(d, i, &bm) == FORM_PARTY && bm.tok_first == i &&
           bm.tok_end == i + 1;
}

/* Is token k a reporting verb alone ("بثت", "لفت"), which no name
 * holds? */
static bool reporting_verb_at(const doc_state *d, size_t k)
{
    lexicon_match am;
    return d->t->tok[k].kind == TOK_WORD &&
           lexicon_match_at(d->m->attribution, d->t, k, PROCLITICS_ALL, &am) &&
           am.tok_end == k + 1 && strcmp(model_field(am.entry, 2), "verb") == 0;
}

/* Is token j the head of an office of a body ("المركز الإعلامي لـ X",
 * "المكتب السياسي لـ X", "دائرة الإعلام في X"), with its article or
 * proclitics? */
static bool office_head(const text *t, size_t j)
{
    static const char *const heads[] = {"مكتب", "مركز", "دايره", NULL};
    const char *w = t->tok[j].norm;
    size_t n = strlen(w);
    for (const char *const *h = heads; *h; h++) {
        size_t m = strlen(*h);
        if (n >= m && n <= m + strlen("وال") && strcmp(w + n - m, *h) == 0)
            return true;
    }
    return false;
}

/* "مكتب الأمم المتحدة للشؤون الإنسانية": an office (head at j) of a known
 * party (pm, right after the head) whose purpose follows with لـ is the
 * office the list names by its head and purpose alone ("مكتب الشؤون
 * الإنسانية"), up to `last`. The model's index of that entry, or
 * m->n_sources. */
static size_t office_listed(const doc_state *d, size_t j, const lexicon_match *pm, size_t last)
{
    static const char *const heads[] = {"مكتب", "مركز", "دايره", NULL};
    const text *t = d->t;
    size_t k = pm->tok_end;
    if (pm->tok_first != j + 1 || k >= last || t->tok[k].kind != TOK_WORD ||
        strncmp(t->tok[k].norm, "ل", strlen("ل")) != 0)
        return d->m->n_sources;
    const char *w = t->tok[j].norm, *head = NULL;
    size_t n = strlen(w);
    for (const char *const *h = heads; *h && !head; h++)
        if (n >= strlen(*h) && strcmp(w + n - strlen(*h), *h) == 0)
            head = *h;
    char name[512];
    const char *purpose = t->tok[k].norm;
    /* لل took the article's alef: "للشؤون" is "الشؤون" */
    int used = strncmp(purpose, "لل", strlen("لل")) == 0
                   ? snprintf(name, sizeof name, "%s ا%s", head, purpose + strlen("ل"))
                   : snprintf(name, sizeof name, "%s %s", head, purpose + strlen("ل"));
    for (size_t q = k + 1; q < last && used > 0 && (size_t)used < sizeof name; q++) {
        if (t->tok[q].kind != TOK_WORD)
            return d->m->n_sources;
        used += snprintf(name + used, sizeof name - (size_t)used, " %s", t->tok[q].norm);
    }
    if (!head || used <= 0 || (size_t)used >= sizeof name)
        return d->m->n_sources;
    const lexicon_entry *e = lexicon_find(d->m->source_list, name);
    return e ? model_entry_index(d->m->source_list, e) : d->m->n_sources;
}

/* The kind of an office of the known party `owner`: the party's own (the
 * media office of an armed group speaks for the group, no outlet or NGO),
 * unless the owner is a person, whose office keeps the head's kind. */
static const char *owner_kind(const doc_state *d, size_t owner, const char *kind)
{
    const char *k = d->r->sources[owner].kind;
    return strcmp(k, "person") == 0 || strcmp(k, "role") == 0 ? kind : k;
}

/* "مركز عمليات طوارئ الصحة العامة التابع لوزارة الصحة": a body's name
 * ended by التابع/التابعة and its owner (a known party, or one named by
 * the head of its form: وزارة، جيش) is that owner's office and speaks for
 * it, whatever its own head says (مركز، لجنة would make it an NGO): it
 * takes the owner's kind, and a known owner's side. A head of a kind of
 * its own (الشرطة التابعة للحكومة: military) keeps its kind. Token k is where the
 * body's name ends; *kind and *owner are updated when an owner follows. */
static void affiliated_owner(doc_state *d, size_t k, const char **kind, size_t *owner)
{
    const text *t = d->t;
    /* a head of its own kind of party (الشرطة، القوات: military) keeps it */
    if (strcmp(*kind, "ngo") != 0 || k + 1 >= t->n_tok ||
        t->tok[k + 1].sentence != t->tok[k].sentence || !stages_word_in(d, k, FW_AFFILIATED))
        return;
    size_t q = k + 1;
    if (stages_word_is(t, q, (const char *const[]){"ل", "لـ", NULL}))
        q++;
    if (q >= t->n_tok || t->tok[q].sentence != t->tok[k].sentence)
        return;
    found f;
    lexicon_match lm;
    if (known_at(d, q, &f, &lm) && strcmp(d->r->sources[f.source].kind, "person") != 0) {
        *kind = owner_kind(d, f.source, *kind);
        *owner = f.source;
        return;
    }
    if (form_at(d, q, &lm) == FORM_PARTY && strcmp(model_field(lm.entry, 2), "-") != 0)
        *kind = model_field(lm.entry, 2);
}

/* Is token k ل and an outlet's noun ("لمراسل", "لموقع", "للوكالة"): whom a
 * statement was told? */
static bool told_press_at(const doc_state *d, size_t k)
{
    const text *t = d->t;
    const char *w = t->tok[k].norm;
    if (t->tok[k].kind != TOK_WORD || strncmp(w, "ل", strlen("ل")) != 0)
        return false;
    /* "لمراسلنا", "لمراسلتنا": the publisher's own correspondent */
    const lexicon_entry *own = lexicon_find(d->m->speakers, w + strlen("ل"));
    if (own && !strcmp(model_field(own, 2), "correspondent") &&
        strcmp(w + strlen(w) - strlen("نا"), "نا") == 0)
        return true;
    if (!word_among(w + strlen("ل"), d->m->word_sets[FW_OUTLET_NOUN]) &&
        !(strncmp(w, "لل", strlen("لل")) == 0 &&
          word_among(w + strlen("لل"), d->m->word_sets[FW_OUTLET_NOUN])))
        return false;
    /* "المفوض العام لوكالة الأونروا": the agency of a body that is no
     * outlet is the function's genitive */
    lexicon_match km;
    size_t q = k + 1;
    while (q < t->n_tok && q < k + 3 && t->tok[q].kind == TOK_PUNCT && !is_comma(t, q))
        q++;
    if (q < t->n_tok && t->tok[q].sentence == t->tok[k].sentence &&
        lexicon_match_at(d->m->source_list, t, q, PROCLITICS_NAME, &km)) {
        const char *kind = model_field(km.entry, 2);
        return !strcmp(kind, "outlet") || !strcmp(kind, "agency");
    }
    return true;
}

/* "وزارة الدفاع الوطني": a ministry's genitive names its portfolio, even
 * where an armed group carries the same words (قوات الدفاع الوطني) */
static bool ministry_of_group(const doc_state *d, size_t j, const found *pf)
{
    const char *w = d->t->tok[j].norm;
    size_t n = strlen(w), m = strlen("وزاره");
    return n >= m && n <= m + strlen("ولل") && !strcmp(w + n - m, "وزاره") &&
           !strcmp(d->r->sources[pf->source].kind, "armed_group");
}

/* "الباحثة في المنظمة", "الخبير في منظمة العفو الدولية": a function held
 * in a party the list knows or a body named by its definite head (the
 * definite function at j, في right after it, refers back to no one) is a
 * speaker of its own. */
static bool role_in_party(doc_state *d, size_t j, uint32_t s)
{
    const text *t = d->t;
    found pf;
    lexicon_match pm;
    if (j + 2 >= t->n_tok || t->tok[j + 2].sentence != s ||
        !stages_word_is(t, j + 1, (const char *const[]){"في", NULL}))
        return false;
    return party_at(d, j + 2, &pf, &pm) ||
           (has_article(t, j + 2) && form_at(d, j + 2, &pm) == FORM_PARTY && pm.tok_end == j + 3);
}

/* Does a spokesman's function run through token k ("الناطق باسم",
 * "المتحدث الرسمي باسم", speakers.tsv), k being its باسم? */
static bool spokesman_before(const doc_state *d, size_t k)
{
    lexicon_match sm;
    for (size_t r = k; r-- > 0 && r + 3 > k;)
        if (lexicon_match_at(d->m->speakers, d->t, r, PROCLITICS_ALL, &sm) && sm.tok_end > k &&
            !strcmp(model_field(sm.entry, 2), "spokesperson"))
            return true;
    return false;
}

static bool form_subject_at(doc_state *d, pass *p, size_t j, found *f)
{
    const text *t = d->t;
    lexicon_match fm;
    speaker_form head = form_at(d, j, &fm);
    if (head != FORM_PARTY && head != FORM_ROLE && head != FORM_TITLE && head != FORM_GIVEN)
        return false;
    if (head == FORM_GIVEN && has_article(t, j))
        return false;
    uint32_t s = t->tok[j].sentence;
    size_t k = fm.tok_end, last = fm.tok_end, words = fm.tok_end - j;
    /* "أعلن اللواء أسر 6 عناصر": a title (or the brigade it also names)
     * before an event noun is the subject of a report, not a person whose
     * name is that noun. */
    lexicon_match em;
    if (head == FORM_TITLE && k < t->n_tok && t->tok[k].sentence == s &&
        lexicon_match_at(d->m->triggers, t, k, PROCLITICS_NONE, &em))
        return false;
    size_t name_first = head == FORM_TITLE || head == FORM_GIVEN ? j : EXTRACT_NO_INDEX;
    /* the stops of an abbreviated title ("أ. د.") are no words of the name */
    size_t title_stops = 0;
    for (size_t q = j; head == FORM_TITLE && q < fm.tok_end; q++)
        title_stops += t->tok[q].kind == TOK_PUNCT;
    size_t party = EXTRACT_NO_INDEX, person = EXTRACT_NO_INDEX;
    lexicon_match party_match = {0}, person_match = {0};
    bool prev_definite = has_article(t, fm.tok_end - 1);
    if (head == FORM_PARTY) {
        /* "منظمة الدفاع المدني السوري", "موقع «عنب بلدي»": the head describes
         * a party the list knows; the party speaks, named with its head. */
        size_t q = fm.tok_end;
        while (q < t->n_tok && t->tok[q].sentence == s && t->tok[q].kind == TOK_PUNCT &&
               !is_comma(t, q) && !is_punct(t, q, ':'))
            q++;
        found pf;
        lexicon_match pm;
        if (q < t->n_tok && t->tok[q].sentence == s && t->tok[q].kind == TOK_WORD &&
            known_at(d, q, &pf, &pm) && !pm.stripped && phrase_ends_at(d, pm.tok_end, s) &&
            strcmp(d->r->sources[pf.source].kind, "person") != 0 && !ministry_of_group(d, j, &pf)) {
            if (!add_mention(d, pf.source, pm.sp, q, pm.tok_end, ROLE_MENTIONED))
                return false;
            *f = (found){pf.source, d->r->n_source_mentions - 1, pm.tok_end, false};
            return true;
        }
    }
    if (has_article(t, j) && fm.tok_end == j + 1 && (head == FORM_PARTY || head == FORM_ROLE) &&
        !(head == FORM_PARTY && numbered_unit(d, &fm, s)) && !definite_nisba(d, j + 1, s) &&
        !definite_follower(d, j + 1) && !(head == FORM_ROLE && holder_named_after(d, j)) &&
        !seated_first_named(d, j, s) && !(head == FORM_ROLE && role_in_party(d, j, s)))
        return false; /* "الوزارة" alone refers back (form_anaphor_at) */
    bool quoted = false;
    /* speaker_phrase_words bounds the function or body; a name after it has
     * its own bound (person_name_words, windows.tsv). */
    while (k < t->n_tok && t->tok[k].sentence == s &&
           (words < d->m->windows[WIN_SPEAKER_PHRASE_WORDS] ||
            (name_first != EXTRACT_NO_INDEX && name_first > j))) {
        const token *tk = &t->tok[k];
        if (tk->kind == TOK_PUNCT) {
            uint32_t c = t->cp[tk->sp.start];
            bool opening = c == 0x00AB || c == 0x201C || c == '(' || (c == '"' && !quoted);
            bool closing = c == 0x00BB || c == 0x201D || c == ')' || (c == '"' && quoted);
            if (closing && quoted) {
                /* a quoted name ends the phrase ("شبكة "X" مقتل ..."), but
                 * for its adjectives ("صحيفة "X" اليومية الروسية") */
                last = k + 1;
                while (last < t->n_tok && definite_nisba(d, last, s))
                    last++;
                break;
            }
            if (!opening)
                break;
            quoted = true;
            k++;
            continue;
        }
        if (tk->kind == TOK_NUMBER) {
            /* a number inside a quoted name ("شبكة "درعا 24"") */
            /* or a short number closing a name before what is said ("شبكة
             * حوران 24 إن", "موقع X 48، أن") */
            /* and a unit's number after its definite head ("قالت الفرقة 22
             * إنها", "أعلن الفوج 46 أسر"), not a count ("الفرقة 5 دبابات") */
            bool unit = k == j + 1 && head == FORM_PARTY && numbered_unit(d, &fm, s);
            bool closes = (k > j + 1 || unit) && t->tok[k - 1].kind == TOK_WORD && !quoted &&
                          t->tok[k].sp.end - t->tok[k].sp.start <= 3 &&
                          (unit || k + 1 >= t->n_tok || t->tok[k + 1].sentence != s ||
                           is_comma(t, k + 1) || stages_word_in(d, k + 1, FW_COMPLEMENTIZER));
            if (!closes && !(k + 1 < t->n_tok && t->tok[k + 1].kind == TOK_PUNCT && k > j &&
                             t->tok[k - 1].kind == TOK_WORD && is_punct(t, k + 1, '"')))
                break;
            last = ++k;
            words++;
            continue;
        }
        if (stages_word_in(d, k, FW_COMPLEMENTIZER))
            break;
        lexicon_match xm;
        speaker_form form = form_at(d, k, &xm);
        /* A family name may be a weekday's (سامر الجمعة): right after a
         * given name, a one-word day is the name's. */
        bool surname_day = form == FORM_TIME && head == FORM_GIVEN && k == j + 1 &&
                           xm.tok_end == k + 1 && has_article(t, k);
        if ((form == FORM_STOP || form == FORM_TIME) && !surname_day)
            break;
        if (k > j && (announced_event_at(d, k) || reported_event_at(d, k)))
            break;
        found pf;
        lexicon_match pm;
        if (told_to_at(d, k, &pf, &pm)) {
            add_mention(d, pf.source, pm.sp, k, pm.tok_end, ROLE_MENTIONED);
            score_told(d, p, pf.source);
            break;
        }
        /* A person's name takes no preposition: "العقيد فلان الفلاني
         * للأهالي", "... لوكالة الأنباء المحلية" is whom he told; and no
         * speaker's name runs into the press he told ("وزير الدفاع
         * للصحفيين"), where a body's may hold a genitive with لـ. */
        if ((name_first != EXTRACT_NO_INDEX && k > name_first &&
             (strncmp(tk->norm, "لل", strlen("لل")) == 0 ||
              (strncmp(tk->norm, "ل", strlen("ل")) == 0 &&
               word_among(tk->norm + strlen("ل"), d->m->word_sets[FW_OUTLET_NOUN])))) ||
            (k > j && stages_word_in(d, k, FW_AUDIENCE)))
            break;
        /* "مستشفى الشفاء لـ«X»": لـ standing alone before a quoted name
         * opens whom the statement was told, not a genitive of the body
         * (but "التابع لـ«X»" is the body's affiliation) */
        if (k > j && stages_word_is(t, k, (const char *const[]){"ل", "لـ", NULL}) &&
            !stages_word_in(d, k - 1, FW_AFFILIATED) && k + 1 < t->n_tok &&
            t->tok[k + 1].kind == TOK_PUNCT &&
            (t->cp[t->tok[k + 1].sp.start] == 0x00AB || t->cp[t->tok[k + 1].sp.start] == '"' ||
             t->cp[t->tok[k + 1].sp.start] == 0x201C))
            break;
        /* "ومصدر طبي", "ووزارة الداخلية": another speaker, coordinated. */
        lexicon_match gm2;
        if (strncmp(tk->norm, "و", 2) == 0 &&
            (((form == FORM_PARTY || form == FORM_ROLE) && xm.stripped) ||
             (lexicon_match_at(d->m->speakers, t, k, PROCLITICS_ALL, &gm2) && gm2.stripped)))
            break; /* و + a head, not وزارة */
        if (stages_word_is(t, k, (const char *const[]){"في", "ب", NULL}) && head == FORM_TITLE &&
            name_first == j && k == fm.tok_end && holder_named_after(d, j)) {
            /* "العقيد في الشرطة أحمد الجبوري": the title is his function,
             * the body follows, then his name */
            head = FORM_ROLE;
            name_first = EXTRACT_NO_INDEX;
        }
        if (stages_word_is(t, k, (const char *const[]){"في", "ب", NULL})) {
            if (name_first != EXTRACT_NO_INDEX || head == FORM_TITLE || head == FORM_GIVEN ||
                form_at(d, k + 1, NULL) == FORM_MEDIUM || form_at(d, k + 1, NULL) == FORM_TIME ||
                form_at(d, k + 1, NULL) == FORM_STOP)
                break;
            k++;
            words++;
            prev_definite = false; /* the object of في begins a chain of its own */
            continue;
        }
        /* "قال الجيش بيانا": not a name; but a definite one in the
         * genitive of a construct names the function ("مدير الاتصال") */
        if (form == FORM_MEDIUM && name_first == EXTRACT_NO_INDEX &&
            !(k > j && has_article(t, k) && !prev_definite))
            break;
        if (head == FORM_PARTY && (k > j + 1 || has_article(t, j)) &&
            stages_word_in(d, k, FW_AFFILIATED))
            break; /* "مستشفى X التابع لـ Y": the body's name ends, its affiliation follows */
        /* after a complete (definite) name; a title or name in the genitive
         * names the body ("مركز الملك سلمان", "مستشفى الشيخ زايد") */
        /* ("مكتب الناطق باسم الجيش": باسم, a given name too, ties the
         * spokesman to whom he speaks for) */
        if (head == FORM_PARTY && (k > j + 1 || has_article(t, j)) && !quoted && prev_definite &&
            form_at(d, k - 1, NULL) != FORM_TITLE &&
            (form == FORM_TITLE || (form == FORM_GIVEN && !has_article(t, k))) &&
            !(form == FORM_GIVEN && spokesman_before(d, k)))
            break; /* "المتحدث باسم قوات X العميد فلان": a person follows the body */
        /* "زار وزير الصحة المستشفى"، "مستشفى الشفاء": after a complete
         * name, what is no adjective begins the object (a place, a party) */
        if (p->object_follows && prev_definite && k > j + 1 && name_first == EXTRACT_NO_INDEX &&
            !quoted && !definite_nisba(d, k, s))
            break;
        /* "مدير إدارة الشرق الأوسط": a name that is also an ordinary
         * phrase (ambiguous) is a party here only quoted or after its
         * outlet noun */
        bool plain = false;
        if (party_at(d, k, &pf, &pm) && !pf.anaphor && !quoted &&
            strstr(model_field(pm.entry, 6), "ambiguous") &&
            !(k > 0 && (stages_word_in(d, k - 1, FW_OUTLET_NOUN) || office_head(t, k - 1))))
            plain = true;
        if (!plain && head == FORM_PARTY && k == fm.tok_end && party_at(d, k, &pf, &pm) &&
            !pf.anaphor && ministry_of_group(d, j, &pf))
            plain = true;
        if (!plain && party_at(d, k, &pf, &pm)) {
            if (head == FORM_PARTY && strcmp(d->r->sources[pf.source].kind, "person") == 0)
                break;
            /* "خدمة الإسعاف الإسرائيلية نجمة داود الحمراء": a known party
             * closing a body's complete description, with no preposition,
             * is that body's own name */
            bool apposed = head == FORM_PARTY && !pf.anaphor && !pm.stripped && prev_definite &&
                           k > j + 1 && phrase_ends_at(d, pf.end, s) &&
                           strcmp(d->r->sources[pf.source].kind, "person") != 0;
            if ((quoted || apposed) && head == FORM_PARTY && !pf.anaphor) {
                /* "وكالة أنباء النظام «سانا»", "مكتب ... (أوتشا)": the known
                 * name given in quotes or brackets is the body's own. */
                if (party != EXTRACT_NO_INDEX)
                    add_mention(d, party, party_match.sp, party_match.tok_first,
                                party_match.tok_end, ROLE_MENTIONED);
                /* the body's description before its name, its head first,
                 * is a mention of it too: a definite head later ("المكتب")
                 * calls back this body, not the party in its genitive
                 * ("مكتب الأمم المتحدة ... (أوتشا)") */
                size_t d0 = j, d1 = k;
                trim_punct(t, &d0, &d1);
                if (d1 > d0 + 1) { /* a head alone is found before the name already */
                    span described = {fm.stripped
                                          ? (has_article(t, j) ? article_start(t, j) : fm.sp.start)
                                          : t->tok[d0].sp.start,
                                      t->tok[d1 - 1].sp.end};
                    add_mention(d, pf.source, described, d0, d1, ROLE_MENTIONED);
                }
                if (!add_mention(d, pf.source, pm.sp, k, pm.tok_end, ROLE_MENTIONED))
                    return false;
                *f = (found){pf.source, d->r->n_source_mentions - 1, pm.tok_end, false};
                return true;
            }
            if (strcmp(d->r->sources[pf.source].kind, "person") == 0 &&
                person == EXTRACT_NO_INDEX) {
                person = pf.source;
                person_match = pm;
            } else if (party == EXTRACT_NO_INDEX) {
                party = pf.source;
                party_match = pm;
            }
            last = k = pf.end;
            words += pf.end - pm.tok_first;
            prev_definite = true;
            continue;
        }
        lexicon_match gm;
        if (lexicon_match_at(d->m->gazetteer, t, k, PROCLITICS_NAME, &gm) && gm.tok_end > k &&
            name_first == EXTRACT_NO_INDEX) {
            /* a place ends a construct chain as a definite noun does ("دائرة
             * صحة كركوك") */
            words += gm.tok_end - k;
            last = k = gm.tok_end;
            prev_definite = true;
            continue;
        }
        if (k > j && strncmp(tk->norm, "بال", 6) == 0 && form != FORM_PARTY && form != FORM_ROLE &&
            name_first == EXTRACT_NO_INDEX)
            break; /* "بالهجمات": a prepositional phrase, not part of the name */
        bool definite = has_article(t, k);
        /* After an adjective a body's or a function's name is complete: a
         * counted noun there is what it counts ("وأحصت منظمة محلية
         * المصابين بـ"، "لجنة التنسيق المحلية القتلى"), not its genitive */
        lexicon_match nm;
        if (k > j + 1 && name_first == EXTRACT_NO_INDEX && !quoted &&
            strncmp(tk->norm, "ال", strlen("ال")) == 0 && nisba_written(d, k - 1, s) &&
            !definite_nisba(d, k, s) && lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &nm))
            break;
        /* "ودعت الوزارة المواطنين إلى", "أبلغ الجيش الأهالي": a definite
         * head takes no genitive, so a counted noun or a speaker's word
         * with the article right after it is the verb's object, not part
         * of the name */
        if (k == j + 1 && head == FORM_PARTY && has_article(t, j) && definite &&
            name_first == EXTRACT_NO_INDEX && !quoted && !definite_nisba(d, k, s) &&
            (lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &nm) ||
             form_at(d, k, NULL) != FORM_NONE))
            break;
        /* "أبلغت قوات الأمن الأهالي": after a complete name, a definite
         * noun of people (no adjective) is whom the verb reaches */
        if (k > j + 1 && head == FORM_PARTY && prev_definite &&
            strncmp(tk->norm, "ال", strlen("ال")) == 0 && name_first == EXTRACT_NO_INDEX &&
            !quoted && !definite_nisba(d, k, s) &&
            lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &nm) &&
            (!strcmp(model_field(nm.entry, 2), "civilians") ||
             !strcmp(model_field(nm.entry, 2), "people")))
            break;
        bool name_link = stages_word_in(d, k, FW_NAME_LINK);
        /* "حذر وزير الصحة اللبناني من كارثة": after a complete name a
         * preposition begins what is said of it, not the holder's name */
        if (prev_definite && !quoted && k > j + 1 && name_first == EXTRACT_NO_INDEX &&
            stages_word_is(t, k, (const char *const[]){"من", "ضد", "بين", "دون", "نحو", NULL}))
            break;
        /* A construct chain ends with its first definite noun; after it only
         * definite adjectives and genitives follow. An indefinite word there
         * begins the object ("أعلنت دائرة صحة كركوك وصول ..."), or, after a
         * function, the name of who holds it. */
        if (prev_definite && !definite && !name_link && !quoted && form != FORM_TITLE &&
            form != FORM_GIVEN && form_at(d, k - 1, NULL) != FORM_TITLE && /* "الملك سلمان" */
            !(head == FORM_TITLE && k == fm.tok_end) && /* "العميد الركن فلان" */
            (head == FORM_PARTY || name_first != EXTRACT_NO_INDEX) &&
            ((strncmp(tk->norm, "ل", 2) != 0 && strncmp(tk->norm, "ب", 2) != 0) ||
             reporting_verb_at(d, k)) &&
            k > j + 1)
            break;
        /* "قيادة شرطة حلب لمراسل سانا", "مستشفى النبطية للوكالة الوطنية":
         * after a complete name, ل and an outlet's noun open whom it was
         * told, not a genitive of the name */
        if (k > j + 1 && prev_definite && !quoted && told_press_at(d, k))
            break;
        /* "أعلن المتحدث العسكري للحوثيين استهداف سفينة": an indefinite
         * event noun after a function is what was announced, not the name
         * of who holds the function; nor is a word right before a count
         * after a function or a name ("أعلن مدير الدفاع المدني انتشال 12
         * جثة"), nor an event noun right before one after any head
         * ("المتحدث باسم الجيش العقيد فلان الفلاني مقتل 6 جنود"). */
        if (k > j && !definite && form != FORM_TITLE && form != FORM_GIVEN) {
            bool event = lexicon_match_at(d->m->triggers, t, k, PROCLITICS_NONE, &em);
            bool counts = number_starts_at(d, k + 1);
            if ((event && name_first == EXTRACT_NO_INDEX && head == FORM_ROLE) ||
                (counts && (event || head == FORM_ROLE || name_first != EXTRACT_NO_INDEX)))
                break;
        }
        /* "مدير مركز الملك سلمان": a title in the genitive of a body noun,
         * and the name after it, name the body, not who holds the function */
        bool names_body =
            body_noun_at(d, k - 1) ||
            (k >= j + 2 && form_at(d, k - 1, NULL) == FORM_TITLE && body_noun_at(d, k - 2));
        bool holder_starts =
            name_first == EXTRACT_NO_INDEX && head == FORM_ROLE && !names_body &&
            (k > fm.tok_end || has_article(t, j)) &&
            ((form == FORM_TITLE && !unit_not_title(d, k)) || (form == FORM_GIVEN && !definite) ||
             (prev_definite && !definite && t->tok[k].norm[0] != '\0' && !p->object_follows &&
              strncmp(tk->norm, "ل", 2) != 0 && strncmp(tk->norm, "ب", 2) != 0));
        /* "الناطق باسم القائد العام للقوات المسلحة اللواء فلان": read for
         * the function only, the name after it is the spokesman's */
        if (holder_starts && p->function_only)
            break;
        /* "ضابط في الجيش يدعى فلان": the name follows the verb of naming,
         * whatever its first word also means ("تدعى سارة أحمد": سارة is
         * a town of Chad too) */
        if (holder_starts && stages_word_is(t, k, (const char *const[]){"يدعي", "تدعي", NULL}) &&
            k + 1 < t->n_tok && t->tok[k + 1].sentence == s && t->tok[k + 1].kind == TOK_WORD) {
            name_first = ++k;
            prev_definite = false;
            last = ++k;
            words++;
            continue;
        }
        if (holder_starts)
            name_first = k;
        else if (name_first != EXTRACT_NO_INDEX && k > name_first && form == FORM_ROLE)
            break; /* "أبو فلان المتحدث باسم ...": the appositive is read next */
        if (name_first != EXTRACT_NO_INDEX &&
            k - name_first - (name_first == j ? title_stops : 0) >=
                d->m->windows[WIN_PERSON_NAME_WORDS])
            break;
        prev_definite = definite && !name_link;
        last = ++k;
        words++;
    }
    if (last <= j + (head == FORM_TITLE || head == FORM_GIVEN ? 1 : 0) &&
        person == EXTRACT_NO_INDEX)
        return false; /* a head alone ("قوات") or a given name alone is no speaker */
    if (party != EXTRACT_NO_INDEX)
        add_mention(d, party, party_match.sp, party_match.tok_first, party_match.tok_end,
                    ROLE_MENTIONED);
    span whole = {t->tok[j].sp.start, t->tok[last - 1].sp.end};
    if (fm.stripped)
        whole.start = has_article(t, j) ? article_start(t, j) : fm.sp.start;
    if (person != EXTRACT_NO_INDEX) {
        f->source = person;
        if (!add_mention(d, person, person_match.sp, person_match.tok_first, person_match.tok_end,
                         ROLE_MENTIONED))
            return false;
        f->mention = d->r->n_source_mentions - 1;
    } else if (name_first != EXTRACT_NO_INDEX) {
        if (last <= name_first + (name_first == j ? 1 : 0))
            return false;
        span name = {name_first == j ? whole.start : t->tok[name_first].sp.start,
                     t->tok[last - 1].sp.end};
        f->source = discovered_source(d, name, "person", party);
        if (name_first > j) /* the function names the same person ("وزير الصحة") */
            add_mention(d, f->source, (span){whole.start, t->tok[name_first - 1].sp.end}, j,
                        name_first, ROLE_MENTIONED);
        if (!add_mention(d, f->source, name, name_first, last, ROLE_MENTIONED))
            return false;
        f->mention = d->r->n_source_mentions - 1;
    } else {
        const char *kind = model_field(fm.entry, 2);
        const char *w = t->tok[j].norm;
        if (fm.stripped && (!strncmp(w, "لل", strlen("لل")) || !strncmp(w, "ولل", strlen("ولل")))) {
            /* "بيان للقوات المسلحة": ل took the article's alef; the body is
             * "القوات المسلحة" */
            span rest = {text_skip_letters(t, j, strncmp(w, "و", strlen("و")) ? 2 : 3), whole.end};
            char *tail = text_slice(t, rest);
            size_t n = tail ? strlen(tail) + sizeof "ال" : 0;
            char *name = tail ? malloc(n) : NULL;
            if (name)
                snprintf(name, n, "ال%s", tail);
            free(tail);
            f->source = name ? discovered_named(d, name, head == FORM_ROLE ? "role" : kind, party)
                             : EXTRACT_NO_INDEX;
        } else {
            size_t a = last + 1, e = a;
            /* "قائد الشرطة، العميد فلان الفلاني، ...": the holder of the
             * function named between commas after it */
            if (head == FORM_ROLE && !p->function_only && is_comma(t, last) && a < t->n_tok &&
                t->tok[a].sentence == s &&
                (form_at(d, a, NULL) == FORM_TITLE ||
                 (form_at(d, a, NULL) == FORM_GIVEN && !has_article(t, a)))) {
                while (e < t->n_tok && e < a + 4 && t->tok[e].sentence == s &&
                       t->tok[e].kind == TOK_WORD && !stages_word_in(d, e, FW_COMPLEMENTIZER))
                    e++;
                if (e < a + 2 || !is_comma(t, e))
                    e = a;
            }
            if (e > a) {
                span name = {t->tok[a].sp.start, t->tok[e - 1].sp.end};
                f->source = discovered_source(d, name, "person", party);
                if (!add_mention(d, f->source, whole, j, last, ROLE_MENTIONED) ||
                    !add_mention(d, f->source, name, a, e, ROLE_MENTIONED))
                    return false;
                f->mention = d->r->n_source_mentions - 1;
                f->end = e;
                f->anaphor = false;
                return f->source != EXTRACT_NO_INDEX;
            }
            size_t listed = d->m->n_sources;
            if (head == FORM_PARTY && party == EXTRACT_NO_INDEX)
                affiliated_owner(d, last, &kind, &party);
            if (head == FORM_PARTY && party != EXTRACT_NO_INDEX && office_head(t, j)) {
                kind = owner_kind(d, party, kind);
                listed = office_listed(d, j, &party_match, last);
            }
            f->source = listed < d->m->n_sources
                            ? known_source(d, listed)
                            : discovered_source(d, whole, head == FORM_ROLE ? "role" : kind, party);
        }
        if (!add_mention(d, f->source, whole, j, last, ROLE_MENTIONED))
            return false;
        f->mention = d->r->n_source_mentions - 1;
    }
    f->end = last;
    f->anaphor = false;
    return f->source != EXTRACT_NO_INDEX;
}

/* "الدفاع المدني في صنعاء": a civil defence the list knows by a name every
 * country's uses, seated (في، ب) in a country of another war than its own,
 * is that country's: a party of its own, named by the words (the list's
 * match km at i). Records the mention; fills f. */
static bool seated_elsewhere(doc_state *d, size_t i, const lexicon_match *km, found *f)
{
    const text *t = d->t;
    const extract_model *m = d->m;
    size_t mi = model_entry_index(m->source_list, km->entry);
    if (strcmp(m->sources[mi].kind, "civil_defence") != 0 || !m->sources[mi].bloc)
        return false;
    size_t at = km->tok_end;
    uint32_t s = t->tok[i].sentence;
    if (at < t->n_tok && t->tok[at].sentence == s &&
        stages_word_is(t, at, (const char *const[]){"في", NULL}))
        at++;
    lexicon_match gm;
    if (at >= t->n_tok || t->tok[at].sentence != s ||
        !lexicon_match_at(m->gazetteer, t, at, PROCLITICS_NAME, &gm) ||
        (at == km->tok_end && !(gm.stripped && !strncmp(t->tok[at].norm, "ب", strlen("ب")))))
        return false;
    size_t place = model_entry_index(m->gazetteer, gm.entry);
    size_t country = m->country_of[place];
    const char *conflict =
        country != EXTRACT_NO_INDEX ? model_conflict_in(m, m->places[country].id) : NULL;
    if (!conflict || model_bloc_fights_in(m, m->sources[mi].bloc, conflict))
        return false;
    span sp = {km->sp.start, gm.sp.end};
    f->source = discovered_source(d, sp, "civil_defence", EXTRACT_NO_INDEX);
    if (!add_mention(d, f->source, sp, i, gm.tok_end, ROLE_MENTIONED))
        return false;
    f->mention = d->r->n_source_mentions - 1;
    f->end = gm.tok_end;
    f->anaphor = false;
    return true;
}

/* Duals and plurals of the nouns of a region (normalised, with their
 * proclitics), which head a list of places: "ولايتي الجزيرة وسنار". */
static const char *const region_nouns_many[] = {
    "ولايتي",  "بولايتي",  "وولايتي",  "لولايتي",  "ولايات",  "بولايات",  "وولايات",
    "محافظتي", "بمحافظتي", "ومحافظتي", "لمحافظتي", "محافظات", "بمحافظات", "ومحافظات",
    "منطقتي",  "بمنطقتي",  "ومنطقتي",  "اقليمي",   "باقليمي", "واقليمي",  NULL};

/* Does a phrase of attribution.tsv ("وفق", "بحسب", "جاء في") end right
 * before token i, in its sentence? */
static bool attribution_ends_at(const doc_state *d, size_t i)
{
    const text *t = d->t;
    lexicon_match am;
    for (size_t back = 1; back <= 4 && back <= i; back++) {
        size_t k = i - back;
        if (t->tok[k].sentence != t->tok[i].sentence)
            return false;
        if (lexicon_match_at(d->m->attribution, t, k, PROCLITICS_ALL, &am) && am.tok_end == i)
            return true;
    }
    return false;
}

/* Any mention starting at token i; records it. A subject of speech may be
 * an ambiguous name or a person; elsewhere neither is read. A name flagged
 * `owner` is read only as the owner of a counted noun. */
static bool mention_at(doc_state *d, pass *p, size_t i, bool as_subject, found *f)
{
    lexicon_match km, gm;
    bool known = lexicon_match_at(d->m->source_list, d->t, i, PROCLITICS_NAME, &km);
    /* An ambiguous name is read where a source stands, after an outlet
     * noun, or as a name that says it is one: begun by its outlet noun or
     * closed by its country's adjective ("صحيفة الشرق الأوسط", "الوطن
     * السورية"), which the ordinary words are not. */
    if (known && !as_subject && strstr(model_field(km.entry, 6), "ambiguous") &&
        !(i > 0 && stages_word_in(d, i - 1, FW_OUTLET_NOUN)) &&
        !(km.tok_end > i + 1 && (stages_word_in(d, i, FW_OUTLET_NOUN) ||
                                 definite_nisba(d, km.tok_end - 1, d->t->tok[i].sentence))))
        known = false;
    if (known && strstr(model_field(km.entry, 6), "owner") && !after_counted_noun(d, i))
        known = false;
    /* "بولاية الجزيرة", "في ولايتي الجزيرة وسنار": an outlet named after a
     * place, after a noun of a region (or its dual or plural, which head a
     * list of places), is the place. */
    const char *kind = known ? model_field(km.entry, 2) : "";
    if ((!strcmp(kind, "outlet") || !strcmp(kind, "agency")) && i > 0 &&
        d->t->tok[i - 1].sentence == d->t->tok[i].sentence &&
        (stages_word_in(d, i - 1, FW_REGION_NOUN) ||
         stages_word_is(d->t, i - 1, region_nouns_many)))
        known = false;
    /* "مدينة الميادين", "أحياء الميادين", "شرق الجزيرة": an outlet named
     * after a town or region, where a word that introduces a place stands
     * before it, is the place, whether the gazetteer knows it by that bare
     * name or not: no outlet is said to have a east or a countryside. */
    if ((!strcmp(kind, "outlet") || !strcmp(kind, "agency")) && known && places_after_context(d, i))
        known = false;
    bool generic = speaker_word_at(d, i, &gm);
    /* "تحقق في مصدر الانفجار": the origin of a thing, no unnamed source;
     * "مصادر المعارضة" belongs to a party and stays one. */
    lexicon_match om;
    size_t after = generic ? gm.tok_end : 0;
    if (generic && !as_subject && !strcmp(model_field(gm.entry, 2), "source") &&
        after < d->t->n_tok && d->t->tok[after].sentence == d->t->tok[i].sentence &&
        has_article(d->t, after) && !definite_nisba(d, after, d->t->tok[i].sentence) &&
        !lexicon_match_at(d->m->source_list, d->t, after, PROCLITICS_NAME, &om))
        generic = false;
    /* "مسؤول إعلام قسد فلان": a function speaker_forms.tsv names in more
     * words than the unnamed speaker's, read by its form with its holder */
    lexicon_match fm;
    if (generic && as_subject && form_at(d, i, &fm) == FORM_ROLE && fm.tok_end > gm.tok_end)
        generic = false;
    /* "الحوثيون مسؤولون عن 20 ضحية": responsible for, no official. */
    if (generic && !as_subject && !strcmp(model_field(gm.entry, 2), "official") &&
        gm.tok_end < d->t->n_tok && d->t->tok[gm.tok_end].sentence == d->t->tok[i].sentence &&
        stages_word_in(d, gm.tok_end, FW_RESPONSIBLE_FOR))
        generic = false;
    /* "ونزح سكان من القرى": residents are a source only where a source
     * stands; elsewhere they are the people a sentence is about */
    if (generic && !as_subject && !strcmp(model_field(gm.entry, 2), "residents"))
        generic = false;
    /* "حتى ساعة إعداد التقرير": a statement's word (البيان، التقرير) in
     * the genitive of another noun is the text's own report; it refers
     * back to an author only where a source stands, as a subject or after
     * an attribution ("وفق التقرير", "بحسب البيان") */
    if (generic && !as_subject && !strcmp(model_field(gm.entry, 2), "statement") &&
        !attribution_ends_at(d, i))
        generic = false;
    if (generic && (!known || gm.tok_end > km.tok_end))
        return generic_at(d, p, i, f);
    if (known && seated_elsewhere(d, i, &km, f))
        return true;
    /* "المنظمة الدولية", a name of the UN, after "المنظمة الدولية
     * للهجرة": the organisation named before (party_anaphors.tsv) */
    lexicon_match am;
    if (known && party_anaphor_at(d, i, f, &am) && am.tok_end >= km.tok_end)
        return refer_back(d, f->source, &am, f);
    if (known && owned_by_another(d, &km)) {
        /* "الإعلام الحربي التابع للحشد الشعبي": the owner's, named by the
         * words up to the owner's name */
        size_t q = owner_at(d, &km);
        found of;
        lexicon_match wm;
        if (!known_at(d, q, &of, &wm) ||
            !add_mention(d, of.source, wm.sp, q, wm.tok_end, ROLE_MENTIONED))
            return false;
        span whole = {km.sp.start, wm.sp.end};
        f->source = discovered_source(d, whole, model_field(km.entry, 2), of.source);
        if (f->source == EXTRACT_NO_INDEX ||
            !add_mention(d, f->source, whole, i, wm.tok_end, ROLE_MENTIONED))
            return false;
        f->mention = d->r->n_source_mentions - 1;
        f->end = wm.tok_end;
        f->anaphor = false;
        return true;
    }
    if (known) {
        if (!known_at(d, i, f, &km) ||
            !add_mention(d, f->source, km.sp, km.tok_first, km.tok_end, ROLE_MENTIONED))
            return false;
        f->mention = d->r->n_source_mentions - 1;
        return true;
    }
    if (party_anaphor_at(d, i, f, &am))
        return refer_back(d, f->source, &am, f);
    if (form_anaphor_at(d, i, f, &am)) {
        if (has_article(d->t, i))
            am.sp.start = article_start(d->t, i); /* "المركز", not "مركز" */
        return refer_back(d, f->source, &am, f);
    }
    if (as_subject && named_in_passing(d, p, i, f))
        return true;
    if (as_subject && named_in_last_speaker(d, p, i, f))
        return true;
    if (as_subject && body_alone_at(d, i, f))
        return true;
    return as_subject && person_at(d, i, f);
}

/* How many tokens back named_in_passing looks for the full name. */
#define PASSING_NAME_REACH 200

/* "وصل المبعوث الأمريكي فلان إلى بيروت. وقال المبعوث إن ...": a definite
 * head alone as the subject of a reporting verb, with no speaker of that
 * head to refer back to, refers to one named in full with it a few
 * sentences before (party_anaphor_sentences) where no one spoke: read
 * there by its form. Records the mentions; fills f. */
static bool named_in_passing(doc_state *d, pass *p, size_t i, found *f)
{
    const text *t = d->t;
    lexicon_match am;
    char key[TOKEN_NORM_MAX], other[TOKEN_NORM_MAX];
    speaker_form form = form_at(d, i, &am);
    uint32_t s = t->tok[i].sentence;
    if ((form != FORM_ROLE && form != FORM_PARTY) || am.tok_end != i + 1 || !has_article(t, i) ||
        !head_key(d, i, key) || definite_nisba(d, i + 1, s) ||
        (i + 1 < t->n_tok && t->tok[i + 1].sentence == s && definite_follower(d, i + 1)))
        return false;
    size_t back = d->m->windows[WIN_PARTY_ANAPHOR_SENTENCES];
    for (size_t k = i, n = 0; k-- > 0 && n < PASSING_NAME_REACH; n++) {
        if (t->tok[k].sentence + back < s)
            break;
        if (d->in_source[k] || !head_key(d, k, other) || strcmp(key, other) != 0)
            continue;
        found named;
        size_t covered = p->covered_until;
        p->object_follows = true; /* named in narration, its object after it */
        bool read = form_subject_at(d, p, k, &named);
        p->object_follows = false;
        p->covered_until = covered;
        if (!read || named.end <= k + 1)
            continue;
        span sp = {has_article(t, i) ? article_start(t, i) : t->tok[i].sp.start, t->tok[i].sp.end};
        if (!add_mention(d, named.source, sp, i, i + 1, ROLE_MENTIONED))
            return false;
        *f = (found){named.source, d->r->n_source_mentions - 1, i + 1, true};
        return true;
    }
    return false;
}

/* "قالت وزارة الخارجية العراقية ... وقالت الخارجية إن": a body's head
 * alone and definite, the subject of a verb, that is a word of the last
 * speaker's name refers back to it. Records the mention; fills f. */
static bool named_in_last_speaker(doc_state *d, const pass *p, size_t i, found *f)
{
    const text *t = d->t;
    lexicon_match fm;
    if (p->last_speaker == EXTRACT_NO_INDEX || form_at(d, i, &fm) != FORM_PARTY ||
        fm.tok_end != i + 1 || !has_article(t, i) || fm.stripped)
        return false;
    const char *name = d->r->sources[p->last_speaker].name;
    char norm[256];
    text_normalize(name, strlen(name), norm, sizeof norm);
    const char *w = t->tok[i].norm;
    size_t n = strlen(w);
    for (const char *at = strstr(norm, w); at; at = strstr(at + 1, w))
        if (at > norm && at[-1] == ' ' && (at[n] == ' ' || at[n] == '\0')) {
            lexicon_match am = fm;
            return refer_back(d, p->last_speaker, &am, f);
        }
    return false;
}

/* A body's head alone and definite as the subject of a reporting verb,
 * with no body of that head named before it to refer to ("وقالت الحكومة
 * إن ..."، "ونفت الفصائل ذلك"): a party of its own, named by the word. */
static bool body_alone_at(doc_state *d, size_t i, found *f)
{
    const text *t = d->t;
    lexicon_match fm;
    if (form_at(d, i, &fm) != FORM_PARTY || fm.tok_end != i + 1 || !has_article(t, i))
        return false;
    uint32_t s = t->tok[i].sentence;
    if (definite_nisba(d, i + 1, s) || seated_first_named(d, i, s) || numbered_unit(d, &fm, s) ||
        (i + 1 < t->n_tok && t->tok[i + 1].sentence == s && definite_follower(d, i + 1)))
        return false; /* a name of its own, read by the form (form_subject_at) */
    span sp = {article_start(t, i), t->tok[i].sp.end};
    /* "بيان للشرطة": the body is "الشرطة" */
    size_t src = discovered_definite(d, i, sp, model_field(fm.entry, 2), EXTRACT_NO_INDEX);
    if (!add_mention(d, src, sp, i, i + 1, ROLE_MENTIONED))
        return false;
    *f = (found){src, d->r->n_source_mentions - 1, i + 1, false};
    return true;
}

/* A country as the subject of a reporting verb ("وكانت روسيا أعلنت",
 * "أعلنت تركيا"): its government speaks, named by the country; with_waw:
 * the name carries the conjunction و ("وإسرائيل تقول"). */
static bool country_at_stripped(doc_state *d, size_t j, bool with_waw, found *f)
{
    lexicon_match gm;
    if (!lexicon_match_at(d->m->gazetteer, d->t, j, PROCLITICS_NAME, &gm) ||
        gm.stripped != with_waw)
        return false;
    size_t pi = model_entry_index(d->m->gazetteer, gm.entry);
    if (strcmp(d->m->places[pi].kind, "country") != 0)
        return false;
    f->source = discovered_source(d, gm.sp, "government", EXTRACT_NO_INDEX);
    if (!add_mention(d, f->source, gm.sp, j, gm.tok_end, ROLE_MENTIONED))
        return false;
    f->mention = d->r->n_source_mentions - 1;
    f->end = gm.tok_end;
    f->anaphor = false;
    return true;
}

static bool country_at(doc_state *d, size_t j, found *f)
{
    return country_at_stripped(d, j, false, f);
}

/* Does token j open a surname of two words ("عبد الرحمن", "أبو زيد")? */
static bool two_word_surname_head(const text *t, size_t j)
{
    return stages_word_is(t, j, (const char *const[]){"عبد", "ابو", NULL});
}

/* A person named before by his full name, now by the last word of it
 * ("قال الوزير فلان الفلاني ..." then "وأكد الفلاني"), or the last two
 * after a two-word surname's head. */
static bool surname_at(doc_state *d, size_t j, found *f)
{
    const text *t = d->t;
    if (j >= t->n_tok || t->tok[j].kind != TOK_WORD || strlen(t->tok[j].norm) < 6)
        return false;
    size_t words = 1;
    if (two_word_surname_head(t, j) && j + 1 < t->n_tok && t->tok[j + 1].kind == TOK_WORD &&
        t->tok[j + 1].sentence == t->tok[j].sentence)
        words = 2;
    size_t seen = 0;
    for (size_t m = d->r->n_source_mentions; m-- > 0 && seen++ < 4 * PARTY_ANAPHOR_MENTIONS;) {
        const mention_toks *mt = &d->smention_toks[m];
        size_t src = d->r->source_mentions[m].source;
        if (mt->end > j || mt->end < mt->first + 1 + words ||
            strcmp(d->r->sources[src].kind, "person") != 0)
            continue;
        bool same = true;
        for (size_t w = 0; w < words && same; w++)
            same = !strcmp(t->tok[mt->end - words + w].norm, t->tok[j + w].norm);
        if (!same)
            continue;
        span sp = {t->tok[j].sp.start, t->tok[j + words - 1].sp.end};
        if (!add_mention(d, src, sp, j, j + words, ROLE_MENTIONED))
            return false;
        *f = (found){src, d->r->n_source_mentions - 1, j + words, true};
        return true;
    }
    return false;
}

/* "العميد سريع" after "العميد يحيى سريع": a title and the surname of a
 * person named before are that person. */
static bool title_surname_at(doc_state *d, size_t j, found *f)
{
    lexicon_match tm;
    if (form_at(d, j, &tm) != FORM_TITLE || tm.tok_end != j + 1 ||
        !phrase_ends_at(d, j + 2, d->t->tok[j].sentence) || !surname_at(d, j + 1, f))
        return false;
    f->end = j + 2;
    return true;
}

/* Is the normalised word a verb of relaying, whose عن names the source
 * (نقل، أورد), not what was spoken about (قال عن)? */
static bool relay_verb(const char *norm)
{
    return strstr(norm, "نقل") || strstr(norm, "اورد");
}

/* Is the phrase f read after the verb of am the accused of an accusation
 * with a hidden subject ("واتهمت الجيش بقتل ...": the party named right
 * after اتهم, then بـ and the charge)? "اتهمت حماس الجيش بقتل" has its
 * subject: a second party comes between it and the charge. */
static bool accused_at(const doc_state *d, const lexicon_match *am, const found *f)
{
    const text *t = d->t;
    const char *v = t->tok[am->tok_first].norm;
    if (am->stripped && (strncmp(v, "و", strlen("و")) == 0 || strncmp(v, "ف", strlen("ف")) == 0))
        v += strlen("و"); /* both two bytes */
    if (!word_among(v, (const char *const[]){"اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", NULL}) ||
        f->anaphor || f->end >= t->n_tok ||
        t->tok[f->end].sentence != t->tok[am->tok_first].sentence ||
        t->tok[f->end].kind != TOK_WORD)
        return false;
    const char *c = t->tok[f->end].norm;
    /* بـ and a charge of at least three letters: بقتل، بارتكاب */
    return strncmp(c, "ب", strlen("ب")) == 0 && strlen(c) >= 4 * strlen("ب");
}

/* "نقلت وكالة X عن مصدر ...", "بحسب ما أوردته وكالة X عن Y" (the relaying
 * verb at token `verb`): X relays; the speaker is who follows عن. True
 * when f became that speaker. */
static bool relayed(doc_state *d, pass *p, size_t verb, found *f)
{
    const text *t = d->t;
    if (!relay_verb(t->tok[verb].norm))
        return false;
    uint32_t s = t->tok[verb].sentence;
    size_t j = f->end; /* next_word stops at a comma, and answers none there */
    /* the outlet's abbreviation in brackets: "نقلت وكالة الأنباء العراقية (واع) عن" */
    if (is_punct(t, j, '('))
        for (size_t q = j + 1; q < t->n_tok && q <= j + 3 && t->tok[q].sentence == s; q++)
            if (is_punct(t, q, ')')) {
                j = q + 1;
                break;
            }
    while (j < t->n_tok && t->tok[j].sentence == s && t->tok[j].kind == TOK_PUNCT &&
           !is_comma(t, j) && !is_punct(t, j, ':'))
        j++;
    j = next_word(t, j < t->n_tok && is_comma(t, j) ? j + 1 : j, s); /* "ونقل الجيش، عن ..." */
    /* where the relaying outlet works: "نقلت وكالة سانا في دمشق عن" */
    lexicon_match sm;
    if (stages_word_is(t, j, (const char *const[]){"في", NULL}) && j + 1 < t->n_tok &&
        t->tok[j + 1].sentence == s &&
        lexicon_match_at(d->m->gazetteer, t, j + 1, PROCLITICS_NAME, &sm) && !sm.stripped)
        j = next_word(t, sm.tok_end, s);
    /* the relaying outlet's own description may come before عن: "نقل موقع
     * X التابع للجيش عن", "نقلت الوكالة الرسمية عن" */
    if (j < t->n_tok && (stages_word_in(d, j, FW_AFFILIATED) || definite_nisba(d, j, s)))
        for (size_t q = j + 1, n = 0; q < t->n_tok && t->tok[q].sentence == s && n < 4; q++, n++) {
            lexicon_match am2;
            if (t->tok[q].kind != TOK_WORD || stages_word_in(d, q, FW_COMPLEMENTIZER) ||
                lexicon_match_at(d->m->attribution, t, q, PROCLITICS_ALL, &am2))
                break;
            if (stages_word_is(t, q, (const char *const[]){"عن", NULL})) {
                j = q;
                break;
            }
        }
    if (!stages_word_is(t, j, (const char *const[]){"عن", NULL}))
        return false;
    size_t k = next_word(t, j + 1, s);
    found inner;
    if (k < t->n_tok && (mention_at(d, p, k, true, &inner) || form_subject_at(d, p, k, &inner))) {
        *f = inner;
        p->covered_until = inner.end;
        return true;
    }
    return false;
}

/* "رئيس الوفد المفاوض والمتحدث باسم X فلان الفلاني": a function with no
 * holder named, and a second function joined to it by و, whose phrase names
 * the person who holds both; that person speaks (f becomes them). */
static void coordinated_holder(doc_state *d, pass *p, found *f)
{
    const text *t = d->t;
    size_t k = f->end;
    if (f->source == EXTRACT_NO_INDEX || strcmp(d->r->sources[f->source].kind, "role") != 0 ||
        k >= t->n_tok || t->tok[k].kind != TOK_WORD || f->end == 0 ||
        t->tok[k].sentence != t->tok[f->end - 1].sentence ||
        strncmp(t->tok[k].norm, "و", strlen("و")) != 0)
        return;
    lexicon_match gm;
    if (form_at(d, k, NULL) != FORM_ROLE &&
        !(lexicon_match_at(d->m->speakers, t, k, PROCLITICS_ALL, &gm) && gm.stripped &&
          !strcmp(model_field(gm.entry, 2), "spokesperson")))
        return;
    found other;
    size_t covered = p->covered_until;
    if ((mention_at(d, p, k, true, &other) || form_subject_at(d, p, k, &other)) &&
        other.source != EXTRACT_NO_INDEX && !strcmp(d->r->sources[other.source].kind, "person"))
        *f = other;
    else
        p->covered_until = covered;
}

/* "الناطق باسم الجيش الإسرائيلي للإعلام العربي، أفيخاي أدرعي، إن":
 * a function the list knows, then within a few words (whom he speaks to,
 * a comma) a person the list knows as its holder (parent): he speaks.
 * Records his mention and fills f. */
static bool listed_holder(doc_state *d, pass *p, found *f)
{
    const text *t = d->t;
    if (f->source == EXTRACT_NO_INDEX || f->anaphor || !is_known(d, f->source) ||
        !strcmp(d->r->sources[f->source].kind, "person") || f->end >= t->n_tok)
        return false;
    uint32_t s = t->tok[f->end].sentence;
    const char *id = d->r->sources[f->source].id;
    for (size_t k = f->end; k < t->n_tok && k < f->end + 5 && t->tok[k].sentence == s; k++) {
        if (stages_word_in(d, k, FW_COMPLEMENTIZER) || is_punct(t, k, ':'))
            return false;
        lexicon_match lm;
        if (t->tok[k].kind != TOK_WORD ||
            !lexicon_match_at(d->m->source_list, t, k, PROCLITICS_NONE, &lm))
            continue;
        const extract_source *h = &d->m->sources[model_entry_index(d->m->source_list, lm.entry)];
        if (strcmp(h->kind, "person") != 0 || !h->parent_id || strcmp(h->parent_id, id) != 0)
            return false;
        found pf;
        if (!known_at(d, k, &pf, &lm) ||
            !add_mention(d, pf.source, lm.sp, k, lm.tok_end, ROLE_MENTIONED))
            return false;
        *f = (found){pf.source, d->r->n_source_mentions - 1, lm.tok_end, false};
        p->covered_until = lm.tok_end;
        return true;
    }
    return false;
}

/* "الأمين العام لحزب الله فلان الفلاني", "وزير الخارجية السوري فلان": a
 * party the list names by a function of it (its subject at token j, f),
 * followed by a given name or a title ("الشيخ فلان"): the person holding
 * the function speaks, for the party (f becomes them). */
static void function_holder(doc_state *d, pass *p, size_t j, found *f)
{
    const text *t = d->t;
    size_t k = f->end;
    if (listed_holder(d, p, f))
        return;
    if (f->source == EXTRACT_NO_INDEX || f->anaphor || !is_known(d, f->source) ||
        !strcmp(d->r->sources[f->source].kind, "person") || form_at(d, j, NULL) != FORM_ROLE ||
        k >= t->n_tok || t->tok[k].sentence != t->tok[j].sentence ||
        !((form_at(d, k, NULL) == FORM_GIVEN && !has_article(t, k)) ||
          form_at(d, k, NULL) == FORM_TITLE))
        return;
    found holder;
    size_t covered = p->covered_until;
    if (!form_subject_at(d, p, k, &holder) || holder.source == EXTRACT_NO_INDEX ||
        strcmp(d->r->sources[holder.source].kind, "person") != 0) {
        p->covered_until = covered;
        return;
    }
    extract_source *h = &d->r->sources[holder.source], *party = &d->r->sources[f->source];
    if (!h->parent_id && !is_known(d, holder.source)) {
        h->parent_id = party->id;
        h->affiliation = party->affiliation;
        h->bloc = party->bloc;
    }
    *f = holder;
}

/* Do tokens [a, k) hold only the function of who was just named ("وكان
 * فلان، رئيس اللجنة المحلية في البلدة، قد صرح")? A function word first,
 * and no complementizer or reporting verb before k. */
static bool appositive_between(const doc_state *d, size_t a, size_t k)
{
    const text *t = d->t;
    if (a >= k || k - a > d->m->windows[WIN_SPEAKER_PHRASE_WORDS] + 2)
        return false;
    if (is_comma(t, a))
        a++;
    if (a >= k || form_at(d, a, NULL) != FORM_ROLE)
        return false;
    lexicon_match am;
    for (size_t q = a; q < k; q++)
        if (stages_word_in(d, q, FW_COMPLEMENTIZER) ||
            (t->tok[q].kind == TOK_WORD &&
             lexicon_match_at(d->m->attribution, t, q, PROCLITICS_ALL, &am)))
            return false;
    return true;
}

/* Does the verb at v agree with the relative pronoun at rel: الذي with a
 * masculine singular (قال، يقول), التي with a feminine singular (قالت،
 * تقول), الذين with a plural (قالوا، يقولون)? Read from the verb's ending
 * and prefix; a masculine past in ت (لفت) is taken as feminine. */
static bool relative_agrees(const text *t, size_t rel, size_t v)
{
    const char *w = t->tok[v].norm;
    size_t len = strlen(w);
    size_t ta = strlen("ت");
    bool plural = len > 4 && (!strcmp(w + len - 4, "وا") || !strcmp(w + len - 4, "ون"));
    bool feminine = !plural && ((len > ta && !strcmp(w + len - ta, "ت")) || !strncmp(w, "ت", ta));
    if (stages_word_is(t, rel, (const char *const[]){"الذين", NULL}))
        return plural;
    if (stages_word_is(t, rel, (const char *const[]){"التي", NULL}))
        return feminine;
    if (stages_word_is(t, rel, (const char *const[]){"الذي", NULL}))
        return !plural && !feminine;
    return false;
}

/* "فصائل المعارضة التي نفت ذلك قالت إن ...": a relative clause of a few
 * words may stand between a subject and its verb. The relative pronoun
 * opening such a clause that ends at token k, right before the verb am
 * (which agrees with it and has no subject after it), or NO_INDEX. */
static size_t relative_clause_before(const doc_state *d, size_t k, const lexicon_match *am)
{
    const text *t = d->t;
    if (am->stripped || k < 2 || !hidden_subject(d, am))
        return EXTRACT_NO_INDEX;
    uint32_t s = t->tok[am->tok_first].sentence;
    for (size_t r = k - 1; r-- > 0 && r + 6 > k;) {
        if (t->tok[r].sentence != s || t->tok[r].kind != TOK_WORD ||
            stages_word_in(d, r, FW_COMPLEMENTIZER))
            return EXTRACT_NO_INDEX;
        if (stages_word_in(d, r, FW_RELATIVE_PRONOUN))
            return relative_agrees(t, r, am->tok_first) ? r : EXTRACT_NO_INDEX;
    }
    return EXTRACT_NO_INDEX;
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
        while (k > 0 && stages_word_in(d, k - 1, FW_BEFORE_VERB))
            k--;
        /* "المرصد الذي قال إن ...": a relative clause whose verb has no
         * subject of its own ("التي قال ناشطون إن" has) is said by the
         * noun it hangs on, when the verb agrees with the pronoun
         * ("أعضاء الجماعة الذين يقول إنهم" is said by someone else). */
        if (k > 0 && !am->stripped && stages_word_in(d, k - 1, FW_RELATIVE_PRONOUN) &&
            relative_agrees(t, k - 1, am->tok_first) && hidden_subject(d, am))
            k--;
        bool comma = k > 0 && is_comma(t, k - 1) && !am->stripped;
        if (comma)
            k--; /* "وكانت صحيفة X، ذكرت" */
        size_t rel = relative_clause_before(d, k, am);
        for (size_t m = d->r->n_source_mentions; m-- > 0;) {
            const mention_toks *mt = &d->smention_toks[m];
            /* "وفي مقابلة مع قناة الجزيرة، قال", "في تصريح لعنب بلدي،
             * قال": a party governed by مع or لـ before the comma is whom
             * the words were told, in an adjunct put first */
            bool told = comma && mt->end == k &&
                        (stages_word_is(t, mt->first - (mt->first > 0),
                                        (const char *const[]){"مع", "ل", "لـ", NULL}) ||
                         (strncmp(t->tok[mt->first].norm, "ل", strlen("ل")) == 0 &&
                          d->r->source_mentions[m].sp.start > t->tok[mt->first].sp.start));
            if (told)
                break;
            if (t->tok[mt->first].sentence == s &&
                (mt->end == k || mt->end == rel || appositive_between(d, mt->end, k))) {
                *f = (found){d->r->source_mentions[m].source, m, mt->end, false};
                return true;
            }
            if (mt->end < k && !appositive_between(d, mt->end, k))
                break;
        }
    }
    /* "وكانت السلطات قد أحصت", "وكان مدير المستشفى قد وثّق": in the
     * pluperfect the subject stands between كان and the verb (or قد), a
     * body or a function the list does not know, read by its form there,
     * its phrase ending right before قد or the verb. */
    if (verb) {
        size_t k = am->tok_first;
        if (k > 0 && stages_word_in(d, k - 1, FW_BEFORE_VERB) &&
            !stages_word_in(d, k - 1, FW_BACKGROUND_OPENER))
            k--; /* قد، لقد */
        for (size_t c = k > 6 ? k - 6 : 0; c + 1 < k; c++) {
            if (t->tok[c].sentence != s || !stages_word_in(d, c, FW_BACKGROUND_OPENER))
                continue;
            size_t mentions = d->r->n_source_mentions;
            found g;
            if ((mention_at(d, p, c + 1, true, &g) || form_subject_at(d, p, c + 1, &g)) &&
                g.end == k) {
                *f = g;
                return true;
            }
            d->r->n_source_mentions = mentions; /* no subject there: nothing read */
            break;
        }
    }
    /* "وكانت روسيا أعلنت": a country just before the verb, opening its
     * clause; or a clause joined by و ("X يعلن ... وإسرائيل تقول إنها"). */
    if (verb) {
        size_t k = am->tok_first;
        while (k > 0 && stages_word_in(d, k - 1, FW_BEFORE_VERB))
            k--;
        lexicon_match gm;
        for (size_t c = k > 3 ? k - 3 : 0; c < k; c++) {
            if (t->tok[c].sentence != s ||
                !lexicon_match_at(d->m->gazetteer, t, c, PROCLITICS_NAME, &gm) || gm.tok_end != k)
                continue;
            bool opens = !gm.stripped && (c == 0 || t->tok[c - 1].sentence != s ||
                                          stages_word_in(d, c - 1, FW_BACKGROUND_OPENER));
            /* ... and only when what is said follows the verb, not a subject
             * of its own ("بين لبنان وسوريا أعلن الجيش") */
            lexicon_match em;
            size_t a = am->tok_end;
            bool joined = gm.stripped && c > 0 && t->tok[c - 1].sentence == s &&
                          t->cp[t->tok[c].sp.start] == 0x0648 &&
                          gm.sp.start == t->tok[c].sp.start + 1 && a < t->n_tok &&
                          t->tok[a].sentence == s &&
                          (stages_word_in(d, a, FW_COMPLEMENTIZER) ||
                           lexicon_match_at(d->m->triggers, t, a, PROCLITICS_NONE, &em));
            if ((opens || joined) && country_at_stripped(d, c, joined, f))
                return true;
        }
    }
    /* After it: the first phrase, past adverbs of time, whom it was told
     * ("لوكالة فرانس برس") and the medium ("في بيان"); after بحسب / وفق also
     * past a few words ("بحسب ما أفادت به", "وفقا لتقرير"). */
    bool prep = strcmp(kind, "prep") == 0 || strcmp(kind, "report") == 0;
    size_t skipped = 0, window = prep ? 3 : 0;
    size_t relaying = am->tok_first; /* "بحسب ما نقلته": the verb in the window */
    for (size_t j = am->tok_end; j < t->n_tok && t->tok[j].sentence == s;) {
        if (t->tok[j].kind == TOK_PUNCT) {
            if (is_punct(t, j, ':'))
                return false;
            j++;
            continue;
        }
        if (stages_word_in(d, j, FW_COMPLEMENTIZER))
            return false;
        if (j < p->covered_until) {
            /* Already recorded (a mention inside the verb's own phrase). */
            for (size_t m = d->r->n_source_mentions; m-- > 0;)
                if (d->smention_toks[m].first == j) {
                    *f =
                        (found){d->r->source_mentions[m].source, m, d->smention_toks[m].end, false};
                    return true;
                }
            j++;
            continue;
        }
        found pf;
        lexicon_match pm;
        if (told_to_at(d, j, &pf, &pm) && !prep) {
            add_mention(d, pf.source, pm.sp, j, pm.tok_end, ROLE_MENTIONED);
            score_told(d, p, pf.source);
            j = pf.end;
            continue;
        }
        if (title_surname_at(d, j, f) || mention_at(d, p, j, true, f) ||
            /* "وأوضح عبد الرحمن": a surname of two words, not a new عبد */
            (two_word_surname_head(t, j) && phrase_ends_at(d, j + 2, s) && surname_at(d, j, f)) ||
            form_subject_at(d, p, j, f) || country_at(d, j, f) || surname_at(d, j, f)) {
            coordinated_holder(d, p, f);
            function_holder(d, p, j, f);
            p->covered_until = f->end;
            if (relayed(d, p, relaying, f))
                return true;
            /* "وفقا لما نقلته قناة X" with no عن after it: X reports the
             * words and asserts them, unless a speaker of the sentence
             * already said them ("وقال المصدر - وفقا لما نقلته قناة X -"),
             * where X only carries them (the caller's carrier) */
            return true;
        }
        lexicon_match xm;
        speaker_form form = form_at(d, j, &xm);
        if (form == FORM_TIME) {
            j = xm.tok_end;
            continue;
        }
        if (stages_word_is(t, j, (const char *const[]){"في", NULL}) &&
            form_at(d, j + 1, &xm) == FORM_MEDIUM) {
            j = xm.tok_end;
            continue;
        }
        /* The statement as the subject speaks for its owner: "قال بيان
         * للجيش إن", "ذكر تقرير صادر عن الوزارة أن", and the owner in the
         * genitive: "تشير تقديرات المنظمة الدولية للهجرة إلى أن". */
        size_t owner = xm.tok_end;
        if (form == FORM_MEDIUM && owner + 1 < t->n_tok && t->tok[owner].sentence == s) {
            if (stages_word_in(d, owner, FW_ISSUED) &&
                stages_word_is(t, owner + 1, (const char *const[]){"عن", NULL})) {
                j = owner + 2;
                continue;
            }
            if (t->tok[owner].kind == TOK_WORD &&
                (mention_at(d, p, owner, true, f) || form_subject_at(d, p, owner, f))) {
                p->covered_until = f->end;
                relayed(d, p, am->tok_first, f);
                return true;
            }
            /* "أفادت حصيلة عمليات الجيش": what the statement sums up, in
             * construct, between it and its owner the list knows */
            if (t->tok[owner].kind == TOK_WORD && !has_article(t, owner) && !has_article(t, j) &&
                form_at(d, owner, NULL) == FORM_NONE &&
                !lexicon_match_at(d->m->triggers, t, owner, PROCLITICS_ALL, &xm) &&
                !stages_word_in(d, owner, FW_COMPLEMENTIZER) && owner + 1 < t->n_tok &&
                t->tok[owner + 1].sentence == s && t->tok[owner + 1].kind == TOK_WORD &&
                has_article(t, owner + 1) &&
                (mention_at(d, p, owner + 1, true, f) ||
                 (form_at(d, owner + 1, NULL) == FORM_PARTY &&
                  form_subject_at(d, p, owner + 1, f)))) {
                p->covered_until = f->end;
                return true;
            }
        }
        if (skipped++ >= window)
            return false;
        if (relay_verb(t->tok[j].norm))
            relaying = j;
        j++;
    }
    return false;
}

/* Does a contrastive conjunction stand just before token i of its sentence
 * ("في حين أعلنت", "بينما نفى")? */
static bool contrasted(const doc_state *d, size_t i, size_t sentence_start)
{
    for (size_t k = i; k > sentence_start && k + 3 > i; k--)
        if (stages_word_in(d, k - 1, FW_CONTRAST))
            return true;
    return false;
}

/* The first token of the clause a contrastive conjunction (فيما، بينما)
 * opens before token i in its sentence, with no attribution between; i
 * when there is none. */
static size_t contrast_clause_start(const doc_state *d, size_t i, size_t sentence_start)
{
    lexicon_match am;
    for (size_t k = i; k > sentence_start; k--) {
        if (lexicon_match_at(d->m->attribution, d->t, k - 1, PROCLITICS_ALL, &am))
            return i;
        if (stages_word_in(d, k - 1, FW_CONTRAST))
            return k - 1;
    }
    return i;
}

/* A party cited after the sentence's speaker (a "وفق Y" at token i) owns
 * the clause a contrast opens before it ("قالت X إن 15 قتلوا، فيما نزح 250
 * ألفا، وفق Y"). With no contrast, it owns what an outlet or agency said
 * in the sentence ("أفادت وكالة X بأن 30 شخصا قتلوا، وفقا لمديرية الصحة"):
 * the news relays; the party it cites asserts. A party that speaks keeps
 * its words ("قال المرصد إن 30 قتلوا، بحسب مصادر طبية"), unless what it
 * cites is a body of its own (its parent in the list). */
static void cite_after_speaker(doc_state *d, size_t speaker, size_t cited, size_t i,
                               size_t sentence_start)
{
    size_t from = contrast_clause_start(d, i, sentence_start);
    const char *above = cited != EXTRACT_NO_INDEX ? d->r->sources[cited].parent_id : NULL;
    /* "قالت الأمم المتحدة إن 1.7 مليون نزحوا، بحسب تقديرات أوتشا": a body
     * of the speaker's own, cited, gives the count the speaker relays */
    bool own_body =
        speaker != EXTRACT_NO_INDEX && above && strcmp(above, d->r->sources[speaker].id) == 0;
    if (from == i && speaker != EXTRACT_NO_INDEX &&
        ((is_outlet_kind(&d->r->sources[speaker]) && !is_outlet_kind(&d->r->sources[cited])) ||
         own_body)) {
        for (size_t k = sentence_start; k < i; k++)
            if (d->speaker[k] == speaker)
                d->speaker[k] = cited;
        return;
    }
    for (size_t k = from; k < i; k++)
        d->speaker[k] = cited;
}

/* Is the attribution am one of basis ("استنادا إلى", "بالاستناد إلى",
 * "مستندا إلى")? After a party already credited in its
 * sentence ("بحسب إحصاء لوكالة فرانس برس استنادا إلى بيانات الوزارة",
 * "وثق المرصد ... استنادا إلى مصادر طبية") it names what that party drew
 * on: the count stays the party's, and the words go on being its. */
static bool basis_at(const doc_state *d, const lexicon_match *am)
{
    static const char *const basis[] = {"استنادا", "بالاستناد", "مستندا", "مستنده", NULL};
    const char *w = d->t->tok[am->tok_first].norm;
    if (!strncmp(w, "و", strlen("و")) && am->stripped)
        w += strlen("و");
    return word_among(w, basis);
}

/* Does token i open a sentence that turns to another story (a topic
 * opener of function_words.tsv, its first word maybe with و glued)? */
static bool opens_other_story(const doc_state *d, size_t i)
{
    const text *t = d->t;
    if (t->tok[i].kind != TOK_WORD)
        return false;
    for (const char *const *p = d->m->word_sets[FW_TOPIC_OPENER]; *p; p++) {
        const char *word = *p;
        bool same = true;
        for (size_t w = 0; same && *word; w++) {
            size_t len = strcspn(word, " ");
            const char *tok = i + w < t->n_tok ? t->tok[i + w].norm : "";
            if (w == 0 && !strncmp(tok, "و", strlen("و")) && strncmp(tok, word, len) != 0)
                tok += strlen("و");
            same = i + w < t->n_tok && t->tok[i + w].sentence == t->tok[i].sentence &&
                   t->tok[i + w].kind == TOK_WORD && strlen(tok) == len && !strncmp(tok, word, len);
            word += len + (word[len] == ' ');
        }
        if (same)
            return true;
    }
    return false;
}

/* Does token i open its sentence or line, after at most an opener
 * ("وكانت", "كما")? */
static bool opens_clause(const doc_state *d, size_t i, size_t sentence_start)
{
    const text *t = d->t;
    if (i == sentence_start || t->tok[i].newline_before)
        return true;
    return i == sentence_start + 1 && (stages_word_in(d, i - 1, FW_BACKGROUND_OPENER) ||
                                       stages_word_in(d, i - 1, FW_CLAUSE_OPENER));
}

/* Is a phrase at i followed, within its sentence and before a
 * complementizer, by a colon or a reporting verb: "وزارة الصحة في غزة:
 * ...", "وكانت صحيفة X الروسية، ذكرت ..."? Read before a phrase the lists
 * do not know is taken as a speaker there. */
static bool speaks_next(const doc_state *d, size_t i)
{
    const text *t = d->t;
    uint32_t s = t->tok[i].sentence;
    lexicon_match am;
    size_t reach = i + d->m->windows[WIN_SPEAKER_PHRASE_WORDS] + 4;
    for (size_t k = i + 1; k < t->n_tok && k < reach && t->tok[k].sentence == s; k++) {
        if (is_punct(t, k, ':'))
            return true;
        if (stages_word_in(d, k, FW_COMPLEMENTIZER) || t->tok[k].newline_before)
            return false;
        if (t->tok[k].kind == TOK_WORD &&
            lexicon_match_at(d->m->attribution, t, k, PROCLITICS_ALL, &am) &&
            strcmp(model_field(am.entry, 2), "verb") == 0 && !am.stripped)
            return true;
    }
    return false;
}

/* Is the reporting verb at k followed by what it says: أن / إن, a colon,
 * or the event it reports ("أكدت مقتل 4", "أفاد بإصابة", "تحدث عن مقتل"),
 * past adverbs of time? ("نقلت 300 عائلة" moves people: it reports nothing.) */
static bool says_next(const doc_state *d, size_t k)
{
    const text *t = d->t;
    uint32_t s = t->tok[k].sentence;
    lexicon_match am, em;
    if (t->tok[k].kind != TOK_WORD ||
        !lexicon_match_at(d->m->attribution, t, k, PROCLITICS_ALL, &am) ||
        strcmp(model_field(am.entry, 2), "verb") != 0 || am.stripped)
        return false;
    size_t j = past_time(d, am.tok_end, s);
    if (j < t->n_tok && t->tok[j].sentence == s &&
        stages_word_is(t, j, (const char *const[]){"عن", "الي", NULL}))
        j++;
    if (j >= t->n_tok || t->tok[j].sentence != s)
        return false;
    return is_punct(t, j, ':') || stages_word_in(d, j, FW_COMPLEMENTIZER) ||
           (t->tok[j].kind == TOK_WORD &&
            lexicon_match_at(d->m->triggers, t, j, PROCLITICS_ALL, &em));
}

/* After إن / أن the subject comes first: one who reports inside what is
 * said is named before the verb ("ذكرت الصحيفة أن وزارة الصحة أكدت
 * مقتل 7"), and is the one who asserts it, not the relay. Is token i such
 * a subject: right after a complementizer, with a reporting verb that says
 * something within a speaker's phrase after it? */
static bool relayed_subject_at(const doc_state *d, size_t i)
{
    const text *t = d->t;
    uint32_t s = t->tok[i].sentence;
    if (i == 0 || t->tok[i - 1].sentence != s || !stages_word_in(d, i - 1, FW_COMPLEMENTIZER))
        return false;
    size_t reach = i + d->m->windows[WIN_SPEAKER_PHRASE_WORDS] + 4;
    for (size_t k = i + 1; k < t->n_tok && k < reach && t->tok[k].sentence == s; k++) {
        if (t->tok[k].kind == TOK_PUNCT || stages_word_in(d, k, FW_COMPLEMENTIZER))
            return false;
        if (says_next(d, k))
            return true;
    }
    return false;
}

/* Is the attribution am a post-posed one, covering the words of its
 * sentence before it: بحسب / وفق / نقلا عن, or a verb right after a comma
 * ("...، قال الجيش"); not a verb that opens a clause of its own ("...،
 * وأعلنت X", "في حين أكد X", "بينما نفى X"). */
static bool post_posed(const doc_state *d, const lexicon_match *am, size_t sentence_start)
{
    const text *t = d->t;
    const char *kind = model_field(am->entry, 2);
    if (strcmp(kind, "prep") == 0 || strcmp(kind, "report") == 0)
        return true;
    size_t i = am->tok_first;
    return strcmp(kind, "verb") == 0 && !am->stripped && i > sentence_start && is_comma(t, i - 1);
}

/* Is the reporting verb am a clause of its own joined by "، و" to what
 * the sentence told before it ("...، وأعلنت مصادر أمنية مقتل 18")? It
 * reports its own object, not the clause before, unless it details it
 * ("...، وأوضح مصدر أمني أن 2 منهم ..."). */
static bool coordinated_report(const doc_state *d, const lexicon_match *am, size_t sentence_start)
{
    size_t i = am->tok_first;
    return strcmp(model_field(am->entry, 2), "verb") == 0 && am->stripped && i > sentence_start &&
           is_comma(d->t, i - 1) && !stages_word_in(d, i, FW_ELABORATING);
}

/* Has the verb am no subject of its own: is it followed by what it says
 * ("وقال إن", "وأشار إلى أن", "وأضاف: ...") rather than by a noun? */
static bool hidden_subject(const doc_state *d, const lexicon_match *am)
{
    const text *t = d->t;
    uint32_t s = t->tok[am->tok_first].sentence;
    size_t j = past_time(d, am->tok_end, s);
    if (j >= t->n_tok || t->tok[j].sentence != s)
        return false;
    if (t->tok[j].kind == TOK_PUNCT)
        return is_punct(t, j, ':') || !is_comma(t, j);
    if (stages_word_in(d, j, FW_COMPLEMENTIZER))
        return true;
    /* "وأشار إلى أن", "في بيان قالت فيه إن" */
    if (stages_word_is(t, j, (const char *const[]){"الي", "في", "فيه", "فيها", NULL}) &&
        stages_word_in(d, next_word(t, j + 1, s), FW_COMPLEMENTIZER))
        return true;
    /* "وأشار إلى مقتل 3 جنود": إلى right after the verb opens what it
     * points to; a subject would stand between them ("وأشار المصدر إلى") */
    if (stages_word_is(t, j, (const char *const[]){"الي", NULL}) &&
        !relay_verb(t->tok[am->tok_first].norm)) /* "ونقل إلى المستشفى": moved */
        return true;
    /* How and to whom it was said may stand between the verb and what it
     * says: "وأضاف في تصريح للأناضول أن", "وأضاف للصحفيين أن". A name of
     * no outlet among them may be the subject ("وقال في بيان الجيش إن"). */
    bool medium = stages_word_is(t, j, (const char *const[]){"في", NULL}) &&
                  form_at(d, j + 1, NULL) == FORM_MEDIUM;
    lexicon_match om;
    if (!medium && !told_outlet_at(d, j, &om) && !stages_word_in(d, j, FW_AUDIENCE))
        return false;
    for (size_t k = j, n = 0; k < t->n_tok && t->tok[k].sentence == s && n < 8; k++, n++) {
        if (stages_word_in(d, k, FW_COMPLEMENTIZER) || is_punct(t, k, ':'))
            return true;
        if (is_comma(t, k))
            return false;
        if (told_outlet_at(d, k, &om)) {
            k = om.tok_end - 1;
            continue;
        }
        lexicon_match sm;
        if (t->tok[k].kind == TOK_WORD &&
            lexicon_match_at(d->m->source_list, t, k, PROCLITICS_NAME, &sm))
            return false;
    }
    return false;
}

/* "وهاجمت قسد مواقع التنظيم، مؤكدة مقتل 20 عنصرا", "زار وزير الصحة
 * المستشفى، مؤكدا أن ...": a participle of saying with no speaker of its
 * own says what the subject of its sentence's verb says. The subject
 * stands right after the verb that opens the sentence (or before it):
 * a source already read there, or a phrase read by its form. */
static bool clause_subject(doc_state *d, pass *p, size_t sentence_start, size_t i, found *f)
{
    const text *t = d->t;
    uint32_t s = t->tok[sentence_start].sentence;
    size_t first = next_word(t, sentence_start, s);
    if (first >= i)
        return false;
    for (size_t m = d->r->n_source_mentions; m-- > 0;) {
        const mention_toks *mt = &d->smention_toks[m];
        if (mt->first < sentence_start || t->tok[mt->first].sentence != s)
            break;
        if (mt->first >= i || (mt->first != first && mt->first != first + 1))
            continue;
        *f = (found){d->r->source_mentions[m].source, m, mt->end, false};
        return true;
    }
    size_t j = next_word(t, first + 1, s);
    j = past_time(d, j, s);
    if (j >= i || reporting_verb_at(d, first))
        return false;
    p->object_follows = true;
    bool read = form_subject_at(d, p, j, f);
    p->object_follows = false;
    return read && f->end <= i;
}

/* Does the sentence from sentence_start open, before token i, with words
 * that turn to another party's answer ("من جانبها،", "في المقابل،",
 * "بدوره")? */
static bool answer_opener(const doc_state *d, size_t sentence_start, size_t i)
{
    const text *t = d->t;
    size_t k = sentence_start;
    if (stages_word_is(t, k, (const char *const[]){"من", "ومن", NULL}) &&
        stages_word_is(
            t, k + 1,
            (const char *const[]){"جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", NULL}))
        k += 2;
    else if (stages_word_is(t, k, (const char *const[]){"في", "وفي", NULL}) &&
             stages_word_is(t, k + 1, (const char *const[]){"المقابل", NULL}))
        k += 2;
    else if (stages_word_is(
                 t, k,
                 (const char *const[]){"بدوره", "بدورها", "بدورهم", "بالمقابل", "وبالمقابل", NULL}))
        k += 1;
    else
        return false;
    if (k < i && is_comma(t, k))
        k++;
    return k == i;
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
/* Do tokens [first, end), an outlet's name, stand where a statement's copy
 * was received: "تلقت X نسخة منه", "وصلت X نسخة منه", "حصلت X على نسخة"
 * (after the name, its نت and what the verb joins are skipped)? */
static bool received_copy(const text *t, size_t first, size_t end)
{
    static const char *const received[] = {"تلقت", "تلقي", "وصل", "وصلت", "حصلت", "حصل", NULL};
    if (first == 0 || !stages_word_is(t, first - 1, received))
        return false;
    uint32_t s = t->tok[first].sentence;
    for (size_t k = end; k < t->n_tok && k < end + 3 && t->tok[k].sentence == s; k++) {
        if (stages_word_is(t, k, (const char *const[]){"نسخه", "بنسخه", NULL}))
            return true;
        if (t->tok[k].kind == TOK_WORD &&
            !stages_word_is(t, k, (const char *const[]){"نت", "علي", NULL}))
            return false;
    }
    return false;
}

/* How many sentences from the top a release's heading may stand. */
#define RELEASE_HEADING_SENTENCES 4

/* "بيان صادر عن X", "تصريح صحفي صادر عن فلان، ممثل X" opening a line near
 * the top: a release, published by X, or by the body its author speaks
 * for. The mention of src starts at token first. */
static void release_heading(doc_state *d, pass *p, size_t src, size_t first)
{
    const text *t = d->t;
    if (first < 3 || t->tok[first].sentence > RELEASE_HEADING_SENTENCES ||
        !stages_word_in(d, first - 2, FW_ISSUED) ||
        !stages_word_is(t, first - 1, (const char *const[]){"عن", NULL}))
        return;
    size_t line = first - 3;
    if (line > 0 && stages_word_is(t, line, (const char *const[]){"صحفي", "صحافي", NULL}))
        line--;
    lexicon_match xm;
    if ((line > 0 && !t->tok[line].newline_before) || form_at(d, line, &xm) != FORM_MEDIUM ||
        xm.tok_end + (first - 3 != line) != first - 2)
        return;
    const extract_source *s = &d->r->sources[src];
    for (size_t j = 0; s->parent_id && j < d->r->n_sources; j++)
        if (!strcmp(d->r->sources[j].id, s->parent_id))
            src = j;
    score_publisher(p, src, 10);
}

static void score_signatures(doc_state *d, pass *p, size_t src, size_t first, size_t end,
                             bool stripped)
{
    const text *t = d->t;
    /* "المصدر : الجزيرة" at the start of a line; a monitor or a body that
     * signs so the foot of the text ("المصدر: المرصد السوري") publishes
     * the report too. */
    bool outlet = is_outlet_kind(&d->r->sources[src]);
    bool last_line = p->last_line_start < end;
    release_heading(d, p, src, first);
    if (first >= 2 && is_punct(t, first - 1, ':') &&
        strcmp(t->tok[first - 2].norm, "المصدر") == 0 &&
        (first == 2 || t->tok[first - 2].newline_before) && (outlet || (last_line && first > 2)))
        score_publisher(p, src, 10);
    if (!outlet)
        return;
    /* "كاميرا الجزيرة". */
    if (first >= 1 && stages_word_in(d, first - 1, FW_SIGNATURE))
        score_outlet(d, p, src, 1);
    /* "لـRT", "للجزيرة": told to the outlet, unless it is cited ("وفقا للجزيرة"). */
    bool lam = stripped && t->tok[first].norm[0] != '\0' &&
               strncmp(t->tok[first].norm, "ل", strlen("ل")) == 0;
    if (!lam && first >= 1 && strcmp(t->tok[first - 1].norm, "ل") == 0)
        lam = true;
    /* "لـ«العربي الجديد»": told between quotation marks as without them */
    if (!lam && first >= 2 && strcmp(t->tok[first - 2].norm, "ل") == 0 &&
        told_name_start(t, first - 2) == first)
        lam = true;
    if (lam && !(first >= 1 && stages_word_in(d, first - 1, FW_CITING)) &&
        !(first >= 2 && stages_word_in(d, first - 2, FW_CITING)))
        score_told(d, p, src);
    /* "في بيان تلقت الجزيرة نت نسخة منه", "وصل العربي الجديد نسخة منه":
     * the outlet that received the statement publishes it, as one told */
    if (received_copy(t, first, end))
        score_told(d, p, src);
    /* A trailing line that is a link naming the outlet. */
    if (last_line && p->last_line_link < first)
        score_outlet(d, p, src, 1);
}

#define DATELINE_POINTS 5

static bool dateline_separator(const text *t, size_t i)
{
    return is_punct(t, i, '-') || is_punct(t, i, 0x2013) || is_punct(t, i, 0x2014) ||
           is_punct(t, i, '_') || is_punct(t, i, ':') || is_punct(t, i, '/');
}

/* Does a tatweel standing alone separate token k from the one before it
 * ("بيروت ـ أ ف ب")? The papers print it as a dash; the tokenizer drops it
 * as a stray mark, so it is read from the text between the two. */
static bool tatweel_before(const text *t, size_t k)
{
    if (k == 0)
        return false;
    uint32_t from = t->tok[k - 1].sp.end, to = t->tok[k].sp.start;
    bool tatweel = false;
    for (uint32_t c = from; c < to; c++) {
        if (t->cp[c] == 0x0640)
            tatweel = true;
        else if (t->cp[c] != ' ' && t->cp[c] != 0x00A0)
            return false;
    }
    return tatweel && from < to && t->cp[from] != 0x0640 && t->cp[to - 1] != 0x0640;
}

/* Narrows tokens [*a, *b) to what lies between the punctuation around it
 * (quotes, dashes, brackets of a dateline). */
static void trim_punct(const text *t, size_t *a, size_t *b)
{
    while (*a < *b && t->tok[*a].kind == TOK_PUNCT)
        (*a)++;
    while (*b > *a && t->tok[*b - 1].kind == TOK_PUNCT)
        (*b)--;
}

/* Do tokens [a, b) hold only a place of the gazetteer or a desk word? */
static bool place_or_desk(const doc_state *d, size_t a, size_t b)
{
    const text *t = d->t;
    trim_punct(t, &a, &b);
    if (a >= b)
        return false;
    if (b == a + 1 && stages_word_in(d, a, FW_DESK))
        return true;
    lexicon_match gm;
    return lexicon_match_at(d->m->gazetteer, t, a, PROCLITICS_NONE, &gm) && gm.tok_end == b;
}

/* The outlet the list names by the normalised words `name`: its model
 * index, else n_sources (no such name, or not an outlet). */
static size_t listed_outlet_named(const doc_state *d, const char *name)
{
    const lexicon_entry *e = lexicon_find(d->m->source_list, name);
    size_t mi = e ? model_entry_index(d->m->source_list, e) : d->m->n_sources;
    return mi < d->m->n_sources && is_outlet_kind(&d->m->sources[mi]) ? mi : d->m->n_sources;
}

/* "بيروت - الأخبار", "صنعاء - المسيرة": a name the list knows only with
 * its outlet noun ("صحيفة الأخبار", "قناة المسيرة"), which a dateline
 * marks as an outlet as the noun does; bare, the words are common ones.
 * Tokens [a, b), trimmed, are the words; the outlet's r->sources index,
 * recorded as a mention, or NO_INDEX. */
static size_t outlet_by_its_noun(doc_state *d, size_t a, size_t b)
{
    static const char *const nouns[] = {"صحيفه", "جريده", "قناه", "موقع", NULL};
    const text *t = d->t;
    if (b > a + 3)
        return EXTRACT_NO_INDEX;
    for (size_t q = a; q < b; q++)
        if (t->tok[q].kind != TOK_WORD)
            return EXTRACT_NO_INDEX;
    char name[256];
    for (const char *const *noun = nouns; *noun; noun++) {
        size_t used = (size_t)snprintf(name, sizeof name, "%s", *noun);
        for (size_t q = a; q < b && used < sizeof name; q++)
            used += (size_t)snprintf(name + used, sizeof name - used, " %s", t->tok[q].norm);
        if (used >= sizeof name)
            return EXTRACT_NO_INDEX;
        size_t mi = listed_outlet_named(d, name);
        if (mi < d->m->n_sources) {
            size_t src = known_source(d, mi);
            span sp = {t->tok[a].sp.start, t->tok[b - 1].sp.end};
            return add_mention(d, src, sp, a, b, ROLE_MENTIONED) ? src : EXTRACT_NO_INDEX;
        }
    }
    return EXTRACT_NO_INDEX;
}

/* A known outlet filling tokens [a, b), punctuation around it aside; its
 * r->sources index, recorded as a mention, or NO_INDEX. */
static size_t outlet_filling(doc_state *d, size_t a, size_t b)
{
    const text *t = d->t;
    trim_punct(t, &a, &b);
    found f;
    lexicon_match lm;
    /* "موقع قناة المنار": the nouns of an outlet before a name the list
     * knows without them */
    for (size_t n = 0; n < 2 && a + 1 < b && stages_word_in(d, a, FW_OUTLET_NOUN) &&
                       !(known_at(d, a, &f, &lm) && !lm.stripped);
         n++)
        a++;
    if (a < b && !(known_at(d, a, &f, &lm) && !lm.stripped))
        return outlet_by_its_noun(d, a, b);
    if (a >= b || !known_at(d, a, &f, &lm) || lm.stripped ||
        !is_outlet_kind(&d->r->sources[f.source]))
        return EXTRACT_NO_INDEX;
    size_t end = lm.tok_end;
    /* the site's own address: "العربية.نت", "الجزيرة.نت" (the full stop
     * glued to the name and to نت ends no dateline), "الميادين نت" */
    if (end + 1 < b && is_punct(t, end, '.') && t->tok[end].sp.start == t->tok[end - 1].sp.end &&
        t->tok[end + 1].sp.start == t->tok[end].sp.end &&
        stages_word_is(t, end + 1, (const char *const[]){"نت", "net", NULL}))
        end += 2;
    else if (end < b && stages_word_is(t, end, (const char *const[]){"نت", "net", NULL}))
        end++;
    while (end < b && t->tok[end].kind == TOK_PUNCT)
        end++;
    if (end != b)
        return EXTRACT_NO_INDEX;
    add_mention(d, f.source, lm.sp, a, lm.tok_end, ROLE_MENTIONED);
    return f.source;
}

/* "صنعاء - سبأ": an outlet the list also knows seated in the dateline's
 * place ("وكالة سبأ في صنعاء", the Houthis' Saba) is that one. `outlet`
 * was just read by outlet_filling (its last mention) right of the place at
 * [a, k); the seated one takes the mention. Returns the outlet. */
static size_t seated_outlet(doc_state *d, size_t a, size_t k, size_t outlet)
{
    const text *t = d->t;
    extract_result *r = d->r;
    trim_punct(t, &a, &k);
    if (a >= k || !r->n_source_mentions ||
        r->source_mentions[r->n_source_mentions - 1].source != outlet)
        return outlet;
    const mention_toks *mt = &d->smention_toks[r->n_source_mentions - 1];
    char name[512];
    for (int with_noun = 0; with_noun < 2; with_noun++) {
        size_t used = with_noun ? (size_t)snprintf(name, sizeof name, "وكاله ") : 0;
        for (size_t q = mt->first; q < mt->end && used < sizeof name; q++)
            used += (size_t)snprintf(name + used, sizeof name - used, "%s ", t->tok[q].norm);
        if (used < sizeof name)
            used += (size_t)snprintf(name + used, sizeof name - used, "في");
        for (size_t q = a; q < k && used < sizeof name; q++)
            used += (size_t)snprintf(name + used, sizeof name - used, " %s", t->tok[q].norm);
        if (used >= sizeof name)
            return outlet;
        size_t mi = listed_outlet_named(d, name);
        if (mi < d->m->n_sources) {
            size_t seated = known_source(d, mi);
            if (seated == EXTRACT_NO_INDEX)
                return outlet;
            /* the pass read the same words, and the anaphors of them
             * ("نقلت الوكالة"), as the other one: under this dateline they
             * are this one, once for the text */
            for (size_t m = 0; m < r->n_source_mentions; m++)
                if (r->source_mentions[m].source == outlet)
                    r->source_mentions[m].source = seated;
            for (size_t q = 0; q < t->n_tok; q++)
                if (d->speaker[q] == outlet)
                    d->speaker[q] = seated;
            return seated;
        }
    }
    return outlet;
}

/* Are tokens [a, b) one to three words that may name an outlet: no given
 * name or title (a reporter's byline), no number? */
static bool outlet_name_words(const doc_state *d, size_t a, size_t b)
{
    const text *t = d->t;
    trim_punct(t, &a, &b);
    if (a >= b || b - a > 3)
        return false;
    for (size_t q = a; q < b; q++) {
        /* digits glued to the word before are part of the name: «دارفور24» */
        if (q > a && t->tok[q].kind == TOK_NUMBER && t->tok[q].sp.start == t->tok[q - 1].sp.end)
            continue;
        speaker_form form = form_at(d, q, NULL);
        if (t->tok[q].kind != TOK_WORD || form == FORM_GIVEN || form == FORM_TITLE ||
            stages_word_in(d, q, FW_DESK))
            return false;
    }
    return true;
}

/* The outlet a dateline names at tokens [n0, n1), punctuation around it
 * (quotes, dashes) aside, the list not knowing it: scored as a dateline's. */
static void score_unknown_outlet(doc_state *d, pass *p, size_t n0, size_t n1)
{
    const text *t = d->t;
    trim_punct(t, &n0, &n1);
    if (n0 >= n1)
        return;
    span sp = {t->tok[n0].sp.start, t->tok[n1 - 1].sp.end};
    size_t src = discovered_source(d, sp, "outlet", EXTRACT_NO_INDEX);
    if (src != EXTRACT_NO_INDEX && add_mention(d, src, sp, n0, n1, ROLE_MENTIONED))
        score_outlet(d, p, src, DATELINE_POINTS);
}

/* Are tokens [a, b) a name between quotation marks or guillemets? */
static bool quoted_name(const text *t, size_t a, size_t b)
{
    return b >= a + 3 &&
           (is_punct(t, a, 0x00AB) || is_punct(t, a, '"') || is_punct(t, a, 0x201C)) &&
           (is_punct(t, b - 1, 0x00BB) || is_punct(t, b - 1, '"') || is_punct(t, b - 1, 0x201D));
}

/* Are tokens [a, b), punctuation around them aside, a place's name and
 * nothing more ("حلب - سوريا": two places, no outlet)? */
static bool place_alone(const doc_state *d, size_t a, size_t b)
{
    const text *t = d->t;
    trim_punct(t, &a, &b);
    lexicon_match gm;
    return a < b && lexicon_match_at(d->m->gazetteer, t, a, PROCLITICS_NONE, &gm) &&
           gm.tok_first == a && gm.tok_end == b;
}

/* Do tokens [a, b), punctuation around them aside, name something after a
 * place, the place opening the name and more words or digits after it
 * ("ليبيا الأحرار", "الصومال الجديد", "دارفور24")? A person's name never
 * opens with a place; a place alone ("حلب - سوريا") names no outlet. */
static bool named_after_a_place(const doc_state *d, size_t a, size_t b)
{
    const text *t = d->t;
    trim_punct(t, &a, &b);
    lexicon_match gm;
    return a < b && lexicon_match_at(d->m->gazetteer, t, a, PROCLITICS_NONE, &gm) &&
           gm.tok_first == a && gm.tok_end < b;
}

/* A dateline naming an outlet the list does not know, where the order
 * tells an outlet from a reporter's byline ("PLACE - REPORTER"): "OUTLET -
 * PLACE" or "OUTLET: PLACE", "DESK - OUTLET" ("متابعات - X"), "PLACE
 * _OUTLET" with the underscore of a signature, and "PLACE - X" when the
 * text calls X by its correspondent ("مراسل X"). The line [a, b) is split
 * into [a, k) and [r, b): r is k + 1 past a separator token, k past a
 * tatweel between tokens. */
/* Does the text call the words [r, b) of a dateline by its correspondent
 * ("ريف دمشق - صوت العاصمة ... وقال مراسل صوت العاصمة")? A reporter has
 * no correspondent: the name is the outlet's. One walk of the text, for a
 * dateline of the first lines only. */
static bool called_by_correspondent(const doc_state *d, size_t r, size_t b)
{
    const text *t = d->t;
    size_t len = b - r;
    /* "مراسل محمد الأحمد" names the correspondent himself */
    if (len == 0 || len > 4 || form_at(d, r, NULL) == FORM_GIVEN ||
        form_at(d, r, NULL) == FORM_TITLE)
        return false;
    for (size_t q = b; q + len < t->n_tok; q++) {
        if (!stages_word_is(t, q,
                            (const char *const[]){"مراسل", "ومراسل", "مراسله", "لمراسل", NULL}))
            continue;
        size_t w = 0;
        while (w < len && t->tok[q + 1 + w].kind == t->tok[r + w].kind &&
               !strcmp(t->tok[q + 1 + w].norm, t->tok[r + w].norm))
            w++;
        if (w == len)
            return true;
    }
    return false;
}

static void unknown_outlet(doc_state *d, pass *p, size_t a, size_t k, size_t r, size_t b)
{
    const text *t = d->t;
    size_t n0 = EXTRACT_NO_INDEX, n1 = 0;
    if (place_or_desk(d, r, b) && !(r + 1 == b && stages_word_in(d, r, FW_DESK)) &&
        outlet_name_words(d, a, k) && !place_alone(d, a, k)) {
        n0 = a;
        n1 = k;
    } else if (place_or_desk(d, a, k) && outlet_name_words(d, r, b) &&
               ((r > k && is_punct(t, k, '_')) || (k == a + 1 && stages_word_in(d, a, FW_DESK)) ||
                quoted_name(t, r, b) || named_after_a_place(d, r, b) ||
                called_by_correspondent(d, r, b))) {
        /* "PLACE - «X»": a reporter's byline is never quoted, nor does it
         * open with a place */
        n0 = r;
        n1 = b;
    }
    if (n0 == EXTRACT_NO_INDEX)
        return;
    score_unknown_outlet(d, p, n0, n1);
}

/* "الموصل/ محمد الجبوري/ الأناضول": a place, the reporter's byline of one
 * to four words, and a known outlet last, each after a separator. The line
 * [a, b) is split at its first separator into [a, k) and [r, b). Scores the
 * outlet and answers whether there was one. */
static bool signed_after_byline(doc_state *d, pass *p, size_t a, size_t k, size_t r, size_t b)
{
    const text *t = d->t;
    if (!place_or_desk(d, a, k))
        return false;
    for (size_t q = b; q-- > r + 1;) {
        size_t tail = q + 1;
        if (tatweel_before(t, q))
            tail = q;
        else if (!dateline_separator(t, q))
            continue;
        size_t words = 0;
        for (size_t w = r; w < q; w++) {
            if (t->tok[w].kind != TOK_WORD)
                return false;
            words++;
        }
        if (words == 0 || words > 4)
            return false;
        size_t outlet = outlet_filling(d, tail, b);
        if (outlet == EXTRACT_NO_INDEX)
            return false;
        score_outlet(d, p, outlet, DATELINE_POINTS);
        return true;
    }
    return false;
}

/* outlet_opening_the_text on the line that begins at token a: true when
 * the line opens as a dateline (a place and a dash), whatever follows. */
static bool outlet_opening_line(doc_state *d, pass *p, size_t a)
{
    const text *t = d->t;
    size_t n = t->n_tok, limit = a + d->m->windows[WIN_DATELINE_MAX_TOKENS];
    for (size_t k = a + 1; k < n && k < limit && !t->tok[k].newline_before; k++) {
        size_t r = tatweel_before(t, k) ? k : dateline_separator(t, k) ? k + 1 : 0;
        if (!r)
            continue;
        if (!place_or_desk(d, a, k))
            return false;
        size_t colon = r;
        while (colon < n && colon < r + 6 && !t->tok[colon].newline_before &&
               !is_punct(t, colon, ':'))
            colon++;
        if (colon >= n || !is_punct(t, colon, ':'))
            return true;
        size_t known = outlet_filling(d, r, colon);
        if (known != EXTRACT_NO_INDEX) {
            score_outlet(d, p, known, DATELINE_POINTS);
            return true;
        }
        bool quoted = colon >= r + 3 &&
                      (is_punct(t, r, 0x00AB) || is_punct(t, r, '"') || is_punct(t, r, 0x201C)) &&
                      (is_punct(t, colon - 1, 0x00BB) || is_punct(t, colon - 1, '"') ||
                       is_punct(t, colon - 1, 0x201D));
        if (quoted && outlet_name_words(d, r + 1, colon - 1))
            score_unknown_outlet(d, p, r, colon);
        return true;
    }
    return false;
}

/* "بيروت ـ «الحياة»: قتل ...", "القاهرة - بوابة الأهرام: أعلنت ..." opening
 * the text (or a line after its headline): a dateline run into the report,
 * a place, a dash (or a tatweel) and a name before the colon that opens
 * the report. The name is the outlet's when the list knows it as one, or
 * when it is in guillemets or quotation marks: a reporter's byline is never
 * quoted. */
static void outlet_opening_the_text(doc_state *d, pass *p)
{
    const text *t = d->t;
    size_t a = 0;
    for (size_t line = 0; line < d->m->windows[WIN_DATELINE_LINES] && a < t->n_tok; line++) {
        if (outlet_opening_line(d, p, a))
            return;
        do
            a++;
        while (a < t->n_tok && !t->tok[a].newline_before);
    }
}

/* A site's address in a dateline ("xeber24. Net", "example.com"): the
 * site publishes. Tokens [a, b) are a line at the top. */
static void score_web_address(doc_state *d, pass *p, size_t a, size_t b)
{
    static const char *const tlds[] = {"net", "com", "org", "info", "news", NULL};
    const text *t = d->t;
    for (size_t k = a; k + 2 < b; k++) {
        size_t dot = k + 1;
        /* a Latin name, perhaps with digits glued to it ("xeber24") */
        if (t->tok[k].kind != TOK_WORD || !(t->cp[t->tok[k].sp.start] < 0x80))
            continue;
        if (t->tok[dot].kind == TOK_NUMBER && t->tok[dot].sp.start == t->tok[k].sp.end)
            dot++;
        if (dot + 1 >= b || !is_punct(t, dot, '.'))
            continue;
        char tld[16] = {0};
        size_t len = strlen(t->tok[dot + 1].norm);
        if (t->tok[dot + 1].kind != TOK_WORD || len >= sizeof tld)
            continue;
        for (size_t c = 0; c < len; c++)
            tld[c] = (char)((t->tok[dot + 1].norm[c] >= 'A' && t->tok[dot + 1].norm[c] <= 'Z')
                                ? t->tok[dot + 1].norm[c] + 32
                                : t->tok[dot + 1].norm[c]);
        bool site = false;
        for (const char *const *w = tlds; *w && !site; w++)
            site = strcmp(tld, *w) == 0;
        if (!site)
            continue;
        span sp = {t->tok[k].sp.start, t->tok[dot - 1].sp.end};
        found f;
        lexicon_match lm;
        size_t src = known_at(d, k, &f, &lm) ? f.source
                                             : discovered_source(d, sp, "outlet", EXTRACT_NO_INDEX);
        if (src != EXTRACT_NO_INDEX && is_outlet_kind(&d->r->sources[src]) &&
            add_mention(d, src, sp, k, dot, ROLE_MENTIONED))
            score_outlet(d, p, src, DATELINE_POINTS);
        return;
    }
}

/* How many of the tokens [a, b) are in dates (numbers flagged as a date or
 * a year: "12 آذار/مارس 2024")? */
static size_t date_tokens_in(const doc_state *d, size_t a, size_t b)
{
    size_t count = 0;
    for (size_t k = 0; k < d->r->n_numbers; k++) {
        const number *num = &d->r->numbers[k];
        if (num->tok_first >= b)
            break;
        if (num->tok_first >= a && num->tok_end <= b &&
            (num->flags & (NUMFLAG_DATE | NUMFLAG_YEAR)))
            count += num->tok_end - num->tok_first;
    }
    return count;
}

/* "رام الله 12-3-2024 وفا- قتل ...", "نابلس-وفا-": a place (or a desk)
 * opening the first lines, perhaps a date, and a known outlet closed by a
 * dash, run into the report on the same line. Scores the outlet. */
static void run_in_dateline(doc_state *d, pass *p, size_t a, size_t b)
{
    const text *t = d->t;
    lexicon_match gm;
    size_t q;
    found of;
    lexicon_match om;
    /* "شفق نيوز/ أفاد مصدر ...": the outlet itself runs the report in */
    if (known_at(d, a, &of, &om) && !om.stripped && is_outlet_kind(&d->r->sources[of.source]) &&
        !strstr(model_field(om.entry, 6), "ambiguous") && om.tok_end + 1 < b &&
        dateline_separator(t, om.tok_end) && t->tok[om.tok_end + 1].kind == TOK_WORD) {
        add_mention(d, of.source, om.sp, a, om.tok_end, ROLE_MENTIONED);
        score_outlet(d, p, of.source, DATELINE_POINTS);
        return;
    }
    if (lexicon_match_at(d->m->gazetteer, t, a, PROCLITICS_NONE, &gm) && !gm.stripped)
        q = gm.tok_end;
    else if (stages_word_in(d, a, FW_DESK))
        q = a + 1;
    else
        return;
    /* the date between: numbers and their separators */
    for (size_t n = 0; q < b && n < 8 && t->tok[q].kind != TOK_WORD; n++)
        q++;
    found f;
    lexicon_match lm;
    if (q >= b || !known_at(d, q, &f, &lm) || lm.stripped ||
        !is_outlet_kind(&d->r->sources[f.source]) || lm.tok_end >= b ||
        !(dateline_separator(t, lm.tok_end) || tatweel_before(t, lm.tok_end)))
        return;
    add_mention(d, f.source, lm.sp, q, lm.tok_end, ROLE_MENTIONED);
    score_outlet(d, p, f.source, DATELINE_POINTS);
}

/* The outlet on the left of a dateline's dash, tokens [a, k): "القدس -
 * معا", "غزة - الأيام": a place of the gazetteer there is the city the
 * report is filed from, not the outlet its name makes with an outlet noun
 * (صحيفة القدس, the Jerusalem daily, written out as such); the word after
 * the dash is the outlet. A place the list knows by that bare name as an
 * outlet is still read as one. Its r->sources index, or NO_INDEX. */
static size_t dateline_left_outlet(doc_state *d, size_t a, size_t k)
{
    size_t a0 = a, k0 = k;
    trim_punct(d->t, &a0, &k0);
    found f;
    lexicon_match lm;
    if (a0 < k0 && place_or_desk(d, a0, k0) && !(known_at(d, a0, &f, &lm) && !lm.stripped))
        return EXTRACT_NO_INDEX;
    return outlet_filling(d, a, k);
}

/* The outlet named by a dateline, the signature of the news genre: a short
 * line at the top or the bottom, "PLACE - OUTLET", "OUTLET - PLACE", "متابعات
 * - OUTLET", "OUTLET - رصد", the outlet's name alone, or "(OUTLET)" opening
 * the first paragraph ("أتلانتا (CNN) --"). Only outlets the list knows: the
 * name after "PLACE -" is as often the reporter's. */
static void score_datelines(doc_state *d, pass *p)
{
    const text *t = d->t;
    const size_t top_lines = d->m->windows[WIN_DATELINE_LINES];
    size_t n = t->n_tok, line = 0;
    for (size_t a = 0; a < n && line < top_lines + 1;) {
        size_t b = a + 1;
        while (b < n && !t->tok[b].newline_before)
            b++;
        bool last = b == n;
        if (line < top_lines || last) {
            if (b - a <= d->m->windows[WIN_DATELINE_MAX_TOKENS]) {
                size_t whole = outlet_filling(d, a, b);
                if (whole != EXTRACT_NO_INDEX)
                    score_outlet(d, p, whole, DATELINE_POINTS);
                for (size_t k = a; k < b && whole == EXTRACT_NO_INDEX; k++) {
                    size_t r = k + 1; /* where the right side begins */
                    if (k > a && tatweel_before(t, k))
                        r = k;
                    else if (!dateline_separator(t, k))
                        continue;
                    size_t left = dateline_left_outlet(d, a, k), right = outlet_filling(d, r, b);
                    if (left != EXTRACT_NO_INDEX && place_or_desk(d, r, b))
                        score_outlet(d, p, left, DATELINE_POINTS);
                    else if (right != EXTRACT_NO_INDEX &&
                             (place_or_desk(d, a, k) || line < top_lines))
                        score_outlet(d, p, seated_outlet(d, a, k, right), DATELINE_POINTS);
                    else if (left != EXTRACT_NO_INDEX && line < top_lines)
                        score_outlet(d, p, left, DATELINE_POINTS);
                    else if (line < top_lines && left == EXTRACT_NO_INDEX &&
                             right == EXTRACT_NO_INDEX && !signed_after_byline(d, p, a, k, r, b))
                        unknown_outlet(d, p, a, k, r, b);
                    break;
                }
            }
            if (line < top_lines) {
                score_web_address(d, p, a, b);
                if (b - a > d->m->windows[WIN_DATELINE_MAX_TOKENS])
                    run_in_dateline(d, p, a, b);
            }
            /* "(CNN)", "(X / سبوتنيك - date)" in the first lines, a date
             * not counted ("دمشق، 12 آذار/مارس 2024 (أ ف ب) -") */
            size_t paren_at = d->m->windows[WIN_DATELINE_PAREN_AT];
            paren_at += date_tokens_in(d, a, b < a + 2 * paren_at ? b : a + 2 * paren_at);
            if (line < top_lines)
                for (size_t k = a; k < b && k <= a + paren_at; k++) {
                    if (!is_punct(t, k, '('))
                        continue;
                    /* "وذكرت وكالة الأنباء الصومالية (صونا) أن": the
                     * acronym of an agency just named, which is cited */
                    if (k > a && d->in_source[k - 1])
                        break;
                    for (size_t q = k + 1; q < b && !is_punct(t, q, ')'); q++) {
                        found f;
                        lexicon_match lm;
                        if (known_at(d, q, &f, &lm) && !lm.stripped &&
                            is_outlet_kind(&d->r->sources[f.source]) &&
                            (lm.tok_end >= b || is_punct(t, lm.tok_end, ')') ||
                             dateline_separator(t, lm.tok_end))) {
                            add_mention(d, f.source, lm.sp, q, lm.tok_end, ROLE_MENTIONED);
                            score_outlet(d, p, f.source, DATELINE_POINTS);
                            break;
                        }
                    }
                    break;
                }
        }
        line++;
        if (last)
            break;
        if (line >= top_lines) {
            /* jump to the last line */
            size_t z = n - 1;
            while (z > b && !t->tok[z].newline_before)
                z--;
            a = z > b ? z : b;
            line = top_lines;
            continue;
        }
        a = b;
    }
}

/* Mentions from index `from` on that repeat an earlier one (the same words
 * and source, read again after the pass) are dropped; nothing refers to
 * them yet. */
static void drop_repeated_mentions(doc_state *d, size_t from)
{
    size_t kept = from;
    for (size_t m = from; m < d->r->n_source_mentions; m++) {
        bool repeated = false;
        for (size_t e = 0; e < from && !repeated; e++)
            repeated = d->smention_toks[e].first == d->smention_toks[m].first &&
                       d->smention_toks[e].end == d->smention_toks[m].end &&
                       d->r->source_mentions[e].source == d->r->source_mentions[m].source;
        if (repeated)
            continue;
        d->r->source_mentions[kept] = d->r->source_mentions[m];
        d->smention_toks[kept++] = d->smention_toks[m];
    }
    d->r->n_source_mentions = kept;
}

/* "وتوزعت الحصيلة بحسب الجهات المسؤولة:", "توزع المعتقلون حسب
 * المحافظات": after a verb of distribution (figure_links.tsv) حسب is "by",
 * what the toll is broken down by, not who tells it. */
static bool distributed_before(const doc_state *d, size_t i)
{
    enum { DISTRIBUTED_REACH = 4 };
    const text *t = d->t;
    for (size_t k = i; k-- > 0 && i - k <= DISTRIBUTED_REACH &&
                       t->tok[k].sentence == t->tok[i].sentence && t->tok[k].kind == TOK_WORD;) {
        lexicon_match m;
        if (lexicon_match_at(d->m->figure_links, t, k, PROCLITICS_ALL, &m) &&
            !strcmp(model_field(m.entry, 1), "distribute"))
            return true;
    }
    return false;
}

static size_t lead_subject(doc_state *d, pass *p, size_t a);

/* Does a source of this kind publish its own releases (a ministry, an
 * agency of the UN, a monitor), so that a text it speaks first in and no
 * outlet signs may be its own? */
static bool publishes_releases(const extract_source *s)
{
    return !strcmp(s->kind, "ngo") || !strcmp(s->kind, "un") || !strcmp(s->kind, "government") ||
           !strcmp(s->kind, "civil_defence");
}

/* A text that quotes nobody and names no publisher, whose lead's subject is
 * a body that reports on its own work ("تمكن مشروع X من نزع 1140 لغما",
 * "وزعت منظمة X ..."): a press release, the body's statement. Armies and
 * armed groups acting in a lead are reported on, not reporting: none. */
static size_t release_author(doc_state *d, pass *p)
{
    const text *t = d->t;
    if (!t->n_tok)
        return EXTRACT_NO_INDEX;
    /* the lead: the first line, or the second after a short headline */
    size_t second = 1;
    while (second < t->n_tok && !t->tok[second].newline_before)
        second++;
    size_t starts[2] = {0, second <= 16 ? second : t->n_tok};
    for (size_t w = 0; w < 2; w++) {
        size_t got = lead_subject(d, p, starts[w]);
        if (got != EXTRACT_NO_INDEX || w == 1)
            return got == SIZE_MAX - 1 ? EXTRACT_NO_INDEX : got;
    }
    return EXTRACT_NO_INDEX;
}

/* The subject of the lead at token a for release_author: a body that
 * reports (its r->sources index); SIZE_MAX - 1 for a party that does not
 * report (an army acting); NO_INDEX for none. */
static size_t lead_subject(doc_state *d, pass *p, size_t a)
{
    const text *t = d->t;
    if (a >= t->n_tok)
        return EXTRACT_NO_INDEX;
    uint32_t s = t->tok[a].sentence;
    size_t reach = a + d->m->windows[WIN_RELEASE_SUBJECT_AT];
    for (size_t k = a; k < t->n_tok && k < reach && t->tok[k].sentence == s; k++) {
        found f = {EXTRACT_NO_INDEX, EXTRACT_NO_INDEX, 0, false};
        for (size_t m = 0; m < d->r->n_source_mentions && f.source == EXTRACT_NO_INDEX; m++)
            if (d->smention_toks[m].first == k)
                f.source = d->r->source_mentions[m].source;
        size_t before = d->r->n_source_mentions;
        /* a body's head after a number is what the number counts ("قصف
         * الطيران 3 مستشفيات"), no author */
        if (f.source == EXTRACT_NO_INDEX && form_at(d, k, NULL) == FORM_PARTY &&
            !number_ends_before(d, k) && !form_subject_at(d, p, k, &f))
            f.source = EXTRACT_NO_INDEX;
        drop_repeated_mentions(d, before);
        if (f.source == EXTRACT_NO_INDEX)
            continue;
        if (publishes_releases(&d->r->sources[f.source]))
            return f.source;
        return SIZE_MAX - 1;
    }
    return EXTRACT_NO_INDEX;
}

/* The rest of the sentence from token `from` is the narrator's background
 * (the outlet's), whoever spoke before it. Returns the token after the
 * sentence. */
static size_t narrate_rest_as(doc_state *d, size_t from, size_t narrator)
{
    const text *t = d->t;
    uint32_t s = t->tok[from].sentence;
    size_t k = from;
    for (; k < t->n_tok && t->tok[k].sentence == s; k++)
        d->speaker[k] = narrator;
    return k;
}

static size_t narrate_rest(doc_state *d, size_t from)
{
    return narrate_rest_as(d, from, d->r->outlet);
}

static int drop_unmentioned(doc_state *d);
static int merge_repeated_mentions(doc_state *d);

/* A paragraph no one is credited with, between a paragraph that ends with
 * a speaker and one that opens with the same speaker's reporting verb,
 * goes on with that statement ("أفاد الوزير بأن ..." / "وبخصوص الجرحى
 * فقد بلغ عددهم 200" / "وأشار الوزير إلى ..."): the paper breaks one
 * statement into paragraphs. Not when the next paragraph only credits
 * the speaker after the fact ("...، بحسب المصدر"): that may be the
 * paper's own background between. */
static void continue_statements(doc_state *d)
{
    const text *t = d->t;
    size_t n = t->n_tok;
    for (size_t a = 1; a < n;) {
        size_t b = a + 1;
        while (b < n && !t->tok[b].newline_before)
            b++;
        bool unattributed = t->tok[a].newline_before;
        for (size_t k = a; k < b && unattributed; k++)
            unattributed = d->speaker[k] == EXTRACT_NO_INDEX;
        size_t before = d->speaker[a - 1];
        lexicon_match am;
        bool resumes = b < n && t->tok[b].kind == TOK_WORD &&
                       lexicon_match_at(d->m->attribution, t, b, PROCLITICS_ALL, &am) &&
                       (!strcmp(model_field(am.entry, 2), "verb") ||
                        !strcmp(model_field(am.entry, 2), "carry"));
        if (unattributed && resumes && before != EXTRACT_NO_INDEX && before == d->speaker[b])
            for (size_t k = a; k < b; k++)
                d->speaker[k] = before;
        a = b;
    }
}

/* Does the attribution at i, whose subject ends at `end`, say it was
 * made in a statement ("قالت X في بيان إن", "أفاد بيان X أن")? Only the
 * few words before what is said are looked at. */
static bool in_a_statement(const doc_state *d, size_t i, size_t end)
{
    const text *t = d->t;
    uint32_t s = t->tok[i].sentence;
    size_t last = (end > i ? end : i) + 8;
    for (size_t k = i + 1; k < last && k + 1 < t->n_tok && t->tok[k].sentence == s; k++) {
        if (stages_word_in(d, k, FW_COMPLEMENTIZER))
            return false;
        /* a report is a statement too: "أعلن X في تقرير", then "وأضاف التقرير" */
        if (stages_word_is(t, k,
                           (const char *const[]){"بيان", "بيانه", "بيانها", "بلاغ", "تقرير",
                                                 "تقريره", "تقريرها", NULL}))
            return true;
    }
    return false;
}

/* Is a mention of source i followed by the words oname (normalised), or
 * by the head of a name of several words with the article? */
static bool followed_by_outlet(const doc_state *d, size_t i, const char *oname)
{
    const text *t = d->t;
    for (size_t m = 0; m < d->r->n_source_mentions; m++) {
        if (d->r->source_mentions[m].source != i)
            continue;
        size_t q = d->smention_toks[m].end;
        /* or the head of its name with the article ("مراسل التجمع" for
         * تجمع أحرار حوران), however far from the dateline */
        size_t head = strcspn(oname, " ");
        if (q < t->n_tok && t->tok[q].kind == TOK_WORD && oname[head] == ' ' &&
            !strncmp(t->tok[q].norm, "ال", strlen("ال")) &&
            strlen(t->tok[q].norm) == strlen("ال") + head &&
            !strncmp(t->tok[q].norm + strlen("ال"), oname, head))
            return true;
        const char *o = oname;
        while (*o && q < t->n_tok && t->tok[q].kind == TOK_WORD) {
            size_t len = strlen(t->tok[q].norm);
            if (strncmp(o, t->tok[q].norm, len) != 0 || (o[len] != ' ' && o[len] != '\0'))
                break;
            o += len + (o[len] == ' ');
            q++;
        }
        if (!*o)
            return true;
    }
    return false;
}

/* "بحسب ما أفاد مراسلنا", "مراسل وكالتنا", "مراسل التجمع" under the
 * dateline of تجمع أحرار حوران: the publisher's own correspondent is the
 * publisher speaking; merged into the outlet, when the text has one. 0, or
 * -1 out of memory. */
static int our_correspondent(doc_state *d)
{
    static const char *const ours[] = {"مراسلنا", "مراسلتنا", "مراسلونا", "مراسلينا", NULL};
    static const char *const correspondent[] = {"مراسل", "مراسله", NULL};
    static const char *const correspondents[] = {"مراسل", "مراسله", "مراسلو", "مراسلي", NULL};
    if (d->r->outlet == EXTRACT_NO_INDEX)
        return 0;
    /* the outlet keeps its name through the merges below, not its index */
    char oname[256];
    const extract_source *o = &d->r->sources[d->r->outlet];
    text_normalize(o->name, strlen(o->name), oname, sizeof oname);
    for (size_t i = 0; i < d->r->n_sources; i++) {
        char norm[256], full[256];
        const extract_source *s = &d->r->sources[i];
        if (i == d->r->outlet || strcmp(s->kind, "role") != 0)
            continue;
        text_normalize(s->name, strlen(s->name), full, sizeof full);
        memcpy(norm, full, strlen(full) + 1);
        char *space = strchr(norm, ' ');
        if (space)
            *space = '\0';
        /* "مراسل وكالتنا", "مراسلة قناتنا": the correspondent of our medium */
        static const char *const our_media[] = {"وكالتنا", "قناتنا", "موقعنا",
                                                "صحيفتنا", "شبكتنا", NULL};
        char *medium = space ? space + 1 : NULL, *after = medium ? strchr(medium, ' ') : NULL;
        if (after)
            *after = '\0';
        bool of_ours = medium && word_among(norm, correspondent) && word_among(medium, our_media);
        /* "درعا - تجمع أحرار حوران ... وأفاد مراسل التجمع": a correspondent
         * of the publisher referred back to by the head of its name is the
         * publisher; one who names it in full ("مراسل الجزيرة") stays. */
        o = &d->r->sources[d->r->outlet];
        bool of_outlet = word_among(norm, correspondents) && s->parent_id &&
                         strcmp(s->parent_id, o->id) == 0 && !strstr(full, oname);
        /* "ريف دمشق - صوت العاصمة ... وقال مراسل صوت العاصمة": a bare
         * correspondent followed by the name of an outlet found only in
         * the dateline */
        if (!of_outlet && !space && word_among(norm, correspondent))
            of_outlet = followed_by_outlet(d, i, oname);
        if (!word_among(norm, ours) && !of_ours && !of_outlet)
            continue;
        if (sources_merge_into(d, i, d->r->outlet) != 0)
            return -1;
        i--; /* the sources after i moved down */
    }
    return 0;
}

static size_t *sources_identity(const doc_state *d);
static int sources_merge(doc_state *d, const size_t *into);

/* Is token i the مع of an interview ("حوارا مع", "مقابلة مع", "لقاء مع")? */
static bool interview_with(const doc_state *d, size_t i)
{
    const text *t = d->t;
    return i > 0 && i + 1 < d->t->n_tok &&
           stages_word_is(t, i, (const char *const[]){"مع", NULL}) &&
           t->tok[i - 1].sentence == t->tok[i].sentence &&
           stages_word_is(t, i - 1,
                          (const char *const[]){"حوار", "حوارا", "مقابله", "لقاء", "لقاءا",
                                                "الحوار", "المقابله", "اللقاء", NULL});
}

/* How many function-and-holder pairs one document may join. */
#define HOLDERS_MAX 32

/* "وقال المتحدث العسكري إن ... وأضاف العقيد أحمد المسماري أن": a person
 * who goes on (أضاف، تابع) with the words of a spokesman no one was named
 * for is that spokesman. Is person the holder of role? */
static bool holder_goes_on(const doc_state *d, size_t role, size_t person)
{
    if (role == EXTRACT_NO_INDEX || role == person)
        return false;
    const extract_source *r = &d->r->sources[role], *s = &d->r->sources[person];
    if (strcmp(r->kind, "role") != 0 || strcmp(s->kind, "person") != 0)
        return false;
    /* a spokesman's function ("المتحدث العسكري", "الناطق باسم الجيش") */
    char norm[256];
    text_normalize(r->name, strlen(r->name), norm, sizeof norm);
    norm[strcspn(norm, " ")] = '\0';
    return word_among(norm,
                      (const char *const[]){"المتحدث", "الناطق", "المتحدثه", "الناطقه", NULL}) &&
           (!r->parent_id || !s->parent_id || !strcmp(r->parent_id, s->parent_id));
}

int sources_find(doc_state *d)
{
    size_t holders[HOLDERS_MAX][2];
    size_t n_holders = 0;
    const text *t = d->t;
    size_t n = t->n_tok;
    pass p = {EXTRACT_NO_INDEX,
              EXTRACT_NO_INDEX,
              EXTRACT_NO_INDEX,
              EXTRACT_NO_INDEX,
              NULL,
              0,
              0,
              EXTRACT_NO_INDEX,
              0,
              0,
              false,
              false,
              false,
              EXTRACT_NO_INDEX,
              0,
              0};
    d->model_to_result = malloc((d->m->n_sources + 1) * sizeof *d->model_to_result);
    if (!d->model_to_result)
        return -1;
    for (size_t i = 0; i < d->m->n_sources; i++)
        d->model_to_result[i] = EXTRACT_NO_INDEX;
    /* Scores are kept per r->sources index; sources never exceed the
     * model's list plus one discovered source per token. */
    p.score_cap = d->m->n_sources + n + 1;
    p.last_line_start = n ? n - 1 : 0;
    while (p.last_line_start > 0 && !t->tok[p.last_line_start].newline_before)
        p.last_line_start--;
    p.last_line_link = n;
    for (size_t k = p.last_line_start; k < n && p.last_line_link == n; k++)
        if (stages_word_is(t, k, (const char *const[]){"https", "http", "www", NULL}))
            p.last_line_link = k;
    p.outlet_score = calloc(p.score_cap, sizeof *p.outlet_score);
    bool *spoken = calloc(t->n_sentences + 1, sizeof *spoken);
    bool *in_statement = calloc(t->n_sentences + 1, sizeof *in_statement);
    bool *unread = calloc(n + 1, sizeof *unread); /* per token: an unread party's words */
    if (!p.outlet_score || !spoken || !in_statement || !unread) {
        free(p.outlet_score);
        free(spoken);
        free(in_statement);
        free(unread);
        return -1;
    }

    bool sentence_denied = false, sentence_spoken = false;
    size_t interviewee = EXTRACT_NO_INDEX; /* who answers an interview */
    uint32_t sentence = UINT32_MAX;
    size_t sentence_start = 0;
    /* A quote inside a statement may quote another speaker ("قال المرصد إن
     * "مصادر طبية أفادت بمقتل 5""): the inner speaker holds to the closing
     * mark, then the outer one speaks again. */
    bool in_quote = false, inner_spoke = false;
    size_t outer = EXTRACT_NO_INDEX;
    /* who claimed an attack in which sentence (FW_CLAIMS_ATTACK) */
    size_t attack_claimer = EXTRACT_NO_INDEX;
    uint32_t attack_claim_sentence = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        const token *tk = &t->tok[i];
        if (tk->newline_before) {
            p.current = EXTRACT_NO_INDEX; /* a new paragraph: the narrator speaks again */
            p.unread = false;
        }
        if (tk->newline_before)
            in_quote = false;
        /* "ج: قتلنا 30 عنصرا": an answer of the interview is the
         * interviewee's (a question, "س:", the narrator's) */
        if ((i == 0 || tk->newline_before) && interviewee != EXTRACT_NO_INDEX &&
            stages_word_is(t, i, (const char *const[]){"ج", NULL}) && is_punct(t, i + 1, ':'))
            p.current = interviewee;
        if (tk->kind == TOK_PUNCT) {
            uint32_t c = t->cp[tk->sp.start];
            bool opening = c == 0x00AB || c == 0x201C || (c == '"' && !in_quote);
            bool closing = c == 0x00BB || c == 0x201D || (c == '"' && in_quote);
            if (closing && in_quote) {
                if (inner_spoke)
                    p.current = outer;
                in_quote = false;
            } else if (opening && !in_quote) {
                in_quote = true;
                inner_spoke = false;
                outer = p.current;
            }
        }
        if (tk->sentence != sentence) {
            if (sentence != UINT32_MAX && sentence_spoken && sentence < t->n_sentences)
                spoken[sentence] = true;
            sentence = tk->sentence;
            sentence_denied = false;
            sentence_spoken = false;
            sentence_start = i;
            if (opens_other_story(d, i))
                p.current = EXTRACT_NO_INDEX;
        }
        if (tk->kind != TOK_PUNCT && i >= p.covered_until) {
            lexicon_match am;
            found f;
            size_t before = d->r->n_source_mentions;
            if (interview_with(d, i) &&
                (mention_at(d, &p, i + 1, true, &f) || form_subject_at(d, &p, i + 1, &f))) {
                /* "أجرت X حوارا مع القائد العسكري فلان": who answers */
                interviewee = f.source;
                p.covered_until = f.end;
            } else if (lexicon_match_at(d->m->attribution, t, i, PROCLITICS_ALL, &am) &&
                       !(has_article(t, i) && strcmp(model_field(am.entry, 2), "verb") == 0) &&
                       !(strcmp(model_field(am.entry, 2), "prep") == 0 &&
                         distributed_before(d, i))) {
                bool denied = strcmp(model_field(am.entry, 1), "denied") == 0;
                const char *akind = model_field(am.entry, 2);
                bool carrier = false;
                bool has_subject = subject_of(d, &p, &am, &f);
                /* "نفت X الاتهامات، واتهمت الجيش بقتل 11 مدنيا": whom an
                 * accusation names is the accused, not who speaks, while
                 * a speaker holds */
                if (has_subject && p.current != EXTRACT_NO_INDEX && accused_at(d, &am, &f))
                    has_subject = false;
                if (has_subject && strcmp(akind, "verb") == 0 &&
                    stages_word_in(d, i, FW_CLAIMS_ATTACK)) {
                    /* "تبنت الجماعة الهجوم الذي أسفر عن مقتل 15 جنديا": a
                     * party that claims an attack asserts the attack, not
                     * its toll, which stays with who gives it (a "بحسب"
                     * after it, the speaker before, the narrator); what
                     * the party goes on to say ("مؤكدة ...") is its own. */
                    p.last_speaker = attack_claimer = f.source;
                    attack_claim_sentence = sentence;
                    d->r->source_mentions[f.mention].role = ROLE_SPEAKER;
                } else if (has_subject &&
                           !(carrier =
                                 sentence_spoken && strcmp(akind, "prep") == 0 &&
                                 (is_outlet_kind(&d->r->sources[f.source]) || basis_at(d, &am)))) {
                    size_t relay = p.current;
                    if (!strcmp(akind, "carry") && n_holders < HOLDERS_MAX &&
                        holder_goes_on(d, relay != EXTRACT_NO_INDEX ? relay : p.last_speaker,
                                       f.source)) {
                        holders[n_holders][0] = relay != EXTRACT_NO_INDEX ? relay : p.last_speaker;
                        holders[n_holders++][1] = f.source;
                    }
                    p.current = p.last_speaker = f.source;
                    if (strcmp(akind, "report") == 0 || in_a_statement(d, i, f.end))
                        p.last_statement = f.source;
                    p.unread = false;
                    d->r->source_mentions[f.mention].role = ROLE_SPEAKER;
                    inner_spoke = in_quote && outer != EXTRACT_NO_INDEX;
                    /* "...، في حين أعلنت X ...": a speaker set against the
                     * sentence's own story does not own the lead, nor does
                     * one who denies it ("قتلت القوات 90 مسلحا، وهو ما نفته
                     * الفصائل"): the narrator is not who answers it. */
                    if (p.first_speaker == EXTRACT_NO_INDEX && !denied &&
                        !contrasted(d, i, sentence_start)) {
                        p.first_speaker = f.source;
                        if (coordinated_report(d, &am, sentence_start)) {
                            p.lead_not_theirs_from = sentence_start;
                            p.lead_not_theirs_to = i;
                        }
                    }
                    /* The first attribution of a sentence covers the words
                     * before it: "قتل 5 أشخاص ...، بحسب الدفاع المدني". */
                    if (!sentence_spoken && post_posed(d, &am, sentence_start))
                        for (size_t k = sentence_start; k < i; k++)
                            d->speaker[k] = f.source;
                    /* "قالت X إن 15 قتلوا، فيما نزح 250 ألفا، وفق Y": after
                     * a speaker, one put after a contrasted clause covers
                     * that clause */
                    else if (sentence_spoken && strcmp(akind, "prep") == 0)
                        cite_after_speaker(d, relay, f.source, i, sentence_start);
                    sentence_spoken = true;
                } else if (!has_subject && strcmp(akind, "carry") == 0 &&
                           attack_claimer != EXTRACT_NO_INDEX &&
                           attack_claim_sentence == sentence) {
                    /* "تبنت X الهجوم، مؤكدة إصابة 5 جنود" */
                    p.current = attack_claimer;
                } else if (!has_subject &&
                           (strcmp(akind, "carry") == 0 ||
                            (strcmp(akind, "verb") == 0 && am.stripped &&
                             strncmp(t->tok[i].norm, "و", strlen("و")) == 0 &&
                             hidden_subject(d, &am))) &&
                           !sentence_spoken && i > sentence_start && is_comma(t, i - 1) &&
                           clause_subject(d, &p, sentence_start, i, &f)) {
                    /* "وهاجمت قسد مواقع التنظيم، مؤكدة مقتل 20 عنصرا", and
                     * a verb of saying joined to the clause with its
                     * subject hidden: "وتراجعت الوزارة عن حصيلتها، وقالت
                     * إن 12 قتلوا" */
                    p.current = p.last_speaker = f.source;
                    if (p.first_speaker == EXTRACT_NO_INDEX)
                        p.first_speaker = f.source;
                    d->r->source_mentions[f.mention].role = ROLE_SPEAKER;
                    sentence_spoken = true;
                } else if (!has_subject && strcmp(akind, "verb") == 0 && !am.stripped &&
                           !hidden_subject(d, &am) && answer_opener(d, sentence_start, i)) {
                    /* "من جانبها، قالت عملية X إن ...": another party
                     * answers, one not read; not the narrator */
                    p.current = EXTRACT_NO_INDEX;
                    p.unread = true;
                    sentence_spoken = true;
                } else if (!carrier && !p.unread && p.current == EXTRACT_NO_INDEX &&
                           p.last_speaker != EXTRACT_NO_INDEX &&
                           (strcmp(akind, "verb") == 0 || strcmp(akind, "carry") == 0) &&
                           hidden_subject(d, &am)) {
                    /* "وأضاف أن ...", "وقال إن ..." opening a paragraph: the
                     * verb's hidden subject is the last speaker. */
                    p.current = p.last_speaker;
                    for (size_t k = sentence_start; k < i && !sentence_spoken; k++)
                        d->speaker[k] = p.current;
                    sentence_spoken = true;
                } else if (!carrier && p.current != EXTRACT_NO_INDEX &&
                           (strcmp(akind, "verb") == 0 || strcmp(akind, "carry") == 0) &&
                           hidden_subject(d, &am)) {
                    /* "وأضاف أن ..." while a speaker holds: the sentence is
                     * still theirs, said, not narrated */
                    sentence_spoken = true;
                }
                /* "نفت الوزارة تقارير تحدثت عن مقتل 200": the verb tells
                 * what the reports denied say; the denial holds */
                bool of_denied_report = sentence_denied && !denied && !has_subject && i > 0 &&
                                        t->tok[i - 1].sentence == sentence &&
                                        !has_article(t, i - 1) &&
                                        form_at(d, i - 1, NULL) == FORM_MEDIUM;
                if ((p.current != EXTRACT_NO_INDEX || denied) && !of_denied_report)
                    sentence_denied = denied;
                if (p.covered_until < am.tok_end)
                    p.covered_until = am.tok_end;
            } else if (mention_at(d, &p, i, false, &f) ||
                       (((opens_clause(d, i, sentence_start) && speaks_next(d, i)) ||
                         relayed_subject_at(d, i)) &&
                        form_subject_at(d, &p, i, &f))) {
                p.covered_until = f.end;
                /* "حميميم: ..." — a source and a colon introduce its words. */
                /* Not when it is the genitive of a noun or the object of a
                 * preposition ("على موقع وزارة الدفاع: ..."). */
                size_t at = d->smention_toks[f.mention].first;
                bool governed = at > 0 && !t->tok[at].newline_before &&
                                t->tok[at - 1].kind == TOK_WORD && !has_article(t, at - 1);
                /* nor when it labels a row of a table ("- قوات النظام: 42
                 * مدنيا"): who did it, or where, not who speaks */
                bool row_label = at > 0 && stages_bulleted(t, at - 1) &&
                                 (at == 1 || t->tok[at - 1].newline_before) && f.end + 1 < n &&
                                 t->tok[f.end + 1].kind == TOK_NUMBER;
                if (is_punct(t, f.end, ':') && !governed && !row_label) {
                    p.current = p.last_speaker = f.source;
                    sentence_spoken = true;
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
        unread[i] = p.unread && p.current == EXTRACT_NO_INDEX;
    }
    if (sentence != UINT32_MAX && sentence_spoken && sentence < t->n_sentences)
        spoken[sentence] = true;

    continue_statements(d);
    score_datelines(d, &p);
    outlet_opening_the_text(d, &p);
    d->r->outlet = choose_outlet(d, &p);
    if (d->r->outlet != EXTRACT_NO_INDEX)
        for (size_t m = 0; m < d->r->n_source_mentions; m++)
            if (d->r->source_mentions[m].source == d->r->outlet &&
                d->r->source_mentions[m].role == ROLE_MENTIONED)
                d->r->source_mentions[m].role = ROLE_OUTLET;
    size_t narrator = d->r->outlet != EXTRACT_NO_INDEX ? d->r->outlet : p.first_speaker;
    if (narrator == EXTRACT_NO_INDEX)
        narrator = release_author(d, &p);
    bool first_narrates = d->r->outlet == EXTRACT_NO_INDEX && narrator == p.first_speaker;
    /* Sentences a statement reaches into before the narrator fills the
     * rest: a "وكان ... قد" there goes on with what the speaker recounts. */
    for (size_t i = 0; i < n; i++) {
        uint32_t si = t->tok[i].sentence;
        if (si < t->n_sentences && (i == 0 || t->tok[i - 1].sentence != si))
            in_statement[si] = !t->tok[i].newline_before && d->speaker[i] != EXTRACT_NO_INDEX;
    }
    d->narrated_lead_end = 0;
    if (narrator != EXTRACT_NO_INDEX && narrator == d->r->outlet)
        while (d->narrated_lead_end < n && d->speaker[d->narrated_lead_end] == EXTRACT_NO_INDEX)
            d->narrated_lead_end++;
    /* "بغداد - رويترز: قتل 5 ... . وذكرت خلية الإعلام الأمني أن الغارة
     * استهدفت ...": the outlet's unattributed lead sums up the statement
     * that opens the next sentence and gives its details, whose party
     * asserts it; not one that denies it, nor one that gives counts of its
     * own (another toll: the lead is the outlet's) */
    size_t lead = d->narrated_lead_end;
    if (lead > 0 && lead < n && t->tok[lead].sentence == t->tok[lead - 1].sentence + 1 &&
        d->speaker[lead] != narrator && !d->denied[lead]) {
        uint32_t next = t->tok[lead].sentence;
        bool counts = false;
        for (size_t k = 0; k < d->r->n_numbers && !counts; k++)
            counts = t->tok[d->r->numbers[k].tok_first].sentence == next;
        for (size_t i = lead; !counts && i-- > 0 && t->tok[i].sentence == next - 1;)
            d->speaker[i] = d->speaker[lead];
    }
    for (size_t i = 0; i < n; i++)
        if (d->speaker[i] == EXTRACT_NO_INDEX &&
            !(first_narrates && i >= p.lead_not_theirs_from && i < p.lead_not_theirs_to) &&
            !unread[i])
            d->speaker[i] = narrator;
    /* "وكانت 21 امرأة اختطفن ..." — a sentence opened by كان recounts what
     * happened before, one opened by "وفي سياق منفصل" another story: the
     * narrator's, not the statement's, unless it is attributed itself
     * ("وكانت الوزارة أعلنت ...") or a statement goes on into it within
     * its paragraph ("قال X إن ... . وكان ... قد أدى إلى مقتل 4"). */
    for (size_t i = 0; i < n; i++) {
        uint32_t si = t->tok[i].sentence;
        if ((i > 0 && t->tok[i - 1].sentence == si) || si >= t->n_sentences || spoken[si])
            continue;
        bool background = stages_word_in(d, i, FW_BACKGROUND_OPENER) && !in_statement[si];
        if (!background && !opens_other_story(d, i))
            continue;
        size_t k = narrate_rest(d, i);
        /* opening its paragraph, the background goes on through the
         * sentences after it that quote no one: the outlet's, or those of
         * a body's own release, not a quoted first speaker's */
        size_t background_narrator = first_narrates && narrator != EXTRACT_NO_INDEX &&
                                             publishes_releases(&d->r->sources[narrator])
                                         ? narrator
                                         : d->r->outlet;
        if (background && (i == 0 || t->tok[i].newline_before))
            while (k < n && !t->tok[k].newline_before && t->tok[k].sentence < t->n_sentences &&
                   !spoken[t->tok[k].sentence] && !in_statement[t->tok[k].sentence])
                k = narrate_rest_as(d, k, background_narrator);
        i = k - 1;
    }
    /* "... النزاع الدامي الذي تشهده البلاد منذ 2011 وتسبب بمقتل ..." — a
     * relative clause on the war as a whole, in a sentence no party is
     * quoted in, is the narrator's background: the toll of the conflict
     * is not carried over from the last speaker. */
    for (size_t i = 0; i < n; i++) {
        uint32_t si = t->tok[i].sentence;
        if (si >= t->n_sentences || spoken[si] || !stages_word_in(d, i, FW_CONFLICT_NOUN))
            continue;
        size_t rel = i + 1; /* past at most two adjectives: النزاع المسلح الدامي الذي */
        while (rel < n && rel <= i + 3 && t->tok[rel].sentence == si &&
               t->tok[rel].kind == TOK_WORD && !stages_word_in(d, rel, FW_RELATIVE_PRONOUN))
            rel++;
        if (rel >= n || t->tok[rel].sentence != si || !stages_word_in(d, rel, FW_RELATIVE_PRONOUN))
            continue;
        narrate_rest(d, rel);
        i = rel;
    }
    /* "... الهدنة التي يتم بموجبها تبادل 30 رهينة مقابل 90 أسيرا": the
     * terms of a deal, in a sentence no party is quoted in, are what was
     * agreed, not a toll the last speaker claims. */
    for (size_t i = 0; i < n; i++) {
        uint32_t si = t->tok[i].sentence;
        if (si >= t->n_sentences || spoken[si] || !stages_word_in(d, i, FW_AGREEMENT_TERMS))
            continue;
        i = narrate_rest(d, i) - 1;
    }
    /* "وقتل مطلع العام المنصرم 14 مدنيا ...": a sentence no party
     * is quoted in that dates its event to a point of an earlier month or
     * year recounts background, not the last speaker's claim. */
    for (size_t i = 0; i + 2 < n; i++) {
        uint32_t si = t->tok[i].sentence;
        if (si >= t->n_sentences || spoken[si] || !stages_word_in(d, i, FW_POINT_IN_PERIOD) ||
            !stages_word_in(d, i + 1, FW_PERIOD_NOUN) ||
            !stages_word_in(d, i + 2, FW_PAST_MARKER) || t->tok[i + 2].sentence != si)
            continue;
        size_t start = i;
        while (start > 0 && t->tok[start - 1].sentence == si)
            start--;
        i = narrate_rest(d, start) - 1;
    }
    free(spoken);
    free(in_statement);
    free(unread);
    free(p.outlet_score);
    if (n_holders > 0) {
        size_t *into = sources_identity(d);
        if (!into)
            return -1;
        for (size_t h = 0; h < n_holders; h++)
            if (into[holders[h][0]] == holders[h][0] && into[holders[h][1]] == holders[h][1])
                into[holders[h][0]] = holders[h][1];
        int rc = sources_merge(d, into);
        free(into);
        if (rc != 0)
            return -1;
    }
    if (our_correspondent(d) != 0 || merge_repeated_mentions(d) != 0)
        return -1;
    return drop_unmentioned(d);
}

static size_t renumbered(const size_t *to, size_t i)
{
    return i == EXTRACT_NO_INDEX ? i : to[i];
}

/* An into map for sources_merge that keeps every source (malloc'd; NULL
 * out of memory). */
static size_t *sources_identity(const doc_state *d)
{
    size_t *into = malloc((d->r->n_sources + 1) * sizeof *into);
    for (size_t i = 0; into && i < d->r->n_sources; i++)
        into[i] = i;
    return into;
}

/* Drops or merges sources of the document and renumbers all that points
 * into r->sources: mentions, figures' claimant and subject party, the
 * outlet, each token's speaker, the model's map. into[i] is i for a source
 * kept, another kept source's index to merge it there (its mentions and
 * claims go with it), or EXTRACT_NO_INDEX to drop it (what pointed to it
 * points to none; the caller keeps the dropped ones no source's parent).
 * 0, or -1 out of memory. */
/* Sources whose parent is `old` get `now` (NULL: none) as their parent. */
static void repoint_children(extract_result *r, const char *old, const char *now)
{
    for (size_t c = 0; c < r->n_sources; c++)
        if (r->sources[c].parent_id && !strcmp(r->sources[c].parent_id, old))
            r->sources[c].parent_id = now;
}

static int sources_merge(doc_state *d, const size_t *into)
{
    extract_result *r = d->r;
    size_t *to = malloc((r->n_sources + 1) * sizeof *to);
    if (!to)
        return -1;
    /* a child of a source merged into another is the other's, of one
     * dropped no one's: no parent id names a source that is gone */
    for (size_t i = 0; i < r->n_sources; i++)
        if (into[i] != i)
            repoint_children(r, r->sources[i].id,
                             into[i] == EXTRACT_NO_INDEX ? NULL : r->sources[into[i]].id);
    size_t kept = 0;
    for (size_t i = 0; i < r->n_sources; i++)
        to[i] = into[i] == i ? kept++ : EXTRACT_NO_INDEX;
    for (size_t i = 0; i < r->n_sources; i++) {
        if (into[i] != i && into[i] != EXTRACT_NO_INDEX)
            to[i] = to[into[i]];
        else if (into[i] == i)
            r->sources[to[i]] = r->sources[i];
    }
    /* the tokens of a dropped mention are no longer inside a source,
     * unless a kept mention covers them too */
    for (size_t m = 0; m < r->n_source_mentions; m++)
        if (to[r->source_mentions[m].source] == EXTRACT_NO_INDEX)
            for (size_t k = d->smention_toks[m].first; k < d->smention_toks[m].end; k++)
                d->in_source[k] = false;
    size_t kept_mentions = 0;
    for (size_t m = 0; m < r->n_source_mentions; m++) {
        size_t now = to[r->source_mentions[m].source];
        if (now == EXTRACT_NO_INDEX)
            continue;
        r->source_mentions[kept_mentions] = r->source_mentions[m];
        r->source_mentions[kept_mentions].source = now;
        d->smention_toks[kept_mentions] = d->smention_toks[m];
        for (size_t k = d->smention_toks[m].first; k < d->smention_toks[m].end; k++)
            d->in_source[k] = true;
        kept_mentions++;
    }
    r->n_sources = kept;
    r->n_source_mentions = kept_mentions;
    for (size_t f = 0; f < r->n_figures; f++) {
        r->figures[f].claimant = renumbered(to, r->figures[f].claimant);
        r->figures[f].subject_party = renumbered(to, r->figures[f].subject_party);
    }
    r->outlet = renumbered(to, r->outlet);
    for (size_t k = 0; k < d->t->n_tok; k++)
        d->speaker[k] = renumbered(to, d->speaker[k]);
    for (size_t i = 0; i < d->m->n_sources; i++)
        d->model_to_result[i] = renumbered(to, d->model_to_result[i]);
    free(to);
    return 0;
}

int sources_merge_into(doc_state *d, size_t from, size_t to)
{
    size_t *into = sources_identity(d);
    if (!into)
        return -1;
    into[from] = to;
    int rc = sources_merge(d, into);
    free(into);
    return rc;
}

/* Is source i the party another source of the document speaks for? */
static bool is_a_parent(const doc_state *d, size_t i)
{
    const extract_result *r = d->r;
    for (size_t s = 0; s < r->n_sources; s++)
        if (r->sources[s].parent_id && !strcmp(r->sources[s].parent_id, r->sources[i].id))
            return true;
    return false;
}

/* Does source i do more in the document than stand named: speak, publish,
 * claim or own a figure, or have a speaker of its own ("مصدر في X")? */
static bool source_has_role(const doc_state *d, size_t i)
{
    const extract_result *r = d->r;
    if (r->outlet == i)
        return true;
    for (size_t m = 0; m < r->n_source_mentions; m++)
        if (r->source_mentions[m].source == i && r->source_mentions[m].role != ROLE_MENTIONED)
            return true;
    for (size_t f = 0; f < r->n_figures; f++)
        if (r->figures[f].claimant == i || r->figures[f].subject_party == i)
            return true;
    return is_a_parent(d, i);
}

/* Source i, a generic party of another war, becomes a party of the text
 * named by the words of its first mention that speaks, else of its first,
 * of no bloc (the one already so named, when the text has one: into[i]
 * says which); so do the bloc and side its own speakers took from it. */
static int unbind_generic(doc_state *d, size_t i, size_t *into)
{
    extract_result *r = d->r;
    extract_source *s = &r->sources[i];
    size_t first = EXTRACT_NO_INDEX;
    for (size_t m = 0; m < r->n_source_mentions; m++)
        if (r->source_mentions[m].source == i &&
            (first == EXTRACT_NO_INDEX || (r->source_mentions[first].role == ROLE_MENTIONED &&
                                           r->source_mentions[m].role != ROLE_MENTIONED)))
            first = m;
    char *name =
        keep(d, first == EXTRACT_NO_INDEX ? strdup(s->name)
                                          : text_slice(d->t, r->source_mentions[first].sp));
    char id[DISCOVERED_ID_MAX];
    if (!name)
        return -1;
    discovered_id(name, s->kind, id);
    for (size_t same = 0; same < r->n_sources; same++)
        if (!strcmp(r->sources[same].id, id))
            into[i] = same;
    const char *owned_id = into[i] != i ? r->sources[into[i]].id : keep(d, strdup(id));
    if (!owned_id)
        return -1;
    for (size_t c = 0; c < r->n_sources; c++)
        if (r->sources[c].parent_id && !strcmp(r->sources[c].parent_id, s->id)) {
            r->sources[c].parent_id = owned_id;
            r->sources[c].affiliation = "unknown";
            r->sources[c].bloc = NULL;
        }
    for (size_t mi = 0; mi < d->m->n_sources; mi++)
        if (d->model_to_result[mi] == i)
            d->model_to_result[mi] = EXTRACT_NO_INDEX;
    *s = (extract_source){.id = owned_id, .name = name, .kind = s->kind, .affiliation = "unknown"};
    return 0;
}

/* Is source i named in the document, and only by names that name no war
 * (sources.tsv column local: "القوات الحكومية", "القيادة العامة"), never
 * by one that does ("الجيش السوري", "القوات الحكومية السورية")? Such a
 * party is, outside its war, as generic as a generic party of it. */
static bool named_only_locally(const doc_state *d, size_t i)
{
    const extract_result *r = d->r;
    bool named = false;
    for (size_t m = 0; m < r->n_source_mentions; m++) {
        if (r->source_mentions[m].source != i)
            continue;
        if (!model_name_is_local(d->m, d->t, d->smention_toks[m].first, d->smention_toks[m].end,
                                 r->sources[i].id))
            return false;
        named = true;
    }
    return named;
}

/* "وزارة الصحة" named bare, read by its form: every country has one, and
 * the report's war tells which (Gaza's, Sanaa's, Khartoum's). Its id is
 * made of its words and the war, so that the same words in reports of two
 * wars name two parties; the name stays as written (which of two bodies a
 * war may hold, Sanaa's or Aden's, the words do not tell). Only a body's
 * head and its genitive (two words): a longer name says which it is
 * itself. 0, or -1 out of memory. */
static int bind_bare_bodies(doc_state *d, const char *conflict)
{
    extract_result *r = d->r;
    for (size_t i = 0; i < r->n_sources; i++) {
        extract_source *s = &r->sources[i];
        if (strcmp(s->kind, "government") != 0 || is_known(d, i) || s->parent_id)
            continue;
        char norm[256], id[DISCOVERED_ID_MAX];
        text_normalize(s->name, strlen(s->name), norm, sizeof norm);
        const char *space = strchr(norm, ' ');
        if (!space || strchr(space + 1, ' ') || strncmp(space + 1, "ال", strlen("ال")) != 0)
            continue;
        size_t len = strlen(norm) + strlen(conflict) + 2;
        char *scoped = malloc(len);
        if (!scoped)
            return -1;
        snprintf(scoped, len, "%s@%s", norm, conflict);
        snprintf(id, sizeof id, "%s-%08llx", s->kind,
                 (unsigned long long)(fnv(scoped) & 0xffffffffu));
        free(scoped);
        size_t same = EXTRACT_NO_INDEX;
        for (size_t k = 0; k < r->n_sources && same == EXTRACT_NO_INDEX; k++)
            if (k != i && !strcmp(r->sources[k].id, id))
                same = k;
        if (same != EXTRACT_NO_INDEX) {
            if (sources_merge_into(d, i, same) != 0)
                return -1;
            i--; /* the sources after i moved down */
            continue;
        }
        char *owned = keep(d, strdup(id));
        if (!owned)
            return -1;
        repoint_children(r, s->id, owned);
        s->id = owned;
    }
    return 0;
}

/* The army that stands for a bloc of `conflict` as a whole (blocs.tsv
 * column whole: الجيش اللبناني for the Lebanese state), when the war is
 * fought in one country and only one army so stands for a bloc of it: a
 * report on Lebanon that names no army means by "قيادة الجيش" the Lebanese
 * army's command. Added to the document's sources; EXTRACT_NO_INDEX when
 * there is no such army, or more than one (Yemen's two). */
static size_t the_country_s_army(doc_state *d, const char *conflict)
{
    const extract_model *m = d->m;
    for (size_t k = 0; k < m->n_conflicts; k++)
        if (m->conflicts[k].id == conflict && strchr(m->conflicts[k].countries, '|'))
            return EXTRACT_NO_INDEX;
    size_t army = EXTRACT_NO_INDEX;
    for (size_t mi = 0; mi < m->n_sources; mi++) {
        const extract_source *s = &m->sources[mi];
        if (strcmp(s->kind, "military") != 0 || s->parent_id ||
            !model_bloc_fights_in(m, s->bloc, conflict) || !model_source_is_bloc_whole(m, s))
            continue;
        if (army != EXTRACT_NO_INDEX)
            return EXTRACT_NO_INDEX;
        army = mi;
    }
    return army == EXTRACT_NO_INDEX ? army : known_source(d, army);
}

/* The one army of `conflict` the document names by a name the list knows
 * (kind military, no parent, of a bloc fighting there): "قيادة الجيش" in
 * a report that names "الجيش اللبناني" is the command of that army, not
 * of Syria's. EXTRACT_NO_INDEX when it names none, or more than one. */
static size_t the_war_s_army(const doc_state *d, size_t except, const char *conflict)
{
    const extract_result *r = d->r;
    size_t army = EXTRACT_NO_INDEX;
    for (size_t j = 0; j < r->n_sources; j++) {
        const extract_source *s = &r->sources[j];
        if (j == except || strcmp(s->kind, "military") != 0 || s->parent_id ||
            !model_bloc_fights_in(d->m, s->bloc, conflict) || !is_known(d, j))
            continue;
        if (army != EXTRACT_NO_INDEX)
            return EXTRACT_NO_INDEX;
        army = j;
    }
    return army;
}

/* "القيادة العامة" in a Libyan report: a command named by no war's name
 * is the one party of `conflict` (a military body of a bloc fighting there,
 * of no parent) that the list names by those words and more ("القيادة
 * العامة للقوات المسلحة العربية الليبية": Haftar's command). The model's
 * index of that entry, or m->n_sources when none or more than one is. */
static size_t the_war_s_command(const doc_state *d, size_t i, const char *conflict)
{
    const extract_model *m = d->m;
    const extract_result *r = d->r;
    size_t mention = EXTRACT_NO_INDEX;
    for (size_t k = 0; k < r->n_source_mentions && mention == EXTRACT_NO_INDEX; k++)
        if (r->source_mentions[k].source == i)
            mention = k;
    if (mention == EXTRACT_NO_INDEX)
        return m->n_sources;
    char *words = text_slice(d->t, r->source_mentions[mention].sp);
    char norm[256];
    if (!words)
        return m->n_sources;
    text_normalize(words, strlen(words), norm, sizeof norm);
    free(words);
    size_t len = strlen(norm), found_at = m->n_sources, entry;
    const char *name;
    for (size_t k = 0; (name = lexicon_phrase_at(m->source_list, k, &entry)); k++) {
        const extract_source *s = &m->sources[entry];
        /* an armed group too: "الجيش الوطني" in a Syrian report is the
         * Turkish-backed الجيش الوطني السوري, not Yemen's army */
        if (strncmp(name, norm, len) != 0 || name[len] != ' ' || entry == found_at ||
            (strcmp(s->kind, "military") != 0 && strcmp(s->kind, "armed_group") != 0) ||
            s->parent_id || !model_bloc_fights_in(m, s->bloc, conflict))
            continue;
        if (found_at != m->n_sources)
            return m->n_sources;
        found_at = entry;
    }
    return found_at;
}

int sources_bind_generics(doc_state *d, const char *conflict)
{
    extract_result *r = d->r;
    if (!conflict || !r->n_sources)
        return 0;
    if (bind_bare_bodies(d, conflict) != 0)
        return -1;
    /* a command of no war's name, in a report that names no army of its
     * own war, is that of the country's army, added here to be merged in */
    for (size_t i = 0, n = r->n_sources; i < n; i++)
        if (!strcmp(r->sources[i].kind, "military") && named_only_locally(d, i) &&
            !model_bloc_fights_in(d->m, r->sources[i].bloc, conflict) &&
            the_war_s_army(d, i, conflict) == EXTRACT_NO_INDEX &&
            the_war_s_command(d, i, conflict) >= d->m->n_sources) {
            the_country_s_army(d, conflict);
            break;
        }
    /* and a command of no war's name that the war's own command extends,
     * added here too (into[] is sized after) */
    size_t n_before = r->n_sources;
    size_t *command = malloc((n_before + 1) * sizeof *command);
    if (!command)
        return -1;
    for (size_t i = 0; i < n_before; i++) {
        size_t mi = d->m->n_sources;
        command[i] = EXTRACT_NO_INDEX;
        if (!strcmp(r->sources[i].kind, "military") && named_only_locally(d, i) &&
            !model_bloc_fights_in(d->m, r->sources[i].bloc, conflict) &&
            (mi = the_war_s_command(d, i, conflict)) < d->m->n_sources)
            command[i] = known_source(d, mi);
    }
    size_t *into = sources_identity(d);
    if (!into) {
        free(command);
        return -1;
    }
    bool changed = false;
    int rc = 0;
    for (size_t i = 0; i < r->n_sources && rc == 0; i++) {
        const extract_source *s = &r->sources[i];
        if (!(model_source_is_war_generic(d->m, s) || named_only_locally(d, i)) ||
            model_bloc_fights_in(d->m, s->bloc, conflict))
            continue;
        size_t army = i < n_before && command[i] != EXTRACT_NO_INDEX ? command[i]
                      : !strcmp(s->kind, "military") && named_only_locally(d, i)
                          ? the_war_s_army(d, i, conflict)
                          : EXTRACT_NO_INDEX;
        if (army != EXTRACT_NO_INDEX)
            into[i] = army;
        else if (source_has_role(d, i))
            rc = unbind_generic(d, i, into);
        else
            into[i] = EXTRACT_NO_INDEX;
        changed |= into[i] != i;
    }
    if (rc == 0 && changed)
        rc = sources_merge(d, into);
    free(into);
    free(command);
    return rc;
}

/* A mention of the source and span of another: where two rules read one
 * name (the scan of the text, then the dateline's), it is kept once, in
 * the place of the first, with the role that says most. Run once all is
 * read (drop_repeated_mentions drops a pass's own repeats at once). */
typedef struct mention_key {
    uint32_t start, end;
    size_t source, index;
} mention_key;

static int by_span_and_source(const void *a, const void *b)
{
    const mention_key *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int merge_repeated_mentions(doc_state *d)
{
    extract_result *r = d->r;
    size_t n = r->n_source_mentions;
    if (n < 2)
        return 0;
    mention_key *keys = malloc(n * sizeof *keys);
    bool *repeated = calloc(n, sizeof *repeated);
    if (!keys || !repeated) {
        free(keys);
        free(repeated);
        return -1;
    }
    for (size_t m = 0; m < n; m++)
        keys[m] = (mention_key){r->source_mentions[m].sp.start, r->source_mentions[m].sp.end,
                                r->source_mentions[m].source, m};
    qsort(keys, n, sizeof *keys, by_span_and_source);
    for (size_t k = 1; k < n; k++) {
        const mention_key *a = &keys[k - 1], *b = &keys[k];
        if (a->start != b->start || a->end != b->end || a->source != b->source)
            continue;
        /* the run's first keeps its index in keys[k - 1] (sorted, it is
         * the earliest recorded), passed down the run */
        size_t kept = a->index, again = b->index;
        keys[k].index = kept;
        repeated[again] = true;
        extract_source_mention *into = &r->source_mentions[kept];
        if (into->role == ROLE_MENTIONED)
            into->role = r->source_mentions[again].role;
    }
    size_t w = 0;
    for (size_t m = 0; m < n; m++) {
        if (repeated[m])
            continue;
        r->source_mentions[w] = r->source_mentions[m];
        d->smention_toks[w] = d->smention_toks[m];
        w++;
    }
    r->n_source_mentions = w;
    free(keys);
    free(repeated);
    return 0;
}

/* A source is registered when its name is read, before the reading is
 * kept: a name tried and refused (وام, the Emirates' agency, in "(X وأم Y)"
 * opening a text, read as a dateline's outlet and refused as no outlet)
 * stays registered with no mention. Such a source is no party the text
 * names: dropped, unless it publishes or another speaks for it. */
static int drop_unmentioned(doc_state *d)
{
    extract_result *r = d->r;
    size_t *into = sources_identity(d);
    if (!into)
        return -1;
    bool any = false;
    for (size_t i = 0; i < r->n_sources; i++) {
        bool mentioned = r->outlet == i || is_a_parent(d, i);
        for (size_t m = 0; m < r->n_source_mentions && !mentioned; m++)
            mentioned = r->source_mentions[m].source == i;
        if (!mentioned)
            into[i] = EXTRACT_NO_INDEX;
        any |= !mentioned;
    }
    int rc = any ? sources_merge(d, into) : 0;
    free(into);
    return rc;
}
