/**
 * The {@code posix} spawner backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.spawn.posix;

import org.jspecify.annotations.NullMarked;
