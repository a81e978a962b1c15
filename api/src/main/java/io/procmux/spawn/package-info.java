/**
 * Starting child processes with POSIX semantics: {@link io.procmux.spawn.Spawner},
 * {@link io.procmux.spawn.SpawnSpec}, {@link io.procmux.spawn.Child} and {@link io.procmux.spawn.ExitStatus}.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.spawn;

import org.jspecify.annotations.NullMarked;
