package io.procmux.proc.procfs;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spi.BackendKind;
import io.procmux.spi.BackendNotImplementedException;
import io.procmux.spi.BackendUnavailableException;

import org.junit.jupiter.api.Test;

class ProcfsProcessTableProviderTest {

    private final ProcfsProcessTableProvider provider = assertDiscoveredOnce(BackendKind.PROC, "procfs", ProcfsProcessTableProvider.class);

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
        assertThatThrownBy(() -> provider.open())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("Backend 'procfs' is not available: not implemented yet");
    }
}
