package io.procmux.spawn.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.Signal;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link Child#signalGroup(int)} on the posix backend: the whole group, grandchildren included. */
@EnabledOnOs(OS.LINUX)
class SignalGroupTest {

    @BeforeAll
    static void requireNative() {
        assumeTrue(new PosixSpawnerProvider().isAvailable(), "posix spawner unavailable");
    }

    @Test
    void reachesAGrandchildThatOutlivesTheLeader() throws Exception {
        try (Spawner spawner = new PosixSpawnerProvider().create();
             Child child = spawner.spawn(SpawnSpec.builder("sh", "-c", "sleep 60 >/dev/null & echo $!")
                     .stdout(Redirect.PIPE).processGroup(ProcessGroupMode.NEW_GROUP).build())) {
            String line = new String(child.stdout().readNBytes(64), StandardCharsets.US_ASCII).trim();
            long grandchild = Long.parseLong(line);
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(0));
            ProcessHandle sleeper = ProcessHandle.of(grandchild).orElseThrow();
            assertThat(child.signalGroup(Signal.KILL.number())).isTrue();
            assertThat(sleeper.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
            // nothing of the group is left now
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean sent = true;
            while (sent && System.nanoTime() < deadline) {
                sent = child.signalGroup(0);
                if (sent) {
                    Thread.sleep(10);
                }
            }
            assertThat(sent).isFalse();
        }
    }

    @Test
    void refusesAChildThatDoesNotLeadAGroup() throws Exception {
        try (Spawner spawner = new PosixSpawnerProvider().create();
             Child child = spawner.spawn(SpawnSpec.builder("sleep", "5").build())) {
            assertThatThrownBy(() -> child.signalGroup(Signal.TERM.number()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("NEW_GROUP");
            child.terminate(Duration.ofSeconds(1));
            assertThat(child.poll()).isNotEqualTo(Optional.empty());
        }
    }
}
