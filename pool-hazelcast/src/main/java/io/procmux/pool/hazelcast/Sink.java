package io.procmux.pool.hazelcast;

import org.jspecify.annotations.Nullable;

/** Receives how one shipped invocation ended; called once, on the pool's results thread. */
interface Sink {
    /** The invocation returned {@code value} (an {@code Object[]} for chunks). */
    void succeeded(@Nullable Object value);

    /** The task threw, its member left, or the pool was terminated. */
    void failed(Throwable error);
}
