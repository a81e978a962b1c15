package io.procmux.pool.local;

import io.procmux.pool.JvmProcess;
import io.procmux.testkit.PoolTasks;

/** Starts a daemon JvmProcess that sleeps, prints its pid, and exits normally. */
public final class DaemonHostMain {
    private DaemonHostMain() {
    }

    public static void main(String[] args) throws Exception {
        JvmProcess p = new JvmProcess(() -> PoolTasks.sleepThenEcho(60_000), "daemon");
        p.setDaemon(true);
        p.start();
        System.out.println(p.pid());
        System.out.flush();
        Thread.sleep(500);
    }
}
