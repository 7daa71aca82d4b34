/* assets.h — files the server serves or applies as they are (schema.sql,
 * openapi.yaml, web/), compiled in by tools/embed at build time. */
#ifndef MARSAD_ASSETS_H
#define MARSAD_ASSETS_H

#include "extract/blobs.h"

extern const data_blob server_assets[];
extern const size_t server_assets_count;

/* The asset named `name` ("openapi.yaml", "web/index.html"), or NULL. */
const data_blob *assets_find(const char *name);

#endif
