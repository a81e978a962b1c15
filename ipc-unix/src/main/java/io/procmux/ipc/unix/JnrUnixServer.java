package io.procmux.ipc.unix;

import io.procmux.ipc.PeerCredentials;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A listening {@code AF_UNIX} stream socket. {@code accept4} with {@code SOCK_CLOEXEC} gives every
 * accepted connection close-on-exec from birth. With a required uid, each peer's
 * {@code SO_PEERCRED} is checked right after {@code accept}, before any byte is read, and a peer of
 * another uid is closed and skipped.
 *
 * <p>Cost: one {@code accept4} per connection, plus one {@code getsockopt} with the uid check.
 * {@link #close()} from another thread wakes a blocked {@link #accept()}.
 */
final class JnrUnixServer implements UnixServer {
    private final FdHandle handle;
    private final UnixAddress address;
    private final @Nullable SocketFile file;
    private final int requiredUid;   // -1: anyone
    private volatile boolean blocking = true;
    private final java.util.concurrent.atomic.AtomicLong rejected = new java.util.concurrent.atomic.AtomicLong();

    JnrUnixServer(int fd, UnixAddress address, @Nullable SocketFile file, int requiredUid) {
        this.handle = new FdHandle(fd);
        this.address = address;
        this.file = file;
        this.requiredUid = requiredUid;
    }

    @Override
    public int fd() {
        return handle.fd();
    }

    @Override
    public UnixAddress address() {
        return address;
    }

    @Override
    public UnixConnection accept() throws IOException {
        if (!blocking) {
            throw new java.nio.channels.IllegalBlockingModeException();
        }
        while (true) {
            Optional<UnixConnection> next = acceptOne();
            if (next.isPresent()) {
                return next.get();
            }
        }
    }

    @Override
    public Optional<UnixConnection> acceptNow() throws IOException {
        while (true) {
            int fd = handle.acquire();
            try {
                int accepted = SocketNative.libc().accept4(fd, 0, 0, SocketNative.SOCK_CLOEXEC);
                if (accepted < 0) {
                    int errno = SocketNative.errno();
                    if (errno == Errno.EAGAIN) {
                        return Optional.empty();
                    }
                    if (errno == Errno.EINTR || errno == Errno.ECONNRESET) {
                        continue;
                    }
                    throw failure(errno);
                }
                Optional<UnixConnection> checked = check(accepted);
                if (checked.isPresent()) {
                    return checked;
                }
            } finally {
                handle.release();
            }
        }
    }

    private Optional<UnixConnection> acceptOne() throws IOException {
        int fd = handle.acquire();
        try {
            int accepted = SocketNative.libc().accept4(fd, 0, 0, SocketNative.SOCK_CLOEXEC);
            if (accepted < 0) {
                int errno = SocketNative.errno();
                if (errno == Errno.EINTR || errno == Errno.ECONNRESET || errno == Errno.EAGAIN) {
                    return Optional.empty();
                }
                throw failure(errno);
            }
            return check(accepted);
        } finally {
            handle.release();
        }
    }

    private IOException failure(int errno) {
        if (!handle.isOpen() || errno == Errno.EINVAL) {
            return new java.nio.channels.AsynchronousCloseException();
        }
        return Errno.exception("accept on", errno, address.toString());
    }

    private Optional<UnixConnection> check(int accepted) throws IOException {
        String what = "peer of " + address;
        if (requiredUid >= 0) {
            PeerCredentials peer;
            try {
                peer = PeerCreds.of(accepted, what);
            } catch (IOException e) {
                SocketNative.libc().close(accepted);
                throw e;
            }
            if (peer.uid() != requiredUid) {
                SocketNative.libc().close(accepted);
                rejected.incrementAndGet();
                return Optional.empty();
            }
        }
        return Optional.of(new JnrUnixConnection(accepted, what, true, null));
    }

    /** How many peers the uid check has turned away. */
    long rejectedPeers() {
        return rejected.get();
    }

    @Override
    public void configureBlocking(boolean wanted) throws IOException {
        int fd = handle.acquire();
        try {
            SocketIo.setBlocking(fd, wanted, address.toString());
            blocking = wanted;
        } finally {
            handle.release();
        }
    }

    @Override
    public void close() {
        handle.close();
        if (file != null) {
            file.release();
        }
    }

    @Override
    public String toString() {
        return "UnixServer[fd=" + handle.fd() + ", " + address + (handle.isOpen() ? "" : ", closed") + "]";
    }
}
