/**
 * The {@code poll} multiplexer backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.mux.poll;

import org.jspecify.annotations.NullMarked;
