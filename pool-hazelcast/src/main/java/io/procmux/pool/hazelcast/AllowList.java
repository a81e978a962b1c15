package io.procmux.pool.hazelcast;

import java.io.ObjectInputFilter;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The deserialization filter of a {@code hazelcast} pool, applied wherever a task function, an
 * argument, a result or an exception is read: on members, in their worker JVMs, and in the caller.
 *
 * <p>A class is read when it is not blocked and one of these holds, checked in this order:
 * <ol>
 * <li>blocked, always: {@link KnownGadgets} and the user's {@code !} entries;
 * <li>JDK value types of {@code java.base}: {@code Object}, the boxed primitives, {@code Number},
 * {@code String}, {@code StringBuilder}/{@code StringBuffer}, {@code Enum}, {@code StackTraceElement};
 * the packages {@code java.util}, {@code java.util.concurrent(.atomic|.locks)} (a
 * {@code ConcurrentHashMap} writes locks), {@code java.math},
 * {@code java.time(.chrono|.temporal|.zone)}; {@link SerializedLambda}; every {@code Throwable} of
 * {@code java.base}; arrays of allowed types and of primitives;
 * <li>procmux's own exceptions (a {@code Throwable} under {@code io.procmux.});
 * <li>the user's entries ({@link HazelcastPoolOptions.Builder#allow}, {@value #PROPERTY});
 * <li>in the JVM that submits, the classes it wrote itself into a task function or argument
 * ({@link #learn}): the task's class or a lambda's capturing class, and the argument classes.
 * </ol>
 * Hidden classes (a lambda, as rebuilt by its {@code SerializedLambda}) are allowed: no stream
 * can name one, the filter only sees them as what an allowed class's {@code readResolve} returned.
 * Graphs deeper than {@value #MAX_DEPTH} or with more than {@value #MAX_REFERENCES} references
 * are refused.
 *
 * <p>Why learning plus explicit entries, and no wider default: a pool and its embedded member share
 * a JVM, so classes that JVM serialized itself carry no outside risk, and the common case (one
 * machine) needs no configuration at all; a member in another JVM cannot know them and must be told,
 * by package or class, which code it may run. Admitting the whole class path instead would let a
 * peer on the network reach any gadget a library brings. A refused class fails the task with a
 * {@link ClassRefusedException} that names it and both ways to allow it.
 *
 * <p>Cost: one {@link ClassValue} look-up per class in a stream, no allocation once each class has
 * a verdict; a verdict costs one pass over the entries.
 */
final class AllowList implements ObjectInputFilter {
    /** The system property with comma-separated allow and {@code !} block entries. */
    static final String PROPERTY = HazelcastPoolOptions.PREFIX + "serialFilter";
    static final int MAX_DEPTH = 1_000;
    static final long MAX_REFERENCES = 10_000_000;
    /** The class the last refusal on this thread named; "" for a graph over the limits. */
    private static final ThreadLocal<@Nullable String> REFUSED = new ThreadLocal<>();
    private static final Set<Class<?>> JAVA_LANG = Set.of(Object.class, Boolean.class, Byte.class, Character.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, Number.class, String.class,
            StringBuilder.class, StringBuffer.class, Enum.class, StackTraceElement.class);
    private static final Set<String> JAVA_PACKAGES = Set.of("java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.math", "java.time", "java.time.chrono", "java.time.temporal",
            "java.time.zone");
    private static final List<NamePattern> GADGETS = KnownGadgets.ENTRIES.stream().map(e -> NamePattern.parse("!" + e))
            .toList();
    private static volatile @Nullable Parsed cached;

    private final List<String> entries;
    private final List<NamePattern> allowed = new ArrayList<>();
    private final List<NamePattern> blocked = new ArrayList<>(GADGETS);
    private final Set<String> learned = ConcurrentHashMap.newKeySet();
    private volatile @Nullable String spec;
    private final ClassValue<Verdict> verdicts = new ClassValue<>() {
        @Override
        protected Verdict computeValue(Class<?> type) {
            return decide(type);
        }
    };

    private AllowList(List<String> entries) {
        this.entries = List.copyOf(entries);
        for (String e : entries) {
            NamePattern p = NamePattern.parse(e);
            (p.block() ? blocked : allowed).add(p);
        }
    }

    /**
     * The filter with the user's {@code entries} (allow, or block with {@code !}).
     *
     * @throws IllegalArgumentException naming a malformed entry
     */
    static AllowList of(List<String> entries) {
        return new AllowList(entries);
    }

    /**
     * The filter of a pool or member configured by {@code options}: its entries, then those of
     * {@value #PROPERTY} in this JVM (which add to every pool's and member's).
     *
     * @throws IllegalArgumentException naming a malformed entry and where it came from
     */
    static AllowList of(HazelcastPoolOptions options) {
        LinkedHashSet<String> all = new LinkedHashSet<>(options.serialFilter());
        String property = System.getProperty(PROPERTY, "");
        try {
            all.addAll(split(property).stream().peek(NamePattern::parse).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad " + PROPERTY + " '" + property + "': " + e.getMessage(), e);
        }
        return of(List.copyOf(all));
    }

    /** The entries a comma- (or semicolon-) separated {@code spec} lists, blanks dropped. */
    static List<String> split(String spec) {
        return Arrays.stream(spec.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The filter {@code spec} writes (see {@link #spec()}), the last one parsed reused: a member's
     * worker JVM receives the same spec with every task. A fresh one never learns.
     */
    static AllowList forSpec(String spec) {
        Parsed last = cached;
        if (last == null || !spec.equals(last.spec())) {
            last = new Parsed(spec, of(split(spec)));
            cached = last;
        }
        return last.list();
    }

    /** The filter of {@value #PROPERTY}, for members that procmux did not configure. */
    static AllowList fromSystem() {
        return forSpec(System.getProperty(PROPERTY, ""));
    }

    /** The user's entries, as given. */
    List<String> entries() {
        return entries;
    }

    /** The block entries, {@link KnownGadgets} first. */
    List<NamePattern> blocked() {
        return blocked;
    }

    /**
     * The user's entries and the learned class names, comma-separated: what a worker JVM needs to
     * rebuild this filter. Cached until the next class is learned.
     */
    String spec() {
        String s = spec;
        if (s == null) {
            List<String> all = new ArrayList<>(entries);
            all.addAll(learned);
            s = String.join(",", all);
            spec = s;
        }
        return s;
    }

    /** Allows {@code type} from now on: this JVM wrote it into a task it submits. */
    void learn(Class<?> type) {
        Class<?> t = element(type);
        if (t.isPrimitive() || t.isHidden()) {
            return;
        }
        Verdict v = verdicts.get(t);
        if (v.status == Status.UNDECIDED && !v.learned) {
            v.learned = true;
            learned.add(t.getName());
            spec = null;
        }
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES) {
            REFUSED.set("");
            return Status.REJECTED;
        }
        Class<?> streamed = info.serialClass();
        return streamed == null ? Status.UNDECIDED : admit(element(streamed));
    }

    /** The verdict on one (non-array) class, remembering a refusal for the error message. */
    private Status admit(Class<?> type) {
        if (type.isPrimitive()) {
            return Status.ALLOWED;
        }
        Verdict v = verdicts.get(type);
        if (v.status == Status.ALLOWED || v.status == Status.UNDECIDED && v.learned) {
            return Status.ALLOWED;
        }
        REFUSED.set(type.getName());
        return Status.REJECTED;
    }

    /** The element type of an array type, the type itself otherwise. */
    private static Class<?> element(Class<?> type) {
        Class<?> t = type;
        while (t.isArray()) {
            t = t.getComponentType();
        }
        return t;
    }

    /** The class the last refusal on this thread named ("" for a graph over the limits), cleared; null if none. */
    static @Nullable String takeRefused() {
        String name = REFUSED.get();
        REFUSED.remove();
        return name;
    }

    /** The block entry that refuses {@code name}, or null when none does. */
    @Nullable String blockedBy(String name) {
        for (NamePattern p : blocked) {
            if (p.matches(name)) {
                return p.text();
            }
        }
        return null;
    }

    private Verdict decide(Class<?> type) {
        String name = type.getName();
        if (blockedBy(name) != null) {
            return new Verdict(Status.REJECTED);
        }
        if (type.isHidden() || isJdkValueType(type)
                || Throwable.class.isAssignableFrom(type) && name.startsWith("io.procmux.")) {
            return new Verdict(Status.ALLOWED);
        }
        for (NamePattern p : allowed) {
            if (p.matches(name)) {
                return new Verdict(Status.ALLOWED);
            }
        }
        return new Verdict(Status.UNDECIDED);
    }

    private static boolean isJdkValueType(Class<?> type) {
        if (type.getModule() != Object.class.getModule()) {
            return false;
        }
        return JAVA_LANG.contains(type) || JAVA_PACKAGES.contains(type.getPackageName())
                || type == SerializedLambda.class || Throwable.class.isAssignableFrom(type);
    }

    private record Parsed(String spec, AllowList list) {
    }

    /** What the entries say of one class: allowed, blocked, or neither (then allowed once learned). */
    private static final class Verdict {
        final Status status;
        volatile boolean learned;

        Verdict(Status status) {
            this.status = status;
        }
    }
}
