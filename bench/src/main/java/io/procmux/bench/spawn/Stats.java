package io.procmux.bench.spawn;

import java.util.Arrays;

/**
 * Order statistics of a sample: median (the mean of the two middle values for an even count, as
 * Python's {@code statistics.median} and hyperfine do), nearest-rank percentiles, min, max and mean.
 * Every method copies and sorts its input, leaving the caller's array alone.
 *
 * <p>Cost: one copy and one sort, O(n log n), per call.
 */
final class Stats {
    private Stats() {
    }

    /** The median. @throws IllegalArgumentException for no values */
    static double median(double... values) {
        double[] s = sorted(values);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value such that at least {@code p} percent of the
     * values are at or below it ({@code p = 0} gives the minimum, {@code 100} the maximum). With
     * 1,000 values p99 is the 990th smallest, so the ten slowest are above it.
     *
     * @throws IllegalArgumentException for no values or {@code p} outside 0..100
     */
    static double percentile(double p, double... values) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100, not " + p);
        }
        double[] s = sorted(values);
        // The epsilon keeps a product like 99.9 * 1000 / 100 = 999.0000000000001 at rank 999.
        int rank = (int) Math.ceil(p * s.length / 100 - 1e-9);
        return s[Math.max(rank, 1) - 1];
    }

    /** The smallest value. @throws IllegalArgumentException for no values */
    static double min(double... values) {
        return sorted(values)[0];
    }

    /** The largest value. @throws IllegalArgumentException for no values */
    static double max(double... values) {
        double[] s = sorted(values);
        return s[s.length - 1];
    }

    /** The arithmetic mean. @throws IllegalArgumentException for no values */
    static double mean(double... values) {
        requireSome(values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] sorted(double[] values) {
        requireSome(values);
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    private static void requireSome(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("not a finite number: " + v);
            }
        }
    }
}
