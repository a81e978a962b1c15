package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void theReportShowsTheLimitsTheShellSeesAndEveryKind() throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "ulimit -Sn; ulimit -Hn").start();
        String[] shell = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
        assertThat(sh.waitFor()).isZero();

        MainTest.Run r = MainTest.run("doctor");
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^  open files \\(RLIMIT_NOFILE\\) +" + shell[0] + " soft / " + shell[1] + " hard$");
        assertThat(r.out()).contains("platform", "limits", "features", "backends", "integration tests",
                System.getProperty("java.runtime.version"));
        for (String kind : new String[] {"spawner", "mux", "codec", "pool", "proc", "ipc"}) {
            assertThat(r.out()).containsPattern("(?m)^  " + kind + " +\\S");
        }
        assertThat(r.out()).containsPattern("(?m)^  libc +glibc \\d+\\.\\d+");
        String pidMax = Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).trim();
        assertThat(r.out()).containsPattern("(?m)^  pid_max +" + pidMax + "$");
    }

    @Test
    void jsonHasTheSameSections() {
        MainTest.Run r = MainTest.run("doctor", "--json");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"platform\":{").contains("\"limits\":{", "\"features\":{", "\"backends\":{",
                "\"integration tests\":{");
    }

    @Test
    void factsThatCannotBeReadSayUnknownAndWhy(@TempDir Path fakeProc) throws Exception {
        PlatformFacts none = new PlatformFacts(fakeProc);
        assertThat(none.limits().get("pid_max")).startsWith("unknown (").contains("kernel/pid_max");
        assertThat(none.limit("Max open files")).startsWith("unknown (").contains("cannot be read");
        Files.createDirectories(fakeProc.resolve("self"));
        Files.writeString(fakeProc.resolve("self/limits"),
                "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max open files            1024                 4096                 files\n");
        assertThat(new PlatformFacts(fakeProc).limit("Max open files")).isEqualTo("1024 soft / 4096 hard");
        assertThat(new PlatformFacts(fakeProc).limit("Max processes")).startsWith("unknown (no 'Max processes'");
    }
}
