package io.procmux.ipc.unix;

import io.procmux.ipc.PeerCredentials;
import io.procmux.ipc.UnixConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A connected (or, after a non-blocking connect, connecting) {@code AF_UNIX} stream socket that
 * this backend created close-on-exec. Reads and writes go straight from direct buffers to
 * {@code recv}/{@code send}; heap buffers through a 64 KiB direct bounce buffer per direction.
 * One reader and one writer thread may work at once; {@link #close()} from any thread wakes both.
 *
 * <p>Cost: two 64 KiB direct buffers, allocated on the first heap-buffer read or write only.
 */
final class JnrUnixConnection implements UnixConnection {
    private final FdHandle handle;
    private final String what;
    private volatile boolean blocking;
    private volatile byte @Nullable [] pendingAddress;
    private @Nullable ByteBuffer readBounce;
    private @Nullable ByteBuffer writeBounce;
    private @Nullable PeerCredentials credentials;

    JnrUnixConnection(int fd, String what, boolean blocking, byte @Nullable [] pendingAddress) {
        this.handle = new FdHandle(fd);
        this.what = what;
        this.blocking = blocking;
        this.pendingAddress = pendingAddress;
    }

    @Override
    public int fd() {
        return handle.fd();
    }

    @Override
    public boolean isOpen() {
        return handle.isOpen();
    }

    @Override
    public boolean isBlocking() {
        return blocking;
    }

    @Override
    public void configureBlocking(boolean wanted) throws IOException {
        int fd = handle.acquire();
        try {
            SocketIo.setBlocking(fd, wanted, what);
            blocking = wanted;
        } finally {
            handle.release();
        }
    }

    @Override
    public boolean finishConnect() throws IOException {
        byte[] address = pendingAddress;
        if (address == null) {
            return true;
        }
        int fd = handle.acquire();
        try {
            if (SocketNative.libc().connect(fd, address, address.length) == 0) {
                pendingAddress = null;
                return true;
            }
            int errno = SocketNative.errno();
            if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                return false;
            }
            if (errno == 106) {   // EISCONN: an earlier attempt went through
                pendingAddress = null;
                return true;
            }
            throw Errno.exception("connect to", errno, what);
        } finally {
            handle.release();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        checkConnected();
        int fd = handle.acquire();
        try {
            ByteBuffer bounce = dst.isDirect() ? null : readBounce();
            int n = SocketIo.recv(fd, dst, bounce == null ? dst : bounce, what);
            return n == SocketIo.WOULD_BLOCK ? 0 : n;
        } finally {
            handle.release();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        checkConnected();
        int fd = handle.acquire();
        try {
            ByteBuffer bounce = src.isDirect() ? null : writeBounce();
            ByteBuffer b = bounce == null ? src : bounce;
            int total = 0;
            while (src.hasRemaining()) {
                int n = SocketIo.send(fd, src, b, what);
                if (n == SocketIo.WOULD_BLOCK) {
                    break;
                }
                total += n;
                if (!blocking) {
                    break;
                }
            }
            return total;
        } finally {
            handle.release();
        }
    }

    private void checkConnected() throws IOException {
        if (pendingAddress != null && !finishConnect()) {
            throw new java.net.SocketException("Not connected yet to " + what
                    + ": call finishConnect() until it returns true");
        }
    }

    private synchronized ByteBuffer readBounce() {
        ByteBuffer b = readBounce;
        if (b == null) {
            b = IoBuffers.bounce();
            readBounce = b;
        }
        return b;
    }

    private synchronized ByteBuffer writeBounce() {
        ByteBuffer b = writeBounce;
        if (b == null) {
            b = IoBuffers.bounce();
            writeBounce = b;
        }
        return b;
    }

    @Override
    public PeerCredentials peerCredentials() throws IOException {
        PeerCredentials c = credentials;
        if (c == null) {
            int fd = handle.acquire();
            try {
                c = PeerCreds.of(fd, what);
            } finally {
                handle.release();
            }
            credentials = c;
        }
        return c;
    }

    @Override
    public void shutdownOutput() throws IOException {
        shutdown(SocketNative.SHUT_WR);
    }

    @Override
    public void shutdownInput() throws IOException {
        shutdown(SocketNative.SHUT_RD);
    }

    private void shutdown(int how) throws IOException {
        int fd = handle.acquire();
        try {
            if (SocketNative.libc().shutdown(fd, how) != 0) {
                throw Errno.exception("shutdown", SocketNative.errno(), what);
            }
        } finally {
            handle.release();
        }
    }

    @Override
    public InputStream inputStream() {
        return new ChannelStreams.In(this);
    }

    @Override
    public OutputStream outputStream() {
        return new ChannelStreams.Out(this);
    }

    @Override
    public int sendWithFds(ByteBuffer payload, int... fds) throws IOException {
        checkConnected();
        int fd = handle.acquire();
        try {
            return FdPassing.send(fd, payload, fds, what);
        } finally {
            handle.release();
        }
    }

    @Override
    public int[] receiveWithFds(ByteBuffer buffer) throws IOException {
        checkConnected();
        int fd = handle.acquire();
        try {
            return FdPassing.receive(fd, buffer, what);
        } finally {
            handle.release();
        }
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "UnixConnection[fd=" + handle.fd() + ", " + what + (handle.isOpen() ? "" : ", closed") + "]";
    }
}
