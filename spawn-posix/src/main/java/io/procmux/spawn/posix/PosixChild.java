package io.procmux.spawn.posix;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Signal;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A child started by {@link PosixSpawner}: its pid, its pipe streams over raw descriptors, and
 * its {@link ExitWatch}, which the shared {@link Reaper} completes.
 *
 * <p>{@link #poll()} is a real {@code waitpid(pid, WNOHANG)} (it does not wait for the reaper);
 * {@link #waitFor()} first watches the pidfd in the calling thread for up to
 * {@value #SELF_WAIT_MILLIS} ms (a short-lived child is reaped right there), then blocks on the
 * exit future, which the shared reaper completes; it uses no thread of its own. {@link #exitFd()}
 * is the pidfd the reaper also polls; it stays open until this handle is closed (or becomes
 * unreachable) and the child is reaped, whichever is later.
 *
 * <p>Cost: this object, up to three streams and the watch; no thread.
 */
final class PosixChild implements Child {
    private final String program;
    private final ExitWatch watch;
    private final @Nullable FdOutputStream stdin;
    private final @Nullable FdInputStream stdout;
    private final @Nullable FdInputStream stderr;
    private final boolean groupLeader;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.lang.ref.Cleaner.Cleanable releaseWatch;

    PosixChild(String program, ExitWatch watch, boolean groupLeader, @Nullable FdOutputStream stdin,
            @Nullable FdInputStream stdout, @Nullable FdInputStream stderr) {
        this.program = program;
        this.groupLeader = groupLeader;
        this.watch = watch;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.releaseWatch = Cleaning.cleaner().register(this, watch::releaseByChild);
    }

    @Override
    public long pid() {
        return watch.pid();
    }

    @Override
    public OutputStream stdin() {
        if (stdin == null) {
            throw new IllegalStateException("stdin of " + this + " is not a pipe");
        }
        return stdin;
    }

    @Override
    public InputStream stdout() {
        if (stdout == null) {
            throw new IllegalStateException("stdout of " + this + " is not a pipe");
        }
        return stdout;
    }

    @Override
    public InputStream stderr() {
        if (stderr == null) {
            throw new IllegalStateException("stderr of " + this + " is not a pipe");
        }
        return stderr;
    }

    @Override
    public OptionalInt stdinFd() {
        return stdin == null ? OptionalInt.empty() : OptionalInt.of(stdin.fd());
    }

    @Override
    public OptionalInt stdoutFd() {
        return stdout == null ? OptionalInt.empty() : OptionalInt.of(stdout.fd());
    }

    @Override
    public OptionalInt stderrFd() {
        return stderr == null ? OptionalInt.empty() : OptionalInt.of(stderr.fd());
    }

    @Override
    public OptionalInt exitFd() {
        return watch.pidfd() >= 0 ? OptionalInt.of(watch.pidfd()) : OptionalInt.empty();
    }

    /**
     * How long a wait first watches the pidfd in the calling thread before leaving the exit to the
     * reaper: a child that ends within it is reaped here, without two thread hand-offs; a
     * {@link Thread#interrupt()} during it is seen when it ends.
     */
    static final int SELF_WAIT_MILLIS = 10;

    /** The first part of every wait: watch the pidfd here for at most {@code millis}. */
    private void awaitExitHere(long millis) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        watch.awaitExit((int) Math.min(millis, SELF_WAIT_MILLIS));
    }

    @Override
    public ExitStatus waitFor() throws InterruptedException {
        awaitExitHere(SELF_WAIT_MILLIS);
        try {
            return watch.exit().get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    @Override
    public Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException {
        awaitExitHere(Math.max(0, timeout.toMillis()));
        try {
            return Optional.of(watch.exit().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    @Override
    public Optional<ExitStatus> poll() {
        if (!watch.tryReap()) {
            return Optional.empty();
        }
        try {
            return Optional.of(watch.exit().join());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public CompletableFuture<ExitStatus> onExit() {
        return watch.exit().copy();
    }

    @Override
    public boolean signal(int signal) {
        return watch.signal(signal);
    }

    @Override
    public boolean signalGroup(int signal) {
        if (!groupLeader) {
            throw new IllegalStateException(this + " does not lead a process group; spawn it with"
                    + " ProcessGroupMode.NEW_GROUP or NEW_SESSION to signal its group");
        }
        return watch.signalGroup(signal);
    }

    @Override
    public ExitStatus terminate(Duration grace) throws InterruptedException {
        if (watch.signal(Signal.TERM.number())) {
            Optional<ExitStatus> status = waitFor(grace);
            if (status.isPresent()) {
                return status.get();
            }
            watch.signal(Signal.KILL.number());
        }
        return waitFor();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (stdin != null) {
                stdin.close();
            }
            if (stdout != null) {
                stdout.close();
            }
            if (stderr != null) {
                stderr.close();
            }
            releaseWatch.clean();
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }

    @Override
    public String toString() {
        return "PosixChild[" + program + ", pid " + watch.pid() + "]";
    }
}
