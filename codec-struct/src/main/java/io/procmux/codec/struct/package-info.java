/**
 * The {@code struct} codec backend.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.codec.struct;

import org.jspecify.annotations.NullMarked;
