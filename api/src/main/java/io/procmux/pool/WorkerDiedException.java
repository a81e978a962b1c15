package io.procmux.pool;

import java.util.List;

/**
 * The worker process running a task died before returning a result (killed, out of memory,
 * {@code System.exit}). Only that task fails; the pool replaces the worker.
 */
public class WorkerDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long workerPid;
    private final String exitDescription;
    private final List<String> stderrTail;

    /**
     * Creates the exception.
     *
     * @param workerPid the dead worker's pid
     * @param exitDescription how it ended, e.g. {@code killed by SIGKILL}
     * @param stderrTail the last lines the worker wrote to stderr
     */
    public WorkerDiedException(long workerPid, String exitDescription, List<String> stderrTail) {
        super("worker " + workerPid + " died while running the task: " + exitDescription
                + (stderrTail.isEmpty() ? "" : "; last stderr lines:\n  " + String.join("\n  ", stderrTail)));
        this.workerPid = workerPid;
        this.exitDescription = exitDescription;
        this.stderrTail = List.copyOf(stderrTail);
    }

    /** The dead worker's pid. */
    public long workerPid() {
        return workerPid;
    }

    /** How the worker ended. */
    public String exitDescription() {
        return exitDescription;
    }

    /** The last lines of the worker's stderr, oldest first. */
    public List<String> stderrTail() {
        return stderrTail;
    }
}
