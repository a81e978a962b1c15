package io.procmux.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import io.procmux.spi.Backend;
import io.procmux.spi.BackendCatalog;
import io.procmux.spi.BackendKind;
import io.procmux.spi.CodecProvider;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.PoolProvider;
import io.procmux.spi.ProcessTableProvider;
import io.procmux.spi.SpawnerProvider;
import io.procmux.spi.UnixSocketsProvider;

/**
 * Binds what {@link io.procmux.spi.Backends} found: a {@code MapBinder<String, XProvider>} per
 * kind (name to provider), the parsed {@link GlobalOptions}, and one selected provider per kind.
 * Selection runs only when a command asks for that kind, so only the backends a command needs are
 * probed.
 */
final class BackendsModule extends AbstractModule {
    private final GlobalOptions options;
    private final BackendInventory inventory;

    BackendsModule(GlobalOptions options, BackendInventory inventory) {
        this.options = options;
        this.inventory = inventory;
    }

    @Override
    protected void configure() {
        bind(GlobalOptions.class).toInstance(options);
        bind(BackendInventory.class).toInstance(inventory);
        bindNames(BackendKind.SPAWNER);
        bindNames(BackendKind.MUX);
        bindNames(BackendKind.CODEC);
        bindNames(BackendKind.POOL);
        bindNames(BackendKind.PROC);
        bindNames(BackendKind.IPC);
    }

    private <P extends Backend> void bindNames(BackendKind<P> kind) {
        MapBinder<String, P> byName = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class),
                TypeLiteral.get(kind.providerType()));
        for (P provider : inventory.catalog(kind).providers()) {
            byName.addBinding(provider.name()).toInstance(provider);
        }
    }

    private <P extends Backend> P select(BackendKind<P> kind) {
        BackendCatalog<P> catalog = inventory.catalog(kind);
        return catalog.select(options.explicitName(kind.id()), GlobalOptions.flagFor(kind.id())).provider();
    }

    @Provides
    @Singleton
    SpawnerProvider spawner() {
        return select(BackendKind.SPAWNER);
    }

    @Provides
    @Singleton
    MultiplexerProvider multiplexer() {
        return select(BackendKind.MUX);
    }

    @Provides
    @Singleton
    CodecProvider codec() {
        return select(BackendKind.CODEC);
    }

    @Provides
    @Singleton
    PoolProvider pool() {
        return select(BackendKind.POOL);
    }

    @Provides
    @Singleton
    ProcessTableProvider processTable() {
        return select(BackendKind.PROC);
    }

    @Provides
    @Singleton
    UnixSocketsProvider unixSockets() {
        return select(BackendKind.IPC);
    }
}
