package io.procmux.spi;

import io.procmux.proc.ProcessTable;

/**
 * A {@link Backend} of kind {@code proc} that opens a view of the {@link ProcessTable}.
 * Registered with {@code @AutoService(ProcessTableProvider.class)} and found by {@link Backends}.
 */
public interface ProcessTableProvider extends Backend {

    /**
     * Returns a process table reader. Reading it takes snapshots; the reader itself holds nothing open.
     *
     * @throws BackendUnavailableException when this backend cannot run here
     */
    ProcessTable open();
}
