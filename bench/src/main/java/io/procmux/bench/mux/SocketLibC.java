package io.procmux.bench.mux;

import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls the benchmarks use to make their descriptors, bound by jnr-ffi. Public only
 * because jnr-ffi generates its implementation in another class loader; not an API.
 *
 * <p>Cost: one native call each; {@code socketpair} fills a Java array (used in set-up only).
 */
public interface SocketLibC {
    /** {@code socketpair(2)}. */
    int socketpair(int domain, int type, int protocol, @Out int[] fds);

    /** {@code write(2)} from a Java array. */
    @ssize_t long write(int fd, byte[] buffer, @size_t long count);

    /** {@code close(2)}. */
    int close(int fd);
}
