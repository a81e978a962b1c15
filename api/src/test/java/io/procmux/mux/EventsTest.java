package io.procmux.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventsTest {
    @Test
    void bitsHaveLinuxPollValues() {
        assertThat(Events.IN).isEqualTo(0x1);
        assertThat(Events.OUT).isEqualTo(0x4);
        assertThat(Events.HUP).isEqualTo(0x10);
        assertThat(Events.RDHUP).isEqualTo(0x2000);
    }

    @Test
    void rendersMasks() {
        assertThat(Events.toString(Events.IN | Events.OUT)).isEqualTo("IN|OUT");
        assertThat(Events.toString(0)).isEqualTo("0");
        assertThat(Events.toString(Events.IN | Events.EDGE_TRIGGERED | 0x100)).isEqualTo("IN|ET|0x100");
    }

    @Test
    void checkRefusesUnknownBitsNamingThem() {
        assertThat(Events.check(Events.IN | Events.ONE_SHOT)).isEqualTo(Events.IN | Events.ONE_SHOT);
        assertThatThrownBy(() -> Events.check(Events.IN | 0x100)).hasMessage(
                "Unknown event bits 0x100 in 0x101; use the constants of io.procmux.mux.Events");
    }

    @Test
    void pollResultDistinguishesTimeoutFromWakeup() {
        assertThat(new PollResult(java.util.List.of(), false).timedOut()).isTrue();
        assertThat(new PollResult(java.util.List.of(), true).timedOut()).isFalse();
        assertThat(new PollResult(java.util.List.of(new ReadyEvent(3, Events.IN, null)), false).timedOut()).isFalse();
    }
}
