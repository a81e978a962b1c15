/**
 * JMH benchmarks of procmux's in-process hot paths; whole-command comparisons live in the
 * {@code bench/run} script beside this module.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.bench;

import org.jspecify.annotations.NullMarked;
