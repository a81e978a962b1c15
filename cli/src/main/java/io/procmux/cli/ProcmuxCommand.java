package io.procmux.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code procmux} command. It holds the global options and builds the Guice injector
 * lazily, after parsing and only for subcommands that need backends, so {@code --help} and
 * {@code --version} never load Guice or probe a backend. Subcommands are registered by
 * {@link Subcommands}, which builds only the one a command line names.
 */
@Command(name = "procmux", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Unix processes, pools, readiness multiplexing, Unix sockets and struct codecs for the JVM.",
            "",
            "Backends are plugins found on the classpath, several per kind (spawner: posix, jvm; "
                + "mux: epoll, poll, select; codec: struct; ...). Name one with a flag, "
                + "-Dprocmux.<kind>=NAME or PROCMUX_<KIND>=NAME, or let procmux take the best available. "
                + "'procmux backends' shows what is there and what would be chosen."},
        footer = {"", "Exit status: 0 success, 1 failure (one line on stderr), 2 usage error.",
            "Run 'procmux COMMAND --help' for a command's options."})
public final class ProcmuxCommand implements Callable<Integer> {

    @Mixin
    final GlobalOptions options = new GlobalOptions();

    @Spec
    private CommandSpec spec;

    private @Nullable Injector injector;

    /**
     * The injector for this invocation, built on first use from the parsed options. DEVELOPMENT
     * stage keeps singletons lazy: a backend is selected (and probed) only when a command asks for it.
     */
    Injector injector() {
        Injector i = injector;
        if (i == null) {
            i = Guice.createInjector(Stage.DEVELOPMENT, new BackendsModule(options, BackendInventory.discover()));
            injector = i;
        }
        return i;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command; try 'procmux --help'");
    }
}
