package io.procmux.bench.mux;

import io.procmux.mux.EventSink;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EventSink} that does what a real loop's dispatch does at the least: reads each
 * event's descriptor and bits into a field, so that the JIT cannot drop the delivery.
 *
 * <p>Cost: a field update per event; allocates nothing. Not thread-safe (one poller).
 */
final class CountingSink implements EventSink {
    private long checksum;
    private int events;

    @Override
    public void onEvent(int fd, int readyEvents, @Nullable Object attachment) {
        checksum += fd ^ readyEvents;
        events++;
    }

    /** A number depending on every event delivered, for the benchmark to return. */
    long checksum() {
        return checksum;
    }

    /** How many events were delivered since this sink was made. */
    int events() {
        return events;
    }
}
