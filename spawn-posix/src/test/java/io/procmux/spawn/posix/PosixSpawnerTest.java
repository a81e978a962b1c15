package io.procmux.spawn.posix;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Spawner;
import io.procmux.testkit.AbstractSpawnerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The conformance suite against the {@code posix} backend, which supports every option; the
 * parent-death signal where util-linux {@code setpriv} is present (the tests say so when skipped).
 */
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

    @Override
    public boolean supportsParentDeathSignal() {
        return "true".equals(new PosixSpawnerProvider().capabilities().get("parentDeathSignal"));
    }
}
