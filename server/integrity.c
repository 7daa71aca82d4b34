/* integrity.c — see integrity.h. */
#include "server/integrity.h"

#include "server/request.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct integrity_thread {
    pthread_t thread;
    store *db;
    atomic_int *fault;
};

integrity_result integrity_check_now(store *db, int budget_ms, char *problem, size_t problemsz)
{
    switch (store_check(db, budget_ms, problem, problemsz)) {
    case STORE_OK: return INTEGRITY_SOUND;
    case STORE_CORRUPT: return INTEGRITY_DAMAGED;
    case STORE_BUSY: return INTEGRITY_UNFINISHED;
    default:
        snprintf(problem, problemsz, "%s", store_errmsg(db));
        return INTEGRITY_UNFINISHED; /* an error that is not damage: said, not fatal */
    }
}

static void *run(void *arg)
{
    integrity_thread *t = arg;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char problem[512];
    store_status st = store_check(t->db, 0, problem, sizeof problem);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long ms = (t1.tv_sec - t0.tv_sec) * 1000LL + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    if (st == STORE_OK) {
        fprintf(stderr, "marsad: integrity check of the database: ok (%lld ms)\n", ms);
    } else if (st == STORE_CORRUPT) {
        fprintf(stderr, "marsad: integrity check of the database: damaged: %s\n", problem);
        app_set_fault(t->fault, APP_FAULT_CORRUPT);
    } else if (st != STORE_BUSY) { /* BUSY: stopped at shutdown */
        fprintf(stderr, "marsad: integrity check of the database could not finish: %s\n",
                store_errmsg(t->db));
    }
    return NULL;
}

integrity_thread *integrity_background(const char *db_name, int busy_ms, atomic_int *fault)
{
    integrity_thread *t = calloc(1, sizeof *t);
    char err[512];
    if (!t) {
        fprintf(stderr, "marsad: integrity check not started: out of memory\n");
        return NULL;
    }
    t->fault = fault;
    t->db = store_open(db_name, STORE_READONLY, busy_ms, NULL, err, sizeof err);
    if (!t->db) {
        fprintf(stderr, "marsad: integrity check not started: %s\n", err);
        free(t);
        return NULL;
    }
    store_set_page_cache(t->db, 1); /* one pass over the file: caching it helps nobody */
    if (pthread_create(&t->thread, NULL, run, t) != 0) {
        fprintf(stderr, "marsad: integrity check not started: no thread\n");
        store_close(t->db);
        free(t);
        return NULL;
    }
    return t;
}

void integrity_stop(integrity_thread *t)
{
    if (!t)
        return;
    /* an interrupt reaches only a statement already running: again until
     * the thread is done */
    while (pthread_tryjoin_np(t->thread, NULL) != 0) {
        store_interrupt(t->db);
        nanosleep(&(struct timespec){0, 5 * 1000 * 1000}, NULL);
    }
    store_close(t->db);
    free(t);
}
