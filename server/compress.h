/* compress.h — gzip for answers that ask for it (Accept-Encoding).
 *
 * The HTTP layer compresses a finished body once; the cache then keeps the
 * compressed response beside the plain one, so a hit costs no compression.
 */
#ifndef MARSAD_COMPRESS_H
#define MARSAD_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>

/* Bodies below this are sent as they are: the gzip header and the extra
 * header lines would eat most of the saving. */
#define COMPRESS_MIN_BYTES 1024

/* Does an Accept-Encoding value accept gzip (by name, x-gzip or *, with a
 * q-value above 0)? NULL accepts nothing. */
bool compress_accepts_gzip(const char *accept_encoding);

/* Is a body of this content type worth compressing (text, JSON, YAML)? */
bool compress_type_ok(const char *content_type);

/* The gzip form of in (malloc'd into *out, *out_len). False when it could
 * not be made or would not be smaller; *out is then NULL. */
bool compress_gzip(const char *in, size_t len, char **out, size_t *out_len);

#endif
