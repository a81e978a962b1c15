package io.procmux.bench.struct;

import static io.procmux.bench.SideBySideNumbers.median;
import static io.procmux.bench.SideBySideNumbers.positive;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU time per operation of the struct benchmarks side by side in one JVM, for a machine too busy
 * for elapsed-time figures: the same benchmark methods as {@link IhdBenchmark},
 * {@link WideBenchmark} and {@link IterBenchmark}, each driven by a loop of its own (so each is
 * compiled with its benchmark inlined, as in a JMH stub), in interleaved slices whose order rotates
 * per round, each slice timed with this thread's CPU clock, so time spent descheduled counts for
 * none of them and load that comes and goes falls on all alike.
 *
 * <pre>java -DcompilerBlackholesEnabled=true -XX:+UnlockExperimentalVMOptions
 *   -XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler
 *   -cp bench/target/benchmarks.jar io.procmux.bench.struct.StructCpuTime SLICE_MS ROUNDS OP...</pre>
 *
 * OP is {@code Ihd.NAME}, {@code Wide.NAME} or {@code Iter.NAME} with NAME a benchmark method of
 * that class. Prints per OP the median, minimum and maximum CPU nanoseconds per operation over
 * ROUNDS slices (after two warm-up rounds), the ratio of its median to the first OP's and the
 * median of the per-round ratios to the first OP. Without the two blackhole options the results
 * go through JMH's ordinary Blackhole, which adds about a nanosecond to every operation.
 * Cost: one thread; the benchmarks' own buffers (1 MiB for Iter).
 */
public final class StructCpuTime {
    private static final int WARMUP_ROUNDS = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * Read by every loop on every operation and never set, as JMH's loops read their volatile
     * stop flag: it keeps the JIT from hoisting an operation's loop-invariant work out of the loop.
     */
    private static volatile boolean stop;

    private StructCpuTime() {
    }

    /** Runs one benchmark {@code n} times, handing each result to the blackhole. */
    interface Loop {
        void run(int n, Blackhole bh);
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: StructCpuTime SLICE_MS ROUNDS OP... (OP: Ihd.NAME, Wide.NAME, "
                    + "Iter.NAME); got " + args.length + " arguments");
        }
        int sliceMs = positive("SLICE_MS", args[0]);
        int rounds = positive("ROUNDS", args[1]);
        List<String> names = Arrays.asList(args).subList(2, args.length);
        Map<String, Loop> all = loops();
        List<Loop> chosen = new ArrayList<>();
        for (String name : names) {
            Loop loop = all.get(name);
            if (loop == null) {
                throw new IllegalArgumentException("Unknown OP '" + name + "'; known: " + all.keySet());
            }
            chosen.add(loop);
        }
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        print(names, measure(chosen, bh, sliceMs * 1_000_000L, rounds));
    }

    private static Map<String, Loop> loops() {
        IhdBenchmark ihd = new IhdBenchmark();
        WideBenchmark wide = new WideBenchmark();
        IterBenchmark iter = new IterBenchmark();
        iter.fill();
        Map<String, Loop> m = new LinkedHashMap<>();
        m.put("Ihd.handPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.handPackInto()); } });
        m.put("Ihd.recordPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.recordPackInto()); } });
        m.put("Ihd.accessorPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.accessorPackInto()); } });
        m.put("Ihd.handUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.handUnpack()); } });
        m.put("Ihd.recordUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.recordUnpack()); } });
        m.put("Ihd.accessorUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.accessorUnpack()); } });
        m.put("Ihd.handPackIntoBoxed", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.handPackIntoBoxed()); } });
        m.put("Ihd.boxedPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.boxedPackInto()); } });
        m.put("Ihd.boxedPack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.boxedPack()); } });
        m.put("Ihd.handUnpackBoxed", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.handUnpackBoxed()); } });
        m.put("Ihd.boxedUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.boxedUnpack()); } });
        m.put("Wide.handPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.handPackInto()); } });
        m.put("Wide.recordPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.recordPackInto()); } });
        m.put("Wide.accessorPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.accessorPackInto()); } });
        m.put("Wide.handUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.handUnpack()); } });
        m.put("Wide.recordUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.recordUnpack()); } });
        m.put("Wide.accessorUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.accessorUnpack()); } });
        m.put("Wide.handPackIntoBoxed", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.handPackIntoBoxed()); } });
        m.put("Wide.boxedPackInto", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.boxedPackInto()); } });
        m.put("Wide.boxedPack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.boxedPack()); } });
        m.put("Wide.handUnpackBoxed", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.handUnpackBoxed()); } });
        m.put("Wide.boxedUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.boxedUnpack()); } });
        m.put("Iter.handIter", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.handIter(bh); } });
        m.put("Iter.recordIterUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.recordIterUnpack(bh); } });
        m.put("Iter.recordIter", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.recordIter(bh); } });
        m.put("Iter.accessorIter", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.accessorIter(bh); } });
        m.put("Iter.handIterBoxed", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.handIterBoxed(bh); } });
        m.put("Iter.boxedIterUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.boxedIterUnpack(bh); } });
        return m;
    }

    /** Per loop and round, CPU nanoseconds per operation; batch sizes grow until a batch takes a millisecond. */
    private static double[][] measure(List<Loop> loops, Blackhole bh, long sliceNanos, int rounds) {
        int[] batch = new int[loops.size()];
        Arrays.fill(batch, 1);
        double[][] perOp = new double[loops.size()][rounds];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < loops.size(); k++) {
                int i = Math.floorMod(k + round, loops.size());
                Loop loop = loops.get(i);
                long ops = 0;
                long cpu = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long now;
                do {
                    long t = System.nanoTime();
                    loop.run(batch[i], bh);
                    ops += batch[i];
                    now = System.nanoTime();
                    if (now - t < 1_000_000L && batch[i] < (1 << 24)) {
                        batch[i] *= 2;
                    }
                } while (now - start < sliceNanos);
                if (round >= 0) {
                    perOp[i][round] = (double) (THREADS.getCurrentThreadCpuTime() - cpu) / ops;
                }
            }
        }
        return perOp;
    }

    private static void print(List<String> names, double[][] perOp) {
        int rounds = perOp[0].length;
        double first = median(perOp[0]);
        for (int i = 0; i < names.size(); i++) {
            double[] paired = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                paired[r] = perOp[i][r] / perOp[0][r];
            }
            double[] sorted = perOp[i].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-26s cpu-ns/op median %10.1f min %10.1f max %10.1f ratio %.3f "
                    + "paired-ratio %.3f%n", names.get(i), median(sorted), sorted[0], sorted[sorted.length - 1],
                    median(sorted) / first, median(paired));
        }
    }
}
