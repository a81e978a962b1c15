package io.procmux.cli.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * One client of the {@link EchoServer}: its channel (a JDK TCP channel or an ipc Unix
 * connection) and descriptor, the bytes read but not yet written back, and the events it is
 * registered for. Connections form an intrusive list so the server can close them all without
 * any collection. Owned by the server's single thread.
 */
final class Connection {
    final ByteChannel channel;
    final int fd;
    /** Bytes to echo, in write mode (data in {@code [0, position)}); null when none are queued. */
    @Nullable ByteBuffer pending;
    /** The events registered with the multiplexer now. */
    int interest;
    /** The client shut down its sending half: echo what is queued, then close. */
    boolean inputClosed;
    @Nullable Connection previous;
    @Nullable Connection next;

    Connection(ByteChannel channel, int fd) {
        this.channel = channel;
        this.fd = fd;
    }

    /** Makes a just-accepted channel ready to serve and returns its descriptor. */
    interface Setup<C extends ByteChannel> {
        int prepare(C channel) throws IOException;
    }

    /**
     * Prepares a just-accepted {@code channel} with {@code setup} (non-blocking mode, options) and
     * wraps it; closes the channel when that fails.
     */
    static <C extends ByteChannel> Connection accepted(C channel, Setup<C> setup) throws IOException {
        try {
            return new Connection(channel, setup.prepare(channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("Cannot set up a new connection: " + e.getMessage(), e);
        }
    }

    /** Whether there is room to read more: the queued output is below the bound. */
    boolean canRead() {
        ByteBuffer queued = pending;
        return !inputClosed && (queued == null || queued.hasRemaining());
    }
}
