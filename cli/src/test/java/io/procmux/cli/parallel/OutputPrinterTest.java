package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping, keep-order, tags and line buffering, on fake jobs. */
class OutputPrinterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Job job(long seq, String arg) {
        return new Job(seq, List.of(arg));
    }

    private static void feed(OutputPrinter p, Job j, boolean isErr, String s) throws Exception {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.chunk(j, isErr, b, b.length);
    }

    @Test
    void groupedOutputIsPrintedWholeWhenAJobFinishes() throws Exception {
        OutputPrinter p = new OutputPrinter(out, err, OutputMode.GROUP, false, false);
        Job a = job(1, "a");
        Job b = job(2, "b");
        feed(p, a, false, "a1 ");
        feed(p, b, false, "b1 ");
        feed(p, a, true, "a-err\n");
        feed(p, a, false, "a2\n");
        assertThat(out.size()).isZero();
        p.finished(b);
        p.finished(a);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("b1 a1 a2\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("a-err\n");
    }

    @Test
    void keepOrderHoldsLaterJobsAndSkipsThoseNeverRun() throws Exception {
        OutputPrinter p = new OutputPrinter(out, err, OutputMode.GROUP, true, false);
        Job[] jobs = {job(1, "1"), job(2, "2"), job(3, "3"), job(4, "4")};
        for (Job j : jobs) {
            feed(p, j, false, j.seq + "\n");
        }
        p.finished(jobs[2]);
        p.finished(jobs[1]);
        assertThat(out.size()).isZero();
        p.finished(jobs[0]);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1\n2\n3\n");
        p.skipped(5);
        p.finished(jobs[3]);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1\n2\n3\n4\n");
    }

    @Test
    void tagsPrefixEveryLineIncludingAnUnterminatedLast() throws Exception {
        OutputPrinter p = new OutputPrinter(out, err, OutputMode.GROUP, false, true);
        Job j = new Job(1, List.of("x", "y"));
        feed(p, j, false, "one\ntwo\nthree");
        p.finished(j);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x y\tone\nx y\ttwo\nx y\tthree");
    }

    @Test
    void lineBufferedOutputPrintsCompleteLinesAtOnce() throws Exception {
        OutputPrinter p = new OutputPrinter(out, err, OutputMode.LINE, false, true);
        Job a = job(1, "a");
        Job b = job(2, "b");
        feed(p, a, false, "a1\na");
        feed(p, b, false, "b1");
        feed(p, b, false, "\n");
        feed(p, a, false, "2\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\ta1\nb\tb1\na\ta2\n");
        feed(p, a, false, "tail");
        p.finished(a);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("a\ttail");
    }
}
