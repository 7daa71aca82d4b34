/* test_model.c — what extract/model.c refuses to load in data/blocs.tsv
 * and the bloc column of data/sources.tsv, each refusal naming FILE:LINE.
 *
 * This program brings its own table of data files (data_blobs, which then
 * replaces the one generated from data/ in libextract.a): small files
 * written for these tests, set before each model is built. A file is a
 * fixed-size buffer whose unused bytes are newlines, which a lexicon reads
 * as empty lines. The word sets and windows, which every model needs, are
 * read from data/lexicon/ (the tests run from the repository root).
 */
#include "extract/blobs.h"
#include "extract/extract.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#define FILE_MAX 4096
#define LEXICON_MAX 65536

static char gazetteer[FILE_MAX], sources[FILE_MAX], blocs[FILE_MAX], empty[FILE_MAX];
static char function_words[LEXICON_MAX], windows[LEXICON_MAX];

const data_blob data_blobs[] = {
    {"gazetteer.tsv", gazetteer, FILE_MAX - 1},
    {"sources.tsv", sources, FILE_MAX - 1},
    {"blocs.tsv", blocs, FILE_MAX - 1},
    {"lexicon/qualifiers.tsv", empty, FILE_MAX - 1},
    {"lexicon/name_numbers.tsv", empty, FILE_MAX - 1},
    {"lexicon/triggers.tsv", empty, FILE_MAX - 1},
    {"lexicon/nouns.tsv", empty, FILE_MAX - 1},
    {"lexicon/attribution.tsv", empty, FILE_MAX - 1},
    {"lexicon/speakers.tsv", empty, FILE_MAX - 1},
    {"lexicon/speaker_forms.tsv", empty, FILE_MAX - 1},
    {"lexicon/place_context.tsv", empty, FILE_MAX - 1},
    {"lexicon/party_anaphors.tsv", empty, FILE_MAX - 1},
    {"lexicon/dates.tsv", empty, FILE_MAX - 1},
    {"lexicon/causes.tsv", empty, FILE_MAX - 1},
    {"lexicon/figure_links.tsv", empty, FILE_MAX - 1},
    {"lexicon/function_words.tsv", function_words, LEXICON_MAX - 1},
    {"lexicon/windows.tsv", windows, LEXICON_MAX - 1},
};
const size_t data_blobs_count = sizeof data_blobs / sizeof data_blobs[0];

static void put(char *file, const char *content)
{
    cr_assert_lt(strlen(content), FILE_MAX - 1);
    memset(file, '\n', FILE_MAX - 1);
    memcpy(file, content, strlen(content));
    file[FILE_MAX - 1] = '\0';
}

static const char gazetteer_ok[] = "سوريا\tsyria\tcountry\t-\t35.000\t38.000\texact\tSyria\n"
                                   "لبنان\tlebanon\tcountry\t-\t33.900\t35.800\texact\tLebanon\n";

static const char blocs_ok[] =
    "سوريا\tsyria\tconflict\t-\tSyria\t-\t-\tsyria\t-\n"
    "الحكومة السورية "
    "وحلفاؤها\tsy.government\tbloc\tsyria\tGovernment\tgovernment\tsyrian-army\t-\tlb.hezbollah\n"
    "لبنان\tlebanon\tconflict\t-\tLebanon\t-\t-\tlebanon\t-\n"
    "حزب الله وحلفاؤه\tlb.hezbollah\tbloc\tlebanon\tHezbollah\t-\t-\t-\t-\n";

static const char sources_ok[] =
    "الجيش السوري\tsyrian-army\tmilitary\tgovernment\t-\tSyrian army\t-\tsy.government\n"
    "المرصد السوري\tsohr\tngo\tindependent\t-\tSOHR\t-\tindependent\n"
    "حزب الله\thezbollah\tarmed_group\tgovernment\t-\tHezbollah\t-\tlb.hezbollah\n";

/* The real data file `path` into buf, padded with newlines. */
static void read_data(char *buf, const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s (run from the repository root)", path);
    memset(buf, '\n', LEXICON_MAX - 1);
    size_t n = fread(buf, 1, LEXICON_MAX - 1, f);
    cr_assert(n > 0 && n < LEXICON_MAX - 1, "%s: %zu bytes", path, n);
    buf[LEXICON_MAX - 1] = '\0';
    fclose(f);
}

/* Builds the model from the files as set; NULL with the reason in err. */
static extract_model *build(const char *gaz, const char *src, const char *blc, char *err,
                            size_t errsz)
{
    put(gazetteer, gaz);
    put(sources, src);
    put(blocs, blc);
    put(empty, "");
    read_data(function_words, "data/lexicon/function_words.tsv");
    read_data(windows, "data/lexicon/windows.tsv");
    err[0] = '\0';
    return extract_model_new(err, errsz);
}

Test(model, reads_blocs_and_each_party_s_bloc)
{
    char err[256];
    extract_model *m = build(gazetteer_ok, sources_ok, blocs_ok, err, sizeof err);
    cr_assert_not_null(m, "%s", err);
    static const struct {
        const char *id, *bloc;
    } want[] = {
        {"syrian-army", "sy.government"}, {"sohr", "independent"}, {"hezbollah", "lb.hezbollah"}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const extract_source *s = extract_model_find_source(m, want[i].id);
        cr_assert_not_null(s, "%s", want[i].id);
        cr_expect_str_eq(s->bloc, want[i].bloc, "%s", want[i].id);
    }
    extract_model_free(m);
}

/* Each broken file, and the start of the error it must give. */
Test(model, refuses_what_the_bloc_columns_cannot_mean)
{
    static const struct {
        const char *what, *sources, *blocs, *error;
    } cases[] = {
        {"an unknown bloc",
         "الجيش السوري\tsyrian-army\tmilitary\tgovernment\t-\tSyrian army\t-\tsy.army\n", blocs_ok,
         "sources.tsv:1: bloc \"sy.army\" is not in blocs.tsv"},
        {"no bloc", "الجيش السوري\tsyrian-army\tmilitary\tgovernment\t-\tSyrian army\n", blocs_ok,
         "data/sources.tsv:1: column bloc: is missing"},
        {"an affiliation its Syrian bloc does not give",
         "المرصد السوري\tsohr\tngo\tindependent\t-\tSOHR\t-\tindependent\n"
         "الجيش السوري\tsyrian-army\tmilitary\topposition\t-\tSyrian army\t-\tsy.government\n",
         blocs_ok,
         "sources.tsv:2: affiliation opposition, but bloc sy.government gives government"},
        {"an independent party with a side",
         "المرصد السوري\tsohr\tngo\tgovernment\t-\tSOHR\t-\tindependent\n", blocs_ok,
         "sources.tsv:1: affiliation government, but bloc independent gives independent"},
        {"a local name that is not one of the party's names",
         "الجيش السوري\tsyrian-army\tmilitary\tgovernment\t-\tSyrian army\t-\tsy.government\t"
         "القوات الحكومية\n",
         blocs_ok, "sources.tsv:1: local name"},
        {"a local name of a party of no war",
         "المرصد السوري|المرصد\tsohr\tngo\tindependent\t-\tSOHR\t-\tindependent\tالمرصد\n"
         "الجيش السوري\tsyrian-army\tmilitary\tgovernment\t-\tSyrian army\t-\tsy.government\n",
         blocs_ok, "sources.tsv:1: local name"},
        {"a whole party outside the bloc",
         "المرصد السوري\tsohr\tngo\tindependent\t-\tSOHR\t-\tindependent\n",
         "سوريا\tsyria\tconflict\t-\tSyria\t-\t-\tsyria\t-\n"
         "الحكومة\tsy.government\tbloc\tsyria\tGovernment\tgovernment\tsohr\t-\t-\n",
         "blocs.tsv:2: whole names sohr, not a party of bloc sy.government"},
        {"a bloc before its conflict", sources_ok,
         "الحكومة\tsy.government\tbloc\tsyria\tGovernment\tgovernment\t-\t-\t-\n",
         "blocs.tsv:1: needs a conflict"},
        {"a conflict without a known country", sources_ok,
         "سوريا\tsyria\tconflict\t-\tSyria\t-\t-\tsyrie\t-\n",
         "blocs.tsv:1: conflict syria needs its countries"},
        {"elsewhere in the same conflict", sources_ok,
         "سوريا\tsyria\tconflict\t-\tSyria\t-\t-\tsyria\t-\n"
         "الحكومة\tsy.government\tbloc\tsyria\tGovernment\tgovernment\t-\t-\tsy.isis\n"
         "التنظيم\tsy.isis\tbloc\tsyria\tISIS\tunknown\t-\t-\t-\n",
         "blocs.tsv:2: elsewhere names sy.isis"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[256];
        extract_model *m = build(gazetteer_ok, cases[i].sources, cases[i].blocs, err, sizeof err);
        cr_expect_null(m, "%s: loaded", cases[i].what);
        cr_expect(strncmp(err, cases[i].error, strlen(cases[i].error)) == 0,
                  "%s: \"%s\", want \"%s...\"", cases[i].what, err, cases[i].error);
        extract_model_free(m);
    }
}
