/* writer.c — the write queue and its thread.
 *
 * Jobs run one at a time in arrival order, each one store transaction
 * (ingest_document for a put, store_delete_article for a delete), so writes
 * never contend with each other and readers (WAL) never wait for them.
 */
#include "server/writer.h"

#include "ingest/ingest.h"
#include "server/request.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct writer {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    write_job *head, *tail;
    size_t queued;
    bool stopping;
    store *db;
    const extract_model *m;
    atomic_llong *n_articles;
    atomic_int *fault;
};

void write_job_free(write_job *job)
{
    if (!job)
        return;
    article_input_free(&job->in);
    free(job);
}

static void run(writer *w, write_job *job)
{
    /* A file deleted or replaced under the server takes every write with it
     * at the next start: checked before each one. */
    if (store_file_moved(w->db))
        app_set_fault(w->fault, APP_FAULT_MOVED);
    int fault = atomic_load(w->fault);
    if (fault != APP_FAULT_NONE) {
        job->status = STORE_CORRUPT;
        snprintf(job->err, sizeof job->err, "%s", app_fault_text(fault));
        return;
    }
    char hash[64];
    job->existed = store_article_hash(w->db, job->id, hash, sizeof hash) == STORE_OK;
    if (job->kind == WRITE_DELETE) {
        job->status = job->existed ? store_delete_article(w->db, job->id) : STORE_NOTFOUND;
    } else {
        ingest_meta meta = {job->in.title, job->in.outlet, job->in.url, job->in.published_at,
                            job->in.format};
        job->status = ingest_document(w->db, w->m, job->id, job->in.text, job->in.len, &meta, NULL,
                                      NULL, NULL);
    }
    if (job->status != STORE_OK && job->status != STORE_NOTFOUND)
        snprintf(job->err, sizeof job->err, "%s", store_errmsg(w->db));
    if (job->status == STORE_CORRUPT)
        app_set_fault(w->fault, APP_FAULT_CORRUPT);
    if (job->status == STORE_OK) {
        long long n = store_article_count(w->db);
        if (n >= 0)
            atomic_store(w->n_articles, n);
    }
}

static void *loop(void *arg)
{
    writer *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->head && !w->stopping)
            pthread_cond_wait(&w->wake, &w->lock);
        if (!w->head)
            break; /* stopping, and nothing left */
        write_job *job = w->head;
        w->head = job->next;
        if (!w->head)
            w->tail = NULL;
        w->queued--;
        pthread_mutex_unlock(&w->lock);
        run(w, job);
        job->done(job, job->cls);
        pthread_mutex_lock(&w->lock);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

writer *writer_start(store *db, const extract_model *m, atomic_llong *n_articles, atomic_int *fault,
                     char *err, size_t errsz)
{
    writer *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    w->db = db;
    w->m = m;
    w->n_articles = n_articles;
    w->fault = fault;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    if (pthread_create(&w->thread, NULL, loop, w) != 0) {
        snprintf(err, errsz, "cannot start the writer thread");
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->wake);
        free(w);
        return NULL;
    }
    return w;
}

bool writer_submit(writer *w, write_job *job)
{
    pthread_mutex_lock(&w->lock);
    bool ok = !w->stopping && w->queued < WRITER_MAX_QUEUE;
    if (ok) {
        job->next = NULL;
        if (w->tail)
            w->tail->next = job;
        else
            w->head = job;
        w->tail = job;
        w->queued++;
        pthread_cond_signal(&w->wake);
    }
    pthread_mutex_unlock(&w->lock);
    return ok;
}

void writer_refuse_queued(writer *w, const char *why)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stopping = true;
    write_job *job = w->head;
    w->head = w->tail = NULL;
    w->queued = 0;
    pthread_mutex_unlock(&w->lock);
    while (job) {
        write_job *next = job->next; /* done may free the job */
        job->status = STORE_BUSY;
        snprintf(job->err, sizeof job->err, "%s", why);
        job->done(job, job->cls);
        job = next;
    }
}

void writer_stop(writer *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stopping = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->wake);
    store_close(w->db);
    free(w);
}
