package io.procmux.mux.epoll;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.spi.BackendKind;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Discovery, availability, capabilities and opening of the epoll provider. */
@EnabledOnOs(OS.LINUX)
class EpollMultiplexerProviderTest {

    private final EpollMultiplexerProvider provider = assertDiscoveredOnce(BackendKind.MUX, "epoll", EpollMultiplexerProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isNative()).isEqualTo(true);
    }

    @Test
    void isAvailableAfterItsNativeProbeAndOpensIndependentMultiplexers() throws IOException {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        try (Multiplexer first = provider.open(); Multiplexer second = provider.open()) {
            assertThat(first).isNotSameAs(second);
            assertThat(first.name()).isEqualTo("epoll");
            assertThat(first.size()).isZero();
        }
    }

    @Test
    void reportsItsCapabilities() {
        assertThat(provider.muxCapabilities()).isEqualTo(new MuxCapabilities(-1, true, true, true, false));
        assertThat(provider.capabilities()).containsEntry("maxFd", "unlimited")
                .containsEntry("edgeTriggered", "true").containsEntry("nanosecondTimeouts", "false");
    }
}
