package io.procmux.spawn.jvm;

import io.procmux.spawn.Spawner;
import io.procmux.testkit.AbstractSpawnerTest;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The conformance suite against the {@code jvm} backend: ProcessBuilder cannot hand over
 * descriptors, start groups or sessions, set nice values, expose descriptors, tell a foreign
 * signal from an exit code of 128+N, or avoid a reaper thread per child; those tests are skipped
 * and the refusal tests run instead.
 */
@EnabledOnOs(OS.LINUX)
class JvmSpawnerTest extends AbstractSpawnerTest {

    @Override
    protected Spawner createSpawner() {
        return new JvmSpawnerProvider().create();
    }

    @Override
    public boolean supportsInheritedFds() {
        return false;
    }

    @Override
    public boolean supportsProcessGroups() {
        return false;
    }

    @Override
    public boolean supportsNice() {
        return false;
    }

    @Override
    public boolean reportsForeignSignals() {
        return false;
    }

    @Override
    public boolean exposesDescriptors() {
        return false;
    }

    @Override
    public boolean constantThreadsForLiveChildren() {
        return false;
    }

    @Override
    public boolean resetsIgnoredSignals() {
        return false;
    }

    @Override
    public boolean exhaustiveExitCodes() {
        return false;
    }
}
