package io.procmux.bench.mux;

import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.jspecify.annotations.Nullable;

/**
 * One wait of a procmux multiplexer, taken through its provider, with {@code n} idle descriptors
 * and one ready one ({@link IdleSocketPairs}), on the zero-allocation path
 * {@link Multiplexer#poll(long, io.procmux.mux.EventSink)} with timeout 0: each wait returns at
 * once with the one ready event. {@code select} only runs where every descriptor is below 1,024
 * (n = 10 and 100 in a JVM). Raise {@code ulimit -n} above n + 100 before running n = 10,000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MuxWaitBenchmark {

    @Param({"epoll", "poll", "select"})
    String backend = "epoll";

    @Param({"10", "100", "1000", "10000"})
    int n = 10;

    private IdleSocketPairs fds;
    /** Descriptors lent by {@link MuxCpuTime} so that several implementations wait on the same ones; not closed here. */
    @Nullable IdleSocketPairs lent;
    private Multiplexer mux;
    private final CountingSink sink = new CountingSink();

    /** Opens the multiplexer and registers the idle descriptors, then the ready one, for IN. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        fds = lent != null ? lent : IdleSocketPairs.open(n);
        try {
            mux = Backends.select(BackendKind.MUX, backend).open();
            for (int fd : fds.idle()) {
                mux.register(fd, Events.IN);
            }
            mux.register(fds.ready(), Events.IN);
        } catch (IOException | RuntimeException e) {
            tearDown();
            throw e;
        }
    }

    /** One wait that returns at once with the ready descriptor. */
    @Benchmark
    public long await() throws IOException {
        mux.poll(0, sink);
        return sink.checksum();
    }

    /** Closes the multiplexer and every descriptor. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (mux != null) {
            mux.close();
        }
        if (fds != null && fds != lent) {
            fds.close();
        }
    }

    /** The events delivered so far; for tests. */
    int eventsDelivered() {
        return sink.events();
    }
}
