package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end in this JVM, on the posix spawner and the best multiplexer. */
@EnabledOnOs(OS.LINUX)
class ParallelRunnerTest {
    private static final TermSequence GRACE = TermSequence.termThenKill(Duration.ofMillis(500));

    private static SpawnerProvider spawner;
    private static MultiplexerProvider mux;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StringWriter messages = new StringWriter();

    @BeforeAll
    static void backends() {
        spawner = Backends.select(BackendKind.SPAWNER, "posix");
        assumeTrue(spawner.isAvailable(), "posix spawner unavailable");
        mux = Backends.select(BackendKind.MUX);
        assumeTrue(mux.isAvailable(), "no multiplexer");
    }

    private static ParallelOptions opts(int slots) {
        return new ParallelOptions(slots, false, OutputMode.GROUP, false, null, GRACE, 1,
                HaltPolicy.NEVER, false, null, null);
    }

    private int run(List<String> words, ParallelOptions o, boolean shell) throws Exception {
        ParallelLauncher l = ParallelLauncher.prepare(words, List.of(), false, shell, o, false,
                new ByteArrayInputStream(new byte[0]), -1);
        return l.run(spawner, mux, out, err, new PrintWriter(messages, true), false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepOrderPrintsInInputOrderWhateverFinishesFirst() throws Exception {
        ParallelOptions o = new ParallelOptions(4, true, OutputMode.GROUP, false, null, GRACE, 1,
                HaltPolicy.NEVER, false, null, null);
        int status = run(List.of("sh", "-c", "sleep $1; echo $1", "sh", ":::", "0.3", "0.2", "0.1", "0"), o, false);
        assertThat(status).isZero();
        assertThat(out()).isEqualTo("0.3\n0.2\n0.1\n0\n");
    }

    @Test
    void theExitStatusCountsFailedJobsAndStderrIsKept() throws Exception {
        int status = run(List.of("sh", "-c", "echo err-$1 >&2; exit $1", "sh", ":::", "0", "1", "2", "0", "3"),
                opts(2), false);
        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().sorted())
                .containsExactly("err-0", "err-0", "err-1", "err-2", "err-3");
    }

    @Test
    void aTimeoutTerminatesTheWholeProcessGroupAndIsLogged() throws Exception {
        Path log = dir.resolve("log.tsv");
        Path pidFile = dir.resolve("pid");
        ParallelOptions o = new ParallelOptions(2, false, OutputMode.GROUP, false, Duration.ofMillis(300),
                TermSequence.termThenKill(Duration.ofMillis(300)), 1, HaltPolicy.NEVER, false, log, null);
        int status = run(List.of(": {}; sleep 60 & echo $! > " + pidFile + "; wait", ":::", "x"), o, true);
        assertThat(status).isEqualTo(1);
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(Gone.within(grandchild, Duration.ofSeconds(10))).as("grandchild %d ended", grandchild).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        String[] cols = lines.get(1).split("\t");
        assertThat(cols[6]).isEqualTo("-1");
        assertThat(cols[7]).isEqualTo("15");
        assertThat(messages.toString()).contains("job 1 timed out after 300ms");
    }

    @Test
    void haltNowStopsAtTheFirstFailureWithItsStatus() throws Exception {
        ParallelOptions o = new ParallelOptions(1, false, OutputMode.GROUP, false, null, GRACE, 1,
                HaltPolicy.parse("now,fail=1"), false, null, null);
        int status = run(List.of("sh", "-c", "echo $1; exit $1", "sh", ":::", "0", "7", "0", "0"), o, false);
        assertThat(status).isEqualTo(7);
        assertThat(out()).isEqualTo("0\n7\n");
    }

    @Test
    void retriesRunAFailingJobAgainAndPrintOnlyTheLastAttempt() throws Exception {
        Path counter = dir.resolve("count");
        ParallelOptions o = new ParallelOptions(1, false, OutputMode.GROUP, false, null, GRACE, 3,
                HaltPolicy.NEVER, false, null, null);
        String script = ": {}; echo x >> " + counter + "; n=$(wc -l < " + counter + "); echo attempt $n; [ $n -ge 2 ]";
        int status = run(List.of(script, ":::", "a"), o, true);
        assertThat(status).isZero();
        assertThat(out()).isEqualTo("attempt 2\n");
    }

    @Test
    void aMissingProgramChosenByTheInputFailsThatJobWith127() throws Exception {
        int status = run(List.of("{}", ":::", "true", "/nonexistent/program"), opts(1), false);
        assertThat(status).isEqualTo(1);
        assertThat(messages.toString()).contains("job 2:");
    }

    @Test
    void outputOfABackgroundedGrandchildDoesNotHoldTheJobOpen() throws Exception {
        Path pidFile = dir.resolve("pid");
        int status = run(List.of("sleep 30 & echo $! > " + pidFile + "; echo done", ":::", "1"), opts(1), true);
        assertThat(status).isZero();
        assertThat(out()).isEqualTo("done 1\n");
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aSpawnerThatCannotMakeProcessGroupsIsNamedInTheError() throws Exception {
        SpawnerProvider jvm = Backends.select(BackendKind.SPAWNER, "jvm");
        ParallelLauncher l = ParallelLauncher.prepare(List.of("true", ":::", "a"), List.of(), false, false, opts(1),
                false, new ByteArrayInputStream(new byte[0]), -1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> l.run(jvm, mux, out, err, new PrintWriter(messages, true), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("own process group").hasMessageContaining("posix");
    }

    @Test
    void aTimedOutJobGetsTheTermSequenceInOrder() throws Exception {
        Path marks = dir.resolve("marks");
        ParallelOptions o = new ParallelOptions(1, false, OutputMode.GROUP, false, Duration.ofMillis(200),
                TermSequence.parse("USR1,300,USR2,300,KILL"), 1, HaltPolicy.NEVER, false, null, null);
        // The job notes each signal it survives; KILL ends it.
        String script = ": {}; trap 'echo usr1 >> " + marks + "' USR1; trap 'echo usr2 >> " + marks + "' USR2; "
                + "while :; do sleep 0.05; done";
        int status = run(List.of(script, ":::", "x"), o, true);
        assertThat(status).isEqualTo(1);
        assertThat(Files.readAllLines(marks)).containsExactly("usr1", "usr2");
        assertThat(messages.toString()).contains("job 1 timed out after 200ms");
    }
}
