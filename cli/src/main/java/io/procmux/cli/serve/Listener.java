package io.procmux.cli.serve;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * The listening socket of an {@link EchoServer}, bound and in non-blocking mode: its descriptor
 * for the multiplexer, the address it is bound to, and accepting one client at a time.
 * {@link TcpListener} and {@link UnixListener} are the two kinds. Used by the server's single
 * thread; closing it stops listening (and, for a Unix socket, removes the socket file).
 */
interface Listener extends Closeable {

    /** The listening descriptor, to register for {@code IN}. */
    int fd();

    /** The address actually bound (with the real port when 0 was asked for). */
    SocketAddress localAddress();

    /**
     * Accepts one pending client as a non-blocking {@link Connection}, or returns null when none is
     * waiting.
     *
     * @throws IOException when accepting fails; running out of descriptors says "Too many open files"
     */
    @Nullable Connection accept() throws IOException;

    /** A {@link BindException} saying that listening on {@code where} failed, and why. */
    static BindException bindFailure(String where, String why, Throwable cause) {
        BindException named = new BindException("Cannot listen on " + where + ": " + why);
        named.initCause(cause);
        return named;
    }
}
