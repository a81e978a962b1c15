package io.procmux.testkit;

import static io.procmux.testkit.SpawnRuns.LONG;
import static io.procmux.testkit.SpawnRuns.lines;
import static io.procmux.testkit.SpawnRuns.quiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spawner conformance, part 3: the options a backend may lack, each either honoured or refused
 * with an {@link UnsupportedOperationException} naming it: handed-over descriptors, raw descriptors
 * and the pidfd, process groups and sessions, and nice values (the parent-death signal has
 * {@link SpawnerDeathSignalContract}). Run through {@link AbstractSpawnerTest}. Cost: a few dozen
 * short-lived children.
 */
public interface SpawnerOptionsContract extends SpawnerTestContext {

    // ---- descriptors -----------------------------------------------------------------------

    @Test
    default void handsOverDescriptorsAtTheGivenNumbers() throws Exception {
        assumeTrue(supportsInheritedFds(), "this backend cannot hand over descriptors");
        Path a = tmp().resolve("a.txt");
        Path b = tmp().resolve("b.txt");
        try (FileOutputStream fa = new FileOutputStream(a.toFile()); FileOutputStream fb = new FileOutputStream(b.toFile())) {
            int fdA = ProcScan.fdNumber(fa.getFD());
            int fdB = ProcScan.fdNumber(fb.getFD());
            // fd 5 is written to; fdB is handed over at its own number (dup2 onto itself must
            // still clear close-on-exec) and checked by name, as sh cannot redirect fds above 9.
            String seen = runs().capture(SpawnSpec.builder("sh", "-c", "echo five >&5; readlink /proc/$$/fd/" + fdB + "; true")
                    .inheritFd(5, fdA).inheritFd(fdB, fdB));
            assertThat(seen).isEqualTo(b.toRealPath() + "\n");
        }
        assertThat(Files.readString(a)).isEqualTo("five\n");
    }

    @Test
    default void refusesToHandOverDescriptorsWhenUnsupported() {
        assumeFalse(supportsInheritedFds(), "this backend hands descriptors over");
        runs().assertRefused(SpawnSpec.builder("true").inheritFd(5, 1).build(), "inheritFd");
    }

    @Test
    default void leaksNoOtherDescriptorIntoTheChild() throws Exception {
        Path file = Files.writeString(tmp().resolve("open.txt"), "x");
        try (InputStream open = Files.newInputStream(file); FileOutputStream handed = new FileOutputStream(tmp().resolve("h").toFile())) {
            SpawnSpec.Builder b = SpawnSpec.builder("sh", "-c", "ls /proc/$$/fd; true").stdin(Redirect.PIPE).stdout(Redirect.PIPE);
            List<String> expected = new ArrayList<>(List.of("0", "1", "2"));
            if (supportsInheritedFds()) {
                b.inheritFd(7, ProcScan.fdNumber(handed.getFD()));
                expected.add("7");
            }
            assertThat(lines(runs().capture(b))).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(open.read()).as("this side's descriptor is still open").isEqualTo('x');
        }
    }

    @Test
    default void exposesRawDescriptorsAndAPidfd() throws Exception {
        assumeTrue(exposesDescriptors(), "this backend has no raw descriptors");
        try (Child child = spawner().spawn(SpawnSpec.builder("sleep", "60").stdin(Redirect.PIPE).stdout(Redirect.PIPE)
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
    default void exposesNoDescriptorsWhenUnsupported() throws Exception {
        assumeFalse(exposesDescriptors(), "this backend exposes descriptors");
        try (Child child = spawner().spawn(SpawnSpec.builder("true").stdout(Redirect.PIPE).build())) {
            assertThat(child.stdoutFd()).isEmpty();
            assertThat(child.exitFd()).isEmpty();
            child.waitFor();
        }
    }

    // ---- groups and nice ---------------------------------------------------------------

    @Test
    default void startsInANewGroupOrSessionWhenAsked() throws Exception {
        assumeTrue(supportsProcessGroups(), "this backend cannot start new groups or sessions");
        ProcScan.Stat self = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow();
        for (ProcessGroupMode mode : ProcessGroupMode.values()) {
            try (Child child = spawner().spawn(quiet("sleep", "60").toBuilder().processGroup(mode).build())) {
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
    default void refusesNewGroupsAndSessionsWhenUnsupported() {
        assumeFalse(supportsProcessGroups(), "this backend supports process groups");
        runs().assertRefused(SpawnSpec.builder("true").processGroup(ProcessGroupMode.NEW_SESSION).build(), "NEW_SESSION");
    }

    @Test
    default void raisesTheNiceValue() throws Exception {
        assumeTrue(supportsNice(), "this backend cannot set nice values");
        int ours = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        assumeTrue(ours < 19, "this JVM already runs at nice 19");
        assertThat(runs().niceOfChild(Math.min(19, ours + 5))).isEqualTo(Math.min(19, ours + 5));
    }

    @Test
    default void lowersTheNiceValueWithPrivilege() throws Exception {
        assumeTrue(supportsNice(), "this backend cannot set nice values");
        assumeTrue(ProcScan.hasCapSysNice(), "this JVM lacks CAP_SYS_NICE");
        int ours = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        assumeTrue(ours > -20, "this JVM already runs at nice -20");
        assertThat(runs().niceOfChild(ours - 1)).isEqualTo(ours - 1);
    }

    @Test
    default void saysPrivilegeIsNeededToLowerTheNiceValue() {
        assumeTrue(supportsNice(), "this backend cannot set nice values");
        assumeFalse(ProcScan.hasCapSysNice() || ProcScan.niceLimit() > 0, "this JVM may lower nice values");
        int ours = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        assumeTrue(ours > -20, "this JVM already runs at nice -20");
        assertThatThrownBy(() -> spawner().spawn(SpawnSpec.builder("true").nice(ours - 1).build()))
                .isInstanceOf(SpawnException.class).hasMessageContaining("privilege");
    }

    @Test
    default void refusesNiceWhenUnsupported() {
        assumeFalse(supportsNice(), "this backend sets nice values");
        runs().assertRefused(SpawnSpec.builder("true").nice(5).build(), "nice");
    }
}
