/*
 * exit_marker: the child of the exit-latency benchmarks (bench/sections/spawn).
 *
 *   exit_marker
 *
 * Copies stdin to stdout byte for byte, so the parent can see that it is running and blocked in
 * read. At end-of-file it reads CLOCK_MONOTONIC, writes "EXIT <nanoseconds>\n" to stdout and
 * calls _exit(0) at once: no stdio buffers, no atexit handlers. The stamp is the moment the child
 * decides to exit; the parent, on the same clock (System.nanoTime is CLOCK_MONOTONIC on Linux),
 * subtracts it from the moment it learns of the exit. What remains is the kernel's exit path and
 * the notification, without the time the child needed to be scheduled and read end-of-file.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    char buf[256];
    for (;;) {
        ssize_t n = read(0, buf, sizeof buf);
        if (n == 0) {
            break;
        }
        if (n < 0 || write(1, buf, (size_t) n) != n) {
            _exit(2);
        }
    }
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    char line[64];
    int len = snprintf(line, sizeof line, "EXIT %lld\n", (long long) t.tv_sec * 1000000000LL + t.tv_nsec);
    if (write(1, line, (size_t) len) != len) {
        _exit(2);
    }
    _exit(0);
}
