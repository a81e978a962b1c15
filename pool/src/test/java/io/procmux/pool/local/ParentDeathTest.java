package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.testkit.ProcScan;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGKILL the JVM that owns a pool: every worker is gone within 2 seconds. */
@EnabledOnOs(OS.LINUX)
class ParentDeathTest {

    @ParameterizedTest
    @ValueSource(strings = {"posix", "jvm"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void workersExitWithinTwoSecondsOfTheirParentsSigkill(String spawner) throws Exception {
        Set<Path> dirsBefore = privateDirs();
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.io=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), PoolHostMain.class.getName(), "2", spawner)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> workers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.US_ASCII))) {
            String line = out.readLine();
            assertThat(line).as("the host's worker pids").isNotNull();
            for (String pid : line.trim().split(" ")) {
                workers.add(Long.parseLong(pid));
            }
            assertThat(workers).hasSize(2).allSatisfy(pid -> assertThat(alive(pid)).isTrue());
            host.destroyForcibly();
            assertThat(host.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.nanoTime();
            while (workers.stream().anyMatch(ParentDeathTest::alive)
                    && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(2)) {
                Thread.sleep(20);
            }
            assertThat(workers).as("workers alive 2 s after their parent's SIGKILL")
                    .noneMatch(ParentDeathTest::alive);
        } finally {
            host.destroyForcibly();
            host.waitFor();
            for (long pid : workers) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            // a SIGKILLed pool cannot remove its private directory (jvm spawner): the test does
            for (Path dir : privateDirs()) {
                if (!dirsBefore.contains(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
        }
    }

    private static Set<Path> privateDirs() throws IOException {
        Set<Path> dirs = new HashSet<>();
        for (String base : List.of(System.getProperty("java.io.tmpdir"), "/tmp")) {
            try (Stream<Path> s = Files.list(Path.of(base))) {
                s.filter(p -> p.getFileName().toString().startsWith("procmux-pool-")).forEach(dirs::add);
            }
        }
        return dirs;
    }

    private static boolean alive(long pid) {
        return ProcScan.stat(pid).map(s -> s.state() != 'Z').orElse(false);
    }
}
