package io.procmux.ipc;

import java.io.IOException;
import java.time.Duration;

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

    /** Connects, giving up after {@code timeout} with a {@link java.net.SocketTimeoutException}. */
    UnixConnection connect(UnixAddress address, Duration timeout) throws IOException;

    /** A connected pair (Python's {@code socket.socketpair()}), for parent/child channels. */
    UnixConnection[] socketPair() throws IOException;
}
