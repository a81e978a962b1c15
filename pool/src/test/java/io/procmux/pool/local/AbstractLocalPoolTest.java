package io.procmux.pool.local;

import static io.procmux.testkit.PoolTestContext.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.RetryPolicy;
import io.procmux.pool.SerializableFunction;
import io.procmux.pool.WorkerDiedException;
import io.procmux.pool.WorkerOutput;
import io.procmux.spawn.Spawner;
import io.procmux.testkit.AbstractPoolTest;
import io.procmux.testkit.PoolTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local pool: the shared Python-surface behaviours of {@link AbstractPoolTest}, plus what only
 * worker JVMs show (pids, worker death and replacement, initializer, recycling, prefixed output,
 * no worker or private directory left); subclassed once per spawner.
 */
abstract class AbstractLocalPoolTest extends AbstractPoolTest {
    private Spawner spawner;

    /** The spawner under test. */
    abstract Spawner newSpawner();

    /** How this spawner reports a SIGKILLed worker. */
    abstract String killedBySigkill();

    @Override
    protected void beforePools() {
        spawner = newSpawner();
    }

    @Override
    protected void afterPools() {
        spawner.close();
    }

    @Override
    public PoolOptions.Builder options() {
        return PoolOptions.builder().processes(2).spawner(spawner).workerOutput(WorkerOutput.DISCARD);
    }

    @Override
    public LocalPool newPool(PoolOptions.Builder b) {
        return (LocalPool) new LocalPoolProvider().create(b.build());
    }

    @Override
    public LocalPool pool() {
        return (LocalPool) super.pool();
    }

    @Override
    public String callbackThreadName(Pool p) {
        return ((LocalPool) p).ioThreadName();
    }

    @Override
    public int imapWindow(Pool p) {
        return 2 * p.processes() * PoolEngine.DEPTH;
    }

    /** Both workers connected and idle, so that their descriptors are all open. */
    @Override
    public void settle() throws Exception {
        awaitWorkers(pool(), 2);
        assertThat(new HashSet<>(pool().map(Tasks::sleepThenPid, List.of(100, 100), 1))).hasSize(2);
    }

    @Override
    public AfterJoin whileRunning(Pool own) {
        Leaks leaks = Leaks.snapshot();
        List<Long> pids = ((LocalPool) own).workerPids();
        return () -> leaks.assertNoneLeft(pids);
    }

    private DirectApplyTests direct() {
        return new DirectApplyTests(this::newPool, options());
    }

    @Test
    void syncAppliesOnAnIdlePoolAreLedAndLeaveNothing() throws Exception {
        direct().syncAppliesOnAnIdlePoolAreLedAndLeaveNothing();
    }

    @Test
    void aLedWorkerStaysParkedUntilThePoolSendsItWorkAndItsDeathIsStillSeen() throws Exception {
        direct().aLedWorkerStaysParkedUntilThePoolSendsItWorkAndItsDeathIsStillSeen();
    }

    @Test
    void aWorkerDyingDuringALedApplyFailsOnlyThatApply() throws Exception {
        direct().aWorkerDyingDuringALedApplyFailsOnlyThatApply();
    }

    @Test
    void anInterruptedSyncApplyThrowsAndThePoolGoesOn() throws Exception {
        direct().anInterruptedSyncApplyThrowsAndThePoolGoesOn();
    }

    @Test
    void syncAppliesFromManyThreadsBesideAsyncWorkAllComplete() throws Exception {
        direct().syncAppliesFromManyThreadsBesideAsyncWorkAllComplete();
    }

    @Test
    void withoutTheSpinWindowSyncAppliesStillLeadAndABadWindowIsRefused() throws Exception {
        direct().withoutTheSpinWindowSyncAppliesStillLeadAndABadWindowIsRefused();
    }

    @Test
    void theDirectApplySwitchTurnsLeadingOff() throws Exception {
        direct().theSwitchTurnsLeadingOff();
    }

    @Test
    void aTaskReturningAnApplicationClassNotOnTheListFailsNamingIt() throws Exception {
        try (LocalPool own = newPool(options())) {
            assertThat(failureOf(own.applyAsync(com.example.pooltest.Point::diagonalAsObject, 3)))
                    .isInstanceOf(io.procmux.codec.CodecException.class)
                    .hasMessageContaining("class com.example.pooltest.Point is not on the pool's allow-list")
                    .hasMessageContaining("-Dprocmux.pool.serialFilter=com.example.pooltest.Point");
            assertThat(own.apply(PoolTasks::square, 3)).isEqualTo(9);
        }
    }

    @Test
    void sentArgumentsAndDeclaredResultTypesCrossInBothDirections() throws Exception {
        try (LocalPool own = newPool(options())) {
            assertThat(own.apply(com.example.pooltest.Point::sum, new com.example.pooltest.Point(3, 4))).isEqualTo(7);
            assertThat(own.apply(com.example.pooltest.Point.shiftedBy(new com.example.pooltest.Point(10, 20)), 1))
                    .isEqualTo(new com.example.pooltest.Point(11, 21));
            assertThat(own.map(com.example.pooltest.Point::diagonal, List.of(1, 2))).containsExactly(
                    new com.example.pooltest.Point(1, 1), new com.example.pooltest.Point(2, 2));
            assertThat(failureOf(own.applyAsync(com.example.pooltest.AppException::fail, 5)))
                    .isInstanceOf(RemoteTaskException.class).hasMessageContaining("app failure on 5")
                    .satisfies(e -> assertThat(((RemoteTaskException) e).remoteClassName())
                            .isEqualTo("com.example.pooltest.AppException"));
        }
    }

    @Test
    void theSerialFilterPropertyAllowsMoreResultClasses() throws Exception {
        System.setProperty(SerialFilter.PROPERTY, "com.example.pooltest.Point");
        LocalPool pool;
        try {
            pool = newPool(options());
        } finally {
            System.clearProperty(SerialFilter.PROPERTY);
        }
        try (LocalPool own = pool) {
            assertThat(own.apply(com.example.pooltest.Point::diagonalAsObject, 2))
                    .isEqualTo(new com.example.pooltest.Point(2, 2));
        }
    }

    @Test
    void applyRunsInAWorkerProcess() throws Exception {
        long pid = pool().apply(Tasks::pid, 0);
        assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(pool().workerPids()).contains(pid);
    }

    @Test
    void aRemoteExceptionLeavesTheWorkerAlive() throws Exception {
        List<Long> before = pool().workerPids();
        assertThat(failureOf(pool().applyAsync(PoolTasks::fail, 5))).hasMessage("task failed on 5");
        assertThat(pool().apply(PoolTasks::square, 2)).isEqualTo(4);
        assertThat(pool().workerPids()).isEqualTo(before);
    }

    @Test
    void aWorkerThatExitsMidTaskFailsOnlyThatTaskAndIsReplaced() throws Exception {
        LocalPool pool = pool();
        List<Long> before = pool.workerPids();
        AsyncResult<Integer> dying = pool.applyAsync(Tasks::exitWorker, 3);
        List<AsyncResult<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(pool.applyAsync(PoolTasks::square, i));
        }
        assertThatThrownBy(dying::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(WorkerDiedException.class).hasMessageContaining("exited with code 3")
                .satisfies(e -> {
                    WorkerDiedException died = (WorkerDiedException) e;
                    assertThat(before).contains(died.workerPid());
                    assertThat(died.exitDescription()).isEqualTo("exited with code 3");
                    assertThat(died.stderrTail()).contains("about to exit with 3");
                });
        for (int i = 0; i < 20; i++) {
            assertThat(others.get(i).get()).isEqualTo(i * i);
        }
        awaitWorkers(pool, 2);
        assertThat(pool.workerPids()).doesNotContainAnyElementsOf(List.of(
                ((WorkerDiedException) failureOf(dying)).workerPid()));
    }

    @Test
    void aWorkerKilledMidTaskReportsTheSignal() throws Exception {
        AsyncResult<Integer> dying = pool().applyAsync(Tasks::killSelf, 1);
        assertThat(failureOf(dying)).isInstanceOf(WorkerDiedException.class)
                .hasMessageContaining(killedBySigkill()).hasMessageContaining("killing myself over 1");
        assertThat(pool().apply(PoolTasks::square, 3)).isEqualTo(9);
        awaitWorkers(pool(), 2);
    }

    @Test
    void aTaskWhoseWorkerDiedRunsAgainOnANewWorkerOnlyUnderARetryPolicy(@TempDir Path dir) throws Exception {
        Path once = dir.resolve("once");
        Path twice = dir.resolve("twice");
        Path never = dir.resolve("never");
        try (LocalPool own = newPool(options().retry(RetryPolicy.maxAttempts(2)))) {
            long pid = own.apply(Tasks::logPidThenDie, new AbstractMap.SimpleEntry<>(once.toString(), 1));
            assertThat(Files.readAllLines(once)).hasSize(2).doesNotHaveDuplicates().last().isEqualTo(Long.toString(pid));
            assertThat(failureOf(own.applyAsync(Tasks::logPidThenDie, new AbstractMap.SimpleEntry<>(twice.toString(), 2))))
                    .isInstanceOf(WorkerDiedException.class).hasMessageContaining(killedBySigkill());
            assertThat(Files.readAllLines(twice)).hasSize(2);
        }
        assertThat(failureOf(pool().applyAsync(Tasks::logPidThenDie, new AbstractMap.SimpleEntry<>(never.toString(), 1))))
                .isInstanceOf(WorkerDiedException.class);
        assertThat(Files.readAllLines(never)).hasSize(1);
        awaitWorkers(pool(), 2);
    }

    @Test
    void theInitializerRunsOnceInEachWorker() throws Exception {
        try (LocalPool own = newPool(options().initializer(() -> System.setProperty("pool.test.init", "done")))) {
            SerializableFunction<Integer, String> read = x -> System.getProperty("pool.test.init");
            assertThat(own.apply(read, 0)).isEqualTo("done");
        }
    }

    @Test
    void anInitializerFailureIsReported() throws Exception {
        LocalPool own = newPool(options().initializer(() -> {
            throw new IllegalArgumentException("no database");
        }));
        AsyncResult<Integer> r = own.applyAsync(PoolTasks::square, 2);
        assertThat(failureOf(r)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initializer failed").hasMessageContaining("no database")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> own.apply(PoolTasks::square, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the pool is broken");
        own.close();
    }

    @Test
    void maxTasksPerChildRecyclesWorkers() throws Exception {
        try (LocalPool own = newPool(options().processes(1).maxTasksPerChild(2))) {
            Set<Long> pids = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                pids.add(own.apply(Tasks::pid, i));
            }
            assertThat(pids).hasSize(3);
        }
    }

    @Test
    void prefixedOutputNamesTheWorker() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        long pid;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (LocalPool own = newPool(options().processes(1).workerOutput(WorkerOutput.PREFIX))) {
            pid = own.apply(Tasks::sayOnStderr, 0);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("[worker " + pid + "] hello from the worker");
    }

    @Test
    void prefixedOutputArrivesWhileTheTaskStillRuns(@TempDir Path dir) throws Exception {
        java.io.PrintStream err = System.err;
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream capturedErr = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream capturedOut = new java.io.ByteArrayOutputStream();
        Path release = dir.resolve("release");
        System.setErr(new java.io.PrintStream(capturedErr, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setOut(new java.io.PrintStream(capturedOut, true, java.nio.charset.StandardCharsets.UTF_8));
        try (LocalPool own = newPool(options().processes(1).workerOutput(WorkerOutput.PREFIX))) {
            awaitWorkers(own, 1);
            long pid = own.workerPids().get(0);
            AsyncResult<Long> blocked = own.applyAsync(Tasks::printThenWait, release.toString());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(capturedErr.toString(java.nio.charset.StandardCharsets.UTF_8).contains("err before the block")
                    && capturedOut.toString(java.nio.charset.StandardCharsets.UTF_8).contains("out before the block"))
                    && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(blocked.ready()).as("the task still runs").isFalse();
            assertThat(capturedErr.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("[worker " + pid + "] err before the block");
            assertThat(capturedOut.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("[worker " + pid + "] out before the block");
            Files.createFile(release);
            assertThat(blocked.get()).isEqualTo(pid);
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    static void awaitWorkers(LocalPool p, int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (p.readyWorkerPids().size() != count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(p.readyWorkerPids()).hasSize(count);
        assertThat(p.workerPids()).hasSize(count);
    }
}
