package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerOutput;
import io.procmux.spawn.Spawner;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pool's Python surface, behaviour by behaviour; subclassed once per spawner. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractLocalPoolTest {
    private Spawner spawner;
    private LocalPool pool;

    /** The spawner under test. */
    abstract Spawner newSpawner();

    PoolOptions.Builder options() {
        return PoolOptions.builder().processes(2).spawner(spawner).workerOutput(WorkerOutput.DISCARD);
    }

    LocalPool newPool(PoolOptions.Builder b) {
        return (LocalPool) new LocalPoolProvider().create(b.build());
    }

    @BeforeAll
    void start() {
        spawner = newSpawner();
        pool = newPool(options());
    }

    @AfterAll
    void stop() {
        if (pool != null) {
            pool.close();
        }
        spawner.close();
    }

    @Test
    void applyRunsInAWorker() throws Exception {
        assertThat(pool.apply(Tasks::square, 7)).isEqualTo(49);
        long pid = pool.apply(Tasks::pid, "x");
        assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(pool.workerPids()).contains(pid);
    }

    @Test
    void mapKeepsOrder() throws Exception {
        List<Integer> in = java.util.stream.IntStream.range(0, 1000).boxed().toList();
        assertThat(pool.map(Tasks::square, in)).isEqualTo(in.stream().map(x -> x * x).toList());
    }
}
