package io.procmux.pool.local;

import io.procmux.codec.Codec;
import io.procmux.ipc.UnixConnection;

/**
 * The parent's reading side of a worker's control socket: splits what arrived into frames for a
 * {@link Handler}, and turns result payloads into task outcomes.
 *
 * <p>Cost: frames are handed over as slices of the worker's buffer; only result payloads are copied
 * (they are decoded later, outside the pool's lock).
 */
final class Inbound {
    private Inbound() {
    }

    /** Handles one complete frame; the payload is valid only during the call. */
    interface Handler {
        void frame(Worker w, byte kind, long id, byte[] data, int offset, int length);
    }

    /**
     * Reads what the worker's socket holds and hands every complete frame to {@code handler}.
     *
     * @return false when the stream ended, failed, or the handler refused a frame (the caller
     *     closes the channel)
     */
    static boolean read(Worker w, Handler handler) {
        UnixConnection c = w.connection;
        if (c == null) {
            return true;
        }
        int status = ControlChannel.fill(c, w.inBuf);
        w.inBuf.flip();
        try {
            while (true) {
                int length = Frames.payloadLength(w.inBuf);
                if (length < 0 || w.inBuf.remaining() < Frames.HEADER_BYTES + length) {
                    break;
                }
                byte kind = Frames.kind(w.inBuf);
                long id = Frames.id(w.inBuf);
                int start = w.inBuf.position() + Frames.HEADER_BYTES;
                w.inBuf.position(start + length);
                handler.frame(w, kind, id, w.inBuf.array(), start, length);
            }
            int length = Frames.payloadLength(w.inBuf);
            w.inBuf.compact();
            w.inBuf = Frames.grow(w.inBuf, length < 0 ? 4096 : Frames.HEADER_BYTES + length);
        } catch (RuntimeException e) {
            return false;
        }
        return status >= 0;
    }

    /** Decodes a RESULT or ERROR payload and completes the task with it. */
    static void deliver(Codec<Object> codec, Task t, boolean ok, byte[] payload) {
        Object value;
        try {
            value = codec.decode(payload, 0, payload.length);
        } catch (RuntimeException e) {
            t.outcome.failed(e);
            return;
        }
        if (ok) {
            t.outcome.succeeded(value);
        } else {
            t.outcome.failed(value instanceof Throwable th ? th
                    : new IllegalStateException("the worker reported a failure that is not an exception: " + value));
        }
    }

    /** Decodes an exception payload; a payload that does not decode becomes the decoding failure. */
    static Throwable decodeFailure(Codec<Object> codec, byte[] data, int offset, int length) {
        try {
            Object o = codec.decode(data, offset, length);
            return o instanceof Throwable t ? t : new IllegalStateException(String.valueOf(o));
        } catch (RuntimeException e) {
            return e;
        }
    }
}
