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
 */
public interface UnixConnection extends ByteChannel, HasFileDescriptor {

    /** Who is at the other end. */
    PeerCredentials peerCredentials() throws IOException;

    /** Switches between blocking and non-blocking reads and writes. */
    void configureBlocking(boolean blocking) throws IOException;

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
     * close-on-exec descriptors owned by the caller (possibly none).
     */
    int[] receiveWithFds(ByteBuffer buffer) throws IOException;
}
