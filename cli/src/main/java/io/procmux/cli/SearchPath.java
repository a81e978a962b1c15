package io.procmux.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a program on this process's {@code PATH} the way {@code execvp} would (an empty entry is
 * the current directory). Cost: one {@code stat} per {@code PATH} entry until a match.
 */
public final class SearchPath {
    private SearchPath() {
    }

    /** The first executable, non-directory {@code PATH} entry named {@code program}, if any. */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
