/* quote.c — the window of a long sentence that a figure keeps as its quote.
 * A sentence can run to the whole 1 MiB document (no full stop in it), and
 * each of its figures would otherwise store and serve all of it: the window
 * bounds both, whatever the text. The migration to schema version 7
 * (db/store.c) cuts stored quotes by the same arithmetic.
 */
#include "ingest/ingest.h"

span ingest_quote_window(const extract_figure *f, bool *cut)
{
    span q = f->quote;
    *cut = q.end - q.start > STORE_QUOTE_MAX;
    if (!*cut)
        return q;
    /* centred on the figure's span, slid back inside the sentence */
    size_t mid = f->sp.start + (f->sp.end - f->sp.start) / 2;
    size_t start = mid > STORE_QUOTE_MAX / 2 ? mid - STORE_QUOTE_MAX / 2 : 0;
    if (start > q.end - STORE_QUOTE_MAX)
        start = q.end - STORE_QUOTE_MAX;
    if (start < q.start)
        start = q.start;
    q.start = (uint32_t)start;
    q.end = q.start + STORE_QUOTE_MAX;
    return q;
}
