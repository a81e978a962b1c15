package io.procmux.nativesupport;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;

/**
 * Loads the {@link SupportLibC} binding once, lazily (static holder), for the helpers of this
 * library.
 *
 * <p>Cost: the first call generates the binding class (tens of milliseconds); later calls read a
 * field. Allocates nothing after that.
 */
public final class SupportNative {
    private SupportNative() {
    }

    private static final class Holder {
        static final SupportLibC LIBC = LibraryLoader.create(SupportLibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    /** The binding; loads libc on first use. */
    public static SupportLibC libc() {
        return Holder.LIBC;
    }

    /** The jnr runtime of {@link #libc()}, for pointers over native memory. */
    public static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** Whether this is Linux. */
    public static boolean isLinux() {
        return Platform.getNativePlatform().getOS() == Platform.OS.LINUX;
    }
}
