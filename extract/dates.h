/* dates.h — inside the extractor: the event date and the cause of each
 * figure (dates.c). Private to extract/; the public face is extract.h.
 */
#ifndef MARSAD_DATES_H
#define MARSAD_DATES_H

#include "extract/stages.h"

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int32_t dates_days(int y, int m, int d);
int32_t dates_from_days(int32_t days); /* packed yyyymmdd */

/* Fill date and cause of every figure of d->r. Returns 0, or -1 when out of
 * memory. */
int dates_find(doc_state *d, int32_t pub);

#endif
