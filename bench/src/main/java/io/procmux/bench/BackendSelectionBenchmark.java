package io.procmux.bench;

import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.BackendCatalog;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SelectionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What choosing a backend costs once providers are known: building a catalog from N providers
 * and selecting by priority, the work every procmux entry point does before its first syscall.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BackendSelectionBenchmark {

    @Param({"3", "30"})
    int providers;

    List<MultiplexerProvider> candidates;
    SelectionSettings settings;

    /** Builds N providers, the highest-priority half unavailable, so selection has to skip some. */
    @Setup
    public void setup() {
        candidates = new ArrayList<>();
        for (int i = 0; i < providers; i++) {
            candidates.add(new FixedProvider("backend" + i, i, i >= providers / 2));
        }
        settings = SelectionSettings.of(Map.of(), Map.of());
    }

    /** Catalog construction plus selection by priority. */
    @Benchmark
    public MultiplexerProvider catalogAndSelect() {
        BackendCatalog<MultiplexerProvider> catalog = Backends.of(BackendKind.MUX, candidates, settings);
        return catalog.select().provider();
    }

    /** A provider with a fixed name, priority and availability. */
    static final class FixedProvider implements MultiplexerProvider {
        private final String name;
        private final int priority;
        private final Optional<Throwable> cause;

        FixedProvider(String name, int priority, boolean unavailable) {
            this.name = name;
            this.priority = priority;
            this.cause = unavailable ? Optional.of(new IllegalStateException("off")) : Optional.empty();
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
        public Optional<Throwable> unavailabilityCause() {
            return cause;
        }

        @Override
        public Multiplexer open() {
            throw new UnsupportedOperationException("benchmark provider opens nothing");
        }

        @Override
        public MuxCapabilities muxCapabilities() {
            return new MuxCapabilities(-1, false, false, false, false);
        }
    }
}
