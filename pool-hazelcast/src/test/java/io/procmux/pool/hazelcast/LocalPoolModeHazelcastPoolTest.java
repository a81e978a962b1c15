package io.procmux.pool.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.testkit.PoolTasks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The pool conformance suite on one embedded member in {@code local-pool} mode: the member hands
 * each task to its own local pool of worker JVMs, which it terminates when it leaves.
 */
@EnabledOnOs(OS.LINUX)
class LocalPoolModeHazelcastPoolTest extends InProcessHazelcastPoolTest {

    @Override
    public Pool newPool(PoolOptions.Builder options) {
        return new HazelcastPoolProvider().create(options.build(),
                HazelcastPoolOptions.builder().mode(ExecutionMode.LOCAL_POOL).build());
    }

    @Test
    void tasksRunInWorkerJvmsOfTheMember() throws Exception {
        long me = ProcessHandle.current().pid();
        Set<Long> pids = new HashSet<>(pool().map(HazelcastTasks::sleepThenPid, List.of(200, 200, 200, 200), 1));
        assertThat(pids).hasSize(2).doesNotContain(me);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).flatMap(h -> h.parent())
                .map(ProcessHandle::pid)).contains(me));
        assertThat(pool().apply(PoolTasks::square, 12)).isEqualTo(144);
    }
}
