package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spawn.Signal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermSequenceTest {

    @Test
    void gnuParallelsDefaultReadsBackTheSame() {
        TermSequence s = TermSequence.parse("TERM,200,TERM,100,TERM,50,KILL,25");
        assertThat(s.steps()).hasSize(4);
        assertThat(s.steps().get(1)).isEqualTo(new TermSequence.Step(Signal.TERM.number(), Duration.ofMillis(100)));
        assertThat(s).hasToString("TERM,200,TERM,100,TERM,50,KILL,25");
    }

    @Test
    void killIsAppendedWhenMissingAndATrailingWaitMayBeLeftOut() {
        assertThat(TermSequence.parse("sigint,500,15").steps()).containsExactly(
                new TermSequence.Step(Signal.INT.number(), Duration.ofMillis(500)),
                new TermSequence.Step(Signal.TERM.number(), Duration.ZERO),
                new TermSequence.Step(Signal.KILL.number(), Duration.ZERO));
        assertThat(TermSequence.termThenKill(Duration.ofSeconds(2))).hasToString("TERM,2000,KILL,0");
    }

    @Test
    void badElementsAreNamedWithTheirPosition() {
        assertThatThrownBy(() -> TermSequence.parse("TERM,200,NOPE")).isInstanceOf(ParallelUsageException.class)
                .hasMessageContaining("element 3").hasMessageContaining("'NOPE'");
        assertThatThrownBy(() -> TermSequence.parse("TERM,soon,KILL")).isInstanceOf(ParallelUsageException.class)
                .hasMessageContaining("element 2: 'soon' is not a number of milliseconds");
        assertThatThrownBy(() -> TermSequence.parse("")).isInstanceOf(ParallelUsageException.class)
                .hasMessageContaining("element 1");
    }

    @Test
    void aSequenceMustEndWithKill() {
        assertThatThrownBy(() -> new TermSequence(List.of(new TermSequence.Step(Signal.TERM.number(), Duration.ZERO))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends with SIGKILL");
    }
}
