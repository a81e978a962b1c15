package io.procmux.spi;

import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import java.io.IOException;
import java.util.Map;

/**
 * A {@link Backend} of kind {@code mux} that opens {@link Multiplexer}s.
 * Registered with {@code @AutoService(MultiplexerProvider.class)} and found by {@link Backends}.
 */
public interface MultiplexerProvider extends Backend {

    /**
     * Opens a new multiplexer (for epoll, a new epoll descriptor). Each call returns an independent one.
     *
     * @throws IOException when the kernel refuses (out of descriptors, for example)
     * @throws BackendUnavailableException when this backend cannot run here
     */
    Multiplexer open() throws IOException;

    /** What this backend supports; answered without opening anything. */
    MuxCapabilities muxCapabilities();

    @Override
    default Map<String, String> capabilities() {
        return muxCapabilities().asMap();
    }
}
