/* fnv1a.h — the FNV-1a hash, the one copy in the tree: header-only and
 * dependency-free so every layer can use it (extract/ has no deps). 64 bits
 * for fingerprints and checks, 32 bits for small hash tables. Continue a
 * hash by passing the previous result as h; start from the _OFFSET.
 */
#ifndef MARSAD_FNV1A_H
#define MARSAD_FNV1A_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A64_OFFSET 14695981039346656037ull
#define FNV1A32_OFFSET 2166136261u
/* A digit short of FNV1A64_OFFSET: the seed that unnamed sources' ids and
 * the model fingerprint were first computed with. It stays, since changing
 * it would rename stored sources and re-extract every stored article. */
#define FNV1A64_IDS_SEED 1469598103934665603ull

static inline uint64_t fnv1a64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 1099511628211ull;
    return h;
}

static inline uint32_t fnv1a32(uint32_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 16777619u;
    return h;
}

#endif
