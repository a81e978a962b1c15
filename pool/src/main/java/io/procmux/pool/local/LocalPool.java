package io.procmux.pool.local;

import io.procmux.codec.Codec;
import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.SerializableBiFunction;
import io.procmux.pool.SerializableFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code local} {@link Pool}: Python's {@code multiprocessing.Pool} surface over a
 * {@link PoolEngine}. Arguments and functions are encoded in the caller's thread, so one that
 * cannot be serialized is refused right there with an {@link IllegalArgumentException} naming its
 * class; nothing of it reaches a worker.
 *
 * <p>Cost per {@code applyAsync}: one argument encoding, one task and one result object; the
 * function is serialized once per instance. Threads: the engine's one I/O thread.
 */
final class LocalPool implements Pool {
    private final int processes;
    private final String ioThreadName;
    private final Codec<Object> codec;
    private final FunctionRef.Cache functions;
    private final PoolEngine engine;
    private final DirectApply direct;
    private final AtomicLong taskIds = new AtomicLong();

    LocalPool(int processes, Codec<Object> codec, PoolEngine engine, DirectApply direct, String ioThreadName) {
        this.processes = processes;
        this.ioThreadName = ioThreadName;
        this.codec = codec;
        this.functions = new FunctionRef.Cache(codec);
        this.engine = engine;
        this.direct = direct;
    }

    @Override
    public <A, R> R apply(SerializableFunction<A, R> fn, A arg) throws InterruptedException, ExecutionException {
        checkAccepting();
        FunctionRef ref = functions.of(fn);
        byte[] encoded = Payloads.encode(codec, arg, "argument");
        PendingResult<R> result = new PendingResult<>(null, null);
        direct.submit(new Task(taskIds.incrementAndGet(), ref, Frames.MODE_APPLY, encoded, result));
        return result.get();
    }

    @Override
    public <A, R> AsyncResult<R> applyAsync(SerializableFunction<A, R> fn, A arg) {
        return applyAsync(fn, arg, null, null);
    }

    @Override
    public <A, R> AsyncResult<R> applyAsync(SerializableFunction<A, R> fn, A arg,
            @Nullable Consumer<? super R> callback, @Nullable Consumer<? super Throwable> errorCallback) {
        checkAccepting();
        FunctionRef ref = functions.of(fn);
        byte[] encoded = Payloads.encode(codec, arg, "argument");
        PendingResult<R> result = new PendingResult<>(callback, errorCallback);
        engine.submit(new Task(taskIds.incrementAndGet(), ref, Frames.MODE_APPLY, encoded, result));
        return result;
    }

    @Override
    public <A, R> List<R> map(SerializableFunction<A, R> fn, Iterable<? extends A> items)
            throws InterruptedException, ExecutionException {
        return mapAsync(fn, items).get();
    }

    @Override
    public <A, R> List<R> map(SerializableFunction<A, R> fn, Iterable<? extends A> items, int chunksize)
            throws InterruptedException, ExecutionException {
        checkChunksize(chunksize);
        return this.<R>submitMap(fn, Frames.MODE_CHUNK, toArray(items), chunksize).get();
    }

    @Override
    public <A, R> AsyncResult<List<R>> mapAsync(SerializableFunction<A, R> fn, Iterable<? extends A> items) {
        Object[] all = toArray(items);
        return submitMap(fn, Frames.MODE_CHUNK, all, Pool.defaultChunksize(all.length, processes));
    }

    @Override
    public <A, B, R> List<R> starmap(SerializableBiFunction<A, B, R> fn, Iterable<? extends Map.Entry<A, B>> pairs)
            throws InterruptedException, ExecutionException {
        List<Object[]> list = new ArrayList<>();
        for (Map.Entry<A, B> e : pairs) {
            list.add(new Object[] {e.getKey(), e.getValue()});
        }
        Object[] all = list.toArray();
        return this.<R>submitMap(fn, Frames.MODE_STAR_CHUNK, all, Pool.defaultChunksize(all.length, processes)).get();
    }

    private <R> AsyncResult<List<R>> submitMap(Object fn, byte mode, Object[] all, int chunksize) {
        checkAccepting();
        FunctionRef ref = functions.of(fn);
        PendingResult<List<R>> result = new PendingResult<>(null, null);
        int chunks = chunksize == 0 ? 0 : (all.length + chunksize - 1) / chunksize;
        MapJob<R> job = new MapJob<>(result, all.length, chunks);
        List<Task> tasks = new ArrayList<>(chunks);
        for (int offset = 0; offset < all.length; offset += chunksize) {
            Object[] part = java.util.Arrays.copyOfRange(all, offset, Math.min(all.length, offset + chunksize));
            tasks.add(new Task(taskIds.incrementAndGet(), ref, mode, Payloads.encode(codec, part, "chunk of items"),
                    job.chunk(offset)));
        }
        if (!tasks.isEmpty()) {
            engine.submit(tasks);
        }
        return result;
    }

    @Override
    public <A, R> Iterator<R> imap(SerializableFunction<A, R> fn, Iterable<? extends A> items, int chunksize) {
        return lazy(fn, items, chunksize, true);
    }

    @Override
    public <A, R> Iterator<R> imapUnordered(SerializableFunction<A, R> fn, Iterable<? extends A> items, int chunksize) {
        return lazy(fn, items, chunksize, false);
    }

    private <R> Iterator<R> lazy(Object fn, Iterable<?> items, int chunksize, boolean ordered) {
        checkChunksize(chunksize);
        checkAccepting();
        FunctionRef ref = functions.of(fn);
        return new LazyMap<>(items.iterator(), chunksize, 2 * processes * PoolEngine.DEPTH, ordered,
                (part, outcome) -> new Task(taskIds.incrementAndGet(), ref, Frames.MODE_CHUNK,
                        Payloads.encode(codec, part, "chunk of items"), outcome),
                engine::submit);
    }

    private static Object[] toArray(Iterable<?> items) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list.toArray();
    }

    private static void checkChunksize(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be 1 or more, not " + chunksize);
        }
    }

    private void checkAccepting() {
        engine.checkAccepting();
    }

    @Override
    public void shutdown() {
        engine.shutdown();
    }

    @Override
    public void terminate() {
        engine.terminate();
    }

    @Override
    public void join() throws InterruptedException {
        checkStopping();
        engine.awaitDone(Long.MAX_VALUE);
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        checkStopping();
        return engine.awaitDone(timeout.toNanos());
    }

    private void checkStopping() {
        if (PoolDiagnostics.accepting(engine)) {
            throw new IllegalStateException("join() needs shutdown() or terminate() first (as in Python)");
        }
    }

    @Override
    public int processes() {
        return processes;
    }

    /** The pids of the live workers (for tests and diagnostics). */
    List<Long> workerPids() {
        return PoolDiagnostics.workerPids(engine, false);
    }

    /** The pids of the workers that have started and run tasks (for tests and diagnostics). */
    List<Long> readyWorkerPids() {
        return PoolDiagnostics.workerPids(engine, true);
    }

    /** The pids of the workers whose control socket the I/O thread watches (for tests and diagnostics). */
    List<Long> watchedWorkerPids() {
        return PoolDiagnostics.watchedPids(engine);
    }

    /** The pool's state in a few lines, for diagnostics. */
    String describe() {
        return PoolDiagnostics.describe(engine);
    }

    /** How many synchronous applies waited on their worker's socket themselves (for tests and diagnostics). */
    long ledApplies() {
        return direct.ledApplies();
    }

    /** The name of the pool's I/O thread, on which callbacks run. */
    String ioThreadName() {
        return ioThreadName;
    }

    @Override
    public void close() {
        shutdown();
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
