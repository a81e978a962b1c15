package io.procmux.mux.poll;

import com.google.auto.service.AutoService;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.mux.posix.NativeProbe;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.MultiplexerProvider;
import java.io.IOException;
import java.util.Optional;

/**
 * Provider of the {@code poll} multiplexer: {@code poll(2)} through jnr-ffi: no descriptor limit,
 * O(n) per wait. Portable to every POSIX system jnr-ffi runs on.
 *
 * <p>Cost: the constructor touches no native code; the first {@link #unavailabilityCause()} runs
 * the native probe once (loads libc through jnr-ffi, creates a pipe, calls {@code poll} with no
 * descriptors) and caches the answer. {@link #open()} creates one pipe.
 */
@AutoService(MultiplexerProvider.class)
public final class PollMultiplexerProvider implements MultiplexerProvider {

    /** Creates the provider; touches no native code. */
    public PollMultiplexerProvider() {
    }

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public int priority() {
        return 50;
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
        return new MuxCapabilities(-1, false, false, false, false);
    }

    @Override
    public Multiplexer open() throws IOException {
        Optional<Throwable> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new BackendUnavailableException("Backend 'poll' is not available: " + cause.get(),
                    cause.get());
        }
        return PollMultiplexer.open();
    }
}
