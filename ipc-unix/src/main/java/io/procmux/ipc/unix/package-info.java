/**
 * The {@code unix} Unix socket backend backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.ipc.unix;

import org.jspecify.annotations.NullMarked;
