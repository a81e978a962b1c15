package io.procmux.mux.epoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.mux.Events;
import org.junit.jupiter.api.Test;

/** The mapping between Events and epoll's bits, and the combinations epoll refuses. */
class EpollMaskTest {

    @Test
    void readinessBitsPassThroughAndFlagsMoveToEpollsPositions() {
        assertThat(EpollMask.toEpoll(Events.IN | Events.OUT | Events.PRI | Events.RDHUP)).isEqualTo(0x1 | 0x4 | 0x2 | 0x2000);
        assertThat(EpollMask.toEpoll(Events.IN | Events.EDGE_TRIGGERED)).isEqualTo(0x1 | 0x80000000);
        assertThat(EpollMask.toEpoll(Events.IN | Events.ONE_SHOT)).isEqualTo(0x1 | 0x40000000);
        assertThat(EpollMask.toEpoll(Events.IN | Events.EXCLUSIVE)).isEqualTo(0x1 | 0x10000000);
        assertThat(EpollMask.toEpoll(Events.NVAL)).isZero();
        assertThat(EpollMask.fromEpoll(0x1 | 0x8 | 0x10 | 0x2000 | 0x80000000)).isEqualTo(
                Events.IN | Events.ERR | Events.HUP | Events.RDHUP);
    }

    @Test
    void exclusiveIsRefusedWhereTheKernelWouldSayEinval() {
        assertThatCode(() -> EpollMask.checkRegister(Events.IN | Events.OUT | Events.EXCLUSIVE | Events.EDGE_TRIGGERED))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> EpollMask.checkRegister(Events.IN | Events.EXCLUSIVE | Events.RDHUP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RDHUP");
        assertThatThrownBy(() -> EpollMask.checkModify(7, Events.IN | Events.EXCLUSIVE, Events.IN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fd 7");
        assertThatCode(() -> EpollMask.checkModify(7, Events.IN, Events.OUT)).doesNotThrowAnyException();
    }
}
