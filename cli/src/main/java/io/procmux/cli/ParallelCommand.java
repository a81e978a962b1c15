package io.procmux.cli;

import io.procmux.cli.parallel.ExitStatuses;
import io.procmux.cli.parallel.HaltPolicy;
import io.procmux.cli.parallel.JobSlots;
import io.procmux.cli.parallel.ParallelLauncher;
import io.procmux.cli.parallel.ParallelOptions;
import io.procmux.cli.parallel.ParallelUsageException;
import io.procmux.cli.parallel.OutputMode;
import io.procmux.cli.parallel.TermSequence;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmux parallel}: runs one command per input, N at a time, like GNU parallel. This class
 * only reads options; {@link ParallelLauncher} checks the input and runs the jobs.
 */
@Command(name = "parallel", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitStatuses.ERROR,
        exitCodeOnExecutionException = ExitStatuses.ERROR,
        description = {
            "Run a command once per input, N jobs at a time, collecting every job's output.",
            "",
            "Inputs: '::: A B C' (literal values), ':::: FILE' or --arg-file FILE (one input per line, "
                + "per NUL with -0), else lines of stdin. Several sources combine as a cross product. "
                + "A piped stdin is read while jobs run, so jobs start as lines arrive (tail -f works); "
                + "a bad line there ends the inputs, the jobs before it run, and the exit status is 255.",
            "Replacement strings: {} input, {.} without extension, {/} basename, {//} dirname, {/.} basename "
                + "without extension, {#} job number, {%%} slot number, {1} {2}... the n-th source (also {1.} {1/} "
                + "{1//} {1/.}). Without any, the input is appended. The command runs as argv, without a shell, "
                + "unless --shell is given; inputs are never re-split.",
            "Options end at the command: 'procmux parallel -j 4 gzip -9 ::: *.log'.",
            ""},
        footer = {"", "Exit status: 0 all jobs succeeded; 1-100 that many jobs failed; 101 more than 100 failed;"
                + " with --halt ...,fail=1 the failing job's status; 128+N stopped by signal N; 255 bad input or error.",
            "Durations read like 500ms, 1s, 2m, 1h; a bare number is seconds.",
            "Example: find . -name '*.txt' | procmux parallel -j 4 --joblog jobs.tsv gzip -k"})
final class ParallelCommand implements Callable<Integer> {

    @ParentCommand
    private ProcmuxCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Jobs at once: N; 0 as many as descriptors allow; N%% of the cores; +N or -N: the cores "
                + "plus or minus N (default: the number of cores).")
    private @Nullable String jobs;

    @Option(names = {"-k", "--keep-order"}, description = "Print output in input order, not finishing order.")
    private boolean keepOrder;

    @Option(names = {"--line-buffer", "--lb"}, description = "Print whole lines as they come instead of whole jobs.")
    private boolean lineBuffer;

    @Option(names = {"-u", "--ungroup"}, description = "Let jobs write straight to stdout/stderr (may interleave).")
    private boolean ungroup;

    @Option(names = "--tag", description = "Prefix every output line with the job's input and a TAB.")
    private boolean tag;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Terminate a job's process group (SIGTERM, SIGKILL after --kill-after) after this long.")
    private @Nullable Duration timeout;

    @Option(names = "--kill-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After SIGTERM to a job, wait this long before SIGKILL (default: 1s).")
    private @Nullable Duration killAfter;

    @Option(names = "--termseq", paramLabel = "SIG,MS,...",
            description = "How to end a job's process group: signals and the milliseconds to wait after each, "
                + "e.g. TERM,200,TERM,100,KILL,25 (KILL is appended when missing). Default: TERM, then KILL "
                + "after --kill-after.")
    private @Nullable String termseq;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = "Run a failing job up to N times in all (0 or 1: once).")
    private int retries;

    @Option(names = "--halt", paramLabel = "WHEN,WHAT=N", defaultValue = "never",
            description = "Stop early: now,fail=1 (kill running jobs at the first failure), soon,fail=N%% "
                + "(stop starting jobs once N%% of all jobs failed), success=N, done=N; default: never.")
    private String halt;

    @Option(names = "--dry-run", description = "Print the commands that would run, run nothing.")
    private boolean dryRun;

    @Option(names = "--joblog", paramLabel = "FILE", description = "Write GNU parallel's job log (tab-separated).")
    private @Nullable Path joblog;

    @Option(names = "--results", paramLabel = "DIR", description = "Also save each job's output as DIR/<job number>/stdout and stderr.")
    private @Nullable Path results;

    @Option(names = {"-0", "--null"}, description = "Inputs from files and stdin are separated by NUL, not newline.")
    private boolean nul;

    @Option(names = {"-a", "--arg-file"}, paramLabel = "FILE", description = "An input source file, like ':::: FILE' (repeatable).")
    private List<Path> argFiles = new ArrayList<>();

    @Option(names = "--shell", description = "Run the command through /bin/sh -c; inputs are shell-quoted.")
    private boolean shell;

    @Option(names = "--bar", description = "Show a progress bar on stderr even when it is not a terminal.")
    private boolean bar;

    @Option(names = {"-q", "--quiet"}, description = "Never show the progress bar.")
    private boolean quiet;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", preprocessor = RestIsCommand.class,
            description = "The command, its arguments, then ::: values or :::: files.")
    private List<String> words = new ArrayList<>();

    @Inject
    private SpawnerProvider spawnerProvider;

    @Inject
    private MultiplexerProvider multiplexerProvider;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ParallelLauncher launcher;
        try {
            if (ungroup && lineBuffer) {
                throw new ParallelUsageException("--ungroup and --line-buffer exclude each other");
            }
            OutputMode mode = ungroup ? OutputMode.UNGROUP : lineBuffer ? OutputMode.LINE : OutputMode.GROUP;
            int cores = Runtime.getRuntime().availableProcessors();
            int slots = jobs == null ? cores : JobSlots.parse(jobs, cores);
            if (termseq != null && killAfter != null) {
                throw new ParallelUsageException("--termseq and --kill-after exclude each other: put the wait in the sequence");
            }
            TermSequence ending = termseq != null ? TermSequence.parse(termseq)
                    : TermSequence.termThenKill(killAfter != null ? killAfter : Duration.ofSeconds(1));
            ParallelOptions options = new ParallelOptions(Math.max(1, slots), keepOrder, mode, tag, timeout, ending,
                    Math.max(1, retries), HaltPolicy.parse(halt), dryRun, joblog, results);
            boolean asManyAsPossible = slots == JobSlots.AS_MANY_AS_POSSIBLE;
            launcher = ParallelLauncher.prepare(words, argFiles, nul, shell, options, asManyAsPossible,
                    new FileInputStream(FileDescriptor.in), ParallelLauncher.stdinIsStream() ? 0 : -1);
        } catch (ParallelUsageException e) {
            err.println("procmux parallel: " + e.getMessage());
            err.flush();
            return ExitStatuses.ERROR;
        }
        if (dryRun) {
            return launcher.dryRun(spec.commandLine().getOut());
        }
        try {
            parent.injector().injectMembers(this);
            return launcher.run(spawnerProvider, multiplexerProvider, new FileOutputStream(FileDescriptor.out),
                    new FileOutputStream(FileDescriptor.err), err, showBar());
        } catch (Exception e) {
            // 255, not the 1 of other commands: 1 would read as "one job failed"
            Throwable shown = e instanceof com.google.inject.ProvisionException && e.getCause() != null ? e.getCause() : e;
            err.println("procmux parallel: " + (shown.getMessage() != null ? shown.getMessage() : shown.toString()));
            if (parent.options.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitStatuses.ERROR;
        }
    }

    private boolean showBar() {
        return !quiet && (bar || ParallelLauncher.stderrIsTerminal());
    }

    /** Options end at the first positional word: everything from the command on is the command's. */
    static final class RestIsCommand implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
            List<String> rest = new ArrayList<>();
            while (!args.isEmpty()) {
                rest.add(args.pop());
            }
            List<String> value = argSpec.getValue();
            List<String> all = new ArrayList<>(value == null ? List.of() : value);
            all.addAll(rest);
            argSpec.setValue(all);
            return true;
        }
    }
}
