package io.procmux.bench.mux;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.u_int64_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls the benchmarks use to make their descriptors, and the raw {@code epoll} calls of
 * {@link RawEpollWaitBenchmark} and {@code poll} of {@link RawPollWaitBenchmark}, bound by jnr-ffi
 * with its defaults (errno saved after each call). Public only
 * because jnr-ffi generates its implementation in another class loader; not an API.
 *
 * <p>Cost: one native call each; {@code socketpair} fills a Java array (used in set-up only).
 */
public interface BenchLibC {
    /** {@code socketpair(2)}. */
    int socketpair(int domain, int type, int protocol, @Out int[] fds);

    /** {@code write(2)} from a Java array. */
    @ssize_t long write(int fd, byte[] buffer, @size_t long count);

    /** {@code epoll_create1(2)}. */
    int epoll_create1(int flags);

    /** {@code epoll_ctl(2)}; {@code event} points at one {@code struct epoll_event}. */
    int epoll_ctl(int epfd, int op, int fd, Pointer event);

    /** {@code epoll_wait(2)}. */
    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);

    /** {@code poll(2)} on the {@code struct pollfd} array at {@code fds}. */
    int poll(@intptr_t long fds, @u_int64_t long nfds, int timeoutMillis);

    /** {@code close(2)}. */
    int close(int fd);
}
