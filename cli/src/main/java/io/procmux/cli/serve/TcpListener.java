package io.procmux.cli.serve;

import io.procmux.mux.FileDescriptors;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * A TCP {@link Listener} on a JDK {@link ServerSocketChannel} ({@code SO_REUSEADDR}); accepted
 * clients get {@code TCP_NODELAY}. Cost: per accepted client one {@code accept} and two
 * {@code setsockopt}/{@code fcntl} calls, and a channel object.
 */
final class TcpListener implements Listener {
    private final ServerSocketChannel channel;
    private final int fd;
    private final SocketAddress bound;

    private TcpListener(ServerSocketChannel channel) throws IOException {
        this.channel = channel;
        this.fd = FileDescriptors.fdOf(channel);
        this.bound = channel.getLocalAddress();
    }

    /**
     * Binds and listens on {@code address}.
     *
     * @throws BindException naming the address when it is taken
     */
    static TcpListener open(ServeAddress.Tcp address, int backlog) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(address.family());
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            String where = ServeAddress.describe(address.socketAddress());
            try {
                channel.bind(address.socketAddress(), backlog);
            } catch (BindException e) {
                throw Listener.bindFailure(where, e.getMessage(), e);
            } catch (IOException e) {
                throw new IOException("Cannot listen on " + where + ": " + e.getMessage(), e);
            }
            channel.configureBlocking(false);
            return new TcpListener(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public SocketAddress localAddress() {
        return bound;
    }

    @Override
    public @Nullable Connection accept() throws IOException {
        SocketChannel client = channel.accept();
        if (client == null) {
            return null;
        }
        return Connection.accepted(client, c -> {
            c.configureBlocking(false);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return FileDescriptors.fdOf(c);
        });
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
