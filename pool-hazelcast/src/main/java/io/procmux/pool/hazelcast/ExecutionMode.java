package io.procmux.pool.hazelcast;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a member runs the tasks it receives: in its own JVM, or handed to its own procmux
 * {@code local} pool of worker JVMs (process isolation on every machine, one more hop per task).
 */
public enum ExecutionMode {
    /** The task runs on a thread of the member's executor, in the member JVM. */
    IN_PROCESS("in-process"),
    /** The member hands the task to its local pool; a worker JVM runs it. */
    LOCAL_POOL("local-pool");

    private final String label;

    ExecutionMode(String label) {
        this.label = label;
    }

    /** The name used in configuration: {@code in-process} or {@code local-pool}. */
    public String label() {
        return label;
    }

    /**
     * The mode named {@code label}.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ExecutionMode parse(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (ExecutionMode m : values()) {
            if (m.label.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown hazelcast execution mode '" + label + "'; use one of "
                + Arrays.stream(values()).map(ExecutionMode::label).toList());
    }
}
