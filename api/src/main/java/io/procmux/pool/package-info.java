/**
 * A pool of reused worker processes running Java tasks, in the shape of Python's
 * {@code multiprocessing.Pool}: {@link io.procmux.pool.Pool} and {@link io.procmux.pool.AsyncResult}.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.pool;

import org.jspecify.annotations.NullMarked;
