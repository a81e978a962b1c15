package io.procmux.bench.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {
    private static final double[] ONE_TO_THOUSAND = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertThat(Stats.median(9, 1, 5)).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
    }

    @Test
    void nearestRankPercentilesOfOneToThousand() {
        assertThat(Stats.percentile(50, ONE_TO_THOUSAND)).isEqualTo(500);
        assertThat(Stats.percentile(99, ONE_TO_THOUSAND)).isEqualTo(990);
        assertThat(Stats.percentile(99.9, ONE_TO_THOUSAND)).isEqualTo(999);
        assertThat(Stats.percentile(100, ONE_TO_THOUSAND)).isEqualTo(1000);
        assertThat(Stats.percentile(0, ONE_TO_THOUSAND)).isEqualTo(1);
    }

    @Test
    void percentileRoundsTheRankUp() {
        // 4 values: p50 is rank 2, p51 rank ceil(2.04) = 3, p99 rank 4
        assertThat(Stats.percentile(50, 40, 10, 30, 20)).isEqualTo(20);
        assertThat(Stats.percentile(51, 40, 10, 30, 20)).isEqualTo(30);
        assertThat(Stats.percentile(99, 40, 10, 30, 20)).isEqualTo(40);
        assertThat(Stats.percentile(99, 7)).isEqualTo(7);
    }

    @Test
    void minMaxMeanAndInputLeftUnsorted() {
        double[] v = {3, 1, 2};
        assertThat(Stats.min(v)).isEqualTo(1);
        assertThat(Stats.max(v)).isEqualTo(3);
        assertThat(Stats.mean(v)).isEqualTo(2);
        Stats.median(v);
        assertThat(v).containsExactly(3, 1, 2);
    }

    @Test
    void badInputsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Stats.median()).hasMessage("no values");
        assertThatThrownBy(() -> Stats.percentile(101, 1)).hasMessage("percentile must be within 0..100, not 101.0");
        assertThatThrownBy(() -> Stats.percentile(Double.NaN, 1)).hasMessageContaining("within 0..100");
        assertThatThrownBy(() -> Stats.max(1, Double.NaN)).hasMessage("not a finite number: NaN");
    }
}
