package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import io.procmux.ipc.UnixSockets;
import io.procmux.mux.Multiplexer;
import io.procmux.spi.BackendCatalog;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import io.procmux.spi.MultiplexerProvider;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviours every Unix-socket backend must show, written once: echo round trips, a 64 MiB
 * transfer, 1,000 concurrent clients, half-close, peer death as an exception, every path error,
 * stale-file recovery, locking, permissions, close-on-exec, peer credentials, descriptor passing
 * and no descriptor leaked. Non-blocking use through every multiplexer is in
 * {@link TransportHelpers}. A backend's test subclasses this once and supplies
 * {@link #sockets()}.
 *
 * <p>Cost: a few seconds; threads come from per-test executors that are shut down after each test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class AbstractTransportTest {
    private static final int O_CLOEXEC = 02000000;

    /** A fresh directory per test; socket paths go below it. */
    @TempDir
    protected Path dir;

    /** Threads a test starts; shut down after it. */
    protected final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "transport-test");
        t.setDaemon(true);
        return t;
    });

    /** The backend under test. */
    protected abstract UnixSockets sockets();

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("test threads stopped").isTrue();
    }

    /** An address in {@link #dir}. */
    protected UnixAddress address(String name) {
        return UnixAddress.of(dir.resolve(name));
    }

    /** Accepts connections forever on {@link #pool} and echoes each one on its own thread. */
    protected Future<?> echoServer(UnixServer server) {
        return TransportHelpers.echoServer(server, pool);
    }

    @Test
    void echoesRoundTripsThroughChannelsAndStreams() throws Exception {
        try (UnixServer server = sockets().bind(address("echo.sock"), BindOptions.DEFAULTS)) {
            echoServer(server);
            try (UnixConnection client = sockets().connect(server.address())) {
                DataOutputStream out = new DataOutputStream(client.outputStream());
                DataInputStream in = new DataInputStream(client.inputStream());
                for (int i = 0; i < 200; i++) {
                    out.writeUTF("message " + i);
                    assertThat(in.readUTF()).isEqualTo("message " + i);
                }
                ByteBuffer heap = ByteBuffer.wrap("heap buffer".getBytes());
                client.write(heap);
                ByteBuffer back = ByteBuffer.allocate(11);
                while (back.hasRemaining()) {
                    client.read(back);
                }
                assertThat(new String(back.array())).isEqualTo("heap buffer");
            }
        }
    }

    @Test
    void transfers64MiBWithoutCorruption() throws Exception {
        int total = 64 << 20;
        UnixConnection[] pair = sockets().socketPair();
        try (UnixConnection a = pair[0]; UnixConnection b = pair[1]) {
            Future<Long> sent = pool.submit(() -> {
                CRC32 crc = new CRC32();
                ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
                long seed = 42;
                for (int done = 0; done < total; done += chunk.capacity()) {
                    chunk.clear();
                    while (chunk.hasRemaining()) {
                        seed = seed * 6364136223846793005L + 1442695040888963407L;
                        chunk.putLong(seed);
                    }
                    chunk.flip();
                    crc.update(chunk.duplicate());
                    a.write(chunk);
                }
                a.shutdownOutput();
                return crc.getValue();
            });
            CRC32 crc = new CRC32();
            ByteBuffer in = ByteBuffer.allocate(37 * 1024);   // heap and an odd size: the bounce path
            long received = 0;
            int n;
            while ((n = b.read(in)) >= 0) {
                in.flip();
                crc.update(in);
                in.clear();
                received += n;
            }
            assertThat(received).isEqualTo(total);
            assertThat(crc.getValue()).isEqualTo(sent.get());
        }
    }

    @Test
    void servesAThousandConcurrentClients() throws Exception {
        int clients = 1000;
        assumeTrue(OpenFds.softLimit() > 3 * clients, "RLIMIT_NOFILE too low for 1,000 clients: " + OpenFds.softLimit());
        try (UnixServer server = sockets().bind(address("many.sock"), new BindOptions(clients, true, true))) {
            echoServer(server);
            List<UnixConnection> open = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    open.add(sockets().connect(server.address()));
                }
                for (int i = 0; i < clients; i++) {
                    open.get(i).write(ByteBuffer.allocate(4).putInt(0, i));
                }
                for (int i = 0; i < clients; i++) {
                    ByteBuffer back = ByteBuffer.allocate(4);
                    while (back.hasRemaining()) {
                        assertThat(open.get(i).read(back)).isNotNegative();
                    }
                    assertThat(back.getInt(0)).isEqualTo(i);
                }
            } finally {
                TransportHelpers.closeAll(open);
            }
        }
    }

    @Test
    void halfCloseLetsThePeerReadToTheEndAndStillAnswer() throws Exception {
        try (UnixServer server = sockets().bind(address("half.sock"), BindOptions.DEFAULTS)) {
            Future<?> served = pool.submit(() -> {
                try (UnixConnection c = server.accept()) {
                    byte[] all = c.inputStream().readAllBytes();   // until the client's shutdownOutput
                    c.outputStream().write(("got " + all.length).getBytes());
                }
                return null;
            });
            try (UnixConnection client = sockets().connect(server.address())) {
                client.outputStream().write(new byte[5000]);
                client.shutdownOutput();
                assertThat(new String(client.inputStream().readAllBytes())).isEqualTo("got 5000");
                assertThatThrownBy(() -> client.write(ByteBuffer.wrap(new byte[1])))
                        .isInstanceOf(IOException.class).hasMessageContaining("EPIPE");
            }
            served.get();
        }
    }

    @Test
    void peerDeathMidTransferIsAnExceptionNotASignal() throws Exception {
        UnixConnection[] pair = sockets().socketPair();
        try (UnixConnection writer = pair[0]) {
            Future<?> writing = pool.submit(() -> {
                ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
                while (true) {
                    chunk.clear();
                    writer.write(chunk);
                }
            });
            ByteBuffer some = ByteBuffer.allocate(256 * 1024);
            while (some.hasRemaining()) {
                pair[1].read(some);
            }
            pair[1].close();
            assertThatThrownBy(() -> writing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                    .cause().message().containsAnyOf("EPIPE", "ECONNRESET");
        }
    }

    @Test
    void worksNonBlockingThroughEveryMultiplexerOnTheClasspath() throws Exception {
        BackendCatalog<MultiplexerProvider> catalog = Backends.discover(BackendKind.MUX);
        List<MultiplexerProvider> available = catalog.providers().stream().filter(catalog::isAvailable).toList();
        assumeTrue(!available.isEmpty(), "no multiplexer on the classpath: add procmux-mux-select or procmux-mux-epoll");
        for (MultiplexerProvider provider : available) {
            try (Multiplexer mux = provider.open()) {
                TransportHelpers.converse(sockets(), mux, address("mux-" + provider.name() + ".sock"));
            }
        }
    }

    @Test
    void refusesEveryBadPathWithASpecificMessage() throws IOException {
        String tooLong = "/tmp/" + "x".repeat(UnixAddress.MAX_PATH_BYTES - 4);
        assertThatThrownBy(() -> UnixAddress.ofPath(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining((UnixAddress.MAX_PATH_BYTES + 1) + " bytes long; the limit is " + UnixAddress.MAX_PATH_BYTES);
        String wide = "/tmp/" + "é".repeat(52);   // 57 characters, 109 bytes
        assertThatThrownBy(() -> UnixAddress.ofPath(wide)).hasMessageContaining("109 bytes long");
        assertThatThrownBy(() -> UnixAddress.ofPath("")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> UnixAddress.ofPath("/tmp/a\0b")).hasMessageContaining("NUL character at index 6");

        BindOptions noMkdir = new BindOptions(8, true, false);
        assertThatThrownBy(() -> sockets().bind(address("missing/s.sock"), noMkdir))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("plain"), "data");
        assertThatThrownBy(() -> sockets().bind(address("plain/s.sock"), BindOptions.DEFAULTS))
                .isInstanceOf(NotDirectoryException.class);
        assertThatThrownBy(() -> sockets().bind(address("plain"), BindOptions.DEFAULTS))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not a socket");
        assertThat(Files.readString(dir.resolve("plain"))).isEqualTo("data");
        assertThatThrownBy(() -> sockets().connect(address("nobody.sock")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("ENOENT");
        assertThatThrownBy(() -> sockets().connect(address("x.sock"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacesAStaleSocketFileButNeverStealsALiveOne() throws Exception {
        Path path = dir.resolve("stale.sock");
        try (ServerSocketChannel jdk = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            jdk.bind(UnixDomainSocketAddress.of(path));
            assertThatThrownBy(() -> sockets().bind(UnixAddress.of(path), BindOptions.DEFAULTS))
                    .isInstanceOf(BindException.class).hasMessageContaining("EADDRINUSE")
                    .hasMessageContaining("a server is listening");
            try (SocketChannel stillServed = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                assertThat(stillServed.isConnected()).isTrue();
            }
        }
        assertThat(path).exists();   // the JDK leaves its file behind: now it is stale
        assertThatThrownBy(() -> sockets().connect(UnixAddress.of(path)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("ECONNREFUSED");
        try (UnixServer server = sockets().bind(UnixAddress.of(path), BindOptions.DEFAULTS)) {
            echoServer(server);
            assertThatThrownBy(() -> sockets().bind(UnixAddress.of(path), BindOptions.DEFAULTS))
                    .isInstanceOf(BindException.class).hasMessageContaining("holds the lock");
            try (UnixConnection c = sockets().connect(server.address())) {
                c.write(ByteBuffer.wrap(new byte[] {7}));
                assertThat(c.inputStream().read()).isEqualTo(7);
            }
        }
        assertThat(path).doesNotExist();
        assertThat(dir.resolve("stale.sock.lock")).doesNotExist();
    }

    @Test
    void makesAPrivateDirectoryAndAnOwnerOnlySocketAndRemovesBothFilesOnClose() throws Exception {
        Path nested = dir.resolve("a/b");
        UnixAddress address = UnixAddress.of(nested.resolve("p.sock"));
        try (UnixServer server = sockets().bind(address, BindOptions.DEFAULTS)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a")))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
            Path file = nested.resolve("p.sock");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-------");
            assertThat(nested.resolve("p.sock.lock")).exists();
            assertThat(server.address()).isEqualTo(address);
        }
        assertThat(nested).isEmptyDirectory();
    }

    @Test
    void everySocketIsCloseOnExecAndReportsItsPeer() throws Exception {
        long uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        try (UnixServer server = sockets().bind(address("cred.sock"), BindOptions.DEFAULTS)) {
            Future<UnixConnection> accepted = pool.submit(server::accept);
            try (UnixConnection client = sockets().connect(server.address());
                 UnixConnection peer = accepted.get()) {
                for (int fd : new int[] {server.fd(), client.fd(), peer.fd()}) {
                    assertThat(OpenFds.flags(fd) & O_CLOEXEC).as("O_CLOEXEC on fd %d", fd).isNotZero();
                }
                assertThat(peer.peerCredentials().pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(peer.peerCredentials().uid()).isEqualTo(uid);
                assertThat(client.peerCredentials().pid()).isEqualTo(ProcessHandle.current().pid());
            }
        }
        UnixConnection[] pair = sockets().socketPair();
        try (UnixConnection a = pair[0]; UnixConnection b = pair[1]) {
            assertThat(OpenFds.flags(a.fd()) & OpenFds.flags(b.fd()) & O_CLOEXEC).isNotZero();
            assertThat(a.peerCredentials().uid()).isEqualTo(uid);
        }
    }

    @Test
    void passesDescriptorsThatArriveCloseOnExecAndWork() throws Exception {
        UnixConnection[] carrier = sockets().socketPair();
        UnixConnection[] cargo = sockets().socketPair();
        try (UnixConnection a = carrier[0]; UnixConnection b = carrier[1]; UnixConnection keep = cargo[0]) {
            assertThat(a.sendWithFds(ByteBuffer.wrap("fd".getBytes()), cargo[1].fd(), cargo[1].fd())).isEqualTo(2);
            cargo[1].close();
            ByteBuffer payload = ByteBuffer.allocate(16);
            int[] fds = b.receiveWithFds(payload);
            assertThat(fds).hasSize(2).doesNotHaveDuplicates();
            sockets().adopt(fds[1]).close();
            assertThat(payload.position()).isEqualTo(2);
            assertThat(OpenFds.flags(fds[0]) & O_CLOEXEC).isNotZero();
            try (UnixConnection arrived = sockets().adopt(fds[0])) {
                keep.outputStream().write("through".getBytes());
                assertThat(new String(arrived.inputStream().readNBytes(7))).isEqualTo("through");
            }
            assertThatThrownBy(() -> a.sendWithFds(ByteBuffer.allocate(0), keep.fd()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one payload byte");
            assertThatThrownBy(() -> a.sendWithFds(ByteBuffer.allocate(1), 999_999))
                    .isInstanceOf(IOException.class).hasMessageContaining("EBADF");
        }
    }

    @Test
    void connectGivesUpAfterItsTimeoutWhenTheBacklogIsFull() throws Exception {
        try (UnixServer server = sockets().bind(address("full.sock"), new BindOptions(1, true, true))) {
            List<UnixConnection> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    UnixConnection c = sockets().connectNonBlocking(server.address());
                    queued.add(c);
                    if (!c.finishConnect()) {
                        break;
                    }
                }
                assertThat(queued.get(queued.size() - 1).finishConnect()).as("backlog filled").isFalse();
                assertThatThrownBy(() -> sockets().connect(server.address(), Duration.ofMillis(100)))
                        .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("timed out");
            } finally {
                TransportHelpers.closeAll(queued);
            }
        }
    }

    @Test
    void abstractNamesWorkAndLeaveNoFile() throws Exception {
        UnixAddress name = UnixAddress.abstractName("procmux-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try (UnixServer server = sockets().bind(name, BindOptions.DEFAULTS)) {
            echoServer(server);
            try (UnixConnection c = sockets().connect(name)) {
                c.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                assertThat(c.inputStream().readNBytes(3)).containsExactly(1, 2, 3);
            }
            assertThatThrownBy(() -> sockets().bind(name, BindOptions.DEFAULTS))
                    .isInstanceOf(BindException.class).hasMessageContaining("abstract namespace");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void leaksNoDescriptorOver10000ConnectCloseCycles() throws Exception {
        assumeTrue(OpenFds.supported(), "needs /proc/self/fd");
        try (UnixServer server = sockets().bind(address("leak.sock"), BindOptions.DEFAULTS)) {
            Future<?> acceptor = pool.submit(() -> {
                while (true) {
                    server.accept().close();
                }
            });
            sockets().connect(server.address()).close();   // warm up lazily created state
            int before = OpenFds.count();
            for (int i = 0; i < 10_000; i++) {
                try (UnixConnection c = sockets().connect(server.address())) {
                    assertThat(c.fd()).isNotNegative();
                }
            }
            server.close();
            assertThatThrownBy(() -> acceptor.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
            assertThat(OpenFds.count()).isLessThanOrEqualTo(before - 2);   // server and lock closed too
        }
    }
}
