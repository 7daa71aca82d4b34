/* places.c — place names of the gazetteer in a document.
 *
 * Names are matched after normalisation with attached proclitics (بحلب,
 * والراموسة) and the longest name wins (مناشر منيان over منيان, ريف حلب
 * الغربي over حلب). A name that is also a common word (flagged ambiguous in
 * data/gazetteer.tsv: الصورة, المستودع) counts only in a place context: right
 * after a word of data/lexicon/place_context.tsv (حي, حاجز, منطقة, ...), or
 * as a further item of a list of places ("حاجزي الصورة والمستودع"); not
 * after a facility noun, whose own name, often a person's, follows it
 * ("مستشفى ناصر"), and not after a street, square or roundabout, which is
 * named after a city or a person ("شارع بغداد": the street's name). Words
 * already read as a source (حلب inside "غرفة عمليات فتح حلب") are not read
 * again as a place, but for a site only mentioned (not speaking) whose name
 * is the whole mention ("قاعدة حميميم" attacked), the area of a function
 * ("محافظ الأنبار") and a place glued to بـ or after في that closes a
 * body's name, where it sits ("المجلس المحلي بالفاشر", "مستشفى الشفاء في
 * غزة").
 *
 * A dual (حيي، بلدتي، مخيمي) names two places: its second item may be
 * named by the dual's singular and the item, as the gazetteer lists a
 * quarter whose bare name is a common word ("حيي الشجاعية والتفاح": حي
 * التفاح), and what follows the second after a comma is the next clause
 * ("، وأسفرت"), not a third unknown place. So may the second item after a
 * singular noun the writer lets stand for both ("معبر رفح والمصنع").
 *
 * A town followed by ومخيمها names its camp too ("جنين ومخيمها": مخيم
 * جنين), as the gazetteer names it; so does each town of a list after the
 * plural or dual of camps ("مخيمات جنين وطولكرم ونور شمس"، "مخيمي نور شمس
 * وطولكرم").
 *
 * A region is also named with the adjective of its direction: "جنوبي لبنان"
 * is the gazetteer's "جنوب لبنان" (not for a country: جنوبي السودان).
 *
 * A town name shaped like an imperfect verb (تدمر "destroys") between a
 * definite subject and a count is the verb ("الجيش تدمر 40 آلية").
 *
 * A town name closing a kunya ("أبو عمر سراقب") is part of a person's name,
 * and an indefinite name in ـية after another nisba is an adjective
 * ("طائرات روسية وسورية").
 *
 * A name is not a place when it carries tanween (روسيًا, "Russian-ly": place
 * names are definite or diptote), names a medium, a time zone or a make
 * (قناة ليبيا الوطنية, بتوقيت القدس, صواريخ من نوع فلسطين 2), or begins an
 * organisation (قوات سوريا
 * الديمقراطية); after a noun with tanween a name is its adjective
 * ("مقاتلاً سوريا"), and so is an indefinite ـية after an indefinite noun in
 * ـة or after غير ("ممرضة سورية", "غير سورية").
 *
 * A place not in the gazetteer is found by its context (data/lexicon/
 * place_context.tsv, roles `name`, `names`, `site`, `part`): "قرية X",
 * "قرى X وY", "شارع الX", "تل X". It is served in
 * extract_result.unresolved_places, without coordinates; an item of a list
 * may bring its own noun ("قرى X ومزرعة Y وZ": Y is a farm, and Z is still
 * a village). A known indefinite name right after a town's noun that opens
 * such a two-word name ("بلدة عدن يابال بإقليم شبيلي": the phrase ends after
 * the second word) is not the known place but the longer unknown one. X is
 * one word, or two when the first opens a compound name (أبو، عين، دير ...)
 * or the second is a definite direction or size
 * (الشرقية، الكبرى) or, after an indefinite first word, a definite genitive
 * (عيتا الشعب: closes_construct), and a given name after a title that closes
 * it (حوش السيد علي). X is not a function word, adjective or verb of the
 * `not` list, not indefinite with tanween, not a party's name (حاجزي
 * النظام: the owner), and not a nisba: an indefinite word in ـي (unless a
 * definite direction or size closes the name: منطقة X-ي السفلى), or in ـية
 * from a place of the gazetteer (مدينة سورية).
 *
 * Places that share a name (أريحا of Idlib and Jericho; الطيبة of the
 * Lebanese border and of the West Bank: extract/model.c ties them in a
 * ring) are told apart by the place said to hold the name ("أريحا في
 * الضفة الغربية", "الطيبة غرب جنين"), which then holds the text's bare
 * mentions of it too, else by the governorate and country the text's other
 * places name most (the dateline among them).
 */
#include "extract/stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *context_role(const lexicon_match *cm)
{
    return cm->entry->n_fields > 1 ? cm->entry->fields[1] : "-";
}

/* Does the context name a road or a street by the definite name after it? */
static bool names_site(const lexicon_match *cm)
{
    return strcmp(context_role(cm), "site") == 0 || strcmp(context_role(cm), "street") == 0;
}

static bool definite(const char *w);
static const char *context_kind(const lexicon_match *cm);

/* Is the name at token i a street's, right after an indefinite street,
 * square or roundabout word ("شارع بغداد", "دوار الخضر")? Streets are
 * named after cities and people: the name is the street's (served
 * unresolved by places_find_unresolved), not the place's. */
static bool names_street(const doc_state *d, size_t i)
{
    const text *t = d->t;
    if (i == 0 || t->tok[i - 1].kind != TOK_WORD || t->tok[i - 1].sentence != t->tok[i].sentence ||
        definite(t->tok[i - 1].norm))
        return false;
    lexicon_match cm;
    return lexicon_match_at(d->m->place_context, t, i - 1, PROCLITICS_ALL, &cm) &&
           cm.tok_end == i && strcmp(context_role(&cm), "street") == 0;
}

/* Quotes between the context and token i are fine. A definite road or
 * street noun before a definite word takes it as its adjective ("الطريق
 * الجديدة" "the new road", "الشارع الرئيسي"): a road is named in construct
 * (طريق المطار). */
bool places_after_context(const doc_state *d, size_t i)
{
    const text *t = d->t;
    size_t k = i;
    while (k > 0 && t->tok[k - 1].kind == TOK_PUNCT &&
           t->tok[k - 1].sentence == t->tok[i].sentence && t->cp[t->tok[k - 1].sp.start] != ',' &&
           t->cp[t->tok[k - 1].sp.start] != 0x060C)
        k--;
    for (size_t back = 1; back <= 3 && back <= k; back++) {
        lexicon_match cm;
        if (lexicon_match_at(d->m->place_context, t, k - back, PROCLITICS_ALL, &cm) &&
            cm.tok_end == k && strcmp(context_role(&cm), "not") != 0) {
            if (names_site(&cm) && back == 1 && definite(t->tok[k - 1].norm) &&
                definite(t->tok[i].norm))
                return false;
            /* "مستشفى ناصر": a facility's own name, often a person's */
            return strcmp(context_role(&cm), "facility") != 0;
        }
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

/* Is the name a weekday (الجمعة)? After a place and a comma it is the
 * dateline's day ("في إقليم كردستان، الجمعة،"), not a further place. */
static bool weekday(const doc_state *d, const lexicon_match *pm)
{
    lexicon_match dm;
    return lexicon_match_at(d->m->dates, d->t, pm->tok_first, PROCLITICS_ALL, &dm) &&
           dm.tok_end == pm->tok_end && dm.entry->n_fields > 1 &&
           strcmp(dm.entry->fields[1], "weekday") == 0;
}

/* Is token i the place part of a person's name: "أبو عمر سراقب", where a
 * kunya and a given name come before a nisba to a town? */
static bool in_kunya(const doc_state *d, size_t i)
{
    const text *t = d->t;
    /* not after a place whose name opens with the word (أم الأرانب وتراغن) */
    const extract_result *r = d->r;
    if (i < 2 || (r->n_places && d->place_toks[r->n_places - 1].end == i &&
                  d->place_toks[r->n_places - 1].first <= i - 2))
        return false;
    return t->tok[i - 1].kind == TOK_WORD && stages_word_in(d, i - 2, FW_KUNYA);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Is w, in ـية, the nisba of a gazetteer place: سورية of سوريا, لبنانية
 * of لبنان, يمنية of اليمن? */
static bool nisba_of_place(const doc_state *d, const char *w)
{
    if (!ends_with(w, "يه"))
        return false;
    char stem[TOKEN_NORM_MAX + 8];
    size_t n = strlen(w) - strlen("يه");
    static const char *const tails[] = {"", "يا", "ا", NULL};
    for (const char *const *tail = tails; *tail; tail++) {
        snprintf(stem, sizeof stem, "%.*s%s", (int)n, w, *tail);
        for (const char *const *art = (const char *const[]){"", "ال", NULL}; *art; art++) {
            char form[sizeof stem + 8];
            snprintf(form, sizeof form, "%s%s", *art, stem);
            if (lexicon_find(d->m->gazetteer, form))
                return true;
        }
    }
    return false;
}

/* Is token i, in ـية, a name right after the noun of a district, town,
 * village or city that is no nisba of a place: "مديرية مودية" is the
 * district of Mudiyah, where "مدينة سورية" is a Syrian city (and "مقبرة
 * عثمانية" an Ottoman cemetery)? */
static bool named_after_noun(const doc_state *d, size_t i)
{
    const text *t = d->t;
    lexicon_match cm;
    return i > 0 && ends_with(t->tok[i].norm, "يه") &&
           lexicon_match_at(d->m->place_context, t, i - 1, PROCLITICS_ALL, &cm) &&
           cm.tok_end == i && !strcmp(context_role(&cm), "name") && cm.entry->n_fields > 2 &&
           (!strcmp(cm.entry->fields[2], "district") || !strcmp(cm.entry->fields[2], "town") ||
            !strcmp(cm.entry->fields[2], "village") || !strcmp(cm.entry->fields[2], "city")) &&
           !nisba_of_place(d, t->tok[i].norm);
}

/* Is the name at token i (matched as `form`) a nisba adjective rather than a
 * place: indefinite, ending in ـية, and coordinated after another nisba
 * ("طائرات روسية وسورية": Syrian, not Syria)? */
static bool adjectival(const doc_state *d, size_t i, const lexicon_match *pm)
{
    const text *t = d->t;
    const char *w = t->tok[i].norm;
    if (pm->tok_end != i + 1 || !ends_with(w, "يه") || strncmp(w, "ال", strlen("ال")) == 0 ||
        strstr(w, "ال") == w + strlen("و"))
        return false;
    if (i == 0 || t->tok[i - 1].kind != TOK_WORD)
        return false;
    const char *prev = t->tok[i - 1].norm;
    return (ends_with(prev, "يه") || ends_with(prev, "يين") || ends_with(prev, "يون")) &&
           !named_after_noun(d, i);
}

/* Does token i carry tanween (ً ٌ ٍ), i.e. is it indefinite? */
static bool has_tanween(const text *t, size_t i)
{
    for (size_t c = t->tok[i].sp.start; c < t->tok[i].sp.end; c++)
        if (t->cp[c] >= 0x064B && t->cp[c] <= 0x064D)
            return true;
    return false;
}

/* Is token i one of `words`, as written or with a و glued to it? */
static bool word_in(const text *t, size_t i, const char *const *words)
{
    /* a و glued to the item of a list is not part of the word */
    if (stages_word_is(t, i, words))
        return true;
    if (i >= t->n_tok || t->tok[i].kind != TOK_WORD ||
        strncmp(t->tok[i].norm, "و", strlen("و")) != 0)
        return false;
    const char *w = t->tok[i].norm;
    for (const char *const *x = words; *x; x++)
        if (strcmp(w + strlen("و"), *x) == 0)
            return true;
    return false;
}

/* Is the name at tokens [first, end) part of another name: a medium or a
 * time zone before it (قناة (ليبيا الوطنية), بتوقيت القدس), the first word of
 * a compound place name (تل ملح), or an organisation after it (قوات سوريا
 * الديمقراطية)? */
static bool in_other_name(const doc_state *d, size_t first, size_t end)
{
    const text *t = d->t;
    size_t k = first;
    while (k > 0 && t->tok[k - 1].kind == TOK_PUNCT && first - k < 2 &&
           t->tok[k - 1].sentence == t->tok[first].sentence)
        k--;
    /* with its proclitics: "في حديث لقناة X", "نشرت بصحيفة X" */
    if (k > 0 && stages_word_in_forms(d, k - 1, FW_NAME_BEFORE_PLACE))
        return true;
    /* تل ملح, عين X, كفر X: the word that opens a compound name makes a
     * place of its own, which the gazetteer would have matched whole; it
     * is read as an unknown place instead (places_find_unresolved) */
    if (k == first && first > 0 && t->tok[first - 1].kind == TOK_WORD &&
        t->tok[first - 1].sentence == t->tok[first].sentence &&
        (word_in(t, first - 1, d->m->word_sets[FW_COMPOUND_OPENER]) ||
         /* its genitive and accusative too: "ناحية أبي صيدا" is no Sidon */
         word_in(t, first - 1, d->m->word_sets[FW_KUNYA])))
        return true;
    return stages_word_in(d, end, FW_NAME_AFTER_PLACE);
}

/* An adjective, not a place: a one-word name right after a noun with
 * tanween, which cannot open a construct ("مقاتلاً سوريا", a Syrian
 * fighter); an indefinite ـية after an indefinite noun in ـة or a plural
 * in ـات, which takes it as its adjective ("ممرضة سورية", "جنسيات سورية"),
 * or after غير ("وغير سورية", non-Syrian); a definite ـية after a definite
 * word ("القوات السعودية"). */
static bool adjective_of_noun(const doc_state *d, size_t i, const lexicon_match *pm)
{
    const text *t = d->t;
    const char *w = t->tok[i].norm;
    if (pm->tok_end != i + 1 || i == 0 || t->tok[i - 1].kind != TOK_WORD ||
        t->tok[i - 1].sentence != t->tok[i].sentence)
        return false;
    if (strncmp(w, "ال", strlen("ال")) == 0)
        /* a definite name in ـية that agrees with the definite noun before
         * it ("الدفاعات الجوية السعودية", "القوات السعودية") */
        return ends_with(w, "يه") && !pm->stripped &&
               strncmp(t->tok[i - 1].norm, "ال", strlen("ال")) == 0 &&
               strlen(t->tok[i - 1].norm) >= strlen("الفعل"); /* not إلى, الذي */
    if (has_tanween(t, i - 1))
        return true;
    /* "حماة والسلمية": a definite name joined by و is a further item */
    if (!strncmp(w, "و", strlen("و")) && !strncmp(w + strlen("و"), "ال", strlen("ال")))
        return false;
    const char *prev = t->tok[i - 1].norm;
    /* after a noun of place, only the nisba of a place is its adjective */
    if (named_after_noun(d, i))
        return false;
    return ends_with(w, "يه") &&
           (((ends_with(prev, "ه") || ends_with(prev, "ات")) && !strstr(prev, "ال")) ||
            strcmp(prev, "غير") == 0 || strcmp(prev, "وغير") == 0);
}

/* Is the one-word name at pm the adjective of a noun of time or extent
 * before it: "على المدى القصير" "in the short run", "الأجل الطويل"? */
static bool adjective_of_extent(const doc_state *d, const lexicon_match *pm)
{
    /* as normalised: ى as ي, hamza on alef as alef */
    static const char *const extent[] = {"المدي", "الامد", "الاجل", "المنظور", "الوقت", NULL};
    size_t i = pm->tok_first;
    return pm->tok_end == i + 1 && !pm->stripped && i > 0 &&
           d->t->tok[i - 1].sentence == d->t->tok[i].sentence && word_in(d->t, i - 1, extent);
}

/* Is the one-word name at pm a verb in the perfect whose subject is news
 * that spreads (سرت "it spread": "سرت شائعات", "وسرت أنباء عن")? At the
 * head of its clause, bare, after و، ف or a particle (وقد، كما), and right
 * before the noun, or a phrase of where before a noun of rumour (وسرت في
 * الأوساط مخاوف). A
 * place before such a noun follows a preposition ("في حلب أنباء"). */
static bool verb_of_news(const doc_state *d, const lexicon_match *pm)
{
    /* as normalised: ئ as ي, ة as ه, hamza on alef as alef */
    static const char *const news[] = {"شايعات", "اشاعات", "انباء",  "اخبار", "مخاوف",
                                       "حاله",   "موجه",   "تكهنات", "اجواء", NULL};
    /* the news that a phrase of where may come before (سرت في الأوساط
     * مخاوف) */
    static const char *const rumours[] = {"شايعات", "اشاعات", "انباء", "اخبار",
                                          "مخاوف",  "تكهنات", NULL};
    enum { WHERE_TOKENS = 4 };
    const text *t = d->t;
    size_t i = pm->tok_first;
    if (pm->tok_end != i + 1 || i + 1 >= t->n_tok || t->tok[i + 1].kind != TOK_WORD ||
        t->tok[i + 1].sentence != t->tok[i].sentence)
        return false;
    bool subject = stages_word_is(t, i + 1, news);
    if (!subject && stages_word_is(t, i + 1, (const char *const[]){"في", "بين", NULL}))
        for (size_t k = i + 2; k <= i + 1 + WHERE_TOKENS && k < t->n_tok &&
                               t->tok[k].sentence == t->tok[i].sentence && !subject;
             k++)
            subject = stages_word_is(t, k, rumours);
    if (!subject)
        return false;
    /* particles that open a verbal clause: "وقد سرت أنباء" */
    static const char *const particles[] = {"قد", "وقد", "فقد", "لقد", "كما", "ثم", NULL};
    bool glued = pm->stripped && (strncmp(t->tok[i].norm, "و", strlen("و")) == 0 ||
                                  strncmp(t->tok[i].norm, "ف", strlen("ف")) == 0);
    if (!pm->stripped && i > 0 && t->tok[i - 1].sentence == t->tok[i].sentence &&
        stages_word_is(t, i - 1, particles))
        return true;
    return glued || (!pm->stripped && (i == 0 || t->tok[i - 1].kind != TOK_WORD ||
                                       t->tok[i - 1].sentence != t->tok[i].sentence));
}

bool places_fronted(const doc_state *d, size_t first, size_t end)
{
    const text *t = d->t;
    if (first == 0 || end >= t->n_tok ||
        !stages_word_is(t, first - 1, (const char *const[]){"في", "وفي", NULL}))
        return false;
    bool opens = first == 1 || t->tok[first - 1].newline_before ||
                 t->tok[first - 2].sentence != t->tok[first - 1].sentence;
    uint32_t c = t->tok[end].kind == TOK_PUNCT ? t->cp[t->tok[end].sp.start] : 0;
    return opens && (c == 0x060C || c == ',');
}

/* "وفي مخمور، قتل جنديان": only a place is fronted so; a word with the
 * article is fronted so too ("وفي الميدان، تواصلت المعارك": on the
 * ground), so an ambiguous name counts so only bare. */
static bool fronted_where(const doc_state *d, const lexicon_match *pm)
{
    return places_fronted(d, pm->tok_first, pm->tok_end) &&
           !definite(d->t->tok[pm->tok_first].norm);
}

/* Does the text right after the ambiguous name at pm, after a preposition,
 * say where it lies, as only a place's name is placed: a word of direction
 * or nearness then a place ("في مخمور جنوب غرب أربيل", "على الفولة قرب
 * بابنوسة"), or في or بـ and a state, governorate or region ("في الفولة
 * بولاية غرب كردفان") or the town the gazetteer puts it in ("في سوق الجمعة
 * بطرابلس")? */
static bool placed_after(const doc_state *d, const lexicon_match *pm)
{
    /* as normalised */
    static const char *const prepositions[] = {"في",  "الي",  "من",  "علي",  "عن",  "نحو",  "قرب",
                                               "حول", "داخل", "وفي", "والي", "ومن", "وعلي", NULL};
    const text *t = d->t;
    size_t e = pm->tok_end, f = pm->tok_first;
    lexicon_match cm;
    /* a form with its noun ("بلدة نصيب") leaves the name to its context */
    if (e == 0 || e + 1 >= t->n_tok || t->tok[e].kind != TOK_WORD ||
        t->tok[e].sentence != t->tok[e - 1].sentence ||
        (lexicon_match_at(d->m->place_context, t, f, PROCLITICS_ALL, &cm) && cm.tok_end < e))
        return false;
    /* where things happen: after a preposition, or with بـ or لـ glued to
     * it ("في مخمور", "بالفولة"); a given name that is also a town's
     * follows a person's noun ("الشاب سالم في ريف درعا") */
    const char *w = t->tok[f].norm;
    bool glued =
        pm->stripped && (!strncmp(w, "ب", strlen("ب")) || !strncmp(w, "ل", strlen("ل")) ||
                         !strncmp(w, "وب", strlen("وب")) || !strncmp(w, "ول", strlen("ول")));
    if (!glued && (f == 0 || t->tok[f - 1].sentence != t->tok[f].sentence ||
                   !stages_word_is(t, f - 1, prepositions)))
        return false;
    /* as normalised; "جنوب غرب": two of them */
    static const char *const directions[] = {"شمال", "جنوب", "شرق", "غرب",  "شمالي", "جنوبي",
                                             "شرقي", "غربي", "قرب", "بقرب", NULL};
    size_t k = e;
    bool direction = false;
    for (int n = 0; n < 2 && stages_word_is(t, k, directions); n++) {
        k++;
        direction = true;
    }
    bool in = !direction && stages_word_is(t, k, (const char *const[]){"في", NULL});
    if (in)
        k++;
    bool with_ba = !direction && !in && strncmp(t->tok[k].norm, "ب", strlen("ب")) == 0;
    if (!direction && !in && !with_ba)
        return false;
    lexicon_match gm;
    if (k >= t->n_tok || t->tok[k].sentence != t->tok[e].sentence ||
        !lexicon_match_at(d->m->gazetteer, t, k, PROCLITICS_NAME, &gm) || gm.tok_first != k ||
        (with_ba && !gm.stripped))
        return false;
    const extract_place *pl = &d->m->places[model_entry_index(d->m->gazetteer, gm.entry)];
    /* "في سوق الجمعة بطرابلس", "في الزيتون في غزة": a quarter named with
     * the town the gazetteer puts it in */
    const char *parent = d->m->places[model_entry_index(d->m->gazetteer, pm->entry)].parent_id;
    bool its_town = !direction && parent && !strcmp(parent, pl->id);
    return !pl->ambiguous && (direction || its_town || !strcmp(pl->kind, "governorate") ||
                              !strcmp(pl->kind, "region"));
}

static int push_unresolved(doc_state *d, size_t first, size_t end, const char *kind);

/* Is the one-word name at pm a verb in the imperfect that happens to name a
 * town (تدمر "destroys"): shaped like one (ت، ي), bare, right after a
 * definite subject (or its definite genitive, للجيش) and before the number
 * it governs ("الجيش تدمر 40 آلية")? A place after a definite noun takes a preposition or is its
 * apposition, which no count follows. */
static bool verb_shaped(const doc_state *d, const lexicon_match *pm)
{
    const text *t = d->t;
    size_t i = pm->tok_first;
    if (pm->tok_end != i + 1 || pm->stripped || i == 0 || t->tok[i - 1].kind != TOK_WORD ||
        t->tok[i - 1].sentence != t->tok[i].sentence ||
        (strncmp(t->tok[i - 1].norm, "ال", strlen("ال")) != 0 &&
         strncmp(t->tok[i - 1].norm, "لل", strlen("لل")) != 0) ||
        (strncmp(t->tok[i].norm, "ت", strlen("ت")) != 0 &&
         strncmp(t->tok[i].norm, "ي", strlen("ي")) != 0))
        return false;
    for (size_t k = 0; k < d->r->n_numbers; k++)
        if (d->r->numbers[k].tok_first == pm->tok_end)
            return true;
    return false;
}

/* Is the name at pm, inside a source mention, still a place: the whole
 * mention when it names a site that only is named, not heard ("هاجموا قاعدة
 * حميميم": the base that also speaks), a place in the name of a function,
 * its area ("محافظ الأنبار"), or a place glued to بـ that closes a body's
 * name, where the body sits ("المجلس المحلي بالفاشر")? */
static bool place_in_source(const doc_state *d, const lexicon_match *pm)
{
    const extract_result *r = d->r;
    for (size_t m = 0; m < r->n_source_mentions; m++) {
        const mention_toks *mt = &d->smention_toks[m];
        if (pm->tok_first < mt->first || pm->tok_end > mt->end)
            continue;
        if (pm->tok_first == mt->first && pm->tok_end == mt->end)
            return r->source_mentions[m].role == ROLE_MENTIONED;
        /* "في مديرية باقم (الحدودية)": a district's noun and its name,
         * read as a directorate that says nothing, is the district */
        lexicon_match cm;
        if (pm->tok_first == mt->first + 1 && r->source_mentions[m].role == ROLE_MENTIONED &&
            lexicon_match_at(d->m->place_context, d->t, mt->first, PROCLITICS_ALL, &cm) &&
            cm.tok_end == pm->tok_first && !strcmp(context_role(&cm), "name"))
            return true;
        /* a function's area: "محافظ الأنبار", "قائد عمليات نينوى" (the
         * function that names a role or the person who holds it) */
        lexicon_match fm;
        if (lexicon_match_at(d->m->speaker_forms, d->t, mt->first, PROCLITICS_ALL, &fm) &&
            fm.tok_first == mt->first && !strcmp(model_field(fm.entry, 1), "role"))
            return true;
        /* "بلدية سبها", "عميد بلدية مصراتة": a municipality is its town's
         * council, the town closes its name */
        if (pm->tok_end == mt->end && pm->tok_first > mt->first && !pm->stripped &&
            stages_word_is(d->t, pm->tok_first - 1,
                           (const char *const[]){"بلديه", "وبلديه", "لبلديه", "ببلديه", NULL}))
            return true;
        /* "المجلس المحلي بالفاشر", "لجان المقاومة في ود مدني": where the
         * body sits closes its name */
        return pm->tok_end == mt->end &&
               ((pm->stripped && strncmp(d->t->tok[pm->tok_first].norm, "ب", strlen("ب")) == 0) ||
                (pm->tok_first > mt->first + 1 &&
                 stages_word_is(d->t, pm->tok_first - 1, (const char *const[]){"في", NULL})));
    }
    return false;
}

/* Did the match strip a ك ("like, as")? News puts it before a place's name
 * almost never; a word that reads as ك + a place is another name that
 * begins with ك: "محور كبانة" is not "like Baneh". */
static bool after_kaf(const text *t, const lexicon_match *pm)
{
    if (!pm->stripped)
        return false;
    const token *tok = &t->tok[pm->tok_first];
    uint32_t prefix = pm->sp.start - tok->sp.start; /* proclitic letters, two bytes each */
    return prefix > 0 && 2 * (size_t)prefix <= strlen(tok->norm) &&
           strncmp(tok->norm + 2 * (prefix - 1), "ك", strlen("ك")) == 0;
}

/* A region named with the adjective of its direction: "جنوبي لبنان" for
 * "جنوب لبنان". Token i is a word of place_context.tsv in ـي (جنوبي،
 * شمالي) whose noun, with the word after it, is a gazetteer name other
 * than a country's (جنوبي السودان is the south of Sudan, not South
 * Sudan). */
static bool direction_adjective(const doc_state *d, size_t i, lexicon_match *pm)
{
    const text *t = d->t;
    const char *w = t->tok[i].norm;
    lexicon_match cm;
    if (i + 1 >= t->n_tok || t->tok[i + 1].kind != TOK_WORD ||
        t->tok[i + 1].sentence != t->tok[i].sentence || !ends_with(w, "ي") ||
        !lexicon_match_at(d->m->place_context, t, i, PROCLITICS_NONE, &cm) || cm.tok_end != i + 1)
        return false;
    char form[2 * TOKEN_NORM_MAX + 8];
    snprintf(form, sizeof form, "%.*s %s", (int)(strlen(w) - strlen("ي")), w, t->tok[i + 1].norm);
    const lexicon_entry *e = lexicon_find(d->m->gazetteer, form);
    if (!e || !strcmp(d->m->places[model_entry_index(d->m->gazetteer, e)].kind, "country"))
        return false;
    *pm = (lexicon_match){e, {t->tok[i].sp.start, t->tok[i + 1].sp.end}, i, i + 2, false};
    return true;
}

/* Does place mention p say, with في or بـ and at most a noun of its kind
 * between ("X في مدينة Y", "X بمحافظة Y", "X بولاية Y"), or with the bare
 * noun of a division ("X قضاء صور", "X محافظة نينوى"), that the mention
 * before it lies inside it? A word of direction between ("X شمال Y") says
 * where X lies from Y, not in it. */
static bool contains_previous(const doc_state *d, size_t p)
{
    const text *t = d->t;
    size_t qe = d->place_toks[p - 1].end, pf = d->place_toks[p].first;
    if (pf < qe || pf - qe > 2 || t->tok[qe].sentence != t->tok[pf].sentence)
        return false;
    bool inside = false;
    for (size_t k = qe; k <= pf; k++) {
        if (t->tok[k].kind != TOK_WORD)
            return false;
        if (k == pf)
            break;
        lexicon_match cm;
        bool fi = stages_word_is(t, k, (const char *const[]){"في", NULL});
        if (!fi && (!lexicon_match_at(d->m->place_context, t, k, PROCLITICS_ALL, &cm) ||
                    cm.tok_end != k + 1 || strcmp(context_role(&cm), "name") != 0))
            return false;
        inside |= fi || (k == qe && strncmp(t->tok[k].norm, "ب", strlen("ب")) == 0);
    }
    /* "بمحافظة Y" as the mention itself */
    inside |= pf == qe && d->r->places[p].sp.start > t->tok[pf].sp.start &&
              strncmp(t->tok[pf].norm, "ب", strlen("ب")) == 0;
    /* "بلدة X قضاء صور", "قرية X محافظة Y": a division's noun in apposition,
     * bare, between or opening the mention, names the division X lies in */
    static const char *const divisions[] = {"قضاء",  "ناحيه", "مديريه", "محافظه",
                                            "ولايه", "اقليم", NULL};
    inside |= pf - qe <= 1 && stages_word_is(t, qe, divisions);
    return inside;
}

/* Does place mention p say where the mention before it lies from a word of
 * direction or nearness of place_context.tsv ("X شمال Y", "X قرب Y"), or
 * name a region by its direction right after it ("X جنوب لبنان")? Then
 * the mention before lies in p's country. */
static bool located_from(const doc_state *d, size_t p)
{
    const text *t = d->t;
    size_t qe = d->place_toks[p - 1].end, pf = d->place_toks[p].first;
    if (pf < qe || pf - qe > 1 || t->tok[qe].sentence != t->tok[pf].sentence)
        return false;
    lexicon_match cm;
    return t->tok[qe].kind == TOK_WORD &&
           lexicon_match_at(d->m->place_context, t, qe, PROCLITICS_NONE, &cm) &&
           cm.tok_first == qe && cm.tok_end == qe + 1 && !strcmp(context_role(&cm), "-") &&
           (pf == qe + 1 || d->r->places[p].sp.start == t->tok[qe].sp.start);
}

/* Does place `spot` lie where a mention says: inside `area`, or (not
 * `inside`: located_from) in its country? */
static bool held_by(const extract_model *m, size_t spot, size_t area, bool inside)
{
    const char *kind = m->places[area].kind;
    if (!inside) /* "X شمال Y": X lies outside Y, in its country */
        return m->country_of[spot] == m->country_of[area];
    if (!strcmp(kind, "country"))
        return m->country_of[spot] == area;
    if ((!strcmp(kind, "governorate") || !strcmp(kind, "city")) &&
        m->governorate_of[area] != EXTRACT_NO_INDEX)
        return m->governorate_of[spot] != EXTRACT_NO_INDEX &&
               m->governorate_of[spot] == m->governorate_of[area];
    /* a district, town or region, or a city the gazetteer puts in no
     * governorate: at least its country */
    return m->country_of[spot] == m->country_of[area];
}

/* The first place in the gazetteer of the ring of namesakes of place pl. */
static size_t ring_first(const extract_model *m, size_t pl)
{
    size_t first = pl;
    for (size_t h = m->homonym_of[pl]; h != EXTRACT_NO_INDEX && h != pl; h = m->homonym_of[h])
        first = h < first ? h : first;
    return first;
}

/* A name the text once says where it lies ("أريحا بريف إدلب") is that
 * place wherever else the text names it bare: `held` maps the first of each
 * ring of namesakes to the one the text placed, or to EXTRACT_NO_INDEX - 1
 * when it placed two of them (then the bare ones keep their choice). */
static int follow_held_namesakes(doc_state *d, size_t *held)
{
    const extract_model *m = d->m;
    extract_result *r = d->r;
    for (size_t p = 0; p < r->n_places; p++) {
        size_t pl = r->places[p].place;
        if (m->homonym_of[pl] == EXTRACT_NO_INDEX)
            continue;
        size_t chosen = held[ring_first(m, pl)];
        if (chosen != EXTRACT_NO_INDEX && chosen != EXTRACT_NO_INDEX - 1)
            r->places[p].place = chosen;
    }
    return 0;
}

/* A name the gazetteer holds for one place, said to lie inside a
 * governorate, city or country that does not hold that place ("حي الروضة
 * في مدينة تعز" of the Ar Rawdah of Sanaa, "منطقة الجيزة بمحافظة درعا"),
 * or inside a district, town or region of another country, or said to lie
 * from a place of another country ("بلدة الطيبة جنوب لبنان" of the Taybeh
 * of the West Bank), is another place of the same name: its resolution is
 * dropped, and places_find_unresolved serves it after its context word.
 * A namesake the gazetteer holds there takes its place instead ("أريحا في
 * الضفة الغربية" is Jericho), and so do the text's bare mentions of the
 * name (follow_held_namesakes). */
static int drop_contradicted(doc_state *d)
{
    const extract_model *m = d->m;
    extract_result *r = d->r;
    size_t *held = NULL;
    for (size_t p = r->n_places; p-- > 1;) {
        size_t q = p - 1, spot = r->places[q].place, area = r->places[p].place;
        bool inside = contains_previous(d, p);
        if (!inside && !located_from(d, p))
            continue;
        size_t placed = EXTRACT_NO_INDEX;
        if (spot == area || held_by(m, spot, area, inside)) {
            placed = spot;
        } else {
            /* a namesake the gazetteer holds there: "أريحا في الضفة الغربية" */
            size_t h = m->homonym_of[spot];
            while (h != EXTRACT_NO_INDEX && h != spot && !held_by(m, h, area, inside))
                h = m->homonym_of[h];
            if (h != EXTRACT_NO_INDEX && h != spot) {
                r->places[q].place = placed = h;
            } else {
                memmove(&r->places[q], &r->places[q + 1],
                        (r->n_places - q - 1) * sizeof r->places[0]);
                memmove(&d->place_toks[q], &d->place_toks[q + 1],
                        (r->n_places - q - 1) * sizeof d->place_toks[0]);
                r->n_places--;
            }
        }
        if (placed == EXTRACT_NO_INDEX || spot == area || m->homonym_of[placed] == EXTRACT_NO_INDEX)
            continue;
        if (!held) {
            held = malloc(m->n_places * sizeof *held);
            if (!held)
                return -1;
            for (size_t k = 0; k < m->n_places; k++)
                held[k] = EXTRACT_NO_INDEX;
        }
        size_t ring = ring_first(m, placed);
        held[ring] =
            held[ring] == EXTRACT_NO_INDEX || held[ring] == placed ? placed : EXTRACT_NO_INDEX - 1;
    }
    int rc = held ? follow_held_namesakes(d, held) : 0;
    free(held);
    return rc;
}

/* The kind of place the noun right before place mention p names (حي،
 * أحياء: neighbourhood; قرية، قرى: village), or "" when none. */
static const char *noun_kind(const doc_state *d, size_t p)
{
    size_t f = d->place_toks[p].first;
    lexicon_match cm;
    if (f == 0 || d->t->tok[f - 1].kind != TOK_WORD ||
        d->t->tok[f - 1].sentence != d->t->tok[f].sentence ||
        !lexicon_match_at(d->m->place_context, d->t, f - 1, PROCLITICS_ALL, &cm) ||
        cm.tok_end != f || cm.entry->n_fields < 3)
        return "";
    return cm.entry->fields[2];
}

/* Is place mention p a quarter or a village named like a place of another
 * kind: a town after حي ("بحي المنشية"), a city after قرية or قرى ("قرى
 * الرياض والعباسي")? */
static bool named_as_smaller(const doc_state *d, size_t p)
{
    const char *noun = noun_kind(d, p), *kind = d->m->places[d->r->places[p].place].kind;
    return (!strcmp(noun, "neighbourhood") && strcmp(kind, "neighbourhood") != 0) ||
           (!strcmp(noun, "village") && !strcmp(kind, "city"));
}

/* A quarter named like a town ("بحي المنشية" in Sabha; المنشية the
 * gazetteer's is a town of Khartoum), or a village named like a city ("قرى
 * الرياض والعباسي" of Kirkuk), whose country the text's other places never
 * name, while they name some country, is a quarter or village of that name
 * where the text is: its resolution is dropped, and places_find_unresolved
 * serves it after its noun. The gazetteer's own quarters and villages keep
 * theirs. */
static int drop_smaller_namesakes(doc_state *d)
{
    const extract_model *m = d->m;
    extract_result *r = d->r;
    bool any = false;
    for (size_t p = 0; p < r->n_places && !any; p++)
        any = named_as_smaller(d, p);
    if (!any)
        return 0;
    unsigned *named = calloc(m->n_places + 1, sizeof *named);
    if (!named)
        return -1;
    size_t total = 0;
    for (size_t p = 0; p < r->n_places; p++) {
        size_t c = m->country_of[r->places[p].place];
        if (c != EXTRACT_NO_INDEX && !named_as_smaller(d, p)) {
            named[c]++;
            total++;
        }
    }
    size_t kept = 0;
    for (size_t p = 0; p < r->n_places; p++) {
        size_t pl = r->places[p].place, c = m->country_of[pl];
        if (total && c != EXTRACT_NO_INDEX && !named[c] && named_as_smaller(d, p))
            continue;
        r->places[kept] = r->places[p];
        d->place_toks[kept++] = d->place_toks[p];
    }
    r->n_places = kept;
    free(named);
    return 0;
}

/* Does place mention p name a quarter: after حي or حارة, or with it as
 * its first word ("حي صلاح الدين" as the gazetteer writes one)? */
static bool names_quarter(const doc_state *d, size_t p)
{
    if (!strcmp(noun_kind(d, p), "neighbourhood"))
        return true;
    size_t f = d->place_toks[p].first;
    lexicon_match cm;
    return d->t->tok[f].kind == TOK_WORD &&
           lexicon_match_at(d->m->place_context, d->t, f, PROCLITICS_ALL, &cm) &&
           cm.tok_end < d->place_toks[p].end && cm.entry->n_fields > 2 &&
           !strcmp(cm.entry->fields[2], "neighbourhood");
}

/* Is a place of this kind what a quarter's word may name: a quarter, or a
 * town or village the city has grown round; not a governorate, a region or
 * a country ("حي صلاح الدين" is no Iraqi governorate)? */
static bool quarter_kind(const char *kind)
{
    return strcmp(kind, "governorate") != 0 && strcmp(kind, "region") != 0 &&
           strcmp(kind, "country") != 0;
}

/* How many times the text names a party of the war fought in place h's
 * country (blocs.tsv: a bloc of that conflict, or one its `elsewhere`
 * column places there): حماس or the Israeli army for Gaza's places. */
static unsigned parties_of_war_at(const doc_state *d, size_t h)
{
    const extract_model *m = d->m;
    size_t c = m->country_of[h];
    const char *conflict = c != EXTRACT_NO_INDEX ? model_conflict_in(m, m->places[c].id) : NULL;
    unsigned n = 0;
    for (size_t k = 0; conflict && k < d->r->n_source_mentions; k++) {
        const extract_source *s = &d->r->sources[d->r->source_mentions[k].source];
        n += s->bloc && model_bloc_in(m, s->bloc, conflict) != NULL;
    }
    return n;
}

/* A name places share (أريحا of Idlib and Jericho; الطيبة of the Lebanese
 * border and of the West Bank) is the place in the country and
 * governorate the text names most, by its other places (the dateline
 * among them): "رام الله - ... في أريحا" is Jericho. Each place named
 * counts once per mention for its governorate (twice) and its country;
 * a tie keeps the first in the gazetteer. A later namesake in another
 * country than the first's counts its country by the places named in it,
 * not by the country's own name: Gaza reports name مصر beside Gaza's رفح,
 * Sinai reports name العريش or الشيخ زويد. A mention by a name of one
 * namesake alone (رفح المصرية) is that one. A quarter's word wants a
 * quarter or a town: after حي the name is none of its namesakes that is a
 * governorate or a region, and when none of the others lies where the
 * text's places are ("حي صلاح الدين" in a report from Baghdad), it is a
 * quarter of that name where the text is: its resolution is dropped, and
 * places_find_unresolved serves it after its noun. The parties the text
 * names count too, each mention once for the namesake in whose country
 * their war is fought: a Gaza report datelined in Cairo, the bureau's
 * city, names حماس or the Israeli army, and its رفح is Gaza's. One pass
 * over the mentions; the counts are kept only when some name is shared. */
static int choose_namesakes(doc_state *d)
{
    const extract_model *m = d->m;
    extract_result *r = d->r;
    bool shared = false;
    for (size_t p = 0; p < r->n_places && !shared; p++)
        shared = m->homonym_of[r->places[p].place] != EXTRACT_NO_INDEX;
    if (!shared)
        return 0;
    /* weight: per governorate and country; alone: per country, the
     * mentions of the country itself */
    unsigned *weight = calloc(2 * (m->n_places + 1), sizeof *weight);
    if (!weight)
        return -1;
    unsigned *alone = weight + m->n_places + 1;
    bool weighed = false;
    for (size_t p = 0; p < r->n_places; p++) {
        size_t pl = r->places[p].place;
        if (m->homonym_of[pl] != EXTRACT_NO_INDEX)
            continue;
        if (m->governorate_of[pl] != EXTRACT_NO_INDEX)
            weight[m->governorate_of[pl]] += 2;
        if (m->country_of[pl] != EXTRACT_NO_INDEX) {
            weight[m->country_of[pl]] += 1;
            alone[m->country_of[pl]] += m->country_of[pl] == pl;
        }
        weighed |=
            m->governorate_of[pl] != EXTRACT_NO_INDEX || m->country_of[pl] != EXTRACT_NO_INDEX;
    }
    size_t kept = 0;
    for (size_t p = 0; p < r->n_places; p++) {
        size_t first = r->places[p].place, best = first;
        if (m->homonym_of[first] == EXTRACT_NO_INDEX) {
            r->places[kept] = r->places[p];
            d->place_toks[kept++] = d->place_toks[p];
            continue;
        }
        /* named by a name of its own (رفح المصرية): the matcher gives a
         * shared name to the first of its namesakes */
        size_t lead = ring_first(m, first);
        if (first != lead) {
            r->places[kept] = r->places[p];
            d->place_toks[kept++] = d->place_toks[p];
            continue;
        }
        bool quarter = names_quarter(d, p), fits = false;
        unsigned best_w = 0, best_all = 0;
        size_t h = first;
        do {
            size_t c = m->country_of[h];
            /* a later namesake in another country counts its country by
             * the places named in it, not by the country's own name: مصر
             * named beside Gaza's رفح is no report from Sinai */
            bool abroad = h != lead && c != m->country_of[lead];
            unsigned w =
                (m->governorate_of[h] != EXTRACT_NO_INDEX ? weight[m->governorate_of[h]] : 0) +
                (c != EXTRACT_NO_INDEX ? weight[c] - (abroad ? alone[c] : 0) : 0);
            bool ok = !quarter || quarter_kind(m->places[h].kind);
            unsigned all = w + parties_of_war_at(d, h);
            /* the first in the gazetteer on a tie */
            if (ok && (!fits || all > best_all || (all == best_all && h < best))) {
                best = h;
                best_w = w;
                best_all = all;
                fits = true;
            }
            h = m->homonym_of[h];
        } while (h != EXTRACT_NO_INDEX && h != first);
        if (quarter && fits && !best_w && weighed)
            continue; /* a quarter of that name where the text is */
        r->places[p].place = best;
        r->places[kept] = r->places[p];
        d->place_toks[kept++] = d->place_toks[p];
    }
    r->n_places = kept;
    free(weight);
    return 0;
}

/* Is token i spelt as a dual in construct, ending in ي (حيي، بلدتي)? Not a
 * plural in ى (قرى), which the normalised form cannot tell apart. */
static bool dual_construct(const text *t, size_t i)
{
    uint32_t c = t->tok[i].sp.end;
    while (c > t->tok[i].sp.start && t->cp[c - 1] >= 0x064B && t->cp[c - 1] <= 0x0652)
        c--;
    return c > t->tok[i].sp.start && t->cp[c - 1] == 0x064A;
}

/* The dual noun (حيي، مخيمي، بلدتي) that opens the list of the place
 * mention q, as it or right before it, or the end of the text when none. */
static size_t dual_list_noun(const doc_state *d, size_t q, bool *dual)
{
    const text *t = d->t;
    size_t f = d->place_toks[q].first;
    for (size_t n = f + 1; n-- > 0 && f - n <= 1;) {
        lexicon_match cm;
        if (!lexicon_match_at(d->m->place_context, t, n, PROCLITICS_ALL, &cm) ||
            cm.tok_first != n || cm.tok_end != n + 1)
            continue;
        *dual = strcmp(context_role(&cm), "names") == 0 && dual_construct(t, n);
        /* or a singular noun the writer lets stand for both (حي الشجاعية
         * والتفاح) */
        if (*dual || (strcmp(context_role(&cm), "name") == 0 && !definite(t->tok[n].norm)))
            return n;
    }
    return t->n_tok;
}

/* "حيي الشجاعية والتفاح": the second item of a dual's list is named by the
 * singular of the dual and the item (حي التفاح), as the gazetteer lists a
 * quarter whose bare name is a common word. Fills *pm with the item alone
 * and the entry of "NOUN ITEM"; false when the gazetteer has no such name. */
static bool named_by_dual(const doc_state *d, size_t i, lexicon_match *pm)
{
    const text *t = d->t;
    const extract_result *r = d->r;
    if (t->tok[i].kind != TOK_WORD || r->n_places == 0)
        return false;
    const char *w = t->tok[i].norm;
    bool waw = strncmp(w, "و", strlen("و")) == 0 && strlen(w) > strlen("وال");
    if (!continues_list(d, i, waw))
        return false;
    bool dual = false;
    size_t n = dual_list_noun(d, r->n_places - 1, &dual);
    if (n >= t->n_tok)
        return false;
    /* the noun without its proclitics: the letters before the context's
     * span are clitics (وبحيي) */
    const char *noun = t->tok[n].norm;
    lexicon_match cm;
    lexicon_match_at(d->m->place_context, t, n, PROCLITICS_ALL, &cm);
    for (uint32_t c = t->tok[n].sp.start; c < cm.sp.start && *noun; c++)
        if (t->cp[c] < 0x064B || t->cp[c] > 0x0652)
            noun += strlen("و"); /* one Arabic letter */
    size_t len = strlen(noun) - (dual ? strlen("ي") : 0);
    char form[2 * TOKEN_NORM_MAX + 8];
    bool fem =
        dual && len >= strlen("ت") && strncmp(noun + len - strlen("ت"), "ت", strlen("ت")) == 0;
    snprintf(form, sizeof form, "%.*s%s %s", (int)(fem ? len - strlen("ت") : len), noun,
             fem ? "ه" : "", waw ? w + strlen("و") : w);
    const lexicon_entry *e = lexicon_find(d->m->gazetteer, form);
    if (!e)
        return false;
    *pm = (lexicon_match){e, {t->tok[i].sp.start + (waw ? 1 : 0), t->tok[i].sp.end}, i, i + 1, waw};
    return true;
}

/* Is the country at pm a party joined by و to the party named right before
 * it ("قوات النظام وروسيا", "التابعة للنظام وإيران وروسيا"): the side that
 * shells with the forces, not a place? party_end is the token after the
 * last party (a source mention, or a country read so), or SIZE_MAX. */
static bool joined_party(const doc_state *d, const lexicon_match *pm, size_t party_end)
{
    const text *t = d->t;
    size_t i = pm->tok_first;
    if (!pm->stripped || i == 0 || strncmp(t->tok[i].norm, "و", strlen("و")) != 0 ||
        t->tok[i - 1].sentence != t->tok[i].sentence ||
        strcmp(d->m->places[model_entry_index(d->m->gazetteer, pm->entry)].kind, "country") != 0)
        return false;
    /* وروسيا: only the و before the name (not بروسيا) */
    if (pm->sp.start != t->tok[i].sp.start + 1)
        return false;
    return d->in_source[i - 1] || party_end == i;
}

/* Adds a mention of place p at sp, tokens [first, end). Past the limit of
 * items the mention is dropped and counted; -1 when out of memory. */
static int push_mention(doc_state *d, span sp, size_t p, size_t first, size_t end)
{
    size_t cap = d->cap_places;
    extract_place_mention *m =
        stages_push((void **)&d->r->places, &d->r->n_places, &d->cap_places, sizeof *m);
    if (!m && d->r->n_places >= EXTRACT_MAX_ITEMS) {
        d->r->truncated++; /* past the limit: dropped and counted */
        return 0;
    }
    if (!m)
        return -1;
    if (cap != d->cap_places) {
        mention_toks *grown = realloc(d->place_toks, d->cap_places * sizeof *grown);
        if (!grown)
            return -1;
        d->place_toks = grown;
    }
    *m = (extract_place_mention){sp, p, NULL};
    d->place_toks[d->r->n_places - 1] = (mention_toks){first, end};
    return 0;
}

/* The gazetteer's camp named "مخيم" and the name of place p (مخيم
 * طولكرم for طولكرم), or EXTRACT_NO_INDEX when it has none or p is it. */
static size_t camp_named(const doc_state *d, size_t p)
{
    char raw[TOKEN_NORM_MAX * 4], key[TOKEN_NORM_MAX * 4];
    int n = snprintf(raw, sizeof raw, "مخيم %s", d->m->places[p].name);
    if (n < 0 || (size_t)n >= sizeof raw || !text_normalize(raw, (size_t)n, key, sizeof key))
        return EXTRACT_NO_INDEX;
    const lexicon_entry *e = lexicon_find(d->m->gazetteer, key);
    size_t camp = e ? model_entry_index(d->m->gazetteer, e) : EXTRACT_NO_INDEX;
    return camp != p ? camp : EXTRACT_NO_INDEX;
}

/* "جنين ومخيمها": a town and its camp, when the word at token k says so
 * and the gazetteer has the camp as مخيم and the town's name; the camp's
 * index, or EXTRACT_NO_INDEX. */
static size_t camp_of(const doc_state *d, size_t p, size_t k)
{
    const text *t = d->t;
    if (k >= t->n_tok || t->tok[k].kind != TOK_WORD ||
        t->tok[k].sentence != t->tok[k - 1].sentence ||
        (strcmp(t->tok[k].norm, "ومخيمها") != 0 && strcmp(t->tok[k].norm, "ومخيمه") != 0))
        return EXTRACT_NO_INDEX;
    return camp_named(d, p); /* not الفارعة, which is the camp */
}

static bool second_indefinite_word(const doc_state *d, size_t k, const bool *covered);

/* Is place mention p one indefinite word right after the noun of a town
 * (بلدة، مدينة، قرية) and before a second word of a name that ends there
 * ("بلدة عدن يابال بإقليم شبيلي")? Then the known name opens a longer one
 * the gazetteer lacks. */
static bool opens_unknown_name(const doc_state *d, size_t p, const bool *covered)
{
    const text *t = d->t;
    size_t f = d->place_toks[p].first, e = d->place_toks[p].end;
    lexicon_match cm;
    if (e != f + 1 || f == 0 || e >= t->n_tok || t->tok[e].kind != TOK_WORD ||
        t->tok[e].sentence != t->tok[f].sentence || covered[e] || d->in_source[e] ||
        t->tok[f - 1].kind != TOK_WORD || t->tok[f - 1].sentence != t->tok[f].sentence ||
        d->r->places[p].sp.start != t->tok[f].sp.start || definite(t->tok[f].norm) ||
        !lexicon_match_at(d->m->place_context, t, f - 1, PROCLITICS_ALL, &cm) || cm.tok_end != f ||
        strcmp(context_role(&cm), "name") != 0)
        return false;
    /* "مدينة سنجة عاصمة ولاية سنار": a second word with a place or a
     * place's noun right after it, with no preposition between, heads that
     * place in apposition to the known name, and opens no name of its own */
    size_t a = e + 1;
    if (a < t->n_tok && t->tok[a].kind == TOK_WORD && t->tok[a].sentence == t->tok[e].sentence) {
        lexicon_match am;
        if (lexicon_match_at(d->m->place_context, t, a, PROCLITICS_ALL, &am) &&
            am.sp.start == t->tok[a].sp.start)
            return false;
        /* mentions come in text order: one at a is the next after p */
        if (covered[a] && p + 1 < d->r->n_places && d->place_toks[p + 1].first == a &&
            d->r->places[p + 1].sp.start == t->tok[a].sp.start)
            return false;
    }
    return second_indefinite_word(d, e, covered);
}

/* "بلدة عدن يابال": a known name that opens a longer unknown one names
 * no place of the gazetteer; places_find_unresolved serves the whole name
 * after its noun. */
static int drop_opened_names(doc_state *d)
{
    extract_result *r = d->r;
    bool *covered = NULL;
    size_t kept = 0;
    for (size_t p = 0; p < r->n_places; p++) {
        size_t f = d->place_toks[p].first;
        bool candidate = d->place_toks[p].end == f + 1 && f > 0 && f + 1 < d->t->n_tok &&
                         d->t->tok[f + 1].kind == TOK_WORD && !definite(d->t->tok[f].norm);
        if (candidate && !covered) {
            covered = calloc(d->t->n_tok + 1, sizeof *covered);
            if (!covered)
                return -1;
            for (size_t q = 0; q < r->n_places; q++)
                for (size_t k = d->place_toks[q].first; k < d->place_toks[q].end; k++)
                    covered[k] = true;
        }
        if (candidate && opens_unknown_name(d, p, covered))
            continue;
        r->places[kept] = r->places[p];
        d->place_toks[kept++] = d->place_toks[p];
    }
    r->n_places = kept;
    free(covered);
    return 0;
}

/* Is token k the plural or dual noun of camps (مخيمات، مخيمي) right
 * before a name? */
static bool camps_noun(const doc_state *d, size_t k)
{
    lexicon_match cm;
    return d->t->tok[k].kind == TOK_WORD &&
           lexicon_match_at(d->m->place_context, d->t, k, PROCLITICS_ALL, &cm) &&
           cm.tok_end == k + 1 && strcmp(context_role(&cm), "names") == 0 && context_kind(&cm) &&
           strcmp(context_kind(&cm), "camp") == 0;
}

int places_find(doc_state *d)
{
    const text *t = d->t;
    size_t party_end = SIZE_MAX;
    /* "مخيمات جنين وطولكرم ونور شمس": the token after the last item of a
     * list of camps, each the town's camp */
    size_t camps_end = SIZE_MAX;
    for (size_t i = 0; i < t->n_tok;) {
        lexicon_match pm;
        bool by_dual = false;
        if (t->tok[i].kind == TOK_PUNCT ||
            (!direction_adjective(d, i, &pm) &&
             !lexicon_match_at(d->m->gazetteer, t, i, PROCLITICS_NAME, &pm) &&
             !(by_dual = named_by_dual(d, i, &pm)))) {
            i++;
            continue;
        }
        bool overlaps_source = false;
        for (size_t k = pm.tok_first; k < pm.tok_end; k++)
            overlaps_source |= d->in_source[k];
        if (overlaps_source && place_in_source(d, &pm))
            overlaps_source = false;
        size_t p = model_entry_index(d->m->gazetteer, pm.entry);
        if (!overlaps_source && joined_party(d, &pm, party_end)) {
            party_end = pm.tok_end;
            i = pm.tok_end;
            continue;
        }
        if (overlaps_source || in_kunya(d, i) || after_kaf(t, &pm) || adjectival(d, i, &pm) ||
            has_tanween(t, pm.tok_end - 1) || in_other_name(d, pm.tok_first, pm.tok_end) ||
            adjective_of_noun(d, i, &pm) || verb_shaped(d, &pm) || names_street(d, i) ||
            adjective_of_extent(d, &pm) || verb_of_news(d, &pm)) {
            i++;
            continue;
        }
        if (d->m->places[p].ambiguous && !by_dual) {
            bool waw = pm.stripped && strncmp(t->tok[i].norm, "و", strlen("و")) == 0;
            if (!places_after_context(d, i) && !placed_after(d, &pm) && !fronted_where(d, &pm) &&
                (weekday(d, &pm) || !continues_list(d, i, waw))) {
                i++;
                continue;
            }
        }
        bool next_item = camps_end != SIZE_MAX &&
                         t->tok[pm.tok_first].sentence == t->tok[camps_end - 1].sentence &&
                         (pm.tok_first == camps_end ||
                          (pm.tok_first == camps_end + 1 && t->tok[camps_end].kind == TOK_PUNCT &&
                           t->cp[t->tok[camps_end].sp.start] == 0x060C));
        camps_end = SIZE_MAX;
        if ((pm.tok_first > 0 && camps_noun(d, pm.tok_first - 1)) || next_item) {
            size_t camp = camp_named(d, p);
            p = camp != EXTRACT_NO_INDEX ? camp : p;
            camps_end = !strcmp(d->m->places[p].kind, "neighbourhood") ? pm.tok_end : SIZE_MAX;
        }
        if (push_mention(d, pm.sp, p, pm.tok_first, pm.tok_end) != 0)
            return -1;
        size_t camp = camp_of(d, p, pm.tok_end);
        if (camp != EXTRACT_NO_INDEX) {
            /* "ومخيمها": the camp, without its و */
            span sp = t->tok[pm.tok_end].sp;
            sp.start++;
            if (push_mention(d, sp, camp, pm.tok_end, pm.tok_end + 1) != 0)
                return -1;
        }
        i = camp != EXTRACT_NO_INDEX ? pm.tok_end + 1 : pm.tok_end;
    }
    if (drop_opened_names(d) != 0 || choose_namesakes(d) != 0)
        return -1;
    if (drop_contradicted(d) != 0)
        return -1;
    return drop_smaller_namesakes(d);
}

/* The word after its definite article (and the clitics before it), or NULL
 * when it has none: والمدينة -> مدينة, للمدينة -> مدينة. */
static const char *definite_stem(const char *w)
{
    static const char *const lead[] = {"", "و", "ف", "ب", "ك", "وب", "فب", NULL};
    if (strncmp(w, "لل", strlen("لل")) == 0)
        return w + strlen("لل");
    if (strncmp(w, "ولل", strlen("ولل")) == 0)
        return w + strlen("ولل");
    for (const char *const *p = lead; *p; p++) {
        size_t n = strlen(*p);
        if (strncmp(w, *p, n) == 0 && strncmp(w + n, "ال", strlen("ال")) == 0)
            return w + n + strlen("ال");
    }
    return NULL;
}

/* Does the normalised word carry the article (with a proclitic before it)? */
static bool definite(const char *w)
{
    return definite_stem(w) != NULL;
}

static bool closes_compound(const doc_state *d, size_t i);

/* Can token i be (the first word of) an unknown place's name? After the
 * noun of a construct (قرية X) the name takes no preposition (بالتنسيق) and
 * no pronoun (تواجدها); an indefinite ـية after a feminine noun agrees with
 * it as its adjective (حفرة جماعية، منطقة صناعية). */
static bool name_word(const doc_state *d, size_t i, const bool *covered)
{
    const text *t = d->t;
    if (i >= t->n_tok || t->tok[i].kind != TOK_WORD || d->in_source[i] || covered[i] ||
        has_tanween(t, i))
        return false;
    lexicon_match cm;
    if (lexicon_match_at(d->m->place_context, t, i, PROCLITICS_ALL, &cm))
        return false; /* a context or function word, an adjective */
    /* "حاجزي النظام", "مواقع الجيش": a party after the noun owns the
     * sites; it does not name them */
    if (lexicon_match_at(d->m->source_list, t, i, PROCLITICS_NONE, &cm) && cm.tok_first == i) {
        const char *kind = d->m->sources[model_entry_index(d->m->source_list, cm.entry)].kind;
        if (strcmp(kind, "outlet") != 0 && strcmp(kind, "agency") != 0)
            return false;
    }
    const char *w = t->tok[i].norm;
    /* prepositions that place_context.tsv cannot list (الحول، العبر are
     * towns): "قرى حول كادقلي" lie around it */
    if (word_in(t, i, (const char *const[]){"حول", "عبر", NULL}))
        return false;
    if (!strcmp(w, "ال") || !strcmp(w, "وال"))
        return false; /* the article alone before a number: "منطقة الـ55" */
    if (strncmp(w, "ال", strlen("ال")) == 0 || strncmp(w, "وال", strlen("وال")) == 0)
        return true; /* definite after an indefinite noun: a construct, حي الشهداء */
    if (lexicon_match_at(d->m->triggers, t, i, PROCLITICS_ALL, &cm) ||
        lexicon_match_at(d->m->attribution, t, i, PROCLITICS_ALL, &cm) ||
        lexicon_match_at(d->m->nouns, t, i, PROCLITICS_ALL, &cm))
        return false; /* an event, reporting or counted word: وأصيبت، وقال */
    const char *after_article = definite_stem(w);
    /* لل is ل with the article: the owner after the noun (معسكر للجيش),
     * however short its word */
    bool of_owner = strncmp(w, "لل", strlen("لل")) == 0 || strncmp(w, "ولل", strlen("ولل")) == 0;
    if ((after_article && (of_owner || strlen(after_article) >= strlen("فلان"))) ||
        ends_with(w, "ها") || ends_with(w, "هم"))
        return false; /* بالتنسيق، لها */
    if (ends_with(w, "يه") && i > 0 && t->tok[i - 1].kind == TOK_WORD &&
        ends_with(t->tok[i - 1].norm, "ه") && !definite(t->tok[i - 1].norm))
        return false;
    /* an indefinite nisba (حي سكني), unless a definite direction or size
     * closes it, which no adjective of an indefinite noun takes: منطقة
     * X-ي السفلى is a name */
    if ((ends_with(w, "ي") && !closes_compound(d, i + 1)) || ends_with(w, "يين") ||
        ends_with(w, "يون"))
        return false;
    /* the nisba of a known place: مدينة سورية، قرية لبنانية */
    return !nisba_of_place(d, w);
}

/* Does token i open a compound name (عين العرب, أبو الظهور, دير حافر), or
 * is it a definite direction or size that closes one (الزيتونة الشرقية)? */
static bool opens_compound(const doc_state *d, size_t i)
{
    const text *t = d->t;
    return i < t->n_tok && word_in(t, i, d->m->word_sets[FW_COMPOUND_OPENER]);
}

static bool closes_compound(const doc_state *d, size_t i)
{
    return stages_word_in(d, i, FW_COMPOUND_CLOSER);
}

/* Does token k, after the indefinite first word of a name at k - 1, close
 * it as the second term of a construct ("بلدة عيتا الشعب", "قرية حوش
 * الضواهرة")? An indefinite word takes no definite adjective, so a definite
 * word after it is its genitive, unless the name before is whole and the
 * word agrees with it as its adjective: a word of place_context.tsv
 * (الحدودية، المحاصرة), a nisba (الساحلية), a participle of a derived verb
 * (المجاورة), a day or month (الأحد), an event, a count or a party. */
static bool closes_construct(const doc_state *d, size_t k)
{
    const text *t = d->t;
    if (k == 0 || k >= t->n_tok || t->tok[k].kind != TOK_WORD ||
        t->tok[k].sentence != t->tok[k - 1].sentence || d->in_source[k] || has_tanween(t, k) ||
        definite(t->tok[k - 1].norm) || strncmp(t->tok[k].norm, "ال", strlen("ال")) != 0)
        return false;
    const char *w = t->tok[k].norm;
    if (ends_with(w, "يه") || ends_with(w, "ي") || ends_with(w, "يين") ||
        strncmp(w, "الم", strlen("الم")) == 0)
        return false;
    lexicon_match cm;
    return !lexicon_match_at(d->m->place_context, t, k, PROCLITICS_ALL, &cm) &&
           !lexicon_match_at(d->m->dates, t, k, PROCLITICS_ALL, &cm) &&
           !lexicon_match_at(d->m->triggers, t, k, PROCLITICS_ALL, &cm) &&
           !lexicon_match_at(d->m->attribution, t, k, PROCLITICS_ALL, &cm) &&
           !lexicon_match_at(d->m->nouns, t, k, PROCLITICS_ALL, &cm) &&
           !lexicon_match_at(d->m->causes, t, k, PROCLITICS_ALL, &cm);
}

/* The kind of place a context entry names (its third column), or NULL. */
static const char *context_kind(const lexicon_match *cm)
{
    return cm->entry->n_fields > 2 && *cm->entry->fields[2] ? cm->entry->fields[2] : NULL;
}

static int push_unresolved(doc_state *d, size_t first, size_t end, const char *kind)
{
    extract_result *r = d->r;
    extract_place_mention *m = stages_push((void **)&r->unresolved_places, &r->n_unresolved_places,
                                           &d->cap_unresolved, sizeof *m);
    if (!m)
        return r->n_unresolved_places >= EXTRACT_MAX_ITEMS ? 0 : -1;
    const text *t = d->t;
    span sp = {t->tok[first].sp.start, t->tok[end - 1].sp.end};
    /* the proclitics of the first word are not part of the name (وتل) */
    lexicon_match cm;
    if (lexicon_match_at(d->m->place_context, t, first, PROCLITICS_ALL, &cm) &&
        cm.tok_first == first)
        sp.start = cm.sp.start;
    *m = (extract_place_mention){sp, EXTRACT_NO_INDEX, kind};
    return 0;
}

/* Is token k, after an unknown indefinite word at k - 1, the second word of
 * its name (طير X، مجدل X, indefinite like the first)? Only when the phrase
 * ends after it: at punctuation or the sentence's end, at في, or at a word
 * of place (شمال، بريف) or a known place. A time adverb (أمس، مساء،
 * أيضا: accusative ـا), a verb, an event or a count word is no name. */
static bool second_indefinite_word(const doc_state *d, size_t k, const bool *covered)
{
    const text *t = d->t;
    if (definite(t->tok[k - 1].norm) || strncmp(t->tok[k].norm, "و", strlen("و")) == 0 ||
        ends_with(t->tok[k].norm, "ا") || ends_with(t->tok[k].norm, "ين") ||
        ends_with(t->tok[k].norm, "ون") || !name_word(d, k, covered) ||
        strncmp(t->tok[k].norm, "ال", strlen("ال")) == 0)
        return false;
    lexicon_match cm;
    if (lexicon_match_at(d->m->dates, t, k, PROCLITICS_ALL, &cm) ||
        lexicon_match_at(d->m->causes, t, k, PROCLITICS_ALL, &cm) ||
        lexicon_match_at(d->m->function_words, t, k, PROCLITICS_ALL, &cm))
        return false;
    size_t after = k + 1;
    if (after >= t->n_tok || t->tok[after].sentence != t->tok[k].sentence ||
        t->tok[after].kind == TOK_PUNCT)
        return true;
    if (t->tok[after].kind != TOK_WORD)
        return false;
    return covered[after] || strcmp(t->tok[after].norm, "في") == 0 ||
           lexicon_match_at(d->m->place_context, t, after, PROCLITICS_ALL, &cm);
}

/* The name that starts at token `first` (after its context word): one word,
 * or two when the first opens a compound or the second closes one. Returns
 * its end token, or 0 when token `first` cannot start a name. */
/* Does a given name at token k close a place's name after the title
 * before it ("حوش السيد علي", "مزرعة الشيخ محمد")? One bare word, not a
 * function word, that ends the clause or comes before في or a place word;
 * علي written with ي is the name, not the preposition. 1 if so, else 0. */
static size_t given_name_after_title(const doc_state *d, size_t k, const bool *covered)
{
    static const char *const titles[] = {"السيد", "الشيخ", "الست", "السيده", NULL};
    const text *t = d->t;
    if (k >= t->n_tok || t->tok[k].kind != TOK_WORD ||
        t->tok[k].sentence != t->tok[k - 1].sentence || covered[k] || d->in_source[k] ||
        !stages_word_is(t, k - 1, titles) || definite(t->tok[k].norm) || has_tanween(t, k))
        return 0;
    if (!strcmp(t->tok[k].norm, "علي"))
        return t->cp[t->tok[k].sp.end - 1] == 0x064A;
    lexicon_match cm;
    if (!name_word(d, k, covered) ||
        lexicon_match_at(d->m->function_words, t, k, PROCLITICS_ALL, &cm) ||
        lexicon_match_at(d->m->dates, t, k, PROCLITICS_ALL, &cm))
        return 0;
    size_t after = k + 1;
    return after >= t->n_tok || t->tok[after].sentence != t->tok[k].sentence ||
           t->tok[after].kind == TOK_PUNCT ||
           stages_word_is(t, after, (const char *const[]){"في", NULL}) ||
           lexicon_match_at(d->m->place_context, t, after, PROCLITICS_ALL, &cm);
}

static size_t name_end(const doc_state *d, size_t first, const bool *covered)
{
    const text *t = d->t;
    if (first >= t->n_tok || t->tok[first].kind != TOK_WORD || covered[first] ||
        d->in_source[first])
        return 0;
    lexicon_match cm;
    /* تل X opens a name, and so does شارع/طريق before a definite word (حي
     * طريق المطار) */
    bool opener = opens_compound(d, first) ||
                  (lexicon_match_at(d->m->place_context, t, first, PROCLITICS_ALL, &cm) &&
                   cm.tok_end == first + 1 &&
                   (strcmp(context_role(&cm), "part") == 0 ||
                    (names_site(&cm) && first + 1 < t->n_tok &&
                     strncmp(t->tok[first + 1].norm, "ال", strlen("ال")) == 0)));
    if (!opener && !name_word(d, first, covered))
        return 0;
    size_t end = first + 1;
    bool next = end < t->n_tok && t->tok[end].kind == TOK_WORD &&
                t->tok[end].sentence == t->tok[first].sentence && !covered[end] &&
                !d->in_source[end];
    /* "الشيخ علي": written with ي, the given name, not the preposition على */
    bool ali = next && !strcmp(t->tok[end].norm, "علي") && t->cp[t->tok[end].sp.end - 1] == 0x064A;
    if (opener) /* أبو, عين, تل: the second word may be any word but a function word */
        return next && !has_tanween(t, end) &&
                       (strncmp(t->tok[end].norm, "ال", strlen("ال")) == 0 || ali ||
                        !lexicon_match_at(d->m->place_context, t, end, PROCLITICS_ALL, &cm))
                   ? end + 1
                   : 0;
    if (next && (closes_compound(d, end) || closes_construct(d, end)))
        return end + 1 + given_name_after_title(d, end + 1, covered);
    return next && second_indefinite_word(d, end, covered) ? end + 1 : end;
}

/* Skip opening quotes and brackets between a context word and its name. */
static size_t skip_openers(const text *t, size_t k, size_t sentence)
{
    for (int n = 0;
         n < 2 && k < t->n_tok && t->tok[k].kind == TOK_PUNCT && t->tok[k].sentence == sentence;
         n++) {
        uint32_t c = t->cp[t->tok[k].sp.start];
        if (c != '"' && c != '(' && c != 0x201C && c != 0x00AB && c != '\'' && c != 0x2018)
            break;
        k++;
    }
    return k;
}

/* Is token i و and a definite word ("مدينة والجيش ينفي" in a headline):
 * the next clause, not the name its context word wants? */
static bool conjoined_definite(const text *t, size_t i)
{
    return strncmp(t->tok[i].norm, "وال", strlen("وال")) == 0;
}

/* Does token i carry a hamza on an alef (أ إ آ), which folding drops? */
static bool hamza_on_alef(const text *t, size_t i)
{
    for (uint32_t c = t->tok[i].sp.start; c < t->tok[i].sp.end; c++)
        if (t->cp[c] == 0x0622 || t->cp[c] == 0x0623 || t->cp[c] == 0x0625)
            return true;
    return false;
}

/* The next item of a list of places after token `end`: "X وY", "X، Y",
 * "X، وY", "X و Y". Returns its first token and sets *waw when a و is
 * glued to it; 0 when the list ends. */
static size_t next_item(const text *t, size_t end, bool *waw)
{
    size_t k = end, sentence = t->tok[end - 1].sentence;
    *waw = false;
    while (k < t->n_tok && k - end < 3 && t->tok[k].kind == TOK_PUNCT &&
           t->tok[k].sentence == sentence) {
        uint32_t c = t->cp[t->tok[k].sp.start];
        if (c != ',' && c != 0x060C && c != '"' && c != 0x201D && c != 0x201C && c != 0x00BB &&
            c != 0x00AB)
            return 0;
        k++;
    }
    if (k >= t->n_tok || t->tok[k].kind != TOK_WORD || t->tok[k].sentence != sentence)
        return 0;
    if (strcmp(t->tok[k].norm, "و") == 0)
        return skip_openers(t, k + 1, sentence);
    if (strncmp(t->tok[k].norm, "و", strlen("و")) == 0 && strlen(t->tok[k].norm) > strlen("وا")) {
        *waw = true;
        return k;
    }
    /* without و only after a comma, and only a definite name: a clause
     * that follows a list after a comma starts with a verb or a particle */
    return k > end && strncmp(t->tok[k].norm, "ال", strlen("ال")) == 0 ? k : 0;
}

/* Unknown places named by their context: "قرية X", "تل X", "قرى X وY" (see
 * the top). Items of a list that the gazetteer knows are stepped over. */
int places_find_unresolved(doc_state *d)
{
    const text *t = d->t;
    bool *covered = calloc(t->n_tok + 1, sizeof *covered);
    size_t *cover_end = calloc(t->n_tok + 1, sizeof *cover_end);
    if (!covered || !cover_end) {
        free(covered);
        free(cover_end);
        return -1;
    }
    for (size_t p = 0; p < d->r->n_places; p++)
        for (size_t k = d->place_toks[p].first; k < d->place_toks[p].end; k++) {
            covered[k] = true;
            cover_end[k] = d->place_toks[p].end;
        }
    int rc = 0;
    for (size_t i = 0; i < t->n_tok && rc == 0; i++) {
        lexicon_match cm;
        /* the context word may end a source's span ("السكان من قرى X"): only
         * the name must stay outside one */
        if (t->tok[i].kind != TOK_WORD ||
            !lexicon_match_at(d->m->place_context, t, i, PROCLITICS_ALL, &cm))
            continue;
        const char *role = context_role(&cm);
        bool part = strcmp(role, "part") == 0, list = strcmp(role, "names") == 0,
             site = names_site(&cm);
        /* "حيي الشجاعية والتفاح": the gazetteer read the first item with
         * its noun ("حي الشجاعية"); the list goes on after it */
        bool known_first =
            covered[i] && list && i + 1 < t->n_tok && covered[i + 1] && cover_end[i] > cm.tok_end;
        if (covered[i] && !known_first)
            continue;
        if ((!part && !list && !site && strcmp(role, "name") != 0) || definite(t->tok[i].norm))
            continue;
        if (part && hamza_on_alef(t, i))
            continue; /* "وأدى القصف" (and led), not وادي (valley): no part word has one */
        if (site &&
            (cm.tok_end >= t->n_tok || strncmp(t->tok[cm.tok_end].norm, "ال", strlen("ال")) != 0))
            continue; /* a road or square is named by a definite name */
        size_t first = part || known_first ? i : skip_openers(t, cm.tok_end, t->tok[i].sentence);
        lexicon_match more; /* قرى وبلدات X */
        while (!part && first < t->n_tok && t->tok[first].sentence == t->tok[i].sentence &&
               lexicon_match_at(d->m->place_context, t, first, PROCLITICS_ALL, &more) &&
               more.tok_first == first && strcmp(context_role(&more), context_role(&cm)) == 0)
            first = skip_openers(t, more.tok_end, t->tok[i].sentence);
        /* "أحياء المدينة الجنوبية": the noun after is the place the text
         * already named (المدينة), not a name, and what follows describes
         * it */
        lexicon_match owner;
        if (first < t->n_tok && t->tok[first].kind == TOK_WORD && definite(t->tok[first].norm) &&
            lexicon_match_at(d->m->place_context, t, first, PROCLITICS_ALL, &owner) &&
            owner.tok_first == first)
            continue;
        bool waw = false;
        /* a dual (بلدتي، حيي، مخيمي) names two places: what follows the
         * second after a comma is the next clause ("، وأسفرت") */
        int max_items = list && dual_construct(t, i) ? 2 : 32;
        for (int items = 0; items < max_items && rc == 0; items++) {
            if (first >= t->n_tok || t->tok[first].sentence != t->tok[i].sentence)
                break;
            size_t end, name_first = first;
            const char *kind = context_kind(&cm);
            lexicon_match inner;
            /* "قرى X ومزرعة Y وZ": an item named with a noun of its own
             * (مزرعة، حي، بلدة) is the name after that noun, and the list
             * goes on after it */
            if (list && !covered[first] &&
                lexicon_match_at(d->m->place_context, t, first, PROCLITICS_ALL, &inner) &&
                inner.tok_first == first && strcmp(context_role(&inner), "name") == 0 &&
                inner.tok_end < t->n_tok && t->tok[inner.tok_end].sentence == t->tok[i].sentence) {
                name_first = inner.tok_end;
                if (context_kind(&inner))
                    kind = context_kind(&inner);
                waw = false;
            }
            if (covered[name_first]) {
                end = cover_end[name_first]; /* a known place in the list */
            } else {
                first = name_first;
                end = name_end(d, first, covered);
                if (end == 0 ||
                    (waw && end == first + 1 && strlen(t->tok[first].norm) <= strlen("وال")) ||
                    (!waw && conjoined_definite(t, first)))
                    break;
                /* an item of a list runs to the next separator: نبع الورد، */
                lexicon_match stop;
                while (list && end < t->n_tok && end - first < 4 && t->tok[end].kind == TOK_WORD &&
                       t->tok[end].sentence == t->tok[first].sentence && !covered[end] &&
                       !d->in_source[end] && strncmp(t->tok[end].norm, "و", strlen("و")) != 0 &&
                       !has_tanween(t, end) &&
                       !lexicon_match_at(d->m->place_context, t, end, PROCLITICS_ALL, &stop) &&
                       !lexicon_match_at(d->m->triggers, t, end, PROCLITICS_ALL, &stop) &&
                       !lexicon_match_at(d->m->attribution, t, end, PROCLITICS_ALL, &stop) &&
                       !lexicon_match_at(d->m->nouns, t, end, PROCLITICS_ALL, &stop))
                    end++;
                size_t cp_start_fix = waw ? 1 : 0;
                rc = push_unresolved(d, first, end, kind);
                if (rc == 0 && cp_start_fix && d->r->n_unresolved_places > 0 &&
                    d->r->unresolved_places[d->r->n_unresolved_places - 1].sp.start ==
                        t->tok[first].sp.start)
                    d->r->unresolved_places[d->r->n_unresolved_places - 1].sp.start++;
            }
            i = end - 1;
            if (!list || end >= t->n_tok)
                break;
            first = next_item(t, end, &waw);
            if (first == 0)
                break;
            part = false;
        }
    }
    free(covered);
    free(cover_end);
    return rc;
}
