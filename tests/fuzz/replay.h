/* replay.h — replaying fuzz inputs through a target inside a Criterion
 * test (header-only; included by tests/extract/test_fuzz_regressions.c and
 * tests/server/test_fuzz_regressions.c after the targets themselves).
 *
 * Every regular file of a folder is read whole and passed to the target's
 * entry point, in name order. Quietly: only when one of them crashes (a
 * signal, or fuzz_check's abort) is its name printed, by a signal handler
 * that then hands the signal on to whatever handled it before (the
 * sanitizers' reports stay whole).
 */
#ifndef MARSAD_TESTS_FUZZ_REPLAY_H
#define MARSAD_TESTS_FUZZ_REPLAY_H

#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef int (*replay_fn)(const uint8_t *data, size_t size);

static char replay_current[4096]; /* the input being replayed, for the handler */
static const int replay_signals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
static struct sigaction replay_old[sizeof replay_signals / sizeof replay_signals[0]];

/* Names the input, puts the previous handler back and returns: a fault
 * happens again under it, and abort() raises again once its handler
 * returns. Only async-signal-safe calls. */
static void replay_on_signal(int sig)
{
    static const char msg[] = "replay: the target crashed on ";
    ssize_t w = write(2, msg, sizeof msg - 1);
    w = write(2, replay_current, strnlen(replay_current, sizeof replay_current));
    w = write(2, "\n", 1);
    (void)w;
    for (size_t i = 0; i < sizeof replay_signals / sizeof replay_signals[0]; i++)
        if (replay_signals[i] == sig)
            sigaction(sig, &replay_old[i], NULL);
}

static void replay_catch(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = replay_on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof replay_signals / sizeof replay_signals[0]; i++)
        sigaction(replay_signals[i], &sa, &replay_old[i]);
}

static void replay_release(void)
{
    for (size_t i = 0; i < sizeof replay_signals / sizeof replay_signals[0]; i++)
        sigaction(replay_signals[i], &replay_old[i], NULL);
}

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
    replay_catch();
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        int w = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        cr_assert(w > 0 && (size_t)w < sizeof path);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            size_t len;
            uint8_t *data = replay_read(path, &len);
            memcpy(replay_current, path, (size_t)w + 1);
            fn(data, len);
            free(data);
            done++;
        }
        free(names[i]);
    }
    replay_release();
    free(names);
    return done;
}

#endif
