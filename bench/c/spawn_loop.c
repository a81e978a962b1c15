/*
 * spawn_loop: the C reference for spawn + wait of /bin/true, used by bench/sections/spawn.
 *
 *   spawn_loop MODE COUNT [WARMUP [TOUCH_MIB]]
 *
 * MODE is posix_spawn (glibc: clone(CLONE_VM|CLONE_VFORK) + exec), vfork (vfork + execve) or
 * fork (fork + execve: copies the page tables, so its cost grows with the parent's resident
 * memory). TOUCH_MIB first allocates and writes that many MiB, to stand in for a large touched
 * heap. After WARMUP untimed spawns, COUNT spawns are timed with CLOCK_MONOTONIC; each is one
 * spawn of /bin/true with inherited stdio and one blocking waitpid for that pid.
 *
 * Prints "RESULT ns_per_spawn <mean wall nanoseconds per spawn + wait>" and
 * "RESULT cpu_ns_per_spawn <mean user + system nanoseconds of this process, children excluded>".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static char *const child_argv[] = {"/bin/true", NULL};

static void die(const char *what, int err) {
    fprintf(stderr, "spawn_loop: %s: %s\n", what, strerror(err));
    exit(1);
}

static void wait_for(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) != pid) {
        if (errno != EINTR) {
            die("waitpid", errno);
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "spawn_loop: /bin/true ended with status %#x\n", status);
        exit(1);
    }
}

static pid_t start(const char *mode) {
    pid_t pid;
    if (strcmp(mode, "posix_spawn") == 0) {
        int rc = posix_spawn(&pid, child_argv[0], NULL, NULL, child_argv, environ);
        if (rc != 0) {
            die("posix_spawn", rc);
        }
        return pid;
    }
    pid = strcmp(mode, "vfork") == 0 ? vfork() : fork();
    if (pid < 0) {
        die(mode, errno);
    }
    if (pid == 0) {
        execve(child_argv[0], child_argv, environ);
        _exit(127);
    }
    return pid;
}

static double cpu_ns(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e9 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e3;
}

static long parse(const char *text, const char *name) {
    char *end;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < 0) {
        fprintf(stderr, "spawn_loop: %s must be a non-negative integer, not '%s'\n", name, text);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: spawn_loop posix_spawn|vfork|fork COUNT [WARMUP [TOUCH_MIB]]\n");
        return 2;
    }
    const char *mode = argv[1];
    if (strcmp(mode, "posix_spawn") != 0 && strcmp(mode, "vfork") != 0 && strcmp(mode, "fork") != 0) {
        fprintf(stderr, "spawn_loop: unknown mode '%s' (posix_spawn, vfork, fork)\n", mode);
        return 2;
    }
    long count = parse(argv[2], "COUNT");
    long warmup = argc > 3 ? parse(argv[3], "WARMUP") : 0;
    long touch_mib = argc > 4 ? parse(argv[4], "TOUCH_MIB") : 0;
    if (touch_mib > 0) {
        size_t bytes = (size_t) touch_mib << 20;
        char *heap = malloc(bytes);
        if (heap == NULL) {
            die("malloc", ENOMEM);
        }
        memset(heap, 1, bytes); /* every page resident, as -XX:+AlwaysPreTouch does for a heap */
    }
    for (long i = 0; i < warmup; i++) {
        wait_for(start(mode));
    }
    struct timespec t0, t1;
    double cpu0 = cpu_ns();
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < count; i++) {
        wait_for(start(mode));
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double cpu = cpu_ns() - cpu0;
    double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
    printf("RESULT ns_per_spawn %.0f\n", count > 0 ? ns / count : 0.0);
    printf("RESULT cpu_ns_per_spawn %.0f\n", count > 0 ? cpu / count : 0.0);
    return 0;
}
