package io.procmux.bench.mux;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
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
 * The floor under procmux's {@code epoll} from Java: a bare jnr-ffi {@code epoll_wait} on the same
 * descriptors as {@link MuxWaitBenchmark}, reading the ready descriptor out of the event array and
 * nothing else (no fork check, no locks, no registration table, no sink). The gap between this and
 * procmux {@code epoll} is procmux's own per-wait cost; the gap between this and C is jnr-ffi's
 * and the JVM's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RawEpollWaitBenchmark {
    private static final int EPOLL_CLOEXEC = 02000000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLLIN = 1;
    /** {@code struct epoll_event} is packed on x86-64: events at 0, data at 4, 12 bytes. */
    private static final int EVENT_SIZE = 12;
    private static final int DATA_OFFSET = 4;
    private static final int MAX_EVENTS = 64;

    @Param({"10", "100", "1000", "10000"})
    int n = 10;

    private IdleSocketPairs fds;
    /** Descriptors lent by {@link MuxCpuTime} so that several implementations wait on the same ones; not closed here. */
    @Nullable IdleSocketPairs lent;
    private BenchLibC libc;
    private int epfd = -1;
    private Pointer events;
    private long checksum;

    /** Creates the epoll instance and adds the idle descriptors, then the ready one, for IN. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        if (!System.getProperty("os.arch").equals("amd64")) {
            throw new IllegalStateException("RawEpollWaitBenchmark knows the epoll_event layout of x86-64 only");
        }
        fds = lent != null ? lent : IdleSocketPairs.open(n);
        libc = IdleSocketPairs.libc();
        Runtime runtime = Runtime.getRuntime(libc);
        events = Memory.allocateDirect(runtime, MAX_EVENTS * EVENT_SIZE);
        epfd = libc.epoll_create1(EPOLL_CLOEXEC);
        try {
            if (epfd < 0) {
                throw new IOException("epoll_create1 failed: errno " + runtime.getLastError());
            }
            Pointer event = Memory.allocateDirect(runtime, EVENT_SIZE);
            for (int fd : fds.idle()) {
                add(event, fd, runtime);
            }
            add(event, fds.ready(), runtime);
        } catch (IOException | RuntimeException e) {
            tearDown();
            throw e;
        }
    }

    private void add(Pointer event, int fd, Runtime runtime) throws IOException {
        event.putInt(0, EPOLLIN);
        event.putLong(DATA_OFFSET, fd);
        if (libc.epoll_ctl(epfd, EPOLL_CTL_ADD, fd, event) != 0) {
            throw new IOException("epoll_ctl(ADD) of fd " + fd + " failed: errno " + runtime.getLastError());
        }
    }

    /** One wait that returns at once with the ready descriptor. */
    @Benchmark
    public long await() {
        int ready = libc.epoll_wait(epfd, events, MAX_EVENTS, 0);
        for (int i = 0; i < ready; i++) {
            checksum += events.getInt((long) i * EVENT_SIZE + DATA_OFFSET);
        }
        return checksum;
    }

    /** Closes the epoll instance and every descriptor. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (epfd >= 0) {
            libc.close(epfd);
            epfd = -1;
        }
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
