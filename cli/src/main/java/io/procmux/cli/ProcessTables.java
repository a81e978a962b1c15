package io.procmux.cli;

import io.procmux.spi.BackendKind;
import io.procmux.spi.ProcessTableProvider;
import org.jspecify.annotations.Nullable;

/** Chooses the process-table backend for {@code ps} and {@code tree}, honouring their {@code --proc} flag. */
final class ProcessTables {
    private ProcessTables() {
    }

    static ProcessTableProvider select(BackendInventory inventory, @Nullable String explicitName) {
        return inventory.catalog(BackendKind.PROC).select(explicitName, "--proc").provider();
    }
}
