package io.procmux.spawn.posix;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A raw descriptor this backend owns, closed exactly once however many paths (explicit close,
 * a {@link java.lang.ref.Cleaner}) try. Holds no reference to the object that uses it, so it can
 * be the action of a Cleaner registered on that object.
 *
 * <p>Cost: one {@code close(2)} when closed; nothing else.
 */
final class OwnedFd implements Runnable {
    private final LibC libc;
    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    OwnedFd(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    /** The descriptor number. */
    int fd() {
        return fd;
    }

    /** Whether {@link #close()} ran. */
    boolean isClosed() {
        return closed.get();
    }

    /** Closes the descriptor the first time; later calls do nothing. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            libc.close(fd);
        }
    }

    /** Same as {@link #close()}, for a Cleaner. */
    @Override
    public void run() {
        close();
    }
}
