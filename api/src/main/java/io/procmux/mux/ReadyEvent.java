package io.procmux.mux;

import org.jspecify.annotations.Nullable;

/**
 * One ready descriptor from {@link Multiplexer#poll(java.time.Duration)}: Python's {@code (fd, events)}
 * pair plus the attachment given at registration.
 *
 * @param fd the descriptor
 * @param events the {@link Events} bits that are ready
 * @param attachment the object registered with the descriptor, or null
 */
public record ReadyEvent(int fd, int events, @Nullable Object attachment) {
    @Override
    public String toString() {
        return "ReadyEvent[fd=" + fd + ", events=" + Events.toString(events) + "]";
    }
}
