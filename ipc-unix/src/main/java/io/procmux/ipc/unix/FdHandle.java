package io.procmux.ipc.unix;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns one socket descriptor and closes it exactly once, never while another thread is inside a
 * call on it: each call brackets itself with {@link #acquire()}/{@link #release()}, and
 * {@link #close()} first shuts the socket down (waking a thread blocked in {@code accept},
 * {@code recv} or {@code send}) and leaves the final {@code close(2)} to the last caller out. This
 * is what keeps a descriptor number from being reused under a blocked reader.
 *
 * <p>Cost: one atomic increment and decrement per call; no allocation.
 */
final class FdHandle {
    /** Bit 0: closed; the rest: calls in flight times two. */
    private final AtomicInteger state = new AtomicInteger();
    private final int fd;

    FdHandle(int fd) {
        this.fd = fd;
    }

    /** The descriptor number, valid while open. */
    int fd() {
        return fd;
    }

    boolean isOpen() {
        return (state.get() & 1) == 0;
    }

    /** Enters a call; throws when closed. Pair with {@link #release()} in a finally block. */
    int acquire() throws ClosedChannelException {
        while (true) {
            int s = state.get();
            if ((s & 1) != 0) {
                throw new ClosedChannelException();
            }
            if (state.compareAndSet(s, s + 2)) {
                return fd;
            }
        }
    }

    /** Leaves a call; the last one out after {@link #close()} closes the descriptor. */
    void release() {
        if (state.addAndGet(-2) == 1) {
            SocketNative.libc().close(fd);
        }
    }

    /**
     * Closes now, or when the last call in flight returns. When other threads are inside a call,
     * the socket is shut down first so that they return; otherwise it is not (a descriptor passed
     * to another process keeps working there). Idempotent.
     */
    void close() {
        try {
            acquire();
        } catch (ClosedChannelException e) {
            return;
        }
        int before = state.getAndUpdate(s -> s | 1);
        if ((before & 1) == 0 && before > 2) {
            SocketNative.libc().shutdown(fd, SocketNative.SHUT_RDWR);   // wake blocked callers
        }
        release();
    }
}
