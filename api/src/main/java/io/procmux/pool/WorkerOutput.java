package io.procmux.pool;

/** What happens to what worker processes print on stdout and stderr. */
public enum WorkerOutput {
    /** Workers share this process's stdout and stderr. */
    INHERIT,
    /** Each line is forwarded with a {@code [worker PID]} prefix. */
    PREFIX,
    /** Discarded (stderr is still kept in memory for {@link WorkerDiedException}). */
    DISCARD
}
