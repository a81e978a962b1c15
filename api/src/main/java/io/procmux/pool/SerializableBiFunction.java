package io.procmux.pool;

import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * A {@link Serializable} a function of two arguments, for {@link Pool#starmap}, so that lambdas and method references can be shipped to worker
 * processes. Capture only serializable values.
 */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends BiFunction<A, B, R>, Serializable {
}
