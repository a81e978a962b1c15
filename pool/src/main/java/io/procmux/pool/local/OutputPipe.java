package io.procmux.pool.local;

import io.procmux.ipc.UnixConnection;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One of a worker's output streams as the pool's I/O thread sees it: a pipe registered with the
 * multiplexer and read when ready, or (where the spawner hands out no pipe descriptors) a connection
 * the worker made to the pool's private socket for its {@code System.out}/{@code System.err}
 * ({@link WorkerStreams}), plus a file in the pool's private directory for what the JVM itself
 * writes, read once the worker has exited. Either way the bytes go to the
 * worker's {@link OutputTail}.
 *
 * <p>Cost: one {@code read(2)} per readiness event into the loop's shared buffer.
 */
final class OutputPipe {
    private final Worker worker;
    private final InputStream in;
    private final int fd;
    private final OutputTail tail;
    /** The worker's output connection in path mode (closed at end of stream); null for a child's pipe. */
    private final @Nullable UnixConnection socket;

    private OutputPipe(Worker worker, InputStream in, int fd, OutputTail tail, @Nullable UnixConnection socket) {
        this.worker = worker;
        this.in = in;
        this.fd = fd;
        this.tail = tail;
        this.socket = socket;
    }

    /** Registers the worker's output pipes (stderr, and stdout when prefixed) with {@code mux}. */
    static void register(Worker w, Multiplexer mux) throws IOException {
        if (w.stderrPipe != null) {
            add(w, mux, w.stderrPipe, w.child.stderrFd().orElseThrow(), w.err);
        }
        if (w.stdoutPipe != null && w.out != null) {
            add(w, mux, w.stdoutPipe, w.child.stdoutFd().orElseThrow(), w.out);
        }
    }

    private static void add(Worker w, Multiplexer mux, InputStream in, int fd, OutputTail tail) throws IOException {
        OutputPipe p = new OutputPipe(w, in, fd, tail, null);
        mux.register(fd, Events.IN, p);
        w.openPipes.add(p);
    }

    /**
     * Watches a path-mode worker's output connection ({@link WorkerStreams}) as it watches a pipe;
     * returns false (and closes it) when that stream is not wanted or already has one.
     */
    static boolean attach(Worker w, Multiplexer mux, UnixConnection connection, long stream) {
        OutputTail tail = stream == WorkerStreams.STDOUT ? w.out : stream == WorkerStreams.STDERR ? w.err : null;
        for (OutputPipe p : w.openPipes) {
            if (p.tail == tail) {
                tail = null;
            }
        }
        try {
            if (tail == null || w.exit != null) {
                throw new IOException("unwanted output stream " + stream);
            }
            connection.configureBlocking(true);   // read only when ready: returns what is there
            OutputPipe p = new OutputPipe(w, connection.inputStream(), connection.fd(), tail, connection);
            mux.register(connection.fd(), Events.IN, p);
            w.openPipes.add(p);
            return true;
        } catch (IOException | RuntimeException e) {
            ControlChannel.closeQuietly(connection);
            return false;
        }
    }

    /** Reads once; at end of stream unregisters the pipe. */
    void read(byte[] chunk, Multiplexer mux) {
        int n;
        try {
            n = in.read(chunk, 0, chunk.length);
        } catch (IOException e) {
            n = -1;
        }
        if (n > 0) {
            tail.feed(chunk, n);
        } else {
            end(mux);
        }
    }

    private void end(Multiplexer mux) {
        tail.end();
        ControlChannel.unregister(mux, fd);
        ControlChannel.closeQuietly(socket);
        worker.openPipes.remove(this);
    }

    /** Stops watching what is still open, and reads the output files of a worker that has exited. */
    static void finish(Worker w, Multiplexer mux) {
        while (!w.openPipes.isEmpty()) {
            w.openPipes.get(0).end(mux);
        }
        readFile(w.stderrFile, w.err);
        readFile(w.stdoutFile, w.out);
    }

    private static void readFile(@Nullable Path file, @Nullable OutputTail tail) {
        if (file == null || tail == null) {
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            tail.feed(bytes, bytes.length);
            tail.end();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            tail.end();
        }
    }
}
