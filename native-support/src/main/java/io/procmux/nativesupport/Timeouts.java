package io.procmux.nativesupport;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The one timeout rule of every procmux multiplexer, for the millisecond syscalls {@code poll},
 * {@code select} and {@code epoll_wait}: negative or null blocks, zero returns at once, anything in between rounds
 * up to the next millisecond (never a busy loop), and values beyond {@code int} milliseconds
 * are clamped (the wait loop then waits again for the rest).
 *
 * <p>Cost: arithmetic only; allocates nothing.
 */
public final class Timeouts {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    private Timeouts() {
    }

    /** A {@link Duration} as nanoseconds: -1 for null or negative, saturated at {@link Long#MAX_VALUE}. */
    public static long toNanos(@Nullable Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            return -1;
        }
        return timeout.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
    }

    /** The syscall argument for a wait of {@code nanos}: -1 blocks, 0 polls, otherwise ceil(ms), clamped. */
    public static int toMillis(long nanos) {
        if (nanos < 0) {
            return -1;
        }
        long millis = nanos / NANOS_PER_MILLI + (nanos % NANOS_PER_MILLI == 0 ? 0 : 1);
        return millis > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) millis;
    }

    /** Whether a wait of {@code nanos} does not fit one syscall and was clamped by {@link #toMillis}. */
    public static boolean isClamped(long nanos) {
        return nanos / NANOS_PER_MILLI >= Integer.MAX_VALUE;
    }

    /**
     * The time left of a wait of {@code timeoutNanos} that started at {@code startNanos} (a
     * {@link System#nanoTime()} reading, so the deadline is monotonic): -1 stays -1 (blocking),
     * otherwise never below 0. Overflow-safe for any timeout.
     */
    public static long remaining(long timeoutNanos, long startNanos, long nowNanos) {
        if (timeoutNanos < 0) {
            return -1;
        }
        long left = timeoutNanos - (nowNanos - startNanos);
        return left < 0 ? 0 : left;
    }
}
