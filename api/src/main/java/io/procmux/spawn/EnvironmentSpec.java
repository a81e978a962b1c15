package io.procmux.spawn;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A child's environment as a change to this process's: start from it ({@code inherit}) or from
 * nothing, then set and remove variables.
 *
 * @param inherit whether to start from this process's environment
 * @param set variables to set (sorted by name)
 * @param remove variables to remove after inheriting
 */
public record EnvironmentSpec(boolean inherit, Map<String, String> set, Set<String> remove) {

    /** This process's environment, unchanged. */
    public static final EnvironmentSpec INHERITED = new EnvironmentSpec(true, Map.of(), Set.of());

    /** Validates names and values and copies the collections. */
    public EnvironmentSpec {
        set.forEach(EnvironmentSpec::checkEntry);
        remove.forEach(name -> checkEntry(name, ""));
        set = Map.copyOf(set);
        remove = Set.copyOf(remove);
    }

    /** The environment the child receives, given the parent's. */
    public Map<String, String> resolve(Map<String, String> parent) {
        TreeMap<String, String> result = inherit ? new TreeMap<>(parent) : new TreeMap<>();
        result.keySet().removeAll(remove);
        result.putAll(set);
        return result;
    }

    private static void checkEntry(String name, String value) {
        if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Invalid environment variable name '" + name
                    + "': it must be non-empty and contain neither '=' nor NUL");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The value of environment variable " + name + " contains NUL");
        }
    }
}
