/**
 * Readiness multiplexing over raw file descriptors, in the shape of Python's {@code select.poll}
 * and {@code select.epoll}: {@link io.procmux.mux.Multiplexer} and the {@link io.procmux.mux.Events} bits.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.mux;

import org.jspecify.annotations.NullMarked;
