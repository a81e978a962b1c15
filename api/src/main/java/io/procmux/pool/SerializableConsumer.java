package io.procmux.pool;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * A {@link Serializable} a callback, so that lambdas and method references can be shipped to worker
 * processes. Capture only serializable values.
 */
@FunctionalInterface
public interface SerializableConsumer<T> extends Consumer<T>, Serializable {
}
