package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.SerializableFunction;
import io.procmux.pool.WorkerDiedException;
import io.procmux.pool.WorkerOutput;
import io.procmux.spawn.Spawner;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The pool's Python surface, behaviour by behaviour; subclassed once per spawner. One shared
 * two-worker pool serves the tests that leave it healthy; the others build their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class AbstractLocalPoolTest {
    private Spawner spawner;
    private LocalPool pool;

    /** The spawner under test. */
    abstract Spawner newSpawner();

    /** How this spawner reports a SIGKILLed worker. */
    abstract String killedBySigkill();

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
        long pid = pool.apply(Tasks::pid, 0);
        assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(pool.workerPids()).contains(pid);
        assertThat(pool.processes()).isEqualTo(2);
    }

    @Test
    void mapKeepsOrderWithDefaultAndExplicitChunks() throws Exception {
        List<Integer> in = IntStream.range(0, 1000).boxed().toList();
        List<Integer> squares = in.stream().map(x -> x * x).toList();
        assertThat(pool.map(Tasks::square, in)).isEqualTo(squares);
        assertThat(pool.map(Tasks::square, in, 7)).isEqualTo(squares);
        assertThat(pool.map(Tasks::square, List.of())).isEmpty();
        assertThat(pool.mapAsync(Tasks::square, in).get()).isEqualTo(squares);
        assertThatThrownBy(() -> pool.map(Tasks::square, in, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunksize must be 1 or more, not 0");
    }

    @Test
    void starmapAppliesPairsInOrder() throws Exception {
        List<Map.Entry<Integer, String>> pairs = List.of(Map.entry(3, "a"), new AbstractMap.SimpleEntry<>(2, "b"));
        assertThat(pool.starmap((Integer n, String s) -> s.repeat(n), pairs)).containsExactly("aaa", "bb");
    }

    @Test
    void imapYieldsInOrderAndImapUnorderedAsTheyComplete() throws Exception {
        settledSnapshot();
        List<Integer> delays = List.of(600, 0, 0, 0);
        List<Integer> ordered = new ArrayList<>();
        pool.imap(Tasks::sleepThenEcho, delays, 1).forEachRemaining(ordered::add);
        assertThat(ordered).containsExactly(600, 0, 0, 0);
        List<Integer> unordered = new ArrayList<>();
        pool.imapUnordered(Tasks::sleepThenEcho, delays, 1).forEachRemaining(unordered::add);
        assertThat(unordered).containsExactlyInAnyOrder(600, 0, 0, 0);
        assertThat(unordered.get(0)).isEqualTo(0);
        assertThat(unordered.get(3)).isEqualTo(600);
    }

    @Test
    void imapPullsItemsLazilyWithBoundedInFlight() {
        AtomicInteger pulled = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return pulled.incrementAndGet();
            }
        };
        Iterator<Integer> results = pool.imap(Tasks::square, () -> endless, 5);
        for (int i = 1; i <= 100; i++) {
            assertThat(results.next()).isEqualTo(i * i);
        }
        int window = 2 * pool.processes() * PoolEngine.DEPTH * 5;
        assertThat(pulled.get()).isLessThanOrEqualTo(100 + window + 5);
    }

    @Test
    void imapRaisesATaskFailureAtItsPosition() {
        Iterator<Integer> results = pool.imap(x -> x == 3 ? Tasks.fail(x) : x, List.of(1, 2, 3, 4), 1);
        assertThat(results.next()).isEqualTo(1);
        assertThat(results.next()).isEqualTo(2);
        assertThatThrownBy(results::next).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("task failed on 3");
    }

    @Test
    void callbacksRunOnThePoolsResultThreadBeforeGetReturns() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AsyncResult<Integer> ok = pool.applyAsync(Tasks::square, 3,
                r -> seen.add("ok " + r + " " + Thread.currentThread().getName()), e -> seen.add("error"));
        assertThat(ok.get()).isEqualTo(9);
        assertThat(seen).containsExactly("ok 9 " + pool.ioThreadName());
        AsyncResult<Integer> bad = pool.applyAsync(Tasks::fail, 4, r -> seen.add("wrong"),
                e -> seen.add("error " + e.getMessage() + " " + Thread.currentThread().getName()));
        bad.waitFor();
        assertThat(bad.ready()).isTrue();
        assertThat(bad.successful()).isFalse();
        assertThat(ok.successful()).isTrue();
        assertThat(seen).containsExactly("ok 9 " + pool.ioThreadName(), "error task failed on 4 " + pool.ioThreadName());
    }

    @Test
    void getWithTimeoutTimesOutAndTheFutureViewCompletes() throws Exception {
        AsyncResult<Integer> slow = pool.applyAsync(Tasks::sleepThenEcho, 400);
        assertThatThrownBy(() -> slow.get(Duration.ofMillis(20))).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("PT0.02S");
        assertThatThrownBy(slow::successful).isInstanceOf(IllegalStateException.class);
        assertThat(slow.waitFor(Duration.ofMillis(1))).isFalse();
        assertThat(slow.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(400);
        assertThat(slow.get(Duration.ofSeconds(1))).isEqualTo(400);
    }

    @Test
    void aRemoteExceptionArrivesWithItsStackTraceAndTheWorkerLivesOn() throws Exception {
        List<Long> before = pool.workerPids();
        assertThatThrownBy(() -> pool.apply(Tasks::fail, 5)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("task failed on 5")
                .satisfies(e -> assertThat(e.getStackTrace()).anySatisfy(f -> {
                    assertThat(f.getClassName()).isEqualTo(Tasks.class.getName());
                    assertThat(f.getMethodName()).isEqualTo("fail");
                }));
        assertThat(pool.apply(Tasks::square, 2)).isEqualTo(4);
        assertThat(pool.workerPids()).isEqualTo(before);
    }

    @Test
    void unserializableTasksAndArgumentsAreRefusedInTheCallersThreadNamingTheClass() {
        Opaque opaque = new Opaque();
        SerializableFunction<Integer, Integer> capturing = x -> x + opaque.hashCode();
        assertThatThrownBy(() -> pool.applyAsync(capturing, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task function").hasMessageContaining(Opaque.class.getName());
        assertThatThrownBy(() -> pool.applyAsync(Tasks::identity, new Opaque())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argument").hasMessageContaining(Opaque.class.getName());
        assertThatThrownBy(() -> pool.map(Tasks::identity, List.of(1, new Opaque()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Opaque.class.getName());
    }

    @Test
    void aWorkerThatExitsMidTaskFailsOnlyThatTaskAndIsReplaced() throws Exception {
        List<Long> before = pool.workerPids();
        AsyncResult<Integer> dying = pool.applyAsync(Tasks::exitWorker, 3);
        List<AsyncResult<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(pool.applyAsync(Tasks::square, i));
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
                ((WorkerDiedException) catchCause(dying)).workerPid()));
    }

    @Test
    void aWorkerKilledMidTaskReportsTheSignal() throws Exception {
        AsyncResult<Integer> dying = pool.applyAsync(Tasks::killSelf, 1);
        assertThat(catchCause(dying)).isInstanceOf(WorkerDiedException.class)
                .hasMessageContaining(killedBySigkill()).hasMessageContaining("killing myself over 1");
        assertThat(pool.apply(Tasks::square, 3)).isEqualTo(9);
        awaitWorkers(pool, 2);
    }

    /** A leak snapshot taken while the shared pool is settled: both workers connected and idle. */
    Leaks settledSnapshot() throws Exception {
        awaitWorkers(pool, 2);
        assertThat(new HashSet<>(pool.map(Tasks::sleepThenPid, List.of(100, 100), 1))).hasSize(2);
        return Leaks.snapshot();
    }

    @Test
    void closeFinishesTheWorkThenRefusesSubmissionsAndLeavesNothing() throws Exception {
        Leaks leaks = settledSnapshot();
        LocalPool own = newPool(options());
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(own.applyAsync(Tasks::sleepThenEcho, 100 + i));
        }
        List<Long> pids = own.workerPids();
        own.close();
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).get(Duration.ZERO)).isEqualTo(100 + i);
        }
        assertThatThrownBy(() -> own.applyAsync(Tasks::square, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shutdown() or close() was called");
        leaks.assertNoneLeft(pids);
    }

    @Test
    void terminateStopsWorkDuringTasksAndFailsWhatWasPending() throws Exception {
        Leaks leaks = settledSnapshot();
        LocalPool own = newPool(options());
        assertThatThrownBy(own::join).isInstanceOf(IllegalStateException.class);
        own.apply(Tasks::square, 1);
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(own.applyAsync(Tasks::sleepThenEcho, 20_000));
        }
        List<Long> pids = own.workerPids();
        Thread.sleep(200);
        own.terminate();
        assertThat(own.join(Duration.ofSeconds(10))).isTrue();
        for (AsyncResult<Integer> r : results) {
            assertThat(catchCause(r)).hasMessageContaining("terminated");
        }
        leaks.assertNoneLeft(pids);
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
        AsyncResult<Integer> r = own.applyAsync(Tasks::square, 2);
        assertThat(catchCause(r)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initializer failed").hasMessageContaining("no database")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> own.apply(Tasks::square, 2)).isInstanceOf(IllegalStateException.class)
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

    static Throwable catchCause(AsyncResult<?> r) throws InterruptedException {
        try {
            r.get(Duration.ofSeconds(30));
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 30 s", e);
        }
        throw new AssertionError("the task succeeded");
    }

    static void awaitWorkers(LocalPool p, int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (p.readyWorkerPids().size() != count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(p.readyWorkerPids()).hasSize(count);
        assertThat(p.workerPids()).hasSize(count);
    }

    /** Not serializable. */
    static final class Opaque {
    }
}
