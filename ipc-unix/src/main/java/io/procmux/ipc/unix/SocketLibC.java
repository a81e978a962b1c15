package io.procmux.ipc.unix;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls this backend makes, bound with jnr-ffi. Buffers are passed as raw addresses
 * ({@code long}) so that direct {@link java.nio.ByteBuffer}s go to the kernel without a copy and
 * nothing is allocated per call; small structures ({@code sockaddr_un}, {@code ucred},
 * {@code timeval}) go as arrays. Public only because jnr-ffi generates its implementation in
 * another class loader; not an API.
 */
public interface SocketLibC {
    int socket(int domain, int type, int protocol);

    int socketpair(int domain, int type, int protocol, @Out int[] fds);

    int bind(int fd, @In byte[] address, int length);

    int connect(int fd, @In byte[] address, int length);

    int listen(int fd, int backlog);

    int accept4(int fd, long address, long length, int flags);

    int shutdown(int fd, int how);

    int close(int fd);

    int fcntl(int fd, int command, int argument);

    int getsockopt(int fd, int level, int name, @Out byte[] value, @In @Out int[] length);

    int setsockopt(int fd, int level, int name, @In long[] value, int length);

    @ssize_t long send(int fd, long buffer, @size_t long length, int flags);

    @ssize_t long recv(int fd, long buffer, @size_t long length, int flags);

    @ssize_t long sendto(int fd, long buffer, @size_t long length, int flags, @In byte[] address, int addressLength);

    @ssize_t long recvfrom(int fd, long buffer, @size_t long length, int flags, @Out byte[] address,
            @In @Out int[] addressLength);

    @ssize_t long sendmsg(int fd, long message, int flags);

    @ssize_t long recvmsg(int fd, long message, int flags);

    int open(String path, int flags, int mode);

    int flock(int fd, int operation);

    int geteuid();

    int getpid();

    String strerror(int errno);
}
