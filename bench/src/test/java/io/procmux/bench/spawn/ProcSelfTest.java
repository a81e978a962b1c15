package io.procmux.bench.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.condition.OS.LINUX;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.io.TempDir;

class ProcSelfTest {
    @Test
    void stateAndParentAreReadAfterTheLastParenthesisOfTheCommand() {
        String stat = "4242 (a) b (c)) Z 17 4242 4242 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0";
        assertThat(ProcSelf.stateOf(stat)).isEqualTo('Z');
        assertThat(ProcSelf.parentOf(stat)).isEqualTo(17);
    }

    @Test
    void malformedStatLinesAreRefused() {
        assertThatThrownBy(() -> ProcSelf.stateOf("4242 sleep S 1")).hasMessageContaining("no ') ' after the command");
        assertThatThrownBy(() -> ProcSelf.parentOf("1 (x) S")).hasMessageContaining("no state and ppid");
        assertThatThrownBy(() -> ProcSelf.parentOf("1 (x) S one")).hasMessageStartingWith("stat line has ppid 'one'");
    }

    @Test
    @EnabledOnOs(LINUX)
    void thisJvmHasThreadsAndAStartedThreadIsCounted() throws Exception {
        int before = ProcSelf.threads();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        try {
            assertThat(ProcSelf.threads()).isGreaterThanOrEqualTo(before + 1);
        } finally {
            t.interrupt();
            t.join();
        }
    }

    @Test
    void zombiesAreCountedAmongTheChildrenOfTheGivenParentOnly(@TempDir Path proc) throws Exception {
        stat(proc, 10, "10 (sleep) Z 7 10 10");
        stat(proc, 11, "11 (odd) name) Z 7 11 11");
        stat(proc, 12, "12 (sleep) S 7 12 12");
        stat(proc, 13, "13 (sleep) Z 8 13 13");
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("14")); // exited while listed: no stat file
        assertThat(ProcSelf.zombieChildren(proc, 7)).isEqualTo(2);
        assertThat(ProcSelf.zombieChildren(proc, 8)).isEqualTo(1);
        assertThat(ProcSelf.zombieChildren(proc, 9)).isZero();
    }

    private static void stat(Path proc, int pid, String line) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(dir.resolve("stat"), line + "\n");
    }
}
