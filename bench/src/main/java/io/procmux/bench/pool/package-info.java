/**
 * Side-by-side figures of the {@code local} process pool, compared with CPython's
 * {@code multiprocessing.Pool} by {@code bench/sections/pool}, and of the {@code hazelcast} pool
 * beside it by {@code bench/sections/pool-hazelcast}.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.bench.pool;

import org.jspecify.annotations.NullMarked;
