package io.procmux.nativesupport;

import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import org.jspecify.annotations.Nullable;

/**
 * The libc functions the shared native helpers call (memory and {@code getpid}), bound by jnr-ffi.
 * Public only because jnr-ffi generates its implementation in another class loader; obtained
 * through {@link SupportNative#libc()}.
 *
 * <p>Cost: each call is one native call ({@code calloc}/{@code free} stay in user space, the
 * others are one syscall each); nothing is allocated on the Java heap.
 */
public interface SupportLibC {
    /** {@code getpid(2)}. */
    int getpid();

    /** {@code mmap(2)}; returns {@code MAP_FAILED} (address -1) on failure. */
    Pointer mmap(@Nullable Pointer address, @size_t long length, int protection, int flags, int fd, long offset);

    /** {@code munmap(2)}. */
    int munmap(Pointer address, @size_t long length);

    /** {@code madvise(2)}, used on Linux only. */
    int madvise(Pointer address, @size_t long length, int advice);

    /** {@code calloc(3)}. */
    Pointer calloc(@size_t long count, @size_t long size);

    /** {@code free(3)}. */
    void free(Pointer pointer);
}
