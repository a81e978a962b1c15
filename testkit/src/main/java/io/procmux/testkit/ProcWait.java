package io.procmux.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits, in tests, for a state change another process makes and that no descriptor announces:
 * a process running a given command, a file created, a process or thread gone. Checks every 10 ms and fails after
 * 60 s, so it turns a hang into a failure and asserts nothing about timing. Linux ({@code /proc}).
 * Cost: one small {@code /proc} read per check.
 */
public final class ProcWait {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private ProcWait() {
    }

    /** Until {@code /proc/PID/comm} reads {@code command} (after the child's execs). */
    public static void untilCommandIs(long pid, String command) throws InterruptedException {
        until(() -> command.equals(comm(pid)), "pid " + pid + " to run " + command);
    }

    /** Until {@code pid} is gone or a zombie (a reparented zombie may wait for a reaper that never comes). */
    public static void untilDead(long pid) throws InterruptedException {
        until(() -> ProcScan.stat(pid).map(s -> s.state() == 'Z').orElse(true), "pid " + pid + " to die");
    }

    /** Until {@code path} exists (a file another process creates when it is ready). */
    public static void untilExists(Path path) throws InterruptedException {
        until(() -> Files.exists(path), path + " to appear");
    }

    /** Until {@code path} (e.g. {@code /proc/self/task/TID}) no longer exists. */
    public static void untilGone(Path path) throws InterruptedException {
        until(() -> !Files.exists(path), path + " to disappear");
    }

    private static void until(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + LIMIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm"), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }
}
