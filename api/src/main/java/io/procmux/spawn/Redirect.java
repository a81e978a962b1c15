package io.procmux.spawn;

import java.nio.file.Path;

/**
 * Where one of a child's standard streams goes, like {@code subprocess}'s {@code stdin=},
 * {@code stdout=}, {@code stderr=}: inherited, discarded, a pipe to this process, a file, or
 * (for stderr only) merged into stdout.
 */
public sealed interface Redirect permits Redirect.Inherit, Redirect.Discard, Redirect.Pipe,
        Redirect.ReadFile, Redirect.WriteFile, Redirect.ToStdout {

    /** Share this process's stream. */
    Redirect INHERIT = new Inherit();
    /** {@code /dev/null}. */
    Redirect DISCARD = new Discard();
    /** A pipe whose other end this process reads or writes through {@link Child}. */
    Redirect PIPE = new Pipe();
    /** stderr only: the same destination as stdout (Python's {@code stderr=STDOUT}). */
    Redirect TO_STDOUT = new ToStdout();

    /** Reads stdin from a file. */
    static Redirect read(Path file) {
        return new ReadFile(file);
    }

    /** Writes to a file, truncating it (created with mode 0666 minus umask). */
    static Redirect write(Path file) {
        return new WriteFile(file, false);
    }

    /** Appends to a file, creating it if needed. */
    static Redirect append(Path file) {
        return new WriteFile(file, true);
    }

    /** See {@link #INHERIT}. */
    record Inherit() implements Redirect {
    }

    /** See {@link #DISCARD}. */
    record Discard() implements Redirect {
    }

    /** See {@link #PIPE}. */
    record Pipe() implements Redirect {
    }

    /** See {@link #TO_STDOUT}. */
    record ToStdout() implements Redirect {
    }

    /**
     * Input from a file.
     *
     * @param file the file to open for reading
     */
    record ReadFile(Path file) implements Redirect {
    }

    /**
     * Output to a file.
     *
     * @param file the file to open for writing
     * @param append whether to append rather than truncate
     */
    record WriteFile(Path file, boolean append) implements Redirect {
    }
}
