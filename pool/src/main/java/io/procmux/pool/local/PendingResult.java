package io.procmux.pool.local;

import io.procmux.pool.AsyncResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AsyncResult} of one submission. The outcome arrives on the pool's I/O thread, which
 * runs the callback first and then completes the result, so {@code get} returns after the
 * callback ran (as in Python). A callback that throws is reported on stderr and ignored.
 *
 * <p>Cost: one {@link CompletableFuture} per result.
 */
final class PendingResult<R> implements AsyncResult<R>, Task.Outcome {
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private final @Nullable Consumer<? super R> callback;
    private final @Nullable Consumer<? super Throwable> errorCallback;

    PendingResult(@Nullable Consumer<? super R> callback, @Nullable Consumer<? super Throwable> errorCallback) {
        this.callback = callback;
        this.errorCallback = errorCallback;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void succeeded(Object value) {
        succeed((R) value); // the task's own result type: the worker ran the caller's function
    }

    @Override
    public void failed(Throwable error) {
        fail(error);
    }

    void succeed(R value) {
        if (callback != null) {
            guarded(() -> callback.accept(value));
        }
        future.complete(value);
    }

    void fail(Throwable error) {
        if (errorCallback != null) {
            guarded(() -> errorCallback.accept(error));
        }
        future.completeExceptionally(error);
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            System.getLogger(PendingResult.class.getName()).log(System.Logger.Level.ERROR,
                    "a pool callback threw; the result is delivered anyway", e);
        }
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
            throw new TimeoutException("the result was not ready within " + timeout);
        }
    }

    @Override
    public void waitFor() throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            // done, however it ended
        }
    }

    @Override
    public boolean waitFor(Duration timeout) throws InterruptedException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // done
        } catch (TimeoutException e) {
            return false;
        }
        return true;
    }

    @Override
    public boolean ready() {
        return future.isDone();
    }

    @Override
    public boolean successful() {
        if (!future.isDone()) {
            throw new IllegalStateException("the result is not ready yet");
        }
        return !future.isCompletedExceptionally();
    }

    @Override
    public CompletableFuture<R> toCompletableFuture() {
        return future.copy();
    }
}
