package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerDiedException;
import io.procmux.pool.WorkerOutput;
import io.procmux.spawn.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20,000 tasks while workers are SIGKILLed at random: each task returns its value or fails with
 * {@link WorkerDiedException}; none is lost, none runs twice (every execution appends its id to a
 * log), and the pool ends with its full worker count.
 */
@EnabledOnOs(OS.LINUX)
class ChaosTest {
    private static final int TASKS = 20_000;
    private static final int MAX_KILLS = 6;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyTaskEndsOnceWhileWorkersAreKilledAtRandom(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("executions.log");
        String log = logFile.toString();
        Random random = new Random(7);
        try (LocalPool pool = (LocalPool) new LocalPoolProvider().create(PoolOptions.builder().processes(2)
                .initializer(() -> System.setProperty(Tasks.LOG_PROPERTY, log)).workerOutput(WorkerOutput.DISCARD).build())) {
            List<AsyncResult<Integer>> results = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                results.add(pool.applyAsync(Tasks::logged, i));
            }
            int kills = 0;
            AsyncResult<Integer> last = results.get(TASKS - 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (!last.waitFor(Duration.ofMillis(300 + random.nextInt(500)))) {
                assertThat(System.nanoTime()).as("progress stalled: %s", pool.describe()).isLessThan(deadline);
                List<Long> pids = pool.readyWorkerPids();
                if (pids.isEmpty() || kills == MAX_KILLS) {
                    continue;
                }
                long victim = pids.get(random.nextInt(pids.size()));
                new ProcessBuilder("kill", "-" + Signal.KILL.number(), Long.toString(victim)).start().waitFor();
                kills++;
            }
            int ok = 0;
            int died = 0;
            for (int i = 0; i < TASKS; i++) {
                try {
                    assertThat(results.get(i).get(Duration.ofSeconds(60))).isEqualTo(i);
                    ok++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(WorkerDiedException.class);
                    died++;
                }
            }
            assertThat(ok + died).isEqualTo(TASKS);
            assertThat(kills).isPositive();
            assertThat(died).isBetween(1, kills);
            Map<Integer, Integer> runs = new HashMap<>();
            for (String line : Files.readAllLines(logFile)) {
                runs.merge(Integer.parseInt(line), 1, Integer::sum);
            }
            assertThat(runs.values()).allMatch(n -> n == 1);
            for (int i = 0; i < TASKS; i++) {
                if (results.get(i).successful()) {
                    assertThat(runs).containsKey(i);
                }
            }
            AbstractLocalPoolTest.awaitWorkers(pool, 2);
        }
    }
}
