package io.procmux.testkit;

import static io.procmux.testkit.PoolTestContext.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.SerializableFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Pool conformance, part 2: {@code applyAsync} and {@link AsyncResult}. Exactly one callback runs,
 * on the pool's callback thread, before {@code get} returns; {@code get(timeout)} times out;
 * {@code ready}/{@code successful}/{@code waitFor}; the {@code CompletableFuture} view; a task's
 * exception arrives with the remote stack trace; what cannot be serialized is refused at submit
 * time in the caller's thread, naming its class. Run through {@link AbstractPoolTest}.
 */
public interface PoolAsyncContract extends PoolTestContext {

    @Test
    default void callbacksRunOnThePoolsThreadBeforeGetReturns() throws Exception {
        Pool pool = pool();
        String thread = callbackThreadName(pool);
        List<String> seen = new CopyOnWriteArrayList<>();
        AsyncResult<Integer> ok = pool.applyAsync(PoolTasks::square, 3,
                r -> seen.add("ok " + r + " " + Thread.currentThread().getName()), e -> seen.add("error"));
        assertThat(ok.get()).isEqualTo(9);
        assertThat(seen).containsExactly("ok 9 " + thread);
        AsyncResult<Integer> bad = pool.applyAsync(PoolTasks::fail, 4, r -> seen.add("wrong"),
                e -> seen.add("error " + e.getMessage() + " " + Thread.currentThread().getName()));
        bad.waitFor();
        assertThat(bad.ready()).isTrue();
        assertThat(bad.successful()).isFalse();
        assertThat(ok.successful()).isTrue();
        assertThat(seen).containsExactly("ok 9 " + thread, "error task failed on 4 " + thread);
    }

    @Test
    default void aThrowingCallbackDoesNotLoseTheResult() throws Exception {
        AsyncResult<Integer> r = pool().applyAsync(PoolTasks::square, 5, x -> {
            throw new IllegalStateException("callback bug");
        }, null);
        assertThat(r.get(Duration.ofSeconds(30))).isEqualTo(25);
    }

    @Test
    default void getWithTimeoutTimesOutAndTheFutureViewCompletes() throws Exception {
        AsyncResult<Integer> slow = pool().applyAsync(PoolTasks::sleepThenEcho, 400);
        assertThatThrownBy(() -> slow.get(Duration.ofMillis(20))).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("PT0.02S");
        assertThatThrownBy(slow::successful).isInstanceOf(IllegalStateException.class);
        assertThat(slow.waitFor(Duration.ofMillis(1))).isFalse();
        assertThat(slow.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(400);
        assertThat(slow.get(Duration.ofSeconds(1))).isEqualTo(400);
        assertThat(slow.waitFor(Duration.ZERO)).isTrue();
    }

    @Test
    default void aTaskExceptionArrivesWithTheRemoteStackTrace() throws Exception {
        assertThatThrownBy(() -> pool().apply(PoolTasks::fail, 5)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("task failed on 5")
                .satisfies(e -> assertThat(e.getStackTrace()).anySatisfy(f -> {
                    assertThat(f.getClassName()).isEqualTo(PoolTasks.class.getName());
                    assertThat(f.getMethodName()).isEqualTo("fail");
                }));
        assertThat(failureOf(pool().applyAsync(PoolTasks::fail, 6))).hasMessage("task failed on 6");
        assertThat(pool().apply(PoolTasks::square, 2)).isEqualTo(4);
    }

    @Test
    default void unserializableTasksAndArgumentsAreRefusedInTheCallersThreadNamingTheClass() {
        Opaque opaque = new Opaque();
        SerializableFunction<Integer, Integer> capturing = x -> x + opaque.hashCode();
        assertThatThrownBy(() -> pool().applyAsync(capturing, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task function").hasMessageContaining(Opaque.class.getName());
        assertThatThrownBy(() -> pool().applyAsync(PoolTasks::identity, new Opaque())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argument").hasMessageContaining(Opaque.class.getName());
        assertThatThrownBy(() -> pool().map(PoolTasks::identity, List.of(1, new Opaque())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Opaque.class.getName());
        assertThatThrownBy(() -> pool().imap(PoolTasks::identity, List.of(new Opaque()), 1).next())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Opaque.class.getName());
    }

    /** Not serializable. */
    final class Opaque {
    }
}
