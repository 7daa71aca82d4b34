/* query_pool.h — threads that run the API's queries, off libmicrohttpd's
 * polling threads: a polling thread suspends the connection, queues the
 * request here and goes on serving its other connections (health checks,
 * cached answers), and the worker resumes the connection when the answer is
 * ready. The queue is bounded: when it is full the caller answers 503.
 *
 * Left out: priorities and fairness between clients (first come, first
 * served), and cancelling a queued query whose client has gone.
 */
#ifndef MARSAD_QUERY_POOL_H
#define MARSAD_QUERY_POOL_H

#include <stdbool.h>
#include <stddef.h>

#define QUERY_POOL_QUEUE_MAX 512 /* queries waiting for a worker, at most */

typedef struct query_pool query_pool;

/* run(item, cls) is called on a worker for each item submitted; at
 * query_pool_stop, refuse(item, cls) for each one still queued. */
typedef void (*query_pool_fn)(void *item, void *cls);

/* n_workers >= 1. NULL when no thread could start. */
query_pool *query_pool_start(unsigned n_workers, query_pool_fn run, query_pool_fn refuse,
                             void *cls);

/* Queue item; false when the queue is full or the pool is stopping (the
 * caller answers, nothing was queued). */
bool query_pool_submit(query_pool *p, void *item);

/* Refuse what is still queued, let the workers finish what they run, and
 * free the pool. NULL is fine. */
void query_pool_stop(query_pool *p);

#endif
