/**
 * The {@code local} pool backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.pool.local;

import org.jspecify.annotations.NullMarked;
