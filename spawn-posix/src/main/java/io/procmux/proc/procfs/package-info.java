/**
 * The {@code procfs} process table backend: {@link io.procmux.proc.procfs.ProcfsProcessTable}
 * reads Linux's {@code /proc} in pure Java, with small package-private parsers per file
 * ({@code StatLine}, {@code StatusFile}, {@code CommandLine}, {@code BootTime}).
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.proc.procfs;

import org.jspecify.annotations.NullMarked;
