package io.procmux.cli;

import io.procmux.spi.Backend;
import io.procmux.spi.BackendCatalog;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.util.List;

/**
 * Every kind's {@link BackendCatalog} as discovered on this classpath, in {@link BackendKind#all()}
 * order. Cost: one ServiceLoader scan per kind (no native probe) when created.
 *
 * @param catalogs one catalog per kind
 */
public record BackendInventory(List<BackendCatalog<?>> catalogs) {

    /** Discovers every kind with {@link Backends#discover(BackendKind)}. */
    public static BackendInventory discover() {
        return new BackendInventory(BackendKind.all().stream().<BackendCatalog<?>>map(Backends::discover).toList());
    }

    /** The catalog of one kind. */
    @SuppressWarnings("unchecked")
    public <P extends Backend> BackendCatalog<P> catalog(BackendKind<P> kind) {
        for (BackendCatalog<?> c : catalogs) {
            if (c.kind() == kind) {
                return (BackendCatalog<P>) c;
            }
        }
        throw new IllegalStateException("kind " + kind + " was not discovered");
    }
}
