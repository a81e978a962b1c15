package io.procmux.pool.local;

import java.io.ObjectInputFilter;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The allow-list applied to every payload the pool decodes, in the parent and in workers.
 *
 * <p>Allowed: primitives and arrays of allowed types; the value types of {@code java.base}
 * ({@code java.lang}, {@code java.util} and {@code java.util.concurrent} with its atomics and locks (a
 * {@code ConcurrentHashMap} writes locks), {@code java.math},
 * {@code java.time}, {@link java.lang.invoke.SerializedLambda}) and every {@link Throwable} of
 * {@code java.base}; the pool's own classes ({@code io.procmux.*}); the application classes the
 * pool itself sent to its workers ({@link ClassRegistry}: every class serialized in a task
 * function, argument or initializer, including a lambda's capturing class, and each task
 * function's declared result type); and the classes the user's pattern in
 * {@code -Dprocmux.pool.serialFilter} allows (the syntax of
 * {@link ObjectInputFilter.Config#createFilter}, e.g. {@code com.example.Point;com.example.model.**}).
 * Everything else, including every other JDK class, is rejected. Graphs deeper than 1,000 or with
 * more than 10,000,000 references are rejected as well.
 *
 * <p>Why this default: a worker only ever needs the classes its parent sends it, and the parent
 * only needs back what it sent or what a task declares it returns; a class that is merely on the
 * class path (a gadget) is never instantiated by either side. A task declared to return a wider
 * type ({@code Object}, an interface) whose result is an application class outside the list fails
 * with an error naming that class and this property; so does a task whose argument graph holds
 * such a class only as a field's runtime value (it is sent, hence listed). Exceptions a task
 * throws of a class outside the list reach the caller as a {@link RemoteTaskException} with the
 * class name, message and stack trace.
 *
 * <p>Cost: one set look-up per class in the stream; no allocation.
 */
final class SerialFilter implements ObjectInputFilter {
    /** The system property holding the optional pattern for more application classes. */
    static final String PROPERTY = "procmux.pool.serialFilter";

    private static final Set<String> JAVA_BASE_PACKAGES = Set.of(
            "java.lang", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "java.util.concurrent.locks", "java.math",
            "java.time", "java.time.chrono", "java.time.temporal", "java.time.zone");

    private final Set<String> sent;
    private final @Nullable ObjectInputFilter userFilter;

    private SerialFilter(Set<String> sent, @Nullable ObjectInputFilter userFilter) {
        this.sent = sent;
        this.userFilter = userFilter;
    }

    /** The parent's filter: the classes in {@code sent} (a live view) and the pattern from {@link #PROPERTY}. */
    static SerialFilter forParent(Set<String> sent) {
        return of(sent, System.getProperty(PROPERTY));
    }

    /** A worker's or a process child's filter: the pattern from {@link #PROPERTY}, and the names it is told with {@link #allow}. */
    static SerialFilter forChild() {
        return of(new HashSet<>(), System.getProperty(PROPERTY));
    }

    /**
     * The filter over {@code sent} with an optional pattern for more application classes.
     *
     * @throws IllegalArgumentException naming the pattern when it is malformed
     */
    static SerialFilter of(Set<String> sent, @Nullable String userPattern) {
        if (userPattern == null || userPattern.isBlank()) {
            return new SerialFilter(sent, null);
        }
        try {
            return new SerialFilter(sent, ObjectInputFilter.Config.createFilter(userPattern));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad " + PROPERTY + " pattern '" + userPattern + "': " + e.getMessage(), e);
        }
    }

    /** Adds class names (a child's copy of its parent's {@link ClassRegistry}; single-threaded). */
    void allow(String[] names) {
        for (String n : names) {
            sent.add(n);
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
        return admits(type, info) ? Status.ALLOWED : Status.REJECTED;
    }

    /** Whether instances of {@code type} may be decoded. */
    boolean admits(Class<?> type) {
        return admits(type, null);
    }

    private boolean admits(Class<?> type, @Nullable FilterInfo info) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return true;
        }
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
        String name = type.getName();
        if (name.startsWith("io.procmux.") || sent.contains(name)) {
            return true;
        }
        if (type.isHidden()) {
            return lambdaOfAdmitted(name);
        }
        return userFilter != null
                && userFilter.checkInput(info != null ? info : new ClassOnly(type)) == Status.ALLOWED;
    }

    /**
     * Whether a hidden class is a lambda of an admitted capturing class: the object a
     * {@link java.lang.invoke.SerializedLambda} resolves to is filtered too, and only its capturing
     * class (listed when the lambda was sent) can make one, checking the method it names.
     */
    private boolean lambdaOfAdmitted(String hiddenName) {
        int at = hiddenName.indexOf("$$Lambda");
        if (at <= 0) {
            return false;
        }
        String capturing = hiddenName.substring(0, at);
        return capturing.startsWith("io.procmux.") || sent.contains(capturing);
    }

    /** Whether {@code type} needs no listing: primitives, JDK classes and procmux's own (judged by {@link #admits} alone). */
    static boolean unlisted(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return type.isPrimitive() || loader == null || loader == ClassLoader.getPlatformClassLoader()
                || type.getName().startsWith("io.procmux.");
    }

    /** Why {@code type} was refused and how to allow it, for error messages. */
    static String refusal(@Nullable Class<?> type) {
        if (type == null) {
            return "the object graph is deeper than 1,000 or holds more than 10,000,000 references";
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        String name = type.getName();
        String pkg = type.getPackageName();
        return "class " + name + " is not on the pool's allow-list (java.base value types, io.procmux, and the"
                + " application classes this pool sent to its workers: task functions, arguments, initializer,"
                + " declared result types); to allow it, start the JVM with -D" + PROPERTY + "=" + name
                + (pkg.isEmpty() ? "" : " (or a pattern such as " + pkg + ".**)");
    }

    /** The pattern filter asks only for the class. */
    private record ClassOnly(Class<?> serialClass) implements FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}
