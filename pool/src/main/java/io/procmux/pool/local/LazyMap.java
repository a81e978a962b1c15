package io.procmux.pool.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The iterator behind {@code imap} and {@code imapUnordered}: it pulls items from the source
 * only as results are consumed, keeping at most {@code window} chunks submitted and not yet
 * consumed (back-pressure), and yields results in input order or as they complete.
 *
 * <p>{@link #next()} blocks for the next result; a failed chunk is thrown from {@code next()} as
 * a {@link CompletionException} whose cause is the task's exception. Items are encoded in the
 * consuming thread. Not for use by several threads at once.
 *
 * <p>Cost: one task per chunk; results are held only until consumed.
 */
final class LazyMap<R> implements Iterator<R> {
    private final Iterator<?> source;
    private final int chunksize;
    private final int window;
    private final boolean ordered;
    private final BiFunction<Object[], Task.Outcome, Task> factory;
    private final Consumer<Task> sink;
    private static final Object NULL = new Object();

    private final TreeMap<Long, Object> byChunk = new TreeMap<>();
    private final ArrayDeque<Object> unordered = new ArrayDeque<>();
    private final ArrayDeque<Object> current = new ArrayDeque<>();
    private long submitted;
    private long consumed;

    /**
     * @param factory makes the task for one chunk with the given outcome
     * @param sink submits a task
     */
    LazyMap(Iterator<?> source, int chunksize, int window, boolean ordered,
            BiFunction<Object[], Task.Outcome, Task> factory, Consumer<Task> sink) {
        this.source = source;
        this.chunksize = chunksize;
        this.window = window;
        this.ordered = ordered;
        this.factory = factory;
        this.sink = sink;
    }

    private Task.Outcome outcome(long index) {
        return new Task.Outcome() {
            @Override
            public void succeeded(Object value) {
                arrived(index, value);
            }

            @Override
            public void failed(Throwable error) {
                arrived(index, new Failure(error));
            }
        };
    }

    private synchronized void arrived(long index, Object value) {
        if (ordered) {
            byChunk.put(index, value);
        } else {
            unordered.add(value);
        }
        notifyAll();
    }

    private void topUp() {
        while (submitted - consumed < window && source.hasNext()) {
            List<Object> items = new ArrayList<>(chunksize);
            while (items.size() < chunksize && source.hasNext()) {
                items.add(source.next());
            }
            Task t = factory.apply(items.toArray(), outcome(submitted));
            submitted++;
            sink.accept(t);
        }
    }

    @Override
    public boolean hasNext() {
        if (!current.isEmpty()) {
            return true;
        }
        topUp();
        return consumed < submitted;
    }

    @Override
    @SuppressWarnings("unchecked")
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (current.isEmpty()) {
            Object chunk = take();
            consumed++;
            if (chunk instanceof Failure f) {
                throw new CompletionException(f.error);
            }
            for (Object o : (Object[]) chunk) {
                current.add(o == null ? NULL : o);
            }
            topUp();
        }
        Object o = current.poll();
        return (R) (o == NULL ? null : o);
    }

    private synchronized Object take() {
        boolean interrupted = false;
        try {
            while (true) {
                Object chunk = ordered ? byChunk.remove(consumed) : unordered.poll();
                if (chunk != null) {
                    return chunk;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Failure(Throwable error) {
    }
}
