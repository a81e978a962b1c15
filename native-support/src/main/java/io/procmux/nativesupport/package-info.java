/**
 * Native helpers shared by the jnr-ffi multiplexer backends: off-heap buffers, the fd-indexed
 * registration table, the batch of ready events, the timeout rule and the use-after-fork guard.
 * A library, not a backend: it registers no provider, and depends on nothing of procmux but the
 * api. Its types are public so that backends in other modules can use them; they are not part of
 * procmux's user API and may change without notice.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.nativesupport;

import org.jspecify.annotations.NullMarked;
