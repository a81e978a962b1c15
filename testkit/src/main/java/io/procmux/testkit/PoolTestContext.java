package io.procmux.testkit;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What the pool contracts need from the backend under test: a shared two-process pool, a way to
 * build others, and the few facts that differ between backends (the callback thread, the imap
 * window, extra leak checks). Implemented by {@link AbstractPoolTest}'s subclasses.
 */
public interface PoolTestContext {

    /** The pool shared by the tests that leave it healthy (two processes). */
    Pool pool();

    /** Options for a new pool like the shared one (two processes, quiet output). */
    PoolOptions.Builder options();

    /** A new pool of the backend under test; the test closes it. */
    Pool newPool(PoolOptions.Builder options);

    /** The name of the thread on which {@code pool}'s callbacks run. */
    String callbackThreadName(Pool pool);

    /** The most chunks {@code pool}'s imap keeps submitted and not yet consumed. */
    int imapWindow(Pool pool);

    /** Brings the shared pool to a settled state (every worker started and idle) before a leak snapshot. */
    default void settle() throws Exception {
    }

    /** Whether a thread of this name belongs to something the test runs beside the pool (not a leak). */
    default boolean isForeignThread(String name) {
        return false;
    }

    /**
     * Called before {@code own} is closed; the returned check runs after it was joined, for what
     * only this backend can leave behind (worker processes, private directories).
     */
    default AfterJoin whileRunning(Pool own) {
        return () -> {
        };
    }

    /** A backend-specific check run after a pool was joined. */
    @FunctionalInterface
    interface AfterJoin {
        /** Asserts that nothing of the joined pool is left. */
        void check() throws Exception;
    }

    /** The exception a result failed with; fails the test when it succeeds or takes over 30 s. */
    static Throwable failureOf(AsyncResult<?> r) throws InterruptedException {
        try {
            r.get(Duration.ofSeconds(30));
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 30 s", e);
        }
        throw new AssertionError("the task succeeded");
    }

}
