package io.procmux.bench.mux;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * The floor under procmux's {@code poll} from Java: a bare jnr-ffi {@code poll} on the same
 * descriptors as {@link MuxWaitBenchmark}, over a {@code struct pollfd} array in native memory
 * filled once, then the scan {@code bench/c/mux_wait.c} does (up to the last ready entry, reading
 * {@code revents} through a direct buffer, which the JIT compiles to plain loads) and nothing else: no wake-up pipe, no fork check, no
 * locks, no registration table, no sink. The gap between this and procmux {@code poll} is
 * procmux's own per-wait cost; the gap between this and C is the JVM process's (jnr-ffi's call,
 * and the kernel's descriptor reference counts in a multi-threaded process).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RawPollWaitBenchmark {
    private static final int POLLFD_SIZE = 8;
    private static final int EVENTS_OFFSET = 4;
    private static final int REVENTS_OFFSET = 6;
    private static final short POLLIN = 1;

    @Param({"10", "100", "1000", "10000"})
    int n = 10;

    private IdleSocketPairs fds;
    /** Descriptors lent by {@link MuxCpuTime} so that several implementations wait on the same ones; not closed here. */
    @Nullable IdleSocketPairs lent;
    private BenchLibC libc;
    private ByteBuffer pollfds;
    private long address;
    private int count;
    private long checksum;

    /** Fills the array with the idle descriptors, then the ready one, each for IN. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        fds = lent != null ? lent : IdleSocketPairs.open(n);
        libc = IdleSocketPairs.libc();
        int[] idle = fds.idle();
        count = idle.length + 1;
        pollfds = ByteBuffer.allocateDirect(count * POLLFD_SIZE).order(ByteOrder.nativeOrder());
        for (int i = 0; i < idle.length; i++) {
            set(i, idle[i]);
        }
        set(idle.length, fds.ready());
        address = MemoryIO.getInstance().getDirectBufferAddress(pollfds);
    }

    private void set(int slot, int fd) {
        pollfds.putInt(slot * POLLFD_SIZE, fd);
        pollfds.putShort(slot * POLLFD_SIZE + EVENTS_OFFSET, POLLIN);
    }

    /** One wait that returns at once with the ready descriptor, found by a scan as in C. */
    @Benchmark
    public long await() {
        int ready = libc.poll(address, count, 0);
        for (int i = 0, found = 0; i < count && found < ready; i++) {
            if (pollfds.getShort(i * POLLFD_SIZE + REVENTS_OFFSET) != 0) {
                found++;
                checksum += pollfds.getInt(i * POLLFD_SIZE);
            }
        }
        return checksum;
    }

    /** Closes every descriptor. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (fds != null && fds != lent) {
            fds.close();
        }
    }

    /** The sum of ready descriptors seen so far; for tests. */
    long checksum() {
        return checksum;
    }

    /** The ready descriptor; for tests. */
    int readyFd() {
        return fds.ready();
    }
}
