package io.procmux.ipc.unix;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte-moving syscalls on one socket descriptor: {@code recv}, and {@code send} always with
 * {@code MSG_NOSIGNAL} so a dead peer is an {@code EPIPE} exception, never a {@code SIGPIPE}.
 * One call each, no scatter/gather (jnr's {@code readv}/{@code writev} paths are avoided
 * entirely), {@code EINTR} retried.
 *
 * <p>Cost: one syscall per call for direct buffers; heap buffers add a copy through the caller's
 * bounce buffer. No allocation.
 */
final class SocketIo {
    /** What {@link #recv} and {@link #send} return when a non-blocking socket is not ready. */
    static final int WOULD_BLOCK = -2;
    /** What {@link #recv} returns at end of stream. */
    static final int EOF = -1;

    private SocketIo() {
    }

    /**
     * Receives into {@code dst} once, advancing its position.
     *
     * @return bytes read, {@link #EOF}, or {@link #WOULD_BLOCK}
     * @throws IllegalArgumentException when {@code dst} is read-only
     */
    static int recv(int fd, ByteBuffer dst, ByteBuffer bounce, String what) throws IOException {
        IoBuffers.checkWritable(dst);
        int wanted = dst.remaining();
        if (wanted == 0) {
            return 0;
        }
        SocketLibC libc = SocketNative.libc();
        boolean direct = dst.isDirect();
        int length = direct ? wanted : Math.min(wanted, bounce.capacity());
        long address = direct ? IoBuffers.address(dst) : IoBuffers.address(bounce.clear());
        while (true) {
            long n = libc.recv(fd, address, length, 0);
            if (n > 0) {
                if (direct) {
                    dst.position(dst.position() + (int) n);
                } else {
                    dst.put(bounce.limit((int) n));
                }
                return (int) n;
            }
            if (n == 0) {
                return EOF;
            }
            int errno = SocketNative.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EAGAIN) {
                return WOULD_BLOCK;
            }
            throw Errno.exception("recv from", errno, what);
        }
    }

    /**
     * Sends from {@code src} once, advancing its position.
     *
     * @return bytes written, or {@link #WOULD_BLOCK}
     */
    static int send(int fd, ByteBuffer src, ByteBuffer bounce, String what) throws IOException {
        int wanted = src.remaining();
        if (wanted == 0) {
            return 0;
        }
        SocketLibC libc = SocketNative.libc();
        boolean direct = src.isDirect();
        int length = direct ? wanted : Math.min(wanted, bounce.capacity());
        long address;
        if (direct) {
            address = IoBuffers.address(src);
        } else {
            bounce.clear();
            bounce.put(bounce.position(), src, src.position(), length);
            address = IoBuffers.address(bounce);
        }
        while (true) {
            long n = libc.send(fd, address, length, SocketNative.MSG_NOSIGNAL);
            if (n >= 0) {
                src.position(src.position() + (int) n);
                return (int) n;
            }
            int errno = SocketNative.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EAGAIN) {
                return WOULD_BLOCK;
            }
            throw Errno.exception("send to", errno, what);
        }
    }

    /** Sets or clears {@code O_NONBLOCK}. */
    static void setBlocking(int fd, boolean blocking, String what) throws IOException {
        SocketLibC libc = SocketNative.libc();
        int flags = libc.fcntl(fd, SocketNative.F_GETFL, 0);
        if (flags < 0) {
            throw Errno.exception("fcntl(F_GETFL) on", SocketNative.errno(), what);
        }
        int wanted = blocking ? flags & ~SocketNative.O_NONBLOCK : flags | SocketNative.O_NONBLOCK;
        if (wanted != flags && libc.fcntl(fd, SocketNative.F_SETFL, wanted) < 0) {
            throw Errno.exception("fcntl(F_SETFL) on", SocketNative.errno(), what);
        }
    }

    /** Opens a close-on-exec {@code AF_UNIX} socket of {@code type}. */
    static int open(int type, boolean nonBlocking) throws IOException {
        int flags = SocketNative.SOCK_CLOEXEC | (nonBlocking ? SocketNative.SOCK_NONBLOCK : 0);
        int fd = SocketNative.libc().socket(SocketNative.AF_UNIX, type | flags, 0);
        if (fd < 0) {
            throw Errno.exception("socket", SocketNative.errno(), "(AF_UNIX)");
        }
        return fd;
    }
}
