package io.procmux.bench.struct;

import static io.procmux.bench.SideBySideNumbers.median;
import static io.procmux.bench.SideBySideNumbers.positive;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU time per operation of the struct benchmarks and of CPython's {@code struct}, side by side in
 * one run: the same benchmark methods as {@link IhdBenchmark}, {@link WideBenchmark} and
 * {@link IterBenchmark}, each driven by a loop of its own (so each is compiled with its benchmark
 * inlined, as in a JMH stub), and CPython's calls timed in a child process that takes a sample when
 * asked ({@link CPythonStruct}), in interleaved slices whose order rotates per round. A Java slice
 * costs this thread's CPU time plus the CPU time the JVM's "VM Thread" spent meanwhile, which is
 * where the serial collector runs its pauses (part of the price of allocating; read from
 * {@code /proc/self/task/TID/schedstat}, or the pauses' elapsed time where that file is missing);
 * a CPython slice costs that process's CPU time. Time spent descheduled counts for none of them and load that comes and
 * goes falls on all alike, so ratios taken within a round hold where elapsed figures from separate
 * processes do not.
 *
 * <pre>java -DcompilerBlackholesEnabled=true -XX:+UnlockExperimentalVMOptions
 *   -XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler -XX:+UseSerialGC -Xmn256m -XX:+AlwaysPreTouch
 *   -Dprocmux.bench.structPython=bench/python/struct_bench.py
 *   -cp bench/target/benchmarks.jar io.procmux.bench.struct.StructCpuTime SLICE_MS ROUNDS OP...</pre>
 *
 * OP is {@code Ihd.NAME}, {@code Wide.NAME} or {@code Iter.NAME} with NAME a benchmark method of
 * that class, or {@code CPython.CASE} with CASE a case of {@code struct_bench.py}. Prints per OP
 * the median, minimum and maximum CPU nanoseconds per operation over ROUNDS slices (after at least
 * two warm-up rounds and {@code -Dprocmux.bench.warmupMs}, a second unless set, and until the JIT
 * has nothing left to compile), the ratio of
 * its median to the first OP's and the median of the per-round ratios to the first OP; with
 * {@code -Dprocmux.bench.printSlices=true} first every slice as {@code slice OP ROUND NS}. Without
 * the two blackhole options the results go through JMH's
 * ordinary Blackhole, which adds about a nanosecond to every operation. Touch the young generation
 * first ({@code -XX:+AlwaysPreTouch}): an allocating op that runs over fresh eden pages page-faults
 * every few allocations until the first collection (145 ns per {@code Ihd.boxedPack} instead of 5).
 * Cost: one thread; the benchmarks' own buffers (1 MiB for Iter); a child process for CPython OPs.
 */
public final class StructCpuTime {
    private static final int WARMUP_ROUNDS = 2;
    /** The least warm-up in milliseconds: {@code -Dprocmux.bench.warmupMs}, 1,000 unless set. */
    private static final long MIN_WARMUP_MS = Long.getLong("procmux.bench.warmupMs", 1_000);
    /** The most warm-up in milliseconds: {@code -Dprocmux.bench.warmupMaxMs}, 20,000 unless set. */
    private static final long MAX_WARMUP_MS = Long.getLong("procmux.bench.warmupMaxMs", 20_000);
    private static final String CPYTHON = "CPython.";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Looked up once: the lookup itself runs enough JDK code to keep the JIT busy through the warm-up. */
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final @Nullable FileChannel VM_THREAD = vmThread();
    private static final ByteBuffer STAT_BUFFER = ByteBuffer.allocate(128);
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

    /** One side of the comparison: takes a slice of about the given length, returns CPU ns per op. */
    private interface Slicer {
        double slice(long sliceNanos) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: StructCpuTime SLICE_MS ROUNDS OP... (OP: Ihd.NAME, Wide.NAME, "
                    + "Iter.NAME, CPython.CASE); got " + args.length + " arguments");
        }
        run(positive("SLICE_MS", args[0]), positive("ROUNDS", args[1]),
                Arrays.asList(args).subList(2, args.length), Boolean.getBoolean("procmux.bench.printSlices"),
                System.out);
    }

    /** Measures {@code names} in {@code rounds} rounds of {@code sliceMs} slices and prints to {@code out}. */
    static void run(int sliceMs, int rounds, List<String> names, boolean printSlices, PrintStream out)
            throws IOException {
        Set<String> prefixes = new HashSet<>();
        for (String name : names) {
            prefixes.add(name.substring(0, Math.max(0, name.indexOf('.'))));
        }
        Map<String, Loop> all = loops(prefixes);
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        CPythonStruct python = null;
        try {
            List<Slicer> chosen = new ArrayList<>();
            for (String name : names) {
                if (name.startsWith(CPYTHON)) {
                    if (python == null) {
                        python = CPythonStruct.start();
                    }
                    CPythonStruct p = python;
                    String pythonCase = name.substring(CPYTHON.length());
                    chosen.add(nanos -> p.sample(pythonCase, Math.max(1, nanos / 1_000_000L)));
                    continue;
                }
                Loop loop = all.get(name);
                if (loop == null) {
                    throw new IllegalArgumentException("Unknown OP '" + name + "'; known: "
                            + loops(Set.of("Ihd", "Wide", "Iter")).keySet()
                            + " and CPython.CASE");
                }
                chosen.add(javaSlicer(loop, bh));
            }
            double[][] perOp = measure(chosen, sliceMs * 1_000_000L, rounds);
            if (printSlices) {
                for (int i = 0; i < names.size(); i++) {
                    for (int r = 0; r < rounds; r++) {
                        out.printf(Locale.ROOT, "slice %s %d %.3f%n", names.get(i), r, perOp[i][r]);
                    }
                }
            }
            print(names, perOp, out);
        } finally {
            if (python != null) {
                python.close();
            }
        }
    }

    /**
     * The loops of the benchmark classes named by {@code prefixes} ({@code Ihd}, {@code Wide},
     * {@code Iter}); only their states are made, so no other benchmark's set-up (the 65,536
     * {@code packInto} calls filling Iter's MiB) runs and shapes the JIT's profiles.
     */
    private static Map<String, Loop> loops(Set<String> prefixes) {
        Map<String, Loop> m = new LinkedHashMap<>();
        if (prefixes.contains("Ihd")) {
            IhdBenchmark ihd = new IhdBenchmark();
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
            m.put("Ihd.boxedUnpackFrom", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(ihd.boxedUnpackFrom()); } });
        }
        if (prefixes.contains("Wide")) {
            WideBenchmark wide = new WideBenchmark();
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
            m.put("Wide.boxedUnpackFrom", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { bh.consume(wide.boxedUnpackFrom()); } });
        }
        if (prefixes.contains("Iter")) {
            IterBenchmark iter = new IterBenchmark();
            iter.fill();
            m.put("Iter.handIter", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.handIter(bh); } });
            m.put("Iter.recordIterUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.recordIterUnpack(bh); } });
            m.put("Iter.recordIter", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.recordIter(bh); } });
            m.put("Iter.accessorIter", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.accessorIter(bh); } });
            m.put("Iter.handIterBoxed", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.handIterBoxed(bh); } });
            m.put("Iter.boxedIterUnpack", (n, bh) -> { for (int k = 0; k < n && !stop; k++) { iter.boxedIterUnpack(bh); } });
        }
        return m;
    }

    /**
     * A Java loop in slices: batch sizes grow until a batch takes a millisecond; a slice costs this
     * thread's CPU time plus the VM thread's (the collections) meanwhile.
     */
    private static Slicer javaSlicer(Loop loop, Blackhole bh) {
        int[] batch = {1};
        return sliceNanos -> {
            long ops = 0;
            long collector = collectorNanos();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long now;
            do {
                long t = System.nanoTime();
                loop.run(batch[0], bh);
                ops += batch[0];
                now = System.nanoTime();
                if (now - t < 1_000_000L && batch[0] < (1 << 24)) {
                    batch[0] *= 2;
                }
            } while (now - start < sliceNanos);
            long spent = THREADS.getCurrentThreadCpuTime() - cpu;
            return (double) (spent + collectorNanos() - collector) / ops;
        };
    }

    /**
     * The CPU nanoseconds the VM thread has run so far (the serial collector's pauses run there);
     * where its schedstat cannot be read, the collectors' elapsed pause time instead, which also
     * counts the pauses' time descheduled (it inflated allocating ops by half in busy rounds).
     */
    private static long collectorNanos() {
        FileChannel stat = VM_THREAD;
        if (stat != null) {
            try {
                ByteBuffer b = STAT_BUFFER;
                b.clear();
                stat.read(b, 0);
                long nanos = 0;
                for (int i = 0; i < b.position() && b.get(i) != ' '; i++) {
                    nanos = nanos * 10 + (b.get(i) - '0');
                }
                return nanos;
            } catch (IOException e) {
                // fall through to the pause times
            }
        }
        long millis = 0;
        for (GarbageCollectorMXBean gc : COLLECTORS) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis * 1_000_000L;
    }

    /**
     * {@code /proc/self/task/TID/schedstat} of the thread named "VM Thread", opened once (a read is
     * then one pread into {@link #STAT_BUFFER}, a few methods the JIT compiles in the first round;
     * reading the file anew each slice kept the JIT busy for ten rounds); null where it cannot be.
     */
    private static @Nullable FileChannel vmThread() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if ("VM Thread".equals(Files.readString(task.resolve("comm")).strip())) {
                    return FileChannel.open(task.resolve("schedstat"), StandardOpenOption.READ);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // not Linux, or no /proc: the pause times will do
        }
        return null;
    }

    /**
     * Per slicer and round, CPU nanoseconds per operation; the order of the slicers rotates per round.
     * Warm-up rounds run first until the JIT is done: at least {@value #WARMUP_ROUNDS} rounds and
     * {@link #MIN_WARMUP_MS} ms, then until a whole round passes without the JIT compiling anything
     * (at most {@link #MAX_WARMUP_MS} ms). A struct runs its loops until it has specialised and the
     * JIT has compiled the generated code; on a busy machine that took seconds, and a fixed warm-up
     * of 0.8 s left a 32-field record pack at 170 times its steady cost.
     */
    private static double[][] measure(List<Slicer> slicers, long sliceNanos, int rounds) throws IOException {
        double[][] perOp = new double[slicers.size()][rounds];
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        int rotation = 0;
        for (int w = 0; ; w++) {
            long compiled = monitored ? jit.getTotalCompilationTime() : 0;
            round(slicers, sliceNanos, rotation++);
            long warm = (System.nanoTime() - start) / 1_000_000L;
            boolean quiet = !monitored || jit.getTotalCompilationTime() == compiled;
            if (warm >= MAX_WARMUP_MS || (w + 1 >= WARMUP_ROUNDS && warm >= MIN_WARMUP_MS && quiet)) {
                System.err.printf(Locale.ROOT, "StructCpuTime: warmed up in %d rounds, %d ms%s%n", w + 1, warm,
                        quiet ? "" : " (the JIT was still compiling)");
                break;
            }
        }
        for (int r = 0; r < rounds; r++) {
            double[] ns = round(slicers, sliceNanos, rotation++);
            for (int i = 0; i < ns.length; i++) {
                perOp[i][r] = ns[i];
            }
        }
        return perOp;
    }

    /** One slice of each slicer, starting at {@code rotation} modulo their count; CPU ns per op by slicer. */
    private static double[] round(List<Slicer> slicers, long sliceNanos, int rotation) throws IOException {
        double[] ns = new double[slicers.size()];
        for (int k = 0; k < slicers.size(); k++) {
            int i = Math.floorMod(k + rotation, slicers.size());
            ns[i] = slicers.get(i).slice(sliceNanos);
        }
        return ns;
    }

    private static void print(List<String> names, double[][] perOp, PrintStream out) {
        int rounds = perOp[0].length;
        double first = median(perOp[0]);
        for (int i = 0; i < names.size(); i++) {
            double[] paired = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                paired[r] = perOp[i][r] / perOp[0][r];
            }
            double[] sorted = perOp[i].clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "%-26s cpu-ns/op median %10.1f min %10.1f max %10.1f ratio %.3f "
                    + "paired-ratio %.3f%n", names.get(i), median(sorted), sorted[0], sorted[sorted.length - 1],
                    median(sorted) / first, median(paired));
        }
    }
}
