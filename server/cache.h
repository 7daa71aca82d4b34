/* cache.h — finished responses, kept per polling thread and keyed by the
 * request target, valid while the database has not changed.
 *
 * libmicrohttpd responses are reference counted and can be queued again and
 * again, so a hit costs a lookup and no rendering, no serialising, no
 * hashing for the ETag. Each thread has its own cache beside its own read
 * connection: no lock, and the version it checks (store_local_version)
 * belongs to that connection.
 *
 * Limits: CACHE_SLOTS entries (direct-mapped: a new entry replaces the one
 * in its slot), the budget given to cache_new in bytes of bodies (when it
 * is spent, a CLOCK hand drops entries not asked for lately to make room),
 * bodies over CACHE_MAX_BODY not kept, targets over CACHE_MAX_TARGET not
 * kept.
 */
#ifndef MARSAD_CACHE_H
#define MARSAD_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CACHE_SLOTS 2048
#define CACHE_MAX_BODY (4u << 20)
#define CACHE_MAX_TARGET 511

struct MHD_Response;
typedef struct resp_cache resp_cache;

typedef struct cache_hit {
    struct MHD_Response *resp; /* borrowed: queue it, do not destroy it */
    const char *etag;
    size_t len;
} cache_hit;

/* A cache that keeps at most max_bytes of bodies (0: keeps nothing). */
resp_cache *cache_new(size_t max_bytes);
void cache_free(resp_cache *c); /* destroys the responses it holds; NULL is fine */

/* The response kept for target at version, if any. */
bool cache_get(resp_cache *c, const char *target, size_t target_len, int64_t version,
               cache_hit *hit);

/* Keep resp (the cache takes the caller's reference) for target at version.
 * Returns false when it was not kept; the caller then still owns resp. */
bool cache_put(resp_cache *c, const char *target, size_t target_len, int64_t version,
               struct MHD_Response *resp, const char *etag, size_t len);

#endif
