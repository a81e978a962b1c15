package io.procmux.cli.parallel;

/**
 * Bad input to {@code procmux parallel} found before any job runs: an unknown replacement string,
 * an empty command, a missing {@code ::::} file, a NUL byte in line mode. The message is one line
 * a user can act on. Cost: an exception, once per run at most.
 */
public final class ParallelUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a user-facing message. */
    public ParallelUsageException(String message) {
        super(message);
    }
}
