package io.procmux.proc.jvm;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spi.BackendKind;
import org.junit.jupiter.api.Test;

class JvmProcessTableProviderTest {

    private final JvmProcessTableProvider provider = assertDiscoveredOnce(BackendKind.PROC, "jvm", JvmProcessTableProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(10);
        assertThat(provider.isNative()).isEqualTo(false);
        assertThat(provider.capabilities()).containsEntry("fields", "pid,ppid,user,startTime,command,name");
    }

    @Test
    void isAvailableAndOpensTheTable() {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.open()).isInstanceOf(JvmProcessTable.class)
                .extracting(t -> t.name()).isEqualTo("jvm");
    }
}
