package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.codec.Codec;
import io.procmux.spi.BackendKind;
import io.procmux.spi.CodecProvider;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderAssertionsTest {

    /** Registered in this module's test META-INF/services. */
    public static final class RegisteredCodecProvider implements CodecProvider {
        @Override
        public String name() {
            return "registered";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.empty();
        }

        @Override
        public <T> Codec<T> create(Class<T> type, String schema) {
            throw new UnsupportedOperationException("test provider");
        }
    }

    @Test
    void returnsTheOneRegisteredProvider() {
        assertThat(ProviderAssertions.assertDiscoveredOnce(BackendKind.CODEC, "registered", RegisteredCodecProvider.class))
                .isInstanceOf(RegisteredCodecProvider.class);
    }

    @Test
    void failsWhenNoProviderHasTheName() {
        assertThatThrownBy(() -> ProviderAssertions.assertDiscoveredOnce(BackendKind.CODEC, "struct", RegisteredCodecProvider.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("providers of kind codec named struct");
    }
}
