package io.procmux.spi;

import io.procmux.spawn.Spawner;

/**
 * A {@link Backend} of kind {@code spawner} that creates {@link Spawner}s.
 * Registered with {@code @AutoService(SpawnerProvider.class)} and found by {@link Backends}.
 */
public interface SpawnerProvider extends Backend {

    /**
     * Creates a spawner. A spawner may own a reaper thread or descriptor; close it when done.
     *
     * @throws BackendUnavailableException when this backend cannot run here
     */
    Spawner create();
}
