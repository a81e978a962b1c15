package io.procmux.mux;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Waits until any of many file descriptors is ready, in the shape of Python's {@code select.poll}
 * and {@code select.epoll}: register descriptors with interest {@link Events} and an attachment
 * (the fd-to-object map is built in), then loop on {@code poll}.
 *
 * <p>Timeouts follow one rule in every backend: negative or null blocks, zero returns at once,
 * sub-millisecond values round up (never a busy loop), values beyond the syscall's range are
 * clamped, and a wait interrupted by a signal ({@code EINTR}) resumes with the time remaining.
 *
 * <p>Threading: one thread polls; {@link #wakeup()} may be called from any thread. Registration
 * changes from other threads are allowed and take effect no later than the next wait.
 *
 * <p>Cost: {@link #poll(long, EventSink)} allocates nothing in steady state; {@link #poll(Duration)}
 * allocates its result list.
 */
public interface Multiplexer extends AutoCloseable {

    /** The backend's name, e.g. {@code epoll}. */
    String name();

    /**
     * Starts watching {@code fd} for {@code events} (readiness bits, optionally with flags).
     *
     * @throws IllegalArgumentException for a negative fd, unknown bits, or an fd already registered
     * @throws UnsupportedOperationException for a flag this backend lacks, or an fd beyond its limit
     * @throws IOException when the kernel refuses the registration
     */
    void register(int fd, int events, @Nullable Object attachment) throws IOException;

    /** {@link #register(int, int, Object)} with no attachment. */
    default void register(int fd, int events) throws IOException {
        register(fd, events, null);
    }

    /** Registers the descriptor behind {@code source}, with {@code source} as default attachment. */
    default void register(HasFileDescriptor source, int events) throws IOException {
        register(source.fd(), events, source);
    }

    /**
     * Changes the interest set of a registered descriptor, keeping its attachment.
     *
     * @throws IllegalArgumentException when {@code fd} is not registered or the bits are unknown
     */
    void modify(int fd, int events) throws IOException;

    /**
     * Stops watching {@code fd}.
     *
     * @throws IllegalArgumentException when {@code fd} is not registered
     */
    void unregister(int fd) throws IOException;

    /** Whether {@code fd} is registered. */
    boolean isRegistered(int fd);

    /** The attachment of a registered descriptor, or null. */
    @Nullable Object attachment(int fd);

    /** How many descriptors are registered. */
    int size();

    /**
     * Waits for readiness and returns the ready descriptors (allocates the result).
     *
     * @param timeout null or negative to block, zero to return at once
     */
    PollResult poll(@Nullable Duration timeout) throws IOException;

    /**
     * Waits for readiness and hands each ready descriptor to {@code sink} (allocates nothing).
     *
     * @param timeoutNanos negative to block, zero to return at once
     * @return the number of events delivered; 0 after a timeout or a bare wake-up
     */
    int poll(long timeoutNanos, EventSink sink) throws IOException;

    /** Makes a current or the next wait return at once. Coalesces; never blocks. Any thread. */
    void wakeup();

    /** Releases the kernel object and the native memory. Registered descriptors are not closed. */
    @Override
    void close();
}
