package io.procmux.spawn.posix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The one thread that reaps every child of the {@code posix} backend in this JVM, whatever the
 * number of spawners and children: 1,000 live children cost this one thread, not 1,000.
 *
 * <p>On Linux it blocks in {@code epoll_wait} on an {@link EpollSet} holding the pidfd of every
 * unreaped child (Linux 5.3+). {@link #watch} adds the new child's pidfd from the spawning thread
 * itself, one-shot, so a spawn does not wake the reaper; a readable pidfd means that child exited,
 * and only that pid is reaped ({@code waitpid(pid, WNOHANG)}; never {@code waitpid(-1)}, which
 * would steal the JDK's children), and its exit future is completed right there, on this thread:
 * no executor, no second hand-off. There is no polling interval: an exit costs one wake-up, one
 * map removal and one {@code waitpid}, however many children are watched; the one-shot
 * registration needs no {@code EPOLL_CTL_DEL} and vanishes when the pidfd is closed.
 *
 * <p>Children without a pidfd (older kernels, macOS, or a refused {@code epoll_ctl}) are handed
 * over through a queue and an eventfd (a pipe outside Linux) that wakes the reaper; while any
 * exists, the reaper wakes every {@value #FALLBACK_INTERVAL_MS} ms and calls
 * {@code waitpid(pid, WNOHANG)} for each of them: correct, but with that latency and
 * O(those children) work per tick.
 *
 * <p>Cost: one daemon thread named {@code procmux-reaper}, started on first use and kept for the
 * JVM's life; one epoll descriptor and one eventfd (or pipe). Per child with a pidfd: one
 * {@code epoll_ctl} to add it on the spawning thread and one {@code waitpid} on the reaper. Exit
 * futures complete on this thread, so their dependent actions must be short.
 */
final class Reaper implements Runnable {
    static final int FALLBACK_INTERVAL_MS = 10;
    private static final short POLLIN = 0x1;
    private static final int MAX_EVENTS = 64;

    private final Native nat;
    private final @Nullable EpollSet epoll;
    private final int wakeRead;
    private final int wakeWrite;
    private final Pointer wakeBuffer;
    private final Pointer wakePollfd;
    private final Map<Integer, ExitWatch> byPidfd = new ConcurrentHashMap<>();
    private final Queue<ExitWatch> incoming = new ConcurrentLinkedQueue<>();
    private final List<ExitWatch> fallback = new ArrayList<>();
    private final int[] rearmEvent = new int[EpollSet.EVENT_INTS];

    private Reaper(Native nat) {
        this.nat = nat;
        int[] fds = wakeDescriptors(nat);
        this.wakeRead = fds[0];
        this.wakeWrite = fds[1];
        this.wakeBuffer = Memory.allocateDirect(nat.runtime(), 8, true);
        this.wakePollfd = Memory.allocateDirect(nat.runtime(), 8, true);
        EpollSet set = null;
        if (Native.isLinux()) {
            set = EpollSet.open(nat, MAX_EVENTS);
            if (!set.add(wakeRead)) {
                int errno = nat.errno();
                throw new IllegalStateException("cannot watch the reaper's eventfd: " + Native.errnoText(errno));
            }
        }
        this.epoll = set;
    }

    /** The JVM's reaper, started on first use. */
    static Reaper shared() {
        return Holder.REAPER;
    }

    private static int[] wakeDescriptors(Native nat) {
        if (Native.isLinux()) {
            int efd = nat.libc().eventfd(0, jnr.constants.platform.OpenFlags.O_CLOEXEC.intValue()
                    | jnr.constants.platform.OpenFlags.O_NONBLOCK.intValue());
            if (efd >= 0) {
                return new int[] {efd, efd};
            }
        }
        int[] p = new int[2];
        if (nat.libc().pipe(p) != 0) {
            throw new IllegalStateException("cannot create the reaper's wake-up pipe: " + Native.errnoText(nat.errno()));
        }
        for (int fd : p) {
            nat.libc().fcntl(fd, jnr.constants.platform.Fcntl.F_SETFD.intValue(), 1);
            nat.libc().fcntl(fd, jnr.constants.platform.Fcntl.F_SETFL.intValue(),
                    jnr.constants.platform.OpenFlags.O_NONBLOCK.intValue());
        }
        return p;
    }

    /**
     * Starts watching a child's exit; the child may already have exited. {@code eventScratch}
     * ({@link EpollSet#EVENT_INTS} ints) belongs to the calling thread.
     */
    void watch(ExitWatch w, int[] eventScratch) {
        int pidfd = w.pidfd();
        if (pidfd >= 0 && epoll != null) {
            byPidfd.put(pidfd, w); // before the add: the event may arrive at once
            if (epoll.addOnce(pidfd, eventScratch)) {
                return;
            }
            byPidfd.remove(pidfd);
        }
        incoming.add(w);
        wake();
    }

    private void wake() {
        wakeBuffer.putLong(0, 1);
        nat.libc().write(wakeWrite, wakeBuffer, 8); // EAGAIN means a wake-up is already pending
    }

    private void drainWake() {
        while (nat.libc().read(wakeRead, wakeBuffer, 8) > 0) {
            // an eventfd is drained by one read; a pipe may hold several bytes
            if (wakeRead == wakeWrite) {
                break;
            }
        }
    }

    @Override
    public void run() {
        while (true) {
            try {
                cycle();
            } catch (Throwable t) {
                // Never let the reaper die: report and continue.
                System.getLogger(Reaper.class.getName()).log(System.Logger.Level.ERROR, "procmux-reaper failed a cycle", t);
            }
        }
    }

    private void cycle() {
        for (ExitWatch w; (w = incoming.poll()) != null; ) {
            fallback.add(w);
        }
        int timeout = fallback.isEmpty() ? -1 : FALLBACK_INTERVAL_MS;
        if (epoll != null) {
            int n = epoll.await(timeout);
            for (int i = 0; i < n; i++) {
                int fd = epoll.fdAt(i);
                if (fd == wakeRead) {
                    drainWake();
                } else {
                    exited(fd);
                }
            }
        } else {
            putPollfd(wakeRead);
            if (nat.libc().poll(wakePollfd, 1, timeout) > 0 && wakePollfd.getShort(6) != 0) {
                drainWake();
            }
        }
        if (!fallback.isEmpty()) {
            fallback.removeIf(ExitWatch::reapAndRelease);
        }
    }

    /**
     * A readable pidfd: its child exited. The one-shot registration is already disabled, so the
     * pidfd is never reported again, even after it is released, closed and its number reused.
     */
    private void exited(int pidfd) {
        ExitWatch w = byPidfd.remove(pidfd);
        if (w == null) {
            return;
        }
        if (!w.reapAndRelease()) {
            // readable but not reapable yet (a multi-threaded child whose leader exited): watch again
            byPidfd.put(pidfd, w);
            if (!epoll.rearm(pidfd, rearmEvent)) {
                byPidfd.remove(pidfd);
                fallback.add(w);
            }
        }
    }

    private void putPollfd(int fd) {
        wakePollfd.putInt(0, fd);
        wakePollfd.putShort(4, POLLIN);
        wakePollfd.putShort(6, (short) 0);
    }

    private static final class Holder {
        static final Reaper REAPER;

        static {
            REAPER = new Reaper(Native.get());
            Thread t = new Thread(REAPER, "procmux-reaper");
            t.setDaemon(true);
            t.start();
        }
    }
}
