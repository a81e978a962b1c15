package io.procmux.cli;

import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code procmux} command. Exit codes: 0 success, 1 runtime failure (one line
 * on stderr, a stack trace only with {@code --verbose}), 2 usage error.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit status (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        configureLogging(verbose);
        configureGuice();
        CommandLine cli = new CommandLine(new ProcmuxCommand());
        Subcommands.register(cli, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new OneLineFailures(verbose));
        return cli.execute(args);
    }

    /**
     * Guice options for a short-lived command: no bytecode generation (reflection is cheaper than
     * generating classes that run once) and no per-binding stack-trace capture. A value the user
     * set with {@code -D} wins.
     */
    private static void configureGuice() {
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        if (System.getProperty("guice_include_stack_traces") == null) {
            System.setProperty("guice_include_stack_traces", "OFF");
        }
    }

    /** JDK logging on one line; INFO (backend choices) only with --verbose. */
    private static void configureLogging(boolean verbose) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %5$s%6$s%n");
        }
        Level level = verbose ? Level.INFO : Level.WARNING;
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (var handler : root.getHandlers()) {
            handler.setLevel(level);
        }
    }

    /** Prints {@code procmux: message} and returns 1; the stack trace only when verbose. */
    private static final class OneLineFailures implements IExecutionExceptionHandler {
        private final boolean verbose;

        OneLineFailures(boolean verbose) {
            this.verbose = verbose;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            Throwable shown = e;
            if (shown instanceof ProvisionException && shown.getCause() != null) {
                shown = shown.getCause();
            }
            while (shown.getMessage() == null && shown.getCause() != null) {
                shown = shown.getCause();
            }
            err.println("procmux: " + (shown.getMessage() != null ? shown.getMessage() : shown.getClass().getName()));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }
}
