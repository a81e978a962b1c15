/**
 * Per-wait cost of the multiplexers with N idle descriptors and one ready one: JMH benchmarks of
 * the procmux backends ({@link io.procmux.bench.mux.MuxWaitBenchmark}), of the JDK's NIO
 * {@code Selector} ({@link io.procmux.bench.mux.NioWaitBenchmark}) and of bare jnr-ffi
 * {@code epoll_wait} and {@code poll} (the floors under any jnr-based backend), and {@link
 * io.procmux.bench.mux.MuxReport}, which turns their JMH JSON and the C reference's samples
 * ({@code bench/c/mux_wait.c}) into the markdown tables of {@code bench/run mux}; and
 * {@link io.procmux.bench.mux.MuxCpuTime}, the same waits timed by CPU clock, side by side, for a
 * busy machine.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.bench.mux;

import org.jspecify.annotations.NullMarked;
