package io.procmux.pool.hazelcast;

import io.procmux.pool.AsyncResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AsyncResult} of one submission to the cluster. Completed on the pool's results
 * thread, which runs the user's callback first, so {@code get} returns after the callback ran; a
 * callback that throws is logged and the result is delivered anyway.
 *
 * <p>Cost: one {@link CompletableFuture}.
 */
final class ClusterResult<R> implements AsyncResult<R>, Sink {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterResult.class);
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private final @Nullable Consumer<? super R> onValue;
    private final @Nullable Consumer<? super Throwable> onError;

    ClusterResult(@Nullable Consumer<? super R> onValue, @Nullable Consumer<? super Throwable> onError) {
        this.onValue = onValue;
        this.onError = onError;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void succeeded(@Nullable Object value) {
        if (onValue != null) {
            try {
                onValue.accept((R) value);
            } catch (RuntimeException | Error e) {
                LOG.error("a pool callback threw; the result is delivered anyway", e);
            }
        }
        future.complete((R) value);
    }

    @Override
    public void failed(Throwable error) {
        if (onError != null) {
            try {
                onError.accept(error);
            } catch (RuntimeException | Error e) {
                LOG.error("a pool error callback threw; the failure is delivered anyway", e);
            }
        }
        future.completeExceptionally(error);
    }

    @Override
    public R get() throws InterruptedException, ExecutionException {
        return future.get();
    }

    @Override
    public R get(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no result from the cluster within " + timeout);
        }
    }

    @Override
    public void waitFor() throws InterruptedException {
        waitFor(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Override
    public boolean waitFor(Duration timeout) throws InterruptedException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Override
    public boolean ready() {
        return future.isDone();
    }

    @Override
    public boolean successful() {
        if (!ready()) {
            throw new IllegalStateException("the task has not finished yet");
        }
        return !future.isCompletedExceptionally();
    }

    @Override
    public CompletableFuture<R> toCompletableFuture() {
        return future.copy();
    }
}
