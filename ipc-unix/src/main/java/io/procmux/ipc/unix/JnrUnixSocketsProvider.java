package io.procmux.ipc.unix;

import com.google.auto.service.AutoService;
import io.procmux.ipc.UnixSockets;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.UnixSocketsProvider;
import java.util.Optional;

/**
 * Provider of the {@code unix} backend: Unix domain sockets through jnr-ffi, wrapped so that none
 * of jnr-unixsocket's defects reach a user (exact path checks, close-on-exec everywhere, private
 * permissions, stale-file recovery and locking, {@code SCM_RIGHTS} descriptor passing, no
 * {@code SIGPIPE}).
 *
 * <p>Cost: the constructor touches no native code. The first {@link #unavailabilityCause()} loads
 * the jnr-ffi binding and creates and closes one real socket pair, once per JVM;
 * {@code -Dprocmux.noNative=true} makes it unavailable without loading anything.
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
        return SocketNative.unavailabilityCause();
    }

    @Override
    public UnixSockets open() {
        Optional<Throwable> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new BackendUnavailableException("Backend 'unix' is not available: " + cause.get().getMessage(),
                    cause.get());
        }
        return new JnrUnixSockets();
    }
}
