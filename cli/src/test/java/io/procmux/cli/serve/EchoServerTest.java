package io.procmux.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The echo server on each multiplexer, through real loopback TCP and Unix sockets. */
@EnabledOnOs(OS.LINUX)
class EchoServerTest {
    private static final ServeAddress ANY_PORT = new ServeAddress.Tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

    @TempDir
    Path dir;

    private static RunningServer start(String mux) throws IOException {
        return new RunningServer(mux, ANY_PORT, 10_000, EchoServer.DEFAULT_BUFFER_BYTES);
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static void writeAll(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static byte[] readExactly(SocketChannel channel, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("EOF after " + buffer.position() + " of " + size + " bytes");
            }
        }
        return buffer.array();
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll", "select"})
    void echoesEveryByteInOrderThenClosesAfterTheClientDoes(String mux) throws Exception {
        byte[] sent = random(1 << 20, 1);
        try (RunningServer running = start(mux)) {
            try (SocketChannel client = SocketChannel.open(running.address())) {
                writeAll(client, "hello\n".getBytes());
                assertThat(new String(readExactly(client, 6))).isEqualTo("hello\n");
                AtomicReference<Throwable> writerFailure = new AtomicReference<>();
                Thread writer = new Thread(() -> {
                    try {
                        writeAll(client, sent);
                        client.shutdownOutput();
                    } catch (IOException e) {
                        writerFailure.set(e);
                    }
                });
                writer.start();
                assertThat(Arrays.mismatch(readExactly(client, sent.length), sent)).as("first differing byte").isEqualTo(-1);
                writer.join();
                assertThat(writerFailure.get()).isNull();
                assertThat(client.read(ByteBuffer.allocate(1))).as("EOF once the echo is done").isEqualTo(-1);
            }
            waitFor(() -> running.stats().open() == 0);
            assertThat(running.stats().accepted()).isEqualTo(1);
            assertThat(running.stats().bytesIn()).isEqualTo(sent.length + 6L);
            assertThat(running.stats().bytesOut()).isEqualTo(sent.length + 6L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void aClientThatDoesNotReadIsNotReadUntilItDrains(String mux) throws Exception {
        byte[] sent = random(8 << 20, 2);
        try (RunningServer running = start(mux); SocketChannel client = SocketChannel.open(running.address())) {
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    writeAll(client, sent);
                } catch (IOException e) {
                    writerFailure.set(e);
                }
            });
            writer.start();
            waitFor(() -> running.stats().pauses() > 0);
            long in = running.stats().bytesIn();
            long out = running.stats().bytesOut();
            assertThat(in - out).as("queued in the server").isLessThanOrEqualTo(EchoServer.DEFAULT_BUFFER_BYTES);
            assertThat(in).as("the server stopped reading before the client finished").isLessThan(sent.length);
            byte[] received = new byte[sent.length];
            ByteBuffer chunk = ByteBuffer.wrap(received);
            while (chunk.position() < chunk.capacity()) {
                chunk.limit(Math.min(chunk.capacity(), chunk.position() + 4096));   // a slow reader: small reads
                if (client.read(chunk) < 0) {
                    throw new IOException("EOF after " + chunk.position());
                }
            }
            writer.join();
            assertThat(writerFailure.get()).isNull();
            assertThat(Arrays.mismatch(received, sent)).as("first differing byte").isEqualTo(-1);
            assertThat(running.stats().bytesOut()).isEqualTo(sent.length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void steadyStateEchoAllocatesNothingOnTheServerThread(String mux) throws Exception {
        try (RunningServer running = start(mux); SocketChannel client = SocketChannel.open(running.address())) {
            byte[] message = random(512, 4);
            ByteBuffer out = ByteBuffer.allocateDirect(message.length);
            ByteBuffer in = ByteBuffer.allocateDirect(message.length);
            for (int i = 0; i < 20_000; i++) {   // warm-up: classes loaded, code compiled, buffers pooled
                roundTrip(client, out.clear().put(message).flip(), in.clear());
            }
            long before = running.serverThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                roundTrip(client, out.clear().put(message).flip(), in.clear());
            }
            long allocated = running.serverThreadAllocatedBytes() - before;
            assertThat(allocated).as("bytes allocated by the server thread over 10,000 echoes").isLessThan(10_000);
        }
    }

    private static void roundTrip(SocketChannel client, ByteBuffer out, ByteBuffer in) throws IOException {
        while (out.hasRemaining()) {
            client.write(out);
        }
        while (in.hasRemaining()) {
            if (client.read(in) < 0) {
                throw new IOException("EOF");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void holdsAThousandClientsAtOnce(String mux) throws Exception {
        int clients = 1_000;
        List<SocketChannel> open = new ArrayList<>();
        try (RunningServer running = start(mux)) {
            try {
                for (int i = 0; i < clients; i++) {
                    open.add(SocketChannel.open(running.address()));
                }
                for (int i = 0; i < clients; i++) {
                    writeAll(open.get(i), ("client " + i + "\n").getBytes());
                }
                for (int i = 0; i < clients; i++) {
                    byte[] expected = ("client " + i + "\n").getBytes();
                    assertThat(readExactly(open.get(i), expected.length)).isEqualTo(expected);
                }
                assertThat(running.stats().peakOpen()).isEqualTo(clients);
            } finally {
                for (SocketChannel channel : open) {
                    channel.close();
                }
            }
            waitFor(() -> running.stats().open() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void beyondMaxConnectionsANewClientIsClosedAtOnce(String mux) throws Exception {
        try (RunningServer running = new RunningServer(mux, ANY_PORT, 2, 1024);
             SocketChannel a = SocketChannel.open(running.address());
             SocketChannel b = SocketChannel.open(running.address())) {
            writeAll(a, "a".getBytes());
            writeAll(b, "b".getBytes());
            assertThat(readExactly(a, 1)).isEqualTo("a".getBytes());
            assertThat(readExactly(b, 1)).isEqualTo("b".getBytes());
            try (SocketChannel c = SocketChannel.open(running.address())) {
                int read;
                try {
                    read = c.read(ByteBuffer.allocate(1));
                } catch (IOException reset) {
                    read = -1;
                }
                assertThat(read).as("the third client is closed").isEqualTo(-1);
            }
            assertThat(running.stats().refusedCount()).isEqualTo(1);
            a.close();
            waitFor(() -> running.stats().open() == 1);
            try (SocketChannel d = SocketChannel.open(running.address())) {
                writeAll(d, "d".getBytes());
                assertThat(readExactly(d, 1)).as("room again after a client left").isEqualTo("d".getBytes());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void servesAUnixSocketAndRemovesItsFile(String mux) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (RunningServer running = new RunningServer(mux, ServeAddress.parseUnix(socket.toString()), 10, 4096)) {
            assertThat(socket).exists();
            assertThat(ServeAddress.describe(running.address())).isEqualTo(socket.toString());
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(running.address());
                byte[] sent = random(100_000, 3);
                Thread writer = new Thread(() -> {
                    try {
                        writeAll(client, sent);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                writer.start();
                assertThat(Arrays.mismatch(readExactly(client, sent.length), sent)).as("first differing byte").isEqualTo(-1);
                writer.join();
            }
        }
        assertThat(socket).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void stoppingLeavesNoDescriptorThreadOrSocketFile(String mux) throws Exception {
        Set<String> threadsBefore = threadNames();
        int fdsBefore = openDescriptors();
        Path socket = dir.resolve("leak.sock");
        List<SocketChannel> clients = new ArrayList<>();
        try (RunningServer running = new RunningServer(mux, ServeAddress.parseUnix(socket.toString()), 100, 4096)) {
            for (int i = 0; i < 20; i++) {
                SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
                client.connect(running.address());
                clients.add(client);
                writeAll(client, "x".getBytes());
                readExactly(client, 1);
            }
            // Stopped with 20 clients connected: the server closes them all.
        }
        for (SocketChannel client : clients) {
            assertThat(client.read(ByteBuffer.allocate(1))).as("closed by the server").isEqualTo(-1);
            client.close();
        }
        assertThat(socket).doesNotExist();
        assertThat(openDescriptors()).isEqualTo(fdsBefore);
        assertThat(threadNames()).isEqualTo(threadsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll"})
    void anExistingSocketFileIsAnErrorNamingThePath(String mux) throws Exception {
        Path socket = Files.createFile(dir.resolve("taken.sock"));
        // The first use of the ipc backend opens descriptors kept for the life of the JVM (its probe, class
        // loading); count after that, so that only what a failed bind leaves behind is measured.
        Backends.select(BackendKind.IPC).open();
        int fdsBefore = openDescriptors();
        assertThatThrownBy(() -> new RunningServer(mux, ServeAddress.parseUnix(socket.toString()), 10, 4096))
                .isInstanceOf(BindException.class)
                .hasMessageStartingWith("Cannot listen on " + socket + ": ")
                .hasMessageEndingWith("(remove the file if no server uses it)");
        assertThat(socket).exists();
        assertThat(openDescriptors()).isEqualTo(fdsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll"})
    void aBusyPortIsAnErrorNamingTheAddress(String mux) throws Exception {
        try (RunningServer first = start(mux)) {
            SocketAddress taken = first.address();
            ServeAddress again = ServeAddress.parseTcp(ServeAddress.describe(taken));
            // SO_REUSEADDR does not allow two listeners on one port.
            assertThatThrownBy(() -> new RunningServer(mux, again, 10, 4096))
                    .isInstanceOf(BindException.class)
                    .hasMessageStartingWith("Cannot listen on " + ServeAddress.describe(taken) + ": ");
        }
    }

    private static int openDescriptors() throws IOException {
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            return (int) entries.count() - 1;   // minus the one listing the directory
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toSet());
    }

    interface Condition {
        boolean holds();
    }

    static void waitFor(Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
