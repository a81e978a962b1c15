package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    @Test
    void readsEveryUnitAndBareSeconds() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parse("0.25")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationConverter.parse(" 3S ")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationConverter.parse("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'soon' is not a duration; write e.g. 500ms, 1s, 2m, 1h or a number of seconds");
        assertThatThrownBy(() -> DurationConverter.parse("-1s")).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> DurationConverter.parse("ms")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void formatsForMessages() {
        assertThat(DurationConverter.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationConverter.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(DurationConverter.format(Duration.ofMinutes(3))).isEqualTo("3m");
    }
}
