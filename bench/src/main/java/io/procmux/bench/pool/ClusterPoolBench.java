package io.procmux.bench.pool;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerOutput;
import io.procmux.pool.hazelcast.ClusterMember;
import io.procmux.pool.hazelcast.HazelcastPoolOptions;
import io.procmux.pool.hazelcast.HazelcastPoolProvider;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Throughput of the {@code hazelcast} pool beside the {@code local} pool, for a trivial task
 * ({@code x + 1}: the overhead per task) and a CPU-bound one (the scaling: a fixed number of
 * xorshift steps, calibrated in this JVM to take 10 ms on an idle core): {@code local}
 * with 2 workers, one embedded member running tasks in-process on 2 threads, and a client of 3
 * member JVMs on loopback with 2 threads each. Prints one JSON object per configuration.
 *
 * <p>Usage: {@code ClusterPoolBench TRIVIAL_TASKS CPU_TASKS}. Cost: 2 worker JVMs, then 3 member JVMs.
 */
public final class ClusterPoolBench {
    private ClusterPoolBench() {
    }

    static int inc(int x) {
        return x + 1;
    }

    /** A fixed amount of CPU work: {@code iterations} steps of xorshift; returns the last value. */
    static long work(long iterations) {
        long x = 88172645463325252L;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** How many {@link #work} steps take 10 ms of CPU here: the fastest of a few timed runs. */
    static long tenMillisOfWork() {
        long probe = 2_000_000;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long s = System.nanoTime();
            if (work(probe) == 42) {
                throw new IllegalStateException("unexpected");
            }
            best = Math.min(best, System.nanoTime() - s);
        }
        return probe * 10_000_000L / best;
    }

    public static void main(String[] args) throws Exception {
        int trivial = Integer.parseInt(args[0]);
        int cpu = Integer.parseInt(args[1]);
        long steps = tenMillisOfWork();
        PoolOptions two = PoolOptions.builder().processes(2).workerOutput(WorkerOutput.INHERIT).build();
        try (Pool local = Backends.select(BackendKind.POOL, "local").create(two)) {
            measure("local, 2 workers", local, trivial, cpu, steps);
        }
        HazelcastPoolProvider hz = new HazelcastPoolProvider();
        try (Pool one = hz.create(two, HazelcastPoolOptions.builder().build())) {
            measure("hazelcast, 1 embedded member", one, trivial, cpu, steps);
        }
        List<Process> members = startMembers(3);
        try (Pool three = hz.create(PoolOptions.builder().processes(6).build(), HazelcastPoolOptions.builder()
                .clusterName(cluster).client(true).members(addresses).build())) {
            measure("hazelcast, client of 3 member JVMs", three, trivial, cpu, steps);
        } finally {
            for (Process p : members) {
                p.getOutputStream().close();
            }
            for (Process p : members) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static String cluster = "";
    private static List<String> addresses = List.of();

    private static List<Process> startMembers(int count) throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports.add(s.getLocalPort());
            }
        }
        cluster = "procmux-bench-" + ports.get(0);
        addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        List<Process> started = new ArrayList<>();
        for (int port : ports) {
            started.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dhazelcast.wait.seconds.before.join=1",
                    "-Dprocmux.hazelcast.cluster=" + cluster, "-Dprocmux.hazelcast.port=" + port,
                    "-Dprocmux.hazelcast.members=" + String.join(",", addresses), "-D" + ClusterMember.THREADS_PROPERTY + "=2",
                    // the members' deserialization filter admits this benchmark's task classes
                    "-Dprocmux.hazelcast.serialFilter=" + ClusterPoolBench.class.getName(),
                    ClusterMember.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : started) {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null || !line.endsWith(" ready")) {
                throw new IllegalStateException("a member JVM did not start: " + line);
            }
        }
        return started;
    }

    private static void measure(String config, Pool pool, int trivial, int cpu, long steps) throws Exception {
        asyncRun(pool, trivial / 4);
        double asyncPerSec = asyncRun(pool, trivial);
        List<Integer> items = IntStream.range(0, trivial * 10).boxed().toList();
        pool.map(ClusterPoolBench::inc, items);
        long m = System.nanoTime();
        pool.map(ClusterPoolBench::inc, items);
        double mapPerSec = items.size() / ((System.nanoTime() - m) / 1e9);
        List<Long> tens = IntStream.range(0, cpu).mapToObj(i -> steps).toList();
        long c = System.nanoTime();
        pool.map(ClusterPoolBench::work, tens, 1);
        double cpuPerSec = cpu / ((System.nanoTime() - c) / 1e9);
        System.out.printf("{\"config\": \"%s\", \"apply_async_per_s\": %.0f, \"us_per_task\": %.1f, \"map_per_s\": %.0f,"
                + " \"cpu10ms_per_s\": %.1f}%n", config, asyncPerSec, 1e6 / asyncPerSec, mapPerSec, cpuPerSec);
    }

    private static double asyncRun(Pool pool, int tasks) throws Exception {
        long s = System.nanoTime();
        List<AsyncResult<Integer>> results = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            results.add(pool.applyAsync(ClusterPoolBench::inc, i));
        }
        for (AsyncResult<Integer> r : results) {
            r.get();
        }
        return tasks / ((System.nanoTime() - s) / 1e9);
    }
}
