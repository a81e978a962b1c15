package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.mux.Events;
import io.procmux.mux.PollResult;
import io.procmux.mux.ReadyEvent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Conformance behaviours, part 2 of 3: the timeout rule (zero, sub-millisecond, negative, null
 * and huge timeouts; EINTR during a signal storm) and the thread contract (wake-ups that coalesce,
 * registration changes from another thread, a second poller refused, close during a wait). Not
 * subclassed directly: backends extend {@link AbstractMultiplexerTest}.
 */
public abstract class MultiplexerWaitBehaviours extends MultiplexerRegistrationBehaviours {

    // ---------------------------------------------------------------- timeouts

    @Test
    void waitsOnNothingRegistered() throws IOException {
        assertThat(mux.size()).isZero();
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        assertThat(mux.poll(Duration.ofMillis(1)).timedOut()).isTrue();
        mux.wakeup();
        assertThat(mux.poll(SOON).wokenUp()).isTrue();
    }

    @Test
    void zeroOneMillisecondAndSubMillisecondTimeoutsReturnTimedOut() throws IOException {
        mux.register(fd(pipe().source()), Events.IN);
        CountingSink sink = new CountingSink();
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        assertThat(mux.poll(0L, sink)).isZero();
        assertThat(mux.poll(Duration.ofMillis(1)).timedOut()).isTrue();
        assertThat(mux.poll(Duration.ofNanos(1)).timedOut()).isTrue();
        assertThat(mux.poll(Duration.ofNanos(999_999)).timedOut()).isTrue();
        assertThat(mux.poll(1L, sink)).isZero();
        assertThat(mux.poll(1_500_000L, sink)).isZero();
        assertThat(sink.events + sink.wakeups).isZero();
    }

    @Test
    void negativeNullAndHugeTimeoutsBlockUntilWokenUp() throws Exception {
        for (Duration timeout : new Duration[] {Duration.ofMillis(-1), null, Duration.ofDays(36_500_000),
            Duration.ofSeconds(Long.MAX_VALUE), Duration.ofMillis(1L << 32 | 1)}) {
            Future<PollResult> waiting = started(() -> mux.poll(timeout));
            assertThat(waiting.isDone()).as("%s must block", timeout).isFalse();
            mux.wakeup();
            PollResult result = waiting.get(GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(result.wokenUp()).as("%s", timeout).isTrue();
            assertThat(result.events()).isEmpty();
        }
        for (long nanos : new long[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            CountingSink sink = new CountingSink();
            Future<Integer> waiting = started(() -> mux.poll(nanos, sink));
            assertThat(waiting.isDone()).isFalse();
            mux.wakeup();
            assertThat(waiting.get(GUARD_SECONDS, TimeUnit.SECONDS)).isZero();
            assertThat(sink.wakeups).isEqualTo(1);
        }
    }

    @Test
    void resumesWaitingThroughASignalStorm() throws Exception {
        Method current = nativeThread("current");
        Method signal = nativeThread("signal", long.class);
        long[] self = new long[1];
        Pipe p = pipe();
        mux.register(fd(p.source()), Events.IN, "late data");
        AtomicBoolean started = new AtomicBoolean();
        Future<PollResult> waiting = threads.submit(() -> {
            self[0] = (long) current.invoke(null);
            started.set(true);
            return mux.poll((Duration) null);
        });
        while (!started.get()) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < 2_000; i++) {
            signal.invoke(null, self[0]);
            if (i % 100 == 0) {
                Thread.sleep(1);
            }
        }
        assertThat(waiting.isDone()).as("EINTR must not end a blocking wait").isFalse();
        write(p.sink(), 1);
        assertThat(waiting.get(GUARD_SECONDS, TimeUnit.SECONDS).events())
                .containsExactly(new ReadyEvent(fd(p.source()), Events.IN, "late data"));
    }

    // ---------------------------------------------------------------- wake-ups and threads

    @Test
    void wakeupFromAnotherThreadIsDistinctFromATimeout() throws Exception {
        CountingSink sink = new CountingSink();
        Future<Integer> waiting = started(() -> mux.poll(-1L, sink));
        mux.wakeup();
        assertThat(waiting.get(GUARD_SECONDS, TimeUnit.SECONDS)).isZero();
        assertThat(sink.wakeups).isEqualTo(1);
        PollResult timedOut = mux.poll(Duration.ofMillis(1));
        assertThat(timedOut.timedOut()).isTrue();
        assertThat(timedOut.wokenUp()).isFalse();
    }

    @Test
    void aWakeupBeforeTheWaitIsConsumedByExactlyOneWait() throws IOException {
        Pipe p = pipe();
        mux.register(fd(p.source()), Events.IN);
        write(p.sink(), 1);
        mux.wakeup();
        PollResult both = mux.poll(SOON);
        assertThat(both.wokenUp()).isTrue();
        assertThat(both.events()).extracting(ReadyEvent::fd).containsExactly(fd(p.source()));
        drain(p.source());
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
    }

    @Test
    void aMillionWakeupsFromFourThreadsCoalesceWithoutBlocking() throws Exception {
        List<Future<?>> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            callers.add(threads.submit(() -> {
                for (int i = 0; i < 250_000; i++) {
                    mux.wakeup();
                }
            }));
        }
        for (Future<?> caller : callers) {
            caller.get(GUARD_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(mux.poll(SOON).wokenUp()).isTrue();
        assertThat(mux.poll(Duration.ZERO).timedOut()).as("coalesced into one").isTrue();
    }

    @Test
    void registrationChangesFromAnotherThreadReachTheCurrentWait() throws Exception {
        Pipe readable = pipe();
        write(readable.sink(), 1);
        Future<PollResult> waiting = started(() -> mux.poll(SOON));
        mux.register(fd(readable.source()), Events.IN, "registered while waiting");
        PollResult result = waiting.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(result.events()).containsExactly(new ReadyEvent(fd(readable.source()), Events.IN, "registered while waiting"));
        assertThat(result.wokenUp()).isFalse();

        int w = fd(pipe().sink());
        mux.unregister(fd(readable.source()));
        mux.register(w, Events.IN, "writer");
        waiting = started(() -> mux.poll(SOON));
        mux.modify(w, Events.OUT);
        assertThat(waiting.get(GUARD_SECONDS, TimeUnit.SECONDS).events()).containsExactly(new ReadyEvent(w, Events.OUT, "writer"));

        Pipe quiet = pipe();
        mux.unregister(w);
        mux.register(fd(quiet.source()), Events.IN);
        waiting = started(() -> mux.poll(SOON));
        mux.unregister(fd(quiet.source()));
        write(quiet.sink(), 1);
        pause();
        mux.wakeup();
        PollResult afterUnregister = waiting.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(afterUnregister.events()).isEmpty();
        assertThat(afterUnregister.wokenUp()).isTrue();
    }

    @Test
    void refusesASecondConcurrentPoller() throws Exception {
        Future<PollResult> waiting = threads.submit(() -> {
            while (true) {
                try {
                    return mux.poll((Duration) null);
                } catch (IllegalStateException lostTheRace) {
                    Thread.onSpinWait();
                }
            }
        });
        IllegalStateException refused = null;
        for (int attempt = 0; attempt < 200 && refused == null; attempt++) {
            pause();
            try {
                mux.poll(Duration.ZERO);
            } catch (IllegalStateException e) {
                refused = e;
            }
        }
        assertThat(refused).as("a second poller is refused while one waits").isNotNull()
                .hasMessageContaining("already polling");
        mux.wakeup();
        assertThat(waiting.get(GUARD_SECONDS, TimeUnit.SECONDS).wokenUp()).isTrue();
    }

    @Test
    void closeEndsAWaitInAnotherThreadAndLaterUseIsRefused() throws Exception {
        int r = fd(pipe().source());
        mux.register(r, Events.IN);
        Future<PollResult> waiting = started(() -> mux.poll((Duration) null));
        mux.close();
        try {
            assertThat(waiting.get(GUARD_SECONDS, TimeUnit.SECONDS).events()).isEmpty();
        } catch (ExecutionException lateStart) {
            // The waiter was descheduled until after close: refusing it is the other correct outcome.
            assertThat(lateStart.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
        mux.close();
        mux.wakeup();
        assertThatThrownBy(() -> mux.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> mux.register(fd(pipe().source()), Events.IN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> mux.unregister(r)).isInstanceOf(IllegalStateException.class);
    }
}
