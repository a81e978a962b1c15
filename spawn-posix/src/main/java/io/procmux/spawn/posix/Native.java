package io.procmux.spawn.posix;

import java.util.Locale;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import org.jspecify.annotations.Nullable;

/**
 * The native side of the {@code posix} spawner, loaded and probed once per JVM: our own jnr-ffi
 * {@link LibC} binding, plus what the running libc and kernel offer ({@code addchdir_np},
 * {@code addclosefrom_np}, {@code pidfd_open}).
 *
 * <p>jnr-posix is not loaded: the spawner needs four of its functions ({@code getpid},
 * {@code waitpid}, {@code kill}, {@code fcntl}), and loading it generates a binding for several
 * hundred, which cost 250-600 ms of every JVM's start here ({@code procmux run}, a pool's cold
 * start). They are four more methods in {@link LibC}.
 *
 * <p>Cost: the first touch loads jnr-ffi and generates the binding (jnr-ffi's own start, about
 * 150-350 ms here); afterwards every accessor is a field read. The probe opens and closes one
 * pidfd of this process and nothing else.
 */
final class Native {
    /** Linux {@code pidfd_open} system call number (the same on every Linux architecture). */
    static final long SYS_PIDFD_OPEN = 434;

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private final LibC libc;
    private final Runtime runtime;
    private final boolean chdirAction;
    private final boolean closeFromAction;
    private final boolean pidfd;

    private Native() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
        int pid = libc.getpid();
        if (pid <= 0) {
            throw new IllegalStateException("getpid through jnr-ffi returned " + pid);
        }
        this.chdirAction = hasFileAction(fa -> libc.posix_spawn_file_actions_addchdir_np(fa, "/"));
        this.closeFromAction = LINUX && hasFileAction(fa -> libc.posix_spawn_file_actions_addclosefrom_np(fa, 3));
        this.pidfd = LINUX && probePidfd(pid);
    }

    /**
     * Whether an optional file action exists: calls it on a real, initialised file-actions
     * object (jnr-ffi binds lazily and throws {@link UnsatisfiedLinkError} for a missing symbol).
     */
    private boolean hasFileAction(java.util.function.ToIntFunction<jnr.ffi.Pointer> action) {
        jnr.ffi.Pointer fa = jnr.ffi.Memory.allocateDirect(runtime, FileActions.MEMORY_BYTES, true);
        if (libc.posix_spawn_file_actions_init(fa) != 0) {
            return false;
        }
        try {
            return action.applyAsInt(fa) == 0;
        } catch (UnsatisfiedLinkError e) {
            return false;
        } finally {
            libc.posix_spawn_file_actions_destroy(fa);
        }
    }

    private boolean probePidfd(int pid) {
        long fd = libc.syscall(SYS_PIDFD_OPEN, pid, 0);
        if (fd < 0) {
            return false;
        }
        libc.close((int) fd);
        return true;
    }

    /** Our own libc binding. */
    LibC libc() {
        return libc;
    }

    /** The jnr-ffi runtime of {@link #libc()} (memory allocation, errno). */
    Runtime runtime() {
        return runtime;
    }

    /** The errno of the last failed call on this thread. */
    int errno() {
        return runtime.getLastError();
    }

    /** Whether {@code posix_spawn_file_actions_addchdir_np} exists (glibc 2.29+). */
    boolean hasChdirAction() {
        return chdirAction;
    }

    /** Whether {@code posix_spawn_file_actions_addclosefrom_np} exists (glibc 2.34+). */
    boolean hasCloseFromAction() {
        return closeFromAction;
    }

    /** Whether {@code pidfd_open} works (Linux 5.3+). */
    boolean hasPidfd() {
        return pidfd;
    }

    /** Whether this is Linux. */
    static boolean isLinux() {
        return LINUX;
    }

    /** {@code ENOENT} for 2, or {@code errno 1234} when unknown. */
    static String errnoName(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == null || e.name().startsWith("__") ? "errno " + errno : e.name();
    }

    /** The C library's description of an errno, e.g. {@code No such file or directory}. */
    static String errnoText(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == null ? "error " + errno : e.description();
    }

    /** The loaded native side, loading and probing it on first use. */
    static Native get() {
        Holder.check();
        return java.util.Objects.requireNonNull(Holder.NATIVE);
    }

    /** Why the native side cannot be used here, or empty. Probes once, lazily. */
    static Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(Holder.CAUSE);
    }

    /** Lazy holder: the class initialiser runs the probe exactly once, on first access. */
    private static final class Holder {
        static final @Nullable Native NATIVE;
        static final @Nullable Throwable CAUSE;

        static {
            Native n = null;
            Throwable cause = null;
            if (Boolean.getBoolean("procmux.noNative")) {
                cause = new UnsupportedOperationException("native backends are switched off by -Dprocmux.noNative=true");
            } else {
                try {
                    n = new Native();
                } catch (Throwable t) {
                    cause = t;
                }
            }
            NATIVE = n;
            CAUSE = cause;
        }

        static void check() {
            if (CAUSE != null) {
                throw new IllegalStateException("the posix spawner is unavailable: " + CAUSE.getMessage(), CAUSE);
            }
        }
    }
}
