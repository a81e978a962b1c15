package io.procmux.pool.local;

import io.procmux.codec.Codec;
import io.procmux.ipc.UnixConnection;
import io.procmux.ipc.UnixServer;
import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.pool.WorkerDiedException;
import io.procmux.spawn.ExitStatus;
import io.procmux.spawn.Signal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * front of the queue. Completions (user callbacks included) run on the I/O thread outside the lock.
 *
 * <p>Threads: one ({@code procmux-pool-N}). Cost: frames are batched per worker per loop turn.
 */
final class PoolEngine implements EventSink {
    static final int DEPTH = 4;
    private static final long PIPELINE_BELOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long KILL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_START_FAILURES = 3;
    private static final long PIPE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    enum Phase { RUNNING, CLOSING, TERMINATING, DONE }

    private final int processes;
    private final int maxTasksPerChild;
    private final byte[] initializer;
    private final Codec<Object> codec;
    private final Multiplexer mux;
    private final WorkerLauncher launcher;
    private final Runnable release;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<PendingConnection> pending = new ArrayList<>();
    private final ConcurrentLinkedQueue<Worker> exited = new ConcurrentLinkedQueue<>();
    private final ArrayList<Runnable> completions = new ArrayList<>();
    private final ArrayList<Runnable> running = new ArrayList<>();
    private final byte[] chunk = new byte[64 * 1024];
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private Phase phase = Phase.RUNNING;
    private @Nullable RuntimeException broken;
    private boolean serverRegistered;
    private int startFailures;
    private long killAt = Long.MAX_VALUE;
    private boolean terminated;
    /** Moving average of how long a task keeps a worker busy; pipelining only below {@link #PIPELINE_BELOW_NANOS}. */
    private long serviceNanos = Long.MAX_VALUE / 4;

    PoolEngine(int processes, int maxTasksPerChild, byte[] initializer, Codec<Object> codec, Multiplexer mux,
            WorkerLauncher launcher, String threadName, Runnable release) throws IOException {
        this.processes = processes;
        this.maxTasksPerChild = maxTasksPerChild;
        this.initializer = initializer;
        this.codec = codec;
        this.mux = mux;
        this.launcher = launcher;
        this.release = release;
        this.thread = new Thread(this::loop, threadName);
        synchronized (this) {
            for (int i = 0; i < processes; i++) {
                spawn();
            }
        }
        thread.setDaemon(true);
        thread.start();
    }

    // ---- called by submitters -------------------------------------------------------------------

    /** Queues tasks and sends what idle workers can take right away, from the caller's thread. */
    synchronized void submit(List<Task> tasks) {
        checkAccepting();
        queue.addAll(tasks);
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

    synchronized boolean accepting() {
        return phase == Phase.RUNNING;
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

    synchronized Phase phase() {
        return phase;
    }

    synchronized List<Long> workerPids(boolean readyOnly) {
        List<Long> pids = new ArrayList<>();
        for (Worker w : workers) {
            if (!readyOnly || w.state == Worker.State.READY) {
                pids.add(w.pid());
            }
        }
        return pids;
    }

    /** One line per worker and the queue length, for diagnostics. */
    synchronized String describe() {
        StringBuilder b = new StringBuilder("phase " + phase + ", queued " + queue.size() + ", service "
                + serviceNanos / 1000 + " us");
        for (Worker w : workers) {
            b.append("\n  ").append(w).append(' ').append(w.state).append(", in flight ").append(w.inflight.size())
                    .append(", unsent bytes ").append(w.outBuf.position()).append(", sent ").append(w.tasksSent)
                    .append(w.connection == null ? ", no connection" : "").append(w.exit == null ? "" : ", " + w.exit);
        }
        return b.toString();
    }

    String threadName() {
        return thread.getName();
    }

    // ---- the I/O thread ------------------------------------------------------------------------

    private void loop() {
        try {
            while (true) {
                long timeout;
                synchronized (this) {
                    long next = killAt;
                    for (Worker w : workers) {
                        next = Math.min(next, w.reapAt);
                    }
                    timeout = next == Long.MAX_VALUE ? -1 : Math.max(0, next - System.nanoTime());
                }
                mux.poll(timeout, this);
                synchronized (this) {
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
                }
                runCompletions();
                synchronized (this) {
                    if (phase == Phase.DONE) {
                        break;
                    }
                }
            }
        } catch (Throwable t) {
            synchronized (this) {
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
            runCompletions();
        } finally {
            pending.forEach(p -> closeQuietly(p.connection));
            UnixServer server = launcher.server();
            if (server != null && serverRegistered) {
                unregister(server.fd());
            }
            launcher.close();
            release.run();
            done.countDown();
        }
    }

    private void runCompletions() {
        synchronized (this) {
            if (completions.isEmpty()) {
                return;
            }
            running.addAll(completions);
            completions.clear();
        }
        for (Runnable r : running) {
            r.run();
        }
        running.clear();
    }

    @Override
    public void onEvent(int fd, int events, @Nullable Object attachment) {
        synchronized (this) {
            if (attachment instanceof Worker w) {
                if ((events & Events.OUT) != 0) {
                    flush(w);
                }
                if ((events & (Events.IN | Events.HUP | Events.ERR)) != 0) {
                    readControl(w);
                }
            } else if (attachment instanceof OutputPipe p) {
                p.read(chunk, this);
                reapExited();
            } else if (attachment instanceof UnixServer s) {
                accept(s);
            } else if (attachment instanceof PendingConnection p) {
                readHello(p);
            }
        }
    }

    // ---- workers: start, hello, frames ----------------------------------------------------------

    private void spawn() {
        Worker w;
        try {
            w = launcher.launch();
        } catch (IOException | RuntimeException e) {
            breakPool(new IllegalStateException("cannot start a worker JVM: " + e.getMessage(), e));
            return;
        }
        workers.add(w);
        try {
            UnixServer server = launcher.server();
            if (server != null && !serverRegistered) {
                mux.register(server.fd(), Events.IN, server);
                serverRegistered = true;
            }
            if (w.connection != null) {
                mux.register(w.connection.fd(), Events.IN, w);
            }
            OutputPipe.register(w, mux);
        } catch (IOException e) {
            w.signal(Signal.KILL.number());
        }
        w.child.onExit().thenAccept(status -> {
            w.exit = status;
            exited.add(w);
            mux.wakeup();
        });
    }

    private void accept(UnixServer server) {
        try {
            for (var c = server.acceptNow(); c.isPresent(); c = server.acceptNow()) {
                UnixConnection conn = c.get();
                conn.configureBlocking(false);
                PendingConnection p = new PendingConnection(conn);
                pending.add(p);
                mux.register(conn.fd(), Events.IN, p);
            }
        } catch (IOException e) {
            System.getLogger(PoolEngine.class.getName()).log(System.Logger.Level.WARNING, "accept failed", e);
        }
    }

    private void readHello(PendingConnection p) {
        int status = fill(p.connection, p.inBuf);
        p.inBuf = Frames.grow(p.inBuf, 0);
        ByteBuffer view = p.inBuf.duplicate().order(p.inBuf.order()).flip();
        int length = Frames.payloadLength(view);
        boolean complete = length >= 0 && length <= 256 && view.remaining() >= Frames.HEADER_BYTES + length;
        if (!complete && status >= 0 && p.inBuf.hasRemaining()) {
            return;
        }
        pending.remove(p);
        unregister(p.connection.fd());
        Worker owner = null;
        if (complete && Frames.kind(view) == Frames.HELLO) {
            String token = new String(view.array(), Frames.HEADER_BYTES, length, StandardCharsets.US_ASCII);
            for (Worker w : workers) {
                if (w.connection == null && w.state == Worker.State.STARTING && sameToken(w.token, token)) {
                    owner = w;
                }
            }
        }
        if (owner == null) {
            closeQuietly(p.connection);
            return;
        }
        owner.connection = p.connection;
        try {
            mux.register(p.connection.fd(), Events.IN, owner);
        } catch (IOException e) {
            owner.signal(Signal.KILL.number());
            return;
        }
        sendInit(owner);
    }

    private static boolean sameToken(String expected, String got) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), got.getBytes(StandardCharsets.US_ASCII));
    }

    private void sendInit(Worker w) {
        w.state = Worker.State.INITIALIZING;
        append(w, Frames.INIT, 0, initializer, 0, initializer.length);
        flush(w);
    }

    /** Reads what the control socket holds and handles every complete frame. */
    private void readControl(Worker w) {
        UnixConnection c = w.connection;
        if (c == null) {
            return;
        }
        int status = fill(c, w.inBuf);
        w.inBuf.flip();
        try {
            while (true) {
                int length = Frames.payloadLength(w.inBuf);
                if (length < 0 || w.inBuf.remaining() < Frames.HEADER_BYTES + length) {
                    break;
                }
                byte kind = Frames.kind(w.inBuf);
                long id = Frames.id(w.inBuf);
                int start = w.inBuf.position() + Frames.HEADER_BYTES;
                w.inBuf.position(start + length);
                frame(w, kind, id, w.inBuf.array(), start, length);
            }
            int length = Frames.payloadLength(w.inBuf);
            w.inBuf.compact();
            w.inBuf = Frames.grow(w.inBuf, length < 0 ? 4096 : Frames.HEADER_BYTES + length);
        } catch (RuntimeException e) {
            status = -1;
            w.signal(Signal.KILL.number());
        }
        if (status < 0) {
            closeControl(w);
        }
    }

    private void frame(Worker w, byte kind, long id, byte[] data, int offset, int length) {
        switch (kind) {
            case Frames.HELLO -> {
                String token = new String(data, offset, length, StandardCharsets.US_ASCII);
                if (w.state != Worker.State.STARTING || !sameToken(w.token, token)) {
                    throw new IllegalStateException("worker " + w.pid() + " did not present its token");
                }
                sendInit(w);
            }
            case Frames.INIT_OK -> {
                w.state = Worker.State.READY;
                startFailures = 0;
            }
            case Frames.INIT_ERR -> {
                Throwable cause = decodeQuietly(data, offset, length);
                breakPool(new IllegalStateException("the pool's initializer failed in worker " + w.pid() + ": "
                        + cause, cause));
            }
            case Frames.RESULT, Frames.ERROR -> {
                Task t = w.inflight.pollFirst();
                if (t == null || t.id != id) {
                    throw new IllegalStateException("worker " + w.pid() + " answered task " + id
                            + " out of order");
                }
                long now = System.nanoTime();
                long busy = now - w.headSince;
                serviceNanos = serviceNanos > Long.MAX_VALUE / 8 ? busy : serviceNanos - (serviceNanos >> 3) + (busy >> 3);
                w.headSince = now;
                byte[] payload = java.util.Arrays.copyOfRange(data, offset, offset + length);
                boolean ok = kind == Frames.RESULT;
                completions.add(() -> deliver(t, ok, payload));
                if (maxTasksPerChild > 0 && w.tasksSent >= maxTasksPerChild && w.inflight.isEmpty()) {
                    stop(w);
                }
            }
            default -> throw new IllegalStateException("worker " + w.pid() + " sent unknown frame kind " + kind);
        }
    }

    private void deliver(Task t, boolean ok, byte[] payload) {
        Object value;
        try {
            value = codec.decode(payload, 0, payload.length);
        } catch (RuntimeException e) {
            t.outcome.failed(e);
            return;
        }
        if (ok) {
            t.outcome.succeeded(value);
        } else {
            t.outcome.failed(value instanceof Throwable th ? th
                    : new IllegalStateException("the worker reported a failure that is not an exception: " + value));
        }
    }

    private Throwable decodeQuietly(byte[] data, int offset, int length) {
        try {
            Object o = codec.decode(data, offset, length);
            return o instanceof Throwable t ? t : new IllegalStateException(String.valueOf(o));
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Reads into {@code buf} until it is full or the socket is empty: -1 at end of stream. */
    private static int fill(UnixConnection c, ByteBuffer buf) {
        try {
            while (buf.hasRemaining()) {
                int n = c.read(buf);
                if (n < 0) {
                    return -1;
                }
                if (n == 0) {
                    return 0;
                }
            }
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }

    // ---- scheduling and writing ------------------------------------------------------------------

    private void dispatch() {
        if (phase != Phase.RUNNING && phase != Phase.CLOSING) {
            return;
        }
        while (!queue.isEmpty()) {
            Worker w = idlest();
            if (w == null) {
                break;
            }
            send(w, queue.pollFirst());
        }
        if (phase == Phase.CLOSING && queue.isEmpty()) {
            for (Worker w : workers) {
                if (w.state == Worker.State.READY && w.inflight.isEmpty()) {
                    stop(w);
                }
            }
        }
    }

    /**
     * The worker to send the next task to: an idle one, else (only while tasks are short, so that
     * no task waits behind a long one) the one with the fewest tasks whose current task started
     * most recently.
     */
    private @Nullable Worker idlest() {
        Worker best = null;
        long now = System.nanoTime();
        boolean pipeline = serviceNanos < PIPELINE_BELOW_NANOS;
        for (Worker w : workers) {
            if (w.state != Worker.State.READY || (maxTasksPerChild > 0 && w.tasksSent >= maxTasksPerChild)) {
                continue;
            }
            int n = w.inflight.size();
            boolean eligible = n == 0 || (pipeline && n < DEPTH && now - w.headSince < PIPELINE_BELOW_NANOS);
            if (eligible && (best == null || n < best.inflight.size()
                    || (n == best.inflight.size() && w.headSince > best.headSince))) {
                best = w;
            }
        }
        return best;
    }

    private void send(Worker w, Task t) {
        if (w.knownFunctions.get(t.fn.id) == null) {
            append(w, Frames.FUNC, t.fn.id, t.fn.bytes, 0, t.fn.bytes.length);
            w.knownFunctions.put(t.fn.id, Boolean.TRUE);
        }
        w.outBuf = Frames.grow(w.outBuf, Frames.HEADER_BYTES + Frames.TASK_PREFIX + t.argument.length);
        Frames.putHeader(w.outBuf, Frames.TASK, t.id, Frames.TASK_PREFIX + t.argument.length);
        w.outBuf.putLong(t.fn.id).put(t.mode).put(t.argument);
        w.dirty = true;
        if (w.inflight.isEmpty()) {
            w.headSince = System.nanoTime();
        }
        w.inflight.addLast(t);
        w.tasksSent++;
    }

    private void stop(Worker w) {
        w.state = Worker.State.STOPPING;
        append(w, Frames.STOP, 0, new byte[0], 0, 0);
        flush(w);
    }

    private static void append(Worker w, byte kind, long id, byte[] payload, int offset, int length) {
        w.outBuf = Frames.grow(w.outBuf, Frames.HEADER_BYTES + length);
        Frames.putHeader(w.outBuf, kind, id, length);
        w.outBuf.put(payload, offset, length);
        w.dirty = true;
    }

    private void flushAll() {
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            if (w.dirty) {
                flush(w);
            }
        }
    }

    private void flush(Worker w) {
        UnixConnection c = w.connection;
        if (c == null) {
            return;
        }
        w.dirty = false;
        w.outBuf.flip();
        try {
            while (w.outBuf.hasRemaining() && c.write(w.outBuf) > 0) {
                // keep writing while the socket takes bytes
            }
            boolean more = w.outBuf.hasRemaining();
            if (more != w.writeInterest) {
                mux.modify(c.fd(), more ? Events.IN | Events.OUT : Events.IN);
                w.writeInterest = more;
            }
        } catch (IOException e) {
            w.outBuf.clear();
            closeControl(w);
            return;
        }
        w.outBuf.compact();
    }

    // ---- ends ----------------------------------------------------------------------------------

    private void closeControl(Worker w) {
        UnixConnection c = w.connection;
        if (c != null) {
            unregister(c.fd());
            closeQuietly(c);
            w.connection = null;
        }
    }

    /** The worker exited: read what it left, settle its tasks, and replace it when work remains. */
    private void reap(Worker w) {
        readControl(w);
        closeWorker(w);
        workers.remove(w);
        ExitStatus status = w.exit;
        String how = status == null ? "exit status unknown" : status.toString();
        boolean started = w.state == Worker.State.READY || w.state == Worker.State.STOPPING;
        Task first = w.inflight.pollFirst();
        if (first != null) {
            WorkerDiedException died = new WorkerDiedException(w.pid(), how, w.err.lines());
            completions.add(() -> first.outcome.failed(died));
        }
        for (Task t = w.inflight.pollLast(); t != null; t = w.inflight.pollLast()) {
            queue.addFirst(t);
        }
        boolean killedFromOutside = status instanceof ExitStatus.Signaled sig
                && (sig.signal() == Signal.KILL.number() || sig.signal() == Signal.TERM.number());
        if (!started && !killedFromOutside && phase != Phase.TERMINATING && broken == null
                && ++startFailures >= MAX_START_FAILURES) {
            breakPool(new IllegalStateException("worker JVMs fail to start: worker " + w.pid() + " " + how
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
            if (w.reapAt != Long.MAX_VALUE && (w.openPipes.isEmpty() || now >= w.reapAt)) {
                reap(w);
            }
        }
    }

    private void closeWorker(Worker w) {
        closeControl(w);
        OutputPipe.finish(w, this);
        w.child.close();
    }

    /** Fails everything and stops every worker: TERM to its group now, KILL after the grace period. */
    private void stopAll(RuntimeException cause) {
        phase = Phase.TERMINATING;
        terminated = true;
        failAll(cause);
        for (Worker w : workers) {
            w.signal(Signal.TERM.number());
        }
        killAt = System.nanoTime() + KILL_GRACE_NANOS;
        mux.wakeup();
    }

    private void breakPool(RuntimeException cause) {
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

    void unregister(int fd) {
        try {
            if (mux.isRegistered(fd)) {
                mux.unregister(fd);
            }
        } catch (IOException | IllegalArgumentException e) {
            // already gone
        }
    }

    static void closeQuietly(@Nullable AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing more to do
            }
        }
    }

    /** A connection accepted on the path-mode socket that has not presented a token yet. */
    private static final class PendingConnection {
        final UnixConnection connection;
        ByteBuffer inBuf = Frames.buffer(512);

        PendingConnection(UnixConnection connection) {
            this.connection = connection;
        }
    }

}
