/* cache.c — a direct-mapped table of finished responses (see cache.h). */
#include "server/cache.h"
#include "extract/fnv1a.h"

#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char target[CACHE_MAX_TARGET + 1];
    size_t target_len;
    int64_t version;
    struct MHD_Response *resp;
    char etag[24];
    size_t len;
    bool used; /* asked for since the clock hand last passed */
} entry;

struct resp_cache {
    entry slots[CACHE_SLOTS];
    size_t bytes, max_bytes;
    size_t hand; /* the CLOCK hand: the next slot make_room looks at */
};

static size_t slot_of(const char *target, size_t len)
{
    uint64_t h = fnv1a64(FNV1A64_IDS_SEED, target, len);
    return (size_t)(h ^ (h >> 29)) & (CACHE_SLOTS - 1);
}

resp_cache *cache_new(size_t max_bytes)
{
    resp_cache *c = calloc(1, sizeof *c);
    if (c)
        c->max_bytes = max_bytes;
    return c;
}

static void drop(resp_cache *c, entry *e)
{
    if (!e->resp)
        return;
    MHD_destroy_response(e->resp); /* responses still being sent keep their own reference */
    c->bytes -= e->len;
    e->resp = NULL;
    e->target_len = 0;
    e->used = false;
}

void cache_free(resp_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        drop(c, &c->slots[i]);
    free(c);
}

bool cache_get(resp_cache *c, const char *target, size_t target_len, int64_t version,
               cache_hit *hit)
{
    if (target_len > CACHE_MAX_TARGET)
        return false;
    entry *e = &c->slots[slot_of(target, target_len)];
    if (!e->resp || e->version != version || e->target_len != target_len ||
        memcmp(e->target, target, target_len) != 0)
        return false;
    e->used = true;
    *hit = (cache_hit){e->resp, e->etag, e->len};
    return true;
}

/* Frees room for len bytes of body when the budget is spent: CLOCK, an
 * approximation of least recently used. The hand drops the entries not
 * asked for since it last passed and spares (once) those that were, so
 * what is read often stays and a burst of new targets cannot lock the
 * cache. Two sweeps at most: the first clears every mark. */
static void make_room(resp_cache *c, size_t len)
{
    for (size_t step = 0; step < 2 * CACHE_SLOTS && len > c->max_bytes - c->bytes; step++) {
        entry *e = &c->slots[c->hand];
        c->hand = (c->hand + 1) & (CACHE_SLOTS - 1);
        if (e->used)
            e->used = false;
        else
            drop(c, e);
    }
}

bool cache_put(resp_cache *c, const char *target, size_t target_len, int64_t version,
               struct MHD_Response *resp, const char *etag, size_t len)
{
    if (target_len > CACHE_MAX_TARGET || len > CACHE_MAX_BODY ||
        strlen(etag) >= sizeof(entry){0}.etag)
        return false;
    if (len > c->max_bytes)
        return false;
    entry *e = &c->slots[slot_of(target, target_len)];
    drop(c, e);
    make_room(c, len);
    if (len > c->max_bytes - c->bytes) /* bytes never exceeds max_bytes */
        return false;
    memcpy(e->target, target, target_len);
    e->target_len = target_len;
    e->version = version;
    e->resp = resp;
    memcpy(e->etag, etag, strlen(etag) + 1);
    e->len = len;
    e->used = false; /* a second request marks it */
    c->bytes += len;
    return true;
}
