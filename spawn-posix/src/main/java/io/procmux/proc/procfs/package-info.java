/**
 * The {@code procfs} process table backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.proc.procfs;

import org.jspecify.annotations.NullMarked;
