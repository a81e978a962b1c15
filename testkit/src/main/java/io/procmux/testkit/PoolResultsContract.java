package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.Pool;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Pool conformance, part 1: results. {@code apply}, {@code map} in order with Python's default
 * chunking and with explicit chunks, {@code mapAsync}, {@code starmap}, {@code imap} in order,
 * {@code imapUnordered} as results complete, imap's lazy pull with a bounded window, and a failed
 * chunk raised at its position. Run through {@link AbstractPoolTest}; cost: a few thousand tiny tasks.
 */
public interface PoolResultsContract extends PoolTestContext {

    @Test
    default void applyReturnsTheResult() throws Exception {
        assertThat(pool().apply(PoolTasks::square, 7)).isEqualTo(49);
        assertThat(pool().apply(PoolTasks::identity, "text")).isEqualTo("text");
        assertThat(pool().processes()).isEqualTo(2);
    }

    @Test
    default void mapKeepsOrderWithDefaultAndExplicitChunks() throws Exception {
        List<Integer> in = IntStream.range(0, 1000).boxed().toList();
        List<Integer> squares = in.stream().map(x -> x * x).toList();
        assertThat(pool().map(PoolTasks::square, in)).isEqualTo(squares);
        assertThat(pool().map(PoolTasks::square, in, 7)).isEqualTo(squares);
        assertThat(pool().map(PoolTasks::square, List.of())).isEmpty();
        assertThat(pool().mapAsync(PoolTasks::square, in).get()).isEqualTo(squares);
        assertThat(pool().map(PoolTasks::identity, java.util.Arrays.asList("a", null, "c"))).containsExactly("a", null, "c");
        assertThatThrownBy(() -> pool().map(PoolTasks::square, in, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunksize must be 1 or more, not 0");
    }

    @Test
    default void mapFailsWithTheFirstFailedChunk() {
        assertThatThrownBy(() -> pool().map(x -> x == 500 ? PoolTasks.fail(x) : x, IntStream.range(0, 1000).boxed().toList()))
                .isInstanceOf(java.util.concurrent.ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("task failed on 500");
    }

    @Test
    default void starmapAppliesPairsInOrder() throws Exception {
        List<Map.Entry<Integer, String>> pairs = List.of(Map.entry(3, "a"), new AbstractMap.SimpleEntry<>(2, "b"));
        assertThat(pool().starmap((Integer n, String s) -> s.repeat(n), pairs)).containsExactly("aaa", "bb");
    }

    @Test
    default void imapYieldsInOrderAndImapUnorderedAsTheyComplete() throws Exception {
        List<Integer> delays = List.of(600, 0, 0, 0);
        List<Integer> ordered = new ArrayList<>();
        pool().imap(PoolTasks::sleepThenEcho, delays, 1).forEachRemaining(ordered::add);
        assertThat(ordered).containsExactly(600, 0, 0, 0);
        List<Integer> unordered = new ArrayList<>();
        pool().imapUnordered(PoolTasks::sleepThenEcho, delays, 1).forEachRemaining(unordered::add);
        assertThat(unordered).containsExactlyInAnyOrder(600, 0, 0, 0);
        assertThat(unordered.get(0)).isEqualTo(0);
        assertThat(unordered.get(3)).isEqualTo(600);
    }

    @Test
    default void imapPullsItemsLazilyWithBoundedInFlight() {
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
        Pool pool = pool();
        Iterator<Integer> results = pool.imap(PoolTasks::square, () -> endless, 5);
        for (int i = 1; i <= 100; i++) {
            assertThat(results.next()).isEqualTo(i * i);
        }
        assertThat(pulled.get()).isLessThanOrEqualTo(100 + imapWindow(pool) * 5 + 5);
    }

    @Test
    default void imapRaisesATaskFailureAtItsPosition() {
        Iterator<Integer> results = pool().imap(x -> x == 3 ? PoolTasks.fail(x) : x, List.of(1, 2, 3, 4), 1);
        assertThat(results.next()).isEqualTo(1);
        assertThat(results.next()).isEqualTo(2);
        assertThatThrownBy(results::next).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("task failed on 3");
    }
}
