package io.procmux.pool.hazelcast;

/**
 * A task, argument, result or exception of a {@code hazelcast} pool could not be read because a
 * class in it is not on the deserialization allow-list of the JVM that read it (a member, a
 * member's worker, or the caller), or is a known deserialization gadget. The message names the
 * class, the JVM, and how to allow it: {@link HazelcastPoolOptions.Builder#allow} or
 * {@code -Dprocmux.hazelcast.serialFilter}, on every member and client that reads it.
 *
 * <p>Cost: an ordinary exception.
 */
public final class ClassRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String className;

    ClassRefusedException(String className, String what, long pid, String blockEntry) {
        super(message(className, what, pid, blockEntry));
        this.className = className;
    }

    private static String message(String className, String what, long pid, String blockEntry) {
        if (className.isEmpty()) {
            return "the " + what + " read in JVM " + pid + " is nested deeper than " + AllowList.MAX_DEPTH
                    + " or holds more than " + AllowList.MAX_REFERENCES + " references; it was refused";
        }
        if (!blockEntry.isEmpty()) {
            return "class " + className + " in the " + what + " was refused in JVM " + pid + ": it is a known"
                    + " deserialization gadget (block entry '" + blockEntry + "'), which no allow entry overrides";
        }
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : " (or its package: " + className.substring(0, dot) + ".**)";
        return "class " + className + " in the " + what + " was refused in JVM " + pid + ": it is not on the"
                + " deserialization allow-list there. Allow it on every member and client with"
                + " HazelcastPoolOptions.builder().allow(\"" + className + "\") or -D" + AllowList.PROPERTY + "="
                + className + pkg;
    }

    /** The refused class's name; empty when the graph was refused for its depth or size. */
    public String className() {
        return className;
    }
}
