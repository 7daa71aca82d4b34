/* blobs.h — the data files of data/, compiled in at build time by
 * tools/embed (see the Makefile), so that extract/ reads no files. */
#ifndef MARSAD_BLOBS_H
#define MARSAD_BLOBS_H

#include <stddef.h>

typedef struct data_blob {
    const char *name; /* path below data/, e.g. "lexicon/qualifiers.tsv" */
    const char *data; /* the file's bytes, NUL-terminated */
    size_t len;       /* bytes, terminator excluded */
} data_blob;

extern const data_blob data_blobs[];
extern const size_t data_blobs_count;

/* The compiled-in file named `name`, or NULL. */
const data_blob *data_blob_find(const char *name);

#endif
