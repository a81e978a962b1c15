package io.procmux.bench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Unix stream sockets, procmux against the JDK's {@code SocketChannel} and raw jnr-unixsocket:
 * {@link #throughput64KiB} writes 64 KiB messages that a second thread drains (ops/s times 64 KiB
 * is the bandwidth); {@link #pingPong64B} is one 64-byte round trip to an echo thread. Direct
 * buffers everywhere, blocking mode, as each implementation is normally used.
 *
 * <p>Run by {@code bench/sections/ipc}, which alternates the implementations across rounds.
 */
@State(Scope.Benchmark)
public class UnixSocketBenchmark {
    static final int MESSAGE = 64 * 1024;
    static final int PING = 64;

    /** Which implementation: procmux, jdk or jnr. */
    @Param({"procmux", "jdk", "jnr"})
    public String impl;

    private Endpoints endpoints;
    private Thread peer;
    private final ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE);
    private final ByteBuffer ping = ByteBuffer.allocateDirect(PING);
    private final ByteBuffer pong = ByteBuffer.allocateDirect(PING);

    /** Connects a pair; the benchmark method's name picks a draining or an echoing peer thread. */
    @Setup(Level.Trial)
    public void connect(org.openjdk.jmh.infra.BenchmarkParams params) throws IOException {
        endpoints = Endpoints.open(impl);
        boolean echo = params.getBenchmark().endsWith("pingPong64B");
        ByteChannel far = endpoints.server;
        peer = new Thread(() -> serve(far, echo), "ipc-bench-peer");
        peer.setDaemon(true);
        peer.start();
    }

    /** Echoes every 64 bytes back ({@code echo}) or drains, until the channel closes. */
    static void serve(ByteChannel far, boolean echo) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(echo ? PING : MESSAGE);
        try {
            while (true) {
                buffer.clear();
                if (echo) {
                    while (buffer.hasRemaining()) {
                        if (far.read(buffer) < 0) {
                            return;
                        }
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        far.write(buffer);
                    }
                } else if (far.read(buffer) < 0) {
                    return;
                }
            }
        } catch (IOException closed) {
            // the trial is over
        }
    }

    /** Closes both ends, which ends the peer thread. */
    @TearDown(Level.Trial)
    public void close() throws Exception {
        endpoints.close();
        peer.join(5000);
    }

    /** One 64 KiB message written completely. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int throughput64KiB() throws IOException {
        message.clear();
        int n = 0;
        while (message.hasRemaining()) {
            n += endpoints.client.write(message);
        }
        return n;
    }

    /** 64 bytes out and the same 64 bytes back. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int pingPong64B() throws IOException {
        ping.clear();
        while (ping.hasRemaining()) {
            endpoints.client.write(ping);
        }
        pong.clear();
        while (pong.hasRemaining()) {
            if (endpoints.client.read(pong) < 0) {
                throw new IOException("echo peer closed");
            }
        }
        return pong.get(0);
    }
}
