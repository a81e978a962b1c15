package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spawners and multiplexers together, every pair where the pair makes sense (a spawner that exposes
 * its pipes and exit descriptor, with each multiplexer), named so a failure says which pair; and
 * {@code procmux parallel}, which is built on both, on each multiplexer through the packaged CLI.
 */
@Tag("linux")
@EnabledOnOs(OS.LINUX)
class SpawnerMuxMatrixIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "spawner {0} with mux {1}")
    @CsvSource({"posix, epoll", "posix, poll", "posix, select"})
    void aChildsPipesAndExitAreMultiplexedTogether(String spawnerName, String muxName) throws Exception {
        SpawnerProvider sp = Backends.select(BackendKind.SPAWNER, spawnerName);
        MultiplexerProvider mp = Backends.select(BackendKind.MUX, muxName);
        assumeTrue(sp.isAvailable() && mp.isAvailable(), spawnerName + " or " + muxName + " unavailable here");
        SpawnSpec spec = SpawnSpec.builder("sh", "-c", "head -c 200000 /dev/zero; printf E >&2; exit 5")
                .stdout(Redirect.PIPE).stderr(Redirect.PIPE).build();
        try (Spawner spawner = sp.create(); Multiplexer mux = mp.open(); Child child = spawner.spawn(spec)) {
            int out = child.stdoutFd().orElseThrow();
            int err = child.stderrFd().orElseThrow();
            int exit = child.exitFd().orElseThrow();
            mux.register(out, Events.IN, child.stdout());
            mux.register(err, Events.IN, child.stderr());
            mux.register(exit, Events.IN, "exit");
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            int open = 3;
            while (open > 0) {
                for (var event : mux.poll(Duration.ofSeconds(30)).events()) {
                    if ("exit".equals(event.attachment())) {
                        mux.unregister(exit);
                        open--;
                        continue;
                    }
                    InputStream in = (InputStream) event.attachment();
                    int n = in.read(buffer);
                    if (n < 0) {
                        mux.unregister(event.fd());
                        open--;
                    } else {
                        (in == child.stdout() ? stdout : stderr).write(buffer, 0, n);
                    }
                }
            }
            assertThat(child.waitFor()).isEqualTo(new ExitStatus.Exited(5));
            assertThat(stdout.size()).isEqualTo(200000);
            assertThat(stderr.toString()).isEqualTo("E");
        }
    }

    @ParameterizedTest(name = "procmux --mux {0} parallel")
    @ValueSource(strings = {"epoll", "poll", "select"})
    void parallelRunsOnEachMultiplexer(String muxName) throws Exception {
        var r = Distribution.copyInto(dir).run("--mux", muxName, "parallel", "-k", "-j", "3",
                "sh", "-c", "echo $1; exit $2", "sh", ":::", "a", "b", "c", ":::", "0", "1");
        assertThat(r.out()).isEqualTo("a\na\nb\nb\nc\nc\n");
        assertThat(r.status()).as(r.err()).isEqualTo(3);
    }
}
