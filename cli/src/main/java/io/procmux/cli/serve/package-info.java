/**
 * {@code procmux serve}: a single-threaded echo server on any procmux
 * {@link io.procmux.mux.Multiplexer}, over JDK non-blocking TCP or Unix-domain socket channels
 * whose raw descriptors are registered with the multiplexer.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.cli.serve;

import org.jspecify.annotations.NullMarked;
