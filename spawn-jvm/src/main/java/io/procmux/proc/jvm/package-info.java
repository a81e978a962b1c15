/**
 * The {@code jvm} process table backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.proc.jvm;

import org.jspecify.annotations.NullMarked;
