package io.procmux.proc.procfs;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spi.BackendKind;
import io.procmux.spi.BackendUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcfsProcessTableProviderTest {

    private final ProcfsProcessTableProvider provider = assertDiscoveredOnce(BackendKind.PROC, "procfs", ProcfsProcessTableProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isNative()).isEqualTo(false);
        assertThat(provider.capabilities()).containsEntry("fields", "all");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void isAvailableOnLinuxAndOpensTheTable() {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.open()).isInstanceOf(ProcfsProcessTable.class)
                .extracting(t -> t.name()).isEqualTo("procfs");
    }

    @Test
    void withoutAProcItIsUnavailableAndRefusesUseNamingTheCause(@TempDir Path notProc) {
        ProcfsProcessTableProvider elsewhere = new ProcfsProcessTableProvider(() -> ProcfsProcessTableProvider.probe(notProc));

        assertThat(elsewhere.isAvailable()).isFalse();
        assertThat(elsewhere.unavailabilityCause()).get().extracting(Throwable::getMessage).asString()
                .contains("procfs needs Linux's /proc", notProc.resolve("self/stat").toString());
        assertThatThrownBy(elsewhere::open)
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageStartingWith("Backend 'procfs' is not available: procfs needs Linux's /proc")
                .hasCause(elsewhere.unavailabilityCause().get());
    }

    @Test
    void theProbeParsesSelfStat(@TempDir Path proc) throws IOException {
        Files.createDirectory(proc.resolve("self"));
        Files.write(proc.resolve("self/stat"), ProcSamples.bytes("9714/stat"));
        assertThat(ProcfsProcessTableProvider.probe(proc)).isEmpty();

        Files.writeString(proc.resolve("self/stat"), "not a stat line");
        assertThat(ProcfsProcessTableProvider.probe(proc)).get().extracting(Throwable::getCause)
                .isInstanceOf(IllegalArgumentException.class);
    }
}
