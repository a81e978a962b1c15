package io.procmux.pool.hazelcast;

import io.procmux.pool.CompletableAsyncResult;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link io.procmux.pool.AsyncResult} of one submission to the cluster, completed on the pool's
 * results thread as the outcome of its invocation (callbacks first, see {@link CompletableAsyncResult}).
 *
 * <p>Cost: one {@link java.util.concurrent.CompletableFuture}.
 */
final class ClusterResult<R> extends CompletableAsyncResult<R> implements Sink {

    ClusterResult(@Nullable Consumer<? super R> onValue, @Nullable Consumer<? super Throwable> onError) {
        super(onValue, onError);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void succeeded(@Nullable Object value) {
        complete((R) value); // the invocation's own result type: the member ran the caller's function
    }

    @Override
    public void failed(Throwable error) {
        fail(error);
    }
}
