package io.procmux.spi;

import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A hand-written multiplexer provider for selection tests: name, priority, nativeness and cause are given. */
class FakeMultiplexerProvider implements MultiplexerProvider {
    private final String name;
    private final int priority;
    private final boolean isNative;
    private final @Nullable Throwable cause;
    int probes;

    FakeMultiplexerProvider(String name, int priority, boolean isNative, @Nullable Throwable cause) {
        this.name = name;
        this.priority = priority;
        this.isNative = isNative;
        this.cause = cause;
    }

    static FakeMultiplexerProvider available(String name, int priority) {
        return new FakeMultiplexerProvider(name, priority, false, null);
    }

    static FakeMultiplexerProvider unavailable(String name, int priority, String why) {
        return new FakeMultiplexerProvider(name, priority, false, new IllegalStateException(why));
    }

    static FakeMultiplexerProvider nativeOne(String name, int priority) {
        return new FakeMultiplexerProvider(name, priority, true, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public boolean isNative() {
        return isNative;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        probes++;
        return Optional.ofNullable(cause);
    }

    @Override
    public Multiplexer open() {
        throw new UnsupportedOperationException("fake");
    }

    @Override
    public MuxCapabilities muxCapabilities() {
        return new MuxCapabilities(-1, false, false, false, false);
    }
}
