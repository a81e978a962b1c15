package io.procmux.pool.local;

import io.procmux.ipc.UnixConnection;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The parent's side of a worker's control socket: frames appended to the worker's outgoing buffer,
 * non-blocking writes that ask the multiplexer for {@code OUT} only while bytes are left over (and
 * put a socket that a leading caller parked back in it, see {@link DirectApply}), and non-blocking
 * reads. Called with the pool's lock held.
 *
 * <p>Cost: no allocation unless a buffer has to grow; one {@code write(2)} per flush while the
 * socket takes the bytes.
 */
final class ControlChannel {
    private ControlChannel() {
    }

    /** Appends one frame. */
    static void append(Worker w, byte kind, long id, byte[] payload, int offset, int length) {
        w.outBuf = Frames.grow(w.outBuf, Frames.HEADER_BYTES + length);
        Frames.putHeader(w.outBuf, kind, id, length);
        w.outBuf.put(payload, offset, length);
        w.dirty = true;
    }

    /** Appends the registry's names this worker has not been told yet, if any (null: the codec lists nothing). */
    static void announce(Worker w, @Nullable ClassRegistry classes) {
        int size = classes == null ? 0 : classes.size();
        if (w.classesSent < size) {
            byte[] names = classes.encode(w.classesSent, size);
            append(w, Frames.ALLOW, 0, names, 0, names.length);
            w.classesSent = size;
        }
    }

    /**
     * Appends a task, preceded by the class names its decoding needs and by its function when this
     * worker has not cached it (mirroring its LRU).
     */
    static void appendTask(Worker w, Task t, @Nullable ClassRegistry classes) {
        announce(w, classes);
        if (w.knownFunctions.get(t.fn.id) == null) {
            append(w, Frames.FUNC, t.fn.id, t.fn.bytes, 0, t.fn.bytes.length);
            w.knownFunctions.put(t.fn.id, Boolean.TRUE);
        }
        w.outBuf = Frames.grow(w.outBuf, Frames.HEADER_BYTES + Frames.TASK_PREFIX + t.argument.length);
        Frames.putHeader(w.outBuf, Frames.TASK, t.id, Frames.TASK_PREFIX + t.argument.length);
        w.outBuf.putLong(t.fn.id).put(t.mode).put(t.argument);
        w.dirty = true;
        if (w.inflight.isEmpty()) {
            w.headSince = System.nanoTime();
        }
        w.inflight.addLast(t);
        w.tasksSent++;
    }

    /**
     * Writes what the socket takes now; the rest waits for {@code OUT}.
     *
     * @return false when the socket is dead (the caller closes it)
     */
    static boolean flush(Worker w, Multiplexer mux) {
        UnixConnection c = w.connection;
        if (c == null) {
            return true;
        }
        w.dirty = false;
        w.outBuf.flip();
        try {
            while (w.outBuf.hasRemaining() && c.write(w.outBuf) > 0) {
                // keep writing while the socket takes bytes
            }
            boolean more = w.outBuf.hasRemaining();
            if (!w.led) {   // a led worker's socket is out of the multiplexer until it is handed back
                interest(w, c, mux, more);
            }
            w.writeInterest = more;
        } catch (IOException | RuntimeException e) {
            w.outBuf.clear();
            return false;
        }
        w.outBuf.compact();
        return true;
    }

    /**
     * Puts the worker's socket back in the pool's multiplexer if a leading caller left it out
     * ({@link DirectApply} parks an idle worker's socket there until the pool sends it something).
     *
     * @throws IOException when the multiplexer refuses it
     */
    static void watch(Worker w, Multiplexer mux) throws IOException {
        UnixConnection c = w.connection;
        if (c != null) {
            interest(w, c, mux, w.writeInterest);
        }
    }

    /** Registers the socket with IN (and OUT while bytes wait), or changes its interest when that changed. */
    private static void interest(Worker w, UnixConnection c, Multiplexer mux, boolean out) throws IOException {
        int events = out ? Events.IN | Events.OUT : Events.IN;
        if (!mux.isRegistered(c.fd())) {
            mux.register(c.fd(), events, w);
        } else if (out != w.writeInterest) {
            mux.modify(c.fd(), events);
        }
    }

    /**
     * Reads into {@code buf} until it is full or the socket was drained: -1 at end of stream or on
     * error. A read that returns less than it asked for drained the socket, so no second read is
     * spent to learn that (the level-triggered multiplexer reports whatever arrives later).
     */
    static int fill(UnixConnection c, ByteBuffer buf) {
        try {
            while (buf.hasRemaining()) {
                int asked = buf.remaining();
                int n = c.read(buf);
                if (n < 0) {
                    return -1;
                }
                if (n < asked) {
                    return 0;
                }
            }
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Stops watching and closes the worker's control socket. */
    static void close(Worker w, Multiplexer mux) {
        UnixConnection c = w.connection;
        if (c != null) {
            unregister(mux, c.fd());
            closeQuietly(c);
            w.connection = null;
        }
    }

    /** Unregisters {@code fd} if it is registered. */
    static void unregister(Multiplexer mux, int fd) {
        try {
            if (mux.isRegistered(fd)) {
                mux.unregister(fd);
            }
        } catch (IOException | IllegalArgumentException e) {
            // already gone
        }
    }

    static void closeQuietly(@Nullable AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing more to do
            }
        }
    }
}
