package io.procmux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.ipc.BindOptions;
import io.procmux.ipc.UnixAddress;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import io.procmux.ipc.UnixSockets;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.mux.PollResult;
import io.procmux.mux.ReadyEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Building blocks of {@link AbstractTransportTest}: an echo server, closing many connections, and
 * one non-blocking conversation driven entirely by a {@link Multiplexer} (accept, connect, read
 * and write, each only after the multiplexer reported readiness), which the abstract test runs
 * through every multiplexer on the classpath.
 *
 * <p>Cost: the echo server uses one thread per connection from the caller's executor; the
 * conversation moves 512 KiB, each wait bounded by 10 s.
 */
public final class TransportHelpers {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TransportHelpers() {
    }

    /** Accepts connections until the server closes, echoing each on its own thread from {@code pool}. */
    public static Future<?> echoServer(UnixServer server, ExecutorService pool) {
        return pool.submit(() -> {
            while (true) {
                UnixConnection c = server.accept();
                pool.submit(() -> {
                    try (c) {
                        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
                        while (c.read(buffer) >= 0) {
                            buffer.flip();
                            c.write(buffer);
                            buffer.clear();
                        }
                    }
                    return null;
                });
            }
        });
    }

    /** Closes every connection, then throws the first failure. */
    public static void closeAll(List<UnixConnection> connections) throws IOException {
        IOException first = null;
        for (UnixConnection c : connections) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Runs the conversation on a server at {@code address} through {@code mux}. */
    public static void converse(UnixSockets sockets, Multiplexer mux, UnixAddress address) throws IOException {
        try (UnixServer server = sockets.bind(address, BindOptions.DEFAULTS)) {
            server.configureBlocking(false);
            assertThat(server.acceptNow()).as("nothing pending yet").isEmpty();
            mux.register(server, Events.IN);

            UnixConnection client = sockets.connectNonBlocking(address);
            try (client) {
                assertThat(client.isBlocking()).isFalse();
                mux.register(client, Events.OUT);
                awaitReady(mux, client.fd(), Events.OUT);
                assertThat(client.finishConnect()).isTrue();

                awaitReady(mux, server.fd(), Events.IN);
                Optional<UnixConnection> accepted = server.acceptNow();
                assertThat(accepted).as("a connection after IN on the server").isPresent();
                mux.unregister(server.fd());
                try (UnixConnection peer = accepted.get()) {
                    peer.configureBlocking(false);
                    assertThat(peer.read(ByteBuffer.allocate(1))).as("no data yet").isZero();
                    mux.register(peer, Events.IN);
                    pump(mux, client, peer, 512 * 1024);
                }
            } finally {
                for (int fd : new int[] {client.fd()}) {
                    if (mux.isRegistered(fd)) {
                        mux.unregister(fd);
                    }
                }
            }
        }
    }

    /** Writes {@code total} bytes from {@code from} and reads them at {@code to}, both non-blocking, driven by {@code mux}. */
    private static void pump(Multiplexer mux, UnixConnection from, UnixConnection to, int total) throws IOException {
        ByteBuffer out = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer in = ByteBuffer.allocate(48 * 1024);
        int written = 0;
        int read = 0;
        byte expected = 0;
        boolean sawWouldBlock = false;
        while (read < total) {
            PollResult result = mux.poll(WAIT);
            assertThat(result.events()).as("readiness within %s (written %d, read %d)", WAIT, written, read).isNotEmpty();
            for (ReadyEvent event : result.events()) {
                if (event.fd() == from.fd() && (event.events() & Events.OUT) != 0 && written < total) {
                    while (written < total) {
                        out.clear();
                        out.limit(Math.min(out.capacity(), total - written));
                        for (int i = 0; i < out.limit(); i++) {
                            out.put(i, (byte) (written + i));
                        }
                        int n = from.write(out);
                        written += n;
                        if (n < out.limit()) {
                            sawWouldBlock = true;   // the socket buffer is full: wait for OUT again
                            break;
                        }
                    }
                    if (written == total) {
                        mux.modify(from.fd(), Events.IN);
                    }
                }
                if (event.fd() == to.fd() && (event.events() & Events.IN) != 0) {
                    int n;
                    while ((n = to.read(in.clear())) > 0) {
                        for (int i = 0; i < n; i++) {
                            if (in.get(i) != (byte) (read + i)) {
                                throw new AssertionError("byte " + (read + i) + " is " + in.get(i));
                            }
                        }
                        read += n;
                    }
                    assertThat(n).as("no end of stream mid-transfer").isZero();
                }
            }
        }
        assertThat(sawWouldBlock).as("a write hit a full socket buffer at least once").isTrue();
        mux.unregister(to.fd());
    }

    private static void awaitReady(Multiplexer mux, int fd, int events) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ReadyEvent event : mux.poll(WAIT).events()) {
                if (event.fd() == fd && (event.events() & events) != 0) {
                    return;
                }
            }
        }
        throw new AssertionError("fd " + fd + " never became " + Events.toString(events) + " within " + WAIT);
    }
}
