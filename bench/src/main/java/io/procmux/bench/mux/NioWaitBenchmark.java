package io.procmux.bench.mux;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Set;
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
 * The JDK's answer to {@link MuxWaitBenchmark}: {@code Selector.open()} (epoll on Linux) with
 * {@code n} idle channels and one ready one ({@link NioSocketPairs}), each wait a
 * {@code selectNow()} followed by the usual loop over and clearing of the selected keys.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NioWaitBenchmark {

    @Param({"10", "100", "1000", "10000"})
    int n = 10;

    private NioSocketPairs channels;
    /** Channels lent by {@link MuxCpuTime} so that NIO waits on the same sockets as the others; not closed here. */
    @Nullable NioSocketPairs lent;
    private Selector selector;
    private long checksum;

    /** Opens the selector and registers the idle channels, then the ready one, for reading. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        channels = lent != null ? lent : NioSocketPairs.open(n);
        try {
            selector = Selector.open();
            for (var channel : channels.idle()) {
                channel.register(selector, SelectionKey.OP_READ);
            }
            channels.ready().register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            tearDown();
            throw e;
        }
    }

    /** One wait that returns at once with the ready channel. */
    @Benchmark
    public long await() throws IOException {
        selector.selectNow();
        Set<SelectionKey> selected = selector.selectedKeys();
        for (Iterator<SelectionKey> it = selected.iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            checksum += key.readyOps();
            it.remove();
        }
        return checksum;
    }

    /** Closes the selector and every channel. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (selector != null) {
            selector.close();
        }
        if (channels != null && channels != lent) {
            channels.close();
        }
    }

    /** The sum of ready-operation bits seen so far; for tests. */
    long checksum() {
        return checksum;
    }
}
