/* cors.h — what marsad tells browsers of other origins: the response
 * headers their scripts may read, and the request headers a preflight may
 * announce.
 */
#ifndef MARSAD_CORS_H
#define MARSAD_CORS_H

#include <stddef.h>

/* Access-Control-Expose-Headers: what a script needs to page (Link), to
 * revalidate (ETag), to follow a created article (Location), to wait
 * (Retry-After), to name an export (Content-Disposition) and to see why a
 * write was refused (WWW-Authenticate). */
#define CORS_EXPOSE_HEADERS \
    "Link, ETag, Location, Retry-After, Content-Disposition, WWW-Authenticate"

/* The request headers marsad reads, the only ones a preflight may announce. */
#define CORS_ALLOWED_HEADERS "Accept, Authorization, Content-Type, If-None-Match"

/* Access-Control-Allow-Headers for a preflight: the headers named in its
 * Access-Control-Request-Headers (a comma-separated list, or NULL) that
 * are allowed, as the allowed list spells them; the whole allowed list when
 * none is named. A header outside the list is left out, so the browser
 * refuses the request. Writes at most outsz bytes, NUL-terminated. */
void cors_allow_headers(const char *requested, char *out, size_t outsz);

#endif
