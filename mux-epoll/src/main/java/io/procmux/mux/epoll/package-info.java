/**
 * The {@code epoll} multiplexer backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.mux.epoll;

import org.jspecify.annotations.NullMarked;
