package io.procmux.bench.ipc;

import static io.procmux.bench.SideBySideNumbers.median;
import static io.procmux.bench.SideBySideNumbers.positive;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Exchanges of several Unix-socket implementations interleaved in one JVM, for a machine too busy
 * for separate runs to be compared: each round runs a slice of every implementation (the order
 * rotated per round), so load that comes and goes falls on all of them alike, and the ratio taken
 * within each round pairs samples from the same moment. Three modes: {@code pingpong} is
 * {@link UnixSocketBenchmark#pingPong64B} (a 64-byte round trip to an echo thread); {@code local}
 * writes 64 bytes on one end and reads them from the other in the same thread, which leaves out
 * the thread wake-ups and shows the per-call software cost alone; {@code throughput} is
 * {@link UnixSocketBenchmark#throughput64KiB} (whole 64 KiB messages written to a draining thread,
 * an op being one message).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.procmux.bench.ipc.IpcSideBySide MODE SLICE_MS ROUNDS IMPL...</pre>
 *
 * IMPL is {@code procmux}, {@code jdk} or {@code jnr}. Prints per IMPL the median, minimum and
 * maximum nanoseconds per exchange over ROUNDS slices (after two warm-up rounds), the ratio of its
 * median to the first IMPL's, and the median, minimum and maximum of the per-round ratios to the
 * first IMPL (each taken within one round). Cost: one connected pair per IMPL and, except in
 * {@code local} mode, one peer thread per IMPL.
 */
public final class IpcSideBySide {
    private static final int WARMUP_ROUNDS = 2;
    private static final int BATCH = 64;

    private IpcSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: IpcSideBySide MODE SLICE_MS ROUNDS IMPL... "
                    + "(MODE: pingpong, local or throughput; IMPL: procmux, jdk, jnr); got " + args.length + " arguments");
        }
        run(Mode.of(args[0]), positive("SLICE_MS", args[1]), positive("ROUNDS", args[2]),
                Arrays.asList(args).subList(3, args.length), System.out);
    }

    /** Measures and prints one line per implementation; closes everything it opened. */
    static void run(Mode mode, int sliceMs, int rounds, List<String> impls, PrintStream out) throws Exception {
        List<Pair> pairs = new ArrayList<>();
        try {
            for (String impl : impls) {
                pairs.add(Pair.open(impl, mode));
            }
            double[][] perOp = new double[impls.size()][rounds];
            for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
                for (int k = 0; k < pairs.size(); k++) {
                    int i = Math.floorMod(k + round, pairs.size());
                    double ns = pairs.get(i).slice(sliceMs * 1_000_000L);
                    if (round >= 0) {
                        perOp[i][round] = ns;
                    }
                }
            }
            for (int i = 0; i < impls.size(); i++) {
                double[] paired = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    paired[r] = perOp[i][r] / perOp[0][r];
                }
                Arrays.sort(paired);
                double[] sorted = perOp[i].clone();
                Arrays.sort(sorted);
                out.printf(Locale.ROOT, "%s %s ns/op median %.1f min %.1f max %.1f ratio %.3f paired-ratio %.3f"
                                + " paired-min %.3f paired-max %.3f%n",
                        impls.get(i), mode.label, median(sorted), sorted[0], sorted[sorted.length - 1],
                        median(sorted) / median(perOp[0]), median(paired), paired[0], paired[rounds - 1]);
            }
        } finally {
            for (Pair pair : pairs) {
                pair.close();
            }
        }
    }

    /** What one op is. */
    enum Mode {
        /** A 64-byte round trip to an echo thread. */
        PINGPONG("pingpong"),
        /** 64 bytes written on one end and read from the other, in one thread. */
        LOCAL("local"),
        /** One whole 64 KiB message written to a thread that drains the far end. */
        THROUGHPUT("throughput");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        static Mode of(String label) {
            for (Mode mode : values()) {
                if (mode.label.equals(label)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("MODE must be pingpong, local or throughput, not '" + label + "'");
        }
    }

    /** One implementation's connected pair, with an echo or a draining thread on the far end. */
    private static final class Pair {
        private final Endpoints endpoints;
        private final Mode mode;
        private final ByteBuffer out;
        private final ByteBuffer in = ByteBuffer.allocateDirect(UnixSocketBenchmark.PING);
        private final Thread peer;

        private Pair(Endpoints endpoints, Mode mode) {
            this.endpoints = endpoints;
            this.mode = mode;
            this.out = ByteBuffer.allocateDirect(mode == Mode.THROUGHPUT ? UnixSocketBenchmark.MESSAGE : UnixSocketBenchmark.PING);
            boolean echo = mode == Mode.PINGPONG;
            this.peer = new Thread(() -> UnixSocketBenchmark.serve(endpoints.server, echo), "ipc-side-by-side-peer");
            peer.setDaemon(true);
        }

        static Pair open(String impl, Mode mode) throws IOException {
            Pair pair = new Pair(Endpoints.open(impl), mode);
            if (pair.hasPeer()) {
                pair.peer.start();
            }
            return pair;
        }

        private boolean hasPeer() {
            return mode != Mode.LOCAL;
        }

        /** Exchanges for about {@code nanos}; returns nanoseconds per exchange. */
        double slice(long nanos) throws IOException {
            ByteChannel reader = mode == Mode.PINGPONG ? endpoints.client : endpoints.server;
            long exchanges = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                for (int k = 0; k < BATCH; k++) {
                    if (mode == Mode.THROUGHPUT) {
                        send(endpoints.client);
                    } else {
                        exchange(endpoints.client, reader);
                    }
                }
                exchanges += BATCH;
                elapsed = System.nanoTime() - start;
            } while (elapsed < nanos);
            return (double) elapsed / exchanges;
        }

        private void send(ByteChannel writer) throws IOException {
            out.clear();
            while (out.hasRemaining()) {
                writer.write(out);
            }
        }

        private void exchange(ByteChannel writer, ByteChannel reader) throws IOException {
            send(writer);
            in.clear();
            while (in.hasRemaining()) {
                if (reader.read(in) < 0) {
                    throw new IOException("the peer closed the connection");
                }
            }
        }

        void close() throws IOException, InterruptedException {
            endpoints.close();
            if (hasPeer()) {
                peer.join(5000);
            }
        }
    }
}
