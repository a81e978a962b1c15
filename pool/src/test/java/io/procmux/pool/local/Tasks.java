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

    static int square(int x) {
        return x * x;
    }

    static long pid(Object ignored) {
        return ProcessHandle.current().pid();
    }

    static int sleepThenEcho(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    static int fail(int x) {
        throw new IllegalStateException("task failed on " + x);
    }

    static int exitWorker(int code) {
        System.err.println("about to exit with " + code);
        System.exit(code);
        return code;
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

    /** Appends the task id to a log (one line per execution), then returns it; O_APPEND keeps lines whole. */
    static int logged(Path log, int id, int sleepMicros) {
        try {
            Files.write(log, (id + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE,
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
