package io.procmux.mux;

import org.jspecify.annotations.Nullable;

/**
 * Receives ready events from {@link Multiplexer#poll(long, EventSink)} without any allocation:
 * the zero-garbage path for hot loops. Called on the polling thread, once per ready descriptor.
 */
@FunctionalInterface
public interface EventSink {
    /** One descriptor is ready with {@code events}; {@code attachment} is the registered object. */
    void onEvent(int fd, int events, @Nullable Object attachment);

    /** The wait was ended by {@link Multiplexer#wakeup()}. Does nothing by default. */
    default void onWakeup() {
    }
}
