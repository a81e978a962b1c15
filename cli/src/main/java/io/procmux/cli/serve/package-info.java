/**
 * {@code procmux serve}: a single-threaded echo server on any procmux
 * {@link io.procmux.mux.Multiplexer}, over non-blocking sockets whose raw descriptors are
 * registered with the multiplexer: TCP through JDK channels, Unix-domain sockets through the api's
 * {@link io.procmux.ipc.UnixSockets} (private socket file, lock, peer uid check).
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.cli.serve;

import org.jspecify.annotations.NullMarked;
