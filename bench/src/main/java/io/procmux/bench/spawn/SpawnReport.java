package io.procmux.bench.spawn;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the section's {@link Samples} file into markdown for {@code bench/results/spawn.md}:
 *
 * <pre>
 * SpawnReport runs    FILE METRIC SCALE UNIT REF...        one row per case: median, min, max over runs, ratio to each REF
 * SpawnReport ratio   FILE METRIC NUM DEN [le|ge LIMIT]     one line: median(NUM) / median(DEN), per-run range, target met?
 * SpawnReport latency FILE METRIC SCALE UNIT               one row per case: p50 and p99 per run (median, min-max), pooled
 * SpawnReport counts  FILE METRIC...                       one row per case: each metric's median over runs
 * </pre>
 *
 * Values are divided by SCALE (e.g. 1000 for nanoseconds to microseconds) and labelled UNIT.
 * Cost: the samples file in memory.
 */
public final class SpawnReport {
    private static final String USAGE = "SpawnReport runs FILE METRIC SCALE UNIT REF... | ratio FILE METRIC NUM DEN [le|ge LIMIT]"
            + " | latency FILE METRIC SCALE UNIT | counts FILE METRIC...";

    private SpawnReport() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] argv) {
        Args.run("SpawnReport", () -> System.out.print(render(argv)));
    }

    /** The markdown for one command line. @throws IllegalArgumentException for a bad command line or file */
    static String render(String[] argv) throws java.io.IOException {
        if (argv.length < 3) {
            throw new IllegalArgumentException("usage: " + USAGE);
        }
        Samples samples = Samples.read(Path.of(argv[1]));
        String metric = argv[2];
        List<String> rest = Arrays.asList(argv).subList(3, argv.length);
        switch (argv[0]) {
            case "runs":
                requireAtLeast(rest, 3, "runs FILE METRIC SCALE UNIT REF...");
                return runs(samples, metric, number(rest.get(0), "SCALE"), rest.get(1), rest.subList(2, rest.size()));
            case "ratio":
                if (rest.size() != 2 && rest.size() != 4) {
                    throw new IllegalArgumentException("usage: ratio FILE METRIC NUM DEN [le|ge LIMIT]");
                }
                return rest.size() == 2 ? ratio(samples, metric, rest.get(0), rest.get(1), null, 0)
                        : ratio(samples, metric, rest.get(0), rest.get(1), rest.get(2), number(rest.get(3), "LIMIT"));
            case "latency":
                requireAtLeast(rest, 2, "latency FILE METRIC SCALE UNIT");
                return latency(samples, metric, number(rest.get(0), "SCALE"), rest.get(1));
            case "counts":
                return counts(samples, Arrays.asList(argv).subList(2, argv.length));
            default:
                throw new IllegalArgumentException("unknown table '" + argv[0] + "'; usage: " + USAGE);
        }
    }

    /** Median, min and max over runs per case, and the ratio of medians to each reference case. */
    static String runs(Samples samples, String metric, double scale, String unit, List<String> refs) {
        StringBuilder out = new StringBuilder();
        out.append("| case | median ").append(unit).append(" | min ").append(unit).append(" | max ").append(unit).append(" | runs |");
        for (String ref : refs) {
            out.append(" ÷ ").append(ref).append(" |");
        }
        out.append("\n|---|---:|---:|---:|---:|").append("---:|".repeat(refs.size())).append('\n');
        for (String kase : samples.cases(metric)) {
            double[] v = values(samples.perRun(kase, metric));
            out.append("| ").append(kase).append(" | ").append(num(Stats.median(v) / scale)).append(" | ")
                    .append(num(Stats.min(v) / scale)).append(" | ").append(num(Stats.max(v) / scale)).append(" | ")
                    .append(v.length).append(" |");
            for (String ref : refs) {
                double refMedian = Stats.median(values(samples.perRun(ref, metric)));
                out.append(' ').append(ratio(Stats.median(v) / refMedian)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * One markdown bullet: the ratio of the two cases' medians, the range of the per-run ratios
     * (runs alternate, so run i of both was measured side by side), and, given a limit, whether
     * the median ratio meets it ({@code le}: at most, {@code ge}: at least).
     */
    static String ratio(Samples samples, String metric, String num, String den, @org.jspecify.annotations.Nullable String op,
            double limit) {
        SortedMap<Integer, Double> a = samples.perRun(num, metric);
        SortedMap<Integer, Double> b = samples.perRun(den, metric);
        double r = Stats.median(values(a)) / Stats.median(values(b));
        SortedMap<Integer, Double> paired = new TreeMap<>();
        a.forEach((run, x) -> {
            if (b.containsKey(run)) {
                paired.put(run, x / b.get(run));
            }
        });
        StringBuilder out = new StringBuilder("- ").append(num).append(" / ").append(den).append(": **").append(ratio(r))
                .append("** (ratio of medians");
        if (!paired.isEmpty()) {
            double[] p = values(paired);
            out.append("; per-run ratios ").append(ratio(Stats.min(p))).append("–").append(ratio(Stats.max(p)));
        }
        out.append(")");
        if (op != null) {
            boolean met;
            if (op.equals("le")) {
                met = r <= limit;
            } else if (op.equals("ge")) {
                met = r >= limit;
            } else {
                throw new IllegalArgumentException("comparison must be 'le' or 'ge', not '" + op + "'");
            }
            out.append("; target ").append(op.equals("le") ? "≤ " : "≥ ").append(ratio(limit)).append(": ")
                    .append(met ? "met" : "**missed**");
        }
        return out.append('\n').toString();
    }

    /** p50 and p99 of each run (median, min–max over runs) and of all runs pooled, plus the pooled maximum. */
    static String latency(Samples samples, String metric, double scale, String unit) {
        StringBuilder out = new StringBuilder();
        out.append("| case | runs | samples | p50 ").append(unit).append(" median (min–max of runs) | p99 ").append(unit)
                .append(" median (min–max of runs) | pooled p50 | pooled p99 | pooled max |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String kase : samples.cases(metric)) {
            SortedMap<Integer, double[]> runs = samples.byRun(kase, metric);
            double[] p50 = runs.values().stream().mapToDouble(v -> Stats.percentile(50, v)).toArray();
            double[] p99 = runs.values().stream().mapToDouble(v -> Stats.percentile(99, v)).toArray();
            double[] all = samples.pooled(kase, metric);
            out.append("| ").append(kase).append(" | ").append(runs.size()).append(" | ").append(all.length).append(" | ")
                    .append(spread(p50, scale)).append(" | ").append(spread(p99, scale)).append(" | ")
                    .append(num(Stats.percentile(50, all) / scale)).append(" | ")
                    .append(num(Stats.percentile(99, all) / scale)).append(" | ")
                    .append(num(Stats.max(all) / scale)).append(" |\n");
        }
        return out.toString();
    }

    /** Per case, each metric's median over runs, with the min–max range when runs differ. */
    static String counts(Samples samples, List<String> metrics) {
        StringBuilder out = new StringBuilder("| case | runs |");
        for (String m : metrics) {
            out.append(' ').append(m).append(" |");
        }
        out.append("\n|---|---:|").append("---:|".repeat(metrics.size())).append('\n');
        for (String kase : samples.cases(metrics.get(0))) {
            out.append("| ").append(kase).append(" | ").append(samples.perRun(kase, metrics.get(0)).size()).append(" |");
            for (String m : metrics) {
                double[] v = values(samples.perRun(kase, m));
                out.append(' ').append(Stats.min(v) == Stats.max(v) ? num(v[0]) : spread(v, 1)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String spread(double[] v, double scale) {
        return num(Stats.median(v) / scale) + " (" + num(Stats.min(v) / scale) + "–" + num(Stats.max(v) / scale) + ")";
    }

    /** Three significant figures or so: 1234, 123, 12.3, 1.23; integers stay integers. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    private static double[] values(SortedMap<Integer, Double> byRun) {
        return byRun.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double number(String text, String name) {
        try {
            double v = Double.parseDouble(text);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be a positive number, not '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number, not '" + text + "'", e);
        }
    }

    private static void requireAtLeast(List<String> rest, int n, String usage) {
        if (rest.size() < n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
