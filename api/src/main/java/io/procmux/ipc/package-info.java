/**
 * Unix domain sockets: {@link io.procmux.ipc.UnixSockets}, {@link io.procmux.ipc.UnixAddress},
 * {@link io.procmux.ipc.UnixServer} and {@link io.procmux.ipc.UnixConnection}.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.ipc;

import org.jspecify.annotations.NullMarked;
