package io.procmux.bench.spawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The measurements the spawn section collected: one line per value, four tab-separated fields
 * {@code case run metric value}, e.g. {@code procmux posix\t3\tns_per_spawn\t612345}; blank lines
 * and lines starting with {@code #} are skipped. A case is one command under test (a backend, a
 * heap size); a run is one round of the section, in which every case ran once, alternating.
 *
 * <p>Cost: the whole file in memory, a few dozen bytes per value.
 */
final class Samples {
    /** One value. */
    record Sample(String kase, int run, String metric, double value) {
    }

    private final List<Sample> samples;

    private Samples(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** Reads a file. @throws IllegalArgumentException naming the line that is malformed */
    static Samples read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses lines; {@code source} names them in errors. @throws IllegalArgumentException naming the line that is malformed */
    static Samples parse(String source, List<String> lines) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(where + ": expected 4 tab-separated fields (case, run, metric, value), got "
                        + f.length + ": " + line);
            }
            if (f[0].isBlank() || f[2].isBlank()) {
                throw new IllegalArgumentException(where + ": empty case or metric: " + line);
            }
            int run;
            double value;
            try {
                run = Integer.parseInt(f[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": run must be an integer, not '" + f[1] + "'", e);
            }
            try {
                value = Double.parseDouble(f[3].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": value must be a number, not '" + f[3] + "'", e);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(where + ": value must be finite, not " + f[3]);
            }
            out.add(new Sample(f[0], run, f[2].trim(), value));
        }
        return new Samples(out);
    }

    /** The cases that have {@code metric}, in the order they first appear. */
    List<String> cases(String metric) {
        Set<String> cases = new LinkedHashSet<>();
        for (Sample s : samples) {
            if (s.metric().equals(metric)) {
                cases.add(s.kase());
            }
        }
        return List.copyOf(cases);
    }

    /** The values of {@code metric} for {@code kase}, grouped by run, runs in ascending order. */
    SortedMap<Integer, double[]> byRun(String kase, String metric) {
        SortedMap<Integer, List<Double>> lists = new TreeMap<>();
        for (Sample s : samples) {
            if (s.kase().equals(kase) && s.metric().equals(metric)) {
                lists.computeIfAbsent(s.run(), r -> new ArrayList<>()).add(s.value());
            }
        }
        SortedMap<Integer, double[]> out = new TreeMap<>();
        lists.forEach((run, values) -> out.put(run, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /**
     * One number per run (the mean of the run's values, for metrics reported once per run it is
     * that value), runs in ascending order.
     *
     * @throws IllegalArgumentException when {@code kase} has no value of {@code metric}
     */
    SortedMap<Integer, Double> perRun(String kase, String metric) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        byRun(kase, metric).forEach((run, values) -> out.put(run, Stats.mean(values)));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no '" + metric + "' values for case '" + kase + "'; cases with it: " + cases(metric));
        }
        return out;
    }

    /** Every value of {@code metric} for {@code kase}, all runs pooled. */
    double[] pooled(String kase, String metric) {
        return samples.stream().filter(s -> s.kase().equals(kase) && s.metric().equals(metric))
                .mapToDouble(Sample::value).toArray();
    }
}
