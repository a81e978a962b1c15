package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.JvmProcess;
import io.procmux.testkit.PoolTasks;
import io.procmux.testkit.ProcScan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@link JvmProcess}: Python's multiprocessing.Process, one child JVM per start. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JvmProcessTest {

    @Test
    void aTargetRunsInAChildAndExitsWithZero(@TempDir Path dir) throws Exception {
        String file = dir.resolve("out").toString();
        JvmProcess p = new JvmProcess(() -> Tasks.writePid(file), "writer");
        assertThat(p.exitCode()).isEmpty();
        assertThat(p.isAlive()).isFalse();
        assertThatThrownBy(p::pid).isInstanceOf(IllegalStateException.class).hasMessageContaining("writer");
        p.start();
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        p.join();
        assertThat(p.exitCode()).isEqualTo(OptionalInt.of(0));
        assertThat(p.isAlive()).isFalse();
        assertThat(Files.readString(Path.of(file))).isEqualTo(Long.toString(p.pid()));
        assertThat(p.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(p.name()).isEqualTo("writer");
    }

    @Test
    void aSubclassRunsItsOwnRunAndItsExitCodeIsKept() throws Exception {
        JvmProcess p = new Exiting(3);
        p.start();
        assertThat(p.join(Duration.ofSeconds(30))).isTrue();
        assertThat(p.exitCode()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void aRunThatThrowsExitsWithOne() throws Exception {
        JvmProcess p = new JvmProcess(() -> PoolTasks.fail(1), "failing");
        p.start();
        p.join();
        assertThat(p.exitCode()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void terminateAndKillGiveNegativeExitCodes() throws Exception {
        JvmProcess a = new JvmProcess(() -> PoolTasks.sleepThenEcho(30_000), "sleeper-a");
        JvmProcess b = new JvmProcess(() -> PoolTasks.sleepThenEcho(30_000), "sleeper-b");
        a.start();
        b.start();
        assertThat(a.join(Duration.ofMillis(300))).isFalse();
        assertThat(a.isAlive()).isTrue();
        assertThat(a.exitCode()).isEmpty();
        a.terminate();
        b.kill();
        a.join();
        b.join();
        assertThat(a.exitCode()).isEqualTo(OptionalInt.of(-15));
        assertThat(b.exitCode()).isEqualTo(OptionalInt.of(-9));
        assertThat(ProcScan.zombieChildren()).doesNotContain(a.pid(), b.pid());
    }

    @Test
    void aDaemonChildIsTerminatedWhenItsParentExits() throws Exception {
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.io=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), DaemonHostMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.US_ASCII))) {
            long child = Long.parseLong(out.readLine().trim());
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (alive(child) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(alive(child)).as("daemon child %d 2 s after its parent exited", child).isFalse();
        } finally {
            host.destroyForcibly();
        }
    }

    private static boolean alive(long pid) {
        return ProcScan.stat(pid).map(s -> s.state() != 'Z').orElse(false);
    }

    /** A subclass overriding run(). */
    static final class Exiting extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final int code;

        Exiting(int code) {
            super("exiting");
            this.code = code;
        }

        @Override
        public void run() {
            System.exit(code);
        }
    }
}
