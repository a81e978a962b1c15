package io.procmux.cli;

import io.procmux.spawn.Spawner;
import io.procmux.spi.BackendKind;
import io.procmux.spi.SpawnerProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmux doctor}: what this machine offers procmux, in one report to paste into a bug:
 * platform, limits, kernel features, the backend chosen for each kind (and why the others are
 * not), and which integration tests apply here. Cost: the probes of every backend, a few
 * {@code /proc} reads and one spawn.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {
            "Report what this machine offers procmux: platform (OS, kernel, libc, JDK), limits "
                + "(open files, processes, select's FD_SETSIZE, pid_max, epoll watches, listen backlog, "
                + "Unix socket path length), kernel features (procfs, pidfd, abstract sockets), the backend "
                + "chosen for each kind and why the others are not, and which integration tests apply.",
            "",
            "Facts that cannot be read say 'unknown' and why; nothing is guessed."},
        footer = {"", "Example: procmux doctor --json > doctor.json"})
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    private ProcmuxCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    @Option(names = "--cluster", description = "Join the configured Hazelcast cluster (procmux.hazelcast.* "
            + "properties) and list its members; without it, a hazelcast pool's configuration is shown "
            + "when procmux.pool=hazelcast, and nothing is started.")
    private boolean cluster;

    @Inject
    private BackendInventory inventory;

    @Inject
    private GlobalOptions options;

    @Inject
    private SpawnerProvider spawnerProvider;

    @Override
    public Integer call() throws Exception {
        parent.injector().injectMembers(this);
        PlatformFacts facts = new PlatformFacts(Path.of("/proc"));
        Map<String, Object> report = new LinkedHashMap<>();
        try (Spawner spawner = spawnerProvider.create()) {
            report.put("platform", facts.platform(spawner));
        }
        report.put("limits", facts.limits());
        report.put("features", facts.features());
        report.put("backends", backends(BackendReport.of(inventory, options)));
        if (cluster || ClusterFacts.configured()) {
            report.put("cluster", ClusterFacts.report(inventory.catalog(BackendKind.POOL), cluster));
        }
        report.put("integration tests", integrationTests());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report));
        } else {
            print(report, out);
        }
        out.flush();
        return 0;
    }

    /** Per kind: the chosen backend and why, then each other provider's state. */
    private static Map<String, String> backends(BackendReport report) {
        Map<String, String> m = new LinkedHashMap<>();
        for (BackendReport.KindReport kind : report.kinds()) {
            StringBuilder line = new StringBuilder();
            line.append(kind.chosen() != null ? kind.chosen() + " (" + kind.choiceReason() + ")"
                    : "none: " + kind.choiceError());
            for (BackendReport.ProviderRow row : kind.providers()) {
                if (!row.chosen()) {
                    line.append("; ").append(row.name()).append(row.available() ? " available" : " off: " + row.cause());
                }
            }
            for (String failure : kind.failures()) {
                line.append("; failed to load: ").append(failure);
            }
            m.put(kind.kind(), line.toString());
        }
        return m;
    }

    /** Which of procmux's own integration tests run on this machine. */
    private static Map<String, String> integrationTests() {
        Map<String, String> m = new LinkedHashMap<>();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        m.put("profile", os.contains("linux") ? "linux: every *IT runs"
                : os.contains("mac") ? "macos: ITs tagged 'linux' (epoll, procfs, pidfd) are skipped"
                : "none: procmux's ITs target Linux and macOS");
        m.put("CPython cross-checks", SearchPath.find("python3").isPresent() ? "run (python3 is on PATH)"
                : "skipped with a message (no python3 on PATH)");
        return m;
    }

    private static void print(Map<String, Object> report, PrintWriter out) {
        for (Map.Entry<String, Object> section : report.entrySet()) {
            out.println(section.getKey());
            @SuppressWarnings("unchecked")
            Map<String, String> rows = (Map<String, String>) section.getValue();
            int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
            rows.forEach((k, v) -> out.printf("  %-" + width + "s  %s%n", k, v));
        }
    }
}
