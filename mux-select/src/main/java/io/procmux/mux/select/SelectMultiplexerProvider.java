package io.procmux.mux.select;

import com.google.auto.service.AutoService;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.mux.posix.NativeProbe;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.MultiplexerProvider;
import java.io.IOException;
import java.util.Optional;

/**
 * Provider of the {@code select} multiplexer: {@code select(2)} through jnr-ffi, limited to
 * descriptors below FD_SETSIZE (1024). The most portable and the most limited backend.
 *
 * <p>Cost: the constructor touches no native code; the first {@link #unavailabilityCause()} runs
 * the native probe once (shared with poll) and caches the answer. {@link #open()} creates one pipe.
 */
@AutoService(MultiplexerProvider.class)
public final class SelectMultiplexerProvider implements MultiplexerProvider {

    /** Creates the provider; touches no native code. */
    public SelectMultiplexerProvider() {
    }

    @Override
    public String name() {
        return "select";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean isNative() {
        return true;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return NativeProbe.unavailabilityCause();
    }

    @Override
    public MuxCapabilities muxCapabilities() {
        return new MuxCapabilities(SelectMultiplexer.FD_SETSIZE - 1, false, false, false, false);
    }

    @Override
    public Multiplexer open() throws IOException {
        Optional<Throwable> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new BackendUnavailableException("Backend 'select' is not available: " + cause.get(),
                    cause.get());
        }
        return SelectMultiplexer.open();
    }
}
