package io.procmux.ipc.unix;

import com.kenai.jffi.MemoryIO;
import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;
import sun.misc.Unsafe;

/**
 * Native addresses of buffers for the zero-copy calls: a direct buffer is used in place (its base
 * address plus its position); a heap buffer goes through a per-connection, per-direction direct
 * bounce buffer, because the kernel cannot see into the Java heap.
 *
 * <p>The base address is read from the buffer's own {@code address} field, located once through
 * {@code sun.misc.Unsafe} (module {@code jdk.unsupported}); where that is not possible the JNI
 * look-up of jffi is used instead, which costs a native call per use.
 *
 * <p>Cost: one plain memory read for a direct buffer; a copy for a heap buffer. No allocation.
 */
final class IoBuffers {
    /** Bounce buffers are this large; a bigger heap transfer takes several calls. */
    static final int BOUNCE_SIZE = 64 * 1024;

    private static final @Nullable Unsafe UNSAFE;
    private static final long ADDRESS_OFFSET;

    static {
        Unsafe unsafe = null;
        long offset = -1;
        try {
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafe = (Unsafe) theUnsafe.get(null);
            offset = unsafe.objectFieldOffset(Buffer.class.getDeclaredField("address"));
            ByteBuffer probe = ByteBuffer.allocateDirect(1);
            if (unsafe.getLong(probe, offset) != MemoryIO.getInstance().getDirectBufferAddress(probe)) {
                unsafe = null;   // the field is not what we think it is: use the JNI look-up
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsafe = null;
        }
        UNSAFE = unsafe;
        ADDRESS_OFFSET = unsafe == null ? -1 : offset;
    }

    private IoBuffers() {
    }

    /** The native address of {@code buffer}'s position; {@code buffer} must be direct. */
    static long address(ByteBuffer buffer) {
        Unsafe unsafe = UNSAFE;
        long base = unsafe != null ? unsafe.getLong(buffer, ADDRESS_OFFSET)
                : MemoryIO.getInstance().getDirectBufferAddress(buffer);
        return base + buffer.position();
    }

    /**
     * Refuses a read-only buffer as the destination of a receive before any byte is taken from the
     * socket (the kernel would write into a read-only direct buffer; a heap one would lose the bytes).
     */
    static void checkWritable(ByteBuffer dst) {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("Cannot receive into a read-only buffer (" + dst + ")");
        }
    }

    /** Whether {@link #address} reads the field (true) or makes the JNI call (false). */
    static boolean readsField() {
        return UNSAFE != null;
    }

    /** A fresh direct bounce buffer. */
    static ByteBuffer bounce() {
        return ByteBuffer.allocateDirect(BOUNCE_SIZE);
    }
}
