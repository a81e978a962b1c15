package io.procmux.bench.spawn;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Driver: exit notification latency of a procmux spawner, from the moment a child is told to
 * exit to the moment its {@link Child#onExit()} future completes. Each child is {@code cat} with
 * piped stdin and stdout; one byte is echoed through it first, so it is running and blocked in
 * {@code read}. At t0 the parent closes the stdin pipe, {@code cat} reads end-of-file and exits;
 * t1 is taken in a callback on the exit future (on the backend's thread). Nothing polls: the
 * main thread blocks on the future.
 *
 * <pre>java -cp benchmarks.jar io.procmux.bench.spawn.ExitLatency posix|jvm COUNT [WARMUP]</pre>
 *
 * <p>Prints {@code RESULT exit_latency_ns <t1 - t0>} once per timed child. The figure includes
 * the child's own exit (end-of-file, {@code exit_group}, teardown); {@code bench/c/spawn_latency.c}
 * measures that floor with a blocking {@code waitpid}. Cost: COUNT + WARMUP children, one at a time.
 */
public final class ExitLatency {
    private static final String USAGE = "ExitLatency posix|jvm COUNT [WARMUP]";
    private static final SpawnSpec CAT = SpawnSpec.builder("cat").stdin(Redirect.PIPE).stdout(Redirect.PIPE).build();

    private ExitLatency() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] argv) {
        Args.run("ExitLatency", () -> {
            Args args = new Args(USAGE, argv, 2, 3);
            String backend = args.choice(0, "backend", List.of("posix", "jvm"));
            int count = args.count(1, "COUNT", 1, 0);
            int warmup = args.count(2, "WARMUP", 0, 0);
            try (Spawner spawner = Backends.select(BackendKind.SPAWNER, backend).create()) {
                for (int i = 0; i < warmup; i++) {
                    once(spawner);
                }
                long[] samples = new long[count];
                for (int i = 0; i < count; i++) {
                    samples[i] = once(spawner);
                }
                StringBuilder out = new StringBuilder(count * 32);
                for (long s : samples) {
                    out.append("RESULT exit_latency_ns ").append(s).append('\n');
                }
                System.out.print(out);
            }
        });
    }

    /** One child: echo a byte through it, close its stdin at t0, return t1 - t0 in nanoseconds. */
    static long once(Spawner spawner) throws Exception {
        try (Child child = spawner.spawn(CAT)) {
            child.stdin().write('x');
            child.stdin().flush();
            int echoed = child.stdout().read();
            if (echoed != 'x') {
                throw new IllegalStateException("cat echoed " + echoed + " instead of 'x'");
            }
            long[] t1 = new long[1];
            CompletableFuture<ExitStatus> exited = child.onExit().whenComplete((status, failure) -> t1[0] = System.nanoTime());
            long t0 = System.nanoTime();
            child.stdin().close();
            ExitStatus status = exited.join(); // join orders the callback's write before our read
            if (!status.success()) {
                throw new IllegalStateException("cat ended with " + status);
            }
            return t1[0] - t0;
        }
    }
}
