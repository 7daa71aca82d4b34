/* integrity.h — the database's integrity check at start: SQLite's
 * quick_check within a time budget before serving, and, when the file is
 * too large for the budget, the whole check again on a thread of its own
 * while serving. Damage found then is recorded as APP_FAULT_CORRUPT (writes
 * refused, /readyz 503, logged), as damage met by a request is.
 *
 * Left out: integrity_check's index-against-table comparison (quick_check
 * reads every page and record, which is what random bytes in the file
 * break, in a fraction of the time).
 */
#ifndef MARSAD_INTEGRITY_H
#define MARSAD_INTEGRITY_H

#include "db/store.h"

#include <stdatomic.h>
#include <stddef.h>

#define INTEGRITY_START_BUDGET_MS 25 /* of the start-up's time, before the port opens */

typedef enum integrity_result {
    INTEGRITY_SOUND,      /* checked whole: nothing found */
    INTEGRITY_DAMAGED,    /* problem says what */
    INTEGRITY_UNFINISHED, /* the budget ran out: check the rest with integrity_background */
} integrity_result;

/* Check db for at most budget_ms. The first problem found goes into problem
 * (size problemsz). */
integrity_result integrity_check_now(store *db, int budget_ms, char *problem, size_t problemsz);

typedef struct integrity_thread integrity_thread;

/* Check the database at db_name (opened read-only on a connection of the
 * thread's own) to its end; damage found is logged and recorded in *fault
 * (app_set_fault), the outcome logged either way. NULL (logged) when the
 * thread cannot start. */
integrity_thread *integrity_background(const char *db_name, int busy_ms, atomic_int *fault);

/* Stop the check if it still runs, and wait for its thread. NULL is fine. */
void integrity_stop(integrity_thread *t);

#endif
