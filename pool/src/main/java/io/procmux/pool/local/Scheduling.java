package io.procmux.pool.local;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Which worker gets the next task. An idle worker first; a busy one only while tasks are short (a
 * moving average of the run times workers report under {@value #PIPELINE_BELOW_MICROS} µs), up to
 * {@link PoolEngine#DEPTH} tasks, preferring the worker whose current task started last, so that
 * pipelining hides round trips for tiny tasks while a task rarely waits behind a long one.
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
    static @Nullable Worker pick(List<Worker> workers, int maxTasksPerChild, long serviceNanos) {
        Worker best = null;
        boolean pipeline = serviceNanos < PIPELINE_BELOW_NANOS;
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            if (w.state != Worker.State.READY || w.led || (maxTasksPerChild > 0 && w.tasksSent >= maxTasksPerChild)) {
                continue;
            }
            int n = w.inflight.size();
            if (n == 0) {
                if (best == null || !best.inflight.isEmpty()) {
                    best = w;
                }
            } else if (pipeline && n < PoolEngine.DEPTH && (best == null
                    || (!best.inflight.isEmpty() && w.headSince > best.headSince))) {
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
