package io.procmux.cli.serve;

import io.procmux.mux.Multiplexer;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** An {@link EchoServer} serving on its own thread for a test; {@link #close()} stops it and checks it stopped. */
final class RunningServer implements AutoCloseable {
    final Multiplexer mux;
    final EchoServer server;
    final StringWriter log = new StringWriter();
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RunningServer(String muxName, ServeAddress address, int maxConnections, int bufferBytes) throws IOException {
        mux = Backends.select(BackendKind.MUX, muxName).open();
        try {
            server = EchoServer.open(mux, address, maxConnections, bufferBytes, new PrintWriter(log, true));
        } catch (IOException | RuntimeException e) {
            mux.close();
            throw e;
        }
        thread = new Thread(() -> {
            try {
                server.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "echo-server-" + muxName);
        thread.start();
    }

    /** Bytes the server thread has allocated so far (HotSpot's per-thread counter). */
    long serverThreadAllocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(thread.getId());
    }

    SocketAddress address() {
        return server.localAddress();
    }

    ServerStats stats() {
        return server.stats();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        try {
            if (!server.awaitStopped(Duration.ofSeconds(20))) {
                throw new AssertionError("the server did not stop within 20 s");
            }
            thread.join(20_000);
            if (thread.isAlive()) {
                throw new AssertionError("the server thread is still alive");
            }
        } finally {
            mux.close();
        }
        if (failure.get() != null) {
            throw new AssertionError("the server failed", failure.get());
        }
    }
}
