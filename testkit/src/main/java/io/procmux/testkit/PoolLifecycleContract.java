package io.procmux.testkit;

import static io.procmux.testkit.PoolTestContext.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pool conformance, part 3: lifecycle. {@code close} finishes the submitted work, then refuses
 * submissions and leaves no thread, descriptor or zombie; {@code join} needs {@code shutdown} or
 * {@code terminate} first (as in Python); {@code terminate} during work fails what was pending and
 * stops everything. Each test builds its own pool. Run through {@link AbstractPoolTest}.
 */
public interface PoolLifecycleContract extends PoolTestContext {

    @Test
    default void closeFinishesTheWorkThenRefusesSubmissionsAndLeavesNothing() throws Exception {
        settle();
        PoolLeaks leaks = PoolLeaks.snapshot(this::isForeignThread);
        Pool own = newPool(options());
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(own.applyAsync(PoolTasks::sleepThenEcho, 100 + i));
        }
        AfterJoin backendCheck = whileRunning(own);
        own.close();
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).get(Duration.ZERO)).isEqualTo(100 + i);
        }
        assertThatThrownBy(() -> own.applyAsync(PoolTasks::square, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shutdown() or close() was called");
        assertThatThrownBy(() -> own.map(PoolTasks::square, List.of(1))).isInstanceOf(IllegalStateException.class);
        assertThat(own.join(Duration.ofSeconds(1))).isTrue();
        backendCheck.check();
        leaks.assertNoneLeft();
    }

    @Test
    default void shutdownLetsQueuedWorkFinishAndJoinWaitsForIt() throws Exception {
        Pool own = newPool(options());
        assertThatThrownBy(own::join).isInstanceOf(IllegalStateException.class).hasMessageContaining("shutdown()");
        AsyncResult<List<Integer>> all = own.mapAsync(PoolTasks::sleepThenEcho, List.of(50, 50, 50, 50, 50));
        own.shutdown();
        own.join();
        assertThat(all.ready()).isTrue();
        assertThat(all.get()).containsExactly(50, 50, 50, 50, 50);
    }

    @Test
    default void terminateStopsWorkDuringTasksAndFailsWhatWasPending() throws Exception {
        settle();
        PoolLeaks leaks = PoolLeaks.snapshot(this::isForeignThread);
        Pool own = newPool(options());
        own.apply(PoolTasks::square, 1);
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(own.applyAsync(PoolTasks::sleepThenEcho, 20_000));
        }
        AfterJoin backendCheck = whileRunning(own);
        Thread.sleep(200);
        own.terminate();
        assertThat(own.join(Duration.ofSeconds(10))).isTrue();
        for (AsyncResult<Integer> r : results) {
            assertThat(failureOf(r)).hasMessageContaining("terminated");
        }
        assertThatThrownBy(() -> own.applyAsync(PoolTasks::square, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terminated");
        backendCheck.check();
        leaks.assertNoneLeft();
    }
}
