/* text.c — UTF-8 decoding, tokenising, Arabic normalisation and sentence
 * splitting: the one view of a document that every later stage shares.
 *
 * Why: every offset marsad reports is a code-point index, and every lookup
 * (lexicons, number words) compares normalised token strings, so decoding
 * and folding are done once here, identically for documents (text_init) and
 * for lexicon entries and queries (text_normalize).
 *
 * Tokens: WORD = a run of letters of the scripts in letter_ranges (Arabic
 * with its presentation forms, Latin, Greek, Cyrillic, Hebrew, Indic, CJK...)
 * with combining marks, tatweel and ZWJ/ZWNJ inside; NUMBER = a run of ASCII,
 * Arabic-Indic or Eastern digits with , ٬ . ٫ kept when a digit follows;
 * PUNCT = any other single non-space code point.
 *
 * UTF-8 itself is utf8.c's (strict: no overlongs, surrogates or NUL).
 *
 * Leaves out: full Unicode tables (letters outside letter_ranges, e.g. most
 * of the supplementary planes, are PUNCT; case folding covers ASCII,
 * Latin-1, Latin Extended-A, Greek and Cyrillic only), Unicode
 * normalisation forms (NFC/NFKC) beyond the Arabic foldings listed in
 * text.h, and abbreviations other than one Arabic letter ("مثلا." or
 * "إلخ." before a word still end a sentence).
 */
#include "extract/grow.h"
#include "extract/text.h"

#include "extract/utf8.h"

#include <stdlib.h>
#include <string.h>

/* ---- code point classes ---- */

typedef struct range {
    uint32_t lo, hi;
} range;

static bool in_ranges(uint32_t c, const range *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Sorted, disjoint. */
static const range arabic_letter_ranges[] = {
    {0x0620, 0x063F}, {0x0641, 0x064A}, {0x066E, 0x066F}, {0x0671, 0x06D3}, {0x06D5, 0x06D5},
    {0x06E5, 0x06E6}, {0x06EE, 0x06EF}, {0x06FA, 0x06FC}, {0x06FF, 0x06FF}, {0x0750, 0x077F},
    {0x08A0, 0x08C9}, {0xFB50, 0xFD3D}, {0xFD40, 0xFDFB}, {0xFE80, 0xFEFC},
};

/* Letters of other scripts (sorted, disjoint, Arabic excluded). */
static const range letter_ranges[] = {
    {'A', 'Z'},       {'a', 'z'},       {0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA},
    {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x02AF}, {0x0370, 0x0373}, {0x0376, 0x0377},
    {0x037B, 0x037D}, {0x0386, 0x0386}, {0x0388, 0x03FF}, {0x0400, 0x0481}, {0x048A, 0x052F},
    {0x0531, 0x0556}, {0x0561, 0x0587}, {0x05D0, 0x05EA}, {0x0710, 0x072F}, {0x0780, 0x07A5},
    {0x0900, 0x0963}, {0x0966, 0x0DFF}, {0x0E01, 0x0E3A}, {0x0E40, 0x0E4E}, {0x10A0, 0x10FF},
    {0x1100, 0x11FF}, {0x1E00, 0x1FFF}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFB00, 0xFB4F},
};

/* Combining marks that belong to the word they follow and are dropped from
 * the norm: harakat, Quranic marks, tatweel, joiners, Latin diacritics. */
static const range mark_ranges[] = {
    {0x0300, 0x036F}, {0x0610, 0x061A}, {0x0640, 0x0640}, {0x064B, 0x065F},
    {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8},
    {0x06EA, 0x06ED}, {0x08CA, 0x08FF}, {0x200C, 0x200D}, {0xFE70, 0xFE7F},
};

/* Separators that are not line breaks: spaces, invisible format and bidi
 * controls (common in Arabic web text), soft hyphen, other controls. */
static const range space_ranges[] = {
    {0x0000, 0x0009}, {0x000B, 0x000C}, {0x000E, 0x0020}, {0x007F, 0x0084},
    {0x0086, 0x00A0}, {0x00AD, 0x00AD}, {0x061C, 0x061C}, {0x1680, 0x1680},
    {0x180E, 0x180E}, {0x2000, 0x200B}, {0x200E, 0x200F}, {0x202A, 0x202F},
    {0x205F, 0x2064}, {0x2066, 0x206F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF},
};

/* The fast paths below cover the basic Arabic block and ASCII, which is
 * nearly every code point of a news text. */
bool text_is_arabic_letter(uint32_t c)
{
    if (c >= 0x0621 && c <= 0x064A)
        return c != 0x0640;
    return c >= 0x0620 && in_ranges(c, arabic_letter_ranges, N_OF(arabic_letter_ranges));
}

static bool is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return text_is_arabic_letter(c) || in_ranges(c, letter_ranges, N_OF(letter_ranges));
}

static bool is_mark(uint32_t c)
{
    if (c < 0x0300 || (c >= 0x0621 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A))
        return false;
    return in_ranges(c, mark_ranges, N_OF(mark_ranges));
}

static bool is_newline(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static bool is_space(uint32_t c)
{
    if (c == ' ')
        return true;
    if (c > 0x20 && c < 0x7F)
        return false;
    return in_ranges(c, space_ranges, N_OF(space_ranges));
}

static int digit_value(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 0x0660 && c <= 0x0669)
        return (int)(c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9)
        return (int)(c - 0x06F0);
    return -1;
}

static bool is_numsep(uint32_t c)
{
    return c == ',' || c == '.' || c == 0x066C || c == 0x066B;
}

static bool is_terminator(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x061F || c == ';' || c == 0x061B ||
           c == 0x2026 || c == 0x06D4;
}

static bool is_comma(uint32_t c)
{
    return c == ',' || c == 0x060C;
}

/* Closing marks that stay with the sentence their terminator ends. */
static bool is_closer(uint32_t c)
{
    return c == 0x00BB || c == 0x201D || c == 0x2019 || c == ')' || c == ']';
}

/* ---- normalisation ---- */

/* Arabic presentation forms B (U+FE80..U+FEF4): each base letter with its
 * number of contextual forms, in code point order. */
static const struct {
    uint16_t base;
    uint8_t forms;
} pres_b[] = {
    {0x0621, 1}, {0x0622, 2}, {0x0623, 2}, {0x0624, 2}, {0x0625, 2}, {0x0626, 4},
    {0x0627, 2}, {0x0628, 4}, {0x0629, 2}, {0x062A, 4}, {0x062B, 4}, {0x062C, 4},
    {0x062D, 4}, {0x062E, 4}, {0x062F, 2}, {0x0630, 2}, {0x0631, 2}, {0x0632, 2},
    {0x0633, 4}, {0x0634, 4}, {0x0635, 4}, {0x0636, 4}, {0x0637, 4}, {0x0638, 4},
    {0x0639, 4}, {0x063A, 4}, {0x0641, 4}, {0x0642, 4}, {0x0643, 4}, {0x0644, 4},
    {0x0645, 4}, {0x0646, 4}, {0x0647, 4}, {0x0648, 2}, {0x0649, 2}, {0x064A, 4},
};

/* Letter folding after presentation forms are resolved. */
static uint32_t fold_letter(uint32_t c)
{
    switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673: return 0x0627; /* آ أ إ ٱ → ا */
    case 0x0649:
    case 0x06CC:
    case 0x0626: return 0x064A; /* ى ی ئ → ي */
    case 0x0629: return 0x0647; /* ة → ه */
    case 0x0624: return 0x0648; /* ؤ → و */
    case 0x06A9: return 0x0643; /* ک → ك */
    case 0x066C: return ',';
    case 0x066B: return '.';
    default: break;
    }
    int d = digit_value(c);
    if (d >= 0)
        return (uint32_t)('0' + d);
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0)
        return c + 1;
    if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1)
        return c + 1;
    return c;
}

/* The normalised code points of c: 0 (dropped), 1, or 2 (lam-alef ligature). */
static int fold(uint32_t c, uint32_t out[2])
{
    if (is_mark(c))
        return 0;
    if (c >= 0xFE80 && c <= 0xFEF4) {
        uint32_t at = 0xFE80;
        for (size_t i = 0; i < N_OF(pres_b); i++) {
            if (c < at + pres_b[i].forms) {
                c = pres_b[i].base;
                break;
            }
            at += pres_b[i].forms;
        }
    } else if (c >= 0xFEF5 && c <= 0xFEFC) { /* لآ لأ لإ لا, two forms each */
        out[0] = 0x0644;
        out[1] = 0x0627;
        return 2;
    }
    out[0] = fold_letter(c);
    return 1;
}

static size_t utf8_len(uint32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Normalise cp[0..n) into out (TOKEN_NORM_MAX), cut at a code point. */
static void build_norm(const uint32_t *cp, size_t n, char out[TOKEN_NORM_MAX])
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t f[2];
        int k = fold(cp[i], f);
        for (int j = 0; j < k; j++) {
            if (o + utf8_len(f[j]) > TOKEN_NORM_MAX - 1)
                goto done;
            o += utf8_encode(f[j], out + o);
        }
    }
done:
    out[o] = '\0';
}

/* ---- UTF-8 decoding ---- */

/* One code point from s at *pos (strict, see utf8.h); -1 when invalid or
 * NUL, and then *pos moves one byte. */
static int32_t decode1(const unsigned char *s, size_t len, size_t *pos)
{
    uint32_t c;
    size_t k = utf8_decode(s + *pos, len - *pos, &c);
    if (k == 0 || c == 0) {
        *pos += 1;
        return -1;
    }
    *pos += k;
    return (int32_t)c;
}

/* ---- tokenising ---- */

/* The next token of cp[*p..n): skips separators, sets *nl when a line break
 * was skipped. Returns false at the end. */
static bool scan_next(const uint32_t *cp, size_t n, size_t *p, token_kind *kind, size_t *start,
                      size_t *end, bool *nl)
{
    size_t i = *p;
    *nl = false;
    for (;;) {
        if (i >= n) {
            *p = i;
            return false;
        }
        uint32_t c = cp[i];
        if (is_newline(c))
            *nl = true;
        else if (!is_space(c) && !is_mark(c)) /* a stray mark has no word to join */
            break;
        i++;
    }
    *start = i;
    uint32_t c = cp[i++];
    if (digit_value(c) >= 0) {
        *kind = TOK_NUMBER;
        while (i < n) {
            if (digit_value(cp[i]) >= 0)
                i++;
            else if (is_numsep(cp[i]) && i + 1 < n && digit_value(cp[i + 1]) >= 0)
                i += 2;
            else
                break;
        }
    } else if (is_letter(c)) {
        *kind = TOK_WORD;
        while (i < n && (is_letter(cp[i]) || is_mark(cp[i])))
            i++;
    } else {
        *kind = TOK_PUNCT;
    }
    *end = i;
    *p = i;
    return true;
}

/* Is the full stop just tokenised (the last token) an abbreviation's? An
 * Arabic word of one letter stands alone only as an abbreviation: a title
 * before a name ("د." doctor, "م." engineer, "أ. د." professor) or the
 * letters of an agency ("أ.ف.ب"). After a number the letter is a unit or
 * an era ("2024 م.", "1445 هـ.", "10 ص.") and the stop may end the
 * sentence, as it may after a Latin letter ("فيتامين C."). */
static bool abbreviating_stop(const text *t)
{
    if (t->n_tok < 2)
        return false;
    const token *stop = &t->tok[t->n_tok - 1], *word = stop - 1;
    if (t->cp[stop->sp.start] != '.' || word->kind != TOK_WORD || word->sp.end != stop->sp.start)
        return false;
    size_t letters = 0;
    for (uint32_t i = word->sp.start; i < word->sp.end; i++) {
        if (!text_is_arabic_letter(t->cp[i]) && !is_mark(t->cp[i]))
            return false;
        letters += !is_mark(t->cp[i]);
    }
    return letters == 1 && !(t->n_tok > 2 && word[-1].kind == TOK_NUMBER);
}

/* Is the word at [start, end), about to be tokenised, the end of a site's
 * address glued to the full stop before it and to a word before that
 * ("العربية.نت", "aljazeera.net")? The stop is then part of the name. Only
 * نت or a Latin word: web copy often leaves out the space after a stop
 * that does end a sentence ("قتل 5 أشخاص.وأصيب 3"). */
static bool address_suffix(const text *t, token_kind kind, size_t start, size_t end)
{
    if (kind != TOK_WORD || t->n_tok < 2)
        return false;
    const token *stop = &t->tok[t->n_tok - 1], *name = stop - 1;
    if (name->kind != TOK_WORD || t->cp[stop->sp.start] != '.' || name->sp.end != stop->sp.start ||
        stop->sp.end != start)
        return false;
    if (end - start == 2 && t->cp[start] == 0x0646 && t->cp[start + 1] == 0x062A) /* نت */
        return true;
    for (size_t i = start; i < end; i++)
        if ((t->cp[i] | 0x20) < 'a' || (t->cp[i] | 0x20) > 'z')
            return false;
    return true;
}

int text_init(text *t, const char *utf8, size_t len)
{
    memset(t, 0, sizeof *t);
    if (len > TEXT_MAX_BYTES)
        return -2;
    if (len && !utf8)
        return -1;
    int rc = -3;
    size_t tok_cap = 0, sent_cap = 0;
    t->cp = malloc((len + 1) * sizeof *t->cp);
    if (!t->cp)
        goto fail;
    const unsigned char *u = (const unsigned char *)utf8;
    size_t pos = 0;
    while (pos < len) {
        int32_t c = decode1(u, len, &pos);
        if (c < 0) {
            rc = -1;
            goto fail;
        }
        if (c == 0xFEFF && t->n_cp == 0)
            continue; /* a BOM the caller left */
        t->cp[t->n_cp++] = (uint32_t)c;
    }

    /* Tokens first, sentence indices as we go: a sentence is open from its
     * first token; a terminator makes it end before the next token that is
     * not itself a terminator or a closing mark; a line break ends it. A
     * full stop that abbreviates (abbreviating_stop) ends nothing when a
     * word or a closing bracket follows it on the line ("(ا. ف. ب.)"), nor
     * one inside a site's address (address_suffix).
     * A sentence that runs on ends at a comma or is cut (TEXT_SENTENCE_*). */
    size_t p = 0, start, end, in_sentence = 0;
    token_kind kind;
    bool nl, open = false, ending = false, abbreviation = false;
    tok_cap = t->n_cp / 4 + 16;
    t->tok = malloc(tok_cap * sizeof *t->tok);
    if (!t->tok)
        goto fail;
    while (scan_next(t->cp, t->n_cp, &p, &kind, &start, &end, &nl)) {
        uint32_t c = t->cp[start];
        if (abbreviation && !nl && (kind == TOK_WORD || c == ')' || c == ']'))
            ending = false;
        if (ending && !nl && address_suffix(t, kind, start, end))
            ending = false;
        abbreviation = false;
        if (open && (nl || (ending && !(kind == TOK_PUNCT && (is_terminator(c) || is_closer(c)))) ||
                     in_sentence >= TEXT_SENTENCE_MAX_TOKENS)) {
            open = false;
            ending = false;
        }
        if (!open) {
            in_sentence = 0;
            if (grow((void **)&t->sentences, &sent_cap, t->n_sentences + 1, sizeof *t->sentences))
                goto fail;
            t->sentences[t->n_sentences].start = (uint32_t)start;
            t->n_sentences++;
            open = true;
        }
        t->sentences[t->n_sentences - 1].end = (uint32_t)end;
        if (grow((void **)&t->tok, &tok_cap, t->n_tok + 1, sizeof *t->tok))
            goto fail;
        token *k = &t->tok[t->n_tok++];
        k->sp.start = (uint32_t)start;
        k->sp.end = (uint32_t)end;
        k->kind = kind;
        k->sentence = (uint32_t)(t->n_sentences - 1);
        k->newline_before = nl && t->n_tok > 1;
        build_norm(t->cp + start, end - start, k->norm);
        in_sentence++;
        if (kind == TOK_PUNCT && is_terminator(c)) {
            abbreviation = !ending && abbreviating_stop(t);
            ending = true;
        } else if (kind == TOK_PUNCT && is_comma(c) && in_sentence >= TEXT_SENTENCE_SOFT_TOKENS) {
            ending = true;
        }
    }
    return 0;
fail:
    text_free(t);
    return rc;
}

void text_free(text *t)
{
    if (!t)
        return;
    free(t->cp);
    free(t->tok);
    free(t->sentences);
    memset(t, 0, sizeof *t);
}

char *text_slice(const text *t, span sp)
{
    size_t a = sp.start < t->n_cp ? sp.start : t->n_cp;
    size_t b = sp.end < t->n_cp ? sp.end : t->n_cp;
    if (b < a)
        b = a;
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += utf8_len(t->cp[i]);
    char *s = malloc(n + 1);
    if (!s)
        return NULL;
    size_t o = 0;
    for (size_t i = a; i < b; i++)
        o += utf8_encode(t->cp[i], s + o);
    s[o] = '\0';
    return s;
}

size_t text_newlines_to_lf(char *buf, size_t len)
{
    size_t w = 0;
    for (size_t r = 0; r < len; r++) {
        if (buf[r] == '\r') {
            buf[w++] = '\n';
            if (r + 1 < len && buf[r + 1] == '\n')
                r++; /* CRLF: one LF */
        } else {
            buf[w++] = buf[r];
        }
    }
    return w;
}

size_t text_normalize(const char *utf8, size_t len, char *out, size_t outsz)
{
    if (outsz == 0)
        return 0;
    out[0] = '\0';
    if (!utf8 || len == 0)
        return 0;
    if (len > TEXT_MAX_BYTES)
        len = TEXT_MAX_BYTES;
    /* Short strings (every lexicon phrase) decode on the stack. */
    uint32_t small[256];
    uint32_t *cp = small;
    if (len > N_OF(small)) {
        cp = malloc(len * sizeof *cp);
        if (!cp)
            return 0;
    }
    const unsigned char *u = (const unsigned char *)utf8;
    size_t n = 0, pos = 0;
    while (pos < len) {
        int32_t c = decode1(u, len, &pos);
        cp[n++] = c < 0 ? ' ' : (uint32_t)c;
    }
    size_t o = 0, p = 0, start, end;
    token_kind kind;
    bool nl;
    char norm[TOKEN_NORM_MAX];
    while (scan_next(cp, n, &p, &kind, &start, &end, &nl)) {
        build_norm(cp + start, end - start, norm);
        size_t k = strlen(norm);
        if (k == 0)
            continue;
        size_t need = k + (o > 0);
        if (o + need + 1 > outsz)
            break;
        if (o > 0)
            out[o++] = ' ';
        memcpy(out + o, norm, k);
        o += k;
    }
    out[o] = '\0';
    if (cp != small)
        free(cp);
    return o;
}

/* ---- tokens located in bytes ---- */

/* The code point at s[pos] and its length in bytes; an invalid byte or a NUL
 * reads as a one-byte space (a separator), as decode1 makes them in
 * text_normalize. */
static size_t peek_cp(const unsigned char *s, size_t len, size_t pos, uint32_t *c)
{
    size_t k = utf8_decode(s + pos, len - pos, c);
    if (k == 0 || *c == 0) {
        *c = ' ';
        return 1;
    }
    return k;
}

/* Appends the folded form of c to a norm being built (as build_norm does:
 * once a code point does not fit, nothing more is added). */
static void norm_add(char out[TOKEN_NORM_MAX], size_t *o, bool *full, uint32_t c)
{
    uint32_t f[2];
    int k = fold(c, f);
    for (int j = 0; j < k && !*full; j++) {
        if (*o + utf8_len(f[j]) > TOKEN_NORM_MAX - 1) {
            *full = true;
            return;
        }
        *o += utf8_encode(f[j], out + *o);
    }
}

bool text_next_token(const char *utf8, size_t len, size_t *pos, text_btoken *tok)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t i = *pos, k, o = 0;
    bool full = false;
    uint32_t c;
    for (;;) { /* the separators scan_next skips */
        if (!s || i >= len) {
            *pos = len;
            return false;
        }
        k = peek_cp(s, len, i, &c);
        if (!is_newline(c) && !is_space(c) && !is_mark(c))
            break;
        i += k;
    }
    tok->start = i;
    norm_add(tok->norm, &o, &full, c);
    i += k;
    if (digit_value(c) >= 0) {
        tok->kind = TOK_NUMBER;
        while (i < len) {
            k = peek_cp(s, len, i, &c);
            if (digit_value(c) >= 0) {
                norm_add(tok->norm, &o, &full, c);
                i += k;
                continue;
            }
            uint32_t d;
            if (!is_numsep(c) || i + k >= len)
                break;
            size_t k2 = peek_cp(s, len, i + k, &d);
            if (digit_value(d) < 0)
                break;
            norm_add(tok->norm, &o, &full, c);
            norm_add(tok->norm, &o, &full, d);
            i += k + k2;
        }
    } else if (is_letter(c)) {
        tok->kind = TOK_WORD;
        while (i < len) {
            k = peek_cp(s, len, i, &c);
            if (!is_letter(c) && !is_mark(c))
                break;
            norm_add(tok->norm, &o, &full, c);
            i += k;
        }
    } else {
        tok->kind = TOK_PUNCT;
    }
    tok->norm[o] = '\0';
    tok->end = i;
    *pos = i;
    return true;
}

/* ---- proclitics ---- */

#define AR_WAW "\xD9\x88"  /* و */
#define AR_FA "\xD9\x81"   /* ف */
#define AR_BA "\xD8\xA8"   /* ب */
#define AR_LAM "\xD9\x84"  /* ل */
#define AR_KAF "\xD9\x83"  /* ك */
#define AR_ALEF "\xD8\xA7" /* ا */

/* Does s start with the two-byte letter l? (Every prefix letter is one.) */
static bool starts(const char *s, const char *l)
{
    return s[0] == l[0] && s[0] != '\0' && s[1] == l[1];
}

static size_t count_cp(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

size_t text_proclitic_forms(const char *norm, bool keep_article, char buf[][TOKEN_NORM_MAX],
                            size_t letters[], size_t max)
{
    /* Byte offsets of the candidate remainders; every prefix letter is two
     * bytes, so at most 2+2+4 bytes are stripped. article[o]: the remainder
     * at o takes back the alef of ال (لل = ل + ال, keep_article only). */
    bool off[9] = {false}, article[9] = {false};
    off[0] = true;
    for (size_t a = 0; a <= 2; a += 2) {
        if (a == 2 && !starts(norm, AR_WAW) && !starts(norm, AR_FA))
            break;
        const char *s = norm + a;
        off[a] = true;
        if (!keep_article && starts(s, AR_ALEF) && starts(s + 2, AR_LAM))
            off[a + 4] = true;
        if (starts(s, AR_BA) || starts(s, AR_LAM) || starts(s, AR_KAF)) {
            off[a + 2] = true;
            if (!keep_article && starts(s + 2, AR_ALEF) && starts(s + 4, AR_LAM))
                off[a + 6] = true;
        }
        if (starts(s, AR_LAM) && starts(s + 2, AR_LAM)) {
            if (keep_article)
                article[a + 2] = true; /* لل + name → ال + name */
            else
                off[a + 4] = true; /* لل = ل + ال */
        }
    }
    size_t n = 0;
    for (size_t o = 0; o < 9 && n < max; o++) {
        if (!off[o] && !article[o])
            continue;
        for (int with_article = 0; with_article < 2 && n < max; with_article++) {
            if (with_article ? !article[o] : !off[o])
                continue;
            if (o > 0 && count_cp(norm + o) < 2)
                continue;
            size_t used = 0;
            if (with_article) {
                memcpy(buf[n], AR_ALEF, 2);
                used = 2;
            }
            size_t k = strlen(norm + o);
            if (used + k > TOKEN_NORM_MAX - 1)
                k = TOKEN_NORM_MAX - 1 - used;
            memcpy(buf[n] + used, norm + o, k);
            buf[n][used + k] = '\0';
            if (letters)
                letters[n] = o / 2;
            n++;
        }
    }
    return n;
}

uint32_t text_skip_letters(const text *t, size_t tok, size_t nletters)
{
    if (tok >= t->n_tok)
        return (uint32_t)t->n_cp;
    uint32_t p = t->tok[tok].sp.start, end = t->tok[tok].sp.end;
    size_t k = 0;
    while (p < end && k < nletters) {
        uint32_t f[2];
        size_t m = (size_t)fold(t->cp[p], f);
        if (k + m > nletters) /* inside a ligature: keep it whole */
            return p;
        k += m;
        p++;
    }
    while (p < end && is_mark(t->cp[p]))
        p++;
    return p;
}
