/**
 * The {@code hazelcast} pool backend: the {@link io.procmux.pool.Pool} API with its tasks run on
 * the members of a Hazelcast cluster through {@code IExecutorService}; one embedded member on
 * loopback when nothing is configured, a joined or connected cluster otherwise, and on each member
 * either in-process execution or the member's own local pool of worker JVMs. Everything a member,
 * a worker or the caller deserializes goes through an allow-list ({@code AllowList}).
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.pool.hazelcast;

import org.jspecify.annotations.NullMarked;
