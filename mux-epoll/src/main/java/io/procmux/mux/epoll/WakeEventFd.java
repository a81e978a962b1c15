package io.procmux.mux.epoll;

import io.procmux.nativesupport.NativeBuffer;
import java.io.IOException;

/**
 * The eventfd that ends a wait early: {@link #signal()} adds 1 to its counter, the poller watches
 * it and {@link #drain()}s it. Non-blocking and close-on-exec, so even an unthrottled flood of
 * signals never blocks (the multiplexer also coalesces them).
 *
 * <p>Cost: one descriptor and 16 bytes of native memory; one {@code write} per signal, one
 * {@code read} per drain; allocates nothing after construction. {@link #signal()} is thread-safe;
 * {@link #drain()} is for the polling thread.
 */
final class WakeEventFd {
    private final EpollLibC libc;
    private final int fd;
    private final NativeBuffer one;
    private final NativeBuffer scratch;

    private WakeEventFd(EpollLibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
        this.one = NativeBuffer.allocate(8);
        this.one.pointer().putLong(0, 1L);
        this.scratch = NativeBuffer.allocate(8);
    }

    static WakeEventFd open() throws IOException {
        EpollLibC libc = EpollNative.libc();
        int fd = libc.eventfd(0, EpollNative.EFD_CLOEXEC | EpollNative.EFD_NONBLOCK);
        if (fd < 0) {
            throw new IOException("eventfd failed: " + EpollNative.describe(EpollNative.errno()));
        }
        return new WakeEventFd(libc, fd);
    }

    int fd() {
        return fd;
    }

    void signal() {
        libc.write(fd, one.pointer(), 8);
    }

    void drain() {
        libc.read(fd, scratch.pointer(), 8);
    }

    void close() {
        libc.close(fd);
        one.free();
        scratch.free();
    }
}
