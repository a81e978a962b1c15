/**
 * Unix-domain sockets of procmux against the JDK's {@code SocketChannel} and raw jnr-unixsocket:
 * {@link io.procmux.bench.ipc.UnixSocketBenchmark} (JMH, throughput and ping-pong latency, run by
 * {@code bench/run ipc}) and {@link io.procmux.bench.ipc.IpcSideBySide}, the same 64-byte exchanges
 * interleaved in one JVM for a busy machine.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.bench.ipc;

import org.jspecify.annotations.NullMarked;
