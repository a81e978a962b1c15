package io.procmux.nativesupport;

import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Refuses use of a multiplexer in a process other than the one that opened it: after
 * {@code fork} the child shares the parent's kernel objects, and using them from both corrupts
 * both. Checks a {@link WipeOnForkPage} when the kernel offers one (a memory read), otherwise
 * compares {@code getpid} with the opener's pid (a syscall).
 *
 * <p>Cost: per {@link #check()} one memory read, or one {@code getpid} without the page;
 * allocates only on failure.
 */
public final class ForkGuard {
    private final String backend;
    private final IntSupplier currentPid;
    private final int openerPid;
    private final @Nullable WipeOnForkPage page;

    /** Records the current pid as the opener's; {@code page} may be null (then getpid is compared). */
    public ForkGuard(String backend, IntSupplier currentPid, @Nullable WipeOnForkPage page) {
        this.backend = backend;
        this.currentPid = currentPid;
        this.openerPid = currentPid.getAsInt();
        this.page = page;
    }

    /** A guard for the calling process, with a wipe-on-fork page when the kernel supports it. */
    public static ForkGuard open(String backend) {
        SupportLibC libc = SupportNative.libc();
        return new ForkGuard(backend, libc::getpid, WipeOnForkPage.tryOpen());
    }

    /**
     * @throws IllegalStateException when called in another process than the opener
     */
    public void check() {
        boolean sameProcess = page != null ? page.intact() : currentPid.getAsInt() == openerPid;
        if (!sameProcess) {
            throw new IllegalStateException("This " + backend + " multiplexer was opened by process " + openerPid
                    + " and cannot be used in process " + currentPid.getAsInt()
                    + " (after fork); open a new one in the child");
        }
    }

    /** Releases the page; call when no thread can call {@link #check()} any more. */
    public void close() {
        if (page != null) {
            page.free();
        }
    }
}
