package io.procmux.spawn.jvm;

import com.google.auto.service.AutoService;
import io.procmux.spawn.Spawner;
import io.procmux.spi.SpawnerProvider;
import java.util.Map;
import java.util.Optional;

/**
 * Provider of the {@code jvm} spawner ({@link JvmSpawner}): children started with
 * {@link ProcessBuilder}; portable, always available, with fewer options than {@code posix}.
 *
 * <p>Cost: nothing to probe; no native code.
 */
@AutoService(SpawnerProvider.class)
public final class JvmSpawnerProvider implements SpawnerProvider {

    /** Creates the provider. */
    public JvmSpawnerProvider() {
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
        return Optional.empty();
    }

    @Override
    public Map<String, String> capabilities() {
        return Map.of("inheritFd", "false", "processGroups", "false", "nice", "false", "exitFd", "false",
                "threadsPerLiveChild", "1", "parentDeathSignal", "false");
    }

    @Override
    public Spawner create() {
        return new JvmSpawner();
    }
}
