/**
 * Encoding values to bytes and back: {@link io.procmux.codec.Codec}.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.codec;

import org.jspecify.annotations.NullMarked;
