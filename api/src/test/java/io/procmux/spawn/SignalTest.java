package io.procmux.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SignalTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void linuxNumbers() {
        assertThat(Signal.USR1.number()).isEqualTo(10);
        assertThat(Signal.CHLD.number()).isEqualTo(17);
        assertThat(Signal.of(15)).contains(Signal.TERM);
    }

    @Test
    void parsesNamesAndNumbers() {
        assertThat(Signal.parse("TERM")).isEqualTo(Signal.TERM.number());
        assertThat(Signal.parse("sigkill")).isEqualTo(Signal.KILL.number());
        assertThat(Signal.parse(" 15 ")).isEqualTo(15);
        assertThatThrownBy(() -> Signal.parse("TERMINATE"))
                .hasMessage("No signal 'TERMINATE'; use a name such as TERM or KILL, or a number");
        assertThatThrownBy(() -> Signal.parse("99")).hasMessage("Signal number 99 is out of range 1..64");
    }

    @Test
    void everyConstantHasADistinctNumber() {
        assertThat(java.util.Arrays.stream(Signal.values()).map(Signal::number).distinct().count())
                .isEqualTo(Signal.values().length);
    }
}
