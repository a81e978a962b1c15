package io.procmux.bench.mux;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per wait of several multiplexers side by side, for a machine too busy for elapsed-time
 * figures: the same waits as {@link MuxWaitBenchmark}, {@link NioWaitBenchmark},
 * {@link RawEpollWaitBenchmark} and {@link RawPollWaitBenchmark} (N idle descriptors, one ready,
 * timeout 0), run in one thread in interleaved slices, each slice timed with the thread's CPU
 * clock, so time spent descheduled by other load counts for none of them. They share one set of
 * descriptors ({@code nio} excepted), so each walks the same kernel objects. Pair it with
 * {@code MUX_WAIT_CLOCK=cpu mux_wait ...} for C.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.procmux.bench.mux.MuxCpuTime N SLICE_MS ROUNDS IMPL...</pre>
 *
 * IMPL is {@code epoll}, {@code poll} or {@code select} (procmux, through its provider), {@code nio},
 * {@code jnr} (bare jnr-ffi {@code epoll_wait}) or {@code jnr-poll} (bare jnr-ffi {@code poll}).
 * Prints per IMPL the median, minimum and maximum CPU nanoseconds per wait over ROUNDS slices
 * (after two warm-up rounds) and the ratio of its median to the first IMPL's. The wait call site
 * is shared by every IMPL, so each pays the same few nanoseconds of a virtual call that JMH's
 * separate forks avoid. Cost: one thread; N + 2 shared descriptors, N + 2 more for {@code nio},
 * and a few per procmux backend.
 */
public final class MuxCpuTime {
    private static final int BATCH = 256;
    private static final int WARMUP_ROUNDS = 2;

    private MuxCpuTime() {
    }

    /** One implementation's wait and clean-up, driven through its benchmark state. */
    private record Waiter(Wait waits, Close close) {
    }

    private interface Wait {
        long await() throws IOException;
    }

    private interface Close {
        void close() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: MuxCpuTime N SLICE_MS ROUNDS IMPL... "
                    + "(IMPL: epoll, poll, select, nio, jnr, jnr-poll); got " + args.length + " arguments");
        }
        int n = positive("N", args[0]);
        int sliceMs = positive("SLICE_MS", args[1]);
        int rounds = positive("ROUNDS", args[2]);
        run(n, sliceMs, rounds, Arrays.asList(args).subList(3, args.length), System.out);
    }

    /**
     * Measures and prints one line per implementation; closes everything it opened. Every
     * implementation but {@code nio} (which needs JDK channels) waits on one shared set of
     * descriptors, so the kernel walks the same objects for each and the comparison holds at
     * N = 10,000 under a 20,000-descriptor limit.
     */
    static void run(int n, int sliceMs, int rounds, List<String> impls, PrintStream out) throws IOException {
        try (IdleSocketPairs shared = IdleSocketPairs.open(n)) {
            List<Waiter> waiters = new ArrayList<>();
            try {
                for (String impl : impls) {
                    waiters.add(open(impl, n, shared));
                }
                print(n, impls, measure(waiters, sliceMs * 1_000_000L, rounds), out);
            } finally {
                for (Waiter waiter : waiters) {
                    waiter.close().close();
                }
            }
        }
    }

    private static void print(int n, List<String> impls, double[][] perWait, PrintStream out) {
        double first = median(perWait[0]);
        for (int i = 0; i < impls.size(); i++) {
            double[] sorted = perWait[i].clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "%s %d cpu-ns/wait median %.1f min %.1f max %.1f ratio %.3f%n", impls.get(i), n,
                    median(sorted), sorted[0], sorted[sorted.length - 1], median(sorted) / first);
        }
    }

    private static double[][] measure(List<Waiter> waiters, long sliceNanos, int rounds) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] perWait = new double[waiters.size()][rounds];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int i = 0; i < waiters.size(); i++) {
                Wait wait = waiters.get(i).waits();
                long waits = 0;
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                do {
                    for (int k = 0; k < BATCH; k++) {
                        wait.await();
                    }
                    waits += BATCH;
                } while (System.nanoTime() - start < sliceNanos);
                if (round >= 0) {
                    perWait[i][round] = (double) (threads.getCurrentThreadCpuTime() - cpuStart) / waits;
                }
            }
        }
        return perWait;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int positive(String name, String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'", e);
        }
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    private static Waiter open(String impl, int n, IdleSocketPairs shared) throws IOException {
        switch (impl) {
            case "epoll", "poll", "select" -> {
                MuxWaitBenchmark bench = new MuxWaitBenchmark();
                bench.lent = shared;
                bench.backend = impl;
                bench.n = n;
                bench.setup();
                return new Waiter(bench::await, bench::tearDown);
            }
            case "nio" -> {
                NioWaitBenchmark bench = new NioWaitBenchmark();
                bench.n = n;
                bench.setup();
                return new Waiter(bench::await, bench::tearDown);
            }
            case "jnr" -> {
                RawEpollWaitBenchmark bench = new RawEpollWaitBenchmark();
                bench.lent = shared;
                bench.n = n;
                bench.setup();
                return new Waiter(bench::await, bench::tearDown);
            }
            case "jnr-poll" -> {
                RawPollWaitBenchmark bench = new RawPollWaitBenchmark();
                bench.lent = shared;
                bench.n = n;
                bench.setup();
                return new Waiter(bench::await, bench::tearDown);
            }
            default -> throw new IllegalArgumentException("Unknown IMPL '" + impl
                    + "': use epoll, poll, select, nio, jnr or jnr-poll");
        }
    }
}
