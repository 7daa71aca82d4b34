/* handlers_write.c — POST, PUT and DELETE of articles.
 *
 * Every write needs `Authorization: Bearer TOKEN`, compared in constant
 * time; with no token configured, or with --read-only, writes answer 403.
 * The body is parsed and checked here (body.c), then the write is handed to
 * the writer thread (reply.pending) and answered when it is done (the
 * finish functions below run on the connection's own thread).
 */
#include "server/handlers.h"
#include "extract/fnv1a.h"

#include "ingest/ingest.h"
#include "server/body.h"
#include "server/params.h"
#include "server/writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Equal, taking the same time whatever the guess shares with the secret. */
static bool same_secret(const char *guess, const char *secret)
{
    size_t lg = strlen(guess), ls = strlen(secret);
    volatile unsigned char diff = lg != ls;
    for (size_t i = 0; i < ls; i++)
        diff |= (unsigned char)(secret[i] ^ (lg ? guess[i < lg ? i : 0] : 0));
    return diff == 0;
}

static bool authorized_or_reply(request *rq, reply *r)
{
    if (rq->app->read_only) {
        reply_problem(r, 403, "this server is read-only (--read-only)");
        return false;
    }
    if (!rq->app->token) {
        reply_problem(r, 403,
                      "writes are disabled: no token is configured (MARSAD_TOKEN or --token-file)");
        return false;
    }
    const char *h = rq->authorization;
    if (!h || strncasecmp(h, "Bearer ", 7) != 0 || !same_secret(h + 7, rq->app->token)) {
        snprintf(r->www_authenticate, sizeof r->www_authenticate, "Bearer realm=\"marsad\"");
        reply_problem(r, 401, "send Authorization: Bearer TOKEN with the write token");
        return false;
    }
    return true;
}

bool handlers_write_allowed(request *rq, reply *r)
{
    if (!authorized_or_reply(rq, r))
        return false;
    if (!app_store_sound(rq->app)) {
        reply_problem(r, 503, "writes are refused: %s",
                      app_fault_text(atomic_load(&rq->app->fault)));
        return false;
    }
    char err[256];
    if (strcmp(rq->method, "DELETE") != 0 &&
        !body_type_accepted(rq->content_type, err, sizeof err)) {
        reply_problem(r, 415, "%s", err);
        return false;
    }
    return true;
}

/* A write the store refused for want of space, or on a file that can no
 * longer be trusted: 503, with a retry for the first (space may be freed). */
static bool finish_store_fault(write_job *job, reply *r)
{
    if (job->status == STORE_FULL) {
        fprintf(stderr, "marsad: write of %s refused: %s\n", job->id, job->err);
        r->retry_after = 30;
        reply_problem(r, 503, "the disk is full: nothing was stored");
        return true;
    }
    if (job->status == STORE_CORRUPT) {
        reply_problem(r, 503, "writes are refused: %s", job->err);
        return true;
    }
    return false;
}

static void finish_put(write_job *job, store *db, reply_finish_ctx *fc, reply *r)
{
    (void)fc;
    if (finish_store_fault(job, r))
        return;
    if (job->status == STORE_BUSY) {
        r->retry_after = 1;
        reply_problem(r, 503, "the database is busy: %s", job->err);
        return;
    }
    if (job->status != STORE_OK) {
        fprintf(stderr, "marsad: write of %s failed: %s\n", job->id, job->err);
        reply_problem(r, 500, "the article could not be stored");
        return;
    }
    /* Committed: the answer must say so, however long the read-back takes
     * (its size is bounded: a figure's quote is at most 400 code points),
     * so the query time limit does not apply to it. */
    json_t *article = NULL;
    int limit = store_time_limit(db);
    store_set_time_limit(db, 0);
    store_status got = store_get(db, RES_ARTICLES, job->id, &article);
    store_set_time_limit(db, limit);
    if (got != STORE_OK) {
        reply_problem(r, 500, "the article was stored but cannot be read back");
        return;
    }
    snprintf(r->location, sizeof r->location, "/v1/articles/%s", job->id);
    reply_json(r, job->existed ? 200 : 201, article);
}

static void finish_delete(write_job *job, store *db, reply_finish_ctx *fc, reply *r)
{
    (void)db;
    (void)fc;
    if (finish_store_fault(job, r)) {
        return;
    } else if (job->status == STORE_NOTFOUND) {
        reply_problem(r, 404, "no article with id '%s'", job->id);
    } else if (job->status == STORE_BUSY) {
        r->retry_after = 1;
        reply_problem(r, 503, "the database is busy: %s", job->err);
    } else if (job->status != STORE_OK) {
        fprintf(stderr, "marsad: delete of %s failed: %s\n", job->id, job->err);
        reply_problem(r, 500, "the article could not be deleted");
    } else {
        reply_static(r, 204, NULL, "", 0);
        r->no_etag = true;
    }
}

static write_job *new_job(write_kind kind, const char *id, reply *r)
{
    write_job *job = calloc(1, sizeof *job);
    if (!job) {
        reply_problem(r, 500, "out of memory");
        return NULL;
    }
    job->kind = kind;
    snprintf(job->id, sizeof job->id, "%s", id);
    return job;
}

/* Parse the body into a job for id; NULL with the reply set when it fails. */
static write_job *put_job(request *rq, const char *id, reply *r)
{
    article_input in;
    char err[256];
    switch (body_parse_article(rq->body, rq->body_len, rq->content_type, &in, err, sizeof err)) {
    case BODY_OK: break;
    case BODY_BAD_TYPE: reply_problem(r, 415, "%s", err); return NULL;
    case BODY_TOO_LARGE: reply_problem(r, 413, "%s", err); return NULL;
    case BODY_INVALID: reply_problem(r, 400, "%s", err); return NULL;
    }
    write_job *job = new_job(WRITE_PUT, id, r);
    if (!job) {
        article_input_free(&in);
        return NULL;
    }
    job->in = in;
    return job;
}

static void submit(reply *r, write_job *job,
                   void (*finish)(write_job *, store *, reply_finish_ctx *, reply *))
{
    r->pending = job;
    r->finish = finish;
}

/* POST /v1/articles: the id is derived from the text, so posting the same
 * article twice stores it once (the second answer is 200, not 201). */
void handle_post_article(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r) || !authorized_or_reply(rq, r))
        return;
    write_job *job = put_job(rq, "", r);
    if (!job)
        return;
    uint64_t h = fnv1a64(FNV1A64_IDS_SEED, job->in.text, job->in.len);
    snprintf(job->id, sizeof job->id, "api-%016llx", (unsigned long long)h);
    submit(r, job, finish_put);
}

/* PUT /v1/articles/{id}: create or replace under a chosen id. */
void handle_put_article(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r) || !authorized_or_reply(rq, r))
        return;
    if (!ingest_valid_id(rq->id)) {
        reply_problem(r, 400, "an article id is 1 to %d of A-Z a-z 0-9 _ - . (not starting with .)",
                      INGEST_MAX_ID);
        return;
    }
    write_job *job = put_job(rq, rq->id, r);
    if (job)
        submit(r, job, finish_put);
}

void handle_delete_article(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r) || !authorized_or_reply(rq, r))
        return;
    write_job *job = new_job(WRITE_DELETE, rq->id, r);
    if (job)
        submit(r, job, finish_delete);
}
