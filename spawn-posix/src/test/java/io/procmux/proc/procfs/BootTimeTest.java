package io.procmux.proc.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BootTimeTest {

    @Test
    void readsBtimeFromProcStat() {
        assertThat(BootTime.parse(ProcSamples.bytes("stat"))).isEqualTo(new BootTime(1795784593L));
    }

    @Test
    void ticksAreHundredthsOfASecondAfterBoot() {
        BootTime boot = new BootTime(1_000_000_000L);

        assertThat(boot.afterTicks(0)).isEqualTo(Instant.ofEpochSecond(1_000_000_000L));
        assertThat(boot.afterTicks(71297)).isEqualTo(Instant.ofEpochSecond(1_000_000_712L, 970_000_000L));
    }

    @Test
    void aProcStatWithoutBtimeIsRefused() {
        byte[] text = "cpu  1 2 3\nbtimex 5\nprocesses 9\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> BootTime.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("btime");
    }
}
