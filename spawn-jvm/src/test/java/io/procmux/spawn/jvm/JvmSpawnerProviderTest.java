package io.procmux.spawn.jvm;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spi.BackendKind;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.BackendUnavailableException;

import org.junit.jupiter.api.Test;

class JvmSpawnerProviderTest {

    private final JvmSpawnerProvider provider = assertDiscoveredOnce(BackendKind.SPAWNER, "jvm", JvmSpawnerProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(10);
        assertThat(provider.isNative()).isEqualTo(false);
    }

    @Test
    void reportsItselfNotImplementedYetAndRefusesUse() {
        assertThat(provider.unavailabilityCause()).get().isInstanceOf(BackendNotImplementedException.class)
                .extracting(Throwable::getMessage).isEqualTo("not implemented yet");
        assertThat(provider.isAvailable()).isFalse();
        assertThatThrownBy(() -> provider.create())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("Backend 'jvm' is not available: not implemented yet");
    }
}
