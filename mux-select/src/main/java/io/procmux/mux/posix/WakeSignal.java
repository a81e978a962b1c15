package io.procmux.mux.posix;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The coalescing state behind a wake-up descriptor: who asked for a wake-up since the poller
 * last looked, so that a million {@code wakeup()} calls cost one write. Internal.
 *
 * <p>Cost: one atomic operation per request or consumption; allocates nothing. Thread-safe.
 */
public final class WakeSignal {
    /** A user called {@code wakeup()}: reported to the caller of poll. */
    public static final int USER = 1;
    /** The registrations changed under a waiting poller: it must rebuild and wait again. */
    public static final int INTERNAL = 2;

    private final AtomicInteger state = new AtomicInteger();

    /**
     * Records a request for {@code reason}.
     *
     * @return whether the caller must write to the wake-up descriptor (nothing was pending)
     */
    public boolean request(int reason) {
        while (true) {
            int previous = state.get();
            if ((previous & reason) == reason) {
                return false;
            }
            if (state.compareAndSet(previous, previous | reason)) {
                return previous == 0;
            }
        }
    }

    /** Takes and clears the pending reasons; call after draining the descriptor. */
    public int consume() {
        return state.getAndSet(0);
    }
}
