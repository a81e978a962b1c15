package io.procmux.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AsyncResult} a pool backend hands out and completes later: {@link #complete} and
 * {@link #fail} run the user's callback first, then complete the result, so {@code get} returns
 * after the callback ran (as in Python); a callback that throws is logged and the outcome is
 * delivered anyway. Backends subclass it to add their own outcome interface.
 *
 * <p>Cost: one {@link CompletableFuture} per result; {@link #toCompletableFuture()} makes a copy.
 *
 * @param <R> the result type
 */
public class CompletableAsyncResult<R> implements AsyncResult<R> {
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private final @Nullable Consumer<? super R> callback;
    private final @Nullable Consumer<? super Throwable> errorCallback;

    /** A result whose outcome goes to {@code callback} or {@code errorCallback} (either may be null). */
    public CompletableAsyncResult(@Nullable Consumer<? super R> callback, @Nullable Consumer<? super Throwable> errorCallback) {
        this.callback = callback;
        this.errorCallback = errorCallback;
    }

    /** The task returned {@code value}: runs the callback, then completes. */
    public final void complete(R value) {
        if (callback != null) {
            guarded(() -> callback.accept(value));
        }
        future.complete(value);
    }

    /** The task failed with {@code error}: runs the error callback, then completes exceptionally. */
    public final void fail(Throwable error) {
        if (errorCallback != null) {
            guarded(() -> errorCallback.accept(error));
        }
        future.completeExceptionally(error);
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            System.getLogger(CompletableAsyncResult.class.getName()).log(System.Logger.Level.ERROR,
                    "a pool callback threw; the outcome is delivered anyway", e);
        }
    }

    @Override
    public final R get() throws InterruptedException, ExecutionException {
        return future.get();
    }

    @Override
    public final R get(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("the result was not ready within " + timeout);
        }
    }

    @Override
    public final void waitFor() throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            // done, however it ended
        }
    }

    @Override
    public final boolean waitFor(Duration timeout) throws InterruptedException {
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
    public final boolean ready() {
        return future.isDone();
    }

    @Override
    public final boolean successful() {
        if (!future.isDone()) {
            throw new IllegalStateException("the result is not ready yet");
        }
        return !future.isCompletedExceptionally();
    }

    @Override
    public final CompletableFuture<R> toCompletableFuture() {
        return future.copy();
    }
}
