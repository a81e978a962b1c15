package io.procmux.spi;

import io.procmux.pool.JvmProcess;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;

/**
 * A {@link Backend} of kind {@code pool} that creates {@link Pool}s of worker processes.
 * Registered with {@code @AutoService(PoolProvider.class)} and found by {@link Backends}.
 */
public interface PoolProvider extends Backend {

    /**
     * Starts a pool with these options. Workers may start lazily or eagerly, as the backend documents.
     *
     * @throws BackendUnavailableException when this backend cannot run here
     */
    Pool create(PoolOptions options);

    /**
     * Starts {@code process} in a child JVM. Backends that cannot refuse with
     * UnsupportedOperationException (the default).
     */
    default JvmProcess.Handle startProcess(JvmProcess process) {
        throw new UnsupportedOperationException("pool backend '" + name() + "' cannot start a JvmProcess");
    }
}
