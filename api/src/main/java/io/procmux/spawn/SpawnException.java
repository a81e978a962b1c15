package io.procmux.spawn;

import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A child could not be started: the program was not found, is not executable, the directory is
 * missing, a privilege was refused. The message names the program and the reason; {@link #errno()}
 * carries the POSIX error name ({@code ENOENT}, {@code EACCES}, ...) when one is known.
 */
public class SpawnException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String program;
    private final @Nullable String errno;

    /** Creates the exception; the message is {@code cannot run <program>: <reason>}. */
    public SpawnException(String program, @Nullable String errno, String reason) {
        super("cannot run " + program + ": " + reason + (errno == null ? "" : " (" + errno + ")"));
        this.program = program;
        this.errno = errno;
    }

    /** The program that could not be run. */
    public String program() {
        return program;
    }

    /** The POSIX error name, if known. */
    public Optional<String> errno() {
        return Optional.ofNullable(errno);
    }
}
