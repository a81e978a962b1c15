/**
 * JMH benchmarks of the {@code struct} codec side by side with hand-written {@code VarHandle} code
 * doing the same work: {@code '<iHd'}, a 32-field mixed format and {@code iterUnpack} over 1 MiB,
 * through the boxed API, records and typed field access. {@code bench/sections/struct} runs them
 * with CPython's {@code struct} timed beside them.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.bench.struct;

import org.jspecify.annotations.NullMarked;
