/* writer.h — the one thread that writes. Write requests are queued here so
 * that a write waiting on SQLite's lock never stalls a polling thread and
 * the connections it serves; the HTTP layer suspends the connection until
 * its job is done. The writer owns the read-write store connection.
 */
#ifndef MARSAD_WRITER_H
#define MARSAD_WRITER_H

#include "db/store.h"
#include "extract/extract.h"
#include "server/body.h"

#include <stdatomic.h>

#define WRITER_MAX_QUEUE 1024 /* more waiting jobs is a 503 */

typedef enum write_kind {
    WRITE_PUT,    /* create or replace article id from `in` */
    WRITE_DELETE, /* delete article id */
} write_kind;

typedef struct write_job write_job;
struct write_job {
    write_kind kind;
    char id[256];     /* REQUEST_MAX_ID: a path id fits */
    article_input in; /* WRITE_PUT; freed with the job */
    /* results, set by the writer before done is called */
    store_status status;
    bool existed;   /* the article was there before */
    bool unchanged; /* PUT of what was already stored */
    char err[256];
    /* called on the writer thread when the job is finished */
    void (*done)(write_job *job, void *cls);
    void *cls;
    write_job *next; /* queue link, the writer's */
};

typedef struct writer writer;

/* Start the thread; it takes db (closed by writer_stop). n_articles is kept
 * up to date after each write. fault (enum app_fault) is set when the file
 * is found damaged, or moved before a write; from then on every job
 * finishes with STORE_CORRUPT unrun. NULL on failure. */
writer *writer_start(store *db, const extract_model *m, atomic_llong *n_articles, atomic_int *fault,
                     char *err, size_t errsz);

/* Queue a job. False (the job untouched) when the queue is full or the
 * writer is stopping. */
bool writer_submit(writer *w, write_job *job);

/* Refuse from now on: every job still queued is finished at once with
 * STORE_BUSY and `why` (the job being run completes), and later submits
 * fail. For a shutdown that must end within a grace period. NULL is fine. */
void writer_refuse_queued(writer *w, const char *why);

/* Finish the queued jobs, stop the thread, close the store. NULL is fine. */
void writer_stop(writer *w);

void write_job_free(write_job *job); /* NULL is fine */

#endif
