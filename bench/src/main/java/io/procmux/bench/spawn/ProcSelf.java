package io.procmux.bench.spawn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What {@code /proc} says about this JVM: its thread count ({@code /proc/self/task}) and how many
 * of its children are zombies (a scan of every {@code /proc/<pid>/stat}). Linux only.
 *
 * <p>Cost: one directory listing for the threads; for zombies, one small file read per process
 * on the machine.
 */
final class ProcSelf {
    private static final Path PROC = Path.of("/proc");

    private ProcSelf() {
    }

    /** The number of threads of this process, JVM threads included. */
    static int threads() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve("self/task"))) {
            int n = 0;
            for (Path ignored : tasks) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/task (Linux only)", e);
        }
    }

    /** How many processes whose parent is this process are zombies (state {@code Z}). */
    static int zombieChildren() {
        return zombieChildren(PROC, ProcessHandle.current().pid());
    }

    /** How many processes under {@code proc} (a {@code /proc} tree) whose parent is {@code parent} are zombies. */
    static int zombieChildren(Path proc, long parent) {
        int zombies = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : all) {
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    continue; // exited while we looked
                } catch (IOException e) {
                    continue; // not ours to read; a zombie child of ours is always readable
                }
                if (parentOf(stat) == parent && stateOf(stat) == 'Z') {
                    zombies++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc, e);
        }
        return zombies;
    }

    /**
     * The state letter of a {@code /proc/<pid>/stat} line: the field after the command, which is
     * in parentheses and may itself hold spaces and parentheses, so it is found from the last {@code ')'}.
     *
     * @throws IllegalArgumentException for a line without that shape
     */
    static char stateOf(String stat) {
        return fieldsAfterCommand(stat)[0].charAt(0);
    }

    /** The parent pid of a {@code /proc/<pid>/stat} line. @throws IllegalArgumentException for a malformed line */
    static long parentOf(String stat) {
        String field = fieldsAfterCommand(stat)[1];
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stat line has ppid '" + field + "': " + stat, e);
        }
    }

    private static String[] fieldsAfterCommand(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line (no ') ' after the command): " + stat);
        }
        String[] fields = stat.substring(close + 1).trim().split(" ");
        if (fields.length < 2 || fields[0].length() != 1) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line (no state and ppid): " + stat);
        }
        return fields;
    }
}
