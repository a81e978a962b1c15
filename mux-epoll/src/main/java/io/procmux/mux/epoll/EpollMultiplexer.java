package io.procmux.mux.epoll;

import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.PollResult;
import io.procmux.mux.ReadyEvent;
import io.procmux.nativesupport.FdTable;
import io.procmux.nativesupport.ForkGuard;
import io.procmux.nativesupport.NativeBuffer;
import io.procmux.nativesupport.ReadyBatch;
import io.procmux.nativesupport.Timeouts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The {@code epoll} multiplexer: one {@code epoll(7)} instance (created {@code EPOLL_CLOEXEC})
 * through jnr-ffi. Level-triggered by default; {@link Events#EDGE_TRIGGERED},
 * {@link Events#ONE_SHOT} and {@link Events#EXCLUSIVE} on request. An eventfd ends waits early.
 *
 * <p>Closed descriptors: the kernel silently drops a registration once its file is closed, so it
 * is never reported; the stale entry is evicted as soon as it is touched ({@code unregister}
 * succeeds, {@code modify} fails with an {@link IOException} saying so, {@code register} of the
 * reused number succeeds).
 *
 * <p>Cost per wait: a fork check (one memory read on a wipe-on-fork page, else one {@code getpid}),
 * one {@code epoll_wait} whose cost is O(ready) (through a binding that skips saving errno; a failed wait is
 * repeated through one that saves it), an uncontended lock while the ready events are copied out of the off-heap event
 * array (the only lock taken per wait), and nothing allocated on the {@link EventSink} path. The array is allocated once and
 * grown (up to 4,096 events per wait) only when the registrations outgrow it. Each registration
 * change is one {@code epoll_ctl}; the fd-to-attachment lookup is an array index. Threads: one
 * poller at a time; registration changes (seen by a wait in progress) and {@link #wakeup()} from
 * any thread.
 */
public final class EpollMultiplexer implements Multiplexer {
    private final EpollLibC libc;
    private final int epfd;
    private final WakeEventFd wake;
    private final ForkGuard forkGuard;
    private final FdTable table = new FdTable();
    private final Object lock = new Object();
    private final ReadyBatch batch = new ReadyBatch();
    private final NativeBuffer ctlEvent;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Set while a thread polls, and for good once the native resources are released. */
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean closed;
    private boolean released;
    /** Where {@code epoll_wait} writes; the poller's alone (freed by whoever releases). */
    private final EpollEventArray events = new EpollEventArray();
    /** The event array length the registrations call for (they plus the eventfd, capped), so that a
     *  wait can check for growth without taking {@link #lock}; written under the lock. */
    private volatile int wantedCapacity = EpollEventArray.MIN_EVENTS;

    private EpollMultiplexer(EpollLibC libc, int epfd, WakeEventFd wake) {
        this.libc = libc;
        this.epfd = epfd;
        this.wake = wake;
        this.forkGuard = ForkGuard.open("epoll");
        this.ctlEvent = NativeBuffer.allocate(EpollNative.EVENT_SIZE);
    }

    /** Creates the epoll instance and its eventfd, and registers the eventfd. */
    static EpollMultiplexer open() throws IOException {
        EpollLibC libc = EpollNative.libc();
        int epfd = libc.epoll_create1(EpollNative.EPOLL_CLOEXEC);
        if (epfd < 0) {
            throw new IOException("epoll_create1 failed: " + EpollNative.describe(EpollNative.errno()));
        }
        WakeEventFd wake;
        try {
            wake = WakeEventFd.open();
        } catch (IOException e) {
            libc.close(epfd);
            throw e;
        }
        EpollMultiplexer mux = new EpollMultiplexer(libc, epfd, wake);
        synchronized (mux.lock) {
            if (mux.ctl(EpollNative.EPOLL_CTL_ADD, wake.fd(), Events.IN) < 0) {
                IOException failure = mux.failure("epoll_ctl(ADD) of the wake-up eventfd", wake.fd(), EpollNative.errno());
                mux.close();
                throw failure;
            }
        }
        return mux;
    }

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public void register(int fd, int events, @Nullable Object attachment) throws IOException {
        Events.check(events);
        if (fd < 0) {
            throw new IllegalArgumentException("Cannot register fd " + fd + ": descriptors are never negative");
        }
        EpollMask.checkRegister(events);
        synchronized (lock) {
            ensureUsable();
            if (fd == epfd || fd == wake.fd()) {
                throw new IllegalArgumentException("fd " + fd + " is this epoll multiplexer's own descriptor");
            }
            boolean known = table.contains(fd);
            if (ctl(EpollNative.EPOLL_CTL_ADD, fd, events) < 0) {
                int errno = EpollNative.errno();
                if (errno == EpollNative.EEXIST && known) {
                    throw new IllegalArgumentException("fd " + fd
                            + " is already registered with this epoll multiplexer; use modify to change its events");
                }
                if (errno != EpollNative.EEXIST) {
                    throw failure("epoll_ctl(ADD)", fd, errno);
                }
                // The kernel still holds a registration we dropped: take it over.
                if (ctl(EpollNative.EPOLL_CTL_MOD, fd, events) < 0) {
                    throw failure("epoll_ctl(MOD)", fd, EpollNative.errno());
                }
            }
            if (known) {
                // Our entry was stale: its descriptor was closed, the kernel dropped it, the number was reused.
                table.remove(fd);
            }
            table.add(fd, events, attachment);
            wantedCapacity = Math.min(EpollEventArray.MAX_EVENTS, table.size() + 1);
        }
    }

    @Override
    public void modify(int fd, int events) throws IOException {
        Events.check(events);
        synchronized (lock) {
            ensureUsable();
            requireRegistered(fd, "modify");
            EpollMask.checkModify(fd, table.interest(fd), events);
            if (ctl(EpollNative.EPOLL_CTL_MOD, fd, events) < 0) {
                int errno = EpollNative.errno();
                if (isClosedRegistration(errno)) {
                    table.remove(fd);
                    throw new IOException("Cannot modify fd " + fd + ": it was closed while registered ("
                            + EpollNative.describe(errno) + "); its registration was evicted");
                }
                throw failure("epoll_ctl(MOD)", fd, errno);
            }
            table.setInterest(fd, events);
        }
    }

    @Override
    public void unregister(int fd) throws IOException {
        synchronized (lock) {
            ensureUsable();
            requireRegistered(fd, "unregister");
            if (ctl(EpollNative.EPOLL_CTL_DEL, fd, 0) < 0) {
                int errno = EpollNative.errno();
                if (!isClosedRegistration(errno)) {
                    throw failure("epoll_ctl(DEL)", fd, errno);
                }
                // Closed while registered: the kernel already dropped it; evicting is all that is left.
            }
            table.remove(fd);
        }
    }

    /** EBADF: the number is closed; ENOENT: it now names another file. Either way ours is gone. */
    private static boolean isClosedRegistration(int errno) {
        return errno == EpollNative.EBADF || errno == EpollNative.ENOENT;
    }

    @Override
    public boolean isRegistered(int fd) {
        synchronized (lock) {
            return table.contains(fd);
        }
    }

    @Override
    public @Nullable Object attachment(int fd) {
        synchronized (lock) {
            return table.attachment(fd);
        }
    }

    @Override
    public int size() {
        synchronized (lock) {
            return table.size();
        }
    }

    @Override
    public PollResult poll(@Nullable Duration timeout) throws IOException {
        ListSink sink = new ListSink();
        poll(Timeouts.toNanos(timeout), sink);
        return new PollResult(sink.events, sink.woken);
    }

    @Override
    public int poll(long timeoutNanos, EventSink sink) throws IOException {
        if (!busy.compareAndSet(false, true)) {
            ensureOpen();
            throw new IllegalStateException("Another thread is already polling this epoll multiplexer");
        }
        try {
            ensureOpen();
            forkGuard.check();
            int wanted = wantedCapacity;
            if (wanted > events.capacity()) {
                events.growTo(wanted);
            }
            return waitLoop(timeoutNanos, sink);
        } finally {
            busy.set(false);
            if (closed) {
                releaseIfIdle();
            }
        }
    }

    /** Waits until an event, a wake-up or the timeout; kept small (slow paths apart) so the JIT inlines it into poll. */
    private int waitLoop(long timeoutNanos, EventSink sink) throws IOException {
        long start = timeoutNanos > 0 ? System.nanoTime() : 0L;
        long remaining = timeoutNanos;
        while (true) {
            int ready = libc.epoll_wait_ignoring_errno(epfd, events.address(), events.capacity(),
                    Timeouts.toMillis(remaining));
            if (ready < 0) {
                ready = waitSavingErrno(timeoutNanos, start);
            }
            if (ready > 0) {
                int delivered = dispatch(ready, sink);
                if (delivered >= 0) {
                    return delivered;
                }
            } else if (ready == 0 && !(timeoutNanos > 0 && Timeouts.isClamped(remaining))) {
                return 0;
            }
            // Interrupted, clamped, or nothing left to deliver: wait again for the rest of the time.
            remaining = Timeouts.remaining(timeoutNanos, start, System.nanoTime());
            if (remaining == 0) {
                return 0;
            }
        }
    }

    /**
     * After the fast binding (which does not save errno) failed: the same wait, for the time left,
     * through the binding that saves errno, which tells why. Returns its result, or -1 after EINTR.
     *
     * @throws IOException on any error but EINTR
     */
    private int waitSavingErrno(long timeoutNanos, long start) throws IOException {
        long remaining = Timeouts.remaining(timeoutNanos, start, System.nanoTime());
        int ready = libc.epoll_wait(epfd, events.pointer(), events.capacity(), Timeouts.toMillis(remaining));
        if (ready < 0) {
            int errno = EpollNative.errno();
            if (errno != EpollNative.EINTR) {
                throw new IOException("epoll_wait failed: " + EpollNative.describe(errno));
            }
        }
        return ready;
    }

    /**
     * Copies the {@code ready} events out under the lock (the only lock taken per wait), drains a
     * wake-up, and delivers; returns how many were delivered, or -1 when none was and no wake-up was
     * pending (every event was the eventfd's, or its registration went away meanwhile).
     */
    private int dispatch(int ready, EventSink sink) {
        boolean wakeReady;
        synchronized (lock) {
            wakeReady = events.copyReady(ready, wake.fd(), table, batch);
        }
        boolean woken = wakeReady && takeWakeup();
        int delivered = batch.deliver(sink, table);
        if (woken) {
            sink.onWakeup();
        }
        return delivered > 0 || woken ? delivered : -1;
    }

    /** Empties the eventfd; true if a {@link #wakeup()} (or close) asked for this wake-up. */
    private boolean takeWakeup() {
        wake.drain();
        return wakePending.getAndSet(false);
    }

    @Override
    public void wakeup() {
        if (wakePending.compareAndSet(false, true)) {
            signal();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        wakePending.set(true);
        signal();
        releaseIfIdle();
    }

    private void signal() {
        synchronized (lock) {
            if (!released) {
                wake.signal();
            }
        }
    }

    private void releaseIfIdle() {
        if (busy.compareAndSet(false, true)) {
            synchronized (lock) {
                if (!released) {
                    released = true;
                    libc.close(epfd);
                    wake.close();
                    ctlEvent.free();
                    events.free();
                    forkGuard.close();
                }
            }
        }
    }

    /** One {@code epoll_ctl} with the interest {@code events}; under {@link #lock}. */
    private int ctl(int op, int fd, int events) {
        ByteBuffer event = ctlEvent.buffer();
        event.putInt(0, EpollMask.toEpoll(events));
        event.putLong(EpollNative.DATA_OFFSET, fd);
        return libc.epoll_ctl(epfd, op, fd, ctlEvent.pointer());
    }

    private IOException failure(String call, int fd, int errno) {
        String hint = errno == EpollNative.EPERM ? ": this kind of file (a regular file or directory) cannot be watched"
                : errno == EpollNative.EBADF ? ": it is not an open descriptor" : "";
        return new IOException(call + " of fd " + fd + " failed: " + EpollNative.describe(errno) + hint);
    }

    private void requireRegistered(int fd, String operation) {
        if (!table.contains(fd)) {
            throw new IllegalArgumentException("Cannot " + operation + " fd " + fd
                    + ": it is not registered with this epoll multiplexer");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This epoll multiplexer is closed");
        }
    }

    private void ensureUsable() {
        ensureOpen();
        forkGuard.check();
    }

    /** Collects events into a list for {@link #poll(Duration)}. */
    private static final class ListSink implements EventSink {
        final List<ReadyEvent> events = new ArrayList<>();
        boolean woken;

        @Override
        public void onEvent(int fd, int events, @Nullable Object attachment) {
            this.events.add(new ReadyEvent(fd, events, attachment));
        }

        @Override
        public void onWakeup() {
            woken = true;
        }
    }
}
