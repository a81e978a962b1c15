package io.procmux.mux.epoll;

import java.util.function.IntSupplier;

/**
 * Refuses use of a multiplexer in a process other than the one that opened it: after
 * {@code fork} the child shares the parent's kernel objects, and using them from both corrupts
 * both.
 *
 * <p>Cost: one {@code getpid} syscall per {@link #check()}; allocates only on failure.
 */
final class ForkGuard {
    private final String backend;
    private final IntSupplier currentPid;
    private final int openerPid;

    /** Records the current pid as the opener's. */
    ForkGuard(String backend, IntSupplier currentPid) {
        this.backend = backend;
        this.currentPid = currentPid;
        this.openerPid = currentPid.getAsInt();
    }

    /**
     * @throws IllegalStateException when called in another process than the opener
     */
    void check() {
        int pid = currentPid.getAsInt();
        if (pid != openerPid) {
            throw new IllegalStateException("This " + backend + " multiplexer was opened by process " + openerPid
                    + " and cannot be used in process " + pid + " (after fork); open a new one in the child");
        }
    }
}
