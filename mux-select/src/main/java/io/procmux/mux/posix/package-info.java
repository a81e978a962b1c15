/**
 * Pieces the {@code select} and {@code poll} backends share: the jnr-ffi binding of libc, the
 * fd-indexed registration table, the wake-up pipe, the timeout rule and the common wait loop.
 * Internal to the mux-select module: not an API, may change without notice.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.mux.posix;

import org.jspecify.annotations.NullMarked;
