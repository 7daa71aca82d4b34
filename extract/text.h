/* text.h — a document decoded into code points, Arabic-normalised tokens and
 * sentences. Every offset marsad reports is a code-point index into the
 * decoded text (end exclusive), so all of extract/ works on these indices.
 *
 * Pure: no I/O, no globals. Limits: TEXT_MAX_BYTES of input.
 */
#ifndef MARSAD_TEXT_H
#define MARSAD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_MAX_BYTES (1u << 20) /* 1 MiB: the import limit of a document */
/* A run of text no stop ends is read in pieces, so that a rule weighing a
 * figure against the rest of its sentence costs a bounded amount however
 * long the text runs on. Published reporting's longest sentences run to
 * about a hundred and twenty tokens. Past the soft limit a comma ends the
 * sentence; past the hard one the next token starts another. */
#define TEXT_SENTENCE_SOFT_TOKENS 200
#define TEXT_SENTENCE_MAX_TOKENS 400
#define TOKEN_NORM_MAX 64 /* bytes of a normalised token, NUL included */

typedef struct span {
    uint32_t start, end; /* code points, end exclusive */
} span;

typedef enum token_kind {
    TOK_WORD,   /* a run of letters (Arabic or Latin), harakat and tatweel inside */
    TOK_NUMBER, /* a run of ASCII / Arabic-Indic digits with , ٬ . ٫ between digits */
    TOK_PUNCT,  /* any other single non-space code point */
} token_kind;

typedef struct token {
    span sp; /* where it stands in the text */
    token_kind kind;
    uint32_t sentence;   /* index into text.sentences */
    bool newline_before; /* a line break separates it from the previous token */
    /* Normalised UTF-8: harakat and tatweel removed; أ إ آ ٱ → ا; ى → ي;
     * ة → ه; ؤ → و; ئ → ي (so مئة → ميه, مائة → مايه); Persian ی ک → ي ك;
     * presentation forms → base letters; Arabic-Indic digits → ASCII,
     * ٬ → , and ٫ → .; Latin lower-cased. Truncated (never split inside a
     * code point) to TOKEN_NORM_MAX-1 bytes. */
    char norm[TOKEN_NORM_MAX];
} token;

typedef struct text {
    uint32_t *cp; /* decoded code points (BOM removed, CRLF → LF already done by the caller) */
    size_t n_cp;
    token *tok;
    size_t n_tok;
    span *sentences; /* sentence spans, split after . ! ? ؟ ; ؛ … ۔ (with any
                        * closing » ” ’ ) ] right after them) and at line breaks,
                        * but not after a one-letter abbreviation ("د. أحمد");
                        * a long one at a comma or cut (TEXT_SENTENCE_*);
                        * trimmed, never empty */
    size_t n_sentences;
} text;

/* Decode `len` bytes of UTF-8 into t. Returns 0 on success, -1 when the input
 * is not valid UTF-8 (overlongs, surrogates and NUL count as invalid), -2 when
 * it exceeds TEXT_MAX_BYTES, -3 when memory runs out. On failure t is left
 * empty and needs no text_free (calling it is harmless). */
int text_init(text *t, const char *utf8, size_t len);
void text_free(text *t);

/* Copy the code points [sp.start, sp.end) of t as UTF-8 into a new
 * NUL-terminated string (caller frees). NULL when out of memory. */
char *text_slice(const text *t, span sp);

/* Line ends as marsad stores a document, in place: every CRLF and every lone
 * CR becomes LF, in one pass ("\r\r\n" is a lone CR and a CRLF: "\n\n"),
 * as text_init already reads a CR as a line break. The result has no CR, so
 * the rule is idempotent: a text normalised twice (and any hash of it) is the
 * text normalised once. A lone CR becomes one LF, so code-point offsets past
 * it do not move. Works on bytes (CR and LF never occur inside a UTF-8
 * sequence); writes no terminator. Returns the new length (at most len). */
size_t text_newlines_to_lf(char *buf, size_t len);

/* Normalise one UTF-8 string as tokens are normalised (used for lexicon
 * entries and queries) into out (size outsz, always NUL-terminated). The
 * string is tokenised exactly as text_init does and the tokens' norms are
 * joined by one ASCII space, so spaces and other separators collapse to one
 * space, leading and trailing ones are dropped, and a punctuation mark
 * becomes a word of its own ("أ.ف.ب" → "ا . ف . ب"). Invalid UTF-8 bytes
 * count as separators. Output is cut at a word boundary when out is full.
 * Returns the length written. */
size_t text_normalize(const char *utf8, size_t len, char *out, size_t outsz);

/* One token of a UTF-8 buffer, cut and normalised exactly as text_init and
 * text_normalize do, but located in bytes: what a full-text tokenizer must
 * report (db/fts_arabic.c). */
typedef struct text_btoken {
    size_t start, end; /* byte offsets into the buffer, end exclusive */
    token_kind kind;
    char norm[TOKEN_NORM_MAX]; /* as token.norm */
} text_btoken;

/* The next token of utf8[*pos..len): separators are skipped, and invalid
 * UTF-8 bytes and NUL count as separators (as in text_normalize). Fills *tok,
 * moves *pos past it and returns true; false at the end. Pure; no
 * allocation, so a caller may walk a buffer of any size. */
bool text_next_token(const char *utf8, size_t len, size_t *pos, text_btoken *tok);

/* Arabic proclitics: the forms of a normalised word with attached و ف ب ل ك
 * and the article ال / لل removed, longest remainder first, the word itself
 * always first. The prefixes read are: one of و ف, then one of ب ل ك, then
 * ال; or (after an optional و ف) لل, meaning ل + ال with the alef dropped.
 * وبالراموسه → وبالراموسه, بالراموسه, الراموسه, راموسه; للجيش → للجيش,
 * لجيش, جيش (the ل-only form is kept because of stems that begin with ل:
 * للواء = ل + اللواء → لواء). Writes at most `max` forms into buf (each
 * NUL-terminated, TEXT_PROCLITIC_MAX is always enough) and returns how many.
 * A remainder shorter than two letters is not offered.
 * With keep_article the article is never removed, because it belongs to a
 * name (الراموسة; and السورية must not become سورية): only و ف and ب ل ك
 * are, and لل reads as ل + ال, giving the name back its article
 * (للجزيره → الجزيره). letters[k] (when letters is not NULL) is how many
 * letters of the word form k leaves out at its start. */
#define TEXT_PROCLITIC_MAX 8
size_t text_proclitic_forms(const char *norm, bool keep_article, char buf[][TOKEN_NORM_MAX],
                            size_t letters[], size_t max);

/* The code point where token `tok` of t continues after its first
 * `nletters` normalised letters (harakat and tatweel skipped, and marks that
 * follow the last skipped letter skipped with it). Used to start a span after
 * a stripped proclitic: with nletters = 2, "وبِخمسة" → the index of خ. */
uint32_t text_skip_letters(const text *t, size_t tok, size_t nletters);

/* True for a code point that is an Arabic letter. */
bool text_is_arabic_letter(uint32_t c);

#endif
