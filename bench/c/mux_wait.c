/*
 * mux_wait: the C reference for one readiness wait with N idle descriptors and 1 ready one.
 *
 *   mux_wait BACKEND N SAMPLES SAMPLE_MS [THREADS]      BACKEND: epoll | poll | select
 *
 * Idle descriptors are both ends of N/2 AF_UNIX stream socket pairs (nothing is ever written to
 * them); the ready descriptor is one end of another pair whose peer holds one unread byte, and it
 * has the highest number, as in the Java benchmark. Each wait has timeout 0 and returns at once
 * with that one descriptor; the loop then finds it in the results, as a real event loop would
 * (epoll: the returned array; poll/select: a scan that stops at the last ready entry).
 * Prints SAMPLES lines "BACKEND N NS_PER_WAIT", each the mean over about SAMPLE_MS of waits.
 * SAMPLES 0 takes samples on demand, for a driver that interleaves them with its own: after the
 * warm-up it prints "ready", then one sample per line read from standard input, until end of file
 * (io.procmux.bench.mux.MuxCpuTime's c-* implementations).
 * THREADS (default 1) above 1 starts that many minus one extra threads that only sleep, and the
 * lines then say "BACKEND-mt": Linux looks descriptors up without touching their reference count
 * only in a single-threaded process, so this is the C figure a JVM (always multi-threaded) can
 * hope to match.
 * With MUX_WAIT_CLOCK=cpu in the environment the samples are CPU time of the waiting thread
 * (CLOCK_THREAD_CPUTIME_ID) instead of elapsed time: on a busy machine that leaves out the time the
 * thread was not running, for side-by-side figures with io.procmux.bench.mux.MuxCpuTime.
 * Needs RLIMIT_NOFILE above N + 16.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) {
    fprintf(stderr, "mux_wait: %s: %s\n", what, strerror(errno));
    exit(1);
}

static clockid_t sample_clock = CLOCK_MONOTONIC;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(sample_clock, &ts);
    return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static volatile long long found_sink;

/* One wait plus finding the ready descriptor; returns how many were ready. */
typedef int (*wait_fn)(void);

static int epfd;
static struct epoll_event events[64];
static int wait_epoll(void) {
    int ready = epoll_wait(epfd, events, 64, 0);
    for (int i = 0; i < ready; i++) {
        found_sink += events[i].data.fd;
    }
    return ready;
}

static struct pollfd *pollfds;
static int npollfds;
static int wait_poll(void) {
    int ready = poll(pollfds, (nfds_t) npollfds, 0);
    for (int i = 0, found = 0; i < npollfds && found < ready; i++) {
        if (pollfds[i].revents != 0) {
            found++;
            found_sink += pollfds[i].fd;
        }
    }
    return ready;
}

static fd_set watched;
static int maxfd;
static int wait_select(void) {
    fd_set readable = watched;
    struct timeval zero = {0, 0};
    int ready = select(maxfd + 1, &readable, NULL, NULL, &zero);
    for (int fd = 0, found = 0; fd <= maxfd && found < ready; fd++) {
        if (FD_ISSET(fd, &readable)) {
            found++;
            found_sink += fd;
        }
    }
    return ready;
}

static void *sleeper(void *arg) {
    (void) arg;
    for (;;) {
        pause();
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: mux_wait epoll|poll|select N SAMPLES SAMPLE_MS [THREADS]\n");
        return 2;
    }
    const char *clock_name = getenv("MUX_WAIT_CLOCK");
    if (clock_name != NULL && strcmp(clock_name, "cpu") == 0) {
        sample_clock = CLOCK_THREAD_CPUTIME_ID;
    } else if (clock_name != NULL && clock_name[0] != '\0') {
        fprintf(stderr, "mux_wait: MUX_WAIT_CLOCK must be 'cpu' or unset, not '%s'\n", clock_name);
        return 2;
    }
    int threads = argc == 6 ? atoi(argv[5]) : 1;
    if (threads < 1 || threads > 64) {
        fprintf(stderr, "mux_wait: THREADS must be between 1 and 64\n");
        return 2;
    }
    for (int t = 1; t < threads; t++) {
        pthread_t thread;
        if (pthread_create(&thread, NULL, sleeper, NULL) != 0) {
            fprintf(stderr, "mux_wait: pthread_create failed\n");
            return 1;
        }
    }
    const char *backend = argv[1];
    int n = atoi(argv[2]);
    int samples = atoi(argv[3]);
    int sample_ms = atoi(argv[4]);
    if (n < 2 || n % 2 != 0 || samples < 0 || sample_ms < 1) {
        fprintf(stderr, "mux_wait: N must be even and >= 2, SAMPLES >= 0 (0: on demand), SAMPLE_MS >= 1\n");
        return 2;
    }
    int *fds = malloc(sizeof(int) * (size_t) (n + 1));
    if (fds == NULL) die("malloc");
    for (int i = 0; i < n; i += 2) {
        int pair[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) die("socketpair (raise ulimit -n)");
        fds[i] = pair[0];
        fds[i + 1] = pair[1];
    }
    int ready_pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ready_pair) != 0) die("socketpair");
    if (write(ready_pair[1], "x", 1) != 1) die("write");
    fds[n] = ready_pair[0];

    wait_fn fn;
    if (strcmp(backend, "epoll") == 0) {
        epfd = epoll_create1(EPOLL_CLOEXEC);
        if (epfd < 0) die("epoll_create1");
        for (int i = 0; i <= n; i++) {
            struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[i]};
            if (epoll_ctl(epfd, EPOLL_CTL_ADD, fds[i], &ev) != 0) die("epoll_ctl");
        }
        fn = wait_epoll;
    } else if (strcmp(backend, "poll") == 0) {
        npollfds = n + 1;
        pollfds = calloc((size_t) npollfds, sizeof(struct pollfd));
        if (pollfds == NULL) die("calloc");
        for (int i = 0; i <= n; i++) {
            pollfds[i].fd = fds[i];
            pollfds[i].events = POLLIN;
        }
        fn = wait_poll;
    } else if (strcmp(backend, "select") == 0) {
        FD_ZERO(&watched);
        for (int i = 0; i <= n; i++) {
            if (fds[i] >= FD_SETSIZE) {
                fprintf(stderr, "mux_wait: fd %d >= FD_SETSIZE (%d): N is too large for select\n", fds[i], FD_SETSIZE);
                return 2;
            }
            FD_SET(fds[i], &watched);
            if (fds[i] > maxfd) maxfd = fds[i];
        }
        fn = wait_select;
    } else {
        fprintf(stderr, "mux_wait: unknown backend '%s' (epoll, poll or select)\n", backend);
        return 2;
    }

    /* Warm-up: one sample's worth, not reported. */
    long long budget = (long long) sample_ms * 1000000LL;
    int on_demand = samples == 0;
    char line[64];
    for (int s = -1; on_demand || s < samples; s++) {
        if (on_demand && s == 0) {
            printf("ready\n");
            fflush(stdout);
        }
        if (on_demand && s >= 0 && fgets(line, sizeof line, stdin) == NULL) {
            break;
        }
        long long waits = 0;
        long long start = now_ns(), elapsed;
        do {
            for (int i = 0; i < 64; i++) {
                if (fn() != 1) {
                    fprintf(stderr, "mux_wait: a wait did not report exactly the one ready descriptor\n");
                    return 1;
                }
            }
            waits += 64;
            elapsed = now_ns() - start;
        } while (elapsed < budget);
        if (s >= 0) {
            printf("%s%s %d %.1f\n", backend, threads > 1 ? "-mt" : "", n, (double) elapsed / (double) waits);
            fflush(stdout);
        }
    }
    return 0;
}
