/* e2e.c — running the real binary for end-to-end tests: a temporary folder
 * per test, the server started with fork/exec and watched through a pipe on
 * its standard output, HTTP through libcurl, a clean stop with SIGTERM.
 *
 * The child gets PR_SET_PDEATHSIG(SIGKILL) so a test process that dies
 * without its .fini (a crash, a timeout kill) does not leave a server
 * behind. Knows nothing of the API: paths, bodies and expectations belong to
 * the tests.
 */
#include "tests/support/e2e.h"

#include <criterion/criterion.h>
#include <curl/curl.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ARGS 64
#define PATH_BUF 4096

extern char **environ;

static struct {
    char dir[PATH_BUF]; /* "" until e2e_dir creates it */
    pid_t pid;          /* 0 when no server runs */
    int out_fd;         /* read end of the server's stdout */
    int port;
    long long articles;
    unsigned runs;           /* servers started by this test */
    char log_path[PATH_BUF]; /* stderr of the current or last run */
    int last_status;         /* wait status of the last stopped server, -1: none */
    bool curl_ready;
} g = {.out_fd = -1, .last_status = -1};

/* ---- small helpers ------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    cr_assert(p != NULL, "e2e: out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

/* The last `max` bytes of a file, for failure messages (malloc'd). */
static char *file_tail(const char *path, size_t max)
{
    size_t len;
    char *all = e2e_read_file(path, &len);
    if (!all)
        return xstrdup("(no log)");
    if (len <= max)
        return all;
    char *tail = xmalloc(max + 1);
    memcpy(tail, all + len - max, max + 1);
    free(all);
    return tail;
}

char *e2e_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *grown = realloc(buf, cap * 2);
            cr_assert(grown != NULL, "e2e: out of memory");
            buf = grown;
            cap *= 2;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

void e2e_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert(f != NULL, "e2e: cannot write %s: %s", path, strerror(errno));
    size_t done = len ? fwrite(data, 1, len, f) : 0;
    int closed = fclose(f);
    cr_assert(done == len && closed == 0, "e2e: writing %s failed", path);
}

/* ---- the temporary folder ------------------------------------------------ */

const char *e2e_dir(void)
{
    if (g.dir[0])
        return g.dir;
    int n = snprintf(g.dir, sizeof g.dir, "%s/marsad-e2e-XXXXXX", env_or("TMPDIR", "/tmp"));
    cr_assert(n > 0 && (size_t)n < sizeof g.dir, "e2e: TMPDIR is too long");
    if (!mkdtemp(g.dir)) {
        int e = errno;
        g.dir[0] = '\0';
        cr_assert_fail("e2e: mkdtemp failed: %s", strerror(e));
    }
    return g.dir;
}

char *e2e_path(char *out, size_t outsz, const char *name)
{
    int n = snprintf(out, outsz, "%s/%s", e2e_dir(), name);
    cr_assert(n > 0 && (size_t)n < outsz, "e2e: path too long for %s", name);
    return out;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

static void remove_dir(void)
{
    if (!g.dir[0])
        return;
    nftw(g.dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    g.dir[0] = '\0';
}

size_t e2e_copy_seeds(const char *dst)
{
    const char *src = env_or("MARSAD_SEEDS_DIR", "data/seeds");
    if (mkdir(dst, 0755) != 0)
        cr_assert(errno == EEXIST, "e2e: cannot create %s: %s", dst, strerror(errno));
    DIR *d = opendir(src);
    cr_assert(d != NULL, "e2e: cannot open the seeds folder %s: %s (set MARSAD_SEEDS_DIR)", src,
              strerror(errno));
    size_t copied = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0 || e->d_name[0] == '.')
            continue;
        char from[PATH_BUF], to[PATH_BUF];
        snprintf(from, sizeof from, "%s/%s", src, e->d_name);
        snprintf(to, sizeof to, "%s/%s", dst, e->d_name);
        size_t n;
        char *data = e2e_read_file(from, &n);
        cr_assert(data != NULL, "e2e: cannot read %s", from);
        e2e_write_file(to, data, n);
        free(data);
        copied++;
    }
    closedir(d);
    cr_assert(copied > 0, "e2e: no *.txt in %s", src);
    return copied;
}

/* ---- starting and stopping ----------------------------------------------- */

/* The words of $MARSAD_WRAP, then the binary: argv[0..n), NULL-terminated.
 * The words live in *store (free it). */
static size_t argv_prefix(char **argv, char **store)
{
    size_t n = 0;
    *store = xstrdup(env_or("MARSAD_WRAP", ""));
    for (char *p = *store; *p;) {
        while (*p == ' ' || *p == '\t')
            *p++ = '\0';
        if (!*p)
            break;
        cr_assert(n < MAX_ARGS - 2, "e2e: MARSAD_WRAP has too many words");
        argv[n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
    }
    argv[n++] = (char *)env_or("MARSAD_BIN", "build/marsad");
    argv[n] = NULL;
    return n;
}

static size_t argv_add(char **argv, size_t n, const char *arg)
{
    cr_assert(n < MAX_ARGS - 1, "e2e: too many arguments");
    argv[n++] = (char *)arg;
    argv[n] = NULL;
    return n;
}

bool e2e_wrapped(void)
{
    return env_or("MARSAD_WRAP", "")[0] != '\0';
}

/* The environment less MARSAD_* (array of borrowed pointers, malloc'd). */
static char **clean_environ(void)
{
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = xmalloc((n + 1) * sizeof *env);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "MARSAD_", 7) != 0)
            env[k++] = environ[i];
    env[k] = NULL;
    return env;
}

/* fork + exec argv with stdin, stdout and stderr on the given descriptors
 * (opened O_CLOEXEC, so the child keeps only 0, 1 and 2). Only
 * async-signal-safe calls run in the child. */
static pid_t spawn(char **argv, char **envp, int in_fd, int out_fd, int err_fd)
{
    pid_t pid = fork();
    cr_assert(pid >= 0, "e2e: fork failed: %s", strerror(errno));
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
            _exit(126);
        execvpe(argv[0], argv, envp);
        static const char msg[] = "e2e: exec failed\n";
        ssize_t w = write(2, msg, sizeof msg - 1);
        (void)w;
        _exit(127);
    }
    return pid;
}

/* Wait for pid up to timeout_s; SIGKILL it past that. Returns the wait
 * status, and whether it had to be killed in *killed. */
static int wait_exit(pid_t pid, double timeout_s, bool *killed)
{
    int status = 0;
    double deadline = now_s() + timeout_s;
    *killed = false;
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return status;
        if (r < 0 && errno != EINTR)
            return -1;
        if (now_s() > deadline && !*killed) {
            kill(pid, SIGKILL);
            *killed = true;
            deadline = now_s() + 10;
        } else if (*killed && now_s() > deadline) {
            return -1;
        }
        sleep_ms(10);
    }
}

static char *describe_status(int status, char *out, size_t outsz)
{
    if (status == -1)
        snprintf(out, outsz, "no exit status");
    else if (WIFSIGNALED(status))
        snprintf(out, outsz, "killed by signal %d", WTERMSIG(status));
    else if (WIFEXITED(status) && WEXITSTATUS(status) == E2E_VALGRIND_EXIT && e2e_wrapped())
        snprintf(out, outsz, "exit status 99: valgrind found memory errors or leaks");
    else
        snprintf(out, outsz, "exit status %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return out;
}

/* Reads the child's stdout until the listening line; false on EOF or
 * timeout. Sets g.port and g.articles. */
static bool await_listening(char *seen, size_t seensz)
{
    static const char prefix[] = "marsad listening on http://";
    size_t used = 0;
    double deadline = now_s() + E2E_START_TIMEOUT_S;
    seen[0] = '\0';
    for (;;) {
        /* Complete lines so far. */
        char *line = seen, *nl;
        while ((nl = memchr(line, '\n', used - (size_t)(line - seen)))) {
            *nl = '\0';
            char *hit = strstr(line, prefix);
            if (hit) {
                /* http://HOST:PORT (N articles) — HOST may be [v6]. */
                char *sp = strchr(hit + sizeof prefix - 1, ' ');
                char *colon = NULL;
                for (char *p = hit + sizeof prefix - 1; sp && p < sp; p++)
                    if (*p == ':')
                        colon = p;
                if (colon && sp) {
                    char *end;
                    long port = strtol(colon + 1, &end, 10);
                    long long n = -1;
                    if (end == sp && strncmp(sp, " (", 2) == 0)
                        n = strtoll(sp + 2, &end, 10);
                    if (port > 0 && port < 65536 && n >= 0 && strncmp(end, " articles)", 10) == 0) {
                        g.port = (int)port;
                        g.articles = n;
                        return true;
                    }
                }
            }
            *nl = '\n';
            line = nl + 1;
        }
        double left = deadline - now_s();
        if (left <= 0)
            return false;
        struct pollfd pfd = {g.out_fd, POLLIN, 0};
        int pr = poll(&pfd, 1, (int)(left * 1000) + 1);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr <= 0)
            return false;
        if (used + 1 >= seensz)
            return false; /* too much output without the line */
        ssize_t k = read(g.out_fd, seen + used, seensz - used - 1);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false; /* EOF: the server exited */
        used += (size_t)k;
        seen[used] = '\0';
    }
}

static void close_out(void)
{
    if (g.out_fd >= 0)
        close(g.out_fd);
    g.out_fd = -1;
}

void e2e_start_(const char *seeds, ...)
{
    cr_assert(g.pid == 0, "e2e: a server is already running in this test");
    char seeds_buf[PATH_BUF], db[PATH_BUF];
    if (!seeds) {
        e2e_path(seeds_buf, sizeof seeds_buf, "seeds");
        struct stat st;
        if (stat(seeds_buf, &st) != 0)
            e2e_copy_seeds(seeds_buf);
        seeds = seeds_buf;
    }
    e2e_path(db, sizeof db, "marsad.db");
    g.runs++;
    char log_name[64];
    snprintf(log_name, sizeof log_name, "stderr.%u.log", g.runs);
    e2e_path(g.log_path, sizeof g.log_path, log_name);

    char *argv[MAX_ARGS], *store;
    size_t n = argv_prefix(argv, &store);
    /* --create: the folder holds the test's own files beside the database */
    const char *fixed[] = {"serve", "--port", "0", "--db", db, "--seeds", seeds, "--create"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        n = argv_add(argv, n, fixed[i]);
    va_list ap;
    va_start(ap, seeds);
    for (const char *a = va_arg(ap, const char *); a; a = va_arg(ap, const char *))
        n = argv_add(argv, n, a);
    va_end(ap);

    int pipefd[2];
    cr_assert(pipe2(pipefd, O_CLOEXEC) == 0, "e2e: pipe failed: %s", strerror(errno));
    int err_fd = open(g.log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    cr_assert(err_fd >= 0 && in_fd >= 0, "e2e: cannot open %s: %s", g.log_path, strerror(errno));
    char **envp = clean_environ();
    g.pid = spawn(argv, envp, in_fd, pipefd[1], err_fd);
    free(envp);
    free(store);
    close(pipefd[1]);
    close(err_fd);
    close(in_fd);
    g.out_fd = pipefd[0];

    char seen[8192];
    if (!await_listening(seen, sizeof seen)) {
        bool killed;
        kill(g.pid, SIGKILL);
        int status = wait_exit(g.pid, 10, &killed);
        g.pid = 0;
        close_out();
        char why[128], *tail = file_tail(g.log_path, 2000);
        cr_log_error("e2e: server output so far:\n%s\nits log:\n%s", seen, tail);
        free(tail);
        cr_assert_fail("e2e: the server did not print its listening line within %d s (%s)",
                       E2E_START_TIMEOUT_S, describe_status(status, why, sizeof why));
    }
}

bool e2e_running(void)
{
    return g.pid != 0;
}

int e2e_port(void)
{
    cr_assert(g.pid != 0, "e2e: no server is running");
    return g.port;
}

long long e2e_articles(void)
{
    return g.articles;
}

void e2e_signal(int sig)
{
    cr_assert(g.pid != 0, "e2e: no server is running");
    cr_assert(kill(g.pid, sig) == 0, "e2e: kill %d", sig);
}

/* Stop without asserting; records the wait status. */
static int stop_quietly(void)
{
    if (!g.pid)
        return g.last_status;
    bool killed;
    kill(g.pid, SIGTERM);
    int status = wait_exit(g.pid, E2E_STOP_TIMEOUT_S, &killed);
    g.pid = 0;
    close_out();
    g.last_status = killed ? -1 : status;
    return g.last_status;
}

void e2e_stop(void)
{
    cr_assert(g.pid != 0, "e2e: no server is running");
    int status = stop_quietly();
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0) || status == -1) {
        char why[128], *tail = file_tail(g.log_path, 3000);
        cr_log_error("e2e: server log tail:\n%s", tail);
        free(tail);
        cr_assert_fail("e2e: after SIGTERM the server ended with %s, expected exit status 0",
                       describe_status(status, why, sizeof why));
    }
}

char *e2e_log(void)
{
    cr_assert(g.log_path[0], "e2e: no server was started");
    char *s = e2e_read_file(g.log_path, NULL);
    cr_assert(s != NULL, "e2e: cannot read %s", g.log_path);
    return s;
}

void e2e_teardown(void)
{
    bool was_running = g.pid != 0;
    int status = stop_quietly();
    char *tail = was_running && g.log_path[0] ? file_tail(g.log_path, 3000) : NULL;
    remove_dir();
    if (g.curl_ready) {
        curl_global_cleanup();
        g.curl_ready = false;
    }
    if (was_running && (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
        char why[128];
        cr_log_error("e2e: server log tail:\n%s", tail ? tail : "");
        free(tail);
        cr_assert_fail("e2e: at teardown the server ended with %s, expected exit status 0",
                       describe_status(status, why, sizeof why));
    }
    free(tail);
}

/* ---- running the CLI ----------------------------------------------------- */

int e2e_run_(char **out, char **err, ...)
{
    char *argv[MAX_ARGS], *store;
    size_t n = argv_prefix(argv, &store);
    va_list ap;
    va_start(ap, err);
    for (const char *a = va_arg(ap, const char *); a; a = va_arg(ap, const char *))
        n = argv_add(argv, n, a);
    va_end(ap);

    char out_path[PATH_BUF], err_path[PATH_BUF], name[64];
    g.runs++;
    snprintf(name, sizeof name, "run.%u.out", g.runs);
    e2e_path(out_path, sizeof out_path, name);
    snprintf(name, sizeof name, "run.%u.err", g.runs);
    e2e_path(err_path, sizeof err_path, name);
    int out_fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int err_fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    cr_assert(out_fd >= 0 && err_fd >= 0 && in_fd >= 0, "e2e: cannot open output files");
    char **envp = clean_environ();
    pid_t pid = spawn(argv, envp, in_fd, out_fd, err_fd);
    free(envp);
    free(store);
    close(out_fd);
    close(err_fd);
    close(in_fd);
    bool killed;
    int status = wait_exit(pid, E2E_START_TIMEOUT_S, &killed);
    cr_assert(!killed && status != -1, "e2e: the command did not finish within %d s",
              E2E_START_TIMEOUT_S);
    if (out) {
        *out = e2e_read_file(out_path, NULL);
        cr_assert(*out != NULL, "e2e: cannot read %s", out_path);
    }
    if (err) {
        *err = e2e_read_file(err_path, NULL);
        cr_assert(*err != NULL, "e2e: cannot read %s", err_path);
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* ---- HTTP ---------------------------------------------------------------- */

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        cr_assert(grown != NULL, "e2e: out of memory");
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static size_t on_body(char *p, size_t size, size_t nmemb, void *ctx)
{
    buf_add(ctx, p, size * nmemb);
    return size * nmemb;
}

static void free_headers(e2e_response *r)
{
    for (size_t i = 0; i < r->n_headers; i++) {
        free(r->headers[i].name);
        free(r->headers[i].value);
    }
    free(r->headers);
    r->headers = NULL;
    r->n_headers = 0;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ctx)
{
    e2e_response *r = ctx;
    size_t n = size * nmemb;
    if (n >= 5 && strncmp(p, "HTTP/", 5) == 0) {
        free_headers(r); /* a new response (after 100 Continue) */
        return n;
    }
    const char *colon = memchr(p, ':', n);
    if (!colon)
        return n; /* the blank line ending the block */
    size_t name_len = (size_t)(colon - p);
    const char *v = colon + 1, *end = p + n;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && isspace((unsigned char)end[-1]))
        end--;
    e2e_header *grown = realloc(r->headers, (r->n_headers + 1) * sizeof *grown);
    cr_assert(grown != NULL, "e2e: out of memory");
    r->headers = grown;
    e2e_header *h = &r->headers[r->n_headers++];
    h->name = xmalloc(name_len + 1);
    memcpy(h->name, p, name_len);
    h->name[name_len] = '\0';
    h->value = xmalloc((size_t)(end - v) + 1);
    memcpy(h->value, v, (size_t)(end - v));
    h->value[end - v] = '\0';
    return n;
}

const char *e2e_header_get(const e2e_response *r, const char *name)
{
    for (size_t i = 0; r && i < r->n_headers; i++)
        if (strcasecmp(r->headers[i].name, name) == 0)
            return r->headers[i].value;
    return NULL;
}

void e2e_response_free(e2e_response *r)
{
    if (!r)
        return;
    free_headers(r);
    free(r->body);
    json_decref(r->json);
    free(r);
}

/* The body the next request sends (e2e_send), NULL for none. */
static const char *send_body;
static size_t send_len;

static e2e_response *request_va(const char *method, const char *path, va_list ap)
{
    cr_assert(g.pid != 0, "e2e: no server is running");
    if (!g.curl_ready) {
        cr_assert(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK,
                  "e2e: curl_global_init failed");
        g.curl_ready = true;
    }
    size_t url_len = strlen(path) + 64;
    char *url = xmalloc(url_len);
    snprintf(url, url_len, "http://127.0.0.1:%d%s", g.port, path);

    e2e_response *r = calloc(1, sizeof *r);
    cr_assert(r != NULL, "e2e: out of memory");
    buf body = {0};
    struct curl_slist *headers = NULL;
    for (const char *h = va_arg(ap, const char *); h; h = va_arg(ap, const char *))
        headers = curl_slist_append(headers, h);

    CURL *c = curl_easy_init();
    cr_assert(c != NULL, "e2e: curl_easy_init failed");
    char errbuf[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)E2E_REQUEST_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
    if (send_body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, send_body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)send_len);
    }
    if (strcmp(method, "HEAD") == 0)
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    else if (strcmp(method, "GET") != 0)
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    curl_easy_cleanup(c);
    curl_slist_free_all(headers);
    cr_assert(rc == CURLE_OK, "e2e: %s %s failed: %s (%s)", method, url, curl_easy_strerror(rc),
              errbuf);
    free(url);

    r->body = body.data ? body.data : xstrdup("");
    r->len = body.len;
    const char *type = e2e_header_get(r, "Content-Type");
    if (type && strstr(type, "json") && r->len)
        r->json = json_loadb(r->body, r->len, 0, NULL);
    return r;
}

e2e_response *e2e_request_(const char *method, const char *path, ...)
{
    va_list ap;
    va_start(ap, path);
    e2e_response *r = request_va(method, path, ap);
    va_end(ap);
    return r;
}

e2e_response *e2e_send_(const char *method, const char *path, const char *body, size_t len, ...)
{
    va_list ap;
    va_start(ap, len);
    send_body = body;
    send_len = len;
    e2e_response *r = request_va(method, path, ap);
    send_body = NULL;
    send_len = 0;
    va_end(ap);
    return r;
}

/* request_va with no extra headers, without a va_list of our own. */
static e2e_response *request_plain(const char *method, const char *path, ...)
{
    va_list ap;
    va_start(ap, path);
    e2e_response *r = request_va(method, path, ap);
    va_end(ap);
    return r;
}

e2e_response *e2e_getf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    cr_assert(n >= 0, "e2e: bad format");
    char *path = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(path, (size_t)n + 1, fmt, ap);
    va_end(ap);
    e2e_response *r = request_plain("GET", path, (const char *)NULL);
    free(path);
    return r;
}
