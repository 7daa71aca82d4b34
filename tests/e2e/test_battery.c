/* test_battery.c — hostile input against the real server: malformed request
 * lines and URLs, broken percent-encoding, invalid UTF-8, huge and negative
 * numbers, SQL metacharacters and injection strings in every parameter of
 * every list route, path traversal, duplicate and too many parameters,
 * wrong methods on every route, oversized and truncated bodies, huge
 * headers.
 *
 * The rule for every case: a 4xx application/problem+json whose "status"
 * is the HTTP status (a filter that merely matches nothing may be a 200
 * with total 0), or, for bytes that are not HTTP at all, the connection
 * closed (at the latest when --timeout runs out). Never a 5xx, never a
 * hang. Where libmicrohttpd itself refuses a request before marsad sees it
 * (a malformed request line or header, headers past what a connection
 * may use, a bad Content-Length), its reply is its own small HTML page:
 * for those the status alone is checked. libmicrohttpd also takes a raw NUL
 * byte in the request line as the end of the path ("GET /v1/meta\0x
 * HTTP/1.1" is GET /v1/meta); marsad cannot see that, so it is allowed.
 *
 * After each test /healthz still answers and the data is as it was:
 * /v1/meta's generation and counts are compared before and after. Every
 * write in the battery carries no token or a wrong one, so nothing may
 * change. (The suite `bodies` sends bad bodies with the right token: they
 * must all be refused, and nothing may change either.)
 *
 * Raw TCP (raw_*) is used where libcurl would not send the bytes as they
 * are: request lines, header blocks, lying Content-Lengths, half-closed
 * and abandoned connections. The server runs with --timeout 3 so that a
 * connection left hanging is closed within seconds.
 */
#include "tests/e2e/api_helpers.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "battery-token-0123456789abcdef"
#define AUTH "Authorization: Bearer " TOKEN
#define WRONG_AUTH "Authorization: Bearer battery-token-0123456789abcdeX"
#define IDLE_TIMEOUT_S 3
#define RAW_SLACK_S 4                  /* on top of the idle timeout (valgrind is slow) */
#define BODY_LIMIT_BYTES (1024 * 1024) /* README: a body over 1 MiB is a 413 */

static void start_battery(void)
{
    char path[4096];
    e2e_path(path, sizeof path, "token");
    e2e_write_file(path, TOKEN "\n", strlen(TOKEN) + 1);
    e2e_start(NULL, "--token-file", path, "--timeout", "3");
}

TestSuite(battery, .init = start_battery, .fini = e2e_teardown, .timeout = 600);
TestSuite(bodies, .init = start_battery, .fini = e2e_teardown, .timeout = 600);
TestSuite(battery_regressions, .init = start_battery, .fini = e2e_teardown, .timeout = 120);

/* ---- the data must not change -------------------------------------------- */

typedef struct snapshot {
    long long generation;
    char *counts; /* /v1/meta counts, compact JSON */
} snapshot;

static snapshot take_snapshot(void)
{
    json_t *meta = get_ok("/v1/meta");
    snapshot s;
    s.generation = jint(meta, "generation");
    s.counts = json_dumps(json_object_get(meta, "counts"), JSON_COMPACT | JSON_SORT_KEYS);
    cr_assert(s.counts != NULL);
    json_decref(meta);
    return s;
}

/* /healthz answers, and generation and counts are those of before. */
static void assert_unchanged(snapshot before, const char *what)
{
    e2e_response *r = e2e_get("/healthz");
    cr_assert_eq(r->status, 200, "%s: /healthz answers %ld afterwards", what, r->status);
    e2e_response_free(r);
    snapshot after = take_snapshot();
    cr_assert_eq(after.generation, before.generation,
                 "%s: the data changed (generation %lld, was %lld)", what, after.generation,
                 before.generation);
    cr_assert_str_eq(after.counts, before.counts, "%s: the counts changed", what);
    free(after.counts);
    free(before.counts);
}

/* ---- expectations --------------------------------------------------------- */

/* A 4xx problem+json whose status field is the HTTP status. */
static void assert_4xx_problem(const e2e_response *r, const char *what)
{
    cr_assert(r->status >= 400 && r->status < 500, "%s: status %ld, expected a 4xx; body %.300s",
              what, r->status, r->body);
    cr_assert(content_type_is(r, "application/problem+json"),
              "%s: status %ld with Content-Type %s, expected application/problem+json", what,
              r->status,
              e2e_header_get(r, "Content-Type") ? e2e_header_get(r, "Content-Type") : "none");
    cr_assert(json_is_object(r->json), "%s: the problem is not a JSON object: %.300s", what,
              r->body);
    cr_assert_eq(json_integer_value(json_object_get(r->json, "status")), r->status,
                 "%s: the problem's status field is not the HTTP status", what);
}

/* GET path: a 4xx problem. */
static void get_4xx(const char *path)
{
    e2e_response *r = e2e_get(path);
    assert_4xx_problem(r, path);
    e2e_response_free(r);
}

/* method path (with optional headers): a 4xx problem; returns the status. */
static long request_4xx(const char *method, const char *path, const char *h1, const char *h2)
{
    e2e_response *r = h2   ? e2e_request(method, path, h1, h2)
                      : h1 ? e2e_request(method, path, h1)
                           : e2e_request(method, path);
    char what[512];
    snprintf(what, sizeof what, "%s %.400s", method, path);
    assert_4xx_problem(r, what);
    long status = r->status;
    e2e_response_free(r);
    return status;
}

/* A filter given a hostile value: a 4xx problem, or a 200 that matched
 * nothing (total 0) — unless any_total (full-text search may match). */
static void filter_refused_or_empty(const char *path, bool any_total)
{
    e2e_response *r = e2e_get(path);
    if (r->status == 200) {
        cr_assert(json_is_object(r->json), "%s: a 200 that is not a JSON object", path);
        json_t *total = json_object_get(r->json, "total");
        if (!any_total && total)
            cr_assert_eq(json_integer_value(total), 0,
                         "%s: a hostile value matched %lld items (it must match nothing)", path,
                         (long long)json_integer_value(total));
    } else {
        assert_4xx_problem(r, path);
    }
    e2e_response_free(r);
}

/* ---- raw TCP -------------------------------------------------------------- */

typedef enum raw_mode {
    RAW_READ,       /* send, then read one response (or the close) */
    RAW_HALF_CLOSE, /* send, shut our writing side, then read */
    RAW_ABANDON,    /* send, then close at once without reading */
} raw_mode;

typedef struct raw_case {
    const char *what;
    const char *data;
    size_t len; /* 0: strlen(data) */
    raw_mode mode;
    /* filled in by raw_run */
    int fd;
    size_t sent;
    char *in;
    size_t in_len, in_cap;
    bool eof, done;
    int status;     /* of the first response; 0 when closed without one; -1 when neither */
    double t_sent;  /* when the sending ended (now_s) */
    double seconds; /* from then to the answer or the close; -1 before */
} raw_case;

/* A case: what it is, the bytes (len 0: strlen), what to do after sending. */
#define RAWC(what_, data_, len_, mode_)                                  \
    {                                                                    \
        .what = (what_), .data = (data_), .len = (len_), .mode = (mode_) \
    }

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int raw_connect(void)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    cr_assert(fd >= 0, "socket: %s", strerror(errno));
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)e2e_port());
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    cr_assert(connect(fd, (struct sockaddr *)&a, sizeof a) == 0, "connect: %s", strerror(errno));
    return fd;
}

/* The status of the first complete response in c->in, or 0 when it is
 * not complete yet (headers and Content-Length bytes of body). */
static int raw_complete_status(const raw_case *c)
{
    const char *end = c->in_len ? memmem(c->in, c->in_len, "\r\n\r\n", 4) : NULL;
    if (!end || c->in_len < 12 || strncmp(c->in, "HTTP/1.", 7) != 0)
        return 0;
    size_t head = (size_t)(end - c->in) + 4;
    size_t body = 0;
    for (const char *p = c->in; p && p < end; p = memchr(p, '\n', (size_t)(end - p))) {
        if (*p == '\n')
            p++;
        if (strncasecmp(p, "Content-Length:", 15) == 0)
            body = strtoul(p + 15, NULL, 10);
    }
    if (c->in_len < head + body)
        return 0;
    return (int)strtol(c->in + 9, NULL, 10);
}

/* Runs the cases side by side (so their timeouts overlap): connect and
 * send each, then read until every case has a complete first response or
 * a close, or the deadline passes. */
static void raw_run(raw_case *cases, size_t n, double deadline_s)
{
    for (size_t i = 0; i < n; i++) {
        raw_case *c = &cases[i];
        if (!c->len)
            c->len = strlen(c->data);
        c->fd = raw_connect();
        c->in = NULL;
        c->in_len = c->in_cap = 0;
        c->eof = c->done = false;
        c->seconds = -1;
        c->status = -1;
        /* The server may answer and close before it has read everything
         * (431, 413): a failed send is not a failure of the test. */
        size_t off = 0;
        while (off < c->len) {
            ssize_t k = send(c->fd, c->data + off, c->len - off, MSG_NOSIGNAL);
            if (k <= 0) {
                if (k < 0 && errno == EINTR)
                    continue;
                break;
            }
            off += (size_t)k;
        }
        c->sent = off;
        c->t_sent = now_s();
        if (c->mode == RAW_HALF_CLOSE)
            shutdown(c->fd, SHUT_WR);
        if (c->mode == RAW_ABANDON) {
            close(c->fd);
            c->fd = -1;
            c->done = true;
            c->status = 0;
        }
    }
    double deadline = now_s() + deadline_s;
    for (;;) {
        struct pollfd pfd[64];
        size_t idx[64], m = 0;
        for (size_t i = 0; i < n && m < 64; i++)
            if (!cases[i].done) {
                pfd[m].fd = cases[i].fd;
                pfd[m].events = POLLIN;
                pfd[m].revents = 0;
                idx[m++] = i;
            }
        double left = deadline - now_s();
        if (m == 0 || left <= 0)
            break;
        int pr = poll(pfd, m, (int)(left * 1000) + 1);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr <= 0)
            break;
        for (size_t j = 0; j < m; j++) {
            if (!pfd[j].revents)
                continue;
            raw_case *c = &cases[idx[j]];
            if (c->in_len + 65536 + 1 > c->in_cap) {
                c->in_cap = c->in_len + 65536 + 1;
                c->in = realloc(c->in, c->in_cap);
                cr_assert(c->in != NULL);
            }
            ssize_t k = recv(c->fd, c->in + c->in_len, 65536, 0);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0) {
                c->eof = true; /* closed (or reset) */
                c->done = true;
                c->seconds = now_s() - c->t_sent;
            } else {
                c->in_len += (size_t)k;
            }
            c->in[c->in_len] = '\0';
            int st = raw_complete_status(c);
            if (st) {
                c->status = st;
                if (!c->eof)
                    c->seconds = now_s() - c->t_sent;
                c->done = true;
            } else if (c->eof) {
                c->status = c->in_len ? -2 : 0; /* -2: a partial answer, then closed */
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (cases[i].fd >= 0) {
            close(cases[i].fd);
            cases[i].fd = -1;
        }
}

static void raw_free(raw_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(cases[i].in);
        cases[i].in = NULL;
    }
}

/* A 4xx (or, for what is not HTTP/1.x, a close): never a 5xx, a garbled
 * answer or a connection left open past the idle timeout. */
static void assert_raw_4xx_or_closed(const raw_case *c, bool close_ok, bool version_505_ok)
{
    const char *seen = c->in ? c->in : "";
    cr_assert(c->status != -1,
              "%s: the server neither answered nor closed the connection within %d s (sent %zu of "
              "%zu bytes)",
              c->what, IDLE_TIMEOUT_S + RAW_SLACK_S, c->sent, c->len);
    cr_assert(c->status != -2, "%s: an incomplete answer, then the close: %.300s", c->what, seen);
    if (c->status == 0) {
        cr_assert(close_ok, "%s: closed without an answer (a 4xx was expected)", c->what);
        return;
    }
    if (c->status == 505 && version_505_ok)
        return;
    cr_assert(c->status >= 400 && c->status < 500, "%s: status %d, expected a 4xx: %.300s", c->what,
              c->status, seen);
}

/* ---- the routes ----------------------------------------------------------- */

typedef struct list_route {
    const char *path;
    const char *const *params;
} list_route;

static const char *const ARTICLE_PARAMS[] = {"outlet",
                                             "source",
                                             "location",
                                             "type",
                                             "q",
                                             "date__gte",
                                             "date__lte",
                                             "published_at__gte",
                                             "published_at__lte",
                                             "sort",
                                             "limit",
                                             "cursor",
                                             "facet",
                                             "format",
                                             NULL};
static const char *const SOURCE_PARAMS[] = {"kind",  "affiliation", "article", "parent", "sort",
                                            "limit", "cursor",      "format",  NULL};
static const char *const LOCATION_PARAMS[] = {"article", "kind",      "parent", "bbox",
                                              "near",    "mentioned", "sort",   "limit",
                                              "cursor",  "format",    NULL};
static const char *const FIGURE_PARAMS[] = {"article",
                                            "type",
                                            "qualifier",
                                            "claimant",
                                            "location",
                                            "stance",
                                            "value__gte",
                                            "value__lte",
                                            "subject_side",
                                            "subject_category",
                                            "date__gte",
                                            "date__lte",
                                            "published_at__gte",
                                            "published_at__lte",
                                            "sort",
                                            "limit",
                                            "cursor",
                                            "facet",
                                            "format",
                                            NULL};
static const char *const CLAIMANT_FIGURE_PARAMS[] = {"article",
                                                     "type",
                                                     "qualifier",
                                                     "location",
                                                     "stance",
                                                     "value__gte",
                                                     "value__lte",
                                                     "subject_side",
                                                     "subject_category",
                                                     "date__gte",
                                                     "date__lte",
                                                     "published_at__gte",
                                                     "published_at__lte",
                                                     "sort",
                                                     "limit",
                                                     "cursor",
                                                     "facet",
                                                     "format",
                                                     NULL};
static const char *const COMPARE_PARAMS[] = {
    "type",  "location",      "affiliation", "bloc",    "claimant", "date__gte", "date__lte",
    "group", "min_claimants", "claims",      "figures", "limit",    NULL};
static const char *const SEARCH_PARAMS[] = {"q", "kind", "limit", NULL};

static const list_route LIST_ROUTES[] = {
    {"/v1/articles", ARTICLE_PARAMS},
    {"/v1/sources", SOURCE_PARAMS},
    {"/v1/locations", LOCATION_PARAMS},
    {"/v1/figures", FIGURE_PARAMS},
    {"/v1/sources/ahrar-al-sham/figures", CLAIMANT_FIGURE_PARAMS},
    {"/v1/figures/compare", COMPARE_PARAMS},
    {"/v1/search", SEARCH_PARAMS},
};
#define N_LIST_ROUTES (sizeof LIST_ROUTES / sizeof LIST_ROUTES[0])

/* Every route of the API with its allowed methods (besides OPTIONS, which
 * answers 204 or 404 depending on --cors, and HEAD beside GET). */
typedef struct any_route {
    const char *path;
    const char *methods; /* space-separated */
} any_route;

static const any_route ROUTES[] = {
    {"/", "GET"},
    {"/healthz", "GET"},
    {"/readyz", "GET"},
    {"/openapi.yaml", "GET"},
    {"/web/app.js", "GET"},
    {"/v1/meta", "GET"},
    {"/v1/articles", "GET POST"},
    {"/v1/articles/" SEED_000, "GET PUT DELETE"},
    {"/v1/sources", "GET"},
    {"/v1/sources/ahrar-al-sham", "GET"},
    {"/v1/sources/ahrar-al-sham/figures", "GET"},
    {"/v1/locations", "GET"},
    {"/v1/locations/aleppo", "GET"},
    {"/v1/figures", "GET"},
    {"/v1/figures/compare", "GET"},
    {"/v1/figures/" SEED_000 "-f1", "GET"},
    {"/v1/search?q=x", "GET"},
};

static bool method_allowed(const any_route *rt, const char *method)
{
    size_t n = strlen(method);
    for (const char *p = rt->methods; *p;) {
        size_t len = strcspn(p, " ");
        if (len == n && strncmp(p, method, n) == 0)
            return true;
        p += len;
        while (*p == ' ')
            p++;
    }
    return false;
}

/* ---- query values --------------------------------------------------------- */

/* Hostile values, as they are decoded by the server; sent percent-encoded. */
static const char *const HOSTILE[] = {
    "' OR 1=1 --",
    "\"; DROP TABLE articles; --",
    "' OR '1'='1",
    "1; DELETE FROM figures",
    "') UNION SELECT sql FROM sqlite_master --",
    "%27",
    "%",
    "_",
    "*",
    "\\",
    "NULL",
    "..",
    "../../etc/passwd",
    "-1",
    "-99999999999999999999",
    "99999999999999999999999999999",
    "1e309",
    "-1e309",
    "nan",
    "0x10",
    "1,2,3,4,5",
    "\xd8\xad\xd9\x84\xd8\xa8 OR 1",
    "<script>alert(1)</script>",
    "\t\r\n",
    " ",
};
#define N_HOSTILE (sizeof HOSTILE / sizeof HOSTILE[0])

/* Raw (already encoded) query values: broken escapes and bytes that are
 * not UTF-8 once decoded. */
static const char *const RAW_VALUES[] = {
    "%",      "%%",     "%G1",       "%2",           "%27", "%00",    "x%00y",
    "%FF",    "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%D8", "%E2%82", "%80",
    "%FE%FF", "%2525",  "%%32%35",   "+%2B+",        "a&",  "=",
};
#define N_RAW_VALUES (sizeof RAW_VALUES / sizeof RAW_VALUES[0])

/* Parameters for which a hostile value may legitimately match: full-text
 * search, and numbers ("-1" is a fine lower bound). Every other filter
 * compares ids and names, which no hostile value is. */
static bool any_total_param(const char *name)
{
    static const char *const names[] = {
        "q", "value__gte", "value__lte", "limit", "min_claimants", "claims", NULL};
    for (const char *const *n = names; *n; n++)
        if (strcmp(*n, name) == 0)
            return true;
    return false;
}

/* ---- tests ---------------------------------------------------------------- */

Test(battery, hostile_values_in_every_parameter_of_every_list_route)
{
    snapshot before = take_snapshot();
    for (size_t k = 0; k < N_LIST_ROUTES; k++) {
        const list_route *rt = &LIST_ROUTES[k];
        for (const char *const *p = rt->params; *p; p++) {
            bool any_total = any_total_param(*p);
            for (size_t h = 0; h < N_HOSTILE; h++) {
                char *v = url_encode(HOSTILE[h]);
                char *path = fmt_str(
                    "%s?%s%s=%s", rt->path,
                    strcmp(rt->path, "/v1/search") == 0 && strcmp(*p, "q") != 0 ? "q=x&" : "", *p,
                    v);
                filter_refused_or_empty(path, any_total);
                free(path);
                free(v);
            }
            for (size_t h = 0; h < N_RAW_VALUES; h++) {
                char *path = fmt_str("%s?%s=%s", rt->path, *p, RAW_VALUES[h]);
                filter_refused_or_empty(path, any_total);
                free(path);
            }
        }
    }
    assert_unchanged(before, "hostile values");
}

Test(battery, huge_negative_and_odd_numbers)
{
    snapshot before = take_snapshot();
    const char *cases[] = {
        "/v1/articles?limit=-1",
        "/v1/articles?limit=0",
        "/v1/articles?limit=501",
        "/v1/articles?limit=2147483648",
        "/v1/articles?limit=-2147483649",
        "/v1/articles?limit=9223372036854775808",
        "/v1/articles?limit=99999999999999999999999999999999",
        "/v1/articles?limit=1.5",
        "/v1/articles?limit=1e2",
        "/v1/articles?limit=0x10",
        "/v1/articles?limit=1%20",
        "/v1/articles?limit=%201",
        "/v1/articles?limit=+1",
        "/v1/figures?value__gte=%201",
        "/v1/figures?value__gte=0x1p3",
        "/v1/articles?limit=",
        "/v1/articles?limit",
        "/v1/figures?value__gte=1e309",
        "/v1/figures?value__gte=-1e309",
        "/v1/figures?value__lte=nan",
        "/v1/figures?value__lte=inf",
        "/v1/figures?value__gte=1,5",
        "/v1/figures?value__gte=",
        "/v1/locations?near=91,0,5",
        "/v1/locations?near=0,181,5",
        "/v1/locations?near=0,0,0",
        "/v1/locations?near=0,0,-5",
        "/v1/locations?near=0,0,1e309",
        "/v1/locations?near=0,0,20041",
        "/v1/locations?near=1,2",
        "/v1/locations?near=1,2,3,4",
        "/v1/locations?bbox=-181,0,0,0",
        "/v1/locations?bbox=0,0,-1,-1",
        "/v1/locations?bbox=1e309,0,0,0",
        "/v1/locations?bbox=0,0,0",
        "/v1/figures/compare?min_claimants=-1",
        "/v1/figures/compare?min_claimants=4294967297",
        "/v1/figures/compare?claims=-9999999999",
        "/v1/figures/compare?claims=99999999999999999999",
        "/v1/search?q=x&limit=-1",
        "/v1/search?q=x&limit=101",
        "/v1/search?q=x&limit=18446744073709551617",
        "/v1/figures/" SEED_000 "-f-1",
        "/v1/figures/" SEED_000 "-f99999999999999999999999",
        "/v1/figures/" SEED_000 "-f0x1",
        "/v1/figures/-1",
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        get_4xx(cases[k]);
    /* In range, they are answered. */
    const char *fine[] = {"/v1/articles?limit=1", "/v1/articles?limit=500",
                          "/v1/figures?value__gte=-1e308", "/v1/locations?near=0,0,20040",
                          "/v1/locations?bbox=-180,-90,180,90"};
    for (size_t k = 0; k < sizeof fine / sizeof fine[0]; k++) {
        json_t *j = get_ok("%s", fine[k]);
        json_decref(j);
    }
    assert_unchanged(before, "numbers");
}

Test(battery, broken_percent_encoding_and_invalid_utf8_in_paths)
{
    snapshot before = take_snapshot();
    const char *cases[] = {
        "/v1/articles/%",
        "/v1/articles/%G1",
        "/v1/articles/%%",
        "/v1/articles/%2",
        "/v1/articles/%FF",
        "/v1/articles/%C0%AF",
        "/v1/articles/%ED%A0%80",
        "/v1/articles/%F4%90%80%80",
        "/v1/articles/%D8",
        "/v1/articles/%00",
        "/v1/articles/a%00b",
        "/v1/sources/%FF/figures",
        "/v1/locations/%E2%82",
        "/v1/figures/%80",
        "/v1/%FF",
        "/%FF",
        "/web/%FF",
        "/web/%00",
        "/v1/articles/%2F",
        "/v1/articles/%20",
        "/v1/articles/+",
        "/v1/meta%00",
        "/healthz%00",
        "/v1/articles%3Flimit=1",
        "/v1/articles/%25",
        "/v1/articles/" SEED_000 "%00",
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        get_4xx(cases[k]);
    /* In parameter names too, on every list route. */
    for (size_t k = 0; k < N_LIST_ROUTES; k++)
        for (size_t h = 0; h < N_RAW_VALUES; h++) {
            char *path = fmt_str("%s?%s=1", LIST_ROUTES[k].path, RAW_VALUES[h]);
            get_4xx(path);
            free(path);
        }
    assert_unchanged(before, "percent-encoding and UTF-8");
}

Test(battery, path_traversal_finds_nothing)
{
    snapshot before = take_snapshot();
    const char *cases[] = {
        "/web/../schema.sql",
        "/web/%2e%2e/",
        "/web/%2e%2e/schema.sql",
        "/web/%2e%2e%2fschema.sql",
        "/web/..%2fschema.sql",
        "/web/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/web/..%5c..%5cschema.sql",
        "/web/.%2e/.%2e/etc/passwd",
        "/web/%252e%252e%252fschema.sql",
        "/web/..",
        "/web/.",
        "/web/",
        "/web//etc/passwd",
        "/web/app.js%00.html",
        "/web/app.js/..",
        "/web/.git/config",
        "/web/.htaccess",
        "/v1/articles/..%2f..%2fetc%2fpasswd",
        "/v1/articles/../../etc/passwd",
        "/v1/articles/..",
        "/v1/articles/.",
        "/v1/articles/%2e%2e",
        "/v1/sources/..%2f..%2f/figures",
        "/v1/locations/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "//etc/passwd",
        "/../../etc/passwd",
        "/schema.sql",
        "/openapi.yaml/..",
        "/v1/../schema.sql",
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        e2e_response *r = e2e_get(cases[k]);
        assert_4xx_problem(r, cases[k]);
        cr_assert_null(strstr(r->body, "CREATE TABLE"), "%s: the schema leaked", cases[k]);
        cr_assert_null(strstr(r->body, "root:"), "%s: /etc/passwd leaked", cases[k]);
        e2e_response_free(r);
    }
    assert_unchanged(before, "path traversal");
}

Test(battery, duplicate_and_too_many_parameters)
{
    snapshot before = take_snapshot();
    for (size_t k = 0; k < N_LIST_ROUTES; k++) {
        const list_route *rt = &LIST_ROUTES[k];
        for (const char *const *p = rt->params; *p; p++) {
            char *path = fmt_str("%s?%s=1&%s=2", rt->path, *p, *p);
            get_4xx(path);
            free(path);
        }
        /* 33 distinct, 33 the same, and 500 parameters. (About 1000 and
         * more: see battery_regressions.a_thousand_query_arguments_are_answered.) */
        char *path = malloc(8192);
        cr_assert(path != NULL);
        for (int variant = 0; variant < 3; variant++) {
            int n = variant == 2 ? 500 : 33;
            size_t used = (size_t)snprintf(path, 8192, "%s?", rt->path);
            for (int i = 0; i < n && used < 8100; i++)
                used += (size_t)snprintf(path + used, 8192 - used, "%s%s%d=1", i ? "&" : "",
                                         variant == 1 ? "limit" : "p", variant == 1 ? 0 : i);
            get_4xx(path);
        }
        /* 300 empty pieces: bare '&'. */
        size_t used = (size_t)snprintf(path, 8192, "%s?", rt->path);
        for (int i = 0; i < 300; i++)
            path[used++] = '&';
        path[used] = '\0';
        e2e_response *r = e2e_get(path);
        cr_assert(r->status < 500, "%s?&&&...: status %ld", rt->path, r->status);
        if (r->status >= 400)
            assert_4xx_problem(r, "a query of bare '&'");
        e2e_response_free(r);
        free(path);
    }
    assert_unchanged(before, "duplicate and too many parameters");
}

Test(battery, wrong_methods_on_every_route)
{
    snapshot before = take_snapshot();
    static const char *const methods[] = {"GET",   "HEAD",     "POST", "PUT", "DELETE",   "PATCH",
                                          "TRACE", "PROPFIND", "BREW", "get", "M-SEARCH", NULL};
    for (size_t k = 0; k < sizeof ROUTES / sizeof ROUTES[0]; k++) {
        const any_route *rt = &ROUTES[k];
        for (const char *const *m = methods; *m; m++) {
            bool allowed =
                method_allowed(rt, *m) || (strcmp(*m, "HEAD") == 0 && method_allowed(rt, "GET"));
            if (allowed && (strcmp(*m, "GET") == 0 || strcmp(*m, "HEAD") == 0))
                continue;
            char what[256];
            snprintf(what, sizeof what, "%s %s", *m, rt->path);
            if (allowed) {
                /* A write without the token, and with a wrong one: 401. */
                e2e_response *r = e2e_request(*m, rt->path);
                assert_problem(r, 401, "/problems/unauthorized", NULL, what);
                e2e_response_free(r);
                r = e2e_request(*m, rt->path, WRONG_AUTH, "Content-Type: text/plain");
                assert_problem(r, 401, "/problems/unauthorized", NULL, what);
                e2e_response_free(r);
                r = e2e_request(*m, rt->path, "Authorization: Basic YTpi");
                assert_problem(r, 401, "/problems/unauthorized", NULL, what);
                e2e_response_free(r);
                r = e2e_request(*m, rt->path, "Authorization: Bearer");
                assert_problem(r, 401, "/problems/unauthorized", NULL, what);
                e2e_response_free(r);
                continue;
            }
            e2e_response *r = e2e_request(*m, rt->path);
            assert_problem(r, 405, "/problems/method-not-allowed", NULL, what);
            const char *allow = e2e_header_get(r, "Allow");
            cr_assert(allow && strstr(allow, "GET"), "%s: Allow is %s", what,
                      allow ? allow : "missing");
            e2e_response_free(r);
        }
    }
    assert_unchanged(before, "wrong methods");
}

Test(battery, writes_without_the_token_change_nothing)
{
    snapshot before = take_snapshot();
    static const char body[] = "{\"body\":\"قتل 99 شخصا في حلب\"}";
    const char *auths[] = {NULL,
                           WRONG_AUTH,
                           "Authorization: Bearer ' OR 1=1 --",
                           "Authorization: Bearer " TOKEN TOKEN,
                           "Authorization: bearer",
                           "Authorization: Bearer " TOKEN "x",
                           "Authorization: Bearer x" TOKEN};
    for (size_t a = 0; a < sizeof auths / sizeof auths[0]; a++) {
        e2e_response *r = auths[a] ? e2e_send("POST", "/v1/articles", body, strlen(body), auths[a],
                                              "Content-Type: application/json")
                                   : e2e_send("POST", "/v1/articles", body, strlen(body),
                                              "Content-Type: application/json");
        assert_4xx_problem(r, "POST without the right token");
        e2e_response_free(r);
        r = auths[a] ? e2e_send("PUT", "/v1/articles/battery", body, strlen(body), auths[a],
                                "Content-Type: application/json")
                     : e2e_send("PUT", "/v1/articles/battery", body, strlen(body),
                                "Content-Type: application/json");
        assert_4xx_problem(r, "PUT without the right token");
        e2e_response_free(r);
        r = auths[a] ? e2e_request("DELETE", "/v1/articles/" SEED_000, auths[a])
                     : e2e_request("DELETE", "/v1/articles/" SEED_000);
        assert_4xx_problem(r, "DELETE without the right token");
        e2e_response_free(r);
    }
    /* A body over the limit: refused from its Content-Length, token or not. */
    size_t big = BODY_LIMIT_BYTES + 1;
    char *huge = malloc(big);
    cr_assert(huge != NULL);
    memset(huge, 'a', big);
    e2e_response *r =
        e2e_send("POST", "/v1/articles", huge, big, WRONG_AUTH, "Content-Type: text/plain");
    assert_problem(r, 413, "/problems/body-too-large", NULL, "a 1 MiB + 1 body");
    e2e_response_free(r);
    free(huge);
    assert_unchanged(before, "writes without the token");
}

Test(battery, malformed_requests_on_the_wire)
{
    snapshot before = take_snapshot();
    static const char tls_hello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"
                                    "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00";
    static const char junk[] = "\x00\x01\x02\xff\xfe\r\n\r\n";
    static const char nul_line[] = "GET /v1/meta\0x HTTP/1.1\r\nHost: x\r\n\r\n";
    char *long_line = malloc(100 * 1024);
    cr_assert(long_line != NULL);
    memset(long_line, 'a', 100 * 1024 - 1);
    memcpy(long_line, "GET /", 5);
    long_line[100 * 1024 - 1] = '\0';
    /* close_ok: for what is not HTTP/1.x a close is as good as a 4xx. */
    struct {
        raw_case c;
        bool close_ok, v505;
        bool mhd_200; /* libmicrohttpd 0.9.75 takes it as a request (see the report) */
    } cases[] = {
        {RAWC("garbage line", "GARBAGE\r\n\r\n", 0, RAW_READ), true, false, false},
        {RAWC("a bare method", "GET\r\n\r\n", 0, RAW_READ), true, false, false},
        {RAWC("a method and a path", "GET /healthz\r\n\r\n", 0, RAW_READ), true, false, false},
        {RAWC("HTTP/9.9", "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 0, RAW_READ), true, true,
         false},
        {RAWC("HTTP/1.1x", "GET /healthz HTTP/1.1x\r\nHost: x\r\n\r\n", 0, RAW_READ), true, true,
         false},
        {RAWC("a TLS ClientHello", tls_hello, sizeof tls_hello - 1, RAW_HALF_CLOSE), true, false,
         false},
        {RAWC("binary junk", junk, sizeof junk - 1, RAW_HALF_CLOSE), true, false, false},
        {RAWC("a lone CRLF CRLF", "\r\n\r\n", 0, RAW_HALF_CLOSE), true, false, false},
        {RAWC("a header without a colon", "GET /healthz HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 0,
              RAW_READ),
         true, false, false},
        {RAWC("a NUL in the request line", nul_line, sizeof nul_line - 1, RAW_HALF_CLOSE), true,
         false, true},
        {RAWC("raw bytes not UTF-8 in the path",
              "GET /v1/articles/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 0,
              RAW_READ),
         false, false, false},
        {RAWC("raw bytes not UTF-8 in a value",
              "GET /v1/articles?q=\xd8 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 0,
              RAW_READ),
         false, false, false},
        {RAWC("a 100 KiB request line", long_line, 0, RAW_READ), true, false, false},
        {RAWC("a request line cut short", "GET /v1/articl", 0, RAW_HALF_CLOSE), true, false, false},
        {RAWC("a header block cut short", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: b", 0,
              RAW_HALF_CLOSE),
         true, false, false},
        {RAWC("a request abandoned midway", "GET /v1/articles?limit=5 HTTP/1.1\r\nHo", 0,
              RAW_ABANDON),
         true, false, false},
        {RAWC("a negative Content-Length",
              "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 0, RAW_READ),
         true, false, false},
        {RAWC("a Content-Length past 2^64",
              "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: "
              "99999999999999999999999\r\n\r\n",
              0, RAW_READ),
         true, false, false},
        {RAWC("a Content-Length that is not a number",
              "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n", 0, RAW_READ),
         true, false, false},
        {RAWC("a broken chunk size",
              "POST /v1/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
              0, RAW_READ),
         true, false, false},
        {RAWC("a Content-Length of 2 MB",
              "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", 0,
              RAW_READ),
         false, false, false},
        {RAWC("a chunk of 2^64",
              "POST /v1/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
              "chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\nab",
              0, RAW_READ),
         true, false, false},
    };
    size_t n = sizeof cases / sizeof cases[0];
    raw_case rc[sizeof cases / sizeof cases[0]];
    for (size_t i = 0; i < n; i++)
        rc[i] = cases[i].c;
    raw_run(rc, n, IDLE_TIMEOUT_S + RAW_SLACK_S);
    for (size_t i = 0; i < n; i++)
        if (!(cases[i].mhd_200 && rc[i].status == 200))
            assert_raw_4xx_or_closed(&rc[i], cases[i].close_ok, cases[i].v505);
    raw_free(rc, n);
    free(long_line);
    assert_unchanged(before, "malformed requests");
}

Test(battery, truncated_and_abandoned_bodies)
{
    snapshot before = take_snapshot();
    /* Content-Length larger than what is sent: the server waits for the
     * rest, and closes the connection when --timeout runs out (or at once
     * when we close ours). */
    static const char post[] = "POST /v1/articles HTTP/1.1\r\nHost: x\r\n"
                               "Authorization: Bearer wrong-wrong-wrong-wrong\r\n"
                               "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                               "{\"body\":\"\xd9\x82\xd8\xaa\xd9\x84 5\"";
    static const char put[] = "PUT /v1/articles/battery HTTP/1.1\r\nHost: x\r\n"
                              "Content-Type: text/plain\r\nContent-Length: 1048576\r\n\r\nabc";
    static const char chunked[] = "POST /v1/articles HTTP/1.1\r\nHost: x\r\n"
                                  "Transfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                                  "400\r\nabc";
    raw_case rc[] = {
        RAWC("Content-Length 1000, 18 sent, kept open", post, 0, RAW_READ),
        RAWC("Content-Length 1000, 18 sent, half-closed", post, 0, RAW_HALF_CLOSE),
        RAWC("Content-Length 1000, 18 sent, abandoned", post, 0, RAW_ABANDON),
        RAWC("Content-Length 1 MiB, 3 sent, kept open", put, 0, RAW_READ),
        RAWC("Content-Length 1 MiB, 3 sent, abandoned", put, 0, RAW_ABANDON),
        RAWC("a chunk cut short, kept open", chunked, 0, RAW_READ),
        RAWC("a chunk cut short, abandoned", chunked, 0, RAW_ABANDON),
    };
    size_t n = sizeof rc / sizeof rc[0];
    double t0 = now_s();
    raw_run(rc, n, IDLE_TIMEOUT_S + RAW_SLACK_S);
    for (size_t i = 0; i < n; i++)
        assert_raw_4xx_or_closed(&rc[i], true, false);
    cr_assert(now_s() - t0 < IDLE_TIMEOUT_S + RAW_SLACK_S + 1, "the closes took too long");
    raw_free(rc, n);

    /* A 1.5 MB body sent in chunks (no Content-Length to refuse it by),
     * with the token (without, the headers alone get a 401): read and
     * dropped past 1 MiB, then a 413. */
    size_t big = 1536 * 1024;
    char *data = malloc(big + 256);
    cr_assert(data != NULL);
    int h = snprintf(data, 256,
                     "POST /v1/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" AUTH
                     "\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n%zx\r\n",
                     big - 64);
    memset(data + h, 'b', big - 64);
    memcpy(data + h + big - 64, "\r\n0\r\n\r\n", 7);
    raw_case chunky = RAWC("a chunked 1.5 MB body", data, (size_t)h + big - 64 + 7, RAW_READ);
    raw_run(&chunky, 1, 30);
    cr_assert_eq(chunky.status, 413, "a chunked 1.5 MB body: status %d: %.300s", chunky.status,
                 chunky.in ? chunky.in : "");
    raw_free(&chunky, 1);
    free(data);
    assert_unchanged(before, "truncated bodies");
}

/* What the limits allow is answered by marsad: a target of nearly
 * --max-url (8 KiB) with headers of nearly --max-headers (32 KiB) fits the
 * connection's memory (a 404: there is no such article), and headers just
 * past the limit are marsad's own 431. */
Test(battery, requests_up_to_the_limits_are_served)
{
    size_t cap = 64 * 1024;
    char *near = malloc(cap), *past = malloc(cap);
    cr_assert(near && past);
    for (int over = 0; over <= 1; over++) {
        char *buf = over ? past : near;
        /* the target: an article id of 8000 bytes (no such article) */
        int used = snprintf(buf, cap, "GET /v1/articles/");
        memset(buf + used, 'a', 8000);
        used += 8000;
        used += snprintf(buf + used, cap - (size_t)used, " HTTP/1.1\r\nHost: x\r\n");
        /* 31 headers of 1000 bytes (~31 KB), or 34 (past 32 KiB) */
        for (int h = 0; h < (over ? 34 : 31); h++) {
            used += snprintf(buf + used, cap - (size_t)used, "X-Pad-%02d: ", h);
            memset(buf + used, 'p', 990);
            used += 990;
            used += snprintf(buf + used, cap - (size_t)used, "\r\n");
        }
        snprintf(buf + used, cap - (size_t)used, "\r\n");
    }
    raw_case rc[] = {
        RAWC("an 8 KB target and 31 KB of headers", near, 0, RAW_READ),
        RAWC("34 KB of headers", past, 0, RAW_READ),
    };
    raw_run(rc, 2, 10);
    cr_expect_eq(rc[0].status, 404, "%s: status %d: %.300s", rc[0].what, rc[0].status,
                 rc[0].in ? rc[0].in : "");
    cr_expect(rc[0].in && strstr(rc[0].in, "application/problem+json"), "%s: not problem+json",
              rc[0].what);
    cr_expect_eq(rc[1].status, 431, "%s: status %d: %.300s", rc[1].what, rc[1].status,
                 rc[1].in ? rc[1].in : "");
    cr_expect(rc[1].in && strstr(rc[1].in, "application/problem+json"), "%s: not problem+json",
              rc[1].what);
    raw_free(rc, 2);
    free(near);
    free(past);
}

Test(battery, huge_headers)
{
    snapshot before = take_snapshot();
    /* One header of 70 KB, 700 headers of 100 bytes: past the headers'
     * limit (--max-headers, 32 KiB by default), a 431 (marsad's, or
     * libmicrohttpd's own past what a connection may use). */
    size_t cap = 128 * 1024;
    char *one = malloc(cap), *many = malloc(cap);
    cr_assert(one && many);
    int k = snprintf(one, cap, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ");
    memset(one + k, 'a', 70000);
    memcpy(one + k + 70000, "\r\n\r\n", 5);
    size_t used = (size_t)snprintf(many, cap, "GET /v1/meta HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 700; i++) {
        used += (size_t)snprintf(many + used, cap - used, "X-%d: ", i);
        memset(many + used, 'b', 100);
        used += 100;
        memcpy(many + used, "\r\n", 2);
        used += 2;
    }
    memcpy(many + used, "\r\n", 3);
    raw_case rc[] = {
        RAWC("one 70 KB header", one, 0, RAW_READ),
        RAWC("700 headers of 100 bytes", many, 0, RAW_READ),
    };
    raw_run(rc, 2, IDLE_TIMEOUT_S + RAW_SLACK_S);
    for (size_t i = 0; i < 2; i++)
        assert_raw_4xx_or_closed(&rc[i], true, false);
    raw_free(rc, 2);
    free(one);
    free(many);

    /* Big headers through curl as well: an If-None-Match of 60 KB and an
     * Authorization of 60 KB on a write. */
    char *hdr = malloc(61 * 1024);
    cr_assert(hdr != NULL);
    k = snprintf(hdr, 61 * 1024, "If-None-Match: ");
    memset(hdr + k, '"', 60 * 1024);
    hdr[k + 60 * 1024] = '\0';
    e2e_response *r = e2e_get("/v1/articles", hdr);
    cr_assert(r->status == 200 || (r->status >= 400 && r->status < 500),
              "a 60 KB If-None-Match: status %ld", r->status);
    e2e_response_free(r);
    k = snprintf(hdr, 61 * 1024, "Authorization: Bearer ");
    memset(hdr + k, 'T', 60 * 1024);
    hdr[k + 60 * 1024] = '\0';
    r = e2e_send("POST", "/v1/articles", "x", 1, hdr, "Content-Type: text/plain");
    cr_assert(r->status >= 400 && r->status < 500, "a 60 KB token: status %ld", r->status);
    e2e_response_free(r);
    free(hdr);
    assert_unchanged(before, "huge headers");
}

Test(battery, many_connections_at_once_then_healthz)
{
    snapshot before = take_snapshot();
    /* 60 connections each sending half a request and leaving it there,
     * plus 4 sending garbage: the server keeps answering the rest. */
    raw_case rc[64];
    for (size_t i = 0; i < 64; i++) {
        raw_case c =
            RAWC(i < 60 ? "half a request, left open" : "garbage",
                 i < 60 ? "GET /v1/articles?limit=5 HTTP/1.1\r\nHost: x\r\n" : "\x01\x02\r\n\r\n",
                 0, RAW_READ);
        rc[i] = c;
    }
    /* While they hang, the server still answers. */
    json_t *meta = get_ok("/v1/meta");
    json_decref(meta);
    raw_run(rc, 64, IDLE_TIMEOUT_S + RAW_SLACK_S);
    for (size_t i = 0; i < 64; i++)
        assert_raw_4xx_or_closed(&rc[i], true, false);
    raw_free(rc, 64);
    assert_unchanged(before, "many connections");
}

/* ---- bad bodies with the right token: refused, nothing stored ----------- */

Test(bodies, bad_bodies_with_the_token_are_refused)
{
    snapshot before = take_snapshot();
    struct {
        const char *body;
        size_t len; /* 0: strlen(body) */
        const char *type;
    } cases[] = {
        {"", 0, "Content-Type: application/json"},
        {"", 0, "Content-Type: text/plain"},
        {"{", 0, "Content-Type: application/json"},
        {"[]", 0, "Content-Type: application/json"},
        {"null", 0, "Content-Type: application/json"},
        {"{\"body\":1}", 0, "Content-Type: application/json"},
        {"{\"body\":\"\"}", 0, "Content-Type: application/json"},
        {"{\"body\":\"a\",\"body\":\"b\"}", 0, "Content-Type: application/json"},
        {"{\"body\":\"a\\u0000b\"}", 0, "Content-Type: application/json"},
        {"{\"body\":\"x\",\"titel\":\"y\"}", 0, "Content-Type: application/json"},
        {"{\"body\":\"x\",\"published_at\":\"yesterday\"}", 0, "Content-Type: application/json"},
        {"{\"body\":\"x\",\"title\":5}", 0, "Content-Type: application/json"},
        {"{\"body\":\"\xff\"}", 0, "Content-Type: application/json"},
        {"a\0b", 3, "Content-Type: text/plain"},
        {"\xc0\xaf", 0, "Content-Type: text/plain"},
        {"\xef\xbb\xbf", 0, "Content-Type: text/plain"},
        {"<html><body><nav><a href=\"/\">x</a></nav></body></html>", 0, "Content-Type: text/html"},
        {"<html><body>\xff\xfe</body></html>", 0, "Content-Type: text/html; charset=utf-8"},
        {"x", 0, "Content-Type: text/xml"},
        {"x", 0, "Content-Type: application/x-www-form-urlencoded"},
        {"x", 0, "Content-Type: "},
        {"{\"body\":\"x\"}", 0, "Content-Type: application/jsonx"},
        {"{\"body\": \"' OR 1=1 --\"; DROP TABLE articles; --}", 0,
         "Content-Type: application/json"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char what[128];
        snprintf(what, sizeof what, "body %zu (%s)", k, cases[k].type);
        size_t len = cases[k].len ? cases[k].len : strlen(cases[k].body);
        e2e_response *r = e2e_send("POST", "/v1/articles", cases[k].body, len, AUTH, cases[k].type);
        assert_4xx_problem(r, what);
        e2e_response_free(r);
        r = e2e_send("PUT", "/v1/articles/battery", cases[k].body, len, AUTH, cases[k].type);
        assert_4xx_problem(r, what);
        e2e_response_free(r);
    }
    /* Ids that are not ids. */
    const char *ids[] = {"/v1/articles/..",     "/v1/articles/.hidden", "/v1/articles/a%20b",
                         "/v1/articles/%D8%A8", "/v1/articles/a'b",     "/v1/articles/a%00b"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        e2e_response *r = e2e_send("PUT", ids[k], "x", 1, AUTH, "Content-Type: text/plain");
        assert_4xx_problem(r, ids[k]);
        e2e_response_free(r);
    }
    assert_unchanged(before, "bad bodies with the token");
}

/* ---- regressions: one test per bug the battery found ---------------------- */

/* A problem's detail is cut at a fixed number of bytes (reply.c), which can
 * fall inside a UTF-8 character; the problem then cannot be serialised and
 * the answer is a 500. Here: a 404 for a long Arabic path, a 400 for a long
 * Arabic parameter name, a 405 for a long Arabic path. */
Test(battery_regressions, long_arabic_names_are_4xx_not_500)
{
    snapshot before = take_snapshot();
    char *arabic = malloc(8192);
    cr_assert(arabic != NULL);
    for (int odd = 0; odd < 2; odd++) {
        size_t used = 0;
        arabic[used++] = 'x';
        if (odd)
            arabic[used++] = 'x';
        for (int i = 0; i < 600; i++)
            used += (size_t)snprintf(arabic + used, 8192 - used, "%%D8%%A8");
        arabic[used] = '\0';
        char *path = fmt_str("/v1/%s", arabic);
        get_4xx(path);
        free(path);
        path = fmt_str("/v1/articles/%s", arabic);
        get_4xx(path);
        request_4xx("DELETE", path, WRONG_AUTH, NULL);
        free(path);
        path = fmt_str("/v1/articles?%s=1", arabic);
        get_4xx(path);
        free(path);
        path = fmt_str("/v1/figures/compare?%s=1", arabic);
        get_4xx(path);
        free(path);
        path = fmt_str("/healthz/%s", arabic);
        request_4xx("PATCH", path, NULL, NULL);
        free(path);
    }
    free(arabic);
    assert_unchanged(before, "long Arabic names");
}

/* A NUL in the value of a parameter whose name is not UTF-8: the name goes
 * into invalid_params unchecked (params.c), and the reply is a 500. */
Test(battery_regressions, nul_value_under_a_name_not_utf8_is_400)
{
    snapshot before = take_snapshot();
    for (size_t k = 0; k < N_LIST_ROUTES; k++) {
        char *path = fmt_str("%s?%%FF=%%00", LIST_ROUTES[k].path);
        get_4xx(path);
        free(path);
    }
    get_4xx("/v1/articles/" SEED_000 "?%C3=%00");
    get_4xx("/v1/meta?%FF%FE=a%00");
    assert_unchanged(before, "NUL under a bad name");
}

/* A refusal that quotes the Content-Type or a JSON field name cuts or
 * copies bytes that are not UTF-8 into the problem: a 500, not a 415/400. */
Test(battery_regressions, bad_content_type_and_long_field_names_are_4xx_not_500)
{
    snapshot before = take_snapshot();
    e2e_response *r =
        e2e_send("POST", "/v1/articles", "x", 1, AUTH, "Content-Type: text/\xe9t\xe9");
    assert_4xx_problem(r, "a Content-Type that is not UTF-8");
    e2e_response_free(r);
    char body[512];
    int n = snprintf(body, sizeof body, "{\"x");
    for (int i = 0; i < 80; i++)
        n += snprintf(body + n, sizeof body - (size_t)n, "\xd8\xa8");
    n += snprintf(body + n, sizeof body - (size_t)n, "\":1,\"body\":\"x\"}");
    r = e2e_send("POST", "/v1/articles", body, (size_t)n, AUTH, "Content-Type: application/json");
    assert_4xx_problem(r, "an unknown field with a long Arabic name");
    e2e_response_free(r);
    assert_unchanged(before, "bad Content-Type and field names");
}

/* A %00 in the path cuts it short: libmicrohttpd decodes the path into a C
 * string and the handler sees only what comes before the NUL, so
 * /web/app.js%00.html serves app.js and PUT /v1/articles/battery%00x
 * writes the article "battery". (A %00 in a query parameter is refused.) */
Test(battery_regressions, nul_in_the_path_is_4xx)
{
    snapshot before = take_snapshot();
    const char *gets[] = {"/v1/articles/" SEED_000 "%00",
                          "/v1/articles/" SEED_000 "%00zzz",
                          "/v1/meta%00",
                          "/healthz%00/../x",
                          "/v1/articles%00?limit=1",
                          "/web/app.js%00.html",
                          "/v1/locations/aleppo%00.json"};
    for (size_t k = 0; k < sizeof gets / sizeof gets[0]; k++)
        get_4xx(gets[k]);
    e2e_response *r = e2e_send("PUT", "/v1/articles/battery%00x", "\xd9\x82\xd8\xaa\xd9\x84 5", 8,
                               AUTH, "Content-Type: text/plain");
    assert_4xx_problem(r, "PUT /v1/articles/battery%00x");
    e2e_response_free(r);
    r = e2e_request("DELETE", "/v1/articles/" SEED_001 "%00x", AUTH);
    assert_4xx_problem(r, "DELETE /v1/articles/" SEED_001 "%00x");
    e2e_response_free(r);
    assert_unchanged(before, "NUL in the path");
}

/* About 1000 query arguments or more, within --max-url: libmicrohttpd
 * splits the query into its per-connection pool (128 KiB,
 * MHD_OPTION_CONNECTION_MEMORY_LIMIT in http.c) before marsad sees the
 * request, 64 bytes a piece, and past the pool it used to leave the client
 * without an answer. marsad now keeps such a query from it (on_uri in
 * http.c): every one is a 400 (at most 32 query parameters), at once. */
Test(battery_regressions, a_thousand_query_arguments_are_answered)
{
    snapshot before = take_snapshot();
    char *many = malloc(16384), *bare = malloc(16384), *named = malloc(16384);
    cr_assert(many && bare && named);
    size_t a = (size_t)snprintf(many, 16384, "GET /v1/articles?");
    for (int i = 0; i < 1000; i++)
        a += (size_t)snprintf(many + a, 16384 - a, "a&");
    snprintf(many + a, 16384 - a, " HTTP/1.1\r\nHost: x\r\n\r\n");
    size_t b = (size_t)snprintf(bare, 16384, "GET /healthz?");
    for (int i = 0; i < 8000; i++)
        bare[b++] = '&';
    snprintf(bare + b, 16384 - b, " HTTP/1.1\r\nHost: x\r\n\r\n");
    size_t c = (size_t)snprintf(named, 16384, "GET /v1/figures?");
    for (int i = 0; i < 1100; i++)
        c += (size_t)snprintf(named + c, 16384 - c, "%sp%d=1", i ? "&" : "", i);
    snprintf(named + c, 16384 - c, " HTTP/1.1\r\nHost: x\r\n\r\n");
    cr_assert(c < 8000, "the request target stays under --max-url");
    raw_case rc[] = {
        RAWC("1000 arguments a&a&...", many, 0, RAW_READ),
        RAWC("8000 bare '&'", bare, 0, RAW_READ),
        RAWC("1100 arguments p0=1&p1=1...", named, 0, RAW_READ),
    };
    raw_run(rc, 3, IDLE_TIMEOUT_S + RAW_SLACK_S);
    for (size_t i = 0; i < 3; i++)
        assert_raw_4xx_or_closed(&rc[i], false, false);
    raw_free(rc, 3);
    free(many);
    free(bare);
    free(named);
    assert_unchanged(before, "a thousand query arguments");
}

/* Past what libmicrohttpd's per-connection pool holds (about 2000 pieces,
 * bare '&' or "a&", with the 128 KiB pool: 64 bytes each), libmicrohttpd
 * 0.9.75 logs that it closes the connection with a 431, but it loses that
 * answer and the socket stays open, silent, until --timeout runs out (3 s
 * here, 30 s by default). marsad keeps such queries from it: each is
 * answered at once, a 400 problem (more than 32 pieces) or, past --max-url,
 * a 414 problem, however many pieces it has. Only a query libmicrohttpd
 * finds after a raw NUL byte in the request line (not HTTP; marsad's
 * callback sees the target end at the NUL) cannot be kept from it: that
 * connection is closed, within a second or so, not at --timeout. */
Test(battery_regressions, query_pieces_past_the_pool_are_not_left_hanging)
{
    snapshot before = take_snapshot();
    enum { CAP = 65536 };
    char *bare = malloc(CAP), *pieces = malloc(CAP), *past = malloc(CAP), *hidden = malloc(CAP);
    cr_assert(bare && pieces && past && hidden);
    size_t b = (size_t)snprintf(bare, CAP, "GET /healthz?");
    for (int i = 0; i < 8000; i++)
        bare[b++] = '&';
    snprintf(bare + b, CAP - b, " HTTP/1.1\r\nHost: x\r\n\r\n");
    size_t a = (size_t)snprintf(pieces, CAP, "GET /v1/articles?");
    for (int i = 0; i < 2000; i++)
        a += (size_t)snprintf(pieces + a, CAP - a, "a&");
    snprintf(pieces + a, CAP - a, " HTTP/1.1\r\nHost: x\r\n\r\n");
    /* 60000 pieces, past --max-url (8192): still parsed by libmicrohttpd
     * before marsad could check the length, were it not kept from it. */
    size_t p = (size_t)snprintf(past, CAP, "GET /v1/figures?");
    for (int i = 0; i < 60000; i++)
        past[p++] = '&';
    snprintf(past + p, CAP - p, " HTTP/1.1\r\nHost: x\r\n\r\n");
    size_t h = (size_t)snprintf(hidden, CAP, "GET /healthz");
    hidden[h++] = '\0';
    hidden[h++] = '?';
    for (int i = 0; i < 8000; i++)
        hidden[h++] = '&';
    h += (size_t)snprintf(hidden + h, CAP - h, " HTTP/1.1\r\nHost: x\r\n\r\n");
    raw_case rc[] = {
        RAWC("8000 bare '&'", bare, 0, RAW_READ),
        RAWC("2000 pieces a&a&...", pieces, 0, RAW_READ),
        RAWC("60000 bare '&', past --max-url", past, 0, RAW_READ),
        RAWC("8000 '&' after a raw NUL in the request line", hidden, h, RAW_READ),
    };
    const int want[] = {400, 400, 414, 0};
    size_t n = sizeof rc / sizeof rc[0];
    raw_run(rc, n, IDLE_TIMEOUT_S + RAW_SLACK_S);
    for (size_t i = 0; i < n; i++) {
        assert_raw_4xx_or_closed(&rc[i], want[i] == 0, false);
        cr_assert(rc[i].status != 0 || rc[i].seconds < IDLE_TIMEOUT_S - 1,
                  "%s: closed without an answer only after %.1f s, when --timeout (%d s) ran "
                  "out: the client hangs until then (30 s by default)",
                  rc[i].what, rc[i].seconds, IDLE_TIMEOUT_S);
        if (want[i]) {
            cr_assert(rc[i].status == want[i], "%s: status %d, expected %d: %.300s", rc[i].what,
                      rc[i].status, want[i], rc[i].in ? rc[i].in : "");
            cr_assert(strcasestr(rc[i].in, "\r\nContent-Type: application/problem+json") != NULL,
                      "%s: not a problem+json answer: %.300s", rc[i].what, rc[i].in);
        }
    }
    raw_free(rc, n);
    free(bare);
    free(pieces);
    free(past);
    free(hidden);
    assert_unchanged(before, "query pieces past the pool");
    /* The server still answers. */
    json_t *j = get_ok("/healthz");
    json_decref(j);
}
