package io.procmux.pool.local;

import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The pool behaviours with the posix spawner: control socket handed over as fd 3. */
@EnabledOnOs(OS.LINUX)
class PosixLocalPoolTest extends AbstractLocalPoolTest {
    @Override
    Spawner newSpawner() {
        return Backends.select(BackendKind.SPAWNER, "posix").create();
    }

    @Override
    String killedBySigkill() {
        return "killed by SIGKILL";
    }
}
