package io.procmux.bench.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnReportTest {
    private static Samples loop() {
        List<String> lines = new ArrayList<>();
        double[] c = {500_000, 520_000, 510_000, 490_000, 530_000};
        double[] posix = {600_000, 560_000, 580_000, 570_000, 640_000};
        double[] pb = {1_300_000, 1_200_000, 1_250_000, 1_100_000, 1_400_000};
        for (int run = 0; run < 5; run++) {
            lines.add("C\t" + (run + 1) + "\tns_per_spawn\t" + c[run]);
            lines.add("posix\t" + (run + 1) + "\tns_per_spawn\t" + posix[run]);
            lines.add("pb\t" + (run + 1) + "\tns_per_spawn\t" + pb[run]);
        }
        return Samples.parse("t", lines);
    }

    @Test
    void runsTableGivesMedianMinMaxAndRatiosOfMedians() {
        String table = SpawnReport.runs(loop(), "ns_per_spawn", 1000, "µs", List.of("C", "pb"));
        assertThat(table).isEqualTo("""
                | case | median µs | min µs | max µs | runs | ÷ C | ÷ pb |
                |---|---:|---:|---:|---:|---:|---:|
                | C | 510 | 490 | 530 | 5 | 1.00 | 0.41 |
                | posix | 580 | 560 | 640 | 5 | 1.14 | 0.46 |
                | pb | 1250 | 1100 | 1400 | 5 | 2.45 | 1.00 |
                """);
    }

    @Test
    void ratioLineJudgesTheTargetOnTheRatioOfMediansAndShowsPerRunRange() {
        assertThat(SpawnReport.ratio(loop(), "ns_per_spawn", "posix", "C", "le", 1.2))
                .isEqualTo("- posix / C: **1.14** (ratio of medians; per-run ratios 1.08–1.21); target ≤ 1.20: met\n");
        assertThat(SpawnReport.ratio(loop(), "ns_per_spawn", "pb", "posix", "ge", 2.5))
                .isEqualTo("- pb / posix: **2.16** (ratio of medians; per-run ratios 1.93–2.19); target ≥ 2.50: **missed**\n");
        assertThatThrownBy(() -> SpawnReport.ratio(loop(), "ns_per_spawn", "pb", "C", "lt", 1))
                .hasMessage("comparison must be 'le' or 'ge', not 'lt'");
    }

    @Test
    void latencyTableTakesPercentilesPerRunAndPooled() {
        List<String> lines = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            for (int i = 1; i <= 100; i++) {
                lines.add("posix\t" + run + "\tlat\t" + (i * 1000 * run));
            }
        }
        String table = SpawnReport.latency(Samples.parse("t", lines), "lat", 1000, "µs");
        // run 1: 1..100 µs, p50 50, p99 99; run 2: 2..200 µs, p50 100, p99 198; pooled 200 values: 67 + 33 values are at or below 67
        assertThat(table).endsWith("| posix | 2 | 200 | 75 (50–100) | 149 (99–198) | 67 | 196 | 200 |\n");
    }

    @Test
    void countsTableShowsARangeOnlyWhenRunsDiffer() {
        Samples s = Samples.parse("t", List.of(
                "posix\t1\tthreads\t20", "posix\t1\tzombies\t0", "posix\t2\tthreads\t22", "posix\t2\tzombies\t0"));
        assertThat(SpawnReport.counts(s, List.of("threads", "zombies")))
                .endsWith("| posix | 2 | 21 (20–22) | 0 |\n");
    }

    @Test
    void numbersKeepAboutThreeFigures() {
        assertThat(SpawnReport.num(1234.56)).isEqualTo("1235");
        assertThat(SpawnReport.num(12.345)).isEqualTo("12.3");
        assertThat(SpawnReport.num(0.5)).isEqualTo("0.50");
        assertThat(SpawnReport.num(7)).isEqualTo("7");
    }

    @Test
    void commandLineErrorsSayWhatIsExpected(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.tsv");
        Files.writeString(f, "a\t1\tm\t1\n");
        assertThatThrownBy(() -> SpawnReport.render(new String[] {"pie", f.toString(), "m"}))
                .hasMessageStartingWith("unknown table 'pie'; usage: SpawnReport runs");
        assertThatThrownBy(() -> SpawnReport.render(new String[] {"runs", f.toString(), "m", "0", "µs", "a"}))
                .hasMessage("SCALE must be a positive number, not '0'");
        assertThat(SpawnReport.render(new String[] {"ratio", f.toString(), "m", "a", "a"}))
                .isEqualTo("- a / a: **1.00** (ratio of medians; per-run ratios 1.00–1.00)\n");
    }
}
