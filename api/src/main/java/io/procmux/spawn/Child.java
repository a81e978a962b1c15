package io.procmux.spawn;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A started child process: its pid, its pipes (as streams and as raw descriptors a
 * {@link io.procmux.mux.Multiplexer} can watch), and its exit, which can be waited for, polled
 * without blocking (WNOHANG), observed as a future, or multiplexed through {@link #exitFd()}.
 *
 * <p>The backend reaps the child exactly once; a child is never left a zombie after its exit is
 * observed or this handle becomes unreachable. {@link #close()} closes this side's pipe ends and
 * does not signal the child.
 */
public interface Child extends AutoCloseable {

    /** The child's process id. */
    long pid();

    /** The write end of the child's stdin pipe. @throws IllegalStateException when stdin is not {@link Redirect#PIPE} */
    OutputStream stdin();

    /** The read end of the child's stdout pipe. @throws IllegalStateException when stdout is not a pipe */
    InputStream stdout();

    /** The read end of the child's stderr pipe. @throws IllegalStateException when stderr is not a pipe */
    InputStream stderr();

    /** The raw descriptor of the stdin pipe's write end, when stdin is a pipe. */
    OptionalInt stdinFd();

    /** The raw descriptor of the stdout pipe's read end, when stdout is a pipe. */
    OptionalInt stdoutFd();

    /** The raw descriptor of the stderr pipe's read end, when stderr is a pipe. */
    OptionalInt stderrFd();

    /**
     * A descriptor that becomes readable when the child exits (a Linux pidfd), so exits can be
     * multiplexed with I/O like Python's {@code Process.sentinel}; empty where the OS has none.
     */
    OptionalInt exitFd();

    /** Blocks until the child exits and returns how. */
    ExitStatus waitFor() throws InterruptedException;

    /** Waits at most {@code timeout}; empty when the child is still running then. */
    Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException;

    /** Returns at once (like {@code waitpid(pid, WNOHANG)}): the status if the child has exited. */
    Optional<ExitStatus> poll();

    /** Completes when the child exits. Completion happens on a backend thread; keep callbacks short. */
    CompletableFuture<ExitStatus> onExit();

    /** Whether the child has not exited yet. */
    default boolean isAlive() {
        return poll().isEmpty();
    }

    /**
     * Sends a signal by number. Returns false, sending nothing, when the child has already exited
     * (its pid may belong to another process by now).
     */
    boolean signal(int signal);

    /** Sends a signal. */
    default boolean signal(Signal signal) {
        return signal(signal.number());
    }

    /**
     * Sends a signal to the child's whole process group ({@code kill(-pid, signal)}), reaching the
     * processes it started too. Only for a child that leads its group (spawned with
     * {@link ProcessGroupMode#NEW_GROUP} or {@link ProcessGroupMode#NEW_SESSION}). It may be sent
     * after the child itself was reaped, while other members of its group live on (the kernel does
     * not reuse a pid that is still a group's id). Returns false when no process of the group is left.
     *
     * <p>The default refuses: a backend that can signal groups overrides it.
     *
     * @throws IllegalStateException when the child does not lead its own process group
     * @throws UnsupportedOperationException when this backend cannot signal a group
     */
    default boolean signalGroup(int signal) {
        throw new UnsupportedOperationException("this spawner cannot signal a process group; the posix spawner can");
    }

    /**
     * Sends SIGTERM, waits up to {@code grace}, then sends SIGKILL, and returns the exit status.
     */
    ExitStatus terminate(Duration grace) throws InterruptedException;

    /** Closes this side's pipe ends and exit descriptor. Does not signal or wait for the child. */
    @Override
    void close();
}
