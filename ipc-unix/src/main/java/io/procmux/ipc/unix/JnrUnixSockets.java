package io.procmux.ipc.unix;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixDatagramSocket;
import io.procmux.ipc.UnixServer;
import io.procmux.ipc.UnixSockets;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code unix} backend's socket factory. Every socket is created by this class with
 * {@code SOCK_CLOEXEC} (so none leaks into a spawned child), addresses come pre-checked from
 * {@link UnixAddress} (never truncated), and servers on a path go through {@link SocketFile}
 * (private directory, lock, stale-file recovery, 0600, removal on close and on SIGTERM).
 *
 * <p>Cost: stateless and thread-safe; each call is a few syscalls.
 */
final class JnrUnixSockets implements UnixSockets {
    private final int ownUid;

    /** With {@code ownUid} as the uid a same-uid server requires (tests pass another to see rejection). */
    JnrUnixSockets(int ownUid) {
        this.ownUid = ownUid;
    }

    JnrUnixSockets() {
        this(SocketNative.libc().geteuid());
    }

    @Override
    public String name() {
        return "unix";
    }

    @Override
    public UnixServer bind(UnixAddress address, BindOptions options) throws IOException {
        SocketFile file = address.isAbstract() ? null
                : SocketFile.claim(address.path().orElseThrow(), options.createPrivateDirectory(), SocketNative.SOCK_STREAM);
        int fd = -1;
        try {
            fd = SocketIo.open(SocketNative.SOCK_STREAM, false);
            SocketLibC libc = SocketNative.libc();
            if (libc.bind(fd, SockAddr.encode(address), SockAddr.length(address)) != 0) {
                int errno = SocketNative.errno();
                if (errno == Errno.EADDRINUSE) {
                    throw new BindException("Address already in use (EADDRINUSE): " + address
                            + (address.isAbstract() ? " is bound by another socket in the abstract namespace"
                                    : " was bound by another process that does not take procmux's lock"));
                }
                throw Errno.exception("bind", errno, address.toString());
            }
            if (file != null) {
                file.bound();
            }
            if (libc.listen(fd, options.backlog()) != 0) {
                throw Errno.exception("listen on", SocketNative.errno(), address.toString());
            }
            return new JnrUnixServer(fd, address, file, options.sameUidOnly() ? ownUid : -1);
        } catch (IOException | RuntimeException e) {
            if (fd >= 0) {
                SocketNative.libc().close(fd);
            }
            if (file != null) {
                file.release();
            }
            throw e;
        }
    }

    @Override
    public UnixConnection connect(UnixAddress address) throws IOException {
        return connect(address, null);
    }

    @Override
    public UnixConnection connect(UnixAddress address, @Nullable Duration timeout) throws IOException {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("A connect timeout must be positive, not " + timeout);
        }
        int fd = SocketIo.open(SocketNative.SOCK_STREAM, false);
        try {
            if (timeout != null) {
                setSendTimeout(fd, timeout, address);   // Linux bounds a blocking AF_UNIX connect by SO_SNDTIMEO
            }
            byte[] sockaddr = SockAddr.encode(address);
            int length = SockAddr.length(address);
            while (SocketNative.libc().connect(fd, sockaddr, length) != 0) {
                int errno = SocketNative.errno();
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN && timeout != null) {
                    throw new SocketTimeoutException("connect to " + address + " timed out after " + timeout
                            + ": the server's backlog stayed full");
                }
                throw Errno.exception("connect to", errno, address.toString());
            }
            if (timeout != null) {
                setSendTimeout(fd, Duration.ZERO, address);
            }
            return new JnrUnixConnection(fd, address.toString(), true, null);
        } catch (IOException | RuntimeException e) {
            SocketNative.libc().close(fd);
            throw e;
        }
    }

    private static void setSendTimeout(int fd, Duration timeout, UnixAddress address) throws IOException {
        long micros = Math.max(timeout.isZero() ? 0 : 1, timeout.toNanos() / 1000 + (timeout.toNanos() % 1000 == 0 ? 0 : 1));
        long[] timeval = {micros / 1_000_000, micros % 1_000_000};
        if (SocketNative.libc().setsockopt(fd, SocketNative.SOL_SOCKET, SocketNative.SO_SNDTIMEO, timeval, 16) != 0) {
            throw Errno.exception("setsockopt(SO_SNDTIMEO) for", SocketNative.errno(), address.toString());
        }
    }

    @Override
    public UnixConnection connectNonBlocking(UnixAddress address) throws IOException {
        int fd = SocketIo.open(SocketNative.SOCK_STREAM, true);
        try {
            byte[] sockaddr = SockAddr.encode(address);
            byte[] exact = java.util.Arrays.copyOf(sockaddr, SockAddr.length(address));
            if (SocketNative.libc().connect(fd, exact, exact.length) == 0) {
                return new JnrUnixConnection(fd, address.toString(), false, null);
            }
            int errno = SocketNative.errno();
            if (errno == Errno.EAGAIN || errno == Errno.EINPROGRESS || errno == Errno.EINTR) {
                return new JnrUnixConnection(fd, address.toString(), false, exact);
            }
            throw Errno.exception("connect to", errno, address.toString());
        } catch (IOException | RuntimeException e) {
            SocketNative.libc().close(fd);
            throw e;
        }
    }

    @Override
    public UnixConnection adopt(int fd) throws IOException {
        if (fd < 0) {
            throw new IllegalArgumentException("Cannot adopt negative descriptor " + fd);
        }
        byte[] type = new byte[4];
        int[] length = {4};
        if (SocketNative.libc().getsockopt(fd, SocketNative.SOL_SOCKET, SocketNative.SO_TYPE, type, length) != 0) {
            int errno = SocketNative.errno();
            throw new IOException("Cannot adopt descriptor " + fd + ": " + (errno == 88
                    ? "it is not a socket (ENOTSOCK)" : Errno.describe(errno)));
        }
        int socketType = java.nio.ByteBuffer.wrap(type).order(java.nio.ByteOrder.nativeOrder()).getInt();
        if (socketType != SocketNative.SOCK_STREAM) {
            throw new IOException("Cannot adopt descriptor " + fd + ": it is a socket of type " + socketType
                    + ", not a stream socket");
        }
        int flags = SocketNative.libc().fcntl(fd, SocketNative.F_GETFD, 0);
        if (flags < 0 || SocketNative.libc().fcntl(fd, SocketNative.F_SETFD, flags | SocketNative.FD_CLOEXEC) < 0) {
            throw Errno.exception("fcntl(FD_CLOEXEC) on adopted descriptor", SocketNative.errno(), Integer.toString(fd));
        }
        int status = SocketNative.libc().fcntl(fd, SocketNative.F_GETFL, 0);
        boolean blocking = status >= 0 && (status & SocketNative.O_NONBLOCK) == 0;
        return new JnrUnixConnection(fd, "adopted fd " + fd, blocking, null);
    }

    @Override
    public UnixDatagramSocket openDatagram(@Nullable UnixAddress bindTo, BindOptions options) throws IOException {
        if (bindTo == null) {
            return new JnrUnixDatagramSocket(SocketIo.open(SocketNative.SOCK_DGRAM, false), null, null);
        }
        SocketFile file = bindTo.isAbstract() ? null
                : SocketFile.claim(bindTo.path().orElseThrow(), options.createPrivateDirectory(), SocketNative.SOCK_DGRAM);
        int fd = -1;
        try {
            fd = SocketIo.open(SocketNative.SOCK_DGRAM, false);
            if (SocketNative.libc().bind(fd, SockAddr.encode(bindTo), SockAddr.length(bindTo)) != 0) {
                int errno = SocketNative.errno();
                if (errno == Errno.EADDRINUSE) {
                    throw new BindException("Address already in use (EADDRINUSE): " + bindTo);
                }
                throw Errno.exception("bind", errno, bindTo.toString());
            }
            if (file != null) {
                file.bound();
            }
            return new JnrUnixDatagramSocket(fd, bindTo, file);
        } catch (IOException | RuntimeException e) {
            if (fd >= 0) {
                SocketNative.libc().close(fd);
            }
            if (file != null) {
                file.release();
            }
            throw e;
        }
    }

    @Override
    public UnixDatagramSocket[] datagramPair() throws IOException {
        int[] fds = new int[2];
        if (SocketNative.libc().socketpair(SocketNative.AF_UNIX,
                SocketNative.SOCK_DGRAM | SocketNative.SOCK_CLOEXEC, 0, fds) != 0) {
            throw Errno.exception("socketpair", SocketNative.errno(), "(AF_UNIX, SOCK_DGRAM)");
        }
        return new UnixDatagramSocket[] {
            new JnrUnixDatagramSocket(fds[0], null, null), new JnrUnixDatagramSocket(fds[1], null, null)};
    }

    @Override
    public UnixConnection[] socketPair() throws IOException {
        int[] fds = new int[2];
        if (SocketNative.libc().socketpair(SocketNative.AF_UNIX,
                SocketNative.SOCK_STREAM | SocketNative.SOCK_CLOEXEC, 0, fds) != 0) {
            throw Errno.exception("socketpair", SocketNative.errno(), "(AF_UNIX, SOCK_STREAM)");
        }
        return new UnixConnection[] {
            new JnrUnixConnection(fds[0], "socketpair[0]", true, null),
            new JnrUnixConnection(fds[1], "socketpair[1]", true, null)};
    }
}
