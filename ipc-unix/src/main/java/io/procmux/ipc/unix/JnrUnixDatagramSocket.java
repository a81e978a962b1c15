package io.procmux.ipc.unix;

import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixDatagramSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AF_UNIX} datagram socket created close-on-exec by {@link JnrUnixSockets}. Sends use
 * {@code MSG_NOSIGNAL}; receives use {@code MSG_TRUNC} so a message longer than the buffer is
 * reported instead of silently cut.
 *
 * <p>Cost: one syscall per datagram; a 64 KiB direct bounce buffer per direction, allocated on
 * first use with a heap buffer.
 */
final class JnrUnixDatagramSocket implements UnixDatagramSocket {
    private static final int MSG_TRUNC = 0x20;

    private final FdHandle handle;
    private final @Nullable UnixAddress address;
    private final @Nullable SocketFile file;
    private final String what;
    private @Nullable ByteBuffer sendBounce;
    private @Nullable ByteBuffer receiveBounce;

    JnrUnixDatagramSocket(int fd, @Nullable UnixAddress address, @Nullable SocketFile file) {
        this.handle = new FdHandle(fd);
        this.address = address;
        this.file = file;
        this.what = address == null ? "datagram socket" : "datagram socket " + address;
    }

    @Override
    public int fd() {
        return handle.fd();
    }

    @Override
    public Optional<UnixAddress> address() {
        return Optional.ofNullable(address);
    }

    @Override
    public int send(ByteBuffer datagram, UnixAddress target) throws IOException {
        return send(datagram, SockAddr.encode(target), SockAddr.length(target), target.toString());
    }

    @Override
    public int send(ByteBuffer datagram) throws IOException {
        return send(datagram, null, 0, "its peer");
    }

    private int send(ByteBuffer datagram, byte @Nullable [] sockaddr, int length, String target) throws IOException {
        int size = datagram.remaining();
        if (!datagram.isDirect() && size > IoBuffers.BOUNCE_SIZE) {
            throw new IllegalArgumentException("A datagram from a heap buffer is limited to " + IoBuffers.BOUNCE_SIZE
                    + " bytes, not " + size + "; use a direct buffer");
        }
        int fd = handle.acquire();
        try {
            long address;
            if (datagram.isDirect()) {
                address = IoBuffers.address(datagram);
            } else {
                ByteBuffer bounce = sendBounce();
                bounce.clear().put(0, datagram, datagram.position(), size);
                address = IoBuffers.address(bounce);
            }
            while (true) {
                long n = sockaddr == null
                        ? SocketNative.libc().send(fd, address, size, SocketNative.MSG_NOSIGNAL)
                        : SocketNative.libc().sendto(fd, address, size, SocketNative.MSG_NOSIGNAL, sockaddr, length);
                if (n >= 0) {
                    datagram.position(datagram.position() + (int) n);
                    return (int) n;
                }
                int errno = SocketNative.errno();
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    return 0;
                }
                throw Errno.exception("send datagram to", errno, target);
            }
        } finally {
            handle.release();
        }
    }

    @Override
    public int receive(ByteBuffer buffer) throws IOException {
        return receive(buffer, null, null);
    }

    @Override
    public Received receiveFrom(ByteBuffer buffer) throws IOException {
        byte[] sender = new byte[SocketNative.SOCKADDR_UN_SIZE];
        int[] senderLength = {sender.length};
        int n = receive(buffer, sender, senderLength);
        return new Received(n, n < 0 ? Optional.empty() : SockAddr.decode(sender, senderLength[0]));
    }

    /** One {@code recv}, or {@code recvfrom} when the sender's address is wanted. */
    private int receive(ByteBuffer buffer, byte @Nullable [] sender, int @Nullable [] senderLength) throws IOException {
        IoBuffers.checkWritable(buffer);
        int room = buffer.remaining();
        int fd = handle.acquire();
        try {
            boolean direct = buffer.isDirect();
            ByteBuffer bounce = direct ? buffer : receiveBounce();
            int length = direct ? room : Math.min(room, bounce.capacity());
            long address = direct ? IoBuffers.address(buffer) : IoBuffers.address(bounce.clear());
            while (true) {
                long n = sender == null
                        ? SocketNative.libc().recv(fd, address, length, MSG_TRUNC)
                        : SocketNative.libc().recvfrom(fd, address, length, MSG_TRUNC, sender, senderLength);
                if (n >= 0) {
                    if (n > length) {
                        throw new IOException("A datagram of " + n + " bytes arrived at " + what + " but the buffer had room for "
                                + length + "; the message was truncated and dropped");
                    }
                    if (direct) {
                        buffer.position(buffer.position() + (int) n);
                    } else {
                        buffer.put(bounce.limit((int) n));
                    }
                    return (int) n;
                }
                int errno = SocketNative.errno();
                if (errno == Errno.EINTR) {
                    if (senderLength != null) {
                        senderLength[0] = sender.length;
                    }
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    return Received.WOULD_BLOCK;
                }
                throw Errno.exception("receive datagram on", errno, what);
            }
        } finally {
            handle.release();
        }
    }

    private synchronized ByteBuffer sendBounce() {
        if (sendBounce == null) {
            sendBounce = IoBuffers.bounce();
        }
        return sendBounce;
    }

    private synchronized ByteBuffer receiveBounce() {
        if (receiveBounce == null) {
            receiveBounce = IoBuffers.bounce();
        }
        return receiveBounce;
    }

    @Override
    public void configureBlocking(boolean blocking) throws IOException {
        int fd = handle.acquire();
        try {
            SocketIo.setBlocking(fd, blocking, what);
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
        return "UnixDatagramSocket[fd=" + handle.fd() + ", " + what + (handle.isOpen() ? "" : ", closed") + "]";
    }
}
