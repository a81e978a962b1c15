package io.procmux.it.plugin;

import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.MultiplexerProvider;
import java.util.Optional;

/**
 * A test plugin that claims the name {@code select}, which the first-party poll/select module
 * already uses: the catalog must refuse both and name both. It is registered only in the jar
 * {@code ClasspathScenarioIT} writes (no {@code META-INF/services} entry in the test classes), so
 * no other test sees it; it is never opened.
 */
public final class SecondSelectProvider implements MultiplexerProvider {

    @Override
    public String name() {
        return "select";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public Multiplexer open() {
        throw new UnsupportedOperationException("a name-clash test plugin is never opened");
    }

    @Override
    public MuxCapabilities muxCapabilities() {
        return new MuxCapabilities(1024, false, false, false, false);
    }
}
