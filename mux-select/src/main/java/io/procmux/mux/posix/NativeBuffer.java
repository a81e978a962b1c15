package io.procmux.mux.posix;

import jnr.ffi.Pointer;

/**
 * A zeroed block of native memory from {@code calloc}, released explicitly by {@link #free()}
 * (not by the garbage collector), seen through a bounds-checked jnr {@link Pointer}. Internal.
 *
 * <p>Cost: one {@code calloc} and one small wrapper object per allocation; reads and writes
 * through {@link #pointer()} allocate nothing. Not thread-safe.
 */
public final class NativeBuffer {
    private final Pointer raw;
    private final Pointer pointer;
    private final long size;
    private boolean freed;

    private NativeBuffer(Pointer raw, long size) {
        this.raw = raw;
        this.size = size;
        this.pointer = PosixNative.runtime().getMemoryManager().newPointer(raw.address(), size);
    }

    /**
     * Allocates {@code size} zeroed bytes.
     *
     * @throws OutOfMemoryError when calloc fails
     */
    public static NativeBuffer allocate(long size) {
        Pointer raw = PosixNative.libc().calloc(1, Math.max(1, size));
        if (raw == null || raw.address() == 0) {
            throw new OutOfMemoryError("calloc(" + size + ") failed");
        }
        return new NativeBuffer(raw, size);
    }

    /** The memory; valid until {@link #free()}. */
    public Pointer pointer() {
        return pointer;
    }

    /** Its size in bytes. */
    public long size() {
        return size;
    }

    /** Returns the memory to libc; idempotent. */
    public void free() {
        if (!freed) {
            freed = true;
            PosixNative.libc().free(raw);
        }
    }
}
