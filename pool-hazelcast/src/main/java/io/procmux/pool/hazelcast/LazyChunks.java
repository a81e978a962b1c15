package io.procmux.pool.hazelcast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The iterator behind {@code imap}/{@code imapUnordered} on the cluster: it reads the source only
 * as results are consumed, with at most {@code window} chunks shipped and not yet consumed
 * (back-pressure), and yields results in input order or in the order chunks complete. A failed
 * chunk is thrown from {@link #next()} as a {@link CompletionException} whose cause is the task's
 * exception. Items are encoded in the consuming thread. Not for use by several threads at once.
 *
 * <p>Cost: one future per chunk; a chunk's results are held until consumed.
 */
final class LazyChunks<R> implements Iterator<R> {
    private final Iterator<?> source;
    private final int chunksize;
    private final int window;
    private final Function<Object[], CompletableFuture<Object[]>> ship;
    private final ArrayDeque<CompletableFuture<Object[]>> inOrder = new ArrayDeque<>();
    private final @Nullable BlockingQueue<CompletableFuture<Object[]>> asDone;
    private int shipped;
    private Object[] chunk = new Object[0];
    private int index;

    LazyChunks(Iterator<?> source, int chunksize, int window, boolean ordered,
            Function<Object[], CompletableFuture<Object[]>> ship) {
        this.source = source;
        this.chunksize = chunksize;
        this.window = window;
        this.ship = ship;
        this.asDone = ordered ? null : new LinkedBlockingQueue<>();
    }

    private void fill() {
        while (shipped < window && source.hasNext()) {
            List<Object> items = new ArrayList<>(chunksize);
            do {
                items.add(source.next());
            } while (items.size() < chunksize && source.hasNext());
            CompletableFuture<Object[]> f = ship.apply(items.toArray());
            shipped++;
            if (asDone == null) {
                inOrder.add(f);
            } else {
                f.whenComplete((v, e) -> asDone.add(f));
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (index < chunk.length) {
            return true;
        }
        fill();
        return shipped > 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (index == chunk.length) {
            CompletableFuture<Object[]> f = asDone == null ? inOrder.poll() : takeDone();
            shipped--;
            chunk = f.join();
            index = 0;
            fill();
        }
        return (R) chunk[index++];
    }

    private CompletableFuture<Object[]> takeDone() {
        try {
            return asDone.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while waiting for the next result", e);
        }
    }
}
