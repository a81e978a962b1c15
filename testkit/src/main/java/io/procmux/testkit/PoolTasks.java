package io.procmux.testkit;

/**
 * Task bodies the pool conformance tests ship to workers: small static methods without state,
 * reachable on every worker's classpath because testkit is on the test classpath.
 *
 * <p>Cost: none beyond the work each method names.
 */
public final class PoolTasks {
    private PoolTasks() {
    }

    /** {@code x * x}. */
    public static int square(int x) {
        return x * x;
    }

    /** Returns its argument. */
    public static Object identity(Object o) {
        return o;
    }

    /** Sleeps {@code millis} (returning early when interrupted) and returns {@code millis}. */
    public static int sleepThenEcho(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    /** Throws {@code IllegalStateException("task failed on x")}. */
    public static int fail(int x) {
        throw new IllegalStateException("task failed on " + x);
    }
}
