package io.procmux.spawn.posix;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The one thread that reaps every child of the {@code posix} backend in this JVM, whatever the
 * number of spawners and children: 1,000 live children cost this one thread, not 1,000.
 *
 * <p>On Linux 5.3+ it blocks in {@code poll(2)} on the pidfd of every unreaped child plus an
 * {@code eventfd} that {@link #watch(ExitWatch)} writes to add a new one; a readable pidfd means
 * that child exited, and only that pid is reaped ({@code waitpid(pid, WNOHANG)}; never
 * {@code waitpid(-1)}, which would steal the JDK's children). There is no polling interval: exit
 * notification costs one wake-up. Where pidfds are missing (older kernels, macOS) it falls back
 * to waking every {@value #FALLBACK_INTERVAL_MS} ms and calling {@code waitpid(pid, WNOHANG)} for
 * each of its own unreaped pids: correct, but with that latency and O(children) work per tick.
 *
 * <p>Cost: one daemon thread named {@code procmux-reaper}, started on first use and kept for the
 * JVM's life; one eventfd (or pipe); per wake-up one {@code poll} over (1 + live children)
 * descriptors, rebuilt in a reused native array. Exit futures complete on this thread.
 */
final class Reaper implements Runnable {
    static final int FALLBACK_INTERVAL_MS = 10;
    private static final short POLLIN = 0x1;
    private static final int POLLFD_BYTES = 8;

    private final Native nat;
    private final int wakeRead;
    private final int wakeWrite;
    private final Pointer wakeBuffer;
    private final Queue<ExitWatch> incoming = new ConcurrentLinkedQueue<>();
    private final List<ExitWatch> watched = new ArrayList<>();
    private Pointer pollfds;
    private int pollCapacity;

    private Reaper(Native nat) {
        this.nat = nat;
        int[] fds = wakeDescriptors(nat);
        this.wakeRead = fds[0];
        this.wakeWrite = fds[1];
        this.wakeBuffer = Memory.allocateDirect(nat.runtime(), 8, true);
        this.pollCapacity = 64;
        this.pollfds = Memory.allocateDirect(nat.runtime(), pollCapacity * POLLFD_BYTES, true);
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
            nat.posix().fcntlInt(fd, jnr.constants.platform.Fcntl.F_SETFD, 1);
            nat.posix().fcntlInt(fd, jnr.constants.platform.Fcntl.F_SETFL,
                    jnr.constants.platform.OpenFlags.O_NONBLOCK.intValue());
        }
        return p;
    }

    /** Starts watching a child's exit; the child may already have exited. */
    void watch(ExitWatch w) {
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
            watched.add(w);
        }
        int n = 1;
        boolean fallback = false;
        ensureCapacity(1 + watched.size());
        putPollfd(0, wakeRead);
        for (ExitWatch w : watched) {
            if (w.pidfd() >= 0) {
                putPollfd(n++, w.pidfd());
            } else {
                fallback = true;
            }
        }
        int ready = nat.libc().poll(pollfds, n, fallback ? FALLBACK_INTERVAL_MS : -1);
        if (ready < 0) {
            return; // EINTR: rebuild and poll again
        }
        if (pollfds.getShort(6) != 0) {
            drainWake();
        }
        // Any readable pidfd, and every pidfd-less child in fallback mode, gets a WNOHANG;
        // reaped ones are dropped by compacting the list in place.
        int slot = 1;
        int kept = 0;
        for (int i = 0; i < watched.size(); i++) {
            ExitWatch w = watched.get(i);
            boolean check = true;
            if (w.pidfd() >= 0) {
                check = pollfds.getShort((long) slot * POLLFD_BYTES + 6) != 0;
                slot++;
            }
            if (!check || !w.reapAndRelease()) {
                watched.set(kept++, w);
            }
        }
        watched.subList(kept, watched.size()).clear();
    }

    private void putPollfd(int index, int fd) {
        long at = (long) index * POLLFD_BYTES;
        pollfds.putInt(at, fd);
        pollfds.putShort(at + 4, POLLIN);
        pollfds.putShort(at + 6, (short) 0);
    }

    private void ensureCapacity(int entries) {
        if (entries > pollCapacity) {
            pollCapacity = Math.max(entries, pollCapacity * 2);
            pollfds = Memory.allocateDirect(nat.runtime(), pollCapacity * POLLFD_BYTES, true);
        }
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
