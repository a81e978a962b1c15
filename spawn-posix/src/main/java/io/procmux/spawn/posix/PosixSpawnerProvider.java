package io.procmux.spawn.posix;

import com.google.auto.service.AutoService;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendUnavailableException;
import io.procmux.spi.SpawnerProvider;
import java.util.Map;
import java.util.Optional;

/**
 * Provider of the {@code posix} spawner ({@link PosixSpawner}): children started with
 * {@code posix_spawnp} through jnr and reaped by one thread for all of them.
 *
 * <p>Cost: the constructor touches no native code. The first {@link #unavailabilityCause()} loads
 * the jnr-ffi binding and calls {@code getpid} (see {@link Native}), once per JVM;
 * {@code -Dprocmux.noNative=true} makes it unavailable without loading anything.
 * {@link #capabilities()} says {@code parentDeathSignal=true} when the spawner can honour
 * {@code SpawnSpec.parentDeathSignal} here (Linux with util-linux {@code setpriv}), so callers can
 * ask instead of catching the refusal.
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
        return Native.unavailabilityCause();
    }

    @Override
    public Map<String, String> capabilities() {
        if (!isAvailable()) {
            return Map.of();
        }
        Native n = Native.get();
        return Map.of("pidfd", String.valueOf(n.hasPidfd()),
                "closefrom", String.valueOf(n.hasCloseFromAction()),
                "chdir", String.valueOf(n.hasChdirAction()),
                "parentDeathSignal", String.valueOf(DeathSignal.unavailabilityReason().isEmpty()));
    }

    @Override
    public Spawner create() {
        Optional<Throwable> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new BackendUnavailableException("Backend 'posix' is not available: " + cause.get().getMessage(),
                    cause.get());
        }
        return new PosixSpawner();
    }
}
