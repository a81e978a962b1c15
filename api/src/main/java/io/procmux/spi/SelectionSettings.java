package io.procmux.spi;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where backend names and the native kill switch are read from: system properties first, then
 * the environment. Tests pass maps instead of mutating the real ones.
 *
 * @param properties looks up a system property, or returns null
 * @param environment looks up an environment variable, or returns null
 */
public record SelectionSettings(
        Function<String, @Nullable String> properties,
        Function<String, @Nullable String> environment) {

    /** The system property that switches every native backend off when {@code true}. */
    public static final String NO_NATIVE_PROPERTY = "procmux.noNative";

    /** The environment variable equivalent of {@link #NO_NATIVE_PROPERTY}. */
    public static final String NO_NATIVE_ENVIRONMENT = "PROCMUX_NONATIVE";

    /** Reads the real {@link System#getProperty} and {@link System#getenv}. */
    public static SelectionSettings fromSystem() {
        return new SelectionSettings(System::getProperty, System::getenv);
    }

    /** Reads the given maps; for tests and for embedding. */
    public static SelectionSettings of(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> p = Map.copyOf(properties);
        Map<String, String> e = Map.copyOf(environment);
        return new SelectionSettings(p::get, e::get);
    }

    /** A name configured for this kind, and where it came from, or empty when none is set. */
    public Optional<NamedBy> configuredName(BackendKind<?> kind) {
        String property = blankToNull(properties.apply(kind.propertyName()));
        if (property != null) {
            return Optional.of(new NamedBy(property, "system property " + kind.propertyName()));
        }
        String env = blankToNull(environment.apply(kind.environmentVariable()));
        if (env != null) {
            return Optional.of(new NamedBy(env, "environment variable " + kind.environmentVariable()));
        }
        return Optional.empty();
    }

    /** Why native backends are switched off, or empty when they are allowed. */
    public Optional<String> nativeKillSwitch() {
        if (isTrue(properties.apply(NO_NATIVE_PROPERTY))) {
            return Optional.of("native backends are disabled by -D" + NO_NATIVE_PROPERTY + "=true");
        }
        if (isTrue(environment.apply(NO_NATIVE_ENVIRONMENT))) {
            return Optional.of("native backends are disabled by " + NO_NATIVE_ENVIRONMENT + "=true");
        }
        return Optional.empty();
    }

    private static boolean isTrue(@Nullable String value) {
        return value != null && (value.trim().equalsIgnoreCase("true") || value.trim().equals("1"));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A backend name and the place it was given.
     *
     * @param name the name as given, trimmed
     * @param source a human-readable origin, e.g. {@code system property procmux.mux}
     */
    public record NamedBy(String name, String source) {
    }
}
