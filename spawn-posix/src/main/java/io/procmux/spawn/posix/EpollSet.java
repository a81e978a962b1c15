package io.procmux.spawn.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;

/**
 * An {@code epoll(7)} instance for the {@link Reaper}: descriptors watched for readability, each
 * event carrying the descriptor's number. Any thread may {@link #add} or {@link #remove} while
 * the reaper blocks in {@link #await}, so registering a new child needs no wake-up of the reaper,
 * and an exit costs O(1) however many children are watched. Linux only.
 *
 * <p>{@code struct epoll_event} is packed on x86 (12 bytes: {@code events}, then {@code data} at
 * offset 4) and naturally aligned elsewhere (16 bytes, {@code data} at offset 8).
 *
 * <p>Cost: one {@code epoll_ctl} per add or remove (a 12- or 16-byte array copied by jnr); one
 * {@code epoll_wait} per {@link #await} into a native array allocated once. One descriptor for
 * the JVM's life.
 */
final class EpollSet {
    private static final int EPOLLIN = 0x1;
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int CTL_ADD = 1;
    private static final int CTL_DEL = 2;
    private static final boolean PACKED = Platform.getNativePlatform().getCPU() == Platform.CPU.X86_64
            || Platform.getNativePlatform().getCPU() == Platform.CPU.I386;
    private static final int EVENT_BYTES = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final Native nat;
    private final int epfd;
    private final Pointer events;
    private final int capacity;

    private EpollSet(Native nat, int epfd, int capacity) {
        this.nat = nat;
        this.epfd = epfd;
        this.capacity = capacity;
        this.events = Memory.allocateDirect(nat.runtime(), capacity * EVENT_BYTES, true);
    }

    /**
     * Opens an epoll instance returning up to {@code capacity} events per wait.
     *
     * @throws IllegalStateException when {@code epoll_create1} fails, with the reason
     */
    static EpollSet open(Native nat, int capacity) {
        int fd = nat.libc().epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            int errno = nat.errno();
            throw new IllegalStateException("epoll_create1: " + Native.errnoText(errno) + " (" + Native.errnoName(errno) + ")");
        }
        return new EpollSet(nat, fd, capacity);
    }

    /** Watches {@code fd} for readability; false (with errno set) when the kernel refuses it. */
    boolean add(int fd) {
        return nat.libc().epoll_ctl(epfd, CTL_ADD, fd, event(fd)) == 0;
    }

    /** Stops watching {@code fd}; a descriptor that is not watched is ignored. */
    void remove(int fd) {
        nat.libc().epoll_ctl(epfd, CTL_DEL, fd, event(fd));
    }

    /**
     * Blocks until a watched descriptor is readable or {@code timeoutMillis} passes (-1: no
     * limit); returns how many events {@link #fdAt} can read, 0 on timeout or a signal. Only one
     * thread may call it.
     */
    int await(int timeoutMillis) {
        int n = nat.libc().epoll_wait(epfd, events, capacity, timeoutMillis);
        return Math.max(n, 0);
    }

    /** The descriptor of event {@code index} of the last {@link #await}. */
    int fdAt(int index) {
        return (int) events.getLong((long) index * EVENT_BYTES + DATA_OFFSET);
    }

    private static byte[] event(int fd) {
        byte[] e = new byte[EVENT_BYTES];
        ByteBuffer.wrap(e).order(ByteOrder.nativeOrder()).putInt(0, EPOLLIN).putLong(DATA_OFFSET, fd);
        return e;
    }
}
