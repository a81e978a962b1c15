package io.procmux.pool.local;

import static io.procmux.pool.local.AbstractLocalPoolTest.awaitWorkers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerDiedException;
import io.procmux.testkit.PoolLeaks;
import io.procmux.testkit.PoolTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A synchronous apply that waits on its worker's socket itself ({@link DirectApply}): answers,
 * the idle worker's socket parked out of the pool's multiplexer, the polling window, long tasks handed back to the I/O thread, a worker dying while led, interrupts, callers on many
 * threads beside asynchronous work, the switch, and nothing left once the pool is closed. Shared by
 * the per-spawner pool tests; each test uses its own pool, so that which worker is idle is known.
 */
final class DirectApplyTests {
    private final Function<PoolOptions.Builder, LocalPool> pools;
    private final PoolOptions.Builder options;

    DirectApplyTests(Function<PoolOptions.Builder, LocalPool> pools, PoolOptions.Builder options) {
        this.pools = pools;
        this.options = options;
    }

    void syncAppliesOnAnIdlePoolAreLedAndLeaveNothing() throws Exception {
        PoolLeaks leaks = PoolLeaks.snapshot();
        List<Long> pids;
        try (LocalPool pool = pools.apply(options)) {
            awaitWorkers(pool, 2);
            pids = pool.workerPids();
            for (int i = 0; i < 50; i++) {
                assertThat(pool.apply(PoolTasks::square, i)).isEqualTo(i * i);
            }
            assertThat(pool.ledApplies()).isEqualTo(50);
            long pid = pool.apply(Tasks::sleepThenPid, 50);   // outlives the lead window: handed back
            assertThat(pids).contains(pid);
            assertThat(pool.ledApplies()).isEqualTo(51);
            AtomicReference<String> thread = new AtomicReference<>();
            assertThat(pool.applyAsync(PoolTasks::square, 5, v -> thread.set(Thread.currentThread().getName()), null)
                    .get()).isEqualTo(25);
            assertThat(thread.get()).isEqualTo(pool.ioThreadName());
            assertThat(pool.apply(PoolTasks::square, 6)).isEqualTo(36);
        }
        Leaks.snapshot().assertNoneLeft(pids);
        leaks.assertNoneLeft();
    }

    void aLedWorkerStaysParkedUntilThePoolSendsItWorkAndItsDeathIsStillSeen() throws Exception {
        try (LocalPool pool = pools.apply(options)) {
            awaitWorkers(pool, 2);
            List<Long> pids = pool.workerPids();
            assertThat(pool.watchedWorkerPids()).containsExactlyInAnyOrderElementsOf(pids);
            long led = parkOne(pool);
            assertThat(pool.watchedWorkerPids()).containsExactly(other(pids, led));   // parked: out of the I/O thread's sight
            List<io.procmux.pool.AsyncResult<Long>> async = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                async.add(pool.applyAsync(Tasks::pid, i));
            }
            java.util.Set<Long> ranOn = new java.util.HashSet<>();
            for (io.procmux.pool.AsyncResult<Long> r : async) {
                ranOn.add(r.get());
            }
            assertThat(ranOn).containsExactlyInAnyOrderElementsOf(pids);   // the pool's own work reached the parked one too
            long parked = parkOne(pool);
            ProcessHandle.of(parked).orElseThrow().destroyForcibly();   // SIGKILL while parked and idle
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (pool.workerPids().contains(parked) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(pool.workerPids()).doesNotContain(parked);
            awaitWorkers(pool, 2);
            assertThat(pool.map(PoolTasks::square, List.of(1, 2, 3, 4), 1)).containsExactly(1, 4, 9, 16);
            assertThat(pool.apply(PoolTasks::square, 8)).isEqualTo(64);
        }
    }

    /**
     * Sync applies until one leaves its worker parked, and returns that worker's pid. An apply the
     * machine's load delays past the lead window is handed back and leaves its worker watched, so
     * a few tries are allowed.
     */
    private static long parkOne(LocalPool pool) throws Exception {
        for (int i = 0; i < 100; i++) {
            long pid = pool.apply(Tasks::pid, i);
            if (!pool.watchedWorkerPids().contains(pid)) {
                return pid;
            }
        }
        throw new AssertionError("no sync apply in 100 left its worker parked: " + pool.describe());
    }

    private static long other(List<Long> pids, long pid) {
        return pids.get(0) == pid ? pids.get(1) : pids.get(0);
    }

    void aWorkerDyingDuringALedApplyFailsOnlyThatApply() throws Exception {
        try (LocalPool pool = pools.apply(options)) {
            awaitWorkers(pool, 2);
            List<Long> before = pool.workerPids();
            assertThatThrownBy(() -> pool.apply(Tasks::haltWorker, 7)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WorkerDiedException.class).hasMessageContaining("exited with code 7")
                    .satisfies(e -> assertThat(before).contains(((WorkerDiedException) e).workerPid()));
            assertThat(pool.ledApplies()).isEqualTo(1);
            assertThat(pool.apply(PoolTasks::square, 3)).isEqualTo(9);
            awaitWorkers(pool, 2);
            assertThat(pool.apply(PoolTasks::square, 4)).isEqualTo(16);
        }
    }

    void anInterruptedSyncApplyThrowsAndThePoolGoesOn() throws Exception {
        try (LocalPool pool = pools.apply(options)) {
            awaitWorkers(pool, 2);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    pool.apply(Tasks::sleepThenPid, 1500);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            while (pool.ledApplies() == 0) {
                Thread.sleep(1);
            }
            caller.interrupt();
            caller.join();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(pool.apply(PoolTasks::square, 5)).isEqualTo(25);
        }
    }

    void syncAppliesFromManyThreadsBesideAsyncWorkAllComplete() throws Exception {
        try (LocalPool pool = pools.apply(options)) {
            awaitWorkers(pool, 2);
            List<Thread> callers = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                int base = t * 1000;
                callers.add(new Thread(() -> {
                    try {
                        for (int i = base; i < base + 300; i++) {
                            assertThat(pool.apply(PoolTasks::square, i)).isEqualTo(i * i);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            callers.forEach(Thread::start);
            List<io.procmux.pool.AsyncResult<Integer>> async = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                async.add(pool.applyAsync(PoolTasks::square, i));
            }
            for (Thread c : callers) {
                c.join();
            }
            for (int i = 0; i < async.size(); i++) {
                assertThat(async.get(i).get()).isEqualTo(i * i);
            }
            assertThat(failures).isEmpty();
            assertThat(pool.ledApplies()).isPositive();
        }
    }

    void withoutTheSpinWindowSyncAppliesStillLeadAndABadWindowIsRefused() throws Exception {
        System.setProperty(LeadSpin.PROPERTY, "0");
        LocalPool pool;
        try {
            pool = pools.apply(options);
        } finally {
            System.clearProperty(LeadSpin.PROPERTY);
        }
        try (LocalPool own = pool) {
            awaitWorkers(own, 2);
            for (int i = 0; i < 20; i++) {
                assertThat(own.apply(PoolTasks::square, i)).isEqualTo(i * i);
            }
            assertThat(own.ledApplies()).isEqualTo(20);
        }
        for (String bad : List.of("1001", "-1", "fast")) {
            System.setProperty(LeadSpin.PROPERTY, bad);
            try {
                assertThatThrownBy(() -> pools.apply(options)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(LeadSpin.PROPERTY).hasMessageContaining("'" + bad + "'")
                        .hasMessageContaining("from 0 to 1000");
            } finally {
                System.clearProperty(LeadSpin.PROPERTY);
            }
        }
    }

    void theSwitchTurnsLeadingOff() throws Exception {
        System.setProperty(DirectApply.PROPERTY, "false");
        LocalPool pool;
        try {
            pool = pools.apply(options);
        } finally {
            System.clearProperty(DirectApply.PROPERTY);
        }
        try (LocalPool own = pool) {
            awaitWorkers(own, 2);
            assertThat(own.apply(PoolTasks::square, 9)).isEqualTo(81);
            assertThat(own.ledApplies()).isZero();
        }
    }
}
