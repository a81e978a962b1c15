package io.procmux.pool.hazelcast;

import com.hazelcast.config.ClassFilter;

/**
 * One entry of a deserialization allow- or block-list, as written in
 * {@code -Dprocmux.hazelcast.serialFilter} or {@link HazelcastPoolOptions.Builder#allow}, in the
 * shape of {@link java.io.ObjectInputFilter} patterns: {@code com.example.Task} (the class and its
 * nested classes), {@code com.example.*} (the classes of one package), {@code com.example.**} or
 * {@code com.example.} (a package and its subpackages), {@code com.example.Task*} (every class name
 * that starts so); a leading {@code !} makes it a block entry.
 *
 * <p>Cost: matching is a string comparison, done once per class (verdicts are cached).
 */
record NamePattern(String text, boolean block, Kind kind, String stem) {

    /** How {@link #stem} is compared with a class name. */
    enum Kind { CLASS, PACKAGE, SUBPACKAGES, PREFIX }

    /**
     * The pattern {@code entry} writes.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static NamePattern parse(String entry) {
        String text = entry.trim();
        boolean block = text.startsWith("!");
        String body = block ? text.substring(1).trim() : text;
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty serial filter entry '" + entry + "'; write a class name, a package"
                    + " as com.example.* or com.example.**, or a name prefix as com.example.Task*");
        }
        Kind kind;
        String stem;
        if (body.endsWith(".**")) {
            kind = Kind.SUBPACKAGES;
            stem = body.substring(0, body.length() - 2);
        } else if (body.endsWith(".*")) {
            kind = Kind.PACKAGE;
            stem = body.substring(0, body.length() - 1);
        } else if (body.endsWith(".")) {
            kind = Kind.SUBPACKAGES;
            stem = body;
        } else if (body.endsWith("*")) {
            kind = Kind.PREFIX;
            stem = body.substring(0, body.length() - (body.endsWith("**") ? 2 : 1));
        } else {
            kind = Kind.CLASS;
            stem = body;
        }
        if (stem.isEmpty()) {
            throw new IllegalArgumentException("serial filter entry '" + entry + "' would " + (block ? "block" : "allow")
                    + " every class; name packages or classes instead (e.g. com.example.** or com.example.Task)");
        }
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            boolean dot = c == '.';
            if (!(dot ? i > 0 && stem.charAt(i - 1) != '.' : Character.isJavaIdentifierPart(c))) {
                throw new IllegalArgumentException("serial filter entry '" + entry + "' has '" + c + "' at position "
                        + (text.indexOf(stem) + i + 1) + "; an entry is a class or package name, optionally ending"
                        + " in .*, .** or *, with ! in front to block it");
            }
        }
        return new NamePattern(text, block, kind, stem);
    }

    /** Whether the class named {@code name} ({@link Class#getName}) matches. */
    boolean matches(String name) {
        return switch (kind) {
            case CLASS -> name.startsWith(stem) && (name.length() == stem.length() || name.charAt(stem.length()) == '$');
            case PACKAGE -> name.startsWith(stem) && name.indexOf('.', stem.length()) < 0;
            case SUBPACKAGES, PREFIX -> name.startsWith(stem);
        };
    }

    /** Adds this pattern to one of Hazelcast's class filters (its white- or blacklist). */
    void addTo(ClassFilter filter) {
        switch (kind) {
            case CLASS -> filter.addClasses(stem).addPrefixes(stem + "$");
            case PACKAGE -> filter.addPackages(stem.substring(0, stem.length() - 1));
            case SUBPACKAGES, PREFIX -> filter.addPrefixes(stem);
        }
    }
}
