/* handlers.h — one function per route (see routes.c). Each reads the
 * request, asks the store, and fills the reply; none knows SQL or
 * libmicrohttpd. */
#ifndef MARSAD_HANDLERS_H
#define MARSAD_HANDLERS_H

#include "server/reply.h"
#include "server/request.h"

/* The one translation of a store status into an HTTP reply (404 naming
 * the resource and id, 400 for a bad cursor or query, 503 busy, 500). */
void handlers_store_failure(request *rq, reply *r, store_status st, store_resource res);

void handle_index(request *rq, reply *r);
void handle_web_asset(request *rq, reply *r);
void handle_healthz(request *rq, reply *r);
void handle_readyz(request *rq, reply *r);
void handle_openapi(request *rq, reply *r);
void handle_meta(request *rq, reply *r);
void handle_articles(request *rq, reply *r);
void handle_article(request *rq, reply *r);
void handle_sources(request *rq, reply *r);
void handle_source(request *rq, reply *r);
void handle_source_figures(request *rq, reply *r);
void handle_article_copies(request *rq, reply *r);
void handle_locations(request *rq, reply *r);
void handle_location(request *rq, reply *r);
void handle_figures(request *rq, reply *r);
void handle_figure(request *rq, reply *r);
void handle_compare(request *rq, reply *r);
void handle_search(request *rq, reply *r);       /* search.c */
void handle_problem_page(request *rq, reply *r); /* problems.c */
/* May this write go on, judged on its headers (rq: method, app,
 * authorization, content_type)? Otherwise the refusal (403, 401, 415) is
 * in r. Called before the body is read, and again by the handlers. */
bool handlers_write_allowed(request *rq, reply *r);
void handle_post_article(request *rq, reply *r);
void handle_put_article(request *rq, reply *r);
void handle_delete_article(request *rq, reply *r);

#endif
