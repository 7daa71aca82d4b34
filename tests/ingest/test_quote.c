/* test_quote.c — the window a figure keeps of a long sentence as its quote
 * (ingest/quote.c): the whole sentence up to STORE_QUOTE_MAX code points,
 * else that many centred on the figure and slid back inside the sentence.
 */
#include "ingest/ingest.h"

#include <criterion/criterion.h>

typedef struct quote_case {
    uint32_t sentence_start, sentence_end, figure_start, figure_end;
    uint32_t want_start, want_end;
    bool want_cut;
} quote_case;

static const quote_case cases[] = {
    {0, 120, 30, 40, 0, 120, false},                   /* a short sentence is the quote */
    {1000, 1400, 1000, 1010, 1000, 1400, false},       /* exactly the limit: whole */
    {0, 401, 390, 400, 1, 401, true},                  /* one over: slid back to the end */
    {0, 900000, 500000, 500010, 499805, 500205, true}, /* centred on the figure */
    {5000, 900000, 5001, 5003, 5000, 5400, true}, /* near the start: from the sentence's start */
    {0, 900000, 100, 110, 0, 400, true},          /* before code point 200 */
    {0, 900000, 899990, 900000, 899600, 900000, true}, /* at the end */
    {10, 2000, 100, 1500, 600, 1000, true}, /* a figure longer than the window: its middle */
};

Test(quote, windows_of_long_sentences)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const quote_case *c = &cases[i];
        extract_figure f = {0};
        f.quote = (span){c->sentence_start, c->sentence_end};
        f.sp = (span){c->figure_start, c->figure_end};
        bool cut = !c->want_cut;
        span q = ingest_quote_window(&f, &cut);
        cr_expect_eq(q.start, c->want_start, "case %zu: start %u", i, q.start);
        cr_expect_eq(q.end, c->want_end, "case %zu: end %u", i, q.end);
        cr_expect_eq(cut, c->want_cut, "case %zu: cut", i);
        cr_expect_leq(q.end - q.start, STORE_QUOTE_MAX, "case %zu: bounded", i);
    }
}
