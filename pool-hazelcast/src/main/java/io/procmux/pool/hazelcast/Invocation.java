package io.procmux.pool.hazelcast;

import io.procmux.pool.SerializableBiFunction;
import io.procmux.pool.SerializableFunction;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * One task as shipped: the encoded function, how to apply it, and the encoded argument (one item,
 * or a chunk of items or of pairs). {@link #run} runs it wherever it is, in a member or in one of
 * a member's worker JVMs, and never throws: every failure, a refused class included, becomes an
 * {@link Outcome}.
 *
 * <p>Cost: the function and argument are decoded on each run; one result array per chunk.
 */
record Invocation(byte[] function, byte mode, byte[] argument) implements Serializable {
    private static final long serialVersionUID = 1L;
    static final byte APPLY = 0;
    static final byte CHUNK = 1;
    static final byte STAR_CHUNK = 2;

    /**
     * Runs the invocation here, reading its function and argument through {@code filter}, their
     * classes from {@code loader} first when given.
     */
    static Outcome run(Invocation call, AllowList filter, @Nullable ClassLoader loader) {
        Object value;
        try {
            value = call.apply(filter, loader);
        } catch (RuntimeException | Error e) {
            return Outcome.failure(e);
        }
        return Outcome.value(value);
    }

    @SuppressWarnings("unchecked")
    private Object apply(AllowList filter, @Nullable ClassLoader loader) {
        Object fn = Serial.decode(function, "task function", filter, loader);
        Object arg = Serial.decode(argument, mode == APPLY ? "argument" : "chunk of items", filter, loader);
        if (mode == APPLY) {
            return ((SerializableFunction<Object, Object>) fn).apply(arg);
        }
        Object[] items = (Object[]) arg;
        Object[] results = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            if (mode == CHUNK) {
                results[i] = ((SerializableFunction<Object, Object>) fn).apply(items[i]);
            } else {
                Object[] pair = (Object[]) items[i];
                results[i] = ((SerializableBiFunction<Object, Object, Object>) fn).apply(pair[0], pair[1]);
            }
        }
        return results;
    }
}
