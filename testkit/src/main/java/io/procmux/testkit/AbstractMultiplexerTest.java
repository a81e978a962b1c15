package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.HasFileDescriptor;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.mux.PollResult;
import io.procmux.mux.ReadyEvent;
import io.procmux.spi.MultiplexerProvider;
import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviours every {@link Multiplexer} backend must show, subclassed once per backend (the
 * subclass names its provider; availability is assumed in {@code @BeforeAll}). Descriptors come
 * from JDK channels (pipes, Unix and TCP sockets), read through reflection on
 * {@code sun.nio.ch.SelChImpl#getFDVal} (surefire opens {@code java.base/sun.nio.ch}).
 *
 * <p>Asserts outcomes only, never durations: a wait that must end is bounded by a generous
 * liveness guard ({@link #GUARD_SECONDS}) so that a bug hangs no build. Backend differences are
 * read from {@link MuxCapabilities} or from the three hooks below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractMultiplexerTest {
    /** Liveness guard for waits that must end; never a performance claim. */
    protected static final long GUARD_SECONDS = 30;
    private static final Duration SOON = Duration.ofSeconds(GUARD_SECONDS);

    private @Nullable MultiplexerProvider provider;
    private MuxCapabilities caps = new MuxCapabilities(-1, false, false, false, false);
    private final List<Closeable> resources = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mux-test");
        t.setDaemon(true);
        return t;
    });
    /** The multiplexer under test, opened before and closed after each test. */
    protected Multiplexer mux;

    /** The provider of the backend under test. */
    protected abstract MultiplexerProvider provider();

    /** Whether HUP and ERR are reported as such (select reports a hung-up descriptor as IN). */
    protected boolean reportsHangUp() {
        return true;
    }

    /** Whether a descriptor closed while registered is reported once with NVAL (poll, select) rather than dropped silently (epoll). */
    protected boolean reportsNvalForClosedFd() {
        return true;
    }

    /** Whether RDHUP can be watched (not by select). */
    protected boolean supportsRdHup() {
        return true;
    }

    @BeforeAll
    void requireAvailableBackend() {
        MultiplexerProvider p = provider();
        assumeTrue(p.isAvailable(), () -> p.name() + " is unavailable here: " + p.unavailabilityCause().orElseThrow());
        provider = p;
        caps = p.muxCapabilities();
    }

    @BeforeEach
    void openMultiplexer() throws IOException {
        mux = provider().open();
    }

    @AfterEach
    void closeEverything() throws IOException {
        mux.close();
        Collections.reverse(resources);
        for (Closeable c : resources) {
            c.close();
        }
        resources.clear();
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    // ---------------------------------------------------------------- registration errors

    @Test
    void refusesNegativeDescriptorsUnknownBitsAndDoubleRegistration() throws IOException {
        Pipe p = pipe();
        int r = fd(p.source());
        assertThatThrownBy(() -> mux.register(-1, Events.IN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fd -1");
        assertThatThrownBy(() -> mux.register(r, 0x40000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown event bits 0x40000");
        mux.register(r, Events.IN);
        assertThatThrownBy(() -> mux.register(r, Events.OUT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fd " + r + " is already registered");
        assertThatThrownBy(() -> mux.modify(r, 0x40000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown event bits");
        assertThat(mux.size()).isEqualTo(1);
    }

    @Test
    void refusesModifyAndUnregisterOfUnregisteredDescriptors() throws IOException {
        int w = fd(pipe().sink());
        assertThatThrownBy(() -> mux.modify(w, Events.OUT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot modify fd " + w + ": it is not registered");
        assertThatThrownBy(() -> mux.unregister(w)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot unregister fd " + w + ": it is not registered");
        assertThatThrownBy(() -> mux.unregister(-3)).isInstanceOf(IllegalArgumentException.class);
        mux.register(w, Events.OUT);
        mux.unregister(w);
        assertThatThrownBy(() -> mux.unregister(w)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnsupportedFlagsNamingTheBackendThatHasThem() throws IOException {
        int r = fd(pipe().source());
        int[] flags = {Events.EDGE_TRIGGERED, Events.ONE_SHOT, Events.EXCLUSIVE};
        boolean[] supported = {caps.edgeTriggered(), caps.oneShot(), caps.exclusive()};
        for (int i = 0; i < flags.length; i++) {
            int flag = flags[i];
            if (supported[i]) {
                mux.register(r, Events.IN | flag);
                assertThat(mux.isRegistered(r)).isTrue();
                mux.unregister(r);
            } else {
                assertThatThrownBy(() -> mux.register(r, Events.IN | flag))
                        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("epoll")
                        .hasMessageContaining(Events.toString(flag));
                assertThat(mux.isRegistered(r)).isFalse();
            }
        }
        assertThat(mux.size()).isZero();
    }

    @Test
    void keepsAttachmentsAndCountsRegistrations() throws IOException {
        Pipe p = pipe();
        int r = fd(p.source());
        int w = fd(p.sink());
        HasFileDescriptor source = () -> w;
        mux.register(r, Events.IN, "reader");
        mux.register(source, Events.IN);
        assertThat(mux.size()).isEqualTo(2);
        assertThat(mux.attachment(r)).isEqualTo("reader");
        assertThat(mux.attachment(w)).isSameAs(source);
        mux.modify(w, Events.OUT);
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(w, Events.OUT, source));
        mux.unregister(w);
        assertThat(mux.isRegistered(w)).isFalse();
        assertThat(mux.attachment(w)).isNull();
        assertThat(mux.isRegistered(r)).isTrue();
        assertThat(mux.size()).isEqualTo(1);
        assertThat(mux.name()).isEqualTo(provider().name());
    }

    // ---------------------------------------------------------------- readiness

    @Test
    void reportsPipeReadReadinessLevelTriggered() throws IOException {
        Pipe p = pipe();
        int r = fd(p.source());
        mux.register(r, Events.IN, p);
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        write(p.sink(), 3);
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(r, Events.IN, p));
        assertThat(mux.poll(Duration.ZERO).events()).as("still readable").containsExactly(new ReadyEvent(r, Events.IN, p));
        drain(p.source());
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
    }

    @Test
    void reportsPipeWriteReadinessUntilThePipeIsFull() throws IOException {
        Pipe p = pipe();
        int w = fd(p.sink());
        mux.register(w, Events.OUT);
        assertThat(ready(mux.poll(SOON))).containsEntry(w, Events.OUT);
        while (p.sink().write(ByteBuffer.allocate(65536)) > 0) {
            // fill the pipe
        }
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        drain(p.source());
        assertThat(ready(mux.poll(SOON))).containsEntry(w, Events.OUT);
    }

    @Test
    void reportsUnixSocketReadAndWriteReadiness() throws IOException {
        SocketChannel[] pair = unixPair();
        int a = fd(pair[0]);
        int b = fd(pair[1]);
        mux.register(a, Events.IN | Events.OUT, "a");
        mux.register(b, Events.IN, "b");
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(a, Events.OUT, "a"));
        write(pair[0], 5);
        assertThat(ready(mux.poll(SOON))).containsEntry(a, Events.OUT).containsEntry(b, Events.IN);
    }

    @Test
    void reportsTcpAcceptReadAndWriteReadinessOnLoopback() throws IOException {
        ServerSocketChannel server = track(ServerSocketChannel.open());
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
        mux.register(fd(server), Events.IN, "listener");
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        SocketChannel client = track(SocketChannel.open(server.getLocalAddress()));
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(fd(server), Events.IN, "listener"));
        SocketChannel accepted = track(server.accept());
        accepted.configureBlocking(false);
        client.configureBlocking(false);
        mux.unregister(fd(server));
        mux.register(fd(accepted), Events.IN, "accepted");
        mux.register(fd(client), Events.OUT, "client");
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(fd(client), Events.OUT, "client"));
        write(client, 7);
        mux.unregister(fd(client));
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(fd(accepted), Events.IN, "accepted"));
    }

    @Test
    void reportsHangUpWhenThePeerCloses() throws IOException {
        Pipe p = pipe();
        SocketChannel[] pair = unixPair();
        int r = fd(p.source());
        int s = fd(pair[0]);
        mux.register(r, Events.IN);
        mux.register(s, Events.IN);
        p.sink().close();
        pair[1].close();
        Map<Integer, Integer> ready = readyBoth(r, s);
        int expected = reportsHangUp() ? Events.HUP : Events.IN;
        assertThat(ready.get(r) & expected).as("pipe: %s", Events.toString(ready.get(r))).isEqualTo(expected);
        assertThat(ready.get(s) & expected).as("socket: %s", Events.toString(ready.get(s))).isEqualTo(expected);
    }

    @Test
    void reportsReadHangUpWhenTheTcpPeerShutsDownItsOutput() throws IOException {
        SocketChannel[] pair = tcpPair();
        int s = fd(pair[0]);
        if (!supportsRdHup()) {
            assertThatThrownBy(() -> mux.register(s, Events.IN | Events.RDHUP))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("RDHUP");
            return;
        }
        mux.register(s, Events.RDHUP);
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        pair[1].shutdownOutput();
        assertThat(ready(mux.poll(SOON)).get(s) & Events.RDHUP).isEqualTo(Events.RDHUP);
    }

    @Test
    void neverReportsAClosedDescriptorForever() throws IOException {
        Pipe p = pipe();
        int r = fd(p.source());
        mux.register(r, Events.IN, "gone");
        p.source().close();
        if (reportsNvalForClosedFd()) {
            assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(r, Events.NVAL, "gone"));
            assertThat(mux.isRegistered(r)).as("evicted after its NVAL").isFalse();
        } else {
            assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
            mux.unregister(r);
            assertThat(mux.isRegistered(r)).isFalse();
        }
        assertThat(mux.poll(Duration.ZERO).timedOut()).as("no second report, no spin").isTrue();
        assertThat(mux.size()).isZero();
    }

    @Test
    void aDescriptorThatIsNotOpenIsRefusedOrReportedOnce() throws IOException {
        assumeTrue(OpenFds.supported(), "needs /proc/self/fd to find a free descriptor number");
        Set<Integer> open = OpenFds.list();
        int fd = 1000;
        while (open.contains(fd)) {
            fd--;
        }
        int free = fd;
        if (reportsNvalForClosedFd()) {
            mux.register(free, Events.IN, "never open");
            assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(free, Events.NVAL, "never open"));
            assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        } else {
            assertThatThrownBy(() -> mux.register(free, Events.IN)).isInstanceOf(IOException.class)
                    .hasMessageContaining("fd " + free).hasMessageContaining("EBADF");
        }
        assertThat(mux.isRegistered(free)).isFalse();
        assertThat(mux.size()).isZero();
    }

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

    // ---------------------------------------------------------------- scale and limits

    @Test
    void watchesAThousandDescriptors() throws IOException {
        watchMany(1_000);
    }

    @Test
    void watchesTenThousandDescriptorsWhenTheBackendHasNoLimit() throws IOException {
        assumeTrue(caps.maxFd() < 0, provider().name() + " is limited to descriptors up to " + caps.maxFd());
        assumeTrue(OpenFds.supported(), "needs /proc/self to count descriptors");
        long needed = OpenFds.count() + 10_000L + 64;
        long limit = OpenFds.softLimit();
        assumeTrue(limit >= needed, "RLIMIT_NOFILE is " + limit + " but 10,000 descriptors need " + needed
                + "; raise it with ulimit -n");
        watchMany(10_000);
    }

    @Test
    void descriptorsAboveFdSetSizeAreRefusedByBoundedBackendsAndWatchedByOthers() throws IOException {
        Pipe high = null;
        while (high == null || fd(high.source()) < 1024) {
            high = pipe();
        }
        int fd = fd(high.source());
        if (caps.maxFd() >= 0 && fd > caps.maxFd()) {
            int size = mux.size();
            assertThatThrownBy(() -> mux.register(fd, Events.IN)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("fd " + fd).hasMessageContaining("FD_SETSIZE");
            assertThat(mux.isRegistered(fd)).isFalse();
            assertThat(mux.size()).isEqualTo(size);
            assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        } else {
            mux.register(fd, Events.IN, "high");
            write(high.sink(), 1);
            assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(fd, Events.IN, "high"));
        }
    }

    private void watchMany(int wanted) throws IOException {
        List<Pipe> pipes = new ArrayList<>();
        int registered = 0;
        for (int i = 0; i < wanted / 2; i++) {
            Pipe p = pipe();
            pipes.add(p);
            for (SelectableChannel end : new SelectableChannel[] {p.source(), p.sink()}) {
                int fd = fd(end);
                if (caps.maxFd() < 0 || fd <= caps.maxFd()) {
                    mux.register(fd, Events.IN, end);
                    registered++;
                }
            }
        }
        int expected = caps.maxFd() < 0 ? wanted : Math.min(wanted, caps.maxFd() + 1 - 64);
        assertThat(registered).isGreaterThanOrEqualTo(expected);
        assertThat(mux.size()).isEqualTo(registered);
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        Pipe chosen = pipes.get(pipes.size() / 3);
        write(chosen.sink(), 1);
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(fd(chosen.source()), Events.IN, chosen.source()));
        for (Pipe p : pipes) {
            for (SelectableChannel end : new SelectableChannel[] {p.source(), p.sink()}) {
                if (mux.isRegistered(fd(end))) {
                    mux.unregister(fd(end));
                }
            }
        }
        assertThat(mux.size()).isZero();
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
    }

    // ---------------------------------------------------------------- flags (where supported)

    @Test
    void edgeTriggeredReportsEachChangeOnce() throws IOException {
        assumeTrue(caps.edgeTriggered(), provider().name() + " has no edge-triggered mode");
        Pipe p = pipe();
        int r = fd(p.source());
        mux.register(r, Events.IN | Events.EDGE_TRIGGERED);
        write(p.sink(), 1);
        assertThat(ready(mux.poll(SOON))).containsOnlyKeys(r);
        assertThat(mux.poll(Duration.ZERO).timedOut()).as("data still there, no new edge").isTrue();
        write(p.sink(), 1);
        assertThat(ready(mux.poll(SOON))).containsOnlyKeys(r);
    }

    @Test
    void oneShotDisablesTheRegistrationUntilModified() throws IOException {
        assumeTrue(caps.oneShot(), provider().name() + " has no one-shot mode");
        Pipe p = pipe();
        int r = fd(p.source());
        mux.register(r, Events.IN | Events.ONE_SHOT, "once");
        write(p.sink(), 1);
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(r, Events.IN, "once"));
        assertThat(mux.poll(Duration.ZERO).timedOut()).isTrue();
        assertThat(mux.isRegistered(r)).isTrue();
        mux.modify(r, Events.IN | Events.ONE_SHOT);
        assertThat(mux.poll(SOON).events()).containsExactly(new ReadyEvent(r, Events.IN, "once"));
    }

    @Test
    void exclusiveRegistrationsReportReadiness() throws IOException {
        assumeTrue(caps.exclusive(), provider().name() + " has no exclusive mode");
        Pipe p = pipe();
        mux.register(fd(p.source()), Events.IN | Events.EXCLUSIVE);
        write(p.sink(), 1);
        assertThat(ready(mux.poll(SOON))).containsEntry(fd(p.source()), Events.IN);
    }

    // ---------------------------------------------------------------- resources

    @Test
    void leaksNoDescriptorAcrossOpenCloseCycles() throws Exception {
        assumeTrue(OpenFds.supported(), "needs /proc/self/fd");
        Pipe p = pipe();
        cycle(p);
        // A leak shows as +100 in every attempt; the JVM opening a file of its own meanwhile (a jar,
        // say) spoils one attempt at most, so three attempts tell the two apart.
        List<String> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            int before = OpenFds.count();
            for (int i = 0; i < 100; i++) {
                cycle(p);
            }
            int after = OpenFds.count();
            if (after == before) {
                return;
            }
            attempts.add(before + " -> " + after);
        }
        throw new AssertionError("descriptors open before -> after 100 open/close cycles: " + attempts);
    }

    private void cycle(Pipe p) throws IOException {
        try (Multiplexer m = provider().open()) {
            m.register(fd(p.source()), Events.IN);
            m.wakeup();
            m.poll(Duration.ZERO);
        }
    }

    @Test
    void everyDescriptorItOpensIsCloseOnExec() throws IOException {
        assumeTrue(OpenFds.supported(), "needs /proc/self/fd");
        mux.close();
        Set<Integer> before = OpenFds.list();
        mux = provider().open();
        Set<Integer> opened = new HashSet<>(OpenFds.list());
        opened.removeAll(before);
        assertThat(opened).isNotEmpty();
        for (int fd : opened) {
            int flags;
            try {
                flags = OpenFds.flags(fd);
            } catch (java.io.UncheckedIOException gone) {
                continue; // opened and closed meanwhile by another thread of this JVM: not the multiplexer's
            }
            assertThat(flags & 02000000).as("O_CLOEXEC on fd %d", fd).isNotZero();
        }
    }

    @Test
    void theSinkPathAllocatesNothingInSteadyState() throws IOException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threadBean.isThreadAllocatedMemorySupported() && threadBean.isThreadAllocatedMemoryEnabled(),
                "allocation accounting is off");
        Pipe p = pipe();
        mux.register(fd(p.source()), Events.IN, p);
        mux.register(fd(pipe().sink()), Events.OUT);
        write(p.sink(), 1);
        CountingSink sink = new CountingSink();
        for (int i = 0; i < 20_000; i++) {
            mux.poll(0L, sink);
        }
        long id = Thread.currentThread().getId();
        long before = threadBean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20_000; i++) {
            mux.poll(0L, sink);
        }
        long allocated = threadBean.getThreadAllocatedBytes(id) - before;
        assertThat(sink.events).isEqualTo(80_000);
        // Any per-wait allocation (even one 16-byte object) would show as 320,000 bytes; the slack
        // absorbs one-off allocations of the JIT and of the accounting call itself.
        assertThat(allocated).as("bytes allocated by 20,000 waits").isLessThan(1_000);
    }

    // ---------------------------------------------------------------- helpers

    /** Counts events without allocating. */
    private static final class CountingSink implements EventSink {
        int events;
        int wakeups;

        @Override
        public void onEvent(int fd, int ready, @Nullable Object attachment) {
            events++;
        }

        @Override
        public void onWakeup() {
            wakeups++;
        }
    }

    private <T extends Closeable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** A non-blocking pipe, closed after the test. */
    protected Pipe pipe() throws IOException {
        Pipe p = Pipe.open();
        track(p.sink());
        track(p.source());
        p.sink().configureBlocking(false);
        p.source().configureBlocking(false);
        return p;
    }

    /** A connected pair of non-blocking Unix stream sockets, closed after the test. */
    protected SocketChannel[] unixPair() throws IOException {
        Path dir = Files.createTempDirectory("procmux-mux");
        Path path = dir.resolve("s");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            SocketChannel a = track(SocketChannel.open(UnixDomainSocketAddress.of(path)));
            SocketChannel b = track(server.accept());
            a.configureBlocking(false);
            b.configureBlocking(false);
            return new SocketChannel[] {a, b};
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(dir);
        }
    }

    /** A connected pair of non-blocking TCP sockets on loopback, closed after the test. */
    protected SocketChannel[] tcpPair() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel a = track(SocketChannel.open(server.getLocalAddress()));
            SocketChannel b = track(server.accept());
            a.configureBlocking(false);
            b.configureBlocking(false);
            return new SocketChannel[] {a, b};
        }
    }

    /** The raw descriptor behind a JDK channel. */
    protected static int fd(SelectableChannel channel) {
        try {
            Method getFdVal = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            getFdVal.setAccessible(true);
            return (int) getFdVal.invoke(channel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("run with --add-opens java.base/sun.nio.ch=ALL-UNNAMED", e);
        }
    }

    private static Method nativeThread(String name, Class<?>... parameters) throws ReflectiveOperationException {
        Method method = Class.forName("sun.nio.ch.NativeThread").getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    private static void write(WritableByteChannel channel, int bytes) throws IOException {
        assertThat(channel.write(ByteBuffer.allocate(bytes))).isEqualTo(bytes);
    }

    private static void drain(ReadableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (channel.read(buffer) > 0) {
            buffer.clear();
        }
    }

    private static Map<Integer, Integer> ready(PollResult result) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (ReadyEvent e : result.events()) {
            map.merge(e.fd(), e.events(), (a, b) -> a | b);
        }
        return map;
    }

    /** Polls until both descriptors were reported (their readiness may arrive in two waits). */
    private Map<Integer, Integer> readyBoth(int first, int second) throws IOException {
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < 100 && !(seen.containsKey(first) && seen.containsKey(second)); i++) {
            ready(mux.poll(SOON)).forEach((fd, ev) -> seen.merge(fd, ev, (a, b) -> a | b));
        }
        assertThat(seen).containsKeys(first, second);
        return seen;
    }

    /**
     * Runs {@code wait} in another thread and returns once that thread is about to call it, plus a
     * pause so that it is most likely inside the syscall. Every assertion holds either way; the
     * pause only makes the interesting interleaving the usual one.
     */
    private <T> Future<T> started(Callable<T> wait) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<T> future = threads.submit(() -> {
            running.countDown();
            return wait.call();
        });
        assertThat(running.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        pause();
        return future;
    }

    /** Gives another thread time to reach its wait; the outcome asserted never depends on it. */
    private static void pause() throws InterruptedException {
        Thread.sleep(100);
    }
}
