package io.procmux.pool;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Serializable} task with a result, so that lambdas and method references can be shipped
 * to worker processes. Capture only serializable values.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableCallable<R> extends Callable<R>, Serializable {
}
