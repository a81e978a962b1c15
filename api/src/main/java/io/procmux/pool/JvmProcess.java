package io.procmux.pool;

import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.io.Serializable;
import java.time.Duration;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code multiprocessing.Process} for Java: runs {@link #run()} (a target, or a subclass's
 * override) once in a new child JVM. {@code start}, {@code join}, {@code isAlive}, {@code pid},
 * {@code exitCode} (absent while running, negative for a signal, 1 when {@code run} threw),
 * {@code terminate} (SIGTERM), {@code kill} (SIGKILL). A daemon process is terminated when this
 * JVM exits; a non-daemon one is waited for.
 *
 * <p>This object (target, subclass fields) is serialized into the child, so it must hold only
 * serializable state. Cost: one JVM spawn per {@link #start()}; started by the selected
 * {@code pool} backend.
 */
public class JvmProcess implements Serializable {
    private static final long serialVersionUID = 1L;

    private final @Nullable SerializableRunnable target;
    private final String name;
    private boolean daemon;
    private transient @Nullable Handle handle;

    /** A process that runs {@code target}. */
    public JvmProcess(SerializableRunnable target, String name) {
        this.target = target;
        this.name = name;
    }

    /** For subclasses that override {@link #run()}. */
    protected JvmProcess(String name) {
        this.target = null;
        this.name = name;
    }

    /** What runs in the child: the target by default. */
    public void run() {
        if (target != null) {
            target.run();
        }
    }

    /** The name given at construction. */
    public String name() {
        return name;
    }

    /** Whether this process is terminated when this JVM exits (set before {@link #start()}). */
    public boolean isDaemon() {
        return daemon;
    }

    /** Marks the process daemon or not; only before {@link #start()}. */
    public void setDaemon(boolean value) {
        if (handle != null) {
            throw new IllegalStateException("setDaemon after start() of process '" + name + "'");
        }
        this.daemon = value;
    }

    /**
     * Starts the child JVM.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
        if (handle != null) {
            throw new IllegalStateException("process '" + name + "' was already started");
        }
        handle = Backends.select(BackendKind.POOL).startProcess(this);
    }

    private Handle started() {
        Handle h = handle;
        if (h == null) {
            throw new IllegalStateException("process '" + name + "' was not started");
        }
        return h;
    }

    /** Waits for the child to exit. */
    public void join() throws InterruptedException {
        started().join(null);
    }

    /** Waits at most {@code timeout}; returns whether the child has exited. */
    public boolean join(Duration timeout) throws InterruptedException {
        return started().join(timeout);
    }

    /** Whether the child has started and not exited yet. */
    public boolean isAlive() {
        return handle != null && handle.exitCode().isEmpty();
    }

    /** The child's pid. @throws IllegalStateException before {@link #start()} */
    public long pid() {
        return started().pid();
    }

    /** The exit code: empty while running or before start, negative for a signal (as in Python). */
    public OptionalInt exitCode() {
        Handle h = handle;
        return h == null ? OptionalInt.empty() : h.exitCode();
    }

    /** Sends SIGTERM. */
    public void terminate() {
        started().signal(15);
    }

    /** Sends SIGKILL. */
    public void kill() {
        started().signal(9);
    }

    @Override
    public String toString() {
        return "JvmProcess[" + name + (handle == null ? ", not started" : ", pid " + handle.pid()) + "]";
    }

    /** A started child as a pool backend reports it. */
    public interface Handle {
        /** The child's pid. */
        long pid();

        /** Empty while running; else Python's exit code. */
        OptionalInt exitCode();

        /** Waits for the exit, at most {@code timeout} when given; returns whether it exited. */
        boolean join(@Nullable Duration timeout) throws InterruptedException;

        /** Sends a signal by number (does nothing once the child has exited). */
        void signal(int signal);
    }
}
