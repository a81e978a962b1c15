/*
 * spawn_latency: the C floor for exit notification latency, used by bench/sections/spawn.
 *
 *   spawn_latency COUNT [WARMUP]
 *
 * Each child is cat with piped stdin and stdout (posix_spawnp); one byte is echoed through it
 * first, so it is running and blocked in read. At t0 the parent closes the stdin pipe; t1 is when
 * a blocking waitpid for that pid returns. This is what the exit itself costs (end-of-file,
 * exit_group, teardown, the parent's wake-up) with no library in between.
 *
 * Prints "RESULT exit_latency_ns <t1 - t0>" once per timed child.
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

static long long once(void) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
        die("pipe2", errno);
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    char *const argv[] = {"cat", NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "cat", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        die("posix_spawnp cat", rc);
    }
    close(in[0]);
    close(out[1]);
    char c = 'x';
    if (write(in[1], &c, 1) != 1 || read(out[0], &c, 1) != 1 || c != 'x') {
        die("echo through cat", errno);
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
    close(out[0]);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "spawn_latency: cat ended with status %#x\n", status);
        exit(1);
    }
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
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: spawn_latency COUNT [WARMUP]\n");
        return 2;
    }
    long count = parse(argv[1], "COUNT");
    long warmup = argc > 2 ? parse(argv[2], "WARMUP") : 0;
    for (long i = 0; i < warmup; i++) {
        once();
    }
    long long *samples = malloc(sizeof(long long) * (count > 0 ? count : 1));
    if (samples == NULL) {
        die("malloc", ENOMEM);
    }
    for (long i = 0; i < count; i++) {
        samples[i] = once();
    }
    for (long i = 0; i < count; i++) {
        printf("RESULT exit_latency_ns %lld\n", samples[i]);
    }
    free(samples);
    return 0;
}
