/*
 * spawn_latency: the C floor for exit notification latency, used by bench/sections/spawn.
 *
 *   spawn_latency MARKER COUNT [WARMUP]
 *
 * Each child is MARKER (bench/c/exit_marker.c) with piped stdin and stdout (posix_spawn); one
 * byte is echoed through it first, so it is running and blocked in read. At t0 the parent closes
 * the stdin pipe; the child stamps the moment it calls _exit (te, CLOCK_MONOTONIC) on its stdout;
 * t1 is when a blocking waitpid for that pid returns. This is what an exit costs with no library
 * in between: te -> t1 is the kernel's exit path and the parent's wake-up, t0 -> t1 adds the time
 * the child needs to be scheduled and read end-of-file.
 *
 * Prints "RESULT exit_latency_ns <t1 - te>" and "RESULT close_latency_ns <t1 - t0>" per timed child.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static void die(const char *what, int err) {
    fprintf(stderr, "spawn_latency: %s: %s\n", what, strerror(err));
    exit(1);
}

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static const char *marker;

/* One child; stores t1 - te in *from_exit and returns t1 - t0. */
static long long once(long long *from_exit) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
        die("pipe2", errno);
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    char *const argv[] = {(char *) marker, NULL};
    pid_t pid;
    int rc = posix_spawn(&pid, marker, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        die(marker, rc);
    }
    close(in[0]);
    close(out[1]);
    char c = 'x';
    if (write(in[1], &c, 1) != 1 || read(out[0], &c, 1) != 1 || c != 'x') {
        die("echo through the marker", errno);
    }
    long long t0 = now_ns();
    close(in[1]);
    int status;
    while (waitpid(pid, &status, 0) != pid) {
        if (errno != EINTR) {
            die("waitpid", errno);
        }
    }
    long long t1 = now_ns();
    char line[64];
    ssize_t got = 0, n;
    while ((n = read(out[0], line + got, sizeof line - 1 - (size_t) got)) > 0) {
        got += n;
    }
    close(out[0]);
    line[got] = '\0';
    long long te;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || sscanf(line, "EXIT %lld", &te) != 1) {
        fprintf(stderr, "spawn_latency: the marker ended with status %#x, printing '%s'\n", status, line);
        exit(1);
    }
    *from_exit = t1 - te;
    return t1 - t0;
}

static long parse(const char *text, const char *name) {
    char *end;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < 0) {
        fprintf(stderr, "spawn_latency: %s must be a non-negative integer, not '%s'\n", name, text);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: spawn_latency MARKER COUNT [WARMUP]\n");
        return 2;
    }
    marker = argv[1];
    long count = parse(argv[2], "COUNT");
    long warmup = argc > 3 ? parse(argv[3], "WARMUP") : 0;
    long long ignored;
    for (long i = 0; i < warmup; i++) {
        once(&ignored);
    }
    long long *samples = malloc(sizeof(long long) * 2 * (size_t) (count > 0 ? count : 1));
    if (samples == NULL) {
        die("malloc", ENOMEM);
    }
    for (long i = 0; i < count; i++) {
        samples[2 * i + 1] = once(&samples[2 * i]);
    }
    for (long i = 0; i < count; i++) {
        printf("RESULT exit_latency_ns %lld\nRESULT close_latency_ns %lld\n", samples[2 * i], samples[2 * i + 1]);
    }
    free(samples);
    return 0;
}
