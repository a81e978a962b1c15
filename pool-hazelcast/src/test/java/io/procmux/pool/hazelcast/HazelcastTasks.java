package io.procmux.pool.hazelcast;

import io.procmux.testkit.PoolTasks;

/** Task bodies for the hazelcast tests that need more than testkit's {@link PoolTasks}. */
final class HazelcastTasks {
    private HazelcastTasks() {
    }

    /** Sleeps {@code millis}, then returns the pid of the JVM that ran it. */
    static long sleepThenPid(int millis) {
        PoolTasks.sleepThenEcho(millis);
        return ProcessHandle.current().pid();
    }

    /** How often each id ran, across every member of this JVM. */
    static final java.util.concurrent.ConcurrentHashMap<Integer, Integer> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Counts a run of {@code id} in {@link #RUNS}, then holds its thread 1.5 s, interrupts or not. */
    static int countThenHold(int id) {
        RUNS.merge(id, 1, Integer::sum);
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // a member being terminated interrupts its tasks; this one keeps its thread to the end
            }
        }
        return id;
    }
}
