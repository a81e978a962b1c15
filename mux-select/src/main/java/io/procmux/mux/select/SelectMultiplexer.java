package io.procmux.mux.select;

import io.procmux.mux.Events;
import io.procmux.mux.posix.NativeBuffer;
import io.procmux.mux.posix.PosixMultiplexer;
import io.procmux.mux.posix.PosixNative;
import io.procmux.mux.posix.ReadyBatch;
import io.procmux.mux.posix.WakePipe;
import java.io.IOException;
import java.util.Arrays;
import jnr.ffi.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code select} multiplexer: {@code select(2)} through jnr-ffi over three off-heap
 * {@code fd_set} bitmaps, limited to descriptors below {@code FD_SETSIZE} (1024). A larger
 * descriptor is refused with {@link UnsupportedOperationException} before any memory is written.
 *
 * <p>Events: {@link Events#IN} (readable, which includes end-of-file and errors), {@link Events#OUT}
 * and {@link Events#PRI} (exceptional condition); select cannot tell HUP or ERR apart from IN and
 * cannot watch RDHUP. A descriptor closed while registered makes select fail with {@code EBADF};
 * it is then found with {@code fcntl(F_GETFD)}, reported once with {@link Events#NVAL} and evicted.
 *
 * <p>Cost: per wait one {@code select} syscall, O(highest descriptor) in the kernel and in the scan
 * of the result, plus copying at most 384 bytes of bitmaps into native memory; 400 bytes of
 * native memory in all. Threads: see {@link PosixMultiplexer}.
 */
public final class SelectMultiplexer extends PosixMultiplexer {
    /** {@code FD_SETSIZE}: descriptors must be below it. */
    public static final int FD_SETSIZE = 1024;
    private static final int WORDS = FD_SETSIZE / 64;
    private static final int SET_BYTES = FD_SETSIZE / 8;

    private final long[] readMask = new long[WORDS];
    private final long[] writeMask = new long[WORDS];
    private final long[] exceptMask = new long[WORDS];
    private final NativeBuffer sets = NativeBuffer.allocate(3L * SET_BYTES + 16);
    private final Pointer readSet;
    private final Pointer writeSet;
    private final Pointer exceptSet;
    private final Pointer timeval;
    private int nfds;

    private SelectMultiplexer(WakePipe wakePipe) {
        super("select", wakePipe);
        Pointer p = sets.pointer();
        readSet = p.slice(0, SET_BYTES);
        writeSet = p.slice(SET_BYTES, SET_BYTES);
        exceptSet = p.slice(2L * SET_BYTES, SET_BYTES);
        timeval = p.slice(3L * SET_BYTES, 16);
    }

    /**
     * Opens a select multiplexer: creates its wake-up pipe.
     *
     * @throws IOException when the pipe cannot be created or lands at or above FD_SETSIZE
     */
    static SelectMultiplexer open() throws IOException {
        WakePipe pipe = WakePipe.open();
        if (pipe.readFd() >= FD_SETSIZE) {
            int fd = pipe.readFd();
            pipe.close();
            throw new IOException("The select multiplexer needs its wake-up pipe below FD_SETSIZE (" + FD_SETSIZE
                    + ") but got fd " + fd + ": too many descriptors are open; use poll or epoll");
        }
        return new SelectMultiplexer(pipe);
    }

    @Override
    protected void checkSupported(int fd, int events) {
        if (fd >= FD_SETSIZE) {
            throw new UnsupportedOperationException("The select multiplexer cannot watch fd " + fd
                    + ": select(2) is limited to descriptors below FD_SETSIZE (" + FD_SETSIZE + "); use poll or epoll");
        }
        refuseFlags(events);
        if ((events & Events.RDHUP) != 0) {
            throw new UnsupportedOperationException("The select multiplexer cannot watch RDHUP; use poll or epoll, "
                    + "or watch IN and read end-of-file");
        }
    }

    @Override
    protected void rebuild(int wakeFd) {
        Arrays.fill(readMask, 0L);
        Arrays.fill(writeMask, 0L);
        Arrays.fill(exceptMask, 0L);
        set(readMask, wakeFd);
        int highest = wakeFd;
        for (int fd = 0, last = table.highest(); fd <= last; fd++) {
            if (table.contains(fd)) {
                int interest = table.interest(fd);
                if ((interest & Events.IN) != 0) {
                    set(readMask, fd);
                }
                if ((interest & Events.OUT) != 0) {
                    set(writeMask, fd);
                }
                if ((interest & Events.PRI) != 0) {
                    set(exceptMask, fd);
                }
                highest = Math.max(highest, fd);
            }
        }
        nfds = highest + 1;
    }

    private static void set(long[] mask, int fd) {
        mask[fd >>> 6] |= 1L << (fd & 63);
    }

    @Override
    protected int waitOnce(int timeoutMillis, boolean saveErrno) {
        int words = (nfds + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            readSet.putLong(8L * w, readMask[w]);
            writeSet.putLong(8L * w, writeMask[w]);
            exceptSet.putLong(8L * w, exceptMask[w]);
        }
        @Nullable Pointer timeout = null;
        if (timeoutMillis >= 0) {
            timeval.putLong(0, timeoutMillis / 1000);
            timeval.putLong(8, (timeoutMillis % 1000) * 1000L);
            timeout = timeval;
        }
        return saveErrno ? PosixNative.libc().select(nfds, readSet, writeSet, exceptSet, timeout)
                : PosixNative.libc().select_ignoring_errno(nfds, readSet, writeSet, exceptSet, timeout);
    }

    @Override
    protected boolean recover(int errno) {
        return errno == PosixNative.EBADF;
    }

    @Override
    protected boolean collect(ReadyBatch ready, int readyCount, int wakeFd) throws IOException {
        if (readyCount < 0) {
            collectClosed(ready);
            return false;
        }
        boolean wakeReady = false;
        int words = (nfds + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long r = readSet.getLong(8L * w);
            long wr = writeSet.getLong(8L * w);
            long e = exceptSet.getLong(8L * w);
            long any = r | wr | e;
            while (any != 0) {
                int bit = Long.numberOfTrailingZeros(any);
                long mask = 1L << bit;
                any &= ~mask;
                int fd = (w << 6) + bit;
                if (fd == wakeFd) {
                    wakeReady = true;
                    continue;
                }
                if (!table.contains(fd)) {
                    continue;
                }
                int events = ((r & mask) != 0 ? Events.IN : 0) | ((wr & mask) != 0 ? Events.OUT : 0)
                        | ((e & mask) != 0 ? Events.PRI : 0);
                ready.add(fd, events, table.serial(fd), table.attachment(fd));
            }
        }
        return wakeReady;
    }

    /** After EBADF: finds the registered descriptors that are closed, reports NVAL once and evicts them. */
    private void collectClosed(ReadyBatch ready) throws IOException {
        int found = 0;
        for (int fd = 0, last = table.highest(); fd <= last; fd++) {
            if (table.contains(fd) && PosixNative.libc().fcntl(fd, PosixNative.F_GETFD, 0) < 0
                    && PosixNative.errno() == PosixNative.EBADF) {
                ready.add(fd, Events.NVAL, 0, table.attachment(fd));
                evict(fd);
                found++;
            }
        }
        if (found == 0) {
            throw new IOException("select failed with EBADF but every registered descriptor is open");
        }
    }

    @Override
    protected void releaseNative() {
        sets.free();
    }
}
