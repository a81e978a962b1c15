package io.procmux.mux.posix;

import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.PollResult;
import io.procmux.mux.ReadyEvent;
import io.procmux.nativesupport.FdTable;
import io.procmux.nativesupport.ForkGuard;
import io.procmux.nativesupport.ReadyBatch;
import io.procmux.nativesupport.Timeouts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code select} and {@code poll} backends share: the registration table and its lock,
 * argument checks, the wake-up pipe, the wait loop (timeout rule, {@code EINTR}, rebuilds after
 * changes made by other threads), the zero-allocation delivery and the close protocol. A subclass
 * only keeps its syscall's arguments in step with the table (change by change) and reads the
 * results back. Internal.
 *
 * <p>Cost per wait: a fork check (a memory read on Linux, else one {@code getpid}), the syscall,
 * an uncontended lock to read results (the only lock taken when nothing changed), and a write of
 * the changed native arguments only when registrations changed. Threads: one
 * poller at a time (a second concurrent poller is refused); registration changes and
 * {@link #wakeup()} from any thread; a change made while another thread waits wakes it so that
 * the change takes effect in the current wait.
 */
public abstract class PosixMultiplexer implements Multiplexer {
    private final String name;
    private final WakePipe wakePipe;
    private final WakeSignal wake = new WakeSignal();
    private final ReadyBatch batch = new ReadyBatch();
    private final ForkGuard forkGuard;
    /** Set while a thread polls, and for good once the native resources are released. */
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile @Nullable Thread poller;
    private volatile boolean closed;
    /** The registrations; guarded by {@link #lock}. */
    protected final FdTable table = new FdTable();
    /** Guards {@link #table}, the rebuild flag and the native resources. */
    protected final Object lock = new Object();
    /** Whether the native arguments need a rebuild; written under {@link #lock}, read first without it. */
    private volatile boolean dirty = true;
    private boolean released;

    /** Takes ownership of {@code wakePipe}. */
    protected PosixMultiplexer(String name, WakePipe wakePipe) {
        this.name = name;
        this.wakePipe = wakePipe;
        this.forkGuard = ForkGuard.open(name);
    }

    /** Refuses what this backend cannot watch (flags, bits, descriptor numbers) before any state changes. */
    protected abstract void checkSupported(int fd, int events);

    /**
     * Records in the subclass's Java-side copy of its syscall arguments that {@code fd} now has the
     * interest {@code events}: a new registration when {@code added}, else a changed one. Called
     * under {@link #lock}, after {@link #table} changed; native memory is written later, by
     * {@link #sync(int)}, on the polling thread.
     */
    protected abstract void interestChanged(int fd, int events, boolean added);

    /** Records that {@code fd} is no longer registered; as {@link #interestChanged}. */
    protected abstract void removed(int fd);

    /**
     * Brings the syscall's native arguments up to date with the changes recorded since the last
     * call, writing only what changed; called under {@link #lock} by the polling thread before a
     * wait, and only after a change.
     */
    protected abstract void sync(int wakeFd);

    /**
     * One wait of at most {@code timeoutMillis} (-1: forever); returns the syscall's result. With
     * {@code saveErrno} false the call may skip saving errno (cheaper); the caller repeats a failed
     * wait with it true to learn why.
     */
    protected abstract int waitOnce(int timeoutMillis, boolean saveErrno);

    /**
     * Copies ready descriptors into {@code ready}, under {@link #lock}; evicts closed ones with
     * {@link #evict(int)}. {@code readyCount} is the syscall's result, or -1 after a
     * {@link #recover(int) recovered} error.
     *
     * @return whether the wake-up descriptor was ready
     */
    protected abstract boolean collect(ReadyBatch ready, int readyCount, int wakeFd) throws IOException;

    /** Whether a failed wait with {@code errno} can be resolved by {@link #collect} (select: EBADF). */
    protected boolean recover(int errno) {
        return false;
    }

    /** Frees the subclass's native memory; called once, under {@link #lock}. */
    protected abstract void releaseNative();

    /** Removes a registration whose descriptor turned out closed; under {@link #lock}. */
    protected final void evict(int fd) {
        table.remove(fd);
        removed(fd);
        dirty = true;
    }

    /** Throws the standard refusal for registration flags, which only epoll supports. */
    protected final void refuseFlags(int events) {
        int flags = events & Events.ALL_FLAGS;
        if (flags != 0) {
            throw new UnsupportedOperationException("The " + name + " multiplexer does not support "
                    + Events.toString(flags) + "; only the epoll backend (procmux-mux-epoll, Linux) does");
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void register(int fd, int events, @Nullable Object attachment) {
        Events.check(events);
        if (fd < 0) {
            throw new IllegalArgumentException("Cannot register fd " + fd + ": descriptors are never negative");
        }
        checkSupported(fd, events);
        synchronized (lock) {
            ensureUsable();
            if (fd == wakePipe.readFd() || fd == wakePipe.writeFd()) {
                throw new IllegalArgumentException("fd " + fd + " is this " + name + " multiplexer's own wake-up pipe");
            }
            if (table.contains(fd)) {
                throw new IllegalArgumentException("fd " + fd + " is already registered with this " + name
                        + " multiplexer; use modify to change its events");
            }
            table.add(fd, events, attachment);
            interestChanged(fd, events, true);
            changed();
        }
    }

    @Override
    public final void modify(int fd, int events) {
        Events.check(events);
        synchronized (lock) {
            ensureUsable();
            requireRegistered(fd, "modify");
            checkSupported(fd, events);
            table.setInterest(fd, events);
            interestChanged(fd, events, false);
            changed();
        }
    }

    @Override
    public final void unregister(int fd) {
        synchronized (lock) {
            ensureUsable();
            requireRegistered(fd, "unregister");
            table.remove(fd);
            removed(fd);
            changed();
        }
    }

    @Override
    public final boolean isRegistered(int fd) {
        synchronized (lock) {
            return table.contains(fd);
        }
    }

    @Override
    public final @Nullable Object attachment(int fd) {
        synchronized (lock) {
            return table.attachment(fd);
        }
    }

    @Override
    public final int size() {
        synchronized (lock) {
            return table.size();
        }
    }

    @Override
    public final PollResult poll(@Nullable Duration timeout) throws IOException {
        ListSink sink = new ListSink();
        poll(Timeouts.toNanos(timeout), sink);
        return new PollResult(sink.events, sink.woken);
    }

    @Override
    public final int poll(long timeoutNanos, EventSink sink) throws IOException {
        if (!busy.compareAndSet(false, true)) {
            ensureOpen();
            throw new IllegalStateException("Another thread is already polling this " + name + " multiplexer");
        }
        try {
            ensureOpen();
            forkGuard.check();
            poller = Thread.currentThread();
            return waitLoop(timeoutNanos, sink);
        } finally {
            poller = null;
            busy.set(false);
            if (closed) {
                releaseIfIdle();
            }
        }
    }

    private int waitLoop(long timeoutNanos, EventSink sink) throws IOException {
        long start = timeoutNanos > 0 ? System.nanoTime() : 0L;
        long remaining = timeoutNanos;
        int wakeFd = wakePipe.readFd();
        while (true) {
            if (dirty) {
                synchronized (lock) {
                    if (dirty) {
                        dirty = false;
                        sync(wakeFd);
                    }
                }
            }
            int ready = waitOnce(Timeouts.toMillis(remaining), false);
            if (ready < 0) {
                // Errno was not saved; the same wait again tells why (an error other than EINTR repeats;
                // after EINTR this is simply the next wait).
                remaining = Timeouts.remaining(timeoutNanos, start, System.nanoTime());
                ready = waitOnce(Timeouts.toMillis(remaining), true);
            }
            if (ready < 0) {
                int errno = PosixNative.errno();
                if (errno == PosixNative.EINTR) {
                    remaining = Timeouts.remaining(timeoutNanos, start, System.nanoTime());
                    if (remaining == 0) {
                        return 0;
                    }
                    continue;
                }
                if (!recover(errno)) {
                    throw new IOException(name + " failed: " + PosixNative.describe(errno));
                }
            } else if (ready == 0) {
                if (timeoutNanos > 0 && Timeouts.isClamped(remaining)) {
                    remaining = Timeouts.remaining(timeoutNanos, start, System.nanoTime());
                    if (remaining > 0) {
                        continue;
                    }
                }
                return 0;
            }
            boolean woken = false;
            synchronized (lock) {
                batch.clear();
                if (collect(batch, ready, wakeFd)) {
                    wakePipe.drain();
                    woken = (wake.consume() & WakeSignal.USER) != 0;
                }
            }
            int delivered = batch.deliver(sink, table);
            if (woken) {
                sink.onWakeup();
            }
            if (delivered > 0 || woken) {
                return delivered;
            }
            remaining = Timeouts.remaining(timeoutNanos, start, System.nanoTime());
            if (remaining == 0) {
                return 0;
            }
        }
    }

    @Override
    public final void wakeup() {
        if (wake.request(WakeSignal.USER)) {
            signal();
        }
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        wake.request(WakeSignal.USER);
        signal();
        releaseIfIdle();
    }

    private void signal() {
        synchronized (lock) {
            if (!released) {
                wakePipe.signal();
            }
        }
    }

    private void releaseIfIdle() {
        if (busy.compareAndSet(false, true)) {
            synchronized (lock) {
                if (!released) {
                    released = true;
                    wakePipe.close();
                    releaseNative();
                    forkGuard.close();
                }
            }
        }
    }

    /** Marks the registrations changed; wakes a poller in another thread so it rebuilds. */
    private void changed() {
        dirty = true;
        Thread current = poller;
        if (current != null && current != Thread.currentThread() && wake.request(WakeSignal.INTERNAL)) {
            wakePipe.signal();
        }
    }

    private void requireRegistered(int fd, String operation) {
        if (!table.contains(fd)) {
            throw new IllegalArgumentException("Cannot " + operation + " fd " + fd + ": it is not registered with this "
                    + name + " multiplexer");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This " + name + " multiplexer is closed");
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
