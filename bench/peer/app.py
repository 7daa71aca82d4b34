"""app.py — the FastAPI peer of `make bench-peer`.

Serves GET /v1/articles/{id}, GET /v1/figures?type=T&limit=N[&cursor=C] and
GET /v1/articles?limit=N[&cursor=C] from marsad's SQLite database (opened
read-only; the path in MARSAD_PEER_DB) with the bytes marsad answers
(render.py), so the benchmark compares the same work. One connection per
worker process; the handlers are `async def` and call SQLite directly (each
answer takes well under a millisecond of SQLite, so a thread pool hop would
cost more than it saves). Run by serve.py under uvicorn with 2 workers.

Parameters other than these answer 400, unknown ids 404, as marsad does;
the problem bodies match marsad's only for the 404 of an article.
"""
import os

from fastapi import FastAPI, Request
from fastapi.responses import Response

import render

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
db = render.connect(os.environ.get("MARSAD_PEER_DB", "var/marsad.db"))

JSON = "application/json"
PROBLEM = "application/problem+json"


def bad(name, detail):
    body = ('{"type":"/problems/invalid-request","title":"Bad Request","status":400,'
            '"detail":' + render.jstr(name + ": " + detail) + "}")
    return Response(body.encode(), status_code=400, media_type=PROBLEM)


def list_args(request, allowed):
    """(args as asked, limit, cursor, type) or a 400 Response."""
    args = request.query_params.multi_items()
    seen = set()
    limit, cursor, type_ = 50, None, None
    for k, v in args:
        if k not in allowed:
            return bad(k, "unknown parameter for this route")
        if k in seen:
            return bad(k, "given more than once")
        seen.add(k)
        if k == "limit":
            if not v.isdigit() or not 1 <= int(v) <= render.MAX_LIMIT:
                return bad(k, "must be an integer 1..%d" % render.MAX_LIMIT)
            limit = int(v)
        elif k == "cursor":
            cursor = v
        elif k == "type":
            if v not in render.FIGURE_TYPES:
                return bad(k, "not one of its values")
            type_ = v
    return args, limit, cursor, type_


def reply(body, request):
    headers = {}
    i = body.find(',"next_url":"')
    if i >= 0:  # marsad's Link header
        headers["Link"] = "<" + body[i + 13:body.index('"', i + 13)] + '>; rel="next"'
    return Response(body.encode(), media_type=JSON, headers=headers)


@app.get("/v1/articles/{article_id}")
async def get_article(article_id: str, request: Request):
    if request.query_params:
        return bad(next(iter(request.query_params)), "this route takes no query parameters")
    body = render.article(db, article_id)
    if body is None:
        return Response(render.problem(404, "Not Found", "/problems/not-found",
                                       "no article with id '%s'" % article_id).encode(),
                        status_code=404, media_type=PROBLEM)
    return Response(body.encode(), media_type=JSON)


@app.get("/v1/articles")
async def list_articles(request: Request):
    a = list_args(request, ("limit", "cursor"))
    if isinstance(a, Response):
        return a
    args, limit, cursor, _ = a
    after = None
    if cursor is not None:
        after = render.cursor_decode(render.SPEC_ARTICLES, cursor, "t")
        if after is None:
            return bad("cursor", "not a cursor this server issued for this query")
    return reply(render.articles(db, request.url.path, args, limit, after), request)


@app.get("/v1/figures")
async def list_figures(request: Request):
    a = list_args(request, ("type", "limit", "cursor"))
    if isinstance(a, Response):
        return a
    args, limit, cursor, type_ = a
    if type_ is None:
        return bad("type", "the peer answers only lists of one type")
    after = None
    if cursor is not None:
        after = render.cursor_decode(render.SPEC_FIGURES, cursor, "ti")
        if after is None:
            return bad("cursor", "not a cursor this server issued for this query")
    return reply(render.figures(db, request.url.path, args, type_, limit, after), request)
