package io.procmux.spawn.jvm;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import org.junit.jupiter.api.Test;

class JvmSpawnerProviderTest {

    private final JvmSpawnerProvider provider = assertDiscoveredOnce(BackendKind.SPAWNER, "jvm", JvmSpawnerProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(10);
        assertThat(provider.isNative()).isEqualTo(false);
    }

    @Test
    void isAlwaysAvailableAndCreatesAWorkingSpawner() throws Exception {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.capabilities()).containsEntry("inheritFd", "false").containsEntry("exitFd", "false")
                .containsEntry("parentDeathSignal", "false");
        try (Spawner spawner = provider.create(); var child = spawner.spawn("true")) {
            assertThat(spawner.name()).isEqualTo("jvm");
            assertThat(child.waitFor().success()).isTrue();
        }
    }
}
