package io.procmux.cli;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.ProcessTree;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmux tree [PID]}: processes as a tree, like {@code pstree -p}. */
@Command(name = "tree", mixinStandardHelpOptions = true,
        description = {
            "Show processes as a tree with their pids, like 'pstree -p'.",
            "",
            "Without PID, every root of the table is shown (pid 1 and, in containers, processes whose "
                + "parent is not visible). Zombies are marked <defunct>."},
        footer = {"", "Example: procmux tree $$"})
final class TreeCommand implements Callable<Integer> {

    @ParentCommand
    private ProcmuxCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PID", description = "The root of the tree (default: every root).")
    private @Nullable Long pid;

    @Mixin
    private final ProcessTableOption table = new ProcessTableOption();

    @Inject
    private BackendInventory inventory;

    @Override
    public Integer call() throws Exception {
        parent.injector().injectMembers(this);
        List<ProcessInfo> snapshot = table.snapshot(inventory);
        PrintWriter out = spec.commandLine().getOut();
        if (pid != null) {
            if (snapshot.stream().noneMatch(p -> p.pid() == pid)) {
                throw new IllegalArgumentException("No process " + pid);
            }
            print(ProcessTree.of(snapshot, pid), "", "", out);
        } else {
            Set<Long> pids = new HashSet<>();
            snapshot.forEach(p -> pids.add(p.pid()));
            for (ProcessInfo p : snapshot) {
                boolean root = p.ppid().isEmpty() || !pids.contains(p.ppid().getAsLong()) || p.ppid().getAsLong() == p.pid();
                if (root) {
                    print(ProcessTree.of(snapshot, p.pid()), "", "", out);
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void print(ProcessTree tree, String firstPrefix, String restPrefix, PrintWriter out) {
        out.println(firstPrefix + label(tree.process()));
        List<ProcessTree> children = tree.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            print(children.get(i), restPrefix + (last ? "└─" : "├─"), restPrefix + (last ? "  " : "│ "), out);
        }
    }

    static String label(ProcessInfo p) {
        String name = p.name().orElseGet(() -> p.command().isEmpty() ? "?" : baseName(p.command().get(0)));
        boolean zombie = p.state().map(s -> s == io.procmux.proc.ProcessState.ZOMBIE).orElse(false);
        return name + "(" + p.pid() + ")" + (zombie ? " <defunct>" : "");
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
