/* model.c — building the extractor's model from the data files compiled in
 * from data/ (see tools/embed and extract/blobs.h).
 *
 * Every data file is a lexicon (lexicon.h): phrases first, attributes after.
 * The gazetteer and the source list are lexicons too, so one parser reads
 * all of them and every name is matched the same way. Each file is checked
 * against its named, typed columns (schema.c) as it is loaded, the same
 * check tools/check_data runs when `make` embeds the files, so the code
 * below may trust every value of a closed set. The model is immutable once
 * built; threads share it.
 */
#include "extract/model.h"

#include "extract/blobs.h"
#include "extract/grow.h"
#include "extract/fnv1a.h"
#include "extract/schema.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bump when the rules in C change the way documents are read, so stored
 * extractions are refreshed (see extract_model_fingerprint). */
#define EXTRACT_RULES_VERSION 19

const char *model_field(const lexicon_entry *e, size_t i)
{
    if (i >= e->n_fields || strcmp(e->fields[i], "-") == 0)
        return "";
    return e->fields[i];
}

size_t model_entry_index(const lexicon *lx, const lexicon_entry *e)
{
    return (size_t)(e - lexicon_entry_at(lx, 0));
}

lexicon *model_load_file(const char *name, const char *data, size_t len, char *err, size_t errsz)
{
    const file_schema *fs = schema_find(name);
    if (!fs) {
        snprintf(err, errsz,
                 "data/%s: no schema (extract/schema.c names every data file's columns)", name);
        return NULL;
    }
    char path[256];
    snprintf(path, sizeof path, "data/%s", name);
    lexicon *lx = lexicon_new(path, data, len, err, errsz);
    if (lx && schema_check(fs, lx, err, errsz) != 0) {
        lexicon_free(lx);
        return NULL;
    }
    return lx;
}

/* The data file `name` of the blobs the model is built from, parsed and
 * checked against its schema. */
static lexicon *load(const extract_model *m, const char *name, char *err, size_t errsz)
{
    for (size_t i = 0; i < m->n_blobs; i++)
        if (strcmp(m->blobs[i].name, name) == 0)
            return model_load_file(name, m->blobs[i].data, m->blobs[i].len, err, errsz);
    snprintf(err, errsz, "data file %s is not compiled in", name);
    return NULL;
}

static bool parse_coord(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static int build_places(extract_model *m, char *err, size_t errsz)
{
    m->n_places = lexicon_size(m->gazetteer);
    m->places = calloc(m->n_places ? m->n_places : 1, sizeof *m->places);
    if (!m->places) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < m->n_places; i++) {
        const lexicon_entry *e = lexicon_entry_at(m->gazetteer, i);
        extract_place *p = &m->places[i];
        p->name = e->fields[0];
        p->id = model_field(e, 1);
        p->kind = model_field(e, 2);
        p->parent_id = *model_field(e, 3) ? model_field(e, 3) : NULL;
        p->approximate = strcmp(model_field(e, 6), "exact") != 0;
        p->name_en = *model_field(e, 7) ? model_field(e, 7) : NULL;
        p->ambiguous = strstr(model_field(e, 8), "ambiguous") != NULL;
        /* The schema has checked every column: the coordinates parse. */
        parse_coord(model_field(e, 4), -90, 90, &p->lat);
        parse_coord(model_field(e, 5), -180, 180, &p->lon);
    }
    return 0;
}

typedef struct place_key {
    const char *id;
    size_t index;
} place_key;

static int place_key_cmp(const void *a, const void *b)
{
    return strcmp(((const place_key *)a)->id, ((const place_key *)b)->id);
}

/* The place whose id is `id` among keys sorted by id, or EXTRACT_NO_INDEX. */
static size_t place_index(const place_key *keys, size_t n, const char *id)
{
    if (!id)
        return EXTRACT_NO_INDEX;
    place_key probe = {id, 0};
    const place_key *k = bsearch(&probe, keys, n, sizeof *keys, place_key_cmp);
    return k ? k->index : EXTRACT_NO_INDEX;
}

/* Each place's governorate and country, found once by walking up its
 * parents (a cycle or a chain deeper than 16 gives none). Ids are looked up in a sorted
 * copy: the gazetteer has thousands of places. */
static int build_governorates(extract_model *m, char *err, size_t errsz)
{
    m->governorate_of = malloc((m->n_places + 1) * sizeof *m->governorate_of);
    m->country_of = malloc((m->n_places + 1) * sizeof *m->country_of);
    place_key *keys = malloc((m->n_places + 1) * sizeof *keys);
    if (!m->governorate_of || !m->country_of || !keys) {
        free(keys);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < m->n_places; i++)
        keys[i] = (place_key){m->places[i].id, i};
    qsort(keys, m->n_places, sizeof *keys, place_key_cmp);
    for (size_t i = 0; i < m->n_places; i++) {
        size_t p = i, depth = 0;
        while (p != EXTRACT_NO_INDEX && depth++ < 16 &&
               strcmp(m->places[p].kind, "governorate") != 0)
            p = place_index(keys, m->n_places, m->places[p].parent_id);
        m->governorate_of[i] = depth <= 16 ? p : EXTRACT_NO_INDEX;
        for (p = i, depth = 0;
             p != EXTRACT_NO_INDEX && depth++ < 16 && strcmp(m->places[p].kind, "country") != 0;)
            p = place_index(keys, m->n_places, m->places[p].parent_id);
        m->country_of[i] = depth <= 16 ? p : EXTRACT_NO_INDEX;
    }
    free(keys);
    return 0;
}

typedef struct phrase_key {
    const char *phrase;
    size_t entry;
} phrase_key;

static int phrase_key_cmp(const void *a, const void *b)
{
    const phrase_key *x = a, *y = b;
    int c = strcmp(x->phrase, y->phrase);
    return c ? c : (x->entry > y->entry) - (x->entry < y->entry);
}

/* Places that share a name (أريحا of Idlib and of the West Bank) are tied
 * in a ring: each place's next namesake, or EXTRACT_NO_INDEX. The matcher
 * finds the first in file order; the text's context chooses among them
 * (extract/places.c). Names are sorted once: the gazetteer has thousands. */
static int build_homonyms(extract_model *m, char *err, size_t errsz)
{
    size_t n = 0, entry;
    while (lexicon_phrase_at(m->gazetteer, n, &entry))
        n++;
    m->homonym_of = malloc((m->n_places + 1) * sizeof *m->homonym_of);
    phrase_key *keys = malloc((n + 1) * sizeof *keys);
    if (!m->homonym_of || !keys) {
        free(keys);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < m->n_places; i++)
        m->homonym_of[i] = EXTRACT_NO_INDEX;
    for (size_t k = 0; k < n; k++) {
        keys[k].phrase = lexicon_phrase_at(m->gazetteer, k, &keys[k].entry);
    }
    qsort(keys, n, sizeof *keys, phrase_key_cmp);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && !strcmp(keys[b].phrase, keys[a].phrase))
            b++;
        /* the first name two places share ties them; entries in file order */
        bool free_ring = true;
        for (size_t k = a; k < b; k++)
            free_ring &= m->homonym_of[keys[k].entry] == EXTRACT_NO_INDEX;
        if (b - a > 1 && free_ring)
            for (size_t k = a; k < b; k++)
                m->homonym_of[keys[k].entry] = keys[k + 1 < b ? k + 1 : a].entry;
        a = b;
    }
    free(keys);
    return 0;
}

static const model_bloc *find_bloc(const extract_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_blocs; i++)
        if (!strcmp(m->blocs[i].id, id))
            return &m->blocs[i];
    return NULL;
}

/* Is `id` one of the '|'-separated words of `list`? */
static bool listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *w = list; *w;) {
        size_t len = strcspn(w, "|");
        if (len == n && !memcmp(w, id, n))
            return true;
        w += len + (w[len] == '|');
    }
    return false;
}

/* A conflict's countries: gazetteer places of kind country. */
static bool countries_ok(const extract_model *m, const char *countries)
{
    if (!*countries)
        return false;
    for (const char *w = countries; *w;) {
        size_t len = strcspn(w, "|");
        bool found = false;
        for (size_t i = 0; i < m->n_places && !found; i++)
            found = strlen(m->places[i].id) == len && !memcmp(m->places[i].id, w, len) &&
                    !strcmp(m->places[i].kind, "country");
        if (!found)
            return false;
        w += len + (w[len] == '|');
    }
    return true;
}

/* blocs.tsv: each conflict with its countries, then its blocs. A bloc's
 * side is one of sources.tsv's affiliations, or none. */
static int build_blocs(extract_model *m, char *err, size_t errsz)
{
    size_t n = lexicon_size(m->bloc_list);
    m->blocs = calloc(n ? n : 1, sizeof *m->blocs);
    m->conflicts = calloc(n ? n : 1, sizeof *m->conflicts);
    if (!m->blocs || !m->conflicts) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    const char *conflict = NULL; /* the last conflict listed */
    for (size_t i = 0; i < n; i++) {
        const lexicon_entry *e = lexicon_entry_at(m->bloc_list, i);
        const char *id = model_field(e, 1), *kind = model_field(e, 2), *side = model_field(e, 5);
        if (!strcmp(kind, "conflict") && *id && !strchr(id, '.') && !*model_field(e, 3)) {
            if (!countries_ok(m, model_field(e, 7))) {
                snprintf(err, errsz,
                         "blocs.tsv:%zu: conflict %s needs its countries (gazetteer ids)", e->line,
                         id);
                return -1;
            }
            m->conflicts[m->n_conflicts++] = (model_conflict){id, model_field(e, 7)};
            conflict = id;
            continue;
        }
        bool side_ok = !*side || !strcmp(side, "government") || !strcmp(side, "opposition") ||
                       !strcmp(side, "unknown");
        if (strcmp(kind, "bloc") != 0 || !strchr(id, '.') || !conflict ||
            strcmp(model_field(e, 3), conflict) != 0 || !side_ok || find_bloc(m, id)) {
            snprintf(err, errsz,
                     "blocs.tsv:%zu: needs a conflict (id, kind conflict, -) or one of its blocs "
                     "(a new code.slug id, kind bloc, the conflict above, side government, "
                     "opposition, unknown or -)",
                     e->line);
            return -1;
        }
        m->blocs[m->n_blocs++] =
            (model_bloc){id, conflict, side, model_field(e, 6), model_field(e, 8), e->line};
    }
    /* elsewhere: blocs of other conflicts, one a conflict */
    for (size_t i = 0; i < m->n_blocs; i++)
        for (const char *w = m->blocs[i].elsewhere; *w;) {
            size_t len = strcspn(w, "|");
            char id[64];
            snprintf(id, sizeof id, "%.*s", (int)len, w);
            const model_bloc *o = find_bloc(m, id);
            bool twice = false;
            for (const char *v = m->blocs[i].elsewhere; o && v < w; v += strcspn(v, "|") + 1) {
                char prev[64];
                snprintf(prev, sizeof prev, "%.*s", (int)strcspn(v, "|"), v);
                twice |= find_bloc(m, prev)->conflict == o->conflict;
            }
            if (!o || o->conflict == m->blocs[i].conflict || twice) {
                snprintf(err, errsz,
                         "blocs.tsv:%zu: elsewhere names %s: not a bloc of another conflict, "
                         "or a second one of its conflict",
                         m->blocs[i].line, id);
                return -1;
            }
            w += len + (w[len] == '|');
        }
    return 0;
}

/* A party's bloc: a bloc of blocs.tsv or "independent", and its
 * affiliation the one that bloc gives (see blocs.tsv, column side). */
static int source_bloc(const extract_model *m, const lexicon_entry *e, extract_source *s, char *err,
                       size_t errsz)
{
    const char *bloc = model_field(e, 7);
    const model_bloc *b = find_bloc(m, bloc);
    /* sides are affiliations in the first conflict only (sources.tsv's war) */
    const char *side = !b ? "independent" : b->conflict == m->conflicts[0].id ? b->side : "";
    if (!b && strcmp(bloc, "independent") != 0) {
        snprintf(err, errsz, "sources.tsv:%zu: bloc \"%s\" is not in blocs.tsv, nor independent",
                 e->line, bloc);
        return -1;
    }
    if (*side && strcmp(side, s->affiliation) != 0) {
        snprintf(err, errsz, "sources.tsv:%zu: affiliation %s, but bloc %s gives %s", e->line,
                 s->affiliation, bloc, side);
        return -1;
    }
    s->bloc = b ? b->id : bloc;
    return 0;
}

/* Every party a bloc names as its whole belongs to it. */
static int check_blocs_whole(const extract_model *m, char *err, size_t errsz)
{
    for (size_t i = 0; i < m->n_blocs; i++)
        for (const char *w = m->blocs[i].whole; *w;) {
            size_t len = strcspn(w, "|");
            bool found = false;
            for (size_t k = 0; k < m->n_sources && !found; k++)
                found = strlen(m->sources[k].id) == len && !memcmp(m->sources[k].id, w, len) &&
                        m->sources[k].bloc == m->blocs[i].id;
            if (!found) {
                snprintf(err, errsz, "blocs.tsv:%zu: whole names %.*s, not a party of bloc %s",
                         m->blocs[i].line, (int)len, w, m->blocs[i].id);
                return -1;
            }
            w += len + (w[len] == '|');
        }
    return 0;
}

bool model_source_is_bloc_whole(const extract_model *m, const extract_source *s)
{
    const model_bloc *b = s->bloc ? find_bloc(m, s->bloc) : NULL;
    return b && listed(b->whole, s->id);
}

bool model_bloc_fights_in(const extract_model *m, const char *bloc, const char *conflict)
{
    const model_bloc *b = bloc ? find_bloc(m, bloc) : NULL;
    return b && b->conflict == conflict;
}

bool model_source_is_war_generic(const extract_model *m, const extract_source *s)
{
    bool generic = strstr(s->id, "-generic") || (s->name_en && strstr(s->name_en, "(generic)"));
    return generic && s->bloc && find_bloc(m, s->bloc);
}

const char *model_conflict_in(const extract_model *m, const char *country)
{
    for (size_t i = 0; country && i < m->n_conflicts; i++)
        if (listed(m->conflicts[i].countries, country))
            return m->conflicts[i].id;
    return NULL;
}

const char *model_side_bloc(const extract_model *m, const char *conflict, const char *side)
{
    for (size_t i = 0; conflict && i < m->n_blocs; i++)
        if (m->blocs[i].conflict == conflict && !strcmp(m->blocs[i].side, side))
            return m->blocs[i].id;
    return NULL;
}

const char *model_bloc_in(const extract_model *m, const char *bloc, const char *conflict)
{
    const model_bloc *b = find_bloc(m, bloc);
    if (!b || b->conflict == conflict)
        return b ? b->id : NULL;
    for (size_t i = 0; i < m->n_blocs; i++)
        if (m->blocs[i].conflict == conflict && listed(b->elsewhere, m->blocs[i].id))
            return m->blocs[i].id;
    return NULL;
}

static int build_sources(extract_model *m, char *err, size_t errsz)
{
    m->n_sources = lexicon_size(m->source_list);
    m->sources = calloc(m->n_sources ? m->n_sources : 1, sizeof *m->sources);
    if (!m->sources) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < m->n_sources; i++) {
        const lexicon_entry *e = lexicon_entry_at(m->source_list, i);
        extract_source *s = &m->sources[i];
        s->name = e->fields[0];
        s->id = model_field(e, 1);
        s->kind = model_field(e, 2);
        s->affiliation = *model_field(e, 3) ? model_field(e, 3) : "unknown";
        s->parent_id = *model_field(e, 4) ? model_field(e, 4) : NULL;
        s->name_en = *model_field(e, 5) ? model_field(e, 5) : NULL;
        if (source_bloc(m, e, s, err, errsz) != 0)
            return -1;
    }
    return 0;
}

/* Column `col` of lx as a lexicon of its own, "phrases<TAB>entry index",
 * so its phrases are found by the same matcher: the duals of nouns.tsv
 * (دبابتين), the names of sources.tsv that name no war. *source_text keeps the
 * generated source text. */
static lexicon *column_lexicon(const lexicon *lx, size_t col, const char *name, char **source_text,
                               char *err, size_t errsz)
{
    size_t cap = 256, used = 0;
    char *buf = malloc(cap);
    if (!buf)
        goto oom;
    buf[0] = '\0';
    for (size_t i = 0; i < lexicon_size(lx); i++) {
        const char *phrases = model_field(lexicon_entry_at(lx, i), col);
        if (!*phrases)
            continue;
        size_t need = strlen(phrases) + 32;
        if (used + need >= cap) {
            cap = (used + need) * 2;
            char *grown = realloc(buf, cap);
            if (!grown)
                goto oom;
            buf = grown;
        }
        used += (size_t)snprintf(buf + used, cap - used, "%s\t%zu\n", phrases, i);
    }
    *source_text = buf;
    return lexicon_new(name, buf, used, err, errsz);
oom:
    free(buf);
    snprintf(err, errsz, "out of memory");
    return NULL;
}

static int build_duals(extract_model *m, char *err, size_t errsz)
{
    m->duals = column_lexicon(m->nouns, 6, "nouns.tsv (duals)", &m->duals_text, err, errsz);
    return m->duals ? 0 : -1;
}

/* The local names of sources.tsv (column 8): each is one of its entry's
 * names, and the entry is a party of one war, the only report its name
 * is read in (a name of no war on an independent body would be dropped
 * from every report). */
static int build_local_names(extract_model *m, char *err, size_t errsz)
{
    m->local_names =
        column_lexicon(m->source_list, 8, "sources.tsv (local)", &m->local_text, err, errsz);
    if (!m->local_names)
        return -1;
    const char *name;
    size_t entry;
    for (size_t k = 0; (name = lexicon_phrase_at(m->local_names, k, &entry)); k++) {
        size_t src =
            (size_t)strtoul(model_field(lexicon_entry_at(m->local_names, entry), 1), NULL, 10);
        const lexicon_entry *e = lexicon_entry_at(m->source_list, src);
        const extract_source *s = &m->sources[src];
        if (lexicon_find(m->source_list, name) != e || !s->bloc || !find_bloc(m, s->bloc)) {
            snprintf(err, errsz,
                     "sources.tsv:%zu: local name %s is not a name of a party of one war", e->line,
                     name);
            return -1;
        }
    }
    return 0;
}

bool model_name_is_local(const extract_model *m, const text *t, size_t first, size_t end,
                         const char *id)
{
    lexicon_match lm;
    if (!lexicon_match_at(m->local_names, t, first, PROCLITICS_NAME, &lm) || lm.tok_end != end)
        return false;
    size_t src = (size_t)strtoul(model_field(lm.entry, 1), NULL, 10);
    return !strcmp(m->sources[src].id, id);
}

/* The set an entry of function_words.tsv belongs to (the schema has
 * checked that its name is one). */
static size_t set_of(const lexicon_entry *e)
{
    size_t set = 0;
    while (set + 1 < FW__COUNT && strcmp(schema_word_sets[set], e->fields[1]) != 0)
        set++;
    return set;
}

/* Each set of function_words.tsv as a NULL-terminated list of its
 * normalised words (pointing into the lexicon), for stages_word_is. A
 * set's words may span several lines; every word is one token (the topic
 * openers are phrases, words separated by one space), and every set has
 * words (a set left out would silently match nothing). */
static int build_word_sets(extract_model *m, char *err, size_t errsz)
{
    size_t count[FW__COUNT] = {0}, entry;
    const char *w;
    for (size_t k = 0; (w = lexicon_phrase_at(m->function_words, k, &entry)); k++) {
        const lexicon_entry *e = lexicon_entry_at(m->function_words, entry);
        if (strchr(w, ' ') && set_of(e) != FW_TOPIC_OPENER) {
            snprintf(err, errsz,
                     "data/lexicon/function_words.tsv:%zu: column words: \"%s\" is not one word",
                     e->line, w);
            return -1;
        }
        count[set_of(e)]++;
    }
    for (size_t set = 0; set < FW__COUNT; set++) {
        if (count[set] == 0) {
            snprintf(err, errsz, "data/lexicon/function_words.tsv: set %s has no words",
                     schema_word_sets[set]);
            return -1;
        }
        if (!(m->word_sets[set] = calloc(count[set] + 1, sizeof *m->word_sets[set]))) {
            snprintf(err, errsz, "out of memory");
            return -1;
        }
        count[set] = 0;
    }
    for (size_t k = 0; (w = lexicon_phrase_at(m->function_words, k, &entry)); k++) {
        size_t set = set_of(lexicon_entry_at(m->function_words, entry));
        m->word_sets[set][count[set]++] = w;
    }
    return 0;
}

/* The size of every window of windows.tsv, each given once (a window left
 * out would read as 0 and silently switch its rule off). */
static int build_windows(extract_model *m, char *err, size_t errsz)
{
    size_t line_of[WIN__COUNT] = {0};
    for (size_t i = 0; i < lexicon_size(m->window_list); i++) {
        const lexicon_entry *e = lexicon_entry_at(m->window_list, i);
        size_t w = 0;
        while (w + 1 < WIN__COUNT && strcmp(schema_windows[w], e->fields[0]) != 0)
            w++; /* the schema has checked the name */
        if (line_of[w]) {
            snprintf(err, errsz,
                     "data/lexicon/windows.tsv:%zu: window %s already given on line %zu", e->line,
                     schema_windows[w], line_of[w]);
            return -1;
        }
        line_of[w] = e->line;
        m->windows[w] = (size_t)strtoul(e->fields[1], NULL, 10);
    }
    for (size_t w = 0; w < WIN__COUNT; w++)
        if (!line_of[w]) {
            snprintf(err, errsz, "data/lexicon/windows.tsv: window %s is not given",
                     schema_windows[w]);
            return -1;
        }
    return 0;
}

/* For each head noun of party_anaphors.tsv, the known parties it may refer
 * back to: those with a name (any of their names) whose first word is the
 * head (construct: حزب الله) or the head with the article (definite: الحزب
 * الإسلامي التركستاني), as the entry's `names` column allows, followed by at
 * least one more word. */
static int build_party_heads(extract_model *m, char *err, size_t errsz)
{
    size_t n = lexicon_size(m->party_anaphors);
    m->party_heads = calloc(n ? n : 1, sizeof *m->party_heads);
    if (!m->party_heads)
        goto oom;
    for (size_t e = 0; e < n; e++) {
        const lexicon_entry *en = lexicon_entry_at(m->party_anaphors, e);
        party_head *ph = &m->party_heads[e];
        const char *head = model_field(en, 1), *names = model_field(en, 2);
        bool construct = !strcmp(names, "construct") || !strcmp(names, "both");
        bool definite = !strcmp(names, "definite") || !strcmp(names, "both");
        size_t hl = text_normalize(head, strlen(head), ph->head, sizeof ph->head);
        if (hl == 0 || strchr(ph->head, ' ') || (!construct && !definite)) {
            snprintf(
                err, errsz,
                "data/lexicon/party_anaphors.tsv:%zu: needs phrases, a one-word head, and names "
                "(construct, definite or both)",
                en->line);
            return -1;
        }
        /* not_after: each word normalised as tokens are. */
        const char *na = model_field(en, 4);
        ph->not_after = malloc(3 * strlen(na) + 1);
        if (!ph->not_after)
            goto oom;
        size_t used = 0;
        for (const char *w = na; *w;) {
            const char *bar = strchr(w, '|');
            size_t wl = bar ? (size_t)(bar - w) : strlen(w);
            if (used)
                ph->not_after[used++] = '|';
            used += text_normalize(w, wl, ph->not_after + used, 3 * strlen(na) + 1 - used);
            if (!bar)
                break;
            w = bar + 1;
        }
        ph->not_after[used] = '\0';
        char with_article[TOKEN_NORM_MAX + sizeof "ال"];
        snprintf(with_article, sizeof with_article, "ال%s", ph->head);
        size_t cap = 0, entry;
        const char *name;
        for (size_t k = 0; (name = lexicon_phrase_at(m->source_list, k, &entry)); k++) {
            const char *space = strchr(name, ' ');
            if (!space)
                continue; /* the head alone is no party's name */
            size_t wl = (size_t)(space - name);
            bool hit = (construct && wl == hl && !memcmp(name, ph->head, wl)) ||
                       (definite && wl == strlen(with_article) && !memcmp(name, with_article, wl));
            if (!hit || (ph->n_sources && ph->sources[ph->n_sources - 1] == entry))
                continue;
            if (grow((void **)&ph->sources, &cap, ph->n_sources + 1, sizeof *ph->sources))
                goto oom;
            ph->sources[ph->n_sources++] = entry;
        }
    }
    return 0;
oom:
    snprintf(err, errsz, "out of memory");
    return -1;
}

/* speaker_forms.tsv: a party or role names the kind of source it is; the
 * other forms name none (the schema has checked both values). */
static int check_speaker_forms(const extract_model *m, char *err, size_t errsz)
{
    for (size_t e = 0; e < lexicon_size(m->speaker_forms); e++) {
        const lexicon_entry *en = lexicon_entry_at(m->speaker_forms, e);
        const char *form = model_field(en, 1), *kind = model_field(en, 2);
        bool needs_kind = !strcmp(form, "party") || !strcmp(form, "role");
        if (needs_kind != (*kind != '\0')) {
            snprintf(err, errsz, "data/lexicon/speaker_forms.tsv:%zu: column kind: %s", en->line,
                     needs_kind ? "a party or role needs one" : "only a party or role has one");
            return -1;
        }
    }
    return 0;
}

static uint64_t fingerprint(const extract_model *m)
{
    uint64_t h = FNV1A64_IDS_SEED ^ EXTRACT_RULES_VERSION;
    for (size_t i = 0; i < m->n_blobs; i++)
        h = fnv1a64(h, m->blobs[i].data, m->blobs[i].len);
    return h;
}

extract_model *extract_model_new(char *err, size_t errsz)
{
    return model_new_from(data_blobs, data_blobs_count, err, errsz);
}

extract_model *model_new_from(const data_blob *blobs, size_t n_blobs, char *err, size_t errsz)
{
    extract_model *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    m->blobs = blobs;
    m->n_blobs = n_blobs;
    if (!(m->gazetteer = load(m, "gazetteer.tsv", err, errsz)) ||
        !(m->source_list = load(m, "sources.tsv", err, errsz)) ||
        !(m->qualifiers = load(m, "lexicon/qualifiers.tsv", err, errsz)) ||
        !(m->name_numbers = load(m, "lexicon/name_numbers.tsv", err, errsz)) ||
        !(m->triggers = load(m, "lexicon/triggers.tsv", err, errsz)) ||
        !(m->nouns = load(m, "lexicon/nouns.tsv", err, errsz)) ||
        !(m->attribution = load(m, "lexicon/attribution.tsv", err, errsz)) ||
        !(m->speakers = load(m, "lexicon/speakers.tsv", err, errsz)) ||
        !(m->speaker_forms = load(m, "lexicon/speaker_forms.tsv", err, errsz)) ||
        !(m->place_context = load(m, "lexicon/place_context.tsv", err, errsz)) ||
        !(m->party_anaphors = load(m, "lexicon/party_anaphors.tsv", err, errsz)) ||
        !(m->dates = load(m, "lexicon/dates.tsv", err, errsz)) ||
        !(m->causes = load(m, "lexicon/causes.tsv", err, errsz)) ||
        build_places(m, err, errsz) != 0 || build_governorates(m, err, errsz) != 0 ||
        build_homonyms(m, err, errsz) != 0 || !(m->bloc_list = load(m, "blocs.tsv", err, errsz)) ||
        build_blocs(m, err, errsz) != 0 || build_sources(m, err, errsz) != 0 ||
        check_blocs_whole(m, err, errsz) != 0 || build_local_names(m, err, errsz) != 0 ||
        !(m->figure_links = load(m, "lexicon/figure_links.tsv", err, errsz)) ||
        !(m->function_words = load(m, "lexicon/function_words.tsv", err, errsz)) ||
        build_word_sets(m, err, errsz) != 0 ||
        !(m->window_list = load(m, "lexicon/windows.tsv", err, errsz)) ||
        build_windows(m, err, errsz) != 0 || build_duals(m, err, errsz) != 0 ||
        build_party_heads(m, err, errsz) != 0) {
        extract_model_free(m);
        return NULL;
    }
    if (check_speaker_forms(m, err, errsz) != 0) {
        extract_model_free(m);
        return NULL;
    }
    m->fingerprint = fingerprint(m);
    return m;
}

void extract_model_free(extract_model *m)
{
    if (!m)
        return;
    lexicon_free(m->gazetteer);
    lexicon_free(m->bloc_list);
    free(m->blocs);
    free(m->conflicts);
    lexicon_free(m->source_list);
    lexicon_free(m->qualifiers);
    lexicon_free(m->dates);
    lexicon_free(m->causes);
    lexicon_free(m->name_numbers);
    lexicon_free(m->triggers);
    lexicon_free(m->nouns);
    lexicon_free(m->duals);
    lexicon_free(m->local_names);
    free(m->local_text);
    lexicon_free(m->figure_links);
    for (size_t set = 0; set < FW__COUNT; set++)
        free(m->word_sets[set]);
    lexicon_free(m->function_words);
    lexicon_free(m->window_list);
    lexicon_free(m->attribution);
    lexicon_free(m->speakers);
    lexicon_free(m->speaker_forms);
    lexicon_free(m->place_context);
    for (size_t e = 0; m->party_heads && e < lexicon_size(m->party_anaphors); e++) {
        free(m->party_heads[e].sources);
        free(m->party_heads[e].not_after);
    }
    free(m->party_heads);
    lexicon_free(m->party_anaphors);
    free(m->places);
    free(m->governorate_of);
    free(m->country_of);
    free(m->homonym_of);
    free(m->sources);
    free(m->duals_text);
    free(m);
}

uint64_t extract_model_fingerprint(const extract_model *m)
{
    return m->fingerprint;
}

size_t extract_model_places(const extract_model *m, const extract_place **out)
{
    *out = m->places;
    return m->n_places;
}

size_t extract_model_sources(const extract_model *m, const extract_source **out)
{
    *out = m->sources;
    return m->n_sources;
}

const extract_source *extract_model_find_source(const extract_model *m, const char *name_or_id)
{
    for (size_t i = 0; i < m->n_sources; i++)
        if (strcmp(m->sources[i].id, name_or_id) == 0)
            return &m->sources[i];
    char norm[256];
    text_normalize(name_or_id, strlen(name_or_id), norm, sizeof norm);
    const lexicon_entry *e = lexicon_find(m->source_list, norm);
    return e ? &m->sources[model_entry_index(m->source_list, e)] : NULL;
}

bool extract_model_camp(const extract_model *m, size_t i, extract_camp *out)
{
    if (i >= lexicon_size(m->bloc_list))
        return false;
    const lexicon_entry *e = lexicon_entry_at(m->bloc_list, i);
    bool bloc = !strcmp(model_field(e, 2), "bloc");
    *out = (extract_camp){model_field(e, 1), bloc ? model_field(e, 3) : NULL, e->fields[0],
                          model_field(e, 4)};
    return true;
}
