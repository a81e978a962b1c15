package io.procmux.spawn.posix;

import io.procmux.spawn.ExitStatus;
import java.util.concurrent.CompletableFuture;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The exit of one child this backend started: its pid, its pidfd (or -1 where Linux pidfds are
 * missing), and a future completed exactly once with its status when it is reaped.
 *
 * <p>Reaping is {@code waitpid(pid, WNOHANG)} for this pid only, under this object's lock; so is
 * sending a signal, so a signal can never reach another process that reused the pid: until we
 * reap it, the pid stays ours (a zombie at worst). The pidfd is closed once both the reaper has
 * dropped it and the {@link io.procmux.spawn.Child} was closed (or became unreachable), so the
 * reaper never polls a descriptor number that was closed and reused.
 *
 * <p>Cost: one {@code waitpid} per {@link #tryReap()}; one {@code kill} per signal.
 */
final class ExitWatch {
    private static final int WNOHANG = 1;

    private final Native nat;
    private final long pid;
    /** The pid as C's {@code pid_t}: Linux pids stay below 2^22, macOS's below 10^5. */
    private final int cpid;
    private final int pidfd;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private boolean reaped;
    private boolean childReleased;
    private boolean reaperReleased;
    private boolean pidfdClosed;

    ExitWatch(Native nat, long pid, int pidfd) {
        this.nat = nat;
        this.pid = pid;
        this.cpid = Math.toIntExact(pid);
        this.pidfd = pidfd;
    }

    /** Opens a pidfd for {@code pid} when the kernel has them; -1 otherwise (then the reaper polls). */
    static ExitWatch open(Native nat, long pid, boolean usePidfd) {
        int fd = -1;
        if (usePidfd && nat.hasPidfd()) {
            long r = nat.libc().syscall(Native.SYS_PIDFD_OPEN, pid, 0);
            fd = r < 0 ? -1 : (int) r;
        }
        return new ExitWatch(nat, pid, fd);
    }

    long pid() {
        return pid;
    }

    /** The pidfd, or -1. */
    int pidfd() {
        return pidfd;
    }

    /** Completed with the exit status when reaped; completed exceptionally if another party reaped it. */
    CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    /**
     * Reaps the child if it has exited ({@code waitpid(pid, WNOHANG)}); returns whether it is
     * reaped now. Completes {@link #exit()} outside the lock.
     */
    boolean tryReap() {
        return reap(false);
    }

    /**
     * The reaper's variant of {@link #tryReap()}: once the child is reaped, the reaper's hold on
     * the pidfd is released before the exit future completes, so a waiter that wakes up and
     * closes the child finds the descriptor already gone.
     */
    boolean reapAndRelease() {
        return reap(true);
    }

    private boolean reap(boolean releaseForReaper) {
        ExitStatus status = null;
        RuntimeException failure = null;
        synchronized (this) {
            if (!reaped) {
                int[] word = new int[1];
                while (true) {
                    int r = nat.libc().waitpid(cpid, word, WNOHANG);
                    if (r == pid) {
                        status = ExitStatus.fromWaitStatus(word[0]);
                        break;
                    }
                    if (r == 0) {
                        return false;
                    }
                    int errno = nat.errno();
                    if (errno == Errnos.EINTR) {
                        continue;
                    }
                    failure = new IllegalStateException("cannot wait for pid " + pid + ": " + Native.errnoText(errno)
                            + " (" + Native.errnoName(errno) + "); was it reaped elsewhere (waitpid(-1), SIGCHLD ignored)?");
                    break;
                }
                reaped = true;
            }
        }
        if (releaseForReaper) {
            releaseByReaper();
        }
        if (status != null) {
            exit.complete(status);
        } else if (failure != null) {
            exit.completeExceptionally(failure);
        }
        return true;
    }

    /**
     * Waits up to {@code timeoutMillis} in the calling thread for the pidfd to become readable and,
     * if it does, reaps here; returns whether the child is reaped. This spares a short wait the
     * two thread hand-offs of the reaper path (the reaper waking, then the waiter); the reaper
     * still wakes too, finds the child reaped under this object's lock, and only releases its hold.
     * Without a pidfd, or once reaped, it returns at once.
     */
    boolean awaitExit(int timeoutMillis) {
        if (pidfd < 0 || exit.isDone()) {
            return exit.isDone();
        }
        Pointer pollfd = POLLFD.get();
        pollfd.putInt(0, pidfd);
        pollfd.putShort(4, POLLIN);
        pollfd.putShort(6, (short) 0);
        int ready = nat.libc().poll(pollfd, 1, timeoutMillis);
        return ready > 0 && reap(false);
    }

    /** One {@code struct pollfd} per thread that waits in {@link #awaitExit}: nothing allocated per wait. */
    private static final ThreadLocal<Pointer> POLLFD = ThreadLocal.withInitial(
            () -> Memory.allocateDirect(Native.get().runtime(), 8, true));

    private static final short POLLIN = 1;

    /** Sends {@code signal} unless the child is already reaped; returns whether it was sent. */
    synchronized boolean signal(int signal) {
        if (reaped) {
            return false;
        }
        if (nat.libc().kill(cpid, signal) == 0) {
            return true;
        }
        int errno = nat.errno();
        if (errno == Errnos.ESRCH) {
            return false;
        }
        throw new IllegalStateException("kill(" + pid + ", " + signal + "): " + Native.errnoText(errno)
                + " (" + Native.errnoName(errno) + ")");
    }

    /**
     * Sends {@code signal} to the process group whose id is this child's pid ({@code kill(-pid)}),
     * even after the child was reaped; returns false when the group has no process left.
     */
    synchronized boolean signalGroup(int signal) {
        if (nat.libc().kill(-cpid, signal) == 0) {
            return true;
        }
        int errno = nat.errno();
        if (errno == Errnos.ESRCH) {
            return false;
        }
        throw new IllegalStateException("kill(-" + pid + ", " + signal + "): " + Native.errnoText(errno)
                + " (" + Native.errnoName(errno) + ")");
    }

    /** The reaper no longer polls the pidfd. */
    void releaseByReaper() {
        release(true);
    }

    /** The child handle was closed or became unreachable. */
    void releaseByChild() {
        release(false);
    }

    private void release(boolean byReaper) {
        boolean close;
        synchronized (this) {
            if (byReaper) {
                reaperReleased = true;
            } else {
                childReleased = true;
            }
            close = reaperReleased && childReleased && pidfd >= 0 && !pidfdClosed;
            if (close) {
                pidfdClosed = true;
            }
        }
        if (close) {
            nat.libc().close(pidfd);
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + (pidfd >= 0 ? " (pidfd " + pidfd + ")" : "");
    }
}
