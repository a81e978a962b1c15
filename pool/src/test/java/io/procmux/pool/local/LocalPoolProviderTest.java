package io.procmux.pool.local;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spi.BackendKind;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.BackendUnavailableException;

import org.junit.jupiter.api.Test;

class LocalPoolProviderTest {

    private final LocalPoolProvider provider = assertDiscoveredOnce(BackendKind.POOL, "local", LocalPoolProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isNative()).isEqualTo(false);
    }

    @Test
    void reportsItselfNotImplementedYetAndRefusesUse() {
        assertThat(provider.unavailabilityCause()).get().isInstanceOf(BackendNotImplementedException.class)
                .extracting(Throwable::getMessage).isEqualTo("not implemented yet");
        assertThat(provider.isAvailable()).isFalse();
        assertThatThrownBy(() -> provider.create(io.procmux.pool.PoolOptions.builder().build()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("Backend 'local' is not available: not implemented yet");
    }
}
