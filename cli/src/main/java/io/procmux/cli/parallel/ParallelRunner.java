package io.procmux.cli.parallel;

import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.ProcessGroupMode;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnException;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Runs the jobs of one {@code procmux parallel} invocation on the calling thread: keeps up to
 * {@code slots} children running, each in its own process group with stdin from /dev/null and its
 * stdout and stderr on pipes; watches every pipe and every child's exit descriptor (pidfd) in one
 * {@link Multiplexer}; hands output to the {@link OutputPrinter}; enforces timeouts (SIGTERM to the
 * job's group, SIGKILL after the grace), retries and the halt policy; stops cleanly on SIGINT,
 * SIGTERM or SIGHUP; writes the job log.
 *
 * <p>A job is finished when its process was reaped and both pipes reached end-of-file, or, when a
 * process it started in the background keeps a pipe open, once nothing more is buffered in the
 * pipes after the exit.
 *
 * <p>Cost: no thread per job (none at all beyond the spawner's shared reaper); per job one spawn,
 * two pipes, one pidfd, three registrations and one {@code read(2)} per 64 KiB of output.
 */
public final class ParallelRunner implements EventSink {
    private static final int READ_BYTES = 64 * 1024;

    private final Spawner spawner;
    private final Multiplexer mux;
    private final Template template;
    private final InputFeed feed;
    private final @Nullable StreamedInputs stdin;
    private final ParallelOptions options;
    private final OutputPrinter printer;
    private final PrintWriter messages;
    private final @Nullable JobLog joblog;
    private final ResultsFolder results;
    private final Progress progress;
    private final GroupTerminator terminator;
    private final long total;

    private final ArrayDeque<Job> retry = new ArrayDeque<>();
    private final Set<Job> running = new LinkedHashSet<>();
    private final List<Job> draining = new ArrayList<>();
    private final ConcurrentLinkedQueue<Job> exitedWithoutFd = new ConcurrentLinkedQueue<>();
    private final BitSet slotsUsed = new BitSet();
    private final byte[] readBuffer = new byte[READ_BYTES];
    private long nextSeq = 1;
    private long round;
    private long failed;
    private long succeeded;
    private boolean stopping;
    private boolean signalled;
    private boolean watchingStdin;
    private int haltStatus = -1;
    private @Nullable IOException eventFailure;

    /**
     * @param feed the inputs, in job order
     * @param stdin when the feed is stdin read during the run: the run watches its descriptor
     * @param messages where procmux's own messages go (stderr)
     * @param progress told of every start and finish
     */
    public ParallelRunner(Spawner spawner, Multiplexer mux, Template template, InputFeed feed,
            @Nullable StreamedInputs stdin, ParallelOptions options, OutputPrinter printer, PrintWriter messages,
            @Nullable JobLog joblog, Progress progress) {
        this.spawner = spawner;
        this.mux = mux;
        this.template = template;
        this.feed = feed;
        this.stdin = stdin;
        this.options = options;
        this.printer = printer;
        this.messages = messages;
        this.joblog = joblog;
        this.progress = progress;
        this.results = new ResultsFolder(options.results());
        this.terminator = new GroupTerminator(options.termSequence());
        this.total = feed.total();
    }

    /** Runs every job and returns procmux's exit status (see {@link ExitStatuses}). */
    public int run() throws IOException {
        try (SignalTrap trap = new SignalTrap(mux::wakeup)) {
            try {
                watchStdin(true);
                loop(trap);
                watchStdin(false);
            } catch (IOException | RuntimeException e) {
                GroupTerminator.killNow(running);
                running.clear();
                throw e;
            }
            printer.flushAll();
            if (trap.caught() != 0) {
                messages.println("procmux: " + trap.caughtName() + " received: running jobs were terminated, "
                        + notStartedText());
                messages.flush();
                return 128 + trap.caught();
            }
        }
        ParallelUsageException badInput = stdin == null ? null : stdin.failure();
        if (badInput != null) {
            messages.println("procmux parallel: " + badInput.getMessage() + "; the jobs of the lines before it ran");
            messages.flush();
            return ExitStatuses.ERROR;
        }
        return ExitStatuses.of(failed, haltStatus);
    }

    private String notStartedText() {
        if (total == InputFeed.UNKNOWN) {
            return "no further job was started";
        }
        long notStarted = total - (nextSeq - 1) + retry.size();
        return notStarted + " job" + (notStarted == 1 ? "" : "s") + " not started";
    }

    /**
     * Starts or stops watching streamed stdin: watched while it has not ended and few enough inputs
     * wait (back-pressure), never once the run stops.
     */
    private void watchStdin(boolean wanted) throws IOException {
        if (stdin == null) {
            return;
        }
        boolean want = wanted && !stopping && stdin.wantsMore();
        if (want == watchingStdin) {
            return;
        }
        if (want) {
            try {
                mux.register(stdin.fd(), Events.IN, stdin);
            } catch (IOException | RuntimeException e) {
                // not watchable after all (e.g. epoll refuses this kind of file): read it whole now
                stdin.readToEnd();
                return;
            }
        } else {
            mux.unregister(stdin.fd());
        }
        watchingStdin = want;
    }

    private void loop(SignalTrap trap) throws IOException {
        while (true) {
            if (trap.caught() != 0 && !signalled) {
                signalled = true;
                stopAll();
            }
            if (!stopping) {
                startJobs();
            }
            if (running.isEmpty() && terminator.idle() && (stopping || (retry.isEmpty() && feed.exhausted()))) {
                return;
            }
            round++;
            mux.poll(waitNanos(), this);
            if (eventFailure != null) {
                throw eventFailure;
            }
            Job j;
            while ((j = exitedWithoutFd.poll()) != null) {
                onExit(j);
            }
            afterRound();
        }
    }

    private long waitNanos() {
        if (!draining.isEmpty() || (!stopping && running.size() < options.slots()
                && (!retry.isEmpty() || feed.hasReady()))) {
            return 0;
        }
        long next = terminator.nextDeadline(running);
        return next == Long.MAX_VALUE ? -1 : Math.max(0, next - System.nanoTime());
    }

    private void startJobs() throws IOException {
        while (running.size() < options.slots() && !stopping) {
            Job job = retry.poll();
            if (job == null) {
                if (!feed.hasReady()) {
                    return;
                }
                job = new Job(nextSeq++, feed.next());
            }
            start(job);
        }
    }

    private void start(Job job) throws IOException {
        job.attempt++;
        job.slot = slotsUsed.nextClearBit(1);
        job.argv = template.expand(job.args, job.seq, job.slot);
        job.display = template.display(job.argv);
        boolean piped = options.mode() != OutputMode.UNGROUP;
        SpawnSpec spec = SpawnSpec.builder(job.argv).stdin(Redirect.DISCARD)
                .stdout(piped ? Redirect.PIPE : Redirect.INHERIT).stderr(piped ? Redirect.PIPE : Redirect.INHERIT)
                .processGroup(ProcessGroupMode.NEW_GROUP).build();
        job.startMillis = System.currentTimeMillis();
        job.startNanos = System.nanoTime();
        Child child;
        try {
            child = spawner.spawn(spec);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("procmux parallel runs each job in its own process group and reads its"
                    + " output through descriptors, which the '" + spawner.name() + "' spawner cannot do ("
                    + e.getMessage() + "); use --spawner posix", e);
        } catch (SpawnException e) {
            messages.println("procmux: job " + job.seq + ": " + e.getMessage() + hint(job));
            messages.flush();
            int code = "EACCES".equals(e.errno()) || "ENOEXEC".equals(e.errno()) ? 126 : 127;
            job.status = new ExitStatus.Exited(code);
            complete(job);
            return;
        }
        job.child = child;
        slotsUsed.set(job.slot);
        running.add(job);
        progress.update(succeeded + failed, failed, running.size());
        if (options.timeout() != null) {
            job.deadline = job.startNanos + options.timeout().toNanos();
        }
        if (piped) {
            if (child.stdoutFd().isEmpty() || child.stderrFd().isEmpty()) {
                throw new IllegalStateException("procmux parallel reads job output through pipe descriptors, which the '"
                        + spawner.name() + "' spawner does not expose; use --spawner posix");
            }
            job.outFd = child.stdoutFd().getAsInt();
            job.errFd = child.stderrFd().getAsInt();
            mux.register(job.outFd, Events.IN, new Job.Source(job, Job.Source.STDOUT));
            mux.register(job.errFd, Events.IN, new Job.Source(job, Job.Source.STDERR));
        }
        if (child.exitFd().isPresent()) {
            job.exitFd = child.exitFd().getAsInt();
            mux.register(job.exitFd, Events.IN, new Job.Source(job, Job.Source.EXIT));
        } else {
            child.onExit().whenComplete((s, t) -> {
                exitedWithoutFd.add(job);
                mux.wakeup();
            });
        }
    }

    private static String hint(Job job) {
        String program = job.argv.get(0);
        return program.indexOf(' ') >= 0 ? " (to run shell code, add --shell)" : "";
    }

    @Override
    public void onEvent(int fd, int events, @Nullable Object attachment) {
        try {
            if (attachment == stdin && stdin != null) {
                stdin.readOnce();
                return;
            }
            if (!(attachment instanceof Job.Source source)) {
                return;
            }
            if (source.kind() == Job.Source.EXIT) {
                mux.unregister(fd);
                source.job().exitFd = -1;
                onExit(source.job());
            } else {
                read(source.job(), source.kind() == Job.Source.STDERR);
            }
        } catch (IOException e) {
            if (eventFailure == null) {
                eventFailure = e;
            }
        }
    }

    private void read(Job job, boolean isErr) throws IOException {
        Child child = job.child;
        InputStream in = isErr ? child.stderr() : child.stdout();
        int n;
        try {
            n = in.read(readBuffer, 0, readBuffer.length);
        } catch (IOException e) {
            n = -1;
        }
        job.lastIoRound = round;
        if (n > 0) {
            job.received += n;
            printer.chunk(job, isErr, readBuffer, n);
            return;
        }
        closePipe(job, isErr);
        if (job.status != null && !job.pipesOpen()) {
            draining.remove(job);
            complete(job);
        }
    }

    private void closePipe(Job job, boolean isErr) throws IOException {
        int fd = isErr ? job.errFd : job.outFd;
        if (fd >= 0) {
            mux.unregister(fd);
            if (isErr) {
                job.errFd = -1;
            } else {
                job.outFd = -1;
            }
        }
    }

    private void onExit(Job job) throws IOException {
        if (job.status != null || job.child == null) {
            return;
        }
        ExitStatus status = job.child.poll().orElse(null);
        if (status == null) {
            try {
                status = job.child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reaping job " + job.seq, e);
            }
        }
        job.status = status;
        if (job.pipesOpen()) {
            job.drainSince = round;
            draining.add(job);
        } else {
            complete(job);
        }
    }

    private void afterRound() throws IOException {
        if (!draining.isEmpty()) {
            for (Job job : new ArrayList<>(draining)) {
                if (job.drainSince < round && job.lastIoRound < round) {
                    draining.remove(job);
                    closePipe(job, false);
                    closePipe(job, true);
                    complete(job);
                }
            }
        }
        terminator.tick(running, System.nanoTime());
        watchStdin(true);
    }

    /** The job's process was reaped and its pipes are done: account, log, print or retry. */
    private void complete(Job job) throws IOException {
        Child child = job.child;
        if (child != null) {
            running.remove(job);
            slotsUsed.clear(job.slot);
            boolean keep = terminator.leaderGone(job, child);
            child.close();
            job.child = keep ? child : null;
        }
        ExitStatus status = job.status;
        boolean ok = status.success();
        if (!ok && job.attempt < options.attempts() && !stopping) {
            job.out.clear();
            job.err.clear();
            job.received = 0;
            job.status = null;
            job.killedByUs = false;
            job.timedOut = false;
            job.nextSignalAt = Long.MAX_VALUE;
            job.termStep = 0;
            job.deadline = Long.MAX_VALUE;
            retry.add(job);
            return;
        }
        if (job.timedOut) {
            messages.println("procmux: job " + job.seq + " timed out after "
                    + Durations.format(options.timeout()) + ": " + job.display);
            messages.flush();
        }
        if (ok) {
            succeeded++;
        } else {
            failed++;
        }
        if (joblog != null) {
            int exitval = job.killedByUs ? -1 : JobLog.exitval(status);
            joblog.write(JobLog.line(job.seq, job.startMillis, System.nanoTime() - job.startNanos, job.received,
                    exitval, JobLog.signal(status), job.display));
        }
        results.write(job);
        printer.finished(job);
        progress.update(succeeded + failed, failed, running.size());
        if (!stopping && options.halt().reached(failed, succeeded, total)) {
            halt(status);
        }
    }

    private void halt(ExitStatus trigger) {
        HaltPolicy h = options.halt();
        if (h.count() == HaltPolicy.Count.FAIL && h.threshold() == 1 && !h.percent()) {
            haltStatus = trigger.shellExitCode();
        }
        stopping = true;
        if (h.when() == HaltPolicy.When.NOW) {
            long now = System.nanoTime();
            for (Job job : running) {
                if (job.status == null) {
                    terminator.terminate(job, now);
                }
            }
        }
        skipRemaining();
    }

    private void stopAll() throws IOException {
        stopping = true;
        long now = System.nanoTime();
        for (Job job : running) {
            if (job.status == null) {
                terminator.terminate(job, now);
            }
        }
        skipRemaining();
    }

    private void skipRemaining() {
        try {
            for (Job job : retry) {
                printer.skipped(job.seq);
            }
        } catch (IOException e) {
            eventFailure = e;
        }
    }
}
