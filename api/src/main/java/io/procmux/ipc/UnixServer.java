package io.procmux.ipc;

import io.procmux.mux.HasFileDescriptor;
import java.io.IOException;
import java.util.Optional;

/**
 * A listening Unix stream socket bound to a path it owns: created in a 0700 directory with mode
 * 0600, a stale file replaced, a live one never stolen, and the file removed again on close.
 */
public interface UnixServer extends HasFileDescriptor, AutoCloseable {

    /** The bound address. */
    UnixAddress address();

    /** Waits for the next connection (blocking mode). Peers rejected by the uid check are closed and skipped. */
    UnixConnection accept() throws IOException;

    /** Returns a pending connection, or empty when none is waiting (non-blocking mode). */
    Optional<UnixConnection> acceptNow() throws IOException;

    /** Switches accept between blocking and non-blocking. */
    void configureBlocking(boolean blocking) throws IOException;

    /** Stops listening and removes the socket file and its lock. */
    @Override
    void close() throws IOException;
}
