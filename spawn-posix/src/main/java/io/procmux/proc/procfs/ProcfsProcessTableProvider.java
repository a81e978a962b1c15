package io.procmux.proc.procfs;

import com.google.auto.service.AutoService;
import io.procmux.proc.ProcessTable;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.ProcessTableProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Provider of the {@code procfs} process table: the Linux process table read in pure Java from
 * {@code /proc} ({@link ProcfsProcessTable}). Available where {@code /proc/self/stat} can be read
 * and parsed, which means Linux; elsewhere its cause says so. It outranks the portable {@code jvm}
 * table because it knows every field.
 *
 * <p>Cost: construction does nothing; the probe reads {@code /proc/self/stat} once per JVM, on the
 * first {@link #unavailabilityCause()}. No native code.
 */
@AutoService(ProcessTableProvider.class)
public final class ProcfsProcessTableProvider implements ProcessTableProvider {
    private static final Path PROC = Path.of("/proc");

    private final Supplier<Optional<Throwable>> probe;

    /** Creates the provider; touches nothing. */
    public ProcfsProcessTableProvider() {
        this(() -> Probe.CAUSE);
    }

    /** A provider with another probe (tests use one over a directory that is not {@code /proc}). */
    ProcfsProcessTableProvider(Supplier<Optional<Throwable>> probe) {
        this.probe = probe;
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
    public Map<String, String> capabilities() {
        return Map.of("fields", "all", "os", "linux");
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return probe.get();
    }

    @Override
    public ProcessTable open() {
        Optional<Throwable> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new BackendUnavailableException(
                    "Backend 'procfs' is not available: " + cause.get().getMessage(), cause.get());
        }
        return new ProcfsProcessTable();
    }

    /**
     * Why a {@code /proc} at {@code procRoot} cannot serve as the process table, or empty when it can:
     * its {@code self/stat} must be readable and parse as a stat line.
     */
    static Optional<Throwable> probe(Path procRoot) {
        Path selfStat = procRoot.resolve("self").resolve("stat");
        String os = System.getProperty("os.name", "unknown");
        try {
            StatLine.parse(Files.readAllBytes(selfStat), java.nio.charset.StandardCharsets.ISO_8859_1);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new UnsupportedOperationException("procfs needs Linux's /proc, but " + selfStat
                    + " cannot be read here (" + os + "): " + e, e));
        }
    }

    /** Holds the probe's result for the real {@code /proc}, computed on first use. */
    private static final class Probe {
        static final Optional<Throwable> CAUSE = probe(PROC);
    }
}
