package io.procmux.testkit;

import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviours every {@link Pool} backend must show, from Python's {@code multiprocessing.Pool}
 * surface; subclass once per backend (and configuration) and implement {@link #newPool},
 * {@link #options()}, {@link #callbackThreadName} and {@link #imapWindow}. The tests live in three
 * contracts: {@link PoolResultsContract}, {@link PoolAsyncContract} and {@link PoolLifecycleContract}.
 * One shared two-process pool serves the tests that leave it healthy; the lifecycle tests build
 * their own and check that closing leaves no thread, descriptor or zombie ({@link PoolLeaks}).
 *
 * <p>Linux only for the leak checks (they read {@code /proc}). Cost: three pools started and
 * closed, a few thousand tiny tasks, about 3 s of sleeping tasks; no timing is asserted (the
 * {@link Timeout} only turns a hang into a failure).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class AbstractPoolTest implements PoolResultsContract, PoolAsyncContract, PoolLifecycleContract {
    private @Nullable Pool shared;

    @Override
    public Pool pool() {
        if (shared == null) {
            throw new IllegalStateException("the shared pool is not started");
        }
        return shared;
    }

    /** Runs before the shared pool is built (e.g. to start a spawner or a cluster). */
    protected void beforePools() throws Exception {
    }

    /** Runs after the shared pool was closed (e.g. to close a spawner or a cluster). */
    protected void afterPools() throws Exception {
    }

    @BeforeAll
    final void startSharedPool() throws Exception {
        beforePools();
        shared = newPool(options());
    }

    @AfterAll
    final void closeSharedPool() throws Exception {
        try {
            if (shared != null) {
                shared.close();
                shared = null;
            }
        } finally {
            afterPools();
        }
    }
}
