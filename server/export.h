/* export.h — every page of a list as CSV (RFC 4180) or NDJSON, streamed:
 * the server pages through the store with the list's own keyset cursor and
 * writes rows as the client reads, so an export of any size holds one page
 * in memory. */
#ifndef MARSAD_EXPORT_H
#define MARSAD_EXPORT_H

#include "server/params.h"

/* Start the export of q (format FORMAT_CSV or FORMAT_NDJSON) into r. The
 * first page is read here, so a bad cursor or query is answered as a
 * problem; after that the reply streams. Copies what it keeps of q. */
void export_start(request *rq, const store_query *q, output_format fmt, reply *r,
                  void (*fail)(request *rq, reply *r, store_status st, store_resource res));

#endif
