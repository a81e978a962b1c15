package io.procmux.spawn;

import java.io.IOException;

/**
 * Starts children from {@link SpawnSpec}s. Obtained from a {@link io.procmux.spi.SpawnerProvider}
 * (see {@link io.procmux.spi.Backends}). Thread-safe.
 *
 * <p>A backend that cannot honour an option in the spec (extra descriptors, a new session, nice)
 * refuses it with an {@link UnsupportedOperationException} that names the option and a backend
 * that supports it, before starting anything.
 */
public interface Spawner extends AutoCloseable {

    /** The backend's name, e.g. {@code posix}. */
    String name();

    /**
     * Starts a child.
     *
     * @throws SpawnException when the child could not be started (program missing, not executable...)
     * @throws IOException for other I/O failures (pipes, descriptors)
     * @throws UnsupportedOperationException when this backend cannot honour an option of the spec
     */
    Child spawn(SpawnSpec spec) throws IOException;

    /** Starts {@code argv} with inherited stdio. */
    default Child spawn(String... argv) throws IOException {
        return spawn(SpawnSpec.of(argv));
    }

    /** Releases the spawner's own resources (reaper thread, descriptors). Children keep running. */
    @Override
    void close();
}
