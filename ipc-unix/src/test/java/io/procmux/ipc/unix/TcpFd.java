package io.procmux.ipc.unix;

import java.io.IOException;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;

/** A raw TCP client descriptor for the fd passing test (the JDK never exposes one). */
final class TcpFd {
    /** The two calls needed, bound separately so the product binding stays AF_UNIX only. */
    public interface Inet {
        int socket(int domain, int type, int protocol);

        int connect(int fd, @In byte[] address, int length);
    }

    private static final Inet INET = LibraryLoader.create(Inet.class).load("c");

    private TcpFd() {
    }

    /** A close-on-exec TCP socket connected to 127.0.0.1:{@code port}. */
    static int connectLoopback(int port) throws IOException {
        int fd = INET.socket(2, SocketNative.SOCK_STREAM | SocketNative.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket(AF_INET) failed");
        }
        byte[] sockaddrIn = new byte[16];
        sockaddrIn[0] = 2;   // AF_INET, little-endian u16
        sockaddrIn[2] = (byte) (port >> 8);
        sockaddrIn[3] = (byte) port;
        sockaddrIn[4] = 127;
        sockaddrIn[7] = 1;
        if (INET.connect(fd, sockaddrIn, sockaddrIn.length) != 0) {
            SocketNative.libc().close(fd);
            throw new IOException("connect to 127.0.0.1:" + port + " failed: errno " + SocketNative.errno());
        }
        return fd;
    }
}
