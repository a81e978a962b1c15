package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobSlotsTest {

    @Test
    void plainCountsAndZero() {
        assertThat(JobSlots.parse("4", 8)).isEqualTo(4);
        assertThat(JobSlots.parse("0", 8)).isEqualTo(JobSlots.AS_MANY_AS_POSSIBLE);
    }

    @Test
    void percentagesOfTheCoresRoundDownButNeverBelowOne() {
        assertThat(JobSlots.parse("50%", 8)).isEqualTo(4);
        assertThat(JobSlots.parse("200%", 8)).isEqualTo(16);
        assertThat(JobSlots.parse("10%", 2)).isEqualTo(1);
    }

    @Test
    void coresPlusOrMinus() {
        assertThat(JobSlots.parse("+2", 8)).isEqualTo(10);
        assertThat(JobSlots.parse("-2", 8)).isEqualTo(6);
        assertThat(JobSlots.parse("-20", 8)).isEqualTo(1);
    }

    @Test
    void anythingElseNamesTheForms() {
        for (String bad : new String[] {"x", "", "1.5", "+5%", "--1", "4 jobs"}) {
            assertThatThrownBy(() -> JobSlots.parse(bad, 2)).as(bad)
                    .isInstanceOf(ParallelUsageException.class)
                    .hasMessageContaining("-j takes N, 0 (as many as possible), N% (of the 2 cores), +N or -N")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
