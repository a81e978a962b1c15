package io.procmux.testkit;

import static io.procmux.testkit.SpawnRuns.LONG;
import static io.procmux.testkit.SpawnRuns.quiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spawner conformance, part 1: exit codes and signals as {@link ExitStatus}, waiting (poll,
 * timeouts, {@code onExit}, terminate) and leaks (1,000 spawns leave no descriptor, thread or
 * zombie; 1,000 live children cost a constant number of threads where the backend says so).
 * Run through {@link AbstractSpawnerTest}. Cost: about 1,300 short-lived children and 1,000
 * sleeping ones.
 */
public interface SpawnerExitContract extends SpawnerTestContext {
    // ---- exit codes and signals ------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 127, 128, 137, 255})
    default void reportsSampledExitCodes(int code) throws Exception {
        ExitStatus status = runs().run("sh", "-c", "exit " + code);
        assertThat(status).isEqualTo(new ExitStatus.Exited(code));
        assertThat(status.success()).isEqualTo(code == 0);
        assertThat(status.pythonExitCode()).isEqualTo(code);
        assertThat(status.shellExitCode()).isEqualTo(code);
        assertThat(status).hasToString("exited with code " + code);
    }

    @Test
    default void reportsEveryExitCodeFrom0To255() throws Exception {
        assumeTrue(exhaustiveExitCodes(), "this backend samples exit codes only, to keep the suite short");
        // All 256 children run at once (the exits do not depend on each other), then each is checked.
        List<Child> children = new ArrayList<>();
        List<Integer> wrong = new ArrayList<>();
        try {
            for (int code = 0; code <= 255; code++) {
                children.add(spawner().spawn(quiet("sh", "-c", "exit " + code)));
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
    default void reportsSignalsSentThroughTheChild(Signal signal) throws Exception {
        if (!resetsIgnoredSignals()) {
            assumeTrue((ProcScan.ignoredSignals() & (1L << (signal.number() - 1))) == 0,
                    "this JVM ignores " + signal.signalName() + " and this backend passes that on to children");
        }
        try (Child child = spawner().spawn(quiet("sleep", "60"))) {
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
    default void reportsSignalsFromElsewhereWithoutCore(Signal signal) throws Exception {
        assumeTrue(reportsForeignSignals(), "this backend cannot tell a signal from an exit code of 128+N");
        ExitStatus status = runs().run("sh", "-c", "ulimit -c 0; kill -" + signal.name() + " $$");
        assertThat(status).isEqualTo(new ExitStatus.Signaled(signal.number(), false));
    }

    @Test
    default void reportsACoreDumpWhenTheKernelWroteOne() throws Exception {
        assumeTrue(reportsForeignSignals(), "this backend cannot tell a signal from an exit code of 128+N");
        String pattern = Files.readString(Path.of("/proc/sys/kernel/core_pattern")).trim();
        assumeFalse(pattern.startsWith("|") || pattern.startsWith("/"),
                "core_pattern " + pattern + " sends cores elsewhere; only a plain file name is predictable");
        ExitStatus status = runs().run(SpawnSpec.builder("sh", "-c", "ulimit -c unlimited 2>/dev/null || exit 99; kill -ABRT $$")
                .directory(tmp()).stdout(Redirect.DISCARD).stderr(Redirect.DISCARD).build());
        assumeFalse(status.equals(new ExitStatus.Exited(99)), "the hard core-size limit is 0 here");
        assertThat(status).isEqualTo(new ExitStatus.Signaled(Signal.ABRT.number(), true));
        assertThat(status).hasToString("killed by SIGABRT (core dumped)");
    }

    // ---- waiting ---------------------------------------------------------------------------

    @Test
    default void pollsWithoutBlocking() throws Exception {
        try (Child child = spawner().spawn(quiet("sleep", "60"))) {
            assertThat(child.poll()).isEmpty();
            assertThat(child.isAlive()).isTrue();
            child.signal(Signal.KILL);
            ExitStatus status = child.waitFor();
            assertThat(child.poll()).contains(status);
            assertThat(child.isAlive()).isFalse();
        }
        try (Child child = spawner().spawn(quiet("sh", "-c", "exit 3"))) {
            ExitStatus seen = child.onExit().get(60, TimeUnit.SECONDS);
            assertThat(child.poll()).contains(seen).contains(new ExitStatus.Exited(3));
        }
    }

    @Test
    default void waitsWithATimeout() throws Exception {
        try (Child child = spawner().spawn(quiet("sleep", "60"))) {
            assertThat(child.waitFor(Duration.ofMillis(50))).isEmpty();
            assertThat(child.waitFor(Duration.ZERO)).isEmpty();
            child.signal(Signal.TERM);
            assertThat(child.waitFor(LONG)).contains(new ExitStatus.Signaled(Signal.TERM.number(), false));
        }
        try (Child child = spawner().spawn(quiet("true"))) {
            assertThat(child.waitFor(LONG)).contains(new ExitStatus.Exited(0));
        }
    }

    @Test
    default void completesOnExit() throws Exception {
        try (Child child = spawner().spawn(quiet("sh", "-c", "exit 7"))) {
            assertThat(child.onExit().get(60, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Exited(7));
        }
        try (Child child = spawner().spawn(quiet("sleep", "60"))) {
            CompletableFuture<ExitStatus> exit = child.onExit();
            assertThat(exit).isNotDone();
            child.signal(Signal.KILL);
            assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Signaled(Signal.KILL.number(), false));
        }
    }

    @Test
    default void terminatesWithTermThenKillsAfterTheGrace() throws Exception {
        try (Child child = spawner().spawn(quiet("sleep", "60"))) {
            assertThat(child.terminate(LONG)).isEqualTo(new ExitStatus.Signaled(Signal.TERM.number(), false));
        }
        SpawnSpec stubborn = SpawnSpec.builder("sh", "-c", "trap '' TERM; echo ready; exec sleep 60")
                .stdin(Redirect.DISCARD).stdout(Redirect.PIPE).build();
        try (Child child = spawner().spawn(stubborn)) {
            byte[] ready = child.stdout().readNBytes(6);
            assertThat(new String(ready, StandardCharsets.US_ASCII)).isEqualTo("ready\n");
            assertThat(child.terminate(Duration.ofMillis(200))).isEqualTo(new ExitStatus.Signaled(Signal.KILL.number(), false));
        }
    }

    @Test
    default void closeLeavesTheChildRunning() throws Exception {
        Child child = spawner().spawn(SpawnSpec.builder("sleep", "60").stdout(Redirect.PIPE).build());
        child.close();
        assertThat(child.poll()).isEmpty();
        assertThat(child.signal(Signal.KILL)).isTrue();
        assertThat(child.waitFor()).isEqualTo(new ExitStatus.Signaled(Signal.KILL.number(), false));
    }

    // ---- leaks -----------------------------------------------------------------------------

    @Test
    default void leavesNoDescriptorThreadOrZombieAfterAThousandSpawns() throws Exception {
        SpawnSpec spec = SpawnSpec.builder("true").stdin(Redirect.PIPE).stdout(Redirect.PIPE).stderr(Redirect.PIPE).build();
        try (Child warmUp = spawner().spawn(spec)) {
            warmUp.waitFor();
        }
        int fds = ProcScan.openFdCount();
        int threads = ProcScan.javaThreadCount();
        for (int i = 0; i < 1000; i++) {
            try (Child child = spawner().spawn(spec)) {
                assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
            }
        }
        assertThat(ProcScan.zombieChildren()).as("zombie children").isEmpty();
        assertThat(ProcScan.openFdCount()).as("open descriptors (before: %d)", fds).isLessThanOrEqualTo(fds + 2);
        assertThat(ProcScan.javaThreadCount()).as("threads (before: %d)", threads).isLessThanOrEqualTo(threads + 2);
    }

    @Test
    default void reapsAThousandLiveChildrenWithAConstantNumberOfThreads() throws Exception {
        assumeTrue(constantThreadsForLiveChildren(), "this backend uses a thread per live child");
        try (Child warmUp = spawner().spawn(quiet("true"))) {
            warmUp.waitFor();
        }
        int threads = ProcScan.javaThreadCount();
        int fds = ProcScan.openFdCount();
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                children.add(spawner().spawn(quiet("sleep", "120")));
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
}
