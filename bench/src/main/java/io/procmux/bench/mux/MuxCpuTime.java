package io.procmux.bench.mux;

import static io.procmux.bench.SideBySideNumbers.median;
import static io.procmux.bench.SideBySideNumbers.positive;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * CPU time per wait of several multiplexers side by side, for a machine too busy for elapsed-time
 * figures: the same waits as {@link MuxWaitBenchmark}, {@link NioWaitBenchmark},
 * {@link RawEpollWaitBenchmark}, {@link RawPollWaitBenchmark} and {@code bench/c/mux_wait.c}
 * (N idle descriptors, one ready, timeout 0), in interleaved slices (the order rotated per round),
 * each slice timed with the waiting thread's CPU clock, so time spent descheduled by other load
 * counts for none of them, and load that comes and goes falls on all of them alike. The Java ones
 * run in this thread on one shared set of descriptors (JDK channels when {@code nio} is among them,
 * which needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} for the others to take their
 * numbers), so each walks the same kernel objects; the C ones are child processes with their own
 * ({@link CMuxWait}).
 *
 * <pre>java [-Dprocmux.bench.muxWait=PATH] -cp bench/target/benchmarks.jar io.procmux.bench.mux.MuxCpuTime N SLICE_MS ROUNDS IMPL...</pre>
 *
 * IMPL is {@code epoll}, {@code poll} or {@code select} (procmux, through its provider), {@code nio},
 * {@code jnr} (bare jnr-ffi {@code epoll_wait}), {@code jnr-poll} (bare jnr-ffi {@code poll}), or
 * {@code c-epoll}, {@code c-poll}, {@code c-select} (C, single-threaded) and {@code c-epoll-mt},
 * {@code c-poll-mt} (C with a second, sleeping thread), which need the compiled {@code mux_wait}.
 * Prints per IMPL the median, minimum and maximum CPU nanoseconds per wait over ROUNDS slices
 * (after two warm-up rounds), the ratio of its median to the first IMPL's and the median of the
 * per-round ratios to the first IMPL; with {@code -Dprocmux.bench.printSlices=true} every slice
 * first. The Java wait call site is shared by every Java IMPL, so each pays the same few
 * nanoseconds of a virtual call that JMH's separate forks avoid. Cost: one thread; N + 2 shared
 * descriptors, a few per procmux backend and per selector, a child process per C IMPL.
 */
public final class MuxCpuTime {
    private static final int BATCH = 256;
    private static final int WARMUP_ROUNDS = 2;
    /** With this system property true, every slice is printed too: {@code slice IMPL N ROUND NS}. */
    static final String PRINT_SLICES = "procmux.bench.printSlices";
    private static final List<String> C_IMPLS = List.of("c-epoll", "c-epoll-mt", "c-poll", "c-poll-mt", "c-select");

    private MuxCpuTime() {
    }

    /** One implementation: takes a slice of waits on request, reports CPU nanoseconds per wait. */
    interface Slicer extends AutoCloseable {
        /** Waits for about {@code sliceNanos}; returns the waiting thread's CPU nanoseconds per wait. */
        double slice(long sliceNanos) throws IOException;

        @Override
        void close() throws IOException;
    }

    private interface Wait {
        long await() throws IOException;
    }

    private interface Close {
        void close() throws IOException;
    }

    /** A Java implementation's wait and clean-up, driven through its benchmark state in this thread. */
    private record JavaSlicer(Wait waiter, Close closer) implements Slicer {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        @Override
        public double slice(long sliceNanos) throws IOException {
            long waits = 0;
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            do {
                for (int k = 0; k < BATCH; k++) {
                    waiter.await();
                }
                waits += BATCH;
            } while (System.nanoTime() - start < sliceNanos);
            return (double) (THREADS.getCurrentThreadCpuTime() - cpuStart) / waits;
        }

        @Override
        public void close() throws IOException {
            closer.close();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: MuxCpuTime N SLICE_MS ROUNDS IMPL... "
                    + "(IMPL: epoll, poll, select, nio, jnr, jnr-poll, c-epoll[-mt], c-poll[-mt], c-select); got "
                    + args.length + " arguments");
        }
        int n = positive("N", args[0]);
        int sliceMs = positive("SLICE_MS", args[1]);
        int rounds = positive("ROUNDS", args[2]);
        run(n, sliceMs, rounds, Arrays.asList(args).subList(3, args.length), System.out);
    }

    /**
     * Measures and prints one line per implementation; closes everything it opened. Every Java
     * implementation waits on one shared set of descriptors, so the kernel walks the same objects
     * for each and the comparison holds at N = 10,000 under a 20,000-descriptor limit.
     */
    static void run(int n, int sliceMs, int rounds, List<String> impls, PrintStream out) throws IOException {
        try (SharedSockets shared = SharedSockets.open(n, impls.contains("nio"))) {
            List<Slicer> slicers = new ArrayList<>();
            try {
                for (String impl : impls) {
                    slicers.add(open(impl, n, sliceMs, shared));
                }
                print(n, impls, measure(slicers, sliceMs * 1_000_000L, rounds), out);
            } finally {
                for (Slicer slicer : slicers) {
                    slicer.close();
                }
            }
        }
    }

    /**
     * The one descriptor set every Java implementation waits on: JDK channels when {@code nio} is
     * among them (the others borrow the channels' descriptors), else bare socket pairs.
     */
    private record SharedSockets(IdleSocketPairs fds, @Nullable NioSocketPairs channels) implements AutoCloseable {
        static SharedSockets open(int n, boolean withChannels) throws IOException {
            if (!withChannels) {
                return new SharedSockets(IdleSocketPairs.open(n), null);
            }
            NioSocketPairs channels = NioSocketPairs.open(n);
            try {
                return new SharedSockets(IdleSocketPairs.borrowing(channels), channels);
            } catch (RuntimeException e) {
                channels.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            fds.close();
            if (channels != null) {
                channels.close();
            }
        }
    }

    private static void print(int n, List<String> impls, double[][] perWait, PrintStream out) {
        int rounds = perWait[0].length;
        if (Boolean.getBoolean(PRINT_SLICES)) {
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < impls.size(); i++) {
                    out.printf(Locale.ROOT, "slice %s %d %d %.1f%n", impls.get(i), n, r, perWait[i][r]);
                }
            }
        }
        double first = median(perWait[0]);
        for (int i = 0; i < impls.size(); i++) {
            double[] paired = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                paired[r] = perWait[i][r] / perWait[0][r];
            }
            double[] sorted = perWait[i].clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "%s %d cpu-ns/wait median %.1f min %.1f max %.1f ratio %.3f paired-ratio %.3f%n",
                    impls.get(i), n, median(sorted), sorted[0], sorted[sorted.length - 1], median(sorted) / first,
                    median(paired));
        }
    }

    private static double[][] measure(List<Slicer> slicers, long sliceNanos, int rounds) throws IOException {
        double[][] perWait = new double[slicers.size()][rounds];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < slicers.size(); k++) {
                int i = Math.floorMod(k + round, slicers.size());
                double ns = slicers.get(i).slice(sliceNanos);
                if (round >= 0) {
                    perWait[i][round] = ns;
                }
            }
        }
        return perWait;
    }

    private static Slicer open(String impl, int n, int sliceMs, SharedSockets shared) throws IOException {
        if (C_IMPLS.contains(impl)) {
            return CMuxWait.start(impl, n, sliceMs);
        }
        switch (impl) {
            case "epoll", "poll", "select" -> {
                MuxWaitBenchmark bench = new MuxWaitBenchmark();
                bench.lent = shared.fds();
                bench.backend = impl;
                bench.n = n;
                bench.setup();
                return new JavaSlicer(bench::await, bench::tearDown);
            }
            case "nio" -> {
                NioWaitBenchmark bench = new NioWaitBenchmark();
                bench.lent = shared.channels();
                bench.n = n;
                bench.setup();
                return new JavaSlicer(bench::await, bench::tearDown);
            }
            case "jnr" -> {
                RawEpollWaitBenchmark bench = new RawEpollWaitBenchmark();
                bench.lent = shared.fds();
                bench.n = n;
                bench.setup();
                return new JavaSlicer(bench::await, bench::tearDown);
            }
            case "jnr-poll" -> {
                RawPollWaitBenchmark bench = new RawPollWaitBenchmark();
                bench.lent = shared.fds();
                bench.n = n;
                bench.setup();
                return new JavaSlicer(bench::await, bench::tearDown);
            }
            default -> throw new IllegalArgumentException("Unknown IMPL '" + impl
                    + "': use epoll, poll, select, nio, jnr, jnr-poll, " + String.join(", ", C_IMPLS));
        }
    }
}
