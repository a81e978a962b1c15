package io.procmux.pool.local;

import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;

/** The pool behaviours with the jvm spawner: control socket reached by path in a 0700 directory. */
class JvmLocalPoolTest extends AbstractLocalPoolTest {
    @Override
    Spawner newSpawner() {
        return Backends.select(BackendKind.SPAWNER, "jvm").create();
    }

    @Override
    String killedBySigkill() {
        return "exited with code 137";
    }
}
