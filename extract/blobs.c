/* blobs.c — lookup in the table that tools/embed generates from data/. */
#include "extract/blobs.h"

#include <string.h>

const data_blob *data_blob_find(const char *name)
{
    for (size_t i = 0; i < data_blobs_count; i++)
        if (strcmp(data_blobs[i].name, name) == 0)
            return &data_blobs[i];
    return NULL;
}
