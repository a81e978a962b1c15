package io.procmux.pool.local;

import io.procmux.ipc.UnixConnection;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import io.procmux.spawn.Signal;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Deque;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parent's record of one worker process: its child handle, control connection and buffers,
 * the tasks sent to it in order, which functions it has cached, and its output. Guarded by the
 * pool's lock, except the fields the exit callback sets (volatile).
 *
 * <p>Cost: two 64 KiB buffers per worker, grown for large frames.
 */
final class Worker {
    enum State { STARTING, INITIALIZING, READY, STOPPING }

    final Child child;
    final String token;
    final boolean groupLeader;
    final @Nullable Path stderrFile;
    final @Nullable Path stdoutFile;
    final OutputTail err;
    final @Nullable OutputTail out;
    @Nullable InputStream stderrPipe;
    @Nullable InputStream stdoutPipe;
    @Nullable UnixConnection connection;
    State state = State.STARTING;
    final ArrayDeque<Task> inflight = new ArrayDeque<>();
    ByteBuffer inBuf = Frames.buffer(64 * 1024);
    ByteBuffer outBuf = Frames.buffer(64 * 1024);
    boolean dirty;
    boolean writeInterest;
    int tasksSent;
    /** How many of the pool's {@link ClassRegistry} names this worker has been told. */
    int classesSent;
    /** When the first task in flight became the one the worker runs (System.nanoTime). */
    long headSince;
    volatile @Nullable ExitStatus exit;
    /** When to reap at the latest once the exit is known; MAX_VALUE while running. */
    long reapAt = Long.MAX_VALUE;
    /**
     * Set while a caller leads this worker ({@link DirectApply}): its control socket is then out of
     * the pool's multiplexer and read only by that caller.
     */
    boolean led;
    /** The multiplexer holding only the control socket, on which a leading caller waits; opened on first use. */
    @Nullable Multiplexer leaderMux;
    final List<OutputPipe> openPipes = new ArrayList<>(2);
    final Map<Long, Boolean> knownFunctions = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > WorkerMain.FUNCTION_CACHE;
        }
    };

    Worker(Child child, String token, boolean groupLeader, @Nullable Path stderrFile, @Nullable Path stdoutFile,
            OutputTail err, @Nullable OutputTail out) {
        this.child = child;
        this.token = token;
        this.groupLeader = groupLeader;
        this.stderrFile = stderrFile;
        this.stdoutFile = stdoutFile;
        this.err = err;
        this.out = out;
    }

    long pid() {
        return child.pid();
    }

    /** Sends a signal to the worker's process group when it leads one, else to the worker. */
    void signal(int signal) {
        if (groupLeader) {
            child.signalGroup(signal);
        } else {
            child.signal(signal);
        }
    }

    /**
     * Registers its control socket and output pipes with {@code mux} and, when it exits, records
     * the status, queues it on {@code exited} and wakes the I/O thread. A worker that cannot be
     * watched is killed (and so still reaches {@code exited}).
     */
    void watch(Multiplexer mux, Queue<Worker> exited) {
        try {
            if (connection != null) {
                mux.register(connection.fd(), Events.IN, this);
            }
            OutputPipe.register(this, mux);
        } catch (IOException e) {
            signal(Signal.KILL.number());
        }
        child.onExit().thenAccept(status -> {
            exit = status;
            exited.add(this);
            mux.wakeup();
        });
    }

    /** Whether it got as far as running tasks. */
    boolean startedUp() {
        return state == State.READY || state == State.STOPPING;
    }

    /** Whether it was SIGKILLed or SIGTERMed, which says nothing about whether workers can start. */
    boolean killedFromOutside() {
        return exit instanceof ExitStatus.Signaled sig
                && (sig.signal() == Signal.KILL.number() || sig.signal() == Signal.TERM.number());
    }

    /** How it ended, as a shell says it. */
    String exitText() {
        ExitStatus status = exit;
        return status == null ? "exit status unknown" : status.toString();
    }

    /**
     * After its death: puts the tasks it never started back at the front of {@code queue}, in
     * order, and returns the one it was running (null when it had none).
     */
    @Nullable Task requeueAllButFirst(Deque<Task> queue) {
        Task first = inflight.pollFirst();
        for (Task t = inflight.pollLast(); t != null; t = inflight.pollLast()) {
            queue.addFirst(t);
        }
        return first;
    }

    /** One line for diagnostics. */
    String describe() {
        return this + " " + state + ", in flight " + inflight.size() + ", unsent bytes " + outBuf.position()
                + ", sent " + tasksSent + (connection == null ? ", no connection" : "")
                + (exit == null ? "" : ", " + exit);
    }

    @Override
    public String toString() {
        return "worker " + pid();
    }
}
