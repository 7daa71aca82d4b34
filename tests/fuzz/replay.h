/* replay.h — replaying fuzz inputs through a target inside a Criterion
 * test (header-only; included by tests/extract/test_fuzz_regressions.c and
 * tests/server/test_fuzz_regressions.c after the targets themselves).
 *
 * Every regular file of a folder is read whole and passed to the target's
 * entry point, in name order. The file's name is printed first, so a crash
 * (a signal, or fuzz_fail's abort) names the input that caused it.
 */
#ifndef MARSAD_TESTS_FUZZ_REPLAY_H
#define MARSAD_TESTS_FUZZ_REPLAY_H

#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef int (*replay_fn)(const uint8_t *data, size_t size);

static int replay_by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint8_t *replay_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert(f != NULL, "cannot open %s: %s", path, strerror(errno));
    size_t cap = 4096, n = 0, k;
    uint8_t *buf = malloc(cap);
    cr_assert(buf != NULL);
    while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            uint8_t *grown = realloc(buf, cap *= 2);
            cr_assert(grown != NULL);
            buf = grown;
        }
    }
    cr_assert(!ferror(f), "cannot read %s", path);
    fclose(f);
    *len = n;
    return buf;
}

/* Replays every file of dir through fn; returns how many. A missing folder
 * is an error when required. */
static size_t replay_dir(const char *dir, replay_fn fn, bool required)
{
    DIR *d = opendir(dir);
    if (!d) {
        cr_assert(!required, "cannot open %s: %s (run the tests from the repository root)", dir,
                  strerror(errno));
        return 0;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char **grown = realloc(names, (n + 1) * sizeof *names);
        cr_assert(grown != NULL);
        names = grown;
        names[n] = strdup(e->d_name);
        cr_assert(names[n] != NULL);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, replay_by_name);
    size_t done = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        int w = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        cr_assert(w > 0 && (size_t)w < sizeof path);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            size_t len;
            uint8_t *data = replay_read(path, &len);
            fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
            fflush(stderr);
            fn(data, len);
            free(data);
            done++;
        }
        free(names[i]);
    }
    free(names);
    return done;
}

#endif
