package io.procmux.mux.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;

/**
 * Loads libc through jnr-ffi once, lazily (the static holder idiom), and holds the platform
 * constants the backends need. Internal.
 *
 * <p>Cost: the first call generates the binding class (tens to hundreds of milliseconds); later
 * calls are a field read.
 */
public final class PosixNative {
    /** {@code EINTR}: the same value on Linux and the BSDs. */
    public static final int EINTR = 4;
    /** {@code EBADF}: the same value on Linux and the BSDs. */
    public static final int EBADF = 9;
    /** {@code F_GETFD}. */
    public static final int F_GETFD = 1;
    /** {@code F_SETFD}. */
    public static final int F_SETFD = 2;
    /** {@code F_GETFL}. */
    public static final int F_GETFL = 3;
    /** {@code F_SETFL}. */
    public static final int F_SETFL = 4;
    /** {@code FD_CLOEXEC}. */
    public static final int FD_CLOEXEC = 1;

    private PosixNative() {
    }

    private static final class Holder {
        static final PosixLibC LIBC = LibraryLoader.create(PosixLibC.class)
                .map("poll_ignoring_errno", "poll").map("select_ignoring_errno", "select").load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    /** The libc binding; loads it on first use. */
    public static PosixLibC libc() {
        return Holder.LIBC;
    }

    /** The jnr runtime of {@link #libc()}, for errno and memory. */
    public static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** The errno of the calling thread's last native call. Allocates nothing. */
    public static int errno() {
        return Holder.RUNTIME.getLastError();
    }

    /** Whether this is Linux (pipe2, POLLRDHUP). */
    public static boolean isLinux() {
        return Platform.getNativePlatform().getOS() == Platform.OS.LINUX;
    }

    /** {@code O_NONBLOCK} of this platform: Linux {@code 04000}, the BSDs and macOS {@code 4}. */
    public static int oNonBlock() {
        return isLinux() ? 04000 : 4;
    }

    /** {@code O_CLOEXEC} for {@code pipe2}, Linux only. */
    public static int oCloexecLinux() {
        return 02000000;
    }

    /** A short {@code errno N (name)} text for exception messages. */
    public static String describe(int errno) {
        String name = switch (errno) {
            case 1 -> "EPERM";
            case 2 -> "ENOENT";
            case EINTR -> "EINTR";
            case EBADF -> "EBADF";
            case 12 -> "ENOMEM";
            case 14 -> "EFAULT";
            case 22 -> "EINVAL";
            case 24 -> "EMFILE";
            default -> "";
        };
        return "errno " + errno + (name.isEmpty() ? "" : " (" + name + ")");
    }
}
