/* extract_bench.c — how long the extractor takes per article.
 *
 *   extract_bench [--dir data/seeds] [--reps 9] [--min-ms 100] [--json FILE]
 *
 * Runs extract_document over every *.txt of the folder: per document, reps
 * timed batches, each batch repeating the call until it has run at least
 * min-ms; the time per call is the median over the batches. Reports µs per
 * call and µs per 4 KB (time scaled by 4096 / document bytes, so documents
 * of different lengths compare), and the median over the documents. Also
 * the one-off cost of extract_model_new (the compiled-in lexicons parsed).
 *
 * A figure to watch, not a test: nothing is asserted. The result is
 * consumed (figure count summed) so the compiler cannot drop a call.
 */
#include "extract/extract.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_DOCS 256
#define MAX_REPS 64

typedef struct doc {
    char name[256];
    char *text;
    size_t len;
    double us_call, us_4k;
    size_t figures;
} doc;

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const doc *)a)->name, ((const doc *)b)->name);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    while (p) {
        n += fread(p + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *q = realloc(p, cap * 2);
        if (!q) {
            free(p);
            p = NULL;
            break;
        }
        p = q;
        cap *= 2;
    }
    fclose(f);
    if (!p)
        return NULL;
    /* What ingest does before extracting: BOM off, CRLF to LF. */
    size_t off = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, w = 0;
    for (size_t i = off; i < n; i++)
        if (!(p[i] == '\r' && i + 1 < n && p[i + 1] == '\n'))
            p[w++] = p[i];
    *len = w;
    return p;
}

/* A file name as a JSON string (names are ours, but a quote must not break
 * the file). */
static void json_name(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static unsigned long parse_ul(const char *flag, const char *v, unsigned long lo, unsigned long hi)
{
    char *end;
    errno = 0;
    unsigned long x = v ? strtoul(v, &end, 10) : 0;
    if (!v || end == v || *end || errno || x < lo || x > hi) {
        fprintf(stderr, "extract_bench: %s needs an integer from %lu to %lu\n", flag, lo, hi);
        exit(2);
    }
    return x;
}

int main(int argc, char **argv)
{
    const char *dir = "data/seeds", *json_path = NULL;
    unsigned long reps = 9, min_ms = 100;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(argv[i], "--dir") && v) {
            dir = v;
            i++;
        } else if (!strcmp(argv[i], "--reps")) {
            reps = parse_ul("--reps", v, 1, MAX_REPS);
            i++;
        } else if (!strcmp(argv[i], "--min-ms")) {
            min_ms = parse_ul("--min-ms", v, 1, 60000);
            i++;
        } else if (!strcmp(argv[i], "--json") && v) {
            json_path = v;
            i++;
        } else {
            fprintf(stderr, "usage: extract_bench [--dir DIR] [--reps N] [--min-ms MS] "
                            "[--json FILE]\n");
            return 2;
        }
    }

    static doc docs[MAX_DOCS];
    size_t n_docs = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "extract_bench: cannot open %s: %s\n", dir, strerror(errno));
        return 1;
    }
    struct dirent *e;
    while ((e = readdir(d)) && n_docs < MAX_DOCS) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0 || nl >= sizeof docs[0].name)
            continue;
        memcpy(docs[n_docs].name, e->d_name, nl + 1);
        n_docs++;
    }
    closedir(d);
    if (!n_docs) {
        fprintf(stderr, "extract_bench: no *.txt in %s\n", dir);
        return 1;
    }
    qsort(docs, n_docs, sizeof docs[0], by_name);
    for (size_t i = 0; i < n_docs; i++) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", dir, docs[i].name);
        if (n < 0 || (size_t)n >= sizeof path || !(docs[i].text = read_all(path, &docs[i].len))) {
            fprintf(stderr, "extract_bench: cannot read %s\n", path);
            return 1;
        }
    }

    char err[256];
    double t0 = now_us();
    extract_model *m = extract_model_new(err, sizeof err);
    double model_ms = (now_us() - t0) / 1e3;
    if (!m) {
        fprintf(stderr, "extract_bench: extract_model_new: %s\n", err);
        return 1;
    }

    size_t sink = 0;
    double per_doc_4k[MAX_DOCS];
    for (size_t i = 0; i < n_docs; i++) {
        doc *dc = &docs[i];
        double per_call[MAX_REPS];
        for (unsigned long r = 0; r < reps; r++) {
            unsigned long calls = 0;
            double start = now_us(), t;
            do {
                extract_result res;
                if (extract_document(m, dc->text, dc->len, &res) != 0) {
                    fprintf(stderr, "extract_bench: %s: the extractor refused it\n", dc->name);
                    return 1;
                }
                sink += res.n_figures;
                dc->figures = res.n_figures;
                extract_result_free(&res);
                calls++;
                t = now_us() - start;
            } while (t < (double)min_ms * 1e3);
            per_call[r] = t / (double)calls;
        }
        dc->us_call = median(per_call, reps);
        dc->us_4k = dc->us_call * 4096.0 / (double)dc->len;
        per_doc_4k[i] = dc->us_4k;
    }
    extract_model_free(m);

    printf("| document | bytes | figures | µs per call | µs per 4 KB |\n");
    printf("| --- | ---: | ---: | ---: | ---: |\n");
    for (size_t i = 0; i < n_docs; i++)
        printf("| %s | %zu | %zu | %.1f | %.1f |\n", docs[i].name, docs[i].len, docs[i].figures,
               docs[i].us_call, docs[i].us_4k);
    double med = median(per_doc_4k, n_docs);
    printf("\nextract_document: median %.1f µs per 4 KB article over %zu documents "
           "(%lu batches of >= %lu ms each); extract_model_new %.1f ms\n",
           med, n_docs, reps, min_ms, model_ms);

    if (json_path) {
        FILE *f = fopen(json_path, "w");
        if (!f) {
            fprintf(stderr, "extract_bench: cannot write %s: %s\n", json_path, strerror(errno));
            return 1;
        }
        fprintf(f,
                "{\"median_us_per_4k\":%.2f,\"model_new_ms\":%.2f,\"reps\":%lu,"
                "\"min_ms\":%lu,\"documents\":[",
                med, model_ms, reps, min_ms);
        for (size_t i = 0; i < n_docs; i++) {
            fprintf(f, "%s{\"name\":", i ? "," : "");
            json_name(f, docs[i].name);
            fprintf(f, ",\"bytes\":%zu,\"figures\":%zu,\"us_per_call\":%.2f,\"us_per_4k\":%.2f}",
                    docs[i].len, docs[i].figures, docs[i].us_call, docs[i].us_4k);
        }
        fprintf(f, "]}\n");
        fclose(f);
    }
    for (size_t i = 0; i < n_docs; i++)
        free(docs[i].text);
    return sink == (size_t)-1; /* never: keeps the calls observable */
}
