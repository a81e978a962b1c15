package io.procmux.ipc.unix;

import com.google.auto.service.AutoService;
import io.procmux.ipc.UnixSockets;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.UnixSocketsProvider;
import java.util.Optional;

/**
 * Provider of the {@code unix} Unix socket backend: Unix domain sockets on jnr-unixsocket, wrapped with path checks, close-on-exec and private permissions.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
 */
@AutoService(UnixSocketsProvider.class)
public final class JnrUnixSocketsProvider implements UnixSocketsProvider {

    /** Creates the provider; touches no native code. */
    public JnrUnixSocketsProvider() {
    }

    @Override
    public String name() {
        return "unix";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean isNative() {
        return true;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.of(new BackendNotImplementedException());
    }

    @Override
    public UnixSockets open() {
        throw BackendNotImplementedException.refuse(this);
    }
}
