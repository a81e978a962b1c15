package io.procmux.nativesupport;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Pointer;

/**
 * A zeroed block of native memory from {@code calloc}, released explicitly by {@link #free()}
 * (not by the garbage collector), seen two ways: a bounds-checked jnr {@link Pointer} to hand to
 * native calls, and a {@link ByteBuffer} in native byte order for reading and writing from Java.
 * The buffer is the fast side: its accesses are plain memory accesses compiled by the JIT, where
 * each {@link Pointer} access is a JNI call. Neither may be used after {@link #free()}.
 *
 * <p>Cost: one {@code calloc} and three small objects per allocation; accesses allocate nothing.
 * Not thread-safe.
 */
public final class NativeBuffer {
    /** The largest size: a {@link ByteBuffer} is indexed by {@code int}. */
    public static final long MAX_SIZE = Integer.MAX_VALUE;

    private final Pointer raw;
    private final Pointer pointer;
    private final ByteBuffer buffer;
    private final long size;
    private boolean freed;

    private NativeBuffer(Pointer raw, long size) {
        this.raw = raw;
        this.size = size;
        this.pointer = SupportNative.runtime().getMemoryManager().newPointer(raw.address(), size);
        this.buffer = MemoryIO.getInstance().newDirectByteBuffer(raw.address(), (int) size)
                .order(ByteOrder.nativeOrder());
    }

    /**
     * Allocates {@code size} zeroed bytes.
     *
     * @throws IllegalArgumentException when {@code size} is negative or above {@link #MAX_SIZE}
     * @throws OutOfMemoryError when calloc fails
     */
    public static NativeBuffer allocate(long size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("Cannot allocate a native buffer of " + size
                    + " bytes: the size must be between 0 and " + MAX_SIZE);
        }
        Pointer raw = SupportNative.libc().calloc(1, Math.max(1, size));
        if (raw == null || raw.address() == 0) {
            throw new OutOfMemoryError("calloc(" + size + ") failed");
        }
        return new NativeBuffer(raw, size);
    }

    /** The memory as a jnr pointer, for native calls; valid until {@link #free()}. */
    public Pointer pointer() {
        return pointer;
    }

    /**
     * The memory as a buffer in native byte order, for reads and writes from Java; use absolute
     * accesses (its position is shared). Valid until {@link #free()}.
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Its size in bytes. */
    public long size() {
        return size;
    }

    /** Returns the memory to libc; idempotent. */
    public void free() {
        if (!freed) {
            freed = true;
            SupportNative.libc().free(raw);
        }
    }
}
