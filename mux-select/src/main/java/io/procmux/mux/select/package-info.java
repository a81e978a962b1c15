/**
 * The {@code select} multiplexer backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.mux.select;

import org.jspecify.annotations.NullMarked;
