/* charset.h — the character set a page or feed declares, and its bytes as
 * UTF-8 (glibc iconv). Arabic outlets still serve windows-1256 and
 * ISO-8859-6 pages; everything marsad stores is UTF-8.
 *
 * Pure: no I/O.
 */
#ifndef MARSAD_CHARSET_H
#define MARSAD_CHARSET_H

#include <stddef.h>

/* The charset declared in the first 8 KiB of an HTML page (<meta charset>
 * or <meta http-equiv content="...; charset=...">) into out (lower case);
 * a UTF-8 BOM counts as a declaration of utf-8. Returns out, or NULL when
 * nothing is declared. */
const char *charset_html(const char *buf, size_t len, char *out, size_t outsz);

/* The encoding named by an XML prolog (<?xml ... encoding="..."?>), or a BOM. */
const char *charset_xml(const char *buf, size_t len, char *out, size_t outsz);

/* buf (len bytes) in charset (NULL means utf-8) as a new NUL-terminated
 * UTF-8 string without a BOM, its length in *outlen. NULL with a reason in
 * why: an unknown charset, invalid bytes in it (with their offset), or no
 * memory. */
char *charset_to_utf8(const char *buf, size_t len, const char *charset, size_t *outlen, char *why,
                      size_t whysz);

#endif
