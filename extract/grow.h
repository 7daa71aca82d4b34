/* grow.h — growing an array by doubling, shared by extract/'s modules. */
#ifndef MARSAD_GROW_H
#define MARSAD_GROW_H

#include <stddef.h>
#include <stdlib.h>

/* Make *arr (of *cap elements of elem bytes) hold at least need elements,
 * doubling from 64. 0, or -1 when memory runs out (*arr untouched). */
static inline int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 64;
    while (nc < need)
        nc *= 2;
    void *p = realloc(*arr, nc * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

#endif
