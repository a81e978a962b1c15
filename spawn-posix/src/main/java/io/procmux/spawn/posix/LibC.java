package io.procmux.spawn.posix;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.uintptr_t;

/**
 * The libc functions the {@code posix} spawner binds itself through jnr-ffi, because jnr-posix
 * lacks them or hides the handles they need: the whole {@code posix_spawn} family (jnr-posix's
 * {@code posix_spawnp} builds its own file actions, so {@code addchdir_np}, {@code addclosefrom_np}
 * and {@code POSIX_SPAWN_SETSID} cannot be added to them), {@code pipe2}, {@code poll},
 * {@code eventfd}, {@code epoll}, raw {@code read}/{@code write}, and {@code syscall} for {@code pidfd_open}.
 *
 * <p>Cost: each call is one jnr-ffi downcall (tens of nanoseconds plus the system call); the
 * binding itself is generated once per JVM by {@link Native}. Functions missing from the running
 * libc throw {@link UnsatisfiedLinkError} when first called; {@link Native} probes the optional ones.
 */
public interface LibC {
    /** {@code file} is a {@code char *}, {@code argv} and {@code envp} NULL-terminated vectors (see {@link NativeStrings}). */
    int posix_spawnp(Pointer pid, @uintptr_t long file, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);

    int posix_spawn_file_actions_init(Pointer fileActions);

    int posix_spawn_file_actions_destroy(Pointer fileActions);

    int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, CharSequence path, int flags, int mode);

    int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

    int posix_spawn_file_actions_addclose(Pointer fileActions, int fd);

    /** glibc 2.29+, macOS 10.15+ (as {@code posix_spawn_file_actions_addchdir_np}). */
    int posix_spawn_file_actions_addchdir_np(Pointer fileActions, CharSequence path);

    /** glibc 2.34+. */
    int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int from);

    int posix_spawnattr_init(Pointer attr);

    int posix_spawnattr_destroy(Pointer attr);

    int posix_spawnattr_setflags(Pointer attr, short flags);

    int posix_spawnattr_setpgroup(Pointer attr, int pgroup);

    int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

    int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

    int sigemptyset(Pointer sigset);

    int sigfillset(Pointer sigset);

    /** Linux; {@code flags} such as {@code O_CLOEXEC}. */
    int pipe2(@Out int[] fds, int flags);

    int pipe(@Out int[] fds);

    int fcntl(int fd, int cmd, int arg);

    int open(CharSequence path, int flags, int mode);

    int close(int fd);

    long read(int fd, Pointer buf, long count);

    long write(int fd, Pointer buf, long count);

    int poll(Pointer fds, long nfds, int timeoutMillis);

    /** Linux. */
    int eventfd(int initval, int flags);

    /** Linux; {@code flags} 0 or {@code EPOLL_CLOEXEC}. */
    int epoll_create1(int flags);

    /** Linux; {@code event} is one {@code struct epoll_event} (see {@link EpollSet} for its layout). */
    int epoll_ctl(int epfd, int op, int fd, @In int[] event);

    /** Linux. */
    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);

    /** Linux {@code syscall(2)}; used for {@code pidfd_open} (434). */
    long syscall(long number, long arg1, long arg2);

    int getpriority(int which, int who);

    int getpid();

    int kill(int pid, int signal);

    /** {@code status} receives the raw wait status; {@code options} such as {@code WNOHANG}. */
    int waitpid(int pid, @Out int[] status, int options);

    int setpriority(int which, int who, int prio);
}
