package io.procmux.testkit;

import static io.procmux.testkit.SpawnRuns.LONG;
import static io.procmux.testkit.SpawnRuns.quiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spawner conformance, part 4: {@link SpawnSpec.Builder#parentDeathSignal}. Where the backend
 * supports it, a parent JVM ({@link DeathSignalParent}) that is SIGKILLed takes its child down
 * with the chosen signal, although the child was spawned from a thread that had already ended;
 * and in this JVM, a child spawned from a short-lived thread survives that thread. Elsewhere the
 * option is refused, naming it and {@code posix}. Run through {@link AbstractSpawnerTest}.
 * Cost: two child JVMs and a few children.
 */
public interface SpawnerDeathSignalContract extends SpawnerTestContext {

    @Test
    default void refusesParentDeathSignalWhenUnsupported() {
        assumeFalse(supportsParentDeathSignal(), "this backend supports a parent-death signal");
        runs().assertRefused(SpawnSpec.builder("true").parentDeathSignal(Signal.KILL).build(), "parentDeathSignal");
    }

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"TERM", "KILL"})
    default void signalsTheChildWhenItsParentJvmIsKilled(Signal signal) throws Exception {
        assumeTrue(supportsParentDeathSignal(), "this backend has no parent-death signal");
        Path marker = tmp().resolve("marker");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                DeathSignalParent.class.getName(), spawner().name(), signal.name(), marker.toString()))
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long grandchild;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the parent JVM's report").isNotNull().startsWith("pid ");
            grandchild = Long.parseLong(line.substring(4));
            assertThat(ProcScan.stat(grandchild)).as("the grandchild runs").isPresent();
        } finally {
            parent.destroyForcibly(); // SIGKILL: no shutdown hook, nothing of procmux runs
            parent.waitFor();
        }
        ProcWait.untilDead(grandchild);
        if (signal == Signal.TERM) {
            assertThat(Files.readString(marker)).as("what the grandchild received").isEqualTo("TERM\n");
        }
    }

    @Test
    default void keepsTheParentDeathSignalWhenTheSpawningThreadEnds() throws Exception {
        assumeTrue(supportsParentDeathSignal(), "this backend has no parent-death signal");
        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicReference<Path> task = new AtomicReference<>();
        Thread shortLived = new Thread(() -> {
            try {
                task.set(Path.of("/proc/self/task").resolve(Path.of("/proc/thread-self").toRealPath().getFileName()));
                Child child = spawner().spawn(quiet("sleep", "60").toBuilder().parentDeathSignal(Signal.TERM).build());
                ProcWait.untilCommandIs(child.pid(), "sleep"); // past the prctl and the exec of sleep
                outcome.set(child);
            } catch (Exception | AssertionError e) {
                outcome.set(e);
            }
        });
        shortLived.start();
        shortLived.join();
        assertThat(outcome.get()).isInstanceOf(Child.class);
        ProcWait.untilGone(task.get()); // the kernel has finished the thread's exit
        try (Child child = (Child) outcome.get()) {
            assertThat(child.poll()).as("still running after its spawning thread ended").isEmpty();
            child.signal(Signal.KILL);
            // a TERM sent when the thread ended would have decided the status before this KILL
            assertThat(child.waitFor(LONG)).contains(new ExitStatus.Signaled(Signal.KILL.number(), false));
        }
    }

    @Test
    default void reportsAMissingProgramWithAParentDeathSignalAsEnoent() {
        assumeTrue(supportsParentDeathSignal(), "this backend has no parent-death signal");
        String program = "procmux-no-such-program";
        assertThatThrownBy(() -> spawner().spawn(SpawnSpec.builder(program).parentDeathSignal(Signal.KILL).build()))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("ENOENT"))
                .hasMessageContaining(program);
    }

    @Test
    default void runsTheProgramWithItsArgumentsUnderAParentDeathSignal() throws Exception {
        assumeTrue(supportsParentDeathSignal(), "this backend has no parent-death signal");
        assertThat(runs().capture(SpawnSpec.builder("sh", "-c", "echo \"$1|$2\"; exit 0", "sh", "a b", "c")
                .parentDeathSignal(Signal.TERM))).isEqualTo("a b|c\n");
        assertThat(runs().run(SpawnSpec.builder("sh", "-c", "exit 5").parentDeathSignal(Signal.KILL)
                .stdin(io.procmux.spawn.Redirect.DISCARD).build())).isEqualTo(new ExitStatus.Exited(5));
    }
}
