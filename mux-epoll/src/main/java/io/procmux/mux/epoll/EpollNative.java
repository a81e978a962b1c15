package io.procmux.mux.epoll;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;

/**
 * Loads libc through jnr-ffi once, lazily (static holder), and holds the Linux constants and the
 * {@code struct epoll_event} layout of this CPU.
 *
 * <p>Cost: the first call generates the binding (tens to hundreds of milliseconds); later calls
 * read a field.
 */
final class EpollNative {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EEXIST = 17;
    static final int EINVAL = 22;

    static final int EPOLL_CLOEXEC = 02000000;
    static final int EFD_CLOEXEC = 02000000;
    static final int EFD_NONBLOCK = 04000;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    static final int EPOLL_CTL_MOD = 3;

    static final int EPOLLIN = 0x001;
    static final int EPOLLEXCLUSIVE = 1 << 28;
    static final int EPOLLONESHOT = 1 << 30;
    static final int EPOLLET = 1 << 31;

    /** {@code struct epoll_event} is packed (12 bytes) on x86; 16 bytes, data at 8, elsewhere. */
    static final int EVENT_SIZE;
    /** Offset of {@code epoll_data_t data} in {@code struct epoll_event}. */
    static final int DATA_OFFSET;

    static {
        Platform.CPU cpu = Platform.getNativePlatform().getCPU();
        boolean packed = cpu == Platform.CPU.X86_64 || cpu == Platform.CPU.I386;
        EVENT_SIZE = packed ? 12 : 16;
        DATA_OFFSET = packed ? 4 : 8;
    }

    private EpollNative() {
    }

    private static final class Holder {
        static final EpollLibC LIBC = LibraryLoader.create(EpollLibC.class)
                .map("epoll_wait_ignoring_errno", "epoll_wait").load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    static boolean isLinux() {
        return Platform.getNativePlatform().getOS() == Platform.OS.LINUX;
    }

    static EpollLibC libc() {
        return Holder.LIBC;
    }

    static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** The errno of the calling thread's last native call; allocates nothing. */
    static int errno() {
        return Holder.RUNTIME.getLastError();
    }

    /** A short {@code errno N (NAME)} text for exception messages. */
    static String describe(int errno) {
        String name = switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case EINTR -> "EINTR";
            case EBADF -> "EBADF";
            case 12 -> "ENOMEM";
            case EEXIST -> "EEXIST";
            case EINVAL -> "EINVAL";
            case 24 -> "EMFILE";
            case 28 -> "ENOSPC";
            default -> "";
        };
        return "errno " + errno + (name.isEmpty() ? "" : " (" + name + ")");
    }
}
