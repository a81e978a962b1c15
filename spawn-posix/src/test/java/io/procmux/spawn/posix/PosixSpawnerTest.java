package io.procmux.spawn.posix;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Spawner;
import io.procmux.testkit.AbstractSpawnerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The conformance suite against the {@code posix} backend, which supports every option but parentDeathSignal. */
@EnabledOnOs(OS.LINUX)
class PosixSpawnerTest extends AbstractSpawnerTest {

    @BeforeAll
    static void requireNative() {
        assumeTrue(new PosixSpawnerProvider().isAvailable(),
                () -> "posix spawner unavailable: " + new PosixSpawnerProvider().unavailabilityCause());
    }

    @Override
    protected Spawner createSpawner() {
        return new PosixSpawnerProvider().create();
    }
}
