package io.procmux.ipc.unix;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.spawn.Child;
import io.procmux.spawn.Signal;
import io.procmux.spawn.Spawner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a JVM serving a Unix socket removes the socket file and its lock (shutdown hook). */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SigtermCleanupTest {
    @TempDir
    Path dir;

    @Test
    void sigtermRemovesTheSocketFileAndTheLock() throws Exception {
        Path socket = dir.resolve("srv/term.sock");
        try (Spawner spawner = Helpers.posixSpawner()) {
            Child child = Helpers.java(spawner, ServeUntilTerminated.class, socket.toString());
            try {
                String line = new BufferedReader(new InputStreamReader(child.stdout())).readLine();
                assertThat(line).as("child JVM: %s", line == null ? Helpers.stderrOf(child) : "").startsWith("ready");
                assertThat(socket).exists();
                assertThat(dir.resolve("srv/term.sock.lock")).exists();
                assertThat(child.signal(Signal.TERM)).isTrue();
                child.waitFor();
                assertThat(socket).doesNotExist();
                assertThat(dir.resolve("srv/term.sock.lock")).doesNotExist();
            } finally {
                child.close();
            }
        }
    }
}
