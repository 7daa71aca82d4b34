/* ceiling.c — the fastest libmicrohttpd server marsad could be: a fixed
 * 1 KB JSON body for any GET, in marsad's own threading mode.
 *
 *   ceiling [--port P] [--threads N] [--memory-kb KB]
 *                                       (defaults: any free port, 2, 64)
 *
 * Prints "ceiling listening on http://127.0.0.1:PORT" once ready and serves
 * until SIGINT or SIGTERM. Loopback only.
 *
 * Why: a req/s figure for marsad means little alone; next to this server,
 * run by the same wrk on the same machine in the same run, it says how much
 * of the HTTP library's ceiling marsad's routing, SQLite and JSON cost.
 * Hence the same mode as server/http.c (MHD_USE_EPOLL_INTERNAL_THREAD with
 * a thread pool, MHD_USE_ITC, the same connection limits) and the same
 * two-call answer: libmicrohttpd 0.9.75 closes the connection when a GET is
 * answered on the first call of the access handler, so the first call only
 * marks the request and the second one queues the reply.
 *
 * The response is built once and queued on every request (libmicrohttpd
 * reference-counts it): the ceiling is the library's cost, not malloc's.
 *
 * --memory-kb is MHD_OPTION_CONNECTION_MEMORY_LIMIT: libmicrohttpd 0.9.75
 * zeroes a connection's whole memory pool between two requests, so this
 * limit is a per-request cost (memset of that many bytes), not only a cap.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define BODY_BYTES 1024

static char body[BODY_BYTES + 1];
static struct MHD_Response *response;
static int started_marker; /* *req_cls points here after the first call */

/* A JSON object of exactly BODY_BYTES bytes, shaped like a list page. */
static void build_body(void)
{
    static const char head[] = "{\"data\":[{\"id\":\"ceiling\",\"note\":\"";
    static const char tail[] = "\"}],\"next\":null,\"next_url\":null,\"total\":1}";
    size_t fill = BODY_BYTES - (sizeof head - 1) - (sizeof tail - 1);
    memcpy(body, head, sizeof head - 1);
    memset(body + sizeof head - 1, 'x', fill);
    memcpy(body + sizeof head - 1 + fill, tail, sizeof tail);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **req_cls)
{
    (void)cls;
    (void)url;
    (void)version;
    (void)upload_data;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return MHD_NO;
    if (*req_cls != &started_marker) {
        *req_cls = &started_marker; /* answer on the next call: keep-alive survives */
        return MHD_YES;
    }
    if (*upload_data_size) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    return MHD_queue_response(c, MHD_HTTP_OK, response);
}

static unsigned long parse_ul(const char *flag, const char *v, unsigned long max)
{
    char *end;
    errno = 0;
    unsigned long x = v ? strtoul(v, &end, 10) : 0;
    if (!v || end == v || *end || errno || x > max) {
        fprintf(stderr, "ceiling: %s needs an integer from 0 to %lu\n", flag, max);
        exit(2);
    }
    return x;
}

int main(int argc, char **argv)
{
    unsigned long port = 0, threads = 2, memory_kb = 64;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(argv[i], "--port")) {
            port = parse_ul("--port", v, 65535);
            i++;
        } else if (!strcmp(argv[i], "--threads")) {
            threads = parse_ul("--threads", v, 256);
            i++;
        } else if (!strcmp(argv[i], "--memory-kb")) {
            memory_kb = parse_ul("--memory-kb", v, 1 << 20);
            i++;
        } else {
            fprintf(stderr, "usage: ceiling [--port P] [--threads N] [--memory-kb KB]\n");
            return 2;
        }
    }
    if (memory_kb < 4)
        memory_kb = 4;
    if (threads == 0)
        threads = 1;

    /* Signals are taken by sigwait; the daemon's threads inherit the mask. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    build_body();
    response = MHD_create_response_from_buffer(BODY_BYTES, body, MHD_RESPMEM_PERSISTENT);
    if (!response || MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE,
                                             "application/json") != MHD_YES) {
        fprintf(stderr, "ceiling: cannot build the response\n");
        return 1;
    }

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL,
        on_request, NULL, MHD_OPTION_SOCK_ADDR, &addr, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)threads, MHD_OPTION_CONNECTION_LIMIT, 4096u, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        1024u, MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)memory_kb * 1024, MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "ceiling: cannot listen on 127.0.0.1 port %lu\n", port);
        MHD_destroy_response(response);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("ceiling listening on http://127.0.0.1:%u (%lu threads, %d-byte body)\n",
           info ? (unsigned)info->port : 0u, threads, BODY_BYTES);
    fflush(stdout);
    int sig;
    sigwait(&stop, &sig);
    MHD_stop_daemon(d);
    MHD_destroy_response(response);
    return 0;
}
