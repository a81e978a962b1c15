package io.procmux.ipc;

import io.procmux.mux.HasFileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * One connected Unix stream socket: a {@link ByteChannel} and a pair of streams over it, its raw
 * descriptor for a {@link io.procmux.mux.Multiplexer}, the peer's credentials, half-close, and
 * passing file descriptors ({@code SCM_RIGHTS}). Close-on-exec is always set.
 *
 * <p>Blocking mode (the default): {@code read} waits for at least one byte and returns -1 at end
 * of stream; {@code write} writes everything. Non-blocking mode: {@code read} and {@code write}
 * return 0 when the socket is not ready; register {@link #fd()} with a
 * {@link io.procmux.mux.Multiplexer} for {@code IN}/{@code OUT}. A dead peer is an
 * {@link IOException} ({@code EPIPE}, {@code ECONNRESET}), never a {@code SIGPIPE}.
 * Closing from another thread wakes a thread blocked in {@code read} or {@code write}.
 */
public interface UnixConnection extends ByteChannel, HasFileDescriptor {

    /** Who is at the other end. */
    PeerCredentials peerCredentials() throws IOException;

    /** Switches between blocking and non-blocking reads and writes. */
    void configureBlocking(boolean blocking) throws IOException;

    /** Whether reads and writes block. */
    boolean isBlocking();

    /**
     * Completes a connection started by {@link UnixSockets#connectNonBlocking}: true once
     * connected (at once for every other connection). On Linux a Unix-socket connect completes
     * immediately unless the server's backlog is full; then this retries and returns false until
     * the server makes room.
     *
     * @throws IOException when the server went away ({@code ECONNREFUSED}, {@code ENOENT})
     */
    boolean finishConnect() throws IOException;

    /** Shuts down the reading half; further reads return end of stream. */
    void shutdownInput() throws IOException;

    /** Shuts down the writing half; the peer reads end of stream. */
    void shutdownOutput() throws IOException;

    /** A stream view of reading; closing it closes the connection. */
    InputStream inputStream();

    /** A stream view of writing; closing it closes the connection. */
    OutputStream outputStream();

    /**
     * Sends {@code payload} (at least one byte) together with duplicates of {@code fds}.
     *
     * @return the number of payload bytes written
     */
    int sendWithFds(ByteBuffer payload, int... fds) throws IOException;

    /**
     * Reads payload into {@code buffer} and returns the descriptors that came with it, as new
     * close-on-exec descriptors owned by the caller (possibly none). In non-blocking mode with
     * nothing to read, returns no descriptors and leaves the buffer unchanged.
     *
     * @throws java.io.EOFException at end of stream
     */
    int[] receiveWithFds(ByteBuffer buffer) throws IOException;
}
