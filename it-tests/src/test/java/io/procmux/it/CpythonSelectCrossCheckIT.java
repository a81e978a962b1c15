package io.procmux.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.mux.Events;
import io.procmux.mux.FileDescriptors;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.ReadyEvent;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays one register/modify/unregister/poll trace in procmux and in CPython's {@code select}
 * module on the same kernel objects: two pipes and a Unix socket pair made here, handed to a
 * python3 child at fds 3..8 by the posix spawner. Both sides poll (timeout 0) after every step
 * and must report the same (descriptor, events) sets, named by object rather than by number.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CpythonSelectCrossCheckIT {
    private static final int IN = Events.IN;
    private static final int OUT = Events.OUT;
    private static final int HUP = Events.HUP;
    private static final int ERR = Events.ERR;
    private static final int RDHUP = Events.RDHUP;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        assumeTrue(PythonSelectPeer.available(), "python3 is not on the PATH: the CPython select cross-check is skipped");
    }

    @Test
    @Tag("linux")
    @EnabledOnOs(OS.LINUX)
    void epollAgreesWithSelectEpoll() throws Exception {
        replay("epoll", "epoll");
    }

    @Test
    void pollAgreesWithSelectPoll() throws Exception {
        replay("poll", "poll");
    }

    @Test
    void selectAgreesWithSelectSelect() throws Exception {
        replay("select", "select");
    }

    private void replay(String backend, String pythonKind) throws Exception {
        boolean select = backend.equals("select");
        Pipe pipe1 = Pipe.open();
        Pipe pipe2 = Pipe.open();
        SocketChannel[] pair = socketPair();
        Map<String, Channel> channels = new LinkedHashMap<>();
        channels.put("r1", pipe1.source());
        channels.put("w1", pipe1.sink());
        channels.put("r2", pipe2.source());
        channels.put("w2", pipe2.sink());
        channels.put("sa", pair[0]);
        channels.put("sb", pair[1]);
        try (Spawner spawner = Backends.select(BackendKind.SPAWNER, "posix").create();
             Multiplexer mux = Backends.select(BackendKind.MUX, backend).open();
             Trace t = new Trace(spawner, mux, pythonKind, channels)) {
            t.register("r1", IN);
            t.register("w1", OUT);
            t.register("sa", IN | OUT);
            t.register("sb", IN);
            assertThat(t.check()).containsEntry("w1", OUT).containsEntry("sa", OUT).doesNotContainKeys("r1", "sb");

            write(pipe1.sink(), "x");
            assertThat(t.check()).containsEntry("r1", IN);
            write(pair[1], "yy");
            assertThat(t.check()).containsEntry("sa", IN | OUT);
            t.modify("sa", IN);
            assertThat(t.check()).containsEntry("sa", IN);
            read(pipe1.source(), 1);
            assertThat(t.check()).doesNotContainKey("r1");
            t.register("r2", IN);
            t.unregister("w1");
            assertThat(t.check()).doesNotContainKeys("r2", "w1");

            t.closeBoth("w2");   // the last writer of pipe 2 is gone: hang-up (select: readable)
            assertThat(t.check()).containsEntry("r2", select ? IN : HUP);
            if (!select) {
                t.modify("sa", IN | RDHUP);
            }
            pair[1].shutdownOutput();
            assertThat(t.check()).containsEntry("sa", select ? IN : IN | RDHUP);
            read(pair[0], 2);
            assertThat(t.check()).containsEntry("sa", select ? IN : IN | RDHUP);
            t.unregister("sb");
            t.closeBoth("sb");   // the peer is gone: hang-up
            assertThat(t.check()).containsEntry("sa", select ? IN : IN | HUP | RDHUP);
            t.unregister("sa");
            t.unregister("r2");
            t.closeBoth("sa");
            t.closeBoth("r2");
            assertThat(t.check()).isEmpty();

            t.register("w1", OUT);
            t.unregister("r1");
            t.closeBoth("r1");   // no reader left: writing fails (select: writable)
            assertThat(t.check()).containsEntry("w1", select ? OUT : OUT | ERR);
            if (backend.equals("poll")) {
                t.closeBoth("w1");   // closed while registered: POLLNVAL on both sides
                assertThat(t.check()).containsEntry("w1", Events.NVAL);
                // procmux reports NVAL once and evicts; CPython's poll keeps it until unregistered.
                assertThat(mux.isRegistered(t.ours.get("w1").intValue())).isFalse();
                t.python.send("unregister " + t.theirs.get("w1"));
                assertThat(t.check()).isEmpty();
            }
        } finally {
            for (Channel channel : channels.values()) {
                channel.close();
            }
        }
    }

    private SocketChannel[] socketPair() throws IOException {
        Path path = dir.resolve("pair.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            SocketChannel a = SocketChannel.open(server.getLocalAddress());
            return new SocketChannel[] {a, server.accept()};
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private static void write(WritableByteChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes());
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void read(ReadableByteChannel channel, int count) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(count);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes) < 0) {
                throw new IOException("EOF");
            }
        }
    }

    /** Both sides of the replay: our multiplexer on our numbers, python3 on fds 3, 4, ... */
    private static final class Trace implements AutoCloseable {
        private final Multiplexer mux;
        private final Map<String, Channel> channels;
        private final Map<String, Integer> ours = new LinkedHashMap<>();
        private final Map<String, Integer> theirs = new LinkedHashMap<>();
        private final PythonSelectPeer python;

        Trace(Spawner spawner, Multiplexer mux, String pythonKind, Map<String, Channel> channels) throws IOException {
            this.mux = mux;
            this.channels = channels;
            Map<Integer, Integer> inherited = new TreeMap<>();
            int childFd = 3;
            for (Map.Entry<String, Channel> e : channels.entrySet()) {
                int fd = FileDescriptors.fdOf(e.getValue());
                ours.put(e.getKey(), fd);
                theirs.put(e.getKey(), childFd);
                inherited.put(childFd, fd);
                childFd++;
            }
            python = new PythonSelectPeer(spawner, pythonKind, inherited);
        }

        void register(String name, int events) throws IOException {
            mux.register(ours.get(name).intValue(), events, name);
            python.send("register " + theirs.get(name) + " " + events);
        }

        void modify(String name, int events) throws IOException {
            mux.modify(ours.get(name).intValue(), events);
            python.send("modify " + theirs.get(name) + " " + events);
        }

        void unregister(String name) throws IOException {
            mux.unregister(ours.get(name).intValue());
            python.send("unregister " + theirs.get(name));
        }

        /** Closes the object's descriptor here and in python3 (registrations stay as they are). */
        void closeBoth(String name) throws IOException {
            channels.get(name).close();
            python.send("close " + theirs.get(name));
        }

        /** Polls both sides with timeout 0, asserts they agree, and returns the ready set by name. */
        Map<String, Integer> check() throws IOException {
            // python3 first: its answer proves it has applied every command sent before (closes included).
            Map<String, Integer> cpython = new TreeMap<>();
            python.poll().forEach((fd, events) -> cpython.put(nameOf(theirs, fd), events));
            Map<String, Integer> procmux = new TreeMap<>();
            for (ReadyEvent event : mux.poll(Duration.ZERO).events()) {
                procmux.put(nameOf(ours, event.fd()), event.events());
            }
            assertThat(render(procmux)).as("procmux %s vs CPython", mux.name()).isEqualTo(render(cpython));
            return procmux;
        }

        private static String nameOf(Map<String, Integer> numbers, int fd) {
            return numbers.entrySet().stream().filter(e -> e.getValue() == fd).map(Map.Entry::getKey)
                    .findFirst().orElse("fd" + fd);
        }

        private static String render(Map<String, Integer> ready) {
            StringBuilder text = new StringBuilder();
            ready.forEach((name, events) -> text.append(name).append('=').append(Events.toString(events)).append(' '));
            return text.toString().trim();
        }

        @Override
        public void close() throws IOException {
            python.close();
        }
    }
}
