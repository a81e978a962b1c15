package io.procmux.mux;

import java.util.List;

/**
 * The outcome of one {@link Multiplexer#poll(java.time.Duration)}: the ready descriptors and
 * whether {@link Multiplexer#wakeup()} ended the wait. Empty and not woken means the timeout expired.
 *
 * @param events the ready descriptors, in the order the kernel reported them
 * @param wokenUp whether a wake-up was consumed by this wait
 */
public record PollResult(List<ReadyEvent> events, boolean wokenUp) {
    /** Copies the list. */
    public PollResult {
        events = List.copyOf(events);
    }

    /** Whether the wait ended by its timeout with nothing ready and no wake-up. */
    public boolean timedOut() {
        return events.isEmpty() && !wokenUp;
    }
}
