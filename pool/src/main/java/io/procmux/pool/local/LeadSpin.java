package io.procmux.pool.local;

import java.util.concurrent.TimeUnit;

/**
 * How long a caller leading a sync apply ({@link DirectApply}) polls its worker's socket without
 * sleeping before it waits on it. Sleeping and being woken costs a context switch each way, and
 * when the caller's CPU went idle meanwhile, an inter-processor wake-up too (on virtual machines,
 * often more than the whole task); a short task's answer comes sooner than that. So the caller
 * polls for at most {@value #DEFAULT_MICROS} µs by default, and only while the pool's tasks are
 * known to finish well within that window (the moving average of their run times in the workers,
 * see {@link Scheduling}), and only with more than one processor (else the worker cannot run
 * while the caller polls). On a quiet machine the kernel wakes the worker on another, idle CPU;
 * on a busy one it may wake it on the caller's, where polling would keep it from running, so the
 * caller yields its CPU every {@value #YIELD_MICROS} µs while it polls.
 * {@code -D}{@value #PROPERTY}{@code =N} sets the window in µs, 0 turns it off.
 *
 * <p>Cost: while polling, one non-blocking {@code recv} per turn, a {@code sched_yield} every
 * {@value #YIELD_MICROS} µs, and the caller's CPU, at most the window per apply; nothing for tasks
 * longer than the window. No allocation.
 */
final class LeadSpin {
    /** The system property giving the window in microseconds. */
    static final String PROPERTY = "procmux.pool.applySpinMicros";
    static final long DEFAULT_MICROS = 50;
    /** The largest window: the whole lead ({@link DirectApply#LEAD_MICROS}). */
    static final long MAX_MICROS = DirectApply.LEAD_MICROS;

    static final long YIELD_MICROS = 10;
    static final long YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(YIELD_MICROS);

    private final long nanos;

    private LeadSpin(long micros) {
        this.nanos = TimeUnit.MICROSECONDS.toNanos(micros);
    }

    /**
     * The window the system property asks for, or the default; none with a single processor.
     *
     * @throws IllegalArgumentException when the property is not a whole number from 0 to {@value #MAX_MICROS}
     */
    static LeadSpin fromProperties() {
        String text = System.getProperty(PROPERTY);
        long micros = DEFAULT_MICROS;
        if (text != null) {
            try {
                micros = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                micros = -1;
            }
            if (micros < 0 || micros > MAX_MICROS) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number of microseconds from 0 to "
                        + MAX_MICROS + ", not '" + text + "'");
            }
        }
        return new LeadSpin(Runtime.getRuntime().availableProcessors() > 1 ? micros : 0);
    }

    /** The window in nanoseconds when tasks that run {@code serviceNanos} on average are worth polling for, else 0. */
    long nanosFor(long serviceNanos) {
        return serviceNanos < nanos / 2 ? nanos : 0;
    }
}
