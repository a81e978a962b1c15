package io.procmux.mux.epoll;

import io.procmux.mux.Events;

/**
 * Translates {@link Events} masks to epoll's and back, and checks the combinations the kernel
 * refuses, so that the user gets a precise message instead of {@code EINVAL}. The readiness bits
 * are equal in both; only the flags move.
 *
 * <p>Cost: arithmetic; allocates only for an exception.
 */
final class EpollMask {
    private static final int EXCLUSIVE_OK = Events.IN | Events.OUT | Events.ERR | Events.HUP | Events.EDGE_TRIGGERED
            | Events.EXCLUSIVE;

    private EpollMask() {
    }

    /** The {@code epoll_event.events} value for an {@link Events} interest. */
    static int toEpoll(int events) {
        int epoll = events & Events.ALL_EVENTS & ~Events.NVAL;
        if ((events & Events.EDGE_TRIGGERED) != 0) {
            epoll |= EpollNative.EPOLLET;
        }
        if ((events & Events.ONE_SHOT) != 0) {
            epoll |= EpollNative.EPOLLONESHOT;
        }
        if ((events & Events.EXCLUSIVE) != 0) {
            epoll |= EpollNative.EPOLLEXCLUSIVE;
        }
        return epoll;
    }

    /** The {@link Events} readiness bits of a returned {@code epoll_event.events}. */
    static int fromEpoll(int epoll) {
        return epoll & Events.ALL_EVENTS;
    }

    /**
     * Refuses what epoll(7) refuses with EINVAL: EXCLUSIVE with ONE_SHOT or with bits other than
     * IN, OUT, ERR, HUP and EDGE_TRIGGERED.
     */
    static void checkRegister(int events) {
        if ((events & Events.EXCLUSIVE) != 0 && (events & ~EXCLUSIVE_OK) != 0) {
            throw new IllegalArgumentException("EXCLUSIVE combines only with IN, OUT, ERR, HUP and EDGE_TRIGGERED, not "
                    + Events.toString(events & ~EXCLUSIVE_OK));
        }
    }

    /** Refuses EXCLUSIVE in a modify, and any modify of an EXCLUSIVE registration, as epoll(7) does. */
    static void checkModify(int fd, int current, int events) {
        if ((events & Events.EXCLUSIVE) != 0 || (current & Events.EXCLUSIVE) != 0) {
            throw new IllegalArgumentException("Cannot modify fd " + fd + " to " + Events.toString(events)
                    + ": epoll allows EXCLUSIVE only when registering; unregister and register again");
        }
    }
}
