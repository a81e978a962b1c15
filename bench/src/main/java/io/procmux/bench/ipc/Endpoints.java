package io.procmux.bench.ipc;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixServer;
import io.procmux.ipc.UnixSockets;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;

/**
 * A connected pair of blocking Unix stream sockets from one of the three implementations the ipc
 * benchmarks compare: procmux ({@code unix} backend), the JDK's {@code SocketChannel} (16+) and
 * raw jnr-unixsocket. Each pair is made the same way: bind a path, connect, accept.
 *
 * <p>Cost: a temporary directory, a listening socket (closed once accepted) and two channels.
 */
final class Endpoints implements AutoCloseable {
    /** The client side. */
    final ByteChannel client;
    /** The accepted side. */
    final ByteChannel server;
    private final Path dir;

    private Endpoints(ByteChannel client, ByteChannel server, Path dir) {
        this.client = client;
        this.server = server;
        this.dir = dir;
    }

    static Endpoints open(String impl) throws IOException {
        if (!List.of("procmux", "jdk", "jnr").contains(impl)) {
            throw new IllegalArgumentException("impl must be procmux, jdk or jnr, not " + impl);
        }
        Path dir = Files.createTempDirectory("procmux-ipc-bench");
        Path path = dir.resolve("s.sock");
        switch (impl) {
            case "procmux" -> {
                UnixSockets sockets = Backends.select(BackendKind.IPC, "unix").open();
                try (UnixServer listener = sockets.bind(UnixAddress.of(path), BindOptions.DEFAULTS)) {
                    ByteChannel client = sockets.connect(listener.address());
                    return new Endpoints(client, listener.accept(), dir);
                }
            }
            case "jdk" -> {
                try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                    listener.bind(UnixDomainSocketAddress.of(path));
                    ByteChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
                    return new Endpoints(client, listener.accept(), dir);
                } finally {
                    Files.deleteIfExists(path);
                }
            }
            case "jnr" -> {
                try (UnixServerSocketChannel listener = UnixServerSocketChannel.open()) {
                    listener.socket().bind(new UnixSocketAddress(path.toFile()));
                    ByteChannel client = UnixSocketChannel.open(new UnixSocketAddress(path.toFile()));
                    return new Endpoints(client, listener.accept(), dir);
                } finally {
                    Files.deleteIfExists(path);
                }
            }
            default -> throw new IllegalArgumentException("impl must be procmux, jdk or jnr, not " + impl);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
        Files.deleteIfExists(dir.resolve("s.sock"));
        Files.deleteIfExists(dir);
    }
}
