package io.procmux.ipc.unix;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;

/**
 * Native addresses of buffers for the zero-copy calls: a direct buffer is used in place (its base
 * address plus its position); a heap buffer goes through a per-connection, per-direction direct
 * bounce buffer, because the kernel cannot see into the Java heap.
 *
 * <p>Cost: one JNI-free field read for a direct buffer; a copy for a heap buffer.
 */
final class IoBuffers {
    /** Bounce buffers are this large; a bigger heap transfer takes several calls. */
    static final int BOUNCE_SIZE = 64 * 1024;

    private IoBuffers() {
    }

    /** The native address of {@code buffer}'s position; {@code buffer} must be direct. */
    static long address(ByteBuffer buffer) {
        return MemoryIO.getInstance().getDirectBufferAddress(buffer) + buffer.position();
    }

    /** A fresh direct bounce buffer. */
    static ByteBuffer bounce() {
        return ByteBuffer.allocateDirect(BOUNCE_SIZE);
    }
}
