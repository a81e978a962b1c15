package io.procmux.pool;

import java.io.Serializable;

/**
 * A {@link Serializable} an action with no result, such as a worker initializer, so that lambdas and method references can be shipped to worker
 * processes. Capture only serializable values.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
