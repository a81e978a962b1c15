package io.procmux.pool.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Task bodies the tests ship to workers: small static methods, no state. */
final class Tasks {
    private Tasks() {
    }

    static void writePid(String file) {
        try {
            Files.writeString(Path.of(file), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long sayOnStderr(Integer ignored) {
        System.err.println("hello from the worker");
        System.err.flush();
        return ProcessHandle.current().pid();
    }

    static long pid(Integer ignored) {
        return ProcessHandle.current().pid();
    }

    static long sleepThenPid(int millis) {
        io.procmux.testkit.PoolTasks.sleepThenEcho(millis);
        return ProcessHandle.current().pid();
    }

    /** Prints a line on stdout and on stderr, then blocks until the file {@code release} exists (30 s at most). */
    static long printThenWait(String release) {
        System.out.println("out before the block");
        System.err.println("err before the block");
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!java.nio.file.Files.exists(java.nio.file.Path.of(release)) && System.nanoTime() < end) {
            io.procmux.testkit.PoolTasks.sleepThenEcho(10);
        }
        return ProcessHandle.current().pid();
    }

    /** Halts its worker at once, with no shutdown hooks (dies within a led apply's wait). */
    static int haltWorker(int code) {
        Runtime.getRuntime().halt(code);
        return code;
    }

    static int exitWorker(int code) {
        System.err.println("about to exit with " + code);
        System.exit(code);
        return code;
    }

    /**
     * Appends this worker's pid to the log named by the key, then SIGKILLs its worker while the log
     * has no more lines than the value; returns the pid once it lives through.
     */
    static long logPidThenDie(java.util.Map.Entry<String, Integer> logAndDeaths) {
        Path log = Path.of(logAndDeaths.getKey());
        long pid = ProcessHandle.current().pid();
        try {
            Files.writeString(log, pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (Files.readAllLines(log).size() <= logAndDeaths.getValue()) {
                new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
                Thread.sleep(10_000);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return pid;
    }

    static int killSelf(int x) {
        System.err.println("killing myself over " + x);
        try {
            new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            Thread.sleep(10_000);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return x;
    }

    /** The system property (set by an initializer) naming the execution log of {@link #logged}. */
    static final String LOG_PROPERTY = "pool.test.log";

    /**
     * Appends the task id to the log named by {@link #LOG_PROPERTY} (one line per execution; O_APPEND
     * keeps lines whole), spins 50 µs, and returns the id.
     */
    static int logged(int id) {
        int sleepMicros = 50;
        try {
            Files.write(Path.of(System.getProperty(LOG_PROPERTY)), (id + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sleepMicros > 0) {
            long end = System.nanoTime() + sleepMicros * 1000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
        return id;
    }
}
