package io.procmux.ipc.unix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Loads the libc binding once, lazily (static holder), probes it (a real {@code socketpair} with
 * {@code SOCK_CLOEXEC}, closed again), and holds the Linux constants and structure sizes.
 *
 * <p>Cost: the first call generates the jnr-ffi binding (tens to hundreds of milliseconds); later
 * calls read a field. Linux only: the constants are Linux's (the same on every 64-bit Linux CPU).
 */
final class SocketNative {
    static final int AF_UNIX = 1;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_NONBLOCK = 04000;
    static final int SOCK_CLOEXEC = 02000000;

    static final int SOL_SOCKET = 1;
    static final int SO_TYPE = 3;
    static final int SO_PEERCRED = 17;
    static final int SO_SNDTIMEO = 21;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SCM_RIGHTS = 1;

    static final int MSG_CTRUNC = 0x8;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int MSG_CMSG_CLOEXEC = 0x40000000;

    static final int SHUT_RD = 0;
    static final int SHUT_WR = 1;
    static final int SHUT_RDWR = 2;

    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int FD_CLOEXEC = 1;
    static final int O_NONBLOCK = 04000;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_CLOEXEC = 02000000;

    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;

    /** {@code sizeof(struct sockaddr_un)}: a 2-byte family and 108 bytes of path. */
    static final int SOCKADDR_UN_SIZE = 110;

    private SocketNative() {
    }

    private static final class Holder {
        static final @Nullable SocketLibC LIBC;
        static final @Nullable Runtime RUNTIME;
        static final @Nullable Throwable CAUSE;

        static {
            SocketLibC libc = null;
            Runtime runtime = null;
            Throwable cause = null;
            try {
                if (Boolean.getBoolean("procmux.noNative")) {
                    throw new UnsupportedOperationException(
                            "native backends are switched off by -Dprocmux.noNative=true");
                }
                Platform platform = Platform.getNativePlatform();
                if (platform.getOS() != Platform.OS.LINUX || platform.addressSize() != 64) {
                    throw new UnsupportedOperationException("the unix socket backend needs 64-bit Linux; this is "
                            + platform.getOS() + " " + platform.getCPU());
                }
                libc = LibraryLoader.create(SocketLibC.class).load("c");
                runtime = Runtime.getRuntime(libc);
                int[] pair = new int[2];
                if (libc.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
                    throw new IllegalStateException("probe socketpair(AF_UNIX) failed: errno "
                            + runtime.getLastError());
                }
                libc.close(pair[0]);
                libc.close(pair[1]);
            } catch (Throwable t) {
                cause = t;
                libc = null;
                runtime = null;
            }
            LIBC = libc;
            RUNTIME = runtime;
            CAUSE = cause;
        }
    }

    /** Why this backend cannot run here; empty when it can. Probes once. */
    static Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(Holder.CAUSE);
    }

    static SocketLibC libc() {
        SocketLibC libc = Holder.LIBC;
        if (libc == null) {
            throw new IllegalStateException("the unix socket backend is unavailable", Holder.CAUSE);
        }
        return libc;
    }

    static Runtime runtime() {
        Runtime runtime = Holder.RUNTIME;
        if (runtime == null) {
            throw new IllegalStateException("the unix socket backend is unavailable", Holder.CAUSE);
        }
        return runtime;
    }

    /** The calling thread's errno after a failed call; allocates nothing. */
    static int errno() {
        return runtime().getLastError();
    }
}
