package io.procmux.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times several contenders side by side: one untimed warm-up round, then {@code rounds} rounds in
 * which every contender runs its loop once, in turn (A B C A B C ...), so a machine that gets
 * busier or quieter affects all of them alike. Reports per contender the median, min and max time
 * per operation and the ratio of its median to the fastest median. Cost: the contenders' loops;
 * a few objects per round.
 */
public final class SideBySide {
    /** One contender: runs {@code operations} operations per call. */
    @FunctionalInterface
    public interface Loop {
        /** Runs the operations once. */
        void run(int operations) throws Exception;
    }

    private final Map<String, Loop> contenders = new LinkedHashMap<>();

    /** Adds a contender under {@code name}. */
    public SideBySide add(String name, Loop loop) {
        contenders.put(name, loop);
        return this;
    }

    /** Whether there is anything to time. */
    public boolean isEmpty() {
        return contenders.isEmpty();
    }

    /** Runs the rounds and prints the table. */
    public void run(int operations, int rounds, PrintWriter out) throws Exception {
        for (Loop loop : contenders.values()) {
            loop.run(operations);
        }
        Map<String, List<Double>> perOp = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> perOp.put(name, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Loop> c : contenders.entrySet()) {
                long start = System.nanoTime();
                c.getValue().run(operations);
                perOp.get(c.getKey()).add((System.nanoTime() - start) / (double) operations);
            }
        }
        if (java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:TieredStopAtLevel=1")) {
            out.println("(JIT limited to C1, the launcher's start-up setting; for steady-state figures run with "
                    + "PROCMUX_JAVA_OPTS=-XX:TieredStopAtLevel=4)");
        }
        double fastest = perOp.values().stream().mapToDouble(SideBySide::median).min().orElse(1);
        String format = "%-24s %12s %12s %12s %10s%n";
        out.printf(format, "", "MEDIAN", "MIN", "MAX", "÷ FASTEST");
        for (Map.Entry<String, List<Double>> e : perOp.entrySet()) {
            List<Double> v = e.getValue();
            out.printf(format, e.getKey(), time(median(v)), time(v.stream().mapToDouble(d -> d).min().orElse(0)),
                    time(v.stream().mapToDouble(d -> d).max().orElse(0)),
                    String.format(Locale.ROOT, "%.2f", median(v) / fastest));
        }
        out.flush();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nanoseconds as {@code 812 ns}, {@code 2.41 µs} or {@code 3.10 ms}. */
    static String time(double nanos) {
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.2f µs", nanos / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000);
    }
}
