package io.procmux.cli;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import io.procmux.spi.SpawnerProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmux run -- CMD ARGS...}: runs one command with inherited stdio and reports like a shell. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run a command with inherited stdin, stdout and stderr, and exit with its status.",
            "",
            "Prints nothing of its own when the command succeeds. A command killed by signal N prints "
                + "'killed by SIGNAME' on stderr and exits 128+N. With --timeout, the command and everything "
                + "it started get SIGTERM when the time is up, SIGKILL after --kill-after, and procmux exits 124."},
        footer = {"", "Durations read like 500ms, 1s, 2m, 1h; a bare number is seconds.",
            "Example: procmux run --timeout 5s --env LANG=C -- sort big.txt"})
final class RunCommand implements Callable<Integer> {

    static final int TIMEOUT_STATUS = 124;

    @ParentCommand
    private ProcmuxCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--cwd", paramLabel = "DIR", description = "Working directory of the command.")
    private @Nullable Path cwd;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Set an environment variable (repeatable).")
    private Map<String, String> env = Map.of();

    @Option(names = "--unset", paramLabel = "NAME", description = "Remove an inherited environment variable (repeatable).")
    private List<String> unset = List.of();

    @Option(names = "--nice", paramLabel = "N", description = "Nice value -20..19 (lowering it needs privilege).")
    private @Nullable Integer nice;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Terminate the command (and its descendants) after this long; exit 124.")
    private @Nullable Duration timeout;

    @Option(names = "--kill-after", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2s",
            description = "After SIGTERM, wait this long before SIGKILL (default: ${DEFAULT-VALUE}).")
    private Duration killAfter;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (put them after --).")
    private List<String> command = new ArrayList<>();

    @Inject
    private SpawnerProvider spawnerProvider;

    @Override
    public Integer call() throws Exception {
        parent.injector().injectMembers(this);
        SpawnSpec.Builder builder = SpawnSpec.builder(command);
        env.forEach(builder::env);
        unset.forEach(builder::unsetEnv);
        if (cwd != null) {
            builder.directory(cwd);
        }
        if (nice != null) {
            builder.nice(nice);
        }
        if (timeout != null) {
            builder.processGroup(ProcessGroupMode.NEW_GROUP);
        }
        SpawnSpec spawnSpec = builder.build();
        try (Spawner spawner = spawnerProvider.create(); Child child = spawner.spawn(spawnSpec)) {
            Thread cleanup = new Thread(() -> terminateQuietly(child), "procmux-run-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                return await(child);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or ran: it terminates the child
                }
            }
        }
    }

    private int await(Child child) throws InterruptedException {
        ExitStatus status;
        if (timeout == null) {
            status = child.waitFor();
        } else {
            Optional<ExitStatus> done = child.waitFor(timeout);
            if (done.isEmpty()) {
                ProcessTreeKiller.terminate(child.pid(), killAfter);
                child.waitFor();
                spec.commandLine().getErr().println("procmux: " + String.join(" ", command) + ": timed out after "
                        + DurationConverter.format(timeout) + "; terminated");
                spec.commandLine().getErr().flush();
                return TIMEOUT_STATUS;
            }
            status = done.get();
        }
        if (status instanceof ExitStatus.Signaled) {
            spec.commandLine().getErr().println(status);
            spec.commandLine().getErr().flush();
        }
        return status.shellExitCode();
    }

    private void terminateQuietly(Child child) {
        if (child.poll().isEmpty()) {
            try {
                ProcessTreeKiller.terminate(child.pid(), killAfter);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
