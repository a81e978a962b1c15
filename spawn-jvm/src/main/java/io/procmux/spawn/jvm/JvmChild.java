package io.procmux.spawn.jvm;

import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child started by {@link JvmSpawner}: a thin layer over {@link Process}.
 *
 * <p>Signals: SIGTERM is {@link Process#destroy()}, SIGKILL {@link Process#destroyForcibly()};
 * any other signal runs {@code /bin/kill -s N pid} (one extra short-lived process per signal).
 * Between the liveness check and the signal the JDK may reap the child, so unlike the
 * {@code posix} backend a pid reused in that instant could receive the signal. Exit statuses
 * follow {@link JvmExitStatus}: a signal is reported only when this handle sent it.
 * {@link #stdinFd()}, {@link #stdoutFd()}, {@link #stderrFd()} and {@link #exitFd()} are always
 * empty: the JDK exposes no descriptor numbers (the {@code posix} backend does).
 *
 * <p>Cost: the JDK keeps one reaper thread per live child; {@link #onExit()} and the waits use it.
 */
final class JvmChild implements Child {
    private final Process process;
    private final String program;
    private final boolean stdinPipe;
    private final boolean stdoutPipe;
    private final boolean stderrPipe;
    private final Set<Integer> signalsSent = ConcurrentHashMap.newKeySet();

    JvmChild(Process process, String program, boolean stdinPipe, boolean stdoutPipe, boolean stderrPipe) {
        this.process = process;
        this.program = program;
        this.stdinPipe = stdinPipe;
        this.stdoutPipe = stdoutPipe;
        this.stderrPipe = stderrPipe;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public OutputStream stdin() {
        if (!stdinPipe) {
            throw new IllegalStateException("stdin of " + this + " is not a pipe");
        }
        return process.getOutputStream();
    }

    @Override
    public InputStream stdout() {
        if (!stdoutPipe) {
            throw new IllegalStateException("stdout of " + this + " is not a pipe");
        }
        return process.getInputStream();
    }

    @Override
    public InputStream stderr() {
        if (!stderrPipe) {
            throw new IllegalStateException("stderr of " + this + " is not a pipe");
        }
        return process.getErrorStream();
    }

    @Override
    public OptionalInt stdinFd() {
        return OptionalInt.empty();
    }

    @Override
    public OptionalInt stdoutFd() {
        return OptionalInt.empty();
    }

    @Override
    public OptionalInt stderrFd() {
        return OptionalInt.empty();
    }

    /** Always empty: the JDK has no pidfd to give; the {@code posix} backend has. */
    @Override
    public OptionalInt exitFd() {
        return OptionalInt.empty();
    }

    @Override
    public ExitStatus waitFor() throws InterruptedException {
        return JvmExitStatus.of(process.waitFor(), signalsSent);
    }

    @Override
    public Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
            return Optional.of(JvmExitStatus.of(process.exitValue(), signalsSent));
        }
        return Optional.empty();
    }

    @Override
    public Optional<ExitStatus> poll() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(JvmExitStatus.of(process.exitValue(), signalsSent));
    }

    @Override
    public CompletableFuture<ExitStatus> onExit() {
        return process.onExit().thenApply(p -> JvmExitStatus.of(p.exitValue(), signalsSent));
    }

    @Override
    public synchronized boolean signal(int signal) {
        if (!process.isAlive()) {
            return false;
        }
        signalsSent.add(signal);
        if (signal == Signal.TERM.number()) {
            process.destroy();
        } else if (signal == Signal.KILL.number()) {
            process.destroyForcibly();
        } else {
            return KillCommand.send(signal, process);
        }
        return true;
    }

    /** Refused: the JDK can signal a process and its descendants, not a process group. */
    @Override
    public boolean signalGroup(int signal) {
        throw new UnsupportedOperationException("the jvm spawner cannot signal a process group"
                + " (the JDK signals single processes only); use the posix spawner");
    }

    @Override
    public ExitStatus terminate(Duration grace) throws InterruptedException {
        if (signal(Signal.TERM.number())) {
            Optional<ExitStatus> status = waitFor(grace);
            if (status.isPresent()) {
                return status.get();
            }
            signal(Signal.KILL.number());
        }
        return waitFor();
    }

    @Override
    public void close() {
        closeQuietly(process.getOutputStream());
        closeQuietly(process.getInputStream());
        closeQuietly(process.getErrorStream());
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing our end of a pipe; nothing to recover
        }
    }

    @Override
    public String toString() {
        return "JvmChild[" + program + ", pid " + process.pid() + "]";
    }
}
