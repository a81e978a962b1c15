package io.procmux.mux.poll;

import io.procmux.mux.Events;
import io.procmux.mux.posix.PosixMultiplexer;
import io.procmux.mux.posix.PosixNative;
import io.procmux.mux.posix.WakePipe;
import io.procmux.nativesupport.NativeBuffer;
import io.procmux.nativesupport.ReadyBatch;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * The {@code poll} multiplexer: {@code poll(2)} through jnr-ffi over an off-heap
 * {@code struct pollfd} array, with no limit on descriptor numbers.
 *
 * <p>The array lives in native memory for good, mirrored by a Java array: a registration change
 * edits the mirror (a removal moves the last entry into the freed slot) and marks the range it
 * touched; before the next wait that range alone is copied to native memory, in one bulk copy.
 * After a wait the {@code revents} are read straight from native memory through a direct buffer
 * (compiled memory reads, no JNI call per entry, no copy), and the scan stops once it has found
 * as many ready entries as {@code poll} reported.
 *
 * <p>Cost: per wait one {@code poll} syscall whose kernel cost is O(registered descriptors), plus
 * a scan of the array up to the last ready entry (one memory read per entry); nothing is
 * allocated. A descriptor closed while registered is reported once with
 * {@link Events#NVAL} and evicted, so it never makes the loop spin. Two descriptors (the wake-up
 * pipe), 8 bytes of native memory and 12 bytes of Java arrays per registration. Threads: see
 * {@link PosixMultiplexer}.
 */
public final class PollMultiplexer extends PosixMultiplexer {
    private static final int POLLFD_SIZE = 8;
    private static final int POLLIN = 0x001;
    private static final int WATCHABLE = Events.IN | Events.PRI | Events.OUT | Events.RDHUP;
    /** Where {@code events} and {@code revents} sit in the second int of a {@code struct pollfd}. */
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final int EVENTS_SHIFT = LITTLE ? 0 : 16;
    private static final int REVENTS_SHIFT = LITTLE ? 16 : 0;

    private final boolean linux = PosixNative.isLinux();
    /** The entries as the kernel should see them: fd, then events with revents 0; entry 0 is the wake-up pipe. */
    private int[] mirror = new int[2 * 16];
    /** Slot of each registered descriptor plus one, indexed by descriptor; 0 when absent. */
    private int[] slots = new int[64];
    /** Entries in use, the wake-up pipe included. */
    private int count = 1;
    /** The entries changed since the last {@link #sync}: {@code [dirtyFrom, dirtyTo)}. */
    private int dirtyFrom;
    private int dirtyTo = 1;
    /** Only the polling thread touches the native side, under the lock. */
    private NativeBuffer pollfds = NativeBuffer.allocate(16L * POLLFD_SIZE);
    private IntBuffer nativeInts = ints(pollfds);
    /** Entries the native array holds. */
    private int nativeCount;

    private PollMultiplexer(WakePipe wakePipe) {
        super("poll", wakePipe);
        mirror[0] = wakePipe.readFd();
        mirror[1] = POLLIN << EVENTS_SHIFT;
    }

    /** Opens a poll multiplexer: creates its wake-up pipe. */
    static PollMultiplexer open() throws IOException {
        return new PollMultiplexer(WakePipe.open());
    }

    private static IntBuffer ints(NativeBuffer buffer) {
        return buffer.buffer().asIntBuffer();
    }

    @Override
    protected void checkSupported(int fd, int events) {
        refuseFlags(events);
        if (!linux && (events & Events.RDHUP) != 0) {
            throw new UnsupportedOperationException("The poll multiplexer supports RDHUP on Linux only; "
                    + "watch IN and read end-of-file instead");
        }
    }

    @Override
    protected void interestChanged(int fd, int events, boolean added) {
        int slot;
        if (added) {
            if (fd >= slots.length) {
                slots = Arrays.copyOf(slots, Math.max(fd + 1, slots.length * 2));
            }
            if (2 * count == mirror.length) {
                mirror = Arrays.copyOf(mirror, mirror.length * 2);
            }
            slot = count++;
            slots[fd] = slot + 1;
            mirror[2 * slot] = fd;
        } else {
            slot = slots[fd] - 1;
        }
        mirror[2 * slot + 1] = (events & WATCHABLE) << EVENTS_SHIFT;
        touched(slot);
    }

    @Override
    protected void removed(int fd) {
        int slot = slots[fd] - 1;
        slots[fd] = 0;
        int last = --count;
        if (slot != last) {
            int moved = mirror[2 * last];
            mirror[2 * slot] = moved;
            mirror[2 * slot + 1] = mirror[2 * last + 1];
            slots[moved] = slot + 1;
            touched(slot);
        }
    }

    private void touched(int slot) {
        if (dirtyFrom >= dirtyTo) {
            dirtyFrom = slot;
            dirtyTo = slot + 1;
        } else {
            dirtyFrom = Math.min(dirtyFrom, slot);
            dirtyTo = Math.max(dirtyTo, slot + 1);
        }
    }

    @Override
    protected void sync(int wakeFd) {
        if ((long) count * POLLFD_SIZE > pollfds.size()) {
            long capacity = pollfds.size();
            while (capacity < (long) count * POLLFD_SIZE) {
                capacity *= 2;
            }
            pollfds.free();
            pollfds = NativeBuffer.allocate(capacity);
            nativeInts = ints(pollfds);
            dirtyFrom = 0;
            dirtyTo = count;
        }
        int to = Math.min(dirtyTo, count);
        if (dirtyFrom < to) {
            nativeInts.put(2 * dirtyFrom, mirror, 2 * dirtyFrom, 2 * (to - dirtyFrom));
        }
        dirtyFrom = 0;
        dirtyTo = 0;
        nativeCount = count;
    }

    @Override
    protected int waitOnce(int timeoutMillis, boolean saveErrno) {
        return saveErrno ? PosixNative.libc().poll(pollfds.pointer(), nativeCount, timeoutMillis)
                : PosixNative.libc().poll_ignoring_errno(pollfds.pointer().address(), nativeCount, timeoutMillis);
    }

    @Override
    protected boolean collect(ReadyBatch ready, int readyCount, int wakeFd) {
        IntBuffer entries = nativeInts;
        boolean wakeReady = false;
        int found = 0;
        for (int i = 0; i < nativeCount && found < readyCount; i++) {
            int revents = (entries.get(2 * i + 1) >>> REVENTS_SHIFT) & 0xffff;
            if (revents == 0) {
                continue;
            }
            found++;
            int fd = entries.get(2 * i);
            if (i == 0) {
                wakeReady = true;
            } else if (table.contains(fd)) {
                deliverLater(ready, fd, revents & Events.ALL_EVENTS);
            }
        }
        return wakeReady;
    }

    private void deliverLater(ReadyBatch ready, int fd, int events) {
        if ((events & Events.NVAL) != 0) {
            ready.add(fd, events, 0, table.attachment(fd));
            evict(fd);
        } else {
            ready.add(fd, events, table.serial(fd), table.attachment(fd));
        }
    }

    @Override
    protected void releaseNative() {
        pollfds.free();
    }
}
