package io.procmux.mux.posix;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import org.jspecify.annotations.Nullable;

/**
 * The libc functions the {@code select} and {@code poll} backends call, bound by jnr-ffi.
 * Internal; obtained through {@link PosixNative#libc()}.
 *
 * <p>Cost: each call is one native call (a syscall);
 * calls taking a {@link Pointer} to direct memory allocate nothing on the Java heap.
 */
public interface PosixLibC {
    /** {@code poll(2)}; {@code nfds} is passed as a machine word, which fits both Linux and BSD. */
    int poll(@Nullable Pointer fds, long nfds, int timeoutMillis);

    /**
     * {@code poll(2)} without saving errno (bound to the same symbol by {@link PosixNative}): about
     * 0.1 µs cheaper per call. The array is passed as its address, so that every argument is a
     * primitive and jnr-ffi takes its cheapest call path. When it returns -1, call {@link #poll} to
     * learn why.
     */
    @IgnoreError
    int poll_ignoring_errno(@intptr_t long fds, long nfds, int timeoutMillis);

    /** {@code select(2)}; a null pointer stands for a missing set or an infinite timeout. */
    int select(int nfds, @Nullable Pointer readFds, @Nullable Pointer writeFds, @Nullable Pointer exceptFds,
            @Nullable Pointer timeout);

    /**
     * {@link #select} without saving errno, as {@link #poll_ignoring_errno} is to {@link #poll}:
     * the sets and the timeout by address, 0 for none.
     */
    @IgnoreError
    int select_ignoring_errno(int nfds, @intptr_t long readFds, @intptr_t long writeFds, @intptr_t long exceptFds,
            @intptr_t long timeout);

    /** {@code pipe2(2)}, Linux only. */
    int pipe2(@Out int[] fds, int flags);

    /** {@code pipe(2)}. */
    int pipe(@Out int[] fds);

    /** {@code fcntl(2)} with an int argument. */
    int fcntl(int fd, int cmd, int arg);

    /** {@code read(2)}. */
    @ssize_t long read(int fd, Pointer buffer, @size_t long count);

    /** {@code write(2)}. */
    @ssize_t long write(int fd, Pointer buffer, @size_t long count);

    /** {@code close(2)}. */
    int close(int fd);

    /** {@code getpid(2)}. */
    int getpid();
}
