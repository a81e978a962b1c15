package io.procmux.cli.serve;

import io.procmux.ipc.UnixSockets;
import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A single-threaded echo server on a procmux {@link Multiplexer}: non-blocking sockets whose raw
 * descriptors are registered with the multiplexer, every byte read written back in order. TCP goes
 * through JDK channels ({@link TcpListener}); a Unix socket through the api's {@link UnixSockets}
 * ({@link UnixListener}: socket file 0600, lock, stale file replaced, same-uid peers only).
 *
 * <p>Partial writes are queued per connection in a pooled direct buffer of {@code bufferBytes};
 * when that queue is full the client is no longer read (back-pressure) until it drains. Beyond
 * {@code maxConnections} open clients a new connection is accepted and closed at once. When the
 * process runs out of descriptors ({@code EMFILE}), accepting pauses until a client leaves.
 *
 * <p>Cost: one thread (the caller of {@link #run()}); per event one read and one write system call
 * and, in steady state, no allocation (one shared direct read buffer, pooled queue buffers, the
 * server itself is the event sink). Per connection: a channel and a small object.
 *
 * <p>Lifecycle: {@link #open} binds and listens; {@link #run()} serves until {@link #stop()} (any
 * thread), then closes every connection and the listener and removes the Unix socket file.
 * {@link #close()} does the same for a server that never ran. The multiplexer stays the caller's.
 */
public final class EchoServer implements AutoCloseable {
    /** Default size of the read buffer and of each connection's output queue (the back-pressure bound). */
    public static final int DEFAULT_BUFFER_BYTES = 64 * 1024;
    private static final int BACKLOG = 4096;
    private static final int ACCEPTS_PER_EVENT = 256;

    private final Multiplexer mux;
    private final Listener listener;
    private final int listenerFd;
    private final int maxConnections;
    private final PrintWriter log;
    private final ByteBuffer readBuffer;
    private final BufferPool pool;
    private final ServerStats stats = new ServerStats();
    private final Sink sink = new Sink();
    private final CountDownLatch finished = new CountDownLatch(1);
    private @Nullable Connection first;
    private boolean acceptPaused;
    private boolean closed;
    private volatile boolean stopping;

    private EchoServer(Multiplexer mux, Listener listener, int maxConnections, int bufferBytes, PrintWriter log) {
        this.mux = mux;
        this.listener = listener;
        this.listenerFd = listener.fd();
        this.maxConnections = maxConnections;
        this.log = log;
        this.readBuffer = ByteBuffer.allocateDirect(bufferBytes);
        this.pool = new BufferPool(bufferBytes, 1024);
    }

    /**
     * Binds {@code address}, listens, and registers the listener with {@code mux}; a Unix socket
     * goes through the ipc backend {@link Backends} selects ({@code -Dprocmux.ipc},
     * {@code PROCMUX_IPC}, else the best available), looked up only for a Unix address.
     *
     * @param maxConnections clients served at once, at least 1
     * @param bufferBytes read buffer and per-connection output bound, at least 1
     * @param log where warnings go (running out of descriptors)
     * @throws IOException when binding fails; the message names the address
     */
    public static EchoServer open(Multiplexer mux, ServeAddress address, int maxConnections, int bufferBytes,
            PrintWriter log) throws IOException {
        return open(mux, address, () -> Backends.select(BackendKind.IPC).open(), maxConnections, bufferBytes, log);
    }

    /**
     * As {@link #open(Multiplexer, ServeAddress, int, int, PrintWriter)}, with the Unix socket
     * factory given; {@code unixSockets} is called only for a Unix address.
     */
    public static EchoServer open(Multiplexer mux, ServeAddress address, Supplier<UnixSockets> unixSockets,
            int maxConnections, int bufferBytes, PrintWriter log) throws IOException {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be at least 1, got " + bufferBytes);
        }
        Listener listener = address instanceof ServeAddress.Unix unix
                ? UnixListener.open(unix, unixSockets.get(), BACKLOG)
                : TcpListener.open((ServeAddress.Tcp) address, BACKLOG);
        try {
            EchoServer server = new EchoServer(mux, listener, maxConnections, bufferBytes, log);
            mux.register(server.listenerFd, Events.IN, listener);
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** The address actually bound (with the real port when 0 was asked for). */
    public SocketAddress localAddress() {
        return listener.localAddress();
    }

    /** The counters of this server. */
    public ServerStats stats() {
        return stats;
    }

    /**
     * Serves until {@link #stop()}, then closes every connection and the listener.
     *
     * @throws IOException when the multiplexer fails (everything is closed all the same)
     */
    public void run() throws IOException {
        try {
            while (!stopping) {
                mux.poll(-1, sink);
            }
        } finally {
            try {
                close();
            } finally {
                finished.countDown();
            }
        }
    }

    /** Asks {@link #run()} to return; any thread, never blocks. */
    public void stop() {
        stopping = true;
        mux.wakeup();
    }

    /** Waits until {@link #run()} has closed everything; true if it did within {@code timeout}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes every connection and the listener and removes the Unix socket file. Idempotent; not while {@link #run()} runs. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        while (first != null) {
            closeConnection(first);
        }
        try {
            if (mux.isRegistered(listenerFd)) {
                mux.unregister(listenerFd);
            }
        } finally {
            listener.close();
        }
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            Connection connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("Too many open files")) {
                    pauseAccepting(e);   // EMFILE/ENFILE: the listener would stay readable and spin
                } else {
                    log.println("procmux serve: accept failed: " + e.getMessage());
                    log.flush();
                }
                return;
            }
            if (connection == null) {
                return;
            }
            if (stats.open() >= maxConnections) {
                stats.onRefused();
                closeQuietly(connection.channel);
                continue;
            }
            try {
                mux.register(connection.fd, Events.IN, connection);
                connection.interest = Events.IN;
            } catch (IOException e) {
                log.println("procmux serve: dropping a new connection: " + e.getMessage());
                log.flush();
                closeQuietly(connection.channel);
                continue;
            }
            link(connection);
            stats.onAccepted();
        }
    }

    /** Out of descriptors: stop watching the listener until a client leaves and frees one. */
    private void pauseAccepting(IOException cause) {
        try {
            mux.unregister(listenerFd);
            acceptPaused = true;
            log.println("procmux serve: cannot accept (" + cause.getMessage() + "); paused until a connection closes"
                    + " (raise the limit with 'ulimit -n')");
            log.flush();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot pause accepting: " + e.getMessage(), e);
        }
    }

    private void resumeAccepting() {
        if (acceptPaused && !closed) {
            try {
                mux.register(listenerFd, Events.IN, listener);
                acceptPaused = false;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot resume accepting: " + e.getMessage(), e);
            }
        }
    }

    private void serve(Connection connection, int events) {
        try {
            if ((events & Events.OUT) != 0 && connection.pending != null) {
                flush(connection);
            }
            if ((events & (Events.IN | Events.HUP | Events.ERR | Events.RDHUP)) != 0 && connection.canRead()) {
                readAndEcho(connection);
            }
            if (connection.inputClosed && connection.pending == null) {
                closeConnection(connection);
                return;
            }
            updateInterest(connection);
        } catch (IOException e) {
            closeConnection(connection);
        }
    }

    private void readAndEcho(Connection connection) throws IOException {
        ByteBuffer queued = connection.pending;
        if (queued == null) {
            ByteBuffer buffer = readBuffer;
            buffer.clear();
            int read = connection.channel.read(buffer);
            if (read <= 0) {
                connection.inputClosed = read < 0;
                return;
            }
            stats.onRead(read);
            buffer.flip();
            stats.onWritten(connection.channel.write(buffer));
            if (buffer.hasRemaining()) {
                ByteBuffer rest = pool.take();
                rest.put(buffer);
                connection.pending = rest;
            }
        } else {
            int read = connection.channel.read(queued);
            if (read < 0) {
                connection.inputClosed = true;
            } else {
                stats.onRead(read);
            }
            flush(connection);
        }
    }

    private void flush(Connection connection) throws IOException {
        ByteBuffer queued = connection.pending;
        if (queued == null) {
            return;
        }
        queued.flip();
        stats.onWritten(connection.channel.write(queued));
        queued.compact();
        if (queued.position() == 0) {
            connection.pending = null;
            pool.give(queued);
        }
    }

    private void updateInterest(Connection connection) throws IOException {
        int wanted = 0;
        if (connection.canRead()) {
            wanted |= Events.IN;
        } else if (!connection.inputClosed && (connection.interest & Events.IN) != 0) {
            stats.onPaused();
        }
        if (connection.pending != null) {
            wanted |= Events.OUT;
        }
        if (wanted != connection.interest) {
            mux.modify(connection.fd, wanted);
            connection.interest = wanted;
        }
    }

    private void link(Connection connection) {
        Connection head = first;
        connection.next = head;
        if (head != null) {
            head.previous = connection;
        }
        first = connection;
    }

    private void closeConnection(Connection connection) {
        Connection previous = connection.previous;
        Connection next = connection.next;
        if (previous != null) {
            previous.next = next;
        } else {
            first = next;
        }
        if (next != null) {
            next.previous = previous;
        }
        connection.previous = null;
        connection.next = null;
        try {
            mux.unregister(connection.fd);
        } catch (IOException | IllegalArgumentException e) {
            // the channel is closed below either way; the registration dies with the descriptor
        }
        ByteBuffer queued = connection.pending;
        if (queued != null) {
            connection.pending = null;
            pool.give(queued);
        }
        closeQuietly(connection.channel);
        stats.onClosed();
        resumeAccepting();
    }

    private static void closeQuietly(Closeable channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do with a client we are dropping
        }
    }

    /** The server's event sink: one instance, so a wait allocates nothing. */
    private final class Sink implements EventSink {
        @Override
        public void onEvent(int fd, int events, @Nullable Object attachment) {
            if (attachment instanceof Connection connection) {
                serve(connection, events);
            } else if (fd == listenerFd) {
                acceptSome();
            }
        }
    }
}
