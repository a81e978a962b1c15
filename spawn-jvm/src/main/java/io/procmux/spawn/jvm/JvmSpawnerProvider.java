package io.procmux.spawn.jvm;

import com.google.auto.service.AutoService;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.SpawnerProvider;
import java.util.Optional;

/**
 * Provider of the {@code jvm} spawner: children started with {@link ProcessBuilder}; portable, with fewer options than {@code posix}.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
 */
@AutoService(SpawnerProvider.class)
public final class JvmSpawnerProvider implements SpawnerProvider {

    /** Creates the provider; touches no native code. */
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
        return Optional.of(new BackendNotImplementedException());
    }

    @Override
    public Spawner create() {
        throw BackendNotImplementedException.refuse(this);
    }
}
