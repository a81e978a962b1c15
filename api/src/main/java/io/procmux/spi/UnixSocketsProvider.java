package io.procmux.spi;

import io.procmux.ipc.UnixSockets;

/**
 * A {@link Backend} of kind {@code ipc} that creates Unix domain sockets through {@link UnixSockets}.
 * Registered with {@code @AutoService(UnixSocketsProvider.class)} and found by {@link Backends}.
 */
public interface UnixSocketsProvider extends Backend {

    /**
     * Returns the socket factory of this backend.
     *
     * @throws BackendUnavailableException when this backend cannot run here
     */
    UnixSockets open();
}
