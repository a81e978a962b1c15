package io.procmux.cli.parallel;

import java.time.Duration;

/** Durations in messages: {@code 500ms}, {@code 2s}, {@code 1.5s}. Cost: a string per call. */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + "s";
    }
}
