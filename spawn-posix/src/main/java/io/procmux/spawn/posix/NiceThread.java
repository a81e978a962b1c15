package io.procmux.spawn.posix;

import io.procmux.spawn.SpawnException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Starts a child with a nice value and no window at the parent's priority. On Linux the nice
 * value belongs to each thread and a child inherits its creating thread's, so the spawn runs on
 * a short-lived helper thread that first sets its own nice value ({@code setpriority(PRIO_PROCESS,
 * 0, n)} acts on the calling thread only), and then dies; the caller's threads are untouched.
 * Lowering the value below this process's needs {@code CAP_SYS_NICE} (or {@code RLIMIT_NICE});
 * a refusal is a {@link SpawnException} saying so, before anything is started.
 *
 * <p>Cost: one thread created and joined per spawn that asks for a nice value.
 */
final class NiceThread {
    private static final int PRIO_PROCESS = 0;

    private NiceThread() {
    }

    /** Runs {@code spawn} on a helper thread whose nice value is {@code nice}. */
    static <T> T spawnWithNice(Native nat, String program, int nice, Callable<T> spawn) throws IOException {
        FutureTask<T> task = new FutureTask<>(() -> {
            applyToThisThread(nat, program, nice);
            return spawn.call();
        });
        Thread helper = new Thread(task, "procmux-nice-spawn");
        helper.setDaemon(true);
        helper.start();
        return await(task);
    }

    /** Sets the calling thread's nice value; a refusal names the program and the privilege needed. */
    static void applyToThisThread(Native nat, String program, int nice) throws SpawnException {
        if (nat.libc().setpriority(PRIO_PROCESS, 0, nice) != 0) {
            int errno = nat.errno();
            String why = errno == Errnos.EACCES || errno == Errnos.EPERM
                    ? "setting nice " + nice + " below this process's value needs privilege (CAP_SYS_NICE or RLIMIT_NICE): "
                    : "setting nice " + nice + ": ";
            throw new SpawnException(program, Native.errnoName(errno), why + Native.errnoText(errno));
        }
    }

    /**
     * The result of a spawn running on another thread. Waits through interrupts (a child that may
     * be starting is never abandoned) and restores the interrupt flag afterwards.
     */
    static <T> T await(FutureTask<T> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IOException(c);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
