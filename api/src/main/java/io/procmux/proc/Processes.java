package io.procmux.proc;

import java.util.OptionalLong;

/**
 * This process's own identity, Python's {@code os.getpid()} and {@code os.getppid()}.
 * Cost: no syscall after the first call of each (the JDK caches the pid; the parent is looked up).
 */
public final class Processes {
    private Processes() {
    }

    /** This JVM's process id. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** This JVM's parent's process id, when the OS reports one. */
    public static OptionalLong ppid() {
        return ProcessHandle.current().parent().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }
}
