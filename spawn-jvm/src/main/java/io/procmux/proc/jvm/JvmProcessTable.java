package io.procmux.proc.jvm;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.ProcessTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The process table as the JDK sees it through {@link ProcessHandle}: portable, and limited to what
 * {@link ProcessHandle.Info} knows. Pid, parent, user, start time and command line are filled in
 * when the JDK reports them; state, nice, priority, threads and RSS are always empty, never guessed.
 * The command is the executable's path ({@code Info.command()}, e.g. {@code /usr/bin/sleep}, not
 * argv[0] as typed) followed by {@code Info.arguments()}, and is empty when the JDK does not know
 * the executable; the name is that path's last element. On Linux the JDK's argument list ends at
 * the first empty argument, so {@code sh -c cmd "" x} reads back as {@code sh -c cmd}; the
 * {@code procfs} table keeps them.
 *
 * <p>Cost: a snapshot asks the JDK for every process, then for each one its parent, its info and
 * whether it is still alive (on Linux the JDK reads {@code /proc/PID/stat} and {@code cmdline} for
 * these, several times per process). A process that ends while it is read is left out. Instances
 * are stateless and thread-safe.
 */
public final class JvmProcessTable implements ProcessTable {

    /** Creates the table; holds nothing. */
    public JvmProcessTable() {
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public List<ProcessInfo> snapshot() {
        List<ProcessInfo> processes = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(handle -> describe(handle).ifPresent(processes::add));
        processes.sort(Comparator.comparingLong(ProcessInfo::pid));
        return processes;
    }

    @Override
    public Optional<ProcessInfo> get(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).flatMap(JvmProcessTable::describe);
    }

    /** What the JDK knows about {@code handle}, or empty when the process ended meanwhile. */
    static Optional<ProcessInfo> describe(ProcessHandle handle) {
        OptionalLong ppid = handle.parent().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
        ProcessHandle.Info info = handle.info();
        if (!handle.isAlive()) {
            return Optional.empty();
        }
        List<String> command = command(info);
        Optional<String> name = info.command().map(JvmProcessTable::lastElement);
        return Optional.of(new ProcessInfo(handle.pid(), ppid, Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), info.user(), OptionalInt.empty(), OptionalLong.empty(), info.startInstant(),
                command, name));
    }

    private static List<String> command(ProcessHandle.Info info) {
        if (info.command().isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        info.arguments().ifPresent(args -> command.addAll(Arrays.asList(args)));
        return command;
    }

    private static String lastElement(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
