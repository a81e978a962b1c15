package io.procmux.proc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One process in a {@link ProcessTable} snapshot. Fields a backend cannot know are empty, never
 * invented (the portable {@code jvm} backend knows no state, nice or RSS, for example).
 *
 * @param pid the process id
 * @param ppid the parent's process id, when known
 * @param state the scheduling state, when known
 * @param nice the nice value (-20..19), when known
 * @param priority the kernel priority as {@code ps -o pri}'s source field, when known
 * @param user the owner's user name (or uid as text when it has no name), when known
 * @param threads the number of threads, when known
 * @param rssBytes the resident set size in bytes, when known
 * @param startTime when the process started, when known
 * @param command the command line (argv), or empty for kernel threads and zombies
 * @param name the short program name (Linux {@code comm}), when known
 */
public record ProcessInfo(long pid, OptionalLong ppid, Optional<ProcessState> state, OptionalInt nice,
        OptionalInt priority, Optional<String> user, OptionalInt threads, OptionalLong rssBytes,
        Optional<Instant> startTime, List<String> command, Optional<String> name) {

    /** Copies the command list. */
    public ProcessInfo {
        command = List.copyOf(command);
    }

    /** The command line joined by spaces, or {@code [name]} when there is no argv (as ps shows kernel threads). */
    public String commandLine() {
        if (!command.isEmpty()) {
            return String.join(" ", command);
        }
        return name.map(n -> "[" + n + "]").orElse("");
    }
}
