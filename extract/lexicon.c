/* lexicon.c — reads marsad's phrase tables (TSV, format in lexicon.h) and
 * finds the longest phrase starting at a token.
 *
 * Why this shape: lexicon_match_at runs on every token of every document, so
 * a lookup is one hash of the token's norm (per proclitic form) into a table
 * keyed by each phrase's first normalised word, then a walk of the few
 * phrases that share that first word. Phrases are normalised with
 * text_normalize at load time, so they fold exactly as tokens do.
 *
 * Matching rules: the words of a phrase must be consecutive tokens of one
 * sentence, each equal to the token's norm; nothing is skipped, so a PUNCT
 * token ends a phrase unless the phrase itself has that mark there (T-72 is
 * the three words "t - 72").
 * Only the first word may carry proclitics, and only those the mode allows;
 * its forms are tried in text_proclitic_forms order (the word itself first)
 * and the first form that starts any phrase wins; among the phrases of that
 * form the one with most words wins, ties going to the earlier line.
 *
 * Leaves out: wildcards and stemming; a phrase with a sentence terminator
 * inside (أ.ف.ب) never matches, since tokens of one sentence are required.
 */
#include "extract/grow.h"
#include "extract/fnv1a.h"
#include "extract/lexicon.h"

#include "extract/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define STR(x) #x
#define XSTR(x) STR(x)

typedef struct phrase {
    uint32_t entry; /* index into entries */
    uint32_t next;  /* next phrase with the same first-word hash bucket */
    uint32_t text;  /* offset in pool of "w1 w2 ..." (NUL-terminated) */
    uint32_t hash;  /* of the first word */
    uint16_t first_len;
    uint8_t n_words;
} phrase;

struct lexicon {
    char *data; /* the file's copy; fields are cut in place */
    lexicon_entry *entries;
    size_t n_entries, cap_entries;
    phrase *phrases;
    size_t n_phrases, cap_phrases;
    char *pool;
    size_t pool_len, cap_pool;
    uint32_t *buckets;
    size_t n_buckets; /* a power of two */
};

static uint32_t hash_bytes(const char *s, size_t n)
{
    return fnv1a32(FNV1A32_OFFSET, s, n);
}

static void set_err(char *err, size_t errsz, const char *fmt, ...)
{
    if (!err || errsz == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsz, fmt, ap);
    va_end(ap);
}

/* Why the phrase raw[0..n) cannot be stored, or NULL. It is tokenised as a
 * document would be, so its words are the tokens it must match. */
static const char *check_phrase(const char *raw, size_t n, int *oom)
{
    text t;
    int rc = text_init(&t, raw, n);
    if (rc != 0) {
        *oom = rc == -3;
        return rc == -3 ? "out of memory" : "invalid phrase";
    }
    size_t words = t.n_tok;
    text_free(&t);
    if (words == 0)
        return "empty phrase";
    if (words > LEXICON_MAX_WORDS)
        return "phrase of more than " XSTR(LEXICON_MAX_WORDS) " words";
    return NULL;
}

/* Stores normalised phrase norm[0..len) of entry e. */
static int store_phrase(lexicon *lx, size_t e, const char *norm, size_t len)
{
    size_t first = len, words = 1;
    for (size_t i = 0; i < len; i++)
        if (norm[i] == ' ') {
            if (words == 1)
                first = i;
            words++;
        }
    if (grow((void **)&lx->pool, &lx->cap_pool, lx->pool_len + len + 1, 1) ||
        grow((void **)&lx->phrases, &lx->cap_phrases, lx->n_phrases + 1, sizeof *lx->phrases))
        return -1;
    phrase *p = &lx->phrases[lx->n_phrases++];
    p->entry = (uint32_t)e;
    p->next = NONE;
    p->text = (uint32_t)lx->pool_len;
    p->hash = hash_bytes(norm, first);
    p->first_len = (uint16_t)first;
    p->n_words = (uint8_t)words;
    memcpy(lx->pool + lx->pool_len, norm, len);
    lx->pool[lx->pool_len + len] = '\0';
    lx->pool_len += len + 1;
    return 0;
}

/* Parses line [s, s+n) (no newline) numbered `line`. Returns NULL or why it
 * is malformed. */
static const char *parse_line(lexicon *lx, char *s, size_t n, size_t line, char *norm,
                              size_t normsz, int *oom)
{
    if (n > 0 && s[n - 1] == '\r')
        s[--n] = '\0';
    if (n == 0 || s[0] == '#' || strspn(s, " \t") == n)
        return NULL; /* comment, or empty but for blanks */
    if (n > LEXICON_MAX_LINE)
        return "line longer than " XSTR(LEXICON_MAX_LINE) " bytes";
    if (!utf8_valid(s, n, NULL))
        return "invalid UTF-8";
    if (grow((void **)&lx->entries, &lx->cap_entries, lx->n_entries + 1, sizeof *lx->entries)) {
        *oom = 1;
        return "out of memory";
    }
    lexicon_entry *e = &lx->entries[lx->n_entries];
    memset(e, 0, sizeof *e);
    e->line = line;
    /* Cut fields at TAB. */
    char *f = s;
    for (;;) {
        if (e->n_fields == LEXICON_MAX_FIELDS)
            return "more than " XSTR(LEXICON_MAX_FIELDS) " fields";
        e->fields[e->n_fields++] = f;
        char *tab = memchr(f, '\t', (size_t)(s + n - f));
        if (!tab)
            break;
        *tab = '\0';
        f = tab + 1;
    }
    /* Field 0: phrases separated by '|'; cut so fields[0] is the first one. */
    char *ph = s;
    for (;;) {
        char *bar = strchr(ph, '|');
        if (bar)
            *bar = '\0';
        const char *why = check_phrase(ph, strlen(ph), oom);
        if (why)
            return why;
        size_t k = text_normalize(ph, strlen(ph), norm, normsz);
        if (store_phrase(lx, lx->n_entries, norm, k)) {
            *oom = 1;
            return "out of memory";
        }
        if (!bar)
            break;
        ph = bar + 1;
    }
    lx->n_entries++;
    return NULL;
}

lexicon *lexicon_new(const char *name, const char *data, size_t len, char *err, size_t errsz)
{
    if (!name)
        name = "lexicon";
    lexicon *lx = calloc(1, sizeof *lx);
    /* A normalised line can outgrow its source (punctuation gains spaces,
     * a lam-alef ligature becomes two letters): room for three times. */
    size_t normsz = 3 * LEXICON_MAX_LINE + 16;
    char *norm = malloc(normsz);
    int oom = 0;
    if (!lx || !norm || !(lx->data = malloc(len + 1))) {
        oom = 1;
        goto fail;
    }
    if (len)
        memcpy(lx->data, data, len);
    lx->data[len] = '\0';

    size_t line = 0;
    for (size_t at = 0; at < len;) {
        char *s = lx->data + at;
        char *nl = memchr(s, '\n', len - at);
        size_t n = nl ? (size_t)(nl - s) : len - at;
        if (nl)
            *nl = '\0';
        line++;
        const char *why = parse_line(lx, s, n, line, norm, normsz, &oom);
        if (why) {
            if (oom)
                goto fail;
            set_err(err, errsz, "%s:%zu: %s", name, line, why);
            goto fail_quiet;
        }
        at += n + 1;
    }

    lx->n_buckets = 16;
    while (lx->n_buckets < 2 * lx->n_phrases)
        lx->n_buckets *= 2;
    lx->buckets = malloc(lx->n_buckets * sizeof *lx->buckets);
    if (!lx->buckets) {
        oom = 1;
        goto fail;
    }
    for (size_t b = 0; b < lx->n_buckets; b++)
        lx->buckets[b] = NONE;
    /* Insert backwards so each chain lists phrases in file order. */
    for (size_t i = lx->n_phrases; i-- > 0;) {
        uint32_t b = lx->phrases[i].hash & (uint32_t)(lx->n_buckets - 1);
        lx->phrases[i].next = lx->buckets[b];
        lx->buckets[b] = (uint32_t)i;
    }
    free(norm);
    return lx;
fail:
    set_err(err, errsz, "%s: out of memory", name);
fail_quiet:
    free(norm);
    lexicon_free(lx);
    return NULL;
}

void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    free(lx->data);
    free(lx->entries);
    free(lx->phrases);
    free(lx->pool);
    free(lx->buckets);
    free(lx);
}

size_t lexicon_size(const lexicon *lx)
{
    return lx ? lx->n_entries : 0;
}

const lexicon_entry *lexicon_entry_at(const lexicon *lx, size_t i)
{
    return lx && i < lx->n_entries ? &lx->entries[i] : NULL;
}

/* The longest phrase whose first word is `first` and whose other words are
 * the tokens after i; NONE when there is none. *end gets its end token. */
static uint32_t longest_from(const lexicon *lx, const text *t, size_t i, const char *first,
                             size_t *end)
{
    size_t flen = strlen(first);
    uint32_t h = hash_bytes(first, flen);
    uint32_t best = NONE;
    size_t best_words = 0;
    for (uint32_t k = lx->buckets[h & (lx->n_buckets - 1)]; k != NONE; k = lx->phrases[k].next) {
        const phrase *p = &lx->phrases[k];
        if (p->hash != h || p->first_len != flen || p->n_words <= best_words)
            continue;
        const char *w = lx->pool + p->text;
        if (memcmp(w, first, flen) != 0)
            continue;
        w += flen;
        size_t j = i + 1;
        bool ok = true;
        while (*w == ' ') {
            w++;
            const char *sp = strchr(w, ' ');
            size_t wl = sp ? (size_t)(sp - w) : strlen(w);
            if (j >= t->n_tok || t->tok[j].sentence != t->tok[i].sentence ||
                strlen(t->tok[j].norm) != wl || memcmp(t->tok[j].norm, w, wl) != 0) {
                ok = false;
                break;
            }
            w += wl;
            j++;
        }
        if (ok) {
            best = k;
            best_words = p->n_words;
            *end = j;
        }
    }
    return best;
}

bool lexicon_match_at(const lexicon *lx, const text *t, size_t i, proclitics mode, lexicon_match *m)
{
    if (!lx || !t || i >= t->n_tok || lx->n_phrases == 0)
        return false;
    const char *norm = t->tok[i].norm;
    char forms[TEXT_PROCLITIC_MAX][TOKEN_NORM_MAX];
    size_t letters[TEXT_PROCLITIC_MAX];
    size_t n = 1;
    if (mode != PROCLITICS_NONE && t->tok[i].kind == TOK_WORD)
        n = text_proclitic_forms(norm, mode == PROCLITICS_NAME, forms, letters, TEXT_PROCLITIC_MAX);
    for (size_t f = 0; f < n; f++) {
        const char *form = f == 0 ? norm : forms[f];
        size_t end = 0;
        uint32_t k = longest_from(lx, t, i, form, &end);
        if (k == NONE)
            continue;
        size_t stripped = f > 0 ? letters[f] : 0; /* letters of the proclitics */
        m->entry = &lx->entries[lx->phrases[k].entry];
        m->sp.start = f > 0 ? text_skip_letters(t, i, stripped) : t->tok[i].sp.start;
        m->sp.end = t->tok[end - 1].sp.end;
        m->tok_first = i;
        m->tok_end = end;
        m->stripped = f > 0;
        return true;
    }
    return false;
}

const char *lexicon_phrase_at(const lexicon *lx, size_t k, size_t *entry)
{
    if (!lx || k >= lx->n_phrases)
        return NULL;
    if (entry)
        *entry = lx->phrases[k].entry;
    return lx->pool + lx->phrases[k].text;
}

const lexicon_entry *lexicon_find(const lexicon *lx, const char *norm_phrase)
{
    if (!lx || !norm_phrase || lx->n_phrases == 0)
        return NULL;
    const char *sp = strchr(norm_phrase, ' ');
    size_t flen = sp ? (size_t)(sp - norm_phrase) : strlen(norm_phrase);
    uint32_t h = hash_bytes(norm_phrase, flen);
    for (uint32_t k = lx->buckets[h & (lx->n_buckets - 1)]; k != NONE; k = lx->phrases[k].next) {
        const phrase *p = &lx->phrases[k];
        if (p->hash == h && strcmp(lx->pool + p->text, norm_phrase) == 0)
            return &lx->entries[p->entry];
    }
    return NULL;
}
