package io.procmux.bench.mux;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link IdleSocketPairs} for the JDK: N idle non-blocking Unix-domain {@link SocketChannel}s
 * (both ends of N/2 connections, nothing ever written) and one ready channel whose peer wrote one
 * unread byte. The connections are made through a listening socket in a fresh temporary
 * directory, which is closed and deleted before {@link #open} returns.
 *
 * <p>Cost: N + 2 descriptors, in set-up only; {@link #close()} closes all of them.
 */
final class NioSocketPairs implements AutoCloseable {
    private final List<SocketChannel> idle;
    private final SocketChannel ready;
    private final SocketChannel readyPeer;

    private NioSocketPairs(List<SocketChannel> idle, SocketChannel ready, SocketChannel readyPeer) {
        this.idle = idle;
        this.ready = ready;
        this.readyPeer = readyPeer;
    }

    /**
     * Makes {@code n} idle channels and the ready one.
     *
     * @throws IllegalArgumentException when {@code n} is odd or below 2
     * @throws IOException when they cannot be made; none leak
     */
    static NioSocketPairs open(int n) throws IOException {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("The number of idle channels must be even and at least 2, not " + n);
        }
        List<SocketChannel> made = new ArrayList<>(n + 2);
        Path dir = Files.createTempDirectory("procmux-bench-");
        Path socket = dir.resolve("s");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            for (int i = 0; i < n / 2 + 1; i++) {
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                made.add(client);
                made.add(server.accept());
            }
            for (SocketChannel channel : made) {
                channel.configureBlocking(false);
            }
            SocketChannel ready = made.get(n);
            SocketChannel readyPeer = made.get(n + 1);
            if (readyPeer.write(ByteBuffer.wrap(new byte[] {'x'})) != 1) {
                throw new IOException("could not write the ready channel's byte");
            }
            return new NioSocketPairs(List.copyOf(made.subList(0, n)), ready, readyPeer);
        } catch (IOException | RuntimeException e) {
            for (SocketChannel channel : made) {
                channel.close();
            }
            throw e;
        } finally {
            Files.deleteIfExists(socket);
            Files.delete(dir);
        }
    }

    /** The idle channels. */
    List<SocketChannel> idle() {
        return idle;
    }

    /** The channel that is always readable. */
    SocketChannel ready() {
        return ready;
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : idle) {
            channel.close();
        }
        ready.close();
        readyPeer.close();
    }
}
