/**
 * {@code procmux parallel}: one command per input, N at a time, every child's output collected
 * through one {@link io.procmux.mux.Multiplexer} on one thread.
 *
 * <p>Parsing ({@link io.procmux.cli.parallel.SourceArgs}, {@link io.procmux.cli.parallel.InputSplitter},
 * {@link io.procmux.cli.parallel.JobInputs}, {@link io.procmux.cli.parallel.Template},
 * {@link io.procmux.cli.parallel.HaltPolicy}) is pure and runs before anything starts; the run
 * itself is {@link io.procmux.cli.parallel.ParallelRunner}.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.cli.parallel;

import org.jspecify.annotations.NullMarked;
