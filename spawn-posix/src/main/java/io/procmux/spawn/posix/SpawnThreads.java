package io.procmux.spawn.posix;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The long-lived {@link SpawnThread}s that start children with a parent-death signal: one for
 * spawns without a nice value and one per nice value asked for (a thread's nice value can be
 * raised but, without privilege, never lowered again, so each value keeps its own thread). A
 * thread whose nice value is refused is retired at once and the refusal is thrown.
 *
 * <p>Cost: at most 41 threads for the JVM's life (one plus one per nice value -20..19 in use),
 * created on first use; none for spawns without a parent-death signal.
 */
final class SpawnThreads {
    private static final int NO_NICE = Integer.MIN_VALUE;
    private static final Map<Integer, SpawnThread> THREADS = new ConcurrentHashMap<>();

    private SpawnThreads() {
    }

    /** Runs {@code spawn} on the long-lived thread for {@code nice}, creating it if needed. */
    static <T> T run(Native nat, String program, OptionalInt nice, Callable<T> spawn) throws IOException {
        return threadFor(nat, program, nice).run(spawn);
    }

    private static SpawnThread threadFor(Native nat, String program, OptionalInt nice) throws IOException {
        int key = nice.orElse(NO_NICE);
        SpawnThread t = THREADS.get(key);
        if (t != null) {
            return t;
        }
        synchronized (THREADS) {
            t = THREADS.get(key);
            if (t != null) {
                return t;
            }
            String name = "procmux-pdeathsig-spawn" + (nice.isPresent() ? "-nice" + nice.getAsInt() : "");
            SpawnThread created = new SpawnThread(name);
            if (nice.isPresent()) {
                try {
                    created.run(() -> {
                        NiceThread.applyToThisThread(nat, program, nice.getAsInt());
                        return null;
                    });
                } catch (IOException | RuntimeException e) {
                    created.retire();
                    throw e;
                }
            }
            THREADS.put(key, created);
            return created;
        }
    }
}
