package io.procmux.bench;

import java.util.Arrays;

/**
 * The two small helpers every side-by-side timer in bench/ needs ({@code IpcSideBySide},
 * {@code MuxCpuTime}, {@code StructCpuTime}): the median of a round's samples and a positive
 * whole-number argument with a message naming it. Cost: {@link #median} copies and sorts its input.
 */
public final class SideBySideNumbers {
    private SideBySideNumbers() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count); the input is not changed. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * {@code text} as an int of at least 1.
     *
     * @throws IllegalArgumentException naming the argument when it is not a whole number or below 1
     */
    public static int positive(String name, String text) {
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
}
