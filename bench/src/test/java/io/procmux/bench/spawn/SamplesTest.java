package io.procmux.bench.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
    private static final List<String> LINES = List.of(
            "# case\trun\tmetric\tvalue",
            "C posix_spawn\t1\tns_per_spawn\t500",
            "procmux posix\t1\tns_per_spawn\t600",
            "",
            "C posix_spawn\t2\tns_per_spawn\t520",
            "procmux posix\t2\tns_per_spawn\t580",
            "procmux posix\t1\texit_latency_ns\t10",
            "procmux posix\t1\texit_latency_ns\t30",
            "procmux posix\t2\texit_latency_ns\t50");

    @Test
    void casesComeInOrderOfFirstAppearancePerMetric() {
        Samples s = Samples.parse("t", LINES);
        assertThat(s.cases("ns_per_spawn")).containsExactly("C posix_spawn", "procmux posix");
        assertThat(s.cases("exit_latency_ns")).containsExactly("procmux posix");
        assertThat(s.cases("nothing")).isEmpty();
    }

    @Test
    void valuesGroupByRunAndPool() {
        Samples s = Samples.parse("t", LINES);
        assertThat(s.byRun("procmux posix", "exit_latency_ns")).containsOnlyKeys(1, 2);
        assertThat(s.byRun("procmux posix", "exit_latency_ns").get(1)).containsExactly(10, 30);
        assertThat(s.perRun("procmux posix", "exit_latency_ns")).containsEntry(1, 20.0).containsEntry(2, 50.0);
        assertThat(s.pooled("procmux posix", "exit_latency_ns")).containsExactly(10, 30, 50);
    }

    @Test
    void aMissingCaseNamesTheCasesThatExist() {
        Samples s = Samples.parse("t", LINES);
        assertThatThrownBy(() -> s.perRun("procmux jvm", "ns_per_spawn"))
                .hasMessage("no 'ns_per_spawn' values for case 'procmux jvm'; cases with it: [C posix_spawn, procmux posix]");
    }

    @Test
    void malformedLinesAreReportedWithTheirNumber() {
        assertThatThrownBy(() -> Samples.parse("f.tsv", List.of("a\t1\tm\t2", "a 1 m 2")))
                .hasMessage("f.tsv line 2: expected 4 tab-separated fields (case, run, metric, value), got 1: a 1 m 2");
        assertThatThrownBy(() -> Samples.parse("f.tsv", List.of("a\tone\tm\t2")))
                .hasMessage("f.tsv line 1: run must be an integer, not 'one'");
        assertThatThrownBy(() -> Samples.parse("f.tsv", List.of("a\t1\tm\tfast")))
                .hasMessage("f.tsv line 1: value must be a number, not 'fast'");
        assertThatThrownBy(() -> Samples.parse("f.tsv", List.of("a\t1\tm\tNaN")))
                .hasMessage("f.tsv line 1: value must be finite, not NaN");
        assertThatThrownBy(() -> Samples.parse("f.tsv", List.of("\t1\tm\t3")))
                .hasMessageStartingWith("f.tsv line 1: empty case or metric");
    }
}
