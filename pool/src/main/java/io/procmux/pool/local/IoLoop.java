package io.procmux.pool.local;

import io.procmux.mux.Multiplexer;
import java.util.ArrayList;

/**
 * The body of a pool's one I/O thread: wait on the multiplexer (events go to the engine), let the
 * engine do its bookkeeping, then run the completions (result decoding and user callbacks) outside
 * the pool's lock, until the engine is done; then release everything.
 *
 * <p>Cost: the completion list is reused; one multiplexer wait per turn.
 */
final class IoLoop implements Runnable {
    private final PoolEngine engine;
    private final Multiplexer mux;
    private final ArrayList<Runnable> running = new ArrayList<>();

    IoLoop(PoolEngine engine, Multiplexer mux) {
        this.engine = engine;
        this.mux = mux;
    }

    @Override
    public void run() {
        try {
            boolean done = false;
            while (!done) {
                mux.poll(engine.nextTimeoutNanos(), engine);
                done = engine.afterPoll();
                runCompletions();
            }
        } catch (Throwable t) {
            engine.crash(t);
            runCompletions();
        } finally {
            engine.cleanup();
        }
    }

    private void runCompletions() {
        engine.takeCompletions(running);
        for (int i = 0; i < running.size(); i++) {
            running.get(i).run();
        }
        running.clear();
    }
}
