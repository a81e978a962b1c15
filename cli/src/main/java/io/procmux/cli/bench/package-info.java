/**
 * {@code procmux bench}: quick side-by-side timings of the backends available on the user's own
 * machine (spawn, mux, struct), alternating backends round by round.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.cli.bench;

import org.jspecify.annotations.NullMarked;
