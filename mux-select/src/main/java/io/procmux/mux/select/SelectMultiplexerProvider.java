package io.procmux.mux.select;

import com.google.auto.service.AutoService;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.MultiplexerProvider;
import java.util.Optional;

/**
 * Provider of the {@code select} multiplexer: {@code select(2)} through jnr-ffi, limited to descriptors below FD_SETSIZE (1024).
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
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
        return Optional.of(new BackendNotImplementedException());
    }

    @Override
    public MuxCapabilities muxCapabilities() {
        return new MuxCapabilities(1023, false, false, false, false);
    }

    @Override
    public Multiplexer open() {
        throw BackendNotImplementedException.refuse(this);
    }
}
