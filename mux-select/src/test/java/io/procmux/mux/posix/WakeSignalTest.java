package io.procmux.mux.posix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Coalescing of wake-up requests: only the first pending request asks for a write. */
class WakeSignalTest {

    @Test
    void onlyTheFirstPendingRequestWritesAndConsumingReportsEveryReason() {
        WakeSignal signal = new WakeSignal();
        assertThat(signal.request(WakeSignal.USER)).isTrue();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(signal.request(WakeSignal.USER)).isFalse();
        }
        assertThat(signal.request(WakeSignal.INTERNAL)).isFalse();
        assertThat(signal.consume()).isEqualTo(WakeSignal.USER | WakeSignal.INTERNAL);
        assertThat(signal.consume()).isZero();
        assertThat(signal.request(WakeSignal.INTERNAL)).isTrue();
        assertThat(signal.consume()).isEqualTo(WakeSignal.INTERNAL);
    }
}
