package io.procmux.bench.mux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the samples of {@code bench/run mux}: JMH's JSON results of {@link MuxWaitBenchmark}
 * (implementation = its {@code backend} parameter), {@link NioWaitBenchmark} ({@code nio}) and
 * {@link RawEpollWaitBenchmark} ({@code jnr-epoll}), {@link RawPollWaitBenchmark} ({@code jnr-poll}),
 * and the lines {@code BACKEND N NS_PER_WAIT} of {@code bench/c/mux_wait} ({@code c-BACKEND}).
 * Samples of one implementation and N from several files or lines are pooled, in order.
 *
 * <p>Cost: linear in the input. Not thread-safe.
 */
final class SampleReader {
    private final Map<String, List<Double>> nanos = new LinkedHashMap<>();
    private final Map<String, Double> bytes = new LinkedHashMap<>();

    /**
     * Adds every result of one JMH JSON file.
     *
     * @throws IllegalArgumentException when the text is not JMH's JSON or names another benchmark
     */
    void addJmh(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof List<?> results)) {
            throw new IllegalArgumentException("JMH JSON must be an array of results");
        }
        for (Object result : results) {
            Map<?, ?> r = map(result, "a result");
            String benchmark = string(r.get("benchmark"), "benchmark");
            Map<?, ?> params = r.get("params") == null ? Map.of() : map(r.get("params"), "params");
            String impl;
            if (benchmark.endsWith("." + MuxWaitBenchmark.class.getSimpleName() + ".await")) {
                impl = string(params.get("backend"), "params.backend");
            } else if (benchmark.endsWith("." + NioWaitBenchmark.class.getSimpleName() + ".await")) {
                impl = "nio";
            } else if (benchmark.endsWith("." + RawEpollWaitBenchmark.class.getSimpleName() + ".await")) {
                impl = "jnr-epoll";
            } else if (benchmark.endsWith("." + RawPollWaitBenchmark.class.getSimpleName() + ".await")) {
                impl = "jnr-poll";
            } else {
                throw new IllegalArgumentException("Not a mux wait benchmark: " + benchmark);
            }
            int n = parseN(string(params.get("n"), "params.n"));
            Map<?, ?> primary = map(r.get("primaryMetric"), "primaryMetric");
            String unit = string(primary.get("scoreUnit"), "primaryMetric.scoreUnit");
            if (!unit.equals("ns/op")) {
                throw new IllegalArgumentException("Expected ns/op for " + benchmark + ", got " + unit);
            }
            List<Double> samples = nanos.computeIfAbsent(key(impl, n), k -> new ArrayList<>());
            for (Object fork : list(primary.get("rawData"), "primaryMetric.rawData")) {
                for (Object value : list(fork, "primaryMetric.rawData[]")) {
                    samples.add(number(value, "primaryMetric.rawData[][]"));
                }
            }
            Object secondary = r.get("secondaryMetrics");
            if (secondary instanceof Map<?, ?> metrics) {
                for (Map.Entry<?, ?> metric : metrics.entrySet()) {
                    if (String.valueOf(metric.getKey()).replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                        Map<?, ?> m = map(metric.getValue(), "gc.alloc.rate.norm");
                        bytes.put(key(impl, n), number(m.get("score"), "gc.alloc.rate.norm.score"));
                    }
                }
            }
        }
    }

    /**
     * Adds the samples printed by {@code mux_wait}; blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line that is not {@code BACKEND N NS}
     */
    void addC(String text) {
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Line " + lineNumber + " is not 'BACKEND N NS_PER_WAIT': " + line);
            }
            double ns;
            try {
                ns = Double.parseDouble(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Line " + lineNumber + " has no number of nanoseconds: " + line);
            }
            nanos.computeIfAbsent(key("c-" + parts[0], parseN(parts[1])), k -> new ArrayList<>()).add(ns);
        }
    }

    /** Every series read so far, in the order first seen. */
    List<Series> series() {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : nanos.entrySet()) {
            String[] k = e.getKey().split(" ");
            Double b = bytes.get(e.getKey());
            out.add(new Series(k[0], Integer.parseInt(k[1]), e.getValue(),
                    b == null ? OptionalDouble.empty() : OptionalDouble.of(b)));
        }
        return out;
    }

    private static String key(String impl, int n) {
        return impl + " " + n;
    }

    private static int parseN(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("N must be a positive integer, not '" + text + "'");
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("JMH JSON: " + what + " must be an object");
    }

    private static List<?> list(Object value, String what) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("JMH JSON: " + what + " must be an array");
    }

    private static String string(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("JMH JSON: " + what + " must be a string");
    }

    private static double number(Object value, String what) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s && s.equals("NaN")) {
            return Double.NaN;
        }
        throw new IllegalArgumentException("JMH JSON: " + what + " must be a number");
    }
}
