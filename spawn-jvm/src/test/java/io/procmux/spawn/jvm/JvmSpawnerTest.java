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
    protected boolean supportsInheritedFds() {
        return false;
    }

    @Override
    protected boolean supportsProcessGroups() {
        return false;
    }

    @Override
    protected boolean supportsNice() {
        return false;
    }

    @Override
    protected boolean reportsForeignSignals() {
        return false;
    }

    @Override
    protected boolean exposesDescriptors() {
        return false;
    }

    @Override
    protected boolean constantThreadsForLiveChildren() {
        return false;
    }

    @Override
    protected boolean resetsIgnoredSignals() {
        return false;
    }

    @Override
    protected boolean exhaustiveExitCodes() {
        return false;
    }
}
