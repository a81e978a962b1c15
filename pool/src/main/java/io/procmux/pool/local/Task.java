package io.procmux.pool.local;

import org.jspecify.annotations.Nullable;

/**
 * One unit of work on its way to a worker: an id, the function to run, how to run it, the encoded
 * argument, and where the outcome goes. Immutable but for {@link #attempt} and the leading fields; a task that never
 * started may be sent again to another worker, and one whose worker died too, under a retry policy.
 *
 * <p>Cost: one small object per task (per chunk for map).
 */
final class Task {
    final long id;
    final FunctionRef fn;
    final byte mode;
    final byte[] argument;
    final Outcome outcome;
    /** Which run this is, from 1; raised by the engine, under its lock, when it retries the task. */
    int attempt = 1;
    /** Set, under the pool's lock, while a caller waits on its worker's socket itself ({@link DirectApply}). */
    boolean led;
    /** The result or error payload read while {@link #led}, for the leading caller to decode. */
    byte @Nullable [] answer;
    /** Whether {@link #answer} is a result (else an encoded exception). */
    boolean answerOk;

    Task(long id, FunctionRef fn, byte mode, byte[] argument, Outcome outcome) {
        this.id = id;
        this.fn = fn;
        this.mode = mode;
        this.argument = argument;
        this.outcome = outcome;
    }

    /** Receives how a task ended; called on the pool's I/O thread, outside the pool's lock. */
    interface Outcome {
        /** The task returned {@code value} (an {@code Object[]} for chunk modes). */
        void succeeded(Object value);

        /** The task threw, its worker died, or the pool stopped. */
        void failed(Throwable error);
    }
}
