package io.procmux.cli.parallel;

import io.procmux.cli.SearchPath;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Spawner;
import io.procmux.spi.MultiplexerProvider;
import io.procmux.spi.SpawnerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code procmux parallel} does before and around the run: splits the words into the
 * command and its sources, reads every input, parses the replacement strings, checks that a fixed
 * program exists, so that bad input is reported before anything runs; then prints the commands
 * ({@code --dry-run}) or opens the spawner, the multiplexer and the job log and hands over to
 * {@link ParallelRunner}.
 *
 * <p>Stdin, when it is the first source and a pipe, socket or terminal, is not read ahead: it is
 * streamed ({@link StreamedInputs}) so jobs start as lines arrive. It is read whole instead for
 * {@code --dry-run}, for a percentage in {@code --halt} (which needs the total), and when it is a
 * file. Cost: the inputs in memory (for streamed stdin, only those waiting); the run's costs are
 * the runner's.
 */
public final class ParallelLauncher {
    /** Descriptors kept free for procmux itself when {@code -j 0} sizes the slots. */
    private static final int RESERVED_FDS = 64;
    /** Descriptors per running job: stdout, stderr and the pidfd. */
    private static final int FDS_PER_JOB = 3;

    /** Inputs waiting to be read from streamed stdin before it is no longer read, per job slot. */
    private static final int STREAMED_INPUTS_PER_SLOT = 64;

    private final Template template;
    private final JobInputs inputs;
    private final @Nullable StreamSetup streamed;
    private final ParallelOptions options;
    private final boolean asManyAsPossible;

    /** How to stream stdin: the stream, its descriptor, its separator. */
    private record StreamSetup(InputStream stdin, int fd, boolean nul) {
    }

    private ParallelLauncher(Template template, JobInputs inputs, @Nullable StreamSetup streamed,
            ParallelOptions options, boolean asManyAsPossible) {
        this.template = template;
        this.inputs = inputs;
        this.streamed = streamed;
        this.options = options;
        this.asManyAsPossible = asManyAsPossible;
    }

    /**
     * Parses and checks everything. @throws ParallelUsageException for bad input, before anything runs
     *
     * @param asManyAsPossible {@code -j 0}: the slots are sized from the descriptor limits at run time
     * @param stdin the process's stdin, unbuffered (one {@code read(2)} per read)
     * @param streamableFd stdin's descriptor when it may be streamed (a pipe, socket or terminal, see
     *     {@link #stdinIsStream()}), else -1
     */
    public static ParallelLauncher prepare(List<String> words, List<Path> argFiles, boolean nul, boolean shell,
            ParallelOptions options, boolean asManyAsPossible, InputStream stdin, int streamableFd)
            throws IOException {
        SourceArgs parsed = SourceArgs.parse(words);
        List<SourceArgs.Source> sources = new ArrayList<>();
        argFiles.forEach(f -> sources.add(new SourceArgs.FileSource(f)));
        sources.addAll(parsed.sources());
        int sourceCount = Math.max(1, sources.size());
        Template template = Template.parse(parsed.command(), sourceCount, shell);
        checkProgram(template.fixedProgram());
        boolean stdinFirst = sources.isEmpty() || isStdin(sources.get(0));
        if (stdinFirst && streamableFd >= 0 && !options.dryRun() && !options.halt().percent()) {
            List<SourceArgs.Source> rest = sources.isEmpty() ? List.of() : sources.subList(1, sources.size());
            if (rest.stream().anyMatch(ParallelLauncher::isStdin)) {
                throw new ParallelUsageException("stdin ('-') can be an input source only once");
            }
            // with no other source, one empty combination: each stdin input alone
            JobInputs others = rest.isEmpty() ? new JobInputs(List.of())
                    : JobInputs.read(rest, nul, InputStream.nullInputStream());
            return new ParallelLauncher(template, others, new StreamSetup(stdin, streamableFd, nul), options, asManyAsPossible);
        }
        JobInputs inputs = JobInputs.read(sources, nul, stdin);
        return new ParallelLauncher(template, inputs, null, options, asManyAsPossible);
    }

    private static boolean isStdin(SourceArgs.Source source) {
        return source instanceof SourceArgs.FileSource f && f.file().toString().equals("-");
    }

    private static void checkProgram(@Nullable String program) {
        if (program == null) {
            return;
        }
        if (program.indexOf('/') >= 0) {
            Path p = Path.of(program);
            if (!Files.exists(p)) {
                throw new ParallelUsageException("the command " + program + " does not exist");
            }
            if (Files.isDirectory(p) || !Files.isExecutable(p)) {
                throw new ParallelUsageException("the command " + program + " is not an executable file");
            }
            return;
        }
        if (SearchPath.find(program).isPresent()) {
            return;
        }
        throw new ParallelUsageException("command '" + program + "' not found on PATH"
                + (program.indexOf(' ') >= 0 ? " (to run shell code, add --shell)" : ""));
    }

    /** {@code --dry-run}: prints each job's command, one per line, in job order; returns 0. */
    public int dryRun(PrintWriter out) {
        long seq = 1;
        int slots = options.slots();
        for (List<String> args : inputs) {
            int slot = (int) ((seq - 1) % slots) + 1;
            out.println(template.display(template.expand(args, seq, slot)));
            seq++;
        }
        out.flush();
        return 0;
    }

    /** Runs every job, with a progress bar on stderr when {@code bar}; returns the exit status (see {@link ExitStatuses}). */
    public int run(SpawnerProvider spawnerProvider, MultiplexerProvider muxProvider, OutputStream stdout,
            OutputStream stderr, PrintWriter messages, boolean bar) throws IOException {
        ParallelOptions opts = options;
        if (asManyAsPossible) {
            opts = opts.withSlots(maxSlots(muxProvider.muxCapabilities().maxFd()));
        }
        if (inputs.jobCount() == 0) {
            return 0;
        }
        StreamedInputs stream = streamed == null ? null : new StreamedInputs(streamed.stdin(), streamed.fd(),
                streamed.nul(), inputs, opts.slots() * STREAMED_INPUTS_PER_SLOT);
        InputFeed feed = stream == null ? inputs.feed() : stream;
        try (Spawner spawner = spawnerProvider.create();
             Multiplexer mux = muxProvider.open();
             JobLogHolder log = new JobLogHolder(opts.joblog());
             Progress progress = bar ? new ProgressBarView(feed.total()) : Progress.NONE) {
            OutputPrinter printer = new OutputPrinter(stdout, stderr, opts.mode(), opts.keepOrder(), opts.tag());
            ParallelRunner runner = new ParallelRunner(spawner, mux, template, feed, stream, opts, printer, messages,
                    log.log(), progress);
            return runner.run();
        }
    }

    private int maxSlots(int muxMaxFd) {
        long limit = 1024;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            limit = unix.getMaxFileDescriptorCount();
        }
        if (muxMaxFd > 0) {
            limit = Math.min(limit, muxMaxFd + 1L);
        }
        long slots = Math.max(1, (limit - RESERVED_FDS) / FDS_PER_JOB);
        long jobs = streamed == null ? inputs.jobCount() : Long.MAX_VALUE;
        return (int) Math.min(Math.min(slots, jobs), 32_768);
    }

    /**
     * Whether stdin is a pipe, socket or terminal, which a multiplexer can watch and which may never
     * end; false for a file, {@code /dev/null}, or where {@code /proc/self/fd} is missing (stdin is
     * then read whole, as before).
     */
    public static boolean stdinIsStream() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:") || target.startsWith("/dev/pts/")
                    || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Whether stderr is a terminal: on Linux, where {@code /proc/self/fd/2} points; elsewhere whether
     * the JVM has a console at all.
     */
    public static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Opens the job log if one was asked for, and closes it. */
    private static final class JobLogHolder implements AutoCloseable {
        private final @Nullable JobLog log;

        JobLogHolder(@Nullable Path file) throws IOException {
            this.log = file == null ? null : JobLog.create(file);
        }

        @Nullable JobLog log() {
            return log;
        }

        @Override
        public void close() throws IOException {
            if (log != null) {
                log.close();
            }
        }
    }
}
