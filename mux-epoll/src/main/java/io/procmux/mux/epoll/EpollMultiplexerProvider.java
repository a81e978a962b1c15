package io.procmux.mux.epoll;

import com.google.auto.service.AutoService;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.MultiplexerProvider;
import java.util.Optional;

/**
 * Provider of the {@code epoll} multiplexer: {@code epoll(7)} through jnr-ffi, Linux only, O(ready) per wait.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
 */
@AutoService(MultiplexerProvider.class)
public final class EpollMultiplexerProvider implements MultiplexerProvider {

    /** Creates the provider; touches no native code. */
    public EpollMultiplexerProvider() {
    }

    @Override
    public String name() {
        return "epoll";
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
    public MuxCapabilities muxCapabilities() {
        return new MuxCapabilities(-1, true, true, true, false);
    }

    @Override
    public Multiplexer open() {
        throw BackendNotImplementedException.refuse(this);
    }
}
