/**
 * Conformance tests every backend subclasses once ({@code Abstract*Test}) and helpers for tests:
 * provider discovery assertions, descriptor and zombie counting.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.testkit;

import org.jspecify.annotations.NullMarked;
