package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The polling window of a leading caller: its default, the property, and which tasks it covers. */
class LeadSpinTest {
    @AfterEach
    void clear() {
        System.clearProperty(LeadSpin.PROPERTY);
    }

    @Test
    void coversOnlyTasksThatRunWellWithinTheWindow() {
        LeadSpin spin = LeadSpin.fromProperties();
        long window = Runtime.getRuntime().availableProcessors() > 1
                ? TimeUnit.MICROSECONDS.toNanos(LeadSpin.DEFAULT_MICROS) : 0;
        assertThat(spin.nanosFor(1_000)).isEqualTo(window);
        assertThat(spin.nanosFor(window / 2)).isZero();
        assertThat(spin.nanosFor(Scheduling.UNKNOWN)).isZero();   // nothing known yet: no polling
    }

    @Test
    void zeroTurnsItOffAndTheLimitIsAccepted() {
        System.setProperty(LeadSpin.PROPERTY, "0");
        assertThat(LeadSpin.fromProperties().nanosFor(0)).isZero();
        System.setProperty(LeadSpin.PROPERTY, " 1000 ");
        long expected = Runtime.getRuntime().availableProcessors() > 1 ? TimeUnit.MILLISECONDS.toNanos(1) : 0;
        assertThat(LeadSpin.fromProperties().nanosFor(0)).isEqualTo(expected);
    }
}
