package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SampleReaderTest {
    /** The shape of JMH 1.37's -rf json output, trimmed to the members the reader uses and a few it must skip. */
    static String jmh(String benchmark, String params, String rawData, String secondary) {
        return "{\"jmhVersion\": \"1.37\", \"benchmark\": \"io.procmux.bench.mux." + benchmark + ".await\","
                + " \"mode\": \"avgt\", \"forks\": 1, \"params\": {" + params + "},"
                + " \"primaryMetric\": {\"score\": 1.0, \"scoreError\": \"NaN\", \"scoreConfidence\": [\"NaN\", \"NaN\"],"
                + " \"scoreUnit\": \"ns/op\", \"rawData\": " + rawData + "},"
                + " \"secondaryMetrics\": {" + secondary + "}}";
    }

    static String gcNorm(double bytes) {
        return "\"gc.alloc.rate\": {\"score\": 0.01, \"scoreUnit\": \"MB/sec\", \"rawData\": [[0.01]]},"
                + " \"gc.alloc.rate.norm\": {\"score\": " + bytes + ", \"scoreUnit\": \"B/op\", \"rawData\": [[0.0]]}";
    }

    @Test
    void readsBackendNSamplesOfEveryForkAndBytesPerWait() {
        SampleReader reader = new SampleReader();
        reader.addJmh("[" + jmh("MuxWaitBenchmark", "\"backend\": \"epoll\", \"n\": \"10\"", "[[700.5, 710.0], [690.0]]",
                gcNorm(0.001)) + ", " + jmh("NioWaitBenchmark", "\"n\": \"10\"", "[[900.0]]", "") + "]");

        assertThat(reader.series()).containsExactly(
                new Series("epoll", 10, List.of(700.5, 710.0, 690.0), OptionalDouble.of(0.001)),
                new Series("nio", 10, List.of(900.0), OptionalDouble.empty()));
    }

    @Test
    void acceptsTheOlderMiddleDotInProfilerMetricNames() {
        SampleReader reader = new SampleReader();
        reader.addJmh("[" + jmh("NioWaitBenchmark", "\"n\": \"100\"", "[[1.0]]",
                "\"\u00b7gc.alloc.rate.norm\": {\"score\": 48.0}") + "]");
        assertThat(reader.series().get(0).bytesPerWait()).isEqualTo(OptionalDouble.of(48.0));
    }

    @Test
    void poolsCSamplesWithTheSameBackendAndN() {
        SampleReader reader = new SampleReader();
        reader.addC("epoll 10 500.5\npoll 10 600\n\n");
        reader.addC("epoll 10 510.5\nepoll-mt 10 520\n");
        assertThat(reader.series()).containsExactly(
                new Series("c-epoll", 10, List.of(500.5, 510.5), OptionalDouble.empty()),
                new Series("c-poll", 10, List.of(600.0), OptionalDouble.empty()),
                new Series("c-epoll-mt", 10, List.of(520.0), OptionalDouble.empty()));
    }

    @Test
    void refusesWhatItCannotRead() {
        SampleReader reader = new SampleReader();
        assertThatThrownBy(() -> reader.addC("epoll 10\n")).hasMessage("Line 1 is not 'BACKEND N NS_PER_WAIT': epoll 10");
        assertThatThrownBy(() -> reader.addC("\nepoll 10 fast\n")).hasMessage("Line 2 has no number of nanoseconds: epoll 10 fast");
        assertThatThrownBy(() -> reader.addC("epoll -1 5\n")).hasMessage("N must be a positive integer, not '-1'");
        assertThatThrownBy(() -> reader.addJmh("{}")).hasMessage("JMH JSON must be an array of results");
        assertThatThrownBy(() -> reader.addJmh("[{\"benchmark\": \"x.Other.run\"}]"))
                .hasMessage("Not a mux wait benchmark: x.Other.run");
        assertThatThrownBy(() -> reader.addJmh("[" + jmh("MuxWaitBenchmark", "\"n\": \"10\"", "[[1.0]]", "") + "]"))
                .hasMessage("JMH JSON: params.backend must be a string");
        assertThatThrownBy(() -> reader.addJmh("[" + jmh("NioWaitBenchmark", "\"n\": \"10\"", "[1.0]", "") + "]"))
                .hasMessage("JMH JSON: primaryMetric.rawData[] must be an array");
        assertThatThrownBy(() -> reader.addJmh("[" + jmh("NioWaitBenchmark", "\"n\": \"10\"", "[[1.0]]", "")
                .replace("ns/op", "ops/s") + "]")).hasMessageContaining("Expected ns/op");
    }
}
