package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spi.Backend;
import io.procmux.spi.BackendCatalog;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.ProviderFailure;
import java.util.List;

/** Assertions about what {@link java.util.ServiceLoader} finds on a module's own test classpath. */
public final class ProviderAssertions {
    private ProviderAssertions() {
    }

    /**
     * Asserts that discovery of {@code kind} finds exactly one provider named {@code name}, of
     * class {@code type}, with no load failures, and returns it.
     */
    public static <P extends Backend, T extends P> T assertDiscoveredOnce(BackendKind<P> kind, String name,
            Class<T> type) {
        BackendCatalog<P> catalog = Backends.discover(kind);
        assertThat(catalog.failures()).extracting(ProviderFailure::description).isEmpty();
        List<P> named = catalog.providers().stream().filter(p -> p.name().equals(name)).toList();
        assertThat(named).as("providers of kind %s named %s", kind, name).hasSize(1);
        assertThat(named.get(0)).isInstanceOf(type);
        assertThat(name).as("backend names are lowercase").isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
        return type.cast(named.get(0));
    }
}
