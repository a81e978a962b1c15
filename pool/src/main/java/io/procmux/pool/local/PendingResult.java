package io.procmux.pool.local;

import io.procmux.pool.CompletableAsyncResult;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link io.procmux.pool.AsyncResult} of one submission, completed on the pool's I/O thread as
 * the outcome of its task (callbacks first, see {@link CompletableAsyncResult}).
 *
 * <p>Cost: one {@link java.util.concurrent.CompletableFuture} per result.
 */
final class PendingResult<R> extends CompletableAsyncResult<R> implements Task.Outcome {

    PendingResult(@Nullable Consumer<? super R> callback, @Nullable Consumer<? super Throwable> errorCallback) {
        super(callback, errorCallback);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void succeeded(Object value) {
        complete((R) value); // the task's own result type: the worker ran the caller's function
    }

    @Override
    public void failed(Throwable error) {
        fail(error);
    }
}
