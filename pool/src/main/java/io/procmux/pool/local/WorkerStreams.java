package io.procmux.pool.local;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A path-mode worker's live output: where the spawner gives the parent no pipe to read while the
 * worker runs (the {@code jvm} spawner writes the worker's descriptors 1 and 2 to files), the
 * worker connects one more socket per stream to the pool's private socket, introduces it with an
 * {@link Frames#OUTPUT} frame carrying its token, and points {@link System#out} or
 * {@link System#err} at it. The parent's I/O thread then reads it as it reads a pipe. What the JVM
 * itself writes to the descriptors (start-up warnings, crash reports) still goes to the files,
 * which the parent reads when the worker exits.
 *
 * <p>Cost: one connection per stream at start; then one {@code write(2)} per flush (the streams
 * flush on every {@code println} and array write, as the JDK's own do).
 */
final class WorkerStreams {
    static final long STDOUT = 1;
    static final long STDERR = 2;

    private WorkerStreams() {
    }

    /** Redirects the streams named in {@code which} ({@code out}, {@code err}, comma-separated); a failed one stays as it was. */
    static void connect(String socket, String token, String which) {
        for (String name : which.split(",")) {
            long stream = name.equals("out") ? STDOUT : name.equals("err") ? STDERR : 0;
            if (stream == 0) {
                continue;
            }
            try {
                PrintStream live = open(socket, token, stream);
                if (stream == STDOUT) {
                    System.setOut(live);
                } else {
                    System.setErr(live);
                }
            } catch (IOException e) {
                System.err.println("procmux worker: " + name + " stays on its file: " + e);
            }
        }
    }

    private static PrintStream open(String socket, String token, long stream) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer hello = Frames.buffer(Frames.HEADER_BYTES + bytes.length);
        Frames.putHeader(hello, Frames.OUTPUT, stream, bytes.length);
        hello.put(bytes).flip();
        while (hello.hasRemaining()) {
            channel.write(hello);
        }
        OutputStream out = Channels.newOutputStream(channel);
        return new PrintStream(new BufferedOutputStream(out, 8192), true);
    }
}
