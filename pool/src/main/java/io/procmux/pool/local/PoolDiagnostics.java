package io.procmux.pool.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only views of a pool's state for tests and troubleshooting: worker pids, which workers the
 * I/O thread watches, and a few lines describing the queue and every worker. Each call takes the engine's lock briefly.
 *
 * <p>Cost: allocates its answer.
 */
final class PoolDiagnostics {
    private PoolDiagnostics() {
    }

    /** The pids of the live workers, or only of those that run tasks. */
    static List<Long> workerPids(PoolEngine engine, boolean readyOnly) {
        synchronized (engine) {
            List<Long> pids = new ArrayList<>();
            for (Worker w : engine.workers) {
                if (!readyOnly || w.state == Worker.State.READY) {
                    pids.add(w.pid());
                }
            }
            return pids;
        }
    }

    /** The pids of the workers whose control socket is in the pool's multiplexer (not led, not parked). */
    static List<Long> watchedPids(PoolEngine engine) {
        synchronized (engine) {
            List<Long> pids = new ArrayList<>();
            for (Worker w : engine.workers) {
                if (w.connection != null && engine.mux.isRegistered(w.connection.fd())) {
                    pids.add(w.pid());
                }
            }
            return pids;
        }
    }

    /** Whether the pool still accepts tasks. */
    static boolean accepting(PoolEngine engine) {
        synchronized (engine) {
            return engine.phase == PoolEngine.Phase.RUNNING;
        }
    }

    /** The phase, queue length, service-time average, and one line per worker. */
    static String describe(PoolEngine engine) {
        synchronized (engine) {
            StringBuilder b = new StringBuilder("phase " + engine.phase + ", queued " + engine.queue.size()
                    + ", service " + engine.serviceNanos / 1000 + " us");
            for (Worker w : engine.workers) {
                b.append("\n  ").append(w.describe());
            }
            return b.toString();
        }
    }
}
