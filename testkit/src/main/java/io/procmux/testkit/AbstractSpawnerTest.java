package io.procmux.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Spawner;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviours every {@link Spawner} backend must show; subclass once per backend and return a
 * fresh spawner from {@link #createSpawner()}. The tests live in four contracts, by behaviour:
 * {@link SpawnerExitContract} (exit statuses, signals, waiting, leaks), {@link SpawnerStreamsContract}
 * (standard streams, environment, directory, lookup errors), {@link SpawnerOptionsContract}
 * (descriptors, groups, nice) and {@link SpawnerDeathSignalContract}. Options a backend cannot
 * honour are declared by overriding the capability methods of {@link SpawnerTestContext}
 * ({@link #supportsInheritedFds()} ...): the tests of that option are then skipped with a reason,
 * and the tests that it is refused (with an {@link UnsupportedOperationException} naming the
 * option) run instead.
 *
 * <p>Linux only (it reads {@code /proc} to check descriptors, groups, nice values and zombies) and
 * needs {@code sh}, {@code cat}, {@code env}, {@code head}, {@code sleep} and {@code ls}. Cost:
 * roughly 2,500 short-lived children and 1,000 concurrently sleeping ones per backend, plus two
 * child JVMs where a parent-death signal is supported; no timing is asserted (the {@link Timeout}
 * only turns a hang into a failure).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class AbstractSpawnerTest implements SpawnerExitContract, SpawnerStreamsContract,
        SpawnerOptionsContract, SpawnerDeathSignalContract {

    /** The spawner under test, created before each test and closed after it. */
    protected Spawner spawner;

    @TempDir
    Path tmp;

    /** A new spawner of the backend under test. */
    protected abstract Spawner createSpawner();

    @Override
    public Spawner spawner() {
        return spawner;
    }

    @Override
    public Path tmp() {
        return tmp;
    }

    @BeforeEach
    void createSpawnerUnderTest() {
        assumeTrue(ProcScan.available(), "these conformance tests read /proc (Linux)");
        spawner = createSpawner();
    }

    @AfterEach
    void closeSpawner() {
        if (spawner != null) {
            spawner.close();
        }
    }
}
