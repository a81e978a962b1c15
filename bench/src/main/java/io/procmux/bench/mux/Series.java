package io.procmux.bench.mux;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The samples of one implementation at one N: nanoseconds per wait (one per JMH iteration or C
 * sample) and, when measured, bytes allocated per wait.
 *
 * @param impl the implementation, e.g. {@code epoll}, {@code nio}, {@code c-poll}
 * @param n the number of idle descriptors
 * @param nanos nanoseconds per wait, one per sample; never empty
 * @param bytesPerWait JMH's {@code gc.alloc.rate.norm}, if {@code -prof gc} ran
 */
record Series(String impl, int n, List<Double> nanos, OptionalDouble bytesPerWait) {
    Series {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("No samples for " + impl + " at N=" + n);
        }
        nanos = List.copyOf(nanos);
    }

    /** The median sample (the mean of the middle two for an even count). */
    double median() {
        double[] sorted = nanos.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The smallest sample. */
    double min() {
        return nanos.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** The largest sample. */
    double max() {
        return nanos.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
