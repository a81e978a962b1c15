package io.procmux.bench.pool;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.WorkerOutput;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The pool figures {@code bench/python/pool_bench.py} measures for CPython's multiprocessing, for
 * the {@code local} pool with 2 workers and a trivial task: cold start to the first result, the
 * p50/p90 of a synchronous {@code apply} round trip, {@code applyAsync} throughput, and
 * {@code map} throughput over a list of ints with Python's default chunking: the first map of the
 * list, and the median of {@value #MAP_TIMED} after {@value #MAP_WARMUP} more. Prints one JSON object.
 *
 * <p>The cold start is split into {@code ready_ms} (the backends found and the pool created, in
 * this JVM) and {@code cold_ms} (to the first result, so it includes the workers' start). With
 * {@code -Dprocmux.pool.cds=true} workers map the pool's opt-in class-data archive (see the pool's
 * README section), and the JSON's {@code impl} ends in {@code -cds}; a cold-only run's starts with
 * {@code procmux-cold}.
 *
 * <p>Usage: {@code PoolBench APPLY_ROUNDS ASYNC_TASKS MAP_ITEMS}, or {@code PoolBench cold} for the
 * cold start alone. Cost: spawns two worker JVMs.
 */
public final class PoolBench {
    /** Untimed maps of the whole list after the first one, then timed ones (median reported); as pool_bench.py. */
    private static final int MAP_WARMUP = 2;
    private static final int MAP_TIMED = 5;

    private PoolBench() {
    }

    static int inc(int x) {
        return x + 1;
    }

    public static void main(String[] args) throws Exception {
        boolean coldOnly = args.length == 1 && args[0].equals("cold");
        int applyRounds = coldOnly ? 0 : Integer.parseInt(args[0]);
        int asyncTasks = coldOnly ? 0 : Integer.parseInt(args[1]);
        int mapItems = coldOnly ? 0 : Integer.parseInt(args[2]);
        String impl = (coldOnly ? "procmux-cold" : "procmux")
                + ("true".equals(System.getProperty("procmux.pool.cds")) ? "-cds" : "");
        long t0 = System.nanoTime();
        try (Pool pool = Backends.select(BackendKind.POOL).create(PoolOptions.builder().processes(2)
                .workerOutput(WorkerOutput.INHERIT).build())) {
            double readyMs = (System.nanoTime() - t0) / 1e6;
            pool.apply(PoolBench::inc, 0);
            double coldMs = (System.nanoTime() - t0) / 1e6;
            if (coldOnly) {
                System.out.printf("{\"impl\": \"%s\", \"ready_ms\": %.1f, \"cold_ms\": %.1f}%n", impl, readyMs, coldMs);
                return;
            }
            for (int i = 0; i < applyRounds; i++) {
                pool.apply(PoolBench::inc, i);
            }
            long[] lat = new long[applyRounds];
            for (int i = 0; i < applyRounds; i++) {
                long s = System.nanoTime();
                pool.apply(PoolBench::inc, i);
                lat[i] = System.nanoTime() - s;
            }
            Arrays.sort(lat);
            asyncRun(pool, asyncTasks / 4);
            double asyncPerSec = asyncRun(pool, asyncTasks);
            List<Integer> items = IntStream.range(0, mapItems).boxed().toList();
            double mapFirstPerSec = timedMap(pool, items);
            for (int i = 0; i < MAP_WARMUP; i++) {
                timedMap(pool, items);
            }
            double[] rates = new double[MAP_TIMED];
            for (int i = 0; i < MAP_TIMED; i++) {
                rates[i] = timedMap(pool, items);
            }
            Arrays.sort(rates);
            double mapPerSec = rates[MAP_TIMED / 2];
            System.out.printf("{\"impl\": \"%s\", \"ready_ms\": %.1f, \"cold_ms\": %.1f, \"apply_p50_us\": %.1f, \"apply_p90_us\": %.1f,"
                    + " \"apply_async_per_s\": %.0f, \"map_per_s\": %.0f, \"map_first_per_s\": %.0f}%n", impl, readyMs, coldMs, lat[applyRounds / 2] / 1e3,
                    lat[applyRounds * 9 / 10] / 1e3, asyncPerSec, mapPerSec, mapFirstPerSec);
        }
    }

    /** One map over {@code items}, checked; returns items per second. */
    private static double timedMap(Pool pool, List<Integer> items) throws Exception {
        long m = System.nanoTime();
        List<Integer> out = pool.map(PoolBench::inc, items);
        double perSec = items.size() / ((System.nanoTime() - m) / 1e9);
        if (out.size() != items.size() || out.get(items.size() - 1) != items.size()) {
            throw new IllegalStateException("map returned a wrong result");
        }
        return perSec;
    }

    private static double asyncRun(Pool pool, int tasks) throws Exception {
        long s = System.nanoTime();
        List<AsyncResult<Integer>> results = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            results.add(pool.applyAsync(PoolBench::inc, i));
        }
        for (AsyncResult<Integer> r : results) {
            r.get();
        }
        return tasks / ((System.nanoTime() - s) / 1e9);
    }
}
