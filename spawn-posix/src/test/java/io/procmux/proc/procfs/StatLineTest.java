package io.procmux.proc.procfs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatLineTest {

    @Test
    void aCommWithSpacesAndParenthesesThatLooksLikeFieldsIsTakenWhole() {
        // captured from a copy of dash named "p) R 9 (q) x"
        StatLine stat = StatLine.parse(ProcSamples.bytes("9449/stat"), UTF_8);

        assertThat(stat).isEqualTo(new StatLine(9449, "p) R 9 (q) x", 'S', 1, 20, 0, 1, 71297));
    }

    @Test
    void aZombie() {
        StatLine stat = StatLine.parse(ProcSamples.bytes("9716/stat"), UTF_8);

        assertThat(stat).isEqualTo(new StatLine(9716, "sleep", 'Z', 9714, 20, 0, 1, 71699));
    }

    @Test
    void kernelThreads() {
        assertThat(StatLine.parse(ProcSamples.bytes("2/stat"), UTF_8))
                .isEqualTo(new StatLine(2, "kthreadd", 'S', 0, 20, 0, 1, 20));
        assertThat(StatLine.parse(ProcSamples.bytes("11/stat"), UTF_8))
                .isEqualTo(new StatLine(11, "kworker/0:1-cgroup_pidlist_destroy", 'I', 2, 20, 0, 1, 20));
    }

    @Test
    void negativePriorityAndNiceOfARealTimeProcess() {
        byte[] line = "77 (rt) R 1 77 77 0 -1 4194560 0 0 0 0 0 0 0 0 -51 -20 3 0 123456 0 0\n".getBytes(US_ASCII);

        assertThat(StatLine.parse(line, US_ASCII)).isEqualTo(new StatLine(77, "rt", 'R', 1, -51, -20, 3, 123456));
    }

    @Test
    void aNonAsciiCommIsDecodedWithTheGivenCharset() {
        byte[] line = "5 (ü ) x) S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 5 1 0 9 0 0".getBytes(UTF_8);

        assertThat(StatLine.parse(line, UTF_8).comm()).isEqualTo("ü ) x");
        assertThat(StatLine.parse(line, UTF_8).nice()).isEqualTo(5);
    }

    @Test
    void malformedLinesAreRefusedWithTheText() {
        assertThatThrownBy(() -> StatLine.parse("".getBytes(US_ASCII), US_ASCII))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatLine.parse("12 (x) S 1 2 3".getBytes(US_ASCII), US_ASCII))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few fields");
        assertThatThrownBy(() -> StatLine.parse("1x (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 9".getBytes(US_ASCII),
                US_ASCII)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x (x) S");
        assertThatThrownBy(() -> StatLine.parse("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 2a 0 1 0 9".getBytes(US_ASCII),
                US_ASCII)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> StatLine.parse(
                "1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 99999999999 0 1 0 9".getBytes(US_ASCII), US_ASCII))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
