package io.procmux.cli.serve;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import io.procmux.ipc.UnixSockets;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Unix-domain {@link Listener} on the api's {@link UnixSockets} (the ipc backend): the socket
 * file is made with mode 0600 before it listens, guarded by a lock file, a stale file left by a
 * dead server is replaced while a live server's is never taken, a peer of another uid is turned
 * away before it is read, and closing removes the file and its lock. The directory must exist
 * (serve creates none). Cost: per accepted client one {@code accept4} and one
 * {@code SO_PEERCRED} read, a connection object and an {@link Optional}.
 */
final class UnixListener implements Listener {
    private final UnixServer server;
    private final SocketAddress bound;

    private UnixListener(UnixServer server, SocketAddress bound) {
        this.server = server;
        this.bound = bound;
    }

    /**
     * Binds and listens on {@code address} through {@code sockets}.
     *
     * @throws BindException naming the path when a file is in the way or another server listens there
     * @throws IOException naming the path for any other failure (a missing directory, say)
     */
    static UnixListener open(ServeAddress.Unix address, UnixSockets sockets, int backlog) throws IOException {
        String where = address.path().toString();
        UnixServer server;
        try {
            server = sockets.bind(UnixAddress.of(address.path()), new BindOptions(backlog, true, false));
        } catch (NoSuchFileException e) {
            throw new IOException("Cannot listen on " + where + ": No such file or directory", e);
        } catch (FileAlreadyExistsException e) {
            throw Listener.bindFailure(where, e.getMessage() + " (remove the file if no server uses it)", e);
        } catch (BindException e) {
            throw Listener.bindFailure(where, e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("Cannot listen on " + where + ": " + e.getMessage(), e);
        }
        try {
            server.configureBlocking(false);
            return new UnixListener(server, UnixDomainSocketAddress.of(address.path()));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public int fd() {
        return server.fd();
    }

    @Override
    public SocketAddress localAddress() {
        return bound;
    }

    @Override
    public @Nullable Connection accept() throws IOException {
        Optional<UnixConnection> next = server.acceptNow();
        if (next.isEmpty()) {
            return null;
        }
        return Connection.accepted(next.get(), c -> {
            c.configureBlocking(false);
            return c.fd();
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
