package io.procmux.ipc.unix;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Passes descriptors over a stream socket ({@code SCM_RIGHTS}) with {@code sendmsg}/{@code recvmsg}
 * bound through jnr-ffi, since neither jnr-unixsocket nor the JDK offers it. Received descriptors
 * are close-on-exec from birth ({@code MSG_CMSG_CLOEXEC}); a truncated control message closes
 * whatever did arrive and fails loudly instead of leaking.
 *
 * <p>Layouts are Linux LP64: {@code msghdr} 56 bytes, {@code iovec} 16, {@code cmsghdr} 16 with
 * the data 8-aligned. Cost: one syscall and one small native allocation per call (fd passing is
 * rare next to plain I/O).
 */
final class FdPassing {
    /** {@code SCM_MAX_FD}: the kernel's limit of descriptors in one message. */
    static final int MAX_FDS = 253;

    private static final int MSGHDR = 56;
    private static final int IOVEC = 16;
    private static final int CMSG_HEADER = 16;

    private FdPassing() {
    }

    private static int controlSpace(int fds) {
        return CMSG_HEADER + ((fds * 4 + 7) & ~7);
    }

    /** Sends {@code payload}'s remaining bytes (at least one) with {@code fds}; returns bytes sent. */
    static int send(int fd, ByteBuffer payload, int[] fds, String what) throws IOException {
        if (!payload.hasRemaining()) {
            throw new IllegalArgumentException("Passing descriptors needs at least one payload byte");
        }
        if (fds.length == 0 || fds.length > MAX_FDS) {
            throw new IllegalArgumentException("Pass between 1 and " + MAX_FDS + " descriptors, not " + fds.length);
        }
        for (int passed : fds) {
            if (passed < 0) {
                throw new IllegalArgumentException("Cannot pass negative descriptor " + passed + " in " + Arrays.toString(fds));
            }
        }
        int length = Math.min(payload.remaining(), IoBuffers.BOUNCE_SIZE);
        int control = controlSpace(fds.length);
        Pointer block = Memory.allocateDirect(SocketNative.runtime(), MSGHDR + IOVEC + control + length, true);
        long base = block.address();
        long data;
        if (payload.isDirect()) {
            data = IoBuffers.address(payload);
        } else {
            data = base + MSGHDR + IOVEC + control;
            byte[] copy = new byte[length];
            payload.get(payload.position(), copy);
            block.put(MSGHDR + IOVEC + control, copy, 0, length);
        }
        block.putAddress(MSGHDR, data);                       // iov_base
        block.putLong(MSGHDR + 8, length);                    // iov_len
        block.putAddress(16, base + MSGHDR);                  // msg_iov
        block.putLong(24, 1);                                 // msg_iovlen
        block.putAddress(32, base + MSGHDR + IOVEC);          // msg_control
        block.putLong(40, control);                           // msg_controllen
        int c = MSGHDR + IOVEC;
        block.putLong(c, CMSG_HEADER + 4L * fds.length);      // cmsg_len
        block.putInt(c + 8, SocketNative.SOL_SOCKET);
        block.putInt(c + 12, SocketNative.SCM_RIGHTS);
        for (int i = 0; i < fds.length; i++) {
            block.putInt(c + CMSG_HEADER + 4L * i, fds[i]);
        }
        while (true) {
            long n = SocketNative.libc().sendmsg(fd, base, SocketNative.MSG_NOSIGNAL);
            if (n >= 0) {
                payload.position(payload.position() + (int) n);
                return (int) n;
            }
            int errno = SocketNative.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EAGAIN) {
                return 0;
            }
            if (errno == Errno.EBADF) {
                throw new IOException("sendmsg(SCM_RIGHTS) to " + what + ": one of " + Arrays.toString(fds)
                        + " is not an open descriptor (EBADF)");
            }
            throw Errno.exception("sendmsg(SCM_RIGHTS) to", errno, what);
        }
    }

    /** Receives into {@code buffer} and returns the descriptors that came along (possibly none). */
    static int[] receive(int fd, ByteBuffer buffer, String what) throws IOException {
        IoBuffers.checkWritable(buffer);
        if (!buffer.hasRemaining()) {
            throw new IllegalArgumentException("Receiving needs room for at least one byte in the buffer");
        }
        int length = Math.min(buffer.remaining(), IoBuffers.BOUNCE_SIZE);
        int control = controlSpace(MAX_FDS);
        Pointer block = Memory.allocateDirect(SocketNative.runtime(), MSGHDR + IOVEC + control + length, true);
        long base = block.address();
        boolean direct = buffer.isDirect();
        long data = direct ? IoBuffers.address(buffer) : base + MSGHDR + IOVEC + control;
        block.putAddress(MSGHDR, data);
        block.putLong(MSGHDR + 8, length);
        block.putAddress(16, base + MSGHDR);
        block.putLong(24, 1);
        block.putAddress(32, base + MSGHDR + IOVEC);
        block.putLong(40, control);
        long n;
        while (true) {
            n = SocketNative.libc().recvmsg(fd, base, SocketNative.MSG_CMSG_CLOEXEC);
            if (n >= 0) {
                break;
            }
            int errno = SocketNative.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EAGAIN) {
                return new int[0];
            }
            throw Errno.exception("recvmsg from", errno, what);
        }
        int[] fds = collect(block, block.getLong(40));
        if ((block.getInt(48) & SocketNative.MSG_CTRUNC) != 0) {
            closeAll(fds);
            throw new IOException("recvmsg from " + what + ": control message truncated (MSG_CTRUNC); "
                    + "descriptors that arrived were closed");
        }
        if (n == 0) {
            closeAll(fds);
            throw new EOFException("recvmsg from " + what + ": end of stream");
        }
        if (direct) {
            buffer.position(buffer.position() + (int) n);
        } else {
            byte[] copy = new byte[(int) n];
            block.get(MSGHDR + IOVEC + control, copy, 0, copy.length);
            buffer.put(copy);
        }
        return fds;
    }

    private static int[] collect(Pointer block, long controlLength) {
        int[] fds = new int[0];
        long at = MSGHDR + IOVEC;
        long end = at + controlLength;
        while (at + CMSG_HEADER <= end) {
            long cmsgLength = block.getLong(at);
            if (cmsgLength < CMSG_HEADER || at + cmsgLength > end) {
                break;
            }
            if (block.getInt(at + 8) == SocketNative.SOL_SOCKET && block.getInt(at + 12) == SocketNative.SCM_RIGHTS) {
                int count = (int) ((cmsgLength - CMSG_HEADER) / 4);
                int old = fds.length;
                fds = Arrays.copyOf(fds, old + count);
                for (int i = 0; i < count; i++) {
                    fds[old + i] = block.getInt(at + CMSG_HEADER + 4L * i);
                }
            }
            at += (cmsgLength + 7) & ~7L;
        }
        return fds;
    }

    private static void closeAll(int[] fds) {
        for (int received : fds) {
            SocketNative.libc().close(received);
        }
    }
}
