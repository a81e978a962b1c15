/**
 * The {@code unix} backend of kind {@code ipc}: Unix domain sockets created and driven through
 * jnr-ffi with close-on-exec, exact address checks, private permissions, stale-file recovery and
 * locking, peer credentials and {@code SCM_RIGHTS} descriptor passing.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.ipc.unix;

import org.jspecify.annotations.NullMarked;
