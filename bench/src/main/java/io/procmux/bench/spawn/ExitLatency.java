package io.procmux.bench.spawn;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Driver: exit notification latency of a procmux spawner, from the moment a child exits to the
 * moment its {@link Child#onExit()} future completes. Each child is the marker program
 * ({@code bench/c/exit_marker.c}) with piped stdin and stdout; one byte is echoed through it first,
 * so it is running and blocked in {@code read}. At t0 the parent closes the stdin pipe; the marker
 * reads end-of-file, writes the moment it calls {@code _exit} (te, {@code CLOCK_MONOTONIC}, the
 * clock of {@link System#nanoTime()} on Linux) to its stdout and exits; t1 is taken in a callback
 * on the exit future (on the backend's thread). Nothing polls: the main thread blocks on the future.
 *
 * <pre>java -cp benchmarks.jar io.procmux.bench.spawn.ExitLatency posix|jvm MARKER COUNT [WARMUP]</pre>
 *
 * <p>Prints {@code RESULT exit_latency_ns <t1 - te>} (the child's exit to the future: the issue's
 * figure) and {@code RESULT close_latency_ns <t1 - t0>} (also the time the child needs to wake up
 * and read end-of-file) once per timed child. {@code bench/c/spawn_latency.c} measures both floors
 * with a blocking {@code waitpid}. Cost: COUNT + WARMUP children, one at a time.
 */
public final class ExitLatency {
    private static final String USAGE = "ExitLatency posix|jvm MARKER COUNT [WARMUP]";

    private ExitLatency() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] argv) {
        Args.run("ExitLatency", () -> {
            Args args = new Args(USAGE, argv, 3, 4);
            String backend = args.choice(0, "backend", List.of("posix", "jvm"));
            SpawnSpec marker = SpawnSpec.builder(args.text(1)).stdin(Redirect.PIPE).stdout(Redirect.PIPE).build();
            int count = args.count(2, "COUNT", 1, 0);
            int warmup = args.count(3, "WARMUP", 0, 0);
            try (Spawner spawner = Backends.select(BackendKind.SPAWNER, backend).create()) {
                long[] sample = new long[2];
                for (int i = 0; i < warmup; i++) {
                    once(spawner, marker, sample);
                }
                long[] samples = new long[2 * count];
                for (int i = 0; i < count; i++) {
                    once(spawner, marker, sample);
                    samples[2 * i] = sample[0];
                    samples[2 * i + 1] = sample[1];
                }
                StringBuilder out = new StringBuilder(count * 64);
                for (int i = 0; i < count; i++) {
                    out.append("RESULT exit_latency_ns ").append(samples[2 * i]).append('\n');
                    out.append("RESULT close_latency_ns ").append(samples[2 * i + 1]).append('\n');
                }
                System.out.print(out);
            }
        });
    }

    /**
     * One child: echo a byte through it, close its stdin at t0; stores t1 - te in {@code into[0]}
     * and t1 - t0 in {@code into[1]}, in nanoseconds.
     */
    static void once(Spawner spawner, SpawnSpec marker, long[] into) throws Exception {
        try (Child child = spawner.spawn(marker)) {
            child.stdin().write('x');
            child.stdin().flush();
            int echoed = child.stdout().read();
            if (echoed != 'x') {
                throw new IllegalStateException("the marker echoed " + echoed + " instead of 'x'");
            }
            long[] t1 = new long[1];
            CompletableFuture<ExitStatus> exited = child.onExit().whenComplete((status, failure) -> t1[0] = System.nanoTime());
            long t0 = System.nanoTime();
            child.stdin().close();
            ExitStatus status = exited.join(); // join orders the callback's write before our read
            String stamp = new String(child.stdout().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!status.success() || !stamp.startsWith("EXIT ")) {
                throw new IllegalStateException("the marker ended with " + status + ", printing '" + stamp + "'");
            }
            into[0] = t1[0] - Long.parseLong(stamp.substring(5));
            into[1] = t1[0] - t0;
        }
    }
}
