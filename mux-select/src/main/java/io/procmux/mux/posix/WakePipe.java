package io.procmux.mux.posix;

import io.procmux.nativesupport.NativeBuffer;
import java.io.IOException;
import jnr.ffi.Pointer;

/**
 * The self-pipe that ends a wait early: {@link #signal()} writes one byte, the poller watches
 * {@link #readFd()} and {@link #drain()}s it. Both ends are non-blocking and close-on-exec
 * ({@code pipe2} on Linux, {@code pipe} plus {@code fcntl} elsewhere). Internal.
 *
 * <p>Cost: two descriptors and 72 bytes of native memory; one {@code write} per signal, one or two
 * {@code read}s per drain; allocates nothing after construction. {@link #signal()} is thread-safe;
 * {@link #drain()} is for the polling thread.
 */
public final class WakePipe {
    private final PosixLibC libc;
    private final int readFd;
    private final int writeFd;
    private final NativeBuffer oneByte;
    private final NativeBuffer scratch;

    private WakePipe(PosixLibC libc, int readFd, int writeFd) {
        this.libc = libc;
        this.readFd = readFd;
        this.writeFd = writeFd;
        this.oneByte = NativeBuffer.allocate(8);
        this.oneByte.pointer().putByte(0, (byte) 1);
        this.scratch = NativeBuffer.allocate(64);
    }

    /** Creates the pipe. */
    public static WakePipe open() throws IOException {
        PosixLibC libc = PosixNative.libc();
        int[] fds = new int[2];
        if (PosixNative.isLinux()) {
            if (libc.pipe2(fds, PosixNative.oNonBlock() | PosixNative.oCloexecLinux()) != 0) {
                throw new IOException("pipe2 failed: " + PosixNative.describe(PosixNative.errno()));
            }
        } else {
            if (libc.pipe(fds) != 0) {
                throw new IOException("pipe failed: " + PosixNative.describe(PosixNative.errno()));
            }
            for (int fd : fds) {
                int flags = libc.fcntl(fd, PosixNative.F_GETFL, 0);
                if (flags < 0 || libc.fcntl(fd, PosixNative.F_SETFL, flags | PosixNative.oNonBlock()) < 0
                        || libc.fcntl(fd, PosixNative.F_SETFD, PosixNative.FD_CLOEXEC) < 0) {
                    IOException failure = new IOException("fcntl on the wake-up pipe failed: "
                            + PosixNative.describe(PosixNative.errno()));
                    libc.close(fds[0]);
                    libc.close(fds[1]);
                    throw failure;
                }
            }
        }
        return new WakePipe(libc, fds[0], fds[1]);
    }

    /** The end to watch for reading. */
    public int readFd() {
        return readFd;
    }

    /** The end {@link #signal()} writes to. */
    public int writeFd() {
        return writeFd;
    }

    /** Makes {@link #readFd()} readable; never blocks (a full pipe is readable already). */
    public void signal() {
        libc.write(writeFd, oneByte.pointer(), 1);
    }

    /** Empties the pipe. */
    public void drain() {
        Pointer buffer = scratch.pointer();
        while (libc.read(readFd, buffer, 64) == 64) {
            // keep reading until the pipe is empty (EAGAIN) or a short read
        }
    }

    /** Closes both ends and frees the buffers. */
    public void close() {
        libc.close(readFd);
        libc.close(writeFd);
        oneByte.free();
        scratch.free();
    }
}
