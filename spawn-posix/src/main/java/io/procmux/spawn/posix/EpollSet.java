package io.procmux.spawn.posix;

import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;

/**
 * An {@code epoll(7)} instance for the {@link Reaper}: descriptors watched for readability, each
 * event carrying the descriptor's number. Any thread may {@link #add} while the reaper blocks in
 * {@link #await}, so registering a new child needs no wake-up of the reaper, and an exit costs
 * O(1) however many children are watched. Linux only.
 *
 * <p>Descriptors added with {@link #addOnce} ({@code EPOLLONESHOT}) are disabled by the kernel
 * as soon as they are reported, so the reaper needs no {@code EPOLL_CTL_DEL} after an exit: the
 * registration disappears when the descriptor is closed, and {@link #rearm} enables it again.
 *
 * <p>{@code struct epoll_event} is packed on x86 (12 bytes: {@code events}, then {@code data} at
 * offset 4) and naturally aligned elsewhere (16 bytes, {@code data} at offset 8).
 *
 * <p>Cost: one {@code epoll_ctl} per add or re-arm (a 12- or 16-byte array copied by jnr); one
 * {@code epoll_wait} per {@link #await} into a native array allocated once. One descriptor for
 * the JVM's life.
 */
final class EpollSet {
    private static final int EPOLLIN = 0x1;
    private static final int EPOLLONESHOT = 1 << 30;
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int CTL_ADD = 1;
    private static final int CTL_MOD = 3;
    private static final boolean PACKED = Platform.getNativePlatform().getCPU() == Platform.CPU.X86_64
            || Platform.getNativePlatform().getCPU() == Platform.CPU.I386;
    private static final int EVENT_BYTES = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;
    /** The length of the {@code int[]} that holds one {@code struct epoll_event} for {@code epoll_ctl}. */
    static final int EVENT_INTS = EVENT_BYTES / 4;
    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

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
        return nat.libc().epoll_ctl(epfd, CTL_ADD, fd, event(new int[EVENT_INTS], EPOLLIN, fd)) == 0;
    }

    /**
     * Watches {@code fd} for one readability report ({@code EPOLLONESHOT}), writing the event into
     * the caller's {@code scratch} ({@link #EVENT_INTS} ints); false (with errno set) when refused.
     */
    boolean addOnce(int fd, int[] scratch) {
        return nat.libc().epoll_ctl(epfd, CTL_ADD, fd, event(scratch, EPOLLIN | EPOLLONESHOT, fd)) == 0;
    }

    /** Enables a reported {@link #addOnce} descriptor for one more report; false (with errno set) when refused. */
    boolean rearm(int fd, int[] scratch) {
        return nat.libc().epoll_ctl(epfd, CTL_MOD, fd, event(scratch, EPOLLIN | EPOLLONESHOT, fd)) == 0;
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

    /** Fills {@code e} with {@code events} and a 64-bit {@code data} holding {@code fd} (never negative). */
    private static int[] event(int[] e, int events, int fd) {
        int data = DATA_OFFSET / 4;
        e[0] = events;
        if (EVENT_INTS > 3) {
            e[1] = 0; // padding before the aligned data
        }
        e[data] = LITTLE_ENDIAN ? fd : 0;
        e[data + 1] = LITTLE_ENDIAN ? 0 : fd;
        return e;
    }
}
