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

    /**
     * Receives one message into {@code buffer} and tells who sent it, like Python's
     * {@code socket.recvfrom}.
     *
     * @return the message's length ({@link Received#WOULD_BLOCK} when a non-blocking socket has none
     *     waiting) and the sender's address, empty when the sender is not bound to an address
     * @throws IOException when the message was longer than the buffer's remaining room
     */
    Received receiveFrom(ByteBuffer buffer) throws IOException;

    /**
     * One message received by {@link #receiveFrom}.
     *
     * @param length the message's length in bytes, or {@link #WOULD_BLOCK}
     * @param sender the sender's bound address; empty for an unbound sender, and for an abstract
     *     name that {@link UnixAddress} cannot hold (one with a NUL inside)
     */
    record Received(int length, Optional<UnixAddress> sender) {
        /** The length when a non-blocking socket had no message waiting. */
        public static final int WOULD_BLOCK = -2;
    }

    /** Switches between blocking and non-blocking send and receive. */
    void configureBlocking(boolean blocking) throws IOException;

    /** Closes the socket and removes its file and lock when it was bound to a path. */
    @Override
    void close();
}
