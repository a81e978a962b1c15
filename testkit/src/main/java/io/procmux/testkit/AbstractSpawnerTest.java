package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviours every {@link Spawner} backend must show; subclass once per backend and return a
 * fresh spawner from {@link #createSpawner()}. Options a backend cannot honour are declared by
 * overriding the capability methods ({@link #supportsInheritedFds()} ...): the tests of that option
 * are then skipped with a reason, and the tests that it is refused (with an
 * {@link UnsupportedOperationException} naming the option) run instead.
 *
 * <p>Linux only (it reads {@code /proc} to check descriptors, groups, nice values and zombies) and
 * needs {@code sh}, {@code cat}, {@code env}, {@code head}, {@code sleep} and {@code ls}. Cost:
 * roughly 2,500 short-lived children and 1,000 concurrently sleeping ones per backend; no timing
 * is asserted (the {@link Timeout} only turns a hang into a failure).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class AbstractSpawnerTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    /** The spawner under test, created before each test and closed after it. */
    protected Spawner spawner;

    @TempDir
    Path tmp;

    /** A new spawner of the backend under test. */
    protected abstract Spawner createSpawner();

    /** Whether {@link SpawnSpec.Builder#inheritFd} works. */
    protected boolean supportsInheritedFds() {
        return true;
    }

    /** Whether {@link ProcessGroupMode#NEW_GROUP} and {@link ProcessGroupMode#NEW_SESSION} work. */
    protected boolean supportsProcessGroups() {
        return true;
    }

    /** Whether {@link SpawnSpec.Builder#nice} works. */
    protected boolean supportsNice() {
        return true;
    }

    /** Whether {@link SpawnSpec.Builder#parentDeathSignal} works. */
    protected boolean supportsParentDeathSignal() {
        return false;
    }

    /**
     * Whether a signal the child received from elsewhere (not through {@link Child#signal}) is
     * reported as {@link ExitStatus.Signaled}, with the core-dump flag.
     */
    protected boolean reportsForeignSignals() {
        return true;
    }

    /** Whether {@link Child#exitFd()} and the raw pipe descriptors are present. */
    protected boolean exposesDescriptors() {
        return true;
    }

    /** Whether 1,000 live children cost a constant number of threads. */
    protected boolean constantThreadsForLiveChildren() {
        return true;
    }

    /** Whether to check all 256 exit codes rather than a sample (256 more spawns). */
    protected boolean exhaustiveExitCodes() {
        return true;
    }

    /** Whether signals this JVM ignores are reset to their default action in the child. */
    protected boolean resetsIgnoredSignals() {
        return true;
    }

    @BeforeEach
    void createSpawnerUnderTest() {
        assumeTrue(ProcScan.available(), "these conformance tests read /proc (Linux)");
        spawner = createSpawner();
    }

    @AfterEach
    void closeSpawner() {
        if (spawner != null) {
            spawner.close();
        }
    }

    // ---- exit codes and signals ------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 127, 128, 137, 255})
    void reportsSampledExitCodes(int code) throws Exception {
        ExitStatus status = run("sh", "-c", "exit " + code);
        assertThat(status).isEqualTo(new ExitStatus.Exited(code));
        assertThat(status.success()).isEqualTo(code == 0);
        assertThat(status.pythonExitCode()).isEqualTo(code);
        assertThat(status.shellExitCode()).isEqualTo(code);
        assertThat(status).hasToString("exited with code " + code);
    }

    @Test
    void reportsEveryExitCodeFrom0To255() throws Exception {
        assumeTrue(exhaustiveExitCodes(), "this backend samples exit codes only, to keep the suite short");
        // All 256 children run at once (the exits do not depend on each other), then each is checked.
        List<Child> children = new ArrayList<>();
        List<Integer> wrong = new ArrayList<>();
        try {
            for (int code = 0; code <= 255; code++) {
                children.add(spawner.spawn(quiet("sh", "-c", "exit " + code)));
            }
            for (int code = 0; code <= 255; code++) {
                if (!children.get(code).waitFor(LONG).equals(java.util.Optional.of(new ExitStatus.Exited(code)))) {
                    wrong.add(code);
                }
            }
        } finally {
            children.forEach(Child::close);
        }
        assertThat(wrong).as("exit codes reported wrongly").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"TERM", "KILL", "INT", "HUP", "USR1"})
    void reportsSignalsSentThroughTheChild(Signal signal) throws Exception {
        if (!resetsIgnoredSignals()) {
            assumeTrue((ProcScan.ignoredSignals() & (1L << (signal.number() - 1))) == 0,
                    "this JVM ignores " + signal.signalName() + " and this backend passes that on to children");
        }
        try (Child child = spawner.spawn(quiet("sleep", "60"))) {
            assertThat(child.signal(signal)).isTrue();
            ExitStatus status = child.waitFor(LONG).orElseThrow();
            assertThat(status).isEqualTo(new ExitStatus.Signaled(signal.number(), false));
            assertThat(status.pythonExitCode()).isEqualTo(-signal.number());
            assertThat(status.shellExitCode()).isEqualTo(128 + signal.number());
            assertThat(status).hasToString("killed by " + signal.signalName());
            assertThat(child.signal(Signal.KILL)).as("no signal after the exit").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"SEGV", "ABRT", "TERM"})
    void reportsSignalsFromElsewhereWithoutCore(Signal signal) throws Exception {
        assumeTrue(reportsForeignSignals(), "this backend cannot tell a signal from an exit code of 128+N");
        ExitStatus status = run("sh", "-c", "ulimit -c 0; kill -" + signal.name() + " $$");
        assertThat(status).isEqualTo(new ExitStatus.Signaled(signal.number(), false));
    }

    @Test
    void reportsACoreDumpWhenTheKernelWroteOne() throws Exception {
        assumeTrue(reportsForeignSignals(), "this backend cannot tell a signal from an exit code of 128+N");
        String pattern = Files.readString(Path.of("/proc/sys/kernel/core_pattern")).trim();
        assumeFalse(pattern.startsWith("|") || pattern.startsWith("/"),
                "core_pattern " + pattern + " sends cores elsewhere; only a plain file name is predictable");
        ExitStatus status = run(SpawnSpec.builder("sh", "-c", "ulimit -c unlimited 2>/dev/null || exit 99; kill -ABRT $$")
                .directory(tmp).stdout(Redirect.DISCARD).stderr(Redirect.DISCARD).build());
        assumeFalse(status.equals(new ExitStatus.Exited(99)), "the hard core-size limit is 0 here");
        assertThat(status).isEqualTo(new ExitStatus.Signaled(Signal.ABRT.number(), true));
        assertThat(status).hasToString("killed by SIGABRT (core dumped)");
    }

    // ---- standard streams ------------------------------------------------------------------

    @Test
    void pipesStdinToStdout() throws Exception {
        try (Child child = spawner.spawn(SpawnSpec.builder("cat").stdin(Redirect.PIPE).stdout(Redirect.PIPE).build())) {
            child.stdin().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
            child.stdin().close();
            assertThat(text(child.stdout())).isEqualTo("hello\nworld\n");
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    @Test
    void readsStdinFromAFileAndDiscardsIt() throws Exception {
        Path in = Files.writeString(tmp.resolve("in.txt"), "from a file\n");
        assertThat(capture(SpawnSpec.builder("cat").stdin(Redirect.read(in)))).isEqualTo("from a file\n");
        assertThat(capture(SpawnSpec.builder("cat").stdin(Redirect.DISCARD))).isEmpty();
    }

    @Test
    void inheritsEachStandardStream() throws Exception {
        for (int fd = 0; fd <= 2; fd++) {
            String ours = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            assertThat(fdTargets(SpawnSpec.builder("sleep", "60").build()).get(fd)).as("child fd %d", fd).isEqualTo(ours);
        }
    }

    @Test
    void writesAndAppendsStdoutAndStderrToFiles() throws Exception {
        Path out = tmp.resolve("out.txt");
        Path err = Files.writeString(tmp.resolve("err.txt"), "old\n");
        String script = "echo out; echo err >&2";
        assertThat(run(SpawnSpec.builder("sh", "-c", script).stdout(Redirect.write(out)).stderr(Redirect.append(err)).build()))
                .isEqualTo(new ExitStatus.Exited(0));
        assertThat(run(SpawnSpec.builder("sh", "-c", script).stdout(Redirect.append(out)).stderr(Redirect.write(err)).build()))
                .isEqualTo(new ExitStatus.Exited(0));
        assertThat(Files.readString(out)).isEqualTo("out\nout\n");
        assertThat(Files.readString(err)).isEqualTo("err\n");
        Files.writeString(out, "longer old content\n");
        run(SpawnSpec.builder("sh", "-c", "echo new").stdout(Redirect.write(out)).build());
        assertThat(Files.readString(out)).as("write truncates").isEqualTo("new\n");
    }

    @Test
    void discardsEachStandardStream() throws Exception {
        SpawnSpec spec = SpawnSpec.builder("sleep", "60").stdin(Redirect.DISCARD).stdout(Redirect.DISCARD)
                .stderr(Redirect.DISCARD).build();
        assertThat(fdTargets(spec)).containsExactly("/dev/null", "/dev/null", "/dev/null");
        assertThat(capture(SpawnSpec.builder("sh", "-c", "echo lost; echo kept >&2").stdout(Redirect.DISCARD)
                .stderr(Redirect.PIPE), true)).isEqualTo("kept\n");
    }

    @Test
    void mergesStderrIntoStdout() throws Exception {
        assertThat(capture(SpawnSpec.builder("sh", "-c", "echo one; echo two >&2; echo three")
                .stderr(Redirect.TO_STDOUT))).isEqualTo("one\ntwo\nthree\n");
        Path file = tmp.resolve("both.txt");
        run(SpawnSpec.builder("sh", "-c", "echo one; echo two >&2").stdout(Redirect.write(file)).stderr(Redirect.TO_STDOUT).build());
        assertThat(Files.readString(file)).isEqualTo("one\ntwo\n");
    }

    @Test
    void refusesStreamsThatAreNotPipes() throws Exception {
        try (Child child = spawner.spawn(quiet("true"))) {
            assertThatThrownBy(child::stdin).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(child::stdout).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(child::stderr).isInstanceOf(IllegalStateException.class);
            assertThat(child.stdinFd()).isEmpty();
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    @Test
    void carriesLargeOutputsOnBothStreamsAtOnceWithoutDeadlock() throws Exception {
        int size = 8 << 20;
        String script = "head -c " + size + " /dev/zero & head -c " + size + " /dev/zero >&2; wait";
        try (Child child = spawner.spawn(SpawnSpec.builder("sh", "-c", script).stdout(Redirect.PIPE).stderr(Redirect.PIPE).build())) {
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(child.stderr()));
            byte[] out = child.stdout().readAllBytes();
            assertThat(out.length).isEqualTo(size);
            assertThat(err.get(60, TimeUnit.SECONDS).length).isEqualTo(size);
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    @Test
    void carriesEightMebibytesThroughCatUnchanged() throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(42).nextBytes(data);
        try (Child child = spawner.spawn(SpawnSpec.builder("cat").stdin(Redirect.PIPE).stdout(Redirect.PIPE).build())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (var in = child.stdin()) {
                    in.write(data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] back = child.stdout().readAllBytes();
            writer.get(60, TimeUnit.SECONDS);
            assertThat(Arrays.equals(back, data)).as("bytes read back equal bytes written").isTrue();
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
        }
    }

    // ---- environment, directory, program lookup --------------------------------------------

    @Test
    void setsUnsetsAndClearsEnvironmentVariables() throws Exception {
        String inherited = System.getenv().keySet().stream().filter(k -> k.matches("[A-Za-z_][A-Za-z0-9_]*"))
                .sorted().findFirst().orElseThrow();
        List<String> env = lines(capture(SpawnSpec.builder("env").env("PROCMUX_TEST", "a b=c")));
        assertThat(env).contains("PROCMUX_TEST=a b=c", inherited + "=" + System.getenv(inherited));
        assertThat(lines(capture(SpawnSpec.builder("env").unsetEnv(inherited))))
                .noneMatch(line -> line.startsWith(inherited + "="));
        assertThat(lines(capture(SpawnSpec.builder("env").clearEnv().env("ONLY", "1").env("ALSO", ""))))
                .containsExactlyInAnyOrder("ONLY=1", "ALSO=");
    }

    @Test
    void runsInTheGivenDirectory() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("work dir"));
        assertThat(capture(SpawnSpec.builder("sh", "-c", "pwd -P").directory(dir))).isEqualTo(dir.toRealPath() + "\n");
        Path missing = tmp.resolve("missing");
        assertThatThrownBy(() -> spawner.spawn(SpawnSpec.builder("true").directory(missing).build()))
                .isInstanceOf(SpawnException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void reportsAMissingProgramAsEnoent() {
        for (String program : List.of("procmux-no-such-program", "/nonexistent/procmux-no-such-program")) {
            assertThatThrownBy(() -> spawner.spawn(program, "arg"))
                    .isInstanceOfSatisfying(SpawnException.class, e -> {
                        assertThat(e.errno()).contains("ENOENT");
                        assertThat(e.program()).isEqualTo(program);
                    })
                    .hasMessageContaining(program);
        }
    }

    @Test
    void reportsANonExecutableFileAsEacces() throws Exception {
        Path script = Files.writeString(tmp.resolve("not-executable.sh"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> spawner.spawn(script.toString()))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("EACCES"))
                .hasMessageContaining(script.toString());
    }

    // ---- descriptors -----------------------------------------------------------------------

    @Test
    void handsOverDescriptorsAtTheGivenNumbers() throws Exception {
        assumeTrue(supportsInheritedFds(), "this backend cannot hand over descriptors");
        Path a = tmp.resolve("a.txt");
        Path b = tmp.resolve("b.txt");
        try (FileOutputStream fa = new FileOutputStream(a.toFile()); FileOutputStream fb = new FileOutputStream(b.toFile())) {
            int fdA = ProcScan.fdNumber(fa.getFD());
            int fdB = ProcScan.fdNumber(fb.getFD());
            // fd 5 is written to; fdB is handed over at its own number (dup2 onto itself must
            // still clear close-on-exec) and checked by name, as sh cannot redirect fds above 9.
            String seen = capture(SpawnSpec.builder("sh", "-c", "echo five >&5; readlink /proc/$$/fd/" + fdB + "; true")
                    .inheritFd(5, fdA).inheritFd(fdB, fdB));
            assertThat(seen).isEqualTo(b.toRealPath() + "\n");
        }
        assertThat(Files.readString(a)).isEqualTo("five\n");
    }

    @Test
    void refusesToHandOverDescriptorsWhenUnsupported() {
        assumeFalse(supportsInheritedFds(), "this backend hands descriptors over");
        assertRefused(SpawnSpec.builder("true").inheritFd(5, 1).build(), "inheritFd");
    }

    @Test
    void leaksNoOtherDescriptorIntoTheChild() throws Exception {
        Path file = Files.writeString(tmp.resolve("open.txt"), "x");
        try (InputStream open = Files.newInputStream(file); FileOutputStream handed = new FileOutputStream(tmp.resolve("h").toFile())) {
            SpawnSpec.Builder b = SpawnSpec.builder("sh", "-c", "ls /proc/$$/fd; true").stdin(Redirect.PIPE).stdout(Redirect.PIPE);
            List<String> expected = new ArrayList<>(List.of("0", "1", "2"));
            if (supportsInheritedFds()) {
                b.inheritFd(7, ProcScan.fdNumber(handed.getFD()));
                expected.add("7");
            }
            assertThat(lines(capture(b))).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(open.read()).as("this side's descriptor is still open").isEqualTo('x');
        }
    }

    @Test
    void exposesRawDescriptorsAndAPidfd() throws Exception {
        assumeTrue(exposesDescriptors(), "this backend has no raw descriptors");
        try (Child child = spawner.spawn(SpawnSpec.builder("sleep", "60").stdin(Redirect.PIPE).stdout(Redirect.PIPE)
                .stderr(Redirect.PIPE).build())) {
            for (var fd : List.of(child.stdinFd(), child.stdoutFd(), child.stderrFd())) {
                assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd.orElseThrow())).toString()).startsWith("pipe:");
            }
            int exitFd = child.exitFd().orElseThrow();
            assertThat(Files.readAllLines(Path.of("/proc/self/fdinfo/" + exitFd))).contains("Pid:\t" + child.pid());
            child.signal(Signal.KILL);
            child.waitFor();
        }
    }

    @Test
    void exposesNoDescriptorsWhenUnsupported() throws Exception {
        assumeFalse(exposesDescriptors(), "this backend exposes descriptors");
        try (Child child = spawner.spawn(SpawnSpec.builder("true").stdout(Redirect.PIPE).build())) {
            assertThat(child.stdoutFd()).isEmpty();
            assertThat(child.exitFd()).isEmpty();
            child.waitFor();
        }
    }

    // ---- groups, nice, parent death --------------------------------------------------------

    @Test
    void startsInANewGroupOrSessionWhenAsked() throws Exception {
        assumeTrue(supportsProcessGroups(), "this backend cannot start new groups or sessions");
        ProcScan.Stat self = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow();
        for (ProcessGroupMode mode : ProcessGroupMode.values()) {
            try (Child child = spawner.spawn(quiet("sleep", "60").toBuilder().processGroup(mode).build())) {
                ProcScan.Stat stat = ProcScan.stat(child.pid()).orElseThrow();
                long pid = child.pid();
                switch (mode) {
                    case INHERIT -> assertThat(stat).extracting(ProcScan.Stat::pgrp, ProcScan.Stat::session)
                            .containsExactly(self.pgrp(), self.session());
                    case NEW_GROUP -> assertThat(stat).extracting(ProcScan.Stat::pgrp, ProcScan.Stat::session)
                            .containsExactly(pid, self.session());
                    case NEW_SESSION -> assertThat(stat).extracting(ProcScan.Stat::pgrp, ProcScan.Stat::session)
                            .containsExactly(pid, pid);
                }
                child.terminate(LONG);
            }
        }
    }

    @Test
    void refusesNewGroupsAndSessionsWhenUnsupported() {
        assumeFalse(supportsProcessGroups(), "this backend supports process groups");
        assertRefused(SpawnSpec.builder("true").processGroup(ProcessGroupMode.NEW_SESSION).build(), "NEW_SESSION");
    }

    @Test
    void raisesTheNiceValue() throws Exception {
        assumeTrue(supportsNice(), "this backend cannot set nice values");
        int ours = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        assumeTrue(ours < 19, "this JVM already runs at nice 19");
        assertThat(niceOfChild(Math.min(19, ours + 5))).isEqualTo(Math.min(19, ours + 5));
    }

    @Test
    void lowersTheNiceValueWithPrivilege() throws Exception {
        assumeTrue(supportsNice(), "this backend cannot set nice values");
        assumeTrue(ProcScan.hasCapSysNice(), "this JVM lacks CAP_SYS_NICE");
        int ours = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        assumeTrue(ours > -20, "this JVM already runs at nice -20");
        assertThat(niceOfChild(ours - 1)).isEqualTo(ours - 1);
    }

    @Test
    void saysPrivilegeIsNeededToLowerTheNiceValue() {
        assumeTrue(supportsNice(), "this backend cannot set nice values");
        assumeFalse(ProcScan.hasCapSysNice() || ProcScan.niceLimit() > 0, "this JVM may lower nice values");
        int ours = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        assumeTrue(ours > -20, "this JVM already runs at nice -20");
        assertThatThrownBy(() -> spawner.spawn(SpawnSpec.builder("true").nice(ours - 1).build()))
                .isInstanceOf(SpawnException.class).hasMessageContaining("privilege");
    }

    @Test
    void refusesNiceWhenUnsupported() {
        assumeFalse(supportsNice(), "this backend sets nice values");
        assertRefused(SpawnSpec.builder("true").nice(5).build(), "nice");
    }

    @Test
    void refusesParentDeathSignalWhenUnsupported() {
        assumeFalse(supportsParentDeathSignal(), "this backend supports a parent-death signal");
        assertRefused(SpawnSpec.builder("true").parentDeathSignal(Signal.KILL).build(), "parentDeathSignal");
    }

    // ---- waiting ---------------------------------------------------------------------------

    @Test
    void pollsWithoutBlocking() throws Exception {
        try (Child child = spawner.spawn(quiet("sleep", "60"))) {
            assertThat(child.poll()).isEmpty();
            assertThat(child.isAlive()).isTrue();
            child.signal(Signal.KILL);
            ExitStatus status = child.waitFor();
            assertThat(child.poll()).contains(status);
            assertThat(child.isAlive()).isFalse();
        }
        try (Child child = spawner.spawn(quiet("sh", "-c", "exit 3"))) {
            ExitStatus seen = child.onExit().get(60, TimeUnit.SECONDS);
            assertThat(child.poll()).contains(seen).contains(new ExitStatus.Exited(3));
        }
    }

    @Test
    void waitsWithATimeout() throws Exception {
        try (Child child = spawner.spawn(quiet("sleep", "60"))) {
            assertThat(child.waitFor(Duration.ofMillis(50))).isEmpty();
            assertThat(child.waitFor(Duration.ZERO)).isEmpty();
            child.signal(Signal.TERM);
            assertThat(child.waitFor(LONG)).contains(new ExitStatus.Signaled(Signal.TERM.number(), false));
        }
        try (Child child = spawner.spawn(quiet("true"))) {
            assertThat(child.waitFor(LONG)).contains(new ExitStatus.Exited(0));
        }
    }

    @Test
    void completesOnExit() throws Exception {
        try (Child child = spawner.spawn(quiet("sh", "-c", "exit 7"))) {
            assertThat(child.onExit().get(60, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Exited(7));
        }
        try (Child child = spawner.spawn(quiet("sleep", "60"))) {
            CompletableFuture<ExitStatus> exit = child.onExit();
            assertThat(exit).isNotDone();
            child.signal(Signal.KILL);
            assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Signaled(Signal.KILL.number(), false));
        }
    }

    @Test
    void terminatesWithTermThenKillsAfterTheGrace() throws Exception {
        try (Child child = spawner.spawn(quiet("sleep", "60"))) {
            assertThat(child.terminate(LONG)).isEqualTo(new ExitStatus.Signaled(Signal.TERM.number(), false));
        }
        SpawnSpec stubborn = SpawnSpec.builder("sh", "-c", "trap '' TERM; echo ready; exec sleep 60")
                .stdin(Redirect.DISCARD).stdout(Redirect.PIPE).build();
        try (Child child = spawner.spawn(stubborn)) {
            byte[] ready = child.stdout().readNBytes(6);
            assertThat(new String(ready, StandardCharsets.US_ASCII)).isEqualTo("ready\n");
            assertThat(child.terminate(Duration.ofMillis(200))).isEqualTo(new ExitStatus.Signaled(Signal.KILL.number(), false));
        }
    }

    @Test
    void closeLeavesTheChildRunning() throws Exception {
        Child child = spawner.spawn(SpawnSpec.builder("sleep", "60").stdout(Redirect.PIPE).build());
        child.close();
        assertThat(child.poll()).isEmpty();
        assertThat(child.signal(Signal.KILL)).isTrue();
        assertThat(child.waitFor()).isEqualTo(new ExitStatus.Signaled(Signal.KILL.number(), false));
    }

    // ---- leaks -----------------------------------------------------------------------------

    @Test
    void leavesNoDescriptorThreadOrZombieAfterAThousandSpawns() throws Exception {
        SpawnSpec spec = SpawnSpec.builder("true").stdin(Redirect.PIPE).stdout(Redirect.PIPE).stderr(Redirect.PIPE).build();
        try (Child warmUp = spawner.spawn(spec)) {
            warmUp.waitFor();
        }
        int fds = ProcScan.openFdCount();
        int threads = ProcScan.javaThreadCount();
        for (int i = 0; i < 1000; i++) {
            try (Child child = spawner.spawn(spec)) {
                assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
            }
        }
        assertThat(ProcScan.zombieChildren()).as("zombie children").isEmpty();
        assertThat(ProcScan.openFdCount()).as("open descriptors (before: %d)", fds).isLessThanOrEqualTo(fds + 2);
        assertThat(ProcScan.javaThreadCount()).as("threads (before: %d)", threads).isLessThanOrEqualTo(threads + 2);
    }

    @Test
    void reapsAThousandLiveChildrenWithAConstantNumberOfThreads() throws Exception {
        assumeTrue(constantThreadsForLiveChildren(), "this backend uses a thread per live child");
        try (Child warmUp = spawner.spawn(quiet("true"))) {
            warmUp.waitFor();
        }
        int threads = ProcScan.javaThreadCount();
        int fds = ProcScan.openFdCount();
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                children.add(spawner.spawn(quiet("sleep", "120")));
            }
            assertThat(ProcScan.javaThreadCount()).as("threads with 1,000 live children (before: %d)", threads)
                    .isLessThanOrEqualTo(threads + 2);
        } finally {
            children.forEach(c -> c.signal(Signal.KILL));
            for (Child c : children) {
                assertThat(c.waitFor()).isEqualTo(new ExitStatus.Signaled(Signal.KILL.number(), false));
                c.close();
            }
        }
        assertThat(ProcScan.zombieChildren()).as("zombie children").isEmpty();
        assertThat(ProcScan.openFdCount()).as("open descriptors (before: %d)", fds).isLessThanOrEqualTo(fds + 2);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A spec with stdin and stdout discarded, stderr inherited. */
    protected static SpawnSpec quiet(String... argv) {
        return SpawnSpec.builder(argv).stdin(Redirect.DISCARD).stdout(Redirect.DISCARD).build();
    }

    private ExitStatus run(String... argv) throws Exception {
        return run(quiet(argv));
    }

    private ExitStatus run(SpawnSpec spec) throws Exception {
        try (Child child = spawner.spawn(spec)) {
            return child.waitFor(LONG).orElseThrow(() -> new AssertionError(spec + " still runs after " + LONG));
        }
    }

    private String capture(SpawnSpec.Builder b) throws Exception {
        return capture(b.stdout(Redirect.PIPE), false);
    }

    /** Runs to completion (exit 0 required) and returns stdout, or stderr when {@code fromStderr}. */
    private String capture(SpawnSpec.Builder b, boolean fromStderr) throws Exception {
        try (Child child = spawner.spawn(b.build())) {
            String text = text(fromStderr ? child.stderr() : child.stdout());
            assertThat(child.waitFor()).as("exit of %s", b.build()).isEqualTo(new ExitStatus.Exited(0));
            return text;
        }
    }

    /** Where fds 0, 1 and 2 of a child started from {@code spec} (a long sleep) point, read from this side. */
    private List<String> fdTargets(SpawnSpec spec) throws Exception {
        try (Child child = spawner.spawn(spec)) {
            List<String> targets = new ArrayList<>();
            for (int fd = 0; fd <= 2; fd++) {
                targets.add(Files.readSymbolicLink(Path.of("/proc/" + child.pid() + "/fd/" + fd)).toString());
            }
            child.terminate(LONG);
            return targets;
        }
    }

    private int niceOfChild(int nice) throws Exception {
        try (Child child = spawner.spawn(quiet("sleep", "60").toBuilder().nice(nice).build())) {
            int seen = ProcScan.stat(child.pid()).orElseThrow().nice();
            child.terminate(LONG);
            return seen;
        }
    }

    private void assertRefused(SpawnSpec spec, String option) {
        assertThatThrownBy(() -> spawner.spawn(spec)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(option).hasMessageContaining("posix");
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
