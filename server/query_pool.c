/* query_pool.c — see query_pool.h. A ring of QUERY_POOL_QUEUE_MAX items
 * under one mutex; workers wait on a condition variable. */
#include "server/query_pool.h"

#include <pthread.h>
#include <stdlib.h>

#define MAX_WORKERS 64

struct query_pool {
    pthread_mutex_t lock;
    pthread_cond_t work;
    void *queue[QUERY_POOL_QUEUE_MAX];
    size_t head, count;
    bool stopping;
    query_pool_fn run, refuse;
    void *cls;
    pthread_t workers[MAX_WORKERS];
    unsigned n_workers;
};

static void *work(void *arg)
{
    query_pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->count && !p->stopping)
            pthread_cond_wait(&p->work, &p->lock);
        if (!p->count) /* stopping, and nothing left */
            break;
        void *item = p->queue[p->head];
        p->head = (p->head + 1) % QUERY_POOL_QUEUE_MAX;
        p->count--;
        bool refuse = p->stopping;
        pthread_mutex_unlock(&p->lock);
        (refuse ? p->refuse : p->run)(item, p->cls);
        pthread_mutex_lock(&p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

query_pool *query_pool_start(unsigned n_workers, query_pool_fn run, query_pool_fn refuse, void *cls)
{
    query_pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    p->run = run;
    p->refuse = refuse;
    p->cls = cls;
    if (n_workers > MAX_WORKERS)
        n_workers = MAX_WORKERS;
    for (unsigned i = 0; i < n_workers; i++)
        if (pthread_create(&p->workers[p->n_workers], NULL, work, p) == 0)
            p->n_workers++;
    if (!p->n_workers) {
        pthread_cond_destroy(&p->work);
        pthread_mutex_destroy(&p->lock);
        free(p);
        return NULL;
    }
    return p;
}

bool query_pool_submit(query_pool *p, void *item)
{
    pthread_mutex_lock(&p->lock);
    bool queued = !p->stopping && p->count < QUERY_POOL_QUEUE_MAX;
    if (queued) {
        p->queue[(p->head + p->count) % QUERY_POOL_QUEUE_MAX] = item;
        p->count++;
        pthread_cond_signal(&p->work);
    }
    pthread_mutex_unlock(&p->lock);
    return queued;
}

void query_pool_stop(query_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stopping = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; i < p->n_workers; i++)
        pthread_join(p->workers[i], NULL);
    pthread_cond_destroy(&p->work);
    pthread_mutex_destroy(&p->lock);
    free(p);
}
