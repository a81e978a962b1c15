package io.procmux.pool.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The control-channel framing shared by the parent and its workers. Every frame is a 13-byte
 * header followed by {@code length} payload bytes. The header is the Python struct format
 * {@value #HEADER_FORMAT}: payload length (unsigned 32-bit), frame kind (unsigned byte), and a
 * 64-bit id (task id, function id, or the worker's pid in {@link #HELLO}), little-endian, no padding.
 * It is written with plain {@link ByteBuffer}s so the pool depends on the api only.
 *
 * <p>Parent to worker: {@link #INIT} (payload: the encoded initializer, or empty), {@link #FUNC}
 * (id: function id; payload: the encoded function), {@link #TASK} (id: task id; payload: the
 * function id as a little-endian int64, one {@code MODE_*} byte, the encoded argument),
 * {@link #STOP}, {@link #ALLOW} (payload: application class names, one per line, UTF-8, that the
 * worker's allow-list admits from now on; sent before the first frame that needs them, see
 * {@link ClassRegistry}). Worker to parent: {@link #HELLO} (id: pid; payload: the one-time token),
 * {@link #OUTPUT} (first and only frame on an extra connection in path mode, id: 1 for stdout or 2
 * for stderr; payload: the token; the rest of that connection is the stream, see
 * {@link WorkerStreams}),
 * {@link #INIT_OK}, {@link #INIT_ERR} (payload: the encoded exception), {@link #RESULT},
 * {@link #ERROR} (id: task id; payload: the task's run time in nanoseconds as a little-endian
 * int64, then the encoded result or exception).
 *
 * <p>Cost: static helpers only; nothing allocates except {@link #grow}.
 */
final class Frames {
    /** The header as a Python struct format. */
    static final String HEADER_FORMAT = "<IBq";
    static final int HEADER_BYTES = 13;
    /** The largest payload accepted, 1 GiB: a bigger length is a corrupt stream. */
    static final int MAX_PAYLOAD = 1 << 30;

    static final byte HELLO = 1;
    static final byte INIT = 2;
    static final byte INIT_OK = 3;
    static final byte INIT_ERR = 4;
    static final byte FUNC = 5;
    static final byte TASK = 6;
    static final byte RESULT = 7;
    static final byte ERROR = 8;
    static final byte STOP = 9;
    static final byte ALLOW = 10;
    static final byte OUTPUT = 11;

    /** fn(arg). */
    static final byte MODE_APPLY = 0;
    /** fn over each element of an Object[] chunk, giving an Object[]. */
    static final byte MODE_CHUNK = 1;
    /** a two-argument fn over each Object[2] pair of an Object[] chunk, giving an Object[]. */
    static final byte MODE_STAR_CHUNK = 2;

    /** Bytes of the task payload prefix: function id and mode. */
    static final int TASK_PREFIX = 9;
    /** Bytes of the result payload prefix: how long the task ran in the worker, in nanoseconds. */
    static final int RESULT_PREFIX = 8;

    private Frames() {
    }

    /** A little-endian heap buffer of {@code capacity} bytes. */
    static ByteBuffer buffer(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code buf} if it has room for {@code extra} more bytes, else a bigger copy (in write mode). */
    static ByteBuffer grow(ByteBuffer buf, int extra) {
        if (buf.remaining() >= extra) {
            return buf;
        }
        long need = (long) buf.position() + extra;
        if (need > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("control buffer would exceed 2 GiB");
        }
        int capacity = (int) Math.max(need, Math.min((long) buf.capacity() * 2, Integer.MAX_VALUE - 16));
        ByteBuffer bigger = buffer(capacity);
        buf.flip();
        bigger.put(buf);
        return bigger;
    }

    /** Appends a header; the caller appends exactly {@code length} payload bytes next. */
    static void putHeader(ByteBuffer out, byte kind, long id, int length) {
        out.putInt(length).put(kind).putLong(id);
    }

    /**
     * The payload length of the frame starting at {@code in}'s position, or -1 when the header is
     * not complete yet.
     *
     * @throws IllegalStateException for a length beyond {@link #MAX_PAYLOAD}
     */
    static int payloadLength(ByteBuffer in) {
        if (in.remaining() < HEADER_BYTES) {
            return -1;
        }
        long length = Integer.toUnsignedLong(in.getInt(in.position()));
        if (length > MAX_PAYLOAD) {
            throw new IllegalStateException("control frame of " + length + " bytes exceeds the limit of "
                    + MAX_PAYLOAD + " bytes: the stream is corrupt");
        }
        return (int) length;
    }

    /** The kind byte of the frame at {@code in}'s position (header complete). */
    static byte kind(ByteBuffer in) {
        return in.get(in.position() + 4);
    }

    /** The id of the frame at {@code in}'s position (header complete). */
    static long id(ByteBuffer in) {
        return in.getLong(in.position() + 5);
    }
}
