package io.procmux.nativesupport;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Registrations indexed by descriptor number: interest mask, attachment and a serial number per
 * registration, in plain arrays (no boxing, no hashing).
 *
 * <p>Cost: O(1) per operation; memory grows with the highest descriptor registered (12 bytes
 * plus one reference per slot), by doubling. Not thread-safe: callers hold their lock for
 * changes; {@link #serial(int)} may be read without it by the polling thread.
 */
public final class FdTable {
    private int[] interests = new int[64];
    private int[] serials = new int[64];
    private @Nullable Object[] attachments = new Object[64];
    private int size;
    private int highest = -1;
    private int nextSerial = 1;

    /** Whether {@code fd} is registered. */
    public boolean contains(int fd) {
        int[] s = serials;
        return fd >= 0 && fd < s.length && s[fd] != 0;
    }

    /** Adds a registration; the caller has checked that {@code fd} is not registered. */
    public void add(int fd, int interest, @Nullable Object attachment) {
        if (fd >= serials.length) {
            int length = Math.max(fd + 1, serials.length * 2);
            interests = Arrays.copyOf(interests, length);
            attachments = Arrays.copyOf(attachments, length);
            serials = Arrays.copyOf(serials, length);
        }
        interests[fd] = interest;
        attachments[fd] = attachment;
        serials[fd] = nextSerial;
        nextSerial = nextSerial == Integer.MAX_VALUE ? 1 : nextSerial + 1;
        size++;
        highest = Math.max(highest, fd);
    }

    /** Replaces the interest of a registered {@code fd}. */
    public void setInterest(int fd, int interest) {
        interests[fd] = interest;
    }

    /** Removes a registered {@code fd}. */
    public void remove(int fd) {
        interests[fd] = 0;
        attachments[fd] = null;
        serials[fd] = 0;
        size--;
        if (fd == highest) {
            while (highest >= 0 && serials[highest] == 0) {
                highest--;
            }
        }
    }

    /** The interest of a registered {@code fd}. */
    public int interest(int fd) {
        return interests[fd];
    }

    /** The attachment of {@code fd}, or null when it has none or is not registered. */
    public @Nullable Object attachment(int fd) {
        return contains(fd) ? attachments[fd] : null;
    }

    /** The serial of the registration of {@code fd}, 0 when not registered. */
    public int serial(int fd) {
        int[] s = serials;
        return fd >= 0 && fd < s.length ? s[fd] : 0;
    }

    /** How many descriptors are registered. */
    public int size() {
        return size;
    }

    /** The highest registered descriptor, or -1. */
    public int highest() {
        return highest;
    }
}
