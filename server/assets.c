/* assets.c — lookup in the compiled-in server assets. */
#include "server/assets.h"

#include <string.h>

const data_blob *assets_find(const char *name)
{
    for (size_t i = 0; i < server_assets_count; i++)
        if (strcmp(server_assets[i].name, name) == 0)
            return &server_assets[i];
    return NULL;
}
