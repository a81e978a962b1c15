package io.procmux.mux.posix;

import java.io.IOException;
import java.util.Optional;

/**
 * The native probe of the {@code select} and {@code poll} providers, run once, lazily, in a
 * static holder: load libc through jnr-ffi, call {@code getpid}, create and close the wake-up pipe,
 * and call {@code poll} with no descriptors and a zero timeout. Internal.
 *
 * <p>Cost: the first call loads jnr-ffi and libc (tens to hundreds of milliseconds) and makes four
 * syscalls; later calls read a field.
 */
public final class NativeProbe {
    private NativeProbe() {
    }

    private static final class Holder {
        static final Optional<Throwable> CAUSE = probe();
    }

    /** Why select and poll cannot run here, or empty. */
    public static Optional<Throwable> unavailabilityCause() {
        return Holder.CAUSE;
    }

    private static Optional<Throwable> probe() {
        try {
            PosixLibC libc = PosixNative.libc();
            if (libc.getpid() <= 0) {
                return Optional.of(new IOException("getpid through jnr-ffi returned nonsense"));
            }
            WakePipe.open().close();
            if (libc.poll(null, 0, 0) < 0) {
                return Optional.of(new IOException("poll with no descriptors failed: "
                        + PosixNative.describe(PosixNative.errno())));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException | LinkageError failure) {
            return Optional.of(failure);
        }
    }
}
