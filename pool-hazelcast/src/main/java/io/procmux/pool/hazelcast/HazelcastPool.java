package io.procmux.pool.hazelcast;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.SerializableBiFunction;
import io.procmux.pool.SerializableFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code hazelcast} {@link Pool}: Python's {@code multiprocessing.Pool} surface with tasks run
 * on cluster members. Functions and arguments are serialized in the caller's thread (a function
 * once per instance), so what cannot be shipped is refused there with an
 * {@link IllegalArgumentException} naming its class; the classes written are learned by the pool's
 * {@link AllowList}, so its embedded member (and its own result reading) admits them. {@code map} and {@code imap} ship chunks
 * (Python's default size for {@code map}); results come back in order. {@link #processes()} is the
 * chunking width and each member's task concurrency, not a count of the cluster's cores.
 *
 * <p>Cost per {@code applyAsync}: one argument encoding, one Hazelcast submission, one result
 * decoding on the results thread. Threads: Hazelcast's and one results thread, none after join.
 */
final class HazelcastPool implements ClusterPool {
    private final int processes;
    private final Dispatcher dispatcher;
    private final AllowList filter;
    private final Map<Object, byte[]> functions = Collections.synchronizedMap(new WeakHashMap<>());

    HazelcastPool(int processes, Dispatcher dispatcher, AllowList filter) {
        this.processes = processes;
        this.dispatcher = dispatcher;
        this.filter = filter;
    }

    private byte[] function(Object fn) {
        byte[] bytes = functions.get(fn);
        if (bytes == null) {
            bytes = Serial.encode(fn, "task function", filter);
            functions.put(fn, bytes);
        }
        return bytes;
    }

    @Override
    public <A, R> R apply(SerializableFunction<A, R> fn, A arg) throws InterruptedException, ExecutionException {
        return applyAsync(fn, arg).get();
    }

    @Override
    public <A, R> AsyncResult<R> applyAsync(SerializableFunction<A, R> fn, A arg) {
        return applyAsync(fn, arg, null, null);
    }

    @Override
    public <A, R> AsyncResult<R> applyAsync(SerializableFunction<A, R> fn, A arg,
            @Nullable Consumer<? super R> callback, @Nullable Consumer<? super Throwable> errorCallback) {
        dispatcher.checkAccepting();
        Invocation call = new Invocation(function(fn), Invocation.APPLY, Serial.encode(arg, "argument", filter));
        ClusterResult<R> result = new ClusterResult<>(callback, errorCallback);
        dispatcher.send(call, result);
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
        return this.<R>mapChunks(fn, Invocation.CHUNK, listOf(items), chunksize).get();
    }

    @Override
    public <A, R> AsyncResult<List<R>> mapAsync(SerializableFunction<A, R> fn, Iterable<? extends A> items) {
        List<Object> all = listOf(items);
        return mapChunks(fn, Invocation.CHUNK, all, Pool.defaultChunksize(all.size(), processes));
    }

    @Override
    public <A, B, R> List<R> starmap(SerializableBiFunction<A, B, R> fn, Iterable<? extends Map.Entry<A, B>> pairs)
            throws InterruptedException, ExecutionException {
        List<Object> all = new ArrayList<>();
        for (Map.Entry<A, B> e : pairs) {
            all.add(new Object[] {e.getKey(), e.getValue()});
        }
        return this.<R>mapChunks(fn, Invocation.STAR_CHUNK, all, Pool.defaultChunksize(all.size(), processes)).get();
    }

    /** Encodes every chunk first (so a bad item ships nothing), then ships them all. */
    private <R> AsyncResult<List<R>> mapChunks(Object fn, byte mode, List<Object> all, int chunksize) {
        dispatcher.checkAccepting();
        byte[] f = function(fn);
        List<Invocation> calls = new ArrayList<>();
        for (int from = 0; from < all.size(); from += chunksize) {
            Object[] part = all.subList(from, Math.min(all.size(), from + chunksize)).toArray();
            calls.add(new Invocation(f, mode, Serial.encode(part, "chunk of items", filter)));
        }
        ClusterResult<List<R>> result = new ClusterResult<>(null, null);
        ChunkedMap<R> gather = new ChunkedMap<>(result, all.size(), calls.size());
        dispatcher.sendAll(calls, i -> gather.chunkAt(i * chunksize));
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
        dispatcher.checkAccepting();
        byte[] f = function(fn);
        return new LazyChunks<>(items.iterator(), chunksize, imapWindow(), ordered, part -> {
            Invocation call = new Invocation(f, Invocation.CHUNK, Serial.encode(part, "chunk of items", filter));
            CompletableFuture<Object[]> done = new CompletableFuture<>();
            dispatcher.send(call, new Sink() {
                @Override
                public void succeeded(@Nullable Object value) {
                    done.complete((Object[]) value);
                }

                @Override
                public void failed(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            return done;
        });
    }

    @Override
    public List<String> members() {
        return dispatcher.members();
    }

    @Override
    public String clusterName() {
        return dispatcher.clusterName();
    }

    /** The cluster and its task-running members, e.g. for {@code procmux doctor --cluster}. */
    @Override
    public String toString() {
        return "hazelcast pool on cluster '" + clusterName() + "', members " + members();
    }

    /** The most chunks an imap keeps shipped and not yet consumed. */
    int imapWindow() {
        return 2 * processes;
    }

    /** The name of the thread on which callbacks run. */
    String callbackThreadName() {
        return dispatcher.threadName();
    }

    private static List<Object> listOf(Iterable<?> items) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    private static void checkChunksize(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be 1 or more, not " + chunksize);
        }
    }

    @Override
    public void shutdown() {
        dispatcher.shutdown();
    }

    @Override
    public void terminate() {
        dispatcher.terminate();
    }

    @Override
    public void join() throws InterruptedException {
        join(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        if (!dispatcher.isStopping()) {
            throw new IllegalStateException("join() needs shutdown() or terminate() first (as in Python)");
        }
        return dispatcher.awaitDone(timeout.toNanos());
    }

    @Override
    public int processes() {
        return processes;
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
