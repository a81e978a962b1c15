/**
 * The spawn benchmarks run by {@code bench/sections/spawn}: driver programs, each run as a whole
 * process that times itself after a warm-up and prints {@code RESULT <metric> <value>} lines
 * ({@link io.procmux.bench.spawn.SpawnLoop}, {@link io.procmux.bench.spawn.ConcurrentChildren},
 * {@link io.procmux.bench.spawn.ExitLatency}), and {@link io.procmux.bench.spawn.SpawnReport},
 * which turns the collected lines into the markdown tables of the section.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.bench.spawn;

import org.jspecify.annotations.NullMarked;
