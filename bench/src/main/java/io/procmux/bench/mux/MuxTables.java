package io.procmux.bench.mux;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two markdown tables of {@code bench/run mux}: nanoseconds per wait (median, min, max,
 * samples, bytes allocated) per N and implementation, and the ratios of medians the issue sets
 * targets for, each marked within or over its target. This is the elapsed view, from JMH forks and
 * C processes run seconds apart; the verdicts are the paired CPU-time table's ({@link MuxCpuTime}).
 *
 * <p>Cost: builds strings; nothing else. Immutable.
 */
final class MuxTables {
    /** Implementations in table order, with their display names. */
    private static final List<String[]> IMPLS = List.of(
            new String[] {"c-epoll", "C `epoll_wait`"},
            new String[] {"c-epoll-mt", "C `epoll_wait`, 2 threads"},
            new String[] {"jnr-epoll", "bare jnr-ffi `epoll_wait`"},
            new String[] {"epoll", "procmux `epoll`"},
            new String[] {"nio", "JDK NIO `Selector`"},
            new String[] {"c-poll", "C `poll`"},
            new String[] {"c-poll-mt", "C `poll`, 2 threads"},
            new String[] {"jnr-poll", "bare jnr-ffi `poll`"},
            new String[] {"poll", "procmux `poll`"},
            new String[] {"c-select", "C `select`"},
            new String[] {"select", "procmux `select`"});

    /** A ratio of medians the issue cares about: {@code numerator / denominator}, with a target. */
    private record Ratio(String numerator, String denominator, String title, double limit, boolean strict) {
        String verdict(double value) {
            boolean met = strict ? value < limit : value <= limit;
            return met ? "within" : "**over**";
        }
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("epoll", "c-epoll", "epoll / C epoll (target ≤ 1.3)", 1.3, false),
            new Ratio("epoll", "c-epoll-mt", "epoll / C epoll, 2 threads", Double.NaN, false),
            new Ratio("epoll", "jnr-epoll", "epoll / bare jnr-ffi", Double.NaN, false),
            new Ratio("epoll", "nio", "epoll / NIO (target < 1)", 1.0, true),
            new Ratio("poll", "c-poll", "poll / C poll (target ≤ 1.3)", 1.3, false),
            new Ratio("poll", "c-poll-mt", "poll / C poll, 2 threads", Double.NaN, false),
            new Ratio("poll", "jnr-poll", "poll / bare jnr-ffi", Double.NaN, false),
            new Ratio("select", "c-select", "select / C select", Double.NaN, false));

    private final Map<String, Series> byKey;
    private final TreeSet<Integer> ns = new TreeSet<>();

    MuxTables(List<Series> series) {
        for (Series s : series) {
            if (IMPLS.stream().noneMatch(i -> i[0].equals(s.impl()))) {
                throw new IllegalArgumentException("Unknown implementation '" + s.impl() + "'; known: "
                        + IMPLS.stream().map(i -> i[0]).collect(Collectors.joining(", ")));
            }
            ns.add(s.n());
        }
        this.byKey = series.stream().collect(Collectors.toMap(s -> s.impl() + " " + s.n(), Function.identity()));
    }

    /** Nanoseconds per wait: one row per N and implementation measured. */
    String waits() {
        StringBuilder out = new StringBuilder();
        out.append("| N idle | implementation | median ns/wait | min | max | samples | bytes/wait |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (int n : ns) {
            for (String[] impl : IMPLS) {
                Series s = byKey.get(impl[0] + " " + n);
                if (s == null) {
                    continue;
                }
                String bytes = s.bytesPerWait().isPresent() ? format("%.2f", s.bytesPerWait().getAsDouble())
                        : impl[0].startsWith("c-") ? "n/a" : "not measured";
                out.append(format("| %,d | %s | %s | %s | %s | %d | %s |%n", n, impl[1], nanos(s.median()),
                        nanos(s.min()), nanos(s.max()), s.nanos().size(), bytes));
            }
        }
        return out.toString();
    }

    /** Ratios of medians per N, each marked within or over its target; columns with no data are left out. */
    String ratios() {
        List<Ratio> shown = new ArrayList<>();
        for (Ratio r : RATIOS) {
            if (ns.stream().anyMatch(n -> ratio(r, n).isPresent())) {
                shown.add(r);
            }
        }
        StringBuilder out = new StringBuilder("| N idle |");
        StringBuilder rule = new StringBuilder("|---:|");
        for (Ratio r : shown) {
            out.append(' ').append(r.title()).append(" |");
            rule.append("---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (int n : ns) {
            out.append(format("| %,d |", n));
            for (Ratio r : shown) {
                Optional<Double> value = ratio(r, n);
                out.append(' ').append(value.map(v -> format("%.2f", v)
                        + (Double.isNaN(r.limit()) ? "" : " " + r.verdict(v))).orElse("–")).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The ratios over their target on this elapsed view, one line each, or an empty list. */
    List<String> over() {
        List<String> out = new ArrayList<>();
        for (int n : ns) {
            for (Ratio r : RATIOS) {
                if (Double.isNaN(r.limit())) {
                    continue;
                }
                ratio(r, n).filter(v -> !r.verdict(v).equals("within"))
                        .ifPresent(v -> out.add(format("N=%,d: %s is %.2f", n, r.title(), v)));
            }
        }
        return out;
    }

    private Optional<Double> ratio(Ratio r, int n) {
        Series a = byKey.get(r.numerator() + " " + n);
        Series b = byKey.get(r.denominator() + " " + n);
        return a == null || b == null ? Optional.empty() : Optional.of(a.median() / b.median());
    }

    private static String nanos(double value) {
        return value >= 100 ? format("%,.0f", value) : format("%.1f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** The N values present, ascending. */
    List<Integer> ns() {
        return ns.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
