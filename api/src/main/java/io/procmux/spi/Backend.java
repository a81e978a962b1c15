package io.procmux.spi;

import java.util.Optional;

/**
 * One implementation of one kind of procmux service (a spawner, a multiplexer, a codec, ...),
 * found at run time by {@link java.util.ServiceLoader} and chosen by {@link Backends}.
 *
 * <p>Cost: constructing a provider must be cheap and must not touch native code. The native probe
 * runs lazily, once, the first time {@link #unavailabilityCause()} is called, and is cached.
 */
public interface Backend {

    /** The stable, lowercase name users select this backend by, unique within its kind. */
    String name();

    /** Higher wins when no backend is named explicitly; ties are broken by name. */
    int priority();

    /**
     * Why this backend cannot be used here, or empty when it can. Probed once, lazily (for
     * example by opening and closing a real epoll descriptor), then cached.
     */
    Optional<Throwable> unavailabilityCause();

    /** Whether {@link #unavailabilityCause()} is empty. */
    default boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    /**
     * Whether this backend calls native code (jnr, JNI). Native backends are switched off as a
     * group by {@code -Dprocmux.noNative=true}.
     */
    default boolean isNative() {
        return false;
    }

    /**
     * What this backend can do, as short {@code key=value} facts for {@code procmux backends}
     * (for example {@code maxFd=1023} or {@code edgeTriggered=true}). Empty by default.
     */
    default java.util.Map<String, String> capabilities() {
        return java.util.Map.of();
    }
}
