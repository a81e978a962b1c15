package io.procmux.mux.poll;

import com.google.auto.service.AutoService;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.MultiplexerProvider;
import java.util.Optional;

/**
 * Provider of the {@code poll} multiplexer: {@code poll(2)} through jnr-ffi: no descriptor limit, O(n) per wait.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
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
        return Optional.of(new BackendNotImplementedException());
    }

    @Override
    public MuxCapabilities muxCapabilities() {
        return new MuxCapabilities(-1, false, false, false, false);
    }

    @Override
    public Multiplexer open() {
        throw BackendNotImplementedException.refuse(this);
    }
}
