package io.procmux.cli;

import io.procmux.proc.ProcessInfo;
import io.procmux.spi.BackendKind;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --proc NAME} option of {@code ps} and {@code tree}, and the snapshot it leads to: the
 * named process-table backend, else the best available one. Cost: one snapshot per call.
 */
final class ProcessTableOption {

    @Option(names = "--proc", paramLabel = "NAME", description = "Process-table backend (procfs, jvm); default: the best available.")
    @Nullable String backend;

    /** A fresh snapshot from the chosen backend. */
    List<ProcessInfo> snapshot(BackendInventory inventory) throws IOException {
        return inventory.catalog(BackendKind.PROC).select(backend, "--proc").provider().open().snapshot();
    }
}
