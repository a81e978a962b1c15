package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.EventSink;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.mux.PollResult;
import io.procmux.mux.ReadyEvent;
import io.procmux.spi.MultiplexerProvider;
import java.io.Closeable;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The fixture of the multiplexer conformance suite: the backend under test, its hooks, the
 * multiplexer opened before and closed after each test, and helpers that make descriptors (pipes,
 * Unix and TCP sockets, read through reflection on {@code sun.nio.ch.SelChImpl#getFDVal}; surefire
 * opens {@code java.base/sun.nio.ch}) and close them after the test. The behaviours themselves are
 * in its subclasses, one group per class, ending in {@link AbstractMultiplexerTest}, which a
 * backend subclasses once.
 *
 * <p>Asserts outcomes only, never durations: a wait that must end is bounded by a generous
 * liveness guard ({@link #GUARD_SECONDS}) so that a bug hangs no build. Costs: a cached daemon
 * thread pool for the tests that need a second thread, stopped after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MultiplexerFixture {
    /** Liveness guard for waits that must end; never a performance claim. */
    protected static final long GUARD_SECONDS = 30;
    static final Duration SOON = Duration.ofSeconds(GUARD_SECONDS);

    @Nullable MultiplexerProvider provider;
    MuxCapabilities caps = new MuxCapabilities(-1, false, false, false, false);
    final List<Closeable> resources = new ArrayList<>();
    final ExecutorService threads = Executors.newCachedThreadPool(r -> {
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

    // ---------------------------------------------------------------- helpers

    /** Counts events without allocating. */
    static final class CountingSink implements EventSink {
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

    <T extends Closeable> T track(T resource) {
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

    static Method nativeThread(String name, Class<?>... parameters) throws ReflectiveOperationException {
        Method method = Class.forName("sun.nio.ch.NativeThread").getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    static void write(WritableByteChannel channel, int bytes) throws IOException {
        assertThat(channel.write(ByteBuffer.allocate(bytes))).isEqualTo(bytes);
    }

    static void drain(ReadableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (channel.read(buffer) > 0) {
            buffer.clear();
        }
    }

    static Map<Integer, Integer> ready(PollResult result) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (ReadyEvent e : result.events()) {
            map.merge(e.fd(), e.events(), (a, b) -> a | b);
        }
        return map;
    }

    /** Polls until both descriptors were reported (their readiness may arrive in two waits). */
    Map<Integer, Integer> readyBoth(int first, int second) throws IOException {
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
    <T> Future<T> started(Callable<T> wait) throws InterruptedException {
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
    static void pause() throws InterruptedException {
        Thread.sleep(100);
    }
}
