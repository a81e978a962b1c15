package io.procmux.it.cluster;

/** Task bodies shipped to the member JVMs (which share this test classpath). */
final class ClusterTasks {
    private ClusterTasks() {
    }

    /** Spins {@code micros} µs of CPU, then returns the pid of the JVM that ran it. */
    static long spinThenPid(int micros) {
        long end = System.nanoTime() + micros * 1000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return ProcessHandle.current().pid();
    }
}
