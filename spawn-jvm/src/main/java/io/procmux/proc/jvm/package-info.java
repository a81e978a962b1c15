/**
 * The {@code jvm} process table backend: {@link io.procmux.proc.jvm.JvmProcessTable} over
 * {@link java.lang.ProcessHandle}, portable, with only the fields the JDK knows.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.proc.jvm;

import org.jspecify.annotations.NullMarked;
