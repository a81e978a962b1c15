package io.procmux.mux.epoll;

import io.procmux.nativesupport.FdTable;
import io.procmux.nativesupport.NativeBuffer;
import io.procmux.nativesupport.ReadyBatch;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;

/**
 * The polling thread's {@code struct epoll_event} array in native memory: {@code epoll_wait}
 * writes the ready events into it, and {@link #copyReady} reads them back into a
 * {@link ReadyBatch}. It starts at {@link #MIN_EVENTS} events and doubles, up to
 * {@link #MAX_EVENTS}, when the registrations outgrow it.
 *
 * <p>Cost: one {@code calloc} at construction and per growth; reading allocates nothing and is a
 * plain memory read per field (through a {@link ByteBuffer} view, no JNI). Not thread-safe: the
 * polling thread's alone.
 */
final class EpollEventArray {
    /** Events per wait at first. */
    static final int MIN_EVENTS = 64;
    /** The most events one wait returns, however many descriptors are registered. */
    static final int MAX_EVENTS = 4096;

    private NativeBuffer memory;
    private ByteBuffer view;
    private long address;
    private int capacity;

    EpollEventArray() {
        allocate(MIN_EVENTS);
    }

    private void allocate(int events) {
        memory = NativeBuffer.allocate((long) events * EpollNative.EVENT_SIZE);
        view = memory.buffer();
        address = memory.pointer().address();
        capacity = events;
    }

    /** The array's address, for the primitive-only {@code epoll_wait} binding. */
    long address() {
        return address;
    }

    /** The array as a jnr pointer, for the binding that saves errno. */
    Pointer pointer() {
        return memory.pointer();
    }

    /** How many events fit. */
    int capacity() {
        return capacity;
    }

    /** Grows to at least {@code wanted} events (a power of two times {@link #MIN_EVENTS}). */
    void growTo(int wanted) {
        int grown = capacity;
        while (grown < wanted) {
            grown *= 2;
        }
        if (grown != capacity) {
            NativeBuffer old = memory;
            allocate(grown);
            old.free();
        }
    }

    /**
     * Copies the first {@code ready} events into {@code batch}, with their registration's serial and
     * attachment from {@code table}, skipping descriptors {@code table} no longer holds; the caller
     * holds the lock that guards {@code table}.
     *
     * @return whether {@code wakeFd} was among them (it is not copied)
     */
    boolean copyReady(int ready, int wakeFd, FdTable table, ReadyBatch batch) {
        ByteBuffer events = view;
        boolean wakeReady = false;
        batch.clear();
        for (int i = 0; i < ready; i++) {
            int offset = i * EpollNative.EVENT_SIZE;
            int fd = (int) events.getLong(offset + EpollNative.DATA_OFFSET);
            int serial = table.serial(fd);
            if (serial != 0) {
                batch.add(fd, EpollMask.fromEpoll(events.getInt(offset)), serial, table.attachment(fd));
            } else if (fd == wakeFd) {
                wakeReady = true;
            }
        }
        return wakeReady;
    }

    /** Returns the memory to libc; idempotent. */
    void free() {
        memory.free();
    }
}
