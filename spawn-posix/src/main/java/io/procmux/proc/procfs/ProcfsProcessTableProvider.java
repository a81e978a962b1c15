package io.procmux.proc.procfs;

import com.google.auto.service.AutoService;
import io.procmux.proc.ProcessTable;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.ProcessTableProvider;
import java.util.Optional;

/**
 * Provider of the {@code procfs} process table: the Linux process table read from {@code /proc}.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
 */
@AutoService(ProcessTableProvider.class)
public final class ProcfsProcessTableProvider implements ProcessTableProvider {

    /** Creates the provider; touches no native code. */
    public ProcfsProcessTableProvider() {
    }

    @Override
    public String name() {
        return "procfs";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean isNative() {
        return false;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.of(new BackendNotImplementedException());
    }

    @Override
    public ProcessTable open() {
        throw BackendNotImplementedException.refuse(this);
    }
}
