package io.procmux.spawn.posix;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * An {@link InputStream} over a raw pipe descriptor, reading with {@code read(2)} through jnr-ffi
 * (the JDK offers no public way to wrap a descriptor number in a stream).
 *
 * <p>Cost: one {@code read(2)} per call, into a native buffer of {@value #BUFFER_BYTES} bytes
 * allocated on first read and copied into the caller's array: no Java allocation per read.
 * Blocking reads are not interruptible. Not thread-safe: one reader at a time; closing while
 * another thread is blocked in {@code read} is not supported. An unreachable, unclosed stream is
 * closed by a {@link java.lang.ref.Cleaner}.
 */
final class FdInputStream extends InputStream {
    static final int BUFFER_BYTES = 64 * 1024;

    private final Native nat;
    private final OwnedFd fd;
    private @Nullable Pointer buffer;

    FdInputStream(Native nat, OwnedFd fd) {
        this.nat = nat;
        this.fd = fd;
        Cleaning.cleaner().register(this, fd);
    }

    /** The descriptor. */
    int fd() {
        return fd.fd();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (fd.isClosed()) {
            throw new IOException("Stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (buffer == null) {
            buffer = Memory.allocateDirect(nat.runtime(), BUFFER_BYTES, false);
        }
        int want = Math.min(len, BUFFER_BYTES);
        while (true) {
            long got = nat.libc().read(fd.fd(), buffer, want);
            if (got > 0) {
                buffer.get(0, b, off, (int) got);
                return (int) got;
            }
            if (got == 0) {
                return -1;
            }
            int errno = nat.errno();
            if (errno != Errnos.EINTR) {
                throw new IOException("read from fd " + fd.fd() + ": " + Native.errnoText(errno));
            }
        }
    }

    @Override
    public void close() {
        fd.close();
    }
}
