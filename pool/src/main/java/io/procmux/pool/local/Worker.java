package io.procmux.pool.local;

import io.procmux.ipc.UnixConnection;
import io.procmux.spawn.Child;
import io.procmux.spawn.ExitStatus;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
    /** When the first task in flight became the one the worker runs (System.nanoTime). */
    long headSince;
    volatile @Nullable ExitStatus exit;
    /** When to reap at the latest once the exit is known; MAX_VALUE while running. */
    long reapAt = Long.MAX_VALUE;
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

    @Override
    public String toString() {
        return "worker " + pid();
    }
}
