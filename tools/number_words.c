/* number_words.c — build-time tool: turns data/lexicon/number_words.tsv (the
 * words of Arabic numbers and their contexts, reviewable text) into the
 * sorted C table that extract/numbers.c searches.
 *
 * Usage: number_words FILE > number_words.inc. Every malformed line (a wrong
 * number of columns, an unknown kind, qualifier or context, a value that is
 * not a number, a word not in normalised form, a word given twice) is
 * reported as FILE:LINE: reason, and the tool exits 1, so `make` fails.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 4096
#define MAX_LINE 1024

typedef struct entry {
    char word[128];
    const char *kind, *qual;
    char ctx[256];
    char value[64];
    size_t line;
} entry;

static const char *const kinds[][2] = {
    {"none", "K_NONE"},           {"zero", "K_ZERO"},
    {"unit", "K_UNIT"},           {"teen_unit", "K_TEEN_UNIT"},
    {"tens", "K_TENS"},           {"hundred", "K_HUNDRED"},
    {"hundreds", "K_HUNDREDS"},   {"mult", "K_MULT"},
    {"mult_acc", "K_MULT_ACC"},   {"mult_dual", "K_MULT_DUAL"},
    {"mult_plural", "K_MULT_PLURAL"}, {"vague", "K_VAGUE"},
    {"vague_min", "K_VAGUE_MIN"}, {"ordinal", "K_ORDINAL"},
    {"ord_teen", "K_ORD_TEEN"},   {"time_dual", "K_TIME_DUAL"},
};
static const char *const quals[][2] = {
    {"-", "0"}, {"some", "QUAL_SOME"}, {"tens", "QUAL_TENS"},
    {"hundreds", "QUAL_HUNDREDS"}, {"thousands", "QUAL_THOUSANDS"},
};
static const char *const ctxs[][2] = {
    {"time_unit", "C_TIME_UNIT"},   {"year_before", "C_YEAR_BEFORE"}, {"clock", "C_CLOCK"},
    {"month", "C_MONTH"},           {"month_head", "C_MONTH_HEAD"},   {"month_tail", "C_MONTH_TAIL"},
    {"daypart", "C_DAYPART"},       {"not_number", "C_NOT_NUMBER"},   {"hamza_only", "C_HAMZA_ONLY"},
};

#define LOOKUP(table, name) lookup(table, sizeof table / sizeof table[0], name)

static const char *lookup(const char *const (*table)[2], size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(table[i][0], name))
            return table[i][1];
    return NULL;
}

/* Letters and marks that text_normalize rewrites or drops: a word holding
 * one would never match a token. */
static const char *unnormalised(const char *w)
{
    static const char *const bad[] = {"ة", "ى", "أ", "إ", "آ", "ٱ", "ؤ", "ئ", "ـ", "ً", "ٌ", "ٍ", "َ",
                                      "ُ", "ِ", "ّ", "ْ", "ٰ", " ", NULL};
    for (size_t i = 0; bad[i]; i++)
        if (strstr(w, bad[i]))
            return bad[i];
    return NULL;
}

static int by_word(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->word, ((const entry *)b)->word);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: number_words FILE\n");
        return 2;
    }
    const char *file = argv[1];
    FILE *f = fopen(file, "r");
    if (!f) {
        fprintf(stderr, "%s: %s\n", file, strerror(errno));
        return 1;
    }
    static entry e[MAX_WORDS];
    size_t n = 0, line = 0;
    int errors = 0;
    char buf[MAX_LINE];
    while (fgets(buf, sizeof buf, f)) {
        line++;
        size_t len = strlen(buf);
        if (len && buf[len - 1] == '\n')
            buf[--len] = '\0';
        else if (!feof(f)) {
            fprintf(stderr, "%s:%zu: line longer than %d bytes\n", file, line, MAX_LINE - 2);
            errors++;
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n')
                ;
            continue;
        }
        if (buf[0] == '#' || buf[strspn(buf, " \t")] == '\0')
            continue;
        char *col[6];
        size_t ncol = 0;
        for (char *p = buf; ncol < 6;) {
            col[ncol++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (ncol != 5) {
            fprintf(stderr, "%s:%zu: %zu columns, want 5 (word, kind, qualifier, context, value)\n",
                    file, line, ncol);
            errors++;
            continue;
        }
        if (n == MAX_WORDS) {
            fprintf(stderr, "%s:%zu: more than %d words\n", file, line, MAX_WORDS);
            return 1;
        }
        entry *x = &e[n];
        x->line = line;
        const char *bad = unnormalised(col[0]);
        if (!*col[0] || strlen(col[0]) >= sizeof x->word || bad) {
            fprintf(stderr, "%s:%zu: word \"%s\" %s\n", file, line, col[0],
                    bad ? "is not in normalised form (see the header)" : "is empty or too long");
            errors++;
            continue;
        }
        snprintf(x->word, sizeof x->word, "%s", col[0]);
        if (!(x->kind = LOOKUP(kinds, col[1]))) {
            fprintf(stderr, "%s:%zu: unknown kind \"%s\"\n", file, line, col[1]);
            errors++;
            continue;
        }
        if (!(x->qual = LOOKUP(quals, col[2]))) {
            fprintf(stderr, "%s:%zu: unknown qualifier \"%s\"\n", file, line, col[2]);
            errors++;
            continue;
        }
        size_t used = 0;
        x->ctx[0] = '\0';
        if (strcmp(col[3], "-") != 0) {
            for (char *tok = col[3]; tok;) {
                char *plus = strchr(tok, '+');
                if (plus)
                    *plus = '\0';
                const char *c = LOOKUP(ctxs, tok);
                if (!c) {
                    fprintf(stderr, "%s:%zu: unknown context \"%s\"\n", file, line, tok);
                    errors++;
                    break;
                }
                used += (size_t)snprintf(x->ctx + used, sizeof x->ctx - used, "%s%s", used ? " | " : "", c);
                if (used >= sizeof x->ctx) {
                    fprintf(stderr, "%s:%zu: too many contexts\n", file, line);
                    errors++;
                    break;
                }
                tok = plus ? plus + 1 : NULL;
            }
        }
        if (!x->ctx[0])
            snprintf(x->ctx, sizeof x->ctx, "0");
        char *end;
        errno = 0;
        double v = strtod(col[4], &end);
        if (end == col[4] || *end || errno || !isfinite(v) || v < 0 || strlen(col[4]) >= sizeof x->value) {
            fprintf(stderr, "%s:%zu: value \"%s\" is not a number\n", file, line, col[4]);
            errors++;
            continue;
        }
        snprintf(x->value, sizeof x->value, "%s", col[4]);
        n++;
    }
    fclose(f);
    qsort(e, n, sizeof *e, by_word);
    for (size_t i = 1; i < n; i++)
        if (!strcmp(e[i].word, e[i - 1].word)) {
            fprintf(stderr, "%s:%zu: word \"%s\" already given on line %zu\n", file,
                    e[i].line > e[i - 1].line ? e[i].line : e[i - 1].line, e[i].word,
                    e[i].line > e[i - 1].line ? e[i - 1].line : e[i].line);
            errors++;
        }
    if (errors)
        return 1;
    printf("/* Generated by tools/number_words from %s: do not edit. */\n", file);
    printf("static const wordent words[] = {\n");
    for (size_t i = 0; i < n; i++)
        printf("    {\"%s\", %s, %s, %s, %s},\n", e[i].word, e[i].kind, e[i].qual, e[i].ctx, e[i].value);
    printf("};\n");
    return 0;
}
