package io.procmux.spawn.posix;

import com.google.auto.service.AutoService;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.SpawnerProvider;
import java.util.Optional;

/**
 * Provider of the {@code posix} spawner: children started with {@code posix_spawnp} through jnr-posix and reaped by one reaper for all.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
 */
@AutoService(SpawnerProvider.class)
public final class PosixSpawnerProvider implements SpawnerProvider {

    /** Creates the provider; touches no native code. */
    public PosixSpawnerProvider() {
    }

    @Override
    public String name() {
        return "posix";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean isNative() {
        return true;
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
