package io.procmux.cli;

import io.procmux.cli.serve.EchoServer;
import io.procmux.cli.serve.ServeAddress;
import io.procmux.mux.Multiplexer;
import io.procmux.spi.MultiplexerProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmux serve}: a single-threaded echo server on the chosen multiplexer until SIGINT or
 * SIGTERM. The work is {@link EchoServer}'s; this class parses the flags, prints the
 * {@code listening on} line and the totals, and installs the shutdown hook that stops the loop.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Echo every byte each client sends, on one thread, with the chosen multiplexer (--mux).",
            "",
            "Prints one line 'listening on ADDRESS' on stderr once it accepts (with the real port when 0 was "
                + "asked for). Output a client does not read is queued up to 64 KiB, then that client is not read "
                + "until it drains. Beyond --max-connections a new client is accepted and closed at once. "
                + "SIGINT or SIGTERM closes every connection (and removes the Unix socket file) and prints the "
                + "number of connections and bytes on stderr."},
        footer = {"", "Each connection is a file descriptor: for 10,000 clients raise the limit first (ulimit -n 20000).",
            "Example: procmux serve --mux epoll --tcp 127.0.0.1:7000"})
final class ServeCommand implements Callable<Integer> {

    /** Exactly one of --tcp and --unix. */
    static final class Where {
        @Option(names = "--tcp", paramLabel = "HOST:PORT", required = true,
                description = "Listen on TCP, e.g. 127.0.0.1:7000, [::1]:7000, or port 0 for any free port.")
        @Nullable String tcp;

        @Option(names = "--unix", paramLabel = "PATH", required = true,
                description = "Listen on a Unix-domain socket file (created; removed on exit).")
        @Nullable String unix;
    }

    @ParentCommand
    private ProcmuxCommand parent;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Where where;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            description = "Clients served at once; more are accepted and closed (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Inject
    private MultiplexerProvider multiplexerProvider;

    @Override
    public Integer call() throws Exception {
        ServeAddress address = parseAddress();
        if (maxConnections < 1) {
            throw new ParameterException(spec.commandLine(), "--max-connections must be at least 1, got " + maxConnections);
        }
        parent.injector().injectMembers(this);
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch reported = new CountDownLatch(1);
        try (Multiplexer mux = multiplexerProvider.open();
             EchoServer server = EchoServer.open(mux, address, maxConnections, EchoServer.DEFAULT_BUFFER_BYTES, err)) {
            Thread hook = new Thread(() -> stopAndWait(server, reported), "procmux-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("listening on " + ServeAddress.describe(server.localAddress()));
            err.flush();
            try {
                server.run();
            } finally {
                err.println(server.stats().summary());
                err.flush();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running and waits for us; the JVM then exits with the signal's status
                }
            }
        } finally {
            reported.countDown();
        }
        return 0;
    }

    private ServeAddress parseAddress() {
        try {
            return where.tcp != null ? ServeAddress.parseTcp(where.tcp) : ServeAddress.parseUnix(where.unix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (where.tcp != null ? "--tcp: " : "--unix: ") + e.getMessage());
        }
    }

    /** In the shutdown hook: stop the loop and let the main thread close everything and print the totals. */
    private static void stopAndWait(EchoServer server, CountDownLatch reported) {
        server.stop();
        try {
            if (server.awaitStopped(Duration.ofSeconds(10))) {
                reported.await(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
