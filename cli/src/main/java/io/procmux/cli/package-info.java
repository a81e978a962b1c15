/**
 * The {@code procmux} command line: picocli parses first, then a Guice injector built from the
 * parsed global options hands each subcommand the backends it needs.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.cli;

import org.jspecify.annotations.NullMarked;
