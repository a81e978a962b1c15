package io.procmux.ipc;

import io.procmux.mux.HasFileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A Unix datagram socket ({@code SOCK_DGRAM}): message boundaries kept, reliable and ordered on
 * one host, optionally bound to an address (with the same file safety as a {@link UnixServer}:
 * private directory, 0600, lock, stale file replaced, removed on close). Close-on-exec; its raw
 * descriptor can be registered with a {@link io.procmux.mux.Multiplexer}.
 *
 * <p>Cost: one syscall per datagram; heap buffers add a copy through a 64 KiB direct buffer.
 */
public interface UnixDatagramSocket extends HasFileDescriptor, AutoCloseable {

    /** The bound address, or empty for an unbound (send-only or paired) socket. */
    Optional<UnixAddress> address();

    /**
     * Sends {@code datagram}'s remaining bytes as one message to {@code target}.
     *
     * @return the bytes sent, or 0 when a non-blocking socket's peer queue is full
     */
    int send(ByteBuffer datagram, UnixAddress target) throws IOException;

    /** Sends to the connected peer (a {@link UnixSockets#datagramPair()} end). */
    int send(ByteBuffer datagram) throws IOException;

    /**
     * Receives one message into {@code buffer}.
     *
     * @return its length, or -2 when a non-blocking socket has none waiting
     * @throws IOException when the message was longer than the buffer's remaining room (the
     *     message is then lost, and the message says both sizes)
     */
    int receive(ByteBuffer buffer) throws IOException;

    /** Switches between blocking and non-blocking send and receive. */
    void configureBlocking(boolean blocking) throws IOException;

    /** Closes the socket and removes its file and lock when it was bound to a path. */
    @Override
    void close();
}
