package io.procmux.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads CLI durations: {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, or a bare number of
 * seconds such as {@code 10} or {@code 0.25}. Negative values are refused.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String number;
        long unitNanos;
        if (t.endsWith("ms")) {
            number = t.substring(0, t.length() - 2);
            unitNanos = 1_000_000L;
        } else if (t.endsWith("s")) {
            number = t.substring(0, t.length() - 1);
            unitNanos = 1_000_000_000L;
        } else if (t.endsWith("m")) {
            number = t.substring(0, t.length() - 1);
            unitNanos = 60_000_000_000L;
        } else if (t.endsWith("h")) {
            number = t.substring(0, t.length() - 1);
            unitNanos = 3_600_000_000_000L;
        } else {
            number = t;
            unitNanos = 1_000_000_000L;
        }
        double value;
        try {
            value = Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a duration; write e.g. 500ms, 1s, 2m, 1h or a number of seconds");
        }
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value) || number.isBlank()) {
            throw new TypeConversionException("'" + text + "' is not a duration; it must be a non-negative number with ms, s, m or h");
        }
        double nanos = value * unitNanos;
        if (nanos > Long.MAX_VALUE) {
            throw new TypeConversionException("'" + text + "' is too long a duration");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** {@code 1.5s}, {@code 500ms}, {@code 2m}: the shortest readable form, for messages. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return (ms / 60_000) + "m";
        }
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + "s";
    }
}
