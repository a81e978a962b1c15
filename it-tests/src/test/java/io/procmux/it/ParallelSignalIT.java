package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to procmux mid-run: running jobs' groups are ended, nothing of the run survives, the joblog is complete. */
@Tag("linux")
@EnabledOnOs(OS.LINUX)
class ParallelSignalIT {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheRunAndLeavesNoProcessOfIt() throws Exception {
        Path log = dir.resolve("log");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = ParallelIT.Cli.start(dir, new byte[0], List.of("-j", "3", "--kill-after", "500ms",
                "--joblog", log.toString(), "--shell",
                "echo $$ > pid-{}; sleep 60 & echo $! >> pid-{}; sh -c 'trap \"\" TERM; sleep 60' & echo $! >> pid-{}; wait",
                ":::", "a", "b", "c", "d", "e"), out, err);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ParallelIT.pidsIn(dir).size() < 9 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> pids = ParallelIT.pidsIn(dir);
        assertThat(pids).as(Files.readString(err)).hasSize(9);
        p.toHandle().destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(128 + 15);
        assertThat(Files.readString(err)).contains("SIGTERM received").contains("2 jobs not started");
        assertThat(ParallelIT.allDeadWithin(pids, Duration.ofSeconds(10))).as("processes %s ended", pids).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> {
            String[] c = l.split("\t");
            assertThat(c[6]).isEqualTo("-1");
            assertThat(c[7]).isEqualTo("15");
        });
    }
}
