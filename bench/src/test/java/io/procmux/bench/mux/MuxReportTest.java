package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuxReportTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MuxReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsBothTablesAndTheMissedTargetsFromJmhJsonAndCFiles() throws IOException {
        Path json = Files.writeString(dir.resolve("jmh-10.json"), "[" + SampleReaderTest.jmh("MuxWaitBenchmark",
                "\"backend\": \"epoll\", \"n\": \"10\"", "[[150.0]]", SampleReaderTest.gcNorm(0.0)) + "]");
        Path c = Files.writeString(dir.resolve("c.txt"), "epoll 10 100\n");

        assertThat(run(json.toString(), c.toString())).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("| 10 | procmux `epoll` | 150 | 150 | 150 | 1 | 0.00 |")
                .contains("| 10 | 1.50 **over** |")
                .contains("where C and Java share each round:\n- N=10: epoll / C epoll (target ≤ 1.3) is 1.50");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void saysSoWhenEveryTargetIsMet() throws IOException {
        Path c = Files.writeString(dir.resolve("c.txt"), "epoll 10 100\n");
        Path json = Files.writeString(dir.resolve("a.json"), "[" + SampleReaderTest.jmh("MuxWaitBenchmark",
                "\"backend\": \"epoll\", \"n\": \"10\"", "[[110.0]]", "") + "]");
        assertThat(run(json.toString(), c.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("On this elapsed view every ratio is within its target. The verdicts are the paired CPU-time"
                + " table's below.\n");
    }

    @Test
    void failsWithTheFileNameOnBadInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[1,");
        assertThat(run(bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("MuxReport: " + bad + ": Malformed JSON at offset 3");
        assertThat(run(dir.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read " + dir.resolve("missing.txt"));
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: MuxReport FILE...");
        assertThat(out.size()).isZero();
    }
}
