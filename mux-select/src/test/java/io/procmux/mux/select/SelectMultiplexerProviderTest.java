package io.procmux.mux.select;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spi.BackendKind;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.BackendUnavailableException;

import org.junit.jupiter.api.Test;

class SelectMultiplexerProviderTest {

    private final SelectMultiplexerProvider provider = assertDiscoveredOnce(BackendKind.MUX, "select", SelectMultiplexerProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(10);
        assertThat(provider.isNative()).isEqualTo(true);
    }

    @Test
    void reportsItselfNotImplementedYetAndRefusesUse() {
        assertThat(provider.unavailabilityCause()).get().isInstanceOf(BackendNotImplementedException.class)
                .extracting(Throwable::getMessage).isEqualTo("not implemented yet");
        assertThat(provider.isAvailable()).isFalse();
        assertThatThrownBy(() -> provider.open())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("Backend 'select' is not available: not implemented yet");
    }
}
