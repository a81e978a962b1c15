package io.procmux.proc.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.ProcessState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole table over a captured {@code /proc} tree (no live processes involved). */
class ProcfsProcessTableSamplesTest {

    private final ProcfsProcessTable table = new ProcfsProcessTable(ProcSamples.root());

    @Test
    void theSnapshotHasEveryProcessByPidButNotTheThread() throws IOException {
        assertThat(table.snapshot()).extracting(ProcessInfo::pid).containsExactly(2L, 11L, 9449L, 9714L, 9716L);
        assertThat(table.get(9983)).as("9983 is a thread of 9915").isEmpty();
    }

    @Test
    void everyFieldOfAProcess() throws IOException {
        ProcessInfo p = table.get(9449).orElseThrow();
        String owner = Files.getOwner(ProcSamples.root().resolve("9449")).getName();

        assertThat(p.ppid()).hasValue(1);
        assertThat(p.state()).contains(ProcessState.SLEEPING);
        assertThat(p.nice()).hasValue(0);
        assertThat(p.priority()).hasValue(20);
        assertThat(p.user()).contains(owner);
        assertThat(p.threads()).hasValue(1);
        assertThat(p.rssBytes()).hasValue(1680L * 1024);
        assertThat(p.startTime()).contains(Instant.ofEpochSecond(1795784593L + 712, 970_000_000L));
        assertThat(p.command()).containsExactly("./p) R 9 (q) x", "-c", "read l", "arg with  space", "ünïcødé ✓", "");
        assertThat(p.name()).contains("p) R 9 (q) x");
    }

    @Test
    void aZombieUnderItsParent() throws IOException {
        ProcessInfo zombie = table.get(9716).orElseThrow();

        assertThat(zombie.state()).contains(ProcessState.ZOMBIE);
        assertThat(zombie.command()).isEmpty();
        assertThat(zombie.rssBytes()).isEmpty();
        assertThat(zombie.commandLine()).isEqualTo("[sleep]");
        assertThat(table.children(9714)).extracting(ProcessInfo::pid).containsExactly(9716L);
        assertThat(table.tree(9714).descendants()).containsExactly(zombie);
    }

    @Test
    void kernelThreadsShowTheirNameInBrackets() throws IOException {
        ProcessInfo kworker = table.get(11).orElseThrow();

        assertThat(kworker.state()).contains(ProcessState.IDLE);
        assertThat(kworker.command()).isEmpty();
        assertThat(kworker.rssBytes()).isEmpty();
        assertThat(kworker.commandLine()).isEqualTo("[kworker/0:1-cgroup_pidlist_destroy]");
        assertThat(table.get(2).orElseThrow().ppid()).hasValue(0);
        assertThat(table.descendants(2)).extracting(ProcessInfo::pid).containsExactly(11L);
    }

    @Test
    void aProcessWhoseFilesVanishedIsSkipped(@TempDir Path proc) throws IOException {
        Files.write(proc.resolve("stat"), ProcSamples.bytes("stat"));
        Files.createDirectory(proc.resolve("9714"));
        Files.write(proc.resolve("9714/stat"), ProcSamples.bytes("9714/stat"));
        Files.write(proc.resolve("9714/status"), ProcSamples.bytes("9714/status"));
        Files.write(proc.resolve("9714/cmdline"), ProcSamples.bytes("9714/cmdline"));
        Files.createDirectory(proc.resolve("4242")); // listed, but gone before its files could be read
        Files.createDirectory(proc.resolve("self"));

        ProcfsProcessTable partial = new ProcfsProcessTable(proc);

        assertThat(partial.snapshot()).extracting(ProcessInfo::pid).containsExactly(9714L);
        assertThat(partial.get(4242)).isEmpty();
        assertThat(partial.get(4243)).isEmpty();
    }

    @Test
    void onlyNumericEntriesArePids() {
        assertThat(List.of("1", "4194304", "self", "thread-self", "", "12a", "9999999999999999999"))
                .map(ProcfsProcessTable::parsePid).containsExactly(1L, 4194304L, -1L, -1L, -1L, -1L, -1L);
    }
}
