/*
 * spawn_loop: the C reference for spawn + wait of /bin/true, used by bench/sections/spawn.
 *
 *   spawn_loop MODE[:COUNT][,MODE[:COUNT]...] COUNT [WARMUP [TOUCH_MIB]]
 *
 * MODE is posix_spawn (glibc: clone(CLONE_VM|CLONE_VFORK) + exec), vfork (vfork + execve) or
 * fork (fork + execve: copies the page tables, so its cost grows with the parent's resident
 * memory). TOUCH_MIB first maps that many MiB of private anonymous memory with every page resident
 * (MAP_POPULATE: the kernel allocates the pages in one call instead of one fault per page, which is
 * slow on a VM), to stand in for a large touched heap; several modes share that one mapping. It is
 * a system call the compiler cannot drop: an earlier malloc + memset whose result was never read
 * was removed by gcc -O2, and the "touched" rows then measured an empty process.
 * For each mode, in order: min(WARMUP, count) untimed spawns, then count timed ones with
 * CLOCK_MONOTONIC, where count is the mode's own ":COUNT" or else COUNT; each is one spawn of
 * /bin/true with inherited stdio and one blocking waitpid for that pid.
 *
 * Prints "RESULT ns_per_spawn <mean wall nanoseconds per spawn + wait>" and
 * "RESULT cpu_ns_per_spawn <mean user + system nanoseconds of this process, children excluded>"
 * per mode; with more than one mode each line ends with "C <mode>", the name of its case.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

static int known(const char *mode) {
    return strcmp(mode, "posix_spawn") == 0 || strcmp(mode, "vfork") == 0 || strcmp(mode, "fork") == 0;
}

static void measure(const char *mode, long count, long warmup, int labelled) {
    for (long i = 0; i < warmup && i < count; i++) {
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
    const char *label = labelled ? " C " : "";
    const char *name = labelled ? mode : "";
    printf("RESULT ns_per_spawn %.0f%s%s\n", count > 0 ? ns / count : 0.0, label, name);
    printf("RESULT cpu_ns_per_spawn %.0f%s%s\n", count > 0 ? cpu / count : 0.0, label, name);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: spawn_loop MODE[:COUNT][,MODE[:COUNT]...] COUNT [WARMUP [TOUCH_MIB]]"
                        " (MODE: posix_spawn, vfork, fork)\n");
        return 2;
    }
    enum { MAX_MODES = 8 };
    char modes[MAX_MODES][32];
    long counts[MAX_MODES];
    int n = 0;
    long count = parse(argv[2], "COUNT");
    char *list = strdup(argv[1]);
    for (char *item = strtok(list, ","); item != NULL; item = strtok(NULL, ",")) {
        if (n == MAX_MODES) {
            fprintf(stderr, "spawn_loop: at most %d modes, '%s' has more\n", MAX_MODES, argv[1]);
            return 2;
        }
        char *colon = strchr(item, ':');
        counts[n] = colon != NULL ? parse(colon + 1, "a mode's COUNT") : count;
        if (colon != NULL) {
            *colon = '\0';
        }
        if (!known(item) || strlen(item) >= sizeof modes[0]) {
            fprintf(stderr, "spawn_loop: unknown mode '%s' (posix_spawn, vfork, fork)\n", item);
            return 2;
        }
        strcpy(modes[n++], item);
    }
    free(list);
    if (n == 0) {
        fprintf(stderr, "spawn_loop: no mode in '%s' (posix_spawn, vfork, fork)\n", argv[1]);
        return 2;
    }
    long warmup = argc > 3 ? parse(argv[3], "WARMUP") : 0;
    long touch_mib = argc > 4 ? parse(argv[4], "TOUCH_MIB") : 0;
    if (touch_mib > 0) {
        size_t bytes = (size_t) touch_mib << 20;
        void *heap = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (heap == MAP_FAILED) {
            die("mmap", errno);
        }
    }
    for (int i = 0; i < n; i++) {
        measure(modes[i], counts[i], warmup, n > 1);
    }
    return 0;
}
