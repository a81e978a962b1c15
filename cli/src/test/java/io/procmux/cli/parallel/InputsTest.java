package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting the words, reading sources and the cross product. */
class InputsTest {
    @TempDir
    Path dir;

    private static ByteArrayInputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> all(JobInputs inputs) {
        List<List<String>> out = new ArrayList<>();
        inputs.forEach(out::add);
        return out;
    }

    @Test
    void wordsSplitIntoCommandAndSources() {
        SourceArgs a = SourceArgs.parse(List.of("echo", "-n", ":::", "a", "b", "::::", "f1", "f2", ":::", "x"));
        assertThat(a.command()).containsExactly("echo", "-n");
        assertThat(a.sources()).containsExactly(new SourceArgs.Values(List.of("a", "b")),
                new SourceArgs.FileSource(Path.of("f1")), new SourceArgs.FileSource(Path.of("f2")),
                new SourceArgs.Values(List.of("x")));
    }

    @Test
    void emptyGroupsAreRefused() {
        assertThatThrownBy(() -> SourceArgs.parse(List.of("echo", ":::"))).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> SourceArgs.parse(List.of("echo", "::::", ":::", "a")))
                .hasMessageContaining("at least one file");
    }

    @Test
    void crossProductVariesTheFirstSourceSlowest() throws Exception {
        JobInputs in = JobInputs.read(SourceArgs.parse(List.of("e", ":::", "a", "b", ":::", "1", "2", "3")).sources(),
                false, stdin(""));
        assertThat(in.jobCount()).isEqualTo(6);
        assertThat(all(in)).containsExactly(List.of("a", "1"), List.of("a", "2"), List.of("a", "3"),
                List.of("b", "1"), List.of("b", "2"), List.of("b", "3"));
    }

    @Test
    void linesKeepSpacesEmptyLinesAndAFinalLineWithoutNewline() throws Exception {
        JobInputs in = JobInputs.read(List.of(), false, stdin("a b\n\n c\nlast"));
        assertThat(all(in)).containsExactly(List.of("a b"), List.of(""), List.of(" c"), List.of("last"));
    }

    @Test
    void nulSeparatedInputKeepsNewlines() throws Exception {
        JobInputs in = JobInputs.read(List.of(), true, stdin("a\nb\0c\0"));
        assertThat(all(in)).containsExactly(List.of("a\nb"), List.of("c"));
    }

    @Test
    void aNulInLineModeIsRefusedNamingTheLine() throws Exception {
        Path f = dir.resolve("in.txt");
        Files.write(f, "ok\nbad\0x\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> JobInputs.read(List.of(new SourceArgs.FileSource(f)), false, stdin("")))
                .isInstanceOf(ParallelUsageException.class)
                .hasMessage("input file " + f + ", line 2, contains a NUL byte; use --null (-0) for NUL-separated input");
    }

    @Test
    void filesAreReadAndMissingOnesRefused() throws Exception {
        Path f = dir.resolve("list");
        Files.writeString(f, "x\ny\n");
        JobInputs in = JobInputs.read(List.of(new SourceArgs.Values(List.of("1")), new SourceArgs.FileSource(f)),
                false, stdin(""));
        assertThat(all(in)).containsExactly(List.of("1", "x"), List.of("1", "y"));
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> JobInputs.read(List.of(new SourceArgs.FileSource(missing)), false, stdin("")))
                .hasMessage("input file " + missing + " does not exist");
        assertThatThrownBy(() -> JobInputs.read(List.of(new SourceArgs.FileSource(dir)), false, stdin("")))
                .hasMessageContaining("is a directory");
    }

    @Test
    void emptyStdinMeansNoJobs() throws Exception {
        assertThat(JobInputs.read(List.of(), false, stdin("")).jobCount()).isZero();
    }

    @Test
    void stdinAtMostOnce() {
        List<SourceArgs.Source> twice = List.of(new SourceArgs.FileSource(Path.of("-")), new SourceArgs.FileSource(Path.of("-")));
        assertThatThrownBy(() -> JobInputs.read(twice, false, stdin("a"))).hasMessageContaining("only once");
    }

    @Test
    void bytesSplitTheSameWhetherTheyArriveWholeOrOneByOne() {
        byte[] data = "a b\n\nl\u00e9\u00e8ve\n c\nlast".getBytes(StandardCharsets.UTF_8);
        List<String> oneByOne = new ArrayList<>();
        InputSplitter splitter = new InputSplitter(false, "stdin");
        for (int i = 0; i < data.length; i++) {
            splitter.feed(data, i, 1, oneByOne::add);
        }
        splitter.finish(oneByOne::add);
        assertThat(oneByOne).isEqualTo(InputSplitter.split(data, false, "stdin"))
                .containsExactly("a b", "", "l\u00e9\u00e8ve", " c", "last");
    }
}
