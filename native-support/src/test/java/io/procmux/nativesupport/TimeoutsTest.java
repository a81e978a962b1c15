package io.procmux.nativesupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one timeout rule, as arithmetic. */
class TimeoutsTest {

    @Test
    void nullAndNegativeBlockAndHugeDurationsSaturate() {
        assertThat(Timeouts.toNanos(null)).isEqualTo(-1);
        assertThat(Timeouts.toNanos(Duration.ofNanos(-1))).isEqualTo(-1);
        assertThat(Timeouts.toNanos(Duration.ZERO)).isZero();
        assertThat(Timeouts.toNanos(Duration.ofMillis(3))).isEqualTo(3_000_000L);
        assertThat(Timeouts.toNanos(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(Timeouts.toNanos(Duration.ofDays(365L * 1_000))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void zeroPollsSubMillisecondRoundsUpAndLargeValuesClamp() {
        assertThat(Timeouts.toMillis(-1)).isEqualTo(-1);
        assertThat(Timeouts.toMillis(Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(Timeouts.toMillis(0)).isZero();
        assertThat(Timeouts.toMillis(1)).isEqualTo(1);
        assertThat(Timeouts.toMillis(999_999)).isEqualTo(1);
        assertThat(Timeouts.toMillis(1_000_000)).isEqualTo(1);
        assertThat(Timeouts.toMillis(1_000_001)).isEqualTo(2);
        assertThat(Timeouts.toMillis(((1L << 32) + 1) * 1_000_000L)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Timeouts.toMillis(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Timeouts.isClamped(Long.MAX_VALUE)).isTrue();
        assertThat(Timeouts.isClamped(Integer.MAX_VALUE * 1_000_000L - 1)).isFalse();
        assertThat(Timeouts.isClamped(1_000_000)).isFalse();
    }

    @Test
    void remainingTimeComesFromAMonotonicStartAndNeverGoesNegative() {
        assertThat(Timeouts.remaining(-1, 100, 5_000)).isEqualTo(-1);
        assertThat(Timeouts.remaining(1_000, 100, 600)).isEqualTo(500);
        assertThat(Timeouts.remaining(1_000, 100, 5_000)).isZero();
        assertThat(Timeouts.remaining(Long.MAX_VALUE, Long.MAX_VALUE - 10, Long.MIN_VALUE + 10)).isEqualTo(Long.MAX_VALUE - 21);
        assertThat(Timeouts.remaining(0, 0, 123)).isZero();
    }
}
