package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.Events;
import io.procmux.mux.HasFileDescriptor;
import io.procmux.mux.ReadyEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Conformance behaviours, part 1 of 3: registration errors (negative, unknown and doubly
 * registered descriptors, bad bits and flags, attachments) and readiness on pipes, Unix and TCP
 * sockets, hang-ups and closed descriptors. Not subclassed directly: backends extend
 * {@link AbstractMultiplexerTest}, which inherits these.
 */
public abstract class MultiplexerRegistrationBehaviours extends MultiplexerFixture {

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
        // Another thread of this JVM (the JIT, class loading, the test runner) may open a file between
        // the close and the wait and be given the closed number back: the wait then rightly reports
        // that file. Such an attempt proves nothing either way, so it is retried on a fresh pipe.
        for (int attempt = 1; ; attempt++) {
            Pipe p = pipe();
            int r = fd(p.source());
            mux.register(r, Events.IN, "gone");
            p.source().close();
            var first = reportsNvalForClosedFd() ? mux.poll(SOON) : mux.poll(Duration.ZERO);
            if (numberReused(r) && attempt < 5) {
                if (mux.isRegistered(r)) {
                    mux.unregister(r);
                }
                continue;
            }
            if (reportsNvalForClosedFd()) {
                assertThat(first.events()).containsExactly(new ReadyEvent(r, Events.NVAL, "gone"));
                assertThat(mux.isRegistered(r)).as("evicted after its NVAL").isFalse();
            } else {
                assertThat(first.timedOut()).isTrue();
                mux.unregister(r);
                assertThat(mux.isRegistered(r)).isFalse();
            }
            assertThat(mux.poll(Duration.ZERO).timedOut()).as("no second report, no spin").isTrue();
            assertThat(mux.size()).isZero();
            return;
        }
    }

    private static boolean numberReused(int fd) {
        return OpenFds.supported() && OpenFds.list().contains(fd);
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
}
