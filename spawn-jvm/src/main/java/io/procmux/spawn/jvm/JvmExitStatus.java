package io.procmux.spawn.jvm;

import io.procmux.spawn.ExitStatus;
import java.util.Set;

/**
 * Turns the JDK's exit value into an {@link ExitStatus}. The JDK reports a child killed by signal
 * N as the exit value 128 + N, exactly what a child that called {@code exit(128 + N)} reports, and
 * it reaps the child itself, so the real wait status is lost. This mapping claims a signal only
 * with evidence: the value is 128 + N and this backend sent signal N to the child (through
 * {@link io.procmux.spawn.Child#signal} or {@code terminate}). Otherwise the value is reported as an
 * exit code: {@code exit 137} is {@code exited with code 137}, and so is a SIGKILL from another
 * process (the one case this backend gets wrong; the {@code posix} backend sees the real status).
 * The core-dump flag is never known and always false.
 *
 * <p>Cost: none beyond a set lookup.
 */
final class JvmExitStatus {
    private JvmExitStatus() {
    }

    /** The status for {@code exitValue} given the signal numbers this backend sent. */
    static ExitStatus of(int exitValue, Set<Integer> signalsSent) {
        int code = exitValue & 0xff;
        if (code > 128 && signalsSent.contains(code - 128)) {
            return new ExitStatus.Signaled(code - 128, false);
        }
        return new ExitStatus.Exited(code);
    }
}
