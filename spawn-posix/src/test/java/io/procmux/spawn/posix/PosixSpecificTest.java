package io.procmux.spawn.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import io.procmux.testkit.ProcScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Behaviours of the posix backend beyond the shared suite: its error texts and the reaper's fallback. */
@EnabledOnOs(OS.LINUX)
class PosixSpecificTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireNative() {
        assumeTrue(new PosixSpawnerProvider().isAvailable(), "posix spawner unavailable");
    }

    @Test
    void namesADescriptorThatCannotBeHandedOver() {
        try (PosixSpawner spawner = new PosixSpawner()) {
            assertThatThrownBy(() -> spawner.spawn(SpawnSpec.builder("true").inheritFd(5, 987_654).build()))
                    .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("EBADF"))
                    .hasMessageContaining("descriptor 987654").hasMessageContaining("child fd 5");
        }
    }

    @Test
    void namesAMissingRedirectFile() {
        Path missing = tmp.resolve("nope/in.txt");
        try (PosixSpawner spawner = new PosixSpawner()) {
            assertThatThrownBy(() -> spawner.spawn(SpawnSpec.builder("cat").stdin(Redirect.read(missing)).build()))
                    .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.errno()).contains("ENOENT"))
                    .hasMessageContaining("stdin file " + missing);
        }
    }

    @Test
    void leavesNoDescriptorBehindWhenASpawnFails() {
        int before = ProcScan.openFdCount();
        try (PosixSpawner spawner = new PosixSpawner()) {
            for (int i = 0; i < 50; i++) {
                assertThatThrownBy(() -> spawner.spawn(SpawnSpec.builder("procmux-no-such-program")
                        .stdin(Redirect.PIPE).stdout(Redirect.PIPE).stderr(Redirect.PIPE).build()))
                        .isInstanceOf(SpawnException.class);
            }
        }
        assertThat(ProcScan.openFdCount()).isLessThanOrEqualTo(before + 2);
    }

    @Test
    void reapsWithoutPidfdsThroughTheWnohangFallback() throws Exception {
        try (PosixSpawner spawner = new PosixSpawner(false)) {
            List<Child> children = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                children.add(spawner.spawn(SpawnSpec.builder("sleep", "60").stdin(Redirect.DISCARD).build()));
            }
            try (Child quick = spawner.spawn("sh", "-c", "exit 5")) {
                assertThat(quick.exitFd()).isEmpty();
                assertThat(quick.onExit().join()).isEqualTo(new ExitStatus.Exited(5));
            }
            children.forEach(c -> c.signal(Signal.KILL));
            for (Child c : children) {
                assertThat(c.waitFor()).isEqualTo(new ExitStatus.Signaled(9, false));
                c.close();
            }
        }
        assertThat(ProcScan.zombieChildren()).isEmpty();
    }

    @Test
    void refusesUseAfterClose() {
        PosixSpawner spawner = new PosixSpawner();
        spawner.close();
        assertThatThrownBy(() -> spawner.spawn("true")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void theReaperKeepsTheJvmsNiceValueWhateverTheChildrenGet() throws Exception {
        int jvmNice = ProcScan.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        try (PosixSpawner spawner = new PosixSpawner();
             Child child = spawner.spawn(SpawnSpec.builder("true").nice(Math.min(19, jvmNice + 10)).build())) {
            assertThat(child.waitFor().success()).isTrue();
        }
        List<Integer> reaperNice = new ArrayList<>();
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (java.nio.file.Files.readString(task.resolve("comm")).trim().equals("procmux-reaper")) {
                        String stat = java.nio.file.Files.readString(task.resolve("stat"));
                        reaperNice.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a thread that ended while we listed (such as the nice helper)
                }
            }
        }
        assertThat(reaperNice).containsExactly(jvmNice);
    }
}
