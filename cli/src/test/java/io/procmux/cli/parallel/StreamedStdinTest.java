package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.FileDescriptors;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Stdin on a pipe is read while jobs run: jobs start as lines arrive. */
@EnabledOnOs(OS.LINUX)
class StreamedStdinTest {
    private static final TermSequence GRACE = TermSequence.termThenKill(Duration.ofMillis(500));

    /** How long the writer waits for a job before it gives up (a failure, never a pass). */
    private static final long GIVE_UP_MILLIS = 30_000;

    private static SpawnerProvider spawner;
    private static MultiplexerProvider mux;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter messages = new StringWriter();

    @BeforeAll
    static void backends() {
        spawner = Backends.select(BackendKind.SPAWNER, "posix");
        assumeTrue(spawner.isAvailable(), "posix spawner unavailable");
        mux = Backends.select(BackendKind.MUX);
        assumeTrue(mux.isAvailable(), "no multiplexer");
    }

    private static ParallelOptions opts(int slots, HaltPolicy halt) {
        return new ParallelOptions(slots, false, OutputMode.GROUP, false, null, GRACE, 1, halt,
                false, null, null);
    }

    /** Runs procmux parallel with {@code words} and stdin on {@code pipe}'s source. */
    private int run(List<String> words, Pipe pipe, HaltPolicy halt) throws Exception {
        ParallelLauncher l = ParallelLauncher.prepare(words, List.of(), false, false, opts(2, halt), false,
                Channels.newInputStream(pipe.source()), FileDescriptors.fdOf(pipe.source()));
        return l.run(spawner, mux, out, new ByteArrayOutputStream(), new PrintWriter(messages, true), false);
    }

    private static void write(OutputStream stdin, String text) throws IOException {
        stdin.write(text.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits until {@code file} exists; false when the writer gave up. */
    private static boolean awaitFile(Path file) throws InterruptedException {
        long end = System.currentTimeMillis() + GIVE_UP_MILLIS;
        while (!Files.exists(file)) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Test
    void aJobStartsBeforeStdinEnds() throws Exception {
        Pipe pipe = Pipe.open();
        OutputStream stdin = Channels.newOutputStream(pipe.sink());
        // The writer sends the second line only once the first line's job has run: a run that read
        // stdin to its end before starting jobs would make the writer give up.
        CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> {
            try (stdin) {
                write(stdin, "first\n");
                boolean sawFirst = awaitFile(dir.resolve("first"));
                write(stdin, "second\n");
                return sawFirst;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        int status = run(List.of("touch", dir + "/{}"), pipe, HaltPolicy.NEVER);
        pipe.source().close();
        assertThat(writer.get()).as("the first job ran while stdin was still open").isTrue();
        assertThat(status).isZero();
        assertThat(dir.resolve("second")).exists();
    }

    @Test
    void aLineWithANulEndsTheInputsAfterTheJobsBeforeItRan() throws Exception {
        Pipe pipe = Pipe.open();
        try (OutputStream stdin = Channels.newOutputStream(pipe.sink())) {
            write(stdin, "a\nb\nc\0d\ne\n");
        }
        int status = run(List.of("echo"), pipe, HaltPolicy.NEVER);
        pipe.source().close();
        assertThat(status).isEqualTo(ExitStatuses.ERROR);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("a\n", "b\n").doesNotContain("e\n");
        assertThat(messages.toString()).contains("stdin, line 3, contains a NUL byte");
    }

    @Test
    void aPercentageHaltReadsStdinWholeFirstAndSoKnowsTheTotal() throws Exception {
        Pipe pipe = Pipe.open();
        try (OutputStream stdin = Channels.newOutputStream(pipe.sink())) {
            write(stdin, "0\n1\n1\n1\n");
        }
        int status = run(List.of("sh", "-c", "exit $1", "sh"), pipe, HaltPolicy.parse("soon,fail=50%"));
        pipe.source().close();
        assertThat(status).as("two failures are 50%% of four jobs").isBetween(2, 3);
    }
}
