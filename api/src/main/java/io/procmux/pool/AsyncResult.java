package io.procmux.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The pending result of a task submitted with {@link Pool#applyAsync}, as in Python's
 * {@code multiprocessing.pool.AsyncResult}. Thread-safe.
 *
 * @param <R> the result type
 */
public interface AsyncResult<R> {

    /**
     * Waits for and returns the result.
     *
     * @throws ExecutionException wrapping the task's exception (with the worker's stack trace)
     *     or a {@link WorkerDiedException}
     */
    R get() throws InterruptedException, ExecutionException;

    /** Waits at most {@code timeout} for the result. @throws TimeoutException when it is not ready then */
    R get(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException;

    /** Waits until the task is done, however it ended. */
    void waitFor() throws InterruptedException;

    /** Waits at most {@code timeout}; returns whether the task is done. */
    boolean waitFor(Duration timeout) throws InterruptedException;

    /** Whether the task is done. */
    boolean ready();

    /**
     * Whether the task completed without an exception.
     *
     * @throws IllegalStateException when it is not ready yet (as Python raises ValueError)
     */
    boolean successful();

    /** The same result as a {@link CompletableFuture}; completing that future does not affect the task. */
    CompletableFuture<R> toCompletableFuture();
}
