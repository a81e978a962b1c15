package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.MuxCapabilities;
import io.procmux.mux.PollResult;
import io.procmux.mux.ReadyEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every {@link Multiplexer} backend must show, subclassed once per backend (the
 * subclass names its provider; availability is assumed in {@code @BeforeAll}). Descriptors come
 * from JDK channels (pipes, Unix and TCP sockets), read through reflection on
 * {@code sun.nio.ch.SelChImpl#getFDVal} (surefire opens {@code java.base/sun.nio.ch}).
 *
 * <p>Asserts outcomes only, never durations: a wait that must end is bounded by a generous
 * liveness guard ({@link #GUARD_SECONDS}) so that a bug hangs no build. Backend differences are
 * read from {@link MuxCapabilities} or from the three hooks of {@link MultiplexerFixture}.
 *
 * <p>The behaviours are split by group along a chain of classes: {@link MultiplexerRegistrationBehaviours},
 * {@link MultiplexerWaitBehaviours}, then this class (scale and limits, flags, resources).
 */
public abstract class AbstractMultiplexerTest extends MultiplexerWaitBehaviours {

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

    @Test
    void registrationChurnKeepsTheReportedSetExact() throws IOException {
        int count = caps.maxFd() < 0 ? 400 : 150;
        List<Pipe> pipes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Pipe p = pipe();
            pipes.add(p);
            mux.register(fd(p.source()), Events.IN, i);
            if (i % 2 == 0) {
                write(p.sink(), 1);
            }
        }
        Map<Integer, Integer> expected = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int fd = fd(pipes.get(i).source());
            if (i % 3 == 0) {
                mux.unregister(fd);
            }
            if (i % 9 == 0) {
                mux.register(fd, Events.IN, i);
            }
            if (i % 7 == 0 && mux.isRegistered(fd)) {
                mux.modify(fd, Events.IN | Events.PRI);
            }
            if (mux.isRegistered(fd) && i % 2 == 0) {
                expected.put(fd, i);
            }
        }
        assertThat(attachments(mux.poll(Duration.ZERO))).isEqualTo(expected);
        for (int i = 0; i < count; i += 4) {
            int fd = fd(pipes.get(i).source());
            if (mux.isRegistered(fd)) {
                mux.unregister(fd);
                expected.remove(fd);
            }
        }
        assertThat(attachments(mux.poll(Duration.ZERO))).isEqualTo(expected);
    }

    /** The fd-to-attachment map of one wait's events, each of which must be exactly IN. */
    private static Map<Integer, Object> attachments(PollResult result) {
        Map<Integer, Object> map = new HashMap<>();
        for (ReadyEvent e : result.events()) {
            assertThat(e.events()).as("events of fd %d", e.fd()).isEqualTo(Events.IN);
            assertThat(map.put(e.fd(), e.attachment())).as("fd %d reported twice", e.fd()).isNull();
        }
        return map;
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
}
