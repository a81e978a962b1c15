package io.procmux.spawn.jvm;

import java.io.File;
import java.io.IOException;

/**
 * Sends a signal other than TERM and KILL, which the JDK cannot send, by running
 * {@code /bin/kill -s N pid}.
 *
 * <p>Cost: one extra process (start, wait) per signal, and its reaper thread while it runs.
 */
final class KillCommand {
    private static final File KILL = new File("/bin/kill");

    private KillCommand() {
    }

    /** Sends {@code signal} to {@code target}; false when the target had exited. */
    static boolean send(int signal, Process target) {
        if (!KILL.canExecute()) {
            throw new UnsupportedOperationException("the jvm spawner sends signal " + signal
                    + " with /bin/kill, which is missing here; the posix spawner sends any signal");
        }
        try {
            Process kill = new ProcessBuilder(KILL.getPath(), "-s", Integer.toString(signal), Long.toString(target.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int rc = kill.waitFor();
            if (rc != 0 && target.isAlive()) {
                throw new IllegalStateException("/bin/kill -s " + signal + " " + target.pid() + " failed with exit code " + rc);
            }
            return rc == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run /bin/kill to send signal " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending signal " + signal, e);
        }
    }
}
