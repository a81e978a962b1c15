package io.procmux.spawn.posix;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class PosixSpawnerProviderTest {

    private final PosixSpawnerProvider provider = assertDiscoveredOnce(BackendKind.SPAWNER, "posix", PosixSpawnerProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isNative()).isEqualTo(true);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void isAvailableOnLinuxAndCreatesAWorkingSpawner() throws Exception {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.capabilities()).containsEntry("pidfd", "true").containsEntry("closefrom", "true")
                .containsEntry("chdir", "true").containsKey("parentDeathSignal");
        try (Spawner spawner = provider.create(); var child = spawner.spawn("true")) {
            assertThat(spawner.name()).isEqualTo("posix");
            assertThat(child.waitFor().success()).isTrue();
        }
    }

    @Test
    void probesOnceAndCachesTheAnswer() {
        assertThat(provider.unavailabilityCause()).isEqualTo(new PosixSpawnerProvider().unavailabilityCause());
    }
}
