package io.procmux.nativesupport;

import io.procmux.mux.EventSink;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The ready descriptors of one wait, copied out of native memory under the registration lock so
 * that the sink can then be called without holding it.
 *
 * <p>Cost: reused across waits; grows (allocates) only when more descriptors are ready at once
 * than ever before. Used by the polling thread only.
 */
public final class ReadyBatch {
    private int count;
    private int[] fds = new int[16];
    private int[] events = new int[16];
    private int[] serials = new int[16];
    private @Nullable Object[] attachments = new Object[16];

    /** Forgets the previous wait's events. */
    public void clear() {
        count = 0;
    }

    /** How many events are held. */
    public int count() {
        return count;
    }

    /** Appends one ready descriptor. */
    public void add(int fd, int readyEvents, int serial, @Nullable Object attachment) {
        if (count == fds.length) {
            int length = count * 2;
            fds = Arrays.copyOf(fds, length);
            events = Arrays.copyOf(events, length);
            serials = Arrays.copyOf(serials, length);
            attachments = Arrays.copyOf(attachments, length);
        }
        fds[count] = fd;
        events[count] = readyEvents;
        serials[count] = serial;
        attachments[count] = attachment;
        count++;
    }

    /**
     * Hands every event to {@code sink}, skipping descriptors whose registration was removed or
     * replaced (by the sink itself, say) since the wait returned.
     *
     * @return how many events were delivered
     */
    public int deliver(EventSink sink, FdTable table) {
        int delivered = 0;
        for (int i = 0; i < count; i++) {
            Object attachment = attachments[i];
            attachments[i] = null;
            int fd = fds[i];
            if (table.serial(fd) == serials[i]) {
                delivered++;
                sink.onEvent(fd, events[i], attachment);
            }
        }
        count = 0;
        return delivered;
    }
}
