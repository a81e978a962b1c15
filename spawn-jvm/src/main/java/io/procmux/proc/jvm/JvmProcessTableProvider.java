package io.procmux.proc.jvm;

import com.google.auto.service.AutoService;
import io.procmux.proc.ProcessTable;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.ProcessTableProvider;
import java.util.Map;
import java.util.Optional;

/**
 * Provider of the {@code jvm} process table ({@link JvmProcessTable}): the process table through
 * {@link ProcessHandle}, portable, with the fields the JDK knows (no state, nice, priority, threads
 * or RSS). The fallback where {@code procfs} is unavailable.
 *
 * <p>Cost: construction does nothing; the probe lists the processes once per JVM, on the first
 * {@link #unavailabilityCause()}, to learn whether this platform supports it. No native code of ours.
 */
@AutoService(ProcessTableProvider.class)
public final class JvmProcessTableProvider implements ProcessTableProvider {

    /** Creates the provider; touches nothing. */
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
    public Map<String, String> capabilities() {
        return Map.of("fields", "pid,ppid,user,startTime,command,name");
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Probe.CAUSE;
    }

    @Override
    public ProcessTable open() {
        Optional<Throwable> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new BackendUnavailableException(
                    "Backend 'jvm' is not available: " + cause.get().getMessage(), cause.get());
        }
        return new JvmProcessTable();
    }

    /** Holds the probe's result, computed on first use. */
    private static final class Probe {
        static final Optional<Throwable> CAUSE = probe();

        private static Optional<Throwable> probe() {
            try {
                ProcessHandle.allProcesses().findAny();
                ProcessHandle.current().info();
                return Optional.empty();
            } catch (UnsupportedOperationException | SecurityException e) {
                return Optional.of(e);
            }
        }
    }
}
