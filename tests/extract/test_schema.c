/* test_schema.c — extract/schema.c through the model's loader
 * (model_load_file): each data file's named columns, their types and closed
 * sets, and the FILE:LINE: reason a bad line is reported with; every
 * compiled-in file has a schema and passes it. */
#include "extract/model.h"
#include "extract/schema.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

typedef struct bad_line {
    const char *file; /* below data/ */
    const char *text;
    const char *want; /* the start of the error */
} bad_line;

static const bad_line bad_lines[] = {
    /* a value outside its column's closed set */
    {"lexicon/triggers.tsv", "# c\nقتل\tkiled\tbefore\n",
     "data/lexicon/triggers.tsv:2: column type: \"kiled\" is not one of killed, injured"},
    {"lexicon/triggers.tsv", "قتل\tkilled\tbehind\n",
     "data/lexicon/triggers.tsv:1: column position: \"behind\" is not one of before, after, both"},
    {"lexicon/attribution.tsv", "قال\tclaimed\tverb\nنفى\tdenies\tverb\n",
     "data/lexicon/attribution.tsv:2: column stance: \"denies\""},
    {"lexicon/nouns.tsv", "طفل\tchildren\tkids\t-\t-\t-\t-\n",
     "data/lexicon/nouns.tsv:1: column category: \"kids\""},
    {"lexicon/nouns.tsv", "طفل\tchildren\tcivilians\t-\t-\trebels\t-\n",
     "data/lexicon/nouns.tsv:1: column side: \"rebels\""},
    {"lexicon/figure_links.tsv", "بينهم\tbreak_down\n",
     "data/lexicon/figure_links.tsv:1: column role: \"break_down\""},
    {"lexicon/qualifiers.tsv", "أكثر من\tmore\tbefore\n",
     "data/lexicon/qualifiers.tsv:1: column qualifier: \"more\""},
    {"lexicon/dates.tsv", "آب\tmonth\teight\n",
     "data/lexicon/dates.tsv:1: column value: \"eight\" is not an integer"},
    {"lexicon/dates.tsv", "الأشهر الثلاثة عشر الماضية\tdays\t400\n",
     "data/lexicon/dates.tsv:1: column value: \"400\" is not an integer from -31 to 366"},
    {"lexicon/speakers.tsv", "مصدر\tanonymous\tsource\tmaybe\n",
     "data/lexicon/speakers.tsv:1: column anaphor: \"maybe\" is not one of yes, no"},
    {"lexicon/number_words.tsv", "خمسه\tunit\t-\tclock+daytime\t5\n",
     "data/lexicon/number_words.tsv:1: column context: \"daytime\" is not one of"},
    {"lexicon/number_words.tsv", "خمسة\tunit\t-\t-\t5\n",
     "data/lexicon/number_words.tsv:1: column word: not one word in normalised form"},
    {"lexicon/number_words.tsv", "خمسه\tunit\t-\t-\tfive\n",
     "data/lexicon/number_words.tsv:1: column value: \"five\" is not a number"},
    {"sources.tsv", "الجزيرة\tal-jazeera\toutlet\tneutral\t-\tAl Jazeera\n",
     "data/sources.tsv:1: column affiliation: \"neutral\""},
    {"sources.tsv", "الجزيرة\tAl_Jazeera\toutlet\tindependent\n",
     "data/sources.tsv:1: column id: not an id"},
    {"gazetteer.tsv", "حلب\taleppo\tcity\t-\t36.2\t237.1\texact\n",
     "data/gazetteer.tsv:1: column lon: \"237.1\" is not a number from -180 to 180"},
    {"gazetteer.tsv", "حلب\taleppo\tmetropolis\t-\t36.2\t37.1\texact\n",
     "data/gazetteer.tsv:1: column kind: \"metropolis\""},
    {"lexicon/function_words.tsv", "أن|بأن\tcomplementiser\n",
     "data/lexicon/function_words.tsv:1: column set: \"complementiser\" is not one of "
     "complementizer"},
    {"lexicon/windows.tsv", "speaker_phrase_word\t9\n",
     "data/lexicon/windows.tsv:1: column window: \"speaker_phrase_word\" is not one of "
     "speaker_phrase_words"},
    {"lexicon/windows.tsv", "dateline_lines\t0\n",
     "data/lexicon/windows.tsv:1: column size: \"0\" is not an integer from 1 to 1000"},
    {"lexicon/windows.tsv", "dateline_lines\t3.5\n",
     "data/lexicon/windows.tsv:1: column size: \"3.5\" is not an integer"},
    /* a required column left out or empty */
    {"lexicon/triggers.tsv", "قتل\tkilled\n",
     "data/lexicon/triggers.tsv:1: column position: is missing"},
    {"lexicon/triggers.tsv", "قتل\t-\tbefore\n",
     "data/lexicon/triggers.tsv:1: column type: is missing"},
    {"gazetteer.tsv", "حلب\taleppo\tcity\t-\t36.2\n",
     "data/gazetteer.tsv:1: column lon: is missing"},
    /* more fields than the file has columns */
    {"lexicon/figure_links.tsv", "\nبينهم\tbreakdown\tparts\n",
     "data/lexicon/figure_links.tsv:2: field 3 is an unknown column (the file has 2: phrases, "
     "role)"},
    /* malformed lines, reported by the lexicon parser with the same prefix */
    {"lexicon/triggers.tsv", "قتل\tkilled\tbefore\nا|ب ت ث ج ح خ د ذ ر\tkilled\tbefore\n",
     "data/lexicon/triggers.tsv:2: phrase of more than 8 words"},
    {"lexicon/causes.tsv", "قصف\tshelling\n\xff\tshelling\n",
     "data/lexicon/causes.tsv:2: invalid UTF-8"},
    /* a file no schema names */
    {"lexicon/unknown.tsv", "كلمة\tx\n", "data/lexicon/unknown.tsv: no schema"},
};

Test(schema, bad_line_fails_with_file_and_line)
{
    for (size_t i = 0; i < sizeof bad_lines / sizeof bad_lines[0]; i++) {
        const bad_line *b = &bad_lines[i];
        char err[512] = "";
        lexicon *lx = model_load_file(b->file, b->text, strlen(b->text), err, sizeof err);
        cr_expect_null(lx, "%s: accepted, want \"%s\"", b->file, b->want);
        cr_expect(strncmp(err, b->want, strlen(b->want)) == 0, "error \"%s\", want \"%s\"", err,
                  b->want);
        lexicon_free(lx);
    }
}

typedef struct good_line {
    const char *file;
    const char *text;
} good_line;

/* Optional columns may be "-" or left off at the end; a set column takes
 * several values joined by '+'. */
static const good_line good_lines[] = {
    {"lexicon/triggers.tsv", "# a comment\n\nقتل|مقتل\tkilled\tbefore\n"},
    {"lexicon/nouns.tsv", "طفل|أطفال\tchildren\tcivilians\t-\t-\t-\tطفلين|طفلان\n"},
    {"lexicon/nouns.tsv", "مسلح\tgunmen\tcombatants\t-\t-\topposition\n"},
    {"lexicon/causes.tsv", "قصف\tshelling\nانفجار\tbombing\tgeneric\n"},
    {"lexicon/dates.tsv", "أمس\tday\t-1\nالأسبوع الماضي\tweek\t-\n"},
    {"lexicon/dates.tsv", "الأشهر الثلاثة الماضية\tdays\t92\n"},
    {"lexicon/number_words.tsv", "سنه\tnone\t-\ttime_unit+year_before\t0\n"},
    {"gazetteer.tsv", "حلب\taleppo\tcity\taleppo-gov\t36.202\t37.134\texact\tAleppo\n"},
    {"sources.tsv",
     "الجزيرة\tal-jazeera\toutlet\tindependent\t-\tAl Jazeera\tambiguous\tindependent\n"},
};

Test(schema, good_line_passes)
{
    for (size_t i = 0; i < sizeof good_lines / sizeof good_lines[0]; i++) {
        const good_line *g = &good_lines[i];
        char err[512] = "";
        lexicon *lx = model_load_file(g->file, g->text, strlen(g->text), err, sizeof err);
        cr_expect_not_null(lx, "%s: %s", g->file, err);
        lexicon_free(lx);
    }
}

Test(schema, every_compiled_in_file_has_a_schema_and_passes_it)
{
    cr_assert_gt(data_blobs_count, 0);
    for (size_t i = 0; i < data_blobs_count; i++) {
        char err[512] = "";
        lexicon *lx = model_load_file(data_blobs[i].name, data_blobs[i].data, data_blobs[i].len,
                                      err, sizeof err);
        cr_expect_not_null(lx, "%s", err);
        cr_expect_gt(lexicon_size(lx), 0, "%s is empty", data_blobs[i].name);
        lexicon_free(lx);
    }
}

Test(schema, columns_are_found_by_name)
{
    const file_schema *fs = schema_find("lexicon/triggers.tsv");
    cr_assert_not_null(fs);
    cr_expect_eq(schema_column(fs, "phrases"), 0);
    cr_expect_eq(schema_column(fs, "type"), 1);
    cr_expect_eq(schema_column(fs, "position"), 2);
    cr_expect_eq(schema_column(fs, "stance"), SIZE_MAX);
    cr_expect_null(schema_find("lexicon/none.tsv"));
}

/* The model keeps each set of function_words.tsv folded as tokens are
 * (أن is read as ان), and every window of windows.tsv. */
Test(schema, model_holds_word_sets_and_windows)
{
    char err[512] = "";
    extract_model *m = extract_model_new(err, sizeof err);
    cr_assert_not_null(m, "%s", err);
    for (size_t set = 0; set < FW__COUNT; set++) {
        cr_assert_not_null(m->word_sets[set]);
        cr_expect_not_null(m->word_sets[set][0], "set %s is empty", schema_word_sets[set]);
        for (const char *const *w = m->word_sets[set]; *w; w++) {
            char norm[256];
            text_normalize(*w, strlen(*w), norm, sizeof norm);
            cr_expect_str_eq(norm, *w, "set %s", schema_word_sets[set]);
            if (set != FW_TOPIC_OPENER) /* the one set of phrases */
                cr_expect_null(strchr(*w, ' '), "set %s: \"%s\"", schema_word_sets[set], *w);
            else
                cr_expect_not_null(strchr(*w, ' '), "set %s: \"%s\"", schema_word_sets[set], *w);
        }
    }
    bool folded = false;
    for (const char *const *w = m->word_sets[FW_COMPLEMENTIZER]; *w; w++)
        folded |= strcmp(*w, "ان") == 0;
    cr_expect(folded, "أن is not held as ان");
    for (size_t w = 0; w < WIN__COUNT; w++)
        cr_expect_geq(m->windows[w], 1, "window %s", schema_windows[w]);
    extract_model_free(m);
}
