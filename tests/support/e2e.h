/* e2e.h — end-to-end test support: runs the real binary in a fresh temporary
 * folder and talks HTTP to it with libcurl.
 *
 * One server per test process (Criterion runs each test in its own process):
 * e2e_start launches `$MARSAD_BIN serve --port 0 --db DIR/marsad.db --seeds
 * SEEDS --create [extra args]` (prefixed by the words of $MARSAD_WRAP, e.g. valgrind),
 * waits up to 60 s for its "listening on http://HOST:PORT (N articles)" line
 * on standard output and keeps its standard error in DIR/stderr.N.log.
 *
 * Use e2e_teardown as the suite's .fini: it stops a server still running
 * (asserting a clean exit) and removes the temporary folder, so no test
 * leaves a process or a folder behind, even when an assertion failed.
 *
 * Environment: MARSAD_BIN (default build/marsad), MARSAD_WRAP (default
 * none), MARSAD_SEEDS_DIR (default data/seeds). Every other MARSAD_*
 * variable is removed from the child's environment, so a developer's
 * settings cannot change what the tests see.
 *
 * Failures of the harness itself (no binary, no listening line in time) are
 * Criterion assertion failures that quote the tail of the server's log.
 */
#ifndef MARSAD_TESTS_E2E_H
#define MARSAD_TESTS_E2E_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define E2E_START_TIMEOUT_S 60 /* valgrind is slow */
#define E2E_STOP_TIMEOUT_S 60
#define E2E_REQUEST_TIMEOUT_S 60

/* The exit status valgrind reports errors with (--error-exitcode=99). */
#define E2E_VALGRIND_EXIT 99

typedef struct e2e_header {
    char *name;  /* as sent */
    char *value; /* leading and trailing blanks removed */
} e2e_header;

typedef struct e2e_response {
    long status;
    e2e_header *headers; /* of the final response (after any 1xx) */
    size_t n_headers;
    char *body; /* NUL-terminated; "" when there is none */
    size_t len;
    json_t *json; /* the parsed body when the Content-Type says JSON, else NULL */
} e2e_response;

/* The test's temporary folder, created (mkdtemp) on first use. */
const char *e2e_dir(void);

/* DIR/name into out (size outsz); asserts that it fits. Returns out. */
char *e2e_path(char *out, size_t outsz, const char *name);

/* Copy every *.txt of $MARSAD_SEEDS_DIR into dst (created if missing).
 * Returns how many were copied; asserts that reading and writing worked. */
size_t e2e_copy_seeds(const char *dst);

/* Start the server. seeds: a folder, or NULL for DIR/seeds (filled by
 * e2e_copy_seeds when it does not exist yet), or "" for none. Further
 * arguments (NULL-terminated by the macro) are appended to the command line.
 * Asserts that the listening line arrived. The database is always
 * DIR/marsad.db, so stopping and starting again reuses it. */
void e2e_start_(const char *seeds, ...) __attribute__((sentinel));
#define e2e_start(...) e2e_start_(__VA_ARGS__, (const char *)NULL)

bool e2e_running(void);
/* Is the server run under $MARSAD_WRAP (valgrind)? Its timings then say
 * nothing about the server's own. */
bool e2e_wrapped(void);
int e2e_port(void);
long long e2e_articles(void); /* N of the listening line */

/* Send sig to the running server without waiting for it. */
void e2e_signal(int sig);

/* SIGTERM, wait (up to E2E_STOP_TIMEOUT_S), and assert exit status 0 (not
 * killed by a signal, and not valgrind's error status). */
void e2e_stop(void);

/* Criterion .fini: stop a running server, remove DIR, then assert the exit
 * status (so the folder goes even when the assertion fails). */
void e2e_teardown(void);

/* The standard error of the current (or last) server run (malloc'd). */
char *e2e_log(void);

/* One HTTP request to the running server. path starts with '/' and is sent
 * as it is (no encoding added). Extra arguments are request header lines
 * ("If-None-Match: \"x\""), NULL-terminated by the macros. HEAD asks for no
 * body. Asserts that the exchange itself worked (a connection, a status). */
e2e_response *e2e_request_(const char *method, const char *path, ...) __attribute__((sentinel));
#define e2e_request(...) e2e_request_(__VA_ARGS__, (const char *)NULL)
#define e2e_get(...) e2e_request_("GET", __VA_ARGS__, (const char *)NULL)

/* The same with a request body of len bytes (Content-Type among the
 * headers, which the macro NULL-terminates). */
e2e_response *e2e_send_(const char *method, const char *path, const char *body, size_t len, ...)
    __attribute__((sentinel));
#define e2e_send(method, path, body, len, ...) \
    e2e_send_(method, path, body, len, __VA_ARGS__, (const char *)NULL)

/* GET of a printf-formatted path. */
e2e_response *e2e_getf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The value of header name (case-insensitive), or NULL. */
const char *e2e_header_get(const e2e_response *r, const char *name);
void e2e_response_free(e2e_response *r); /* NULL is fine */

/* Run `$MARSAD_BIN args...` (wrapped like the server) with standard input
 * from /dev/null, wait up to E2E_START_TIMEOUT_S and return its exit status
 * (128 + signal when killed). *out and *err (either may be NULL) receive
 * what it printed (malloc'd). */
int e2e_run_(char **out, char **err, ...) __attribute__((sentinel));
#define e2e_run(...) e2e_run_(__VA_ARGS__, (const char *)NULL)

/* Whole files; e2e_read_file returns NULL when path cannot be read (the
 * contents are NUL-terminated, *len excludes the NUL). e2e_write_file asserts. */
char *e2e_read_file(const char *path, size_t *len);
void e2e_write_file(const char *path, const void *data, size_t len);

#endif
