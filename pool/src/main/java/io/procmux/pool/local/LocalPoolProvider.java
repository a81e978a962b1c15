package io.procmux.pool.local;

import com.google.auto.service.AutoService;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.PoolProvider;
import java.util.Optional;

/**
 * Provider of the {@code local} pool: a pool of reused worker JVMs on this machine.
 *
 * <p>Not implemented yet: it reports itself unavailable with the cause "not implemented yet", so
 * {@code procmux backends} lists it and selection never picks it.
 */
@AutoService(PoolProvider.class)
public final class LocalPoolProvider implements PoolProvider {

    /** Creates the provider; touches no native code. */
    public LocalPoolProvider() {
    }

    @Override
    public String name() {
        return "local";
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
    public Pool create(PoolOptions options) {
        throw BackendNotImplementedException.refuse(this);
    }
}
