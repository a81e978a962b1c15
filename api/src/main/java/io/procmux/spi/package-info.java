/**
 * The plugin contract: {@link io.procmux.spi.Backend}, one provider interface per kind, and
 * {@link io.procmux.spi.Backends}, which discovers providers with {@link java.util.ServiceLoader} and
 * selects one by explicit name or by priority.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.spi;

import org.jspecify.annotations.NullMarked;
