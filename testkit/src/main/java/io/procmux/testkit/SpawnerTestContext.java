package io.procmux.testkit;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.nio.file.Path;

/**
 * What the spawner conformance contracts ({@link SpawnerExitContract}, {@link SpawnerStreamsContract},
 * {@link SpawnerOptionsContract}) need from the test class that runs them: the spawner under test,
 * a temporary directory, and which options the backend honours. {@link AbstractSpawnerTest}
 * implements it; a backend declares what it cannot do by overriding the capability methods, and
 * the tests of that option are then skipped with a reason while the refusal tests run instead.
 * Cost: none; it only answers questions.
 */
public interface SpawnerTestContext {
    /** The spawner under test, fresh for each test. */
    Spawner spawner();

    /** A temporary directory, fresh for each test. */
    Path tmp();

    /** Whether {@link SpawnSpec.Builder#inheritFd} works. */
    default boolean supportsInheritedFds() {
        return true;
    }

    /** Whether {@link ProcessGroupMode#NEW_GROUP} and {@link ProcessGroupMode#NEW_SESSION} work. */
    default boolean supportsProcessGroups() {
        return true;
    }

    /** Whether {@link SpawnSpec.Builder#nice} works. */
    default boolean supportsNice() {
        return true;
    }

    /** Whether {@link SpawnSpec.Builder#parentDeathSignal} works. */
    default boolean supportsParentDeathSignal() {
        return false;
    }

    /**
     * Whether a signal the child received from elsewhere (not through {@link Child#signal}) is
     * reported as {@link ExitStatus.Signaled}, with the core-dump flag.
     */
    default boolean reportsForeignSignals() {
        return true;
    }

    /** Whether {@link Child#exitFd()} and the raw pipe descriptors are present. */
    default boolean exposesDescriptors() {
        return true;
    }

    /** Whether 1,000 live children cost a constant number of threads. */
    default boolean constantThreadsForLiveChildren() {
        return true;
    }

    /** Whether to check all 256 exit codes rather than a sample (256 more spawns). */
    default boolean exhaustiveExitCodes() {
        return true;
    }

    /** Whether signals this JVM ignores are reset to their default action in the child. */
    default boolean resetsIgnoredSignals() {
        return true;
    }

    /** Helpers bound to {@link #spawner()}. */
    default SpawnRuns runs() {
        return new SpawnRuns(spawner());
    }
}
