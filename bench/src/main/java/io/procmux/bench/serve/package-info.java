/**
 * The {@code serve} benchmark section: a JDK NIO {@code Selector} echo server built like
 * {@code procmux serve} (the reference it is compared with) and a loopback load generator that
 * measures echo throughput and round-trip latency against two servers, alternating between them.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.bench.serve;

import org.jspecify.annotations.NullMarked;
