package io.procmux.example.sandbox;

import com.google.auto.service.AutoService;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.Backends;
import io.procmux.spi.SpawnerProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provider of spawner {@code sandbox} (see {@link SandboxSpawner}): the one class a third party
 * writes to add a backend. It is found by {@code ServiceLoader} through {@code @AutoService},
 * ranks below {@code posix} and {@code jvm} (so it runs only when named: {@code --spawner
 * sandbox}), and reports itself unavailable, with the reason, where it cannot work: not Linux,
 * the posix spawner missing, a tool missing, or namespaces refused.
 *
 * <p>Cost: the constructor does nothing; the first {@link #unavailabilityCause()} runs one probe
 * ({@code unshare --net true} through the posix spawner) and caches the answer.
 */
@AutoService(SpawnerProvider.class)
public final class SandboxSpawnerProvider implements SpawnerProvider {
    private static final List<String> TOOLS = List.of("unshare", "prlimit", "nice", "ionice");

    private volatile Optional<Throwable> cause;

    /** Creates the provider; probes nothing until asked. */
    public SandboxSpawnerProvider() {
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public Map<String, String> capabilities() {
        return Map.of("network", "none", "nice", "10", "ioClass", "idle", "maxOpenFiles", "1024");
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        Optional<Throwable> c = cause;
        if (c == null) {
            c = probe();
            cause = c;
        }
        return c;
    }

    @Override
    public Spawner create() {
        unavailabilityCause().ifPresent(c -> {
            throw new BackendUnavailableException("Spawner 'sandbox' is unavailable: " + c.getMessage(), c);
        });
        return new SandboxSpawner(posix().create(), tools(), isRoot());
    }

    /** Where each tool is on this process's PATH; only called once the probe found them all. */
    private static Map<String, Path> tools() {
        Map<String, Path> found = new java.util.HashMap<>();
        for (String tool : TOOLS) {
            find(tool).ifPresent(p -> found.put(tool, p));
        }
        return found;
    }

    private static SpawnerProvider posix() {
        return Backends.select(BackendKind.SPAWNER, "posix");
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");   // real, effective, saved, fs
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static Optional<Throwable> probe() {
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of(new IllegalStateException("the sandbox needs Linux namespaces"));
        }
        SpawnerProvider posix;
        try {
            posix = posix();
        } catch (RuntimeException e) {
            return Optional.of(new IllegalStateException("the sandbox wraps the posix spawner: " + e.getMessage(), e));
        }
        if (!posix.isAvailable()) {
            return Optional.of(new IllegalStateException("the sandbox wraps the posix spawner, which is unavailable: "
                    + posix.unavailabilityCause().map(Throwable::getMessage).orElse("")));
        }
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (find(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new IllegalStateException("missing on PATH: " + String.join(", ", missing)
                    + " (Debian: apt-get install util-linux coreutils)"));
        }
        return tryNamespaces(posix);
    }

    private static Optional<Throwable> tryNamespaces(SpawnerProvider posix) {
        List<String> argv = new ArrayList<>(SandboxSpawner.isolation(tools().get("unshare"), isRoot()));
        argv.add("true");
        try (Spawner spawner = posix.create();
             Child child = spawner.spawn(SpawnSpec.builder(argv).stdin(Redirect.DISCARD).stdout(Redirect.DISCARD)
                     .stderr(Redirect.PIPE).build())) {
            String err = new String(child.stderr().readAllBytes(), StandardCharsets.UTF_8).trim();
            Optional<ExitStatus> status = child.waitFor(Duration.ofSeconds(10));
            if (status.isPresent() && status.get().success()) {
                return Optional.empty();
            }
            return Optional.of(new IllegalStateException("'" + String.join(" ", argv) + "' failed here ("
                    + status.map(ExitStatus::toString).orElse("no answer in 10 s") + (err.isEmpty() ? "" : ": " + err) + ")"));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new IllegalStateException("probing namespaces failed: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new IllegalStateException("interrupted while probing namespaces", e));
        }
    }

    private static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool).toAbsolutePath();
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
