package io.procmux.example.sandbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Spawner;
import io.procmux.testkit.AbstractSpawnerTest;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The conformance suite every first-party spawner passes, run on the example backend: a wrapper
 * that execs its way to the command keeps pids, signals, exit statuses and every spec option.
 */
@EnabledOnOs(OS.LINUX)
class SandboxSpawnerTest extends AbstractSpawnerTest {

    @Override
    protected Spawner createSpawner() {
        SandboxSpawnerProvider provider = new SandboxSpawnerProvider();
        assumeTrue(provider.isAvailable(), () -> "sandbox unavailable here: "
                + provider.unavailabilityCause().map(Throwable::getMessage).orElse(""));
        return provider.create();
    }

    /** The posix spawner underneath keeps the flag through the sandbox's execs. */
    @Override
    public boolean supportsParentDeathSignal() {
        return true;
    }
}
