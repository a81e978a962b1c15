package io.procmux.ipc.unix;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spi.BackendKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class JnrUnixSocketsProviderTest {

    private final JnrUnixSocketsProvider provider = assertDiscoveredOnce(BackendKind.IPC, "unix", JnrUnixSocketsProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.name()).isEqualTo("unix");
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isNative()).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void probesOnceAndOpensOnLinux() {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.unavailabilityCause()).isSameAs(provider.unavailabilityCause());
        assertThat(provider.open().name()).isEqualTo("unix");
    }
}
