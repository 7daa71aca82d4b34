/* cors.c — the cross-origin header lists (see cors.h). */
#include "server/cors.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const allowed[] = {"Accept", "Authorization", "Content-Type", "If-None-Match"};

void cors_allow_headers(const char *requested, char *out, size_t outsz)
{
    if (outsz == 0)
        return;
    out[0] = '\0';
    bool any = false;
    for (const char *p = requested ? requested : ""; *p;) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        size_t len = strcspn(p, ", \t");
        any = any || len > 0;
        for (size_t i = 0; len && i < sizeof allowed / sizeof allowed[0]; i++) {
            if (strlen(allowed[i]) != len || strncasecmp(p, allowed[i], len) != 0 ||
                strstr(out, allowed[i]))
                continue;
            size_t used = strlen(out);
            snprintf(out + used, outsz - used, "%s%s", used ? ", " : "", allowed[i]);
        }
        p += len;
    }
    if (!any)
        snprintf(out, outsz, "%s", CORS_ALLOWED_HEADERS);
}
