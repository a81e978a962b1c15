package io.procmux.spawn;

/**
 * How a child ended (or paused): exited with a code, killed by a signal, or stopped by one.
 * {@link #toString()} reads like a shell's report ({@code killed by SIGKILL}); the two exit-code
 * views follow Python ({@link #pythonExitCode()}: negative for a signal) and the shell
 * ({@link #shellExitCode()}: 128 + signal).
 */
public sealed interface ExitStatus permits ExitStatus.Exited, ExitStatus.Signaled, ExitStatus.Stopped {

    /** Whether the child exited normally with code 0. */
    boolean success();

    /** Python's {@code Popen.returncode}: the exit code, or minus the signal number. */
    int pythonExitCode();

    /** A shell's {@code $?}: the exit code, or 128 plus the signal number. */
    int shellExitCode();

    /**
     * Decodes a raw status word from {@code waitpid(2)} (the same layout on Linux and macOS).
     *
     * @throws IllegalArgumentException for a word that is none of exited, signaled or stopped
     *     (for example {@code WIFCONTINUED})
     */
    static ExitStatus fromWaitStatus(int status) {
        int low = status & 0x7f;
        if (low == 0) {
            return new Exited((status >> 8) & 0xff);
        }
        if ((status & 0xff) == 0x7f) {
            return new Stopped((status >> 8) & 0xff);
        }
        if (status == 0xffff) {
            throw new IllegalArgumentException("Wait status 0xffff means continued, not an exit");
        }
        return new Signaled(low, (status & 0x80) != 0);
    }

    /**
     * The child called {@code exit(code)} or returned from main.
     *
     * @param code 0..255
     */
    record Exited(int code) implements ExitStatus {
        /** Validates the range. */
        public Exited {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("Exit code " + code + " is outside 0..255");
            }
        }

        @Override
        public boolean success() {
            return code == 0;
        }

        @Override
        public int pythonExitCode() {
            return code;
        }

        @Override
        public int shellExitCode() {
            return code;
        }

        @Override
        public String toString() {
            return "exited with code " + code;
        }
    }

    /**
     * The child was killed by a signal.
     *
     * @param signal the signal number
     * @param coreDumped whether the kernel wrote a core file
     */
    record Signaled(int signal, boolean coreDumped) implements ExitStatus {
        @Override
        public boolean success() {
            return false;
        }

        @Override
        public int pythonExitCode() {
            return -signal;
        }

        @Override
        public int shellExitCode() {
            return 128 + signal;
        }

        @Override
        public String toString() {
            return "killed by " + Signal.describe(signal) + (coreDumped ? " (core dumped)" : "");
        }
    }

    /**
     * The child is stopped (not ended) by a signal such as SIGSTOP; seen only when asked for.
     *
     * @param signal the stopping signal's number
     */
    record Stopped(int signal) implements ExitStatus {
        @Override
        public boolean success() {
            return false;
        }

        @Override
        public int pythonExitCode() {
            return -signal;
        }

        @Override
        public int shellExitCode() {
            return 128 + signal;
        }

        @Override
        public String toString() {
            return "stopped by " + Signal.describe(signal);
        }
    }
}
