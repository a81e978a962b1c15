package io.procmux.cli;

import io.procmux.proc.ProcessInfo;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmux ps}: the process table, like {@code ps -eo pid,ppid,stat,ni,rss,cmd}. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = {
            "List every process: pid, parent pid, state (R S D T Z ...), nice, resident memory in KiB and command.",
            "",
            "Read from the 'proc' backend: procfs on Linux (every field), jvm elsewhere (fields the JDK "
                + "cannot know are shown as '-'). A zombie shows as Z; an orphan under its new parent."},
        footer = {"", "Example: procmux ps --json"})
final class PsCommand implements Callable<Integer> {

    @ParentCommand
    private ProcmuxCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array with every field (absent ones as null).")
    private boolean json;

    @Mixin
    private final ProcessTableOption table = new ProcessTableOption();

    @Inject
    private BackendInventory inventory;

    @Override
    public Integer call() throws Exception {
        parent.injector().injectMembers(this);
        List<ProcessInfo> snapshot = table.snapshot(inventory);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(ProcessRows.json(snapshot)) + System.lineSeparator() : ProcessRows.table(snapshot));
        out.flush();
        return 0;
    }
}
