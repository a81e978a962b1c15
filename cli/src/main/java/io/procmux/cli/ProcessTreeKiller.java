package io.procmux.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and everything it started: SIGTERM to the process and all its descendants,
 * a grace period, then SIGKILL to whatever is left. Portable (ProcessHandle), so it works with
 * every spawner; descendants are collected before the first signal so reparented grandchildren
 * are not missed. Cost: one process-table walk per round.
 */
final class ProcessTreeKiller {
    private ProcessTreeKiller() {
    }

    /** Terminates the tree rooted at {@code pid}; returns after everything is gone or was sent SIGKILL. */
    static void terminate(long pid, Duration grace) throws InterruptedException {
        List<ProcessHandle> tree = collect(pid);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                break;
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static List<ProcessHandle> collect(long pid) {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(root -> {
            tree.add(root);
            root.descendants().forEach(tree::add);
        });
        return tree;
    }
}
