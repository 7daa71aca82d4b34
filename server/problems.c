/* problems.c — GET /problems/{name}: what each problem `type` of the API's
 * error bodies means, as a short page, so that the URIs resolve (RFC 9457
 * recommends types a person can dereference).
 */
#include "server/handlers.h"
#include "server/params.h"

#include <string.h>

#define PAGE(title, text)                                                                      \
    "<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>" title                 \
    "</title>\n<h1>" title "</h1>\n<p>" text "</p>\n<p>The answer's <code>detail</code> says " \
    "what went wrong in that request; see <a href=\"/openapi.yaml\">openapi.yaml</a>.</p>\n"

typedef struct problem_page {
    const char *name;
    const char *html;
} problem_page;

static const problem_page pages[] = {
    {"invalid-request",
     PAGE("Invalid request (400)", "The request could not be understood: a malformed request line, "
                                   "path or body.")},
    {"invalid-parameter", PAGE("Invalid parameter (400)",
                               "A query parameter is unknown, given twice, too long, or has a "
                               "value the route does not accept; <code>invalid_params</code> "
                               "names it.")},
    {"unauthorized",
     PAGE("Unauthorized (401)", "A write needs <code>Authorization: Bearer TOKEN</code> with the "
                                "server's token.")},
    {"forbidden",
     PAGE("Forbidden (403)", "Writes are off: the server runs read-only or has no token.")},
    {"not-found", PAGE("Not found (404)", "No route, or no item with that id.")},
    {"method-not-allowed",
     PAGE("Method not allowed (405)", "The path exists but not with this method; the "
                                      "<code>Allow</code> header lists the methods it takes.")},
    {"body-too-large", PAGE("Body too large (413)", "A request body is at most 1 MiB.")},
    {"uri-too-long", PAGE("URI too long (414)", "The request target is longer than the server's "
                                                "<code>--max-url</code>.")},
    {"unsupported-media-type",
     PAGE("Unsupported media type (415)", "A body is <code>application/json</code>, "
                                          "<code>text/plain</code> or <code>text/html</code>.")},
    {"headers-too-large",
     PAGE("Request headers too large (431)", "The request headers are larger than the server's "
                                             "<code>--max-headers</code>.")},
    {"unavailable",
     PAGE("Unavailable (503)", "The seeds are still being imported, the database stayed busy, or a "
                               "query ran past its time limit; try again after "
                               "<code>Retry-After</code> seconds.")},
};

void handle_problem_page(request *rq, reply *r)
{
    if (!params_check_or_reply(rq, true, r))
        return;
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        if (strcmp(pages[i].name, rq->id) == 0) {
            reply_static(r, 200, "text/html; charset=utf-8", pages[i].html, strlen(pages[i].html));
            return;
        }
    }
    reply_problem(r, 404, "no problem type '%s'", rq->id);
}
