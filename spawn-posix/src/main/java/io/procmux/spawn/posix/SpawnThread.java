package io.procmux.spawn.posix;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A daemon thread that lives as long as the JVM and runs the spawns handed to it, one at a time.
 * A child started with {@code PR_SET_PDEATHSIG} gets its signal when the <em>thread</em> that
 * created it exits, not the process; spawning such children here, instead of on a caller's thread
 * that may end at any time, makes "the parent died" mean "this JVM died".
 *
 * <p>Cost: one thread for the JVM's life; per spawn one queue insertion and two thread wake-ups
 * (this thread, then the caller).
 */
final class SpawnThread {
    private final BlockingQueue<FutureTask<?>> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean retired;

    /** Starts the thread; it inherits the calling thread's nice value. */
    SpawnThread(String name) {
        this.thread = new Thread(this::serve, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code spawn} on this thread and returns its result, waiting through interrupts. */
    <T> T run(Callable<T> spawn) throws IOException {
        if (retired) {
            throw new IllegalStateException(thread.getName() + " is retired");
        }
        FutureTask<T> task = new FutureTask<>(spawn);
        tasks.add(task);
        return NiceThread.await(task);
    }

    /** Lets the thread end after the tasks already queued (used when its set-up failed). */
    void retire() {
        retired = true;
        tasks.add(new FutureTask<>(() -> null));
    }

    private void serve() {
        while (true) {
            FutureTask<?> next;
            try {
                next = tasks.take();
            } catch (InterruptedException e) {
                continue; // nobody owns this thread but us: keep serving
            }
            next.run();
            if (retired && tasks.isEmpty()) {
                return;
            }
        }
    }
}
