package io.procmux.mux.epoll;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The Linux libc functions the {@code epoll} backend calls, bound by jnr-ffi. Public only because
 * jnr-ffi generates its implementation in another class loader; not an API.
 *
 * <p>Cost: each call is one native call (a syscall);
 * calls taking a {@link Pointer} to direct memory allocate nothing on the Java heap.
 */
public interface EpollLibC {
    /** {@code epoll_create1(2)}. */
    int epoll_create1(int flags);

    /** {@code epoll_ctl(2)}; {@code event} points at one {@code struct epoll_event}. */
    int epoll_ctl(int epfd, int op, int fd, Pointer event);

    /** {@code epoll_wait(2)}. */
    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);

    /**
     * {@code epoll_wait(2)} without saving errno (bound to the same symbol by {@link EpollNative}):
     * about 0.1 µs cheaper per call. The array is passed as its address, so every argument is a
     * primitive and jnr-ffi can use its cheapest call path. When it returns -1, call
     * {@link #epoll_wait} to learn why.
     */
    @IgnoreError
    int epoll_wait_ignoring_errno(int epfd, @intptr_t long events, int maxEvents, int timeoutMillis);

    /** {@code eventfd(2)}. */
    int eventfd(int initialValue, int flags);

    /** {@code read(2)}. */
    @ssize_t long read(int fd, Pointer buffer, @size_t long count);

    /** {@code write(2)}. */
    @ssize_t long write(int fd, Pointer buffer, @size_t long count);

    /** {@code close(2)}. */
    int close(int fd);

    /** {@code getpid(2)}. */
    int getpid();
}
