package io.procmux.ipc;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Creates Unix domain sockets: servers bound to an address, client connections, and connected
 * pairs. Obtained from a {@link io.procmux.spi.UnixSocketsProvider}. Thread-safe.
 */
public interface UnixSockets {

    /** The backend's name, e.g. {@code unix}. */
    String name();

    /** Binds and listens at {@code address}. */
    UnixServer bind(UnixAddress address, BindOptions options) throws IOException;

    /** Connects, blocking until the server accepts or refuses. */
    UnixConnection connect(UnixAddress address) throws IOException;

    /** Connects, giving up after {@code timeout} (null: no limit) with a {@link java.net.SocketTimeoutException}. */
    UnixConnection connect(UnixAddress address, @Nullable Duration timeout) throws IOException;

    /**
     * Starts connecting without blocking and returns the connection in non-blocking mode; call
     * {@link UnixConnection#finishConnect()} (after the descriptor reports {@code OUT} through a
     * {@link io.procmux.mux.Multiplexer}) until it returns true.
     */
    UnixConnection connectNonBlocking(UnixAddress address) throws IOException;

    /**
     * Takes ownership of an open, connected stream socket descriptor (received with
     * {@link UnixConnection#receiveWithFds} or inherited), sets close-on-exec on it and returns it
     * as a connection. Plain reads and writes also work for a TCP socket handed over this way.
     *
     * @throws IOException when {@code fd} is not an open stream socket
     */
    UnixConnection adopt(int fd) throws IOException;

    /**
     * A datagram socket, bound to {@code bindTo} when given (a path gets the same protection as
     * {@link #bind}: private directory, 0600, lock, stale file replaced), else unbound.
     */
    UnixDatagramSocket openDatagram(@Nullable UnixAddress bindTo, BindOptions options) throws IOException;

    /** A connected pair of datagram sockets. */
    UnixDatagramSocket[] datagramPair() throws IOException;

    /** A connected pair (Python's {@code socket.socketpair()}), for parent/child channels. */
    UnixConnection[] socketPair() throws IOException;
}
