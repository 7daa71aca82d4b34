/* fts_arabic.c — the "marsad_ar" FTS5 tokenizer (what it does and why:
 * fts_arabic.h).
 *
 * The words come from extract/'s text_next_token, so the folding table
 * lives in one place (extract/text.c) for the extractor and the index
 * alike. Every term is at most TOKEN_NORM_MAX-1 bytes (a longer word is cut
 * at a code point, as the extractor cuts it).
 *
 * Left out: tokenizer arguments (any is refused), broken plurals (صواريخ and
 * صاروخ stay apart: a light stemmer cannot join them), and stems of
 * scripts other than Arabic and Latin.
 */
#include "db/fts_arabic.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <stdint.h>

#include "extract/text.h"
#include "extract/fnv1a.h"
#include "extract/utf8.h"

/* Passes of the Arabic stemmer at most (see fts_arabic.h, step 3). */
#define STEM_PASSES 4

/* Forms of one word at most: the word and its stripped forms. */
#define MAX_TERMS TEXT_PROCLITIC_MAX

typedef char term[TOKEN_NORM_MAX];

/* Stems already computed, direct-mapped by the form's hash: news text says
 * the same words again and again, and the stemmer was a sixth of an
 * import's time before this memo. */
#define STEM_MEMO 2048

typedef struct stem_memo {
    term form, stem;
} stem_memo;

/* The terms of whole words already worked out, direct-mapped by the
 * word's hash: a word's terms depend on nothing but its folded form, and
 * news text repeats its words (the quotes of a report's figures repeat
 * whole sentences), so most words skip text_proclitic_forms and the stem
 * lookups of each form. Terms that do not fit WORD_TERM_BYTES are not
 * kept. Allocated on the first word, so that a tokenizer that is never
 * used costs nothing. */
#define WORD_MEMO 4096
#define WORD_TERM_BYTES 192

typedef struct word_memo {
    char word[TOKEN_NORM_MAX]; /* "" when the slot is empty */
    unsigned char n;           /* terms */
    unsigned char len[TEXT_PROCLITIC_MAX];
    char terms[WORD_TERM_BYTES]; /* one after another, no NULs */
} word_memo;

typedef struct ar_tokenizer {
    struct sb_stemmer *ar, *en;
    stem_memo memo[STEM_MEMO];
    word_memo *words; /* WORD_MEMO of them, or NULL */
} ar_tokenizer;

static int ar_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)ctx;
    (void)argv;
    *out = NULL;
    if (argc > 0)
        return SQLITE_ERROR; /* no options */
    ar_tokenizer *t = calloc(1, sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    t->ar = sb_stemmer_new("arabic", NULL);
    t->en = sb_stemmer_new("english", NULL);
    if (!t->ar || !t->en) {
        if (t->ar)
            sb_stemmer_delete(t->ar);
        if (t->en)
            sb_stemmer_delete(t->en);
        free(t);
        return SQLITE_NOMEM;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void ar_delete(Fts5Tokenizer *p)
{
    ar_tokenizer *t = (ar_tokenizer *)p;
    if (!t)
        return;
    sb_stemmer_delete(t->ar);
    sb_stemmer_delete(t->en);
    free(t->words);
    free(t);
}

/* Letters (code points) of UTF-8 s. */
static size_t n_letters(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Copies n bytes of src into a term, cut at a code point when too long. */
static void term_set(term out, const char *src, size_t n)
{
    if (n > TOKEN_NORM_MAX - 1) {
        n = TOKEN_NORM_MAX - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, src, n);
    out[n] = '\0';
}

/* One stemmer pass over w into out; false when the stemmer ran out of
 * memory. An empty stem leaves the word as it is. */
static bool stem_once(struct sb_stemmer *st, const char *w, term out)
{
    size_t n = strlen(w);
    const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)n);
    if (!r)
        return false;
    int len = sb_stemmer_length(st);
    if (len <= 0)
        term_set(out, w, n);
    else
        term_set(out, (const char *)r, (size_t)len);
    return true;
}

/* w stemmed until it stops changing (at most passes times). */
static bool stem_fix(struct sb_stemmer *st, const char *w, int passes, term out)
{
    term cur;
    term_set(cur, w, strlen(w));
    for (int i = 0; i < passes; i++) {
        if (!stem_once(st, cur, out))
            return false;
        if (strcmp(out, cur) == 0)
            return true;
        memcpy(cur, out, sizeof cur);
    }
    memcpy(out, cur, sizeof cur);
    return true;
}

static uint32_t hash_of(const char *s)
{
    return fnv1a32(FNV1A32_OFFSET, s, strlen(s));
}

/* stem_fix through the memo. */
static bool stem_memoised(ar_tokenizer *t, const char *form, term out)
{
    stem_memo *m = &t->memo[hash_of(form) & (STEM_MEMO - 1)];
    if (m->form[0] && strcmp(m->form, form) == 0) {
        memcpy(out, m->stem, sizeof(term));
        return true;
    }
    if (!stem_fix(t->ar, form, STEM_PASSES, out))
        return false;
    term_set(m->form, form, strlen(form));
    memcpy(m->stem, out, sizeof(term));
    return true;
}

/* The term of one form: its stem; for a prefix, the stem only when it is a
 * prefix of the form (then it only widens the match), else the form. */
static bool form_term(ar_tokenizer *t, struct sb_stemmer *st, int passes, const char *form,
                      bool prefix, term out)
{
    if (!(st == t->ar ? stem_memoised(t, form, out) : stem_fix(st, form, passes, out)))
        return false;
    if (prefix && strncmp(form, out, strlen(out)) != 0)
        term_set(out, form, strlen(form));
    return true;
}

/* Adds t to terms unless empty or already there (a position holds each
 * term once). */
static void add_term(term *terms, size_t *n, const term t)
{
    if (!t[0] || *n == MAX_TERMS)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp(terms[i], t) == 0)
            return;
    memcpy(terms[(*n)++], t, sizeof(term));
}

/* Is the first code point of s an Arabic letter, a Latin one? */
static int script_of(const char *s)
{
    uint32_t c = 0;
    if (!utf8_decode((const unsigned char *)s, strlen(s), &c))
        return 0;
    if (text_is_arabic_letter(c))
        return 'a';
    if (c < 0x250) /* ASCII, Latin-1, Latin Extended-A and -B */
        return 'l';
    return 0;
}

/* The proclitic forms of an Arabic word, the word itself first. A text
 * word keeps the stripped forms of three letters or more; a prefix those of
 * one letter or more (الف* is ال + ف*, the start of الفتح), which
 * text_proclitic_forms does not offer (it wants two): it is asked about the
 * prefix followed by two placeholder letters (ءء, which no proclitic rule
 * reads), and they are cut off its forms again. */
static size_t arabic_forms(const char *norm, bool prefix, term *forms)
{
    static const char PAD[] = "\xD8\xA1\xD8\xA1"; /* ءء */
    size_t len = strlen(norm), pad = 0, n = 0;
    term in, raw[TEXT_PROCLITIC_MAX];
    term_set(in, norm, len);
    if (prefix && len + sizeof PAD - 1 < TOKEN_NORM_MAX) {
        memcpy(in + len, PAD, sizeof PAD);
        pad = sizeof PAD - 1;
    }
    size_t nr = text_proclitic_forms(in, false, raw, NULL, TEXT_PROCLITIC_MAX);
    for (size_t i = 0; i < nr; i++) {
        size_t k = strlen(raw[i]); /* each form is a tail of in: the pad ends it */
        if (k < pad)
            continue;
        raw[i][k - pad] = '\0';
        if (i > 0 && n_letters(raw[i]) < (prefix ? 1u : 3u))
            continue;
        memcpy(forms[n++], raw[i], sizeof(term));
    }
    if (n == 0) { /* never: the word itself always comes first */
        term_set(forms[0], norm, len);
        n = 1;
    }
    return n;
}

/* The terms one word or number stands for (see fts_arabic.h); the first is
 * the one FTS5 gets without FTS5_TOKEN_COLOCATED. 0 terms for nothing to
 * index; -1 when out of memory. */
static int word_terms(ar_tokenizer *t, const text_btoken *tk, bool prefix, term *terms)
{
    size_t n = 0;
    term one;
    if (tk->kind == TOK_NUMBER) {
        size_t o = 0;
        for (const char *p = tk->norm; *p; p++)
            if (*p != ',')
                one[o++] = *p;
        one[o] = '\0';
        add_term(terms, &n, one);
        return (int)n;
    }
    switch (script_of(tk->norm)) {
    case 'a': {
        term forms[TEXT_PROCLITIC_MAX];
        size_t nf = arabic_forms(tk->norm, prefix, forms);
        for (size_t i = 0; i < nf; i++) {
            if (!form_term(t, t->ar, STEM_PASSES, forms[i], prefix, one))
                return -1;
            add_term(terms, &n, one);
        }
        return (int)n;
    }
    case 'l':
        if (!form_term(t, t->en, 1, tk->norm, prefix, one))
            return -1;
        add_term(terms, &n, one);
        return (int)n;
    default: add_term(terms, &n, tk->norm); return (int)n;
    }
}

/* word_terms through the word memo, for words read without
 * FTS5_TOKENIZE_PREFIX (a prefix's terms differ from the word's). */
static int word_terms_memoised(ar_tokenizer *t, const text_btoken *tk, term *terms)
{
    if (tk->kind != TOK_WORD)
        return word_terms(t, tk, false, terms);
    if (!t->words && !(t->words = calloc(WORD_MEMO, sizeof *t->words)))
        return word_terms(t, tk, false, terms);
    word_memo *m = &t->words[hash_of(tk->norm) & (WORD_MEMO - 1)];
    if (m->word[0] && strcmp(m->word, tk->norm) == 0) {
        const char *p = m->terms;
        for (int i = 0; i < m->n; p += m->len[i], i++) {
            memcpy(terms[i], p, m->len[i]);
            terms[i][m->len[i]] = '\0';
        }
        return m->n;
    }
    int k = word_terms(t, tk, false, terms);
    size_t used = 0;
    for (int i = 0; i < k; i++)
        used += strlen(terms[i]);
    if (k > 0 && used <= WORD_TERM_BYTES) {
        char *p = m->terms;
        for (int i = 0; i < k; i++) {
            m->len[i] = (unsigned char)strlen(terms[i]);
            memcpy(p, terms[i], m->len[i]);
            p += m->len[i];
        }
        m->n = (unsigned char)k;
        memcpy(m->word, tk->norm, sizeof m->word);
    }
    return k;
}

static int ar_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *in, int len,
                       int (*emit)(void *ctx, int tflags, const char *tok, int ntok, int start,
                                   int end))
{
    ar_tokenizer *t = (ar_tokenizer *)p;
    bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    size_t pos = 0, n = len > 0 ? (size_t)len : 0;
    text_btoken tk;
    term terms[MAX_TERMS];
    while (text_next_token(in, n, &pos, &tk)) {
        if (tk.kind == TOK_PUNCT)
            continue;
        int k = prefix ? word_terms(t, &tk, true, terms) : word_terms_memoised(t, &tk, terms);
        if (k < 0)
            return SQLITE_NOMEM;
        for (int i = 0; i < k; i++) {
            int rc = emit(ctx, i ? FTS5_TOKEN_COLOCATED : 0, terms[i], (int)strlen(terms[i]),
                          (int)tk.start, (int)tk.end);
            if (rc != SQLITE_OK)
                return rc;
        }
    }
    return SQLITE_OK;
}

/* The fts5_api of db (NULL when FTS5 is missing), as the FTS5
 * documentation says to get it: SELECT fts5(?1) with a bound pointer. */
static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

int fts_arabic_register(sqlite3 *db)
{
    static fts5_tokenizer tokenizer = {ar_create, ar_delete, ar_tokenize};
    fts5_api *api = fts5_api_of(db);
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    return api->xCreateTokenizer(api, FTS_ARABIC_NAME, NULL, &tokenizer, NULL);
}
