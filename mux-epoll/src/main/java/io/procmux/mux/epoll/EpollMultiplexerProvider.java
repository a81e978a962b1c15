package io.procmux.mux.epoll;

import com.google.auto.service.AutoService;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.MultiplexerProvider;
import java.io.IOException;
import java.util.Optional;

/**
 * Provider of the {@code epoll} multiplexer: {@code epoll(7)} through jnr-ffi, Linux only,
 * O(ready) per wait, with edge-triggered, one-shot and exclusive registrations.
 *
 * <p>Cost: the constructor touches no native code; the first {@link #unavailabilityCause()} runs
 * the native probe once (loads libc through jnr-ffi, opens and closes an epoll descriptor and an
 * eventfd) and caches the answer. {@link #open()} creates two descriptors. Timeouts have
 * millisecond resolution ({@code epoll_wait}), so {@code nanosecondTimeouts} is false.
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
        return EpollProbe.unavailabilityCause();
    }

    @Override
    public MuxCapabilities muxCapabilities() {
        return new MuxCapabilities(-1, true, true, true, false);
    }

    @Override
    public Multiplexer open() throws IOException {
        Optional<Throwable> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new BackendUnavailableException("Backend 'epoll' is not available: " + cause.get(),
                    cause.get());
        }
        return EpollMultiplexer.open();
    }
}
