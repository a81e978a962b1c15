package io.procmux.bench.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A loopback load generator for echo servers: N connections, each with one message of S bytes in
 * flight (send, wait for all S bytes back, send again), on one thread and a JDK {@link Selector}.
 * For each round it measures every named server in turn (the order alternates between rounds, so
 * A B, B A, ...): connect N, warm up, measure for a fixed time, disconnect. It prints one
 * tab-separated line per round and server:
 * {@code server connections round MB/s p50_us p99_us messages server_cpu_us_per_message}, the last
 * from the server's CPU time over the measured window ({@link ProcessCpu}) when its pid is given,
 * else {@code NaN}.
 *
 * <p>Usage: {@code EchoLoad CONNECTIONS MESSAGE_BYTES SECONDS WARMUP_SECONDS ROUNDS NAME=HOST:PORT[@PID]...}.
 * Bounded: at most {@code ROUNDS x servers x (SECONDS + WARMUP_SECONDS)} plus connecting, and at
 * most 4 M latency samples per measurement (the rest are counted but not kept).
 */
public final class EchoLoad {
    private static final int MAX_SAMPLES = 1 << 22;

    private final int connections;
    private final int messageBytes;
    private final long measureNanos;
    private final long warmupNanos;
    private final long[] samples = new long[MAX_SAMPLES];
    private final ByteBuffer message;
    private final ByteBuffer sink;

    private EchoLoad(int connections, int messageBytes, double seconds, double warmupSeconds) {
        this.connections = connections;
        this.messageBytes = messageBytes;
        this.measureNanos = (long) (seconds * 1e9);
        this.warmupNanos = (long) (warmupSeconds * 1e9);
        byte[] bytes = new byte[messageBytes];
        Arrays.fill(bytes, (byte) 'x');
        this.message = ByteBuffer.allocateDirect(messageBytes).put(bytes).flip();
        this.sink = ByteBuffer.allocateDirect(Math.max(messageBytes, 64 * 1024));
    }

    /** Runs the rounds; see the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length < 6) {
            System.err.println("usage: EchoLoad CONNECTIONS MESSAGE_BYTES SECONDS WARMUP_SECONDS ROUNDS NAME=HOST:PORT[@PID]...");
            System.exit(2);
        }
        EchoLoad load = new EchoLoad(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                Double.parseDouble(args[3]));
        int rounds = Integer.parseInt(args[4]);
        List<String> names = new ArrayList<>();
        List<InetSocketAddress> addresses = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            String[] nameAddress = args[i].split("=", 2);
            String address = nameAddress[1];
            int at = address.lastIndexOf('@');
            pids.add(at < 0 ? -1L : Long.parseLong(address.substring(at + 1)));
            address = at < 0 ? address : address.substring(0, at);
            int colon = address.lastIndexOf(':');
            names.add(nameAddress[0]);
            addresses.add(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
        }
        for (int round = 1; round <= rounds; round++) {
            for (int k = 0; k < names.size(); k++) {
                int i = round % 2 == 1 ? k : names.size() - 1 - k;
                String line = load.measure(addresses.get(i), pids.get(i));
                System.out.println(names.get(i) + "\t" + load.connections + "\t" + round + "\t" + line);
                System.out.flush();
            }
        }
    }

    /** Per connection: when its message was sent and how much of the echo has come back. */
    private static final class Flight {
        final SocketChannel channel;
        long sentAt;
        int received;
        int unsent;

        Flight(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private String measure(InetSocketAddress address, long pid) throws IOException {
        List<Flight> flights = new ArrayList<>(connections);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Flight flight = new Flight(channel);
                flights.add(flight);
                channel.register(selector, SelectionKey.OP_READ, flight);
            }
            for (Flight flight : flights) {
                send(flight, System.nanoTime());
            }
            long warmEnd = System.nanoTime() + warmupNanos;
            run(selector, warmEnd, false);
            long cpuStart = pid < 0 ? 0 : ProcessCpu.nanos(pid);
            long start = System.nanoTime();
            long messages = run(selector, start + measureNanos, true);
            long elapsed = System.nanoTime() - start;
            double cpuPerMessage = pid < 0 || messages == 0 ? Double.NaN
                    : (ProcessCpu.nanos(pid) - cpuStart) / 1e3 / messages;
            int kept = (int) Math.min(messages, MAX_SAMPLES);
            Arrays.sort(samples, 0, kept);
            double mbPerSecond = messages * (double) messageBytes / elapsed * 1e9 / 1e6;
            return String.format(Locale.ROOT, "%.2f\t%.1f\t%.1f\t%d\t%.3f", mbPerSecond, percentile(kept, 0.50) / 1e3,
                    percentile(kept, 0.99) / 1e3, messages, cpuPerMessage);
        } finally {
            for (Flight flight : flights) {
                flight.channel.close();
            }
        }
    }

    private long percentile(int kept, double p) {
        return kept == 0 ? 0 : samples[Math.min(kept - 1, (int) Math.ceil(p * kept) - 1)];
    }

    private long run(Selector selector, long until, boolean record) throws IOException {
        long messages = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= until) {
                return messages;
            }
            selector.select(Math.max(1, (until - now) / 1_000_000));
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Flight flight = (Flight) key.attachment();
                if (key.isWritable()) {
                    writeRest(flight, key);
                }
                if (!key.isReadable()) {
                    continue;
                }
                sink.clear();
                int read = flight.channel.read(sink);
                if (read < 0) {
                    throw new IOException("the server closed a connection");
                }
                flight.received += read;
                if (flight.received >= messageBytes) {
                    long done = System.nanoTime();
                    if (record) {
                        if (messages < MAX_SAMPLES) {
                            samples[(int) messages] = done - flight.sentAt;
                        }
                        messages++;
                    }
                    flight.received -= messageBytes;
                    send(flight, done);
                    if (flight.unsent > 0) {
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    }
                }
            }
        }
    }

    private void send(Flight flight, long now) throws IOException {
        flight.sentAt = now;
        ByteBuffer out = message.duplicate();
        flight.channel.write(out);
        flight.unsent = out.remaining();
    }

    private void writeRest(Flight flight, SelectionKey key) throws IOException {
        ByteBuffer out = message.duplicate();
        out.position(messageBytes - flight.unsent);
        flight.channel.write(out);
        flight.unsent = out.remaining();
        if (flight.unsent == 0) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }
}
