package io.procmux.proc.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusFileTest {

    @Test
    void aProcessHasItsTgidAndRss() {
        assertThat(StatusFile.parse(ProcSamples.bytes("9449/status")))
                .isEqualTo(new StatusFile(OptionalLong.of(9449), OptionalLong.of(1680)));
    }

    @Test
    void kernelThreadsAndZombiesHaveNoRss() {
        assertThat(StatusFile.parse(ProcSamples.bytes("2/status")))
                .isEqualTo(new StatusFile(OptionalLong.of(2), OptionalLong.empty()));
        assertThat(StatusFile.parse(ProcSamples.bytes("11/status")).vmRssKiB()).isEmpty();
        assertThat(StatusFile.parse(ProcSamples.bytes("9716/status")))
                .isEqualTo(new StatusFile(OptionalLong.of(9716), OptionalLong.empty()));
    }

    @Test
    void aThreadNamesItsProcessInTgid() {
        assertThat(StatusFile.parse(ProcSamples.bytes("9983/status")).tgid()).hasValue(9915);
    }

    @Test
    void anEmptyOrUnrelatedFileKnowsNothing() {
        assertThat(StatusFile.parse(new byte[0])).isEqualTo(new StatusFile(OptionalLong.empty(), OptionalLong.empty()));
        assertThat(StatusFile.parse("Name:\tTgid: 5\nNgid:\t0\nVmRSS:\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new StatusFile(OptionalLong.empty(), OptionalLong.empty()));
    }
}
