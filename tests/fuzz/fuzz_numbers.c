/* fuzz_numbers.c — the number reader on any bytes.
 *
 * The input is a document: text_init, then numbers_find_ex with the
 * compiled-in qualifier and name-number lexicons (data/lexicon/); the same
 * bytes through numbers_parse, text_normalize and the byte tokenizer
 * text_next_token (what the full-text index runs over stored text).
 * Invariants: every span and token range inside the text, values not NaN,
 * a range's maximum with its value, normalised output NUL-terminated
 * within its buffer, byte tokens in order and inside the buffer.
 */
#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif
#include "tests/fuzz/fuzz.h"

#include "extract/blobs.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"
#include "extract/text.h"

#include <math.h>
#include <string.h>

int FUZZ_ENTRY(const uint8_t *data, size_t size);

#define NUMBERS_MAX 256

static lexicon *numbers_lexicon(const char *name)
{
    const data_blob *b = data_blob_find(name);
    fuzz_check(b != NULL, "no compiled-in %s", name);
    char err[256];
    lexicon *lx = lexicon_new(name, b->data, b->len, err, sizeof err);
    fuzz_check(lx != NULL, "%s", err);
    return lx;
}

static void numbers_check_span(const text *t, span sp, const char *what)
{
    fuzz_check(sp.start <= sp.end && sp.end <= t->n_cp, "%s [%u, %u) outside %zu code points", what,
               sp.start, sp.end, t->n_cp);
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
    static lexicon *qualifiers, *names;
    static number out[NUMBERS_MAX];
    if (!qualifiers) {
        qualifiers = numbers_lexicon("lexicon/qualifiers.tsv");
        names = numbers_lexicon("lexicon/name_numbers.tsv");
    }
    const char *s = (const char *)data;

    text t;
    int rc = text_init(&t, s, size);
    fuzz_check(rc == 0 || rc == -1 || rc == -2, "text_init returned %d", rc);
    if (rc == 0) {
        for (size_t i = 0; i < t.n_tok; i++) {
            numbers_check_span(&t, t.tok[i].sp, "token");
            fuzz_check(t.tok[i].sentence < t.n_sentences || t.n_sentences == 0,
                       "token %zu in sentence %u of %zu", i, t.tok[i].sentence, t.n_sentences);
            fuzz_check(memchr(t.tok[i].norm, '\0', TOKEN_NORM_MAX) != NULL, "token %zu norm", i);
        }
        for (size_t i = 0; i < t.n_sentences; i++)
            numbers_check_span(&t, t.sentences[i], "sentence");
        size_t n = numbers_find_ex(&t, qualifiers, names, out, NUMBERS_MAX);
        size_t written = n < NUMBERS_MAX ? n : NUMBERS_MAX;
        for (size_t i = 0; i < written; i++) {
            const number *x = &out[i];
            numbers_check_span(&t, x->sp, "number");
            numbers_check_span(&t, x->value_sp, "number value");
            fuzz_check(x->tok_first <= x->tok_end && x->tok_end <= t.n_tok,
                       "number tokens [%zu, %zu) of %zu", x->tok_first, x->tok_end, t.n_tok);
            fuzz_check(!x->has_value || !isnan(x->value), "NaN value");
            fuzz_check(!x->has_max || x->has_value, "a maximum without a value");
            fuzz_check(!x->has_max || !isnan(x->value_max), "NaN maximum");
            fuzz_check((unsigned)x->qual < QUAL__COUNT, "qualifier %d", (int)x->qual);
            fuzz_check(qualifier_name(x->qual) != NULL, "unnamed qualifier");
            if (i > 0)
                fuzz_check(out[i - 1].sp.start <= x->sp.start, "numbers out of text order");
        }
        /* numbers_find with fewer slots counts the same. */
        fuzz_check(numbers_find_ex(&t, qualifiers, names, out, 1) == n,
                   "the count depends on the room given");
        text_free(&t);
    }

    double v;
    if (numbers_parse(s, size, &v))
        fuzz_check(!isnan(v), "numbers_parse gave NaN");

    char norm[512];
    size_t nl = text_normalize(s, size, norm, sizeof norm);
    fuzz_check(nl < sizeof norm && norm[nl] == '\0' && strlen(norm) == nl,
               "text_normalize wrote %zu bytes", nl);
    text_normalize(s, size, norm, 1);
    fuzz_check(norm[0] == '\0', "text_normalize into one byte");

    size_t pos = 0, last_end = 0, count = 0;
    text_btoken bt;
    while (text_next_token(s, size, &pos, &bt)) {
        fuzz_check(bt.start >= last_end && bt.start < bt.end && bt.end <= size && pos >= bt.end,
                   "byte token [%zu, %zu) after %zu, pos %zu of %zu", bt.start, bt.end, last_end,
                   pos, size);
        fuzz_check(memchr(bt.norm, '\0', TOKEN_NORM_MAX) != NULL, "byte token norm");
        last_end = bt.end;
        fuzz_check(++count <= size, "more tokens than bytes");
    }
    return 0;
}
