package io.procmux.pool.local;

import io.procmux.codec.Codec;
import io.procmux.ipc.UnixConnection;
import io.procmux.mux.EventSink;
import io.procmux.mux.Events;
import io.procmux.mux.Multiplexer;
import io.procmux.spawn.Signal;
import io.procmux.spi.MultiplexerProvider;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A synchronous {@code apply} that saves a thread hand-off (leader/follower): when the caller
 * finds an idle worker and nothing queued, it writes the task itself, takes that worker's control
 * socket out of the pool's multiplexer, and waits on the socket itself (on a multiplexer holding
 * only that socket) instead of parking until the I/O thread reads the answer and wakes it. The
 * round trip then costs two thread wake-ups (the worker's and the caller's) instead of three.
 *
 * <p>Leading is bounded: after {@value #LEAD_MICROS} µs without an answer (a long task), when the
 * caller is interrupted, when the socket ends (the worker died) or when the pool is terminated,
 * the caller hands the socket back to the I/O thread. Its multiplexer is level-triggered, so it
 * then sees whatever is pending on the socket; it reaps a dead worker and settles the task as
 * usual, and the caller parks on the result like any other. While a worker is led the I/O thread
 * neither reads its socket nor reaps it, and no other task is scheduled on it, so nothing is read
 * twice and nothing is lost. All state changes happen under the engine's lock. Turned off with
 * {@code -D}{@value #PROPERTY}{@code =false}, and off when the pool's multiplexer backend cannot be
 * found by name (a custom one given in the options).
 *
 * <p>An answered apply leaves the idle worker's socket out of the pool's multiplexer ("parked"):
 * an idle worker sends nothing unasked, and the pool puts the socket back as soon as it sends the
 * worker anything itself. So back-to-back sync applies change no registration at all, and a led
 * apply on a worker the I/O thread served last costs one (an {@code epoll_ctl}; with poll and
 * select a wake-up of the I/O thread too).
 *
 * <p>Cost per led apply in steady state: one write, for a short task a few non-blocking reads while
 * the caller polls for the answer ({@link LeadSpin}), then one wait on the worker's own multiplexer
 * and the reads; no registration change, no thread, no allocation. Each worker's own multiplexer is
 * opened on its first led apply and closed with the worker.
 */
final class DirectApply {
    /** The system property that turns leading off ({@code false}); on by default. */
    static final String PROPERTY = "procmux.pool.directApply";
    static final long LEAD_MICROS = 1000;
    private static final long LEAD_NANOS = TimeUnit.MICROSECONDS.toNanos(LEAD_MICROS);
    private static final EventSink IGNORE = (fd, events, attachment) -> { };

    private final PoolEngine engine;
    private final Codec<Object> codec;
    private final LeadSpin spin;
    /** Opens the workers' own multiplexers (the pool multiplexer's backend); null when leading is off. */
    private @Nullable MultiplexerProvider muxes;
    private long led;

    DirectApply(PoolEngine engine, Codec<Object> codec, LeadSpin spin, @Nullable MultiplexerProvider muxes) {
        this.engine = engine;
        this.codec = codec;
        this.spin = spin;
        this.muxes = muxes;
    }

    /** Whether leading is enabled in this JVM. */
    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /**
     * Submits {@code task} and, when it went to an idle worker, waits for its answer on that
     * worker's socket and completes the task's outcome in this thread. Otherwise, and when leading
     * ends without an answer, the I/O thread completes it.
     */
    void submit(Task task) {
        Worker w = begin(task);
        if (w == null) {
            return;
        }
        byte[] answer = null;
        try {
            lead(w, task);
        } finally {
            answer = end(w, task);
        }
        if (answer != null) {
            Inbound.deliver(codec, task, task.answerOk, answer);
        }
    }

    /** How many applies were led so far. */
    long ledApplies() {
        synchronized (engine) {
            return led;
        }
    }

    /**
     * Sends {@code task} like {@link PoolEngine#submit(Task)} and, when it went whole to an idle
     * worker, takes that worker's socket out of the pool's multiplexer.
     *
     * @return the worker now led by the caller, or null when the task took the ordinary path
     */
    private @Nullable Worker begin(Task task) {
        synchronized (engine) {
            engine.checkAccepting();
            Worker w = muxes == null || !engine.queue.isEmpty() ? null
                    : Scheduling.pick(engine.workers, engine.maxTasksPerChild, engine.serviceNanos);
            UnixConnection c = w == null ? null : w.connection;
            if (w == null || c == null || !w.inflight.isEmpty() || !openOwnMux(w)) {
                engine.queue.add(task);
                engine.dispatch();
                engine.flushAll();
                return null;
            }
            ControlChannel.unregister(engine.mux, c.fd());   // before the write: the answer must not wake the I/O thread
            w.led = true;
            task.led = true;
            ControlChannel.appendTask(w, task, engine.classes);
            engine.flushAll();
            if (w.connection == null || w.writeInterest) {
                endLocked(w, task);   // closed, or the frame did not fit in the socket: the I/O thread carries on
                return null;
            }
            led++;
            return w;
        }
    }

    /**
     * Polls the socket for a short task's answer ({@link LeadSpin}), then waits on the worker's own
     * multiplexer and reads, until the answer is in or leading must end.
     */
    private void lead(Worker w, Task task) {
        Multiplexer own = w.leaderMux;
        long start = System.nanoTime();
        long deadline = start + LEAD_NANOS;
        try {
            long service;
            synchronized (engine) {
                service = engine.serviceNanos;
            }
            long spinNanos = spin.nanosFor(service);
            if (spinNanos > 0) {
                long yielded = start - LeadSpin.YIELD_NANOS;
                long now;
                do {
                    if (read(w, task)) {
                        return;
                    }
                    now = System.nanoTime();
                    if (now - yielded >= LeadSpin.YIELD_NANOS) {
                        Thread.yield();   // lets a worker woken on this CPU run (a busy machine puts it here)
                        yielded = now;
                    } else {
                        Thread.onSpinWait();
                    }
                } while (now - start < spinNanos && !Thread.currentThread().isInterrupted());
            }
            while (own != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    return;
                }
                own.poll(left, IGNORE);
                if (read(w, task)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the worker's multiplexer failed or was closed: the I/O thread takes over
        }
    }

    /** Reads what the socket holds; true when leading should end (answer in, socket ended, pool stopping). */
    private boolean read(Worker w, Task task) {
        synchronized (engine) {
            if (w.connection != null && !Inbound.read(w, engine.frames)) {
                return true;   // end of stream: the I/O thread closes the socket and reaps the worker
            }
            return task.answer != null || w.connection == null || engine.phase == PoolEngine.Phase.TERMINATING
                    || engine.phase == PoolEngine.Phase.DONE;
        }
    }

    /**
     * Hands the worker back to the I/O thread: its socket returns to the pool's multiplexer, and
     * queued work or a pending reap goes on.
     *
     * @return the answer read while leading, or null when the task completes through the I/O thread
     */
    private byte @Nullable [] end(Worker w, Task task) {
        synchronized (engine) {
            endLocked(w, task);
            return task.answer;
        }
    }

    private void endLocked(Worker w, Task task) {
        w.led = false;
        task.led = false;
        Multiplexer own = w.leaderMux;
        if (own != null && !engine.workers.contains(w)) {
            own.close();   // the worker was closed while led (after a crash of the I/O loop)
            w.leaderMux = null;
        }
        if (w.exit != null || engine.phase != PoolEngine.Phase.RUNNING) {
            engine.mux.wakeup();
        }
        engine.dispatch();
        engine.flushAll();   // a task dispatched to this worker puts its socket back in the pool's multiplexer
        if (!parkable(w)) {
            try {
                ControlChannel.watch(w, engine.mux);
            } catch (IOException | RuntimeException e) {
                ControlChannel.close(w, engine.mux);
                w.signal(Signal.KILL.number());   // out of the I/O thread's sight: its exit settles its tasks
            }
        }
    }

    /**
     * Whether the worker's socket may stay out of the pool's multiplexer: it is ready, idle, and
     * owes the pool nothing, so the socket has nothing to say until the pool sends it a frame
     * (which puts it back, see {@link ControlChannel#flush}). Its death still reaches the I/O
     * thread through the exit future, and reaping reads the socket. The next led apply on it then
     * costs no registration change.
     */
    private static boolean parkable(Worker w) {
        return w.state == Worker.State.READY && w.inflight.isEmpty() && !w.writeInterest && w.exit == null;
    }

    private boolean openOwnMux(Worker w) {
        UnixConnection c = w.connection;
        MultiplexerProvider provider = muxes;
        if (w.leaderMux != null || c == null || provider == null) {
            return w.leaderMux != null;
        }
        Multiplexer own = null;
        try {
            own = provider.open();
            own.register(c.fd(), Events.IN, w);
            w.leaderMux = own;
            return true;
        } catch (IOException | RuntimeException e) {
            if (own != null) {
                own.close();
            }
            muxes = null;   // this backend cannot: every apply takes the ordinary path from now on
            return false;
        }
    }
}
