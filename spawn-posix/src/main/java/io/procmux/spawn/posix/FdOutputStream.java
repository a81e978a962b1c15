package io.procmux.spawn.posix;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OutputStream} over a raw pipe descriptor, writing with {@code write(2)} through
 * jnr-ffi. Unbuffered: every {@code write} call reaches the pipe before it returns.
 *
 * <p>Cost: one or more {@code write(2)} calls per write, through a native buffer of
 * {@value FdInputStream#BUFFER_BYTES} bytes allocated on first use. A reader that has gone away
 * gives an {@link IOException} ({@code EPIPE}; the JVM does not die of SIGPIPE). Not thread-safe.
 */
final class FdOutputStream extends OutputStream {
    private final Native nat;
    private final OwnedFd fd;
    private @Nullable Pointer buffer;

    FdOutputStream(Native nat, OwnedFd fd) {
        this.nat = nat;
        this.fd = fd;
        Cleaning.cleaner().register(this, fd);
    }

    /** The descriptor. */
    int fd() {
        return fd.fd();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (fd.isClosed()) {
            throw new IOException("Stream closed");
        }
        if (buffer == null && len > 0) {
            buffer = Memory.allocateDirect(nat.runtime(), FdInputStream.BUFFER_BYTES, false);
        }
        while (len > 0) {
            int chunk = Math.min(len, FdInputStream.BUFFER_BYTES);
            buffer.put(0, b, off, chunk);
            int done = 0;
            while (done < chunk) {
                long n = nat.libc().write(fd.fd(), buffer.slice(done), chunk - done);
                if (n >= 0) {
                    done += (int) n;
                    continue;
                }
                int errno = nat.errno();
                if (errno != Errnos.EINTR) {
                    throw new IOException("write to fd " + fd.fd() + ": " + Native.errnoText(errno)
                            + " (" + Native.errnoName(errno) + ")");
                }
            }
            off += chunk;
            len -= chunk;
        }
    }

    @Override
    public void close() {
        fd.close();
    }
}
