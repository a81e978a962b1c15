package io.procmux.pool.local;

import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Signal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Path mode's accept side: connections accepted on the pool's private socket stay anonymous until
 * their first frame, a {@code HELLO} carrying a worker's one-time token (its control channel) or an
 * {@code OUTPUT} with it (one of its live output streams, {@link WorkerStreams}); a connection with
 * a wrong or missing token is closed. Called on the I/O thread with the pool's lock held.
 *
 * <p>Cost: one small buffer per pending connection.
 */
final class Handshakes {
    private static final int MAX_TOKEN = 256;

    private final Multiplexer mux;
    private final List<Pending> pending = new ArrayList<>();

    Handshakes(Multiplexer mux) {
        this.mux = mux;
    }

    /** Whether two tokens are equal, in time independent of where they differ. */
    static boolean sameToken(String expected, String got) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), got.getBytes(StandardCharsets.US_ASCII));
    }

    /** Accepts every waiting connection and watches it for its hello. */
    void accept(UnixServer server) {
        try {
            for (var c = server.acceptNow(); c.isPresent(); c = server.acceptNow()) {
                UnixConnection conn = c.get();
                conn.configureBlocking(false);
                Pending p = new Pending(conn);
                pending.add(p);
                mux.register(conn.fd(), Events.IN, p);
            }
        } catch (IOException e) {
            System.getLogger(Handshakes.class.getName()).log(System.Logger.Level.WARNING, "accept failed", e);
        }
    }

    /**
     * Reads a pending connection's hello. Returns the starting worker whose token it presented,
     * with the connection attached and watched, or null (still incomplete, or refused and closed).
     */
    @Nullable Worker readHello(Pending p, List<Worker> workers) {
        int status = ControlChannel.fill(p.connection, p.inBuf);
        ByteBuffer view = p.inBuf.duplicate().order(p.inBuf.order()).flip();
        int length = Frames.payloadLength(view);
        boolean complete = length >= 0 && length <= MAX_TOKEN && view.remaining() >= Frames.HEADER_BYTES + length;
        if (!complete && status >= 0 && p.inBuf.hasRemaining()) {
            return null;
        }
        pending.remove(p);
        ControlChannel.unregister(mux, p.connection.fd());
        Worker owner = null;
        if (complete && Frames.kind(view) == Frames.OUTPUT) {
            String token = new String(view.array(), Frames.HEADER_BYTES, length, StandardCharsets.US_ASCII);
            for (Worker w : workers) {
                if (sameToken(w.token, token)) {
                    OutputPipe.attach(w, mux, p.connection, Frames.id(view));
                    return null;
                }
            }
        } else if (complete && Frames.kind(view) == Frames.HELLO) {
            String token = new String(view.array(), Frames.HEADER_BYTES, length, StandardCharsets.US_ASCII);
            for (Worker w : workers) {
                if (w.connection == null && w.state == Worker.State.STARTING && sameToken(w.token, token)) {
                    owner = w;
                }
            }
        }
        if (owner == null) {
            ControlChannel.closeQuietly(p.connection);
            return null;
        }
        owner.connection = p.connection;
        try {
            mux.register(p.connection.fd(), Events.IN, owner);
        } catch (IOException e) {
            owner.signal(Signal.KILL.number());
            return null;
        }
        return owner;
    }

    /** Closes every connection that never said hello. */
    void close() {
        for (Pending p : pending) {
            ControlChannel.unregister(mux, p.connection.fd());
            ControlChannel.closeQuietly(p.connection);
        }
        pending.clear();
    }

    /** A connection accepted on the path-mode socket that has not presented a token yet. */
    static final class Pending {
        final UnixConnection connection;
        final ByteBuffer inBuf = Frames.buffer(512);

        Pending(UnixConnection connection) {
            this.connection = connection;
        }
    }
}
