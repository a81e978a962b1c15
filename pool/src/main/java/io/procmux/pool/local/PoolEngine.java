package io.procmux.pool.local;

import io.procmux.codec.Codec;
import io.procmux.ipc.UnixServer;
import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.pool.RetryPolicy;
import io.procmux.pool.WorkerDiedException;
import io.procmux.spawn.Signal;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The heart of a local pool: the queue of tasks, the workers, and the one I/O thread that serves
 * every worker through the {@link Multiplexer} (control sockets, output pipes, the accept socket)
 * and receives exits from the spawner's exit futures through {@link Multiplexer#wakeup()}.
 *
 * <p>A submitting thread writes its task straight to an idle worker's socket (under the lock), so
 * a round trip needs no hand-off to the I/O thread on the way out. Each worker has up to
 * {@value #DEPTH} tasks in flight and runs them in order: when it dies, the first task without a
 * result fails with {@link WorkerDiedException} and the others, never started, go back to the
 * front of the queue (the first one too while the pool's {@link RetryPolicy} allows another attempt).
 * Completions (user callbacks included) run on the I/O thread outside the lock. A synchronous
 * {@code apply} that finds an idle worker may read its own answer instead ({@link DirectApply});
 * the I/O thread then leaves that worker alone ({@link Worker#led}) until it is handed back, and an
 * idle worker's socket stays out of the multiplexer until the pool sends that worker a frame.
 *
 * <p>Threads: one ({@code procmux-pool-N}). Cost: frames are batched per worker per loop turn.
 */
final class PoolEngine implements EventSink {
    static final int DEPTH = 4;
    private static final long KILL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_START_FAILURES = 3;
    private static final long PIPE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    enum Phase { RUNNING, CLOSING, TERMINATING, DONE }

    private final int processes;
    final int maxTasksPerChild;
    private final byte[] initializer;
    final Codec<Object> codec;
    final Multiplexer mux;
    /** Handles each frame read from a worker's control socket (under the lock). */
    final Inbound.Handler frames = new WorkerFrames(this);
    private final WorkerLauncher launcher;
    private final Runnable release;
    private final RetryPolicy retry;
    /** The application classes sent to workers, to tell each worker; null when the codec lists none. */
    final @Nullable ClassRegistry classes;
    final ArrayDeque<Task> queue = new ArrayDeque<>();
    final List<Worker> workers = new ArrayList<>();
    private final Handshakes handshakes;
    private final ConcurrentLinkedQueue<Worker> exited = new ConcurrentLinkedQueue<>();
    final ArrayList<Runnable> completions = new ArrayList<>();
    private final byte[] chunk = new byte[64 * 1024];
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    Phase phase = Phase.RUNNING;
    private @Nullable RuntimeException broken;
    private boolean serverRegistered;
    int startFailures;
    private long killAt = Long.MAX_VALUE;
    private boolean terminated;
    /** Moving average of how long a task keeps a worker busy (see {@link Scheduling}). */
    long serviceNanos = Scheduling.UNKNOWN;

    PoolEngine(int processes, int maxTasksPerChild, byte[] initializer, Codec<Object> codec, Multiplexer mux,
            WorkerLauncher launcher, String threadName, Runnable release, RetryPolicy retry,
            @Nullable ClassRegistry classes) throws IOException {
        this.processes = processes;
        this.maxTasksPerChild = maxTasksPerChild;
        this.initializer = initializer;
        this.codec = codec;
        this.mux = mux;
        this.launcher = launcher;
        this.release = release;
        this.retry = retry;
        this.classes = classes;
        this.handshakes = new Handshakes(mux);
        this.thread = new Thread(new IoLoop(this, mux), threadName);
        synchronized (this) {
            for (int i = 0; i < processes; i++) {
                spawn();
            }
        }
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues tasks and sends what idle workers can take right away, from the caller's thread. */
    synchronized void submit(List<Task> tasks) {
        checkAccepting();
        queue.addAll(tasks);
        dispatch();
        flushAll();
    }

    /** {@link #submit(List)} for one task, without a list around it. */
    synchronized void submit(Task task) {
        checkAccepting();
        queue.add(task);
        dispatch();
        flushAll();
    }

    synchronized void shutdown() {
        if (phase == Phase.RUNNING) {
            phase = Phase.CLOSING;
            dispatch();
            flushAll();
            mux.wakeup();
        }
    }

    synchronized void terminate() {
        if (phase == Phase.DONE || phase == Phase.TERMINATING) {
            return;
        }
        stopAll(new IllegalStateException("the pool was terminated before this task finished"));
    }

    boolean awaitDone(long nanos) throws InterruptedException {
        return done.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Throws, naming the reason, unless the pool accepts tasks. */
    synchronized void checkAccepting() {
        if (broken != null) {
            throw new IllegalStateException("the pool is broken: " + broken.getMessage(), broken);
        }
        if (phase != Phase.RUNNING) {
            throw new IllegalStateException("the pool does not accept tasks any more: " + (terminated
                    ? "it was terminated" : "shutdown() or close() was called"));
        }
    }

    /** How long the I/O thread may wait: until the next kill or reap deadline, or for ever (-1). */
    synchronized long nextTimeoutNanos() {
        long next = killAt;
        for (Worker w : workers) {
            if (!w.led) {
                next = Math.min(next, w.reapAt);
            }
        }
        return next == Long.MAX_VALUE ? -1 : Math.max(0, next - System.nanoTime());
    }

    /** The I/O thread's work after each wait; returns true once the pool is done. */
    synchronized boolean afterPoll() {
        for (Worker w = exited.poll(); w != null; w = exited.poll()) {
            w.reapAt = System.nanoTime() + PIPE_GRACE_NANOS;
        }
        reapExited();
        if (phase == Phase.TERMINATING && System.nanoTime() >= killAt) {
            workers.forEach(w -> w.signal(Signal.KILL.number()));
            killAt = Long.MAX_VALUE;
        }
        dispatch();
        flushAll();
        if ((phase == Phase.CLOSING || phase == Phase.TERMINATING) && workers.isEmpty()) {
            phase = Phase.DONE;
        }
        return phase == Phase.DONE;
    }

    /** Moves the pending completions into {@code into}, to be run outside the lock. */
    synchronized void takeCompletions(List<Runnable> into) {
        into.addAll(completions);
        completions.clear();
    }

    /** The I/O loop failed: fail everything, kill and reap every worker. */
    synchronized void crash(Throwable t) {
        stopAll(new IllegalStateException("the pool's I/O loop failed: " + t, t));
        workers.forEach(w -> w.signal(Signal.KILL.number()));
        for (Worker w : workers) {
            try {
                w.child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeWorker(w);
        }
        workers.clear();
        phase = Phase.DONE;
    }

    /** Releases the pool's own resources once the I/O thread ends, then lets joiners go. */
    void cleanup() {
        handshakes.close();
        UnixServer server = launcher.server();
        if (server != null && serverRegistered) {
            ControlChannel.unregister(mux, server.fd());
        }
        launcher.close();
        release.run();
        done.countDown();
    }

    @Override
    public void onEvent(int fd, int events, @Nullable Object attachment) {
        synchronized (this) {
            if (attachment instanceof Worker w) {
                if (w.led) {
                    return;   // harvested just before a caller took the socket over
                }
                if ((events & Events.OUT) != 0) {
                    flush(w);
                }
                if ((events & (Events.IN | Events.HUP | Events.ERR)) != 0) {
                    readControl(w);
                }
            } else if (attachment instanceof OutputPipe p) {
                p.read(chunk, mux);
                reapExited();
            } else if (attachment instanceof UnixServer s) {
                handshakes.accept(s);
            } else if (attachment instanceof Handshakes.Pending p) {
                Worker owner = handshakes.readHello(p, workers);
                if (owner != null) {
                    sendInit(owner);
                }
            }
        }
    }

    private void spawn() {
        Worker w;
        try {
            w = launcher.launch();
        } catch (IOException | RuntimeException e) {
            breakPool(new IllegalStateException("cannot start a worker JVM: " + e.getMessage(), e));
            return;
        }
        workers.add(w);
        UnixServer server = launcher.server();
        try {
            if (server != null && !serverRegistered) {
                mux.register(server.fd(), Events.IN, server);
                serverRegistered = true;
            }
        } catch (IOException e) {
            breakPool(new IllegalStateException("cannot watch the pool's socket: " + e.getMessage(), e));
        }
        w.watch(mux, exited);
    }

    void sendInit(Worker w) {
        w.state = Worker.State.INITIALIZING;
        ControlChannel.announce(w, classes);
        ControlChannel.append(w, Frames.INIT, 0, initializer, 0, initializer.length);
        flush(w);
    }

    /** Reads what the control socket holds and handles every complete frame. */
    private void readControl(Worker w) {
        if (!Inbound.read(w, frames)) {
            ControlChannel.close(w, mux);
        }
    }

    void dispatch() {
        if (phase != Phase.RUNNING && phase != Phase.CLOSING) {
            return;
        }
        while (!queue.isEmpty()) {
            Worker w = Scheduling.pick(workers, maxTasksPerChild, serviceNanos);
            if (w == null) {
                break;
            }
            ControlChannel.appendTask(w, queue.pollFirst(), classes);
        }
        if (phase == Phase.CLOSING && queue.isEmpty()) {
            for (Worker w : workers) {
                if (w.state == Worker.State.READY && w.inflight.isEmpty()) {
                    stop(w);
                }
            }
        }
    }

    void stop(Worker w) {
        w.state = Worker.State.STOPPING;
        ControlChannel.append(w, Frames.STOP, 0, new byte[0], 0, 0);
        flush(w);
    }

    private void flush(Worker w) {
        if (!ControlChannel.flush(w, mux)) {
            ControlChannel.close(w, mux);
        }
    }

    void flushAll() {
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            if (w.dirty) {
                flush(w);
            }
        }
    }

    /** The worker exited: read what it left, settle its tasks, and replace it when work remains. */
    private void reap(Worker w) {
        readControl(w);
        closeWorker(w);
        workers.remove(w);
        Task first = w.requeueAllButFirst(queue);
        if (first != null && retry.retriesAfter(first.attempt) && (phase == Phase.RUNNING || phase == Phase.CLOSING)) {
            first.attempt++;
            queue.addFirst(first);
        } else if (first != null) {
            WorkerDiedException died = new WorkerDiedException(w.pid(), w.exitText(), w.err.lines());
            completions.add(() -> first.outcome.failed(died));
        }
        if (!w.startedUp() && !w.killedFromOutside() && phase != Phase.TERMINATING && broken == null
                && ++startFailures >= MAX_START_FAILURES) {
            breakPool(new IllegalStateException("worker JVMs fail to start: worker " + w.pid() + " " + w.exitText()
                    + (w.err.lines().isEmpty() ? "" : "; last stderr lines:\n  " + String.join("\n  ", w.err.lines()))));
        }
        boolean wanted = phase == Phase.RUNNING || (phase == Phase.CLOSING && !queue.isEmpty());
        if (wanted && broken == null && workers.size() < processes) {
            spawn();
        }
    }

    /** Reaps each exited worker once its output pipes have ended, or after a grace period. */
    private void reapExited() {
        long now = System.nanoTime();
        for (int i = workers.size() - 1; i >= 0; i--) {
            Worker w = workers.get(i);
            if (!w.led && w.reapAt != Long.MAX_VALUE && (w.openPipes.isEmpty() || now >= w.reapAt)) {
                reap(w);
            }
        }
    }

    private void closeWorker(Worker w) {
        ControlChannel.close(w, mux);
        Multiplexer own = w.leaderMux;
        if (own != null && w.led) {
            own.wakeup();   // its leader is waiting on it (only after a crash): DirectApply closes it
        } else if (own != null) {
            own.close();
            w.leaderMux = null;
        }
        OutputPipe.finish(w, mux);
        w.child.close();
    }

    /** Fails everything and stops every worker: TERM to its group now, KILL after the grace period. */
    private void stopAll(RuntimeException cause) {
        phase = Phase.TERMINATING;
        terminated = true;
        failAll(cause);
        for (Worker w : workers) {
            w.signal(Signal.TERM.number());
            Multiplexer own = w.leaderMux;
            if (w.led && own != null) {
                own.wakeup();
            }
        }
        killAt = System.nanoTime() + KILL_GRACE_NANOS;
        mux.wakeup();
    }

    void breakPool(RuntimeException cause) {
        if (broken == null) {
            broken = cause;
            stopAll(cause);
        }
    }

    private void failAll(RuntimeException cause) {
        List<Task> all = new ArrayList<>(queue);
        queue.clear();
        for (Worker w : workers) {
            all.addAll(w.inflight);
            w.inflight.clear();
        }
        for (Task t : all) {
            completions.add(() -> t.outcome.failed(cause));
        }
    }
}
