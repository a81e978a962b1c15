package io.procmux.pool.local;

import java.io.ObjectInputFilter;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The allow-list applied to every payload the pool decodes, in the parent and in workers.
 *
 * <p>Allowed: primitives and arrays of allowed types; the value types of {@code java.base}
 * ({@code java.lang}, {@code java.util} and {@code java.util.concurrent}, {@code java.math},
 * {@code java.time}, {@link java.lang.invoke.SerializedLambda}) and every {@link Throwable} of
 * {@code java.base}; the pool's own classes ({@code io.procmux.*}); and the user's classes, which
 * are the classes of the application class path (not of the JDK). A pattern in
 * {@code -Dprocmux.pool.serialFilter} (the syntax of {@link ObjectInputFilter.Config#createFilter},
 * e.g. {@code com.example.**;!*}) narrows the user's classes to those it allows. Everything
 * else, including every other JDK class, is rejected. Graphs deeper than 1,000 or with more
 * than 10,000,000 references are rejected as well.
 *
 * <p>Cost: one set look-up per class in the stream; no allocation.
 */
final class SerialFilter implements ObjectInputFilter {
    /** The system property holding the optional pattern for user classes. */
    static final String PROPERTY = "procmux.pool.serialFilter";

    private static final Set<String> JAVA_BASE_PACKAGES = Set.of(
            "java.lang", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "java.math",
            "java.time", "java.time.chrono", "java.time.temporal", "java.time.zone");

    private final @Nullable ObjectInputFilter userFilter;

    private SerialFilter(@Nullable ObjectInputFilter userFilter) {
        this.userFilter = userFilter;
    }

    /** The filter with the pattern from {@link #PROPERTY}, when set. */
    static SerialFilter fromSystem() {
        return of(System.getProperty(PROPERTY));
    }

    /**
     * The filter with an optional pattern for user classes.
     *
     * @throws IllegalArgumentException naming the pattern when it is malformed
     */
    static SerialFilter of(@Nullable String userPattern) {
        if (userPattern == null || userPattern.isBlank()) {
            return new SerialFilter(null);
        }
        try {
            return new SerialFilter(ObjectInputFilter.Config.createFilter(userPattern));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad " + PROPERTY + " pattern '" + userPattern + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > 1_000 || info.references() > 10_000_000) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return Status.ALLOWED;
        }
        return allowed(type, info) ? Status.ALLOWED : Status.REJECTED;
    }

    private boolean allowed(Class<?> type, FilterInfo info) {
        ClassLoader loader = type.getClassLoader();
        boolean jdk = loader == null || loader == ClassLoader.getPlatformClassLoader();
        if (jdk) {
            if (type.getModule() != Object.class.getModule()) {
                return false;
            }
            return JAVA_BASE_PACKAGES.contains(type.getPackageName())
                    || type == java.lang.invoke.SerializedLambda.class
                    || Throwable.class.isAssignableFrom(type);
        }
        if (type.getName().startsWith("io.procmux.")) {
            return true;
        }
        return userFilter == null || userFilter.checkInput(info) == Status.ALLOWED;
    }
}
