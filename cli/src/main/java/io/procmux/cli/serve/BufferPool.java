package io.procmux.cli.serve;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of one size, reused so that a connection's output queue costs no allocation in
 * steady state. Single-threaded. Keeps at most {@code maxIdle} free buffers; beyond that a
 * returned buffer is dropped for the garbage collector (its native memory goes with it).
 */
final class BufferPool {
    private final int bufferBytes;
    private final int maxIdle;
    private final ArrayDeque<ByteBuffer> idle;

    BufferPool(int bufferBytes, int maxIdle) {
        this.bufferBytes = bufferBytes;
        this.maxIdle = maxIdle;
        this.idle = new ArrayDeque<>(Math.min(maxIdle, 1024));
    }

    /** A cleared buffer of {@link #bufferBytes()} bytes. */
    ByteBuffer take() {
        ByteBuffer buffer = idle.pollFirst();
        return buffer != null ? buffer : ByteBuffer.allocateDirect(bufferBytes);
    }

    /** Returns a buffer taken from this pool. */
    void give(ByteBuffer buffer) {
        if (idle.size() < maxIdle) {
            buffer.clear();
            idle.addFirst(buffer);
        }
    }

    int bufferBytes() {
        return bufferBytes;
    }

    int idle() {
        return idle.size();
    }
}
