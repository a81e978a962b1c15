/**
 * The process table: {@link io.procmux.proc.ProcessTable}, {@link io.procmux.proc.ProcessInfo}, and
 * {@link io.procmux.proc.Processes} for this process's own pid and parent pid.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.proc;

import org.jspecify.annotations.NullMarked;
