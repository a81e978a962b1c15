package io.procmux.spawn.posix;

import java.lang.ref.Cleaner;

/**
 * The one {@link Cleaner} of the posix backend: closes descriptors of pipe streams and children
 * that became unreachable without being closed. Cost: one daemon thread for the JVM, started on
 * first use.
 */
final class Cleaning {
    private Cleaning() {
    }

    /** The shared cleaner. */
    static Cleaner cleaner() {
        return Holder.CLEANER;
    }

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
