package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.Multiplexer;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerDiedException;
import io.procmux.pool.WorkerOutput;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import io.procmux.testkit.PoolLeaks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code local} pool on every spawner and multiplexer it can be composed from, named so a
 * failure says which pair: the pool's I/O loop runs on the multiplexer, its workers come from the
 * spawner. Each pair runs ordered results, a task's own exception, a worker killed mid-task
 * (only that task fails, the worker is replaced, the next task runs) and a clean end (no thread,
 * fd or zombie child left, checked by the pool conformance suite's {@link PoolLeaks}).
 */
@Tag("linux")
@EnabledOnOs(OS.LINUX)
class PoolMatrixIT {

    @ParameterizedTest(name = "pool local on spawner {0} with mux {1}")
    @CsvSource({"posix, epoll", "posix, poll", "posix, select", "jvm, epoll", "jvm, poll", "jvm, select"})
    void thePoolWorksOnEveryPair(String spawnerName, String muxName) throws Exception {
        SpawnerProvider sp = Backends.select(BackendKind.SPAWNER, spawnerName);
        MultiplexerProvider mp = Backends.select(BackendKind.MUX, muxName);
        assumeTrue(sp.isAvailable() && mp.isAvailable(), spawnerName + " or " + muxName + " unavailable here");
        try (Spawner spawner = sp.create()) {
            spawner.spawn(SpawnSpec.builder("true").build()).waitFor(); // starts what a spawner keeps for the JVM's life
            // the posix spawner's parent-death-signal threads live as long as the JVM, by design
            PoolLeaks leaks = PoolLeaks.snapshot(name -> name.startsWith("procmux-pdeathsig-spawn"));
            Multiplexer mux = mp.open();
            try (Pool pool = Backends.select(BackendKind.POOL, "local").create(PoolOptions.builder().processes(2)
                    .spawner(spawner).multiplexer(mux).workerOutput(WorkerOutput.DISCARD).build())) {
                List<Integer> in = IntStream.range(0, 1000).boxed().toList();
                assertThat(pool.map(PoolMatrixIT::square, in, 7)).isEqualTo(in.stream().map(x -> x * x).toList());
                assertThatThrownBy(() -> pool.apply(PoolMatrixIT::failOnOdd, 3))
                        .isInstanceOf(ExecutionException.class).hasRootCauseMessage("odd: 3");
                assertThatThrownBy(() -> pool.apply(PoolMatrixIT::killMyself, 0))
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WorkerDiedException.class);
                assertThat(pool.apply(PoolMatrixIT::square, 12)).as("a replaced worker takes the next task").isEqualTo(144);
                pool.shutdown();
                assertThat(pool.join(Duration.ofSeconds(30))).as("joined").isTrue();
            } finally {
                mux.close();
            }
            leaks.assertNoneLeft(); // no thread, descriptor or zombie child, after a short grace period
        }
    }

    static int square(int x) {
        return x * x;
    }

    static int failOnOdd(int x) {
        if (x % 2 != 0) {
            throw new IllegalArgumentException("odd: " + x);
        }
        return x;
    }

    static int killMyself(int ignored) {
        Runtime.getRuntime().halt(9);
        return 0;
    }
}
