package io.procmux.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmux backends}: every provider of every kind, its state, and which one would be chosen. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {
            "List every backend of every kind and which one would be chosen now.",
            "",
            "For each provider found on the classpath: its priority, whether it is native, whether it can "
                + "run here (or why not) and its capabilities. The choice honours --spawner/--mux/--codec, "
                + "then -Dprocmux.<kind>, then $PROCMUX_<KIND>, then the highest priority; "
                + "-Dprocmux.noNative=true switches native backends off."},
        footer = {"", "Example: procmux backends --mux poll --json"})
final class BackendsCommand implements Callable<Integer> {

    @ParentCommand
    private ProcmuxCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    private boolean json;

    @Inject
    private BackendInventory inventory;

    @Inject
    private GlobalOptions options;

    @Override
    public Integer call() {
        parent.injector().injectMembers(this);
        BackendReport report = BackendReport.of(inventory, options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report.toJsonTree()));
        } else {
            printTable(report, out);
        }
        out.flush();
        return reportExplicitFailures(report, spec.commandLine().getErr());
    }

    /** A name the user gave with a flag that cannot be chosen is an error: say so and exit 1. */
    private int reportExplicitFailures(BackendReport report, PrintWriter err) {
        int status = 0;
        for (BackendReport.KindReport kind : report.kinds()) {
            if (kind.chosen() == null && options.explicitName(kind.kind()) != null) {
                err.println("procmux: " + kind.choiceError());
                status = 1;
            }
        }
        err.flush();
        return status;
    }

    private static void printTable(BackendReport report, PrintWriter out) {
        String format = "%-2s%-8s %-8s %8s  %-6s  %s%n";
        out.printf(format, "", "KIND", "NAME", "PRIORITY", "NATIVE", "STATUS");
        for (BackendReport.KindReport kind : report.kinds()) {
            if (kind.providers().isEmpty()) {
                out.printf(format, "", kind.kind(), "-", "-", "-", "none on the classpath");
            }
            for (BackendReport.ProviderRow row : kind.providers()) {
                String status = row.available() ? "available" : "unavailable: " + row.cause();
                if (!row.capabilities().isEmpty()) {
                    status += "  [" + row.capabilities().entrySet().stream()
                            .map(Map.Entry::toString).collect(Collectors.joining(" ")) + "]";
                }
                out.printf(format, row.chosen() ? "*" : "", kind.kind(), row.name(), row.priority(),
                        row.isNative() ? "yes" : "no", status);
            }
            if (kind.chosen() == null) {
                out.printf("  %-8s no %s would be chosen: %s%n", kind.kind(), kind.noun(), kind.choiceError());
            }
            for (String failure : kind.failures()) {
                out.printf("  %-8s ! %s%n", kind.kind(), failure);
            }
        }
        out.println();
        out.println("* = the backend chosen now (flag, then -Dprocmux.<kind>, then $PROCMUX_<KIND>, then priority)");
    }
}
