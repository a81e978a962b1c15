package io.procmux.pool;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A pool of reused worker processes running Java tasks, mirroring Python's
 * {@code multiprocessing.Pool}: {@code apply}, {@code applyAsync} with callbacks, {@code map}
 * with Python's default chunking, lazy {@code imap}/{@code imapUnordered}, {@code starmap},
 * {@code close}, {@code terminate}, {@code join}.
 *
 * <p>Tasks and arguments must be serializable; one that is not is refused at submit time in the
 * caller's thread, naming the offending class. A worker that dies fails only the task it was
 * running, with {@link WorkerDiedException}, and is replaced.
 *
 * <p>{@link #close()} as {@link AutoCloseable} finishes the submitted work and then joins; it
 * never terminates (unlike Python's {@code with Pool()}).
 */
public interface Pool extends AutoCloseable {

    /** Runs {@code fn(arg)} in a worker and waits for the result. */
    <A, R> R apply(SerializableFunction<A, R> fn, A arg) throws InterruptedException, ExecutionException;

    /** Submits {@code fn(arg)} and returns at once. */
    <A, R> AsyncResult<R> applyAsync(SerializableFunction<A, R> fn, A arg);

    /**
     * Submits {@code fn(arg)}; exactly one of the callbacks runs when the task ends, on the pool's
     * result thread (keep it short).
     */
    <A, R> AsyncResult<R> applyAsync(SerializableFunction<A, R> fn, A arg, @Nullable Consumer<? super R> callback,
            @Nullable Consumer<? super Throwable> errorCallback);

    /** Applies {@code fn} to every item, in chunks of Python's default size, and returns results in order. */
    <A, R> List<R> map(SerializableFunction<A, R> fn, Iterable<? extends A> items)
            throws InterruptedException, ExecutionException;

    /** {@link #map(SerializableFunction, Iterable)} with an explicit chunk size (1 or more). */
    <A, R> List<R> map(SerializableFunction<A, R> fn, Iterable<? extends A> items, int chunksize)
            throws InterruptedException, ExecutionException;

    /** Submits a whole map and returns at once; the result is the ordered list. */
    <A, R> AsyncResult<List<R>> mapAsync(SerializableFunction<A, R> fn, Iterable<? extends A> items);

    /** Lazily maps, results in input order, with a bounded number of items in flight (back-pressure). */
    <A, R> Iterator<R> imap(SerializableFunction<A, R> fn, Iterable<? extends A> items, int chunksize);

    /** Like {@link #imap} but yields results as they complete. */
    <A, R> Iterator<R> imapUnordered(SerializableFunction<A, R> fn, Iterable<? extends A> items, int chunksize);

    /** Applies a two-argument function to each pair, results in order (Python's {@code starmap}). */
    <A, B, R> List<R> starmap(SerializableBiFunction<A, B, R> fn, Iterable<? extends Map.Entry<A, B>> pairs)
            throws InterruptedException, ExecutionException;

    /** Refuses further submissions; workers exit once the submitted work is done. */
    void shutdown();

    /** Stops every worker now (TERM to its process group, grace, KILL); pending tasks fail. */
    void terminate();

    /** Waits for the workers to exit after {@link #shutdown()} or {@link #terminate()}. */
    void join() throws InterruptedException;

    /** Waits at most {@code timeout}; returns whether every worker has exited. */
    boolean join(Duration timeout) throws InterruptedException;

    /** The number of worker processes the pool keeps. */
    int processes();

    /**
     * Python's default {@code map} chunk size: {@code divmod(items, 4 * processes)}, plus one when
     * there is a remainder; 0 for no items. Backends use it where the caller gives no chunk size.
     */
    static int defaultChunksize(int items, int processes) {
        int buckets = 4 * processes;
        return items == 0 ? 0 : (items + buckets - 1) / buckets;
    }

    /**
     * {@link #shutdown()} then {@link #join()}: the submitted work finishes. Restores the interrupt
     * flag if interrupted while joining.
     */
    @Override
    void close();
}
