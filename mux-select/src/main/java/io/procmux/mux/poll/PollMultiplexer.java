package io.procmux.mux.poll;

import io.procmux.mux.Events;
import io.procmux.mux.posix.NativeBuffer;
import io.procmux.mux.posix.PosixMultiplexer;
import io.procmux.mux.posix.PosixNative;
import io.procmux.mux.posix.ReadyBatch;
import io.procmux.mux.posix.WakePipe;
import java.io.IOException;
import jnr.ffi.Pointer;

/**
 * The {@code poll} multiplexer: {@code poll(2)} through jnr-ffi over an off-heap
 * {@code struct pollfd} array, with no limit on descriptor numbers.
 *
 * <p>Cost: per wait one {@code poll} syscall whose kernel cost is O(registered descriptors), plus a
 * scan of the array that stops after the last ready entry; the array is rewritten only when the
 * registrations changed, and reallocated only when they outgrow it. A descriptor closed while
 * registered is reported once with {@link Events#NVAL} and evicted, so it never makes the loop
 * spin. Two descriptors (the wake-up pipe) and 8 bytes of native memory per registration.
 * Threads: see {@link PosixMultiplexer}.
 */
public final class PollMultiplexer extends PosixMultiplexer {
    private static final int POLLFD_SIZE = 8;
    private static final short POLLIN = 0x001;
    private static final int WATCHABLE = Events.IN | Events.PRI | Events.OUT | Events.RDHUP;

    private final boolean linux = PosixNative.isLinux();
    private NativeBuffer pollfds = NativeBuffer.allocate(16L * POLLFD_SIZE);
    private int count;

    private PollMultiplexer(WakePipe wakePipe) {
        super("poll", wakePipe);
    }

    /** Opens a poll multiplexer: creates its wake-up pipe. */
    static PollMultiplexer open() throws IOException {
        return new PollMultiplexer(WakePipe.open());
    }

    @Override
    protected void checkSupported(int fd, int events) {
        refuseFlags(events);
        if (!linux && (events & Events.RDHUP) != 0) {
            throw new UnsupportedOperationException("The poll multiplexer supports RDHUP on Linux only; "
                    + "watch IN and read end-of-file instead");
        }
    }

    @Override
    protected void rebuild(int wakeFd) {
        long needed = (long) (table.size() + 1) * POLLFD_SIZE;
        if (needed > pollfds.size()) {
            long capacity = pollfds.size();
            while (capacity < needed) {
                capacity *= 2;
            }
            pollfds.free();
            pollfds = NativeBuffer.allocate(capacity);
        }
        Pointer p = pollfds.pointer();
        put(p, 0, wakeFd, POLLIN);
        int i = 1;
        for (int fd = 0, highest = table.highest(); fd <= highest; fd++) {
            if (table.contains(fd)) {
                put(p, i++, fd, (short) (table.interest(fd) & WATCHABLE));
            }
        }
        count = i;
    }

    private static void put(Pointer p, int index, int fd, short events) {
        long offset = (long) index * POLLFD_SIZE;
        p.putInt(offset, fd);
        p.putShort(offset + 4, events);
        p.putShort(offset + 6, (short) 0);
    }

    @Override
    protected int waitOnce(int timeoutMillis, boolean saveErrno) {
        return saveErrno ? PosixNative.libc().poll(pollfds.pointer(), count, timeoutMillis)
                : PosixNative.libc().poll_ignoring_errno(pollfds.pointer(), count, timeoutMillis);
    }

    @Override
    protected boolean collect(ReadyBatch ready, int readyCount, int wakeFd) {
        Pointer p = pollfds.pointer();
        boolean wakeReady = false;
        int found = 0;
        for (int i = 0; i < count && found < readyCount; i++) {
            long offset = (long) i * POLLFD_SIZE;
            int revents = p.getShort(offset + 6) & 0xffff;
            if (revents == 0) {
                continue;
            }
            found++;
            if (i == 0) {
                wakeReady = true;
                continue;
            }
            int fd = p.getInt(offset);
            if (!table.contains(fd)) {
                continue;
            }
            int events = revents & Events.ALL_EVENTS;
            if ((events & Events.NVAL) != 0) {
                ready.add(fd, events, 0, table.attachment(fd));
                evict(fd);
            } else {
                ready.add(fd, events, table.serial(fd), table.attachment(fd));
            }
        }
        return wakeReady;
    }

    @Override
    protected void releaseNative() {
        pollfds.free();
    }
}
