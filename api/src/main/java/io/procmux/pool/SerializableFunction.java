package io.procmux.pool;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A {@link Serializable} a function of one argument, so that lambdas and method references can be shipped to worker
 * processes. Capture only serializable values.
 */
@FunctionalInterface
public interface SerializableFunction<A, R> extends Function<A, R>, Serializable {
}
