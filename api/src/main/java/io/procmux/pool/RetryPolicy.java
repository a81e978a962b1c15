package io.procmux.pool;

/**
 * How often a pool runs a task again when the worker (or cluster member) running it died, as a
 * {@link WorkerDiedException} says. For idempotent tasks only: a task that died mid-way may have
 * done part of its work. A task that throws is never retried. The default, {@link #none()}, runs
 * each task at most once. Immutable value.
 *
 * <p>Cost: none until a worker dies; then one more submission per retry.
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = new RetryPolicy(1);
    private final int maxAttempts;

    private RetryPolicy(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Each task runs at most once: a worker death fails it. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * A task runs at most {@code maxAttempts} times in all (1 or more) while its workers die.
     *
     * @throws IllegalArgumentException when {@code maxAttempts} is below 1
     */
    public static RetryPolicy maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, not " + maxAttempts);
        }
        return maxAttempts == 1 ? NONE : new RetryPolicy(maxAttempts);
    }

    /** The most times a task runs. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether a task whose worker died on its {@code attempt}-th run (counting from 1) runs again. */
    public boolean retriesAfter(int attempt) {
        return attempt < maxAttempts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy r && r.maxAttempts == maxAttempts;
    }

    @Override
    public int hashCode() {
        return maxAttempts;
    }

    @Override
    public String toString() {
        return maxAttempts == 1 ? "RetryPolicy.none()" : "RetryPolicy.maxAttempts(" + maxAttempts + ")";
    }
}
