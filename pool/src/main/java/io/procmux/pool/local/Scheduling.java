package io.procmux.pool.local;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Which worker gets the next task. An idle worker always can; a busy one only while tasks are
 * short (a moving average of service time under {@value #PIPELINE_BELOW_MICROS} µs) and its current
 * task started less than that long ago, up to {@link PoolEngine#DEPTH} tasks, so that a task never
 * waits behind a long one while pipelining still hides round trips for tiny tasks.
 *
 * <p>Cost: one pass over the workers; no allocation.
 */
final class Scheduling {
    static final long PIPELINE_BELOW_MICROS = 1000;
    private static final long PIPELINE_BELOW_NANOS = TimeUnit.MICROSECONDS.toNanos(PIPELINE_BELOW_MICROS);
    /** The average before any task has finished: unknown, so no pipelining. */
    static final long UNKNOWN = Long.MAX_VALUE / 4;

    private Scheduling() {
    }

    /** The worker to send the next task to, or null when none should take one now. */
    static @Nullable Worker pick(List<Worker> workers, int maxTasksPerChild, long serviceNanos, long now) {
        Worker best = null;
        boolean pipeline = serviceNanos < PIPELINE_BELOW_NANOS;
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            if (w.state != Worker.State.READY || (maxTasksPerChild > 0 && w.tasksSent >= maxTasksPerChild)) {
                continue;
            }
            int n = w.inflight.size();
            boolean eligible = n == 0 || (pipeline && n < PoolEngine.DEPTH && now - w.headSince < PIPELINE_BELOW_NANOS);
            if (eligible && (best == null || n < best.inflight.size()
                    || (n == best.inflight.size() && w.headSince > best.headSince))) {
                best = w;
            }
        }
        return best;
    }

    /** The moving average (weight 1/8) after one more sample. */
    static long average(long average, long sample) {
        return average == UNKNOWN ? sample : average - (average >> 3) + (sample >> 3);
    }
}
