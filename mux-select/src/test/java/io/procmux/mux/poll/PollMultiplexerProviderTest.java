package io.procmux.mux.poll;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.BackendKind;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Discovery, availability, capabilities and opening of the poll provider. */
class PollMultiplexerProviderTest {

    private final PollMultiplexerProvider provider = assertDiscoveredOnce(BackendKind.MUX, "poll", PollMultiplexerProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(50);
        assertThat(provider.isNative()).isEqualTo(true);
    }

    @Test
    void isAvailableAfterItsNativeProbeAndOpensIndependentMultiplexers() throws IOException {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        try (Multiplexer first = provider.open(); Multiplexer second = provider.open()) {
            assertThat(first).isNotSameAs(second);
            assertThat(first.name()).isEqualTo("poll");
            assertThat(first.size()).isZero();
        }
    }

    @Test
    void reportsItsCapabilities() {
        assertThat(provider.muxCapabilities()).isEqualTo(new MuxCapabilities(-1, false, false, false, false));
        assertThat(provider.capabilities()).containsEntry("maxFd", "unlimited")
                .containsEntry("edgeTriggered", "false").containsEntry("nanosecondTimeouts", "false");
    }
}
