package io.procmux.proc.jvm;

import com.google.auto.service.AutoService;
import io.procmux.proc.ProcessTable;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.ProcessTableProvider;
import java.util.Optional;

/**
 * Provider of the {@code jvm} process table: the process table through {@link ProcessHandle}; portable, with the fields the JDK knows.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
 */
@AutoService(ProcessTableProvider.class)
public final class JvmProcessTableProvider implements ProcessTableProvider {

    /** Creates the provider; touches no native code. */
    public JvmProcessTableProvider() {
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public int priority() {
        return 10;
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
