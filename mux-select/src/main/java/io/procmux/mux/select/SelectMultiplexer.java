package io.procmux.mux.select;

import io.procmux.mux.Events;
import io.procmux.mux.posix.PosixMultiplexer;
import io.procmux.mux.posix.PosixNative;
import io.procmux.mux.posix.WakePipe;
import io.procmux.nativesupport.NativeBuffer;
import io.procmux.nativesupport.ReadyBatch;
import java.io.IOException;
import java.nio.LongBuffer;
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
 * of the result (set bits found with {@link Long#numberOfTrailingZeros}, stopping once every
 * ready bit was seen), plus copying the used words of the three bitmaps (Java masks, kept up to
 * date change by change) into native memory; every native access is a compiled memory access
 * through a direct buffer, no JNI call but the syscall, nothing allocated; 400 bytes of native
 * memory in all. Threads: see {@link PosixMultiplexer}.
 */
public final class SelectMultiplexer extends PosixMultiplexer {
    /** {@code FD_SETSIZE}: descriptors must be below it. */
    public static final int FD_SETSIZE = 1024;
    private static final int WORDS = FD_SETSIZE / 64;
    private static final int SET_BYTES = FD_SETSIZE / 8;
    private static final int READ = 0;
    private static final int WRITE = 1;
    private static final int EXCEPT = 2;
    /** The {@code struct timeval} follows the three sets. */
    private static final int TIMEVAL_WORD = 3 * WORDS;

    /** The three masks the registrations ask for, one after the other (read, write, except); under the lock. */
    private final long[] masks = new long[3 * WORDS];
    /**
     * The poller's copy of {@link #masks}, taken in {@link #sync}: select overwrites its sets, so
     * they are rewritten from this copy before every wait, without the lock.
     */
    private final long[] armed = new long[3 * WORDS];
    private final NativeBuffer sets = NativeBuffer.allocate(3L * SET_BYTES + 16);
    private final LongBuffer words;
    private final Pointer readSet;
    private final Pointer writeSet;
    private final Pointer exceptSet;
    private final Pointer timeval;
    private int nfds;

    private SelectMultiplexer(WakePipe wakePipe) {
        super("select", wakePipe);
        Pointer p = sets.pointer();
        words = sets.buffer().asLongBuffer();
        readSet = p.slice(0, SET_BYTES);
        writeSet = p.slice(SET_BYTES, SET_BYTES);
        exceptSet = p.slice(2L * SET_BYTES, SET_BYTES);
        timeval = p.slice(3L * SET_BYTES, 16);
        set(READ, wakePipe.readFd(), true);
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
    protected void interestChanged(int fd, int events, boolean added) {
        set(READ, fd, (events & Events.IN) != 0);
        set(WRITE, fd, (events & Events.OUT) != 0);
        set(EXCEPT, fd, (events & Events.PRI) != 0);
    }

    @Override
    protected void removed(int fd) {
        interestChanged(fd, 0, false);
    }

    private void set(int mask, int fd, boolean on) {
        int word = mask * WORDS + (fd >>> 6);
        long bit = 1L << (fd & 63);
        masks[word] = on ? masks[word] | bit : masks[word] & ~bit;
    }

    @Override
    protected void sync(int wakeFd) {
        nfds = Math.max(wakeFd, table.highest()) + 1;
        System.arraycopy(masks, 0, armed, 0, masks.length);
    }

    @Override
    protected int waitOnce(int timeoutMillis, boolean saveErrno) {
        int used = (nfds + 63) >>> 6;
        LongBuffer sets = words;
        for (int word = 0; word < used; word++) {
            sets.put(READ * WORDS + word, armed[READ * WORDS + word]);
            sets.put(WRITE * WORDS + word, armed[WRITE * WORDS + word]);
            sets.put(EXCEPT * WORDS + word, armed[EXCEPT * WORDS + word]);
        }
        @Nullable Pointer timeout = null;
        if (timeoutMillis >= 0) {
            words.put(TIMEVAL_WORD, timeoutMillis / 1000);
            words.put(TIMEVAL_WORD + 1, (timeoutMillis % 1000) * 1000L);
            timeout = timeval;
        }
        if (saveErrno) {
            return PosixNative.libc().select(nfds, readSet, writeSet, exceptSet, timeout);
        }
        return PosixNative.libc().select_ignoring_errno(nfds, readSet.address(), writeSet.address(),
                exceptSet.address(), timeout == null ? 0L : timeout.address());
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
        int used = (nfds + 63) >>> 6;
        LongBuffer sets = words;
        int found = 0;
        for (int w = 0; w < used && found < readyCount; w++) {
            long r = sets.get(READ * WORDS + w);
            long wr = sets.get(WRITE * WORDS + w);
            long e = sets.get(EXCEPT * WORDS + w);
            long any = r | wr | e;
            found += Long.bitCount(r) + Long.bitCount(wr) + Long.bitCount(e);
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
