package io.procmux.pool.local;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spi.BackendKind;
import org.junit.jupiter.api.Test;

class LocalPoolProviderTest {

    private final LocalPoolProvider provider = assertDiscoveredOnce(BackendKind.POOL, "local", LocalPoolProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriorityAndIsAvailable() {
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isNative()).isFalse();
        assertThat(provider.isAvailable()).isTrue();
    }
}
