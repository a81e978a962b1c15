package io.procmux.mux;

import java.util.StringJoiner;

/**
 * Readiness bits, named and valued as Linux {@code poll(2)}'s, and registration flags. Every
 * backend maps them to and from its own bits (epoll's happen to be equal; select's are a subset).
 */
public final class Events {
    /** Data to read ({@code POLLIN}). */
    public static final int IN = 0x001;
    /** Urgent data ({@code POLLPRI}). */
    public static final int PRI = 0x002;
    /** Writing will not block ({@code POLLOUT}). */
    public static final int OUT = 0x004;
    /** An error condition ({@code POLLERR}); always reported, never needs asking for. */
    public static final int ERR = 0x008;
    /** Hang-up ({@code POLLHUP}); always reported, never needs asking for. */
    public static final int HUP = 0x010;
    /** The descriptor is not open ({@code POLLNVAL}). */
    public static final int NVAL = 0x020;
    /** The peer shut down its writing half ({@code POLLRDHUP}, Linux). */
    public static final int RDHUP = 0x2000;

    /** Flag: report a readiness once per change (epoll's {@code EPOLLET}). */
    public static final int EDGE_TRIGGERED = 1 << 28;
    /** Flag: disable the registration after one report until {@code modify} re-arms it ({@code EPOLLONESHOT}). */
    public static final int ONE_SHOT = 1 << 29;
    /** Flag: wake only one of several waiters on the same descriptor ({@code EPOLLEXCLUSIVE}). */
    public static final int EXCLUSIVE = 1 << 27;

    /** Every readiness bit. */
    public static final int ALL_EVENTS = IN | PRI | OUT | ERR | HUP | NVAL | RDHUP;
    /** Every registration flag. */
    public static final int ALL_FLAGS = EDGE_TRIGGERED | ONE_SHOT | EXCLUSIVE;

    private static final int[] BITS = {IN, PRI, OUT, ERR, HUP, NVAL, RDHUP, EDGE_TRIGGERED, ONE_SHOT, EXCLUSIVE};
    private static final String[] NAMES = {"IN", "PRI", "OUT", "ERR", "HUP", "NVAL", "RDHUP", "ET", "ONESHOT", "EXCLUSIVE"};

    private Events() {
    }

    /**
     * Checks a registration mask: only known bits, and at least one readiness bit.
     *
     * @throws IllegalArgumentException naming the unknown bits
     */
    public static int check(int events) {
        int unknown = events & ~(ALL_EVENTS | ALL_FLAGS);
        if (unknown != 0) {
            throw new IllegalArgumentException("Unknown event bits 0x" + Integer.toHexString(unknown)
                    + " in 0x" + Integer.toHexString(events) + "; use the constants of io.procmux.mux.Events");
        }
        return events;
    }

    /** {@code IN|OUT} style text for a mask; {@code 0} for none; unknown bits in hex. */
    public static String toString(int events) {
        if (events == 0) {
            return "0";
        }
        StringJoiner text = new StringJoiner("|");
        int rest = events;
        for (int i = 0; i < BITS.length; i++) {
            if ((events & BITS[i]) != 0) {
                text.add(NAMES[i]);
                rest &= ~BITS[i];
            }
        }
        if (rest != 0) {
            text.add("0x" + Integer.toHexString(rest));
        }
        return text.toString();
    }
}
